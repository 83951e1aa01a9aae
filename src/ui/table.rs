//! The matrix itself: companies × pressure types, one button per non-empty cell, as a WAI-ARIA grid:
//! one tab stop (a roving tabindex), arrow keys move one cell and stop at the edges, Home and End go to
//! the row's ends, Ctrl+Home and Ctrl+End to the grid's corners; Enter or Space opens a cell.
//!
//! Cells are their own component with cheap, comparable props and the pointer-stable reducer
//! dispatcher, so a change elsewhere does not re-render untouched cells.

use yew::prelude::*;

use super::Shared;

use super::{app::Dispatch, cell_dom_id};
use crate::browser;
use crate::matrix::{CellRef, Filter, Grid, GridKey, View};
use crate::model::{DATASET, Date};
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

#[component]
pub fn Table(props: &TableProps) -> Html {
    let ds = &DATASET;
    let cols = ds.pressure_types.len();
    let rendered = props.view.rendered(&props.grid, props.limit);
    let rows: Vec<u16> = rendered.iter().filter(|r| r.1).map(|r| r.0).collect();
    let more = props.view.listed_count - rows.len();
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
                browser::focus(&cell_dom_id(CellRef { company, pressure: c as u8 }));
            }
        })
    };
    // Clicking or tabbing into a cell makes it the tab stop.
    let onfocusin = {
        let (active, rows) = (active.clone(), rows.clone());
        Callback::from(move |e: FocusEvent| {
            let id = e.target_unchecked_into::<web_sys::Element>().id();
            let mut parts = id.strip_prefix("cell-").unwrap_or("").split('-').map(|n| n.parse::<usize>().ok());
            if let (Some(Some(company)), Some(Some(p))) = (parts.next(), parts.next())
                && let Some(r) = rows.iter().position(|&x| x as usize == company)
            {
                active.set((r, p));
            }
        })
    };

    html! {
        <div class="im-scroll">
            <table class="im-matrix" role="grid" {onkeydown} {onfocusin}>
                <caption>{ text::CAPTION }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="im-corner">{ "Company" }</th>
                        for p in ds.pressure_types.iter() {
                            <th scope="col" title={p.definition}>
                                <span aria-hidden="true">{ p.short }</span>
                                <span class="im-sr">{ p.label }</span>
                            </th>
                        }
                    </tr>
                </thead>
                <tbody>
                    for &(c, shown) in rendered.iter() {
                        <Row key={c as usize} company={c} grid={props.grid.clone()} {shown}
                            hidden={props.filter.hidden_outcomes & props.grid.company_outcomes[c as usize]}
                            open={props.open.filter(|at| at.company == c).map(|at| at.pressure)}
                            tab_stop={tab_stop.filter(|at| at.company == c).map(|at| at.pressure)}
                            dispatch={props.dispatch.clone()} />
                    }
                </tbody>
            </table>
            if more > 0 {
                <p class="im-more">
                    <button type="button" class="im-button"
                        onclick={let d = props.dispatch.clone(); move |_: MouseEvent| d.dispatch(Action::ShowAllRows)}>
                        { format!("Show {more} more {}", if more == 1 { "company" } else { "companies" }) }
                    </button>
                    { format!(" The first {} are shown, most events first.", rows.len()) }
                </p>
            }
        </div>
    }
}

/// One company's row. Every company has one, in the grid's fixed order; a filter hides rows rather than
/// removing them, so filtering sets attributes instead of rebuilding the table. Its props change only when
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
    pub dispatch: Dispatch,
}

#[component]
pub fn Row(props: &RowProps) -> Html {
    let ds = &DATASET;
    let c = props.company;
    let company = &ds.companies[c as usize];
    html! {
        <tr hidden={!props.shown}>
            <th scope="row">
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
    let place = || format!("{}, {}", ds.companies[at.company as usize].name, ds.pressure_types[at.pressure as usize].label);
    match props.grid.cell(at) {
        Some(c) => html! {
            <td role="gridcell">
                <CellButton {at} outcome={c.outcome} events={c.events.len()} latest={c.latest}
                    hidden={props.hidden & (1 << c.outcome) != 0}
                    selected={props.open == Some(pressure)} {tabindex} dispatch={props.dispatch.clone()} />
            </td>
        },
        None => html! {
            // The dot is drawn by the stylesheet (.im-empty::before): one node per empty cell, not three.
            <td role="gridcell" class="im-empty" id={cell_dom_id(at)} {tabindex} aria-label={format!("{}: no events", place())}></td>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct CellButtonProps {
    pub at: CellRef,
    pub outcome: u8,
    pub events: usize,
    pub latest: Date,
    /// Hidden by the outcome filter: the same button, blanked and inert, so that hiding and showing
    /// an outcome changes attributes only and never the matrix's layout.
    pub hidden: bool,
    pub selected: bool,
    /// "0" for the grid's one tab stop, "-1" otherwise.
    pub tabindex: &'static str,
    pub dispatch: Dispatch,
}

#[component]
pub fn CellButton(props: &CellButtonProps) -> Html {
    let o = &DATASET.outcomes[props.outcome as usize];
    let at = props.at;
    let hidden = props.hidden;
    let onclick = {
        let d = props.dispatch.clone();
        move |_: MouseEvent| {
            if !hidden {
                d.dispatch(Action::Open(at))
            }
        }
    };
    let name = if hidden {
        format!("{}, {}: hidden by the outcome filter", DATASET.companies[at.company as usize].name, DATASET.pressure_types[at.pressure as usize].label)
    } else {
        text::cell_name(&DATASET, at, props.outcome, props.events, props.latest)
    };
    html! {
        <button type="button" id={cell_dom_id(at)}
            class={if hidden { classes!("im-off") } else { classes!("im-cell", format!("o-{}", o.id), props.selected.then_some("sel")) }}
            tabindex={props.tabindex} aria-label={name} aria-disabled={hidden.then_some("true")}
            aria-expanded={(!hidden).then(|| props.selected.to_string())} {onclick}>
            <span class="im-glyph" aria-hidden="true">{ o.glyph }</span>
            // The space keeps "No change 7" two words for assistive technology; grid layout ignores it.
            <span class="im-label">{ o.short }</span>{ " " }
            <span class="im-count">{ props.events }</span>
        </button>
    }
}
