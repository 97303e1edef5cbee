//! What fuzzing (`cargo xtask fuzz`, the targets in `fuzz/`) found,
//! kept as tests that run on stable. Inputs that fuzzing wrote out are under
//! `tests/fuzz/`, named for what they show.

use chitieu_core::load::{load_json, read_csv, to_csv, to_json};

/// libFuzzer, `load_json`: serde_json's default number reading can be one unit in the
/// last place off for 16–17 significant digits, so a dataset's own JSON read back
/// differently (3.3333333333333336e41, written, read as …332e41). Fixed by reading
/// numbers exactly (serde_json's `float_roundtrip`).
#[test]
fn a_long_number_reads_back_the_same_from_its_own_json() {
    let text = include_str!("fuzz/json-float-round-trip.json");
    let first = load_json(text).map_err(|e| e.to_string());
    let Ok(first) = first else {
        panic!("{first:?}")
    };
    let again = load_json(&to_json(&first.dataset)).map(|l| l.dataset);
    assert_eq!(again.as_ref(), Ok(&first.dataset));
}

/// The same bug as a figure a spreadsheet writes (14/15 × 100): JSON and CSV must read
/// it as the same number, and the JSON → CSV → JSON trip must keep it.
#[test]
fn json_and_csv_read_a_seventeen_digit_figure_alike() {
    let json = r#"{"schema": "chitieu/1", "plan": {"id": "p", "title": "t"},
        "indicators": [{"id": "a", "name": "n", "unit": "percent",
          "targets": [{"op": "gte", "value": 90}],
          "observations": [{"period": "2024", "value": 93.33333333333333}]}]}"#;
    let from_json = load_json(json)
        .map(|l| l.dataset)
        .map_err(|e| e.to_string());
    let Ok(from_json) = from_json else {
        panic!("{from_json:?}")
    };
    let value = from_json.indicators[0].observations[0].value;
    assert_eq!(value, Some(93.333_333_333_333_33));
    assert_eq!(value, Some(14.0 / 15.0 * 100.0));
    let via_csv = read_csv(&to_csv(&from_json)).map(|l| l.dataset);
    assert_eq!(via_csv.as_ref(), Ok(&from_json));
}
