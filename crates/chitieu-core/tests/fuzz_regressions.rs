//! What fuzzing (`cargo xtask fuzz`, the targets in `fuzz/`) and the work around it found,
//! kept as tests that run on stable. Inputs that fuzzing wrote out are under
//! `tests/fuzz/`, named for what they show; the pathological sizes are built here.
//!
//! The size tests are about time: each input took from tens of seconds to minutes to
//! load before its fix (the work grew with the square of the file) and takes well under
//! a second now. Their time bounds are loose, so a slow CI machine does not fail them;
//! a return to quadratic work would.

use std::time::{Duration, Instant};

use chitieu_core::load::{load_csv, load_json, read_csv, to_csv, to_json, LoadError};

/// Far above the linear times (well under a second in a debug build), far below the
/// quadratic ones.
const LOOSE: Duration = Duration::from_secs(20);

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

fn read_errors(r: Result<chitieu_core::load::Loaded, LoadError>) -> Vec<String> {
    match r {
        Err(LoadError::Read { errors, .. }) => errors.iter().map(|d| d.to_string()).collect(),
        other => panic!("expected reading errors, got {other:?}"),
    }
}

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

/// A CSV of many one-cell rows: each row's line used to be counted from the start of
/// the text (a 1 MB file took minutes). Every row is still reported on its own line.
#[test]
fn a_csv_of_many_short_rows_reads_in_linear_time() {
    let rows = 200_000;
    let mut text = String::from("record,id\r\nplan,p\r\n");
    for _ in 0..rows {
        text.push_str("x\r\n");
    }
    let (r, took) = timed(|| load_csv(&text));
    assert!(took < LOOSE, "{took:?}");
    let errors = read_errors(r);
    assert_eq!(errors.len(), 101);
    assert!(
        errors[0].starts_with("line 3, column 1 (record): unknown record 'x'"),
        "{}",
        errors[0]
    );
    assert!(errors[99].starts_with("line 102, "), "{}", errors[99]);
    assert_eq!(errors[100], format!("… and {} more", rows - 100));
}

/// Rows whose id names no indicator: the "did you mean" hint used to lowercase every
/// indicator id for each such row. The hint still finds an id that differs in case.
#[test]
fn many_rows_with_unknown_ids_read_in_linear_time() {
    let n = 20_000;
    let mut text = String::from("record,id,name,unit,op,value\nplan,p,t,,,\n");
    for i in 0..n {
        text.push_str(&format!("indicator,Ind-{i},n,percent,,\n"));
    }
    for i in 0..n {
        text.push_str(&format!("target,nope-{i},,,gte,1\n"));
    }
    text.push_str("target,ind-7,,,gte,1\n");
    let (r, took) = timed(|| load_csv(&text));
    assert!(took < LOOSE, "{took:?}");
    let errors = read_errors(r);
    assert_eq!(errors.len(), 101);
    assert_eq!(errors[100], format!("… and {} more", n + 1 - 100));
    let errors = read_errors(load_csv(
        "record,id,name,unit,op,value\nplan,p,t,,,\nindicator,Ind-7,n,percent,,\ntarget,ind-7,,,gte,1\n",
    ));
    assert!(
        errors[0].contains("no indicator row has id 'ind-7' (did you mean 'Ind-7'?"),
        "{errors:?}"
    );
}

/// A JSON dataset with thousands of broken indicators: placing each problem read the
/// document from its start (a 1 MB file took minutes). The first problems are listed
/// with their place as before, and the count of the rest is exact.
#[test]
fn a_json_with_many_broken_indicators_reads_in_linear_time() {
    let n = 5_000;
    let mut text = String::from(
        "{\"schema\": \"chitieu/1\", \"plan\": {\"id\": \"p\", \"title\": \"t\"},\n\"indicators\": [\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "{{\"id\": \"a{i}\", \"name\": \"n\", \"unit\": \"percent\", \"x\": 1}},\n"
        ));
    }
    text.push_str("{\"id\": \"b\", \"name\": \"n\", \"unit\": \"percent\"}]}\n");
    let (r, took) = timed(|| load_json(&text));
    assert!(took < LOOSE, "{took:?}");
    let errors = read_errors(r);
    assert_eq!(errors.len(), 101);
    assert!(
        errors[0].starts_with("indicators[0].x: unknown field `x`")
            && errors[0].ends_with("in indicator 'a0' (line 3, column 51)"),
        "{}",
        errors[0]
    );
    assert!(errors[99].contains("(line 102, "), "{}", errors[99]);
    assert_eq!(errors[100], format!("… and {} more", n - 100));
}

/// An indicator naming a pillar that does not exist, among very many pillars: each such
/// message listed every pillar, so the findings grew with the square of the file. The
/// message names the first few and how many there are.
#[test]
fn an_unknown_pillar_message_names_a_few_pillars() {
    let pillars: Vec<String> = (0..1_000)
        .map(|i| format!("{{\"id\": \"p{i}\", \"name\": \"n\"}}"))
        .collect();
    let indicators: Vec<String> = (0..1_000)
        .map(|i| {
            format!(
                "{{\"id\": \"a{i}\", \"name\": \"n\", \"unit\": \"count\", \"pillar\": \"zz\"}}"
            )
        })
        .collect();
    let text = format!(
        "{{\"schema\": \"chitieu/1\", \"plan\": {{\"id\": \"p\", \"title\": \"t\"}},\n\"pillars\": [{}],\n\"indicators\": [{}]}}",
        pillars.join(",\n"),
        indicators.join(",\n")
    );
    let (r, took) = timed(|| load_json(&text));
    assert!(took < LOOSE, "{took:?}");
    let Err(LoadError::Invalid { errors, .. }) = r else {
        panic!("expected validation errors, got {r:?}")
    };
    assert_eq!(errors.len(), 1_000);
    assert!(
        errors.iter().all(|d| d.message.len() < 300),
        "{:?}",
        errors[0]
    );
    assert_eq!(
        errors[0].message,
        "indicator 'a0': pillar 'zz' does not exist (known pillars: 'p0', 'p1', 'p2', 'p3', \
         'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', … 1000 in all)"
    );
}
