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
