//! The build's assets tool, run by Trunk's hooks (see Trunk.toml):
//! - `assets gen <dir>` before the build: `outcomes.css`, `data/dataset.json`, `data/events.csv`, all
//!   written from the bundled dataset;
//! - `assets finish [<dir>]` after it, on Trunk's staging folder (`TRUNK_STAGING_DIR`): see
//!   `ice_matrix::publish` — strict CSP, first view as markup, `sources.html`, `sw.js`, `offline.html`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("gen") => native::generate(args.get(1).map_or("gen", String::as_str)),
        Some("finish") => {
            let dir = args.get(1).cloned().or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()).unwrap_or_else(|| "dist".into());
            native::finish(&dir)
        }
        _ => Err("usage: assets gen <dir> | assets finish [<dir>]".to_string()),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs;
    use std::path::Path;

    use ice_matrix::model::{DATASET, TEXTS_FILE};
    use ice_matrix::prerender::Downloads;
    use ice_matrix::{export, prerender, publish};

    fn write(path: &Path, text: &str) -> Result<(), String> {
        fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    pub fn generate(dir: &str) -> Result<(), String> {
        let out = Path::new(dir);
        fs::create_dir_all(out.join("data")).map_err(|e| format!("cannot create {dir}/data: {e}"))?;
        write(&out.join("outcomes.css"), &export::palette_css(&DATASET))?;
        write(&out.join("data/dataset.json"), &export::json(&DATASET))?;
        write(&out.join("data/events.csv"), &export::csv(&DATASET))?;
        // The HTML fragments the widget loads after its first view, under a name that changes with the
        // data and the code (see build.rs); an older build's file is removed so the folder holds only this one.
        for old in fs::read_dir(out.join("data")).map_err(|e| format!("cannot list {dir}/data: {e}"))?.flatten() {
            if old.file_name().to_string_lossy().starts_with("texts-") {
                let _ = fs::remove_file(old.path());
            }
        }
        write(&out.join(TEXTS_FILE), &prerender::texts(&DATASET, Downloads::Linked)?)
    }

    /// The file as `tool` (terser or csso) minifies it; None when the tool cannot be run.
    fn minify(tool: &str, args: &[&str], path: &Path) -> Result<Option<String>, String> {
        let out = match std::process::Command::new(tool).arg(path).args(args).output() {
            Ok(out) => out,
            Err(_) => return Ok(None),
        };
        if !out.status.success() {
            return Err(format!("{tool} failed on {}: {}", path.display(), String::from_utf8_lossy(&out.stderr)));
        }
        String::from_utf8(out.stdout).map(Some).map_err(|e| format!("{tool} wrote non-UTF-8: {e}"))
    }

    pub fn finish(dir: &str) -> Result<(), String> {
        let dir = Path::new(dir);
        let read = |name: &str| fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"));
        let mut names: Vec<String> = fs::read_dir(dir)
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .flatten()
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let find = |pred: &dyn Fn(&str) -> bool, what: &str| names.iter().find(|n| pred(n)).cloned().ok_or(format!("no {what} in the build"));
        let glue_name = find(&|n| n.starts_with("ice-matrix-") && n.ends_with(".js"), "JS glue")?;
        let wasm_name = find(&|n| n.ends_with("_bg.wasm"), "wasm")?;
        let css_names: Vec<String> = names.iter().filter(|n| n.ends_with(".css")).cloned().collect();

        // The JS glue and the stylesheets, minified by terser and csso (Trunk's minifier is all or nothing;
        // see Trunk.toml), which scripts/setup installs. Without them the build goes on with the files as
        // they are, and says so. `offline.html` inlines the glue as it was (its script calls the glue's `__wbg_init`, a
        // name terser would mangle).
        let glue = read(&glue_name)?;
        let mut index = read("index.html")?;
        for name in std::iter::once(&glue_name).chain(&css_names) {
            let (tool, args): (&str, &[&str]) =
                if name.ends_with(".js") { ("terser", &["--module", "--compress", "--mangle"]) } else { ("csso", &["--no-restructure"]) };
            match minify(tool, args, &dir.join(name))? {
                Some(min) => {
                    write(&dir.join(name), &min)?;
                    index = publish::set_integrity(&index, name, min.as_bytes()).ok_or(format!("index.html does not link {name} with an integrity"))?;
                }
                None => eprintln!("warning: {tool} is not installed (scripts/setup installs it); {name} is not minified"),
            }
        }

        // index.html: loader out of line, strict policy, first view in the mount element.
        let (index, loader) = publish::split_loader(&index).ok_or("index.html has no inline module loader")?;
        let index = publish::add_csp(&index, publish::CSP).ok_or("index.html has no <meta charset=\"utf-8\">")?;
        let first_view = prerender::first_view(&DATASET);
        let index = publish::fill_mount(&index, &first_view).ok_or("index.html has no mount element")?;
        write(&dir.join("index.html"), &index)?;
        write(&dir.join("init.js"), &format!("{}{loader}\n{}", publish::AFTER_FIRST_PAINT, publish::SW_REGISTRATION))?;
        minify_in_place(dir, "init.js", &["--module", "--compress", "--mangle"])?;

        write(&dir.join("sources.html"), &publish::page(DATASET.title, &css_names, &prerender::sources_page(&DATASET)))?;

        let wasm = fs::read(dir.join(&wasm_name)).map_err(|e| format!("cannot read {wasm_name}: {e}"))?;
        let css: String = css_names.iter().map(|n| read(n)).collect::<Result<Vec<_>, _>>()?.join("\n");
        write(&dir.join("offline.html"), &publish::offline_page(DATASET.title, &css, &first_view, &prerender::texts(&DATASET, Downloads::Inline)?, &glue, &wasm))?;

        // The offline cache, versioned by its contents: the first view's files, fetched at install. The
        // rest (the texts, sources.html, the downloads) is kept when the reader first uses it, so a
        // visit does not download all of it in the background.
        let mut files: Vec<String> = names.iter().filter(|n| !n.ends_with(".html") && *n != "sw.js").cloned().collect();
        files.extend(["index.html", "init.js"].map(String::from));
        files.sort();
        files.dedup();
        let contents: Vec<Vec<u8>> = files.iter().map(|f| fs::read(dir.join(f)).unwrap_or_default()).collect();
        let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
        write(&dir.join("sw.js"), &publish::service_worker(&publish::short_hash(&refs), &files))?;
        minify_in_place(dir, "sw.js", &["--compress", "--mangle", "--toplevel"])
    }

    /// Minifies a script the build wrote itself (the loader, the service worker) with terser: both are in the
    /// first view's transfer, and their comments and long names cost it about 0.2 KiB brotli.
    fn minify_in_place(dir: &Path, name: &str, args: &[&str]) -> Result<(), String> {
        match minify("terser", args, &dir.join(name))? {
            Some(min) => write(&dir.join(name), &min),
            None => Ok(eprintln!("warning: terser is not installed (scripts/setup installs it); {name} is not minified")),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
