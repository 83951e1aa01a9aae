//! ice-matrix: which tech companies have faced pressure to cut ties with ICE, and what came of it.
//!
//! The pure core (`model`, `matrix`, `state`) is plain Rust, tested natively with `cargo test`. The
//! view (`ui`) and the browser glue (`browser`) compile for wasm32 only.

pub mod embed;
#[cfg(not(target_arch = "wasm32"))]
pub mod export;
pub mod matrix;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod model;
pub mod state;
pub mod text;
pub mod texts;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Mounts the widget into the element with id `ice-matrix` (or the body when there is none).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let root = browser::document().and_then(|d| d.get_element_by_id("ice-matrix"));
    match root {
        Some(el) => yew::Renderer::<ui::App>::with_root(el).render(),
        None => yew::Renderer::<ui::App>::new().render(),
    };
}
