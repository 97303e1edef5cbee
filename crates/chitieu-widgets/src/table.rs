//! The target table: every indicator of a dataset with its target as the plan words it,
//! the deadline, the latest result, attainment (a compact bullet and a percentage) and
//! status, grouped by pillar.
//!
//! Every column sorts from a header button (`aria-sort` on the header cell); filters for
//! pillar, level and status and a search box that ignores case and diacritics narrow the
//! rows, and a live region says how many are left. Below about 600 px of the widget's own
//! width the rows become cards (CSS container queries; no inline styles). The filtered
//! rows, on every page, download as CSV (UTF-8 with a byte-order mark, so Excel reads the
//! diacritics).
//!
//! Large datasets stay smooth (issue #7): the dataset is scored and folded for search
//! once per context ([`use_memo`]), a row's figures are put into words when it is first
//! shown, sorting happens once per sort change and filtering runs over the sorted order;
//! and with more than [`WHOLE_UP_TO`] rows only one page of [`PAGE_SIZE`] is in the DOM,
//! since building rows is what costs: a pager (first, previous, next, last, "Trang 3/40")
//! follows the table, the live region names the rows shown ("Hiển thị 101–150 trong
//! 2.000 chỉ tiêu"), a pillar that goes on from the page before is marked "(tiếp theo)",
//! and a change of filter or sort goes back to page 1.
//! Static rendering shows every row (there is no script to turn pages).

use std::cell::OnceCell;
use std::cmp::Ordering;
use std::rc::Rc;

use chitieu_core::number::format_value;
use chitieu_core::score::{score_indicator, IndicatorScore, Status};
use chitieu_core::{Lang, Level, Period, Unit};
use yew::prelude::*;

use crate::bullet::chart;
use crate::common::attainment_text;
use crate::common::{parse_level, parse_status, Ctx, Filter};
use crate::i18n::{self, msg, Msg};
use crate::legacy::ErrorBox;
use crate::legacy::StatusChip;

#[derive(Properties, Clone, PartialEq)]
pub struct TargetTableProps {
    pub ctx: Ctx,
    /// The filters the table starts with; the reader can change them.
    #[prop_or_default]
    pub filter: Filter,
    /// Rows per page; `None` shows every row, for static rendering, where no script
    /// can turn a page.
    #[prop_or(Some(PAGE_SIZE))]
    pub page_size: Option<usize>,
}

/// Rows per page in the browser. Rendering is what costs on a cheap phone (a row is some
/// thirty elements with its chart), so a 2,000-indicator plan is shown 50 rows at a time
/// (issue #7: first render, sort and filter within a frame).
pub const PAGE_SIZE: usize = 50;

/// Lists up to this long are shown whole, without a pager: the plans seen so far have at
/// most 72 indicators and read best as one list, and 100 rows still render quickly.
pub const WHOLE_UP_TO: usize = 100;

/// Which page of a list is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSpan {
    /// The page, from 0; a page past the end is the last one.
    pub page: usize,
    /// How many pages, at least 1.
    pub pages: usize,
    /// The page's positions in the list.
    pub rows: std::ops::Range<usize>,
}

/// Page `page` of a list of `len` with `size` rows a page (`None` or 0: one page); a list
/// of up to [`WHOLE_UP_TO`] rows is one page.
pub fn page_span(len: usize, size: Option<usize>, page: usize) -> PageSpan {
    match size.filter(|&s| s > 0 && len > s.max(WHOLE_UP_TO)) {
        None => PageSpan {
            page: 0,
            pages: 1,
            rows: 0..len,
        },
        Some(s) => {
            let pages = len.div_ceil(s);
            let page = page.min(pages - 1);
            let start = page * s;
            PageSpan {
                page,
                pages,
                rows: start..(start + s).min(len),
            }
        }
    }
}

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Indicator,
    Level,
    Target,
    Deadline,
    Latest,
    Attainment,
    Status,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Indicator,
        Column::Level,
        Column::Target,
        Column::Deadline,
        Column::Latest,
        Column::Attainment,
        Column::Status,
    ];

    fn title(self) -> Msg {
        match self {
            Column::Indicator => Msg::Indicator,
            Column::Level => Msg::Level,
            Column::Target => Msg::Target,
            Column::Deadline => Msg::Deadline,
            Column::Latest => Msg::LatestResult,
            Column::Attainment => Msg::Attainment,
            Column::Status => Msg::Status,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Column::Indicator => "c-name",
            Column::Level => "c-level",
            Column::Target => "c-target",
            Column::Deadline => "c-deadline",
            Column::Latest => "c-latest",
            Column::Attainment => "c-attainment",
            Column::Status => "c-status",
        }
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    Asc,
    Desc,
}

/// What a row sorts by, per column. `None` is a missing value: it sorts last whichever
/// the direction.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SortKeys {
    /// The folded name (see [`fold`]), then the name itself to order the variants.
    pub name: Option<(String, String)>,
    pub level: Option<Level>,
    /// The target figure ([`Bound::value`](chitieu_core::Bound::value)).
    pub target: Option<f64>,
    pub deadline: Option<Period>,
    pub latest: Option<f64>,
    pub attainment: Option<f64>,
    /// Best first; statuses that say nothing about progress (no data, insufficient data)
    /// count as missing.
    pub status: Option<u8>,
}

fn status_rank(s: Status) -> Option<u8> {
    match s {
        Status::Achieved => Some(0),
        Status::OnTrack => Some(1),
        Status::NeedsAcceleration => Some(2),
        Status::Limited => Some(3),
        Status::Regressing => Some(4),
        Status::Missed => Some(5),
        Status::InsufficientData | Status::NoData => None,
    }
}

fn missing_last<T>(
    a: Option<&T>,
    b: Option<&T>,
    dir: SortDir,
    cmp: fn(&T, &T) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => match dir {
            SortDir::Asc => cmp(a, b),
            SortDir::Desc => cmp(b, a),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares two rows on `col`; missing values last in both directions. Ties are left to
/// the caller (a stable sort keeps dataset order).
pub fn compare(a: &SortKeys, b: &SortKeys, col: Column, dir: SortDir) -> Ordering {
    match col {
        Column::Indicator => missing_last(a.name.as_ref(), b.name.as_ref(), dir, Ord::cmp),
        Column::Level => missing_last(a.level.as_ref(), b.level.as_ref(), dir, Ord::cmp),
        Column::Target => missing_last(a.target.as_ref(), b.target.as_ref(), dir, f64::total_cmp),
        Column::Deadline => missing_last(a.deadline.as_ref(), b.deadline.as_ref(), dir, Ord::cmp),
        Column::Latest => missing_last(a.latest.as_ref(), b.latest.as_ref(), dir, f64::total_cmp),
        Column::Attainment => missing_last(
            a.attainment.as_ref(),
            b.attainment.as_ref(),
            dir,
            f64::total_cmp,
        ),
        Column::Status => missing_last(a.status.as_ref(), b.status.as_ref(), dir, Ord::cmp),
    }
}

/// Row positions in display order: dataset order without a sort, else sorted on the
/// column, ties in dataset order.
pub fn sort_order(keys: &[SortKeys], sort: Option<(Column, SortDir)>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    if let Some((col, dir)) = sort {
        // `sort_by` is stable, so ties keep dataset order in both directions.
        order.sort_by(|&i, &j| match (keys.get(i), keys.get(j)) {
            (Some(a), Some(b)) => compare(a, b, col, dir),
            _ => Ordering::Equal,
        });
    }
    order
}

/// Folds text for searching: lower case, Vietnamese (and common Latin) diacritics
/// removed, `đ` as `d`, combining marks dropped, so "ho so" finds "Hồ sơ" whether the
/// text was typed precomposed or decomposed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Most letters of a Vietnamese text are plain ASCII: skip the full Unicode path
        // (folding every row's text was the larger part of preparing 2,000 rows).
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for c in c.to_lowercase() {
            if ('\u{300}'..='\u{36f}').contains(&c) {
                continue;
            }
            out.push(base_letter(c));
        }
    }
    out
}

fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' | 'ë' => {
            'e'
        }
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở'
        | 'ỡ' | 'ợ' | 'ö' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' | 'û' | 'ü' => {
            'u'
        }
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' | 'ÿ' => 'y',
        'đ' => 'd',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    }
}

/// Whether every word of the (folded) query starts a word of the (folded) haystack:
/// "ho so" finds "hồ sơ" but not "khoảng … số", "5g" finds "4G/5G".
pub fn matches(haystack: &str, folded_query: &str) -> bool {
    folded_query.split_whitespace().all(|word| {
        haystack.match_indices(word).any(|(at, _)| {
            haystack[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// One CSV field: quoted when it holds a comma, quote, line break or outer spaces, with
/// quotes doubled. A field Excel would run as a formula (`=`, `+`, `@`, a tab, or `-`
/// not starting a number) gets a leading apostrophe.
pub fn csv_field(s: &str) -> String {
    let formula = match s.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => !s
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_digit() || c == ','),
        _ => false,
    };
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    let needs_quotes = s.contains([',', '"', '\n', '\r']) || s.trim() != s;
    if needs_quotes {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A whole CSV file: byte-order mark, header, rows, CRLF line ends (RFC 4180).
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{FEFF}");
    let line = |cells: &mut dyn Iterator<Item = String>| -> String {
        cells.collect::<Vec<_>>().join(",") + "\r\n"
    };
    out.push_str(&line(&mut header.iter().map(|h| csv_field(h))));
    for r in rows {
        out.push_str(&line(&mut r.iter().map(|c| csv_field(c))));
    }
    out
}

/// A pillar group as shown: its id (`None` for indicators without a pillar) and name.
#[derive(Debug, Clone, PartialEq)]
struct Group {
    id: Option<String>,
    name: String,
}

/// One indicator, scored once per context, with what sorting and searching need; the
/// figures in words wait until the row is shown (see [`Row::cells`]).
#[derive(Debug)]
struct Row {
    group: usize,
    lang: Lang,
    id: String,
    name: String,
    level: Option<Level>,
    /// The plan's words for the current target, else the target in words (searched).
    target: Option<String>,
    unit: Unit,
    stale: bool,
    status: Status,
    score: IndicatorScore,
    /// Folded names (both languages), target text and id.
    haystack: String,
    cells: OnceCell<Cells>,
}

/// A row's figures in words.
#[derive(Debug)]
struct Cells {
    deadline: Option<String>,
    value: Option<String>,
    period: Option<String>,
    attainment: Option<String>,
}

impl Row {
    /// The figures in words, formatted on first use: formatting numbers and periods was
    /// a good part of preparing 2,000 rows, of which a page shows 50.
    fn cells(&self) -> &Cells {
        self.cells.get_or_init(|| {
            let (lang, s) = (self.lang, &self.score);
            Cells {
                deadline: s
                    .current_target
                    .as_ref()
                    .and_then(|t| t.deadline)
                    .map(|d| i18n::period_label(lang, d)),
                value: s.latest.map(|l| format_value(l.value, &self.unit, lang)),
                period: s.latest.map(|l| i18n::period_label(lang, l.period)),
                attainment: s.attainment.map(|a| attainment_text(lang, a)),
            }
        })
    }
}

/// The dataset in rows, with sort keys, groups and caption.
struct Prepared {
    rows: Vec<Rc<Row>>,
    keys: Vec<SortKeys>,
    groups: Vec<Group>,
    caption: String,
    file_name: String,
}

fn prepare(ctx: &Ctx) -> Prepared {
    let ds = &ctx.data.0;
    let lang = ctx.lang;
    // Declared pillars in order, then ids only indicators mention, then the rest.
    let mut groups: Vec<Group> = ds
        .pillars
        .iter()
        .map(|p| Group {
            id: Some(p.id.clone()),
            name: p.name.get(lang.tag()).to_string(),
        })
        .collect();
    for ind in &ds.indicators {
        if let Some(pid) = &ind.pillar {
            if !groups.iter().any(|g| g.id.as_ref() == Some(pid)) {
                groups.push(Group {
                    id: Some(pid.clone()),
                    name: pid.clone(),
                });
            }
        }
    }
    if ds.indicators.iter().any(|i| i.pillar.is_none()) {
        groups.push(Group {
            id: None,
            name: msg(lang, Msg::NoPillar).to_string(),
        });
    }

    let mut rows = Vec::with_capacity(ds.indicators.len());
    let mut keys = Vec::with_capacity(ds.indicators.len());
    // Once, not per indicator: without a date in the data it is found by scanning every
    // observation.
    let as_of = ctx.as_of();
    for ind in &ds.indicators {
        let score = score_indicator(ind, as_of, &ctx.config);
        let unit = &ind.unit;
        let group = groups
            .iter()
            .position(|g| g.id == ind.pillar)
            .unwrap_or_default();
        let name = ind.name.get(lang.tag()).to_string();
        let current = score.current_target.as_ref();
        let target_text = ind
            .targets
            .iter()
            .find(|t| Some(*t) == current)
            .and_then(|t| t.text.clone())
            .filter(|t| !t.trim().is_empty());
        let target = target_text
            .clone()
            .or_else(|| current.map(|t| i18n::target_phrase(lang, t, unit)));
        let haystack = fold(&format!(
            "{} {} {} {}",
            ind.name.vi,
            ind.name.en.as_deref().unwrap_or(""),
            target.as_deref().unwrap_or(""),
            ind.id
        ));
        keys.push(SortKeys {
            name: (!name.trim().is_empty()).then(|| (fold(&name), name.clone())),
            level: ind.level,
            target: current.map(|t| t.bound.value()),
            deadline: current.and_then(|t| t.deadline),
            latest: score.latest.map(|l| l.value),
            attainment: score.attainment,
            status: status_rank(score.status),
        });
        rows.push(Rc::new(Row {
            group,
            lang,
            id: ind.id.clone(),
            name,
            level: ind.level,
            target,
            unit: unit.clone(),
            stale: score
                .latest
                .is_some_and(|l| ctx.is_stale_at(l.period, as_of)),
            status: score.status,
            score,
            haystack,
            cells: OnceCell::new(),
        }));
    }
    let file_name: String = ds
        .plan
        .id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let file_name = if file_name.is_empty() {
        "chitieu.csv".to_string()
    } else {
        format!("{file_name}.csv")
    };
    Prepared {
        rows,
        keys,
        groups,
        caption: i18n::table_caption(lang, &ds.plan.title, as_of),
        file_name,
    }
}

/// The reader's filters.
#[derive(Debug, Clone, PartialEq, Default)]
struct View {
    /// A group index; `None` shows every pillar.
    group: Option<usize>,
    level: Option<Level>,
    status: Option<Status>,
    query: String,
}

impl View {
    fn admits(&self, row: &Row, folded_query: &str) -> bool {
        self.group.is_none_or(|g| row.group == g)
            && self.level.is_none_or(|l| row.level == Some(l))
            && self.status.is_none_or(|s| row.status == s)
            && matches(&row.haystack, folded_query)
    }

    fn is_filtered(&self) -> bool {
        self.group.is_some()
            || self.level.is_some()
            || self.status.is_some()
            || !self.query.trim().is_empty()
    }
}

/// The group a filter's pillar id names: `Ok(None)` for no pillar filter, `Err(id)` for
/// an id the dataset does not have.
fn group_of(f: &Filter, prepared: &Prepared) -> Result<Option<usize>, String> {
    match &f.pillar {
        None => Ok(None),
        Some(id) => prepared
            .groups
            .iter()
            .position(|g| g.id.as_deref() == Some(id.as_str()))
            .map(Some)
            .ok_or_else(|| id.clone()),
    }
}

/// The cells of a row for the CSV file, in the table's words.
fn csv_cells(row: &Row, groups: &[Group]) -> Vec<String> {
    let dash = String::new;
    let cells = row.cells();
    vec![
        row.id.clone(),
        row.name.clone(),
        groups
            .get(row.group)
            .map(|g| g.name.clone())
            .unwrap_or_default(),
        row.level
            .map(|l| i18n::level_label(row.lang, l).to_string())
            .unwrap_or_default(),
        row.target.clone().unwrap_or_else(dash),
        cells.deadline.clone().unwrap_or_else(dash),
        cells.value.clone().unwrap_or_else(dash),
        cells.period.clone().unwrap_or_else(dash),
        cells.attainment.clone().unwrap_or_else(dash),
        i18n::status_label(row.lang, row.status).to_string(),
    ]
}

fn csv_header(lang: Lang) -> Vec<&'static str> {
    [
        Msg::IndicatorId,
        Msg::Indicator,
        Msg::Pillar,
        Msg::Level,
        Msg::Target,
        Msg::Deadline,
        Msg::Actual,
        Msg::Period,
        Msg::Attainment,
        Msg::Status,
    ]
    .iter()
    .map(|m| msg(lang, *m))
    .collect()
}

/// Starts a download of `text` as a file named `name` (browser only).
#[cfg(target_arch = "wasm32")]
fn download(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    // Some browsers only follow a link that is in the document.
    let body = document.body().ok_or(JsValue::NULL)?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // The download reads the blob after this handler returns; free it a minute later.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

#[function_component(TargetTable)]
pub fn target_table(p: &TargetTableProps) -> Html {
    let ctx = &p.ctx;
    let lang = ctx.lang;
    let prepared = use_memo(ctx.clone(), prepare);
    let from_props = {
        let filter = p.filter.clone();
        let prepared = prepared.clone();
        move || View {
            group: group_of(&filter, &prepared).ok().flatten(),
            level: filter.level,
            status: filter.status,
            query: String::new(),
        }
    };
    let view = use_state_eq(from_props.clone());
    let sort = use_state_eq(|| None::<(Column, SortDir)>);
    // Zero-based; every change of filter or sort goes back to the first page, whose rows
    // are the ones the change was about.
    let page = use_state_eq(|| 0usize);
    {
        // New filters from the host (attributes changed) replace the reader's.
        let view = view.setter();
        let page = page.setter();
        use_effect_with((p.filter.clone(), ctx.clone()), move |_| {
            view.set(from_props());
            page.set(0);
        });
    }
    // Sorting runs when the sort changes; typing in the search box only filters the
    // sorted order again.
    let order = {
        let prepared = prepared.clone();
        use_memo((ctx.clone(), *sort), move |(_, s)| {
            let mut groups = vec![Vec::new(); prepared.groups.len()];
            for i in sort_order(&prepared.keys, *s) {
                if let Some(g) = prepared.rows.get(i).and_then(|r| groups.get_mut(r.group)) {
                    g.push(i);
                }
            }
            groups
        })
    };
    // The rows the filters let through, in display order (pillar by pillar, sorted
    // within each): what the pages cut up, the count counts and the CSV file holds.
    let visible = {
        let prepared = prepared.clone();
        let order = order.clone();
        use_memo((ctx.clone(), *sort, (*view).clone()), move |(_, _, v)| {
            let q = fold(&v.query);
            order
                .iter()
                .flatten()
                .copied()
                .filter(|&i| prepared.rows.get(i).is_some_and(|r| v.admits(r, &q)))
                .collect::<Vec<usize>>()
        })
    };

    if let Err(unknown) = group_of(&p.filter, &prepared) {
        let ids: Vec<&str> = ctx.data.0.pillars.iter().map(|p| p.id.as_str()).collect();
        let message = i18n::bad_attribute(lang, "pillar", &unknown, &ids);
        return html! { <ErrorBox theme={ctx.theme} lang={lang} message={message} /> };
    }

    let span = page_span(visible.len(), p.page_size, *page);
    let paged = span.pages > 1;
    let table_ref = use_node_ref();

    // A filter's <select>: its value, applied to a copy of the view.
    let on_select_change = |apply: fn(&mut View, String)| {
        let view = view.clone();
        let page = page.setter();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut v = (*view).clone();
            apply(&mut v, value);
            view.set(v);
            page.set(0);
        })
    };
    let on_group = on_select_change(|v, value| {
        v.group = value.strip_prefix('g').and_then(|n| n.parse().ok());
    });
    let on_level = on_select_change(|v, value| v.level = parse_level(&value));
    let on_status = on_select_change(|v, value| v.status = parse_status(&value));
    let on_search = {
        let view = view.clone();
        let page = page.setter();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut v = (*view).clone();
            v.query = value;
            view.set(v);
            page.set(0);
        })
    };
    let on_clear = {
        let view = view.clone();
        let page = page.setter();
        Callback::from(move |_: MouseEvent| {
            view.set(View::default());
            page.set(0);
        })
    };
    let on_csv = {
        let prepared = prepared.clone();
        let visible = visible.clone();
        Callback::from(move |_: MouseEvent| {
            // Every row the filters let through, not only the page on screen.
            let rows: Vec<Vec<String>> = visible
                .iter()
                .filter_map(|&i| prepared.rows.get(i))
                .map(|r| csv_cells(r, &prepared.groups))
                .collect();
            let text = csv(&csv_header(lang), &rows);
            #[cfg(target_arch = "wasm32")]
            {
                let _ = download(&prepared.file_name, &text);
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                // Rendering natively (SSR) there is nothing to click.
                let _ = (&prepared.file_name, text);
            }
        })
    };
    // A pager button: goes to the page `to` gives for (page, pages); at the ends it stays
    // focusable (aria-disabled, not disabled) and does nothing.
    let go = |to: fn(usize, usize) -> usize| {
        let page = page.setter();
        let table = table_ref.clone();
        let (now, pages) = (span.page, span.pages);
        let next = to(now, pages).min(pages.saturating_sub(1));
        let onclick = Callback::from(move |_: MouseEvent| {
            if next != now {
                page.set(next);
                // The new page starts at the top of the table: reading (and, for
                // screen readers, the virtual cursor) goes on from there. Focus alone
                // would not scroll a table that is partly on screen.
                if let Some(t) = table.cast::<web_sys::HtmlElement>() {
                    t.scroll_into_view();
                    let _ = t.focus();
                }
            }
        });
        (onclick, (next == now).then_some("true"))
    };

    let header = Column::ALL.iter().map(|&col| {
        let current = sort.filter(|(c, _)| *c == col).map(|(_, d)| d);
        let aria_sort = current.map(|d| match d {
            SortDir::Asc => "ascending",
            SortDir::Desc => "descending",
        });
        let icon = match current {
            Some(SortDir::Asc) => "▲",
            Some(SortDir::Desc) => "▼",
            None => "↕",
        };
        let onclick = {
            let sort = sort.clone();
            let page = page.setter();
            Callback::from(move |_: MouseEvent| {
                let next = match *sort {
                    Some((c, SortDir::Asc)) if c == col => SortDir::Desc,
                    _ => SortDir::Asc,
                };
                sort.set(Some((col, next)));
                page.set(0);
            })
        };
        html! {
            <th scope="col" role="columnheader" class={col.class()} aria-sort={aria_sort}>
                <button type="button" class="sort" {onclick}>
                    { msg(lang, col.title()) }
                    <span class="sort-icon" aria-hidden="true">{ icon }</span>
                </button>
            </th>
        }
    });

    let on_page = visible.get(span.rows.clone()).unwrap_or_default();
    let group_of = |i: usize| prepared.rows.get(i).map(|r| r.group);
    let bodies = group_runs(on_page, group_of).into_iter().map(|(gi, offset, members)| {
        let g = prepared.groups.get(gi);
        let key = match g.and_then(|g| g.id.as_ref()) {
            Some(id) => format!("p-{id}"),
            None => "none".to_string(),
        };
        let name = g.map(|g| g.name.clone()).unwrap_or_default();
        // The group began on an earlier page: say so, or its rows seem to lack a heading.
        let continued = (span.rows.start + offset)
            .checked_sub(1)
            .and_then(|before| visible.get(before))
            .is_some_and(|&i| group_of(i) == Some(gi));
        html! {
            <tbody key={key} role="rowgroup">
                <tr class="group" role="row">
                    <th scope="rowgroup" colspan="7" role="rowheader">
                        { name }
                        if continued {
                            { " " }<span class="continued">{ format!("({})", msg(lang, Msg::Continued)) }</span>
                        }
                    </th>
                </tr>
                <>
                    // Keyed by place, not by indicator: a new page, sort or filter then
                    // updates the rows already there (texts, a few attributes) instead of
                    // building new ones, which is the costly part.
                    { for members.iter().filter_map(|&i| prepared.rows.get(i)).enumerate().map(|(slot, r)| html! {
                        <RowView key={slot} row={RowRef(r.clone())} on_select={ctx.on_select.clone()} />
                    }) }
                </>
            </tbody>
        }
    });

    let total = prepared.rows.len();
    let status = if paged {
        i18n::page_range_label(
            lang,
            span.rows.start + 1,
            span.rows.end,
            visible.len(),
            total,
        )
    } else {
        i18n::count_label(lang, visible.len(), total)
    };
    let option = |value: String, label: String, selected: bool| {
        html! { <option value={value} selected={selected}>{ label }</option> }
    };
    let all = msg(lang, Msg::All).to_string();
    html! {
        <div class={classes!(ctx.class_list("table"))} lang={lang.tag()}>
            <div class="controls" role="group" aria-label={msg(lang, Msg::Filters)}>
                if prepared.groups.len() > 1 || view.group.is_some() {
                    <label class="field">
                        <span class="field-label">{ msg(lang, Msg::Pillar) }</span>
                        <select onchange={on_group}>
                            { option(String::new(), all.clone(), view.group.is_none()) }
                            { for prepared.groups.iter().enumerate().map(|(i, g)|
                                option(format!("g{i}"), g.name.clone(), view.group == Some(i))) }
                        </select>
                    </label>
                }
                <label class="field">
                    <span class="field-label">{ msg(lang, Msg::Level) }</span>
                    <select onchange={on_level}>
                        { option(String::new(), all.clone(), view.level.is_none()) }
                        { for [Level::Province, Level::District, Level::Commune].into_iter().map(|l|
                            option(l.as_str().to_string(), i18n::level_label(lang, l).to_string(), view.level == Some(l))) }
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{ msg(lang, Msg::Status) }</span>
                    <select onchange={on_status}>
                        { option(String::new(), all, view.status.is_none()) }
                        { for Status::ALL.into_iter().map(|s|
                            option(s.as_str().to_string(), i18n::status_label(lang, s).to_string(), view.status == Some(s))) }
                    </select>
                </label>
                <label class="field search">
                    <span class="field-label">{ msg(lang, Msg::Search) }</span>
                    <input type="search" value={view.query.clone()} oninput={on_search}
                        autocomplete="off" spellcheck="false" />
                </label>
                <button type="button" class="csv" onclick={on_csv}>
                    <span class="icon" aria-hidden="true">{ "⤓" }</span>{ " " }{ msg(lang, Msg::DownloadCsv) }
                </button>
            </div>
            <p class="count" role="status">{ status }</p>
            // Explicit roles keep the table a table for screen readers when CSS lays
            // its parts out as grids and cards.
            // Focus lands on the table after a page change (see `go`); only then is it
            // focusable (not the caption: a focusable caption breaks the table's roles).
            <table role="table" ref={table_ref.clone()} tabindex={paged.then_some("-1")}>
                <caption>{ prepared.caption.clone() }</caption>
                <thead role="rowgroup"><tr role="row">{ for header }</tr></thead>
                { for bodies }
            </table>
            if paged {
                <nav class="pager" aria-label={msg(lang, Msg::Pagination)}>
                    { pager_button(go(|_, _| 0), "page-first", "«", true, msg(lang, Msg::FirstPage)) }
                    { pager_button(go(|p, _| p.saturating_sub(1)), "page-prev", "‹", true, msg(lang, Msg::PreviousPage)) }
                    <span class="page-of">{ i18n::page_label(lang, span.page + 1, span.pages) }</span>
                    { pager_button(go(|p, _| p + 1), "page-next", "›", false, msg(lang, Msg::NextPage)) }
                    { pager_button(go(|_, n| n), "page-last", "»", false, msg(lang, Msg::LastPage)) }
                </nav>
            }
            if visible.is_empty() {
                <p class="empty">
                    if total == 0 {
                        { msg(lang, Msg::NoIndicators) }
                    } else {
                        { msg(lang, Msg::NoMatch) }
                    }
                    if view.is_filtered() {
                        { " " }
                        <button type="button" class="clear" onclick={on_clear}>{ msg(lang, Msg::ClearFilters) }</button>
                    }
                </p>
            }
        </div>
    }
}

/// A pager button: words always (the arrow is decoration), the arrow on the side it
/// points to.
fn pager_button(
    (onclick, disabled): (Callback<MouseEvent>, Option<&'static str>),
    class: &'static str,
    arrow: &'static str,
    arrow_first: bool,
    label: &'static str,
) -> Html {
    let arrow = html! { <span class="icon" aria-hidden="true">{ arrow }</span> };
    html! {
        <button type="button" class={class} aria-disabled={disabled} {onclick}>
            if arrow_first {
                { arrow }{ " " }{ label }
            } else {
                { label }{ " " }{ arrow }
            }
        </button>
    }
}

/// Cuts rows in display order (grouped by pillar) into runs of one group each:
/// `(group, offset of the run's first row, the run's rows)`.
fn group_runs(
    rows: &[usize],
    group_of: impl Fn(usize) -> Option<usize>,
) -> Vec<(usize, usize, &[usize])> {
    let mut runs = Vec::new();
    let mut offset = 0;
    for run in rows.chunk_by(|&a, &b| group_of(a) == group_of(b)) {
        if let Some(g) = run.first().and_then(|&i| group_of(i)) {
            runs.push((g, offset, run));
        }
        offset += run.len();
    }
    runs
}

/// A shared row; equal only to itself, so a row re-renders only when its data changes.
#[derive(Clone)]
struct RowRef(Rc<Row>);

impl PartialEq for RowRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, Clone, PartialEq)]
struct RowProps {
    row: RowRef,
    /// Picking the row's indicator (its name is a button when this is set).
    #[prop_or_default]
    on_select: Option<Callback<crate::common::Selected>>,
}

#[function_component(RowView)]
fn row_view(p: &RowProps) -> Html {
    let r = &p.row.0;
    let cells = r.cells();
    let lang = r.lang;
    let label = |c: Column| msg(lang, c.title());
    let dash = || html! { <span class="missing">{ "—" }</span> };
    html! {
        <tr class="row" role="row">
            <th scope="row" class="c-name" role="rowheader">
                if let Some(cb) = p.on_select.clone() {
                    <button type="button" class="pick" onclick={
                        let id = r.id.clone();
                        Callback::from(move |_: MouseEvent| cb.emit(crate::common::Selected { indicator: id.clone(), period: None }))
                    }>{ r.name.clone() }</button>
                } else {
                    { r.name.clone() }
                }
            </th>
            <td role="cell" class="c-level" data-label={label(Column::Level)}><span class="v">
                { r.level.map(|l| html! { <>{ i18n::level_label(lang, l) }</> }).unwrap_or_else(dash) }
            </span></td>
            <td role="cell" class="c-target" data-label={label(Column::Target)}><span class="v">
                { r.target.clone().map(|t| html! { <>{ t }</> }).unwrap_or_else(dash) }
            </span></td>
            <td role="cell" class="c-deadline" data-label={label(Column::Deadline)}><span class="v">
                { cells.deadline.clone().map(|t| html! { <>{ t }</> }).unwrap_or_else(dash) }
            </span></td>
            <td role="cell" class="c-latest" data-label={label(Column::Latest)}><span class="v">
                if let Some(v) = cells.value.clone() {
                    <span class="num">{ v }</span>
                    if let Some(per) = cells.period.clone() {
                        { " " }<span class="period">{ format!("({per})") }</span>
                    }
                    if r.stale {
                        { " " }
                        <span class="stale"><span class="icon" aria-hidden="true">{ "⚠" }</span>{ " " }{ msg(lang, Msg::OldData) }</span>
                    }
                } else {
                    <span class="missing" aria-hidden="true">{ "—" }</span>
                    <span class="sr-only">{ msg(lang, Msg::NoData) }</span>
                }
            </span></td>
            <td role="cell" class="c-attainment" data-label={label(Column::Attainment)}>
                <span class="v attainment">
                    { crate::markup::to_yew(&chart(&r.score, None, true, None).into()) }
                    <span class="num">{ cells.attainment.clone().unwrap_or_else(|| "—".to_string()) }</span>
                </span>
            </td>
            <td role="cell" class="c-status" data-label={label(Column::Status)}><span class="v">
                <StatusChip status={r.status} lang={lang} />
            </span></td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_diacritics() {
        assert_eq!(fold("Hồ sơ công việc"), "ho so cong viec");
        assert_eq!(fold("ĐƯỜNG Điện"), "duong dien");
        assert_eq!(fold("Quảng Nam"), "quang nam");
        // Decomposed input (base letter + combining marks) folds the same.
        assert_eq!(fold("ho\u{302}\u{300} so\u{31b}"), "ho so");
        assert!(matches(
            &fold("Tỷ lệ hồ sơ công việc tại cấp tỉnh"),
            &fold("ho so")
        ));
        assert!(matches(&fold("Đường truyền"), &fold("duong")));
        assert!(matches(&fold("Cấp tỉnh: hồ sơ"), &fold("  TINH   hồ ")));
        assert!(!matches(&fold("Wifi nhà văn hóa"), &fold("ho so")));
        // Words match at their start only.
        assert!(!matches(
            &fold("Kinh tế số chiếm khoảng 10%"),
            &fold("ho so")
        ));
        assert!(matches(&fold("Phủ sóng 4G/5G"), "5g"));
        assert!(matches(&fold("Chỉ số 1999"), "chi so 1999"));
        assert!(matches("anything", ""));
    }

    fn keys(latest: Option<f64>, name: &str) -> SortKeys {
        SortKeys {
            name: (!name.is_empty()).then(|| (fold(name), name.to_string())),
            latest,
            ..SortKeys::default()
        }
    }

    #[test]
    fn sorting_keeps_ties_in_order_and_missing_values_last() {
        let k = vec![
            keys(Some(5.0), "b"),
            keys(None, "a"),
            keys(Some(1.0), "c"),
            keys(Some(5.0), "d"),
            keys(None, ""),
            keys(Some(-2.0), "e"),
        ];
        assert_eq!(sort_order(&k, None), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(
            sort_order(&k, Some((Column::Latest, SortDir::Asc))),
            vec![5, 2, 0, 3, 1, 4]
        );
        // Descending reverses the values, not the ties, and missing values stay last.
        assert_eq!(
            sort_order(&k, Some((Column::Latest, SortDir::Desc))),
            vec![0, 3, 2, 5, 1, 4]
        );
        assert_eq!(
            sort_order(&k, Some((Column::Indicator, SortDir::Desc))),
            vec![5, 3, 2, 0, 1, 4]
        );
    }

    #[test]
    fn names_sort_by_their_letters_before_their_marks() {
        let k: Vec<SortKeys> = ["Điện", "đa", "Dân", "ăn", "Bé"]
            .iter()
            .map(|n| keys(None, n))
            .collect();
        assert_eq!(
            sort_order(&k, Some((Column::Indicator, SortDir::Asc))),
            vec![3, 4, 1, 2, 0]
        );
    }

    #[test]
    fn statuses_sort_best_first_and_unjudged_last() {
        let k: Vec<SortKeys> = [
            Status::NoData,
            Status::Missed,
            Status::Achieved,
            Status::InsufficientData,
            Status::OnTrack,
        ]
        .iter()
        .map(|&s| SortKeys {
            status: status_rank(s),
            ..SortKeys::default()
        })
        .collect();
        assert_eq!(
            sort_order(&k, Some((Column::Status, SortDir::Asc))),
            vec![2, 4, 1, 0, 3]
        );
        assert_eq!(
            sort_order(&k, Some((Column::Status, SortDir::Desc))),
            vec![1, 4, 2, 0, 3]
        );
    }

    #[test]
    fn pages_cover_the_list_once_and_clamp() {
        let span = |len, size, page| page_span(len, size, page);
        // Small lists (up to WHOLE_UP_TO), or no page size: one page with every row.
        for len in [72, 100] {
            assert_eq!(
                span(len, Some(50), 1),
                PageSpan {
                    page: 0,
                    pages: 1,
                    rows: 0..len
                }
            );
        }
        assert_eq!(span(150, Some(200), 1).rows, 0..150);
        assert_eq!(
            span(12, Some(50), 3),
            PageSpan {
                page: 0,
                pages: 1,
                rows: 0..12
            }
        );
        assert_eq!(
            span(50, Some(50), 0),
            PageSpan {
                page: 0,
                pages: 1,
                rows: 0..50
            }
        );
        assert_eq!(
            span(2000, None, 5),
            PageSpan {
                page: 0,
                pages: 1,
                rows: 0..2000
            }
        );
        assert_eq!(span(2000, Some(0), 5).pages, 1);
        assert_eq!(
            span(0, Some(50), 0),
            PageSpan {
                page: 0,
                pages: 1,
                rows: 0..0
            }
        );
        // 2,000 rows: 40 full pages.
        assert_eq!(
            span(2000, Some(50), 2),
            PageSpan {
                page: 2,
                pages: 40,
                rows: 100..150
            }
        );
        assert_eq!(span(2000, Some(50), 39).rows, 1950..2000);
        // A short last page; a page past the end shows the last (the list shrank).
        assert_eq!(
            span(101, Some(50), 2),
            PageSpan {
                page: 2,
                pages: 3,
                rows: 100..101
            }
        );
        assert_eq!(
            span(101, Some(50), 99),
            PageSpan {
                page: 2,
                pages: 3,
                rows: 100..101
            }
        );
    }

    #[test]
    fn a_page_splits_into_runs_of_one_pillar() {
        // Row i is in group i / 10, except 99, which names no group the table knows.
        let group = |i: usize| (i != 99).then_some(i / 10);
        let rows = [7, 8, 9, 10, 11, 25];
        let runs = group_runs(&rows, group);
        assert_eq!(
            runs,
            vec![
                (0, 0, &rows[0..3]),
                (1, 3, &rows[3..5]),
                (2, 5, &rows[5..6])
            ]
        );
        assert_eq!(group_runs(&[], group), vec![]);
        assert_eq!(group_runs(&[99, 3], group), vec![(0, 1, &[3][..])]);
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("81,77%"), "\"81,77%\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field(" padded"), "\" padded\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-5%"), "-5%");
        assert_eq!(csv_field("-cmd"), "'-cmd");
        assert_eq!(csv_field(""), "");
        let file = csv(
            &["Mã", "Tên"],
            &[vec!["a".into(), "Hồ sơ, công việc".into()]],
        );
        assert_eq!(file, "\u{FEFF}Mã,Tên\r\na,\"Hồ sơ, công việc\"\r\n");
        assert!(file.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    }
}
