//! Loading `chitieu/1` datasets from JSON or CSV, validating them, and writing them back.
//!
//! Datasets are written by hand, so every problem is reported with where it is (a JSON
//! path with line and column, or a CSV line and column) and what was expected, and as
//! many problems as can be found are reported at once, so a web team fixes a file in
//! one round instead of one error per upload.
//!
//! Loading is two steps: *reading* turns text into a [`Dataset`] (structure: fields,
//! types, ops), then [`validate`] checks what the types cannot (duplicate ids, a
//! numerator above its denominator, a printed figure that disagrees with its ratio…).
//! [`load_json`], [`load_csv`] and [`load_auto`] do both and fail on any error-level
//! finding; [`read_json`] and [`read_csv`] only read. [`lean`] reads an already parsed
//! JSON value without serde, for the widgets' wasm.

use std::fmt;

use serde::Serialize;

use crate::model::Dataset;

mod csv_form;
mod json_form;
pub mod lean;
mod num;
mod validate;

pub use csv_form::{guard_formula, read_csv, to_csv, to_csv_with, unguard_formula, CSV_COLUMNS};
pub use json_form::{read_json, to_json};
pub use num::read_number;
pub use validate::{has_errors, validate};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The dataset cannot be used as it is.
    Error,
    /// Usable, but a careful reviewer would ask about it.
    Warning,
}

/// One finding about a dataset: a reading error or a validation error or warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Where, as a JSON path such as `indicators[3].targets[0].max`; empty for the
    /// document as a whole. CSV findings use the same paths, so a finding means the same
    /// thing whichever form the data came in.
    pub path: String,
    /// What is wrong and what was expected; names the indicator id when there is one.
    pub message: String,
    /// 1-based line in the source text, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column: a character column in JSON, a cell number in CSV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// CSV only: the header of the column the cell is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, path.into(), message.into())
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, path.into(), message.into())
    }

    fn new(severity: Severity, path: String, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            path,
            message,
            line: None,
            column: None,
            field: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// JSON findings read `path: message (line L, column C)`; CSV findings lead with the
/// line and cell, which is what a person looks for in a spreadsheet.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // CSV findings, and JSON syntax errors (which have no path), lead with the
        // place; the rest lead with their path.
        if self.field.is_some() || (self.path.is_empty() && self.line.is_some()) {
            let field = self
                .field
                .as_deref()
                .map(|f| format!(" ({f})"))
                .unwrap_or_default();
            match (self.line, self.column) {
                (Some(l), Some(c)) => write!(f, "line {l}, column {c}{field}: ")?,
                (Some(l), None) => write!(f, "line {l}{field}: ")?,
                _ => write!(f, "column{field}: ")?,
            }
            return f.write_str(&self.message);
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, " (line {l}, column {c})"),
            (Some(l), None) => write!(f, " (line {l})"),
            _ => Ok(()),
        }
    }
}

/// A dataset that loaded, with the warnings a reviewer should look at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loaded {
    pub dataset: Dataset,
    pub warnings: Vec<Diagnostic>,
}

/// The two written forms of a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Csv,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
        })
    }
}

/// Why a dataset could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// Nothing but whitespace (or a byte-order mark).
    #[error("the {0} text is empty: expected a chitieu/1 dataset")]
    Empty(Format),
    /// The text is not a `chitieu/1` document of another version or kind.
    #[error("{0}")]
    Schema(Diagnostic),
    /// The text could not be read into a dataset: syntax, unknown or missing fields,
    /// wrong types, unknown ops. All that could be found, in order of position.
    #[error("{} in the {format} text:\n{}", count(errors.len(), "problem"), list(errors))]
    Read {
        format: Format,
        errors: Vec<Diagnostic>,
    },
    /// The dataset was read but fails validation. `warnings` are reported alongside so
    /// a person sees everything in one round.
    #[error("{}:\n{}", count(errors.len(), "validation error"), list(errors))]
    Invalid {
        errors: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
    },
}

impl LoadError {
    /// Every finding, errors first, for display in a list.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            LoadError::Empty(_) => vec![Diagnostic::error("", self.to_string())],
            LoadError::Schema(d) => vec![d.clone()],
            LoadError::Read { errors, .. } => errors.clone(),
            LoadError::Invalid { errors, warnings } => {
                errors.iter().chain(warnings).cloned().collect()
            }
        }
    }
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn list(ds: &[Diagnostic]) -> String {
    let lines: Vec<String> = ds.iter().map(|d| format!("  - {d}")).collect();
    lines.join("\n")
}

/// Reads a JSON dataset and validates it: the dataset with its warnings, or every error.
pub fn load_json(text: &str) -> Result<Loaded, LoadError> {
    let loaded = read_json(text)?;
    finish(loaded, |d, i| json_form::locate(text, d, i))
}

/// Reads a CSV dataset (see `docs/FORMAT.md`) and validates it.
pub fn load_csv(text: &str) -> Result<Loaded, LoadError> {
    let (loaded, map) = csv_form::read_with_lines(text)?;
    finish(loaded, |d, _| map.locate(d))
}

/// Loads JSON or CSV, chosen by [`detect_format`].
pub fn load_auto(text: &str, name_hint: Option<&str>) -> Result<Loaded, LoadError> {
    match detect_format(text, name_hint) {
        Format::Json => load_json(text),
        Format::Csv => load_csv(text),
    }
}

/// The format of a file: by the extension of `name_hint` (`.json`; `.csv`, `.tsv`,
/// `.txt`), else JSON when the first non-blank character is `{` or `[`, else CSV.
pub fn detect_format(text: &str, name_hint: Option<&str>) -> Format {
    let ext = name_hint
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("json") => Format::Json,
        Some("csv" | "tsv" | "txt") => Format::Csv,
        _ if strip_bom(text).trim_start().starts_with(['{', '[']) => Format::Json,
        _ => Format::Csv,
    }
}

/// At most this many reading problems are listed: past it they are usually echoes of
/// one mistake, and a person fixes the first ones first.
const MAX_LISTED: usize = 100;

/// Findings sorted by position, cut to [`MAX_LISTED`] with a note of how many more.
fn in_order(ds: Vec<Diagnostic>) -> Vec<Diagnostic> {
    in_order_counting(ds, 0)
}

/// [`in_order`], when `unkept` more findings were counted but not kept (see
/// `json_form::Found`); they come after the kept ones in the document.
fn in_order_counting(mut ds: Vec<Diagnostic>, unkept: usize) -> Vec<Diagnostic> {
    ds.sort_by_key(|d| (d.line, d.column));
    if ds.len() > MAX_LISTED || unkept > 0 {
        let more = ds.len().saturating_sub(MAX_LISTED) + unkept;
        ds.truncate(MAX_LISTED);
        let severity = ds.last().map_or(Severity::Error, |d| d.severity);
        ds.push(Diagnostic::new(
            severity,
            String::new(),
            format!("… and {more} more"),
        ));
    }
    ds
}

/// Excel and Notepad write a UTF-8 byte-order mark; it is not part of the data.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Validates a read dataset, places each finding in the source text, and splits the
/// result into success with warnings or failure with everything.
fn finish(loaded: Loaded, locate: impl Fn(&mut Diagnostic, usize)) -> Result<Loaded, LoadError> {
    let Loaded {
        dataset,
        mut warnings,
    } = loaded;
    let mut errors = Vec::new();
    for (i, mut d) in validate(&dataset).into_iter().enumerate() {
        locate(&mut d, i);
        if d.is_error() {
            errors.push(d);
        } else {
            warnings.push(d);
        }
    }
    if errors.is_empty() {
        Ok(Loaded { dataset, warnings })
    } else {
        Err(LoadError::Invalid { errors, warnings })
    }
}
