//! An inspection in the student's language: for each problem, a short title, what is wrong
//! with the data of this file, and what to do. The codes stay the contract; the words live in
//! the catalog (`locales/*.toml`, `[file.<code>]`), found from each code by its registry
//! ([`Problem::messages`]): a new problem needs its words and nothing here.

use super::{Format, Inspection, Problem, Severity};
use crate::i18n::{file_size, fill, megabytes, Lang, Msg};
use crate::rules::Rules;

/// One problem, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The code, for tests and styling.
    pub code: Problem,
    /// How serious it is.
    pub severity: Severity,
    /// A few words, for the checklist and the heading of the message.
    pub title: &'static str,
    /// What is wrong with this file.
    pub detail: String,
    /// What to do.
    pub fix: String,
}

/// What the words need besides the inspection.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The file name as chosen.
    pub name: &'a str,
    /// The slot's size limit in bytes.
    pub size_limit: u64,
    /// The academic year registered for.
    pub academic_year: (u16, u16),
    /// The student's last name as typed.
    pub last_name: &'a str,
    /// The rules, for the names of documents.
    pub rules: &'a Rules,
}

/// Every problem of an inspection in words, most serious first.
#[must_use]
pub fn explain(inspection: &Inspection, lang: Lang, subject: &Subject<'_>) -> Vec<Explanation> {
    let facts = &inspection.facts;
    // A country by its name in the student's language (its code if the data lacks it).
    let country = |code: Option<&str>| {
        code.map(|c| crate::countries::Country::by_code(c).map_or(c, |country| country.name(lang)))
            .unwrap_or_default()
            .to_owned()
    };
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let (first, second) = subject.academic_year;
    let other = facts.named_like.map(|d| lang.text(d.name())).unwrap_or("");
    let values = [
        ("size", file_size(lang, facts.size)),
        ("limit", megabytes(lang, subject.size_limit)),
        ("format", lang.text(inspection.format.name()).to_owned()),
        ("name", subject.name.to_owned()),
        ("ext", inspection.format.extensions().first().copied().unwrap_or("").to_owned()),
        ("pages", number(facts.pages)),
        ("width", number(facts.width)),
        ("height", number(facts.height)),
        ("first", first.to_string()),
        ("second", second.to_string()),
        ("last_name", subject.last_name.trim().to_owned()),
        ("other", other.to_owned()),
        ("holder", facts.holder.clone().unwrap_or_default()),
        ("bic", facts.bic.clone().unwrap_or_default()),
        ("iban_country", country(facts.iban_country.as_deref())),
        ("bic_country", country(facts.bic.as_deref().and_then(|b| b.get(4..6)))),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    inspection
        .problems
        .iter()
        .map(|finding| {
            let (title, detail, fix) = finding.code.messages(inspection.format);
            Explanation {
                code: finding.code,
                severity: finding.severity,
                title: lang.text(title),
                detail: fill(lang.text(detail), &values),
                fix: fill(lang.text(fix), &values),
            }
        })
        .collect()
}

/// One line of facts: "PDF, 3 pages, 1.2 MB" or "JPEG, 4032 × 3024 pixels, 2.4 MB".
#[must_use]
pub fn facts_line(inspection: &Inspection, lang: Lang) -> String {
    let f = &inspection.facts;
    let size = file_size(lang, f.size);
    match (inspection.format, f.pages, f.width, f.height) {
        (Format::Pdf, Some(1), ..) => fill(lang.text(Msg::FactsPdfOne), &[("size", &size)]),
        (Format::Pdf, Some(pages), ..) => {
            fill(lang.text(Msg::FactsPdfPages), &[("pages", &pages.to_string()), ("size", &size)])
        }
        (format, _, Some(w), Some(h)) => fill(
            lang.text(Msg::FactsImage),
            &[
                ("format", lang.text(format.name())),
                ("width", &w.to_string()),
                ("height", &h.to_string()),
                ("size", &size),
            ],
        ),
        _ => fill(lang.text(Msg::FactsOther), &[("size", &size)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::{inspect, png, Context};
    use crate::rules::DocumentId;

    #[test]
    fn every_problem_has_all_its_placeholders_filled_in_both_languages() {
        let rules = Rules::builtin().unwrap();
        for lang in Lang::ALL {
            for format in crate::inspect::Format::ALL {
                for code in Problem::ALL {
                    let inspection = Inspection {
                        format,
                        facts: crate::inspect::Facts {
                            size: 7_200_000,
                            pages: Some(3),
                            width: Some(300),
                            height: Some(200),
                            named_like: Some(DocumentId::Rib),
                            ..Default::default()
                        },
                        problems: vec![crate::inspect::Finding { code, severity: code.severity() }],
                    };
                    let subject = Subject {
                        name: "scan.jpg",
                        size_limit: 4_000_000,
                        academic_year: (2026, 2027),
                        last_name: "Diallo",
                        rules: &rules,
                    };
                    let e = &explain(&inspection, lang, &subject)[0];
                    for text in [e.title, &e.detail, &e.fix] {
                        assert!(!text.is_empty() && !text.contains('{'), "{lang} {code:?}: {text}");
                    }
                }
            }
        }
    }

    /// A new problem code needs its words in `locales/*.toml` and nothing else: they are
    /// found by the code, and every language has them (a missing key does not even build).
    #[test]
    fn every_problem_finds_its_words_by_its_code_in_every_language() {
        for code in Problem::ALL {
            let (title, detail, fix) = code.messages(Format::Pdf);
            for (msg, part) in [(title, "title"), (detail, "detail"), (fix, "fix")] {
                assert!(msg.key().starts_with(&format!("file.{code}.{part}")), "{}", msg.key());
                for lang in Lang::ALL {
                    assert!(!lang.text(msg).trim().is_empty(), "{lang}: {} is empty", msg.key());
                }
            }
        }
        let (_, _, fix) = Problem::UnsupportedFormat.messages(Format::Docx);
        assert_eq!(fix.key(), "file.unsupported_format.fix_document");
        let (_, _, fix) = Problem::UnsupportedFormat.messages(Format::Unknown);
        assert_eq!(fix.key(), "file.unsupported_format.fix");
        // "Make it smaller" is a button on photos only: a PDF or another format is told what
        // to do instead.
        let fixes = [Format::Jpeg, Format::Pdf, Format::Heic]
            .map(|f| Problem::TooLarge.messages(f).2.key());
        assert_eq!(
            fixes,
            ["file.too_large.fix", "file.too_large.fix_pdf", "file.too_large.fix_other"]
        );
    }

    #[test]
    fn the_words_carry_this_files_data() {
        let rules = Rules::builtin().unwrap();
        let png = png::tests::png(800, 600, &[]);
        let ctx = Context::plain(DocumentId::Identity, 100);
        let report = inspect("rib.png", &png, &ctx);
        let subject = Subject {
            name: "rib.png",
            size_limit: 100,
            academic_year: (2026, 2027),
            last_name: "",
            rules: &rules,
        };
        let en = explain(&report, Lang::En, &subject);
        let codes: Vec<_> = en.iter().map(|e| e.code).collect();
        assert_eq!(codes, [Problem::TooLarge, Problem::NameSuggestsOther]);
        assert!(
            en[0].detail.contains(&format!("{} KB", png.len().div_ceil(1000))),
            "{}",
            en[0].detail
        );
        assert!(
            en[1].detail.contains("“rib.png”") && en[1].detail.contains("RIB"),
            "{}",
            en[1].detail
        );
        let fr = explain(&report, Lang::Fr, &subject);
        assert_eq!(fr[0].title, "Trop lourd");
        assert_eq!(
            facts_line(&report, Lang::En),
            format!("PNG, 800 × 600 pixels, {} KB", png.len().div_ceil(1000))
        );
    }
}
