//! What the page and the inspection worker say to each other. A message to the worker is a
//! JS object `{ job: <Job's record>, files: [File…] }`; the worker answers
//! `{ done: <Done's record>, blob?: Blob }`. Records are plain objects of strings
//! ([`crate::wire`]); files and blobs travel as handles (structured clone), never as copied
//! bytes, so the page never reads a file itself. A file may also come as bytes already in
//! memory (a transferred `ArrayBuffer`), as a host page or the benchmark may hold them.

use secu_precheck_domain::inspect::content::Student;
use secu_precheck_domain::inspect::{
    Context, Facts, Finding, Fingerprint, Format, Inspection, Problem,
};
use secu_precheck_domain::DocumentId;

use crate::wire::{flag, Lookup, Record};

/// The first message of a worker that is ready for jobs.
pub const READY: &str = "ready";

/// Everything a check depends on besides the bytes. Two checks of the same file with equal
/// contexts give equal inspections, so the page re-checks a file only when this changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckContext {
    /// The slot.
    pub doc: Option<DocumentId>,
    /// The slot's size limit in bytes.
    pub size_limit: u64,
    /// The fingerprints (hex) of the files in the other slots.
    pub others: Vec<(DocumentId, String)>,
    /// The student's last name, for the documents whose text names the student.
    pub last_name: String,
    /// The student's first name, likewise.
    pub first_name: String,
    /// The academic year, for the certificate of studies.
    pub academic_year: Option<(u16, u16)>,
}

impl CheckContext {
    /// Runs `f` with the domain's view of this context.
    pub fn with_domain<R>(&self, f: impl FnOnce(&Context<'_>) -> R) -> R {
        let others: Vec<(DocumentId, Fingerprint)> =
            self.others.iter().filter_map(|(d, hex)| Some((*d, from_hex(hex)?))).collect();
        let student = (!self.last_name.trim().is_empty() || !self.first_name.trim().is_empty())
            .then_some(Student { last_name: &self.last_name, first_name: &self.first_name });
        f(&Context {
            doc: self.doc.unwrap_or(DocumentId::Identity),
            size_limit: self.size_limit,
            others: &others,
            student,
            academic_year: self.academic_year,
        })
    }
}

/// What to make of the files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Inspect the one file.
    Inspect,
    /// Re-encode the one image as a JPEG under the limit, upright (shrink and convert).
    Fit,
    /// The same, turned a quarter turn clockwise.
    Rotate,
    /// Put the images, in order, into one PDF under the limit.
    Combine,
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

/// Why a job gave no file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The file could not be read (gone, or permission withdrawn).
    Read,
    /// The browser cannot decode this image.
    Decode,
    /// The browser could not encode the result, or nothing fitted.
    Encode,
    /// Combining met a file (by its place, from 0) that is neither a photo nor a PDF that
    /// opens without a password.
    NotCombinable(usize),
    /// The worker stopped (it is restarted).
    Crashed,
}

/// One answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Done {
    /// The request's id.
    pub id: u32,
    /// The result.
    pub result: Result<Outcome, Failure>,
}

/// A file's verdict, and for made files, the new file's name (the blob travels beside).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The verdict on the file (the made file, for a fix).
    pub inspection: Inspection,
    /// Its fingerprint, hex.
    pub fingerprint: String,
    /// The made file's name.
    pub made: Option<String>,
}

impl Task {
    const ALL: [(Task, &'static str); 4] = [
        (Task::Inspect, "inspect"),
        (Task::Fit, "fit"),
        (Task::Rotate, "rotate"),
        (Task::Combine, "combine"),
    ];

    fn code(self) -> &'static str {
        Self::ALL.iter().find(|(t, _)| *t == self).map_or("inspect", |(_, c)| c)
    }

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, c)| *c == code).map(|(t, _)| *t)
    }
}

impl Job {
    /// The job as its message record.
    #[must_use]
    pub fn record(&self) -> Record {
        let c = &self.context;
        let mut r = Record::default();
        r.put("id", self.id);
        r.put("task", self.task.code());
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
                    Some((doc.parse().ok()?, print.to_owned()))
                })
                .collect(),
            last_name: r.text("last").unwrap_or_default(),
            first_name: r.text("first").unwrap_or_default(),
            academic_year: r.text("year").and_then(|y| {
                let (a, b) = y.split_once('-')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            }),
        };
        Some(Job {
            id: r.parse("id")?,
            task: Task::from_code(&r.text("task")?)?,
            name: r.text("name").unwrap_or_default(),
            made_as: r.text("made_as").unwrap_or_default(),
            context,
        })
    }
}

impl Done {
    /// The answer as its message record.
    #[must_use]
    pub fn record(&self) -> Record {
        let mut r = Record::default();
        r.put("id", self.id);
        match &self.result {
            Err(failure) => {
                let (code, at) = match failure {
                    Failure::Read => ("read", None),
                    Failure::Decode => ("decode", None),
                    Failure::Encode => ("encode", None),
                    Failure::NotCombinable(at) => ("not_combinable", Some(*at)),
                    Failure::Crashed => ("crashed", None),
                };
                r.put("failure", code);
                r.put_some("at", at);
            }
            Ok(Outcome { inspection, fingerprint, made }) => {
                let facts = &inspection.facts;
                r.put("format", inspection.format.code());
                r.put("size", facts.size);
                r.put_some("pages", facts.pages);
                r.put_some("width", facts.width);
                r.put_some("height", facts.height);
                r.put_some("orientation", facts.orientation);
                r.put_some("encrypted", facts.encrypted.map(flag));
                r.put_some("text_layer", facts.text_layer.map(flag));
                r.put_some("named_like", facts.named_like);
                let codes: Vec<&str> = inspection.problems.iter().map(|f| f.code.code()).collect();
                r.put("problems", codes.join(","));
                r.put("fingerprint", fingerprint);
                r.put_some("made", made.as_ref());
            }
        }
        r
    }

    /// An answer from its record; `None` if it is not one. Problems the page does not know (a
    /// newer worker) are left out rather than refusing the whole verdict.
    pub fn read(r: &impl Lookup) -> Option<Done> {
        let id = r.parse("id")?;
        if let Some(failure) = r.text("failure") {
            let failure = match failure.as_str() {
                "read" => Failure::Read,
                "decode" => Failure::Decode,
                "not_combinable" => Failure::NotCombinable(r.parse("at")?),
                "crashed" => Failure::Crashed,
                _ => Failure::Encode,
            };
            return Some(Done { id, result: Err(failure) });
        }
        let fingerprint = r.text("fingerprint")?;
        let facts = Facts {
            size: r.parse("size")?,
            pages: r.parse("pages"),
            width: r.parse("width"),
            height: r.parse("height"),
            orientation: r.parse("orientation"),
            encrypted: r.flag("encrypted"),
            text_layer: r.flag("text_layer"),
            named_like: r.parse("named_like"),
            fingerprint: from_hex(&fingerprint).unwrap_or_default(),
        };
        let problems = r
            .text("problems")
            .unwrap_or_default()
            .split(',')
            .filter_map(Problem::from_code)
            .map(|code| Finding { code, severity: code.severity() })
            .collect();
        let inspection =
            Inspection { format: Format::from_code(&r.text("format")?)?, facts, problems };
        Some(Done { id, result: Ok(Outcome { inspection, fingerprint, made: r.text("made") }) })
    }
}

/// Lower-case hex.
#[must_use]
pub fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A fingerprint from hex, `None` if it is not 32 hex digits.
#[must_use]
pub fn from_hex(hex: &str) -> Option<Fingerprint> {
    let mut out = Fingerprint::default();
    if hex.len() != 2 * out.len() {
        return None;
    }
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_round_trip_through_hex() {
        let print: Fingerprint = std::array::from_fn(|i| (i * 7) as u8);
        assert_eq!(from_hex(&to_hex(&print)), Some(print));
        assert_eq!(from_hex("zz"), None);
        assert_eq!(from_hex(&"g".repeat(32)), None);
    }

    #[test]
    fn jobs_and_answers_read_back_as_written() {
        let job = Job {
            id: 7,
            task: Task::Fit,
            name: "scan, 2.jpg".into(),
            made_as: "piece-d-identite".into(),
            context: CheckContext {
                doc: Some(DocumentId::Rib),
                size_limit: 4_000_000,
                others: vec![
                    (DocumentId::Visa, "ab".repeat(16)),
                    (DocumentId::Identity, "cd".into()),
                ],
                last_name: "N'Diaye-Müller".into(),
                first_name: String::new(),
                academic_year: Some((2026, 2027)),
            },
        };
        assert_eq!(Job::read(&job.record()), Some(job.clone()));
        for task in [Task::Inspect, Task::Rotate, Task::Combine] {
            let other = Job { task, context: CheckContext::default(), ..job.clone() };
            assert_eq!(Job::read(&other.record()), Some(other));
        }
        for failure in [
            Failure::Read,
            Failure::Decode,
            Failure::Encode,
            Failure::NotCombinable(3),
            Failure::Crashed,
        ] {
            let done = Done { id: 7, result: Err(failure) };
            assert_eq!(Done::read(&done.record()), Some(done));
        }
        let print: Fingerprint = std::array::from_fn(|i| (i * 9) as u8);
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
                        fingerprint: print,
                    },
                    problems: problems
                        .iter()
                        .map(|&code| Finding { code, severity: code.severity() })
                        .collect(),
                },
                fingerprint: to_hex(&print),
                made: Some("rib.pdf".into()),
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
        r.put("format", "pdf");
        r.put("size", 3);
        r.put("fingerprint", "00");
        r.put("problems", "too_large,from_the_future");
        let Some(Done { result: Ok(outcome), .. }) = Done::read(&r) else { panic!("a verdict") };
        let codes: Vec<Problem> = outcome.inspection.problems.iter().map(|f| f.code).collect();
        assert_eq!(codes, [Problem::TooLarge], "an unknown problem is left out");
    }
}
