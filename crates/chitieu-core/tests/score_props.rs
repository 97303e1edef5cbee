//! Properties of scoring: monotonic attainment, and no panic, NaN or infinity for any
//! finite input.

use chitieu_core::score::{score_dataset, score_indicator, IndicatorScore, ScoreConfig, Status};
use chitieu_core::{
    Baseline, Bound, Change, Dataset, Date, Indicator, Observation, Period, Pillar, Plan, Target,
    Text, Unit,
};
use proptest::prelude::*;

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(-0.0),
        -1e3..1e3f64,
        0.0..200.0f64,
        -1e300..1e300f64,
        Just(f64::MAX),
        Just(f64::MIN),
        Just(f64::MIN_POSITIVE),
        Just(1e-300),
    ]
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (2015..2032i32).prop_map(Period::Year),
        (2015..2032i32, 1..=4u8).prop_map(|(y, q)| Period::Quarter(y, q)),
        (2015..2032i32, 1..=12u8).prop_map(|(y, m)| Period::Month(y, m)),
        (2015..2032i32, 1..=12u8, 1..=28u8).prop_map(|(y, m, d)| Period::Day(Date {
            year: y,
            month: m,
            day: d
        })),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (2015..2033i32, 1..=12u8, 1..=28u8).prop_map(|(year, month, day)| Date { year, month, day })
}

fn bound() -> impl Strategy<Value = Bound> {
    prop_oneof![
        value().prop_map(Bound::Gte),
        value().prop_map(Bound::Gt),
        value().prop_map(Bound::Lte),
        value().prop_map(Bound::Lt),
        value().prop_map(Bound::Eq),
        (value(), value()).prop_map(|(a, b)| Bound::Range {
            min: a.min(b),
            max: a.max(b)
        }),
        (value(), proptest::option::of(0.0..1.0f64))
            .prop_map(|(value, tolerance)| Bound::Approx { value, tolerance }),
    ]
}

fn target() -> impl Strategy<Value = Target> {
    (
        bound(),
        proptest::option::of(prop_oneof![Just(Change::Increase), Just(Change::Decrease)]),
        proptest::option::of(period()),
    )
        .prop_map(|(bound, change, deadline)| Target {
            bound,
            change,
            deadline,
            text: None,
        })
}

fn observation() -> impl Strategy<Value = Observation> {
    (
        period(),
        prop_oneof![
            value().prop_map(|v| (Some(v), None, None)),
            (value(), value()).prop_map(|(n, d)| (None, Some(n), Some(d))),
        ],
    )
        .prop_map(|(period, (value, numerator, denominator))| Observation {
            period,
            value,
            numerator,
            denominator,
            reported: None,
            note: None,
        })
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        proptest::collection::vec(target(), 0..4),
        proptest::collection::vec(observation(), 0..5),
        proptest::option::of((period(), value())),
        prop_oneof![Just(Unit::Percent), Just(Unit::Count)],
        proptest::option::of(prop_oneof![Just("a".to_string()), Just("b".to_string())]),
    )
        .prop_map(
            |(targets, observations, baseline, unit, pillar)| Indicator {
                id: "i".into(),
                key: None,
                pillar,
                name: Text::default(),
                unit,
                level: None,
                owner: None,
                targets,
                baseline: baseline.map(|(period, value)| Baseline { period, value }),
                observations,
                source: None,
                note: None,
            },
        )
}

fn all_finite(s: &IndicatorScore) -> bool {
    [
        s.latest.map(|l| l.value),
        s.baseline.map(|b| b.value),
        s.attainment,
        s.capped_attainment,
        s.gap,
        s.progress_ratio,
        s.expected_now,
    ]
    .iter()
    .flatten()
    .all(|x| x.is_finite())
}

fn single(bound: Bound, x: f64) -> Indicator {
    Indicator {
        id: "m".into(),
        key: None,
        pillar: None,
        name: Text::default(),
        unit: Unit::Count,
        level: None,
        owner: None,
        targets: vec![Target {
            bound,
            change: None,
            deadline: Some(Period::Year(2025)),
            text: None,
        }],
        baseline: None,
        observations: vec![Observation {
            period: Period::Year(2023),
            value: Some(x),
            numerator: None,
            denominator: None,
            reported: None,
            note: None,
        }],
        source: None,
        note: None,
    }
}

proptest! {
    // No persistence file: failures are reported with their minimal input instead.
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn larger_actual_never_lowers_increasing_attainment(
        v in 1e-6..1e9f64,
        a in -1e9..1e9f64,
        b in -1e9..1e9f64,
        strict in any::<bool>(),
    ) {
        let (lo, hi) = (a.min(b), a.max(b));
        let bound = if strict { Bound::Gt(v) } else { Bound::Gte(v) };
        let as_of = Date { year: 2024, month: 6, day: 30 };
        let cfg = ScoreConfig::default();
        let s_lo = score_indicator(&single(bound, lo), as_of, &cfg);
        let s_hi = score_indicator(&single(bound, hi), as_of, &cfg);
        let (Some(a_lo), Some(a_hi)) = (s_lo.attainment, s_hi.attainment) else {
            return Err(TestCaseError::fail("attainment of a positive target must exist"));
        };
        prop_assert!(a_lo <= a_hi, "{lo} → {a_lo}, {hi} → {a_hi}");
        prop_assert!(s_lo.capped_attainment <= s_hi.capped_attainment);
        prop_assert!(!(s_lo.achieved == Some(true) && s_hi.achieved == Some(false)));
    }

    #[test]
    fn finite_inputs_give_finite_outputs(ind in indicator(), as_of in date()) {
        let s = score_indicator(&ind, as_of, &ScoreConfig::default());
        prop_assert!(all_finite(&s), "{s:?}");
        if let Some(c) = s.capped_attainment {
            prop_assert!((0.0..=1.0).contains(&c));
        }
        // Status agrees with the other fields.
        prop_assert_eq!(s.status == Status::NoData, s.latest.is_none());
        prop_assert_eq!(s.status == Status::Achieved, s.achieved == Some(true));
        if s.achieved == Some(true) {
            prop_assert_eq!(s.capped_attainment, Some(1.0));
        }
        prop_assert!(serde_json::to_string(&s).is_ok());
    }

    #[test]
    fn finite_datasets_aggregate_finitely(
        indicators in proptest::collection::vec(indicator(), 0..6),
        weights in proptest::collection::vec(value(), 0..3),
        as_of in date(),
    ) {
        let ds = Dataset {
            quarantined: Vec::new(),
            tasks: Vec::new(),
            quarantined_tasks: Vec::new(),
            schema: "chitieu/1".into(),
            plan: Plan::default(),
            as_of: None,
            pillars: weights
                .iter()
                .zip(["a", "b", "c"])
                .map(|(&weight, id)| Pillar { id: id.into(), name: Text::default(), weight })
                .collect(),
            indicators,
        };
        let s = score_dataset(&ds, as_of, &ScoreConfig::default());
        let o = &s.overall;
        for x in [o.coverage, o.score, o.points, o.max_points_scored].iter().flatten() {
            prop_assert!(x.is_finite());
        }
        if let Some(score) = o.score {
            prop_assert!((0.0..=1.0).contains(&score));
        }
        for p in &s.pillars {
            prop_assert!(p.weight.is_finite() && p.weight >= 0.0);
            for x in [p.coverage, p.score, p.points].iter().flatten() {
                prop_assert!(x.is_finite());
            }
        }
        prop_assert_eq!(s.statuses.total(), ds.indicators.len());
        prop_assert_eq!(s.pillars.iter().map(|p| p.total).sum::<usize>(), ds.indicators.len());
        prop_assert!(s.indicators.iter().all(all_finite));
        prop_assert!(serde_json::to_string(&s).is_ok());
    }
}
