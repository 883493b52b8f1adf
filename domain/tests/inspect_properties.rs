//! The inspection engine never panics, whatever the bytes: random data, and real-looking files
//! with random damage after a valid signature.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use secu_precheck_domain::inspect::{inspect, Context};
use secu_precheck_domain::DocumentId;

const CTX: Context<'static> = Context {
    doc: DocumentId::Identity,
    size_limit: 4_000_000,
    others: &[],
    student: None,
    academic_year: None,
};

const SIGNATURES: [&[u8]; 6] = [
    b"%PDF-1.7\n",
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    b"\xFF\xD8\xFF\xE1",
    b"\xFF\xD8\xFF\xC0\0\x11\x08",
    b"%PDF-1.6\n1 0 obj << /Encrypt <</Filter/Standard/R 6/U <00>/O (",
    b"%PDF-1.5\n7 0 obj << /Type /ObjStm >>\nstream\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_bytes_make_it_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let report = inspect("x.bin", &bytes, &CTX);
        prop_assert_eq!(report.facts.size, bytes.len() as u64);
    }

    #[test]
    fn damaged_files_behind_a_real_signature_never_panic(
        which in 0..SIGNATURES.len(),
        tail in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        let bytes = [SIGNATURES[which], &tail].concat();
        let _ = inspect("x.pdf", &bytes, &CTX);
    }
}
