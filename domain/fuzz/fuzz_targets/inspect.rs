//! Any bytes, any slot: the inspection engine must answer, never panic, hang or blow up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secu_precheck_domain::inspect::{inspect, Context};
use secu_precheck_domain::DocumentId;

fuzz_target!(|data: &[u8]| {
    let doc = DocumentId::ALL[usize::from(data.first().copied().unwrap_or(0)) % DocumentId::ALL.len()];
    let ctx = Context { doc, size_limit: 4_000_000, others: &[], student: None, academic_year: Some((2026, 2027)) };
    let report = inspect("fuzz.pdf", data, &ctx);
    assert_eq!(report.facts.size, data.len() as u64);
});
