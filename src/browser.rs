//! The few facts the app asks of the browser, each turned into a plain value (never a panic).

use secu_precheck_domain::start::StartConfig;
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

/// The text of a file of the app's own origin, relative to the page (so the app works from any
/// sub-path). Every failure is a value: no network, a 404, a body that is not text.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let window = web_sys::window().ok_or("no window")?;
    let response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|e| format!("{e:?}"))?;
    JsFuture::from(text)
        .await
        .map_err(|e| format!("{e:?}"))?
        .as_string()
        .ok_or_else(|| "not text".into())
}

/// Moves keyboard focus to an element, as after "Check": to the error summary.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        // Focus can only fail on a detached element; then there is nothing to focus.
        let _ = element.focus();
    }
}

/// Keeps `<html lang>` and the page title in the chosen language, so screen readers
/// pronounce the page right and the tab says what it is; "Error:" leads the title while the
/// details show errors (GOV.UK pattern).
pub fn reflect_lang(lang: Lang, has_errors: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        // Setting an attribute on <html> cannot fail for a valid name; nothing to recover.
        let _ = root.set_attribute("lang", lang.code());
    }
    let title = lang.text(Msg::MetaTitle);
    if has_errors {
        document.set_title(&format!("{} {title}", lang.text(Msg::ErrorPrefix)));
    } else {
        document.set_title(title);
    }
}

/// Stops the browser from opening a file dropped outside the boxes (which would replace the
/// page and lose every answer), and tells the student where to drop it.
pub fn guard_drops(dispatcher: yew::functional::UseReducerDispatcher<crate::state::State>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Some(window) = web_sys::window() else { return };
    let over = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    let drop = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        // Drops on a box stop there; one that reaches the window missed every box.
        e.prevent_default();
        dispatcher.dispatch(crate::state::Action::DroppedOutside);
    });
    let _ = window.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
    // The listeners guard the page for its whole life.
    over.forget();
    drop.forget();
}

/// Offers a text made on the device as a file to save (a calendar file): a `blob:` URL on a
/// temporary link, revoked at once. Nothing leaves the device.
pub fn download(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;

    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // The download has its own reference to the blob by now.
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Opens the browser's print dialog (for the summary's print stylesheet).
pub fn print() {
    if let Some(window) = web_sys::window() {
        // A browser without printing just does nothing.
        let _ = window.print();
    }
}

/// The page's `localStorage`, if the browser offers it (private modes may refuse).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// A stored text, if any.
#[must_use]
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Stores a text; a full or refused storage just keeps nothing.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Removes a stored text.
pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Applies a host university's settings: its accent colour (through the CSS variables, set
/// with the CSSOM, which the CSP allows, unlike style attributes), and, when the app runs in
/// an iframe, the page height sent to the host page whenever it changes: a number, and
/// nothing else, ever leaves the app.
pub fn apply_host(host: &secu_precheck_domain::start::Host) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Some(window) = web_sys::window() else { return };
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return };
    if let Some(accent) = &host.accent {
        if let Some(root) = root.dyn_ref::<web_sys::HtmlElement>() {
            let _ = root.style().set_property("--accent", accent.css());
            let _ = root.style().set_property("--accent-ink", accent.ink());
        }
    }
    let parent = window.parent().ok().flatten();
    let framed = parent.as_ref().is_some_and(|p| !js_sys::Object::is(p, &window));
    if !(host.embedded && framed) {
        return;
    }
    let _ = root.class_list().add_1("embedded");
    let Some(parent) = parent else { return };
    let measured = root.clone();
    let post = Closure::<dyn Fn()>::new(move || {
        let height = measured.scroll_height();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"secuPrecheckHeight".into(), &height.into());
        // The height is not a secret: any host page may read it.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = window.document().and_then(|d| d.body()) {
            observer.observe(&body);
        }
    }
    // The observer lives as long as the page.
    post.forget();
}

/// Registers the service worker that keeps the app usable offline once loaded (`sw.js`, made
/// at build time). Without one (an old browser, a file:// page) the app simply needs the network.
pub fn work_offline() {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    // Outside a secure context (file://, plain http on a LAN address) there is none: calling it
    // would throw.
    let available = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .is_ok_and(|v| !v.is_undefined() && !v.is_null());
    if available {
        // A refused registration changes nothing for the student.
        let _ = navigator.service_worker().register("./sw.js");
    }
}
