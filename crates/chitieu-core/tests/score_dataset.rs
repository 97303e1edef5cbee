//! Worked example of dataset aggregation: pillar scores, coverage, DTI-style points and
//! status counts. Every number is derived in the comments.

use chitieu_core::score::{score_dataset, ScoreConfig, Status};
use chitieu_core::{Dataset, Date};
use serde_json::json;

fn dataset() -> Dataset {
    serde_json::from_value(json!({
        "schema": "chitieu/1",
        "plan": {"id": "qna-2024", "title": "Kế hoạch chuyển đổi số 2024"},
        "pillars": [
            {"id": "cqs", "name": "Chính quyền số", "weight": 400},
            {"id": "kts", "name": "Kinh tế số", "weight": 300},
            {"id": "xhs", "name": "Xã hội số", "weight": 300}
        ],
        "indicators": [
            // 50 → 60, ≥ 80 by 2025: on track (R = 1.179196), capped 60/80 = 0.75.
            {"id": "cqs1", "pillar": "cqs", "name": "a", "unit": "percent",
             "targets": [{"op": "gte", "value": 80, "deadline": "2025"}],
             "observations": [{"period": "2022", "value": 50}, {"period": "2023", "value": 60}]},
            // Quảng Nam: 76162/99483 = 76.557804%, > 95 by 2024: insufficient data,
            // capped 76.557804/95 = 0.805872.
            {"id": "cqs2", "pillar": "cqs", "name": "b", "unit": "percent",
             "targets": [{"op": "gt", "value": 95, "deadline": "2024"}],
             "observations": [{"period": "2023", "numerator": 76162, "denominator": 99483}]},
            // No results yet.
            {"id": "cqs3", "pillar": "cqs", "name": "c", "unit": "percent",
             "targets": [{"op": "gte", "value": 100, "deadline": "2025"}]},
            // 20 → 16, ≤ 10 by 2025: on track (R = 0.969464), capped 10/16 = 0.625.
            {"id": "kts1", "pillar": "kts", "name": "d", "unit": "percent",
             "targets": [{"op": "lte", "value": 10, "deadline": "2025"}],
             "observations": [{"period": "2022", "value": 20}, {"period": "2023", "value": 16}]},
            // 15 in "15–20%": achieved, capped 1.
            {"id": "kts2", "pillar": "kts", "name": "e", "unit": "percent",
             "targets": [{"op": "range", "min": 15, "max": 20, "deadline": "2025"}],
             "observations": [{"period": "2023", "value": 15}]},
            // An undeclared pillar id: its own group, weight 1. 50 → 45: regressing,
            // capped 45/80 = 0.5625.
            {"id": "x1", "pillar": "khac", "name": "f", "unit": "percent",
             "targets": [{"op": "gte", "value": 80, "deadline": "2025"}],
             "observations": [{"period": "2022", "value": 50}, {"period": "2023", "value": 45}]},
            // No pillar: the implicit group, weight 1. ≥ 80 by 2023 with 70: missed,
            // capped 70/80 = 0.875.
            {"id": "y1", "name": "g", "unit": "percent",
             "targets": [{"op": "gte", "value": 80, "deadline": "2023"}],
             "observations": [{"period": "2022", "value": 50}, {"period": "2023", "value": 70}]}
        ]
    }))
    .expect("valid dataset")
}

#[track_caller]
fn assert_close(a: Option<f64>, b: f64) {
    assert!(a.is_some_and(|a| (a - b).abs() < 1e-9), "{a:?} != {b}");
}

#[test]
fn pillars_overall_points_and_counts() {
    let as_of: Date = "2024-06-30".parse().expect("date");
    let s = score_dataset(&dataset(), as_of, &ScoreConfig::default());

    let ids: Vec<Option<&str>> = s.pillars.iter().map(|p| p.id.as_deref()).collect();
    assert_eq!(
        ids,
        [Some("cqs"), Some("kts"), Some("xhs"), Some("khac"), None]
    );

    // cqs: 3 indicators, 2 with data; score (0.75 + 0.805872)/2 = 0.777936;
    // points 0.777936 × 400 = 311.174324.
    let cqs = &s.pillars[0];
    assert_eq!((cqs.total, cqs.with_data, cqs.scored), (3, 2, 2));
    assert_close(cqs.coverage, 2.0 / 3.0);
    assert_close(cqs.score, 0.777_935_809_715_175);
    assert_close(cqs.points, 311.174_323_886_07);
    assert_eq!(cqs.max_points, 400.0);
    assert_eq!(cqs.statuses.get(Status::NoData), 1);
    assert_eq!(cqs.indicators, ["cqs1", "cqs2", "cqs3"]);

    // kts: (0.625 + 1)/2 = 0.8125; points × 300 = 243.75.
    let kts = &s.pillars[1];
    assert_close(kts.score, 0.8125);
    assert_close(kts.points, 243.75);
    assert_close(kts.coverage, 1.0);

    // xhs: declared, no indicators: no score, no coverage, still 300 possible points.
    let xhs = &s.pillars[2];
    assert_eq!(
        (xhs.total, xhs.score, xhs.coverage, xhs.points),
        (0, None, None, None)
    );
    assert_eq!(xhs.max_points, 300.0);

    let khac = &s.pillars[3];
    assert!(!khac.declared);
    assert_eq!(khac.weight, 1.0);
    assert_close(khac.score, 0.5625);
    let implicit = &s.pillars[4];
    assert!(!implicit.declared);
    assert_close(implicit.score, 0.875);

    // Overall: weighted mean over the four scored groups,
    // (0.777936×400 + 0.8125×300 + 0.5625×1 + 0.875×1) / (400 + 300 + 1 + 1)
    // = (311.174324 + 243.75 + 1.4375) / 702 = 556.361824 / 702 = 0.792538.
    let o = &s.overall;
    assert_close(o.score, 0.792_538_210_663_917_3);
    assert_close(o.points, 556.361_823_886_07);
    // Max points: 400 + 300 + 300 + 1 + 1 = 1002; of pillars with a score: 702.
    assert_close(o.max_points, 1002.0);
    assert_close(o.max_points_scored, 702.0);
    assert_eq!(o.pillars_scored, 4);
    // 7 indicators, 6 with data: coverage 6/7.
    assert_eq!((o.total, o.with_data, o.scored), (7, 6, 6));
    assert_close(o.coverage, 6.0 / 7.0);

    let c = &s.statuses;
    assert_eq!(c.achieved, 1);
    assert_eq!(c.on_track, 2);
    assert_eq!(c.insufficient_data, 1);
    assert_eq!(c.no_data, 1);
    assert_eq!(c.regressing, 1);
    assert_eq!(c.missed, 1);
    assert_eq!(c.total(), 7);
    assert_eq!(s.indicators.len(), 7);

    let v = serde_json::to_value(&s).expect("serialize");
    assert_eq!(v["statuses"]["on_track"], 2);
    assert_eq!(v["pillars"][4]["id"], serde_json::Value::Null);
    assert_eq!(v["as_of"], "2024-06-30");
    assert_eq!(v["config"]["on_track"], 0.95);
}

#[test]
fn empty_dataset_has_no_score() {
    let mut ds = dataset();
    ds.indicators.clear();
    let s = score_dataset(
        &ds,
        "2024-06-30".parse().expect("date"),
        &ScoreConfig::default(),
    );
    assert_eq!(s.overall.score, None);
    assert_eq!(s.overall.coverage, None);
    assert_eq!(s.overall.points, None);
    // Declared pillars still define the scale: 400 + 300 + 300.
    assert_close(s.overall.max_points, 1000.0);
    assert_eq!(s.pillars.len(), 3);
}

#[test]
fn unusable_weights_count_as_zero() {
    // A negative weight is treated as 0: cqs drops out of the weighted mean, leaving
    // (0.8125×300 + 0.5625 + 0.875) / 302 = 245.1875 / 302 = 0.811879.
    let mut ds = dataset();
    ds.pillars[0].weight = -5.0;
    let s = score_dataset(
        &ds,
        "2024-06-30".parse().expect("date"),
        &ScoreConfig::default(),
    );
    assert_eq!(s.pillars[0].weight, 0.0);
    assert_close(s.pillars[0].points, 0.0);
    assert_close(s.overall.score, 245.1875 / 302.0);
}

/// Pillar `a`: 4 indicators, 1 scored (`a1`: 40 against ≥ 80, capped 0.5), 1 with data
/// but no target (`a2`), 2 without data. Pillar `b`: 3 indicators, 1 scored (`b1`:
/// achieved, capped 1). Pillar `c`: 2 indicators, both scored (capped 1 and 0.5).
/// Overall: 4 of 9 scored.
fn coverage_dataset() -> Dataset {
    let ind = |id: &str, pillar: &str, target: bool, value: Option<f64>| {
        let targets = if target {
            json!([{"op": "gte", "value": 80, "deadline": "2025"}])
        } else {
            json!([])
        };
        let observations = match value {
            Some(v) => json!([{"period": "2023", "value": v}]),
            None => json!([]),
        };
        json!({"id": id, "pillar": pillar, "name": id, "unit": "percent",
               "targets": targets, "observations": observations})
    };
    serde_json::from_value(json!({
        "schema": "chitieu/1",
        "plan": {"id": "p", "title": "p"},
        "pillars": [
            {"id": "a", "name": "A", "weight": 1},
            {"id": "b", "name": "B", "weight": 1},
            {"id": "c", "name": "C", "weight": 1}
        ],
        "indicators": [
            ind("a1", "a", true, Some(40.0)),
            ind("a2", "a", false, Some(10.0)),
            ind("a3", "a", true, None),
            ind("a4", "a", true, None),
            ind("b1", "b", true, Some(90.0)),
            ind("b2", "b", true, None),
            ind("b3", "b", true, None),
            ind("c1", "c", true, Some(80.0)),
            ind("c2", "c", true, Some(40.0)),
        ]
    }))
    .expect("valid dataset")
}

#[test]
fn a_pillar_below_the_minimum_coverage_is_withheld_while_the_overall_score_is_shown() {
    let as_of: Date = "2024-06-30".parse().expect("date");
    let s = score_dataset(&coverage_dataset(), as_of, &ScoreConfig::default());
    let [a, b, c] = &s.pillars[..] else {
        panic!("three pillars: {:?}", s.pillars)
    };
    // a: 1 scored of 4 (the result without a target does not count) = 0.25 < 1/3.
    assert_eq!((a.scored, a.with_data, a.total), (1, 2, 4));
    assert_close(a.score, 0.5);
    assert!(a.withheld, "1/4 is below one third");
    // b: 1 of 3, exactly one third: shown.
    assert_eq!((b.scored, b.total), (1, 3));
    assert!(!b.withheld, "1/3 reaches one third");
    assert!(!c.withheld, "2/2");
    // Overall: 4 of 9 = 0.444 ≥ 1/3, shown; the mean still takes a's score:
    // (0.5 + 1 + 0.75) / 3 = 0.75.
    assert_eq!((s.overall.scored, s.overall.total), (4, 9));
    assert!(!s.overall.withheld);
    assert_close(s.overall.score, 0.75);
}

#[test]
fn the_overall_score_is_withheld_below_the_configured_minimum() {
    let as_of: Date = "2024-06-30".parse().expect("date");
    let cfg = ScoreConfig {
        min_coverage: 0.5,
        ..ScoreConfig::default()
    };
    let s = score_dataset(&coverage_dataset(), as_of, &cfg);
    // 4/9 < 1/2: withheld, though the score is still computed for those who ask.
    assert!(s.overall.withheld);
    assert_close(s.overall.score, 0.75);
    let withheld: Vec<bool> = s.pillars.iter().map(|p| p.withheld).collect();
    assert_eq!(withheld, [true, true, false]);
    // A minimum of 0 shows every score.
    let all = ScoreConfig {
        min_coverage: 0.0,
        ..ScoreConfig::default()
    };
    let s = score_dataset(&coverage_dataset(), as_of, &all);
    assert!(!s.overall.withheld && s.pillars.iter().all(|p| !p.withheld));
}

#[test]
fn a_pillar_without_a_score_has_nothing_to_withhold() {
    let as_of: Date = "2024-06-30".parse().expect("date");
    let mut ds = coverage_dataset();
    ds.indicators.retain(|i| i.id != "a1");
    let s = score_dataset(&ds, as_of, &ScoreConfig::default());
    assert_eq!(s.pillars[0].score, None);
    assert!(!s.pillars[0].withheld);
}
