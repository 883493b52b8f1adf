//! A certificate of entitlement checked by the inspection worker for the "I have registered"
//! part (src/registered/): the job is an ordinary [`Job`](super::protocol::Job) with
//! [`Task::Attestation`](super::protocol::Task::Attestation); the answer is its own record,
//! `{ id, certificate }`, where `certificate` says what the file was and, when it was one,
//! what it says ([`Attestation::to_query`]): never the number.

use secu_precheck_domain::attestation::Attestation;

use super::record::{Lookup, Record};

/// What the worker made of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked {
    /// A certificate, and what it says.
    Read(Attestation),
    /// Text, but no period and no number: not a certificate of entitlement.
    NotOne,
    /// No text to read: a scan or a photo.
    Scan,
    /// The file could not be read or opened.
    Unreadable,
}

impl Checked {
    /// The answer's record.
    #[must_use]
    pub fn record(&self, id: u32) -> Record {
        let mut r = Record::default();
        r.put("id", id);
        match self {
            Checked::Read(read) => {
                r.put("certificate", "read");
                r.put("facts", read.to_query());
            }
            Checked::NotOne => r.put("certificate", "not_one"),
            Checked::Scan => r.put("certificate", "scan"),
            Checked::Unreadable => r.put("certificate", "unreadable"),
        }
        r
    }

    /// An answer from its record: its id and what it says; `None` if it is not one.
    pub fn read(r: &impl Lookup) -> Option<(u32, Checked)> {
        let id = r.parse("id")?;
        let checked = match r.text("certificate")?.as_str() {
            "read" => Checked::Read(Attestation::from_query(&r.text("facts").unwrap_or_default())),
            "not_one" => Checked::NotOne,
            "scan" => Checked::Scan,
            _ => Checked::Unreadable,
        };
        Some((id, checked))
    }

    /// What the text of a file says: `text` is its text layer (`None`: it has none).
    #[must_use]
    pub fn of_text(text: Option<&str>) -> Checked {
        match text.filter(|t| !t.trim().is_empty()) {
            None => Checked::Scan,
            Some(text) => Attestation::read(text).map_or(Checked::NotOne, Checked::Read),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::record::Record;

    #[test]
    fn answers_read_back_as_written() {
        let text = "Attestation de droits provisoire\nPériode du 01/09/2026 au 31/08/2027\n";
        for checked in
            [Checked::of_text(Some(text)), Checked::NotOne, Checked::Scan, Checked::Unreadable]
        {
            let record: Record = checked.record(9);
            assert_eq!(Checked::read(&record), Some((9, checked.clone())));
        }
        assert!(matches!(Checked::of_text(Some(text)), Checked::Read(a) if a.valid_from.is_some()));
        assert_eq!(Checked::of_text(Some("Bonjour")), Checked::NotOne);
        assert_eq!(Checked::of_text(Some("  \n")), Checked::Scan);
        assert_eq!(Checked::of_text(None), Checked::Scan);
        assert_eq!(Checked::read(&Record::default()), None);
    }
}
