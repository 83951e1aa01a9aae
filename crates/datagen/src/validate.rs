//! Checks the dataset as written and builds the core's [`Dataset`] from it, references resolved to indexes.
//!
//! Invariants established here, and relied on by the widget without further checks:
//! - ids are unique per kind and made of `a-z`, `0-9` and `-`; every reference resolves;
//! - every dated record (events, letters and their counts, corrections) falls between the tracker's first year
//!   (`[widget] since`) and `updated`; a source may be older (background reporting);
//! - every event has at least one pressure type and at least one source that stands alone (a primary document,
//!   original reporting, or a licensed copy of it), and a confidence level and (for context) a stance that the
//!   `[widget]` table names;
//! - no source is on a denied domain or at a staging, preprod, AMP, mobile or tracking-parameter address;
//! - the version is made of letters, digits, `.` and `-` (it names a folder, `v/<version>/`);
//! - releases are in order of version and date, the last is this version, and each names only events that
//!   exist (or that a later release removed) and outcomes that exist;
//! - a URL cited twice is cited the same way; outcome ranks are unique and outcomes are sorted by rank;
//! - no text holds a control character but newline and tab (the fragments file is split on U+001F);
//! - the counts stay within what the indexes hold: [`MAX_OUTCOMES`], [`MAX_SECTORS`], [`MAX_PRESSURE_TYPES`]
//!   and [`MAX_RECORDS`].
//!
//! The dataset is built once per process (the build script, the site tool, a test), so its texts are leaked
//! to give the `'static` tables the widget's generated source also has.

use std::collections::{HashMap, HashSet};

use ice_matrix_core::model::{
    Company, Confidence, Context, Correction, Count, Dataset, Date, Denied, Event, Evidence, EvidenceField, Letter,
    MAX_OUTCOMES, MAX_PRESSURE_TYPES, MAX_RECORDS, MAX_SECTORS, Note, Outcome, PressureType, Recode, Release, Response,
    ResponseStatus, Sector, Source, SourceKind, Stance, Widget,
};

use crate::problem::{Problem, record};
use crate::schema::{RawDataset, RawEvent, RawEvidence, RawResponse, RawSource, RawWidget};
use crate::{colour, date, evidence, summary};

/// Validates `raw` and builds the dataset, or returns every problem found.
pub fn compile(raw: RawDataset) -> Result<&'static Dataset, Vec<Problem>> {
    let mut c = Check::default();
    let top = "dataset";
    let version = c.required(top, "version", &raw.version);
    let folder = raw.version.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    if !folder || !raw.version.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        c.push(
            top,
            "version",
            "must start with a letter or digit and use only letters, digits, '.' and '-': it names the folder of the pinned copy",
        );
    }
    let title = c.required(top, "title", &raw.title);
    let question = c.required(top, "question", &raw.question);
    let updated = match date::parse(&raw.updated) {
        Ok(d) if d.is_full() => d,
        Ok(_) => {
            c.push(top, "updated", "must be a full date, YYYY-MM-DD");
            Date { y: 9999, m: 12, d: 31 }
        }
        Err(e) => {
            c.push(top, "updated", e);
            Date { y: 9999, m: 12, d: 31 }
        }
    };
    let widget = widget(&mut c, &raw.widget, updated);
    let span = Span { since: widget.since, updated };
    let stance_ix = c.ids("stance", widget.stances.iter().map(|s| s.id));
    let confidence_ix = c.ids("confidence level", widget.confidence.iter().map(|l| l.id));

    c.limit("sector", raw.sectors.iter().map(|s| s.id.as_str()), MAX_SECTORS, "sectors are indexed by a byte");
    let sector_ix = c.ids("sector", raw.sectors.iter().map(|s| s.id.as_str()));
    let sectors: Vec<Sector> = raw
        .sectors
        .iter()
        .map(|s| Sector {
            id: leak(&s.id),
            label: c.required(&record("sector", &s.id), "label", &s.label),
            tech: s.tech,
        })
        .collect();

    c.limit(
        "pressure type",
        raw.pressure_types.iter().map(|t| t.id.as_str()),
        MAX_PRESSURE_TYPES,
        "they are indexed by a byte",
    );
    let pressure_ix = c.ids("pressure type", raw.pressure_types.iter().map(|t| t.id.as_str()));
    let pressure_types: Vec<PressureType> = raw
        .pressure_types
        .iter()
        .map(|t| {
            let r = record("pressure type", &t.id);
            PressureType {
                id: leak(&t.id),
                label: c.required(&r, "label", &t.label),
                short: c.required(&r, "short", &t.short),
                definition: c.required(&r, "definition", &t.definition),
                rule: c.required(&r, "rule", &t.rule),
            }
        })
        .collect();

    let outcomes = outcomes(&mut c, &raw);
    let outcome_ix = c.ids("outcome", outcomes.iter().map(|o| o.id));

    c.limit("company", raw.companies.iter().map(|x| x.id.as_str()), MAX_RECORDS, "rows are indexed by 16 bits");
    let company_ix = c.ids("company", raw.companies.iter().map(|x| x.id.as_str()));
    // Names and aliases are what the search box matches: each must lead to one company.
    let mut names: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for x in &raw.companies {
        for (field, n) in std::iter::once(("name", &x.name)).chain(x.aliases.iter().map(|a| ("aliases", a))) {
            let key = n.trim().to_lowercase();
            if field == "aliases" && (key.is_empty() || n.chars().count() > 60) {
                c.push(&record("company", &x.id), field, format!("alias \"{n}\" must be 1 to 60 characters"));
            }
            match names.get(&key) {
                Some(other) if *other != x.id.as_str() => c.push(
                    &record("company", &x.id),
                    field,
                    format!(
                        "\"{n}\" is also a name or alias of company \"{other}\": a search must lead to one company"
                    ),
                ),
                Some(_) if field == "aliases" => {
                    c.push(&record("company", &x.id), field, format!("\"{n}\" is given twice"))
                }
                _ => {
                    names.insert(key, x.id.as_str());
                }
            }
        }
    }
    let companies: Vec<Company> = raw
        .companies
        .iter()
        .map(|x| {
            let r = record("company", &x.id);
            Company {
                id: leak(&x.id),
                name: c.required(&r, "name", &x.name),
                aliases: slice(x.aliases.iter().map(|a| c.text(&r, "aliases", a)).collect()),
                sector: c.resolve(&r, "sector", "sector", &sector_ix, &x.sector) as u8,
                wikidata: wikidata(&mut c, &r, &x.wikidata),
                note: c.text(&r, "note", &x.note),
            }
        })
        .collect();

    let denylist: Vec<Denied> = raw
        .denylist
        .iter()
        .map(|d| {
            let r = record("denied domain", &d.domain);
            if d.domain.is_empty() || d.domain.contains(['/', ':', ' ']) || !d.domain.contains('.') {
                c.push(&r, "domain", "must be a bare domain such as example.com");
            }
            Denied { domain: leak(&d.domain.to_ascii_lowercase()), reason: c.required(&r, "reason", &d.reason) }
        })
        .collect();

    c.limit("event", raw.events.iter().map(|e| e.id.as_str()), MAX_RECORDS, "events are indexed by 16 bits");
    let event_ids = c.ids("event", raw.events.iter().map(|e| e.id.as_str()));
    let mut sources = Sources { denied: &denylist, ..Sources::default() };
    let refs = Refs { company: &company_ix, pressure: &pressure_ix, outcome: &outcome_ix, confidence: &confidence_ix };
    let mut events: Vec<Event> = Vec::with_capacity(raw.events.len());
    let mut seen: HashMap<(String, String, String), String> = HashMap::new();
    for e in &raw.events {
        events.push(event(&mut c, e, &refs, span, &mut sources));
        let key = (e.company.clone(), e.date.clone(), normalise(&e.summary));
        if let Some(other) = seen.insert(key, e.id.clone()) {
            c.push(
                &record("event", &e.id),
                "summary",
                format!("duplicates event \"{other}\" (same company, date and summary)"),
            );
        }
    }
    // Only on an otherwise sound file: a broken reference would make its target look unused.
    if c.problems.is_empty() {
        unused(&mut c, &raw, &events, &outcome_ix);
    }

    // Events are stored by date (then id); references to them are remapped to that order.
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| (events[a].date, events[a].id).cmp(&(events[b].date, events[b].id)));
    let mut position = vec![0u16; events.len()];
    for (pos, &i) in order.iter().enumerate() {
        position[i] = pos as u16;
    }
    let event_ref = |c: &mut Check, r: &str, id: &str| -> u16 {
        position.get(c.resolve(r, "events", "event", &event_ids, id)).copied().unwrap_or(0)
    };

    c.ids("methodology", raw.methodology.iter().map(|n| n.id.as_str()));
    let methodology: Vec<Note> = raw
        .methodology
        .iter()
        .map(|n| {
            let r = record("methodology", &n.id);
            Note {
                id: leak(&n.id),
                heading: c.required(&r, "heading", &n.heading),
                text: c.required(&r, "text", &n.text),
            }
        })
        .collect();

    c.ids("correction", raw.corrections.iter().map(|x| x.id.as_str()));
    let mut corrections: Vec<Correction> = raw
        .corrections
        .iter()
        .map(|x| {
            let r = record("correction", &x.id);
            Correction { date: c.dated(&r, "date", &x.date, span), text: c.required(&r, "text", &x.text) }
        })
        .collect();
    corrections.sort_by_key(|x| std::cmp::Reverse(x.date));
    let releases = releases(&mut c, &raw, span, &event_ids, &outcome_ix);

    c.ids("context", raw.context.iter().map(|x| x.id.as_str()));
    let mut context = Vec::with_capacity(raw.context.len());
    for x in &raw.context {
        let r = record("context", &x.id);
        let stance = c.resolve(&r, "stance", "stance", &stance_ix, &x.stance) as u8;
        let heading = c.required(&r, "heading", &x.heading);
        let text = c.required(&r, "text", &x.text);
        if x.sources.is_empty() {
            c.push(&r, "sources", "a point of context needs at least one source");
        }
        let cited = sources.add(&mut c, &r, &x.id, &x.sources);
        let evs: Vec<u16> = x.events.iter().map(|id| event_ref(&mut c, &r, id)).collect();
        let fields = [Field { field: EvidenceField::Text, name: "text", text: &x.text, required: true }];
        let q = Quoting {
            rec: &r,
            table: "context",
            kind: "point",
            allowed: &cited,
            complete: cited.len() == x.sources.len() && !cited.is_empty(),
            scanned: &[("heading", &x.heading)],
            more_quotes: &[],
        };
        let evidence = quotes(&mut c, &q, &x.evidence, &fields, &sources);
        context.push(Context {
            id: leak(&x.id),
            stance,
            heading,
            text,
            events: slice(evs),
            sources: slice(cited),
            evidence: slice(evidence),
        });
    }

    c.ids("letter", raw.letters.iter().map(|l| l.id.as_str()));
    let mut letters = Vec::with_capacity(raw.letters.len());
    for l in &raw.letters {
        let r = record("letter", &l.id);
        let name = c.required(&r, "name", &l.name);
        let summary = c.required(&r, "summary", &l.summary);
        let date = c.dated(&r, "date", &l.date, span);
        let named: Vec<u16> =
            l.companies.iter().map(|x| c.resolve(&r, "companies", "company", &company_ix, x) as u16).collect();
        let evs: Vec<u16> = l.events.iter().map(|id| event_ref(&mut c, &r, id)).collect();
        // A letter quotes a source that one of its counts or one of its events cites.
        let mut allowed: Vec<u16> = Vec::new();
        let mut counts = Vec::with_capacity(l.counts.len());
        for (n, x) in l.counts.iter().enumerate() {
            let cr = format!("{r}, count {}", n + 1);
            let source = match sources.by_url.get(x.url.trim()) {
                Some(&i) => {
                    allowed.push(i as u16);
                    i as u16
                }
                None => {
                    c.push(&cr, "url", format!("{} is not cited by any event or point of context", x.url));
                    0
                }
            };
            let quote = if x.quote.trim().is_empty() {
                c.push(&cr, "quote", "has no evidence: give the page's own words that give the count");
                ""
            } else {
                quote_words(&mut c, &cr, "quote", &x.quote)
            };
            if !quote.is_empty() && !evidence::gives_number(x.count, quote) {
                c.push(&cr, "quote", format!("does not write the count, {}: quote the page's own figure", x.count));
            }
            counts.push(Count {
                date: c.dated(&cr, "date", &x.date, span),
                count: x.count,
                qualifier: c.text(&cr, "qualifier", &x.qualifier),
                what: c.required(&cr, "what", &x.what),
                source,
                quote,
            });
        }
        for id in &l.events {
            if let Some(e) = event_ids.get(id).and_then(|&i| events.get(i)) {
                allowed.extend_from_slice(e.sources);
            }
        }
        let fields = [
            Field { field: EvidenceField::Summary, name: "summary", text: &l.summary, required: true },
            Field { field: EvidenceField::Disputed, name: "disputed", text: &l.disputed, required: false },
        ];
        // Its name may quote a campaign's title from its counts' pages or its events' quotes.
        let mut count_quotes: Vec<&str> = counts.iter().map(|x| x.quote).collect();
        for id in &l.events {
            if let Some(e) = event_ids.get(id).and_then(|&i| events.get(i)) {
                count_quotes.extend(e.evidence.iter().map(|x| x.quote));
            }
        }
        let q = Quoting {
            rec: &r,
            table: "letters",
            kind: "letter",
            allowed: &allowed,
            complete: true,
            scanned: &[("name", &l.name)],
            more_quotes: &count_quotes,
        };
        let evidence = quotes(&mut c, &q, &l.evidence, &fields, &sources);
        counts.sort_by_key(|x| x.date);
        let disputed = c.text(&r, "disputed", &l.disputed);
        letters.push(Letter {
            id: leak(&l.id),
            name,
            date,
            companies: slice(named),
            summary,
            events: slice(evs),
            disputed,
            counts: slice(counts),
            evidence: slice(evidence),
        });
    }
    letters.sort_by(|a, b| (a.date, a.id).cmp(&(b.date, b.id)));
    c.limit("source", sources.list.iter().map(|s| s.id), MAX_RECORDS, "sources are indexed by 16 bits");

    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let events: Vec<Event> = order.iter().map(|&i| slots[i].take().expect("each index once")).collect();
    let mut ds = Dataset {
        version,
        updated,
        title,
        question,
        summary: "",
        widget,
        sectors: slice(sectors),
        pressure_types: slice(pressure_types),
        outcomes: slice(outcomes),
        companies: slice(companies),
        events: slice(events),
        sources: slice(sources.list),
        methodology: slice(methodology),
        corrections: slice(corrections),
        releases: slice(releases),
        letters: slice(letters),
        context: slice(context),
        denylist: slice(denylist),
    };
    match summary::write(&ds, &raw.widget.summary) {
        Ok(s) => ds.summary = leak(&s),
        Err(e) => return Err(vec![Problem::new("widget table", "summary", e)]),
    }
    Ok(Box::leak(Box::new(ds)))
}

/// The `[widget]` table: the story's words, its sides of context and its confidence levels.
fn widget(c: &mut Check, w: &RawWidget, updated: Date) -> Widget {
    let r = "widget table";
    if !(1000..=updated.y).contains(&w.since) {
        c.push(r, "since", format!("{} must be a year from 1000 to the year of `updated`", w.since));
    }
    if !w.file_stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') || w.file_stem.is_empty() {
        c.push(r, "file_stem", "must be non-empty and use only letters, digits, - and _");
    }
    c.required(r, "summary", &w.summary);
    if w.context.stances.is_empty() {
        c.push(r, "context.stances", "the context panel needs at least one side");
    }
    if w.confidence.is_empty() {
        c.push(r, "confidence", "name at least one confidence level");
    }
    let stances = w
        .context
        .stances
        .iter()
        .map(|s| Stance { id: leak(&s.id), heading: c.required(&record("stance", &s.id), "heading", &s.heading) })
        .collect();
    let confidence = w
        .confidence
        .iter()
        .map(|l| Confidence { id: leak(&l.id), note: c.text(&record("confidence level", &l.id), "note", &l.note) })
        .collect();
    Widget {
        row: c.required(r, "row", &w.row),
        rows: c.required(r, "rows", &w.rows),
        row_heading: c.required(r, "row_heading", &w.row_heading),
        rows_heading: c.required(r, "rows_heading", &w.rows_heading),
        caption: c.required(r, "caption", &w.caption),
        switch: c.text(r, "switch", &w.switch),
        context_title: c.required(r, "context.title", &w.context.title),
        movement_title: c.required(r, "movement.title", &w.movement.title),
        since: w.since,
        file_stem: leak(&w.file_stem),
        context_lede: c.required(r, "context.lede", &w.context.lede),
        movement_lede: c.required(r, "movement.lede", &w.movement.lede),
        stances: slice(stances),
        confidence: slice(confidence),
    }
}

/// The outcomes, checked (texts, unique ranks, a fill whose text reads at 4.5:1) and sorted by rank.
fn outcomes(c: &mut Check, raw: &RawDataset) -> Vec<Outcome> {
    c.limit("outcome", raw.outcomes.iter().map(|o| o.id.as_str()), MAX_OUTCOMES, "sets of outcomes are 32-bit masks");
    let mut ranks = HashSet::new();
    let mut out: Vec<Outcome> = raw
        .outcomes
        .iter()
        .map(|o| {
            let r = record("outcome", &o.id);
            if !ranks.insert(o.rank) {
                c.push(&r, "rank", format!("rank {} is used by another outcome", o.rank));
            }
            let ink = match colour::parse_hex(&o.color) {
                Some(rgb) => {
                    let ink = colour::ink_for(rgb);
                    let ratio = colour::contrast(rgb, colour::parse_hex(ink).expect("ink is hex"));
                    if ratio < 4.5 {
                        c.push(&r, "color", format!(
                            "{} gives its text only {ratio:.2}:1 (at least 4.5:1 is needed); pick a lighter or darker fill",
                            o.color
                        ));
                    }
                    ink
                }
                None => {
                    c.push(&r, "color", format!("\"{}\" is not a #rrggbb colour", o.color));
                    ""
                }
            };
            Outcome {
                id: leak(&o.id),
                label: c.required(&r, "label", &o.label),
                short: c.required(&r, "short", &o.short),
                glyph: c.required(&r, "glyph", &o.glyph),
                color: leak(&o.color.to_ascii_lowercase()),
                ink,
                rank: o.rank,
                definition: c.required(&r, "definition", &o.definition),
                rule: c.required(&r, "rule", &o.rule),
            }
        })
        .collect();
    out.sort_by_key(|o| o.rank);
    out
}

/// What an event's fields may refer to.
struct Refs<'a> {
    company: &'a HashMap<String, usize>,
    pressure: &'a HashMap<String, usize>,
    outcome: &'a HashMap<String, usize>,
    confidence: &'a HashMap<String, usize>,
}

fn event(c: &mut Check, e: &RawEvent, refs: &Refs, span: Span, sources: &mut Sources) -> Event {
    let r = record("event", &e.id);
    let company = c.resolve(&r, "company", "company", refs.company, &e.company) as u16;
    let date = c.dated(&r, "date", &e.date, span);
    if e.pressure_types.is_empty() {
        c.push(&r, "pressure_types", "an event needs at least one pressure type");
    }
    let mut pressure_types: Vec<u8> = Vec::new();
    for t in &e.pressure_types {
        let i = c.resolve(&r, "pressure_types", "pressure type", refs.pressure, t) as u8;
        if pressure_types.contains(&i) {
            c.push(&r, "pressure_types", format!("\"{t}\" is listed twice"));
        } else {
            pressure_types.push(i);
        }
    }
    let outcome = c.resolve(&r, "outcome", "outcome", refs.outcome, &e.outcome) as u8;
    let confidence = c.resolve(&r, "confidence", "confidence level", refs.confidence, &e.confidence) as u8;
    if e.sources.is_empty() {
        c.push(&r, "sources", "an event needs at least one source");
    }
    let before = c.problems.len();
    let cited = sources.add(c, &r, &e.id, &e.sources);
    if c.problems.len() == before
        && !cited.is_empty()
        && !cited.iter().any(|&s| sources.list[s as usize].kind.stands_alone())
    {
        c.push(&r, "sources", format!(
            "needs at least one source that is original reporting, a primary document or a licensed copy of one; all {} are secondary",
            cited.len()
        ));
    }
    let response = response(c, &r, e.response.as_ref(), &cited, sources);
    let evidence = evidence(c, &r, e, &cited, sources);
    Event {
        id: leak(&e.id),
        company,
        unit: c.text(&r, "unit", &e.unit),
        date,
        pressure_types: slice(pressure_types),
        outcome,
        summary: c.required(&r, "summary", &e.summary),
        stakes: c.text(&r, "stakes", &e.stakes),
        actors: c.text(&r, "actors", &e.actors),
        people: e.people,
        result: c.required(&r, "result", &e.result),
        confidence,
        disputed: c.text(&r, "disputed", &e.disputed),
        response,
        sources: slice(cited),
        evidence: slice(evidence),
    }
}

/// A Wikidata item id: `Q` and a number without leading zeros, or empty.
fn wikidata(c: &mut Check, rec: &str, id: &str) -> &'static str {
    let digits = id.strip_prefix('Q').unwrap_or("");
    let valid = !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit());
    if !id.is_empty() && !valid {
        c.push(rec, "wikidata", format!("\"{id}\" is not a Wikidata item id (Q and a number, as in Q2283)"));
    }
    c.text(rec, "wikidata", id)
}

/// The event's evidence, checked (see [`quotes`]), and a response given as a direct quote must appear whole in a
/// quote for the response.
fn evidence(c: &mut Check, rec: &str, e: &RawEvent, cited: &[u16], sources: &Sources) -> Vec<Evidence> {
    let people = e.people.map(|n| n.to_string()).unwrap_or_default();
    let response = e.response.as_ref().map_or("", |r| r.text.as_str());
    let fields = [
        Field { field: EvidenceField::Summary, name: "summary", text: &e.summary, required: true },
        Field { field: EvidenceField::Stakes, name: "stakes", text: &e.stakes, required: false },
        Field { field: EvidenceField::Actors, name: "actors", text: &e.actors, required: false },
        Field { field: EvidenceField::People, name: "people", text: &people, required: false },
        Field { field: EvidenceField::Result, name: "result", text: &e.result, required: true },
        Field { field: EvidenceField::Disputed, name: "disputed", text: &e.disputed, required: false },
        Field { field: EvidenceField::Response, name: "response.text", text: response, required: false },
    ];
    let whole = cited.len() == e.sources.len() && !e.sources.is_empty();
    let r = Quoting {
        rec,
        table: "events",
        kind: "event",
        allowed: cited,
        complete: whole,
        scanned: &[("unit", &e.unit)],
        more_quotes: &[],
    };
    let out = quotes(c, &r, &e.evidence, &fields, sources);
    if let Some(r) = e.response.as_ref().filter(|r| r.quote && !r.text.trim().is_empty()) {
        let own = out.iter().filter(|x| x.field == EvidenceField::Response).map(|x| x.quote);
        if !evidence::appears_in(&r.text, own) {
            c.push(
                rec,
                "response.text",
                "is marked as a direct quote, but is in none of the response's evidence quotes",
            );
        }
    }
    out
}

/// One of a record's texts that needs evidence.
struct Field<'a> {
    field: EvidenceField,
    /// How a problem names it.
    name: &'a str,
    text: &'a str,
    /// A required text left empty is reported by its own check.
    required: bool,
}

/// The record whose evidence [`quotes`] checks, and how its messages name it.
struct Quoting<'a> {
    rec: &'a str,
    /// Its table (`[[events.evidence]]`) and its kind ("this event's sources").
    table: &'a str,
    kind: &'a str,
    /// The sources its evidence may quote.
    allowed: &'a [u16],
    /// False when a source of the record was refused, or it has none: what depends on its sources is not reported
    /// again.
    complete: bool,
    /// Texts of the record that need no evidence but whose quotations must be in its quotes (a heading, a name),
    /// and quotes of its own beyond its evidence (a letter's counts).
    scanned: &'a [(&'a str, &'a str)],
    more_quotes: &'a [&'a str],
}

/// A record's evidence, checked: each piece names one of the record's fields and one of its allowed sources,
/// quotes 4 to 90 words and is given once; every field the record fills has at least one piece and no piece
/// supports an empty field; a count of people is written in one of its quotes; every quotation in our own words
/// (three words or more in quotation marks) appears in one of the record's quotes, and none is left open.
fn quotes(c: &mut Check, r: &Quoting, raw: &[RawEvidence], fields: &[Field], sources: &Sources) -> Vec<Evidence> {
    let (rec, kind) = (r.rec, r.kind);
    let mut out: Vec<Evidence> = Vec::new();
    let one_field = fields.len() == 1;
    for (n, x) in raw.iter().enumerate() {
        let er = format!("{rec}, evidence {}", n + 1);
        // A record with one text may leave the field out.
        let field = match fields.iter().find(|f| f.field.id() == x.field) {
            Some(f) => Some(f.field),
            None if one_field && x.field.is_empty() => Some(fields[0].field),
            None => {
                let names: Vec<&str> = fields.iter().map(|f| f.field.id()).collect();
                c.push(&er, "field", format!("\"{}\" must be one of {}", x.field, names.join(", ")));
                None
            }
        };
        let url = x.source.trim();
        let source = sources.find(r.allowed, url);
        if source.is_none() && r.complete {
            let hint = if r.allowed.is_empty() {
                format!("a {kind} quotes a source that its counts or events cite, and this one has none")
            } else {
                format!("{url:?} is not one of this {kind}'s sources (give its url or read_at)")
            };
            c.push(&er, "source", hint);
        }
        let quote = quote_words(c, &er, "quote", &x.quote);
        if let (Some(field), Some(source)) = (field, source) {
            let piece = Evidence { field, source, quote };
            if out.contains(&piece) {
                c.push(&er, "quote", "is given twice for this field and source");
            } else {
                out.push(piece);
            }
        }
    }
    let pool = || out.iter().map(|x| x.quote).chain(r.more_quotes.iter().copied());
    let scan = |c: &mut Check, name: &str, text: &str| {
        if let Some(mark) = evidence::unclosed(text) {
            c.push(rec, name, format!("opens a quotation with {mark} that never closes"));
        }
        for q in evidence::quotations(text) {
            if evidence::word_count(q) >= evidence::QUOTATION_WORDS && !evidence::appears_in(q, pool()) {
                c.push(
                    rec,
                    name,
                    format!(
                        "quotes \"{q}\", which is in none of the {kind}'s evidence quotes: quote a page that was read"
                    ),
                );
            }
        }
    };
    for f in fields {
        let named = |x: &RawEvidence| x.field == f.field.id() || (one_field && x.field.is_empty());
        let has = out.iter().any(|x| x.field == f.field) || raw.iter().any(named);
        match (f.text.trim().is_empty(), has) {
            _ if !r.complete && r.allowed.is_empty() => {}
            (true, true) if f.required => {}
            (false, false) => c.push(
                rec,
                f.name,
                format!(
                    "has no evidence: add an [[{}.evidence]] with field = \"{}\", the source and its own words",
                    r.table,
                    f.field.id()
                ),
            ),
            (true, true) => {
                c.push(rec, "evidence", format!("gives evidence for {}, which the {kind} leaves empty", f.field.id()))
            }
            _ => {}
        }
        if f.field == EvidenceField::People {
            let given = |n: u32| out.iter().any(|x| x.field == f.field && evidence::gives_number(n, x.quote));
            if let Some(n) = f.text.parse().ok().filter(|&n| has && r.complete && !given(n)) {
                c.push(rec, f.name, format!("{n} is written in none of its quotes: quote the page's own figure"));
            }
            continue;
        }
        scan(c, f.name, f.text);
    }
    for &(name, text) in r.scanned {
        scan(c, name, text);
    }
    out
}

/// A quote of a page, held to the word bounds.
fn quote_words(c: &mut Check, rec: &str, field: &str, quote: &str) -> &'static str {
    let words = evidence::word_count(quote);
    if !(evidence::MIN_WORDS..=evidence::MAX_WORDS).contains(&words) {
        c.push(
            rec,
            field,
            format!(
                "has {words} words; a quote gives {} to {} words of the page, with … for cuts",
                evidence::MIN_WORDS,
                evidence::MAX_WORDS
            ),
        );
    }
    c.text(rec, field, quote.trim())
}

/// The releases, checked: versions unique and in the file's order of dates, the last one this version; every
/// event a release names exists, or a later release removed it; an event removed is gone, unless a later
/// release added it back; a recoding names outcomes that exist, and two different ones.
fn releases(
    c: &mut Check,
    raw: &RawDataset,
    span: Span,
    event_ids: &HashMap<String, usize>,
    outcome_ix: &HashMap<String, usize>,
) -> Vec<Release> {
    let mut out: Vec<Release> = Vec::with_capacity(raw.releases.len());
    let mut versions = HashSet::new();
    for (i, x) in raw.releases.iter().enumerate() {
        let r = record("release", &x.version);
        if x.version.trim().is_empty() || !versions.insert(x.version.as_str()) {
            c.push(&r, "version", "must be non-empty and given once");
        }
        let date = c.dated(&r, "date", &x.date, span);
        if out.last().is_some_and(|p: &Release| p.date > date) {
            c.push(&r, "date", "is before the release above it: releases go oldest first");
        }
        let later = &raw.releases[i + 1..];
        for id in &x.added {
            let removed_later = later.iter().any(|l| l.removed.contains(id));
            if !event_ids.contains_key(id) && !removed_later {
                c.push(&r, "added", format!("event \"{id}\" is not in the file, and no later release removed it"));
            }
        }
        for id in &x.removed {
            let added_later = later.iter().any(|l| l.added.contains(id));
            if event_ids.contains_key(id) && !added_later {
                c.push(&r, "removed", format!("event \"{id}\" is still in the file"));
            }
        }
        let mut recoded = Vec::with_capacity(x.recoded.len());
        for y in &x.recoded {
            if !event_ids.contains_key(&y.event) && !later.iter().any(|l| l.removed.contains(&y.event)) {
                c.push(&r, "recoded", format!("event \"{}\" is not in the file", y.event));
            }
            let outcome = |c: &mut Check, id: &str| match outcome_ix.get(id) {
                Some(&o) => o as u8,
                None => {
                    c.push(&r, "recoded", format!("\"{id}\" is not an outcome id"));
                    0
                }
            };
            let (from, to) = (outcome(c, &y.from), outcome(c, &y.to));
            if y.from == y.to {
                c.push(&r, "recoded", format!("event \"{}\" goes from \"{}\" to itself", y.event, y.from));
            }
            recoded.push(Recode { event: leak(&y.event), from, to });
        }
        out.push(Release {
            version: leak(&x.version),
            date,
            note: c.required(&r, "note", &x.note),
            added: slice(x.added.iter().map(|s| leak(s)).collect()),
            removed: slice(x.removed.iter().map(|s| leak(s)).collect()),
            recoded: slice(recoded),
        });
    }
    if let Some(last) = raw.releases.last()
        && last.version != raw.version
    {
        c.push(
            &record("release", &last.version),
            "version",
            format!("the last release must be this version, {}", raw.version),
        );
    }
    out
}

/// Everything defined should be used by an event, or say why it is kept (`unused`).
fn unused(c: &mut Check, raw: &RawDataset, events: &[Event], outcome_ix: &HashMap<String, usize>) {
    let mut companies = vec![0; raw.companies.len()];
    let mut pressure = vec![0; raw.pressure_types.len()];
    let mut outcomes = vec![0; raw.outcomes.len()];
    for e in events {
        companies[e.company as usize] += 1;
        outcomes[e.outcome as usize] += 1;
        for &t in e.pressure_types {
            pressure[t as usize] += 1;
        }
    }
    let mut check = |kind: &str, id: &str, n: usize, why: &str| match (n, why.trim().is_empty()) {
        (0, true) => {
            c.push(&record(kind, id), "unused", "no event uses it: add events, remove it, or say why it is kept")
        }
        (n, false) if n > 0 => {
            c.push(&record(kind, id), "unused", format!("says it is unused, but {n} event(s) use it"))
        }
        _ => {}
    };
    for (x, n) in raw.companies.iter().zip(&companies) {
        check("company", &x.id, *n, &x.unused);
    }
    for (x, n) in raw.pressure_types.iter().zip(&pressure) {
        check("pressure type", &x.id, *n, &x.unused);
    }
    for x in &raw.outcomes {
        let n = outcome_ix.get(&x.id).map_or(1, |&i| outcomes[i]);
        check("outcome", &x.id, n, &x.unused);
    }
}

/// The years a dated record may fall in.
#[derive(Clone, Copy)]
struct Span {
    since: u16,
    updated: Date,
}

/// The sources cited so far, one per address, and the domains no source may be on.
#[derive(Default)]
struct Sources<'a> {
    list: Vec<Source>,
    /// By what identifies a source: the original's address and the copy's (either may be empty).
    by_key: HashMap<(&'static str, &'static str), usize>,
    /// By either address, for the records that name a source by one (letters' counts, responses).
    by_url: HashMap<String, usize>,
    denied: &'a [Denied],
}

impl Sources<'_> {
    /// Which of `list` (indexes of this list) is cited at `url` (its `url` or `read_at`).
    fn find(&self, list: &[u16], url: &str) -> Option<u16> {
        list.iter().copied().find(|&i| {
            let s = &self.list[i as usize];
            !url.is_empty() && (s.url == url || s.read_at == url)
        })
    }

    /// Checks a record's sources and adds each new one to the list; returns their indexes. A source cited twice
    /// (the same addresses) must be cited the same way (publisher, title, date, kind).
    fn add(&mut self, c: &mut Check, rec: &str, owner_id: &str, raw: &[RawSource]) -> Vec<u16> {
        let mut out = Vec::new();
        for (n, s) in raw.iter().enumerate() {
            let sr = format!("{rec}, source {}", n + 1);
            let Some(src) = source(c, &sr, s, self.denied) else { continue };
            let ix = match self.by_key.get(&(src.url, src.read_at)) {
                Some(&ix) => {
                    let first = &self.list[ix];
                    if (first.publisher, first.title, first.date, first.kind)
                        != (src.publisher, src.title, src.date, src.kind)
                    {
                        c.push(
                            &sr,
                            "url",
                            format!(
                                "{} is cited elsewhere (as {}) with a different publisher, title, date or kind",
                                src.link(),
                                first.id
                            ),
                        );
                    }
                    ix
                }
                None => {
                    let ix = self.list.len();
                    self.by_key.insert((src.url, src.read_at), ix);
                    for address in [src.url, src.read_at].into_iter().filter(|a| !a.is_empty()) {
                        self.by_url.entry(address.to_string()).or_insert(ix);
                    }
                    self.list.push(Source { id: leak(&format!("{owner_id}-s{}", n + 1)), ..src });
                    ix
                }
            };
            if out.contains(&(ix as u16)) {
                c.push(&sr, "url", "the same source is listed twice");
            } else {
                out.push(ix as u16);
            }
        }
        out
    }
}

/// A source's address: http(s), on no denied domain, and without tracking parameters; the original's address
/// (`canonical`) also on the publisher's canonical host, not a staging, AMP or mobile one (a copy may be read
/// there, and says so in `via`). Empty is allowed (the caller says when an address is required).
fn address(c: &mut Check, rec: &str, field: &str, url: &str, denied: &[Denied], canonical: bool) -> &'static str {
    if url.is_empty() {
        return "";
    }
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest.filter(|r| !r.is_empty() && !r.starts_with('/') && !url.contains(char::is_whitespace)) else {
        c.push(rec, field, format!("\"{url}\" is not an http(s) link"));
        return "";
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").split(':').next().unwrap_or("").to_ascii_lowercase();
    if let Some(d) = denied.iter().find(|d| host == d.domain || host.ends_with(&format!(".{}", d.domain))) {
        c.push(rec, field, format!("{host} is on the denylist ({}): cite the original reporting instead", d.reason));
    }
    if let Some(problem) = unclean(url, &host, canonical) {
        c.push(rec, field, problem);
    }
    c.text(rec, field, url)
}

/// Host prefixes of pages that are not the publisher's canonical ones.
const NON_CANONICAL_HOSTS: [&str; 8] =
    ["staging.", "stage.", "preprod.", "digital-release.", "digital-staging.", "digital-stage.", "amp.", "mobile."];
/// Query parameters that only track the reader or pick a presentation of the same page.
const TRACKING: [&str; 15] = [
    "utm_",
    "fbclid",
    "gclid",
    "oref",
    "ito",
    "itid",
    "noamp",
    "noredirect",
    "presentation",
    "mc_cid",
    "mc_eid",
    "cmpid",
    "smid",
    "scrolla",
    "op",
];

/// What is wrong with an address: tracking parameters (with the form to use), or, for an original's address
/// (`canonical`), a non-canonical host or an AMP page; None for a clean address.
fn unclean(url: &str, host: &str, canonical: bool) -> Option<String> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if canonical {
        if let Some(prefix) = NON_CANONICAL_HOSTS.iter().find(|p| host.starts_with(*p)) {
            let kind = prefix.trim_end_matches('.');
            return Some(format!(
                "{host} is a {kind} host, not the publisher's page: cite its canonical address, or give this one as read_at"
            ));
        }
        if path.trim_end_matches('/').ends_with("/amp") || path.contains("/amp/") {
            return Some("an AMP page: cite the article's canonical address, or give this one as read_at".to_string());
        }
    }
    let (query, fragment) = query.split_once('#').map_or((query, ""), |(q, f)| (q, f));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("");
            !TRACKING.iter().any(|t| if t.ends_with('_') { key.starts_with(t) } else { key == *t })
        })
        .collect();
    if kept.len() == query.split('&').filter(|p| !p.is_empty()).count() {
        return None;
    }
    let mut clean = path.to_string();
    if !kept.is_empty() {
        clean = format!("{clean}?{}", kept.join("&"));
    }
    if !fragment.is_empty() {
        clean = format!("{clean}#{fragment}");
    }
    Some(format!("has tracking parameters: cite {clean}"))
}

fn source(c: &mut Check, rec: &str, s: &RawSource, denied: &[Denied]) -> Option<Source> {
    let before = c.problems.len();
    let url = address(c, rec, "url", s.url.trim(), denied, true);
    let read_at = address(c, rec, "read_at", s.read_at.trim(), denied, false);
    let kind = match SourceKind::ALL.into_iter().find(|k| k.id() == s.kind) {
        Some(k) => k,
        None => {
            c.push(rec, "kind", format!("\"{}\" must be primary, original, copy or secondary", s.kind));
            SourceKind::Secondary
        }
    };
    if url.is_empty() && read_at.is_empty() && c.problems.len() == before {
        c.push(rec, "url", "a source needs the original's address (url) or the copy's (read_at)");
    }
    if kind == SourceKind::Copy && read_at.is_empty() {
        c.push(rec, "read_at", "a copy needs the address where it was read");
    }
    if !read_at.is_empty() && s.via.trim().is_empty() {
        c.push(rec, "via", "say what the copy at read_at is (\"licensed copy on …\")");
    }
    let date = s.date.as_deref().and_then(|d| date::parse(d).map_err(|msg| c.push(rec, "date", msg)).ok());
    let (archived, archived_date) = match &s.archived {
        None => ("", None),
        Some(a) => (
            address(c, rec, "archived", a.url.trim(), &[], false),
            date::parse(&a.date).map_err(|msg| c.push(rec, "archived", msg)).ok(),
        ),
    };
    let source = Source {
        id: "",
        url,
        publisher: c.required(rec, "publisher", &s.publisher),
        title: c.required(rec, "title", &s.title),
        title_note: c.text(rec, "title_note", &s.title_note),
        date,
        kind,
        read_at,
        via: c.text(rec, "via", &s.via),
        archived,
        archived_date,
    };
    (c.problems.len() == before).then_some(source)
}

/// The company's response, its source one of the event's own.
fn response(c: &mut Check, rec: &str, raw: Option<&RawResponse>, cited: &[u16], sources: &Sources) -> Response {
    let Some(r) = raw else {
        return Response { status: ResponseStatus::NotReported, text: "", quote: false, source: None };
    };
    let status = ResponseStatus::ALL.into_iter().find(|s| s.id() == r.status).unwrap_or_else(|| {
        c.push(
            rec,
            "response.status",
            format!("\"{}\" must be responded, declined, no-response or not-reported", r.status),
        );
        ResponseStatus::NotReported
    });
    let source = match r.source.trim() {
        "" if status == ResponseStatus::NotReported => None,
        "" => {
            c.push(rec, "response.source", "say which of the event's sources records the response");
            None
        }
        url => match sources.find(cited, url) {
            Some(i) => Some(i),
            None => {
                c.push(rec, "response.source", format!("{url} is not one of this event's sources"));
                None
            }
        },
    };
    Response { status, text: c.text(rec, "response.text", &r.text), quote: r.quote, source }
}

/// The problems found so far, and the checks that add to them.
#[derive(Default)]
struct Check {
    problems: Vec<Problem>,
}

impl Check {
    fn push(&mut self, record: &str, field: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(record, field, message));
    }

    /// A text as the widget shows it: trimmed, and without control characters but newline and tab.
    fn text(&mut self, record: &str, field: &str, v: &str) -> &'static str {
        if v.chars().any(|ch| ch.is_control() && ch != '\n' && ch != '\t') {
            self.push(record, field, "contains a control character (only newline and tab are allowed)");
        }
        leak(v.trim())
    }

    /// A text that may not be empty.
    fn required(&mut self, record: &str, field: &str, v: &str) -> &'static str {
        if v.trim().is_empty() {
            self.push(record, field, "is empty");
        }
        self.text(record, field, v)
    }

    /// A date that must fall within `span`.
    fn dated(&mut self, record: &str, field: &str, s: &str, span: Span) -> Date {
        match date::parse(s) {
            Ok(d) if d.y < span.since => {
                self.push(record, field, format!("{s} is before {}, the first year the tracker covers", span.since));
                d
            }
            Ok(d) if d > span.updated => {
                self.push(record, field, format!("{s} is after the dataset's updated date {}", span.updated.iso()));
                d
            }
            Ok(d) => d,
            Err(msg) => {
                self.push(record, field, msg);
                Date { y: 0, m: 0, d: 0 }
            }
        }
    }

    /// Checks ids for shape and uniqueness and maps each to its position.
    fn ids<'a>(&mut self, kind: &str, ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
        let mut map = HashMap::new();
        for (i, id) in ids.enumerate() {
            let r = if id.is_empty() { format!("{kind} #{}", i + 1) } else { record(kind, id) };
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                self.push(&r, "id", "must be non-empty and use only a-z, 0-9 and -");
            }
            if map.insert(id.to_string(), i).is_some() {
                self.push(&r, "id", format!("duplicate id: another {kind} is also \"{id}\""));
            }
        }
        map
    }

    /// The index `id` names among `ix`; 0, with a problem, when it names none.
    fn resolve(&mut self, record: &str, field: &str, kind: &str, ix: &HashMap<String, usize>, id: &str) -> usize {
        match ix.get(id) {
            Some(&i) => i,
            None => {
                self.push(record, field, format!("unknown {kind} \"{id}\""));
                0
            }
        }
    }

    /// At most `max` records of a kind: the first one past the limit is named.
    fn limit<'a>(&mut self, kind: &str, mut ids: impl Iterator<Item = &'a str>, max: usize, why: &str) {
        if let Some(id) = ids.nth(max) {
            self.push(&record(kind, id), "id", format!("is one {kind} too many: at most {max} are allowed ({why})"));
        }
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn slice<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
