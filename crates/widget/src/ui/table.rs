//! The matrix itself: rows × pressure types, one button per non-empty cell, as a WAI-ARIA grid: one tab stop
//! (a roving tabindex), arrow keys move one cell and stop at the edges, Home and End go to the row's ends,
//! Ctrl+Home and Ctrl+End to the grid's corners; Enter or Space opens a cell. In the static first view it is a
//! plain table whose cells link to `sources.html`.
//!
//! Rows are components with cheap, comparable props, so a change re-renders only the rows it touches; one
//! listener on the table handles every cell's click. A change is drawn in steps (the core's `reveal.rs`).

use ice_matrix_core::grid::{CellRef, Filter, Grid, View};
use ice_matrix_core::grid_key::GridKey;
use ice_matrix_core::reveal::{RenderedRow, rendered, row_masks};
use ice_matrix_core::state::Action;
use ice_matrix_core::words;
use yew::prelude::*;

use super::common::{Mode, Shared};
use super::hooks::use_reveal;
use super::row::Row;
use super::store::{Dispatch, send};
use crate::browser;
use crate::data::DATASET;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub mode: Mode,
    pub grid: Shared<Grid>,
    pub view: Shared<View>,
    pub filter: Filter,
    pub open: Option<CellRef>,
    /// The company whose whole story is open (its panel goes under its row, as a cell's does).
    pub company: Option<u16>,
    /// Per company, the pressure types whose cells hold a search match.
    pub hits: Shared<Vec<u32>>,
    /// How many listed rows to render; `None` once the reader asked for all of them.
    pub limit: Option<usize>,
    /// The open cell's events, drawn right under its row (a card, in the narrow layout).
    pub detail: Option<Html>,
    pub dispatch: Dispatch,
}

/// The id of the table's body, whose rows on screen a change draws first.
const ROWS: &str = "im-rows";

/// What decides which rows are listed: the sector filters and the limit.
#[derive(Clone, Copy, PartialEq)]
struct Listing {
    sector: Option<u8>,
    tech_only: bool,
    limit: Option<usize>,
}

/// What the last render drew: its rows, and per company the outcomes its row blanked.
struct LastRender {
    rows: Vec<RenderedRow>,
    masks: Vec<u32>,
}

#[component]
pub fn Table(props: &TableProps) -> Html {
    let ds = &DATASET;
    let cols = ds.pressure_types.len();
    let live = props.mode.is_live();
    let whole = props.view.drawable(props.limit);
    let last =
        use_mut_ref(|| LastRender { rows: Vec::new(), masks: vec![props.filter.hidden_outcomes; ds.companies.len()] });
    let f = props.filter;
    let drawn = use_reveal(Listing { sector: f.sector, tech_only: f.tech_only, limit: props.limit }, whole, ROWS);
    let rendered = rendered(&props.view, &props.grid, props.limit, drawn, &last.borrow().rows);
    last.borrow_mut().rows.clone_from(&rendered);
    let rows: Vec<u16> = rendered.iter().filter(|r| r.drawn).map(|r| r.company).collect();
    let masked = use_reveal(f.hidden_outcomes, rows.len(), ROWS);
    let masks = row_masks(&props.grid, &rendered, f.hidden_outcomes, masked, &mut last.borrow_mut().masks);
    let busy = !drawn.covers(whole) || !masked.covers(rows.len());
    let more = props.view.listed_count - whole;
    // The one cell in the tab order, as (row, column) in the rows shown.
    let active = use_state(|| (0usize, 0usize));
    let at_rc = |(r, c): (usize, usize)| rows.get(r).map(|&company| CellRef { company, pressure: c as u8 });
    let (ar, ac) = (active.0.min(rows.len().saturating_sub(1)), active.1.min(cols.saturating_sub(1)));
    let tab_stop = at_rc((ar, ac));

    let onkeydown = {
        let (active, rows) = (active.clone(), rows.clone());
        Callback::from(move |e: KeyboardEvent| {
            // Keys pressed inside the open cell's events (drawn within the table) are the reader's, not the grid's.
            let in_detail =
                e.target_dyn_into::<web_sys::Element>().and_then(|t| t.closest(".im-detail").ok().flatten());
            if in_detail.is_some() {
                return;
            }
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
            let button =
                e.target_dyn_into::<web_sys::Element>().and_then(|t| t.closest("button.im-cell").ok().flatten());
            if let Some(at) = button.and_then(|b| CellRef::from_dom_id(&b.id())) {
                d.dispatch(Action::Open(at));
                return;
            }
            // A row's name: its company's whole story.
            let name =
                e.target_dyn_into::<web_sys::Element>().and_then(|t| t.closest("button.im-company").ok().flatten());
            if let Some(c) = name.and_then(|b| b.get_attribute("data-c")).and_then(|c| c.parse().ok()) {
                d.dispatch(Action::ToggleCompany(c));
            }
        })
    };

    let open_row = props.open.map(|at| at.company).or(props.company);
    let body = rendered.iter().zip(&masks).flat_map(|(row, &hidden)| {
        let line = html! {
            <Row key={row.company as usize} mode={props.mode} company={row.company} grid={props.grid.clone()}
                listed={row.drawn} {hidden}
                open={props.open.filter(|at| at.company == row.company).map(|at| at.pressure)}
                company_open={props.company == Some(row.company)}
                hits={props.hits.0.get(row.company as usize).copied().unwrap_or(0)}
                tab_stop={tab_stop.filter(|at| at.company == row.company).map(|at| at.pressure)} />
        };
        let detail = props.detail.clone().filter(|_| row.drawn && open_row == Some(row.company)).map(|d| {
            html! { <tr key="detail" class="im-open-row" role="row"><td role="gridcell" class="im-open-cell">{ d }</td></tr> }
        });
        std::iter::once(line).chain(detail)
    });
    html! {
        <div class="im-scroll">
            // Explicit roles: the stylesheet lays the rows out as flex lines, and some browsers drop a table's
            // semantics when its parts are not displayed as table parts.
            <table class="im-matrix" role={if live { "grid" } else { "table" }} aria-busy={live.then(|| busy.to_string())}
                {onkeydown} {onfocusin} {onclick}>
                <caption>{ ds.widget.caption }</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader" class="im-corner">{ ds.widget.row_heading }</th>
                        for p in ds.pressure_types.iter() {
                            <th scope="col" role="columnheader" title={p.definition}>
                                <span aria-hidden="true">{ p.short }</span>
                                <span class="im-sr">{ p.label }</span>
                            </th>
                        }
                    </tr>
                </thead>
                <tbody role="rowgroup" id={ROWS}>
                    { for body }
                </tbody>
            </table>
            if more > 0 {
                <p class="im-more">
                    if live {
                        <button type="button" class="im-button" onclick={send(&props.dispatch, Action::ShowAllRows)}>
                            { words::show_more(ds, more) }
                        </button>
                        { format!(" The first {whole} are shown, most events first.") }
                    } else {
                        { format!("The first {whole} of {} are shown, most events first. ", words::rows(ds, props.view.listed_count)) }
                        <a href="sources.html">{ "Every event" }</a>
                    }
                </p>
            }
        </div>
    }
}
