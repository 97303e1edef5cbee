//! Checks a read dataset for what its types cannot express.
//!
//! Errors are what makes the dataset unusable as it is (duplicate ids, a ratio with a
//! zero or negative denominator, a reference to a pillar that does not exist). Warnings
//! are what a careful statistician would query before publishing: a printed percentage
//! that does not follow from its own numerator and denominator, a share above 100%, a
//! result dated after the date the figures are said to be current to.

use std::fmt;

use super::{Diagnostic, Severity};
use crate::messages::{Arg, Key, Message};
use crate::model::{Bound, Change, Dataset, Indicator, Observation, Unit, SCHEMA};
use crate::number::{pow10, shortest};
use crate::period::{Date, Period};

/// Every error and warning about `ds`, in document order. Each message names the
/// indicator id and the field; each path is the JSON path of the field.
pub fn validate(ds: &Dataset) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check(ds, &mut out);
    out
}

/// Whether [`validate`] finds any error, without writing a single message: the checks
/// alone, which is all the widgets' wasm needs (the messages' code, number formatting
/// and the catalogue included, would be tens of KB there).
pub fn has_errors(ds: &Dataset) -> bool {
    let mut any = AnyError(false);
    check(ds, &mut any);
    any.0
}

/// Where the checks put their findings. The checks are written once, generic over
/// this; each sink's copy keeps only what it uses.
pub(crate) trait Findings {
    /// Whether warnings are kept. A sink that keeps none skips the warning-only checks
    /// that cost more than a comparison (see [`IndicatorChecks::observations`]).
    const WARNINGS: bool = true;

    /// `path` and `message` are only called by sinks that keep them.
    fn add(
        &mut self,
        severity: Severity,
        path: impl FnOnce() -> String,
        message: impl FnOnce() -> Message,
    );

    fn error(&mut self, path: impl FnOnce() -> String, message: impl FnOnce() -> Message) {
        self.add(Severity::Error, path, message);
    }

    fn warning(&mut self, path: impl FnOnce() -> String, message: impl FnOnce() -> Message) {
        self.add(Severity::Warning, path, message);
    }
}

impl Findings for Vec<Diagnostic> {
    fn add(
        &mut self,
        severity: Severity,
        path: impl FnOnce() -> String,
        message: impl FnOnce() -> Message,
    ) {
        self.push(Diagnostic::new(severity, path(), message()));
    }
}

/// Whether there is any error; builds no text.
pub(crate) struct AnyError(pub bool);

impl Findings for AnyError {
    const WARNINGS: bool = false;

    fn add(
        &mut self,
        severity: Severity,
        _path: impl FnOnce() -> String,
        _message: impl FnOnce() -> Message,
    ) {
        self.0 |= severity == Severity::Error;
    }
}

/// A fixed path, for [`Findings::add`].
fn at(path: &'static str) -> impl FnOnce() -> String {
    move || path.to_string()
}

/// A number in a message.
fn num(v: f64) -> Arg {
    Arg::num(v)
}

/// Something named by its id: "pillar 'x'".
fn named(what: Key, id: &str) -> Message {
    Message::new(Key::Named).with("what", what).with("id", id)
}

/// A field of something: "target 1: min".
fn field(what: impl Into<Arg>, name: &str) -> Message {
    Message::new(Key::WhatField)
        .with("what", what)
        .with("field", name)
}

/// The checks, in document order.
fn check(ds: &Dataset, out: &mut impl Findings) {
    if ds.schema != SCHEMA {
        out.error(at("schema"), || {
            Message::new(Key::SchemaExpected)
                .with("found", ds.schema.as_str())
                .with("expected", SCHEMA)
        });
    }
    check_id(out, at("plan.id"), Key::NounPlan, &ds.plan.id);
    if ds.plan.title.trim().is_empty() {
        out.warning(at("plan.title"), || Key::PlanTitleEmpty.into());
    }

    let mut pillar_ids: FirstSeen<&str> = FirstSeen::default();
    for (j, p) in ds.pillars.iter().enumerate() {
        let at = |field: &'static str| move || format!("pillars[{j}].{field}");
        let who = || named(Key::NounPillar, &p.id);
        check_id(out, at("id"), Key::NounPillar, &p.id);
        if let Some(first) = pillar_ids.insert(&p.id, j) {
            out.error(at("id"), || used_again(who(), format!("pillars[{first}]")));
        }
        if p.name.vi.trim().is_empty() {
            out.warning(at("name"), || Message::about(who(), Key::NameEmpty));
        }
        if !p.weight.is_finite() || p.weight < 0.0 {
            out.error(at("weight"), || {
                Message::about(
                    who(),
                    Message::new(Key::PillarWeight).with("weight", num(p.weight)),
                )
            });
        }
    }

    if ds.indicators.is_empty() {
        out.warning(at("indicators"), || Key::NoIndicators.into());
    }
    let mut indicator_ids: FirstSeen<&str> = FirstSeen::default();
    for (i, ind) in ds.indicators.iter().enumerate() {
        if let Some(first) = indicator_ids.insert(&ind.id, i) {
            out.error(
                || format!("indicators[{i}].id"),
                || {
                    used_again(
                        named(Key::NounIndicator, &ind.id),
                        format!("indicators[{first}]"),
                    )
                },
            );
        }
        IndicatorChecks {
            ds,
            pillar_ids: &pillar_ids,
            ind,
            i,
            out: &mut *out,
        }
        .run();
    }
    if !ds.tasks.is_empty() {
        check_tasks(ds, &pillar_ids, &mut indicator_ids, out);
    }
}

/// The checks of the tasks: ids, references to pillars and indicators, the separators
/// the CSV form joins lists with, due periods, and progress reports.
fn check_tasks<'a, F: Findings>(
    ds: &'a Dataset,
    pillar_ids: &FirstSeen<&str>,
    indicator_ids: &mut FirstSeen<&'a str>,
    out: &mut F,
) {
    // An indicator set aside still exists: a task naming it is not wrong.
    for q in &ds.quarantined {
        indicator_ids.insert(&q.id, q.index);
    }
    let mut task_ids: FirstSeen<&str> = FirstSeen::default();
    for (k, t) in ds.tasks.iter().enumerate() {
        let who = || {
            if t.id.is_empty() {
                Message::new(Key::NumberedAt)
                    .with("what", Key::NounTask)
                    .with("n", k + 1)
            } else {
                named(Key::NounTask, &t.id)
            }
        };
        let at = |field: String| move || format!("tasks[{k}].{field}");
        // Generic, not `dyn`: the widgets' wasm asks only whether there is an error, and a
        // message builder behind a trait object would bring the catalogue into it.
        fn err<F: Findings>(
            out: &mut F,
            path: impl FnOnce() -> String,
            who: impl FnOnce() -> Message,
            msg: impl FnOnce() -> Message,
        ) {
            out.error(path, || Message::about(who(), msg()));
        }
        check_id(out, at("id".into()), Key::NounTask, &t.id);
        if let Some(first) = task_ids.insert(&t.id, k) {
            out.error(at("id".into()), || {
                used_again(who(), format!("tasks[{first}]"))
            });
        }
        if t.name.vi.trim().is_empty() {
            out.warning(at("name".into()), || Message::about(who(), Key::NameEmpty));
        }
        if let Some(p) = &t.pillar {
            if !pillar_ids.contains(&p.as_str()) {
                err(out, at("pillar".into()), who, || unknown_pillar(ds, p));
            }
        }
        for (n, h) in t.group.iter().enumerate() {
            if h.trim().is_empty() {
                err(out, at(format!("group[{n}]")), who, || {
                    Key::TaskGroupEmpty.into()
                });
            } else if h.contains(crate::tasks::GROUP_SEPARATOR.trim()) {
                err(out, at(format!("group[{n}]")), who, || {
                    Message::new(Key::TaskGroupSeparator)
                        .with("sep", crate::tasks::GROUP_SEPARATOR.trim())
                });
            }
        }
        for (list, units) in [("lead", &t.lead), ("partners", &t.partners)] {
            for (n, u) in units.iter().enumerate() {
                if u.trim().is_empty() {
                    err(out, at(format!("{list}[{n}]")), who, || {
                        Key::TaskUnitEmpty.into()
                    });
                } else if u.contains(';') {
                    err(out, at(format!("{list}[{n}]")), who, || {
                        Key::TaskUnitSeparator.into()
                    });
                }
            }
        }
        for (n, id) in t.indicators.iter().enumerate() {
            if !indicator_ids.contains(&id.as_str()) {
                err(out, at(format!("indicators[{n}]")), who, || {
                    Message::new(Key::TaskIndicatorUnknown).with("id", id.as_str())
                });
            }
        }
        if let Some(due) = &t.due {
            if due.text.is_none()
                && due.period.is_none()
                && due.start.is_none()
                && due.every.is_none()
            {
                err(out, at("due".into()), who, || Key::TaskDueEmpty.into());
            }
            if let (Some(start), Some(period)) = (due.start, due.period) {
                if start.last_day() > period.last_day() {
                    err(out, at("due.start".into()), who, || {
                        Message::new(Key::TaskDueStartAfter)
                            .with("start", start.to_string())
                            .with("period", period.to_string())
                    });
                }
            }
        }
        for (n, u) in t.updates.iter().enumerate() {
            if let Some(url) = &u.evidence_url {
                if !crate::model::is_web_address(url) {
                    err(out, at(format!("updates[{n}].evidence_url")), who, || {
                        let what = Message::new(Key::WhatUpdate).with("n", n + 1);
                        Message::about(what, Key::TaskEvidenceUrl)
                    });
                }
            }
            if F::WARNINGS {
                if let Some(as_of) = ds.as_of.filter(|a| u.date > *a) {
                    out.warning(at(format!("updates[{n}].date")), || {
                        let what = Message::new(Key::WhatUpdate).with("n", n + 1);
                        Message::about(
                            who(),
                            Message::about(
                                what,
                                Message::new(Key::TaskUpdateAfterAsOf)
                                    .with("as_of", as_of.to_string()),
                            ),
                        )
                    });
                }
            }
        }
    }
}

/// "pillar 'x' does not exist (known pillars: 'a', 'b')".
fn unknown_pillar(ds: &Dataset, p: &str) -> Message {
    // The first few only: every message naming thousands of pillars made a
    // pathological file's findings grow with the square of its size.
    let mut known: Vec<Arg> = ds
        .pillars
        .iter()
        .take(MAX_NAMED)
        .map(|p| Arg::Text(format!("'{}'", p.id)))
        .collect();
    if ds.pillars.len() > MAX_NAMED {
        known.push(
            Message::new(Key::ListInAll)
                .with("count", ds.pillars.len())
                .into(),
        );
    }
    let known = if known.is_empty() {
        Message::new(Key::PillarNone)
    } else {
        Message::new(Key::PillarKnown).with("pillars", Arg::List(known))
    };
    Message::new(Key::PillarUnknown)
        .with("pillar", p)
        .with("known", known)
}

/// Where each key was first seen, kept sorted: a hash map would bring hashing, random
/// keys and its tables into the browser's wasm (about 2 KB gzipped) for lists of tens to
/// a few thousand entries.
struct FirstSeen<K>(Vec<(K, usize)>);

impl<K> Default for FirstSeen<K> {
    fn default() -> Self {
        FirstSeen(Vec::new())
    }
}

impl<K: Ord + Copy> FirstSeen<K> {
    /// Records `key` at `at`, or gives where it was first seen (and keeps that).
    fn insert(&mut self, key: K, at: usize) -> Option<usize> {
        match self.0.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => self.0.get(i).map(|(_, first)| *first),
            Err(i) => {
                self.0.insert(i, (key, at));
                None
            }
        }
    }

    fn contains(&self, key: &K) -> bool {
        self.0.binary_search_by(|(k, _)| k.cmp(key)).is_ok()
    }
}

/// Known ids named in a message that says an id is unknown.
const MAX_NAMED: usize = 12;

/// "…: id is used again (first by pillars[0]); ids must be unique".
fn used_again(who: Message, first: String) -> Message {
    Message::about(
        who,
        Message::new(Key::IdUsedAgainFirst).with("first", first),
    )
}

/// `what` is the kind of thing the id is of (`Key::NounPlan`…).
fn check_id(out: &mut impl Findings, path: impl FnOnce() -> String, what: Key, id: &str) {
    if id.trim().is_empty() {
        out.error(path, || Message::about(what, Key::IdEmpty));
    } else if id.trim() != id {
        out.warning(path, || Message::about(named(what, id), Key::IdSpaces));
    }
}

/// A field of an indicator (`unit`, `baseline.value`) or of one of its targets or
/// observations (`targets[0].min`): cheap to make, written out only for a kept finding.
#[derive(Clone, Copy)]
struct Field {
    /// The list and the index in it.
    item: Option<(&'static str, usize)>,
    name: &'static str,
}

impl Field {
    /// A field of the `k`th item of `list` (`targets`, `observations`).
    fn item(list: &'static str, k: usize, name: &'static str) -> Field {
        Field {
            item: Some((list, k)),
            name,
        }
    }
}

impl From<&'static str> for Field {
    fn from(name: &'static str) -> Field {
        Field { item: None, name }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((list, k)) = self.item {
            write!(f, "{list}[{k}].")?;
        }
        f.write_str(self.name)
    }
}

/// How messages name an indicator: by its id, or by its place when it has none.
fn who(i: usize, ind: &Indicator) -> Message {
    if ind.id.is_empty() {
        Message::new(Key::NumberedAt)
            .with("what", Key::NounIndicator)
            .with("n", i + 1)
    } else {
        named(Key::NounIndicator, &ind.id)
    }
}

/// The checks of one indicator, sharing its path and how to name it.
struct IndicatorChecks<'a, F> {
    ds: &'a Dataset,
    /// The declared pillars, looked up once per indicator.
    pillar_ids: &'a FirstSeen<&'a str>,
    ind: &'a Indicator,
    /// Its place in `indicators`.
    i: usize,
    out: &'a mut F,
}

impl<F: Findings> IndicatorChecks<'_, F> {
    fn add(
        &mut self,
        severity: Severity,
        field: impl Into<Field>,
        message: impl FnOnce() -> Message,
    ) {
        let (field, i, ind) = (field.into(), self.i, self.ind);
        self.out.add(
            severity,
            || format!("indicators[{i}].{field}"),
            || Message::about(who(i, ind), message()),
        );
    }

    fn error(&mut self, field: impl Into<Field>, message: impl FnOnce() -> Message) {
        self.add(Severity::Error, field, message);
    }

    fn warning(&mut self, field: impl Into<Field>, message: impl FnOnce() -> Message) {
        self.add(Severity::Warning, field, message);
    }

    /// Whether values are levels (shares, counts) rather than rates of change, which
    /// may be negative or above 100%.
    fn is_level(&self) -> bool {
        self.ind.targets.iter().all(|t| t.change.is_none())
    }

    fn is_percent(&self) -> bool {
        self.ind.unit == Unit::Percent
    }

    fn run(mut self) {
        let (ds, ind, i) = (self.ds, self.ind, self.i);
        check_id(
            self.out,
            || format!("indicators[{i}].id"),
            Key::NounIndicator,
            &ind.id,
        );
        if ind.name.vi.trim().is_empty() {
            self.warning("name", || Key::NameEmpty.into());
        }
        if let Unit::Other(u) = &ind.unit {
            if u.trim().is_empty() {
                self.error("unit", || Key::UnitEmpty.into());
            }
        }
        if let Some(p) = &ind.pillar {
            if !self.pillar_ids.contains(&p.as_str()) {
                self.error("pillar", || unknown_pillar(ds, p));
            }
        }
        self.targets();
        if let Some(b) = &ind.baseline {
            if !b.value.is_finite() {
                self.error("baseline.value", || {
                    not_finite(Key::WhatBaselineValue.into(), b.value)
                });
            } else {
                self.percent_range("baseline.value", || Key::WhatBaselineValue.into(), b.value);
            }
        }
        self.observations();
    }

    fn targets(&mut self) {
        let ind = self.ind;
        if ind.targets.is_empty() {
            self.warning("targets", || Key::TargetsNone.into());
        }
        for (k, t) in ind.targets.iter().enumerate() {
            let at = |name| Field::item("targets", k, name);
            let what = || match t.deadline {
                Some(d) => Message::new(Key::WhatTargetDeadline)
                    .with("n", k + 1)
                    .with("deadline", d.to_string()),
                None => Message::new(Key::WhatTarget).with("n", k + 1),
            };
            let numbers: Vec<(&'static str, f64)> = match t.bound {
                Bound::Range { min, max } => vec![("min", min), ("max", max)],
                Bound::Approx { value, tolerance } => {
                    let mut v = vec![("value", value)];
                    v.extend(tolerance.map(|t| ("tolerance", t)));
                    v
                }
                b => vec![("value", b.value())],
            };
            let mut finite = true;
            for &(name, v) in &numbers {
                if !v.is_finite() {
                    finite = false;
                    self.error(at(name), || not_finite(field(what(), name), v));
                }
            }
            if !finite {
                continue;
            }
            match t.bound {
                Bound::Range { min, max } if min > max => {
                    self.error(at("min"), || {
                        Message::about(
                            what(),
                            Message::new(Key::TargetRangeReversed)
                                .with("min", num(min))
                                .with("max", num(max)),
                        )
                    });
                }
                Bound::Approx {
                    tolerance: Some(tol),
                    ..
                } if tol < 0.0 => {
                    self.error(at("tolerance"), || {
                        Message::about(
                            what(),
                            Message::new(Key::TargetToleranceNegative).with("tolerance", num(tol)),
                        )
                    });
                }
                _ => {}
            }
            for &(name, v) in numbers.iter().filter(|(n, _)| *n != "tolerance") {
                self.percent_range(at(name), || field(what(), name), v);
            }
            if t.change == Some(Change::Decrease) && t.bound.value() < 0.0 {
                self.warning(at("value"), || {
                    Message::about(
                        what(),
                        Message::new(Key::TargetDecreaseNegative)
                            .with("value", num(t.bound.value())),
                    )
                });
            }
            if let (Some(deadline), Some(b)) = (t.deadline, &ind.baseline) {
                if deadline.last_day() <= b.period.last_day() {
                    self.warning(at("deadline"), || {
                        Message::about(
                            what(),
                            Message::new(Key::TargetDeadlineNotAfterBaseline)
                                .with("deadline", deadline.to_string())
                                .with("period", b.period.to_string()),
                        )
                    });
                }
            }
        }
    }

    /// A percent level outside 0–100 is queried (not refused: some indicators exceed
    /// 100%, but more often it is a typo or a count in the wrong unit).
    fn percent_range(&mut self, field: impl Into<Field>, what: impl FnOnce() -> Message, v: f64) {
        if !(self.is_percent() && self.is_level()) {
            return;
        }
        let key = if v > 100.0 {
            Key::PercentAbove
        } else if v < 0.0 {
            Key::PercentNegative
        } else {
            return;
        };
        self.warning(field, || {
            Message::new(key).with("what", what()).with("value", num(v))
        });
    }

    fn observations(&mut self) {
        // Period's order puts "2024-12" and "2024-12-31" level (same end, same first
        // month); the kind of period tells them apart.
        let mut seen: FirstSeen<(Period, u8)> = FirstSeen::default();
        for (j, o) in self.ind.observations.iter().enumerate() {
            let kind = match o.period {
                Period::Year(_) => 0,
                Period::Quarter(..) => 1,
                Period::Month(..) => 2,
                Period::Day(_) => 3,
            };
            // Only warns, and keeps a sorted list: skipped when no warning is kept.
            if F::WARNINGS {
                if let Some(first) = seen.insert((o.period, kind), j) {
                    self.warning(Field::item("observations", j, "period"), || {
                        Message::about(
                            observation(o),
                            Message::new(Key::ObsPeriodTwice)
                                .with("period", o.period.to_string())
                                .with("first", format!("observations[{first}]")),
                        )
                    });
                }
            }
            self.observation(j, o);
        }
    }

    fn observation(&mut self, j: usize, o: &Observation) {
        let at = |name| Field::item("observations", j, name);
        let what = || observation(o);
        let says = |key: Key| Message::about(observation(o), key);
        let fields = [
            ("value", o.value),
            ("numerator", o.numerator),
            ("denominator", o.denominator),
            ("reported", o.reported),
        ];
        let mut finite = true;
        for (name, v) in fields {
            if let Some(v) = v.filter(|v| !v.is_finite()) {
                finite = false;
                self.error(at(name), || not_finite(field(what(), name), v));
            }
        }
        if let Some(as_of) = self.ds.as_of {
            if first_day(o.period) > as_of {
                self.warning(at("period"), || {
                    Message::about(
                        what(),
                        Message::new(Key::ObsAfterAsOf).with("as_of", as_of.to_string()),
                    )
                });
            }
        }
        if !finite {
            return;
        }
        let ratio = match (o.numerator, o.denominator) {
            (Some(n), Some(d)) => {
                if d == 0.0 {
                    self.error(at("denominator"), || says(Key::ObsDenominatorZero));
                    None
                } else if d < 0.0 {
                    // A denominator counts what the numerator is a share of: below 0 it
                    // gives a share that cannot be, and no widget should show it.
                    self.error(at("denominator"), || {
                        Message::about(
                            what(),
                            Message::new(Key::ObsDenominatorNegative).with("denominator", num(d)),
                        )
                    });
                    None
                } else {
                    if n < 0.0 {
                        self.warning(at("numerator"), || {
                            Message::about(
                                what(),
                                Message::new(Key::ObsNumeratorNegative).with("numerator", num(n)),
                            )
                        });
                    }
                    if self.is_percent() && self.is_level() && n > d && d > 0.0 {
                        self.warning(at("numerator"), || {
                            Message::about(
                                what(),
                                Message::new(Key::ObsNumeratorAbove)
                                    .with("numerator", num(n))
                                    .with("denominator", num(d)),
                            )
                        });
                    }
                    Some((n, d))
                }
            }
            (Some(_), None) => {
                self.error(at("denominator"), || says(Key::ObsNoDenominator));
                None
            }
            (None, Some(_)) => {
                self.error(at("numerator"), || says(Key::ObsNoNumerator));
                None
            }
            (None, None) => {
                if o.value.is_none() {
                    self.error(at("value"), || says(Key::ObsNoValue));
                }
                None
            }
        };
        if let Some(v) = o.value {
            self.percent_range(at("value"), || field(what(), "value"), v);
        }
        // Only warns, and learns each printed figure's precision by writing it out:
        // skipped when no warning is kept.
        if F::WARNINGS {
            self.agreement(j, o, ratio);
        }
    }

    /// Whether an observation's value and printed figure agree with its ratio
    /// (`numerator / denominator`, × 100 for a percentage) and with each other.
    fn agreement(&mut self, j: usize, o: &Observation, ratio: Option<(f64, f64)>) {
        let at = |name| Field::item("observations", j, name);
        let what = || observation(o);
        let scale = if self.is_percent() { 100.0 } else { 1.0 };
        let ratio = ratio.map(|(n, d)| (n, d, n / d * scale));
        if let (Some(v), Some((n, d, computed))) = (o.value, ratio) {
            if !agrees(computed, v) {
                self.warning(at("value"), || {
                    Message::about(
                        what(),
                        Message::new(Key::ObsValueDisagrees)
                            .with("value", num(v))
                            .with("numerator", num(n))
                            .with("denominator", num(d))
                            .with("computed", shown(computed, decimals(v) + 2)),
                    )
                });
            }
        }
        if let Some(printed) = o.reported {
            // The value when there is one, else the ratio.
            let (computed, from_ratio) = match (ratio, o.value) {
                (_, Some(v)) => (v, None),
                (Some((n, d, c)), None) => (c, Some((n, d))),
                (None, None) => return,
            };
            if !agrees(computed, printed) {
                self.warning(at("reported"), || {
                    let from = match from_ratio {
                        None => Message::new(Key::FromValue).with("value", num(computed)),
                        Some((n, d)) => Message::new(if scale == 100.0 {
                            Key::FromRatioPercent
                        } else {
                            Key::FromRatio
                        })
                        .with("numerator", num(n))
                        .with("denominator", num(d)),
                    };
                    let dp = decimals(printed);
                    let truncated = (computed * pow10(dp as usize)).trunc() / pow10(dp as usize);
                    let key = if (truncated - printed).abs() < 1e-9 * printed.abs().max(1.0) {
                        Key::ObsReportedTruncated
                    } else {
                        Key::ObsReportedDisagrees
                    };
                    Message::about(
                        what(),
                        Message::new(key)
                            .with("reported", num(printed))
                            .with("from", from)
                            .with("computed", shown(computed, dp + 2))
                            .with("rounded", shown(computed, dp)),
                    )
                });
            }
        }
    }
}

/// Whether `exact` prints as `printed` at the precision `printed` is written with:
/// 95.965… agrees with 96 and 95.97, not with 95.9.
fn agrees(exact: f64, printed: f64) -> bool {
    let half_step = 0.5 / pow10(decimals(printed) as usize);
    (exact - printed).abs() <= half_step * (1.0 + 1e-9) + 1e-12
}

/// Decimal places in the shortest form of `v` (95.9 → 1, 1289 → 0), at most 10.
fn decimals(v: f64) -> u32 {
    let s = shortest(v);
    s.split_once('.').map_or(0, |(_, f)| f.len().min(10) as u32)
}

fn shown(v: f64, dp: u32) -> Arg {
    Arg::fixed(v, dp as usize)
}

/// "observation 2024-Q3".
fn observation(o: &Observation) -> Message {
    Message::new(Key::WhatObservation).with("period", o.period.to_string())
}

/// "… 1e400 is not a finite number", about `what`.
fn not_finite(what: Message, v: f64) -> Message {
    Message::new(Key::NotFinite)
        .with("what", what)
        .with("value", num(v))
}

/// The first day of a period, to compare with `as_of`.
fn first_day(p: Period) -> Date {
    let (year, month) = match p {
        Period::Year(y) => (y, 1),
        Period::Quarter(y, q) => (y, q.saturating_mul(3).saturating_sub(2)),
        Period::Month(y, m) => (y, m),
        Period::Day(d) => return d,
    };
    Date {
        year,
        month,
        day: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printing_precision() {
        assert!(agrees(95.965_865, 96.0));
        assert!(agrees(95.965_865, 95.97));
        assert!(!agrees(95.965_865, 95.9));
        assert!(agrees(76.55, 76.55));
        assert_eq!(decimals(95.9), 1);
        assert_eq!(decimals(1289.0), 0);
    }
}
