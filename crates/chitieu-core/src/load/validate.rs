//! Checks a read dataset for what its types cannot express.
//!
//! Errors are what makes the dataset unusable as it is (duplicate ids, a ratio with a
//! zero or negative denominator, a reference to a pillar that does not exist). Warnings
//! are what a careful statistician would query before publishing: a printed percentage
//! that does not follow from its own numerator and denominator, a share above 100%, a
//! result dated after the date the figures are said to be current to.

use super::Diagnostic;
use crate::model::{Bound, Change, Dataset, Indicator, Observation, Unit, SCHEMA};
use crate::number::{fixed, pow10, shortest as num};
use crate::period::{Date, Period};

/// Every error and warning about `ds`, in document order. Each message names the
/// indicator id and the field; each path is the JSON path of the field.
pub fn validate(ds: &Dataset) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if ds.schema != SCHEMA {
        out.push(Diagnostic::error(
            "schema",
            format!("schema is \"{}\", expected \"{SCHEMA}\"", ds.schema),
        ));
    }
    check_id(&mut out, "plan.id", "plan", &ds.plan.id);
    if ds.plan.title.trim().is_empty() {
        out.push(Diagnostic::warning("plan.title", "plan: title is empty"));
    }

    let mut pillar_ids: FirstSeen<&str> = FirstSeen::default();
    for (j, p) in ds.pillars.iter().enumerate() {
        let path = format!("pillars[{j}]");
        let who = format!("pillar '{}'", p.id);
        check_id(&mut out, &format!("{path}.id"), "pillar", &p.id);
        if let Some(first) = pillar_ids.insert(&p.id, j) {
            out.push(Diagnostic::error(
                format!("{path}.id"),
                format!("{who}: id is used again (first by pillars[{first}]); ids must be unique"),
            ));
        }
        if p.name.vi.trim().is_empty() {
            out.push(Diagnostic::warning(
                format!("{path}.name"),
                format!("{who}: name is empty"),
            ));
        }
        if !p.weight.is_finite() || p.weight < 0.0 {
            out.push(Diagnostic::error(
                format!("{path}.weight"),
                format!(
                    "{who}: weight {} must be a finite number ≥ 0",
                    num(p.weight)
                ),
            ));
        }
    }

    if ds.indicators.is_empty() {
        out.push(Diagnostic::warning(
            "indicators",
            "the dataset has no indicators",
        ));
    }
    let mut indicator_ids: FirstSeen<&str> = FirstSeen::default();
    for (i, ind) in ds.indicators.iter().enumerate() {
        let path = format!("indicators[{i}]");
        if let Some(first) = indicator_ids.insert(&ind.id, i) {
            out.push(Diagnostic::error(
                format!("{path}.id"),
                format!(
                    "indicator '{}': id is used again (first by indicators[{first}]); ids must be unique",
                    ind.id
                ),
            ));
        }
        IndicatorChecks {
            ds,
            pillar_ids: &pillar_ids,
            ind,
            path: &path,
            who: if ind.id.is_empty() {
                format!("indicator #{}", i + 1)
            } else {
                format!("indicator '{}'", ind.id)
            },
            out: &mut out,
        }
        .run();
    }
    out
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

fn check_id(out: &mut Vec<Diagnostic>, path: &str, what: &str, id: &str) {
    if id.trim().is_empty() {
        out.push(Diagnostic::error(path, format!("{what}: id is empty")));
    } else if id.trim() != id {
        out.push(Diagnostic::warning(
            path,
            format!("{what} '{id}': id has spaces at its start or end, which CSV reading trims"),
        ));
    }
}

/// The checks of one indicator, sharing its path and how to name it.
struct IndicatorChecks<'a> {
    ds: &'a Dataset,
    /// The declared pillars, looked up once per indicator.
    pillar_ids: &'a FirstSeen<&'a str>,
    ind: &'a Indicator,
    path: &'a str,
    who: String,
    out: &'a mut Vec<Diagnostic>,
}

impl IndicatorChecks<'_> {
    fn error(&mut self, field: &str, msg: String) {
        let path = format!("{}.{field}", self.path);
        self.out
            .push(Diagnostic::error(path, format!("{}: {msg}", self.who)));
    }

    fn warning(&mut self, field: &str, msg: String) {
        let path = format!("{}.{field}", self.path);
        self.out
            .push(Diagnostic::warning(path, format!("{}: {msg}", self.who)));
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
        let ind = self.ind;
        check_id(self.out, &format!("{}.id", self.path), "indicator", &ind.id);
        if ind.name.vi.trim().is_empty() {
            self.warning("name", "name is empty".into());
        }
        if let Unit::Other(u) = &ind.unit {
            if u.trim().is_empty() {
                self.error("unit", "unit is empty".into());
            }
        }
        if let Some(p) = &ind.pillar {
            if !self.pillar_ids.contains(&p.as_str()) {
                // The first few only: every message naming thousands of pillars made a
                // pathological file's findings grow with the square of its size.
                let mut known: Vec<String> = self
                    .ds
                    .pillars
                    .iter()
                    .take(MAX_NAMED)
                    .map(|p| format!("'{}'", p.id))
                    .collect();
                if self.ds.pillars.len() > MAX_NAMED {
                    known.push(format!("… {} in all", self.ds.pillars.len()));
                }
                let known = if known.is_empty() {
                    "the dataset lists no pillars".to_string()
                } else {
                    format!("known pillars: {}", known.join(", "))
                };
                self.error("pillar", format!("pillar '{p}' does not exist ({known})"));
            }
        }
        self.targets();
        if let Some(b) = &ind.baseline {
            if !b.value.is_finite() {
                self.error(
                    "baseline.value",
                    format!("baseline value {} is not a finite number", num(b.value)),
                );
            } else {
                self.percent_range("baseline.value", "baseline value", b.value);
            }
        }
        self.observations();
    }

    fn targets(&mut self) {
        let ind = self.ind;
        if ind.targets.is_empty() {
            self.warning("targets", "has no targets, so it cannot be scored".into());
        }
        for (k, t) in ind.targets.iter().enumerate() {
            let f = |name: &str| format!("targets[{k}].{name}");
            let what = match t.deadline {
                Some(d) => format!("target {} (deadline {d})", k + 1),
                None => format!("target {}", k + 1),
            };
            let numbers: Vec<(&str, f64)> = match t.bound {
                Bound::Range { min, max } => vec![("min", min), ("max", max)],
                Bound::Approx { value, tolerance } => {
                    let mut v = vec![("value", value)];
                    v.extend(tolerance.map(|t| ("tolerance", t)));
                    v
                }
                b => vec![("value", b.value())],
            };
            let mut finite = true;
            for (name, v) in &numbers {
                if !v.is_finite() {
                    finite = false;
                    self.error(
                        &f(name),
                        format!("{what}: {name} {} is not a finite number", num(*v)),
                    );
                }
            }
            if !finite {
                continue;
            }
            match t.bound {
                Bound::Range { min, max } if min > max => {
                    self.error(
                        &f("min"),
                        format!("{what}: range min {} is above max {}", num(min), num(max)),
                    );
                }
                Bound::Approx {
                    tolerance: Some(tol),
                    ..
                } if tol < 0.0 => {
                    self.error(
                        &f("tolerance"),
                        format!("{what}: tolerance {} is negative", num(tol)),
                    );
                }
                _ => {}
            }
            for (name, v) in numbers.iter().filter(|(n, _)| *n != "tolerance") {
                self.percent_range(&f(name), &format!("{what}: {name}"), *v);
            }
            if t.change == Some(Change::Decrease) && t.bound.value() < 0.0 {
                self.warning(
                    &f("value"),
                    format!(
                        "{what}: a decrease is stated as a positive amount, got {}",
                        num(t.bound.value())
                    ),
                );
            }
            if let (Some(deadline), Some(b)) = (t.deadline, &ind.baseline) {
                if deadline.last_day() <= b.period.last_day() {
                    self.warning(
                        &f("deadline"),
                        format!(
                            "{what}: deadline {deadline} is not after the baseline period {}",
                            b.period
                        ),
                    );
                }
            }
        }
    }

    /// A percent level outside 0–100 is queried (not refused: some indicators exceed
    /// 100%, but more often it is a typo or a count in the wrong unit).
    fn percent_range(&mut self, field: &str, what: &str, v: f64) {
        if !(self.is_percent() && self.is_level()) {
            return;
        }
        if v > 100.0 {
            self.warning(field, format!("{what} {} is above 100%", num(v)));
        } else if v < 0.0 {
            self.warning(field, format!("{what} {} is a negative percentage", num(v)));
        }
    }

    fn observations(&mut self) {
        // Period's order puts "2024-12" and "2024-12-31" level (same end, same first
        // month); the kind of period tells them apart.
        let mut seen: FirstSeen<(Period, u8)> = FirstSeen::default();
        for (j, o) in self.ind.observations.iter().enumerate() {
            let what = format!("observation {}", o.period);
            let kind = match o.period {
                Period::Year(_) => 0,
                Period::Quarter(..) => 1,
                Period::Month(..) => 2,
                Period::Day(_) => 3,
            };
            if let Some(first) = seen.insert((o.period, kind), j) {
                self.warning(
                    &format!("observations[{j}].period"),
                    format!(
                        "{what}: period {} is reported twice (also observations[{first}])",
                        o.period
                    ),
                );
            }
            self.observation(j, o, &what);
        }
    }

    fn observation(&mut self, j: usize, o: &Observation, what: &str) {
        let f = |name: &str| format!("observations[{j}].{name}");
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
                self.error(
                    &f(name),
                    format!("{what}: {name} {} is not a finite number", num(v)),
                );
            }
        }
        if let Some(as_of) = self.ds.as_of {
            if first_day(o.period) > as_of {
                self.warning(
                    &f("period"),
                    format!("{what}: the period begins after as_of {as_of}"),
                );
            }
        }
        if !finite {
            return;
        }
        let scale = if self.is_percent() { 100.0 } else { 1.0 };
        let ratio = match (o.numerator, o.denominator) {
            (Some(n), Some(d)) => {
                if d == 0.0 {
                    self.error(
                        &f("denominator"),
                        format!("{what}: denominator is 0, so no value can be computed"),
                    );
                    None
                } else if d < 0.0 {
                    // A denominator counts what the numerator is a share of: below 0 it
                    // gives a share that cannot be, and no widget should show it.
                    self.error(
                        &f("denominator"),
                        format!(
                            "{what}: denominator {} is negative; it counts what the numerator is a share of, so it must be above 0",
                            num(d)
                        ),
                    );
                    None
                } else {
                    if n < 0.0 {
                        self.warning(
                            &f("numerator"),
                            format!("{what}: numerator {} is negative", num(n)),
                        );
                    }
                    if self.is_percent() && self.is_level() && n > d && d > 0.0 {
                        self.warning(
                            &f("numerator"),
                            format!(
                                "{what}: numerator {} is above denominator {}, a share above 100%",
                                num(n),
                                num(d)
                            ),
                        );
                    }
                    Some((n, d, n / d * scale))
                }
            }
            (Some(_), None) => {
                self.error(
                    &f("denominator"),
                    format!("{what}: has a numerator but no denominator"),
                );
                None
            }
            (None, Some(_)) => {
                self.error(
                    &f("numerator"),
                    format!("{what}: has a denominator but no numerator"),
                );
                None
            }
            (None, None) => {
                if o.value.is_none() {
                    self.error(
                        &f("value"),
                        format!("{what}: needs a value, or a numerator and a denominator"),
                    );
                }
                None
            }
        };
        if let Some(v) = o.value {
            self.percent_range(&f("value"), &format!("{what}: value"), v);
            if let Some((n, d, computed)) = ratio {
                if !agrees(computed, v) {
                    self.warning(
                        &f("value"),
                        format!(
                            "{what}: value {} disagrees with numerator/denominator {}/{} = {}; the value is used",
                            num(v),
                            num(n),
                            num(d),
                            shown(computed, decimals(v) + 2)
                        ),
                    );
                }
            }
        }
        if let Some(printed) = o.reported {
            let (computed, from) = match (ratio, o.value) {
                (_, Some(v)) => (v, format!("value {}", num(v))),
                (Some((n, d, c)), None) => (
                    c,
                    format!(
                        "{}/{}{}",
                        num(n),
                        num(d),
                        if scale == 100.0 { " × 100" } else { "" }
                    ),
                ),
                (None, None) => return,
            };
            if !agrees(computed, printed) {
                let dp = decimals(printed);
                let truncated = (computed * pow10(dp as usize)).trunc() / pow10(dp as usize);
                let how = if (truncated - printed).abs() < 1e-9 * printed.abs().max(1.0) {
                    "; the printed figure looks truncated rather than rounded"
                } else {
                    ""
                };
                self.warning(
                    &f("reported"),
                    format!(
                        "{what}: reported {} disagrees with {from} = {} (rounds to {}){how}",
                        num(printed),
                        shown(computed, dp + 2),
                        shown(computed, dp)
                    ),
                );
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
    let s = num(v);
    s.split_once('.').map_or(0, |(_, f)| f.len().min(10) as u32)
}

fn shown(v: f64, dp: u32) -> String {
    fixed(v, dp as usize)
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
