//! One view, several hosts: every widget over every seed dataset, in both languages and
//! every variant, renders the same markup through the string path (what the script-tag
//! bundle and `chitieu render` use) and through the yew component library (yew's server
//! renderer over the same markup function).

use chitieu_core::load::load_json;
use chitieu_core::Lang;
use chitieu_widgets::components::{Bullet, Gauge, Scorecard, TargetTable, TaskList, Trend};
use chitieu_widgets::{
    BulletProps, Ctx, Data, Filter, GaugeProps, GaugeVariant, GroupBy, ScorecardProps,
    TargetTableProps, TasksProps, Theme, TrendProps,
};
use yew::{BaseComponent, LocalServerRenderer};

const SEEDS: [(&str, &str); 5] = [
    (
        "quang-nam-2024",
        include_str!("../../../seeds/quang-nam-2024.json"),
    ),
    (
        "quang-nam-2025-2030",
        include_str!("../../../seeds/quang-nam-2025-2030.json"),
    ),
    (
        "nghe-an-2024",
        include_str!("../../../seeds/nghe-an-2024.json"),
    ),
    (
        "quang-tri-dti",
        include_str!("../../../seeds/quang-tri-dti.json"),
    ),
    (
        "quang-nam-2024-tasks-illustrative",
        include_str!("../../../seeds/examples/quang-nam-2024-tasks-illustrative.json"),
    ),
];

/// Renders `props` with yew's server renderer.
fn yew_markup<C>(rt: &tokio::runtime::Runtime, props: C::Properties) -> String
where
    C: BaseComponent,
{
    let local = tokio::task::LocalSet::new();
    local.block_on(rt, async move {
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render()
            .await
    })
}

fn same(what: &str, string_path: String, yew_path: String) {
    assert!(
        string_path == yew_path,
        "{what}: the string and yew hosts differ\n--- string\n{string_path}\n--- yew\n{yew_path}"
    );
}

#[test]
fn string_and_yew_hosts_render_identical_markup() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let mut renders = 0;
    for (name, json) in SEEDS {
        let ds = Data::from(load_json(json).expect("seed loads").dataset);
        for (lang, theme) in [(Lang::Vi, Theme::Light), (Lang::En, Theme::Dark)] {
            let mut ctx = Ctx::new(ds.clone());
            ctx.lang = lang;
            ctx.theme = theme;
            // Picking rows and points changes the markup (data-select): check both.
            for selectable in [false, true] {
                ctx.selectable = selectable;
                let at = |w: &str, id: &str| format!("{name} {lang:?} {w} {id} {selectable}");
                for ind in &ds.0.indicators {
                    let id = ind.id.clone();
                    for variant in [GaugeVariant::Semicircle, GaugeVariant::Ring] {
                        let p = GaugeProps {
                            ctx: ctx.clone(),
                            indicator: id.clone(),
                            variant,
                        };
                        same(
                            &at("gauge", &id),
                            chitieu_widgets::gauge::render(&p).to_html(),
                            yew_markup::<Gauge>(&rt, p),
                        );
                    }
                    for compact in [false, true] {
                        let p = BulletProps {
                            ctx: ctx.clone(),
                            indicator: id.clone(),
                            compact,
                        };
                        same(
                            &at("bullet", &id),
                            chitieu_widgets::bullet::render(&p).to_html(),
                            yew_markup::<Bullet>(&rt, p),
                        );
                    }
                    let p = TrendProps {
                        ctx: ctx.clone(),
                        indicator: id.clone(),
                    };
                    same(
                        &at("trend", &id),
                        chitieu_widgets::trend::render(&p).to_html(),
                        yew_markup::<Trend>(&rt, p),
                    );
                    renders += 5;
                }
                let pillars: Vec<Option<String>> = std::iter::once(None)
                    .chain(ds.0.pillars.iter().map(|p| Some(p.id.clone())))
                    .collect();
                for pillar in pillars {
                    let filter = Filter {
                        pillar,
                        ..Filter::default()
                    };
                    let p = ScorecardProps {
                        ctx: ctx.clone(),
                        filter: filter.clone(),
                    };
                    same(
                        &at("scorecard", ""),
                        chitieu_widgets::scorecard::render(&p).to_html(),
                        yew_markup::<Scorecard>(&rt, p),
                    );
                    let p = TargetTableProps {
                        ctx: ctx.clone(),
                        filter,
                        page_size: Some(chitieu_widgets::table::PAGE_SIZE),
                    };
                    same(
                        &at("table", ""),
                        chitieu_widgets::table::render(&p).to_html(),
                        yew_markup::<TargetTable>(&rt, p),
                    );
                    renders += 2;
                }
                for group_by in [GroupBy::Group, GroupBy::Lead, GroupBy::Due] {
                    for summary in [false, true] {
                        let p = TasksProps {
                            ctx: ctx.clone(),
                            group_by,
                            summary,
                            window_days: chitieu_core::tasks::DEFAULT_WINDOW_DAYS,
                        };
                        same(
                            &at("tasks", &format!("{group_by:?} {summary}")),
                            chitieu_widgets::tasks::render(&p).to_html(),
                            yew_markup::<TaskList>(&rt, p),
                        );
                        renders += 1;
                    }
                }
            }
        }
    }
    // Every seed, both languages, both selection modes: a few thousand renders.
    assert!(renders > 1000, "only {renders} renders compared");
}
