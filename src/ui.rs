//! The Yew view: thin components, one concern per file, all state in one reducer (`app.rs`).

mod app;
mod context;
mod detail;
mod downloads;
mod embedding;
mod figures;
mod filters;
mod legend;
mod list;
mod methodology;
mod movement;
mod source;
mod story;
mod table;

pub use app::{App, Store};

/// The DOM id of a cell's button, used to give focus back to it.
pub fn cell_dom_id(at: crate::matrix::CellRef) -> String {
    format!("cell-{}-{}", at.company, at.pressure)
}
