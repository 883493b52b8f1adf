//! The answers kept on the device when the student asks for it ("keep my answers"): what was
//! typed, never a file, as a query string under a versioned key. Every key of the record is a
//! stable code, spelt out by a test, so no rename in the code loses a student's answers.

use secu_precheck_domain::date::{DateFields, DatePart};
use secu_precheck_domain::fields::{Field, FormInput};
use secu_precheck_domain::{Answers, DocumentId, Question};

use crate::wire::record::{flag, Lookup, Record};

/// The answers kept on the device when the student asks for it: what was typed, never a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// The language code.
    pub lang: String,
    /// The situation answers.
    pub answers: Answers,
    /// The nationality as typed.
    pub nationality_text: String,
    /// The date of birth as typed.
    pub birth: DateFields,
    /// The details step as typed, field by field.
    pub details: FormInput,
    /// The start of rights as typed.
    pub rights: DateFields,
    /// The arrival date as typed.
    pub arrival: DateFields,
}

impl Saved {
    /// The storage key: versioned, so a future format never misreads this one.
    pub const KEY: &'static str = "secu-precheck/answers/v3";
    /// Where version 2 kept answers (the same record, its fields named by Rust identifiers):
    /// read when there is no version 3, then replaced by it.
    pub const V2_KEY: &'static str = "secu-precheck/answers/v2";
    /// Where version 1 (JSON) kept answers: removed when found, never read, as the student
    /// asked to keep answers on this device, not to keep old copies.
    pub const REMOVED_KEYS: [&'static str; 1] = ["secu-precheck/answers/v1"];

    /// The names version 2 gave the details' fields. Frozen: kept answers written under them
    /// still load.
    const V2_FIELD_NAMES: [(Field, &'static str); 17] = [
        (Field::Title, "Title"),
        (Field::LastName, "LastName"),
        (Field::FirstName, "FirstName"),
        (Field::BirthDate, "BirthDate"),
        (Field::Nationality, "Nationality"),
        (Field::BirthCountry, "BirthCountry"),
        (Field::RightsStartDate, "RightsStartDate"),
        (Field::StreetNumber, "StreetNumber"),
        (Field::StreetComplement, "StreetComplement"),
        (Field::LaneType, "LaneType"),
        (Field::StreetName, "StreetName"),
        (Field::AddressExtra, "AddressExtra"),
        (Field::Postcode, "Postcode"),
        (Field::Town, "Town"),
        (Field::Email, "Email"),
        (Field::EmailConfirmation, "EmailConfirmation"),
        (Field::Phone, "Phone"),
    ];

    /// The record kept on the device (a query string: `lang=fr&details.email=a%40b.fr&…`),
    /// every key a stable code: the language, each answer by its question's code, the dates
    /// by part, each typed field as `details.<field code>`.
    #[must_use]
    pub fn record(&self) -> Record {
        let mut r = Record::default();
        r.put("lang", &self.lang);
        r.put_some(Question::Nationality.code(), self.answers.nationality.as_ref());
        for q in Question::ALL {
            r.put_some(q.code(), self.answers.yes_no(q).map(flag));
        }
        r.put_some("residence", self.answers.residence);
        r.put("nationality_text", &self.nationality_text);
        for (prefix, date) in self.dates() {
            for part in DatePart::ALL {
                r.put(format!("{prefix}.{part}"), date.part(part));
            }
        }
        for (field, text) in self.details.typed() {
            r.put(format!("details.{field}"), text);
        }
        r
    }

    fn dates(&self) -> [(&'static str, &DateFields); 3] {
        [("birth", &self.birth), ("rights", &self.rights), ("arrival", &self.arrival)]
    }

    /// Where this tab's answers live in `sessionStorage`, kept as the student types whether or
    /// not they keep answers on the device: a reload, or a phone discarding the tab, loses
    /// nothing; closing the tab removes them.
    pub const TAB_KEY: &'static str = "secu-precheck/tab/v1";

    /// Adds to the answers' record what this tab's record also says: whether they are also
    /// kept on the device (`keep`), and which file each box held (`file.<document>` =
    /// `<size>/<name>`), never a file itself.
    pub fn tab_record(r: &mut Record, keep: bool, files: &[(DocumentId, String, u64)]) {
        r.put("keep", flag(keep));
        for (doc, name, size) in files {
            r.put(format!("file.{doc}"), format!("{size}/{name}"));
        }
    }

    /// The files a tab's record says the boxes held (an unreadable entry left out).
    #[must_use]
    pub fn tab_files(r: &Record) -> Vec<(DocumentId, String, u64)> {
        r.0.iter()
            .filter_map(|(key, value)| {
                let doc = key.strip_prefix("file.")?.parse().ok()?;
                let (size, name) = value.split_once('/')?;
                Some((doc, name.to_owned(), size.parse().ok()?))
            })
            .collect()
    }

    /// Kept answers from their record (version 3 or 2): whatever is missing or unreadable is
    /// blank.
    pub fn read(r: &impl Lookup) -> Saved {
        let text = |key: &str| r.text(key).unwrap_or_default();
        let date = |prefix: &str| {
            let mut date = DateFields::default();
            for part in DatePart::ALL {
                *date.part_mut(part) = text(&format!("{prefix}.{part}"));
            }
            date
        };
        let mut answers = Answers {
            nationality: r.text(Question::Nationality.code()),
            // Read again from the date as typed, when restored.
            birth_date: None,
            residence: r.parse("residence"),
            ..Answers::default()
        };
        for q in Question::ALL {
            if let Some(yes) = r.flag(q.code()) {
                answers.answer(q, yes);
            }
        }
        let details = Self::V2_FIELD_NAMES
            .iter()
            .filter_map(|&(field, v2)| {
                Some((field, r.text(&format!("details.{field}")).or_else(|| r.text(v2))?))
            })
            .collect();
        Saved {
            lang: text("lang"),
            answers,
            nationality_text: text("nationality_text"),
            birth: date("birth"),
            details,
            rights: date("rights"),
            arrival: date("arrival"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::state::tests::{file, state};
    use crate::page::state::{Action, State};
    use secu_precheck_domain::{DocumentId, Lang, Residence};

    #[test]
    fn a_tab_comes_back_after_a_reload_with_the_names_of_its_files_never_the_files() {
        let mut s = state();
        s.apply(Action::TypeField(Field::LastName, "N'Diaye".into()));
        s.apply(Action::ChooseFiles(DocumentId::Rib, vec![file(1, 2048)]));
        s.apply(Action::AddPages(DocumentId::Identity, vec![file(2, 10), file(3, 20)]));
        let files = s.tab_files();
        assert_eq!(files.len(), 2, "{files:?}");
        let mut record = s.saved().record();
        Saved::tab_record(&mut record, false, &files);
        let record = Record::from_query(&record.to_query());
        let (saved, keep, lost) =
            (Saved::read(&record), record.flag("keep"), Saved::tab_files(&record));
        assert_eq!((saved.clone(), keep, lost.clone()), (s.saved(), Some(false), files.clone()));
        let mut next = state();
        next.apply(Action::Resume(Box::new(saved), keep == Some(true), lost));
        assert_eq!(next.details.get(Field::LastName), "N'Diaye");
        assert!(!next.remember, "not kept on the device unless the student asked");
        assert!(next.lost.iter().any(|(d, _, size)| *d == DocumentId::Rib && *size == 2048));
        // Still asked for after a second reload, until chosen again.
        assert_eq!(next.tab_files(), files);
        next.apply(Action::ChooseFiles(DocumentId::Rib, vec![file(4, 99)]));
        assert!(next.lost.iter().all(|(d, ..)| *d != DocumentId::Rib));
        // An entry that is not one is left out.
        let mut odd = Record::default();
        odd.put("file.passport", "10/a.pdf");
        odd.put("file.rib", "ten/a.pdf");
        odd.put("file.visa", "nothing");
        assert!(Saved::tab_files(&odd).is_empty());
    }

    #[test]
    fn kept_answers_come_back_and_forgetting_clears_everything() {
        let mut s = state();
        s.apply(Action::TypeNationality("Maroc".into()));
        s.apply(Action::TypeBirth(DatePart::Day, "3".into()));
        s.apply(Action::TypeField(Field::Email, "a@b.fr".into()));
        s.apply(Action::SetLang(Lang::Fr));
        s.apply(Action::ChooseFiles(DocumentId::Rib, vec![file(1, 10)]));
        s.apply(Action::TypeBirth(DatePart::Month, "2".into()));
        s.apply(Action::TypeBirth(DatePart::Year, "2001".into()));
        s.apply(Action::Answer(Question::Ehic, false));
        s.apply(Action::Hold(Residence::Receipt));
        let record = s.saved().record();
        assert!(!format!("{record:?}").contains("file1"), "files are never kept: {record:?}");
        let mut next = state();
        next.apply(Action::Restore(Box::new(Saved::read(&record))));
        assert_eq!(record.text("lang").as_deref(), Some("fr"), "the language is kept");
        assert_eq!((next.lang, next.remember), (Lang::En, true), "the page's own language stays");
        assert_eq!(next.answers, s.answers, "nationality, answers and the date of birth");
        assert_eq!(next.answers.nationality.as_deref(), Some("MA"));
        assert_eq!((next.birth.day.as_str(), next.details.get(Field::Email)), ("3", "a@b.fr"));
        // The page started in the kept language (hooks::start) keeps the same record.
        next.apply(Action::SetLang(Lang::Fr));
        assert_eq!(next.saved(), s.saved());
        // Anything unreadable restores as blank, never as an error.
        let mut odd = Record::default();
        odd.put("lang", "xx");
        odd.put("birth.day", "7");
        odd.put("ehic", "maybe");
        odd.put("residence", "a passport from Mars");
        odd.put("Nowhere", "x");
        next.apply(Action::Restore(Box::new(Saved::read(&odd))));
        assert_eq!(next.lang, Lang::Fr, "restoring never changes the language");
        assert_eq!(next.answers.residence, None, "an unknown residence document is no answer");
        next.apply(Action::ForgetAll);
        assert_eq!(next, State::new(Lang::Fr, next.today));
    }

    /// The keys of the kept answers are a promise to every student who ticked "keep my
    /// answers": renaming a variant must never change them, so they are spelt out here.
    #[test]
    fn kept_answers_are_stored_under_stable_keys() {
        let mut s = state();
        s.apply(Action::TypeNationality("Deutschland".into()));
        s.apply(Action::TypeNationality("Germany".into()));
        for q in Question::ALL {
            s.apply(Action::Answer(q, true));
        }
        s.apply(Action::Hold(Residence::Card));
        for part in DatePart::ALL {
            s.apply(Action::TypeBirth(part, "1".into()));
            s.apply(Action::TypeRights(part, "2".into()));
            s.apply(Action::TypeArrival(part, "3".into()));
        }
        for field in Field::ALL {
            s.apply(Action::TypeField(field, "x".into()));
        }
        let keys: Vec<String> = s.saved().record().0.into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys.join(" "),
            "lang nationality ehic s1 uk_ghic french_overseas already_numbered cpam_route quebec_form vls_t residence nationality_text \
             birth.day birth.month birth.year rights.day rights.month rights.year \
             arrival.day arrival.month arrival.year details.title details.last_name \
             details.first_name details.birth_country details.street_number \
             details.street_complement details.lane_type details.street_name \
             details.address_extra details.postcode details.town details.email \
             details.email_confirmation details.phone"
        );
        assert_eq!(Saved::KEY, "secu-precheck/answers/v3");
    }

    #[test]
    fn answers_kept_by_version_2_still_load() {
        // Exactly what version 2 stored (its e2e test read `LastName` back from it).
        let v2 = "lang=fr&nationality=SN&ehic=0&nationality_text=S%C3%A9n%C3%A9gal&birth.day=14\
                  &birth.month=5&birth.year=2003&rights.day=&rights.month=&rights.year=\
                  &arrival.day=&arrival.month=&arrival.year=&LastName=N%27Diaye&Email=awa%40gmail.com\
                  &StreetComplement=bis";
        let saved = Saved::read(&Record::from_query(v2));
        let mut s = state();
        s.apply(Action::Restore(Box::new(saved)));
        assert_eq!(s.answers.nationality.as_deref(), Some("SN"));
        assert_eq!(s.answers.ehic, Some(false));
        assert_eq!(s.answers.birth_date, "2003-05-14".parse().ok());
        assert_eq!(s.details.get(Field::LastName), "N'Diaye");
        assert_eq!(s.details.get(Field::Email), "awa@gmail.com");
        assert_eq!(s.details.get(Field::StreetComplement), "bis");
        // Written again, it is version 3: the same answers under the stable keys.
        let again = s.saved().record();
        assert_eq!(again.text("details.last_name").as_deref(), Some("N'Diaye"));
        assert_eq!(again.text("LastName"), None);
        let mut back = state();
        back.apply(Action::Restore(Box::new(Saved::read(&again))));
        assert_eq!(back.saved(), s.saved());
    }
}
