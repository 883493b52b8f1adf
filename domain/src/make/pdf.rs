//! One PDF from several JPEG pages, written by hand: the JPEG bytes go in unchanged
//! (`/DCTDecode`), one A4 page each, turned to landscape for landscape images. A PDF of
//! images needs a dozen objects; a PDF library would cost hundreds of kilobytes of wasm.

use std::fmt::Write as _;

use crate::inspect::jpeg;

/// A4 in PDF points (1/72 inch).
const A4: (f64, f64) = (595.28, 841.89);

/// Why pages could not be made into a PDF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// No page given.
    NoPages,
    /// Page `n` (from 1) is not a JPEG we can embed as is.
    NotAJpeg(usize),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::NoPages => f.write_str("no page to put in the PDF"),
            PdfError::NotAJpeg(n) => write!(f, "page {n} is not a JPEG that can be embedded"),
        }
    }
}

impl std::error::Error for PdfError {}

/// A PDF with one A4 page per JPEG, in order, each image as large as the page allows.
///
/// # Errors
/// When there is no page, or a page is not a baseline/progressive 8-bit JPEG.
pub fn from_jpegs(pages: &[&[u8]]) -> Result<Vec<u8>, PdfError> {
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets: Vec<usize> = Vec::new();
    let n = pages.len();
    // Objects: 1 catalog, 2 page tree, then for page i: 3+3i page, 4+3i contents, 5+3i image.
    let object = |out: &mut Vec<u8>, offsets: &mut Vec<usize>, head: &str, stream: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(head.as_bytes());
        if !stream.is_empty() {
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(stream);
            out.extend_from_slice(b"\nendstream");
        }
        out.extend_from_slice(b"\nendobj\n");
    };
    let kids: String = (0..n).map(|i| format!("{} 0 R ", 3 + 3 * i)).collect();
    object(&mut out, &mut offsets, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n", &[]);
    object(
        &mut out,
        &mut offsets,
        &format!("2 0 obj\n<< /Type /Pages /Kids [{}] /Count {n} >>\n", kids.trim_end()),
        &[],
    );
    for (i, bytes) in pages.iter().enumerate() {
        let report = jpeg::check(bytes);
        let (Some(w), Some(h), Some(components)) = (report.width, report.height, report.components)
        else {
            return Err(PdfError::NotAJpeg(i + 1));
        };
        if report.problems.iter().any(|p| p.hides_pixels()) || !bytes.starts_with(&[0xFF, 0xD8]) {
            return Err(PdfError::NotAJpeg(i + 1));
        }
        let (colour, decode) = match components {
            1 => ("/DeviceGray", ""),
            3 => ("/DeviceRGB", ""),
            // Adobe CMYK JPEGs store inverted values.
            _ => ("/DeviceCMYK", " /Decode [1 0 1 0 1 0 1 0]"),
        };
        let (pw, ph) = if w > h { (A4.1, A4.0) } else { A4 };
        let scale = (pw / f64::from(w)).min(ph / f64::from(h));
        let (iw, ih) = (f64::from(w) * scale, f64::from(h) * scale);
        let (x, y) = ((pw - iw) / 2.0, (ph - ih) / 2.0);
        let page = 3 + 3 * i;
        object(
            &mut out,
            &mut offsets,
            &format!(
                "{page} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2} {ph:.2}] \
                 /Resources << /XObject << /Im{i} {} 0 R >> >> /Contents {} 0 R >>\n",
                page + 2,
                page + 1
            ),
            &[],
        );
        let content = format!("q {iw:.2} 0 0 {ih:.2} {x:.2} {y:.2} cm /Im{i} Do Q");
        object(
            &mut out,
            &mut offsets,
            &format!("{} 0 obj\n<< /Length {} >>\n", page + 1, content.len()),
            content.as_bytes(),
        );
        object(
            &mut out,
            &mut offsets,
            &format!(
                "{} 0 obj\n<< /Type /XObject /Subtype /Image /Width {w} /Height {h} \
                 /ColorSpace {colour} /BitsPerComponent 8{decode} /Filter /DCTDecode \
                 /Length {} >>\n",
                page + 2,
                bytes.len()
            ),
            bytes,
        );
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
    for offset in &offsets {
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        offsets.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::{inspect, jpeg::tests::jpeg, Context, Format, Verdict};
    use crate::rules::DocumentId;

    #[test]
    fn two_jpegs_make_a_valid_two_page_pdf() {
        let portrait = jpeg(0xC0, 8, 1200, 1600, 3, None);
        let landscape = jpeg(0xC2, 8, 1600, 1200, 1, None);
        let pdf = from_jpegs(&[&portrait, &landscape]).unwrap();
        let ctx = Context::plain(DocumentId::Identity, 4_000_000);
        let report = inspect("passport.pdf", &pdf, &ctx);
        assert_eq!(report.format, Format::Pdf);
        assert_eq!(report.facts.pages, Some(2));
        assert_eq!(report.facts.text_layer, Some(false), "images only: a scan");
        assert_eq!(report.verdict(), Verdict::Ok, "{:?}", report.problems);
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/MediaBox [0 0 841.89 595.28]"), "the landscape page is turned");
        assert!(text.contains("/DeviceGray"));
        // Every xref offset points at its object.
        let xref = text.rfind("xref\n").unwrap();
        for (i, line) in text[xref..].lines().skip(3).take(7).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(text[offset..].starts_with(&format!("{} 0 obj", i + 1)), "object {}", i + 1);
        }
    }

    #[test]
    fn only_embeddable_jpegs_are_taken() {
        assert_eq!(from_jpegs(&[]), Err(PdfError::NoPages));
        let good = jpeg(0xC0, 8, 100, 100, 3, None);
        assert_eq!(from_jpegs(&[&good, b"\x89PNG\r\n\x1a\n"]), Err(PdfError::NotAJpeg(2)));
        let twelve = jpeg(0xC1, 12, 100, 100, 3, None);
        assert_eq!(from_jpegs(&[&twelve]), Err(PdfError::NotAJpeg(1)));
    }
}
