//! The document itself: its language and title follow the student's language, and the few
//! things components ask of the DOM (move focus, print, save a file made on the device).

use secu_precheck_domain::{Lang, Msg};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Keeps `<html lang dir>` and the page title in the chosen language, so screen readers pronounce
/// the page right and the tab says what it is; "Error:" leads the title while the details show
/// errors (GOV.UK pattern).
#[hook]
pub fn use_document(lang: Lang, has_errors: bool) {
    use_effect_with((lang, has_errors), |&(lang, has_errors)| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Some(root) = document.document_element() {
            // Setting an attribute on <html> cannot fail for a valid name; nothing to recover.
            let _ = root.set_attribute("lang", lang.code());
            // Arabic reads right to left: the whole layout mirrors (the CSS uses logical
            // properties), and Latin values inside it are isolated where they are shown.
            let _ = root.set_attribute("dir", lang.dir());
        }
        let title = lang.text(Msg::MetaTitle);
        if has_errors {
            document.set_title(&format!("{} {title}", lang.text(Msg::ErrorPrefix)));
        } else {
            document.set_title(title);
        }
    });
}

/// What the page shows when it could fetch no wording at all, in both languages (the only
/// text the page builds in).
pub fn no_wording() {
    const TEXT: &str = "The page could not load its text: check your connection, then reload \
                        it. — La page n'a pas pu charger ses textes : vérifiez votre connexion, \
                        puis rechargez-la.";
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        if let Some(p) = body.owner_document().and_then(|d| d.create_element("p").ok()) {
            p.set_text_content(Some(TEXT));
            p.set_attribute("role", "alert").ok();
            body.append_child(&p).ok();
        }
    }
}

/// Moves keyboard focus to an element, as after "Check": to the error summary.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        // Focus can only fail on a detached element; then there is nothing to focus.
        let _ = element.focus();
    }
}

/// The id of the element that has keyboard focus; `None` when it is `<body>` (or nothing).
#[must_use]
pub fn active_id() -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    let id = active.id();
    (!id.is_empty()).then_some(id)
}

/// Offers a text made on the device as a file to save (a calendar file): a `blob:` URL on a
/// temporary link, revoked once the link is gone. Nothing leaves the device.
pub fn download(name: &str, mime: &str, text: &str) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        download_blob(name, &blob);
    }
}

/// Offers `blob` as a download named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    // The download has its own reference to the blob by the time the URL is dropped.
    let url = gloo::file::ObjectUrl::from(blob.clone());
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
}

/// Opens the browser's print dialog (for the summary's print stylesheet).
pub fn print() {
    if let Some(window) = web_sys::window() {
        // A browser without printing just does nothing.
        let _ = window.print();
    }
}
