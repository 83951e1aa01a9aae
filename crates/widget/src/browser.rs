//! The one place that touches browser APIs beyond rendering: the URL hash and query, focus, the clipboard,
//! the document's theme classes, loading the fragments file, measuring rows, and the messages that size the
//! widget's frame. Every call degrades quietly: no window, no history or a failing call means nothing happens.
//! Nothing here runs at build time, when the site tool renders the first view natively: the components call
//! it only from effects and event handlers.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

use wasm_bindgen_futures::JsFuture;

pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The current hash, "" when unavailable.
pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

thread_local! {
    /// The hash a [`set_hash_soon`] will write, unless a later write comes first.
    static PENDING_HASH: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Replaces the hash in a task of its own, after the one that answers the reader's input: updating the
/// address costs 1 to 3 ms that the reader should not wait for. Only the latest hash asked for is written: a
/// write scheduled for an older view never lands after a newer one (the whole widget reads the view from it).
pub fn set_hash_soon(hash: String) {
    let Some(w) = web_sys::window() else { return };
    if PENDING_HASH.with(|p| p.replace(Some(hash))).is_some() {
        return;
    }
    let write = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(hash) = PENDING_HASH.with(|p| p.take()) {
            write_hash(&hash);
        }
    });
    let _ = w.set_timeout_with_callback(write.unchecked_ref());
}

/// Replaces the hash at once, without adding a history entry or firing `hashchange`; a write still pending from
/// [`set_hash_soon`] is dropped.
pub fn set_hash(hash: &str) {
    PENDING_HASH.with(|p| p.take());
    write_hash(hash);
}

fn write_hash(hash: &str) {
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

/// Gets the fragments file (see the core's `fragments.rs`): from `<template id="im-fragments">` when the page
/// carries it inline (`offline.html`), else by fetching `url`, relative to the page. Calls `done` once, with the
/// file's bytes, or with None when it cannot be had (offline with no cached copy, an HTTP error).
pub fn load_fragments(url: &str, done: impl FnOnce(Option<Vec<u8>>) + 'static) {
    let inline = document()
        .and_then(|d| d.get_element_by_id("im-fragments"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTemplateElement>().ok());
    if let Some(t) = inline {
        return done(t.content().text_content().map(String::into_bytes));
    }
    let Some(w) = web_sys::window() else { return done(None) };
    let request = w.fetch_with_str(url);
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = async {
            let response: web_sys::Response = JsFuture::from(request).await.ok()?.dyn_into().ok()?;
            if !response.ok() {
                return None;
            }
            let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
            Some(js_sys::Uint8Array::new(&buffer).to_vec())
        };
        done(bytes.await);
    });
}

/// Moves focus to the element with this id, if it exists and can take focus.
pub fn focus(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Moves focus to the element with this id now, or, while it is not there yet (a row the table draws in a later
/// task), on the next tries, every 30 ms for up to a second.
pub fn focus_soon(id: &'static str) {
    fn attempt(id: &'static str, left: u32) {
        if document().and_then(|d| d.get_element_by_id(id)).is_some() {
            focus(id);
        } else if left > 0 {
            gloo::timers::callback::Timeout::new(30, move || attempt(id, left - 1)).forget();
        }
    }
    attempt(id, 33);
}

/// Whether the focused element is inside an element matching `selector` (false when nothing is focused).
pub fn focus_is_inside(selector: &str) -> bool {
    document().and_then(|d| d.active_element()).and_then(|el| el.closest(selector).ok().flatten()).is_some()
}

/// The query string, "" when unavailable.
pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page address without query and hash: what an embed code points at.
pub fn base_url() -> String {
    let Some(w) = web_sys::window() else { return String::new() };
    let href = w.location().href().unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or("").to_string()
}

/// The page address as it is, for the embed.ly message's `src`.
pub fn href() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Adds or removes a class on `<html>` (theme, transparent background).
pub fn set_root_class(name: &str, on: bool) {
    if let Some(el) = document().and_then(|d| d.document_element()) {
        let list = el.class_list();
        let _ = if on { list.add_1(name) } else { list.remove_1(name) };
    }
}

/// Copies text to the clipboard where the page may (fails quietly in frames that forbid it).
pub fn copy(text: &str) {
    if let Some(clipboard) = clipboard() {
        let _ = clipboard.write_text(text);
    }
}

/// The clipboard, where the page has one (not on `file:` pages in some engines, nor in insecure contexts).
fn clipboard() -> Option<web_sys::Clipboard> {
    let nav = web_sys::window()?.navigator();
    js_sys::Reflect::get(&nav, &"clipboard".into()).ok()?.dyn_into().ok()
}

/// What came of [`share`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The system share sheet opened (and the reader shared, or closed it).
    Sheet,
    /// The link is on the clipboard.
    Copied,
    /// Neither is allowed here: show the link for the reader to select.
    Neither,
}

/// Shares a link: the system share sheet where there is one and the frame may use it (`allow="web-share"`),
/// else the clipboard (`allow="clipboard-write"`), else nothing, and the caller shows the link.
pub async fn share(title: &str, url: &str) -> Shared {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Shared::Neither };
    // Desktop Firefox and Chromium on Linux have no navigator.share: calling it would throw.
    if js_sys::Reflect::has(&nav, &"share".into()).unwrap_or(false) {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        match JsFuture::from(nav.share_with_data(&data)).await {
            Ok(_) => return Shared::Sheet,
            // The reader closed the sheet: they saw it, nothing more to do.
            Err(e) if error_name(&e) == "AbortError" => return Shared::Sheet,
            // NotAllowedError in a frame without web-share, or no sheet on this system: copy instead.
            Err(_) => {}
        }
    }
    match clipboard() {
        Some(c) if JsFuture::from(c.write_text(url)).await.is_ok() => Shared::Copied,
        _ => Shared::Neither,
    }
}

fn error_name(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default()
}

/// True when the page's origin is opaque (a frame sandboxed without `allow-same-origin`, as WordPress makes
/// them): links that open new tabs are blocked there.
pub fn opaque_origin() -> bool {
    // `self.origin`, not `location.origin`: the address keeps its host, the document's origin is "null".
    let origin = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"origin".into()).ok());
    origin.and_then(|o| o.as_string()).is_none_or(|o| o == "null")
}

/// Calls `f` instead of following a click on a link that opens a new tab (blocked in a sandbox without popups).
pub fn on_blocked_link_click(f: impl Fn() + 'static) -> Option<EventListener> {
    let doc = document()?;
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(&doc, "click", options, move |e| {
        let link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[target=_blank]").ok().flatten());
        if link.is_some() {
            e.prevent_default();
            f();
        }
    }))
}

/// True when the widget runs inside a frame.
pub fn in_frame() -> bool {
    let Some(w) = web_sys::window() else { return false };
    match w.parent() {
        Ok(Some(p)) => !js_sys::Object::is(&p, &w),
        _ => false,
    }
}

/// How many rows of the table body with this id are on screen or above it: the rows a change must draw in the
/// render that answers the reader's input so that they see no stale row (the core's `reveal.rs`). Hidden rows are
/// not counted. With `upto`, only the first that many rows are measured, and when they end above the screen's
/// bottom, the rows that would fit below them, as short as the shortest, are counted too. `None` in a frame (its
/// viewport is the whole embed, not the reader's screen), with no row drawn, or when there is no such body.
/// Reads layout.
pub fn rows_on_screen(id: &str, upto: Option<usize>) -> Option<usize> {
    if in_frame() {
        return None;
    }
    let doc = web_sys::window()?.document()?;
    let bottom = f64::from(doc.document_element()?.client_height());
    let (mut count, mut end, mut height) = (0, 0.0, f64::MAX);
    let mut row = doc.get_element_by_id(id)?.first_element_child();
    while let Some(r) = row.filter(|_| upto.is_none_or(|n| count < n)) {
        let rect = r.get_bounding_client_rect();
        if rect.height() > 0.0 {
            if rect.top() >= bottom {
                return Some(count);
            }
            (count, end, height) = (count + 1, rect.bottom(), height.min(rect.height()));
        }
        row = r.next_element_sibling();
    }
    if count == 0 {
        return None;
    }
    // Every row measured is on screen: as many of the rows below them as fit may be too.
    Some(count + ((bottom - end).max(0.0) / height).ceil() as usize)
}

/// Posts resize messages to the parent window, each in the shape its dialect expects.
pub fn post_to_parent(messages: &[ice_matrix_core::embed::Message]) {
    use ice_matrix_core::embed::Message;
    use js_sys::{Object, Reflect};
    use wasm_bindgen::JsValue;
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    for m in messages {
        let data: JsValue = match m {
            Message::Text(s) => JsValue::from_str(s),
            Message::AmpEmbedSize(h) => {
                let o = Object::new();
                let _ = Reflect::set(&o, &"sentinel".into(), &"amp".into());
                let _ = Reflect::set(&o, &"type".into(), &"embed-size".into());
                let _ = Reflect::set(&o, &"height".into(), &JsValue::from(*h));
                o.into()
            }
            Message::DatawrapperHeight(id, h) => {
                let inner = Object::new();
                let _ = Reflect::set(&inner, &JsValue::from_str(id), &JsValue::from(*h));
                let o = Object::new();
                let _ = Reflect::set(&o, &"datawrapper-height".into(), &inner);
                o.into()
            }
            Message::WordPress { secret, message, value } => {
                let o = Object::new();
                let _ = Reflect::set(&o, &"secret".into(), &JsValue::from_str(secret));
                let _ = Reflect::set(&o, &"message".into(), &JsValue::from_str(message));
                let _ = Reflect::set(&o, &"value".into(), &JsValue::from_str(value));
                o.into()
            }
            Message::Host { kind, fields } => {
                let o = Object::new();
                let _ = Reflect::set(
                    &o,
                    &"type".into(),
                    &JsValue::from_str(&format!("{}{kind}", ice_matrix_core::embed::HOST_TYPE)),
                );
                for (name, value) in fields {
                    let v = value.as_deref().map_or(JsValue::NULL, JsValue::from_str);
                    let _ = Reflect::set(&o, &JsValue::from_str(name), &v);
                }
                o.into()
            }
        };
        let _ = parent.post_message(&data, "*");
    }
}

/// Watches an element's rendered height and calls `f` with it (rounded up to whole pixels) whenever it
/// changes. Dropping the returned handle stops watching.
pub struct HeightWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for HeightWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn watch_height(el: &web_sys::Element, f: impl Fn(u32) + 'static) -> Option<HeightWatch> {
    use std::cell::Cell;
    let last = Cell::new(0u32);
    let target = el.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let h = height_of(&target);
        if h != last.get() {
            last.set(h);
            f(h);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(HeightWatch { observer, _callback: callback })
}

/// A message posted to this window: a string (pym's `width`, `embed.js`'s height request), or an object whose
/// string fields can be read (wp-embed.js's `ready`).
pub struct Incoming {
    data: wasm_bindgen::JsValue,
    /// Sent by the window this frame is in (not by a sibling frame, a child or an opener).
    pub from_parent: bool,
}

impl Incoming {
    /// The message, when it is a string.
    pub fn text(&self) -> Option<String> {
        self.data.as_string()
    }

    /// A string field of an object message.
    pub fn field(&self, name: &str) -> Option<String> {
        if !self.data.is_object() {
            return None;
        }
        js_sys::Reflect::get(&self.data, &name.into()).ok().and_then(|v| v.as_string())
    }
}

/// Calls `f` with every message posted to this window.
pub fn on_message(f: impl Fn(Incoming) + 'static) -> Option<EventListener> {
    let w = web_sys::window()?;
    Some(EventListener::new(&w, "message", move |e| {
        if let Some(m) = e.dyn_ref::<web_sys::MessageEvent>() {
            let source = js_sys::Reflect::get(m, &"source".into()).unwrap_or(wasm_bindgen::JsValue::NULL);
            let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
            let from_parent = in_frame() && parent.is_some_and(|p| js_sys::Object::is(&source, &p));
            f(Incoming { data: m.data(), from_parent });
        }
    }))
}

/// Whether the reader's browser asks sites to save data (`navigator.connection.saveData`, Chromium's data saver).
pub fn saves_data() -> bool {
    let Some(w) = web_sys::window() else { return false };
    js_sys::Reflect::get(&w.navigator(), &"connection".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// The element's height now, in whole pixels (a layout, even where the frame is not rendered).
pub fn height_of(el: &web_sys::Element) -> u32 {
    el.get_bounding_client_rect().height().ceil().max(0.0) as u32
}

/// The event the whole widget sends the first view's widget on the mount element, just before it takes its
/// place.
const TAKE_OVER: &str = "ice-matrix:take-over";

/// Loads the whole widget (once): `url` is the module the build names in the mount element's `data-full`. When it
/// runs it takes this widget's place ([`take_over`]), opening the view in the address. Offline with nothing
/// cached, it does not load: `failed` runs, and this widget stays as it is.
pub fn load_full(url: &str, failed: impl FnOnce() + 'static) {
    thread_local! { static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
    if url.is_empty() || STARTED.with(|s| s.replace(true)) {
        return;
    }
    let Some(d) = document() else { return };
    let (Ok(script), Some(body)) = (d.create_element("script"), d.body()) else { return };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", url);
    // Offline with nothing cached, or a server error: say so, and try again on the reader's next request.
    EventListener::once(&script, "error", move |_| {
        STARTED.with(|s| s.set(false));
        failed();
    })
    .forget();
    let _ = body.append_child(&script);
}

/// An attribute of the element with this id, if there is one.
pub fn attribute_of(id: &str, name: &str) -> Option<String> {
    document().and_then(|d| d.get_element_by_id(id)).and_then(|el| el.get_attribute(name))
}

/// Sets an attribute of the element with this id, if there is one.
pub fn set_attribute_of(id: &str, name: &str, value: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        let _ = el.set_attribute(name, value);
    }
}

/// In the first view's widget: runs `unmount` when the whole widget is about to take its place in `root`.
pub fn on_take_over(root: &web_sys::Element, unmount: impl FnOnce() + 'static) {
    EventListener::once(root, TAKE_OVER, move |_| unmount()).forget();
}

/// In the whole widget: asks the first view's widget in `old` (if any) to unmount, and puts a fresh mount element,
/// with the same id and attributes, in its place (the first one keeps the other widget's listeners). Returns the
/// fresh element, and the id of the element inside `old` that had focus ("" for one without an id).
pub fn take_over(old: web_sys::Element) -> (web_sys::Element, Option<String>) {
    let focused = document().and_then(|d| d.active_element()).filter(|e| old.contains(Some(e))).map(|e| e.id());
    if let Ok(e) = web_sys::Event::new(TAKE_OVER) {
        let _ = old.dispatch_event(&e);
    }
    match old.clone_node().ok().and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
        Some(fresh) if old.replace_with_with_node_1(&fresh).is_ok() => (fresh, focused),
        _ => (old, focused),
    }
}

/// Moves focus to the element with this id once the current task is done (after a first render); in a text box,
/// with the caret at the end, to type on.
pub fn focus_after_render(id: String) {
    gloo::timers::callback::Timeout::new(0, move || {
        focus(&id);
        let input = document()
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            let end = input.value().encode_utf16().count() as u32;
            let _ = input.set_selection_range(end, end);
        }
    })
    .forget();
}
