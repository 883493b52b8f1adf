//! What a document says, from the lines a reader gives (the text of a photo or a scan): the
//! machine-readable zone, whether any text was found and in which script, the IBAN and BIC,
//! the academic year. Only values the text backs: a key is absent when nothing was found.

use serde::Serialize;

use crate::date::Date;
use crate::iban::{BicFound, Iban};
use crate::inspect::content::academic_years;
use crate::mrz::{self, Mrz};

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
    /// Mostly letters of another script (Arabic, Chinese, Cyrillic…).
    Other,
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
}

/// A line counts as text read when the reader is this sure of it.
const SURE: f32 = 0.6;

/// Whether a letter is of the Latin script (Basic Latin, Latin-1, Latin Extended A and B,
/// Latin Extended Additional).
fn latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
}

/// The script most of the letters are written in; `None` without letters.
#[must_use]
pub fn script(text: &str) -> Option<Script> {
    let (mut latin_letters, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        latin_letters += usize::from(latin(c));
    }
    (letters > 0).then_some(if latin_letters * 2 >= letters {
        Script::Latin
    } else {
        Script::Other
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
        Read {
            // The zone is judged by its check digits, not by the reader's confidence.
            mrz: mrz::find(&all, today),
            text_found: !sure.is_empty(),
            orientation: None,
            script: script(&text),
            iban: iban.map(ToString::to_string),
            bic,
            academic_year: academic_years(&text).first().map(|(a, b)| format!("{a}-{b}")),
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
}
