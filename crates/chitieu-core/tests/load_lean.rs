//! The lean reader (`load::lean`) against serde: it reads a dataset only where
//! `read_json` reads the same one, and `lean::load` succeeds only where `load_json` does.
//!
//! Two views of a parsed value are tested. [`Exact`] knows how each number was written,
//! as `serde_json::Value` does, and must agree with serde both ways (except for the
//! forms the reader refuses on purpose, tested by name below). [`Js`] sees what
//! `JSON.parse` leaves (numbers are only doubles, repeated keys all present, infinities
//! possible) and may only ever be stricter.

mod load_common;
mod load_gen;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use chitieu_core::load::lean::{self, Value};
use chitieu_core::load::{load_json, read_json, to_json};
use chitieu_core::{
    Baseline, Dataset, Date, Indicator, Level, Observation, Pillar, Plan, Source, Unit, SCHEMA,
};
use load_common::RICH_JSON;
use load_gen::{name, number, period, target, text, token};
use proptest::prelude::*;
use proptest::sample::select;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{json, Value as J};

// ---- the two views ----

/// `serde_json::Value`, which keeps whether a number was an integer literal.
#[derive(Clone, Copy)]
struct Exact<'a>(&'a J);

impl Value for Exact<'_> {
    fn as_str(&self) -> Option<String> {
        self.0.as_str().map(str::to_string)
    }
    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn as_int_literal(&self) -> Option<u64> {
        self.0.as_u64()
    }
    fn is_null(&self) -> bool {
        self.0.is_null()
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.0.as_array().map(|a| a.iter().map(Exact).collect())
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        self.0
            .as_object()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), Exact(v))).collect())
    }
}

/// What `JSON.parse` gives: doubles only, and an object's entries as listed (a test
/// may repeat a key, as a text can).
#[derive(Debug, Clone, PartialEq)]
enum Js {
    Null,
    Bool,
    Num(f64),
    Str(String),
    Arr(Vec<Js>),
    Obj(Vec<(String, Js)>),
}

impl From<&J> for Js {
    fn from(v: &J) -> Js {
        match v {
            J::Null => Js::Null,
            J::Bool(_) => Js::Bool,
            J::Number(n) => Js::Num(n.as_f64().unwrap_or(f64::NAN)),
            J::String(s) => Js::Str(s.clone()),
            J::Array(a) => Js::Arr(a.iter().map(Js::from).collect()),
            J::Object(o) => Js::Obj(o.iter().map(|(k, v)| (k.clone(), v.into())).collect()),
        }
    }
}

impl Value for Js {
    fn as_str(&self) -> Option<String> {
        match self {
            Js::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
    fn as_f64(&self) -> Option<f64> {
        match self {
            Js::Num(x) => Some(*x),
            _ => None,
        }
    }
    fn is_null(&self) -> bool {
        *self == Js::Null
    }
    fn items(&self) -> Option<Vec<Self>> {
        match self {
            Js::Arr(a) => Some(a.clone()),
            _ => None,
        }
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        match self {
            Js::Obj(o) => Some(o.clone()),
            _ => None,
        }
    }
}

impl Js {
    /// The value at `path` (keys, or indices for arrays); panics if there is none.
    fn at(&mut self, path: &[&str]) -> &mut Js {
        let Some((first, rest)) = path.split_first() else {
            return self;
        };
        let next = match self {
            Js::Obj(o) => o.iter_mut().find(|(k, _)| k == first).map(|(_, v)| v),
            Js::Arr(a) => first.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
            _ => None,
        };
        next.unwrap_or_else(|| panic!("no {first}")).at(rest)
    }
}

// ---- serde's answers ----

fn serde_read(text: &str) -> Option<Dataset> {
    read_json(text).ok().map(|l| l.dataset)
}

fn serde_load(text: &str) -> Option<Dataset> {
    load_json(text).ok().map(|l| l.dataset)
}

/// Whether some object in `text` (valid JSON) repeats a key. Serde refuses those;
/// `JSON.parse` keeps the last silently, so the page must check the text itself.
fn has_duplicate_keys(text: &str) -> bool {
    struct NoDup;
    impl<'de> Deserialize<'de> for NoDup {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = NoDup;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("JSON")
                }
                fn visit_bool<E>(self, _: bool) -> Result<NoDup, E> {
                    Ok(NoDup)
                }
                fn visit_u64<E>(self, _: u64) -> Result<NoDup, E> {
                    Ok(NoDup)
                }
                fn visit_i64<E>(self, _: i64) -> Result<NoDup, E> {
                    Ok(NoDup)
                }
                fn visit_f64<E>(self, _: f64) -> Result<NoDup, E> {
                    Ok(NoDup)
                }
                fn visit_str<E>(self, _: &str) -> Result<NoDup, E> {
                    Ok(NoDup)
                }
                fn visit_unit<E>(self) -> Result<NoDup, E> {
                    Ok(NoDup)
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<NoDup, A::Error> {
                    while s.next_element::<NoDup>()?.is_some() {}
                    Ok(NoDup)
                }
                fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<NoDup, A::Error> {
                    let mut seen = HashSet::new();
                    while let Some(k) = m.next_key::<String>()? {
                        if !seen.insert(k) {
                            return Err(serde::de::Error::custom("duplicate"));
                        }
                        m.next_value::<NoDup>()?;
                    }
                    Ok(NoDup)
                }
            }
            d.deserialize_any(V)
        }
    }
    serde_json::from_str::<NoDup>(text).is_err()
}

/// Same dataset, compared also as written JSON (which tells -0 from 0).
fn same(a: &Option<Dataset>, b: &Option<Dataset>) -> bool {
    a == b && a.as_ref().map(to_json) == b.as_ref().map(to_json)
}

/// The properties, for one text. Texts that are not JSON are the page's `JSON.parse`
/// failing, and never reach the lean reader.
fn check(text: &str) -> Result<(), TestCaseError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(parsed) = serde_json::from_str::<J>(body) else {
        return Ok(());
    };
    if has_duplicate_keys(body) {
        // The parsed value has lost the repeat, so the lean reader cannot see it.
        prop_assert!(serde_read(text).is_none(), "serde read repeated keys");
        return Ok(());
    }
    let (read, loaded) = (serde_read(text), serde_load(text));
    let exact = Exact(&parsed);
    let (lean_read, lean_loaded) = (lean::read(&exact), lean::load(&exact));
    prop_assert!(same(&lean_read, &read), "read differs:\n{text}");
    prop_assert!(same(&lean_loaded, &loaded), "load differs:\n{text}");

    // As the page sees it: never a dataset serde would not give.
    let js = Js::from(&parsed);
    for (lean, serde) in [(lean::read(&js), &read), (lean::load(&js), &loaded)] {
        if lean.is_some() {
            prop_assert!(same(&lean, serde), "JSON.parse view too lenient:\n{text}");
        }
    }
    Ok(())
}

fn checked(text: &str) {
    if let Err(e) = check(text) {
        panic!("{e}");
    }
}

// ---- every dataset the repository has ----

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|e| e == "json"));
    out.sort();
    out
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn every_repository_dataset_reads_as_serde_reads_it() {
    let mut files = Vec::new();
    for dir in [
        "seeds",
        "tests/fixtures",
        "tests/pages",
        "tests/pages/embed",
        "crates/chitieu-cli/tests/data",
        "docs",
        "crates/chitieu-core/tests/fuzz",
    ] {
        files.extend(json_files(dir));
    }
    assert!(files.len() >= 10, "{files:?}");
    let mut fast = 0;
    for f in &files {
        let text = read(f);
        checked(&text);
        let parsed: J = serde_json::from_str(&text).unwrap_or(J::Null);
        let loaded = serde_load(&text);
        // The repository's data needs no integer literals: the page's view reads it all.
        assert!(
            same(&lean::load(&Js::from(&parsed)), &loaded),
            "{}",
            f.display()
        );
        fast += usize::from(loaded.is_some());
    }
    assert!(fast >= 9, "only {fast} of {} files load", files.len());

    let format = read(&repo().join("docs/FORMAT.md"));
    for block in format.split("```json").skip(1) {
        checked(block.split("```").next().unwrap_or(""));
    }
    checked(RICH_JSON);
}

/// The inputs `tests/fuzz_regressions.rs` builds.
#[test]
fn fuzz_regression_inputs() {
    let mut broken = String::from(
        "{\"schema\": \"chitieu/1\", \"plan\": {\"id\": \"p\", \"title\": \"t\"},\n\"indicators\": [\n",
    );
    for i in 0..300 {
        broken.push_str(&format!(
            "{{\"id\": \"a{i}\", \"name\": \"n\", \"unit\": \"percent\", \"x\": 1}},\n"
        ));
    }
    broken.push_str("{\"id\": \"b\", \"name\": \"n\", \"unit\": \"percent\"}]}\n");
    checked(&broken);

    let pillars: Vec<String> = (0..300)
        .map(|i| format!("{{\"id\": \"p{i}\", \"name\": \"n\"}}"))
        .collect();
    let indicators = |pillar: &str| -> Vec<String> {
        (0..300)
            .map(|i| {
                format!("{{\"id\": \"a{i}\", \"name\": \"n\", \"unit\": \"count\", \"pillar\": \"{pillar}\"}}")
            })
            .collect()
    };
    for pillar in ["zz", "p7"] {
        let text = format!(
            "{{\"schema\": \"chitieu/1\", \"plan\": {{\"id\": \"p\", \"title\": \"t\"}},\n\"pillars\": [{}],\n\"indicators\": [{}]}}",
            pillars.join(",\n"),
            indicators(pillar).join(",\n")
        );
        checked(&text);
    }
    checked(
        r#"{"schema": "chitieu/1", "plan": {"id": "p", "title": "t"},
        "indicators": [{"id": "a", "name": "n", "unit": "percent",
          "targets": [{"op": "gte", "value": 90}],
          "observations": [{"period": "2024", "value": 93.33333333333333}]}]}"#,
    );
}

// ---- cases by name ----

const BASE: &str = r#"{"schema": "chitieu/1", "plan": {"id": "p", "title": "t"},
  "indicators": [{"id": "a", "name": "n", "unit": "percent", "targets": [{"op": "gte", "value": 1}]}]}"#;

/// BASE with the first indicator's `field` set to the JSON `value` (kept as written).
fn with(field: &str, value: &str) -> String {
    let mut v: J = serde_json::from_str(BASE).unwrap_or(J::Null);
    v["indicators"][0][field] = json!("@");
    serde_json::to_string(&v)
        .unwrap_or_default()
        .replacen("\"@\"", value, 1)
}

/// BASE with the first target replaced.
fn with_target(target: &str) -> String {
    BASE.replacen(r#"{"op": "gte", "value": 1}"#, target, 1)
}

fn lean_exact(text: &str) -> Option<Dataset> {
    let v: J = serde_json::from_str(text).unwrap_or(J::Null);
    lean::load(&Exact(&v))
}

fn lean_js(text: &str) -> Option<Dataset> {
    let v: J = serde_json::from_str(text).unwrap_or(J::Null);
    lean::load(&Js::from(&v))
}

#[test]
fn cases_agree_with_serde() {
    let cases = [
        with("source", r#"{"page": 4}"#),
        with("source", r#"{"page": 4.0}"#),
        with("source", r#"{"page": 4e0}"#),
        with("source", r#"{"page": -1}"#),
        with("source", r#"{"page": -0}"#),
        with("source", r#"{"page": 4294967295}"#),
        with("source", r#"{"page": 4294967296}"#),
        with("source", r#"{"page": "4"}"#),
        with("source", r#"{"page": null, "document": null}"#),
        with("source", "null"),
        with("source", "[]"),
        with("source", r#"["d"]"#),
        with("baseline", r#"{"period": 2023, "value": 1}"#),
        with("baseline", r#"{"period": 2023.0, "value": 1}"#),
        with("baseline", r#"{"period": 999, "value": 1}"#),
        with("baseline", r#"{"period": -2023, "value": 1}"#),
        with("baseline", r#"{"period": "2023-Q5", "value": 1}"#),
        with("baseline", r#"{"period": " 2023 ", "value": 1}"#),
        with("baseline", r#"{"period": "2023", "value": null}"#),
        with("observations", r#"[{"period": "2024-02-29", "value": -0}]"#),
        with("observations", r#"[{"period": "2023-02-29", "value": 1}]"#),
        with(
            "observations",
            r#"[{"period": "2024", "numerator": 5, "denominator": 0}]"#,
        ),
        with("observations", "null"),
        with("level", r#""province""#),
        with("level", r#""Province""#),
        with("level", "null"),
        with("key", "null"),
        with("key", "1"),
        with("owner", "true"),
        with("name", r#"{"vi": "x", "en": null}"#),
        with("name", r#"{"vi": null}"#),
        with("name", r#"{"en": "x"}"#),
        with("name", r#"{"vi": "x", "fr": "y"}"#),
        with("name", r#"["x"]"#),
        with("unit", r#"" ""#),
        with("unit", r#"" % ""#),
        with("unit", r#"" Mb/s ""#),
        with("pillar", r#""nope""#),
        with_target(r#"{"op": "gte", "value": 1, "max": null, "tolerance": null}"#),
        with_target(r#"{"op": "gte", "value": 1, "max": 2}"#),
        with_target(r#"{"op": "gte", "value": 1, "tolerance": 0.1}"#),
        with_target(r#"{"op": "gte"}"#),
        with_target(r#"{"op": "GTE", "value": 1}"#),
        with_target(r#"{"op": "range", "min": 2, "max": 2}"#),
        with_target(r#"{"op": "range", "min": 3, "max": 2}"#),
        with_target(r#"{"op": "range", "min": 1, "max": 2, "value": 1}"#),
        with_target(r#"{"op": "approx", "value": 1, "tolerance": -0}"#),
        with_target(r#"{"op": "approx", "value": 1, "tolerance": -0.1}"#),
        with_target(r#"{"op": "approx", "value": 1, "min": 0}"#),
        with_target(r#"{"op": "gte", "value": 1, "deadline": 2025}"#),
        with_target(r#"{"op": "gte", "value": 1, "deadline": 2025.0}"#),
        with_target(r#"{"op": "gte", "value": 1, "change": "Increase"}"#),
        with_target(r#"{"op": "gte", "value": 1, "change": null}"#),
        with_target(r#"{"op": "gte", "value": 1e308}"#),
        with_target(r#"{"op": "gte", "value": 18446744073709551617}"#),
        with_target(r#"{"op": "gte", "value": -9007199254740993}"#),
        BASE.replace(r#""schema": "chitieu/1""#, r#""schema": "chitieu/2""#),
        BASE.replace(r#""schema": "chitieu/1", "#, ""),
        BASE.replace(r#""title": "t""#, r#""title": "t", "date": null"#),
        BASE.replace(r#""title": "t""#, r#""title": null"#),
        BASE.replace(r#""plan""#, r#""as_of": "2024-06-30", "plan""#),
        BASE.replace(r#""plan""#, r#""as_of": 2024, "plan""#),
        BASE.replace(r#""plan""#, r#""pillars": null, "plan""#),
        BASE.replace(
            r#""plan""#,
            r#""pillars": [{"id": "x", "name": "X", "weight": null}], "plan""#,
        ),
        BASE.replace(
            r#""plan""#,
            r#""pillars": [{"id": "x", "name": "X", "weight": -1}], "plan""#,
        ),
        BASE.replace(r#""plan""#, r#""extra": 1, "plan""#),
        format!("[{BASE}]"),
        format!("\u{feff}{BASE}"),
        String::from("{}"),
        String::from("null"),
    ];
    for text in &cases {
        checked(text);
    }
    // The page's view cannot read a page or a year written as a number, since
    // JSON.parse forgets whether it was `4` or `4.0`; serde reads only the first.
    for text in [
        with("source", r#"{"page": 4}"#),
        with_target(r#"{"op": "gte", "value": 1, "deadline": 2025}"#),
    ] {
        assert!(lean_exact(&text).is_some() && serde_load(&text).is_some());
        assert_eq!(lean_js(&text), None);
    }
    for text in [
        with("source", r#"{"page": 4.0}"#),
        with_target(r#"{"op": "gte", "value": 1, "deadline": 2025.0}"#),
    ] {
        assert_eq!(serde_load(&text), None);
        assert_eq!(lean_exact(&text), None);
    }
}

/// Forms serde accepts that the lean reader refuses on purpose (the page then asks the
/// full reader, which gives the same dataset).
#[test]
fn deliberate_strictness() {
    let cases = [
        with("level", r#"{"province": null}"#),
        with_target(r#"{"op": "gte", "value": 1, "change": {"increase": null}}"#),
    ];
    for text in &cases {
        assert!(serde_load(text).is_some(), "{text}");
        assert_eq!(lean_exact(text), None, "{text}");
    }
}

#[test]
fn what_only_the_parsed_value_shows() {
    let parsed: J = serde_json::from_str(BASE).unwrap_or(J::Null);
    let base = Js::from(&parsed);
    assert!(lean::load(&base).is_some());

    // JSON.parse gives infinity for a number too large for a double; serde refuses it.
    for x in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        let mut js = base.clone();
        *js.at(&["indicators", "0", "targets", "0", "value"]) = Js::Num(x);
        assert_eq!(lean::read(&js), None);
    }
    let mut js = base.clone();
    if let Js::Obj(o) = js.at(&["indicators", "0"]) {
        o.push(("observations".into(), Js::Arr(vec![])));
        o.push(("observations".into(), Js::Arr(vec![])));
    }
    assert_eq!(lean::read(&js), None, "a key listed twice is refused");

    // A text with a repeated key: serde refuses it, but the parsed value has one entry
    // left (as JSON.parse keeps the last), so the lean reader reads it. The page must
    // refuse such texts itself.
    let repeated = BASE.replace(r#""title": "t""#, r#""title": "t", "title": "u""#);
    assert!(has_duplicate_keys(&repeated));
    assert_eq!(serde_read(&repeated), None);
    let parsed: J = serde_json::from_str(&repeated).unwrap_or(J::Null);
    assert_eq!(
        lean::read(&Exact(&parsed)).map(|d| d.plan.title),
        Some("u".to_string())
    );
}

// ---- generated datasets, mutated ----

fn indicator() -> impl Strategy<Value = Indicator> {
    // Mostly valid, so that edits of them often still load.
    let observation = (
        period(),
        prop_oneof![
            number().prop_map(|v| (Some(v), None, None)),
            (number(), 1u32..5000).prop_map(|(n, d)| (None, Some(n.abs()), Some(f64::from(d)))),
        ],
        proptest::option::of(number()),
        proptest::option::of(text()),
    )
        .prop_map(
            |(period, (value, numerator, denominator), reported, note)| Observation {
                period,
                value,
                numerator,
                denominator,
                reported,
                note,
            },
        );
    let unit = select(vec![
        Unit::Percent,
        Unit::Count,
        Unit::Vnd,
        Unit::Other("Mb/s".into()),
    ]);
    let source = (
        proptest::option::of(text()),
        proptest::option::of(text()),
        prop_oneof![3 => Just(None), 1 => (0u32..500).prop_map(Some)],
        proptest::option::of(text()),
    )
        .prop_map(|(document, section, page, row)| Source {
            document,
            section,
            page,
            row,
        });
    (
        (
            token(),
            proptest::option::of(token()),
            // Now and then a pillar that does not exist.
            proptest::option::of(
                prop_oneof![9 => Just("p0".to_string()), 1 => Just("zz".to_string())],
            ),
            name(),
            unit,
            proptest::option::of(select(vec![Level::Province, Level::Commune])),
        ),
        (
            proptest::option::of(text()),
            proptest::collection::vec(target(), 0..3),
            proptest::option::of(
                (period(), number()).prop_map(|(period, value)| Baseline { period, value }),
            ),
            proptest::collection::vec(observation, 0..3),
            proptest::option::of(source),
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

fn dataset() -> impl Strategy<Value = Dataset> {
    let o = || proptest::option::of(text());
    let plan = (token(), text(), o(), o(), o(), o(), o()).prop_map(
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
    let pillar = (name(), number()).prop_map(|(name, weight)| Pillar {
        id: String::new(),
        name,
        weight: weight.abs(),
    });
    let as_of = proptest::option::of(
        (1990i32..2100, 1u8..=12, 1u8..=28).prop_map(|(year, month, day)| Date {
            year,
            month,
            day,
        }),
    );
    (
        plan,
        as_of,
        proptest::collection::vec(pillar, 1..3),
        proptest::collection::vec(indicator(), 0..4),
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

const FIELDS: [&str; 42] = [
    "schema",
    "plan",
    "as_of",
    "pillars",
    "indicators",
    "id",
    "title",
    "region",
    "issuer",
    "document",
    "date",
    "url",
    "name",
    "weight",
    "vi",
    "en",
    "key",
    "pillar",
    "unit",
    "level",
    "owner",
    "targets",
    "baseline",
    "observations",
    "source",
    "note",
    "text",
    "op",
    "value",
    "min",
    "max",
    "tolerance",
    "change",
    "deadline",
    "period",
    "numerator",
    "denominator",
    "reported",
    "section",
    "page",
    "x",
    "Op",
];

/// Values that are right somewhere and wrong elsewhere.
fn replacements() -> Vec<J> {
    vec![
        J::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(3.5),
        json!(2025),
        json!(2025.0),
        json!(4294967296u64),
        json!(-0.0),
        json!(1e300),
        json!(""),
        json!(" "),
        json!("2024"),
        json!("2024-Q4"),
        json!("2024-Q5"),
        json!("2024-02-29"),
        json!("2023-02-29"),
        json!("percent"),
        json!("gte"),
        json!("range"),
        json!("approx"),
        json!("province"),
        json!("increase"),
        json!("decrease"),
        json!(SCHEMA),
        json!("chitieu/2"),
        json!([]),
        json!({}),
        json!([{}]),
        json!({"vi": "x"}),
        json!({"vi": "x", "en": null}),
        json!({"vi": null}),
        json!({"en": "x"}),
        json!({"period": "2024", "value": 1}),
        json!({"op": "gte", "value": 1}),
        json!({"op": "range", "min": 1, "max": 2}),
        json!({"page": 4}),
    ]
}

/// The paths of every value in `v`, depth first.
fn paths(v: &J) -> Vec<Vec<String>> {
    fn walk(v: &J, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(at.clone());
        match v {
            J::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    at.push(i.to_string());
                    walk(x, at, out);
                    at.pop();
                }
            }
            J::Object(o) => {
                for (k, x) in o {
                    at.push(k.clone());
                    walk(x, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

fn at<'a>(v: &'a mut J, path: &[String]) -> Option<&'a mut J> {
    path.iter().try_fold(v, |v, seg| match v {
        J::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
        J::Object(o) => o.get_mut(seg),
        _ => None,
    })
}

/// One edit of a parsed document: which value, how, and two choices.
type Mutation = (usize, u8, usize, usize);

fn mutate(v: &mut J, (which, how, a, b): Mutation) {
    let all = paths(v);
    let path = &all[which % all.len()];
    let Some(node) = at(v, path) else { return };
    let reps = replacements();
    let rep = reps[a % reps.len()].clone();
    let field = FIELDS[b % FIELDS.len()].to_string();
    // Half the replacements keep the JSON type, which more often still reads.
    let same_type: Vec<&J> = reps
        .iter()
        .filter(|r| std::mem::discriminant(*r) == std::mem::discriminant(&*node))
        .collect();
    match (how % 8, node) {
        (4..=7, node) if !same_type.is_empty() => {
            *node = same_type[a % same_type.len()].clone();
        }
        (0, node) => *node = rep,
        (1, J::Object(o)) if !o.is_empty() => {
            let key = o.keys().nth(a % o.len()).cloned().unwrap_or_default();
            if let Some(x) = o.remove(&key) {
                if b % 2 == 0 {
                    o.insert(field, x);
                }
            }
        }
        (2, J::Object(o)) => {
            o.insert(field, rep);
        }
        (_, J::Array(items)) if !items.is_empty() => {
            let i = a % items.len();
            if b % 2 == 0 {
                items.remove(i);
            } else {
                let copy = items[i].clone();
                items.push(copy);
            }
        }
        (_, node) => *node = rep,
    }
}

/// One edit of a text, as in `load_props.rs`.
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
        '{', '}', '[', ']', '"', ',', ':', '0', '1', '-', '.', 'e', ' ', 'n', '\u{feff}',
    ]);
    prop_oneof![
        (any::<usize>(), 0usize..20).prop_map(|(a, l)| Edit::Delete(a, l)),
        (any::<usize>(), structural).prop_map(|(a, c)| Edit::Insert(a, c)),
        (any::<usize>(), 0usize..80).prop_map(|(a, l)| Edit::Duplicate(a, l)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn generated_datasets_read_alike(ds in dataset()) {
        check(&to_json(&ds))?;
    }

    #[test]
    fn mutated_datasets_read_alike(
        ds in dataset(),
        muts in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<usize>(), any::<usize>()), 1..4),
    ) {
        let mut v: J = serde_json::from_str(&to_json(&ds)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for m in muts {
            mutate(&mut v, m);
        }
        check(&serde_json::to_string(&v).map_err(|e| TestCaseError::fail(e.to_string()))?)?;
    }

    #[test]
    fn edited_texts_read_alike(
        ds in dataset(),
        edits in proptest::collection::vec(edit(), 1..5),
        rich in any::<bool>(),
    ) {
        let text = if rich { RICH_JSON.to_string() } else { to_json(&ds) };
        check(&apply(&text, &edits))?;
    }
}

/// The page's view exactly as the embed implements it: like [`Js`], but a number that is
/// a whole, non-negative double counts as an integer literal (`JSON.parse` cannot tell
/// `12` from `12.0`; serde refuses the latter as a page or a year — the one place the
/// widgets read more than `chitieu validate` accepts).
struct Page(Js);

impl Value for Page {
    fn as_str(&self) -> Option<String> {
        self.0.as_str()
    }
    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn as_int_literal(&self) -> Option<u64> {
        self.0.as_f64().and_then(lean::whole_number)
    }
    fn is_null(&self) -> bool {
        self.0.is_null()
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.0.items().map(|v| v.into_iter().map(Page).collect())
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        self.0
            .entries()
            .map(|v| v.into_iter().map(|(k, v)| (k, Page(v))).collect())
    }
}

/// What the analysis wasm hands the widgets' wasm (the canonical JSON of a CSV or JSON
/// file that loads) must read back through the page's view, or the page shows an error
/// for a valid file.
#[test]
fn canonical_json_reads_back_as_the_page_sees_it() {
    let mut files: Vec<PathBuf> = [
        "seeds",
        "tests/fixtures",
        "docs",
        "crates/chitieu-cli/tests/data",
    ]
    .iter()
    .flat_map(|d| {
        std::fs::read_dir(repo().join(d))
            .into_iter()
            .flatten()
            .flatten()
    })
    .map(|e| e.path())
    .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("json" | "csv")))
    .collect();
    files.sort();
    let mut count = 0;
    for p in files {
        let text = read(&p);
        let Ok(loaded) = chitieu_core::load::load_auto(&text, p.to_str()) else {
            continue;
        };
        let canonical = chitieu_core::load::to_json(&loaded.dataset);
        let parsed: J = serde_json::from_str(&canonical).expect("canonical JSON parses");
        assert_eq!(
            lean::load(&Page(Js::from(&parsed))).as_ref(),
            Some(&loaded.dataset),
            "{}: its canonical JSON does not read back",
            p.display()
        );
        count += 1;
    }
    assert!(count >= 8, "only {count} files");
}

/// The page's widgets read the analysis wasm's list of indicators set aside: their place,
/// id, name, pillar and errors as sentences; anything else is refused, not half read.
#[test]
fn the_quarantine_list_is_read_as_the_analysis_wasm_writes_it() {
    let list = json!([
        {"index": 1, "id": "hscv-huyen", "name": {"vi": "Huyện", "en": "District"},
         "pillar": "cqs", "errors": ["a.json: dòng 11, cột 9 (op): 'khoang' …", "second"]},
        {"index": 4, "id": "", "name": null, "pillar": null, "errors": []},
        {"index": 0, "id": "qn24-i-1", "name": "Tuyên truyền", "task": true, "errors": ["x"]}
    ]);
    let (q, tasks) = lean::quarantined(&Exact(&list)).expect("reads");
    assert_eq!(q.len(), 2);
    assert_eq!(tasks.len(), 1, "a task goes to the tasks' list");
    assert_eq!((tasks[0].index, tasks[0].id.as_str()), (0, "qn24-i-1"));
    assert_eq!((q[0].index, q[0].id.as_str()), (1, "hscv-huyen"));
    assert_eq!(q[0].name.as_ref().map(|n| n.get("en")), Some("District"));
    assert_eq!(q[0].pillar.as_deref(), Some("cqs"));
    let messages: Vec<&str> = q[0]
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["a.json: dòng 11, cột 9 (op): 'khoang' …", "second"]
    );
    assert!(q[0].diagnostics.iter().all(|d| d.is_error()));
    assert_eq!(
        (q[1].label(), q[1].name.is_none()),
        ("#5".to_string(), true)
    );
    for bad in [
        json!({"index": 1}),
        json!([{"index": -1, "id": "x", "errors": []}]),
        json!([{"index": 1, "id": 7, "errors": []}]),
        json!([{"index": 1, "id": "x", "errors": [3]}]),
        json!([{"id": "x", "errors": []}]),
    ] {
        assert!(lean::quarantined(&Exact(&bad)).is_none(), "{bad}");
    }
}
