//! Quarantine: an error inside one indicator sets that indicator aside with every finding
//! about it, and the rest of the file loads; an error about the whole file still rejects
//! it. Both written forms, and the strict policy that tools which must not drop data use.

use chitieu_core::load::{
    load_csv, load_csv_with, load_json, load_json_with, LoadError, Loaded, Policy,
};

fn json_with(bad: &str) -> String {
    format!(
        r#"{{"schema": "chitieu/1", "plan": {{"id": "p", "title": "Kế hoạch"}},
"pillars": [{{"id": "a", "name": "Trụ cột A"}}],
"indicators": [
  {{"id": "ok1", "name": "Một", "unit": "percent", "pillar": "a",
    "targets": [{{"op": "gte", "value": 90, "deadline": 2025}}],
    "observations": [{{"period": "2024", "numerator": 1, "denominator": 2}}]}},
  {bad},
  {{"id": "ok2", "name": "Hai", "unit": "count", "targets": [{{"op": "lte", "value": 5}}]}},
  {{"id": "ok3", "name": "Ba", "unit": "percent", "targets": [{{"op": "range", "min": 10, "max": 20}}]}}
]}}"#
    )
}

fn quarantine_json(text: &str) -> Loaded {
    match load_json_with(text, Policy::Quarantine) {
        Ok(l) => l,
        Err(e) => panic!("should load with a quarantine: {e}"),
    }
}

const READ_BAD: &str = r#"{"id": "bad", "name": {"vi": "Hỏng", "en": "Broken"}, "unit": "percent", "pillar": "a", "colour": "red",
    "targets": [{"op": "khoang", "value": 10}, {"op": "gte", "value": "chín mươi"}],
    "observations": [{"period": "2024", "value": 5}, {"period": "2024-13", "value": 6}]}"#;

#[test]
fn json_an_unreadable_indicator_is_set_aside_with_every_error() {
    let text = json_with(READ_BAD);
    let l = quarantine_json(&text);
    let ids: Vec<&str> = l.dataset.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["ok1", "ok2", "ok3"]);
    let [q] = &l.dataset.quarantined[..] else {
        panic!("{:?}", l.dataset.quarantined)
    };
    assert_eq!((q.index, q.id.as_str()), (1, "bad"));
    assert_eq!(q.pillar.as_deref(), Some("a"));
    assert_eq!(q.name.as_ref().map(|n| n.get("en")), Some("Broken"));
    let paths: Vec<&str> = q.diagnostics.iter().map(|d| d.path.as_str()).collect();
    // The unknown field, both broken targets and the broken period: every error at once.
    for want in [
        "indicators[1].colour",
        "indicators[1].targets[0]",
        "indicators[1].targets[1]",
        "indicators[1].observations[1]",
    ] {
        assert!(
            paths.iter().any(|p| p.starts_with(want)),
            "{want} not in {paths:?}"
        );
    }
    assert!(q.diagnostics.iter().all(|d| d.is_error()));
    // Each is placed in the file, on the bad indicator's lines.
    let first_line = text.lines().position(|l| l.contains("\"bad\"")).unwrap() + 1;
    for d in &q.diagnostics {
        let line = d.line.unwrap_or(0);
        assert!((first_line..first_line + 3).contains(&line), "{d}");
        assert!(d.column.is_some(), "{d}");
    }
    assert!(
        q.diagnostics.iter().any(|d| d.message.contains("khoang")),
        "{:?}",
        q.diagnostics
    );
}

#[test]
fn json_an_invalid_indicator_is_set_aside_and_warnings_of_others_stay() {
    let bad = r#"{"id": "zero", "name": "Không", "unit": "percent", "pillar": "nowhere",
    "observations": [{"period": "2024", "numerator": 3, "denominator": 0}]}"#;
    let l = quarantine_json(&json_with(bad));
    assert_eq!(l.dataset.indicators.len(), 3);
    let q = &l.dataset.quarantined[0];
    assert_eq!(q.id, "zero");
    let paths: Vec<&str> = q.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert!(paths.contains(&"indicators[1].pillar"), "{paths:?}");
    assert!(
        paths.contains(&"indicators[1].observations[0].denominator"),
        "{paths:?}"
    );
    // ok1's observation has no value and 1/2, fine; a healthy indicator's warnings are
    // the dataset's, and none concerns the quarantined one.
    assert!(l
        .warnings
        .iter()
        .all(|w| !w.path.starts_with("indicators[1]")));
}

#[test]
fn validation_paths_name_places_in_the_file_after_an_unreadable_indicator() {
    // The unreadable indicator comes first, so validation sees ok3 as its second
    // indicator; its finding must still name indicators[3] and its line.
    let text = json_with(READ_BAD).replace(
        r#""targets": [{"op": "range", "min": 10, "max": 20}]"#,
        r#""observations": [{"period": "2024", "numerator": 1, "denominator": 0}]"#,
    );
    let l = quarantine_json(&text);
    let ids: Vec<&str> = l
        .dataset
        .quarantined
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["bad", "ok3"]);
    let d = &l.dataset.quarantined[1].diagnostics[0];
    assert_eq!(d.path, "indicators[3].observations[0].denominator");
    let line = text.lines().position(|l| l.contains("\"ok3\"")).unwrap() + 1;
    assert_eq!(d.line, Some(line), "{d}");
}

#[test]
fn strict_loading_refuses_what_quarantine_sets_aside() {
    let text = json_with(READ_BAD);
    assert!(matches!(load_json(&text), Err(LoadError::Read { .. })));
    let Err(LoadError::Invalid { errors, .. }) = quarantine_json(&text).strict() else {
        panic!("strict() should refuse a quarantine")
    };
    assert!(errors.iter().all(|d| d.path.starts_with("indicators[1]")));
    // Without a quarantine, strict() is the dataset itself.
    let clean = json_with(r#"{"id": "fine", "name": "n", "unit": "count"}"#);
    let l = quarantine_json(&clean);
    assert_eq!(l.clone().strict().map(|l| l.dataset), Ok(l.dataset));
}

#[test]
fn errors_about_the_whole_file_still_reject_it() {
    let bad_indicator = READ_BAD;
    let cases = [
        // An id used twice makes every reference to it ambiguous.
        (
            json_with(r#"{"id": "ok2", "name": "again", "unit": "count"}"#),
            "used again",
        ),
        // ...also when the other one is unreadable.
        (
            json_with(&bad_indicator.replace("\"bad\"", "\"ok2\"")),
            "used again",
        ),
        // A pillar concerns every indicator in it.
        (
            json_with(bad_indicator).replace(
                r#""name": "Trụ cột A"}"#,
                r#""name": "Trụ cột A", "weight": -1}"#,
            ),
            "weight",
        ),
        (
            json_with(bad_indicator).replace(r#""title": "Kế hoạch""#, r#""title": 5"#),
            "plan",
        ),
        (
            json_with(bad_indicator).replace(r#""pillars""#, r#""pilars""#),
            "pilars",
        ),
    ];
    for (text, says) in cases {
        let r = load_json_with(&text, Policy::Quarantine);
        let Err(e) = r else {
            panic!("should be refused ({says}): {r:?}")
        };
        assert!(e.to_string().contains(says), "{says}: {e}");
    }
}

const CSV: &str =
    "record,id,name,unit,pillar,op,value,min,max,period,numerator,denominator,level\n\
plan,p,Kế hoạch,,,,,,,,,,\n\
pillar,a,Trụ cột A,,,,,,,,,,\n\
indicator,ok1,Một,percent,a,,,,,,,,\n\
target,ok1,,,,gte,90,,,2025,,,\n\
indicator,bad,Hỏng,percent,a,,,,,,,,tinh\n\
target,bad,,,,khoang,10,,,,,,\n\
observation,bad,,,,,abc,,,2024,,,\n\
observation,bad,,,,,,,,2024,3,0,\n\
indicator,ok2,Hai,count,,,,,,,,,\n\
target,ok2,,,,lte,5,,,,,,\n";

#[test]
fn csv_an_indicator_with_bad_cells_is_set_aside_with_every_cell() {
    let l = match load_csv_with(CSV, Policy::Quarantine) {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    };
    let ids: Vec<&str> = l.dataset.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["ok1", "ok2"]);
    let q = &l.dataset.quarantined[0];
    assert_eq!((q.index, q.id.as_str()), (1, "bad"));
    let places: Vec<(Option<usize>, Option<&str>)> = q
        .diagnostics
        .iter()
        .map(|d| (d.line, d.field.as_deref()))
        .collect();
    for want in [(6, "level"), (7, "op"), (8, "value")] {
        assert!(
            places.contains(&(Some(want.0), Some(want.1))),
            "{want:?} not in {places:?}"
        );
    }
    assert!(load_csv(CSV).is_err());
}

#[test]
fn csv_validation_errors_quarantine_with_their_cells() {
    // Only the zero denominator is wrong.
    let text = CSV
        .replace(",tinh\n", ",\n")
        .replace("khoang", "gte")
        .replace(",abc,", ",5,");
    let l = match load_csv_with(&text, Policy::Quarantine) {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    };
    let q = &l.dataset.quarantined[0];
    assert_eq!(q.id, "bad");
    let d = &q.diagnostics[0];
    assert_eq!(d.path, "indicators[1].observations[1].denominator");
    assert_eq!((d.line, d.field.as_deref()), (Some(9), Some("denominator")));
}

#[test]
fn csv_a_row_for_no_indicator_or_a_repeated_id_rejects_the_file() {
    for (text, says) in [
        (format!("{CSV}target,nobody,,,,gte,1,,,,,,\n"), "nobody"),
        (
            format!("{CSV}indicator,ok2,Again,count,,,,,,,,,\n"),
            "already defined",
        ),
    ] {
        let r = load_csv_with(&text, Policy::Quarantine);
        let Err(e) = r else { panic!("{says}: {r:?}") };
        assert!(e.to_string().contains(says), "{e}");
    }
}

#[test]
fn an_indicator_set_aside_counts_in_the_totals_and_in_no_score() {
    use chitieu_core::score::{score_dataset, ScoreConfig};
    use chitieu_core::Date;
    let l = quarantine_json(&json_with(READ_BAD));
    let as_of = Date {
        year: 2024,
        month: 12,
        day: 31,
    };
    let s = score_dataset(&l.dataset, as_of, &ScoreConfig::default());
    // Four indicators in the file, one set aside.
    assert_eq!((s.overall.total, s.overall.invalid), (4, 1));
    assert_eq!(s.indicators.len(), 3);
    assert!(s.indicators.iter().all(|i| i.id != "bad"));
    assert!(s.overall.scored <= 3 && s.overall.with_data <= 3);
    // 'bad' is in pillar 'a' with ok1: two indicators there, one of them invalid.
    let a = s
        .pillars
        .iter()
        .find(|p| p.id.as_deref() == Some("a"))
        .expect("pillar a");
    assert_eq!((a.total, a.invalid, a.with_data), (2, 1, 1));
    assert_eq!(a.coverage, Some(0.5));
}
