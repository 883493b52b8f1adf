//! The reader of a message catalog file (`locales/*.toml`), shared by `build.rs` (which checks
//! that it reads every catalog exactly as the `toml` crate does, so the two can never differ)
//! and by the page, which fetches its copy of the catalogs of the languages it does not build
//! in ([`page_copy`]) and reads them with this instead of a TOML parser.
//!
//! The files keep to a subset of TOML: blank lines, `# comments`, `[section.headers]` and
//! `key = "basic string"` on one line, the string's escapes being `\"`, `\\`, `\n`, `\t` and
//! `\uXXXX`. Anything else is refused with its line number.

/// The entries of a catalog file, in file order: each key with its section, and its text.
///
/// # Errors
/// The 1-based number of the first line outside the subset.
pub fn entries(file: &str) -> Result<Vec<(String, String)>, usize> {
    let mut section = String::new();
    let mut out = Vec::new();
    for (i, line) in file.lines().enumerate() {
        let line = line.trim();
        let bad = i + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            let header = header.strip_suffix(']').ok_or(bad)?;
            if !header.split('.').all(is_key) {
                return Err(bad);
            }
            header.clone_into(&mut section);
            continue;
        }
        let (key, value) = line.split_once(" = ").ok_or(bad)?;
        let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).ok_or(bad)?;
        if !is_key(key) || section.is_empty() {
            return Err(bad);
        }
        out.push((format!("{section}.{key}"), unescape(value).ok_or(bad)?));
    }
    Ok(out)
}

fn is_key(part: &str) -> bool {
    !part.is_empty()
        && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn unescape(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => match chars.next()? {
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let code = u32::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == 4)?;
                    out.push(char::from_u32(code)?);
                }
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

/// The page's copy of a catalog file (`en.txt` beside the page, written by
/// `scripts/catalogs.mjs` exactly so): the text of each entry as the file writes it, quoted and
/// escaped, one a line, in file order. Keys, sections and comments stay out: the build knows
/// where each entry goes (they were a sixth of the file's gzipped bytes, on the first screen).
#[must_use]
pub fn page_copy(file: &str) -> String {
    let mut out = String::new();
    for line in file.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') || line.starts_with('[') {
            continue;
        }
        if let Some((_, value)) = line.split_once(" = ") {
            out.push_str(value);
            out.push('\n');
        }
    }
    out
}

/// The texts of the page's copy of a catalog ([`page_copy`]), in order.
///
/// # Errors
/// The 1-based number of the first line that is not a basic string.
pub fn values(copy: &str) -> Result<Vec<String>, usize> {
    copy.lines()
        .enumerate()
        .map(|(i, line)| {
            let value = line.strip_prefix('"').and_then(|v| v.strip_suffix('"')).ok_or(i + 1)?;
            unescape(value).ok_or(i + 1)
        })
        .collect()
}

/// FNV-1a (64 bits) of a catalog file's bytes: the page refuses a fetched catalog that is not
/// the one it was built with (an old copy from a cache), whose entries would be misplaced.
#[must_use]
pub const fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}
