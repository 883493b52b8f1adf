//! What a PDF's text says, for the documents where it matters: a certificate of studies for the
//! current academic year in the student's name, a RIB with a valid IBAN in the student's name.
//! Only claims the text can back: no text, or text we cannot read, means no finding.

use super::Problem;
use crate::countries::fold;
use crate::iban::Iban;
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
fn academic_years(text: &str) -> Vec<(u16, u16)> {
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

/// Content problems of a document's text.
#[must_use]
pub fn check(
    doc: DocumentId,
    text: &str,
    student: Option<&Student<'_>>,
    year: Option<(u16, u16)>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !readable(text) {
        return problems;
    }
    let f = folded(text);
    match doc {
        DocumentId::CertificateOfStudies => {
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
            let ibans = [
                Iban::find_all(text),
                Iban::find_all(&text.split_whitespace().collect::<String>()),
            ]
            .concat();
            if ibans.is_empty() {
                let says_iban = f.0.contains("iban");
                problems.push(if says_iban { Problem::IbanInvalid } else { Problem::IbanNotFound });
            }
            if student.is_some_and(|s| !names_found(&f, s)) {
                problems.push(Problem::NameNotFound);
            }
        }
        _ => {}
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const STUDENT: Student<'static> = Student { last_name: "N'Diaye", first_name: "Awa" };
    const YEAR: Option<(u16, u16)> = Some((2026, 2027));

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
        assert_eq!(check(DocumentId::CertificateOfStudies, this_year, Some(&STUDENT), YEAR), []);
        let last_year = this_year.replace("2026-2027", "2025-2026");
        assert_eq!(
            check(DocumentId::CertificateOfStudies, &last_year, Some(&STUDENT), YEAR),
            [Problem::CertificateOldYear]
        );
        let no_year = this_year.replace("2026-2027", "");
        assert_eq!(
            check(DocumentId::CertificateOfStudies, &no_year, Some(&STUDENT), YEAR),
            [Problem::CertificateYearNotFound]
        );
        let someone_else = this_year.replace("N'DIAYE", "DUPONT");
        assert_eq!(
            check(DocumentId::CertificateOfStudies, &someone_else, Some(&STUDENT), YEAR),
            [Problem::NameNotFound]
        );
        let spelled_out =
            "C e r t i f i c a t  2 0 2 6 - 2 0 2 7 ... N ' D I A Y E and many more letters here";
        assert_eq!(check(DocumentId::CertificateOfStudies, spelled_out, Some(&STUDENT), None), []);
    }

    #[test]
    fn ribs() {
        let rib = "Relevé d'identité bancaire — Titulaire : Mme Awa N'DIAYE — IBAN FR76 3000 6000 0112 3456 7890 189 — BIC AGRIFRPP";
        assert_eq!(check(DocumentId::Rib, rib, Some(&STUDENT), None), []);
        let typo = rib.replace("7890 189", "7890 188");
        assert_eq!(check(DocumentId::Rib, &typo, Some(&STUDENT), None), [Problem::IbanInvalid]);
        let parent = rib.replace("Awa N'DIAYE", "Moussa SOW");
        assert_eq!(check(DocumentId::Rib, &parent, Some(&STUDENT), None), [Problem::NameNotFound]);
        let no_iban = "Relevé d'identité bancaire — Titulaire : Mme Awa N'DIAYE — compte courant";
        assert_eq!(check(DocumentId::Rib, no_iban, Some(&STUDENT), None), [Problem::IbanNotFound]);
    }

    #[test]
    fn unreadable_text_makes_no_claim() {
        assert_eq!(check(DocumentId::Rib, "\0\u{1}\0\u{2} 12", Some(&STUDENT), YEAR), []);
        assert_eq!(
            check(
                DocumentId::Identity,
                "anything at all, with plenty of letters in it",
                Some(&STUDENT),
                YEAR
            ),
            []
        );
    }
}
