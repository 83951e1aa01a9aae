//! The matrix itself: companies × pressure types, one button per non-empty cell, as a WAI-ARIA grid:
//! one tab stop (a roving tabindex), arrow keys move one cell and stop at the edges, Home and End go to
//! the row's ends, Ctrl+Home and Ctrl+End to the grid's corners; Enter or Space opens a cell.
//!
//! Rows are components with cheap, comparable props, so a change re-renders only the rows it touches;
//! cells are plain markup inside them, and one listener on the table handles every cell's click.

use yew::prelude::*;

use super::Shared;

use super::app::Dispatch;
use crate::browser;
use crate::matrix::{Cell, CellRef, FIRST_ROWS, Filter, Grid, GridKey, Reveal, View, row_masks};
use crate::model::DATASET;
use crate::state::Action;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub grid: Shared<Grid>,
    pub view: Shared<View>,
    pub filter: Filter,
    pub open: Option<CellRef>,
    /// How many shown rows to render (`ROW_LIMIT`, or all once the reader asked).
    pub limit: usize,
    pub dispatch: Dispatch,
}

/// The id of the table's body (written as a literal there: an expression attribute costs the wasm 0.2 KiB),
/// whose rows on screen a change draws first (`browser::rows_on_screen`).
const ROWS: &str = "im-rows";

#[component]
pub fn Table(props: &TableProps) -> Html {
    let ds = &DATASET;
    let cols = ds.pressure_types.len();
    // A change to the rows listed draws the rows on screen in the frame that answers the input and the rest in
    // tasks after it (`Reveal`); so does a change to the outcomes hidden, whose cells a row blanks. Rows not
    // reached yet, below the screen, keep what they showed until their turn. The table is `aria-busy` meanwhile.
    let whole = props.view.drawable(props.limit);
    // What the last render drew: its rows, and the outcomes each company's row blanked.
    let last = use_mut_ref(|| (Vec::new(), vec![props.filter.hidden_outcomes; ds.companies.len()]));
    // Read before this render changes the table, while its layout is still the last frame's.
    let on_screen = || browser::rows_on_screen(ROWS, usize::MAX).unwrap_or(FIRST_ROWS);
    // Both keys are one integer, so the hook is compiled once (a second copy cost the wasm 0.4 KiB): the rows
    // listed are the sector (bits 40 and up), tech-only (bit 32) and the limit (the low 32 bits).
    let f = props.filter;
    let limit = props.limit.min(u32::MAX as usize) as u64;
    let drawn = use_reveal((f.sector.map_or(0, |s| u64::from(s) + 1) << 40) | (u64::from(f.tech_only) << 32) | limit, whole, &on_screen);
    let rendered = props.view.rendered(&props.grid, props.limit, drawn, &last.borrow().0);
    last.borrow_mut().0.clone_from(&rendered);
    let rows: Vec<u16> = rendered.iter().filter(|r| r.1).map(|r| r.0).collect();
    let mask = props.filter.hidden_outcomes;
    let masked = use_reveal(u64::from(mask), rows.len(), &on_screen);
    let masks = row_masks(&props.grid, &rendered, mask, masked, &mut last.borrow_mut().1);
    let busy = drawn < whole || masked < rows.len();
    let more = props.view.listed_count - whole;
    // The one cell in the tab order, as (row, column) in the rows shown.
    let active = use_state(|| (0usize, 0usize));
    let at_rc = |(r, c): (usize, usize)| rows.get(r).map(|&company| CellRef { company, pressure: c as u8 });
    let (ar, ac) = (active.0.min(rows.len().saturating_sub(1)), active.1.min(cols.saturating_sub(1)));
    let tab_stop = at_rc((ar, ac));

    let onkeydown = {
        let (active, rows) = (active.clone(), rows.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(key) = GridKey::from_key(&e.key(), e.ctrl_key() || e.meta_key()) else { return };
            e.prevent_default();
            let (r, c) = key.step(*active, rows.len(), cols);
            active.set((r, c));
            if let Some(&company) = rows.get(r) {
                browser::focus(&CellRef { company, pressure: c as u8 }.dom_id());
            }
        })
    };
    // Clicking or tabbing into a cell makes it the tab stop.
    let onfocusin = {
        let (active, rows) = (active.clone(), rows.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some(at) = CellRef::from_dom_id(&e.target_unchecked_into::<web_sys::Element>().id())
                && let Some(r) = rows.iter().position(|&x| x == at.company)
            {
                active.set((r, at.pressure as usize));
            }
        })
    };
    // One listener for every cell: a click on a shown cell's button (not a blanked one) opens it.
    let onclick = {
        let d = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            let button = e.target_dyn_into::<web_sys::Element>().and_then(|t| t.closest("button.im-cell").ok().flatten());
            if let Some(at) = button.and_then(|b| CellRef::from_dom_id(&b.id())) {
                d.dispatch(Action::Open(at));
            }
        })
    };

    html! {
        <div class="im-scroll">
            <table class="im-matrix" role="grid" aria-busy={busy.to_string()} {onkeydown} {onfocusin} {onclick}>
                <caption>{ text::CAPTION }</caption>
                // Explicit roles: the stylesheet lays the rows out as flex lines, and some browsers drop a table's
                // semantics when its parts are not displayed as table parts.
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader" class="im-corner">{ "Company" }</th>
                        for p in ds.pressure_types.iter() {
                            <th scope="col" role="columnheader" title={p.definition}>
                                <span aria-hidden="true">{ p.short }</span>
                                <span class="im-sr">{ p.label }</span>
                            </th>
                        }
                    </tr>
                </thead>
                <tbody role="rowgroup" id="im-rows">
                    for (&(c, shown), &hidden) in rendered.iter().zip(&masks) {
                        <Row key={c as usize} company={c} grid={props.grid.clone()} {shown} {hidden}
                            open={props.open.filter(|at| at.company == c).map(|at| at.pressure)}
                            tab_stop={tab_stop.filter(|at| at.company == c).map(|at| at.pressure)} />
                    }
                </tbody>
            </table>
            if more > 0 {
                <p class="im-more">
                    <button type="button" class="im-button"
                        onclick={let d = props.dispatch.clone(); move |_: MouseEvent| d.dispatch(Action::ShowAllRows)}>
                        { format!("Show {more} more {}", if more == 1 { "company" } else { "companies" }) }
                    </button>
                    { format!(" The first {whole} are shown, most events first.") }
                </p>
            }
        </div>
    }
}

/// How many rows show `key` now ([`Reveal`]): all of them at first; after a change, the rows on screen
/// (`on_screen`) in the render that answers the input, then more in a task of their own
/// each, until all `whole` do.
#[hook]
fn use_reveal(key: u64, whole: usize, on_screen: &dyn Fn() -> usize) -> usize {
    let reveal = use_state(|| Reveal::new(key));
    let drawn = reveal.drawn(key).unwrap_or_else(on_screen);
    use_effect_with((key, drawn), {
        let (reveal, set) = (*reveal, reveal.setter());
        move |_| {
            // Rows this render did not reach may be on screen now (new rows shorter than the old): reach them in
            // this frame. Else the next step, in a task of its own.
            let check = drawn < whole && reveal.check(key);
            let now = check.then(|| browser::rows_on_screen(ROWS, drawn)).flatten().and_then(|n| reveal.reach(key, drawn, n, whole));
            let task = match now {
                Some(now) => {
                    set.set(now);
                    None
                }
                None => reveal.next(key, drawn, whole).map(|n| gloo::timers::callback::Timeout::new(0, move || set.set(n))),
            };
            move || drop(task)
        }
    });
    drawn
}

/// One company's row. When every company fits (`View::rendered`), every company has one, in the grid's fixed
/// order, and a filter hides rows rather than removing them, so filtering sets attributes instead of rebuilding
/// the table. Its props change only when
/// something in the row does (shown or not, its open cell, its tab stop, the outcomes hidden among its own
/// cells), so opening a cell, moving focus or filtering re-renders only the rows it touches.
#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub company: u16,
    pub grid: Shared<Grid>,
    /// Whether the filters show this row.
    pub shown: bool,
    /// The hidden outcomes among this row's cells (the filter's mask, restricted to the row).
    pub hidden: u32,
    /// The pressure-type column of the open cell, if it is in this row.
    pub open: Option<u8>,
    /// The column of the grid's tab stop, if it is in this row.
    pub tab_stop: Option<u8>,
}

#[component]
pub fn Row(props: &RowProps) -> Html {
    let ds = &DATASET;
    let c = props.company;
    let company = &ds.companies[c as usize];
    html! {
        <tr role="row" hidden={!props.shown}>
            <th scope="row" role="rowheader">
                { company.name }
                <span class="im-sector">{ ds.sectors[company.sector as usize].label }</span>
            </th>
            for p in 0..ds.pressure_types.len() {
                { cell(props, p as u8) }
            }
        </tr>
    }
}

fn cell(props: &RowProps, pressure: u8) -> Html {
    let at = CellRef { company: props.company, pressure };
    let tabindex = if props.tab_stop == Some(pressure) { "0" } else { "-1" };
    let ds = &DATASET;
    match props.grid.cell(at) {
        Some(c) => html! { <td role="gridcell">{ cell_button(props, at, c, tabindex) }</td> },
        None => html! {
            // The dot is drawn by the stylesheet (a background of .im-empty): one node per empty cell, not three.
            <td role="gridcell" class="im-empty" id={at.dom_id()} {tabindex} aria-label={format!("{}: no events", text::place(ds, at))}></td>
        },
    }
}

/// A non-empty cell's button. Plain markup, no component and no listener of its own: the table handles
/// clicks for all cells (one listener), and the row decides when its cells re-render.
fn cell_button(props: &RowProps, at: CellRef, c: &Cell, tabindex: &'static str) -> Html {
    let ds = &DATASET;
    let o = &ds.outcomes[c.outcome as usize];
    // Hidden by the outcome filter: the same button, blanked and inert, so that hiding and showing an
    // outcome changes attributes only and never the matrix's layout.
    let hidden = props.hidden & (1 << c.outcome) != 0;
    let selected = props.open == Some(at.pressure);
    let name = if hidden {
        format!("{}: hidden by the outcome filter", text::place(ds, at))
    } else {
        text::cell_name(ds, at, c.outcome, c.events.len(), c.latest)
    };
    // One element and its count: the glyph and the short label are drawn by the palette CSS from `data-o` (one
    // `::before` line above the count), so a cell is two nodes instead of eight, which its row creates and compares
    // on every update. A blanked cell keeps `data-o` and its count, unseen, so it keeps its box.
    // Literal classes only (a computed class would cost the wasm Yew's class-list code): the colour comes
    // from `data-o`, the open state from `aria-expanded`.
    let n = c.events.len();
    if hidden {
        html! { <button type="button" id={at.dom_id()} class="im-off" data-o={o.id} {tabindex} aria-label={name} aria-disabled="true">{ n }</button> }
    } else {
        html! {
            <button type="button" id={at.dom_id()} class="im-cell" data-o={o.id} {tabindex} aria-label={name}
                aria-expanded={selected.to_string()}>{ n }</button>
        }
    }
}
