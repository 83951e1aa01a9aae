//! The downloads, written from the bundled dataset: JSON (the public contract documented in the README)
//! and CSV (one row per event and source). Native only: the build's `assets` tool writes them to
//! `dist/data/`, and `offline.html` carries the same bytes in its "Get the data" links. Hand-written
//! writers for two fixed shapes (they were in the wasm once, where a JSON library cost ~11 KiB).

use crate::embed::push_json_string as s;
use crate::model::{Dataset, Date};

/// Writes `{"k":v,...}` from (key, writer) pairs.
struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    fn new(out: &'a mut String) -> Self {
        out.push('{');
        Obj { out, first: true }
    }
    fn key(&mut self, k: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        s(self.out, k);
        self.out.push(':');
        self.out
    }
    fn str(&mut self, k: &str, v: &str) -> &mut Self {
        let o = self.key(k);
        s(o, v);
        self
    }
    /// A string, or `null` when empty.
    fn opt(&mut self, k: &str, v: &str) -> &mut Self {
        if v.is_empty() {
            self.key(k).push_str("null");
            self
        } else {
            self.str(k, v)
        }
    }
    fn raw(&mut self, k: &str, v: &str) -> &mut Self {
        self.key(k).push_str(v);
        self
    }
    fn strs<'b>(&mut self, k: &str, vs: impl Iterator<Item = &'b str>) -> &mut Self {
        let o = self.key(k);
        o.push('[');
        for (i, v) in vs.enumerate() {
            if i > 0 {
                o.push(',');
            }
            s(o, v);
        }
        o.push(']');
        self
    }
    fn end(&mut self) {
        self.out.push('}');
    }
}

fn list<T>(out: &mut String, items: &[T], mut each: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, it) in items.iter().enumerate() {
        out.push_str(if i > 0 { ",\n" } else { "\n" });
        each(out, it);
    }
    out.push_str("\n]");
}

/// The whole dataset as JSON, with ids in place of indexes.
pub fn json(ds: &Dataset) -> String {
    let mut out = String::with_capacity(400 * 1024);
    let mut top = Obj::new(&mut out);
    top.str("version", ds.version).str("updated", &ds.updated.iso()).str("title", ds.title).str("question", ds.question);
    list(top.key("sectors"), ds.sectors, |o, x| {
        Obj::new(o).str("id", x.id).str("label", x.label).raw("tech", if x.tech { "true" } else { "false" }).end()
    });
    list(top.key("companies"), ds.companies, |o, x| {
        let sector = &ds.sectors[x.sector as usize];
        Obj::new(o)
            .str("id", x.id)
            .str("name", x.name)
            .str("sector", sector.id)
            .raw("tech", if sector.tech { "true" } else { "false" })
            .end()
    });
    list(top.key("pressure_types"), ds.pressure_types, |o, x| {
        Obj::new(o).str("id", x.id).str("label", x.label).str("definition", x.definition).str("rule", x.rule).end()
    });
    list(top.key("outcomes"), ds.outcomes, |o, x| {
        Obj::new(o)
            .str("id", x.id)
            .str("label", x.label)
            .str("short", x.short)
            .str("definition", x.definition)
            .str("rule", x.rule)
            .raw("rank", &x.rank.to_string())
            .str("color", x.color)
            .str("glyph", x.glyph)
            .end()
    });
    list(top.key("events"), ds.events, |o, e| {
        Obj::new(o)
            .str("id", e.id)
            .str("company", ds.companies[e.company as usize].id)
            .opt("unit", e.unit)
            .str("date", &e.date.iso())
            .strs("pressure_types", e.pressure_types.iter().map(|&p| ds.pressure_types[p as usize].id))
            .str("outcome", ds.outcomes[e.outcome as usize].id)
            .str("summary", e.summary)
            .opt("stakes", e.stakes)
            .opt("actors", e.actors)
            .raw("people", &e.people.map_or("null".to_string(), |n| n.to_string()))
            .str("result", e.result)
            .str("confidence", e.confidence)
            .opt("disputed", e.disputed)
            .strs("sources", e.sources.iter().map(|&x| ds.sources[x as usize].id))
            .end()
    });
    list(top.key("sources"), ds.sources, |o, x| {
        Obj::new(o)
            .str("id", x.id)
            .str("url", x.url)
            .str("publisher", x.publisher)
            .opt("via", x.via)
            .str("title", x.title)
            .opt("title_note", x.title_note)
            .opt("date", &x.date.map(|d: Date| d.iso()).unwrap_or_default())
            .end()
    });
    list(top.key("letters"), ds.letters, |o, l| {
        let mut obj = Obj::new(o);
        obj.str("id", l.id)
            .str("name", l.name)
            .str("date", &l.date.iso())
            .strs("companies", l.companies.iter().map(|&c| ds.companies[c as usize].id))
            .str("summary", l.summary)
            .strs("events", l.events.iter().map(|&e| ds.events[e as usize].id))
            .opt("disputed", l.disputed);
        list(obj.key("counts"), l.counts, |o, c| {
            Obj::new(o)
                .str("date", &c.date.iso())
                .raw("count", &c.count.to_string())
                .opt("qualifier", c.qualifier)
                .str("what", c.what)
                .str("source", ds.sources[c.source as usize].id)
                .end()
        });
        obj.end()
    });
    list(top.key("context"), ds.context, |o, c| {
        Obj::new(o)
            .str("id", c.id)
            .str("stance", if c.why_kept { "why-kept" } else { "against" })
            .str("heading", c.heading)
            .str("text", c.text)
            .strs("events", c.events.iter().map(|&e| ds.events[e as usize].id))
            .strs("sources", c.sources.iter().map(|&x| ds.sources[x as usize].id))
            .end()
    });
    list(top.key("methodology"), ds.methodology, |o, n| {
        Obj::new(o).str("id", n.id).str("heading", n.heading).str("text", n.text).end()
    });
    list(top.key("corrections"), ds.corrections, |o, c| Obj::new(o).str("date", &c.date.iso()).str("text", c.text).end());
    top.end();
    out.push('\n');
    out
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 16] = [
    "event_id", "date", "company_id", "company", "sector", "unit", "pressure_types", "outcome", "summary", "result",
    "confidence", "source_id", "source_url", "source_publisher", "source_title", "source_date",
];

/// One row per event and source; RFC 4180 quoting and CRLF; UTF-8 with a byte-order mark so that
/// spreadsheets detect the encoding.
pub fn csv(ds: &Dataset) -> String {
    let mut out = String::with_capacity(500 * 1024);
    out.push('\u{feff}');
    row(&mut out, &CSV_HEADER);
    for e in ds.events {
        let company = &ds.companies[e.company as usize];
        let pressure: Vec<&str> = e.pressure_types.iter().map(|&p| ds.pressure_types[p as usize].id).collect();
        let (date, pressure) = (e.date.iso(), pressure.join(";"));
        for &x in e.sources {
            let src = &ds.sources[x as usize];
            let src_date = src.date.map(|d| d.iso()).unwrap_or_default();
            row(&mut out, &[
                e.id, &date, company.id, company.name, ds.sectors[company.sector as usize].id, e.unit, &pressure,
                ds.outcomes[e.outcome as usize].id, e.summary, e.result, e.confidence, src.id, src.url, src.publisher,
                src.title, &src_date,
            ]);
        }
    }
    out
}

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

/// The outcome palette as CSS classes (`.o-<id>` sets `--fill` and `--ink`), so that the page needs no
/// inline styles and the colours stay data. It also holds each outcome's glyph and short label
/// (`--glyph`, `--short`), which a matrix cell draws before and after its count (`style.css`): a cell is
/// then one element and one text node, which keeps rendering and updating the matrix cheap.
pub fn palette_css(ds: &Dataset) -> String {
    let mut out = String::from("/* Generated from data/dataset.toml. Do not edit. */\n");
    for o in ds.outcomes {
        // `data-o` is what the widget's own elements carry (a dynamic class would cost the wasm Yew's
        // class-list code); the class is for the fragments.
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
