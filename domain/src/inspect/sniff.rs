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

/// The format of `bytes`.
#[must_use]
pub fn format(bytes: &[u8]) -> Format {
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
}
