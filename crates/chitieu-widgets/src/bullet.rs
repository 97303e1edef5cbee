//! The bullet chart (Stephen Few): one horizontal bar for the latest value over grey
//! qualitative bands, with the target as a perpendicular line (an outlined band for a
//! range target) and the expected-by-now value as a dashed tick.
//!
//! # Bands
//!
//! The bands are shares of the target figure, by attainment (`value/target`, or
//! `target/value` when lower is better): below 60%, 60–90%, 90–100%, and beyond the target.
//! 60% is the scorer's own "needs acceleration" threshold ([`ScoreConfig`]'s default); 90%
//! marks "close". They are drawn in grey, darkest for the worst, so they read without colour
//! and never compete with the status colour of the bar. A lower-is-better target runs the
//! scale backwards (like the gauge), so a longer bar is always better; a two-sided target
//! (`eq`/`approx` without a direction) has the good band around the target and worse bands
//! on both sides. Without a positive target figure there are no bands, only the track.
//!
//! The `compact` variant — the SVG and the value, for table cells and phones — is what
//! the target table embeds (through [`chart`]).
//!
//! [`ScoreConfig`]: chitieu_core::score::ScoreConfig

use chitieu_core::number::{format_number, format_value};
use chitieu_core::score::{Direction, IndicatorScore};
use chitieu_core::{Bound, Indicator};

use crate::common::{source_tip, sr_table, stale_line, status_chip, Ctx, Facts};
use crate::geom;
use crate::i18n::{self, msg, Msg};
use crate::markup::{el, El, Node};

/// Attainment shares where the qualitative bands change (see the module docs).
pub const BAND_LIMITS: [f64; 2] = [0.6, 0.9];

#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "yew", derive(yew::Properties))]
pub struct BulletProps {
    pub ctx: Ctx,
    pub indicator: String,
    /// Only the chart and the value: for table cells and narrow places.
    #[cfg_attr(feature = "yew", prop_or_default)]
    pub compact: bool,
}

/// The bullet's markup: the chart (full or compact), or the box saying the indicator is
/// not in the data.
pub fn render(p: &BulletProps) -> Node {
    let ctx = &p.ctx;
    let ind = match ctx.indicator(&p.indicator) {
        Ok(ind) => ind,
        Err(error) => return error,
    };
    let score = ctx.score(ind);
    if p.compact {
        compact_view(ctx, ind, &score)
    } else {
        full_view(ctx, ind, &score)
    }
}

/// Maps values onto the bar: fraction 0 at the left, 1 at the right. Lower-is-better
/// targets run backwards, so a longer bar is always better.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub max: f64,
    pub reversed: bool,
}

impl Scale {
    pub fn new(score: &IndicatorScore) -> Scale {
        let target = score.current_target.as_ref();
        let reversed = score.direction == Some(Direction::Decreasing);
        let figure = target.map(|t| t.bound.value());
        // The top of the scale leaves room for the worst band of a lower-is-better target
        // (down to 50% attainment) and for the far side of a two-sided one.
        let reach = figure
            .filter(|v| *v > 0.0)
            .and_then(|v| match score.direction {
                Some(Direction::Decreasing) => Some(v / 0.5),
                Some(Direction::TwoSided) => Some(v / BAND_LIMITS[0]),
                _ => None,
            });
        let range_max = target.and_then(|t| match t.bound {
            Bound::Range { max, .. } => Some(max),
            _ => None,
        });
        let top = [
            figure,
            range_max,
            reach,
            score.latest.map(|l| l.value),
            score.expected_now,
        ]
        .into_iter()
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
        // A "round" top just above what there is to show, as Few recommends, so a 10%
        // target is not squeezed into the first tenth of a 0–100% scale.
        let max = geom::nice_ceiling(top);
        Scale { max, reversed }
    }

    pub fn frac(&self, v: f64) -> f64 {
        let f = if self.max > 0.0 {
            (v / self.max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        if self.reversed {
            1.0 - f
        } else {
            f
        }
    }

    /// The left and right ends of the value interval `[lo, hi]`, as fractions.
    fn span(&self, lo: f64, hi: f64) -> (f64, f64) {
        let (a, b) = (self.frac(lo), self.frac(hi));
        (a.min(b), a.max(b))
    }
}

/// A qualitative band: a value interval and its class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub lo: f64,
    pub hi: f64,
    pub class: &'static str,
}

/// The qualitative bands of a score, in value space, covering `[0, max]`.
pub fn bands(score: &IndicatorScore, max: f64) -> Vec<Band> {
    let (Some(t), Some(dir)) = (score.current_target.as_ref(), score.direction) else {
        return Vec::new();
    };
    let v = t.bound.value();
    if !(v.is_finite() && v > 0.0) {
        return Vec::new();
    }
    let [poor, fair] = BAND_LIMITS;
    let b = |lo: f64, hi: f64, class| Band { lo, hi, class };
    let raw = match dir {
        Direction::Increasing => vec![
            b(0.0, v * poor, "band-poor"),
            b(v * poor, v * fair, "band-fair"),
            b(v * fair, v, "band-good"),
            b(v, max, "band-beyond"),
        ],
        Direction::Decreasing => vec![
            b(v / poor, max, "band-poor"),
            b(v / fair, v / poor, "band-fair"),
            b(v, v / fair, "band-good"),
            b(0.0, v, "band-beyond"),
        ],
        Direction::TwoSided => vec![
            b(0.0, v * poor, "band-poor"),
            b(v * poor, v * fair, "band-fair"),
            b(v * fair, v / fair, "band-good"),
            b(v / fair, v / poor, "band-fair"),
            b(v / poor, max, "band-poor"),
        ],
    };
    // `f64::clamp` with `max` not a constant keeps its assertion, whose message formats
    // floats: kilobytes of the wasm. This is the same clamp, without the panic.
    let clamp = |v: f64| {
        if v < 0.0 {
            0.0
        } else if v > max {
            max
        } else {
            v
        }
    };
    raw.into_iter()
        .map(|x| Band {
            lo: clamp(x.lo),
            hi: clamp(x.hi),
            ..x
        })
        .filter(|x| x.hi > x.lo)
        .collect()
}

/// Chart geometry in SVG user units; the SVG stretches to its box (strokes do not).
const W: f64 = 300.0;
const H: f64 = 30.0;

fn x(f: f64) -> String {
    geom::f(f * W)
}

/// The bullet chart's SVG. With `label`, it is an image with that sentence as its name;
/// without, it is decoration next to text that says the same (as in the table).
/// `described_by` names an element with more about it (the source), and makes the chart
/// focusable so that element can show on focus.
pub fn chart(
    score: &IndicatorScore,
    label: Option<String>,
    compact: bool,
    described_by: Option<String>,
) -> El {
    let scale = Scale::new(score);
    let rect = |class: String, from: f64, to: f64, y: f64, h: f64| -> Node {
        el("rect")
            .attr("x", x(from))
            .attr("y", geom::f(y))
            .attr("width", x((to - from).max(0.0)))
            .attr("height", geom::f(h))
            .class(class)
            .into()
    };
    let bands = bands(score, scale.max);
    let background: Vec<Node> = if bands.is_empty() {
        vec![rect("track".into(), 0.0, 1.0, 0.0, H)]
    } else {
        bands
            .iter()
            .map(|b| {
                let (a, c) = scale.span(b.lo, b.hi);
                rect(format!("band {}", b.class), a, c, 0.0, H)
            })
            .collect()
    };
    let bound = score.current_target.as_ref().map(|t| t.bound);
    let range = match bound {
        Some(Bound::Range { min, max }) => {
            let (a, c) = scale.span(min, max);
            Some(rect("target-band".into(), a, c, 3.0, H - 6.0))
        }
        _ => None,
    };
    let target_line = match bound {
        Some(Bound::Range { .. }) | None => None,
        Some(b) => {
            let at = x(scale.frac(b.value()));
            Some(
                el("line")
                    .attr("x1", at.clone())
                    .attr("x2", at)
                    .attr("y1", "3")
                    .attr("y2", geom::f(H - 3.0))
                    .class("target-mark"),
            )
        }
    };
    let status = format!("bar status-{}", i18n::status_class(score.status));
    let bar = score.latest.map(|l| {
        let (a, c) = scale.span(if scale.reversed { scale.max } else { 0.0 }, l.value);
        rect(status, a, c, H / 3.0, H / 3.0)
    });
    let expected = score.expected_now.map(|e| {
        let at = x(scale.frac(e));
        el("line")
            .attr("x1", at.clone())
            .attr("x2", at)
            .attr("y1", "0")
            .attr("y2", geom::f(H))
            .class("expected-mark")
    });
    let view_box = format!("0 0 {} {}", geom::f(W), geom::f(H));
    let class = if compact {
        "chart bullet-chart compact"
    } else {
        "chart bullet-chart"
    };
    let svg = el("svg")
        .attr("viewBox", view_box)
        .attr("preserveAspectRatio", "none");
    let svg = match label {
        Some(l) => svg
            .attr("role", "img")
            .attr("aria-label", l)
            .attr_opt("tabindex", described_by.is_some().then_some("0"))
            .attr_opt("aria-describedby", described_by),
        None => svg.attr("aria-hidden", "true"),
    };
    svg.class(class)
        .children(background)
        .child_opt(range)
        .child_opt(bar)
        .child_opt(expected)
        .child_opt(target_line)
}

fn compact_view(ctx: &Ctx, ind: &Indicator, score: &IndicatorScore) -> Node {
    let lang = ctx.lang;
    let facts = Facts::new(ctx, ind, score);
    let label = facts.label(lang);
    let value = el("span").class("value-text");
    let value = match facts.value_text {
        Some(v) => value.text(v),
        None => value
            .child(el("span").attr("aria-hidden", "true").text("— "))
            .text(msg(lang, Msg::NoData)),
    };
    el("div")
        .attr("lang", lang.tag())
        .class(format!("{} compact", ctx.class_list("bullet")))
        .child(chart(score, Some(label), true, None))
        .child(value)
        .into()
}

fn full_view(ctx: &Ctx, ind: &Indicator, score: &IndicatorScore) -> Node {
    let lang = ctx.lang;
    let facts = Facts::new(ctx, ind, score);
    let label = facts.label(lang);
    let scale = Scale::new(score);
    let zero = format_number(0.0, 0, lang);
    let top = format_value(scale.max, &ind.unit, lang);
    let (start_label, end_label) = if scale.reversed {
        (top, zero)
    } else {
        (zero, top)
    };
    let has_bands = !bands(score, scale.max).is_empty();
    let source = facts.source.clone();
    let target_text = facts.target_text.clone();
    // Unique within a shadow root, and apart from the gauge's ids on a server-rendered page.
    let source_id = format!("chitieu-bullet-src-{}", ind.id);
    let has_tip = source.is_some() || target_text.is_some();

    let dash = || "—".to_string();
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(dash);
    let sr_rows = vec![vec![
        facts.name.clone(),
        facts.level.map(str::to_string).unwrap_or_else(dash),
        facts.value_words.clone(),
        opt(&facts.period),
        opt(&facts.target_phrase),
        opt(&facts.deadline),
        opt(&facts.expected),
        opt(&facts.attainment),
        facts.status_text.to_string(),
    ]];
    let sr_headers = [
        Msg::Indicator,
        Msg::Level,
        Msg::Actual,
        Msg::Period,
        Msg::Target,
        Msg::Deadline,
        Msg::ExpectedNow,
        Msg::Attainment,
        Msg::Status,
    ]
    .iter()
    .map(|m| msg(lang, *m))
    .collect::<Vec<_>>();
    let meta = [
        facts.level.map(str::to_string),
        facts
            .period
            .clone()
            .map(|p| format!("{} {p}", msg(lang, Msg::Period))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");

    let value = el("span").class("value");
    let value = match &facts.value_text {
        Some(v) => value.text(v.clone()),
        None => value
            .child(el("span").attr("aria-hidden", "true").text("—"))
            .child(
                el("span")
                    .class("no-data-words")
                    .text(msg(lang, Msg::NoData)),
            ),
    };
    let source_tip = has_tip.then(|| source_tip(source_id.clone(), target_text, source));
    el("figure")
        .attr("lang", lang.tag())
        .class(ctx.class_list("bullet"))
        .child(el("figcaption").class("title").text(facts.name.clone()))
        .child(
            el("div")
                .class("headline")
                .child(value)
                .child(status_chip(score.status, lang)),
        )
        .child(
            el("div")
                .class("plot")
                .child(chart(
                    score,
                    Some(label),
                    false,
                    has_tip.then(|| source_id.clone()),
                ))
                .child(
                    el("div")
                        .attr("aria-hidden", "true")
                        .class("scale")
                        .child(el("span").text(start_label))
                        .child(el("span").text(end_label)),
                ),
        )
        .child_opt(facts.target_line.as_ref().map(|t| {
            el("p")
                .class("target-text")
                .child(el("span").attr("aria-hidden", "true").class("target-key"))
                .text(t.clone())
        }))
        .child_opt(facts.expected.as_ref().map(|e| {
            el("p")
                .class("expected-text")
                .child(el("span").attr("aria-hidden", "true").class("expected-key"))
                .text(format!("{}: {e}", msg(lang, Msg::ExpectedNow)))
        }))
        .child_opt(facts.attainment.as_ref().map(|a| {
            el("p")
                .class("attainment-text")
                .text(format!("{}: {a}", msg(lang, Msg::Attainment)))
        }))
        .child_opt((!meta.is_empty()).then(|| el("p").class("meta").text(meta)))
        .child_opt(facts.stale.clone().map(stale_line))
        .child_opt(has_bands.then(|| el("p").class("legend").text(msg(lang, Msg::BandsNote))))
        .child_opt(source_tip)
        .child(sr_table(facts.name, &sr_headers, &sr_rows))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::attainment_text;
    use chitieu_core::score::{score_indicator, ScoreConfig};
    use chitieu_core::Lang;
    use chitieu_core::{Date, Indicator, Observation, Period, Target, Text, Unit};

    fn ind(bound: Bound, value: Option<f64>) -> Indicator {
        Indicator {
            id: "x".into(),
            key: None,
            pillar: None,
            name: Text {
                vi: "X".into(),
                en: None,
            },
            unit: Unit::Count,
            level: None,
            owner: None,
            targets: vec![Target {
                bound,
                change: None,
                deadline: Some(Period::Year(2025)),
                text: None,
            }],
            baseline: None,
            observations: value
                .map(|v| Observation {
                    period: Period::Year(2023),
                    value: Some(v),
                    numerator: None,
                    denominator: None,
                    reported: None,
                    note: None,
                })
                .into_iter()
                .collect(),
            source: None,
            note: None,
        }
    }

    fn score(i: &Indicator) -> IndicatorScore {
        score_indicator(
            i,
            Date {
                year: 2024,
                month: 6,
                day: 1,
            },
            &ScoreConfig::default(),
        )
    }

    #[test]
    fn bands_are_shares_of_the_target() {
        let s = score(&ind(Bound::Gte(50.0), Some(20.0)));
        let sc = Scale::new(&s);
        assert_eq!(sc.max, 50.0);
        let b = bands(&s, sc.max);
        let edges: Vec<(f64, f64)> = b.iter().map(|b| (b.lo, b.hi)).collect();
        assert_eq!(edges, vec![(0.0, 30.0), (30.0, 45.0), (45.0, 50.0)]);
    }

    #[test]
    fn lower_is_better_runs_backwards_with_room_for_the_worst_band() {
        let s = score(&ind(Bound::Lte(6.0), Some(8.0)));
        let sc = Scale::new(&s);
        assert!(sc.reversed);
        assert_eq!(sc.max, 20.0);
        assert_eq!(sc.frac(20.0), 0.0);
        assert_eq!(sc.frac(0.0), 1.0);
        let b = bands(&s, sc.max);
        assert_eq!(
            b.first().map(|b| (b.class, b.lo, b.hi)),
            Some(("band-poor", 10.0, 20.0))
        );
        assert!(b.iter().any(|b| b.class == "band-beyond" && b.hi == 6.0));
    }

    #[test]
    fn no_target_or_no_positive_figure_means_no_bands() {
        let mut i = ind(Bound::Lte(0.0), Some(3.0));
        assert!(bands(&score(&i), 10.0).is_empty());
        i.targets.clear();
        let s = score(&i);
        assert!(bands(&s, Scale::new(&s).max).is_empty());
    }

    #[test]
    fn scale_tops_are_round_and_cover_what_is_shown() {
        let s = score(&ind(Bound::Gte(95.0), Some(40.0)));
        assert_eq!(Scale::new(&s).max, 100.0);
        let s = score(&ind(Bound::Gte(10.0), Some(4.0)));
        assert_eq!(Scale::new(&s).max, 10.0);
        let s = score(&ind(Bound::Gte(95.0), Some(130.0)));
        assert_eq!(Scale::new(&s).max, 200.0);
    }

    #[test]
    fn attainment_in_words() {
        assert_eq!(attainment_text(Lang::Vi, 0.81774), "81,8%");
        assert_eq!(attainment_text(Lang::En, 1.0), "100%");
    }
}
