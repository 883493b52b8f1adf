//! The parts of the page, one per file.
//!
//! A part that reads the app's context and keeps no state of its own (each step, the end state,
//! the footer) is a plain function of [`AppContext`](crate::page::context::AppContext): as a
//! context consumer it would render again on every change anyway, and each Yew component
//! costs the first screen about 0.5 KB gzipped. Components are for parts with hooks, or whose
//! props let Yew skip their render (the long option lists, the checklist view).

mod bundle;
pub(crate) mod checklist;
mod date_input;
pub(crate) mod details;
mod documents;
mod follow;
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
pub use documents::documents_step;
pub use follow::follow_step;
pub use footer::site_footer;
pub use header::{SiteHeader, SiteHeaderProps};
pub use instead::instead;
pub use next::next_steps;
pub use remember::{Remember, RememberProps};
pub use situation::situation_step;
pub use step::Step;
pub use summary::summary;
pub use upload::Upload;

/// Props of the parts that change only with the language (the long option lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq, yew::Properties)]
pub struct LangProps {
    /// The language to render in.
    pub lang: secu_precheck_domain::Lang,
}

/// A catalog text with one value the student typed or chose (a file's name) set apart in a
/// `<bdi>`: a Latin name keeps its own direction inside Arabic text, and its dots and brackets
/// stay where they belong. The text reads as `fill` would make it (the template's first
/// placeholder being `key`).
pub fn with_isolated(template: &str, key: &str, value: &str) -> yew::Html {
    // Char patterns only: a string pattern links a searcher the page has no other use for.
    let split = template
        .split_once('{')
        .and_then(|(before, rest)| Some((before, rest.strip_prefix(key)?.strip_prefix('}')?)));
    match split {
        Some((before, after)) => yew::html! { <>{ before }<bdi>{ value }</bdi>{ after }</> },
        None => yew::html! { { template } },
    }
}
