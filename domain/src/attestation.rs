//! The certificate of entitlement ("attestation de droits à l'assurance maladie") a student
//! downloads from the portal's personal area, first provisional, then final: what it says, read
//! from its text (the PDF's text layer, or what the reader read of a scan or photo).
//!
//! Its layout, as the university guide shows one (`shared/reference/university-guide.md`):
//! "Numéro de l'assuré", "Nom de l'assuré", "MON ATTESTATION DE DROITS À L'ASSURANCE MALADIE",
//! "Valable pour la période du 01/09/2020 au 01/09/2021 sous réserve de changement de situation
//! de l'assuré", then a table of the insured's number and of each beneficiary's surname, number
//! and "né(e) le/rang". The number itself is never kept: [`crate::nir::find`] says only its
//! kind and whether its key holds.

use serde::Serialize;

use crate::date::Date;
use crate::nir::{self, NumberKind};
use crate::words::fold;

crate::vocabulary! {
    /// Provisional or final.
    pub enum Kind as "certificate kind" {
        /// The provisional certificate: rights open on a provisional number while the CPAM
        /// checks the final documents.
        Provisional = "provisional",
        /// The final certificate, with the permanent number.
        Final = "final",
    }
}

/// What a certificate of entitlement says. Keys absent when not found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attestation {
    /// Provisional or final: the word "provisoire", else the number's kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// The first day of the period it is valid for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// The last day of that period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Date>,
    /// The kind of the social security number it carries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_kind: Option<NumberKind>,
    /// Whether that number's key holds (absent for a provisional number printed without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_key_ok: Option<bool>,
    /// The beneficiary's name as printed (else the insured's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The beneficiary's date of birth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
}

/// Lower case, accents dropped: "Période" and "PERIODE" read alike.
fn folded(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// Where `needle` (lower case, no accents) starts in `text` once folded, as a byte index of
/// `text` itself.
fn find_folded(text: &str, needle: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let needle: Vec<char> = needle.chars().collect();
    chars
        .windows(needle.len())
        .find(|w| w.iter().map(|(_, c)| *c).eq(needle.iter().copied()))
        .map(|w| w[0].0)
}

/// Every DD/MM/YYYY date in `text` (also with dots or dashes), in order, with the byte index
/// after each.
fn dates(text: &str) -> Vec<(Date, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let digits = |at: usize, n: usize| -> Option<u32> {
        let s = text.get(at..at + n)?;
        s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok())?
    };
    let mut i = 0;
    while i + 10 <= b.len() {
        let before = i.checked_sub(1).map(|j| b[j]);
        let sep = |j: usize| matches!(b.get(j), Some(b'/' | b'.' | b'-'));
        if !before.is_some_and(|c| c.is_ascii_digit()) && sep(i + 2) && sep(i + 5) {
            if let (Some(d), Some(m), Some(y)) = (digits(i, 2), digits(i + 3, 2), digits(i + 6, 4))
            {
                if !b.get(i + 10).is_some_and(u8::is_ascii_digit) {
                    if let Ok(date) = Date::from_ymd(y, m, d) {
                        out.push((date, i + 10));
                        i += 10;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// A name's words at the start of a line, before the first digit: capitals, hyphens,
/// apostrophes and spaces.
fn leading_name(line: &str) -> Option<String> {
    let end = line.find(|c: char| c.is_ascii_digit()).unwrap_or(line.len());
    let name: String = line[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && name.chars().all(|c| c.is_alphabetic() || " -'’.".contains(c))).then_some(name)
}

impl Attestation {
    /// What the text of a certificate says; `None` when it says nothing of one (no period, no
    /// number).
    #[must_use]
    pub fn read(text: &str) -> Option<Attestation> {
        let lower = folded(text);
        let period = find_folded(text, "periode du").map(|at| dates(&text[at..]));
        let (valid_from, valid_to) = match period.as_deref() {
            Some([(from, _), (to, _), ..]) => (Some(*from), Some(*to)),
            _ => (None, None),
        };
        let number = nir::find(text);
        if valid_from.is_none() && number.is_none() {
            return None;
        }
        // The certificate's own word wins: a provisional number may be shaped as a permanent
        // one (the NIA "est constitué comme un NIR").
        let says_provisional = lower.contains("provisoire");
        let number_kind =
            number.map(|n| if says_provisional { NumberKind::Provisional } else { n.kind });
        let kind = match (says_provisional, number_kind) {
            (true, _) | (false, Some(NumberKind::Provisional)) => Some(Kind::Provisional),
            (false, Some(NumberKind::Permanent)) => Some(Kind::Final),
            (false, None) => None,
        };
        // The beneficiary: the first line after the table's heading ("né(e) le/rang") that
        // starts with a name and holds a date; else "Nom de l'assuré : …".
        let lines: Vec<&str> = text.lines().collect();
        let heading = lines.iter().position(|l| folded(l).contains("ne(e) le"));
        let beneficiary = heading.and_then(|h| {
            lines[h + 1..].iter().find_map(|l| {
                let name = leading_name(l)?;
                let born = dates(l).last().map(|(d, _)| *d)?;
                Some((name, born))
            })
        });
        let insured = lines.iter().find_map(|l| {
            let at = find_folded(l, "nom de l'assure")?;
            let value = l[at..].split_once(':')?.1.trim();
            (!value.is_empty()).then(|| value.to_owned())
        });
        Some(Attestation {
            kind,
            valid_from,
            valid_to,
            number_kind,
            number_key_ok: number.and_then(|n| n.key_ok),
            name: beneficiary.as_ref().map(|(n, _)| n.clone()).or(insured),
            birth_date: beneficiary.map(|(_, d)| d),
        })
    }

    /// What it says as a query string, for the worker that reads it to tell the page
    /// (`kind=provisional&valid_from=2026-09-01&…`): never the number, only its kind and
    /// whether its key holds.
    #[must_use]
    pub fn to_query(&self) -> String {
        let pairs = [
            ("kind", self.kind.map(|k| k.code().to_owned())),
            ("valid_from", self.valid_from.map(|d| d.to_string())),
            ("valid_to", self.valid_to.map(|d| d.to_string())),
            ("number_kind", self.number_kind.map(|k| k.code().to_owned())),
            ("number_key_ok", self.number_key_ok.map(|ok| ok.to_string())),
            ("name", self.name.clone()),
            ("birth_date", self.birth_date.map(|d| d.to_string())),
        ];
        crate::query::write(pairs.iter().filter_map(|(k, v)| Some((*k, v.as_deref()?))))
    }

    /// The facts [`to_query`](Self::to_query) wrote; a value it did not write is left out.
    #[must_use]
    pub fn from_query(text: &str) -> Attestation {
        let mut out = Attestation {
            kind: None,
            valid_from: None,
            valid_to: None,
            number_kind: None,
            number_key_ok: None,
            name: None,
            birth_date: None,
        };
        for (key, value) in crate::query::pairs(text) {
            let value = &*value;
            match &*key {
                "kind" => out.kind = value.parse().ok(),
                "valid_from" => out.valid_from = value.parse().ok(),
                "valid_to" => out.valid_to = value.parse().ok(),
                "number_kind" => out.number_kind = value.parse().ok(),
                "number_key_ok" => out.number_key_ok = value.parse().ok(),
                "name" => out.name = Some(value.to_owned()).filter(|n| !n.is_empty()),
                "birth_date" => out.birth_date = value.parse().ok(),
                _ => {}
            }
        }
        out
    }

    /// Whether it covers `day`.
    #[must_use]
    pub fn covers(&self, day: Date) -> Option<bool> {
        Some(self.valid_from? <= day && day <= self.valid_to?)
    }

    /// What it says against the form and the calendar: whether it is valid today and at the
    /// start of rights, whether it is the student's (name and date of birth as typed), and
    /// whether its number's key holds. Nothing is said of a value not read or not typed.
    #[must_use]
    pub fn against(&self, typed: &crate::mrz::Typed<'_>, today: Date) -> Vec<Finding> {
        let mut out = Vec::new();
        if let (Some(from), Some(to)) = (self.valid_from, self.valid_to) {
            if today > to {
                out.push(Finding::Expired { on: to });
            } else if today < from {
                out.push(Finding::NotYetValid { from });
            }
            if let Some(start) = typed.rights_start.filter(|s| *s < from || *s > to) {
                out.push(Finding::StartNotCovered { start, from, to });
            }
        }
        if let Some(read) = &self.name {
            let whole = match (typed.last_name, typed.first_name) {
                (Some(last), Some(first)) => Some(format!("{last} {first}")),
                (Some(last), None) => Some(last.to_owned()),
                _ => None,
            };
            if let Some(whole) = whole {
                // Every word typed is on the certificate, in any order and case, accents aside.
                let read_words: Vec<String> = crate::mrz::zone_name(read, true)
                    .map(|n| n.split(' ').map(str::to_owned).collect())
                    .unwrap_or_default();
                let typed_words = crate::mrz::zone_name(&whole, true);
                if let Some(typed_words) = typed_words {
                    if !typed_words.split(' ').all(|w| read_words.iter().any(|r| r == w)) {
                        out.push(Finding::NameDiffers { typed: whole, read: read.clone() });
                    }
                }
            }
        }
        if let (Some(typed), Some(read)) = (typed.birth_date, self.birth_date) {
            if typed != read {
                out.push(Finding::BirthDateDiffers { typed, read });
            }
        }
        if self.number_key_ok == Some(false) {
            out.push(Finding::NumberKeyFails);
        }
        out
    }
}

/// What a certificate of entitlement says against the form and the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Finding {
    /// Its period ended: download the current one from the personal area or the ameli account.
    Expired {
        /// The last day it covered.
        on: Date,
    },
    /// Its period has not begun (rights open at the start of studies).
    NotYetValid {
        /// Its first day.
        from: Date,
    },
    /// The start of rights typed is outside its period.
    StartNotCovered {
        /// The start of rights typed.
        start: Date,
        /// Its first day.
        from: Date,
        /// Its last day.
        to: Date,
    },
    /// The beneficiary's name is not the one typed: another person's certificate, or a
    /// misspelt name to have corrected.
    NameDiffers {
        /// As typed.
        typed: String,
        /// As printed.
        read: String,
    },
    /// The beneficiary's date of birth is not the one typed.
    BirthDateDiffers {
        /// As typed.
        typed: Date,
        /// As printed.
        read: Date,
    },
    /// The number's key does not hold: a misprint, or a misreading of a photo.
    NumberKeyFails,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facts_travel_as_a_query_without_the_number() {
        let text = "ATTESTATION DE DROITS\nPériode du 01/09/2026 au 31/08/2027\nNuméro : 1 99 05 99 350 123 45\n";
        let read = Attestation::read(text).unwrap();
        let q = read.to_query();
        assert!(!q.contains("350") && !q.contains("123"), "{q}");
        assert_eq!(Attestation::from_query(&q), read);
        let full = Attestation {
            kind: Some(Kind::Provisional),
            valid_from: None,
            valid_to: None,
            number_kind: Some(NumberKind::Provisional),
            number_key_ok: Some(false),
            name: Some("N’DIAYE Awa & co".to_owned()),
            birth_date: Some("2003-05-14".parse().unwrap()),
        };
        assert_eq!(Attestation::from_query(&full.to_query()), full);
        assert_eq!(Attestation::from_query("kind=maybe&valid_to=tomorrow&name=").kind, None);
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// A certificate's text in the seed's layout, for a number made with its key.
    pub(crate) fn certificate(title: &str, period: (&str, &str), body: &str, name: &str) -> String {
        let number = format!("{body}{:02}", nir::key(body).unwrap());
        let spaced = format!(
            "{} {} {} {} {} {} {}",
            &number[..1],
            &number[1..3],
            &number[3..5],
            &number[5..7],
            &number[7..10],
            &number[10..13],
            &number[13..]
        );
        format!(
            "Numéro de l'assuré : {spaced}\nNom de l'assuré : {name}\nPour tout contact : 3646\n\
             (service gratuit + prix appel)\n{title}\n\
             Valable pour la période du {} au {} sous réserve de changement de situation de l'assuré.\n\
             Organisme de rattachement sécurité sociale Code de gestion n° de sécurité sociale de \
             l'assuré (à utiliser pour tous les bénéficiaires ci-dessous) modulation du ticket modérateur\n\
             01 351 8955 01 {spaced}\n\
             Bénéficiaire(s) nom de famille suivi d'un éventuel nom d'usage n° de sécurité sociale \
             du bénéficiaire (pour information) né(e) le/rang\n{name} {spaced} 02/11/2003 1\n",
            period.0, period.1
        )
    }

    #[test]
    fn a_provisional_certificate_gives_its_period_number_kind_and_beneficiary() {
        let text = certificate(
            "MON ATTESTATION DE DROITS PROVISOIRE À L'ASSURANCE MALADIE",
            ("01/09/2026", "31/08/2027"),
            "8031199352012",
            "ZHANG WEI",
        );
        let a = Attestation::read(&text).unwrap();
        assert_eq!(
            a,
            Attestation {
                kind: Some(Kind::Provisional),
                valid_from: Some(d("2026-09-01")),
                valid_to: Some(d("2027-08-31")),
                number_kind: Some(NumberKind::Provisional),
                number_key_ok: Some(true),
                name: Some("ZHANG WEI".into()),
                birth_date: Some(d("2003-11-02")),
            }
        );
        assert_eq!(a.covers(d("2026-12-06")), Some(true));
        assert_eq!(a.covers(d("2027-09-01")), Some(false));
        let json = serde_json::to_string(&a).unwrap();
        assert!(!json.contains("8031199352012") && !json.contains("352"), "never the number");
    }

    #[test]
    fn a_final_certificate_is_known_by_its_permanent_number() {
        let text = certificate(
            "MON ATTESTATION DE DROITS À L'ASSURANCE MALADIE",
            ("01/09/2026", "31/08/2027"),
            "2031199352012",
            "N'DIAYE AWA",
        );
        let a = Attestation::read(&text).unwrap();
        assert_eq!(a.kind, Some(Kind::Final));
        assert_eq!(a.number_kind, Some(NumberKind::Permanent));
        assert_eq!(a.name.as_deref(), Some("N'DIAYE AWA"));
    }

    #[test]
    fn a_certificate_is_judged_against_the_form_and_the_day() {
        use crate::mrz::Typed;
        let text = certificate(
            "MON ATTESTATION DE DROITS PROVISOIRE",
            ("01/09/2026", "31/08/2027"),
            "8031199352012",
            "ZHANG WEI",
        );
        let a = Attestation::read(&text).unwrap();
        let zhang = Typed {
            last_name: Some("Zhang"),
            first_name: Some("Wei"),
            birth_date: Some(d("2003-11-02")),
            rights_start: Some(d("2026-09-01")),
            ..Typed::default()
        };
        assert_eq!(a.against(&zhang, d("2026-12-06")), []);
        assert_eq!(a.against(&zhang, d("2027-09-01")), [Finding::Expired { on: d("2027-08-31") }]);
        assert_eq!(
            a.against(&zhang, d("2026-08-20")),
            [Finding::NotYetValid { from: d("2026-09-01") }]
        );
        let other = Typed {
            last_name: Some("Benali"),
            first_name: Some("Youssef"),
            birth_date: Some(d("2004-03-15")),
            rights_start: Some(d("2025-09-01")),
            ..Typed::default()
        };
        assert_eq!(
            a.against(&other, d("2026-12-06")),
            [
                Finding::StartNotCovered {
                    start: d("2025-09-01"),
                    from: d("2026-09-01"),
                    to: d("2027-08-31")
                },
                Finding::NameDiffers { typed: "Benali Youssef".into(), read: "ZHANG WEI".into() },
                Finding::BirthDateDiffers { typed: d("2004-03-15"), read: d("2003-11-02") },
            ]
        );
        // Accents and order aside, the same name.
        let accents =
            Typed { last_name: Some("Zhàng"), first_name: Some("wei"), ..Typed::default() };
        assert_eq!(a.against(&accents, d("2026-12-06")), []);
    }

    #[test]
    fn a_misread_number_fails_its_key_and_other_text_is_no_certificate() {
        let text =
            certificate("MON ATTESTATION", ("01/09/2020", "01/09/2021"), "2031199352012", "X Y")
                .replacen("352 012", "352 013", 2);
        let a = Attestation::read(&text).unwrap();
        assert_eq!(a.number_key_ok, Some(false));
        assert_eq!(a.covers(d("2026-12-06")), Some(false), "expired");
        assert_eq!(Attestation::read("CERTIFICAT DE SCOLARITÉ 2026-2027"), None);
        assert_eq!(Attestation::read(""), None);
    }
}
