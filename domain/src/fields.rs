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

crate::vocabulary! {
    /// A field of the portal's form, in the portal's order, with the id of its input on the page
    /// (what an error links to); named by its code in `precheck fields` input. Its words are the
    /// catalog's `form.<code>` (label), `form.<code>_hint` and `field_error.<code>` (when empty).
    pub enum Field as "form field" {
        /// M. or Mme.
        Title = "title" => "title-m",
        /// Last name (nom).
        LastName = "last_name" => "last-name",
        /// First name (prénom).
        FirstName = "first_name" => "first-name",
        /// Date of birth.
        BirthDate = "birth_date" => "birth-day",
        /// Nationality.
        Nationality = "nationality" => "nationality",
        /// Country of birth.
        BirthCountry = "birth_country" => "birth-country",
        /// Start date of rights: the start of studies (ameli), not the certificate's date.
        RightsStartDate = "rights_start_date" => "rights-day",
        /// Street number.
        StreetNumber = "street_number" => "street-number",
        /// bis, ter, quater… decies, or a letter.
        StreetComplement = "street_complement" => "street-complement",
        /// Type of lane (rue, avenue…).
        LaneType = "lane_type" => "lane-type",
        /// Street name.
        StreetName = "street_name" => "street-name",
        /// Additional address information.
        AddressExtra = "address_extra" => "address-extra",
        /// Postcode.
        Postcode = "postcode" => "postcode",
        /// Town.
        Town = "town" => "town",
        /// Email.
        Email = "email" => "email",
        /// Email, typed again.
        EmailConfirmation = "email_confirmation" => "email-confirmation",
        /// Mobile phone.
        Phone = "phone" => "phone",
    }
    /// The id of the field's input on the page (the first input of a group).
    data fn input_id -> &'static str;
    messages {
        label = "form." code,
    }
    optional messages {
        hint = "form." code "_hint",
        required_message = "field_error." code,
    }
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

crate::vocabulary! {
    /// What is wrong with a field, as a stable code; its words are the catalog's
    /// `problem.<code>` (see [`Finding::message`] for the few that depend on the field).
    pub enum Problem as "field problem" {
        /// Empty, but the portal requires it.
        Required = "required",
        /// Longer than the portal accepts.
        TooLong = "too_long",
        /// Digits or symbols where only letters, spaces, hyphens and apostrophes belong.
        InvalidCharacters = "invalid_characters",
        /// A hyphen or apostrophe at the start or end, or two in a row.
        MisplacedPunctuation = "misplaced_punctuation",
        /// Letters of a non-Latin script: type the Latin-letter lines of the passport.
        NonLatinScript = "non_latin_script",
        /// FNU, XXX, SP…: what some passports print for "no first name", not a name.
        NamePlaceholder = "name_placeholder",
        /// Not one of M. or Mme.
        UnknownTitle = "unknown_title",
        /// Not a real date.
        InvalidDate = "invalid_date",
        /// A year typed with fewer than four digits (02 for 2002).
        ShortYear = "short_year",
        /// A date of birth whose day or month is unknown (00 or XX on the civil-status
        /// document): the form needs a whole date.
        UnknownDayOrMonth = "unknown_day_or_month",
        /// A date of birth in the future.
        DateInFuture = "date_in_future",
        /// A date of birth more than 120 years ago.
        DateTooOld = "date_too_old",
        /// A start date outside the current academic year.
        OutsideAcademicYear = "outside_academic_year",
        /// A start date more than a year away from today.
        FarFromToday = "far_from_today",
        /// Not a country of the list.
        UnknownCountry = "unknown_country",
        /// Not a lane type of the official list.
        UnknownLaneType = "unknown_lane_type",
        /// Not a whole number from 1 to 9999.
        InvalidStreetNumber = "invalid_street_number",
        /// Not bis, ter, quater or a single letter.
        InvalidComplement = "invalid_complement",
        /// A complement without a street number.
        ComplementWithoutNumber = "complement_without_number",
        /// Not five digits.
        InvalidPostcode = "invalid_postcode",
        /// Five digits, but no such French postcode.
        UnknownPostcode = "unknown_postcode",
        /// A town the base knows under another postcode, not this one (the suggestion names the
        /// postcode's town when there is only one).
        TownNotInPostcode = "town_not_in_postcode",
        /// A name the base does not know under any postcode: perhaps a former commune or a
        /// locality, so a warning, with the postcode's town suggested when there is only one.
        TownNotInBase = "town_not_in_base",
        /// A foreign student born in France, who most likely has a social security number
        /// already.
        BornInFrance = "born_in_france",
        /// Not an email address.
        InvalidEmail = "invalid_email",
        /// The part after @ has no dot.
        EmailDomainWithoutDot = "email_domain_without_dot",
        /// A known provider misspelt (gmial.com); the data carries the suggestion.
        EmailDomainTypo = "email_domain_typo",
        /// The confirmation differs from the email.
        EmailMismatch = "email_mismatch",
        /// Not a phone number.
        InvalidPhone = "invalid_phone",
        /// A French landline: the portal asks for a mobile.
        PhoneLandline = "phone_landline",
        /// A foreign number: the portal expects a French mobile.
        PhoneNotFrench = "phone_not_french",
    }
    messages {
        message = "problem." code,
    }
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

    /// The catalog message that says what is wrong and what to type instead: the problem's,
    /// except an empty field (which says what to enter there) and characters in a street name
    /// (where digits and dots belong). Some carry placeholders: `{first}`/`{second}` (academic
    /// year), `{towns}`, `{suggestion}`.
    #[must_use]
    pub fn message(&self) -> Msg {
        match (self.code, self.field) {
            (Problem::Required, field) => field.required_message().unwrap_or(self.code.message()),
            (Problem::InvalidCharacters, Field::StreetName) => Msg::ProblemInvalidCharactersStreet,
            (code, _) => code.message(),
        }
    }
}

/// What a student typed, field by field, every value text (empty when not typed). `precheck
/// fields` reads it as a JSON object keyed by the fields' codes, every key optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormInput([String; Field::ALL.len()]);

impl FormInput {
    /// The text of one field.
    #[must_use]
    pub fn get(&self, field: Field) -> &str {
        &self.0[field as usize]
    }

    /// Sets the text of one field.
    pub fn set(&mut self, field: Field, text: impl Into<String>) {
        self.0[field as usize] = text.into();
    }

    /// The fields typed in (not empty), in the form's order.
    pub fn typed(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL
            .into_iter()
            .zip(&self.0)
            .filter(|(_, t)| !t.is_empty())
            .map(|(f, t)| (f, t.as_str()))
    }
}

impl<S: Into<String>> FromIterator<(Field, S)> for FormInput {
    fn from_iter<I: IntoIterator<Item = (Field, S)>>(pairs: I) -> Self {
        let mut input = FormInput::default();
        for (field, text) in pairs {
            input.set(field, text);
        }
        input
    }
}

impl<'de> Deserialize<'de> for FormInput {
    /// A JSON object of texts keyed by field codes; an unknown key is refused with the list of
    /// the known ones.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<Field, String>::deserialize(d)?.into_iter().collect())
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
    r.take(Field::Title, title::Title::parse(input.get(Field::Title)), |t| t.as_str().to_owned());
    for field in [Field::LastName, Field::FirstName] {
        match name::PersonName::parse(field, input.get(field)) {
            Ok((name, warning)) => {
                r.keep(field, name.as_str().to_owned());
                if let Some(w) = warning {
                    r.add(w);
                }
            }
            Err(e) => r.add(e),
        }
    }
    r.take(
        Field::BirthDate,
        dates::birth_date(input.get(Field::BirthDate), today),
        Date::to_string,
    );
    let nationality = r.take(
        Field::Nationality,
        country(Field::Nationality, input.get(Field::Nationality)),
        |c| c.code.to_owned(),
    );
    let birth_country = r.take(
        Field::BirthCountry,
        country(Field::BirthCountry, input.get(Field::BirthCountry)),
        |c| c.code.to_owned(),
    );
    // Born in France, a foreign student was most likely given a number at birth (INSEE).
    if birth_country.is_some_and(|c| c.code == "FR") && nationality.is_some_and(|c| c.code != "FR")
    {
        r.add(Finding::warning(Field::BirthCountry, Problem::BornInFrance));
    }
    match dates::rights_start_date(input.get(Field::RightsStartDate), today, rules) {
        Ok((date, warnings)) => {
            r.keep(Field::RightsStartDate, date.to_string());
            for w in warnings {
                r.add(w);
            }
        }
        Err(e) => r.add(e),
    }
    let number =
        r.take(Field::StreetNumber, street::street_number(input.get(Field::StreetNumber)), |n| {
            n.map(|n| n.to_string()).unwrap_or_default()
        });
    let complement = r.take(
        Field::StreetComplement,
        street::complement(input.get(Field::StreetComplement)),
        |c| c.map(|c| c.to_string()).unwrap_or_default(),
    );
    if matches!(complement, Some(Some(_))) && matches!(number, Some(None)) {
        r.add(Finding::error(Field::StreetComplement, Problem::ComplementWithoutNumber));
    }
    r.take(Field::LaneType, lane_type::LaneType::parse(input.get(Field::LaneType)), |l| {
        l.fr.to_owned()
    });
    r.take(Field::StreetName, street::street_name(input.get(Field::StreetName)), Clone::clone);
    r.keep(Field::AddressExtra, street::collapse_spaces(input.get(Field::AddressExtra)));
    let postcode =
        r.take(Field::Postcode, street::postcode(input.get(Field::Postcode)), Clone::clone);
    let town = required(Field::Town, input.get(Field::Town));
    match (postcodes, postcode.as_deref(), town) {
        (_, _, Err(e)) => r.add(e),
        (Some(base), Some(code), Ok(typed)) => match base.towns(code) {
            None => {
                r.normalised.remove(&Field::Postcode);
                r.add(Finding::error(Field::Postcode, Problem::UnknownPostcode));
            }
            Some(_) => match base.town(code, typed) {
                Some(official) => r.keep(Field::Town, official.to_owned()),
                None if !base.knows(typed) => {
                    r.keep(Field::Town, street::collapse_spaces(typed));
                    r.add(Finding {
                        suggestion: base.suggestion(code, typed).map(str::to_owned),
                        ..Finding::warning(Field::Town, Problem::TownNotInBase)
                    });
                }
                None => r.add(Finding {
                    suggestion: base.suggestion(code, typed).map(str::to_owned),
                    ..Finding::error(Field::Town, Problem::TownNotInPostcode)
                }),
            },
        },
        (_, _, Ok(typed)) => r.keep(Field::Town, street::collapse_spaces(typed)),
    }
    let email = r.take(Field::Email, email::Email::parse(input.get(Field::Email)), |e| {
        e.as_str().to_owned()
    });
    if let Some(e) = &email {
        if let Some(suggestion) = e.typo_suggestion() {
            r.add(Finding {
                suggestion: Some(suggestion),
                ..Finding::warning(Field::Email, Problem::EmailDomainTypo)
            });
        }
    }
    match required(Field::EmailConfirmation, input.get(Field::EmailConfirmation)) {
        Err(e) => r.add(e),
        Ok(confirmation) if confirmation != input.get(Field::Email).trim() => {
            r.add(Finding::error(Field::EmailConfirmation, Problem::EmailMismatch));
        }
        Ok(confirmation) => r.keep(Field::EmailConfirmation, confirmation.to_owned()),
    }
    match phone::Phone::parse(input.get(Field::Phone)) {
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
