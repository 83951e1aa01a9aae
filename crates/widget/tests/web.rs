//! The Yew view in a real headless browser (wasm-bindgen-test + ChromeDriver): each test mounts the app
//! into a fresh element, acts as a reader would and checks what the reader would see.
#![cfg(target_arch = "wasm32")]

use ice_matrix_core::embed::Options;
use ice_matrix_core::grid::{CellRef, Grid};
use ice_matrix_core::state::ViewState;
use ice_matrix_widget::data::DATASET;
use ice_matrix_widget::ui::{App, AppProps, Mode};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Sets the query and hash (`"?rows=20#sector=ai-lab"`, `"#cell=…"`, `""`) without firing hashchange, as a pasted
/// link would be before the widget loads.
fn set_location_hash(hash: &str) {
    let w = web_sys::window().unwrap();
    let url = format!("{}{}", w.location().pathname().unwrap(), hash);
    w.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).unwrap();
}

/// Waits for the tasks queued so far (the widget writes the address in one of its own).
async fn next_task() {
    let p = js_sys::Promise::new(&mut |ok, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Runs the tasks a table draws its rows in (it is `aria-busy` meanwhile) until it is whole.
async fn until_whole(table: &Element) {
    for _ in 0..20 {
        if table.get_attribute("aria-busy").as_deref() == Some("false") {
            break;
        }
        next_task().await;
        yew::scheduler::flush().await;
    }
    assert_eq!(table.get_attribute("aria-busy").as_deref(), Some("false"), "the table is whole");
}

/// How many of these rows, from the first, start above the bottom of the screen.
fn on_screen(rows: &[Element]) -> usize {
    let bottom = f64::from(document().document_element().unwrap().client_height());
    rows.iter().take_while(|r| r.get_bounding_client_rect().top() < bottom).count()
}

/// A fragments file of this build's shape whose fragments say which piece they are; the panels' buttons open
/// `first_cell()`.
fn fragments() -> String {
    use ice_matrix_core::fragments::{PANELS, SEP};
    let n = DATASET.events.len();
    let cell = first_cell().0.dom_id();
    let mut pieces: Vec<String> = (0..n).map(|i| format!("<p class=\"t-event\">event {i}</p>")).collect();
    pieces.extend(PANELS.iter().map(|p| {
        format!(
            "<h2 class=\"im-panel-title\">{}</h2><button type=\"button\" data-cell=\"{cell}\">cell</button>",
            p.title(&DATASET)
        )
    }));
    pieces.join(&SEP.to_string())
}

struct Mounted {
    root: Element,
    app: Option<yew::AppHandle<App>>,
}

impl Mounted {
    async fn new(hash: &str) -> Mounted {
        // What the widget fetches after its first view; a page would load it once, as here. The build
        // renders the real fragments natively (tested in core.rs and in the browser tests of the built
        // widget); here each names its piece, so a test sees which one the view put where.
        ice_matrix_core::fragments::load(&DATASET, fragments().into_bytes());
        set_location_hash(hash);
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let w = web_sys::window().unwrap();
        let props = AppProps {
            mode: Mode::Live,
            initial: ViewState::from_hash(&w.location().hash().unwrap(), &DATASET),
            options: Options::from_query(&w.location().search().unwrap()),
            fragments: "".into(),
            query: "".into(),
            full: "".into(),
        };
        let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        Mounted { root, app: Some(app) }
    }
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap()).collect()
    }
    fn one(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }
    fn html(&self, selector: &str) -> HtmlElement {
        self.one(selector).unwrap_or_else(|| panic!("{selector} not found")).dyn_into().unwrap()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
        set_location_hash("");
    }
}

fn first_cell() -> (CellRef, usize) {
    let g = Grid::build(&DATASET);
    let i = g.cells.iter().position(|c| c.as_ref().is_some_and(|c| c.events.len() > 1)).unwrap();
    (
        CellRef { company: (i / g.width) as u16, pressure: (i % g.width) as u8 },
        g.cells[i].as_ref().unwrap().events.len(),
    )
}

/// Clicks as a pointer does: the button takes focus, then the click fires.
fn click(el: &HtmlElement) {
    el.focus().unwrap();
    el.click();
}

fn press(el: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    el.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn renders_one_row_per_company_with_events_and_one_column_per_pressure_type() {
    let m = Mounted::new("").await;
    let g = Grid::build(&DATASET);
    let companies = g.company_events.iter().filter(|&&n| n > 0).count();
    assert_eq!(m.all("tbody tr:not([hidden])").len(), companies);
    assert_eq!(m.all("thead th").len(), DATASET.pressure_types.len() + 1);
    assert_eq!(m.all("button.im-cell").len(), g.cells.iter().flatten().count());
    // Colour is never alone: every cell carries its outcome (whose glyph and label the palette CSS draws, checked
    // in tests/e2e) and its count.
    for (i, cell) in g.cells.iter().enumerate().filter_map(|(i, c)| c.as_ref().map(|c| (i, c))) {
        let at = CellRef { company: (i / g.width) as u16, pressure: (i % g.width) as u8 };
        let b = m.one(&format!("button#{}", at.dom_id())).expect("a button per cell");
        assert_eq!(b.get_attribute("data-o").as_deref(), Some(DATASET.outcomes[cell.outcome as usize].id));
        assert_eq!(b.text_content().unwrap(), ice_matrix_core::words::cell_count(cell));
    }
}

#[wasm_bindgen_test]
async fn clicking_a_cell_shows_its_events_fragments_newest_first() {
    let m = Mounted::new("").await;
    let (at, n) = first_cell();
    click(&m.html(&format!("#{}", at.dom_id())));
    yew::scheduler::flush().await;
    let shown: Vec<String> = m.all(".im-detail .im-events > li").iter().map(|li| li.text_content().unwrap()).collect();
    assert_eq!(shown.len(), n);
    // The cell's events, newest first (the grid's order), each as the fragment the build made for it.
    let cell = Grid::build(&DATASET).cell(at).unwrap().events.clone();
    assert_eq!(shown, cell.iter().map(|e| format!("event {e}")).collect::<Vec<_>>());
    let dates: Vec<_> = cell.iter().map(|&e| DATASET.events[e as usize].date).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert_eq!(document().active_element().unwrap().id(), "im-detail-title", "focus moves into the panel");
}

#[wasm_bindgen_test]
async fn a_story_panel_is_its_fragment_and_its_cell_buttons_open_the_cell() {
    let m = Mounted::new("#panel=why").await;
    assert_eq!(m.html("#im-panel h2").text_content().unwrap(), DATASET.widget.context_title);
    click(&m.html("#im-panel [data-cell]"));
    yew::scheduler::flush().await;
    assert!(m.one("#im-detail").is_some(), "the cell named by data-cell opened");
    let (at, _) = first_cell();
    let title = m.html("#im-detail-title").text_content().unwrap();
    assert!(
        title.starts_with(&format!(
            "{}: {}",
            DATASET.companies[at.company as usize].name, DATASET.pressure_types[at.pressure as usize].label
        )),
        "{title}"
    );
}

#[wasm_bindgen_test]
async fn escape_closes_the_panel_and_returns_focus_to_the_cell() {
    let m = Mounted::new("").await;
    let (at, _) = first_cell();
    let id = at.dom_id();
    click(&m.html(&format!("#{id}")));
    yew::scheduler::flush().await;
    assert!(m.one("#im-detail").is_some());
    press(&m.html("#im-detail-title"), "Escape");
    yew::scheduler::flush().await;
    assert!(m.one("#im-detail").is_none(), "panel closed");
    assert_eq!(document().active_element().unwrap().id(), id, "focus back on the cell");
}

#[wasm_bindgen_test]
async fn a_hash_restores_the_open_cell_and_filters() {
    let (at, _) = first_cell();
    // Hide an outcome other than the open cell's, so the cell stays open.
    let g = Grid::build(&DATASET);
    let shown = g.cell(at).unwrap().outcome as usize;
    let hidden = (0..DATASET.outcomes.len()).find(|&o| o != shown).unwrap();
    let id = DATASET.outcomes[hidden].id;
    let m = Mounted::new(&format!("#cell={}&hide={id}", at.anchor(&DATASET))).await;
    let title = m.html("#im-detail-title").text_content().unwrap();
    let place = format!(
        "{}: {}",
        DATASET.companies[at.company as usize].name, DATASET.pressure_types[at.pressure as usize].label
    );
    assert!(title.starts_with(&place), "{title}");
    let key = &m.all(".im-key")[hidden];
    assert_eq!(key.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert!(m.all(&format!("button.im-cell[data-o={id}]")).is_empty());
}

#[wasm_bindgen_test]
async fn a_garbled_hash_shows_the_default_view() {
    let m = Mounted::new("#cell=%%%&hide=,,,&sector=\u{1F600}").await;
    assert!(m.one("#im-detail").is_none());
    assert!(m.all(".im-key").iter().all(|k| k.get_attribute("aria-pressed").as_deref() == Some("true")));
    assert!(!m.all("tbody tr:not([hidden])").is_empty());
}

#[wasm_bindgen_test]
async fn from_one_sector_to_all_the_rows_on_screen_change_at_once_and_the_rows_below_in_later_tasks() {
    let g = Grid::build(&DATASET);
    let sector = DATASET.sectors[DATASET.companies[g.order[0] as usize].sector as usize].id;
    let names = |m: &Mounted| -> Vec<String> {
        m.all("tbody tr:not([hidden]) th").iter().map(|th| th.first_child().unwrap().text_content().unwrap()).collect()
    };
    // Every company rendered (the default), and only the first listed (rows=N).
    for query in ["", "?rows=20"] {
        let m = Mounted::new(&format!("{query}#sector={sector}")).await;
        let table = m.one("table.im-matrix").unwrap();
        let busy = || table.get_attribute("aria-busy").unwrap();
        // The table's top at the top of the screen, as a reader looking at it sees it.
        table.scroll_into_view();
        let select: web_sys::HtmlSelectElement = m.html(".im-filters select").dyn_into().unwrap();
        select.set_selected_index(0);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
        let on_screen = on_screen(&m.all("tbody tr:not([hidden])"));
        let first = names(&m);
        assert_eq!(busy(), "true", "{query}: rows below the screen are to change");
        until_whole(&table).await;
        let all = names(&m);
        assert!(on_screen > 3 && on_screen < all.len(), "{query}: {on_screen} of {} rows on screen", all.len());
        assert_eq!(first[..on_screen], all[..on_screen], "{query}: every row on screen shows all sectors at once");
        assert_ne!(first, all, "{query}: the rows below keep the sector's until their turn");
        drop(m);
        let fresh = Mounted::new(query).await;
        assert_eq!(names(&fresh), all, "{query}: the table is whole");
    }
}

#[wasm_bindgen_test]
fn rows_on_screen_measures_the_first_rows_it_is_given_and_fits_rows_as_short_as_theirs_below() {
    let doc = document();
    let screen = f64::from(doc.document_element().unwrap().client_height());
    // Pinned to the top of the screen: rows of 100, 50 (hidden) and 60 px, then rows of 10 px (new rows, shorter
    // than the stale ones below them would be) down past the screen's bottom.
    let body = doc.create_element("div").unwrap();
    body.set_id("t-rows");
    body.set_attribute("style", "position:fixed;top:0;left:0;width:10px").unwrap();
    let heights = [100, 50, 60].into_iter().chain(std::iter::repeat_n(10, screen as usize / 10 + 5));
    for (i, h) in heights.enumerate() {
        let row = doc.create_element("div").unwrap();
        row.set_attribute("style", &format!("height:{h}px{}", if i == 1 { ";display:none" } else { "" })).unwrap();
        body.append_child(&row).unwrap();
    }
    doc.body().unwrap().append_child(&body).unwrap();
    let fit = |top: f64, h: f64| ((screen - top) / h).ceil() as usize;
    use ice_matrix_widget::browser::rows_on_screen;
    // The first row measured, then as many 100 px rows as fit below it; the hidden row is not counted.
    assert_eq!(rows_on_screen("t-rows", Some(1)), Some(1 + fit(100.0, 100.0)));
    // Two rows measured (100 and 60 px): rows as short as the shorter fit below them.
    assert_eq!(rows_on_screen("t-rows", Some(2)), Some(2 + fit(160.0, 60.0)));
    // Every row: those whose top is on screen.
    assert_eq!(rows_on_screen("t-rows", None), Some(2 + fit(160.0, 10.0)));
    assert_eq!(rows_on_screen("no-such-rows", None), None);
    body.remove();
}

#[wasm_bindgen_test]
async fn toggling_an_outcome_in_the_legend_hides_its_cells_and_updates_the_link() {
    let m = Mounted::new("").await;
    // The outcome the most cells show.
    let g = Grid::build(&DATASET);
    let most = (0..DATASET.outcomes.len())
        .max_by_key(|&o| g.cells.iter().flatten().filter(|c| c.outcome as usize == o).count())
        .unwrap();
    let id = DATASET.outcomes[most].id;
    let selector = format!("button.im-cell[data-o={id}]");
    let before = m.all("button.im-cell").len();
    let hidden = m.all(&selector).len();
    assert!(hidden > 0);
    let table = m.one("table.im-matrix").unwrap();
    let busy = || table.get_attribute("aria-busy").unwrap();
    assert_eq!(busy(), "false");
    // The table's top at the top of the screen, as a reader looking at it sees it.
    table.scroll_into_view();
    m.all(".im-key")[most].dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    // The render that answers the click blanks the cells of the rows on screen; the table is busy until the
    // rows below them, in tasks of their own, are done.
    let rows = m.all("tbody tr:not([hidden])");
    let on_screen = on_screen(&rows);
    assert!(on_screen > 0, "the test page shows some rows");
    let blanks = |r: &Element| r.query_selector(&selector).unwrap().is_none();
    assert!(rows[..on_screen].iter().all(blanks), "every row on screen answers the click");
    let later = !rows[on_screen..].iter().all(blanks);
    assert_eq!(busy(), later.to_string(), "busy while rows below the screen are to change");
    until_whole(&table).await;
    assert_eq!(m.all("button.im-cell").len(), before - hidden);
    // The address follows in a task of its own, after the frame that answers the click.
    next_task().await;
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), format!("#hide={id}"));
}
