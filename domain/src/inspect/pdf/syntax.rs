//! PDF objects as readers parse them (ISO 32000-1 §7.2–7.3): numbers, strings, names, arrays,
//! dictionaries, references, and the `n g obj … endobj` that holds one, with its stream.
//! Bounded: nesting is capped, every step consumes input, and nothing here panics on any bytes.

/// How deep arrays and dictionaries may nest (real files: a handful; pdf.js has no limit, but a
/// hostile file of a million `[` must not exhaust the stack).
const MAX_DEPTH: usize = 64;

/// A dictionary, in file order; the first definition of a key wins, as with readers.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Dict(pub Vec<(Vec<u8>, Object)>);

impl Dict {
    /// The value of `/key`.
    pub fn get(&self, key: &[u8]) -> Option<&Object> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The name `/key` holds.
    pub fn name(&self, key: &[u8]) -> Option<&[u8]> {
        match self.get(key)? {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    /// The integer `/key` holds (a real with no fraction counts, as readers accept).
    pub fn int(&self, key: &[u8]) -> Option<i64> {
        self.get(key)?.as_int()
    }

    /// Whether `/Type` is `/name`.
    pub fn is_type(&self, name: &[u8]) -> bool {
        self.name(b"Type") == Some(name)
    }
}

/// An indirect reference `n g R`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Ref {
    pub num: u32,
    pub gen: u16,
}

/// Where a stream's data starts, and what its dictionary says about its length.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Stream {
    pub dict: Dict,
    /// The object it is: its key, in an encrypted file.
    pub owner: Option<Ref>,
    /// Offset of the first data byte (after `stream` and its end of line).
    pub data: usize,
}

/// A PDF object.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Object {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Object>),
    Dict(Dict),
    Ref(Ref),
    Stream(Stream),
}

impl Object {
    pub fn as_int(&self) -> Option<i64> {
        match *self {
            Object::Int(n) => Some(n),
            #[allow(clippy::cast_possible_truncation)]
            Object::Real(x) if x.fract() == 0.0 && x.abs() < 1e15 => Some(x as i64),
            _ => None,
        }
    }

    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Object::Dict(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Object]> {
        match self {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// Why an object could not be parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SyntaxError {
    /// The data stops before the object ends: a cut file.
    Eof,
    /// Something that is not PDF syntax, or nested too deep.
    Invalid,
}

type Parsed<T> = Result<T, SyntaxError>;

/// The keys whose values a skimming read builds, and those it only notes; `None` builds all.
type Wanted<'k> = Option<(&'k [&'k [u8]], &'k [&'k [u8]])>;

/// Each byte's class: 1 white space, 2 delimiter (a table: the lexer asks for every byte).
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let white = b" \n\r\t\x0c\0";
    let mut i = 0;
    while i < white.len() {
        t[white[i] as usize] = 1;
        i += 1;
    }
    let delimiters = b"()<>[]{}/%";
    let mut i = 0;
    while i < delimiters.len() {
        t[delimiters[i] as usize] = 2;
        i += 1;
    }
    t
};

pub(crate) fn is_white(b: u8) -> bool {
    CLASS[usize::from(b)] == 1
}

pub(crate) fn is_delimiter(b: u8) -> bool {
    CLASS[usize::from(b)] != 0
}

/// A reader over bytes at a position.
#[derive(Clone, Copy)]
pub(crate) struct Lexer<'a> {
    pub b: &'a [u8],
    pub pos: usize,
}

/// A token of a content stream or of the file's syntax.
#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// An object (a number, string, name, array or dictionary).
    Object(Object),
    /// A bare word: `obj`, `R`, `Tj`, `BT`…
    Keyword(&'a [u8]),
}

impl<'a> Lexer<'a> {
    pub fn new(b: &'a [u8], pos: usize) -> Self {
        Lexer { b, pos }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    /// Skips white space and comments.
    pub fn skip_white(&mut self) {
        while let Some(c) = self.peek() {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The bare word at the position (after white space), without consuming it.
    pub fn peek_keyword(&self) -> &'a [u8] {
        let mut l = *self;
        l.skip_white();
        let start = l.pos;
        let end = self.b[start.min(self.b.len())..]
            .iter()
            .position(|&c| is_delimiter(c))
            .map_or(self.b.len(), |p| start + p);
        self.b.get(start..end).unwrap_or_default()
    }

    /// Consumes `word` if it comes next.
    pub fn eat_keyword(&mut self, word: &[u8]) -> bool {
        if self.peek_keyword() == word {
            self.skip_white();
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// An unsigned integer next (digits only), consumed.
    pub fn uint(&mut self) -> Option<u64> {
        let mut l = *self;
        l.skip_white();
        let start = l.pos;
        while l.peek().is_some_and(|c| c.is_ascii_digit()) {
            l.pos += 1;
        }
        if l.pos == start || l.pos - start > 18 || l.peek().is_some_and(|c| !is_delimiter(c)) {
            return None;
        }
        let n = self.b[start..l.pos].iter().fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
        *self = l;
        Some(n)
    }

    /// A dictionary next, with only the values of `keys` read: the others are skipped without
    /// building them (the page-tree walk needs two keys of dictionaries that hold dozens).
    /// Keys in `marks` are noted with a null value, their values skipped: whether they are there
    /// is all the caller needs.
    pub fn dict_keys(&mut self, keys: &[&[u8]], marks: &[&[u8]]) -> Parsed<Dict> {
        self.skip_white();
        if self.b.get(self.pos..self.pos + 2) != Some(b"<<") {
            return Err(SyntaxError::Invalid);
        }
        self.dict_with(0, Some((keys, marks)))
    }

    /// The dictionary at `<<`: every value built, or with `only`, those of its keys (and its
    /// marks noted as null). The first definition of a key wins; a key with no value before
    /// the end reads as null; a value without a key is skipped, as readers do.
    fn dict_with(&mut self, depth: usize, only: Wanted<'_>) -> Parsed<Dict> {
        if depth >= MAX_DEPTH {
            return Err(SyntaxError::Invalid);
        }
        self.pos += 2;
        let mut entries: Vec<(Vec<u8>, Object)> = Vec::new();
        loop {
            self.skip_white();
            match (self.peek(), self.b.get(self.pos + 1)) {
                (None, _) | (Some(b'>'), None) => return Err(SyntaxError::Eof),
                (Some(b'>'), Some(b'>')) => {
                    self.pos += 2;
                    return Ok(Dict(entries));
                }
                (Some(b'/'), _) => {
                    let key = self.key();
                    self.skip_white();
                    let no_value = self.b.get(self.pos..self.pos + 2) == Some(b">>");
                    let first = !entries.iter().any(|(k, _)| **k == *key);
                    let value = match only {
                        None if no_value => Some(Object::Null),
                        None => Some(self.object_at(depth)?),
                        Some(_) if no_value => None,
                        Some((keys, _)) if first && keys.contains(&&*key) => Some(self.object()?),
                        Some((_, marks)) => {
                            self.skip_value(0)?;
                            marks.contains(&&*key).then_some(Object::Null)
                        }
                    };
                    if let (true, Some(value)) = (first, value) {
                        entries.push((key.into_owned(), value));
                    }
                }
                _ if only.is_some() => self.skip_value(0)?,
                _ => {
                    if let Token::Keyword(b"endobj" | b"stream" | b"obj") = self.token_at(depth)? {
                        return Err(SyntaxError::Invalid);
                    }
                }
            }
        }
    }

    /// Steps over an array or dictionary, nested ones and strings included, byte by byte: the
    /// brackets are counted together (a file that mixes them is broken either way).
    fn skip_nested(&mut self) -> Parsed<()> {
        let mut depth = 0usize;
        loop {
            let c = *self.b.get(self.pos).ok_or(SyntaxError::Eof)?;
            let next = self.b.get(self.pos + 1).copied();
            match c {
                b'(' => {
                    self.literal()?;
                    continue;
                }
                b'%' => {
                    self.skip_white();
                    continue;
                }
                b'<' if next == Some(b'<') => {
                    depth += 1;
                    self.pos += 2;
                    continue;
                }
                b'<' => {
                    self.hex()?;
                    continue;
                }
                b'>' if next == Some(b'>') => {
                    self.pos += 2;
                }
                b'[' => {
                    depth += 1;
                    self.pos += 1;
                    continue;
                }
                b']' => self.pos += 1,
                _ => {
                    self.pos += 1;
                    continue;
                }
            }
            // A closer.
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Ok(());
            }
        }
    }

    /// Steps over one value (a reference `n g R` included) without building it.
    fn skip_value(&mut self, depth: usize) -> Parsed<()> {
        if depth >= MAX_DEPTH {
            return Err(SyntaxError::Invalid);
        }
        self.skip_white();
        match (self.peek().ok_or(SyntaxError::Eof)?, self.b.get(self.pos + 1)) {
            (b'/', _) => {
                self.pos += 1;
                while self.peek().is_some_and(|c| !is_delimiter(c)) {
                    self.pos += 1;
                }
            }
            (b'(', _) => {
                self.literal()?;
            }
            (b'<', Some(b'<')) | (b'[', _) => self.skip_nested()?,
            (b'<', _) => {
                self.hex()?;
            }
            (b'0'..=b'9', _) => {
                while self.peek().is_some_and(|c| c.is_ascii_digit() || c == b'.') {
                    self.pos += 1;
                }
                let mut l = *self;
                if l.uint().is_some() && l.eat_keyword(b"R") {
                    *self = l;
                }
            }
            _ => {
                // A number with a sign or a dot, a keyword, a stray closer: one token.
                self.token_at(depth)?;
            }
        }
        Ok(())
    }

    /// The next token.
    pub fn token(&mut self) -> Parsed<Token<'a>> {
        self.token_at(0)
    }

    fn token_at(&mut self, depth: usize) -> Parsed<Token<'a>> {
        self.skip_white();
        let c = self.peek().ok_or(SyntaxError::Eof)?;
        Ok(Token::Object(match c {
            b'/' => Object::Name(self.name()),
            b'(' => Object::Str(self.literal()?),
            b'<' if self.b.get(self.pos + 1) == Some(&b'<') => {
                Object::Dict(self.dict_with(depth + 1, None)?)
            }
            b'<' => Object::Str(self.hex()?),
            b'[' => {
                if depth >= MAX_DEPTH {
                    return Err(SyntaxError::Invalid);
                }
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.peek() {
                        None => return Err(SyntaxError::Eof),
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        _ => items.push(self.object_at(depth + 1)?),
                    }
                }
                Object::Array(items)
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number()?,
            b')' | b'>' | b']' | b'{' | b'}' => {
                // Stray closers: readers skip them; one byte consumed.
                self.pos += 1;
                return Ok(Token::Keyword(&self.b[self.pos - 1..self.pos]));
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(|c| !is_delimiter(c)) {
                    self.pos += 1;
                }
                let word = &self.b[start..self.pos];
                match word {
                    b"true" => Object::Bool(true),
                    b"false" => Object::Bool(false),
                    b"null" => Object::Null,
                    _ => return Ok(Token::Keyword(word)),
                }
            }
        }))
    }

    /// One object (a reference `n g R` included); a bare keyword is an error.
    pub fn object(&mut self) -> Parsed<Object> {
        self.object_at(0)
    }

    fn object_at(&mut self, depth: usize) -> Parsed<Object> {
        match self.token_at(depth)? {
            Token::Object(Object::Int(n)) => {
                // "n g R": look ahead without consuming when it is not a reference.
                let mut l = *self;
                if let (Ok(num), Some(gen)) = (u32::try_from(n), l.uint()) {
                    if l.eat_keyword(b"R") {
                        if let Ok(gen) = u16::try_from(gen) {
                            *self = l;
                            return Ok(Object::Ref(Ref { num, gen }));
                        }
                    }
                }
                Ok(Object::Int(n))
            }
            Token::Object(o) => Ok(o),
            Token::Keyword(_) => Err(SyntaxError::Invalid),
        }
    }

    /// A name at `/`, as written when it has no `#` escape (no copy), decoded otherwise.
    fn key(&mut self) -> std::borrow::Cow<'a, [u8]> {
        let start = self.pos + 1;
        let end = self.b[start.min(self.b.len())..]
            .iter()
            .position(|&c| is_delimiter(c))
            .map_or(self.b.len(), |p| start + p);
        let raw = &self.b[start.min(end)..end];
        if raw.contains(&b'#') {
            std::borrow::Cow::Owned(self.name())
        } else {
            self.pos = end;
            std::borrow::Cow::Borrowed(raw)
        }
    }

    fn name(&mut self) -> Vec<u8> {
        self.pos += 1;
        let start = self.pos;
        let end = self.b[start.min(self.b.len())..]
            .iter()
            .position(|&c| is_delimiter(c))
            .map_or(self.b.len(), |p| start + p);
        let plain = &self.b[start.min(end)..end];
        if !plain.contains(&b'#') {
            self.pos = end;
            return plain.to_vec();
        }
        let mut out = Vec::new();
        while let Some(c) = self.peek().filter(|&c| !is_delimiter(c)) {
            self.pos += 1;
            // #xx escapes (PDF 1.2).
            if c == b'#' {
                let hex = self.b.get(self.pos..self.pos + 2).and_then(|h| {
                    std::str::from_utf8(h).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
                });
                if let Some(v) = hex {
                    out.push(v);
                    self.pos += 2;
                    continue;
                }
            }
            out.push(c);
        }
        out
    }

    fn number(&mut self) -> Parsed<Object> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        // Readers take "--5" and "-+5" as numbers too; the extra signs are ignored.
        while matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let digits = self.pos;
        let mut dot = false;
        while let Some(c) = self.peek() {
            if c.is_ascii_digit() {
                self.pos += 1;
            } else if c == b'.' && !dot {
                dot = true;
                self.pos += 1;
            } else {
                break;
            }
        }
        let negative = self.b[start..digits].contains(&b'-');
        let text =
            std::str::from_utf8(&self.b[digits..self.pos]).map_err(|_| SyntaxError::Invalid)?;
        if text.is_empty() || text == "." {
            // A lone sign or dot: readers read 0.
            return Ok(Object::Int(0));
        }
        if !dot {
            if let Ok(n) = text.parse::<i64>() {
                return Ok(Object::Int(if negative { -n } else { n }));
            }
        }
        let x: f64 = text.parse().unwrap_or(0.0);
        Ok(Object::Real(if negative { -x } else { x }))
    }

    /// A literal string `( … )` with its escapes.
    pub fn literal(&mut self) -> Parsed<Vec<u8>> {
        let b = self.b;
        let mut i = self.pos + 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        loop {
            let c = *b.get(i).ok_or(SyntaxError::Eof)?;
            i += 1;
            match c {
                b'\\' => {
                    let e = *b.get(i).ok_or(SyntaxError::Eof)?;
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
                        self.pos = i;
                        return Ok(out);
                    }
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }

    /// A hex string `< … >`; readers skip anything that is not a hex digit.
    pub fn hex(&mut self) -> Parsed<Vec<u8>> {
        let rest = self.b.get(self.pos + 1..).unwrap_or_default();
        let close = memchr::memchr(b'>', rest).ok_or(SyntaxError::Eof)?;
        let digits: Vec<u8> = rest[..close]
            .iter()
            .filter_map(|&c| char::from(c).to_digit(16))
            .map(|d| d as u8)
            .collect();
        self.pos += close + 2;
        Ok(digits.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)).collect())
    }
}

/// The dictionary of the indirect object at `at`, with only `keys` read (see
/// [`Lexer::dict_keys`]); its number.
pub(crate) fn indirect_keys(
    b: &[u8],
    at: usize,
    keys: &[&[u8]],
    marks: &[&[u8]],
) -> Parsed<(u32, Dict)> {
    let mut l = Lexer::new(b, at);
    let num = l.uint().ok_or(SyntaxError::Invalid)?;
    l.uint().ok_or(SyntaxError::Invalid)?;
    if !l.eat_keyword(b"obj") {
        return Err(SyntaxError::Invalid);
    }
    let num = u32::try_from(num).map_err(|_| SyntaxError::Invalid)?;
    Ok((num, l.dict_keys(keys, marks)?))
}

/// An indirect object `num gen obj … endobj` at `at`: its number and generation, the object,
/// and for a stream where its data starts. The `endobj` is not required (many writers forget
/// it), but the object must be whole.
pub(crate) fn indirect(b: &[u8], at: usize) -> Parsed<(Ref, Object)> {
    let mut l = Lexer::new(b, at);
    let num = l.uint().ok_or(SyntaxError::Invalid)?;
    let gen = l.uint().ok_or(SyntaxError::Invalid)?;
    if !l.eat_keyword(b"obj") {
        return Err(if l.at_end() { SyntaxError::Eof } else { SyntaxError::Invalid });
    }
    let r = Ref {
        num: u32::try_from(num).map_err(|_| SyntaxError::Invalid)?,
        gen: u16::try_from(gen).map_err(|_| SyntaxError::Invalid)?,
    };
    let object = l.object()?;
    if let Object::Dict(dict) = &object {
        if l.peek_keyword() == b"stream" {
            l.eat_keyword(b"stream");
            // The keyword's end of line: CRLF or LF (a lone CR is tolerated).
            let mut data = l.pos;
            if b.get(data) == Some(&b'\r') {
                data += 1;
            }
            if b.get(data) == Some(&b'\n') {
                data += 1;
            }
            if data > b.len() {
                return Err(SyntaxError::Eof);
            }
            return Ok((r, Object::Stream(Stream { dict: dict.clone(), owner: Some(r), data })));
        }
    }
    Ok((r, object))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &[u8]) -> Parsed<Object> {
        Lexer::new(s, 0).object()
    }

    #[test]
    fn values_parse_like_a_reader() {
        assert_eq!(parse(b" 12 0 R"), Ok(Object::Ref(Ref { num: 12, gen: 0 })));
        assert_eq!(parse(b"12 0 obj"), Ok(Object::Int(12)));
        assert_eq!(parse(b"-.5"), Ok(Object::Real(-0.5)));
        assert_eq!(parse(b"/A#20B"), Ok(Object::Name(b"A B".to_vec())));
        assert_eq!(
            parse(b"(a\\(b\\)c (nested) \\101\\n)"),
            Ok(Object::Str(b"a(b)c (nested) A\n".to_vec()))
        );
        assert_eq!(parse(b"<48 65 6c6c 6f7>"), Ok(Object::Str(b"Hellop".to_vec())));
        assert_eq!(parse(b"(never closed"), Err(SyntaxError::Eof));
        let dict = parse(b"<< /Type /Page /Kids [1 0 R 2 0 R] /Count 2 /Empty >>").unwrap();
        let dict = dict.as_dict().unwrap();
        assert!(dict.is_type(b"Page"));
        assert_eq!(dict.int(b"Count"), Some(2));
        assert_eq!(dict.get(b"Kids").and_then(Object::as_array).map(<[_]>::len), Some(2));
        assert_eq!(dict.get(b"Empty"), Some(&Object::Null));
        assert_eq!(parse(b"<< /A [1 2"), Err(SyntaxError::Eof));
    }

    #[test]
    fn a_dictionary_skimmed_for_some_keys_reads_as_parsed() {
        let text = b"<< /Type /Page /MediaBox [0 0 612.5 792] /Res << /Font << /F1 5 0 R >> (a)) >> /S (x\\)) /Kids [3 0 R] /Parent 2 0 R /H <00ff> >> rest";
        let mut l = Lexer::new(text, 0);
        let skimmed = l.dict_keys(&[b"Type", b"Kids", b"Parent"], &[b"Res"]).unwrap();
        assert_eq!(&text[l.pos..], b" rest");
        let full = parse(text).unwrap();
        let full = full.as_dict().unwrap();
        for key in [&b"Type"[..], b"Kids", b"Parent"] {
            assert_eq!(skimmed.get(key), full.get(key), "{key:?}");
        }
        assert_eq!(skimmed.get(b"MediaBox"), None);
        assert_eq!(skimmed.get(b"Res"), Some(&Object::Null), "noted, not read");
        assert_eq!(Lexer::new(b"<< /A [1 2", 0).dict_keys(&[b"B"], &[]), Err(SyntaxError::Eof));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = vec![b'['; 100_000];
        assert_eq!(parse(&deep), Err(SyntaxError::Invalid));
    }

    #[test]
    fn an_indirect_object_and_its_stream() {
        let b = b"7 0 obj\n<< /Length 5 >>\r\nstream\r\nhello\nendstream\nendobj";
        let (r, o) = indirect(b, 0).unwrap();
        assert_eq!(r, Ref { num: 7, gen: 0 });
        let Object::Stream(s) = o else { panic!("{o:?}") };
        assert_eq!(&b[s.data..s.data + 5], b"hello");
        assert_eq!(indirect(b"7 0 obj << /A 1", 0), Err(SyntaxError::Eof));
        assert_eq!(indirect(b"7 0 R", 0), Err(SyntaxError::Invalid));
    }
}
