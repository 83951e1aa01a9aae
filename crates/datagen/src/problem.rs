//! What the validator reports: one thing wrong with the dataset, naming the record and the field.

use std::fmt;

/// One thing wrong with the dataset: which record, which field, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub record: String,
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(record: impl Into<String>, field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { record: record.into(), field: field.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.record, self.message)
        } else {
            write!(f, "{}, field \"{}\": {}", self.record, self.field, self.message)
        }
    }
}

/// How a record is named in a problem: `event "acme-2019-letter"`.
pub fn record(kind: &str, id: &str) -> String {
    format!("{kind} \"{id}\"")
}
