//! The fragments file the widget loads after its first view (see the core's `fragments.rs`): each event as it
//! reads in a cell's panel and in the list, and the story panels, as HTML written from the full dataset.
//! `sources.html` shows the same event articles.

use ice_matrix_core::fragments::{Piece, SEP, count};
use ice_matrix_core::grid::CellRef;
use ice_matrix_core::html::escape;
use ice_matrix_core::model::{Dataset, Event, Source};
use ice_matrix_core::panel::Panel;
use ice_matrix_core::words;
use ice_matrix_datagen::export;

/// Where the data panel's download links point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Downloads {
    /// The published files beside the widget (`data/dataset.json`, `data/events.csv`).
    Linked,
    /// The files themselves as `data:` URLs, for the one-file `offline.html`.
    Inline,
}

/// The fragments file: every [`Piece`] of `ds`, in file order, joined by [`SEP`]. Fails, naming the piece, if a
/// fragment contains the separator (the validator keeps control characters out of the data).
pub fn file(ds: &Dataset, downloads: Downloads) -> Result<String, String> {
    let mut out = String::with_capacity(512 * 1024);
    debug_assert_eq!(Piece::all(ds).count(), count(ds));
    for (i, piece) in Piece::all(ds).enumerate() {
        debug_assert_eq!(piece.index(ds), Some(i));
        let html = fragment(ds, piece, downloads);
        if html.contains(SEP) {
            return Err(format!("{piece:?} contains the fragments file's separator U+001F"));
        }
        if i > 0 {
            out.push(SEP);
        }
        out.push_str(&html);
    }
    Ok(out)
}

/// One fragment of the file, as the widget shows it.
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
pub fn event(o: &mut String, ds: &Dataset, e: &Event) {
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
        ("", Some(n)) => words::count(n as usize, "person", "people"),
        (a, _) => a.to_string(),
    };
    let confidence = ds.widget.confidence[e.confidence as usize].note;
    for (k, v) in [
        ("At stake", e.stakes),
        ("Who pushed", &who),
        ("What came of it", e.result),
        ("Sources differ", e.disputed),
        ("Confidence", confidence),
    ] {
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
    let note =
        |v: &str| if v.is_empty() { String::new() } else { format!("<span class=\"im-note\"> ({})</span>", escape(v)) };
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

fn panel_head(o: &mut String, ds: &Dataset, panel: Panel, lede: &str) {
    o.push_str(&format!(
        "<h2 class=\"im-panel-title\">{}</h2><p class=\"im-lede\">{}</p>",
        escape(panel.title(ds)),
        escape(lede)
    ));
}

/// The context panel ("Why so few cut ties?"): sourced points on each side the dataset names, each with buttons
/// to the cells it explains (`data-cell`, which the widget opens).
fn context_panel(o: &mut String, ds: &Dataset) {
    panel_head(o, ds, Panel::Context, ds.widget.context_lede);
    o.push_str("<div class=\"im-cols\">");
    for (stance, side) in ds.widget.stances.iter().enumerate() {
        o.push_str(&format!("<div class=\"im-col\"><h3>{}</h3>", escape(side.heading)));
        for c in ds.context.iter().filter(|c| c.stance as usize == stance) {
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
                        escape(&words::place(ds, at))
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
    panel_head(o, ds, Panel::Movement, ds.widget.movement_lede);
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
            o.push_str(&format!(
                "<p class=\"im-note\">{}: {}</p>",
                escape(ds.widget.rows_heading),
                escape(&names.join(", "))
            ));
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
                    escape(&words::figure(c.qualifier, c.count, c.what))
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
        ds,
        Panel::Method,
        &format!(
            "Version {}, last updated {}. {} events, {} sources.",
            ds.version,
            ds.updated.long(),
            ds.events.len(),
            ds.sources.len()
        ),
    );
    for n in ds.methodology {
        o.push_str(&format!("<section><h3>{}</h3><p>{}</p></section>", escape(n.heading), escape(n.text)));
    }
    o.push_str("<h3>Outcomes, from the strongest</h3><dl class=\"im-defs\">");
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
        o.push_str(&format!(
            "<li><time datetime=\"{}\">{}</time>: {}</li>",
            c.date.iso(),
            c.date.long(),
            escape(c.text)
        ));
    }
    o.push_str("</ul>");
}

/// "Get the data": the dataset as JSON and the events as CSV, the same files the build publishes.
fn data_panel(o: &mut String, ds: &Dataset, downloads: Downloads) {
    panel_head(
        o,
        ds,
        Panel::Data,
        &format!(
            "Everything behind the matrix: {}, {}, {} and {}, version {} of {}.",
            words::rows(ds, ds.companies.len()),
            words::count(ds.events.len(), "event", "events"),
            words::count(ds.sources.len(), "source", "sources"),
            words::count(ds.letters.len(), "letter", "letters"),
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
    let (stem, row_names) = (ds.widget.file_stem, escape(ds.widget.rows));
    o.push_str(&format!(
        "<p class=\"im-buttons\"><a class=\"im-button\" href=\"{json}\" download=\"{stem}-dataset.json\">Download JSON</a>\
         <span class=\"im-note\"> The whole dataset: {row_names}, pressure types, outcomes with definitions, events, sources, letters and context.</span></p>\
         <p class=\"im-buttons\"><a class=\"im-button\" href=\"{csv}\" download=\"{stem}-events.csv\">Download CSV</a>\
         <span class=\"im-note\"> The events, one row per event and source ({rows} rows), UTF-8 for spreadsheets.</span></p>\
         <p class=\"im-note\">Both are the files this build publishes, made from the same data as the widget. To cite a single cell, open it and copy the page address.</p>"
    ));
}
