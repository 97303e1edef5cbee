//! # chitieu-widgets
//!
//! Yew components that show chitieu datasets: gauge, bullet, target table, scorecard and
//! trend. Each takes core types as props (a [`Ctx`] plus its own options, read from strings
//! in [`spec`](mod@spec)), renders SVG and
//! HTML with classes only — no inline `style` attributes, so a strict Content-Security-Policy
//! needs no `'unsafe-inline'` — and is styled by the stylesheet from [`stylesheet`], whose
//! `--chitieu-*` custom properties are the theming API.
//!
//! The same components render in the browser (feature `csr`, used by chitieu-embed) and
//! to an HTML string natively (feature `ssr`), for no-JavaScript fallbacks.

use std::rc::Rc;

use chitieu_core::{Dataset, Date, Lang};
use markup::{el, Node};

pub mod bullet;
pub mod common;
#[cfg(feature = "yew")]
pub mod components;
pub mod gauge;
pub mod geom;
pub mod i18n;
pub mod markup;
pub mod scorecard;
pub mod spec;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod ssr;
pub mod table;
pub mod trend;

pub use bullet::{Bullet, BulletProps};
pub use common::{Ctx, Filter};
pub use gauge::{GaugeProps, GaugeVariant};
pub use scorecard::{Scorecard, ScorecardProps};
pub use spec::{spec, Options, Spec};
pub use table::{TargetTable, TargetTableProps};
pub use trend::{TrendProps, TrendState};

/// A shared, immutable dataset. Compared by identity, so re-rendering with the same
/// dataset costs nothing however large it is.
#[derive(Clone, Debug)]
pub struct Data(pub Rc<Dataset>);

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl From<Dataset> for Data {
    fn from(d: Dataset) -> Self {
        Data(Rc::new(d))
    }
}

/// The colour theme; `Auto` follows `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    HighContrast,
    Auto,
}

impl Theme {
    pub fn parse(s: &str) -> Theme {
        match s.trim() {
            "dark" => Theme::Dark,
            "high-contrast" => Theme::HighContrast,
            "auto" => Theme::Auto,
            _ => Theme::Light,
        }
    }
    pub fn class(self) -> &'static str {
        match self {
            Theme::Light => "theme-light",
            Theme::Dark => "theme-dark",
            Theme::HighContrast => "theme-high-contrast",
            Theme::Auto => "theme-auto",
        }
    }
}

/// The evaluation date: the one given, else the dataset's `as_of`, else the end of the
/// latest observed period (so a dataset without dates still scores the same everywhere).
pub fn resolve_as_of(given: Option<Date>, ds: &Dataset) -> Date {
    given.or(ds.as_of).unwrap_or_else(|| {
        ds.indicators
            .iter()
            .flat_map(|i| i.observations.iter().map(|o| o.period))
            .max()
            .map(|p| p.last_day())
            .unwrap_or(Date {
                year: 1970,
                month: 1,
                day: 1,
            })
    })
}

/// The stylesheet a widget's shadow root adopts: shared base rules and the widget's own.
pub fn stylesheet(widget: &str) -> String {
    let own = match widget {
        "gauge" => include_str!("../styles/gauge.css"),
        "scorecard" => include_str!("../styles/scorecard.css"),
        "trend" => include_str!("../styles/trend.css"),
        "bullet" => include_str!("../styles/bullet.css"),
        // The table embeds compact bullets, so it carries their rules too.
        "table" => concat!(
            include_str!("../styles/bullet.css"),
            "\n",
            include_str!("../styles/table.css")
        ),
        _ => "",
    };
    format!("{}\n{own}", include_str!("../styles/base.css"))
}

/// A failure shown in words inside the widget's box, announced to screen readers.
pub fn error_box(message: &str, lang: Lang, theme: Theme) -> Node {
    el("div")
        .attr("role", "alert")
        .attr("lang", lang.tag())
        .class(format!("chitieu error {}", theme.class()))
        .child(
            el("span")
                .attr("aria-hidden", "true")
                .class("icon")
                .text("⚠"),
        )
        .text(" ")
        .text(message)
        .into()
}

/// Yew wrappers over markup functions, for widgets whose views are still yew components.
pub mod legacy {
    use chitieu_core::score::Status;
    use chitieu_core::Lang;
    use yew::prelude::*;

    use crate::markup::to_yew;
    use crate::Theme;

    #[derive(Properties, Clone, PartialEq)]
    pub struct ChipProps {
        pub status: Status,
        pub lang: Lang,
    }

    #[function_component(StatusChip)]
    pub fn status_chip(p: &ChipProps) -> Html {
        to_yew(&crate::common::status_chip(p.status, p.lang).into())
    }

    #[derive(Properties, Clone, PartialEq)]
    pub struct SrTableProps {
        pub caption: AttrValue,
        pub headers: Vec<AttrValue>,
        pub rows: Vec<Vec<AttrValue>>,
    }

    #[function_component(SrTable)]
    pub fn sr_table(p: &SrTableProps) -> Html {
        to_yew(&crate::common::sr_table(p.caption.to_string(), &p.headers, &p.rows).into())
    }

    #[derive(Properties, Clone, PartialEq)]
    pub struct ErrorProps {
        pub message: AttrValue,
        #[prop_or_default]
        pub lang: Lang,
        #[prop_or_default]
        pub theme: Theme,
    }

    #[function_component(ErrorBox)]
    pub fn error_box(p: &ErrorProps) -> Html {
        to_yew(&crate::error_box(&p.message, p.lang, p.theme))
    }
}
