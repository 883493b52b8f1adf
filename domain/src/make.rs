//! Making fixed files: how to fit a photo under the limit ([`fit`]), one PDF from several
//! pages ([`pdf`]) and one ZIP of every ready document ([`bundle`]). The browser decodes and encodes pixels; these decide and assemble, in pure
//! Rust, so the plan is tested natively and the same everywhere.

pub mod bundle;
pub mod fit;
#[cfg(feature = "merge")]
pub mod merge;
pub mod pdf;

use crate::rules::{is_file_stem, DocumentId};

/// The name of a file made for a document: `stem` (the rules' file name in the student's
/// language, `acte-de-naissance`) and the extension; the document's id when `stem` cannot name
/// a file.
#[must_use]
pub fn file_name(stem: &str, doc: DocumentId, extension: &str) -> String {
    if is_file_stem(stem) {
        format!("{stem}.{extension}")
    } else {
        format!("{}.{extension}", doc.code().replace('_', "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_files_are_named_after_their_document() {
        assert_eq!(
            file_name("acte-de-naissance", DocumentId::BirthCertificate, "pdf"),
            "acte-de-naissance.pdf"
        );
        for odd in ["", "../x", "Pièce", "a b", &"x".repeat(61)] {
            assert_eq!(
                file_name(odd, DocumentId::BirthCertificate, "pdf"),
                "birth-certificate.pdf",
                "{odd:?}"
            );
        }
        assert_eq!(file_name("", DocumentId::Rib, "jpg"), "rib.jpg");
    }
}
