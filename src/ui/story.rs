//! The tabs below the matrix that tell the rest of the story: context, the movement, the methodology and
//! the downloads. One panel at a time; the open one is in the URL hash. All but the embed panel are
//! HTML fragments made by the build (see `texts.rs`); their buttons to cells carry `data-cell`, which
//! one listener here turns into opening that cell.

use yew::prelude::*;

use super::app::Dispatch;
use super::{Texts, fragment, texts_pending};
use super::embedding::EmbedPanel;
use crate::embed::Options;
use crate::matrix::CellRef;
use crate::state::{Action, Panel, ViewState};
use crate::texts::Piece;


/// A function, not a component: the root re-renders it only when the state changes. `state` is the whole
/// view, for the embed code of what the editor is looking at.
pub fn story(panel: Option<Panel>, state: ViewState, options: &Options, texts: Texts, dispatch: &Dispatch) -> Html {
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            let target = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
            let cell = target.and_then(|t| t.closest("[data-cell]").ok().flatten()).and_then(|b| b.get_attribute("data-cell"));
            if let Some(at) = cell.and_then(|c| CellRef::from_dom_id(&c)) {
                dispatch.dispatch(Action::Open(at));
            }
        })
    };
    html! {
        <div class="im-story">
            <div class="im-tabs" role="group" aria-label="More about the data">
                for p in Panel::ALL {
                    <button type="button" class="im-tab"
                        aria-expanded={(panel == Some(p)).to_string()} aria-controls="im-panel"
                        onclick={let d = dispatch.clone(); move |_: MouseEvent| d.dispatch(Action::TogglePanel(p))}>
                        { p.title() }
                    </button>
                }
            </div>
            if let Some(p) = panel {
                <section id="im-panel" class="im-panel" aria-label={p.title()} {onclick}>
                    { match p {
                        Panel::Embed => html! { <EmbedPanel state={state} options={options.clone()} /> },
                        _ if texts != Texts::Ready => texts_pending(texts),
                        p => fragment(Piece::Panel(p)),
                    } }
                </section>
            }
        </div>
    }
}
