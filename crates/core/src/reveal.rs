//! Drawing a change to the matrix in steps, as pure logic.
//!
//! A change to the table (another sector, the tech switch, "Show more", an outcome hidden or shown) is drawn
//! in steps so that the reader's input is answered in the next frame, whatever the size of the data:
//!
//! 1. The render that answers the input draws the rows on screen: the view measures them
//!    (`browser::rows_on_screen`) before the render changes the table, or takes [`FIRST_ROWS`] when it cannot.
//! 2. Once that render is laid out, rows it did not reach that are on screen now (new rows can be shorter than
//!    the old) are drawn before the frame is painted ([`Reveal::catch_up`]).
//! 3. The rest follow in tasks of their own, [`ROW_CHUNK`] or more at a time ([`Reveal::next_step`]), until the
//!    table is whole. The table is `aria-busy` meanwhile.
//!
//! Invariants: rows not reached yet keep what they showed in the last render ([`rendered`], [`row_masks`]), so a
//! step adds and removes only the rows it reaches; the steps terminate and never go back; once a key is drawn
//! whole, rows added later (the reader asks for all rows) are drawn with it too; and the end of the steps is
//! exactly the table a fresh render of the same view draws. `docs/performance.md` has what this saves.

use crate::grid::{Grid, ROW_LIMIT, View};

/// Rows drawn in the render that answers a change when the rows on screen cannot be measured (in a frame, whose
/// viewport is the whole embed rather than the reader's screen): what a 900 px screen shows of the table below
/// the filters.
pub const FIRST_ROWS: usize = 10;
/// The fewest rows a later step draws; past a few screens a step draws a quarter of the rows drawn so far, up
/// to [`ROW_LIMIT`].
pub const ROW_CHUNK: usize = 10;

/// How many rows show the table's current state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drawn {
    /// Every row, also rows added later.
    All,
    /// The first this many rows listed; the others keep what they showed.
    First(usize),
}

impl Drawn {
    /// Whether row `i` (counting the rows listed from 0) shows the current state.
    pub fn reaches(self, i: usize) -> bool {
        match self {
            Drawn::All => true,
            Drawn::First(n) => i < n,
        }
    }

    /// Whether all `whole` rows show the current state.
    pub fn covers(self, whole: usize) -> bool {
        match self {
            Drawn::All => true,
            Drawn::First(n) => n >= whole,
        }
    }
}

/// The steps in which the rows come to show the table's state `key` (one for the rows listed, one for the
/// outcomes hidden).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reveal<K> {
    key: K,
    drawn: Drawn,
    /// Set by [`Reveal::catch_up`]: the rows on screen are to be counted again once this is laid out.
    caught_up: bool,
}

impl<K: Copy + PartialEq> Reveal<K> {
    /// The first render draws every row at once (the wasm's first view replaces the static one).
    pub fn new(key: K) -> Self {
        Reveal { key, drawn: Drawn::All, caught_up: false }
    }

    /// How many rows show `key` now, or `None` when `key` is new: then the rows on screen do, in the render
    /// that answers the change.
    pub fn drawn(&self, key: K) -> Option<Drawn> {
        (self.key == key).then_some(self.drawn)
    }

    /// Whether the rows on screen are to be counted once a render of `key` is laid out: after the first render
    /// of a change and after a catch-up, not after a later step (its rows are below the screen, and counting
    /// them forces a layout of the whole table).
    pub fn needs_recount(&self, key: K) -> bool {
        self.key != key || self.caught_up
    }

    /// After a render that drew `drawn` of the `whole` rows of `key`, with `on_screen` rows on screen once it
    /// is laid out: the state that draws those too, to be rendered before the frame is painted, or `None` when
    /// the render drew them all.
    pub fn catch_up(&self, key: K, drawn: Drawn, on_screen: usize, whole: usize) -> Option<Reveal<K>> {
        let Drawn::First(n) = drawn else { return None };
        (n < whole && on_screen > n).then_some(Reveal {
            key,
            drawn: if on_screen >= whole { Drawn::All } else { Drawn::First(on_screen) },
            caught_up: true,
        })
    }

    /// The step after a render that drew `drawn` of the `whole` rows of `key`, or `None` when all show it. A new
    /// key whose rows were all drawn at once takes one step that only records it, so that coming back to the
    /// previous key starts from the rows on screen again.
    pub fn next_step(&self, key: K, drawn: Drawn, whole: usize) -> Option<Reveal<K>> {
        let next = match drawn {
            Drawn::All if self.key == key => return None,
            Drawn::All => Drawn::All,
            Drawn::First(n) => {
                // Past a few screens a step costs mostly a layout of the whole table, so steps grow with the
                // rows drawn.
                let next = n.saturating_add((n / 4).clamp(ROW_CHUNK, ROW_LIMIT));
                if next < whole { Drawn::First(next) } else { Drawn::All }
            }
        };
        Some(Reveal { key, drawn: next, caught_up: false })
    }
}

/// A row the matrix renders: its company, and whether it is drawn (not hidden).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderedRow {
    pub company: u16,
    pub drawn: bool,
}

/// The rows the matrix renders for `view`, in order. The first `drawn` listed rows (at most `limit`, `None` for
/// every row) show this view; the rows after them show what they showed in the last render (`last`) until a later
/// step reaches them.
///
/// When every company fits within `limit` and [`ROW_LIMIT`], all are rendered, in the grid's order, the others
/// hidden, so that filtering only sets attributes and never rebuilds rows. When not (more companies than that,
/// also once the reader asked for all of them), only drawn rows are rendered, and a company already drawn is not
/// kept again from `last`: thousands of hidden rows would cost more than rebuilding the few a filter shows.
pub fn rendered(
    view: &View,
    grid: &Grid,
    limit: Option<usize>,
    drawn: Drawn,
    last: &[RenderedRow],
) -> Vec<RenderedRow> {
    let drawn = if drawn.covers(view.drawable(limit)) { Drawn::All } else { drawn };
    let mut was = vec![false; view.listed.len()];
    for r in last {
        if let Some(w) = was.get_mut(r.company as usize) {
            *w = r.drawn;
        }
    }
    let limit = limit.unwrap_or(usize::MAX);
    let mut reached = 0;
    if grid.order.len() <= limit.min(ROW_LIMIT) {
        return grid
            .order
            .iter()
            .map(|&company| {
                if !drawn.reaches(reached) {
                    return RenderedRow { company, drawn: was[company as usize] };
                }
                let listed = view.listed[company as usize];
                reached += listed as usize;
                RenderedRow { company, drawn: listed }
            })
            .collect();
    }
    let mut out = Vec::with_capacity(limit.min(view.listed_count));
    for &company in &grid.order {
        if reached == limit || !drawn.reaches(reached) {
            break;
        }
        if view.listed[company as usize] {
            reached += 1;
            was[company as usize] = false;
            out.push(RenderedRow { company, drawn: true });
        }
    }
    if let Drawn::First(n) = drawn {
        out.extend(last.iter().filter(|r| r.drawn).skip(n).filter(|r| was[r.company as usize]));
    }
    out
}

/// The outcomes each rendered row blanks while a change to the outcome filter is drawn: the first `masked` drawn
/// rows blank `mask`, the others what they blanked last (`last`, per company, which this updates), each
/// restricted to the row's own outcomes so that a row's props change only when its cells do.
pub fn row_masks(grid: &Grid, rendered: &[RenderedRow], mask: u32, masked: Drawn, last: &mut [u32]) -> Vec<u32> {
    let mut drawn = 0;
    rendered
        .iter()
        .map(|r| {
            let now = masked == Drawn::All || (r.drawn && masked.reaches(drawn));
            drawn += r.drawn as usize;
            let c = r.company as usize;
            if now {
                last[c] = mask;
            }
            last[c] & grid.company_outcomes[c]
        })
        .collect()
}
