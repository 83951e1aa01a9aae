//! Static HTML made at build time from the same data and the same aggregation as the widget:
//! the first view inside the mount element (seen before the wasm runs, and by readers without
//! JavaScript or WebAssembly), `sources.html`, every event with its sources, which its cells link to,
//! and the widget's text file of HTML fragments (see `texts.rs`): the events as a cell's panel and the
//! list show them, and the story panels. Native only: the build's `assets` tool writes these files.

use crate::embed::escape;
use crate::export;
use crate::matrix::{CellRef, Filter, Grid, ROW_LIMIT, View};
use crate::model::{Dataset, Event, Source};
use crate::state::Panel;
use crate::text;
use crate::texts::{self, Piece, SEP};

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
    o.push_str(&format!("<p class=\"im-summary-line\">{}</p>", escape(ds.summary)));
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
    // Explicit roles: the stylesheet lays the rows out as flex lines, and some browsers drop a table's semantics
    // when its parts are not displayed as table parts.
    o.push_str("</ul></div><div class=\"im-scroll\"><table class=\"im-matrix\" role=\"table\">");
    o.push_str(&format!("<caption>{}</caption><thead role=\"rowgroup\"><tr role=\"row\">", text::CAPTION));
    o.push_str("<th scope=\"col\" role=\"columnheader\" class=\"im-corner\">Company</th>");
    for p in ds.pressure_types {
        o.push_str(&format!(
            "<th scope=\"col\" role=\"columnheader\" title=\"{}\"><span aria-hidden=\"true\">{}</span><span class=\"im-sr\">{}</span></th>",
            escape(p.definition),
            escape(p.short),
            escape(p.label)
        ));
    }
    o.push_str("</tr></thead><tbody role=\"rowgroup\">");
    for &c in view.rows.iter().take(ROW_LIMIT) {
        let company = &ds.companies[c as usize];
        o.push_str(&format!(
            "<tr role=\"row\"><th scope=\"row\" role=\"rowheader\">{}<span class=\"im-sector\">{}</span></th>",
            escape(company.name),
            escape(ds.sectors[company.sector as usize].label)
        ));
        for p in 0..ds.pressure_types.len() {
            let at = CellRef { company: c, pressure: p as u8 };
            match grid.cell(at) {
                Some(cell) => {
                    let x = &ds.outcomes[cell.outcome as usize];
                    // The glyph and the short label are drawn by the palette CSS from `data-o`, as in the widget.
                    o.push_str(&format!(
                        "<td role=\"cell\"><a class=\"im-cell\" data-o=\"{}\" href=\"sources.html#{}\" aria-label=\"{}\">{}</a></td>",
                        x.id,
                        cell_anchor(ds, at),
                        escape(&text::cell_name(ds, at, cell.outcome, cell.events.len(), cell.latest)),
                        cell.events.len()
                    ));
                }
                None => o.push_str("<td role=\"cell\" class=\"im-empty\"><span class=\"im-sr\">no events</span></td>"),
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

/// Where the data panel's download links point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Downloads {
    /// The published files beside the widget (`data/dataset.json`, `data/events.csv`).
    Linked,
    /// The files themselves as `data:` URLs, for the one-file `offline.html`.
    Inline,
}

/// The widget's text file (see `texts.rs`): every [`Piece`] of `ds`, in file order, joined by [`SEP`].
/// Fails, naming the piece, if a fragment contains the separator (the build checks the data for it).
pub fn texts(ds: &Dataset, downloads: Downloads) -> Result<String, String> {
    let mut pieces = Vec::with_capacity(texts::count(ds));
    let n = ds.events.len() as u16;
    pieces.extend((0..n).map(Piece::Event));
    pieces.extend(texts::PANELS.map(Piece::Panel));
    let mut out = String::with_capacity(512 * 1024);
    for (i, piece) in pieces.into_iter().enumerate() {
        debug_assert_eq!(piece.index(ds), Some(i));
        let html = fragment(ds, piece, downloads);
        if html.contains(SEP) {
            return Err(format!("{piece:?} contains the text file's separator U+001F"));
        }
        if i > 0 {
            out.push(SEP);
        }
        out.push_str(&html);
    }
    Ok(out)
}

/// One fragment of the text file, as the widget shows it.
pub fn fragment(ds: &Dataset, piece: Piece, downloads: Downloads) -> String {
    let mut o = String::new();
    match piece {
        Piece::Event(i) => event(&mut o, ds, &ds.events[i as usize]),
        Piece::Panel(Panel::Context) => context_panel(&mut o, ds),
        Piece::Panel(Panel::Movement) => movement_panel(&mut o, ds),
        Piece::Panel(Panel::Method) => method_panel(&mut o, ds),
        Piece::Panel(Panel::Data) => data_panel(&mut o, ds, downloads),
        Piece::Panel(Panel::Embed) => {}
    }
    o
}

/// An event as a cell's panel shows it: date, unit, outcome, summary, facts and sources.
fn event(o: &mut String, ds: &Dataset, e: &Event) {
    let x = &ds.outcomes[e.outcome as usize];
    o.push_str(&format!(
        "<article class=\"im-event\"><p class=\"im-event-meta\"><time datetime=\"{}\">{}</time>{}\
         <span class=\"im-badge o-{}\" title=\"{}\"><span aria-hidden=\"true\">{} </span>{}</span></p><p class=\"im-summary\">{}</p><dl class=\"im-facts\">",
        e.date.iso(),
        e.date.long(),
        if e.unit.is_empty() { String::new() } else { format!("<span class=\"im-unit\">{}</span>", escape(e.unit)) },
        x.id,
        escape(x.definition),
        escape(x.glyph),
        escape(x.label),
        escape(e.summary)
    ));
    let who = match (e.actors, e.people) {
        ("", None) => String::new(),
        ("", Some(n)) => text::count(n as usize, "person", "people"),
        (a, _) => a.to_string(),
    };
    let confidence = if e.confidence == "high" { "" } else { "Medium: partly supported (for example a date inferred or a single secondary source)." };
    for (k, v) in [("At stake", e.stakes), ("Who pushed", &who), ("What came of it", e.result), ("Sources differ", e.disputed), ("Confidence", confidence)] {
        if !v.is_empty() {
            o.push_str(&format!("<dt>{k}</dt><dd>{}</dd>", escape(v)));
        }
    }
    o.push_str("</dl>");
    sources(o, ds, e.sources);
    o.push_str("</article>");
}

/// A list of sources by index.
fn sources(o: &mut String, ds: &Dataset, list: &[u16]) {
    o.push_str("<ul class=\"im-sources\" aria-label=\"Sources\">");
    for &s in list {
        o.push_str("<li>");
        source(o, &ds.sources[s as usize]);
        o.push_str("</li>");
    }
    o.push_str("</ul>");
}

/// One source: linked title, publisher (the original outlet), what the link is when it is a copy, date.
fn source(o: &mut String, s: &Source) {
    let note = |v: &str| if v.is_empty() { String::new() } else { format!("<span class=\"im-note\"> ({})</span>", escape(v)) };
    o.push_str(&format!(
        "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>{} — <span class=\"im-pub\">{}</span>{}{}",
        escape(s.url),
        escape(s.title),
        note(s.title_note),
        escape(s.publisher),
        note(s.via),
        s.date.map(|d| format!(", {}", d.long())).unwrap_or_else(|| ", undated".to_string())
    ));
}

fn panel_head(o: &mut String, panel: Panel, lede: &str) {
    o.push_str(&format!("<h2 class=\"im-panel-title\">{}</h2><p class=\"im-lede\">{}</p>", escape(panel.title()), escape(lede)));
}

/// "Why so few cut ties?": sourced points on both sides, each with buttons to the cells it explains
/// (`data-cell`, which the widget opens).
fn context_panel(o: &mut String, ds: &Dataset) {
    panel_head(o, Panel::Context, "What companies said and what explains their choices, beside the case made against them. Each point cites its sources.");
    o.push_str("<div class=\"im-cols\">");
    for (why_kept, heading) in [(true, "Why companies kept their ties"), (false, "The case against, and the exceptions")] {
        o.push_str(&format!("<div class=\"im-col\"><h3>{heading}</h3>"));
        for c in ds.context.iter().filter(|c| c.why_kept == why_kept) {
            o.push_str(&format!("<article class=\"im-point\"><h4>{}</h4><p>{}</p>", escape(c.heading), escape(c.text)));
            // The cells these events sit in (each event's first pressure type), once each, in order.
            let mut cells: Vec<CellRef> = Vec::new();
            for &e in c.events {
                let ev = &ds.events[e as usize];
                let at = CellRef { company: ev.company, pressure: ev.pressure_types[0] };
                if !cells.contains(&at) {
                    cells.push(at);
                }
            }
            if !cells.is_empty() {
                o.push_str("<p class=\"im-see\">See: ");
                for (i, at) in cells.into_iter().enumerate() {
                    o.push_str(&format!(
                        "{}<button type=\"button\" class=\"im-link\" data-cell=\"{}\">{}</button>",
                        if i > 0 { ", " } else { "" },
                        at.dom_id(),
                        escape(&text::place(ds, at))
                    ));
                }
                o.push_str("</p>");
            }
            sources(o, ds, c.sources);
            o.push_str("</article>");
        }
        o.push_str("</div>");
    }
    o.push_str("</div>");
}

/// The movement: open letters and petitions across companies, newest first, and how their counts grew,
/// each figure with its date and source.
fn movement_panel(o: &mut String, ds: &Dataset) {
    panel_head(o, Panel::Movement, "Open letters and petitions that drew workers from several companies, with their counts as reported over time.");
    o.push_str("<ol class=\"im-letters\">");
    for l in ds.letters.iter().rev() {
        o.push_str(&format!(
            "<li><article class=\"im-letter\"><h3>{}<span class=\"im-sub\">{}</span></h3><p>{}</p>",
            escape(l.name),
            l.date.long(),
            escape(l.summary)
        ));
        if !l.companies.is_empty() {
            let names: Vec<&str> = l.companies.iter().map(|&c| ds.companies[c as usize].name).collect();
            o.push_str(&format!("<p class=\"im-note\">Companies: {}</p>", escape(&names.join(", "))));
        }
        if !l.counts.is_empty() {
            o.push_str(&format!(
                "<table class=\"im-counts\"><caption class=\"im-sr\">{}: counts over time</caption><thead><tr><th scope=\"col\">Date</th>\
                 <th scope=\"col\">Count</th><th scope=\"col\">Source</th></tr></thead><tbody>",
                escape(l.name)
            ));
            for c in l.counts {
                o.push_str(&format!(
                    "<tr><td><time datetime=\"{}\">{}</time></td><td>{}</td><td>",
                    c.date.iso(),
                    c.date.long(),
                    escape(&text::figure(c.qualifier, c.count, c.what))
                ));
                source(o, &ds.sources[c.source as usize]);
                o.push_str("</td></tr>");
            }
            o.push_str("</tbody></table>");
        }
        if !l.disputed.is_empty() {
            o.push_str(&format!("<p class=\"im-note\"><strong>Sources differ: </strong>{}</p>", escape(l.disputed)));
        }
        o.push_str("</article></li>");
    }
    o.push_str("</ol>");
}

/// Definitions and methodology: every outcome and pressure type with its coding rule, how the data was
/// made, what it leaves out, its version and its corrections.
fn method_panel(o: &mut String, ds: &Dataset) {
    panel_head(
        o,
        Panel::Method,
        &format!("Version {}, last updated {}. {} events, {} sources.", ds.version, ds.updated.long(), ds.events.len(), ds.sources.len()),
    );
    for n in ds.methodology {
        o.push_str(&format!("<section><h3>{}</h3><p>{}</p></section>", escape(n.heading), escape(n.text)));
    }
    o.push_str("<h3>Outcomes, from the strongest break of ties</h3><dl class=\"im-defs\">");
    for x in ds.outcomes {
        o.push_str(&format!(
            "<dt><span class=\"im-swatch o-{}\" aria-hidden=\"true\">{}</span>{}</dt><dd>{}<br><span class=\"im-note\">Coding rule: {}</span></dd>",
            x.id,
            escape(x.glyph),
            escape(x.label),
            escape(x.definition),
            escape(x.rule)
        ));
    }
    o.push_str("</dl><h3>Types of pressure (the columns)</h3><dl class=\"im-defs\">");
    for p in ds.pressure_types {
        o.push_str(&format!(
            "<dt>{}</dt><dd>{}<br><span class=\"im-note\">Coding rule: {}</span></dd>",
            escape(p.label),
            escape(p.definition),
            escape(p.rule)
        ));
    }
    o.push_str("</dl><h3>Corrections</h3><ul class=\"im-corrections\">");
    for c in ds.corrections {
        o.push_str(&format!("<li><time datetime=\"{}\">{}</time>: {}</li>", c.date.iso(), c.date.long(), escape(c.text)));
    }
    o.push_str("</ul>");
}

/// "Get the data": the dataset as JSON and the events as CSV, the same files the build publishes.
fn data_panel(o: &mut String, ds: &Dataset, downloads: Downloads) {
    panel_head(
        o,
        Panel::Data,
        &format!(
            "Everything behind the matrix: {}, {}, {} and {}, version {} of {}.",
            text::count(ds.companies.len(), "company", "companies"),
            text::count(ds.events.len(), "event", "events"),
            text::count(ds.sources.len(), "source", "sources"),
            text::count(ds.letters.len(), "letter", "letters"),
            ds.version,
            ds.updated.long()
        ),
    );
    let (json, csv) = match downloads {
        Downloads::Linked => ("data/dataset.json".to_string(), "data/events.csv".to_string()),
        Downloads::Inline => {
            use base64::Engine;
            let b64 = |s: String| base64::engine::general_purpose::STANDARD.encode(s);
            (
                format!("data:application/json;base64,{}", b64(export::json(ds))),
                format!("data:text/csv;charset=utf-8;base64,{}", b64(export::csv(ds))),
            )
        }
    };
    let rows: usize = ds.events.iter().map(|e| e.sources.len()).sum();
    o.push_str(&format!(
        "<p class=\"im-buttons\"><a class=\"im-button\" href=\"{json}\" download=\"ice-matrix-dataset.json\">Download JSON</a>\
         <span class=\"im-note\"> The whole dataset: companies, pressure types, outcomes with definitions, events, sources, letters and context.</span></p>\
         <p class=\"im-buttons\"><a class=\"im-button\" href=\"{csv}\" download=\"ice-matrix-events.csv\">Download CSV</a>\
         <span class=\"im-note\"> The events, one row per event and source ({rows} rows), UTF-8 for spreadsheets.</span></p>\
         <p class=\"im-note\">Both are the files this build publishes, made from the same data as the widget. To cite a single cell, open it and copy the page address.</p>"
    ));
}
