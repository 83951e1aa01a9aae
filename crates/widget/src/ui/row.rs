//! One row of the matrix: its company and one cell per pressure type.

use ice_matrix_core::grid::{Cell, CellRef, Grid, outcome_bit};
use ice_matrix_core::words;
use yew::prelude::*;

use super::common::{Mode, Shared};
use crate::data::DATASET;

/// One company's row. When every company fits (the core's `reveal::rendered`), every company has one, in the
/// grid's fixed order, and a filter hides rows rather than removing them. Its props change only when something
/// in the row does (listed or not, its open cell, its tab stop, the outcomes hidden among its own cells), so
/// opening a cell, moving focus or filtering re-renders only the rows it touches.
#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub mode: Mode,
    pub company: u16,
    pub grid: Shared<Grid>,
    /// Whether the filters list this row (else it is rendered hidden).
    pub listed: bool,
    /// The hidden outcomes among this row's cells (the filter's mask, restricted to the row).
    pub hidden: u32,
    /// The pressure-type column of the open cell, if it is in this row.
    pub open: Option<u8>,
    /// The column of the grid's tab stop, if it is in this row.
    pub tab_stop: Option<u8>,
    /// Whether the company's whole story is open.
    pub company_open: bool,
    /// A bit per pressure type whose cell holds a search match.
    #[prop_or_default]
    pub hits: u32,
}

#[component]
pub fn Row(props: &RowProps) -> Html {
    let ds = &DATASET;
    let company = &ds.companies[props.company as usize];
    html! {
        <tr role="row" hidden={!props.listed}>
            <th scope="row" role="rowheader">
                if props.mode.is_live() {
                    // Out of the grid's one tab stop (a pointer or a tap opens it; from the keyboard, a cell's
                    // panel has the same button).
                    <button type="button" class="im-company" id={format!("company-{}", props.company)} data-c={props.company.to_string()}
                        tabindex="-1" aria-expanded={props.company_open.to_string()}>{ company.name }</button>
                } else {
                    // Without a script: the company's own page (its card, its sentence, the way in).
                    <a class="im-company" href={format!("share/{}.html", company.id)}>{ company.name }</a>
                }
                <span class="im-sector">{ ds.sectors[company.sector as usize].label }</span>
            </th>
            for p in 0..ds.pressure_types.len() {
                { cell(props, CellRef { company: props.company, pressure: p as u8 }) }
            }
        </tr>
    }
}

/// A cell. Each carries its column's label (`data-p`), which the cards of the narrow layout show beside it.
fn cell(props: &RowProps, at: CellRef) -> Html {
    let ds = &DATASET;
    let column = ds.pressure_types[at.pressure as usize].label;
    let tabindex = if props.tab_stop == Some(at.pressure) { "0" } else { "-1" };
    match (props.grid.cell(at), props.mode.is_live()) {
        (Some(c), true) => html! { <td role="gridcell" data-p={column}>{ cell_button(props, at, c, tabindex) }</td> },
        (Some(c), false) => html! {
            <td role="cell" data-p={column}>
                <a class="im-cell" data-o={ds.outcomes[c.outcome as usize].id} href={format!("sources.html#{}", at.anchor(ds))}
                    aria-label={words::cell_name(ds, at, c)}>{ words::cell_count(c) }</a>
            </td>
        },
        // The dot is drawn by the stylesheet (a background of .im-empty): one node per empty cell.
        (None, true) => html! {
            <td role="gridcell" class="im-empty" data-p={column} id={at.dom_id()} {tabindex} aria-label={format!("{}: no events", words::place(ds, at))}></td>
        },
        (None, false) => {
            html! { <td role="cell" class="im-empty" data-p={column}><span class="im-sr">{ "no events" }</span></td> }
        }
    }
}

/// A non-empty cell's button. Plain markup, no listener of its own: the table handles clicks for all cells.
/// The glyph and the short label are drawn by the palette CSS from `data-o` (one `::before` line above the
/// count), so a cell is one element and its count; classes are literal and state is in `aria-*` (a computed
/// class would cost the wasm Yew's class-list code).
fn cell_button(props: &RowProps, at: CellRef, c: &Cell, tabindex: &'static str) -> Html {
    let ds = &DATASET;
    let o = &ds.outcomes[c.outcome as usize];
    let n = c.events.len();
    // Hidden by the outcome filter: the same button, blanked and inert, so that hiding and showing an outcome
    // changes attributes only and never the matrix's layout. It keeps `data-o` and its count, unseen.
    if props.hidden & outcome_bit(c.outcome) != 0 {
        let name = format!("{}: hidden by the outcome filter", words::place(ds, at));
        html! { <button type="button" id={at.dom_id()} class="im-off" data-o={o.id} {tabindex} aria-label={name} aria-disabled="true">{ n }</button> }
    } else {
        let hit = props.hits & (1 << at.pressure.min(31)) != 0;
        let name = if hit {
            format!("{}, matches the search", words::cell_name(ds, at, c))
        } else {
            words::cell_name(ds, at, c)
        };
        html! {
            <button type="button" id={at.dom_id()} class="im-cell" data-o={o.id} data-hit={hit.then_some("1")} {tabindex} aria-label={name}
                aria-expanded={(props.open == Some(at.pressure)).to_string()}>{ words::cell_count(c) }</button>
        }
    }
}
