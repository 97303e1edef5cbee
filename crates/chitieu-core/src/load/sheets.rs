//! Spreadsheets: datasets in .xlsx, .xlsm, .xls and .ods files (feature `sheets`), and
//! the workbook chitieu writes (feature `xlsx`, [`to_xlsx`]).
//!
//! The clerks who keep a province's figures work in Excel or LibreOffice Calc, so a
//! workbook is read as it is, in either of two shapes:
//!
//! - **the flat table** of `docs/template.csv` on one sheet: a header row with `record`
//!   and `id`, one row per thing. Its rows go to the CSV form's record interpreter as
//!   they are;
//! - **the workbook**: one sheet per kind of record ([`WORKBOOK`]: Kế hoạch, Trụ cột,
//!   Chỉ tiêu, Mục tiêu, Kết quả), each with a row of Vietnamese column titles and,
//!   beneath it, a row of the format's field names. Its rows are assembled into the same
//!   table of records (an indicator row with a baseline becomes two records), so there
//!   is one record interpreter, not a copy, and the rules of the format apply alike.
//!
//! Cells are read as the spreadsheet holds them, whatever the locale displayed: a number
//! as a number (written out exactly for the interpreter), a date as `YYYY-MM-DD`, a
//! formula as its cached value, text trimmed. Every finding is then placed where the
//! clerk looks for it, the sheet, the cell and the column's title as the sheet shows it
//! ([`SheetPlace`]): "Trang 'Kết quả', ô E12 (Tử số): …".

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader};
use serde::Serialize;

use super::csv_form::{self, guard_formula, CSV_COLUMNS};
use super::{finish, Diagnostic, Format, LoadError, Loaded, Policy};
use crate::messages::{Arg, Key, Message};
use crate::number::Lang;

/// What a column holds: how it is written and which list a cell picks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// An id or a period: text, never a number or a date, so `2024-11` stays a period.
    Code,
    /// A number.
    Number,
    /// One of a list of words; with `strict` false another word may be typed (units).
    List(&'static [&'static str], bool),
    /// A pillar id of the sheet Trụ cột.
    PillarId,
    /// An indicator id of the sheet Chỉ tiêu.
    IndicatorId,
    /// A task id of the sheet Nhiệm vụ.
    TaskId,
}

/// One column of a sheet of the workbook form.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The format's name for it, written beneath the title and matched on reading.
    pub field: &'static str,
    /// The record it fills (the sheet's, or `baseline` for the indicator's baseline).
    pub record: &'static str,
    /// The CSV form's column it is, for the record interpreter.
    pub csv: &'static str,
    /// The title the clerk sees, in Vietnamese, and in English in the guide.
    pub vi: &'static str,
    pub en: &'static str,
    pub kind: Kind,
}

/// One sheet of the workbook form.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    /// Its name, in Vietnamese; reading also takes `en`.
    pub name: &'static str,
    pub en: &'static str,
    /// The record of its rows.
    pub record: &'static str,
    /// What it holds, for the guide.
    pub about_vi: &'static str,
    pub about_en: &'static str,
    pub columns: &'static [Column],
}

const fn col(
    field: &'static str,
    record: &'static str,
    csv: &'static str,
    vi: &'static str,
    en: &'static str,
    kind: Kind,
) -> Column {
    Column {
        field,
        record,
        csv,
        vi,
        en,
        kind,
    }
}

/// The ops of a target, for the dropdown.
pub const OP_LIST: &[&str] = &["gte", "gt", "lte", "lt", "eq", "range", "approx"];
/// The units the format names; another may be typed.
pub const UNIT_LIST: &[&str] = &["percent", "count", "vnd"];
pub const LEVEL_LIST: &[&str] = &["province", "district", "commune"];
pub const CHANGE_LIST: &[&str] = &["increase", "decrease"];
pub const STATUS_LIST: &[&str] = &["not_started", "in_progress", "done", "cancelled"];
pub const EVERY_LIST: &[&str] = &["year"];

/// The first sheet of a written workbook, which reading skips.
pub const GUIDE: &str = "Hướng dẫn";

/// The sheets of the workbook form, in the order they are written. Each sheet's first
/// column is the id its rows are filtered and looked up by.
pub const WORKBOOK: [Sheet; 7] = [
    Sheet {
        name: "Kế hoạch",
        en: "Plan",
        record: "plan",
        about_vi: "Một dòng: văn bản kế hoạch mà các chỉ tiêu được lấy ra từ đó, và ngày số liệu được cập nhật.",
        about_en: "One row: the plan the indicators come from, and the date the figures are current to.",
        columns: &[
            col("id", "plan", "id", "Mã kế hoạch", "Plan id", Kind::Code),
            col("title", "plan", "name", "Tên kế hoạch", "Title", Kind::Text),
            col("document", "plan", "document", "Số văn bản", "Document", Kind::Text),
            col("region", "plan", "region", "Tỉnh, thành phố", "Province", Kind::Text),
            col("issuer", "plan", "issuer", "Cơ quan ban hành", "Issuer", Kind::Text),
            col("date", "plan", "date", "Ngày ban hành", "Date issued", Kind::Code),
            col("url", "plan", "url", "Địa chỉ công bố", "URL", Kind::Text),
            col("as_of", "plan", "as_of", "Số liệu tính đến ngày", "Figures as of", Kind::Code),
            col("schema", "plan", "schema", "Định dạng", "Format", Kind::Code),
        ],
    },
    Sheet {
        name: "Trụ cột",
        en: "Pillars",
        record: "pillar",
        about_vi: "Các nhóm chỉ tiêu (trụ cột) và trọng số của chúng; có thể để trống.",
        about_en: "The groups of indicators (pillars) and their weights; may be left empty.",
        columns: &[
            col("id", "pillar", "id", "Mã trụ cột", "Pillar id", Kind::Code),
            col("name", "pillar", "name", "Tên trụ cột", "Name", Kind::Text),
            col("name_en", "pillar", "name_en", "Tên tiếng Anh", "Name in English", Kind::Text),
            col("weight", "pillar", "weight", "Trọng số", "Weight", Kind::Number),
        ],
    },
    Sheet {
        name: "Chỉ tiêu",
        en: "Indicators",
        record: "indicator",
        about_vi: "Mỗi dòng một chỉ tiêu: tên, đơn vị, cấp, trụ cột, cơ quan chủ trì, giá trị cơ sở (kỳ gốc và giá trị gốc) và nơi chỉ tiêu được nêu trong văn bản.",
        about_en: "One row per indicator: name, unit, level, pillar, lead agency, baseline (period and value) and where the plan states it.",
        columns: &[
            col("id", "indicator", "id", "Mã chỉ tiêu", "Indicator id", Kind::Code),
            col("name", "indicator", "name", "Tên chỉ tiêu", "Name", Kind::Text),
            col("name_en", "indicator", "name_en", "Tên tiếng Anh", "Name in English", Kind::Text),
            col("unit", "indicator", "unit", "Đơn vị", "Unit", Kind::List(UNIT_LIST, false)),
            col("level", "indicator", "level", "Cấp", "Level", Kind::List(LEVEL_LIST, true)),
            col("pillar", "indicator", "pillar", "Trụ cột", "Pillar", Kind::PillarId),
            col("key", "indicator", "key", "Mã dùng chung", "Shared key", Kind::Code),
            col("owner", "indicator", "owner", "Cơ quan chủ trì", "Lead agency", Kind::Text),
            col("baseline.period", "baseline", "period", "Kỳ gốc", "Baseline period", Kind::Code),
            col("baseline.value", "baseline", "value", "Giá trị gốc", "Baseline value", Kind::Number),
            col("document", "indicator", "document", "Văn bản", "Document", Kind::Text),
            col("section", "indicator", "section", "Mục", "Section", Kind::Text),
            col("page", "indicator", "page", "Trang", "Page", Kind::Number),
            col("row", "indicator", "row", "Dòng trong bảng", "Table row", Kind::Code),
            col("note", "indicator", "note", "Ghi chú", "Note", Kind::Text),
        ],
    },
    Sheet {
        name: "Mục tiêu",
        en: "Targets",
        record: "target",
        about_vi: "Mỗi dòng một mục tiêu của một chỉ tiêu: phép so sánh, giá trị và thời hạn, kèm nguyên văn trong kế hoạch.",
        about_en: "One row per target of an indicator: the comparison, the figure and the deadline, with the plan's own words.",
        columns: &[
            col("id", "target", "id", "Mã chỉ tiêu", "Indicator id", Kind::IndicatorId),
            col("deadline", "target", "period", "Thời hạn", "Deadline", Kind::Code),
            col("op", "target", "op", "Phép so sánh", "Op", Kind::List(OP_LIST, true)),
            col("value", "target", "value", "Giá trị", "Value", Kind::Number),
            col("min", "target", "min", "Từ", "Min", Kind::Number),
            col("max", "target", "max", "Đến", "Max", Kind::Number),
            col("tolerance", "target", "tolerance", "Dung sai", "Tolerance", Kind::Number),
            col("change", "target", "change", "Tăng/giảm", "Change", Kind::List(CHANGE_LIST, true)),
            col("text", "target", "text", "Nguyên văn", "Plan's words", Kind::Text),
        ],
    },
    Sheet {
        name: "Kết quả",
        en: "Results",
        record: "observation",
        about_vi: "Mỗi dòng một kết quả của một chỉ tiêu trong một kỳ: giá trị, hoặc tử số và mẫu số; số công bố là con số in trong báo cáo.",
        about_en: "One row per result of an indicator for a period: the value, or the numerator and denominator; reported is the figure as printed.",
        columns: &[
            col("id", "observation", "id", "Mã chỉ tiêu", "Indicator id", Kind::IndicatorId),
            col("period", "observation", "period", "Kỳ", "Period", Kind::Code),
            col("value", "observation", "value", "Giá trị", "Value", Kind::Number),
            col("numerator", "observation", "numerator", "Tử số", "Numerator", Kind::Number),
            col("denominator", "observation", "denominator", "Mẫu số", "Denominator", Kind::Number),
            col("reported", "observation", "reported", "Số công bố", "Reported", Kind::Number),
            col("note", "observation", "note", "Ghi chú", "Note", Kind::Text),
        ],
    },
    Sheet {
        name: "Nhiệm vụ",
        en: "Tasks",
        record: "task",
        about_vi: "Mỗi dòng một nhiệm vụ của phụ lục: nhóm (các tiêu đề nối bằng ›), đơn vị chủ trì và phối hợp (ngăn cách bằng ;), kết quả, thời hạn như văn bản ghi và theo kỳ.",
        about_en: "One row per task of the appendix: group (headings joined by ›), lead and partner units (separated by ;), output, and the deadline as written and as a period.",
        columns: &[
            col("id", "task", "id", "Mã nhiệm vụ", "Task id", Kind::Code),
            col("group", "task", "group", "Nhóm", "Group", Kind::Text),
            col("name", "task", "name", "Nhiệm vụ", "Task", Kind::Text),
            col("name_en", "task", "name_en", "Tên tiếng Anh", "Name in English", Kind::Text),
            col("pillar", "task", "pillar", "Trụ cột", "Pillar", Kind::PillarId),
            col("lead", "task", "lead", "Đơn vị chủ trì", "Lead units", Kind::Text),
            col("partners", "task", "partners", "Đơn vị phối hợp", "Partner units", Kind::Text),
            col("output", "task", "output", "Kết quả", "Output", Kind::Text),
            col("due.text", "task", "text", "Thời gian thực hiện", "Due as written", Kind::Text),
            col("due.period", "task", "period", "Hạn (kỳ)", "Due period", Kind::Code),
            col("due.start", "task", "start", "Bắt đầu (kỳ)", "Start period", Kind::Code),
            col("due.every", "task", "every", "Lặp lại", "Recurs", Kind::List(EVERY_LIST, true)),
            col("indicators", "task", "indicators", "Chỉ tiêu liên quan", "Indicators", Kind::Text),
            col("document", "task", "document", "Văn bản", "Document", Kind::Text),
            col("section", "task", "section", "Mục", "Section", Kind::Text),
            col("page", "task", "page", "Trang", "Page", Kind::Number),
            col("row", "task", "row", "Dòng trong bảng", "Table row", Kind::Code),
            col("note", "task", "note", "Ghi chú", "Note", Kind::Text),
        ],
    },
    Sheet {
        name: "Tiến độ",
        en: "Progress",
        record: "update",
        about_vi: "Mỗi dòng một báo cáo tiến độ của một nhiệm vụ: ngày, trạng thái (not_started, in_progress, done, cancelled), ghi chú và đường dẫn minh chứng.",
        about_en: "One row per progress report on a task: date, status (not_started, in_progress, done, cancelled), note and evidence link.",
        columns: &[
            col("id", "update", "id", "Mã nhiệm vụ", "Task id", Kind::TaskId),
            col("date", "update", "date", "Ngày báo cáo", "Date", Kind::Code),
            col("status", "update", "status", "Trạng thái", "Status", Kind::List(STATUS_LIST, true)),
            col("note", "update", "note", "Ghi chú", "Note", Kind::Text),
            col("evidence_url", "update", "url", "Minh chứng", "Evidence link", Kind::Text),
        ],
    },
];

/// Where a finding is in a workbook, as the clerk sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetPlace {
    /// The sheet's place in the workbook, to list findings sheet by sheet.
    #[serde(skip)]
    pub order: usize,
    /// The sheet's name.
    pub name: String,
    /// The row, from 1, when the finding is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The cell, `E12`, when the finding is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The column's title as the sheet shows it (`Tử số`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl SheetPlace {
    /// "Trang 'Kết quả', ô E12 (Tử số)", "Sheet 'Kết quả', row 12", "Sheet 'Kế hoạch'".
    pub fn render(&self, lang: Lang) -> String {
        let msg = match (&self.cell, self.row) {
            (Some(cell), _) => Message::new(Key::PlaceSheetCell)
                .with("cell", cell.as_str())
                .with("title", self.title.as_deref().unwrap_or_default()),
            (None, Some(row)) => Message::new(Key::PlaceSheetRow).with("row", row),
            (None, None) => Message::new(Key::PlaceSheet),
        };
        msg.with("sheet", self.name.as_str()).render(lang)
    }
}

/// The column letters of a column from 0: 0 is `A`, 26 is `AA`.
pub fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Whether a file is a spreadsheet: by its extension, else by its first bytes (a zip,
/// as .xlsx and .ods are, or an OLE compound file, as .xls is).
pub fn is_spreadsheet(name_hint: Option<&str>, bytes: &[u8]) -> bool {
    let ext = name_hint
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("xlsx" | "xlsm" | "xlsb" | "xls" | "xla" | "xlam" | "ods") => true,
        Some("json" | "csv" | "tsv" | "txt") => false,
        _ => bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]),
    }
}

/// Reads a spreadsheet dataset and validates it (strictly; see [`load_sheets_with`]).
pub fn load_sheets(bytes: &[u8]) -> Result<Loaded, LoadError> {
    load_sheets_with(bytes, Policy::Strict)
}

/// Reads a spreadsheet dataset in either shape (see the module docs) and validates it,
/// under a [`Policy`], every finding placed at its sheet and cell.
pub fn load_sheets_with(bytes: &[u8], policy: Policy) -> Result<Loaded, LoadError> {
    let book = read_book(bytes)?;
    let (rows, errors, places) = shape(&book)?;
    let result = csv_form::read_with_lines(&rows, Some('.'), errors, policy, Format::Sheet)
        .and_then(|(loaded, map)| finish(loaded, policy, &|d, _| map.locate(d)));
    relocate(result, &places, &book)
}

/// A sheet's name and its cells as text, by row and column from 0 (rows and columns
/// before the first filled one are there, empty, so positions are the sheet's own).
struct Grid {
    name: String,
    rows: Vec<Vec<String>>,
}

fn read_book(bytes: &[u8]) -> Result<Vec<Grid>, LoadError> {
    let unreadable = |detail: String| LoadError::Read {
        format: Format::Sheet,
        errors: vec![Diagnostic::error(
            "",
            Message::new(Key::SheetUnreadable).with("detail", detail),
        )],
    };
    let cursor = Cursor::new(bytes);
    // .xls (an OLE compound file) and .xlsb natively only: their readers carry the legacy
    // code pages, too heavy for the analysis wasm (see size-limits.txt), and a clerk's
    // Excel saves .xlsx.
    #[cfg(not(target_arch = "wasm32"))]
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let wb = calamine::Xls::new(cursor).map_err(|e| unreadable(e.to_string()))?;
        return grids(wb).map_err(unreadable);
    }
    match calamine::Xlsx::new(cursor.clone()) {
        Ok(wb) => grids(wb).map_err(unreadable),
        Err(xlsx) => match calamine::Ods::new(cursor.clone()) {
            Ok(wb) => grids(wb).map_err(unreadable),
            #[cfg(not(target_arch = "wasm32"))]
            Err(_) => match calamine::Xlsb::new(cursor) {
                Ok(wb) => grids(wb).map_err(unreadable),
                Err(_) => Err(unreadable(xlsx.to_string())),
            },
            #[cfg(target_arch = "wasm32")]
            Err(_) => Err(unreadable(xlsx.to_string())),
        },
    }
}

/// Every sheet of a workbook as a [`Grid`].
fn grids<'a, R: Reader<Cursor<&'a [u8]>>>(mut wb: R) -> Result<Vec<Grid>, String>
where
    R::Error: std::fmt::Display,
{
    let mut book = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| format!("{name}: {e}"))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = vec![Vec::new(); top as usize];
        for cells in range.rows() {
            let mut row = vec![String::new(); left as usize];
            row.extend(cells.iter().map(cell_text));
            while row.last().is_some_and(String::is_empty) {
                row.pop();
            }
            rows.push(row);
        }
        book.push(Grid { name, rows });
    }
    Ok(book)
}

/// A cell as the record interpreter reads it: a number in its shortest exact form
/// (with a decimal point, as the interpreter is told), a date as `YYYY-MM-DD`, an error
/// as the spreadsheet shows it (`#DIV/0!`, which then is "not a number" at its cell), and
/// text trimmed and guarded as the CSV writer guards it ([`guard_formula`]), so that the
/// interpreter's unguarding gives the text back exactly.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => guard_formula(s.trim().to_string()),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) => match s.get(..10) {
            Some(day) if s.len() == 10 || s[10..].starts_with('T') => day.to_string(),
            _ => s.clone(),
        },
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// Where a row of the table handed to the interpreter is in the workbook.
enum Places {
    /// The flat shape: the table is the sheet (number `order`) itself.
    Flat { order: usize },
    /// The workbook shape: the table's line `n` (from 2, under its header) is `rows[n - 2]`.
    Book { rows: Vec<BookRow> },
}

/// A row of the workbook shape's table: its sheet, its row (from 1), and where the
/// sheet has each of the record's columns (by CSV name: the sheet's column from 0, its
/// title and its field name).
struct BookRow {
    order: usize,
    row: usize,
    columns: std::rc::Rc<HashMap<&'static str, (usize, String, &'static str)>>,
}

type Table = Vec<(usize, Vec<String>)>;

/// The table of records the interpreter reads, with the findings about the sheets'
/// headers and where each row came from.
fn shape(book: &[Grid]) -> Result<(Table, Vec<Diagnostic>, Places), LoadError> {
    // The flat shape: a sheet whose header row has `record` and `id`.
    for (order, grid) in book.iter().enumerate() {
        let header = grid.rows.iter().find(|r| {
            let first = r.iter().find(|c| !c.is_empty());
            first.is_some_and(|c| !c.starts_with('#'))
        });
        let has =
            |name: &str| header.is_some_and(|h| h.iter().any(|c| c.eq_ignore_ascii_case(name)));
        if has("record") && has("id") {
            let rows = grid
                .rows
                .iter()
                .cloned()
                .enumerate()
                .map(|(i, r)| (i + 1, r));
            return Ok((rows.collect(), Vec::new(), Places::Flat { order }));
        }
    }
    // The workbook shape: the sheets of WORKBOOK, by name.
    let mut table: Table = vec![(1, CSV_COLUMNS.iter().map(|c| c.to_string()).collect())];
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut found = false;
    for (order, grid) in book.iter().enumerate() {
        let name = grid.name.trim();
        let Some(spec) = WORKBOOK.iter().find(|s| {
            s.name.to_lowercase() == name.to_lowercase() || s.en.eq_ignore_ascii_case(name)
        }) else {
            continue;
        };
        found = true;
        let place = |row: usize, col: Option<(usize, &str)>| SheetPlace {
            order,
            name: grid.name.clone(),
            row: Some(row),
            cell: col.map(|(c, _)| format!("{}{row}", column_letters(c))),
            title: col.map(|(_, t)| t.to_string()),
        };
        let Some(header) = read_sheet_header(spec, grid, &mut |row, col, msg| {
            let mut d = Diagnostic::error("", msg);
            d.sheet = Some(Box::new(place(row, col)));
            errors.push(d);
        }) else {
            continue;
        };
        // The columns of each record of the sheet (an indicator row may hold a baseline).
        let mut by_record: Vec<(&str, std::rc::Rc<HashMap<_, _>>)> = Vec::new();
        for record in [spec.record, "baseline"] {
            let mut cols = HashMap::new();
            for (c, column) in &header.columns {
                if column.record == record || column.field == "id" {
                    cols.insert(column.csv, (*c, header.title(*c, column), column.field));
                }
            }
            if cols.len() > 1 || record == spec.record {
                by_record.push((record, std::rc::Rc::new(cols)));
            }
        }
        for (r, cells) in grid.rows.iter().enumerate().skip(header.data_from) {
            if cells.iter().all(String::is_empty) {
                continue;
            }
            for (k, (record, cols)) in by_record.iter().enumerate() {
                let mut out = vec![String::new(); CSV_COLUMNS.len()];
                let mut filled = false;
                for (csv, (c, _, _)) in cols.iter() {
                    if let (Some(i), Some(cell)) = (
                        CSV_COLUMNS.iter().position(|x| x == csv),
                        cells.get(*c).filter(|c| !c.is_empty()),
                    ) {
                        out[i] = cell.clone();
                        filled |= *csv != "id";
                    }
                }
                // The indicator's own record always; its baseline only when given.
                if k > 0 && !filled {
                    continue;
                }
                out[0] = record.to_string();
                table.push((table.len() + 1, out));
                rows.push(BookRow {
                    order,
                    row: r + 1,
                    columns: cols.clone(),
                });
            }
        }
    }
    if !found {
        let sheets: Vec<Arg> = WORKBOOK.iter().map(|s| s.name.into()).collect();
        return Err(LoadError::Read {
            format: Format::Sheet,
            errors: vec![Diagnostic::error(
                "",
                Message::new(Key::SheetNoData).with("sheets", Arg::List(sheets)),
            )],
        });
    }
    Ok((table, errors, Places::Book { rows }))
}

/// A sheet's header: which of the sheet's columns each column of the grid is, the rows
/// of titles, and where the data starts.
struct Header<'a> {
    columns: Vec<(usize, &'static Column)>,
    titles: &'a [String],
    data_from: usize,
}

impl Header<'_> {
    /// The title the sheet shows for column `c`, else the Vietnamese title.
    fn title(&self, c: usize, column: &Column) -> String {
        self.titles
            .get(c)
            .filter(|t| !t.is_empty())
            .map_or(column.vi, String::as_str)
            .replace('\n', " ")
    }
}

/// Where a header's finding goes: its row, its column and title if any, and the message.
type Report<'r> = &'r mut dyn FnMut(usize, Option<(usize, &str)>, Message);

/// Finds a sheet's header: the first filled rows whose every cell names one of its
/// columns (by title, in Vietnamese or English, or by field name; case and spaces aside),
/// usually a row of titles with a row of field names beneath. Reports an unknown or
/// repeated column, or a missing id column, through `report` (row, column and title, and
/// the message), and gives `None` for a sheet it cannot read.
fn read_sheet_header<'a>(
    spec: &'static Sheet,
    grid: &'a Grid,
    report: Report,
) -> Option<Header<'a>> {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let find = |cell: &str| {
        let cell = norm(cell.trim_start_matches('\''));
        spec.columns.iter().find(|c| {
            [c.field, c.csv, c.vi, c.en]
                .iter()
                .any(|name| norm(name) == cell)
        })
    };
    let first = grid
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !c.is_empty()))?;
    let mut columns: Vec<(usize, &'static Column)> = Vec::new();
    let mut end = first;
    for (r, row) in grid.rows.iter().enumerate().skip(first) {
        let cells: Vec<(usize, &String)> = row
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .collect();
        let known: Vec<_> = cells.iter().map(|(c, cell)| (*c, find(cell))).collect();
        if r > first && (cells.is_empty() || known.iter().any(|(_, k)| k.is_none())) {
            break;
        }
        end = r + 1;
        let mut bad = false;
        for ((c, cell), (_, k)) in cells.iter().zip(&known) {
            match k {
                Some(k) => match columns.iter().find(|(at, _)| at == c) {
                    Some(_) => {}
                    None if columns.iter().any(|(_, o)| o.field == k.field) => {
                        let msg = Message::new(Key::SheetColumnTwice).with("column", cell.as_str());
                        report(r + 1, Some((*c, cell)), msg);
                        bad = true;
                    }
                    None => columns.push((*c, k)),
                },
                None => {
                    let names: Vec<Arg> = spec.columns.iter().map(|c| c.vi.into()).collect();
                    let msg = Message::new(Key::SheetColumnUnknown)
                        .with("column", cell.as_str())
                        .with("columns", Arg::List(names));
                    report(r + 1, Some((*c, cell)), msg);
                    bad = true;
                }
            }
        }
        if bad {
            return None;
        }
    }
    if !columns.iter().any(|(_, c)| c.field == "id") {
        let id = &spec.columns[0];
        let msg = Message::new(Key::SheetColumnMissing)
            .with("column", id.vi)
            .with("field", id.field);
        report(first + 1, None, msg);
        return None;
    }
    Some(Header {
        columns,
        titles: &grid.rows[first],
        data_from: end,
    })
}

/// Every finding of a load, placed at its sheet and cell.
fn relocate(
    result: Result<Loaded, LoadError>,
    places: &Places,
    book: &[Grid],
) -> Result<Loaded, LoadError> {
    let fix = |ds: &mut Vec<Diagnostic>| {
        for d in ds {
            place(d, places, book);
        }
    };
    match result {
        Ok(mut loaded) => {
            fix(&mut loaded.warnings);
            for q in &mut loaded.dataset.quarantined {
                fix(&mut q.diagnostics);
            }
            Ok(loaded)
        }
        Err(mut e) => {
            match &mut e {
                LoadError::Empty(_) => {}
                LoadError::Schema(d) => place(d, places, book),
                LoadError::Read { errors, .. } => fix(errors),
                LoadError::Invalid { errors, warnings } => {
                    fix(errors);
                    fix(warnings);
                }
            }
            Err(e)
        }
    }
}

/// Gives a finding of the interpreter (line and column of its table) its sheet, cell and
/// title, and renumbers the lines its message names.
fn place(d: &mut Diagnostic, places: &Places, book: &[Grid]) {
    if d.sheet.is_some() {
        return;
    }
    match places {
        Places::Flat { order } => {
            let Some(grid) = book.get(*order) else { return };
            let Some(row) = d.line else {
                d.sheet = Some(Box::new(SheetPlace {
                    order: *order,
                    name: grid.name.clone(),
                    row: None,
                    cell: None,
                    title: None,
                }));
                return;
            };
            let cell = d
                .column
                .map(|c| format!("{}{row}", column_letters(c.saturating_sub(1))));
            let title = d
                .field
                .clone()
                .or_else(|| d.column.map(|c| column_letters(c.saturating_sub(1))));
            d.sheet = Some(Box::new(SheetPlace {
                order: *order,
                name: grid.name.clone(),
                row: Some(row),
                title: cell.as_ref().and(title),
                cell,
            }));
        }
        Places::Book { rows } => {
            let at = |line: usize| line.checked_sub(2).and_then(|i| rows.get(i));
            // "the first is on line 7": the row of the sheet, not of the table.
            let mut msg = d.msg.clone();
            msg.map_lines(&|line| at(line).map_or(line, |r| r.row));
            if msg != d.msg {
                d.set_message(msg);
            }
            let Some(row) = d.line.and_then(at) else {
                if d.msg.key() == Key::CsvNoPlan {
                    let plan = WORKBOOK[0].name;
                    d.set_message(Message::new(Key::SheetNoPlan).with("sheet", plan));
                    let order = book
                        .iter()
                        .position(|g| g.name.trim().eq_ignore_ascii_case(plan));
                    d.sheet = Some(Box::new(SheetPlace {
                        order: order.unwrap_or(0),
                        name: plan.to_string(),
                        row: None,
                        cell: None,
                        title: None,
                    }));
                }
                return;
            };
            let Some(grid) = book.get(row.order) else {
                return;
            };
            let field = d.field.clone().or_else(|| {
                d.column
                    .and_then(|c| CSV_COLUMNS.get(c.wrapping_sub(1)))
                    .map(|c| c.to_string())
            });
            let column = field.as_deref().and_then(|f| row.columns.get(f));
            d.line = Some(row.row);
            d.column = column.map(|(c, _, _)| c + 1);
            d.field = column.map(|(_, _, f)| f.to_string());
            d.sheet = Some(Box::new(SheetPlace {
                order: row.order,
                name: grid.name.clone(),
                row: Some(row.row),
                cell: column.map(|(c, _, _)| format!("{}{}", column_letters(*c), row.row)),
                title: column.map(|(_, t, _)| t.clone()),
            }));
        }
    }
}

#[cfg(feature = "xlsx")]
mod write;
#[cfg(feature = "xlsx")]
pub use write::to_xlsx;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_as_a_spreadsheet_does() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(4), "E");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
