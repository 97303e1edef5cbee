//! The scorecard: the overall picture of a plan for leaders — how many indicators stand
//! at each status, the score of every pillar as a bar, the overall score and how much of
//! the plan has data at all.
//!
//! Every score says, as prominently as its number, how many of its indicators it rests
//! on ("90,9% — tính trên 2/72 chỉ tiêu có cả mục tiêu và số liệu"): the scored ones (a
//! current target and a result) of all the indicators of the pillar or plan, the same
//! counts as `chitieu score`. A score resting on less than the minimum coverage
//! ([`ScoreConfig::min_coverage`], attribute `min-coverage`, one third by default) is
//! withheld: the card shows the counts in words instead of a number (see
//! `chitieu_core::score`).
//!
//! Everything is scored once per dataset, date and filter with
//! [`score_dataset`] (see `chitieu_core::score` for the method), and every figure the
//! bars show is also written out: on the bars themselves, in the chart's `aria-label`
//! and in a hidden table.

use chitieu_core::number::format_number;
use chitieu_core::score::{
    score_dataset, score_indicator, DatasetScore, PillarScore, ScoreConfig, Status,
};
use chitieu_core::{Dataset, Date, Indicator, Lang, Period};

use crate::common::{sr_table, stale_line, stale_note, Ctx, Filter};
use crate::geom;
use crate::i18n::{self, msg, Msg};
use crate::markup::{el, Node};

#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "yew", derive(yew::Properties))]
pub struct ScorecardProps {
    pub ctx: Ctx,
    /// Which indicators count; the default counts all.
    #[cfg_attr(feature = "yew", prop_or_default)]
    pub filter: Filter,
}

/// The scorecard's markup, or the box saying the `pillar` filter names no pillar.
pub fn render(p: &ScorecardProps) -> Node {
    let ctx = &p.ctx;
    if let Some(id) = p.filter.pillar.as_deref() {
        let ids = pillar_ids(&ctx.data.0);
        if !ids.contains(&id) {
            return crate::error_box(
                &i18n::bad_attribute(ctx.lang, "pillar", id, &ids),
                ctx.lang,
                ctx.theme,
            );
        }
    }
    let scored = score_filtered(&ctx.data.0, ctx.as_of(), &ctx.config, &p.filter);
    view(ctx, &p.filter, &scored)
}

/// Scores the indicators `filter` admits, with [`score_dataset`] once.
///
/// An indicator's score does not depend on the others, so scoring the narrowed dataset
/// gives each indicator the score it has in the whole; only the sums change. Declared
/// pillars left without indicators by the filter are dropped (but the pillar asked for
/// is kept), so a filtered card does not list empty pillars.
pub fn score_filtered(
    ds: &Dataset,
    as_of: Date,
    cfg: &ScoreConfig,
    filter: &Filter,
) -> DatasetScore {
    if *filter == Filter::default() {
        return score_dataset(ds, as_of, cfg);
    }
    let indicators: Vec<Indicator> = ds
        .indicators
        .iter()
        .filter(|i| {
            // The status is only worth computing when the filter asks for one.
            let status = match filter.status {
                Some(_) => score_indicator(i, as_of, cfg).status,
                None => Status::NoData,
            };
            filter.admits(i, status)
        })
        .cloned()
        .collect();
    let pillars = ds
        .pillars
        .iter()
        .filter(|p| {
            filter.pillar.as_deref() == Some(p.id.as_str())
                || indicators
                    .iter()
                    .any(|i| i.pillar.as_deref() == Some(p.id.as_str()))
        })
        .cloned()
        .collect();
    let narrowed = Dataset {
        schema: ds.schema.clone(),
        plan: ds.plan.clone(),
        as_of: ds.as_of,
        pillars,
        indicators,
        // Those set aside have no level or status to judge: they count where only the
        // pillar is asked for.
        quarantined: match (filter.level, filter.status) {
            (None, None) => ds
                .quarantined
                .iter()
                .filter(|q| filter.pillar.is_none() || q.pillar == filter.pillar)
                .cloned()
                .collect(),
            _ => Vec::new(),
        },
        // Scoring reads no task.
        tasks: Vec::new(),
        quarantined_tasks: Vec::new(),
    };
    score_dataset(&narrowed, as_of, cfg)
}

/// A share in [0, 1] as a percentage with one decimal: 0.625 → "62,5%".
pub fn percent(share: f64, lang: Lang) -> String {
    format!("{}%", format_number(share * 100.0, 1, lang))
}

/// Whether the pillars carry DTI-style points: some weight other than 1.
pub fn uses_points(s: &DatasetScore) -> bool {
    s.pillars.iter().any(|p| (p.weight - 1.0).abs() > 1e-9)
}

/// A pillar's name in `lang`, and whether it fell back to Vietnamese (so the text can be
/// marked `lang="vi"` for screen readers reading English).
fn pillar_name(ds: &Dataset, p: &PillarScore, lang: Lang) -> (String, bool) {
    match &p.id {
        None => (msg(lang, Msg::NoPillar).to_string(), false),
        Some(id) => match ds.pillar(id) {
            Some(decl) => {
                let fell_back = lang == Lang::En && decl.name.get("en") == decl.name.vi;
                (decl.name.get(lang.tag()).to_string(), fell_back)
            }
            None => (id.clone(), false),
        },
    }
}

/// What stands in for a missing score: no data at all, or data with no target to score
/// it against (results a plan reports without setting a target for them).
fn no_score(lang: Lang, with_data: usize) -> &'static str {
    if with_data > 0 {
        msg(lang, Msg::NotScored)
    } else {
        msg(lang, Msg::NoData)
    }
}

/// A score as the card may show it: `None` when there is none or it is withheld.
fn shown(score: Option<f64>, withheld: bool) -> Option<f64> {
    score.filter(|_| !withheld)
}

/// A pillar's score in words, with what it rests on: "81,8%", then "tính trên 1/1 chỉ
/// tiêu"; withheld, "Chưa đủ số liệu để tính điểm", then "1/5 chỉ tiêu có cả mục tiêu và
/// số liệu"; without a score, why (no data, or no target), alone.
fn pillar_score_words(lang: Lang, p: &PillarScore) -> (String, Option<String>) {
    let basis = match (p.score, p.withheld) {
        (Some(_), true) => Some(i18n::scored_count(lang, p.scored, p.total)),
        (Some(_), false) => Some(i18n::basis_short(lang, p.scored, p.total)),
        (None, _) => None,
    };
    (score_words(lang, p.score, p.withheld, p.with_data), basis)
}

/// A score in words: the percentage, "Chưa đủ số liệu để tính điểm" when it is withheld,
/// or why there is none.
fn score_words(lang: Lang, score: Option<f64>, withheld: bool, with_data: usize) -> String {
    match score {
        Some(_) if withheld => msg(lang, Msg::PillarWithheld).to_string(),
        Some(x) => percent(x, lang),
        None => no_score(lang, with_data).to_string(),
    }
}

/// One pillar in words, for the bars' `aria-label`: "Hạ tầng số: 81,8%, tính trên 1/1 chỉ
/// tiêu (1/1 có số liệu)".
pub fn pillar_phrase(lang: Lang, name: &str, p: &PillarScore) -> String {
    let (score, basis) = pillar_score_words(lang, p);
    // A percentage has no letters to lower.
    let mut phrase = [name, ": ", &i18n::lower(&score)].concat();
    if let Some(b) = basis {
        phrase.push_str(", ");
        phrase.push_str(&b);
    }
    phrase.push_str(" (");
    phrase.push_str(&i18n::coverage_short(lang, p.with_data, p.total));
    phrase.push(')');
    phrase
}

/// The filter in words, shown under the title so a filtered card says what it counts.
fn filter_words(ds: &Dataset, f: &Filter, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(id) = &f.pillar {
        let name = ds
            .pillar(id)
            .map(|p| p.name.get(lang.tag()).to_string())
            .unwrap_or_else(|| id.clone());
        parts.push(format!("{}: {name}", msg(lang, Msg::Pillar)));
    }
    if let Some(l) = f.level {
        parts.push(i18n::level_label(lang, l).to_string());
    }
    if let Some(s) = f.status {
        parts.push(format!(
            "{}: {}",
            msg(lang, Msg::Status),
            i18n::status_label(lang, s)
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn view(ctx: &Ctx, filter: &Filter, s: &DatasetScore) -> Node {
    let lang = ctx.lang;
    let ds = &ctx.data.0;
    let title = ds.plan.title.clone();
    let as_of_text = format!(
        "{} {}",
        msg(lang, Msg::DataAsOf),
        i18n::period_label(lang, Period::Day(s.as_of))
    );
    let filter_text = filter_words(ds, filter, lang);
    let o = &s.overall;
    // The plan title is only ever Vietnamese.
    let title_lang = (lang == Lang::En).then_some("vi");
    let header: Node = vec![
        el("figcaption")
            .attr_opt("lang", title_lang)
            .class("title")
            .text(title.clone())
            .into(),
        filter_text.map(|f| el("p").class("filter").text(f)).into(),
        el("p").class("meta").text(as_of_text).into(),
    ]
    .into();
    let figure = el("figure")
        .attr("lang", lang.tag())
        .class(ctx.class_list("scorecard"))
        .child(header);
    if o.total == 0 {
        return figure
            .child(el("p").class("empty").text(msg(lang, Msg::NoMatch)))
            .into();
    }

    let dti = uses_points(s);
    let stale = s
        .indicators
        .iter()
        .filter_map(|i| i.latest.map(|l| l.period))
        .max()
        .filter(|&p| ctx.is_stale(p))
        .map(|p| stale_note(lang, p));

    // Status counts, best first; statuses no indicator has are left out.
    let counts = Status::ALL
        .iter()
        .map(|&st| (st, s.statuses.get(st)))
        .filter(|&(_, n)| n > 0)
        .map(|(st, n)| {
            el("li")
                .class(format!("count status-{}", i18n::status_class(st)))
                .child(el("span").class("n").text(n.to_string()))
                .child(
                    el("span")
                        .class("word")
                        .child(
                            el("span")
                                .attr("aria-hidden", "true")
                                .class("icon")
                                .text(i18n::status_icon(st)),
                        )
                        .text(" ")
                        .text(i18n::status_label(lang, st)),
                )
        });
    // Indicators set aside for invalid data, under their own label: in the total, in no
    // score.
    let invalid = (o.invalid > 0).then(|| {
        el("li")
            .class("count status-invalid")
            .child(el("span").class("n").text(o.invalid.to_string()))
            .child(
                el("span")
                    .class("word")
                    .child(crate::common::warning_icon())
                    .text(" ")
                    .text(i18n::invalid_data(lang)),
            )
    });

    let overall_points = match (dti, shown(o.points, o.withheld), o.max_points) {
        (true, Some(p), Some(m)) => Some(i18n::points_text(lang, p, m)),
        _ => None,
    };
    let coverage = i18n::coverage_sentence(lang, o.with_data, o.total);
    // The number and what it rests on, in one sentence; a withheld score, the words
    // and counts only; no score, a dash and why.
    let headline = match (o.score, o.withheld) {
        (Some(x), false) => el("p")
            .class("headline")
            .child(el("span").class("big").text(percent(x, lang)))
            .text(" — ")
            .child(
                el("span")
                    .class("basis")
                    .text(i18n::basis_sentence(lang, o.scored, o.total)),
            ),
        (Some(_), true) => el("p")
            .class("headline withheld")
            .child(crate::common::warning_icon())
            .text(" ")
            .text(msg(lang, Msg::OverallWithheld)),
        (None, _) => el("p")
            .class("headline")
            .child(el("span").class("big").text("—")),
    };
    let why = match (o.score, o.withheld) {
        (Some(_), true) => Some(el("p").class("basis").text(i18n::withheld_sentence(
            lang,
            o.scored,
            o.total,
            &percent(ctx.config.min_coverage, lang),
        ))),
        (None, _) => Some(el("p").class("no-data").text(no_score(lang, o.with_data))),
        (Some(_), false) => None,
    };

    let names: Vec<(String, bool)> = s.pillars.iter().map(|p| pillar_name(ds, p, lang)).collect();
    let bars_label = format!(
        "{}: {}.",
        msg(lang, Msg::PillarScores),
        s.pillars
            .iter()
            .zip(&names)
            .map(|(p, (n, _))| pillar_phrase(lang, n, p))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let rows = s.pillars.iter().zip(&names).map(|(p, (name, fell_back))| {
        let width = shown(p.score, p.withheld).map(|x| geom::f((x * 100.0).clamp(0.0, 100.0)));
        let (score_text, basis) = pillar_score_words(lang, p);
        let points = match (dti, shown(p.points, p.withheld)) {
            (true, Some(pts)) => Some(i18n::points_text(lang, pts, p.max_points)),
            _ => None,
        };
        let meta = [
            Some(i18n::coverage_short(lang, p.with_data, p.total)),
            points,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let class = match (p.score, p.withheld) {
            (None, _) => "pillar no-score",
            (Some(_), true) => "pillar no-score withheld",
            (Some(_), false) => "pillar",
        };
        el("div")
            .class(class)
            .child(
                el("p")
                    .class("pillar-head")
                    .child(
                        el("span")
                            .attr_opt("lang", fell_back.then_some("vi"))
                            .class("pillar-name")
                            .text(name.clone()),
                    )
                    .child(
                        el("span")
                            .class("pillar-score")
                            .child_opt(p.withheld.then(crate::common::warning_icon))
                            .text(if p.withheld { " " } else { "" })
                            .text(score_text)
                            .child_opt(
                                basis.map(|b| el("span").class("basis").text(format!(" — {b}"))),
                            ),
                    ),
            )
            .child(
                el("svg")
                    .attr("viewBox", "0 0 100 10")
                    .attr("preserveAspectRatio", "none")
                    .attr("aria-hidden", "true")
                    .attr("focusable", "false")
                    .class("bar-svg")
                    .child(
                        el("rect")
                            .attr("x", "0")
                            .attr("y", "0")
                            .attr("width", "100")
                            .attr("height", "10")
                            .class("track"),
                    )
                    .child_opt(width.map(|w| {
                        el("rect")
                            .attr("x", "0")
                            .attr("y", "0")
                            .attr("width", w)
                            .attr("height", "10")
                            .class("bar")
                    })),
            )
            .child(el("p").class("pillar-meta").text(meta))
    });

    let mut sr_headers = vec![
        msg(lang, Msg::Pillar),
        msg(lang, Msg::Score),
        msg(lang, Msg::BasedOn),
        msg(lang, Msg::WithData),
    ];
    if dti {
        sr_headers.push(msg(lang, Msg::Points));
    }
    let dash = || "—".to_string();
    /// A row's figures: score, whether it is withheld, scored, with data, total.
    type Figures = (Option<f64>, bool, usize, usize, usize);
    let sr_row = |name: String,
                  (score, withheld, scored, with, total): Figures,
                  pts: Option<(Option<f64>, Option<f64>)>| {
        let mut r = vec![
            name,
            score_words(lang, score, withheld, with),
            i18n::of_indicators(lang, scored, total),
            i18n::coverage_short(lang, with, total),
        ];
        if let Some((p, m)) = pts {
            r.push(match (shown(p, withheld), m) {
                (Some(p), Some(m)) => i18n::points_text(lang, p, m),
                _ => dash(),
            });
        }
        r
    };
    let mut sr_rows: Vec<Vec<String>> = s
        .pillars
        .iter()
        .zip(&names)
        .map(|(p, (n, _))| {
            sr_row(
                n.clone(),
                (p.score, p.withheld, p.scored, p.with_data, p.total),
                dti.then_some((p.points, Some(p.max_points))),
            )
        })
        .collect();
    sr_rows.push(sr_row(
        msg(lang, Msg::WholePlan).to_string(),
        (o.score, o.withheld, o.scored, o.with_data, o.total),
        dti.then_some((o.points, o.max_points)),
    ));

    let overall = el("div")
        .class("overall")
        .child(
            el("p")
                .class("overall-label")
                .text(msg(lang, Msg::OverallScore)),
        )
        .child(headline)
        .child_opt(why)
        .child_opt(overall_points.map(|pts| el("p").class("points").text(pts)))
        .child(el("p").class("coverage").text(coverage));
    figure
        .child(overall)
        .child(
            el("ul")
                .attr("aria-label", msg(lang, Msg::StatusCounts))
                .class("counts")
                .children(counts)
                .child_opt(invalid),
        )
        .child_opt(
            (filter.level.is_none() && filter.status.is_none())
                .then(|| crate::tasks::counts_line(ctx, filter.pillar.as_deref()))
                .flatten(),
        )
        .child(
            el("p")
                .attr("aria-hidden", "true")
                .class("section-title")
                .text(msg(lang, Msg::PillarScores)),
        )
        // A list cannot take the role "img": the rows are plain blocks.
        .child(
            el("div")
                .attr("role", "img")
                .attr("aria-label", bars_label)
                .class("pillars")
                .children(rows),
        )
        .child_opt(stale.map(stale_line))
        .child(sr_table(
            format!("{title} — {}", msg(lang, Msg::PillarScores)),
            &sr_headers,
            &sr_rows,
        ))
        .into()
}

/// The pillar ids a `pillar` filter may name: declared ones, then those only indicators
/// mention.
pub fn pillar_ids(ds: &Dataset) -> Vec<&str> {
    let mut ids: Vec<&str> = ds.pillars.iter().map(|p| p.id.as_str()).collect();
    for i in &ds.indicators {
        if let Some(p) = i.pillar.as_deref() {
            if !ids.contains(&p) {
                ids.push(p);
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use chitieu_core::score::StatusCounts;

    fn pillar(score: Option<f64>, with: usize, total: usize, weight: f64) -> PillarScore {
        PillarScore {
            id: Some("p".into()),
            declared: true,
            weight,
            total,
            invalid: 0,
            with_data: with,
            scored: with,
            coverage: None,
            score,
            withheld: false,
            points: score.map(|s| s * weight),
            max_points: weight,
            statuses: StatusCounts::default(),
            indicators: Vec::new(),
        }
    }

    #[test]
    fn percentages_use_the_decimal_comma() {
        assert_eq!(percent(0.625, Lang::Vi), "62,5%");
        assert_eq!(percent(0.625, Lang::En), "62.5%");
        assert_eq!(percent(1.0, Lang::Vi), "100%");
    }

    #[test]
    fn pillar_phrases_say_score_and_coverage() {
        let p = pillar(Some(0.8177), 1, 1, 1.0);
        assert_eq!(
            pillar_phrase(Lang::Vi, "Hạ tầng số", &p),
            "Hạ tầng số: 81,8%, tính trên 1/1 chỉ tiêu (1/1 có số liệu)"
        );
        let none = pillar(None, 0, 2, 1.0);
        assert_eq!(
            pillar_phrase(Lang::En, "Digital government", &none),
            "Digital government: no data yet (0/2 with data)"
        );
    }

    #[test]
    fn a_withheld_pillar_says_its_counts_not_its_score() {
        let p = PillarScore {
            scored: 1,
            with_data: 2,
            withheld: true,
            ..pillar(Some(0.8177), 2, 5, 1.0)
        };
        let vi = pillar_phrase(Lang::Vi, "Xã hội số", &p);
        assert_eq!(
            vi,
            "Xã hội số: chưa đủ số liệu để tính điểm, 1/5 chỉ tiêu có cả mục tiêu và số liệu (2/5 có số liệu)"
        );
        let en = pillar_phrase(Lang::En, "Digital society", &p);
        assert_eq!(
            en,
            "Digital society: not enough data for a score, 1 of 5 indicators have both a target and data (2/5 with data)"
        );
        assert!(
            !vi.contains("81") && !en.contains("81"),
            "no score in words"
        );
    }

    #[test]
    fn bases_and_withheld_sentences_in_both_languages() {
        assert_eq!(
            i18n::basis_sentence(Lang::Vi, 2, 72),
            "tính trên 2/72 chỉ tiêu có cả mục tiêu và số liệu"
        );
        assert_eq!(
            i18n::basis_sentence(Lang::En, 2, 72),
            "based on 2 of 72 indicators with both a target and data"
        );
        assert_eq!(
            i18n::basis_short(Lang::En, 1, 1),
            "based on 1 of 1 indicator"
        );
        assert_eq!(
            i18n::withheld_sentence(Lang::Vi, 2, 1500, &percent(1.0 / 3.0, Lang::Vi)),
            "2/1.500 chỉ tiêu có cả mục tiêu và số liệu, dưới mức tối thiểu 33,3%"
        );
        assert_eq!(
            i18n::withheld_sentence(Lang::En, 2, 1500, &percent(1.0 / 3.0, Lang::En)),
            "2 of 1,500 indicators have both a target and data, below the minimum of 33.3%"
        );
    }

    #[test]
    fn points_and_coverage_words() {
        assert_eq!(i18n::points_text(Lang::Vi, 62.5, 100.0), "62,5/100 điểm");
        assert_eq!(
            i18n::points_text(Lang::En, 437.5, 1000.0),
            "437.5/1,000 points"
        );
        assert_eq!(
            i18n::coverage_sentence(Lang::Vi, 12, 15),
            "12/15 chỉ tiêu có số liệu"
        );
        assert_eq!(
            i18n::coverage_sentence(Lang::En, 12, 15),
            "12 of 15 indicators have data"
        );
    }
}
