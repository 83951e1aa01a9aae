//! Reads, validates and compiles the ice-matrix dataset.
//!
//! This crate runs natively only: the widget's `build.rs` uses it to turn `data/dataset.toml` into Rust
//! statics (so the wasm carries no parser), and the same checks run in `cargo test`. A broken file is
//! reported as a list of [`Problem`]s, each naming the record and the field.

pub mod codegen;
pub mod colour;
pub mod date;
pub mod schema;
pub mod summary;
pub mod validate;

pub use date::Date;
pub use validate::{Compiled, Problem, compile};

/// Reads and validates a dataset from TOML text.
pub fn load(text: &str) -> Result<Compiled, Vec<Problem>> {
    let raw = schema::parse(text)?;
    compile(raw)
}

/// Formats problems one per line, for the build's error output.
pub fn report(path: &str, problems: &[Problem]) -> String {
    let mut out = format!("{path}: {} problem(s) in the dataset:\n", problems.len());
    for p in problems {
        out.push_str("  - ");
        out.push_str(&p.to_string());
        out.push('\n');
    }
    out
}
