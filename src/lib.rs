//! secu-precheck, the Yew app: a thin view over the `secu-precheck-domain` crate.
//!
//! Data flows one way: a browser event becomes an [`state::Action`], the one reducer applies
//! it to [`state::State`], and the components render the state through the message catalog.

#![forbid(unsafe_code)]

pub mod app;
pub mod browser;
pub mod components;
pub mod files;
pub mod protocol;
pub mod state;
pub mod warm;
pub mod wire;
pub mod worker;

pub use app::App;

/// Renders the app into `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
