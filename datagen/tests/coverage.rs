//! The real dataset against what the story needs: every research note used, every named company present,
//! non-tech organisations marked, and no record left dangling.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use ice_matrix_datagen::schema::parse;

fn raw() -> ice_matrix_datagen::schema::RawDataset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/dataset.toml");
    parse(&fs::read_to_string(path).unwrap()).expect("the dataset parses")
}

/// Companies the story names (issue 3). Each must have a row with at least one event.
const NAMED: [&str; 27] = [
    "amazon", "google", "meta", "microsoft", "apple", "nvidia", "salesforce", "spotify", "tesla", "tiktok", "palantir",
    "openai", "anthropic", "github", "chef", "hootsuite", "wayfair", "mckinsey", "accenture", "deloitte",
    "thomson-reuters", "lexisnexis", "tableau", "clearview-ai", "flock-safety", "capgemini", "paragon",
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
fn every_research_note_is_used_by_an_event() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/research");
    let Ok(entries) = fs::read_dir(&dir) else {
        // The notes live beside the repository (CI has them); a clone elsewhere has nothing to compare.
        eprintln!("skipped: {} not found", dir.display());
        return;
    };
    let mut notes = Vec::new();
    for e in entries.flatten() {
        if e.path().extension().is_some_and(|x| x == "yaml") {
            let text = fs::read_to_string(e.path()).unwrap();
            notes.extend(text.lines().filter_map(|l| l.strip_prefix("id: ")).map(|s| s.trim().to_string()));
        }
    }
    assert!(notes.len() > 100, "found {} notes", notes.len());
    let d = raw();
    let used: HashSet<&str> = d.events.iter().flat_map(|e| e.note_id.split(',')).map(str::trim).collect();
    let missing: Vec<&String> = notes.iter().filter(|n| !used.contains(n.as_str())).collect();
    assert!(missing.is_empty(), "research notes with no event: {missing:?}");
}

#[test]
fn non_tech_organisations_are_marked() {
    let d = raw();
    let non_tech: HashSet<&str> = d.sectors.iter().filter(|s| !s.tech).map(|s| s.id.as_str()).collect();
    for id in ["avelo-airlines", "hilton", "target", "home-depot"] {
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
