//! The JSON form: reading with paths, lines and columns, and pretty writing.
//!
//! A successful read is exactly `Dataset`'s own `Deserialize`, so what loads is what the
//! model accepts. Only when that fails is the document read again piece by piece (each
//! top-level field, each pillar, each indicator separately), so one upload reports every
//! broken indicator rather than the first.

use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::{strip_bom, Diagnostic, Format, LoadError, Loaded, Policy, Quarantined};
use crate::messages::{Arg, Key, Message};
use crate::model::{Dataset, Indicator, Obj, Pillar, Plan, RawTarget, Target, Task, SCHEMA};
use crate::period::Date;

/// Validation findings placed on a line; past this they keep their path only, so a
/// pathological file cannot make loading quadratic.
const MAX_LOCATED: usize = 200;

/// The fields of a dataset, in the order a person writes them, for error messages.
const TOP_FIELDS: [&str; 6] = ["schema", "plan", "as_of", "pillars", "indicators", "tasks"];

/// Reads a JSON dataset without validating it: structure, types and ops only.
pub fn read_json(text: &str) -> Result<Loaded, LoadError> {
    read_json_with(text, Policy::Strict)
}

/// [`read_json`] under a [`Policy`]: with [`Policy::Quarantine`], indicators that do not
/// read are set aside with their findings when nothing else is wrong.
pub fn read_json_with(text: &str, policy: Policy) -> Result<Loaded, LoadError> {
    let body = strip_bom(text);
    if body.trim().is_empty() {
        return Err(LoadError::Empty(Format::Json));
    }
    let entries = match serde_json::from_str::<Entries>(body) {
        Ok(e) => e.0,
        Err(e) => {
            return Err(read_error(vec![serde_diag(
                body,
                0,
                body,
                String::new(),
                &e,
            )]))
        }
    };
    check_schema(body, &entries)?;
    match serde_json::from_str::<Dataset>(body) {
        Ok(dataset) => Ok(Loaded {
            dataset,
            warnings: Vec::new(),
        }),
        Err(e) => {
            let mut found = collect_errors(body, &entries, policy == Policy::Quarantine);
            if found.errors.is_empty() {
                let path = error_path(body, &e);
                found.errors.push(serde_diag(body, 0, body, path, &e));
            }
            let own = policy == Policy::Quarantine
                && !found.structural
                && found
                    .errors
                    .iter()
                    .all(|d| super::Item::of(&d.path).is_some());
            if own {
                if let Some(dataset) = assemble(&entries, found.errors.clone()) {
                    return Ok(Loaded {
                        dataset,
                        warnings: Vec::new(),
                    });
                }
            }
            Err(LoadError::Read {
                format: Format::Json,
                errors: super::in_order_counting(found.errors, found.more),
            })
        }
    }
}

/// The dataset from its parts when only indicators failed to read: the others, and the
/// failed ones set aside with their findings. `None` when a part outside the indicators
/// does not read after all.
fn assemble(entries: &[(String, &RawValue)], errors: Vec<Diagnostic>) -> Option<Dataset> {
    fn get<T: DeserializeOwned>(entries: &[(String, &RawValue)], key: &str) -> Option<T> {
        let (_, raw) = entries.iter().find(|(k, _)| k == key)?;
        serde_json::from_str(raw.get()).ok()
    }
    let plan = get::<Obj<Plan>>(entries, "plan")?.0;
    let as_of = match entries.iter().any(|(k, _)| k == "as_of") {
        true => get::<Option<Date>>(entries, "as_of")?,
        false => None,
    };
    let pillars = match entries.iter().any(|(k, _)| k == "pillars") {
        true => get::<Vec<Obj<Pillar>>>(entries, "pillars")?,
        false => Vec::new(),
    };
    let (indicators, mut quarantined) = read_each::<Indicator>(entries, "indicators")?;
    let (tasks, mut quarantined_tasks) = match entries.iter().any(|(k, _)| k == "tasks") {
        true => read_each::<Task>(entries, "tasks")?,
        false => (Vec::new(), Vec::new()),
    };
    for d in errors {
        let (list, i) = match super::Item::of(&d.path)? {
            (super::Item::Indicator, i) => (&mut quarantined, i),
            (super::Item::Task, i) => (&mut quarantined_tasks, i),
        };
        let at = list.binary_search_by_key(&i, |q| q.index).ok();
        // Every failed item has a finding, and every finding names one that failed;
        // anything else means the pieces disagree with the whole, so the file is refused.
        list.get_mut(at?)?.diagnostics.push(d);
    }
    if quarantined
        .iter()
        .chain(&quarantined_tasks)
        .any(|q| q.diagnostics.is_empty())
    {
        return None;
    }
    Some(Dataset {
        schema: SCHEMA.to_string(),
        plan,
        as_of,
        pillars: pillars.into_iter().map(|p| p.0).collect(),
        indicators,
        tasks,
        quarantined,
        quarantined_tasks,
    })
}

/// The items of the list `key` that read, and those that do not, probed for what a
/// widget can show in their place.
fn read_each<T: DeserializeOwned>(
    entries: &[(String, &RawValue)],
    key: &str,
) -> Option<(Vec<T>, Vec<Quarantined>)> {
    let (_, raw) = entries.iter().find(|(k, _)| k == key)?;
    let raws = serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok()?;
    let (mut read, mut aside) = (Vec::with_capacity(raws.len()), Vec::new());
    for (index, raw) in raws.iter().enumerate() {
        match serde_json::from_str::<Obj<T>>(raw.get()) {
            Ok(item) => read.push(item.0),
            Err(_) => aside.push(probe(index, raw.get())),
        }
    }
    Some((read, aside))
}

/// What can be read of an indicator that failed to read: its id, name and pillar (each
/// read alone, through the format's own types, so no generic JSON value is compiled in).
fn probe(index: usize, text: &str) -> Quarantined {
    #[derive(Deserialize, Default)]
    struct Probe<'a> {
        #[serde(borrow, default)]
        id: Option<&'a RawValue>,
        #[serde(borrow, default)]
        name: Option<&'a RawValue>,
        #[serde(borrow, default)]
        pillar: Option<&'a RawValue>,
    }
    fn get<T: DeserializeOwned>(raw: Option<&RawValue>) -> Option<T> {
        serde_json::from_str(raw?.get()).ok()
    }
    let p: Probe = serde_json::from_str(text).unwrap_or_default();
    Quarantined {
        index,
        id: get(p.id).unwrap_or_default(),
        name: get(p.name),
        pillar: get(p.pillar),
        diagnostics: Vec::new(),
    }
}

/// The dataset as pretty-printed JSON with a final newline, the form `docs/FORMAT.md`
/// shows. Non-finite numbers (which [`super::validate`] reports) are written as `null`.
pub fn to_json(ds: &Dataset) -> String {
    let mut s = serde_json::to_string_pretty(ds).unwrap_or_default();
    s.push('\n');
    s
}

fn read_error(errors: Vec<Diagnostic>) -> LoadError {
    LoadError::Read {
        format: Format::Json,
        errors: super::in_order(errors),
    }
}

/// The top-level object as (key, raw value) pairs, in order, duplicates kept.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Entries<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(Key::ExpectDataset.english())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Entries<'a>, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    out.push((k, m.next_value::<&'a RawValue>()?));
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

fn check_schema(body: &str, entries: &[(String, &RawValue)]) -> Result<(), LoadError> {
    let end = body.trim_end().len().saturating_sub(1);
    let Some((_, raw)) = entries.iter().find(|(k, _)| k == "schema") else {
        let mut d = Diagnostic::error(
            "schema",
            Message::new(Key::SchemaMissing).with("expected", SCHEMA),
        );
        place_at(body, end, &mut d);
        return Err(LoadError::Schema(d));
    };
    let found = serde_json::from_str::<String>(raw.get());
    if found.as_deref().ok() == Some(SCHEMA) {
        return Ok(());
    }
    let found = match found {
        Ok(s) => format!("\"{s}\""),
        Err(_) => raw.get().chars().take(40).collect(),
    };
    let mut d = Diagnostic::error(
        "schema",
        Message::new(Key::SchemaUnsupported)
            .with("found", found)
            .with("expected", SCHEMA),
    );
    place_at(body, offset_in(body, raw.get()), &mut d);
    Err(LoadError::Schema(d))
}

/// Reading problems: as many as are listed ([`super::MAX_LISTED`]) with their place,
/// then only a count. The parts are read in document order, so the kept ones are the
/// first; placing each one reads the document from its start, which for every problem
/// of a file with thousands made loading quadratic.
#[derive(Default)]
struct Found {
    errors: Vec<Diagnostic>,
    more: usize,
    /// Whether a problem outside the indicators was found (kept or only counted): one
    /// such problem rejects the file.
    structural: bool,
    /// Whether problems inside indicators are all kept, placed or not: under
    /// [`Policy::Quarantine`] each indicator set aside must say why.
    keep_own: bool,
}

impl Found {
    fn full(&self) -> bool {
        self.errors.len() >= super::MAX_LISTED
    }

    /// Places `d` at byte `at` and keeps it, or only counts it once enough are kept.
    fn push_at(&mut self, body: &str, at: usize, mut d: Diagnostic) {
        self.structural |= super::Item::of(&d.path).is_none();
        if self.full() {
            self.more += 1;
        } else {
            place_at(body, at, &mut d);
            self.errors.push(d);
        }
    }
}

/// Reads each part of the document on its own, collecting every failure.
fn collect_errors(body: &str, entries: &[(String, &RawValue)], keep_own: bool) -> Found {
    let mut errors = Found {
        keep_own,
        ..Found::default()
    };
    let mut seen = HashSet::new();
    for (key, raw) in entries {
        let at = offset_in(body, raw.get());
        if !seen.insert(key.as_str()) {
            let d = Diagnostic::error(
                key.clone(),
                Message::new(Key::JsonDuplicateField).with("field", key.as_str()),
            );
            errors.push_at(body, at, d);
            continue;
        }
        match key.as_str() {
            "schema" => {}
            "plan" => part::<Obj<Plan>>(body, raw, "plan".into(), None, &mut errors),
            "as_of" => part::<Option<Date>>(body, raw, "as_of".into(), None, &mut errors),
            "pillars" => list::<Obj<Pillar>>(body, raw, "pillars", &mut errors),
            "indicators" => list::<Obj<Indicator>>(body, raw, "indicators", &mut errors),
            "tasks" => list::<Obj<Task>>(body, raw, "tasks", &mut errors),
            other => {
                let expected: Vec<Arg> = TOP_FIELDS
                    .iter()
                    .map(|f| Arg::Text(format!("`{f}`")))
                    .collect();
                let d = Diagnostic::error(
                    other,
                    Message::new(Key::JsonUnknownField)
                        .with("field", other)
                        .with("expected", Arg::List(expected)),
                );
                errors.push_at(body, at, d);
            }
        }
    }
    for required in ["plan", "indicators"] {
        if !seen.contains(required) {
            let d = Diagnostic::error(
                "",
                Message::new(Key::JsonMissingField).with("field", required),
            );
            errors.push_at(body, body.trim_end().len().saturating_sub(1), d);
        }
    }
    errors
}

/// Reads a JSON array element by element, so each broken element is reported.
fn list<T: DeserializeOwned>(body: &str, raw: &RawValue, name: &str, out: &mut Found) {
    let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
        // Not an array: let the typed read say so.
        return part::<Vec<T>>(body, raw, name.to_string(), None, out);
    };
    for (i, item) in items.iter().enumerate() {
        #[derive(Deserialize)]
        struct IdProbe {
            id: Option<String>,
        }
        let id = if out.full() {
            None
        } else {
            serde_json::from_str::<IdProbe>(item.get())
                .ok()
                .and_then(|p| p.id)
        };
        part::<T>(body, item, format!("{name}[{i}]"), id, out);
    }
}

/// Reads one part of the document as `T`, recording each failure with its absolute path
/// and position. Past [`super::MAX_LISTED`] problems, one outside the indicators is only
/// counted, and one inside an indicator is kept without its place (placing reads the
/// document from its start), since the indicator it sets aside must say why.
fn part<T: DeserializeOwned>(
    body: &str,
    raw: &RawValue,
    prefix: String,
    id: Option<String>,
    found: &mut Found,
) {
    let Err(e) = serde_json::from_str::<T>(raw.get()) else {
        return;
    };
    let own = super::Item::of(&prefix).is_some();
    found.structural |= !own;
    if found.full() && !(own && found.keep_own) {
        found.more += 1;
        return;
    }
    // Narrow to the indicator's or pillar's own parts that fail alone, whose error
    // positions are then their own (see `narrow`): every one, so a clerk fixes an
    // indicator in one round.
    let failures = match e.classify() {
        serde_json::error::Category::Data => narrow(raw.get(), &prefix),
        _ => Vec::new(),
    };
    let failures = if failures.is_empty() {
        vec![Failure::new(prefix.clone(), raw.get(), e)]
    } else {
        failures
    };
    for Failure {
        path: prefix_at,
        text: sub,
        error: e,
        keyed,
    } in failures
    {
        let path = join_path(&prefix_at, &error_path(sub, &e));
        let mut d = if found.full() {
            Diagnostic::error(path, serde_message(&e))
        } else {
            let mut d = serde_diag(body, offset_in(body, sub), sub, path, &e);
            // serde_json places a data error where it noticed it, which for a target's
            // op check is past the target, on the next line; the start of the value the
            // path names is what a person should look at.
            if e.classify() == serde_json::error::Category::Data {
                if let Some(at) = find_path(body, &d.path) {
                    place_at(body, at, &mut d);
                }
            }
            d
        };
        if let Some(keyed) = keyed {
            d.set_message(keyed);
        }
        if let Some(id) = id.as_deref().filter(|id| !id.is_empty()) {
            let key = if prefix.starts_with("pillars") {
                Key::JsonInPillar
            } else if prefix.starts_with("tasks") {
                Key::JsonInTask
            } else {
                Key::JsonInIndicator
            };
            d.set_message(
                Message::new(key)
                    .with("message", d.msg.clone())
                    .with("id", id),
            );
        }
        found.errors.push(d);
    }
}

/// The fields of an indicator, as `Indicator` reads them.
const INDICATOR_FIELDS: &[&str] = &[
    "id",
    "key",
    "pillar",
    "name",
    "unit",
    "level",
    "owner",
    "targets",
    "baseline",
    "observations",
    "source",
    "note",
];

/// The fields of a task, as `Task` reads them.
const TASK_FIELDS: &[&str] = &[
    "id",
    "group",
    "pillar",
    "name",
    "lead",
    "partners",
    "output",
    "due",
    "indicators",
    "source",
    "note",
    "updates",
];

/// The fields of a pillar, as `Pillar` reads them.
const PILLAR_FIELDS: &[&str] = &["id", "name", "weight"];

/// The fields of an indicator or pillar, each kept as its text to be read on its own:
/// values checked after they are read (a target's op and numbers, a name's keys, a unit)
/// report the position where the enclosing list or object ended, and serde stops at the
/// first error. Reading each field on its own gives every error at its own place. These
/// are the same `Deserialize` impls on the same deserializer as the whole read, so no
/// reading code is compiled twice.
#[derive(Deserialize)]
struct Parts<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    key: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pillar: Option<&'a RawValue>,
    #[serde(borrow, default)]
    name: Option<&'a RawValue>,
    #[serde(borrow, default)]
    unit: Option<&'a RawValue>,
    #[serde(borrow, default)]
    level: Option<&'a RawValue>,
    #[serde(borrow, default)]
    owner: Option<&'a RawValue>,
    #[serde(borrow, default)]
    targets: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    baseline: Option<&'a RawValue>,
    #[serde(borrow, default)]
    observations: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    source: Option<&'a RawValue>,
    #[serde(borrow, default)]
    note: Option<&'a RawValue>,
    /// A pillar's.
    #[serde(borrow, default)]
    weight: Option<&'a RawValue>,
    /// A task's.
    #[serde(borrow, default)]
    group: Option<&'a RawValue>,
    #[serde(borrow, default)]
    lead: Option<&'a RawValue>,
    #[serde(borrow, default)]
    partners: Option<&'a RawValue>,
    #[serde(borrow, default)]
    output: Option<&'a RawValue>,
    #[serde(borrow, default)]
    due: Option<&'a RawValue>,
    #[serde(borrow, default)]
    indicators: Option<&'a RawValue>,
    #[serde(borrow, default)]
    updates: Option<Vec<&'a RawValue>>,
}

/// A part of the document that failed to read: its path, its text, serde_json's error,
/// and the message when it is known better than serde's text says it.
struct Failure<'a> {
    path: String,
    text: &'a str,
    error: serde_json::Error,
    keyed: Option<Message>,
}

impl<'a> Failure<'a> {
    fn new(path: String, text: &'a str, error: serde_json::Error) -> Failure<'a> {
        Failure {
            path,
            text,
            error,
            keyed: None,
        }
    }
}

/// Every field of `text` (an indicator or pillar at `prefix`) that fails on its own: its
/// path, its text and its error. Empty when the fields cannot be told apart (not an
/// object, a field given twice), and the whole's error says what is wrong.
fn narrow<'a>(text: &'a str, prefix: &str) -> Vec<Failure<'a>> {
    let is_indicator = super::indicator_index(prefix).is_some();
    let is_task = super::task_index(prefix).is_some();
    if !is_indicator && !is_task && !prefix.starts_with("pillars[") {
        return Vec::new();
    }
    let Ok(parts) = serde_json::from_str::<Parts<'a>>(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Unknown and missing fields, each one (serde says the first only).
    let (known, required): (&'static [&'static str], &[&str]) = if is_indicator {
        (INDICATOR_FIELDS, &["id", "name", "unit"])
    } else if is_task {
        (TASK_FIELDS, &["id", "name"])
    } else {
        (PILLAR_FIELDS, &["id", "name"])
    };
    if let Ok(Entries(entries)) = serde_json::from_str::<Entries>(text) {
        for (k, raw) in &entries {
            if !known.contains(&k.as_str()) {
                let e = serde::de::Error::unknown_field(k, known);
                out.push(Failure::new(format!("{prefix}.{k}"), raw.get(), e));
            }
        }
        for r in required {
            if !entries.iter().any(|(k, _)| k == r) {
                let e = serde::de::Error::missing_field(r);
                out.push(Failure::new(prefix.to_string(), text, e));
            }
        }
    }
    let mut one = |name: &str, raw: Option<&'a RawValue>, check: Check| {
        if let Some(raw) = raw {
            if let Err((error, keyed)) = check(raw.get()) {
                out.push(Failure {
                    path: format!("{prefix}.{name}"),
                    text: raw.get(),
                    error,
                    keyed,
                });
            }
        }
    };
    type Check = fn(&str) -> Result<(), (serde_json::Error, Option<Message>)>;
    fn is<T: DeserializeOwned>(s: &str) -> Result<(), (serde_json::Error, Option<Message>)> {
        serde_json::from_str::<T>(s)
            .map(|_| ())
            .map_err(|e| (e, None))
    }
    /// A target, whose checks after reading (`Target`'s `TryFrom`) reach serde only as
    /// English text: their message is taken from the checks themselves.
    fn target(s: &str) -> Result<(), (serde_json::Error, Option<Message>)> {
        serde_json::from_str::<Obj<Target>>(s)
            .map(|_| ())
            .map_err(|e| {
                let keyed = serde_json::from_str::<Obj<RawTarget>>(s)
                    .ok()
                    .and_then(|raw| Target::try_from(raw.0).err());
                (e, keyed)
            })
    }
    one("id", parts.id, is::<String>);
    for (name, raw) in [
        ("key", parts.key),
        ("pillar", parts.pillar),
        ("owner", parts.owner),
        ("note", parts.note),
    ] {
        one(name, raw, is::<Option<String>>);
    }
    one("name", parts.name, is::<crate::model::Text>);
    one("unit", parts.unit, is::<crate::model::Unit>);
    one("level", parts.level, is::<Option<crate::model::Level>>);
    for (i, raw) in parts.targets.iter().flatten().enumerate() {
        one(&format!("targets[{i}]"), Some(raw), target);
    }
    for (i, raw) in parts.observations.iter().flatten().enumerate() {
        let check = is::<Obj<crate::model::Observation>>;
        one(&format!("observations[{i}]"), Some(raw), check);
    }
    one(
        "baseline",
        parts.baseline,
        is::<Option<Obj<crate::model::Baseline>>>,
    );
    one(
        "source",
        parts.source,
        is::<Option<Obj<crate::model::Source>>>,
    );
    one("weight", parts.weight, is::<f64>);
    one("output", parts.output, is::<Option<String>>);
    for (name, raw) in [
        ("group", parts.group),
        ("lead", parts.lead),
        ("partners", parts.partners),
        ("indicators", parts.indicators),
    ] {
        one(name, raw, is::<Vec<String>>);
    }
    one("due", parts.due, is::<Option<Obj<crate::model::Due>>>);
    for (i, raw) in parts.updates.iter().flatten().enumerate() {
        let check = is::<Obj<crate::model::Update>>;
        one(&format!("updates[{i}]"), Some(raw), check);
    }
    out
}

/// `prefix` joined with a path relative to it.
fn join_path(prefix: &str, inner: &str) -> String {
    match (prefix.is_empty(), inner.is_empty()) {
        (_, true) => prefix.to_string(),
        (true, false) => inner.to_string(),
        (false, false) if inner.starts_with('[') => format!("{prefix}{inner}"),
        (false, false) => format!("{prefix}.{inner}"),
    }
}

/// The JSON path of the value serde_json was reading when it failed, from the position it
/// reports. Recovering the path from the text keeps one deserializer per type: a
/// path-tracking deserializer would compile every type's reading code twice, which the
/// browser bundle pays for in bytes.
fn error_path(text: &str, e: &serde_json::Error) -> String {
    if e.line() == 0 {
        return String::new();
    }
    path_at(text, byte_end(text, e.line(), e.column()))
}

/// One level of nesting while scanning JSON.
enum Frame {
    /// An object, with the key whose value is being read (if one has been read).
    Object(Option<String>),
    /// An array, with the index of the element being read.
    Array(usize),
}

/// The path (`indicators[3].targets[0].max`) of the value serde_json stood in at byte
/// `end` of `text`: the innermost value open there, with the last key read — or, when only
/// separators follow a value that just closed, that value (serde_json reports an error
/// found after reading an object, such as a missing field or a target's op check, past
/// the object's end). Malformed text gives whatever path was open so far.
fn path_at(text: &str, end: usize) -> String {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut just_closed: Option<String> = None;
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if !matches!(b, b',' | b' ' | b'\t' | b'\n' | b'\r' | b'}' | b']') {
            just_closed = None;
        }
        match b {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                just_closed = Some(path_of(&stack));
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(k)) => {
                    *k = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Frame::Object(k)) = stack.last_mut() {
                        let raw = text.get(start..j.min(text.len())).unwrap_or("");
                        *k = Some(
                            serde_json::from_str::<String>(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_string()),
                        );
                    }
                    expecting_key = false;
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    just_closed.unwrap_or_else(|| path_of(&stack))
}

/// The path the frames spell: `.key` for objects, `[i]` for arrays.
fn path_of(stack: &[Frame]) -> String {
    let mut path = String::new();
    for f in stack {
        match f {
            Frame::Object(Some(k)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// A diagnostic from a serde_json error raised while reading `sub`, which starts at
/// byte `base` of `body`.
fn serde_diag(
    body: &str,
    base: usize,
    sub: &str,
    path: String,
    e: &serde_json::Error,
) -> Diagnostic {
    let mut d = Diagnostic::error(path, serde_message(e));
    if e.line() > 0 {
        let end = base + byte_end(sub, e.line(), e.column());
        let (line, column) = line_col_before(body, end);
        d.line = Some(line);
        d.column = Some(column);
    }
    d
}

/// serde_json's message as a catalogue message: without its " at line L column C" (we
/// recompute those against the whole document, in characters), its shape read back into
/// a key with its arguments, and Rust's words for types said in JSON's ("f64" is "a
/// number"). The one place serde's English is read; a shape the catalogue does not know
/// keeps serde's words as the detail of `json.other`.
fn serde_message(e: &serde_json::Error) -> Message {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let text = full.strip_suffix(&suffix).unwrap_or(&full);
    Message::read_english(SERDE_SHAPES, text, |name, value| match name {
        "found" => found_arg(value),
        "expected" => expected_arg(value),
        _ => value.into(),
    })
    .unwrap_or_else(|| Message::new(Key::JsonOther).with("detail", text))
}

/// The messages serde_json and the model's own checks give, most specific first: a
/// later shape may also read an earlier one's text.
const SERDE_SHAPES: &[Key] = &[
    Key::JsonInvalidType,
    Key::JsonInvalidValue,
    Key::JsonInvalidLength,
    Key::JsonUnknownVariant,
    Key::JsonUnknownVariantTwo,
    Key::JsonUnknownVariantOne,
    Key::JsonUnknownField,
    Key::JsonUnknownFieldNone,
    Key::JsonUnknownFieldTwo,
    Key::JsonUnknownFieldOne,
    Key::JsonMissingField,
    Key::JsonDuplicateField,
    Key::JsonEofList,
    Key::JsonEofObject,
    Key::JsonEofString,
    Key::JsonEofValue,
    Key::JsonExpectedColon,
    Key::JsonExpectedListEnd,
    Key::JsonExpectedObjectEnd,
    Key::JsonExpectedIdent,
    Key::JsonExpectedValue,
    Key::JsonExpectedQuote,
    Key::JsonInvalidEscape,
    Key::JsonInvalidNumber,
    Key::JsonNumberOutOfRange,
    Key::JsonInvalidCodePoint,
    Key::JsonControlCharacter,
    Key::JsonKeyNotString,
    Key::JsonLoneSurrogate,
    Key::JsonTrailingComma,
    Key::JsonTrailingCharacters,
    Key::JsonHexEscapeEnd,
    Key::JsonRecursionLimit,
    // Raised by the model's own `Deserialize` impls through `serde::de::Error::custom`.
    Key::UnitBlank,
    Key::PeriodInvalid,
    Key::DateInvalid,
    Key::TargetOpUnknown,
    Key::TargetOpNeedsFinite,
    Key::TargetOpNeeds,
    Key::TargetRangeReversed,
    Key::TargetToleranceInvalid,
    Key::TargetToleranceNotApprox,
    Key::TargetUsesOnlyValue,
    Key::TargetUsesMinMax,
    Key::TargetUsesValueTolerance,
];

/// What serde found where something else was expected (`string "5"`, `map`), in words.
fn found_arg(text: &str) -> Arg {
    let kinds = [
        ("string ", Key::FoundString),
        ("integer ", Key::FoundInteger),
        ("floating point ", Key::FoundFloat),
        ("boolean ", Key::FoundBoolean),
    ];
    match text {
        "map" => Key::FoundObject.into(),
        "sequence" => Key::FoundList.into(),
        _ => kinds
            .iter()
            .find_map(|(kind, key)| {
                let value = text.strip_prefix(kind)?;
                Some(Message::new(*key).with("value", value).into())
            })
            .unwrap_or_else(|| text.into()),
    }
}

/// What serde expected, in words: Rust's names for types said in JSON's, and the model's
/// own descriptions (`Visitor::expecting`, written from the catalogue) read back.
fn expected_arg(text: &str) -> Arg {
    let rust = [
        ("f64", Key::ExpectNumber),
        ("u32", Key::ExpectWhole),
        ("a sequence", Key::ExpectList),
    ];
    let own = [
        Key::ExpectString,
        Key::ExpectFields,
        Key::ExpectName,
        Key::ExpectPeriod,
        Key::ExpectDate,
        Key::ExpectDataset,
    ];
    if text.starts_with("struct ") {
        return Key::ExpectObject.into();
    }
    rust.iter()
        .find(|(t, _)| *t == text)
        .map(|(_, k)| *k)
        .or_else(|| own.iter().copied().find(|k| k.english() == text))
        .map_or_else(|| text.into(), Arg::from)
}

/// The byte offset in `s` just past serde_json's (1-based line, byte column) position.
fn byte_end(s: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match s[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    floor_boundary(s, (start + column).min(s.len()))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Line and character column of the last character before byte `end` (column 1 at the
/// start of a line), which is where serde_json stands when it reports an error.
fn line_col_before(body: &str, end: usize) -> (usize, usize) {
    let end = floor_boundary(body, end.min(body.len()));
    let line_start = body[..end].rfind('\n').map_or(0, |i| i + 1);
    let line = body[..line_start].matches('\n').count() + 1;
    (line, body[line_start..end].chars().count().max(1))
}

/// Places `d` at the character starting at byte `at`.
fn place_at(body: &str, at: usize, d: &mut Diagnostic) {
    let at = floor_boundary(body, at.min(body.len()));
    let line_start = body[..at].rfind('\n').map_or(0, |i| i + 1);
    d.line = Some(body[..line_start].matches('\n').count() + 1);
    d.column = Some(body[line_start..at].chars().count() + 1);
}

/// Where `sub` (a slice borrowed from `body`, as a `RawValue` is) starts in `body`.
fn offset_in(body: &str, sub: &str) -> usize {
    let (b, s) = (body.as_ptr() as usize, sub.as_ptr() as usize);
    if s >= b && s - b <= body.len() {
        s - b
    } else {
        0
    }
}

/// Gives a validation finding the line and column of the value its path names (or of
/// the nearest enclosing value that exists).
pub(super) fn locate(text: &str, d: &mut Diagnostic, index: usize) {
    if index >= MAX_LOCATED {
        return;
    }
    let body = strip_bom(text);
    if let Some(at) = find_path(body, &d.path) {
        place_at(body, at, d);
    }
}

/// The byte offset of the value at `path` in `body`, or of the deepest enclosing value
/// that exists; `None` for an empty path or an unreadable document.
fn find_path(body: &str, path: &str) -> Option<usize> {
    let mut cur = body;
    let mut at = None;
    for seg in segments(path) {
        let next = match seg {
            Segment::Key(k) => serde_json::from_str::<Entries>(cur)
                .ok()
                .and_then(|e| e.0.into_iter().find(|(key, _)| key == k))
                .map(|(_, raw)| raw.get()),
            Segment::Index(i) => serde_json::from_str::<Vec<&RawValue>>(cur)
                .ok()
                .and_then(|v| v.get(i).map(|raw| raw.get())),
        };
        match next {
            Some(n) => {
                cur = n;
                at = Some(offset_in(body, n));
            }
            None => break,
        }
    }
    at
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits `indicators[3].targets[0].max` into keys and indices.
fn segments(path: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        for idx in rest.split('[') {
            if let Ok(i) = idx.trim_end_matches(']').parse() {
                out.push(Segment::Index(i));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::Lang;

    /// serde_json's error reading `text` as `T`.
    fn error<'a, T: Deserialize<'a>>(text: &'a str) -> serde_json::Error {
        match serde_json::from_str::<T>(text) {
            Err(e) => e,
            Ok(_) => panic!("{text} read"),
        }
    }

    /// Each shape of serde_json's messages (and of the model's own, raised through serde)
    /// is read into its key: the English is serde's, with Rust's type names said in
    /// JSON's, and the Vietnamese is the catalogue's.
    #[test]
    fn serde_messages_read_into_keys() {
        use crate::model::{Change, Level, Text, Unit};
        use crate::period::Period;
        use serde_json::Value;
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct NoFields {}
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct OneField {
            a: u32,
        }
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum OneVariant {
            One,
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        let cases: Vec<(serde_json::Error, &str, &str, &str)> = vec![
            (error::<Value>("[1"), "json.eof_list", "EOF while parsing a list", "danh sách [...] chưa đóng"),
            (error::<Value>("{\"a\":1"), "json.eof_object", "EOF while parsing an object", "đối tượng {...} chưa đóng"),
            (error::<Value>("\"abc"), "json.eof_string", "EOF while parsing a string", "chuỗi chưa đóng"),
            (error::<Value>("[1,"), "json.eof_value", "EOF while parsing a value", "còn thiếu một giá trị"),
            (error::<Value>("{\"a\" 1}"), "json.expected_colon", "expected `:`", "thiếu dấu `:`"),
            (error::<Value>("[1 2]"), "json.expected_comma_or_bracket", "expected `,` or `]`", "thiếu dấu `,` hoặc `]`"),
            (error::<Value>("{\"a\":1 \"b\":2}"), "json.expected_comma_or_brace", "expected `,` or `}`", "thiếu dấu `,` hoặc `}`"),
            (error::<Value>("trux"), "json.expected_ident", "expected ident", "true, false và null"),
            (error::<Value>("[,]"), "json.expected_value", "expected value", "cần một giá trị JSON"),
            (error::<Value>("\"\\q\""), "json.invalid_escape", "invalid escape", "ký tự thoát"),
            (error::<Value>("01"), "json.invalid_number", "invalid number", "số không hợp lệ"),
            (error::<Value>("1e999"), "json.number_out_of_range", "number out of range", "vượt quá phạm vi"),
            (error::<Value>("\"\\udc00\""), "json.lone_surrogate", "lone leading surrogate in hex escape", "surrogate"),
            (error::<Value>("\"\\ud800\""), "json.hex_escape_end", "unexpected end of hex escape", "thiếu chữ số"),
            (error::<Value>("\"\u{1}\""), "json.control_character", "control character (\\u0000-\\u001F) found while parsing a string", "ký tự điều khiển"),
            (error::<Value>("{1:2}"), "json.key_not_string", "key must be a string", "tên trường phải là một chuỗi"),
            (error::<Value>("[1,]"), "json.trailing_comma", "trailing comma", "thừa dấu phẩy"),
            (error::<Value>("1 2"), "json.trailing_characters", "trailing characters", "còn ký tự thừa"),
            (error::<Value>(&deep), "json.recursion_limit", "recursion limit exceeded", "lồng nhau quá nhiều cấp"),
            (error::<f64>("\"5\""), "json.invalid_type", "invalid type: string \"5\", expected a number", "sai kiểu dữ liệu: gặp chuỗi \"5\", cần một số"),
            (error::<Text>("5"), "json.invalid_type", "invalid type: integer `5`, expected a name: a string, or an object {\"vi\": \"…\", \"en\": \"…\"}", "gặp số nguyên `5`, cần một tên"),
            (error::<Vec<u32>>("{}"), "json.invalid_type", "invalid type: object, expected a list [...]", "gặp một đối tượng {...}, cần một danh sách [...]"),
            (error::<Obj<Plan>>("[1]"), "json.invalid_type", "invalid type: list, expected an object {\"field\": value, …}", "gặp một danh sách [...], cần một đối tượng {\"trường\": giá trị, …}"),
            (error::<Plan>("true"), "json.invalid_type", "invalid type: boolean `true`, expected an object {...}", "gặp giá trị đúng/sai `true`, cần một đối tượng {...}"),
            (error::<Period>("2025.5"), "json.invalid_type", "invalid type: floating point `2025.5`, expected a period as a string YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD", "gặp số thập phân `2025.5`, cần một kỳ viết dạng chuỗi"),
            (error::<Date>("true"), "json.invalid_type", "invalid type: boolean `true`, expected a date as a string YYYY-MM-DD", "cần một ngày viết dạng chuỗi YYYY-MM-DD"),
            (error::<Entries>("[1]"), "json.invalid_type", "invalid type: list, expected a JSON object {\"schema\": \"chitieu/1\", \"plan\": …, \"indicators\": […]}", "cần một đối tượng JSON"),
            (error::<String>("null"), "json.invalid_type", "invalid type: null, expected a string", "gặp null, cần một chuỗi"),
            (error::<u32>("-1"), "json.invalid_value", "invalid value: integer `-1`, expected a whole number from 0 to 4294967295", "giá trị không hợp lệ: gặp số nguyên `-1`, cần một số nguyên từ 0 đến 4294967295"),
            (error::<(u32, u32)>("[1]"), "json.invalid_length", "invalid length 1, expected a tuple of size 2", "sai độ dài 1, cần a tuple of size 2"),
            (error::<Level>("\"tinh\""), "json.unknown_variant", "unknown variant `tinh`, expected one of `province`, `district`, `commune`", "`tinh` không phải là giá trị hợp lệ; dùng một trong: `province`, `district`, `commune`"),
            (error::<Change>("\"up\""), "json.unknown_variant_two", "unknown variant `up`, expected `increase` or `decrease`", "dùng `increase` hoặc `decrease`"),
            (error::<OneVariant>("\"two\""), "json.unknown_variant_one", "unknown variant `two`, expected `one`", "cần `one`"),
            (error::<Plan>("{\"x\":1}"), "json.unknown_field", "unknown field `x`, expected one of `id`, `title`, `region`, `issuer`, `document`, `date`, `url`", "không có trường `x` trong định dạng; các trường hợp lệ: `id`"),
            (error::<Text>("{\"eng\":\"x\"}"), "json.unknown_field_two", "unknown field `eng`, expected `vi` or `en`", "dùng `vi` hoặc `en`"),
            (error::<OneField>("{\"x\":1}"), "json.unknown_field_one", "unknown field `x`, expected `a`", "cần `a`"),
            (error::<NoFields>("{\"x\":1}"), "json.unknown_field_none", "unknown field `x`, there are no fields", "không có trường nào"),
            (error::<Plan>("{\"id\":\"p\"}"), "json.missing_field", "missing field `title`", "thiếu trường `title`"),
            (error::<Text>("{\"vi\":\"a\",\"vi\":\"b\"}"), "json.duplicate_field", "duplicate field `vi`", "trường `vi` bị lặp lại"),
            (error::<Unit>("\" \""), "unit.blank", "unit must not be empty", "không được để trống"),
            (error::<Period>("\"2025-5\""), "period.invalid", "'2025-5' is not a valid period: expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD", "'2025-5' không phải là kỳ hợp lệ"),
            (error::<Date>("\"2024-13-01\""), "date.invalid", "'2024-13-01' is not a valid date: expected YYYY-MM-DD", "'2024-13-01' không phải là ngày hợp lệ"),
            (error::<Target>("{\"op\":\"khoang\",\"value\":1}"), "target.op_unknown", "unknown op 'khoang': expected one of gte, gt, lte, lt, eq, range, approx", "'khoang' không phải là phép so sánh hợp lệ; dùng một trong: gte, gt, lte, lt, eq, range, approx"),
            (error::<Target>("{\"op\":\"range\",\"min\":1}"), "target.op_needs", "op 'range' needs 'max'", "phép so sánh 'range' cần có 'max'"),
            (error::<Target>("{\"op\":\"range\",\"min\":5,\"max\":1.5}"), "target.range_reversed", "range min 5 is above max 1.5", "'min' 5 lớn hơn 'max' 1.5"),
            (error::<Target>("{\"op\":\"approx\",\"value\":1,\"tolerance\":-1}"), "target.tolerance_invalid", "tolerance must be a relative share ≥ 0 (0.05 = 5%), got -1", "nhưng ở đây là -1"),
            (error::<Target>("{\"op\":\"gt\",\"value\":1,\"tolerance\":1}"), "target.tolerance_not_approx", "op 'gt' uses only 'value'; remove 'tolerance' (or use op 'approx')", "hãy bỏ 'tolerance'"),
            (error::<Target>("{\"op\":\"gt\",\"value\":1,\"max\":1}"), "target.uses_only_value", "op 'gt' uses only 'value'; remove 'max'", "phép so sánh 'gt' chỉ dùng 'value'; hãy bỏ 'max'"),
            (error::<Target>("{\"op\":\"range\",\"min\":1,\"max\":2,\"value\":1}"), "target.uses_min_max", "op 'range' uses 'min' and 'max'; remove 'value'", "hãy bỏ 'value'"),
            (error::<Target>("{\"op\":\"approx\",\"value\":1,\"min\":1}"), "target.uses_value_tolerance", "op 'approx' uses 'value' and 'tolerance'; remove 'min'", "hãy bỏ 'min'"),
            (error::<char>("\"ab\""), "json.invalid_value", "invalid value: string \"ab\", expected a character", "cần a character"),
        ];
        for (e, code, en, vi) in cases {
            let m = serde_message(&e);
            assert_eq!(m.code(), code, "{e}");
            assert_eq!(m.render(Lang::En), en, "{code}");
            let got = m.render(Lang::Vi);
            assert!(got.contains(vi), "{code}: {got}");
        }
    }

    /// A message the catalogue does not know keeps serde's words, after a Vietnamese lead.
    #[test]
    fn unknown_serde_messages_keep_their_words() {
        let e = <serde_json::Error as serde::de::Error>::custom("something new");
        let m = serde_message(&e);
        assert_eq!(m.code(), "json.other");
        assert_eq!(m.render(Lang::En), "something new");
        assert_eq!(m.render(Lang::Vi), "lỗi đọc JSON: something new");
    }

    #[test]
    fn paths_from_positions() {
        let t = r#"{"a": {"b": [1, {"c": "x"}]}, "d": 2}"#;
        let at = |needle: &str| t.find(needle).map(|i| i + needle.len()).unwrap_or(0);
        assert_eq!(path_at(t, at("\"x\"")), "a.b[1].c");
        assert_eq!(path_at(t, at("[1,")), "a.b[1]");
        assert_eq!(path_at(t, at("\"d\"")), "d");
        // Just past an object (and a separator): the object itself.
        assert_eq!(path_at(t, at("\"c\": \"x\"}")), "a.b[1]");
        assert_eq!(path_at(t, at("\"c\": \"x\"}]},")), "a");
        let escaped = r#"{"k\"ey": [0, 1"#;
        assert_eq!(path_at(escaped, escaped.len()), "k\"ey[1]");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"schema\": \"chitieu/1\", \"plan\": {\"id\": \"p\", \"title\": \"Kế hoạch\", \"x\": 1}}";
        let Err(LoadError::Read { errors, .. }) = read_json(text) else {
            panic!("should fail")
        };
        let d = &errors[0];
        assert_eq!(d.path, "plan.x");
        // The value of `"x"` starts at character 71 of the line, which is byte 75.
        assert_eq!((d.line, d.column), (Some(1), Some(71)));
    }

    #[test]
    fn path_segments() {
        let s = segments("indicators[3].targets[0].max");
        assert_eq!(s.len(), 5);
        assert!(matches!(s[1], Segment::Index(3)));
        assert!(matches!(s[4], Segment::Key("max")));
    }
}
