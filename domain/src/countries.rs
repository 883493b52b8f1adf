//! Countries (ISO 3166-1, with English and French names from Debian's iso-codes; see
//! `data/countries.tsv`; and the other languages' in `data/country-names.tsv`), and finding one
//! from what a student types.

use crate::i18n::{CatalogError, Lang};

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
    /// Its place in the table, where its names in the other languages are.
    pub row: usize,
}

include!(concat!(env!("OUT_DIR"), "/countries.rs"));

impl Country {
    /// The common name in `lang`. In the page, a language after English and French has its
    /// names once they are installed ([`Country::install_names`]); English's stand in until then.
    #[must_use]
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
            _ => names::get(lang, self.row).unwrap_or(self.en),
        }
    }

    /// The file of country names the page fetches for `lang` (beside it), with its wording; the
    /// English and French ones are built in, and natively every language's: `None`.
    #[must_use]
    pub const fn names_file(lang: Lang) -> Option<&'static str> {
        match (lang as usize).checked_sub(2) {
            Some(at) => crate::i18n::fetched(NAMES_FILES[at]),
            None => None,
        }
    }

    /// Whether the names in `lang` are there (built in, or installed).
    #[must_use]
    pub fn has_names(lang: Lang) -> bool {
        matches!(lang, Lang::En | Lang::Fr) || names::get(lang, 0).is_some()
    }

    /// Reads the file of [`names_file`](Self::names_file) (a name a line, in the table's
    /// order) and, in the page, installs it.
    ///
    /// # Errors
    /// A file that is not this build's names in `lang`.
    pub fn install_names(lang: Lang, file: &str) -> Result<(), CatalogError> {
        let Some(at) = (lang as usize).checked_sub(2) else { return Ok(()) };
        if crate::i18n::file::fingerprint(file.as_bytes()) != NAMES_FINGERPRINTS[at] {
            return Err(CatalogError::Stale);
        }
        names::install(at, file);
        Ok(())
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

    /// The country a student meant by `text`: any of its names in any language there is,
    /// ignoring case, accents, punctuation and extra spaces ("cote d ivoire", "ALGÉRIE",
    /// "الصين"), or its two-letter code. (A nationality's adjective: [`Demonyms::find`].)
    #[must_use]
    pub fn find(text: &str) -> Option<&'static Country> {
        let wanted = fold(text);
        if wanted.is_empty() {
            return None;
        }
        COUNTRIES
            .iter()
            .find(|c| {
                [c.en, c.fr, c.official_en, c.official_fr]
                    .into_iter()
                    .chain(Lang::ALL[2..].iter().filter_map(|&lang| names::get(lang, c.row)))
                    .any(|n| fold(n) == wanted)
            })
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

/// The names in the languages after English and French: natively built in, in the page fetched.
#[cfg(any(not(target_arch = "wasm32"), feature = "wording"))]
mod names {
    use crate::Lang;

    pub(super) fn get(lang: Lang, row: usize) -> Option<&'static str> {
        super::OTHER_NAMES.get((lang as usize).checked_sub(2)?)?.get(row).copied()
    }

    pub(super) fn install(_: usize, _: &str) {}
}

#[cfg(all(target_arch = "wasm32", not(feature = "wording")))]
mod names {
    use crate::Lang;
    use std::sync::OnceLock;

    static INSTALLED: [OnceLock<Box<[&'static str]>>; Lang::ALL.len() - 2] =
        [const { OnceLock::new() }; Lang::ALL.len() - 2];

    pub(super) fn get(lang: Lang, row: usize) -> Option<&'static str> {
        INSTALLED.get((lang as usize).checked_sub(2)?)?.get()?.get(row).copied()
    }

    /// Keeps the names for the page's whole life (they are installed once).
    pub(super) fn install(at: usize, file: &str) {
        let text: &'static str = Box::leak(file.to_owned().into_boxed_str());
        let _ = INSTALLED[at].set(text.lines().collect());
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
            // Arabic: short vowels, shadda and tatweel are left out, and the letters people
            // type one for the other (alif with hamza or madda, alif maqsura, ta marbuta) merged.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => "",
            'أ' | 'إ' | 'آ' => "ا",
            'ى' => "ي",
            'ة' => "ه",
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
            // In the other languages of the page.
            ("Marruecos", Some("MA")),
            ("argelia", Some("DZ")),
            ("中国", Some("CN")),
            ("摩洛哥", Some("MA")),
            ("الجزائر", Some("DZ")),
            ("المغرب", Some("MA")),
            ("الصين", Some("CN")),
            ("السنغال", Some("SN")),
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
        // Every language has a name for every country, none left empty.
        for lang in Lang::ALL {
            assert!(COUNTRIES.iter().all(|c| !c.name(lang).trim().is_empty()), "{lang}");
        }
        assert_eq!(
            COUNTRIES.iter().find(|c| c.code == "MA").map(|c| c.name(Lang::Es)),
            Some("Marruecos")
        );
        assert_eq!(
            COUNTRIES.iter().find(|c| c.code == "DZ").map(|c| c.name(Lang::Ar)),
            Some("الجزائر")
        );
    }

    #[test]
    fn fold_keeps_letters_and_digits_only() {
        assert_eq!(fold("  Saint-Barthélemy "), "saint barthelemy");
        assert_eq!(fold("Œuvre & Co."), "oeuvre co");
        assert_eq!(fold("!!"), "");
        assert_eq!(fold("الصّين"), fold("الصين"));
        assert_eq!(fold("أفغانستان"), fold("افغانستان"));
    }
}
