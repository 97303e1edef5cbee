//! The documentation is checked: every example in `docs/FORMAT.md` and the template load
//! as they claim to, and the JSON Schema names the same fields as the model.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chitieu_core::load::{load_csv, load_json, CSV_COLUMNS};
use chitieu_core::{Dataset, Indicator, Observation, Target, Text};
use serde_json::Value;

fn repo_file(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fenced code blocks of a Markdown text: (info string, body).
fn code_blocks(md: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in md.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) => current = Some((info.trim().to_string(), String::new())),
            (Some(_), Some("")) => out.extend(current.take()),
            (Some((_, body)), _) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(current.is_none(), "unclosed code block");
    out
}

fn failed(i: usize, info: &str, body: &str, e: &dyn std::fmt::Display) -> ! {
    panic!("FORMAT.md block {i} ({info}): {e}\n{body}")
}

#[test]
fn every_example_in_format_md_loads_as_it_claims() {
    let md = repo_file("docs/FORMAT.md");
    let blocks = code_blocks(&md);
    let mut checked = 0;
    let mut full: Vec<Dataset> = Vec::new();
    for (i, (info, body)) in blocks.iter().enumerate() {
        let parse_ok = |r: Result<(), serde_json::Error>| {
            if let Err(e) = r {
                failed(i, info, body, &e)
            }
        };
        match info.as_str() {
            "json" => {
                let l = load_json(body).unwrap_or_else(|e| failed(i, info, body, &e));
                assert!(l.warnings.is_empty(), "block {i}: {:#?}", l.warnings);
                full.push(l.dataset);
            }
            "json warns" => {
                let l = load_json(body).unwrap_or_else(|e| failed(i, info, body, &e));
                assert!(!l.warnings.is_empty(), "block {i} should warn");
                // A `text` block right after shows the warnings exactly.
                if let Some((next, shown)) = blocks.get(i + 1).filter(|(n, _)| n == "text") {
                    let got: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
                    assert_eq!(got.join("\n"), shown.trim_end(), "block {} ({next})", i + 1);
                }
            }
            "json name" => parse_ok(serde_json::from_str::<Text>(body).map(drop)),
            "json target" => parse_ok(serde_json::from_str::<Target>(body).map(drop)),
            "json observation" => parse_ok(serde_json::from_str::<Observation>(body).map(drop)),
            "json indicator" => parse_ok(serde_json::from_str::<Indicator>(body).map(drop)),
            "csv" => {
                let l = load_csv(body).unwrap_or_else(|e| failed(i, info, body, &e));
                assert!(l.warnings.is_empty(), "block {i}: {:#?}", l.warnings);
                full.push(l.dataset);
            }
            "text" => continue,
            other => panic!("block {i}: unknown info string {other:?}: say what the example is"),
        }
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} examples checked");
    // The complete JSON example and the CSV example are the same dataset.
    assert_eq!(full.len(), 2);
    assert_eq!(full[0], full[1]);
}

#[test]
fn the_template_loads_cleanly_and_matches_the_format_example() {
    let template = repo_file("docs/template.csv");
    assert!(
        template.starts_with('\u{feff}'),
        "the template keeps its BOM for Excel"
    );
    let l = load_csv(&template).unwrap_or_else(|e| panic!("{e}"));
    assert!(l.warnings.is_empty(), "{:#?}", l.warnings);
    let md = repo_file("docs/FORMAT.md");
    let json = code_blocks(&md)
        .into_iter()
        .find(|(info, _)| info == "json")
        .map(|(_, b)| b);
    let example = load_json(&json.unwrap_or_default()).map(|l| l.dataset);
    assert_eq!(Ok(l.dataset), example.map_err(|e| e.to_string()));
}

#[test]
fn every_csv_column_is_documented() {
    let md = repo_file("docs/FORMAT.md");
    for col in CSV_COLUMNS {
        assert!(
            md.contains(&format!("`{col}`")),
            "FORMAT.md does not mention column `{col}`"
        );
    }
}

// ---- the JSON Schema ----

fn schema() -> Value {
    serde_json::from_str(&repo_file("schema/chitieu-1.schema.json"))
        .unwrap_or_else(|e| panic!("schema is not JSON: {e}"))
}

/// The object definition at a JSON pointer in the schema: its properties and required.
fn schema_object(s: &Value, pointer: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut obj = s
        .pointer(pointer)
        .unwrap_or_else(|| panic!("schema has no {pointer}"));
    if let Some(alts) = obj.get("oneOf").and_then(Value::as_array) {
        obj = alts
            .iter()
            .find(|a| a["type"] == "object")
            .unwrap_or_else(|| panic!("{pointer}: no object form"));
    }
    assert_eq!(
        obj["additionalProperties"],
        Value::Bool(false),
        "{pointer} must refuse unknown fields, as the model does"
    );
    let keys = |v: &Value| -> BTreeSet<String> {
        match v {
            Value::Object(m) => m.keys().cloned().collect(),
            Value::Array(a) => a
                .iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect(),
            _ => BTreeSet::new(),
        }
    };
    (keys(&obj["properties"]), keys(&obj["required"]))
}

/// The fields a model type accepts, from its own unknown-field error message.
fn model_fields<T: serde::de::DeserializeOwned>() -> BTreeSet<String> {
    let err = match serde_json::from_str::<T>(r#"{"zzz": 0}"#) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("an unknown field was accepted"),
    };
    let list = err
        .split("expected ")
        .nth(1)
        .unwrap_or_else(|| panic!("{err}"));
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Which of `fields` the model requires: removing it from a full `example` fails with
/// "missing field".
fn model_required<T: serde::de::DeserializeOwned>(example: &Value) -> BTreeSet<String> {
    let Value::Object(full) = example else {
        panic!("example is not an object")
    };
    assert!(
        serde_json::from_value::<T>(example.clone()).is_ok(),
        "the example itself must load"
    );
    full.keys()
        .filter(|k| {
            let mut m = full.clone();
            m.remove(*k);
            serde_json::from_value::<T>(Value::Object(m))
                .is_err_and(|e| e.to_string().contains("missing field"))
        })
        .cloned()
        .collect()
}

#[test]
fn the_schema_lists_the_same_fields_as_the_model() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["properties"]["schema"]["const"], chitieu_core::SCHEMA);

    let md = repo_file("docs/FORMAT.md");
    let example: Value = code_blocks(&md)
        .into_iter()
        .find(|(info, _)| info == "json")
        .and_then(|(_, b)| serde_json::from_str(&b).ok())
        .unwrap_or_else(|| panic!("no JSON example"));
    let ind = &example["indicators"][0];
    let mut obs = ind["observations"][1].clone();
    obs["value"] = Value::from(96);

    fn check<T: serde::de::DeserializeOwned>(s: &Value, pointer: &str, example: Option<&Value>) {
        let (props, required) = schema_object(s, pointer);
        assert_eq!(props, model_fields::<T>(), "fields of {pointer}");
        if let Some(example) = example {
            assert_eq!(
                required,
                model_required::<T>(example),
                "required fields of {pointer}"
            );
        }
    }
    check::<Dataset>(&s, "", Some(&example));
    check::<chitieu_core::Plan>(&s, "/$defs/plan", Some(&example["plan"]));
    check::<chitieu_core::Pillar>(&s, "/$defs/pillar", Some(&example["pillars"][0]));
    check::<Indicator>(&s, "/$defs/indicator", Some(ind));
    check::<chitieu_core::RawTarget>(&s, "/$defs/target", None);
    check::<chitieu_core::Baseline>(&s, "/$defs/baseline", Some(&ind["baseline"]));
    check::<Observation>(&s, "/$defs/observation", Some(&obs));
    check::<chitieu_core::Source>(
        &s,
        "/$defs/source",
        Some(&example["indicators"][1]["source"]),
    );
    check::<Text>(&s, "/$defs/text", Some(&example["pillars"][0]["name"]));
    let task = &example["tasks"][0];
    check::<chitieu_core::Task>(&s, "/$defs/task", Some(task));
    check::<chitieu_core::Due>(&s, "/$defs/due", None);
    check::<chitieu_core::Update>(&s, "/$defs/update", Some(&task["updates"][1]));
    let statuses: Vec<&str> = chitieu_core::TASK_STATUSES.split(", ").collect();
    assert_eq!(
        s["$defs"]["update"]["properties"]["status"]["enum"],
        serde_json::json!(statuses)
    );

    // Enumerations match the model's.
    let ops: Vec<&str> = chitieu_core::OPS.split(", ").collect();
    assert_eq!(
        s["$defs"]["target"]["properties"]["op"]["enum"],
        serde_json::json!(ops)
    );
    assert_eq!(
        s["$defs"]["indicator"]["properties"]["level"]["oneOf"][0]["enum"],
        serde_json::json!(["province", "district", "commune"])
    );
}

#[test]
fn the_readme_example_loads_without_findings() {
    let md = repo_file("README.md");
    let blocks: Vec<String> = code_blocks(&md)
        .into_iter()
        .filter(|(info, _)| info == "json")
        .map(|(_, body)| body)
        .collect();
    assert!(!blocks.is_empty(), "README.md has no JSON example");
    for body in blocks {
        let loaded = chitieu_core::load::load_json(&body)
            .unwrap_or_else(|e| panic!("README example does not load: {e}\n{body}"));
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }
}
