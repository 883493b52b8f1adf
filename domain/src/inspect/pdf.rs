//! PDF: whether it opens without a password (the standard security handler's user-password
//! check with an empty password, revisions 2–6), how many pages it has, and whether anything
//! readable is there at all. It reads only what it needs, with bounded inflation.

use md5::{Digest, Md5};
use sha2::{Sha256, Sha384, Sha512};

/// Whether a PDF is encrypted, and whether that stops it from opening.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encryption {
    /// Not encrypted.
    None,
    /// Encrypted with an empty user password: opens, but editing or printing may be limited.
    PermissionsOnly,
    /// Needs a password (or a certificate) to open.
    NeedsPassword,
}

/// What a PDF check found.
#[derive(Debug)]
pub struct PdfReport {
    /// Pages, when the page tree could be read.
    pub pages: Option<u32>,
    /// Encryption.
    pub encryption: Encryption,
    /// Nothing a reader could open.
    pub damaged: bool,
    /// Whether the pages carry text (a text layer) or only images (a scan); `None` when the
    /// content could not be read (encrypted, or streams in filters we do not inflate).
    pub text_layer: Option<bool>,
}

/// Total bytes inflated from object streams while looking for the page tree.
pub(super) const MAX_INFLATE: usize = 32 * 1024 * 1024;
/// Occurrences of a keyword examined: a real file has a handful; a hostile one millions.
const MAX_HITS: usize = 10_000;

pub(super) fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    // memchr's substring search: a byte-by-byte window compare cost most of the time on
    // multi-megabyte scans.
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

/// Every position of `needle`, at most [`MAX_HITS`] of them.
fn find_all<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let p = find(hay, needle, from)?;
        from = p + 1;
        Some(p)
    })
    .take(MAX_HITS)
}

pub(super) fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// A PDF value, as far as this module needs one.
#[derive(Debug, PartialEq)]
pub(super) enum Value {
    Int(i64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Ref(u32, u32),
    Bool(bool),
    Other,
}

fn read_int(b: &[u8], i: usize) -> Option<(i64, usize)> {
    let mut j = i;
    if matches!(b.get(j), Some(b'-' | b'+')) {
        j += 1;
    }
    let start = j;
    while b.get(j).is_some_and(u8::is_ascii_digit) {
        j += 1;
    }
    if j == start || j - start > 18 {
        return None;
    }
    let text = std::str::from_utf8(b.get(i..j)?).ok()?;
    Some((text.parse().ok()?, j))
}

pub(super) fn read_literal(b: &[u8], mut i: usize) -> Option<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    let mut depth = 1usize;
    i += 1;
    loop {
        let c = *b.get(i)?;
        i += 1;
        match c {
            b'\\' => {
                let e = *b.get(i)?;
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        for _ in 0..2 {
                            match b.get(i) {
                                Some(d @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push((v & 0xFF) as u8);
                    }
                    b'\r' => {
                        if b.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            b'(' => {
                depth += 1;
                out.push(c);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((out, i));
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

pub(super) fn read_hex(b: &[u8], mut i: usize) -> Option<(Vec<u8>, usize)> {
    i += 1;
    let mut digits = Vec::new();
    loop {
        let c = *b.get(i)?;
        i += 1;
        match c {
            b'>' => break,
            c if c.is_ascii_hexdigit() => digits.push(c),
            c if c.is_ascii_whitespace() => {}
            _ => return None,
        }
    }
    if digits.len() % 2 == 1 {
        digits.push(b'0');
    }
    let out = digits
        .chunks(2)
        .map(|pair| std::str::from_utf8(pair).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect::<Option<Vec<u8>>>()?;
    Some((out, i))
}

/// Reads one value at `i`: a number or reference, a name, a string; anything else is `Other`.
fn read_value(b: &[u8], i: usize) -> Option<(Value, usize)> {
    let i = skip_ws(b, i);
    match *b.get(i)? {
        b'/' => {
            let mut j = i + 1;
            while b.get(j).is_some_and(|&c| !is_delimiter(c)) {
                j += 1;
            }
            Some((Value::Name(b.get(i + 1..j)?.to_vec()), j))
        }
        b'(' => read_literal(b, i).map(|(s, j)| (Value::Str(s), j)),
        b'<' if b.get(i + 1) != Some(&b'<') => read_hex(b, i).map(|(s, j)| (Value::Str(s), j)),
        b'0'..=b'9' | b'-' | b'+' => {
            let (n, j) = read_int(b, i)?;
            // "n g R" is a reference.
            let k = skip_ws(b, j);
            if let Some((g, l)) = read_int(b, k) {
                let m = skip_ws(b, l);
                if b.get(m) == Some(&b'R') && b.get(m + 1).is_none_or(|&c| is_delimiter(c)) {
                    return Some((
                        Value::Ref(u32::try_from(n).ok()?, u32::try_from(g).ok()?),
                        m + 1,
                    ));
                }
            }
            Some((Value::Int(n), j))
        }
        b't' if b.get(i..i + 4) == Some(b"true") => Some((Value::Bool(true), i + 4)),
        b'f' if b.get(i..i + 5) == Some(b"false") => Some((Value::Bool(false), i + 5)),
        _ => Some((Value::Other, i)),
    }
}

/// The value of key `/name` in the dictionary that starts at `start` (top level only).
pub(super) fn dict_get(b: &[u8], start: usize, name: &[u8]) -> Option<Value> {
    let mut i = skip_ws(b, start);
    if b.get(i..i + 2)? != b"<<" {
        return None;
    }
    i += 2;
    let mut depth = 1usize;
    let mut steps = 0;
    while depth > 0 && steps < 10_000 {
        steps += 1;
        i = skip_ws(b, i);
        match (b.get(i)?, b.get(i + 1)) {
            (b'<', Some(b'<')) => {
                depth += 1;
                i += 2;
            }
            (b'>', Some(b'>')) => {
                depth -= 1;
                i += 2;
            }
            (b'/', _) if depth == 1 => {
                let (key, j) = read_value(b, i)?;
                let Value::Name(key) = key else { return None };
                if key == name {
                    return read_value(b, j).map(|(v, _)| v);
                }
                i = j;
            }
            (b'(', _) => i = read_literal(b, i)?.1,
            (b'<', _) => i = read_hex(b, i)?.1,
            _ => i += 1,
        }
    }
    None
}

/// Where the body of object `n g` starts (after `n g obj`), the last definition winning.
fn object(b: &[u8], n: u32, g: u32) -> Option<usize> {
    let needle = format!("{n} {g} obj");
    find_all(b, needle.as_bytes())
        .filter(|&p| p == 0 || b.get(p - 1).is_some_and(|&c| is_delimiter(c)))
        .last()
        .map(|p| p + needle.len())
}

/// The dictionary a value refers to (itself, or the object a reference names).
fn dict_start(b: &[u8], at: usize) -> Option<usize> {
    let (value, _) = read_value(b, at)?;
    let start = match value {
        Value::Ref(n, g) => object(b, n, g)?,
        _ => at,
    };
    let s = skip_ws(b, start);
    (b.get(s..s + 2)? == b"<<").then_some(s)
}

/// The last trailer-like dictionary that names `/Encrypt`, and where its value starts.
fn encrypt_value(b: &[u8]) -> Option<usize> {
    find_all(b, b"/Encrypt")
        .map(|p| p + b"/Encrypt".len())
        .filter(|&after| b.get(after).is_some_and(|&c| is_delimiter(c)))
        .last()
}

fn first_id(b: &[u8]) -> Vec<u8> {
    find_all(b, b"/ID")
        .filter_map(|p| {
            let i = skip_ws(b, p + 3);
            match (b.get(i), read_value(b, i + 1)) {
                (Some(b'['), Some((Value::Str(s), _))) => Some(s),
                _ => None,
            }
        })
        .last()
        .unwrap_or_default()
}

const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut s: [u8; 256] = std::array::from_fn(|i| i as u8);
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|&byte| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[usize::from(i)]);
            s.swap(usize::from(i), usize::from(j));
            byte ^ s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))]
        })
        .collect()
}

/// Algorithm 2.B of ISO 32000-2 (revision 6) for an empty password.
fn hash_2b(salt: &[u8], udata: &[u8]) -> Vec<u8> {
    use aes::cipher::{BlockModeEncrypt, KeyIvInit};
    let mut k: Vec<u8> = Sha256::new().chain_update(salt).chain_update(udata).finalize().to_vec();
    let mut round = 0u32;
    loop {
        // E = AES-128-CBC(key: K[0..16], iv: K[16..32], 64 × (K ‖ udata)), without padding: its
        // length, 64 × (32, 48 or 64 + 48) bytes, is whole blocks.
        let mut e: Vec<u8> = [&k[..], udata].concat().repeat(64);
        let Some((key, iv)) = k.get(..16).zip(k.get(16..32)) else { return k };
        let Ok(mut cbc) = cbc::Encryptor::<aes::Aes128>::new_from_slices(key, iv) else { return k };
        let (blocks, rest) = aes::Block::slice_as_chunks_mut(&mut e);
        if !rest.is_empty() {
            return k;
        }
        cbc.encrypt_blocks(blocks);
        // The first 16 bytes as a big-endian number, mod 3: as 256 = 1 (mod 3), their sum mod 3.
        let sum: u32 = e[..16].iter().map(|&x| u32::from(x)).sum();
        k = match sum % 3 {
            0 => Sha256::digest(&e).to_vec(),
            1 => Sha384::digest(&e).to_vec(),
            _ => Sha512::digest(&e).to_vec(),
        };
        round += 1;
        let last = u32::from(e.last().copied().unwrap_or(0));
        if round >= 64 && last + 32 <= round {
            break;
        }
    }
    k.truncate(32);
    k
}

/// The parts of a standard security handler (revisions 2–4) that the checks need.
struct Rc4Handler {
    r: i64,
    o: Vec<u8>,
    u: Vec<u8>,
    p: i64,
    length: usize,
    id: Vec<u8>,
}

impl Rc4Handler {
    /// Algorithm 2: the file key from a padded password (without the 0xFFFFFFFF that
    /// revision 4 adds when metadata is left clear: see `empty_password_opens`).
    fn key(&self, padded: &[u8]) -> Vec<u8> {
        let mut md5 = Md5::new();
        md5.update(padded);
        md5.update(self.o.get(..32).unwrap_or(&self.o));
        // /P is a signed 32-bit value stored as its low four bytes.
        md5.update(((self.p & 0xFFFF_FFFF) as u32).to_le_bytes());
        md5.update(&self.id);
        let mut key = md5.finalize().to_vec();
        if self.r >= 3 {
            for _ in 0..50 {
                key = Md5::digest(&key[..self.length]).to_vec();
            }
        }
        key.truncate(self.length);
        key
    }

    /// Algorithms 4–6: whether a padded password is the user password.
    fn user_ok(&self, padded: &[u8]) -> bool {
        let key = self.key(padded);
        if self.r == 2 {
            return rc4(&key, &PAD) == self.u.get(..32).unwrap_or(&self.u);
        }
        let mut x = rc4(&key, &Md5::new().chain_update(PAD).chain_update(&self.id).finalize());
        for i in 1..=19u8 {
            let k: Vec<u8> = key.iter().map(|&c| c ^ i).collect();
            x = rc4(&k, &x);
        }
        self.u.get(..16) == Some(&x[..])
    }

    /// Algorithm 7: the user password an empty owner password unlocks, padded.
    fn user_from_empty_owner(&self) -> Vec<u8> {
        let mut key = Md5::digest(PAD).to_vec();
        if self.r >= 3 {
            for _ in 0..50 {
                key = Md5::digest(&key[..self.length]).to_vec();
            }
        }
        key.truncate(self.length);
        let mut x = self.o.get(..32).unwrap_or(&self.o).to_vec();
        if self.r == 2 {
            return rc4(&key, &x);
        }
        for i in (0..=19u8).rev() {
            let k: Vec<u8> = key.iter().map(|&c| c ^ i).collect();
            x = rc4(&k, &x);
        }
        x
    }
}

/// Whether a reader opens the file without asking: with an empty user password, or an empty
/// owner password (readers try both).
fn empty_password_opens(b: &[u8], dict: usize) -> Option<bool> {
    let int = |key: &[u8]| match dict_get(b, dict, key) {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    };
    let string = |key: &[u8]| match dict_get(b, dict, key) {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    };
    if dict_get(b, dict, b"Filter") != Some(Value::Name(b"Standard".to_vec())) {
        return Some(false);
    }
    let r = int(b"R")?;
    let u = string(b"U")?;
    let o = string(b"O")?;
    match r {
        2..=4 => {
            let length = if r == 2 {
                5
            } else {
                usize::try_from(int(b"Length").unwrap_or(40) / 8).ok()?.clamp(5, 16)
            };
            let handler = Rc4Handler { r, o, u, p: int(b"P")?, length, id: first_id(b) };
            // ISO 32000 adds 0xFFFFFFFF to the key when revision 4 leaves metadata clear, but
            // qpdf, poppler and pypdf refuse such files without a password (pdf.js issue
            // 19484, in the shared corpus): a file only the spec's reading opens may not open
            // for the portal either, so it counts as needing a password.
            Some(handler.user_ok(&PAD) || handler.user_ok(&handler.user_from_empty_owner()))
        }
        5 => Some(
            (u.len() >= 40 && Sha256::digest(&u[32..40]).as_slice() == &u[..32])
                || (o.len() >= 40
                    && u.len() >= 48
                    && Sha256::new()
                        .chain_update(&o[32..40])
                        .chain_update(&u[..48])
                        .finalize()
                        .as_slice()
                        == &o[..32]),
        ),
        6 => Some(
            (u.len() >= 40 && hash_2b(&u[32..40], &[]) == u[..32])
                || (o.len() >= 40 && u.len() >= 48 && hash_2b(&o[32..40], &u[..48]) == o[..32]),
        ),
        _ => Some(false),
    }
}

fn encryption(b: &[u8]) -> Encryption {
    let Some(at) = encrypt_value(b) else { return Encryption::None };
    let Some(dict) = dict_start(b, at) else { return Encryption::NeedsPassword };
    match empty_password_opens(b, dict) {
        Some(true) => Encryption::PermissionsOnly,
        _ => Encryption::NeedsPassword,
    }
}

/// The largest `/Count` of a `/Type /Pages` dictionary in `b`: the root of the page tree.
fn max_pages_count(b: &[u8]) -> Option<u32> {
    let mut best: Option<u32> = None;
    for p in find_all(b, b"/Pages") {
        let after = p + b"/Pages".len();
        if !b.get(after).is_none_or(|&c| is_delimiter(c)) {
            continue;
        }
        let before = &b[p.saturating_sub(12)..p];
        let is_type = before.windows(5).any(|w| w == b"/Type");
        if !is_type {
            continue;
        }
        // The dictionary around it: from the last "<<" before, a bounded window.
        let window_start = p.saturating_sub(2048);
        let Some(open) =
            b.get(window_start..p).and_then(|w| w.windows(2).rposition(|x| x == b"<<"))
        else {
            continue;
        };
        let start = window_start + open;
        if let Some(Value::Int(n)) = dict_get(b, start, b"Count") {
            if let Ok(n) = u32::try_from(n) {
                best = Some(best.map_or(n, |m| m.max(n)));
            }
        }
    }
    best
}

/// Where the data of the stream whose `stream` keyword is at `keyword` starts and ends: after
/// the keyword's end of line, up to `endstream` (or the end of the file, for a cut file).
pub(super) fn stream_bounds(b: &[u8], keyword: usize) -> (usize, usize) {
    let data = stream_data(b, keyword);
    (data, find(b, b"endstream", data).unwrap_or(b.len()))
}

/// Where the data of the stream whose `stream` keyword is at `keyword` starts: after the
/// keyword's end of line.
fn stream_data(b: &[u8], keyword: usize) -> usize {
    let mut data = keyword + b"stream".len();
    if b.get(data) == Some(&b'\r') {
        data += 1;
    }
    if b.get(data) == Some(&b'\n') {
        data += 1;
    }
    data.min(b.len())
}

/// Inflated object streams, up to [`MAX_INFLATE`] bytes in all.
fn object_streams(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut hits = 0;
    while let Some(p) = find(b, b"/ObjStm", from) {
        hits += 1;
        if hits > MAX_HITS {
            break;
        }
        let Some(s) = find(b, b"stream", p) else { break };
        let (data, end) = stream_bounds(b, s);
        let remaining = MAX_INFLATE.saturating_sub(out.len());
        if remaining == 0 {
            break;
        }
        if let Ok(raw) =
            miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&b[data..end], remaining)
        {
            out.extend_from_slice(&raw);
        }
        from = end;
    }
    out
}

/// Whether a content stream shows text: a text object with a show-text operator.
fn shows_text(content: &[u8]) -> bool {
    let operator = |op: &[u8]| {
        memchr::memmem::find_iter(content, op).any(|at| {
            at > 0 && matches!(content[at - 1], b')' | b']' | b'>' | b' ' | b'\n' | b'\r')
        })
    };
    find(content, b"BT", 0).is_some() && (operator(b"Tj") || operator(b"TJ"))
}

/// How far before a `stream` keyword its object may start (dictionaries of real files are a
/// few hundred bytes; an image's may hold a long /DecodeParms or /ColorSpace).
const DICT_WINDOW: usize = 4096;

/// A stream, as [`text_layer`] needs it.
struct Stream {
    /// Its dictionary names no /Filter: the data is as written.
    plain: bool,
    /// Its dictionary says `/Subtype /Image`.
    image: bool,
    /// Where its data starts and ends.
    data: usize,
    end: usize,
}

/// The stream whose `stream` keyword is at `keyword`. A direct /Length that lands on
/// `endstream` is trusted, so that the walk jumps over images instead of searching them;
/// otherwise `endstream` is searched for, as a damaged file needs.
fn stream_at(b: &[u8], keyword: usize) -> Stream {
    let from = keyword.saturating_sub(DICT_WINDOW);
    let dict = memchr::memmem::rfind(&b[from..keyword], b"obj")
        .and_then(|o| find(&b[..keyword], b"<<", from + o));
    let get = |name: &[u8]| dict.and_then(|d| dict_get(b, d, name));
    let data = stream_data(b, keyword);
    let by_length = match get(b"Length") {
        Some(Value::Int(n)) => usize::try_from(n)
            .ok()
            .and_then(|n| data.checked_add(n))
            .filter(|&e| b.get(skip_ws(b, e)..).is_some_and(|r| r.starts_with(b"endstream"))),
        _ => None,
    };
    Stream {
        plain: get(b"Filter").is_none(),
        image: matches!(get(b"Subtype"), Some(Value::Name(name)) if name == b"Image"),
        data,
        end: by_length.unwrap_or_else(|| find(b, b"endstream", data).unwrap_or(b.len())),
    }
}

/// Text layer or scan: walks the streams, reading plain ones as they are and inflating the
/// others (bounded); images are skipped, never searched for text.
fn text_layer(b: &[u8]) -> Option<bool> {
    let mut inflated_any = false;
    let mut saw_image = false;
    let mut budget = MAX_INFLATE;
    let mut from = 0;
    let mut hits = 0;
    while let Some(s) = find(b, b"stream", from) {
        hits += 1;
        if hits > MAX_HITS || budget == 0 {
            break;
        }
        from = s + 1;
        if b.get(s.saturating_sub(3)..s) == Some(b"end") {
            continue;
        }
        let stream = stream_at(b, s);
        from = stream.end.max(from);
        if stream.image {
            saw_image = true;
            continue;
        }
        let content = &b[stream.data..stream.end];
        if stream.plain && shows_text(content) {
            return Some(true);
        }
        // Whatever the dictionary says (a filter array, an unreadable dictionary): a stream
        // that is not zlib data fails on its first two bytes.
        if let Ok(raw) = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(content, budget) {
            inflated_any = true;
            budget = budget.saturating_sub(raw.len());
            if shows_text(&raw) {
                return Some(true);
            }
        }
    }
    // Streams we could read and no text in them, or images and no text at all: a scan.
    (inflated_any || saw_image || find(b, b"/Image", 0).is_some()).then_some(false)
}

/// Checks a PDF file (its header already found).
#[must_use]
pub fn check(bytes: &[u8]) -> PdfReport {
    let encryption = encryption(bytes);
    let damaged = find(bytes, b"obj", 0).is_none();
    let pages = if damaged {
        None
    } else {
        max_pages_count(bytes).or_else(|| {
            if encryption == Encryption::None {
                max_pages_count(&object_streams(bytes))
            } else {
                None
            }
        })
    };
    let text_layer =
        if damaged || encryption != Encryption::None { None } else { text_layer(bytes) };
    PdfReport { pages, encryption, damaged, text_layer }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(hex: &str) -> Vec<u8> {
        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
    }

    /// Known answers from qpdf 11 (`qpdf --encrypt "" owner-secret 256`, and with both
    /// passwords empty): the empty user password matches U, and the empty owner password O.
    #[test]
    fn the_revision_6_hash_matches_what_qpdf_wrote() {
        let u = unhex(
            "7a0fa66fc764fe8170fe8720e8e4f4c21bd9bc5ca71d94258bce32b9ae24ca21\
             c52ecffe64126f6b1986b0bcd0be2b15",
        );
        assert_eq!(hash_2b(&u[32..40], &[]), u[..32]);
        assert_ne!(hash_2b(&u[40..48], &[]), u[..32], "the key salt is not the validation salt");
        let o = unhex(
            "944c4c87981655814db48140cae1b10af52d9d93f2823e85efaf02fbba40d8c7\
             5c678d0bf5aac8d3fe712d86dcf5e7fe",
        );
        let u = unhex(
            "96a99de61354392709e8beae706d5ba8ffa6814c782f68453bfe404e22b64532\
             eba50779149562659a7165ac0554df7a",
        );
        assert_eq!(hash_2b(&o[32..40], &u), o[..32]);
    }

    fn pdf(body: &str) -> Vec<u8> {
        format!("%PDF-1.7\n{body}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").into_bytes()
    }

    #[test]
    fn pages_come_from_the_root_of_the_page_tree() {
        let two = pdf("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n5 0 obj <</Type/Pages/Count 1/Parent 2 0 R>> endobj");
        let report = check(&two);
        assert_eq!(
            (report.pages, report.encryption, report.damaged),
            (Some(2), Encryption::None, false)
        );
        assert_eq!(
            check(&pdf("2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj")).pages,
            Some(0)
        );
        assert!(check(b"%PDF-1.4\nthis is not a pdf at all").damaged);
    }

    #[test]
    fn pixels_that_spell_text_operators_are_still_an_image() {
        // Like pdf.js's issue14200.pdf: inflated pixels that happen to hold "BT" and "Tj".
        let data = miniz_oxide::deflate::compress_to_vec_zlib(b"\x01BT (ab) Tj ET\x02", 6);
        let stream = |dict: &str| {
            let mut pdf = format!(
                "%PDF-1.5\n5 0 obj << {dict} /Filter /FlateDecode /Length {} >>\nstream\n",
                data.len()
            )
            .into_bytes();
            pdf.extend_from_slice(&data);
            pdf.extend_from_slice(b"\nendstream\nendobj\n");
            pdf
        };
        let image = stream("/Type /XObject /Subtype /Image /Width 4 /Height 4");
        assert_eq!(check(&image).text_layer, Some(false));
        // The same bytes as a page's content stream are text.
        assert_eq!(check(&stream("")).text_layer, Some(true));
    }

    #[test]
    fn a_text_layer_is_told_from_a_scan() {
        let text = pdf("4 0 obj << /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Certificat) Tj ET\nendstream\nendobj");
        assert_eq!(check(&text).text_layer, Some(true));
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(
            b"BT /F1 12 Tf [(Cert) -20 (ificat)] TJ ET",
            6,
        );
        let mut compressed = b"%PDF-1.5\n4 0 obj << /Filter /FlateDecode >>\nstream\n".to_vec();
        compressed.extend_from_slice(&packed);
        compressed.extend_from_slice(b"\nendstream\nendobj\n");
        assert_eq!(check(&compressed).text_layer, Some(true));
        let image =
            miniz_oxide::deflate::compress_to_vec_zlib(b"q 595 0 0 842 0 0 cm /Im1 Do Q", 6);
        let mut scan = b"%PDF-1.5\n4 0 obj << /Filter /FlateDecode >>\nstream\n".to_vec();
        scan.extend_from_slice(&image);
        scan.extend_from_slice(b"\nendstream\nendobj\n");
        assert_eq!(check(&scan).text_layer, Some(false));
    }

    #[test]
    fn pages_inside_compressed_object_streams_are_found() {
        let inner = b"2 0 << /Type /Pages /Kids [3 0 R] /Count 3 >>";
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(inner, 6);
        let mut bytes =
            b"%PDF-1.7\n7 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
                .to_vec();
        bytes.extend_from_slice(&packed);
        bytes.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        assert_eq!(check(&bytes).pages, Some(3));
    }

    /// A revision-3 standard security handler whose U matches `user_password_matches`.
    fn encrypted(user_password_matches: bool) -> Vec<u8> {
        let handler = Rc4Handler {
            r: 3,
            o: vec![7; 32],
            u: Vec::new(),
            p: -4,
            length: 16,
            id: b"0123456789abcdef".to_vec(),
        };
        let key = handler.key(&PAD);
        let mut x = rc4(&key, &Md5::new().chain_update(PAD).chain_update(&handler.id).finalize());
        for i in 1..=19u8 {
            let k: Vec<u8> = key.iter().map(|&c| c ^ i).collect();
            x = rc4(&k, &x);
        }
        if !user_password_matches {
            x[0] ^= 1;
        }
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        format!(
            "%PDF-1.6\n1 0 obj << /Type /Pages /Count 1 >> endobj\n9 0 obj << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <{}> /U <{}{}> >> endobj\ntrailer << /Root 1 0 R /Encrypt 9 0 R /ID [<{}><{}>] >>\n%%EOF\n",
            hex(&handler.o),
            hex(&x),
            "00".repeat(16),
            hex(&handler.id),
            hex(&handler.id)
        )
        .into_bytes()
    }

    #[test]
    fn an_empty_user_password_is_permissions_only_and_any_other_needs_a_password() {
        assert_eq!(check(&encrypted(true)).encryption, Encryption::PermissionsOnly);
        assert_eq!(check(&encrypted(false)).encryption, Encryption::NeedsPassword);
        let public_key =
            pdf("9 0 obj << /Filter /Adobe.PubSec /R 4 >> endobj\ntrailer << /Encrypt 9 0 R >>");
        assert_eq!(check(&public_key).encryption, Encryption::NeedsPassword);
    }

    #[test]
    fn strings_and_values_parse_like_a_reader() {
        assert_eq!(
            read_literal(b"(a\\(b\\)c (nested) \\101\\n)", 0).map(|(s, _)| s),
            Some(b"a(b)c (nested) A\n".to_vec())
        );
        assert_eq!(
            read_hex(b"<48 65 6c6c 6f7>", 0).map(|(s, _)| s),
            Some(b"Hello".iter().copied().chain([0x70]).collect())
        );
        assert_eq!(read_value(b" 12 0 R", 0).map(|(v, _)| v), Some(Value::Ref(12, 0)));
        assert_eq!(read_value(b" 12 0 obj", 0).map(|(v, _)| v), Some(Value::Int(12)));
        assert_eq!(read_value(b"false", 0).map(|(v, _)| v), Some(Value::Bool(false)));
        assert_eq!(read_literal(b"(never closed", 0), None);
    }
}
