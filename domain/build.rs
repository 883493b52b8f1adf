//! Turns the message catalogs (`locales/*.toml`) into a `Msg` enum and one lookup table per
//! language, so that a missing translation fails the build and a mistyped key fails to compile,
//! and the browser pays for no catalog parser. Likewise the country and lane-type tables, and
//! the builtin rules (`rules/rules.json`), which become Rust code: the page links no JSON parser
//! for them (about 21 KB of gzipped wasm), and a test proves the code equals the parsed file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Every language of the interface, in the order of `Lang` (src/i18n.rs), English first: the
/// reference every other catalog must match key for key. Adding one: its files in each folder of
/// `locales/`, a `Lang` variant, its names in `data/country-names.tsv` and in
/// `scripts/catalogs.mjs`.
const LANGS: [&str; 5] = ["en", "fr", "es", "zh", "ar"];

/// The reader the page uses for the catalogs it fetches: each catalog must read the same with
/// it as with the `toml` crate.
#[path = "src/i18n/file.rs"]
mod catalog_file;

/// `Msg::from_key` and `Msg::must`: a binary search of the sorted keys that also runs at compile
/// time, so that a vocabulary naming a key the catalog lacks does not build.
const FROM_KEY: &str = r#"
    /// The message of a catalog key (`file.too_large.title`), if the catalog has it.
    #[must_use]
    pub const fn from_key(key: &str) -> Option<Msg> {
        let (mut low, mut high) = (0, KEYS.len());
        while low < high {
            let mid = (low + high) / 2;
            match crate::vocab::str_cmp(KEYS[mid], key) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(Msg::ALL[mid]),
            }
        }
        None
    }

    /// The message of a catalog key that must exist: in a `const` block, a key missing from
    /// `locales/*.toml` is a build error that names it.
    ///
    /// # Panics
    /// When the catalog has no such key.
    #[must_use]
    pub const fn must(key: &str) -> Msg {
        match Msg::from_key(key) {
            Some(msg) => msg,
            None => panic!("{}", key),
        }
    }
"#;

fn main() {
    let dir = Path::new("locales");
    println!("cargo::rerun-if-changed=locales");
    let mut files = Vec::new();
    let mut readers = std::collections::BTreeSet::new();
    let mut later = std::collections::BTreeSet::new();
    let mut later_files = Vec::new();
    let mut after_files = Vec::new();
    let catalogs: Vec<BTreeMap<String, String>> = LANGS
        .iter()
        .map(|lang| {
            let (text, entries, mut flat) = read_page_catalog(&dir.join(format!("{lang}.toml")));
            files.push((text, entries));
            // Wording the page fetches just after its first screen (`locales/later/`, its
            // copy `<lang>-later.txt`): what no student sees before choosing a file.
            let path = dir.join("later").join(format!("{lang}.toml"));
            let (text, entries, words) = read_page_catalog(&path);
            for (key, value) in words {
                later.insert(key.clone());
                assert!(
                    flat.insert(key.clone(), value).is_none(),
                    "{}: {key} is in another catalog file too",
                    path.display()
                );
            }
            later_files.push((text, entries));
            // Wording the page's first screen never fetches: the reader worker's own
            // (`locales/reader/`, built into the reader), and what follows the upload
            // (`locales/after/`: the messages from the portal and the CPAM explained).
            for group in ["reader", "after"] {
                let path = dir.join(group).join(format!("{lang}.toml"));
                let words = if group == "after" {
                    // "I have registered" fetches its copy (`<lang>-after.txt`).
                    let (text, entries, words) = read_page_catalog(&path);
                    after_files.push((text, entries));
                    words
                } else {
                    read_catalog(&path).1
                };
                for (key, value) in words {
                    readers.insert(key.clone());
                    assert!(
                        flat.insert(key.clone(), value).is_none(),
                        "{}: {key} is in another catalog file too",
                        path.display()
                    );
                }
            }
            flat
        })
        .collect();

    let reference = &catalogs[0];
    for (lang, catalog) in LANGS.iter().zip(&catalogs).skip(1) {
        let missing: Vec<_> = reference.keys().filter(|k| !catalog.contains_key(*k)).collect();
        let extra: Vec<_> = catalog.keys().filter(|k| !reference.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{lang}.toml differs from locales/en.toml: missing {missing:?}, unknown {extra:?}"
        );
    }

    let mut seen = BTreeMap::new();
    for key in reference.keys() {
        if let Some(other) = seen.insert(variant(key), key) {
            panic!("keys {other:?} and {key:?} make the same Msg variant: rename one");
        }
    }

    let mut out = String::new();
    out.push_str(
        "/// A message of the catalog (`domain/locales/*.toml`); `text` gives its wording.\n",
    );
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n");
    out.push_str("#[non_exhaustive]\npub enum Msg {\n");
    for key in reference.keys() {
        let _ = writeln!(out, "    /// `{key}`\n    {},", variant(key));
    }
    out.push_str("}\n\nimpl Msg {\n    /// Every message, in key order.\n    pub const ALL: &'static [Msg] = &[\n");
    for key in reference.keys() {
        let _ = writeln!(out, "        Msg::{},", variant(key));
    }
    out.push_str("    ];\n\n    /// The catalog key, as written in the TOML files.\n    #[must_use]\n    pub const fn key(self) -> &'static str {\n        KEYS[self as usize]\n    }\n");
    out.push_str(FROM_KEY);
    out.push_str("}\n\n");
    let _ = writeln!(out, "const KEYS: [&str; {}] = [", reference.len());
    for key in reference.keys() {
        let _ = writeln!(out, "    {key:?},");
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// Whether each message is outside the page's catalog files (`locales/reader/`,\n\
         /// `locales/after/`), never fetched by its first screen.\n\
         const READERS: [bool; {}] = {:?};\n\n\
         impl Msg {{\n    /// Whether this is wording the page's catalog files do not hold: the reader worker's\n    \
         /// own (`locales/reader/`) and what follows the upload (`locales/after/`).\n    #[must_use]\n    \
         pub const fn is_readers(self) -> bool {{\n        READERS[self as usize]\n    }}\n}}\n",
        reference.len(),
        reference.keys().map(|k| readers.contains(k)).collect::<Vec<_>>(),
    );
    // Natively, and in the reader worker, every language is built in. The page (a wasm32 build
    // without the `reading` feature) fetches each language's file instead
    // (`Lang::catalog_file`), and keeps only where each of its entries goes and the file's
    // fingerprint; the reader's own wording is not in that file.
    let index: BTreeMap<&String, usize> =
        reference.keys().enumerate().map(|(i, k)| (k, i)).collect();
    let _ = writeln!(
        out,
        "/// Whether each message is in the catalog files the page fetches after its first screen\n\
         /// (`locales/later/`).\n\
         const LATER: [bool; {}] = {:?};\n\n\
         impl Msg {{\n    /// Whether the page fetches this wording just after its first screen\n    \
         /// (`locales/later/`, `<lang>-later.txt`).\n    #[must_use]\n    \
         pub const fn is_later(self) -> bool {{\n        LATER[self as usize]\n    }}\n}}\n",
        reference.len(),
        reference.keys().map(|k| later.contains(k)).collect::<Vec<_>>(),
    );
    for (lang, (text, entries)) in LANGS.iter().zip(&later_files) {
        let name = format!("{}_LATER", lang.to_uppercase());
        page_copy_consts(
            &mut out,
            &name,
            &format!("later/{lang}.toml"),
            &format!("{lang}-later.txt"),
            text,
            entries,
            &index,
        );
    }
    for (lang, (text, entries)) in LANGS.iter().zip(&after_files) {
        let name = format!("{}_AFTER", lang.to_uppercase());
        page_copy_consts(
            &mut out,
            &name,
            &format!("after/{lang}.toml"),
            &format!("{lang}-after.txt"),
            text,
            entries,
            &index,
        );
    }
    for ((lang, catalog), (text, entries)) in LANGS.iter().zip(&catalogs).zip(&files) {
        let upper = lang.to_uppercase();
        out.push_str("#[cfg(any(not(target_arch = \"wasm32\"), feature = \"wording\"))]\n");
        let _ = writeln!(out, "const {upper}: [&str; {}] = [", catalog.len());
        for key in reference.keys() {
            let _ = writeln!(out, "    {:?},", catalog[key]);
        }
        out.push_str("];\n\n");
        page_copy_consts(
            &mut out,
            &upper,
            &format!("{lang}.toml"),
            &format!("{lang}.txt"),
            text,
            entries,
            &index,
        );
    }
    // Per language, in `Lang` order: its code, the page's copies of its files, and (natively)
    // its built-in wording.
    let _ = writeln!(
        out,
        "/// Each language's BCP 47 code, in `Lang` order.\n\
         const CODES: [&str; {n}] = {LANGS:?};\n\
         /// The page's copies of each language's files: its first screen's, its later one, and\n\
         /// \"I have registered\"'s (scripts/catalogs.mjs).\n\
         const FILE_NAMES: [[&str; 3]; {n}] = {:?};\n\
         /// Where each entry of each language's first-screen file goes, and its fingerprint.\n\
         const MAIN_FILES: [(&[u16], u64); {n}] = [{}];\n\
         /// The same for each language's later file (`locales/later/`).\n\
         const LATER_FILES: [(&[u16], u64); {n}] = [{}];\n\
         /// The same for each language's file of \"I have registered\" (`locales/after/`).\n\
         const AFTER_FILES: [(&[u16], u64); {n}] = [{}];\n\
         #[cfg(any(not(target_arch = \"wasm32\"), feature = \"wording\"))]\n\
         const BUILT_IN: [&[&str]; {n}] = [{}];\n",
        LANGS.map(|l| [format!("{l}.txt"), format!("{l}-later.txt"), format!("{l}-after.txt")]),
        LANGS
            .map(|l| {
                let u = l.to_uppercase();
                format!("(&{u}_ORDER, {u}_FINGERPRINT)")
            })
            .join(", "),
        LANGS
            .map(|l| {
                let u = l.to_uppercase();
                format!("(&{u}_LATER_ORDER, {u}_LATER_FINGERPRINT)")
            })
            .join(", "),
        LANGS
            .map(|l| {
                let u = l.to_uppercase();
                format!("(&{u}_AFTER_ORDER, {u}_AFTER_FINGERPRINT)")
            })
            .join(", "),
        LANGS.map(|l| format!("&{}", l.to_uppercase())).join(", "),
        n = LANGS.len(),
    );
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("catalog.rs"), out).expect("write catalog.rs");
    countries(Path::new(&out_dir));
    lane_types(Path::new(&out_dir));
    rules(Path::new(&out_dir));
}

/// A catalog file the page fetches a copy of: its text, its entries in file order as
/// `src/i18n/file.rs` reads them, and those entries by key. Fails the build where that reader,
/// or the page's copy (`page_copy`), reads the file otherwise than the `toml` crate.
fn read_page_catalog(path: &Path) -> (String, Vec<(String, String)>, BTreeMap<String, String>) {
    let (text, flat) = read_catalog(path);
    let entries = catalog_file::entries(&text).unwrap_or_else(|line| {
        panic!(
            "{}:{line}: outside the subset of TOML the page reads (src/i18n/file.rs)",
            path.display()
        )
    });
    let copy = catalog_file::values(&catalog_file::page_copy(&text));
    assert!(
        copy.as_deref() == Ok(&entries.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>()[..]),
        "{}: the page's copy of it (src/i18n/file.rs, page_copy) reads differently",
        path.display()
    );
    let read: BTreeMap<_, _> = entries.iter().cloned().collect();
    assert!(
        read == flat && read.len() == entries.len(),
        "{}: src/i18n/file.rs reads it differently from TOML",
        path.display()
    );
    (text, entries, flat)
}

/// `<NAME>_ORDER` (where each entry of `locales/<source>`, in file order, goes) and
/// `<NAME>_FINGERPRINT` (of the page's copy of it, `<copy>`).
fn page_copy_consts(
    out: &mut String,
    name: &str,
    source: &str,
    copy: &str,
    text: &str,
    entries: &[(String, String)],
    index: &BTreeMap<&String, usize>,
) {
    let _ = writeln!(
        out,
        "/// Where each entry of `locales/{source}`, in file order, goes.\n\
         const {name}_ORDER: [u16; {}] = {:?};\n\
         /// The fingerprint of the page's copy of `locales/{source}` (`{copy}`).\n\
         const {name}_FINGERPRINT: u64 = {:#x};\n",
        entries.len(),
        entries.iter().map(|(k, _)| index[k]).collect::<Vec<_>>(),
        catalog_file::fingerprint(catalog_file::page_copy(text).as_bytes()),
    );
}

/// A catalog file's text, and its entries as the `toml` crate reads them (`section.key`).
fn read_catalog(path: &Path) -> (String, BTreeMap<String, String>) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let table: toml::Table = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
    let mut flat = BTreeMap::new();
    flatten("", &table, &mut flat, path);
    (text, flat)
}

/// The shape of `rules/rules.json`, as the Rust types of `src/rules.rs` declare it (serde's
/// default field names; enum values are the snake_case of their variants).
enum Ty {
    Str,
    Int(&'static str),
    /// A `Text`: `{ "en": …, "fr": … }`.
    Text,
    /// A unit enum, by its Rust name.
    Enum(&'static str),
    Vec(&'static Ty),
    /// Missing means `None`.
    Opt(&'static Ty),
    /// Missing means empty; keys are an enum.
    Map(&'static str, &'static Ty),
    Struct(&'static str, &'static [(&'static str, Ty)]),
    /// A field the file may not set (a university's override): always `None`.
    NotInFile,
    /// What a source says: kept for `precheck` (which prints it), left out of a wasm32 build,
    /// where nothing shows it and it cost about 1 KB gz of the first screen. Its tag stays.
    SourceText,
    /// A list kept for `precheck` and the tests, empty in a wasm32 build (the catalog's claims).
    NativeList(&'static Ty),
}

impl Ty {
    /// Whether a value of this type can be a constant: no map, no list built at run time.
    fn is_constant(&self) -> bool {
        match self {
            Ty::Str | Ty::Int(_) | Ty::Text | Ty::Enum(_) | Ty::NotInFile | Ty::SourceText => true,
            Ty::Opt(inner) | Ty::NativeList(inner) => inner.is_constant(),
            Ty::Vec(_) | Ty::Map(..) => false,
            Ty::Struct(_, fields) => fields.iter().all(|(_, ty)| ty.is_constant()),
        }
    }
}

const SOURCE: Ty =
    Ty::Struct("Source", &[("tag", Ty::Enum("Confidence")), ("text", Ty::SourceText)]);
const FORMATS: Ty = Ty::Vec(&Ty::Enum("Format"));
const DOCUMENTS: Ty = Ty::Vec(&Ty::Enum("DocumentId"));
const SOURCES: Ty = Ty::Vec(&SOURCE);
const CLAIM: Ty = Ty::Struct("Claim", &[("messages", Ty::Vec(&Ty::Str)), ("sources", SOURCES)]);
const RULES: Ty = Ty::Struct(
    "Rules",
    &[
        ("about", Ty::Str),
        (
            "defaults",
            Ty::Struct(
                "Defaults",
                &[
                    ("size_limit_bytes", Ty::Int("u64")),
                    ("formats", FORMATS),
                    (
                        "academic_year_start",
                        Ty::Struct("MonthDay", &[("month", Ty::Int("u8")), ("day", Ty::Int("u8"))]),
                    ),
                    ("sources", SOURCES),
                ],
            ),
        ),
        ("eu_eea_switzerland", Ty::Vec(&Ty::Str)),
        (
            "documents",
            Ty::Vec(&Ty::Struct(
                "DocumentRule",
                &[
                    ("id", Ty::Enum("DocumentId")),
                    ("entitlement", Ty::Enum("Entitlement")),
                    ("file_name", Ty::Text),
                    ("formats", Ty::Opt(&FORMATS)),
                    ("size_limit_bytes", Ty::Opt(&Ty::Int("u64"))),
                    ("sources", SOURCES),
                ],
            )),
        ),
        (
            "situations",
            Ty::Vec(&Ty::Struct(
                "SituationRule",
                &[
                    ("id", Ty::Enum("SituationId")),
                    ("outcome", Ty::Enum("Outcome")),
                    ("documents", DOCUMENTS),
                    ("residence", Ty::Map("Residence", &SOURCES)),
                    ("sources", SOURCES),
                ],
            )),
        ),
        ("claims", Ty::NativeList(&Ty::Vec(&CLAIM))),
        (
            "age_rules",
            Ty::Vec(&Ty::Struct(
                "AgeRule",
                &[("under_years", Ty::Int("u32")), ("adds", DOCUMENTS), ("sources", SOURCES)],
            )),
        ),
        ("university_note", Ty::Opt(&Ty::Text)),
        ("academic_year_start_date", Ty::NotInFile),
    ],
);

/// `rules/rules.json` → `fn builtin_rules() -> Rules`, an expression of the file's values.
fn rules(out_dir: &Path) {
    println!("cargo::rerun-if-changed=rules/rules.json");
    let text = std::fs::read_to_string("rules/rules.json").expect("read rules/rules.json");
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("rules/rules.json: {e}"));
    let mut out = String::from(
        "/// The values of `rules/rules.json`, unchecked (`Rules::builtin` checks them).\n\
         fn builtin_rules() -> Rules {\n",
    );
    emit(&RULES, Some(&value), "rules.json", &mut out);
    out.push_str("\n}\n");
    std::fs::write(out_dir.join("rules.rs"), out).expect("write rules.rs");
}

/// Whether the crate is being built for wasm32 (the page), which leaves out what only
/// `precheck` and the tests show.
fn for_wasm() -> bool {
    std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32")
}

fn emit(ty: &Ty, value: Option<&serde_json::Value>, at: &str, out: &mut String) {
    use serde_json::Value;
    let bad = || panic!("rules/rules.json: {at} is missing or not of the expected type");
    match (ty, value) {
        (Ty::Opt(_), None | Some(Value::Null)) | (Ty::NotInFile, None) => out.push_str("None"),
        (Ty::NotInFile, Some(_)) => {
            panic!("rules/rules.json: {at} is not a rule: a university sets it")
        }
        (Ty::Opt(inner), Some(_)) => {
            out.push_str("Some(");
            emit(inner, value, at, out);
            out.push(')');
        }
        (Ty::Map(..), None) => out.push_str("std::collections::BTreeMap::new()"),
        (Ty::Map(key, inner), Some(Value::Object(map))) => {
            out.push_str("std::collections::BTreeMap::from([");
            for (k, v) in map {
                let _ = write!(out, "({}, ", code(key, k, &format!("{at}.{k}")));
                emit(inner, Some(v), &format!("{at}.{k}"), out);
                out.push_str("),");
            }
            out.push_str("])");
        }
        (Ty::Str, Some(Value::String(s))) => {
            let _ = write!(out, "std::borrow::Cow::Borrowed({s:?})");
        }
        (Ty::NativeList(_), _) if for_wasm() => {
            out.push_str("Vec::new()");
        }
        (Ty::NativeList(inner), _) => emit(inner, value, at, out),
        (Ty::SourceText, Some(Value::String(s))) => {
            let text = if for_wasm() { "" } else { s.as_str() };
            let _ = write!(out, "std::borrow::Cow::Borrowed({text:?})");
        }
        (Ty::Int(int), Some(Value::Number(n))) if n.is_u64() => {
            let _ = write!(out, "{n}{int}");
        }
        (Ty::Enum(name), Some(Value::String(s))) => {
            out.push_str(&code(name, s, at));
        }
        (Ty::Text, Some(Value::Object(map))) => {
            assert!(map.len() == 2, "rules/rules.json: {at} must have exactly en and fr");
            out.push_str("Text { ");
            for lang in ["en", "fr"] {
                let _ = write!(out, "{lang}: ");
                emit(&Ty::Str, map.get(lang), &format!("{at}.{lang}"), out);
                out.push_str(", ");
            }
            out.push('}');
        }
        (Ty::Vec(inner), Some(Value::Array(items))) => {
            // A list of plain values is a constant borrowed by the rules (no code to build it
            // at start); a list of documents or situations, which hold maps, is built.
            let constant = inner.is_constant();
            out.push_str(if constant { "std::borrow::Cow::Borrowed(const { &[" } else { "vec![" });
            for (i, item) in items.iter().enumerate() {
                emit(inner, Some(item), &format!("{at}[{i}]"), out);
                out.push_str(",\n");
            }
            out.push_str(if constant { "] } as &[_])" } else { "]" });
        }
        (Ty::Struct(name, fields), Some(Value::Object(map))) => {
            if let Some(k) = map.keys().find(|k| !fields.iter().any(|(f, _)| f == k)) {
                panic!("rules/rules.json: {at} has an unknown field {k:?}");
            }
            let _ = writeln!(out, "{name} {{");
            for (field, ty) in *fields {
                let _ = write!(out, "{field}: ");
                emit(ty, map.get(*field), &format!("{at}.{field}"), out);
                out.push_str(",\n");
            }
            out.push('}');
        }
        _ => bad(),
    }
}

/// The variant of vocabulary `name` whose code is `code`, looked up by the vocabulary itself at
/// compile time (`from_code` is const), never by turning the code into a Rust name: a code the
/// vocabulary does not know fails the build with where it stands in the file.
fn code(name: &str, code: &str, at: &str) -> String {
    format!(
        "const {{ match {name}::from_code({code:?}) {{ Some(v) => v, None => \
         panic!(\"rules/rules.json: {at} is not a {name} code\") }} }}"
    )
}

/// The rows of a data table (`data/*.tsv`): its lines split at tabs, comments (`#`) and blank
/// lines left out; the build runs again when it changes.
fn read_tsv(path: &str) -> Vec<Vec<String>> {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

/// `data/lane-types.tsv` → a static table of the official lane types.
fn lane_types(out_dir: &Path) {
    let rows = read_tsv("data/lane-types.tsv");
    let mut out = String::from("/// The official lane types (DGFiP abbreviations).\n");
    let _ = writeln!(out, "pub static LANE_TYPES: [LaneType; {}] = [", rows.len());
    for row in &rows {
        assert!(row.len() == 3, "bad row in lane-types.tsv: {row:?}");
        let _ = writeln!(
            out,
            "    LaneType {{ code: {:?}, fr: {:?}, en: {:?} }},",
            row[0], row[1], row[2]
        );
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("lane_types.rs"), out).expect("write lane_types.rs");
}

/// `data/countries.tsv` → a static table, so the browser pays for the names and nothing else.
fn countries(out_dir: &Path) {
    let rows = read_tsv("data/countries.tsv");
    let mut out = String::from("/// ISO 3166-1 countries (and Kosovo), by alpha-2 code.\n");
    let _ = writeln!(out, "pub static COUNTRIES: [Country; {}] = [", rows.len());
    for (i, row) in rows.iter().enumerate() {
        assert!(row.len() == 5 && row[0].len() == 2, "bad row in countries.tsv: {row:?}");
        let _ = writeln!(
            out,
            "    Country {{ code: {:?}, en: {:?}, fr: {:?}, official_en: {:?}, official_fr: {:?}, \
             row: {} }},",
            row[0], row[1], row[2], row[3], row[4], i
        );
    }
    out.push_str("];\n");
    // The other languages' names (`data/country-names.tsv`, in the same order): built in
    // natively and in the reader; the page fetches the shown language's (`<lang>-countries.txt`,
    // scripts/catalogs.mjs), of which it keeps the fingerprint.
    let names = read_tsv("data/country-names.tsv");
    let others = LANGS.len() - 2;
    assert!(
        names.len() == rows.len()
            && names.iter().zip(&rows).all(|(n, row)| n.len() == 1 + others && n[0] == row[0]),
        "data/country-names.tsv must have a name per language beyond en and fr ({:?}) for each \
         country of countries.tsv, in its order",
        &LANGS[2..]
    );
    let columns: Vec<Vec<&str>> =
        (1..=others).map(|i| names.iter().map(|n| n[i].as_str()).collect()).collect();
    out.push_str(
        "/// Each country's name in the languages after English and French, in `Lang` order.\n\
         #[cfg(any(not(target_arch = \"wasm32\"), feature = \"wording\"))]\n",
    );
    let _ = writeln!(out, "static OTHER_NAMES: [[&str; {}]; {others}] = {columns:?};", rows.len());
    let _ = writeln!(
        out,
        "/// The fingerprint of the page's copy of those names (`<lang>-countries.txt`: a name a\n\
         /// line), per language.\nconst NAMES_FINGERPRINTS: [u64; {others}] = {:?};",
        columns
            .iter()
            .map(|c| catalog_file::fingerprint(format!("{}\n", c.join("\n")).as_bytes()))
            .collect::<Vec<_>>()
    );
    let _ = writeln!(
        out,
        "/// The page's copy of those names, per language (scripts/catalogs.mjs).\n\
         const NAMES_FILES: [&str; {others}] = {:?};",
        LANGS[2..].iter().map(|lang| format!("{lang}-countries.txt")).collect::<Vec<_>>()
    );
    let codes: String = rows.iter().map(|row| row[0].as_str()).collect();
    let _ = writeln!(
        out,
        "/// The same countries' codes alone, for checks that need no name (a BIC's country).\n\
         pub static CODES: &str = {codes:?};"
    );
    std::fs::write(out_dir.join("countries.rs"), out).expect("write countries.rs");
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>, path: &Path) {
    for (k, v) in table {
        assert!(
            !k.is_empty()
                && k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{}: key {k:?} must be snake_case ASCII",
            path.display()
        );
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten(&key, t, out, path),
            other => panic!("{}: {key} must be a string or a table, not {other}", path.display()),
        }
    }
}

/// `checklist.missing_final` → `ChecklistMissingFinal`.
fn variant(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut c = part.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}
