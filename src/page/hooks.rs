//! Every browser effect of the page lives here, each a hook or a plain function that turns the
//! browser's answers into values and actions (never a panic, never an `.expect()`): what the
//! page starts with ([`start`]), the wording of the languages it fetches ([`catalog`]), the document's language and title and what components ask of
//! the DOM ([`dom`]), the answers kept on the device ([`storage`]), the postcode base
//! ([`postcodes`]), the file handles and the workers ([`files`]), the reader ([`reader`]), the "I have registered" part ([`registered`]), drops outside the boxes
//! ([`drops`]), the host page ([`host`]) and working offline ([`offline`]).

pub mod catalog;
pub mod dom;
pub mod drops;
pub mod files;
pub mod host;
pub mod offline;
pub mod postcodes;
pub mod reader;
pub mod registered;
pub mod start;
pub mod storage;

pub use catalog::use_catalog;
pub use dom::use_document;
pub use drops::use_drop_guard;
pub use files::{use_checks, use_files, Files};
pub use host::use_host;
pub use offline::use_offline;
pub use postcodes::{use_demonyms, use_postcodes};
pub use reader::use_reader;
pub use registered::use_registered;
pub use start::{use_start, Start};
pub use storage::{use_kept_answers, Kept};
