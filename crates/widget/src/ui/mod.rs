//! The Yew view: thin components, one concern per file, all state in one reducer (`store.rs`), the hooks
//! that reach the browser in `hooks.rs`.
//!
//! Every component renders in two modes: [`Mode::Live`] in the browser, and [`Mode::Static`] at build time for
//! the first view that readers see before the wasm runs (and readers without JavaScript see at all): the same
//! markup, with links to `sources.html` where the live widget has buttons, and without the controls that need
//! a script.

mod app;
mod cite;
mod common;
mod company;
mod detail;
mod embed_panel;
mod figures;
mod filters;
pub mod find;
mod hooks;
mod legend;
mod list;
mod row;
mod share;
mod store;
mod story;
mod table;

pub use app::{App, AppProps};
pub use common::{FULL, MOUNT_ID, Mode};
pub use store::Store;
