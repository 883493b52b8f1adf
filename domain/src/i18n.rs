//! Languages and the message catalog.
//!
//! All user-facing wording lives in `domain/locales/<lang>.toml` (English, French, Spanish,
//! Simplified Chinese, Arabic) and the folders beside it; `build.rs` turns them into the [`Msg`]
//! enum, so code names messages, never sentences, and a key missing from one language fails the
//! build.

use std::fmt;
use std::str::FromStr;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

pub mod file;

/// A language the whole interface is available in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the default when nothing better is known.
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Simplified Chinese.
    Zh,
    /// Arabic, written right to left.
    Ar,
}

const _: () = assert!(Lang::ALL.len() == CODES.len(), "a Lang per language of build.rs's LANGS");

impl Lang {
    /// Every supported language, in the order the switch shows them.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Fr, Lang::Es, Lang::Zh, Lang::Ar];

    /// The BCP 47 code, for `<html lang>` and `hreflang`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        CODES[self as usize]
    }

    /// Whether the language is written right to left (`<html dir="rtl">`).
    #[must_use]
    pub const fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// The writing direction, for `dir`: `rtl` or `ltr`.
    #[must_use]
    pub const fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language's own name, as the switch shows it in every language.
    #[must_use]
    pub const fn endonym(self) -> Msg {
        match self {
            Lang::En => Msg::LangEn,
            Lang::Fr => Msg::LangFr,
            Lang::Es => Msg::LangEs,
            Lang::Zh => Msg::LangZh,
            Lang::Ar => Msg::LangAr,
        }
    }

    /// The first supported language among a browser's preferences (`navigator.languages`),
    /// English when none is.
    #[must_use]
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Lang {
        preferences.into_iter().find_map(|tag| tag.parse().ok()).unwrap_or_default()
    }

    /// The wording of `msg` in this language. A wasm32 build fetches every language's
    /// wording (see [`Lang::install`]): until it is installed, English's stands in, or nothing.
    #[must_use]
    pub fn text(self, msg: Msg) -> &'static str {
        let i = msg as usize;
        lazy::text(self, i).or_else(|| lazy::text(Lang::En, i)).unwrap_or_default()
    }

    /// The catalog file a wasm32 build fetches for this language (beside the page); natively
    /// every language is built in: `None`.
    #[must_use]
    pub const fn catalog_file(self) -> Option<&'static str> {
        fetched(FILE_NAMES[self as usize][0])
    }

    /// The file of wording a wasm32 page fetches just after its first screen for this
    /// language (`locales/later/`: what the file checks found); natively `None`.
    #[must_use]
    pub const fn later_file(self) -> Option<&'static str> {
        fetched(FILE_NAMES[self as usize][1])
    }

    /// Reads the file of [`later_file`](Self::later_file) and, in a wasm32 build, installs it.
    ///
    /// # Errors
    /// A file that is not this build's later wording of this language.
    pub fn install_later(self, file: &str) -> Result<(), CatalogError> {
        let texts = Catalog::read_later(self, file)?;
        lazy::install_later(self, texts);
        Ok(())
    }

    /// The file of wording "I have registered" fetches for this language, with the two above
    /// (`locales/after/`: the messages from the portal and the CPAM explained); natively `None`.
    #[must_use]
    pub const fn after_file(self) -> Option<&'static str> {
        fetched(FILE_NAMES[self as usize][2])
    }

    /// Reads the file of [`after_file`](Self::after_file) and, in a wasm32 build, installs it.
    ///
    /// # Errors
    /// A file that is not this build's wording of "I have registered" in this language.
    pub fn install_after(self, file: &str) -> Result<(), CatalogError> {
        let (order, fingerprint) = AFTER_FILES[self as usize];
        let texts = Catalog::read_with(order, fingerprint, file)?;
        lazy::install_after(self, texts);
        Ok(())
    }

    /// Whether the wording of [`after_file`](Self::after_file) is there.
    #[must_use]
    pub fn has_after(self) -> bool {
        lazy::has_after(self)
    }

    /// Whether the wording of [`later_file`](Self::later_file) is there.
    #[must_use]
    pub fn has_later(self) -> bool {
        lazy::has_later(self)
    }

    /// Whether the whole interface can be shown in this language now.
    #[must_use]
    pub fn is_ready(self) -> bool {
        lazy::text(self, 0).is_some()
    }

    /// Reads a fetched catalog file and, in a wasm32 build, installs it: from then on `text`
    /// answers in this language. Natively the wording is built in and this only checks.
    ///
    /// # Errors
    /// A file that is not this build's catalog of this language.
    pub fn install(self, file: &str) -> Result<(), CatalogError> {
        let texts = Catalog::read(self, file)?;
        lazy::install(self, texts);
        Ok(())
    }
}

/// A file of wording the page fetches: only a wasm32 build without the `wording` feature does;
/// natively and in the reader every language is built in (`None`).
pub(crate) const fn fetched(file: &'static str) -> Option<&'static str> {
    if !cfg!(target_arch = "wasm32") || cfg!(feature = "wording") {
        return None;
    }
    Some(file)
}

/// Why a fetched catalog file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// The file is not the one this build was made with (an old copy from a cache, or any
    /// other content).
    Stale,
    /// A line outside the subset of TOML the catalogs keep to (its 1-based number).
    Malformed(usize),
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Stale => f.write_str("not the catalog this build was made with"),
            CatalogError::Malformed(line) => write!(f, "line {line} is not a catalog entry"),
        }
    }
}

impl std::error::Error for CatalogError {}

/// A language's catalog read from its file.
pub struct Catalog;

impl Catalog {
    /// The wording of every message of a catalog file, in [`Msg`] order.
    ///
    /// # Errors
    /// A file that is not this build's catalog of `lang`.
    pub fn read(lang: Lang, file: &str) -> Result<Vec<String>, CatalogError> {
        let (order, fingerprint) = MAIN_FILES[lang as usize];
        Self::read_with(order, fingerprint, file)
    }

    /// The wording of every message of a later file (`<lang>-later.txt`), in [`Msg`] order,
    /// the others empty.
    ///
    /// # Errors
    /// A file that is not this build's later wording of `lang`.
    pub fn read_later(lang: Lang, file: &str) -> Result<Vec<String>, CatalogError> {
        let (order, fingerprint) = LATER_FILES[lang as usize];
        Self::read_with(order, fingerprint, file)
    }

    fn read_with(order: &[u16], fingerprint: u64, file: &str) -> Result<Vec<String>, CatalogError> {
        if file::fingerprint(file.as_bytes()) != fingerprint {
            return Err(CatalogError::Stale);
        }
        let entries = file::values(file).map_err(CatalogError::Malformed)?;
        if entries.len() != order.len() {
            return Err(CatalogError::Stale);
        }
        // The wording of the other files is not in this one: it stays empty.
        let mut texts = vec![String::new(); Msg::ALL.len()];
        for (text, &at) in entries.into_iter().zip(order) {
            texts[usize::from(at)] = text;
        }
        Ok(texts)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language tag that names no supported language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsupportedLang(pub String);

impl fmt::Display for UnsupportedLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unsupported language {:?} (expected {})", self.0, CODES.join(", "))
    }
}

impl std::error::Error for UnsupportedLang {}

impl FromStr for Lang {
    type Err = UnsupportedLang;

    /// Reads a BCP 47 tag by its primary subtag: `fr`, `fr-FR`, `FR_ca` are French; `zh-CN`,
    /// and `zh-TW` too (its readers read simplified characters better than a foreign language).
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
            .ok_or_else(|| UnsupportedLang(tag.to_owned()))
    }
}

/// Every message a vocabulary names through its codes (`file.too_large.title`…), rather than
/// code naming it as `Msg::…`: what the catalog-usage test counts as used besides the code.
#[must_use]
pub fn vocabulary_messages() -> Vec<Msg> {
    use crate::{fields, inspect, rules, situation};
    let mut all = Vec::new();
    for p in inspect::Problem::ALL {
        all.extend([p.title(), p.detail(), p.fix()]);
    }
    all.extend(inspect::Conversion::ALL.into_iter().filter_map(inspect::Conversion::fix));
    all.extend(inspect::Format::ALL.map(inspect::Format::name));
    all.extend(inspect::Verdict::ALL.map(inspect::Verdict::headline));
    for f in fields::Field::ALL {
        all.push(f.label());
        all.extend(f.hint().into_iter().chain(f.required_message()));
    }
    all.extend(fields::Problem::ALL.map(fields::Problem::message));
    for e in rules::Entitlement::ALL {
        all.extend([e.title(), e.missing(), e.complete()]);
    }
    all.extend(situation::Question::ALL.into_iter().filter_map(situation::Question::legend));
    all.extend(situation::Question::ALL.into_iter().filter_map(situation::Question::hint));
    for s in rules::SituationId::ALL.into_iter().filter_map(rules::SituationId::end_state) {
        all.extend([s.reason, s.hold].into_iter().chain(s.keep).chain(s.come_back));
    }
    all.extend(crate::date::DatePart::ALL.map(crate::date::DatePart::label));
    all.extend(crate::read::Fact::ALL.map(crate::read::Fact::label));
    all.extend(crate::read::Said::ALL.map(crate::read::Said::text));
    all.extend(crate::email::Status::ALL.map(crate::email::Status::text));
    all.extend(crate::progress::Shown::ALL.map(crate::progress::Shown::label));
    all.extend(crate::progress::Next::ALL.map(crate::progress::Next::text));
    all.extend(crate::email::Reason::ALL.map(crate::email::Reason::text));
    for d in rules::DocumentId::ALL {
        all.extend([d.name(), d.what_counts()]);
        all.extend(d.hints().chain(d.row()));
    }
    for s in rules::SituationId::ALL {
        all.push(s.name());
        all.extend(rules::DocumentId::ALL.into_iter().filter_map(|d| s.note(d)));
    }
    for r in crate::residence::Residence::ALL {
        all.extend([r.label(), r.explain()]);
    }
    all
}

/// Fills the `{name}` placeholders of a catalog text. A placeholder with no value is left as is,
/// so a mistake shows on screen instead of vanishing.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A size in bytes as students read it: 4,000,000 → "4 MB" (en) or "4 Mo" (fr), one decimal
/// when needed, with the language's separator ("3.5 MB", "3,5 Mo"). A megabyte here is 1,000,000 bytes, as on the portal.
#[must_use]
pub fn megabytes(lang: Lang, bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    let mut n = (tenths / 10).to_string();
    if !tenths.is_multiple_of(10) {
        n.push_str(lang.text(Msg::SlotDecimal));
        n.push(char::from(b'0' + u8::try_from(tenths % 10).unwrap_or(0)));
    }
    fill(lang.text(Msg::SlotMegabytes), &[("n", &n)])
}

/// A file's size as students read it: megabytes from 1 MB up ([`megabytes`]), kilobytes
/// (rounded up, so a small file never shows as 0) below.
#[must_use]
pub fn file_size(lang: Lang, bytes: u64) -> String {
    if bytes >= 1_000_000 {
        return megabytes(lang, bytes);
    }
    fill(lang.text(Msg::SlotKilobytes), &[("n", &bytes.div_ceil(1000).to_string())])
}

/// "A, B or C" in the language's words.
#[must_use]
pub fn join_or(lang: Lang, items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), lang.text(Msg::SlotOr)),
    }
}

/// The wording of each language: natively and in the reader worker built in; in the page,
/// fetched and installed.
#[cfg(all(target_arch = "wasm32", not(feature = "wording")))]
mod lazy {
    use super::Lang;
    use std::sync::OnceLock;

    static INSTALLED: [OnceLock<Box<[&'static str]>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    static LATER: [OnceLock<Box<[&'static str]>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    /// Only "I have registered" reads its own file (the `after` feature): the page is spared
    /// the code.
    #[cfg(feature = "after")]
    static AFTER: [OnceLock<Box<[&'static str]>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];

    /// A message's text once its language's first-screen file is installed: from the later
    /// file, or from "I have registered"'s, when it is one of theirs (empty until it is there).
    pub(super) fn text(lang: Lang, i: usize) -> Option<&'static str> {
        let main = INSTALLED[lang as usize].get().and_then(|t| t.get(i).copied())?;
        let later = || LATER[lang as usize].get().and_then(|t| t.get(i).copied());
        let text = if main.is_empty() { later().unwrap_or(main) } else { main };
        #[cfg(feature = "after")]
        if text.is_empty() {
            return AFTER[lang as usize].get().and_then(|t| t.get(i).copied()).or(Some(text));
        }
        Some(text)
    }

    fn leak(texts: Vec<String>) -> Box<[&'static str]> {
        texts.into_iter().map(|t| &*Box::leak(t.into_boxed_str())).collect()
    }

    /// Keeps the texts for the page's whole life (a catalog is installed once).
    pub(super) fn install(lang: Lang, texts: Vec<String>) {
        let _ = INSTALLED[lang as usize].set(leak(texts));
    }

    pub(super) fn install_later(lang: Lang, texts: Vec<String>) {
        let _ = LATER[lang as usize].set(leak(texts));
    }

    pub(super) fn has_later(lang: Lang) -> bool {
        LATER[lang as usize].get().is_some()
    }

    #[cfg(feature = "after")]
    pub(super) fn install_after(lang: Lang, texts: Vec<String>) {
        let _ = AFTER[lang as usize].set(leak(texts));
    }

    #[cfg(feature = "after")]
    pub(super) fn has_after(lang: Lang) -> bool {
        AFTER[lang as usize].get().is_some()
    }

    #[cfg(not(feature = "after"))]
    pub(super) fn install_after(_: Lang, _: Vec<String>) {}

    #[cfg(not(feature = "after"))]
    pub(super) fn has_after(_: Lang) -> bool {
        false
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "wording"))]
mod lazy {
    use super::Lang;

    pub(super) fn text(lang: Lang, i: usize) -> Option<&'static str> {
        super::BUILT_IN[lang as usize].get(i).copied()
    }

    pub(super) fn install(_: Lang, _: Vec<String>) {}

    pub(super) fn install_later(_: Lang, _: Vec<String>) {}

    pub(super) fn has_later(_: Lang) -> bool {
        true
    }

    pub(super) fn install_after(_: Lang, _: Vec<String>) {}

    pub(super) fn has_after(_: Lang) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr_file() -> String {
        file::page_copy(include_str!("../locales/fr.toml"))
    }

    #[test]
    fn each_fetched_catalog_reads_as_the_built_in_one() {
        let fr = fr_file();
        let texts = Catalog::read(Lang::Fr, &fr).unwrap();
        assert_eq!(texts.len(), Msg::ALL.len());
        for (&msg, text) in Msg::ALL.iter().zip(&texts) {
            // The reader's own wording is built into the reader alone.
            let built_in = if msg.is_readers() || msg.is_later() { "" } else { Lang::Fr.text(msg) };
            assert_eq!(text, built_in, "{}", msg.key());
        }
        assert!(Msg::ReadSaidExpired.is_readers() && !Msg::ReadOffer.is_readers());
        assert_eq!(Lang::Fr.install(&fr), Ok(()));
        let en = file::page_copy(include_str!("../locales/en.toml"));
        let en = Catalog::read(Lang::En, &en).unwrap();
        assert!(Msg::ALL.iter().zip(&en).all(|(&msg, text)| text
            == if msg.is_readers() || msg.is_later() { "" } else { Lang::En.text(msg) }));
        // The wording fetched after the first screen reads as the built-in one too.
        for (lang, toml) in [
            (Lang::En, include_str!("../locales/later/en.toml")),
            (Lang::Fr, include_str!("../locales/later/fr.toml")),
        ] {
            let later = Catalog::read_later(lang, &file::page_copy(toml)).unwrap();
            for (&msg, text) in Msg::ALL.iter().zip(&later) {
                let built_in = if msg.is_later() { lang.text(msg) } else { "" };
                assert_eq!(text, built_in, "{}", msg.key());
            }
            assert_eq!(Catalog::read_later(lang, &fr), Err(CatalogError::Stale));
            assert_eq!(lang.install_later(&file::page_copy(toml)), Ok(()));
        }
        assert!(Msg::FileTooLargeTitle.is_later() && !Msg::FileTooLargeTitle.is_readers());
        // And so does "I have registered"'s, in every language.
        for lang in Lang::ALL {
            let path = format!("{}/locales/after/{lang}.toml", env!("CARGO_MANIFEST_DIR"));
            let copy = file::page_copy(&std::fs::read_to_string(path).unwrap());
            let (order, fingerprint) = AFTER_FILES[lang as usize];
            let after = Catalog::read_with(order, fingerprint, &copy).unwrap();
            let filled = Msg::ALL.iter().zip(&after).filter(|(_, text)| !text.is_empty());
            assert!(filled.clone().count() > 50, "{lang}");
            for (&msg, text) in filled {
                assert_eq!(text, lang.text(msg), "{} in {lang}", msg.key());
            }
            assert_eq!(lang.install_after(&copy), Ok(()));
            assert_eq!(lang.install_after(&fr), Err(CatalogError::Stale));
        }
        assert!(Lang::Fr.is_ready() && Lang::En.is_ready());
        // Natively every language is built in: nothing is fetched.
        assert_eq!(Lang::Fr.catalog_file(), None);
    }

    #[test]
    fn a_catalog_file_that_is_not_this_builds_is_refused() {
        let fr = fr_file();
        let edited = fr.replacen("Langue", "Langage", 1);
        let cases = [
            (Lang::En, fr.as_str(), CatalogError::Stale),
            (Lang::Fr, "", CatalogError::Stale),
            (Lang::Fr, &fr[..fr.len() / 2], CatalogError::Stale),
            (Lang::Fr, &edited, CatalogError::Stale),
            (Lang::Fr, include_str!("../locales/fr.toml"), CatalogError::Stale),
            (Lang::Fr, "<!DOCTYPE html><title>404</title>", CatalogError::Stale),
        ];
        for (lang, file, error) in cases {
            assert_eq!(Catalog::read(lang, file), Err(error.clone()), "{lang} {:.40}", file);
            assert_eq!(lang.install(file), Err(error));
        }
    }

    #[test]
    fn the_pages_copy_keeps_each_text_as_written_in_file_order() {
        let file = "# c\n\n[a.b]\nkey = \"x = \\\"y\\\" \\u00e9\"\n  [c]\n  k_2 = \"\"\n";
        let copy = file::page_copy(file);
        assert_eq!(copy, "\"x = \\\"y\\\" \\u00e9\"\n\"\"\n");
        assert_eq!(file::values(&copy), Ok(vec!["x = \"y\" é".to_owned(), String::new()]));
        assert_eq!(file::values("\"ok\"\nname = \"x\"\n"), Err(2));
    }

    #[test]
    fn the_catalog_reader_keeps_to_its_subset_of_toml() {
        let read = file::entries(
            "# c\n\n[a.b]\nkey = \"x \\\"y\\\" \\\\ \\n \\u00e9\"\n[c]\nk_2 = \"\"\n",
        );
        assert_eq!(
            read,
            Ok(vec![("a.b.key".into(), "x \"y\" \\ \n é".into()), ("c.k_2".into(), String::new())])
        );
        let bad = [
            ("key = \"no section\"", 1),
            ("[a]\nkey = 'literal'", 2),
            ("[a]\nkey = \"a\" # comment", 2),
            ("[a]\nkey = \"an \"inner\" quote\"", 2),
            ("[a]\nkey = \"\\x\"", 2),
            ("[a]\nkey = \"\\u12\"", 2),
            ("[a]\nkey = \"\\ud800\"", 2),
            ("[a]\nKey = \"x\"", 2),
            ("[A]", 1),
            ("[a", 1),
            ("[a]\nkey=\"x\"", 2),
            ("[a]\nkey = \"\"\"x\"\"\"", 2),
        ];
        for (text, line) in bad {
            assert_eq!(file::entries(text), Err(line), "{text}");
        }
    }

    #[test]
    fn tags_are_read_by_their_primary_subtag() {
        let cases = [
            ("en", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("EN_us", Some(Lang::En)),
            ("fr", Some(Lang::Fr)),
            ("fr-CA", Some(Lang::Fr)),
            (" fr-FR ", Some(Lang::Fr)),
            ("es-419", Some(Lang::Es)),
            ("zh-Hans-CN", Some(Lang::Zh)),
            ("zh_TW", Some(Lang::Zh)),
            ("ar", Some(Lang::Ar)),
            ("ar-DZ", Some(Lang::Ar)),
            ("de-DE", None),
            ("arabic", None),
            ("", None),
            ("french", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(tag.parse::<Lang>().ok(), expected, "tag {tag:?}");
        }
    }

    #[test]
    fn negotiation_takes_the_first_supported_preference() {
        assert_eq!(Lang::negotiate(["de-DE", "fr-FR", "en"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["en-US", "fr"]), Lang::En);
        assert_eq!(Lang::negotiate(["zh-CN", "ar"]), Lang::Zh);
        assert_eq!(Lang::negotiate(["de", "ar-MA", "fr"]), Lang::Ar);
        assert_eq!(Lang::negotiate(["pt-BR", "es-419", "en"]), Lang::Es);
        assert_eq!(Lang::negotiate(["de-DE", "it"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_unknown_ones() {
        let cases = [
            ("{a} of {b}", &[("a", "1"), ("b", "3")][..], "1 of 3"),
            ("missing: {docs}", &[("docs", "RIB")][..], "missing: RIB"),
            ("{x} stays", &[][..], "{x} stays"),
            ("no placeholder", &[("a", "1")][..], "no placeholder"),
            ("unclosed {a", &[("a", "1")][..], "unclosed {a"),
            ("{a}{a}", &[("a", "é")][..], "éé"),
        ];
        for (template, values, expected) in cases {
            assert_eq!(fill(template, values), expected, "template {template:?}");
        }
    }

    /// Texts that are the same in every language on purpose: names that are not translated.
    // Facts lines are format names, numbers and units: the same words in French.
    const SAME_IN_EVERY_LANGUAGE: [Msg; 15] = [
        Msg::AppName,
        Msg::FormatNamePdf,
        Msg::FormatNameJpeg,
        Msg::FormatNamePng,
        Msg::LangEn,
        Msg::LangFr,
        Msg::LangEs,
        Msg::LangZh,
        Msg::LangAr,
        Msg::FactsPdfOne,
        Msg::FactsPdfPages,
        Msg::FactsImage,
        Msg::FactsOther,
        Msg::ReadFactIban,
        Msg::ReadFactBic,
    ];

    /// Whether a text is only placeholders, digits, units and punctuation ("{n} KB", "1", ": "),
    /// which two languages may well write alike.
    fn is_format_only(text: &str) -> bool {
        !without_placeholders(text)
            .split(|c: char| !c.is_alphabetic())
            .any(|word| word.chars().count() > 2)
    }

    /// The text with its `{placeholders}` left out.
    fn without_placeholders(text: &str) -> String {
        let mut parts = text.split('{');
        let first = parts.next().unwrap_or_default().to_owned();
        first
            + &parts
                .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
                .collect::<String>()
    }

    /// Texts two languages write the same way, each on purpose.
    const SAME_BY_CHOICE: [(Lang, Lang, Msg); 1] = [
        // Spanish writes "Error:" as English does.
        (Lang::En, Lang::Es, Msg::ErrorPrefix),
    ];

    #[test]
    fn every_message_is_translated() {
        for &msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!lang.text(msg).trim().is_empty(), "{} is empty in {lang}", msg.key());
            }
            if SAME_IN_EVERY_LANGUAGE.contains(&msg) {
                continue;
            }
            // No text is left in another language's words: two languages never write a sentence
            // the same way.
            for (i, &a) in Lang::ALL.iter().enumerate() {
                for &b in &Lang::ALL[i + 1..] {
                    let same = a.text(msg) == b.text(msg);
                    assert!(
                        !same
                            || is_format_only(a.text(msg))
                            || SAME_BY_CHOICE.contains(&(a, b, msg)),
                        "{} is the same in {a} and {b}: {:?}",
                        msg.key(),
                        a.text(msg)
                    );
                }
            }
        }
    }

    #[test]
    fn no_english_is_left_in_the_other_languages() {
        // English's commonest words, which none of the other languages (nor the French terms
        // they keep, such as "carte de séjour") uses as a word.
        const ENGLISH: [&str; 12] = [
            "the", "and", "your", "you", "with", "this", "that", "from", "have", "will", "which",
            "must",
        ];
        for &msg in Msg::ALL {
            for lang in [Lang::Es, Lang::Zh, Lang::Ar] {
                let text = lang.text(msg);
                let english = without_placeholders(text)
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .find(|word| ENGLISH.iter().any(|e| e.eq_ignore_ascii_case(word)))
                    .map(str::to_owned);
                assert_eq!(english, None, "{} in {lang} has English in it: {text:?}", msg.key());
            }
        }
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        fn placeholders(s: &str) -> Vec<&str> {
            let mut names: Vec<&str> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(name, _)| name))
                .collect();
            names.sort_unstable();
            names
        }
        for &msg in Msg::ALL {
            for lang in Lang::ALL {
                assert_eq!(
                    placeholders(Lang::En.text(msg)),
                    placeholders(lang.text(msg)),
                    "placeholders of {} differ between en and {lang}",
                    msg.key()
                );
            }
        }
    }

    #[test]
    fn sizes_read_as_the_portal_writes_them() {
        let cases = [
            (Lang::En, 4_000_000, "4 MB"),
            (Lang::Fr, 4_000_000, "4 Mo"),
            (Lang::En, 3_500_000, "3.5 MB"),
            (Lang::Fr, 3_500_000, "3,5 Mo"),
            (Lang::En, 7_340_032, "7.3 MB"),
            (Lang::En, 0, "0 MB"),
        ];
        for (lang, bytes, expected) in cases {
            assert_eq!(megabytes(lang, bytes), expected, "{bytes} in {lang}");
        }
    }

    #[test]
    fn lists_join_with_or() {
        assert_eq!(join_or(Lang::En, &["PDF", "JPEG", "PNG"]), "PDF, JPEG or PNG");
        assert_eq!(join_or(Lang::Fr, &["PDF", "JPEG"]), "PDF ou JPEG");
        assert_eq!(join_or(Lang::Fr, &["PDF"]), "PDF");
        assert_eq!(join_or(Lang::En, &[]), "");
    }

    #[test]
    fn keys_round_trip_through_the_generated_table() {
        assert_eq!(Msg::AppName.key(), "app.name");
        assert_eq!(Msg::ChecklistMissingFinal.key(), "checklist.missing_final");
        assert_eq!(Msg::ALL.len(), KEYS.len());
    }
}
