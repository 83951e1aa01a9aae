//! The root: holds the view state in one reducer, derives the matrix from it, keeps the URL hash in
//! step, and handles Esc.

use std::rc::Rc;

use yew::prelude::*;

use super::{Shared, Texts, detail::detail, figures::figures, filters::filters, legend::legend, list::list, story::story, table::Table};
use crate::browser;
use crate::embed::{self, Options, Theme};
use crate::matrix::{Grid, ROW_LIMIT, View};
use crate::model::{DATASET, TEXTS_FILE};
use crate::texts;
use crate::state::{Action, ViewState};

/// The Yew wrapper around the pure reducer in `state.rs`.
#[derive(PartialEq)]
pub struct Store(pub ViewState);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.0.apply(action) {
            Some(next) => Rc::new(Store(next)),
            None => self,
        }
    }
}

pub type Dispatch = UseReducerDispatcher<Store>;

#[component]
pub fn App() -> Html {
    let ds = &DATASET;
    let store = use_reducer(|| Store(ViewState::from_hash(&browser::hash(), &DATASET)));
    let state = store.0;
    let grid = use_memo((), |_| Grid::build(&DATASET));
    let view = {
        let grid = grid.clone();
        use_memo(state.filter, move |f| View::build(&DATASET, &grid, f))
    };

    // The long texts are fetched on first use, not with the first view: when the pointer first enters
    // the widget or focus does (so they are usually there before the click), or when the view needs
    // them (a cell, a story panel or the list, also from a link). Readers who only scan the matrix
    // never download them.
    let texts = use_state(|| if texts::ready() { Texts::Ready } else { Texts::Loading });
    // Made once, so the root's listeners are not replaced on every render.
    let (fetch_texts, onpointerover, onfocusin) = (*use_memo((), {
        let setter = texts.setter();
        move |_| {
            let started = std::cell::Cell::new(texts::ready());
            let fetch = Callback::from(move |_: ()| {
                if !started.replace(true) {
                    let setter = setter.clone();
                    browser::load_texts(TEXTS_FILE, move |file| {
                        setter.set(if file.is_some_and(texts::Reading::finish) { Texts::Ready } else { Texts::Failed });
                    });
                }
            });
            (fetch.clone(), fetch.reform(|_: PointerEvent| ()), fetch.reform(|_: FocusEvent| ()))
        }
    }))
    .clone();
    let texts = *texts;
    let needs_texts = state.open.is_some() || state.list || state.panel.is_some_and(|p| p.needs_texts());
    use_effect_with(needs_texts, {
        let fetch_texts = fetch_texts.clone();
        move |&needed| {
            if needed {
                fetch_texts.emit(());
            }
        }
    });

    let options = use_memo((), |_| Options::from_query(&browser::query()));
    use_effect_with(options.clone(), |o| {
        browser::set_root_class("theme-light", o.theme == Theme::Light);
        browser::set_root_class("theme-dark", o.theme == Theme::Dark);
        browser::set_root_class("transparent", o.transparent);
    });
    let root = use_node_ref();
    {
        // In a frame, announce the content height in every dialect hosts listen for, on each change,
        // and again when a pym parent asks with a `width` message.
        let (root, options) = (root.clone(), options.clone());
        use_effect_with((), move |_| {
            let handles = root.cast::<web_sys::Element>().filter(|_| browser::in_frame()).map(|el| {
                let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
                let (o1, last1) = (options.clone(), last.clone());
                let watch = browser::watch_height(&el, move |h| {
                    last1.set(h);
                    browser::post_to_parent(&embed::resize_messages(h, &browser::href(), &o1));
                });
                let listener = browser::on_string_message(move |data| {
                    if embed::is_pym_width(&data, &options) && last.get() > 0 {
                        browser::post_to_parent(&embed::resize_messages(last.get(), &browser::href(), &options));
                    }
                });
                (watch, listener)
            });
            move || drop(handles)
        });
    }

    use_effect_with(state, |s| browser::set_hash_soon(s.to_hash(&DATASET)));
    {
        let dispatch = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = browser::on_hash_change(move |h| {
                dispatch.dispatch(Action::Restore(ViewState::from_hash(&h, &DATASET)))
            });
            move || drop(listener)
        });
    }

    let close = {
        let dispatch = store.dispatcher();
        Callback::from(move |_: ()| {
            if let Some(at) = state.open {
                dispatch.dispatch(Action::Close);
                browser::focus(&at.dom_id());
            }
        })
    };
    let onkeydown = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        })
    };

    let open = state.open.filter(|&at| !state.list && view.shows(&grid, &state.filter, at));
    // Focus moves to the events' heading when a cell opens, so keyboard and screen-reader users land in
    // them; only when the reader opened it from inside the widget: a panel restored from a link on load
    // must not take focus (in an embed that would scroll the host article).
    use_effect_with(open, |open| {
        if open.is_some() && browser::focus_is_inside(".im") {
            browser::focus("im-detail-title");
        }
    });
    html! {
        <div class="im" ref={root} {onkeydown} {onpointerover} {onfocusin}>
            if !options.hide_header {
                <header class="im-head">
                    <h2 class="im-title">{ ds.title }</h2>
                    <p class="im-question">{ ds.question }</p>
                </header>
            }
            <p class="im-summary-line">{ ds.summary }</p>
            { figures(&view) }
            { filters(state.filter, &store.dispatcher()) }
            { legend(state.filter, &view, &store.dispatcher()) }
            { story(state.panel, state, &options, texts, &store.dispatcher()) }
            <div class="im-views" role="group" aria-label="Show as">
                <button type="button" class="im-tab" aria-pressed={(!state.list).to_string()}
                    onclick={let d = store.dispatcher(); move |_: MouseEvent| d.dispatch(Action::SetList(false))}>{ "Matrix" }</button>
                <button type="button" class="im-tab" aria-pressed={state.list.to_string()}
                    onclick={let d = store.dispatcher(); move |_: MouseEvent| d.dispatch(Action::SetList(true))}>{ "List of events" }</button>
            </div>
            if state.list {
                { list(&view, state.filter, texts) }
            } else {
                <Table grid={Shared(grid.clone())} view={Shared(view.clone())} filter={state.filter} {open}
                    limit={if state.all_rows { usize::MAX } else { options.rows.map_or(ROW_LIMIT, usize::from) }}
                    dispatch={store.dispatcher()} />
            }
            if let Some(at) = open {
                { detail(at, &grid, texts, &close) }
            }
            <footer class="im-foot">
                { format!("Data version {}, updated {}. ", ds.version, ds.updated.long()) }
                { "Every event links to the reporting it comes from." }
            </footer>
        </div>
    }
}
