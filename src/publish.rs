//! The last build step, after Trunk has written its files (native only; run by the `assets` tool as
//! Trunk's post-build hook). It makes `dist/` embeddable, private and usable offline:
//!
//! - moves Trunk's inline loader into `init.js`, so the page runs under a strict Content-Security-Policy
//!   (no `unsafe-inline`, no `unsafe-eval`; only `wasm-unsafe-eval`), which it declares in a meta tag;
//! - puts the first view, as static markup, inside the mount element, so readers see the matrix before
//!   the wasm runs, and readers without JavaScript or WebAssembly see it at all;
//! - writes `sources.html` (every event and its sources, linked from that markup), `sw.js` (a service
//!   worker that keeps the files for offline use and replaces them cleanly on a new version), and
//!   `offline.html`, one self-contained file that works from disk and in a sandboxed frame.

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::embed::escape;

/// The policy of the hosted page.
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'";

/// The mount element's opening tag in `index.html`.
const MOUNT: &str = "<div id=\"ice-matrix\">";

/// `sha256-…` source expression for an inline script or style.
pub fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
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

/// A short content hash, for versioning the offline cache.
pub fn short_hash(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Splits Trunk's inline `<script type="module">…</script>` out of the page. Returns the page with a
/// `<script type="module" src="./init.js">` in its place, and the script.
pub fn split_loader(html: &str) -> Option<(String, String)> {
    let open = "<script type=\"module\">";
    let start = html.find(open)?;
    let body_start = start + open.len();
    let end = body_start + html[body_start..].find("</script>")?;
    let script = html[body_start..end].trim().to_string();
    let page = format!("{}<script type=\"module\" src=\"./init.js\"></script>{}", &html[..start], &html[end + "</script>".len()..]);
    Some((page, script))
}

/// Inserts the CSP meta tag right after `<meta charset="utf-8">` (it must come before anything it governs).
pub fn add_csp(html: &str, policy: &str) -> Option<String> {
    let charset = "<meta charset=\"utf-8\">";
    let at = html.find(charset)? + charset.len();
    Some(format!("{}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">{}", &html[..at], &html[at..]))
}

/// Replaces whatever is inside the mount element with `markup`.
pub fn fill_mount(html: &str, markup: &str) -> Option<String> {
    let start = html.find(MOUNT)? + MOUNT.len();
    let body_end = html.rfind("</body>")?;
    let end = html[..body_end].rfind("</div>")?;
    (end >= start).then(|| format!("{}{markup}{}", &html[..start], &html[end..]))
}

/// Put before the loader's body (its import declarations are hoisted, so they still load first): the first view is already markup, so
/// let it paint before the wasm is compiled and run, which on a small device competes with that first paint
/// for the CPU. A timeout bounds the wait where frames are not produced (a hidden tab).
pub const AFTER_FIRST_PAINT: &str = "await new Promise((ok) => { requestAnimationFrame(() => setTimeout(ok, 0)); setTimeout(ok, 100); });\n";

/// Registers the service worker where that is possible (not from disk, not in an opaque-origin frame).
pub const SW_REGISTRATION: &str = "\ntry { if ('serviceWorker' in navigator && location.protocol.startsWith('http')) \
    navigator.serviceWorker.register('./sw.js').catch(() => {}); } catch (e) {}\n";

/// The service worker. Files with a content hash in their name are served from the cache first; the
/// page and the other files from the network first, falling back to the cache offline. A new version
/// gets a new cache and deletes the old one when it activates.
pub fn service_worker(version: &str, files: &[String]) -> String {
    let list: Vec<String> = files.iter().map(|f| format!("'./{f}'")).collect();
    format!(
        "// Generated by the ice-matrix build. Keeps the widget's own files for offline use: the first\n\
         // view's at install, anything else once it has been fetched.\n\
         const CACHE = 'ice-matrix-{version}';\n\
         const FILES = ['./', {list}];\n\
         const HASHED = /-[0-9a-f]{{16}}(_bg)?\\.(js|wasm|css)$/;\n\
         self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));\n\
         self.addEventListener('activate', (e) => e.waitUntil(caches.keys()\n  \
           .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ice-matrix-') && k !== CACHE).map((k) => caches.delete(k))))\n  \
           .then(() => self.clients.claim())));\n\
         self.addEventListener('fetch', (e) => {{\n  \
           const url = new URL(e.request.url);\n  \
           if (e.request.method !== 'GET' || url.origin !== location.origin) return;\n  \
           if (HASHED.test(url.pathname)) {{\n    \
             e.respondWith(caches.match(e.request).then((hit) => hit || fetch(e.request)));\n    \
             return;\n  \
           }}\n  \
           e.respondWith(fetch(e.request).then((res) => {{\n    \
             if (res.ok) {{ const copy = res.clone(); caches.open(CACHE).then((c) => c.put(e.request, copy)); }}\n    \
             return res;\n  \
           }}).catch(() => caches.match(e.request, {{ ignoreSearch: true }})\n    \
             .then((hit) => hit || (e.request.mode === 'navigate' ? caches.match('./index.html') : Response.error()))));\n\
         }});\n",
        list = list.join(", ")
    )
}

/// A whole page around `body`, for `sources.html`.
pub fn page(title: &str, stylesheets: &[String], body: &str) -> String {
    let links: String = stylesheets.iter().map(|s| format!("<link rel=\"stylesheet\" href=\"./{s}\">")).collect();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"icon\" href=\"data:,\">\n\
         <title>{}</title>\n{links}\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        escape(title)
    )
}

/// The one-file build: styles, the first view, the JS glue and the wasm (base64) in one page. Its
/// policy allows exactly its own inline script and style by hash, and nothing from anywhere.
pub fn offline_page(title: &str, css: &str, first_view: &str, texts: &str, glue: &str, wasm: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    // The glue is an ES module: inline, its exports are harmless and `__wbg_init` is in scope.
    let script = format!(
        "{glue}\nconst bytes = Uint8Array.from(atob(\"{b64}\"), (c) => c.charCodeAt(0));\nawait __wbg_init({{ module_or_path: bytes }});\n"
    );
    let policy = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        csp_hash(&script),
        csp_hash(css)
    );
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"icon\" href=\"data:,\">\n\
         <title>{}</title>\n<style>{css}</style>\n</head>\n<body>\n{MOUNT}{first_view}</div>\n\
         <template id=\"im-texts\">{}</template>\n<script type=\"module\">{script}</script>\n</body>\n</html>\n",
        escape(title),
        escape(texts)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_integrity_follows_the_files_new_contents() {
        let html = "<link rel=\"modulepreload\" href=\"./a.js\" crossorigin=\"anonymous\" integrity=\"sha384-old\">\n\
                    <link rel=\"preload\" href=\"./a_bg.wasm\" integrity=\"sha384-keep\">";
        let out = set_integrity(html, "a.js", b"x").unwrap();
        // sha384("x"), as `openssl dgst -sha384 -binary | base64` gives it.
        assert!(out.contains("integrity=\"sha384-11LCxR+6DimqGQVwqdQlPkQHegWNMpf6OlYw1b0BJiL5fCisrtMTtcg7uZDKp9qF\">"), "{out}");
        assert!(out.contains("sha384-keep"), "other files keep theirs");
        assert_eq!(set_integrity(html, "b.js", b"x"), None);
    }

    const TRUNK: &str = "<!doctype html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  <title>T</title>\n\
        <script type=\"module\">\nimport init from './a.js';\nawait init();\n</script>\n</head>\n<body>\n  \
        <div id=\"ice-matrix\">\n    <noscript>x</noscript>\n  </div>\n</body>\n</html>";

    #[test]
    fn the_inline_loader_moves_to_a_file() {
        let (page, script) = split_loader(TRUNK).unwrap();
        assert_eq!(script, "import init from './a.js';\nawait init();");
        assert!(page.contains("<script type=\"module\" src=\"./init.js\"></script>"));
        assert!(!page.contains("await init"));
        assert_eq!(split_loader("<html></html>"), None);
    }

    #[test]
    fn the_policy_goes_first_in_the_head_and_the_first_view_into_the_mount() {
        let page = add_csp(TRUNK, CSP).unwrap();
        let csp_at = page.find("Content-Security-Policy").unwrap();
        assert!(csp_at < page.find("<title>").unwrap());
        let filled = fill_mount(&page, "<table>m</table>").unwrap();
        assert!(filled.contains("<div id=\"ice-matrix\"><table>m</table></div>"), "{filled}");
        assert!(!filled.contains("noscript"));
    }

    #[test]
    fn the_hosted_policy_forbids_inline_code_and_eval() {
        assert!(!CSP.contains("unsafe-inline") && !CSP.contains("'unsafe-eval'"));
        assert!(CSP.contains("'wasm-unsafe-eval'"));
    }

    #[test]
    fn the_offline_page_allows_exactly_its_own_inline_code() {
        let page = offline_page("T", "body{}", "<p>v</p>", "a</template>b", "async function __wbg_init(x) {}", &[0, 97, 115, 109]);
        let script = &page[page.find("<script type=\"module\">").unwrap() + 22..page.rfind("</script>").unwrap()];
        assert!(page.contains(&csp_hash(script)));
        assert!(page.contains(&csp_hash("body{}")));
        assert!(page.contains("AGFzbQ=="), "the wasm bytes, base64");
        assert!(!page.contains("unsafe-inline"));
        assert!(page.contains("<template id=\"im-texts\">a&lt;/template&gt;b</template>"), "the texts, escaped");
    }

    #[test]
    fn the_service_worker_versions_its_cache() {
        let sw = service_worker("abc123", &["index.html".into(), "app-0123456789abcdef.js".into()]);
        assert!(sw.contains("const CACHE = 'ice-matrix-abc123';"));
        assert!(sw.contains("'./app-0123456789abcdef.js'"));
        assert!(sw.contains("caches.delete"));
        assert_ne!(short_hash(&[b"a"]), short_hash(&[b"b"]));
    }
}
