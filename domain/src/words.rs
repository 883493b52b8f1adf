//! Small helpers for matching words read or pasted: folding a letter to its plain lower-case
//! form, and telling a typo or a misread letter from another word.

/// A letter lower case and without its accent (French's and the Latin-1 ones), a no-break space
/// as a space, a curly apostrophe as a straight one. One character for one, so that an index
/// into the folded text is one into the text.
#[must_use]
pub fn fold(c: char) -> char {
    match c {
        'À'..='Å' | 'à'..='å' => 'a',
        'È'..='Ë' | 'è'..='ë' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' => 'i',
        'Ò'..='Ö' | 'ò'..='ö' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' => 'u',
        'Ç' | 'ç' => 'c',
        '\u{a0}' | '\u{202f}' => ' ',
        '’' | '‘' | 'ʼ' | '`' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Whether two words differ by one letter at most (changed, added or dropped), or by two
/// neighbours swapped ("expried").
#[must_use]
pub fn within_one(a: &[u8], b: &[u8]) -> bool {
    match a.len().abs_diff(b.len()) {
        0 => {
            let off: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            off.len() <= 1
                || (off.len() == 2
                    && off[1] == off[0] + 1
                    && a[off[0]] == b[off[1]]
                    && a[off[1]] == b[off[0]])
        }
        1 => {
            let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
            let first = long.iter().zip(short).take_while(|(x, y)| x == y).count();
            long[first + 1..] == short[first..]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_is_one_letter_changed_added_dropped_or_two_swapped() {
        for (a, b) in [
            ("BENALI", "BENALJ"),
            ("passport", "pasport"),
            ("expired", "expried"),
            ("permit", "permitt"),
        ] {
            assert!(within_one(a.as_bytes(), b.as_bytes()), "{a} {b}");
        }
        for (a, b) in [("BENALI", "ZHANG"), ("expired", "xepried"), ("abcd", "badc")] {
            assert!(!within_one(a.as_bytes(), b.as_bytes()), "{a} {b}");
        }
        assert_eq!("Période’É".chars().map(fold).collect::<String>(), "periode'e");
    }
}
