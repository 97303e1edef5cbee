//! Which widget to show, with what options: read once from attribute-like strings, so the
//! browser (chitieu-embed) and static rendering (`chitieu render`) accept the same
//! options and reject bad ones with the same words.

use chitieu_core::Lang;

use crate::bullet::BulletProps;
use crate::common::{parse_level, parse_status, Ctx, Filter};
use crate::gauge::{GaugeProps, GaugeVariant};
use crate::i18n::{bad_attribute, bad_share_attribute};
use crate::scorecard::ScorecardProps;
use crate::table::TargetTableProps;
use crate::tasks::{GroupBy, Tasks, TasksProps, TasksState};
use crate::trend::TrendProps;

/// Options as strings, the way an element's attributes or command-line flags give them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub indicator: Option<String>,
    pub pillar: Option<String>,
    pub level: Option<String>,
    pub status: Option<String>,
    pub variant: Option<String>,
    /// The scorecard's minimum coverage (`min-coverage`): a fraction or a percentage.
    pub min_coverage: Option<String>,
    /// The task list's grouping (`group-by`): `group`, `lead` or `due`.
    pub group_by: Option<String>,
    /// Days ahead a task's deadline counts as due soon (`due-soon-days`).
    pub due_soon_days: Option<String>,
}

/// A widget, ready to render.
#[derive(Clone, PartialEq)]
pub enum Spec {
    Gauge(GaugeProps),
    Scorecard(ScorecardProps),
    Trend(TrendProps),
    Bullet(BulletProps),
    Table(TargetTableProps),
    Tasks(TasksProps),
}

/// The widget names, as in `<chitieu-NAME>`.
pub const WIDGETS: &[&str] = &["gauge", "bullet", "table", "scorecard", "trend", "tasks"];

/// Which indicators a widget shows.
type Keep<'a> = Box<dyn Fn(&chitieu_core::Indicator) -> bool + 'a>;

impl Spec {
    /// The part of the dataset this widget shows, as a dataset of its own: its indicator
    /// (gauge, bullet, trend) or the indicators its filter admits (table, scorecard), with
    /// the plan and the pillars they use. Exported as `chitieu/1` CSV, it is the widget's
    /// data in the same form a portal team keeps.
    pub fn data_shown(&self) -> chitieu_core::Dataset {
        let (ctx, keep): (&Ctx, Keep) = match self {
            Spec::Gauge(p) => (&p.ctx, Box::new(move |i| i.id == p.indicator.as_str())),
            Spec::Bullet(p) => (&p.ctx, Box::new(move |i| i.id == p.indicator.as_str())),
            Spec::Trend(p) => (&p.ctx, Box::new(move |i| i.id == p.indicator.as_str())),
            Spec::Scorecard(p) => (
                &p.ctx,
                Box::new(move |i| p.filter.admits(i, p.ctx.score(i).status)),
            ),
            Spec::Table(p) => (
                &p.ctx,
                Box::new(move |i| p.filter.admits(i, p.ctx.score(i).status)),
            ),
            Spec::Tasks(p) => return Tasks::new(p).data_shown(&TasksState::default()),
        };
        narrowed(ctx, &keep)
    }
}

/// `ctx`'s dataset narrowed to the indicators `keep` admits, with the plan, the evaluation
/// date and the pillars they use. (`dyn`: one copy in the wasm for both callers.)
pub fn narrowed(
    ctx: &Ctx,
    keep: &dyn Fn(&chitieu_core::Indicator) -> bool,
) -> chitieu_core::Dataset {
    let ds = &ctx.data.0;
    let indicators: Vec<chitieu_core::Indicator> =
        ds.indicators.iter().filter(|i| keep(i)).cloned().collect();
    let pillars = ds
        .pillars
        .iter()
        .filter(|p| {
            indicators
                .iter()
                .any(|i| i.pillar.as_deref() == Some(p.id.as_str()))
        })
        .cloned()
        .collect();
    chitieu_core::Dataset {
        schema: ds.schema.clone(),
        plan: ds.plan.clone(),
        as_of: Some(ctx.as_of()),
        pillars,
        indicators,
        quarantined: Vec::new(),
        tasks: Vec::new(),
        quarantined_tasks: Vec::new(),
    }
}

/// A present, non-blank option.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Options {
    fn indicator(&self, lang: Lang) -> Result<String, String> {
        given(&self.indicator)
            .map(str::to_string)
            .ok_or_else(|| match lang {
                Lang::Vi => {
                    "Thiếu thuộc tính 'indicator': hãy ghi mã chỉ tiêu cần hiển thị".to_string()
                }
                Lang::En => "Missing attribute 'indicator': give the id of the indicator to show"
                    .to_string(),
            })
    }

    /// The list filter; an unknown level or status is an error naming the allowed values.
    pub fn filter(&self, lang: Lang) -> Result<Filter, String> {
        let level = match given(&self.level) {
            None => None,
            Some(s) => Some(parse_level(s).ok_or_else(|| {
                bad_attribute(lang, "level", s, &["province", "district", "commune"])
            })?),
        };
        let status = match given(&self.status) {
            None => None,
            Some(s) => Some(parse_status(s).ok_or_else(|| {
                // Attributes are written in kebab case (`on-track`); snake case works too.
                let names: Vec<String> = chitieu_core::score::Status::ALL
                    .iter()
                    .map(|st| st.as_str().replace('_', "-"))
                    .collect();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                bad_attribute(lang, "status", s, &names)
            })?),
        };
        Ok(Filter {
            pillar: given(&self.pillar).map(str::to_string),
            level,
            status,
        })
    }
}

/// Builds the spec for `widget`, or a message for people saying what is wrong.
pub fn spec(widget: &str, ctx: Ctx, o: &Options) -> Result<Spec, String> {
    let lang = ctx.lang;
    match widget {
        "gauge" => Ok(Spec::Gauge(GaugeProps {
            indicator: o.indicator(lang)?,
            variant: GaugeVariant::parse(given(&o.variant).unwrap_or("")),
            ctx,
        })),
        "scorecard" => {
            let mut ctx = ctx;
            if let Some(s) = given(&o.min_coverage) {
                ctx.config.min_coverage = chitieu_core::score::parse_share(s)
                    .ok_or_else(|| bad_share_attribute(lang, "min-coverage", s))?;
            }
            Ok(Spec::Scorecard(ScorecardProps {
                filter: o.filter(lang)?,
                ctx,
            }))
        }
        "bullet" => Ok(Spec::Bullet(BulletProps {
            indicator: o.indicator(lang)?,
            compact: given(&o.variant) == Some("compact"),
            ctx,
        })),
        "table" => Ok(Spec::Table(TargetTableProps {
            filter: o.filter(lang)?,
            page_size: Some(crate::table::PAGE_SIZE),
            ctx,
        })),
        "trend" => Ok(Spec::Trend(TrendProps {
            indicator: o.indicator(lang)?,
            ctx,
        })),
        "tasks" => {
            let group_by = given(&o.group_by).unwrap_or("group");
            let group_by = GroupBy::parse(group_by).ok_or_else(|| {
                bad_attribute(lang, "group-by", group_by, &["group", "lead", "due"])
            })?;
            let window_days = match given(&o.due_soon_days) {
                None => chitieu_core::tasks::DEFAULT_WINDOW_DAYS,
                Some(n) => n
                    .parse::<u32>()
                    .map_err(|_| crate::i18n::bad_days_attribute(lang, "due-soon-days", n))?,
            };
            let summary = match given(&o.variant) {
                None | Some("list") => false,
                Some("summary") => true,
                Some(v) => return Err(bad_attribute(lang, "variant", v, &["list", "summary"])),
            };
            Ok(Spec::Tasks(TasksProps {
                ctx,
                group_by,
                summary,
                window_days,
            }))
        }
        other => Err(match lang {
            Lang::Vi => format!(
                "Không có loại biểu đồ '{other}'; dùng một trong: {}",
                WIDGETS.join(", ")
            ),
            Lang::En => format!(
                "There is no widget '{other}'; use one of: {}",
                WIDGETS.join(", ")
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Data;

    fn ctx() -> Ctx {
        Ctx::new(Data::from(chitieu_core::Dataset {
            quarantined: Vec::new(),
            tasks: Vec::new(),
            quarantined_tasks: Vec::new(),
            schema: chitieu_core::SCHEMA.into(),
            plan: Default::default(),
            as_of: None,
            pillars: vec![],
            indicators: vec![],
        }))
    }

    #[test]
    fn unknown_widgets_and_values_are_named() {
        let e = spec("pie", ctx(), &Options::default())
            .err()
            .unwrap_or_default();
        assert!(e.contains("'pie'") && e.contains("gauge"), "{e}");
        let o = Options {
            level: Some("country".into()),
            ..Options::default()
        };
        let e = o.filter(Lang::En).err().unwrap_or_default();
        assert!(e.contains("'country'") && e.contains("province"), "{e}");
        let e = spec("gauge", ctx(), &Options::default())
            .err()
            .unwrap_or_default();
        assert!(e.contains("indicator"), "{e}");
    }

    #[test]
    fn the_scorecard_reads_its_minimum_coverage() {
        let with = |v: &str| Options {
            min_coverage: Some(v.into()),
            ..Options::default()
        };
        let min = |o: &Options| match spec("scorecard", ctx(), o) {
            Ok(Spec::Scorecard(p)) => Ok(p.ctx.config.min_coverage),
            Ok(_) => Err("another widget".to_string()),
            Err(e) => Err(e),
        };
        assert_eq!(
            min(&Options::default()),
            Ok(1.0 / 3.0),
            "one third by default"
        );
        assert_eq!(min(&with("0.5")), Ok(0.5));
        assert_eq!(min(&with("25%")), Ok(0.25));
        assert_eq!(min(&with("0")), Ok(0.0));
        let e = min(&with("2")).err().unwrap_or_default();
        assert!(
            e.contains("'min-coverage'") && e.contains("'2'") && e.contains("50%"),
            "{e}"
        );
    }
}
