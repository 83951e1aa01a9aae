//! Sector filter, tech-only switch and reset.

use yew::prelude::*;

use super::app::Dispatch;
use crate::matrix::Filter;
use crate::model::DATASET;
use crate::state::Action;


/// A function, not a component: small, and the root re-renders it only when the state changes.
pub fn filters(f: Filter, dispatch: &Dispatch) -> Html {
    let onsector = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            d.dispatch(Action::SetSector(value.parse::<u8>().ok()));
        })
    };
    let ontech = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            d.dispatch(Action::SetTechOnly(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
        })
    };
    let onreset = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Reset))
    };
    html! {
        <div class="im-filters">
            <label>
                { "Sector " }
                <select onchange={onsector}>
                    <option value="" selected={f.sector.is_none()}>{ "All sectors" }</option>
                    for (i, s) in DATASET.sectors.iter().enumerate() {
                        <option value={i.to_string()} selected={f.sector == Some(i as u8)}>{ s.label }</option>
                    }
                </select>
            </label>
            <label class="im-check">
                <input type="checkbox" checked={f.tech_only} onchange={ontech} />
                { " Tech companies only" }
            </label>
            if !f.is_default() {
                <button type="button" class="im-reset" onclick={onreset}>{ "Show all" }</button>
            }
        </div>
    }
}
