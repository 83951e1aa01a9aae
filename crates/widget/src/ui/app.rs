//! The root: holds the view state in one reducer, derives the matrix from it, and lays out the parts.

use ice_matrix_core::embed::Options;
use ice_matrix_core::grid::{Grid, ROW_LIMIT, View};
use ice_matrix_core::model::Date;
use ice_matrix_core::search;
use ice_matrix_core::state::{Action, ViewState};
use ice_matrix_core::words;
use yew::prelude::*;

use super::common::{FULL, FragmentsState, Mode, Shared, loading};
use super::company::company_panel;
use super::detail::detail;
use super::figures::figures;
use super::filters::filters;
use super::find::find;
use super::hooks::{
    use_focus_on_open, use_fragments, use_frame_height, use_hash_sync, use_host_api, use_root_classes, use_wp_links,
};
use super::legend::legend;
use super::list::list;
use super::share::share;
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
    /// The full-text query to open on (the link's `q=`).
    #[prop_or_default]
    pub query: AttrValue,
    /// The address of the whole widget's module, which the first view's widget loads on first use (see [`FULL`]).
    #[prop_or_default]
    pub full: AttrValue,
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
    let query = use_state({
        let q = props.query.clone();
        move || q
    });
    let shared = use_state(|| None::<browser::Shared>);
    let grid = use_memo(state.asof, |&asof| Grid::as_of(&DATASET, asof));
    let view = {
        let grid = grid.clone();
        use_memo((state.filter, state.asof), move |(f, _)| View::build(&DATASET, &grid, f))
    };
    let options = &props.options;
    let needs_fragments = state.open.is_some()
        || state.company.is_some()
        || !query.is_empty()
        || state.list
        || state.panel.is_some_and(|p| p.is_fragment());
    let (fragments, fetch) = use_fragments(props.fragments.clone(), needs_fragments);
    use_root_classes(options);
    use_wp_links(options);
    let root = use_node_ref();
    use_frame_height(root.clone(), options);
    let whole_failed = use_state(|| false);
    use_hash_sync(&store, &query, options, &props.full, whole_failed.setter());
    use_host_api(&store, &query);
    let loading = || loading(*whole_failed);

    let close = {
        let dispatch = store.dispatcher();
        Callback::from(move |_: ()| {
            if let Some(at) = state.open {
                dispatch.dispatch(Action::Close);
                browser::focus(&at.dom_id());
            } else if let Some(c) = state.company {
                dispatch.dispatch(Action::Close);
                browser::focus(&format!("company-{c}"));
            }
        })
    };
    let oncompany = {
        let dispatch = store.dispatcher();
        Callback::from(move |c: u16| dispatch.dispatch(Action::ToggleCompany(c)))
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
    let company = state.company.filter(|&c| !state.list && open.is_none() && view.listed[c as usize]);
    use_focus_on_open(
        open.map(|at| u32::from(at.company) << 8 | u32::from(at.pressure)).or(company.map(|c| 1 << 24 | u32::from(c))),
    );
    // The search's matches (once the texts are there), as a bit per pressure type in each company's row.
    let matches = {
        let (q, ready) = ((*query).clone(), fragments == FragmentsState::Ready);
        use_memo((q, ready, state.asof), |(q, ready, asof)| {
            let mut m = if *ready && FULL { search::events_matching(&DATASET, q) } else { Vec::new() };
            m.retain(|&e| asof.is_none_or(|d| DATASET.events[e as usize].date.counts_as_of(d)));
            m
        })
    };
    let hits = use_memo((matches.clone(), grid.clone()), |(m, g)| if FULL { search::hits(g, m) } else { Vec::new() });
    let panel = match (open, company) {
        (Some(at), _) => Some(detail(at, &grid, fragments, &close, &oncompany)),
        (None, Some(c)) if FULL => Some(company_panel(c, &grid, fragments, &close)),
        (None, Some(_)) => Some(html! { <section id="im-detail" class="im-detail">{ loading() }</section> }),
        (None, None) => None,
    };
    let d = store.dispatcher();
    let d_ = d.clone();
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
            if let Some(d) = state.asof.filter(|_| FULL) {
                <p class="im-summary-line im-asof" role="status">
                    { words::as_of_line(ds, &view, d) }{ " " }
                    <button type="button" class="im-link" onclick={send(&d_, Action::SetAsOf(None))}>{ "Show the matrix as it is now" }</button>
                </p>
            } else {
                <p class="im-summary-line">{ ds.summary }</p>
            }
            { figures(&view) }
            if live {
                // On a narrow screen the controls fold behind one button, so that the first card is on the first
                // screen; on a wide one the button is not drawn and they are always there.
                <button type="button" class="im-fold" aria-expanded={state.controls.to_string()} aria-controls="im-controls"
                    onclick={send(&d, Action::ToggleControls)}>{ "Filter and more" }</button>
                <div id="im-controls" class="im-controls">
                    { filters(state.filter, &d) }
                    { as_of(state.asof, &d) }
                    { legend(props.mode, state.filter, &view, &d) }
                    { story(state, options, fragments, *whole_failed, &d) }
                </div>
                <div class="im-bar">
                <div class="im-views" role="group" aria-label="Show as">
                    <button type="button" class="im-tab" aria-pressed={(!state.list).to_string()}
                        onclick={send(&d, Action::SetList(false))}>{ "Matrix" }</button>
                    <button type="button" class="im-tab" id="im-tab-list" aria-pressed={state.list.to_string()}
                        onclick={send(&d, Action::SetList(true))}>{ "List of events" }</button>
                    <button type="button" class="im-tab im-layout" aria-pressed={state.grid.to_string()}
                        onclick={send(&d, Action::SetGrid(!state.grid))}>{ "Full grid" }</button>
                </div>
                { share(state, &shared) }
                { find(state, &query, &d) }
                </div>
            } else {
                { legend(props.mode, state.filter, &view, &d) }
            }
            if FULL && !query.is_empty() && !state.list {
                { results(&query, &matches, fragments) }
            }
            if state.list {
                { if FULL { list(&view, state.filter, fragments) } else { loading() } }
            } else {
                <Table mode={props.mode} grid={Shared(grid.clone())} view={Shared(view.clone())} filter={state.filter}
                    {open} {company} {limit} dispatch={d.clone()} detail={panel} hits={Shared(hits.clone())} />
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

/// "As of": a month picker that shows the matrix as it stood then (empty: as it is now). Where the browser has no
/// month input (desktop Safari) it is a text box that takes `YYYY-MM`.
fn as_of(asof: Option<Date>, d: &super::store::Dispatch) -> Html {
    let ds = &DATASET;
    let first = ds.events.iter().map(|e| e.date).min().map(words::month_value).unwrap_or_default();
    let onchange = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            d.dispatch(Action::SetAsOf(Date::parse_iso(v.trim())));
        })
    };
    html! {
        <p class="im-asof-pick">
            <label>{ "As of " }
                <input type="month" id="im-asof-date" min={first} max={words::month_value(ds.updated)} placeholder="YYYY-MM" pattern="[0-9]{4}-[0-9]{2}"
                    value={asof.map(words::month_value).unwrap_or_default()} {onchange} />
            </label>
            <span class="im-note">{ " the matrix as it stood at the end of a month (empty: now)" }</span>
        </p>
    }
}

/// What the search found: how many events, and the newest of them with their sources.
fn results(query: &str, matches: &[u16], fragments: FragmentsState) -> Html {
    use super::common::{fragment, pending};
    use ice_matrix_core::fragments::Piece;
    let mut newest: Vec<u16> = matches.to_vec();
    let key = |e: u16| (DATASET.events[e as usize].date, e);
    ice_matrix_core::grid::sort_indices(&mut newest, &|a, b| key(b).cmp(&key(a)));
    let shown = newest.len().min(20);
    html! {
        <section class="im-results" aria-labelledby="im-results-title">
            <h3 id="im-results-title" role="status">
                if fragments != FragmentsState::Ready {
                    { "Searching…" }
                } else if query.trim().chars().count() < search::MIN_QUERY {
                    { format!("Type at least {} letters to search the events", search::MIN_QUERY) }
                } else {
                    { format!("{} matching “{}”, highlighted in the matrix", words::count(matches.len(), "event", "events"), query.trim()) }
                    if shown < newest.len() { { format!("; the newest {shown} below") } }
                }
            </h3>
            if fragments == FragmentsState::Ready {
                <ol class="im-events">
                    for &e in newest.iter().take(shown) {
                        <li key={e as usize}>{ fragment(Piece::Event(e)) }</li>
                    }
                </ol>
            } else {
                { pending(fragments) }
            }
        </section>
    }
}
