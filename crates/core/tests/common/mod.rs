//! The datasets the core's tests run on: the fictional fixture tracker and the real dataset, both read and
//! validated through datagen as the build does. An algorithm's test runs on each of them.

use std::sync::OnceLock;

use ice_matrix_core::model::Dataset;

/// The fictional test fixture (`tests/fixtures/divestment.toml`).
pub fn fixture() -> &'static Dataset {
    static DS: OnceLock<&'static Dataset> = OnceLock::new();
    DS.get_or_init(|| load(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/divestment.toml")))
}

/// The dataset the build uses (`data/dataset.toml`, or `ICE_MATRIX_DATA`).
pub fn real() -> &'static Dataset {
    static DS: OnceLock<&'static Dataset> = OnceLock::new();
    DS.get_or_init(|| load(&ice_matrix_datagen::dataset_path()))
}

/// Both, for tests of the algorithms.
pub fn datasets() -> [&'static Dataset; 2] {
    [fixture(), real()]
}

fn load(path: &str) -> &'static Dataset {
    ice_matrix_datagen::load_file(path).unwrap_or_else(|report| panic!("{report}"))
}
