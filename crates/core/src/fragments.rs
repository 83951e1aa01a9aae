//! The dataset's long texts as the HTML the widget shows them in: each event as it reads in a cell's panel
//! and in the list's last column (one fragment for both), and the story panels. The build renders them
//! natively from the full dataset into one file beside the widget, named by a hash of its content; the wasm
//! holds none of it, so the first view does not wait for it. The widget loads the file on first use and hands
//! it to [`load`].
//!
//! The file is the fragments joined by [`SEP`], in [`Piece`] order, which both sides compute from the dataset's
//! skeleton: [`count`] of them. Until it is loaded every piece reads as empty.

use std::sync::OnceLock;

use crate::model::Dataset;
use crate::panel::Panel;

/// What separates the fragments in the file (a control character the validator keeps out of the data).
pub const SEP: char = '\u{1f}';

/// The story panels the file carries, in file order.
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
        match self {
            Piece::Event(i) => Some(i as usize),
            Piece::Panel(p) => PANELS.iter().position(|&q| q == p).map(|k| ds.events.len() + k),
        }
    }

    /// Every piece of `ds`, in file order.
    pub fn all(ds: &Dataset) -> impl Iterator<Item = Piece> {
        (0..ds.events.len() as u16).map(Piece::Event).chain(PANELS.map(Piece::Panel))
    }

    /// The fragment, or "" until the file is loaded.
    pub fn get(self, ds: &Dataset) -> &'static str {
        let (Some(file), Some(i)) = (LOADED.get(), self.index(ds)) else { return "" };
        file.pieces.get(i).copied().unwrap_or("")
    }
}

/// How many fragments the file of `ds` holds.
pub fn count(ds: &Dataset) -> usize {
    ds.events.len() + PANELS.len()
}

/// The file once loaded, split into its pieces.
struct Loaded {
    pieces: Vec<&'static str>,
}

static LOADED: OnceLock<Loaded> = OnceLock::new();

/// True once the fragments are available.
pub fn ready() -> bool {
    LOADED.get().is_some()
}

/// Takes the file. Returns false, keeping nothing, when it is not UTF-8 or does not hold the number of fragments
/// of `ds` (a stale copy from a cache, an error page): the view then keeps saying the texts are unavailable
/// rather than showing the wrong ones. Loading a second time keeps the first file.
pub fn load(ds: &Dataset, file: Vec<u8>) -> bool {
    let Ok(text) = String::from_utf8(file) else { return false };
    if text.split(SEP).count() != count(ds) {
        return false;
    }
    let text: &'static str = text.leak();
    ready() || LOADED.set(Loaded { pieces: text.split(SEP).collect() }).is_ok()
}
