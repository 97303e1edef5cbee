//! Progress scoring (in progress): the public types below are the contract widgets use.

use serde::Serialize;

use crate::model::{Dataset, Indicator, Target};
use crate::period::{Date, Period};

/// Thresholds of the progress ratio R, configurable.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScoreConfig {
    /// R at or above this is on track (default 0.95).
    pub on_track: f64,
    /// R at or above this (and below `on_track`) needs acceleration (default 0.60).
    pub needs_acceleration: f64,
}

impl Default for ScoreConfig {
    fn default() -> Self {
        ScoreConfig { on_track: 0.95, needs_acceleration: 0.60 }
    }
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

/// The latest observation with a computable value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Latest {
    pub period: Period,
    pub value: f64,
}

/// The score of one indicator at `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorScore {
    pub id: String,
    pub current_target: Option<Target>,
    pub latest: Option<Latest>,
    pub achieved: Option<bool>,
    /// Uncapped: value/target (increasing) or target/value (decreasing).
    pub attainment: Option<f64>,
    /// Target minus value, in the indicator's unit (positive: still to go).
    pub gap: Option<f64>,
    pub status: Status,
    pub progress_ratio: Option<f64>,
    /// The value on the straight line from baseline to target at `as_of`.
    pub expected_now: Option<f64>,
}

pub fn score_indicator(_ind: &Indicator, _as_of: Date, _cfg: &ScoreConfig) -> IndicatorScore {
    todo!("scoring")
}

pub fn score_dataset(_ds: &Dataset, _as_of: Date, _cfg: &ScoreConfig) {
    todo!("scoring")
}
