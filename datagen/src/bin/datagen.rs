//! `datagen <out-dir>`: writes the build-time assets that Trunk bundles next to the wasm:
//! `outcomes.css` (the outcome palette as classes, so no inline styles are needed), and
//! `data/dataset.json` and `data/events.csv` for readers who download the data.
//! Runs as Trunk's pre-build hook; fails with the dataset's problems like the build script does.

use std::{env, fs, path::PathBuf, process};

fn main() {
    let out = PathBuf::from(env::args().nth(1).unwrap_or_else(|| "gen".to_string()));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let path = root.join("data/dataset.toml");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        process::exit(1);
    });
    let data = ice_matrix_datagen::load(&text).unwrap_or_else(|problems| {
        eprint!("error: {}", ice_matrix_datagen::report("data/dataset.toml", &problems));
        process::exit(1);
    });
    let out = if out.is_absolute() { out } else { root.join(out) };
    let write = || -> std::io::Result<()> {
        fs::create_dir_all(out.join("data"))?;
        fs::write(out.join("outcomes.css"), ice_matrix_datagen::assets::css(&data))?;
        fs::write(out.join("data/dataset.json"), ice_matrix_datagen::assets::json(&data))?;
        fs::write(out.join("data/events.csv"), ice_matrix_datagen::assets::csv(&data))?;
        Ok(())
    };
    write().unwrap_or_else(|e| {
            eprintln!("error: cannot write to {}: {e}", out.display());
            process::exit(1);
        });
}
