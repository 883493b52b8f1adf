//! Lane type (type de voie): one of the official list (`data/lane-types.tsv`), given by its
//! abbreviation or its name, in any case, with or without accents or dots.

use super::{required, Field, Finding, Problem};
use crate::countries::fold;

/// An official lane type.
#[derive(Debug, PartialEq, Eq)]
pub struct LaneType {
    /// Official abbreviation, e.g. `BD`.
    pub code: &'static str,
    /// French name, e.g. "Boulevard".
    pub fr: &'static str,
    /// What it is, in English.
    pub en: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/lane_types.rs"));

/// Abbreviations often typed for an official one.
const ALIASES: [(&str, &str); 8] = [
    ("che", "CHEM"),
    ("car", "CARR"),
    ("pas", "PASS"),
    ("rpt", "RDPT"),
    ("sen", "SENT"),
    ("pte", "PRTE"),
    ("vil", "VLA"),
    ("mte", "MNT"),
];

impl LaneType {
    /// The lane type a student meant.
    ///
    /// # Errors
    /// [`Problem::Required`] or [`Problem::UnknownLaneType`].
    pub fn parse(text: &str) -> Result<&'static LaneType, Finding> {
        let wanted = fold(required(Field::LaneType, text)?);
        let alias = ALIASES.iter().find(|(a, _)| *a == wanted).map(|(_, code)| *code);
        LANE_TYPES
            .iter()
            .find(|l| fold(l.code) == wanted || fold(l.fr) == wanted || alias == Some(l.code))
            .ok_or(Finding::error(Field::LaneType, Problem::UnknownLaneType))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_official_list_has_the_usual_types_once() {
        assert!(LANE_TYPES.len() >= 100, "about 100 official types");
        let mut codes: Vec<&str> = LANE_TYPES.iter().map(|l| l.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), LANE_TYPES.len());
        for code in [
            "ALL", "AV", "BD", "CHEM", "CRS", "FBG", "IMP", "PASS", "PL", "QUAI", "RES", "RTE",
            "RUE", "SQ", "VLA",
        ] {
            assert!(LANE_TYPES.iter().any(|l| l.code == code), "{code} (DOMAIN.md §4)");
        }
    }

    #[test]
    fn found_by_abbreviation_or_name() {
        let cases = [
            ("rue", Some("RUE")),
            ("Av.", Some("AV")),
            ("avenue", Some("AV")),
            ("BD", Some("BD")),
            ("residence", Some("RES")),
            ("Résidence", Some("RES")),
            ("rond point", Some("RDPT")),
            ("Rond-Point", Some("RDPT")),
            ("che", Some("CHEM")),
            ("lieu dit", Some("LDT")),
            ("street", None),
            ("", None),
        ];
        for (text, code) in cases {
            assert_eq!(LaneType::parse(text).ok().map(|l| l.code), code, "{text:?}");
        }
        assert_eq!(LaneType::parse("rew").unwrap_err().code, Problem::UnknownLaneType);
    }
}
