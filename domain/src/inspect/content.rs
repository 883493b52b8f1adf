//! What a PDF's text says, for the documents where it matters: a certificate of studies for the
//! current academic year in the student's name, a RIB with a valid IBAN in the student's name.
//! Only claims the text can back: no text, or text we cannot read, means no finding.

use super::Problem;
use crate::countries::fold;
use crate::iban::{BicFound, Iban};
use crate::rules::DocumentId;

/// The student, as typed in the form.
#[derive(Clone, Copy, Debug, Default)]
pub struct Student<'a> {
    /// Last name.
    pub last_name: &'a str,
    /// First name.
    pub first_name: &'a str,
}

/// Text folded for matching (lower case, no accents, punctuation as spaces), and the same
/// without any space (letters shown one by one still match).
fn folded(text: &str) -> (String, String) {
    let f = fold(text);
    let squashed = f.chars().filter(|c| !c.is_whitespace()).collect();
    (f, squashed)
}

/// Academic years a text names: "2026-2027", "2026/2027", "2026–27", "2026 - 2027".
pub fn academic_years(text: &str) -> Vec<(u16, u16)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let number = |at: usize, len: usize| -> Option<u16> {
        let s: String = chars.get(at..at + len)?.iter().collect();
        if s.chars().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    for i in 0..chars.len() {
        let Some(first) = number(i, 4).filter(|y| (1990..=2100).contains(y)) else { continue };
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let mut j = i + 4;
        while chars.get(j).is_some_and(|c| *c == ' ') {
            j += 1;
        }
        if !chars.get(j).is_some_and(|c| matches!(c, '-' | '/' | '–' | '—')) {
            continue;
        }
        j += 1;
        while chars.get(j).is_some_and(|c| *c == ' ') {
            j += 1;
        }
        let second = match (number(j, 4), number(j, 2)) {
            (Some(y), _) if !chars.get(j + 4).is_some_and(char::is_ascii_digit) => Some(y),
            (None, Some(yy)) if !chars.get(j + 2).is_some_and(char::is_ascii_digit) => {
                Some(first / 100 * 100 + yy)
            }
            _ => None,
        };
        if second == Some(first + 1) {
            out.push((first, first + 1));
        }
    }
    out
}

/// Enough letters to be read text, not glyph codes without a map.
pub(super) fn readable(text: &str) -> bool {
    text.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 20
}

fn names_found(text: &(String, String), student: &Student<'_>) -> bool {
    let (_, last) = folded(student.last_name);
    if last.is_empty() {
        return true;
    }
    text.1.contains(&last)
}

/// What introduces the account holder's name on a RIB, longest first where one begins another.
const HOLDER_LABELS: &[&str] = &[
    "titulaires du compte",
    "titulaire du compte",
    "nom du titulaire",
    "intitulé du compte",
    "intitule du compte",
    "account holder name",
    "account holder",
    "account name",
    "titulaires",
    "titulaire",
    "holder",
];

/// Where a holder's name stops: the next label of a RIB.
const HOLDER_ENDS: &[&str] = &[
    "iban",
    "bic",
    "swift",
    "domiciliation",
    "adresse",
    "address",
    "banque",
    "bank",
    "code",
    "guichet",
    "clé",
    "cle rib",
    "numéro",
    "numero",
    "devise",
    "rib",
];

/// Titles before a name, left out of it.
const CIVILITIES: &[&str] =
    &["m.", "mme", "mlle", "mr", "mrs", "ms", "miss", "madame", "monsieur", "mademoiselle", "m"];

/// The account holder's name a RIB's text gives after its label ("Titulaire : M. Moussa SOW"),
/// without title; `None` when the text names no holder.
#[must_use]
pub fn holder(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let starts = |at: usize, word: &str| {
        let mut n = 0;
        for w in word.chars() {
            if lower.get(at + n) != Some(&w) {
                return None;
            }
            n += 1;
        }
        Some(n)
    };
    let word_start = |at: usize| at == 0 || !lower[at - 1].is_alphanumeric();
    for at in 0..lower.len() {
        if !word_start(at) {
            continue;
        }
        let Some(len) = HOLDER_LABELS.iter().find_map(|l| starts(at, l)) else { continue };
        let mut i = at + len;
        while chars
            .get(i)
            .is_some_and(|c| matches!(c, ' ' | '\t' | ':' | '-' | '–' | '—' | '(' | ')' | 's'))
        {
            // "Titulaire(s) :" and its punctuation.
            if chars[i] == 's' && chars.get(i + 1).is_none_or(|c| c.is_alphanumeric()) {
                break;
            }
            i += 1;
        }
        let mut end = i;
        while end < chars.len() && end - i < 80 {
            let c = chars[end];
            let ends_here = matches!(c, '\n' | '\r' | '—' | '|' | ';' | '/' | ',')
                || c.is_ascii_digit()
                || (word_start(end)
                    && HOLDER_ENDS.iter().any(|w| {
                        starts(end, w).is_some_and(|n| {
                            !lower.get(end + n).is_some_and(|c| c.is_alphanumeric())
                        })
                    }));
            if ends_here {
                break;
            }
            end += 1;
        }
        let name: String = chars[i..end].iter().collect();
        let mut words: Vec<&str> = name.split_whitespace().collect();
        // "M. ou Mme DIALLO": titles and the words between them.
        while words.first().is_some_and(|w| {
            CIVILITIES.contains(&w.to_lowercase().as_str())
                || (words.len() > 1
                    && matches!(w.to_lowercase().as_str(), "ou" | "et" | "or" | "and" | "&"))
        }) {
            words.remove(0);
        }
        let name = words.join(" ");
        let name = name.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '.');
        if name.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            return Some(name.to_owned());
        }
    }
    None
}

/// What a document's text says wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Content {
    /// Its problems.
    pub problems: Vec<Problem>,
    /// The holder a RIB names, when it is not the student ([`Problem::RibOtherName`]).
    pub holder: Option<String>,
    /// The country code of the IBAN a RIB shows.
    pub iban_country: Option<String>,
    /// The BIC a RIB shows, or what its "BIC" label is followed by when that is not one.
    pub bic: Option<String>,
}

/// What an admission letter or a pre-registration says of itself, folded and without spaces
/// (French and English).
const ADMISSION_WORDS: [&str; 10] = [
    "lettredadmission",
    "attestationdadmission",
    "avisdadmission",
    "preinscription",
    "admissionletter",
    "letterofadmission",
    "acceptanceletter",
    "letterofacceptance",
    "offerofadmission",
    "conditionaloffer",
];

/// Content problems of a document's text.
#[must_use]
pub fn check(
    doc: DocumentId,
    text: &str,
    student: Option<&Student<'_>>,
    year: Option<(u16, u16)>,
) -> Content {
    let mut problems = Vec::new();
    let mut found = Content::default();
    if !readable(text) {
        return Content::default();
    }
    let f = folded(text);
    match doc {
        DocumentId::CertificateOfStudies => {
            // An admission or a pre-registration comes before enrolment: the portal wants the
            // certificate the university issues once the student is enrolled for the year.
            if ADMISSION_WORDS.iter().any(|w| f.1.contains(w)) {
                problems.push(Problem::CertificateIsAdmission);
            }
            if let Some((first, second)) = year {
                let years = academic_years(text);
                if !years.contains(&(first, second)) {
                    if years.iter().any(|&(y, _)| y < first) {
                        problems.push(Problem::CertificateOldYear);
                    } else {
                        problems.push(Problem::CertificateYearNotFound);
                    }
                }
            }
            if student.is_some_and(|s| !names_found(&f, s)) {
                problems.push(Problem::NameNotFound);
            }
        }
        DocumentId::Rib => {
            let ibans = Iban::find_in(text);
            if ibans.is_empty() {
                let says_iban = f.0.contains("iban");
                problems.push(if says_iban { Problem::IbanInvalid } else { Problem::IbanNotFound });
            }
            let iban = ibans.first();
            if let Some(iban) = iban.filter(|iban| !iban.sepa()) {
                problems.push(Problem::IbanNotSepa);
                found.iban_country = Some(iban.country().to_owned());
            }
            match BicFound::read(text, iban) {
                BicFound::Missing => problems.push(Problem::BicNotFound),
                BicFound::Unclear => {}
                BicFound::Malformed(code) => {
                    problems.push(Problem::BicInvalid);
                    found.bic = Some(code);
                }
                BicFound::Found(bic) => {
                    if let Some(iban) = iban.filter(|iban| !bic.fits(iban)) {
                        problems.push(Problem::BicCountryMismatch);
                        found.iban_country = Some(iban.country().to_owned());
                    }
                    found.bic = Some(bic.to_string());
                }
            }
            // The rules refuse a RIB in anyone else's name (a parent's, a host's): an error,
            // naming whose name the RIB shows where its text says.
            if student.is_some_and(|s| !names_found(&f, s)) {
                found.holder = holder(text);
                problems.push(if found.holder.is_some() {
                    Problem::RibOtherName
                } else {
                    Problem::RibNameNotFound
                });
            }
        }
        _ => {}
    }
    Content { problems, ..found }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STUDENT: Student<'static> = Student { last_name: "N'Diaye", first_name: "Awa" };
    const YEAR: Option<(u16, u16)> = Some((2026, 2027));

    fn problems(
        doc: DocumentId,
        text: &str,
        student: Option<&Student<'_>>,
        year: Option<(u16, u16)>,
    ) -> Vec<Problem> {
        check(doc, text, student, year).problems
    }

    #[test]
    fn academic_years_however_written() {
        assert_eq!(
            academic_years("année 2026-2027, puis 2026 / 2027 et 2025–26"),
            [(2026, 2027), (2026, 2027), (2025, 2026)]
        );
        assert_eq!(academic_years("le 12/10/2026, code 20262027, 2026-2028"), []);
    }

    #[test]
    fn certificates() {
        let this_year = "Université de Lyon — Certificat de scolarité — Année universitaire 2026-2027 — Mme Awa N'DIAYE est inscrite en Master 1";
        assert_eq!(problems(DocumentId::CertificateOfStudies, this_year, Some(&STUDENT), YEAR), []);
        let last_year = this_year.replace("2026-2027", "2025-2026");
        assert_eq!(
            problems(DocumentId::CertificateOfStudies, &last_year, Some(&STUDENT), YEAR),
            [Problem::CertificateOldYear]
        );
        let no_year = this_year.replace("2026-2027", "");
        assert_eq!(
            problems(DocumentId::CertificateOfStudies, &no_year, Some(&STUDENT), YEAR),
            [Problem::CertificateYearNotFound]
        );
        let someone_else = this_year.replace("N'DIAYE", "DUPONT");
        assert_eq!(
            problems(DocumentId::CertificateOfStudies, &someone_else, Some(&STUDENT), YEAR),
            [Problem::NameNotFound]
        );
        let spelled_out =
            "C e r t i f i c a t  2 0 2 6 - 2 0 2 7 ... N ' D I A Y E and many more letters here";
        assert_eq!(
            problems(DocumentId::CertificateOfStudies, spelled_out, Some(&STUDENT), None),
            []
        );
    }

    #[test]
    fn an_admission_letter_or_a_pre_registration_is_not_a_certificate() {
        for text in [
            "Université de Lyon — LETTRE D'ADMISSION — Année universitaire 2026-2027 — Mme Awa N'DIAYE est admise en Master 1",
            "Attestation de pré-inscription 2026-2027 — Awa N'DIAYE — Campus France",
            "University of Lyon — Letter of acceptance — academic year 2026-2027 — Ms Awa N'DIAYE",
            "Offer of admission for 2026-2027: Awa N'DIAYE",
        ] {
            assert_eq!(
                problems(DocumentId::CertificateOfStudies, text, Some(&STUDENT), YEAR),
                [Problem::CertificateIsAdmission],
                "{text}"
            );
        }
        // A certificate that mentions admission as a word is not flagged.
        let certificate =
            "Certificat de scolarité 2026-2027 — Mme Awa N'DIAYE, admise en Master 1, est inscrite";
        assert_eq!(
            problems(DocumentId::CertificateOfStudies, certificate, Some(&STUDENT), YEAR),
            []
        );
        // Words of admission on a RIB are nothing to it.
        assert!(!problems(DocumentId::Rib, "lettre d'admission", None, None)
            .contains(&Problem::CertificateIsAdmission));
    }

    #[test]
    fn ribs() {
        let rib = "Relevé d'identité bancaire — Titulaire : Mme Awa N'DIAYE — IBAN FR76 3000 6000 0112 3456 7890 189 — BIC AGRIFRPP";
        assert_eq!(problems(DocumentId::Rib, rib, Some(&STUDENT), None), []);
        let typo = rib.replace("7890 189", "7890 188");
        assert_eq!(problems(DocumentId::Rib, &typo, Some(&STUDENT), None), [Problem::IbanInvalid]);
        let parent = rib.replace("Awa N'DIAYE", "Moussa SOW");
        assert_eq!(
            problems(DocumentId::Rib, &parent, Some(&STUDENT), None),
            [Problem::RibOtherName]
        );
        assert_eq!(holder(&parent).as_deref(), Some("Moussa SOW"));
        let found = check(DocumentId::Rib, &parent, Some(&STUDENT), None);
        assert_eq!(found.holder.as_deref(), Some("Moussa SOW"), "the holder comes with it");
        assert_eq!(check(DocumentId::Rib, rib, Some(&STUDENT), None).holder, None);
        let nameless = "Relevé d'identité bancaire — IBAN FR76 3000 6000 0112 3456 7890 189 — SOW";
        assert_eq!(
            problems(DocumentId::Rib, nameless, Some(&STUDENT), None),
            [Problem::BicNotFound, Problem::RibNameNotFound]
        );
        let no_iban = "Relevé d'identité bancaire — Titulaire : Mme Awa N'DIAYE — compte courant";
        assert_eq!(
            problems(DocumentId::Rib, no_iban, Some(&STUDENT), None),
            [Problem::IbanNotFound, Problem::BicNotFound]
        );
    }

    #[test]
    fn any_sepa_account_passes_and_the_bic_fits_the_iban() {
        let rib = |iban: &str, bic: &str| {
            format!("Titulaire du compte : Awa N'DIAYE — IBAN {iban} — BIC {bic}")
        };
        for (iban, bic) in [
            ("DE89 3704 0044 0532 0130 00", "COBADEFFXXX"),
            ("CH93 0076 2011 6238 5295 7", "UBSWCHZH80A"),
            ("GB29 NWBK 6016 1331 9268 19", "NWBKGB2L"),
            ("MC58 1122 2000 0101 2345 6789 030", "CMCIMCM1"),
            ("FR76 3000 6000 0112 3456 7890 189", "BDAFGPGP"),
        ] {
            let found = check(DocumentId::Rib, &rib(iban, bic), Some(&STUDENT), None);
            assert_eq!(found.problems, [], "{iban} {bic}");
            assert_eq!(found.bic.as_deref(), Some(bic));
        }
        // A Tunisian account: a warning that names its country.
        let tunisia = check(
            DocumentId::Rib,
            &rib("TN59 1000 6035 1835 9847 8831", "BTBKTNTT"),
            Some(&STUDENT),
            None,
        );
        assert_eq!(tunisia.problems, [Problem::IbanNotSepa]);
        assert_eq!(tunisia.iban_country.as_deref(), Some("TN"));
        // A German bank's code on a French IBAN.
        let mismatch = check(
            DocumentId::Rib,
            &rib("FR76 3000 6000 0112 3456 7890 189", "DEUTDEFF"),
            Some(&STUDENT),
            None,
        );
        assert_eq!(mismatch.problems, [Problem::BicCountryMismatch]);
        assert_eq!(
            (mismatch.bic.as_deref(), mismatch.iban_country.as_deref()),
            (Some("DEUTDEFF"), Some("FR"))
        );
        let mistyped = check(
            DocumentId::Rib,
            &rib("FR76 3000 6000 0112 3456 7890 189", "AGR1FRPP"),
            Some(&STUDENT),
            None,
        );
        assert_eq!(mistyped.problems, [Problem::BicInvalid]);
        assert_eq!(mistyped.bic.as_deref(), Some("AGR1FRPP"));
        // A German IBAN a character short is refused for its length, not only its checksum.
        assert_eq!(
            problems(
                DocumentId::Rib,
                &rib("DE89 3704 0044 0532 0130 0", "COBADEFFXXX"),
                Some(&STUDENT),
                None
            ),
            [Problem::IbanInvalid]
        );
    }

    #[test]
    fn the_holder_as_a_rib_gives_it() {
        for (text, name) in [
            ("Titulaire : M. Moussa SOW\nIBAN FR76", Some("Moussa SOW")),
            ("TITULAIRE DU COMPTE MME FATOU SOW DOMICILIATION LCL", Some("FATOU SOW")),
            ("Intitulé du compte: Mlle Chen Li - Banque: BNP", Some("Chen Li")),
            ("Titulaire(s) : M. OU MME DIALLO\n", Some("DIALLO")),
            ("Account holder: Ana María López Code banque 30004", Some("Ana María López")),
            ("Relevé d'identité bancaire IBAN FR76 3000 6000 0112 3456 7890 189", None),
            ("Titulaire : \nIBAN", None),
            ("Titulaire", None),
            ("", None),
        ] {
            assert_eq!(holder(text).as_deref(), name, "{text:?}");
        }
    }

    #[test]
    fn unreadable_text_makes_no_claim() {
        assert_eq!(problems(DocumentId::Rib, "\0\u{1}\0\u{2} 12", Some(&STUDENT), YEAR), []);
        assert_eq!(
            problems(
                DocumentId::Identity,
                "anything at all, with plenty of letters in it",
                Some(&STUDENT),
                YEAR
            ),
            []
        );
    }
}
