//! What the page and its reader worker say to each other. The page asks
//! `{ read: { id, key, context }, files: [File] }`; the worker, once it has loaded its models
//! (saying how far it is with `{ progress: { loaded, total } }`), says [`super::protocol`]'s
//! ready, or `{ unavailable: {} }` when they could not be loaded, then answers each job with
//! `{ reading: { id, html } }` (or `{ id, failed }`).
//!
//! The page carries as little of this as it can (its first screen has a budget): the context is
//! one query string, which it compares and the worker reads ([`ReadContext`]); the answer is
//! the section "What we read" in the student's words, as HTML the worker escapes and the page
//! only places. This module is the only one that knows these keys.

use js_sys::{Array, Object, Reflect};
use secu_precheck_domain::{Date, DocumentId, Lang};
use wasm_bindgen::{JsCast, JsValue};

use super::protocol::Task;
use super::record::{Lookup, Record};

const JOB: &str = "read";
const FILES: &str = "files";
const ANSWER: &str = "reading";
const PROGRESS: &str = "progress";
const UNAVAILABLE: &str = "unavailable";

/// The form's values a reading is compared with, as the form's check normalises them (empty
/// when not typed, or not valid yet).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    /// Last name.
    pub last_name: String,
    /// First name(s).
    pub first_name: String,
    /// Date of birth, ISO 8601.
    pub birth_date: String,
    /// Nationality, ISO 3166-1 alpha-2.
    pub nationality: String,
    /// Title, as the form's code.
    pub title: String,
    /// Start date of rights, ISO 8601.
    pub rights_start: String,
}

/// What a reading depends on besides the file: the same file read for equal contexts says the
/// same, so the page asks again only when this changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadContext {
    /// The box.
    pub doc: DocumentId,
    /// The day, which places the zone's two-digit years in their century.
    pub today: Date,
    /// The current academic year, for a certificate of studies.
    pub year: (u16, u16),
    /// The form.
    pub form: Form,
    /// The language the reading is said in.
    pub lang: Lang,
}

impl ReadContext {
    /// The context as the page keeps and sends it: one query string.
    #[must_use]
    pub fn query(
        doc: DocumentId,
        today: Date,
        year: (u16, u16),
        form: [&str; 6],
        lang: Lang,
    ) -> String {
        let mut r = Record::default();
        r.put("doc", doc);
        r.put("today", today);
        r.put("year", format!("{}-{}", year.0, year.1));
        for (key, value) in
            ["last", "first", "birth", "nationality", "title", "rights"].iter().zip(form)
        {
            r.put(*key, value);
        }
        r.put("lang", lang.code());
        r.to_query()
    }

    /// The context of a query string; `None` if it is not one.
    #[must_use]
    pub fn read(query: &str) -> Option<ReadContext> {
        let r = Record::from_query(query);
        let (a, b) = r.text("year")?.split_once('-').map(|(a, b)| (a.parse(), b.parse()))?;
        let text = |key| r.text(key).unwrap_or_default();
        Some(ReadContext {
            doc: r.parse("doc")?,
            today: r.parse("today")?,
            year: (a.ok()?, b.ok()?),
            form: Form {
                last_name: text("last"),
                first_name: text("first"),
                birth_date: text("birth"),
                nationality: text("nationality"),
                title: text("title"),
                rights_start: text("rights"),
            },
            lang: r.parse("lang").unwrap_or_default(),
        })
    }
}

/// One request: read the file the page keeps under `key` (the worker remembers what a file
/// says by it, so that a new form or language only compares and words it again).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadJob {
    /// Matches the answer to the request.
    pub id: u32,
    /// The page's key of the file.
    pub key: u32,
    /// What the reading depends on ([`ReadContext::query`]).
    pub context: String,
}

/// What the reader worker says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// So many bytes of its models loaded, of so many.
    Progress(u64, u64),
    /// Its models could not be loaded (offline on a first visit, or a broken download).
    Unavailable,
    /// The answer to job `id`, or `None` when the file could not be read.
    Answer(u32, Option<Answered>),
    /// Ready for jobs (the protocol's ready message).
    Ready,
    /// The worker stopped (the page's own word: a trap, out of memory): its jobs are lost.
    Stopped,
}

/// What the reader says of one file: "What we read" as HTML, and the turn that sets the page
/// upright when it lies otherwise in the picture (offered as "Store it upright").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    /// The section, every text escaped.
    pub html: String,
    /// [`Task::RotateRight`], [`Task::RotateLeft`] or [`Task::RotateHalf`].
    pub upright: Option<Task>,
}

impl ReadJob {
    fn record(&self) -> Record {
        let mut r = Record::default();
        r.put("id", self.id);
        r.put("key", self.key);
        r.put("context", &self.context);
        r
    }

    fn read(r: &impl Lookup) -> Option<ReadJob> {
        Some(ReadJob { id: r.parse("id")?, key: r.parse("key")?, context: r.text("context")? })
    }

    /// The message that asks the reader for this job on this file.
    #[must_use]
    pub fn message(&self, file: &JsValue) -> JsValue {
        let message = Object::new();
        let _ = Reflect::set(&message, &JOB.into(), &self.record().to_object());
        let _ = Reflect::set(&message, &FILES.into(), &Array::of1(file));
        message.into()
    }

    /// The job of a message, and its file; `None` if it is not one.
    #[must_use]
    pub fn from_message(data: &JsValue) -> Option<(ReadJob, JsValue)> {
        let job = ReadJob::read(&Reflect::get(data, &JOB.into()).ok()?)?;
        let files: Array = Reflect::get(data, &FILES.into()).ok()?.dyn_into().ok()?;
        Some((job, files.get(0)))
    }
}

impl Message {
    fn record(&self) -> Option<(&'static str, Record)> {
        let mut r = Record::default();
        let key = match self {
            Message::Progress(loaded, total) => {
                r.put("loaded", loaded);
                r.put("total", total);
                PROGRESS
            }
            Message::Unavailable => UNAVAILABLE,
            Message::Answer(id, answered) => {
                r.put("id", id);
                match answered {
                    Some(a) => {
                        r.put("html", &a.html);
                        if let Some(turn) = a.upright {
                            r.put("upright", turn.code());
                        }
                    }
                    None => r.put("failed", "1"),
                }
                ANSWER
            }
            Message::Ready | Message::Stopped => return None,
        };
        Some((key, r))
    }

    /// The message as the worker posts it.
    #[must_use]
    pub fn to_js(&self) -> JsValue {
        let Some((key, record)) = self.record() else {
            return super::protocol::ready_message();
        };
        let message = Object::new();
        let _ = Reflect::set(&message, &key.into(), &record.to_object());
        message.into()
    }

    /// What a worker's message says; `None` if it is none of these.
    #[must_use]
    pub fn from_js(data: &JsValue) -> Option<Message> {
        if super::protocol::is_ready(data) {
            return Some(Message::Ready);
        }
        let get = |key: &str| Reflect::get(data, &key.into()).ok().filter(JsValue::is_object);
        if let Some(r) = get(ANSWER) {
            let answered =
                r.text("html").map(|html| Answered { html, upright: r.parse("upright") });
            return Some(Message::Answer(r.parse("id")?, answered));
        }
        if let Some(r) = get(PROGRESS) {
            return Some(Message::Progress(r.parse("loaded")?, r.parse("total")?));
        }
        get(UNAVAILABLE).map(|_| Message::Unavailable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_and_jobs_read_back_as_written() {
        let form = ["N'Diaye-Müller", "Anna, \"Maria\" & <b>=1", "1974-08-12", "SN", "mme", ""];
        let today: Date = "2026-12-06".parse().unwrap();
        let query = ReadContext::query(DocumentId::Identity, today, (2026, 2027), form, Lang::Fr);
        let context = ReadContext::read(&query).unwrap();
        assert_eq!(
            context,
            ReadContext {
                doc: DocumentId::Identity,
                today,
                year: (2026, 2027),
                form: Form {
                    last_name: form[0].into(),
                    first_name: form[1].into(),
                    birth_date: form[2].into(),
                    nationality: form[3].into(),
                    title: form[4].into(),
                    rights_start: String::new(),
                },
                lang: Lang::Fr,
            }
        );
        let job = ReadJob { id: 3, key: 9, context: query };
        assert_eq!(ReadJob::read(&job.record()), Some(job));
        assert_eq!(ReadJob::read(&Record::default()), None);
        assert_eq!(ReadContext::read("doc=identity"), None, "no year, no day");
    }

    #[test]
    fn answers_read_back_as_written() {
        let answered = Answered { html: "<h5>What we read</h5>".into(), upright: None };
        let (_, answer) = Message::Answer(4, Some(answered)).record().unwrap();
        assert_eq!(
            (answer.parse("id"), answer.text("html").as_deref(), answer.text("upright")),
            (Some(4), Some("<h5>What we read</h5>"), None)
        );
        let turned = Answered { html: "<h5>x</h5>".into(), upright: Some(Task::RotateHalf) };
        let (_, answer) = Message::Answer(6, Some(turned)).record().unwrap();
        assert_eq!(answer.parse::<Task>("upright"), Some(Task::RotateHalf));
        let (_, failed) = Message::Answer(5, None).record().unwrap();
        assert_eq!((failed.text("html"), failed.text("failed").as_deref()), (None, Some("1")));
    }
}
