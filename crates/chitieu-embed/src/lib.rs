//! # chitieu-embed
//!
//! The WebAssembly entry point a web page loads. It exports a handful of functions to
//! the JavaScript loader (`js/loader.js`, bundled with the wasm-bindgen glue into
//! `chitieu.js` by `cargo xtask build`): parse a dataset once, mount a widget into a
//! shadow root (its handle also gives the data it shows as CSV), hand out a widget's
//! stylesheet. With the `api` feature (module `api`) it also scores, parses and validates, for
//! `chitieu.score/parseTargets/validate` and the npm package. The custom elements themselves live in
//! the loader, so the page can define them and defer fetching the wasm until a widget
//! comes near the viewport.
//!
//! Nothing here may panic on user data: the bundle is built with `panic = "abort"`, and
//! a trap would take every widget on the page down with it. Every failure is returned
//! as a `JsError` with a message meant for people, or rendered inside the widget.

#[cfg(feature = "api")]
pub mod api;

use chitieu_core::load;
use chitieu_core::{Date, Lang};
use chitieu_widgets::{
    components::{Bullet, Gauge, Scorecard},
    i18n,
    legacy::{ErrorBox, ErrorProps},
    Ctx, Data, Options, Spec, TargetTable, Theme, Trend,
};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, Renderer};

/// A parsed dataset, shared by every widget that shows it.
#[wasm_bindgen]
pub struct DatasetHandle {
    data: Data,
}

#[wasm_bindgen]
impl DatasetHandle {
    /// The dataset's own evaluation date, if it has one.
    #[wasm_bindgen(getter, js_name = asOf)]
    pub fn as_of(&self) -> Option<String> {
        self.data.0.as_of.map(|d| d.to_string())
    }
}

/// Parses and validates a dataset from JSON or CSV text (by `name`'s extension, else by
/// sniffing). `name` (a URL or file name) leads every message, so a page with several
/// datasets says which one is wrong, and where.
#[wasm_bindgen(js_name = loadDataset)]
pub fn load_dataset(text: &str, name: Option<String>) -> Result<DatasetHandle, JsError> {
    let loaded = load::load_auto(text, name.as_deref()).map_err(|e| {
        JsError::new(&match &name {
            Some(n) => format!("{n}: {e}"),
            None => e.to_string(),
        })
    })?;
    Ok(DatasetHandle {
        data: loaded.dataset.into(),
    })
}

/// Options from the element's attributes, as the loader passes them.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct MountOptions {
    indicator: Option<String>,
    pillar: Option<String>,
    level: Option<String>,
    status: Option<String>,
    lang: Option<String>,
    theme: Option<String>,
    variant: Option<String>,
    as_of: Option<String>,
    /// Days after a period's end when its data counts as stale; "never" turns it off.
    stale_after: Option<String>,
    /// The browser's local date, used when neither the element nor the dataset gives one.
    today: Option<String>,
}

enum App {
    Gauge(AppHandle<Gauge>),
    Scorecard(AppHandle<Scorecard>),
    Trend(AppHandle<Trend>),
    Bullet(AppHandle<Bullet>),
    Table(AppHandle<TargetTable>),
    Error(AppHandle<ErrorBox>),
}

/// A mounted widget; `destroy()` unmounts it, `csv()` gives the data it shows.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<App>,
    spec: Option<Spec>,
}

#[wasm_bindgen]
impl WidgetHandle {
    pub fn destroy(&mut self) {
        match self.app.take() {
            Some(App::Gauge(a)) => a.destroy(),
            Some(App::Scorecard(a)) => a.destroy(),
            Some(App::Trend(a)) => a.destroy(),
            Some(App::Bullet(a)) => a.destroy(),
            Some(App::Table(a)) => a.destroy(),
            Some(App::Error(a)) => a.destroy(),
            None => {}
        }
    }

    /// The data the widget shows, as `chitieu/1` CSV (UTF-8 with BOM, for spreadsheets);
    /// empty for a widget that shows an error.
    pub fn csv(&self) -> String {
        self.spec
            .as_ref()
            .map(|s| load::to_csv(&s.data_shown()))
            .unwrap_or_default()
    }
}

/// An attribute value that is present and not blank.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Builds the widget context, or the message for an attribute that cannot be used.
fn context(data: &DatasetHandle, o: &MountOptions, lang: Lang) -> Result<Ctx, String> {
    let mut ctx = Ctx::new(data.data.clone());
    ctx.lang = lang;
    ctx.theme = Theme::parse(given(&o.theme).unwrap_or("light"));
    ctx.as_of = match (given(&o.as_of), data.data.0.as_of, given(&o.today)) {
        (Some(s), _, _) => Some(
            s.parse::<Date>()
                .map_err(|_| i18n::bad_date_attribute(lang, "as-of", s))?,
        ),
        (None, Some(d), _) => Some(d),
        (None, None, Some(t)) => t.parse::<Date>().ok(),
        (None, None, None) => None,
    };
    if let Some(s) = given(&o.stale_after) {
        ctx.stale_after_days = match s {
            "never" | "off" => None,
            n => Some(
                n.parse::<u32>()
                    .map_err(|_| i18n::bad_days_attribute(lang, "stale-after", n))?,
            ),
        };
    }
    Ok(ctx)
}

/// `chitieu:select` from `root`: it bubbles out of the shadow root (composed), so the page
/// hears it on the widget's element, with `detail = { widget, indicator, period }`.
fn select_event(root: Element, widget: &str) -> yew::Callback<chitieu_widgets::common::Selected> {
    let widget = widget.to_string();
    yew::Callback::from(move |s: chitieu_widgets::common::Selected| {
        let detail = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(k), &v);
        };
        set("widget", JsValue::from_str(&widget));
        set("indicator", JsValue::from_str(&s.indicator));
        set(
            "period",
            s.period
                .map(|p| JsValue::from_str(&p.to_string()))
                .unwrap_or(JsValue::NULL),
        );
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("chitieu:select", &init) {
            let _ = root.dispatch_event(&ev);
        }
    })
}

/// Mounts `widget` into `root` (an element inside the custom element's shadow root).
/// Problems with the options are shown inside the widget, in words, not thrown.
#[wasm_bindgen]
pub fn mount(
    root: Element,
    widget: &str,
    data: &DatasetHandle,
    options: JsValue,
) -> Result<WidgetHandle, JsError> {
    let opts: MountOptions = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&e.to_string()))?
    };
    let lang = Lang::from_tag(given(&opts.lang).unwrap_or("vi"));
    let theme = Theme::parse(given(&opts.theme).unwrap_or("light"));
    let error = |message: String| WidgetHandle {
        spec: None,
        app: Some(App::Error(
            yew::Renderer::<ErrorBox>::with_root_and_props(
                root.clone(),
                ErrorProps {
                    message: message.into(),
                    lang,
                    theme,
                },
            )
            .render(),
        )),
    };
    let mut ctx = match context(data, &opts, lang) {
        Ok(c) => c,
        Err(e) => return Ok(error(e)),
    };
    ctx.on_select = Some(select_event(root.clone(), widget));
    let options = Options {
        indicator: opts.indicator.clone(),
        pillar: opts.pillar.clone(),
        level: opts.level.clone(),
        status: opts.status.clone(),
        variant: opts.variant.clone(),
    };
    let spec = chitieu_widgets::spec(widget, ctx, &options);
    let kept = spec.as_ref().ok().cloned();
    let app = match spec {
        Ok(Spec::Gauge(p)) => App::Gauge(Renderer::<Gauge>::with_root_and_props(root, p).render()),
        Ok(Spec::Scorecard(p)) => {
            App::Scorecard(Renderer::<Scorecard>::with_root_and_props(root, p).render())
        }
        Ok(Spec::Trend(p)) => App::Trend(Renderer::<Trend>::with_root_and_props(root, p).render()),
        Ok(Spec::Bullet(p)) => {
            App::Bullet(Renderer::<Bullet>::with_root_and_props(root, p).render())
        }
        Ok(Spec::Table(p)) => {
            App::Table(Renderer::<TargetTable>::with_root_and_props(root, p).render())
        }
        Err(e) => return Ok(error(e)),
    };
    Ok(WidgetHandle {
        app: Some(app),
        spec: kept,
    })
}

/// The stylesheet for `widget`, for the shadow root to adopt.
#[wasm_bindgen]
pub fn stylesheet(widget: &str) -> String {
    chitieu_widgets::stylesheet(widget)
}
