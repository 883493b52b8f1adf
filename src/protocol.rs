//! What the page and the inspection worker say to each other. A message to the worker is a
//! JS object `{ job: <Job as JSON>, files: [File…] }`; the worker answers
//! `{ done: <Done as JSON>, blob?: Blob }`. Files and blobs travel as handles (structured
//! clone), never as copied bytes, so the page never reads a file itself.

use secu_precheck_domain::inspect::content::Student;
use secu_precheck_domain::inspect::{Context, Fingerprint, Inspection};
use secu_precheck_domain::DocumentId;
use serde::{Deserialize, Serialize};

/// The first message of a worker that is ready for jobs.
pub const READY: &str = "ready";

/// Everything a check depends on besides the bytes. Two checks of the same file with equal
/// contexts give equal inspections, so the page re-checks a file only when this changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckContext {
    /// The slot.
    pub doc: Option<DocumentId>,
    /// The slot's size limit in bytes.
    pub size_limit: u64,
    /// The fingerprints (hex SHA-256) of the files in the other slots.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// Matches the answer to the request.
    pub id: u32,
    /// What to do.
    pub task: Task,
    /// The name of the file (of the first file when combining).
    pub name: String,
    /// The check's context.
    pub context: CheckContext,
}

/// Why a job gave no file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Done {
    /// The request's id.
    pub id: u32,
    /// The result.
    pub result: Result<Outcome, Failure>,
}

/// A file's verdict, and for made files, the new file's name (the blob travels beside).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The verdict on the file (the made file, for a fix).
    pub inspection: Inspection,
    /// Its fingerprint, hex.
    pub fingerprint: String,
    /// The made file's name.
    pub made: Option<String>,
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

/// A fingerprint from hex, `None` if it is not 64 hex digits.
#[must_use]
pub fn from_hex(hex: &str) -> Option<Fingerprint> {
    let mut out = [0u8; 32];
    if hex.len() != 64 {
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
        assert_eq!(from_hex(&"g".repeat(64)), None);
    }

    #[test]
    fn jobs_and_answers_round_trip_through_json() {
        let job = Job {
            id: 7,
            task: Task::Fit,
            name: "scan.jpg".into(),
            context: CheckContext {
                doc: Some(DocumentId::Rib),
                size_limit: 4_000_000,
                ..Default::default()
            },
        };
        let json = serde_json::to_string(&job).unwrap();
        assert_eq!(serde_json::from_str::<Job>(&json).unwrap(), job);
        let done = Done { id: 7, result: Err(Failure::Decode) };
        let json = serde_json::to_string(&done).unwrap();
        assert_eq!(serde_json::from_str::<Done>(&json).unwrap(), done);
    }
}
