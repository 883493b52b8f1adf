//! The wording of each language (`Lang::catalog_file`: `en.txt`, `fr.txt`, `es.txt`, `zh.txt`,
//! `ar.txt` beside the page, 11 to 13 KB gzipped each), fetched from the app's own origin: the
//! page's language before the first render, another when the student chooses it. Built into the
//! page's wasm, every language would cost every student's first screen.

use secu_precheck_domain::i18n::CatalogError;
use secu_precheck_domain::{Country, Lang};
use yew::prelude::*;

use crate::page::hooks::postcodes::fetch_text_with;
use crate::page::state::{Action, LangLoad, State};

/// Fetches and installs a language's wording; `true` once it is there (at once if it was).
/// A missing, unreadable or stale file (an old copy from a cache) leaves it not installed.
pub async fn load(lang: Lang) -> bool {
    lang.is_ready() || fetch_and_install(lang, File::Main).await
}

/// Fetches and installs a language's wording of what the file checks found (`<lang>-later.txt`),
/// which the first screen does without; `true` once it is there.
async fn load_later(lang: Lang) -> bool {
    lang.has_later() || fetch_and_install(lang, File::Later).await
}

/// Everything "I have registered" says in a language: the page's two files of it, and its own;
/// `true` once they are there.
#[cfg(feature = "registered")]
pub async fn load_registered(lang: Lang) -> bool {
    load(lang).await
        && load_later(lang).await
        && (lang.has_after() || fetch_and_install(lang, File::After).await)
}

/// The files of a language's wording.
#[derive(Clone, Copy)]
enum File {
    /// The first screen's (`<lang>.txt`).
    Main,
    /// What no student sees before typing, answering or choosing a file (`<lang>-later.txt`).
    Later,
    /// What "I have registered" says of its own (`<lang>-after.txt`).
    #[cfg(feature = "registered")]
    After,
    /// The countries' names, for the nationality list (`<lang>-countries.txt`; English's and
    /// French's are built in). Until they are there, the list shows the English names.
    Countries,
}

/// Fetches a language's wording file, its first screen's or its `later` one, and installs it.
/// The files keep their names across versions: a cache may hold an older one, which the
/// fingerprint refuses; the network then has this build's.
async fn fetch_and_install(lang: Lang, which: File) -> bool {
    let file = match which {
        File::Main => lang.catalog_file(),
        File::Later => lang.later_file(),
        #[cfg(feature = "registered")]
        File::After => lang.after_file(),
        File::Countries => Country::names_file(lang),
    };
    let Some(file) = file else { return false };
    for reload in [false, true] {
        let text = fetch_text_with(file, reload).await;
        let installed = text.map(|t| match which {
            File::Main => lang.install(&t),
            File::Later => lang.install_later(&t),
            #[cfg(feature = "registered")]
            File::After => lang.install_after(&t),
            File::Countries => Country::install_names(lang, &t),
        });
        match installed {
            Some(Ok(())) => return true,
            Some(Err(CatalogError::Stale)) => {}
            Some(Err(_)) | None => return false,
        }
    }
    false
}

/// Then, in the language shown, the wording of what the file checks found, and the countries'
/// names: fetched once the first screen is there, and the page renders again with them.
#[hook]
pub fn use_catalog(state: &UseReducerHandle<State>) {
    use_effect_with(state.lang, {
        let dispatcher = state.dispatcher();
        move |&lang| {
            wasm_bindgen_futures::spawn_local(async move {
                let missing = !lang.has_later() || !Country::has_names(lang);
                if !Country::has_names(lang) {
                    fetch_and_install(lang, File::Countries).await;
                }
                let later = load_later(lang).await;
                if missing {
                    dispatcher.dispatch(Action::Reworded);
                }
                // Said on the page, for whoever waits for every word of it (tests, tools).
                let root = web_sys::window().and_then(|w| w.document()?.document_element());
                if let (true, Some(root)) = (later, root) {
                    let _ = root.set_attribute("data-later", lang.code());
                }
            });
        }
    });
    let dispatcher = state.dispatcher();
    use_effect_with(state.lang_load, move |&load_state| {
        if let LangLoad::Loading(lang) = load_state {
            wasm_bindgen_futures::spawn_local(async move {
                let action = if load(lang).await {
                    Action::SetLang(lang)
                } else {
                    Action::LangUnavailable(lang)
                };
                dispatcher.dispatch(action);
            });
        }
    });
}
