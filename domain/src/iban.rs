//! IBANs (ISO 13616) and BICs (ISO 9362). An IBAN's check digits hold, its length and account
//! number fit its country in the IBAN registry (the `iban_validate` crate), and for French
//! ones (FR…) the RIB key over bank, branch and account holds too (DOMAIN.md §4), which catches
//! typos mod-97 lets through when a RIB is copied by hand. The SEPA area is where any IBAN is
//! accepted for reimbursements (EU regulation 260/2012, and the scheme's other members).

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
    /// The length or the account number's format is wrong for the IBAN's country (27
    /// characters for France, 22 for Germany…).
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
            IbanError::Length => "the length or account number is wrong for the IBAN's country",
            IbanError::Checksum => "the IBAN's check digits do not match",
            IbanError::RibKey => "the RIB key does not match",
        })
    }
}

impl std::error::Error for IbanError {}

/// The countries of the SEPA area whose accounts the sources name as accepted: the EU,
/// the rest of the EEA (Iceland, Liechtenstein, Norway), Switzerland, the United Kingdom,
/// Monaco, San Marino, Andorra and the Vatican. French overseas departments and collectivities
/// have FR IBANs.
pub const SEPA: [&str; 36] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", // the EU
    "IS", "LI", "NO", // the rest of the EEA
    "CH", "GB", "MC", "SM", "AD", "VA",
];

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
        // The registry checks the check digits, then the country's length and format. A
        // country it does not list (Morocco's IBANs, for one) is an IBAN still, if its
        // check digits hold: outside the SEPA area, which is said separately.
        match iban.parse::<iban_registry::Iban>() {
            Ok(_) | Err(iban_registry::ParseIbanError::UnknownCountry(_)) => {}
            Err(iban_registry::ParseIbanError::InvalidBban(_)) => return Err(IbanError::Length),
            Err(iban_registry::ParseIbanError::InvalidBaseIban {
                source: iban_registry::ParseBaseIbanError::InvalidChecksum,
            }) => {
                // A character dropped or added fails the check digits too: the registry tells
                // which, given the same account number with the check digits that fit it.
                let bban = &iban[4..];
                let check = mod97(bban.chars().chain(iban[..2].chars()).chain("00".chars()))
                    .map(|r| 98 - r)
                    .ok_or(IbanError::Format)?;
                let mended = format!("{}{check:02}{bban}", &iban[..2]);
                return Err(match mended.parse::<iban_registry::Iban>() {
                    Err(iban_registry::ParseIbanError::InvalidBban(_)) => IbanError::Length,
                    _ => IbanError::Checksum,
                });
            }
            Err(iban_registry::ParseIbanError::InvalidBaseIban { .. }) => {
                return Err(IbanError::Format)
            }
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

    /// Whether the account is in the SEPA area, where any IBAN is accepted.
    #[must_use]
    pub fn sepa(&self) -> bool {
        SEPA.contains(&self.country())
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

    /// The IBANs a RIB's text shows: those written as a sequence, then those found once its
    /// spaces are run together (an IBAN printed in groups that the text's layout split apart).
    #[must_use]
    pub fn find_in(text: &str) -> Vec<Iban> {
        [Iban::find_all(text), Iban::find_all(&text.split_whitespace().collect::<String>())]
            .concat()
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

/// A BIC (ISO 9362, also called the SWIFT code): four letters for the bank, two for its
/// country, two letters or digits for its place, and optionally three more for a branch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bic(String);

/// The countries whose banks hold accounts with another country's IBANs: the French overseas
/// departments and collectivities have FR IBANs, Jersey, Guernsey and the Isle of Man GB ones,
/// Åland FI ones.
const BIC_COUNTRIES: [(&str, &[&str]); 3] = [
    ("FR", &["GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"]),
    ("GB", &["JE", "GG", "IM"]),
    ("FI", &["AX"]),
];

/// Words that stand between a "BIC" label and the code itself.
const BIC_FILLERS: [&str; 9] =
    ["BIC", "SWIFT", "CODE", "BANK", "IDENTIFIER", "ADRESSE", "ADDRESS", "DE", "LA"];

impl Bic {
    /// A BIC as printed (any case), if it has the form of one and a real country.
    #[must_use]
    pub fn parse(text: &str) -> Option<Bic> {
        let bic = text.trim().to_ascii_uppercase();
        let b = bic.as_bytes();
        let ok = (b.len() == 8 || b.len() == 11)
            && b[..6].iter().all(u8::is_ascii_uppercase)
            && b[6..].iter().all(u8::is_ascii_alphanumeric)
            && crate::countries::Country::is_code(&bic[4..6]);
        ok.then_some(Bic(bic))
    }

    /// The two-letter country code (its 5th and 6th letters).
    #[must_use]
    pub fn country(&self) -> &str {
        &self.0[4..6]
    }

    /// Whether a bank of this BIC's country can hold an account with this IBAN.
    #[must_use]
    pub fn fits(&self, iban: &Iban) -> bool {
        let (bic, account) = (self.country(), iban.country());
        bic == account
            || BIC_COUNTRIES.iter().any(|(of, others)| *of == account && others.contains(&bic))
    }
}

impl fmt::Display for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the text of a RIB says of its BIC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BicFound {
    /// No "BIC" or "SWIFT" label at all.
    Missing,
    /// A label, but no code we can tell apart from the words around it (a table's layout).
    Unclear,
    /// A label followed by a code of a BIC's length that is not one (a letter for a digit…).
    Malformed(String),
    /// The BIC: one that fits the IBAN when the text has such a code, else the one right
    /// after its label.
    Found(Bic),
}

impl BicFound {
    /// Reads the BIC from a RIB's text. Near each "BIC"/"SWIFT" label, a code that fits
    /// `iban` wins (a table may print the labels on one line and the values on the next);
    /// otherwise the word right after the label is the BIC, checked.
    #[must_use]
    pub fn read(text: &str, iban: Option<&Iban>) -> BicFound {
        let upper = text.to_ascii_uppercase();
        let words: Vec<&str> =
            upper.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let mut found = BicFound::Missing;
        for (at, _) in words.iter().enumerate().filter(|(_, w)| matches!(**w, "BIC" | "SWIFT")) {
            let after = &words[at + 1..words.len().min(at + 16)];
            // One word, or two printed apart ("AGRI FRPP", "AGRIFRPP XXX").
            let candidates = after.iter().enumerate().flat_map(|(i, w)| {
                let joined = after.get(i + 1).map(|next| [*w, *next].concat());
                std::iter::once((*w).to_owned()).chain(joined)
            });
            let fitting = candidates
                .filter_map(|c| Bic::parse(&c))
                .find(|bic| iban.is_some_and(|iban| bic.fits(iban)));
            if let Some(bic) = fitting {
                return BicFound::Found(bic);
            }
            let next = after.iter().find(|w| !BIC_FILLERS.contains(w));
            let this = match next {
                Some(word) if word.len() == 8 || word.len() == 11 => match Bic::parse(word) {
                    Some(bic) => BicFound::Found(bic),
                    None => BicFound::Malformed((*word).to_owned()),
                },
                _ => BicFound::Unclear,
            };
            // A code after one label counts over an unclear other label.
            if !matches!(this, BicFound::Unclear) || found == BicFound::Missing {
                found = this;
            }
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

    #[test]
    fn each_country_has_its_own_length_in_the_registry() {
        // Valid IBANs of SEPA and other countries (the registry's examples).
        for text in [
            "CH93 0076 2011 6238 5295 7",
            "MC58 1122 2000 0101 2345 6789 030",
            "SM86 U032 2509 8000 0000 0270 100",
            "AD12 0001 2030 2003 5910 0100",
            "VA59 0011 2300 0012 3456 78",
            "NO93 8601 1117 947",
            "TN59 1000 6035 1835 9847 8831",
            "BR18 0036 0305 0000 1000 9795 493C 1",
        ] {
            assert!(text.parse::<Iban>().is_ok(), "{text}");
        }
        // One character short for its country: German IBANs have 22, Swiss ones 21.
        assert_eq!("DE89 3704 0044 0532 0130 0".parse::<Iban>(), Err(IbanError::Length));
        // Spanish account numbers are digits only: a letter is refused even if mod-97 holds.
        let bban = "21000418450200051332".replacen('5', "A", 1);
        let check = 98 - mod97(bban.chars().chain("ES00".chars())).unwrap();
        assert_eq!(format!("ES{check:02}{bban}").parse::<Iban>(), Err(IbanError::Length));
    }

    #[test]
    fn a_country_outside_the_registry_is_an_iban_outside_sepa() {
        // Morocco's IBANs are not in the ISO registry: with their check digits right, they are
        // IBANs still, from outside the SEPA area.
        let bban = "011519000001205000534921";
        let check = 98 - mod97(bban.chars().chain("MA00".chars())).unwrap();
        let iban: Iban = format!("MA{check:02}{bban}").parse().expect("an IBAN");
        assert!(!iban.sepa());
        assert_eq!(
            format!("MA{:02}{bban}", (check + 1) % 100).parse::<Iban>(),
            Err(IbanError::Checksum)
        );
    }

    #[test]
    fn sepa_is_the_eu_the_eea_switzerland_the_uk_and_the_four_small_states() {
        let sepa = |t: &str| t.parse::<Iban>().unwrap().sepa();
        for text in [
            "FR76 3000 6000 0112 3456 7890 189",
            "DE89 3704 0044 0532 0130 00",
            "GB29 NWBK 6016 1331 9268 19",
            "CH93 0076 2011 6238 5295 7",
            "MC58 1122 2000 0101 2345 6789 030",
            "SM86 U032 2509 8000 0000 0270 100",
            "AD12 0001 2030 2003 5910 0100",
            "VA59 0011 2300 0012 3456 78",
            "NO93 8601 1117 947",
        ] {
            assert!(sepa(text), "{text}");
        }
        assert!(!sepa("TN59 1000 6035 1835 9847 8831"));
        assert!(!sepa("BR18 0036 0305 0000 1000 9795 493C 1"));
        assert_eq!(SEPA.len(), 36);
    }

    #[test]
    fn bics_are_read_after_their_label_and_checked_against_the_iban() {
        let fr: Iban = "FR76 3000 6000 0112 3456 7890 189".parse().unwrap();
        let read = |t: &str| BicFound::read(t, Some(&fr));
        let bic = |b: &str| BicFound::Found(Bic::parse(b).unwrap());
        assert_eq!(
            read("IBAN FR76 3000 6000 0112 3456 7890 189 BIC : AGRIFRPP882"),
            bic("AGRIFRPP882")
        );
        assert_eq!(read("Code BIC (Bank Identifier Code) : agrifrpp"), bic("AGRIFRPP"));
        assert_eq!(read("BIC/SWIFT AGRI FRPP"), bic("AGRIFRPP"));
        // Labels on one line, values on the next: the code that fits the IBAN.
        assert_eq!(
            read("IBAN BIC Domiciliation\nFR76 3000 6000 0112 3456 7890 189 BNPAFRPPXXX CREDIT AGRICOLE"),
            bic("BNPAFRPPXXX")
        );
        // A bank in Guadeloupe holds FR accounts.
        assert_eq!(read("BIC : BDAFGPGP"), bic("BDAFGPGP"));
        assert!(Bic::parse("BDAFGPGP").unwrap().fits(&fr));
        // A German bank's code on a French IBAN: found, and it does not fit.
        let german = Bic::parse("DEUTDEFF").unwrap();
        assert_eq!(read("BIC : DEUTDEFF"), BicFound::Found(german.clone()));
        assert!(!german.fits(&fr));
        assert_eq!(read("BIC : AGR1FRPP"), BicFound::Malformed("AGR1FRPP".into()));
        assert_eq!(read("BIC : ZZZZQQPP"), BicFound::Malformed("ZZZZQQPP".into()), "no country QQ");
        assert_eq!(read("IBAN BIC FR76 3000"), BicFound::Unclear);
        assert_eq!(
            read("Relevé d'identité bancaire — IBAN FR76 3000 6000 0112 3456 7890 189"),
            BicFound::Missing
        );
        assert_eq!(read("BICYCLETTE SWIFTLY"), BicFound::Missing, "labels are whole words");
    }
}
