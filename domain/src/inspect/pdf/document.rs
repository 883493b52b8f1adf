//! A PDF opened as readers open it: from `startxref` to the cross-reference table or stream and
//! its trailer (following `/Prev` to older sections), then only the objects asked for — the
//! catalog, the page tree, a page's content. When that index is missing or wrong, the objects
//! are found by scanning the file, as qpdf, pdf.js and mupdf reconstruct it; whether the file
//! was cut short is told then. Everything is bounded: sections, objects, pages, inflated bytes.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::crypt::Crypt;
use super::filters::{self, FilterError};
use super::syntax::{
    indirect, indirect_keys, is_delimiter, is_white, Dict, Lexer, Object, Ref, Stream, SyntaxError,
};
use super::Encryption;

/// Bytes inflated in all, for one file (object streams, content, fonts' maps).
pub(crate) const MAX_INFLATE: usize = 32 * 1024 * 1024;
/// Cross-reference sections followed through `/Prev`.
const MAX_SECTIONS: usize = 512;
/// Objects indexed by a reconstruction.
const MAX_OBJECTS: usize = 500_000;
/// Nodes of the page tree visited (pages and intermediate nodes).
const MAX_NODES: usize = 200_000;
/// How far from the end `startxref` is looked for first (the spec says the last 1024 bytes;
/// some writers append junk).
const TAIL: usize = 64 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    Plain(usize),
    Packed { stream: u32, index: usize },
    Free,
}

/// A cross-reference table entry written the usual way: ten digits, a space, five digits, a
/// space, `n` or `f`.
fn fixed_entry(e: &[u8]) -> Option<Entry> {
    let digits = |r: &[u8]| {
        r.iter()
            .try_fold(0usize, |n, &d| d.is_ascii_digit().then(|| n * 10 + usize::from(d - b'0')))
    };
    if e[10] != b' ' || e[16] != b' ' {
        return None;
    }
    let offset = digits(&e[..10])?;
    digits(&e[11..16])?;
    match e[17] {
        b'n' => Some(Entry::Plain(offset)),
        b'f' => Some(Entry::Free),
        _ => None,
    }
}

/// Why the pages cannot be reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Damage {
    /// No catalog (`/Root`), through the index or by scanning.
    NoCatalog,
    /// A catalog without a page tree.
    NoPageTree,
    /// A page-tree node that is its own ancestor.
    Loop,
    /// Page-tree nodes that do not exist.
    MissingPages,
}

/// A page, with the resources it has or inherits from its ancestors, as written (a reference
/// or a dictionary: resolved only when its content is walked, as most pages share one).
#[derive(Clone, Debug)]
pub(crate) struct Page {
    /// The page object's reference, or its dictionary when written in its parent.
    source: Object,
    /// The nearest of the page and its ancestors that has /Resources (a reference, or the
    /// dictionary itself): read only when the page's content is walked.
    resources: Option<Rc<Object>>,
}

impl Page {
    /// The page's whole dictionary (the walk read only the keys it needed).
    pub fn dict(&self, doc: &Document<'_>) -> Dict {
        doc.resolve_dict(&self.source).unwrap_or_default()
    }

    /// The page's resources, its own or inherited, resolved.
    pub fn resources(&self, doc: &Document<'_>) -> Option<Dict> {
        doc.dict(&doc.resolve_dict(self.resources.as_deref()?)?, b"Resources")
    }
}

/// What scanning the file found.
#[derive(Default)]
struct Scan {
    entries: HashMap<u32, Entry>,
    trailer: Option<Dict>,
    /// The last object stops before its end: the data was cut.
    truncated: bool,
}

/// An object stream's decoded data and where each object in it starts.
struct Packed {
    data: Vec<u8>,
    offsets: Vec<(u32, usize)>,
}

pub(crate) struct Document<'a> {
    pub bytes: &'a [u8],
    entries: HashMap<u32, Entry>,
    pub trailer: Dict,
    /// The index was missing or wrong somewhere: objects were found by scanning.
    repaired: Cell<bool>,
    scan: OnceCell<Scan>,
    packed: RefCell<HashMap<u32, Option<Rc<Packed>>>>,
    budget: Cell<usize>,
    /// Where `%PDF-` is: offsets of files with junk before it may count from there.
    header: usize,
    encryption: Encryption,
    /// The key to the streams of an encrypted file that opens without a password.
    crypt: Option<Crypt>,
}

impl<'a> Document<'a> {
    /// Opens a file through its index, or by reconstruction when the index cannot be read.
    pub fn open(bytes: &'a [u8]) -> Self {
        let head = &bytes[..bytes.len().min(1024)];
        let header = memchr::memmem::find(head, b"%PDF-").unwrap_or(0);
        let mut doc = Document {
            bytes,
            entries: HashMap::new(),
            trailer: Dict::default(),
            repaired: Cell::new(false),
            scan: OnceCell::new(),
            packed: RefCell::new(HashMap::new()),
            budget: Cell::new(MAX_INFLATE),
            header,
            encryption: Encryption::None,
            crypt: None,
        };
        let read = doc.read_index();
        // Object streams of an encrypted file are encrypted: the key first.
        doc.secure();
        let catalog_ok = read
            && doc.trailer.get(b"Root").is_some_and(|r| {
                doc.resolve(r).as_dict().is_some_and(|d| d.get(b"Pages").is_some())
            });
        if !catalog_ok {
            doc.repaired.set(true);
            let scan = doc.scan();
            let trailer = scan.trailer.clone();
            if doc.entries.is_empty() || !read {
                doc.entries = scan.entries.clone();
            }
            if let Some(t) = trailer {
                // A scanned trailer fills in what the index's lacked.
                let mut merged = doc.trailer.clone();
                for (k, v) in t.0 {
                    if k == b"Root" || merged.get(&k).is_none() {
                        merged.0.retain(|(key, _)| *key != k);
                        merged.0.push((k, v));
                    }
                }
                doc.trailer = merged;
            }
            if doc.encryption == Encryption::None {
                doc.secure();
            }
        }
        doc
    }

    /// Reads the trailer's /Encrypt: whether the file needs a password, and the key to its
    /// streams when it does not.
    fn secure(&mut self) {
        if self.trailer.get(b"Encrypt").is_none() {
            return;
        }
        let (encryption, crypt) = super::security(self);
        self.encryption = encryption;
        self.crypt = crypt;
        // Object streams read before the key were read wrongly.
        self.packed.borrow_mut().clear();
    }

    /// Whether the file is encrypted, and whether that stops it from opening.
    pub fn encryption(&self) -> Encryption {
        self.encryption
    }

    /// Whether the index had to be repaired (a warning: readers differ on such files).
    pub fn repaired(&self) -> bool {
        self.repaired.get()
    }

    /// Whether the data stops before the objects end: a download cut short. Only a file whose
    /// index is missing can be cut (the index is at the end), so only then is the file scanned.
    pub fn truncated(&self) -> bool {
        self.repaired() && self.scan().truncated
    }

    /// Follows `startxref` and `/Prev`; false when no section could be read.
    fn read_index(&mut self) -> bool {
        let b = self.bytes;
        let tail = b.len().saturating_sub(TAIL);
        let Some(at) = memchr::memmem::rfind(&b[tail..], b"startxref")
            .map(|p| p + tail)
            .or_else(|| memchr::memmem::rfind(b, b"startxref"))
        else {
            return false;
        };
        let mut l = Lexer::new(b, at + b"startxref".len());
        let Some(mut offset) = l.uint().and_then(|o| usize::try_from(o).ok()) else { return false };
        let mut seen = HashSet::new();
        let mut first = true;
        while seen.insert(offset) && seen.len() <= MAX_SECTIONS {
            let Some(trailer) = self.section(offset).or_else(|| {
                // Offsets counted from the header, when junk precedes it.
                (self.header > 0).then(|| self.section(offset + self.header)).flatten()
            }) else {
                if first {
                    return false;
                }
                // An older section that cannot be read: what newer ones said stands.
                self.repaired.set(true);
                break;
            };
            if first {
                self.trailer = trailer.clone();
                first = false;
            } else {
                for (k, v) in &trailer.0 {
                    if self.trailer.get(k).is_none() && k != b"Prev" && k != b"XRefStm" {
                        self.trailer.0.push((k.clone(), v.clone()));
                    }
                }
            }
            match trailer.int(b"Prev").and_then(|p| usize::try_from(p).ok()) {
                Some(prev) => offset = prev,
                None => break,
            }
        }
        !first
    }

    /// Reads the section at `offset` (a table with its trailer, or a stream), adding entries
    /// that newer sections did not define; returns its trailer dictionary.
    fn section(&mut self, offset: usize) -> Option<Dict> {
        let b = self.bytes;
        let mut l = Lexer::new(b, offset);
        if l.eat_keyword(b"xref") {
            let mut found = Vec::new();
            loop {
                if l.eat_keyword(b"trailer") {
                    break;
                }
                let start = l.uint()?;
                let count = l.uint()?;
                // Each entry is at least 18 bytes: a count beyond the file is a lie.
                if count > (b.len() as u64) / 18 + 1 {
                    return None;
                }
                for i in 0..count {
                    let num = u32::try_from(start + i).ok()?;
                    // The usual 20-byte entry, "oooooooooo ggggg n", read in place.
                    l.skip_white();
                    if let Some(entry) = b.get(l.pos..l.pos + 18).and_then(fixed_entry) {
                        found.push((num, entry));
                        l.pos += 18;
                        continue;
                    }
                    let off = l.uint()?;
                    let _gen = l.uint()?;
                    let entry = if l.eat_keyword(b"n") {
                        usize::try_from(off).map_or(Entry::Free, Entry::Plain)
                    } else if l.eat_keyword(b"f") {
                        Entry::Free
                    } else {
                        return None;
                    };
                    found.push((num, entry));
                }
            }
            let trailer = match l.object().ok()? {
                Object::Dict(d) => d,
                _ => return None,
            };
            for (num, entry) in found {
                self.entries.entry(num).or_insert(entry);
            }
            // A hybrid file's stream section holds the objects its table leaves out.
            if let Some(stm) = trailer.int(b"XRefStm").and_then(|o| usize::try_from(o).ok()) {
                let _ = self.stream_section(stm);
            }
            return Some(trailer);
        }
        self.stream_section(offset)
    }

    fn stream_section(&mut self, offset: usize) -> Option<Dict> {
        let (_, Object::Stream(stream)) = indirect(self.bytes, offset).ok()? else { return None };
        if !stream.dict.is_type(b"XRef") {
            return None;
        }
        let data = self.decode(&stream).ok()?;
        let widths: Vec<usize> = stream
            .dict
            .get(b"W")?
            .as_array()?
            .iter()
            .map(|w| w.as_int().and_then(|w| usize::try_from(w).ok()).filter(|&w| w <= 8))
            .collect::<Option<_>>()?;
        let [w0, w1, w2] = widths[..] else { return None };
        let row = w0 + w1 + w2;
        if row == 0 {
            return None;
        }
        let size = stream.dict.int(b"Size").unwrap_or(0);
        let index: Vec<i64> = match stream.dict.get(b"Index").and_then(Object::as_array) {
            Some(a) => a.iter().filter_map(Object::as_int).collect(),
            None => vec![0, size],
        };
        let field = |bytes: &[u8]| bytes.iter().fold(0u64, |n, &x| n << 8 | u64::from(x));
        let mut rows = data.chunks_exact(row);
        for pair in index.chunks_exact(2) {
            let (Ok(start), Ok(count)) = (u32::try_from(pair[0]), u32::try_from(pair[1])) else {
                return None;
            };
            for i in 0..count {
                let Some(r) = rows.next() else { break };
                // A missing type field means type 1.
                let kind = if w0 == 0 { 1 } else { field(&r[..w0]) };
                let (f1, f2) = (field(&r[w0..w0 + w1]), field(&r[w0 + w1..]));
                let entry = match kind {
                    0 => Entry::Free,
                    1 => Entry::Plain(usize::try_from(f1).ok()?),
                    2 => Entry::Packed {
                        stream: u32::try_from(f1).ok()?,
                        index: usize::try_from(f2).ok()?,
                    },
                    // Unknown types are null references, as the spec says.
                    _ => continue,
                };
                let Some(num) = start.checked_add(i) else { break };
                self.entries.entry(num).or_insert(entry);
            }
        }
        Some(stream.dict)
    }

    /// The raw data of a stream: `/Length` bytes when they end at `endstream`, otherwise up to
    /// the next `endstream` (a wrong length is common). `None` when the data is cut.
    pub fn raw(&self, stream: &Stream) -> Option<&'a [u8]> {
        let b = self.bytes;
        let length = match stream.dict.get(b"Length") {
            Some(Object::Ref(r)) => self.get_plain_only(*r).and_then(|o| o.as_int()),
            Some(o) => o.as_int(),
            None => None,
        };
        if let Some(end) = length
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|n| stream.data.checked_add(n))
            .filter(|&e| e <= b.len())
        {
            if matches!(Lexer::new(b, end).peek_keyword(), b"endstream" | b"endobj") {
                return b.get(stream.data..end);
            }
        }
        let mut end = memchr::memmem::find(b.get(stream.data..)?, b"endstream")? + stream.data;
        // The end of line before `endstream` is not data.
        if end > stream.data && b[end - 1] == b'\n' {
            end -= 1;
        }
        if end > stream.data && b[end - 1] == b'\r' {
            end -= 1;
        }
        b.get(stream.data..end)
    }

    /// The decoded data of a stream, within the file's inflation budget.
    pub fn decode(&self, stream: &Stream) -> Result<Vec<u8>, FilterError> {
        let raw = self.raw(stream).ok_or(FilterError::Unknown)?;
        // Cross-reference streams are never encrypted.
        let decrypted = match (&self.crypt, stream.owner) {
            (Some(crypt), Some(owner)) if !stream.dict.is_type(b"XRef") => {
                Some(crypt.stream(owner, raw).ok_or(FilterError::Unknown)?)
            }
            _ => None,
        };
        let raw = decrypted.as_deref().unwrap_or(raw);
        let mut budget = self.budget.get();
        let out = filters::decode(raw, &filters::chain(&stream.dict), &mut budget);
        self.budget.set(budget);
        out
    }

    /// Object `r`, following the index and falling back on a scan; `None` when it is nowhere.
    pub fn get(&self, r: Ref) -> Option<Object> {
        match self.entries.get(&r.num) {
            Some(&Entry::Plain(offset)) => {
                if let Some(o) = self.plain_at(offset, r.num) {
                    return Some(o);
                }
            }
            Some(&Entry::Packed { stream, index }) => {
                if let Some(o) = self.packed_object(stream, index, r.num) {
                    return Some(o);
                }
            }
            Some(Entry::Free) => return None,
            None => {}
        }
        // Not where the index says, or not in it: where a scan finds it.
        let found = match self.scan().entries.get(&r.num)? {
            &Entry::Plain(offset) => self.plain_at(offset, r.num),
            &Entry::Packed { stream, index } => self.packed_object(stream, index, r.num),
            Entry::Free => None,
        };
        if found.is_some() {
            self.repaired.set(true);
        }
        found
    }

    /// The dictionary of object `r` with only `keys` read: for walking many objects of which a
    /// few keys matter. `None` when it is not a dictionary where the index says (the caller
    /// then resolves it in full, with the fallbacks of [`Document::get`]).
    fn get_keys(&self, r: Ref, keys: &[&[u8]], marks: &[&[u8]]) -> Option<Dict> {
        match self.entries.get(&r.num)? {
            &Entry::Plain(offset) => match indirect_keys(self.bytes, offset, keys, marks) {
                Ok((num, dict)) if num == r.num => Some(dict),
                _ => None,
            },
            &Entry::Packed { stream, index } => {
                let packed = self.object_stream(stream)?;
                let &(n, off) = packed.offsets.get(index)?;
                (n == r.num)
                    .then(|| Lexer::new(&packed.data, off).dict_keys(keys, marks).ok())
                    .flatten()
            }
            Entry::Free => None,
        }
    }

    /// Where object `num` is written outside object streams, by the index or a scan.
    fn plain_offset(&self, num: u32) -> Option<usize> {
        match self.entries.get(&num) {
            Some(&Entry::Plain(offset)) => Some(offset),
            _ => match self.scan().entries.get(&num) {
                Some(&Entry::Plain(offset)) => Some(offset),
                _ => None,
            },
        }
    }

    /// For `/Length`: an object outside object streams, without recursion into them.
    fn get_plain_only(&self, r: Ref) -> Option<Object> {
        self.plain_at(self.plain_offset(r.num)?, r.num)
    }

    fn plain_at(&self, offset: usize, num: u32) -> Option<Object> {
        [offset, offset.saturating_add(self.header)]
            .into_iter()
            .take(if self.header > 0 { 2 } else { 1 })
            .find_map(|at| match indirect(self.bytes, at) {
                Ok((r, o)) if r.num == num => Some(o),
                _ => None,
            })
    }

    fn packed_object(&self, stream: u32, index: usize, num: u32) -> Option<Object> {
        let packed = self.object_stream(stream)?;
        let &(n, off) = packed.offsets.get(index).filter(|(n, _)| *n == num).or_else(|| {
            // A wrong index: the number is what counts.
            packed.offsets.iter().find(|(n, _)| *n == num)
        })?;
        debug_assert_eq!(n, num);
        Lexer::new(&packed.data, off).object().ok()
    }

    fn object_stream(&self, num: u32) -> Option<Rc<Packed>> {
        if let Some(p) = self.packed.borrow().get(&num) {
            return p.clone();
        }
        // Marked before reading, so that a stream naming itself cannot recurse.
        self.packed.borrow_mut().insert(num, None);
        let packed =
            self.plain_offset(num).and_then(|o| self.plain_at(o, num)).and_then(|o| match o {
                Object::Stream(s) => parse_object_stream(self, &s),
                _ => None,
            });
        let packed = packed.map(Rc::new);
        self.packed.borrow_mut().insert(num, packed.clone());
        packed
    }

    /// A value with references followed (a few levels: a reference to a reference is rare).
    pub fn resolve(&self, o: &Object) -> Object {
        let mut current = o.clone();
        for _ in 0..8 {
            match current {
                Object::Ref(r) => current = self.get(r).unwrap_or(Object::Null),
                other => return other,
            }
        }
        Object::Null
    }

    /// The dictionary a value is or names; a stream's, for a dictionary written as a stream
    /// (pdfa-safedocs' Dialect-DictIsStream: readers take its dictionary).
    pub fn resolve_dict(&self, o: &Object) -> Option<Dict> {
        match self.resolve(o) {
            Object::Dict(d) => Some(d),
            Object::Stream(s) => Some(s.dict),
            _ => None,
        }
    }

    /// The dictionary `dict[key]` is or names.
    pub fn dict(&self, dict: &Dict, key: &[u8]) -> Option<Dict> {
        self.resolve_dict(dict.get(key)?)
    }

    /// The pages, in order, by walking the page tree from the catalog (never trusting
    /// `/Count`).
    pub fn pages(&self) -> Result<Vec<Page>, Damage> {
        let root = self.trailer.get(b"Root").map(|r| self.resolve(r));
        let Some(catalog) = root.as_ref().and_then(Object::as_dict) else {
            return Err(Damage::NoCatalog);
        };
        let top = catalog.get(b"Pages").ok_or(Damage::NoPageTree)?.clone();
        let mut seen: HashSet<Ref> = HashSet::new();
        let mut pages = Vec::new();
        let mut missing = false;
        let mut root_count = None;
        // (node, resources inherited)
        let mut stack: Vec<(Object, Option<Rc<Object>>)> = vec![(top, None)];
        let mut visited = 0;
        while let Some((node, inherited)) = stack.pop() {
            visited += 1;
            if visited > MAX_NODES {
                break;
            }
            if let Object::Ref(r) = node {
                if !seen.insert(r) {
                    return Err(Damage::Loop);
                }
            }
            let skimmed = match &node {
                Object::Ref(r) => self.get_keys(*r, &[b"Type", b"Kids", b"Count"], &[b"Resources"]),
                _ => None,
            };
            let Some(dict) = skimmed.or_else(|| self.resolve_dict(&node)) else {
                if visited == 1 {
                    return Err(Damage::NoPageTree);
                }
                missing = true;
                continue;
            };
            if visited == 1 {
                root_count = dict.int(b"Count");
            }
            let resources = if dict.get(b"Resources").is_some() {
                Some(Rc::new(if let Object::Ref(_) = node {
                    node.clone()
                } else {
                    Object::Dict(dict.clone())
                }))
            } else {
                inherited
            };
            match dict.get(b"Kids").map(|k| self.resolve(k)) {
                Some(Object::Array(kids)) if !dict.is_type(b"Page") => {
                    for kid in kids.into_iter().rev() {
                        stack.push((kid, resources.clone()));
                    }
                }
                _ if dict.is_type(b"Pages") => {}
                _ => {
                    let source = if let Object::Ref(_) = node { node } else { Object::Dict(dict) };
                    pages.push(Page { source, resources });
                }
            }
        }
        if missing && pages.is_empty() {
            return Err(Damage::MissingPages);
        }
        // Pages missing from the tree, or a root /Count that lies (poppler's 67295: 9999999999
        // for one page): readers that trust it differ from those that walk.
        if missing || root_count.is_some_and(|c| usize::try_from(c).ok() != Some(pages.len())) {
            self.repaired.set(true);
        }
        Ok(pages)
    }

    /// The objects a scan of the whole file finds (built once, when first needed).
    fn scan(&self) -> &Scan {
        self.scan.get_or_init(|| scan(self))
    }
}

fn parse_object_stream(doc: &Document<'_>, s: &Stream) -> Option<Packed> {
    let n = usize::try_from(s.dict.int(b"N")?).ok()?;
    let first = usize::try_from(s.dict.int(b"First")?).ok()?;
    let data = doc.decode(s).ok()?;
    let mut l = Lexer::new(data.get(..first)?, 0);
    let mut offsets = Vec::new();
    for _ in 0..n {
        let (Some(num), Some(off)) = (l.uint(), l.uint()) else { break };
        let (Ok(num), Ok(off)) = (u32::try_from(num), usize::try_from(off)) else { break };
        offsets.push((num, first.checked_add(off)?));
    }
    Some(Packed { data, offsets })
}

/// Where the `n g obj` whose keyword is at `at` starts, and its number.
fn header_before(b: &[u8], at: usize) -> Option<(usize, u32)> {
    let digits_back = |mut i: usize| {
        let end = i;
        while i > 0 && b[i - 1].is_ascii_digit() {
            i -= 1;
        }
        (i < end && end - i <= 10).then_some(i)
    };
    let white_back = |mut i: usize| {
        let end = i;
        while i > 0 && is_white(b[i - 1]) {
            i -= 1;
        }
        (i < end).then_some(i)
    };
    let gen_start = digits_back(white_back(at)?)?;
    let num_end = white_back(gen_start)?;
    let num_start = digits_back(num_end)?;
    if num_start > 0 && !is_delimiter(b[num_start - 1]) {
        return None;
    }
    let num = std::str::from_utf8(&b[num_start..num_end]).ok()?.parse().ok()?;
    Some((num_start, num))
}

/// Reconstruction: every `n g obj` in the file (the last definition of a number wins), the
/// objects in object streams, and the trailer — the last `trailer` or cross-reference stream
/// that names a catalog, or a catalog found by its type.
fn scan(doc: &Document<'_>) -> Scan {
    let b = doc.bytes;
    let mut out = Scan::default();
    let mut starts: Vec<(usize, u32)> = Vec::new();
    for at in memchr::memmem::find_iter(b, b"obj") {
        if starts.len() >= MAX_OBJECTS {
            break;
        }
        let after_ok = b.get(at + 3).is_none_or(|&c| is_delimiter(c));
        if !after_ok || (at >= 3 && &b[at - 3..at] == b"end") {
            continue;
        }
        if let Some((start, num)) = header_before(b, at) {
            starts.push((start, num));
        }
    }
    for &(start, num) in &starts {
        out.entries.insert(num, Entry::Plain(start));
    }
    // The enclosing object of a keyword's position.
    let enclosing = |pos: usize| -> Option<(usize, u32)> {
        let i = starts.partition_point(|&(s, _)| s <= pos);
        i.checked_sub(1).map(|i| starts[i])
    };
    let mut candidates: Vec<Dict> = Vec::new();
    for at in memchr::memmem::find_iter(b, b"trailer").take(10_000) {
        let mut l = Lexer::new(b, at + b"trailer".len());
        if let Ok(Object::Dict(d)) = l.object() {
            candidates.push(d);
        }
    }
    // Each object typed `/kind`, found by its type's name, in file order.
    let typed = |kind: &[u8], f: &mut dyn FnMut(Ref, Object)| {
        let needle = [b"/", kind].concat();
        let mut last = None;
        for at in memchr::memmem::find_iter(b, &needle).take(10_000) {
            let Some((start, _)) = enclosing(at) else { continue };
            if last == Some(start) {
                continue;
            }
            last = Some(start);
            if let Ok((r, o)) = indirect(b, start) {
                if o.as_dict().is_some_and(|d| d.is_type(kind)) {
                    f(r, o);
                }
            }
        }
    };
    typed(b"XRef", &mut |_, o| {
        if let Object::Stream(s) = o {
            candidates.push(s.dict);
        }
    });
    let mut object_streams = Vec::new();
    typed(b"ObjStm", &mut |r, o| {
        if let Object::Stream(_) = o {
            object_streams.push(r.num);
        }
    });
    // Objects in object streams, unless defined in the open; a catalog among them is noted
    // for a file with no trailer at all.
    let mut packed_catalog = None;
    for stream in object_streams {
        if let Some(offset) = out.entries.get(&stream).copied() {
            let Entry::Plain(offset) = offset else { continue };
            let Ok((_, Object::Stream(s))) = indirect(b, offset) else { continue };
            if let Some(packed) = parse_object_stream(doc, &s) {
                for (index, &(num, off)) in packed.offsets.iter().enumerate() {
                    out.entries.entry(num).or_insert(Entry::Packed { stream, index });
                    let object = Lexer::new(&packed.data, off).object();
                    if matches!(object, Ok(Object::Dict(d)) if d.is_type(b"Catalog")) {
                        packed_catalog = Some(num);
                    }
                }
            }
        }
    }
    let has_root = |d: &Dict| match d.get(b"Root") {
        Some(Object::Ref(r)) => out.entries.contains_key(&r.num),
        // A catalog written in the trailer itself (pdf.js issue 9105): readers take it.
        Some(Object::Dict(_)) => true,
        _ => false,
    };
    out.trailer = candidates.into_iter().rev().find(|d| has_root(d));
    let has_trailer = out.trailer.is_some();
    if out.trailer.is_none() {
        // No trailer names a catalog: the last object typed as one.
        let mut catalog = None;
        typed(b"Catalog", &mut |r, o| {
            if let Object::Dict(_) = o {
                catalog = Some(r);
            }
        });
        let root = catalog.or(packed_catalog.map(|num| Ref { num, gen: 0 }));
        out.trailer = root.map(|r| Dict(vec![(b"Root".to_vec(), Object::Ref(r))]));
    }
    // Cut short: the last object in the file does not end, or the file stops with neither a
    // trailer nor an end-of-file marker (cut in its index: qpdf and pikepdf cannot open it).
    let tail = &b[b.len().saturating_sub(1024)..];
    let cut_in_index = !has_trailer && memchr::memmem::find(tail, b"%%EOF").is_none();
    out.truncated = cut_in_index
        || starts.iter().max_by_key(|(s, _)| *s).is_some_and(|&(start, _)| {
            match indirect(b, start) {
                Err(SyntaxError::Eof) => true,
                Ok((_, Object::Stream(s))) => {
                    memchr::memmem::find(&b[s.data.min(b.len())..], b"endstream").is_none()
                }
                _ => false,
            }
        });
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A PDF with a correct cross-reference table, built from object bodies 1..=n.
    pub(crate) fn with_xref(objects: &[&str]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    const TWO_PAGES: [&str; 4] = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 200000000 >>",
        "<< /Type /Page /Parent 2 0 R >>",
        "<< /Type /Page /Parent 2 0 R >>",
    ];

    #[test]
    fn pages_come_from_walking_the_tree_not_from_count() {
        let file = with_xref(&TWO_PAGES);
        let doc = Document::open(&file);
        assert_eq!(doc.pages().map(|p| p.len()), Ok(2));
        assert!(doc.repaired(), "a /Count that lies makes readers differ: a warning");
        assert!(!doc.truncated());
        let honest = TWO_PAGES.map(|o| o.replace("200000000", "2"));
        let file = with_xref(&honest.each_ref().map(String::as_str));
        let doc = Document::open(&file);
        assert_eq!(doc.pages().map(|p| p.len()), Ok(2));
        assert!(!doc.repaired());
    }

    #[test]
    fn a_broken_index_is_rebuilt_from_the_objects() {
        let mut file = with_xref(&TWO_PAGES);
        // Every offset shifted: the table lies.
        let text = String::from_utf8(file.clone()).unwrap().replace(" 00000 n", "1 00000 n");
        file = text.into_bytes();
        let doc = Document::open(&file);
        assert_eq!(doc.pages().map(|p| p.len()), Ok(2));
        assert!(doc.repaired());
        assert!(!doc.truncated());
    }

    #[test]
    fn a_cut_file_is_truncated() {
        let file = with_xref(&TWO_PAGES);
        let cut = &file[..file.iter().position(|&c| c == b'4').map_or(0, |p| p) + 20];
        let doc = Document::open(cut);
        assert!(doc.truncated(), "{:?}", String::from_utf8_lossy(cut));
    }

    #[test]
    fn a_page_tree_that_loops_is_damage() {
        let looping = with_xref(&[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        ]);
        assert_eq!(Document::open(&looping).pages().map(|p| p.len()), Err(Damage::Loop));
        let no_tree = with_xref(&["<< /Type /Catalog >>"]);
        assert_eq!(Document::open(&no_tree).pages().map(|p| p.len()), Err(Damage::NoPageTree));
    }
}
