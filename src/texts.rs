//! The dataset's long texts, as the HTML the widget shows them in: each event as it reads in a cell's
//! panel and in the list's last column (one fragment for both), and the story panels (context, the
//! movement, the methodology, the downloads). The build renders them natively from the full dataset
//! (`prerender::texts`) into one file beside the widget, `TEXTS_FILE`; the wasm holds none of it, so the first view does not wait for it.
//! The widget loads the file on first use (when the pointer or focus first enters it, or a view needs
//! it; see `ui/app.rs`), from the page when it is inlined there (as in `offline.html`), else with one
//! fetch read in slices, and hands it over as a [`Reading`].
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

    /// The fragment, or "" until the file is loaded (or if its bytes are not UTF-8: a piece is checked when the view
    /// asks for it, so that taking the file is one pass over it, made in the tasks it arrives in).
    pub fn get(self) -> &'static str {
        let ds = &crate::model::DATASET;
        let (Some(t), Some(i)) = (TEXTS.get(), self.index(ds)) else { return "" };
        let start = if i == 0 { Some(0) } else { t.ends.get(i - 1).map(|e| e + 1) };
        let bytes = start.zip(t.ends.get(i)).and_then(|(a, &b)| t.bytes.get(a..b));
        bytes.and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
    }
}

/// How many fragments the file of `ds` holds.
pub fn count(ds: &Dataset) -> usize {
    ds.events.len() + PANELS.len()
}

/// The file once taken: its bytes and where each piece ends.
struct Texts {
    bytes: &'static [u8],
    ends: Vec<usize>,
}

static TEXTS: OnceLock<Texts> = OnceLock::new();

/// True once the fragments are available.
pub fn ready() -> bool {
    TEXTS.get().is_some()
}

/// The file as it arrives, chunk by chunk: its bytes so far and where each piece ends. The separator is one byte,
/// so each chunk is searched for it alone, in the task it arrived in: at 100x the data the file is 34 MB, and
/// taking it in one task held the page for 45 to 75 ms.
#[derive(Default)]
pub struct Reading {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Reading {
    /// A file of `size` bytes, read in chunks: its memory is taken once (growing it as chunks come would copy
    /// what came before, megabytes at a time).
    pub fn new(size: usize) -> Reading {
        Reading { bytes: Vec::with_capacity(size), ends: Vec::new() }
    }

    /// A file that came whole (inline in the page, or in a test).
    pub fn whole(file: &[u8]) -> Reading {
        let mut r = Reading::default();
        r.push(file);
        r
    }

    pub fn push(&mut self, chunk: &[u8]) {
        let base = self.bytes.len();
        self.ends.extend(chunk.iter().enumerate().filter(|&(_, &b)| b == SEP as u8).map(|(i, _)| base + i));
        self.bytes.extend_from_slice(chunk);
    }

    /// Takes the file. Returns false, keeping nothing, when it does not hold this build's number of fragments (a
    /// stale copy from a cache, an error page): the view then keeps saying the texts are unavailable rather than
    /// showing the wrong ones.
    pub fn finish(mut self) -> bool {
        self.ends.push(self.bytes.len());
        if self.ends.len() != count(&crate::model::DATASET) {
            return false;
        }
        ready() || TEXTS.set(Texts { bytes: self.bytes.leak(), ends: self.ends }).is_ok()
    }
}

/// Takes the whole file at once ([`Reading`]).
pub fn load(file: &[u8]) -> bool {
    Reading::whole(file).finish()
}
