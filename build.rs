//! Compiles data/dataset.toml into Rust statics. A broken dataset fails the build with a message that
//! names each bad record and field.

use std::{env, fs, path::PathBuf, process};

fn main() {
    // ICE_MATRIX_DATA swaps in another dataset file (the benchmark's generated 10x and 100x data).
    println!("cargo:rerun-if-env-changed=ICE_MATRIX_DATA");
    let path = env::var("ICE_MATRIX_DATA").unwrap_or_else(|_| "data/dataset.toml".to_string());
    let path = path.as_str();
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("error: cannot read {path}: {e}");
        process::exit(1);
    });
    let data = ice_matrix_datagen::load(&text).unwrap_or_else(|problems| {
        // cargo shows a failing build script's stderr; one line per problem.
        eprint!("error: {}", ice_matrix_datagen::report(path, &problems));
        process::exit(1);
    });
    let generated = ice_matrix_datagen::codegen::generate(&data).unwrap_or_else(|problems| {
        eprint!("error: {}", ice_matrix_datagen::report(path, &problems));
        process::exit(1);
    });
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("dataset.rs"), generated.rust).expect("OUT_DIR is writable");
    fs::write(out.join("texts.txt"), generated.texts).expect("OUT_DIR is writable");
}
