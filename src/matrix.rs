//! Aggregation: from events to the cells of the company × pressure-type matrix, and from a filter to
//! what is shown. Pure Rust, no browser APIs.
//!
//! Rule for a cell with several events: it shows the outcome of its most recent event (on the same
//! date, the stronger break of ties, i.e. the lower rank). The legend states this rule.

use crate::model::{Dataset, Date};

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

/// The indexes in the order of their keys. Keys are unique (they end with the index), so an unstable sort
/// is exact. Both of the grid's orders go through here, as a heap sort (`BinaryHeap::into_sorted_vec`):
/// each closure given to `sort_by` compiled its own copy of a sort into the wasm, and the slice sorts are
/// several times the size of a heap's.
fn sorted(keyed: impl Iterator<Item = (u64, &'static str, u16)>) -> Vec<u16> {
    let heap: std::collections::BinaryHeap<_> = keyed.collect();
    heap.into_sorted_vec().into_iter().map(|k| k.2).collect()
}

impl Grid {
    pub fn build(ds: &Dataset) -> Grid {
        let width = ds.pressure_types.len();
        let mut lists: Vec<Vec<u16>> = vec![Vec::new(); ds.companies.len() * width];
        let mut company_events = vec![0u32; ds.companies.len()];
        for (i, e) in ds.events.iter().enumerate() {
            company_events[e.company as usize] += 1;
            for &p in e.pressure_types {
                lists[e.company as usize * width + p as usize].push(i as u16);
            }
        }
        let cells: Vec<Option<Cell>> = lists
            .into_iter()
            .map(|evs| {
                // Newest first; on the same date the stronger outcome leads, then the data's order (by
                // date and id) for stability.
                let evs = sorted(evs.into_iter().map(|i| {
                    let e = &ds.events[i as usize];
                    let date = u64::from(e.date.y) << 9 | u64::from(e.date.m) << 5 | u64::from(e.date.d);
                    ((u64::from(u32::MAX) - date) << 8 | u64::from(e.outcome), "", i)
                }));
                let head = &ds.events[*evs.first()? as usize];
                Some(Cell { outcome: head.outcome, latest: head.date, events: evs })
            })
            .collect();
        let mut company_outcomes = vec![0u32; ds.companies.len()];
        for (i, cell) in cells.iter().enumerate() {
            if let Some(c) = cell {
                company_outcomes[i / width.max(1)] |= 1 << c.outcome;
            }
        }
        // Most events first, then by name.
        let order = sorted((0..ds.companies.len() as u16).map(|c| {
            (u64::from(u32::MAX - company_events[c as usize]), ds.companies[c as usize].name, c)
        }));
        Grid { width, cells, company_events, company_outcomes, order }
    }

    pub fn cell(&self, at: CellRef) -> Option<&Cell> {
        if at.pressure as usize >= self.width {
            return None;
        }
        self.cells.get(at.company as usize * self.width + at.pressure as usize)?.as_ref()
    }
}

/// What the reader chose to see.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Bit `i` set hides cells whose outcome is `outcomes[i]`.
    pub hidden_outcomes: u32,
    /// Only this sector (index), if set.
    pub sector: Option<u8>,
    /// Hide companies in non-tech sectors.
    pub tech_only: bool,
}

impl Filter {
    pub fn shows_outcome(&self, outcome: u8) -> bool {
        self.hidden_outcomes & (1 << outcome) == 0
    }

    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }
}

/// The most rows the matrix renders until the reader asks for all of them. A matrix is read, not scrolled
/// through; and a bounded table keeps every update (and the first render) cheap whatever the data's size.
/// The real data is below it; the figures, the list and `sources.html` always cover every row.
pub const ROW_LIMIT: usize = 60;

/// Rows drawn in the frame that answers a change to the table when the rows on screen cannot be measured (in
/// a frame, whose viewport is the whole embed rather than the reader's screen): what a 900 px screen shows of the
/// table below the filters (rows are about 62 px tall). Laying out a row, or blanking its cells, costs about a
/// millisecond on a slow machine, so changing a whole table (up to `ROW_LIMIT` rows) at once would keep the
/// reader's input waiting for several frames.
pub const FIRST_ROWS: usize = 10;
/// Rows drawn in each task after the first frame, until the table is whole; past a few screens, a quarter of
/// the rows drawn so far, up to [`ROW_LIMIT`] ([`Reveal::next`]).
pub const ROW_CHUNK: usize = 10;

/// How many rows show the table's current state `key`: all of them on the first render (the wasm's first view
/// replaces the static one at once); after `key` changes, the rows on screen in the frame that answers the input
/// (the caller measures them), then [`ROW_CHUNK`] or more per task ([`Reveal::next`]) until all do. Rows not reached
/// yet keep what they showed ([`View::rendered`], [`row_masks`]): they are below the screen. The table uses one
/// for the rows listed (the sector filters and the limit) and one for the outcomes hidden.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reveal<K> {
    key: K,
    drawn: usize,
    /// Set by [`Reveal::reach`]: the rows on screen are to be counted again once this is laid out.
    reached: bool,
}

impl<K: Copy + PartialEq> Reveal<K> {
    pub fn new(key: K) -> Self {
        Reveal { key, drawn: usize::MAX, reached: false }
    }

    /// How many rows show `key` now (`usize::MAX` once all do), or `None` when `key` is new: then the rows on
    /// screen do, in the frame that answers the change.
    pub fn drawn(&self, key: K) -> Option<usize> {
        (self.key == key).then_some(self.drawn)
    }

    /// Whether the rows on screen are to be counted once a render of `key` is laid out ([`Reveal::reach`]): after
    /// the first render of a change, and after a render that reached more, not after a step that added rows below
    /// the screen (counting them forces a layout, which at 100x the data after "Show more" costs a whole table).
    pub fn check(&self, key: K) -> bool {
        self.key != key || self.reached
    }

    /// After a render that drew `drawn` of the `whole` rows of `key`: when more rows are on screen now
    /// (`on_screen`, measured once the render is laid out), the state that draws them too, to be rendered before
    /// the frame is painted. The first render's count came from the rows as they were, and new rows can be
    /// shorter.
    pub fn reach(&self, key: K, drawn: usize, on_screen: usize, whole: usize) -> Option<Reveal<K>> {
        (drawn < whole && on_screen > drawn).then_some(Reveal { key, drawn: if on_screen >= whole { usize::MAX } else { on_screen }, reached: true })
    }

    /// The next step while `drawn` of the `whole` rows show `key`, or `None` when all do. The step that reaches
    /// `whole` makes it `usize::MAX`, so that rows added later show `key` too. A new key whose rows all show it
    /// at once takes one step that only records it, so that coming back to the previous key starts from the
    /// rows on screen again.
    pub fn next(&self, key: K, drawn: usize, whole: usize) -> Option<Reveal<K>> {
        if drawn == usize::MAX && self.key == key {
            return None;
        }
        // Past a few screens, a step's cost is mostly laying out the whole table again (at 100x, 4,600 rows after
        // "Show more": about 0.1 s), so the steps grow with the rows drawn, up to ROW_LIMIT rows.
        let next = drawn.saturating_add((drawn / 4).clamp(ROW_CHUNK, ROW_LIMIT));
        let drawn = if drawn < whole && next < whole { next } else { usize::MAX };
        Some(Reveal { key, drawn, reached: false })
    }
}

/// The outcomes each rendered row blanks while a change to the outcome filter is drawn ([`Reveal`]): the first
/// `masked` drawn rows blank `mask`, the others what they blanked last (`last`, per company, which this
/// updates), each restricted to the row's own outcomes so that a row's props change only when its cells do.
pub fn row_masks(grid: &Grid, rendered: &[(u16, bool)], mask: u32, masked: usize, last: &mut [u32]) -> Vec<u32> {
    let mut drawn = 0;
    rendered
        .iter()
        .map(|&(c, shown)| {
            let now = masked == usize::MAX || (shown && drawn < masked);
            drawn += shown as usize;
            let c = c as usize;
            if now {
                last[c] = mask;
            }
            last[c] & grid.company_outcomes[c]
        })
        .collect()
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
            if f.sector.is_some_and(|s| s != company.sector) || (f.tech_only && !sector.tech) || grid.company_outcomes[c] == 0 {
                continue;
            }
            listed[c] = true;
            listed_count += 1;
            let mut shown = false;
            let mut cut = false;
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
                    cut |= ds.events[e as usize].outcome == 0;
                }
            }
            if shown {
                rows.push(c as u16);
                shown_rows[c] = true;
                strongest += cut as usize;
            }
        }
        View { rows, shown: shown_rows, listed, listed_count, events, strongest, cells_per_outcome }
    }

    /// The rows the matrix renders, in order, each with whether it is drawn. The first `drawn` listed rows (at
    /// most `limit`) show this view; the rows after them show what they showed in the last render (`last`) until
    /// a later step reaches them ([`Reveal`]), so a step adds and removes only the rows it reaches. When every
    /// company fits within `limit` and [`ROW_LIMIT`], all are rendered, in the grid's order, the others hidden, so
    /// that filtering only sets attributes and never rebuilds rows; when not (more companies than that, also once
    /// the reader asked for all of them), only drawn rows are rendered, and a company already drawn is not kept
    /// again from `last`: thousands of hidden rows would cost more than rebuilding the few a filter shows.
    pub fn rendered(&self, grid: &Grid, limit: usize, drawn: usize, last: &[(u16, bool)]) -> Vec<(u16, bool)> {
        let drawn = if drawn >= self.drawable(limit) { usize::MAX } else { drawn };
        let mut was = vec![false; self.listed.len()];
        for &(c, on) in last {
            if let Some(w) = was.get_mut(c as usize) {
                *w = on;
            }
        }
        let mut shown = 0;
        if grid.order.len() <= limit.min(ROW_LIMIT) {
            return grid
                .order
                .iter()
                .map(|&c| {
                    if shown >= drawn {
                        return (c, was[c as usize]);
                    }
                    let on = self.listed[c as usize];
                    shown += on as usize;
                    (c, on)
                })
                .collect();
        }
        let mut out = Vec::with_capacity(limit.min(self.listed_count));
        for &c in &grid.order {
            if shown == drawn.min(limit) {
                break;
            }
            if self.listed[c as usize] {
                shown += 1;
                was[c as usize] = false;
                out.push((c, true));
            }
        }
        if drawn != usize::MAX {
            out.extend(last.iter().filter(|r| r.1).skip(drawn).filter(|r| was[r.0 as usize]));
        }
        out
    }

    /// How many rows the matrix draws once it has drawn them all: the listed ones, at most `limit`.
    pub fn drawable(&self, limit: usize) -> usize {
        self.listed_count.min(limit)
    }

    /// Whether a cell is on screen: its row is shown and its outcome is not filtered out.
    pub fn shows(&self, grid: &Grid, f: &Filter, at: CellRef) -> bool {
        self.shown.get(at.company as usize).copied().unwrap_or(false) && grid.cell(at).is_some_and(|c| f.shows_outcome(c.outcome))
    }
}

/// A key that moves focus within the grid (the WAI-ARIA grid pattern).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKey {
    Up,
    Down,
    Left,
    Right,
    /// Home: the first cell of the row.
    RowStart,
    /// End: the last cell of the row.
    RowEnd,
    /// Ctrl+Home: the first cell of the grid.
    First,
    /// Ctrl+End: the last cell of the grid.
    Last,
}

impl GridKey {
    /// Maps a `KeyboardEvent.key` and the Ctrl (or Cmd) state to a move, if it is one.
    pub fn from_key(key: &str, ctrl: bool) -> Option<GridKey> {
        Some(match (key, ctrl) {
            ("ArrowUp", _) => GridKey::Up,
            ("ArrowDown", _) => GridKey::Down,
            ("ArrowLeft", _) => GridKey::Left,
            ("ArrowRight", _) => GridKey::Right,
            ("Home", false) => GridKey::RowStart,
            ("End", false) => GridKey::RowEnd,
            ("Home", true) => GridKey::First,
            ("End", true) => GridKey::Last,
            _ => return None,
        })
    }

    /// The (row, column) focus moves to from `at` in a grid of `rows` × `cols`; it stops at the edges.
    pub fn step(self, at: (usize, usize), rows: usize, cols: usize) -> (usize, usize) {
        if rows == 0 || cols == 0 {
            return (0, 0);
        }
        let (r, c) = (at.0.min(rows - 1), at.1.min(cols - 1));
        match self {
            GridKey::Up => (r.saturating_sub(1), c),
            GridKey::Down => ((r + 1).min(rows - 1), c),
            GridKey::Left => (r, c.saturating_sub(1)),
            GridKey::Right => (r, (c + 1).min(cols - 1)),
            GridKey::RowStart => (r, 0),
            GridKey::RowEnd => (r, cols - 1),
            GridKey::First => (0, 0),
            GridKey::Last => (rows - 1, cols - 1),
        }
    }
}
