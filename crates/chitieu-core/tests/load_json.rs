//! Reading the JSON form: what loads, and what the errors say.

mod load_common;

use chitieu_core::load::{load_auto, load_json, read_json, to_json, Format, LoadError, Severity};
use chitieu_core::{Bound, Period, Unit};
use load_common::RICH_JSON;

fn read_errors(text: &str) -> Vec<String> {
    match load_json(text) {
        Err(LoadError::Read { errors, .. }) => errors.iter().map(|e| e.to_string()).collect(),
        other => panic!("expected a read error, got {other:?}"),
    }
}

#[test]
fn the_rich_dataset_loads_with_only_the_truncation_warning() {
    let loaded = load_json(RICH_JSON).expect("rich dataset loads");
    let ds = &loaded.dataset;
    assert_eq!(ds.indicators.len(), 6);
    assert_eq!(ds.pillars[2].weight, 1.0, "weight defaults to 1");
    assert_eq!(
        ds.indicators[1].targets[0].bound,
        Bound::Range {
            min: 15.0,
            max: 20.0
        }
    );
    assert_eq!(ds.indicators[5].unit, Unit::Other("Mb/s".into()));
    assert_eq!(
        ds.indicators[5].targets[0].deadline,
        Some(Period::Year(2025))
    );
    let w: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(
        w[0].starts_with("indicators[0].observations[1].reported: "),
        "{}",
        w[0]
    );
    assert!(w[0].contains("reported 95.9 disagrees with 1237/1289 × 100 = 95.966 (rounds to 96.0); the printed figure looks truncated"), "{}", w[0]);
    assert!(w[0].contains("(line 34, column 84)"), "{}", w[0]);
}

#[test]
fn json_round_trips_through_to_json() {
    let ds = load_json(RICH_JSON).expect("loads").dataset;
    let text = to_json(&ds);
    assert_eq!(load_json(&text).expect("written JSON loads").dataset, ds);
    assert!(
        !text.contains("null"),
        "optional fields are left out, not null"
    );
}

#[test]
fn a_missing_range_max_is_located_by_path_line_and_column() {
    let text = RICH_JSON.replace(r#""min": 15, "max": 20, "#, r#""min": 15, "#);
    let errors = read_errors(&text);
    assert_eq!(
        errors,
        ["indicators[1].targets[0]: op 'range' needs 'max' in indicator 'kts-01' (line 47, column 9)"]
    );
}

#[test]
fn every_broken_indicator_is_reported_at_once() {
    let text = RICH_JSON
        .replace(r#""unit": "count""#, r#""unit": "count", "colour": "red""#)
        .replace(r#""level": "district""#, r#""level": "distrct""#)
        .replace(
            r#""op": "gte", "value": 40.5"#,
            r#""op": "above", "value": 40.5"#,
        );
    let errors = read_errors(&text);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].starts_with("indicators[3].level: unknown variant `distrct`, expected one of `province`, `district`, `commune` in indicator 'cqs-02' (line 68, column 16)"), "{}", errors[0]);
    assert!(errors[1].starts_with("indicators[4].colour: unknown field `colour`, expected one of `id`, `key`, `pillar`, `name`, `unit`"), "{}", errors[1]);
    assert!(errors[2].contains("indicators[5].targets[0]: unknown op 'above': expected one of gte, gt, lte, lt, eq, range, approx"), "{}", errors[2]);
}

#[test]
fn unknown_fields_are_named_with_the_expected_ones() {
    let text = RICH_JSON.replace(
        r#""as_of": "2024-11-23","#,
        r#""as_of": "2024-11-23", "asof": 1,"#,
    );
    let errors = read_errors(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].starts_with("asof: unknown field `asof`, expected one of `schema`, `plan`, `as_of`, `pillars`, `indicators`"), "{}", errors[0]);

    let text = RICH_JSON.replace(r#""en": "Digital society""#, r#""eng": "Digital society""#);
    let errors = read_errors(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(
            "pillars[2].name.eng: unknown field `eng`, expected `vi` or `en` in pillar 'xhs'"
        ),
        "{}",
        errors[0]
    );
}

#[test]
fn a_target_refuses_fields_its_op_does_not_use() {
    let text = RICH_JSON.replace(
        r#""op": "lte", "value": 3"#,
        r#""op": "lte", "value": 3, "max": 4"#,
    );
    let errors = read_errors(&text);
    assert!(
        errors[0].contains("indicators[3].targets[2]: op 'lte' uses only 'value'; remove 'max'"),
        "{errors:#?}"
    );
    let text = RICH_JSON.replace(
        r#""op": "lte", "value": 3"#,
        r#""op": "lte", "value": 3, "tolerance": 0.1"#,
    );
    assert!(read_errors(&text)[0].contains("remove 'tolerance' (or use op 'approx')"));
}

#[test]
fn wrong_types_are_said_in_json_terms() {
    let text = RICH_JSON.replace(r#""value": 71.4"#, r#""value": "71,4""#);
    let errors = read_errors(&text);
    assert!(errors[0].starts_with(r#"indicators[0].observations[0].value: invalid type: string "71,4", expected a number in indicator 'cqs-01' (line 33, column 41)"#), "{}", errors[0]);
    let text = RICH_JSON.replace(r#""page": 4"#, r#""page": "4""#);
    assert!(read_errors(&text)[0].contains("expected a whole number"));
    let (start, end) = (
        RICH_JSON.find(r#""pillars""#),
        RICH_JSON.find(r#""indicators""#),
    );
    let (Some(start), Some(end)) = (start, end) else {
        panic!("fixture changed")
    };
    let text = format!(
        "{}\"pillars\": {{\"cqs\": 1}},\n  {}",
        &RICH_JSON[..start],
        &RICH_JSON[end..]
    );
    let e = read_errors(&text);
    assert!(
        e.iter()
            .any(|e| e.contains("pillars: invalid type: object, expected a list")),
        "{e:#?}"
    );
}

#[test]
fn schema_is_checked_first_and_clearly() {
    let text = RICH_JSON.replace(r#""chitieu/1""#, r#""chitieu/2""#);
    let Err(LoadError::Schema(d)) = load_json(&text) else {
        panic!("schema error expected")
    };
    assert_eq!(
        d.to_string(),
        r#"schema: schema is "chitieu/2", but this program reads "chitieu/1" datasets (line 2, column 13)"#
    );
    let Err(LoadError::Schema(d)) = load_json(r#"{"type": "FeatureCollection", "features": []}"#)
    else {
        panic!("schema error expected")
    };
    assert!(d.message.contains("no \"schema\" field"), "{d}");
    let Err(LoadError::Schema(_)) = load_json(r#"{"schema": 1}"#) else {
        panic!("schema error expected")
    };
}

#[test]
fn syntax_errors_and_other_shapes() {
    let e =
        read_errors("{\"schema\": \"chitieu/1\",\n  \"plan\": {\"id\": \"x\" \"title\": \"y\"}}");
    assert_eq!(e, ["line 2, column 22: expected `,` or `}`"]);
    let e = read_errors("[1, 2]");
    assert!(
        e[0].starts_with("line 1, column 1: invalid type: list, expected a JSON object"),
        "{e:?}"
    );
    let e = read_errors("{\"schema\": \"chitieu/1\", \"plan\": {\"id\": \"p\", \"title\": \"t\"}, \"indicators\": []} trailing");
    assert!(e[0].ends_with(": trailing characters"), "{e:?}");
    let e = read_errors("{\"schema\": \"chitieu/1\"}");
    assert_eq!(
        e,
        [
            "line 1, column 23: missing field `plan`",
            "line 1, column 23: missing field `indicators`"
        ]
    );
    assert!(matches!(
        load_json(" \n\u{feff}"),
        Err(LoadError::Read { .. }) | Err(LoadError::Empty(_))
    ));
    assert!(matches!(
        load_json("\u{feff}  "),
        Err(LoadError::Empty(Format::Json))
    ));
    let e = read_errors("{\"schema\": \"chitieu/1\", \"plan\": {\"id\": \"p\", \"title\": \"t\"}, \"plan\": {}, \"indicators\": []}");
    assert!(e[0].starts_with("plan: duplicate field `plan`"), "{e:?}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{RICH_JSON}");
    assert_eq!(
        load_json(&with_bom).expect("loads").dataset,
        load_json(RICH_JSON).expect("loads").dataset
    );
}

#[test]
fn validation_errors_fail_the_load_and_carry_lines() {
    let text = RICH_JSON
        .replace(r#""denominator": 1289"#, r#""denominator": 0"#)
        .replace(r#""pillar": "xhs""#, r#""pillar": "xh""#);
    let Err(LoadError::Invalid { errors, warnings }) = load_json(&text) else {
        panic!("invalid expected")
    };
    let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].starts_with("indicators[0].observations[1].denominator: indicator 'cqs-01': observation 2024-Q3: denominator is 0"), "{}", errors[0]);
    assert!(errors[0].ends_with("(line 34, column 66)"), "{}", errors[0]);
    assert!(errors[1].starts_with("indicators[4].pillar: indicator 'xhs-01': pillar 'xh' does not exist (known pillars: 'cqs', 'kts', 'xhs')"), "{}", errors[1]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(read_json(&text).is_ok(), "reading alone does not validate");
}

#[test]
fn auto_detects_by_name_then_by_content() {
    assert_eq!(chitieu_core::load::detect_format("{", None), Format::Json);
    assert_eq!(
        chitieu_core::load::detect_format("\u{feff} {", None),
        Format::Json
    );
    assert_eq!(
        chitieu_core::load::detect_format("{", Some("data.CSV")),
        Format::Csv
    );
    assert_eq!(
        chitieu_core::load::detect_format("record,id", Some("x.json")),
        Format::Json
    );
    assert_eq!(
        chitieu_core::load::detect_format("record,id", None),
        Format::Csv
    );
    let a = load_auto(RICH_JSON, Some("quang-nam.json")).expect("loads");
    assert!(a.warnings.iter().all(|w| w.severity == Severity::Warning));
}

#[test]
fn an_array_is_not_read_as_an_object() {
    // serde's derived structs would also read `[field, field, …]` in field order, so
    // `"source": ["Kế hoạch", "Phần II"]` would load as a document and a section.
    let dataset = |plan: &str, indicator_extra: &str| {
        format!(
            "{{\"schema\": \"chitieu/1\", \"plan\": {plan},\n \"indicators\": [ {{\"id\": \"x\", \"name\": \"X\", \"unit\": \"percent\",\n   \"targets\": [ {{\"op\": \"gte\", \"value\": 80}} ]{indicator_extra} }} ] }}"
        )
    };
    let plan = r#"{"id": "p", "title": "t"}"#;
    let e = read_errors(&dataset(
        plan,
        ",\n   \"source\": [\"Kế hoạch 2024\", \"Phần II\"]",
    ));
    assert_eq!(e, ["indicators[0].source: invalid type: list, expected an object {\"field\": value, …} in indicator 'x' (line 4, column 14)"]);
    let e = read_errors(&dataset(plan, ",\n   \"observations\": [ [\"2023\", 5] ]"));
    assert!(
        e[0].starts_with("indicators[0].observations[0]: invalid type: list, expected an object"),
        "{e:?}"
    );
    let e = read_errors(&dataset(plan, ",\n   \"baseline\": [\"2022\", 40]"));
    assert!(
        e[0].starts_with("indicators[0].baseline: invalid type: list"),
        "{e:?}"
    );
    let e = read_errors(&dataset(r#"["p", "t"]"#, ""));
    assert!(
        e[0].starts_with("plan: invalid type: list, expected an object"),
        "{e:?}"
    );
    let e = read_errors(
        &dataset(plan, "").replace(r#"[ {"op": "gte", "value": 80} ]"#, r#"[ ["gte", 80] ]"#),
    );
    assert!(
        e[0].starts_with("indicators[0].targets[0]: invalid type: list"),
        "{e:?}"
    );
    // The object forms still load.
    assert!(load_json(&dataset(
        plan,
        ",\n   \"source\": {\"document\": \"Kế hoạch 2024\"}"
    ))
    .is_ok());
}
