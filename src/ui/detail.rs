//! The detail panel: the dated events behind one cell, newest first, each with its sources (fragments
//! made by the build, see `texts.rs`).
//! Focus moves to its heading when it opens, so keyboard and screen-reader users land in it.

use yew::prelude::*;

use super::{Shared, Texts, fragment, texts_pending};

use crate::browser;
use crate::matrix::{CellRef, Grid};
use crate::model::DATASET;
use crate::text;
use crate::texts::Piece;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub at: CellRef,
    pub grid: Shared<Grid>,
    pub onclose: Callback<()>,
    pub texts: Texts,
}

#[component]
pub fn Detail(props: &DetailProps) -> Html {
    let ds = &DATASET;
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.at, move |_| {
            // Only when the reader opened the cell from inside the widget: a panel restored from a link on
            // load must not take focus (in an embed that would scroll the host article).
            if browser::focus_is_inside(".im")
                && let Some(h) = heading.cast::<web_sys::HtmlElement>()
            {
                let _ = h.focus();
            }
        });
    }
    let Some(cell) = props.grid.cell(props.at) else { return Html::default() };
    let company = &ds.companies[props.at.company as usize];
    let pressure = &ds.pressure_types[props.at.pressure as usize];
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    html! {
        <section id="im-detail" class="im-detail" aria-labelledby="im-detail-title">
            <div class="im-detail-head">
                <h3 id="im-detail-title" tabindex="-1" ref={heading}>
                    { company.name }{ ": " }{ pressure.label }
                    <span class="im-sub">{ text::count(cell.events.len(), "event", "events") }{ ", newest first" }</span>
                </h3>
                <button type="button" class="im-close" onclick={onclose} aria-label="Close the events and return to the matrix">
                    { "Close" }<span aria-hidden="true">{ " ×" }</span>
                </button>
            </div>
            <p class="im-def">{ pressure.definition }</p>
            if let Some(h) = text::history(ds, cell) {
                <p class="im-history"><strong>{ "How the outcome changed: " }</strong>{ h }</p>
            }
            if props.texts == Texts::Ready {
                <ol class="im-events">
                    for &e in cell.events.iter() {
                        <li key={e as usize}>{ fragment(Piece::Event(e)) }</li>
                    }
                </ol>
            } else {
                { texts_pending(props.texts) }
            }
        </section>
    }
}
