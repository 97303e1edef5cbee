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
//!
//! **Quarantine.** A dashboard is fed by one file that a clerk edits by hand, so an error
//! inside one indicator (its unit, level, pillar, targets, baseline, observations or
//! numbers) sets that indicator aside instead of rejecting the file: it is listed in
//! [`Dataset::quarantined`] with every finding about it, and the rest loads. Only
//! *structural* errors reject the file: text that is not JSON or CSV, a wrong `schema`,
//! no plan, no indicators list, errors in the plan or a pillar (they concern every
//! indicator), an unknown top-level field, and an indicator id used twice (which makes
//! every reference to it ambiguous). [`Loaded::strict`] turns a quarantine back into an
//! error, for tools that must not drop data (`validate`, `convert`, `--strict`).

use std::fmt;

use serde::Serialize;

use crate::messages::{self, Key, Message};
use crate::model::{Dataset, Text};
use crate::number::Lang;

mod csv_form;
mod json_form;
pub mod lean;
mod num;
#[cfg(feature = "sheets")]
pub mod sheets;
mod validate;

pub use csv_form::{
    guard_formula, read_csv, read_csv_with, to_csv, to_csv_with, unguard_formula, CSV_COLUMNS,
};
pub use json_form::{read_json, read_json_with, to_json};
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
    /// What is wrong and what was expected, in English; names the indicator id when there
    /// is one. The English of `msg`, kept as text for the tools and scripts that read it.
    pub message: String,
    /// The message as a catalogue key with its arguments, to show in the reader's
    /// language ([`Diagnostic::message_in`]). Written out as its stable code, `code`
    /// (what is wrong, such as `target.op_unknown`: see [`Message::code`]).
    #[serde(rename = "code", serialize_with = "message_code")]
    pub msg: Message,
    /// 1-based line in the source text, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column: a character column in JSON, a cell number in CSV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// CSV only: the header of the column the cell is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Spreadsheets only: the sheet and cell as the clerk sees them (`line` is then the
    /// row and `column` the column, `field` the format's name for it). Only builds that
    /// read spreadsheets have the field, so the widgets' wasm is not a byte larger.
    #[cfg(feature = "sheets")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<Box<sheets::SheetPlace>>,
}

fn message_code<S: serde::Serializer>(m: &Message, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.code())
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, msg: impl Into<Message>) -> Diagnostic {
        Diagnostic::new(Severity::Error, path.into(), msg.into())
    }

    pub fn warning(path: impl Into<String>, msg: impl Into<Message>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, path.into(), msg.into())
    }

    fn new(severity: Severity, path: String, msg: Message) -> Diagnostic {
        Diagnostic {
            severity,
            path,
            message: msg.render(Lang::En),
            msg,
            line: None,
            column: None,
            field: None,
            #[cfg(feature = "sheets")]
            sheet: None,
        }
    }

    /// An error that is already a sentence in the reader's language: a finding the
    /// analysis wasm wrote out for a widget ([`Quarantined::localize`]), read back by the
    /// widgets' wasm, which holds no catalogue (so this writes nothing out).
    pub fn sentence(text: String) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: String::new(),
            msg: Message::new(Key::Sentence).with("text", text.as_str()),
            message: text,
            line: None,
            column: None,
            field: None,
            #[cfg(feature = "sheets")]
            sheet: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Replaces the message (and its English).
    pub fn set_message(&mut self, msg: Message) {
        self.message = msg.render(Lang::En);
        self.msg = msg;
    }

    /// The message in the language of `lang` (`"vi"`, `"vi-VN"`… for Vietnamese, else
    /// English; see [`messages::lang`]).
    pub fn message_in(&self, lang: &str) -> String {
        self.msg.render(messages::lang(lang))
    }

    /// The finding with where it is, as `Display` writes it, in the language of `lang`:
    /// "dòng 12, cột 4 (op): …", "indicators[3].targets[0].op: … (dòng 5, cột 12)".
    pub fn display_in(&self, lang: &str) -> String {
        self.write_in(messages::lang(lang))
    }

    /// CSV findings, and JSON syntax errors (which have no path), lead with the line and
    /// cell, which is what a person looks for in a spreadsheet; the rest lead with their
    /// path and end with the place.
    fn write_in(&self, lang: Lang) -> String {
        #[cfg(feature = "sheets")]
        if let Some(place) = &self.sheet {
            return format!("{}: {}", place.render(lang), self.msg.render(lang));
        }
        let place = match (self.line, self.column) {
            (Some(l), Some(c)) => Some(
                Message::new(Key::PlaceLineColumn)
                    .with("line", l)
                    .with("column", c),
            ),
            (Some(l), None) => Some(Message::new(Key::PlaceLine).with("line", l)),
            _ => None,
        };
        let message = self.msg.render(lang);
        if self.field.is_some() || (self.path.is_empty() && self.line.is_some()) {
            let place = place.unwrap_or_else(|| Message::new(Key::PlaceColumn));
            let field = self
                .field
                .as_deref()
                .map(|f| format!(" ({f})"))
                .unwrap_or_default();
            return format!("{}{field}: {message}", place.render(lang));
        }
        let mut out = String::new();
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        out.push_str(&message);
        if let Some(place) = place {
            out.push_str(&format!(" ({})", place.render(lang)));
        }
        out
    }
}

/// JSON findings read `path: message (line L, column C)`; CSV findings
/// `line L, column C (field): message`. In English; [`Diagnostic::display_in`] for either
/// language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.write_in(Lang::En))
    }
}

/// A dataset that loaded, with the warnings a reviewer should look at. Indicators whose
/// own data is invalid are in `dataset.quarantined`, not in `dataset.indicators`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loaded {
    pub dataset: Dataset,
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    /// The dataset only if no indicator is quarantined; else every finding as an error,
    /// as loading was before quarantine. For tools that must not drop data.
    pub fn strict(self) -> Result<Loaded, LoadError> {
        if self.dataset.quarantined.is_empty() && self.dataset.quarantined_tasks.is_empty() {
            return Ok(self);
        }
        let (mut errors, mut warnings) = (Vec::new(), self.warnings);
        let (indicators, tasks) = (self.dataset.quarantined, self.dataset.quarantined_tasks);
        for q in indicators.into_iter().chain(tasks) {
            for d in q.diagnostics {
                if d.is_error() {
                    errors.push(d);
                } else {
                    warnings.push(d);
                }
            }
        }
        by_place(&mut errors);
        by_place(&mut warnings);
        Err(LoadError::Invalid { errors, warnings })
    }
}

/// An indicator or a task set aside because its own data is invalid (see the module
/// docs). Which one it is follows from the list it is in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quarantined {
    /// Its place among the file's indicators (or tasks), from 0.
    pub index: usize,
    /// Its id as written; empty when it has none that can be read.
    pub id: String,
    /// Its name and pillar when they can be read, so a table can list it in its place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pillar: Option<String>,
    /// Every finding about it, errors first, each with its place in the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Quarantined {
    /// An indicator set aside, with what can be shown of it in its place.
    pub fn indicator(index: usize, ind: crate::model::Indicator) -> Quarantined {
        Quarantined {
            index,
            id: ind.id,
            name: Some(ind.name),
            pillar: ind.pillar,
            diagnostics: Vec::new(),
        }
    }

    /// A task set aside, with what can be shown of it in its place.
    pub fn task(index: usize, task: crate::model::Task) -> Quarantined {
        Quarantined {
            index,
            id: task.id,
            name: Some(task.name),
            pillar: task.pillar,
            diagnostics: Vec::new(),
        }
    }

    /// An indicator by how it is named in messages: its id, else its place.
    pub fn label(&self) -> String {
        if self.id.is_empty() {
            format!("#{}", self.index + 1)
        } else {
            self.id.clone()
        }
    }
}

impl Quarantined {
    /// Prepares the findings for a widget: each `message` becomes the whole sentence in
    /// `lang`, place included ([`Diagnostic::display_in`]). The widgets show `message`
    /// as it is, so their wasm carries no catalogue; every host (the analysis wasm for
    /// the page, `chitieu render`) calls this first.
    pub fn localize(&mut self, lang: &str) {
        for d in &mut self.diagnostics {
            d.message = d.display_in(lang);
        }
    }
}

/// The place in the file's `indicators` of the indicator a finding is inside
/// (`indicators[3].targets[0].op` → 3); `None` for a finding about the whole file.
pub fn indicator_index(path: &str) -> Option<usize> {
    list_index(path, "indicators[")
}

/// The place in the file's `tasks` of the task a finding is inside (`tasks[2].due` → 2).
pub fn task_index(path: &str) -> Option<usize> {
    list_index(path, "tasks[")
}

fn list_index(path: &str, list: &str) -> Option<usize> {
    let rest = path.strip_prefix(list)?;
    let (n, _) = rest.split_once(']')?;
    n.parse().ok()
}

/// What can be set aside alone: an indicator or a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Indicator,
    Task,
}

impl Item {
    const BOTH: [Item; 2] = [Item::Indicator, Item::Task];

    /// The item a finding is inside, with its place in its list; `None` for a finding
    /// about the whole file.
    pub fn of(path: &str) -> Option<(Item, usize)> {
        indicator_index(path)
            .map(|i| (Item::Indicator, i))
            .or_else(|| task_index(path).map(|i| (Item::Task, i)))
    }

    fn slot(self) -> usize {
        self as usize
    }

    fn list(self) -> &'static str {
        match self {
            Item::Indicator => "indicators",
            Item::Task => "tasks",
        }
    }
}

/// `path` with its item's index replaced: validation sees only the items that were
/// read, and its paths must name their places in the file.
fn reindex(path: &str, item: Item, place: usize) -> String {
    let list = item.list();
    match path
        .strip_prefix(list)
        .and_then(|r| r.strip_prefix('['))
        .and_then(|r| r.split_once(']'))
    {
        Some((_, rest)) => format!("{list}[{place}]{rest}"),
        None => path.to_string(),
    }
}

/// The written forms of a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Csv,
    /// A workbook: .xlsx, .xlsm, .xls or .ods ([`sheets`]).
    #[cfg(feature = "sheets")]
    Sheet,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            #[cfg(feature = "sheets")]
            Format::Sheet => "XLSX/ODS",
        })
    }
}

/// Why a dataset could not be loaded. `Display` writes it in English;
/// [`LoadError::display_in`] in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Nothing but whitespace (or a byte-order mark).
    Empty(Format),
    /// The text is not a `chitieu/1` document of another version or kind.
    Schema(Diagnostic),
    /// The text could not be read into a dataset: syntax, unknown or missing fields,
    /// wrong types, unknown ops. All that could be found, in order of position.
    Read {
        format: Format,
        errors: Vec<Diagnostic>,
    },
    /// The dataset was read but fails validation. `warnings` are reported alongside so
    /// a person sees everything in one round.
    Invalid {
        errors: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
    },
}

impl LoadError {
    /// Every finding, errors first, for display in a list.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            LoadError::Empty(format) => vec![Diagnostic::error("", empty_message(*format))],
            LoadError::Schema(d) => vec![d.clone()],
            LoadError::Read { errors, .. } => errors.clone(),
            LoadError::Invalid { errors, warnings } => {
                errors.iter().chain(warnings).cloned().collect()
            }
        }
    }

    /// The error in the language of `lang` (see [`messages::lang`]): a count, then each
    /// finding on a line of its own ("3 lỗi trong tệp JSON:\n  - …").
    pub fn display_in(&self, lang: &str) -> String {
        self.write_in(messages::lang(lang))
    }

    fn write_in(&self, lang: Lang) -> String {
        let (head, errors) = match self {
            LoadError::Empty(format) => return empty_message(*format).render(lang),
            LoadError::Schema(d) => return d.write_in(lang),
            LoadError::Read { format, errors } => {
                let key = match errors.len() {
                    1 => Key::LoadReadOne,
                    _ => Key::LoadReadMany,
                };
                let head = Message::new(key)
                    .with("count", errors.len())
                    .with("format", format.to_string());
                (head, errors)
            }
            LoadError::Invalid { errors, .. } => {
                let key = match errors.len() {
                    1 => Key::LoadInvalidOne,
                    _ => Key::LoadInvalidMany,
                };
                (Message::new(key).with("count", errors.len()), errors)
            }
        };
        let mut out = head.render(lang);
        for d in errors {
            out.push_str("\n  - ");
            out.push_str(&d.write_in(lang));
        }
        out
    }
}

fn empty_message(format: Format) -> Message {
    Message::new(Key::LoadEmpty).with("format", format.to_string())
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.write_in(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// What loading does with an indicator whose own data is invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// Refuse the file, as a validator or a converter must.
    #[default]
    Strict,
    /// Set the indicator aside in [`Dataset::quarantined`] and load the rest, as a
    /// dashboard must (see the module docs).
    Quarantine,
}

/// Reads a JSON dataset and validates it: the dataset with its warnings, or every error.
pub fn load_json(text: &str) -> Result<Loaded, LoadError> {
    load_json_with(text, Policy::Strict)
}

/// [`load_json`] under a [`Policy`].
pub fn load_json_with(text: &str, policy: Policy) -> Result<Loaded, LoadError> {
    let loaded = json_form::read_json_with(text, policy)?;
    finish(loaded, policy, &|d, i| json_form::locate(text, d, i))
}

/// Reads a CSV dataset (see `docs/FORMAT.md`) and validates it.
pub fn load_csv(text: &str) -> Result<Loaded, LoadError> {
    load_csv_with(text, Policy::Strict)
}

/// [`load_csv`] under a [`Policy`].
pub fn load_csv_with(text: &str, policy: Policy) -> Result<Loaded, LoadError> {
    let (loaded, map) = csv_form::read_text(text, policy)?;
    finish(loaded, policy, &|d, _| map.locate(d))
}

/// Loads JSON or CSV, chosen by [`detect_format`].
pub fn load_auto(text: &str, name_hint: Option<&str>) -> Result<Loaded, LoadError> {
    load_auto_with(text, name_hint, Policy::Strict)
}

/// [`load_auto`] under a [`Policy`].
pub fn load_auto_with(
    text: &str,
    name_hint: Option<&str>,
    policy: Policy,
) -> Result<Loaded, LoadError> {
    match detect_format(text, name_hint) {
        Format::Json => load_json_with(text, policy),
        // Text is never a workbook: that is read from bytes (`sheets`).
        _ => load_csv_with(text, policy),
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
    by_place(&mut ds);
    if ds.len() > MAX_LISTED || unkept > 0 {
        let more = ds.len().saturating_sub(MAX_LISTED) + unkept;
        ds.truncate(MAX_LISTED);
        let severity = ds.last().map_or(Severity::Error, |d| d.severity);
        ds.push(Diagnostic::new(
            severity,
            String::new(),
            Message::new(Key::LoadMore).with("count", more),
        ));
    }
    ds
}

/// Excel and Notepad write a UTF-8 byte-order mark; it is not part of the data.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Validates a read dataset, places each finding in the source text, and sets aside the
/// indicators and tasks with errors of their own; fails with everything when an error
/// concerns the whole file.
fn finish(
    loaded: Loaded,
    policy: Policy,
    // Not generic: one copy of this long function for both forms.
    locate: &dyn Fn(&mut Diagnostic, usize),
) -> Result<Loaded, LoadError> {
    let Loaded {
        mut dataset,
        mut warnings,
    } = loaded;
    // Set aside by reading, in the order of the file: indicators, then tasks.
    let mut aside = [
        std::mem::take(&mut dataset.quarantined),
        std::mem::take(&mut dataset.quarantined_tasks),
    ];
    // The ids of the items that were read, borrowed (no copy of every id per load).
    let read_ids: [Vec<&str>; 2] = [
        dataset.indicators.iter().map(|i| i.id.as_str()).collect(),
        dataset.tasks.iter().map(|t| t.id.as_str()).collect(),
    ];
    // The file places of the items that were read: those not set aside by reading.
    let places: [Vec<usize>; 2] = Item::BOTH.map(|item| {
        let q = &aside[item.slot()];
        (0..read_ids[item.slot()].len() + q.len())
            .filter(|i| q.binary_search_by_key(i, |q| q.index).is_err())
            .collect()
    });
    // Each finding with the item it is inside and that item's file place, when it
    // concerns that item alone; in the order validation found them.
    let mut found: Vec<(Option<(Item, usize)>, Diagnostic)> = Vec::new();
    // Validation sees only the items that were read: an id that an unreadable one
    // shares with another item is reported here.
    for item in Item::BOTH {
        let q = &aside[item.slot()];
        for (n, one) in q.iter().enumerate() {
            let again = !one.id.is_empty()
                && (read_ids[item.slot()].contains(&one.id.as_str())
                    || q[..n].iter().any(|o| o.id == one.id));
            if again {
                let noun = match item {
                    Item::Indicator => Key::NounIndicator,
                    Item::Task => Key::NounTask,
                };
                let who = Message::new(Key::Named)
                    .with("what", noun)
                    .with("id", one.id.as_str());
                let mut d = Diagnostic::error(
                    format!("{}[{}].id", item.list(), one.index),
                    Message::about(who, Key::IdUsedAgain),
                );
                locate(&mut d, 0);
                found.push((None, d));
            }
        }
    }
    for (i, mut d) in validate(&dataset).into_iter().enumerate() {
        let own = Item::of(&d.path);
        let place = own.and_then(|(item, k)| Some((item, *places[item.slot()].get(k)?)));
        if let Some((item, place)) = place {
            d.path = reindex(&d.path, item, place);
        }
        locate(&mut d, i);
        // An id that an earlier item has: about every reference to it.
        let id_clash = d.path.ends_with("].id")
            && own.is_some_and(|(item, k)| {
                let list = &read_ids[item.slot()];
                list.get(k)
                    .is_some_and(|id| !id.is_empty() && list[..k].contains(id))
            });
        found.push((place.filter(|_| !id_clash), d));
    }
    let structural = found.iter().any(|(p, d)| p.is_none() && d.is_error());
    let strict = policy == Policy::Strict && found.iter().any(|(_, d)| d.is_error());
    if structural || strict {
        let mut errors = Vec::new();
        for (_, d) in found {
            if d.is_error() {
                errors.push(d);
            } else {
                warnings.push(d);
            }
        }
        for q in aside.into_iter().flatten() {
            errors.extend(q.diagnostics);
        }
        return Err(LoadError::Invalid { errors, warnings });
    }
    // An item with an error of its own is set aside with all its findings; the
    // warnings of the others stay warnings.
    let mut bad =
        Item::BOTH.map(|item| vec![false; places[item.slot()].len() + aside[item.slot()].len()]);
    for (place, d) in &found {
        if let (Some((item, p)), true) = (place, d.is_error()) {
            if let Some(b) = bad[item.slot()].get_mut(*p) {
                *b = true;
            }
        }
    }
    let [ind_aside, task_aside] = &mut aside;
    let indicators = std::mem::take(&mut dataset.indicators);
    dataset.indicators = keep(
        indicators,
        &places[0],
        &bad[0],
        ind_aside,
        Quarantined::indicator,
    );
    let tasks = std::mem::take(&mut dataset.tasks);
    dataset.tasks = keep(tasks, &places[1], &bad[1], task_aside, Quarantined::task);
    // Errors first, each kind in the order of the file.
    let (errors, others): (Vec<_>, Vec<_>) = found.into_iter().partition(|(_, d)| d.is_error());
    for (place, d) in errors.into_iter().chain(others) {
        let list = place.map(|(item, p)| (&mut aside[item.slot()], p));
        let at = list.and_then(|(list, p)| {
            let at = list.binary_search_by_key(&p, |q| q.index).ok()?;
            list.get_mut(at)
        });
        match at {
            Some(q) => q.diagnostics.push(d),
            None => warnings.push(d),
        }
    }
    by_place(&mut warnings);
    let [indicators, tasks] = aside;
    dataset.quarantined = indicators;
    dataset.quarantined_tasks = tasks;
    Ok(Loaded { dataset, warnings })
}

/// The items (indicators or tasks) whose file place `bad` does not mark; the others go to
/// `aside`, in file order, as `quarantine` makes them. `places` are the file places of
/// `items`.
fn keep<T>(
    items: Vec<T>,
    places: &[usize],
    bad: &[bool],
    aside: &mut Vec<Quarantined>,
    quarantine: fn(usize, T) -> Quarantined,
) -> Vec<T> {
    let mut kept = Vec::with_capacity(items.len());
    for (k, item) in items.into_iter().enumerate() {
        let place = places.get(k).copied().unwrap_or(k);
        if !bad.get(place).copied().unwrap_or(false) {
            kept.push(item);
            continue;
        }
        let at = aside.partition_point(|o| o.index < place);
        aside.insert(at, quarantine(place, item));
    }
    kept
}

/// Findings in the order of the file (those without a place first). One function, so
/// the sort is compiled once.
fn by_place(ds: &mut [Diagnostic]) {
    // A workbook's findings go sheet by sheet, in the order of its sheets.
    #[cfg(feature = "sheets")]
    ds.sort_by_key(|d| (d.sheet.as_ref().map(|s| s.order), d.line, d.column));
    #[cfg(not(feature = "sheets"))]
    ds.sort_by_key(|d| (d.line, d.column));
}
