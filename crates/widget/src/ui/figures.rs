//! Key figures above the matrix, computed from what is shown.

use ice_matrix_core::grid::View;
use ice_matrix_core::words;
use yew::prelude::*;

use crate::data::DATASET;

/// A function, not a component: the root calls it on each of its renders.
pub fn figures(v: &View) -> Html {
    let ds = &DATASET;
    html! {
        <>
            <dl class="im-figures">
                <div><dt>{ ds.widget.rows_heading }</dt><dd>{ v.rows.len() }</dd></div>
                <div><dt>{ "Events" }</dt><dd>{ v.events }</dd></div>
                <div><dt>{ words::strongest_label(ds) }</dt><dd>{ v.strongest }</dd></div>
            </dl>
            <p class="im-live" role="status" aria-live="polite">{ words::shown(ds, v) }</p>
        </>
    }
}
