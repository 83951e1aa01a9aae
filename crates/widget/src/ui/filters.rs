//! Sector filter, the dataset's switch (tech companies only, in the ICE tracker) and reset.

use ice_matrix_core::grid::Filter;
use ice_matrix_core::state::Action;
use yew::prelude::*;

use super::store::{Dispatch, send};
use crate::data::DATASET;

/// A function, not a component: the root calls it on each of its renders.
pub fn filters(f: Filter, dispatch: &Dispatch) -> Html {
    let ds = &DATASET;
    let onsector = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            d.dispatch(Action::SetSector(value.parse::<u8>().ok()));
        })
    };
    let onswitch = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            d.dispatch(Action::SetTechOnly(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
        })
    };
    html! {
        <div class="im-filters">
            <label>
                { "Sector " }
                <select onchange={onsector}>
                    <option value="" selected={f.sector.is_none()}>{ "All sectors" }</option>
                    for (i, s) in ds.sectors.iter().enumerate() {
                        <option value={i.to_string()} selected={f.sector == Some(i as u8)}>{ s.label }</option>
                    }
                </select>
            </label>
            if !ds.widget.switch.is_empty() {
                <label class="im-check">
                    <input type="checkbox" checked={f.tech_only} onchange={onswitch} />
                    { " " }{ ds.widget.switch }
                </label>
            }
            if !f.is_default() {
                <button type="button" class="im-reset" onclick={send(dispatch, Action::Reset)}>{ "Show all" }</button>
            }
        </div>
    }
}
