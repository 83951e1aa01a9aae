//! The fragments file the widget loads after its first view (see the core's `fragments.rs`): each event as it
//! reads in a cell's panel and in the list, and the story panels, as HTML written from the full dataset.
//! `sources.html` shows the same event articles.

use ice_matrix_core::fragments::{Piece, SEP, count};
use ice_matrix_core::grid::CellRef;
use ice_matrix_core::html::escape;
use ice_matrix_core::model::{Dataset, Event, EvidenceField, ResponseStatus, Source, SourceKind};
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
        Piece::Event(i) => event(&mut o, ds, &ds.events[i as usize], Quotes::Folded),
        Piece::Panel(Panel::Context) => context_panel(&mut o, ds),
        Piece::Panel(Panel::Movement) => movement_panel(&mut o, ds),
        Piece::Panel(Panel::Method) => method_panel(&mut o, ds),
        Piece::Panel(Panel::Data) => data_panel(&mut o, ds, downloads),
        Piece::Panel(Panel::Embed) => {}
    }
    o
}

/// How an event shows what its sources say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Quotes {
    /// One tap away, under "What the source says" (a cell's panel).
    Folded,
    /// Open (`sources.html`, for fact-checkers).
    Open,
}

/// An event as a cell's panel shows it: date, unit, outcome, summary, facts, and its sources with their words.
pub fn event(o: &mut String, ds: &Dataset, e: &Event, quotes: Quotes) {
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
    let response = response(ds, e);
    // "Company response", in the tracker's own word for a row.
    let response_label = format!("{} response", ds.widget.row_heading);
    for (k, v) in [
        ("At stake", e.stakes),
        ("Who pushed", &who),
        ("What came of it", e.result),
        (&response_label, &response),
        ("Sources differ", e.disputed),
        ("Confidence", confidence),
    ] {
        if !v.is_empty() {
            o.push_str(&format!("<dt>{}</dt><dd>{}</dd>", escape(k), escape(v)));
        }
    }
    o.push_str("</dl>");
    o.push_str("<ul class=\"im-sources\" aria-label=\"Sources\">");
    for &s in e.sources {
        o.push_str("<li>");
        source(o, &ds.sources[s as usize]);
        evidence(o, ds, e, s, &response_label, quotes);
        o.push_str("</li>");
    }
    o.push_str("</ul></article>");
}

/// What a source says: the words of it that the event rests on, one tap away, each with the facts it
/// supports ("What happened", "At stake"…). A quote given for two fields is shown once.
fn evidence(o: &mut String, ds: &Dataset, e: &Event, source: u16, response_label: &str, open: Quotes) {
    let label = |f: EvidenceField| match f {
        EvidenceField::Summary => "What happened",
        EvidenceField::Stakes => "At stake",
        EvidenceField::Actors | EvidenceField::People => "Who pushed",
        EvidenceField::Result => "What came of it",
        EvidenceField::Disputed => "Sources differ",
        EvidenceField::Response => response_label,
        EvidenceField::Text => "The point",
    };
    let mut quotes: Vec<(&str, Vec<&str>)> = Vec::new();
    for x in e.evidence.iter().filter(|x| x.source == source) {
        match quotes.iter_mut().find(|(q, _)| *q == x.quote) {
            Some((_, fields)) if fields.contains(&label(x.field)) => {}
            Some((_, fields)) => fields.push(label(x.field)),
            None => quotes.push((x.quote, vec![label(x.field)])),
        }
    }
    said(o, &ds.sources[source as usize], &quotes, open);
}

/// "What the source says": a source's quotes, each with what it supports (left out where a record has one
/// text), folded or open, marked as English.
fn said(o: &mut String, source: &Source, quotes: &[(&str, Vec<&str>)], open: Quotes) {
    if quotes.is_empty() {
        return;
    }
    let cite = escape(source.link());
    let open = if open == Quotes::Open { " open" } else { "" };
    o.push_str(&format!("<details class=\"im-evidence\"{open}><summary>What the source says</summary><ul>"));
    for (quote, fields) in quotes {
        o.push_str(&format!("<li><blockquote lang=\"en\" cite=\"{cite}\"><p>{}</p></blockquote>", escape(quote)));
        if !fields.is_empty() {
            o.push_str(&format!("<p class=\"im-for\">For: {}</p>", escape(&fields.join(" · "))));
        }
        o.push_str("</li>");
    }
    o.push_str("</ul></details>");
}

/// One source as it was read: the original's publisher, date and headline (linked to the original when its
/// address is known), then, for a copy, where it was read, and an archived copy when there is one.
fn source(o: &mut String, s: &Source) {
    let link = |href: &str, text: &str| {
        format!("<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>", escape(href), escape(text))
    };
    let note =
        |v: &str| if v.is_empty() { String::new() } else { format!("<span class=\"im-note\"> ({})</span>", escape(v)) };
    let date = s.date.map(|d| d.long()).unwrap_or_else(|| "undated".to_string());
    // The address as text too, shown only where links cannot open (a frame sandboxed without popups).
    o.push_str(&format!(
        "<span class=\"im-pub\">{}</span>, {date}: {}{}<span class=\"im-url\">{}</span>",
        escape(s.publisher),
        link(s.link(), s.title),
        note(s.title_note),
        escape(s.link())
    ));
    match s.kind {
        SourceKind::Primary => o.push_str("<span class=\"im-note\"> (primary document)</span>"),
        SourceKind::Secondary => o.push_str("<span class=\"im-note\"> (a write-up of other reporting)</span>"),
        SourceKind::Original | SourceKind::Copy => {}
    }
    if !s.read_at.is_empty() {
        let at = if s.url.is_empty() { escape(host(s.read_at)) } else { link(s.read_at, host(s.read_at)) };
        o.push_str(&format!(" — read in a copy at {at}{}", note(s.via)));
    }
    if !s.archived.is_empty() {
        let when = s.archived_date.map(|d| format!(", {}", d.long())).unwrap_or_default();
        o.push_str(&format!(" · {}{when}", link(s.archived, "archived copy")));
    }
}

/// The host of an address, for naming where a copy was read.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest).trim_start_matches("www.")
}

/// What the company said, as an event's fact.
fn response(ds: &Dataset, e: &Event) -> String {
    let r = &e.response;
    if r.status == ResponseStatus::NotReported {
        return "Not reported.".to_string();
    }
    let text = match (r.text, r.quote) {
        ("", _) => String::new(),
        (t, true) => format!(" “{t}”"),
        (t, false) => format!(" {t}"),
    };
    let source = r.source.map(|i| format!(" ({})", ds.sources[i as usize].publisher)).unwrap_or_default();
    format!("{}.{text}{source}", r.status.label())
}

/// How the sources break down by kind, how often the responses of the rows (the companies) are on the record, and
/// the denylist.
fn sources_note(ds: &Dataset) -> String {
    let kinds = SourceKind::ALL.map(|k| ds.sources.iter().filter(|s| s.kind == k).count());
    let statuses = ResponseStatus::ALL.map(|st| ds.events.iter().filter(|e| e.response.status == st).count());
    format!(
        "Of the {} sources, {} are primary documents, {} original reporting read on the publisher's site, {} licensed \
         or wire copies (cited as the original, with where they were read) and {} write-ups of other reporting, which \
         never carry an event alone. Of the {} events, the reporting records that the {} responded in {}, \
         declined to comment in {} and did not respond in {}; for {} it reports no response either way. {} domains \
         (content farms, AI paraphrases, scrapers and look-alikes) are never cited; the list is in the data.",
        ds.sources.len(),
        kinds[0],
        kinds[1],
        kinds[2],
        kinds[3],
        ds.events.len(),
        ds.widget.row,
        statuses[0],
        statuses[1],
        statuses[2],
        statuses[3],
        ds.denylist.len()
    )
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
            o.push_str("<ul class=\"im-sources\" aria-label=\"Sources\">");
            for &src in c.sources {
                o.push_str("<li>");
                source(o, &ds.sources[src as usize]);
                let quotes: Vec<(&str, Vec<&str>)> =
                    c.evidence.iter().filter(|x| x.source == src).map(|x| (x.quote, Vec::new())).collect();
                said(o, &ds.sources[src as usize], &quotes, Quotes::Folded);
                o.push_str("</li>");
            }
            o.push_str("</ul></article>");
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
                said(o, &ds.sources[c.source as usize], &[(c.quote, Vec::new())], Quotes::Folded);
                o.push_str("</td></tr>");
            }
            o.push_str("</tbody></table>");
        }
        if !l.disputed.is_empty() {
            o.push_str(&format!("<p class=\"im-note\"><strong>Sources differ: </strong>{}</p>", escape(l.disputed)));
        }
        // The words behind the summary (and Sources differ), by source, in the order first quoted.
        let mut by_source: Vec<u16> = Vec::new();
        for x in l.evidence {
            if !by_source.contains(&x.source) {
                by_source.push(x.source);
            }
        }
        if !by_source.is_empty() {
            o.push_str("<ul class=\"im-sources\" aria-label=\"Sources\">");
            for src in by_source {
                o.push_str("<li>");
                source(o, &ds.sources[src as usize]);
                let quotes: Vec<(&str, Vec<&str>)> = l
                    .evidence
                    .iter()
                    .filter(|x| x.source == src)
                    .map(|x| {
                        (
                            x.quote,
                            vec![if x.field == EvidenceField::Disputed { "Sources differ" } else { "The letter" }],
                        )
                    })
                    .collect();
                said(o, &ds.sources[src as usize], &quotes, Quotes::Folded);
                o.push_str("</li>");
            }
            o.push_str("</ul>");
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
    o.push_str(&format!(
        "<section><h3>Sources and the right of reply</h3><p>{}</p></section>",
        escape(&sources_note(ds))
    ));
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
