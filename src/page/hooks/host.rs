//! A host university's settings applied to the page: its accent colour, and inside its iframe,
//! the page height sent to the host page whenever it changes (a number, and nothing else, ever
//! leaves the app: [`crate::wire::host`]).

use std::rc::Rc;

use secu_precheck_domain::start::Host;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Applies the host's settings once.
#[hook]
pub fn use_host(host: Rc<Host>) {
    use_effect_with((), move |()| apply(&host));
}

/// The colour through the CSS variables (set with the CSSOM, which the CSP allows, unlike
/// style attributes); the height through a `ResizeObserver`.
fn apply(host: &Host) {
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
        let message = crate::wire::host::height_message(measured.scroll_height());
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
