//! The plain view: every shown event in one table, newest first, for readers who prefer reading to
//! scanning a grid. It follows the same filters as the matrix.

use yew::prelude::*;

use ice_matrix_core::fragments::Piece;
use ice_matrix_core::grid::{Filter, View};
use ice_matrix_core::words;

use super::common::{FragmentsState, fragment, pending};
use crate::data::DATASET;

/// A function, not a component: the root renders it only while the list is shown.
pub fn list(view: &View, filter: Filter, fragments: FragmentsState) -> Html {
    let ds = &DATASET;
    if fragments != FragmentsState::Ready {
        return pending(fragments);
    }
    let events = ds
        .events
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, e)| view.shown[e.company as usize] && filter.shows_outcome(e.outcome));
    html! {
        <div class="im-scroll">
            <table class="im-list">
                <caption>{ "Every event shown, newest first" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Date" }</th>
                        <th scope="col">{ ds.widget.row_heading }</th>
                        <th scope="col">{ "Pressure" }</th>
                        <th scope="col">{ "Outcome" }</th>
                        <th scope="col">{ "What happened, what came of it, sources" }</th>
                    </tr>
                </thead>
                <tbody>
                    for (i, e) in events {
                        <tr key={i}>
                            <td><time datetime={e.date.iso()}>{ e.date.long() }</time></td>
                            <th scope="row">{ ds.companies[e.company as usize].name }</th>
                            <td>{ words::join(e.pressure_types.iter().map(|&p| ds.pressure_types[p as usize].label), "; ") }</td>
                            <td>
                                <span class="im-badge" data-o={ds.outcomes[e.outcome as usize].id}>
                                    <span aria-hidden="true">{ ds.outcomes[e.outcome as usize].glyph }{ " " }</span>
                                    { ds.outcomes[e.outcome as usize].label }
                                </span>
                            </td>
                            // The event as a cell's panel shows it; the stylesheet hides its date and outcome here.
                            <td>{ fragment(Piece::Event(i as u16)) }</td>
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}
