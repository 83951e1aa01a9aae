//! The dataset's long texts, as the HTML the widget shows them in: each event as it reads in a cell's
//! panel and in the list's last column (one fragment for both), and the story panels (context, the movement, the methodology, the
//! downloads). The build renders them natively from the full dataset (`prerender::texts`) into one file
//! beside the widget, `TEXTS_FILE`; the wasm holds none of it, so the first view does not wait for it.
//! The widget loads the file on first use (when the pointer or focus first enters it, or a view needs
//! it; see `ui/app.rs`), from the page when it is inlined there (as in `offline.html`), else with one
//! fetch, and hands it to [`load`].
//!
//! The file is the fragments joined by [`SEP`], in [`Piece`] order, which both sides compute from the
//! dataset's skeleton: [`count`] of them. Until it is loaded every piece reads as empty.

use std::sync::OnceLock;

use crate::model::Dataset;
use crate::state::Panel;

/// What separates the fragments in the file (a control character the data may not contain).
pub const SEP: char = '\u{1f}';

/// The story panels the file carries, in file order (the embed panel is made in the widget).
pub const PANELS: [Panel; 4] = [Panel::Context, Panel::Movement, Panel::Method, Panel::Data];

/// One fragment of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Event `i` (an index into the dataset's events) as an `<article>`, for a cell's panel and the list's
    /// last column (which hides the date and outcome it shows in columns of its own).
    Event(u16),
    /// A story panel's content, heading included.
    Panel(Panel),
}

impl Piece {
    /// The piece's number in the file; None for a panel the file does not carry.
    pub fn index(self, ds: &Dataset) -> Option<usize> {
        let events = ds.events.len();
        match self {
            Piece::Event(i) => Some(i as usize),
            Piece::Panel(p) => PANELS.iter().position(|&q| q == p).map(|k| events + k),
        }
    }

    /// The fragment, or "" until the file is loaded.
    pub fn get(self) -> &'static str {
        let ds = &crate::model::DATASET;
        self.index(ds).and_then(|i| table().and_then(|t| t.get(i))).copied().unwrap_or("")
    }
}

/// How many fragments the file of `ds` holds.
pub fn count(ds: &Dataset) -> usize {
    ds.events.len() + PANELS.len()
}

static TEXTS: OnceLock<Vec<&'static str>> = OnceLock::new();

fn table() -> Option<&'static [&'static str]> {
    TEXTS.get().map(Vec::as_slice)
}

/// True once the fragments are available.
pub fn ready() -> bool {
    table().is_some()
}

/// Takes the file's contents. Returns false, keeping nothing, when the file does not hold this build's
/// number of fragments (a stale copy from a cache, an error page): the view then keeps saying the texts
/// are unavailable rather than showing the wrong ones.
pub fn load(file: String) -> bool {
    // One pass over the file (450 KB for the real data): where each piece ends. Kept only if they count right.
    let ends: Vec<usize> = file.match_indices(SEP).map(|(i, _)| i).chain([file.len()]).collect();
    if ends.len() != count(&crate::model::DATASET) {
        return false;
    }
    if ready() {
        return true;
    }
    let file: &'static str = Box::leak(file.into_boxed_str());
    let mut start = 0;
    let pieces = ends
        .into_iter()
        .map(|end| {
            // `get`, not indexing: the ends are char boundaries, and indexing would link the slice panic's
            // formatting code into the wasm (2 KiB).
            let piece = file.get(start..end).unwrap_or_default();
            start = end + SEP.len_utf8();
            piece
        })
        .collect();
    TEXTS.set(pieces).is_ok()
}
