//! The gauge: an arc showing the latest value against the current target, as a semicircle
//! (default) or a ring (`variant = ring`).
//!
//! The value and target are also written out in words, the chart carries an `aria-label`
//! sentence and a hidden data table, and the status chip says in words what the colour
//! says, so nothing depends on reading the arc.

use crate::common::{source_tip, sr_table, stale_line, status_chip, Ctx, Facts};
use crate::geom;
use crate::i18n::{self, msg, Msg};
use crate::markup::{el, El, Node};
use chitieu_core::number::{format_number, format_value};
use chitieu_core::score::IndicatorScore;
use chitieu_core::{Bound, Indicator, Unit};

/// The gauge's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GaugeVariant {
    #[default]
    Semicircle,
    Ring,
}

impl GaugeVariant {
    pub fn parse(s: &str) -> GaugeVariant {
        match s.trim() {
            "ring" => GaugeVariant::Ring,
            _ => GaugeVariant::Semicircle,
        }
    }
}

#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "yew", derive(yew::Properties))]
pub struct GaugeProps {
    pub ctx: Ctx,
    pub indicator: String,
    #[cfg_attr(feature = "yew", prop_or_default)]
    pub variant: GaugeVariant,
}

/// The gauge's markup: the chart, or the box saying the indicator is not in the data.
pub fn render(p: &GaugeProps) -> Node {
    let ctx = &p.ctx;
    let ind = match ctx.indicator(&p.indicator) {
        Ok(ind) => ind,
        Err(error) => return error,
    };
    let score = ctx.score(ind);
    view(ctx, ind, &score, p.variant)
}

/// Maps values onto the arc: fraction 0 at the start, 1 at the end. Lower-is-better
/// targets run the scale backwards, so a longer arc always means better.
struct Scale {
    max: f64,
    reversed: bool,
}

impl Scale {
    fn new(ind: &Indicator, score: &IndicatorScore) -> Scale {
        let reversed = score
            .current_target
            .as_ref()
            .is_some_and(|t| t.bound.lower_is_better());
        let target = score.current_target.as_ref().map(|t| match t.bound {
            Bound::Range { max, .. } => max,
            b => b.value(),
        });
        let top = [target, score.latest.map(|l| l.value)]
            .into_iter()
            .flatten()
            .fold(0.0_f64, f64::max);
        // Percentages use the full 0–100 scale unless everything sits in its lower half:
        // "10% of GRDP" on a 0–100 arc is a sliver nobody can read, so such gauges run to
        // a round ceiling with headroom, and the end label says where the scale stops.
        let max = if ind.unit == Unit::Percent && top >= 50.0 {
            100.0
        } else if ind.unit == Unit::Percent {
            geom::nice_ceiling(top * 1.2).min(100.0)
        } else {
            geom::nice_ceiling(top)
        };
        Scale { max, reversed }
    }

    fn frac(&self, v: f64) -> f64 {
        let f = (v / self.max).clamp(0.0, 1.0);
        if self.reversed {
            1.0 - f
        } else {
            f
        }
    }
}

/// Geometry, in SVG user units: the semicircle sits in 200×112, the ring in 200×200.
const CX: f64 = 100.0;
const CY: f64 = 100.0;
const R: f64 = 80.0;

fn arc(variant: GaugeVariant, from: f64, to: f64) -> String {
    match variant {
        GaugeVariant::Semicircle => geom::arc_path(CX, CY, R, from, to),
        // The ring only ever fills from the top; bands use the semicircle's helper.
        GaugeVariant::Ring => geom::ring_path(CX, CY, R, to),
    }
}

fn point(variant: GaugeVariant, r: f64, t: f64) -> (f64, f64) {
    match variant {
        GaugeVariant::Semicircle => geom::polar(CX, CY, r, t),
        GaugeVariant::Ring => geom::ring_point(CX, CY, r, t),
    }
}

fn tick(variant: GaugeVariant, class: &'static str, t: f64, reach: f64) -> El {
    let (x1, y1) = point(variant, R - reach, t);
    let (x2, y2) = point(variant, R + reach, t);
    el("line")
        .attr("x1", geom::f(x1))
        .attr("y1", geom::f(y1))
        .attr("x2", geom::f(x2))
        .attr("y2", geom::f(y2))
        .class(class)
}

fn view(ctx: &Ctx, ind: &Indicator, score: &IndicatorScore, variant: GaugeVariant) -> Node {
    let lang = ctx.lang;
    let unit = &ind.unit;
    let scale = Scale::new(ind, score);
    let status = score.status;
    let facts = Facts::new(ctx, ind, score);
    // The sentence a screen reader hears for the chart.
    let label = facts.label(lang);
    let Facts {
        name,
        level,
        value_text,
        value_words,
        period,
        target_phrase,
        deadline,
        target_line,
        status_text,
        expected,
        stale,
        source,
        target_text,
        ..
    } = facts;
    // Without data the big figure is a dash; the chip and the label say it in words.
    let big_text = value_text.clone().unwrap_or_else(|| "—".to_string());

    let track = arc(variant, 0.0, 1.0);
    let bar = score.latest.map(|l| arc(variant, 0.0, scale.frac(l.value)));
    let band = match (variant, score.current_target.as_ref().map(|t| t.bound)) {
        (GaugeVariant::Semicircle, Some(Bound::Range { min, max })) => {
            let (a, b) = (scale.frac(min), scale.frac(max));
            Some(geom::arc_path(CX, CY, R + 14.0, a.min(b), a.max(b)))
        }
        _ => None,
    };
    let target_mark = score
        .current_target
        .as_ref()
        .map(|t| tick(variant, "target-mark", scale.frac(t.bound.value()), 16.0));
    let expected_mark = score
        .expected_now
        .map(|e| tick(variant, "expected-mark", scale.frac(e), 12.0));

    let zero = format_number(0.0, 0, lang);
    let top = format_value(scale.max, unit, lang);
    let (start_label, end_label) = if scale.reversed {
        (top, zero)
    } else {
        (zero, top)
    };
    let (view_box, value_y) = match variant {
        GaugeVariant::Semicircle => ("0 0 200 128", "94"),
        GaugeVariant::Ring => ("0 0 200 200", "110"),
    };

    // Unique within a shadow root, and across a page of server-rendered widgets.
    let source_id = format!("chitieu-src-{}", ind.id);
    let dash = || "—".to_string();
    let sr_rows = vec![vec![
        name.clone(),
        level.map(str::to_string).unwrap_or_else(dash),
        value_words.clone(),
        period.clone().unwrap_or_else(dash),
        target_phrase.clone().unwrap_or_else(dash),
        deadline.clone().unwrap_or_else(dash),
        expected.clone().unwrap_or_else(dash),
        status_text.to_string(),
    ]];
    let sr_headers = [
        Msg::Indicator,
        Msg::Level,
        Msg::Actual,
        Msg::Period,
        Msg::Target,
        Msg::Deadline,
        Msg::ExpectedNow,
        Msg::Status,
    ]
    .iter()
    .map(|m| msg(lang, *m))
    .collect::<Vec<_>>();

    let variant_class = match variant {
        GaugeVariant::Semicircle => "semicircle",
        GaugeVariant::Ring => "ring",
    };
    let bar_class = format!("bar status-{}", i18n::status_class(status));
    let value_class = if big_text.chars().count() > 7 {
        "value long"
    } else {
        "value"
    };
    let scale_labels = (variant == GaugeVariant::Semicircle).then(|| {
        vec![
            Node::from(
                el("text")
                    .attr("x", "20")
                    .attr("y", "120")
                    .attr("text-anchor", "middle")
                    .class("scale-label")
                    .text(start_label),
            ),
            el("text")
                .attr("x", "180")
                .attr("y", "120")
                .attr("text-anchor", "middle")
                .class("scale-label")
                .text(end_label)
                .into(),
        ]
    });
    let chart = el("svg")
        .attr("viewBox", view_box)
        .attr("role", "img")
        .attr("aria-label", label)
        .attr("tabindex", "0")
        .attr("aria-describedby", source_id.clone())
        .class("chart")
        .child(el("path").attr("d", track).class("track"))
        .child_opt(band.map(|d| el("path").attr("d", d).class("target-band")))
        .child_opt(bar.map(|d| el("path").attr("d", d).class(bar_class)))
        .child_opt(expected_mark)
        .child_opt(target_mark)
        .child(
            el("text")
                .attr("x", "100")
                .attr("y", value_y)
                .attr("text-anchor", "middle")
                .class(value_class)
                .text(big_text),
        )
        .child_opt(scale_labels);
    let meta = [
        level.map(str::to_string),
        period.map(|p| format!("{} {p}", msg(lang, Msg::Period))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let source_tip = (source.is_some() || target_text.is_some())
        .then(|| source_tip(source_id, target_text, source));
    el("figure")
        .attr("lang", lang.tag())
        .class(format!("{} {variant_class}", ctx.class_list("gauge")))
        .child(el("figcaption").class("title").text(name.clone()))
        .child(chart)
        .child_opt(target_line.map(|t| el("p").class("target-text").text(t)))
        .child(
            el("p")
                .class("status-line")
                .child(status_chip(status, lang)),
        )
        .child_opt(expected.as_ref().map(|e| {
            el("p")
                .class("expected-text")
                .child(el("span").attr("aria-hidden", "true").class("expected-key"))
                .text(format!("{}: {e}", msg(lang, Msg::ExpectedNow)))
        }))
        .child(el("p").class("meta").text(meta))
        .child_opt(stale.map(stale_line))
        .child_opt(source_tip)
        .child(sr_table(name, &sr_headers, &sr_rows))
        .into()
}
