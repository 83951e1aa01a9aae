//! The real dataset's content against what the story needs: every company the story names present, non-tech
//! organisations marked, every event's provenance recorded. (The algorithms are tested on any dataset in the
//! core's tests; this file is about the ICE data alone.)

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use ice_matrix_datagen::schema::parse;

fn raw() -> ice_matrix_datagen::schema::RawDataset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/dataset.toml");
    parse(&fs::read_to_string(path).unwrap()).expect("the dataset parses")
}

/// Companies the story names. Each must have a row with at least one event.
const NAMED: [&str; 25] = [
    "amazon",
    "google",
    "meta",
    "microsoft",
    "apple",
    "salesforce",
    "spotify",
    "tiktok",
    "palantir",
    "openai",
    "anthropic",
    "github",
    "chef",
    "hootsuite",
    "wayfair",
    "mckinsey",
    "accenture",
    "deloitte",
    "thomson-reuters",
    "lexisnexis",
    "tableau",
    "clearview-ai",
    "flock-safety",
    "capgemini",
    "paragon",
];

#[test]
fn every_company_the_story_names_has_a_row_with_events() {
    let d = raw();
    let with_events: HashSet<&str> = d.events.iter().map(|e| e.company.as_str()).collect();
    for id in NAMED {
        assert!(d.companies.iter().any(|c| c.id == id), "no company {id}");
        assert!(with_events.contains(id), "{id} has no event");
    }
}

#[test]
fn non_tech_organisations_are_marked() {
    let d = raw();
    let non_tech: HashSet<&str> = d.sectors.iter().filter(|s| !s.tech).map(|s| s.id.as_str()).collect();
    for id in ["avelo-airlines", "ups", "prairie-band-potawatomi", "oneida-esc-group"] {
        let c = d.companies.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no {id}"));
        assert!(non_tech.contains(c.sector.as_str()), "{id} should be in a non-tech sector");
    }
}

#[test]
fn every_event_carries_its_provenance() {
    for e in raw().events {
        assert!(!e.note_id.trim().is_empty(), "event {} does not name the research note it came from", e.id);
    }
}
