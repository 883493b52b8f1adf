//! The French social security number (NIR, "numéro d'inscription au répertoire"), as a
//! certificate of entitlement prints it: 13 characters and a 2-digit key, often spaced
//! (`2 55 08 14 168 025 38`). Its key is 97 minus the number modulo 97, Corsica's departments
//! 2A and 2B counted as 19 and 18 (the Assurance Maladie's own `nir-validation`, `NirKey.php`).
//! A student registered from abroad first works with a provisional number, then the permanent
//! one (first digit 1 or 2). Sources differ on the provisional one's shape: the older NNP is 13
//! characters without a key, first digit 7 (a man) or 8 (a woman), officially gone since 2022;
//! the NIA that replaces it "est constitué comme un NIR" (net-entreprises), and secondary
//! sources still say it starts with 7 or 8. So a number starting with 7 or 8, with a key or
//! without, is taken as provisional; any other is permanent unless the certificate itself says
//! it is provisional ([`crate::attestation`]).
//!
//! Nothing here keeps, prints or logs the number itself: [`find`] gives only what the student
//! needs to know of it.

use serde::Serialize;

crate::vocabulary! {
    /// What kind of number a certificate carries.
    pub enum NumberKind as "number kind" {
        /// A provisional number (NIA): the registration is not complete yet.
        Provisional = "provisional",
        /// The permanent number: an ameli account and a carte Vitale can follow.
        Permanent = "permanent",
    }
}

/// What a number says, without the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Number {
    /// Provisional or permanent.
    pub kind: NumberKind,
    /// Whether its key holds (a misread or mistyped digit fails it); `None` for a provisional
    /// number printed without a key.
    pub key_ok: Option<bool>,
}

/// The key of a 13-character number (digits, Corsica's `2A`/`2B` at positions 6–7); `None`
/// when it is not one.
#[must_use]
pub fn key(number: &str) -> Option<u8> {
    let bytes = number.as_bytes();
    if bytes.len() != 13 {
        return None;
    }
    let mut value: u64 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let digit = match (i, b) {
            (_, b'0'..=b'9') => b - b'0',
            // The department 2A is counted as 19, 2B as 18.
            (6, b'A' | b'a') if bytes[5] == b'2' => 9,
            (6, b'B' | b'b') if bytes[5] == b'2' => 8,
            _ => return None,
        };
        value = value * 10 + u64::from(digit);
    }
    // "2A" counts as 19: the 2 before it becomes 1.
    if matches!(bytes[6], b'A' | b'a' | b'B' | b'b') {
        value -= 10_000_000;
    }
    u8::try_from(97 - value % 97).ok()
}

/// The kind of a number by its first digit: 1 or 2 permanent, 7 or 8 provisional (see the
/// module's note).
fn kind(first: u8) -> Option<NumberKind> {
    match first {
        b'1' | b'2' => Some(NumberKind::Permanent),
        b'7' | b'8' => Some(NumberKind::Provisional),
        _ => None,
    }
}

/// The first social security number in `text` (spaces, dots or dashes between its groups), as
/// what it says: 15 characters with a key, or a provisional number's 13 without. A run whose
/// first digit is no number's is passed over.
#[must_use]
pub fn find(text: &str) -> Option<Number> {
    // Each run of digits (and 2A/2B) with single separators, squashed.
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut run = String::new();
        let mut j = i;
        while j < chars.len() && run.len() < 15 {
            let c = chars[j];
            if c.is_ascii_digit() || (matches!(c, 'A' | 'B') && run.len() == 6) {
                run.push(c);
            } else if matches!(c, ' ' | '.' | '-' | '\u{a0}' | '\u{202f}')
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
            {
            } else {
                break;
            }
            j += 1;
        }
        let ends = !chars.get(j).is_some_and(char::is_ascii_alphanumeric);
        let first = kind(run.as_bytes()[0]);
        match (run.len(), first) {
            (15, Some(kind)) if ends => {
                if let (Some(expected), Ok(got)) = (key(&run[..13]), run[13..].parse::<u8>()) {
                    return Some(Number { kind, key_ok: Some(expected == got) });
                }
            }
            (13, Some(NumberKind::Provisional)) if ends && key(&run).is_some() => {
                return Some(Number { kind: NumberKind::Provisional, key_ok: None });
            }
            _ => {}
        }
        i = j.max(i + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_97_minus_the_number_modulo_97() {
        // The Assurance Maladie's nir-validation tests (NirKeySpec.php) and betagouv's
        // nir_validate: Corsica's 2A and 2B, a key of 97.
        for (body, expected) in [
            ("2550814168025", 38),
            ("2940375120005", 91),
            ("1531245007231", 60),
            ("284052A321025", 52),
            ("284052a321025", 52),
            ("1234567890123", 11),
            ("255082A168025", 97),
            // scienceetonnante.com, trabucaire.free.fr, mathweb.fr.
            ("1370476243484", 15),
            ("1631278477042", 94),
            ("2620875032039", 77),
            ("1891275125012", 82),
        ] {
            assert_eq!(key(body), Some(expected), "{body}");
        }
        // nir-validation's README example, "2 84 05 88 321 025 30", has a wrong key (32).
        assert_eq!(key("2840588321025"), Some(32));
        // Corsica: 2A counts as 19 and 2B as 18.
        assert_eq!(key("185032A12345"), None, "12 characters");
        assert_eq!(key("18503X0012345"), None);
    }

    #[test]
    fn a_number_says_its_kind_and_whether_its_key_holds_never_itself() {
        let permanent = find("n° de sécurité sociale 2 55 08 14 168 025 38 ");
        assert_eq!(permanent, Some(Number { kind: NumberKind::Permanent, key_ok: Some(true) }));
        let misread = find("2 55 08 14 168 026 38");
        assert_eq!(misread, Some(Number { kind: NumberKind::Permanent, key_ok: Some(false) }));
        assert_eq!(find("2 84 05 88 321 025 30").map(|n| n.key_ok), Some(Some(false)));
        // A provisional number of a woman born abroad, first digit 8: with its key (an NIA),
        // and an NNP's 13 characters without one.
        let body = "8021099352012";
        let nia = format!("{body}{:02}", key(body).unwrap());
        let spaced = format!("Numéro de l'assuré : {} {} {}", &nia[..1], &nia[1..7], &nia[7..]);
        let provisional = Some(Number { kind: NumberKind::Provisional, key_ok: Some(true) });
        assert_eq!(find(&spaced), provisional);
        let nnp = find("n° 81 351 12345678.");
        assert_eq!(nnp, Some(Number { kind: NumberKind::Provisional, key_ok: None }));
        // Corsica's department in a printed number.
        assert_eq!(find("2 84 05 2A 321 025 52").map(|n| n.key_ok), Some(Some(true)));
        // Dates, phone numbers and other runs are no number.
        for other in ["01/09/2020 au 01/09/2021", "3646", "01 351 8955 01", "FR76 3000 6000 0112"] {
            assert_eq!(find(other), None, "{other}");
        }
    }
}
