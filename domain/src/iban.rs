//! IBANs (ISO 13616): the mod-97 check every IBAN carries, and for French ones (FR…) the RIB
//! key over bank, branch and account (DOMAIN.md §4), which catches typos mod-97 lets through
//! when a RIB is copied by hand.

use std::fmt;
use std::str::FromStr;

/// An IBAN whose check digits hold (and, for France, whose RIB key holds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Iban(String);

/// Why a text is not a valid IBAN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IbanError {
    /// Not 15–34 letters and digits starting with a country code and two digits.
    Format,
    /// The length is wrong for a French IBAN (27 characters).
    Length,
    /// The ISO 13616 mod-97 check fails.
    Checksum,
    /// The French RIB key does not match bank, branch and account.
    RibKey,
}

impl fmt::Display for IbanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IbanError::Format => "not an IBAN",
            IbanError::Length => "a French IBAN has 27 characters",
            IbanError::Checksum => "the IBAN's check digits do not match",
            IbanError::RibKey => "the RIB key does not match",
        })
    }
}

impl std::error::Error for IbanError {}

/// The remainder mod 97 of the digits a text stands for, letters as 10–35, read in order.
fn mod97(chars: impl Iterator<Item = char>) -> Option<u32> {
    let mut r = 0u32;
    for c in chars {
        let v = c.to_digit(36)?;
        r = if v >= 10 { (r * 100 + v) % 97 } else { (r * 10 + v) % 97 };
    }
    Some(r)
}

/// RIB letters in the account number count as digits: A,J→1; B,K,S→2; … I,R,Z→9.
fn rib_digit(c: char) -> Option<u64> {
    match c {
        '0'..='9' => c.to_digit(10).map(u64::from),
        'A'..='I' => Some(u64::from(c as u8 - b'A') + 1),
        'J'..='R' => Some(u64::from(c as u8 - b'J') + 1),
        'S'..='Z' => Some(u64::from(c as u8 - b'S') + 2),
        _ => None,
    }
}

fn rib_number(s: &str) -> Option<u64> {
    s.chars().try_fold(0u64, |n, c| Some(n * 10 + rib_digit(c)?))
}

impl FromStr for Iban {
    type Err = IbanError;

    /// Reads an IBAN as printed: spaces ignored, any case.
    fn from_str(text: &str) -> Result<Self, IbanError> {
        let iban: String =
            text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        let b = iban.as_bytes();
        if !(15..=34).contains(&b.len())
            || !b[..2].iter().all(u8::is_ascii_uppercase)
            || !b[2..4].iter().all(u8::is_ascii_digit)
            || !b.iter().all(u8::is_ascii_alphanumeric)
        {
            return Err(IbanError::Format);
        }
        if &iban[..2] == "FR" && b.len() != 27 {
            return Err(IbanError::Length);
        }
        let rearranged = iban[4..].chars().chain(iban[..4].chars());
        if mod97(rearranged) != Some(1) {
            return Err(IbanError::Checksum);
        }
        if &iban[..2] == "FR" {
            let (bank, branch, account, key) =
                (&iban[4..9], &iban[9..14], &iban[14..25], &iban[25..27]);
            let parts = (
                rib_number(bank),
                rib_number(branch),
                rib_number(account),
                key.parse::<u64>().ok(),
            );
            let (Some(bank), Some(branch), Some(account), Some(key)) = parts else {
                return Err(IbanError::RibKey);
            };
            if 97 - (89 * bank + 15 * branch + 3 * account) % 97 != key {
                return Err(IbanError::RibKey);
            }
        }
        Ok(Self(iban))
    }
}

impl Iban {
    /// The two-letter country code.
    #[must_use]
    pub fn country(&self) -> &str {
        &self.0[..2]
    }

    /// Printed in groups of four, as on a RIB.
    #[must_use]
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Every IBAN-looking sequence in a text that passes the checks (for RIB content checks).
    #[must_use]
    pub fn find_all(text: &str) -> Vec<Iban> {
        let upper = text.to_ascii_uppercase();
        let bytes = upper.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while i + 4 <= bytes.len() {
            let starts = bytes[i].is_ascii_uppercase()
                && bytes[i + 1].is_ascii_uppercase()
                && bytes[i + 2].is_ascii_digit()
                && bytes[i + 3].is_ascii_digit()
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
            if starts {
                // Take up to 34 alphanumerics, allowing single spaces between groups.
                let mut candidate = String::new();
                let mut j = i;
                while j < bytes.len() && candidate.len() < 34 {
                    let c = bytes[j];
                    if c.is_ascii_alphanumeric() {
                        candidate.push(char::from(c));
                    } else if c != b' ' || !bytes.get(j + 1).is_some_and(u8::is_ascii_alphanumeric)
                    {
                        break;
                    }
                    j += 1;
                }
                // The longest prefix that is a valid IBAN.
                if let Some(iban) =
                    (15..=candidate.len()).rev().find_map(|n| candidate[..n].parse::<Iban>().ok())
                {
                    found.push(iban);
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        found
    }
}

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_ibans_pass() {
        for text in [
            "FR14 2004 1010 0505 0001 3M02 606",
            "fr1420041010050500013m02606",
            "FR76 3000 6000 0112 3456 7890 189",
            "DE89 3704 0044 0532 0130 00",
            "GB29 NWBK 6016 1331 9268 19",
            "BE68 5390 0754 7034",
            "NL91 ABNA 0417 1643 00",
        ] {
            assert!(text.parse::<Iban>().is_ok(), "{text}");
        }
        assert_eq!(
            "fr1420041010050500013m02606".parse::<Iban>().unwrap().grouped(),
            "FR14 2004 1010 0505 0001 3M02 606"
        );
    }

    #[test]
    fn mistakes_are_caught_with_the_reason() {
        let cases = [
            ("FR14 2004 1010 0505 0001 3M02 607", IbanError::Checksum),
            ("FR15 2004 1010 0505 0001 3M02 606", IbanError::Checksum),
            ("FR14 2004 1010 0505 0001 3M02 60", IbanError::Length),
            ("DE89 3704 0044 0532 0130 01", IbanError::Checksum),
            ("12FR", IbanError::Format),
            ("FR14-2004", IbanError::Format),
            ("", IbanError::Format),
        ];
        for (text, error) in cases {
            assert_eq!(text.parse::<Iban>(), Err(error), "{text}");
        }
    }

    #[test]
    fn a_french_iban_whose_rib_key_alone_is_wrong_is_refused() {
        // Recompute the check digits for a changed RIB key, so only the RIB key is wrong.
        let bban = "2004101005050001 3M02 605".replace(' ', "");
        let check = 98 - mod97(bban.chars().chain("FR00".chars())).unwrap();
        let iban = format!("FR{check:02}{bban}");
        assert_eq!(iban.parse::<Iban>(), Err(IbanError::RibKey), "{iban}");
    }

    #[test]
    fn ibans_are_found_in_the_text_of_a_rib() {
        let text = "Titulaire : Mme Awa N'DIAYE\nIBAN : FR76 3000 6000 0112 3456 7890 189  BIC : AGRIFRPP\nRIB 30006 00001 12345678901 89";
        let found = Iban::find_all(text);
        assert_eq!(
            found.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["FR7630006000011234567890189"]
        );
        assert!(Iban::find_all("no iban here, FR12 is too short").is_empty());
    }
}
