//! The parts of the page, one per file.

mod bundle;
pub(crate) mod checklist;
mod date_input;
pub(crate) mod details;
mod documents;
mod footer;
mod header;
mod instead;
mod next;
mod remember;
mod situation;
mod step;
mod summary;
mod upload;

pub use bundle::download_all;
pub use checklist::{ChecklistPanel, ChecklistView, ChecklistViewProps, Scope};
pub use date_input::DateInput;
pub use details::DetailsStep;
pub use documents::DocumentsStep;
pub use footer::{SiteFooter, SiteFooterProps};
pub use header::{SiteHeader, SiteHeaderProps};
pub use instead::Instead;
pub use next::NextSteps;
pub use remember::{Remember, RememberProps};
pub use situation::SituationStep;
pub use step::Step;
pub use summary::Summary;
pub use upload::Upload;

/// Props of the parts that change only with the language (the long option lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq, yew::Properties)]
pub struct LangProps {
    /// The language to render in.
    pub lang: secu_precheck_domain::Lang,
}
