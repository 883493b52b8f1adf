//! The reader worker: reads what photos and scans say (see `secu_precheck::worker::reader`).
//! Started by the page only when a document is to be read, from `reader_loader.js`.

#![forbid(unsafe_code)]

fn main() {
    secu_precheck::worker::reader::serve();
}
