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
#[cfg(feature = "registered")]
pub mod registered;
pub mod wire;
pub mod worker;

pub use page::App;

/// Renders the app into `<body>` once the wording of the language it starts in is there: a
/// wasm32 build fetches each language's (`Lang::catalog_file`), so the first screen carries
/// only the student's. If it cannot be fetched, the page starts in English and says so; with
/// no wording at all (the network lost between the page and its wording), it says so in both.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        use page::hooks::catalog::load;
        use secu_precheck_domain::Lang;
        let lang = page::hooks::start::start_lang();
        if !load(lang).await && !load(Lang::En).await {
            page::hooks::dom::no_wording();
            return;
        }
        yew::Renderer::<App>::new().render();
    });
}
