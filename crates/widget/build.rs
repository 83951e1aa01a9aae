//! Compiles the dataset file into Rust statics (`DATASET`, see `src/data.rs`). A broken dataset fails the build
//! with a message that names each bad record and field. `ICE_MATRIX_DATA` swaps in another dataset file.
//! The frame heights measured for it (`<dataset>.heights.toml`, optional) come along as `FRAME_HEIGHTS`.

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
    let heights_path = ice_matrix_datagen::heights::path_for(&path);
    println!("cargo:rerun-if-changed={}", heights_path.display());
    let heights = ice_matrix_datagen::heights::load_for(&path).unwrap_or_else(|report| {
        eprint!("error: {report}");
        process::exit(1);
    });
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("dataset.rs"), ice_matrix_datagen::codegen::rust(ds, &heights)).expect("OUT_DIR is writable");
}
