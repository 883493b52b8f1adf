//! The few facts the app asks of the browser, each turned into a plain value (never a panic).

use secu_precheck_domain::{Lang, Msg};

/// The browser's preferred supported language (`navigator.languages`), English otherwise.
#[must_use]
pub fn preferred_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::default();
    };
    let tags: Vec<String> =
        window.navigator().languages().iter().filter_map(|v| v.as_string()).collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

/// Keeps `<html lang>` and the page title in the chosen language, so screen readers
/// pronounce the page right and the tab says what it is.
pub fn reflect_lang(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        // Setting an attribute on <html> cannot fail for a valid name; nothing to recover.
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(lang.text(Msg::MetaTitle));
}
