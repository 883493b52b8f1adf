//! "I have registered" (`secu_precheck::registered`): its own wasm, which the page loads only
//! when the student opens that part (static/registered-start.js).

#![forbid(unsafe_code)]

fn main() {
    secu_precheck::registered::start();
}
