//! Any text in any field: the form checks must answer, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secu_precheck_domain::fields::{check, FormInput};
use secu_precheck_domain::{Date, Rules};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\u{1f}').map(str::to_owned);
    let mut next = || parts.next().unwrap_or_default();
    let input = FormInput {
        title: next(),
        last_name: next(),
        first_name: next(),
        birth_date: next(),
        nationality: next(),
        birth_country: next(),
        rights_start_date: next(),
        street_number: next(),
        street_complement: next(),
        lane_type: next(),
        street_name: next(),
        address_extra: next(),
        postcode: next(),
        town: next(),
        email: next(),
        email_confirmation: next(),
        phone: next(),
    };
    if let (Ok(rules), Ok(today)) = (Rules::builtin(), "2026-11-27".parse::<Date>()) {
        let _ = check(&input, today, &rules, None);
    }
});
