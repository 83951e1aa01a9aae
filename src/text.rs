//! Words the view shows, built from the data: plural forms, cell names for screen readers, the
//! figures line. Pure functions, tested natively.

use crate::matrix::{CellRef, View};
use crate::model::{Dataset, Date};

/// "1 event", "3 events".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Everything a sighted reader gets from a cell, in words:
/// "Palantir, Employee letter or petition: No change, 3 events, latest May 2019".
pub fn cell_name(ds: &Dataset, at: CellRef, outcome: u8, events: usize, latest: Date) -> String {
    format!(
        "{}, {}: {}, {}, latest {}",
        ds.companies[at.company as usize].name,
        ds.pressure_types[at.pressure as usize].label,
        ds.outcomes[outcome as usize].label,
        count(events, "event", "events"),
        latest.short()
    )
}

/// The polite announcement after a filter change: "14 companies, 52 events shown".
pub fn shown(view: &View) -> String {
    format!("{}, {} shown", count(view.rows.len(), "company", "companies"), count(view.events, "event", "events"))
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
}
