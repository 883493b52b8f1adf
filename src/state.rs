//! The whole app state and the one reducer that changes it.

use std::collections::BTreeMap;
use std::rc::Rc;

use secu_precheck_domain::date::DateError;
use secu_precheck_domain::fields::{self, Field, FormInput, Report};
use secu_precheck_domain::postcodes::PostcodeBase;
use secu_precheck_domain::{Answers, Country, Date, DocumentId, Lang, Msg, Question, Rules};
use yew::Reducible;

/// Where a document stands in the checklist. No entry means missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocStatus {
    /// A file is being inspected.
    Checking,
    /// A file passed every check.
    Ready,
    /// A file has a problem; the message says which, in one line.
    NeedsAttention(Msg),
}

/// One of the three date fields, as the GOV.UK date pattern splits them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    /// Day of the month.
    Day,
    /// Month number.
    Month,
    /// Four-digit year.
    Year,
}

/// A date as typed in three fields, kept exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateFields {
    /// Day field.
    pub day: String,
    /// Month field.
    pub month: String,
    /// Year field.
    pub year: String,
}

impl DateFields {
    /// The date as `YYYY-MM-DD` for the field checks: empty while every field is empty, the
    /// date once real, and the fields as typed otherwise (which the checks call invalid).
    #[must_use]
    pub fn iso(&self) -> String {
        match self.parse() {
            Some(Ok(date)) => date.to_string(),
            _ if [&self.day, &self.month, &self.year].iter().all(|f| f.trim().is_empty()) => {
                String::new()
            }
            _ => format!("{}/{}/{}", self.day.trim(), self.month.trim(), self.year.trim()),
        }
    }

    /// The text of one part.
    pub fn part_mut(&mut self, part: DatePart) -> &mut String {
        match part {
            DatePart::Day => &mut self.day,
            DatePart::Month => &mut self.month,
            DatePart::Year => &mut self.year,
        }
    }

    /// `None` while a field is empty; then the date, or why it is not one.
    #[must_use]
    pub fn parse(&self) -> Option<Result<Date, DateError>> {
        if [&self.day, &self.month, &self.year].iter().any(|f| f.trim().is_empty()) {
            return None;
        }
        Some(Date::from_fields(&self.day, &self.month, &self.year))
    }
}

/// Everything the interface shows, in one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// The language of every visible text.
    pub lang: Lang,
    /// The day the app was opened, from the browser's clock.
    pub today: Date,
    /// The answers that decide the situation.
    pub answers: Answers,
    /// The nationality exactly as typed.
    pub nationality_text: String,
    /// The student has left the nationality field at least once (errors show from then on).
    pub nationality_committed: bool,
    /// The date of birth as typed.
    pub birth: DateFields,
    /// Documents with a file; the others are missing.
    pub statuses: BTreeMap<DocumentId, DocStatus>,
    /// The details step's fields as typed (date of birth and nationality come from step 1).
    pub details: FormInput,
    /// The start date of rights as typed.
    pub rights: DateFields,
    /// How many times the student asked to check the details (errors show from the first).
    pub details_checks: u32,
    /// The postcode base, loaded when the address needs it.
    pub postcodes: Postcodes,
}

/// Where the postcode base stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Postcodes {
    /// Not asked for yet.
    #[default]
    NotLoaded,
    /// On its way.
    Loading,
    /// Ready.
    Loaded(Rc<PostcodeBase>),
    /// Could not be loaded: postcodes are checked for their form only.
    Failed,
}

/// Every change the interface can make to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The student chose a language.
    SetLang(Lang),
    /// The student typed in the nationality field.
    TypeNationality(String),
    /// The student left the nationality field or picked from the list.
    CommitNationality,
    /// The student answered a yes/no question.
    Answer(Question, bool),
    /// The student typed in a date-of-birth field.
    TypeBirth(DatePart, String),
    /// A document's file changed state (`None`: no file any more).
    SetStatus(DocumentId, Option<DocStatus>),
    /// The student typed in a field of the details step.
    TypeField(Field, String),
    /// The student typed in a start-of-rights date field.
    TypeRights(DatePart, String),
    /// The student asked to check the details.
    CheckDetails,
    /// The postcode base's loading changed.
    SetPostcodes(Postcodes),
}

impl State {
    /// The state on first render.
    #[must_use]
    pub fn new(lang: Lang, today: Date) -> Self {
        Self {
            lang,
            today,
            answers: Answers::default(),
            nationality_text: String::new(),
            nationality_committed: false,
            birth: DateFields::default(),
            statuses: BTreeMap::new(),
            details: FormInput::default(),
            rights: DateFields::default(),
            details_checks: 0,
            postcodes: Postcodes::NotLoaded,
        }
    }

    /// Applies one action. Plain Rust, so native tests call it directly.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => {
                self.lang = lang;
                // A chosen country follows the language; a half-typed text stays as typed.
                if let Some(country) = self.chosen_country() {
                    self.nationality_text = country.name(lang).to_owned();
                }
            }
            Action::TypeNationality(text) => {
                self.answers.nationality = Country::find(&text).map(|c| c.code.to_owned());
                self.nationality_text = text;
            }
            Action::CommitNationality => {
                self.nationality_committed = !self.nationality_text.trim().is_empty();
                if let Some(country) = self.chosen_country() {
                    self.nationality_text = country.name(self.lang).to_owned();
                }
            }
            Action::Answer(question, yes) => {
                let slot = match question {
                    Question::Ehic => &mut self.answers.ehic,
                    Question::S1 => &mut self.answers.s1,
                    Question::QuebecForm => &mut self.answers.quebec_form,
                    Question::FrenchOverseas => &mut self.answers.french_overseas,
                    Question::Nationality | Question::BirthDate => return,
                };
                *slot = Some(yes);
            }
            Action::TypeBirth(part, text) => {
                *self.birth.part_mut(part) = text;
                self.answers.birth_date =
                    self.birth.parse().and_then(Result::ok).filter(|d| *d <= self.today);
            }
            Action::SetStatus(doc, status) => match status {
                Some(s) => {
                    self.statuses.insert(doc, s);
                }
                None => {
                    self.statuses.remove(&doc);
                }
            },
            Action::TypeField(field, text) => {
                let d = &mut self.details;
                let slot = match field {
                    Field::Title => &mut d.title,
                    Field::LastName => &mut d.last_name,
                    Field::FirstName => &mut d.first_name,
                    Field::BirthCountry => &mut d.birth_country,
                    Field::StreetNumber => &mut d.street_number,
                    Field::StreetComplement => &mut d.street_complement,
                    Field::LaneType => &mut d.lane_type,
                    Field::StreetName => &mut d.street_name,
                    Field::AddressExtra => &mut d.address_extra,
                    Field::Postcode => &mut d.postcode,
                    Field::Town => &mut d.town,
                    Field::Email => &mut d.email,
                    Field::EmailConfirmation => &mut d.email_confirmation,
                    Field::Phone => &mut d.phone,
                    // Asked in step 1, or as three fields.
                    Field::BirthDate | Field::Nationality | Field::RightsStartDate => return,
                };
                *slot = text;
            }
            Action::TypeRights(part, text) => *self.rights.part_mut(part) = text,
            Action::CheckDetails => self.details_checks += 1,
            Action::SetPostcodes(postcodes) => self.postcodes = postcodes,
        }
    }

    /// The country of the answers, if one is chosen.
    #[must_use]
    pub fn chosen_country(&self) -> Option<&'static Country> {
        self.answers.nationality.as_deref().and_then(Country::by_code)
    }

    /// What is wrong with the nationality field, once the student has left it.
    #[must_use]
    pub fn nationality_error(&self) -> Option<Msg> {
        (self.nationality_committed && self.answers.nationality.is_none())
            .then_some(Msg::QuestionNationalityUnknown)
    }

    /// What is wrong with the date of birth, once every field is filled in.
    #[must_use]
    pub fn birth_error(&self) -> Option<Msg> {
        match self.birth.parse()? {
            Err(_) => Some(Msg::QuestionBirthInvalid),
            Ok(date) if date > self.today => Some(Msg::QuestionBirthFuture),
            Ok(_) => None,
        }
    }

    /// The whole form as the portal will receive it: the details step's fields, with the date
    /// of birth and the nationality of step 1.
    #[must_use]
    pub fn form_input(&self) -> FormInput {
        FormInput {
            birth_date: self.birth.iso(),
            nationality: self
                .answers
                .nationality
                .clone()
                .unwrap_or_else(|| self.nationality_text.clone()),
            rights_start_date: self.rights.iso(),
            ..self.details.clone()
        }
    }

    /// The verdict on the form, with the postcode base when it is loaded.
    #[must_use]
    pub fn report(&self, rules: &Rules) -> Report {
        let base = match &self.postcodes {
            Postcodes::Loaded(base) => Some(&**base),
            _ => None,
        };
        fields::check(&self.form_input(), self.today, rules, base)
    }

    /// Documents whose file passed every check.
    #[must_use]
    pub fn ready(&self) -> Vec<DocumentId> {
        self.statuses.iter().filter(|(_, s)| **s == DocStatus::Ready).map(|(d, _)| *d).collect()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State::new(Lang::En, "2026-11-27".parse().unwrap())
    }

    #[test]
    fn set_lang_switches_and_switches_back() {
        let mut s = state();
        s.apply(Action::SetLang(Lang::Fr));
        assert_eq!(s.lang, Lang::Fr);
        s.apply(Action::SetLang(Lang::En));
        assert_eq!(s, state());
    }

    #[test]
    fn a_typed_country_is_chosen_and_follows_the_language() {
        let mut s = state();
        s.apply(Action::TypeNationality("algerie".into()));
        assert_eq!(s.answers.nationality.as_deref(), Some("DZ"));
        assert_eq!(s.nationality_text, "algerie", "kept as typed while typing");
        s.apply(Action::CommitNationality);
        assert_eq!(s.nationality_text, "Algeria");
        s.apply(Action::SetLang(Lang::Fr));
        assert_eq!(s.nationality_text, "Algérie");
        assert_eq!(s.nationality_error(), None);
    }

    #[test]
    fn an_unknown_country_is_an_error_only_once_the_field_is_left() {
        let mut s = state();
        s.apply(Action::TypeNationality("Atlantis".into()));
        assert_eq!(s.nationality_error(), None);
        s.apply(Action::CommitNationality);
        assert_eq!(s.nationality_error(), Some(Msg::QuestionNationalityUnknown));
        assert_eq!(s.nationality_text, "Atlantis", "what was typed is kept");
        s.apply(Action::SetLang(Lang::Fr));
        assert_eq!(s.nationality_text, "Atlantis");
    }

    #[test]
    fn the_date_of_birth_counts_once_complete_real_and_past() {
        let mut s = state();
        s.apply(Action::TypeBirth(DatePart::Day, "30".into()));
        s.apply(Action::TypeBirth(DatePart::Month, "2".into()));
        assert_eq!(s.birth_error(), None, "no error while a field is empty");
        s.apply(Action::TypeBirth(DatePart::Year, "2010".into()));
        assert_eq!(s.birth_error(), Some(Msg::QuestionBirthInvalid));
        assert_eq!(s.answers.birth_date, None);
        s.apply(Action::TypeBirth(DatePart::Day, " 28 ".into()));
        assert_eq!(s.birth_error(), None);
        assert_eq!(s.answers.birth_date, "2010-02-28".parse().ok());
        s.apply(Action::TypeBirth(DatePart::Year, "2030".into()));
        assert_eq!(s.birth_error(), Some(Msg::QuestionBirthFuture));
        assert_eq!(s.answers.birth_date, None);
        assert_eq!(s.birth.day, " 28 ", "kept as typed");
    }

    #[test]
    fn answers_are_kept_when_they_stop_applying() {
        let mut s = state();
        s.apply(Action::TypeNationality("Germany".into()));
        s.apply(Action::Answer(Question::Ehic, false));
        s.apply(Action::Answer(Question::S1, true));
        s.apply(Action::TypeNationality("Canada".into()));
        s.apply(Action::TypeNationality("Germany".into()));
        assert_eq!((s.answers.ehic, s.answers.s1), (Some(false), Some(true)));
    }

    #[test]
    fn the_form_takes_birth_date_and_nationality_from_step_1() {
        let mut s = state();
        s.apply(Action::TypeNationality("Sénégal".into()));
        s.apply(Action::TypeBirth(DatePart::Day, "14".into()));
        s.apply(Action::TypeBirth(DatePart::Month, "5".into()));
        s.apply(Action::TypeBirth(DatePart::Year, "2003".into()));
        s.apply(Action::TypeRights(DatePart::Day, "1".into()));
        s.apply(Action::TypeRights(DatePart::Month, "9".into()));
        s.apply(Action::TypeRights(DatePart::Year, "2026".into()));
        s.apply(Action::TypeField(Field::Email, " awa@gmail.com".into()));
        let input = s.form_input();
        assert_eq!(input.nationality, "SN");
        assert_eq!(input.birth_date, "2003-05-14");
        assert_eq!(input.rights_start_date, "2026-09-01");
        assert_eq!(input.email, " awa@gmail.com", "kept exactly as typed");
        s.apply(Action::TypeRights(DatePart::Day, "31".into()));
        s.apply(Action::TypeRights(DatePart::Month, "2".into()));
        assert_eq!(
            s.form_input().rights_start_date,
            "31/2/2026",
            "an impossible date stays visible as such"
        );
    }

    #[test]
    fn only_ready_documents_count_as_ready() {
        let mut s = state();
        s.apply(Action::SetStatus(DocumentId::Rib, Some(DocStatus::Ready)));
        s.apply(Action::SetStatus(DocumentId::Visa, Some(DocStatus::Checking)));
        s.apply(Action::SetStatus(
            DocumentId::Identity,
            Some(DocStatus::NeedsAttention(Msg::StatusAttention)),
        ));
        assert_eq!(s.ready(), [DocumentId::Rib]);
        s.apply(Action::SetStatus(DocumentId::Rib, None));
        assert!(s.ready().is_empty());
    }
}
