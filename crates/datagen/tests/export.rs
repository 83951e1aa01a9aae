//! The downloads parse back to the same records the widget shows, for the dataset the build uses and for the
//! fixture tracker.

use std::sync::OnceLock;

use ice_matrix_core::model::Dataset;
use ice_matrix_datagen::export;
use serde_json::Value;

fn datasets() -> [&'static Dataset; 2] {
    static DS: OnceLock<[&'static Dataset; 2]> = OnceLock::new();
    *DS.get_or_init(|| {
        let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/divestment.toml");
        [ice_matrix_datagen::dataset_path().as_str(), fixture]
            .map(|p| ice_matrix_datagen::load_file(p).unwrap_or_else(|e| panic!("{e}")))
    })
}

fn json(ds: &Dataset) -> Value {
    serde_json::from_str(&export::json(ds)).expect("the JSON export parses")
}

#[test]
fn json_has_the_documented_contract() {
    for ds in datasets() {
        let j = json(ds);
        for k in ["version", "updated", "companies", "pressure_types", "outcomes", "events", "sources"] {
            assert!(j.get(k).is_some(), "missing {k}");
        }
        let fields: [(&str, &[&str]); 6] = [
            ("releases", &["version", "date", "note", "added", "removed", "recoded"]),
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
        assert_eq!(j["summary"], ds.summary);
        assert_eq!(j["widget"]["row"], ds.widget.row);
        assert_eq!(j["widget"]["context"]["title"], ds.widget.context_title);
        let stances: Vec<&str> =
            j["widget"]["context"]["stances"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
        assert_eq!(stances, ds.widget.stances.iter().map(|s| s.id).collect::<Vec<_>>());
    }
}

#[test]
fn json_events_are_the_widgets_events() {
    for ds in datasets() {
        let j = json(ds);
        let events = j["events"].as_array().unwrap();
        assert_eq!(events.len(), ds.events.len());
        assert_eq!(j["sources"].as_array().unwrap().len(), ds.sources.len());
        for (e, v) in ds.events.iter().zip(events) {
            assert_eq!(v["id"], e.id);
            assert_eq!(v["company"], ds.companies[e.company as usize].id);
            assert_eq!(v["date"], e.date.iso());
            assert_eq!(v["outcome"], ds.outcomes[e.outcome as usize].id);
            assert_eq!(v["summary"], e.summary);
            assert_eq!(v["result"], e.result);
            let srcs: Vec<&str> = v["sources"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
            let want: Vec<&str> = e.sources.iter().map(|&s| ds.sources[s as usize].id).collect();
            assert_eq!(srcs, want);
            let pts: Vec<&str> = v["pressure_types"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
            let want: Vec<&str> = e.pressure_types.iter().map(|&p| ds.pressure_types[p as usize].id).collect();
            assert_eq!(pts, want);
        }
        for (s, v) in ds.sources.iter().zip(j["sources"].as_array().unwrap()) {
            let opt = |x: &'static str| (!x.is_empty()).then_some(x);
            assert_eq!(
                (v["id"].as_str(), v["url"].as_str(), v["read_at"].as_str(), v["title"].as_str(), v["kind"].as_str()),
                (Some(s.id), opt(s.url), opt(s.read_at), Some(s.title), Some(s.kind.id()))
            );
        }
    }
}

#[test]
fn csv_has_a_bom_and_one_row_per_event_and_source() {
    for ds in datasets() {
        let text = export::csv(ds);
        let body = text.strip_prefix('\u{feff}').expect("starts with a byte-order mark");
        let mut r = csv::Reader::from_reader(body.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), export::CSV_HEADER);
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("a valid CSV row")).collect();
        assert_eq!(rows.len(), ds.events.iter().map(|e| e.sources.len()).sum::<usize>());
        let mut i = 0;
        for e in ds.events {
            for &s in e.sources {
                let row = &rows[i];
                assert_eq!(&row[0], e.id);
                assert_eq!(&row[8], e.summary, "text with quotes and commas survives");
                assert_eq!(&row[12], ds.sources[s as usize].url);
                i += 1;
            }
        }
    }
}

#[test]
fn texts_with_quotes_survive_both_round_trips() {
    let ds = datasets()[1];
    let quoted: Vec<usize> =
        (0..ds.events.len()).filter(|&i| ds.events[i].summary.contains(['"', ',', '\n'])).collect();
    assert!(!quoted.is_empty(), "the data has summaries with quotes, commas or line breaks, so escaping is exercised");
    let j = json(ds);
    for &i in &quoted {
        assert_eq!(j["events"][i]["summary"], ds.events[i].summary);
    }
}

#[test]
fn the_palette_carries_each_outcomes_colours_glyph_and_label_as_css() {
    use ice_matrix_datagen::export::{css_string, palette_css};
    let css = palette_css(datasets()[1]);
    for o in datasets()[1].outcomes {
        let rule = css.lines().find(|l| l.starts_with(&format!(".o-{},[data-o={}]{{", o.id, o.id))).expect(o.id);
        assert!(
            rule.contains(&format!("--fill:{};", o.color)) && rule.contains(&format!("--ink:{};", o.ink)),
            "{rule}"
        );
        assert!(
            rule.contains(&format!("--glyph:{};", css_string(o.glyph)))
                && rule.ends_with(&format!("--short:{}}}", css_string(o.short))),
            "{rule}"
        );
    }
    // A label may hold anything: quotes, backslashes and line breaks cannot end the string or the rule.
    assert_eq!(css_string("Ties \"cut\""), r#""Ties \"cut\"""#);
    assert_eq!(css_string(r"a\b"), r#""a\\b""#);
    assert_eq!(css_string("two\nlines"), r#""two\a lines""#);
}

/// The published JSON alone shows that every claim has its source's words: each prose field of each event has
/// evidence from one of the event's own sources, and each quotation in our text is in one of its quotes.
#[test]
fn every_prose_field_has_evidence_and_every_quotation_is_in_a_quote_computed_from_the_json() {
    use ice_matrix_datagen::evidence::{MAX_WORDS, MIN_WORDS, QUOTATION_WORDS, appears_in, quotations, word_count};
    for ds in datasets() {
        let j = json(ds);
        let mut checked = 0;
        for e in j["events"].as_array().unwrap() {
            let id = e["id"].as_str().unwrap();
            let evidence = e["evidence"].as_array().unwrap();
            let cited: Vec<&str> = e["sources"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
            let quotes: Vec<&str> = evidence.iter().map(|x| x["quote"].as_str().unwrap()).collect();
            for x in evidence {
                assert!(
                    cited.contains(&x["source"].as_str().unwrap()),
                    "{id}: evidence from a source it does not cite"
                );
                assert!((MIN_WORDS..=MAX_WORDS).contains(&word_count(x["quote"].as_str().unwrap())), "{id}: {x}");
            }
            let text = |v: &Value| v.as_str().unwrap_or("").to_string();
            let fields = [
                ("summary", text(&e["summary"])),
                ("stakes", text(&e["stakes"])),
                ("actors", text(&e["actors"])),
                ("people", e["people"].as_u64().map(|n| n.to_string()).unwrap_or_default()),
                ("result", text(&e["result"])),
                ("disputed", text(&e["disputed"])),
                ("response", text(&e["response"]["text"])),
            ];
            for (field, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
                assert!(evidence.iter().any(|x| x["field"] == *field), "{id}: {field} has no evidence");
                checked += 1;
                for q in quotations(value).into_iter().filter(|q| word_count(q) >= QUOTATION_WORDS) {
                    assert!(appears_in(q, quotes.iter().copied()), "{id}: {field} quotes {q:?}, in no evidence quote");
                }
            }
        }
        assert!(checked >= 2 * ds.events.len(), "summary and result at least, for every event");
    }
}

#[test]
fn evidence_and_sources_csv_have_one_row_per_piece_and_per_source() {
    for ds in datasets() {
        let read = |text: String, header: &[&str]| {
            let body = text.strip_prefix('\u{feff}').expect("starts with a byte-order mark").to_string();
            let mut r = csv::Reader::from_reader(body.as_bytes());
            assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), header);
            r.records().map(|x| x.expect("a valid CSV row")).collect::<Vec<csv::StringRecord>>()
        };
        let sources = read(export::sources_csv(ds), &export::SOURCES_HEADER);
        assert_eq!(sources.len(), ds.sources.len());
        let rows = read(export::evidence_csv(ds), &export::EVIDENCE_HEADER);
        let pieces: Vec<_> = ds.events.iter().flat_map(|e| e.evidence.iter().map(move |x| (e, x))).collect();
        assert_eq!(rows.len(), pieces.len());
        for (row, (e, x)) in rows.iter().zip(pieces) {
            assert_eq!((&row[0], &row[1], &row[3]), (e.id, x.field.id(), x.quote));
            assert_eq!(&row[2], ds.sources[x.source as usize].id);
            assert!(sources.iter().any(|s| s[0] == row[2]), "the evidence's source is a row of sources.csv");
        }
    }
}

#[test]
fn the_data_package_describes_each_csv_file_column_for_column() {
    for ds in datasets() {
        let p: Value = serde_json::from_str(&export::datapackage(ds)).unwrap();
        let resources = p["resources"].as_array().unwrap();
        let header = |name: &str| -> Vec<String> {
            let r = resources.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("no resource {name}"));
            assert_eq!(r["path"], format!("{name}.csv"));
            r["schema"]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_string()).collect()
        };
        assert_eq!(header("events"), export::CSV_HEADER);
        assert_eq!(header("sources"), export::SOURCES_HEADER);
        assert_eq!(header("evidence"), export::EVIDENCE_HEADER);
        assert_eq!(p["version"], ds.version);
    }
}
