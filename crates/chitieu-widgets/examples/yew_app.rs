//! A yew application using the chitieu component library: a gauge, a bullet, the target
//! table and the scorecard over one plan, a trend over sample data, with a language switch. `cargo xtask
//! build` compiles it to `www/dist/examples/yew-app/` and the browser tests mount it
//! (`tests/pages/yew-app.html`).
//!
//! The stylesheet is the widgets' own ([`chitieu_widgets::stylesheet`]), added once to
//! the document: yew renders into the light DOM, not into shadow roots.

use chitieu_core::load::load_json;
use chitieu_core::Lang;
use chitieu_widgets::components::{Bullet, Gauge, Scorecard, TargetTable, Trend};
use chitieu_widgets::{Ctx, Data, Filter, GaugeVariant};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

const PLAN: &str = include_str!("../../../seeds/quang-nam-2024.json");
/// Sample results over several years (the plans' seeds have one result each so far).
const SAMPLE: &str = include_str!("../../../tests/fixtures/trend.json");

#[function_component(App)]
fn app() -> Html {
    let data = use_memo((), |_| load_json(PLAN).map(|l| Data::from(l.dataset)));
    let sample = use_memo((), |_| load_json(SAMPLE).map(|l| Data::from(l.dataset)));
    let lang = use_state(|| Lang::Vi);
    let (data, sample) = match (&*data, &*sample) {
        (Ok(d), Ok(s)) => (d.clone(), s.clone()),
        (Err(e), _) | (_, Err(e)) => return html! { <p role="alert">{ e.to_string() }</p> },
    };
    let mut ctx = Ctx::new(data);
    ctx.lang = *lang;
    ctx.selectable = true;
    let mut sample_ctx = ctx.clone();
    sample_ctx.data = sample;
    let toggle = {
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| {
            lang.set(if *lang == Lang::Vi {
                Lang::En
            } else {
                Lang::Vi
            })
        })
    };
    html! {
        <main lang={lang.tag()}>
            <h1>{ "chitieu + yew" }</h1>
            <button id="lang" type="button" onclick={toggle}>
                { if *lang == Lang::Vi { "English" } else { "Tiếng Việt" } }
            </button>
            <section id="gauge"><Gauge ctx={ctx.clone()} indicator="wifi-nha-van-hoa" variant={GaugeVariant::Semicircle} /></section>
            <section id="bullet"><Bullet ctx={ctx.clone()} indicator="hscv-tinh" /></section>
            <section id="trend"><Trend ctx={sample_ctx} indicator="ho-so-truc-tuyen" /></section>
            <section id="scorecard"><Scorecard ctx={ctx.clone()} /></section>
            <section id="table"><TargetTable ctx={ctx} filter={Filter::default()} /></section>
        </main>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // One stylesheet for every widget on the page.
    if let (Ok(style), Some(head)) = (document.create_element("style"), document.head()) {
        let css: String = ["gauge", "bullet", "table", "trend", "scorecard"]
            .iter()
            .map(|w| chitieu_widgets::stylesheet(w))
            .collect::<Vec<_>>()
            .join("\n");
        style.set_text_content(Some(&css));
        let _ = head.append_child(&style);
    }
    if let Some(root) = document.get_element_by_id("app") {
        yew::Renderer::<App>::with_root(root).render();
    }
}
