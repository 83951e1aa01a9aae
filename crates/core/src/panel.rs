//! The story panels below the matrix: which there are, their names in the URL hash, their titles.

use crate::model::Dataset;

/// The panels below the matrix that tell the rest of the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// Sourced context on each side the dataset names ("Why so few cut ties?").
    Context,
    /// The open letters and petitions, and how their counts grew.
    Movement,
    /// Definitions, coding rules, coverage, version and corrections.
    Method,
    /// The downloads.
    Data,
    /// The embed code for the current view.
    Embed,
}

impl Panel {
    pub const ALL: [Panel; 5] = [Panel::Context, Panel::Movement, Panel::Method, Panel::Data, Panel::Embed];

    /// The name in the URL hash.
    pub fn key(self) -> &'static str {
        match self {
            Panel::Context => "why",
            Panel::Movement => "movement",
            Panel::Method => "method",
            Panel::Data => "data",
            Panel::Embed => "embed",
        }
    }

    /// The tab's and the panel's title; the story panels' come from the dataset.
    pub fn title(self, ds: &Dataset) -> &'static str {
        match self {
            Panel::Context => ds.widget.context_title,
            Panel::Movement => ds.widget.movement_title,
            Panel::Method => "Definitions and methodology",
            Panel::Data => "Get the data",
            Panel::Embed => "Embed this",
        }
    }

    /// Whether the panel is one of the build's HTML fragments, which load on first use (see `fragments.rs`);
    /// the embed panel is made in the widget.
    pub fn is_fragment(self) -> bool {
        self != Panel::Embed
    }
}
