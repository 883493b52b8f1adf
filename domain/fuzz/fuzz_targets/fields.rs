//! Any text in any field: the form checks must answer, never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use secu_precheck_domain::fields::{check, Field, FormInput};
use secu_precheck_domain::{Date, Rules};

/// The rules, read once: the form checks are what is fuzzed, not the rules file.
static RULES: OnceLock<Option<Rules>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let input: FormInput = Field::ALL.into_iter().zip(text.split('\u{1f}')).collect();
    let rules = RULES.get_or_init(|| Rules::builtin().ok());
    if let (Some(rules), Ok(today)) = (rules, "2026-11-27".parse::<Date>()) {
        let _ = check(&input, today, rules, None);
    }
});
