//! Static HTML made at build time from the same data and the same aggregation as the widget:
//! the first view inside the mount element (seen before the wasm runs, and by readers without
//! JavaScript or WebAssembly) and `sources.html`, every event with its sources, which its cells link to.
//! Native only: the build's `assets` tool writes these files.

use crate::embed::escape;
use crate::matrix::{CellRef, Filter, Grid, ROW_LIMIT, View};
use crate::model::{Dataset, Event};
use crate::text;

/// The anchor of a cell in `sources.html`, and its id in the hash: `company.pressure`.
pub fn cell_anchor(ds: &Dataset, at: CellRef) -> String {
    format!("{}.{}", ds.companies[at.company as usize].id, ds.pressure_types[at.pressure as usize].id)
}

/// The default view as plain markup, with the widget's classes so that it looks the same.
pub fn first_view(ds: &Dataset) -> String {
    let grid = Grid::build(ds);
    let view = View::build(ds, &grid, &Filter::default());
    let mut o = String::with_capacity(64 * 1024);
    o.push_str("<div class=\"im im-static\">");
    o.push_str(&format!(
        "<header class=\"im-head\"><h2 class=\"im-title\">{}</h2><p class=\"im-question\">{}</p></header>",
        escape(ds.title),
        escape(ds.question)
    ));
    o.push_str(&format!("<p class=\"im-summary-line\">{}</p>", escape(&text::summary(ds))));
    o.push_str(&format!(
        "<dl class=\"im-figures\"><div><dt>Companies</dt><dd>{}</dd></div><div><dt>Events</dt><dd>{}</dd></div>\
         <div><dt>{}</dt><dd>{}</dd></div></dl>",
        view.rows.len(),
        view.events,
        escape(&text::strongest_label(ds)),
        view.strongest
    ));
    o.push_str(&format!(
        "<div class=\"im-legend\"><p class=\"im-rule\">{} <a href=\"sources.html\">Every event with its sources</a></p><ul>",
        text::CELL_RULE
    ));
    for (i, x) in ds.outcomes.iter().enumerate() {
        o.push_str(&format!(
            "<li><span class=\"im-key\"><span class=\"im-swatch o-{}\" aria-hidden=\"true\">{}</span>{}<span class=\"im-n\">{}</span></span></li>",
            x.id,
            escape(x.glyph),
            escape(x.label),
            text::count(view.cells_per_outcome[i], "cell", "cells")
        ));
    }
    o.push_str("</ul></div><div class=\"im-scroll\"><table class=\"im-matrix\">");
    o.push_str(&format!("<caption>{}</caption><thead><tr>", text::CAPTION));
    o.push_str("<th scope=\"col\" class=\"im-corner\">Company</th>");
    for p in ds.pressure_types {
        o.push_str(&format!(
            "<th scope=\"col\" title=\"{}\"><span aria-hidden=\"true\">{}</span><span class=\"im-sr\">{}</span></th>",
            escape(p.definition),
            escape(p.short),
            escape(p.label)
        ));
    }
    o.push_str("</tr></thead><tbody>");
    for &c in view.rows.iter().take(ROW_LIMIT) {
        let company = &ds.companies[c as usize];
        o.push_str(&format!(
            "<tr><th scope=\"row\">{}<span class=\"im-sector\">{}</span></th>",
            escape(company.name),
            escape(ds.sectors[company.sector as usize].label)
        ));
        for p in 0..ds.pressure_types.len() {
            let at = CellRef { company: c, pressure: p as u8 };
            match grid.cell(at) {
                Some(cell) => {
                    let x = &ds.outcomes[cell.outcome as usize];
                    o.push_str(&format!(
                        "<td><a class=\"im-cell o-{}\" href=\"sources.html#{}\" aria-label=\"{}\"><span class=\"im-glyph\" aria-hidden=\"true\">{}</span>\
                         <span class=\"im-label\">{}</span> <span class=\"im-count\">{}</span></a></td>",
                        x.id,
                        cell_anchor(ds, at),
                        escape(&text::cell_name(ds, at, cell.outcome, cell.events.len(), cell.latest)),
                        escape(x.glyph),
                        escape(x.short),
                        cell.events.len()
                    ));
                }
                None => o.push_str("<td class=\"im-empty\"><span class=\"im-sr\">no events</span></td>"),
            }
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
    if view.rows.len() > ROW_LIMIT {
        o.push_str(&format!(
            "<p class=\"im-more\">The first {ROW_LIMIT} of {} are shown, most events first. <a href=\"sources.html\">Every event</a></p>",
            text::count(view.rows.len(), "company", "companies")
        ));
    }
    o.push_str("</div>");
    o.push_str(&format!(
        "<p class=\"im-foot\">Data version {}, updated {}. <a href=\"data/dataset.json\">Data (JSON)</a> · <a href=\"data/events.csv\">Events (CSV)</a></p></div>",
        escape(ds.version),
        ds.updated.long()
    ));
    o
}

/// The body of `sources.html`: every cell's events, newest first, with their sources, under anchors
/// that the first view's cells link to.
pub fn sources_page(ds: &Dataset) -> String {
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
        o.push_str(&format!("<section class=\"im-panel\" id=\"{}\"><h2 class=\"im-panel-title\">{}</h2>", company.id, escape(company.name)));
        for p in 0..ds.pressure_types.len() {
            let at = CellRef { company: c, pressure: p as u8 };
            let Some(cell) = grid.cell(at) else { continue };
            let x = &ds.outcomes[cell.outcome as usize];
            o.push_str(&format!(
                "<h3 id=\"{}\">{}: <span class=\"im-badge o-{}\">{} {}</span></h3><ol class=\"im-events\">",
                cell_anchor(ds, at),
                escape(ds.pressure_types[p].label),
                x.id,
                escape(x.glyph),
                escape(x.label)
            ));
            for &e in &cell.events {
                o.push_str("<li>");
                event(&mut o, ds, &ds.events[e as usize]);
                o.push_str("</li>");
            }
            o.push_str("</ol>");
        }
        o.push_str("</section>");
    }
    o.push_str("</div>");
    o
}

fn event(o: &mut String, ds: &Dataset, e: &Event) {
    let x = &ds.outcomes[e.outcome as usize];
    o.push_str(&format!(
        "<article class=\"im-event\"><p class=\"im-event-meta\"><time datetime=\"{}\">{}</time>{}<span class=\"im-badge o-{}\">{}</span></p><p class=\"im-summary\">{}</p><dl class=\"im-facts\">",
        e.date.iso(),
        e.date.long(),
        if e.unit.is_empty() { String::new() } else { format!("<span class=\"im-unit\">{}</span>", escape(e.unit.get())) },
        x.id,
        escape(x.label),
        escape(e.summary.get())
    ));
    for (k, v) in [("At stake", e.stakes), ("Who pushed", e.actors), ("What came of it", e.result), ("Sources differ", e.disputed)] {
        if !v.is_empty() {
            o.push_str(&format!("<dt>{k}</dt><dd>{}</dd>", escape(v.get())));
        }
    }
    o.push_str("</dl><ul class=\"im-sources\">");
    for &s in e.sources {
        let s = &ds.sources[s as usize];
        o.push_str(&format!(
            "<li><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>{} — {}{}{}</li>",
            escape(s.url.get()),
            escape(s.title.get()),
            if s.title_note.is_empty() { String::new() } else { format!(" ({})", escape(s.title_note.get())) },
            escape(s.publisher.get()),
            if s.via.is_empty() { String::new() } else { format!(" ({})", escape(s.via.get())) },
            s.date.map(|d| format!(", {}", d.long())).unwrap_or_else(|| ", undated".to_string())
        ));
    }
    o.push_str("</ul></article>");
}

