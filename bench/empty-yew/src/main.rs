//! An empty Yew app: one function component rendering one element into <body>.
use yew::prelude::*;

#[function_component]
fn App() -> Html {
    html! { <p>{ "empty" }</p> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
