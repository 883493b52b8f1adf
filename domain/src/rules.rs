//! The registration rules as data: `rules/rules.json`, turned into Rust values at build time
//! (or read with serde, for another rules file) and checked once into a [`Rules`] value (parse,
//! don't validate).
//!
//! Every document and situation carries its sources with a confidence tag (`official`,
//! `secondary`, `guide_only`, as in `shared/DOMAIN.md`), so the interface never presents advice
//! as law. A university changes what it may through [`Overrides`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::i18n::{Lang, Msg};
use crate::residence::Residence;

/// The rules shipped with this version, as written in `domain/rules/rules.json`.
pub const BUILTIN_JSON: &str = include_str!("../rules/rules.json");

// `builtin_rules()`: the same file as Rust values, made by build.rs, so that the browser needs
// no JSON parser to start (a test below proves both readings equal).
include!(concat!(env!("OUT_DIR"), "/rules.rs"));

/// A text of the rules: borrowed from the program for the built-in rules (no code to copy them
/// at start, which the page's size pays for), owned when read from a file.
pub type Str = std::borrow::Cow<'static, str>;

/// A list of the rules, borrowed or owned as [`Str`] is.
pub type List<T> = std::borrow::Cow<'static, [T]>;

/// A text a university or the rules give in English and French; the other languages show the
/// English one (a file's name, a university's note).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: Str,
    /// French.
    pub fr: Str,
}

impl Text {
    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            _ => &self.en,
        }
    }
}

crate::vocabulary! {
    /// How sure we are of a rule (shared/DOMAIN.md's tags).
    pub enum Confidence as "source tag" {
        /// An official or primary source says it.
        Official = "official",
        /// A university, a guide or the portal's forum says it.
        Secondary = "secondary",
        /// Only the university guide says it.
        GuideOnly = "guide_only",
    }
}

/// Where a rule comes from.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// How sure.
    pub tag: Confidence,
    /// What says it.
    pub text: Str,
}

/// A claim of the catalog that rests on sources (a delay, a rule of the procedure, a phone
/// number): the catalog keys that make it, in every language, and what says it. Kept for
/// `precheck` and the tests; a wasm32 build leaves the list out, as it does the sources' texts.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The catalog keys (`next.permanent.body`).
    pub messages: List<Str>,
    /// What says it.
    pub sources: List<Source>,
}

crate::vocabulary! {
    /// Which certificate a document is needed for, in the order the checklist shows them.
    pub enum Entitlement as "entitlement" {
        /// Needed before the provisional certificate (attestation provisoire) is issued.
        Provisional = "provisional",
        /// Needed to complete the registration and get the permanent social security number.
        Final = "final",
    }
    messages {
        title = "checklist." code,
        missing = "checklist.missing_" code,
        complete = "checklist.complete_" code,
    }
}

crate::vocabulary! {
    /// A file format the portal accepts; its name is the catalog's `format_name.<code>`, the
    /// one the inspection's formats use.
    pub enum Format as "accepted format" {
        /// PDF.
        Pdf = "pdf",
        /// JPEG.
        Jpeg = "jpeg",
        /// PNG.
        Png = "png",
    }
    messages {
        name = "format_name." code,
    }
}

crate::vocabulary! {
    /// A document the portal may ask for.
    pub enum DocumentId as "document" {
        /// Proof of registration for the current academic year.
        CertificateOfStudies = "certificate_of_studies",
        /// Passport or national identity card.
        Identity = "identity",
        /// Long-stay student visa (a VLS-TS, a VLS-T, or an Algerian student's visa D).
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
    messages {
        name = "document." code ".name",
        what_counts = "document." code ".what_counts",
    }
    optional messages {
        hint_1 = "document." code ".hint_1",
        hint_2 = "document." code ".hint_2",
        row = "document." code ".row",
    }
}

impl DocumentId {
    /// What counts as this document, its advice in the slot, and the line of its checklist row
    /// are the catalog's `document.<code>` section (`what_counts`, `hint_1`…, `row`), so that each
    /// language's page carries its own words only; the rules keep the sources. The advice:
    pub fn hints(self) -> impl Iterator<Item = Msg> {
        [self.hint_1(), self.hint_2()].into_iter().flatten()
    }
}

crate::vocabulary! {
    /// A student's situation, which decides the documents.
    pub enum SituationId as "situation" {
        /// From outside the EU/EEA/Switzerland, with a VLS-TS (the common case).
        NonEu = "non_eu",
        /// From outside the EU/EEA/Switzerland, with a VLS-T "étudiant" (4 to 12 months, no
        /// online validation): provisional documents only, the provisional number kept.
        NonEuVlsT = "non_eu_vls_t",
        /// EU/EEA/Swiss with a valid European Health Insurance Card: no registration.
        EuWithEhic = "eu_with_ehic",
        /// EU/EEA/Swiss without the card.
        EuWithoutEhic = "eu_without_ehic",
        /// EU/EEA/Swiss with an S1 form.
        EuS1 = "eu_s1",
        /// Quebec, covered by SE 401-Q-106 or SE 401-Q-102, with a VLS-TS (any nationality that
        /// needs a visa, Algerians excepted).
        Quebec = "quebec",
        /// Quebec, with a VLS-T: the provisional documents and the form, the provisional number
        /// kept.
        QuebecVlsT = "quebec_vls_t",
        /// Quebec, an Algerian national: a visa D, then a certificate of residence to apply for.
        QuebecAlgeria = "quebec_algeria",
        /// Quebec, a national of Andorra, Monaco, San Marino or the Vatican: no visa.
        QuebecVisaExempt = "quebec_visa_exempt",
        /// French national from an overseas collectivity, or born abroad.
        FrenchOverseas = "french_overseas",
        /// Algerian national (certificate of residence instead of a VLS-TS).
        Algeria = "algeria",
        /// National of Andorra, Monaco, San Marino or the Vatican: no visa.
        VisaExempt = "visa_exempt",
        /// British, with a UK student GHIC or EHIC for the year: no registration (to be checked).
        UkWithGhic = "uk_with_ghic",
        /// Other French nationals: not concerned.
        FrenchNotConcerned = "french_not_concerned",
        /// Already has a French social security number: the CPAM reopens the rights, no new
        /// registration.
        AlreadyNumbered = "already_numbered",
        /// A PhD student under a French work contract, a refugee or an asylum seeker: insured
        /// through the CPAM of residence, not the student portal.
        CpamRoute = "cpam_route",
    }
    messages {
        name = "situation." code ".name",
    }
    optional messages {
        reason = "situation." code ".reason",
        hold = "situation." code ".hold",
        keep_1 = "situation." code ".keep_1",
        keep_2 = "situation." code ".keep_2",
        keep_3 = "situation." code ".keep_3",
        keep_4 = "situation." code ".keep_4",
        keep_5 = "situation." code ".keep_5",
        come_back_1 = "situation." code ".come_back_1",
        come_back_2 = "situation." code ".come_back_2",
        come_back_3 = "situation." code ".come_back_3",
        come_back_4 = "situation." code ".come_back_4",
        visa_note = "situation." code ".visa_note",
        identity_note = "situation." code ".identity_note",
        certificate_of_studies_note = "situation." code ".certificate_of_studies_note",
    }
}

crate::vocabulary! {
    /// Whether a situation registers at all.
    pub enum Outcome as "outcome" {
        /// The student registers on the portal.
        Register = "register",
        /// The student does not register (the reason says why).
        NoRegistrationNeeded = "no_registration_needed",
    }
}

/// Whether `stem` may name a made file (a document's `file_name`): 1 to 60 lower-case ASCII
/// letters, digits and hyphens, which every system keeps as they are.
#[must_use]
pub fn is_file_stem(stem: &str) -> bool {
    (1..=60).contains(&stem.len())
        && stem.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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
    pub formats: List<Format>,
    /// When academic years start.
    pub academic_year_start: MonthDay,
    /// Where these come from.
    pub sources: List<Source>,
}

/// One document and what a student must know about it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    /// Stable id.
    pub id: DocumentId,
    /// Provisional or final.
    pub entitlement: Entitlement,
    /// The name of a file made for it (shrunk, turned, combined), without its extension:
    /// lower-case ASCII letters, digits and hyphens, so that every system keeps it as is.
    pub file_name: Text,
    /// Formats, when they differ from the defaults.
    #[serde(default)]
    pub formats: Option<List<Format>>,
    /// Size limit in bytes, when it differs from the default.
    #[serde(default)]
    pub size_limit_bytes: Option<u64>,
    /// Where the rule comes from.
    pub sources: List<Source>,
}

/// One situation: its documents, or why it needs no registration.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SituationRule {
    /// Stable id.
    pub id: SituationId,
    /// Register or not.
    pub outcome: Outcome,
    /// The documents, in the portal's order.
    pub documents: List<DocumentId>,
    /// The residence documents its residence slot offers, each with its sources (none without
    /// the slot); the slot shows them in the order of the [`Residence`] vocabulary.
    #[serde(default)]
    pub residence: std::collections::BTreeMap<Residence, List<Source>>,
    /// Where the rule comes from.
    pub sources: List<Source>,
}

/// The end state of a student who does not register: a page of its own, in place of the
/// registration steps. Its words are the catalog's `situation.<code>` section (`reason`,
/// `hold`, `keep_1`…, `come_back_1`…), fetched with the language like every other message, so
/// that the first screen carries them in one language only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndState {
    /// Why no registration is needed.
    pub reason: Msg,
    /// What covers the student instead.
    pub hold: Msg,
    /// What to keep with them.
    pub keep: Vec<Msg>,
    /// When to come back to this page (and register).
    pub come_back: Vec<Msg>,
}

impl SituationId {
    /// The situation's note on a document's slot, from the catalog (`situation.<code>.<doc>_note`):
    /// only the visa's, the identity's and the certificate of studies' slots have one.
    #[must_use]
    pub fn note(self, doc: DocumentId) -> Option<Msg> {
        match doc {
            DocumentId::Visa => self.visa_note(),
            DocumentId::Identity => self.identity_note(),
            DocumentId::CertificateOfStudies => self.certificate_of_studies_note(),
            _ => None,
        }
    }

    /// The end state of a situation that registers nothing, from the catalog; `None` for the
    /// others. The keys are resolved when the crate is built (a runtime lookup by key would
    /// link every key of the catalog into the page); a sixth line to keep or a fifth to come
    /// back for is a key no code uses, which the catalog test refuses.
    #[must_use]
    pub fn end_state(self) -> Option<EndState> {
        let keep = [self.keep_1(), self.keep_2(), self.keep_3(), self.keep_4(), self.keep_5()];
        let come_back =
            [self.come_back_1(), self.come_back_2(), self.come_back_3(), self.come_back_4()];
        Some(EndState {
            reason: self.reason()?,
            hold: self.hold()?,
            keep: keep.into_iter().map_while(|m| m).collect(),
            come_back: come_back.into_iter().map_while(|m| m).collect(),
        })
    }
}

/// A document added by age.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRule {
    /// Applies to students strictly younger than this on the day of the check.
    pub under_years: u32,
    /// The documents it adds.
    pub adds: List<DocumentId>,
    /// Where the rule comes from.
    pub sources: List<Source>,
}

/// The whole rules file, checked: every id known, every reference resolved.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// What the file is.
    pub about: Str,
    /// Shared values.
    pub defaults: Defaults,
    /// ISO codes of the EU, EEA and Switzerland.
    pub eu_eea_switzerland: List<Str>,
    /// Every document, each once.
    pub documents: Vec<DocumentRule>,
    /// Every situation, each once.
    pub situations: Vec<SituationRule>,
    /// The catalog's claims and their sources (empty in a wasm32 build).
    #[serde(default)]
    pub claims: Vec<Claim>,
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
        for id in DocumentId::ALL {
            match self.documents.iter().filter(|d| d.id == id).count() {
                1 => {}
                0 => return invalid(format!("document {id} is not described")),
                _ => return invalid(format!("document {id} is described twice")),
            }
        }
        for id in SituationId::ALL {
            match self.situations.iter().filter(|s| s.id == id).count() {
                1 => {}
                0 => return invalid(format!("situation {id} is not described")),
                _ => return invalid(format!("situation {id} is described twice")),
            }
        }
        for s in &self.situations {
            let end = s.id.end_state();
            let complete =
                end.as_ref().is_some_and(|e| !e.keep.is_empty() && !e.come_back.is_empty());
            match (s.outcome, end.is_some(), s.documents.is_empty()) {
                (Outcome::Register, false, false) => {}
                (Outcome::NoRegistrationNeeded, true, true) if complete => {}
                (Outcome::Register, ..) => {
                    return invalid(format!(
                        "situation {} registers: it needs documents, and no end state in the \
                         catalog",
                        s.id
                    ))
                }
                (Outcome::NoRegistrationNeeded, ..) => {
                    return invalid(format!(
                        "situation {} needs no registration: it needs an end state in the \
                         catalog (situation.{}: reason, hold, keep_1…, come_back_1…) and no \
                         documents",
                        s.id, s.id
                    ))
                }
            }
            let mut seen = Vec::new();
            for d in s.documents.iter() {
                if seen.contains(d) {
                    return invalid(format!("situation {} lists {d} twice", s.id));
                }
                seen.push(*d);
            }
            if let Some(d) = DocumentId::ALL
                .into_iter()
                .find(|&d| s.id.note(d).is_some() && !s.documents.contains(&d))
            {
                return invalid(format!(
                    "situation {} has a note on {d} (situation.{}.{d}_note), which it does not need",
                    s.id, s.id
                ));
            }
            if s.residence.is_empty() == s.documents.contains(&DocumentId::ResidencePermit) {
                return invalid(format!(
                    "situation {}: residence documents to choose from exactly where it needs a \
                     residence permit",
                    s.id
                ));
            }
            if let Some(r) = s.residence.iter().find(|(_, sources)| sources.is_empty()) {
                return invalid(format!("situation {}: residence {} has no source", s.id, r.0));
            }
            if s.sources.is_empty() {
                return invalid(format!("situation {} has no source", s.id));
            }
        }
        if let Some(d) = self.documents.iter().find(|d| d.sources.is_empty()) {
            return invalid(format!("document {} has no source", d.id));
        }
        for d in &self.documents {
            if let Some(name) =
                [&d.file_name.en, &d.file_name.fr].into_iter().find(|name| !is_file_stem(name))
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
        let mut claimed = std::collections::BTreeSet::new();
        for claim in self.claims.iter() {
            if claim.sources.is_empty() || claim.messages.is_empty() {
                return invalid(format!("claim {:?} needs messages and sources", claim.messages));
            }
            for key in claim.messages.iter() {
                if crate::Msg::from_key(key).is_none() {
                    return invalid(format!("claim {key:?} is not a message of the catalog"));
                }
                if !claimed.insert(key) {
                    return invalid(format!("claim {key:?} is made twice"));
                }
            }
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

    /// Which translation rule applies to a birth certificate issued in this country (its
    /// ISO code): none needed within the EU, the EEA and Switzerland; elsewhere a sworn
    /// translation unless it is written in French [official: service-public.fr F16467].
    #[must_use]
    pub fn birth_certificate_rule(&self, country: &str) -> crate::Msg {
        if self.is_eu_eea_switzerland(country) {
            crate::Msg::SlotBirthEuropean
        } else {
            crate::Msg::SlotBirthTranslated
        }
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
    fn a_birth_certificate_needs_a_translation_outside_europe_only() {
        let rules = Rules::builtin().unwrap();
        for code in ["FR", "DE", "NO", "CH", "it"] {
            assert_eq!(rules.birth_certificate_rule(code), crate::Msg::SlotBirthEuropean, "{code}");
        }
        for code in ["SN", "CN", "GB", "DZ", "ZZ"] {
            assert_eq!(
                rules.birth_certificate_rule(code),
                crate::Msg::SlotBirthTranslated,
                "{code}"
            );
        }
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
    fn every_name_is_written_in_both_languages() {
        let names = DocumentId::ALL.map(DocumentId::name).into_iter();
        for msg in names.chain(SituationId::ALL.map(SituationId::name)) {
            let (en, fr) = (Lang::En.text(msg), Lang::Fr.text(msg));
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{}", msg.key());
            assert_ne!(en, fr, "{}: not translated", msg.key());
        }
    }

    #[test]
    fn the_student_card_stands_for_the_certificate_only_where_a_source_says_so() {
        for s in SituationId::ALL {
            let note = s.note(DocumentId::CertificateOfStudies);
            assert_eq!(note.is_some(), s == SituationId::EuWithoutEhic, "{s}");
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

    /// The rules with the outcome of one situation changed.
    fn with_outcome(id: &str, outcome: &str) -> String {
        let mut value: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        let situations = value["situations"].as_array_mut().unwrap();
        let s = situations.iter_mut().find(|s| s["id"] == id).unwrap();
        s["outcome"] = outcome.into();
        value.to_string()
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
            (BUILTIN_JSON.replacen("\"residence\"", "\"unused\": null, \"x\"", 1), "unknown field"),
            (
                BUILTIN_JSON.replacen("\"residence_permit\", \"rib\"]", "\"rib\"]", 1),
                "residence documents to choose from exactly where it needs a residence permit",
            ),
            (
                BUILTIN_JSON.replacen("\"outcome\"", "\"reason\": {}, \"outcome\"", 1),
                "unknown field",
            ),
            (with_outcome("non_eu", "no_registration_needed"), "an end state in the catalog"),
            (with_outcome("eu_with_ehic", "register"), "registers: it needs documents"),
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

    /// Every claim of the catalog that rests on a source carries its tag in `rules.json`: each
    /// step of the timeline, and every message that states a delay, a rate, the helpline or a
    /// rule of civil status. The documents', situations' and residence documents' words rest on
    /// the sources of their own entries.
    #[test]
    fn every_claim_of_the_catalog_carries_its_sources() {
        use crate::next_steps::{steps, Dates, Visa};
        let rules = builtin();
        let claimed: std::collections::BTreeSet<&str> =
            rules.claims.iter().flat_map(|c| c.messages.iter().map(|m| m.as_ref())).collect();
        let today = Date::from_ymd(2026, 9, 1).unwrap();
        for visa in [Visa::None, Visa::VlsTs, Visa::Algerian, Visa::VlsT, Visa::Settled] {
            for step in steps(&Dates { visa, ..Dates::default() }, today) {
                for msg in [Some(step.body), step.late] {
                    let key = msg.map(crate::Msg::key);
                    assert!(key.is_none_or(|k| claimed.contains(k)), "{key:?} has no source");
                }
            }
        }
        let units = ["month", "day", "week", "year", "%", "€", "MB"];
        let words = ["36 46", "one day", "sworn", "apostille", "INSEE"];
        for &msg in crate::Msg::ALL {
            let key = msg.key();
            if ["document.", "situation.", "residence."].iter().any(|p| key.starts_with(p)) {
                continue;
            }
            let text = Lang::En.text(msg);
            let tokens: Vec<&str> = text.split([' ', '\u{a0}']).collect();
            let quantity = tokens.windows(2).any(|w| {
                w[0].bytes().all(|b| b.is_ascii_digit())
                    && !w[0].is_empty()
                    && units.iter().any(|u| w[1].starts_with(u))
            });
            let named = words.iter().find(|w| text.contains(*w));
            assert!(
                !(quantity || named.is_some()) || claimed.contains(key),
                "{key} states what a source says ({named:?}): give it a claim in rules.json: {text}"
            );
        }
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
