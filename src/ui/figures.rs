//! Key figures above the matrix, computed from what is shown.

use yew::prelude::*;

use crate::matrix::View;
use crate::model::DATASET;
use crate::text;

/// A function, not a component: it is small, and the root re-renders it only when the view changes.
pub fn figures(v: &View) -> Html {
    html! {
        <>
            <dl class="im-figures">
                <div><dt>{ "Companies" }</dt><dd>{ v.rows.len() }</dd></div>
                <div><dt>{ "Events" }</dt><dd>{ v.events }</dd></div>
                <div><dt>{ text::strongest_label(&DATASET) }</dt><dd>{ v.strongest }</dd></div>
            </dl>
            <p class="im-live" role="status" aria-live="polite">{ text::shown(v) }</p>
        </>
    }
}
