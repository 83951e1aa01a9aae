//! The tabs below the matrix that tell the rest of the story: context, the movement, the methodology, the
//! downloads and the embed code. One panel at a time; the open one is in the URL hash. All but the embed panel
//! are fragments made by the build; their buttons to cells carry `data-cell`, which one listener here turns into
//! opening that cell.

use ice_matrix_core::embed::Options;
use ice_matrix_core::fragments::Piece;
use ice_matrix_core::grid::CellRef;
use ice_matrix_core::panel::Panel;
use ice_matrix_core::state::{Action, ViewState};
use yew::prelude::*;

use super::cite::Cite;
use super::common::{FULL, FragmentsState, fragment, loading, pending};
use super::embed_panel::EmbedPanel;
use super::store::{Dispatch, send};
use crate::data::DATASET;

/// A function, not a component: the root calls it on each of its renders. `state` is the whole view, for the
/// embed code of what the editor is looking at; `whole_failed`, that the whole widget could not be loaded.
pub fn story(
    state: ViewState,
    options: &Options,
    fragments: FragmentsState,
    whole_failed: bool,
    dispatch: &Dispatch,
) -> Html {
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            let target = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
            let cell =
                target.and_then(|t| t.closest("[data-cell]").ok().flatten()).and_then(|b| b.get_attribute("data-cell"));
            if let Some(at) = cell.and_then(|c| CellRef::from_dom_id(&c)) {
                dispatch.dispatch(Action::Open(at));
            }
        })
    };
    html! {
        <div class="im-story">
            <div class="im-tabs" role="group" aria-label="More about the data">
                for p in Panel::ALL {
                    <button type="button" class="im-tab" id={format!("im-tab-{}", p.key())} aria-expanded={(state.panel == Some(p)).to_string()} aria-controls="im-panel"
                        onclick={send(dispatch, Action::TogglePanel(p))}>
                        { p.title(&DATASET) }
                    </button>
                }
            </div>
            if let Some(p) = state.panel {
                <section id="im-panel" class="im-panel" aria-label={p.title(&DATASET)} {onclick}>
                    { match p {
                        Panel::Embed | Panel::Data if !FULL => loading(whole_failed),
                        Panel::Embed => html! { <EmbedPanel state={state} options={options.clone()} /> },
                        _ if fragments != FragmentsState::Ready => pending(fragments),
                        Panel::Data => html! { <>{ fragment(Piece::Panel(Panel::Data)) }<Cite state={state} /></> },
                        p => fragment(Piece::Panel(p)),
                    } }
                </section>
            }
        </div>
    }
}
