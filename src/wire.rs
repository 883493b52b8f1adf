//! What crosses a boundary of the page, and the one place that knows how it is written: jobs
//! and answers between the page and its workers ([`protocol`]), as records of strings
//! ([`record`]), and the one number a host page hears from the app in its iframe ([`host`]).

pub mod certificate;
pub mod host;
pub mod protocol;
pub mod reading;
pub mod record;
