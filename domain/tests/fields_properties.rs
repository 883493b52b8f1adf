//! Property tests: no validator panics on any string, and what a validator normalises parses
//! again to the same value (the app shows the normalised value; typing it back must pass).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use secu_precheck_domain::fields::{
    self, email::Email, name::PersonName, phone::Phone, street, title::Title, Field, FormInput,
};
use secu_precheck_domain::{Country, Date, Rules};

fn today() -> Date {
    "2026-11-27".parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_catalog_file_of_any_text_is_read_or_refused_without_panic(s in any::<String>()) {
        let _ = secu_precheck_domain::i18n::file::entries(&s);
        let _ = secu_precheck_domain::i18n::Catalog::read(secu_precheck_domain::Lang::Fr, &s);
        let lines = format!("[a]\nk = \"{s}\"\n{s}");
        let _ = secu_precheck_domain::i18n::file::entries(&lines);
    }

    #[test]
    fn no_field_rule_panics_on_any_string(s in any::<String>()) {
        let _ = Title::parse(&s);
        let _ = PersonName::parse(Field::LastName, &s);
        let _ = Email::parse(&s).map(|e| e.typo_suggestion());
        let _ = Phone::parse(&s).map(|p| (p.display(), p.warning()));
        let _ = street::street_number(&s);
        let _ = street::complement(&s);
        let _ = street::street_name(&s);
        let _ = street::postcode(&s);
        let _ = fields::lane_type::LaneType::parse(&s);
        let _ = fields::dates::birth_date(&s, today());
        let _ = s.parse::<Date>();
        let _ = Country::find(&s);
    }

    #[test]
    fn the_whole_form_never_panics(values in proptest::collection::vec(any::<String>(), 17)) {
        let input: FormInput = Field::ALL.into_iter().zip(values).collect();
        let rules = Rules::builtin().unwrap();
        let report = fields::check(&input, today(), &rules, None);
        prop_assert_eq!(report.is_valid(), report.errors.is_empty());
    }

    #[test]
    fn normalised_names_parse_to_themselves(s in "[ a-zA-Zéèçœ'’-]{1,40}") {
        if let Ok((name, _)) = PersonName::parse(Field::FirstName, &s) {
            let (again, _) = PersonName::parse(Field::FirstName, name.as_str()).unwrap();
            prop_assert_eq!(again, name);
        }
    }

    #[test]
    fn normalised_phones_parse_to_themselves(s in "(\\+33 ?|0033|0)[67][0-9 .]{8,12}") {
        if let Ok(phone) = Phone::parse(&s) {
            prop_assert_eq!(Phone::parse(&phone.display()).unwrap(), phone);
        }
    }

    #[test]
    fn normalised_emails_parse_to_themselves(local in "[a-z0-9._+-]{1,20}", domain in "[a-zA-Z0-9-]{1,12}\\.[a-zA-Z]{2,6}") {
        if let Ok(email) = Email::parse(&format!("{local}@{domain}")) {
            prop_assert_eq!(Email::parse(email.as_str()).unwrap(), email);
        }
    }

    #[test]
    fn dates_round_trip_through_their_text(days in -354_285i64..=2_932_896) {
        let date = Date::from_unix_days(days).unwrap();
        prop_assert_eq!(date.to_string().parse::<Date>().unwrap(), date);
        prop_assert_eq!(date.to_unix_days(), days);
    }
}
