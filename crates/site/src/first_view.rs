//! The first view: the default view of the widget, rendered at build time by the widget's own components (Yew's
//! server-side rendering) in their static mode, so the markup readers see before the wasm runs, and without
//! JavaScript at all, is the widget's markup.

use ice_matrix_core::embed::Options;
use ice_matrix_core::state::ViewState;
use ice_matrix_widget::ui::{App, AppProps, Mode};
use yew::LocalServerRenderer;

/// The default view as static markup.
pub fn render() -> Result<String, String> {
    let props = AppProps {
        mode: Mode::Static,
        initial: ViewState::default(),
        options: Options::default(),
        fragments: "".into(),
        query: "".into(),
        full: "".into(),
    };
    let runtime =
        tokio::runtime::Builder::new_current_thread().build().map_err(|e| format!("cannot start a runtime: {e}"))?;
    let renderer = LocalServerRenderer::<App>::with_props(props).hydratable(false);
    Ok(tokio::task::LocalSet::new().block_on(&runtime, renderer.render()))
}
