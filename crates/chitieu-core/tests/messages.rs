//! Loading's messages in both languages, end to end: what a clerk reads in Vietnamese and
//! a log in English, from the one catalogue.

use chitieu_core::load::{
    load_csv, load_csv_with, load_json, read_number, Diagnostic, LoadError, Policy,
};

/// The findings of a text that does not load.
fn findings(e: &LoadError) -> Vec<Diagnostic> {
    e.diagnostics()
}

#[test]
fn a_csv_op_that_does_not_exist_in_vietnamese() {
    let csv = "record,id,name,unit,op,value,period\n\
               plan,p,Kế hoạch,,,,\n\
               indicator,cqs-01,Chỉ tiêu,percent,,,\n\
               target,cqs-01,,,khoang,80,2024\n";
    let e = load_csv(csv).expect_err("an unknown op");
    let d = &findings(&e)[0];
    assert_eq!(
        d.display_in("vi"),
        "dòng 4, cột 5 (op): chỉ tiêu 'cqs-01': mục tiêu 1: 'khoang' không phải là phép so sánh hợp lệ; dùng một trong: gte, gt, lte, lt, eq, range, approx"
    );
    assert_eq!(
        d.display_in("en"),
        "line 4, column 5 (op): indicator 'cqs-01': target 1: unknown op 'khoang': expected one of gte, gt, lte, lt, eq, range, approx"
    );
    assert_eq!(d.display_in("en"), d.to_string());
    assert_eq!(d.message_in("en"), d.message);
    assert_eq!(d.msg.code(), "target.op_unknown");
    assert_eq!(
        e.display_in("vi-VN"),
        format!("1 lỗi trong tệp CSV:\n  - {}", d.display_in("vi"))
    );
}

#[test]
fn json_findings_lead_with_the_path_and_end_with_the_place() {
    let text = r#"{"schema": "chitieu/1", "plan": {"id": "p", "title": "t"},
"indicators": [
 {"id": "a", "name": "A", "unit": "percent", "level": "tinh",
  "targets": [{"op": "range", "min": 1}], "observations": [{"period": "2024", "value": "5"}]}]}"#;
    let e = load_json(text).expect_err("three problems");
    assert_eq!(
        e.display_in("vi").lines().next(),
        Some("3 lỗi trong tệp JSON:")
    );
    assert_eq!(
        e.to_string().lines().next(),
        Some("3 problems in the JSON text:")
    );
    let vi: Vec<String> = findings(&e).iter().map(|d| d.display_in("vi")).collect();
    assert_eq!(
        vi,
        [
            "indicators[0].level: `tinh` không phải là giá trị hợp lệ; dùng một trong: `province`, `district`, `commune`, ở chỉ tiêu 'a' (dòng 3, cột 55)",
            "indicators[0].targets[0]: phép so sánh 'range' cần có 'max', ở chỉ tiêu 'a' (dòng 4, cột 15)",
            "indicators[0].observations[0].value: sai kiểu dữ liệu: gặp chuỗi \"5\", cần một số, ở chỉ tiêu 'a' (dòng 4, cột 88)",
        ]
    );
    let codes: Vec<&str> = findings(&e).iter().map(|d| d.msg.code()).collect();
    assert_eq!(
        codes,
        [
            "json.unknown_variant",
            "target.op_needs",
            "json.invalid_type"
        ]
    );
}

#[test]
fn validation_in_vietnamese_with_decimal_commas() {
    let text = r#"{"schema": "chitieu/1", "plan": {"id": "p", "title": "t"},
"indicators": [{"id": "cqs-01", "name": "A", "unit": "percent",
  "targets": [{"op": "gte", "value": 80, "deadline": "2024"}],
  "observations": [{"period": "2023", "numerator": 1237, "denominator": 1289, "reported": 95.9},
                   {"period": "2024", "numerator": 5, "denominator": 0}]}]}"#;
    let e = load_json(text).expect_err("a zero denominator");
    assert_eq!(
        e.display_in("vi").lines().next(),
        Some("1 lỗi khi kiểm tra dữ liệu:")
    );
    let all = findings(&e);
    let [zero, truncated] = all.as_slice() else {
        panic!("{all:?}")
    };
    assert_eq!(
        zero.message_in("vi"),
        "chỉ tiêu 'cqs-01': kết quả kỳ 2024: mẫu số ('denominator') bằng 0 nên không tính được giá trị"
    );
    assert_eq!(
        truncated.message_in("vi"),
        "chỉ tiêu 'cqs-01': kết quả kỳ 2023: số công bố ('reported') 95,9 không khớp với 1237/1289 × 100 = 95,966 (làm tròn thành 96,0); số công bố có vẻ đã bị cắt bớt chữ số thay vì làm tròn"
    );
    assert_eq!(truncated.msg.code(), "observation.reported_truncated");
}

#[test]
fn spreadsheet_cells_are_explained_in_vietnamese() {
    let csv = "sep=;\n\
               record;id;name;unit;period;value\n\
               plan;p;Kế hoạch;;;\n\
               indicator;x;Chỉ tiêu;count;;\n\
               observation;x;;;03/04/2024;1.289\n\
               observation;x;;;2023;7x\n";
    let loaded = load_csv_with(csv, Policy::Quarantine).expect("loads, one indicator aside");
    let q = &loaded.dataset.quarantined[0];
    let vi: Vec<String> = q.diagnostics.iter().map(|d| d.display_in("vi")).collect();
    assert_eq!(
        vi,
        [
            "dòng 6, cột 6 (value): chỉ tiêu 'x': kết quả kỳ 2023: 'value': '7x' không phải là số: cần một số như 76,55, 76.55, 1289 hoặc 1.428.322",
            "dòng 5, cột 5 (period): chỉ tiêu 'x': kết quả: 'period': '03/04/2024' được đọc theo thứ tự ngày trước, tháng sau, thành 2024-04-03; hãy viết 2024-04-03 để không bị hiểu nhầm",
            "dòng 5, cột 6 (value): chỉ tiêu 'x': kết quả kỳ 2024-04-03: 'value': '1.289' được đọc là 1,289, coi '.' là dấu thập phân; nếu đó là dấu phân cách hàng nghìn, hãy viết 1289",
        ]
    );
    // The public number reader keeps its English error.
    assert_eq!(
        read_number("7x"),
        Err(
            "'7x' is not a number: expected a number such as 76,55, 76.55, 1289 or 1.428.322"
                .into()
        )
    );
}

#[test]
fn an_empty_text_and_a_wrong_schema() {
    let e = load_json("  ").expect_err("empty");
    assert_eq!(
        e.display_in("vi"),
        "tệp JSON trống: cần một bộ dữ liệu chitieu/1"
    );
    assert_eq!(
        e.to_string(),
        "the JSON text is empty: expected a chitieu/1 dataset"
    );
    let e = load_json(r#"{"schema": "chitieu/2"}"#).expect_err("another version");
    assert_eq!(
        e.display_in("vi"),
        "schema: schema là \"chitieu/2\", nhưng chương trình này chỉ đọc bộ dữ liệu \"chitieu/1\" (dòng 1, cột 12)"
    );
}

/// Every finding of broken files is in the catalogue with its own key: none falls back
/// to serde's English, and each reads differently in Vietnamese.
#[test]
fn broken_files_have_no_untranslated_findings() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pages/faults/data");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("the fault fixtures") {
        let path = entry.expect("an entry").path();
        let text = std::fs::read_to_string(&path).expect("a fixture");
        let Err(e) = load_json(&text) else { continue };
        for d in findings(&e) {
            seen += 1;
            assert_ne!(d.msg.code(), "json.other", "{}: {d}", path.display());
            assert_ne!(d.message_in("vi"), d.message, "{}: {d}", path.display());
        }
    }
    assert!(seen >= 10, "{seen} findings");
}
