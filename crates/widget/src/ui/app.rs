//! The root: holds the view state in one reducer, derives the matrix from it, and lays out the parts.

use ice_matrix_core::embed::Options;
use ice_matrix_core::grid::{Grid, ROW_LIMIT, View};
use ice_matrix_core::state::{Action, ViewState};
use yew::prelude::*;

use super::common::{Mode, Shared};
use super::detail::detail;
use super::figures::figures;
use super::filters::filters;
use super::hooks::{use_focus_on_open, use_fragments, use_frame_height, use_hash_sync, use_root_classes, use_wp_links};
use super::legend::legend;
use super::list::list;
use super::share::Share;
use super::store::{Store, send};
use super::story::story;
use super::table::Table;
use crate::browser;
use crate::data::DATASET;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub mode: Mode,
    /// The view to open on (from the address, in the browser).
    pub initial: ViewState,
    /// What the host page asked for in the query string.
    pub options: Options,
    /// The address of the fragments file, relative to the page.
    pub fragments: AttrValue,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let ds = &DATASET;
    let live = props.mode.is_live();
    let store = use_reducer({
        let initial = props.initial;
        move || Store(initial)
    });
    let state = store.0;
    let grid = use_memo((), |_| Grid::build(&DATASET));
    let view = {
        let grid = grid.clone();
        use_memo(state.filter, move |f| View::build(&DATASET, &grid, f))
    };
    let options = &props.options;
    let needs_fragments = state.open.is_some() || state.list || state.panel.is_some_and(|p| p.is_fragment());
    let (fragments, fetch) = use_fragments(props.fragments.clone(), needs_fragments);
    use_root_classes(options);
    use_wp_links(options);
    let root = use_node_ref();
    use_frame_height(root.clone(), options);
    use_hash_sync(&store);

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
    // The long texts are fetched on first use, not with the first view: when the pointer first enters the
    // widget or focus does (so they are usually there before the click), or when the view needs them.
    let onpointerover = fetch.reform(|_: PointerEvent| ());
    let onfocusin = fetch.reform(|_: FocusEvent| ());

    let open = state.open.filter(|&at| !state.list && view.shows(&grid, &state.filter, at));
    use_focus_on_open(open);
    let d = store.dispatcher();
    let limit = if state.all_rows { None } else { Some(options.rows.map_or(ROW_LIMIT, usize::from)) };
    html! {
        <div class={if live { "im" } else { "im im-static" }} data-layout={if state.grid { "grid" } else { "cards" }}
            ref={root} {onkeydown} {onpointerover} {onfocusin}>
            if !options.hide_header {
                <header class="im-head">
                    <h1 class="im-title">{ ds.title }</h1>
                    <p class="im-question">{ ds.question }</p>
                </header>
            }
            <p class="im-summary-line">{ ds.summary }</p>
            { figures(&view) }
            if live {
                // On a narrow screen the controls fold behind one button, so that the first card is on the first
                // screen; on a wide one the button is not drawn and they are always there.
                <button type="button" class="im-fold" aria-expanded={state.controls.to_string()} aria-controls="im-controls"
                    onclick={send(&d, Action::ToggleControls)}>{ "Filter and more" }</button>
                <div id="im-controls" class="im-controls">
                    { filters(state.filter, &d) }
                    { legend(props.mode, state.filter, &view, &d) }
                    { story(state, options, fragments, &d) }
                </div>
                <div class="im-bar">
                <div class="im-views" role="group" aria-label="Show as">
                    <button type="button" class="im-tab" aria-pressed={(!state.list).to_string()}
                        onclick={send(&d, Action::SetList(false))}>{ "Matrix" }</button>
                    <button type="button" class="im-tab" aria-pressed={state.list.to_string()}
                        onclick={send(&d, Action::SetList(true))}>{ "List of events" }</button>
                    <button type="button" class="im-tab im-layout" aria-pressed={state.grid.to_string()}
                        onclick={send(&d, Action::SetGrid(!state.grid))}>{ "Full grid" }</button>
                </div>
                <Share {state} />
                </div>
            } else {
                { legend(props.mode, state.filter, &view, &d) }
            }
            if state.list {
                { list(&view, state.filter, fragments) }
            } else {
                <Table mode={props.mode} grid={Shared(grid.clone())} view={Shared(view.clone())} filter={state.filter}
                    {open} {limit} dispatch={d.clone()} detail={open.map(|at| detail(at, &grid, fragments, &close))} />
            }
            <footer class="im-foot">
                { format!("Data version {}, updated {}. ", ds.version, ds.updated.long()) }
                { "Every event links to the reporting it comes from: " }
                <a href="sources.html">{ "every event and its sources" }</a>
                { ". " }
                <a href="data/dataset.json">{ "Data (JSON)" }</a>{ " · " }<a href="data/events.csv">{ "Events (CSV)" }</a>
            </footer>
        </div>
    }
}
