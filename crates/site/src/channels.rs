//! Where the article goes besides the open web: the tags a shared link unfurls with, a small page per company
//! for sharing one row, oEmbed for WordPress, and the variants of the embed code for AMP, Apple News and
//! newsletters. All are written at build time from the data.
//!
//! Absolute addresses need the address the widget is published at, `ICE_MATRIX_PUBLIC_URL` (for example
//! `https://graphics.example.org/ice-matrix/`). Without it the tags that must be absolute (`og:image`, `og:url`,
//! the canonical link, oEmbed discovery) are left out rather than written wrong.

use ice_matrix_core::grid::{CellRef, Grid};
use ice_matrix_core::html::{escape, json_string};
use ice_matrix_core::model::{Dataset, Date, Release};

use ice_matrix_core::{embed, words};

use crate::images::{self, CARD};
use crate::publish;

/// The published address, ending in `/`, if the build was told it.
pub fn public_url() -> Option<String> {
    let url = std::env::var("ICE_MATRIX_PUBLIC_URL").ok()?.trim().to_string();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return None;
    }
    Some(if url.ends_with('/') { url } else { format!("{url}/") })
}

/// What a page's share tags say.
pub struct Share<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The page's path under the public address ("" for the widget itself).
    pub path: &'a str,
    /// The card's path under the public address.
    pub image: &'a str,
    pub image_alt: &'a str,
}

/// The Open Graph and Twitter tags, the canonical link and, for the widget, the oEmbed discovery link and the
/// dataset's description for search engines (schema.org `Dataset`, with `dateModified`).
pub fn head_tags(ds: &Dataset, s: &Share, public: Option<&str>, widget: bool) -> String {
    let mut t = vec![
        meta("og:type", "website"),
        meta("og:title", s.title),
        meta("og:description", s.description),
        meta("og:site_name", ds.title),
        name("twitter:card", "summary_large_image"),
        name("twitter:title", s.title),
        name("twitter:description", s.description),
        meta("article:modified_time", &ds.updated.iso()),
    ];
    if let Some(base) = public {
        let image = format!("{base}{}", s.image);
        t.extend([
            meta("og:url", &format!("{base}{}", s.path)),
            meta("og:image", &image),
            meta("og:image:width", &CARD.0.to_string()),
            meta("og:image:height", &CARD.1.to_string()),
            meta("og:image:alt", s.image_alt),
            name("twitter:image", &image),
            name("twitter:image:alt", s.image_alt),
            format!("<link rel=\"canonical\" href=\"{}\">", escape(&format!("{base}{}", s.path))),
        ]);
        if widget {
            t.push(format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
                escape(&format!("{base}oembed.json")),
                escape(ds.title)
            ));
        }
    }
    if widget {
        t.push(format!(
            "<link rel=\"alternate\" type=\"application/feed+json\" href=\"changes.json\" title=\"{}: what changed\">",
            escape(ds.title)
        ));
        t.push(format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"changes.atom\" title=\"{}: what changed\">",
            escape(ds.title)
        ));
        // A data block, not a script: no policy governs it, and nothing runs it.
        t.push(format!(
            "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"Dataset\",\"name\":{},\
             \"description\":{},\"version\":{},\"dateModified\":{},\"identifier\":{}{}}}</script>",
            json_string(ds.title),
            json_string(ds.question),
            json_string(ds.version),
            json_string(&ds.updated.iso()),
            json_string(&format!("sha256:{}", ice_matrix_datagen::content_hash(ds))),
            public.map(|b| format!(",\"url\":{}", json_string(b))).unwrap_or_default()
        ));
    }
    t.join("\n")
}

fn meta(property: &str, content: &str) -> String {
    format!("<meta property=\"{property}\" content=\"{}\">", escape(content))
}

fn name(name: &str, content: &str) -> String {
    format!("<meta name=\"{name}\" content=\"{}\">", escape(content))
}

/// The cell that stands for a company in a link: the one with the most events (the first such in column order).
pub fn company_cell(grid: &Grid, company: u16) -> Option<CellRef> {
    grid.row(company)
        .max_by_key(|&(p, cell)| (cell.events.len(), std::cmp::Reverse(p)))
        .map(|(pressure, _)| CellRef { company, pressure })
}

/// The body of a company's share page: its card, its sentence and the way into the tracker.
pub fn company_page_body(ds: &Dataset, grid: &Grid, company: u16) -> String {
    let c = &ds.companies[company as usize];
    let sentence = images::company_sentence(ds, grid, company);
    let open =
        company_cell(grid, company).map(|at| format!("../#cell={}", at.anchor(ds))).unwrap_or_else(|| "../".into());
    format!(
        "<main class=\"im\"><h1 class=\"im-title\">{}</h1><p class=\"im-question\">{}</p>\
         <p><img src=\"{}.png\" width=\"{}\" height=\"{}\" alt=\"{}\" style=\"max-width:100%;height:auto\"></p>\
         <p class=\"im-summary-line\">{}</p><p><a href=\"{}\">{}</a> · <a href=\"../sources.html\">{}</a></p></main>",
        escape(&format!("{}: {}", c.name, ds.title)),
        escape(ds.question),
        escape(c.id),
        CARD.0,
        CARD.1,
        escape(&sentence),
        escape(&sentence),
        escape(&open),
        escape(&format!("Open {} in the tracker", c.name)),
        "Every event and its sources"
    )
}

/// WordPress and other oEmbed consumers: a `rich` embed of the one-file build (`offline.html`, which runs in
/// WordPress's `sandbox="allow-scripts"` frame, where the origin is opaque and the widget's other files could
/// not be fetched), with a quotation of the summary and a link for readers whose host keeps no frames.
pub fn oembed(ds: &Dataset, public: Option<&str>, height: u32) -> String {
    let base = public.unwrap_or("");
    let html = format!(
        // WordPress keeps only the link of this markup's tags: the line break keeps the two sentences apart.
        "<blockquote class=\"ice-matrix-fallback\"><p>{}</p>\n<p><a href=\"{base}\">{}</a></p></blockquote>\
         <iframe src=\"{base}offline.html\" title=\"{}\" width=\"100%\" height=\"{height}\" frameborder=\"0\" \
         sandbox=\"allow-scripts\"></iframe>",
        escape(ds.summary),
        escape(ds.title),
        escape(ds.title)
    );
    let mut fields = vec![
        ("version", json_string("1.0")),
        ("type", json_string("rich")),
        ("title", json_string(ds.title)),
        ("provider_name", json_string(ds.title)),
        ("width", "1200".to_string()),
        ("height", height.to_string()),
        ("cache_age", "86400".to_string()),
        ("html", json_string(&html)),
    ];
    if let Some(b) = public {
        fields.push(("provider_url", json_string(b)));
        fields.push(("thumbnail_url", json_string(&format!("{b}img/card.png"))));
        fields.push(("thumbnail_width", CARD.0.to_string()));
        fields.push(("thumbnail_height", CARD.1.to_string()));
    }
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("  {}: {v}", json_string(k))).collect();
    format!("{{\n{}\n}}\n", body.join(",\n"))
}

/// Apple News Format: an `htmltable` component of the matrix in words (a row per company, a column per pressure
/// type, each cell its outcome and count, as the no-JavaScript table says them), with a caption, and a figure of
/// the matrix image. A fragment of an article's `components`, for the newsroom's ANF pipeline to insert.
pub fn apple_news(ds: &Dataset, grid: &Grid, public: Option<&str>, alt: &str) -> String {
    let mut table = String::from("<table><thead><tr><th>");
    table.push_str(&escape(ds.widget.row_heading));
    table.push_str("</th>");
    for p in ds.pressure_types {
        table.push_str(&format!("<th>{}</th>", escape(p.short)));
    }
    table.push_str("</tr></thead><tbody>");
    for c in grid.rows() {
        table.push_str(&format!("<tr><th>{}</th>", escape(ds.companies[c as usize].name)));
        for p in 0..grid.width as u8 {
            match grid.cell(CellRef { company: c, pressure: p }) {
                Some(cell) => table.push_str(&format!(
                    "<td>{} ({})</td>",
                    escape(ds.outcomes[cell.outcome as usize].label),
                    escape(&ice_matrix_core::words::cell_count(cell))
                )),
                None => table.push_str("<td></td>"),
            }
        }
        table.push_str("</tr>");
    }
    table.push_str("</tbody></table>");
    let image = public.map(|b| format!("{b}img/matrix-light.png")).unwrap_or_else(|| "img/matrix-light.png".into());
    format!(
        "{{\n  \"components\": [\n    {{ \"role\": \"heading2\", \"text\": {} }},\n    {{ \"role\": \"body\", \"text\": {} }},\n    \
         {{ \"role\": \"figure\", \"URL\": {}, \"accessibilityCaption\": {}, \"caption\": {} }},\n    \
         {{ \"role\": \"htmltable\", \"html\": {} }},\n    {{ \"role\": \"caption\", \"text\": {} }}\n  ]\n}}\n",
        json_string(ds.title),
        json_string(ds.summary),
        json_string(&image),
        json_string(alt),
        json_string(ds.widget.caption),
        json_string(&table),
        json_string(&format!("{} Data version {}, updated {}.", ds.widget.caption, ds.version, ds.updated.long()))
    )
}

/// One entry of the feeds: a release, with what it added, removed and recoded and its corrections.
pub struct Change {
    pub id: String,
    pub title: String,
    pub date: Date,
    /// Where the entry leads: the data panel.
    pub url: String,
    /// The entry as plain text, and as HTML whose every event links to its cell.
    pub text: String,
    pub html: String,
}

/// The feeds' entries, newest first: one per release of the data (`[[releases]]`), each listing the events it
/// added (linked to their cells), removed and recoded (from → to), and its corrections, the log's entries dated
/// after the release before it. The newest also gives the content hash. A file that keeps no releases gets one
/// entry for its version, with every correction.
pub fn changes(ds: &Dataset, public: Option<&str>, hash: &str) -> Vec<Change> {
    use ice_matrix_core::state::ViewState;
    use ice_matrix_core::words::count;
    // Without a public address, links are relative to the feed, which is beside the widget's page.
    let base = public.unwrap_or("./");
    let current = Release { version: ds.version, date: ds.updated, note: "", added: &[], removed: &[], recoded: &[] };
    let releases: Vec<&Release> = if ds.releases.is_empty() { vec![&current] } else { ds.releases.iter().collect() };
    let event = |id: &str| ds.events.iter().position(|e| e.id == id);
    // An event as a line: its company and date, linked to its cell, and what it was.
    let line = |id: &str, what: &str| -> (String, String) {
        let Some(i) = event(id) else {
            return (
                format!("{id} (since removed){what}"),
                format!("<li>{}{}</li>", escape(id), escape(&format!(" (since removed){what}"))),
            );
        };
        let e = &ds.events[i];
        let company = ds.companies[e.company as usize].name;
        let at = CellRef { company: e.company, pressure: e.pressure_types.first().copied().unwrap_or(0) };
        let url = format!("{base}{}", ViewState { open: Some(at), ..ViewState::default() }.to_hash(ds));
        let label = format!("{company}, {}", e.date.long());
        (
            format!("{label}{what}: {}", e.summary),
            format!(
                "<li><a href=\"{}\">{}</a>{}: {}</li>",
                escape(&url),
                escape(&label),
                escape(what),
                escape(e.summary)
            ),
        )
    };
    let mut out = Vec::with_capacity(releases.len());
    for (n, r) in releases.iter().enumerate() {
        let after = n.checked_sub(1).map(|p| releases[p].date);
        let last = n + 1 == releases.len();
        let corrections: Vec<&str> = ds
            .corrections
            .iter()
            .filter(|c| after.is_none_or(|a| c.date > a) && (last || c.date <= r.date))
            .map(|c| c.text)
            .collect();
        let mut text = vec![r.note.to_string()];
        let mut html = vec![format!("<p>{}</p>", escape(r.note))];
        if last {
            let sentence = format!(
                "Version {} of the data: {} about {} ({} sources), content hash {hash}.",
                r.version,
                count(ds.events.len(), "event", "events"),
                ice_matrix_core::words::rows(ds, ds.companies.len()),
                ds.sources.len()
            );
            text.push(sentence.clone());
            html.push(format!("<p>{}</p>", escape(&sentence)));
        }
        let mut section = |heading: String, lines: Vec<(String, String)>| {
            if lines.is_empty() {
                return;
            }
            text.push(format!(
                "{heading}:\n{}",
                lines.iter().map(|(t, _)| format!("- {t}")).collect::<Vec<_>>().join("\n")
            ));
            html.push(format!(
                "<h3>{}</h3><ul>{}</ul>",
                escape(&heading),
                lines.iter().map(|(_, h)| h.as_str()).collect::<String>()
            ));
        };
        section(
            format!("Added: {}", count(r.added.len(), "event", "events")),
            r.added.iter().map(|id| line(id, "")).collect(),
        );
        section(
            format!("Removed: {}", count(r.removed.len(), "event", "events")),
            r.removed.iter().map(|id| (id.to_string(), format!("<li>{}</li>", escape(id)))).collect(),
        );
        section(
            format!("Outcome changed: {}", count(r.recoded.len(), "event", "events")),
            r.recoded
                .iter()
                .map(|x| {
                    let what =
                        format!(" ({} → {})", ds.outcomes[x.from as usize].label, ds.outcomes[x.to as usize].label);
                    line(x.event, &what)
                })
                .collect(),
        );
        section(
            format!("Corrections: {}", corrections.len()),
            corrections.iter().map(|c| (c.to_string(), format!("<li>{}</li>", escape(c)))).collect(),
        );
        text.retain(|t| !t.is_empty());
        html.retain(|h| h != "<p></p>");
        out.push(Change {
            id: format!("version-{}", r.version),
            title: format!("Version {}, {}", r.version, r.date.long()),
            date: r.date,
            url: format!("{base}#panel=data"),
            text: text.join("\n\n"),
            html: html.concat(),
        });
    }
    out.reverse();
    out
}

/// What changed, as feeds (`changes.json`, JSON Feed 1.1, and `changes.atom`): [`changes`]'s entries. A feed
/// reader, or a researcher watching the data, sees a new entry with each release. Links are absolute with the
/// public address, else relative to the feed's own address (which both formats allow).
pub fn feeds(ds: &Dataset, public: Option<&str>, hash: &str) -> (String, String) {
    let base = public.unwrap_or("");
    let items = changes(ds, public, hash);
    let tag = |id: &str| format!("tag:{}:{id}", ds.widget.file_stem);
    let date = |d: Date| format!("{:04}-{:02}-{:02}T00:00:00Z", d.y, d.m.max(1), d.d.max(1));
    let json_items: Vec<String> = items
        .iter()
        .map(|c| {
            format!(
                "    {{ \"id\": {}, \"title\": {}, \"content_text\": {}, \"content_html\": {}, \"date_published\": {}, \"url\": {} }}",
                json_string(&tag(&c.id)),
                json_string(&c.title),
                json_string(&c.text),
                json_string(&c.html),
                json_string(&date(c.date)),
                json_string(&c.url)
            )
        })
        .collect();
    let json = format!(
        "{{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": {},\n  \"description\": {},\n{}  \"items\": [\n{}\n  ]\n}}\n",
        json_string(&format!("{}: what changed", ds.title)),
        json_string("Each release of the data: the events it added, removed and recoded, and its corrections."),
        public
            .map(|b| format!(
                "  \"home_page_url\": {},\n  \"feed_url\": {},\n",
                json_string(b),
                json_string(&format!("{b}changes.json"))
            ))
            .unwrap_or_default(),
        json_items.join(",\n")
    );
    let entries: String = items
        .iter()
        .map(|c| {
            format!(
                "<entry><id>{}</id><title>{}</title><updated>{}</updated><link href=\"{}\"/><content type=\"html\">{}</content></entry>\n",
                escape(&tag(&c.id)),
                escape(&c.title),
                date(c.date),
                escape(&c.url),
                escape(&c.html)
            )
        })
        .collect();
    let atom = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<id>{}</id><title>{}</title><updated>{}</updated><author><name>{}</name></author><link href=\"{}\"/>\n{entries}</feed>\n",
        escape(&tag("changes")),
        escape(&format!("{}: what changed", ds.title)),
        date(ds.updated),
        escape(ds.title),
        escape(if base.is_empty() { "./" } else { base })
    );
    (json, atom)
}

/// The scroll-steps example (`embed/steps.html`, from `templates/steps.html`): a sticky frame beside three
/// steps, each a paragraph with `data-ice-matrix-step`, the views taken from the data: the first row's first
/// cell, that company's whole story, and a cell with the scale's strongest outcome (or the second row's first).
pub fn steps_page(ds: &Dataset, grid: &Grid, base: &str) -> Result<String, String> {
    let mut rows = grid.rows();
    let first = rows.next().ok_or("the data has no row with events")?;
    let first_cell = grid.row(first).next().map(|(p, _)| CellRef { company: first, pressure: p });
    let strongest = grid
        .rows()
        .flat_map(|c| grid.row(c).map(move |(p, cell)| (CellRef { company: c, pressure: p }, cell.outcome)))
        .find(|&(_, o)| o == 0)
        .map(|(at, _)| at)
        .or_else(|| rows.next().and_then(|c| grid.row(c).next().map(|(p, _)| CellRef { company: c, pressure: p })));
    let company = &ds.companies[first as usize];
    let mut steps = Vec::new();
    if let Some(at) = first_cell {
        steps.push((format!("cell={}", at.anchor(ds)), format!("Start with one cell: {}.", words::place(ds, at))));
    }
    steps.push((
        format!("company={}", company.id),
        format!("Then {}'s whole story, every event in order.", company.name),
    ));
    if let Some(at) = strongest {
        let o = &ds.outcomes[grid.cell(at).map_or(0, |c| c.outcome) as usize];
        steps.push((
            format!("cell={}", at.anchor(ds)),
            format!("Then a cell whose outcome is “{}”: {}.", o.label, words::place(ds, at)),
        ));
    }
    let steps: Vec<String> = steps
        .iter()
        .map(|(view, text)| {
            format!("    <p class=\"step\" data-ice-matrix-step=\"{}\">{}</p>", escape(view), escape(text))
        })
        .collect();
    let code = embed::snippet(base, "", &embed::Options::default(), ds.title, &[]);
    let frame = code.iframe.replacen("<iframe ", "<iframe id=\"graphic\" ", 1);
    publish::fill(
        STEPS,
        &[
            ("__TITLE__", &escape(ds.title)),
            ("__STEPS__", &steps.join("\n")),
            ("__FRAME__", &format!("    {frame}")),
            ("__LOADER__", &code.loader),
        ],
    )
}

/// The scroll-steps example's page (`steps_page`).
const STEPS: &str = include_str!("../templates/steps.html");
