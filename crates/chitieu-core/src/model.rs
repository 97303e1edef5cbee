//! The `chitieu/1` dataset model: a plan, its pillars, and indicators with targets and
//! observations.
//!
//! The JSON form is a public format that portal teams write by hand, so field names are
//! stable and short, optional fields may be left out, and a target is flat
//! (`{"op": "range", "min": 15, "max": 20}`) even though in Rust it is a typed
//! [`Bound`] that cannot be half-filled.

use serde::{Deserialize, Serialize};

use crate::messages::{Arg, Key, Message};
use crate::period::{Date, Period};

/// The schema tag every dataset carries.
pub const SCHEMA: &str = "chitieu/1";

/// Default relative tolerance of an `approx` target ("khoảng 10%" is met from 9,5 to 10,5).
pub const DEFAULT_TOLERANCE: f64 = 0.05;

/// A whole dataset: one plan and its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema: String,
    #[serde(deserialize_with = "object")]
    pub plan: Plan,
    /// The date the figures are current to; scoring uses it unless told otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    #[serde(default, deserialize_with = "objects")]
    pub pillars: Vec<Pillar>,
    #[serde(deserialize_with = "objects")]
    pub indicators: Vec<Indicator>,
    /// The plan's tasks (nhiệm vụ): who must deliver what, by when. Optional.
    #[serde(
        default,
        deserialize_with = "objects",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tasks: Vec<Task>,
    /// Indicators of the file left out of `indicators` because their own data is
    /// invalid, with why: one clerk's typo hides one indicator, not the whole dashboard.
    /// Not part of the written form; see [`crate::load`].
    #[serde(skip)]
    pub quarantined: Vec<crate::load::Quarantined>,
    /// Tasks of the file left out of `tasks` because their own data is invalid, as
    /// [`Dataset::quarantined`] is for indicators. Not part of the written form.
    #[serde(skip)]
    pub quarantined_tasks: Vec<crate::load::Quarantined>,
}

/// The document the targets come from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A group of indicators (DTI pillar, or an area of the plan) with a weight for aggregation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    pub id: String,
    pub name: Text,
    /// Relative weight, or DTI-style points; defaults to 1.
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

/// A `T` read from a JSON object only. Derived `Deserialize` also reads a struct from an
/// array of its fields in order, so `"source": ["Kế hoạch", "Phần II"]` would load as a
/// document and a section; the format has no such form, and a person who wrote it meant
/// something else. Every struct of the format is read through this wrapper.
pub(crate) struct Obj<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{value::MapAccessDeserializer, MapAccess, Visitor};
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(Key::ExpectFields.english())
            }
            fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Obj<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(m)).map(Obj)
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

fn object<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Obj::deserialize(d).map(|o| o.0)
}

fn optional_object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<Obj<T>>::deserialize(d).map(|o| o.map(|o| o.0))
}

fn objects<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Vec::<Obj<T>>::deserialize(d).map(|v| v.into_iter().map(|o| o.0).collect())
}

/// A name in Vietnamese, with an optional English translation.
///
/// A bare string is accepted as the Vietnamese name. The object form rejects keys other
/// than `vi` and `en`, so a misspelt `"eng"` is reported instead of silently dropped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Text {
    pub vi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(Key::ExpectName.english())
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text {
                    vi: v.to_string(),
                    en: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Text, A::Error> {
                let (mut vi, mut en) = (None, None);
                while let Some(key) = m.next_key::<String>()? {
                    match key.as_str() {
                        "vi" if vi.is_some() => return Err(A::Error::duplicate_field("vi")),
                        "en" if en.is_some() => return Err(A::Error::duplicate_field("en")),
                        "vi" => vi = Some(m.next_value::<String>()?),
                        "en" => en = Some(m.next_value::<Option<String>>()?),
                        other => return Err(A::Error::unknown_field(other, &["vi", "en"])),
                    }
                }
                Ok(Text {
                    vi: vi.ok_or_else(|| A::Error::missing_field("vi"))?,
                    en: en.flatten(),
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Text {
    /// The text in `lang` ("en" or anything else for Vietnamese), falling back to Vietnamese.
    pub fn get(&self, lang: &str) -> &str {
        match (lang, &self.en) {
            ("en", Some(en)) if !en.is_empty() => en,
            _ => &self.vi,
        }
    }
}

/// One measured quantity with its targets and results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique within the dataset.
    pub id: String,
    /// Shared across datasets for the same measure, so provinces can be compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pillar: Option<String>,
    pub name: Text,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The lead agency (cơ quan chủ trì).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, deserialize_with = "objects")]
    pub targets: Vec<Target>,
    #[serde(
        default,
        deserialize_with = "optional_object",
        skip_serializing_if = "Option::is_none"
    )]
    pub baseline: Option<Baseline>,
    #[serde(default, deserialize_with = "objects")]
    pub observations: Vec<Observation>,
    #[serde(
        default,
        deserialize_with = "optional_object",
        skip_serializing_if = "Option::is_none"
    )]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The unit of an indicator's values.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Unit {
    #[default]
    Percent,
    Count,
    Vnd,
    /// Any other short unit: `Mb/s`, `per_week`, `per_year`, …
    Other(String),
}

impl Unit {
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Vnd => "vnd",
            Unit::Other(s) => s,
        }
    }

    pub fn parse(s: &str) -> Unit {
        match s.trim() {
            "percent" | "%" => Unit::Percent,
            "count" => Unit::Count,
            "vnd" | "VND" | "đồng" => Unit::Vnd,
            other => Unit::Other(other.to_string()),
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.trim().is_empty() {
            return Err(serde::de::Error::custom(Message::new(Key::UnitBlank)));
        }
        Ok(Unit::parse(&s))
    }
}

/// The administrative level a target applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Province,
    District,
    Commune,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
        }
    }
    pub fn label_vi(self) -> &'static str {
        match self {
            Level::Province => "Cấp tỉnh",
            Level::District => "Cấp huyện",
            Level::Commune => "Cấp xã",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Level::Province => "Province",
            Level::District => "District",
            Level::Commune => "Commune",
        }
    }
}

/// Whether the target is about growth or reduction rather than a level
/// ("tăng tối thiểu 7%/năm", "giảm 30%").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Increase,
    Decrease,
}

/// The comparison a target makes, with its numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    Gte(f64),
    Gt(f64),
    Lte(f64),
    Lt(f64),
    Eq(f64),
    /// "15-20%": achieved from `min` upward; `max` is the aspiration.
    Range {
        min: f64,
        max: f64,
    },
    /// "khoảng 10%": within a relative tolerance.
    Approx {
        value: f64,
        tolerance: Option<f64>,
    },
}

impl Bound {
    /// The `op` name used in JSON and CSV.
    pub fn op(&self) -> &'static str {
        match self {
            Bound::Gte(_) => "gte",
            Bound::Gt(_) => "gt",
            Bound::Lte(_) => "lte",
            Bound::Lt(_) => "lt",
            Bound::Eq(_) => "eq",
            Bound::Range { .. } => "range",
            Bound::Approx { .. } => "approx",
        }
    }

    /// The single figure the target aims at: the bound itself, or `min` of a range
    /// (reaching it achieves the target).
    pub fn value(&self) -> f64 {
        match *self {
            Bound::Gte(v) | Bound::Gt(v) | Bound::Lte(v) | Bound::Lt(v) | Bound::Eq(v) => v,
            Bound::Range { min, .. } => min,
            Bound::Approx { value, .. } => value,
        }
    }

    /// Whether lower values are better (`lt`, `lte`).
    pub fn lower_is_better(&self) -> bool {
        matches!(self, Bound::Lte(_) | Bound::Lt(_))
    }
}

/// One target of an indicator: a bound, a deadline, and the words of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawTarget", into = "RawTarget")]
pub struct Target {
    pub bound: Bound,
    pub change: Option<Change>,
    pub deadline: Option<Period>,
    /// The target exactly as the plan words it.
    pub text: Option<String>,
}

/// The flat JSON/CSV shape of a [`Target`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub op: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Period>,
}

/// The operators a target may use, for error messages.
pub const OPS: &str = "gte, gt, lte, lt, eq, range, approx";

/// The checks of a flat target: its op, the numbers the op needs, and no field the op
/// does not use. The error is a catalogue message, so both forms (JSON through serde, CSV
/// directly) refuse the same targets with the same words, in either language.
impl TryFrom<RawTarget> for Target {
    type Error = Message;
    fn try_from(r: RawTarget) -> Result<Self, Message> {
        let op = || Arg::from(r.op.as_str());
        let finite = |name: &'static str, v: Option<f64>| -> Result<f64, Message> {
            match v {
                Some(x) if x.is_finite() => Ok(x),
                Some(_) => Err(Message::new(Key::TargetOpNeedsFinite)
                    .with("op", op())
                    .with("field", name)),
                None => Err(Message::new(Key::TargetOpNeeds)
                    .with("op", op())
                    .with("field", name)),
            }
        };
        let single = |f: fn(f64) -> Bound| finite("value", r.value).map(f);
        let bound = match r.op.as_str() {
            "gte" => single(Bound::Gte)?,
            "gt" => single(Bound::Gt)?,
            "lte" => single(Bound::Lte)?,
            "lt" => single(Bound::Lt)?,
            "eq" => single(Bound::Eq)?,
            "range" => {
                let (min, max) = (finite("min", r.min)?, finite("max", r.max)?);
                if min > max {
                    return Err(Message::new(Key::TargetRangeReversed)
                        .num("min", min)
                        .num("max", max));
                }
                Bound::Range { min, max }
            }
            "approx" => {
                let value = finite("value", r.value)?;
                match r.tolerance {
                    Some(t) if !(t.is_finite() && t >= 0.0) => {
                        return Err(Message::new(Key::TargetToleranceInvalid).num("tolerance", t))
                    }
                    tolerance => Bound::Approx { value, tolerance },
                }
            }
            other => {
                return Err(Message::new(Key::TargetOpUnknown)
                    .with("op", other)
                    .with("ops", OPS))
            }
        };
        // A field the op does not use is a misunderstanding ("gte" with a "max"), and
        // would be dropped silently on the way to the typed bound: refuse it instead.
        let (uses, unused): (Key, [(&str, bool); 2]) = match bound {
            Bound::Range { .. } => (
                Key::TargetUsesMinMax,
                [
                    ("value", r.value.is_some()),
                    ("tolerance", r.tolerance.is_some()),
                ],
            ),
            Bound::Approx { .. } => (
                Key::TargetUsesValueTolerance,
                [("min", r.min.is_some()), ("max", r.max.is_some())],
            ),
            _ => {
                if r.tolerance.is_some() {
                    return Err(Message::new(Key::TargetToleranceNotApprox).with("op", op()));
                }
                (
                    Key::TargetUsesOnlyValue,
                    [("min", r.min.is_some()), ("max", r.max.is_some())],
                )
            }
        };
        let extra: Vec<Arg> = unused
            .iter()
            .filter(|(_, present)| *present)
            .map(|(name, _)| Arg::Text(format!("'{name}'")))
            .collect();
        let fields = match <[Arg; 2]>::try_from(extra) {
            Ok([first, second]) => Some(Arg::Msg(
                Message::new(Key::ListAnd)
                    .with("first", first)
                    .with("second", second),
            )),
            Err(one) => one.into_iter().next(),
        };
        if let Some(fields) = fields {
            return Err(Message::new(uses).with("op", op()).with("fields", fields));
        }
        Ok(Target {
            bound,
            change: r.change,
            deadline: r.deadline,
            text: r.text,
        })
    }
}

impl From<Target> for RawTarget {
    fn from(t: Target) -> Self {
        let mut r = RawTarget {
            text: t.text,
            op: t.bound.op().to_string(),
            change: t.change,
            deadline: t.deadline,
            ..RawTarget::default()
        };
        match t.bound {
            Bound::Range { min, max } => {
                r.min = Some(min);
                r.max = Some(max);
            }
            Bound::Approx { value, tolerance } => {
                r.value = Some(value);
                r.tolerance = tolerance;
            }
            b => r.value = Some(b.value()),
        }
        r
    }
}

/// The starting point progress is measured from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub period: Period,
    pub value: f64,
}

/// A reported result for a period.
///
/// Either `value`, or `numerator` and `denominator`; in the latter case the value is
/// computed from them, never taken from the printed `reported` figure, which plans
/// sometimes truncate (1237/1289 printed as 95,9%).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub period: Period,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
    /// The figure as published, kept for review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Observation {
    /// The observed value in the indicator's unit: `value`, else numerator/denominator
    /// (×100 for percent units). `None` when it cannot be computed (denominator 0).
    pub fn value_in(&self, unit: &Unit) -> Option<f64> {
        if let Some(v) = self.value {
            return v.is_finite().then_some(v);
        }
        let (n, d) = (self.numerator?, self.denominator?);
        if d == 0.0 || !n.is_finite() || !d.is_finite() {
            return None;
        }
        let scale = if *unit == Unit::Percent { 100.0 } else { 1.0 };
        // A ratio can still overflow (834 / 2.2e-308): such a value is not computable.
        Some(n / d * scale).filter(|v| v.is_finite())
    }
}

/// Where in the source document the indicator is stated.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The row of the document's table, as numbered there ("1.12", "23").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
}

/// One task of a plan's appendix: what must be delivered, by whom, by when, and the
/// reports of its progress. Its status is computed by [`crate::tasks`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Unique among the dataset's tasks.
    pub id: String,
    /// The appendix's headings above the task, outermost first ("II. Nhóm nhiệm vụ…",
    /// "1. Cơ chế, chính sách").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pillar: Option<String>,
    pub name: Text,
    /// The lead units (đơn vị chủ trì).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead: Vec<String>,
    /// The partner units (đơn vị phối hợp).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// The expected result, as written ("Quyết định của UBND tỉnh").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    #[serde(
        default,
        deserialize_with = "optional_object",
        skip_serializing_if = "Option::is_none"
    )]
    pub due: Option<Due>,
    /// Ids of the indicators the task serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
    #[serde(
        default,
        deserialize_with = "optional_object",
        skip_serializing_if = "Option::is_none"
    )]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Progress reports, in any order; the latest by date (then by place) is current.
    #[serde(
        default,
        deserialize_with = "objects",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub updates: Vec<Update>,
}

/// When a task is due: as the plan words it, and as periods the status is judged on.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Due {
    /// As written: "Quý III/2024", "Cả năm", "Hàng năm", "2023 - 2024".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The period by whose end the task must be done (for a recurring task, the last
    /// year it recurs, when known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The period the work starts in (a range "2023 - 2024" starts in 2023).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Period>,
    /// A task that recurs ("Hàng năm"): due by the end of each year, judged per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Every>,
}

/// How often a recurring task comes due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Every {
    Year,
}

/// Whether `url` is a web address (`http://` or `https://`, any case): the only links
/// a dataset may give, so no `javascript:` or `data:` address is ever followed.
pub fn is_web_address(url: &str) -> bool {
    let l = url.trim_start().as_bytes();
    [&b"https://"[..], &b"http://"[..]]
        .iter()
        .any(|p| l.len() >= p.len() && l[..p.len()].eq_ignore_ascii_case(p))
}

/// A progress report on a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Update {
    pub date: Date,
    pub status: TaskStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A link to the evidence (the decision, the report); `http` or `https` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_url: Option<String>,
}

/// Where a task stands, as a progress report says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] = [
        TaskStatus::NotStarted,
        TaskStatus::InProgress,
        TaskStatus::Done,
        TaskStatus::Cancelled,
    ];

    /// The name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "not_started",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Done => "done",
            TaskStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<TaskStatus> {
        TaskStatus::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The statuses a report may give, for error messages.
pub const TASK_STATUSES: &str = "not_started, in_progress, done, cancelled";

impl Dataset {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
    pub fn pillar(&self, id: &str) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.id == id)
    }
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_observation_is_computed_not_copied() {
        let o = Observation {
            period: Period::Year(2023),
            numerator: Some(1237.0),
            denominator: Some(1289.0),
            reported: Some(95.9),
            value: None,
            note: None,
        };
        let v = o.value_in(&Unit::Percent).unwrap_or(f64::NAN);
        assert!((v - 95.965_865_01).abs() < 1e-6, "{v}");
        let zero = Observation {
            denominator: Some(0.0),
            numerator: Some(1.0),
            ..o
        };
        assert_eq!(zero.value_in(&Unit::Percent), None);
    }

    #[test]
    fn target_json_is_flat_and_checked() {
        let t: Target =
            serde_json::from_str(r#"{"op":"range","min":15,"max":20,"deadline":"2025"}"#)
                .expect("valid range");
        assert_eq!(
            t.bound,
            Bound::Range {
                min: 15.0,
                max: 20.0
            }
        );
        assert_eq!(t.deadline, Some(Period::Year(2025)));
        let back = serde_json::to_value(&t).expect("serialize");
        assert_eq!(
            back,
            serde_json::json!({"op":"range","min":15.0,"max":20.0,"deadline":"2025"})
        );

        let e = serde_json::from_str::<Target>(r#"{"op":"range","min":15}"#).unwrap_err();
        assert!(e.to_string().contains("needs 'max'"), "{e}");
        let e = serde_json::from_str::<Target>(r#"{"op":"about","value":1}"#).unwrap_err();
        assert!(e.to_string().contains("unknown op 'about'"), "{e}");
    }

    #[test]
    fn text_accepts_plain_string_or_both_languages() {
        let t: Text = serde_json::from_str(r#""Chính quyền số""#).expect("plain");
        assert_eq!(t.get("en"), "Chính quyền số");
        let t: Text = serde_json::from_str(r#"{"vi":"Chính quyền số","en":"Digital government"}"#)
            .expect("both");
        assert_eq!(t.get("en"), "Digital government");
        assert_eq!(t.get("vi"), "Chính quyền số");
    }
}
