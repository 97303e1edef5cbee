//! The gauge: an arc showing the latest value against the current target, as a semicircle
//! (default) or a ring (`variant = ring`).
//!
//! The value and target are also written out in words, the chart carries an `aria-label`
//! sentence and a hidden data table, and the status chip says in words what the colour
//! says, so nothing depends on reading the arc.

use chitieu_core::number::{format_number, format_value};
use chitieu_core::score::IndicatorScore;
use chitieu_core::{Bound, Indicator, Unit};
use yew::prelude::*;

use crate::common::{Ctx, Facts, SrTable, StatusChip};
use crate::geom;
use crate::i18n::{self, msg, Msg};

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

#[derive(Properties, Clone, PartialEq)]
pub struct GaugeProps {
    pub ctx: Ctx,
    pub indicator: AttrValue,
    #[prop_or_default]
    pub variant: GaugeVariant,
}

#[function_component(Gauge)]
pub fn gauge(p: &GaugeProps) -> Html {
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

fn tick(variant: GaugeVariant, class: &'static str, t: f64, reach: f64) -> Html {
    let (x1, y1) = point(variant, R - reach, t);
    let (x2, y2) = point(variant, R + reach, t);
    html! { <line class={class} x1={geom::f(x1)} y1={geom::f(y1)} x2={geom::f(x2)} y2={geom::f(y2)} /> }
}

fn view(ctx: &Ctx, ind: &Indicator, score: &IndicatorScore, variant: GaugeVariant) -> Html {
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
    let dash = || AttrValue::from("—");
    let sr_rows = vec![vec![
        AttrValue::from(name.clone()),
        level.map(AttrValue::from).unwrap_or_else(dash),
        AttrValue::from(value_words.clone()),
        period.clone().map(AttrValue::from).unwrap_or_else(dash),
        target_phrase
            .clone()
            .map(AttrValue::from)
            .unwrap_or_else(dash),
        deadline.clone().map(AttrValue::from).unwrap_or_else(dash),
        expected.clone().map(AttrValue::from).unwrap_or_else(dash),
        AttrValue::from(status_text),
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
    .map(|m| AttrValue::from(msg(lang, *m)))
    .collect::<Vec<_>>();

    let variant_class = match variant {
        GaugeVariant::Semicircle => "semicircle",
        GaugeVariant::Ring => "ring",
    };
    html! {
        <figure class={classes!(ctx.classes("gauge"), variant_class)} lang={lang.tag()}>
            <figcaption class="title">{ name.clone() }</figcaption>
            <svg class="chart" viewBox={view_box} role="img" aria-label={label} tabindex="0"
                aria-describedby={source_id.clone()}>
                <path class="track" d={track} />
                if let Some(d) = band {
                    <path class="target-band" d={d} />
                }
                if let Some(d) = bar {
                    <path class={classes!("bar", format!("status-{}", i18n::status_class(status)))} d={d} />
                }
                { for expected_mark }
                { for target_mark }
                <text class={classes!("value", (big_text.chars().count() > 7).then_some("long"))}
                    x="100" y={value_y} text-anchor="middle">{ big_text }</text>
                if variant == GaugeVariant::Semicircle {
                    <text class="scale-label" x="20" y="120" text-anchor="middle">{ start_label }</text>
                    <text class="scale-label" x="180" y="120" text-anchor="middle">{ end_label }</text>
                }
            </svg>
            if let Some(t) = target_line {
                <p class="target-text">{ t }</p>
            }
            <p class="status-line"><StatusChip status={status} lang={lang} /></p>
            if let Some(e) = &expected {
                <p class="expected-text">
                    <span class="expected-key" aria-hidden="true"></span>
                    { format!("{}: {e}", msg(lang, Msg::ExpectedNow)) }
                </p>
            }
            <p class="meta">{ [level.map(str::to_string), period.map(|p| format!("{} {p}", msg(lang, Msg::Period)))]
                .into_iter().flatten().collect::<Vec<_>>().join(" · ") }</p>
            if let Some(s) = stale {
                <p class="stale"><span class="icon" aria-hidden="true">{ "⚠" }</span>{ " " }{ s }</p>
            }
            if source.is_some() || target_text.is_some() {
                <div class="source-tip" id={source_id} role="note">
                    if let Some(t) = target_text {
                        <p class="quote">{ format!("“{t}”") }</p>
                    }
                    if let Some(s) = source {
                        <p>{ s }</p>
                    }
                </div>
            }
            <SrTable caption={name} headers={sr_headers} rows={sr_rows} />
        </figure>
    }
}
