//! Last and first names: letters of any alphabet with their accents, spaces, hyphens and
//! apostrophes; at most 254 characters (the portal's counter); a warning for non-Latin letters,
//! since the portal wants the Latin-letter lines of the passport.

use super::{required, Field, Finding, Problem};

/// The portal's limit (its "0 / 254" counter), in characters.
pub const MAX_CHARS: usize = 254;

/// A name as the portal accepts it, with spaces collapsed and typographic apostrophes made
/// straight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName(String);

/// Combining accents typed as separate characters (e + ◌́).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}')
}

/// Latin letters: ASCII, Latin-1, Latin Extended-A/B, IPA, Latin Extended Additional.
fn is_latin(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
        && c != '×'
        && c != '÷'
}

/// What passports print in place of a name they do not have: FNU, LNU (first or last name
/// unknown), NFN (no first name), XXX, SP (sans prénom, on some French passports: the foreign
/// ministry's answer to the Assemblée des Français de l'étranger, 2024).
fn is_placeholder(name: &str) -> bool {
    // ASCII only: the placeholders are, and Unicode case tables would weigh on the page.
    ["FNU", "LNU", "NFN", "SP", "UNKNOWN", "INCONNU"].iter().any(|p| name.eq_ignore_ascii_case(p))
        || (name.len() >= 2 && name.bytes().all(|b| b.eq_ignore_ascii_case(&b'X')))
}

impl PersonName {
    /// Checks a name; the second value is a warning that does not stop the form.
    ///
    /// # Errors
    /// [`Problem::Required`], [`Problem::TooLong`], [`Problem::InvalidCharacters`] or
    /// [`Problem::MisplacedPunctuation`].
    pub fn parse(field: Field, text: &str) -> Result<(Self, Option<Finding>), Finding> {
        let text = required(field, text)?;
        let mut out = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| if c == '’' || c == 'ʼ' { '\'' } else { c }));
        }
        if out.chars().count() > MAX_CHARS {
            return Err(Finding::error(field, Problem::TooLong));
        }
        let allowed =
            |c: char| c.is_alphabetic() || is_combining_mark(c) || matches!(c, ' ' | '-' | '\'');
        if !out.chars().all(allowed) || !out.chars().any(char::is_alphabetic) {
            return Err(Finding::error(field, Problem::InvalidCharacters));
        }
        let punct = |c: char| c == '-' || c == '\'';
        let chars: Vec<char> = out.chars().collect();
        let misplaced = chars.first().copied().is_some_and(punct)
            || chars.last().copied().is_some_and(punct)
            || chars.windows(2).any(|w| punct(w[0]) && punct(w[1]));
        if misplaced {
            return Err(Finding::error(field, Problem::MisplacedPunctuation));
        }
        let warning = if is_placeholder(&out) {
            Some(Finding::warning(field, Problem::NamePlaceholder))
        } else {
            out.chars()
                .any(|c| c.is_alphabetic() && !is_latin(c))
                .then(|| Finding::warning(field, Problem::NonLatinScript))
        };
        Ok((Self(out), warning))
    }

    /// The name as to be typed.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_the_world() {
        let ok = [
            ("N'Diaye", "N'Diaye"),
            ("  Le   Goff ", "Le Goff"),
            ("O’Connor", "O'Connor"),
            ("Jean-Baptiste", "Jean-Baptiste"),
            ("Nguyễn", "Nguyễn"),
            ("Łukasz", "Łukasz"),
            ("Zoë", "Zoë"),
            ("Jose\u{301}", "Jose\u{301}"),
            ("Çağlar", "Çağlar"),
            ("Ångström", "Ångström"),
        ];
        for (text, expected) in ok {
            let (name, warning) = PersonName::parse(Field::LastName, text)
                .unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(name.as_str(), expected, "{text:?}");
            assert_eq!(warning, None, "{text:?} is Latin");
        }
    }

    #[test]
    fn a_passport_s_word_for_no_first_name_passes_with_an_explanation() {
        for text in ["FNU", "fnu", "XXX", "Xx", "SP", "NFN", "LNU"] {
            let (name, warning) = PersonName::parse(Field::FirstName, text).unwrap();
            assert_eq!(name.as_str(), text, "kept as the passport prints it");
            assert_eq!(warning.map(|w| w.code), Some(Problem::NamePlaceholder), "{text}");
        }
        for text in ["Xavier", "X", "Spa", "Fnu-Ali"] {
            let (_, warning) = PersonName::parse(Field::FirstName, text).unwrap();
            assert_eq!(warning, None, "{text} is a name");
        }
    }

    #[test]
    fn non_latin_names_pass_with_a_warning() {
        for text in ["王芳", "Мария", "محمد", "Γιώργος", "김민준"] {
            let (_, warning) = PersonName::parse(Field::FirstName, text).unwrap();
            assert_eq!(warning.map(|w| w.code), Some(Problem::NonLatinScript), "{text}");
        }
    }

    #[test]
    fn what_the_portal_refuses() {
        let long = "a".repeat(MAX_CHARS + 1);
        let cases = [
            ("", Problem::Required),
            ("   ", Problem::Required),
            ("Jean2", Problem::InvalidCharacters),
            ("Marie & Paul", Problem::InvalidCharacters),
            ("J.", Problem::InvalidCharacters),
            ("--", Problem::InvalidCharacters),
            ("-Jean", Problem::MisplacedPunctuation),
            ("Jean-", Problem::MisplacedPunctuation),
            ("Jean--Paul", Problem::MisplacedPunctuation),
            ("O''Neil", Problem::MisplacedPunctuation),
            (long.as_str(), Problem::TooLong),
        ];
        for (text, code) in cases {
            assert_eq!(
                PersonName::parse(Field::LastName, text).map(|_| ()).map_err(|e| e.code),
                Err(code),
                "{text:?}"
            );
        }
        assert!(PersonName::parse(Field::LastName, &"a".repeat(MAX_CHARS)).is_ok());
    }
}
