//! The documents of a registration and the checklist of what is still missing.
//!
//! For now this is the university guide's list (DOMAIN.md §3, the most common case: a student
//! from outside the EU/EEA/Switzerland). The rules-as-data file that adds every situation of
//! DOMAIN.md §2 replaces this fixed list.

use crate::i18n::Msg;

/// Which certificate a document is needed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entitlement {
    /// Needed before the provisional certificate (attestation provisoire) can be issued.
    Provisional,
    /// Needed to complete the registration and get the permanent social security number.
    Final,
}

impl Entitlement {
    /// Both groups, in the order the checklist shows them.
    pub const ALL: [Entitlement; 2] = [Entitlement::Provisional, Entitlement::Final];
}

/// A document the portal asks for, by a stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentId {
    /// Proof of registration for the current academic year.
    CertificateOfStudies,
    /// Passport or national identity card.
    Identity,
    /// Student visa (VLS-TS).
    StudentVisa,
    /// Birth certificate showing the parents (avec filiation).
    BirthCertificate,
    /// Residence permit; the student visa may be uploaded again.
    ResidencePermit,
    /// Bank details (RIB) in the student's own name.
    Rib,
}

impl DocumentId {
    /// The guide's six documents, in the portal's order.
    pub const ALL: [DocumentId; 6] = [
        DocumentId::CertificateOfStudies,
        DocumentId::Identity,
        DocumentId::StudentVisa,
        DocumentId::BirthCertificate,
        DocumentId::ResidencePermit,
        DocumentId::Rib,
    ];

    /// The stable id used in URLs, element ids and the command line.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            DocumentId::CertificateOfStudies => "certificate_of_studies",
            DocumentId::Identity => "identity",
            DocumentId::StudentVisa => "student_visa",
            DocumentId::BirthCertificate => "birth_certificate",
            DocumentId::ResidencePermit => "residence_permit",
            DocumentId::Rib => "rib",
        }
    }

    /// The document's short name in the catalog.
    #[must_use]
    pub const fn name(self) -> Msg {
        match self {
            DocumentId::CertificateOfStudies => Msg::DocCertificateOfStudies,
            DocumentId::Identity => Msg::DocIdentity,
            DocumentId::StudentVisa => Msg::DocStudentVisa,
            DocumentId::BirthCertificate => Msg::DocBirthCertificate,
            DocumentId::ResidencePermit => Msg::DocResidencePermit,
            DocumentId::Rib => Msg::DocRib,
        }
    }

    /// Which certificate the document is needed for (the guide's two groups).
    #[must_use]
    pub const fn entitlement(self) -> Entitlement {
        match self {
            DocumentId::CertificateOfStudies | DocumentId::Identity | DocumentId::StudentVisa => {
                Entitlement::Provisional
            }
            DocumentId::BirthCertificate | DocumentId::ResidencePermit | DocumentId::Rib => {
                Entitlement::Final
            }
        }
    }
}

/// The documents of one group, and those of them not yet ready, in the portal's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupStatus {
    /// Which group.
    pub entitlement: Entitlement,
    /// Every document the group needs.
    pub required: Vec<DocumentId>,
    /// Those of `required` that are not in the ready set.
    pub missing: Vec<DocumentId>,
}

/// What each group still misses, given the documents that are ready.
#[must_use]
pub fn checklist(ready: &[DocumentId]) -> [GroupStatus; 2] {
    Entitlement::ALL.map(|entitlement| {
        let required: Vec<DocumentId> =
            DocumentId::ALL.into_iter().filter(|d| d.entitlement() == entitlement).collect();
        let missing = required.iter().copied().filter(|d| !ready.contains(d)).collect();
        GroupStatus { entitlement, required, missing }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case() {
        let mut ids: Vec<&str> = DocumentId::ALL.iter().map(|d| d.id()).collect();
        assert!(ids.iter().all(|id| id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), DocumentId::ALL.len());
    }

    #[test]
    fn the_guide_splits_three_and_three() {
        let [provisional, final_] = checklist(&[]);
        assert_eq!(
            provisional.required,
            [DocumentId::CertificateOfStudies, DocumentId::Identity, DocumentId::StudentVisa]
        );
        assert_eq!(
            final_.required,
            [DocumentId::BirthCertificate, DocumentId::ResidencePermit, DocumentId::Rib]
        );
        assert_eq!(provisional.missing, provisional.required);
        assert_eq!(final_.missing, final_.required);
    }

    #[test]
    fn ready_documents_leave_the_missing_list_only() {
        let [provisional, final_] = checklist(&[DocumentId::Identity, DocumentId::Rib]);
        assert_eq!(
            provisional.missing,
            [DocumentId::CertificateOfStudies, DocumentId::StudentVisa]
        );
        assert_eq!(final_.missing, [DocumentId::BirthCertificate, DocumentId::ResidencePermit]);
        assert_eq!(provisional.required.len(), 3);
    }
}
