//! The few facts the app asks of the browser, each turned into a plain value (never a panic).

use secu_precheck_domain::rules::StartConfig;
use secu_precheck_domain::{Date, Lang, Msg};

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

/// Today in the student's time zone, from the browser's clock.
#[must_use]
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    // The casts are exact: getFullYear/getMonth/getDate return small integers.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    // A clock outside years 1000–9999 is broken; any fixed day then beats a crash.
    Date::from_ymd(y, m, d).unwrap_or(Date::UNIX_EPOCH)
}

/// The start configuration in the page's URL query (`?lang=fr&size-limit=…`).
#[must_use]
pub fn start_config() -> StartConfig {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    StartConfig::from_query(&search)
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
