//! The matrix itself: companies × pressure types, one button per non-empty cell.
//!
//! Cells are their own component with cheap, comparable props and the pointer-stable reducer
//! dispatcher, so a change elsewhere does not re-render untouched cells.

use std::rc::Rc;

use yew::prelude::*;

use super::{app::Dispatch, cell_dom_id};
use crate::matrix::{CellRef, Filter, Grid, View};
use crate::model::{DATASET, Date};
use crate::state::Action;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub grid: Rc<Grid>,
    pub view: Rc<View>,
    pub filter: Filter,
    pub open: Option<CellRef>,
    pub dispatch: Dispatch,
}

#[component]
pub fn Table(props: &TableProps) -> Html {
    let ds = &DATASET;
    html! {
        <div class="im-scroll">
            <table class="im-matrix">
                <caption>{ "Pressure on each company (rows) by type (columns), and what came of it" }</caption>
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
                    for &c in props.view.rows.iter() {
                        <tr key={c as usize}>
                            <th scope="row">
                                { ds.companies[c as usize].name }
                                <span class="im-sector">{ ds.sectors[ds.companies[c as usize].sector as usize].label }</span>
                            </th>
                            for p in 0..ds.pressure_types.len() {
                                { cell(props, CellRef { company: c, pressure: p as u8 }) }
                            }
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}

fn cell(props: &TableProps, at: CellRef) -> Html {
    match props.grid.cell(at) {
        Some(c) if props.filter.shows_outcome(c.outcome) => html! {
            <td>
                <CellButton {at} outcome={c.outcome} events={c.events.len()} latest={c.latest}
                    selected={props.open == Some(at)} dispatch={props.dispatch.clone()} />
            </td>
        },
        Some(_) => html! { <td class="im-hidden"><span class="im-sr">{ "hidden by the outcome filter" }</span></td> },
        None => html! { <td class="im-empty"><span aria-hidden="true">{ "·" }</span><span class="im-sr">{ "no events" }</span></td> },
    }
}

#[derive(Properties, PartialEq)]
pub struct CellButtonProps {
    pub at: CellRef,
    pub outcome: u8,
    pub events: usize,
    pub latest: Date,
    pub selected: bool,
    pub dispatch: Dispatch,
}

#[component]
pub fn CellButton(props: &CellButtonProps) -> Html {
    let o = &DATASET.outcomes[props.outcome as usize];
    let at = props.at;
    let onclick = {
        let d = props.dispatch.clone();
        move |_: MouseEvent| d.dispatch(Action::Open(at))
    };
    let name = text::cell_name(&DATASET, at, props.outcome, props.events, props.latest);
    html! {
        <button type="button" id={cell_dom_id(at)}
            class={classes!("im-cell", format!("o-{}", o.id), props.selected.then_some("sel"))}
            aria-label={name} aria-expanded={props.selected.to_string()} aria-controls="im-detail" {onclick}>
            <span class="im-glyph" aria-hidden="true">{ o.glyph }</span>
            <span class="im-label" aria-hidden="true">{ o.short }</span>
            <span class="im-count" aria-hidden="true">{ props.events }</span>
        </button>
    }
}
