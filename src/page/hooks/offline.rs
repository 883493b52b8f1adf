//! Working offline once loaded: the service worker (`sw.js`, made at build time) keeps the
//! app's files. Without one (an old browser, a file:// page) the app simply needs the network.

use yew::prelude::*;

/// Registers the service worker once.
#[hook]
pub fn use_offline() {
    use_effect_with((), |()| {
        let Some(window) = web_sys::window() else { return };
        let navigator = window.navigator();
        // Outside a secure context (file://, plain http on a LAN address) there is none:
        // calling it would throw.
        let available = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
            .is_ok_and(|v| !v.is_undefined() && !v.is_null());
        if available {
            // A refused registration changes nothing for the student.
            let _ = navigator.service_worker().register("./sw.js");
        }
    });
}
