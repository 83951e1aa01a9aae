//! "Cite this": how to cite the data as the reader sees it now (the view's permalink), with the version, the
//! date it was updated and the content hash of the published `data/dataset.json`. Below the data panel.

use ice_matrix_core::state::ViewState;
use ice_matrix_core::words;
use yew::prelude::*;

use super::common::code_block;
use crate::browser;
use crate::data::{DATA_HASH, DATASET};

#[derive(Properties, PartialEq)]
pub struct CiteProps {
    pub state: ViewState,
}

#[component]
pub fn Cite(props: &CiteProps) -> Html {
    let permalink = format!("{}{}", browser::base_url(), ViewState { panel: None, ..props.state }.to_hash(&DATASET));
    html! {
        <div class="im-cite">
            <h3>{ "Cite this" }</h3>
            <p class="im-note">{ format!("Data version {}, updated {}, content hash {DATA_HASH} (the first 16 hex digits of the SHA-256 of data/dataset.json). The address is the view on screen.", DATASET.version, DATASET.updated.long()) }</p>
            for (style, text) in words::citations(&DATASET, &permalink, DATA_HASH) {
                { code_block(&format!("cite-{style}"), style, &text) }
            }
        </div>
    }
}
