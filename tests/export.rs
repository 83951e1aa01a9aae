//! The downloads parse back to the same records the widget shows.
#![cfg(not(target_arch = "wasm32"))]

use ice_matrix::export;
use ice_matrix::model::DATASET;
use serde_json::Value;

fn json() -> Value {
    serde_json::from_str(&export::json(&DATASET)).expect("the JSON export parses")
}

#[test]
fn json_has_the_documented_contract() {
    let j = json();
    for k in ["version", "updated", "companies", "pressure_types", "outcomes", "events", "sources"] {
        assert!(j.get(k).is_some(), "missing {k}");
    }
    let fields: [(&str, &[&str]); 5] = [
        ("companies", &["id", "name", "sector"]),
        ("pressure_types", &["id", "label", "definition"]),
        ("outcomes", &["id", "label", "definition", "rank"]),
        ("events", &["id", "company", "date", "pressure_types", "outcome", "summary", "sources"]),
        ("sources", &["id", "url", "publisher", "title", "date"]),
    ];
    for (list, keys) in fields {
        for item in j[list].as_array().unwrap() {
            for k in keys {
                assert!(item.get(*k).is_some(), "{list} item lacks {k}: {item}");
            }
        }
    }
    let ranks: Vec<u64> = j["outcomes"].as_array().unwrap().iter().map(|o| o["rank"].as_u64().unwrap()).collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "outcomes in rank order, lower = stronger break");
}

#[test]
fn json_events_are_the_widgets_events() {
    let j = json();
    let events = j["events"].as_array().unwrap();
    assert_eq!(events.len(), DATASET.events.len());
    assert_eq!(j["sources"].as_array().unwrap().len(), DATASET.sources.len());
    for (e, v) in DATASET.events.iter().zip(events) {
        assert_eq!(v["id"], e.id);
        assert_eq!(v["company"], DATASET.companies[e.company as usize].id);
        assert_eq!(v["date"], e.date.iso());
        assert_eq!(v["outcome"], DATASET.outcomes[e.outcome as usize].id);
        assert_eq!(v["summary"], e.summary);
        assert_eq!(v["result"], e.result);
        let srcs: Vec<&str> = v["sources"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
        let want: Vec<&str> = e.sources.iter().map(|&s| DATASET.sources[s as usize].id).collect();
        assert_eq!(srcs, want);
        let pts: Vec<&str> = v["pressure_types"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
        let want: Vec<&str> = e.pressure_types.iter().map(|&p| DATASET.pressure_types[p as usize].id).collect();
        assert_eq!(pts, want);
    }
    for (s, v) in DATASET.sources.iter().zip(j["sources"].as_array().unwrap()) {
        assert_eq!((v["id"].as_str(), v["url"].as_str(), v["title"].as_str()), (Some(s.id), Some(s.url), Some(s.title)));
    }
}

#[test]
fn csv_has_a_bom_and_one_row_per_event_and_source() {
    let text = export::csv(&DATASET);
    let body = text.strip_prefix('\u{feff}').expect("starts with a byte-order mark");
    let mut r = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), export::CSV_HEADER);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("a valid CSV row")).collect();
    assert_eq!(rows.len(), DATASET.events.iter().map(|e| e.sources.len()).sum::<usize>());
    let mut i = 0;
    for e in DATASET.events {
        for &s in e.sources {
            let row = &rows[i];
            assert_eq!(&row[0], e.id);
            assert_eq!(&row[8], e.summary, "text with quotes and commas survives");
            assert_eq!(&row[12], DATASET.sources[s as usize].url);
            i += 1;
        }
    }
}

#[test]
fn json_escapes_survive_a_round_trip() {
    // Quotes appear in the real summaries; make sure at least one was exercised.
    assert!(DATASET.events.iter().any(|e| e.summary.contains('"') || e.summary.contains('\'')));
    let j = json();
    let titles: Vec<&str> = j["sources"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert!(titles.iter().zip(DATASET.sources).all(|(a, b)| *a == b.title));
}

#[test]
fn the_palette_carries_each_outcomes_colours_glyph_and_label_as_css() {
    use ice_matrix::export::{css_string, palette_css};
    let css = palette_css(&DATASET);
    for o in DATASET.outcomes {
        let rule = css.lines().find(|l| l.starts_with(&format!(".o-{},[data-o={}]{{", o.id, o.id))).expect(o.id);
        assert!(rule.contains(&format!("--fill:{};", o.color)) && rule.contains(&format!("--ink:{};", o.ink)), "{rule}");
        assert!(rule.contains(&format!("--glyph:{};", css_string(o.glyph))) && rule.ends_with(&format!("--short:{}}}", css_string(o.short))), "{rule}");
    }
    // A label may hold anything: quotes, backslashes and line breaks cannot end the string or the rule.
    assert_eq!(css_string("Ties \"cut\""), r#""Ties \"cut\"""#);
    assert_eq!(css_string(r"a\b"), r#""a\\b""#);
    assert_eq!(css_string("two\nlines"), r#""two\a lines""#);
}
