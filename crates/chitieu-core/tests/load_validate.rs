//! Validation: each rule, its severity, and that every message names the indicator and
//! the field.

mod load_common;

use chitieu_core::load::{load_json, validate, Diagnostic, Severity};
use chitieu_core::{Bound, Change, Dataset, Date, Observation, Period, Target, Unit};
use load_common::RICH_JSON;

fn rich() -> Dataset {
    load_json(RICH_JSON).expect("rich dataset loads").dataset
}

fn obs(period: Period) -> Observation {
    Observation {
        period,
        value: None,
        numerator: None,
        denominator: None,
        reported: None,
        note: None,
    }
}

/// The findings of `ds` other than the fixture's own truncation warning.
fn findings(ds: &Dataset) -> Vec<Diagnostic> {
    validate(ds)
        .into_iter()
        .filter(|d| d.path != "indicators[0].observations[1].reported")
        .collect()
}

/// The single new finding, checked for severity and path.
fn one(ds: &Dataset, severity: Severity, path: &str) -> String {
    let f = findings(ds);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity, severity, "{:?}", f[0]);
    assert_eq!(f[0].path, path);
    f[0].message.clone()
}

#[test]
fn the_rich_dataset_has_only_the_truncation_warning() {
    assert!(findings(&rich()).is_empty());
    let all = validate(&rich());
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].severity, Severity::Warning);
}

#[test]
fn truncated_and_rounded_printed_figures() {
    let reported = |v: f64| {
        let mut ds = rich();
        ds.indicators[0].observations[1].reported = Some(v);
        validate(&ds)
    };
    assert!(reported(96.0).is_empty(), "96 is 95.966 rounded");
    assert!(reported(95.97).is_empty(), "95.97 is 95.966 rounded");
    let f = reported(95.96);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].severity, f[0].path.as_str()),
        (Severity::Warning, "indicators[0].observations[1].reported")
    );
    assert!(f[0].message.contains("reported 95.96 disagrees with 1237/1289 × 100 = 95.9659 (rounds to 95.97); the printed figure looks truncated"), "{}", f[0].message);
    let f = reported(94.0);
    assert_eq!(f.len(), 1);
    assert!(!f[0].message.contains("truncated"), "{}", f[0].message);
}

#[test]
fn duplicate_ids() {
    let mut ds = rich();
    ds.indicators[3].id = "cqs-01".into();
    let m = one(&ds, Severity::Error, "indicators[3].id");
    assert_eq!(
        m,
        "indicator 'cqs-01': id is used again (first by indicators[0]); ids must be unique"
    );
    let mut ds = rich();
    ds.pillars[1].id = "cqs".into();
    let f = findings(&ds);
    assert!(
        f.iter().any(|d| d.is_error()
            && d.path == "pillars[1].id"
            && d.message.contains("pillar 'cqs': id is used again")),
        "{f:#?}"
    );
}

#[test]
fn empty_and_padded_ids() {
    let mut ds = rich();
    ds.indicators[5].id = " ".into();
    let m = one(&ds, Severity::Error, "indicators[5].id");
    assert_eq!(m, "indicator: id is empty");
    ds.indicators[5].id = "xhs-02 ".into();
    let m = one(&ds, Severity::Warning, "indicators[5].id");
    assert!(m.contains("'xhs-02 ': id has spaces"), "{m}");
    let mut ds = rich();
    ds.plan.id.clear();
    assert_eq!(one(&ds, Severity::Error, "plan.id"), "plan: id is empty");
}

#[test]
fn unknown_pillar() {
    let mut ds = rich();
    ds.indicators[2].pillar = Some("kt".into());
    let m = one(&ds, Severity::Error, "indicators[2].pillar");
    assert_eq!(
        m,
        "indicator 'kts-02': pillar 'kt' does not exist (known pillars: 'cqs', 'kts', 'xhs')"
    );
}

#[test]
fn percentages_out_of_range() {
    let mut ds = rich();
    ds.indicators[0].observations[0].value = Some(104.0);
    let m = one(
        &ds,
        Severity::Warning,
        "indicators[0].observations[0].value",
    );
    assert_eq!(
        m,
        "indicator 'cqs-01': observation 2024-Q2: value 104 is above 100%"
    );
    ds.indicators[0].observations[0].value = Some(-1.0);
    let m = one(
        &ds,
        Severity::Warning,
        "indicators[0].observations[0].value",
    );
    assert!(m.ends_with("value -1 is a negative percentage"), "{m}");
    // Targets and baselines too.
    let mut ds = rich();
    ds.indicators[1].targets[0].bound = Bound::Range {
        min: 15.0,
        max: 120.0,
    };
    let m = one(&ds, Severity::Warning, "indicators[1].targets[0].max");
    assert_eq!(
        m,
        "indicator 'kts-01': target 1 (deadline 2025): max 120 is above 100%"
    );
    // A rate of change may exceed 100%: kts-02 is not percent, cqs-02 is a decrease.
    let mut ds = rich();
    ds.indicators[3].observations.push(Observation {
        value: Some(130.0),
        ..obs(Period::Year(2024))
    });
    assert!(findings(&ds).is_empty(), "{:#?}", findings(&ds));
}

#[test]
fn ratio_checks() {
    let mut ds = rich();
    let o = &mut ds.indicators[0].observations[1];
    o.denominator = Some(0.0);
    o.reported = None;
    let m = one(
        &ds,
        Severity::Error,
        "indicators[0].observations[1].denominator",
    );
    assert_eq!(
        m,
        "indicator 'cqs-01': observation 2024-Q3: denominator is 0, so no value can be computed"
    );
    // Below 0 it is no count either: a share of a negative total cannot be shown.
    ds.indicators[0].observations[1].denominator = Some(-1289.0);
    let m = one(
        &ds,
        Severity::Error,
        "indicators[0].observations[1].denominator",
    );
    assert_eq!(
        m,
        "indicator 'cqs-01': observation 2024-Q3: denominator -1289 is negative; it counts what the numerator is a share of, so it must be above 0"
    );

    let mut ds = rich();
    let o = &mut ds.indicators[0].observations[1];
    o.numerator = Some(1300.0);
    o.reported = None;
    let m = one(
        &ds,
        Severity::Warning,
        "indicators[0].observations[1].numerator",
    );
    assert_eq!(m, "indicator 'cqs-01': observation 2024-Q3: numerator 1300 is above denominator 1289, a share above 100%");

    let mut ds = rich();
    ds.indicators[0].observations[1].denominator = None;
    let m = one(
        &ds,
        Severity::Error,
        "indicators[0].observations[1].denominator",
    );
    assert!(m.ends_with("has a numerator but no denominator"), "{m}");
}

#[test]
fn an_observation_needs_a_value() {
    let mut ds = rich();
    ds.indicators[5].observations.push(obs(Period::Year(2023)));
    let m = one(&ds, Severity::Error, "indicators[5].observations[1].value");
    assert_eq!(
        m,
        "indicator 'xhs-02': observation 2023: needs a value, or a numerator and a denominator"
    );
}

#[test]
fn value_and_ratio_together() {
    let mut ds = rich();
    let o = &mut ds.indicators[0].observations[1];
    o.value = Some(96.0);
    o.reported = None;
    assert!(
        findings(&ds).is_empty(),
        "96 agrees with 95.97 at its precision"
    );
    ds.indicators[0].observations[1].value = Some(90.0);
    let m = one(
        &ds,
        Severity::Warning,
        "indicators[0].observations[1].value",
    );
    assert_eq!(m, "indicator 'cqs-01': observation 2024-Q3: value 90 disagrees with numerator/denominator 1237/1289 = 95.97; the value is used");
}

#[test]
fn observation_after_as_of() {
    let mut ds = rich();
    ds.indicators[5].observations.push(Observation {
        value: Some(39.0),
        ..obs(Period::Quarter(2025, 1))
    });
    let m = one(
        &ds,
        Severity::Warning,
        "indicators[5].observations[1].period",
    );
    assert_eq!(
        m,
        "indicator 'xhs-02': observation 2025-Q1: the period begins after as_of 2024-11-23"
    );
    // A period that began before as_of is fine even if it ends after it.
    ds.indicators[5].observations[1].period = Period::Quarter(2024, 4);
    assert!(findings(&ds).is_empty());
    ds.as_of = Date::new(2024, 9, 30);
    ds.indicators[5].observations[1].period = Period::Month(2024, 10);
    assert_eq!(
        findings(&ds).len(),
        3,
        "kts-01's 2024-11 and kts-02's 2024-11-23 too"
    );
}

#[test]
fn duplicate_observation_period() {
    let mut ds = rich();
    ds.indicators[5].observations.push(Observation {
        value: Some(38.0),
        ..obs(Period::Quarter(2024, 3))
    });
    let m = one(
        &ds,
        Severity::Warning,
        "indicators[5].observations[1].period",
    );
    assert!(
        m.contains("period 2024-Q3 is reported twice (also observations[0])"),
        "{m}"
    );
}

#[test]
fn periods_that_end_together_are_not_the_same_period() {
    // "2024-12" and "2024-12-31" end on the same day: two reports, not one twice.
    let mut ds = rich();
    let before = findings(&ds).len();
    ds.indicators[5].observations = vec![
        Observation {
            value: Some(30.0),
            ..obs(Period::Month(2024, 12))
        },
        Observation {
            value: Some(31.0),
            ..obs(Period::Day(Date {
                year: 2024,
                month: 12,
                day: 31,
            }))
        },
    ];
    let f = findings(&ds);
    assert!(
        !f.iter().any(|d| d.message.contains("reported twice")),
        "{f:#?} (before: {before})"
    );
}

#[test]
fn deadline_before_baseline() {
    let mut ds = rich();
    ds.indicators[0].targets[0].deadline = Some(Period::Quarter(2023, 4));
    let m = one(&ds, Severity::Warning, "indicators[0].targets[0].deadline");
    assert_eq!(m, "indicator 'cqs-01': target 1 (deadline 2023-Q4): deadline 2023-Q4 is not after the baseline period 2023");
}

#[test]
fn no_targets_is_a_warning() {
    let mut ds = rich();
    ds.indicators[4].targets.clear();
    let m = one(&ds, Severity::Warning, "indicators[4].targets");
    assert_eq!(
        m,
        "indicator 'xhs-01': has no targets, so it cannot be scored"
    );
}

#[test]
fn non_finite_numbers_are_errors() {
    let mut ds = rich();
    ds.indicators[5].observations[0].value = Some(f64::NAN);
    let m = one(&ds, Severity::Error, "indicators[5].observations[0].value");
    assert_eq!(
        m,
        "indicator 'xhs-02': observation 2024-Q3: value NaN is not a finite number"
    );
    let mut ds = rich();
    ds.indicators[5].targets[0].bound = Bound::Gte(f64::INFINITY);
    let m = one(&ds, Severity::Error, "indicators[5].targets[0].value");
    assert!(m.contains("value inf is not a finite number"), "{m}");
    let mut ds = rich();
    ds.pillars[0].weight = f64::NAN;
    assert_eq!(
        one(&ds, Severity::Error, "pillars[0].weight"),
        "pillar 'cqs': weight NaN must be a finite number ≥ 0"
    );
    let mut ds = rich();
    if let Some(b) = ds.indicators[0].baseline.as_mut() {
        b.value = f64::NEG_INFINITY;
    }
    let m = one(&ds, Severity::Error, "indicators[0].baseline.value");
    assert!(
        m.starts_with("indicator 'cqs-01': baseline value -inf"),
        "{m}"
    );
}

#[test]
fn typed_invariants_are_rechecked_for_datasets_built_in_code() {
    let mut ds = rich();
    ds.indicators[1].targets[0].bound = Bound::Range {
        min: 20.0,
        max: 15.0,
    };
    let m = one(&ds, Severity::Error, "indicators[1].targets[0].min");
    assert!(m.ends_with("range min 20 is above max 15"), "{m}");
    let mut ds = rich();
    ds.indicators[1].targets[1].bound = Bound::Approx {
        value: 10.0,
        tolerance: Some(-0.1),
    };
    assert!(one(&ds, Severity::Error, "indicators[1].targets[1].tolerance").contains("negative"));
    let mut ds = rich();
    ds.indicators[5].unit = Unit::Other(String::new());
    assert!(one(&ds, Severity::Error, "indicators[5].unit").contains("unit is empty"));
    let mut ds = rich();
    ds.schema = "chitieu/0".into();
    assert!(one(&ds, Severity::Error, "schema").contains("expected \"chitieu/1\""));
}

#[test]
fn a_decrease_is_a_positive_amount() {
    let mut ds = rich();
    ds.indicators[3].targets[0] = Target {
        bound: Bound::Gte(-30.0),
        change: Some(Change::Decrease),
        deadline: Some(Period::Year(2025)),
        text: None,
    };
    let m = one(&ds, Severity::Warning, "indicators[3].targets[0].value");
    assert!(
        m.contains("a decrease is stated as a positive amount, got -30"),
        "{m}"
    );
}

#[test]
fn every_message_names_its_indicator() {
    let mut ds = rich();
    for ind in &mut ds.indicators {
        ind.targets.clear();
        ind.observations.push(obs(Period::Year(2030)));
    }
    for d in validate(&ds)
        .iter()
        .filter(|d| d.path.starts_with("indicators["))
    {
        assert!(d.message.starts_with("indicator '"), "{d:?}");
    }
    let json = serde_json::to_value(&validate(&ds)[0]).expect("serializes");
    assert_eq!(json["severity"], "warning");
}
