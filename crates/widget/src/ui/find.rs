//! "Find a company or search the events": type-ahead over the companies' names and aliases (from the data: AWS
//! and Ring lead to Amazon). A match opens the company's whole story under its row, clearing filters that hide
//! it; focus moves to the story's heading, which brings it on screen. Other text searches the events.

use ice_matrix_core::state::{Action, ViewState};
use yew::prelude::*;

use super::common::FULL;
use super::store::Dispatch;
use crate::data::DATASET;

/// The company a typed name or alias names exactly (ASCII letters in any case), if any.
pub fn company_named(text: &str) -> Option<u16> {
    let t = text.trim();
    DATASET
        .companies
        .iter()
        .position(|c| c.name.eq_ignore_ascii_case(t) || c.aliases.iter().any(|a| a.eq_ignore_ascii_case(t)))
        .map(|i| i as u16)
}

/// The view that typing `text` opens from `state`: a company's name or alias opens its story, keeping the date and
/// the layout and dropping the filters, which might hide the row. None for any other text.
pub fn jump(state: ViewState, text: &str) -> Option<ViewState> {
    let c = company_named(text)?;
    Some(ViewState { company: Some(c), asof: state.asof, grid: state.grid, ..ViewState::default() })
}

/// The box: a company's name or alias opens its story; any other text of three letters or more searches the
/// events' texts (`query`, kept in the link as `q=`), highlighting the cells that hold matches.
pub fn find(state: ViewState, query: &UseStateHandle<AttrValue>, d: &Dispatch) -> Html {
    let oninput = {
        let (d, query) = (d.clone(), query.clone());
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if FULL && let Some(next) = jump(state, &v) {
                d.dispatch(Action::Restore(next));
                query.set(AttrValue::default());
            } else {
                query.set(v.into());
            }
        })
    };
    let label = format!("Find a {} or search the events", DATASET.widget.row);
    html! {
        <label class="im-find">
            <span class="im-sr">{ label.clone() }</span>
            <input type="search" id="im-find" list="im-names" placeholder={label} autocomplete="off" value={(**query).clone()} {oninput} />
            // The first view's widget has the list without its names: the whole widget, which fills it, takes
            // its place when the reader types.
            <datalist id="im-names">
                if FULL {
                    for c in DATASET.companies.iter() {
                        <option value={c.name} />
                        for a in c.aliases.iter() {
                            <option value={*a} label={format!("{a} ({})", c.name)} />
                        }
                    }
                }
            </datalist>
        </label>
    }
}
