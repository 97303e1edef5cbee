//! Generators shared by the property tests that compare two readers or two validators
//! (`load_lean`, `load_has_errors`): values as the format allows them, with the edge
//! cases each comparison found worth having (negative zero, 16-digit fractions, large and
//! tiny figures). `load_props` keeps its own, shaped for round trips.
#![allow(dead_code)]

use chitieu_core::{Bound, Change, Date, Period, Target, Text};
use proptest::prelude::*;
use proptest::sample::select;

pub fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000_000i64..1_000_000_000, 0i32..5).prop_map(|(n, k)| n as f64 / 10f64.powi(k)),
        select(vec![
            0.0,
            -0.0,
            100.0,
            95.9,
            93.333_333_333_333_33,
            1_428_322_000_000.0,
            0.000_001,
            1e15,
        ]),
    ]
}

pub fn date() -> impl Strategy<Value = Date> {
    (1990i32..2100, 1u8..=12, 1u8..=28).prop_map(|(year, month, day)| Date { year, month, day })
}

pub fn period() -> impl Strategy<Value = Period> {
    let year = || 1990i32..2100;
    prop_oneof![
        year().prop_map(Period::Year),
        (year(), 1u8..=4).prop_map(|(y, q)| Period::Quarter(y, q)),
        (year(), 1u8..=12).prop_map(|(y, m)| Period::Month(y, m)),
        date().prop_map(Period::Day),
    ]
}

pub fn text() -> impl Strategy<Value = String> {
    "[a-zA-Zà-ỹ0-9 %/-]{0,8}"
}

pub fn token() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,4}"
}

pub fn name() -> impl Strategy<Value = Text> {
    (text(), proptest::option::of(text())).prop_map(|(vi, en)| Text { vi, en })
}

pub fn target() -> impl Strategy<Value = Target> {
    let bound = prop_oneof![
        number().prop_map(Bound::Gte),
        number().prop_map(Bound::Gt),
        number().prop_map(Bound::Lte),
        number().prop_map(Bound::Lt),
        number().prop_map(Bound::Eq),
        (number(), number()).prop_map(|(a, b)| Bound::Range {
            min: a.min(b),
            max: a.max(b)
        }),
        (
            number(),
            proptest::option::of(select(vec![0.0, 0.05, 0.25]))
        )
            .prop_map(|(value, tolerance)| Bound::Approx { value, tolerance }),
    ];
    (
        bound,
        proptest::option::of(select(vec![Change::Increase, Change::Decrease])),
        proptest::option::of(period()),
        proptest::option::of(text()),
    )
        .prop_map(|(bound, change, deadline, text)| Target {
            bound,
            change,
            deadline,
            text,
        })
}
