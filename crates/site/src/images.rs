//! The images the build writes beside the widget (`dist/img/`), for the places a frame cannot go: the matrix
//! in the light and dark themes, a phone-width version as cards, a 1200×630 share card for the whole tracker
//! and one per company. Each is an SVG drawn here from the core's [`Grid`] (the same cells, outcomes, labels
//! and counts the widget shows), then rendered to PNG by resvg with the fonts in `fonts/`, so the pictures are
//! the same on every machine. Each comes with alt text written from the data.

use std::fmt::Write;
use std::sync::Arc;

use ice_matrix_core::grid::{CellRef, Filter, Grid, View};
use ice_matrix_core::html::escape;
use ice_matrix_core::model::{Company, Dataset};
use ice_matrix_core::words;

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
const FAMILY: &str = "DejaVu Sans";

/// The share card's size, as social networks ask for it (1.91:1).
pub const CARD: (u32, u32) = (1200, 630);
/// The matrix image's width, and the phone version's.
pub const WIDE: u32 = 1200;
pub const PHONE: u32 = 390;

/// The widget's theme colours (`static/style.css`).
#[derive(Clone, Copy)]
pub struct Palette {
    pub bg: &'static str,
    pub fg: &'static str,
    pub muted: &'static str,
    pub line: &'static str,
    pub soft: &'static str,
}

pub const LIGHT: Palette = Palette { bg: "#ffffff", fg: "#1a1a1a", muted: "#5c5c5c", line: "#d9d9d9", soft: "#f4f4f2" };
pub const DARK: Palette = Palette { bg: "#161616", fg: "#ececec", muted: "#a8a8a8", line: "#3a3a3a", soft: "#222222" };

/// Text widths from the font's own advances, for wrapping lines as the renderer will draw them.
struct Metrics {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Metrics {
    fn new() -> Metrics {
        let face = |b| ttf_parser::Face::parse(b, 0).expect("the bundled fonts parse");
        Metrics { regular: face(REGULAR), bold: face(BOLD) }
    }

    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let face = if bold { &self.bold } else { &self.regular };
        let units: u32 = text
            .chars()
            .map(|c| face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).unwrap_or(face.units_per_em() / 2))
            .map(u32::from)
            .sum();
        f64::from(units) * size / f64::from(face.units_per_em())
    }

    /// `text` in lines no wider than `max`, broken at spaces.
    fn wrap(&self, text: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            match lines.last_mut() {
                Some(line) if self.width(&format!("{line} {word}"), size, bold) <= max => {
                    line.push(' ');
                    line.push_str(word);
                }
                _ => lines.push(word.to_string()),
            }
        }
        lines
    }
}

/// How a line of text looks: font size, bold, fill colour, text-anchor.
type Look<'a> = (f64, bool, &'a str, &'a str);

/// A card's lines: the pressure type's label (wrapped), the outcome, the count as the cell shows it.
type CardLines = Vec<(Vec<String>, u8, String)>;

/// An SVG being written: elements appended in drawing order.
struct Svg {
    out: String,
}

impl Svg {
    fn new(w: u32, h: u32, bg: &str) -> Svg {
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"{FAMILY}\">"
        );
        let _ = write!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"{bg}\"/>");
        Svg { out }
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, stroke: Option<&str>) {
        let _ = write!(
            self.out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"4\" fill=\"{fill}\""
        );
        if let Some(s) = stroke {
            let _ = write!(self.out, " stroke=\"{s}\"");
        }
        self.out.push_str("/>");
    }

    fn line(&mut self, x1: f64, y: f64, x2: f64, stroke: &str) {
        let _ =
            write!(self.out, "<line x1=\"{x1:.1}\" y1=\"{y:.1}\" x2=\"{x2:.1}\" y2=\"{y:.1}\" stroke=\"{stroke}\"/>");
    }

    /// One line of text in `look`: size, bold, fill, and SVG's text-anchor (start, middle, end).
    fn text(&mut self, x: f64, y: f64, look: Look, text: &str) {
        let (size, bold, fill, anchor) = look;
        let _ = write!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\"{} fill=\"{fill}\" text-anchor=\"{anchor}\">{}</text>",
            if bold { " font-weight=\"bold\"" } else { "" },
            escape(text)
        );
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// The companies in the matrix's order that have events (the rows the widget draws).
fn rows<'a>(ds: &'a Dataset, grid: &'a Grid) -> impl Iterator<Item = (u16, &'a Company)> + 'a {
    grid.rows().map(|c| (c, &ds.companies[c as usize]))
}

/// A cell's words as the widget shows them: glyph and short outcome, then the event count.
fn pill(ds: &Dataset, outcome: u8) -> String {
    let o = &ds.outcomes[outcome as usize];
    format!("{} {}", o.glyph, o.short)
}

fn footer(ds: &Dataset) -> String {
    format!("{} · data version {}, updated {}", ds.title, ds.version, ds.updated.long())
}

/// The matrix as the widget draws it on a wide screen: a row per company, a column per pressure type, each
/// non-empty cell filled with its outcome's colour and showing its glyph, short label and event count.
pub fn matrix(ds: &Dataset, grid: &Grid, p: Palette) -> String {
    let m = Metrics::new();
    let (pad, name_w, row_h, head_h) = (24.0, 230.0, 44.0, 34.0);
    let col_w = (f64::from(WIDE) - 2.0 * pad - name_w) / grid.width.max(1) as f64;
    let title = m.wrap(ds.title, 26.0, true, f64::from(WIDE) - 2.0 * pad);
    let summary = m.wrap(ds.summary, 16.0, false, f64::from(WIDE) - 2.0 * pad);
    let top = pad + title.len() as f64 * 32.0 + 8.0 + summary.len() as f64 * 22.0 + 16.0;
    let n = rows(ds, grid).count();
    let height = top + head_h + n as f64 * row_h + 48.0;
    let mut s = Svg::new(WIDE, height.ceil() as u32, p.bg);
    let mut y = pad + 24.0;
    for l in &title {
        s.text(pad, y, (26.0, true, p.fg, "start"), l);
        y += 32.0;
    }
    y += 2.0;
    for l in &summary {
        s.text(pad, y, (16.0, false, p.fg, "start"), l);
        y += 22.0;
    }
    let x0 = pad + name_w;
    s.text(pad, top + 22.0, (13.0, true, p.muted, "start"), ds.widget.row_heading);
    for (i, pt) in ds.pressure_types.iter().enumerate() {
        s.text(x0 + (i as f64 + 0.5) * col_w, top + 22.0, (13.0, true, p.muted, "middle"), pt.short);
    }
    let mut y = top + head_h;
    s.line(pad, y, f64::from(WIDE) - pad, p.line);
    for (c, company) in rows(ds, grid) {
        // A long name in smaller type, so it stays in its column.
        let size = (15.0 * (name_w - 10.0) / m.width(company.name, 15.0, true)).clamp(10.0, 15.0);
        s.text(pad, y + 20.0, (size, true, p.fg, "start"), company.name);
        s.text(pad, y + 36.0, (11.0, false, p.muted, "start"), ds.sectors[company.sector as usize].label);
        for i in 0..grid.width {
            let cx = x0 + i as f64 * col_w;
            match grid.cell(CellRef { company: c, pressure: i as u8 }) {
                Some(cell) => {
                    let o = &ds.outcomes[cell.outcome as usize];
                    s.rect(cx + 3.0, y + 5.0, col_w - 6.0, row_h - 10.0, o.color, None);
                    s.text(cx + 9.0, y + 20.0, (12.0, true, o.ink, "start"), &pill(ds, cell.outcome));
                    s.text(cx + 9.0, y + 34.0, (12.0, false, o.ink, "start"), &words::cell_count(cell));
                }
                None => s.text(cx + col_w / 2.0, y + 26.0, (12.0, false, p.muted, "middle"), "·"),
            }
        }
        y += row_h;
        s.line(pad, y, f64::from(WIDE) - pad, p.line);
    }
    s.text(pad, y + 28.0, (12.0, false, p.muted, "start"), &footer(ds));
    s.finish()
}

/// The phone layout: a card per company listing its non-empty cells, one line each (the pressure type, then
/// the outcome and the count), as the widget shows them in a narrow column.
pub fn cards(ds: &Dataset, grid: &Grid, p: Palette) -> String {
    let m = Metrics::new();
    let (pad, w) = (12.0, f64::from(PHONE));
    let pill_w = 150.0;
    let label_w = w - 2.0 * pad - pill_w - 32.0;
    let title = m.wrap(ds.title, 20.0, true, w - 2.0 * pad);
    let summary = m.wrap(ds.summary, 14.0, false, w - 2.0 * pad);
    // Lay out first (heights depend on wrapping), then draw.
    let cards: Vec<(&Company, CardLines)> = rows(ds, grid)
        .map(|(c, company)| {
            let lines = grid
                .row(c)
                .map(|(pt, cell)| {
                    let label = m.wrap(ds.pressure_types[pt as usize].label, 13.0, false, label_w);
                    (label, cell.outcome, words::cell_count(cell))
                })
                .collect();
            (company, lines)
        })
        .collect();
    let line_h = |label: &[String]| (label.len().max(1) as f64 * 17.0).max(32.0) + 4.0;
    let card_h = |lines: &CardLines| 48.0 + lines.iter().map(|(l, ..)| line_h(l)).sum::<f64>() + 6.0;
    let top = pad + title.len() as f64 * 26.0 + 6.0 + summary.len() as f64 * 19.0 + 12.0;
    let height = top + cards.iter().map(|(_, l)| card_h(l) + 8.0).sum::<f64>() + 40.0;
    let mut s = Svg::new(PHONE, height.ceil() as u32, p.bg);
    let mut y = pad + 20.0;
    for l in &title {
        s.text(pad, y, (20.0, true, p.fg, "start"), l);
        y += 26.0;
    }
    for l in &summary {
        s.text(pad, y, (14.0, false, p.fg, "start"), l);
        y += 19.0;
    }
    let mut y = top;
    for (company, lines) in &cards {
        let h = card_h(lines);
        s.rect(pad, y, w - 2.0 * pad, h, p.bg, Some(p.line));
        let size = (16.0 * (w - 2.0 * pad - 20.0) / m.width(company.name, 16.0, true)).clamp(10.0, 16.0);
        s.text(pad + 10.0, y + 22.0, (size, true, p.fg, "start"), company.name);
        s.text(pad + 10.0, y + 38.0, (12.0, false, p.muted, "start"), ds.sectors[company.sector as usize].label);
        let mut ly = y + 48.0;
        for (label, outcome, n) in lines {
            let lh = line_h(label);
            let first = ly + lh / 2.0 - (label.len() as f64 - 1.0) * 8.5 + 4.0;
            for (i, l) in label.iter().enumerate() {
                s.text(pad + 10.0, first + i as f64 * 17.0, (13.0, false, p.fg, "start"), l);
            }
            let o = &ds.outcomes[*outcome as usize];
            let px = w - pad - 10.0 - pill_w;
            s.rect(px, ly + (lh - 32.0) / 2.0, pill_w, 32.0, o.color, None);
            s.text(px + 8.0, ly + lh / 2.0 + 5.0, (13.0, true, o.ink, "start"), &pill(ds, *outcome));
            s.text(px + pill_w - 8.0, ly + lh / 2.0 + 5.0, (13.0, false, o.ink, "end"), n);
            ly += lh;
        }
        y += h + 8.0;
    }
    let version = format!("Data version {}, updated {}", ds.version, ds.updated.long());
    s.text(pad, y + 20.0, (11.0, false, p.muted, "start"), &version);
    s.finish()
}

/// A share card: the headline and a sentence on the left, a thumbnail of the matrix (a square per cell, in its
/// outcome's colour) on the right, and the figures below. `rows` picks the thumbnail's companies.
fn card(ds: &Dataset, grid: &Grid, headline: &str, sentence: &str, figures: &str, rows_shown: &[u16]) -> String {
    let m = Metrics::new();
    let p = LIGHT;
    let (w, h) = (f64::from(CARD.0), f64::from(CARD.1));
    let pad = 56.0;
    let text_w = 620.0;
    let mut s = Svg::new(CARD.0, CARD.1, p.bg);
    s.rect(0.0, 0.0, w, 10.0, p.fg, None);
    let mut size = 46.0;
    let mut title = m.wrap(headline, size, true, text_w);
    while title.len() > 3 && size > 30.0 {
        size -= 4.0;
        title = m.wrap(headline, size, true, text_w);
    }
    let mut y = pad + size;
    for l in &title {
        s.text(pad, y, (size, true, p.fg, "start"), l);
        y += size * 1.18;
    }
    y += 10.0;
    let mut body = m.wrap(sentence, 23.0, false, text_w);
    let room = ((h - 120.0 - y) / 31.0).floor().max(1.0) as usize;
    if body.len() > room {
        body.truncate(room);
        if let Some(last) = body.last_mut() {
            while m.width(&format!("{last} …"), 23.0, false) > text_w && last.pop().is_some() {}
            last.push_str(" …");
        }
    }
    for l in &body {
        s.text(pad, y + 23.0, (23.0, false, p.muted, "start"), l);
        y += 31.0;
    }
    s.text(pad, h - pad, (24.0, true, p.fg, "start"), figures);
    let (tx, ty, tw) = (pad + text_w + 40.0, pad, w - pad - (pad + text_w + 40.0));
    if let [company] = rows_shown {
        // One company: its non-empty cells as the widget's card lists them, type then outcome and count.
        for (i, (pt, c)) in grid.row(*company).enumerate() {
            let y = ty + 8.0 + i as f64 * 52.0;
            let o = &ds.outcomes[c.outcome as usize];
            s.text(tx, y + 27.0, (18.0, false, p.fg, "start"), ds.pressure_types[pt as usize].short);
            s.rect(tx + 160.0, y, tw - 160.0, 40.0, o.color, None);
            s.text(tx + 172.0, y + 27.0, (18.0, true, o.ink, "start"), &pill(ds, c.outcome));
            s.text(w - pad - 12.0, y + 27.0, (18.0, false, o.ink, "end"), &words::cell_count(c));
        }
        return s.finish();
    }
    // The thumbnail: as many rows as fit, each cell a square.
    let cell = (tw / grid.width.max(1) as f64).min(30.0);
    let fit = ((h - 2.0 * pad) / cell).floor() as usize;
    let tx = tx + (tw - cell * grid.width as f64) / 2.0;
    for (r, &c) in rows_shown.iter().take(fit).enumerate() {
        for i in 0..grid.width {
            let (x, y) = (tx + i as f64 * cell, ty + r as f64 * cell);
            match grid.cell(CellRef { company: c, pressure: i as u8 }) {
                Some(cl) => {
                    s.rect(x + 1.5, y + 1.5, cell - 3.0, cell - 3.0, ds.outcomes[cl.outcome as usize].color, None)
                }
                None => s.rect(x + 1.5, y + 1.5, cell - 3.0, cell - 3.0, p.soft, None),
            }
        }
    }
    s.finish()
}

/// The tracker's figures in a line, as the widget's figures say them: companies, events, and how many
/// companies had an event of the strongest outcome.
pub fn figures_line(ds: &Dataset, grid: &Grid) -> String {
    let v = View::build(ds, grid, &Filter::default());
    format!(
        "{} · {} · {} with “{}”",
        words::count(v.rows.len(), ds.widget.row, ds.widget.rows),
        words::count(v.events, "event", "events"),
        v.strongest,
        ds.outcomes.first().map(|o| o.label).unwrap_or_default()
    )
}

/// The share card for the whole tracker.
pub fn share_card(ds: &Dataset, grid: &Grid) -> String {
    let order: Vec<u16> = rows(ds, grid).map(|(c, _)| c).collect();
    card(ds, grid, ds.title, ds.summary, &figures_line(ds, grid), &order)
}

/// One company's story in a sentence, from its cells: how many events, how many types of pressure, and each
/// type's outcome by its most recent event.
pub fn company_sentence(ds: &Dataset, grid: &Grid, company: u16) -> String {
    let c = &ds.companies[company as usize];
    let parts: Vec<String> = grid
        .row(company)
        .map(|(p, cell)| {
            format!(
                "{}: {}",
                ds.pressure_types[p as usize].label,
                ds.outcomes[cell.outcome as usize].label.to_lowercase()
            )
        })
        .collect();
    format!(
        "{}: {} across {} of {} types of pressure. By each type's most recent event: {}.",
        c.name,
        words::count(grid.company_events[company as usize] as usize, "event", "events"),
        parts.len(),
        ds.pressure_types.len(),
        words::join(&parts, "; ")
    )
}

/// The share card for one company: its name, its sentence, and its row in the thumbnail.
pub fn company_card(ds: &Dataset, grid: &Grid, company: u16) -> String {
    let c = &ds.companies[company as usize];
    let figures = words::count(grid.company_events[company as usize] as usize, "event", "events");
    card(ds, grid, &format!("{}: {}", c.name, ds.title), &company_sentence(ds, grid, company), &figures, &[company])
}

/// Renders an SVG written here to PNG with the bundled fonts (no system fonts: the same pixels everywhere).
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    let opt = usvg::Options { fontdb: Arc::new(db), font_family: FAMILY.to_string(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("an image's SVG does not parse: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("an image has no size")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    // Every image here has an opaque background: RGB without the alpha channel, at the best compression, is a
    // quarter smaller than tiny-skia's RGBA.
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|px| [px[0], px[1], px[2]]).collect();
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, size.width(), size.height());
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Best);
    enc.set_filter(png::FilterType::Paeth);
    enc.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let mut w = enc.write_header().map_err(|e| format!("cannot encode a PNG: {e}"))?;
    w.write_image_data(&rgb).map_err(|e| format!("cannot encode a PNG: {e}"))?;
    w.finish().map_err(|e| format!("cannot encode a PNG: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_each_line_within_the_width() {
        let m = Metrics::new();
        let text = "Which tech companies have faced employee or public pressure to cut ties with ICE?";
        let lines = m.wrap(text, 20.0, false, 300.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        assert!(lines.iter().all(|l| m.width(l, 20.0, false) <= 300.0 || !l.contains(' ')));
        assert!(m.width("WWW", 20.0, true) > m.width("iii", 20.0, true));
    }
}
