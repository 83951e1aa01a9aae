//! The pure core of ice-matrix: the data model, aggregation into the matrix, the view state and its URL
//! encoding, the words the view shows, the story panels, the fragments file and the embedding logic. Plain
//! Rust with no web dependency and no dataset of its own: every function takes the dataset it works on, so
//! the tests run it on small fixture datasets as well as the real one. The widget (wasm) and the build's site
//! tool (native) both use it.

pub mod embed;
pub mod fragments;
pub mod grid;
pub mod grid_key;
pub mod html;
pub mod model;
pub mod panel;
pub mod reveal;
pub mod search;
pub mod state;
pub mod words;
