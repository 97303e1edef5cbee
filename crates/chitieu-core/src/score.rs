//! Progress scoring: where each indicator stands against its target on a given date, and
//! how pillars and the whole plan add up.
//!
//! Everything here is a pure function of the data and an explicit evaluation date `as_of`:
//! the core never reads the clock, so a published dashboard and a test score alike.
//!
//! # Method
//!
//! **Time.** A period counts at its *end*, in fractional years ([`Period::end_as_year`]): a
//! result "for 2023" is known at 2024.0, a target "by 2025" is due at 2026.0, and `as_of`
//! is the end of that day ([`Date::end_as_year`]). Observations whose period ends after
//! `as_of` are ignored here (validation flags them elsewhere), and so is an explicit
//! baseline dated after `as_of`.
//!
//! **Values.** An observation's value is [`Observation::value_in`](crate::model::Observation::value_in) — numerator/denominator
//! when given, never the printed `reported` figure; a value that overflows to infinity
//! counts as not computable. The *latest* result is the observation with the greatest
//! period (by [`Period`]'s order) whose value is computable.
//!
//! **Current target.** The earliest target whose deadline is on or after `as_of`; when
//! every deadline has passed, the last one. A target *without* a deadline is treated as a
//! standing target ("duy trì ≥ 90%") that never passes: it sorts after every dated target,
//! so it becomes current only once all dated targets have passed, is never `missed`, and
//! has no pace (no deadline to be on track for).
//!
//! **Direction.** `gte`, `gt` and `range` are higher-is-better; `lte` and `lt` are
//! lower-is-better. For `eq` and `approx` the target's `change` decides (decrease →
//! lower-is-better, increase → higher-is-better); without one they are two-sided (closer is
//! better). A one-sided comparator wins over a contradicting `change` (e.g. `gte 30` with
//! `change = decrease`, "giảm ít nhất 30%", where the observed figure is the reduction),
//! because achievement is judged by the comparator and attainment must agree with it.
//!
//! **Achievement** of the latest value `x` against the target figure `v`
//! ([`Bound::value`], `min` for a range): `gte`/`lte` inclusive, `gt`/`lt` strict, `eq`
//! exact, `range` from `min` upward (`max` is the aspiration), `approx` within
//! `tolerance × |v|` (the target's own tolerance, else [`ScoreConfig::approx_tolerance`],
//! default [`DEFAULT_TOLERANCE`]). Every comparison allows a relative slack of
//! [`ScoreConfig::epsilon`] (`ε·max(1, |v|)`), because values computed from numerator and
//! denominator carry rounding error (19/20·100 is not exactly 95): inclusive bounds accept
//! `x` within ε below the bound, strict ones require `x` more than ε beyond it.
//!
//! **Attainment** (uncapped, for display): `x/v` higher-is-better, `v/x` lower-is-better,
//! `min(x/v, v/x)` two-sided. Conventions instead of infinities or NaN: `x = v = 0` gives 1;
//! a ratio that needs a non-positive target (higher-is-better), a negative value or target
//! (lower-is-better), or a division by zero is `None` — e.g. "≤ 5 incidents" with 0
//! incidents is achieved but has no finite ratio. **Capped attainment**, used for
//! aggregation, is 1 for an achieved target (so `approx` within tolerance or a strict bound
//! met counts fully), else the attainment clamped to [0, 1].
//!
//! **Gap**, in the indicator's unit, to the target figure `v`: `v − x` higher-is-better,
//! `x − v` lower-is-better, `|x − v|` two-sided. Positive means still to go; zero or
//! negative means the figure is reached (negative: the surplus). It is the distance to the
//! figure, not to the edge of a tolerance band, and a strict `gt 95` with 95 has gap 0 yet
//! is not achieved: read `achieved` for that.
//!
//! **Progress ratio R** follows the Open SDG method (open-sdg/sdg-build,
//! `sdg/ProgressMeasure.py`, "methodology 2", itself the Statistics Canada and UN ESCAP
//! SDG progress assessment): with the baseline `(t0, x0)` — the explicit
//! `indicator.baseline`, else the earliest observation — the latest result `(t1, x1)` and
//! the target `v` due at `T`,
//!
//! ```text
//! observed CAGR  g_o = (x1/x0)^(1/(t1−t0)) − 1
//! required CAGR  g_r = (v/x0)^(1/(T−t0)) − 1
//! R = d · g_o / |g_r|        d = +1 higher-is-better, −1 lower-is-better
//! ```
//!
//! so movement away from the target is negative, including when the baseline already met
//! the target and the latest result no longer does. When `x0`, `x1` or `v` is ≤ 0 the
//! growth ratio is meaningless and linear rates are used instead: `g_o = (x1−x0)/(t1−t0)`,
//! `g_r = (v−x0)/(T−t0)`; the linear rates are also the fallback if the compound ones
//! overflow. Two-sided targets take `d` from the side the baseline is on; once the latest
//! result has crossed over `v`, progress is measured linearly on the distance `|x − v|`.
//! [`IndicatorScore::rate_method`] says which was used.
//!
//! **Status**, first match wins:
//! 1. `no_data`: no computable observation by `as_of`;
//! 2. `insufficient_data`: there is data but no target to score it against;
//! 3. `achieved`: the latest value meets the current target;
//! 4. `missed`: the current target's deadline is before `as_of` — judged on the latest
//!    result available, which may predate the deadline;
//! 5. `insufficient_data`: no baseline strictly before the latest result (a single point);
//! 6. from R: `on_track` (R ≥ [`ScoreConfig::on_track`], 0.95), `needs_acceleration`
//!    (≥ [`ScoreConfig::needs_acceleration`], 0.60), `limited` (≥ 0), `regressing` (< 0);
//! 7. when R is undefined — the baseline equals the target figure (required rate 0), the
//!    target has no deadline, the deadline is not after the baseline, or the arithmetic
//!    overflows — `regressing` if the latest result is farther from the target than the
//!    baseline; otherwise `limited` for a zero required rate (no movement yet short of a
//!    strict bound) and `insufficient_data` for the rest (the pace cannot be judged).
//!
//! **Expected now**: the value on the straight line from the baseline `(t0, x0)` to
//! `(T, v)` at `as_of`, clamped to that segment; `None` without a baseline or deadline, or
//! when the deadline is not after the baseline. It needs no second observation.
//!
//! **Aggregation.** A pillar's score is the mean of its indicators' capped attainments
//! over those that have one (indicators weigh equally: the model has no indicator weight),
//! with coverage = indicators with data / indicators. The overall score is the mean of
//! pillar scores weighted by [`Pillar::weight`](crate::model::Pillar::weight), over pillars
//! with a score. Indicators without a pillar form an implicit group (`id: None`, weight 1);
//! an indicator naming a pillar the dataset does not declare forms a group of that id with
//! weight 1 (validation flags it). A weight that is negative or not finite counts as 0.
//! DTI-style points follow Quyết định 922/QĐ-BTTTT (2022), where the provincial Digital
//! Transformation Index spreads 1,000 points across pillars: a pillar earns
//! `score × weight` of `max_points = weight`, and the plan the sum over pillars — so with
//! weights that add up to 1,000, `points` reads as a DTI-like score out of 1,000.
//!
//! **Coverage and withholding.** A score rests on its *scored* indicators — those with a
//! current target and a latest result whose capped attainment the mean uses — out of
//! *all* the indicators of its scope (the pillar, or the whole plan): `scored / total`.
//! (`with_data / total`, the coverage, counts results with or without a target.) A mean
//! of 2 indicators out of 72 says little about the plan, so a pillar's or the plan's score
//! is *withheld* when `scored / total` is below [`ScoreConfig::min_coverage`] (default
//! [`DEFAULT_MIN_COVERAGE`], one third): it is still computed and written out, flagged
//! `withheld`, and the widgets show the counts instead of the number. Withholding a
//! pillar's score does not take it out of the overall mean, which has its own check.

use serde::{Deserialize, Serialize};

use crate::model::{Bound, Change, Dataset, Indicator, Target, DEFAULT_TOLERANCE};
use crate::period::{Date, Period};

/// The share of a scope's indicators a score must rest on to be shown: one third.
pub const DEFAULT_MIN_COVERAGE: f64 = 1.0 / 3.0;

/// Thresholds of the progress ratio R, comparison tolerances and the minimum coverage,
/// configurable.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreConfig {
    /// R at or above this is on track (default 0.95).
    pub on_track: f64,
    /// R at or above this (and below `on_track`) needs acceleration (default 0.60).
    pub needs_acceleration: f64,
    /// Relative tolerance of an `approx` target that states none (default
    /// [`DEFAULT_TOLERANCE`], 0.05).
    pub approx_tolerance: f64,
    /// Relative slack of every comparison, `ε·max(1, |target|)` (default 1e-9), so that
    /// rounding in numerator/denominator does not flip an achievement.
    pub epsilon: f64,
    /// A pillar's or the plan's score is withheld when it rests on fewer than this share
    /// of the scope's indicators (default [`DEFAULT_MIN_COVERAGE`]; 0 never withholds).
    pub min_coverage: f64,
}

impl Default for ScoreConfig {
    fn default() -> Self {
        ScoreConfig {
            on_track: 0.95,
            needs_acceleration: 0.60,
            approx_tolerance: DEFAULT_TOLERANCE,
            epsilon: 1e-9,
            min_coverage: DEFAULT_MIN_COVERAGE,
        }
    }
}

/// Reads a share as a page or a command line writes it: a fraction from 0 to 1 (`0.5`,
/// `0,5`, `1`) or a percentage from 0 to 100 (`50%`, `33,3%`), up to 9 decimals; `None`
/// for anything else. Integer arithmetic and one division, so the widgets' wasm carries
/// no float parser, and the result is the correctly rounded quotient (see [`withheld`]).
pub fn parse_share(text: &str) -> Option<f64> {
    // Bytes, not `str` patterns: a few hundred bytes less in the widgets' wasm.
    let mut digits = text.trim_ascii().as_bytes();
    let mut den: u64 = 1;
    if let [rest @ .., b'%'] = digits {
        digits = rest.trim_ascii_end();
        den = 100;
    }
    let (mut num, mut whole, mut decimals, mut point) = (0u64, 0, 0, false);
    for &b in digits {
        match b {
            b'0'..=b'9' if whole < 3 && decimals < 9 => {
                num = num * 10 + u64::from(b - b'0');
                if point {
                    decimals += 1;
                    den *= 10;
                } else {
                    whole += 1;
                }
            }
            b'.' | b',' if !point => point = true,
            _ => return None,
        }
    }
    let digits_after_point = !point || decimals > 0;
    // Both are below 2^53: exact as floats.
    (whole + decimals > 0 && digits_after_point && num <= den).then(|| num as f64 / den as f64)
}

/// Whether a score resting on `scored` of `total` indicators is withheld: it covers less
/// than `min_coverage` of them. The share and a minimum read by [`parse_share`] (or the
/// default third) are correctly rounded quotients, so a share exactly at the minimum —
/// 1 of 3 against one third, 1 of 2 against `50%` — reaches it. No indicator, no share:
/// nothing to withhold.
pub fn withheld(scored: usize, total: usize, min_coverage: f64) -> bool {
    share(scored, total).is_some_and(|s| s < min_coverage)
}

/// Where an indicator stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Achieved,
    OnTrack,
    NeedsAcceleration,
    Limited,
    Regressing,
    InsufficientData,
    Missed,
    NoData,
}

impl Status {
    /// Every status, best first, for legends and tables.
    pub const ALL: [Status; 8] = [
        Status::Achieved,
        Status::OnTrack,
        Status::NeedsAcceleration,
        Status::Limited,
        Status::Regressing,
        Status::Missed,
        Status::InsufficientData,
        Status::NoData,
    ];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::NeedsAcceleration => "needs_acceleration",
            Status::Limited => "limited",
            Status::Regressing => "regressing",
            Status::InsufficientData => "insufficient_data",
            Status::Missed => "missed",
            Status::NoData => "no_data",
        }
    }
}

/// Which way is better for a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better: `gte`, `gt`, `range`, or `eq`/`approx` with `change = increase`.
    Increasing,
    /// Lower is better: `lte`, `lt`, or `eq`/`approx` with `change = decrease`.
    Decreasing,
    /// Closer is better: `eq` or `approx` without `change`.
    TwoSided,
}

impl Direction {
    /// The direction of `target`; a one-sided comparator wins over `change` (see the
    /// module docs).
    pub fn of(target: &Target) -> Direction {
        match target.bound {
            Bound::Gte(_) | Bound::Gt(_) | Bound::Range { .. } => Direction::Increasing,
            Bound::Lte(_) | Bound::Lt(_) => Direction::Decreasing,
            Bound::Eq(_) | Bound::Approx { .. } => match target.change {
                Some(Change::Increase) => Direction::Increasing,
                Some(Change::Decrease) => Direction::Decreasing,
                None => Direction::TwoSided,
            },
        }
    }
}

/// How the progress ratio was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateMethod {
    /// Compound annual growth rates (all values positive).
    Cagr,
    /// Linear rates per year (a value ≤ 0, an overflow, or a two-sided target overshot).
    Linear,
}

/// The latest observation with a computable value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Latest {
    pub period: Period,
    pub value: f64,
}

/// The starting point progress was measured from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BaselinePoint {
    pub period: Period,
    pub value: f64,
    /// True when it is the indicator's declared `baseline`, false when it is the earliest
    /// observation.
    pub explicit: bool,
}

/// The score of one indicator at `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorScore {
    pub id: String,
    /// The indicator's pillar id, as written.
    pub pillar: Option<String>,
    pub current_target: Option<Target>,
    /// Which way is better for the current target.
    pub direction: Option<Direction>,
    pub baseline: Option<BaselinePoint>,
    pub latest: Option<Latest>,
    pub achieved: Option<bool>,
    /// Uncapped: value/target (increasing), target/value (decreasing), the smaller of the
    /// two (two-sided).
    pub attainment: Option<f64>,
    /// In [0, 1], used for aggregation: 1 when achieved, else the clamped attainment.
    pub capped_attainment: Option<f64>,
    /// Distance still to go to the target figure, in the indicator's unit (positive: still
    /// to go; zero or negative: reached, negative being the surplus).
    pub gap: Option<f64>,
    pub status: Status,
    pub progress_ratio: Option<f64>,
    /// How `progress_ratio` was computed, when it was.
    pub rate_method: Option<RateMethod>,
    /// The value on the straight line from baseline to target at `as_of`.
    pub expected_now: Option<f64>,
}

/// How many indicators have each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct StatusCounts {
    pub achieved: usize,
    pub on_track: usize,
    pub needs_acceleration: usize,
    pub limited: usize,
    pub regressing: usize,
    pub insufficient_data: usize,
    pub missed: usize,
    pub no_data: usize,
}

impl StatusCounts {
    fn slot(&mut self, s: Status) -> &mut usize {
        match s {
            Status::Achieved => &mut self.achieved,
            Status::OnTrack => &mut self.on_track,
            Status::NeedsAcceleration => &mut self.needs_acceleration,
            Status::Limited => &mut self.limited,
            Status::Regressing => &mut self.regressing,
            Status::InsufficientData => &mut self.insufficient_data,
            Status::Missed => &mut self.missed,
            Status::NoData => &mut self.no_data,
        }
    }

    /// Counts one more indicator with status `s`.
    pub fn add(&mut self, s: Status) {
        *self.slot(s) += 1;
    }

    /// The count for `s`.
    pub fn get(&self, s: Status) -> usize {
        match s {
            Status::Achieved => self.achieved,
            Status::OnTrack => self.on_track,
            Status::NeedsAcceleration => self.needs_acceleration,
            Status::Limited => self.limited,
            Status::Regressing => self.regressing,
            Status::InsufficientData => self.insufficient_data,
            Status::Missed => self.missed,
            Status::NoData => self.no_data,
        }
    }

    /// All indicators counted.
    pub fn total(&self) -> usize {
        Status::ALL.iter().map(|&s| self.get(s)).sum()
    }
}

/// One pillar (or implicit group) of a dataset, scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarScore {
    /// The pillar id; `None` for the implicit group of indicators without a pillar.
    pub id: Option<String>,
    /// Whether the dataset declares this pillar (false for the implicit group and for ids
    /// only indicators mention).
    pub declared: bool,
    /// The weight used: the pillar's, 1 for undeclared groups, 0 if it was negative or not
    /// finite.
    pub weight: f64,
    /// Indicators in the pillar, those set aside for invalid data included.
    pub total: usize,
    /// Indicators of the pillar set aside because their data is invalid
    /// (`Dataset::quarantined`): counted in `total`, never in `with_data` or `scored`, so
    /// a bad file lowers the coverage instead of raising the score.
    pub invalid: usize,
    /// Indicators with a latest value by `as_of`.
    pub with_data: usize,
    /// Indicators with a capped attainment, i.e. counted in `score`.
    pub scored: usize,
    /// `with_data / total`; `None` for an empty pillar.
    pub coverage: Option<f64>,
    /// Mean capped attainment in [0, 1]; `None` when no indicator is scored.
    pub score: Option<f64>,
    /// The score rests on too few of the pillar's indicators to be shown: `scored /
    /// total` is below [`ScoreConfig::min_coverage`] (false when there is no score).
    pub withheld: bool,
    /// `score × weight`.
    pub points: Option<f64>,
    /// The weight: what a fully achieved pillar earns.
    pub max_points: f64,
    pub statuses: StatusCounts,
    /// Ids of the pillar's indicators, in dataset order.
    pub indicators: Vec<String>,
}

/// The whole plan, scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverallScore {
    /// Every indicator of the file, those set aside for invalid data included.
    pub total: usize,
    /// Indicators set aside because their data is invalid (see [`PillarScore::invalid`]).
    pub invalid: usize,
    pub with_data: usize,
    pub scored: usize,
    /// `with_data / total`; `None` for a dataset without indicators.
    pub coverage: Option<f64>,
    /// Mean of pillar scores weighted by pillar weight, over pillars with a score.
    pub score: Option<f64>,
    /// The score rests on too few of the plan's indicators to be shown: `scored / total`
    /// is below [`ScoreConfig::min_coverage`] (false when there is no score).
    pub withheld: bool,
    /// Sum of pillar points.
    pub points: Option<f64>,
    /// Sum of all pillar weights (pillars without data included); `None` only if the sum
    /// overflows.
    pub max_points: Option<f64>,
    /// Sum of the weights of pillars with a score: `points / max_points_scored = score`.
    pub max_points_scored: Option<f64>,
    /// Pillars (groups) with a score.
    pub pillars_scored: usize,
}

/// A dataset scored at `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatasetScore {
    pub as_of: Date,
    pub config: ScoreConfig,
    pub overall: OverallScore,
    /// Declared pillars in order, then undeclared pillar ids, then the implicit group.
    pub pillars: Vec<PillarScore>,
    pub statuses: StatusCounts,
    /// Every indicator, in dataset order.
    pub indicators: Vec<IndicatorScore>,
}

/// `Some(x)` when `x` is finite: outputs never carry NaN or infinity.
fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Whether a deadline has passed by `as_of` (its last day is before `as_of`).
fn passed(p: Period, as_of: Date) -> bool {
    p.last_day() < as_of
}

/// Whether a result for period `p` can be known by `as_of` (the period has ended).
fn known_by(p: Period, as_of: Date) -> bool {
    p.last_day() <= as_of
}

/// The current target of `ind` at `as_of`: the earliest whose deadline is on or after
/// `as_of` (an undated target never passes and sorts last), else the last one.
pub fn current_target(ind: &Indicator, as_of: Date) -> Option<&Target> {
    // `(is_none, deadline)` puts undated targets after every dated one.
    let key = |t: &&Target| (t.deadline.is_none(), t.deadline);
    ind.targets
        .iter()
        .filter(|t| t.deadline.is_none_or(|d| !passed(d, as_of)))
        .min_by_key(key)
        .or_else(|| ind.targets.iter().max_by_key(key))
}

/// Whether `x` meets `bound`, with a relative slack of `cfg.epsilon`.
pub fn meets(bound: &Bound, x: f64, cfg: &ScoreConfig) -> bool {
    let eps = |v: f64| cfg.epsilon * v.abs().max(1.0);
    match *bound {
        Bound::Gte(v) => x >= v - eps(v),
        Bound::Gt(v) => x > v + eps(v),
        Bound::Lte(v) => x <= v + eps(v),
        Bound::Lt(v) => x < v - eps(v),
        Bound::Eq(v) => (x - v).abs() <= eps(v),
        Bound::Range { min, .. } => x >= min - eps(min),
        Bound::Approx { value, tolerance } => {
            let tol = tolerance.unwrap_or(cfg.approx_tolerance);
            (x - value).abs() <= tol * value.abs() + eps(value)
        }
    }
}

/// Uncapped attainment of `x` against figure `v` (see the module docs for conventions).
pub fn attainment(dir: Direction, v: f64, x: f64) -> Option<f64> {
    let ratio = match dir {
        _ if x == 0.0 && v == 0.0 => 1.0,
        Direction::Increasing if v > 0.0 => x / v,
        Direction::Decreasing if x > 0.0 && v >= 0.0 => v / x,
        Direction::TwoSided if x > 0.0 && v > 0.0 => (x / v).min(v / x),
        // Below zero the value is further off than zero would be.
        Direction::TwoSided if v > 0.0 => x / v,
        _ => return None,
    };
    finite(ratio)
}

/// Distance still to go from `x` to figure `v` (positive: still to go).
pub fn gap(dir: Direction, v: f64, x: f64) -> Option<f64> {
    finite(match dir {
        Direction::Increasing => v - x,
        Direction::Decreasing => x - v,
        Direction::TwoSided => (x - v).abs(),
    })
}

/// A point in time (fractional years) with a value.
#[derive(Debug, Clone, Copy)]
struct Point {
    t: f64,
    x: f64,
}

/// The outcome of measuring the pace toward a target.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pace {
    Ratio(f64, RateMethod),
    /// The baseline already sits on the target figure: the required rate is zero.
    RequiredZero,
    /// No deadline, a deadline not after the baseline, or an overflow.
    Unmeasurable,
}

/// `(to/from)^(1/years) − 1`.
fn cagr(from: f64, to: f64, years: f64) -> f64 {
    (to / from).powf(1.0 / years) - 1.0
}

/// The progress ratio R from baseline `b` and latest `l` toward `v` due at `deadline`.
/// Requires `l.t > b.t`.
fn pace(dir: Direction, b: Point, l: Point, v: f64, deadline: Option<f64>, eps: f64) -> Pace {
    let Some(due) = deadline else {
        return Pace::Unmeasurable;
    };
    let (span_obs, span_req) = (l.t - b.t, due - b.t);
    if span_obs <= 0.0 || span_req <= 0.0 {
        return Pace::Unmeasurable;
    }
    if (v - b.x).abs() <= eps * v.abs().max(1.0) {
        return Pace::RequiredZero;
    }
    let d = match dir {
        Direction::Increasing => 1.0,
        Direction::Decreasing => -1.0,
        Direction::TwoSided => {
            let side = (v - b.x).signum();
            if side * (l.x - v) > 0.0 {
                // Overshot a two-sided target: measure the distance closed, linearly.
                let (d0, d1) = ((b.x - v).abs(), (l.x - v).abs());
                let r = ((d0 - d1) / span_obs) / (d0 / span_req);
                return finite(r)
                    .map_or(Pace::Unmeasurable, |r| Pace::Ratio(r, RateMethod::Linear));
            }
            side
        }
    };
    let linear = || d * ((l.x - b.x) / span_obs) / ((v - b.x) / span_req).abs();
    let compound = || d * cagr(b.x, l.x, span_obs) / cagr(b.x, v, span_req).abs();
    let use_cagr = b.x > 0.0 && l.x > 0.0 && v > 0.0;
    match finite(if use_cagr { compound() } else { linear() }) {
        Some(r) if use_cagr => Pace::Ratio(r, RateMethod::Cagr),
        Some(r) => Pace::Ratio(r, RateMethod::Linear),
        None if use_cagr => {
            finite(linear()).map_or(Pace::Unmeasurable, |r| Pace::Ratio(r, RateMethod::Linear))
        }
        None => Pace::Unmeasurable,
    }
}

/// Whether the latest value is farther from the target than the baseline.
fn moved_away(dir: Direction, b: Point, l: Point, v: f64) -> bool {
    match dir {
        Direction::Increasing => l.x < b.x,
        Direction::Decreasing => l.x > b.x,
        Direction::TwoSided => (l.x - v).abs() > (b.x - v).abs(),
    }
}

/// Status from a progress ratio and the configured thresholds.
fn status_from_ratio(r: f64, cfg: &ScoreConfig) -> Status {
    if r >= cfg.on_track {
        Status::OnTrack
    } else if r >= cfg.needs_acceleration {
        Status::NeedsAcceleration
    } else if r >= 0.0 {
        Status::Limited
    } else {
        Status::Regressing
    }
}

/// The value on the segment from `b` to `(due, v)` at time `now`, clamped to the segment.
fn expected_at(b: Point, v: f64, due: f64, now: f64) -> Option<f64> {
    if due <= b.t {
        return None;
    }
    let share = ((now - b.t) / (due - b.t)).clamp(0.0, 1.0);
    finite(b.x + (v - b.x) * share)
}

/// Scores one indicator at `as_of`; see the module docs for the method.
pub fn score_indicator(ind: &Indicator, as_of: Date, cfg: &ScoreConfig) -> IndicatorScore {
    let known: Vec<(Period, f64)> = ind
        .observations
        .iter()
        .filter(|o| known_by(o.period, as_of))
        // `value_in` can overflow to ±∞ (a huge numerator over a tiny denominator).
        .filter_map(|o| {
            o.value_in(&ind.unit)
                .and_then(finite)
                .map(|v| (o.period, v))
        })
        .collect();
    let latest = known
        .iter()
        .max_by_key(|(p, _)| *p)
        .map(|&(period, value)| Latest { period, value });
    let baseline = ind
        .baseline
        .as_ref()
        .filter(|b| b.value.is_finite() && known_by(b.period, as_of))
        .map(|b| BaselinePoint {
            period: b.period,
            value: b.value,
            explicit: true,
        })
        .or_else(|| {
            known
                .iter()
                .min_by_key(|(p, _)| *p)
                .map(|&(period, value)| BaselinePoint {
                    period,
                    value,
                    explicit: false,
                })
        });

    let target = current_target(ind, as_of);
    let direction = target.map(Direction::of);
    let now = as_of.end_as_year();
    let base_point = baseline.map(|b| Point {
        t: b.period.end_as_year(),
        x: b.value,
    });
    let due = target.and_then(|t| t.deadline).map(Period::end_as_year);
    let expected_now = match (target, base_point, due) {
        (Some(t), Some(b), Some(due)) => expected_at(b, t.bound.value(), due, now),
        _ => None,
    };

    let mut score = IndicatorScore {
        id: ind.id.clone(),
        pillar: ind.pillar.clone(),
        current_target: target.cloned(),
        direction,
        baseline,
        latest,
        achieved: None,
        attainment: None,
        capped_attainment: None,
        gap: None,
        status: Status::NoData,
        progress_ratio: None,
        rate_method: None,
        expected_now,
    };
    let Some(latest) = latest else {
        return score;
    };
    let (Some(target), Some(dir)) = (target, direction) else {
        score.status = Status::InsufficientData;
        return score;
    };

    let v = target.bound.value();
    let x = latest.value;
    let achieved = meets(&target.bound, x, cfg);
    score.achieved = Some(achieved);
    score.attainment = attainment(dir, v, x);
    score.capped_attainment = if achieved {
        Some(1.0)
    } else {
        score.attainment.map(|a| a.clamp(0.0, 1.0))
    };
    score.gap = gap(dir, v, x);

    let l = Point {
        t: latest.period.end_as_year(),
        x,
    };
    // A baseline counts only when strictly before the latest result.
    let base = base_point.filter(|b| b.t < l.t);
    let pace = base.map(|b| (b, pace(dir, b, l, v, due, cfg.epsilon)));
    if let Some((_, Pace::Ratio(r, method))) = pace {
        score.progress_ratio = Some(r);
        score.rate_method = Some(method);
    }

    score.status = if achieved {
        Status::Achieved
    } else if target.deadline.is_some_and(|d| passed(d, as_of)) {
        Status::Missed
    } else {
        match pace {
            None => Status::InsufficientData,
            Some((_, Pace::Ratio(r, _))) => status_from_ratio(r, cfg),
            Some((b, _)) if moved_away(dir, b, l, v) => Status::Regressing,
            Some((_, Pace::RequiredZero)) => Status::Limited,
            Some((_, Pace::Unmeasurable)) => Status::InsufficientData,
        }
    };
    score
}

/// Indicators gathered under one pillar id (or none) for aggregation.
struct Group {
    id: Option<String>,
    declared: bool,
    weight: f64,
    members: Vec<usize>,
    /// Members set aside for invalid data.
    invalid: usize,
}

/// A weight as used: negative or non-finite weights count as 0.
fn usable_weight(w: f64) -> f64 {
    if w.is_finite() && w > 0.0 {
        w
    } else {
        0.0
    }
}

/// The weighted mean of `(value, weight)` pairs with values in [0, 1]; `None` without a
/// positive weight. Weights are scaled by the largest first, so huge weights cannot
/// overflow the sums into ∞/∞.
fn weighted_mean(items: &[(f64, f64)]) -> Option<f64> {
    let top = items.iter().map(|&(_, w)| w).fold(0.0, f64::max);
    if top <= 0.0 {
        return None;
    }
    let (num, den) = items.iter().fold((0.0, 0.0), |(n, d), &(x, w)| {
        let w = w / top;
        (n + x * w, d + w)
    });
    finite(num / den).map(|m| m.clamp(0.0, 1.0))
}

/// `part / whole`, `None` for an empty whole.
fn share(part: usize, whole: usize) -> Option<f64> {
    // Counts are far below 2^53, so the conversions are exact.
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn pillar_score(g: Group, indicators: &[IndicatorScore], cfg: &ScoreConfig) -> PillarScore {
    let members: Vec<&IndicatorScore> = g
        .members
        .iter()
        .filter_map(|&i| indicators.get(i))
        .collect();
    let capped: Vec<(f64, f64)> = members
        .iter()
        .filter_map(|s| s.capped_attainment.map(|c| (c, 1.0)))
        .collect();
    let score = weighted_mean(&capped);
    let mut statuses = StatusCounts::default();
    for s in &members {
        statuses.add(s.status);
    }
    let with_data = members.iter().filter(|s| s.latest.is_some()).count();
    let total = members.len() + g.invalid;
    PillarScore {
        id: g.id,
        declared: g.declared,
        weight: g.weight,
        total,
        invalid: g.invalid,
        with_data,
        scored: capped.len(),
        coverage: share(with_data, total),
        score,
        withheld: score.is_some() && withheld(capped.len(), total, cfg.min_coverage),
        points: score.and_then(|s| finite(s * g.weight)),
        max_points: g.weight,
        statuses,
        indicators: members.iter().map(|s| s.id.clone()).collect(),
    }
}

/// Scores every indicator of `ds` at `as_of` and aggregates them by pillar and overall;
/// see the module docs for the method.
pub fn score_dataset(ds: &Dataset, as_of: Date, cfg: &ScoreConfig) -> DatasetScore {
    let indicators: Vec<IndicatorScore> = ds
        .indicators
        .iter()
        .map(|i| score_indicator(i, as_of, cfg))
        .collect();

    let mut groups: Vec<Group> = ds
        .pillars
        .iter()
        .map(|p| Group {
            id: Some(p.id.clone()),
            declared: true,
            weight: usable_weight(p.weight),
            members: Vec::new(),
            invalid: 0,
        })
        .collect();
    let mut implicit = Group {
        id: None,
        declared: false,
        weight: 1.0,
        members: Vec::new(),
        invalid: 0,
    };
    // The indicators, then those set aside (`None`), each into its pillar's group.
    let places = ds
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| (Some(i), ind.pillar.as_ref()))
        .chain(ds.quarantined.iter().map(|q| (None, q.pillar.as_ref())));
    for (i, pillar) in places {
        let group = match pillar {
            None => &mut implicit,
            Some(pid) => match groups.iter().position(|g| g.id.as_ref() == Some(pid)) {
                Some(at) => &mut groups[at],
                None => {
                    groups.push(Group {
                        id: Some(pid.clone()),
                        declared: false,
                        weight: 1.0,
                        members: Vec::new(),
                        invalid: 0,
                    });
                    let last = groups.len() - 1;
                    &mut groups[last]
                }
            },
        };
        match i {
            Some(i) => group.members.push(i),
            None => group.invalid += 1,
        }
    }
    if !implicit.members.is_empty() || implicit.invalid > 0 {
        groups.push(implicit);
    }
    let pillars: Vec<PillarScore> = groups
        .into_iter()
        .map(|g| pillar_score(g, &indicators, cfg))
        .collect();

    let mut statuses = StatusCounts::default();
    for s in &indicators {
        statuses.add(s.status);
    }
    let with_data = indicators.iter().filter(|s| s.latest.is_some()).count();
    let scored_pillars: Vec<&PillarScore> = pillars.iter().filter(|p| p.score.is_some()).collect();
    let weighted: Vec<(f64, f64)> = scored_pillars
        .iter()
        .filter_map(|p| p.score.map(|s| (s, p.weight)))
        .collect();
    let any_scored = !scored_pillars.is_empty();
    let scored = pillars.iter().map(|p| p.scored).sum();
    let score = weighted_mean(&weighted);
    let invalid = ds.quarantined.len();
    let total = indicators.len() + invalid;
    let overall = OverallScore {
        total,
        invalid,
        with_data,
        scored,
        coverage: share(with_data, total),
        score,
        withheld: score.is_some() && withheld(scored, total, cfg.min_coverage),
        points: any_scored
            .then(|| scored_pillars.iter().filter_map(|p| p.points).sum())
            .and_then(finite),
        max_points: finite(pillars.iter().map(|p| p.max_points).sum()),
        max_points_scored: any_scored
            .then(|| scored_pillars.iter().map(|p| p.max_points).sum())
            .and_then(finite),
        pillars_scored: scored_pillars.len(),
    };

    DatasetScore {
        as_of,
        config: *cfg,
        overall,
        pillars,
        statuses,
        indicators,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_fractions_or_percentages() {
        assert_eq!(parse_share("0.5"), Some(0.5));
        assert_eq!(parse_share(" 0,5 "), Some(0.5));
        assert_eq!(parse_share(".25"), Some(0.25));
        assert_eq!(parse_share("1"), Some(1.0));
        assert_eq!(parse_share("0"), Some(0.0));
        assert_eq!(parse_share("50%"), Some(0.5));
        assert_eq!(parse_share("33,3 %"), Some(0.333));
        assert_eq!(parse_share("100%"), Some(1.0));
        // The same quotient as the literal: 3/10 rounds to the float 0.3 is.
        assert_eq!(parse_share("0.3"), Some(0.3));
        for bad in [
            "",
            "%",
            "1.5",
            "101%",
            "-0.1",
            "50",
            "0.5.",
            "5.",
            "1e-1",
            "abc",
            "½",
            "0.1234567891",
        ] {
            assert_eq!(parse_share(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_share_exactly_at_the_minimum_is_not_withheld() {
        let third = DEFAULT_MIN_COVERAGE;
        assert!(!withheld(1, 3, third), "1/3 at one third");
        assert!(!withheld(2, 6, third), "2/6 at one third");
        assert!(!withheld(24, 72, third), "24/72 at one third");
        assert!(!withheld(1, 2, 0.5), "1/2 at a half");
        let percent = parse_share("50%").unwrap_or(f64::NAN);
        assert!(!withheld(5, 10, percent), "5/10 at 50%");
    }

    #[test]
    fn a_share_below_the_minimum_is_withheld_and_above_is_not() {
        let third = DEFAULT_MIN_COVERAGE;
        assert!(withheld(1, 4, third), "1/4 below one third");
        assert!(withheld(23, 72, third), "23/72 below one third");
        assert!(
            withheld(2, 72, third),
            "2/72: the Quảng Nam 2024 plan in January 2024"
        );
        assert!(!withheld(2, 5, third), "2/5 above one third");
        assert!(!withheld(25, 72, third), "25/72 above one third");
        assert!(!withheld(0, 5, 0.0), "a minimum of 0 never withholds");
        assert!(withheld(9, 10, 1.0), "a minimum of 1 wants every indicator");
        assert!(!withheld(0, 0, third), "no indicator: nothing to withhold");
    }
}
