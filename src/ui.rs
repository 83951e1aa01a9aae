//! The Yew view: thin components, one concern per file, all state in one reducer (`app.rs`).

mod app;
mod detail;
mod embedding;
mod figures;
mod filters;
mod legend;
mod list;
mod story;
mod table;

pub use app::{App, Store};

/// Where the dataset's long texts are (the HTML fragments of `texts.rs`): the table needs none of them,
/// so it renders at once; the events, the list and the story panels wait for [`Texts::Ready`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Texts {
    Loading,
    Ready,
    /// Could not be loaded (offline with nothing cached, a server error, a stale file).
    Failed,
}

/// A fragment of the texts file as markup (empty until the file is loaded). The build made it from the
/// data and escaped every text in it (`prerender.rs`), so it is parsed as it is.
pub fn fragment(piece: crate::texts::Piece) -> yew::Html {
    yew::Html::from_html_unchecked(yew::AttrValue::Static(piece.get()))
}

/// What a part of the view that needs the texts shows until they are there.
pub fn texts_pending(t: Texts) -> yew::Html {
    use yew::html;
    match t {
        Texts::Failed => html! {
            <p class="im-status" role="status">
                { "The events' texts could not be loaded. " }
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
