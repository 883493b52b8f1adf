//! Any text in any field: the form checks must answer, never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use secu_precheck_domain::fields::{check, FormInput};
use secu_precheck_domain::{Date, Rules};

/// The rules, read once: the form checks are what is fuzzed, not the rules file.
static RULES: OnceLock<Option<Rules>> = OnceLock::new();

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
    let rules = RULES.get_or_init(|| Rules::builtin().ok());
    if let (Some(rules), Ok(today)) = (rules, "2026-11-27".parse::<Date>()) {
        let _ = check(&input, today, rules, None);
    }
});
