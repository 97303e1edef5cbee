//! The gauge: a semicircle whose arc shows the latest value against the current target.
//!
//! The value and target are also written out in words, and the whole chart carries an
//! `aria-label` sentence, so nothing depends on reading the arc.

use chitieu_core::number::format_value;
use chitieu_core::score::{score_indicator, IndicatorScore, ScoreConfig};
use chitieu_core::{Indicator, Lang, Unit};
use yew::prelude::*;

use crate::i18n::{self, msg, Msg};
use crate::{geom, resolve_as_of, Data, ErrorBox, Theme};

#[derive(Properties, Clone, PartialEq)]
pub struct GaugeProps {
    pub data: Data,
    pub indicator: AttrValue,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
    /// Evaluation date; defaults to the dataset's `as_of`.
    #[prop_or_default]
    pub as_of: Option<chitieu_core::Date>,
}

/// Geometry of the semicircle, in SVG user units.
const CX: f64 = 100.0;
const CY: f64 = 100.0;
const R: f64 = 80.0;

#[function_component(Gauge)]
pub fn gauge(p: &GaugeProps) -> Html {
    let lang = p.lang;
    let ds = &p.data.0;
    let Some(ind) = ds.indicator(&p.indicator) else {
        return html! { <ErrorBox theme={p.theme} lang={lang} message={i18n::indicator_not_found(lang, &p.indicator)} /> };
    };
    let as_of = resolve_as_of(p.as_of, ds);
    let score = score_indicator(ind, as_of, &ScoreConfig::default());
    view(ind, &score, lang, p.theme)
}

/// The scale's top: 100 for percent, else a round number above both target and value.
fn scale_max(ind: &Indicator, score: &IndicatorScore) -> f64 {
    if ind.unit == Unit::Percent {
        return 100.0;
    }
    let target = score.current_target.as_ref().map(|t| match t.bound {
        chitieu_core::Bound::Range { max, .. } => max,
        b => b.value(),
    });
    let top = [target, score.latest.map(|l| l.value)]
        .into_iter()
        .flatten()
        .fold(0.0_f64, f64::max);
    geom::nice_ceiling(top)
}

fn view(ind: &Indicator, score: &IndicatorScore, lang: Lang, theme: Theme) -> Html {
    let unit = &ind.unit;
    let max = scale_max(ind, score);
    let frac = |v: f64| (v / max).clamp(0.0, 1.0);
    let status = score.status;
    let value_text = score.latest.map(|l| format_value(l.value, unit, lang));
    // The big figure is a dash without data; the chip and the label say it in words.
    let big_text = value_text.clone().unwrap_or_else(|| "—".to_string());
    let value_text = value_text.unwrap_or_else(|| msg(lang, Msg::NoData).to_string());
    let target_text = score.current_target.as_ref().map(|t| {
        let phrase = i18n::target_phrase(lang, t, unit);
        match t.deadline {
            Some(d) => format!("{phrase} · {}", i18n::period_label(lang, d)),
            None => phrase,
        }
    });
    let status_text = i18n::status_label(lang, status);
    let name = ind.name.get(lang.tag()).to_string();

    let mut label = format!("{name}: {value_text}");
    if let Some(l) = score.latest {
        label.push_str(&format!(" ({})", i18n::period_label(lang, l.period)));
    }
    if let Some(t) = &target_text {
        label.push_str(&format!(". {}: {t}", msg(lang, Msg::Target)));
    }
    label.push_str(&format!(". {}: {status_text}.", msg(lang, Msg::Status)));

    let track = geom::arc_path(CX, CY, R, 0.0, 1.0);
    let bar = score
        .latest
        .map(|l| geom::arc_path(CX, CY, R, 0.0, frac(l.value)));
    let target_marker = score.current_target.as_ref().map(|t| {
        let (x1, y1) = geom::polar(CX, CY, R - 16.0, frac(t.bound.value()));
        let (x2, y2) = geom::polar(CX, CY, R + 16.0, frac(t.bound.value()));
        html! { <line class="target-mark" x1={geom::f(x1)} y1={geom::f(y1)} x2={geom::f(x2)} y2={geom::f(y2)} /> }
    });
    let expected = score.expected_now.map(|e| {
        let (x1, y1) = geom::polar(CX, CY, R - 12.0, frac(e));
        let (x2, y2) = geom::polar(CX, CY, R + 12.0, frac(e));
        html! { <line class="expected-mark" x1={geom::f(x1)} y1={geom::f(y1)} x2={geom::f(x2)} y2={geom::f(y2)} /> }
    });
    let meta: Vec<String> = ind
        .level
        .map(|l| match lang {
            Lang::Vi => l.label_vi().to_string(),
            Lang::En => l.label_en().to_string(),
        })
        .into_iter()
        .chain(score.latest.map(|l| {
            format!(
                "{} {}",
                msg(lang, Msg::Period),
                i18n::period_label(lang, l.period)
            )
        }))
        .collect();
    let source = ind.source.as_ref().map(|s| {
        let parts: Vec<&str> = [s.document.as_deref(), s.section.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        format!("{}: {}", msg(lang, Msg::Source), parts.join(", "))
    });

    html! {
        <figure class={classes!("chitieu", "gauge", theme.class())} lang={lang.tag()}>
            <figcaption class="title">{ name }</figcaption>
            <svg class="chart" viewBox="0 0 200 112" role="img" aria-label={label}>
                <path class="track" d={track} />
                if let Some(d) = bar {
                    <path class={classes!("bar", format!("status-{}", i18n::status_class(status)))} d={d} />
                }
                { for expected }
                { for target_marker }
                <text class="value" x="100" y="94" text-anchor="middle">{ big_text }</text>
            </svg>
            if let Some(t) = target_text {
                <p class="target-text">{ format!("{}: {t}", msg(lang, Msg::Target)) }</p>
            }
            <p class={classes!("chip", format!("status-{}", i18n::status_class(status)))}>
                <span class="icon" aria-hidden="true">{ i18n::status_icon(status) }</span>
                { " " }{ status_text }
            </p>
            if !meta.is_empty() {
                <p class="meta">{ meta.join(" · ") }</p>
            }
            if let Some(s) = source {
                <p class="source">{ s }</p>
            }
        </figure>
    }
}
