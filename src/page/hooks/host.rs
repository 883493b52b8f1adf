//! A host university's settings applied to the page: its accent colour, and inside its iframe,
//! the page height sent to the host page whenever it changes (a number, and nothing else, ever
//! leaves the app: [`crate::wire::host`]), and the part of the iframe the host shows, which keeps
//! the checklist in view.

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
    follow_host_view(&window, &root, &parent);
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

/// Keeps the checklist in view in an iframe that never scrolls itself: `embed.js` tells which
/// part of the iframe is on screen, and the stylesheet places the checklist (desktop) or the
/// summary bar (phone) there (`--view-top`, `--view-height`, class `host-view`). Only the
/// parent window is listened to, and only two numbers in range are read.
fn follow_host_view(window: &web_sys::Window, root: &web_sys::Element, parent: &web_sys::Window) {
    let Some(style) = root.dyn_ref::<web_sys::HtmlElement>().map(web_sys::HtmlElement::style)
    else {
        return;
    };
    let root = root.clone();
    let parent = parent.clone();
    let listener =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = event.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
            let Some(view) =
                from_parent.then(|| crate::wire::host::viewport(&event.data())).flatten()
            else {
                return;
            };
            // Whole pixels, printed as integers: formatting an f64 would link float printing,
            // 9 KB gzipped on the first screen.
            let px = |v: f64| format!("{}px", v.round() as i64);
            let _ = style.set_property("--view-top", &px(view.top));
            let _ = style.set_property("--view-height", &px(view.height));
            let _ = root.class_list().toggle_with_force("host-view", view.height > 0.0);
        });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
}
