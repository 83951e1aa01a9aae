//! Files generated from the dataset for the browser and for readers who download the data:
//! the outcome palette as CSS classes, the dataset as JSON (a public contract, see the README) and the
//! events as CSV (one row per event and source).

use serde::Serialize;

use crate::date::Date;
use crate::validate::Compiled;

/// One class per outcome, `.o-<id>`, with the fill and its computed text colour.
pub fn css(c: &Compiled) -> String {
    let mut out = String::from("/* Generated from data/dataset.toml by datagen. Do not edit. */\n");
    for o in &c.outcomes {
        out.push_str(&format!(".o-{}{{--fill:{};--ink:{}}}\n", o.id, o.color, o.ink));
    }
    out
}

#[derive(Serialize)]
struct Json<'a> {
    version: &'a str,
    updated: String,
    title: &'a str,
    question: &'a str,
    sectors: Vec<JSector<'a>>,
    companies: Vec<JCompany<'a>>,
    pressure_types: Vec<JPressure<'a>>,
    outcomes: Vec<JOutcome<'a>>,
    events: Vec<JEvent<'a>>,
    sources: Vec<JSource<'a>>,
}
#[derive(Serialize)]
struct JSector<'a> {
    id: &'a str,
    label: &'a str,
    tech: bool,
}
#[derive(Serialize)]
struct JCompany<'a> {
    id: &'a str,
    name: &'a str,
    sector: &'a str,
    tech: bool,
}
#[derive(Serialize)]
struct JPressure<'a> {
    id: &'a str,
    label: &'a str,
    definition: &'a str,
    rule: &'a str,
}
#[derive(Serialize)]
struct JOutcome<'a> {
    id: &'a str,
    label: &'a str,
    definition: &'a str,
    rule: &'a str,
    rank: u32,
    color: &'a str,
    glyph: &'a str,
}
#[derive(Serialize)]
struct JEvent<'a> {
    id: &'a str,
    company: &'a str,
    unit: Option<&'a str>,
    date: String,
    pressure_types: Vec<&'a str>,
    outcome: &'a str,
    summary: &'a str,
    stakes: Option<&'a str>,
    actors: Option<&'a str>,
    people: Option<u32>,
    result: &'a str,
    confidence: &'a str,
    disputed: Option<&'a str>,
    sources: Vec<&'a str>,
}
#[derive(Serialize)]
struct JSource<'a> {
    id: &'a str,
    url: &'a str,
    publisher: &'a str,
    via: Option<&'a str>,
    title: &'a str,
    title_note: Option<&'a str>,
    date: Option<String>,
}

fn opt(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// The dataset as JSON, ids instead of indexes.
pub fn json(c: &Compiled) -> String {
    let doc = Json {
        version: &c.version,
        updated: c.updated.to_string(),
        title: &c.title,
        question: &c.question,
        sectors: c.sectors.iter().map(|s| JSector { id: &s.id, label: &s.label, tech: s.tech }).collect(),
        companies: c
            .companies
            .iter()
            .map(|x| JCompany { id: &x.id, name: &x.name, sector: &c.sectors[x.sector].id, tech: c.sectors[x.sector].tech })
            .collect(),
        pressure_types: c
            .pressure_types
            .iter()
            .map(|p| JPressure { id: &p.id, label: &p.label, definition: &p.definition, rule: &p.rule })
            .collect(),
        outcomes: c
            .outcomes
            .iter()
            .map(|o| JOutcome {
                id: &o.id,
                label: &o.label,
                definition: &o.definition,
                rule: &o.rule,
                rank: o.rank,
                color: &o.color,
                glyph: &o.glyph,
            })
            .collect(),
        events: c
            .events
            .iter()
            .map(|e| JEvent {
                id: &e.id,
                company: &c.companies[e.company].id,
                unit: opt(&e.unit),
                date: e.date.to_string(),
                pressure_types: e.pressure_types.iter().map(|&p| c.pressure_types[p].id.as_str()).collect(),
                outcome: &c.outcomes[e.outcome].id,
                summary: &e.summary,
                stakes: opt(&e.stakes),
                actors: opt(&e.actors),
                people: e.people,
                result: &e.result,
                confidence: &e.confidence,
                disputed: opt(&e.disputed),
                sources: e.sources.iter().map(|&s| c.sources[s].id.as_str()).collect(),
            })
            .collect(),
        sources: c
            .sources
            .iter()
            .map(|s| JSource {
                id: &s.id,
                url: &s.url,
                publisher: &s.publisher,
                via: opt(&s.via),
                title: &s.title,
                title_note: opt(&s.title_note),
                date: s.date.map(|d: Date| d.to_string()),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).expect("plain data serialises") + "\n"
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 16] = [
    "event_id", "date", "company_id", "company", "sector", "unit", "pressure_types", "outcome", "summary", "result",
    "confidence", "source_id", "source_url", "source_publisher", "source_title", "source_date",
];

/// One row per event and source, RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM so spreadsheets
/// detect the encoding.
pub fn csv(c: &Compiled) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, CSV_HEADER.iter().map(|s| s.to_string()));
    for e in &c.events {
        let company = &c.companies[e.company];
        for &s in &e.sources {
            let s = &c.sources[s];
            let pressure: Vec<&str> = e.pressure_types.iter().map(|&p| c.pressure_types[p].id.as_str()).collect();
            push_row(
                &mut out,
                [
                    e.id.clone(),
                    e.date.to_string(),
                    company.id.clone(),
                    company.name.clone(),
                    c.sectors[company.sector].id.clone(),
                    e.unit.clone(),
                    pressure.join(";"),
                    c.outcomes[e.outcome].id.clone(),
                    e.summary.clone(),
                    e.result.clone(),
                    e.confidence.clone(),
                    s.id.clone(),
                    s.url.clone(),
                    s.publisher.clone(),
                    s.title.clone(),
                    s.date.map(|d| d.to_string()).unwrap_or_default(),
                ]
                .into_iter(),
            );
        }
    }
    out
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
}
