//! The registration rules as data: `rules/rules.json`, turned into Rust values at build time
//! (or read with serde, for another rules file) and checked once into a [`Rules`] value (parse,
//! don't validate).
//!
//! Every document and situation carries its sources with a confidence tag (`official`,
//! `secondary`, `guide_only`, as in `shared/DOMAIN.md`), so the interface never presents advice
//! as law. A university changes what it may through [`Overrides`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::i18n::Lang;

/// The rules shipped with this version, as written in `domain/rules/rules.json`.
pub const BUILTIN_JSON: &str = include_str!("../rules/rules.json");

// `builtin_rules()`: the same file as Rust values, made by build.rs, so that the browser needs
// no JSON parser to start (a test below proves both readings equal).
include!(concat!(env!("OUT_DIR"), "/rules.rs"));

/// A text in every language of the interface.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: String,
    /// French.
    pub fr: String,
}

impl Text {
    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

/// How sure we are of a rule (shared/DOMAIN.md's tags).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// An official or primary source says it.
    Official,
    /// A university, a guide or the portal's forum says it.
    Secondary,
    /// Only the university guide says it.
    GuideOnly,
}

/// Where a rule comes from.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// How sure.
    pub tag: Confidence,
    /// What says it.
    pub text: String,
}

/// Which certificate a document is needed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Entitlement {
    /// Needed before the provisional certificate (attestation provisoire) is issued.
    Provisional,
    /// Needed to complete the registration and get the permanent social security number.
    Final,
}

impl Entitlement {
    /// Both groups, in the order the checklist shows them.
    pub const ALL: [Entitlement; 2] = [Entitlement::Provisional, Entitlement::Final];
}

/// A file format the portal accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// PDF.
    Pdf,
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
}

impl Format {
    /// The name students know it by.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
        }
    }
}

macro_rules! ids {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant,)*
        }

        impl $name {
            /// Every id, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable id used in the rules file, URLs, element ids and the command line.
            #[must_use]
            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)* }
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownId;

            fn from_str(s: &str) -> Result<Self, UnknownId> {
                match s.trim() {
                    $($id => Ok($name::$variant),)*
                    other => Err(UnknownId { kind: stringify!($name), id: other.to_owned() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

ids! {
    /// A document the portal may ask for.
    DocumentId {
        /// Proof of registration for the current academic year.
        CertificateOfStudies = "certificate_of_studies",
        /// Passport or national identity card.
        Identity = "identity",
        /// Long-stay student visa (VLS-TS).
        Visa = "visa",
        /// Birth certificate with filiation.
        BirthCertificate = "birth_certificate",
        /// Residence permit (titre de séjour).
        ResidencePermit = "residence_permit",
        /// Bank details in the student's own name.
        Rib = "rib",
        /// Under 16: a parent's authorisation.
        ParentalAuthorisation = "parental_authorisation",
        /// EU/EEA/Swiss students without a European card: proof of resources.
        ResourcesAttestation = "resources_attestation",
        /// EU/EEA/Swiss students covered by an S1 form.
        S1Form = "s1_form",
        /// Quebec students: form SE 401-Q-106 or SE 401-Q-102.
        QuebecForm = "quebec_form",
    }
}

ids! {
    /// A student's situation, which decides the documents.
    SituationId {
        /// From outside the EU/EEA/Switzerland (the common case).
        NonEu = "non_eu",
        /// EU/EEA/Swiss with a valid European Health Insurance Card: no registration.
        EuWithEhic = "eu_with_ehic",
        /// EU/EEA/Swiss without the card.
        EuWithoutEhic = "eu_without_ehic",
        /// EU/EEA/Swiss with an S1 form.
        EuS1 = "eu_s1",
        /// Quebec, covered by SE 401-Q-106 or SE 401-Q-102.
        Quebec = "quebec",
        /// French national from an overseas collectivity, or born abroad.
        FrenchOverseas = "french_overseas",
        /// Algerian national (certificate of residence instead of a VLS-TS).
        Algeria = "algeria",
        /// Other French nationals: not concerned.
        FrenchNotConcerned = "french_not_concerned",
    }
}

/// An id that the rules do not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownId {
    /// `DocumentId` or `SituationId`.
    pub kind: &'static str,
    /// What was given.
    pub id: String,
}

impl fmt::Display for UnknownId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, all): (&str, Vec<&str>) = if self.kind == "DocumentId" {
            ("document", DocumentId::ALL.iter().map(|d| d.id()).collect())
        } else {
            ("situation", SituationId::ALL.iter().map(|s| s.id()).collect())
        };
        write!(f, "unknown {what} {:?} (expected one of: {})", self.id, all.join(", "))
    }
}

impl std::error::Error for UnknownId {}

/// Whether a situation registers at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The student registers on the portal.
    Register,
    /// The student does not register (the reason says why).
    NoRegistrationNeeded,
}

/// Month and day on which academic years start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

/// Values every document shares unless it says otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// The size limit of every upload slot, in bytes: "4 MB" on the portal is 4,000,000 bytes.
    pub size_limit_bytes: u64,
    /// The formats every slot accepts.
    pub formats: Vec<Format>,
    /// When academic years start.
    pub academic_year_start: MonthDay,
    /// Where these come from.
    pub sources: Vec<Source>,
}

/// One document and what a student must know about it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    /// Stable id.
    pub id: DocumentId,
    /// Provisional or final.
    pub entitlement: Entitlement,
    /// Short name.
    pub name: Text,
    /// The name of a file made for it (shrunk, turned, combined), without its extension:
    /// lower-case ASCII letters, digits and hyphens, so that every system keeps it as is.
    pub file_name: Text,
    /// What counts as this document.
    pub what_counts: Text,
    /// A line for the checklist row, if the row needs one.
    #[serde(default)]
    pub checklist_note: Option<Text>,
    /// Advice.
    pub hints: Vec<Text>,
    /// Formats, when they differ from the defaults.
    #[serde(default)]
    pub formats: Option<Vec<Format>>,
    /// Size limit in bytes, when it differs from the default.
    #[serde(default)]
    pub size_limit_bytes: Option<u64>,
    /// Where the rule comes from.
    pub sources: Vec<Source>,
}

/// One situation: its documents, or why it needs no registration.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SituationRule {
    /// Stable id.
    pub id: SituationId,
    /// Its name.
    pub name: Text,
    /// Register or not.
    pub outcome: Outcome,
    /// Why no registration is needed (only for that outcome).
    #[serde(default)]
    pub reason: Option<Text>,
    /// The documents, in the portal's order.
    pub documents: Vec<DocumentId>,
    /// Situation-specific notes on some documents.
    #[serde(default)]
    pub notes: std::collections::BTreeMap<DocumentId, Text>,
    /// Where the rule comes from.
    pub sources: Vec<Source>,
}

/// A document added by age.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRule {
    /// Applies to students strictly younger than this on the day of the check.
    pub under_years: u32,
    /// The documents it adds.
    pub adds: Vec<DocumentId>,
    /// Where the rule comes from.
    pub sources: Vec<Source>,
}

/// The whole rules file, checked: every id known, every reference resolved.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// What the file is.
    pub about: String,
    /// Shared values.
    pub defaults: Defaults,
    /// ISO codes of the EU, EEA and Switzerland.
    pub eu_eea_switzerland: Vec<String>,
    /// Every document, each once.
    pub documents: Vec<DocumentRule>,
    /// Every situation, each once.
    pub situations: Vec<SituationRule>,
    /// Documents added by age.
    pub age_rules: Vec<AgeRule>,
    /// A university's note, shown with the situation questions.
    #[serde(default)]
    pub university_note: Option<Text>,
    /// A university's exact academic-year start, overriding the default month and day.
    #[serde(default)]
    pub academic_year_start_date: Option<Date>,
}

/// Why a rules file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesError {
    /// Not valid JSON, or not of the expected shape.
    Syntax(String),
    /// Valid JSON, but inconsistent: the text says what.
    Invalid(String),
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RulesError::Syntax(e) => write!(f, "the rules file is not valid: {e}"),
            RulesError::Invalid(e) => write!(f, "the rules file is inconsistent: {e}"),
        }
    }
}

impl std::error::Error for RulesError {}

/// What a university may change, from the configuration the app starts with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// The exact first day of the academic year, e.g. 2026-09-01.
    #[serde(default)]
    pub academic_year_start: Option<Date>,
    /// A size limit for every slot, in bytes.
    #[serde(default)]
    pub size_limit_bytes: Option<u64>,
    /// A note to the university's students.
    #[serde(default)]
    pub note: Option<Text>,
}

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
                ((v + 0.055) / 1.055).powf(2.4)
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
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                "lang" => config.lang = value.parse().ok(),
                "academic-year-start" => config.overrides.academic_year_start = value.parse().ok(),
                "size-limit" => {
                    config.overrides.size_limit_bytes = value.trim().parse().ok().filter(|&n| n > 0)
                }
                "note-en" => note_en = Some(value).filter(|v| !v.trim().is_empty()),
                "note-fr" => note_fr = Some(value).filter(|v| !v.trim().is_empty()),
                "university" => config.host.university = short_text(&value),
                "contact" => config.host.contact = short_text(&value),
                "accent" => config.host.accent = value.parse().ok(),
                "embed" => config.host.embedded = value == "1" || value == "true",
                _ => {}
            }
        }
        config.overrides.note = match (note_en, note_fr) {
            (Some(en), Some(fr)) => Some(Text { en, fr }),
            (Some(one), None) | (None, Some(one)) => Some(Text { en: one.clone(), fr: one }),
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

/// `a=1&b=x%20y` → `[("a", "1"), ("b", "x y")]`, as `application/x-www-form-urlencoded`.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Rules {
    /// The rules shipped with this version. A test guarantees they load.
    ///
    /// # Errors
    /// Only if `rules.json` was edited into an inconsistent state.
    pub fn builtin() -> Result<Self, RulesError> {
        let rules = builtin_rules();
        rules.check()?;
        Ok(rules)
    }

    /// Reads and checks a rules file.
    ///
    /// # Errors
    /// [`RulesError::Syntax`] for bad JSON or an unknown field or id; [`RulesError::Invalid`]
    /// for a missing or repeated document or situation, or a reference that does not fit.
    pub fn from_json(json: &str) -> Result<Self, RulesError> {
        let rules: Rules =
            serde_json::from_str(json).map_err(|e| RulesError::Syntax(e.to_string()))?;
        rules.check()?;
        Ok(rules)
    }

    fn check(&self) -> Result<(), RulesError> {
        let invalid = |msg: String| Err(RulesError::Invalid(msg));
        for &id in DocumentId::ALL {
            match self.documents.iter().filter(|d| d.id == id).count() {
                1 => {}
                0 => return invalid(format!("document {id} is not described")),
                _ => return invalid(format!("document {id} is described twice")),
            }
        }
        for &id in SituationId::ALL {
            match self.situations.iter().filter(|s| s.id == id).count() {
                1 => {}
                0 => return invalid(format!("situation {id} is not described")),
                _ => return invalid(format!("situation {id} is described twice")),
            }
        }
        for s in &self.situations {
            match (s.outcome, &s.reason, s.documents.is_empty()) {
                (Outcome::Register, None, false)
                | (Outcome::NoRegistrationNeeded, Some(_), true) => {}
                (Outcome::Register, _, _) => {
                    return invalid(format!(
                        "situation {} registers: it needs documents and no reason",
                        s.id
                    ))
                }
                (Outcome::NoRegistrationNeeded, _, _) => {
                    return invalid(format!(
                        "situation {} needs no registration: it needs a reason and no documents",
                        s.id
                    ))
                }
            }
            let mut seen = Vec::new();
            for d in &s.documents {
                if seen.contains(d) {
                    return invalid(format!("situation {} lists {d} twice", s.id));
                }
                seen.push(*d);
            }
            if let Some(d) = s.notes.keys().find(|d| !s.documents.contains(d)) {
                return invalid(format!(
                    "situation {} has a note on {d}, which it does not need",
                    s.id
                ));
            }
            if s.sources.is_empty() {
                return invalid(format!("situation {} has no source", s.id));
            }
        }
        if let Some(d) = self.documents.iter().find(|d| d.sources.is_empty()) {
            return invalid(format!("document {} has no source", d.id));
        }
        for d in &self.documents {
            if let Some(name) = [&d.file_name.en, &d.file_name.fr]
                .into_iter()
                .find(|name| !crate::make::is_file_stem(name))
            {
                return invalid(format!(
                    "document {}: file name {name:?} is not lower-case ASCII letters, digits and hyphens",
                    d.id
                ));
            }
        }
        let MonthDay { month, day } = self.defaults.academic_year_start;
        if Date::from_ymd(2000, month.into(), day.into()).is_err() {
            return invalid(format!("academic_year_start {month}-{day} is not a day of the year"));
        }
        if self.defaults.size_limit_bytes == 0 || self.defaults.formats.is_empty() {
            return invalid("the default size limit and formats cannot be empty".into());
        }
        if self.eu_eea_switzerland.iter().any(|c| crate::countries::Country::by_code(c).is_none()) {
            return invalid("eu_eea_switzerland holds an unknown country code".into());
        }
        Ok(())
    }

    /// The same rules with a university's changes.
    #[must_use]
    pub fn with_overrides(mut self, overrides: &Overrides) -> Self {
        if let Some(limit) = overrides.size_limit_bytes.filter(|&l| l > 0) {
            self.defaults.size_limit_bytes = limit;
            for d in &mut self.documents {
                d.size_limit_bytes = None;
            }
        }
        if let Some(start) = overrides.academic_year_start {
            self.academic_year_start_date = Some(start);
            self.defaults.academic_year_start = MonthDay { month: start.month(), day: start.day() };
        }
        if let Some(note) = &overrides.note {
            self.university_note = Some(note.clone());
        }
        self
    }

    /// The rule of a document.
    #[must_use]
    pub fn document(&self, id: DocumentId) -> &DocumentRule {
        // check() proved every id is described exactly once.
        self.documents.iter().find(|d| d.id == id).unwrap_or(&self.documents[0])
    }

    /// The rule of a situation.
    #[must_use]
    pub fn situation(&self, id: SituationId) -> &SituationRule {
        self.situations.iter().find(|s| s.id == id).unwrap_or(&self.situations[0])
    }

    /// The size limit of a document's slot, in bytes.
    #[must_use]
    pub fn size_limit(&self, id: DocumentId) -> u64 {
        self.document(id).size_limit_bytes.unwrap_or(self.defaults.size_limit_bytes)
    }

    /// The formats a document's slot accepts.
    #[must_use]
    pub fn formats(&self, id: DocumentId) -> &[Format] {
        self.document(id).formats.as_deref().unwrap_or(&self.defaults.formats)
    }

    /// Whether a country (alpha-2) is in the EU, the EEA or Switzerland.
    #[must_use]
    pub fn is_eu_eea_switzerland(&self, code: &str) -> bool {
        self.eu_eea_switzerland.iter().any(|c| c.eq_ignore_ascii_case(code))
    }

    /// The academic year a student registering on `today` registers for, as (first, second)
    /// calendar year: from three months before the start date, the coming year.
    #[must_use]
    pub fn academic_year(&self, today: Date) -> (u16, u16) {
        if let Some(start) = self.academic_year_start_date {
            return (start.year(), start.year() + 1);
        }
        let start_month = self.defaults.academic_year_start.month;
        let first = if today.month() + 3 >= start_month { today.year() } else { today.year() - 1 };
        (first, first + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Rules {
        Rules::builtin().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_builtin_rules_load() {
        let rules = builtin();
        assert_eq!(rules.documents.len(), DocumentId::ALL.len());
        assert_eq!(rules.situations.len(), SituationId::ALL.len());
        assert_eq!(rules.defaults.size_limit_bytes, 4_000_000);
        assert_eq!(rules.eu_eea_switzerland.len(), 27 + 3 + 1);
    }

    #[test]
    fn the_builtin_rules_are_the_rules_file_read_by_serde() {
        // build.rs writes rules.json as Rust code; serde reads it as the file format says.
        let parsed = Rules::from_json(BUILTIN_JSON).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(builtin(), parsed);
    }

    #[test]
    fn every_text_is_written_in_both_languages() {
        let rules = builtin();
        let mut texts: Vec<(&str, &Text)> = Vec::new();
        for d in &rules.documents {
            texts.push((d.id.id(), &d.name));
            texts.push((d.id.id(), &d.what_counts));
            texts.extend(d.hints.iter().map(|h| (d.id.id(), h)));
            texts.extend(d.checklist_note.iter().map(|h| (d.id.id(), h)));
        }
        for s in &rules.situations {
            texts.push((s.id.id(), &s.name));
            texts.extend(s.reason.iter().map(|r| (s.id.id(), r)));
            texts.extend(s.notes.values().map(|n| (s.id.id(), n)));
        }
        for (id, text) in texts {
            assert!(!text.en.trim().is_empty() && !text.fr.trim().is_empty(), "{id}: {text:?}");
            assert_ne!(text.en, text.fr, "{id}: not translated: {}", text.en);
        }
    }

    #[test]
    fn advice_that_is_not_official_says_so() {
        let rules = builtin();
        let tags = |sources: &[Source]| sources.iter().map(|s| s.tag).collect::<Vec<_>>();
        assert!(
            tags(&rules.situation(SituationId::Quebec).sources).contains(&Confidence::Secondary)
        );
        assert!(tags(&rules.document(DocumentId::ResidencePermit).sources)
            .contains(&Confidence::GuideOnly));
        assert!(
            tags(&rules.situation(SituationId::EuWithEhic).sources).contains(&Confidence::Official)
        );
    }

    #[test]
    fn inconsistent_files_are_refused_with_the_reason() {
        let broken = [
            (BUILTIN_JSON.replacen("\"id\": \"rib\"", "\"id\": \"identity\"", 1), "identity"),
            (BUILTIN_JSON.replacen("\"id\": \"algeria\"", "\"id\": \"mars\"", 1), "mars"),
            (BUILTIN_JSON.replacen("\"about\"", "\"aboot\"", 1), "aboot"),
            (
                BUILTIN_JSON.replacen(
                    "\"size_limit_bytes\": 4000000",
                    "\"size_limit_bytes\": 0",
                    1,
                ),
                "size limit",
            ),
            (
                BUILTIN_JSON.replacen(
                    "[\"certificate_of_studies\", \"identity\", \"birth_certificate\", \"rib\"]",
                    "[\"certificate_of_studies\", \"rib\", \"rib\"]",
                    1,
                ),
                "twice",
            ),
            (
                BUILTIN_JSON.replacen(
                    "\"fr\": \"acte-de-naissance\"",
                    "\"fr\": \"Acte de naissance\"",
                    1,
                ),
                "file name \"Acte de naissance\"",
            ),
            ("{".to_owned(), "EOF"),
        ];
        for (json, needle) in broken {
            let err = Rules::from_json(&json).expect_err(needle).to_string();
            assert!(err.contains(needle), "{err} should mention {needle}");
        }
    }

    #[test]
    fn ids_parse_from_their_text_and_say_what_is_expected_otherwise() {
        assert_eq!("rib".parse::<DocumentId>(), Ok(DocumentId::Rib));
        assert_eq!(" non_eu ".parse::<SituationId>(), Ok(SituationId::NonEu));
        let err = "student_visa".parse::<DocumentId>().unwrap_err().to_string();
        assert!(err.contains("unknown document \"student_visa\"") && err.contains("visa"), "{err}");
    }

    #[test]
    fn a_university_overrides_size_year_and_note() {
        let overrides = Overrides {
            academic_year_start: Some("2026-09-14".parse().unwrap()),
            size_limit_bytes: Some(2_000_000),
            note: Some(Text {
                en: "Ask the international office.".into(),
                fr: "Demandez au service international.".into(),
            }),
        };
        let rules = builtin().with_overrides(&overrides);
        assert_eq!(rules.size_limit(DocumentId::Rib), 2_000_000);
        assert_eq!(rules.academic_year("2027-03-01".parse().unwrap()), (2026, 2027));
        assert_eq!(
            rules.university_note.as_ref().map(|n| n.get(Lang::Fr)),
            Some("Demandez au service international.")
        );
        let untouched = builtin().with_overrides(&Overrides::default());
        assert_eq!(untouched, builtin());
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
        assert_eq!((note.en.as_str(), note.fr.as_str()), ("Ask us today", "Demandez-nous"));

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
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%e9"), "\u{FFFD}", "invalid UTF-8 is replaced, not a panic");
    }

    #[test]
    fn the_academic_year_turns_three_months_before_september() {
        let rules = builtin();
        let cases = [
            ("2026-11-27", (2026, 2027)),
            ("2027-05-31", (2026, 2027)),
            ("2027-06-01", (2027, 2028)),
            ("2027-01-10", (2026, 2027)),
        ];
        for (today, year) in cases {
            assert_eq!(rules.academic_year(today.parse().unwrap()), year, "{today}");
        }
    }
}
