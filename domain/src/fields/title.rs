//! Title: the portal offers M. and Mme.

use super::{required, Field, Finding, Problem};

/// A title the portal offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Title {
    /// Monsieur.
    M,
    /// Madame.
    Mme,
}

impl Title {
    /// Reads M, M., Mme, Monsieur, Madame, Mr, Mrs, Ms, Miss, Mlle in any case.
    ///
    /// # Errors
    /// [`Problem::Required`] or [`Problem::UnknownTitle`].
    pub fn parse(text: &str) -> Result<Self, Finding> {
        let text = required(Field::Title, text)?;
        // ASCII case is enough to match these words (and Unicode's case tables would cost the
        // page about 4 KB gzipped).
        match text.trim_end_matches('.').to_ascii_lowercase().as_str() {
            "m" | "mr" | "monsieur" => Ok(Title::M),
            "mme" | "mrs" | "ms" | "miss" | "madame" | "mlle" | "mademoiselle" => Ok(Title::Mme),
            _ => Err(Finding::error(Field::Title, Problem::UnknownTitle)),
        }
    }

    /// As the portal writes it.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Title::M => "M.",
            Title::Mme => "Mme",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_ways_students_write_a_title() {
        let cases = [
            ("M", Ok("M.")),
            ("m.", Ok("M.")),
            (" Monsieur ", Ok("M.")),
            ("Mr.", Ok("M.")),
            ("MME", Ok("Mme")),
            ("Madame", Ok("Mme")),
            ("Ms", Ok("Mme")),
            ("", Err(Problem::Required)),
            ("Dr", Err(Problem::UnknownTitle)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                Title::parse(text).map(Title::as_str).map_err(|f| f.code),
                expected,
                "{text:?}"
            );
        }
    }
}
