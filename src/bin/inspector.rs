//! The inspection worker: checks and fixes single files off the main thread (see
//! `secu_precheck::worker`). Started with the page, from `inspector_loader.js`.

#![forbid(unsafe_code)]

fn main() {
    secu_precheck::worker::serve(None, true);
}
