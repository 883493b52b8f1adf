//! The page: the Yew app on the main thread. Data flows one way: a browser event becomes an
//! [`state::Action`], the one reducer applies it to [`state::State`], and the components render
//! the state through the message catalog. Every browser effect (storage, the postcode fetch,
//! the workers, the host page, the clock…) lives in [`hooks`]; [`app`] only wires components
//! and hooks together.

pub mod app;
pub mod components;
pub mod context;
pub mod hooks;
pub mod saved;
pub mod state;

pub use app::{App, AppProps};
pub use context::{use_app, AppContext};
