//! Aggregation: from events to the cells of the row × pressure-type matrix, and from a filter to what is
//! shown. Pure Rust, no browser APIs.
//!
//! Rule for a cell with several events: it shows the outcome of its most recent event (on the same
//! date, the stronger break of ties, i.e. the lower rank). The legend states this rule.

use crate::model::{Dataset, Date};

/// The most rows the matrix renders until the reader asks for all of them. A matrix is read, not scrolled
/// through; and a bounded table keeps every update (and the first render) cheap whatever the data's size.
/// The figures, the list and `sources.html` always cover every row.
pub const ROW_LIMIT: usize = 60;

/// Which cell: company index and pressure-type index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CellRef {
    pub company: u16,
    pub pressure: u8,
}

impl CellRef {
    /// The DOM id of the cell in the widget: "cell-3-2". The view gives focus back to a cell by it, reads
    /// the clicked cell from it, and the context panel's buttons (HTML made at build time) name the cell
    /// they open by it, in `data-cell`.
    pub fn dom_id(self) -> String {
        format!("cell-{}-{}", self.company, self.pressure)
    }

    /// The cell's name in links, by ids: `palantir.employee-letter`, its anchor in `sources.html` and its
    /// value in the hash's `cell=`.
    pub fn anchor(self, ds: &Dataset) -> String {
        format!("{}.{}", ds.companies[self.company as usize].id, ds.pressure_types[self.pressure as usize].id)
    }

    /// The cell a [`CellRef::dom_id`] names; None for any other id.
    pub fn from_dom_id(id: &str) -> Option<CellRef> {
        let (company, pressure) = id.strip_prefix("cell-")?.split_once('-')?;
        Some(CellRef { company: company.parse().ok()?, pressure: pressure.parse().ok()? })
    }
}

/// The events behind one cell.
#[derive(Debug, PartialEq)]
pub struct Cell {
    /// Event indexes, newest first.
    pub events: Vec<u16>,
    /// The outcome the cell shows (index into `outcomes`), from its most recent event.
    pub outcome: u8,
    pub latest: Date,
    /// How many of its events have that outcome: fewer than all of them in a mixed cell, which says so.
    pub matching: u16,
}

impl Cell {
    /// True when the cell's events have more than one outcome.
    pub fn is_mixed(&self) -> bool {
        usize::from(self.matching) < self.events.len()
    }
}

/// All non-empty cells, computed once from the dataset.
#[derive(Debug, PartialEq)]
pub struct Grid {
    pub width: usize,
    /// `cells[company * width + pressure]`.
    pub cells: Vec<Option<Cell>>,
    /// Events per company.
    pub company_events: Vec<u32>,
    /// Per company, bit `o` set when one of its cells shows outcome `o`.
    pub company_outcomes: Vec<u32>,
    /// Every company in row order: most events first, then by name. A filter shows a subsequence, so
    /// the view can keep every row and hide the others instead of rebuilding the table.
    pub order: Vec<u16>,
}

impl Grid {
    pub fn build(ds: &Dataset) -> Grid {
        Grid::as_of(ds, None)
    }

    /// The matrix as it stood on `asof`: only the events that count by then ([`Date::counts_as_of`]), each cell
    /// showing the outcome of its latest of those. `None`: every event.
    pub fn as_of(ds: &Dataset, asof: Option<Date>) -> Grid {
        let width = ds.pressure_types.len();
        let mut lists: Vec<Vec<u16>> = vec![Vec::new(); ds.companies.len() * width];
        let mut company_events = vec![0u32; ds.companies.len()];
        for (i, e) in ds.events.iter().enumerate() {
            if asof.is_some_and(|d| !e.date.counts_as_of(d)) {
                continue;
            }
            company_events[e.company as usize] += 1;
            for &p in e.pressure_types {
                lists[e.company as usize * width + p as usize].push(i as u16);
            }
        }
        let cells: Vec<Option<Cell>> = lists
            .into_iter()
            .map(|mut evs| {
                // Newest first; on the same date the stronger outcome (lower rank) leads, then the data's order.
                let key = |i: u16| {
                    let e = &ds.events[i as usize];
                    (std::cmp::Reverse(e.date), e.outcome, i)
                };
                sort_indices(&mut evs, &|a, b| key(a).cmp(&key(b)));
                let head = &ds.events[*evs.first()? as usize];
                let matching = evs.iter().filter(|&&i| ds.events[i as usize].outcome == head.outcome).count() as u16;
                Some(Cell { outcome: head.outcome, latest: head.date, events: evs, matching })
            })
            .collect();
        let mut company_outcomes = vec![0u32; ds.companies.len()];
        for (i, cell) in cells.iter().enumerate() {
            if let Some(c) = cell {
                company_outcomes[i / width.max(1)] |= outcome_bit(c.outcome);
            }
        }
        // Most events first, then by name.
        let mut order: Vec<u16> = (0..ds.companies.len() as u16).collect();
        let key = |c: u16| (std::cmp::Reverse(company_events[c as usize]), ds.companies[c as usize].name, c);
        sort_indices(&mut order, &|a, b| key(a).cmp(&key(b)));
        Grid { width, cells, company_events, company_outcomes, order }
    }

    /// A company's non-empty cells, by pressure type in column order.
    pub fn row(&self, company: u16) -> impl Iterator<Item = (u8, &Cell)> + '_ {
        (0..self.width as u8).filter_map(move |p| Some((p, self.cell(CellRef { company, pressure: p })?)))
    }

    /// The companies with events, in row order: the rows the matrix draws with no filter.
    pub fn rows(&self) -> impl Iterator<Item = u16> + '_ {
        self.order.iter().copied().filter(|&c| self.company_events[c as usize] > 0)
    }

    pub fn cell(&self, at: CellRef) -> Option<&Cell> {
        if at.pressure as usize >= self.width {
            return None;
        }
        self.cells.get(at.company as usize * self.width + at.pressure as usize)?.as_ref()
    }
}

/// The bit of an outcome in a set of outcomes; none for an index past [`crate::model::MAX_OUTCOMES`].
pub fn outcome_bit(outcome: u8) -> u32 {
    1u32.checked_shl(u32::from(outcome)).unwrap_or(0)
}

/// What the reader chose to see.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Bit `i` set hides cells whose outcome is `outcomes[i]` (the validator keeps outcomes within
    /// [`crate::model::MAX_OUTCOMES`]).
    pub hidden_outcomes: u32,
    /// Only this sector (index), if set.
    pub sector: Option<u8>,
    /// Hide companies in non-tech sectors.
    pub tech_only: bool,
}

impl Filter {
    pub fn shows_outcome(&self, outcome: u8) -> bool {
        self.hidden_outcomes & outcome_bit(outcome) == 0
    }

    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }
}

/// The matrix as shown under a filter, with the figures that describe it.
#[derive(Debug, PartialEq)]
pub struct View {
    /// Company indexes of the rows shown, most events first, then by name (a subsequence of
    /// [`Grid::order`]).
    pub rows: Vec<u16>,
    /// Per company index: whether it has a shown cell (it is in `rows`).
    pub shown: Vec<bool>,
    /// Per company index: whether the matrix draws its row, i.e. it has events and passes the sector
    /// filters. The outcome filter blanks cells but keeps rows, so the matrix keeps its shape (and
    /// toggling an outcome never re-lays out the table).
    pub listed: Vec<bool>,
    /// How many companies are listed.
    pub listed_count: usize,
    /// Distinct events behind the shown cells.
    pub events: usize,
    /// Shown companies with at least one shown event of the strongest outcome (rank order's first).
    pub strongest: usize,
    /// Shown cells per outcome index.
    pub cells_per_outcome: Vec<usize>,
}

impl View {
    pub fn build(ds: &Dataset, grid: &Grid, f: &Filter) -> View {
        let mut rows = Vec::new();
        let mut counted = vec![false; ds.events.len()];
        let mut events = 0;
        let mut strongest = 0;
        let mut cells_per_outcome = vec![0; ds.outcomes.len()];
        let mut shown_rows = vec![false; ds.companies.len()];
        let mut listed = vec![false; ds.companies.len()];
        let mut listed_count = 0;
        for &c in &grid.order {
            let (c, company) = (c as usize, &ds.companies[c as usize]);
            let sector = &ds.sectors[company.sector as usize];
            if f.sector.is_some_and(|s| s != company.sector)
                || (f.tech_only && !sector.tech)
                || grid.company_outcomes[c] == 0
            {
                continue;
            }
            listed[c] = true;
            listed_count += 1;
            let mut shown = false;
            let mut strongest_here = false;
            for p in 0..grid.width {
                let Some(cell) = grid.cell(CellRef { company: c as u16, pressure: p as u8 }) else { continue };
                if !f.shows_outcome(cell.outcome) {
                    continue;
                }
                shown = true;
                cells_per_outcome[cell.outcome as usize] += 1;
                for &e in &cell.events {
                    if !counted[e as usize] {
                        counted[e as usize] = true;
                        events += 1;
                    }
                    strongest_here |= ds.events[e as usize].outcome == 0;
                }
            }
            if shown {
                rows.push(c as u16);
                shown_rows[c] = true;
                strongest += strongest_here as usize;
            }
        }
        View { rows, shown: shown_rows, listed, listed_count, events, strongest, cells_per_outcome }
    }

    /// How many rows the matrix draws once it has drawn them all: the listed ones, at most `limit` (`None` for
    /// no limit).
    pub fn drawable(&self, limit: Option<usize>) -> usize {
        limit.map_or(self.listed_count, |l| self.listed_count.min(l))
    }

    /// Whether a cell is on screen: its row is shown and its outcome is not filtered out.
    pub fn shows(&self, grid: &Grid, f: &Filter, at: CellRef) -> bool {
        self.shown.get(at.company as usize).copied().unwrap_or(false)
            && grid.cell(at).is_some_and(|c| f.shows_outcome(c.outcome))
    }
}

/// Sorts indices (of events, of companies) by `cmp`. Through a `dyn` comparator, so that every caller shares one
/// copy of the standard library's sort: each key type would get its own, 2.4 KB of wasm apiece.
pub fn sort_indices(v: &mut [u16], cmp: &dyn Fn(u16, u16) -> std::cmp::Ordering) {
    v.sort_unstable_by(|&a, &b| cmp(a, b));
}
