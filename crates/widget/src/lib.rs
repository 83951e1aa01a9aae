//! The ice-matrix widget: the Yew view (`ui`) and the one module that touches browser APIs (`browser`). The
//! logic it shows lives in `ice-matrix-core`; the dataset it was built with is in `data`.
//!
//! The same components render the static first view at build time (natively, with the `ssr` feature, in
//! `ice-matrix-site`) and the live widget in the browser, which replaces that first view when it starts.

pub mod browser;
pub mod data;
pub mod ui;

/// Mounts the widget into the element with id `ice-matrix` (or the body when there is none), opening the view
/// the address asks for.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use ice_matrix_core::{embed, embed::Options, state::ViewState};
    let root = browser::document().and_then(|d| d.get_element_by_id(ui::MOUNT_ID));
    let hash = browser::hash();
    let (own, wp_secret) = embed::split_wp_secret(&hash);
    let props = ui::AppProps {
        mode: ui::Mode::Live,
        initial: ViewState::from_hash(own, &data::DATASET),
        options: Options { wp_secret, ..Options::from_query(&browser::query()) },
        query: ice_matrix_core::search::query_in(own).into(),
        fragments: root.as_ref().and_then(|el| el.get_attribute("data-fragments")).unwrap_or_default().into(),
    };
    match root {
        Some(el) => yew::Renderer::<ui::App>::with_root_and_props(el, props).render(),
        None => yew::Renderer::<ui::App>::with_props(props).render(),
    };
}
