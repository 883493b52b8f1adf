//! What a situation needs, and what is still missing for each certificate.

use serde::Serialize;

use crate::date::Date;
use crate::i18n::Msg;
use crate::residence::{Held, Residence};
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
    /// The residence slot, for a situation that has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub residence: Option<ResidenceSlot>,
}

/// What the residence slot asks, and what the answer decides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResidenceSlot {
    /// The residence documents to choose from, in the order shown.
    pub choices: Vec<Residence>,
    /// The one the student holds, once said.
    pub held: Option<Residence>,
    /// Whether the visa's file may stand in the residence slot too.
    pub visa_again: bool,
}

impl ResidenceSlot {
    /// The slot of `held`'s situation, if it has one.
    fn of(rules: &Rules, held: Held) -> Option<Self> {
        let choices: Vec<Residence> = Held::choices(rules, held.situation).collect();
        (!choices.is_empty()).then(|| ResidenceSlot {
            choices,
            held: held.residence,
            visa_again: held.visa_again(rules),
        })
    }
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
        let residence = ResidenceSlot::of(rules, Held::new(rules, situation, None));
        Self {
            residence,
            situation,
            outcome: rule.outcome,
            missing_for_provisional: missing(&provisional),
            missing_for_final: missing(&final_),
            provisional,
            final_,
        }
    }

    /// The same checklist for a student who holds `residence` (ignored where the situation does
    /// not offer it).
    #[must_use]
    pub fn holding(mut self, rules: &Rules, residence: Option<Residence>) -> Self {
        self.residence = ResidenceSlot::of(rules, Held::new(rules, self.situation, residence));
        self
    }

    /// The line of a document's checklist row, if it has one: the residence permit's "you may
    /// upload your student visa again" only where the visa may stand for it.
    #[must_use]
    pub fn row_note(&self, doc: DocumentId) -> Option<Msg> {
        let visa_again = self.residence.as_ref().is_some_and(|r| r.visa_again);
        doc.row().filter(|_| doc != DocumentId::ResidencePermit || visa_again)
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
        let table: [Row; 16] = [
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
                SituationId::QuebecVlsT,
                Outcome::Register,
                &[CertificateOfStudies, Identity, Visa, QuebecForm],
                &[],
            ),
            (
                SituationId::QuebecAlgeria,
                Outcome::Register,
                &[CertificateOfStudies, Identity, Visa, QuebecForm],
                &[BirthCertificate, Rib],
            ),
            (
                SituationId::QuebecVisaExempt,
                Outcome::Register,
                &[CertificateOfStudies, Identity, QuebecForm],
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

    /// Every situation with a residence slot × under/over 16 × the residence document held: the
    /// same document lists, and whether the visa's file may stand for the residence permit.
    #[test]
    fn every_residence_document_held() {
        use Residence::*;
        let rules = Rules::builtin().unwrap();
        type Row = (SituationId, Option<Residence>, bool);
        let table: [Row; 14] = [
            (SituationId::NonEu, None, true),
            (SituationId::NonEu, Some(ValidatedVisa), true),
            (SituationId::NonEu, Some(Card), false),
            (SituationId::NonEu, Some(Receipt), false),
            (SituationId::NonEu, Some(Aps), false),
            (SituationId::Algeria, None, false),
            (SituationId::Algeria, Some(AlgerianCertificate), false),
            (SituationId::Algeria, Some(Receipt), false),
            (SituationId::Algeria, Some(NotYet), false),
            (SituationId::VisaExempt, None, false),
            (SituationId::VisaExempt, Some(Card), false),
            (SituationId::VisaExempt, Some(MonacoPassport), false),
            (SituationId::VisaExempt, Some(Receipt), false),
            (SituationId::VisaExempt, Some(NoneNeeded), false),
        ];
        for s in SituationId::ALL {
            let rows = table.iter().filter(|r| r.0 == s).count();
            let choices = Held::choices(&rules, s).count();
            assert_eq!(rows, if choices == 0 { 0 } else { choices + 1 }, "{s}: every choice");
        }
        for (situation, held, visa_again) in table {
            for age in [Some(15), Some(25)] {
                let plain = Checklist::new(&rules, situation, age, &[]);
                let c = plain.clone().holding(&rules, held);
                assert_eq!((&c.provisional, &c.final_), (&plain.provisional, &plain.final_));
                assert!(c.final_.contains(&ResidencePermit), "{situation}");
                let slot = c.residence.expect("a residence slot");
                assert_eq!(slot.held, held, "{situation}");
                assert_eq!(slot.visa_again, visa_again, "{situation} holding {held:?}");
            }
        }
        let quebec =
            Checklist::new(&rules, SituationId::Quebec, None, &[]).holding(&rules, Some(Card));
        assert_eq!(quebec.residence, None, "no residence slot, no answer");
        let json = serde_json::to_string(
            &Checklist::new(&rules, SituationId::Algeria, None, &[]).holding(&rules, Some(NotYet)),
        )
        .unwrap();
        assert!(
            json.ends_with(r#""residence":{"choices":["algerian_certificate","receipt","not_yet"],"held":"not_yet","visa_again":false}}"#),
            "{json}"
        );
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
