//! The dataset as the widget holds it: `'static` tables. The widget's are generated at build time from the
//! dataset file (`ice-matrix-datagen` validates it and writes them as Rust source); natively, datagen can also
//! build them at run time, which is how the tests load small fixture datasets. References between records are
//! indexes into these tables, already checked by the validator, so the view never looks anything up by string.
//!
//! Optional text fields are empty strings when absent. The long texts (event details, sources, letters,
//! context, methodology, coding rules) exist in native code only: the build renders them into the HTML
//! fragments that the widget loads after its first view (see `fragments.rs`), so the wasm carries only what
//! the matrix needs, and a view that reached for a long text would not compile.

/// The most outcomes a dataset may have: a set of outcomes is a 32-bit mask.
pub const MAX_OUTCOMES: usize = 32;
/// The most sectors, and the most pressure types: they are indexed by `u8`.
pub const MAX_SECTORS: usize = u8::MAX as usize;
pub const MAX_PRESSURE_TYPES: usize = u8::MAX as usize;
/// The most companies (rows), events and sources: they are indexed by `u16`.
pub const MAX_RECORDS: usize = u16::MAX as usize;

/// A date whose month and day may be unknown (0). Orders chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub y: u16,
    pub m: u8,
    pub d: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// "22 August 2019", "August 2019" or "2019", as precise as the data.
    pub fn long(&self) -> String {
        let y = self.y.to_string();
        match (self.m, self.d) {
            (0, _) => y,
            (m, 0) => format!("{} {y}", MONTHS[(m - 1) as usize % 12]),
            (m, d) => format!("{d} {} {y}", MONTHS[(m - 1) as usize % 12]),
        }
    }

    /// "Aug 2019" or "2019": the month at most, for cell labels.
    pub fn short(&self) -> String {
        match self.m {
            0 => self.y.to_string(),
            m => format!("{} {}", &MONTHS[(m - 1) as usize % 12][..3], self.y),
        }
    }

    /// ISO 8601 at the known precision (`2019`, `2019-08`, `2019-08-22`), for `<time datetime>` and the data
    /// files; the form the dataset file writes dates in.
    pub fn iso(&self) -> String {
        match (self.m, self.d) {
            (0, _) => format!("{:04}", self.y),
            (m, 0) => format!("{:04}-{m:02}", self.y),
            (m, d) => format!("{:04}-{m:02}-{d:02}", self.y),
        }
    }

    /// True when month and day are both known.
    pub fn is_full(&self) -> bool {
        self.m != 0 && self.d != 0
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a link's `asof=`), for years 1900 to 2999; None otherwise.
    pub fn parse_iso(s: &str) -> Option<Date> {
        fn num<T: std::str::FromStr>(p: &str, len: usize) -> Option<T> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok()).flatten()
        }
        let mut parts = s.split('-');
        let y: u16 = num(parts.next()?, 4)?;
        let m: u8 = match parts.next() {
            Some(p) => num(p, 2).filter(|&m| m >= 1)?,
            None => 0,
        };
        let d: u8 = match parts.next() {
            Some(p) => num(p, 2).filter(|&d| d >= 1)?,
            None => 0,
        };
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let ok = (1900..3000).contains(&y) && m <= 12 && (m == 0 || d <= days[(m - 1) as usize]);
        (ok && parts.next().is_none()).then_some(Date { y, m, d })
    }

    /// The rule for "as of" a date: an event counts when its date, read at its own precision, begins on or before
    /// the end of `asof` (read at its own). An event dated only "2019" counts as of August 2019, since it may
    /// have come before; one dated September 2019 does not.
    pub fn counts_as_of(self, asof: Date) -> bool {
        let start = (self.y, self.m.max(1), self.d.max(1));
        let end = (asof.y, if asof.m == 0 { 12 } else { asof.m }, if asof.d == 0 { 31 } else { asof.d });
        start <= end
    }
}

#[derive(Debug, PartialEq)]
pub struct Sector {
    pub id: &'static str,
    pub label: &'static str,
    /// Whether the widget's switch ([`Widget::switch`]) keeps this sector's rows; in the ICE tracker, false
    /// for non-tech companies and institutions.
    pub tech: bool,
}

#[derive(Debug, PartialEq)]
pub struct PressureType {
    pub id: &'static str,
    pub label: &'static str,
    pub short: &'static str,
    pub definition: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub rule: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Outcome {
    pub id: &'static str,
    pub label: &'static str,
    /// A word or two for the cell itself.
    pub short: &'static str,
    pub glyph: &'static str,
    /// Cell fill, `#rrggbb`.
    pub color: &'static str,
    /// Text colour on the fill, computed at build time for contrast.
    pub ink: &'static str,
    /// Lower is a stronger break of ties. Outcomes are stored in rank order.
    pub rank: u32,
    pub definition: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub rule: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Company {
    pub id: &'static str,
    pub name: &'static str,
    /// Other names the search box knows it by (a subsidiary, a product), from the data.
    pub aliases: &'static [&'static str],
    /// Index into [`Dataset::sectors`].
    pub sector: u8,
    /// Its Wikidata item (`Q…`), or empty; the company's story links it under "Elsewhere".
    pub wikidata: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub note: &'static str,
}

/// What a source is, which says what it can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A primary document: the letter itself, a filing, a contract record, a company's or agency's statement.
    Primary,
    /// Original reporting, read on its publisher's own site.
    Original,
    /// A licensed, wire or syndicated copy (or an e-edition) of a named original, read where `read_at` says.
    Copy,
    /// Another outlet's write-up of someone else's reporting: an extra source, never the only one.
    Secondary,
}

impl SourceKind {
    pub const ALL: [SourceKind; 4] =
        [SourceKind::Primary, SourceKind::Original, SourceKind::Copy, SourceKind::Secondary];

    /// The id in the dataset file and the downloads.
    pub fn id(self) -> &'static str {
        match self {
            SourceKind::Primary => "primary",
            SourceKind::Original => "original",
            SourceKind::Copy => "copy",
            SourceKind::Secondary => "secondary",
        }
    }

    /// Whether the source can carry an event on its own.
    pub fn stands_alone(self) -> bool {
        self != SourceKind::Secondary
    }
}

/// A source as it was read: the original's publisher, headline and date, and, when only a copy was read,
/// where.
#[derive(Debug, PartialEq)]
pub struct Source {
    pub id: &'static str,
    /// The original's own address; empty when it is not known (then `read_at` is set).
    pub url: &'static str,
    pub publisher: &'static str,
    pub title: &'static str,
    /// Set when the title was not seen as a headline.
    pub title_note: &'static str,
    pub date: Option<Date>,
    pub kind: SourceKind,
    /// Where a copy was read, when the original itself was not; empty otherwise.
    pub read_at: &'static str,
    /// What that copy is ("licensed copy on …").
    pub via: &'static str,
    /// An archived copy of the page and the date it was archived; empty and `None` when there is none.
    pub archived: &'static str,
    pub archived_date: Option<Date>,
}

impl Source {
    /// The address a reader follows: the original's when known, else the copy's.
    pub fn link(&self) -> &'static str {
        if self.url.is_empty() { self.read_at } else { self.url }
    }
}

/// What the company said, as the reporting records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResponseStatus {
    Responded,
    Declined,
    NoResponse,
    NotReported,
}

impl ResponseStatus {
    pub const ALL: [ResponseStatus; 4] =
        [ResponseStatus::Responded, ResponseStatus::Declined, ResponseStatus::NoResponse, ResponseStatus::NotReported];

    pub fn id(self) -> &'static str {
        match self {
            ResponseStatus::Responded => "responded",
            ResponseStatus::Declined => "declined",
            ResponseStatus::NoResponse => "no-response",
            ResponseStatus::NotReported => "not-reported",
        }
    }

    /// How a reader sees it.
    pub fn label(self) -> &'static str {
        match self {
            ResponseStatus::Responded => "Responded",
            ResponseStatus::Declined => "Declined to comment",
            ResponseStatus::NoResponse => "Did not respond",
            ResponseStatus::NotReported => "Not reported",
        }
    }
}

/// The company's response to the pressure an event records.
#[derive(Debug, PartialEq)]
pub struct Response {
    pub status: ResponseStatus,
    /// What it said, in the dataset's words, or a direct quote when `quote` is set; may be empty.
    pub text: &'static str,
    pub quote: bool,
    /// Index into [`Dataset::sources`] of the event's source that records it.
    pub source: Option<u16>,
}

/// The prose field of an event that a piece of [`Evidence`] supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceField {
    Summary,
    Stakes,
    Actors,
    People,
    Result,
    Disputed,
    Response,
    /// A point of context's text.
    Text,
}

impl EvidenceField {
    pub const ALL: [EvidenceField; 8] = [
        EvidenceField::Summary,
        EvidenceField::Stakes,
        EvidenceField::Actors,
        EvidenceField::People,
        EvidenceField::Result,
        EvidenceField::Disputed,
        EvidenceField::Response,
        EvidenceField::Text,
    ];

    /// As the data names it (`field = "…"`, and in `dataset.json` and `evidence.csv`).
    pub fn id(self) -> &'static str {
        match self {
            EvidenceField::Summary => "summary",
            EvidenceField::Stakes => "stakes",
            EvidenceField::Actors => "actors",
            EvidenceField::People => "people",
            EvidenceField::Result => "result",
            EvidenceField::Disputed => "disputed",
            EvidenceField::Response => "response",
            EvidenceField::Text => "text",
        }
    }
}

/// A source's own words behind one of an event's prose fields, copied verbatim from the page read (4 to 90
/// words, `…` for cuts).
#[derive(Debug, PartialEq)]
pub struct Evidence {
    pub field: EvidenceField,
    /// Index into [`Dataset::sources`]; always one of the event's own sources.
    pub source: u16,
    pub quote: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Event {
    #[cfg(not(target_arch = "wasm32"))]
    pub id: &'static str,
    /// Index into [`Dataset::companies`].
    pub company: u16,
    /// Subsidiary, product or division at issue.
    #[cfg(not(target_arch = "wasm32"))]
    pub unit: &'static str,
    pub date: Date,
    /// Indexes into [`Dataset::pressure_types`]; never empty.
    pub pressure_types: &'static [u8],
    /// Index into [`Dataset::outcomes`].
    pub outcome: u8,
    #[cfg(not(target_arch = "wasm32"))]
    pub summary: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub stakes: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub actors: &'static str,
    /// Signatories or participants, where a source gives a number.
    #[cfg(not(target_arch = "wasm32"))]
    pub people: Option<u32>,
    #[cfg(not(target_arch = "wasm32"))]
    pub result: &'static str,
    /// Index into [`Widget::confidence`].
    #[cfg(not(target_arch = "wasm32"))]
    pub confidence: u8,
    #[cfg(not(target_arch = "wasm32"))]
    pub disputed: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub response: Response,
    /// Indexes into [`Dataset::sources`]; never empty, and at least one of them stands alone.
    #[cfg(not(target_arch = "wasm32"))]
    pub sources: &'static [u16],
    /// The sources' words behind each prose field; every non-empty field has at least one.
    #[cfg(not(target_arch = "wasm32"))]
    pub evidence: &'static [Evidence],
}

/// A section of the methodology panel.
#[derive(Debug, PartialEq)]
pub struct Note {
    pub id: &'static str,
    pub heading: &'static str,
    pub text: &'static str,
}

/// An entry of the corrections log (newest first).
#[derive(Debug, PartialEq)]
pub struct Correction {
    pub date: Date,
    pub text: &'static str,
}

/// A release of the data: what it added, removed and recoded (from the repository's history, kept in the file
/// since the build sees only the current data). Its corrections are those dated after the release before it,
/// up to its date.
#[derive(Debug, PartialEq)]
pub struct Release {
    pub version: &'static str,
    pub date: Date,
    /// What the release was, in a sentence.
    pub note: &'static str,
    /// Events added, by id (an event a later release removed is still named here).
    pub added: &'static [&'static str],
    /// Events removed, by id.
    pub removed: &'static [&'static str],
    pub recoded: &'static [Recode],
}

/// An event whose outcome a release changed.
#[derive(Debug, PartialEq)]
pub struct Recode {
    pub event: &'static str,
    pub from: u8,
    pub to: u8,
}

/// A signatory count of a letter at a date, with the source that gives it.
#[derive(Debug, PartialEq)]
pub struct Count {
    pub date: Date,
    pub count: u32,
    /// "more than", "about", … or empty.
    pub qualifier: &'static str,
    /// What was counted: "signatures", "employees", …
    pub what: &'static str,
    pub source: u16,
    /// The source's own words that give the count.
    pub quote: &'static str,
}

/// An open letter or petition of the movement.
#[derive(Debug, PartialEq)]
pub struct Letter {
    pub id: &'static str,
    pub name: &'static str,
    pub date: Date,
    pub companies: &'static [u16],
    pub summary: &'static str,
    pub events: &'static [u16],
    pub disputed: &'static str,
    /// Oldest first: how the count grew.
    pub counts: &'static [Count],
    /// The words behind `summary` and `disputed`.
    pub evidence: &'static [Evidence],
}

/// A sourced point that explains outcomes, on one of the sides the dataset names ([`Widget::stances`]).
#[derive(Debug, PartialEq)]
pub struct Context {
    pub id: &'static str,
    /// Index into [`Widget::stances`].
    pub stance: u8,
    pub heading: &'static str,
    pub text: &'static str,
    pub events: &'static [u16],
    pub sources: &'static [u16],
    /// The words behind `text`, from its own sources.
    pub evidence: &'static [Evidence],
}

/// A domain whose pages are never a source, and why.
#[derive(Debug, PartialEq)]
pub struct Denied {
    pub domain: &'static str,
    pub reason: &'static str,
}

/// One side of the context panel.
#[derive(Debug, PartialEq)]
pub struct Stance {
    pub id: &'static str,
    pub heading: &'static str,
}

/// A confidence level an event may have, and what an event with it says under "Confidence" ("" for nothing).
#[derive(Debug, PartialEq)]
pub struct Confidence {
    pub id: &'static str,
    pub note: &'static str,
}

/// The words and settings specific to one tracker's story (the dataset's `[widget]` table).
#[derive(Debug, PartialEq)]
pub struct Widget {
    /// A row of the matrix in running text: "company", "companies".
    pub row: &'static str,
    pub rows: &'static str,
    /// The first column's heading ("Company") and the first key figure's label ("Companies").
    pub row_heading: &'static str,
    pub rows_heading: &'static str,
    /// The matrix's caption.
    pub caption: &'static str,
    /// The label of the switch that keeps only the sectors marked `tech`; empty for no switch.
    pub switch: &'static str,
    /// The story panels' titles.
    pub context_title: &'static str,
    pub movement_title: &'static str,
    /// The first year the tracker covers.
    #[cfg(not(target_arch = "wasm32"))]
    pub since: u16,
    /// The downloads are `<file_stem>-dataset.json` and `<file_stem>-events.csv`.
    #[cfg(not(target_arch = "wasm32"))]
    pub file_stem: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub context_lede: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub movement_lede: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub stances: &'static [Stance],
    #[cfg(not(target_arch = "wasm32"))]
    pub confidence: &'static [Confidence],
}

/// The whole dataset. Events are sorted by date, outcomes by rank.
#[derive(Debug, PartialEq)]
pub struct Dataset {
    pub version: &'static str,
    pub updated: Date,
    pub title: &'static str,
    pub question: &'static str,
    /// The summary sentence above the matrix, written at build time from the data and the `[widget] summary` template.
    pub summary: &'static str,
    pub widget: Widget,
    pub sectors: &'static [Sector],
    pub pressure_types: &'static [PressureType],
    pub outcomes: &'static [Outcome],
    pub companies: &'static [Company],
    pub events: &'static [Event],
    #[cfg(not(target_arch = "wasm32"))]
    pub sources: &'static [Source],
    #[cfg(not(target_arch = "wasm32"))]
    pub methodology: &'static [Note],
    #[cfg(not(target_arch = "wasm32"))]
    pub corrections: &'static [Correction],
    /// The releases, oldest first; the last is this version. Empty when the file keeps no history.
    #[cfg(not(target_arch = "wasm32"))]
    pub releases: &'static [Release],
    #[cfg(not(target_arch = "wasm32"))]
    pub letters: &'static [Letter],
    #[cfg(not(target_arch = "wasm32"))]
    pub context: &'static [Context],
    /// Domains that are never a source (content farms, AI paraphrases, scrapers, look-alikes).
    #[cfg(not(target_arch = "wasm32"))]
    pub denylist: &'static [Denied],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_at_their_precision() {
        let d = Date { y: 2019, m: 8, d: 22 };
        assert_eq!(d.long(), "22 August 2019");
        assert_eq!(d.short(), "Aug 2019");
        assert_eq!(d.iso(), "2019-08-22");
        assert_eq!(Date { y: 2019, m: 8, d: 0 }.long(), "August 2019");
        assert_eq!(Date { y: 2019, m: 0, d: 0 }.long(), "2019");
        assert_eq!(Date { y: 2019, m: 0, d: 0 }.iso(), "2019");
    }
}
