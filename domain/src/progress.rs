//! After the upload: what the student's personal area on the portal shows for each document
//! (recorded by the student, or read from a pasted message), the stage the registration has
//! reached (sent, provisional certificate, permanent number), what is therefore still missing
//! for each certificate, and what to do next for each document. Kept on the device only as
//! the student's answers are (a query string of stable codes), never with a certificate's
//! number: none is ever recorded here.

use std::collections::BTreeMap;

use crate::attestation::{Attestation, Kind};
use crate::date::Date;
use crate::email::{Reason, Recognised, Status};
use crate::nir::NumberKind;
use crate::{query, Checklist, DocumentId, Entitlement};

crate::vocabulary! {
    /// What the personal area shows for a document (the portal's own words in brackets).
    pub enum Shown as "personal area status" {
        /// Not sent yet (or asked for: still missing).
        NotSent = "not_sent",
        /// "En cours de traitement": being checked, and replaceable while it shows.
        Processing = "processing",
        /// "Accepté".
        Accepted = "accepted",
        /// "Refusé": to be replaced.
        Rejected = "rejected",
    }
    messages {
        label = "registered.shown." code,
    }
}

crate::vocabulary! {
    /// What to do next for a document, from what its personal area shows.
    pub enum Next as "next action" {
        /// Send it: check it first in its box, then add it in the personal area.
        Send = "send",
        /// Wait; it can still be replaced while it is being processed.
        Wait = "wait",
        /// Nothing more.
        Done = "done",
        /// Replace it: check the new file in its box first.
        Replace = "replace",
    }
    messages {
        text = "registered.next." code,
    }
}

/// One document's line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// What the personal area shows; not sent until said.
    pub shown: Option<Shown>,
    /// Since when (the day it was recorded, or the day the student gives).
    pub on: Option<Date>,
    /// Why it was refused or asked for, when a message said.
    pub reason: Option<Reason>,
}

/// The stage of the registration and each document's status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The day the registration was sent.
    pub sent: Option<Date>,
    /// The day the provisional certificate came.
    pub provisional: Option<Date>,
    /// The day the permanent number came (the final certificate).
    pub permanent: Option<Date>,
    /// Each document recorded.
    pub docs: BTreeMap<DocumentId, Entry>,
}

impl Progress {
    /// The storage key: versioned, so a future format never misreads this one.
    pub const KEY: &'static str = "secu-precheck/registered/v1";

    /// A document's line (an empty one if never recorded).
    #[must_use]
    pub fn entry(&self, doc: DocumentId) -> Entry {
        self.docs.get(&doc).copied().unwrap_or_default()
    }

    /// Records what the personal area shows for `doc` on `on`. A status that changes drops
    /// the reason a message gave for the old one.
    pub fn set(&mut self, doc: DocumentId, shown: Shown, on: Option<Date>) {
        let entry = self.docs.entry(doc).or_default();
        if entry.shown != Some(shown) {
            entry.reason = None;
        }
        entry.shown = Some(shown);
        entry.on = on;
    }

    /// Marks what a message says of each document it names, on `today`: refused, still
    /// missing (not sent, with the reason it is asked for), or accepted. Documents it does
    /// not name keep their line.
    pub fn apply(&mut self, message: &Recognised, today: Date) {
        for named in &message.documents {
            let shown = match named.status {
                Status::Rejected => Shown::Rejected,
                Status::Missing => Shown::NotSent,
                Status::Accepted => Shown::Accepted,
            };
            self.docs.insert(
                named.doc,
                Entry { shown: Some(shown), on: Some(today), reason: named.reason },
            );
        }
    }

    /// Takes in what a certificate of entitlement says, checked on `today`: its kind dates
    /// the stage (the day it was checked, unless the student gave one).
    pub fn certificate(&mut self, read: &Attestation, today: Date) {
        let permanent = read.kind == Some(Kind::Final)
            || (read.kind.is_none() && read.number_kind == Some(NumberKind::Permanent));
        if permanent {
            self.permanent.get_or_insert(today);
        } else if read.kind == Some(Kind::Provisional)
            || read.number_kind == Some(NumberKind::Provisional)
        {
            self.provisional.get_or_insert(today);
        }
        // A certificate comes after the registration was sent.
        if self.sent.is_none() {
            self.sent = read.valid_from.filter(|d| *d <= today).or(Some(today));
        }
    }

    /// The documents the CPAM has, or is checking: what counts as sent.
    #[must_use]
    pub fn in_hand(&self) -> Vec<DocumentId> {
        self.docs
            .iter()
            .filter(|(_, e)| matches!(e.shown, Some(Shown::Processing | Shown::Accepted)))
            .map(|(d, _)| *d)
            .collect()
    }

    /// Of a checklist's documents for `e`, those the CPAM does not have (not sent, or
    /// refused), in the checklist's order.
    #[must_use]
    pub fn still_missing(&self, checklist: &Checklist, e: Entitlement) -> Vec<DocumentId> {
        let in_hand = self.in_hand();
        checklist.required(e).iter().copied().filter(|d| !in_hand.contains(d)).collect()
    }

    /// What to do next for `doc`.
    #[must_use]
    pub fn next(&self, doc: DocumentId) -> Next {
        match self.entry(doc).shown {
            None | Some(Shown::NotSent) => Next::Send,
            Some(Shown::Processing) => Next::Wait,
            Some(Shown::Accepted) => Next::Done,
            Some(Shown::Rejected) => Next::Replace,
        }
    }

    /// The record kept on the device: `sent=2026-09-14&doc.rib=rejected&doc.rib.on=…&
    /// doc.rib.why=not_own_name`, every key and value a stable code or an ISO date.
    #[must_use]
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (key, day) in
            [("sent", self.sent), ("provisional", self.provisional), ("permanent", self.permanent)]
        {
            if let Some(day) = day {
                pairs.push((key.to_owned(), day.to_string()));
            }
        }
        for (doc, entry) in &self.docs {
            if let Some(shown) = entry.shown {
                pairs.push((format!("doc.{doc}"), shown.code().to_owned()));
            }
            if let Some(on) = entry.on {
                pairs.push((format!("doc.{doc}.on"), on.to_string()));
            }
            if let Some(reason) = entry.reason {
                pairs.push((format!("doc.{doc}.why"), reason.code().to_owned()));
            }
        }
        query::write(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// A kept record read back; anything unknown (another version's key, a mangled value) is
    /// left out, never a failure.
    #[must_use]
    pub fn from_query(text: &str) -> Progress {
        let mut out = Progress::default();
        for (key, value) in query::pairs(text) {
            let day = value.parse::<Date>().ok();
            match &*key {
                "sent" => out.sent = day,
                "provisional" => out.provisional = day,
                "permanent" => out.permanent = day,
                key => {
                    let Some(rest) = key.strip_prefix("doc.") else { continue };
                    let (doc, part) = rest.split_once('.').unwrap_or((rest, ""));
                    let Ok(doc) = doc.parse::<DocumentId>() else { continue };
                    match part {
                        "" => match value.parse::<Shown>() {
                            Ok(shown) => out.docs.entry(doc).or_default().shown = Some(shown),
                            Err(_) => continue,
                        },
                        "on" if day.is_some() => out.docs.entry(doc).or_default().on = day,
                        "why" => match value.parse::<Reason>() {
                            Ok(reason) => out.docs.entry(doc).or_default().reason = Some(reason),
                            Err(_) => continue,
                        },
                        _ => {}
                    }
                }
            }
        }
        out
    }

    /// Whether nothing was recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Progress::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::recognise;
    use crate::{Rules, SituationId};

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_record_reads_back_and_junk_is_left_out() {
        let mut p = Progress { sent: Some(day("2026-09-14")), ..Progress::default() };
        p.set(DocumentId::Rib, Shown::Rejected, Some(day("2026-09-20")));
        p.docs.get_mut(&DocumentId::Rib).unwrap().reason = Some(Reason::NotOwnName);
        p.set(DocumentId::Identity, Shown::Accepted, None);
        let q = p.to_query();
        assert_eq!(
            q,
            "sent=2026-09-14&doc.identity=accepted&doc.rib=rejected&doc.rib.on=2026-09-20&doc.rib.why=not_own_name"
        );
        assert_eq!(Progress::from_query(&q), p);
        let junk = "sent=yesterday&doc.passport=accepted&doc.rib=lost&doc.rib.why=cosmic&doc.visa.on=x&%FF=1&doc.visa=processing";
        let read = Progress::from_query(junk);
        assert_eq!(read.sent, None);
        assert_eq!(read.docs.len(), 1);
        assert_eq!(read.entry(DocumentId::Visa).shown, Some(Shown::Processing));
        assert!(Progress::from_query("").is_empty());
    }

    #[test]
    fn still_missing_follows_the_statuses() {
        let rules = Rules::builtin().unwrap();
        let checklist = Checklist::new(&rules, SituationId::NonEu, Some(22), &[]);
        let mut p = Progress::default();
        let final_docs = checklist.required(Entitlement::Final).to_vec();
        assert_eq!(p.still_missing(&checklist, Entitlement::Final), final_docs);
        p.set(DocumentId::BirthCertificate, Shown::Processing, None);
        p.set(DocumentId::Rib, Shown::Rejected, None);
        let missing = p.still_missing(&checklist, Entitlement::Final);
        assert!(!missing.contains(&DocumentId::BirthCertificate));
        assert!(missing.contains(&DocumentId::Rib));
        assert_eq!(p.next(DocumentId::BirthCertificate), Next::Wait);
        assert_eq!(p.next(DocumentId::Rib), Next::Replace);
        assert_eq!(p.next(DocumentId::Visa), Next::Send);
        p.set(DocumentId::Rib, Shown::Accepted, None);
        assert_eq!(p.next(DocumentId::Rib), Next::Done);
    }

    #[test]
    fn a_message_marks_the_documents_it_names() {
        let today = day("2026-10-02");
        let mut p = Progress::default();
        p.set(DocumentId::Identity, Shown::Accepted, None);
        let said = recognise(
            "Bonjour, votre RIB a été refusé : il n'est pas à votre nom. \
             L'acte de naissance est manquant.",
        );
        assert!(said.recognised);
        p.apply(&said, today);
        let rib = p.entry(DocumentId::Rib);
        assert_eq!(
            (rib.shown, rib.on, rib.reason),
            (Some(Shown::Rejected), Some(today), Some(Reason::NotOwnName))
        );
        assert_eq!(p.entry(DocumentId::BirthCertificate).shown, Some(Shown::NotSent));
        assert_eq!(p.entry(DocumentId::Identity).shown, Some(Shown::Accepted));
        // A new status drops the old reason.
        p.set(DocumentId::Rib, Shown::Processing, Some(today));
        assert_eq!(p.entry(DocumentId::Rib).reason, None);
    }

    #[test]
    fn a_certificate_dates_the_stage() {
        let today = day("2026-10-20");
        let provisional = Attestation {
            kind: Some(Kind::Provisional),
            valid_from: Some(day("2026-09-01")),
            valid_to: Some(day("2027-08-31")),
            number_kind: Some(NumberKind::Provisional),
            number_key_ok: None,
            name: None,
            birth_date: None,
        };
        let mut p = Progress::default();
        p.certificate(&provisional, today);
        assert_eq!(
            (p.sent, p.provisional, p.permanent),
            (Some(day("2026-09-01")), Some(today), None)
        );
        let later = day("2027-03-02");
        let final_ = Attestation {
            kind: Some(Kind::Final),
            number_kind: Some(NumberKind::Permanent),
            ..provisional
        };
        p.certificate(&final_, later);
        assert_eq!((p.provisional, p.permanent), (Some(today), Some(later)));
        // A date the student gave is kept.
        p.certificate(&final_, day("2027-04-01"));
        assert_eq!(p.permanent, Some(later));
    }
}
