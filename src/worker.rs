//! The page's Web Workers: they read the student's files, run the domain's engine on their
//! bytes, judge image quality on pixels the browser decodes, and make fixed files. Workers run
//! off the main thread, so the page stays responsive whatever the file, and a worker that traps
//! takes only itself down (the page restarts it).
//!
//! [`jobs`] answers the page's jobs; [`warm`] runs the engine once before the inspector says it
//! is ready. The Trunk entry points stay tiny in `src/bin/` (`inspector.rs`, `combiner.rs`).

pub mod jobs;
#[cfg(feature = "reader")]
pub mod reader;
pub mod warm;

pub use jobs::{serve, Merge};
