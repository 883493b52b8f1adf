//! The rules and checks of secu-precheck, in pure Rust.
//!
//! This crate knows the French student health-insurance registration (see `shared/DOMAIN.md`):
//! the rules as data (`rules/rules.json`: situations, documents, sources), the questions that
//! decide a student's situation, the checklist of what is still missing, the countries, and
//! every message in English and French. It depends on no browser crate, reads no clock and does
//! no I/O, so the same code runs in the Yew app (wasm32), in the `precheck` command line and in
//! native tests. "Today" and the rules are passed in.

#![forbid(unsafe_code)]

pub mod attestation;
pub mod checklist;
pub mod countries;
pub mod date;
pub mod email;
pub mod fields;
pub mod i18n;
pub mod iban;
pub mod inspect;
pub mod make;
pub mod mrz;
pub mod next_steps;
pub mod nir;
pub mod postcodes;
pub mod progress;
pub mod query;
pub mod read;
pub mod residence;
pub mod rules;
pub mod situation;
pub mod start;
pub mod vocab;
pub mod words;

pub use checklist::Checklist;
pub use countries::Country;
pub use date::Date;
pub use i18n::{Lang, Msg};
pub use residence::Residence;
pub use rules::{DocumentId, Entitlement, Outcome, Rules, SituationId};
pub use situation::{Answers, Question};

/// serde, for the impls [`vocabulary!`] writes in other crates.
#[doc(hidden)]
pub use serde as __serde;
