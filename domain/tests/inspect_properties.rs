//! The inspection engine never panics, whatever the bytes: random data, real-looking files with
//! random damage after a valid signature, and the tool-made files of tests/hostile (PDFs of
//! every index kind, encrypted ones, JPEGs, PNGs, HEIF) with bytes changed and cut anywhere.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
#[cfg(feature = "decode")]
use secu_precheck_domain::inspect::decode;
use secu_precheck_domain::inspect::{inspect, Context};
use secu_precheck_domain::DocumentId;

const CTX: Context<'static> = Context {
    doc: DocumentId::Identity,
    size_limit: 4_000_000,
    others: &[],
    student: None,
    academic_year: None,
    visa_again: true,
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

    #[test]
    fn tool_made_files_changed_and_cut_anywhere_never_panic(
        which in any::<prop::sample::Index>(),
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..24),
        cut in any::<prop::sample::Index>(),
        cut_it in any::<bool>(),
    ) {
        let files = hostile_files();
        let (name, original) = &files[which.index(files.len())];
        let mut bytes = original.clone();
        for (at, byte) in &changes {
            let at = at.index(bytes.len());
            bytes[at] = *byte;
        }
        if cut_it {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        #[allow(unused_mut)]
        let mut report = inspect(name, &bytes, &CTX);
        #[cfg(feature = "decode")]
        decode::add_decoding(&mut report, &bytes);
        prop_assert_eq!(report.facts.size, bytes.len() as u64);
    }
}

/// The files of tests/hostile, read once.
fn hostile_files() -> &'static [(String, Vec<u8>)] {
    static FILES: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e != "csv"))
            .map(|p| {
                (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap())
            })
            .collect();
        files.sort();
        assert!(files.len() >= 27, "tests/hostile holds the tool-made files");
        files
    })
}
