//! The yew component library (feature `yew`): the five widgets as yew function
//! components, for Rust and yew applications.
//!
//! Each renders the same markup function as the script-tag bundle and `chitieu render`
//! (through [`to_yew`]), so the hosts cannot drift apart (a test renders every widget
//! both ways and compares). The interactive widgets keep their state machine in a hook;
//! one listener per event kind on the widget's root turns the DOM events the markup names
//! (`data-act`, `data-point`, `data-select`; see [`Outcome`]) into actions, as the
//! script-tag bundle's loader does. Picking a table row or a trend point dispatches the
//! `chitieu:select` event (bubbling, composed) from the widget's root, with
//! `detail = { widget, indicator, period }`.
//!
//! ```ignore
//! use chitieu_widgets::{components::Gauge, Ctx, GaugeProps};
//! html! { <Gauge ctx={ctx} indicator="ho-so" /> }
//! ```

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{Listener, VNode};

use crate::markup::{to_yew, Node, Outcome};
use crate::table::{Table, TableState};
use crate::tasks::{Tasks, TasksProps, TasksState};
use crate::trend::TrendState;
use crate::{BulletProps, GaugeProps, ScorecardProps, TargetTableProps, TrendProps};

/// The gauge (see [`crate::gauge`]).
#[function_component(Gauge)]
pub fn gauge(p: &GaugeProps) -> Html {
    to_yew(&crate::gauge::render(p))
}

/// The bullet chart (see [`crate::bullet`]).
#[function_component(Bullet)]
pub fn bullet(p: &BulletProps) -> Html {
    to_yew(&crate::bullet::render(p))
}

/// The scorecard (see [`crate::scorecard`]).
#[function_component(Scorecard)]
pub fn scorecard(p: &ScorecardProps) -> Html {
    to_yew(&crate::scorecard::render(p))
}

/// The target table (see [`crate::table`]): sort, filters, search and pages run in
/// [`Table::act`]; the filters start from the props and start again when they change.
#[function_component(TargetTable)]
pub fn target_table(p: &TargetTableProps) -> Html {
    let model = use_memo(p.clone(), Table::new);
    let state = {
        let model = model.clone();
        use_state_eq(move || match &*model {
            Ok(t) => t.initial_state(),
            Err(_) => TableState::default(),
        })
    };
    {
        // New props (attributes, data) replace the reader's filters.
        let (model, state) = (model.clone(), state.setter());
        use_effect_with(p.clone(), move |_| {
            if let Ok(t) = &*model {
                state.set(t.initial_state());
            }
        });
    }
    let focus = use_mut_ref(|| None::<(String, bool)>);
    let root = use_node_ref();
    use_focus(&root, &focus);
    let table = match &*model {
        Ok(t) => t,
        Err(e) => return to_yew(e),
    };
    let on_action = {
        let (model, state, focus, root) =
            (model.clone(), state.clone(), focus.clone(), root.clone());
        Callback::from(move |(name, value): (String, String)| {
            let Ok(t) = &*model else {
                return Outcome::default();
            };
            if name == "csv" {
                #[cfg(target_arch = "wasm32")]
                {
                    let (file, text) = t.csv(&state);
                    let _ = dom::download(&root, &file, &text);
                }
                #[cfg(not(target_arch = "wasm32"))]
                let _ = &root;
                return Outcome::default();
            }
            let mut next = (*state).clone();
            let o = t.act(&mut next, &name, &value);
            *focus.borrow_mut() = o.focus.clone().map(|f| (f, o.scroll));
            if o.changed {
                state.set(next);
            }
            o
        })
    };
    interactive(table.view(&state), "table", root, on_action)
}

/// The task list (see [`crate::tasks`]): filters, grouping and search run in
/// [`Tasks::act`]; `summary` props give the compact block, which has no state.
#[function_component(TaskList)]
pub fn task_list(p: &TasksProps) -> Html {
    let model = use_memo(p.clone(), Tasks::new);
    let state = use_state_eq(TasksState::default);
    {
        // New props (attributes, data) replace the reader's filters.
        let state = state.setter();
        use_effect_with(p.clone(), move |_| state.set(TasksState::default()));
    }
    let focus = use_mut_ref(|| None::<(String, bool)>);
    let root = use_node_ref();
    use_focus(&root, &focus);
    if p.summary {
        return to_yew(&model.summary());
    }
    let on_action = {
        let (model, state, focus, root) =
            (model.clone(), state.clone(), focus.clone(), root.clone());
        Callback::from(move |(name, value): (String, String)| {
            if name == "csv" {
                #[cfg(target_arch = "wasm32")]
                {
                    let (file, text) = model.csv(&state);
                    let _ = dom::download(&root, &file, &text);
                }
                #[cfg(not(target_arch = "wasm32"))]
                let _ = &root;
                return Outcome::default();
            }
            let mut next = (*state).clone();
            let o = model.act(&mut next, &name, &value);
            *focus.borrow_mut() = o.focus.clone().map(|f| (f, o.scroll));
            if o.changed {
                state.set(next);
            }
            o
        })
    };
    interactive(model.view(&state), "tasks", root, on_action)
}

/// The trend (see [`crate::trend`]): the focused point is [`TrendState`], moved by
/// [`crate::trend::act`].
#[function_component(Trend)]
pub fn trend(p: &TrendProps) -> Html {
    let state = use_state_eq(TrendState::default);
    let focus = use_mut_ref(|| None::<(String, bool)>);
    let root = use_node_ref();
    use_focus(&root, &focus);
    let on_action = {
        let (p, state, focus) = (p.clone(), state.clone(), focus.clone());
        Callback::from(move |(name, value): (String, String)| {
            let mut next = *state;
            let o = crate::trend::act(&p, &mut next, &name, &value);
            *focus.borrow_mut() = o.focus.clone().map(|f| (f, o.scroll));
            if o.changed {
                state.set(next);
            }
            o
        })
    };
    interactive(crate::trend::view(p, &state), "trend", root, on_action)
}

/// After a render, focuses the element an action asked for.
#[hook]
fn use_focus(root: &NodeRef, focus: &Rc<std::cell::RefCell<Option<(String, bool)>>>) {
    let (root, focus) = (root.clone(), focus.clone());
    use_effect(move || {
        // Taken before focusing: focusing fires `focusin`, whose action writes `focus`.
        let sel = focus.borrow_mut().take();
        if let Some((sel, scroll)) = sel {
            #[cfg(target_arch = "wasm32")]
            dom::focus(&root, &sel, scroll);
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&root, sel, scroll);
        }
    });
}

/// The markup as yew nodes, with the root holding `root` and the listeners that turn the
/// markup's events into actions.
fn interactive(
    node: Node,
    widget: &'static str,
    root: NodeRef,
    on_action: Callback<(String, String), Outcome>,
) -> Html {
    let html = to_yew(&node);
    let VNode::VTag(tag) = html else {
        return html;
    };
    let mut tag = Rc::unwrap_or_clone(tag);
    tag.node_ref = root;
    let handler = move |e: web_sys::Event| {
        #[cfg(target_arch = "wasm32")]
        {
            dom::route(&e, widget, &on_action);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (&e, widget, &on_action);
    };
    let cb = Callback::from(handler);
    let listeners: Box<[Option<Rc<dyn Listener>>]> = Box::new([
        yew::html::onclick::Wrapper::__macro_new(cb.reform(|e: MouseEvent| e.into())),
        yew::html::onchange::Wrapper::__macro_new(cb.clone()),
        yew::html::oninput::Wrapper::__macro_new(cb.reform(|e: InputEvent| e.into())),
        yew::html::onfocusin::Wrapper::__macro_new(cb.reform(|e: FocusEvent| e.into())),
        yew::html::onkeydown::Wrapper::__macro_new(cb.reform(|e: KeyboardEvent| e.into())),
    ]);
    tag.set_listeners(listeners);
    VNode::VTag(Rc::new(tag))
}

/// The browser side of the hosts: events to actions, focus, `chitieu:select`, downloads.
#[cfg(target_arch = "wasm32")]
mod dom {
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, Event};
    use yew::{Callback, NodeRef};

    use crate::markup::Outcome;

    fn prop(v: &JsValue, key: &str) -> Option<String> {
        js_sys::Reflect::get(v, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    }

    fn closest(target: &Element, sel: &str) -> Option<Element> {
        target.closest(sel).ok().flatten()
    }

    /// Turns one DOM event into the widget's action, as the loader's `wire` does.
    pub fn route(e: &Event, widget: &str, act: &Callback<(String, String), Outcome>) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let attr = |el: &Element, a: &str| el.get_attribute(a).unwrap_or_default();
        match e.type_().as_str() {
            "click" => {
                if let Some(s) = closest(&target, "[data-select]") {
                    select(&s, widget);
                }
                if let Some(b) = closest(&target, "button[data-act]") {
                    act.emit((attr(&b, "data-act"), attr(&b, "data-arg")));
                }
            }
            "change" => {
                if let Some(s) = closest(&target, "select[data-act]") {
                    act.emit((attr(&s, "data-act"), prop(&s, "value").unwrap_or_default()));
                }
            }
            "input" => {
                if let Some(i) = closest(&target, "input[data-act]") {
                    act.emit((attr(&i, "data-act"), prop(&i, "value").unwrap_or_default()));
                }
            }
            "focusin" => {
                if let Some(p) = closest(&target, "[data-point]") {
                    act.emit(("focus".into(), attr(&p, "data-point")));
                }
            }
            "keydown" => {
                let key = prop(e, "key").unwrap_or_default();
                if let Some(s) = closest(&target, "[data-select]") {
                    if s.tag_name() != "BUTTON" && (key == "Enter" || key == " ") {
                        e.prevent_default();
                        select(&s, widget);
                        return;
                    }
                }
                if let Some(p) = closest(&target, "[data-point]") {
                    let o = act.emit(("key".into(), format!("{} {key}", attr(&p, "data-point"))));
                    if o.handled {
                        e.prevent_default();
                    }
                }
            }
            _ => {}
        }
    }

    /// `chitieu:select` from the picked element, heard by the page on the widget.
    fn select(el: &Element, widget: &str) {
        let detail = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(k), &v);
        };
        set("widget", JsValue::from_str(widget));
        let attr = |a: &str| {
            el.get_attribute(a)
                .filter(|s| !s.is_empty())
                .map(|s| JsValue::from_str(&s))
                .unwrap_or(JsValue::NULL)
        };
        set("indicator", attr("data-indicator"));
        set("period", attr("data-period"));
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("chitieu:select", &init) {
            let _ = el.dispatch_event(&ev);
        }
    }

    /// Focuses the element `sel` names inside the widget, first scrolling its top into
    /// view when the action asked to (see `Outcome::scroll`).
    pub fn focus(root: &NodeRef, sel: &str, scroll: bool) {
        let Some(el) = root
            .cast::<Element>()
            .and_then(|r| r.query_selector(sel).ok().flatten())
        else {
            return;
        };
        if scroll {
            el.scroll_into_view();
        }
        if let Ok(f) = js_sys::Reflect::get(&el, &JsValue::from_str("focus")) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(&el);
            }
        }
    }

    /// Starts a download of `text` as a file named `name`.
    pub fn download(root: &NodeRef, name: &str, text: &str) -> Result<(), JsValue> {
        let document = root
            .cast::<Element>()
            .and_then(|r| r.owner_document())
            .ok_or(JsValue::NULL)?;
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        // The download reads the blob after this handler returns; free it a minute later.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(w) = web_sys::window() {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                60_000,
            )?;
        }
        Ok(())
    }
}
