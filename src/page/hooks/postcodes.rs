//! The postcode base (`postcodes.tsv`, 532 KB, 226 KB gzipped), fetched from the app's own
//! origin only once the address needs it: five digits typed, or a check of the details asked;
//! and the nationality adjectives, after the first screen.

use std::rc::Rc;

use secu_precheck_domain::countries::Demonyms;
use secu_precheck_domain::fields::Field;
use secu_precheck_domain::postcodes::PostcodeBase;
use yew::prelude::*;

use crate::page::state::{Action, Postcodes, State};

/// Loads the base once the state wants it; a failure leaves postcodes checked for form only.
#[hook]
pub fn use_postcodes(state: &UseReducerHandle<State>) {
    let postcode = state.details.get(Field::Postcode);
    let wants =
        state.details_checks > 0 || postcode.chars().filter(char::is_ascii_digit).count() >= 5;
    let not_loaded = state.postcodes == Postcodes::NotLoaded;
    let dispatcher = state.dispatcher();
    use_effect_with((wants, not_loaded), move |&(wants, not_loaded)| {
        if wants && not_loaded {
            dispatcher.dispatch(Action::SetPostcodes(Postcodes::Loading));
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match fetch_text("postcodes.tsv").await {
                    Some(text) => Postcodes::Loaded(Rc::new(PostcodeBase::parse(&text))),
                    None => Postcodes::Failed,
                };
                dispatcher.dispatch(Action::SetPostcodes(loaded));
            });
        }
    });
}

/// Fetches the nationality adjectives (`demonyms.tsv`, 9.6 KB, 3.6 KB gzipped) once, after
/// the first screen: built into the page's wasm they cost the first screen 3.3 KB gzipped.
/// Without them (offline on a first visit), a nationality is found by its country's name.
#[hook]
pub fn use_demonyms(state: &UseReducerHandle<State>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |()| {
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(text) = fetch_text("demonyms.tsv").await {
                dispatcher.dispatch(Action::SetDemonyms(Rc::new(Demonyms::parse(&text))));
            }
        });
    });
}

/// The text of a file of the app's own origin, relative to the page (so the app works from any
/// sub-path); `None` without the network, on an HTTP error or a body that is not text.
///
/// The browser's `fetch`, not gloo-net's `Request`: for this one GET, gloo-net added 9.1 KB of
/// wasm and 0.4 KB of JS to the first screen (3.0 KB gzipped, measured).
pub(crate) async fn fetch_text(url: &str) -> Option<String> {
    fetch_text_with(url, false).await
}

/// `fetch_text`, from the network past any HTTP cache when `reload` (refreshing that cache).
pub(crate) async fn fetch_text_with(url: &str, reload: bool) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    if reload {
        init.set_cache(web_sys::RequestCache::Reload);
    }
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
