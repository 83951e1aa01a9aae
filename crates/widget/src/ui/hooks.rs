//! The hooks that connect the view to the browser, so that components read as state and layout. None of them
//! does anything at build time: effects do not run when the site tool renders the first view.

use std::cell::Cell;
use std::rc::Rc;

use ice_matrix_core::embed::{self, Options, Theme};
use ice_matrix_core::fragments;
use ice_matrix_core::reveal::{Drawn, Reveal};
use ice_matrix_core::search;
use ice_matrix_core::state::{Action, ViewState};
use yew::prelude::*;

use super::common::{FULL, FragmentsState};
use super::store::Store;
use crate::browser;
use crate::data::DATASET;

/// How long after the live widget starts the fragments are fetched without being asked for: the first view's
/// own downloads are done by then, and a reader's first tap, seconds later, finds the texts there.
const PREFETCH_MS: u32 = 1000;

/// The fragments file's state, and a callback that starts loading it (once; later calls do nothing). It also
/// starts by itself when `needed` (a cell, the list or a story panel is open, also from a link), and
/// [`PREFETCH_MS`] after the widget starts unless the reader's browser asks to save data.
#[hook]
pub fn use_fragments(url: AttrValue, needed: bool) -> (FragmentsState, Callback<()>) {
    let state = use_state(FragmentsState::initial);
    // Made once, so the root's listeners are not replaced on every render.
    let fetch = use_memo((), {
        let setter = state.setter();
        move |_| {
            let started = Cell::new(fragments::ready());
            Callback::from(move |_: ()| {
                if !started.replace(true) {
                    let setter = setter.clone();
                    browser::load_fragments(&url, move |file| {
                        let ok = file.is_some_and(|f| fragments::load(&DATASET, f));
                        setter.set(if ok { FragmentsState::Ready } else { FragmentsState::Failed });
                    });
                }
            })
        }
    });
    use_effect_with(needed, {
        let fetch = (*fetch).clone();
        move |&needed| {
            if needed {
                fetch.emit(());
            }
        }
    });
    use_effect_with((), {
        let fetch = (*fetch).clone();
        move |_| {
            let soon = (!browser::saves_data())
                .then(|| gloo::timers::callback::Timeout::new(PREFETCH_MS, move || fetch.emit(())));
            move || drop(soon)
        }
    });
    (*state, (*fetch).clone())
}

/// The theme and background the host asked for, as classes on `<html>`.
#[hook]
pub fn use_root_classes(options: &Options) {
    let sandboxed = FULL && sandboxed_wordpress(options);
    use_effect_with((options.theme, options.transparent, sandboxed), |&(theme, transparent, sandboxed)| {
        browser::set_root_class("theme-light", theme == Theme::Light);
        browser::set_root_class("theme-dark", theme == Theme::Dark);
        browser::set_root_class("transparent", transparent);
        browser::set_root_class("sandboxed", sandboxed);
    });
}

/// In WordPress's frame (`sandbox="allow-scripts"`, no popups) a source link cannot open: a click on one asks
/// WordPress instead to open the open cell's section of `sources.html` (WordPress opens only the frame's own
/// host, in the top window), where every link works; the address is also shown as text to copy.
#[cfg(any(feature = "full", not(target_arch = "wasm32")))]
#[hook]
pub fn use_wp_links(options: &Options) {
    let secret = options.wp_secret.clone().filter(|_| browser::opaque_origin());
    use_effect_with(secret, |secret| {
        let listener = secret.clone().and_then(|secret| {
            browser::on_blocked_link_click(move || {
                let view = ViewState::from_hash(&browser::hash(), &DATASET);
                let anchor = view.open.map(|at| format!("#{}", at.anchor(&DATASET))).unwrap_or_default();
                let base = browser::base_url();
                let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
                browser::post_to_parent(&[embed::wp_link(&secret, &format!("{dir}sources.html{anchor}"))]);
            })
        });
        move || drop(listener)
    });
}

/// Only the whole widget has it ([`FULL`]): in WordPress's frame the first view's widget loads the whole one at
/// once.
#[cfg(not(any(feature = "full", not(target_arch = "wasm32"))))]
#[hook]
pub fn use_wp_links(_options: &Options) {}

/// In a frame, announces the content height of `root` in every dialect hosts listen for: at once when the widget
/// starts, on each change, and again when the host asks (`embed.js`'s request, a pym parent's `width` message,
/// wp-embed.js's `ready`). The first announcement is measured, not observed: a host that hides the frame until
/// it speaks (WordPress) gets no resize observations from a hidden frame in Chromium.
#[hook]
pub fn use_frame_height(root: NodeRef, options: &Options) {
    let options = options.clone();
    use_effect_with((), move |_| {
        let handles = root.cast::<web_sys::Element>().filter(|_| browser::in_frame()).map(|el| {
            let src = Rc::new(embed::message_src(&browser::href()).to_string());
            let last = Rc::new(Cell::new(browser::height_of(&el)));
            let post = {
                let (o, src) = (options.clone(), src.clone());
                move |h: u32| browser::post_to_parent(&embed::resize_messages(h, &src, &o))
            };
            post(last.get());
            let (seen, post_change) = (last.clone(), post.clone());
            let watch = browser::watch_height(&el, move |h| {
                if h != seen.get() {
                    seen.set(h);
                    post_change(h);
                }
            });
            let listener = browser::on_message(move |m| {
                let asked = match m.text() {
                    Some(text) => embed::asks_height(&text, &options),
                    None => {
                        let field = |name| m.field(name).unwrap_or_default();
                        embed::is_wp_ready(&field("message"), &field("secret"), &options)
                    }
                };
                if asked && last.get() > 0 {
                    post(last.get());
                }
            });
            (watch, listener)
        });
        move || drop(handles)
    });
}

/// Keeps the address's hash in step with the view, and the view with a hash the reader navigates to. In the first
/// view's widget (not [`FULL`]), a view that needs the whole widget, or WordPress's sandboxed frame, loads it from
/// `full`, which then takes its place; `failed` is set when it cannot be loaded.
#[hook]
pub fn use_hash_sync(
    store: &UseReducerHandle<Store>,
    query: &UseStateHandle<AttrValue>,
    options: &Options,
    full: &AttrValue,
    failed: UseStateSetter<bool>,
) {
    let full = full.clone();
    // In WordPress's frame (its secret in the hash; WordPress sandboxes every provider it does not know) the
    // whole widget's link handling is needed at once.
    let needs_whole = !FULL && (store.0.needs_whole_widget(query) || options.wp_secret.is_some());
    use_effect_with((store.0, (**query).clone(), needs_whole), move |(s, q, needs_whole)| {
        if *needs_whole {
            // The first view's widget leaves this view out: the address has it at once, for the whole widget that
            // opens it in its place.
            browser::set_hash(&link_hash(s, q));
            browser::set_attribute_of(super::common::MOUNT_ID, "data-unlinked", &s.unlinked());
            let failed = failed.clone();
            browser::load_full(&full, move || failed.set(true));
        } else {
            browser::set_hash_soon(link_hash(s, q));
        }
    });
    let dispatch = store.dispatcher();
    let setter = query.setter();
    use_effect_with((), move |_| {
        let listener = browser::on_hash_change(move |h| {
            dispatch.dispatch(Action::Restore(ViewState::from_hash(&h, &DATASET)));
            setter.set(search::query_in(&h).into());
        });
        move || drop(listener)
    });
}

/// The host page's own script: in a frame, says `ice-matrix:ready` once the live widget runs (and again when
/// `embed.js`, arriving late, asks each frame), `ice-matrix:view` on every change of view, and obeys
/// `ice-matrix:set-view` from the frame's parent window only, opening the view as a link would (focus stays
/// where it is: the host's). What it has said lives on the mount element, so the whole widget, taking the first
/// one's place, does not say it again.
#[hook]
pub fn use_host_api(store: &UseReducerHandle<Store>, query: &UseStateHandle<AttrValue>) {
    let hash = link_hash(&store.0, query);
    let now = use_mut_ref(|| (store.0, hash.clone()));
    *now.borrow_mut() = (store.0, hash.clone());
    let state = store.0;
    use_effect_with(hash, move |hash| {
        if browser::in_frame() {
            if browser::attribute_of(super::common::MOUNT_ID, "data-host-ready").is_none() {
                browser::set_attribute_of(super::common::MOUNT_ID, "data-host-ready", "");
                browser::post_to_parent(&[embed::ready_message(&DATASET, &state, hash)]);
            }
            if browser::attribute_of(super::common::MOUNT_ID, "data-host-view").as_deref() != Some(hash.as_str()) {
                browser::set_attribute_of(super::common::MOUNT_ID, "data-host-view", hash);
                browser::post_to_parent(&[embed::view_message(&DATASET, &state, hash)]);
            }
        }
    });
    let dispatch = store.dispatcher();
    let setter = query.setter();
    let now = now.clone();
    use_effect_with((), move |_| {
        let listener = browser::in_frame().then(|| {
            browser::on_message(move |m| {
                if m.text().as_deref() == Some(embed::HEIGHT_REQUEST) {
                    let (state, hash) = now.borrow().clone();
                    browser::post_to_parent(&[embed::ready_message(&DATASET, &state, &hash)]);
                } else if m.from_parent {
                    let field = |name| m.field(name).unwrap_or_default();
                    if let Some(h) = embed::set_view_command(&field("type"), &field("view")) {
                        dispatch.dispatch(Action::Restore(ViewState::from_hash(&h, &DATASET)));
                        setter.set(search::query_in(&h).into());
                    }
                }
            })
        });
        move || drop(listener)
    });
}

/// Whether the widget is in WordPress's frame (`sandbox="allow-scripts"`, an opaque origin), where it needs the
/// whole widget's [`use_wp_links`].
fn sandboxed_wordpress(options: &Options) -> bool {
    options.wp_secret.is_some() && browser::opaque_origin()
}

/// The view and the search as the address's hash.
fn link_hash(state: &ViewState, query: &str) -> String {
    let mut hash = state.to_hash(&DATASET);
    if !query.trim().is_empty() {
        hash.push(if hash.is_empty() { '#' } else { '&' });
        hash.push_str(&format!("q={}", search::encode(query)));
    }
    hash
}

/// Moves focus to the events' heading when a cell or a company opens (`open` names which), so keyboard and screen-reader users land in them;
/// only when the reader opened it from inside the widget: a panel restored from a link on load must not take
/// focus (in an embed that would scroll the host article).
#[hook]
pub fn use_focus_on_open(open: Option<u32>) {
    use_effect_with(open, |open| {
        if open.is_some() && browser::focus_is_inside(".im") {
            browser::focus_soon("im-detail-title");
        }
    });
}

/// How many of the `whole` rows show the table's state `key` ([`Reveal`], which the core's `reveal.rs`
/// explains): all at first; after a change, the rows on screen (`on_screen`, measured in the render that answers
/// the input, before it changes the table), then more, each step in a task of its own, until all do. `rows` is
/// the id of the table body whose rows are counted.
#[hook]
pub fn use_reveal<K: Copy + PartialEq + 'static>(key: K, whole: usize, rows: &'static str) -> Drawn {
    let reveal = use_state(|| Reveal::new(key));
    let drawn = reveal.drawn(key).unwrap_or_else(|| {
        Drawn::First(browser::rows_on_screen(rows, None).unwrap_or(ice_matrix_core::reveal::FIRST_ROWS))
    });
    use_effect_with((key, drawn), {
        let (reveal, set) = (*reveal, reveal.setter());
        move |_| {
            // Rows this render did not reach may be on screen now (new rows shorter than the old): draw them in
            // this frame. Else the next step, in a task of its own.
            let upto = match drawn {
                Drawn::First(n) if n < whole && reveal.needs_recount(key) => Some(n),
                _ => None,
            };
            let now = upto
                .and_then(|n| browser::rows_on_screen(rows, Some(n)))
                .and_then(|n| reveal.catch_up(key, drawn, n, whole));
            let task = match now {
                Some(now) => {
                    set.set(now);
                    None
                }
                None => reveal
                    .next_step(key, drawn, whole)
                    .map(|n| gloo::timers::callback::Timeout::new(0, move || set.set(n))),
            };
            move || drop(task)
        }
    });
    drawn
}
