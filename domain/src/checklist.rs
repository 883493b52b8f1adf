//! What a situation needs, and what is still missing for each certificate.

use serde::Serialize;

use crate::date::Date;
use crate::rules::{DocumentId, Entitlement, Outcome, Rules, SituationId};

/// The documents of a situation, split by certificate, and those not ready yet.
/// Serialised as the command line prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checklist {
    /// The situation it is for.
    #[serde(skip)]
    pub situation: SituationId,
    /// Register, or no registration needed.
    pub outcome: Outcome,
    /// Needed for the provisional certificate, in the portal's order.
    pub provisional: Vec<DocumentId>,
    /// Needed for final entitlement, in the portal's order.
    #[serde(rename = "final")]
    pub final_: Vec<DocumentId>,
    /// Of `provisional`, those not ready.
    pub missing_for_provisional: Vec<DocumentId>,
    /// Of `final`, those not ready.
    pub missing_for_final: Vec<DocumentId>,
}

impl Checklist {
    /// The documents of a situation for a student of `age` (unknown: no age rule applies),
    /// with those in `ready` counted as done.
    #[must_use]
    pub fn new(
        rules: &Rules,
        situation: SituationId,
        age: Option<u32>,
        ready: &[DocumentId],
    ) -> Self {
        let rule = rules.situation(situation);
        let mut required = rule.documents.to_vec();
        if rule.outcome == Outcome::Register {
            if let Some(age) = age {
                for extra in rules.age_rules.iter().filter(|r| age < r.under_years) {
                    required.extend(extra.adds.iter().filter(|d| !rule.documents.contains(d)));
                }
            }
        }
        let group = |e: Entitlement| -> Vec<DocumentId> {
            required.iter().copied().filter(|&d| rules.document(d).entitlement == e).collect()
        };
        let provisional = group(Entitlement::Provisional);
        let final_ = group(Entitlement::Final);
        let missing =
            |docs: &[DocumentId]| docs.iter().copied().filter(|d| !ready.contains(d)).collect();
        Self {
            situation,
            outcome: rule.outcome,
            missing_for_provisional: missing(&provisional),
            missing_for_final: missing(&final_),
            provisional,
            final_,
        }
    }

    /// The checklist for a birth date, on `today`.
    #[must_use]
    pub fn for_birth_date(
        rules: &Rules,
        situation: SituationId,
        birth_date: Option<Date>,
        today: Date,
        ready: &[DocumentId],
    ) -> Self {
        Self::new(rules, situation, birth_date.and_then(|b| b.age_on(today)), ready)
    }

    /// The documents of one group.
    #[must_use]
    pub fn required(&self, e: Entitlement) -> &[DocumentId] {
        match e {
            Entitlement::Provisional => &self.provisional,
            Entitlement::Final => &self.final_,
        }
    }

    /// The missing documents of one group.
    #[must_use]
    pub fn missing(&self, e: Entitlement) -> &[DocumentId] {
        match e {
            Entitlement::Provisional => &self.missing_for_provisional,
            Entitlement::Final => &self.missing_for_final,
        }
    }

    /// Every required document, provisional first.
    pub fn all(&self) -> impl Iterator<Item = DocumentId> + '_ {
        self.provisional.iter().chain(&self.final_).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DocumentId::*;

    /// Every situation, under and over 16: the exact document lists (issue #3's table).
    #[test]
    fn every_situation_under_and_over_16() {
        let rules = Rules::builtin().unwrap();
        type Row = (SituationId, Outcome, &'static [DocumentId], &'static [DocumentId]);
        let table: [Row; 13] = [
            (
                SituationId::NonEu,
                Outcome::Register,
                &[CertificateOfStudies, Identity, Visa],
                &[BirthCertificate, ResidencePermit, Rib],
            ),
            (
                SituationId::NonEuVlsT,
                Outcome::Register,
                &[CertificateOfStudies, Identity, Visa],
                &[],
            ),
            (SituationId::EuWithEhic, Outcome::NoRegistrationNeeded, &[], &[]),
            (
                SituationId::EuWithoutEhic,
                Outcome::Register,
                &[CertificateOfStudies, Identity, ResourcesAttestation],
                &[BirthCertificate, Rib],
            ),
            (
                SituationId::EuS1,
                Outcome::Register,
                &[CertificateOfStudies, Identity, S1Form],
                &[BirthCertificate, Rib],
            ),
            (
                SituationId::Quebec,
                Outcome::Register,
                &[CertificateOfStudies, Identity, Visa, QuebecForm],
                &[BirthCertificate, Rib],
            ),
            (
                SituationId::FrenchOverseas,
                Outcome::Register,
                &[CertificateOfStudies, Identity],
                &[BirthCertificate, Rib],
            ),
            (
                SituationId::Algeria,
                Outcome::Register,
                &[CertificateOfStudies, Identity, Visa],
                &[BirthCertificate, ResidencePermit, Rib],
            ),
            (
                SituationId::VisaExempt,
                Outcome::Register,
                &[CertificateOfStudies, Identity],
                &[BirthCertificate, ResidencePermit, Rib],
            ),
            (SituationId::UkWithGhic, Outcome::NoRegistrationNeeded, &[], &[]),
            (SituationId::FrenchNotConcerned, Outcome::NoRegistrationNeeded, &[], &[]),
            (SituationId::AlreadyNumbered, Outcome::NoRegistrationNeeded, &[], &[]),
            (SituationId::CpamRoute, Outcome::NoRegistrationNeeded, &[], &[]),
        ];
        assert_eq!(table.len(), SituationId::ALL.len(), "every situation is in the table");
        for (situation, outcome, provisional, final_) in table {
            for age in [None, Some(16), Some(25)] {
                let c = Checklist::new(&rules, situation, age, &[]);
                assert_eq!(c.outcome, outcome, "{situation} at {age:?}");
                assert_eq!(c.provisional, provisional, "{situation} at {age:?}");
                assert_eq!(c.final_, final_, "{situation} at {age:?}");
            }
            let young = Checklist::new(&rules, situation, Some(15), &[]);
            let mut expected = provisional.to_vec();
            if outcome == Outcome::Register {
                expected.push(ParentalAuthorisation);
            }
            assert_eq!(young.provisional, expected, "{situation} under 16");
            assert_eq!(young.final_, final_, "{situation} under 16");
            assert_eq!(young.missing_for_provisional, young.provisional);
        }
    }

    #[test]
    fn ready_documents_leave_only_the_missing_lists() {
        let rules = Rules::builtin().unwrap();
        let c = Checklist::new(&rules, SituationId::NonEu, Some(20), &[Identity, Rib, S1Form]);
        assert_eq!(c.missing_for_provisional, [CertificateOfStudies, Visa]);
        assert_eq!(c.missing_for_final, [BirthCertificate, ResidencePermit]);
        assert_eq!(c.provisional.len(), 3);
    }

    #[test]
    fn the_age_is_taken_on_the_day_of_the_check() {
        let rules = Rules::builtin().unwrap();
        let born = "2010-11-28".parse().ok();
        let before = Checklist::for_birth_date(
            &rules,
            SituationId::NonEu,
            born,
            "2026-11-27".parse().unwrap(),
            &[],
        );
        let on = Checklist::for_birth_date(
            &rules,
            SituationId::NonEu,
            born,
            "2026-11-28".parse().unwrap(),
            &[],
        );
        assert!(before.provisional.contains(&ParentalAuthorisation));
        assert!(!on.provisional.contains(&ParentalAuthorisation));
    }

    #[test]
    fn serialises_as_the_command_line_prints_it() {
        let rules = Rules::builtin().unwrap();
        let c = Checklist::new(&rules, SituationId::EuS1, None, &[Identity]);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            r#"{"outcome":"register","provisional":["certificate_of_studies","identity","s1_form"],"final":["birth_certificate","rib"],"missing_for_provisional":["certificate_of_studies","s1_form"],"missing_for_final":["birth_certificate","rib"]}"#
        );
    }
}
