//! The summary sentence above the matrix, written at build time from the data and the `[widget] summary`
//! template, so the widget carries it as a string (and not the code that writes it, nor the Unicode case
//! tables that lowercasing a label pulls into the wasm).

use ice_matrix_core::model::{Dataset, Date};
use ice_matrix_core::words::{count, join, rows};

/// Fills `template`'s placeholders (see `docs/dataset.md`): how many rows were pressured and since when, how
/// many had at least one outcome of the strongest kind, and where each row stands by its most recent event.
/// Fails on an unknown or unclosed placeholder.
pub fn write(ds: &Dataset, template: &str) -> Result<String, String> {
    let mut latest: Vec<Option<(Date, u8)>> = vec![None; ds.companies.len()];
    let mut strongest = vec![false; ds.companies.len()];
    for e in ds.events {
        let slot = &mut latest[e.company as usize];
        // Events are sorted by date, so the last one seen is the most recent (on a tie, the stronger).
        if slot.is_none_or(|(d, o)| e.date > d || (e.date == d && e.outcome < o)) {
            *slot = Some((e.date, e.outcome));
        }
        strongest[e.company as usize] |= e.outcome == 0;
    }
    let mut per = vec![0usize; ds.outcomes.len()];
    for (_, o) in latest.iter().flatten() {
        per[*o as usize] += 1;
    }
    let by_outcome =
        ds.outcomes.iter().zip(&per).filter(|(_, n)| **n > 0).map(|(o, n)| format!("{n} {}", o.label.to_lowercase()));
    let value = |name: &str| -> Option<String> {
        Some(match name {
            "rows" => rows(ds, latest.iter().flatten().count()),
            "row" => ds.widget.row.to_string(),
            "events" => count(ds.events.len(), "event", "events"),
            "since" => ds.events.first().map_or(ds.widget.since, |e| e.date.y).to_string(),
            "strongest" => strongest.iter().filter(|&&s| s).count().to_string(),
            "strongest_label" => ds.outcomes.first().map_or("", |o| o.label).to_string(),
            "latest" => join(by_outcome.clone(), ", "),
            _ => return None,
        })
    };
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').ok_or_else(|| format!("a placeholder is not closed: {}", &rest[open..]))?;
        let name = &rest[open + 1..open + close];
        out.push_str(&value(name).ok_or_else(|| format!("{{{name}}} is not a placeholder (see docs/dataset.md)"))?);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}
