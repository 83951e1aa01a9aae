//! What the post-build step does to Trunk's output, as functions on text, and the page templates it fills in
//! (`templates/`). It makes `dist/` embeddable, private and usable offline:
//!
//! - moves Trunk's inline loader into `init.js`, so the page runs under a strict Content-Security-Policy
//!   (no `unsafe-inline`, no `unsafe-eval`; only `wasm-unsafe-eval`), which it declares in a meta tag;
//! - puts the first view, rendered by the widget's own components, inside the mount element, so readers see
//!   the matrix before the wasm runs, and readers without JavaScript or WebAssembly see it at all;
//! - writes `sources.html`, the service worker `sw.js`, and `offline.html`, one self-contained file that works
//!   from disk and in a sandboxed frame.

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use ice_matrix_core::html::escape;

/// The policy of the hosted pages.
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'";

/// Where the first view goes in `index.html`: a comment inside the mount element.
pub const FIRST_VIEW_MARKER: &str = "<!-- the first view -->";

const PAGE: &str = include_str!("../templates/page.html");
const INIT: &str = include_str!("../templates/init.js");
const SERVICE_WORKER: &str = include_str!("../templates/sw.js");
const OFFLINE_START: &str = include_str!("../templates/offline-start.js");

/// `template` with each placeholder replaced by its value. Fails when a placeholder is not in the template
/// exactly once, so a template and its caller cannot drift apart silently.
pub fn fill(template: &str, values: &[(&str, &str)]) -> Result<String, String> {
    let mut out = template.to_string();
    for (placeholder, value) in values {
        match out.matches(placeholder).count() {
            1 => out = out.replacen(placeholder, value, 1),
            n => return Err(format!("the template has {placeholder} {n} times, not once")),
        }
    }
    Ok(out)
}

/// `sha256-…` source expression for an inline script or style.
pub fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// A short content hash, for naming and versioning files: 16 hex digits.
pub fn short_hash(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Sets the `integrity` of the element that links `file` in `html` to that of `contents` (Subresource
/// Integrity, as Trunk writes it), after the build has changed the file. None when no element links it
/// with an integrity.
pub fn set_integrity(html: &str, file: &str, contents: &[u8]) -> Option<String> {
    let at = html.find(&format!("href=\"./{file}\""))?;
    let tag_end = at + html[at..].find('>')?;
    let start = at + html[at..tag_end].find("integrity=\"")? + "integrity=\"".len();
    let end = start + html[start..].find('"')?;
    let sri = format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(contents)));
    Some(format!("{}{sri}{}", &html[..start], &html[end..]))
}

/// Splits Trunk's inline `<script type="module">…</script>` out of the page. Returns the page with a
/// `<script type="module" src="./init.js">` in its place, and the script.
pub fn split_loader(html: &str) -> Option<(String, String)> {
    let open = "<script type=\"module\">";
    let start = html.find(open)?;
    let body_start = start + open.len();
    let end = body_start + html[body_start..].find("</script>")?;
    let script = html[body_start..end].trim().to_string();
    let page = format!(
        "{}<script type=\"module\" src=\"./init.js\"></script>{}",
        &html[..start],
        &html[end + "</script>".len()..]
    );
    Some((page, script))
}

/// The page without its HTML comments (notes for whoever edits `index.html`, not for readers' downloads). An
/// unclosed comment is left as it is.
pub fn strip_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        let Some(len) = rest[start..].find("-->") else { break };
        out.push_str(&rest[..start]);
        rest = &rest[start + len + "-->".len()..];
    }
    out.push_str(rest);
    out
}

/// The loader: Trunk's, inside `templates/init.js`, which starts the wasm's download before it waits for the first
/// paint, and gives Trunk's `init` that download in place of the file's address.
pub fn loader(trunk_loader: &str) -> Result<String, String> {
    let key = "module_or_path: '";
    let start = trunk_loader.find(key).ok_or("Trunk's loader does not name the wasm")? + key.len();
    let len = trunk_loader[start..].find('\'').ok_or("Trunk's loader does not name the wasm")?;
    let wasm = &trunk_loader[start..start + len];
    let trunk = trunk_loader.replacen(&format!("{key}{wasm}'"), "module_or_path: wasmResponse", 1);
    fill(INIT, &[("/* WASM_URL */", &format!("'{wasm}'")), ("/* TRUNK_LOADER */", &trunk)])
}

/// Inserts the CSP meta tag right after `<meta charset="utf-8">` (it must come before anything it governs).
pub fn add_csp(html: &str, policy: &str) -> Option<String> {
    let charset = "<meta charset=\"utf-8\">";
    let at = html.find(charset)? + charset.len();
    Some(format!(
        "{}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">{}",
        &html[..at],
        &html[at..]
    ))
}

/// The page with `markup` in place of [`FIRST_VIEW_MARKER`], its `<title>` set to `title`, and `description` (what
/// search engines and link previews show) after it.
pub fn fill_page(html: &str, title: &str, description: &str, markup: &str) -> Result<String, String> {
    let start = html.find("<title>").ok_or("index.html has no <title>")? + "<title>".len();
    let end = start + html[start..].find("</title>").ok_or("index.html has no </title>")?;
    let titled = format!(
        "{}{}</title>\n  <meta name=\"description\" content=\"{}\">{}",
        &html[..start],
        escape(title),
        escape(description),
        &html[end + "</title>".len()..]
    );
    fill(&titled, &[(FIRST_VIEW_MARKER, markup)])
}

/// `sha256sum`'s format: a line per file, the hash in hex, two spaces, the name.
pub fn checksums(files: &[(&str, &[u8])]) -> String {
    use sha2::{Digest, Sha256};
    files
        .iter()
        .map(|(name, bytes)| {
            let hex: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
            format!("{hex}  {name}\n")
        })
        .collect()
}

/// Takes the wasm's preload link out of the page: WebKit does not give a preloaded file to `fetch()`, so Safari
/// downloaded the wasm twice. The loader fetches it instead, as soon as it runs (see [`loader`]).
pub fn drop_wasm_preload(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link rel=\"preload\"") {
        let Some(len) = rest[start..].find('>') else { break };
        let tag = &rest[start..start + len + 1];
        out.push_str(&rest[..start]);
        if !tag.contains("_bg.wasm\"") {
            out.push_str(tag);
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// A whole page around `body`, for `sources.html`, linking the widget's stylesheets.
pub fn page(title: &str, stylesheets: &[String], body: &str) -> Result<String, String> {
    let links: Vec<String> = stylesheets.iter().map(|s| format!("<link rel=\"stylesheet\" href=\"./{s}\">")).collect();
    page_with_head(title, &links.join("\n"), body)
}

/// A whole page under the widget's policy, with `head` (links, share tags) in its head.
pub fn page_with_head(title: &str, head: &str, body: &str) -> Result<String, String> {
    fill(PAGE, &[("{{policy}}", CSP), ("{{title}}", &escape(title)), ("{{head}}", head), ("{{body}}", body)])
}

/// The one-file build: styles, the first view (`mount`, the mount element with the first view in it), the
/// fragments, the JS glue and the wasm (base64) in one page. Its policy allows exactly its own inline script
/// and style by hash, and nothing from anywhere.
pub fn offline_page(
    title: &str,
    css: &str,
    mount: &str,
    fragments: &str,
    glue: &str,
    wasm: &[u8],
) -> Result<String, String> {
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    // The glue is an ES module: inline, its exports are harmless and `__wbg_init` is in scope.
    let script = format!("{glue}\n{}", fill(OFFLINE_START, &[("__WASM__", &b64)])?);
    let policy = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        csp_hash(&script),
        csp_hash(css)
    );
    let body = format!(
        "{mount}\n<template id=\"im-fragments\">{}</template>\n<script type=\"module\">{script}</script>",
        escape(fragments)
    );
    fill(
        PAGE,
        &[
            ("{{policy}}", &policy),
            ("{{title}}", &escape(title)),
            ("{{head}}", &format!("<style>{css}</style>")),
            ("{{body}}", &body),
        ],
    )
}

/// The service worker for a version of the site and the files to keep at install.
pub fn service_worker(version: &str, files: &[String]) -> Result<String, String> {
    let list: Vec<String> = std::iter::once("./".to_string()).chain(files.iter().map(|f| format!("./{f}"))).collect();
    let list =
        format!("[{}]", list.iter().map(|f| ice_matrix_core::html::json_string(f)).collect::<Vec<_>>().join(", "));
    fill(SERVICE_WORKER, &[("__VERSION__", version), ("__FILES__", &list)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_leave_the_page_and_the_rest_stays() {
        assert_eq!(
            strip_comments("<head><!-- a\nnote --><title>t</title><!--b--></head>"),
            "<head><title>t</title></head>"
        );
        assert_eq!(strip_comments("no comments"), "no comments");
        assert_eq!(strip_comments("<p>x</p><!-- unclosed"), "<p>x</p><!-- unclosed");
    }

    #[test]
    fn the_wasm_is_fetched_by_the_loader_not_preloaded() {
        let html = "<link rel=\"stylesheet\" href=\"a.css\"><link rel=\"preload\" href=\"./x_bg.wasm\" as=\"fetch\">\
                    <link rel=\"preload\" href=\"font.woff2\" as=\"font\">";
        let out = drop_wasm_preload(html);
        assert_eq!(
            out,
            "<link rel=\"stylesheet\" href=\"a.css\"><link rel=\"preload\" href=\"font.woff2\" as=\"font\">"
        );
        let trunk =
            "import init, * as bindings from './x.js';\nconst wasm = await init({ module_or_path: './x_bg.wasm' });";
        let js = loader(trunk).unwrap();
        assert!(js.contains("fetch('./x_bg.wasm'"), "{js}");
        assert!(js.contains("await init({ module_or_path: wasmResponse })"), "{js}");
        assert!(
            js.find("fetch('./x_bg.wasm'").unwrap() < js.find("requestAnimationFrame").unwrap(),
            "the download starts first"
        );
        assert!(loader("no wasm here").is_err());
    }

    #[test]
    fn an_integrity_follows_the_files_new_contents() {
        let html = "<link rel=\"modulepreload\" href=\"./a.js\" crossorigin=\"anonymous\" integrity=\"sha384-old\">\n\
                    <link rel=\"preload\" href=\"./a_bg.wasm\" integrity=\"sha384-keep\">";
        let out = set_integrity(html, "a.js", b"x").unwrap();
        // sha384("x"), as `openssl dgst -sha384 -binary | base64` gives it.
        assert!(
            out.contains("integrity=\"sha384-11LCxR+6DimqGQVwqdQlPkQHegWNMpf6OlYw1b0BJiL5fCisrtMTtcg7uZDKp9qF\">"),
            "{out}"
        );
        assert!(out.contains("sha384-keep"), "other files keep theirs");
        assert_eq!(set_integrity(html, "b.js", b"x"), None);
    }

    const TRUNK: &str = "<!doctype html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  <title>T</title>\n\
        <script type=\"module\">\nimport init from './a.js';\nawait init({ module_or_path: './a_bg.wasm' });\n</script>\n</head>\n<body>\n  \
        <main id=\"ice-matrix\"><!-- the first view --></main>\n</body>\n</html>";

    #[test]
    fn the_inline_loader_moves_to_a_file_after_the_first_paint() {
        let (page, script) = split_loader(TRUNK).unwrap();
        assert_eq!(script, "import init from './a.js';\nawait init({ module_or_path: './a_bg.wasm' });");
        assert!(page.contains("<script type=\"module\" src=\"./init.js\"></script>"));
        assert!(!page.contains("await init"));
        assert_eq!(split_loader("<html></html>"), None);
        let init = loader(&script).unwrap();
        let (paint, start, sw) = (
            init.find("requestAnimationFrame").unwrap(),
            init.find("await init({ module_or_path: wasmResponse })").unwrap(),
            init.find("sw.js").unwrap(),
        );
        assert!(paint < start && start < sw, "{init}");
    }

    #[test]
    fn the_policy_goes_first_in_the_head_and_the_first_view_into_the_mount() {
        let page = add_csp(TRUNK, CSP).unwrap();
        assert!(page.find("Content-Security-Policy").unwrap() < page.find("<title>").unwrap());
        let filled = fill_page(&page, "A & B", "Which \"C\"?", "<table>m</table>").unwrap();
        assert!(filled.contains("<main id=\"ice-matrix\"><table>m</table></main>"), "{filled}");
        assert!(
            filled.contains("<title>A &amp; B</title>\n  <meta name=\"description\" content=\"Which &quot;C&quot;?\">"),
            "{filled}"
        );
        assert!(fill_page("<title></title>", "T", "D", "x").is_err(), "a page without the marker is refused");
    }

    #[test]
    fn the_hosted_policy_forbids_inline_code_and_eval() {
        assert!(!CSP.contains("unsafe-inline") && !CSP.contains("'unsafe-eval'"));
        assert!(CSP.contains("'wasm-unsafe-eval'"));
    }

    #[test]
    fn the_offline_page_allows_exactly_its_own_inline_code() {
        let page = offline_page(
            "T",
            "body{}",
            "<main>v</main>",
            "a</template>b",
            "async function __wbg_init(x) {}",
            &[0, 97, 115, 109],
        )
        .unwrap();
        let script = &page[page.find("<script type=\"module\">").unwrap() + 22..page.rfind("</script>").unwrap()];
        assert!(page.contains(&csp_hash(script)));
        assert!(page.contains(&csp_hash("body{}")));
        assert!(page.contains("AGFzbQ=="), "the wasm bytes, base64");
        assert!(!page.contains("unsafe-inline"));
        assert!(
            page.contains("<template id=\"im-fragments\">a&lt;/template&gt;b</template>"),
            "the fragments, escaped"
        );
    }

    #[test]
    fn the_service_worker_versions_its_cache_and_lists_its_files() {
        let sw = service_worker("abc123", &["index.html".into(), "app-0123456789abcdef.js".into()]).unwrap();
        assert!(sw.contains("const CACHE = 'ice-matrix-' + 'abc123' + SCOPE;"));
        assert!(sw.contains("const FILES = [\"./\", \"./index.html\", \"./app-0123456789abcdef.js\"];"), "{sw}");
        assert_ne!(short_hash(&[b"a"]), short_hash(&[b"b"]));
        assert_eq!(short_hash(&[b"a"]).len(), 16);
    }

    #[test]
    fn a_placeholder_must_be_in_the_template_once() {
        assert_eq!(fill("a {{x}} b", &[("{{x}}", "1")]).unwrap(), "a 1 b");
        assert!(fill("a b", &[("{{x}}", "1")]).is_err());
        assert!(fill("{{x}}{{x}}", &[("{{x}}", "1")]).is_err());
    }
}
