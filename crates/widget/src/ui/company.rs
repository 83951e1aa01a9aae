//! A company's whole story: every event across the pressure types, oldest first, how its outcomes changed, and
//! where each type of pressure stands now. Opened from its row's name (its card's, on a phone) or from one of
//! its cells; it takes the place of a cell's panel, under the company's row.

use yew::prelude::*;

use ice_matrix_core::fragments::Piece;
use ice_matrix_core::grid::Grid;
use ice_matrix_core::words;

use super::common::{FragmentsState, fragment, pending};
use crate::data::DATASET;

pub fn company_panel(c: u16, grid: &Grid, fragments: FragmentsState, onclose: &Callback<()>) -> Html {
    let ds = &DATASET;
    let company = &ds.companies[c as usize];
    let events = words::company_events(ds, grid, c);
    let cells: Vec<_> = grid.row(c).collect();
    let onclose = onclose.reform(|_: MouseEvent| ());
    html! {
        <section id="im-detail" class="im-detail im-company-panel" aria-labelledby="im-detail-title">
            <div class="im-detail-head">
                <h3 id="im-detail-title" tabindex="-1">
                    { company.name }{ ": every event" }
                    <span class="im-sub">
                        { words::count(events.len(), "event", "events") }{ " across " }
                        { words::count(cells.len(), "type of pressure", "types of pressure") }{ ", oldest first" }
                    </span>
                </h3>
                <button type="button" class="im-close" onclick={onclose} aria-label="Close these events and return to the matrix">
                    { "Close" }<span aria-hidden="true">{ " ×" }</span>
                </button>
            </div>
            if let Some(h) = words::company_history(ds, &events) {
                <p class="im-history"><strong>{ "How its outcomes went: " }</strong>{ h }</p>
            }
            <ul class="im-stands" aria-label="Where each type of pressure stands, by its most recent event">
                for (p, cell) in cells.iter() {
                    <li key={*p as usize}>
                        { ds.pressure_types[*p as usize].label }{ ": " }
                        <strong>{ ds.outcomes[cell.outcome as usize].label }</strong>
                        { format!(" ({})", words::cell_count(cell)) }
                    </li>
                }
            </ul>
            if !company.wikidata.is_empty() {
                <p class="im-elsewhere">
                    { "Elsewhere: " }
                    <a href={format!("https://www.wikidata.org/wiki/{}", company.wikidata)} target="_blank" rel="noopener noreferrer">
                        { format!("{} on Wikidata", company.name) }
                    </a>
                </p>
            }
            if fragments == FragmentsState::Ready {
                <ol class="im-events">
                    for &e in events.iter() {
                        <li key={e as usize}>{ fragment(Piece::Event(e)) }</li>
                    }
                </ol>
            } else {
                { pending(fragments) }
            }
        </section>
    }
}
