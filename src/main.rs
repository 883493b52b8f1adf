//! Mounts the app; everything else lives in the library so tests can import it.

fn main() {
    secu_precheck::start();
}
