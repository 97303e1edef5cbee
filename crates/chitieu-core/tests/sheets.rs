//! Spreadsheets in and out (`load::sheets`): files saved by LibreOffice Calc in both
//! shapes (`tests/fixtures/sheets/make.sh` says how each was made), the seeds through the
//! written workbook and back, and every finding placed at its sheet, cell and title.

use std::path::PathBuf;

use chitieu_core::load::sheets::{self, load_sheets, load_sheets_with, to_xlsx};
use chitieu_core::load::{load_csv, load_json, Diagnostic, LoadError, Policy};
use chitieu_core::Dataset;
use rust_xlsxwriter::Workbook;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = root().join("tests/fixtures/sheets").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn template() -> Dataset {
    let text = std::fs::read_to_string(root().join("docs/template.csv")).expect("template");
    load_csv(&text).expect("template loads").dataset
}

fn findings(e: &LoadError) -> Vec<Diagnostic> {
    e.diagnostics()
}

#[test]
fn the_flat_table_saved_by_calc_reads_as_the_template_in_xlsx_ods_and_xls() {
    for name in [
        "template-flat.xlsx",
        "template-flat.ods",
        "template-flat.xls",
    ] {
        let loaded = load_sheets(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded.dataset, template(), "{name}");
        assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
    }
}

#[test]
fn the_workbook_saved_again_by_calc_reads_as_the_template_in_xlsx_and_ods() {
    for name in ["template-book.xlsx", "template-book.ods"] {
        let loaded = load_sheets(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded.dataset, template(), "{name}");
    }
}

#[test]
fn a_vietnamese_locale_file_gives_its_formulas_cached_values_and_its_dates_as_days() {
    let ds = load_sheets(&fixture("vi-formulas.xlsx"))
        .expect("loads")
        .dataset;
    // 23/11/2024 typed in a vi-VN sheet is a date cell.
    assert_eq!(
        ds.as_of.map(|d| d.to_string()).as_deref(),
        Some("2024-11-23")
    );
    let cqs = &ds.indicators[0];
    // 65,2 and 71,4 typed with decimal commas are numbers in the file.
    assert_eq!(cqs.baseline.as_ref().map(|b| b.value), Some(65.2));
    assert_eq!(cqs.observations[0].value, Some(71.4));
    // =1000+237 and =SUM(600;689): what the sheet showed.
    assert_eq!(cqs.observations[1].numerator, Some(1237.0));
    assert_eq!(cqs.observations[1].denominator, Some(1289.0));
    // =ROUND(1084/100;1)
    assert_eq!(ds.indicators[1].observations[0].value, Some(10.8));
}

#[test]
fn every_seed_goes_through_the_workbook_and_back_unchanged() {
    let dir = root().join("seeds");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("seeds") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("seed");
        let ds = load_json(&text).expect("seed loads").dataset;
        let bytes = to_xlsx(&ds).expect("writes");
        let back = load_sheets(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(back.dataset, ds, "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 4, "only {seen} seeds");
}

#[test]
fn the_written_workbook_is_the_same_bytes_for_the_same_dataset() {
    let ds = template();
    assert_eq!(to_xlsx(&ds).expect("writes"), to_xlsx(&ds).expect("writes"));
}

#[test]
fn docs_template_xlsx_is_the_workbook_of_docs_template_csv() {
    let committed = std::fs::read(root().join("docs/template.xlsx")).expect("docs/template.xlsx");
    assert!(
        committed == to_xlsx(&template()).expect("writes"),
        "docs/template.xlsx is not what docs/template.csv makes: run `cargo xtask build`"
    );
    assert_eq!(load_sheets(&committed).expect("loads").dataset, template());
}

#[test]
fn the_flat_tables_mistakes_are_named_by_sheet_cell_and_column_in_both_languages() {
    let e = load_sheets(&fixture("bad-flat.xlsx")).expect_err("mistakes");
    let vi: Vec<String> = findings(&e).iter().map(|d| d.display_in("vi")).collect();
    assert_eq!(
        vi[..3],
        [
            "Trang 'bad-flat', ô H4 (op): chỉ tiêu 'cqs-01': mục tiêu 1: 'khoang' không phải là phép so sánh hợp lệ; dùng một trong: gte, gt, lte, lt, eq, range, approx",
            "Trang 'bad-flat', ô E5 (numerator): chỉ tiêu 'cqs-01': kết quả kỳ 2024-Q3: 'numerator': '7x' không phải là số: cần một số như 76,55, 76.55, 1289 hoặc 1.428.322",
            // A formula's error is what the sheet shows in the cell.
            "Trang 'bad-flat', ô D6 (value): chỉ tiêu 'cqs-01': kết quả kỳ 2024-Q4: 'value': '#DIV/0!' không phải là số: cần một số như 76,55, 76.55, 1289 hoặc 1.428.322",
        ]
    );
    let en = findings(&e)[1].to_string();
    assert_eq!(
        en,
        "Sheet 'bad-flat', cell E5 (numerator): indicator 'cqs-01': observation 2024-Q3: numerator: '7x' is not a number: expected a number such as 76,55, 76.55, 1289 or 1.428.322"
    );
    let d = &findings(&e)[1];
    assert_eq!(
        (d.line, d.column, d.field.as_deref()),
        (Some(5), Some(5), Some("numerator"))
    );
    let json = serde_json::to_value(d).expect("serializes");
    assert_eq!(json["sheet"]["cell"], "E5");
    assert_eq!(json["sheet"]["name"], "bad-flat");
}

/// The template's workbook with cells changed: rust_xlsxwriter cannot edit a file, so the
/// workbook `to_xlsx` writes is read cell by cell (calamine) and written again, with the
/// `(sheet, row, column, text)` edits (from 0) in place of those cells.
fn edited_book(edits: &[(&str, u32, u16, &str)]) -> Vec<u8> {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    let bytes = to_xlsx(&template()).expect("writes");
    let mut src = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).expect("reads");
    let mut wb = Workbook::new();
    for name in src.sheet_names() {
        let range = src.worksheet_range(&name).expect("sheet");
        let ws = wb.add_worksheet();
        ws.set_name(&name).expect("name");
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()),
                    Data::Empty => Ok(()),
                    other => ws.write_string(r, c, other.to_string()).map(|_| ()),
                }
                .expect("cell");
            }
        }
        for (sheet, r, c, text) in edits {
            if *sheet == name {
                ws.write_string(*r, *c, *text).expect("edit");
            }
        }
    }
    wb.save_to_buffer().expect("saves")
}

#[test]
fn the_workbooks_mistakes_are_named_by_sheet_cell_and_title_in_both_languages() {
    // Kết quả row 4 (cqs-01, 2024-Q3): the numerator (column D) mistyped; Mục tiêu row 3:
    // an op that does not exist (column C); Chỉ tiêu row 3: a baseline value that is text.
    let bytes = edited_book(&[
        ("Kết quả", 3, 3, "1.2.3x"),
        ("Mục tiêu", 2, 2, "khoang"),
        ("Chỉ tiêu", 2, 9, "nhiều"),
    ]);
    let e = load_sheets(&bytes).expect_err("mistakes");
    let vi: Vec<String> = findings(&e).iter().map(|d| d.display_in("vi")).collect();
    assert_eq!(
        vi,
        [
            "Trang 'Chỉ tiêu', ô J3 (Giá trị gốc): chỉ tiêu 'cqs-01': giá trị cơ sở: 'value': 'nhiều' không phải là số: cần một số như 76,55, 76.55, 1289 hoặc 1.428.322",
            "Trang 'Mục tiêu', ô C3 (Phép so sánh): chỉ tiêu 'cqs-01': mục tiêu 1: 'khoang' không phải là phép so sánh hợp lệ; dùng một trong: gte, gt, lte, lt, eq, range, approx",
            "Trang 'Kết quả', ô D4 (Tử số): chỉ tiêu 'cqs-01': kết quả kỳ 2024-Q3: 'numerator': '1.2.3x' không phải là số: cần một số như 76,55, 76.55, 1289 hoặc 1.428.322",
        ]
    );
    let d = &findings(&e)[2];
    assert!(
        d.to_string().starts_with(
            "Sheet 'Kết quả', cell D4 (Tử số): indicator 'cqs-01': observation 2024-Q3: numerator:"
        ),
        "{d}"
    );
    assert_eq!(
        (d.line, d.column, d.field.as_deref()),
        (Some(4), Some(4), Some("numerator"))
    );
}

#[test]
fn a_bad_indicator_in_a_workbook_is_set_aside_with_its_place() {
    let bytes = edited_book(&[("Kết quả", 3, 3, "7x")]);
    let loaded = load_sheets_with(&bytes, Policy::Quarantine).expect("the rest loads");
    let q = &loaded.dataset.quarantined[0];
    assert_eq!(q.id, "cqs-01");
    assert_eq!(
        q.diagnostics[0].display_in("en").split(':').next(),
        Some("Sheet 'Kết quả', cell D4 (Tử số)")
    );
    assert_eq!(
        loaded.dataset.indicators.len(),
        template().indicators.len() - 1
    );
}

#[test]
fn a_second_row_for_one_indicator_names_the_first_by_its_row_in_the_sheet() {
    // Chỉ tiêu row 8 takes the id of row 3.
    let bytes = edited_book(&[("Chỉ tiêu", 7, 0, "cqs-01")]);
    let e = load_sheets(&bytes).expect_err("an id twice");
    let d = findings(&e)
        .into_iter()
        .find(|d| d.msg.code() == "id.defined_on_line")
        .expect("the id's finding");
    assert_eq!(
        d.display_in("vi"),
        "Trang 'Chỉ tiêu', ô A8 (Mã chỉ tiêu): chỉ tiêu 'cqs-01' đã được khai báo ở dòng 3; mỗi id chỉ được dùng một lần"
    );
}

#[test]
fn an_unknown_column_and_a_missing_sheet_are_named() {
    let bytes = edited_book(&[("Kết quả", 0, 7, "Người nhập")]);
    let e = load_sheets(&bytes).expect_err("an unknown column");
    assert!(
        findings(&e)[0]
            .display_in("en")
            .starts_with("Sheet 'Kết quả', cell H1 (Người nhập): unknown column 'Người nhập'"),
        "{e}"
    );
    let mut wb = Workbook::new();
    wb.add_worksheet()
        .write_string(0, 0, "xin chào")
        .expect("cell");
    let e = load_sheets(&wb.save_to_buffer().expect("saves")).expect_err("no dataset");
    assert_eq!(findings(&e)[0].msg.code(), "sheet.no_data");
}

#[test]
fn what_is_not_a_spreadsheet_is_an_error_not_a_panic() {
    for bytes in [
        &b""[..],
        b"PK\x03\x04garbage",
        b"record,id\n",
        &[0xD0, 0xCF, 0x11, 0xE0, 1, 2],
    ] {
        let e = load_sheets(bytes).expect_err("not a workbook");
        assert_eq!(findings(&e)[0].msg.code(), "sheet.unreadable", "{bytes:?}");
    }
    assert!(sheets::is_spreadsheet(Some("x.XLSX"), b""));
    assert!(sheets::is_spreadsheet(None, b"PK\x03\x04"));
    assert!(!sheets::is_spreadsheet(Some("x.csv"), b"PK\x03\x04"));
}
