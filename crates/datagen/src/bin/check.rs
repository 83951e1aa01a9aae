//! `cargo run -p ice-matrix-datagen --bin check -- [FILE] [--data DIR]`: validates a dataset file (by default the
//! one the build uses) and prints every problem, one a line, naming the record and the field; exits 1 if there
//! is any. With `--data DIR` it also writes the data downloads the build publishes in `data/` (the JSON, the
//! three CSV files and the data package) into DIR.

use ice_matrix_datagen::export;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = args.iter().position(|a| a == "--data").and_then(|i| args.get(i + 1));
    let path = args
        .iter()
        .enumerate()
        .find(|&(i, a)| a != "--data" && (i == 0 || args[i - 1] != "--data"))
        .map_or_else(ice_matrix_datagen::dataset_path, |(_, a)| a.clone());
    let ds = match ice_matrix_datagen::load_file(&path) {
        Ok(ds) => ds,
        Err(problems) => {
            eprintln!("{problems}");
            std::process::exit(1);
        }
    };
    println!("{path}: valid ({} events, {} sources)", ds.events.len(), ds.sources.len());
    if let Some(dir) = data {
        let files = export::data_files(ds);
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| files.iter().try_for_each(|(name, text)| std::fs::write(format!("{dir}/{name}"), text)));
        if let Err(e) = written {
            eprintln!("cannot write the data files into {dir}: {e}");
            std::process::exit(1);
        }
    }
}
