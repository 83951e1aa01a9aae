//! The files the build publishes from the dataset: the JSON download (the public contract, documented in
//! `docs/dataset.md`), the CSV download (one row per event and source) and the outcome palette as CSS.

use ice_matrix_core::model::Dataset;
use serde_json::{Value, json};

/// An optional text: `null` when empty.
fn opt(s: &str) -> Value {
    if s.is_empty() { Value::Null } else { Value::from(s) }
}

/// The whole dataset as JSON, with ids in place of indexes, keys in the documented order.
pub fn json(ds: &Dataset) -> String {
    let w = &ds.widget;
    let company = |c: u16| ds.companies[c as usize].id;
    let event = |e: u16| ds.events[e as usize].id;
    let source = |s: u16| ds.sources[s as usize].id;
    let pressure = |p: u8| ds.pressure_types[p as usize].id;
    let lists: Vec<(&str, Vec<Value>)> = vec![
        ("sectors", ds.sectors.iter().map(|x| json!({"id": x.id, "label": x.label, "tech": x.tech})).collect()),
        (
            "companies",
            ds.companies
                .iter()
                .map(|x| {
                    let sector = &ds.sectors[x.sector as usize];
                    json!({"id": x.id, "name": x.name, "aliases": x.aliases, "sector": sector.id, "tech": sector.tech})
                })
                .collect(),
        ),
        (
            "pressure_types",
            ds.pressure_types
                .iter()
                .map(|x| json!({"id": x.id, "label": x.label, "short": x.short, "definition": x.definition, "rule": x.rule}))
                .collect(),
        ),
        (
            "outcomes",
            ds.outcomes
                .iter()
                .map(|x| {
                    json!({"id": x.id, "label": x.label, "short": x.short, "definition": x.definition, "rule": x.rule,
                           "rank": x.rank, "color": x.color, "glyph": x.glyph})
                })
                .collect(),
        ),
        (
            "events",
            ds.events
                .iter()
                .map(|e| {
                    json!({
                        "id": e.id, "company": company(e.company), "unit": opt(e.unit), "date": e.date.iso(),
                        "pressure_types": e.pressure_types.iter().map(|&p| pressure(p)).collect::<Vec<_>>(),
                        "outcome": ds.outcomes[e.outcome as usize].id, "summary": e.summary, "stakes": opt(e.stakes),
                        "actors": opt(e.actors), "people": e.people, "result": e.result,
                        "confidence": w.confidence[e.confidence as usize].id, "disputed": opt(e.disputed),
                        "response": {
                            "status": e.response.status.id(), "text": opt(e.response.text), "quote": e.response.quote,
                            "source": e.response.source.map(source),
                        },
                        "sources": e.sources.iter().map(|&s| source(s)).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        ),
        (
            "sources",
            ds.sources
                .iter()
                .map(|x| {
                    let archived = (!x.archived.is_empty())
                        .then(|| json!({"url": x.archived, "date": x.archived_date.map(|d| d.iso())}));
                    json!({"id": x.id, "kind": x.kind.id(), "url": opt(x.url), "publisher": x.publisher, "title": x.title,
                           "title_note": opt(x.title_note), "date": x.date.map(|d| d.iso()), "read_at": opt(x.read_at),
                           "via": opt(x.via), "archived": archived})
                })
                .collect(),
        ),
        (
            "letters",
            ds.letters
                .iter()
                .map(|l| {
                    json!({
                        "id": l.id, "name": l.name, "date": l.date.iso(),
                        "companies": l.companies.iter().map(|&c| company(c)).collect::<Vec<_>>(),
                        "summary": l.summary, "events": l.events.iter().map(|&e| event(e)).collect::<Vec<_>>(),
                        "disputed": opt(l.disputed),
                        "counts": l.counts.iter().map(|c| json!({"date": c.date.iso(), "count": c.count,
                            "qualifier": opt(c.qualifier), "what": c.what, "source": source(c.source)})).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        ),
        (
            "context",
            ds.context
                .iter()
                .map(|c| {
                    json!({
                        "id": c.id, "stance": w.stances[c.stance as usize].id, "heading": c.heading, "text": c.text,
                        "events": c.events.iter().map(|&e| event(e)).collect::<Vec<_>>(),
                        "sources": c.sources.iter().map(|&s| source(s)).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        ),
        ("methodology", ds.methodology.iter().map(|n| json!({"id": n.id, "heading": n.heading, "text": n.text})).collect()),
        ("corrections", ds.corrections.iter().map(|c| json!({"date": c.date.iso(), "text": c.text})).collect()),
        (
            "releases",
            ds.releases
                .iter()
                .map(|r| {
                    json!({
                        "version": r.version, "date": r.date.iso(), "note": r.note, "added": r.added, "removed": r.removed,
                        "recoded": r.recoded.iter().map(|x| json!({
                            "event": x.event,
                            "from": ds.outcomes[x.from as usize].id,
                            "to": ds.outcomes[x.to as usize].id,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        ),
        ("denylist", ds.denylist.iter().map(|d| json!({"domain": d.domain, "reason": d.reason})).collect()),
    ];
    let head = json!({
        "version": ds.version, "updated": ds.updated.iso(), "title": ds.title, "question": ds.question,
        "summary": ds.summary,
        "widget": {
            "since": w.since, "row": w.row, "rows": w.rows, "row_heading": w.row_heading, "rows_heading": w.rows_heading,
            "caption": w.caption, "switch": w.switch, "file_stem": w.file_stem,
            "context": {"title": w.context_title, "lede": w.context_lede,
                        "stances": w.stances.iter().map(|s| json!({"id": s.id, "heading": s.heading})).collect::<Vec<_>>()},
            "movement": {"title": w.movement_title, "lede": w.movement_lede},
            "confidence": w.confidence.iter().map(|c| json!({"id": c.id, "note": c.note})).collect::<Vec<_>>(),
        },
    });
    let mut top = match head {
        Value::Object(map) => map,
        _ => unreachable!("json! of an object literal is an object"),
    };
    for (key, items) in lists {
        top.insert(key.to_string(), Value::Array(items));
    }
    let mut out = serde_json::to_string_pretty(&top).expect("a JSON value always serialises");
    out.push('\n');
    out
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 16] = [
    "event_id",
    "date",
    "company_id",
    "company",
    "sector",
    "unit",
    "pressure_types",
    "outcome",
    "summary",
    "result",
    "confidence",
    "source_id",
    "source_url",
    "source_publisher",
    "source_title",
    "source_date",
];

/// One row per event and source; RFC 4180 quoting and CRLF; UTF-8 with a byte-order mark so that
/// spreadsheets detect the encoding.
pub fn csv(ds: &Dataset) -> String {
    let mut out =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer("\u{feff}".as_bytes().to_vec());
    let mut write = |row: &[&str]| out.write_record(row).expect("writing to memory cannot fail");
    write(&CSV_HEADER);
    for e in ds.events {
        let company = &ds.companies[e.company as usize];
        let pressure: Vec<&str> = e.pressure_types.iter().map(|&p| ds.pressure_types[p as usize].id).collect();
        let (date, pressure) = (e.date.iso(), pressure.join(";"));
        for &x in e.sources {
            let src = &ds.sources[x as usize];
            let src_date = src.date.map(|d| d.iso()).unwrap_or_default();
            write(&[
                e.id,
                &date,
                company.id,
                company.name,
                ds.sectors[company.sector as usize].id,
                e.unit,
                &pressure,
                ds.outcomes[e.outcome as usize].id,
                e.summary,
                e.result,
                ds.widget.confidence[e.confidence as usize].id,
                src.id,
                src.url,
                src.publisher,
                src.title,
                &src_date,
            ]);
        }
    }
    let bytes = out.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("the dataset's texts are UTF-8")
}

/// The outcome palette as CSS (`.o-<id>` and `[data-o=<id>]` set `--fill`, `--ink`, `--glyph` and `--short`),
/// so that the page needs no inline styles and the colours stay data. A matrix cell draws its glyph and short
/// label from `--glyph` and `--short` (`::before`, above its count), so a cell is one element and its count.
pub fn palette_css(ds: &Dataset) -> String {
    let mut out = String::from("/* Generated from the dataset file. Do not edit. */\n");
    for o in ds.outcomes {
        out.push_str(&format!(
            ".o-{0},[data-o={0}]{{--fill:{1};--ink:{2};--glyph:{3};--short:{4}}}\n",
            o.id,
            o.color,
            o.ink,
            css_string(o.glyph),
            css_string(o.short)
        ));
    }
    out
}

/// A CSS string literal: quoted, with quotes, backslashes and line breaks escaped.
pub fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push_str("\\a "),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}
