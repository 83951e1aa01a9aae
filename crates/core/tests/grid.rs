//! The matrix's aggregation, filters, the reducer and the hash, on the fixture tracker and on the real data.
//! Expectations are computed from each dataset, never typed in.

mod common;

use common::{datasets, real};
use ice_matrix_core::grid::{CellRef, Filter, Grid, View, outcome_bit};
use ice_matrix_core::panel::Panel;
use ice_matrix_core::state::{Action, ViewState};
use ice_matrix_core::words;

/// The first cell (in the grid's order) with several events.
fn busy_cell(g: &Grid) -> CellRef {
    let i = g
        .cells
        .iter()
        .position(|c| c.as_ref().is_some_and(|c| c.events.len() > 1))
        .expect("a cell with several events");
    CellRef { company: (i / g.width) as u16, pressure: (i % g.width) as u8 }
}

#[test]
fn every_event_lands_in_one_cell_per_pressure_type() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let placed: usize = g.cells.iter().flatten().map(|c| c.events.len()).sum();
        assert_eq!(placed, ds.events.iter().map(|e| e.pressure_types.len()).sum::<usize>());
        for (i, e) in ds.events.iter().enumerate() {
            for &p in e.pressure_types {
                let cell = g.cell(CellRef { company: e.company, pressure: p }).expect("cell exists");
                assert!(cell.events.contains(&(i as u16)), "{} missing from its cell", e.id);
            }
        }
    }
}

#[test]
fn a_cell_shows_the_outcome_of_its_most_recent_event_and_lists_newest_first() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let mut changed = 0;
        for cell in g.cells.iter().flatten() {
            let events: Vec<_> = cell.events.iter().map(|&e| &ds.events[e as usize]).collect();
            assert!(
                events
                    .windows(2)
                    .all(|w| (w[0].date, std::cmp::Reverse(w[0].outcome))
                        >= (w[1].date, std::cmp::Reverse(w[1].outcome))),
                "newest first, the stronger first on a tie"
            );
            assert_eq!((cell.outcome, cell.latest), (events[0].outcome, events[0].date));
            changed += events.iter().any(|e| e.outcome != cell.outcome) as usize;
        }
        assert!(changed > 0, "{}: some cell's events differ in outcome, so the rule is exercised", ds.title);
    }
}

#[test]
fn hiding_an_outcome_removes_its_cells_and_rows_left_empty() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let all = View::build(ds, &g, &Filter::default());
        // The outcome the most cells show.
        let most = (0..ds.outcomes.len()).max_by_key(|&o| all.cells_per_outcome[o]).unwrap() as u8;
        let v = View::build(ds, &g, &Filter { hidden_outcomes: outcome_bit(most), ..Filter::default() });
        assert_eq!(v.cells_per_outcome[most as usize], 0);
        assert!(v.events < all.events);
        for &c in &v.rows {
            let visible = (0..g.width)
                .filter_map(|p| g.cell(CellRef { company: c, pressure: p as u8 }))
                .any(|cell| cell.outcome != most);
            assert!(visible, "row {} kept without a visible cell", ds.companies[c as usize].name);
        }
    }
}

#[test]
fn the_unfiltered_view_shows_every_company_with_events_and_every_event() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let v = View::build(ds, &g, &Filter::default());
        assert_eq!(v.events, ds.events.len());
        assert_eq!(v.rows.len(), (0..ds.companies.len()).filter(|&c| g.company_events[c] > 0).count());
        let counts: Vec<u32> = v.rows.iter().map(|&c| g.company_events[c as usize]).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "rows sorted by events, most first");
        let strongest: std::collections::HashSet<u16> =
            ds.events.iter().filter(|e| e.outcome == 0).map(|e| e.company).collect();
        assert_eq!(v.strongest, strongest.len());
        let pos = |c: u16| g.order.iter().position(|&x| x == c).unwrap();
        assert!(v.rows.windows(2).all(|w| pos(w[0]) < pos(w[1])), "rows follow the grid's order");
    }
}

#[test]
fn sector_and_switch_filters_keep_only_matching_rows() {
    for ds in datasets() {
        let g = Grid::build(ds);
        for s in 0..ds.sectors.len() {
            let v = View::build(ds, &g, &Filter { sector: Some(s as u8), ..Filter::default() });
            assert!(v.rows.iter().all(|&c| ds.companies[c as usize].sector == s as u8));
        }
        let v = View::build(ds, &g, &Filter { tech_only: true, ..Filter::default() });
        assert!(!v.rows.is_empty());
        assert!(v.rows.iter().all(|&c| ds.sectors[ds.companies[c as usize].sector as usize].tech));
        assert!(
            v.rows.len() < View::build(ds, &g, &Filter::default()).rows.len(),
            "{}: the data has rows the switch hides",
            ds.title
        );
    }
}

#[test]
fn each_rows_outcome_mask_names_exactly_the_outcomes_its_cells_show() {
    for ds in datasets() {
        let g = Grid::build(ds);
        for c in 0..ds.companies.len() {
            let mask = (0..g.width)
                .filter_map(|p| g.cell(CellRef { company: c as u16, pressure: p as u8 }))
                .fold(0, |m, cell| m | outcome_bit(cell.outcome));
            assert_eq!(g.company_outcomes[c], mask, "{}", ds.companies[c].name);
        }
    }
}

#[test]
fn the_reducer_changes_state_only_when_something_changes() {
    let ds = common::fixture();
    let g = Grid::build(ds);
    let s = ViewState::default();
    let at = busy_cell(&g);
    let opened = s.apply(Action::Open(at)).expect("opening changes state");
    assert_eq!(opened.open, Some(at));
    assert_eq!(opened.apply(Action::Open(at)), None, "same cell again is a no-op");
    assert_eq!(opened.apply(Action::Close).unwrap().open, None);
    assert_eq!(s.apply(Action::Close), None);
    let hidden = s.apply(Action::ToggleOutcome(2)).unwrap();
    assert!(!hidden.filter.shows_outcome(2));
    assert_eq!(hidden.apply(Action::ToggleOutcome(2)).unwrap(), s);
    assert_eq!(s.apply(Action::ToggleOutcome(40)), None, "an out-of-range outcome is ignored");
    assert_eq!(opened.apply(Action::Reset).unwrap(), s);
    let method = s.apply(Action::TogglePanel(Panel::Method)).unwrap();
    assert_eq!(method.panel, Some(Panel::Method));
    assert_eq!(method.apply(Action::TogglePanel(Panel::Data)).unwrap().panel, Some(Panel::Data), "one panel at a time");
    assert_eq!(method.apply(Action::TogglePanel(Panel::Method)).unwrap().panel, None, "the same tab closes it");
    // The narrow layout's folds and its switch to the full grid stay out of the link.
    let unfolded = s.apply(Action::ToggleControls).unwrap().apply(Action::SetGrid(true)).unwrap();
    assert!(unfolded.controls && unfolded.grid);
    assert_eq!(unfolded.to_hash(ds), "", "the default view, unfolded, still has no hash");
}

#[test]
fn the_hash_round_trips_every_part_of_the_view() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let at = busy_cell(&g);
        let s = ViewState {
            open: Some(at),
            filter: Filter { hidden_outcomes: outcome_bit(0) | outcome_bit(2), sector: Some(1), tech_only: true },
            panel: Some(Panel::Method),
            list: true,
            ..ViewState::default()
        };
        let h = s.to_hash(ds);
        assert!(
            h.starts_with(&format!("#cell={}&hide={},{}", at.anchor(ds), ds.outcomes[0].id, ds.outcomes[2].id)),
            "{h}"
        );
        assert_eq!(ViewState::from_hash(&h, ds), s);
        assert_eq!(ViewState::default().to_hash(ds), "", "the default view has no hash");
        for p in Panel::ALL {
            let s = ViewState { panel: Some(p), ..ViewState::default() };
            assert_eq!(ViewState::from_hash(&s.to_hash(ds), ds), s);
        }
    }
}

#[test]
fn a_garbled_or_unknown_hash_falls_back_quietly() {
    for ds in datasets() {
        let (c, p) = (ds.companies[0].id, ds.pressure_types[0].id);
        let garbled = [
            "".to_string(),
            "#".into(),
            "#cell".into(),
            "#cell=".into(),
            "#cell=nobody.letter".into(),
            format!("#cell={c}"),
            "#hide=%%%,".into(),
            "#sector=99".into(),
            "#&&&==".into(),
            format!("#cell={c}.{p}.extra"),
            "#\u{1F600}=\u{0}".into(),
            "#tech=yes".into(),
            "#panel=".into(),
            "#panel=Method".into(),
        ];
        for h in garbled {
            assert_eq!(ViewState::from_hash(&h, ds), ViewState::default(), "{h:?}");
        }
        // Unknown parts are skipped one by one; the known ones still apply.
        let s = ViewState::from_hash(
            &format!("#cell=nobody.x&sector={}&hide=bogus,{}", ds.sectors[1].id, ds.outcomes[1].id),
            ds,
        );
        assert_eq!(s.open, None);
        assert_eq!(s.filter.sector, Some(1));
        assert_eq!(s.filter.hidden_outcomes, outcome_bit(1));
    }
}

#[test]
fn a_cells_name_says_in_words_what_its_colour_says() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let at = busy_cell(&g);
        let c = g.cell(at).unwrap();
        let name = words::cell_name(ds, at, c);
        let place =
            format!("{}, {}: ", ds.companies[at.company as usize].name, ds.pressure_types[at.pressure as usize].label);
        assert!(name.starts_with(&place), "{name}");
        assert!(name.contains(&format!(": {}, ", ds.outcomes[c.outcome as usize].short)), "{name}");
        assert!(name.contains(&format!(", {}", words::cell_count(c))), "{name}");
        assert!(name.contains(&format!("latest {}", c.latest.short())), "{name}");
    }
}

#[test]
fn a_cell_whose_events_disagree_says_how_many_have_the_outcome_it_shows() {
    let ds = real();
    let g = Grid::build(ds);
    let mut mixed = 0;
    for (i, cell) in g.cells.iter().enumerate() {
        let Some(c) = cell else { continue };
        let same = c.events.iter().filter(|&&e| ds.events[e as usize].outcome == c.outcome).count();
        assert_eq!(usize::from(c.matching), same);
        let at = CellRef { company: (i / g.width) as u16, pressure: (i % g.width) as u8 };
        if same < c.events.len() {
            mixed += 1;
            assert_eq!(words::cell_count(c), format!("{same} of {}", c.events.len()));
            assert!(words::cell_name(ds, at, c).ends_with("the others with other outcomes"));
        } else {
            assert_eq!(words::cell_count(c), c.events.len().to_string());
        }
    }
    assert!(mixed > 0, "the real data has mixed cells");
}

#[test]
fn the_words_follow_the_datasets_row_noun() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let v = View::build(ds, &g, &Filter::default());
        assert!(words::shown(ds, &v).starts_with(&format!("{} {}, ", v.rows.len(), ds.widget.rows)));
        assert_eq!(words::rows(ds, 1), format!("1 {}", ds.widget.row));
        assert_eq!(words::show_more(ds, 3), format!("Show 3 more {}", ds.widget.rows));
        assert!(words::strongest_label(ds).starts_with(ds.widget.rows_heading));
    }
}

#[test]
fn the_summary_counts_what_the_matrix_shows() {
    for ds in datasets() {
        let g = Grid::build(ds);
        let v = View::build(ds, &g, &Filter::default());
        let s = ds.summary;
        let first = ds.events[0].date.y;
        for part in [
            words::rows(ds, v.rows.len()),
            format!("since {first}"),
            words::count(ds.events.len(), "event", "events"),
            ds.outcomes[0].label.to_string(),
        ] {
            assert!(s.contains(&part), "{s} lacks {part}");
        }
        // The per-outcome counts after the colon add up to the number of rows.
        let total: usize = s
            .rsplit(": ")
            .next()
            .unwrap()
            .split(", ")
            .map(|p| p.split(' ').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(total, v.rows.len(), "{s}");
    }
}

#[test]
fn cell_dom_ids_read_back_and_other_ids_do_not() {
    let at = CellRef { company: 12, pressure: 3 };
    assert_eq!(at.dom_id(), "cell-12-3");
    assert_eq!(CellRef::from_dom_id(&at.dom_id()), Some(at));
    for id in ["", "cell-", "cell-1", "cell-a-2", "im-detail", "cell-1-2-3", "cell-99999-1"] {
        assert_eq!(CellRef::from_dom_id(id), None, "{id}");
    }
}

#[test]
fn as_of_a_date_each_cell_shows_its_latest_event_by_then() {
    use ice_matrix_core::model::Date;
    let ds = real();
    let now = Grid::build(ds);
    for asof in ["2018-07", "2019-08", "2020-12", "2023", "2025-06-15"] {
        let d = Date::parse_iso(asof).unwrap();
        let g = Grid::as_of(ds, Some(d));
        for (i, cell) in g.cells.iter().enumerate() {
            let (company, pressure) = ((i / g.width) as u16, (i % g.width) as u8);
            // Independently: the events of this cell that count by then, the latest (the stronger on a tie).
            let latest = ds
                .events
                .iter()
                .filter(|e| e.company == company && e.pressure_types.contains(&pressure) && e.date.counts_as_of(d))
                .min_by_key(|e| (std::cmp::Reverse(e.date), e.outcome));
            assert_eq!(cell.as_ref().map(|c| c.outcome), latest.map(|e| e.outcome), "{asof}, cell {i}");
            if let Some(c) = cell {
                assert!(c.events.iter().all(|&e| ds.events[e as usize].date.counts_as_of(d)));
            }
        }
        let events: u32 = g.company_events.iter().sum();
        assert!(events < now.company_events.iter().sum::<u32>(), "{asof}: fewer events than now");
    }
    assert_eq!(Grid::as_of(ds, None), now);
}

#[test]
fn the_as_of_rule_reads_each_date_at_its_own_precision() {
    use ice_matrix_core::model::Date;
    let d = |s| Date::parse_iso(s).unwrap();
    assert!(d("2019").counts_as_of(d("2019-08")), "a year-only event may have come before");
    assert!(d("2019-08").counts_as_of(d("2019-08")));
    assert!(d("2019-08-31").counts_as_of(d("2019-08")));
    assert!(!d("2019-09").counts_as_of(d("2019-08")));
    assert!(!d("2019-08-16").counts_as_of(d("2019-08-15")));
    assert!(d("2019-12-31").counts_as_of(d("2019")));
    for bad in ["", "19", "2019-8", "2019-13", "2019-02-30", "2019-00", "2019--01", "2019-01-01-01", "abcd", "1800"] {
        assert_eq!(Date::parse_iso(bad), None, "{bad}");
    }
}

#[test]
fn the_company_and_the_date_travel_in_the_link() {
    use ice_matrix_core::model::Date;
    for ds in datasets() {
        let s = ViewState { company: Some(0), asof: Date::parse_iso("2019-08"), ..ViewState::default() };
        let hash = s.to_hash(ds);
        assert!(hash.contains(&format!("company={}", ds.companies[0].id)) && hash.contains("asof=2019-08"), "{hash}");
        assert_eq!(ViewState::from_hash(&hash, ds), s);
        assert_eq!(ViewState::from_hash("#asof=2019-13&company=nobody", ds), ViewState::default());
        // A cell and a company are never open together.
        let open = s.apply(Action::Open(CellRef { company: 0, pressure: 0 })).unwrap();
        assert_eq!(open.company, None);
        assert_eq!(open.apply(Action::ToggleCompany(0)).unwrap().open, None);
    }
}

#[test]
fn only_the_matrix_its_filters_cells_and_story_panels_stay_in_the_first_views_wasm() {
    for ds in datasets() {
        let first = [
            ViewState::default(),
            ViewState { panel: Some(Panel::Context), ..ViewState::default() },
            ViewState { panel: Some(Panel::Method), ..ViewState::default() },
            ViewState { filter: Filter { tech_only: true, ..Filter::default() }, ..ViewState::default() },
        ];
        for s in first {
            assert!(!s.needs_whole_widget(""), "{s:?}");
            assert!(!s.needs_whole_widget("  "), "a blank query searches nothing");
            // Through the link, too.
            assert!(!ViewState::from_hash(&s.to_hash(ds), ds).needs_whole_widget(""));
        }
        assert!(ViewState::default().needs_whole_widget("rekognition"));
        let asof = ds.events.first().map(|e| e.date);
        for s in [
            ViewState { company: Some(0), ..ViewState::default() },
            ViewState { asof, ..ViewState::default() },
            ViewState { list: true, ..ViewState::default() },
            ViewState { panel: Some(Panel::Data), ..ViewState::default() },
            ViewState { panel: Some(Panel::Embed), ..ViewState::default() },
        ] {
            assert!(s.needs_whole_widget(""), "{s:?}");
            assert!(ViewState::from_hash(&s.to_hash(ds), ds).needs_whole_widget(""), "{s:?} through its link");
        }
    }
}

#[test]
fn what_the_link_leaves_out_survives_the_whole_widgets_take_over() {
    let s = ViewState { controls: true, all_rows: true, ..ViewState::default() };
    assert_eq!(s.unlinked(), "controls rows");
    assert_eq!(ViewState::default().with_unlinked(&s.unlinked()), s);
    assert_eq!(ViewState::default().unlinked(), "");
    let all = ViewState { controls: true, grid: true, all_rows: true, ..ViewState::default() };
    assert_eq!(ViewState::default().with_unlinked(&all.unlinked()), all);
    assert_eq!(all.with_unlinked("nonsense"), ViewState::default(), "garbage is nothing");
}
