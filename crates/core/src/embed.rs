//! Embedding, as pure logic: the options a host sets in the query string, the resize messages in each
//! dialect that newsroom hosts already listen for, pym.js parsing, the host API's messages (`ready`, `view`,
//! `set-view`), and the embed code for a view.
//! The browser side (ResizeObserver, postMessage, clipboard) is in the widget's `browser.rs`.

use crate::html::escape;
use crate::model::Dataset;
use crate::state::ViewState;

/// Colour theme: follow the reader's system setting, or force one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The theme a `theme=` value names, if any.
    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// What the host page asked for in the widget's URL query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `theme=light|dark|auto`
    pub theme: Theme,
    /// `bg=transparent`: let the article's background show through.
    pub transparent: bool,
    /// `header=0`: the article already has a headline.
    pub hide_header: bool,
    /// `compat=dw`: also send Datawrapper's height message.
    pub datawrapper: bool,
    /// `childId=…`: a pym.js parent created the frame; answer in pym's dialect.
    pub pym_id: Option<String>,
    /// `rows=N` (1 to 999): show the first N companies, then a "Show more" button, for a compact embed.
    /// Absent: [`crate::grid::ROW_LIMIT`].
    pub rows: Option<u16>,
    /// `#?secret=…` after the hash: WordPress embedded the widget and resizes it by its own message.
    pub wp_secret: Option<String>,
}

impl Options {
    /// Reads a query string (with or without `?`). Unknown keys and values are ignored.
    pub fn from_query(query: &str) -> Options {
        let mut o = Options::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match (k, v) {
                ("theme", t) => o.theme = Theme::from_key(t).unwrap_or(o.theme),
                ("bg", "transparent") => o.transparent = true,
                ("header", "0") => o.hide_header = true,
                ("compat", "dw") => o.datawrapper = true,
                ("childId", id) if is_token(id) => o.pym_id = Some(id.to_string()),
                ("rows", n) => o.rows = n.parse::<u16>().ok().filter(|n| (1..1000).contains(n)),
                _ => {}
            }
        }
        o
    }

    /// The query string for these options ("" for the defaults), pym's id left out: pym adds its own.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.theme != Theme::Auto {
            parts.push(format!("theme={}", self.theme.key()));
        }
        if self.transparent {
            parts.push("bg=transparent".to_string());
        }
        if self.hide_header {
            parts.push("header=0".to_string());
        }
        if self.datawrapper {
            parts.push("compat=dw".to_string());
        }
        if let Some(n) = self.rows {
            parts.push(format!("rows={n}"));
        }
        if parts.is_empty() { String::new() } else { format!("?{}", crate::words::join(&parts, "&")) }
    }
}

/// Ids travel inside messages and markup: keep them to a safe alphabet.
fn is_token(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// One message to the parent window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// A string message (embed.ly/Medium JSON, pym).
    Text(String),
    /// AMP: `{sentinel: "amp", type: "embed-size", height}`.
    AmpEmbedSize(u32),
    /// Datawrapper: `{"datawrapper-height": {id: height}}`.
    DatawrapperHeight(String, u32),
    /// WordPress (`wp-embed.js`): `{secret, message: "height" | "link", value}`.
    WordPress { secret: String, message: &'static str, value: String },
    /// To the host page's own script: `{type: "ice-matrix:<kind>", …fields}`, each field a string or null.
    Host { kind: &'static str, fields: Vec<(&'static str, Option<String>)> },
}

/// The `type` of every message between the widget and the host page's own script starts with this.
pub const HOST_TYPE: &str = "ice-matrix:";

/// What the host is told of a view: the link's hash without `#` (`view`), and the open cell's and company's ids.
fn view_fields(ds: &Dataset, state: &ViewState, hash: &str) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("view", Some(hash.trim_start_matches('#').to_string())),
        ("cell", state.open.map(|at| at.anchor(ds))),
        ("company", state.company.map(|c| ds.companies[c as usize].id.to_string())),
    ]
}

/// `ice-matrix:ready`, once the live widget runs: the data's version and the view on screen.
pub fn ready_message(ds: &Dataset, state: &ViewState, hash: &str) -> Message {
    let mut fields = vec![("version", Some(ds.version.to_string()))];
    fields.extend(view_fields(ds, state, hash));
    Message::Host { kind: "ready", fields }
}

/// `ice-matrix:view`, on every change of view, by the reader or by a command.
pub fn view_message(ds: &Dataset, state: &ViewState, hash: &str) -> Message {
    Message::Host { kind: "view", fields: view_fields(ds, state, hash) }
}

/// The view a host's command asks for: `{type: "ice-matrix:set-view", view: "cell=…"}`, as a hash to open as a
/// link would; None for any other message.
pub fn set_view_command(kind: &str, view: &str) -> Option<String> {
    let kind = kind.strip_prefix(HOST_TYPE)?;
    (kind == "set-view").then(|| format!("#{}", view.trim_start_matches('#')))
}

/// The frame's address as its height messages name it (embed.ly's `src`): without the hash, which holds the
/// reader's view and search text.
pub fn message_src(href: &str) -> &str {
    href.split('#').next().unwrap_or(href)
}

/// Everything to send when the widget's height becomes `height`.
pub fn resize_messages(height: u32, href: &str, o: &Options) -> Vec<Message> {
    let mut out = vec![
        Message::AmpEmbedSize(height),
        Message::Text(format!(
            "{{\"src\":{},\"context\":\"iframe.resize\",\"height\":{height}}}",
            crate::html::json_string(href)
        )),
    ];
    if let Some(id) = &o.pym_id {
        out.push(Message::Text(format!("pymxPYMx{id}xPYMxheightxPYMx{height}")));
    }
    if o.datawrapper {
        out.push(Message::DatawrapperHeight("ice-matrix".to_string(), height));
    }
    if let Some(secret) = &o.wp_secret {
        // WordPress clamps the frame to 200-1000 px; above that the widget scrolls inside its frame.
        out.push(Message::WordPress { secret: secret.clone(), message: "height", value: height.to_string() });
    }
    out
}

/// WordPress embeds a URL it does not trust in a frame whose address it suffixes with `#?secret=…` (after the
/// widget's own hash, if any). Returns the widget's own hash and the secret, if there is a well-formed one.
pub fn split_wp_secret(hash: &str) -> (&str, Option<String>) {
    // By bytes, not `find("?secret=")`: a string pattern compiles a substring searcher into the wasm.
    const MARK: &[u8] = b"?secret=";
    let Some(at) = hash.as_bytes().windows(MARK.len()).position(|w| w == MARK) else { return (hash, None) };
    let own = hash[..at].trim_end_matches('#');
    let secret = &hash[at + "?secret=".len()..];
    let secret = secret.split(['&', '#']).next().unwrap_or("");
    (own, Some(secret.to_string()).filter(|s| is_token(s)))
}

/// The message that asks WordPress to open `url` (it opens only addresses on the frame's own host, in the top
/// window): how a reader leaves a frame sandboxed without popups.
pub fn wp_link(secret: &str, url: &str) -> Message {
    Message::WordPress { secret: secret.to_string(), message: "link", value: url.to_string() }
}

/// The message `embed.js` sends a frame it finds, to ask for the widget's height: a frame whose loader came late
/// still gets sized, since the widget otherwise announces only changes.
pub const HEIGHT_REQUEST: &str = "ice-matrix:height?";

/// True when `data` asks for the widget's current height: `embed.js`'s request, or pym's `width` message for our
/// frame.
pub fn asks_height(data: &str, o: &Options) -> bool {
    data == HEIGHT_REQUEST || is_pym_width(data, o)
}

/// True when an object message's `message` and `secret` are wp-embed.js's `ready` for this frame: WordPress
/// sends it once its script runs, in case the frame spoke first, and waits for a height to show the frame.
pub fn is_wp_ready(message: &str, secret: &str, o: &Options) -> bool {
    message == "ready" && o.wp_secret.as_deref() == Some(secret)
}

/// True when `data` is pym's `width` message for our frame (the parent asks for our height).
pub fn is_pym_width(data: &str, o: &Options) -> bool {
    let Some(id) = &o.pym_id else { return false };
    // By prefix, not `split("xPYMx")`: a string pattern compiles a substring searcher into the wasm.
    let rest = data.strip_prefix("pymxPYMx").and_then(|r| r.strip_prefix(id.as_str()));
    rest.and_then(|r| r.strip_prefix("xPYMxwidth")).is_some_and(|r| r.is_empty() || r.starts_with("xPYMx"))
}

/// The iframe sandbox the widget works under: scripts, its own origin (for its files and the offline
/// cache), links that open in a new tab, and downloads.
pub const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads";

/// The default view's height at one frame width, as measured in a browser (`scripts/measure-heights`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameHeight {
    pub width: u16,
    pub height: u32,
}

/// What an editor pastes into the article for the view they are looking at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub iframe: String,
    pub loader: String,
    pub csp: String,
}

/// The class of the box the embed code wraps the frame in when it reserves the frame's height.
pub const BOX_CLASS: &str = "ice-matrix-frame";

/// `base` is the widget's address without query or hash (ending in `/` or a file name), `hash` the
/// current view's hash, `title` the frame's accessible name, `heights` the default view's measured heights
/// (widths ascending). For the default view the code reserves those heights ([`reserve_css`]), so the article
/// does not move while the widget loads; other views start at 720 px and size themselves.
pub fn snippet(base: &str, hash: &str, o: &Options, title: &str, heights: &[FrameHeight]) -> Snippet {
    let url = format!("{base}{}{hash}", o.to_query());
    let origin = origin_of(base);
    // The measurements are of the default view with its headline, at every row: nothing else matches them.
    let reserve = !heights.is_empty() && hash.is_empty() && !o.hide_header && o.rows.is_none();
    // Without container queries (iOS Safari before 16) the attribute is all there is: a phone's height.
    let fallback = if reserve { height_at(heights, 390) } else { 720 };
    let frame = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{fallback}\" style=\"width:1px;min-width:100%\" \
         loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\" sandbox=\"{SANDBOX}\" \
         allow=\"clipboard-write; web-share\" frameborder=\"0\" data-ice-matrix></iframe>",
        escape(&url),
        escape(title)
    );
    Snippet {
        iframe: if reserve {
            format!("<div class=\"{BOX_CLASS}\"><style>{}</style>{frame}</div>", reserve_css(heights))
        } else {
            frame
        },
        loader: format!("<script src=\"{}\" async></script>", escape(&beside(base, "embed.js"))),
        csp: format!("frame-src {origin}; script-src {origin}"),
    }
}

/// The AMP variant: an `amp-iframe` (AMP accepts one near the top of a page only with a placeholder), resizable
/// by the widget's `embed-size` messages, with the `overflow` button AMP requires for that and the build's PNG
/// of the matrix as its placeholder. AMP frames must be https and on another origin than the AMP page. `height`
/// is the starting height (AMP then resizes on the reader's tap of "Show all").
pub fn amp(base: &str, hash: &str, o: &Options, title: &str, height: u32) -> String {
    let url = format!("{base}{}{hash}", o.to_query());
    format!(
        "<amp-iframe src=\"{}\" title=\"{}\" height=\"{height}\" layout=\"fixed-height\" resizable \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" frameborder=\"0\">\
         <amp-img placeholder layout=\"fill\" src=\"{}\" alt=\"\"></amp-img>\
         <div overflow tabindex=\"0\" role=\"button\" aria-label=\"Show all\">Show all</div></amp-iframe>",
        escape(&url),
        escape(title),
        escape(&beside(base, "img/matrix-light.png"))
    )
}

/// The newsletter and feed variant: the build's PNG of the matrix with its alt text, linked to the view.
pub fn newsletter(base: &str, hash: &str, title: &str, alt: &str) -> String {
    format!(
        "<a href=\"{}\"><img src=\"{}\" width=\"600\" alt=\"{}\" style=\"display:block;max-width:100%;height:auto;border:0\"></a>\
         <p><a href=\"{}\">{}</a></p>",
        escape(&format!("{base}{hash}")),
        escape(&beside(base, "img/matrix-light.png")),
        escape(alt),
        escape(&format!("{base}{hash}")),
        escape(title)
    )
}

/// The measured height at `width`, straight between the two nearest measurements (the first or last beyond
/// them). `heights` is not empty, widths ascending. Integer arithmetic: float formatting and parsing would cost
/// the wasm about 10 KiB.
pub fn height_at(heights: &[FrameHeight], width: u16) -> u32 {
    let after = heights.iter().position(|h| h.width >= width).unwrap_or(heights.len());
    match (after.checked_sub(1).map(|i| heights[i]), heights.get(after).copied()) {
        (_, Some(b)) if b.width == width => b.height,
        (Some(a), Some(b)) => {
            let (dw, t) = (i64::from(b.width - a.width), i64::from(width - a.width));
            let dh = i64::from(b.height) - i64::from(a.height);
            (i64::from(a.height) + (dh * t * 2 + dw).div_euclid(dw * 2)) as u32
        }
        (Some(only), None) | (None, Some(only)) => only.height,
        (None, None) => 720,
    }
}

/// A style sheet that gives the frame, by its own width, the height measured there: the frame's box is a size
/// container, and between two measured widths the height runs straight from one to the other (`cqw`, with the
/// slope as a fraction of whole numbers). It needs no script, so the height is right from the host's first
/// paint, before the widget has loaded.
pub fn reserve_css(heights: &[FrameHeight]) -> String {
    let sel = format!(".{BOX_CLASS}>iframe");
    let Some(first) = heights.first() else { return String::new() };
    let mut css = format!(".{BOX_CLASS}{{container-type:inline-size}}{sel}{{height:{}px}}", first.height);
    for pair in heights.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let dh = i64::from(b.height) - i64::from(a.height);
        let height = if dh == 0 {
            format!("{}px", a.height)
        } else {
            format!("calc({}px + (100cqw - {}px) * {dh} / {})", a.height, a.width, b.width - a.width)
        };
        css.push_str(&format!("@container (min-width:{}px){{{sel}{{height:{height}}}}}", a.width));
    }
    if let Some(last) = heights.last().filter(|_| heights.len() > 1) {
        css.push_str(&format!("@container (min-width:{}px){{{sel}{{height:{}px}}}}", last.width, last.height));
    }
    css
}

/// `scheme://host[:port]` of a URL, or the URL itself when it has none (a `file:` path, say).
pub fn origin_of(url: &str) -> String {
    // A char pattern, not "://": a string pattern compiles a substring searcher into the wasm.
    match url.split_once(':').and_then(|(scheme, rest)| Some((scheme, rest.strip_prefix("//")?))) {
        Some((scheme, rest)) => format!("{scheme}://{}", rest.split('/').next().unwrap_or("")),
        None => url.to_string(),
    }
}

/// The folder, beside the widget, that every build also writes the whole site to, so that an embed can pin a
/// version of the data: `v/<version>/`.
pub fn pinned_dir(version: &str) -> String {
    format!("v/{version}/")
}

/// The widget's folder for an embed: pinned to `version` (its [`pinned_dir`]) or always current. `base` is the
/// address the widget is at now, which may itself be a pinned copy.
pub fn versioned(base: &str, version: &str, pin: bool) -> String {
    let dir = beside(base, "");
    // Out of this version's pinned copy: ".../v/0.2.0/" is ".../" (a folder of the host's own named v/… is not).
    let root = match dir.strip_suffix(&pinned_dir(version)) {
        Some(root) if root.ends_with('/') || root.is_empty() => root.to_string(),
        _ => dir,
    };
    if pin { format!("{root}{}", pinned_dir(version)) } else { root }
}

/// The address of a file next to `base` (a folder ending in `/`, or a file whose folder is meant).
fn beside(base: &str, file: &str) -> String {
    match base.rfind('/') {
        Some(i) => format!("{}{file}", &base[..=i]),
        None => file.to_string(),
    }
}
