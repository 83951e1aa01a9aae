//! One source as a reader sees it: linked title, publisher (the original outlet), what the link is when it
//! is a copy, and the date.

use yew::prelude::*;

use crate::model::Source;

pub fn source(s: &Source) -> Html {
    html! {
        <>
            <a href={s.url.get()} target="_blank" rel="noopener noreferrer">{ s.title.get() }</a>
            if !s.title_note.is_empty() { <span class="im-note">{ format!(" ({})", s.title_note) }</span> }
            { " — " }<span class="im-pub">{ s.publisher.get() }</span>
            if !s.via.is_empty() { <span class="im-note">{ format!(" ({})", s.via) }</span> }
            { s.date.map(|d| format!(", {}", d.long())).unwrap_or_else(|| ", undated".to_string()) }
        </>
    }
}

/// A list of sources by index.
pub fn sources(list: &[u16]) -> Html {
    let ds = &crate::model::DATASET;
    html! {
        <ul class="im-sources" aria-label="Sources">
            for &s in list.iter() { <li key={s as usize}>{ source(&ds.sources[s as usize]) }</li> }
        </ul>
    }
}
