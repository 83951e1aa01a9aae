//! The tabs below the matrix that tell the rest of the story: context, the movement, the methodology and
//! the downloads. One panel at a time; the open one is in the URL hash.

use yew::prelude::*;

use super::app::Dispatch;
use super::{Texts, texts_pending};
use super::{context::ContextPanel, downloads::DataPanel, embedding::EmbedPanel, methodology::MethodPanel, movement::MovementPanel};
use crate::embed::Options;
use crate::state::{Action, Panel, ViewState};

#[derive(Properties, PartialEq)]
pub struct StoryProps {
    pub panel: Option<Panel>,
    /// The whole view, for the embed code of what the editor is looking at.
    pub state: ViewState,
    pub options: Options,
    pub texts: Texts,
    pub dispatch: Dispatch,
}

#[component]
pub fn Story(props: &StoryProps) -> Html {
    html! {
        <div class="im-story">
            <div class="im-tabs" role="group" aria-label="More about the data">
                for p in Panel::ALL {
                    <button type="button" class={classes!("im-tab", (props.panel == Some(p)).then_some("on"))}
                        aria-expanded={(props.panel == Some(p)).to_string()} aria-controls="im-panel"
                        onclick={let d = props.dispatch.clone(); move |_: MouseEvent| d.dispatch(Action::TogglePanel(p))}>
                        { p.title() }
                    </button>
                }
            </div>
            if let Some(p) = props.panel {
                <section id="im-panel" class="im-panel" aria-label={p.title()}>
                    { match p {
                        p if p.needs_texts() && props.texts != Texts::Ready => texts_pending(props.texts),
                        Panel::Context => html! { <ContextPanel dispatch={props.dispatch.clone()} /> },
                        Panel::Movement => html! { <MovementPanel /> },
                        Panel::Method => html! { <MethodPanel /> },
                        Panel::Data => html! { <DataPanel /> },
                        Panel::Embed => html! { <EmbedPanel state={props.state} options={props.options.clone()} /> },
                    } }
                </section>
            }
        </div>
    }
}
