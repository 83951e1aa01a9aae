//! The one place that touches browser APIs beyond rendering: the URL hash and focus.
//! Every call degrades quietly: no window, no history or a failing call means nothing happens.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The current hash, "" when unavailable.
pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Replaces the hash without adding a history entry or firing `hashchange`.
pub fn set_hash(hash: &str) {
    let Some(w) = web_sys::window() else { return };
    if w.location().hash().ok().as_deref().unwrap_or("") == hash {
        return;
    }
    let loc = w.location();
    let base = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
    let url = if hash.is_empty() { base } else { format!("{base}{hash}") };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Calls `f` with the new hash whenever the reader navigates to one. Dropping the listener removes it.
pub fn on_hash_change(f: impl Fn(String) + 'static) -> Option<EventListener> {
    let w = web_sys::window()?;
    Some(EventListener::new(&w, "hashchange", move |_| f(hash())))
}

/// Moves focus to the element with this id, if it exists and can take focus.
pub fn focus(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Whether the focused element is inside an element matching `selector` (false when nothing is focused).
pub fn focus_is_inside(selector: &str) -> bool {
    document()
        .and_then(|d| d.active_element())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// Offers `text` as a file download, built in the page (no network). Fails quietly where downloads are
/// not allowed (a sandboxed frame without `allow-downloads`).
pub fn download(filename: &str, mime: &str, text: &str) {
    let Some(doc) = document() else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = doc.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
