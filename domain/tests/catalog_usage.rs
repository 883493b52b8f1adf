//! Every message of the catalog is used somewhere: an unused key is a translation nobody sees,
//! or a sign that the code shows a sentence that is not in the catalog. A message is used when
//! code names it (`Msg::…`) or when a vocabulary finds it by a code (`file.<code>.title`).

use std::path::{Path, PathBuf};

use secu_precheck_domain::Msg;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_catalog_key_is_used_by_the_app_or_the_domain() {
    let domain = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&domain.join("src"), &mut files);
    rust_files(&domain.join("../src"), &mut files);
    let source: String = files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            // A key named only by unit tests is still unused by the product.
            match text.find("#[cfg(test)]") {
                Some(tests) => text[..tests].to_owned(),
                None => text,
            }
        })
        .collect();
    // Messages named by a vocabulary's codes are used wherever the vocabulary's are.
    let by_code = secu_precheck_domain::i18n::vocabulary_messages();
    let unused: Vec<&str> = Msg::ALL
        .iter()
        .filter(|m| !by_code.contains(m) && !source.contains(&format!("Msg::{m:?}")))
        .map(|m| m.key())
        .collect();
    assert!(unused.is_empty(), "catalog keys used nowhere: {unused:?}");
}
