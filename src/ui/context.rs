//! "Why so few cut ties?": sourced points on both sides, each linked to the cells it explains.

use yew::prelude::*;

use super::app::Dispatch;
use super::source::sources;
use crate::matrix::CellRef;
use crate::text;
use crate::model::{Context, DATASET};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ContextPanelProps {
    pub dispatch: Dispatch,
}

#[component]
pub fn ContextPanel(props: &ContextPanelProps) -> Html {
    let ds = &DATASET;
    let column = |why_kept: bool, heading: &'static str| {
        html! {
            <div class="im-col">
                <h3>{ heading }</h3>
                for c in ds.context.iter().filter(|c| c.why_kept == why_kept) {
                    { point(c, &props.dispatch) }
                }
            </div>
        }
    };
    html! {
        <>
            <h2 class="im-panel-title">{ "Why so few cut ties?" }</h2>
            <p class="im-lede">{ "What companies said and what explains their choices, beside the case made against them. Each point cites its sources." }</p>
            <div class="im-cols">
                { column(true, "Why companies kept their ties") }
                { column(false, "The case against, and the exceptions") }
            </div>
        </>
    }
}

fn point(c: &Context, dispatch: &Dispatch) -> Html {
    html! {
        <article class="im-point" key={c.id}>
            <h4>{ c.heading.get() }</h4>
            <p>{ c.text.get() }</p>
            if !c.events.is_empty() {
                <p class="im-see">
                    { "See: " }
                    for (i, at) in cells(c.events).into_iter().enumerate() {
                        { if i > 0 { ", " } else { "" } }
                        { cell_link(at, dispatch) }
                    }
                </p>
            }
            { sources(c.sources) }
        </article>
    }
}

/// The cells these events sit in (each event's first pressure type), once each, in order.
fn cells(events: &[u16]) -> Vec<CellRef> {
    let mut out: Vec<CellRef> = Vec::new();
    for &e in events {
        let ev = &DATASET.events[e as usize];
        let at = CellRef { company: ev.company, pressure: ev.pressure_types[0] };
        if !out.contains(&at) {
            out.push(at);
        }
    }
    out
}

/// A button that opens a cell.
fn cell_link(at: CellRef, dispatch: &Dispatch) -> Html {
    let ds = &DATASET;
    let d = dispatch.clone();
    html! {
        <button type="button" class="im-link" onclick={move |_: MouseEvent| d.dispatch(Action::Open(at))}>
            { text::place(ds, at) }
        </button>
    }
}
