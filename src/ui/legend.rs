//! The legend, which is also the outcome filter: each outcome toggles its cells on and off.

use yew::prelude::*;

use super::app::Dispatch;
use crate::matrix::{Filter, View};
use crate::model::DATASET;
use crate::state::{Action, Panel};
use crate::text;


/// A function, not a component: small, and the root re-renders it only when the state changes.
pub fn legend(filter: Filter, view: &View, dispatch: &Dispatch) -> Html {
    html! {
        <div class="im-legend">
            <p class="im-rule">
                { "Outcome (click to show or hide). " }{ text::CELL_RULE }{ " " }
                <button type="button" class="im-link"
                    onclick={let d = dispatch.clone(); move |_: MouseEvent| d.dispatch(Action::TogglePanel(Panel::Method))}>
                    { "What the outcomes mean" }
                </button>
            </p>
            <ul>
                for (i, o) in DATASET.outcomes.iter().enumerate() {
                    <li>
                        <button
                            type="button"
                            class="im-key"
                            aria-pressed={filter.shows_outcome(i as u8).to_string()}
                            title={o.definition}
                            onclick={let d = dispatch.clone(); move |_: MouseEvent| d.dispatch(Action::ToggleOutcome(i as u8))}
                        >
                            <span class="im-swatch" data-o={o.id} aria-hidden="true">{ o.glyph }</span>
                            { o.label }
                            <span class="im-n">{ text::count(view.cells_per_outcome[i], "cell", "cells") }</span>
                        </button>
                    </li>
                }
            </ul>
        </div>
    }
}
