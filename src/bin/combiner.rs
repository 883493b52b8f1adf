//! The combining worker: the inspection worker's code plus PDF merging with lopdf (see
//! `secu_precheck::worker`). Started only when a student combines pages, so the first screen
//! and the first check never load lopdf.

#![forbid(unsafe_code)]

use secu_precheck_domain::make::merge::{self, MergeError};

fn merge_pdfs(parts: &[&[u8]]) -> Result<Vec<u8>, usize> {
    merge::pdfs(parts).map_err(|e| match e {
        MergeError::Unusable(n) => n.saturating_sub(1),
        MergeError::NoParts | MergeError::Write => 0,
    })
}

fn main() {
    // Started on demand, for one combining job: warming would only delay it.
    secu_precheck::worker::serve(Some(merge_pdfs), false);
}
