//! Making fixed files: how to fit a photo under the limit ([`fit`]) and one PDF from several
//! pages ([`pdf`]). The browser decodes and encodes pixels; these decide and assemble, in pure
//! Rust, so the plan is tested natively and the same everywhere.

pub mod fit;
#[cfg(feature = "merge")]
pub mod merge;
pub mod pdf;

use crate::rules::DocumentId;

/// The name of a file made for a document: `birth-certificate.pdf`, `rib.jpg`.
#[must_use]
pub fn file_name(doc: DocumentId, extension: &str) -> String {
    format!("{}.{extension}", doc.id().replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_files_are_named_after_their_document() {
        assert_eq!(file_name(DocumentId::BirthCertificate, "pdf"), "birth-certificate.pdf");
        assert_eq!(file_name(DocumentId::Rib, "jpg"), "rib.jpg");
    }
}
