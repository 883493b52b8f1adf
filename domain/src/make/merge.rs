//! Several PDFs into one, pages in the order given, with lopdf (the `merge` feature: only the
//! combining worker links it, about 270 KB of gzipped wasm the first screen never loads).
//!
//! Each part is inspected first: a PDF that needs a password or that readers cannot open is
//! refused by its place, never half-merged. Inherited page attributes (resources, boxes,
//! rotation) are copied onto each page before its page tree is dropped, so pages look the same.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::inspect::{self, pdf, Format};

/// Why the parts could not be merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// No part given.
    NoParts,
    /// Part `n` (from 1) is not a PDF that opens without a password.
    Unusable(usize),
    /// The merged file could not be written.
    Write,
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::NoParts => f.write_str("no PDF to merge"),
            MergeError::Unusable(n) => write!(f, "part {n} is damaged or needs a password"),
            MergeError::Write => f.write_str("the merged PDF could not be written"),
        }
    }
}

impl std::error::Error for MergeError {}

/// Follows `Parent` links for an attribute a page inherits (at most 64 levels, no cycles).
fn inherited(doc: &Document, page: ObjectId, key: &[u8]) -> Option<Object> {
    let mut current = page;
    for _ in 0..64 {
        let node = doc.get_dictionary(current).ok()?;
        if let Ok(value) = node.get(key) {
            if !matches!(doc.dereference(value), Ok((_, Object::Null)) | Err(_)) {
                return Some(value.clone());
            }
        }
        current = node.get(b"Parent").ok()?.as_reference().ok()?;
    }
    None
}

/// One PDF with the pages of every part, in order.
///
/// # Errors
/// When there is no part, a part is damaged or protected, or the result cannot be written.
pub fn pdfs(parts: &[&[u8]]) -> Result<Vec<u8>, MergeError> {
    if parts.is_empty() {
        return Err(MergeError::NoParts);
    }
    let mut merged = Document::with_version("1.5");
    let mut objects: BTreeMap<ObjectId, Object> = BTreeMap::new();
    let mut pages: Vec<ObjectId> = Vec::new();
    let mut next_id = 1;
    for (i, bytes) in parts.iter().enumerate() {
        let unusable = MergeError::Unusable(i + 1);
        // Our own bounded check first: lopdf is only given files that readers open.
        let ok = inspect::sniff::format(bytes) == Format::Pdf && {
            let report = pdf::check(bytes, false);
            !report.damaged
                && report.encryption != pdf::Encryption::NeedsPassword
                && report.pages.is_some_and(|p| p > 0)
        };
        if !ok {
            return Err(unusable);
        }
        let mut doc = Document::load_mem(bytes).map_err(|_| unusable.clone())?;
        if doc.is_encrypted() && doc.decrypt("").is_err() {
            return Err(unusable);
        }
        let ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
        if ids.is_empty() {
            return Err(unusable);
        }
        for &id in &ids {
            let mut page = doc.get_dictionary(id).map_err(|_| unusable.clone())?.clone();
            let media_box = inherited(&doc, id, b"MediaBox")
                .unwrap_or_else(|| Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]));
            for (key, value) in [
                ("CropBox", inherited(&doc, id, b"CropBox")),
                ("Resources", inherited(&doc, id, b"Resources")),
                ("Rotate", inherited(&doc, id, b"Rotate")),
            ] {
                if let Some(value) = value {
                    page.set(key, value);
                }
            }
            page.set("MediaBox", media_box);
            doc.objects.insert(id, Object::Dictionary(page));
        }
        doc.renumber_objects_with(next_id);
        next_id = doc.max_id + 1;
        pages.extend(doc.get_pages().into_values());
        // Catalogs and page-tree nodes are rebuilt below; everything else is kept as is.
        objects.extend(doc.objects.into_iter().filter(|(_, object)| {
            let kind = object.as_dict().ok().and_then(|d| d.get(b"Type").ok()?.as_name().ok());
            !matches!(kind, Some(b"Catalog" | b"Pages"))
        }));
    }
    let tree_id = (next_id, 0);
    let catalog_id = (next_id + 1, 0);
    for id in &pages {
        if let Some(Object::Dictionary(page)) = objects.get_mut(id) {
            page.set("Parent", tree_id);
        }
    }
    merged.objects = objects;
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Kids", pages.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>());
    tree.set("Count", i64::try_from(pages.len()).unwrap_or(i64::MAX));
    merged.objects.insert(tree_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", tree_id);
    merged.objects.insert(catalog_id, Object::Dictionary(catalog));
    merged.trailer.set("Root", catalog_id);
    merged.max_id = next_id + 1;
    merged.prune_objects();
    merged.renumber_objects();
    let mut out = Vec::new();
    merged.save_to(&mut out).map_err(|_| MergeError::Write)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::{inspect, jpeg::tests::jpeg, Context, Verdict};
    use crate::make;
    use crate::rules::DocumentId;

    fn check(bytes: &[u8]) -> crate::inspect::Inspection {
        let ctx = Context::plain(DocumentId::BirthCertificate, 4_000_000);
        inspect("birth-certificate.pdf", bytes, &ctx)
    }

    /// A text PDF whose pages inherit their resources and box from the page tree.
    fn text_pdf(lines: &[&str]) -> Vec<u8> {
        let mut body = String::from("%PDF-1.4\n");
        let kids: Vec<String> = (0..lines.len()).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
        let mut objects = vec![
            "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
            format!(
                "<< /Type /Pages /Kids [{}] /Count {} /MediaBox [0 0 595 842] \
                 /Resources << /Font << /F1 3 0 R >> >> >>",
                kids.join(" "),
                lines.len()
            ),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        ];
        for (i, line) in lines.iter().enumerate() {
            let content = format!("BT /F1 12 Tf 72 720 Td ({line}) Tj ET");
            objects.push(format!("<< /Type /Page /Parent 2 0 R /Contents {} 0 R >>", 5 + 2 * i));
            objects.push(format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()));
        }
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(body.len());
            body.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
        }
        let xref = body.len();
        body.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
        for o in offsets {
            body.push_str(&format!("{o:010} 00000 n \n"));
        }
        body.push_str(&format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        ));
        body.into_bytes()
    }

    #[test]
    fn pdfs_and_photos_become_one_pdf_in_order() {
        let certificate = text_pdf(&["Acte de naissance", "page 2"]);
        let photo = make::pdf::from_jpegs(&[&jpeg(0xC0, 8, 1200, 1600, 3, None)]).unwrap();
        let translation = text_pdf(&["Traduction certifiee"]);
        let merged = pdfs(&[&certificate, &photo, &translation]).unwrap();
        let report = check(&merged);
        assert_eq!(report.facts.pages, Some(4), "{:?}", report.problems);
        assert_eq!(report.verdict(), Verdict::Ok, "{:?}", report.problems);
        let doc = Document::load_mem(&merged).unwrap();
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let text = doc.extract_text(&[1]).unwrap_or_default();
        assert!(text.contains("Acte de naissance"), "page 1 first: {text:?}");
        // Inherited resources were copied onto each page.
        let first = doc.get_dictionary(pages[0]).unwrap();
        assert!(first.get(b"Resources").is_ok() && first.get(b"MediaBox").is_ok());
        let text = doc.extract_text(&[4]).unwrap_or_default();
        assert!(text.contains("Traduction"), "the translation last: {text:?}");
    }

    #[test]
    fn a_protected_or_damaged_part_is_refused_by_its_place() {
        let good = text_pdf(&["ok"]);
        let encrypted = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >> >>\n%%EOF".to_vec();
        assert_eq!(pdfs(&[&good, &encrypted]), Err(MergeError::Unusable(2)));
        assert_eq!(pdfs(&[b"not a pdf", &good]), Err(MergeError::Unusable(1)));
        assert_eq!(pdfs(&[]), Err(MergeError::NoParts));
    }
}
