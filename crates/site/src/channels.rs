//! Where the article goes besides the open web: the tags a shared link unfurls with, a small page per company
//! for sharing one row, oEmbed for WordPress, and the variants of the embed code for AMP, Apple News and
//! newsletters. All are written at build time from the data.
//!
//! Absolute addresses need the address the widget is published at, `ICE_MATRIX_PUBLIC_URL` (for example
//! `https://graphics.example.org/ice-matrix/`). Without it the tags that must be absolute (`og:image`, `og:url`,
//! the canonical link, oEmbed discovery) are left out rather than written wrong.

use ice_matrix_core::grid::{CellRef, Grid};
use ice_matrix_core::html::{escape, json_string};
use ice_matrix_core::model::Dataset;

use crate::images::{self, CARD};

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
        "<blockquote class=\"ice-matrix-fallback\"><p>{}</p><p><a href=\"{base}\">{}</a></p></blockquote>\
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

/// What changed, as feeds (`changes.json`, JSON Feed 1.1, and `changes.atom`): this release (its version, date
/// and content, with the content hash), and each entry of the corrections log. A feed reader, or a researcher
/// watching the data, sees a new item when either changes. Links are absolute with the public address, else
/// relative to the feed's own address (which both formats allow).
pub fn feeds(ds: &Dataset, public: Option<&str>, hash: &str) -> (String, String) {
    let base = public.unwrap_or("");
    let companies = ds.companies.len();
    let release = (
        format!("version-{}", ds.version),
        format!("Version {}", ds.version),
        format!(
            "Version {} of the data: {} about {} ({} sources), content hash {hash}. Corrections so far: {}.",
            ds.version,
            ice_matrix_core::words::count(ds.events.len(), "event", "events"),
            ice_matrix_core::words::rows(ds, companies),
            ds.sources.len(),
            ds.corrections.len()
        ),
        ds.updated,
        format!("{base}#panel=data"),
    );
    let mut items = vec![release];
    for (i, c) in ds.corrections.iter().enumerate() {
        items.push((
            format!("correction-{i}"),
            "Correction".to_string(),
            c.text.to_string(),
            c.date,
            format!("{base}#panel=method"),
        ));
    }
    let tag = |id: &str| format!("tag:{}:{id}", ds.widget.file_stem);
    let date = |d: ice_matrix_core::model::Date| format!("{:04}-{:02}-{:02}T00:00:00Z", d.y, d.m.max(1), d.d.max(1));
    let json_items: Vec<String> = items
        .iter()
        .map(|(id, title, text, d, url)| {
            format!(
                "    {{ \"id\": {}, \"title\": {}, \"content_text\": {}, \"date_published\": {}, \"url\": {} }}",
                json_string(&tag(id)),
                json_string(title),
                json_string(text),
                json_string(&date(*d)),
                json_string(url)
            )
        })
        .collect();
    let json = format!(
        "{{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": {},\n  \"description\": {},\n{}  \"items\": [\n{}\n  ]\n}}\n",
        json_string(&format!("{}: what changed", ds.title)),
        json_string("Each release of the data and each correction."),
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
        .map(|(id, title, text, d, url)| {
            format!(
                "<entry><id>{}</id><title>{}</title><updated>{}</updated><link href=\"{}\"/><content type=\"text\">{}</content></entry>\n",
                escape(&tag(id)),
                escape(title),
                date(*d),
                escape(url),
                escape(text)
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
