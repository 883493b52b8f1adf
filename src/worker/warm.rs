//! Warming the inspection worker before it says it is ready. A browser compiles a wasm function
//! the first time it runs, and with a quick baseline compiler: the first AES-256 PDF took
//! ~95 ms in a fresh worker against ~25 ms once warm (`make bench`). So the worker first runs
//! every path of the engine once, on small files made here (a certificate with text and an
//! IBAN, RC4 and AES-256 protected PDFs, bytes of no known format) and on a synthetic image
//! for the quality measures, while the student is still reading the first screen.

use secu_precheck_domain::inspect::content::Student;
use secu_precheck_domain::inspect::{self, quality, Context, Format, Inspection};
use secu_precheck_domain::DocumentId;

/// A one-page PDF whose page says `text`, its content stream compressed as Word's are.
fn text_pdf(text: &str) -> Vec<u8> {
    let ops = format!("BT /F1 12 Tf 72 760 Td ({text}) Tj ET");
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(ops.as_bytes(), 6);
    let mut pdf = format!(
        "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
         2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
         3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj\n\
         4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n\
         5 0 obj << /Length {} /Filter /FlateDecode >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    pdf.extend_from_slice(&packed);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    pdf
}

/// A PDF protected by the standard security handler `revision`, with owner and user values
/// of `len` bytes that match no password: checking the empty password runs the whole key
/// derivation (MD5 and RC4 for revision 3, SHA-2 and AES for revision 6).
fn protected_pdf(revision: u8, len: usize) -> Vec<u8> {
    let hex = "5a".repeat(len);
    let (v, key_bits) = if revision == 6 { (5, 256) } else { (2, 128) };
    format!(
        "%PDF-1.7\n1 0 obj << /Type /Pages /Count 1 >> endobj\n\
         9 0 obj << /Filter /Standard /V {v} /R {revision} /Length {key_bits} /P -4 /O <{hex}> /U <{hex}> >> endobj\n\
         trailer << /Root 1 0 R /Encrypt 9 0 R /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>] >>\n%%EOF\n"
    )
    .into_bytes()
}

/// Runs the engine once on each sample; the verdicts are thrown away.
pub fn run() {
    let certificate = text_pdf(
        "Certificat de scolarite Awa DIALLO annee universitaire 2026-2027 \
         IBAN FR76 3000 6000 0112 3456 7890 189",
    );
    let samples: [(DocumentId, &str, Vec<u8>); 5] = [
        (DocumentId::CertificateOfStudies, "certificat.pdf", certificate.clone()),
        (DocumentId::Rib, "rib.pdf", certificate),
        (DocumentId::Identity, "passport.pdf", protected_pdf(3, 32)),
        (DocumentId::Identity, "passport.pdf", protected_pdf(6, 48)),
        // Enough bytes for the fingerprint's main loop to count as hot.
        (DocumentId::Visa, "visa.bin", vec![0x5a; 256 * 1024]),
    ];
    for (doc, name, bytes) in &samples {
        let ctx = Context {
            doc: *doc,
            size_limit: 4_000_000,
            others: &[],
            student: Some(Student { last_name: "Diallo", first_name: "Awa" }),
            academic_year: Some((2026, 2027)),
            visa_again: true,
        };
        let _ = inspect::inspect(name, bytes, &ctx);
    }
    // The quality measures, on a 240 x 320 page of grey text lines.
    let (w, h) = (240u32, 320u32);
    let rgba: Vec<u8> = (0..w * h)
        .flat_map(|i| {
            let ink = if (i / w) % 16 < 3 && (i % w) % 9 < 6 { 40 } else { 235 };
            [ink, ink, ink, 255]
        })
        .collect();
    let mut photo =
        Inspection { format: Format::Jpeg, facts: Default::default(), problems: Vec::new() };
    quality::add_to(&mut photo, &quality::luma_from_rgba(&rgba), w, h);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The samples must take the paths they are there to warm.
    #[test]
    fn the_samples_reach_text_ibans_and_both_key_derivations() {
        let plain = Context::plain(DocumentId::Identity, 4_000_000);
        let text = inspect::inspect("a.pdf", &text_pdf("annee 2026-2027"), &plain);
        assert_eq!((text.format, text.facts.text_layer), (Format::Pdf, Some(true)));
        for (revision, len) in [(3, 32), (6, 48)] {
            let report = inspect::inspect("a.pdf", &protected_pdf(revision, len), &plain);
            assert!(report.has(inspect::Problem::PdfEncrypted), "revision {revision}");
        }
        run();
    }
}
