//! View state, its one reducer, and its encoding in the URL hash. Pure Rust: the Yew `Reducible`
//! wrapper lives in the widget's `ui/store.rs`, the hash is read and written in its `browser.rs`.
//!
//! Hash format (ids, not indexes, so links survive edits to the data):
//! `#cell=<company>.<pressure>&company=<company>&hide=<outcome>,<outcome>&sector=<sector>&tech=1&panel=<panel>&view=list&asof=YYYY-MM`.
//! Unknown keys and unknown ids are ignored one by one; a garbled hash gives the default view.

use crate::grid::{CellRef, Filter, outcome_bit};
use crate::model::{Dataset, Date, MAX_OUTCOMES};
use crate::panel::Panel;
use crate::words::join;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub filter: Filter,
    /// The cell whose events are open in the detail panel.
    pub open: Option<CellRef>,
    /// The story panel open below the matrix.
    pub panel: Option<Panel>,
    /// Show the events as a plain list instead of the matrix.
    pub list: bool,
    /// Render every row, beyond [`crate::grid::ROW_LIMIT`] (not kept in the link).
    pub all_rows: bool,
    /// On a narrow screen: the filters, the legend and the story tabs are unfolded (not kept in the link).
    pub controls: bool,
    /// On a narrow screen: the full grid instead of one card per row (not kept in the link).
    pub grid: bool,
    /// The company whose whole story is open (every event across pressure types, in date order).
    pub company: Option<u16>,
    /// The matrix as it stood on this date: later events are left out.
    pub asof: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Open(CellRef),
    Close,
    ToggleOutcome(u8),
    /// Opens a story panel, or closes it when it is already open.
    TogglePanel(Panel),
    SetSector(Option<u8>),
    SetTechOnly(bool),
    /// Matrix (false) or plain list of events (true).
    SetList(bool),
    /// Render every row of the matrix, not only the first `ROW_LIMIT`.
    ShowAllRows,
    /// Fold or unfold the controls on a narrow screen.
    ToggleControls,
    /// On a narrow screen, the full grid (true) or cards (false).
    SetGrid(bool),
    /// Opens a company's story, or closes it when it is already open.
    ToggleCompany(u16),
    /// The matrix as of a date, or as it is now.
    SetAsOf(Option<Date>),
    /// Back to the default view.
    Reset,
    /// Replace everything, e.g. from a hash the reader navigated to.
    Restore(ViewState),
}

impl ViewState {
    /// Whether this view needs the parts of the widget that the first view's wasm leaves out: a company's whole
    /// story, the matrix as of a date, a search (`query`, the link's `q=`), the list of events, the data panel
    /// with "Cite this" and the embed panel. The first view's wasm shows the matrix, its filters, a cell's events
    /// and the story panels; for any of these it loads the whole widget, which takes its place.
    pub fn needs_whole_widget(&self, query: &str) -> bool {
        self.company.is_some()
            || self.asof.is_some()
            || self.list
            || !query.trim().is_empty()
            || matches!(self.panel, Some(Panel::Data | Panel::Embed))
    }

    /// What of the view the link does not keep (the unfolded controls, the full grid, every row), as words for the
    /// whole widget to carry on when it takes the first view's widget's place: "controls grid rows", or fewer.
    pub fn unlinked(&self) -> String {
        let words = [(self.controls, "controls"), (self.grid, "grid"), (self.all_rows, "rows")];
        join(words.iter().filter(|(on, _)| *on).map(|(_, w)| *w), " ")
    }

    /// The view with what [`ViewState::unlinked`] wrote (unknown words are ignored).
    pub fn with_unlinked(self, words: &str) -> ViewState {
        let has = |w: &str| words.split(' ').any(|x| x == w);
        ViewState { controls: has("controls"), grid: has("grid"), all_rows: has("rows"), ..self }
    }

    /// The reducer. Returns `None` when the action changes nothing, so the view need not re-render.
    pub fn apply(&self, action: Action) -> Option<ViewState> {
        let mut next = *self;
        match action {
            Action::Open(at) => {
                next.open = Some(at);
                next.company = None;
            }
            Action::Close => {
                next.open = None;
                next.company = None;
            }
            Action::ToggleCompany(c) => {
                next.company = if self.company == Some(c) { None } else { Some(c) };
                next.open = None;
            }
            Action::SetAsOf(d) => next.asof = d,
            Action::ToggleOutcome(o) => next.filter.hidden_outcomes ^= outcome_bit(o),
            Action::TogglePanel(p) => next.panel = if self.panel == Some(p) { None } else { Some(p) },
            Action::SetSector(s) => next.filter.sector = s,
            Action::SetTechOnly(t) => next.filter.tech_only = t,
            Action::SetList(l) => next.list = l,
            Action::ShowAllRows => next.all_rows = true,
            Action::ToggleControls => next.controls = !self.controls,
            Action::SetGrid(g) => next.grid = g,
            Action::Reset => next = ViewState::default(),
            Action::Restore(s) => next = s,
        }
        (next != *self).then_some(next)
    }

    /// The hash for this state: empty for the default view.
    pub fn to_hash(&self, ds: &Dataset) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(at) = self.open
            && let (Some(c), Some(p)) =
                (ds.companies.get(at.company as usize), ds.pressure_types.get(at.pressure as usize))
        {
            parts.push(format!("cell={}.{}", c.id, p.id));
        }
        if let Some(c) = self.company.and_then(|c| ds.companies.get(c as usize)) {
            parts.push(format!("company={}", c.id));
        }
        let hidden = join(
            ds.outcomes.iter().enumerate().filter(|(i, _)| !self.filter.shows_outcome(*i as u8)).map(|(_, o)| o.id),
            ",",
        );
        if !hidden.is_empty() {
            parts.push(format!("hide={hidden}"));
        }
        if let Some(s) = self.filter.sector.and_then(|s| ds.sectors.get(s as usize)) {
            parts.push(format!("sector={}", s.id));
        }
        if self.filter.tech_only {
            parts.push("tech=1".to_string());
        }
        if let Some(p) = self.panel {
            parts.push(format!("panel={}", p.key()));
        }
        if self.list {
            parts.push("view=list".to_string());
        }
        if let Some(d) = self.asof {
            parts.push(format!("asof={}", d.iso()));
        }
        if parts.is_empty() { String::new() } else { format!("#{}", join(&parts, "&")) }
    }

    /// Reads a hash (with or without the leading `#`). Never fails: what it cannot read, it skips.
    pub fn from_hash(hash: &str, ds: &Dataset) -> ViewState {
        let mut s = ViewState::default();
        for pair in hash.trim_start_matches('#').split('&') {
            let Some((key, value)) = pair.split_once('=') else { continue };
            match key {
                "cell" => {
                    let Some((c, p)) = value.split_once('.') else { continue };
                    let c = position(ds.companies.iter().map(|x| x.id), c);
                    let p = position(ds.pressure_types.iter().map(|x| x.id), p);
                    if let (Some(c), Some(p)) = (c, p) {
                        s.open = Some(CellRef { company: c as u16, pressure: p as u8 });
                    }
                }
                "hide" => {
                    for id in value.split(',') {
                        if let Some(i) = position(ds.outcomes.iter().map(|x| x.id), id).filter(|&i| i < MAX_OUTCOMES) {
                            s.filter.hidden_outcomes |= outcome_bit(i as u8);
                        }
                    }
                }
                "sector" => s.filter.sector = position(ds.sectors.iter().map(|x| x.id), value).map(|i| i as u8),
                "tech" => s.filter.tech_only = value == "1",
                "panel" => s.panel = Panel::ALL.into_iter().find(|p| p.key() == value),
                "view" => s.list = value == "list",
                "company" => s.company = position(ds.companies.iter().map(|x| x.id), value).map(|i| i as u16),
                "asof" => s.asof = Date::parse_iso(value),
                _ => {}
            }
        }
        s
    }
}

fn position<'a>(mut ids: impl Iterator<Item = &'a str>, want: &str) -> Option<usize> {
    ids.position(|id| id == want)
}
