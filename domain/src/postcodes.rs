//! The postcode base: which towns each French postcode serves (`data/postcodes.tsv`, from
//! INSEE's Code officiel géographique and DGFiP's FIMOCT via Etalab's codes-postaux).
//!
//! The base is ~530 KB of text (~225 KB gzipped): the app loads it only when the student
//! reaches the address, and hands the text to [`PostcodeBase::parse`]; the command line embeds
//! it ([`EMBEDDED`], native builds only).

use std::collections::BTreeMap;

use crate::countries::fold;

/// The base as shipped, for native callers (the command line and tests).
#[cfg(not(target_arch = "wasm32"))]
pub const EMBEDDED: &str = include_str!("../data/postcodes.tsv");

/// Postcode → the names of the towns it serves, as written officially.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PostcodeBase {
    towns: BTreeMap<String, Vec<String>>,
}

/// Folded words, with the usual abbreviations of saints spelt out ("St-Denis" = "Saint-Denis").
fn town_key(name: &str) -> String {
    fold(name)
        .split(' ')
        .map(|w| match w {
            "st" => "saint",
            "ste" => "sainte",
            "sts" => "saints",
            "stes" => "saintes",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl PostcodeBase {
    /// Reads the base's text: `CODE<TAB>Town|Town…` per line, `#` comments. Malformed lines
    /// are skipped, never fatal.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let towns = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter(|(code, _)| code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()))
            .map(|(code, names)| (code.to_owned(), names.split('|').map(str::to_owned).collect()))
            .collect();
        Self { towns }
    }

    /// How many postcodes the base knows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.towns.len()
    }

    /// Whether the base is empty (not loaded).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.towns.is_empty()
    }

    /// The towns a postcode serves, or `None` for a postcode that does not exist.
    #[must_use]
    pub fn towns(&self, postcode: &str) -> Option<&[String]> {
        self.towns.get(postcode).map(Vec::as_slice)
    }

    /// The official name of the town the student meant, if the postcode serves it: case,
    /// accents, hyphens and "St"/"Saint" do not matter, nor how an arrondissement is written
    /// ("Paris 11e", "Paris 05", "Lyon 3ème arr.", "Marseille 1er" are the base's
    /// "Paris 11e Arrondissement"…).
    #[must_use]
    pub fn town(&self, postcode: &str, typed: &str) -> Option<&str> {
        let wanted = town_key(typed);
        if wanted.is_empty() {
            return None;
        }
        let towns = self.towns(postcode)?;
        let find = |key: &str| towns.iter().find(|t| town_key(t) == key).map(String::as_str);
        find(&wanted).or_else(|| find(&arrondissement_key(&wanted)?.1))
    }

    /// Whether any postcode serves a town of this name. A name the base does not know at all
    /// may still be right (a former commune merged into another, a locality's name on the
    /// mail), where a town known elsewhere is the wrong town or the wrong postcode.
    #[must_use]
    pub fn knows(&self, typed: &str) -> bool {
        let wanted = town_key(typed);
        let arrondissement = arrondissement_key(&wanted).map(|(_, key)| key);
        !wanted.is_empty()
            && self.towns.values().flatten().any(|t| {
                let key = town_key(t);
                key == wanted || arrondissement.as_ref() == Some(&key)
            })
    }

    /// The town to suggest when the typed one is not served by the postcode: its only town, or
    /// for a city's arrondissement typed with the wrong number ("Paris 12e" for 75011), the
    /// arrondissement the postcode serves.
    #[must_use]
    pub fn suggestion(&self, postcode: &str, typed: &str) -> Option<&str> {
        match self.towns(postcode)? {
            [one] => Some(one),
            towns => {
                let typed = town_key(typed);
                let (city, _) = arrondissement_key(&typed)?;
                let prefix = format!("{city} ");
                towns
                    .iter()
                    .find(|t| {
                        let key = town_key(t);
                        key.starts_with(&prefix) && key.ends_with(" arrondissement")
                    })
                    .map(String::as_str)
            }
        }
    }
}

/// A folded town naming an arrondissement as students write it ("paris 11e", "paris 05",
/// "lyon 3eme arr", "marseille 1er arrondissement"): its city and the base's key for it
/// ("paris 11e arrondissement").
fn arrondissement_key(key: &str) -> Option<(&str, String)> {
    let mut words: Vec<&str> = key.split(' ').collect();
    while matches!(words.last(), Some(&("arrondissement" | "arr" | "arrt" | "arrdt" | "ardt"))) {
        words.pop();
    }
    let number = words.pop()?;
    let digits = number.trim_end_matches(|c: char| c.is_ascii_lowercase());
    if words.is_empty() || !matches!(&number[digits.len()..], "" | "e" | "er" | "eme" | "ieme") {
        return None;
    }
    let n: u8 = digits.parse().ok().filter(|n| (1..=20).contains(n))?;
    let city = &key[..words.iter().map(|w| w.len() + 1).sum::<usize>() - 1];
    Some((city, format!("{city} {n}{} arrondissement", if n == 1 { "er" } else { "e" })))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn base() -> PostcodeBase {
        PostcodeBase::parse(EMBEDDED)
    }

    #[test]
    fn the_base_covers_france_and_its_overseas_departments() {
        let base = base();
        assert!(base.len() > 6000, "{} postcodes", base.len());
        for code in [
            "01000", "20000", "20200", "75001", "75020", "13001", "69003", "97110", "97200",
            "97300", "97411", "97600", "97500", "97133", "97150",
        ] {
            assert!(base.towns(code).is_some(), "{code}");
        }
        for code in ["00000", "75021", "99999", "7500"] {
            assert!(base.towns(code).is_none(), "{code}");
        }
    }

    #[test]
    fn a_town_is_known_under_any_postcode_or_not_at_all() {
        let base = base();
        for known in ["Lyon", "st denis", "Paris 11e", "Cherbourg-en-Cotentin"] {
            assert!(base.knows(known), "{known}");
        }
        for unknown in ["Octeville", "Sant Denis", "", "Lyon 25e"] {
            assert!(!base.knows(unknown), "{unknown}");
        }
    }

    #[test]
    fn towns_match_however_typed() {
        let base = base();
        let cases = [
            ("75005", "Paris", Some("PARIS")),
            ("75005", "paris 5e arrondissement", Some("Paris 5e Arrondissement")),
            ("93200", "St Denis", Some("Saint-Denis")),
            ("93200", "SAINT-DENIS", Some("Saint-Denis")),
            ("97411", "saint paul", Some("Saint-Paul")),
            ("97133", "St Barthélemy", Some("Saint-Barthélemy")),
            ("97150", "SAINT MARTIN", Some("Saint-Martin")),
            ("01000", "Saint-Denis-les-Bourg", Some("Saint-Denis-lès-Bourg")),
            // Arrondissements, however students write them.
            ("75011", "Paris 11e", Some("Paris 11e Arrondissement")),
            ("75011", "paris 11", Some("Paris 11e Arrondissement")),
            ("75011", "Paris 11ème arr.", Some("Paris 11e Arrondissement")),
            ("75005", "Paris 05", Some("Paris 5e Arrondissement")),
            ("75005", "PARIS 5EME ARRONDISSEMENT", Some("Paris 5e Arrondissement")),
            ("69003", "Lyon 3e", Some("Lyon 3e Arrondissement")),
            ("13001", "Marseille 1er", Some("Marseille 1er Arrondissement")),
            ("13001", "Marseille 1", Some("Marseille 1er Arrondissement")),
            ("75011", "Paris 12e", None),
            ("75011", "Lyon 11e", None),
            ("75011", "11e", None),
            ("75011", "Paris 11x", None),
            ("75011", "Paris 99", None),
            ("75005", "Lyon", None),
            ("75005", "", None),
            ("99999", "Paris", None),
        ];
        for (code, typed, expected) in cases {
            assert_eq!(base.town(code, typed), expected, "{code} {typed:?}");
        }
    }

    #[test]
    fn a_wrong_arrondissement_or_a_town_alone_gets_the_postcodes_town_suggested() {
        let base = base();
        assert_eq!(base.suggestion("75011", "Paris 12e"), Some("Paris 11e Arrondissement"));
        assert_eq!(
            base.suggestion("69003", "lyon 1er arrondissement"),
            Some("Lyon 3e Arrondissement")
        );
        assert_eq!(base.suggestion("75011", "Lyon 3e"), None, "another city: no guess");
        assert_eq!(base.suggestion("75011", "Pariss"), None);
        assert_eq!(base.suggestion("93200", "Paris"), Some("Saint-Denis"), "its only town");
        assert_eq!(base.suggestion("99999", "Paris"), None);
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let base = PostcodeBase::parse("# c\n75005\tPARIS\nbad line\n1234\tX\n\n750061\tY\n");
        assert_eq!(base.len(), 1);
    }
}
