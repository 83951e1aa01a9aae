//! The ice-matrix widget: the Yew view (`ui`) and the one module that touches browser APIs (`browser`). The
//! logic it shows lives in `ice-matrix-core`; the dataset it was built with is in `data`.
//!
//! The same components render the static first view at build time (natively, with the `ssr` feature, in
//! `ice-matrix-site`) and the live widget in the browser, which replaces that first view when it starts.

pub mod browser;
pub mod data;
pub mod ui;

/// Mounts the widget into the element with id `ice-matrix` (or the body when there is none), opening the view
/// the address asks for. The first view's wasm unmounts itself when the whole widget, which it loads on first
/// use (see [`ui::FULL`]), takes its place; the whole widget then gives focus back where the reader was.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use ice_matrix_core::{embed, embed::Options, state::ViewState};
    let root = browser::document().and_then(|d| d.get_element_by_id(ui::MOUNT_ID));
    #[cfg(feature = "full")]
    let (root, focused) = match root.map(browser::take_over) {
        Some((el, focused)) => (Some(el), focused),
        None => (None, None),
    };
    let hash = browser::hash();
    let (own, wp_secret) = embed::split_wp_secret(&hash);
    let attr = |name: &str| root.as_ref().and_then(|el| el.get_attribute(name)).unwrap_or_default();
    // What the first view's widget hands on, on the mount element (which the take-over copies): WordPress's secret,
    // which the address no longer has once the widget has written its view there, and what the link leaves out.
    let wp_secret = wp_secret.or_else(|| Some(attr("data-wp-secret")).filter(|s| !s.is_empty()));
    if let (Some(el), Some(secret)) = (&root, &wp_secret) {
        let _ = el.set_attribute("data-wp-secret", secret);
    }
    let (mut initial, mut query) = (ViewState::from_hash(own, &data::DATASET), ice_matrix_core::search::query_in(own));
    if ui::FULL {
        initial = initial.with_unlinked(&attr("data-unlinked"));
    }
    // A company's name or alias typed into the first view's widget opens its story here, as typing it here does.
    let jump = if ui::FULL { ui::find::jump(initial, &query) } else { None };
    #[cfg(feature = "full")]
    let jumped = jump.is_some();
    if let Some(next) = jump {
        (initial, query) = (next, String::new());
    }
    let props = ui::AppProps {
        mode: ui::Mode::Live,
        initial,
        options: Options { wp_secret, ..Options::from_query(&browser::query()) },
        query: query.into(),
        fragments: attr("data-fragments").into(),
        full: attr("data-full").into(),
    };
    #[cfg(feature = "full")]
    if let Some(id) = focused {
        // Where the reader was: a panel this widget opens from a cell's or a company's button, from a control
        // without an id ("Every event for …") or from a company's name typed in the search box takes focus, as it
        // would have in the other; any other control keeps it (the search box, the date, a tab).
        let panel = props.initial.open.is_some() || props.initial.company.is_some();
        let opener = id.is_empty() || id.starts_with("cell-") || id.starts_with("company-") || jumped;
        match (panel && opener, id.is_empty()) {
            (true, _) => browser::focus_after_render("im-detail-title".to_string()),
            (false, false) => browser::focus_after_render(id),
            (false, true) => {}
        }
    }
    match root {
        Some(el) => {
            let app = yew::Renderer::<ui::App>::with_root_and_props(el.clone(), props).render();
            if !ui::FULL {
                browser::on_take_over(&el, move || app.destroy());
            }
        }
        None => drop(yew::Renderer::<ui::App>::with_props(props).render()),
    }
}
