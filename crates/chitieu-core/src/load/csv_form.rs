//! The CSV form: one table, one row per thing, for teams that keep figures in a
//! spreadsheet.
//!
//! Every row says what it is in its `record` column — `plan`, `pillar`, `indicator`,
//! `target`, `baseline` or `observation` — and what it belongs to in its `id` column (its
//! own id for a plan, pillar or indicator; the indicator's id for the rest). Columns are
//! the JSON field names, and a row fills only the columns of its record. So a person can
//! filter the sheet by `id` to see one indicator whole, or by `record` to add this
//! quarter's observations, and rows may come in any order. Writing then reading gives
//! back the same dataset (see `docs/FORMAT.md` for the one exception: empty optional
//! text is the same as none).
//!
//! Text cells are written spreadsheet-safe ([`guard_formula`]) and read back through
//! [`unguard_formula`], so a name such as `=SUM(A1)` is shown, not run, and still round
//! trips; numbers, periods and dates are typed and never touched.

use std::collections::HashMap;

use super::num::{read_cell_number, read_date, read_period};
use super::{strip_bom, Diagnostic, Format, LoadError, Loaded, Policy};
use crate::messages::{Arg, Key, Message};
use crate::model::{
    Baseline, Change, Dataset, Due, Every, Indicator, Level, Observation, Pillar, Plan, RawTarget,
    Source, Target, Task, TaskStatus, Text, Unit, Update, OPS, SCHEMA, TASK_STATUSES,
};

/// The columns, in the order [`to_csv`] writes them: what is typed most often (an
/// observation's period and figures) first, the plan's details last, then the columns
/// of tasks and of a source's row, which [`to_csv`] writes only when a row fills them.
/// Reading accepts any order and any subset that includes `record` and `id`.
pub const CSV_COLUMNS: [&str; 40] = [
    "record",
    "id",
    "period",
    "value",
    "numerator",
    "denominator",
    "reported",
    "note",
    "op",
    "min",
    "max",
    "tolerance",
    "change",
    "text",
    "name",
    "name_en",
    "unit",
    "level",
    "pillar",
    "key",
    "owner",
    "document",
    "section",
    "page",
    "weight",
    "region",
    "issuer",
    "date",
    "url",
    "as_of",
    "schema",
    "row",
    "group",
    "lead",
    "partners",
    "output",
    "start",
    "every",
    "indicators",
    "status",
];

/// How many of [`CSV_COLUMNS`] every written CSV has.
const ALWAYS_WRITTEN: usize = 31;

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Record {
    Plan,
    Pillar,
    Indicator,
    Target,
    Baseline,
    Observation,
    Task,
    Update,
}

impl Record {
    const ALL: [Record; 8] = [
        Record::Plan,
        Record::Pillar,
        Record::Indicator,
        Record::Target,
        Record::Baseline,
        Record::Observation,
        Record::Task,
        Record::Update,
    ];

    fn parse(s: &str) -> Option<Record> {
        Some(match s.trim().to_lowercase().as_str() {
            "plan" => Record::Plan,
            "pillar" => Record::Pillar,
            "indicator" => Record::Indicator,
            "target" => Record::Target,
            "baseline" => Record::Baseline,
            "observation" => Record::Observation,
            "task" => Record::Task,
            "update" => Record::Update,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Record::Plan => "plan",
            Record::Pillar => "pillar",
            Record::Indicator => "indicator",
            Record::Target => "target",
            Record::Baseline => "baseline",
            Record::Observation => "observation",
            Record::Task => "task",
            Record::Update => "update",
        }
    }

    /// The columns a row of this record may fill (besides `record`).
    fn columns(self) -> &'static [&'static str] {
        match self {
            Record::Plan => &[
                "id", "name", "document", "region", "issuer", "date", "url", "as_of", "schema",
            ],
            Record::Pillar => &["id", "name", "name_en", "weight"],
            Record::Indicator => &[
                "id", "name", "name_en", "unit", "level", "pillar", "key", "owner", "document",
                "section", "page", "row", "note",
            ],
            Record::Task => &[
                "id",
                "name",
                "name_en",
                "pillar",
                "group",
                "lead",
                "partners",
                "output",
                "text",
                "period",
                "start",
                "every",
                "indicators",
                "document",
                "section",
                "page",
                "row",
                "note",
            ],
            Record::Update => &["id", "date", "status", "note", "url"],
            Record::Target => &[
                "id",
                "period",
                "op",
                "value",
                "min",
                "max",
                "tolerance",
                "change",
                "text",
            ],
            Record::Baseline => &["id", "period", "value"],
            Record::Observation => &[
                "id",
                "period",
                "value",
                "numerator",
                "denominator",
                "reported",
                "note",
            ],
        }
    }

    fn uses(self, col: &str) -> bool {
        col == "record" || self.columns().contains(&col)
    }
}

/// Reads a CSV dataset without validating it.
///
/// Accepts a UTF-8 byte-order mark, `,`, `;` or tab separators (sniffed from the header
/// line), decimal commas and thousands separators in numbers, and `#` comment rows.
pub fn read_csv(text: &str) -> Result<Loaded, LoadError> {
    read_csv_with(text, Policy::Strict)
}

/// [`read_csv`] under a [`Policy`]: with [`Policy::Quarantine`], indicators with reading
/// errors are set aside with their findings when nothing else is wrong.
pub fn read_csv_with(text: &str, policy: Policy) -> Result<Loaded, LoadError> {
    read_text(text, policy).map(|(loaded, _)| loaded)
}

/// Where each part of the dataset came from, to give validation findings a line.
#[derive(Debug, Default)]
pub(super) struct LineMap {
    lines: HashMap<String, usize>,
    columns: HashMap<String, usize>,
}

impl LineMap {
    /// Sets the line, column and field of a finding whose path names something read
    /// from the CSV.
    pub(super) fn locate(&self, d: &mut Diagnostic) {
        let mut prefix = d.path.as_str();
        loop {
            if let Some(&line) = self.lines.get(prefix) {
                let rest = d.path[prefix.len()..].trim_start_matches('.');
                let field = match (prefix, rest) {
                    ("as_of" | "schema", _) => prefix,
                    (_, "title") => "name",
                    (_, "deadline") => "period",
                    (_, "evidence_url") => "url",
                    (_, r) => {
                        let r = r.strip_prefix("source.").unwrap_or(r);
                        let r = r.strip_prefix("due.").unwrap_or(r);
                        // A list's item is in the list's cell: `lead[1]` → `lead`.
                        r.split_once('[').map_or(r, |(list, _)| list)
                    }
                };
                d.line = Some(line);
                if let Some(&c) = self.columns.get(field) {
                    d.column = Some(c + 1);
                    d.field = Some(field.to_string());
                }
                return;
            }
            match prefix.rfind('.') {
                Some(i) => prefix = &prefix[..i],
                None => return,
            }
        }
    }
}

/// One data row with its source line and the header's column positions.
struct Row<'a> {
    line: usize,
    cells: &'a [String],
    cols: &'a HashMap<String, usize>,
}

impl<'a> Row<'a> {
    /// A cell as it is in the file.
    fn cell(&self, col: &str) -> Option<&'a str> {
        self.cols
            .get(col)
            .and_then(|&i| self.cells.get(i))
            .map(String::as_str)
    }

    /// A text cell, without the apostrophe [`guard_formula`] adds.
    fn raw(&self, col: &str) -> Option<&'a str> {
        self.cell(col).map(unguard_formula)
    }

    /// A trimmed text cell, `None` when empty.
    fn get(&self, col: &str) -> Option<&'a str> {
        self.raw(col).map(str::trim).filter(|s| !s.is_empty())
    }

    /// A trimmed number, period or date cell, `None` when empty: read as typed, since
    /// the writer never guards these.
    fn typed(&self, col: &str) -> Option<&'a str> {
        self.cell(col).map(str::trim).filter(|s| !s.is_empty())
    }

    /// A free-text cell as typed (less the guard's apostrophe), `None` when blank.
    fn text(&self, col: &str) -> Option<String> {
        self.raw(col)
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string)
    }
}

/// Collects findings with their CSV position.
struct Sink<'a> {
    cols: &'a HashMap<String, usize>,
    /// The decimal mark the file's separator implies: `.` with `,` separators (as
    /// [`to_csv`] and English-locale spreadsheets write), `,` with `;` (Vietnamese and
    /// other decimal-comma locales); unknown with tabs.
    decimal_mark: Option<char>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Sink<'_> {
    fn place(&self, mut d: Diagnostic, line: usize, col: &str) -> Diagnostic {
        d.line = Some(line);
        if let Some(&c) = self.cols.get(col) {
            d.column = Some(c + 1);
            d.field = Some(col.to_string());
        }
        d
    }

    fn error(&mut self, row: &Row, col: &str, path: impl Into<String>, msg: impl Into<Message>) {
        let d = self.place(Diagnostic::error(path, msg), row.line, col);
        self.errors.push(d);
    }

    fn warning(&mut self, row: &Row, col: &str, path: impl Into<String>, msg: impl Into<Message>) {
        let d = self.place(Diagnostic::warning(path, msg), row.line, col);
        self.warnings.push(d);
    }

    /// An error about `who` (an indicator, its target…): "indicator 'x': …".
    fn error_about(
        &mut self,
        row: &Row,
        col: &str,
        path: impl Into<String>,
        who: &Message,
        msg: impl Into<Message>,
    ) {
        self.error(row, col, path, Message::about(who.clone(), msg.into()));
    }

    /// A number cell: `None` when empty, or (after recording why) when unreadable. `who`
    /// is what the cell belongs to ("indicator 'x': observation 2024").
    fn number(&mut self, row: &Row, col: &str, path: &str, who: &Message) -> Option<f64> {
        let cell = row.typed(col)?;
        match read_cell_number(cell, self.decimal_mark) {
            Ok(n) => {
                if let Some(note) = n.ambiguous {
                    self.warning(row, col, path, about_field(who, col, note));
                }
                Some(n.value)
            }
            Err(e) => {
                self.error(row, col, path, about_field(who, col, e));
                None
            }
        }
    }
}

/// The one record interpreter: rows of cells (header first, after any blank or comment
/// rows), each with its line, into a dataset. CSV gives it the lines of the text
/// ([`read_text`]); spreadsheets (`sheets`) the rows of a sheet, or a table assembled
/// from a workbook's sheets: every form reads records alike. `errors` are those found
/// splitting the rows; `decimal_mark` is the one the cells' numbers are written with.
/// (Its length keeps the lines below where they were: see [`read_text`].)
pub(super) fn read_with_lines(
    rows: &[(usize, Vec<String>)],
    decimal_mark: Option<char>,
    mut errors: Vec<Diagnostic>,
    policy: Policy,
    format: Format,
) -> Result<(Loaded, LineMap), LoadError> {
    let fail = |errors: Vec<Diagnostic>| LoadError::Read { format, errors };
    let is_comment = |cells: &[String]| cells.first().is_some_and(|c| c.trim().starts_with('#'));
    let is_blank = |cells: &[String]| cells.iter().all(|c| c.trim().is_empty());
    let mut rest = rows
        .iter()
        .skip_while(|(_, cells)| is_blank(cells) || is_comment(cells));
    let Some((header_line, header)) = rest.next() else {
        errors.push(Diagnostic::error("", Key::CsvNoHeader));
        return Err(fail(errors));
    };
    let cols = match read_header(*header_line, header) {
        Ok(cols) => cols,
        Err(mut e) => {
            errors.append(&mut e);
            return Err(fail(errors));
        }
    };
    let mut sink = Sink {
        cols: &cols,
        decimal_mark,
        errors,
        warnings: Vec::new(),
    };

    // Data rows with their record kinds; rows that are not data are dropped here.
    let mut data: Vec<(Record, Row)> = Vec::new();
    let mut misplaced: Vec<(Diagnostic, Record, Option<&str>)> = Vec::new();
    for (line, cells) in rest {
        let row = Row {
            line: *line,
            cells,
            cols: &cols,
        };
        let record_cell = row.raw("record").unwrap_or("").trim();
        if is_blank(cells) || record_cell.starts_with('#') {
            continue;
        }
        if let Some(extra) = cells
            .iter()
            .skip(header.len())
            .position(|c| !c.trim().is_empty())
        {
            let d = Diagnostic::error(
                "",
                Message::new(Key::CsvCellWithoutColumn)
                    .with("cell", header.len() + extra + 1)
                    .with("columns", header.len()),
            );
            sink.errors.push(Diagnostic {
                line: Some(row.line),
                column: Some(header.len() + extra + 1),
                ..d
            });
        }
        let Some(kind) = Record::parse(record_cell) else {
            let msg = if record_cell.is_empty() {
                Message::new(Key::CsvRecordEmpty)
            } else {
                Message::new(Key::CsvRecordUnknown).with("record", record_cell)
            };
            sink.error(&row, "record", "", msg);
            continue;
        };
        for (name, &i) in &cols {
            let filled = cells.get(i).is_some_and(|c| !c.trim().is_empty());
            if filled && !kind.uses(name) {
                let owners: Vec<Arg> = Record::ALL
                    .iter()
                    .filter(|r| r.uses(name))
                    .map(|r| r.name().into())
                    .collect();
                let d = Diagnostic::error(
                    "",
                    Message::new(Key::CsvColumnNotUsed)
                        .with("column", name.as_str())
                        .with("record", kind.name())
                        .with("owners", Arg::List(owners)),
                );
                // Given to its indicator, once ids are known, when the row is one of its.
                misplaced.push((sink.place(d, row.line, name), kind, row.get("id")));
            }
        }
        if row.get("id").is_none() {
            sink.error(
                &row,
                "id",
                "",
                Message::new(Key::CsvIdEmpty).with("record", kind.name()),
            );
            continue;
        }
        data.push((kind, row));
    }

    let mut map = LineMap {
        lines: HashMap::new(),
        columns: cols.clone(),
    };
    let mut plan: Option<(Plan, usize)> = None;
    let mut as_of = None;
    let mut pillars = Vec::new();
    let mut indicators: Vec<Indicator> = Vec::new();
    let mut index: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut tasks: Vec<Task> = Vec::new();
    let mut task_index: HashMap<&str, (usize, usize)> = HashMap::new();

    for (kind, row) in &data {
        match kind {
            Record::Plan => {
                if let Some((_, first)) = &plan {
                    sink.error(
                        row,
                        "record",
                        "plan",
                        Message::new(Key::CsvSecondPlan).with("line", *first),
                    );
                    continue;
                }
                if let Some(s) = row.get("schema") {
                    if s != SCHEMA {
                        let msg = Message::new(Key::SchemaUnsupported)
                            .with("found", format!("\"{s}\""))
                            .with("expected", SCHEMA);
                        let d = sink.place(Diagnostic::error("schema", msg), row.line, "schema");
                        return Err(LoadError::Schema(d));
                    }
                }
                if let Some(cell) = row.typed("as_of") {
                    match read_date(cell) {
                        Ok((d, note)) => {
                            as_of = Some(d);
                            if let Some(note) = note {
                                let plan = Key::NounPlan.into();
                                sink.warning(
                                    row,
                                    "as_of",
                                    "as_of",
                                    about_field(&plan, "as_of", note),
                                );
                            }
                        }
                        Err(e) => {
                            let plan = Key::NounPlan.into();
                            sink.error(row, "as_of", "as_of", about_field(&plan, "as_of", e))
                        }
                    }
                }
                map.lines.insert("plan".into(), row.line);
                map.lines.insert("as_of".into(), row.line);
                map.lines.insert("schema".into(), row.line);
                plan = Some((
                    Plan {
                        id: row.get("id").unwrap_or_default().to_string(),
                        title: row.raw("name").unwrap_or_default().to_string(),
                        region: row.text("region"),
                        issuer: row.text("issuer"),
                        document: row.text("document"),
                        date: row.text("date"),
                        url: row.text("url"),
                    },
                    row.line,
                ));
            }
            Record::Pillar => {
                let path = format!("pillars[{}]", pillars.len());
                let id = row.get("id").unwrap_or_default();
                let weight = sink.number(
                    row,
                    "weight",
                    &format!("{path}.weight"),
                    &named(Key::NounPillar, id),
                );
                map.lines.insert(path, row.line);
                pillars.push(Pillar {
                    id: id.to_string(),
                    name: text_of(row),
                    weight: weight.unwrap_or(1.0),
                });
            }
            Record::Indicator => {
                let i = indicators.len();
                let path = format!("indicators[{i}]");
                let id = row.get("id").unwrap_or_default();
                let who = named(Key::NounIndicator, id);
                if let Some(&(_, first)) = index.get(id) {
                    // About every reference to the id, so about the whole file.
                    sink.error(
                        row,
                        "id",
                        "indicators",
                        Message::new(Key::IdDefinedOnLine)
                            .with("who", who)
                            .with("line", first),
                    );
                    continue;
                }
                index.insert(id, (i, row.line));
                let unit = match row.get("unit") {
                    Some(u) => Unit::parse(u),
                    None => {
                        sink.error_about(
                            row,
                            "unit",
                            format!("{path}.unit"),
                            &who,
                            Key::UnitRequired,
                        );
                        Unit::Percent
                    }
                };
                let level = row.get("level").and_then(|l| {
                    let level = match l.to_lowercase().as_str() {
                        "province" => Some(Level::Province),
                        "district" => Some(Level::District),
                        "commune" => Some(Level::Commune),
                        _ => None,
                    };
                    if level.is_none() {
                        let msg = Message::new(Key::LevelUnknown).with("level", l);
                        sink.error_about(row, "level", format!("{path}.level"), &who, msg);
                    }
                    level
                });
                let source = read_source(row, &mut sink, &path, &who);
                map.lines.insert(path, row.line);
                indicators.push(Indicator {
                    id: id.to_string(),
                    key: row.get("key").map(str::to_string),
                    pillar: row.get("pillar").map(str::to_string),
                    name: text_of(row),
                    unit,
                    level,
                    owner: row.text("owner"),
                    targets: Vec::new(),
                    baseline: None,
                    observations: Vec::new(),
                    source,
                    note: row.text("note"),
                });
            }
            Record::Task => {
                let k = tasks.len();
                let path = format!("tasks[{k}]");
                let id = row.get("id").unwrap_or_default();
                let who = named(Key::NounTask, id);
                if let Some(&(_, first)) = task_index.get(id) {
                    sink.error(
                        row,
                        "id",
                        "tasks",
                        Message::new(Key::IdDefinedOnLine)
                            .with("who", who)
                            .with("line", first),
                    );
                    continue;
                }
                task_index.insert(id, (k, row.line));
                let task = read_task(row, &mut sink, &path, &who);
                map.lines.insert(path, row.line);
                tasks.push(task);
            }
            _ => {}
        }
    }

    for (mut d, kind, id) in misplaced {
        let (list, index) = match kind {
            Record::Plan | Record::Pillar => ("", None),
            Record::Task | Record::Update => ("tasks", id.and_then(|id| task_index.get(id))),
            _ => ("indicators", id.and_then(|id| index.get(id))),
        };
        if let Some(&(i, _)) = index {
            d.path = format!("{list}[{i}]");
        }
        sink.errors.push(d);
    }

    // Targets, baselines and observations attach to their indicator by id, so they may
    // be anywhere in the sheet. Ids by lowercase, for the hint on a row whose id matches
    // none, are built once, on the first such row.
    let mut by_lowercase: Option<HashMap<String, &str>> = None;
    for (kind, row) in &data {
        if matches!(
            kind,
            Record::Plan | Record::Pillar | Record::Indicator | Record::Task
        ) {
            continue;
        }
        let id = row.get("id").unwrap_or_default();
        if *kind == Record::Update {
            let Some(task) = task_index
                .get(id)
                .and_then(|&(k, _)| Some((k, tasks.get_mut(k)?)))
            else {
                let msg = Message::new(Key::CsvNoTask)
                    .with("record", kind.name())
                    .with("id", id);
                sink.error(row, "id", "", msg);
                continue;
            };
            read_update(row, &mut sink, task, &mut map);
            continue;
        }
        let Some(&(i, _)) = index.get(id) else {
            let similar = by_lowercase
                .get_or_insert_with(|| lowercase_ids(&data))
                .get(&id.to_lowercase());
            let msg = match similar {
                Some(k) => Message::new(Key::CsvNoIndicatorHint).with("similar", *k),
                None => Message::new(Key::CsvNoIndicator),
            };
            sink.error(
                row,
                "id",
                "",
                msg.with("record", kind.name()).with("id", id),
            );
            continue;
        };
        let who = named(Key::NounIndicator, id);
        let Some(ind) = indicators.get_mut(i) else {
            continue;
        };
        match kind {
            Record::Target => {
                let path = format!("indicators[{i}].targets[{}]", ind.targets.len());
                let what = Message::about(
                    who,
                    Message::new(Key::WhatTarget).with("n", ind.targets.len() + 1),
                );
                map.lines.insert(path.clone(), row.line);
                if let Some(t) = read_target(row, &mut sink, &path, &what) {
                    ind.targets.push(t);
                } else {
                    // Keep later targets' paths true to the sheet.
                    ind.targets.push(Target {
                        bound: crate::model::Bound::Eq(0.0),
                        change: None,
                        deadline: None,
                        text: None,
                    });
                }
            }
            Record::Baseline => {
                let path = format!("indicators[{i}].baseline");
                if ind.baseline.is_some() {
                    let first = map.lines.get(&path).copied().unwrap_or_default();
                    let msg = Message::new(Key::BaselineSecond).with("line", first);
                    sink.error(row, "record", path, Message::about(who, msg));
                    continue;
                }
                map.lines.insert(path.clone(), row.line);
                let what = Message::about(who, Key::WhatBaseline);
                let period = period_cell(
                    row,
                    &mut sink,
                    "period",
                    &format!("{path}.period"),
                    &what,
                    true,
                );
                let value = sink.number(row, "value", &format!("{path}.value"), &what);
                if value.is_none() && row.typed("value").is_none() {
                    sink.error_about(
                        row,
                        "value",
                        format!("{path}.value"),
                        &what,
                        Key::ValueRequired,
                    );
                }
                if let (Some(period), Some(value)) = (period, value) {
                    ind.baseline = Some(Baseline { period, value });
                }
            }
            Record::Observation => {
                let path = format!("indicators[{i}].observations[{}]", ind.observations.len());
                map.lines.insert(path.clone(), row.line);
                let what = Message::about(who.clone(), Key::WhatObservationAny);
                let period = period_cell(
                    row,
                    &mut sink,
                    "period",
                    &format!("{path}.period"),
                    &what,
                    true,
                );
                let what = match period {
                    Some(p) => Message::about(
                        who,
                        Message::new(Key::WhatObservation).with("period", p.to_string()),
                    ),
                    None => what,
                };
                let mut num = |col: &str| sink.number(row, col, &format!("{path}.{col}"), &what);
                let (value, numerator, denominator, reported) = (
                    num("value"),
                    num("numerator"),
                    num("denominator"),
                    num("reported"),
                );
                ind.observations.push(Observation {
                    period: period.unwrap_or(crate::period::Period::Year(0)),
                    value,
                    numerator,
                    denominator,
                    reported,
                    note: row.text("note"),
                });
            }
            _ => {}
        }
    }

    let Some((plan, _)) = plan else {
        sink.errors.push(Diagnostic::error("plan", Key::CsvNoPlan));
        return Err(fail(super::in_order(sink.errors)));
    };
    let structural = |d: &Diagnostic| super::Item::of(&d.path).is_none();
    if sink.errors.iter().any(structural) || (policy == Policy::Strict && !sink.errors.is_empty()) {
        return Err(fail(super::in_order(sink.errors)));
    }
    let (indicators, quarantined) = set_aside(
        indicators,
        &mut sink,
        super::indicator_index,
        super::Quarantined::indicator,
    );
    let (tasks, quarantined_tasks) = set_aside(
        tasks,
        &mut sink,
        super::task_index,
        super::Quarantined::task,
    );
    let dataset = Dataset {
        schema: SCHEMA.to_string(),
        plan,
        as_of,
        pillars,
        indicators,
        tasks,
        quarantined,
        quarantined_tasks,
    };
    Ok((
        Loaded {
            dataset,
            warnings: super::in_order(sink.warnings),
        },
        map,
    ))
}

/// Sets aside the items (indicators or tasks, as `index` reads their paths) with
/// reading errors, with those errors and their reading warnings; the errors left in
/// `sink` are all inside items.
fn set_aside<T>(
    items: Vec<T>,
    sink: &mut Sink,
    index: fn(&str) -> Option<usize>,
    quarantine: fn(usize, T) -> super::Quarantined,
) -> (Vec<T>, Vec<super::Quarantined>) {
    let mut bad = vec![false; items.len()];
    for i in sink.errors.iter().filter_map(|d| index(&d.path)) {
        if let Some(b) = bad.get_mut(i) {
            *b = true;
        }
    }
    if !bad.contains(&true) {
        return (items, Vec::new());
    }
    // Each bad item's findings, errors and warnings apart, in one pass over each list
    // (a pass per bad item made a file with thousands of them quadratic).
    let mut own: Vec<[Vec<Diagnostic>; 2]> = Vec::new();
    own.resize_with(items.len(), Default::default);
    for (kind, list) in [&mut sink.errors, &mut sink.warnings]
        .into_iter()
        .enumerate()
    {
        for d in std::mem::take(list) {
            let i = index(&d.path).filter(|&i| bad.get(i) == Some(&true));
            match i.and_then(|i| own.get_mut(i)) {
                Some(lists) => lists[kind].push(d),
                None => list.push(d),
            }
        }
    }
    let (mut kept, mut quarantined) = (Vec::new(), Vec::new());
    for ((i, item), [errors, warnings]) in items.into_iter().enumerate().zip(own) {
        if !bad[i] {
            kept.push(item);
            continue;
        }
        let mut q = quarantine(i, item);
        q.diagnostics = super::in_order(errors);
        q.diagnostics.extend(super::in_order(warnings));
        quarantined.push(q);
    }
    (kept, quarantined)
}

/// A row's `document`, `section`, `page` and `row` as a source, when any is filled.
fn read_source(row: &Row, sink: &mut Sink, path: &str, who: &Message) -> Option<Source> {
    let page = row
        .typed("page")
        .and_then(|p| match read_cell_number(p, None) {
            Ok(n) if n.value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n.value) => {
                Some(n.value as u32)
            }
            _ => {
                let msg = Message::new(Key::PageNotWhole).with("page", p);
                sink.error_about(row, "page", format!("{path}.source.page"), who, msg);
                None
            }
        });
    let (document, section, at) = (row.text("document"), row.text("section"), row.text("row"));
    (document.is_some() || section.is_some() || page.is_some() || at.is_some()).then_some(Source {
        document,
        section,
        page,
        row: at,
    })
}

/// A cell holding a list, its items separated by `sep` (`;` for units and ids, `›` for
/// headings), each trimmed; empty items are dropped.
fn list_cell(row: &Row, col: &str, sep: char) -> Vec<String> {
    row.raw(col)
        .unwrap_or_default()
        .split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A `task` row.
fn read_task(row: &Row, sink: &mut Sink, path: &str, who: &Message) -> Task {
    let mut period = |col: &str| {
        let at = format!("{path}.due.{col}");
        period_cell(row, sink, col, &at, who, false)
    };
    let (due_period, start) = (period("period"), period("start"));
    let every = row
        .get("every")
        .and_then(|e| match e.to_lowercase().as_str() {
            "year" => Some(Every::Year),
            _ => {
                let msg = Message::new(Key::TaskEveryUnknown).with("every", e);
                sink.error_about(row, "every", format!("{path}.due.every"), who, msg);
                None
            }
        });
    let text = row.text("text");
    let due = (text.is_some() || due_period.is_some() || start.is_some() || every.is_some())
        .then_some(Due {
            text,
            period: due_period,
            start,
            every,
        });
    Task {
        id: row.get("id").unwrap_or_default().to_string(),
        group: list_cell(row, "group", '›'),
        pillar: row.get("pillar").map(str::to_string),
        name: text_of(row),
        lead: list_cell(row, "lead", ';'),
        partners: list_cell(row, "partners", ';'),
        output: row.text("output"),
        due,
        indicators: list_cell(row, "indicators", ';'),
        source: read_source(row, sink, path, who),
        note: row.text("note"),
        updates: Vec::new(),
    }
}

/// An `update` row, added to its task.
fn read_update(row: &Row, sink: &mut Sink, (k, task): (usize, &mut Task), map: &mut LineMap) {
    let n = task.updates.len();
    let path = format!("tasks[{k}].updates[{n}]");
    map.lines.insert(path.clone(), row.line);
    let what = Message::about(
        named(Key::NounTask, &task.id),
        Message::new(Key::WhatUpdate).with("n", n + 1),
    );
    let date = match row.typed("date").map(read_date) {
        Some(Ok((d, note))) => {
            if let Some(note) = note {
                sink.warning(
                    row,
                    "date",
                    format!("{path}.date"),
                    about_field(&what, "date", note),
                );
            }
            Some(d)
        }
        Some(Err(e)) => {
            sink.error(
                row,
                "date",
                format!("{path}.date"),
                about_field(&what, "date", e),
            );
            None
        }
        None => {
            sink.error_about(
                row,
                "date",
                format!("{path}.date"),
                &what,
                Key::TaskDateRequired,
            );
            None
        }
    };
    let status = match row.get("status") {
        Some(s) => {
            let status = TaskStatus::parse(&s.to_lowercase());
            if status.is_none() {
                let msg = Message::new(Key::TaskStatusUnknown)
                    .with("status", s)
                    .with("statuses", TASK_STATUSES);
                sink.error_about(row, "status", format!("{path}.status"), &what, msg);
            }
            status
        }
        None => {
            let msg = Message::new(Key::TaskStatusRequired).with("statuses", TASK_STATUSES);
            sink.error_about(row, "status", format!("{path}.status"), &what, msg);
            None
        }
    };
    // A row that does not read keeps its place, so later reports' paths stay true.
    task.updates.push(Update {
        date: date.unwrap_or(crate::period::Date {
            year: 0,
            month: 1,
            day: 1,
        }),
        status: status.unwrap_or(TaskStatus::NotStarted),
        note: row.text("note"),
        evidence_url: row.text("url"),
    });
}

/// The indicator rows' ids by their lowercase form (the first of each), so the hint for
/// an unmatched id costs one lookup, not a pass over every id.
fn lowercase_ids<'a>(data: &[(Record, Row<'a>)]) -> HashMap<String, &'a str> {
    let mut out = HashMap::new();
    for (kind, row) in data {
        if let (Record::Indicator, Some(id)) = (kind, row.get("id")) {
            out.entry(id.to_lowercase()).or_insert(id);
        }
    }
    out
}

fn text_of(row: &Row) -> Text {
    Text {
        vi: row.raw("name").unwrap_or_default().to_string(),
        en: row.text("name_en"),
    }
}

/// Something named by its id: "indicator 'x'".
fn named(what: Key, id: &str) -> Message {
    Message::new(Key::Named).with("what", what).with("id", id)
}

/// `msg` about the column `col` of `who`: "indicator 'x': target 1: value: …".
fn about_field(who: &Message, col: &str, msg: Message) -> Message {
    let field = Message::new(Key::WhatField)
        .with("what", who.clone())
        .with("field", col);
    Message::about(field, msg)
}

/// The period in the column `col` (`period`, or a task's `start`): `None` when empty
/// (an error when `required`) or, after recording why, when it does not read.
fn period_cell(
    row: &Row,
    sink: &mut Sink,
    col: &str,
    path: &str,
    what: &Message,
    required: bool,
) -> Option<crate::period::Period> {
    let Some(cell) = row.typed(col) else {
        if required {
            sink.error_about(row, col, path, what, Key::PeriodRequired);
        }
        return None;
    };
    match read_period(cell) {
        Ok((p, note)) => {
            if let Some(note) = note {
                sink.warning(row, col, path, about_field(what, col, note));
            }
            Some(p)
        }
        Err(e) => {
            sink.error(row, col, path, about_field(what, col, e));
            None
        }
    }
}

/// A target row through the same [`RawTarget`] checks as JSON, so both forms refuse
/// the same targets with the same words.
fn read_target(row: &Row, sink: &mut Sink, path: &str, what: &Message) -> Option<Target> {
    let before = sink.errors.len();
    let deadline = period_cell(
        row,
        sink,
        "period",
        &format!("{path}.deadline"),
        what,
        false,
    );
    let mut num = |col: &str| sink.number(row, col, &format!("{path}.{col}"), what);
    let (value, min, max, tolerance) = (num("value"), num("min"), num("max"), num("tolerance"));
    let change = match row.get("change").map(str::to_lowercase).as_deref() {
        None => None,
        Some("increase") => Some(Change::Increase),
        Some("decrease") => Some(Change::Decrease),
        Some(other) => {
            let msg = Message::new(Key::TargetChangeUnknown).with("change", other);
            sink.error_about(row, "change", format!("{path}.change"), what, msg);
            None
        }
    };
    let Some(op) = row.get("op") else {
        let msg = Message::new(Key::TargetOpRequired).with("ops", OPS);
        sink.error_about(row, "op", format!("{path}.op"), what, msg);
        return None;
    };
    if sink.errors.len() > before {
        return None;
    }
    let raw = RawTarget {
        text: row.text("text"),
        op: op.to_lowercase(),
        value,
        min,
        max,
        tolerance,
        change,
        deadline,
    };
    match Target::try_from(raw) {
        Ok(t) => Some(t),
        Err(e) => {
            sink.error_about(row, "op", path, what, e);
            None
        }
    }
}

/// Splits the text into rows with their line numbers, with the separator sniffed from
/// the first line that is not a comment: Excel in a Vietnamese locale writes `;`,
/// because `,` is the decimal mark there.
/// The rows of a CSV text, each with the line it starts on.
type Rows = Vec<(usize, Vec<String>)>;

fn split_rows(body: &str) -> (Rows, u8, Vec<Diagnostic>) {
    // Excel's own hint line, `sep=;`, names the separator and is not data.
    if let Some(rest) = body.strip_prefix("sep=") {
        let (sep, after) = rest.split_once('\n').unwrap_or((rest, ""));
        if let [d @ (b',' | b';' | b'\t' | b'|')] = sep.trim_end_matches('\r').as_bytes() {
            let (mut rows, mut errors) = read_rows(after, *d);
            for (line, _) in &mut rows {
                *line += 1;
            }
            for e in &mut errors {
                e.line = e.line.map(|l| l + 1);
            }
            return (rows, *d, errors);
        }
    }
    let first = body
        .lines()
        .find(|l| {
            let t = l.trim_start().trim_start_matches('"');
            !t.trim().is_empty() && !t.starts_with('#')
        })
        .unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count_outside_quotes(first, d), d == b','))
        .unwrap_or(b',');
    let (rows, errors) = read_rows(body, delimiter);
    (rows, delimiter, errors)
}

fn read_rows(body: &str, delimiter: u8) -> (Rows, Vec<Diagnostic>) {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut lines = Lines::new(body);
    for (n, record) in reader.records().enumerate() {
        match record {
            Ok(r) => {
                let line = r.position().map_or(n + 1, |p| lines.line_at(p.byte()));
                rows.push((line, r.iter().map(str::to_string).collect()));
            }
            Err(e) => {
                let msg = Message::new(Key::CsvUnreadable).with("detail", e.to_string());
                let mut d = Diagnostic::error("", msg);
                d.line = e.position().map(|p| lines.line_at(p.byte()));
                errors.push(d);
                break;
            }
        }
    }
    (rows, errors)
}

/// Line numbers of the records' byte offsets, which only grow: each is counted on from
/// the previous one, so a file of many short rows is read in linear time (counting from
/// the start each time took minutes for a 1 MB file of one-cell rows).
struct Lines<'a> {
    bytes: &'a [u8],
    /// The offset counted up to, and the line it is on.
    at: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(body: &'a str) -> Lines<'a> {
        Lines {
            bytes: body.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line a record starts on. csv's own line count lags behind after `\r\n` line
    /// ends (which Excel writes), so it is counted here from the byte offset, past the
    /// end of the previous line if the offset points into it.
    fn line_at(&mut self, byte: u64) -> usize {
        let bytes = self.bytes;
        let mut at = usize::try_from(byte)
            .unwrap_or(bytes.len())
            .min(bytes.len());
        while bytes.get(at).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            at += 1;
        }
        if at < self.at {
            // Not expected from csv, but then count from the start rather than be wrong.
            (self.at, self.line) = (0, 1);
        }
        self.line += bytes[self.at..at].iter().filter(|&&b| b == b'\n').count();
        self.at = at;
        self.line
    }
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            !quoted && b == d
        })
        .count()
}

/// The header's column positions by lowercase name, or why it is not a header.
fn read_header(line: usize, header: &[String]) -> Result<HashMap<String, usize>, Vec<Diagnostic>> {
    let mut cols = HashMap::new();
    let mut errors = Vec::new();
    let at = |c: usize, msg: Message| Diagnostic {
        line: Some(line),
        column: Some(c + 1),
        ..Diagnostic::error("", msg)
    };
    for (c, cell) in header.iter().enumerate() {
        let name = cell.trim().to_lowercase();
        if name.is_empty() {
            continue;
        }
        if !CSV_COLUMNS.contains(&name.as_str()) {
            let hint = if Record::parse(&name).is_some() {
                Message::new(Key::CsvHeaderIsRow)
                    .with("columns", CSV_COLUMNS[..4].join(","))
                    .with("record", name.as_str())
            } else {
                Message::new(Key::CsvColumnUnknown)
                    .with("column", cell.trim())
                    .with("columns", CSV_COLUMNS.join(", "))
            };
            errors.push(at(c, hint));
        } else if cols.insert(name.clone(), c).is_some() {
            errors.push(at(
                c,
                Message::new(Key::CsvColumnTwice).with("column", name.as_str()),
            ));
        }
    }
    for required in ["record", "id"] {
        if errors.is_empty() && !cols.contains_key(required) {
            errors.push(Diagnostic {
                line: Some(line),
                ..Diagnostic::error(
                    "",
                    Message::new(Key::CsvHeaderMissing)
                        .with("column", required)
                        .with("columns", CSV_COLUMNS.join(", ")),
                )
            });
        }
    }
    if errors.is_empty() {
        Ok(cols)
    } else {
        Err(errors)
    }
}

/// The dataset as CSV: the plan, the pillars, each indicator followed by its baseline,
/// targets and observations, then each task followed by its updates. Every column of
/// [`CSV_COLUMNS`] up to `schema` is written; those past it only when a row fills them. Starts with a
/// UTF-8 byte-order mark so Excel shows Vietnamese letters correctly. Numbers are written
/// in their shortest round-trip form (`v.to_string()`).
pub fn to_csv(ds: &Dataset) -> String {
    to_csv_with(ds, &|v| v.to_string())
}

/// [`to_csv`] with numbers written by `num`, which must give text [`read_number`] reads
/// back exactly: the browser passes JavaScript's `String(v)`, so the widgets' wasm needs
/// no float formatting of its own.
///
/// [`read_number`]: super::read_number
pub fn to_csv_with(ds: &Dataset, num: &dyn Fn(f64) -> String) -> String {
    let mut rows: Vec<Vec<String>> = vec![CSV_COLUMNS.iter().map(|c| c.to_string()).collect()];
    let opt = |v: Option<f64>| v.map(num).unwrap_or_default();
    let text = |t: &Option<String>| t.clone().unwrap_or_default();

    let mut row = OutRow::new(Record::Plan, &ds.plan.id);
    row.set("name", ds.plan.title.clone());
    row.set("document", text(&ds.plan.document));
    row.set("region", text(&ds.plan.region));
    row.set("issuer", text(&ds.plan.issuer));
    row.set("date", text(&ds.plan.date));
    row.set("url", text(&ds.plan.url));
    row.typed("as_of", ds.as_of.map(|d| d.to_string()).unwrap_or_default());
    row.set("schema", ds.schema.clone());
    rows.push(row.0);

    for p in &ds.pillars {
        let mut row = OutRow::new(Record::Pillar, &p.id);
        row.set("name", p.name.vi.clone());
        row.set("name_en", text(&p.name.en));
        row.typed("weight", num(p.weight));
        rows.push(row.0);
    }
    for ind in &ds.indicators {
        let mut row = OutRow::new(Record::Indicator, &ind.id);
        row.set("name", ind.name.vi.clone());
        row.set("name_en", text(&ind.name.en));
        row.set("unit", ind.unit.as_str().to_string());
        row.set(
            "level",
            ind.level
                .map(|l| l.as_str().to_string())
                .unwrap_or_default(),
        );
        row.set("pillar", text(&ind.pillar));
        row.set("key", text(&ind.key));
        row.set("owner", text(&ind.owner));
        source_cells(&mut row, &ind.source);
        row.set("note", text(&ind.note));
        rows.push(row.0);
        if let Some(b) = &ind.baseline {
            let mut row = OutRow::new(Record::Baseline, &ind.id);
            row.typed("period", b.period.to_string());
            row.typed("value", num(b.value));
            rows.push(row.0);
        }
        for t in &ind.targets {
            let r = RawTarget::from(t.clone());
            let mut row = OutRow::new(Record::Target, &ind.id);
            row.typed(
                "period",
                r.deadline.map(|d| d.to_string()).unwrap_or_default(),
            );
            row.set("op", r.op);
            row.typed("value", opt(r.value));
            row.typed("min", opt(r.min));
            row.typed("max", opt(r.max));
            row.typed("tolerance", opt(r.tolerance));
            let change = r.change.map(|c| match c {
                Change::Increase => "increase",
                Change::Decrease => "decrease",
            });
            row.set("change", change.unwrap_or_default().to_string());
            row.set("text", text(&r.text));
            rows.push(row.0);
        }
        for o in &ind.observations {
            let mut row = OutRow::new(Record::Observation, &ind.id);
            row.typed("period", o.period.to_string());
            row.typed("value", opt(o.value));
            row.typed("numerator", opt(o.numerator));
            row.typed("denominator", opt(o.denominator));
            row.typed("reported", opt(o.reported));
            row.set("note", text(&o.note));
            rows.push(row.0);
        }
    }
    for t in &ds.tasks {
        let mut row = OutRow::new(Record::Task, &t.id);
        row.set("name", t.name.vi.clone());
        row.set("name_en", text(&t.name.en));
        row.set("pillar", text(&t.pillar));
        row.set("group", t.group.join(crate::tasks::GROUP_SEPARATOR));
        row.set("lead", t.lead.join(crate::tasks::UNIT_SEPARATOR));
        row.set("partners", t.partners.join(crate::tasks::UNIT_SEPARATOR));
        row.set("output", text(&t.output));
        if let Some(due) = &t.due {
            row.set("text", text(&due.text));
            let period = |p: Option<crate::period::Period>| p.map(|p| p.to_string());
            row.typed("period", period(due.period).unwrap_or_default());
            row.typed("start", period(due.start).unwrap_or_default());
            if due.every == Some(Every::Year) {
                row.set("every", "year".to_string());
            }
        }
        row.set(
            "indicators",
            t.indicators.join(crate::tasks::UNIT_SEPARATOR),
        );
        source_cells(&mut row, &t.source);
        row.set("note", text(&t.note));
        rows.push(row.0);
        for u in &t.updates {
            let mut row = OutRow::new(Record::Update, &t.id);
            row.typed("date", u.date.to_string());
            row.set("status", u.status.as_str().to_string());
            row.set("note", text(&u.note));
            row.set("url", text(&u.evidence_url));
            rows.push(row.0);
        }
    }
    // The columns past the ones every CSV has, only when a row fills them.
    let unused: Vec<usize> = (ALWAYS_WRITTEN..CSV_COLUMNS.len())
        .filter(|&c| rows[1..].iter().all(|r| r[c].is_empty()))
        .collect();
    for r in &mut rows {
        for &c in unused.iter().rev() {
            r.remove(c);
        }
    }
    let mut out = String::from("\u{feff}");
    out.push_str(&write_rows(&rows));
    out
}

fn source_cells(row: &mut OutRow, source: &Option<Source>) {
    if let Some(s) = source {
        let text = |t: &Option<String>| t.clone().unwrap_or_default();
        row.set("document", text(&s.document));
        row.set("section", text(&s.section));
        row.typed("page", s.page.map(|p| p.to_string()).unwrap_or_default());
        row.set("row", text(&s.row));
    }
}

/// One output row, filled by column name.
struct OutRow(Vec<String>);

impl OutRow {
    fn new(kind: Record, id: &str) -> OutRow {
        let mut row = OutRow(vec![String::new(); CSV_COLUMNS.len()]);
        row.set("record", kind.name().to_string());
        row.set("id", id.to_string());
        row
    }

    /// A text cell, spreadsheet-safe ([`guard_formula`]).
    fn set(&mut self, col: &str, text: String) {
        self.typed(col, guard_formula(text));
    }

    /// A number, period or date as written: typed values are never guarded, so a
    /// negative number stays a number.
    fn typed(&mut self, col: &str, value: String) {
        if let Some(i) = CSV_COLUMNS.iter().position(|c| *c == col) {
            self.0[i] = value;
        }
    }
}

/// The text as a cell that a spreadsheet shows instead of running as a formula (CSV
/// injection, as OWASP advises): a text starting with `=`, `+`, `@`, a tab, a carriage
/// return, or a `-` that does not start a plain number (`-5`, `-0,5`, `-12%` stay as they
/// are; `-2+3+cmd|…` does not) gets a leading `'`. So does such a text behind apostrophes
/// of its own (`'=x` becomes `''=x`), which is what makes [`unguard_formula`] give every
/// text back exactly. Only for text: numbers are written as they are.
pub fn guard_formula(mut text: String) -> String {
    if runs_as_formula(text.as_bytes()) {
        text.insert(0, '\'');
    }
    text
}

/// The text of a cell [`guard_formula`] wrote: without the one apostrophe it adds, and
/// unchanged when it added none (`'abc` stays `'abc`).
pub fn unguard_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest.as_bytes()) => rest,
        _ => cell,
    }
}

/// Whether a spreadsheet would take the text, past any apostrophes it starts with, for a
/// formula. A `-` followed by nothing but digits, separators and a `%` is a number to
/// it; anything more (a letter, an operator) could be a formula. Bytes, not chars: every
/// byte that matters is ASCII, and the widgets' wasm stays smaller.
fn runs_as_formula(text: &[u8]) -> bool {
    match text.iter().position(|&b| b != b'\'').map(|i| &text[i..]) {
        Some([b'-', rest @ ..]) => {
            !rest.first().is_some_and(u8::is_ascii_digit)
                || rest.iter().any(|b| !b"0123456789.,%".contains(b))
        }
        Some([first, ..]) => b"=+@\t\r".contains(first),
        _ => false,
    }
}

/// RFC 4180 rows, `\n` line ends, a field quoted (quotes doubled) when it holds a comma, a
/// quote or a line break: what the csv crate writes, without the csv crate, which would
/// cost the widgets' wasm about 22 KB gzipped for its writer alone.
fn write_rows(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for r in rows {
        for (i, f) in r.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if f.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&f.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(f);
            }
        }
        out.push('\n');
    }
    out
}

/// Reads a CSV text: its rows, with the separator and so the decimal mark it implies,
/// through the record interpreter [`read_with_lines`]. At the end of the file because the
/// widgets' wasm holds panic locations of this file (line numbers, in the writer above):
/// code added above them would change that wasm, which must not change for spreadsheets.
pub(super) fn read_text(text: &str, policy: Policy) -> Result<(Loaded, LineMap), LoadError> {
    let body = strip_bom(text);
    if body.trim().is_empty() {
        return Err(LoadError::Empty(Format::Csv));
    }
    let (rows, delimiter, errors) = split_rows(body);
    let decimal_mark = match delimiter {
        b',' => Some('.'),
        b';' => Some(','),
        _ => None,
    };
    read_with_lines(&rows, decimal_mark, errors, policy, Format::Csv)
}
