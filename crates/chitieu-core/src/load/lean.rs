//! Reading a dataset from an already parsed JSON value, without serde.
//!
//! The widgets' wasm gets its data from `JSON.parse` in the page, and serde would cost it
//! tens of kilobytes. This reader is small because it never explains: it answers
//! `Some` only where [`super::read_json`] would read the very same dataset, and `None`
//! for everything else, including some documents serde accepts (a number whose literal
//! form is unknown, a `level` written as `{"province": null}`). A `None` sends the page
//! to the full reader, which says what is wrong and where, so stricter only costs time.
//!
//! What the parsed value cannot show is the caller's to check on the text: a byte-order
//! mark (strip it before parsing), and duplicate keys, which `JSON.parse` collapses and
//! serde refuses.

use crate::model::{Baseline, Bound, Change, Dataset, Indicator, Level, Observation};
use crate::model::{Due, Every, Pillar, Plan, Source, Target, Task, TaskStatus, Text, Unit};
use crate::model::{Update, SCHEMA};
use crate::period::{Date, Period};

use super::{Diagnostic, Quarantined};

/// A parsed JSON value: a `JSON.parse` result in the browser, `serde_json::Value` in
/// tests. Each method answers `None` (or `false`) for a value of another JSON type.
pub trait Value: Sized {
    /// A string. `None` also for one with a lone surrogate (`"\ud800"`), which
    /// `JSON.parse` keeps and serde refuses; the same goes for the keys of [`Self::entries`].
    fn as_str(&self) -> Option<String>;
    /// A number.
    fn as_f64(&self) -> Option<f64>;
    /// A number written as a non-negative integer without fraction or exponent (`4`, not
    /// `4.0`), which is all serde reads as a page or a year. `JSON.parse` forgets how a
    /// number was written, so the default knows none and such fields give `None`.
    fn as_int_literal(&self) -> Option<u64> {
        None
    }
    fn is_null(&self) -> bool;
    /// An array's items.
    fn items(&self) -> Option<Vec<Self>>;
    /// An object's entries, every one even when a key repeats; order does not matter.
    fn entries(&self) -> Option<Vec<(String, Self)>>;
}

/// A whole, non-negative number below 2^53 as an integer: how a value from `JSON.parse`
/// answers [`Value::as_int_literal`], since it cannot tell `12` from `12.0` (serde refuses
/// the latter as a page or a year: the one place the page reads more than `load_json`).
pub fn whole_number(v: f64) -> Option<u64> {
    (v.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&v)).then_some(v as u64)
}

/// The dataset in `v`, when serde would read exactly this one from the same JSON.
pub fn read<V: Value>(v: &V) -> Option<Dataset> {
    let mut o = Fields::of(v)?;
    let schema = o.take("schema")?.as_str().filter(|s| s == SCHEMA)?;
    let plan = plan(&o.take("plan")?)?;
    let as_of = optional(o.take("as_of"), |v| v.as_str()?.parse::<Date>().ok())?;
    let pillars = list(o.take("pillars"), pillar)?;
    let indicators = list(Some(o.take("indicators")?), indicator)?;
    let tasks = list(o.take("tasks"), task)?;
    o.done(Dataset {
        quarantined: Vec::new(),
        tasks,
        quarantined_tasks: Vec::new(),
        schema,
        plan,
        as_of,
        pillars,
        indicators,
    })
}

/// [`read`], then validation: `Some` exactly when [`super::load_json`] would succeed.
/// Only whether there is an error is asked ([`super::has_errors`]), so no message is
/// written and their code stays out of the wasm.
pub fn load<V: Value>(v: &V) -> Option<Dataset> {
    let ds = read(v)?;
    (!super::has_errors(&ds)).then_some(ds)
}

/// The indicators and tasks a page's dataset has set aside, as the analysis wasm hands
/// them over: `[{"index", "id", "name"?, "pillar"?, "task"?, "errors": ["…"]}]` (`"task":
/// true` for a task), each error a whole sentence in the page's language (see
/// [`Quarantined::localize`]), which is all a widget shows. `None` for anything else.
pub fn quarantined<V: Value>(v: &V) -> Option<(Vec<Quarantined>, Vec<Quarantined>)> {
    let (mut indicators, mut tasks) = (Vec::new(), Vec::new());
    for q in v.items()? {
        let mut o = Fields::of(&q)?;
        let is_task = o.take("task").is_some_and(|t| !t.is_null());
        let one = Quarantined {
            index: whole_number(o.take("index")?.as_f64()?)? as usize,
            id: o.string("id")?,
            name: optional(o.take("name"), text)?,
            pillar: o.opt_string("pillar")?,
            diagnostics: list(o.take("errors"), |e| {
                Some(Diagnostic::sentence(e.as_str()?))
            })?,
        };
        if is_task { &mut tasks } else { &mut indicators }.push(one);
    }
    Some((indicators, tasks))
}

/// An object's entries, taken field by field; anything left over is an unknown field
/// or a repeated one, which serde refuses.
struct Fields<V>(Vec<(String, V)>);

impl<V: Value> Fields<V> {
    fn of(v: &V) -> Option<Self> {
        v.entries().map(Fields)
    }

    fn take(&mut self, key: &str) -> Option<V> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.swap_remove(i).1)
    }

    fn done<T>(self, t: T) -> Option<T> {
        self.0.is_empty().then_some(t)
    }

    fn string(&mut self, key: &str) -> Option<String> {
        self.take(key)?.as_str()
    }

    /// An optional string field: `Some(None)` when absent or null.
    fn opt_string(&mut self, key: &str) -> Option<Option<String>> {
        optional(self.take(key), V::as_str)
    }

    fn opt_number(&mut self, key: &str) -> Option<Option<f64>> {
        optional(self.take(key), number)
    }
}

/// An `Option` field: absent and null are `None`; otherwise `read` must succeed.
fn optional<V: Value, T>(v: Option<V>, read: impl FnOnce(&V) -> Option<T>) -> Option<Option<T>> {
    match v {
        Some(v) if !v.is_null() => read(&v).map(Some),
        _ => Some(None),
    }
}

/// A list field: absent is empty, null is not a list.
fn list<V: Value, T>(v: Option<V>, read: fn(&V) -> Option<T>) -> Option<Vec<T>> {
    match v {
        Some(v) => v.items()?.iter().map(read).collect(),
        None => Some(Vec::new()),
    }
}

/// JSON numbers are finite; `JSON.parse` turns `1e400` into infinity, which serde refuses.
fn number<V: Value>(v: &V) -> Option<f64> {
    v.as_f64().filter(|x| x.is_finite())
}

/// A period string, or a year written as a bare integer (`"deadline": 2025`).
fn period<V: Value>(v: &V) -> Option<Period> {
    match v.as_str() {
        Some(s) => s.parse().ok(),
        None => {
            let y = v.as_int_literal().filter(|y| (1000..=9999).contains(y))?;
            i32::try_from(y).ok().map(Period::Year)
        }
    }
}

fn text<V: Value>(v: &V) -> Option<Text> {
    if let Some(vi) = v.as_str() {
        return Some(Text { vi, en: None });
    }
    let mut o = Fields::of(v)?;
    let vi = o.string("vi")?;
    let en = o.opt_string("en")?;
    o.done(Text { vi, en })
}

fn plan<V: Value>(v: &V) -> Option<Plan> {
    let mut o = Fields::of(v)?;
    let p = Plan {
        id: o.string("id")?,
        title: o.string("title")?,
        region: o.opt_string("region")?,
        issuer: o.opt_string("issuer")?,
        document: o.opt_string("document")?,
        date: o.opt_string("date")?,
        url: o.opt_string("url")?,
    };
    o.done(p)
}

fn pillar<V: Value>(v: &V) -> Option<Pillar> {
    let mut o = Fields::of(v)?;
    let p = Pillar {
        id: o.string("id")?,
        name: text(&o.take("name")?)?,
        weight: match o.take("weight") {
            Some(w) => number(&w)?,
            None => 1.0,
        },
    };
    o.done(p)
}

fn indicator<V: Value>(v: &V) -> Option<Indicator> {
    let mut o = Fields::of(v)?;
    let unit = o.string("unit")?;
    if unit.trim().is_empty() {
        return None;
    }
    let level = optional(o.take("level"), |v| match v.as_str()?.as_str() {
        "province" => Some(Level::Province),
        "district" => Some(Level::District),
        "commune" => Some(Level::Commune),
        _ => None,
    })?;
    let i = Indicator {
        id: o.string("id")?,
        key: o.opt_string("key")?,
        pillar: o.opt_string("pillar")?,
        name: text(&o.take("name")?)?,
        unit: Unit::parse(&unit),
        level,
        owner: o.opt_string("owner")?,
        targets: list(o.take("targets"), target)?,
        baseline: optional(o.take("baseline"), baseline)?,
        observations: list(o.take("observations"), observation)?,
        source: optional(o.take("source"), source)?,
        note: o.opt_string("note")?,
    };
    o.done(i)
}

/// A target, with the checks of `Target`'s `TryFrom<RawTarget>` but none of its
/// messages (which format numbers, a large piece of code in wasm).
fn target<V: Value>(v: &V) -> Option<Target> {
    let mut o = Fields::of(v)?;
    let text = o.opt_string("text")?;
    let op = o.string("op")?;
    let value = o.opt_number("value")?;
    let min = o.opt_number("min")?;
    let max = o.opt_number("max")?;
    let tolerance = o.opt_number("tolerance")?;
    let change = optional(o.take("change"), |v| match v.as_str()?.as_str() {
        "increase" => Some(Change::Increase),
        "decrease" => Some(Change::Decrease),
        _ => None,
    })?;
    let deadline = optional(o.take("deadline"), period)?;
    let single = |f: fn(f64) -> Bound| {
        (min.is_none() && max.is_none() && tolerance.is_none())
            .then_some(value)
            .flatten()
            .map(f)
    };
    let bound = match op.as_str() {
        "gte" => single(Bound::Gte)?,
        "gt" => single(Bound::Gt)?,
        "lte" => single(Bound::Lte)?,
        "lt" => single(Bound::Lt)?,
        "eq" => single(Bound::Eq)?,
        "range" => match (min, max, value, tolerance) {
            (Some(min), Some(max), None, None) if min <= max => Bound::Range { min, max },
            _ => return None,
        },
        "approx" => match (value, min, max, tolerance) {
            (Some(value), None, None, t) if t.is_none_or(|t| t >= 0.0) => Bound::Approx {
                value,
                tolerance: t,
            },
            _ => return None,
        },
        _ => return None,
    };
    o.done(Target {
        bound,
        change,
        deadline,
        text,
    })
}

fn baseline<V: Value>(v: &V) -> Option<Baseline> {
    let mut o = Fields::of(v)?;
    let b = Baseline {
        period: period(&o.take("period")?)?,
        value: number(&o.take("value")?)?,
    };
    o.done(b)
}

fn observation<V: Value>(v: &V) -> Option<Observation> {
    let mut o = Fields::of(v)?;
    let ob = Observation {
        period: period(&o.take("period")?)?,
        value: o.opt_number("value")?,
        numerator: o.opt_number("numerator")?,
        denominator: o.opt_number("denominator")?,
        reported: o.opt_number("reported")?,
        note: o.opt_string("note")?,
    };
    o.done(ob)
}

fn source<V: Value>(v: &V) -> Option<Source> {
    let mut o = Fields::of(v)?;
    let s = Source {
        document: o.opt_string("document")?,
        section: o.opt_string("section")?,
        page: optional(o.take("page"), |v| {
            v.as_int_literal().and_then(|p| u32::try_from(p).ok())
        })?,
        row: o.opt_string("row")?,
    };
    o.done(s)
}

fn strings<V: Value>(v: Option<V>) -> Option<Vec<String>> {
    list(v, V::as_str)
}

fn task<V: Value>(v: &V) -> Option<Task> {
    let mut o = Fields::of(v)?;
    let t = Task {
        id: o.string("id")?,
        group: strings(o.take("group"))?,
        pillar: o.opt_string("pillar")?,
        name: text(&o.take("name")?)?,
        lead: strings(o.take("lead"))?,
        partners: strings(o.take("partners"))?,
        output: o.opt_string("output")?,
        due: optional(o.take("due"), due)?,
        indicators: strings(o.take("indicators"))?,
        source: optional(o.take("source"), source)?,
        note: o.opt_string("note")?,
        updates: list(o.take("updates"), update)?,
    };
    o.done(t)
}

fn due<V: Value>(v: &V) -> Option<Due> {
    let mut o = Fields::of(v)?;
    let d = Due {
        text: o.opt_string("text")?,
        period: optional(o.take("period"), period)?,
        start: optional(o.take("start"), period)?,
        every: optional(o.take("every"), |v| {
            (v.as_str()? == "year").then_some(Every::Year)
        })?,
    };
    o.done(d)
}

fn update<V: Value>(v: &V) -> Option<Update> {
    let mut o = Fields::of(v)?;
    let u = Update {
        date: o.string("date")?.parse().ok()?,
        status: TaskStatus::parse(&o.string("status")?)?,
        note: o.opt_string("note")?,
        evidence_url: o.opt_string("evidence_url")?,
    };
    o.done(u)
}
