//! What a document says, from the lines a reader gives (the text of a photo or a scan): the
//! machine-readable zone, whether any text was found and in which script, the IBAN and BIC,
//! the academic year. Only values the text backs: a key is absent when nothing was found.

use serde::Serialize;

use crate::date::Date;
use crate::i18n::fill;
use crate::iban::{BicFound, Iban};
use crate::inspect::content::academic_years;
use crate::inspect::Severity;
use crate::mrz::{self, Mrz};
use crate::words::within_one;
use crate::{Country, DocumentId, Lang, Msg};

/// A line of text, as a reader gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// What it says.
    pub text: String,
    /// How sure the reader is, 0 to 1.
    pub confidence: f32,
}

/// The writing of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Mostly Latin letters.
    Latin,
    /// Mostly letters of another script the reader knows (Chinese, Japanese).
    Other,
    /// Latin letters in no order a language prints them (`IJppJJ`, `CüEJs`): what the reader
    /// makes of a script it does not know (Arabic, Cyrillic, Devanagari, Korean…), or of a
    /// page it could not make out.
    Unrecognised,
}

/// How a page lay in its photo or scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// As it should.
    Upright,
    /// Upside down: "Store it upright" turns it a half.
    UpsideDown,
    /// Its top on the left: a quarter clockwise sets it upright.
    TurnedLeft,
    /// Its top on the right: a quarter anticlockwise sets it upright.
    TurnedRight,
}

/// What was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Read {
    /// The machine-readable zone, when one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mrz: Option<Mrz>,
    /// Whether any text was read with confidence.
    pub text_found: bool,
    /// How the page lay, when text was found (the reader tells).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orientation: Option<Orientation>,
    /// The script of the text read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script: Option<Script>,
    /// The first valid IBAN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    /// The BIC after its label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bic: Option<String>,
    /// The first academic year named, "2026-2027".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub academic_year: Option<String>,
    /// The text calls itself an admission or pre-registration letter, and says nowhere that the
    /// student is enrolled.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub admission_letter: bool,
    /// A visa's category as printed on it: "VLS-TS", "VLS-T", "ÉTUDIANT", or another
    /// category's word ("SALARIÉ", "VISITEUR"…), space-separated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visa_category: Option<String>,
    /// The words of the text read with confidence, as a zone writes names (upper-case Latin
    /// letters, accents dropped), to find the student's name in.
    #[serde(skip)]
    pub words: Vec<String>,
}

/// The words of a text as a zone writes names: A–Z and digits, accents dropped, apostrophes
/// joined (N'DIAYE is NDIAYE), anything else (another script too) between words.
fn folded(text: &str) -> Vec<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else {
            match mrz::zone_name(c.encode_utf8(&mut [0; 4]), true) {
                Some(t) if !t.is_empty() => out.push_str(&t),
                Some(_) if matches!(c, '\'' | '’' | 'ʼ' | '‘') => {}
                _ => out.push(' '),
            }
        }
    }
    out.split_whitespace().map(str::to_owned).collect()
}

/// Words by which a letter says it admits or pre-registers the student.
const ADMISSION: [&str; 8] = [
    "ADMISSION",
    "DADMISSION",
    "PREINSCRIPTION",
    "ADMIS",
    "ADMISE",
    "ADMITTED",
    "ACCEPTANCE",
    "PREREGISTRATION",
];
/// Words by which a certificate says the student is enrolled.
const ENROLLED: [&str; 5] = ["INSCRIT", "INSCRITE", "ENROLLED", "ENROLMENT", "SCOLARISE"];
/// The categories printed on a French long-stay visa other than a student's (the mention
/// "ÉTUDIANT" is the student's).
const OTHER_CATEGORIES: [&str; 9] = [
    "SALARIE",
    "TRAVAILLEUR",
    "VISITEUR",
    "TALENT",
    "STAGIAIRE",
    "VACANCES",
    "CONJOINT",
    "FAMILLE",
    "TOURISME",
];

/// A visa's category words, in the order of [`Read::visa_category`].
fn visa_category(words: &[String]) -> Option<String> {
    let has = |w: &str| words.iter().any(|x| x == w);
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    let mut found = Vec::new();
    if has("VLSTS") || pair("VLS", "TS") {
        found.push("VLS-TS");
    } else if pair("VLS", "T") {
        found.push("VLS-T");
    }
    if ["ETUDIANT", "ETUDIANTE", "STUDENT"].iter().any(|w| has(w)) {
        found.push("ÉTUDIANT");
    }
    for w in OTHER_CATEGORIES {
        if has(w) {
            found.push(w);
        }
    }
    (!found.is_empty()).then(|| found.join(" "))
}

/// Whether `name` (as typed) is among `words`: each of its words of three letters or more,
/// as the zone or a plain transliteration writes it, one misread letter allowed in five.
/// `None` when the name cannot be written in Latin letters or has no such word.
#[must_use]
pub fn name_in(words: &[String], name: &str) -> Option<bool> {
    let spellings = [mrz::zone_name(name, false)?, mrz::zone_name(name, true)?];
    let mut any = false;
    let found = spellings.iter().any(|spelling| {
        let parts: Vec<&str> = spelling.split(' ').filter(|p| p.len() >= 3).collect();
        any |= !parts.is_empty();
        !parts.is_empty()
            && parts.iter().all(|p| {
                words
                    .iter()
                    .any(|w| w == p || (p.len() >= 5 && within_one(w.as_bytes(), p.as_bytes())))
            })
    });
    any.then_some(found)
}

/// A line counts as text read when the reader is this sure of it.
const SURE: f32 = 0.6;

/// Whether a letter is of the Latin script (Basic Latin, Latin-1, Latin Extended A and B,
/// Latin Extended Additional).
fn latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
}

/// Whether a word of Latin letters is cased as languages print words: all capitals, all small
/// letters, or one capital then small letters.
fn plausible(word: &str) -> bool {
    let mut rest = word.chars().skip(1);
    word.chars().all(|c| latin(c) && !c.is_lowercase())
        || word.chars().all(|c| latin(c) && !c.is_uppercase())
        || rest.all(|c| latin(c) && c.is_lowercase()) && word.chars().next().is_some_and(latin)
}

/// The script most of the letters are written in; `None` without letters.
#[must_use]
pub fn script(text: &str) -> Option<Script> {
    let (mut latin_letters, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        latin_letters += usize::from(latin(c));
    }
    if letters == 0 {
        return None;
    }
    if latin_letters * 2 < letters {
        return Some(Script::Other);
    }
    // Words of three letters or more: when most are cased as no language prints them, the
    // Latin letters are the reader's guesses at another script.
    let words: Vec<&str> =
        text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).collect();
    let odd = words.iter().filter(|w| !plausible(w)).count();
    Some(if words.len() >= 3 && odd * 2 > words.len() {
        Script::Unrecognised
    } else {
        Script::Latin
    })
}

impl Read {
    /// What the lines say. `today` places the zone's dates in their century.
    #[must_use]
    pub fn from_lines(lines: &[Line], today: Date) -> Read {
        let sure: Vec<&str> = lines
            .iter()
            .filter(|l| l.confidence >= SURE)
            .map(|l| l.text.as_str())
            .filter(|t| t.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
            .collect();
        let all: String = lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
        let text = sure.join("\n");
        let ibans = Iban::find_in(&text);
        let iban = ibans.first();
        let bic = match BicFound::read(&text, iban) {
            BicFound::Found(bic) => Some(bic.to_string()),
            BicFound::Missing | BicFound::Unclear | BicFound::Malformed(_) => None,
        };
        let words = folded(&text);
        let has_any = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        // "Pré-inscription" and "pre-registration" fold into two words.
        let pre = words
            .windows(2)
            .any(|p| p[0] == "PRE" && (p[1] == "INSCRIPTION" || p[1] == "REGISTRATION"));
        Read {
            // The zone is judged by its check digits, not by the reader's confidence.
            mrz: mrz::find(&all, today),
            text_found: !sure.is_empty(),
            orientation: None,
            script: script(&text),
            iban: iban.map(ToString::to_string),
            bic,
            academic_year: academic_years(&text).first().map(|(a, b)| format!("{a}-{b}")),
            admission_letter: (has_any(&ADMISSION) || pre) && !has_any(&ENROLLED),
            visa_category: visa_category(&words),
            words,
        }
    }
}

#[cfg(feature = "reading")]
impl From<secu_precheck_ocr::Orientation> for Orientation {
    fn from(o: secu_precheck_ocr::Orientation) -> Self {
        match o {
            secu_precheck_ocr::Orientation::Upright => Orientation::Upright,
            secu_precheck_ocr::Orientation::UpsideDown => Orientation::UpsideDown,
            secu_precheck_ocr::Orientation::TurnedLeft => Orientation::TurnedLeft,
            secu_precheck_ocr::Orientation::TurnedRight => Orientation::TurnedRight,
        }
    }
}

#[cfg(feature = "reading")]
impl Read {
    /// What the pages of a document say, as the reader gave them (the first page's
    /// orientation speaks for the document); `None` without pages.
    #[must_use]
    pub fn from_pages(pages: Vec<secu_precheck_ocr::Page>, today: Date) -> Option<Read> {
        let orientation = pages.first()?.orientation;
        let lines: Vec<Line> = pages
            .into_iter()
            .flat_map(|p| p.lines)
            .map(|l| Line { text: l.text, confidence: l.confidence })
            .collect();
        let mut read = Read::from_lines(&lines, today);
        if read.text_found {
            read.orientation = Some(orientation.into());
        }
        Some(read)
    }
}

crate::vocabulary! {
    /// A value read from a document, as "What we read" shows it; its label is the catalog's
    /// `read.fact.<code>`.
    pub enum Fact as "read fact" {
        /// The surname, as the zone writes it.
        Surname = "surname",
        /// The given names, as the zone writes them.
        GivenNames = "given_names",
        /// The date of birth (ISO 8601).
        BirthDate = "birth_date",
        /// The nationality: the form's country code (ISO 3166-1 alpha-2) where the zone's
        /// three letters name one, else those three letters.
        Nationality = "nationality",
        /// The document's number.
        Number = "number",
        /// The date of expiry (ISO 8601).
        ExpiryDate = "expiry_date",
        /// The IBAN.
        Iban = "iban",
        /// The BIC.
        Bic = "bic",
        /// The academic year, "2026-2027".
        AcademicYear = "academic_year",
        /// A visa's category, as printed ("VLS-TS ÉTUDIANT").
        VisaCategory = "visa_category",
    }
    messages {
        label = "read.fact." code,
    }
}

crate::vocabulary! {
    /// What the reading says of a document beyond its values: how the reading went, and what
    /// the values say against the form. Its words are the catalog's `read.said.<code>`, with
    /// `{typed}` and `{read}` where a value is compared.
    pub enum Said as "reading finding" {
        /// No text could be read with confidence.
        NoText = "no_text" => Severity::Info,
        /// Text was read, but none of the values the document is checked for.
        NothingToCompare = "nothing_to_compare" => Severity::Info,
        /// The document's zone (the lines at the bottom of a passport page, a card's back, a
        /// visa sticker) could not be read with valid check digits: nothing is compared.
        ZoneUnreadable = "zone_unreadable" => Severity::Warning,
        /// The last name typed is not the zone's.
        LastNameDiffers = "last_name_differs" => Severity::Warning,
        /// The first names typed are not the zone's.
        FirstNameDiffers = "first_name_differs" => Severity::Warning,
        /// The date of birth typed is not the zone's.
        BirthDateDiffers = "birth_date_differs" => Severity::Warning,
        /// The nationality chosen is not the zone's.
        NationalityDiffers = "nationality_differs" => Severity::Warning,
        /// The title is not the document's sex.
        TitleDiffersFromSex = "title_differs_from_sex" => Severity::Warning,
        /// Expired on or before the start date of rights (before it is typed, today).
        Expired = "expired" => Severity::Error,
        /// Expires within three months of the start date of rights.
        ExpiresSoon = "expires_soon" => Severity::Warning,
        /// The visa's zone is not a French one.
        VisaNotFrench = "visa_not_french" => Severity::Warning,
        /// A certificate of another academic year than the current one.
        OtherAcademicYear = "other_academic_year" => Severity::Error,
        /// A short-stay visa (the zone's type C): studies need a long-stay one.
        VisaShortStay = "visa_short_stay" => Severity::Error,
        /// The visa's printed category is not a student's.
        VisaNotStudent = "visa_not_student" => Severity::Warning,
        /// An admission or pre-registration letter, not a certificate of studies.
        AdmissionLetter = "admission_letter" => Severity::Warning,
        /// The student's last name is nowhere on the RIB read (the account must be theirs).
        RibNameNotFound = "rib_name_not_found" => Severity::Warning,
        /// The student's last name is nowhere on the certificate read.
        CertificateNameNotFound = "certificate_name_not_found" => Severity::Warning,
        /// No word in Latin letters could be read: the page is in another script the reader
        /// does not know (a birth certificate then needs its translation), or unclear.
        NoLatinWords = "no_latin_words" => Severity::Info,
        /// The text is not in Latin letters (a birth certificate then needs its translation).
        OtherScript = "other_script" => Severity::Info,
        /// The page lies upside down in the picture.
        UpsideDown = "upside_down" => Severity::Warning,
        /// The page lies on its side, its top on the left: a quarter clockwise sets it upright.
        TurnedLeft = "turned_left" => Severity::Warning,
        /// The page lies on its side, its top on the right.
        TurnedRight = "turned_right" => Severity::Warning,
    }
    /// How much it matters.
    data fn severity -> Severity;
    messages {
        text = "read.said." code,
    }
}

/// One thing the reading says: what, and the two values it compares (empty when it compares
/// none): as typed in the form, and as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saying {
    /// What.
    pub said: Said,
    /// The form's value (a date as ISO 8601, a country as its alpha-2 code).
    pub typed: String,
    /// The document's value, likewise.
    pub read: String,
}

impl Saying {
    fn plain(said: Said) -> Self {
        Saying { said, typed: String::new(), read: String::new() }
    }
}

/// "What we read" for one document: the values found, and what they say against the form,
/// most serious first. Plain values, so that the page shows them without the reader's code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// The values found, in [`Fact`]'s order.
    pub facts: Vec<(Fact, String)>,
    /// What they say.
    pub said: Vec<Saying>,
}

/// Whether the document carries a machine-readable zone of its own kind: a passport page,
/// or a visa sticker (a residence permit may be a card with one or a receipt with none).
const fn zone_expected(doc: DocumentId) -> bool {
    matches!(doc, DocumentId::Identity | DocumentId::Visa)
}

impl Reading {
    /// What a document's reading shows in its box: its values, and what they say against
    /// the form (`typed`: the zone by [`mrz::compare`], the student's name on a RIB or a
    /// certificate), with what the document is and the academic year (`year`) decide. A value
    /// the document is not about (an IBAN on a passport) is not shown.
    #[must_use]
    pub fn of(read: &Read, typed: &mrz::Typed<'_>, doc: DocumentId, year: (u16, u16)) -> Self {
        let findings = read.mrz.as_ref().map(|m| mrz::compare(m, typed)).unwrap_or_default();
        let mut facts = Vec::new();
        let mut said = Vec::new();
        let zone = read.mrz.as_ref().filter(|m| m.check_digits_ok);
        if let Some(m) = zone {
            facts.push((Fact::Surname, m.surname.clone()));
            if !m.given_names.is_empty() {
                facts.push((Fact::GivenNames, m.given_names.clone()));
            }
            if let Some(d) = m.birth_date {
                facts.push((Fact::BirthDate, d.to_string()));
            }
            let nationality = mrz::country(&m.nationality).unwrap_or(&m.nationality);
            facts.push((Fact::Nationality, nationality.to_owned()));
            facts.push((Fact::Number, m.number.clone()));
            if let Some(d) = m.expiry_date {
                facts.push((Fact::ExpiryDate, d.to_string()));
            }
            if doc == DocumentId::Visa && m.format.is_visa() && m.issuer != "FRA" {
                said.push(Saying {
                    said: Said::VisaNotFrench,
                    typed: String::new(),
                    read: m.issuer.clone(),
                });
            }
            // The second letter of a visa's code is its type where a Schengen state issues it.
            if doc == DocumentId::Visa && m.format.is_visa() && m.document_code == "VC" {
                said.push(Saying::plain(Said::VisaShortStay));
            }
        } else if read.mrz.is_some() || (zone_expected(doc) && read.text_found) {
            said.push(Saying::plain(Said::ZoneUnreadable));
        }
        // The student's last name on a RIB or certificate that was read well enough to give
        // its value: not finding it there is said, never from a page read poorly.
        let name_missing = |words: &[String]| {
            typed.last_name.is_some_and(|name| name_in(words, name) == Some(false))
        };
        if doc == DocumentId::Rib {
            facts.extend(read.iban.clone().map(|v| (Fact::Iban, v)));
            facts.extend(read.bic.clone().map(|v| (Fact::Bic, v)));
            if read.iban.is_some() && name_missing(&read.words) {
                said.push(Saying {
                    said: Said::RibNameNotFound,
                    typed: typed.last_name.unwrap_or_default().to_owned(),
                    read: String::new(),
                });
            }
        }
        if doc == DocumentId::Visa {
            if let Some(category) = &read.visa_category {
                facts.push((Fact::VisaCategory, category.clone()));
                let student = category.contains("ÉTUDIANT");
                if !student && OTHER_CATEGORIES.iter().any(|w| category.contains(w)) {
                    said.push(Saying {
                        said: Said::VisaNotStudent,
                        typed: String::new(),
                        read: category.clone(),
                    });
                }
            }
        }
        if doc == DocumentId::CertificateOfStudies {
            if let Some(y) = &read.academic_year {
                facts.push((Fact::AcademicYear, y.clone()));
                let current = format!("{}-{}", year.0, year.1);
                if *y != current {
                    said.push(Saying {
                        said: Said::OtherAcademicYear,
                        typed: current,
                        read: y.clone(),
                    });
                }
            }
            if read.admission_letter {
                said.push(Saying::plain(Said::AdmissionLetter));
            }
            let read_well = read.academic_year.is_some() || read.admission_letter;
            if read_well && name_missing(&read.words) {
                said.push(Saying {
                    said: Said::CertificateNameNotFound,
                    typed: typed.last_name.unwrap_or_default().to_owned(),
                    read: String::new(),
                });
            }
        }
        for finding in &findings {
            let (what, typed, value) = match finding {
                // Said above, whatever the form.
                mrz::Finding::ZoneUnreadable => continue,
                mrz::Finding::LastNameDiffers { typed, read } => {
                    (Said::LastNameDiffers, typed.clone(), read.clone())
                }
                mrz::Finding::FirstNameDiffers { typed, read } => {
                    (Said::FirstNameDiffers, typed.clone(), read.clone())
                }
                mrz::Finding::BirthDateDiffers { typed, read } => {
                    (Said::BirthDateDiffers, typed.to_string(), read.to_string())
                }
                mrz::Finding::NationalityDiffers { typed, read } => {
                    (Said::NationalityDiffers, typed.clone(), read.clone())
                }
                mrz::Finding::TitleDiffersFromSex { read } => {
                    let sex = match read {
                        mrz::Sex::Male => "M",
                        mrz::Sex::Female => "F",
                        mrz::Sex::Unspecified => "X",
                    };
                    (Said::TitleDiffersFromSex, String::new(), sex.to_owned())
                }
                mrz::Finding::Expired { on } => (Said::Expired, String::new(), on.to_string()),
                mrz::Finding::ExpiresSoon { on } => {
                    (Said::ExpiresSoon, String::new(), on.to_string())
                }
            };
            said.push(Saying { said: what, typed, read: value });
        }
        if !read.text_found {
            said.push(Saying::plain(Said::NoText));
        }
        if doc == DocumentId::BirthCertificate {
            match read.script {
                Some(Script::Other) => said.push(Saying::plain(Said::OtherScript)),
                Some(Script::Unrecognised) => said.push(Saying::plain(Said::NoLatinWords)),
                Some(Script::Latin) | None => {}
            }
        }
        let turned = match read.orientation {
            Some(Orientation::UpsideDown) => Some(Said::UpsideDown),
            Some(Orientation::TurnedLeft) => Some(Said::TurnedLeft),
            Some(Orientation::TurnedRight) => Some(Said::TurnedRight),
            Some(Orientation::Upright) | None => None,
        };
        said.extend(turned.map(Saying::plain));
        // Most serious first; otherwise in the order above.
        said.sort_by_key(|s| std::cmp::Reverse(s.said.severity()));
        Reading { facts, said }
    }
}

/// "What we read" in words, in one language: what the document's box shows, as plain text
/// (the reader worker makes it, so that the page carries none of this wording or formatting).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The section's heading.
    pub heading: String,
    /// What the reading says, most serious first: how serious, its code, its words.
    pub said: Vec<(Severity, Said, String)>,
    /// Each value read: what it is, its label, and the value as the student reads it (a date in
    /// words, a country by its name).
    pub facts: Vec<(Fact, String, String)>,
    /// That a machine read it, and what counts.
    pub note: String,
}

/// Text as HTML: `&`, `<`, `>` and quotes escaped.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl Shown {
    /// The section as HTML, for the document's box: the heading, what is said (each item a
    /// `problem` of its severity, as the box's own problems), the values as a description list,
    /// and the note. Every text is escaped: a value read from a file is never markup.
    #[must_use]
    pub fn html(&self) -> String {
        let mut out = format!("<h5>{}</h5>", escaped(&self.heading));
        if !self.said.is_empty() {
            out.push_str("<ul class=\"problems\">");
            for (severity, said, text) in &self.said {
                out.push_str(&format!(
                    "<li class=\"problem severity-{severity}\" data-code=\"{said}\">{}</li>",
                    escaped(text)
                ));
            }
            out.push_str("</ul>");
        }
        if !self.facts.is_empty() {
            out.push_str("<dl class=\"read-facts\">");
            for (fact, label, value) in &self.facts {
                out.push_str(&format!(
                    "<div data-fact=\"{fact}\"><dt>{}</dt><dd>{}</dd></div>",
                    escaped(label),
                    escaped(value)
                ));
            }
            out.push_str("</dl>");
        }
        out.push_str(&format!("<p class=\"hint\">{}</p>", escaped(&self.note)));
        out
    }
}

/// A value as the student reads it: a date in words, a country by its name, years with a dash.
fn in_words(lang: Lang, kind: Option<Kind>, value: &str) -> String {
    match kind {
        Some(Kind::Date) => {
            value.parse::<Date>().map_or_else(|_| value.to_owned(), |d| d.long(lang))
        }
        Some(Kind::Country) => Country::by_code(value).map_or(value, |c| c.name(lang)).to_owned(),
        Some(Kind::Years) => value.replace('-', "–"),
        None => value.to_owned(),
    }
}

/// What a value is, for [`in_words`].
#[derive(Clone, Copy)]
enum Kind {
    Date,
    Country,
    Years,
}

impl Fact {
    const fn kind(self) -> Option<Kind> {
        match self {
            Fact::BirthDate | Fact::ExpiryDate => Some(Kind::Date),
            Fact::Nationality => Some(Kind::Country),
            Fact::AcademicYear => Some(Kind::Years),
            _ => None,
        }
    }
}

impl Said {
    const fn kind(self) -> Option<Kind> {
        match self {
            Said::BirthDateDiffers | Said::Expired | Said::ExpiresSoon => Some(Kind::Date),
            Said::NationalityDiffers => Some(Kind::Country),
            Said::OtherAcademicYear => Some(Kind::Years),
            _ => None,
        }
    }
}

impl Reading {
    /// This reading in words, in `lang`.
    #[must_use]
    pub fn shown(&self, lang: Lang) -> Shown {
        let mut said: Vec<(Severity, Said, String)> = self
            .said
            .iter()
            .map(|s| {
                let kind = s.said.kind();
                let text = fill(
                    lang.text(s.said.text()),
                    &[
                        ("typed", &in_words(lang, kind, &s.typed)),
                        ("read", &in_words(lang, kind, &s.read)),
                    ],
                );
                (s.said.severity(), s.said, text)
            })
            .collect();
        if self.facts.is_empty() && !self.said.iter().any(|s| s.said == Said::NoText) {
            let nothing = Said::NothingToCompare;
            said.push((nothing.severity(), nothing, lang.text(nothing.text()).to_owned()));
        }
        Shown {
            heading: lang.text(Msg::ReadHeading).to_owned(),
            said,
            facts: self
                .facts
                .iter()
                .map(|(f, v)| (*f, lang.text(f.label()).to_owned(), in_words(lang, f.kind(), v)))
                .collect(),
            note: lang.text(Msg::ReadCaution).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts.iter().map(|t| Line { text: (*t).into(), confidence: 0.95 }).collect()
    }

    fn today() -> Date {
        Date::from_ymd(2026, 12, 4).unwrap()
    }

    #[test]
    fn a_passport_page_gives_its_zone_in_latin_script() {
        let read = Read::from_lines(
            &lines(&[
                "PASSPORT / PASSEPORT",
                "ERIKSSON",
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
            ]),
            today(),
        );
        let mrz = read.mrz.as_ref().unwrap();
        assert!(mrz.check_digits_ok);
        assert_eq!((mrz.surname.as_str(), mrz.number.as_str()), ("ERIKSSON", "L898902C3"));
        assert!(read.text_found);
        assert_eq!(read.script, Some(Script::Latin));
        assert_eq!((read.iban, read.bic, read.academic_year), (None, None, None));
    }

    #[test]
    fn a_rib_gives_its_iban_and_bic_and_a_certificate_its_year() {
        let read = Read::from_lines(
            &lines(&[
                "RELEVÉ D'IDENTITÉ BANCAIRE",
                "IBAN FR14 2004 1010 0505 0001 3M02 606",
                "BIC PSSTFRPPPAR",
            ]),
            today(),
        );
        assert_eq!(read.iban.as_deref(), Some("FR1420041010050500013M02606"));
        assert_eq!(read.bic.as_deref(), Some("PSSTFRPPPAR"));
        let read = Read::from_lines(
            &lines(&["CERTIFICAT DE SCOLARITÉ", "Année universitaire 2026-2027"]),
            today(),
        );
        assert_eq!(read.academic_year.as_deref(), Some("2026-2027"));
    }

    #[test]
    fn only_what_the_reader_is_sure_of_counts_as_text() {
        let unsure = vec![Line { text: "ACTE DE NAISSANCE".into(), confidence: 0.3 }];
        let read = Read::from_lines(&unsure, today());
        assert!(!read.text_found);
        assert_eq!((read.script, read.mrz), (None, None));
        assert_eq!(script("شهادة ميلاد"), Some(Script::Other));
        assert_eq!(script("出生证明 2003"), Some(Script::Other));
        assert_eq!(script("Extrait d'acte de naissance"), Some(Script::Latin));
        assert_eq!(script("1974 – 2026"), None);
    }

    fn passport() -> Read {
        Read::from_lines(
            &lines(&[
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
            ]),
            today(),
        )
    }

    fn codes(reading: &Reading) -> Vec<&'static str> {
        reading.said.iter().map(|s| s.said.code()).collect()
    }

    #[test]
    fn a_passport_shows_its_zone_and_what_it_says_against_the_form() {
        let read = passport();
        let typed = mrz::Typed {
            last_name: Some("Eriksen"),
            first_name: Some("Anna Maria"),
            birth_date: Some(Date::from_ymd(1974, 8, 12).unwrap()),
            nationality: None,
            title: None,
            rights_start: Some(Date::from_ymd(2026, 9, 1).unwrap()),
            today: Some(today()),
        };
        let reading = Reading::of(&read, &typed, DocumentId::Identity, (2026, 2027));
        let facts: Vec<(&str, &str)> =
            reading.facts.iter().map(|(f, v)| (f.code(), v.as_str())).collect();
        assert_eq!(
            facts,
            [
                ("surname", "ERIKSSON"),
                ("given_names", "ANNA MARIA"),
                ("birth_date", "1974-08-12"),
                ("nationality", "UTO"),
                ("number", "L898902C3"),
                ("expiry_date", "2012-04-15"),
            ]
        );
        // The expired passport first: it is the error.
        assert_eq!(codes(&reading), ["expired", "last_name_differs"]);
        assert_eq!(reading.said[1].typed, "Eriksen");
        assert_eq!(reading.said[1].read, "ERIKSSON");
        assert_eq!(reading.said[0].read, "2012-04-15");
    }

    #[test]
    fn a_zone_that_does_not_hold_is_said_and_never_compared() {
        let mut read = passport();
        let broken = read.mrz.as_mut().unwrap();
        broken.check_digits_ok = false;
        let reading =
            Reading::of(&read, &mrz::Typed::default(), DocumentId::Identity, (2026, 2027));
        assert!(reading.facts.is_empty());
        assert_eq!(codes(&reading), ["zone_unreadable"]);
        // A passport's photo with text but no zone at all says the same; a RIB does not.
        let text = Read::from_lines(&lines(&["PASSPORT", "REPUBLIC OF UTOPIA"]), today());
        let reading =
            Reading::of(&text, &mrz::Typed::default(), DocumentId::Identity, (2026, 2027));
        assert_eq!(codes(&reading), ["zone_unreadable"]);
        let reading = Reading::of(&text, &mrz::Typed::default(), DocumentId::Rib, (2026, 2027));
        assert_eq!(codes(&reading), Vec::<&str>::new());
    }

    #[test]
    fn each_document_shows_what_it_is_about() {
        let rib = Read::from_lines(
            &lines(&["IBAN FR14 2004 1010 0505 0001 3M02 606", "BIC PSSTFRPPPAR", "2025-2026"]),
            today(),
        );
        let reading = Reading::of(&rib, &mrz::Typed::default(), DocumentId::Rib, (2026, 2027));
        let facts: Vec<&str> = reading.facts.iter().map(|(f, _)| f.code()).collect();
        assert_eq!(facts, ["iban", "bic"], "a year on a RIB says nothing");
        let old = Read::from_lines(
            &lines(&["CERTIFICAT DE SCOLARITÉ", "Année universitaire 2025-2026"]),
            today(),
        );
        let reading = Reading::of(
            &old,
            &mrz::Typed::default(),
            DocumentId::CertificateOfStudies,
            (2026, 2027),
        );
        assert_eq!(reading.facts, [(Fact::AcademicYear, "2025-2026".to_owned())]);
        assert_eq!(codes(&reading), ["other_academic_year"]);
        assert_eq!(
            (reading.said[0].typed.as_str(), reading.said[0].read.as_str()),
            ("2026-2027", "2025-2026")
        );
        let arabic = Read::from_lines(&lines(&["شهادة ميلاد", "الاسم الكامل"]), today());
        let reading = Reading::of(
            &arabic,
            &mrz::Typed::default(),
            DocumentId::BirthCertificate,
            (2026, 2027),
        );
        assert_eq!(codes(&reading), ["other_script"]);
        let nothing = Read::from_lines(&[], today());
        let mut turned = nothing.clone();
        turned.orientation = Some(Orientation::TurnedLeft);
        let reading = Reading::of(
            &nothing,
            &mrz::Typed::default(),
            DocumentId::BirthCertificate,
            (2026, 2027),
        );
        assert_eq!(codes(&reading), ["no_text"]);
        let reading = Reading::of(&turned, &mrz::Typed::default(), DocumentId::Visa, (2026, 2027));
        assert_eq!(codes(&reading), ["turned_left", "no_text"]);
    }

    #[test]
    fn a_visa_from_another_state_is_said() {
        let read = Read::from_lines(
            &lines(&[
                "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
            ]),
            today(),
        );
        let Some(zone) = read.mrz.as_ref().filter(|m| m.check_digits_ok) else {
            panic!("ICAO's MRV-A specimen reads: {:?}", read.mrz)
        };
        assert_eq!(zone.issuer, "UTO");
        let reading = Reading::of(&read, &mrz::Typed::default(), DocumentId::Visa, (2026, 2027));
        assert_eq!(codes(&reading), ["visa_not_french"]);
        assert_eq!(reading.said[0].read, "UTO");
    }

    #[test]
    fn a_reading_in_words_names_dates_and_countries_in_the_students_language() {
        let reading = Reading {
            facts: vec![(Fact::BirthDate, "1974-08-12".into()), (Fact::Nationality, "SN".into())],
            said: vec![Saying {
                said: Said::NationalityDiffers,
                typed: "ML".into(),
                read: "SN".into(),
            }],
        };
        let en = reading.shown(Lang::En);
        assert_eq!(en.heading, "What we read");
        let birth = (Fact::BirthDate, "Date of birth".to_owned(), "12 August 1974".to_owned());
        assert_eq!(en.facts[0], birth);
        assert_eq!(en.facts[1].2, "Senegal");
        let (severity, said, text) = &en.said[0];
        assert_eq!((*severity, *said), (Severity::Warning, Said::NationalityDiffers));
        assert!(text.contains("Senegal") && text.contains("Mali"), "{text}");
        let fr = reading.shown(Lang::Fr);
        assert_eq!(
            (fr.facts[0].1.as_str(), fr.facts[0].2.as_str()),
            ("Date de naissance", "12 août 1974")
        );
        assert!(fr.said[0].2.contains("Sénégal"), "{}", fr.said[0].2);
        assert!(!fr.note.is_empty() && fr.note != en.note);
        // Nothing read at all says so once; text without values says there is nothing to compare.
        let blank = Reading { facts: vec![], said: vec![Saying::plain(Said::NoText)] };
        assert_eq!(blank.shown(Lang::En).said.len(), 1);
        let empty = Reading::default().shown(Lang::En);
        let nothing = Lang::En.text(Said::NothingToCompare.text()).to_owned();
        assert_eq!(empty.said, [(Severity::Info, Said::NothingToCompare, nothing)]);
    }

    #[test]
    fn the_students_name_is_looked_for_on_a_rib_and_a_certificate() {
        let typed = |last| mrz::Typed { last_name: Some(last), ..mrz::Typed::default() };
        let rib = Read::from_lines(
            &lines(&[
                "RELEVÉ D'IDENTITÉ BANCAIRE",
                "Titulaire du compte : Mme AWA N'DIAYE",
                "IBAN FR14 2004 1010 0505 0001 3M02 606",
            ]),
            today(),
        );
        // Typed with the apostrophe or without, in any case: found.
        for name in ["N'Diaye", "ndiaye", "N’DIAYE"] {
            let reading = Reading::of(&rib, &typed(name), DocumentId::Rib, (2026, 2027));
            assert_eq!(codes(&reading), Vec::<&str>::new(), "{name}");
        }
        // A letter misread in a long name is still the name; another name is said.
        let misread = Read::from_lines(
            &lines(&["Titulaire : M. YOUSSEF BENALJ", "IBAN FR14 2004 1010 0505 0001 3M02 606"]),
            today(),
        );
        let reading = Reading::of(&misread, &typed("Benali"), DocumentId::Rib, (2026, 2027));
        assert_eq!(codes(&reading), Vec::<&str>::new());
        let reading = Reading::of(&rib, &typed("Benali"), DocumentId::Rib, (2026, 2027));
        assert_eq!(codes(&reading), ["rib_name_not_found"]);
        assert_eq!(reading.said[0].typed, "Benali");
        // Accents and the zone's transliteration: Müller on a page that prints MUELLER.
        let words = folded("Mme Zoé MUELLER-GARCÍA");
        assert_eq!(name_in(&words, "Müller-García"), Some(true));
        assert_eq!(name_in(&words, "Zoé"), Some(true));
        assert_eq!(name_in(&words, "王"), None, "another script is not looked for");
        // Never from a RIB whose IBAN was not read, nor without a name typed.
        let poor = Read::from_lines(&lines(&["RELEVÉ D'IDENTITÉ BANCAIRE"]), today());
        let reading = Reading::of(&poor, &typed("Benali"), DocumentId::Rib, (2026, 2027));
        assert_eq!(codes(&reading), Vec::<&str>::new());
        let certificate = Read::from_lines(
            &lines(&[
                "CERTIFICAT DE SCOLARITÉ",
                "Année universitaire 2026-2027",
                "Mme ZHANG Wei est inscrite",
            ]),
            today(),
        );
        let of = |name| {
            Reading::of(&certificate, &typed(name), DocumentId::CertificateOfStudies, (2026, 2027))
        };
        assert_eq!(codes(&of("Zhang")), Vec::<&str>::new());
        assert_eq!(codes(&of("Benali")), ["certificate_name_not_found"]);
    }

    #[test]
    fn an_admission_letter_is_not_a_certificate_of_studies() {
        let letter = Read::from_lines(
            &lines(&[
                "ATTESTATION D'ADMISSION",
                "M. Youssef BENALI est admis en Master 1",
                "au titre de l'année universitaire 2026-2027.",
                "Cette attestation ne vaut pas certificat de scolarité.",
            ]),
            today(),
        );
        assert!(letter.admission_letter);
        let reading = Reading::of(
            &letter,
            &mrz::Typed::default(),
            DocumentId::CertificateOfStudies,
            (2026, 2027),
        );
        assert_eq!(codes(&reading), ["admission_letter"]);
        let pre =
            Read::from_lines(&lines(&["Attestation de pré-inscription", "2026-2027"]), today());
        assert!(pre.admission_letter, "pré-inscription is PRE INSCRIPTION once folded");
        let certificate = Read::from_lines(
            &lines(&["CERTIFICAT DE SCOLARITÉ", "admise en 2025, est inscrite pour 2026-2027"]),
            today(),
        );
        assert!(!certificate.admission_letter, "a certificate says the student is enrolled");
    }

    #[test]
    fn a_visas_printed_category_and_its_type_are_said() {
        let visa = |texts: &[&str]| Read::from_lines(&lines(texts), today());
        let student = visa(&["VISA  FRA", "Type: D", "Remarques: VLS-TS ÉTUDIANT"]);
        assert_eq!(student.visa_category.as_deref(), Some("VLS-TS ÉTUDIANT"));
        let reading = Reading::of(&student, &mrz::Typed::default(), DocumentId::Visa, (2026, 2027));
        assert_eq!(reading.facts, [(Fact::VisaCategory, "VLS-TS ÉTUDIANT".to_owned())]);
        assert_eq!(codes(&reading), ["zone_unreadable"], "no zone read, and a student's words");
        let worker = visa(&["VISA FRA", "Remarques: VLS-TS SALARIÉ"]);
        let reading = Reading::of(&worker, &mrz::Typed::default(), DocumentId::Visa, (2026, 2027));
        assert_eq!(codes(&reading), ["zone_unreadable", "visa_not_student"]);
        assert_eq!(reading.said[1].read, "VLS-TS SALARIE");
        // A Schengen short-stay visa: its zone's code is VC.
        let short = visa(&[
            "VCFRAERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
        ]);
        let reading = Reading::of(&short, &mrz::Typed::default(), DocumentId::Visa, (2026, 2027));
        assert_eq!(codes(&reading), ["visa_short_stay"]);
    }

    #[test]
    fn latin_letters_in_no_languages_order_are_another_script_the_reader_does_not_know() {
        // What the tiny recogniser made of a Moroccan birth certificate in Arabic.
        let arabic = [
            "IJppJJ:IJpùlsö",
            "ÜuwtöpgöρùJuwpIJgJlbö",
            "IJIcwpIJustuos: sguwG",
            "IJIuwpIJelsJs:CüEJs",
            "lstIJIjoslb: 15ρluw 2004",
        ];
        let read = Read::from_lines(&lines(&arabic), today());
        assert_eq!(read.script, Some(Script::Unrecognised));
        let reading =
            Reading::of(&read, &mrz::Typed::default(), DocumentId::BirthCertificate, (2026, 2027));
        assert_eq!(codes(&reading), ["no_latin_words"]);
        // Documents as printed: capitals, small letters, capitalised words, names, a zone.
        for latin in [
            "RELEVÉ D'IDENTITÉ BANCAIRE\nTitulaire du compte : M. YOUSSEF BENALI",
            "Année universitaire 2026-2027\nLe Président certifie que Mme ZHANG Wei est inscrite",
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
            "Acte de naissance de Awa N'Diaye, née à Dakar",
        ] {
            assert_eq!(script(latin), Some(Script::Latin), "{latin}");
        }
        assert_eq!(script("出生医学证明 新生儿姓名 张伟"), Some(Script::Other));
    }

    #[test]
    fn the_section_in_html_escapes_every_text() {
        let shown = Shown {
            heading: "What we read".into(),
            said: vec![(Severity::Warning, Said::LastNameDiffers, "reads <SOW> & \"Ba\"".into())],
            facts: vec![(Fact::Surname, "Surname".into(), "O'NEIL<script>".into())],
            note: "Read by machine.".into(),
        };
        assert_eq!(
            shown.html(),
            "<h5>What we read</h5><ul class=\"problems\"><li class=\"problem severity-warning\" \
             data-code=\"last_name_differs\">reads &lt;SOW&gt; &amp; &quot;Ba&quot;</li></ul><dl \
             class=\"read-facts\"><div data-fact=\"surname\"><dt>Surname</dt><dd>O&#39;NEIL&lt;\
             script&gt;</dd></div></dl><p class=\"hint\">Read by machine.</p>"
        );
        let bare = Shown { heading: "H".into(), note: "N".into(), ..Shown::default() };
        assert_eq!(bare.html(), "<h5>H</h5><p class=\"hint\">N</p>");
    }
}
