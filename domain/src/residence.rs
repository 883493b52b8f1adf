//! The residence document a student holds, which the residence slot asks for: from the list of
//! the arrêté of 10 May 2017 (the documents that make a foreign national's stay regular for the
//! health insurance, Légifrance JORFTEXT000034677457), in the student's words. Which ones a
//! situation offers, each with its sources, is `rules.json`'s `residence`; what the choice
//! changes is here: whether the visa's file may stand for it, which note the visa's slot keeps,
//! and what is left to do after arriving.

use crate::i18n::Msg;
use crate::rules::{DocumentId, Rules, SituationId};

crate::vocabulary! {
    /// A residence document, as the residence slot offers it. Its label and what it means for
    /// the upload are the catalog's `residence.<code>` and `residence.<code>_explain`.
    pub enum Residence as "residence document" {
        /// A long-stay visa that is a residence permit (VLS-TS), validated online on the ANEF
        /// site: the visa with its validation attestation, one PDF [official: arrêté, item 11].
        ValidatedVisa = "vls_ts",
        /// A residence card: carte de séjour temporaire or pluriannuelle, carte de résident, or
        /// an Andorran national's titre de séjour [official: arrêté, items 1 to 10 and 12].
        Card = "card",
        /// A Monegasque passport with the French consul general's mention that stands for a
        /// stay authorisation [official: arrêté, item 19].
        MonacoPassport = "monaco_passport",
        /// A certificate of residence of an Algerian national [official: arrêté, item 13].
        AlgerianCertificate = "algerian_certificate",
        /// The prefecture's receipt of an application to renew a card [official: arrêté, item
        /// 14], or of a first application, or the ANEF site's attestation, read here as item
        /// 20's "any valid named prefecture document" [official text; the reading is ours].
        Receipt = "receipt",
        /// A provisional stay authorisation (APS) [official: arrêté, item 18].
        Aps = "aps",
        /// An Algerian student with the visa only: the visa D is not on the arrêté's list.
        NotYet = "not_yet",
        /// A visa-exempt student told that no residence document is needed.
        NoneNeeded = "none_needed",
    }
    messages {
        label = "residence." code,
        explain = "residence." code "_explain",
    }
}

/// The residence document of a situation, as far as the student has said: what the residence
/// slot, the visa's and the timeline follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    /// The situation.
    pub situation: SituationId,
    /// The answer, if the situation offers it (an answer given for another situation is
    /// kept in the answers, and ignored here).
    pub residence: Option<Residence>,
}

impl Held {
    /// The answer `residence` in `situation`, ignored if the situation does not offer it.
    #[must_use]
    pub fn new(rules: &Rules, situation: SituationId, residence: Option<Residence>) -> Self {
        let offered = &rules.situation(situation).residence;
        Held { situation, residence: residence.filter(|r| offered.contains_key(r)) }
    }

    /// The choices of the situation's residence slot, in the order shown, which is the
    /// vocabulary's (none if it has no residence slot).
    pub fn choices(rules: &Rules, situation: SituationId) -> impl Iterator<Item = Residence> + '_ {
        rules.situation(situation).residence.keys().copied()
    }

    /// Whether the visa's file may stand in the residence slot too: only where the visa is
    /// itself the residence permit, a VLS-TS once validated (the university guide's "put your
    /// student visa a second time"), and so also while the student has not said (most hold
    /// one). A card, a receipt or an Algerian certificate is a document of its own, and an
    /// Algerian student's visa is not on the list.
    #[must_use]
    pub fn visa_again(self, rules: &Rules) -> bool {
        let rule = rules.situation(self.situation);
        let both = [DocumentId::Visa, DocumentId::ResidencePermit]
            .iter()
            .all(|d| rule.documents.contains(d));
        let offers_visa = rule.residence.contains_key(&Residence::ValidatedVisa);
        both && offers_visa && matches!(self.residence, None | Some(Residence::ValidatedVisa))
    }

    /// Whether the slot should say that the visa's file does not stand for the residence
    /// document: where the situation has a visa's box and the answer is a document of its own.
    #[must_use]
    pub fn not_the_visa(self, rules: &Rules) -> bool {
        let has_visa = rules.situation(self.situation).documents.contains(&DocumentId::Visa);
        has_visa && self.residence.is_some() && !self.visa_again(rules)
    }

    /// Whether the student holds a residence document that is not the visa, so that nothing
    /// about the visa is left to do.
    #[must_use]
    pub fn settled(self) -> bool {
        matches!(
            self.residence,
            Some(
                Residence::Card
                    | Residence::MonacoPassport
                    | Residence::AlgerianCertificate
                    | Residence::Receipt
                    | Residence::Aps
            )
        )
    }

    /// The situation's note on a document's slot, if it keeps one for this answer: a student
    /// who holds a card, a receipt or an APS has nothing left to do with the visa, so its note
    /// (how to validate a VLS-TS) is not theirs.
    #[must_use]
    pub fn note(self, doc: DocumentId) -> Option<Msg> {
        if doc == DocumentId::Visa && self.settled() {
            return None;
        }
        self.situation.note(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Residence::*;

    #[test]
    fn each_situation_with_a_residence_slot_offers_its_documents() {
        let rules = Rules::builtin().unwrap();
        let offered = |s| Held::choices(&rules, s).collect::<Vec<_>>();
        assert_eq!(offered(SituationId::NonEu), [ValidatedVisa, Card, Receipt, Aps]);
        assert_eq!(offered(SituationId::Algeria), [AlgerianCertificate, Receipt, NotYet]);
        assert_eq!(offered(SituationId::VisaExempt), [Card, MonacoPassport, Receipt, NoneNeeded]);
        for s in SituationId::ALL {
            let slot = rules.situation(s).documents.contains(&DocumentId::ResidencePermit);
            assert_eq!(offered(s).is_empty(), !slot, "{s}: choices exactly with the slot");
        }
    }

    #[test]
    fn the_visa_stands_for_the_residence_permit_only_as_a_validated_vls_ts() {
        let rules = Rules::builtin().unwrap();
        let again = |s, r| Held::new(&rules, s, r).visa_again(&rules);
        assert!(again(SituationId::NonEu, None), "most hold a VLS-TS");
        assert!(again(SituationId::NonEu, Some(ValidatedVisa)));
        for r in [Card, Receipt, Aps] {
            assert!(!again(SituationId::NonEu, Some(r)), "{r}");
        }
        for r in [None, Some(AlgerianCertificate), Some(Receipt), Some(NotYet)] {
            assert!(!again(SituationId::Algeria, r), "an Algerian's visa D is not on the list");
        }
        assert!(!again(SituationId::VisaExempt, None), "no visa");
        assert!(!again(SituationId::Quebec, None), "no residence slot");
    }

    #[test]
    fn an_answer_the_situation_does_not_offer_is_ignored() {
        let rules = Rules::builtin().unwrap();
        let held = Held::new(&rules, SituationId::Algeria, Some(ValidatedVisa));
        assert_eq!(held.residence, None);
        assert!(!held.settled());
        let held = Held::new(&rules, SituationId::EuS1, Some(Card));
        assert_eq!(held.residence, None);
    }

    #[test]
    fn a_card_holder_keeps_no_note_on_validating_the_visa() {
        let rules = Rules::builtin().unwrap();
        let note = |r| Held::new(&rules, SituationId::NonEu, r).note(DocumentId::Visa);
        assert!(note(None).is_some());
        assert!(note(Some(ValidatedVisa)).is_some());
        assert!(note(Some(Card)).is_none());
        assert!(note(Some(Receipt)).is_none());
    }
}
