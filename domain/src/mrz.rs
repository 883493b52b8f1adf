//! The machine-readable zone of passports, identity cards, residence permits and visas (ICAO
//! Doc 9303, parts 3 to 7): found in the text a reader gives, read, every check digit
//! verified, the usual confusions of a reader mended (0/O, 1/I, 5/S, 8/B, 2/Z), and compared
//! with what the student typed.
//!
//! What it never does: report a mismatch from a zone whose check digits do not hold. A zone
//! that cannot be read with valid check digits is said to be unreadable, nothing more. And the
//! zone is not the reference for names: it drops accents, writes Ü as UE and cuts long names,
//! so a name that differs only that way is the same name.

use serde::Serialize;

use crate::date::Date;
use crate::fields::title::Title;

/// The layouts of the zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Format {
    /// Three lines of 30 characters: identity cards and residence permits (part 5).
    #[serde(rename = "TD1")]
    Td1,
    /// Two lines of 36 (part 6).
    #[serde(rename = "TD2")]
    Td2,
    /// Two lines of 44: passports (part 4).
    #[serde(rename = "TD3")]
    Td3,
    /// A visa sticker of two lines of 44 (part 7).
    #[serde(rename = "MRV-A")]
    MrvA,
    /// A visa sticker of two lines of 36 (part 7).
    #[serde(rename = "MRV-B")]
    MrvB,
}

impl Format {
    /// How many lines, of how many characters.
    #[must_use]
    pub const fn shape(self) -> (usize, usize) {
        match self {
            Format::Td1 => (3, 30),
            Format::Td2 | Format::MrvB => (2, 36),
            Format::Td3 | Format::MrvA => (2, 44),
        }
    }

    /// Whether it is a visa's.
    #[must_use]
    pub const fn is_visa(self) -> bool {
        matches!(self, Format::MrvA | Format::MrvB)
    }
}

/// The holder's sex as the zone gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Sex {
    /// M.
    #[serde(rename = "M")]
    Male,
    /// F.
    #[serde(rename = "F")]
    Female,
    /// X or a filler: unspecified.
    #[serde(rename = "X")]
    Unspecified,
}

/// A zone, read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mrz {
    /// Its layout.
    pub format: Format,
    /// Its lines, as read once mended.
    pub lines: Vec<String>,
    /// P (passport), I, A or C (identity card, residence permit), V (visa), with the second
    /// letter the issuer may add (PO, ID, VD…), fillers removed.
    pub document_code: String,
    /// The issuing state or organisation (three letters; `D` for Germany).
    pub issuer: String,
    /// The primary identifier, as the zone writes it.
    pub surname: String,
    /// The secondary identifier (given names), space-separated.
    pub given_names: String,
    /// The document number.
    pub number: String,
    /// The holder's nationality (three letters).
    pub nationality: String,
    /// The date of birth, when the zone gives a whole one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
    /// The holder's sex.
    pub sex: Sex,
    /// The date of expiry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<Date>,
    /// The optional data (a personal number…), fillers removed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub optional_data: String,
    /// Every check digit holds.
    pub check_digits_ok: bool,
    /// How many characters were mended to make them hold (a reader's 0 for O…).
    #[serde(skip_serializing_if = "is_zero")]
    pub mended: u32,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The value of a character in a check digit's sum: digits as themselves, A to Z as 10 to 35,
/// the filler as 0 (part 3, §4.9).
fn value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// The check digit of `data`: the weighted sum (7, 3, 1 repeated) modulo 10.
#[must_use]
pub fn check_digit(data: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (i, &c) in data.iter().enumerate() {
        sum += value(c)? * [7, 3, 1][i % 3];
    }
    u8::try_from(sum % 10).ok().map(|d| b'0' + d)
}

/// Whether `check` is the check digit of `data`; a filler stands for 0 where a field is empty.
fn holds(data: &[u8], check: u8) -> bool {
    let check = if check == b'<' { b'0' } else { check };
    check_digit(data) == Some(check)
}

/// A reader's usual confusions, letter ↔ digit.
const CONFUSIONS: [(u8, u8); 8] = [
    (b'O', b'0'),
    (b'Q', b'0'),
    (b'D', b'0'),
    (b'I', b'1'),
    (b'L', b'1'),
    (b'Z', b'2'),
    (b'S', b'5'),
    (b'B', b'8'),
];
const MORE: [(u8, u8); 1] = [(b'G', b'6')];

fn as_digit(c: u8) -> Option<u8> {
    CONFUSIONS.iter().chain(&MORE).find(|(l, _)| *l == c).map(|(_, d)| *d)
}

fn as_letter(c: u8) -> Option<u8> {
    // The first letter listed for a digit is the likelier one: 0 is an O, 1 an I.
    CONFUSIONS.iter().chain(&MORE).find(|(_, d)| *d == c).map(|(l, _)| *l)
}

/// What a field may hold (an alphanumeric field is mended by its check digit alone).
#[derive(Clone, Copy)]
enum Class {
    Digits,
    Letters,
}

/// The line being read, mended in place, with the count of what was mended.
struct Reading {
    lines: Vec<Vec<u8>>,
    mended: u32,
}

impl Reading {
    fn field(&self, line: usize, range: std::ops::Range<usize>) -> &[u8] {
        &self.lines[line][range]
    }

    /// Mends what cannot stand in a field of its class: a letter among digits, a digit among
    /// letters.
    fn class(&mut self, line: usize, range: std::ops::Range<usize>, class: Class) {
        for c in &mut self.lines[line][range] {
            let mended = match class {
                Class::Digits if !c.is_ascii_digit() && *c != b'<' => as_digit(*c),
                Class::Letters if c.is_ascii_digit() => as_letter(*c),
                Class::Digits | Class::Letters => None,
            };
            if let Some(m) = mended {
                *c = m;
                self.mended += 1;
            }
        }
    }

    /// Makes a field of any characters hold its check digit by the fewest letter ↔ digit
    /// changes, if exactly one way of making them exists; `false` when none does.
    fn mend_to_check(&mut self, line: usize, range: std::ops::Range<usize>, check: usize) -> bool {
        if holds(self.field(line, range.clone()), self.lines[line][check]) {
            return true;
        }
        let field = self.field(line, range.clone()).to_vec();
        let ambiguous: Vec<usize> = (0..field.len())
            .filter(|&i| as_digit(field[i]).is_some() || as_letter(field[i]).is_some())
            .take(10)
            .collect();
        let mut found: Option<(u32, Vec<u8>)> = None;
        let mut ties = false;
        for mask in 1u32..(1 << ambiguous.len()) {
            let mut candidate = field.clone();
            for (bit, &i) in ambiguous.iter().enumerate() {
                if mask & (1 << bit) != 0 {
                    let c = candidate[i];
                    candidate[i] = as_digit(c).or_else(|| as_letter(c)).unwrap_or(c);
                }
            }
            if holds(&candidate, self.lines[line][check]) {
                let changes = mask.count_ones();
                match &found {
                    Some((best, _)) if *best < changes => {}
                    Some((best, _)) if *best == changes => ties = true,
                    _ => {
                        found = Some((changes, candidate));
                        ties = false;
                    }
                }
            }
        }
        match found {
            Some((changes, candidate)) if !ties => {
                self.lines[line][range].copy_from_slice(&candidate);
                self.mended += changes;
                true
            }
            _ => false,
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A field without its fillers.
fn trimmed(bytes: &[u8]) -> String {
    text(bytes).trim_end_matches('<').replace('<', " ").trim().to_string()
}

/// The name field: the primary identifier, `<<`, the secondary one, `<` between words. Names
/// never go on after three fillers: a letter there is a filler misread, and dropped.
fn names(field: &[u8]) -> (String, String) {
    let field = text(field);
    let field = field.find("<<<").map_or(field.as_str(), |end| &field[..end]);
    let field = field.trim_end_matches('<');
    let (surname, given) = field.split_once("<<").unwrap_or((field, ""));
    let words = |s: &str| s.split('<').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    (words(surname), words(given))
}

/// YYMMDD; the century of a date of birth is the latest that is not after `today`, that of an
/// expiry date this century's unless that is more than 50 years ahead.
fn date(field: &[u8], today: Date, birth: bool) -> Option<Date> {
    if field.len() != 6 || !field.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |i: usize| u32::from(field[i] - b'0') * 10 + u32::from(field[i + 1] - b'0');
    let (yy, month, day) = (n(0), n(2), n(4));
    let this_year = u32::from(today.year());
    let mut year = 2000 + yy;
    if (birth && year > this_year) || (!birth && year > this_year + 50) {
        year -= 100;
    }
    let date = Date::from_ymd(year, month, day).ok()?;
    (!birth || date <= today).then_some(date)
}

fn sex(c: u8) -> Sex {
    match c {
        b'M' => Sex::Male,
        b'F' => Sex::Female,
        _ => Sex::Unspecified,
    }
}

/// Reads a zone from its lines, each already of the layout's length (see [`find`] for text
/// that a reader gives). `None` when the lines are of no layout.
#[must_use]
pub fn read(lines: &[&str], today: Date) -> Option<Mrz> {
    let bytes: Vec<Vec<u8>> = lines.iter().map(|l| l.as_bytes().to_vec()).collect();
    if bytes.iter().flatten().any(|&c| value(c).is_none()) {
        return None;
    }
    let lens: Vec<usize> = bytes.iter().map(Vec::len).collect();
    let visa = bytes.first().is_some_and(|l| l.first() == Some(&b'V'));
    let format = match (lens.as_slice(), visa) {
        ([30, 30, 30], false) => Format::Td1,
        ([36, 36], false) => Format::Td2,
        ([44, 44], false) => Format::Td3,
        ([36, 36], true) => Format::MrvB,
        ([44, 44], true) => Format::MrvA,
        _ => return None,
    };
    let mut r = Reading { lines: bytes, mended: 0 };
    Some(match format {
        Format::Td1 => td1(&mut r, today),
        _ => two_lines(&mut r, format, today),
    })
}

/// TD2, TD3, MRV-A and MRV-B: the name on the first line, the rest on the second.
fn two_lines(r: &mut Reading, format: Format, today: Date) -> Mrz {
    let len = format.shape().1;
    r.class(0, 0..1, Class::Letters);
    r.class(0, 2..len, Class::Letters);
    r.class(1, 10..13, Class::Letters);
    r.class(1, 13..20, Class::Digits);
    r.class(1, 20..21, Class::Letters);
    r.class(1, 21..28, Class::Digits);
    r.class(1, 9..10, Class::Digits);
    let number_ok = r.mend_to_check(1, 0..9, 9);
    let birth_ok = holds(r.field(1, 13..19), r.lines[1][19]);
    let expiry_ok = holds(r.field(1, 21..27), r.lines[1][27]);
    let (optional_end, composite_ok) = match format {
        Format::Td3 => {
            // The personal number and its check digit (a filler when the field is empty).
            r.class(1, 42..44, Class::Digits);
            let personal_ok = r.mend_to_check(1, 28..42, 42);
            let composite: Vec<u8> =
                [r.field(1, 0..10), r.field(1, 13..20), r.field(1, 21..43)].concat();
            (42, personal_ok && holds(&composite, r.lines[1][43]))
        }
        Format::Td2 => {
            r.class(1, 35..36, Class::Digits);
            let composite: Vec<u8> =
                [r.field(1, 0..10), r.field(1, 13..20), r.field(1, 21..35)].concat();
            (35, holds(&composite, r.lines[1][35]))
        }
        // A visa's zone has no composite check digit.
        _ => (len, true),
    };
    let (surname, given_names) = names(r.field(0, 5..len));
    let line = &r.lines[1];
    Mrz {
        format,
        document_code: trimmed(r.field(0, 0..2)),
        issuer: trimmed(r.field(0, 2..5)),
        surname,
        given_names,
        number: trimmed(&line[0..9]),
        nationality: trimmed(&line[10..13]),
        birth_date: date(&line[13..19], today, true),
        sex: sex(line[20]),
        expiry_date: date(&line[21..27], today, false),
        optional_data: trimmed(&line[28..optional_end]),
        check_digits_ok: number_ok && birth_ok && expiry_ok && composite_ok,
        mended: r.mended,
        lines: r.lines.iter().map(|l| text(l)).collect(),
    }
}

/// TD1: the number on the first line (continued in the optional data when longer than nine
/// characters), dates on the second, the name on the third.
fn td1(r: &mut Reading, today: Date) -> Mrz {
    r.class(0, 0..1, Class::Letters);
    r.class(0, 2..5, Class::Letters);
    r.class(1, 0..7, Class::Digits);
    r.class(1, 7..8, Class::Letters);
    r.class(1, 8..15, Class::Digits);
    r.class(1, 15..18, Class::Letters);
    r.class(1, 29..30, Class::Digits);
    r.class(2, 0..30, Class::Letters);
    // A number longer than nine characters: a filler in place of its check digit, the rest of
    // it in the optional data, its check digit last before the first filler (part 5, §4.2.4).
    let long = r.lines[0][14] == b'<';
    let (number, number_ok, optional) = if long {
        let rest = &r.lines[0][15..30];
        let end = rest.iter().position(|&c| c == b'<').unwrap_or(rest.len());
        if end == 0 {
            (trimmed(r.field(0, 5..14)), false, String::new())
        } else {
            let full = [r.field(0, 5..14), &rest[..end - 1]].concat();
            let ok = holds(&full, rest[end - 1]);
            (trimmed(&full), ok, trimmed(&rest[end..]))
        }
    } else {
        r.class(0, 14..15, Class::Digits);
        let ok = r.mend_to_check(0, 5..14, 14);
        (trimmed(r.field(0, 5..14)), ok, trimmed(r.field(0, 15..30)))
    };
    let birth_ok = holds(r.field(1, 0..6), r.lines[1][6]);
    let expiry_ok = holds(r.field(1, 8..14), r.lines[1][14]);
    let composite: Vec<u8> =
        [r.field(0, 5..30), r.field(1, 0..7), r.field(1, 8..15), r.field(1, 18..29)].concat();
    let composite_ok = holds(&composite, r.lines[1][29]);
    let (surname, given_names) = names(r.field(2, 0..30));
    let line = &r.lines[1];
    let optional2 = trimmed(&line[18..29]);
    Mrz {
        format: Format::Td1,
        document_code: trimmed(r.field(0, 0..2)),
        issuer: trimmed(r.field(0, 2..5)),
        surname,
        given_names,
        number,
        nationality: trimmed(&line[15..18]),
        birth_date: date(&line[0..6], today, true),
        sex: sex(line[7]),
        expiry_date: date(&line[8..14], today, false),
        optional_data: [optional, optional2]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        check_digits_ok: number_ok && birth_ok && expiry_ok && composite_ok,
        mended: r.mended,
        lines: r.lines.iter().map(|l| text(l)).collect(),
    }
}

/// A line of text as the zone's characters: upper case, no spaces, the reader's look-alikes of
/// the filler (« ‹ 〈 く Λ ∧) turned into it. `None` when too much of it is something else.
fn zone_chars(line: &str) -> Option<String> {
    let mut out = String::new();
    let mut other = 0;
    for c in line.chars() {
        match c {
            'A'..='Z' | '0'..='9' | '<' => out.push(c),
            'a'..='z' => out.push(c.to_ascii_uppercase()),
            '«' | '‹' | '〈' | '＜' | 'く' | '≪' | 'Λ' | '∧' => out.push('<'),
            ' ' | '\t' | '\u{a0}' => {}
            _ => other += 1,
        }
    }
    (out.len() >= 20 && other <= 2 && out.contains('<')).then_some(out)
}

/// The line brought to `len` characters, the way a reader errs: a run of fillers read one or
/// two too short or too long. Fillers are added to, or taken from, the longest run.
fn fit(line: &str, len: usize) -> Option<String> {
    let n = line.len();
    if n == len {
        return Some(line.to_string());
    }
    if n.abs_diff(len) > 3 {
        return None;
    }
    // The longest run of fillers (the last one when several are as long).
    let bytes = line.as_bytes();
    let (mut best, mut start) = ((0, 0), None);
    for (i, &c) in bytes.iter().enumerate().chain(std::iter::once((n, &b' '))) {
        match (c == b'<', start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if i - s >= best.1 - best.0 {
                    best = (s, i);
                }
                start = None;
            }
            _ => {}
        }
    }
    let (s, e) = best;
    if e - s < 2 && n > len {
        return None;
    }
    let mut out = String::with_capacity(len);
    out.push_str(&line[..s]);
    let run = (e - s + len).checked_sub(n)?;
    out.extend(std::iter::repeat_n('<', run));
    out.push_str(&line[e..]);
    (out.len() == len).then_some(out)
}

/// Finds a zone in the text a reader gives (any other text around it), mending line lengths
/// and the usual confusions. The first zone whose check digits hold wins; failing that, the
/// first zone of a layout, its `check_digits_ok` false. `None` when no text looks like a zone.
#[must_use]
pub fn find(text: &str, today: Date) -> Option<Mrz> {
    let candidates: Vec<String> = text.lines().filter_map(zone_chars).collect();
    let mut fallback = None;
    for (count, len) in [(2, 44), (3, 30), (2, 36)] {
        for window in candidates.windows(count) {
            let Some(fitted) = window.iter().map(|l| fit(l, len)).collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let lines: Vec<&str> = fitted.iter().map(String::as_str).collect();
            if let Some(mrz) = read(&lines, today) {
                if mrz.check_digits_ok {
                    return Some(mrz);
                }
                fallback = fallback.or(Some(mrz));
            }
        }
    }
    fallback
}

/// The country of the form (ISO 3166-1 alpha-2) of the zone's three-letter code: `None` for
/// codes of no country (stateless, refugee, the United Nations, a specimen's UTO).
#[must_use]
pub fn country(code: &str) -> Option<&'static str> {
    let code = format!("{code:<<3}");
    include_str!("../data/mrz-codes.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(c, _)| *c == code)
        .map(|(_, a2)| a2)
        .filter(|a2| *a2 != "-")
}

/// A name as the zone would write it (part 3, §6): upper-case Latin letters, the national
/// characters transliterated (Ä → AE, Ü → UE, ß → SS, Ø → OE, Å → AA…), other accents dropped,
/// hyphens and spaces as one space, apostrophes and other punctuation dropped. With `plain`,
/// every accented letter loses its accent only (Ä → A), as some documents print it. `None`
/// for a name in another script.
#[must_use]
pub fn zone_name(name: &str, plain: bool) -> Option<String> {
    let mut out = String::new();
    for c in name.chars() {
        let upper = c.to_ascii_uppercase();
        let mapped: &str = match upper {
            'A'..='Z' => {
                out.push(upper);
                continue;
            }
            ' ' | '-' | '<' | '\u{a0}' | '‐' | '–' => " ",
            '\'' | '’' | '‘' | 'ʼ' | '.' | ',' => "",
            _ => transliterate(c, plain)?,
        };
        out.push_str(mapped);
    }
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A letter of a Latin alphabet, as the zone writes it.
fn transliterate(c: char, plain: bool) -> Option<&'static str> {
    let icao = match c {
        'Ä' | 'ä' | 'Æ' | 'æ' => Some("AE"),
        'Ö' | 'ö' | 'Ø' | 'ø' | 'Œ' | 'œ' => Some("OE"),
        'Ü' | 'ü' => Some("UE"),
        'Å' | 'å' => Some("AA"),
        'ß' => Some("SS"),
        'Þ' | 'þ' => Some("TH"),
        'Ĳ' | 'ĳ' => Some("IJ"),
        _ => None,
    };
    if let (Some(t), false) = (icao, plain) {
        return Some(t);
    }
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "A",
        'Æ' | 'æ' => "AE",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "C",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "D",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "E"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "G",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "H",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            "I"
        }
        'Ĳ' | 'ĳ' => "IJ",
        'Ĵ' | 'ĵ' => "J",
        'Ķ' | 'ķ' => "K",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "L",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "N",
        'Ò'..='Ö' | 'ò'..='ö' | 'Ø' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => "O",
        'Œ' | 'œ' => "OE",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "R",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "S",
        'ß' => "SS",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "T",
        'Þ' | 'þ' => "TH",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų' => "U",
        'Ŵ' | 'ŵ' => "W",
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' | 'Ŷ' | 'ŷ' => "Y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "Z",
        _ => return None,
    })
}

/// What the student typed, as far as the zone can say something about it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Typed<'a> {
    /// Last name.
    pub last_name: Option<&'a str>,
    /// First name(s).
    pub first_name: Option<&'a str>,
    /// Date of birth.
    pub birth_date: Option<Date>,
    /// Nationality (ISO 3166-1 alpha-2).
    pub nationality: Option<&'a str>,
    /// Title (M. or Mme).
    pub title: Option<Title>,
    /// The start date of rights.
    pub rights_start: Option<Date>,
    /// The day of the check: a document expired by then is expired at any start of rights.
    pub today: Option<Date>,
}

impl<'a> Typed<'a> {
    /// The values of a form, as its check normalises them ([`crate::fields::Report`]).
    #[must_use]
    pub fn from_normalised(
        values: &'a std::collections::BTreeMap<crate::fields::Field, String>,
    ) -> Self {
        use crate::fields::Field;
        let value = |field: Field| values.get(&field).map(String::as_str);
        let date = |field: Field| value(field).and_then(|v| v.parse::<Date>().ok());
        Typed {
            last_name: value(Field::LastName),
            first_name: value(Field::FirstName),
            birth_date: date(Field::BirthDate),
            nationality: value(Field::Nationality),
            title: value(Field::Title).and_then(|t| Title::parse(t).ok()),
            rights_start: date(Field::RightsStartDate),
            today: None,
        }
    }
}

/// What the zone says against the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Finding {
    /// The zone could not be read with valid check digits: nothing is compared.
    ZoneUnreadable,
    /// The last name typed is not the zone's, even transliterated and cut as the zone does.
    LastNameDiffers {
        /// As typed.
        typed: String,
        /// As the zone writes it.
        read: String,
    },
    /// The first names typed are not the zone's.
    FirstNameDiffers {
        /// As typed.
        typed: String,
        /// As the zone writes it.
        read: String,
    },
    /// The date of birth differs.
    BirthDateDiffers {
        /// As typed.
        typed: Date,
        /// As the zone gives it.
        read: Date,
    },
    /// The nationality differs.
    NationalityDiffers {
        /// As chosen (alpha-2).
        typed: String,
        /// The zone's country (alpha-2).
        read: String,
    },
    /// The title is not the sex of the document (it sets the first digit of the social
    /// security number).
    TitleDiffersFromSex {
        /// The zone's sex.
        read: Sex,
    },
    /// Expired on or before the start date of rights (before it is typed, today).
    Expired {
        /// The date of expiry.
        on: Date,
    },
    /// Expires within three months of the start date of rights.
    ExpiresSoon {
        /// The date of expiry.
        on: Date,
    },
}

/// Whether a name read from the zone is the one typed: the same once written as the zone
/// writes names (with or without the national transliterations), or cut where the zone ran
/// out of room.
fn same_name(typed: &str, read: &str, cut: bool) -> Option<bool> {
    let spellings = [zone_name(typed, false)?, zone_name(typed, true)?];
    Some(spellings.iter().any(|t| t == read || (cut && !read.is_empty() && t.starts_with(read))))
}

/// Compares a zone with the form. A zone whose check digits do not hold gives
/// [`Finding::ZoneUnreadable`] and nothing else; a value the student has not typed, or typed in
/// another script, is not compared.
#[must_use]
pub fn compare(mrz: &Mrz, typed: &Typed<'_>) -> Vec<Finding> {
    if !mrz.check_digits_ok {
        return vec![Finding::ZoneUnreadable];
    }
    let mut out = Vec::new();
    // The name field is cut when its last character is a letter.
    let name_line = if mrz.format == Format::Td1 { 2 } else { 0 };
    let cut = mrz.lines[name_line].ends_with(|c: char| c != '<');
    // The name line has no check digit: a `<<` read as `<` only moves where the surname ends.
    // When the whole name is the same, neither part is said to differ.
    let whole = |last: &str, first: &str| format!("{last} {first}");
    let same_whole = match (typed.last_name, typed.first_name) {
        (Some(last), Some(first)) => {
            same_name(&whole(last, first), whole(&mrz.surname, &mrz.given_names).trim(), cut)
                == Some(true)
        }
        _ => false,
    };
    if let Some(name) = typed.last_name.filter(|n| !n.trim().is_empty() && !same_whole) {
        // Only the surname's end can be cut when no given names follow it.
        let surname_cut = cut && mrz.given_names.is_empty();
        if same_name(name, &mrz.surname, surname_cut) == Some(false) {
            out.push(Finding::LastNameDiffers { typed: name.into(), read: mrz.surname.clone() });
        }
    }
    if let Some(name) = typed.first_name.filter(|n| !n.trim().is_empty() && !same_whole) {
        if same_name(name, &mrz.given_names, cut) == Some(false) {
            out.push(Finding::FirstNameDiffers {
                typed: name.into(),
                read: mrz.given_names.clone(),
            });
        }
    }
    if let (Some(t), Some(r)) = (typed.birth_date, mrz.birth_date) {
        if t != r {
            out.push(Finding::BirthDateDiffers { typed: t, read: r });
        }
    }
    if let (Some(t), Some(r)) = (typed.nationality, country(&mrz.nationality)) {
        if !t.eq_ignore_ascii_case(r) {
            out.push(Finding::NationalityDiffers { typed: t.to_ascii_uppercase(), read: r.into() });
        }
    }
    let sex = match typed.title {
        Some(Title::M) => Some(Sex::Male),
        Some(Title::Mme) => Some(Sex::Female),
        None => None,
    };
    if sex.is_some_and(|s| mrz.sex != Sex::Unspecified && s != mrz.sex) {
        out.push(Finding::TitleDiffersFromSex { read: mrz.sex });
    }
    // Judged at the start of rights; before it is typed, a document already expired today
    // is expired then too (and "soon" waits for the date).
    if let (Some(start), Some(on)) = (typed.rights_start.or(typed.today), mrz.expiry_date) {
        if on <= start {
            out.push(Finding::Expired { on });
        } else if typed.rights_start.is_some() && start.add_months(3).is_some_and(|soon| on < soon)
        {
            out.push(Finding::ExpiresSoon { on });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::from_ymd(2026, 12, 4).unwrap()
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    // ICAO Doc 9303's own specimens (part 4, appendix B; part 5, appendix B; part 6; part 7).
    const TD3: [&str; 2] = [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ];
    const TD1: [&str; 3] = [
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ];
    const TD2: [&str; 2] =
        ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"];
    const MRV_A: [&str; 2] = [
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
    ];
    const MRV_B: [&str; 2] =
        ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"];

    /// A passport's second line of these values, with its check digits.
    fn td3_line2(number: &str, nationality: &str, birth: &str, sex: char, expiry: &str) -> String {
        let digit = |s: &str| char::from(check_digit(s.as_bytes()).unwrap());
        let mut l = format!("{number}{}{nationality}{birth}{}", digit(number), digit(birth));
        l.push(sex);
        l.push_str(expiry);
        l.push(digit(expiry));
        l.push_str("<<<<<<<<<<<<<<<");
        let composite: String = [&l[0..10], &l[13..20], &l[21..43]].concat();
        l.push(digit(&composite));
        l
    }

    #[test]
    fn check_digits_follow_the_731_rule() {
        assert_eq!(check_digit(b"L898902C3"), Some(b'6'));
        assert_eq!(check_digit(b"740812"), Some(b'2'));
        assert_eq!(check_digit(b"120415"), Some(b'9'));
        assert_eq!(check_digit(b"ZE184226B<<<<<"), Some(b'1'));
        assert_eq!(check_digit(b"<<<<"), Some(b'0'));
        assert_eq!(check_digit(b"a"), None, "not a character of the zone");
    }

    #[test]
    fn the_specimen_passport_reads_exactly() {
        let mrz = read(&TD3, today()).unwrap();
        assert_eq!(mrz.format, Format::Td3);
        assert_eq!(mrz.document_code, "P");
        assert_eq!(mrz.issuer, "UTO");
        assert_eq!((mrz.surname.as_str(), mrz.given_names.as_str()), ("ERIKSSON", "ANNA MARIA"));
        assert_eq!(mrz.number, "L898902C3");
        assert_eq!(mrz.nationality, "UTO");
        assert_eq!(mrz.birth_date, Some(d("1974-08-12")));
        assert_eq!(mrz.sex, Sex::Female);
        assert_eq!(mrz.expiry_date, Some(d("2012-04-15")));
        assert_eq!(mrz.optional_data, "ZE184226B");
        assert!(mrz.check_digits_ok);
        assert_eq!(mrz.mended, 0);
        let json = serde_json::to_value(&mrz).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "format": "TD3", "lines": TD3, "document_code": "P", "issuer": "UTO",
                "surname": "ERIKSSON", "given_names": "ANNA MARIA", "number": "L898902C3",
                "nationality": "UTO", "birth_date": "1974-08-12", "sex": "F",
                "expiry_date": "2012-04-15", "optional_data": "ZE184226B",
                "check_digits_ok": true
            })
        );
    }

    #[test]
    fn every_layout_of_the_specimens_reads_with_its_check_digits() {
        let td1 = read(&TD1, today()).unwrap();
        assert_eq!((td1.format, td1.document_code.as_str()), (Format::Td1, "I"));
        assert_eq!((td1.number.as_str(), td1.given_names.as_str()), ("D23145890", "ANNA MARIA"));
        assert_eq!(td1.expiry_date, Some(d("2012-04-15")));
        assert!(td1.check_digits_ok, "{td1:?}");
        let td2 = read(&TD2, today()).unwrap();
        assert_eq!((td2.format, td2.number.as_str()), (Format::Td2, "D23145890"));
        assert!(td2.check_digits_ok, "{td2:?}");
        for (lines, format) in [(&MRV_A, Format::MrvA), (&MRV_B, Format::MrvB)] {
            let visa = read(lines, today()).unwrap();
            assert_eq!(visa.format, format);
            assert!(visa.format.is_visa());
            assert_eq!((visa.document_code.as_str(), visa.number.as_str()), ("V", "L8988901C"));
            assert_eq!(visa.nationality, "XXX");
            assert_eq!(visa.birth_date, Some(d("1940-09-07")));
            assert_eq!(visa.expiry_date, Some(d("1996-12-10")));
            assert!(visa.check_digits_ok, "{visa:?}");
        }
    }

    #[test]
    fn a_wrong_character_fails_its_check_digit() {
        let mut line = TD3[1].to_string();
        line.replace_range(14..15, "5"); // 7408122 → 7508122: the birth date's check fails
        let mrz = read(&[TD3[0], &line], today()).unwrap();
        assert!(!mrz.check_digits_ok);
        assert_eq!(compare(&mrz, &Typed::default()), [Finding::ZoneUnreadable]);
    }

    #[test]
    fn a_readers_usual_confusions_are_mended_by_the_check_digits() {
        // O for 0 in a date, I for 1 in the number's digits, S for 5 in the expiry, B for 8.
        let line = "L898902C36UTO74O8122F12O4I59ZE184226B<<<<<10";
        let mrz = read(&[TD3[0], line], today()).unwrap();
        assert!(mrz.check_digits_ok, "{mrz:?}");
        assert_eq!(mrz.lines[1], TD3[1]);
        assert_eq!(mrz.mended, 3);
        // In the alphanumeric number, a 0 read for O is put back only because the check says so.
        let number = TD3[1].replace("L898902C3", "L8989O2C3");
        let mrz = read(&[TD3[0], &number], today()).unwrap();
        assert!(mrz.check_digits_ok, "{mrz:?}");
        assert_eq!(mrz.number, "L898902C3");
        // Digits in the name are letters: 0 → O, 1 → I.
        let name = "P<UT0ERIKSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<";
        let mrz = read(&[name, TD3[1]], today()).unwrap();
        assert_eq!((mrz.issuer.as_str(), mrz.surname.as_str()), ("UTO", "ERIKSSON"));
        assert_eq!(mrz.given_names, "ANNA MARIA");
    }

    #[test]
    fn a_zone_is_found_in_a_readers_text_with_lines_off_by_a_filler() {
        let text = "PASSPORT  PASSEPORT\nUtopia\nSurname / Nom\nERIKSSON\n\
                    P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\n\
                    L898902C36UTO7408122F1204159ZE184226B<<<<<<10\n";
        let mrz = find(text, today()).unwrap();
        assert!(mrz.check_digits_ok, "{mrz:?}");
        assert_eq!(mrz.lines, TD3);
        // Spaces and look-alikes of the filler, in lower case.
        let text = "i<utod231458907 <<<<<<<<<<<<<<<\n7408122F1204159UTO«<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
        let mrz = find(text, today()).unwrap();
        assert_eq!(mrz.format, Format::Td1);
        assert!(mrz.check_digits_ok, "{mrz:?}");
        assert_eq!(find("Nothing here at all\n<<<", today()), None);
        assert_eq!(find("", today()), None);
    }

    #[test]
    fn no_text_makes_it_panic() {
        for text in ["<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
            "I<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
            "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ<<<<<<<<<<<<<<<<<<<<\n9999999999999999999999999999999999999999999<",
            "V<<\n<<V"] {
            let _ = find(text, today());
        }
        assert_eq!(read(&["short"], today()), None);
        assert_eq!(read(&["é".repeat(22).as_str(), &"<".repeat(44)], today()), None);
    }

    #[test]
    fn names_are_compared_as_the_zone_writes_them() {
        assert_eq!(zone_name("Müller-Lüdenscheidt", false).unwrap(), "MUELLER LUEDENSCHEIDT");
        assert_eq!(zone_name("Müller", true).unwrap(), "MULLER");
        assert_eq!(zone_name("N’Diaye", false).unwrap(), "NDIAYE");
        assert_eq!(zone_name("Øster  Ålund", false).unwrap(), "OESTER AALUND");
        assert_eq!(zone_name("Strauß", false).unwrap(), "STRAUSS");
        assert_eq!(zone_name("José María", false).unwrap(), "JOSE MARIA");
        assert_eq!(zone_name("Łukasz Żółć", false).unwrap(), "LUKASZ ZOLC");
        assert_eq!(zone_name("王", false), None, "another script is not compared");
        let mrz = read(&TD3, today()).unwrap();
        let typed = Typed {
            last_name: Some("Eriksson"),
            first_name: Some("Anna-Maria"),
            birth_date: Some(d("1974-08-12")),
            title: Some(Title::Mme),
            ..Typed::default()
        };
        assert_eq!(compare(&mrz, &typed), []);
        let typed = Typed { last_name: Some("Erikson"), first_name: Some("Anna"), ..typed };
        assert_eq!(
            compare(&mrz, &typed),
            [
                Finding::LastNameDiffers { typed: "Erikson".into(), read: "ERIKSSON".into() },
                Finding::FirstNameDiffers { typed: "Anna".into(), read: "ANNA MARIA".into() },
            ]
        );
        let typed = Typed { last_name: Some("李"), ..Typed::default() };
        assert_eq!(compare(&mrz, &typed), [], "no verdict it cannot support");
    }

    #[test]
    fn a_misread_filler_in_the_name_line_makes_no_mismatch() {
        // No check digit covers the name: the tiny recogniser read one `<<` as `<`, and a
        // filler at the end as A.
        let line1 = "P<UTOERIKSSON<ANNA<MARIA<<<<<<<<<<<<<<<<<<<A";
        let mrz = read(&[line1, TD3[1]], today()).unwrap();
        assert!(mrz.check_digits_ok);
        assert_eq!((mrz.surname.as_str(), mrz.given_names.as_str()), ("ERIKSSON ANNA MARIA", ""));
        let typed = Typed {
            last_name: Some("Eriksson"),
            first_name: Some("Anna Maria"),
            ..Typed::default()
        };
        assert_eq!(compare(&mrz, &typed), [], "the whole name is the same");
        let visa = "V<UTOERIKSSON<<ANNA<MARIA<<<<A<<<<<<<<<<<<<A";
        let mrz = read(&[visa, MRV_A[1]], today()).unwrap();
        assert_eq!(mrz.given_names, "ANNA MARIA", "letters after three fillers are fillers");
        // A real difference is still one.
        let typed = Typed {
            last_name: Some("Eriksen"),
            first_name: Some("Anna Maria"),
            ..Typed::default()
        };
        assert_eq!(
            compare(&mrz, &typed),
            [Finding::LastNameDiffers { typed: "Eriksen".into(), read: "ERIKSSON".into() }]
        );
    }

    #[test]
    fn a_name_cut_by_the_zone_is_the_same_name() {
        let line1 = "P<D<<MUELLER<LUEDENSCHEIDT<<MARIA<THERESIA<K";
        let line2 = td3_line2("C01X00T47", "D<<", "840812", 'F', "301231");
        let mrz = read(&[line1, &line2], today()).unwrap();
        assert!(mrz.check_digits_ok, "{mrz:?}");
        assert_eq!(mrz.nationality, "D");
        assert_eq!(country(&mrz.nationality), Some("DE"));
        let typed = Typed {
            last_name: Some("Müller-Lüdenscheidt"),
            first_name: Some("Maria Theresia Katharina"),
            nationality: Some("DE"),
            ..Typed::default()
        };
        assert_eq!(compare(&mrz, &typed), []);
        let typed = Typed { nationality: Some("AT"), ..typed };
        assert_eq!(
            compare(&mrz, &typed),
            [Finding::NationalityDiffers { typed: "AT".into(), read: "DE".into() }]
        );
    }

    #[test]
    fn expiry_is_judged_at_the_start_of_rights_or_today_and_the_title_against_the_sex() {
        let mrz = read(&TD3, today()).unwrap();
        let at = |start: &str| Typed { rights_start: Some(d(start)), ..Typed::default() };
        assert_eq!(compare(&mrz, &at("2026-09-01")), [Finding::Expired { on: d("2012-04-15") }]);
        assert_eq!(compare(&mrz, &at("2012-04-15")), [Finding::Expired { on: d("2012-04-15") }]);
        assert_eq!(
            compare(&mrz, &at("2012-02-01")),
            [Finding::ExpiresSoon { on: d("2012-04-15") }]
        );
        assert_eq!(compare(&mrz, &at("2011-09-01")), []);
        // Before a start of rights is typed, a document expired today is expired; one that
        // expires soon waits for the date.
        let on = |day: &str| Typed { today: Some(d(day)), ..Typed::default() };
        assert_eq!(compare(&mrz, &on("2026-12-04")), [Finding::Expired { on: d("2012-04-15") }]);
        assert_eq!(compare(&mrz, &on("2012-03-01")), []);
        let both = Typed { today: Some(d("2026-12-04")), ..at("2011-09-01") };
        assert_eq!(compare(&mrz, &both), [], "the start of rights, once typed, decides");
        let m = Typed { title: Some(Title::M), ..Typed::default() };
        assert_eq!(compare(&mrz, &m), [Finding::TitleDiffersFromSex { read: Sex::Female }]);
        let born = Typed { birth_date: Some(d("1974-12-08")), ..Typed::default() };
        assert_eq!(
            compare(&mrz, &born),
            [Finding::BirthDateDiffers { typed: d("1974-12-08"), read: d("1974-08-12") }]
        );
    }

    #[test]
    fn the_codes_of_the_zone_name_the_forms_countries() {
        assert_eq!(country("FRA"), Some("FR"));
        assert_eq!(country("SEN"), Some("SN"));
        assert_eq!(country("D"), Some("DE"));
        assert_eq!(country("GBD"), Some("GB"));
        assert_eq!(country("XXA"), None, "stateless");
        assert_eq!(country("UTO"), None, "the specimen's Utopia");
        for line in include_str!("../data/mrz-codes.tsv").lines().filter(|l| !l.starts_with('#')) {
            let (code, a2) = line.split_once('\t').unwrap();
            assert_eq!(code.len(), 3, "{line}");
            assert!(a2 == "-" || crate::Country::by_code(a2).is_some(), "{line}");
        }
    }
}
