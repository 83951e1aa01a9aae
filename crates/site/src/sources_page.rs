//! The body of `sources.html`: every event with its sources, for readers without JavaScript, for fact-checkers,
//! and for the first view's cells to link to.

use ice_matrix_core::grid::{CellRef, Filter, Grid, View};
use ice_matrix_core::html::escape;
use ice_matrix_core::model::Dataset;

use crate::fragments::{Quotes, event};

/// The body of `sources.html`: every cell's events, newest first, with their sources, under anchors
/// that the first view's cells link to.
pub fn body(ds: &Dataset) -> String {
    let grid = Grid::build(ds);
    let view = View::build(ds, &grid, &Filter::default());
    let mut o = String::with_capacity(512 * 1024);
    o.push_str(&format!(
        "<div class=\"im\"><header class=\"im-head\"><h1 class=\"im-title\">{}: every event and its sources</h1>\
         <p class=\"im-question\">{}</p><p><a href=\"./\">Back to the matrix</a></p></header>",
        escape(ds.title),
        escape(ds.question)
    ));
    for &c in &view.rows {
        let company = &ds.companies[c as usize];
        o.push_str(&format!(
            "<section class=\"im-panel\" id=\"{}\"><h2 class=\"im-panel-title\">{}</h2>",
            company.id,
            escape(company.name)
        ));
        for p in 0..ds.pressure_types.len() {
            let at = CellRef { company: c, pressure: p as u8 };
            let Some(cell) = grid.cell(at) else { continue };
            let x = &ds.outcomes[cell.outcome as usize];
            o.push_str(&format!(
                "<h3 id=\"{}\">{}: <span class=\"im-badge o-{}\">{} {}</span></h3><ol class=\"im-events\">",
                at.anchor(ds),
                escape(ds.pressure_types[p].label),
                x.id,
                escape(x.glyph),
                escape(x.label)
            ));
            for &e in &cell.events {
                o.push_str("<li>");
                event(&mut o, ds, &ds.events[e as usize], Quotes::Open);
                o.push_str("</li>");
            }
            o.push_str("</ol>");
        }
        o.push_str("</section>");
    }
    o.push_str("</div>");
    o
}
