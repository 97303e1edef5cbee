//! # chitieu-widgets
//!
//! The widgets that show chitieu datasets — gauge, bullet, target table, scorecard,
//! trend and the task list — written once, as views: pure functions from (dataset, scores, options, UI
//! state) to markup ([`markup::Node`]). The interactive widgets keep their UI state in a
//! pure state machine advanced by named actions ([`table::Table::act`],
//! [`trend::act`]). Every host renders the same views:
//!
//! - the script-tag bundle (chitieu-embed) turns the markup into DOM in a shadow root and
//!   routes the markup's events back as actions, without a virtual-DOM runtime;
//! - [`ssr`] writes it as HTML for `chitieu render` (pages without JavaScript, print);
//! - [`components`] (feature `yew`, on by default) is the yew component library, for
//!   Rust and yew applications.
//!
//! Markup has classes and SVG attributes only — no inline `style`, so a strict
//! Content-Security-Policy needs no `'unsafe-inline'` — and is styled by the stylesheet
//! from [`stylesheet`], whose `--chitieu-*` custom properties are the theming API. Widget
//! options are read from strings in [`spec`](mod@spec).

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
pub mod ssr;
pub mod table;
pub mod tasks;
pub mod trend;

pub use bullet::BulletProps;
pub use common::{Ctx, Filter};
pub use gauge::{GaugeProps, GaugeVariant};
pub use scorecard::ScorecardProps;
pub use spec::{spec, Options, Spec};
pub use table::{Table, TableState, TargetTableProps};
pub use tasks::{GroupBy, Tasks, TasksProps, TasksState};
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

/// The stylesheet a widget's shadow root adopts: shared base rules and the widget's own,
/// minified at build time (`build.rs`) from `styles/`.
pub fn stylesheet(widget: &str) -> String {
    macro_rules! sheet {
        ($name:literal) => {
            include_str!(concat!(env!("OUT_DIR"), "/", $name, ".css"))
        };
    }
    let (first, own) = match widget {
        "gauge" => ("", sheet!("gauge")),
        "scorecard" => ("", sheet!("scorecard")),
        "trend" => ("", sheet!("trend")),
        "bullet" => ("", sheet!("bullet")),
        "tasks" => ("", sheet!("tasks")),
        // The table embeds compact bullets, so it carries their rules too (joined here, not
        // by `concat!`, which would put a second copy of them in the wasm).
        "table" => (sheet!("bullet"), sheet!("table")),
        _ => ("", ""),
    };
    format!("{}{first}{own}", sheet!("base"))
}

/// A failure shown in words inside the widget's box, announced to screen readers.
pub fn error_box(message: &str, lang: Lang, theme: Theme) -> Node {
    alert(message, lang, theme).into()
}

/// The root of every box that says what is wrong instead of showing figures: the one
/// element with `role="alert"` (see [`is_error_box`]), its icon and first line.
fn alert(first_line: &str, lang: Lang, theme: Theme) -> markup::El {
    el("div")
        .attr("role", "alert")
        .attr("lang", lang.tag())
        .class(format!("chitieu error {}", theme.class()))
        .child(common::warning_icon())
        .text(" ")
        .text(first_line)
}

/// Findings listed in a widget for an indicator set aside; the rest are counted, and
/// `chitieu validate` lists them all.
const MAX_SHOWN: usize = 5;

/// The box a widget shows for an indicator set aside because its data is invalid: which
/// indicator, and each finding with where it is in the file (line, column, field). The
/// words are the host's (see `chitieu_core::load::Quarantined::localize`): the widgets'
/// wasm carries no message catalogue.
pub fn quarantine_box(q: &chitieu_core::load::Quarantined, lang: Lang, theme: Theme) -> Node {
    let errors: Vec<_> = q.diagnostics.iter().filter(|d| d.is_error()).collect();
    let items = errors
        .iter()
        .take(MAX_SHOWN)
        .map(|d| el("li").text(d.message.clone()));
    let more = (errors.len() > MAX_SHOWN)
        .then(|| el("li").text(i18n::more_findings(lang, errors.len() - MAX_SHOWN)));
    alert(&i18n::indicator_quarantined(lang, &q.label()), lang, theme)
        .child(el("ul").class("findings").children(items).child_opt(more))
        .into()
}

/// Whether `n` is the box of [`error_box`] (the only widget root with `role="alert"`),
/// i.e. the widget shows a failure instead of its figures.
pub fn is_error_box(n: &Node) -> bool {
    n.as_el().and_then(|e| e.get("role")) == Some("alert")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_box_is_told_from_a_widget() {
        assert!(is_error_box(&error_box("x", Lang::Vi, Theme::Light)));
        let figure: Node = el("figure").attr("role", "group").into();
        assert!(!is_error_box(&figure));
        assert!(!is_error_box(&markup::text("x")));
    }
}
