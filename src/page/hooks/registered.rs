//! "I have registered": the part that follows the registration once it is sent is its own wasm
//! (src/registered.rs), loaded only when the student opens it, so the first screen carries none
//! of it. The page keeps a host element for it and tells it everything through the element's
//! attributes (the answers as kept answers write them, whether to keep them, today, and
//! forgetting: [`tell`], [`forgotten`]); it starts it by adding `registered-start.js` as a
//! module script, which says while it loads or that it could not, and moves focus to the part
//! once there. A student who recorded something finds it open again after a reload (and on
//! later visits if they chose to keep their answers).
//!
//! Kept this small on purpose: every byte here is on the first screen.

use std::sync::atomic::{AtomicU32, Ordering};

use secu_precheck_domain::progress::Progress;
use secu_precheck_domain::Date;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::page::hooks::storage::{forget, load, DEVICE, TAB};

/// The host element's id (the part's `HOST`).
const HOST: &str = "registered-root";

/// Attempts to start the part: each loads a new URL, as a browser keeps a failed module fetch.
static ATTEMPTS: AtomicU32 = AtomicU32::new(0);
/// Times the student forgot everything.
static FORGETS: AtomicU32 = AtomicU32::new(0);

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn host() -> Option<web_sys::Element> {
    document()?.get_element_by_id(HOST)
}

/// Gives a mounted (or mounting) part the answers, as kept answers write them, and whether the
/// student keeps answers on this device.
pub fn tell(answers: &str, keep: bool) {
    if let Some(host) = host() {
        let _ = host.set_attribute("data-state", answers);
        let _ = host.set_attribute("data-keep", if keep { "1" } else { "0" });
    }
}

/// Tells a mounted part that the student forgot everything (`data-forget` counts the times),
/// and removes what it recorded in this tab.
pub fn forgotten() {
    forget(TAB, Progress::KEY);
    if let Some(host) = host() {
        let n = FORGETS.fetch_add(1, Ordering::Relaxed) + 1;
        let _ = host.set_attribute("data-forget", &n.to_string());
    }
}

/// Starts the part; `asked`: the student asked, so focus goes to it once it is there.
fn start(asked: bool) {
    let Some((script, head)) =
        document().and_then(|d| Some((d.create_element("script").ok()?, d.head()?)))
    else {
        return;
    };
    let n = ATTEMPTS.fetch_add(1, Ordering::Relaxed) + 1;
    let _ = script.set_attribute("type", "module");
    let focus = if asked { "&focus" } else { "" };
    let _ = script.set_attribute("src", &format!("./registered-start.js?{n}{focus}"));
    let _ = head.append_child(&script);
}

/// The part's host element (created once, rendered as is, never reconciled by the page), and
/// what opens the part. Opens it at once when the student kept something it recorded.
#[hook]
pub fn use_registered(today: Date) -> (Html, Callback<MouseEvent>) {
    let host = use_memo((), move |()| {
        let host = document()?.create_element("div").ok()?;
        host.set_id(HOST);
        let _ = host.set_attribute("data-today", &today.to_string());
        if load(TAB, Progress::KEY).or_else(|| load(DEVICE, Progress::KEY)).is_some() {
            // Once the page has rendered the host: a microtask later.
            wasm_bindgen_futures::spawn_local(async { start(false) });
        }
        Some(Html::VRef(host.unchecked_into()))
    });
    ((*host).clone().unwrap_or_default(), Callback::from(|_| start(true)))
}
