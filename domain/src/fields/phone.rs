//! Mobile phone: the portal expects a French mobile. Metropolitan mobiles are 06 and 073–079
//! (ARCEP decision 2018-0881 as amended); overseas mobiles 0639 (Mayotte, +262), 0690/0691
//! (Guadeloupe, Saint-Barthélemy, Saint-Martin, +590), 0692/0693 (Réunion, +262), 0694
//! (Guyane, +594), 0696/0697 (Martinique, +596). Written with +33, 0033, spaces, dots, dashes or
//! brackets; shown normalised as the portal wants it, `06 12 34 56 78`.
//!
//! Why not a phone-number crate: libphonenumber's metadata for every country costs hundreds of
//! KB of wasm, and the portal only wants to know "is this a French mobile?", which the ARCEP
//! ranges above answer exactly.

use super::{required, Field, Finding, Problem};

/// A phone number: a French mobile, or another number the student is warned about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phone {
    /// A French mobile, as its ten national digits.
    FrenchMobile(String),
    /// A French landline or special number (01–05, 08, 09), ten national digits.
    FrenchOther(String),
    /// A number with another country code, as typed in digits after `+`.
    Foreign(String),
}

/// Country calling codes of the overseas départements whose mobiles start with 06 nationally.
const OVERSEAS: [(&str, &[&str]); 4] = [
    ("262", &["639", "692", "693"]),
    ("590", &["690", "691"]),
    ("594", &["694"]),
    ("596", &["696", "697"]),
];

impl Phone {
    /// Reads a number as students write it.
    ///
    /// # Errors
    /// [`Problem::Required`] or [`Problem::InvalidPhone`].
    pub fn parse(text: &str) -> Result<Self, Finding> {
        let text = required(Field::Phone, text)?;
        let invalid = || Finding::error(Field::Phone, Problem::InvalidPhone);
        if !text.chars().all(|c| c.is_ascii_digit() || " .-()/+\u{a0}".contains(c)) {
            return Err(invalid());
        }
        let plus = text.starts_with('+');
        if text.chars().skip(1).any(|c| c == '+') {
            return Err(invalid());
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let international = if plus { Some(digits.as_str()) } else { digits.strip_prefix("00") };
        let national = match international {
            Some(rest) => {
                // "+33 (0)6…": a trunk 0 kept after the country code is a common way to write it.
                if let Some(fr) = rest.strip_prefix("33") {
                    format!("0{}", fr.strip_prefix('0').filter(|r| r.len() == 9).unwrap_or(fr))
                } else if let Some((_, prefixes)) =
                    OVERSEAS.iter().find(|(cc, _)| rest.starts_with(cc))
                {
                    let sub = &rest[3..];
                    let sub = sub.strip_prefix('0').filter(|s| s.len() == 9).unwrap_or(sub);
                    if sub.len() == 9 && prefixes.iter().any(|p| sub.starts_with(p)) {
                        format!("0{sub}")
                    } else {
                        return Err(invalid());
                    }
                } else if (10..=15).contains(&rest.len()) && !rest.starts_with('0') {
                    return Ok(Phone::Foreign(rest.to_owned()));
                } else {
                    return Err(invalid());
                }
            }
            None => digits,
        };
        if national.len() != 10 || !national.starts_with('0') {
            return Err(invalid());
        }
        let b = national.as_bytes();
        Ok(match (b[1], b[2]) {
            (b'6', _) | (b'7', b'3'..=b'9') => Phone::FrenchMobile(national),
            (b'1'..=b'5' | b'8' | b'9', _) => Phone::FrenchOther(national),
            _ => return Err(invalid()),
        })
    }

    /// As to be typed on the portal: `06 12 34 56 78`, or `+44 7911123456` for a foreign one.
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            Phone::FrenchMobile(n) | Phone::FrenchOther(n) => n
                .as_bytes()
                .chunks(2)
                .map(|pair| String::from_utf8_lossy(pair).into_owned())
                .collect::<Vec<_>>()
                .join(" "),
            Phone::Foreign(digits) => format!("+{digits}"),
        }
    }

    /// What to tell the student about a number that is not a French mobile.
    #[must_use]
    pub fn warning(&self) -> Option<Problem> {
        match self {
            Phone::FrenchMobile(_) => None,
            Phone::FrenchOther(_) => Some(Problem::PhoneLandline),
            Phone::Foreign(_) => Some(Problem::PhoneNotFrench),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_mobiles_however_written() {
        let cases = [
            ("0612345678", "06 12 34 56 78"),
            ("06 12 34 56 78", "06 12 34 56 78"),
            ("06.12.34.56.78", "06 12 34 56 78"),
            ("+33 6 12 34 56 78", "06 12 34 56 78"),
            ("+33 (0)6 12 34 56 78", "06 12 34 56 78"),
            ("0033612345678", "06 12 34 56 78"),
            ("07 81 23 45 67", "07 81 23 45 67"),
            ("0730000000", "07 30 00 00 00"),
            ("0692 12 34 56", "06 92 12 34 56"),
            ("+262 692 12 34 56", "06 92 12 34 56"),
            ("+262 639 12 34 56", "06 39 12 34 56"),
            ("+590 690 12 34 56", "06 90 12 34 56"),
            ("+590 691 28 34 56", "06 91 28 34 56"),
            ("+596 697 12 34 56", "06 97 12 34 56"),
            ("0691 28 34 56", "06 91 28 34 56"),
            ("+594 694 12 34 56", "06 94 12 34 56"),
            ("+596 696 12 34 56", "06 96 12 34 56"),
        ];
        for (text, expected) in cases {
            let phone = Phone::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert!(matches!(phone, Phone::FrenchMobile(_)), "{text}: {phone:?}");
            assert_eq!(phone.display(), expected, "{text}");
            assert_eq!(phone.warning(), None);
        }
    }

    #[test]
    fn other_numbers_are_warnings_or_errors() {
        let warnings = [
            ("01 23 45 67 89", Problem::PhoneLandline),
            ("09 87 65 43 21", Problem::PhoneLandline),
            ("+44 7911 123456", Problem::PhoneNotFrench),
            ("0086 138 0013 8000", Problem::PhoneNotFrench),
            ("+1 (415) 555-0100", Problem::PhoneNotFrench),
        ];
        for (text, code) in warnings {
            assert_eq!(Phone::parse(text).unwrap().warning(), Some(code), "{text}");
        }
        let errors = [
            ("", Problem::Required),
            ("06 12 34 56", Problem::InvalidPhone),
            ("06 12 34 56 78 9", Problem::InvalidPhone),
            ("0712345678", Problem::InvalidPhone),
            ("00 12 34 56 78", Problem::InvalidPhone),
            ("six un deux", Problem::InvalidPhone),
            ("06+12345678", Problem::InvalidPhone),
            ("+262 262 12 34 56", Problem::InvalidPhone),
            ("+33", Problem::InvalidPhone),
        ];
        for (text, code) in errors {
            assert_eq!(Phone::parse(text).map_err(|f| f.code), Err(code), "{text:?}");
        }
    }
}
