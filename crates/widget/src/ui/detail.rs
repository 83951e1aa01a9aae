//! The detail panel: the dated events behind one cell, newest first, each with its sources (fragments
//! made by the build, see the core's `fragments.rs`).

use yew::prelude::*;

use ice_matrix_core::fragments::Piece;
use ice_matrix_core::grid::{CellRef, Grid};
use ice_matrix_core::words;

use super::common::{FragmentsState, fragment, pending};
use crate::data::DATASET;

/// A function, not a component: the root renders it while a cell is open, and moves focus to its heading
/// when the reader opens one (see `app.rs`).
pub fn detail(
    at: CellRef,
    grid: &Grid,
    fragments: FragmentsState,
    onclose: &Callback<()>,
    oncompany: &Callback<u16>,
) -> Html {
    let ds = &DATASET;
    let Some(cell) = grid.cell(at) else { return Html::default() };
    let company = &ds.companies[at.company as usize];
    let pressure = &ds.pressure_types[at.pressure as usize];
    let onclose = onclose.reform(|_: MouseEvent| ());
    html! {
        <section id="im-detail" class="im-detail" aria-labelledby="im-detail-title">
            <div class="im-detail-head">
                <h3 id="im-detail-title" tabindex="-1">
                    { company.name }{ ": " }{ pressure.label }
                    <span class="im-sub">{ words::count(cell.events.len(), "event", "events") }{ ", newest first" }</span>
                </h3>
                <button type="button" class="im-close" onclick={onclose} aria-label="Close the events and return to the matrix">
                    { "Close" }<span aria-hidden="true">{ " ×" }</span>
                </button>
            </div>
            <p class="im-def">{ pressure.definition }</p>
            <p class="im-def"><button type="button" class="im-link" onclick={oncompany.reform(move |_: MouseEvent| at.company)}>
                { format!("Every event for {}, across the types of pressure", company.name) }</button></p>
            if let Some(h) = words::history(ds, cell) {
                <p class="im-history"><strong>{ "How the outcome changed: " }</strong>{ h }</p>
            }
            if fragments == FragmentsState::Ready {
                <ol class="im-events">
                    for &e in cell.events.iter() {
                        <li key={e as usize}>{ fragment(Piece::Event(e)) }</li>
                    }
                </ol>
            } else {
                { pending(fragments) }
            }
        </section>
    }
}
