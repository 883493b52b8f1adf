//! What the app tells a university's page when it runs in its iframe: its height, and nothing
//! else, ever (`static/embed.js` reads it and sizes the iframe).

use wasm_bindgen::JsValue;

/// The key of the one message: `{ secuPrecheckHeight: 1234 }`.
const HEIGHT: &str = "secuPrecheckHeight";

/// The message that tells the host page how tall the app is, in CSS pixels.
#[must_use]
pub fn height_message(height: i32) -> JsValue {
    let message = js_sys::Object::new();
    // Setting a number on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&message, &HEIGHT.into(), &height.into());
    message.into()
}

/// The part of the iframe on the host's screen, in CSS pixels: what `embed.js` sends as
/// `{ secuPrecheckViewport: { top, height } }`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// From the top of the app to the top of what the student sees.
    pub top: f64,
    /// How much of the app the student sees.
    pub height: f64,
}

/// The viewport a message carries; `None` for any other message or a value out of range.
#[must_use]
pub fn viewport(data: &JsValue) -> Option<Viewport> {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    if !data.is_object() {
        return None;
    }
    let view = get(data, "secuPrecheckViewport")?;
    if !view.is_object() {
        return None;
    }
    let number = |key: &str| {
        get(&view, key)?.as_f64().filter(|n| n.is_finite() && (0.0..=1_000_000.0).contains(n))
    };
    Some(Viewport { top: number("top")?, height: number("height")? })
}
