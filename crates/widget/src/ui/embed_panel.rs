//! "Embed this": the code an editor pastes into an article for the view on screen, with the loader
//! line and the Content-Security-Policy line the host page needs, each with a copy button.

use ice_matrix_core::embed::{self, Options, Theme};
use ice_matrix_core::state::ViewState;
use yew::prelude::*;

use crate::browser;
use crate::data::{DATASET, FRAME_HEIGHTS};

#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub state: ViewState,
    pub options: Options,
}

#[component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let theme = use_state(|| props.options.theme);
    let transparent = use_state(|| props.options.transparent);
    let hide_header = use_state(|| props.options.hide_header);
    let options =
        Options { theme: *theme, transparent: *transparent, hide_header: *hide_header, ..props.options.clone() };
    // The embedded view opens on the same cell and filters, without this panel.
    let view = ViewState { panel: None, ..props.state };
    let code = embed::snippet(&browser::base_url(), &view.to_hash(&DATASET), &options, DATASET.title, FRAME_HEIGHTS);
    let ontheme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            theme.set(Theme::from_key(&v).unwrap_or_default());
        })
    };
    let toggle = |s: &UseStateHandle<bool>| {
        let s = s.clone();
        Callback::from(move |e: Event| s.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
    };
    html! {
        <>
            <h2 class="im-panel-title">{ "Embed this" }</h2>
            <p class="im-lede">{ "Paste the frame into the article. It opens on the cell and filters shown now, sizes itself, and loads nothing from anywhere else." }</p>
            <div class="im-filters">
                <label>{ "Theme " }
                    <select onchange={ontheme}>
                        for t in Theme::ALL {
                            <option value={t.key()} selected={*theme == t}>{ match t { Theme::Auto => "Follow the reader's setting", Theme::Light => "Light", Theme::Dark => "Dark" } }</option>
                        }
                    </select>
                </label>
                <label class="im-check"><input type="checkbox" checked={*transparent} onchange={toggle(&transparent)} />{ " Transparent background" }</label>
                <label class="im-check"><input type="checkbox" checked={*hide_header} onchange={toggle(&hide_header)} />{ " Hide the headline" }</label>
            </div>
            { block("embed-frame", "1. The frame", &code.iframe) }
            { block("embed-loader", "2. Once per page, for hosts without a resize listener (pym.js, AMP and Datawrapper listeners work as they are)", &code.loader) }
            { block("embed-csp", "3. If the article sends a Content-Security-Policy, add", &code.csp) }
        </>
    }
}

fn block(id: &'static str, label: &'static str, text: &str) -> Html {
    let copy = {
        let text = text.to_string();
        Callback::from(move |_: MouseEvent| browser::copy(&text))
    };
    html! {
        <div class="im-code">
            <label for={id}>{ label }</label>
            <textarea {id} readonly=true rows="3" spellcheck="false" value={text.to_string()} />
            <button type="button" class="im-button" onclick={copy}>{ "Copy" }</button>
        </div>
    }
}
