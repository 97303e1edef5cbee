//! `has_errors` (the checks alone, for the widgets' wasm) against `validate` (the checks
//! with their messages): the one says there is an error exactly when the other lists one.

mod load_common;
mod load_gen;

use std::path::PathBuf;

use chitieu_core::load::{has_errors, read_csv, read_json, validate};
use chitieu_core::{
    Baseline, Bound, Change, Dataset, Date, Indicator, Level, Observation, Period, Pillar, Plan,
    Source, Target, Unit, SCHEMA,
};
use load_common::RICH_JSON;
use load_gen::{date, name, number, period, target, text, token};
use proptest::prelude::*;
use proptest::sample::select;

fn agree(ds: &Dataset) -> Result<(), String> {
    let findings = validate(ds);
    let expected = findings.iter().any(|d| d.is_error());
    if has_errors(ds) == expected {
        Ok(())
    } else {
        Err(format!(
            "has_errors says {}, validate finds {findings:#?}",
            !expected
        ))
    }
}

fn rich() -> Dataset {
    read_json(RICH_JSON)
        .expect("the rich dataset reads")
        .dataset
}

// ---- every dataset the repository has ----

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_repository_dataset() {
    let mut read = 0;
    for dir in [
        "seeds",
        "tests/fixtures",
        "tests/pages",
        "tests/pages/embed",
        "crates/chitieu-cli/tests/data",
        "docs",
        "crates/chitieu-core/tests/fuzz",
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for f in files {
            let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
            let Ok(text) = std::fs::read_to_string(&f) else {
                continue;
            };
            let loaded = match ext {
                "json" => read_json(&text),
                "csv" => read_csv(&text),
                _ => continue,
            };
            // Files that do not read (on purpose) have nothing to validate.
            if let Ok(loaded) = loaded {
                read += 1;
                agree(&loaded.dataset).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            }
        }
    }
    assert!(read >= 8, "only {read} datasets read");
    agree(&rich()).unwrap();
    assert!(!has_errors(&rich()));
}

// ---- one mutation at a time, every kind ----

/// Numbers that are right somewhere and wrong elsewhere.
const NUMBERS: [f64; 12] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    0.0,
    -0.0,
    -1.0,
    0.5,
    95.9,
    100.0,
    150.0,
    1289.0,
    1e300,
];

const STRINGS: [&str; 6] = ["", " ", " x", "cqs", "cqs-01", "zz"];

/// How many kinds of [`Mutation`] there are.
const KINDS: u8 = 24;

/// One change of a dataset, towards or away from some finding. Each choice is taken
/// modulo what there is.
#[derive(Debug, Clone, Copy)]
struct Mutation {
    kind: u8,
    /// Which pillar or indicator.
    which: usize,
    /// Which target or observation of the indicator.
    item: usize,
    /// How: which variant, or whether to clear or copy.
    how: usize,
    /// Which number, string or period.
    value: usize,
}

impl Mutation {
    fn apply(self, ds: &mut Dataset) {
        let Mutation {
            kind, which, how, ..
        } = self;
        let s = STRINGS[self.value % STRINGS.len()].to_string();
        let pillars = ds.pillars.len().max(1);
        let indicators = ds.indicators.len().max(1);
        let pillar = ds.pillars.get_mut(which % pillars);
        match kind % KINDS {
            0 => ds.schema = if how % 2 == 0 { "chitieu/2" } else { SCHEMA }.into(),
            1 => ds.plan.id = s,
            2 => ds.plan.title = s,
            3 => {
                ds.as_of = (how % 3 != 0).then_some(Date {
                    year: 2020 + (self.value % 8) as i32,
                    month: 1 + (which % 12) as u8,
                    day: 1,
                })
            }
            4 => {
                if let Some(p) = pillar {
                    p.id = s;
                }
            }
            5 => {
                if let Some(p) = pillar {
                    p.weight = self.number();
                }
            }
            6 => {
                if let Some(p) = pillar {
                    p.name.vi = s;
                }
            }
            7 => match how % 3 {
                0 => ds.pillars.clear(),
                1 => ds.indicators.clear(),
                _ => {
                    if let Some(p) = ds.pillars.get(which % pillars).cloned() {
                        ds.pillars.push(p);
                    }
                }
            },
            8 => {
                if let Some(ind) = ds.indicators.get(which % indicators).cloned() {
                    ds.indicators.push(ind);
                }
            }
            _ => {
                if let Some(ind) = ds.indicators.get_mut(which % indicators) {
                    self.apply_to_indicator(ind, s);
                }
            }
        }
    }

    fn number(self) -> f64 {
        NUMBERS[self.value % NUMBERS.len()]
    }

    fn period(self) -> Period {
        [
            Period::Year(2023),
            Period::Year(2024),
            Period::Quarter(2024, 4),
            Period::Month(2024, 12),
            Period::Day(Date {
                year: 2024,
                month: 12,
                day: 31,
            }),
            Period::Year(2030),
        ][self.value % 6]
    }

    fn apply_to_indicator(self, ind: &mut Indicator, s: String) {
        let Mutation { kind, how, .. } = self;
        let num = self.number();
        let item = self.item % ind.targets.len().max(1);
        let target = ind.targets.get_mut(item);
        match kind % KINDS {
            9 => ind.id = s,
            10 => ind.name.vi = s,
            11 => {
                ind.unit = match how % 4 {
                    0 => Unit::Percent,
                    1 => Unit::Count,
                    2 => Unit::Other(String::new()),
                    _ => Unit::Other(" ".into()),
                }
            }
            12 => ind.pillar = (how % 4 != 0).then_some(s),
            13 => {
                if let Some(t) = target {
                    t.bound = match how % 7 {
                        0 => Bound::Gte(num),
                        1 => Bound::Lt(num),
                        2 => Bound::Range { min: num, max: 1.0 },
                        3 => Bound::Range { min: 1.0, max: num },
                        4 => Bound::Approx {
                            value: num,
                            tolerance: None,
                        },
                        5 => Bound::Approx {
                            value: 1.0,
                            tolerance: Some(num),
                        },
                        _ => Bound::Eq(num),
                    }
                }
            }
            14 => {
                if let Some(t) = target {
                    t.change = [None, Some(Change::Increase), Some(Change::Decrease)][how % 3];
                }
            }
            15 => {
                if let Some(t) = target {
                    t.deadline = (how % 4 != 0).then_some(self.period());
                }
            }
            16 => match how % 3 {
                0 => ind.targets.clear(),
                _ => ind.targets.push(Target {
                    bound: Bound::Gte(num),
                    change: None,
                    deadline: Some(self.period()),
                    text: None,
                }),
            },
            17 => {
                ind.baseline = (how % 4 != 0).then_some(Baseline {
                    period: self.period(),
                    value: num,
                })
            }
            18..=22 => {
                if ind.observations.is_empty() {
                    ind.observations.push(Observation {
                        period: Period::Year(2024),
                        value: Some(1.0),
                        numerator: None,
                        denominator: None,
                        reported: None,
                        note: None,
                    });
                }
                let item = self.item % ind.observations.len();
                let o = &mut ind.observations[item];
                let opt = (how % 4 != 0).then_some(num);
                match kind % KINDS {
                    18 => o.value = opt,
                    19 => o.numerator = opt,
                    20 => o.denominator = opt,
                    21 => o.reported = opt,
                    _ => o.period = self.period(),
                }
            }
            _ => match how % 3 {
                0 => ind.observations.clear(),
                _ => {
                    let item = self.item % ind.observations.len().max(1);
                    if let Some(o) = ind.observations.get(item).cloned() {
                        ind.observations.push(o);
                    }
                }
            },
        }
    }
}

#[test]
fn every_single_mutation_of_the_rich_dataset() {
    let base = rich();
    let (mut with_errors, mut without) = (0, 0);
    for kind in 0..KINDS {
        for which in 0..3 {
            for item in 0..3 {
                for how in 0..7 {
                    for value in 0..NUMBERS.len() {
                        let m = Mutation {
                            kind,
                            which,
                            item,
                            how,
                            value,
                        };
                        let mut ds = base.clone();
                        m.apply(&mut ds);
                        agree(&ds).unwrap_or_else(|e| panic!("{m:?}: {e}"));
                        if has_errors(&ds) {
                            with_errors += 1;
                        } else {
                            without += 1;
                        }
                    }
                }
            }
        }
    }
    // Both answers are well represented.
    assert!(
        with_errors > 2000 && without > 2000,
        "{with_errors} with errors, {without} without"
    );
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (any::<u8>(), 0usize..6, 0usize..4, 0usize..12, 0usize..12).prop_map(
        |(kind, which, item, how, value)| Mutation {
            kind,
            which,
            item,
            how,
            value,
        },
    )
}

// ---- generated datasets, mutated (generators as in `load_props.rs`) ----

/// Mostly valid, so that the mutations decide: a value, or a ratio, and now and then a
/// printed figure.
fn observation() -> impl Strategy<Value = Observation> {
    (
        period(),
        prop_oneof![
            number().prop_map(|v| (Some(v), None, None)),
            (number(), 1u32..5000).prop_map(|(n, d)| (None, Some(n.abs()), Some(f64::from(d)))),
            (number(), number(), 1u32..5000).prop_map(|(v, n, d)| (
                Some(v),
                Some(n.abs()),
                Some(f64::from(d))
            )),
        ],
        proptest::option::of(number()),
    )
        .prop_map(
            |(period, (value, numerator, denominator), reported)| Observation {
                period,
                value,
                numerator,
                denominator,
                reported,
                note: None,
            },
        )
}

fn indicator() -> impl Strategy<Value = Indicator> {
    let unit = select(vec![
        Unit::Percent,
        Unit::Percent,
        Unit::Count,
        Unit::Vnd,
        Unit::Other("Mb/s".into()),
    ]);
    (
        (
            token(),
            proptest::option::of(prop_oneof![9 => Just("p0".to_string()), 1 => token()]),
            name(),
            unit,
        ),
        (
            proptest::collection::vec(target(), 0..4),
            proptest::option::of(
                (period(), number()).prop_map(|(period, value)| Baseline { period, value }),
            ),
            proptest::collection::vec(observation(), 0..4),
        ),
    )
        .prop_map(
            |((id, pillar, name, unit), (targets, baseline, observations))| Indicator {
                id,
                key: None,
                pillar,
                name,
                unit,
                level: Some(Level::Province),
                owner: None,
                targets,
                baseline,
                observations,
                source: Some(Source {
                    document: None,
                    section: None,
                    page: None,
                    row: None,
                }),
                note: None,
            },
        )
}

fn dataset() -> impl Strategy<Value = Dataset> {
    let plan = (token(), text()).prop_map(|(id, title)| Plan {
        id,
        title,
        region: None,
        issuer: None,
        document: None,
        date: None,
        url: None,
    });
    let pillar = (name(), number()).prop_map(|(name, weight)| Pillar {
        id: String::new(),
        name,
        weight: weight.abs(),
    });
    (
        plan,
        proptest::option::of(date()),
        proptest::collection::vec(pillar, 0..4),
        proptest::collection::vec(indicator(), 0..5),
    )
        .prop_map(|(plan, as_of, mut pillars, mut indicators)| {
            for (i, p) in pillars.iter_mut().enumerate() {
                p.id = format!("p{i}");
            }
            for (i, ind) in indicators.iter_mut().enumerate() {
                ind.id = format!("{}-{i}", ind.id);
            }
            Dataset {
                quarantined: Vec::new(),
                tasks: Vec::new(),
                quarantined_tasks: Vec::new(),
                schema: SCHEMA.to_string(),
                plan,
                as_of,
                pillars,
                indicators,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn mutated_datasets(
        ds in dataset(),
        rich_base in any::<bool>(),
        muts in proptest::collection::vec(mutation(), 0..5),
    ) {
        let mut ds = if rich_base { rich() } else { ds };
        for m in muts {
            m.apply(&mut ds);
        }
        agree(&ds).map_err(TestCaseError::fail)?;
    }
}
