//! The format of a file by its content: `infer`'s magic numbers, plus the leniency of real
//! readers (a PDF header may follow some junk) and a text/HTML guess for the rest.

use super::Format;

/// PDF readers accept the header anywhere in the first 1024 bytes, and open files whose header
/// is missing when objects follow ("1 0 obj"), as they repair them.
#[must_use]
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return true;
    }
    head.first() == Some(&b'%')
        && head.windows(4).any(|w| w == b" obj")
        && memchr::memmem::find(bytes, b"endobj").is_some()
}

/// A PNG whose signature was damaged still shows its header chunk where it belongs.
#[must_use]
pub fn is_damaged_png(bytes: &[u8]) -> bool {
    bytes.get(1..4) == Some(b"PNG") || bytes.get(12..16) == Some(b"IHDR")
}

/// Brands of HEIF (ISO/IEC 23008-12) and its codecs: images, collections and sequences in
/// HEVC, AVC, JPEG, VVC or uncompressed, as libheif's brand list names them.
const HEIF_BRANDS: [&[u8; 4]; 19] = [
    b"mif1", b"mif2", b"msf1", b"miaf", b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis",
    b"hevm", b"hevs", b"avci", b"avcs", b"jpeg", b"jpgs", b"vvic", b"vvis", b"unif",
];
/// Brands of AVIF: a HEIF whose images are AV1 (still, sequence, or the AVIF-only profiles).
const AVIF_BRANDS: [&[u8; 4]; 3] = [b"avif", b"avis", b"avio"];

/// The format an ISO base media file's `ftyp` box names by its brands (major or compatible,
/// in any order): AVIF when an AVIF brand is there (AVIF files also carry `mif1`/`miaf`),
/// HEIF/HEIC for any HEIF brand. `None` for other ISO-BMFF files (MP4, QuickTime, JPEG 2000…).
#[must_use]
pub fn iso_bmff_brand(bytes: &[u8]) -> Option<Format> {
    if bytes.get(4..8)? != b"ftyp" {
        return None;
    }
    let size = u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?);
    // 0: the box runs to the end of the file; 1: a 64-bit size follows (never needed for a
    // brand list, which is read up to the file's end at most).
    let (start, end) = match size {
        0 | 1 => (if size == 1 { 16 } else { 8 }, bytes.len()),
        n => (8, usize::try_from(n).ok()?.min(bytes.len())),
    };
    // The major brand, the minor version (not a brand), then the compatible brands.
    let body = bytes.get(start..end.max(start))?;
    let brands = body.chunks_exact(4).enumerate().filter(|(i, _)| *i != 1).map(|(_, b)| b).take(64);
    let (mut heif, mut avif) = (false, false);
    for brand in brands {
        heif |= HEIF_BRANDS.iter().any(|b| b.as_slice() == brand);
        avif |= AVIF_BRANDS.iter().any(|b| b.as_slice() == brand);
    }
    if avif {
        Some(Format::Avif)
    } else if heif {
        Some(Format::Heic)
    } else {
        None
    }
}

/// The format of `bytes`.
#[must_use]
pub fn format(bytes: &[u8]) -> Format {
    if let Some(format) = iso_bmff_brand(bytes) {
        return format;
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Format::Jpeg;
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") || is_damaged_png(bytes) {
        return Format::Png;
    }
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    if let Some(kind) = infer::get(bytes) {
        let format = match kind.mime_type() {
            "application/pdf" => Format::Pdf,
            "image/jpeg" => Format::Jpeg,
            "image/png" | "image/apng" => Format::Png,
            "image/heif" | "image/heic" | "image/heif-sequence" | "image/heic-sequence" => {
                Format::Heic
            }
            "image/webp" => Format::Webp,
            "image/avif" => Format::Avif,
            "image/gif" => Format::Gif,
            "image/tiff" => Format::Tiff,
            "image/bmp" => Format::Bmp,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                Format::Docx
            }
            "application/msword" => Format::Doc,
            "application/vnd.oasis.opendocument.text" => Format::Odt,
            "application/zip" => Format::Zip,
            "text/html" => Format::Html,
            _ => Format::Unknown,
        };
        if format != Format::Unknown {
            return format;
        }
    }
    if is_pdf(bytes) {
        return Format::Pdf;
    }
    text_or_html(bytes)
}

fn text_or_html(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(4096)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // A multi-byte character cut at 4096 is still text.
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or("")
        }
        Err(_) => return Format::Unknown,
    };
    if text.is_empty()
        || text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Format::Unknown;
    }
    let lower = text.trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.contains("<body")
    {
        Format::Html
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_their_first_bytes() {
        let cases: [(&[u8], Format); 9] = [
            (b"%PDF-1.7\n", Format::Pdf),
            (b"\xEF\xBB\xBF junk %PDF-1.4\n", Format::Pdf),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF\0", Format::Jpeg),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Format::Png),
            (b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", Format::Heic),
            (b"RIFF\x24\0\0\0WEBPVP8 ", Format::Webp),
            (b"GIF89a\x01\0\x01\0", Format::Gif),
            (b"<!DOCTYPE html><html>", Format::Html),
            (b"Hello, world\n", Format::Text),
        ];
        for (bytes, expected) in cases {
            assert_eq!(format(bytes), expected, "{:?}", String::from_utf8_lossy(bytes));
        }
        assert_eq!(format(&[0, 1, 2, 3, 0xFE]), Format::Unknown);
    }

    fn ftyp(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
        let size = u32::try_from(16 + 4 * compatible.len()).unwrap();
        let mut b = size.to_be_bytes().to_vec();
        b.extend_from_slice(b"ftyp");
        b.extend_from_slice(major);
        b.extend_from_slice(&[0, 0, 0, 0]);
        compatible.iter().for_each(|c| b.extend_from_slice(*c));
        b.extend_from_slice(b"\0\0\0\x08meta");
        b
    }

    #[test]
    fn heif_is_named_by_any_of_its_brands_in_any_order() {
        // As libheif, iPhones and cameras write them: still images, sequences, tiled or
        // uncompressed, with or without a `heic` brand.
        let heif: [(&[u8; 4], &[&[u8; 4]]); 7] = [
            (b"heic", &[b"mif1", b"heic"]),
            (b"mif1", &[b"mif1", b"heic", b"hevc"]),
            (b"msf1", &[b"msf1", b"hevc"]),
            (b"heix", &[b"heix", b"mif1"]),
            (b"mif1", &[b"mif1", b"miaf", b"unif"]),
            (b"avci", &[b"mif1", b"avci"]),
            (b"isom", &[b"mp41", b"heim"]),
        ];
        for (major, compatible) in heif {
            assert_eq!(format(&ftyp(major, compatible)), Format::Heic, "{major:?} {compatible:?}");
        }
        assert_eq!(format(&ftyp(b"avif", &[b"avif", b"mif1", b"miaf"])), Format::Avif);
        assert_eq!(format(&ftyp(b"mif1", &[b"miaf", b"avis"])), Format::Avif);
        // A brand is four bytes on a four-byte boundary: the minor version is not one.
        let mut minor = ftyp(b"isom", &[b"mp41"]);
        minor[12..16].copy_from_slice(b"heic");
        assert_ne!(format(&minor), Format::Heic);
        assert_ne!(format(&ftyp(b"isom", &[b"isom", b"mp42"])), Format::Heic, "an MP4 video");
        // A box size beyond the file, or zero (to the end), still reads the brands present.
        let mut cut = ftyp(b"mif1", &[b"heic"]);
        cut[..4].copy_from_slice(&0u32.to_be_bytes());
        assert_eq!(format(&cut), Format::Heic);
        cut[..4].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(format(&cut), Format::Heic);
    }
}
