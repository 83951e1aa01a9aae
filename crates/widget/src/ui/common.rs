//! What the components share: the rendering mode, the fragments' state and markup, and shared props.

use yew::{AttrValue, Html, html};

use crate::data::DATASET;
use ice_matrix_core::fragments::Piece;

/// The id of the element the widget mounts in.
pub const MOUNT_ID: &str = "ice-matrix";

/// Whether this is the whole widget. The first view's wasm (built without the `full` feature) leaves out what
/// few readers open, to load quickly: it draws the matrix, its filters, a cell's events and the story panels,
/// and for a company's story, the matrix as of a date, a search, the list of events, the data panel and the
/// embed panel (`ViewState::needs_whole_widget`) it loads the whole widget, which takes its place. A constant,
/// so the parts left out compile out of that wasm. At build time (natively) everything is there.
pub const FULL: bool = cfg!(any(feature = "full", not(target_arch = "wasm32")));

/// Which page the components render for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The widget in the browser.
    Live,
    /// The static first view, rendered at build time.
    Static,
}

impl Mode {
    /// Whether this renders the live widget. The wasm renders nothing else, so there this is a constant and the
    /// static branches compile out of it.
    pub fn is_live(self) -> bool {
        cfg!(target_arch = "wasm32") || self == Mode::Live
    }
}

/// Where the dataset's long texts are (the fragments file, see the core's `fragments.rs`): the table needs
/// none of them, so it renders at once; the events, the list and the story panels wait for `Ready`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FragmentsState {
    Loading,
    Ready,
    /// Could not be loaded (offline with nothing cached, a server error, a stale file).
    Failed,
}

impl FragmentsState {
    /// Ready when the file is already loaded (a widget mounted again, the tests), else loading.
    pub fn initial() -> FragmentsState {
        if ice_matrix_core::fragments::ready() { FragmentsState::Ready } else { FragmentsState::Loading }
    }
}

/// A fragment as markup (empty until the file is loaded). The build made it from the data and escaped every
/// text in it, so it is parsed as it is.
pub fn fragment(piece: Piece) -> Html {
    Html::from_html_unchecked(AttrValue::Static(piece.get(&DATASET)))
}

/// What the first view's widget shows in place of a part it leaves out, until the whole widget takes its place
/// (or, `failed`, when it could not be loaded).
pub fn loading(failed: bool) -> Html {
    if failed {
        pending(FragmentsState::Failed)
    } else {
        html! { <p class="im-status" role="status">{ "Loading…" }</p> }
    }
}

/// What a part of the view that needs the fragments shows until they are there.
pub fn pending(state: FragmentsState) -> Html {
    match state {
        FragmentsState::Failed => html! {
            <p class="im-status" role="status">
                { "This part could not be loaded (offline?). " }
                <a href="sources.html" target="_blank" rel="noopener">{ "Every event and its sources" }</a>
                { " is a plain page." }
            </p>
        },
        _ => html! { <p class="im-status" role="status">{ "Loading the events and their sources…" }</p> },
    }
}

/// A shared, computed value passed as a prop. Equal when it is the same allocation: the grid and the view
/// are recomputed only when their inputs change, so comparing pointers is exact, and comparing contents
/// (what `Rc`'s own `PartialEq` does) would walk every cell on every render of every row.
pub struct Shared<T>(pub std::rc::Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A text to copy (embed code, a citation): its label, the text read-only, and a Copy button.
pub fn code_block(id: &str, label: &str, text: &str) -> Html {
    let copy = {
        let text = text.to_string();
        yew::Callback::from(move |_: web_sys::MouseEvent| crate::browser::copy(&text))
    };
    html! {
        <div class="im-code">
            <label for={id.to_string()}>{ label.to_string() }</label>
            <textarea id={id.to_string()} readonly=true rows="3" spellcheck="false" value={text.to_string()} />
            <button type="button" class="im-button" onclick={copy}>{ "Copy" }</button>
        </div>
    }
}
