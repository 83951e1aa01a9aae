//! Definitions and methodology: every pressure type and outcome with its coding rule, how the data was
//! made, what it leaves out, its version and its corrections.

use yew::prelude::*;

use crate::model::DATASET;

#[component]
pub fn MethodPanel() -> Html {
    let ds = &DATASET;
    html! {
        <>
            <h2 class="im-panel-title">{ "Definitions and methodology" }</h2>
            <p class="im-lede">{ format!("Version {}, last updated {}. {} events, {} sources.", ds.version, ds.updated.long(), ds.events.len(), ds.sources.len()) }</p>
            for n in ds.methodology.iter() {
                <section key={n.id}><h3>{ n.heading.get() }</h3><p>{ n.text.get() }</p></section>
            }
            <h3>{ "Outcomes, from the strongest break of ties" }</h3>
            <dl class="im-defs">
                for o in ds.outcomes.iter() {
                    <dt><span class={classes!("im-swatch", format!("o-{}", o.id))} aria-hidden="true">{ o.glyph }</span>{ o.label }</dt>
                    <dd>{ o.definition }<br /><span class="im-note">{ "Coding rule: " }{ o.rule }</span></dd>
                }
            </dl>
            <h3>{ "Types of pressure (the columns)" }</h3>
            <dl class="im-defs">
                for p in ds.pressure_types.iter() {
                    <dt>{ p.label }</dt>
                    <dd>{ p.definition }<br /><span class="im-note">{ "Coding rule: " }{ p.rule }</span></dd>
                }
            </dl>
            <h3>{ "Corrections" }</h3>
            <ul class="im-corrections">
                for c in ds.corrections.iter() {
                    <li><time datetime={c.date.iso()}>{ c.date.long() }</time>{ ": " }{ c.text }</li>
                }
            </ul>
        </>
    }
}
