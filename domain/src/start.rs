//! The app's start configuration, from its URL query: the language, a university's changes to
//! the rules, and how a host site presents the app (its name, a contact, its colour, whether the
//! app runs in its page). Unknown keys and unreadable values are ignored: a mistyped embed
//! setting must never stop the app.

use std::str::FromStr;

use crate::i18n::Lang;
use crate::rules::{Overrides, Text};

/// The app's start configuration, from its URL query (`?lang=fr&size-limit=3000000…`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartConfig {
    /// The language to start in, if set.
    pub lang: Option<Lang>,
    /// A university's changes to the rules.
    pub overrides: Overrides,
    /// How a host site presents the app.
    pub host: Host,
}

/// What a university embedding the app sets: its name, a contact, its colour, and whether the
/// app runs inside its page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Host {
    /// The university's name, shown as "Offered by …".
    pub university: Option<String>,
    /// Where students ask questions: an email address, a web address or a phone number.
    pub contact: Option<String>,
    /// The accent colour.
    pub accent: Option<Accent>,
    /// The app runs in an iframe of the host's page (`embed=1`).
    pub embedded: bool,
}

/// A colour as `#rrggbb`, parsed from `#rgb`, `#rrggbb` or the same without `#`: a value that is
/// anything else never reaches a style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent(String);

impl Accent {
    /// `#rrggbb`, lower case.
    #[must_use]
    pub fn css(&self) -> &str {
        &self.0
    }

    /// Black or white, whichever reads better on this colour (WCAG relative luminance).
    #[must_use]
    pub fn ink(&self) -> &'static str {
        let channel = |i: usize| {
            let v = f64::from(u8::from_str_radix(&self.0[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                pow_2_4((v + 0.055) / 1.055)
            }
        };
        let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
        // Contrast with white (1.05 / (l + 0.05)) against contrast with black ((l + 0.05) / 0.05).
        if 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 {
            "#ffffff"
        } else {
            "#000000"
        }
    }
}

/// `t` to the power 2.4, for `t` in (0, 1]: t² times the fifth root of t², by Newton's method
/// (from above, it converges in a dozen steps for the channels' range). `powf` would link libm's
/// `pow` into the page: 2.2 KB of wasm for one colour.
fn pow_2_4(t: f64) -> f64 {
    let a = t * t;
    let mut y = 1.0;
    for _ in 0..16 {
        y = (4.0 * y + a / (y * y * y * y)) / 5.0;
    }
    a * y
}

impl FromStr for Accent {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        let hex = s.trim().trim_start_matches('#');
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(());
        }
        let full = match hex.len() {
            3 => hex.chars().flat_map(|c| [c, c]).collect(),
            6 => hex.to_owned(),
            _ => return Err(()),
        };
        Ok(Accent(format!("#{}", full.to_ascii_lowercase())))
    }
}

impl StartConfig {
    /// Reads a URL query string (with or without its `?`). Unknown keys and unreadable values
    /// are ignored: a mistyped embed setting must never stop the app.
    #[must_use]
    pub fn from_query(query: &str) -> Self {
        let mut config = Self::default();
        let (mut note_en, mut note_fr) = (None, None);
        for (key, value) in crate::query::pairs(query) {
            match &*key {
                "lang" => config.lang = value.parse().ok(),
                "academic-year-start" => config.overrides.academic_year_start = value.parse().ok(),
                "size-limit" => {
                    config.overrides.size_limit_bytes = value.trim().parse().ok().filter(|&n| n > 0)
                }
                "note-en" => note_en = Some(value.into_owned()).filter(|v| !v.trim().is_empty()),
                "note-fr" => note_fr = Some(value.into_owned()).filter(|v| !v.trim().is_empty()),
                "university" => config.host.university = short_text(&value),
                "contact" => config.host.contact = short_text(&value),
                "accent" => config.host.accent = value.parse().ok(),
                "embed" => config.host.embedded = value == "1" || value == "true",
                _ => {}
            }
        }
        config.overrides.note = match (note_en, note_fr) {
            (Some(en), Some(fr)) => Some(Text { en: en.into(), fr: fr.into() }),
            (Some(one), None) | (None, Some(one)) => {
                Some(Text { en: one.clone().into(), fr: one.into() })
            }
            (None, None) => None,
        };
        config
    }
}

/// A host's text, trimmed, at most 120 characters, without control characters.
fn short_text(value: &str) -> Option<String> {
    let text: String = value.chars().filter(|c| !c.is_control()).take(120).collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wcag_curve_is_powf_to_the_last_digits_over_every_channel_value() {
        for byte in 11..=255u8 {
            let t = (f64::from(byte) / 255.0 + 0.055) / 1.055;
            let (ours, libm) = (pow_2_4(t), t.powf(2.4));
            assert!((ours - libm).abs() < 1e-12, "{byte}: {ours} vs {libm}");
        }
    }

    #[test]
    fn the_start_configuration_is_read_from_the_query_and_never_fails() {
        let c = StartConfig::from_query(
            "?lang=fr&academic-year-start=2026-09-14&size-limit=3000000&note-en=Ask%20us+today&note-fr=Demandez-nous&x=1",
        );
        assert_eq!(c.lang, Some(Lang::Fr));
        assert_eq!(c.overrides.academic_year_start, "2026-09-14".parse().ok());
        assert_eq!(c.overrides.size_limit_bytes, Some(3_000_000));
        let note = c.overrides.note.unwrap();
        assert_eq!((&*note.en, &*note.fr), ("Ask us today", "Demandez-nous"));

        let host = StartConfig::from_query(
            "university=Universit%C3%A9%20de%20Lyon&contact=sante%40univ.example&accent=%23A0C&embed=1",
        )
        .host;
        assert_eq!(host.university.as_deref(), Some("Université de Lyon"));
        assert_eq!(host.contact.as_deref(), Some("sante@univ.example"));
        assert_eq!(host.accent.as_ref().map(Accent::css), Some("#aa00cc"));
        assert!(host.embedded);
        for bad in ["red", "#12345", "#ggg", "1d4f91;background:url(x)", ""] {
            assert_eq!(bad.parse::<Accent>(), Err(()), "{bad:?}");
        }
        assert_eq!("#ffff00".parse::<Accent>().map(|a| a.ink()), Ok("#000000"));
        assert_eq!("1d4f91".parse::<Accent>().map(|a| a.ink()), Ok("#ffffff"));
        assert_eq!(
            StartConfig::from_query(&format!("university={}", "x".repeat(500)))
                .host
                .university
                .map(|u| u.len()),
            Some(120)
        );
        let one = StartConfig::from_query("note-fr=%C3%89crivez-nous");
        assert_eq!(one.overrides.note.map(|n| n.en), Some("Écrivez-nous".into()));
        for junk in [
            "",
            "?",
            "&&=&",
            "lang=de&size-limit=-1&academic-year-start=2026-02-30",
            "%",
            "a=%G1%",
            "size-limit=0",
        ] {
            assert_eq!(StartConfig::from_query(junk), StartConfig::default(), "{junk:?}");
        }
        let odd = StartConfig::from_query("university=100%&contact=%e9");
        assert_eq!(odd.host.university.as_deref(), Some("100%"), "a stray % stays as typed");
        assert_eq!(
            odd.host.contact.as_deref(),
            Some("\u{FFFD}"),
            "bad UTF-8 is replaced, no panic"
        );
    }
}
