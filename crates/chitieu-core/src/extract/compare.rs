//! How close a draft comes to a curated dataset of the same plan: recall and precision
//! of its targets, and of its observations.
//!
//! # Matching targets
//!
//! A curated target and a draft target *match* when
//! 1. they have the same `op` and the same figures (`value`, or `min` and `max` for a
//!    range; equal to 1 part in 10⁹);
//! 2. when the curated indicator has a `level`, the draft indicator has the same one;
//! 3. their texts overlap: the longest run of characters the two texts share, after
//!    [normalizing](super::text::normalize) both (lower case, letters, digits and `%`,
//!    single spaces), is at least [`MIN_OVERLAP`] of the shorter text. A target with no
//!    text matches nothing.
//!
//! Pairs are then taken one to one, greedily, by largest overlap (ties by document
//! order), so a draft target counts for at most one curated target and a duplicate in
//! the draft is a miss for precision. Recall is matched curated targets over all curated
//! targets; precision is matched draft targets over all draft targets. Unit and deadline
//! are not part of the match; how many matched pairs agree on them is reported.
//!
//! # Matching observations
//!
//! Same period and the same figures: numerator and denominator when the curated one has
//! them, else its `value` equal to the draft's `value` or `reported`. One to one, in
//! document order.
//!
//! # Matching tasks
//!
//! A task's name is the appendix cell as printed, so a draft task is the curated one when
//! their names agree after collapsing whitespace and dropping final punctuation: equal,
//! or one a prefix of the other covering at least [`MIN_PREFIX`] of the longer (a page
//! break the reader joined differently, a trailing note). One to one, in document order,
//! equal names first. Of the matched pairs, how many have the same lead units, the same
//! partners (both compared as lists, after collapsing whitespace) and the same due
//! (`period`, `start` and `every`; the wording is not compared) is reported.

use serde::Serialize;

use super::text::overlap;
use crate::model::{Bound, Dataset, Indicator, Observation, Target, Task};

/// The least share of the longer name that a prefix must cover for two task names to
/// match.
pub const MIN_PREFIX: f64 = 0.8;

/// Tasks found, and how well the matched ones agree.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct TaskComparison {
    pub curated: usize,
    pub draft: usize,
    /// Matched pairs: curated id, draft id.
    pub matches: Vec<(String, String)>,
    pub same_lead: usize,
    pub same_partners: usize,
    pub same_due: usize,
    /// Curated tasks with no match: "id: name".
    pub missed: Vec<String>,
    /// Draft tasks with no match.
    pub extra: Vec<String>,
}

/// The least text overlap for two targets to match.
pub const MIN_OVERLAP: f64 = 0.5;

/// One matched pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetMatch {
    /// Indicator ids, curated and draft.
    pub curated: String,
    pub draft: String,
    pub overlap: f64,
    pub same_unit: bool,
    pub same_deadline: bool,
}

/// Observations found.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ObservationComparison {
    pub curated: usize,
    pub draft: usize,
    pub matched: usize,
}

/// A draft against a curated dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Number of targets in the curated dataset and in the draft.
    pub curated: usize,
    pub draft: usize,
    pub matches: Vec<TargetMatch>,
    /// Curated targets with no match: "indicator id: text".
    pub missed: Vec<String>,
    /// Draft targets with no match.
    pub extra: Vec<String>,
    pub observations: ObservationComparison,
    pub tasks: TaskComparison,
}

impl Comparison {
    /// Matched curated targets over curated targets (1 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.matches.len(), self.curated)
    }

    /// Matched draft targets over draft targets (1 when there are none).
    pub fn precision(&self) -> f64 {
        ratio(self.matches.len(), self.draft)
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

fn targets(ds: &Dataset) -> Vec<(&Indicator, &Target)> {
    ds.indicators
        .iter()
        .flat_map(|i| i.targets.iter().map(move |t| (i, t)))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_figures(a: &Bound, b: &Bound) -> bool {
    match (a, b) {
        (Bound::Range { min: a1, max: a2 }, Bound::Range { min: b1, max: b2 }) => {
            close(*a1, *b1) && close(*a2, *b2)
        }
        (Bound::Range { .. }, _) | (_, Bound::Range { .. }) => false,
        _ => a.op() == b.op() && close(a.value(), b.value()),
    }
}

fn describe(i: &Indicator, t: &Target) -> String {
    format!("{}: {}", i.id, t.text.as_deref().unwrap_or("(no text)"))
}

/// Compares `draft` with `curated` (see the module docs for the rules).
pub fn compare(draft: &Dataset, curated: &Dataset) -> Comparison {
    let cs = targets(curated);
    let ds = targets(draft);
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (ci, (cind, ct)) in cs.iter().enumerate() {
        for (di, (dind, dt)) in ds.iter().enumerate() {
            if !same_figures(&ct.bound, &dt.bound) {
                continue;
            }
            if cind.level.is_some() && cind.level != dind.level {
                continue;
            }
            let (Some(a), Some(b)) = (ct.text.as_deref(), dt.text.as_deref()) else {
                continue;
            };
            let o = overlap(a, b);
            if o >= MIN_OVERLAP {
                pairs.push((o, ci, di));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut c_used = vec![false; cs.len()];
    let mut d_used = vec![false; ds.len()];
    let mut matches = Vec::new();
    for (o, ci, di) in pairs {
        if c_used.get(ci).copied().unwrap_or(true) || d_used.get(di).copied().unwrap_or(true) {
            continue;
        }
        if let (Some(c), Some(d)) = (c_used.get_mut(ci), d_used.get_mut(di)) {
            *c = true;
            *d = true;
        }
        if let (Some((cind, ct)), Some((dind, dt))) = (cs.get(ci), ds.get(di)) {
            matches.push(TargetMatch {
                curated: cind.id.clone(),
                draft: dind.id.clone(),
                overlap: o,
                same_unit: cind.unit == dind.unit,
                same_deadline: ct.deadline == dt.deadline,
            });
        }
    }
    let unmatched = |list: &[(&Indicator, &Target)], used: &[bool]| {
        list.iter()
            .zip(used)
            .filter(|(_, u)| !**u)
            .map(|((i, t), _)| describe(i, t))
            .collect::<Vec<_>>()
    };
    Comparison {
        curated: cs.len(),
        draft: ds.len(),
        missed: unmatched(&cs, &c_used),
        extra: unmatched(&ds, &d_used),
        matches,
        observations: compare_observations(draft, curated),
        tasks: compare_tasks(&draft.tasks, &curated.tasks),
    }
}

/// A task name for matching: whitespace collapsed, final punctuation dropped.
fn task_key(s: &str) -> Vec<char> {
    let squashed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    squashed
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ',' | ':' | '…'))
        .chars()
        .collect()
}

/// Whether two task names match: equal, or one a long enough prefix of the other.
fn names_match(a: &[char], b: &[char], exact: bool) -> bool {
    if a == b {
        return true;
    }
    if exact || a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short) && short.len() as f64 >= MIN_PREFIX * long.len() as f64
}

fn same_units(a: &[String], b: &[String]) -> bool {
    let norm = |v: &[String]| {
        v.iter()
            .map(|u| u.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    norm(a) == norm(b)
}

fn compare_tasks(draft: &[Task], curated: &[Task]) -> TaskComparison {
    let ck: Vec<Vec<char>> = curated.iter().map(|t| task_key(&t.name.vi)).collect();
    let dk: Vec<Vec<char>> = draft.iter().map(|t| task_key(&t.name.vi)).collect();
    let mut c_used = vec![false; curated.len()];
    let mut d_used = vec![false; draft.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for exact in [true, false] {
        for (ci, c) in ck.iter().enumerate() {
            if c_used.get(ci).copied().unwrap_or(true) {
                continue;
            }
            let hit = dk.iter().enumerate().find(|(di, d)| {
                !d_used.get(*di).copied().unwrap_or(true) && names_match(c, d, exact)
            });
            if let Some((di, _)) = hit {
                if let (Some(cu), Some(du)) = (c_used.get_mut(ci), d_used.get_mut(di)) {
                    *cu = true;
                    *du = true;
                }
                pairs.push((ci, di));
            }
        }
    }
    pairs.sort_unstable();
    let mut out = TaskComparison {
        curated: curated.len(),
        draft: draft.len(),
        ..TaskComparison::default()
    };
    for (ci, di) in pairs {
        let (Some(c), Some(d)) = (curated.get(ci), draft.get(di)) else {
            continue;
        };
        out.same_lead += usize::from(same_units(&c.lead, &d.lead));
        out.same_partners += usize::from(same_units(&c.partners, &d.partners));
        let due = |t: &Task| t.due.as_ref().map(|d| (d.period, d.start, d.every));
        out.same_due += usize::from(due(c) == due(d));
        out.matches.push((c.id.clone(), d.id.clone()));
    }
    let unmatched = |list: &[Task], used: &[bool]| {
        list.iter()
            .zip(used)
            .filter(|(_, u)| !**u)
            .map(|(t, _)| format!("{}: {}", t.id, t.name.vi))
            .collect::<Vec<_>>()
    };
    out.missed = unmatched(curated, &c_used);
    out.extra = unmatched(draft, &d_used);
    out
}

fn observations(ds: &Dataset) -> Vec<&Observation> {
    ds.indicators.iter().flat_map(|i| &i.observations).collect()
}

/// Whether draft observation `d` records curated `c`; `lenient` also lets a curated
/// `value` match the draft's `reported` figure.
fn obs_match(c: &Observation, d: &Observation, lenient: bool) -> bool {
    if c.period != d.period {
        return false;
    }
    match (c.numerator, c.denominator, c.value) {
        (Some(n), Some(den), _) => {
            d.numerator.is_some_and(|x| close(x, n)) && d.denominator.is_some_and(|x| close(x, den))
        }
        (_, _, Some(v)) => {
            d.value.is_some_and(|x| close(x, v))
                || (lenient && d.reported.is_some_and(|x| close(x, v)))
        }
        _ => false,
    }
}

fn compare_observations(draft: &Dataset, curated: &Dataset) -> ObservationComparison {
    let cs = observations(curated);
    let ds = observations(draft);
    let mut used = vec![false; ds.len()];
    let mut done = vec![false; cs.len()];
    let mut matched = 0;
    // Exact kinds first (ratio for ratio, value for value), then a value for a printed
    // percentage, so a lenient match does not take a draft figure an exact one needs.
    for lenient in [false, true] {
        for (ci, c) in cs.iter().enumerate() {
            if done.get(ci).copied().unwrap_or(true) {
                continue;
            }
            let hit = ds
                .iter()
                .enumerate()
                .find(|(k, d)| !used.get(*k).copied().unwrap_or(true) && obs_match(c, d, lenient));
            if let Some((k, _)) = hit {
                if let (Some(u), Some(dn)) = (used.get_mut(k), done.get_mut(ci)) {
                    *u = true;
                    *dn = true;
                }
                matched += 1;
            }
        }
    }
    ObservationComparison {
        curated: cs.len(),
        draft: ds.len(),
        matched,
    }
}
