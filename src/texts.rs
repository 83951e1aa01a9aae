//! The dataset's long texts (event summaries, sources, letters, context, methodology) live in one text
//! file beside the widget, not in the wasm, so the first view does not wait for them: the table needs
//! none. `build.rs` numbers them ([`Text`]) and writes the file; the widget loads it on first use (when
//! the pointer or focus first enters it, or a view needs the texts; see `ui/app.rs`), from the page when
//! it is inlined there (as in `offline.html`), else with one fetch, and hands it to [`load`]. Native code
//! (the build's pages and files, the tests) has them bundled.
//!
//! Until the texts are loaded every [`Text`] reads as empty, so a view that needs them shows a
//! loading line instead; [`Text::is_empty`] is known before, from the number alone.

use std::sync::OnceLock;

/// A long text of the dataset: its number in the text file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text(pub u32);

impl Text {
    /// An absent optional text.
    pub const NONE: Text = Text(u32::MAX);

    /// True for an absent text (known without the text file).
    pub fn is_empty(self) -> bool {
        self == Self::NONE
    }

    /// The text, or "" when it is absent or the texts are not loaded yet.
    pub fn get(self) -> &'static str {
        table().and_then(|t| t.get(self.0 as usize)).copied().unwrap_or("")
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.get())
    }
}

/// The texts this build refers to, joined by [`SEP`].
#[cfg(not(target_arch = "wasm32"))]
pub const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/texts.txt"));

/// What separates the texts in the file (a control character the data may not contain).
pub const SEP: char = '\u{1f}';

static TEXTS: OnceLock<Vec<&'static str>> = OnceLock::new();

fn table() -> Option<&'static [&'static str]> {
    #[cfg(not(target_arch = "wasm32"))]
    let _ = TEXTS.get_or_init(|| BUNDLED.split(SEP).collect());
    TEXTS.get().map(Vec::as_slice)
}

/// True once the texts are available.
pub fn ready() -> bool {
    table().is_some()
}

/// Takes the text file's contents. Returns false, keeping nothing, when the file does not hold this
/// build's number of texts (a stale copy from a cache, an error page): the view then keeps saying the
/// texts are unavailable rather than showing the wrong ones.
pub fn load(file: String) -> bool {
    if file.split(SEP).count() != crate::model::TEXT_COUNT {
        return false;
    }
    if ready() {
        return true;
    }
    let file: &'static str = Box::leak(file.into_boxed_str());
    TEXTS.set(file.split(SEP).collect()).is_ok()
}
