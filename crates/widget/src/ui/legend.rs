//! The legend, which is also the outcome filter: each outcome toggles its cells on and off. In the static first
//! view it is a plain list, and links to every event.

use ice_matrix_core::grid::{Filter, View};
use ice_matrix_core::panel::Panel;
use ice_matrix_core::state::Action;
use ice_matrix_core::words;
use yew::prelude::*;

use super::common::Mode;
use super::store::{Dispatch, send};
use crate::data::DATASET;

/// A function, not a component: the root calls it on each of its renders.
pub fn legend(mode: Mode, filter: Filter, view: &View, dispatch: &Dispatch) -> Html {
    let ds = &DATASET;
    let live = mode.is_live();
    html! {
        <div class="im-legend">
            <p class="im-rule">
                if live {
                    { "Outcome (click to show or hide). " }{ words::CELL_RULE }{ " " }
                    <button type="button" class="im-link" onclick={send(dispatch, Action::TogglePanel(Panel::Method))}>
                        { "What the outcomes mean" }
                    </button>
                } else {
                    { words::CELL_RULE }{ " " }<a href="sources.html">{ "Every event with its sources" }</a>
                }
            </p>
            <ul>
                for (i, o) in ds.outcomes.iter().enumerate() {
                    <li>
                        if live {
                            <button type="button" class="im-key" aria-pressed={filter.shows_outcome(i as u8).to_string()}
                                title={o.definition} onclick={send(dispatch, Action::ToggleOutcome(i as u8))}>
                                { key(i, view) }
                            </button>
                        } else {
                            <span class="im-key" title={o.definition}>{ key(i, view) }</span>
                        }
                    </li>
                }
            </ul>
        </div>
    }
}

/// An outcome's swatch, label and count of cells.
fn key(i: usize, view: &View) -> Html {
    let o = &DATASET.outcomes[i];
    html! {
        <>
            <span class="im-swatch" data-o={o.id} aria-hidden="true">{ o.glyph }</span>
            { o.label }
            <span class="im-n">{ words::count(view.cells_per_outcome[i], "cell", "cells") }</span>
        </>
    }
}
