//! "Get the data": the dataset as JSON and the events as CSV, written from the bundled data in the
//! browser, so the downloads work with no network and match what the widget shows.

use yew::prelude::*;

use crate::browser;
use crate::export;
use crate::model::DATASET;
use crate::text;

#[component]
pub fn DataPanel() -> Html {
    let ds = &DATASET;
    let json = Callback::from(|_: MouseEvent| browser::download("ice-matrix-dataset.json", "application/json", &export::json(&DATASET)));
    let csv = Callback::from(|_: MouseEvent| browser::download("ice-matrix-events.csv", "text/csv;charset=utf-8", &export::csv(&DATASET)));
    let rows: usize = ds.events.iter().map(|e| e.sources.len()).sum();
    html! {
        <>
            <h2 class="im-panel-title">{ "Get the data" }</h2>
            <p class="im-lede">
                { format!("Everything behind the matrix: {}, {}, {} and {}, version {} of {}.",
                    text::count(ds.companies.len(), "company", "companies"), text::count(ds.events.len(), "event", "events"),
                    text::count(ds.sources.len(), "source", "sources"), text::count(ds.letters.len(), "letter", "letters"),
                    ds.version, ds.updated.long()) }
            </p>
            <p class="im-buttons">
                <button type="button" class="im-button" onclick={json}>{ "Download JSON" }</button>
                <span class="im-note">{ " The whole dataset: companies, pressure types, outcomes with definitions, events, sources, letters and context." }</span>
            </p>
            <p class="im-buttons">
                <button type="button" class="im-button" onclick={csv}>{ "Download CSV" }</button>
                <span class="im-note">{ format!(" The events, one row per event and source ({rows} rows), UTF-8 for spreadsheets.") }</span>
            </p>
            <p class="im-note">{ "Both files are generated from the same data as the widget. To cite a single cell, open it and copy the page address." }</p>
        </>
    }
}
