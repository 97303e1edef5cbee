//! Writing the workbook form (feature `xlsx`, with rust_xlsxwriter): what
//! `chitieu convert x.json x.xlsx` writes and `docs/template.xlsx` is made of.
//!
//! The rows come from the CSV writer ([`to_csv`]), grouped by record into the sheets of
//! [`WORKBOOK`], so the two forms cannot drift apart and a record the CSV form gains
//! needs only its sheet here. The workbook is built to prevent mistakes rather than
//! report them: ids and periods are text cells (so `2024-11` never becomes a date),
//! ops, units, levels, changes, pillar and indicator ids are dropdowns, and the header
//! rows stay in view.

use std::collections::HashMap;

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime,
    Format as XFormat, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use super::{Kind, Sheet, GUIDE, WORKBOOK};
use crate::load::{to_csv, unguard_formula};
use crate::model::Dataset;

/// Rows below the headers that the dropdowns cover: room for a province's years of
/// quarterly results.
const ROWS: u32 = 5000;

/// The dataset as an .xlsx workbook: the guide ("Hướng dẫn"), then a sheet per kind of
/// record with titles, field names, dropdowns and widths. Reading it back
/// ([`super::load_sheets`]) gives the same dataset.
pub fn to_xlsx(ds: &Dataset) -> Result<Vec<u8>, String> {
    write(ds).map_err(|e| e.to_string())
}

/// A cell to write: text, or a number as the CSV writer wrote it (exact).
type Row = Vec<String>;

fn write(ds: &Dataset) -> Result<Vec<u8>, XlsxError> {
    let sheets = rows_by_sheet(ds);
    let mut wb = Workbook::new();
    // A fixed date instead of now: the same dataset makes the same bytes, so the
    // generated docs/template.xlsx changes only when its content does.
    let created = ExcelDateTime::from_ymd(2024, 1, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    guide(wb.add_worksheet())?;
    let title = XFormat::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Thin);
    let field = XFormat::new()
        .set_italic()
        .set_font_color(Color::RGB(0x595959))
        .set_num_format("@")
        .set_background_color(Color::RGB(0xF2F2F2));
    let text = XFormat::new().set_num_format("@");
    for (spec, rows) in WORKBOOK.iter().zip(sheets) {
        let ws = wb.add_worksheet();
        ws.set_name(spec.name)?;
        for (c, column) in spec.columns.iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, column.vi, &title)?;
            ws.write_string_with_format(1, c, column.field, &field)?;
            let mut width = column.vi.chars().count().max(column.field.len());
            for (r, row) in rows.iter().enumerate() {
                let r = r as u32 + 2;
                let Some(cell) = row.get(c as usize).filter(|v| !v.is_empty()) else {
                    continue;
                };
                width = width.max(cell.chars().count());
                match (column.kind, cell.parse::<f64>()) {
                    (Kind::Number, Ok(n)) => {
                        ws.write_number(r, c, n)?;
                    }
                    _ => {
                        ws.write_string_with_format(r, c, unguard_formula(cell), &text)?;
                    }
                }
            }
            ws.set_column_width(c, (width as f64 + 2.0).clamp(8.0, 60.0))?;
            if column.kind != Kind::Number {
                ws.set_column_format(c, &text)?;
            }
            if let Some(v) = validation(column.kind)? {
                ws.add_data_validation(2, c, ROWS + 1, c, &v)?;
            }
        }
        // The header rows stay in view, and so does the id, which says what a row is about.
        ws.set_row_format(0, &title)?;
        ws.set_row_format(1, &field)?;
        ws.set_freeze_panes(2, 1)?;
        let last = spec.columns.len().saturating_sub(1) as u16;
        ws.autofilter(1, 0, (rows.len() as u32 + 1).max(2), last)?;
    }
    wb.save_to_buffer()
}

/// The dropdown of a column: a list of words, or the ids of another sheet.
fn validation(kind: Kind) -> Result<Option<DataValidation>, XlsxError> {
    let ids = |sheet: &Sheet| Formula::new(format!("='{}'!$A$3:$A${}", sheet.name, ROWS + 2));
    let v = match kind {
        Kind::List(words, strict) => {
            let v = DataValidation::new().allow_list_strings(words)?;
            if strict {
                v
            } else {
                // Another unit ("Mb/s") is allowed: a warning that can be passed.
                v.set_error_style(DataValidationErrorStyle::Warning)
            }
        }
        Kind::PillarId => DataValidation::new().allow_list_formula(ids(&WORKBOOK[1])),
        Kind::IndicatorId => DataValidation::new().allow_list_formula(ids(&WORKBOOK[2])),
        Kind::TaskId => DataValidation::new().allow_list_formula(ids(&WORKBOOK[5])),
        Kind::Text | Kind::Code | Kind::Number => return Ok(None),
    };
    Ok(Some(v))
}

/// The dataset's CSV rows, grouped into the rows of each sheet of [`WORKBOOK`], each row
/// in the sheet's column order. A baseline joins its indicator's row.
fn rows_by_sheet(ds: &Dataset) -> Vec<Vec<Row>> {
    let csv = to_csv(ds);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    // By the written header: the writer leaves out the task columns a dataset does not use.
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    let index: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let mut sheets: Vec<Vec<Row>> = vec![Vec::new(); WORKBOOK.len()];
    let mut indicator_row: HashMap<String, usize> = HashMap::new();
    for record in reader.records().flatten() {
        let cell = |csv: &str| {
            index
                .get(csv)
                .and_then(|&i| record.get(i))
                .unwrap_or_default()
        };
        let kind = cell("record");
        if kind == "baseline" {
            let spec = &WORKBOOK[2];
            if let Some(row) = indicator_row
                .get(cell("id"))
                .and_then(|&r| sheets[2].get_mut(r))
            {
                for (c, column) in spec.columns.iter().enumerate() {
                    if column.record == "baseline" {
                        row[c] = cell(column.csv).to_string();
                    }
                }
            }
            continue;
        }
        let Some(s) = WORKBOOK.iter().position(|s| s.record == kind) else {
            continue;
        };
        let row: Row = WORKBOOK[s]
            .columns
            .iter()
            .map(|c| match c.record == kind {
                true => cell(c.csv).to_string(),
                false => String::new(),
            })
            .collect();
        if kind == "indicator" {
            indicator_row.insert(cell("id").to_string(), sheets[s].len());
        }
        sheets[s].push(row);
    }
    sheets
}

/// The first sheet: what each sheet holds, in Vietnamese and English.
fn guide(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_name(GUIDE)?;
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 100)?;
    let head = XFormat::new().set_bold().set_font_size(14);
    let bold = XFormat::new().set_bold().set_text_wrap();
    let wrap = XFormat::new().set_text_wrap();
    let mut r = 0;
    let mut line = |ws: &mut Worksheet, a: &str, b: &str, f: &XFormat| -> Result<(), XlsxError> {
        ws.write_string_with_format(r, 0, a, f)?;
        ws.write_string_with_format(r, 1, b, &wrap)?;
        r += 1;
        Ok(())
    };
    line(ws, "Bộ dữ liệu chitieu/1", "Dataset chitieu/1", &head)?;
    line(ws, "", "Mỗi trang một loại dữ liệu. Dòng 1 là tên cột, dòng 2 là tên trường của định dạng (đừng sửa hai dòng này). Ô để trống là không có. Cột mã chỉ tiêu ở các trang Mục tiêu và Kết quả chọn từ danh sách ở trang Chỉ tiêu. Kỳ và thời hạn ghi 2024, 2024-Q4, 2024-11 hoặc 2024-11-23. Tỷ lệ phần trăm ghi 95,5 (không ghi 0,955). Hướng dẫn đầy đủ: docs/FORMAT.md.", &wrap)?;
    line(ws, "", "One sheet per kind of data. Row 1 holds the column titles, row 2 the format's field names (leave both as they are). An empty cell means none. The indicator id of the Targets and Results sheets is picked from the Indicators sheet. Periods and deadlines are written 2024, 2024-Q4, 2024-11 or 2024-11-23. Percentages are written 95.5 (not 0.955). The full guide: docs/FORMAT.md.", &wrap)?;
    for spec in &WORKBOOK {
        line(ws, "", "", &wrap)?;
        line(
            ws,
            &format!("{} ({})", spec.name, spec.en),
            spec.about_vi,
            &bold,
        )?;
        line(ws, "", spec.about_en, &wrap)?;
        for c in spec.columns {
            let choices = match c.kind {
                Kind::List(words, _) => format!(": {}", words.join(", ")),
                _ => String::new(),
            };
            line(
                ws,
                &format!("  {} ({})", c.vi, c.field),
                &format!("{}{choices}", c.en),
                &wrap,
            )?;
        }
    }
    Ok(())
}
