//! What every widget shares: the rendering context, filters, the status chip, the
//! visually hidden data table and the stale-data check.

use chitieu_core::number::{format_number, format_value};
use chitieu_core::score::{score_indicator, IndicatorScore, ScoreConfig, Status};
use chitieu_core::{Date, Indicator, Lang, Level, Period};

use crate::i18n::{self, msg, Msg};
use crate::markup::{el, El, Node};
use crate::{error_box, resolve_as_of, Data, Theme};

/// Default age after which the latest observation is flagged as stale: 18 months after
/// the end of its period, i.e. one annual reporting round missed.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 548;

/// Everything a widget needs besides its own options; one value, so the embed and the
/// CLI build it once for any widget.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub data: Data,
    pub lang: Lang,
    pub theme: Theme,
    /// Evaluation date; `None` uses the dataset's `as_of` (see [`resolve_as_of`]).
    pub as_of: Option<Date>,
    pub config: ScoreConfig,
    /// Flag data older than this many days after its period ended; `None` never flags.
    pub stale_after_days: Option<u32>,
    /// Whether readers can pick an indicator (a table row's name is a button) or a result
    /// (a trend point): the markup then carries `data-select` with `data-indicator` and
    /// `data-period`, and the host fires `chitieu:select`. Off for static rendering.
    pub selectable: bool,
}

impl Ctx {
    pub fn new(data: Data) -> Ctx {
        Ctx {
            data,
            lang: Lang::Vi,
            theme: Theme::Light,
            as_of: None,
            config: ScoreConfig::default(),
            stale_after_days: Some(DEFAULT_STALE_AFTER_DAYS),
            selectable: false,
        }
    }

    /// The evaluation date actually used.
    pub fn as_of(&self) -> Date {
        resolve_as_of(self.as_of, &self.data.0)
    }

    pub fn score(&self, ind: &Indicator) -> IndicatorScore {
        score_indicator(ind, self.as_of(), &self.config)
    }

    /// Whether a latest observation for `period` is stale at the evaluation date.
    pub fn is_stale(&self, period: Period) -> bool {
        self.is_stale_at(period, self.as_of())
    }

    /// [`Ctx::is_stale`] with the evaluation date already found, for callers that check
    /// many indicators ([`Ctx::as_of`] may scan the whole dataset).
    pub fn is_stale_at(&self, period: Period, as_of: Date) -> bool {
        self.stale_after_days
            .is_some_and(|d| days_between(period.last_day(), as_of) > i64::from(d))
    }

    /// The indicator `id`, or the widget's error box saying it is not in the data, or
    /// that its data is invalid (see [`crate::quarantine_box`]).
    pub fn indicator(&self, id: &str) -> Result<&Indicator, Node> {
        let ds = &self.data.0;
        ds.indicator(id)
            .ok_or_else(|| match ds.quarantined.iter().find(|q| q.id == id) {
                Some(q) => crate::quarantine_box(q, self.lang, self.theme),
                None => error_box(
                    &i18n::indicator_not_found(self.lang, id),
                    self.lang,
                    self.theme,
                ),
            })
    }

    /// The root classes of a widget: `chitieu`, its name and the theme.
    pub fn class_list(&self, widget: &'static str) -> String {
        format!("chitieu {widget} {}", self.theme.class())
    }
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    b.day_number() - a.day_number()
}

/// Which indicators a list widget shows.
#[derive(Clone, PartialEq, Default, Debug)]
pub struct Filter {
    pub pillar: Option<String>,
    pub level: Option<Level>,
    pub status: Option<Status>,
}

impl Filter {
    pub fn admits(&self, ind: &Indicator, status: Status) -> bool {
        self.pillar
            .as_deref()
            .is_none_or(|p| ind.pillar.as_deref() == Some(p))
            && self.level.is_none_or(|l| ind.level == Some(l))
            && self.status.is_none_or(|s| s == status)
    }
}

/// Reads a status name as used in attributes and JSON (`on_track` or `on-track`).
pub fn parse_status(s: &str) -> Option<Status> {
    let norm = s.trim().replace('-', "_");
    Status::ALL.iter().copied().find(|st| st.as_str() == norm)
}

/// Reads a level name (`province`, `district`, `commune`, or the Vietnamese words).
pub fn parse_level(s: &str) -> Option<Level> {
    match i18n::lower(s.trim()).as_str() {
        "province" | "tinh" | "tỉnh" => Some(Level::Province),
        "district" | "huyen" | "huyện" => Some(Level::District),
        "commune" | "xa" | "xã" => Some(Level::Commune),
        _ => None,
    }
}

/// The status as icon and words; its colour repeats what the words say.
pub fn status_chip(status: Status, lang: Lang) -> El {
    el("span")
        .class(format!("chip status-{}", i18n::status_class(status)))
        .child(
            el("span")
                .attr("aria-hidden", "true")
                .class("icon")
                .text(i18n::status_icon(status)),
        )
        .text(" ")
        .text(i18n::status_label(lang, status))
}

/// The chart's figures as a table only screen readers see: the text alternative that
/// carries everything the picture shows.
pub fn sr_table<H: AsRef<str>, C: AsRef<str>>(
    caption: impl Into<String>,
    headers: &[H],
    rows: &[Vec<C>],
) -> El {
    let cell = |tag: &'static str, s: &str| {
        let e = el(tag);
        if tag == "th" {
            e.attr("scope", "col").text(s)
        } else {
            e.text(s)
        }
    };
    // The wrapper is what hides: a table grows to its content whatever its width.
    el("div").class("sr-only").child(
        el("table")
            .child(el("caption").text(caption))
            .child(
                el("thead")
                    .child(el("tr").children(headers.iter().map(|h| cell("th", h.as_ref())))),
            )
            .child(
                el("tbody").children(
                    rows.iter()
                        .map(|r| el("tr").children(r.iter().map(|c| cell("td", c.as_ref())))),
                ),
            ),
    )
}

/// A list widget's search box (table, tasks): its label and the query typed so far; the
/// hosts route its `input` events as the `search` action.
pub fn search_field(label: &str, query: &str) -> El {
    el("label")
        .class("field search")
        .child(el("span").class("field-label").text(label))
        .child(
            el("input")
                .attr("value", query)
                .attr("type", "search")
                .attr("autocomplete", "off")
                .attr("spellcheck", "false")
                .attr("data-act", "search"),
        )
}

/// A list widget's own CSV download button (`data-act="csv"`, which the hosts turn into a
/// download of the rows shown).
pub fn csv_button(label: &str) -> El {
    el("button")
        .attr("type", "button")
        .attr("data-act", "csv")
        .class("csv")
        .child(
            el("span")
                .attr("aria-hidden", "true")
                .class("icon")
                .text("⤓"),
        )
        .text(" ")
        .text(label)
}

/// The first error of an indicator or task set aside, with its place in the file (the host
/// wrote it so, see `chitieu_core::load::Quarantined::localize`), and how many more
/// there are: the reason its table row or task card gives.
pub fn invalid_reason(q: &chitieu_core::load::Quarantined, lang: Lang) -> String {
    let errors: Vec<_> = q.diagnostics.iter().filter(|d| d.is_error()).collect();
    match errors.first() {
        None => crate::i18n::invalid_data(lang).to_string(),
        Some(d) if errors.len() > 1 => format!(
            "{} {}",
            d.message,
            crate::i18n::more_findings(lang, errors.len() - 1)
        ),
        Some(d) => d.message.clone(),
    }
}

/// The status of a row whose data is invalid: an icon and words, never colour alone.
pub fn invalid_chip(lang: Lang) -> El {
    el("span")
        .class("chip status-invalid")
        .child(warning_icon())
        .text(" ")
        .text(crate::i18n::invalid_data(lang))
}

/// The warning sign before words that say what is wrong or old; the words carry it for
/// screen readers.
pub fn warning_icon() -> El {
    el("span")
        .attr("aria-hidden", "true")
        .class("icon")
        .text("⚠")
}

/// "⚠ Số liệu cũ: kỳ 2021", the line under a chart whose data is stale.
pub fn stale_line(note: String) -> El {
    el("p")
        .class("stale")
        .child(warning_icon())
        .text(" ")
        .text(note)
}

/// The note a chart points to with `aria-describedby` (element `id`): the target in the
/// plan's own words and where it comes from (gauge and bullet).
pub fn source_tip(id: String, target_text: Option<String>, source: Option<String>) -> El {
    el("div")
        .attr("id", id)
        .attr("role", "note")
        .class("source-tip")
        .child_opt(target_text.map(|t| el("p").class("quote").text(format!("“{t}”"))))
        .child_opt(source.map(|s| el("p").text(s)))
}

/// Attainment as a percentage: 0.8177 → "81,8%".
pub fn attainment_text(lang: Lang, attainment: f64) -> String {
    format!("{}%", format_number(attainment * 100.0, 1, lang))
}

/// An indicator's figures in words, computed once for a chart, its `aria-label` and its
/// hidden table (gauge and bullet).
pub struct Facts {
    pub name: String,
    pub level: Option<&'static str>,
    pub value_text: Option<String>,
    pub value_words: String,
    pub period: Option<String>,
    pub target_phrase: Option<String>,
    pub deadline: Option<String>,
    pub target_line: Option<String>,
    pub status_text: &'static str,
    pub expected: Option<String>,
    pub attainment: Option<String>,
    pub stale: Option<String>,
    /// "Nguồn: <document>, <section>", when the indicator names its source.
    pub source: Option<String>,
    /// The current target in the plan's own words.
    pub target_text: Option<String>,
}

impl Facts {
    pub fn new(ctx: &Ctx, ind: &Indicator, score: &IndicatorScore) -> Facts {
        let lang = ctx.lang;
        let unit = &ind.unit;
        let value_text = score.latest.map(|l| format_value(l.value, unit, lang));
        let target_phrase = score
            .current_target
            .as_ref()
            .map(|t| i18n::target_phrase(lang, t, unit));
        let deadline = score
            .current_target
            .as_ref()
            .and_then(|t| t.deadline)
            .map(|d| i18n::period_label(lang, d));
        let target_line = target_phrase.as_ref().map(|t| match &deadline {
            Some(d) => format!("{}: {t} · {d}", msg(lang, Msg::Target)),
            None => format!("{}: {t}", msg(lang, Msg::Target)),
        });
        Facts {
            name: ind.name.get(lang.tag()).to_string(),
            level: ind.level.map(|l| i18n::level_label(lang, l)),
            value_words: value_text
                .clone()
                .unwrap_or_else(|| msg(lang, Msg::NoData).to_string()),
            value_text,
            period: score.latest.map(|l| i18n::period_label(lang, l.period)),
            target_phrase,
            deadline,
            target_line,
            status_text: i18n::status_label(lang, score.status),
            expected: score.expected_now.map(|e| format_value(e, unit, lang)),
            attainment: score.attainment.map(|a| attainment_text(lang, a)),
            stale: score
                .latest
                .filter(|l| ctx.is_stale(l.period))
                .map(|l| stale_note(lang, l.period)),
            source: ind.source.as_ref().map(|s| {
                let parts: Vec<&str> = [s.document.as_deref(), s.section.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                format!("{}: {}", msg(lang, Msg::Source), parts.join(", "))
            }),
            target_text: ind
                .targets
                .iter()
                .find(|t| Some(*t) == score.current_target.as_ref())
                .and_then(|t| t.text.clone()),
        }
    }

    /// The sentence a screen reader hears for the chart: indicator, value, target,
    /// deadline, status.
    pub fn label(&self, lang: Lang) -> String {
        let mut label = self.name.clone();
        if let Some(l) = self.level {
            label.push_str(&format!(" ({})", i18n::lower(l)));
        }
        label.push_str(&format!(": {}", self.value_words));
        if let Some(p) = &self.period {
            label.push_str(&format!(" ({p})"));
        }
        if let Some(t) = &self.target_line {
            label.push_str(&format!(". {t}"));
        }
        label.push_str(&format!(
            ". {}: {}.",
            msg(lang, Msg::Status),
            self.status_text
        ));
        if let Some(a) = &self.attainment {
            label.push_str(&format!(" {}: {a}.", msg(lang, Msg::Attainment)));
        }
        if let Some(e) = &self.expected {
            label.push_str(&format!(" {}: {e}.", msg(lang, Msg::ExpectedNow)));
        }
        label
    }
}

/// "Số liệu cũ: kỳ 2021" — shown when the latest observation is stale.
pub fn stale_note(lang: Lang, period: Period) -> String {
    format!(
        "{} {}",
        msg(lang, Msg::Stale),
        i18n::period_label(lang, period)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_differences() {
        let d = |y, m, dd| Date {
            year: y,
            month: m,
            day: dd,
        };
        assert_eq!(days_between(d(2023, 12, 31), d(2024, 1, 15)), 15);
        assert_eq!(days_between(d(2024, 2, 28), d(2024, 3, 1)), 2);
        assert_eq!(d(1970, 1, 1).day_number(), 0);
    }

    #[test]
    fn statuses_and_levels_from_attributes() {
        assert_eq!(parse_status("on-track"), Some(Status::OnTrack));
        assert_eq!(
            parse_status("needs_acceleration"),
            Some(Status::NeedsAcceleration)
        );
        assert_eq!(parse_status("nope"), None);
        assert_eq!(parse_level("Xã"), Some(Level::Commune));
    }
}
