//! Accuracy on the public corpus (shared/corpus, see its README): every unambiguous label
//! right. The same comparison, with a per-format table, is `make corpus`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use secu_precheck_domain::inspect::{inspect, Context, Format, Problem};
use secu_precheck_domain::DocumentId;

const INTEGRITY: [Problem; 7] = [
    Problem::EmptyFile,
    Problem::UnsupportedFormat,
    Problem::HeicNotAccepted,
    Problem::ImageDamaged,
    Problem::PdfDamaged,
    Problem::PdfEncrypted,
    Problem::PdfNoPages,
];

#[test]
fn every_unambiguous_label_of_the_public_corpus_is_right() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let Ok(labels) = std::fs::read_to_string(corpus.join("LABELS.csv")) else {
        // Outside CI a checkout without ../shared may skip; CI never does.
        assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "{} not found", corpus.display());
        eprintln!("skipped: {} not found", corpus.display());
        return;
    };
    let ctx = Context {
        doc: DocumentId::Identity,
        size_limit: u64::MAX,
        others: &[],
        student: None,
        academic_year: None,
        visa_again: true,
    };
    let (mut checked, mut misses) = (0, Vec::new());
    for line in labels.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        let [path, format, state, ..] = cols[..] else { continue };
        if state == "either" || format == "other" {
            continue;
        }
        let Ok(bytes) = std::fs::read(corpus.join("files").join(path)) else { continue };
        let report = inspect(path, &bytes, &ctx);
        let has = |p: Problem| report.has(p);
        let right = match (format, state) {
            ("pdf" | "jpeg" | "png", "intact") => {
                report.format.code() == format && !INTEGRITY.iter().any(|&p| has(p))
            }
            ("png" | "jpeg", "damaged") => has(Problem::ImageDamaged),
            ("pdf", "damaged") => has(Problem::PdfDamaged),
            ("pdf", "encrypted") => has(Problem::PdfEncrypted),
            ("pdf", "no_pages") => has(Problem::PdfNoPages) || has(Problem::PdfDamaged),
            ("heic", _) => report.format == Format::Heic && has(Problem::HeicNotAccepted),
            (_, _) => report.format != Format::Unknown && has(Problem::UnsupportedFormat),
        };
        checked += 1;
        if !right {
            misses.push(format!(
                "{path} ({format}, {state}): {:?} {:?}",
                report.format, report.problems
            ));
        }
    }
    assert!(checked > 500, "only {checked} labels checked");
    assert!(misses.is_empty(), "{} of {checked} wrong:\n{}", misses.len(), misses.join("\n"));
}
