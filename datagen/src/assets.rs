//! Files generated from the dataset for the browser: the outcome palette as CSS classes.

use crate::validate::Compiled;

/// One class per outcome, `.o-<id>`, with the fill and its computed text colour.
pub fn css(c: &Compiled) -> String {
    let mut out = String::from("/* Generated from data/dataset.toml by datagen. Do not edit. */\n");
    for o in &c.outcomes {
        out.push_str(&format!(".o-{}{{--fill:{};--ink:{}}}\n", o.id, o.color, o.ink));
    }
    out
}
