//! The trend: an indicator's results over time as a line, with the straight path from
//! its baseline to the target, the target at its deadline, the evaluation date and the
//! value expected by then.
//!
//! Time runs along x as [`Period::end_as_year`], the instant a result is known (a result
//! "for 2023" at 2024.0), the same axis scoring uses. Year ticks therefore sit at the
//! *end* of each year and carry that year's label, so an annual result and a deadline
//! "2025" sit exactly on the tick "2025" (quarterly results fall between ticks).
//!
//! The points can be reached with the keyboard: the chart is one tab stop (a roving
//! `tabindex`: the latest result, or the point last visited), Left/Right/Home/End move
//! between points, and a focused or hovered point shows its value. The chart's
//! `aria-label` says the whole story in a sentence and a hidden table lists every
//! observation and target.

use chitieu_core::number::{format_number, format_value};
use chitieu_core::score::{IndicatorScore, Status};
use chitieu_core::{Bound, Date, Indicator, Lang, Period, Target, Unit};
use yew::prelude::*;

use crate::common::{stale_note, Ctx};
use crate::geom;
use crate::i18n::{self, msg, Msg};
use crate::legacy::{SrTable, StatusChip};

#[derive(Properties, Clone, PartialEq)]
pub struct TrendProps {
    pub ctx: Ctx,
    pub indicator: String,
}

#[function_component(Trend)]
pub fn trend(p: &TrendProps) -> Html {
    // The point that holds the chart's one tab stop; `None` until a point is visited.
    let active = use_state(|| None::<usize>);
    let ctx = &p.ctx;
    let ind = match ctx.indicator(&p.indicator) {
        Ok(ind) => ind,
        Err(error) => return crate::markup::to_yew(&error),
    };
    let score = ctx.score(ind);
    view(ctx, ind, &score, &active)
}

/// The chart's size in SVG user units. It is drawn small and scaled up, so its text stays
/// readable on a 360 px phone (about 11 px there) and grows with wider containers.
pub const W: f64 = 360.0;
pub const H: f64 = 220.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 24.0;
const RIGHT: f64 = 14.0;
/// Room between the axis and the first or last point, so markers are not cut in half.
const PAD: f64 = 12.0;

/// One observation with a computable value, placed in time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pt {
    pub period: Period,
    /// [`Period::end_as_year`]: when the result is known.
    pub t: f64,
    pub value: f64,
    /// Its period ends after the evaluation date: shown, but not scored.
    pub future: bool,
}

/// The observations that have a value, oldest first.
pub fn points(ind: &Indicator, as_of: Date) -> Vec<Pt> {
    let mut pts: Vec<Pt> = ind
        .observations
        .iter()
        .filter_map(|o| {
            let value = o.value_in(&ind.unit).filter(|v| v.is_finite())?;
            Some(Pt {
                period: o.period,
                t: o.period.end_as_year(),
                value,
                future: o.period.last_day() > as_of,
            })
        })
        .collect();
    sort_by_period(&mut pts, |p| p.period);
    pts
}

/// Sorts by period, stably. An insertion sort: an indicator has a few dozen observations
/// at most, and the standard library's sort would add kilobytes to the wasm for each type
/// it sorts.
fn sort_by_period<T>(v: &mut [T], key: impl Fn(&T) -> Period) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 {
            match (v.get(j - 1), v.get(j)) {
                (Some(a), Some(b)) if key(a) > key(b) => v.swap(j - 1, j),
                _ => break,
            }
            j -= 1;
        }
    }
}

/// The value axis: from `min` to `max` in steps of `step`, all round numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YAxis {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl YAxis {
    /// Percentages run from 0 to 100 (further only if a value does); other units from 0
    /// to a round ceiling ([`geom::nice_ceiling`]) above every value shown. Negative
    /// values extend the axis below 0. Values that are not finite are ignored.
    pub fn new(percent: bool, values: &[f64]) -> YAxis {
        let (lo, hi) = values
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let top = if percent {
            geom::nice_ceiling(hi).max(100.0)
        } else {
            geom::nice_ceiling(hi)
        };
        let bottom = if lo < 0.0 {
            -geom::nice_ceiling(-lo)
        } else {
            0.0
        };
        let step = geom::nice_ceiling((top - bottom) / 5.0);
        // Both ends on a whole number of steps, so the end ticks are labelled.
        let (min, max) = ((bottom / step).floor() * step, (top / step).ceil() * step);
        if min.is_finite() && max.is_finite() && max > min && step > 0.0 {
            YAxis { min, max, step }
        } else {
            YAxis {
                min: 0.0,
                max: 1.0,
                step: 0.2,
            }
        }
    }

    /// The tick values, `min` to `max` (at most 21).
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.max - self.min) / self.step).round();
        let n = if n.is_finite() {
            n.clamp(0.0, 20.0)
        } else {
            0.0
        } as usize;
        (0..=n).map(|i| self.min + self.step * i as f64).collect()
    }
}

/// The time axis, in whole years of [`Period::end_as_year`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct XAxis {
    pub from: f64,
    pub to: f64,
}

impl XAxis {
    /// From the whole year at or before the earliest time to the one at or after the
    /// latest, at least one year wide.
    pub fn new(times: &[f64]) -> XAxis {
        let finite = || times.iter().copied().filter(|t| t.is_finite());
        let from = finite().fold(f64::INFINITY, f64::min).floor();
        let to = finite().fold(f64::NEG_INFINITY, f64::max).ceil();
        if !(from.is_finite() && to.is_finite()) {
            return XAxis {
                from: 2000.0,
                to: 2001.0,
            };
        }
        XAxis {
            from,
            to: to.max(from + 1.0),
        }
    }

    /// Tick positions (whole years) and the year each one ends: the tick at 2024.0 is the
    /// end of 2023 and reads "2023". One tick a year up to 8 years, then sparser.
    pub fn ticks(&self) -> Vec<(f64, i32)> {
        let span = self.to - self.from;
        let step = if span <= 8.0 {
            1.0
        } else if span <= 16.0 {
            2.0
        } else {
            geom::nice_ceiling(span / 8.0).ceil()
        };
        let first = (self.from / step).ceil() * step;
        let n = ((self.to - first) / step).floor();
        let n = if n.is_finite() {
            n.clamp(0.0, 20.0)
        } else {
            0.0
        } as usize;
        (0..=n)
            .map(|i| first + step * i as f64)
            .filter(|t| *t <= self.to)
            .map(|t| (t, (t as i32).saturating_sub(1)))
            .collect()
    }
}

/// Maps time and value to SVG coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub x: XAxis,
    pub y: YAxis,
    /// Left edge of the plot: room for the value labels.
    pub left: f64,
}

impl Frame {
    pub fn px(&self, t: f64) -> f64 {
        let (a, b) = (self.left + PAD, W - RIGHT - PAD);
        let share = (t - self.x.from) / (self.x.to - self.x.from);
        a + (b - a) * if share.is_finite() { share } else { 0.0 }
    }
    pub fn py(&self, v: f64) -> f64 {
        let share = (v - self.y.min) / (self.y.max - self.y.min);
        let share = if share.is_finite() {
            share.clamp(0.0, 1.0)
        } else {
            0.0
        };
        H - BOTTOM - (H - TOP - BOTTOM) * share
    }
    pub fn plot_left(&self) -> f64 {
        self.left
    }
    pub fn plot_right(&self) -> f64 {
        W - RIGHT
    }
}

/// How axis figures are written: percent with "%", money divided into tỷ/triệu with the
/// unit said once above the axis, other units as numbers with the unit above.
fn axis_format(unit: &Unit, y: &YAxis, lang: Lang) -> (f64, Option<String>) {
    match unit {
        Unit::Percent | Unit::Count => (1.0, None),
        Unit::Vnd => {
            let top = y.max.abs().max(y.min.abs());
            let div = if top >= 1e9 {
                1e9
            } else if top >= 1e6 {
                1e6
            } else {
                1.0
            };
            (div, Some(i18n::vnd_scale_label(lang, div).to_string()))
        }
        Unit::Other(u) => (1.0, Some(chitieu_core::number::unit_label(u, lang))),
    }
}

fn tick_label(v: f64, unit: &Unit, div: f64, lang: Lang) -> String {
    let n = format_number(v / div, 2, lang);
    if *unit == Unit::Percent {
        format!("{n}%")
    } else {
        n
    }
}

/// A target's figure, short, for the label next to its marker: "100%", "15–20%".
pub fn target_short(t: &Target, unit: &Unit, lang: Lang) -> String {
    match t.bound {
        Bound::Range { min, max } => {
            format!(
                "{}–{}",
                format_number(min, 2, lang),
                format_value(max, unit, lang)
            )
        }
        b => format_value(b.value(), unit, lang),
    }
}

/// "Mục tiêu: tối thiểu 100% · 2025", as under the gauge.
pub fn target_line(t: &Target, unit: &Unit, lang: Lang) -> String {
    let phrase = i18n::target_phrase(lang, t, unit);
    match t.deadline {
        Some(d) => format!(
            "{}: {phrase} · {}",
            msg(lang, Msg::Target),
            i18n::period_label(lang, d)
        ),
        None => format!("{}: {phrase}", msg(lang, Msg::Target)),
    }
}

/// The sentence a screen reader hears for the chart: the indicator, the latest value and
/// its period, the target and deadline, and the status.
pub fn aria_sentence(
    lang: Lang,
    name: &str,
    latest: Option<(Period, String)>,
    target: Option<&str>,
    status: Status,
) -> String {
    let mut s = match latest {
        Some((p, v)) => format!(
            "{name}: {} {v} ({})",
            msg(lang, Msg::Latest).to_lowercase(),
            i18n::period_label(lang, p)
        ),
        None => format!("{name}: {}", msg(lang, Msg::NoData).to_lowercase()),
    };
    if let Some(t) = target {
        s.push_str(&format!(". {t}"));
    }
    s.push_str(&format!(
        ". {}: {}.",
        msg(lang, Msg::Status),
        i18n::status_label(lang, status)
    ));
    s
}

/// A point's label: "2023: 81,77%", marked when it is after the evaluation date.
pub fn point_label(lang: Lang, p: &Pt, unit: &Unit) -> String {
    let base = format!(
        "{}: {}",
        i18n::period_label(lang, p.period),
        format_value(p.value, unit, lang)
    );
    if p.future {
        format!("{base} ({})", msg(lang, Msg::AfterAsOf))
    } else {
        base
    }
}

/// Where a point's value label goes: above the point, or below it near the top; anchored
/// so it stays inside the chart near either side.
pub fn label_place(f: &Frame, x: f64, y: f64) -> (f64, f64, &'static str) {
    let ly = if y - 12.0 < TOP { y + 20.0 } else { y - 12.0 };
    let anchor = if x < f.plot_left() + 36.0 {
        "start"
    } else if x > f.plot_right() - 36.0 {
        "end"
    } else {
        "middle"
    };
    (x, ly, anchor)
}

/// A diamond of half-size `r` around (x, y).
fn diamond(x: f64, y: f64, r: f64) -> String {
    format!(
        "M {} {} L {} {} L {} {} L {} {} Z",
        geom::f(x),
        geom::f(y - r),
        geom::f(x + r),
        geom::f(y),
        geom::f(x),
        geom::f(y + r),
        geom::f(x - r),
        geom::f(y)
    )
}

/// A polyline through `pts`.
fn polyline(pts: &[(f64, f64)]) -> Option<String> {
    if pts.len() < 2 {
        return None;
    }
    Some(
        pts.iter()
            .enumerate()
            .map(|(i, (x, y))| {
                format!(
                    "{} {} {}",
                    if i == 0 { "M" } else { "L" },
                    geom::f(*x),
                    geom::f(*y)
                )
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Moves focus between the points on Left/Right/Home/End.
fn on_point_key(e: &KeyboardEvent, i: usize, n: usize) {
    use web_sys::wasm_bindgen::JsCast;
    let last = n.saturating_sub(1);
    let to = match e.key().as_str() {
        "ArrowRight" => (i + 1).min(last),
        "ArrowLeft" => i.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        _ => return,
    };
    e.prevent_default();
    let next = e
        .target_dyn_into::<web_sys::Element>()
        .and_then(|el| el.parent_element())
        .and_then(|g| g.children().item(u32::try_from(to).unwrap_or(0)))
        .and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok());
    if let Some(el) = next {
        let _ = el.focus();
    }
}

fn view(
    ctx: &Ctx,
    ind: &Indicator,
    score: &IndicatorScore,
    active: &UseStateHandle<Option<usize>>,
) -> Html {
    let lang = ctx.lang;
    let unit = &ind.unit;
    let as_of = ctx.as_of();
    let now = as_of.end_as_year();
    let pts = points(ind, as_of);
    let name = ind.name.get(lang.tag()).to_string();
    let status = score.status;
    let target = score.current_target.as_ref();
    let due = target.and_then(|t| t.deadline).map(Period::end_as_year);

    // Axes: everything drawn must fit.
    let mut values: Vec<f64> = pts.iter().map(|p| p.value).collect();
    let mut times: Vec<f64> = pts.iter().map(|p| p.t).collect();
    times.push(now);
    if let Some(b) = score.baseline {
        values.push(b.value);
        times.push(b.period.end_as_year());
    }
    if let Some(t) = target {
        values.push(t.bound.value());
        if let Bound::Range { max, .. } = t.bound {
            values.push(max);
        }
    }
    times.extend(due);
    values.extend(score.expected_now);
    let y = YAxis::new(*unit == Unit::Percent, &values);
    let x = XAxis::new(&times);
    let (div, axis_unit) = axis_format(unit, &y, lang);
    let y_ticks: Vec<(f64, String)> = y
        .ticks()
        .into_iter()
        .map(|v| (v, tick_label(v, unit, div, lang)))
        .collect();
    let widest = y_ticks
        .iter()
        .map(|(_, s)| s.chars().count())
        .max()
        .unwrap_or(1);
    let left = (widest as f64 * 7.6 + 10.0).clamp(28.0, 110.0);
    let f = Frame { x, y, left };
    let bottom_y = H - BOTTOM;

    let grid = y_ticks.iter().map(|(v, label)| {
        let py = geom::f(f.py(*v));
        html! {
            <>
                <line class="grid" x1={geom::f(f.plot_left())} x2={geom::f(f.plot_right())}
                    y1={py.clone()} y2={py.clone()} />
                <text class="tick-label" x={geom::f(f.plot_left() - 5.0)} y={geom::f(f.py(*v) + 4.0)}
                    text-anchor="end">{ label.clone() }</text>
            </>
        }
    });
    let year_ticks = x.ticks().into_iter().map(|(t, year)| {
        let px = geom::f(f.px(t));
        html! {
            <>
                <line class="tick" x1={px.clone()} x2={px.clone()} y1={geom::f(bottom_y)}
                    y2={geom::f(bottom_y + 4.0)} />
                <text class="tick-label" x={px} y={geom::f(bottom_y + 16.0)}
                    text-anchor="middle">{ year }</text>
            </>
        }
    });

    // The path to the target: a straight dashed line from the baseline to the target
    // figure at its deadline.
    let path = match (score.baseline, target, due) {
        (Some(b), Some(t), Some(due)) if due > b.period.end_as_year() => polyline(&[
            (f.px(b.period.end_as_year()), f.py(b.value)),
            (f.px(due), f.py(t.bound.value())),
        ]),
        _ => None,
    };
    let band = match (target.map(|t| t.bound), due) {
        (Some(Bound::Range { min, max }), Some(due)) => {
            let (top, low) = (f.py(max), f.py(min));
            Some(html! {
                <rect class="target-band" x={geom::f(f.px(due) - 6.0)} width="12"
                    y={geom::f(top)} height={geom::f((low - top).max(1.0))} />
            })
        }
        _ => None,
    };
    // The marker's label is the figure only: the legend says what the diamond is, and
    // the target is written out in full under the chart.
    let target_label_text = target.map(|t| target_short(t, unit, lang));
    let target_mark = match (target, due) {
        (Some(t), Some(due)) => {
            let (tx, ty) = (f.px(due), f.py(t.bound.value()));
            let ly = if ty - 10.0 < TOP {
                ty + 18.0
            } else {
                ty - 10.0
            };
            Some(html! {
                <>
                    <path class="target-mark" d={diamond(tx, ty, 6.0)} />
                    <text class="target-label" x={geom::f(tx + 2.0)} y={geom::f(ly)}
                        text-anchor="end">{ target_label_text.clone().unwrap_or_default() }</text>
                </>
            })
        }
        // A standing target without a deadline: a level line across the chart.
        (Some(t), None) => {
            let ty = f.py(t.bound.value());
            Some(html! {
                <>
                    <line class="target-line" x1={geom::f(f.plot_left())} x2={geom::f(f.plot_right())}
                        y1={geom::f(ty)} y2={geom::f(ty)} />
                    <text class="target-label" x={geom::f(f.plot_right())} y={geom::f(ty - 5.0)}
                        text-anchor="end">{ target_label_text.clone().unwrap_or_default() }</text>
                </>
            })
        }
        _ => None,
    };

    let rule_x = f.px(now);
    let rule_anchor = if rule_x > f.plot_right() - 24.0 {
        "end"
    } else if rule_x < f.plot_left() + 24.0 {
        "start"
    } else {
        "middle"
    };
    let expected = score.expected_now.map(|e| {
        let (ex, ey) = (f.px(now), f.py(e));
        let d = format!(
            "M {} {} L {} {} M {} {} L {} {}",
            geom::f(ex - 5.0),
            geom::f(ey - 5.0),
            geom::f(ex + 5.0),
            geom::f(ey + 5.0),
            geom::f(ex - 5.0),
            geom::f(ey + 5.0),
            geom::f(ex + 5.0),
            geom::f(ey - 5.0)
        );
        html! { <path class="expected-mark" d={d} /> }
    });

    let xy: Vec<(f64, f64)> = pts.iter().map(|p| (f.px(p.t), f.py(p.value))).collect();
    let known: Vec<(f64, f64)> = pts
        .iter()
        .zip(&xy)
        .filter(|(p, _)| !p.future)
        .map(|(_, c)| *c)
        .collect();
    // Results after the evaluation date continue the line from the last one before it.
    let later: Vec<(f64, f64)> = known
        .last()
        .copied()
        .into_iter()
        .chain(
            pts.iter()
                .zip(&xy)
                .filter(|(p, _)| p.future)
                .map(|(_, c)| *c),
        )
        .collect();
    let series = polyline(&known);
    let series_later = polyline(&later);

    let n = pts.len();
    let latest_known = pts.iter().rposition(|p| !p.future);
    let tab_stop = active
        .map(|a| a.min(n.saturating_sub(1)))
        .or(latest_known)
        .unwrap_or(0);
    let point_marks = pts.iter().zip(&xy).enumerate().map(|(i, (p, &(px, py)))| {
        let (lx, ly, anchor) = label_place(&f, px, py);
        let select = ctx.on_select.clone().map(|cb| {
            let picked = crate::common::Selected {
                indicator: ind.id.clone(),
                period: Some(p.period),
            };
            move || cb.emit(picked.clone())
        });
        let onclick = select
            .clone()
            .map(|s| Callback::from(move |_: MouseEvent| s()));
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " ") {
                if let Some(s) = &select {
                    e.prevent_default();
                    s();
                }
            } else {
                on_point_key(&e, i, n);
            }
        });
        let onfocus = {
            let active = active.clone();
            Callback::from(move |_: FocusEvent| {
                if *active != Some(i) {
                    active.set(Some(i));
                }
            })
        };
        html! {
            <g class={classes!("pt", p.future.then_some("future"))}
                tabindex={if i == tab_stop { "0" } else { "-1" }}
                role="img" aria-label={point_label(lang, p, unit)}
                {onkeydown} {onfocus} {onclick}>
                <circle class="pt-hit" cx={geom::f(px)} cy={geom::f(py)} r="11" />
                <circle class="pt-ring" cx={geom::f(px)} cy={geom::f(py)} r="8" />
                <circle class="pt-dot" cx={geom::f(px)} cy={geom::f(py)} r="4" />
                <text class="pt-label" x={geom::f(lx)} y={geom::f(ly)} text-anchor={anchor}
                    aria-hidden="true">{ format_value(p.value, unit, lang) }</text>
            </g>
        }
    });

    let latest_text = score.latest.map(|l| format_value(l.value, unit, lang));
    let target_words = target.map(|t| target_line(t, unit, lang));
    let label = aria_sentence(
        lang,
        &name,
        score.latest.map(|l| l.period).zip(latest_text.clone()),
        target_words.as_deref(),
        status,
    );
    let stale = score
        .latest
        .filter(|l| ctx.is_stale(l.period))
        .map(|l| stale_note(lang, l.period));
    let any_future = pts.iter().any(|p| p.future);
    let as_of_text = format!(
        "{} {}",
        msg(lang, Msg::DataAsOf),
        i18n::period_label(lang, Period::Day(as_of))
    );
    let latest_line = match (&latest_text, score.latest) {
        (Some(v), Some(l)) => Some(format!(
            "{}: {v} ({})",
            msg(lang, Msg::Latest),
            i18n::period_label(lang, l.period)
        )),
        _ => None,
    };

    // The hidden table: every observation, the baseline when declared, every target.
    let dash = || AttrValue::from("—");
    let num = |v: Option<f64>| {
        v.filter(|x| x.is_finite())
            .map(|x| AttrValue::from(format_number(x, 2, lang)))
    };
    let mut obs: Vec<&chitieu_core::Observation> = ind.observations.iter().collect();
    sort_by_period(&mut obs, |o| o.period);
    let mut sr_rows: Vec<Vec<AttrValue>> = obs
        .iter()
        .map(|o| {
            let future = o.period.last_day() > as_of;
            let nd = match (num(o.numerator), num(o.denominator)) {
                (Some(a), Some(b)) => AttrValue::from(format!("{a}/{b}")),
                _ => dash(),
            };
            let note = [
                future.then(|| msg(lang, Msg::AfterAsOf).to_string()),
                o.note.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ");
            vec![
                AttrValue::from(i18n::period_label(lang, o.period)),
                o.value_in(unit)
                    .filter(|v| v.is_finite())
                    .map(|v| AttrValue::from(format_value(v, unit, lang)))
                    .unwrap_or_else(dash),
                nd,
                o.reported
                    .filter(|v| v.is_finite())
                    .map(|v| AttrValue::from(format_value(v, unit, lang)))
                    .unwrap_or_else(dash),
                if note.is_empty() {
                    dash()
                } else {
                    AttrValue::from(note)
                },
            ]
        })
        .collect();
    if let Some(b) = &ind.baseline {
        sr_rows.insert(
            0,
            vec![
                AttrValue::from(format!(
                    "{} ({})",
                    msg(lang, Msg::Baseline),
                    i18n::period_label(lang, b.period)
                )),
                AttrValue::from(format_value(b.value, unit, lang)),
                dash(),
                dash(),
                dash(),
            ],
        );
    }
    for t in &ind.targets {
        let when = t
            .deadline
            .map(|d| format!(" ({})", i18n::period_label(lang, d)))
            .unwrap_or_default();
        sr_rows.push(vec![
            AttrValue::from(format!("{}{when}", msg(lang, Msg::Target))),
            AttrValue::from(i18n::target_phrase(lang, t, unit)),
            dash(),
            dash(),
            t.text
                .clone()
                .map(|s| AttrValue::from(format!("“{s}”")))
                .unwrap_or_else(dash),
        ]);
    }
    if let Some(e) = score.expected_now {
        sr_rows.push(vec![
            AttrValue::from(format!(
                "{} ({})",
                msg(lang, Msg::ExpectedNow),
                i18n::period_label(lang, Period::Day(as_of))
            )),
            AttrValue::from(format_value(e, unit, lang)),
            dash(),
            dash(),
            dash(),
        ]);
    }
    let sr_headers: Vec<AttrValue> = [
        Msg::Period,
        Msg::Value,
        Msg::NumDen,
        Msg::Reported,
        Msg::Note,
    ]
    .iter()
    .map(|m| AttrValue::from(msg(lang, *m)))
    .collect();

    let has_path = path.is_some();
    let legend_item = |class: &'static str, key: Html, words: &str| {
        html! {
            <li class={class}>
                <svg class="key" viewBox="0 0 24 12" aria-hidden="true" focusable="false">{ key }</svg>
                { words.to_string() }
            </li>
        }
    };

    html! {
        <figure class={classes!(ctx.class_list("trend"))} lang={lang.tag()}>
            <figcaption class="title">{ name.clone() }</figcaption>
            <svg class="chart" viewBox={format!("0 0 {W} {H}")} role="group" aria-label={label}>
                <g aria-hidden="true">
                if let Some(u) = axis_unit {
                    <text class="axis-unit" x={geom::f(f.plot_left() - 5.0)} y="12" text-anchor="end">{ u }</text>
                }
                { for grid }
                <line class="axis" x1={geom::f(f.plot_left())} x2={geom::f(f.plot_right())}
                    y1={geom::f(bottom_y)} y2={geom::f(bottom_y)} />
                { for year_ticks }
                <line class="asof-rule" x1={geom::f(rule_x)} x2={geom::f(rule_x)}
                    y1={geom::f(TOP - 4.0)} y2={geom::f(bottom_y)} />
                <text class="asof-label" x={geom::f(rule_x)} y={geom::f(TOP - 8.0)}
                    text-anchor={rule_anchor}>{ msg(lang, Msg::AsOfRule) }</text>
                { for band }
                if let Some(d) = path {
                    <path class="target-path" d={d} />
                }
                { for target_mark }
                { for expected }
                if let Some(d) = series {
                    <path class="series" d={d} />
                }
                if let Some(d) = series_later {
                    <path class="series later" d={d} />
                }
                </g>
                <g class="points">{ for point_marks }</g>
            </svg>

            <ul class="legend" aria-label={msg(lang, Msg::Legend)}>
                if n > 0 {
                    { legend_item("key-actual", html! {
                        <><line class="series" x1="1" y1="6" x2="23" y2="6" /><circle class="pt-dot" cx="12" cy="6" r="3.5" /></>
                    }, msg(lang, Msg::Actual)) }
                }
                if any_future {
                    { legend_item("key-later", html! {
                        <circle class="pt-dot later" cx="12" cy="6" r="3.5" />
                    }, msg(lang, Msg::AfterAsOfKey)) }
                }
                if target.is_some() && due.is_some() {
                    { legend_item("key-target", html! {
                        <path class="target-mark" d={diamond(12.0, 6.0, 5.0)} />
                    }, msg(lang, Msg::Target)) }
                }
                if has_path {
                    { legend_item("key-path", html! {
                        <line class="target-path" x1="1" y1="6" x2="23" y2="6" />
                    }, msg(lang, Msg::PathToTarget)) }
                }
                if score.expected_now.is_some() {
                    { legend_item("key-expected", html! {
                        <path class="expected-mark" d="M 8 2 L 16 10 M 8 10 L 16 2" />
                    }, msg(lang, Msg::ExpectedNow)) }
                }
            </ul>
            if let Some(l) = latest_line {
                <p class="latest-text">{ l }</p>
            } else {
                <p class="latest-text no-data">{ msg(lang, Msg::NoData) }</p>
            }
            if let Some(t) = target_words {
                <p class="target-text">{ t }</p>
            }
            <p class="status-line"><StatusChip status={status} lang={lang} /></p>
            <p class="meta">{ as_of_text }</p>
            if let Some(s) = stale {
                <p class="stale"><span class="icon" aria-hidden="true">{ "⚠" }</span>{ " " }{ s }</p>
            }
            <SrTable caption={name} headers={sr_headers} rows={sr_rows} />
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_axis_runs_to_100_in_round_steps() {
        let y = YAxis::new(true, &[81.77, 100.0]);
        assert_eq!((y.min, y.max, y.step), (0.0, 100.0, 20.0));
        assert_eq!(y.ticks(), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        // A small percentage still sits on the 0–100 axis.
        assert_eq!(YAxis::new(true, &[4.0, 10.0]).max, 100.0);
        // A value above 100% widens it.
        assert_eq!(YAxis::new(true, &[120.0]).max, 200.0);
    }

    #[test]
    fn other_units_run_to_a_nice_ceiling() {
        let y = YAxis::new(false, &[3.0, 7.0]);
        assert_eq!((y.min, y.max, y.step), (0.0, 10.0, 2.0));
        let y = YAxis::new(false, &[21.0]);
        assert_eq!((y.max, y.step), (25.0, 5.0));
        assert_eq!(y.ticks().len(), 6);
        let y = YAxis::new(false, &[1_428_322.0]);
        assert_eq!((y.max, y.step), (2_000_000.0, 500_000.0));
        // Negative values extend the axis below zero; the ends are whole steps.
        let y = YAxis::new(false, &[-3.0, 8.0]);
        assert_eq!((y.min, y.max, y.step), (-5.0, 10.0, 5.0));
    }

    #[test]
    fn degenerate_values_give_a_usable_axis() {
        for vals in [vec![], vec![0.0], vec![f64::NAN, f64::INFINITY]] {
            let y = YAxis::new(false, &vals);
            assert!(y.max > y.min && y.step > 0.0, "{vals:?} → {y:?}");
            assert!(!y.ticks().is_empty());
        }
        let x = XAxis::new(&[]);
        assert!(x.to > x.from);
        let x = XAxis::new(&[f64::NAN]);
        assert!(x.to > x.from);
    }

    #[test]
    fn year_ticks_sit_at_the_end_of_each_year() {
        // Results for 2021–2023 (known at 2022.0–2024.0), a deadline 2025 (2026.0).
        let x = XAxis::new(&[2022.0, 2023.0, 2024.0, 2024.04, 2026.0]);
        assert_eq!((x.from, x.to), (2022.0, 2026.0));
        let years: Vec<i32> = x.ticks().iter().map(|(_, y)| *y).collect();
        assert_eq!(years, vec![2021, 2022, 2023, 2024, 2025]);
        // A long span thins the ticks.
        let x = XAxis::new(&[2000.0, 2030.0]);
        let ticks = x.ticks();
        assert!(ticks.len() <= 9, "{ticks:?}");
        assert!(ticks.iter().all(|(t, _)| *t >= 2000.0 && *t <= 2030.0));
    }

    #[test]
    fn points_are_placed_in_the_plot() {
        let f = Frame {
            x: XAxis {
                from: 2022.0,
                to: 2026.0,
            },
            y: YAxis::new(true, &[]),
            left: 40.0,
        };
        assert_eq!(f.px(2022.0), 40.0 + PAD);
        assert_eq!(f.px(2026.0), W - RIGHT - PAD);
        assert_eq!(f.px(2024.0), (40.0 + PAD + W - RIGHT - PAD) / 2.0);
        assert_eq!(f.py(0.0), H - BOTTOM);
        assert_eq!(f.py(100.0), TOP);
        assert_eq!(f.py(50.0), (H - BOTTOM + TOP) / 2.0);
        // Out of range values are held at the edge, never drawn outside.
        assert_eq!(f.py(150.0), TOP);
        assert_eq!(f.py(f64::NAN), H - BOTTOM);
        // The label of a point at the top goes below it; near the right edge it ends there.
        let (_, ly, anchor) = label_place(&f, f.px(2026.0), f.py(100.0));
        assert!(ly > f.py(100.0));
        assert_eq!(anchor, "end");
    }

    fn indicator() -> Indicator {
        serde_json::from_str(
            r#"{"id":"x","name":{"vi":"Tỷ lệ hồ sơ","en":"Share of files"},"unit":"percent",
                "targets":[{"op":"gte","value":100,"deadline":"2025"}],
                "observations":[
                  {"period":"2023","numerator":1014,"denominator":1240},
                  {"period":"2021","value":60},
                  {"period":"2022","value":0,"denominator":0},
                  {"period":"2024-Q2","value":90}
                ]}"#,
        )
        .expect("valid indicator")
    }

    #[test]
    fn points_are_sorted_and_marked_after_the_as_of_date() {
        let as_of = Date {
            year: 2024,
            month: 1,
            day: 15,
        };
        let pts = points(&indicator(), as_of);
        let periods: Vec<String> = pts.iter().map(|p| p.period.to_string()).collect();
        assert_eq!(periods, vec!["2021", "2022", "2023", "2024-Q2"]);
        assert_eq!(
            pts.iter().map(|p| p.future).collect::<Vec<_>>(),
            vec![false, false, false, true]
        );
        assert_eq!(pts[0].t, 2022.0);
        assert_eq!(
            point_label(Lang::Vi, &pts[2], &Unit::Percent),
            "2023: 81,77%"
        );
        assert_eq!(
            point_label(Lang::En, &pts[3], &Unit::Percent),
            "Q2 2024: 90% (after the as-of date, not scored)"
        );
    }

    #[test]
    fn the_aria_sentence_tells_the_whole_story() {
        let ind = indicator();
        let t = &ind.targets[0];
        let line = target_line(t, &ind.unit, Lang::Vi);
        assert_eq!(line, "Mục tiêu: tối thiểu 100% · 2025");
        let s = aria_sentence(
            Lang::Vi,
            "Tỷ lệ hồ sơ",
            Some((Period::Year(2023), "81,77%".into())),
            Some(&line),
            Status::NeedsAcceleration,
        );
        assert_eq!(
            s,
            "Tỷ lệ hồ sơ: mới nhất 81,77% (2023). Mục tiêu: tối thiểu 100% · 2025. Tình trạng: Cần tăng tốc."
        );
        let none = aria_sentence(Lang::En, "Share of files", None, None, Status::NoData);
        assert_eq!(none, "Share of files: no data yet. Status: No data.");
    }

    #[test]
    fn money_axes_say_their_scale_once() {
        let y = YAxis::new(false, &[1.2e9, 2.5e9]);
        let (div, unit) = axis_format(&Unit::Vnd, &y, Lang::Vi);
        assert_eq!((div, unit.as_deref()), (1e9, Some("tỷ đồng")));
        assert_eq!(tick_label(2.5e9, &Unit::Vnd, div, Lang::Vi), "2,5");
        assert_eq!(tick_label(40.0, &Unit::Percent, 1.0, Lang::En), "40%");
        let (_, unit) = axis_format(&Unit::Other("per_week".into()), &y, Lang::En);
        assert_eq!(unit.as_deref(), Some("per week"));
    }

    #[test]
    fn range_targets_read_as_a_span() {
        let t: Target =
            serde_json::from_str(r#"{"op":"range","min":15,"max":20,"deadline":"2025"}"#)
                .expect("valid");
        assert_eq!(target_short(&t, &Unit::Percent, Lang::Vi), "15–20%");
    }
}
