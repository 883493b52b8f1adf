//! The text of a PDF's pages, for content checks (the year on a certificate, the IBAN and the
//! holder on a RIB): what every text-showing operator of each page and of the forms it paints
//! shows (pdf/content.rs), through each font's ToUnicode map (two-byte codes) or as Latin-1
//! for simple one-byte encodings. Bounded like the rest: inflation budget and text size caps.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::rc::Rc;

use super::content::{self, Shown};
use super::document::{Document, Page};
use super::syntax::{is_white as is_ws, Dict, Lexer, Object};

/// Characters of text kept.
const MAX_TEXT: usize = 256 * 1024;

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

fn read_hex(b: &[u8], i: usize) -> Option<(Vec<u8>, usize)> {
    let mut l = Lexer::new(b, i);
    let s = l.hex().ok()?;
    Some((s, l.pos))
}

/// A font's code → text map, from its ToUnicode CMap.
#[derive(Default)]
struct CMap {
    two_byte: bool,
    map: HashMap<u32, String>,
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> =
        bytes.chunks(2).map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)])).collect();
    String::from_utf16_lossy(&units)
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0, |n, &b| (n << 8) | u32::from(b))
}

fn parse_cmap(data: &[u8]) -> CMap {
    let mut cmap = CMap::default();
    // Each hex string of a section, with the index of its closing '>'.
    let hexes = |section: &[u8]| -> Vec<(Vec<u8>, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(open) = find(section, b"<", i) {
            let Some((bytes, after)) = read_hex(section, open) else { break };
            out.push((bytes, after - 1));
            i = after;
        }
        out
    };
    let mut from = 0;
    while let Some(start) = find(data, b"beginbfchar", from) {
        let end = find(data, b"endbfchar", start).unwrap_or(data.len());
        for pair in hexes(&data[start..end]).chunks_exact(2) {
            cmap.two_byte |= pair[0].0.len() >= 2;
            cmap.map.insert(code_of(&pair[0].0), utf16(&pair[1].0));
        }
        from = end;
    }
    from = 0;
    while let Some(start) = find(data, b"beginbfrange", from) {
        let end = find(data, b"endbfrange", start).unwrap_or(data.len());
        let section = &data[start..end];
        let items = hexes(section);
        let mut i = 0;
        while i + 2 < items.len() + 1 && i + 1 < items.len() {
            let (lo, hi) = (code_of(&items[i].0), code_of(&items[i + 1].0));
            cmap.two_byte |= items[i].0.len() >= 2;
            // Either a destination string, or an array of them.
            let after_hi = items[i + 1].1 + 1;
            let next_non_ws =
                section[after_hi..].iter().position(|&c| !is_ws(c)).map(|p| after_hi + p);
            if next_non_ws.is_some_and(|p| section[p] == b'[') {
                let close = find(section, b"]", after_hi).unwrap_or(section.len());
                let mut k = i + 2;
                let mut code = lo;
                while k < items.len() && items[k].1 < close && code <= hi {
                    cmap.map.insert(code, utf16(&items[k].0));
                    code += 1;
                    k += 1;
                }
                i = k;
            } else if let Some(dst) = items.get(i + 2) {
                let base = dst.0.clone();
                for (offset, code) in (lo..=hi.min(lo.saturating_add(0xFFFF))).enumerate() {
                    let mut d = base.clone();
                    if let Some(last) = d.last_mut() {
                        *last = last.wrapping_add(u8::try_from(offset & 0xFF).unwrap_or(0));
                    }
                    cmap.map.insert(code, utf16(&d));
                }
                i += 3;
            } else {
                break;
            }
        }
        from = end;
    }
    cmap
}

/// Decodes a string shown with a font.
fn decode(bytes: &[u8], font: Option<&CMap>, out: &mut String) {
    match font {
        Some(cmap) if !cmap.map.is_empty() => {
            let width = if cmap.two_byte { 2 } else { 1 };
            for code in bytes.chunks(width) {
                match cmap.map.get(&code_of(code)) {
                    Some(text) => out.push_str(text),
                    None if width == 1 => out.push(char::from(code[0])),
                    None => {}
                }
            }
        }
        _ => out.extend(bytes.iter().map(|&b| char::from(b))),
    }
}

/// The fonts met so far, by the object (or resource name) that defines them.
#[derive(Default)]
struct Fonts {
    maps: HashMap<Vec<u8>, Option<Rc<CMap>>>,
}

impl Fonts {
    /// The ToUnicode map of font resource `name` in `resources`.
    fn get(&mut self, doc: &Document<'_>, resources: &Dict, name: &[u8]) -> Option<Rc<CMap>> {
        let fonts = doc.dict(resources, b"Font")?;
        let entry = fonts.get(name)?;
        // Keyed by the font object when there is one, so that two pages share the work.
        let key = match entry {
            Object::Ref(r) => format!("{} {}", r.num, r.gen).into_bytes(),
            _ => [b"/".as_slice(), name].concat(),
        };
        if let Some(found) = self.maps.get(&key) {
            return found.clone();
        }
        let map = doc
            .resolve(entry)
            .as_dict()
            .and_then(|font| font.get(b"ToUnicode").map(|t| doc.resolve(t)))
            .and_then(|t| match t {
                Object::Stream(s) => doc.decode(&s).ok(),
                _ => None,
            })
            .map(|data| Rc::new(parse_cmap(&data)));
        self.maps.insert(key, map.clone());
        map
    }
}

/// The text of every page, in page order; `None` when no page has readable content.
pub(super) fn extract(doc: &Document<'_>, pages: &[Page]) -> Option<String> {
    let mut fonts = Fonts::default();
    let mut text = String::new();
    let mut any = false;
    for page in pages {
        let mut font: Option<Rc<CMap>> = None;
        let (walked, _) = content::page(doc, page, &mut |resources, shown| {
            match shown {
                Shown::Font(name) => font = fonts.get(doc, resources, name),
                Shown::Text(s) => decode(s, font.as_deref(), &mut text),
                Shown::Gap => text.push(' '),
                Shown::Line => text.push('\n'),
            }
            if text.len() >= MAX_TEXT {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        any |= walked.read;
        text.push('\n');
        if text.len() >= MAX_TEXT {
            break;
        }
    }
    any.then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of a whole file, as `pdf::check` reads it.
    fn extract(file: &[u8]) -> Option<String> {
        let doc = Document::open(file);
        super::extract(&doc, &doc.pages().ok()?)
    }

    #[test]
    fn text_of_a_simple_page() {
        let pdf = b"%PDF-1.4\n8 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n9 0 obj << /Type /Pages /Kids [1 0 R] >> endobj\n1 0 obj << /Type /Page /Contents 2 0 R >> endobj\n2 0 obj << /Length 60 >>\nstream\nBT /F1 12 Tf 72 712 Td (Certificat de scolarit\\351) Tj 0 -14 Td [(2026) -300 (- 2027)] TJ ET\nendstream\nendobj\n%%EOF";
        let text = extract(pdf).unwrap();
        assert!(text.contains("Certificat de scolarité"), "{text:?}");
        assert!(text.contains("2026 - 2027"), "{text:?}");
    }

    #[test]
    fn two_byte_fonts_go_through_their_tounicode_map() {
        let cmap = b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <0049> <0002> <0042> endbfchar 1 beginbfrange <0003> <0004> <0041> endbfrange endcmap";
        let mut pdf = b"%PDF-1.5\n8 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n9 0 obj << /Type /Pages /Kids [1 0 R] >> endobj\n1 0 obj << /Type /Page /Resources << /Font << /F1 5 0 R >> >> /Contents 2 0 R >> endobj\n".to_vec();
        pdf.extend_from_slice(b"2 0 obj << /Length 40 >>\nstream\nBT /F1 10 Tf <000100020003000300040004> Tj ET\nendstream\nendobj\n");
        pdf.extend_from_slice(
            b"5 0 obj << /Type /Font /Subtype /Type0 /ToUnicode 6 0 R >> endobj\n",
        );
        pdf.extend_from_slice(format!("6 0 obj << /Length {} >>\nstream\n", cmap.len()).as_bytes());
        pdf.extend_from_slice(cmap);
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF");
        assert_eq!(extract(&pdf).unwrap().trim(), "IBAABB");
    }

    #[test]
    fn pages_stored_in_object_streams_are_read() {
        let objects = b"1 0 << /Type /Page /Contents 2 0 R >>";
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(objects, 6);
        let mut pdf =
            b"%PDF-1.5\n8 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n9 0 obj << /Type /Pages /Kids [1 0 R] >> endobj\n7 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
                .to_vec();
        pdf.extend_from_slice(&packed);
        pdf.extend_from_slice(b"\nendstream\nendobj\n2 0 obj << /Length 30 >>\nstream\nBT (IBAN FR76) Tj ET\nendstream\nendobj\n");
        assert_eq!(extract(&pdf).unwrap().trim(), "IBAN FR76");
        let cut = &pdf[..pdf.len() - 20];
        assert_eq!(extract(cut), None, "a content stream cut before endstream is not read");
    }

    #[test]
    fn no_pages_no_text() {
        assert_eq!(extract(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj"), None);
    }
}
