//! secu-precheck, the Yew app: a thin view over the `secu-precheck-domain` crate, in three parts
//! that a reader tells apart at a glance:
//!
//! - [`page`]: the main thread: the app, its one reducer, its components, and the hooks that
//!   own every browser effect;
//! - [`worker`]: the Web Workers that read, check and fix the student's files;
//! - [`wire`]: what crosses between them, and to a host page: the one place that knows how
//!   those messages are written.

#![forbid(unsafe_code)]

pub mod page;
pub mod wire;
pub mod worker;

pub use page::App;

/// Renders the app into `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
