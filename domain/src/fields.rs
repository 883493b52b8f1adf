//! The portal's form, field by field (DOMAIN.md §1 step 2): each rule parses what a student
//! typed into a checked value, or says precisely what is wrong with stable codes. Wording lives
//! in the message catalog; this module only speaks in codes.

pub mod dates;
pub mod email;
pub mod lane_type;
pub mod name;
pub mod phone;
pub mod street;
pub mod title;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::countries::Country;
use crate::date::Date;
use crate::i18n::Msg;
use crate::postcodes::PostcodeBase;
use crate::rules::Rules;

/// A field of the portal's form, named as in `precheck fields` input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// M. or Mme.
    Title,
    /// Last name (nom).
    LastName,
    /// First name (prénom).
    FirstName,
    /// Date of birth.
    BirthDate,
    /// Nationality.
    Nationality,
    /// Country of birth.
    BirthCountry,
    /// Start date of rights: the first date on the certificate of studies.
    RightsStartDate,
    /// Street number.
    StreetNumber,
    /// bis, ter, quater or a letter.
    StreetComplement,
    /// Type of lane (rue, avenue…).
    LaneType,
    /// Street name.
    StreetName,
    /// Additional address information.
    AddressExtra,
    /// Postcode.
    Postcode,
    /// Town.
    Town,
    /// Email.
    Email,
    /// Email, typed again.
    EmailConfirmation,
    /// Mobile phone.
    Phone,
}

impl Field {
    /// Every field, in the portal's order.
    pub const ALL: [Field; 17] = [
        Field::Title,
        Field::LastName,
        Field::FirstName,
        Field::BirthDate,
        Field::Nationality,
        Field::BirthCountry,
        Field::RightsStartDate,
        Field::StreetNumber,
        Field::StreetComplement,
        Field::LaneType,
        Field::StreetName,
        Field::AddressExtra,
        Field::Postcode,
        Field::Town,
        Field::Email,
        Field::EmailConfirmation,
        Field::Phone,
    ];
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The portal will refuse it, or the registration will bounce.
    Error,
    /// Probably a mistake; the student should look again.
    Warning,
}

/// What is wrong with a field, as a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Empty, but the portal requires it.
    Required,
    /// Longer than the portal accepts.
    TooLong,
    /// Digits or symbols where only letters, spaces, hyphens and apostrophes belong.
    InvalidCharacters,
    /// A hyphen or apostrophe at the start or end, or two in a row.
    MisplacedPunctuation,
    /// Letters of a non-Latin script: type the Latin-letter lines of the passport.
    NonLatinScript,
    /// Not one of M. or Mme.
    UnknownTitle,
    /// Not a real date.
    InvalidDate,
    /// A date of birth in the future.
    DateInFuture,
    /// A date of birth more than 120 years ago.
    DateTooOld,
    /// A start date outside the current academic year.
    OutsideAcademicYear,
    /// A start date more than a year away from today.
    FarFromToday,
    /// Not a country of the list.
    UnknownCountry,
    /// Not a lane type of the official list.
    UnknownLaneType,
    /// Not a whole number from 1 to 9999.
    InvalidStreetNumber,
    /// Not bis, ter, quater or a single letter.
    InvalidComplement,
    /// A complement without a street number.
    ComplementWithoutNumber,
    /// Not five digits.
    InvalidPostcode,
    /// Five digits, but no such French postcode.
    UnknownPostcode,
    /// Not a town this postcode serves (the suggestion names it when there is only one).
    TownNotInPostcode,
    /// Not an email address.
    InvalidEmail,
    /// The part after @ has no dot.
    EmailDomainWithoutDot,
    /// A known provider misspelt (gmial.com); the data carries the suggestion.
    EmailDomainTypo,
    /// The confirmation differs from the email.
    EmailMismatch,
    /// Not a phone number.
    InvalidPhone,
    /// A French landline: the portal asks for a mobile.
    PhoneLandline,
    /// A foreign number: the portal expects a French mobile.
    PhoneNotFrench,
}

/// One finding: which field, what, how serious, and a suggestion when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The field.
    pub field: Field,
    /// The problem.
    pub code: Problem,
    /// Error or warning.
    #[serde(skip)]
    pub severity: Severity,
    /// What to type instead, when we can tell (e.g. `gmail.com`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Finding {
    fn error(field: Field, code: Problem) -> Self {
        Self { field, code, severity: Severity::Error, suggestion: None }
    }

    fn warning(field: Field, code: Problem) -> Self {
        Self { field, code, severity: Severity::Warning, suggestion: None }
    }
}

impl Finding {
    /// The catalog message that says what is wrong and what to type instead. Some carry
    /// placeholders: `{first}`/`{second}` (academic year), `{towns}`, `{suggestion}`.
    #[must_use]
    pub fn message(&self) -> Msg {
        use Problem as P;
        match (self.code, self.field) {
            (P::Required, f) => match f {
                Field::Title => Msg::FieldErrorTitle,
                Field::LastName => Msg::FieldErrorLastName,
                Field::FirstName => Msg::FieldErrorFirstName,
                Field::BirthDate => Msg::FieldErrorBirthDate,
                Field::Nationality => Msg::FieldErrorNationality,
                Field::BirthCountry => Msg::FieldErrorBirthCountry,
                Field::RightsStartDate => Msg::FieldErrorRightsStartDate,
                Field::LaneType => Msg::FieldErrorLaneType,
                Field::StreetName
                | Field::StreetNumber
                | Field::StreetComplement
                | Field::AddressExtra => Msg::FieldErrorStreetName,
                Field::Postcode => Msg::FieldErrorPostcode,
                Field::Town => Msg::FieldErrorTown,
                Field::Email => Msg::FieldErrorEmail,
                Field::EmailConfirmation => Msg::FieldErrorEmailConfirmation,
                Field::Phone => Msg::FieldErrorPhone,
            },
            (P::TooLong, _) => Msg::ProblemTooLong,
            (P::InvalidCharacters, Field::StreetName) => Msg::ProblemInvalidCharactersStreet,
            (P::InvalidCharacters, _) => Msg::ProblemInvalidCharactersName,
            (P::MisplacedPunctuation, _) => Msg::ProblemMisplacedPunctuation,
            (P::NonLatinScript, _) => Msg::ProblemNonLatinScript,
            (P::UnknownTitle, _) => Msg::ProblemUnknownTitle,
            (P::InvalidDate, _) => Msg::ProblemInvalidDate,
            (P::DateInFuture, _) => Msg::ProblemDateInFuture,
            (P::DateTooOld, _) => Msg::ProblemDateTooOld,
            (P::OutsideAcademicYear, _) => Msg::ProblemOutsideAcademicYear,
            (P::FarFromToday, _) => Msg::ProblemFarFromToday,
            (P::UnknownCountry, _) => Msg::ProblemUnknownCountry,
            (P::InvalidStreetNumber, _) => Msg::ProblemInvalidStreetNumber,
            (P::InvalidComplement, _) => Msg::ProblemInvalidComplement,
            (P::ComplementWithoutNumber, _) => Msg::ProblemComplementWithoutNumber,
            (P::UnknownLaneType, _) => Msg::ProblemUnknownLaneType,
            (P::InvalidPostcode, _) => Msg::ProblemInvalidPostcode,
            (P::UnknownPostcode, _) => Msg::ProblemUnknownPostcode,
            (P::TownNotInPostcode, _) => Msg::ProblemTownNotInPostcode,
            (P::InvalidEmail, _) => Msg::ProblemInvalidEmail,
            (P::EmailDomainWithoutDot, _) => Msg::ProblemEmailDomainWithoutDot,
            (P::EmailDomainTypo, _) => Msg::ProblemEmailDomainTypo,
            (P::EmailMismatch, _) => Msg::ProblemEmailMismatch,
            (P::InvalidPhone, _) => Msg::ProblemInvalidPhone,
            (P::PhoneLandline, _) => Msg::ProblemPhoneLandline,
            (P::PhoneNotFrench, _) => Msg::ProblemPhoneNotFrench,
        }
    }
}

/// What a student typed, as `precheck fields` reads it: every key optional, every value text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct FormInput {
    /// `M` / `M.` / `Mme` (or monsieur, madame, Mr, Mrs, Ms).
    pub title: String,
    /// Last name.
    pub last_name: String,
    /// First name.
    pub first_name: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// ISO alpha-2 code or a country name.
    pub nationality: String,
    /// ISO alpha-2 code or a country name.
    pub birth_country: String,
    /// `YYYY-MM-DD`.
    pub rights_start_date: String,
    /// 1–9999.
    pub street_number: String,
    /// bis, ter, quater or a letter.
    pub street_complement: String,
    /// Lane type.
    pub lane_type: String,
    /// Street name.
    pub street_name: String,
    /// Additional address information.
    pub address_extra: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub town: String,
    /// Email.
    pub email: String,
    /// Email again.
    pub email_confirmation: String,
    /// Mobile phone.
    pub phone: String,
}

impl FormInput {
    /// The text of one field.
    #[must_use]
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Title => &self.title,
            Field::LastName => &self.last_name,
            Field::FirstName => &self.first_name,
            Field::BirthDate => &self.birth_date,
            Field::Nationality => &self.nationality,
            Field::BirthCountry => &self.birth_country,
            Field::RightsStartDate => &self.rights_start_date,
            Field::StreetNumber => &self.street_number,
            Field::StreetComplement => &self.street_complement,
            Field::LaneType => &self.lane_type,
            Field::StreetName => &self.street_name,
            Field::AddressExtra => &self.address_extra,
            Field::Postcode => &self.postcode,
            Field::Town => &self.town,
            Field::Email => &self.email,
            Field::EmailConfirmation => &self.email_confirmation,
            Field::Phone => &self.phone,
        }
    }

    /// The text of one field, to change it.
    pub fn get_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::Title => &mut self.title,
            Field::LastName => &mut self.last_name,
            Field::FirstName => &mut self.first_name,
            Field::BirthDate => &mut self.birth_date,
            Field::Nationality => &mut self.nationality,
            Field::BirthCountry => &mut self.birth_country,
            Field::RightsStartDate => &mut self.rights_start_date,
            Field::StreetNumber => &mut self.street_number,
            Field::StreetComplement => &mut self.street_complement,
            Field::LaneType => &mut self.lane_type,
            Field::StreetName => &mut self.street_name,
            Field::AddressExtra => &mut self.address_extra,
            Field::Postcode => &mut self.postcode,
            Field::Town => &mut self.town,
            Field::Email => &mut self.email,
            Field::EmailConfirmation => &mut self.email_confirmation,
            Field::Phone => &mut self.phone,
        }
    }
}

/// The verdict on a whole form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Every error, in the form's order.
    pub errors: Vec<Finding>,
    /// Every warning, in the form's order.
    pub warnings: Vec<Finding>,
    /// Each valid field as it should be typed on the portal.
    pub normalised: BTreeMap<Field, String>,
}

impl Report {
    /// No error (warnings allowed).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    fn add(&mut self, finding: Finding) {
        match finding.severity {
            Severity::Error => self.errors.push(finding),
            Severity::Warning => self.warnings.push(finding),
        }
    }

    fn keep(&mut self, field: Field, value: String) {
        if !value.is_empty() {
            self.normalised.insert(field, value);
        }
    }

    /// Records a parse result: its normalised value, or its finding.
    fn take<T>(
        &mut self,
        field: Field,
        result: Result<T, Finding>,
        show: impl Fn(&T) -> String,
    ) -> Option<T> {
        match result {
            Ok(value) => {
                self.keep(field, show(&value));
                Some(value)
            }
            Err(finding) => {
                self.add(finding);
                None
            }
        }
    }
}

/// A required text: trimmed, or [`Problem::Required`].
fn required(field: Field, text: &str) -> Result<&str, Finding> {
    let text = text.trim();
    if text.is_empty() {
        Err(Finding::error(field, Problem::Required))
    } else {
        Ok(text)
    }
}

/// A country given by code or by name.
fn country(field: Field, text: &str) -> Result<&'static Country, Finding> {
    let text = required(field, text)?;
    Country::find(text).ok_or(Finding::error(field, Problem::UnknownCountry))
}

/// Checks every field of the form on `today`, with the academic year of `rules`, and the
/// postcode base when it is loaded (without it, postcodes and towns are checked for form only).
#[must_use]
pub fn check(
    input: &FormInput,
    today: Date,
    rules: &Rules,
    postcodes: Option<&PostcodeBase>,
) -> Report {
    let mut r = Report::default();
    r.take(Field::Title, title::Title::parse(&input.title), |t| t.as_str().to_owned());
    for (field, text) in
        [(Field::LastName, &input.last_name), (Field::FirstName, &input.first_name)]
    {
        match name::PersonName::parse(field, text) {
            Ok((name, warning)) => {
                r.keep(field, name.as_str().to_owned());
                if let Some(w) = warning {
                    r.add(w);
                }
            }
            Err(e) => r.add(e),
        }
    }
    r.take(Field::BirthDate, dates::birth_date(&input.birth_date, today), Date::to_string);
    r.take(Field::Nationality, country(Field::Nationality, &input.nationality), |c| {
        c.code.to_owned()
    });
    r.take(Field::BirthCountry, country(Field::BirthCountry, &input.birth_country), |c| {
        c.code.to_owned()
    });
    match dates::rights_start_date(&input.rights_start_date, today, rules) {
        Ok((date, warnings)) => {
            r.keep(Field::RightsStartDate, date.to_string());
            for w in warnings {
                r.add(w);
            }
        }
        Err(e) => r.add(e),
    }
    let number = r.take(Field::StreetNumber, street::street_number(&input.street_number), |n| {
        n.map(|n| n.to_string()).unwrap_or_default()
    });
    let complement =
        r.take(Field::StreetComplement, street::complement(&input.street_complement), |c| {
            c.map(|c| c.to_string()).unwrap_or_default()
        });
    if matches!(complement, Some(Some(_))) && matches!(number, Some(None)) {
        r.add(Finding::error(Field::StreetComplement, Problem::ComplementWithoutNumber));
    }
    r.take(Field::LaneType, lane_type::LaneType::parse(&input.lane_type), |l| l.fr.to_owned());
    r.take(Field::StreetName, street::street_name(&input.street_name), Clone::clone);
    r.keep(Field::AddressExtra, street::collapse_spaces(&input.address_extra));
    let postcode = r.take(Field::Postcode, street::postcode(&input.postcode), Clone::clone);
    let town = required(Field::Town, &input.town);
    match (postcodes, postcode.as_deref(), town) {
        (_, _, Err(e)) => r.add(e),
        (Some(base), Some(code), Ok(typed)) => match base.towns(code) {
            None => {
                r.normalised.remove(&Field::Postcode);
                r.add(Finding::error(Field::Postcode, Problem::UnknownPostcode));
            }
            Some(towns) => match base.town(code, typed) {
                Some(official) => r.keep(Field::Town, official.to_owned()),
                None => r.add(Finding {
                    suggestion: (towns.len() == 1).then(|| towns[0].clone()),
                    ..Finding::error(Field::Town, Problem::TownNotInPostcode)
                }),
            },
        },
        (_, _, Ok(typed)) => r.keep(Field::Town, street::collapse_spaces(typed)),
    }
    let email = r.take(Field::Email, email::Email::parse(&input.email), |e| e.as_str().to_owned());
    if let Some(e) = &email {
        if let Some(suggestion) = e.typo_suggestion() {
            r.add(Finding {
                suggestion: Some(suggestion),
                ..Finding::warning(Field::Email, Problem::EmailDomainTypo)
            });
        }
    }
    match required(Field::EmailConfirmation, &input.email_confirmation) {
        Err(e) => r.add(e),
        Ok(confirmation) if confirmation != input.email.trim() => {
            r.add(Finding::error(Field::EmailConfirmation, Problem::EmailMismatch));
        }
        Ok(confirmation) => r.keep(Field::EmailConfirmation, confirmation.to_owned()),
    }
    match phone::Phone::parse(&input.phone) {
        Ok(p) => {
            r.keep(Field::Phone, p.display());
            if let Some(w) = p.warning() {
                r.add(Finding::warning(Field::Phone, w));
            }
        }
        Err(e) => r.add(e),
    }
    r
}
