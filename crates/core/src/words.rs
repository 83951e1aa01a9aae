//! Words the view shows, built from the data: plural forms, cell names for screen readers, the
//! figures line. Pure functions, tested natively.

use crate::grid::{Cell, CellRef, View};
use crate::model::{Dataset, Date};

/// The rule that picks a cell's outcome (see `grid.rs`), as the legend states it.
pub const CELL_RULE: &str = "A cell with several events shows the outcome of its most recent one.";

/// The label of the key figure for the strongest outcome: "Companies with “Ties cut” at least once".
pub fn strongest_label(ds: &Dataset) -> String {
    format!("{} with “{}” at least once", ds.widget.rows_heading, ds.outcomes.first().map_or("", |o| o.label))
}

/// A number of rows in running text: "1 company", "14 companies".
pub fn rows(ds: &Dataset, n: usize) -> String {
    count(n, ds.widget.row, ds.widget.rows)
}

/// "1 event", "3 events".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Everything a sighted reader gets from a cell, in words:
/// "Palantir, Employee letter or petition: No change, 3 events, latest May 2019", and for a mixed cell
/// "Amazon, Activist campaign: Ties cut, 1 of 9 events, latest Oct 2025, the others with other outcomes".
/// The outcome is its short label, the words the cell shows, so the visible text is part of the name.
pub fn cell_name(ds: &Dataset, at: CellRef, c: &Cell) -> String {
    let events = if c.is_mixed() {
        format!("{} of {} events", c.matching, c.events.len())
    } else {
        count(c.events.len(), "event", "events")
    };
    let others = if c.is_mixed() { ", the others with other outcomes" } else { "" };
    format!(
        "{}: {}, {events}, latest {}{others}",
        place(ds, at),
        ds.outcomes[c.outcome as usize].short,
        c.latest.short()
    )
}

/// The count a cell shows: its events ("9"), or, when they have more than one outcome, how many have the one
/// it shows ("1 of 9"), so a mixed cell reads as mixed at a glance.
pub fn cell_count(c: &Cell) -> String {
    if c.is_mixed() { format!("{} of {}", c.matching, c.events.len()) } else { c.events.len().to_string() }
}

/// Where a cell is, in words: "Palantir, Employee letter or petition". Every cell's accessible name starts
/// with it, whatever the cell shows.
pub fn place(ds: &Dataset, at: CellRef) -> String {
    format!("{}, {}", ds.companies[at.company as usize].name, ds.pressure_types[at.pressure as usize].label)
}

/// How a cell's outcome changed, oldest first, when it changed at all:
/// "No change (2018) → Ties deepened (Aug 2019)". Consecutive events with the same outcome are one step.
pub fn history(ds: &Dataset, cell: &Cell) -> Option<String> {
    let mut steps: Vec<(u8, Date)> = Vec::new();
    for &e in cell.events.iter().rev() {
        let ev = &ds.events[e as usize];
        if steps.last().is_none_or(|&(o, _)| o != ev.outcome) {
            steps.push((ev.outcome, ev.date));
        }
    }
    (steps.len() > 1)
        .then(|| join(steps.iter().map(|&(o, d)| format!("{} ({})", ds.outcomes[o as usize].label, d.short())), " → "))
}

/// `parts` joined by `sep`: a loop much smaller in the wasm than the standard library's `join`, which is
/// specialised for separator lengths.
pub fn join<S: AsRef<str>>(parts: impl IntoIterator<Item = S>, sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
    out
}

/// A reported figure: "more than 450 signatures", "1,495 employees".
pub fn figure(qualifier: &str, n: u32, what: &str) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    join([qualifier, &grouped, what].into_iter().filter(|s| !s.is_empty()), " ")
}

/// The polite announcement after a filter change: "14 companies, 52 events shown".
pub fn shown(ds: &Dataset, view: &View) -> String {
    format!("{}, {} shown", rows(ds, view.rows.len()), count(view.events, "event", "events"))
}

/// The button below a table that shows only its first rows: "Show 3 more companies".
pub fn show_more(ds: &Dataset, more: usize) -> String {
    format!("Show {more} more {}", if more == 1 { ds.widget.row } else { ds.widget.rows })
}

/// Alt text for a picture of the whole matrix (the build's images, the newsletter and AMP variants): the summary
/// sentence, then the matrix's shape and its cells per outcome, each cell showing its most recent event's.
pub fn image_alt(ds: &Dataset, grid: &crate::grid::Grid) -> String {
    let companies = grid.company_events.iter().filter(|&&n| n > 0).count();
    let mut per = vec![0usize; ds.outcomes.len()];
    for cell in grid.cells.iter().flatten() {
        per[cell.outcome as usize] += 1;
    }
    let counts: Vec<String> = ds
        .outcomes
        .iter()
        .zip(&per)
        .filter(|&(_, &n)| n > 0)
        .map(|(o, &n)| format!("{n} {}", o.label.to_lowercase()))
        .collect();
    format!(
        "{} A matrix of {} by {} types of pressure; of its {} non-empty cells, each showing the outcome of its most recent event: {}.",
        ds.summary,
        rows(ds, companies),
        ds.pressure_types.len(),
        per.iter().sum::<usize>(),
        join(&counts, ", ")
    )
}

/// A company's events in the grid (so: as of its date, if any), oldest first; on the same date the data's
/// order. Each event once, however many pressure types it has.
pub fn company_events(ds: &Dataset, grid: &crate::grid::Grid, company: u16) -> Vec<u16> {
    let mut out: Vec<u16> = grid.row(company).flat_map(|(_, c)| c.events.iter().copied()).collect();
    crate::grid::sort_indices(&mut out, &|a, b| (ds.events[a as usize].date, a).cmp(&(ds.events[b as usize].date, b)));
    out.dedup();
    out
}

/// How a company's outcomes went over its events (oldest first), each change once:
/// "No change (Jun 2018) → Ties cut (Oct 2019) → No change (2020)". None when it never changed.
pub fn company_history(ds: &Dataset, events: &[u16]) -> Option<String> {
    let mut steps: Vec<(u8, Date)> = Vec::new();
    for &e in events {
        let ev = &ds.events[e as usize];
        if steps.last().is_none_or(|&(o, _)| o != ev.outcome) {
            steps.push((ev.outcome, ev.date));
        }
    }
    (steps.len() > 1)
        .then(|| join(steps.iter().map(|&(o, d)| format!("{} ({})", ds.outcomes[o as usize].label, d.short())), " → "))
}

/// The line that stands for the summary when the matrix is shown as of a date: "As of August 2019: 12 companies
/// pressured, 30 events; 3 with at least one “Ties cut” outcome." From the view, so it agrees with the figures.
pub fn as_of_line(ds: &Dataset, view: &View, asof: Date) -> String {
    format!(
        "As of {}: {} pressured, {}; {} with at least one “{}” outcome. Later events are not shown.",
        asof.long(),
        rows(ds, view.rows.len()),
        count(view.events, "event", "events"),
        view.strongest,
        ds.outcomes.first().map_or("", |o| o.label)
    )
}

/// A date as `YYYY-MM`, the value of a month input (January when the month is unknown).
pub fn month_value(d: Date) -> String {
    format!("{:04}-{:02}", d.y, d.m.max(1))
}

/// How to cite the data as seen at `permalink`: APA, Chicago and BibTeX, each with the version, the date it
/// was updated and the content hash of `data/dataset.json`.
pub fn citations(ds: &Dataset, permalink: &str, hash: &str) -> [(&'static str, String); 3] {
    let (v, updated) = (ds.version, ds.updated);
    // A BibTeX key from the title's first words: "techcompaniesunder-0-2-0".
    let key: String = ds
        .title
        .split_whitespace()
        .take(3)
        .flat_map(|w| w.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()))
        .collect();
    [
        (
            "APA",
            format!(
                "{} (Version {v}; content hash {hash}) [Data set]. Updated {}. {permalink}",
                ds.title,
                updated.long()
            ),
        ),
        (
            "Chicago",
            format!(
                "“{}.” Dataset, version {v}, content hash {hash}. Updated {}. {permalink}.",
                ds.title,
                updated.long()
            ),
        ),
        (
            "BibTeX",
            format!(
                "@misc{{{key}-{},\n  title = {{{}}},\n  note = {{Dataset, version {v}, content hash {hash}, updated {}}},\n  year = {{{}}},\n  url = {{{permalink}}}\n}}",
                join(v.split('.').map(|p| p.to_string()), "-"),
                ds.title,
                updated.iso(),
                updated.y
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(count(1, "event", "events"), "1 event");
        assert_eq!(count(0, "event", "events"), "0 events");
        assert_eq!(count(2, "company", "companies"), "2 companies");
    }

    #[test]
    fn figures_group_thousands_and_keep_qualifiers() {
        assert_eq!(figure("more than", 450, "signatures"), "more than 450 signatures");
        assert_eq!(figure("", 1495, "employees"), "1,495 employees");
        assert_eq!(figure("about", 1_000_000, "people"), "about 1,000,000 people");
    }
}
