//! Reads, validates and bakes the ice-matrix dataset. Native only: the widget's build script uses it to turn
//! the dataset file into Rust source for the wasm (so the wasm carries no parser), the site tool to write the
//! published files, and the tests to load fixture datasets.
//!
//! `schema` reads the file as written, `validate` checks it and builds the core's `Dataset`, reporting every
//! [`Problem`] with the record and the field; `codegen` writes that dataset as Rust source, `export` as the
//! JSON and CSV downloads.

pub mod codegen;
pub mod colour;
pub mod date;
pub mod evidence;
pub mod export;
pub mod heights;
pub mod problem;
pub mod schema;
pub mod summary;
pub mod validate;

use ice_matrix_core::model::Dataset;

pub use problem::Problem;

/// Reads and validates a dataset from TOML text.
pub fn load(text: &str) -> Result<&'static Dataset, Vec<Problem>> {
    validate::compile(schema::parse(text)?)
}

/// Reads and validates the dataset file at `path`, or says, one problem per line, why it cannot.
pub fn load_file(path: &str) -> Result<&'static Dataset, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    load(&text).map_err(|problems| report(path, &problems))
}

/// The dataset's content hash: the first 16 hex digits of the SHA-256 of `data/dataset.json` as the build
/// publishes it, so a reader can check the file they cite (`sha256sum`) against the version the page shows.
pub fn content_hash(ds: &Dataset) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(export::json(ds).as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The dataset file the build uses: `ICE_MATRIX_DATA` when set (another tracker, a test fixture, the
/// benchmark's scaled data), else `data/dataset.toml` in the workspace.
pub fn dataset_path() -> String {
    std::env::var("ICE_MATRIX_DATA").unwrap_or_else(|_| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/dataset.toml");
        path.canonicalize().unwrap_or(path).to_string_lossy().into_owned()
    })
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
