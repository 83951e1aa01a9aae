//! The build's site tool, run by Trunk's hooks (see `Trunk.toml`), on the dataset the widget was built with:
//!
//! - `site pre-build <dir>`, before Trunk builds: the outcome palette as `<dir>/outcomes.css`, which the page
//!   links like any stylesheet;
//! - `site post-build [<dir>]`, after Trunk has written its files to its staging folder (`TRUNK_STAGING_DIR`):
//!   minifies the glue, the stylesheets and the scripts the build writes (terser and csso; under `CI` a missing
//!   minifier fails the build), writes the downloads and the fragments file, puts the first view into the page
//!   under a strict Content-Security-Policy, and writes `init.js`, `sources.html`, `offline.html` and `sw.js`.

use std::fs;
use std::path::Path;
use std::process::Command;

use ice_matrix_core::embed;
use ice_matrix_core::grid::Grid;
use ice_matrix_core::model::Dataset;
use ice_matrix_datagen::export;
use ice_matrix_site::channels::{self, Share};
use ice_matrix_site::fragments::{self, Downloads};
use ice_matrix_site::{first_view, images, publish, sources_page};
use ice_matrix_widget::data::DATASET;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("pre-build") => pre_build(Path::new(args.get(1).map_or("gen", String::as_str))),
        Some("post-build") => {
            let dir = args
                .get(1)
                .cloned()
                .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
                .unwrap_or_else(|| "dist".into());
            post_build(Path::new(&dir))
        }
        _ => Err("usage: site pre-build <dir> | site post-build [<dir>]".to_string()),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn pre_build(dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    write(&dir.join("outcomes.css"), &export::palette_css(&DATASET))
}

/// The file as `tool` (terser or csso) minifies it; None when the tool is not installed and the build may go on
/// without it (not under `CI`).
fn minify(tool: &str, args: &[&str], path: &Path) -> Result<Option<String>, String> {
    let out = match Command::new(tool).arg(path).args(args).output() {
        Ok(out) => out,
        Err(_) if std::env::var_os("CI").is_some() => {
            return Err(format!(
                "{tool} is not installed (scripts/setup installs it), and under CI every file is minified"
            ));
        }
        Err(_) => {
            eprintln!(
                "warning: {tool} is not installed (scripts/setup installs it); {} is not minified",
                path.display()
            );
            return Ok(None);
        }
    };
    if !out.status.success() {
        return Err(format!("{tool} failed on {}: {}", path.display(), String::from_utf8_lossy(&out.stderr)));
    }
    String::from_utf8(out.stdout).map(Some).map_err(|e| format!("{tool} wrote non-UTF-8: {e}"))
}

/// The whole widget's loader (`templates/full.js`).
const FULL_LOADER: &str = include_str!("../templates/full.js");

const TERSER_MODULE: &[&str] = &["--module", "--compress", "--mangle"];

fn post_build(dir: &Path) -> Result<(), String> {
    let ds = &DATASET;
    let read = |name: &str| fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"));
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let find = |pred: &dyn Fn(&str) -> bool, what: &str| {
        names.iter().find(|n| pred(n)).cloned().ok_or(format!("no {what} in the build"))
    };
    // Two wasm builds: the first view's, and the whole widget that it loads on first use (see the widget's
    // `ui::FULL`).
    let full = |n: &str| n.starts_with("ice-matrix-full") || n == "full.css";
    let glue_name = find(&|n| n.starts_with("ice-matrix-") && !full(n) && n.ends_with(".js"), "JS glue")?;
    // Trunk names a "worker" build's files without a hash: they get one here, so a cache never pairs a glue
    // with another build's wasm. The whole widget's stylesheet (copied by Trunk as it is) is minified and named
    // with them.
    let full_css = match minify("csso", &["--no-restructure"], &dir.join("full.css"))? {
        Some(min) => min,
        None => read("full.css")?,
    };
    let (full_glue_name, full_wasm_name, full_css_name) = {
        let (glue, wasm) = ("ice-matrix-full.js", "ice-matrix-full_bg.wasm");
        let bytes = |n: &str| fs::read(dir.join(n)).map_err(|e| format!("cannot read {n}: {e}"));
        let hash = publish::short_hash(&[&bytes(glue)?, &bytes(wasm)?, full_css.as_bytes()]);
        let named = (
            format!("ice-matrix-full-{hash}.js"),
            format!("ice-matrix-full-{hash}_bg.wasm"),
            format!("ice-matrix-full-{hash}.css"),
        );
        for (from, to) in [(glue, &named.0), (wasm, &named.1)] {
            fs::rename(dir.join(from), dir.join(to)).map_err(|e| format!("cannot rename {from}: {e}"))?;
        }
        write(&dir.join(&named.2), &full_css)?;
        fs::remove_file(dir.join("full.css")).map_err(|e| format!("cannot remove full.css: {e}"))?;
        named
    };
    let css_names: Vec<String> = names.iter().filter(|n| n.ends_with(".css") && !full(n)).cloned().collect();

    // The glue and the stylesheets, minified by terser and csso (Trunk's own minifier is all or nothing; see
    // Trunk.toml), each link's integrity updated (the whole widget's glue is linked by its loader, below).
    // `offline.html` inlines the whole widget's glue as it was: its start script calls the glue's `__wbg_init`, a
    // name terser would mangle.
    let full_glue = read(&full_glue_name)?;
    let mut index = read("index.html")?;
    minify_in_place(dir, &full_glue_name, TERSER_MODULE)?;
    for name in std::iter::once(&glue_name).chain(&css_names) {
        let (tool, args): (&str, &[&str]) =
            if name.ends_with(".js") { ("terser", TERSER_MODULE) } else { ("csso", &["--no-restructure"]) };
        if let Some(min) = minify(tool, args, &dir.join(name))? {
            write(&dir.join(name), &min)?;
            index = publish::set_integrity(&index, name, min.as_bytes())
                .ok_or(format!("index.html does not link {name} with an integrity"))?;
        }
    }

    // The downloads and the fragments file, named by a hash of its content (so a cache keeps it until it changes).
    let data = dir.join("data");
    fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    let files = export::data_files(ds);
    for (name, text) in &files {
        write(&data.join(name), text)?;
    }
    // The checksums a citation's content hash refers to (`sha256sum -c SHA256SUMS` in data/); dataset.json first.
    let sums: Vec<(&str, &[u8])> = files.iter().map(|(name, text)| (*name, text.as_bytes())).collect();
    write(&data.join("SHA256SUMS"), &publish::checksums(&sums))?;
    let fragments = fragments::file(ds, Downloads::Linked)?;
    let fragments_name = format!("data/fragments-{}.html", publish::short_hash(&[fragments.as_bytes()]));
    write(&dir.join(&fragments_name), &fragments)?;

    // index.html: loader out of line, strict policy, first view in the mount element, which names the fragments.
    let first_view = first_view::render()?;
    let (index, trunk_loader) = publish::split_loader(&index).ok_or("index.html has no inline module loader")?;
    let index = publish::drop_wasm_preload(&index);
    let index = publish::add_csp(&index, publish::CSP).ok_or("index.html has no <meta charset=\"utf-8\">")?;
    let index = publish::fill_page(&index, ds.title, ds.question, &first_view)?;
    // The whole widget's loader, named by a hash of what it loads.
    let full_loader = publish::fill(
        FULL_LOADER,
        &[("__GLUE__", &full_glue_name), ("__WASM__", &full_wasm_name), ("__CSS__", &full_css_name)],
    )?;
    let full_name = format!("full-{}.js", publish::short_hash(&[full_loader.as_bytes()]));
    write(&dir.join(&full_name), &full_loader)?;
    minify_in_place(dir, &full_name, TERSER_MODULE)?;
    let index = publish::fill(
        &index,
        &[
            ("data-fragments=\"\"", &format!("data-fragments=\"{fragments_name}\"")),
            ("data-full=\"\"", &format!("data-full=\"{full_name}\"")),
        ],
    )?;
    let grid = Grid::build(ds);
    let public = channels::public_url();
    let alt = channels_files(dir, ds, &grid, public.as_deref(), &css_names)?;
    let share = Share { title: ds.title, description: ds.summary, path: "", image: "img/card.png", image_alt: &alt };
    let tags = channels::head_tags(ds, &share, public.as_deref(), true);
    let index = publish::fill(&index, &[("</head>", &format!("{tags}\n</head>"))])?;
    write(&dir.join("index.html"), &publish::strip_comments(&index))?;
    write(&dir.join("init.js"), &publish::loader(&trunk_loader)?)?;
    minify_in_place(dir, "init.js", TERSER_MODULE)?;

    let sources = format!("<main class=\"im\">{}</main>", sources_page::body(ds));
    write(
        &dir.join("sources.html"),
        &publish::page(&format!("{}: every event and its sources", ds.title), &css_names, &sources)?,
    )?;

    // The one-file build carries the whole widget.
    let wasm = fs::read(dir.join(&full_wasm_name)).map_err(|e| format!("cannot read {full_wasm_name}: {e}"))?;
    let css: String = css_names.iter().map(|n| read(n)).collect::<Result<Vec<_>, _>>()?.join("\n");
    let css = format!("{css}\n{full_css}");
    let mount = format!("<main id=\"{}\">{first_view}</main>", ice_matrix_widget::ui::MOUNT_ID);
    let inline = fragments::file(ds, Downloads::Inline)?;
    write(&dir.join("offline.html"), &publish::offline_page(ds.title, &css, &mount, &inline, &full_glue, &wasm)?)?;

    // The offline cache, versioned by its contents: the first view's files, fetched at install. The rest (the
    // whole widget, the fragments, sources.html, the downloads) is kept when the reader first uses it, so a visit
    // does not download all of it in the background.
    let mut files: Vec<String> =
        names.iter().filter(|n| !n.ends_with(".html") && *n != "sw.js" && !full(n)).cloned().collect();
    files.extend(["index.html", "init.js"].map(String::from));
    files.sort();
    files.dedup();
    let contents: Vec<Vec<u8>> = files.iter().map(|f| fs::read(dir.join(f)).unwrap_or_default()).collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    write(&dir.join("sw.js"), &publish::service_worker(&publish::short_hash(&refs), &files)?)?;
    minify_in_place(dir, "sw.js", &["--compress", "--mangle", "--toplevel"])?;

    // The pinned copy: the whole site again under v/<version>/, so that an embed can keep this version of the
    // data (its addresses are relative, so the copy works as it is). A host that keeps the older v/ folders
    // when it deploys keeps their embeds as they were.
    copy_site(dir, &dir.join(embed::pinned_dir(ds.version)))
}

/// Copies every file and folder of `from` into `to` (made first), except `v/`, the pinned copies.
fn copy_site(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let (path, name) = (entry.path(), entry.file_name());
        if path.is_dir() {
            if name != "v" {
                copy_site(&path, &to.join(&name))?;
            }
        } else {
            fs::copy(&path, to.join(&name)).map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The images (`img/`), a share page and card per company (`share/`), `oembed.json`, `apple-news.json` and the
/// default view's AMP and newsletter variants (`embed/`). Returns the matrix images' alt text.
fn channels_files(
    dir: &Path,
    ds: &Dataset,
    grid: &Grid,
    public: Option<&str>,
    css: &[String],
) -> Result<String, String> {
    let img = dir.join("img");
    let share = dir.join("share");
    let variants = dir.join("embed");
    for d in [&img, &share, &variants] {
        fs::create_dir_all(d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let alt = ice_matrix_core::words::image_alt(ds, grid);
    for (name, svg) in [
        ("matrix-light", images::matrix(ds, grid, images::LIGHT)),
        ("matrix-dark", images::matrix(ds, grid, images::DARK)),
        ("matrix-phone", images::cards(ds, grid, images::LIGHT)),
        ("card", images::share_card(ds, grid)),
    ] {
        write(&img.join(format!("{name}.svg")), &svg)?;
        write_bytes(&img.join(format!("{name}.png")), &images::png(&svg)?)?;
    }
    write(&img.join("alt.txt"), &format!("{alt}\n"))?;

    let links: Vec<String> = css.iter().map(|s| format!("<link rel=\"stylesheet\" href=\"../{s}\">")).collect();
    for c in grid.rows() {
        let company = &ds.companies[c as usize];
        let svg = images::company_card(ds, grid, c);
        write_bytes(&share.join(format!("{}.png", company.id)), &images::png(&svg)?)?;
        let title = format!("{}: {}", company.name, ds.title);
        let sentence = images::company_sentence(ds, grid, c);
        let (path, image) = (format!("share/{}.html", company.id), format!("share/{}.png", company.id));
        let tags = channels::head_tags(
            ds,
            &Share { title: &title, description: &sentence, path: &path, image: &image, image_alt: &sentence },
            public,
            false,
        );
        let head = format!("{}\n{tags}", links.join("\n"));
        write(
            &share.join(format!("{}.html", company.id)),
            &publish::page_with_head(&title, &head, &channels::company_page_body(ds, grid, c))?,
        )?;
    }

    write(&dir.join("oembed.json"), &channels::oembed(ds, public, 1000))?;
    let (json, atom) = channels::feeds(ds, public, &ice_matrix_datagen::content_hash(ds));
    write(&dir.join("changes.json"), &json)?;
    write(&dir.join("changes.atom"), &atom)?;
    write(&dir.join("apple-news.json"), &channels::apple_news(ds, grid, public, &alt))?;
    let base = public.unwrap_or("./");
    write(
        &variants.join("amp.html"),
        &format!("{}\n", embed::amp(base, "", &embed::Options::default(), ds.title, 720)),
    )?;
    write(&variants.join("newsletter.html"), &format!("{}\n", embed::newsletter(base, "", ds.title, &alt)))?;
    // Beside the widget's own folder: the page is in embed/.
    write(&variants.join("steps.html"), &channels::steps_page(ds, grid, public.unwrap_or("../"))?)?;
    Ok(alt)
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Minifies a script the build wrote itself (the loader, the service worker): both are in the first view's
/// transfer.
fn minify_in_place(dir: &Path, name: &str, args: &[&str]) -> Result<(), String> {
    match minify("terser", args, &dir.join(name))? {
        Some(min) => write(&dir.join(name), &min),
        None => Ok(()),
    }
}
