//! Native tests of the pure core on the real dataset: aggregation, filters, the reducer and the hash.
#![cfg(not(target_arch = "wasm32"))]

use ice_matrix::matrix::{CellRef, Filter, Grid, View};
use ice_matrix::model::DATASET;
use ice_matrix::state::{Action, Panel, ViewState};
use ice_matrix::text;

fn company(id: &str) -> u16 {
    DATASET.companies.iter().position(|c| c.id == id).unwrap_or_else(|| panic!("no company {id}")) as u16
}
fn pressure(id: &str) -> u8 {
    DATASET.pressure_types.iter().position(|p| p.id == id).unwrap() as u8
}
fn outcome(id: &str) -> u8 {
    DATASET.outcomes.iter().position(|o| o.id == id).unwrap() as u8
}

#[test]
fn every_event_lands_in_one_cell_per_pressure_type() {
    let g = Grid::build(&DATASET);
    let placed: usize = g.cells.iter().flatten().map(|c| c.events.len()).sum();
    let expected: usize = DATASET.events.iter().map(|e| e.pressure_types.len()).sum();
    assert_eq!(placed, expected);
    for (i, e) in DATASET.events.iter().enumerate() {
        for &p in e.pressure_types {
            let cell = g.cell(CellRef { company: e.company, pressure: p }).expect("cell exists");
            assert!(cell.events.contains(&(i as u16)), "{} missing from its cell", e.id);
        }
    }
}

#[test]
fn a_cell_shows_the_outcome_of_its_most_recent_event_and_lists_newest_first() {
    let g = Grid::build(&DATASET);
    let mut multi = 0;
    for cell in g.cells.iter().flatten() {
        let dates: Vec<_> = cell.events.iter().map(|&e| DATASET.events[e as usize].date).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
        let newest = &DATASET.events[cell.events[0] as usize];
        assert_eq!(cell.outcome, newest.outcome);
        assert_eq!(cell.latest, newest.date);
        multi += (cell.events.len() > 1) as usize;
    }
    assert!(multi > 0, "the real data has cells with several events, so the rule is exercised");
}

#[test]
fn hiding_an_outcome_removes_its_cells_and_rows_left_empty() {
    let g = Grid::build(&DATASET);
    let all = View::build(&DATASET, &g, &Filter::default());
    let no_change = outcome("no-change");
    let f = Filter { hidden_outcomes: 1 << no_change, ..Filter::default() };
    let v = View::build(&DATASET, &g, &f);
    assert_eq!(v.cells_per_outcome[no_change as usize], 0);
    assert!(v.rows.len() < all.rows.len() && v.events < all.events);
    for &c in &v.rows {
        let visible = (0..g.width).filter_map(|p| g.cell(CellRef { company: c, pressure: p as u8 }))
            .any(|cell| cell.outcome != no_change);
        assert!(visible, "row {} kept without a visible cell", DATASET.companies[c as usize].name);
    }
}

#[test]
fn the_unfiltered_view_shows_every_company_with_events_and_every_event() {
    let g = Grid::build(&DATASET);
    let v = View::build(&DATASET, &g, &Filter::default());
    assert_eq!(v.events, DATASET.events.len());
    let with_events = (0..DATASET.companies.len()).filter(|&c| g.company_events[c] > 0).count();
    assert_eq!(v.rows.len(), with_events);
    let counts: Vec<u32> = v.rows.iter().map(|&c| g.company_events[c as usize]).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "rows sorted by events, most first");
    let cut: std::collections::HashSet<u16> =
        DATASET.events.iter().filter(|e| e.outcome == 0).map(|e| e.company).collect();
    assert_eq!(v.strongest, cut.len());
}

#[test]
fn sector_and_tech_filters_keep_only_matching_companies() {
    let g = Grid::build(&DATASET);
    for (s, _) in DATASET.sectors.iter().enumerate() {
        let v = View::build(&DATASET, &g, &Filter { sector: Some(s as u8), ..Filter::default() });
        assert!(v.rows.iter().all(|&c| DATASET.companies[c as usize].sector == s as u8));
    }
    let v = View::build(&DATASET, &g, &Filter { tech_only: true, ..Filter::default() });
    assert!(!v.rows.is_empty());
    assert!(v.rows.iter().all(|&c| DATASET.sectors[DATASET.companies[c as usize].sector as usize].tech));
    assert!(v.rows.len() < View::build(&DATASET, &g, &Filter::default()).rows.len(), "the data has non-tech rows");
}

#[test]
fn the_reducer_changes_state_only_when_something_changes() {
    let s = ViewState::default();
    let at = CellRef { company: company("palantir"), pressure: pressure("employee-letter") };
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
}

#[test]
fn the_hash_round_trips_every_part_of_the_view() {
    let s = ViewState {
        open: Some(CellRef { company: company("palantir"), pressure: pressure("employee-letter") }),
        filter: Filter { hidden_outcomes: 1 << outcome("no-change") | 1 << outcome("deepened"), sector: Some(1), tech_only: true },
        panel: Some(Panel::Method),
        list: true,
        all_rows: false,
    };
    let h = s.to_hash(&DATASET);
    assert!(h.starts_with("#cell=palantir.employee-letter&hide="), "{h}");
    assert_eq!(ViewState::from_hash(&h, &DATASET), s);
    assert_eq!(ViewState::default().to_hash(&DATASET), "", "the default view has no hash");
    for p in Panel::ALL {
        let s = ViewState { panel: Some(p), ..ViewState::default() };
        assert_eq!(ViewState::from_hash(&s.to_hash(&DATASET), &DATASET), s);
    }
}

#[test]
fn a_garbled_or_unknown_hash_falls_back_quietly() {
    for h in ["", "#", "#cell", "#cell=", "#cell=nobody.letter", "#cell=palantir", "#hide=%%%,", "#sector=99",
        "#&&&==", "#cell=palantir.employee-letter.extra", "#\u{1F600}=\u{0}", "#tech=yes", "#panel=", "#panel=Method"] {
        let s = ViewState::from_hash(h, &DATASET);
        assert_eq!(s, ViewState::default(), "{h:?}");
    }
    // Unknown parts are skipped one by one; the known ones still apply.
    let s = ViewState::from_hash("#cell=nobody.x&sector=ai-lab&hide=bogus,deepened", &DATASET);
    assert_eq!(s.open, None);
    assert_eq!(s.filter.sector, DATASET.sectors.iter().position(|x| x.id == "ai-lab").map(|i| i as u8));
    assert_eq!(s.filter.hidden_outcomes, 1 << outcome("deepened"));
}

#[test]
fn a_cells_name_says_in_words_what_its_colour_says() {
    let at = CellRef { company: company("palantir"), pressure: pressure("employee-letter") };
    let g = Grid::build(&DATASET);
    let c = g.cell(at).expect("Palantir has an employee-letter cell");
    let name = text::cell_name(&DATASET, at, c.outcome, c.events.len(), c.latest);
    assert!(name.starts_with("Palantir, Employee letter or petition: "), "{name}");
    assert!(name.contains(&format!(": {}, ", DATASET.outcomes[c.outcome as usize].short)), "{name}");
    assert!(name.contains(&text::count(c.events.len(), "event", "events")));
    assert!(name.ends_with(&format!("latest {}", c.latest.short())), "{name}");
}

#[test]
fn grid_keys_move_one_cell_stop_at_edges_and_jump_to_ends() {
    use ice_matrix::matrix::GridKey::{self, *};
    let (rows, cols) = (4, 9);
    assert_eq!(Right.step((0, 0), rows, cols), (0, 1));
    assert_eq!(Down.step((0, 0), rows, cols), (1, 0));
    assert_eq!(Left.step((2, 0), rows, cols), (2, 0), "stops at the left edge");
    assert_eq!(Up.step((0, 5), rows, cols), (0, 5), "stops at the top");
    assert_eq!(Right.step((1, 8), rows, cols), (1, 8), "stops at the right edge");
    assert_eq!(Down.step((3, 2), rows, cols), (3, 2), "stops at the bottom");
    assert_eq!(RowStart.step((2, 6), rows, cols), (2, 0));
    assert_eq!(RowEnd.step((2, 6), rows, cols), (2, 8));
    assert_eq!(First.step((2, 6), rows, cols), (0, 0));
    assert_eq!(Last.step((2, 6), rows, cols), (3, 8));
    assert_eq!(Down.step((9, 9), rows, cols), (3, 8), "a stale position is clamped");
    assert_eq!(Down.step((0, 0), 0, 0), (0, 0), "an empty grid");
    assert_eq!(GridKey::from_key("Home", true), Some(First));
    assert_eq!(GridKey::from_key("End", false), Some(RowEnd));
    assert_eq!(GridKey::from_key("Enter", false), None);
}

#[test]
fn the_summary_counts_what_the_matrix_shows() {
    let g = Grid::build(&DATASET);
    let v = View::build(&DATASET, &g, &Filter::default());
    let s = DATASET.summary;
    assert!(s.starts_with(&format!("Of {} companies pressured since 2018 ({} events), {} had at least one “Ties cut” outcome.",
        v.rows.len(), DATASET.events.len(), v.strongest)), "{s}");
    // The per-outcome counts add up to the number of companies.
    let total: usize = s.split(": ").nth(1).unwrap().split(", ")
        .map(|part| part.split(' ').next().unwrap().trim_end_matches('.').parse::<usize>().unwrap()).sum();
    assert_eq!(total, v.rows.len());
}

#[test]
fn each_rows_outcome_mask_names_exactly_the_outcomes_its_cells_show() {
    let g = Grid::build(&DATASET);
    for c in 0..DATASET.companies.len() {
        let mut mask = 0u32;
        for p in 0..g.width {
            if let Some(cell) = g.cell(CellRef { company: c as u16, pressure: p as u8 }) {
                mask |= 1 << cell.outcome;
            }
        }
        assert_eq!(g.company_outcomes[c], mask, "{}", DATASET.companies[c].name);
    }
}

#[test]
fn the_long_texts_are_the_builds_html_fragments_and_a_wrong_file_is_refused() {
    use ice_matrix::embed::escape;
    use ice_matrix::model::TEXTS_FILE;
    use ice_matrix::prerender::{Downloads, fragment, texts as file};
    use ice_matrix::state::Panel;
    use ice_matrix::texts::{self, Piece, SEP};
    let ds = &DATASET;
    assert!(TEXTS_FILE.starts_with("data/texts-") && TEXTS_FILE.ends_with(".html"));
    let linked = file(ds, Downloads::Linked).unwrap();
    let pieces: Vec<&str> = linked.split(SEP).collect();
    assert_eq!(pieces.len(), texts::count(ds));
    // Each piece sits at the number the widget computes for it, and carries its event's texts, escaped.
    for (i, e) in ds.events.iter().enumerate() {
        let article = pieces[Piece::Event(i as u16).index(ds).unwrap()];
        assert!(article.starts_with("<article class=\"im-event\">") && article.contains(&escape(e.summary)), "event {}", e.id);
        assert!(article.contains(&escape(e.result)), "event {}: what came of it", e.id);
        for &s in e.sources {
            let url = escape(ds.sources[s as usize].url);
            assert!(article.contains(&url), "event {} cites {}", e.id, ds.sources[s as usize].id);
        }
    }
    for p in texts::PANELS {
        let html = pieces[Piece::Panel(p).index(ds).unwrap()];
        assert!(html.starts_with(&format!("<h2 class=\"im-panel-title\">{}</h2>", p.title())), "{p:?}");
    }
    assert_eq!(Piece::Panel(Panel::Embed).index(ds), None, "the embed panel is made in the widget");
    // The context panel's buttons name the cells they open by number, as the table's cells do.
    let context = fragment(ds, Piece::Panel(Panel::Context), Downloads::Linked);
    let named: Vec<&str> = context.split("data-cell=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert!(!named.is_empty() && context.contains("See: "));
    let grid = ice_matrix::matrix::Grid::build(ds);
    for id in named {
        let at = ice_matrix::matrix::CellRef::from_dom_id(id).unwrap_or_else(|| panic!("{id} names no cell"));
        assert!(grid.cell(at).is_some(), "{id} is an empty cell");
    }
    // The downloads: links to the published files, or in the one-file build the same bytes inline.
    let data = fragment(ds, Piece::Panel(Panel::Data), Downloads::Linked);
    assert!(data.contains("href=\"data/dataset.json\"") && data.contains("href=\"data/events.csv\""));
    let inline = fragment(ds, Piece::Panel(Panel::Data), Downloads::Inline);
    let json = inline.split("data:application/json;base64,").nth(1).and_then(|s| s.split('"').next()).unwrap();
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD.decode(json).unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), ice_matrix::export::json(ds));
    // Nothing reads as loaded before the file is taken; a stale or truncated file (an error page from a
    // proxy, another build's file) is not taken; this build's file is.
    assert!(!texts::ready() && Piece::Event(0).get().is_empty());
    assert!(!texts::load(b"not the texts"));
    assert!(!texts::load(pieces[..pieces.len() - 1].join(&SEP.to_string()).as_bytes()));
    // Read in chunks as the browser hands them over, split anywhere (inside a character, at a separator).
    let mut reading = texts::Reading::default();
    for chunk in linked.as_bytes().chunks(7) {
        reading.push(chunk);
    }
    assert!(reading.finish());
    assert_eq!(Piece::Event(0).get(), pieces[0]);
    assert_eq!(Piece::Panel(Panel::Method).get(), pieces[Piece::Panel(Panel::Method).index(ds).unwrap()]);
}

#[test]
fn the_matrix_renders_every_row_when_the_data_fits_and_the_first_shown_rows_when_not() {
    use ice_matrix::matrix::ROW_LIMIT;
    let g = Grid::build(&DATASET);
    let all = View::build(&DATASET, &g, &Filter::default());
    // The real data fits: every company is rendered, in the grid's order, and a filter only hides rows.
    assert!(DATASET.companies.len() <= ROW_LIMIT);
    let rows = all.rendered(&g, ROW_LIMIT, usize::MAX, &[]);
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), g.order);
    let sector = Filter { sector: Some(DATASET.companies[g.order[0] as usize].sector), ..Filter::default() };
    let narrowed = View::build(&DATASET, &g, &sector);
    let rows = narrowed.rendered(&g, ROW_LIMIT, usize::MAX, &[]);
    assert_eq!(rows.len(), DATASET.companies.len(), "filtered-out rows stay, hidden");
    assert_eq!(rows.iter().filter(|r| r.1).map(|r| r.0).collect::<Vec<_>>(), narrowed.rows);
    // The outcome filter blanks cells but keeps every row, so the matrix keeps its shape; the figures
    // count only the companies with a shown cell.
    let only_strongest = Filter { hidden_outcomes: !1, ..Filter::default() };
    let strongest = View::build(&DATASET, &g, &only_strongest);
    assert_eq!(strongest.listed_count, all.rows.len());
    assert!(strongest.rendered(&g, ROW_LIMIT, usize::MAX, &[]).iter().all(|r| r.1));
    assert!(!strongest.rows.is_empty() && strongest.rows.len() < all.rows.len());
    // A limit below the number of companies: only the first shown rows, none hidden.
    let rows = narrowed.rendered(&g, 3, usize::MAX, &[]);
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), narrowed.rows[..3.min(narrowed.rows.len())]);
    assert!(rows.iter().all(|r| r.1));
    // View rows follow the grid's fixed order (most events first, then name).
    let pos = |c: u16| g.order.iter().position(|&x| x == c).unwrap();
    assert!(all.rows.windows(2).all(|w| pos(w[0]) < pos(w[1])));
    assert!(g.order.windows(2).all(|w| g.company_events[w[0] as usize] >= g.company_events[w[1] as usize]));
}

#[test]
fn a_change_to_the_rows_listed_draws_the_rows_on_screen_first_and_the_rest_in_chunks() {
    use ice_matrix::matrix::{ROW_CHUNK, ROW_LIMIT, Reveal};
    let g = Grid::build(&DATASET);
    let all = View::build(&DATASET, &g, &Filter::default());
    let whole = all.drawable(ROW_LIMIT);
    let on_screen = 7;
    assert!(whole > on_screen + ROW_CHUNK, "the real data needs more than two steps: {whole} rows");
    // The first render draws everything at once.
    let start = Reveal::new(1u8);
    assert_eq!(start.drawn(1), Some(usize::MAX));
    assert_eq!(start.next(1, usize::MAX, whole), None);
    // Another key (the sector changed): the rows on screen (measured by the caller), then chunks until the table
    // is whole, then nothing.
    assert_eq!(start.drawn(2), None);
    let (mut r, mut steps) = (start, vec![on_screen]);
    while let Some(n) = r.next(2, *steps.last().unwrap(), whole) {
        r = n;
        steps.push(r.drawn(2).unwrap());
    }
    let (last, chunks) = steps.split_last().unwrap();
    let chunk = |drawn: usize| (drawn / 4).clamp(ROW_CHUNK, ROW_LIMIT);
    assert!(chunks.windows(2).all(|w| w[1] == w[0] + chunk(w[0])), "{steps:?}");
    assert!(*chunks.last().unwrap() < whole && chunks.last().unwrap() + chunk(*chunks.last().unwrap()) >= whole, "{steps:?}");
    // Past a few screens the steps grow with the rows drawn, up to ROW_LIMIT rows (at 100x the data, each step
    // lays out the whole table again).
    let far = Reveal::new(9u8).next(9, 400, 4600).and_then(|r| r.drawn(9));
    assert_eq!(far, Some(400 + ROW_LIMIT));
    assert_eq!(Reveal::new(9u8).next(9, 100, 4600).and_then(|r| r.drawn(9)), Some(125));
    // Once whole, every row shows the key, also rows added later (the reader asks for all rows).
    assert_eq!(*last, usize::MAX);
    // A key whose rows all fit on screen takes one step, which records the key; then none. Coming back to the
    // first key starts from the rows on screen, not from the first render's whole table.
    let small = r.next(3, 12, 10).expect("the key is recorded");
    assert_eq!(small.drawn(3), Some(usize::MAX));
    assert_eq!(small.next(3, usize::MAX, 10), None);
    assert_eq!(small.drawn(1), None);
    // A table below the screen draws nothing in the first frame, and a chunk in the next task.
    assert_eq!(small.next(4, 0, whole).and_then(|r| r.drawn(4)), Some(ROW_CHUNK));
    // Once a render is laid out, rows it did not reach that are on screen (new rows shorter than the old, or the
    // reader scrolled) are reached before the frame is painted; fewer or as many on screen change nothing.
    assert_eq!(start.reach(2, on_screen, on_screen + 2, whole).and_then(|r| r.drawn(2)), Some(on_screen + 2));
    assert_eq!(start.reach(2, on_screen, on_screen, whole), None);
    assert_eq!(start.reach(2, on_screen, whole + 5, whole).and_then(|r| r.drawn(2)), Some(usize::MAX));
    assert_eq!(start.reach(2, usize::MAX, 3, whole), None);
    // They are counted after the first render of a change and after a reach, not after a step.
    assert!(start.check(2) && !start.check(1));
    assert!(start.reach(2, on_screen, on_screen + 2, whole).unwrap().check(2));
    assert!(!start.next(2, on_screen, whole).unwrap().check(2));
}

#[test]
fn while_a_change_is_drawn_the_rows_below_keep_what_they_showed() {
    use ice_matrix::matrix::{FIRST_ROWS, ROW_LIMIT};
    let g = Grid::build(&DATASET);
    let all = View::build(&DATASET, &g, &Filter::default());
    let shown = |rows: &[(u16, bool)]| rows.iter().filter(|r| r.1).map(|r| r.0).collect::<Vec<_>>();
    // Every company fits: all are rendered, in the grid's order; with nothing shown before, the rows beyond the
    // first drawn are hidden, and the drawn ones are the first listed, in order.
    let part = all.rendered(&g, ROW_LIMIT, FIRST_ROWS, &[]);
    assert_eq!(part.len(), g.order.len());
    assert_eq!(shown(&part), all.rows[..FIRST_ROWS]);
    // From one sector (whole) to all: the first three rows show all sectors; the rows after the third keep
    // showing the sector's rows, hidden or not, until their turn.
    let sector = DATASET.companies[g.order[0] as usize].sector;
    let narrowed = View::build(&DATASET, &g, &Filter { sector: Some(sector), ..Filter::default() });
    let before = narrowed.rendered(&g, ROW_LIMIT, usize::MAX, &[]);
    let part = all.rendered(&g, ROW_LIMIT, 3, &before);
    let cut = g.order.iter().position(|&c| c == all.rows[2]).unwrap() + 1;
    let kept: Vec<u16> = g.order[cut..].iter().copied().filter(|&c| narrowed.rows.contains(&c)).collect();
    assert!(!kept.is_empty(), "the sector has rows after the third row of all sectors");
    assert_eq!(shown(&part), [&all.rows[..3], &kept[..]].concat());
    // Rendering again at the same step, from what it showed, changes nothing; at the end, exactly the view.
    assert_eq!(all.rendered(&g, ROW_LIMIT, 3, &part), part);
    assert_eq!(all.rendered(&g, ROW_LIMIT, usize::MAX, &part), all.rendered(&g, ROW_LIMIT, usize::MAX, &[]));

    // When they do not fit, only drawn rows are rendered: the first drawn of the view, then the rows shown
    // before after as many, without a company twice.
    let part = all.rendered(&g, 20, FIRST_ROWS, &[]);
    assert_eq!(part.len(), FIRST_ROWS);
    assert!(part.iter().all(|r| r.1));
    assert_eq!(all.drawable(20), 20);
    let before = all.rendered(&g, 20, usize::MAX, &[]);
    let part = narrowed.rendered(&g, 20, 1, &before);
    assert_eq!(part[0], (narrowed.rows[0], true));
    let rest: Vec<(u16, bool)> = before[1..].iter().copied().filter(|r| r.0 != narrowed.rows[0]).collect();
    assert_eq!(part[1..], rest[..]);
    assert_eq!(narrowed.rendered(&g, 20, 1, &part), part);
    let end = narrowed.rendered(&g, 20, usize::MAX, &part);
    assert_eq!(shown(&end), narrowed.rows[..narrowed.rows.len().min(20)]);
    // A step past the view's rows is the end too.
    assert_eq!(narrowed.rendered(&g, 20, 20, &part), end);
}

#[test]
fn while_an_outcome_toggle_is_drawn_the_rows_not_reached_keep_what_they_blanked() {
    use ice_matrix::matrix::{ROW_LIMIT, row_masks};
    let g = Grid::build(&DATASET);
    let all = View::build(&DATASET, &g, &Filter::default());
    let rendered = all.rendered(&g, ROW_LIMIT, usize::MAX, &[]);
    // Hide every outcome: each row with events blanks something, so reached and not reached differ.
    let (old, new) = (0u32, (1u32 << DATASET.outcomes.len()) - 1);
    assert!(rendered.iter().all(|r| g.company_outcomes[r.0 as usize] != 0));
    let mut last = vec![old; DATASET.companies.len()];
    // Two rows reached: they blank the new mask (as far as their own cells go), the others the old one.
    let masks = row_masks(&g, &rendered, new, 2, &mut last);
    for (i, (&(c, _), &m)) in rendered.iter().zip(&masks).enumerate() {
        let want = if i < 2 { new } else { old } & g.company_outcomes[c as usize];
        assert_eq!(m, want, "row {i}");
    }
    // Rendering again with the same step changes nothing; once all are reached, every row has the new mask,
    // and rows rendered later (the reader asks for all rows) too.
    assert_eq!(row_masks(&g, &rendered, new, 2, &mut last), masks);
    let done = row_masks(&g, &rendered, new, usize::MAX, &mut last);
    assert!(rendered.iter().zip(&done).all(|(&(c, _), &m)| m == new & g.company_outcomes[c as usize]));
    assert!(last.iter().enumerate().all(|(c, &m)| m == new || !rendered.iter().any(|r| r.0 as usize == c)));
    // A hidden row (another sector) is not counted among the rows reached.
    let mut last = vec![old; DATASET.companies.len()];
    let partly: Vec<(u16, bool)> = rendered.iter().enumerate().map(|(i, &(c, _))| (c, i != 0)).collect();
    let masks = row_masks(&g, &partly, new, 1, &mut last);
    assert_eq!(masks[0], old & g.company_outcomes[partly[0].0 as usize]);
    assert_eq!(masks[1], new & g.company_outcomes[partly[1].0 as usize]);
}

#[test]
fn cell_dom_ids_read_back_and_other_ids_do_not() {
    use ice_matrix::matrix::CellRef;
    let at = CellRef { company: 12, pressure: 3 };
    assert_eq!(at.dom_id(), "cell-12-3");
    assert_eq!(CellRef::from_dom_id(&at.dom_id()), Some(at));
    for id in ["", "cell-", "cell-1", "cell-a-2", "im-detail", "cell-1-2-3", "cell-99999-1"] {
        assert_eq!(CellRef::from_dom_id(id), None, "{id}");
    }
}
