//! Turns the message catalogs (`locales/*.toml`) into a `Msg` enum and one lookup table per
//! language, so that a missing translation fails the build and a mistyped key fails to compile,
//! and the browser pays for no catalog parser.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const LANGS: [&str; 2] = ["en", "fr"];

fn main() {
    let dir = Path::new("locales");
    println!("cargo::rerun-if-changed=locales");
    let catalogs: Vec<BTreeMap<String, String>> = LANGS
        .iter()
        .map(|lang| {
            let path = dir.join(format!("{lang}.toml"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let table: toml::Table = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
            let mut flat = BTreeMap::new();
            flatten("", &table, &mut flat, &path);
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
    out.push_str("    ];\n\n    /// The catalog key, as written in the TOML files.\n    #[must_use]\n    pub const fn key(self) -> &'static str {\n        KEYS[self as usize]\n    }\n}\n\n");
    let _ = writeln!(out, "const KEYS: [&str; {}] = [", reference.len());
    for key in reference.keys() {
        let _ = writeln!(out, "    {key:?},");
    }
    out.push_str("];\n\n");
    for (lang, catalog) in LANGS.iter().zip(&catalogs) {
        let _ = writeln!(out, "const {}: [&str; {}] = [", lang.to_uppercase(), catalog.len());
        for key in reference.keys() {
            let _ = writeln!(out, "    {:?},", catalog[key]);
        }
        out.push_str("];\n\n");
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("catalog.rs"), out).expect("write catalog.rs");
    countries(Path::new(&out_dir));
    lane_types(Path::new(&out_dir));
}

/// `data/lane-types.tsv` → a static table of the official lane types.
fn lane_types(out_dir: &Path) {
    println!("cargo::rerun-if-changed=data/lane-types.tsv");
    let text = std::fs::read_to_string("data/lane-types.tsv").expect("read data/lane-types.tsv");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
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
    println!("cargo::rerun-if-changed=data/countries.tsv");
    let text = std::fs::read_to_string("data/countries.tsv").expect("read data/countries.tsv");
    let mut out = String::from("/// ISO 3166-1 countries (and Kosovo), by alpha-2 code.\n");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    let _ = writeln!(out, "pub static COUNTRIES: [Country; {}] = [", rows.len());
    for row in &rows {
        assert!(row.len() == 5 && row[0].len() == 2, "bad row in countries.tsv: {row:?}");
        let _ = writeln!(
            out,
            "    Country {{ code: {:?}, en: {:?}, fr: {:?}, official_en: {:?}, official_fr: {:?} }},",
            row[0], row[1], row[2], row[3], row[4]
        );
    }
    out.push_str("];\n");
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
