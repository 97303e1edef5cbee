//! # chitieu-embed
//!
//! The WebAssembly entry point a web page loads. It exports a handful of functions to
//! the JavaScript loader (`js/loader.js`, bundled with the wasm-bindgen glue into
//! `chitieu.js` by `cargo xtask build`): read a dataset once from what `JSON.parse` made of
//! it (`readDataset`), prepare a widget (`mount`: its handle gives the widget's markup,
//! takes the reader's actions and gives the data it shows as CSV), hand out a widget's
//! stylesheet. The loader turns the markup into DOM in the widget's shadow root; no
//! virtual-DOM runtime is in the bundle. With the `api` feature (module `api`) it also
//! reads CSV and explains bad data, scores, parses and validates, for
//! `chitieu.score/parseTargets/validate` and the npm package. The custom elements themselves
//! live in the loader, so the page can define them and defer fetching the wasm until a
//! widget comes near the viewport.
//!
//! Nothing here may panic on user data: the bundle is built with `panic = "abort"`, and
//! a trap would take every widget on the page down with it. Every failure is returned
//! as a `JsError` with a message meant for people, or rendered inside the widget.

#[cfg(feature = "api")]
pub mod api;

/// Talc instead of the default dlmalloc: fewer bytes to download, and faster.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use chitieu_core::load;
use chitieu_core::{Date, Lang};
use chitieu_widgets::markup::{Node, Outcome};
use chitieu_widgets::table::{Table, TableState};
use chitieu_widgets::tasks::{Tasks, TasksState};
use chitieu_widgets::trend::{TrendProps, TrendState};
use chitieu_widgets::{error_box, i18n, is_error_box, Ctx, Data, Options, Spec, Theme};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
/// sniffing), with every message located: the analysis build only (the npm package's
/// one wasm). `name` (a URL or file name) leads every message, so a page with several
/// datasets says which one is wrong, and where. Indicators with errors of their own are
/// set aside; every message is in `lang` (the widget's language; `vi` unless `en`).
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = loadDataset)]
pub fn load_dataset(
    text: &str,
    name: Option<String>,
    lang: Option<String>,
) -> Result<DatasetHandle, JsError> {
    Ok(DatasetHandle {
        data: api::load_named(api::Input::Text(text), name, lang.as_deref())?
            .dataset
            .into(),
    })
}

/// [`load_dataset`] for a spreadsheet's bytes (.xlsx, .xlsm, .xls, .ods): the npm
/// package's reading of a widget's `src` that names one.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = loadSheet)]
pub fn load_sheet(
    bytes: &[u8],
    name: Option<String>,
    lang: Option<String>,
) -> Result<DatasetHandle, JsError> {
    Ok(DatasetHandle {
        data: api::load_named(api::Input::Sheet(bytes), name, lang.as_deref())?
            .dataset
            .into(),
    })
}

/// A dataset from what `JSON.parse` made of its text, when it is a valid `chitieu/1`
/// dataset exactly as `load_json` would read it; else nothing, and the loader asks the
/// analysis wasm to explain (or to read CSV). The widgets' wasm thus carries no JSON
/// parser, no serde and no located messages (about 25 KB gzipped). `quarantined` is the
/// analysis wasm's list of indicators and tasks set aside (see `datasetJson`), if any.
#[wasm_bindgen(js_name = readDataset)]
pub fn read_dataset(value: JsValue, quarantined: JsValue) -> Option<DatasetHandle> {
    let mut ds = load::lean::load(&Js(value))?;
    if !quarantined.is_undefined() {
        (ds.quarantined, ds.quarantined_tasks) = load::lean::quarantined(&Js(quarantined))?;
    }
    Some(DatasetHandle { data: ds.into() })
}

/// A value from `JSON.parse`, read through `Reflect` (see [`load::lean::Value`]).
struct Js(JsValue);

impl load::lean::Value for Js {
    fn as_str(&self) -> Option<String> {
        // A lone surrogate ("\ud800") is kept by JSON.parse and refused by serde.
        let s = self.0.dyn_ref::<js_sys::JsString>()?;
        s.is_valid_utf16().then(|| String::from(s))
    }
    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }
    /// `JSON.parse` forgets whether `12` was written `12.0`: a whole number counts as an
    /// integer, so a page or a year reads (serde would refuse `12.0` there; the widgets
    /// show such a file where `chitieu validate` reports it).
    fn as_int_literal(&self) -> Option<u64> {
        self.0.as_f64().and_then(load::lean::whole_number)
    }
    fn is_null(&self) -> bool {
        self.0.is_null()
    }
    fn items(&self) -> Option<Vec<Js>> {
        let a = self.0.dyn_ref::<js_sys::Array>()?;
        Some(a.iter().map(Js).collect())
    }
    fn entries(&self) -> Option<Vec<(String, Js)>> {
        if !self.0.is_object() || js_sys::Array::is_array(&self.0) {
            return None;
        }
        let o = self.0.unchecked_ref::<js_sys::Object>();
        let keys = js_sys::Object::keys(o);
        let mut out = Vec::with_capacity(keys.length() as usize);
        for k in keys.iter() {
            let key = Js(k).as_str()?;
            let v = js_sys::Reflect::get(o, &JsValue::from_str(&key)).ok()?;
            out.push((key, Js(v)));
        }
        Some(out)
    }
}

/// Options from the element's attributes, as the loader passes them (all text).
#[derive(Default)]
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
    /// The scorecard's minimum coverage, read by `spec`.
    min_coverage: Option<String>,
    group_by: Option<String>,
    due_soon_days: Option<String>,
    /// The browser's local date, used when neither the element nor the dataset gives one.
    today: Option<String>,
}

impl MountOptions {
    /// Reads the options object with `Reflect.get`: a few bytes of code, where a serde
    /// deserializer costs kilobytes of the bundle.
    fn read(o: &JsValue) -> MountOptions {
        let get = |k: &str| {
            js_sys::Reflect::get(o, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
        };
        if !o.is_object() {
            return MountOptions::default();
        }
        MountOptions {
            indicator: get("indicator"),
            pillar: get("pillar"),
            level: get("level"),
            status: get("status"),
            lang: get("lang"),
            theme: get("theme"),
            variant: get("variant"),
            as_of: get("asOf"),
            stale_after: get("staleAfter"),
            min_coverage: get("minCoverage"),
            group_by: get("groupBy"),
            due_soon_days: get("dueSoonDays"),
            today: get("today"),
        }
    }
}

/// What a mounted widget keeps between renders: nothing for a static widget, the model
/// and the state machine of an interactive one.
enum Live {
    Static,
    Table(Box<Table>, TableState),
    Trend(Box<TrendProps>, TrendState),
    Tasks(Box<Tasks>, TasksState),
}

impl Live {
    /// The markup for the current state; `None` for a static widget, which never changes.
    fn view(&self) -> Option<Node> {
        match self {
            Live::Static => None,
            Live::Table(t, st) => Some(t.view(st)),
            Live::Trend(p, st) => Some(chitieu_widgets::trend::view(p, st)),
            Live::Tasks(t, st) => Some(t.view(st)),
        }
    }
}

/// A mounted widget: its markup (`html()`), the reader's actions (`act()`), the data it
/// shows as CSV (`csv()`). The loader puts the markup into the shadow root and routes the
/// DOM events of the markup here.
#[wasm_bindgen]
pub struct WidgetHandle {
    live: Live,
    spec: Option<Spec>,
    /// Where the focus goes after the last action, taken by `focus()`.
    focus: Option<String>,
    /// The markup shown now: rendered once per state, at mount and after an action that
    /// changed the state.
    markup: String,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// The widget's markup now (escaped by construction: see `chitieu_widgets::markup`).
    pub fn html(&self) -> String {
        self.markup.clone()
    }

    /// Whether the widget shows an error box instead of its figures.
    #[wasm_bindgen(js_name = isError)]
    pub fn is_error(&self) -> bool {
        self.spec.is_none()
    }

    /// A reader's action, named by the markup's `data-act` (see `markup::Outcome`):
    /// bit 1 set when the widget must render again, bit 2 when the event was handled,
    /// bit 4 when the element to focus is also to be scrolled into view.
    pub fn act(&mut self, name: &str, value: &str) -> u32 {
        let o: Outcome = match &mut self.live {
            Live::Table(t, st) => t.act(st, name, value),
            Live::Trend(p, st) => chitieu_widgets::trend::act(p, st, name, value),
            Live::Tasks(t, st) => t.act(st, name, value),
            Live::Static => Outcome::default(),
        };
        self.focus = o.focus;
        if o.changed {
            if let Some(n) = self.live.view() {
                self.markup = n.to_html();
            }
        }
        u32::from(o.changed) | (u32::from(o.handled) << 1) | (u32::from(o.scroll) << 2)
    }

    /// The CSS selector of the element to focus after the last action, once.
    pub fn focus(&mut self) -> Option<String> {
        self.focus.take()
    }

    /// The data the widget shows, as `chitieu/1` CSV (UTF-8 with BOM, for spreadsheets):
    /// for the table, the rows the reader's filters and search let through now; empty for
    /// a widget that shows an error.
    pub fn csv(&self) -> String {
        let shown = match (&self.spec, &self.live) {
            (Some(Spec::Table(p)), Live::Table(t, st)) => t.data_shown(st, &p.ctx),
            (Some(_), Live::Tasks(t, st)) => t.data_shown(st),
            (Some(s), _) => s.data_shown(),
            (None, _) => return String::new(),
        };
        load::to_csv_with(&shown, &js_number)
    }

    /// The table's (or the task list's) rows as the reader has filtered them, in the
    /// widget's words: `[file name, CSV text]`, for its own download button.
    #[wasm_bindgen(js_name = tableCsv)]
    pub fn table_csv(&self) -> Option<Vec<String>> {
        let (name, text) = match &self.live {
            Live::Table(t, st) => t.csv(st),
            Live::Tasks(t, st) => t.csv(st),
            _ => return None,
        };
        Some(vec![name, text])
    }
}

/// A number as JavaScript's `String(v)` writes it (shortest round trip, `1e+21` and
/// `1e-7` beyond the plain range, which the CSV reader takes): Rust's float formatting
/// would cost the bundle kilobytes.
fn js_number(v: f64) -> String {
    js_sys::Number::from(v)
        .to_string_with_radix(10)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
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
    ctx.selectable = true;
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

/// Prepares `widget` over `data` with the element's options. Problems with the options
/// are shown inside the widget, in words, not thrown.
#[wasm_bindgen]
pub fn mount(widget: &str, data: &DatasetHandle, options: JsValue) -> WidgetHandle {
    let opts = MountOptions::read(&options);
    let lang = Lang::from_tag(given(&opts.lang).unwrap_or("vi"));
    let theme = Theme::parse(given(&opts.theme).unwrap_or("light"));
    let error = |message: String| WidgetHandle {
        live: Live::Static,
        spec: None,
        focus: None,
        markup: error_box(&message, lang, theme).to_html(),
    };
    let ctx = match context(data, &opts, lang) {
        Ok(c) => c,
        Err(e) => return error(e),
    };
    let options = Options {
        indicator: opts.indicator,
        pillar: opts.pillar,
        level: opts.level,
        status: opts.status,
        variant: opts.variant,
        min_coverage: opts.min_coverage,
        group_by: opts.group_by,
        due_soon_days: opts.due_soon_days,
    };
    let spec = match chitieu_widgets::spec(widget, ctx, &options) {
        Ok(s) => s,
        Err(e) => return error(e),
    };
    // A widget whose indicator or pillar is not in the data renders an error box: it then
    // has no data to export.
    let (live, shown) = match &spec {
        Spec::Table(p) => match Table::new(p) {
            Ok(t) => {
                let st = t.initial_state();
                let shown = t.view(&st);
                (Live::Table(Box::new(t), st), shown)
            }
            Err(e) => (Live::Static, e),
        },
        Spec::Trend(p) => {
            let st = TrendState::default();
            let shown = chitieu_widgets::trend::view(p, &st);
            (Live::Trend(Box::new(p.clone()), st), shown)
        }
        Spec::Gauge(p) => (Live::Static, chitieu_widgets::gauge::render(p)),
        Spec::Bullet(p) => (Live::Static, chitieu_widgets::bullet::render(p)),
        Spec::Scorecard(p) => (Live::Static, chitieu_widgets::scorecard::render(p)),
        Spec::Tasks(p) if p.summary => (Live::Static, chitieu_widgets::tasks::render(p)),
        Spec::Tasks(p) => {
            let t = Tasks::new(p);
            let st = t.initial_state();
            let shown = t.view(&st);
            (Live::Tasks(Box::new(t), st), shown)
        }
    };
    WidgetHandle {
        live,
        spec: (!is_error_box(&shown)).then_some(spec),
        focus: None,
        markup: shown.to_html(),
    }
}

/// The stylesheet for `widget`, for the shadow root to adopt.
#[wasm_bindgen]
pub fn stylesheet(widget: &str) -> String {
    chitieu_widgets::stylesheet(widget)
}
