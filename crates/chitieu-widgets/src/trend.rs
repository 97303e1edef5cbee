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
//!
//! The widget is a pure [`view`] of its props and a [`TrendState`] (the point holding the
//! tab stop), and [`act`], the state machine its host drives: each point carries
//! `data-point="i"`, and the host sends `("focus", "i")` when a point gains focus and
//! `("key", "i Key")` on a key press (see [`Outcome`]). When readers can pick a result
//! ([`Ctx::selectable`]) the points also carry `data-select`, `data-indicator` and
//! `data-period`, and the host fires `chitieu:select` itself.

use chitieu_core::number::{format_number, format_value};
use chitieu_core::score::{IndicatorScore, Status};
use chitieu_core::{Bound, Date, Indicator, Lang, Period, Target, Unit};

use crate::common::{sr_table, stale_line, stale_note, status_chip, Ctx};
use crate::geom;
use crate::i18n::{self, msg, Msg};
use crate::markup::{el, El, Node, Outcome};

#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "yew", derive(yew::Properties))]
pub struct TrendProps {
    pub ctx: Ctx,
    pub indicator: String,
}

/// The trend's UI state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrendState {
    /// The point that holds the chart's one tab stop (a roving `tabindex`); `None` until
    /// a point is visited, when the latest result known at the evaluation date holds it.
    pub active: Option<usize>,
}

/// The trend's markup in its initial state, as static rendering shows it.
pub fn render(p: &TrendProps) -> Node {
    view(p, &TrendState::default())
}

/// The trend's markup: the chart, or the box saying the indicator is not in the data.
pub fn view(p: &TrendProps, st: &TrendState) -> Node {
    let ctx = &p.ctx;
    let ind = match ctx.indicator(&p.indicator) {
        Ok(ind) => ind,
        Err(error) => return error,
    };
    let score = ctx.score(ind);
    chart_view(ctx, ind, &score, st.active)
}

/// Handles an event from the trend's markup (see [`Outcome`]):
///
/// - `("focus", "i")`: point `i` gained focus and now holds the tab stop;
/// - `("key", "i Key")`: a key (`KeyboardEvent.key`) was pressed on point `i`;
///   ArrowLeft/ArrowRight move to the previous/next point (staying put at either end),
///   Home/End to the first/last, and the host focuses the point named in
///   [`Outcome::focus`]. Other keys are not handled (Enter and Space on a selectable
///   point are the host's, through `data-select`).
///
/// Anything else, or a value that does not parse, does nothing.
pub fn act(p: &TrendProps, st: &mut TrendState, name: &str, value: &str) -> Outcome {
    let ctx = &p.ctx;
    let n = match ctx.indicator(&p.indicator) {
        Ok(ind) => points(ind, ctx.as_of()).len(),
        Err(_) => return Outcome::default(),
    };
    let Some(last) = n.checked_sub(1) else {
        return Outcome::default();
    };
    match name {
        "focus" => match value.trim().parse::<usize>() {
            Ok(i) if i <= last => {
                let changed = st.active != Some(i);
                st.active = Some(i);
                Outcome {
                    changed,
                    ..Outcome::default()
                }
            }
            _ => Outcome::default(),
        },
        "key" => {
            let Some((i, key)) = value.split_once(' ') else {
                return Outcome::default();
            };
            let Ok(i) = i.parse::<usize>() else {
                return Outcome::default();
            };
            let i = i.min(last);
            let to = match key {
                "ArrowRight" => (i + 1).min(last),
                "ArrowLeft" => i.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                _ => return Outcome::default(),
            };
            let changed = st.active != Some(to);
            st.active = Some(to);
            Outcome {
                changed,
                focus: Some(format!("[data-point=\"{to}\"]")),
                scroll: false,
                handled: true,
            }
        }
        _ => Outcome::default(),
    }
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
        let n = chitieu_core::number::round((self.max - self.min) / self.step);
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
            i18n::lower(msg(lang, Msg::Latest)),
            i18n::period_label(lang, p)
        ),
        None => format!("{name}: {}", i18n::lower(msg(lang, Msg::NoData))),
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

/// The chart and everything around it; `active` is [`TrendState::active`].
fn chart_view(ctx: &Ctx, ind: &Indicator, score: &IndicatorScore, active: Option<usize>) -> Node {
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

    let grid = y_ticks.iter().flat_map(|(v, label)| {
        let py = geom::f(f.py(*v));
        [
            el("line")
                .attr("x1", geom::f(f.plot_left()))
                .attr("x2", geom::f(f.plot_right()))
                .attr("y1", py.clone())
                .attr("y2", py)
                .class("grid"),
            el("text")
                .attr("x", geom::f(f.plot_left() - 5.0))
                .attr("y", geom::f(f.py(*v) + 4.0))
                .attr("text-anchor", "end")
                .class("tick-label")
                .text(label.clone()),
        ]
    });
    let year_ticks = x.ticks().into_iter().flat_map(|(t, year)| {
        let px = geom::f(f.px(t));
        [
            el("line")
                .attr("x1", px.clone())
                .attr("x2", px.clone())
                .attr("y1", geom::f(bottom_y))
                .attr("y2", geom::f(bottom_y + 4.0))
                .class("tick"),
            el("text")
                .attr("x", px)
                .attr("y", geom::f(bottom_y + 16.0))
                .attr("text-anchor", "middle")
                .class("tick-label")
                .text(year.to_string()),
        ]
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
            Some(
                el("rect")
                    .attr("x", geom::f(f.px(due) - 6.0))
                    .attr("width", "12")
                    .attr("y", geom::f(top))
                    .attr("height", geom::f((low - top).max(1.0)))
                    .class("target-band"),
            )
        }
        _ => None,
    };
    // The marker's label is the figure only: the legend says what the diamond is, and
    // the target is written out in full under the chart.
    let target_label_text = target.map(|t| target_short(t, unit, lang));
    let target_mark: Option<[El; 2]> = match (target, due) {
        (Some(t), Some(due)) => {
            let (tx, ty) = (f.px(due), f.py(t.bound.value()));
            let ly = if ty - 10.0 < TOP {
                ty + 18.0
            } else {
                ty - 10.0
            };
            Some([
                el("path")
                    .attr("d", diamond(tx, ty, 6.0))
                    .class("target-mark"),
                el("text")
                    .attr("x", geom::f(tx + 2.0))
                    .attr("y", geom::f(ly))
                    .attr("text-anchor", "end")
                    .class("target-label")
                    .text(target_label_text.clone().unwrap_or_default()),
            ])
        }
        // A standing target without a deadline: a level line across the chart.
        (Some(t), None) => {
            let ty = f.py(t.bound.value());
            Some([
                el("line")
                    .attr("x1", geom::f(f.plot_left()))
                    .attr("x2", geom::f(f.plot_right()))
                    .attr("y1", geom::f(ty))
                    .attr("y2", geom::f(ty))
                    .class("target-line"),
                el("text")
                    .attr("x", geom::f(f.plot_right()))
                    .attr("y", geom::f(ty - 5.0))
                    .attr("text-anchor", "end")
                    .class("target-label")
                    .text(target_label_text.clone().unwrap_or_default()),
            ])
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
        el("path").attr("d", d).class("expected-mark")
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
        let (cx, cy) = (geom::f(px), geom::f(py));
        let circle = |r: &'static str, class: &'static str| {
            el("circle")
                .attr("cx", cx.clone())
                .attr("cy", cy.clone())
                .attr("r", r)
                .class(class)
        };
        let mut g = el("g")
            .attr("tabindex", if i == tab_stop { "0" } else { "-1" })
            .attr("role", "img")
            .attr("aria-label", point_label(lang, p, unit))
            .attr("data-point", i.to_string());
        if ctx.selectable {
            g = g
                .attr("data-select", "")
                .attr("data-indicator", ind.id.clone())
                .attr("data-period", p.period.to_string());
        }
        g.class(if p.future { "pt future" } else { "pt" })
            .child(circle("11", "pt-hit"))
            .child(circle("8", "pt-ring"))
            .child(circle("4", "pt-dot"))
            .child(
                el("text")
                    .attr("x", geom::f(lx))
                    .attr("y", geom::f(ly))
                    .attr("text-anchor", anchor)
                    .attr("aria-hidden", "true")
                    .class("pt-label")
                    .text(format_value(p.value, unit, lang)),
            )
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
    let dash = || "—".to_string();
    let num = |v: Option<f64>| {
        v.filter(|x| x.is_finite())
            .map(|x| format_number(x, 2, lang))
    };
    let mut obs: Vec<&chitieu_core::Observation> = ind.observations.iter().collect();
    sort_by_period(&mut obs, |o| o.period);
    let mut sr_rows: Vec<Vec<String>> = obs
        .iter()
        .map(|o| {
            let future = o.period.last_day() > as_of;
            let nd = match (num(o.numerator), num(o.denominator)) {
                (Some(a), Some(b)) => format!("{a}/{b}"),
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
                i18n::period_label(lang, o.period),
                o.value_in(unit)
                    .filter(|v| v.is_finite())
                    .map(|v| format_value(v, unit, lang))
                    .unwrap_or_else(dash),
                nd,
                o.reported
                    .filter(|v| v.is_finite())
                    .map(|v| format_value(v, unit, lang))
                    .unwrap_or_else(dash),
                if note.is_empty() { dash() } else { note },
            ]
        })
        .collect();
    if let Some(b) = &ind.baseline {
        sr_rows.insert(
            0,
            vec![
                format!(
                    "{} ({})",
                    msg(lang, Msg::Baseline),
                    i18n::period_label(lang, b.period)
                ),
                format_value(b.value, unit, lang),
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
            format!("{}{when}", msg(lang, Msg::Target)),
            i18n::target_phrase(lang, t, unit),
            dash(),
            dash(),
            t.text
                .clone()
                .map(|s| format!("“{s}”"))
                .unwrap_or_else(dash),
        ]);
    }
    if let Some(e) = score.expected_now {
        sr_rows.push(vec![
            format!(
                "{} ({})",
                msg(lang, Msg::ExpectedNow),
                i18n::period_label(lang, Period::Day(as_of))
            ),
            format_value(e, unit, lang),
            dash(),
            dash(),
            dash(),
        ]);
    }
    let sr_headers = [
        Msg::Period,
        Msg::Value,
        Msg::NumDen,
        Msg::Reported,
        Msg::Note,
    ]
    .iter()
    .map(|m| msg(lang, *m))
    .collect::<Vec<_>>();

    let has_path = path.is_some();
    let legend_item = |class: &'static str, key: Node, words: &str| {
        el("li")
            .class(class)
            .child(
                el("svg")
                    .attr("viewBox", "0 0 24 12")
                    .attr("aria-hidden", "true")
                    .attr("focusable", "false")
                    .class("key")
                    .child(key),
            )
            .text(words)
    };
    let legend = [
        (n > 0).then(|| {
            legend_item(
                "key-actual",
                vec![
                    el("line")
                        .attr("x1", "1")
                        .attr("y1", "6")
                        .attr("x2", "23")
                        .attr("y2", "6")
                        .class("series")
                        .into(),
                    el("circle")
                        .attr("cx", "12")
                        .attr("cy", "6")
                        .attr("r", "3.5")
                        .class("pt-dot")
                        .into(),
                ]
                .into(),
                msg(lang, Msg::Actual),
            )
        }),
        any_future.then(|| {
            legend_item(
                "key-later",
                el("circle")
                    .attr("cx", "12")
                    .attr("cy", "6")
                    .attr("r", "3.5")
                    .class("pt-dot later")
                    .into(),
                msg(lang, Msg::AfterAsOfKey),
            )
        }),
        (target.is_some() && due.is_some()).then(|| {
            legend_item(
                "key-target",
                el("path")
                    .attr("d", diamond(12.0, 6.0, 5.0))
                    .class("target-mark")
                    .into(),
                msg(lang, Msg::Target),
            )
        }),
        has_path.then(|| {
            legend_item(
                "key-path",
                el("line")
                    .attr("x1", "1")
                    .attr("y1", "6")
                    .attr("x2", "23")
                    .attr("y2", "6")
                    .class("target-path")
                    .into(),
                msg(lang, Msg::PathToTarget),
            )
        }),
        score.expected_now.is_some().then(|| {
            legend_item(
                "key-expected",
                el("path")
                    .attr("d", "M 8 2 L 16 10 M 8 10 L 16 2")
                    .class("expected-mark")
                    .into(),
                msg(lang, Msg::ExpectedNow),
            )
        }),
    ];

    let drawing = el("g")
        .attr("aria-hidden", "true")
        .child_opt(axis_unit.map(|u| {
            el("text")
                .attr("x", geom::f(f.plot_left() - 5.0))
                .attr("y", "12")
                .attr("text-anchor", "end")
                .class("axis-unit")
                .text(u)
        }))
        .children(grid)
        .child(
            el("line")
                .attr("x1", geom::f(f.plot_left()))
                .attr("x2", geom::f(f.plot_right()))
                .attr("y1", geom::f(bottom_y))
                .attr("y2", geom::f(bottom_y))
                .class("axis"),
        )
        .children(year_ticks)
        .child(
            el("line")
                .attr("x1", geom::f(rule_x))
                .attr("x2", geom::f(rule_x))
                .attr("y1", geom::f(TOP - 4.0))
                .attr("y2", geom::f(bottom_y))
                .class("asof-rule"),
        )
        .child(
            el("text")
                .attr("x", geom::f(rule_x))
                .attr("y", geom::f(TOP - 8.0))
                .attr("text-anchor", rule_anchor)
                .class("asof-label")
                .text(msg(lang, Msg::AsOfRule)),
        )
        .child_opt(band)
        .child_opt(path.map(|d| el("path").attr("d", d).class("target-path")))
        .children(target_mark.into_iter().flatten())
        .child_opt(expected)
        .child_opt(series.map(|d| el("path").attr("d", d).class("series")))
        .child_opt(series_later.map(|d| el("path").attr("d", d).class("series later")));
    let latest = match latest_line {
        Some(l) => el("p").class("latest-text").text(l),
        None => el("p")
            .class("latest-text no-data")
            .text(msg(lang, Msg::NoData)),
    };

    el("figure")
        .attr("lang", lang.tag())
        .class(ctx.class_list("trend"))
        .child(el("figcaption").class("title").text(name.clone()))
        .child(
            el("svg")
                .attr("viewBox", format!("0 0 {} {}", geom::f(W), geom::f(H)))
                .attr("role", "group")
                .attr("aria-label", label)
                .class("chart")
                .child(drawing)
                .child(el("g").class("points").children(point_marks)),
        )
        .child(
            el("ul")
                .attr("aria-label", msg(lang, Msg::Legend))
                .class("legend")
                .children(legend.into_iter().flatten()),
        )
        .child(latest)
        .child_opt(target_words.map(|t| el("p").class("target-text").text(t)))
        .child(
            el("p")
                .class("status-line")
                .child(status_chip(status, lang)),
        )
        .child(el("p").class("meta").text(as_of_text))
        .child_opt(stale.map(stale_line))
        .child(sr_table(name, &sr_headers, &sr_rows))
        .into()
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

    fn props(selectable: bool) -> TrendProps {
        let mut ctx = Ctx::new(crate::Data::from(chitieu_core::Dataset {
            quarantined: Vec::new(),
            tasks: Vec::new(),
            quarantined_tasks: Vec::new(),
            schema: chitieu_core::SCHEMA.into(),
            plan: Default::default(),
            as_of: Some(Date {
                year: 2024,
                month: 1,
                day: 15,
            }),
            pillars: vec![],
            indicators: vec![indicator()],
        }));
        ctx.selectable = selectable;
        TrendProps {
            ctx,
            indicator: "x".into(),
        }
    }

    /// Every point's `<g>`, in order.
    fn point_els(n: &Node) -> Vec<&El> {
        let mut out = Vec::new();
        fn walk<'a>(n: &'a Node, out: &mut Vec<&'a El>) {
            match n {
                Node::El(e) => {
                    if e.get("data-point").is_some() {
                        out.push(e);
                    }
                    e.children.iter().for_each(|c| walk(c, out));
                }
                Node::List(v) => v.iter().for_each(|c| walk(c, out)),
                Node::Text(_) => {}
            }
        }
        walk(n, &mut out);
        out
    }

    /// The index of the point holding the tab stop, checking there is exactly one.
    fn tab_stop(p: &TrendProps, st: &TrendState) -> usize {
        let node = view(p, st);
        let els = point_els(&node);
        assert_eq!(els.len(), 4);
        let stops: Vec<usize> = els
            .iter()
            .enumerate()
            .filter(|(_, e)| e.get("tabindex") == Some("0"))
            .map(|(i, e)| {
                assert_eq!(e.get("data-point"), Some(i.to_string().as_str()));
                i
            })
            .collect();
        assert_eq!(stops.len(), 1, "{}", node.to_html());
        stops[0]
    }

    fn moved(to: usize, changed: bool) -> Outcome {
        Outcome {
            changed,
            focus: Some(format!("[data-point=\"{to}\"]")),
            scroll: false,
            handled: true,
        }
    }

    #[test]
    fn arrow_keys_move_between_points_and_stop_at_the_ends() {
        let p = props(false);
        let mut st = TrendState::default();
        // The latest result known at the evaluation date holds the tab stop at first
        // (2023; the 2024-Q2 point comes after it).
        assert_eq!(tab_stop(&p, &st), 2);
        assert_eq!(act(&p, &mut st, "key", "2 ArrowRight"), moved(3, true));
        assert_eq!(st.active, Some(3));
        assert_eq!(tab_stop(&p, &st), 3);
        // At the last point, Right stays there: handled, focus kept, nothing changed.
        assert_eq!(act(&p, &mut st, "key", "3 ArrowRight"), moved(3, false));
        assert_eq!(act(&p, &mut st, "key", "3 ArrowLeft"), moved(2, true));
        assert_eq!(act(&p, &mut st, "key", "1 ArrowLeft"), moved(0, true));
        assert_eq!(act(&p, &mut st, "key", "0 ArrowLeft"), moved(0, false));
        assert_eq!(st.active, Some(0));
        assert_eq!(tab_stop(&p, &st), 0);
        // An index past the points is taken as the last one, never a panic.
        assert_eq!(act(&p, &mut st, "key", "99 ArrowLeft"), moved(2, true));
        assert_eq!(act(&p, &mut st, "key", "99 ArrowRight"), moved(3, true));
    }

    #[test]
    fn home_and_end_go_to_the_first_and_last_points() {
        let p = props(false);
        let mut st = TrendState::default();
        assert_eq!(act(&p, &mut st, "key", "2 Home"), moved(0, true));
        assert_eq!(tab_stop(&p, &st), 0);
        assert_eq!(act(&p, &mut st, "key", "0 Home"), moved(0, false));
        assert_eq!(act(&p, &mut st, "key", "0 End"), moved(3, true));
        assert_eq!(tab_stop(&p, &st), 3);
    }

    #[test]
    fn focusing_a_point_moves_the_tab_stop() {
        let p = props(false);
        let mut st = TrendState::default();
        let html = view(&p, &st).to_html();
        assert_eq!(html.matches("tabindex=\"0\"").count(), 1);
        assert!(html.contains("tabindex=\"0\" role=\"img\" aria-label=\"2023: 81,77%\" data-point=\"2\" class=\"pt\""), "{html}");
        let focused = Outcome {
            changed: true,
            ..Outcome::default()
        };
        assert_eq!(act(&p, &mut st, "focus", "1"), focused);
        assert_eq!(st.active, Some(1));
        let html = view(&p, &st).to_html();
        assert_eq!(html.matches("tabindex=\"0\"").count(), 1);
        assert!(
            html.contains("tabindex=\"0\" role=\"img\" aria-label=\"2022: 0%\" data-point=\"1\""),
            "{html}"
        );
        assert!(
            html.contains(
                "tabindex=\"-1\" role=\"img\" aria-label=\"2023: 81,77%\" data-point=\"2\""
            ),
            "{html}"
        );
        // Focusing the point that already holds it changes nothing.
        assert_eq!(act(&p, &mut st, "focus", "1"), Outcome::default());
        // A point that does not exist is ignored; a stale state is clamped when shown.
        assert_eq!(act(&p, &mut st, "focus", "4"), Outcome::default());
        assert_eq!(st.active, Some(1));
        assert_eq!(tab_stop(&p, &TrendState { active: Some(40) }), 3);
    }

    #[test]
    fn other_keys_and_events_do_nothing() {
        let p = props(true);
        let mut st = TrendState { active: Some(1) };
        for (name, value) in [
            ("key", "1 Enter"),
            ("key", "1  "),
            ("key", "1 a"),
            ("key", "1 ArrowUp"),
            ("key", "ArrowRight"),
            ("key", "x ArrowRight"),
            ("key", "-1 ArrowRight"),
            ("key", ""),
            ("focus", "x"),
            ("focus", ""),
            ("focus", "-1"),
            ("click", "1"),
            ("", ""),
        ] {
            assert_eq!(
                act(&p, &mut st, name, value),
                Outcome::default(),
                "{name} {value:?}"
            );
            assert_eq!(st.active, Some(1), "{name} {value:?}");
        }
        // A missing indicator or one without points: nothing to move between.
        let missing = TrendProps {
            indicator: "nope".into(),
            ..p.clone()
        };
        assert_eq!(act(&missing, &mut st, "key", "0 End"), Outcome::default());
        assert!(view(&missing, &st).to_html().contains("role=\"alert\""));
        let mut empty = indicator();
        empty.observations.clear();
        let mut ds = (*p.ctx.data.0).clone();
        ds.indicators = vec![empty];
        let empty = TrendProps {
            ctx: Ctx {
                data: crate::Data::from(ds),
                ..p.ctx.clone()
            },
            ..p
        };
        assert_eq!(act(&empty, &mut st, "key", "0 End"), Outcome::default());
        assert_eq!(act(&empty, &mut st, "focus", "0"), Outcome::default());
        assert_eq!(st.active, Some(1));
    }

    #[test]
    fn selectable_points_carry_what_the_host_reports() {
        let html = render(&props(true)).to_html();
        assert!(
            html.contains("data-point=\"0\" data-select=\"\" data-indicator=\"x\" data-period=\"2021\" class=\"pt\""),
            "{html}"
        );
        assert!(
            html.contains("data-point=\"3\" data-select=\"\" data-indicator=\"x\" data-period=\"2024-Q2\" class=\"pt future\""),
            "{html}"
        );
        assert_eq!(html.matches("data-select").count(), 4);
        let html = render(&props(false)).to_html();
        assert!(!html.contains("data-select"), "{html}");
        assert!(!html.contains("data-indicator"), "{html}");
        assert!(!html.contains("data-period"), "{html}");
        assert_eq!(html.matches("data-point=").count(), 4);
    }
}
