//! Compiles data/dataset.toml into Rust statics. A broken dataset fails the build with a message that
//! names each bad record and field.
//!
//! Also names the file of HTML fragments that the widget loads after its first view (see
//! `src/texts.rs`): `data/texts-<hash>.html`, where the hash covers the dataset and every source file
//! under `src/` (the fragments are rendered by that code from that data), so no cache can pair a wasm
//! with another build's fragments.

use std::{env, fs, path::Path, path::PathBuf, process};

/// FNV-1a, 64 bits: a stable content hash.
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Folds every file under `dir` into `h`, in path order, path and contents.
fn hash_tree(h: u64, dir: &Path) -> u64 {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    entries.sort();
    entries.into_iter().fold(h, |h, p| {
        if p.is_dir() {
            hash_tree(h, &p)
        } else {
            let h = fnv(h, p.to_string_lossy().replace('\\', "/").as_bytes());
            fnv(h, &fs::read(&p).unwrap_or_default())
        }
    })
}

fn main() {
    // ICE_MATRIX_DATA swaps in another dataset file (the benchmark's generated 10x and 100x data).
    println!("cargo:rerun-if-env-changed=ICE_MATRIX_DATA");
    println!("cargo:rerun-if-changed=src");
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
    let hash = hash_tree(fnv(0xcbf2_9ce4_8422_2325, text.as_bytes()), Path::new("src"));
    let rust = format!(
        "{}/// The widget's HTML fragments for this build (see `texts.rs`), relative to the page.\npub const TEXTS_FILE: &str = \"data/texts-{hash:016x}.html\";\n",
        generated.rust
    );
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("dataset.rs"), rust).expect("OUT_DIR is writable");
}
