//! The legend, which is also the outcome filter: each outcome toggles its cells on and off.

use yew::prelude::*;

use super::Shared;

use super::app::Dispatch;
use crate::matrix::{Filter, View};
use crate::model::DATASET;
use crate::state::{Action, Panel};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub filter: Filter,
    pub view: Shared<View>,
    pub dispatch: Dispatch,
}

#[component]
pub fn Legend(props: &LegendProps) -> Html {
    html! {
        <div class="im-legend">
            <p class="im-rule">
                { "Outcome (click to show or hide). " }{ text::CELL_RULE }{ " " }
                <button type="button" class="im-link"
                    onclick={let d = props.dispatch.clone(); move |_: MouseEvent| d.dispatch(Action::TogglePanel(Panel::Method))}>
                    { "What the outcomes mean" }
                </button>
            </p>
            <ul>
                for (i, o) in DATASET.outcomes.iter().enumerate() {
                    <li>
                        <button
                            type="button"
                            class={classes!("im-key", (!props.filter.shows_outcome(i as u8)).then_some("off"))}
                            aria-pressed={props.filter.shows_outcome(i as u8).to_string()}
                            title={o.definition}
                            onclick={let d = props.dispatch.clone(); move |_: MouseEvent| d.dispatch(Action::ToggleOutcome(i as u8))}
                        >
                            <span class={classes!("im-swatch", format!("o-{}", o.id))} aria-hidden="true">{ o.glyph }</span>
                            { o.label }
                            <span class="im-n">{ text::count(props.view.cells_per_outcome[i], "cell", "cells") }</span>
                        </button>
                    </li>
                }
            </ul>
        </div>
    }
}
