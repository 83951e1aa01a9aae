//! `assets <out-dir>`: writes the files generated from the bundled dataset that Trunk ships beside the
//! wasm: `outcomes.css`, `data/dataset.json` and `data/events.csv`. Trunk runs it as a pre-build hook.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use ice_matrix::{export, model::DATASET};
    use std::{env, fs, path::PathBuf, process};

    let out = PathBuf::from(env::args().nth(1).unwrap_or_else(|| "gen".to_string()));
    let write = || -> std::io::Result<()> {
        fs::create_dir_all(out.join("data"))?;
        fs::write(out.join("outcomes.css"), export::palette_css(&DATASET))?;
        fs::write(out.join("data/dataset.json"), export::json(&DATASET))?;
        fs::write(out.join("data/events.csv"), export::csv(&DATASET))?;
        Ok(())
    };
    if let Err(e) = write() {
        eprintln!("error: cannot write to {}: {e}", out.display());
        process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
