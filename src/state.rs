//! The whole app state and the one reducer that changes it.

use std::collections::BTreeMap;
use std::rc::Rc;

use secu_precheck_domain::date::{DateFields, DatePart};
use secu_precheck_domain::fields::{self, Field, FormInput, Report};
use secu_precheck_domain::inspect::{Severity, Verdict};
use secu_precheck_domain::postcodes::PostcodeBase;
use secu_precheck_domain::{Answers, Country, Date, DocumentId, Lang, Msg, Question, Rules};
use yew::Reducible;

use crate::protocol::{CheckContext, Failure, Outcome, Task};
use crate::wire::{flag, Lookup, Record};

/// Files larger than this are never read: far over any limit, and no fix could bring them
/// under it. (The 4 MB limit itself is checked on the bytes, by the engine.)
pub const READ_CAP: u64 = 64_000_000;

/// Where a document stands in the checklist. No entry means missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocStatus {
    /// A file is being inspected.
    Checking,
    /// A file passed every check.
    Ready,
    /// A file has a problem; the message says which, in one line.
    NeedsAttention(Msg),
}

/// A file the student chose, as the state knows it; the browser's handle stays in
/// [`crate::files::Files`] under `key`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileMeta {
    /// The handle's key.
    pub key: u32,
    /// The file's name.
    pub name: String,
    /// Its size in bytes, as the browser reports it before any reading.
    pub size: u64,
}

/// A short announcement of the documents step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Files were dropped outside every box: where to drop them.
    DroppedOutside,
    /// The file of this document was removed.
    Removed(DocumentId),
}

/// Where the check of a slot's file stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// Not asked yet.
    Due,
    /// Too large to be worth reading: refused on its size alone.
    NotRead,
    /// Asked of the worker, with this context.
    Pending(CheckContext),
    /// The verdict, for this context.
    Done(CheckContext, Box<Outcome>),
    /// The worker could not check it.
    Failed(CheckContext, Failure),
}

/// Where a fix of the slot's file stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Fix {
    /// No fix asked.
    #[default]
    Idle,
    /// Being made.
    Working(Task),
    /// Made and inspected: the new file and its verdict.
    Made(FileMeta, Box<Outcome>),
    /// Could not be made.
    Failed(Task, Failure),
}

/// One document's box.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slot {
    /// The file in the box, once there is one.
    pub file: Option<(FileMeta, Check)>,
    /// Several files chosen together, in the order to combine them.
    pub pages: Vec<FileMeta>,
    /// A fix of the file, or the combining of the pages.
    pub fix: Fix,
    /// The file's fingerprint, once a check found it. It depends on the bytes only, so it is
    /// kept while the file is checked again: the other boxes' contexts stay the same.
    pub fingerprint: Option<String>,
}

impl Slot {
    /// The verdict on the file, when checked.
    #[must_use]
    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.file {
            Some((_, Check::Done(_, outcome))) => Some(outcome),
            _ => None,
        }
    }

    /// The checklist status of this box.
    #[must_use]
    pub fn status(&self) -> DocStatus {
        match &self.file {
            None => DocStatus::NeedsAttention(Msg::UploadCombine),
            Some((_, Check::Due | Check::Pending(_))) => DocStatus::Checking,
            Some((_, Check::NotRead)) => DocStatus::NeedsAttention(Msg::FileTooLargeTitle),
            Some((_, Check::Failed(..))) => DocStatus::NeedsAttention(Msg::StatusAttention),
            Some((_, Check::Done(_, outcome))) => {
                let inspection = &outcome.inspection;
                match inspection.verdict() {
                    Verdict::Error => {
                        let first =
                            inspection.problems.iter().find(|p| p.severity == Severity::Error);
                        DocStatus::NeedsAttention(
                            first.map_or(Msg::StatusAttention, |p| {
                                p.code.messages(inspection.format).0
                            }),
                        )
                    }
                    Verdict::Ok | Verdict::Warning => DocStatus::Ready,
                }
            }
        }
    }
}

/// Everything the interface shows, in one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// The language of every visible text.
    pub lang: Lang,
    /// The day the app was opened, from the browser's clock.
    pub today: Date,
    /// The answers that decide the situation.
    pub answers: Answers,
    /// The nationality exactly as typed.
    pub nationality_text: String,
    /// The student has left the nationality field at least once (errors show from then on).
    pub nationality_committed: bool,
    /// The date of birth as typed.
    pub birth: DateFields,
    /// Documents with a file or pages; the others are missing.
    pub slots: BTreeMap<DocumentId, Slot>,
    /// What the documents step last announced (a polite live region reads it out).
    pub notice: Option<Notice>,
    /// The details step's fields as typed (date of birth and nationality come from step 1).
    pub details: FormInput,
    /// The start date of rights as typed.
    pub rights: DateFields,
    /// The date of arrival in France as typed (for the visa reminder; optional).
    pub arrival: DateFields,
    /// How many times the student asked to check the details (errors show from the first).
    pub details_checks: u32,
    /// The postcode base, loaded when the address needs it.
    pub postcodes: Postcodes,
    /// The student asked to keep the answers on this device (off until they do).
    pub remember: bool,
}

/// The answers kept on the device when the student asks for it: what was typed, never a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// The language code.
    pub lang: String,
    /// The situation answers.
    pub answers: Answers,
    /// The nationality as typed.
    pub nationality_text: String,
    /// The date of birth as typed.
    pub birth: DateFields,
    /// The details step as typed, field by field.
    pub details: FormInput,
    /// The start of rights as typed.
    pub rights: DateFields,
    /// The arrival date as typed.
    pub arrival: DateFields,
}

impl Saved {
    /// The storage key: versioned, so a future format never misreads this one.
    pub const KEY: &'static str = "secu-precheck/answers/v3";
    /// Where version 2 kept answers (the same record, its fields named by Rust identifiers):
    /// read when there is no version 3, then replaced by it.
    pub const V2_KEY: &'static str = "secu-precheck/answers/v2";
    /// Where version 1 (JSON) kept answers: removed when found, never read, as the student
    /// asked to keep answers on this device, not to keep old copies.
    pub const REMOVED_KEYS: [&'static str; 1] = ["secu-precheck/answers/v1"];

    /// The names version 2 gave the details' fields. Frozen: kept answers written under them
    /// still load.
    const V2_FIELD_NAMES: [(Field, &'static str); 17] = [
        (Field::Title, "Title"),
        (Field::LastName, "LastName"),
        (Field::FirstName, "FirstName"),
        (Field::BirthDate, "BirthDate"),
        (Field::Nationality, "Nationality"),
        (Field::BirthCountry, "BirthCountry"),
        (Field::RightsStartDate, "RightsStartDate"),
        (Field::StreetNumber, "StreetNumber"),
        (Field::StreetComplement, "StreetComplement"),
        (Field::LaneType, "LaneType"),
        (Field::StreetName, "StreetName"),
        (Field::AddressExtra, "AddressExtra"),
        (Field::Postcode, "Postcode"),
        (Field::Town, "Town"),
        (Field::Email, "Email"),
        (Field::EmailConfirmation, "EmailConfirmation"),
        (Field::Phone, "Phone"),
    ];

    /// The record kept on the device (a query string: `lang=fr&details.email=a%40b.fr&…`),
    /// every key a stable code: the language, each answer by its question's code, the dates
    /// by part, each typed field as `details.<field code>`.
    #[must_use]
    pub fn record(&self) -> Record {
        let mut r = Record::default();
        r.put("lang", &self.lang);
        r.put_some(Question::Nationality.code(), self.answers.nationality.as_ref());
        for q in Question::ALL {
            r.put_some(q.code(), self.answers.yes_no(q).map(flag));
        }
        r.put("nationality_text", &self.nationality_text);
        for (prefix, date) in self.dates() {
            for part in DatePart::ALL {
                r.put(format!("{prefix}.{part}"), date.part(part));
            }
        }
        for (field, text) in self.details.typed() {
            r.put(format!("details.{field}"), text);
        }
        r
    }

    fn dates(&self) -> [(&'static str, &DateFields); 3] {
        [("birth", &self.birth), ("rights", &self.rights), ("arrival", &self.arrival)]
    }

    /// Kept answers from their record (version 3 or 2): whatever is missing or unreadable is
    /// blank.
    pub fn read(r: &impl Lookup) -> Saved {
        let text = |key: &str| r.text(key).unwrap_or_default();
        let date = |prefix: &str| {
            let mut date = DateFields::default();
            for part in DatePart::ALL {
                *date.part_mut(part) = text(&format!("{prefix}.{part}"));
            }
            date
        };
        let mut answers = Answers {
            nationality: r.text(Question::Nationality.code()),
            // Read again from the date as typed, when restored.
            birth_date: None,
            ..Answers::default()
        };
        for q in Question::ALL {
            if let Some(yes) = r.flag(q.code()) {
                answers.answer(q, yes);
            }
        }
        let details = Self::V2_FIELD_NAMES
            .iter()
            .filter_map(|&(field, v2)| {
                Some((field, r.text(&format!("details.{field}")).or_else(|| r.text(v2))?))
            })
            .collect();
        Saved {
            lang: text("lang"),
            answers,
            nationality_text: text("nationality_text"),
            birth: date("birth"),
            details,
            rights: date("rights"),
            arrival: date("arrival"),
        }
    }
}

/// Where the postcode base stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Postcodes {
    /// Not asked for yet.
    #[default]
    NotLoaded,
    /// On its way.
    Loading,
    /// Ready.
    Loaded(Rc<PostcodeBase>),
    /// Could not be loaded: postcodes are checked for their form only.
    Failed,
}

/// Every change the interface can make to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The student chose a language.
    SetLang(Lang),
    /// The student typed in the nationality field.
    TypeNationality(String),
    /// The student left the nationality field or picked from the list.
    CommitNationality,
    /// The student answered a yes/no question.
    Answer(Question, bool),
    /// The student typed in a date-of-birth field.
    TypeBirth(DatePart, String),
    /// The student chose files for a document: one replaces the file, several wait to be
    /// combined.
    ChooseFiles(DocumentId, Vec<FileMeta>),
    /// The student added pages to combine (the file in the box becomes the first page).
    AddPages(DocumentId, Vec<FileMeta>),
    /// The student moved a page one place up (`true`) or down.
    MovePage(DocumentId, usize, bool),
    /// The student removed a page.
    RemovePage(DocumentId, usize),
    /// The student removed the document's file and pages.
    Remove(DocumentId),
    /// The file with this key was sent to the worker with this context.
    CheckSent(DocumentId, u32, CheckContext),
    /// The worker answered the check of the file with this key.
    Checked(DocumentId, u32, CheckContext, Result<Outcome, Failure>),
    /// A fix was asked.
    FixSent(DocumentId, Task),
    /// The fix came back: the new file and its verdict, or why not.
    Fixed(DocumentId, Result<(FileMeta, Outcome), Failure>),
    /// The student takes the made file for the box.
    UseMade(DocumentId),
    /// The student dropped files outside every box.
    DroppedOutside,
    /// The student turned "keep my answers on this device" on or off.
    SetRemember(bool),
    /// Answers kept on the device from an earlier visit.
    Restore(Box<Saved>),
    /// The student asked to forget everything: back to a blank page.
    ForgetAll,
    /// The student typed in a field of the details step.
    TypeField(Field, String),
    /// The student typed in a start-of-rights date field.
    TypeRights(DatePart, String),
    /// The student typed in an arrival date field.
    TypeArrival(DatePart, String),
    /// The student asked to check the details.
    CheckDetails,
    /// The postcode base's loading changed.
    SetPostcodes(Postcodes),
}

impl State {
    /// The state on first render.
    #[must_use]
    pub fn new(lang: Lang, today: Date) -> Self {
        Self {
            lang,
            today,
            answers: Answers::default(),
            nationality_text: String::new(),
            nationality_committed: false,
            birth: DateFields::default(),
            slots: BTreeMap::new(),
            notice: None,
            details: FormInput::default(),
            rights: DateFields::default(),
            arrival: DateFields::default(),
            details_checks: 0,
            postcodes: Postcodes::NotLoaded,
            remember: false,
        }
    }

    /// Applies one action. Plain Rust, so native tests call it directly.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => {
                self.lang = lang;
                // A chosen country follows the language; a half-typed text stays as typed.
                if let Some(country) = self.chosen_country() {
                    self.nationality_text = country.name(lang).to_owned();
                }
            }
            Action::TypeNationality(text) => {
                self.answers.nationality = Country::find(&text).map(|c| c.code.to_owned());
                self.nationality_text = text;
            }
            Action::CommitNationality => {
                self.nationality_committed = !self.nationality_text.trim().is_empty();
                if let Some(country) = self.chosen_country() {
                    self.nationality_text = country.name(self.lang).to_owned();
                }
            }
            Action::Answer(question, yes) => self.answers.answer(question, yes),
            Action::TypeBirth(part, text) => {
                *self.birth.part_mut(part) = text;
                self.answers.birth_date = self.typed_birth_date();
            }
            Action::DroppedOutside => self.notice = Some(Notice::DroppedOutside),
            Action::SetRemember(on) => self.remember = on,
            Action::Restore(saved) => {
                let saved = *saved;
                if let Ok(lang) = saved.lang.parse() {
                    self.lang = lang;
                }
                self.nationality_committed = !saved.nationality_text.trim().is_empty();
                self.answers = saved.answers;
                self.nationality_text = saved.nationality_text;
                self.birth = saved.birth;
                self.answers.birth_date = self.typed_birth_date();
                self.details = saved.details;
                self.rights = saved.rights;
                self.arrival = saved.arrival;
                self.remember = true;
            }
            Action::ForgetAll => *self = State::new(self.lang, self.today),
            Action::ChooseFiles(doc, files) => {
                self.notice = None;
                let slot = match files.as_slice() {
                    [] => return,
                    [one] => {
                        Slot { file: Some((one.clone(), first_check(one))), ..Slot::default() }
                    }
                    _ => Slot { pages: files, ..Slot::default() },
                };
                self.slots.insert(doc, slot);
            }
            Action::AddPages(doc, files) => {
                let slot = self.slots.entry(doc).or_default();
                if slot.pages.is_empty() {
                    if let Some((file, _)) = slot.file.take() {
                        slot.pages.push(file);
                        slot.fingerprint = None;
                    }
                }
                slot.pages.extend(files);
                slot.fix = Fix::Idle;
            }
            Action::MovePage(doc, at, up) => {
                if let Some(slot) = self.slots.get_mut(&doc) {
                    let other = if up { at.checked_sub(1) } else { at.checked_add(1) };
                    if let Some(other) =
                        other.filter(|&o| o < slot.pages.len() && at < slot.pages.len())
                    {
                        slot.pages.swap(at, other);
                        slot.fix = Fix::Idle;
                    }
                }
            }
            Action::RemovePage(doc, at) => {
                if let Some(slot) = self.slots.get_mut(&doc) {
                    if at < slot.pages.len() {
                        slot.pages.remove(at);
                        slot.fix = Fix::Idle;
                    }
                    // One page left: it is the file of the box.
                    if slot.pages.len() == 1 && slot.file.is_none() {
                        let file = slot.pages.remove(0);
                        slot.file = Some((file.clone(), first_check(&file)));
                    }
                    if slot.pages.is_empty() && slot.file.is_none() {
                        self.slots.remove(&doc);
                    }
                }
            }
            Action::Remove(doc) => {
                if self.slots.remove(&doc).is_some() {
                    self.notice = Some(Notice::Removed(doc));
                }
            }
            Action::CheckSent(doc, key, context) => {
                if let Some((file, check)) = self.file_mut(doc) {
                    if file.key == key {
                        *check = Check::Pending(context);
                    }
                }
            }
            Action::Checked(doc, key, context, result) => {
                let Some(slot) = self.slots.get_mut(&doc) else { return };
                let Some((file, check)) = slot.file.as_mut() else { return };
                // An answer for a file replaced since, or for an older context, is stale.
                if file.key != key || *check != Check::Pending(context.clone()) {
                    return;
                }
                *check = match result {
                    Ok(outcome) => {
                        slot.fingerprint = Some(outcome.fingerprint.clone());
                        Check::Done(context, Box::new(outcome))
                    }
                    Err(failure) => Check::Failed(context, failure),
                };
            }
            Action::FixSent(doc, task) => {
                if let Some(slot) = self.slots.get_mut(&doc) {
                    slot.fix = Fix::Working(task);
                }
            }
            Action::Fixed(doc, result) => {
                if let Some(slot) = self.slots.get_mut(&doc) {
                    if let Fix::Working(task) = slot.fix {
                        slot.fix = match result {
                            Ok((file, outcome)) => Fix::Made(file, Box::new(outcome)),
                            Err(failure) => Fix::Failed(task, failure),
                        };
                    }
                }
            }
            Action::UseMade(doc) => {
                if let Some(slot) = self.slots.get_mut(&doc) {
                    if let Fix::Made(file, _) = std::mem::take(&mut slot.fix) {
                        // Checked again in its box, like any file the student chooses.
                        slot.file = Some((file, Check::Due));
                        slot.fingerprint = None;
                        slot.pages.clear();
                    }
                }
            }
            Action::TypeField(field, text) => {
                // Asked in step 1, or as three fields.
                if !matches!(field, Field::BirthDate | Field::Nationality | Field::RightsStartDate)
                {
                    self.details.set(field, text);
                }
            }
            Action::TypeRights(part, text) => *self.rights.part_mut(part) = text,
            Action::TypeArrival(part, text) => *self.arrival.part_mut(part) = text,
            Action::CheckDetails => self.details_checks += 1,
            Action::SetPostcodes(postcodes) => self.postcodes = postcodes,
        }
    }

    /// The country of the answers, if one is chosen.
    #[must_use]
    pub fn chosen_country(&self) -> Option<&'static Country> {
        self.answers.nationality.as_deref().and_then(Country::by_code)
    }

    /// What is wrong with the nationality field, once the student has left it.
    #[must_use]
    pub fn nationality_error(&self) -> Option<Msg> {
        (self.nationality_committed && self.answers.nationality.is_none())
            .then_some(Msg::QuestionNationalityUnknown)
    }

    /// The date of birth as typed, once it is a real day that is not in the future: what the
    /// situation questions go by.
    fn typed_birth_date(&self) -> Option<Date> {
        self.birth.parse().and_then(Result::ok).filter(|d| *d <= self.today)
    }

    /// What is wrong with the date of birth, once every field is filled in.
    #[must_use]
    pub fn birth_error(&self) -> Option<Msg> {
        match self.birth.parse()? {
            Err(_) => Some(Msg::QuestionBirthInvalid),
            Ok(date) if date > self.today => Some(Msg::QuestionBirthFuture),
            Ok(_) => None,
        }
    }

    /// The whole form as the portal will receive it: the details step's fields, with the date
    /// of birth and the nationality of step 1.
    #[must_use]
    pub fn form_input(&self) -> FormInput {
        let mut input = self.details.clone();
        input.set(Field::BirthDate, self.birth.iso());
        let nationality = self.answers.nationality.as_ref().unwrap_or(&self.nationality_text);
        input.set(Field::Nationality, nationality.as_str());
        input.set(Field::RightsStartDate, self.rights.iso());
        input
    }

    /// The verdict on the form, with the postcode base when it is loaded.
    #[must_use]
    pub fn report(&self, rules: &Rules) -> Report {
        let base = match &self.postcodes {
            Postcodes::Loaded(base) => Some(&**base),
            _ => None,
        };
        fields::check(&self.form_input(), self.today, rules, base)
    }

    /// The status of every document with a file or pages.
    #[must_use]
    pub fn statuses(&self) -> BTreeMap<DocumentId, DocStatus> {
        self.slots.iter().map(|(d, slot)| (*d, slot.status())).collect()
    }

    /// What "keep my answers" stores: everything typed, no file.
    #[must_use]
    pub fn saved(&self) -> Saved {
        Saved {
            lang: self.lang.code().to_owned(),
            answers: self.answers.clone(),
            nationality_text: self.nationality_text.clone(),
            birth: self.birth.clone(),
            details: self.details.clone(),
            rights: self.rights.clone(),
            arrival: self.arrival.clone(),
        }
    }

    /// Documents whose file passed every check.
    #[must_use]
    pub fn ready(&self) -> Vec<DocumentId> {
        self.slots.iter().filter(|(_, s)| s.status() == DocStatus::Ready).map(|(d, _)| *d).collect()
    }

    fn file_mut(&mut self, doc: DocumentId) -> Option<&mut (FileMeta, Check)> {
        self.slots.get_mut(&doc).and_then(|s| s.file.as_mut())
    }

    /// What a check of `doc`'s file depends on now: the limit, the files in the other boxes,
    /// and for the documents whose text names the student, the names and the academic year.
    #[must_use]
    pub fn context(&self, doc: DocumentId, rules: &Rules) -> CheckContext {
        let reads_text = matches!(doc, DocumentId::CertificateOfStudies | DocumentId::Rib);
        let others = self
            .slots
            .iter()
            .filter(|(other, _)| **other != doc)
            .filter_map(|(other, slot)| Some((*other, slot.fingerprint.clone()?)))
            .collect();
        CheckContext {
            doc: Some(doc),
            size_limit: rules.size_limit(doc),
            others,
            last_name: if reads_text {
                self.details.get(Field::LastName).to_owned()
            } else {
                String::new()
            },
            first_name: if reads_text {
                self.details.get(Field::FirstName).to_owned()
            } else {
                String::new()
            },
            academic_year: (doc == DocumentId::CertificateOfStudies)
                .then(|| rules.academic_year(self.today)),
        }
    }

    /// The files to send to the worker: new ones, and those whose context changed since.
    #[must_use]
    pub fn due_checks(&self, rules: &Rules) -> Vec<(DocumentId, FileMeta, CheckContext)> {
        self.slots
            .iter()
            .filter_map(|(doc, slot)| {
                let (file, check) = slot.file.as_ref()?;
                let wanted = self.context(*doc, rules);
                let due = match check {
                    Check::NotRead => false,
                    Check::Due => true,
                    Check::Pending(c) | Check::Done(c, _) | Check::Failed(c, _) => *c != wanted,
                };
                due.then(|| (*doc, file.clone(), wanted))
            })
            .collect()
    }

    /// The keys of every file the state still refers to; the others can be let go.
    #[must_use]
    pub fn file_keys(&self) -> std::collections::BTreeSet<u32> {
        self.slots
            .values()
            .flat_map(|slot| {
                let made = match &slot.fix {
                    Fix::Made(file, _) => Some(file.key),
                    _ => None,
                };
                slot.file
                    .iter()
                    .map(|(f, _)| f.key)
                    .chain(slot.pages.iter().map(|f| f.key))
                    .chain(made)
            })
            .collect()
    }
}

/// A new file's first check: none at all when it is too large to be worth reading.
fn first_check(file: &FileMeta) -> Check {
    if file.size > READ_CAP {
        Check::NotRead
    } else {
        Check::Due
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secu_precheck_domain::inspect::{Facts, Finding, Format, Inspection, Problem};

    use crate::wire::Lookup;

    fn state() -> State {
        State::new(Lang::En, "2026-11-27".parse().unwrap())
    }

    #[test]
    fn set_lang_switches_and_switches_back() {
        let mut s = state();
        s.apply(Action::SetLang(Lang::Fr));
        assert_eq!(s.lang, Lang::Fr);
        s.apply(Action::SetLang(Lang::En));
        assert_eq!(s, state());
    }

    #[test]
    fn a_typed_country_is_chosen_and_follows_the_language() {
        let mut s = state();
        s.apply(Action::TypeNationality("algerie".into()));
        assert_eq!(s.answers.nationality.as_deref(), Some("DZ"));
        assert_eq!(s.nationality_text, "algerie", "kept as typed while typing");
        s.apply(Action::CommitNationality);
        assert_eq!(s.nationality_text, "Algeria");
        s.apply(Action::SetLang(Lang::Fr));
        assert_eq!(s.nationality_text, "Algérie");
        assert_eq!(s.nationality_error(), None);
    }

    #[test]
    fn an_unknown_country_is_an_error_only_once_the_field_is_left() {
        let mut s = state();
        s.apply(Action::TypeNationality("Atlantis".into()));
        assert_eq!(s.nationality_error(), None);
        s.apply(Action::CommitNationality);
        assert_eq!(s.nationality_error(), Some(Msg::QuestionNationalityUnknown));
        assert_eq!(s.nationality_text, "Atlantis", "what was typed is kept");
        s.apply(Action::SetLang(Lang::Fr));
        assert_eq!(s.nationality_text, "Atlantis");
    }

    #[test]
    fn the_date_of_birth_counts_once_complete_real_and_past() {
        let mut s = state();
        s.apply(Action::TypeBirth(DatePart::Day, "30".into()));
        s.apply(Action::TypeBirth(DatePart::Month, "2".into()));
        assert_eq!(s.birth_error(), None, "no error while a field is empty");
        s.apply(Action::TypeBirth(DatePart::Year, "2010".into()));
        assert_eq!(s.birth_error(), Some(Msg::QuestionBirthInvalid));
        assert_eq!(s.answers.birth_date, None);
        s.apply(Action::TypeBirth(DatePart::Day, " 28 ".into()));
        assert_eq!(s.birth_error(), None);
        assert_eq!(s.answers.birth_date, "2010-02-28".parse().ok());
        s.apply(Action::TypeBirth(DatePart::Year, "2030".into()));
        assert_eq!(s.birth_error(), Some(Msg::QuestionBirthFuture));
        assert_eq!(s.answers.birth_date, None);
        assert_eq!(s.birth.day, " 28 ", "kept as typed");
    }

    #[test]
    fn answers_are_kept_when_they_stop_applying() {
        let mut s = state();
        s.apply(Action::TypeNationality("Germany".into()));
        s.apply(Action::Answer(Question::Ehic, false));
        s.apply(Action::Answer(Question::S1, true));
        s.apply(Action::TypeNationality("Canada".into()));
        s.apply(Action::TypeNationality("Germany".into()));
        assert_eq!((s.answers.ehic, s.answers.s1), (Some(false), Some(true)));
    }

    #[test]
    fn the_form_takes_birth_date_and_nationality_from_step_1() {
        let mut s = state();
        s.apply(Action::TypeNationality("Sénégal".into()));
        s.apply(Action::TypeBirth(DatePart::Day, "14".into()));
        s.apply(Action::TypeBirth(DatePart::Month, "5".into()));
        s.apply(Action::TypeBirth(DatePart::Year, "2003".into()));
        s.apply(Action::TypeRights(DatePart::Day, "1".into()));
        s.apply(Action::TypeRights(DatePart::Month, "9".into()));
        s.apply(Action::TypeRights(DatePart::Year, "2026".into()));
        s.apply(Action::TypeField(Field::Email, " awa@gmail.com".into()));
        let input = s.form_input();
        assert_eq!(input.get(Field::Nationality), "SN");
        assert_eq!(input.get(Field::BirthDate), "2003-05-14");
        assert_eq!(input.get(Field::RightsStartDate), "2026-09-01");
        assert_eq!(input.get(Field::Email), " awa@gmail.com", "kept exactly as typed");
        s.apply(Action::TypeRights(DatePart::Day, "31".into()));
        s.apply(Action::TypeRights(DatePart::Month, "2".into()));
        assert_eq!(
            s.form_input().get(Field::RightsStartDate),
            "31/2/2026",
            "an impossible date stays visible as such"
        );
    }

    fn file(key: u32, size: u64) -> FileMeta {
        FileMeta { key, name: format!("file{key}.pdf"), size }
    }

    fn outcome(verdict_problem: Option<Problem>, print: &str) -> Outcome {
        Outcome {
            inspection: Inspection {
                format: Format::Pdf,
                facts: Facts::default(),
                problems: verdict_problem
                    .map(|code| Finding { code, severity: code.severity() })
                    .into_iter()
                    .collect(),
            },
            fingerprint: print.into(),
            made: None,
        }
    }

    #[test]
    fn a_chosen_file_is_checked_once_then_ready_or_not() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        s.apply(Action::ChooseFiles(DocumentId::Rib, vec![file(1, 1000)]));
        assert_eq!(s.statuses()[&DocumentId::Rib], DocStatus::Checking);
        let due = s.due_checks(&rules);
        assert_eq!(due.len(), 1);
        let (doc, meta, context) = due[0].clone();
        assert_eq!((doc, meta.key, context.size_limit), (DocumentId::Rib, 1, 4_000_000));
        s.apply(Action::CheckSent(doc, 1, context.clone()));
        assert!(s.due_checks(&rules).is_empty(), "sent once");
        s.apply(Action::Checked(doc, 1, context.clone(), Ok(outcome(None, "aa"))));
        assert_eq!(s.ready(), [DocumentId::Rib]);
        // The student types a name: the RIB's text is read for it, so it is checked again.
        s.apply(Action::TypeField(Field::LastName, "Diallo".into()));
        assert_eq!(s.due_checks(&rules).len(), 1);
        s.apply(Action::Remove(DocumentId::Rib));
        assert!(s.ready().is_empty() && s.due_checks(&rules).is_empty());
    }

    #[test]
    fn stale_answers_are_ignored_and_errors_need_attention() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        s.apply(Action::ChooseFiles(DocumentId::Identity, vec![file(1, 1000)]));
        let context = s.context(DocumentId::Identity, &rules);
        s.apply(Action::CheckSent(DocumentId::Identity, 1, context.clone()));
        s.apply(Action::ChooseFiles(DocumentId::Identity, vec![file(2, 1000)]));
        s.apply(Action::Checked(DocumentId::Identity, 1, context.clone(), Ok(outcome(None, "aa"))));
        assert_eq!(s.statuses()[&DocumentId::Identity], DocStatus::Checking, "file 1 is gone");
        s.apply(Action::CheckSent(DocumentId::Identity, 2, context.clone()));
        let encrypted = outcome(Some(Problem::PdfEncrypted), "bb");
        s.apply(Action::Checked(DocumentId::Identity, 2, context, Ok(encrypted)));
        assert_eq!(
            s.statuses()[&DocumentId::Identity],
            DocStatus::NeedsAttention(Msg::FilePdfEncryptedTitle)
        );
    }

    #[test]
    fn a_file_in_another_box_changes_the_context_for_duplicates() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        s.apply(Action::ChooseFiles(DocumentId::Identity, vec![file(1, 1000)]));
        let before = s.context(DocumentId::Identity, &rules);
        s.apply(Action::ChooseFiles(DocumentId::Visa, vec![file(2, 1000)]));
        let visa = s.context(DocumentId::Visa, &rules);
        s.apply(Action::CheckSent(DocumentId::Visa, 2, visa.clone()));
        s.apply(Action::Checked(DocumentId::Visa, 2, visa, Ok(outcome(None, "cc"))));
        let after = s.context(DocumentId::Identity, &rules);
        assert_ne!(before, after);
        assert_eq!(after.others, [(DocumentId::Visa, "cc".to_owned())]);
        assert!(after.last_name.is_empty(), "a passport's text is not read: names do not matter");
    }

    #[test]
    fn a_file_checked_again_keeps_its_fingerprint_for_the_other_boxes() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        for (doc, key, print) in [(DocumentId::Rib, 1, "aa"), (DocumentId::Identity, 2, "bb")] {
            s.apply(Action::ChooseFiles(doc, vec![file(key, 1000)]));
            let context = s.context(doc, &rules);
            s.apply(Action::CheckSent(doc, key, context.clone()));
            s.apply(Action::Checked(doc, key, context, Ok(outcome(None, print))));
        }
        // The RIB first saw no other file: it is checked again, knowing the passport's.
        let due = s.due_checks(&rules);
        assert_eq!(due.len(), 1);
        let passport_context = s.context(DocumentId::Identity, &rules);
        s.apply(Action::CheckSent(DocumentId::Rib, 1, due[0].2.clone()));
        assert_eq!(
            s.context(DocumentId::Identity, &rules),
            passport_context,
            "while the RIB is checked again, the passport's context does not change"
        );
        assert!(s.due_checks(&rules).is_empty(), "no cascade of checks");
    }

    #[test]
    fn kept_answers_come_back_and_forgetting_clears_everything() {
        let mut s = state();
        s.apply(Action::TypeNationality("Maroc".into()));
        s.apply(Action::TypeBirth(DatePart::Day, "3".into()));
        s.apply(Action::TypeField(Field::Email, "a@b.fr".into()));
        s.apply(Action::SetLang(Lang::Fr));
        s.apply(Action::ChooseFiles(DocumentId::Rib, vec![file(1, 10)]));
        s.apply(Action::TypeBirth(DatePart::Month, "2".into()));
        s.apply(Action::TypeBirth(DatePart::Year, "2001".into()));
        s.apply(Action::Answer(Question::Ehic, false));
        let record = s.saved().record();
        assert!(!format!("{record:?}").contains("file1"), "files are never kept: {record:?}");
        let mut next = state();
        next.apply(Action::Restore(Box::new(Saved::read(&record))));
        assert_eq!((next.lang, next.remember), (Lang::Fr, true));
        assert_eq!(next.answers, s.answers, "nationality, answers and the date of birth");
        assert_eq!(next.answers.nationality.as_deref(), Some("MA"));
        assert_eq!((next.birth.day.as_str(), next.details.get(Field::Email)), ("3", "a@b.fr"));
        assert_eq!(next.saved(), s.saved());
        // Anything unreadable restores as blank, never as an error.
        let mut odd = Record::default();
        odd.put("lang", "xx");
        odd.put("birth.day", "7");
        odd.put("ehic", "maybe");
        odd.put("Nowhere", "x");
        next.apply(Action::Restore(Box::new(Saved::read(&odd))));
        assert_eq!(next.lang, Lang::Fr, "an unknown language keeps the current one");
        next.apply(Action::ForgetAll);
        assert_eq!(next, State::new(Lang::Fr, next.today));
    }

    /// The keys of the kept answers are a promise to every student who ticked "keep my
    /// answers": renaming a variant must never change them, so they are spelt out here.
    #[test]
    fn kept_answers_are_stored_under_stable_keys() {
        let mut s = state();
        s.apply(Action::TypeNationality("Deutschland".into()));
        s.apply(Action::TypeNationality("Germany".into()));
        for q in Question::ALL {
            s.apply(Action::Answer(q, true));
        }
        for part in DatePart::ALL {
            s.apply(Action::TypeBirth(part, "1".into()));
            s.apply(Action::TypeRights(part, "2".into()));
            s.apply(Action::TypeArrival(part, "3".into()));
        }
        for field in Field::ALL {
            s.apply(Action::TypeField(field, "x".into()));
        }
        let keys: Vec<String> = s.saved().record().0.into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys.join(" "),
            "lang nationality ehic s1 quebec_form french_overseas nationality_text \
             birth.day birth.month birth.year rights.day rights.month rights.year \
             arrival.day arrival.month arrival.year details.title details.last_name \
             details.first_name details.birth_country details.street_number \
             details.street_complement details.lane_type details.street_name \
             details.address_extra details.postcode details.town details.email \
             details.email_confirmation details.phone"
        );
        assert_eq!(Saved::KEY, "secu-precheck/answers/v3");
    }

    #[test]
    fn answers_kept_by_version_2_still_load() {
        // Exactly what version 2 stored (its e2e test read `LastName` back from it).
        let v2 = "lang=fr&nationality=SN&ehic=0&nationality_text=S%C3%A9n%C3%A9gal&birth.day=14\
                  &birth.month=5&birth.year=2003&rights.day=&rights.month=&rights.year=\
                  &arrival.day=&arrival.month=&arrival.year=&LastName=N%27Diaye&Email=awa%40gmail.com\
                  &StreetComplement=bis";
        let saved = Saved::read(&Record::from_query(v2));
        let mut s = state();
        s.apply(Action::Restore(Box::new(saved)));
        assert_eq!((s.lang, s.answers.nationality.as_deref()), (Lang::Fr, Some("SN")));
        assert_eq!(s.answers.ehic, Some(false));
        assert_eq!(s.answers.birth_date, "2003-05-14".parse().ok());
        assert_eq!(s.details.get(Field::LastName), "N'Diaye");
        assert_eq!(s.details.get(Field::Email), "awa@gmail.com");
        assert_eq!(s.details.get(Field::StreetComplement), "bis");
        // Written again, it is version 3: the same answers under the stable keys.
        let again = s.saved().record();
        assert_eq!(again.text("details.last_name").as_deref(), Some("N'Diaye"));
        assert_eq!(again.text("LastName"), None);
        let mut back = state();
        back.apply(Action::Restore(Box::new(Saved::read(&again))));
        assert_eq!(back.saved(), s.saved());
    }

    #[test]
    fn huge_files_are_never_read() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        s.apply(Action::ChooseFiles(DocumentId::Visa, vec![file(1, 2_000_000_000)]));
        assert!(s.due_checks(&rules).is_empty());
        assert_eq!(
            s.statuses()[&DocumentId::Visa],
            DocStatus::NeedsAttention(Msg::FileTooLargeTitle)
        );
    }

    #[test]
    fn pages_are_ordered_removed_and_combined_into_the_file() {
        let mut s = state();
        let doc = DocumentId::BirthCertificate;
        s.apply(Action::ChooseFiles(doc, vec![file(1, 10), file(2, 10), file(3, 10)]));
        s.apply(Action::MovePage(doc, 2, true));
        s.apply(Action::MovePage(doc, 0, true));
        let keys = |s: &State| s.slots[&doc].pages.iter().map(|f| f.key).collect::<Vec<_>>();
        assert_eq!(keys(&s), [1, 3, 2], "moving the first page up does nothing");
        s.apply(Action::RemovePage(doc, 0));
        assert_eq!(keys(&s), [3, 2]);
        s.apply(Action::FixSent(doc, Task::Combine));
        s.apply(Action::Fixed(doc, Ok((file(9, 500), outcome(None, "dd")))));
        assert_eq!(s.file_keys().into_iter().collect::<Vec<_>>(), [2, 3, 9]);
        s.apply(Action::UseMade(doc));
        assert!(s.slots[&doc].pages.is_empty());
        assert_eq!(s.slots[&doc].file.as_ref().map(|(f, _)| f.key), Some(9));
        assert_eq!(s.file_keys().into_iter().collect::<Vec<_>>(), [9]);
        // Adding a page puts the file back among the pages.
        s.apply(Action::AddPages(doc, vec![file(4, 10)]));
        assert_eq!(keys(&s), [9, 4]);
        s.apply(Action::RemovePage(doc, 1));
        assert_eq!(s.slots[&doc].file.as_ref().map(|(f, _)| f.key), Some(9), "one page: the file");
    }
}
