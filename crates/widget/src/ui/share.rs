//! "Share": the link to the view on screen, through the system share sheet where the frame allows it, else the
//! clipboard, else shown for the reader to select and copy.

use ice_matrix_core::state::ViewState;
use yew::prelude::*;

use crate::browser::{self, Shared};
use crate::data::DATASET;

/// A function, not a component (a component of its own would cost the wasm 2 KB): `outcome`, what came of the
/// last share, is the root's state.
pub fn share(state: ViewState, outcome: &UseStateHandle<Option<Shared>>) -> Html {
    // The view as it is, without an open panel of the widget's own (this one, "Embed this" …).
    let url = format!("{}{}", browser::base_url(), ViewState { panel: None, ..state }.to_hash(&DATASET));
    let onclick = {
        let (outcome, url) = (outcome.clone(), url.clone());
        Callback::from(move |_: MouseEvent| {
            let (outcome, url) = (outcome.clone(), url.clone());
            wasm_bindgen_futures::spawn_local(async move {
                outcome.set(Some(browser::share(DATASET.title, &url).await));
            });
        })
    };
    let onfocus = Callback::from(|e: FocusEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().select());
    html! {
        <div class="im-share">
            <button type="button" class="im-tab" {onclick}>{ "Share" }</button>
            <span class="im-share-note" role="status">
                if **outcome == Some(Shared::Copied) { { "Link copied" } }
            </span>
            if **outcome == Some(Shared::Neither) {
                <label class="im-share-link">{ "Link to this view " }
                    <input type="text" readonly=true value={url} {onfocus} />
                </label>
            }
        </div>
    }
}
