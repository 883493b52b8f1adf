//! Broken, exotic and hostile files made with real tools (scripts/make-hostile-files.py), held
//! to what the readers say of them (tests/hostile/VERDICTS.csv: qpdf --check, mutool,
//! pikepdf) and to the bounds every inspection keeps: an answer, in bounded time and memory.
//! Natively, with the command line (which decodes images, as the app has the browser do).
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use secu_precheck_domain::inspect::{content::Student, decode, inspect, Context};
use secu_precheck_domain::DocumentId;

/// The bounds are 1 s and 64 MB natively in a release build; tests run the unoptimised
/// `precheck` on a shared CPU, so time gets a generous margin. Memory is the process's peak
/// resident size, all of it (the program and its libraries included).
const TIME: Duration = Duration::from_secs(10);
const MEMORY_KB: u64 = 64 * 1024;
/// Reading a photo (the reader's two models, 21 MB of weights, and their work) has a bound of
/// its own: what a phone's worker can spare.
const READING_MEMORY_KB: u64 = 256 * 1024;

/// Runs `precheck file` on one file under GNU time (in every Debian base system): its peak
/// resident memory and its elapsed time. The inspection alone (`--no-read`), as the bounds
/// above are the engine's.
fn bounds(path: &Path, doc: DocumentId) -> (Duration, u64) {
    measured(path, doc, &["--no-read"])
}

/// The same, reading the file as well.
fn reading_bounds(path: &Path, doc: DocumentId) -> (Duration, u64) {
    measured(path, doc, &[])
}

fn measured(path: &Path, doc: DocumentId, extra: &[&str]) -> (Duration, u64) {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M %e", env!("CARGO_BIN_EXE_precheck"), "file", "--doc", doc.code()])
        .args(extra)
        .arg(path)
        .output()
        .expect("/usr/bin/time runs precheck");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    let mut parts = last.split_whitespace();
    let kb: u64 = parts.next().and_then(|k| k.parse().ok()).unwrap_or_else(|| panic!("{stderr}"));
    let secs: f64 = parts.next().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("{stderr}"));
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}: {stderr}", path.display());
    (Duration::from_secs_f64(secs), kb)
}

const STUDENT: Student<'static> = Student { last_name: "N'Diaye", first_name: "Awa" };

/// Inspects `bytes` for `doc`, decoding images: the problem codes.
fn judged(name: &str, bytes: &[u8], doc: DocumentId) -> Vec<String> {
    let ctx = Context {
        doc,
        size_limit: 4_000_000,
        others: &[],
        student: Some(STUDENT),
        academic_year: Some((2026, 2027)),
        visa_again: true,
    };
    let mut report = inspect(name, bytes, &ctx);
    // Decoded as the command line does (and the app, with the browser's decoder).
    decode::add_decoding(&mut report, bytes);
    report.problems.iter().map(|p| p.code.code().to_owned()).collect()
}

/// One line of a CSV file, with double-quoted fields.
fn fields(line: &str) -> Vec<String> {
    let (mut out, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

#[test]
fn every_tool_made_file_is_judged_as_the_readers_judge_it() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let table = std::fs::read_to_string(dir.join("VERDICTS.csv")).expect("VERDICTS.csv");
    let mut lines = table.lines();
    let header = fields(lines.next().unwrap());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for line in lines.filter(|l| !l.is_empty()) {
        let row = fields(line);
        let file = &row[col("file")];
        let doc: DocumentId = row[col("doc")].parse().unwrap();
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let codes = judged(file, &bytes, doc);
        count += 1;
        let has = |code: &str| codes.iter().any(|c| c == code);
        for code in row[col("expect")].split_whitespace() {
            if !has(code) {
                failures.push(format!("{file}: expected {code}, got {codes:?}"));
            }
        }
        for code in row[col("never")].split_whitespace() {
            if has(code) {
                failures.push(format!("{file}: {code} should not be there: {codes:?}"));
            }
        }
        // Where the three readers agree, precheck agrees.
        let readers = [&row[col("qpdf")], &row[col("mutool")], &row[col("pikepdf")]];
        if readers.iter().all(|r| *r == "broken") && !has("pdf_damaged") {
            failures.push(format!("{file}: every reader fails on it, precheck says {codes:?}"));
        }
        if readers.iter().all(|r| *r == "ok") && (has("pdf_damaged") || has("pdf_repaired")) {
            failures
                .push(format!("{file}: every reader opens it cleanly, precheck says {codes:?}"));
        }
        if readers.iter().all(|r| *r == "repaired") && has("pdf_damaged") {
            failures.push(format!("{file}: every reader repairs it, precheck says {codes:?}"));
        }
        let (took, kb) = bounds(&dir.join(file), doc);
        if took > TIME || kb > MEMORY_KB {
            failures.push(format!("{file}: {took:?} and {} MB", kb >> 10));
        }
        let (took, kb) = reading_bounds(&dir.join(file), doc);
        if took > TIME || kb > READING_MEMORY_KB {
            failures.push(format!("{file}, read: {took:?} and {} MB", kb >> 10));
        }
    }
    assert!(count >= 28, "the table lists the files ({count})");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Files no tool would write, at the size limit: each answered within the bounds.
#[test]
fn hostile_files_at_the_size_limit_are_answered_within_bounds() {
    const SIZE: usize = 4_000_000;
    let filled = |head: &[u8], unit: &[u8]| {
        let mut b = head.to_vec();
        while b.len() < SIZE {
            b.extend_from_slice(unit);
        }
        b.truncate(SIZE);
        b
    };
    let zeros = miniz_oxide::deflate::compress_to_vec_zlib(&vec![0u8; 64 << 20], 9);
    let mut bomb = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] >> endobj\n3 0 obj << /Type /Page /Contents 4 0 R >> endobj\n".to_vec();
    bomb.extend_from_slice(
        format!("4 0 obj << /Filter /FlateDecode /Length {} >>\nstream\n", zeros.len()).as_bytes(),
    );
    bomb.extend_from_slice(&zeros);
    bomb.extend_from_slice(b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("brackets.pdf", filled(b"%PDF-1.7\n1 0 obj ", b"[")),
        ("dictionaries.pdf", filled(b"%PDF-1.7\n1 0 obj ", b"<<")),
        ("objects.pdf", filled(b"%PDF-1.7\n", b"1 0 obj\n")),
        ("references.pdf", filled(b"%PDF-1.7\n1 0 obj << /Kids [", b"1 0 R ")),
        ("startxrefs.pdf", filled(b"%PDF-1.7\n", b"startxref 9 ")),
        ("trailers.pdf", filled(b"%PDF-1.7\n", b"trailer << /Root 1 0 R /Prev 9 >> ")),
        ("strings.pdf", filled(b"%PDF-1.7\n1 0 obj ", b"(")),
        ("flate-bomb.pdf", bomb),
        ("jpeg.jpg", filled(b"\xFF\xD8\xFF\xC0\x00\x11\x08\xFF\xFF\xFF\xFF\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", b"\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00")),
        ("png.png", filled(b"\x89PNG\r\n\x1a\n", b"\x00\x00\x00\x00IDAT\x35\xaf\x06\x1e")),
    ];
    let dir = std::env::temp_dir().join(format!("precheck-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in cases {
        let codes = judged(name, &bytes, DocumentId::CertificateOfStudies);
        assert!(!codes.is_empty(), "{name}: an answer, with something to say");
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let (took, kb) = bounds(&path, DocumentId::CertificateOfStudies);
        assert!(took <= TIME, "{name}: {took:?}");
        assert!(kb <= MEMORY_KB, "{name}: {} MB at peak", kb >> 10);
        let (took, kb) = reading_bounds(&path, DocumentId::CertificateOfStudies);
        assert!(took <= TIME, "{name}, read: {took:?}");
        assert!(kb <= READING_MEMORY_KB, "{name}, read: {} MB at peak", kb >> 10);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
