//! The parts of the page, one per file.

mod checklist;
mod footer;
mod header;
mod steps;

pub use checklist::Checklist;
pub use footer::SiteFooter;
pub use header::SiteHeader;
pub use steps::Steps;
