//! The movement: open letters and petitions across companies, and how their counts grew, each figure
//! with its date and source.

use yew::prelude::*;

use super::source::source;
use crate::model::{DATASET, Letter};
use crate::text;

#[component]
pub fn MovementPanel() -> Html {
    html! {
        <>
            <h2 class="im-panel-title">{ "The movement" }</h2>
            <p class="im-lede">{ "Open letters and petitions that drew workers from several companies, with their counts as reported over time." }</p>
            <ol class="im-letters">
                for l in DATASET.letters.iter().rev() { <li key={l.id}>{ letter(l) }</li> }
            </ol>
        </>
    }
}

fn letter(l: &Letter) -> Html {
    let ds = &DATASET;
    let companies: Vec<&str> = l.companies.iter().map(|&c| ds.companies[c as usize].name).collect();
    html! {
        <article class="im-letter">
            <h3>{ l.name }<span class="im-sub">{ l.date.long() }</span></h3>
            <p>{ l.summary.get() }</p>
            if !companies.is_empty() { <p class="im-note">{ format!("Companies: {}", companies.join(", ")) }</p> }
            if !l.counts.is_empty() {
                <table class="im-counts">
                    <caption class="im-sr">{ format!("{}: counts over time", l.name) }</caption>
                    <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Count" }</th><th scope="col">{ "Source" }</th></tr></thead>
                    <tbody>
                        for c in l.counts.iter() {
                            <tr>
                                <td><time datetime={c.date.iso()}>{ c.date.long() }</time></td>
                                <td>{ text::figure(c.qualifier, c.count, c.what) }</td>
                                <td>{ source(&ds.sources[c.source as usize]) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            }
            if !l.disputed.is_empty() { <p class="im-note"><strong>{ "Sources differ: " }</strong>{ l.disputed }</p> }
        </article>
    }
}
