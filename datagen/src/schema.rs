//! The dataset file as written by people: TOML, ids as strings, optional fields left out.
//!
//! Each record is deserialised on its own, so that a typo is reported with the record it is in.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::validate::Problem;

#[derive(Debug, Clone, Default)]
pub struct RawDataset {
    pub version: String,
    pub updated: String,
    pub title: String,
    pub question: String,
    pub sectors: Vec<RawSector>,
    pub pressure_types: Vec<RawPressureType>,
    pub outcomes: Vec<RawOutcome>,
    pub companies: Vec<RawCompany>,
    pub events: Vec<RawEvent>,
    pub methodology: Vec<RawNote>,
    pub corrections: Vec<RawCorrection>,
    pub letters: Vec<RawLetter>,
    pub context: Vec<RawContext>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawSector {
    pub id: String,
    pub label: String,
    pub tech: bool,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawPressureType {
    pub id: String,
    pub label: String,
    pub short: String,
    pub definition: String,
    pub rule: String,
    /// Why the type is kept although no event uses it (otherwise an unused type is an error).
    #[serde(default)]
    pub unused: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawOutcome {
    pub id: String,
    pub label: String,
    pub short: String,
    pub glyph: String,
    pub color: String,
    pub rank: u32,
    pub definition: String,
    pub rule: String,
    #[serde(default)]
    pub unused: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawCompany {
    pub id: String,
    pub name: String,
    pub sector: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub unused: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub company: String,
    #[serde(default)]
    pub unit: String,
    pub date: String,
    pub pressure_types: Vec<String>,
    pub outcome: String,
    pub summary: String,
    #[serde(default)]
    pub stakes: String,
    #[serde(default)]
    pub actors: String,
    #[serde(default)]
    pub people: Option<u32>,
    pub result: String,
    pub confidence: String,
    #[serde(default)]
    pub disputed: String,
    /// Research-note ids the event was built from (provenance; not shown to readers).
    #[serde(default)]
    pub note_id: String,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub url: String,
    pub publisher: String,
    #[serde(default)]
    pub via: String,
    pub title: String,
    #[serde(default)]
    pub title_note: String,
    #[serde(default)]
    pub date: Option<String>,
}

/// A section of the methodology panel.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub id: String,
    pub heading: String,
    pub text: String,
}

/// An entry of the corrections log.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawCorrection {
    pub id: String,
    pub date: String,
    pub text: String,
}

/// An open letter or petition of the movement, with its signatory counts over time.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawLetter {
    pub id: String,
    pub name: String,
    pub date: String,
    #[serde(default)]
    pub companies: Vec<String>,
    pub summary: String,
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default)]
    pub disputed: String,
    #[serde(default)]
    pub counts: Vec<RawCount>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawCount {
    pub date: String,
    pub count: u32,
    #[serde(default)]
    pub qualifier: String,
    pub what: String,
    /// A source URL cited elsewhere in the dataset.
    pub url: String,
}

/// A sourced point of context: why companies kept their ties, or the case against.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawContext {
    pub id: String,
    pub stance: String,
    pub heading: String,
    pub text: String,
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Top {
    version: String,
    updated: String,
    title: String,
    question: String,
    #[serde(default)]
    sectors: Vec<toml::Value>,
    #[serde(default)]
    pressure_types: Vec<toml::Value>,
    #[serde(default)]
    outcomes: Vec<toml::Value>,
    #[serde(default)]
    companies: Vec<toml::Value>,
    #[serde(default)]
    events: Vec<toml::Value>,
    #[serde(default)]
    methodology: Vec<toml::Value>,
    #[serde(default)]
    corrections: Vec<toml::Value>,
    #[serde(default)]
    letters: Vec<toml::Value>,
    #[serde(default)]
    context: Vec<toml::Value>,
}

/// Parses the file. Syntax errors come back as one problem with TOML's line and column; a record with a
/// missing, mistyped or unknown field is reported with its kind and id.
pub fn parse(text: &str) -> Result<RawDataset, Vec<Problem>> {
    let top: Top = toml::from_str(text)
        .map_err(|e| vec![Problem::new("file", "", e.to_string().trim_end())])?;
    let mut problems = Vec::new();
    let raw = RawDataset {
        version: top.version,
        updated: top.updated,
        title: top.title,
        question: top.question,
        sectors: records("sector", top.sectors, &mut problems),
        pressure_types: records("pressure type", top.pressure_types, &mut problems),
        outcomes: records("outcome", top.outcomes, &mut problems),
        companies: records("company", top.companies, &mut problems),
        events: records("event", top.events, &mut problems),
        methodology: records("methodology", top.methodology, &mut problems),
        corrections: records("correction", top.corrections, &mut problems),
        letters: records("letter", top.letters, &mut problems),
        context: records("context", top.context, &mut problems),
    };
    if problems.is_empty() { Ok(raw) } else { Err(problems) }
}

fn records<T: DeserializeOwned>(kind: &str, values: Vec<toml::Value>, problems: &mut Vec<Problem>) -> Vec<T> {
    let mut out = Vec::with_capacity(values.len());
    for (i, v) in values.into_iter().enumerate() {
        let name = match v.get("id").and_then(|id| id.as_str()) {
            Some(id) => format!("{kind} \"{id}\""),
            None => format!("{kind} #{}", i + 1),
        };
        match T::deserialize(v) {
            Ok(r) => out.push(r),
            Err(e) => {
                let msg = e.to_string();
                let field = msg.split('`').nth(1).unwrap_or("").to_string();
                problems.push(Problem { record: name, field, message: msg.trim_end().to_string() });
            }
        }
    }
    out
}
