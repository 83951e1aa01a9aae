//! Compiles the dataset file into Rust statics (`DATASET`, see `src/data.rs`). A broken dataset fails the build
//! with a message that names each bad record and field. `ICE_MATRIX_DATA` swaps in another dataset file.

use std::{env, fs, path::PathBuf, process};

fn main() {
    println!("cargo:rerun-if-env-changed=ICE_MATRIX_DATA");
    let path = ice_matrix_datagen::dataset_path();
    println!("cargo:rerun-if-changed={path}");
    let ds = ice_matrix_datagen::load_file(&path).unwrap_or_else(|report| {
        // cargo shows a failing build script's stderr.
        eprint!("error: {report}");
        process::exit(1);
    });
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("dataset.rs"), ice_matrix_datagen::codegen::rust(ds)).expect("OUT_DIR is writable");
}
