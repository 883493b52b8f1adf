//! The address in France: street number (1–9999), complement (bis, ter, quater… or a letter),
//! street name, additional information, postcode (five digits).

use std::fmt;

use super::{required, Field, Finding, Problem};

/// The Latin multiplicatives of the "indice de répétition", in order (the Base Adresse
/// Nationale's list: 12 bis, 12 ter… up to decies).
pub const REPETITIONS: [&str; 9] =
    ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "decies"];

/// "Indice de répétition": bis, ter, quater, quinquies… or a letter (A–Z).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Complement {
    /// One of [`REPETITIONS`].
    Repetition(&'static str),
    /// A letter, upper case.
    Letter(char),
}

impl fmt::Display for Complement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Complement::Repetition(word) => f.write_str(word),
            Complement::Letter(c) => write!(f, "{c}"),
        }
    }
}

/// Spaces trimmed and runs of white space made one space.
#[must_use]
pub fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Optional street number: a whole number from 1 to 9999.
///
/// # Errors
/// [`Problem::InvalidStreetNumber`].
pub fn street_number(text: &str) -> Result<Option<u16>, Finding> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u16>()
        .ok()
        .filter(|n| (1..=9999).contains(n) && text.bytes().all(|b| b.is_ascii_digit()))
        .map(Some)
        .ok_or(Finding::error(Field::StreetNumber, Problem::InvalidStreetNumber))
}

/// Optional complement: bis, ter, quater, quinquies… decies, or one letter.
///
/// # Errors
/// [`Problem::InvalidComplement`].
pub fn complement(text: &str) -> Result<Option<Complement>, Finding> {
    // ASCII case is enough to match these words (Unicode's case tables would cost the page).
    let text = text.trim().trim_end_matches('.').to_ascii_lowercase();
    Ok(Some(match text.as_str() {
        "" => return Ok(None),
        word if REPETITIONS.contains(&word) => Complement::Repetition(
            REPETITIONS.iter().find(|w| **w == word).copied().unwrap_or("bis"),
        ),
        one if one.chars().count() == 1 && one.chars().all(|c| c.is_ascii_alphabetic()) => {
            Complement::Letter(one.to_ascii_uppercase().chars().next().unwrap_or('A'))
        }
        _ => return Err(Finding::error(Field::StreetComplement, Problem::InvalidComplement)),
    }))
}

/// Required street name: letters, digits, spaces, hyphens, apostrophes and dots.
///
/// # Errors
/// [`Problem::Required`], [`Problem::TooLong`] or [`Problem::InvalidCharacters`].
pub fn street_name(text: &str) -> Result<String, Finding> {
    let text = collapse_spaces(required(Field::StreetName, text)?).replace('’', "'");
    if text.chars().count() > super::name::MAX_CHARS {
        return Err(Finding::error(Field::StreetName, Problem::TooLong));
    }
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '.' | ',' | '/');
    if !text.chars().all(allowed) || !text.chars().any(char::is_alphabetic) {
        return Err(Finding::error(Field::StreetName, Problem::InvalidCharacters));
    }
    Ok(text)
}

/// Required postcode: five digits (spaces ignored: "75 005").
///
/// # Errors
/// [`Problem::Required`] or [`Problem::InvalidPostcode`].
pub fn postcode(text: &str) -> Result<String, Finding> {
    let digits: String =
        required(Field::Postcode, text)?.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(Finding::error(Field::Postcode, Problem::InvalidPostcode))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn street_numbers() {
        let cases =
            [("", Ok(None)), (" 12 ", Ok(Some(12))), ("1", Ok(Some(1))), ("9999", Ok(Some(9999)))];
        for (text, expected) in cases {
            assert_eq!(street_number(text).map_err(|f| f.code), expected, "{text:?}");
        }
        for text in ["0", "10000", "-3", "12b", "+5", "1.5", "douze"] {
            assert_eq!(
                street_number(text).map_err(|f| f.code),
                Err(Problem::InvalidStreetNumber),
                "{text:?}"
            );
        }
    }

    #[test]
    fn complements() {
        let cases = [
            ("", None),
            ("BIS", Some("bis")),
            ("ter", Some("ter")),
            ("Quater", Some("quater")),
            ("quinquies", Some("quinquies")),
            ("SEXIES.", Some("sexies")),
            ("decies", Some("decies")),
            ("b", Some("B")),
            ("c.", Some("C")),
        ];
        for (text, expected) in cases {
            assert_eq!(
                complement(text).unwrap().map(|c| c.to_string()).as_deref(),
                expected,
                "{text:?}"
            );
        }
        for text in ["undecies", "1", "ab", "é", "bi"] {
            assert_eq!(
                complement(text).map_err(|f| f.code),
                Err(Problem::InvalidComplement),
                "{text:?}"
            );
        }
    }

    #[test]
    fn street_names_and_postcodes() {
        assert_eq!(street_name("  de la  Paix ").as_deref(), Ok("de la Paix"));
        assert_eq!(street_name("du 8 Mai 1945").as_deref(), Ok("du 8 Mai 1945"));
        assert_eq!(street_name("Saint-Jean d’Angély").as_deref(), Ok("Saint-Jean d'Angély"));
        assert_eq!(street_name("").map_err(|f| f.code), Err(Problem::Required));
        assert_eq!(
            street_name("rue <script>").map_err(|f| f.code),
            Err(Problem::InvalidCharacters)
        );
        assert_eq!(street_name("1945").map_err(|f| f.code), Err(Problem::InvalidCharacters));
        assert_eq!(postcode(" 75 005 ").as_deref(), Ok("75005"));
        assert_eq!(postcode("97411").as_deref(), Ok("97411"));
        for text in ["7500", "750055", "7500A", "F-75005"] {
            assert_eq!(
                postcode(text).map_err(|f| f.code),
                Err(Problem::InvalidPostcode),
                "{text:?}"
            );
        }
    }
}
