//! The rules and checks of secu-precheck, in pure Rust.
//!
//! This crate knows the French student health-insurance registration (see `shared/DOMAIN.md`):
//! which documents a student needs, and every message in English and French. It depends on no
//! browser crate, reads no clock and does no I/O, so the same code runs in the Yew app (wasm32),
//! in the `precheck` command line and in native tests. "Today" and the rules are passed in.

#![forbid(unsafe_code)]

pub mod documents;
pub mod i18n;

pub use documents::{DocumentId, Entitlement};
pub use i18n::{Lang, Msg};
