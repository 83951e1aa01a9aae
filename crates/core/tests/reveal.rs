//! Drawing a change in steps: the invariants of `reveal.rs`, on the fixture tracker and on the real data, with
//! every row limit from one row to all of them.

mod common;

use common::datasets;
use ice_matrix_core::grid::{Filter, Grid, ROW_LIMIT, View};
use ice_matrix_core::reveal::{Drawn, FIRST_ROWS, RenderedRow, Reveal, rendered, row_masks};

fn drawn(rows: &[RenderedRow]) -> Vec<u16> {
    rows.iter().filter(|r| r.drawn).map(|r| r.company).collect()
}

/// The steps a change from `key` 1 to `key` 2 takes, starting from `on_screen` rows: each step's `Drawn`.
fn steps(on_screen: usize, whole: usize) -> Vec<Drawn> {
    let (mut r, mut out) = (Reveal::new(1u8), vec![Drawn::First(on_screen)]);
    assert_eq!(r.drawn(2), None, "a new key starts from the rows on screen");
    while let Some(next) = r.next_step(2, *out.last().unwrap(), whole) {
        r = next;
        out.push(r.drawn(2).unwrap());
        assert!(out.len() <= whole + 2, "the steps terminate");
    }
    out
}

#[test]
fn the_steps_start_from_the_rows_on_screen_grow_and_end_whole() {
    for whole in [0, 1, 5, FIRST_ROWS, 46, 200, 4600] {
        for on_screen in [0, 1, 7, FIRST_ROWS, whole] {
            let s = steps(on_screen, whole);
            let count = |d: &Drawn| match d {
                Drawn::All => usize::MAX,
                Drawn::First(n) => *n,
            };
            assert!(s.windows(2).all(|w| count(&w[1]) > count(&w[0])), "monotone: {s:?}");
            assert_eq!(*s.last().unwrap(), Drawn::All, "ends whole: {s:?}");
            assert!(s[1..s.len() - 1].iter().all(|d| !d.covers(whole)), "no step after the table is whole: {s:?}");
        }
    }
    // The first render draws everything at once and takes no step.
    assert_eq!(Reveal::new(1u8).drawn(1), Some(Drawn::All));
    assert_eq!(Reveal::new(1u8).next_step(1, Drawn::All, 10), None);
}

#[test]
fn rows_on_screen_after_a_render_are_caught_up_before_the_frame_is_painted() {
    let start = Reveal::new(1u8);
    let caught = start.catch_up(2, Drawn::First(7), 9, 40).expect("two more rows came on screen");
    assert_eq!(caught.drawn(2), Some(Drawn::First(9)));
    assert!(caught.needs_recount(2), "a catch-up is counted again");
    assert_eq!(start.catch_up(2, Drawn::First(7), 7, 40), None, "as many on screen: nothing to do");
    assert_eq!(start.catch_up(2, Drawn::First(7), 45, 40).and_then(|r| r.drawn(2)), Some(Drawn::All));
    assert_eq!(start.catch_up(2, Drawn::All, 3, 40), None);
    assert!(start.needs_recount(2) && !start.needs_recount(1), "counted after the first render of a change");
    assert!(!start.next_step(2, Drawn::First(7), 40).unwrap().needs_recount(2), "not after a step below the screen");
    // Coming back to a key starts from the rows on screen again.
    let recorded = start.next_step(3, Drawn::All, 10).expect("a new key drawn whole at once is recorded");
    assert_eq!(recorded.drawn(1), None);
}

#[test]
fn while_a_change_is_drawn_rows_not_reached_keep_what_they_showed_and_the_end_is_a_fresh_render() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let all = View::build(ds, &g, &Filter::default());
        for s in 0..ds.sectors.len() {
            let sector = View::build(ds, &g, &Filter { sector: Some(s as u8), ..Filter::default() });
            for limit in [Some(1), Some(3), Some(ROW_LIMIT), None] {
                for (from, to) in [(&all, &sector), (&sector, &all)] {
                    let before = rendered(from, &g, limit, Drawn::All, &[]);
                    let fresh = rendered(to, &g, limit, Drawn::All, &[]);
                    let mut last = before.clone();
                    for step in 0..=to.drawable(limit) {
                        let now = rendered(to, &g, limit, Drawn::First(step), &last);
                        let shown = drawn(&now);
                        // The first `step` rows shown are the new view's; each company at most once.
                        let want: Vec<u16> = drawn(&fresh).into_iter().take(step).collect();
                        assert_eq!(&shown[..want.len().min(shown.len())], &want[..], "{}: step {step}", ds.title);
                        let mut seen = shown.clone();
                        seen.sort();
                        seen.dedup();
                        assert_eq!(seen.len(), shown.len(), "no row twice");
                        // The rows after them show what they showed before.
                        for r in &now {
                            if !shown[..want.len()].contains(&r.company) && r.drawn {
                                assert!(drawn(&last).contains(&r.company), "row {} appeared unreached", r.company);
                            }
                        }
                        assert_eq!(
                            rendered(to, &g, limit, Drawn::First(step), &now),
                            now,
                            "rendering again changes nothing"
                        );
                        last = now;
                    }
                    assert_eq!(rendered(to, &g, limit, Drawn::All, &last), fresh, "the end is a fresh render");
                }
            }
        }
    }
}

#[test]
fn every_row_fits_under_the_limit_so_filters_only_hide_rows() {
    for ds in datasets() {
        let g = Grid::build(ds);
        assert!(ds.companies.len() <= ROW_LIMIT, "{}", ds.title);
        let sector = View::build(
            ds,
            &g,
            &Filter { sector: Some(ds.companies[g.order[0] as usize].sector), ..Filter::default() },
        );
        let rows = rendered(&sector, &g, Some(ROW_LIMIT), Drawn::All, &[]);
        assert_eq!(rows.iter().map(|r| r.company).collect::<Vec<_>>(), g.order, "every company, in the grid's order");
        assert_eq!(drawn(&rows), sector.rows);
        // A limit below the number of rows: only the first listed, none hidden.
        let rows = rendered(&sector, &g, Some(1), Drawn::All, &[]);
        assert_eq!(drawn(&rows), sector.rows[..1]);
        assert!(rows.iter().all(|r| r.drawn));
    }
}

#[test]
fn while_an_outcome_toggle_is_drawn_the_rows_not_reached_keep_what_they_blanked() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let all = View::build(ds, &g, &Filter::default());
        let rows = rendered(&all, &g, Some(ROW_LIMIT), Drawn::All, &[]);
        let (old, new) = (0u32, (1u32 << ds.outcomes.len()) - 1);
        let mut last = vec![old; ds.companies.len()];
        let masks = row_masks(&g, &rows, new, Drawn::First(2), &mut last);
        let mut reached = 0;
        for (r, &m) in rows.iter().zip(&masks) {
            let want = if r.drawn && reached < 2 { new } else { old } & g.company_outcomes[r.company as usize];
            reached += r.drawn as usize;
            assert_eq!(m, want, "row {}", r.company);
        }
        assert_eq!(row_masks(&g, &rows, new, Drawn::First(2), &mut last), masks, "the same step again changes nothing");
        let done = row_masks(&g, &rows, new, Drawn::All, &mut last);
        assert!(rows.iter().zip(&done).all(|(r, &m)| m == new & g.company_outcomes[r.company as usize]));
    }
}
