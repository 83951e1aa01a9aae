//! The build's site tool (`site`, run by Trunk's hooks): the pages and files around the wasm, written natively
//! from the dataset the widget was built with.
//!
//! - `first_view`: the default view, rendered by the widget's own components;
//! - `fragments`: the file of HTML fragments the widget loads on first use;
//! - `sources_page`: `sources.html`, every event with its sources;
//! - `images`: the matrix and share cards as SVG and PNG (`dist/img/`, `dist/share/`);
//! - `channels`: share tags, share pages, oEmbed, Apple News and the AMP and newsletter variants;
//! - `publish`: what the post-build step does to Trunk's output, and the page templates (`templates/`).

pub mod channels;
pub mod first_view;
pub mod fragments;
pub mod images;
pub mod publish;
pub mod sources_page;
