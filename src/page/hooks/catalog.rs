//! The wording of each language (`Lang::catalog_file`: `en.toml`, 11 KB gzipped, and
//! `fr.toml`, 12 KB, beside the page), fetched from the app's own origin: the page's language
//! before the first render, another when the student chooses it. Built into the page's wasm,
//! every language cost every student's first screen (each new language about 9 KB gzipped).

use secu_precheck_domain::i18n::CatalogError;
use secu_precheck_domain::Lang;
use yew::prelude::*;

use crate::page::hooks::postcodes::fetch_text_with;
use crate::page::state::{Action, LangLoad, State};

/// Fetches and installs a language's wording; `true` once it is there (at once if it was).
/// A missing, unreadable or stale file (an old copy from a cache) leaves it not installed.
pub async fn load(lang: Lang) -> bool {
    lang.is_ready() || fetch_and_install(lang, false).await
}

/// Fetches and installs a language's wording of what the file checks found (`<lang>-later.txt`),
/// which the first screen does without; `true` once it is there.
async fn load_later(lang: Lang) -> bool {
    lang.has_later() || fetch_and_install(lang, true).await
}

/// Fetches a language's wording file, its first screen's or its `later` one, and installs it.
/// The files keep their names across versions: a cache may hold an older one, which the
/// fingerprint refuses; the network then has this build's.
async fn fetch_and_install(lang: Lang, later: bool) -> bool {
    let file = if later { lang.later_file() } else { lang.catalog_file() };
    let Some(file) = file else { return false };
    for reload in [false, true] {
        let text = fetch_text_with(file, reload).await;
        let installed = text.map(|t| if later { lang.install_later(&t) } else { lang.install(&t) });
        match installed {
            Some(Ok(())) => return true,
            Some(Err(CatalogError::Stale)) => {}
            Some(Err(_)) | None => return false,
        }
    }
    false
}

/// Then, in the language shown, the wording of what the file checks found: fetched once the
/// first screen is there, and the page renders again with it.
#[hook]
pub fn use_catalog(state: &UseReducerHandle<State>) {
    use_effect_with(state.lang, {
        let dispatcher = state.dispatcher();
        move |&lang| {
            if !lang.has_later() {
                wasm_bindgen_futures::spawn_local(async move {
                    if load_later(lang).await {
                        dispatcher.dispatch(Action::Reworded);
                    }
                });
            }
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
