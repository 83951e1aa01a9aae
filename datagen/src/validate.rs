//! Checks the dataset and resolves its references to indexes.
//!
//! Invariants established here, and relied on by the widget without further checks:
//! ids are unique per kind and made of `a-z`, `0-9` and `-`; every reference resolves; every event has a
//! date between 2018 and `updated`, at least one pressure type and at least one http(s) source; a URL
//! cited twice is cited the same way; outcome ranks are unique and the outcomes are sorted by rank.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::colour;
use crate::date::Date;
use crate::schema::{RawDataset, RawSource};

/// One thing wrong with the dataset: which record, which field, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub record: String,
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(record: impl Into<String>, field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { record: record.into(), field: field.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.record, self.message)
        } else {
            write!(f, "{}, field \"{}\": {}", self.record, self.field, self.message)
        }
    }
}

/// The earliest year an event may have.
pub const FIRST_YEAR: u16 = 2018;

#[derive(Debug, Clone)]
pub struct Sector {
    pub id: String,
    pub label: String,
    pub tech: bool,
}

#[derive(Debug, Clone)]
pub struct PressureType {
    pub id: String,
    pub label: String,
    pub short: String,
    pub definition: String,
    pub rule: String,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub id: String,
    pub label: String,
    pub short: String,
    pub glyph: String,
    pub color: String,
    /// Text colour for the fill, computed for contrast.
    pub ink: String,
    pub rank: u32,
    pub definition: String,
    pub rule: String,
}

#[derive(Debug, Clone)]
pub struct Company {
    pub id: String,
    pub name: String,
    pub sector: usize,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub url: String,
    pub publisher: String,
    pub via: String,
    pub title: String,
    pub title_note: String,
    pub date: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub company: usize,
    pub unit: String,
    pub date: Date,
    pub pressure_types: Vec<usize>,
    pub outcome: usize,
    pub summary: String,
    pub stakes: String,
    pub actors: String,
    pub people: Option<u32>,
    pub result: String,
    pub confidence: String,
    pub disputed: String,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Note {
    pub id: String,
    pub heading: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Correction {
    pub date: Date,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Count {
    pub date: Date,
    pub count: u32,
    pub qualifier: String,
    pub what: String,
    pub source: usize,
}

#[derive(Debug, Clone)]
pub struct Letter {
    pub id: String,
    pub name: String,
    pub date: Date,
    pub companies: Vec<usize>,
    pub summary: String,
    pub events: Vec<usize>,
    pub disputed: String,
    /// Sorted by date.
    pub counts: Vec<Count>,
}

#[derive(Debug, Clone)]
pub struct Context {
    pub id: String,
    /// True for reasons companies kept their ties; false for the case against.
    pub why_kept: bool,
    pub heading: String,
    pub text: String,
    pub events: Vec<usize>,
    pub sources: Vec<usize>,
}

/// The validated dataset with references resolved to indexes. Outcomes are sorted by rank and events by
/// date (then id); companies, sectors and pressure types keep the file's order.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub version: String,
    pub updated: Date,
    pub title: String,
    pub question: String,
    pub sectors: Vec<Sector>,
    pub pressure_types: Vec<PressureType>,
    pub outcomes: Vec<Outcome>,
    pub companies: Vec<Company>,
    pub events: Vec<Event>,
    pub sources: Vec<Source>,
    pub methodology: Vec<Note>,
    pub corrections: Vec<Correction>,
    pub letters: Vec<Letter>,
    pub context: Vec<Context>,
}

/// Validates `raw` and resolves it, or returns every problem found.
pub fn compile(raw: RawDataset) -> Result<Compiled, Vec<Problem>> {
    let mut p = Vec::new();
    let top = "dataset";
    nonempty(&mut p, top, "version", &raw.version);
    nonempty(&mut p, top, "title", &raw.title);
    nonempty(&mut p, top, "question", &raw.question);
    let updated = match Date::parse(&raw.updated) {
        Ok(d) if d.is_full() => d,
        Ok(_) => {
            p.push(Problem::new(top, "updated", "must be a full date, YYYY-MM-DD"));
            Date { y: 9999, m: 12, d: 31 }
        }
        Err(e) => {
            p.push(Problem::new(top, "updated", e));
            Date { y: 9999, m: 12, d: 31 }
        }
    };

    let sector_ix = index(&mut p, "sector", raw.sectors.iter().map(|s| s.id.as_str()));
    for s in &raw.sectors {
        nonempty(&mut p, &rec("sector", &s.id), "label", &s.label);
    }
    let pressure_ix = index(&mut p, "pressure type", raw.pressure_types.iter().map(|t| t.id.as_str()));
    for t in &raw.pressure_types {
        let r = rec("pressure type", &t.id);
        for (field, v) in [("label", &t.label), ("short", &t.short), ("definition", &t.definition), ("rule", &t.rule)] {
            nonempty(&mut p, &r, field, v);
        }
    }

    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut ranks = HashSet::new();
    for o in &raw.outcomes {
        let r = rec("outcome", &o.id);
        for (field, v) in [("label", &o.label), ("short", &o.short), ("glyph", &o.glyph), ("definition", &o.definition), ("rule", &o.rule)] {
            nonempty(&mut p, &r, field, v);
        }
        if !ranks.insert(o.rank) {
            p.push(Problem::new(&r, "rank", format!("rank {} is used by another outcome", o.rank)));
        }
        let ink = match colour::parse_hex(&o.color) {
            Some(rgb) => {
                let ink = colour::ink_for(rgb);
                let ratio = colour::contrast(rgb, colour::parse_hex(ink).expect("ink is hex"));
                if ratio < 4.5 {
                    p.push(Problem::new(&r, "color", format!(
                        "{} gives its text only {:.2}:1 (at least 4.5:1 is needed); pick a lighter or darker fill", o.color, ratio)));
                }
                ink.to_string()
            }
            None => {
                p.push(Problem::new(&r, "color", format!("\"{}\" is not a #rrggbb colour", o.color)));
                String::new()
            }
        };
        outcomes.push(Outcome {
            id: o.id.clone(),
            label: o.label.clone(),
            short: o.short.clone(),
            glyph: o.glyph.clone(),
            color: o.color.to_ascii_lowercase(),
            ink,
            rank: o.rank,
            definition: o.definition.clone(),
            rule: o.rule.clone(),
        });
    }
    outcomes.sort_by_key(|o| o.rank);
    let outcome_ix = index(&mut p, "outcome", outcomes.iter().map(|o| o.id.as_str()));

    let company_ix = index(&mut p, "company", raw.companies.iter().map(|c| c.id.as_str()));
    let mut companies = Vec::new();
    for c in &raw.companies {
        let r = rec("company", &c.id);
        nonempty(&mut p, &r, "name", &c.name);
        let sector = resolve(&mut p, &r, "sector", "sector", &sector_ix, &c.sector);
        companies.push(Company { id: c.id.clone(), name: c.name.clone(), sector, note: c.note.clone() });
    }

    let event_ids = index(&mut p, "event", raw.events.iter().map(|e| e.id.as_str()));
    let mut sources: Vec<Source> = Vec::new();
    let mut by_url: HashMap<String, usize> = HashMap::new();
    let mut events = Vec::new();
    let mut seen_events: HashMap<(String, String, String), String> = HashMap::new();
    for e in &raw.events {
        let r = rec("event", &e.id);
        let company = resolve(&mut p, &r, "company", "company", &company_ix, &e.company);
        let date = dated(&mut p, &r, "date", &e.date, updated);
        if e.pressure_types.is_empty() {
            p.push(Problem::new(&r, "pressure_types", "an event needs at least one pressure type"));
        }
        let mut pressure_types = Vec::new();
        for t in &e.pressure_types {
            let i = resolve(&mut p, &r, "pressure_types", "pressure type", &pressure_ix, t);
            if pressure_types.contains(&i) {
                p.push(Problem::new(&r, "pressure_types", format!("\"{t}\" is listed twice")));
            } else {
                pressure_types.push(i);
            }
        }
        let outcome = resolve(&mut p, &r, "outcome", "outcome", &outcome_ix, &e.outcome);
        nonempty(&mut p, &r, "summary", &e.summary);
        nonempty(&mut p, &r, "result", &e.result);
        if !matches!(e.confidence.as_str(), "high" | "medium") {
            p.push(Problem::new(&r, "confidence", format!("\"{}\" must be \"high\" or \"medium\"", e.confidence)));
        }
        if e.sources.is_empty() {
            p.push(Problem::new(&r, "sources", "an event needs at least one source"));
        }
        let ev_sources = add_sources(&mut p, &mut sources, &mut by_url, &r, &e.id, &e.sources);
        let key = (e.company.clone(), e.date.clone(), normalise(&e.summary));
        if let Some(other) = seen_events.insert(key, e.id.clone()) {
            p.push(Problem::new(&r, "summary", format!("duplicates event \"{other}\" (same company, date and summary)")));
        }
        events.push(Event {
            id: e.id.clone(),
            company,
            unit: e.unit.trim().to_string(),
            date,
            pressure_types,
            outcome,
            summary: e.summary.trim().to_string(),
            stakes: e.stakes.trim().to_string(),
            actors: e.actors.trim().to_string(),
            people: e.people,
            result: e.result.trim().to_string(),
            confidence: e.confidence.clone(),
            disputed: e.disputed.trim().to_string(),
            sources: ev_sources,
        });
    }

    // Everything defined should be used, or say why it is kept.
    let mut used_companies = vec![0; raw.companies.len()];
    let mut used_pressure = vec![0; raw.pressure_types.len()];
    let mut used_outcomes = vec![0; outcomes.len()];
    for e in &events {
        used_companies[e.company] += 1;
        used_outcomes[e.outcome] += 1;
        for &t in &e.pressure_types {
            used_pressure[t] += 1;
        }
    }
    let unused = |p: &mut Vec<Problem>, kind: &str, id: &str, n: usize, why: &str| match (n, why.trim().is_empty()) {
        (0, true) => p.push(Problem::new(rec(kind, id), "unused", "no event uses it: add events, remove it, or say why it is kept")),
        (n, false) if n > 0 => p.push(Problem::new(rec(kind, id), "unused", format!("says it is unused, but {n} event(s) use it"))),
        _ => {}
    };
    // Only on an otherwise sound file: a broken reference would make its target look unused.
    if p.is_empty() {
        for (c, n) in raw.companies.iter().zip(&used_companies) {
            unused(&mut p, "company", &c.id, *n, &c.unused);
        }
        for (t, n) in raw.pressure_types.iter().zip(&used_pressure) {
            unused(&mut p, "pressure type", &t.id, *n, &t.unused);
        }
        for o in &raw.outcomes {
            let n = outcome_ix.get(&o.id).map_or(1, |&i| used_outcomes[i]);
            unused(&mut p, "outcome", &o.id, n, &o.unused);
        }
    }

    // Events are stored by date; references to them are remapped to that order.
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| (events[a].date, &events[a].id).cmp(&(events[b].date, &events[b].id)));
    let mut position = vec![0; events.len()];
    for (pos, &i) in order.iter().enumerate() {
        position[i] = pos;
    }
    let event_ref = |p: &mut Vec<Problem>, r: &str, id: &str| -> usize {
        position.get(resolve(p, r, "events", "event", &event_ids, id)).copied().unwrap_or(0)
    };

    index(&mut p, "methodology", raw.methodology.iter().map(|n| n.id.as_str()));
    let mut methodology = Vec::new();
    for n in &raw.methodology {
        let r = rec("methodology", &n.id);
        nonempty(&mut p, &r, "heading", &n.heading);
        nonempty(&mut p, &r, "text", &n.text);
        methodology.push(Note { id: n.id.clone(), heading: n.heading.trim().to_string(), text: n.text.trim().to_string() });
    }
    index(&mut p, "correction", raw.corrections.iter().map(|c| c.id.as_str()));
    let mut corrections = Vec::new();
    for c in &raw.corrections {
        let r = rec("correction", &c.id);
        nonempty(&mut p, &r, "text", &c.text);
        let date = dated(&mut p, &r, "date", &c.date, updated);
        corrections.push(Correction { date, text: c.text.trim().to_string() });
    }
    corrections.sort_by_key(|c| std::cmp::Reverse(c.date));

    index(&mut p, "context", raw.context.iter().map(|c| c.id.as_str()));
    let mut context = Vec::new();
    for c in &raw.context {
        let r = rec("context", &c.id);
        let why_kept = match c.stance.as_str() {
            "why-kept" => true,
            "against" => false,
            other => {
                p.push(Problem::new(&r, "stance", format!("\"{other}\" must be \"why-kept\" or \"against\"")));
                true
            }
        };
        nonempty(&mut p, &r, "heading", &c.heading);
        nonempty(&mut p, &r, "text", &c.text);
        if c.sources.is_empty() {
            p.push(Problem::new(&r, "sources", "a point of context needs at least one source"));
        }
        let srcs = add_sources(&mut p, &mut sources, &mut by_url, &r, &c.id, &c.sources);
        let evs = c.events.iter().map(|id| event_ref(&mut p, &r, id)).collect();
        context.push(Context {
            id: c.id.clone(),
            why_kept,
            heading: c.heading.trim().to_string(),
            text: c.text.trim().to_string(),
            events: evs,
            sources: srcs,
        });
    }

    index(&mut p, "letter", raw.letters.iter().map(|l| l.id.as_str()));
    let mut letters = Vec::new();
    for l in &raw.letters {
        let r = rec("letter", &l.id);
        nonempty(&mut p, &r, "name", &l.name);
        nonempty(&mut p, &r, "summary", &l.summary);
        let date = dated(&mut p, &r, "date", &l.date, updated);
        let companies = l.companies.iter().map(|c| resolve(&mut p, &r, "companies", "company", &company_ix, c)).collect();
        let evs = l.events.iter().map(|id| event_ref(&mut p, &r, id)).collect();
        let mut counts = Vec::new();
        for (n, c) in l.counts.iter().enumerate() {
            let cr = format!("{r}, count {}", n + 1);
            nonempty(&mut p, &cr, "what", &c.what);
            let d = dated(&mut p, &cr, "date", &c.date, updated);
            let source = match by_url.get(c.url.trim()) {
                Some(&i) => i,
                None => {
                    p.push(Problem::new(&cr, "url", format!("{} is not cited by any event or point of context", c.url)));
                    0
                }
            };
            counts.push(Count { date: d, count: c.count, qualifier: c.qualifier.trim().to_string(), what: c.what.trim().to_string(), source });
        }
        counts.sort_by_key(|c| c.date);
        letters.push(Letter {
            id: l.id.clone(),
            name: l.name.trim().to_string(),
            date,
            companies,
            summary: l.summary.trim().to_string(),
            events: evs,
            disputed: l.disputed.trim().to_string(),
            counts,
        });
    }
    letters.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));

    if !p.is_empty() {
        return Err(p);
    }
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let events = order.iter().map(|&i| slots[i].take().expect("each index once")).collect();
    Ok(Compiled {
        version: raw.version,
        updated,
        title: raw.title,
        question: raw.question,
        sectors: raw.sectors.iter().map(|s| Sector { id: s.id.clone(), label: s.label.clone(), tech: s.tech }).collect(),
        pressure_types: raw
            .pressure_types
            .iter()
            .map(|t| PressureType {
                id: t.id.clone(),
                label: t.label.clone(),
                short: t.short.clone(),
                definition: t.definition.clone(),
                rule: t.rule.clone(),
            })
            .collect(),
        outcomes,
        companies,
        events,
        sources,
        methodology,
        corrections,
        letters,
        context,
    })
}

/// Parses a date that must fall between 2018 and the dataset's `updated` date.
fn dated(p: &mut Vec<Problem>, record: &str, field: &str, s: &str, updated: Date) -> Date {
    match Date::parse(s) {
        Ok(d) if d.y < FIRST_YEAR => {
            p.push(Problem::new(record, field, format!("{s} is before {FIRST_YEAR}, the start of the tracker")));
            d
        }
        Ok(d) if d > updated => {
            p.push(Problem::new(record, field, format!("{s} is after the dataset's updated date {updated}")));
            d
        }
        Ok(d) => d,
        Err(msg) => {
            p.push(Problem::new(record, field, msg));
            Date { y: 0, m: 0, d: 0 }
        }
    }
}

/// Checks a record's sources and adds each new URL to the shared list; returns their indexes.
/// A URL cited twice must be cited the same way (publisher, title, date).
fn add_sources(
    p: &mut Vec<Problem>,
    sources: &mut Vec<Source>,
    by_url: &mut HashMap<String, usize>,
    record: &str,
    owner_id: &str,
    raw: &[RawSource],
) -> Vec<usize> {
    let mut out = Vec::new();
    for (n, s) in raw.iter().enumerate() {
        let sr = format!("{record}, source {}", n + 1);
        let Some(src) = check_source(p, &sr, s) else { continue };
        let ix = match by_url.get(&src.url) {
            Some(&ix) => {
                let first = &sources[ix];
                if (&first.publisher, &first.title, first.date) != (&src.publisher, &src.title, src.date) {
                    p.push(Problem::new(&sr, "url", format!(
                        "{} is cited elsewhere (as {}) with a different publisher, title or date", src.url, first.id)));
                }
                ix
            }
            None => {
                let ix = sources.len();
                by_url.insert(src.url.clone(), ix);
                sources.push(Source { id: format!("{owner_id}-s{}", n + 1), ..src });
                ix
            }
        };
        if out.contains(&ix) {
            p.push(Problem::new(&sr, "url", "the same source is listed twice"));
        } else {
            out.push(ix);
        }
    }
    out
}

fn rec(kind: &str, id: &str) -> String {
    format!("{kind} \"{id}\"")
}

fn nonempty(p: &mut Vec<Problem>, record: &str, field: &str, v: &str) {
    if v.trim().is_empty() {
        p.push(Problem::new(record, field, "is empty"));
    }
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Checks ids for shape and uniqueness and maps each to its position.
fn index<'a>(p: &mut Vec<Problem>, kind: &str, ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        let r = if id.is_empty() { format!("{kind} #{}", i + 1) } else { rec(kind, id) };
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            p.push(Problem::new(&r, "id", "must be non-empty and use only a-z, 0-9 and -"));
        }
        if map.insert(id.to_string(), i).is_some() {
            p.push(Problem::new(&r, "id", format!("duplicate id: another {kind} is also \"{id}\"")));
        }
    }
    map
}

fn resolve(p: &mut Vec<Problem>, record: &str, field: &str, kind: &str, ix: &HashMap<String, usize>, id: &str) -> usize {
    match ix.get(id) {
        Some(&i) => i,
        None => {
            p.push(Problem::new(record, field, format!("unknown {kind} \"{id}\"")));
            0
        }
    }
}

fn check_source(p: &mut Vec<Problem>, record: &str, s: &RawSource) -> Option<Source> {
    let before = p.len();
    let url = s.url.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') && !url.contains(char::is_whitespace) => {}
        _ => p.push(Problem::new(record, "url", format!("\"{url}\" is not an http(s) link"))),
    }
    nonempty(p, record, "publisher", &s.publisher);
    nonempty(p, record, "title", &s.title);
    let date = match &s.date {
        None => None,
        Some(d) => match Date::parse(d) {
            Ok(d) => Some(d),
            Err(msg) => {
                p.push(Problem::new(record, "date", msg));
                None
            }
        },
    };
    (p.len() == before).then(|| Source {
        id: String::new(),
        url: url.to_string(),
        publisher: s.publisher.trim().to_string(),
        via: s.via.trim().to_string(),
        title: s.title.trim().to_string(),
        title_note: s.title_note.trim().to_string(),
        date,
    })
}
