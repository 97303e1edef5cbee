//! The CSV form: the template, round trips, spreadsheet habits, and located errors.

mod load_common;

use chitieu_core::load::{
    guard_formula, load_csv, load_json, read_csv, to_csv, to_csv_with, to_json, unguard_formula,
    LoadError, CSV_COLUMNS,
};
use chitieu_core::{Bound, Date, Period};
use load_common::RICH_JSON;

fn rich() -> chitieu_core::Dataset {
    load_json(RICH_JSON).expect("rich dataset loads").dataset
}

fn read_errors(text: &str) -> Vec<String> {
    match load_csv(text) {
        Err(LoadError::Read { errors, .. }) => errors.iter().map(|e| e.to_string()).collect(),
        other => panic!("expected a read error, got {other:?}"),
    }
}

/// A small sheet; `rows` are appended after the plan and one indicator.
fn sheet(rows: &str) -> String {
    format!(
        "record,id,period,value,numerator,denominator,reported,op,min,max,name,unit,as_of\n\
         plan,qna,,,,,,,,,Kế hoạch CĐS 2024,,2024-11-23\n\
         indicator,cqs-01,,,,,,,,,Tỷ lệ hồ sơ trực tuyến,percent,\n\
         {rows}"
    )
}

#[test]
fn json_to_csv_to_json_is_lossless() {
    let ds = rich();
    let csv = to_csv(&ds);
    let back = load_csv(&csv).expect("written CSV loads");
    assert_eq!(back.dataset, ds);
    assert_eq!(to_json(&back.dataset), to_json(&ds));
    assert_eq!(to_csv(&back.dataset), csv, "writing is deterministic");
    assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
    let header = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or_default();
    // The task columns and `row` only when a row fills them; the seed has no tasks.
    assert_eq!(header, CSV_COLUMNS[..31].join(","));
}

/// The cell of `column` in the first row of `record` about `id`, as a spreadsheet reads it.
fn cell(csv: &str, record: &str, id: &str, column: &str) -> String {
    let col = CSV_COLUMNS
        .iter()
        .position(|c| *c == column)
        .unwrap_or_else(|| panic!("no column {column}"));
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| r.expect("the written CSV parses"))
        .find(|r| r.get(0) == Some(record) && r.get(1) == Some(id))
        .and_then(|r| r.get(col).map(str::to_string))
        .unwrap_or_else(|| panic!("no {record} row for {id}"))
}

#[test]
fn each_formula_trigger_gets_an_apostrophe_and_reads_back() {
    for text in [
        "=1+1",
        "+84 912",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "-x",
        "- Tỷ lệ hồ sơ",
        "-2+3+cmd|' /C calc'!A0",
        "-5 Mb/s",
        "-",
        "'=x",
        "''+x",
    ] {
        let cell = guard_formula(text.to_string());
        assert_eq!(cell, format!("'{text}"), "{text:?}");
        assert_eq!(unguard_formula(&cell), text, "{text:?}");
    }
    for text in [
        "plain", "", "-5", "-0,5", "-0.5", "-12%", "-1.234,5", "5-=", " =x", "'abc", "'-5", "'",
    ] {
        assert_eq!(guard_formula(text.to_string()), text, "{text:?}");
        assert_eq!(unguard_formula(text), text, "{text:?}");
    }
}

#[test]
fn the_writer_guards_text_cells_and_leaves_numbers_alone() {
    let mut ds = rich();
    ds.plan.title = "=HYPERLINK(\"http://x.invalid\",\"?\")".into();
    ds.plan.region = Some("+84".into());
    let ind = &mut ds.indicators[0];
    ind.id = "@cqs".into();
    ind.name.vi = "-Tỷ lệ".into();
    ind.name.en = Some("\tShare".into());
    ind.owner = Some("\rSở".into());
    ind.note = Some("-5".into());
    ind.targets[0].text = Some("'=x".into());
    ind.baseline = Some(chitieu_core::Baseline {
        period: Period::Year(2023),
        value: -0.5,
    });
    ind.observations[0].value = Some(-5.0);
    let csv = to_csv(&ds);
    assert_eq!(
        cell(&csv, "plan", "qna-cds-2024", "name"),
        "'=HYPERLINK(\"http://x.invalid\",\"?\")"
    );
    assert_eq!(cell(&csv, "plan", "qna-cds-2024", "region"), "'+84");
    assert_eq!(cell(&csv, "indicator", "'@cqs", "name"), "'-Tỷ lệ");
    assert_eq!(cell(&csv, "indicator", "'@cqs", "name_en"), "'\tShare");
    assert_eq!(cell(&csv, "indicator", "'@cqs", "owner"), "'\rSở");
    assert_eq!(
        cell(&csv, "indicator", "'@cqs", "note"),
        "-5",
        "a number in words stays"
    );
    assert_eq!(
        cell(&csv, "target", "'@cqs", "text"),
        "''=x",
        "its own apostrophe kept"
    );
    assert_eq!(
        cell(&csv, "baseline", "'@cqs", "value"),
        "-0.5",
        "numbers are never guarded"
    );
    assert_eq!(cell(&csv, "observation", "'@cqs", "value"), "-5");
    assert_eq!(cell(&csv, "observation", "'@cqs", "period"), "2024-Q2");
    let back = read_csv(&csv).expect("the guarded CSV reads");
    assert_eq!(back.dataset, ds, "every guarded text reads back as it was");
    assert_eq!(to_json(&back.dataset), to_json(&ds));
}

/// A sheet a person wrote: an apostrophe that guards nothing is text, and a number cell
/// is read as typed.
#[test]
fn an_apostrophe_is_removed_only_where_the_writer_would_add_it() {
    let text = sheet("observation,cqs-01,2024,5,,,,,,,,,\n")
        .replace("Kế hoạch CĐS 2024", "'Kế hoạch")
        .replace("Tỷ lệ hồ sơ trực tuyến", "'=Tỷ lệ");
    let ds = load_csv(&text).expect("loads").dataset;
    assert_eq!(ds.plan.title, "'Kế hoạch");
    assert_eq!(ds.indicators[0].name.vi, "=Tỷ lệ");
    let e = read_errors(&sheet("observation,cqs-01,2024,'+5,,,,,,,,,\n"));
    assert!(e[0].contains("value: ''+5' is not a number"), "{e:?}");
}

/// The browser writes numbers as JavaScript's `String(v)` does (`1e+21`, `1.5e-7`, else as
/// Rust does); the reader takes that text back exactly.
#[test]
fn javascript_number_text_reads_back() {
    let js = |v: f64| {
        let a = v.abs();
        if a >= 1e21 || (a != 0.0 && a < 1e-6) {
            let s = format!("{v:e}");
            match s.split_once('e') {
                Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
                _ => s,
            }
        } else {
            v.to_string()
        }
    };
    let mut ds = rich();
    let extremes = [1e21, -2.5e-7, 1.2345678901234567e300, 5e-324, 123.456];
    let mut k = 0;
    for o in ds
        .indicators
        .iter_mut()
        .flat_map(|i| i.observations.iter_mut())
    {
        if o.value.is_some() && o.numerator.is_none() {
            o.value = Some(extremes[k % extremes.len()]);
            k += 1;
        }
    }
    assert!(k >= 3, "the rich dataset has plain values to replace");
    let csv = to_csv_with(&ds, &js);
    assert!(
        csv.contains(",1e+21,") && csv.contains(",-2.5e-7,"),
        "{csv}"
    );
    let back = load_csv(&csv).expect("JavaScript number text loads");
    assert_eq!(back.dataset, ds);
    assert_eq!(to_csv(&ds), to_csv_with(&ds, &|v| v.to_string()));
}

#[test]
fn the_truncation_warning_points_at_the_csv_cell() {
    let csv = to_csv(&rich());
    let loaded = load_csv(&csv).expect("loads");
    let w: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(
        w[0].starts_with(
            "line 11, column 7 (reported): indicator 'cqs-01': observation 2024-Q3: reported 95.9"
        ),
        "{}",
        w[0]
    );
    assert_eq!(
        loaded.warnings[0].path,
        "indicators[0].observations[1].reported"
    );
}

#[test]
fn decimal_commas_semicolons_and_bom_as_excel_writes_them() {
    let text = "\u{feff}record;id;period;value;numerator;denominator;name;unit\r\n\
                plan;qna;;;;;Kế hoạch;\r\n\
                indicator;cqs-01;;;;;Tỷ lệ;percent\r\n\
                observation;cqs-01;2024-Q3;76,55;;;;\r\n\
                observation;cqs-01;Q4/2024;;1.237;1.289;;\r\n";
    let loaded = load_csv(text).expect("loads");
    let obs = &loaded.dataset.indicators[0].observations;
    assert_eq!(obs[0].value, Some(76.55));
    assert_eq!(obs[1].period, Period::Quarter(2024, 4));
    // "1.237" is ambiguous: read as a decimal, with a warning saying how to write 1237.
    assert_eq!(obs[1].numerator, Some(1.237));
    let w: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    assert!(w.iter().any(|w| w.starts_with("line 5, column 5 (numerator): indicator 'cqs-01': observation 2024-Q4: numerator: '1.237' was read as 1.237") && w.contains("write 1237")), "{w:#?}");
}

#[test]
fn quoted_decimal_commas_with_comma_separators() {
    let text = sheet("observation,cqs-01,2024,\"76,55\",,,\"76,6%\",,,,,,\ntarget,cqs-01,2025,\"1.428.322,5\",,,,gte,,,,,\n");
    let ds = load_csv(&text).expect("loads").dataset;
    assert_eq!(ds.as_of, Date::new(2024, 11, 23));
    assert_eq!(ds.indicators[0].observations[0].value, Some(76.55));
    assert_eq!(ds.indicators[0].observations[0].reported, Some(76.6));
    assert_eq!(ds.indicators[0].targets[0].bound, Bound::Gte(1_428_322.5));
}

#[test]
fn rows_may_come_in_any_order_and_comments_and_blanks_are_skipped() {
    let text = "# Bảng số liệu chỉ tiêu chuyển đổi số\n\
                record,id,period,value,name,unit,op\n\
                observation,a,2024,5,,,\n\
                # ghi chú: số liệu tạm tính\n\
                ,,,,,,\n\
                target,a,2025,10,,,gte\n\
                indicator,a,,,Chỉ tiêu A,count,\n\
                plan,p,,,Kế hoạch,,\n";
    let ds = load_csv(text).expect("loads").dataset;
    assert_eq!(ds.plan.title, "Kế hoạch");
    assert_eq!(ds.indicators[0].observations[0].value, Some(5.0));
    assert_eq!(ds.indicators[0].targets[0].bound, Bound::Gte(10.0));
}

#[test]
fn every_cell_error_is_reported_with_line_column_and_field() {
    let text = sheet(
        "observation,cqs-01,2024-13,7x,,,,,,,,,\n\
         target,cqs-01,2025,,,,,range,15,,,,\n\
         target,cqs-9,2025,5,,,,gte,,,,,\n\
         observation,cqs-01,2024,5,,,,gte,,,,,\n\
         obs,cqs-01,2024,5,,,,,,,,,\n",
    );
    let e = read_errors(&text);
    assert_eq!(
        e,
        [
            "line 4, column 3 (period): indicator 'cqs-01': observation: period: '2024-13' is not a period: expected 2024, 2024-Q4, 2024-11 or 2024-11-23 (Q4/2024, 11/2024 and 23/11/2024 are also read)",
            "line 4, column 4 (value): indicator 'cqs-01': observation: value: '7x' is not a number: expected a number such as 76,55, 76.55, 1289 or 1.428.322",
            "line 5, column 8 (op): indicator 'cqs-01': target 1: op 'range' needs 'max'",
            "line 6, column 2 (id): target row: no indicator row has id 'cqs-9'",
            "line 7, column 8 (op): column 'op' is not used by observation rows (it is for target rows); is the record right?",
            "line 8, column 1 (record): unknown record 'obs': expected plan, pillar, indicator, target, baseline, observation, task or update",
        ]
    );
}

#[test]
fn header_problems_are_explained() {
    let e = read_errors("record,id,valeur\nplan,p,\n");
    assert!(
        e[0].starts_with(
            "line 1, column 3: unknown column 'valeur': expected columns are record, id, period"
        ),
        "{e:?}"
    );
    let e = read_errors("plan,p,Kế hoạch\n");
    assert!(
        e[0].contains("the first row must be the header (record,id,period,value…), not a plan row"),
        "{e:?}"
    );
    let e = read_errors("record,name\nplan,x\n");
    assert!(e[0].contains("the header has no 'id' column"), "{e:?}");
    let e = read_errors("record,id,id\n");
    assert!(e[0].contains("column 'id' appears twice"), "{e:?}");
    assert!(matches!(
        load_csv("\u{feff}\n \n"),
        Err(LoadError::Empty(_))
    ));
}

#[test]
fn structure_errors() {
    let e = read_errors("record,id,name,unit\nindicator,a,A,percent\n");
    assert_eq!(e, ["plan: no plan row: add a row with record 'plan', the plan's id and its title in 'name'"]);
    let e = read_errors(&sheet(
        "indicator,cqs-01,,,,,,,,,Lặp,percent,\nplan,x,,,,,,,,,Y,,\n",
    ));
    assert!(
        e[0].starts_with("line 4, column 2 (id): indicator 'cqs-01' is already defined on line 3"),
        "{e:?}"
    );
    assert!(
        e[1].starts_with("line 5, column 1 (record): a second plan row (the first is on line 2)"),
        "{e:?}"
    );
    let e = read_errors(&sheet("baseline,cqs-01,2023,5,,,,,,,,,\nbaseline,cqs-01,2022,4,,,,,,,,,\nindicator,x,,,,,,,,,X,,\n"));
    assert!(e[0].contains("line 5, column 1 (record): indicator 'cqs-01': a second baseline (the first is on line 4)"), "{e:?}");
    assert!(
        e[1].contains("line 6, column 12 (unit): indicator 'x': unit is required"),
        "{e:?}"
    );
    let e = read_errors(&sheet(
        "target,CQS-01,2025,5,,,,gte,,,,,\nobservation,cqs-01,2024,1,,,,,,,,,,x\n",
    ));
    assert!(
        e[0].contains(
            "no indicator row has id 'CQS-01' (did you mean 'cqs-01'? ids are matched exactly)"
        ),
        "{e:?}"
    );
    assert!(
        e[1].starts_with("line 5, column 14: cell 14 has no column: the header has 13 columns"),
        "{e:?}"
    );
}

#[test]
fn schema_in_csv_is_checked() {
    let text = "record,id,name,schema\nplan,p,P,chitieu/2\n";
    let Err(LoadError::Schema(d)) = load_csv(text) else {
        panic!("schema error expected")
    };
    assert_eq!(d.to_string(), "line 2, column 4 (schema): schema is \"chitieu/2\", but this program reads \"chitieu/1\" datasets");
}

#[test]
fn validation_errors_point_at_csv_cells() {
    let text = sheet("observation,cqs-01,2024,,5,0,,,,,,,\nobservation,cqs-01,2025,,,,,,,,,,\n");
    let Err(LoadError::Invalid { errors, warnings }) = load_csv(&text) else {
        panic!("invalid expected")
    };
    let e: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        e,
        [
            "line 4, column 6 (denominator): indicator 'cqs-01': observation 2024: denominator is 0, so no value can be computed",
            "line 5, column 4 (value): indicator 'cqs-01': observation 2025: needs a value, or a numerator and a denominator",
        ]
    );
    let w: Vec<String> = warnings.iter().map(|e| e.to_string()).collect();
    assert!(
        w.iter()
            .any(|w| w
                .starts_with("line 3: indicators[0].targets: indicator 'cqs-01': has no targets"))
            || w.iter().any(|w| w.contains("has no targets")),
        "{w:#?}"
    );
    assert!(w.iter().any(|w| w.starts_with("line 5, column 3 (period): indicator 'cqs-01': observation 2025: the period begins after as_of 2024-11-23")), "{w:#?}");
}

#[test]
fn read_csv_does_not_validate() {
    let text = sheet("observation,cqs-01,2024,,5,0,,,,,,,\n");
    assert!(read_csv(&text).is_ok());
}

#[test]
fn excel_sep_hint_line_is_understood() {
    let text = "sep=;\r\nrecord;id;name;unit;period;value\r\nplan;p;Kế hoạch;;;\r\nindicator;a;A;count;;\r\nobservation;a;;;2024;1.289\r\nobservation;a;;;2024;x\r\n";
    let Err(LoadError::Read { errors, .. }) = load_csv(text) else {
        panic!("error expected")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].line, errors[0].column), (Some(6), Some(6)));
    let loaded = load_csv(&text.replace(";x\r", ";2\r")).expect("loads");
    let w = &loaded.warnings;
    assert!(
        w.iter()
            .any(|w| w.line == Some(5) && w.message.contains("'1.289' was read as 1.289")),
        "{w:#?}"
    );
}
