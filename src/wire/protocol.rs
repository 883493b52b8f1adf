//! What the page and its workers say to each other. A message to a worker is a JS object
//! `{ job: <Job's record>, files: [File…] }`; the worker answers `{ done: <Done's record>,
//! blob?: Blob }`, after saying [`READY`] once it listens. Records are plain objects of
//! strings ([`Record`]); files and blobs travel as handles (structured clone), never as copied
//! bytes, so the page never reads a file itself. A file may also come as bytes already in
//! memory (a transferred `ArrayBuffer`), as a host page or the benchmark may hold them.
//!
//! This module is the only one that knows these keys: the page and the workers build and read
//! messages through [`Job::message`], [`Job::from_message`], [`Done::message`] and
//! [`Done::from_message`].

use js_sys::{Array, Object, Reflect};
use secu_precheck_domain::inspect::content::Student;
use secu_precheck_domain::inspect::{Context, Facts, Finding, Fingerprint, Format, Inspection};
use secu_precheck_domain::{inspect, vocabulary, DocumentId};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::record::{flag, Lookup, Record};

/// The first message of a worker that is ready for jobs.
const READY: &str = "ready";
/// The keys of the envelopes around the records.
const JOB: &str = "job";
const FILES: &str = "files";
const DONE: &str = "done";
const BLOB: &str = "blob";

/// What a worker posts once it listens.
#[must_use]
pub fn ready_message() -> JsValue {
    JsValue::from_str(READY)
}

/// Whether a worker's message says it is ready.
#[must_use]
pub fn is_ready(data: &JsValue) -> bool {
    data.as_string().as_deref() == Some(READY)
}

/// Everything a check depends on besides the bytes. Two checks of the same file with equal
/// contexts give equal inspections, so the page re-checks a file only when this changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckContext {
    /// The slot.
    pub doc: Option<DocumentId>,
    /// The slot's size limit in bytes.
    pub size_limit: u64,
    /// The fingerprints of the files in the other slots.
    pub others: Vec<(DocumentId, Fingerprint)>,
    /// The student's last name, for the documents whose text names the student.
    pub last_name: String,
    /// The student's first name, likewise.
    pub first_name: String,
    /// The academic year, for the certificate of studies.
    pub academic_year: Option<(u16, u16)>,
    /// Whether the visa's file may stand in the residence permit's slot (the situation's and
    /// the residence document's rule).
    pub visa_again: bool,
}

impl CheckContext {
    /// The domain's view of this context.
    #[must_use]
    pub fn domain(&self) -> Context<'_> {
        let student = (!self.last_name.trim().is_empty() || !self.first_name.trim().is_empty())
            .then_some(Student { last_name: &self.last_name, first_name: &self.first_name });
        Context {
            doc: self.doc.unwrap_or(DocumentId::Identity),
            size_limit: self.size_limit,
            others: &self.others,
            student,
            academic_year: self.academic_year,
            visa_again: self.visa_again,
        }
    }
}

vocabulary! {
    /// A Web Worker of the page, with its entry relative to the page (so the app works from any
    /// sub-path): the inspector starts with the page; the combiner, which carries lopdf, only
    /// when a student combines pages.
    pub enum Worker as "worker" {
        /// Checks and fixes single files.
        Inspector = "inspector" => "./inspector_loader.js",
        /// Also merges PDFs.
        Combiner = "combiner" => "./combiner_loader.js",
        /// Reads what photos and scans say (its own messages: [`super::reading`]).
        Reader = "reader" => "./reader_loader.js",
    }
    /// The worker's entry script.
    data fn url -> &'static str;
}

vocabulary! {
    /// What to make of the files, and which worker does it.
    pub enum Task as "task" {
        /// Inspect the one file.
        Inspect = "inspect" => Worker::Inspector,
        /// Re-encode the one image as a JPEG under the limit, as it is shown: a camera's turn
        /// tag applied (shrink, convert, store upright).
        Fit = "fit" => Worker::Inspector,
        /// The same, turned a quarter turn clockwise from how it is shown.
        RotateRight = "rotate_right" => Worker::Inspector,
        /// The same, turned a quarter turn anticlockwise from how it is shown.
        RotateLeft = "rotate_left" => Worker::Inspector,
        /// The same, turned a half turn (a page the reader found upside down).
        RotateHalf = "rotate_half" => Worker::Inspector,
        /// Put the images and PDFs, in order, into one PDF under the limit.
        Combine = "combine" => Worker::Combiner,
        /// Put the ready documents, as they are, into one ZIP ("Download all my files"): the
        /// job's `name` holds each file's name in the archive, in order, separated by `/`
        /// (which no name made for a document holds), and `made_as` the archive's name.
        Bundle = "bundle" => Worker::Inspector,
        /// Read a certificate of entitlement's text ("I have registered"): the answer is a
        /// [`super::certificate::Checked`]'s record, not a [`Done`].
        Attestation = "attestation" => Worker::Inspector,
    }
    /// The worker that does it.
    data fn worker -> Worker;
}

vocabulary! {
    /// Why a job gave no file.
    pub enum Failure as "failure" {
        /// The file could not be read (gone, or permission withdrawn).
        Read = "read",
        /// The browser cannot decode this image.
        Decode = "decode",
        /// The browser could not encode the result, or nothing fitted.
        Encode = "encode",
        /// Combining met a file that is neither a photo nor a PDF that opens without a
        /// password ([`Failed::file`] says which).
        NotCombinable = "not_combinable",
        /// The worker stopped (it is restarted).
        Crashed = "crashed",
    }
}

/// A job that failed: why, and for combining, which file (by its place, from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Failed {
    /// Why.
    pub failure: Failure,
    /// The file at fault, when one is.
    pub file: Option<usize>,
}

impl Failed {
    /// Failed because of the file at `file`.
    #[must_use]
    pub const fn at(failure: Failure, file: usize) -> Self {
        Failed { failure, file: Some(file) }
    }
}

impl From<Failure> for Failed {
    fn from(failure: Failure) -> Self {
        Failed { failure, file: None }
    }
}

/// One request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    /// Matches the answer to the request.
    pub id: u32,
    /// What to do.
    pub task: Task,
    /// The name of the file (of the first file when combining).
    pub name: String,
    /// What a made file is called, without extension, in the student's language (the rules'
    /// `file_name`); empty for an inspection.
    pub made_as: String,
    /// The check's context.
    pub context: CheckContext,
}

/// One answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Done {
    /// The request's id.
    pub id: u32,
    /// The result.
    pub result: Result<Outcome, Failed>,
}

/// A file's verdict, and for made files, the new file's name (the blob travels beside).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The verdict on the file (the made file, for a fix), its fingerprint among the facts.
    pub inspection: Inspection,
    /// The made file's name.
    pub made: Option<String>,
    /// Whether this browser can open the image, and so re-encode it as a JPEG here (an iPhone
    /// photo opens in Safari only): "Convert to JPEG" is offered only then.
    pub convertible: bool,
}

impl Job {
    /// The job as its message record.
    #[must_use]
    pub fn record(&self) -> Record {
        let c = &self.context;
        let mut r = Record::default();
        r.put("id", self.id);
        r.put("task", self.task);
        r.put("name", &self.name);
        r.put("made_as", &self.made_as);
        r.put_some("doc", c.doc);
        r.put("limit", c.size_limit);
        let others: Vec<String> =
            c.others.iter().map(|(d, print)| format!("{d}:{print}")).collect();
        r.put("others", others.join(","));
        r.put("last", &c.last_name);
        r.put("first", &c.first_name);
        r.put_some("year", c.academic_year.map(|(a, b)| format!("{a}-{b}")));
        r.put("again", c.visa_again);
        r
    }

    /// A job from its record; `None` if it is not one.
    pub fn read(r: &impl Lookup) -> Option<Job> {
        let others = r.text("others").unwrap_or_default();
        let context = CheckContext {
            doc: r.parse("doc"),
            size_limit: r.parse("limit")?,
            others: others
                .split(',')
                .filter_map(|pair| {
                    let (doc, print) = pair.split_once(':')?;
                    Some((doc.parse().ok()?, print.parse().ok()?))
                })
                .collect(),
            last_name: r.text("last").unwrap_or_default(),
            first_name: r.text("first").unwrap_or_default(),
            academic_year: r.text("year").and_then(|y| {
                let (a, b) = y.split_once('-')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            }),
            // A page older than the worker sends none: the common case's, as `Context::plain`.
            visa_again: r.parse("again").unwrap_or(true),
        };
        Some(Job {
            id: r.parse("id")?,
            task: r.parse("task")?,
            name: r.text("name").unwrap_or_default(),
            made_as: r.text("made_as").unwrap_or_default(),
            context,
        })
    }

    /// The message that asks a worker for this job on these files.
    #[must_use]
    pub fn message(&self, files: &Array) -> JsValue {
        let message = Object::new();
        // Setting properties on a fresh plain object cannot fail.
        let _ = Reflect::set(&message, &JOB.into(), &self.record().to_object());
        let _ = Reflect::set(&message, &FILES.into(), files);
        message.into()
    }

    /// The job of a worker's message, and its files; `None` if it is not one.
    #[must_use]
    pub fn from_message(data: &JsValue) -> Option<(Job, Array)> {
        let job = Job::read(&Reflect::get(data, &JOB.into()).ok()?)?;
        let files = Reflect::get(data, &FILES.into()).ok().filter(Array::is_array);
        Some((job, files.map(JsCast::unchecked_into).unwrap_or_default()))
    }
}

impl Done {
    /// The answer as its message record.
    #[must_use]
    pub fn record(&self) -> Record {
        let mut r = Record::default();
        r.put("id", self.id);
        match &self.result {
            Err(failed) => {
                r.put("failure", failed.failure);
                r.put_some("at", failed.file);
            }
            Ok(Outcome { inspection, made, convertible }) => {
                let facts = &inspection.facts;
                r.put("format", inspection.format);
                r.put("size", facts.size);
                r.put_some("pages", facts.pages);
                r.put_some("width", facts.width);
                r.put_some("height", facts.height);
                r.put_some("orientation", facts.orientation);
                r.put_some("encrypted", facts.encrypted.map(flag));
                r.put_some("text_layer", facts.text_layer.map(flag));
                r.put_some("named_like", facts.named_like);
                r.put_some("holder", facts.holder.as_ref());
                r.put_some("iban_country", facts.iban_country.as_ref());
                r.put_some("bic", facts.bic.as_ref());
                let codes: Vec<&str> = inspection.problems.iter().map(|f| f.code.code()).collect();
                r.put("problems", codes.join(","));
                r.put("fingerprint", facts.fingerprint);
                r.put_some("made", made.as_ref());
                r.put("convertible", flag(*convertible));
            }
        }
        r
    }

    /// An answer from its record; `None` if it is not one. Problems the page does not know (a
    /// newer worker) are left out rather than refusing the whole verdict; so is a failure,
    /// which reads as one to encode.
    pub fn read(r: &impl Lookup) -> Option<Done> {
        let id = r.parse("id")?;
        if let Some(failure) = r.text("failure") {
            let failure = failure.parse().unwrap_or(Failure::Encode);
            let failed = Failed { failure, file: r.parse("at") };
            return Some(Done { id, result: Err(failed) });
        }
        let facts = Facts {
            size: r.parse("size")?,
            pages: r.parse("pages"),
            width: r.parse("width"),
            height: r.parse("height"),
            orientation: r.parse("orientation"),
            encrypted: r.flag("encrypted"),
            text_layer: r.flag("text_layer"),
            named_like: r.parse("named_like"),
            holder: r.text("holder"),
            iban_country: r.text("iban_country"),
            bic: r.text("bic"),
            fingerprint: r.parse("fingerprint")?,
        };
        let problems = r
            .text("problems")
            .unwrap_or_default()
            .split(',')
            .filter_map(inspect::Problem::from_code)
            .map(|code| Finding { code, severity: code.severity() })
            .collect();
        let inspection = Inspection { format: r.parse::<Format>("format")?, facts, problems };
        let convertible = r.flag("convertible").unwrap_or(false);
        Some(Done { id, result: Ok(Outcome { inspection, made: r.text("made"), convertible }) })
    }

    /// The message that carries this answer, and the made file when there is one.
    #[must_use]
    pub fn message(&self, blob: Option<&Blob>) -> JsValue {
        let message = Object::new();
        let _ = Reflect::set(&message, &DONE.into(), &self.record().to_object());
        if let Some(blob) = blob {
            let _ = Reflect::set(&message, &BLOB.into(), blob);
        }
        message.into()
    }

    /// The answer of a worker's message, and the file it made; `None` if it is not one.
    #[must_use]
    pub fn from_message(data: &JsValue) -> Option<(Done, Option<Blob>)> {
        let done = Done::read(&Reflect::get(data, &DONE.into()).ok()?)?;
        let blob = Reflect::get(data, &BLOB.into()).ok().and_then(|b| b.dyn_into::<Blob>().ok());
        Some((done, blob))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secu_precheck_domain::inspect::Problem;

    #[test]
    fn jobs_and_answers_read_back_as_written() {
        let print = Fingerprint(0xab_u128 << 120 | 7);
        let job = Job {
            id: 7,
            task: Task::Fit,
            name: "scan, 2.jpg".into(),
            made_as: "piece-d-identite".into(),
            context: CheckContext {
                doc: Some(DocumentId::Rib),
                size_limit: 4_000_000,
                others: vec![(DocumentId::Visa, print), (DocumentId::Identity, Fingerprint(0))],
                last_name: "N'Diaye-Müller".into(),
                first_name: String::new(),
                academic_year: Some((2026, 2027)),
                visa_again: true,
            },
        };
        assert_eq!(Job::read(&job.record()), Some(job.clone()));
        for task in Task::ALL {
            let other = Job { task, context: CheckContext::default(), ..job.clone() };
            assert_eq!(Job::read(&other.record()), Some(other));
        }
        for failure in Failure::ALL {
            for file in [None, Some(3)] {
                let done = Done { id: 7, result: Err(Failed { failure, file }) };
                assert_eq!(Done::read(&done.record()), Some(done));
            }
        }
        let problems = [Problem::TooLarge, Problem::PdfScanOnly, Problem::NameSuggestsOther];
        let done = Done {
            id: 8,
            result: Ok(Outcome {
                inspection: Inspection {
                    format: Format::Pdf,
                    facts: Facts {
                        size: 5_000_000_000,
                        pages: Some(3),
                        width: None,
                        height: Some(10),
                        orientation: Some(6),
                        encrypted: Some(false),
                        text_layer: Some(true),
                        named_like: Some(DocumentId::Visa),
                        holder: Some("Moussa SOW, \"quoted\" & <b>".into()),
                        iban_country: Some("TN".into()),
                        bic: Some("BTBKTNTT".into()),
                        fingerprint: print,
                    },
                    problems: problems
                        .iter()
                        .map(|&code| Finding { code, severity: code.severity() })
                        .collect(),
                },
                made: Some("rib.pdf".into()),
                convertible: true,
            }),
        };
        assert_eq!(Done::read(&done.record()), Some(done));
    }

    #[test]
    fn records_that_are_not_messages_read_as_nothing() {
        let mut r = Record::default();
        assert_eq!(Job::read(&r), None);
        assert_eq!(Done::read(&r), None);
        r.put("id", "x");
        r.put("task", "inspect");
        r.put("limit", 1);
        assert_eq!(Job::read(&r), None, "an id that is not a number");
        let mut r = Record::default();
        r.put("id", 1);
        r.put("task", "Inspect");
        r.put("limit", 1);
        assert_eq!(Job::read(&r), None, "a Rust name is not a task's code");
        let mut r = Record::default();
        r.put("id", 1);
        r.put("format", "pdf");
        r.put("size", 3);
        r.put("fingerprint", Fingerprint(3));
        r.put("problems", "too_large,from_the_future");
        let Some(Done { result: Ok(outcome), .. }) = Done::read(&r) else { panic!("a verdict") };
        let codes: Vec<Problem> = outcome.inspection.problems.iter().map(|f| f.code).collect();
        assert_eq!(codes, [Problem::TooLarge], "an unknown problem is left out");
        let mut unmarked = Record(r.0[..3].to_vec());
        assert_eq!(Done::read(&unmarked), None, "no fingerprint, no verdict");
        unmarked.put("fingerprint", "00");
        assert_eq!(Done::read(&unmarked), None, "nor with one that is not 32 hex digits");
    }

    #[test]
    fn each_task_goes_to_its_worker() {
        assert_eq!(Task::Combine.worker(), Worker::Combiner);
        assert!(Task::ALL
            .iter()
            .filter(|t| **t != Task::Combine)
            .all(|t| t.worker() == Worker::Inspector));
        assert_eq!(Worker::Inspector.url(), "./inspector_loader.js");
    }
}
