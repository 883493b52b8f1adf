//! What the page starts with, read from the browser once: the configuration in its URL
//! (`?lang=fr&size-limit=…`), the browser's preferred language, and today's date.

use std::rc::Rc;

use secu_precheck_domain::start::StartConfig;
use secu_precheck_domain::{Date, Lang};
use yew::prelude::*;

/// The page's starting point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// The start configuration: the page URL's, unless the app was given one.
    pub config: StartConfig,
    /// The language to start in: the URL's (a university's `lang=`), else the one the student
    /// last chose (kept with the answers), else the browser's first supported preference.
    pub lang: Lang,
    /// Today in the student's time zone.
    pub today: Date,
}

/// Reads the start once, for the app's whole life; `given` stands for the URL (tests, hosts).
#[hook]
pub fn use_start(given: Option<StartConfig>) -> Rc<Start> {
    use_memo((), move |()| {
        let config = given.unwrap_or_else(url_config);
        let lang = config.lang.or_else(kept_lang).unwrap_or_else(preferred_lang);
        Start { config, lang, today: today() }
    })
}

/// The language the page starts in, before it renders: the URL's, else the student's kept
/// choice, else the browser's.
#[must_use]
pub fn start_lang() -> Lang {
    url_config().lang.or_else(kept_lang).unwrap_or_else(preferred_lang)
}

/// The language kept with the answers: this tab's, else the device's (when the student asked to
/// keep them there).
fn kept_lang() -> Option<Lang> {
    use crate::page::hooks::storage::{load, DEVICE, TAB};
    use crate::page::saved::Saved;
    use crate::wire::record::{Lookup, Record};
    let query = load(TAB, Saved::TAB_KEY)
        .or_else(|| load(DEVICE, Saved::KEY))
        .or_else(|| load(DEVICE, Saved::V2_KEY))?;
    Record::from_query(&query).parse("lang")
}

/// The start configuration in the page's URL query.
fn url_config() -> StartConfig {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    StartConfig::from_query(&search)
}

/// The browser's preferred supported language (`navigator.languages`), English otherwise.
fn preferred_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::default();
    };
    let tags: Vec<String> =
        window.navigator().languages().iter().filter_map(|v| v.as_string()).collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

/// Today in the student's time zone, from the browser's clock.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    // A clock outside years 1000–9999 is broken; any fixed day then beats a crash.
    Date::from_ymd(now.get_full_year(), now.get_month() + 1, now.get_date())
        .unwrap_or(Date::UNIX_EPOCH)
}
