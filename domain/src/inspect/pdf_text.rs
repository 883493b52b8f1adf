//! The text of a PDF's pages, for content checks (the year on a certificate, the IBAN and the
//! holder on a RIB). It follows what most office and bank exports produce: content streams
//! (plain or Flate), fonts with a ToUnicode map (two-byte codes) or simple one-byte encodings
//! (read as Latin-1). Bounded like the rest: inflation budget, object and text size caps.

use std::collections::HashMap;

use super::pdf::{
    dict_get, find, is_delimiter as is_delim, read_hex, read_literal, stream_bounds, Value,
    MAX_INFLATE,
};

/// Characters of text kept.
const MAX_TEXT: usize = 256 * 1024;
/// Objects indexed.
const MAX_OBJECTS: usize = 200_000;

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

/// Every object body by number: uncompressed ones in the file, compressed ones in object
/// streams. The last definition wins, as with incremental updates.
struct Objects<'a> {
    file: &'a [u8],
    plain: HashMap<u32, usize>,
    packed: HashMap<u32, Vec<u8>>,
    budget: usize,
}

fn parse_uint(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(b).ok()?.parse().ok()
}

/// The object number of `N G obj` ending just before `at` (the position of "obj").
fn number_before(b: &[u8], at: usize) -> Option<u32> {
    let mut i = at;
    while i > 0 && is_ws(b[i - 1]) {
        i -= 1;
    }
    let gen_end = i;
    while i > 0 && b[i - 1].is_ascii_digit() {
        i -= 1;
    }
    if i == gen_end {
        return None;
    }
    while i > 0 && is_ws(b[i - 1]) {
        i -= 1;
    }
    let num_end = i;
    while i > 0 && b[i - 1].is_ascii_digit() {
        i -= 1;
    }
    if i > 0 && !is_delim(b[i - 1]) {
        return None;
    }
    parse_uint(&b[i..num_end])
}

impl<'a> Objects<'a> {
    fn index(file: &'a [u8]) -> Self {
        let mut objects =
            Objects { file, plain: HashMap::new(), packed: HashMap::new(), budget: MAX_INFLATE };
        let mut from = 0;
        while let Some(p) = find(file, b"obj", from) {
            from = p + 3;
            if objects.plain.len() >= MAX_OBJECTS {
                break;
            }
            let after_ok = file.get(p + 3).is_none_or(|&c| is_delim(c));
            if !after_ok || p >= 3 && &file[p - 3..p] == b"end" {
                continue;
            }
            if let Some(n) = number_before(file, p) {
                objects.plain.insert(n, p + 3);
            }
        }
        let streams: Vec<usize> = objects
            .plain
            .values()
            .copied()
            .filter(|&start| {
                dict_slice(file, start).is_some_and(|d| has_name(d, b"/Type", b"/ObjStm"))
            })
            .collect();
        for start in streams {
            objects.unpack(start);
        }
        objects
    }

    fn unpack(&mut self, start: usize) {
        let count = |key: &[u8]| match dict_get(self.file, start, key) {
            Some(Value::Int(n)) => usize::try_from(n).ok(),
            _ => None,
        };
        let (Some(n), Some(first)) = (count(b"N"), count(b"First")) else { return };
        let Some(data) = self.stream_data(start) else { return };
        let header = data.get(..first.min(data.len())).unwrap_or_default();
        let numbers: Vec<u32> =
            header.split(|&c| is_ws(c)).filter(|t| !t.is_empty()).filter_map(parse_uint).collect();
        let pairs: Vec<(u32, usize)> =
            numbers.chunks_exact(2).take(n).map(|p| (p[0], first + p[1] as usize)).collect();
        for (i, &(num, off)) in pairs.iter().enumerate() {
            let end = pairs.get(i + 1).map_or(data.len(), |&(_, o)| o).min(data.len());
            if let Some(body) = data.get(off..end) {
                self.packed.insert(num, body.to_vec());
            }
        }
    }

    /// The body of object `n`.
    fn get(&self, n: u32) -> Option<&[u8]> {
        if let Some(&start) = self.plain.get(&n) {
            return self.file.get(start..);
        }
        self.packed.get(&n).map(Vec::as_slice)
    }

    /// The decoded data of the stream object whose body starts at `start` in the file.
    fn stream_data(&mut self, start: usize) -> Option<Vec<u8>> {
        let file = self.file;
        let dict = dict_slice(file, start)?;
        let dict_end =
            start + (dict.as_ptr() as usize - file[start..].as_ptr() as usize) + dict.len();
        let s = find(file, b"stream", dict_end)?;
        if s > dict_end + 32 {
            return None;
        }
        let (data, end) = stream_bounds(file, s);
        // A stream cut before its `endstream` is not read.
        if file.get(end..end + 9) != Some(b"endstream") {
            return None;
        }
        let raw = &file[data..end];
        let flate = find(dict, b"/FlateDecode", 0).is_some() || find(dict, b"/Fl ", 0).is_some();
        let other_filter = find(dict, b"/Filter", 0).is_some() && !flate;
        if other_filter
            || find(dict, b"/DecodeParms", 0).is_some() && find(dict, b"/Predictor", 0).is_some()
        {
            return None;
        }
        if !flate {
            return Some(raw.to_vec());
        }
        let out = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(raw, self.budget).ok()?;
        self.budget = self.budget.saturating_sub(out.len());
        Some(out)
    }

    /// The decoded data of stream object `n` (uncompressed objects only: streams never live
    /// in object streams).
    fn stream(&mut self, n: u32) -> Option<Vec<u8>> {
        let start = *self.plain.get(&n)?;
        self.stream_data(start)
    }
}

/// The dictionary (`<< … >>`, nested ones included) at the start of `b[start..]`.
fn dict_slice(b: &[u8], start: usize) -> Option<&[u8]> {
    let mut i = start;
    while b.get(i).is_some_and(|&c| is_ws(c)) {
        i += 1;
    }
    if b.get(i..i + 2)? != b"<<" {
        return None;
    }
    let open = i;
    let mut depth = 0usize;
    while i + 1 < b.len() && i - open < 1 << 20 {
        match (b[i], b[i + 1]) {
            (b'<', b'<') => {
                depth += 1;
                i += 2;
            }
            (b'>', b'>') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return b.get(open..i);
                }
            }
            (b'(', _) => {
                // Skip a literal string, which may hold unbalanced brackets.
                let mut nest = 0usize;
                while i < b.len() {
                    match b[i] {
                        b'\\' => i += 1,
                        b'(' => nest += 1,
                        b')' => {
                            nest -= 1;
                            if nest == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

fn has_name(dict: &[u8], key: &[u8], name: &[u8]) -> bool {
    let mut from = 0;
    while let Some(p) = find(dict, key, from) {
        from = p + 1;
        let mut i = p + key.len();
        while dict.get(i).is_some_and(|&c| is_ws(c)) {
            i += 1;
        }
        if dict.get(i..i + name.len()) == Some(name)
            && dict.get(i + name.len()).is_none_or(|&c| is_delim(c))
        {
            return true;
        }
    }
    false
}

/// Every `N G R` reference in `b`.
fn refs(b: &[u8]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = find(b, b"R", from) {
        from = p + 1;
        if b.get(p + 1).is_some_and(|&c| !is_delim(c))
            || b.get(p.wrapping_sub(1)).is_none_or(|&c| !is_ws(c))
        {
            continue;
        }
        if let Some(n) = number_before(b, p) {
            out.push(n);
        }
    }
    out
}

/// The value after `key` in a dictionary: an inline dictionary or the object a reference names.
fn dict_value<'o>(objects: &'o Objects<'_>, dict: &'o [u8], key: &[u8]) -> Option<&'o [u8]> {
    let p = find(dict, key, 0)?;
    let rest = dict.get(p + key.len()..)?;
    let trimmed = rest.iter().position(|&c| !is_ws(c))?;
    if rest.get(trimmed..trimmed + 2) == Some(b"<<") {
        return dict_slice(rest, trimmed);
    }
    let head = rest.get(..rest.len().min(32))?;
    let r = find(head, b" R", 0)?;
    let n = *refs(&head[..r + 2]).first()?;
    dict_slice(objects.get(n)?, 0)
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

/// Reads one PDF string at `i` (literal or hex); returns it and the index after it.
fn string_at(b: &[u8], i: usize) -> Option<(Vec<u8>, usize)> {
    match b.get(i)? {
        b'(' => read_literal(b, i),
        b'<' => read_hex(b, i),
        _ => None,
    }
}

/// The text a content stream shows, with the page's fonts.
fn show(content: &[u8], fonts: &HashMap<Vec<u8>, CMap>, out: &mut String) {
    let mut font: Option<&CMap> = None;
    let mut last_name: Vec<u8> = Vec::new();
    let mut i = 0;
    let mut pending: Vec<Vec<u8>> = Vec::new();
    while i < content.len() && out.len() < MAX_TEXT {
        let c = content[i];
        match c {
            b'(' | b'<' if content.get(i + 1) != Some(&b'<') => match string_at(content, i) {
                Some((s, j)) => {
                    pending.push(s);
                    i = j;
                }
                None => break,
            },
            b'/' => {
                let start = i;
                i += 1;
                while i < content.len() && !is_delim(content[i]) {
                    i += 1;
                }
                last_name = content[start..i].to_vec();
            }
            b'%' => {
                while i < content.len() && content[i] != b'\n' && content[i] != b'\r' {
                    i += 1;
                }
            }
            b'-' | b'0'..=b'9' | b'.' => {
                let start = i;
                i += 1;
                while i < content.len() && (content[i].is_ascii_digit() || content[i] == b'.') {
                    i += 1;
                }
                // A large negative kerning inside TJ is a word gap.
                if content[start] == b'-' && !pending.is_empty() {
                    let n: f32 = std::str::from_utf8(&content[start..i])
                        .ok()
                        .and_then(|t| t.parse().ok())
                        .unwrap_or(0.0);
                    if n < -200.0 {
                        pending.push(b" ".to_vec());
                    }
                }
            }
            c if c.is_ascii_alphabetic() || c == b'\'' || c == b'"' => {
                let start = i;
                while i < content.len() && !is_delim(content[i]) && content[i] != b'[' {
                    i += 1;
                }
                i = i.max(start + 1);
                match &content[start..i] {
                    b"Tf" => font = fonts.get(&last_name),
                    b"Tj" | b"TJ" | b"'" | b"\"" => {
                        for s in pending.drain(..) {
                            if s == b" " {
                                out.push(' ');
                            } else {
                                decode(&s, font, out);
                            }
                        }
                        if content[start] != b'T' {
                            out.push('\n');
                        }
                    }
                    b"Td" | b"TD" | b"T*" | b"Tm" => out.push('\n'),
                    b"ET" => out.push('\n'),
                    _ => pending.clear(),
                }
            }
            _ => i += 1,
        }
    }
}

/// The text of every page, in order of the page objects in the file; `None` when there is no
/// readable content.
#[must_use]
pub fn extract(file: &[u8]) -> Option<String> {
    let mut objects = Objects::index(file);
    let mut numbers: Vec<u32> =
        objects.plain.keys().chain(objects.packed.keys()).copied().collect();
    numbers.sort_unstable();
    numbers.dedup();
    let pages: Vec<u32> = numbers
        .into_iter()
        .filter(|&n| {
            objects
                .get(n)
                .and_then(|b| dict_slice(b, 0))
                .is_some_and(|d| has_name(d, b"/Type", b"/Page"))
        })
        .collect();
    let mut text = String::new();
    let mut any = false;
    for page in pages {
        let Some(dict) = objects.get(page).and_then(|b| dict_slice(b, 0)).map(<[u8]>::to_vec)
        else {
            continue;
        };
        // Fonts of the page: resource name → ToUnicode map.
        let mut fonts: HashMap<Vec<u8>, CMap> = HashMap::new();
        let font_entries: Vec<(Vec<u8>, u32)> = dict_value(&objects, &dict, b"/Resources")
            .and_then(|res| dict_value(&objects, res, b"/Font"))
            .map(|fd| {
                let mut out = Vec::new();
                let mut i = 2;
                while let Some(p) = find(fd, b"/", i) {
                    let mut j = p + 1;
                    while j < fd.len() && !is_delim(fd[j]) {
                        j += 1;
                    }
                    let name = fd[p..j].to_vec();
                    let head = &fd[j..fd.len().min(j + 24)];
                    if let (Some(r), true) = (find(head, b"R", 0), !head.starts_with(b"<<")) {
                        if let Some(n) = refs(&head[..r + 1]).first() {
                            out.push((name, *n));
                        }
                    }
                    i = j;
                }
                out
            })
            .unwrap_or_default();
        for (name, font) in font_entries {
            let to_unicode = objects
                .get(font)
                .and_then(|b| dict_slice(b, 0))
                .and_then(|d| find(d, b"/ToUnicode", 0).map(|p| refs(&d[p..d.len().min(p + 32)])))
                .and_then(|r| r.first().copied());
            if let Some(cmap) = to_unicode.and_then(|n| objects.stream(n)) {
                fonts.insert(name, parse_cmap(&cmap));
            }
        }
        let contents: Vec<u32> = find(&dict, b"/Contents", 0)
            .map(|p| {
                let rest = &dict[p + 9..];
                let end = if rest.iter().position(|&c| !is_ws(c)).is_some_and(|q| rest[q] == b'[') {
                    find(rest, b"]", 0).unwrap_or(rest.len())
                } else {
                    rest.len().min(24)
                };
                refs(&rest[..end.min(rest.len())])
            })
            .unwrap_or_default();
        for content in contents {
            if let Some(data) = objects.stream(content) {
                any = true;
                show(&data, &fonts, &mut text);
                text.push('\n');
            }
        }
        if text.len() >= MAX_TEXT {
            break;
        }
    }
    any.then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_a_simple_page() {
        let pdf = b"%PDF-1.4\n1 0 obj << /Type /Page /Contents 2 0 R >> endobj\n2 0 obj << /Length 60 >>\nstream\nBT /F1 12 Tf 72 712 Td (Certificat de scolarit\\351) Tj 0 -14 Td [(2026) -300 (- 2027)] TJ ET\nendstream\nendobj\n%%EOF";
        let text = extract(pdf).unwrap();
        assert!(text.contains("Certificat de scolarité"), "{text:?}");
        assert!(text.contains("2026 - 2027"), "{text:?}");
    }

    #[test]
    fn two_byte_fonts_go_through_their_tounicode_map() {
        let cmap = b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <0049> <0002> <0042> endbfchar 1 beginbfrange <0003> <0004> <0041> endbfrange endcmap";
        let mut pdf = b"%PDF-1.5\n1 0 obj << /Type /Page /Resources << /Font << /F1 5 0 R >> >> /Contents 2 0 R >> endobj\n".to_vec();
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
            b"%PDF-1.5\n7 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
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
