//! Worked examples of indicator scoring. Every number is derived in the comments.
//!
//! Time points are period ends in fractional years: a result "for 2022" counts at 2023.0,
//! "for 2023" at 2024.0, and a target "by 2025" is due at 2026.0.

use chitieu_core::score::{
    score_indicator, BaselinePoint, Direction, IndicatorScore, Latest, RateMethod, ScoreConfig,
    Status,
};
use chitieu_core::{Date, Indicator, Period};
use serde_json::{json, Value};

fn ind(v: Value) -> Indicator {
    serde_json::from_value(v).expect("valid indicator")
}

fn date(s: &str) -> Date {
    s.parse().expect("valid date")
}

fn score(v: Value, as_of: &str) -> IndicatorScore {
    score_indicator(&ind(v), date(as_of), &ScoreConfig::default())
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[track_caller]
fn assert_close(a: Option<f64>, b: f64) {
    assert!(close(a, b), "{a:?} != {b}");
}

/// An increasing indicator: 50 in 2022, `x2023` in 2023, target ≥ 80 by 2025.
fn fifty_to(x2023: f64) -> Value {
    json!({
        "id": "dvc", "name": "Hồ sơ trực tuyến toàn trình", "unit": "percent",
        "targets": [{"op": "gte", "value": 80, "deadline": "2025"}],
        "observations": [
            {"period": "2022", "value": 50},
            {"period": "2023", "value": x2023}
        ]
    })
}

// Required CAGR for 50 → 80 from t0 = 2023.0 to T = 2026.0 (3 years):
// g_r = (80/50)^(1/3) − 1 = 1.6^(1/3) − 1 = 0.169607095…
const G_R_50_80: f64 = 0.169_607_095_285_146_5;

#[test]
fn quang_nam_single_point_is_insufficient_data() {
    // Quảng Nam: 76 162 of 99 483 records in 2023 → 76162/99483·100 = 76.557803845…%.
    // Target "trên 95%" by 2024. The only point is both baseline and latest.
    let s = score(
        json!({
            "id": "qn", "name": "Hồ sơ có kết quả số hoá", "unit": "percent",
            "targets": [{"op": "gt", "value": 95, "deadline": "2024"}],
            "observations": [{"period": "2023", "numerator": 76162, "denominator": 99483, "reported": 76.6}]
        }),
        "2024-06-30",
    );
    let x = 76162.0 / 99483.0 * 100.0;
    assert_close(Some(x), 76.557_803_845_883_23);
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(
        s.latest,
        Some(Latest {
            period: Period::Year(2023),
            value: x
        })
    );
    assert_eq!(
        s.baseline,
        Some(BaselinePoint {
            period: Period::Year(2023),
            value: x,
            explicit: false
        })
    );
    assert_eq!(s.achieved, Some(false));
    assert_eq!(s.direction, Some(Direction::Increasing));
    // Attainment 76.5578/95 = 0.805871619…; gap 95 − 76.5578 = 18.442196154…
    assert_close(s.attainment, 0.805_871_619_430_349_8);
    assert_close(s.capped_attainment, 0.805_871_619_430_349_8);
    assert_close(s.gap, 18.442_196_154_116_772);
    assert_eq!(s.progress_ratio, None);
    // Expected now: line from (2024.0, 76.5578) to (2025.0, 95). 2024-06-30 ends day 182 of
    // the leap year 2024 → 2024 + 182/366 = 2024.497267…; share 0.497267…;
    // 76.5578 + 18.4422 × 0.497268 = 85.728513…
    assert_close(s.expected_now, 85.728_513_408_859_33);
}

#[test]
fn quang_nam_after_the_deadline_is_missed() {
    // Same data on 2025-01-01: the 2024 deadline (last day 2024-12-31) has passed and the
    // latest known result (2023) does not meet it.
    let s = score(
        json!({
            "id": "qn", "name": "x", "unit": "percent",
            "targets": [{"op": "gt", "value": 95, "deadline": "2024"}],
            "observations": [{"period": "2023", "numerator": 76162, "denominator": 99483}]
        }),
        "2025-01-01",
    );
    assert_eq!(s.status, Status::Missed);
    // The deadline is in the past: expected_now is clamped to the target figure.
    assert_close(s.expected_now, 95.0);
}

#[test]
fn two_points_on_track() {
    // 50 → 60 in one year: g_o = 60/50 − 1 = 0.2; R = 0.2 / 0.169607 = 1.179196 ≥ 0.95.
    let s = score(fifty_to(60.0), "2024-03-31");
    assert_eq!(s.status, Status::OnTrack);
    assert_eq!(s.rate_method, Some(RateMethod::Cagr));
    assert_close(s.progress_ratio, 0.2 / G_R_50_80);
    assert_close(s.progress_ratio, 1.179_195_950_875_500_6);
    // Attainment 60/80 = 0.75; gap 80 − 60 = 20.
    assert_close(s.attainment, 0.75);
    assert_close(s.gap, 20.0);
    // Expected now: from (2023.0, 50) to (2026.0, 80); 2024-03-31 ends day 91 of 2024 →
    // 2024.248634; share (2024.248634 − 2023)/3 = 0.416211; 50 + 30 × 0.416211 = 62.486339.
    assert_close(s.expected_now, 62.486_338_797_814_37);
}

#[test]
fn two_points_needs_acceleration() {
    // 50 → 57: g_o = 0.14; R = 0.14 / 0.169607 = 0.825437, in [0.60, 0.95).
    let s = score(fifty_to(57.0), "2024-03-31");
    assert_eq!(s.status, Status::NeedsAcceleration);
    assert_close(s.progress_ratio, 0.825_437_165_612_85);
}

#[test]
fn two_points_limited() {
    // 50 → 54: g_o = 0.08; R = 0.08 / 0.169607 = 0.471678, in [0, 0.60).
    let s = score(fifty_to(54.0), "2024-03-31");
    assert_eq!(s.status, Status::Limited);
    assert_close(s.progress_ratio, 0.471_678_380_350_200_77);
}

#[test]
fn two_points_regressing() {
    // 50 → 45: g_o = −0.1; R = −0.1 / 0.169607 = −0.589598 < 0.
    let s = score(fifty_to(45.0), "2024-03-31");
    assert_eq!(s.status, Status::Regressing);
    assert_close(s.progress_ratio, -0.589_597_975_437_750_3);
    // Attainment 45/80 = 0.5625, gap 35.
    assert_close(s.attainment, 0.5625);
    assert_close(s.gap, 35.0);
}

#[test]
fn custom_thresholds_move_the_status() {
    // R = 0.825437 (50 → 57). With on_track lowered to 0.80 it is on track; with
    // needs_acceleration raised to 0.90 it is only limited.
    let i = ind(fifty_to(57.0));
    let as_of = date("2024-03-31");
    let lenient = ScoreConfig {
        on_track: 0.80,
        ..ScoreConfig::default()
    };
    assert_eq!(score_indicator(&i, as_of, &lenient).status, Status::OnTrack);
    let strict = ScoreConfig {
        needs_acceleration: 0.90,
        ..ScoreConfig::default()
    };
    assert_eq!(score_indicator(&i, as_of, &strict).status, Status::Limited);
    assert_eq!(
        score_indicator(&i, as_of, &ScoreConfig::default()).status,
        Status::NeedsAcceleration
    );
}

#[test]
fn deadline_passed_is_missed_even_with_good_pace() {
    // 50 (2022) → 70 (2023), target ≥ 80 by 2023, evaluated 2024-02-01 (after 2023-12-31).
    // R is still reported: T = 2024.0, g_r = 80/50 − 1 = 0.6, g_o = 0.4, R = 0.666667.
    let s = score(
        json!({
            "id": "m", "name": "x", "unit": "percent",
            "targets": [{"op": "gte", "value": 80, "deadline": "2023"}],
            "observations": [{"period": "2022", "value": 50}, {"period": "2023", "value": 70}]
        }),
        "2024-02-01",
    );
    assert_eq!(s.status, Status::Missed);
    assert_close(s.progress_ratio, 0.4 / 0.6);
    // On the deadline's last day itself it is not yet missed.
    let s = score(
        json!({
            "id": "m", "name": "x", "unit": "percent",
            "targets": [{"op": "gte", "value": 80, "deadline": "2023"}],
            "observations": [{"period": "2022", "value": 50}, {"period": "2023", "value": 70}]
        }),
        "2023-12-31",
    );
    assert_eq!(s.status, Status::NeedsAcceleration);
}

#[test]
fn decreasing_target_on_track() {
    // Late records ≤ 10% by 2025; 20% in 2022, 16% in 2023.
    // g_o = 16/20 − 1 = −0.2; g_r = (10/20)^(1/3) − 1 = −0.206299;
    // R = d·g_o/|g_r| = −1 × −0.2 / 0.206299 = 0.969464 ≥ 0.95.
    let s = score(
        json!({
            "id": "tre", "name": "Hồ sơ trễ hạn", "unit": "percent",
            "targets": [{"op": "lte", "value": 10, "deadline": "2025"}],
            "observations": [{"period": "2022", "value": 20}, {"period": "2023", "value": 16}]
        }),
        "2024-01-31",
    );
    assert_eq!(s.direction, Some(Direction::Decreasing));
    assert_eq!(s.status, Status::OnTrack);
    assert_close(s.progress_ratio, 0.969_464_420_372_614_8);
    // Attainment target/value = 10/16 = 0.625; gap value − target = 16 − 10 = 6.
    assert_close(s.attainment, 0.625);
    assert_close(s.gap, 6.0);
}

#[test]
fn change_decrease_makes_approx_lower_is_better() {
    // approx 10 with change = decrease, value 16: attainment 10/16 = 0.625, gap 6.
    let s = score(
        json!({
            "id": "c", "name": "x", "unit": "percent",
            "targets": [{"op": "approx", "value": 10, "change": "decrease", "deadline": "2025"}],
            "observations": [{"period": "2023", "value": 16}]
        }),
        "2024-01-31",
    );
    assert_eq!(s.direction, Some(Direction::Decreasing));
    assert_close(s.attainment, 0.625);
    assert_close(s.gap, 6.0);
}

#[test]
fn range_is_achieved_from_its_minimum() {
    // "15–20%" by 2025 with 15 exactly: achieved; attainment 15/15 = 1; gap 15 − 15 = 0.
    let s = score(
        json!({
            "id": "r", "name": "x", "unit": "percent",
            "targets": [{"op": "range", "min": 15, "max": 20, "deadline": "2025"}],
            "observations": [{"period": "2023", "value": 15}]
        }),
        "2024-05-01",
    );
    assert_eq!(s.status, Status::Achieved);
    assert_eq!(s.achieved, Some(true));
    assert_close(s.attainment, 1.0);
    assert_close(s.gap, 0.0);
    // Above the aspiration (25 > 20) is still achieved: 25/15 = 1.666667 uncapped, capped 1.
    let s = score(
        json!({
            "id": "r", "name": "x", "unit": "percent",
            "targets": [{"op": "range", "min": 15, "max": 20, "deadline": "2025"}],
            "observations": [{"period": "2023", "value": 25}]
        }),
        "2024-05-01",
    );
    assert_eq!(s.status, Status::Achieved);
    assert_close(s.attainment, 25.0 / 15.0);
    assert_close(s.capped_attainment, 1.0);
    assert_close(s.gap, -10.0);
}

fn approx(x: f64, tolerance: Option<f64>) -> IndicatorScore {
    let mut t = json!({"op": "approx", "value": 10, "deadline": "2025"});
    if let Some(tol) = tolerance {
        t["tolerance"] = json!(tol);
    }
    score(
        json!({
            "id": "a", "name": "x", "unit": "percent",
            "targets": [t],
            "observations": [{"period": "2023", "value": x}]
        }),
        "2024-05-01",
    )
}

#[test]
fn approx_within_the_default_tolerance() {
    // "khoảng 10%": default tolerance 0.05 × 10 = 0.5, so 9.5 … 10.5 is met.
    let s = approx(10.4, None);
    assert_eq!(s.status, Status::Achieved);
    assert_eq!(s.direction, Some(Direction::TwoSided));
    // Two-sided attainment min(10.4/10, 10/10.4) = 0.961538; capped 1 because achieved.
    assert_close(s.attainment, 10.0 / 10.4);
    assert_close(s.capped_attainment, 1.0);
    // Gap |10.4 − 10| = 0.4.
    assert_close(s.gap, 0.4);
    assert_eq!(approx(9.5, None).achieved, Some(true));
    // 10.6 is 0.6 away > 0.5: not achieved, and a single point → insufficient data.
    let s = approx(10.6, None);
    assert_eq!(s.achieved, Some(false));
    assert_eq!(s.status, Status::InsufficientData);
    // An explicit tolerance of 0.1 (±1) accepts 10.6; the config default applies otherwise.
    assert_eq!(approx(10.6, Some(0.1)).achieved, Some(true));
    let wide = ScoreConfig {
        approx_tolerance: 0.1,
        ..ScoreConfig::default()
    };
    let i = ind(json!({
        "id": "a", "name": "x", "unit": "percent",
        "targets": [{"op": "approx", "value": 10, "deadline": "2025"}],
        "observations": [{"period": "2023", "value": 10.6}]
    }));
    assert_eq!(
        score_indicator(&i, date("2024-05-01"), &wide).achieved,
        Some(true)
    );
}

#[test]
fn strict_and_exact_comparators() {
    let one = |op: &str, v: f64, x: f64| {
        score(
            json!({
                "id": "s", "name": "x", "unit": "count",
                "targets": [{"op": op, "value": v, "deadline": "2025"}],
                "observations": [{"period": "2023", "value": x}]
            }),
            "2024-01-01",
        )
    };
    // gt 95 with 95: not achieved although attainment 95/95 = 1 and gap 0.
    let s = one("gt", 95.0, 95.0);
    assert_eq!(s.achieved, Some(false));
    assert_close(s.attainment, 1.0);
    assert_close(s.gap, 0.0);
    assert_eq!(one("gte", 95.0, 95.0).achieved, Some(true));
    assert_eq!(one("lt", 5.0, 5.0).achieved, Some(false));
    assert_eq!(one("lte", 5.0, 5.0).achieved, Some(true));
    assert_eq!(one("eq", 63.0, 63.0).achieved, Some(true));
    assert_eq!(one("eq", 63.0, 63.5).achieved, Some(false));
    // 19/20·100 computes to 95.00000000000001 or a hair below; the relative slack keeps
    // gte 95 achieved and gt 95 not.
    let ratio = |op: &str| {
        score(
            json!({
                "id": "s", "name": "x", "unit": "percent",
                "targets": [{"op": op, "value": 95, "deadline": "2025"}],
                "observations": [{"period": "2023", "numerator": 19, "denominator": 20}]
            }),
            "2024-01-01",
        )
    };
    assert_eq!(ratio("gte").achieved, Some(true));
    assert_eq!(ratio("gt").achieved, Some(false));
    // eq 100 with 1237/1237 computed.
    let s = score(
        json!({
            "id": "s", "name": "x", "unit": "percent",
            "targets": [{"op": "eq", "value": 100, "deadline": "2025"}],
            "observations": [{"period": "2023", "numerator": 1237, "denominator": 1237}]
        }),
        "2024-01-01",
    );
    assert_eq!(s.status, Status::Achieved);
}

#[test]
fn zero_conventions_for_lower_is_better() {
    let zero = |v: f64, x: f64| {
        score(
            json!({
                "id": "z", "name": "Sự cố mất an toàn thông tin", "unit": "count",
                "targets": [{"op": "lte", "value": v, "deadline": "2025"}],
                "observations": [{"period": "2023", "value": x}]
            }),
            "2024-01-01",
        )
    };
    // 0 incidents against ≤ 0: attainment 0/0 is taken as 1.
    let s = zero(0.0, 0.0);
    assert_eq!(s.status, Status::Achieved);
    assert_close(s.attainment, 1.0);
    // 0 against ≤ 5: 5/0 has no finite value → None; achieved, so capped 1.
    let s = zero(5.0, 0.0);
    assert_eq!(s.attainment, None);
    assert_close(s.capped_attainment, 1.0);
    assert_close(s.gap, -5.0);
    // 2 against ≤ 0: 0/2 = 0.
    let s = zero(0.0, 2.0);
    assert_close(s.attainment, 0.0);
    assert_close(s.gap, 2.0);
}

#[test]
fn linear_rates_when_the_baseline_is_zero() {
    // 0 (2022) → 20 (2023), target ≥ 60 by 2025. CAGR is undefined from 0, so linear:
    // observed 20/1 = 20 a year; required (60 − 0)/(2026 − 2023) = 20 a year; R = 1.
    let s = score(
        json!({
            "id": "l", "name": "x", "unit": "count",
            "targets": [{"op": "gte", "value": 60, "deadline": "2025"}],
            "observations": [{"period": "2022", "value": 0}, {"period": "2023", "value": 20}]
        }),
        "2024-01-01",
    );
    assert_eq!(s.rate_method, Some(RateMethod::Linear));
    assert_close(s.progress_ratio, 1.0);
    assert_eq!(s.status, Status::OnTrack);
}

#[test]
fn explicit_baseline_is_used() {
    // Baseline 40 in 2021 (t0 = 2022.0), one observation 60 in 2023 (t1 = 2024.0),
    // target ≥ 80 by 2025 (T = 2026.0).
    // g_o = (60/40)^(1/2) − 1 = 0.224745; g_r = (80/40)^(1/4) − 1 = 0.189207;
    // R = 0.224745 / 0.189207 = 1.187825.
    let s = score(
        json!({
            "id": "b", "name": "x", "unit": "percent",
            "baseline": {"period": "2021", "value": 40},
            "targets": [{"op": "gte", "value": 80, "deadline": "2025"}],
            "observations": [{"period": "2023", "value": 60}]
        }),
        "2024-02-01",
    );
    assert!(s.baseline.is_some_and(|b| b.explicit && b.value == 40.0));
    assert_close(s.progress_ratio, 1.187_824_630_106_309);
    assert_eq!(s.status, Status::OnTrack);
}

#[test]
fn baseline_already_past_the_target_then_falling_back_is_regressing() {
    // 85 (2022) already met ≥ 80; 78 (2023) no longer does.
    // g_o = 78/85 − 1 = −0.082353; g_r = (80/85)^(1/3) − 1 = −0.020005 (negative: the
    // baseline was above the target); R = +1 × −0.082353 / 0.020005 = −4.116538.
    let s = score(
        json!({
            "id": "f", "name": "x", "unit": "percent",
            "targets": [{"op": "gte", "value": 80, "deadline": "2025"}],
            "observations": [{"period": "2022", "value": 85}, {"period": "2023", "value": 78}]
        }),
        "2024-01-01",
    );
    assert_eq!(s.status, Status::Regressing);
    assert_close(s.progress_ratio, -4.116_537_664_126_366_5);
}

#[test]
fn baseline_on_the_target_figure_has_no_ratio() {
    let on = |op: &str, x2023: f64| {
        score(
            json!({
                "id": "z", "name": "x", "unit": "percent",
                "targets": [{"op": op, "value": 80, "deadline": "2025"}],
                "observations": [{"period": "2022", "value": 80}, {"period": "2023", "value": x2023}]
            }),
            "2024-01-01",
        )
    };
    // Required rate (80/80)^(…) − 1 = 0: R undefined.
    // gt 80 stuck at 80: no movement, still short of the strict bound → limited.
    let s = on("gt", 80.0);
    assert_eq!(s.progress_ratio, None);
    assert_eq!(s.status, Status::Limited);
    // gte 80 slipping to 79: moved away → regressing.
    let s = on("gte", 79.0);
    assert_eq!(s.progress_ratio, None);
    assert_eq!(s.status, Status::Regressing);
}

#[test]
fn same_time_point_is_a_single_point() {
    // "2023-Q4" and "2023" both end at 2024.0: t1 = t0, no pace.
    let s = score(
        json!({
            "id": "q", "name": "x", "unit": "percent",
            "targets": [{"op": "gte", "value": 80, "deadline": "2025"}],
            "observations": [{"period": "2023-Q4", "value": 50}, {"period": "2023", "value": 60}]
        }),
        "2024-01-01",
    );
    // The year sorts after its last quarter, so it is the latest.
    assert_eq!(s.latest.map(|l| l.value), Some(60.0));
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(s.progress_ratio, None);
}

#[test]
fn observations_after_as_of_are_ignored() {
    // The 2024 result (ends 2024-12-31) is not known on 2024-06-30.
    let v = json!({
        "id": "o", "name": "x", "unit": "percent",
        "targets": [{"op": "gte", "value": 80, "deadline": "2025"}],
        "observations": [
            {"period": "2022", "value": 50},
            {"period": "2023", "value": 60},
            {"period": "2024", "value": 90}
        ]
    });
    let s = score(v.clone(), "2024-06-30");
    assert_eq!(s.latest.map(|l| l.period), Some(Period::Year(2023)));
    assert_eq!(s.status, Status::OnTrack);
    let s = score(v, "2024-12-31");
    assert_eq!(s.latest.map(|l| l.period), Some(Period::Year(2024)));
    assert_eq!(s.status, Status::Achieved);
}

#[test]
fn uncomputable_observations_are_skipped() {
    // Denominator 0 in 2023: the latest computable result is 2022's.
    let s = score(
        json!({
            "id": "u", "name": "x", "unit": "percent",
            "targets": [{"op": "gte", "value": 80, "deadline": "2025"}],
            "observations": [
                {"period": "2022", "value": 50},
                {"period": "2023", "numerator": 3, "denominator": 0}
            ]
        }),
        "2024-06-30",
    );
    assert_eq!(s.latest.map(|l| l.period), Some(Period::Year(2022)));
}

fn three_targets() -> Indicator {
    ind(json!({
        "id": "t", "name": "x", "unit": "percent",
        "targets": [
            {"op": "gte", "value": 80, "deadline": "2025"},
            {"op": "gte", "value": 60, "deadline": "2023"},
            {"op": "gte", "value": 90, "text": "duy trì"}
        ],
        "observations": [{"period": "2022", "value": 50}, {"period": "2023", "value": 65}]
    }))
}

#[test]
fn current_target_is_the_earliest_not_yet_due() {
    let cfg = ScoreConfig::default();
    let value = |s: &IndicatorScore| s.current_target.as_ref().map(|t| t.bound.value());
    let i = three_targets();
    // On 2023-12-31 the 2023 target (60) is still current and 65 meets it.
    let s = score_indicator(&i, date("2023-12-31"), &cfg);
    assert_eq!(value(&s), Some(60.0));
    assert_eq!(s.status, Status::Achieved);
    // From 2024-01-01 the 2025 target (80) is current.
    let s = score_indicator(&i, date("2024-01-01"), &cfg);
    assert_eq!(value(&s), Some(80.0));
    // After 2025 only the undated target (90) remains open: never missed, no pace.
    let s = score_indicator(&i, date("2026-03-01"), &cfg);
    assert_eq!(value(&s), Some(90.0));
    assert_eq!(s.progress_ratio, None);
    assert_eq!(s.expected_now, None);
    assert_eq!(s.status, Status::InsufficientData);
    // Without the undated target, the last one (80 by 2025) stays current and is missed.
    let mut i = three_targets();
    i.targets.pop();
    let s = score_indicator(&i, date("2026-03-01"), &cfg);
    assert_eq!(value(&s), Some(80.0));
    assert_eq!(s.status, Status::Missed);
}

#[test]
fn undated_target_falling_away_is_regressing() {
    let s = score(
        json!({
            "id": "u", "name": "x", "unit": "percent",
            "targets": [{"op": "gte", "value": 90}],
            "observations": [{"period": "2022", "value": 70}, {"period": "2023", "value": 65}]
        }),
        "2024-06-30",
    );
    assert_eq!(s.status, Status::Regressing);
    assert_eq!(s.progress_ratio, None);
}

#[test]
fn no_data_and_no_target() {
    let s = score(
        json!({
            "id": "n", "name": "x", "unit": "percent",
            "baseline": {"period": "2022", "value": 40},
            "targets": [{"op": "gte", "value": 80, "deadline": "2025"}]
        }),
        "2024-01-01",
    );
    assert_eq!(s.status, Status::NoData);
    assert_eq!(s.latest, None);
    assert_eq!(s.achieved, None);
    // The plan's line is known without results: (2023.0, 40) → (2026.0, 80) at 2025.0:
    // 40 + 40 × 2/3 = 66.666667.
    assert_close(
        score(
            json!({
                "id": "n", "name": "x", "unit": "percent",
                "baseline": {"period": "2022", "value": 40},
                "targets": [{"op": "gte", "value": 80, "deadline": "2025"}]
            }),
            "2024-12-31",
        )
        .expected_now,
        40.0 + 40.0 * 2.0 / 3.0,
    );
    let s = score(
        json!({
            "id": "n", "name": "x", "unit": "count",
            "observations": [{"period": "2023", "value": 12}]
        }),
        "2024-01-01",
    );
    assert_eq!(s.status, Status::InsufficientData);
    assert_eq!(s.current_target, None);
    assert_eq!(s.attainment, None);
}

#[test]
fn two_sided_overshoot_is_measured_on_the_distance() {
    // eq 60 by 2025: 50 (2022) → 65 (2023) crossed over 60. Distance 10 → 5 in one year:
    // observed 5 a year; required 10 over 3 years = 3.333 a year; R = 5/3.333 = 1.5.
    let s = score(
        json!({
            "id": "e", "name": "x", "unit": "percent",
            "targets": [{"op": "eq", "value": 60, "deadline": "2025"}],
            "observations": [{"period": "2022", "value": 50}, {"period": "2023", "value": 65}]
        }),
        "2024-01-01",
    );
    assert_eq!(s.rate_method, Some(RateMethod::Linear));
    assert_close(s.progress_ratio, 1.5);
    assert_eq!(s.status, Status::OnTrack);
    // Attainment min(65/60, 60/65) = 0.923077; gap |65 − 60| = 5.
    assert_close(s.attainment, 60.0 / 65.0);
    assert_close(s.gap, 5.0);
}

#[test]
fn scores_serialize_in_snake_case() {
    let s = score(fifty_to(57.0), "2024-03-31");
    let v = serde_json::to_value(&s).expect("serialize");
    assert_eq!(v["status"], "needs_acceleration");
    assert_eq!(v["direction"], "increasing");
    assert_eq!(v["rate_method"], "cagr");
    assert_eq!(v["latest"], json!({"period": "2023", "value": 57.0}));
    assert_eq!(v["current_target"]["op"], "gte");
}
