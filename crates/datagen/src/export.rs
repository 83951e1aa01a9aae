//! The files the build publishes from the dataset: the JSON download (the public contract, documented in
//! `docs/dataset.md`), the CSV downloads (`events.csv`, one row per event and source; `sources.csv`;
//! `evidence.csv`, one row per piece of evidence), the Frictionless Data Package that describes them, and the
//! outcome palette as CSS.

use ice_matrix_core::model::{Dataset, Evidence, EvidenceField, SourceKind};
use serde_json::{Value, json};

/// An optional text: `null` when empty.
fn opt(s: &str) -> Value {
    if s.is_empty() { Value::Null } else { Value::from(s) }
}

/// The downloads the build publishes in `data/`, by file name, `dataset.json` first (its hash is the content
/// hash a citation gives).
pub fn data_files(ds: &Dataset) -> [(&'static str, String); 5] {
    [
        ("dataset.json", json(ds)),
        ("events.csv", csv(ds)),
        ("sources.csv", sources_csv(ds)),
        ("evidence.csv", evidence_csv(ds)),
        ("datapackage.json", datapackage(ds)),
    ]
}

/// The whole dataset as JSON, with ids in place of indexes, keys in the documented order.
pub fn json(ds: &Dataset) -> String {
    let w = &ds.widget;
    let company = |c: u16| ds.companies[c as usize].id;
    let event = |e: u16| ds.events[e as usize].id;
    let source = |s: u16| ds.sources[s as usize].id;
    let pressure = |p: u8| ds.pressure_types[p as usize].id;
    let evidence = |list: &[Evidence]| -> Vec<Value> {
        list.iter().map(|x| json!({"field": x.field.id(), "source": source(x.source), "quote": x.quote})).collect()
    };
    let lists: Vec<(&str, Vec<Value>)> = vec![
        ("sectors", ds.sectors.iter().map(|x| json!({"id": x.id, "label": x.label, "tech": x.tech})).collect()),
        (
            "companies",
            ds.companies
                .iter()
                .map(|x| {
                    let sector = &ds.sectors[x.sector as usize];
                    json!({"id": x.id, "name": x.name, "aliases": x.aliases, "sector": sector.id, "tech": sector.tech,
                           "wikidata": opt(x.wikidata)})
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
                        "evidence": evidence(e.evidence),
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
                            "qualifier": opt(c.qualifier), "what": c.what, "source": source(c.source),
                            "quote": c.quote})).collect::<Vec<_>>(),
                        "evidence": evidence(l.evidence),
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
                        "evidence": evidence(c.evidence),
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

/// A CSV file from its rows: RFC 4180 quoting and CRLF; UTF-8 with a byte-order mark so that spreadsheets
/// detect the encoding.
fn table(fill: impl FnOnce(&mut dyn FnMut(&[&str]))) -> String {
    let mut out =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer("\u{feff}".as_bytes().to_vec());
    fill(&mut |row: &[&str]| out.write_record(row).expect("writing to memory cannot fail"));
    let bytes = out.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("the dataset's texts are UTF-8")
}

/// `events.csv`: one row per event and source.
pub fn csv(ds: &Dataset) -> String {
    table(|write| events_rows(ds, write))
}

fn events_rows(ds: &Dataset, write: &mut dyn FnMut(&[&str])) {
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
}

/// The columns of `sources.csv`, in order.
pub const SOURCES_HEADER: [&str; 11] = [
    "source_id",
    "kind",
    "url",
    "publisher",
    "title",
    "title_note",
    "date",
    "read_at",
    "via",
    "archived",
    "archived_date",
];

/// `sources.csv`: one row per source, as every event cites it.
pub fn sources_csv(ds: &Dataset) -> String {
    table(|write| {
        write(&SOURCES_HEADER);
        for x in ds.sources {
            let date = x.date.map(|d| d.iso()).unwrap_or_default();
            let archived_date = x.archived_date.map(|d| d.iso()).unwrap_or_default();
            write(&[
                x.id,
                x.kind.id(),
                x.url,
                x.publisher,
                x.title,
                x.title_note,
                &date,
                x.read_at,
                x.via,
                x.archived,
                &archived_date,
            ]);
        }
    })
}

/// The columns of `evidence.csv`, in order.
pub const EVIDENCE_HEADER: [&str; 4] = ["event_id", "field", "source_id", "quote"];

/// `evidence.csv`: one row per piece of an event's evidence, in the events' order (the letters' and the points of
/// context's are in the JSON).
pub fn evidence_csv(ds: &Dataset) -> String {
    table(|write| {
        write(&EVIDENCE_HEADER);
        for e in ds.events {
            for x in e.evidence {
                write(&[e.id, x.field.id(), ds.sources[x.source as usize].id, x.quote]);
            }
        }
    })
}

/// `datapackage.json`: a Frictionless Data Package (v1) describing the three CSV files, with a Table Schema
/// for each and the foreign keys between them. A piece of evidence points at an (event, source) row of
/// `events.csv`, so a validator checks that the source is one the event cites.
pub fn datapackage(ds: &Dataset) -> String {
    let string = |name: &str, description: &str| json!({"name": name, "type": "string", "description": description});
    let required = |name: &str, description: &str| json!({"name": name, "type": "string", "description": description, "constraints": {"required": true}});
    let one_of = |name: &str, description: &str, values: Vec<&str>| {
        json!({"name": name, "type": "string", "description": description,
               "constraints": {"required": true, "enum": values}})
    };
    // Dates are given to the precision known (YYYY, YYYY-MM or YYYY-MM-DD), so they are strings with a pattern.
    let date = |name: &str, description: &str, required: bool| {
        json!({"name": name, "type": "string", "description": description,
               "constraints": {"required": required, "pattern": "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"}})
    };
    let resource = |name: &str, description: &str, fields: Vec<Value>, keys: Value, foreign: Vec<Value>| {
        json!({
            "name": name, "path": format!("{name}.csv"), "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig", "description": description,
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "header": true},
            "schema": {"fields": fields, "primaryKey": keys, "foreignKeys": foreign, "missingValues": [""]},
        })
    };
    let events = resource(
        "events",
        "One row per event and source: what happened, what came of it, and each source it cites.",
        vec![
            required("event_id", "The event's id"),
            date("date", "When the pressure happened, to the precision known", true),
            required("company_id", "The company's id"),
            required("company", "The company's name"),
            one_of("sector", "The company's sector", ds.sectors.iter().map(|x| x.id).collect()),
            string("unit", "The subsidiary, product or division at issue"),
            required("pressure_types", "The types of pressure, by id, separated by ';'"),
            one_of("outcome", "What came of it, on the outcome scale", ds.outcomes.iter().map(|x| x.id).collect()),
            required("summary", "What happened"),
            required("result", "What came of it"),
            one_of(
                "confidence",
                "How well the sources support the event",
                ds.widget.confidence.iter().map(|x| x.id).collect(),
            ),
            required("source_id", "One of the sources the event cites"),
            string("source_url", "The source's address"),
            required("source_publisher", "The source's publisher"),
            required("source_title", "The source's headline"),
            date("source_date", "The source's date", false),
        ],
        json!(["event_id", "source_id"]),
        vec![json!({"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}})],
    );
    let sources = resource(
        "sources",
        "One row per source: the original's publisher, headline and date, and where a copy was read.",
        vec![
            required("source_id", "The source's id"),
            one_of("kind", "primary, original, copy or secondary", SourceKind::ALL.iter().map(|k| k.id()).collect()),
            string("url", "The original's address, when known"),
            required("publisher", "The original's publisher"),
            required("title", "The original's headline"),
            string("title_note", "Why the headline is not the page's own, where it is not"),
            date("date", "The original's date", false),
            string("read_at", "Where a copy was read"),
            string("via", "What the copy is"),
            string("archived", "An archived copy's address"),
            date("archived_date", "When it was archived", false),
        ],
        json!(["source_id"]),
        vec![],
    );
    let evidence = resource(
        "evidence",
        "One row per piece of evidence: the words of a source the event cites that support one of its prose fields, copied verbatim from the page read.",
        vec![
            required("event_id", "The event's id"),
            one_of(
                "field",
                "The event's field the quote supports",
                EvidenceField::ALL.iter().filter(|&&f| f != EvidenceField::Text).map(|f| f.id()).collect(),
            ),
            required("source_id", "The source quoted, one the event cites"),
            json!({"name": "quote", "type": "string", "description": "The source's own words, with … for cuts",
                   "constraints": {"required": true}}),
        ],
        json!(["event_id", "field", "source_id", "quote"]),
        vec![
            json!({"fields": ["event_id", "source_id"], "reference": {"resource": "events", "fields": ["event_id", "source_id"]}}),
            json!({"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}),
        ],
    );
    let package = json!({
        "profile": "tabular-data-package",
        "name": ds.widget.file_stem.to_ascii_lowercase(),
        "title": ds.title,
        "description": ds.question,
        "version": ds.version,
        "created": format!("{}T00:00:00Z", ds.updated.iso()),
        "resources": [events, sources, evidence],
    });
    let mut out = serde_json::to_string_pretty(&package).expect("a JSON value always serialises");
    out.push('\n');
    out
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
