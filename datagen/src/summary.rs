//! The summary sentence above the matrix, computed from the data at build time, so the widget carries it
//! as a string (and not the code that writes it, nor the Unicode case tables that lowercasing a label pulls
//! into the wasm).

use crate::date::Date;
use crate::validate::Compiled;

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many companies were pressured and since when, how many had at least one outcome of the strongest
/// kind, and where each company stands by its most recent event.
pub fn summary(c: &Compiled) -> String {
    let mut latest: Vec<Option<(Date, usize)>> = vec![None; c.companies.len()];
    let mut cut = vec![false; c.companies.len()];
    for e in &c.events {
        let slot = &mut latest[e.company];
        // Events are sorted by date, so the last one seen is the most recent (on a tie, the stronger).
        if slot.is_none_or(|(d, o)| e.date > d || (e.date == d && e.outcome < o)) {
            *slot = Some((e.date, e.outcome));
        }
        cut[e.company] |= e.outcome == 0;
    }
    let pressured = latest.iter().flatten().count();
    let first_year = c.events.first().map_or(0, |e| e.date.y);
    let mut per = vec![0usize; c.outcomes.len()];
    for (_, o) in latest.iter().flatten() {
        per[*o] += 1;
    }
    let parts: Vec<String> =
        c.outcomes.iter().zip(&per).filter(|(_, n)| **n > 0).map(|(o, n)| format!("{n} {}", o.label.to_lowercase())).collect();
    format!(
        "Of {} pressured since {first_year} ({}), {} had at least one “{}” outcome. By each company's most recent event: {}.",
        count(pressured, "company", "companies"),
        count(c.events.len(), "event", "events"),
        cut.iter().filter(|&&c| c).count(),
        c.outcomes.first().map_or("", |o| o.label.as_str()),
        parts.join(", ")
    )
}
