//! Properties: no input makes loading panic, and every dataset survives writing and
//! reading back, in both forms.

mod load_common;

use chitieu_core::load::{
    guard_formula, load_auto, load_csv, load_json, read_csv, read_json, to_csv, to_json,
    unguard_formula, validate,
};
use chitieu_core::{
    Baseline, Bound, Change, Dataset, Date, Due, Every, Indicator, Level, Observation, Period,
    Pillar, Plan, Source, Target, Task, TaskStatus, Text, Unit, Update, SCHEMA,
};
use load_common::RICH_JSON;
use proptest::prelude::*;
use proptest::sample::select;

/// Loads `text` every way there is; only a panic fails.
fn load_every_way(text: &str) {
    let _ = load_json(text);
    let _ = load_csv(text);
    let _ = load_auto(text, None);
    let _ = load_auto(text, Some("x.csv"));
    if let Ok(l) = read_json(text) {
        let _ = validate(&l.dataset);
        let _ = to_csv(&l.dataset);
    }
    if let Ok(l) = read_csv(text) {
        let _ = validate(&l.dataset);
        let _ = to_json(&l.dataset);
    }
    if let Err(e) = load_json(text) {
        let _ = e.to_string();
        let _ = e.diagnostics();
    }
    if let Err(e) = load_csv(text) {
        let _ = e.to_string();
    }
}

/// One edit of a document.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, char),
    Duplicate(usize, usize),
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let n = chars.len().max(1);
        match *e {
            Edit::Delete(at, len) => {
                let at = at % n;
                let end = (at + len).min(chars.len());
                if at < end {
                    chars.drain(at..end);
                }
            }
            Edit::Insert(at, c) => chars.insert((at % n).min(chars.len()), c),
            Edit::Duplicate(at, len) => {
                let at = (at % n).min(chars.len());
                let end = (at + len).min(chars.len());
                let piece: Vec<char> = chars[at..end].to_vec();
                chars.splice(at..at, piece);
            }
        }
    }
    chars.into_iter().collect()
}

fn edit() -> impl Strategy<Value = Edit> {
    let structural = select(vec![
        '{', '}', '[', ']', '"', ',', ';', ':', '\n', '\r', '\\', '#', '0', '-', '.', 'e', ' ',
        'ế', '\u{feff}', '\t',
    ]);
    prop_oneof![
        (any::<usize>(), 0usize..20).prop_map(|(a, l)| Edit::Delete(a, l)),
        (any::<usize>(), structural).prop_map(|(a, c)| Edit::Insert(a, c)),
        (any::<usize>(), any::<char>()).prop_map(|(a, c)| Edit::Insert(a, c)),
        (any::<usize>(), 0usize..60).prop_map(|(a, l)| Edit::Duplicate(a, l)),
    ]
}

// ---- generated datasets ----

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000_000i64..1_000_000_000, 0i32..5).prop_map(|(n, k)| n as f64 / 10f64.powi(k)),
        select(vec![0.0, 100.0, 95.9, 1_428_322_000_000.0, 0.000_001, 1e15]),
    ]
}

fn year() -> impl Strategy<Value = i32> {
    1990i32..2100
}

fn date() -> impl Strategy<Value = Date> {
    (year(), 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date {
        year: y,
        month: m,
        day: d,
    })
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        year().prop_map(Period::Year),
        (year(), 1u8..=4).prop_map(|(y, q)| Period::Quarter(y, q)),
        (year(), 1u8..=12).prop_map(|(y, m)| Period::Month(y, m)),
        date().prop_map(Period::Day),
    ]
}

/// Free text that is not blank (blank optional text reads back as absent), sometimes
/// starting as a spreadsheet formula would (behind apostrophes of its own).
fn text() -> impl Strategy<Value = String> {
    "('{0,2}[=+@\t\r-])?[a-zA-Z0-9 ,;\"'#\n.%/()=+@\t\r-]{0,12}[a-zA-Zà-ỹĐđ0-9]"
}

/// Any text, for required fields such as names.
fn any_text() -> impl Strategy<Value = String> {
    "('{0,2}[=+@\t\r-])?[a-zA-Zà-ỹ0-9 ,;\"'\n=+@\t\r-]{0,16}"
}

/// An id, a key or a unit: read with outer spaces removed, so none here.
fn token() -> impl Strategy<Value = String> {
    "[=+@'-]?[a-z][a-z0-9_-]{0,6}"
}

/// Any string, and strings shaped like the edges of the formula guard: apostrophes, a
/// trigger, a `-` before a number or not.
fn wild_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "'{0,3}[=+@\t\r-]?[-0-9.,%a-z' =]{0,6}",]
}

/// Every free-text field of a dataset (required, then optional), to fill from
/// [`wild_text`].
fn text_fields(ds: &mut Dataset) -> (Vec<&mut String>, Vec<&mut Option<String>>) {
    let p = &mut ds.plan;
    let mut required = vec![&mut p.title];
    let mut optional = vec![
        &mut p.region,
        &mut p.issuer,
        &mut p.document,
        &mut p.date,
        &mut p.url,
    ];
    for pillar in &mut ds.pillars {
        required.push(&mut pillar.name.vi);
        optional.push(&mut pillar.name.en);
    }
    for ind in &mut ds.indicators {
        required.push(&mut ind.name.vi);
        optional.extend([&mut ind.name.en, &mut ind.owner, &mut ind.note]);
        if let Some(s) = &mut ind.source {
            optional.extend([&mut s.document, &mut s.section]);
        }
        optional.extend(ind.targets.iter_mut().map(|t| &mut t.text));
        optional.extend(ind.observations.iter_mut().map(|o| &mut o.note));
    }
    for t in &mut ds.tasks {
        required.push(&mut t.name.vi);
        optional.extend([&mut t.name.en, &mut t.output, &mut t.note]);
        if let Some(d) = &mut t.due {
            optional.push(&mut d.text);
        }
        optional.extend(
            t.updates
                .iter_mut()
                .flat_map(|u| [&mut u.note, &mut u.evidence_url]),
        );
    }
    (required, optional)
}

fn name() -> impl Strategy<Value = Text> {
    (any_text(), proptest::option::of(text())).prop_map(|(vi, en)| Text { vi, en })
}

fn target() -> impl Strategy<Value = Target> {
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
            proptest::option::of(select(vec![0.0, 0.05, 0.1, 0.25]))
        )
            .prop_map(|(value, tolerance)| Bound::Approx { value, tolerance }),
    ];
    let change = proptest::option::of(select(vec![Change::Increase, Change::Decrease]));
    (
        bound,
        change,
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

fn observation() -> impl Strategy<Value = Observation> {
    let n = || proptest::option::of(number());
    (period(), n(), n(), n(), n(), proptest::option::of(text())).prop_map(
        |(period, value, numerator, denominator, reported, note)| Observation {
            period,
            value,
            numerator,
            denominator,
            reported,
            note,
        },
    )
}

fn indicator() -> impl Strategy<Value = Indicator> {
    let unit = prop_oneof![
        Just(Unit::Percent),
        Just(Unit::Count),
        Just(Unit::Vnd),
        select(vec!["Mb/s", "per_week", "người"]).prop_map(|u| Unit::Other(u.to_string())),
    ];
    let level = proptest::option::of(select(vec![
        Level::Province,
        Level::District,
        Level::Commune,
    ]));
    let source = proptest::option::of(
        (
            text(),
            proptest::option::of(text()),
            proptest::option::of(0u32..500),
            proptest::option::of(text()),
        )
            .prop_map(|(d, section, page, row)| Source {
                document: Some(d),
                section,
                page,
                row,
            }),
    );
    let baseline = proptest::option::of(
        (period(), number()).prop_map(|(period, value)| Baseline { period, value }),
    );
    (
        (
            token(),
            proptest::option::of(token()),
            proptest::option::of(token()),
            name(),
            unit,
            level,
        ),
        (
            proptest::option::of(text()),
            proptest::collection::vec(target(), 0..4),
            baseline,
            proptest::collection::vec(observation(), 0..4),
            source,
            proptest::option::of(text()),
        ),
    )
        .prop_map(
            |(
                (id, key, pillar, name, unit, level),
                (owner, targets, baseline, observations, source, note),
            )| {
                Indicator {
                    id,
                    key,
                    pillar,
                    name,
                    unit,
                    level,
                    owner,
                    targets,
                    baseline,
                    observations,
                    source,
                    note,
                }
            },
        )
}

/// A unit name, a heading or an id in a list cell: trimmed, without the separators the
/// CSV form joins lists with (`;`, `›`).
fn list_item() -> impl Strategy<Value = String> {
    "[A-Za-zà-ỹĐđ][A-Za-zà-ỹĐđ0-9 ,.&()/-]{0,10}[A-Za-z0-9)]"
}

fn task() -> impl Strategy<Value = Task> {
    let items = || proptest::collection::vec(list_item(), 0..3);
    let due = (
        proptest::option::of(text()),
        proptest::option::of(period()),
        proptest::option::of(period()),
        proptest::bool::ANY,
    )
        .prop_map(|(text, period, start, yearly)| Due {
            text,
            period,
            start,
            every: yearly.then_some(Every::Year),
        });
    let update = (
        date(),
        select(TaskStatus::ALL.to_vec()),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(|(date, status, note, evidence_url)| Update {
            date,
            status,
            note,
            evidence_url,
        });
    let source = (
        proptest::option::of(text()),
        proptest::option::of(0u32..500),
        proptest::option::of(text()),
    )
        .prop_map(|(section, page, row)| Source {
            document: Some("Phụ lục III".into()),
            section,
            page,
            row,
        });
    (
        (
            token(),
            items(),
            proptest::option::of(token()),
            name(),
            items(),
            items(),
        ),
        (
            proptest::option::of(text()),
            proptest::option::of(due),
            proptest::collection::vec(token(), 0..3),
            proptest::option::of(source),
            proptest::option::of(text()),
            proptest::collection::vec(update, 0..3),
        ),
    )
        .prop_map(
            |(
                (id, group, pillar, name, lead, partners),
                (output, due, indicators, source, note, updates),
            )| Task {
                id,
                group,
                pillar,
                name,
                lead,
                partners,
                output,
                // A due with nothing in it is no due in CSV.
                due: due.filter(|d| {
                    d.text.is_some() || d.period.is_some() || d.start.is_some() || d.every.is_some()
                }),
                indicators,
                source,
                note,
                updates,
            },
        )
}

fn dataset() -> impl Strategy<Value = Dataset> {
    let o = || proptest::option::of(text());
    let plan = (token(), any_text(), o(), o(), o(), o(), o()).prop_map(
        |(id, title, region, issuer, document, date, url)| Plan {
            id,
            title,
            region,
            issuer,
            document,
            date,
            url,
        },
    );
    let pillar =
        (token(), name(), number()).prop_map(|(id, name, weight)| Pillar { id, name, weight });
    (
        plan,
        proptest::option::of(date()),
        proptest::collection::vec(pillar, 0..4),
        proptest::collection::vec(indicator(), 0..5),
        proptest::collection::vec(task(), 0..3),
    )
        .prop_map(|(plan, as_of, pillars, mut indicators, mut tasks)| {
            // Indicator and task ids are unique, as CSV rows attach to them by id.
            for (i, ind) in indicators.iter_mut().enumerate() {
                ind.id = format!("{}-{i}", ind.id);
            }
            for (i, t) in tasks.iter_mut().enumerate() {
                t.id = format!("{}-{i}", t.id);
            }
            Dataset {
                quarantined: Vec::new(),
                tasks,
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
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        load_every_way(&s);
    }

    #[test]
    fn json_and_csv_shaped_text_never_panics(s in "[\\{\\}\\[\\]\",:;0-9a-z_ \n.\\-#%/]{0,300}") {
        load_every_way(&s);
        load_every_way(&format!("record,id,period,value,op,min,max,unit,name\n{s}"));
        load_every_way(&format!("{{\"schema\":\"chitieu/1\",{s}"));
    }

    #[test]
    fn mutated_json_never_panics(edits in proptest::collection::vec(edit(), 1..6)) {
        load_every_way(&apply(RICH_JSON, &edits));
    }

    #[test]
    fn mutated_csv_never_panics(edits in proptest::collection::vec(edit(), 1..6)) {
        let csv = to_csv(&load_json(RICH_JSON).map(|l| l.dataset).map_err(|e| TestCaseError::fail(e.to_string()))?);
        load_every_way(&apply(&csv, &edits));
        load_every_way(&apply(&csv.replace(',', ";"), &edits));
    }

    #[test]
    fn every_dataset_round_trips_through_json(ds in dataset()) {
        let back = read_json(&to_json(&ds)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.dataset, ds);
    }

    #[test]
    fn the_formula_guard_is_safe_and_lossless(s in wild_text()) {
        let cell = guard_formula(s.clone());
        prop_assert_eq!(unguard_formula(&cell), s.as_str());
        // What a spreadsheet sees never starts a formula.
        let safe = match cell.split_at_checked(1) {
            Some(("=" | "+" | "@" | "\t" | "\r", _)) => false,
            Some(("-", number)) => number.starts_with(|c: char| c.is_ascii_digit())
                && number.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%')),
            _ => true,
        };
        prop_assert!(safe, "{:?} is written {:?}", s, cell);
    }

    /// Any string in any text field survives JSON → CSV → JSON (blank optional text
    /// reads back as absent, so it is generated as absent).
    #[test]
    fn any_text_in_any_text_field_round_trips(
        mut ds in dataset(),
        texts in proptest::collection::vec(wild_text(), 1..40),
    ) {
        let mut texts = texts.into_iter().cycle();
        let (required, optional) = text_fields(&mut ds);
        for field in required {
            *field = texts.next().unwrap_or_default();
        }
        for field in optional {
            *field = texts.next().filter(|t| !t.trim().is_empty());
        }
        // A source left with nothing in it is no source in CSV (one row has no place
        // for an empty one), so it is generated as none.
        for ind in &mut ds.indicators {
            if ind
                .source
                .as_ref()
                .is_some_and(|s| s.document.is_none() && s.section.is_none() && s.page.is_none() && s.row.is_none())
            {
                ind.source = None;
            }
        }
        // Likewise a due left with nothing in it.
        for t in &mut ds.tasks {
            if t.due.as_ref().is_some_and(|d| {
                d.text.is_none() && d.period.is_none() && d.start.is_none() && d.every.is_none()
            }) {
                t.due = None;
            }
        }
        let json = to_json(&ds);
        let from_json = read_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let csv = to_csv(&from_json.dataset);
        let back = read_csv(&csv).map_err(|e| TestCaseError::fail(format!("{e}\n{csv}")))?;
        prop_assert_eq!(&back.dataset, &ds);
        prop_assert_eq!(to_json(&back.dataset), json);
    }

    #[test]
    fn every_dataset_round_trips_through_csv(ds in dataset()) {
        let csv = to_csv(&ds);
        let back = read_csv(&csv).map_err(|e| TestCaseError::fail(format!("{e}\n{csv}")))?;
        prop_assert_eq!(&back.dataset, &ds);
        prop_assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        // And through both: JSON → CSV → JSON gives the same JSON text.
        prop_assert_eq!(to_json(&back.dataset), to_json(&ds));
    }
}
