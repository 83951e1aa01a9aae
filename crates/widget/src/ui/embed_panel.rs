//! "Embed this": the code an editor pastes into an article for the view on screen, with the loader
//! line and the Content-Security-Policy line the host page needs, each with a copy button.

use ice_matrix_core::embed::{self, Options, Theme};
use ice_matrix_core::model::Date;
use ice_matrix_core::state::ViewState;
use ice_matrix_core::words;
use yew::prelude::*;

use super::common::code_block;
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
    let freeze = use_state(|| props.state.asof);
    let pin = use_state(|| false);
    let options =
        Options { theme: *theme, transparent: *transparent, hide_header: *hide_header, ..props.options.clone() };
    // The embedded view opens on the same cell and filters, without this panel.
    let view = ViewState { panel: None, asof: *freeze, ..props.state };
    let (base, hash) = (embed::versioned(&browser::base_url(), DATASET.version, *pin), view.to_hash(&DATASET));
    let code = embed::snippet(&base, &hash, &options, DATASET.title, FRAME_HEIGHTS);
    // Starting at a phone's height of the default view; AMP resizes it when the reader taps "Show all".
    let amp = embed::amp(&base, &hash, &options, DATASET.title, embed::height_at(FRAME_HEIGHTS, 390).max(480));

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
    let onfreeze = {
        let freeze = freeze.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            freeze.set(Date::parse_iso(v.trim()));
        })
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
            <p class="im-asof-pick">
                <label>{ "Freeze at the article's date " }
                    <input type="month" id="embed-asof" placeholder="YYYY-MM" pattern="[0-9]{4}-[0-9]{2}"
                        value={freeze.map(words::month_value).unwrap_or_default()} onchange={onfreeze} />
                </label>
                <span class="im-note">{ if freeze.is_some() {
                    " Frozen: the frame shows the matrix as it stood then, so it keeps agreeing with the article."
                } else {
                    " Empty: always current, updated with the data."
                } }</span>
            </p>
            <p class="im-asof-pick">
                <label class="im-check"><input type="checkbox" id="embed-pin" checked={*pin} onchange={toggle(&pin)} />
                    { format!(" Pin data version {}", DATASET.version) }</label>
                <span class="im-note">{ if *pin {
                    " Pinned: the frame loads this version's copy of the widget (v/ beside it), which later data never changes, as long as the host keeps it."
                } else {
                    " Always current: the frame shows the newest data, with its corrections."
                } }</span>
            </p>
            { code_block("embed-frame", "1. The frame", &code.iframe) }
            { code_block("embed-loader", "2. Once per page, for hosts without a resize listener (pym.js, AMP and Datawrapper listeners work as they are)", &code.loader) }
            { code_block("embed-csp", "3. If the article sends a Content-Security-Policy, add", &code.csp) }
            { code_block("embed-amp", "AMP, for the view on screen (the widget must be on https, on another origin than the AMP page)", &amp) }
            <h3 class="im-panel-sub">{ "Where frames do not go" }</h3>
            <p class="im-lede">
                { "For the default view, made with the build: " }
                <a href="embed/amp.html">{ "AMP" }</a>{ " (the frame with the matrix as its placeholder; the widget must be on https, on another origin than the AMP page), " }
                <a href="embed/newsletter.html">{ "newsletters and feeds" }</a>{ " (the matrix as an image with its alt text, linked to the widget). Apple News: " }<a href="apple-news.json">{ "the matrix as an Apple News Format table and figure" }</a>
                { ". WordPress: paste the widget's address on a line of its own (oEmbed). Images: " }
                <a href="img/matrix-light.png">{ "light" }</a>{ ", " }<a href="img/matrix-dark.png">{ "dark" }</a>{ ", " }
                <a href="img/matrix-phone.png">{ "phone" }</a>{ ", " }<a href="img/card.png">{ "share card" }</a>{ "." }
            </p>
        </>
    }
}
