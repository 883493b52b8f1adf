//! The whole app state and the one reducer that changes it.

use std::collections::BTreeMap;
use std::rc::Rc;

use secu_precheck_domain::countries::Demonyms;
use secu_precheck_domain::date::{DateFields, DatePart};
use secu_precheck_domain::fields::{self, Field, FormInput, Report};
use secu_precheck_domain::inspect::{Fingerprint, Problem, Severity, Verdict};
use secu_precheck_domain::postcodes::PostcodeBase;
use secu_precheck_domain::{
    Answers, Country, Date, DocumentId, Lang, Msg, Question, Residence, Rules,
};
use yew::Reducible;

use crate::page::saved::Saved;
use crate::wire::protocol::{CheckContext, Failed, Outcome, Task};
use crate::wire::reading::{Answered, Message, ReadContext};
use secu_precheck_domain::inspect::Format;

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
/// [`crate::page::hooks::files::Files`] under `key`.
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
    Failed(CheckContext, Failed),
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
    Failed(Task, Failed),
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
    pub fingerprint: Option<Fingerprint>,
    /// What the reader made of the file, once asked.
    pub reading: Read,
}

/// Where the reading of a slot's file stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Read {
    /// Not asked.
    #[default]
    None,
    /// Asked of the reader as job `id`, with this context ([`ReadContext::query`]).
    Pending(u32, String),
    /// What it read, for this context: "What we read" as the reader words it (escaped HTML),
    /// and the turn that stores the page upright; `None` when the file could not be read.
    Done(String, Option<Rc<Answered>>),
}

/// Where the reader stands: it loads only once the student asks, or once its models are on
/// the device.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reader {
    /// Not looked for yet: no file to read so far.
    #[default]
    Unknown,
    /// Looking for it (`reader.txt`) and whether its models are on the device.
    Looking,
    /// This build has none.
    Missing,
    /// Offered: reading downloads this many bytes once; `true` after a load failed.
    Offered(u64, bool),
    /// Starting: its code loads.
    Starting(u64),
    /// Its models load: so many bytes of so many.
    Loading(u64, u64),
    /// Reading.
    Ready,
}

impl Slot {
    /// A box with the files the student chose: one is the file, several wait to be combined;
    /// none is no box.
    #[must_use]
    pub fn with_files(files: Vec<FileMeta>) -> Option<Slot> {
        match files.as_slice() {
            [] => None,
            [one] => Some(Slot::with_file(one.clone(), first_check(one))),
            _ => Some(Slot { pages: files, ..Slot::default() }),
        }
    }

    fn with_file(file: FileMeta, check: Check) -> Slot {
        Slot { file: Some((file, check)), ..Slot::default() }
    }

    /// Neither a file nor pages.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.file.is_none() && self.pages.is_empty()
    }

    /// More pages to combine: the file in the box, if any, becomes the first.
    fn add_pages(&mut self, files: Vec<FileMeta>) {
        if self.pages.is_empty() {
            if let Some((file, _)) = self.file.take() {
                self.pages.push(file);
                self.fingerprint = None;
            }
        }
        self.pages.extend(files);
        self.fix = Fix::Idle;
    }

    /// Moves the page at `at` one place up or down (nothing past either end).
    fn move_page(&mut self, at: usize, up: bool) {
        let other = if up { at.checked_sub(1) } else { at.checked_add(1) };
        if let Some(other) = other.filter(|&o| o < self.pages.len() && at < self.pages.len()) {
            self.pages.swap(at, other);
            self.fix = Fix::Idle;
        }
    }

    /// Removes a page; the one page left becomes the box's file.
    fn remove_page(&mut self, at: usize) {
        if at < self.pages.len() {
            self.pages.remove(at);
            self.fix = Fix::Idle;
        }
        if self.pages.len() == 1 && self.file.is_none() {
            let file = self.pages.remove(0);
            let check = first_check(&file);
            self.file = Some((file, check));
        }
    }

    /// The file with this key went to the worker with this context.
    fn check_sent(&mut self, key: u32, context: CheckContext) {
        if let Some((file, check)) = self.file.as_mut() {
            if file.key == key {
                *check = Check::Pending(context);
            }
        }
    }

    /// The worker's verdict; an answer for a file replaced since, or for an older context, is
    /// stale and changes nothing.
    fn checked(&mut self, key: u32, context: CheckContext, result: Result<Outcome, Failed>) {
        let Some((file, check)) = self.file.as_mut() else { return };
        if file.key != key || *check != Check::Pending(context.clone()) {
            return;
        }
        *check = match result {
            Ok(outcome) => {
                self.fingerprint = Some(outcome.inspection.facts.fingerprint);
                Check::Done(context, Box::new(outcome))
            }
            Err(failed) => Check::Failed(context, failed),
        };
    }

    /// A fix came back (only a fix still being made takes it).
    fn fixed(&mut self, result: Result<(FileMeta, Outcome), Failed>) {
        if let Fix::Working(task) = self.fix {
            self.fix = match result {
                Ok((file, outcome)) => Fix::Made(file, Box::new(outcome)),
                Err(failed) => Fix::Failed(task, failed),
            };
        }
    }

    /// The made file becomes the box's file, checked again like any file chosen.
    fn use_made(&mut self) {
        if let Fix::Made(file, _) = std::mem::take(&mut self.fix) {
            *self = Slot::with_file(file, Check::Due);
        }
    }

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
            Some((_, Check::NotRead)) => DocStatus::NeedsAttention(Problem::TooLarge.title()),
            Some((_, Check::Failed(..))) => DocStatus::NeedsAttention(Msg::StatusAttention),
            Some((_, Check::Done(_, outcome))) => {
                let inspection = &outcome.inspection;
                match inspection.verdict() {
                    Verdict::Error => {
                        let first =
                            inspection.problems.iter().find(|p| p.severity == Severity::Error);
                        DocStatus::NeedsAttention(
                            first.map_or(Msg::StatusAttention, |p| p.code.title()),
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
    /// The language of every visible text: always one whose wording is there.
    pub lang: Lang,
    /// A language chosen whose wording is still to be fetched, or could not be.
    pub lang_load: LangLoad,
    /// Counts the wording files that arrived after the first screen (what the file checks
    /// found): a change the components hear, so that the verdicts shown get their words.
    pub reworded: u8,
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
    /// Nationality adjectives ("Moroccan"), empty until fetched after the first screen.
    pub demonyms: Rc<Demonyms>,
    /// The student asked to keep the answers on this device (off until they do).
    pub remember: bool,
    /// The files the boxes held before the page was reloaded (a file cannot be kept): each
    /// box says which it was, by name and size, until the student chooses one again.
    pub lost: Vec<(DocumentId, String, u64)>,
    /// The last "Download all my files".
    pub bundle: Bundle,
    /// The reader of documents.
    pub reader: Reader,
}

/// A language chosen before its wording is there (a wasm32 build fetches every language but
/// English: `Lang::catalog_file`). The page stays in the language it shows until then.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LangLoad {
    /// Nothing waits.
    #[default]
    Idle,
    /// Being fetched: the page switches once it is installed.
    Loading(Lang),
    /// Could not be fetched (offline on a first visit, or a stale file): the page says so.
    Failed(Lang),
}

/// Where the ZIP of the ready documents stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Bundle {
    /// Not asked for.
    #[default]
    Idle,
    /// Being made.
    Working,
    /// Made and offered as a download, with these files (their names, joined for reading).
    Done(String),
    /// Could not be made.
    Failed,
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
    /// The student chose a language (or its wording has just been installed).
    SetLang(Lang),
    /// The wording of a language could not be fetched.
    LangUnavailable(Lang),
    /// The student typed in the nationality field.
    TypeNationality(String),
    /// The student left the nationality field or picked from the list.
    CommitNationality,
    /// The student answered a yes/no question.
    Answer(Question, bool),
    /// The student said which residence document they hold.
    Hold(Residence),
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
    /// The ZIP of the ready documents was asked of the worker.
    BundleSent,
    /// It was made, with these files (`None`: it could not be).
    Bundled(Option<String>),
    /// The file with this key was sent to the worker with this context.
    CheckSent(DocumentId, u32, CheckContext),
    /// The worker answered the check of the file with this key.
    Checked(DocumentId, u32, CheckContext, Result<Outcome, Failed>),
    /// A fix was asked.
    FixSent(DocumentId, Task),
    /// The fix came back: the new file and its verdict, or why not.
    Fixed(DocumentId, Result<(FileMeta, Outcome), Failed>),
    /// The student takes the made file for the box.
    UseMade(DocumentId),
    /// The student dropped files outside every box.
    DroppedOutside,
    /// The student turned "keep my answers on this device" on or off.
    SetRemember(bool),
    /// Answers kept on the device from an earlier visit.
    Restore(Box<Saved>),
    /// The answers of this tab come back after a reload (never a file: which file each box
    /// held, by name and size), and whether they are kept on the device.
    Resume(Box<Saved>, bool, Vec<(DocumentId, String, u64)>),
    /// More wording arrived (what the file checks found, fetched after the first screen):
    /// nothing changes but the words shown.
    Reworded,
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
    /// The nationality adjectives arrived.
    SetDemonyms(Rc<Demonyms>),
    /// The reader is being looked for.
    ReaderLooking,
    /// The reader was looked for: what it downloads, and whether it is on the device already
    /// (then it starts at once); `None` when this build has none.
    ReaderFound(Option<(u64, bool)>),
    /// The student asked for reading: the reader starts.
    StartReader,
    /// What the reader worker said: how far its models loaded, that it is ready, that they
    /// could not load (offered again), that it stopped (started again when it was ready, its
    /// jobs unread), or an answer.
    Reader(Message),
    /// A slot's file was sent to the reader as job `id` (the file's key is the slot's).
    ReadSent(DocumentId, u32, String),
}

impl State {
    /// The state on first render.
    #[must_use]
    pub fn new(lang: Lang, today: Date) -> Self {
        let mut state = Self {
            lang: Lang::En,
            lang_load: LangLoad::Idle,
            reworded: 0,
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
            demonyms: Rc::default(),
            remember: false,
            lost: Vec::new(),
            bundle: Bundle::Idle,
            reader: Reader::Unknown,
        };
        state.set_lang(lang);
        state
    }

    /// Applies one action. Plain Rust, so native tests call it directly.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => self.set_lang(lang),
            Action::LangUnavailable(lang) => {
                if self.lang_load == LangLoad::Loading(lang) {
                    self.lang_load = LangLoad::Failed(lang);
                }
            }
            Action::TypeNationality(text) => {
                self.nationality_text = text;
                self.find_nationality();
            }
            Action::CommitNationality => self.commit_nationality(),
            Action::BundleSent => self.bundle = Bundle::Working,
            Action::Bundled(files) => self.bundle = files.map_or(Bundle::Failed, Bundle::Done),
            Action::Answer(question, yes) => self.answers.answer(question, yes),
            Action::Hold(residence) => self.answers.residence = Some(residence),
            Action::TypeBirth(part, text) => {
                *self.birth.part_mut(part) = text;
                self.answers.birth_date = self.typed_birth_date();
            }
            Action::DroppedOutside => self.notice = Some(Notice::DroppedOutside),
            Action::SetRemember(on) => self.remember = on,
            Action::Restore(saved) => self.restore(*saved),
            Action::Resume(saved, keep, lost) => {
                self.restore(*saved);
                self.remember = keep;
                self.lost = lost;
            }
            Action::Reworded => {
                self.reworded = self.reworded.wrapping_add(1);
                // The countries' names may have come: a chosen country is named in them.
                if self.nationality_committed {
                    self.name_chosen_country();
                }
            }
            Action::ForgetAll => *self = State::new(self.lang, self.today),
            Action::ChooseFiles(doc, files) => {
                self.notice = None;
                self.lost.retain(|(d, ..)| *d != doc);
                if let Some(slot) = Slot::with_files(files) {
                    self.slots.insert(doc, slot);
                }
            }
            Action::AddPages(doc, files) => {
                self.lost.retain(|(d, ..)| *d != doc);
                self.slots.entry(doc).or_default().add_pages(files);
            }
            Action::MovePage(doc, at, up) => self.in_slot(doc, |slot| slot.move_page(at, up)),
            Action::RemovePage(doc, at) => {
                self.in_slot(doc, |slot| slot.remove_page(at));
                if self.slots.get(&doc).is_some_and(Slot::is_empty) {
                    self.slots.remove(&doc);
                }
            }
            Action::Remove(doc) => {
                if self.slots.remove(&doc).is_some() {
                    self.notice = Some(Notice::Removed(doc));
                }
            }
            Action::CheckSent(doc, key, context) => {
                self.in_slot(doc, |slot| slot.check_sent(key, context));
            }
            Action::Checked(doc, key, context, result) => {
                self.in_slot(doc, |slot| slot.checked(key, context, result));
            }
            Action::FixSent(doc, task) => self.in_slot(doc, |slot| slot.fix = Fix::Working(task)),
            Action::Fixed(doc, result) => self.in_slot(doc, |slot| slot.fixed(result)),
            Action::UseMade(doc) => self.in_slot(doc, Slot::use_made),
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
            Action::ReaderLooking => self.reader = Reader::Looking,
            Action::ReaderFound(found) => {
                self.reader = match found {
                    None => Reader::Missing,
                    Some((bytes, true)) => Reader::Starting(bytes),
                    Some((bytes, false)) => Reader::Offered(bytes, false),
                };
            }
            Action::StartReader => {
                if let Reader::Offered(bytes, _) = self.reader {
                    self.reader = Reader::Starting(bytes);
                }
            }
            Action::Reader(message) => self.heard(message),
            Action::ReadSent(doc, id, context) => {
                self.in_slot(doc, |slot| slot.reading = Read::Pending(id, context));
            }
            Action::SetDemonyms(demonyms) => {
                self.demonyms = demonyms;
                // An adjective typed before the words arrived counts now.
                if self.answers.nationality.is_none() {
                    self.find_nationality();
                    if self.nationality_committed {
                        self.name_chosen_country();
                    }
                }
            }
        }
    }

    /// What the reader worker said.
    fn heard(&mut self, message: Message) {
        let offered = |r| match r {
            Reader::Starting(bytes) | Reader::Offered(bytes, _) | Reader::Loading(_, bytes) => {
                Reader::Offered(bytes, true)
            }
            other => other,
        };
        match message {
            Message::Progress(loaded, total) => {
                if matches!(self.reader, Reader::Starting(_) | Reader::Loading(..)) {
                    self.reader = Reader::Loading(loaded, total);
                }
            }
            Message::Ready => self.reader = Reader::Ready,
            Message::Unavailable => self.reader = offered(self.reader),
            Message::Stopped => {
                self.reader = if self.reader == Reader::Ready {
                    Reader::Starting(0)
                } else {
                    offered(self.reader)
                };
                for slot in self.slots.values_mut() {
                    if let Read::Pending(_, context) = &slot.reading {
                        slot.reading = Read::Done(context.clone(), None);
                    }
                }
            }
            Message::Answer(id, shown) => {
                for slot in self.slots.values_mut() {
                    if let Read::Pending(sent, context) = &slot.reading {
                        if *sent == id {
                            slot.reading = Read::Done(context.clone(), shown.map(Rc::from));
                            return;
                        }
                    }
                }
            }
        }
    }

    /// Switches the language: a chosen country follows it, a half-typed text stays as typed.
    /// A language whose wording is not there yet waits for it (`LangLoad::Loading`).
    fn set_lang(&mut self, lang: Lang) {
        if !lang.is_ready() {
            self.lang_load = LangLoad::Loading(lang);
            return;
        }
        self.lang = lang;
        self.lang_load = LangLoad::Idle;
        self.name_chosen_country();
    }

    /// The student left the nationality field: errors may show, a chosen country is named.
    /// The country the nationality field names: by a country's name or code, or by the
    /// nationality's adjective ("Moroccan", "marocaine").
    fn find_nationality(&mut self) {
        let text = &self.nationality_text;
        let country = Country::find(text).or_else(|| self.demonyms.find(text));
        self.answers.nationality = country.map(|c| c.code.to_owned());
    }

    fn commit_nationality(&mut self) {
        self.nationality_committed = !self.nationality_text.trim().is_empty();
        self.name_chosen_country();
    }

    /// A chosen country's name, in the language shown, stands in the nationality field.
    fn name_chosen_country(&mut self) {
        if let Some(country) = self.chosen_country() {
            self.nationality_text = country.name(self.lang).to_owned();
        }
    }

    /// Answers kept on the device come back, and keeping them stays on. Their language is not
    /// taken back: the page started in it already, unless a university's `lang=` chose another,
    /// which wins (`hooks::start`).
    fn restore(&mut self, saved: Saved) {
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

    /// Changes a document's box, if it has one.
    fn in_slot(&mut self, doc: DocumentId, change: impl FnOnce(&mut Slot)) {
        if let Some(slot) = self.slots.get_mut(&doc) {
            change(slot);
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
        // Nothing to say while a box is empty.
        let _ = self.birth.parse()?;
        // The form's own rule (a real past date, 120 years at most, a four-digit year), in
        // step 1's words where they are more precise.
        let finding = fields::dates::birth_date(&self.birth.iso(), self.today).err()?;
        Some(match finding.code {
            fields::Problem::InvalidDate => Msg::QuestionBirthInvalid,
            fields::Problem::DateInFuture => Msg::QuestionBirthFuture,
            _ => finding.message(),
        })
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

    /// Which file each box holds (its name and size; the first page's when pages wait to be
    /// combined), else the one it held before a reload: what a reload asks for again.
    #[must_use]
    pub fn tab_files(&self) -> Vec<(DocumentId, String, u64)> {
        let mut out: Vec<(DocumentId, String, u64)> =
            self.lost.iter().filter(|(d, ..)| !self.slots.contains_key(d)).cloned().collect();
        for (doc, slot) in &self.slots {
            if let Some(meta) = slot.file.as_ref().map(|(m, _)| m).or(slot.pages.first()) {
                out.push((*doc, meta.name.clone(), meta.size));
            }
        }
        out
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

    /// What a check of `doc`'s file depends on now: the limit, the files in the other boxes,
    /// and for the documents whose text names the student, the names and the academic year.
    #[must_use]
    pub fn context(&self, doc: DocumentId, rules: &Rules) -> CheckContext {
        let reads_text = matches!(doc, DocumentId::CertificateOfStudies | DocumentId::Rib);
        let others = self
            .slots
            .iter()
            .filter(|(other, _)| **other != doc)
            .filter_map(|(other, slot)| Some((*other, slot.fingerprint?)))
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
            // Only the visa's and the residence permit's checks depend on it: an answer changed
            // re-checks those two boxes, not every file.
            visa_again: matches!(doc, DocumentId::Visa | DocumentId::ResidencePermit)
                && self.answers.held(rules).visa_again(rules),
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

    /// What a reading of `doc`'s file depends on now: the day, the academic year and the form's
    /// values as its check normalises them (`report`).
    #[must_use]
    pub fn read_context(&self, doc: DocumentId, rules: &Rules, report: &Report) -> String {
        let value = |field: Field| report.normalised.get(&field).map_or("", String::as_str);
        let form = [
            Field::LastName,
            Field::FirstName,
            Field::BirthDate,
            Field::Nationality,
            Field::Title,
            Field::RightsStartDate,
        ]
        .map(value);
        ReadContext::query(doc, self.today, rules.academic_year(self.today), form, self.lang)
    }

    /// The files there is something to read in: photos and scans, in the boxes of documents
    /// whose words the reading checks.
    #[must_use]
    pub fn readable(&self) -> Vec<(DocumentId, &FileMeta)> {
        self.slots
            .iter()
            .filter(|(doc, _)| reads(**doc))
            .filter_map(|(doc, slot)| {
                let (file, Check::Done(_, outcome)) = slot.file.as_ref()? else { return None };
                let facts = &outcome.inspection.facts;
                let picture = match outcome.inspection.format {
                    Format::Jpeg | Format::Png => facts.width.is_some(),
                    Format::Pdf => facts.text_layer == Some(false) && facts.encrypted != Some(true),
                    _ => false,
                };
                picture.then_some((*doc, file))
            })
            .collect()
    }

    /// The files to send to the reader once it is ready: those not read yet, and those whose
    /// context changed since.
    #[must_use]
    pub fn due_reads(&self, rules: &Rules, report: &Report) -> Vec<(DocumentId, u32, String)> {
        if self.reader != Reader::Ready {
            return Vec::new();
        }
        self.readable()
            .into_iter()
            .filter_map(|(doc, file)| {
                let wanted = self.read_context(doc, rules, report);
                let due = match &self.slots.get(&doc)?.reading {
                    Read::None => true,
                    Read::Pending(_, c) | Read::Done(c, _) => *c != wanted,
                };
                due.then_some((doc, file.key, wanted))
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

/// Whether the reader reads the files of this document: those whose words it checks.
#[must_use]
pub const fn reads(doc: DocumentId) -> bool {
    matches!(
        doc,
        DocumentId::Identity
            | DocumentId::Visa
            | DocumentId::ResidencePermit
            | DocumentId::Rib
            | DocumentId::CertificateOfStudies
            | DocumentId::BirthCertificate
    )
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
pub(crate) mod tests {
    use super::*;
    use secu_precheck_domain::inspect::{Facts, Finding, Format, Inspection};

    pub(crate) fn state() -> State {
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
    fn an_adjective_counts_once_the_words_arrive_even_if_typed_before() {
        let mut s = state();
        s.apply(Action::TypeNationality("marocaine".into()));
        s.apply(Action::CommitNationality);
        assert_eq!(s.answers.nationality, None, "no adjectives yet");
        let words = Demonyms::parse("Marocain\tMA\nMarocaine\tMA\nIndian\tIN\n");
        s.apply(Action::SetDemonyms(Rc::new(words)));
        assert_eq!(s.answers.nationality.as_deref(), Some("MA"));
        assert_eq!(s.nationality_text, "Morocco", "named as a chosen country, once left");
        assert_eq!(s.nationality_error(), None);
        s.apply(Action::TypeNationality("indian".into()));
        assert_eq!(s.answers.nationality.as_deref(), Some("IN"), "typed after they arrived");
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

    pub(crate) fn file(key: u32, size: u64) -> FileMeta {
        FileMeta { key, name: format!("file{key}.pdf"), size }
    }

    fn outcome(verdict_problem: Option<Problem>, print: u128) -> Outcome {
        Outcome {
            inspection: Inspection {
                format: Format::Pdf,
                facts: Facts { fingerprint: Fingerprint(print), ..Facts::default() },
                problems: verdict_problem
                    .map(|code| Finding { code, severity: code.severity() })
                    .into_iter()
                    .collect(),
            },
            made: None,
            convertible: false,
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
        s.apply(Action::Checked(doc, 1, context.clone(), Ok(outcome(None, 0xaa))));
        assert_eq!(s.ready(), [DocumentId::Rib]);
        // The student types a name: the RIB's text is read for it, so it is checked again.
        s.apply(Action::TypeField(Field::LastName, "Diallo".into()));
        assert_eq!(s.due_checks(&rules).len(), 1);
        s.apply(Action::Remove(DocumentId::Rib));
        assert!(s.ready().is_empty() && s.due_checks(&rules).is_empty());
    }

    fn photo(print: u128) -> Outcome {
        let mut o = outcome(None, print);
        o.inspection.format = Format::Jpeg;
        o.inspection.facts.width = Some(1200);
        o.inspection.facts.height = Some(900);
        o
    }

    #[test]
    fn photos_and_scans_are_read_once_the_reader_is_ready_and_again_for_a_new_form() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        for (doc, key, made) in [
            (DocumentId::Identity, 1, photo(0xa1)),
            (DocumentId::Rib, 2, outcome(None, 0xa2)),
            (DocumentId::QuebecForm, 3, photo(0xa3)),
        ] {
            s.apply(Action::ChooseFiles(doc, vec![file(key, 1000)]));
            let context = s.context(doc, &rules);
            s.apply(Action::CheckSent(doc, key, context.clone()));
            s.apply(Action::Checked(doc, key, context, Ok(made)));
        }
        let readable: Vec<DocumentId> = s.readable().iter().map(|(d, _)| *d).collect();
        assert_eq!(readable, [DocumentId::Identity], "a text PDF and a form are not read");
        let report = s.report(&rules);
        assert!(s.due_reads(&rules, &report).is_empty(), "not before the reader is ready");
        s.apply(Action::ReaderLooking);
        s.apply(Action::ReaderFound(Some((3_400_000, false))));
        assert_eq!(s.reader, Reader::Offered(3_400_000, false));
        s.apply(Action::StartReader);
        s.apply(Action::Reader(Message::Progress(1_000_000, 3_100_000)));
        assert_eq!(s.reader, Reader::Loading(1_000_000, 3_100_000));
        s.apply(Action::Reader(Message::Unavailable));
        assert_eq!(s.reader, Reader::Offered(3_100_000, true), "offered again, saying why");
        s.apply(Action::StartReader);
        s.apply(Action::Reader(Message::Ready));
        let due = s.due_reads(&rules, &report);
        assert_eq!(due.len(), 1);
        let (doc, key, context) = due[0].clone();
        assert_eq!((doc, key), (DocumentId::Identity, 1));
        s.apply(Action::ReadSent(doc, 7, context.clone()));
        assert!(s.due_reads(&rules, &report).is_empty(), "sent once");
        s.apply(Action::SetLang(Lang::Fr));
        assert_eq!(s.due_reads(&rules, &report).len(), 1, "said again in the new language");
        s.apply(Action::SetLang(Lang::En));
        let answered = Answered { html: "<h5>What we read</h5>".into(), upright: None };
        s.apply(Action::Reader(Message::Answer(7, Some(answered))));
        assert!(matches!(s.slots[&doc].reading, Read::Done(_, Some(_))));
        // A new name compares again; a stale answer changes nothing.
        s.apply(Action::TypeField(Field::LastName, "Diallo".into()));
        let report = s.report(&rules);
        let due = s.due_reads(&rules, &report);
        assert_eq!(due.len(), 1);
        let context = ReadContext::read(&due[0].2).unwrap();
        assert_eq!(context.form.last_name, report.normalised[&Field::LastName]);
        s.apply(Action::ReadSent(doc, 8, due[0].2.clone()));
        s.apply(Action::Reader(Message::Answer(7, None)));
        assert!(matches!(s.slots[&doc].reading, Read::Pending(8, _)), "an answer for the old form");
        // A reader that stops once ready starts again; what it had is unread.
        s.apply(Action::Reader(Message::Stopped));
        assert_eq!(s.reader, Reader::Starting(0));
        assert!(matches!(s.slots[&doc].reading, Read::Done(_, None)));
    }

    #[test]
    fn a_reader_on_the_device_starts_at_once_and_a_build_without_one_offers_nothing() {
        let mut s = state();
        s.apply(Action::ReaderFound(Some((3_400_000, true))));
        assert_eq!(s.reader, Reader::Starting(3_400_000));
        let mut s = state();
        s.apply(Action::ReaderFound(None));
        s.apply(Action::StartReader);
        assert_eq!(s.reader, Reader::Missing);
    }

    #[test]
    fn stale_answers_are_ignored_and_errors_need_attention() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        s.apply(Action::ChooseFiles(DocumentId::Identity, vec![file(1, 1000)]));
        let context = s.context(DocumentId::Identity, &rules);
        s.apply(Action::CheckSent(DocumentId::Identity, 1, context.clone()));
        s.apply(Action::ChooseFiles(DocumentId::Identity, vec![file(2, 1000)]));
        s.apply(Action::Checked(DocumentId::Identity, 1, context.clone(), Ok(outcome(None, 0xaa))));
        assert_eq!(s.statuses()[&DocumentId::Identity], DocStatus::Checking, "file 1 is gone");
        s.apply(Action::CheckSent(DocumentId::Identity, 2, context.clone()));
        let encrypted = outcome(Some(Problem::PdfEncrypted), 0xbb);
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
        s.apply(Action::Checked(DocumentId::Visa, 2, visa, Ok(outcome(None, 0xcc))));
        let after = s.context(DocumentId::Identity, &rules);
        assert_ne!(before, after);
        assert_eq!(after.others, [(DocumentId::Visa, Fingerprint(0xcc))]);
        assert!(after.last_name.is_empty(), "a passport's text is not read: names do not matter");
    }

    #[test]
    fn the_residence_document_held_decides_whether_the_visa_may_stand_for_it() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        let again = |s: &State| s.context(DocumentId::ResidencePermit, &rules).visa_again;
        assert!(again(&s), "the common case: a VLS-TS");
        s.apply(Action::Hold(Residence::Card));
        assert!(!again(&s), "before the situation is decided, the answer counts all the same");
        assert!(!s.context(DocumentId::Rib, &rules).visa_again, "the RIB's check is not concerned");
        s.answers.residence = None;
        s.apply(Action::TypeNationality("India".into()));
        s.apply(Action::CommitNationality);
        for q in
            [Question::AlreadyNumbered, Question::CpamRoute, Question::QuebecForm, Question::VlsT]
        {
            s.apply(Action::Answer(q, false));
        }
        assert!(again(&s), "a VLS-TS, not said which residence document");
        s.apply(Action::Hold(Residence::Card));
        assert!(!again(&s), "a card is a document of its own");
        s.apply(Action::Hold(Residence::ValidatedVisa));
        assert!(again(&s));
        s.apply(Action::TypeNationality("Algeria".into()));
        s.apply(Action::CommitNationality);
        assert_eq!(s.answers.residence, Some(Residence::ValidatedVisa), "kept");
        assert!(!again(&s), "but an Algerian's visa D is not a residence document");
    }

    #[test]
    fn a_file_checked_again_keeps_its_fingerprint_for_the_other_boxes() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        for (doc, key, print) in [(DocumentId::Rib, 1, 0xaa), (DocumentId::Identity, 2, 0xbb)] {
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
    fn huge_files_are_never_read() {
        let rules = Rules::builtin().unwrap();
        let mut s = state();
        s.apply(Action::ChooseFiles(DocumentId::Visa, vec![file(1, 2_000_000_000)]));
        assert!(s.due_checks(&rules).is_empty());
        assert_eq!(
            s.statuses()[&DocumentId::Visa],
            DocStatus::NeedsAttention(Problem::TooLarge.title())
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
        s.apply(Action::Fixed(doc, Ok((file(9, 500), outcome(None, 0xdd)))));
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
