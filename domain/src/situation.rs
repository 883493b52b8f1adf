//! From a student's answers to their situation: which questions to ask, in which order, and
//! which situation of the rules the answers lead to.

use serde::{Deserialize, Serialize};

use crate::countries::Country;
use crate::date::Date;
use crate::residence::{Held, Residence};
use crate::rules::{Rules, SituationId};

crate::vocabulary! {
    /// A question of the "Your situation" step, with the id of its element on the page. The
    /// code names the answer where it is kept; a yes/no question's legend is the catalog's
    /// `question.<code>`.
    pub enum Question as "question" {
        /// Nationality (a country).
        Nationality = "nationality" => "nationality",
        /// EU/EEA/Swiss: a European Health Insurance Card valid for the whole academic year?
        Ehic = "ehic" => "ehic",
        /// EU/EEA/Swiss without the card: an S1 form?
        S1 = "s1" => "s1",
        /// British: a UK student GHIC or EHIC valid for the academic year?
        UkGhic = "uk_ghic" => "uk-ghic",
        /// French: from an overseas collectivity, or born abroad?
        FrenchOverseas = "french_overseas" => "french-overseas",
        /// Anyone on the way to register: a French social security number already?
        AlreadyNumbered = "already_numbered" => "already-numbered",
        /// Anyone who would register, without a number: a PhD student under a French work
        /// contract, a refugee or an asylum seeker (insured through the CPAM, not the portal)?
        CpamRoute = "cpam_route" => "cpam-route",
        /// From outside the EU, of any nationality: insured by the RAMQ (Quebec) and covered by
        /// form SE 401-Q-106 or SE 401-Q-102?
        QuebecForm = "quebec_form" => "quebec-form",
        /// Non-EU student with a visa: a VLS-T (4 to 12 months, no online validation)?
        VlsT = "vls_t" => "vls-t",
        /// Date of birth (under 16 adds a document).
        BirthDate = "birth_date" => "birth",
    }
    /// The id of the question's element on the page.
    data fn dom_id -> &'static str;
    optional messages {
        legend = "question." code,
        hint = "question." code "_hint",
    }
}

/// What the student has answered so far. Answers to questions that no longer apply are kept,
/// so changing one's mind loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Answers {
    /// ISO 3166-1 alpha-2 code of the nationality.
    pub nationality: Option<String>,
    /// A European Health Insurance Card valid until the end of the academic year.
    pub ehic: Option<bool>,
    /// An S1 form.
    pub s1: Option<bool>,
    /// Form SE 401-Q-106 or SE 401-Q-102.
    pub quebec_form: Option<bool>,
    /// A UK student Global Health Insurance Card (or UK EHIC) valid for the academic year.
    pub uk_ghic: Option<bool>,
    /// A VLS-T "étudiant" (temporary long-stay visa, 4 to 12 months) rather than a VLS-TS.
    pub vls_t: Option<bool>,
    /// From Wallis-et-Futuna, New Caledonia, French Polynesia, Saint-Pierre-et-Miquelon, or
    /// born abroad.
    pub french_overseas: Option<bool>,
    /// Already has a French social security number (studied or worked in France, born here).
    pub already_numbered: Option<bool>,
    /// A PhD student under a French work contract, a refugee or an asylum seeker.
    pub cpam_route: Option<bool>,
    /// Date of birth.
    pub birth_date: Option<Date>,
    /// The residence document held, which the residence slot asks.
    pub residence: Option<Residence>,
}

/// Which branch of the questions a nationality leads to.
#[derive(Clone, Copy)]
enum Branch {
    Eu,
    Uk,
    France,
    Algeria,
    VisaExempt,
    Other,
}

impl Answers {
    /// The answer to a yes/no question (`None` for the others, and while unanswered).
    #[must_use]
    pub fn yes_no(&self, question: Question) -> Option<bool> {
        match question {
            Question::Ehic => self.ehic,
            Question::S1 => self.s1,
            Question::QuebecForm => self.quebec_form,
            Question::UkGhic => self.uk_ghic,
            Question::VlsT => self.vls_t,
            Question::FrenchOverseas => self.french_overseas,
            Question::AlreadyNumbered => self.already_numbered,
            Question::CpamRoute => self.cpam_route,
            Question::Nationality | Question::BirthDate => None,
        }
    }

    /// Answers a yes/no question; the others are not answered by yes or no.
    pub fn answer(&mut self, question: Question, yes: bool) {
        let slot = match question {
            Question::Ehic => &mut self.ehic,
            Question::S1 => &mut self.s1,
            Question::QuebecForm => &mut self.quebec_form,
            Question::UkGhic => &mut self.uk_ghic,
            Question::VlsT => &mut self.vls_t,
            Question::FrenchOverseas => &mut self.french_overseas,
            Question::AlreadyNumbered => &mut self.already_numbered,
            Question::CpamRoute => &mut self.cpam_route,
            Question::Nationality | Question::BirthDate => return,
        };
        *slot = Some(yes);
    }

    fn branch(&self, rules: &Rules) -> Option<Branch> {
        let code = self.nationality.as_deref()?;
        let country = Country::by_code(code)?;
        Some(match country.code {
            "FR" => Branch::France,
            "GB" => Branch::Uk,
            "DZ" => Branch::Algeria,
            "AD" | "MC" | "SM" | "VA" => Branch::VisaExempt,
            c if rules.is_eu_eea_switzerland(c) => Branch::Eu,
            _ => Branch::Other,
        })
    }

    /// The questions to show, in order, given the answers so far. Only what decides the
    /// documents is asked: the two questions that send a student to the CPAM instead come as
    /// soon as the student is on the way to register, before the visa's.
    #[must_use]
    pub fn questions(&self, rules: &Rules) -> Vec<Question> {
        let mut out = vec![Question::Nationality];
        let branch = self.branch(rules);
        match branch {
            Some(Branch::Eu) => {
                out.push(Question::Ehic);
                if self.ehic == Some(false) {
                    out.push(Question::S1);
                }
            }
            Some(Branch::Uk) => out.push(Question::UkGhic),
            Some(Branch::France) => out.push(Question::FrenchOverseas),
            Some(Branch::Algeria | Branch::VisaExempt | Branch::Other) | None => {}
        }
        if branch.and_then(|b| self.heads_to_register(b)) == Some(true) {
            out.push(Question::AlreadyNumbered);
            if self.already_numbered == Some(false) {
                out.push(Question::CpamRoute);
                // Every student from outside the EU may be insured by the RAMQ; only those
                // who need a visa other than an Algerian's are asked which one.
                if self.cpam_route == Some(false)
                    && matches!(
                        branch,
                        Some(Branch::Uk | Branch::Other | Branch::Algeria | Branch::VisaExempt)
                    )
                {
                    out.push(Question::QuebecForm);
                    if self.quebec_form.is_some()
                        && matches!(branch, Some(Branch::Uk | Branch::Other))
                    {
                        out.push(Question::VlsT);
                    }
                }
            }
        }
        out.push(Question::BirthDate);
        out
    }

    /// The situation the answers lead to, or `None` while a deciding question is unanswered.
    #[must_use]
    pub fn situation(&self, rules: &Rules) -> Option<SituationId> {
        let branch = self.branch(rules)?;
        if !self.heads_to_register(branch)? {
            return Some(match branch {
                Branch::Eu => SituationId::EuWithEhic,
                Branch::Uk => SituationId::UkWithGhic,
                _ => SituationId::FrenchNotConcerned,
            });
        }
        if self.already_numbered? {
            return Some(SituationId::AlreadyNumbered);
        }
        if self.cpam_route? {
            return Some(SituationId::CpamRoute);
        }
        Some(match branch {
            Branch::Eu => {
                if self.s1? {
                    SituationId::EuS1
                } else {
                    SituationId::EuWithoutEhic
                }
            }
            Branch::France => SituationId::FrenchOverseas,
            Branch::Algeria if self.quebec_form? => SituationId::QuebecAlgeria,
            Branch::Algeria => SituationId::Algeria,
            Branch::VisaExempt if self.quebec_form? => SituationId::QuebecVisaExempt,
            Branch::VisaExempt => SituationId::VisaExempt,
            Branch::Uk | Branch::Other => self.visa_route()?,
        })
    }

    /// Whether nationality and cards lead to a registration: `None` while that is unanswered.
    /// A European card, a UK student GHIC, or being French from mainland France means no
    /// registration; every other student registers, whichever visa they hold.
    fn heads_to_register(&self, branch: Branch) -> Option<bool> {
        Some(match branch {
            Branch::Eu => {
                if self.ehic? {
                    false
                } else {
                    self.s1?;
                    true
                }
            }
            Branch::Uk => !self.uk_ghic?,
            Branch::France => self.french_overseas?,
            Branch::Algeria | Branch::VisaExempt | Branch::Other => true,
        })
    }

    /// The situation of a student who comes with a student visa: the Quebec protocol covers
    /// students of any nationality insured by the RAMQ [official: cleiss.fr, Québec; DOMAIN.md
    /// §6]; with it or not, a student holds a VLS-T or, as most do, a VLS-TS, which decides
    /// what is left to do after arriving and, for a VLS-T, that the provisional number is kept.
    fn visa_route(&self) -> Option<SituationId> {
        Some(match (self.quebec_form?, self.vls_t?) {
            (true, true) => SituationId::QuebecVlsT,
            (true, false) => SituationId::Quebec,
            (false, true) => SituationId::NonEuVlsT,
            (false, false) => SituationId::NonEu,
        })
    }

    /// The residence document of the situation the answers lead to, as far as the student has
    /// said; while no situation is decided, the common case's (a student from outside the EU,
    /// whose checklist the page shows meanwhile), so that the residence slot, the checklist,
    /// the duplicate check and the timeline always follow the same answer.
    #[must_use]
    pub fn held(&self, rules: &Rules) -> Held {
        let situation = self.situation(rules).unwrap_or(SituationId::NonEu);
        Held::new(rules, situation, self.residence)
    }

    /// Age in full years on `today`, if the date of birth is known and not in the future.
    #[must_use]
    pub fn age_on(&self, today: Date) -> Option<u32> {
        self.birth_date?.age_on(today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(nationality: &str) -> Answers {
        Answers { nationality: Some(nationality.into()), ..Answers::default() }
    }

    #[test]
    fn each_nationality_asks_only_what_decides() {
        let rules = Rules::builtin().unwrap();
        use Question::*;
        use SituationId as S;
        // Neither a French number nor insured through the CPAM, as most students.
        let no =
            |a: Answers| Answers { already_numbered: Some(false), cpam_route: Some(false), ..a };
        let visa = [Nationality, AlreadyNumbered, CpamRoute, QuebecForm, VlsT, BirthDate];
        let uk = [Nationality, UkGhic, AlreadyNumbered, CpamRoute, QuebecForm, VlsT, BirthDate];
        let quebec = [Nationality, AlreadyNumbered, CpamRoute, QuebecForm, BirthDate];
        let cases: Vec<(Answers, &[Question], Option<SituationId>)> = vec![
            (Answers::default(), &[Nationality, BirthDate], None),
            // Outside the EU: the CPAM questions first, then the Quebec form, then the visa.
            (answers("IN"), &[Nationality, AlreadyNumbered, BirthDate], None),
            (
                Answers { already_numbered: Some(true), ..answers("IN") },
                &[Nationality, AlreadyNumbered, BirthDate],
                Some(S::AlreadyNumbered),
            ),
            (
                Answers { already_numbered: Some(false), ..answers("IN") },
                &[Nationality, AlreadyNumbered, CpamRoute, BirthDate],
                None,
            ),
            (
                Answers { already_numbered: Some(false), cpam_route: Some(true), ..answers("SY") },
                &[Nationality, AlreadyNumbered, CpamRoute, BirthDate],
                Some(S::CpamRoute),
            ),
            (
                no(answers("IN")),
                &[Nationality, AlreadyNumbered, CpamRoute, QuebecForm, BirthDate],
                None,
            ),
            // Insured by the RAMQ, of any nationality: the visa still decides the steps.
            (
                no(Answers { quebec_form: Some(true), vls_t: Some(true), ..answers("MA") }),
                &visa,
                Some(S::QuebecVlsT),
            ),
            (no(Answers { quebec_form: Some(true), ..answers("CA") }), &visa, None),
            (
                no(Answers { quebec_form: Some(true), vls_t: Some(false), ..answers("CA") }),
                &visa,
                Some(S::Quebec),
            ),
            (no(Answers { quebec_form: Some(false), ..answers("CA") }), &visa, None),
            (
                no(Answers { quebec_form: Some(false), vls_t: Some(false), ..answers("IN") }),
                &visa,
                Some(S::NonEu),
            ),
            (
                no(Answers { quebec_form: Some(false), vls_t: Some(true), ..answers("CL") }),
                &visa,
                Some(S::NonEuVlsT),
            ),
            // British: the GHIC first.
            (answers("GB"), &[Nationality, UkGhic, BirthDate], None),
            (
                Answers {
                    uk_ghic: Some(true),
                    vls_t: Some(true),
                    already_numbered: Some(true),
                    ..answers("GB")
                },
                &[Nationality, UkGhic, BirthDate],
                Some(S::UkWithGhic),
            ),
            (
                Answers { uk_ghic: Some(false), ..answers("GB") },
                &[Nationality, UkGhic, AlreadyNumbered, BirthDate],
                None,
            ),
            (
                no(Answers {
                    uk_ghic: Some(false),
                    quebec_form: Some(true),
                    vls_t: Some(false),
                    ..answers("GB")
                }),
                &uk,
                Some(S::Quebec),
            ),
            (
                no(Answers {
                    uk_ghic: Some(false),
                    quebec_form: Some(false),
                    vls_t: Some(false),
                    ..answers("GB")
                }),
                &uk,
                Some(S::NonEu),
            ),
            (
                no(Answers {
                    uk_ghic: Some(false),
                    quebec_form: Some(false),
                    vls_t: Some(true),
                    ..answers("GB")
                }),
                &uk,
                Some(S::NonEuVlsT),
            ),
            // Algerian and visa-exempt students: the Quebec form, and no visa question.
            (answers("DZ"), &[Nationality, AlreadyNumbered, BirthDate], None),
            (no(answers("DZ")), &quebec, None),
            (no(Answers { quebec_form: Some(false), ..answers("DZ") }), &quebec, Some(S::Algeria)),
            (
                no(Answers { quebec_form: Some(true), vls_t: Some(true), ..answers("DZ") }),
                &quebec,
                Some(S::QuebecAlgeria),
            ),
            (no(answers("AD")), &quebec, None),
            (
                no(Answers { quebec_form: Some(false), ..answers("AD") }),
                &quebec,
                Some(S::VisaExempt),
            ),
            (
                no(Answers { quebec_form: Some(false), ..answers("MC") }),
                &quebec,
                Some(S::VisaExempt),
            ),
            (
                no(Answers { quebec_form: Some(false), ..answers("SM") }),
                &quebec,
                Some(S::VisaExempt),
            ),
            (
                no(Answers { quebec_form: Some(true), ..answers("VA") }),
                &quebec,
                Some(S::QuebecVisaExempt),
            ),
            // EU, EEA, Swiss: the card, then the S1 form, then the CPAM questions.
            (answers("DE"), &[Nationality, Ehic, BirthDate], None),
            (
                Answers { ehic: Some(true), ..answers("CH") },
                &[Nationality, Ehic, BirthDate],
                Some(S::EuWithEhic),
            ),
            (
                Answers { ehic: Some(false), vls_t: Some(true), ..answers("NO") },
                &[Nationality, Ehic, S1, BirthDate],
                None,
            ),
            (
                no(Answers { ehic: Some(false), s1: Some(true), ..answers("IT") }),
                &[Nationality, Ehic, S1, AlreadyNumbered, CpamRoute, BirthDate],
                Some(S::EuS1),
            ),
            (
                no(Answers { ehic: Some(false), s1: Some(false), ..answers("IT") }),
                &[Nationality, Ehic, S1, AlreadyNumbered, CpamRoute, BirthDate],
                Some(S::EuWithoutEhic),
            ),
            (
                Answers {
                    ehic: Some(false),
                    s1: Some(false),
                    already_numbered: Some(false),
                    cpam_route: Some(true),
                    ..answers("IT")
                },
                &[Nationality, Ehic, S1, AlreadyNumbered, CpamRoute, BirthDate],
                Some(S::CpamRoute),
            ),
            // French: only those from overseas or born abroad register.
            (
                Answers { french_overseas: Some(true), ..answers("FR") },
                &[Nationality, FrenchOverseas, AlreadyNumbered, BirthDate],
                None,
            ),
            (
                no(Answers { french_overseas: Some(true), ..answers("FR") }),
                &[Nationality, FrenchOverseas, AlreadyNumbered, CpamRoute, BirthDate],
                Some(S::FrenchOverseas),
            ),
            (
                Answers {
                    french_overseas: Some(false),
                    already_numbered: Some(true),
                    ..answers("FR")
                },
                &[Nationality, FrenchOverseas, BirthDate],
                Some(S::FrenchNotConcerned),
            ),
        ];
        let reached: std::collections::BTreeSet<SituationId> =
            cases.iter().filter_map(|c| c.2).collect();
        assert_eq!(reached.len(), SituationId::ALL.len(), "every situation is reached above");
        for (a, questions, situation) in cases {
            assert_eq!(a.questions(&rules), questions, "{a:?}");
            assert_eq!(a.situation(&rules), situation, "{a:?}");
        }
    }

    #[test]
    fn answers_to_other_branches_are_kept_and_ignored() {
        let rules = Rules::builtin().unwrap();
        let mut a = Answers {
            ehic: Some(true),
            quebec_form: Some(true),
            already_numbered: Some(false),
            cpam_route: Some(false),
            ..answers("DE")
        };
        assert_eq!(a.situation(&rules), Some(SituationId::EuWithEhic));
        a.nationality = Some("CA".into());
        assert_eq!(a.situation(&rules), None, "the visa question is still unanswered");
        a.vls_t = Some(false);
        assert_eq!(a.situation(&rules), Some(SituationId::Quebec));
        a.nationality = Some("DE".into());
        assert_eq!(a.situation(&rules), Some(SituationId::EuWithEhic), "the card answer came back");
        a.nationality = Some("FR".into());
        assert_eq!(a.situation(&rules), None, "the French question is still unanswered");
        a.french_overseas = Some(false);
        assert_eq!(a.situation(&rules), Some(SituationId::FrenchNotConcerned));
    }

    #[test]
    fn yes_no_questions_are_answered_and_read_back() {
        let mut a = Answers::default();
        for (i, q) in Question::ALL.into_iter().enumerate() {
            a.answer(q, i % 2 == 0);
            let expected = q.legend().map(|_| i % 2 == 0);
            assert_eq!(a.yes_no(q), expected, "{q}: a yes/no question is one with a legend");
        }
    }

    #[test]
    fn an_unknown_code_is_no_answer() {
        let rules = Rules::builtin().unwrap();
        assert_eq!(answers("ZZ").situation(&rules), None);
    }
}
