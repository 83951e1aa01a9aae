//! Full-text search over the events as readers read them: each event's text in the fragments file (what
//! happened, who pushed, what came of it, the response, the sources' publishers and headlines). Plain ASCII case
//! folding, so the wasm carries no Unicode case tables. The query travels in the hash as `q=`.

use crate::fragments::Piece;
use crate::model::Dataset;

/// The shortest query that searches (one or two letters would match nearly everything).
pub const MIN_QUERY: usize = 3;

/// The events (indexes) whose text contains `query`, ignoring ASCII case; none for a query under
/// [`MIN_QUERY`] characters, or before the fragments are loaded.
pub fn events_matching(ds: &Dataset, query: &str) -> Vec<u16> {
    let q = query.trim().to_ascii_lowercase();
    if q.chars().count() < MIN_QUERY {
        return Vec::new();
    }
    (0..ds.events.len() as u16)
        .filter(|&e| text_of(Piece::Event(e).get(ds)).to_ascii_lowercase().contains(&q))
        .collect()
}

/// Per company, a bit per pressure type whose cell (in `grid`) holds one of `events`: the cells to highlight.
pub fn hits(grid: &crate::grid::Grid, events: &[u16]) -> Vec<u32> {
    let mut out = vec![0u32; grid.company_events.len()];
    if events.is_empty() {
        return out;
    }
    for (i, cell) in grid.cells.iter().enumerate() {
        if let Some(c) = cell
            && c.events.iter().any(|e| events.contains(e))
        {
            out[i / grid.width.max(1)] |= 1 << (i % grid.width.max(1)).min(31);
        }
    }
    out
}

/// The text of an HTML fragment: tags dropped, the entities the build writes (`html::escape`) decoded.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut rest = html;
    while let Some(ch) = rest.chars().next() {
        let mut step = ch.len_utf8();
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            '&' if !in_tag => {
                let entity = [("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&amp;", '&')]
                    .into_iter()
                    .find(|(e, _)| rest.as_bytes().starts_with(e.as_bytes()));
                match entity {
                    Some((e, c)) => {
                        out.push(c);
                        step = e.len();
                    }
                    None => out.push('&'),
                }
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
        rest = &rest[step..];
    }
    out
}

/// A query as it goes in the hash: letters, digits and `-._~` as they are, every other byte `%XX`.
pub fn encode(q: &str) -> String {
    let mut out = String::new();
    for b in q.trim().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `q=` of a hash, decoded; "" when there is none or it does not decode to text.
pub fn query_in(hash: &str) -> String {
    let Some(v) = hash.trim_start_matches('#').split('&').find_map(|p| p.strip_prefix("q=")) else {
        return String::new();
    };
    let (bytes, mut out, mut i) = (v.as_bytes(), Vec::new(), 0);
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => out.push(b),
                    None => return String::new(),
                }
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_default().chars().filter(|c| !c.is_control()).take(100).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_round_trips_through_the_hash_and_garbage_reads_as_none() {
        for q in ["rekognition", "face recognition", "Ernst & Young", "café"] {
            assert_eq!(query_in(&format!("#cell=a.b&q={}", encode(q))), q);
        }
        assert_eq!(query_in("#q=%E2%28"), "", "not UTF-8");
        assert_eq!(query_in("#q=%zz"), "");
        assert_eq!(query_in("#q=abc%"), "");
        assert_eq!(query_in("#cell=a.b"), "");
    }

    #[test]
    fn the_text_of_a_fragment_leaves_out_its_markup() {
        assert_eq!(
            text_of("<p class=\"x\">AWS &amp; <a href=\"https://r.example\">Rekognition</a></p>").trim(),
            "AWS &  Rekognition"
        );
        assert!(!text_of("<a href=\"https://example.org/ice\">x</a>").contains("example"));
    }
}
