//! The dataset file as written by people: TOML, ids as strings, optional fields left out.
//!
//! Each record is deserialised on its own, so that a typo is reported with the record it is in.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::problem::{Problem, record};

#[derive(Debug, Clone, Default)]
pub struct RawDataset {
    pub version: String,
    pub updated: String,
    pub title: String,
    pub question: String,
    pub widget: RawWidget,
    pub sectors: Vec<RawSector>,
    pub pressure_types: Vec<RawPressureType>,
    pub outcomes: Vec<RawOutcome>,
    pub companies: Vec<RawCompany>,
    pub events: Vec<RawEvent>,
    pub methodology: Vec<RawNote>,
    pub corrections: Vec<RawCorrection>,
    pub releases: Vec<RawRelease>,
    pub letters: Vec<RawLetter>,
    pub context: Vec<RawContext>,
    pub denylist: Vec<RawDenied>,
}

/// The `[widget]` table: the words and settings specific to this tracker's story (see `docs/dataset.md`).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawWidget {
    pub since: u16,
    pub row: String,
    pub rows: String,
    pub row_heading: String,
    pub rows_heading: String,
    pub caption: String,
    #[serde(default)]
    pub switch: String,
    pub file_stem: String,
    pub summary: String,
    pub context: RawContextPanel,
    pub movement: RawStoryPanel,
    pub confidence: Vec<RawConfidence>,
}

/// A story panel's title and lede.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawStoryPanel {
    pub title: String,
    pub lede: String,
}

/// The context panel's title and lede, and the sides its points take.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawContextPanel {
    pub title: String,
    pub lede: String,
    #[serde(default)]
    pub stances: Vec<RawStance>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawStance {
    pub id: String,
    pub heading: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawConfidence {
    pub id: String,
    pub note: String,
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
    /// Other names a reader may search for: a subsidiary, a product, a former name.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// Its Wikidata item (`Q…`), only where a search result showed it.
    #[serde(default)]
    pub wikidata: String,
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
    pub response: Option<RawResponse>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    /// The sources' own words behind each prose field.
    #[serde(default)]
    pub evidence: Vec<RawEvidence>,
}

/// A source's words that support one of the event's prose fields, copied verbatim from the page read.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    /// `summary`, `stakes`, `actors`, `people`, `result`, `disputed` or `response` for an event; `summary` or
    /// `disputed` for a letter; a point of context, with one text, may leave it out.
    #[serde(default)]
    pub field: String,
    /// The address (`url` or `read_at`) of one of the record's sources (for a letter: one its counts or events
    /// cite).
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The original's own address, when it is known (seen, never constructed).
    #[serde(default)]
    pub url: String,
    /// The original's publisher, headline and publication date.
    pub publisher: String,
    pub title: String,
    #[serde(default)]
    pub date: Option<String>,
    /// `primary`, `original`, `copy` or `secondary` (see `docs/dataset.md`).
    pub kind: String,
    /// Where a copy was read, when the original itself was not.
    #[serde(default)]
    pub read_at: String,
    /// What the copy is ("licensed copy on …"); required with `read_at`.
    #[serde(default)]
    pub via: String,
    #[serde(default)]
    pub title_note: String,
    /// An archived copy of the page: its address and the date it was archived.
    #[serde(default)]
    pub archived: Option<RawArchived>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawArchived {
    pub url: String,
    pub date: String,
}

/// What the company said, as the reporting records it.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawResponse {
    /// `responded`, `declined`, `no-response` or `not-reported`.
    pub status: String,
    #[serde(default)]
    pub text: String,
    /// The text is a direct quote.
    #[serde(default)]
    pub quote: bool,
    /// The address (`url` or `read_at`) of one of the event's sources that records the response.
    #[serde(default)]
    pub source: String,
}

/// A domain whose pages are never a source: a content farm, an AI paraphrase, a scraper, a look-alike.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawDenied {
    pub domain: String,
    pub reason: String,
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

/// A release of the data, with what it changed.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawRelease {
    pub version: String,
    pub date: String,
    pub note: String,
    #[serde(default)]
    pub added: Vec<String>,
    #[serde(default)]
    pub removed: Vec<String>,
    #[serde(default)]
    pub recoded: Vec<RawRecode>,
}

/// An event whose outcome a release changed: its id and the outcome ids before and after.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawRecode {
    pub event: String,
    pub from: String,
    pub to: String,
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
    /// The words behind `summary` and `disputed`, from a source a count or one of its events cites.
    #[serde(default)]
    pub evidence: Vec<RawEvidence>,
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
    /// The page's own words that give the count.
    #[serde(default)]
    pub quote: String,
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
    /// The words behind `text`, from the point's own sources.
    #[serde(default)]
    pub evidence: Vec<RawEvidence>,
}

/// The file's top level. Each list of records is kept as TOML values and read record by record, so that a
/// problem in one names that record; a list left out is empty (the validator says when that is wrong).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct Top {
    version: String,
    updated: String,
    title: String,
    question: String,
    widget: Option<toml::Value>,
    sectors: Vec<toml::Value>,
    pressure_types: Vec<toml::Value>,
    outcomes: Vec<toml::Value>,
    companies: Vec<toml::Value>,
    events: Vec<toml::Value>,
    methodology: Vec<toml::Value>,
    corrections: Vec<toml::Value>,
    releases: Vec<toml::Value>,
    letters: Vec<toml::Value>,
    context: Vec<toml::Value>,
    denylist: Vec<toml::Value>,
}

/// Parses the file. Syntax errors come back as one problem with TOML's line and column; a record with a
/// missing, mistyped or unknown field is reported with its kind and id.
pub fn parse(text: &str) -> Result<RawDataset, Vec<Problem>> {
    let top: Top = toml::from_str(text).map_err(|e| vec![Problem::new("file", "", e.to_string().trim_end())])?;
    let mut problems = Vec::new();
    let raw = RawDataset {
        version: top.version,
        updated: top.updated,
        title: top.title,
        question: top.question,
        widget: match top.widget {
            Some(v) => one("widget table", v, &mut problems).unwrap_or_default(),
            None => {
                problems.push(Problem::new("widget table", "", "is missing: the file needs a [widget] table"));
                RawWidget::default()
            }
        },
        sectors: records("sector", top.sectors, &mut problems),
        pressure_types: records("pressure type", top.pressure_types, &mut problems),
        outcomes: records("outcome", top.outcomes, &mut problems),
        companies: records("company", top.companies, &mut problems),
        events: records("event", top.events, &mut problems),
        methodology: records("methodology", top.methodology, &mut problems),
        corrections: records("correction", top.corrections, &mut problems),
        releases: records("release", top.releases, &mut problems),
        letters: records("letter", top.letters, &mut problems),
        context: records("context", top.context, &mut problems),
        denylist: records("denied domain", top.denylist, &mut problems),
    };
    if problems.is_empty() { Ok(raw) } else { Err(problems) }
}

fn records<T: DeserializeOwned>(kind: &str, values: Vec<toml::Value>, problems: &mut Vec<Problem>) -> Vec<T> {
    let mut out = Vec::with_capacity(values.len());
    for (i, v) in values.into_iter().enumerate() {
        let name = match v.get("id").and_then(|id| id.as_str()) {
            Some(id) => record(kind, id),
            // Releases are named by their version.
            None => match v.get("version").and_then(|id| id.as_str()) {
                Some(version) => record(kind, version),
                None => format!("{kind} #{}", i + 1),
            },
        };
        out.extend(one(&name, v, problems));
    }
    out
}

/// Reads one record, or reports why it cannot be read, naming it and, where serde says, the field.
fn one<T: DeserializeOwned>(name: &str, v: toml::Value, problems: &mut Vec<Problem>) -> Option<T> {
    T::deserialize(v)
        .map_err(|e| {
            let message = e.to_string().trim_end().to_string();
            problems.push(Problem { record: name.to_string(), field: field_of(&message), message });
        })
        .ok()
}

/// The field a serde message is about: serde quotes it in backticks ("missing field `date`", "unknown field
/// `sumary`, expected one of …"); empty when the message names none.
fn field_of(message: &str) -> String {
    let named = ["missing field `", "unknown field `", "duplicate field `"];
    named
        .iter()
        .find_map(|lead| message.split_once(lead).and_then(|(_, rest)| rest.split('`').next()))
        .unwrap_or("")
        .to_string()
}
