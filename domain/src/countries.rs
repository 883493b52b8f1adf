//! Countries (ISO 3166-1, with English and French names from Debian's iso-codes; see
//! `data/countries.tsv`), and finding one from what a student types.

use crate::i18n::Lang;

/// A country, with its names in both languages.
#[derive(Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, e.g. `DZ`.
    pub code: &'static str,
    /// Common English name, e.g. "Algeria".
    pub en: &'static str,
    /// Common French name, e.g. "Algérie".
    pub fr: &'static str,
    /// Official English name, e.g. "People's Democratic Republic of Algeria".
    pub official_en: &'static str,
    /// Official French name.
    pub official_fr: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/countries.rs"));

impl Country {
    /// The common name in `lang`.
    #[must_use]
    pub const fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }

    /// Whether this is a country's alpha-2 code (upper case), without the names table: the
    /// inspector worker, which checks a BIC's country, never links the names.
    #[must_use]
    pub fn is_code(code: &str) -> bool {
        code.len() == 2 && CODES.as_bytes().chunks(2).any(|c| c == code.as_bytes())
    }

    /// The country with this alpha-2 code (any case).
    #[must_use]
    pub fn by_code(code: &str) -> Option<&'static Country> {
        COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code.trim()))
    }

    /// The country a student meant by `text`: any of its names in either language, ignoring
    /// case, accents, punctuation and extra spaces ("cote d ivoire", "ALGÉRIE"), or its
    /// two-letter code. (A nationality's adjective: [`Demonyms::find`].)
    #[must_use]
    pub fn find(text: &str) -> Option<&'static Country> {
        let wanted = fold(text);
        if wanted.is_empty() {
            return None;
        }
        COUNTRIES
            .iter()
            .find(|c| [c.en, c.fr, c.official_en, c.official_fr].iter().any(|n| fold(n) == wanted))
            .or_else(|| if wanted.len() == 2 { Country::by_code(&wanted) } else { None })
    }

    /// Every country, sorted by its name in `lang` as a French or English reader expects
    /// ("Égypte" next to "Égalité", not after "Zimbabwe").
    #[must_use]
    pub fn sorted(lang: Lang) -> Vec<&'static Country> {
        let mut all: Vec<&Country> = COUNTRIES.iter().collect();
        all.sort_by_cached_key(|c| fold(c.name(lang)));
        all
    }
}

/// Nationality adjectives in English and French ("Indian", "marocaine"), read from
/// `data/demonyms.tsv` (`word\tcode` lines). Not built in: the page fetches the file after its
/// first screen (3.3 KB gzipped it would otherwise cost), as it does the postcode base.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Demonyms(Vec<(String, &'static Country)>);

impl Demonyms {
    /// The words of a `demonyms.tsv` text; comment lines (`#`) and rows whose code is no
    /// country are left out.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        Demonyms(
            text.lines()
                .filter(|line| !line.starts_with('#'))
                .filter_map(|line| line.split_once('\t'))
                .filter_map(|(word, code)| Some((fold(word), Country::by_code(code)?)))
                .filter(|(word, _)| !word.is_empty())
                .collect(),
        )
    }

    /// The country whose nationality `text` names as an adjective, however it is typed.
    #[must_use]
    pub fn find(&self, text: &str) -> Option<&'static Country> {
        let wanted = fold(text);
        self.0.iter().find(|(word, _)| *word == wanted).map(|(_, country)| *country)
    }
}

/// Lower case, Latin accents and ligatures removed, punctuation turned into single spaces.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars().flat_map(char::to_lowercase) {
        let folded: &str = match ch {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
            'ç' | 'ć' | 'č' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
            'ñ' | 'ń' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
            'ý' | 'ÿ' => "y",
            'š' | 'ś' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            c if c.is_alphanumeric() => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                continue;
            }
            _ => {
                space = true;
                continue;
            }
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push_str(folded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_alone_are_the_table_s_codes() {
        assert!(COUNTRIES.iter().all(|c| Country::is_code(c.code)));
        assert_eq!(CODES.len(), 2 * COUNTRIES.len());
        for not in ["QQ", "fr", "F", "FRA", "", "RF"] {
            assert!(!Country::is_code(not), "{not}");
        }
    }

    #[test]
    fn the_table_has_every_iso_country_once() {
        assert_eq!(COUNTRIES.len(), 250, "249 ISO 3166-1 countries and Kosovo");
        let mut codes: Vec<&str> = COUNTRIES.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), COUNTRIES.len());
        assert!(COUNTRIES.iter().all(|c| !c.en.is_empty() && !c.fr.is_empty()));
    }

    #[test]
    fn finds_a_country_however_it_is_typed() {
        let cases = [
            ("Algeria", Some("DZ")),
            ("algérie", Some("DZ")),
            ("ALGERIE", Some("DZ")),
            ("  Cote d'Ivoire ", Some("CI")),
            ("cote d ivoire", Some("CI")),
            ("Royaume-Uni", Some("GB")),
            ("United Kingdom of Great Britain and Northern Ireland", Some("GB")),
            ("États-Unis", Some("US")),
            ("South Korea", Some("KR")),
            ("Corée du Sud", Some("KR")),
            ("Viet Nam", Some("VN")),
            ("Kosovo", Some("XK")),
            ("ca", Some("CA")),
            ("Atlantis", None),
            ("", None),
            ("---", None),
            ("Alger", None),
            ("Indian", None),
        ];
        for (text, code) in cases {
            assert_eq!(Country::find(text).map(|c| c.code), code, "{text:?}");
        }
    }

    #[test]
    fn finds_a_nationality_typed_as_an_adjective() {
        let text = include_str!("../data/demonyms.tsv");
        let demonyms = Demonyms::parse(text);
        let rows = text.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(demonyms.0.len(), rows, "every row is a word and a country's code");
        let cases = [
            // In English or French, however typed.
            ("Indian", Some("IN")),
            ("chinese", Some("CN")),
            ("Moroccan", Some("MA")),
            ("marocaine", Some("MA")),
            ("Sénégalais", Some("SN")),
            ("ivoirienne", Some("CI")),
            ("French", Some("FR")),
            // Shared by two sovereign countries: the student chooses from the list.
            ("Congolese", None),
            ("Dominican", None),
            ("", None),
            ("Morocco", None),
        ];
        for (text, code) in cases {
            assert_eq!(demonyms.find(text).map(|c| c.code), code, "{text:?}");
        }
        assert_eq!(
            Demonyms::parse("# a comment\nNowhere\tQQ\n\tFR\nno tab\n"),
            Demonyms::default()
        );
    }

    #[test]
    fn sorting_ignores_accents() {
        let fr = Country::sorted(Lang::Fr);
        let pos = |code: &str| fr.iter().position(|c| c.code == code).unwrap();
        assert!(pos("EG") < pos("ES"), "Égypte before Espagne");
        assert!(pos("EG") < pos("ZW"));
        let en = Country::sorted(Lang::En);
        assert_eq!(en.first().map(|c| c.code), Some("AF"));
    }

    #[test]
    fn fold_keeps_letters_and_digits_only() {
        assert_eq!(fold("  Saint-Barthélemy "), "saint barthelemy");
        assert_eq!(fold("Œuvre & Co."), "oeuvre co");
        assert_eq!(fold("!!"), "");
    }
}
