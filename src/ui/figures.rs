//! Key figures above the matrix, computed from what is shown.

use yew::prelude::*;

use super::Shared;

use crate::matrix::View;
use crate::model::DATASET;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    pub view: Shared<View>,
}

#[component]
pub fn Figures(props: &FiguresProps) -> Html {
    let v = &props.view;
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
