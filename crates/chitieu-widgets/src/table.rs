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
//! The widget is a [`Table`] built once from its props, a [`TableState`] (the reader's
//! filters, search, sort and page), a pure view ([`Table::view`]: state to
//! [`Node`]) and a pure state machine ([`Table::act`]). The controls name their actions
//! in the markup (`data-act`, see [`Outcome`]); the hosts (the script-tag bundle, the
//! yew component library) route DOM events to `act`, render again when it says the state
//! changed, focus what it asks for, and turn `data-act="csv"` into a download of
//! [`Table::csv`]. Static rendering ([`render`]) is the view of the initial state.
//!
//! Large datasets stay smooth (issue #7): the dataset is scored and folded for search
//! once, when the [`Table`] is built, a row's figures are put into words when it is first
//! shown, sorting happens once per sort change and filtering runs over the sorted order
//! (both cached in the table); and with more than [`WHOLE_UP_TO`] rows only one page of
//! [`PAGE_SIZE`] is in the markup, since building rows is what costs: a pager (first,
//! previous, next, last, "Trang 3/40") follows the table, the live region names the rows
//! shown ("Hiển thị 101–150 trong 2.000 chỉ tiêu"), a pillar that goes on from the page
//! before is marked "(tiếp theo)", and a change of filter or sort goes back to page 1.
//! Static rendering shows every row (there is no script to turn pages).

use std::cell::{OnceCell, RefCell};
use std::cmp::Ordering;
use std::rc::Rc;

use chitieu_core::load::{guard_formula, Quarantined};
use chitieu_core::number::format_value;
use chitieu_core::score::{score_indicator, IndicatorScore, Status};
use chitieu_core::{Indicator, Lang, Level, Period, Text, Unit};

use crate::bullet::chart;
use crate::common::{attainment_text, parse_level, parse_status, status_chip, Ctx, Filter};
use crate::i18n::{self, msg, Msg};
use crate::markup::{el, text, El, Node, Outcome};

#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "yew", derive(yew::Properties))]
pub struct TargetTableProps {
    pub ctx: Ctx,
    /// The filters the table starts with; the reader can change them.
    #[cfg_attr(feature = "yew", prop_or_default)]
    pub filter: Filter,
    /// Rows per page; `None` shows every row, for static rendering, where no script
    /// can turn a page.
    #[cfg_attr(feature = "yew", prop_or(Some(PAGE_SIZE)))]
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
/// text was typed precomposed or decomposed. Lower case is [`i18n::lower_char`]'s (Latin
/// letters only), not Unicode's, whose tables would cost the wasm about 20 KB.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Most letters of a Vietnamese text are plain ASCII.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !('\u{300}'..='\u{36f}').contains(&c) {
            out.push(base_letter(i18n::lower_char(c)));
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
        // Unicode lower-cases it to i and a combining dot, which folding drops.
        'İ' => 'i',
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
/// quotes doubled; a text a spreadsheet would run as a formula gets a leading apostrophe
/// first (core's [`guard_formula`], the rule of every CSV chitieu writes).
pub fn csv_field(s: &str) -> String {
    let s = guard_formula(s.to_string());
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

/// One indicator, scored once when the table is built, with what sorting and searching
/// need; the figures in words wait until the row is shown (see [`Row::cells`]).
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
    /// Why the indicator was set aside, for a row whose data is invalid (it has no
    /// figures, and its status says so instead).
    invalid: Option<String>,
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
    rows: Vec<Row>,
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
    // The pillar every row names, those set aside included.
    let named = ds
        .indicators
        .iter()
        .map(|i| i.pillar.as_ref())
        .chain(ds.quarantined.iter().map(|q| q.pillar.as_ref()));
    let mut no_pillar = false;
    for pillar in named {
        match pillar {
            None => no_pillar = true,
            Some(pid) if !groups.iter().any(|g| g.id.as_ref() == Some(pid)) => {
                groups.push(Group {
                    id: Some(pid.clone()),
                    name: pid.clone(),
                });
            }
            Some(_) => {}
        }
    }
    if no_pillar {
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
    let stand_ins: Vec<(Indicator, String)> = ds
        .quarantined
        .iter()
        .map(|q| (quarantined_row(q), crate::common::invalid_reason(q, lang)))
        .collect();
    // In the file's order, the ones set aside in their places. Collected, not chained:
    // a chain's loop would compile this long body twice.
    let mut all: Vec<(&Indicator, Option<&String>)> = Vec::with_capacity(ds.indicators.len());
    let (mut healthy, mut aside) = (ds.indicators.iter(), ds.quarantined.iter().zip(&stand_ins));
    let mut next_aside = aside.next();
    for place in 0..ds.indicators.len() + ds.quarantined.len() {
        match next_aside {
            Some((q, (ind, why))) if q.index <= place => {
                all.push((ind, Some(why)));
                next_aside = aside.next();
            }
            _ => all.extend(healthy.next().map(|i| (i, None))),
        }
    }
    for (ind, invalid) in all {
        let invalid = invalid.cloned();
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
            .or_else(|| current.map(|t| i18n::target_phrase(lang, t, unit)))
            .or_else(|| invalid.clone());
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
        rows.push(Row {
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
            invalid,
        });
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

/// What a table row shows of an indicator set aside: its id, name and pillar, no figures.
fn quarantined_row(q: &Quarantined) -> Indicator {
    Indicator {
        id: q.id.clone(),
        key: None,
        pillar: q.pillar.clone(),
        name: q.name.clone().unwrap_or_else(|| Text {
            vi: q.label(),
            en: None,
        }),
        unit: Unit::Percent,
        level: None,
        owner: None,
        targets: Vec::new(),
        baseline: None,
        observations: Vec::new(),
        source: None,
        note: None,
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
        match row.invalid {
            Some(_) => i18n::invalid_data(row.lang).to_string(),
            None => i18n::status_label(row.lang, row.status).to_string(),
        },
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

/// A sort: a column and a direction; `None` keeps dataset order.
type Sort = Option<(Column, SortDir)>;

/// Rows for a sort and filters: the sort, the filters and the rows' positions.
type Rows = (Sort, View, Rc<[usize]>);

/// What the reader has set: filters, search, sort and page. Starts as
/// [`Table::initial_state`] and changes only through [`Table::act`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableState {
    view: View,
    sort: Sort,
    /// From 0; every change of filter or sort goes back to the first page, whose rows are
    /// the ones the change was about.
    page: usize,
}

impl TableState {
    /// The column sorted on and the direction, once the reader has sorted.
    pub fn sort(&self) -> Option<(Column, SortDir)> {
        self.sort
    }

    /// The page shown, from 0.
    pub fn page(&self) -> usize {
        self.page
    }
}

/// The target table's model: the dataset prepared once (scored, folded for search, in
/// pillar groups) and the options from the props. Its view and state machine are pure
/// functions of a [`TableState`]; it caches the sorted order (per sort) and the rows the
/// filters let through (per sort and filters), so a 2,000-row plan sorts once per sort
/// change and filters over the sorted order.
pub struct Table {
    prepared: Prepared,
    lang: Lang,
    /// The root element's classes (widget and theme).
    class_list: String,
    /// Whether a row's name is a button that picks the indicator.
    selectable: bool,
    page_size: Option<usize>,
    /// The filters the props give, which the reader starts with.
    initial: View,
    /// Row positions in display order for the last sort: pillar by pillar, sorted within
    /// each.
    order: RefCell<Option<(Sort, Rc<[usize]>)>>,
    /// The rows the last sort and filters let through, in display order: what the pages
    /// cut up, the count counts and the CSV file holds.
    visible: RefCell<Option<Rows>>,
}

/// The table's markup for its props as they start (no sort, the props' filters, the first
/// page): what static rendering shows. An unknown pillar id gives the error box.
pub fn render(p: &TargetTableProps) -> Node {
    match Table::new(p) {
        Ok(table) => table.view(&table.initial_state()),
        Err(error) => error,
    }
}

impl Table {
    /// Prepares the table: scores every indicator and reads the props' filters. `Err` is
    /// the error box when the pillar filter names a pillar the dataset does not have.
    pub fn new(p: &TargetTableProps) -> Result<Table, Node> {
        let ctx = &p.ctx;
        let lang = ctx.lang;
        let prepared = prepare(ctx);
        let group = match group_of(&p.filter, &prepared) {
            Ok(group) => group,
            Err(unknown) => {
                let ids: Vec<&str> = ctx.data.0.pillars.iter().map(|p| p.id.as_str()).collect();
                let message = i18n::bad_attribute(lang, "pillar", &unknown, &ids);
                return Err(crate::error_box(&message, lang, ctx.theme));
            }
        };
        Ok(Table {
            prepared,
            lang,
            class_list: ctx.class_list("table"),
            selectable: ctx.selectable,
            page_size: p.page_size,
            initial: View {
                group,
                level: p.filter.level,
                status: p.filter.status,
                query: String::new(),
            },
            order: RefCell::new(None),
            visible: RefCell::new(None),
        })
    }

    /// The state a reader starts from: the props' filters, no search, no sort, page 1.
    pub fn initial_state(&self) -> TableState {
        TableState {
            view: self.initial.clone(),
            sort: None,
            page: 0,
        }
    }

    /// Row positions in display order for `sort` (sorted once per sort change).
    fn order(&self, sort: Sort) -> Rc<[usize]> {
        if let Some((s, order)) = &*self.order.borrow() {
            if *s == sort {
                return order.clone();
            }
        }
        let rows = &self.prepared.rows;
        let mut groups = vec![Vec::new(); self.prepared.groups.len()];
        for i in sort_order(&self.prepared.keys, sort) {
            if let Some(g) = rows.get(i).and_then(|r| groups.get_mut(r.group)) {
                g.push(i);
            }
        }
        let order: Rc<[usize]> = groups.into_iter().flatten().collect();
        *self.order.borrow_mut() = Some((sort, order.clone()));
        order
    }

    /// The rows the state's filters let through, in display order.
    fn visible(&self, st: &TableState) -> Rc<[usize]> {
        if let Some((s, v, rows)) = &*self.visible.borrow() {
            if *s == st.sort && *v == st.view {
                return rows.clone();
            }
        }
        // Typing in the search box only filters the sorted order again.
        let order = self.order(st.sort);
        let q = fold(&st.view.query);
        let rows: Rc<[usize]> = order
            .iter()
            .copied()
            .filter(|&i| {
                self.prepared
                    .rows
                    .get(i)
                    .is_some_and(|r| st.view.admits(r, &q))
            })
            .collect();
        *self.visible.borrow_mut() = Some((st.sort, st.view.clone(), rows.clone()));
        rows
    }

    /// The state machine: applies the action `name` with `value` (see [`Outcome`] for how
    /// the markup sends them).
    ///
    /// - `sort`, value a column's index in [`Column::ALL`]: sorts on it, ascending, or
    ///   descending when it was already ascending;
    /// - `pillar` (`""` or `g<i>`, the options' values), `level` and `status` (`""` or a
    ///   name): the filters; `search`: the search box's text; `clear`: no filters;
    /// - `page`, value the page to go to from 0 (past the end: the last): asks the host to
    ///   focus the table (and scroll it into view), where reading goes on.
    ///
    /// A change of sort or filters goes back to the first page. `changed` only when the
    /// state did change; `handled` when the action was understood. Unknown actions and
    /// values that do not parse change nothing and return [`Outcome::default`]. The CSV
    /// button (`csv`) is not an action of the state: its host calls [`Table::csv`].
    pub fn act(&self, st: &mut TableState, name: &str, value: &str) -> Outcome {
        let unchanged = Outcome {
            handled: true,
            ..Outcome::default()
        };
        if name == "page" {
            let Ok(to) = value.trim().parse::<usize>() else {
                return Outcome::default();
            };
            let page = page_span(self.visible(st).len(), self.page_size, to).page;
            if page == st.page {
                return unchanged;
            }
            st.page = page;
            return Outcome {
                changed: true,
                focus: Some("table".into()),
                scroll: true,
                handled: true,
            };
        }
        let (mut view, mut sort) = (st.view.clone(), st.sort);
        match name {
            "sort" => {
                let Some(&col) = value
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| Column::ALL.get(i))
                else {
                    return Outcome::default();
                };
                let dir = match sort {
                    Some((c, SortDir::Asc)) if c == col => SortDir::Desc,
                    _ => SortDir::Asc,
                };
                sort = Some((col, dir));
            }
            "pillar" if value.is_empty() => view.group = None,
            "pillar" => match value
                .strip_prefix('g')
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|&g| g < self.prepared.groups.len())
            {
                Some(g) => view.group = Some(g),
                None => return Outcome::default(),
            },
            "level" if value.is_empty() => view.level = None,
            "level" => match parse_level(value) {
                Some(l) => view.level = Some(l),
                None => return Outcome::default(),
            },
            "status" if value.is_empty() => view.status = None,
            "status" => match parse_status(value) {
                Some(s) => view.status = Some(s),
                None => return Outcome::default(),
            },
            "search" => view.query = value.to_string(),
            "clear" => view = View::default(),
            _ => return Outcome::default(),
        }
        if view == st.view && sort == st.sort {
            return unchanged;
        }
        *st = TableState {
            view,
            sort,
            page: 0,
        };
        Outcome {
            changed: true,
            handled: true,
            ..Outcome::default()
        }
    }

    /// The CSV download: the file name (from the plan's id) and the file, with every row
    /// the filters let through, on every page, in display order.
    pub fn csv(&self, st: &TableState) -> (String, String) {
        let rows: Vec<Vec<String>> = self
            .visible(st)
            .iter()
            .filter_map(|&i| self.prepared.rows.get(i))
            .map(|r| csv_cells(r, &self.prepared.groups))
            .collect();
        (
            self.prepared.file_name.clone(),
            csv(&csv_header(self.lang), &rows),
        )
    }

    /// The part of the dataset the state lets through — the reader's filters and search,
    /// not only the props' — as a dataset of its own, in dataset order: what the download
    /// menu saves as `chitieu/1` CSV. `ctx` is the context the table was built with.
    pub fn data_shown(&self, st: &TableState, ctx: &Ctx) -> chitieu_core::Dataset {
        // By id, not by position: a row need not stand for the indicator at its place in
        // the dataset (ids are unique in a dataset). A linear search per indicator: a few
        // milliseconds at 2,000 rows, once per download, and no sort in the wasm.
        let visible = self.visible(st);
        let ids: Vec<&str> = visible
            .iter()
            .filter_map(|&i| self.prepared.rows.get(i))
            .map(|r| r.id.as_str())
            .collect();
        crate::spec::narrowed(ctx, &|i| ids.contains(&i.id.as_str()))
    }

    /// The table's markup in state `st`.
    pub fn view(&self, st: &TableState) -> Node {
        let lang = self.lang;
        let prepared = &self.prepared;
        let view = &st.view;
        let visible = self.visible(st);
        let span = page_span(visible.len(), self.page_size, st.page);
        let paged = span.pages > 1;

        let header = Column::ALL.iter().enumerate().map(|(n, &col)| {
            let current = st.sort.filter(|(c, _)| *c == col).map(|(_, d)| d);
            let aria_sort = current.map(|d| match d {
                SortDir::Asc => "ascending",
                SortDir::Desc => "descending",
            });
            let icon = match current {
                Some(SortDir::Asc) => "▲",
                Some(SortDir::Desc) => "▼",
                None => "↕",
            };
            el("th")
                .attr("scope", "col")
                .attr("role", "columnheader")
                .attr_opt("aria-sort", aria_sort)
                .class(col.class())
                .child(
                    el("button")
                        .attr("type", "button")
                        .attr("data-act", "sort")
                        .attr("data-arg", n.to_string())
                        .class("sort")
                        .text(msg(lang, col.title()))
                        .child(
                            el("span")
                                .attr("aria-hidden", "true")
                                .class("sort-icon")
                                .text(icon),
                        ),
                )
        });

        let on_page = visible.get(span.rows.clone()).unwrap_or_default();
        let group_of = |i: usize| prepared.rows.get(i).map(|r| r.group);
        let bodies = group_runs(on_page, group_of)
            .into_iter()
            .map(|(gi, offset, members)| {
                let name = prepared
                    .groups
                    .get(gi)
                    .map(|g| g.name.clone())
                    .unwrap_or_default();
                // The group began on an earlier page: say so, or its rows seem to lack a
                // heading.
                let continued = (span.rows.start + offset)
                    .checked_sub(1)
                    .and_then(|before| visible.get(before))
                    .is_some_and(|&i| group_of(i) == Some(gi));
                let continued = continued.then(|| {
                    vec![
                        text(" "),
                        el("span")
                            .class("continued")
                            .text(format!("({})", msg(lang, Msg::Continued)))
                            .into(),
                    ]
                });
                el("tbody")
                    .attr("role", "rowgroup")
                    .child(
                        el("tr").attr("role", "row").class("group").child(
                            el("th")
                                .attr("scope", "rowgroup")
                                .attr("colspan", "7")
                                .attr("role", "rowheader")
                                .text(name)
                                .child_opt(continued),
                        ),
                    )
                    .children(
                        members
                            .iter()
                            .filter_map(|&i| prepared.rows.get(i))
                            .map(|r| row_view(r, self.selectable)),
                    )
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
        let option = |value: String, label: &str, selected: bool| {
            el("option")
                .attr("value", value)
                .attr_opt("selected", selected.then_some("selected"))
                .text(label)
        };
        let all = msg(lang, Msg::All);
        let field = |label: Msg, control: El| {
            el("label")
                .class("field")
                .child(el("span").class("field-label").text(msg(lang, label)))
                .child(control)
        };
        let pillar =
            (prepared.groups.len() > 1 || view.group.is_some()).then(|| {
                field(
                    Msg::Pillar,
                    el("select")
                        .attr("data-act", "pillar")
                        .child(option(String::new(), all, view.group.is_none()))
                        .children(
                            prepared.groups.iter().enumerate().map(|(i, g)| {
                                option(format!("g{i}"), &g.name, view.group == Some(i))
                            }),
                        ),
                )
            });
        let level = field(
            Msg::Level,
            el("select")
                .attr("data-act", "level")
                .child(option(String::new(), all, view.level.is_none()))
                .children(
                    [Level::Province, Level::District, Level::Commune]
                        .into_iter()
                        .map(|l| {
                            option(
                                l.as_str().to_string(),
                                i18n::level_label(lang, l),
                                view.level == Some(l),
                            )
                        }),
                ),
        );
        let status_filter = field(
            Msg::Status,
            el("select")
                .attr("data-act", "status")
                .child(option(String::new(), all, view.status.is_none()))
                .children(Status::ALL.into_iter().map(|s| {
                    option(
                        s.as_str().to_string(),
                        i18n::status_label(lang, s),
                        view.status == Some(s),
                    )
                })),
        );
        let search = crate::common::search_field(msg(lang, Msg::Search), &view.query);
        let csv_button = crate::common::csv_button(msg(lang, Msg::DownloadCsv));
        let controls = el("div")
            .attr("role", "group")
            .attr("aria-label", msg(lang, Msg::Filters))
            .class("controls")
            .child_opt(pillar)
            .child(level)
            .child(status_filter)
            .child(search)
            .child(csv_button);

        // Explicit roles keep the table a table for screen readers when CSS lays its parts
        // out as grids and cards. Focus lands on the table after a page change (see
        // `act`); only then is it focusable (not the caption: a focusable caption breaks
        // the table's roles).
        let table = el("table")
            .attr("role", "table")
            .attr_opt("tabindex", paged.then_some("-1"))
            .child(el("caption").text(prepared.caption.clone()))
            .child(
                el("thead")
                    .attr("role", "rowgroup")
                    .child(el("tr").attr("role", "row").children(header)),
            )
            .children(bodies);

        // A pager button goes to the page `to`; at the ends it stays focusable
        // (aria-disabled, not disabled) and does nothing.
        let pager = paged.then(|| {
            let (now, last) = (span.page, span.pages - 1);
            let button = |to: usize, class, arrow, arrow_first, label| {
                pager_button(
                    to.min(last),
                    to.min(last) == now,
                    class,
                    arrow,
                    arrow_first,
                    label,
                )
            };
            el("nav")
                .attr("aria-label", msg(lang, Msg::Pagination))
                .class("pager")
                .child(button(
                    0,
                    "page-first",
                    "«",
                    true,
                    msg(lang, Msg::FirstPage),
                ))
                .child(button(
                    now.saturating_sub(1),
                    "page-prev",
                    "‹",
                    true,
                    msg(lang, Msg::PreviousPage),
                ))
                .child(el("span").class("page-of").text(i18n::page_label(
                    lang,
                    span.page + 1,
                    span.pages,
                )))
                .child(button(
                    now + 1,
                    "page-next",
                    "›",
                    false,
                    msg(lang, Msg::NextPage),
                ))
                .child(button(
                    last,
                    "page-last",
                    "»",
                    false,
                    msg(lang, Msg::LastPage),
                ))
        });

        let empty = visible.is_empty().then(|| {
            let words = if total == 0 {
                Msg::NoIndicators
            } else {
                Msg::NoMatch
            };
            let clear = view.is_filtered().then(|| {
                vec![
                    text(" "),
                    el("button")
                        .attr("type", "button")
                        .attr("data-act", "clear")
                        .class("clear")
                        .text(msg(lang, Msg::ClearFilters))
                        .into(),
                ]
            });
            el("p")
                .class("empty")
                .text(msg(lang, words))
                .child_opt(clear)
        });

        el("div")
            .attr("lang", lang.tag())
            .class(self.class_list.clone())
            .child(controls)
            .child(el("p").attr("role", "status").class("count").text(status))
            .child(table)
            .child_opt(pager)
            .child_opt(empty)
            .into()
    }
}

/// A pager button to page `to` (inactive when that is the page shown): words always (the
/// arrow is decoration), the arrow on the side it points to.
fn pager_button(
    to: usize,
    inactive: bool,
    class: &'static str,
    arrow: &'static str,
    arrow_first: bool,
    label: &'static str,
) -> El {
    let arrow = Node::from(
        el("span")
            .attr("aria-hidden", "true")
            .class("icon")
            .text(arrow),
    );
    let button = el("button")
        .attr("type", "button")
        .attr_opt("aria-disabled", inactive.then_some("true"))
        .attr("data-act", "page")
        .attr("data-arg", to.to_string())
        .class(class);
    if arrow_first {
        button.child(arrow).text(" ").text(label)
    } else {
        button.text(label).text(" ").child(arrow)
    }
}

/// One indicator's row. Its name picks the indicator (`data-select`) when the host lets
/// readers pick.
fn row_view(r: &Row, selectable: bool) -> El {
    let cells = r.cells();
    let lang = r.lang;
    let dash = || Node::from(el("span").class("missing").text("—"));
    let cell = |col: Column, content: Node| {
        el("td")
            .attr("role", "cell")
            .attr("data-label", msg(lang, col.title()))
            .class(col.class())
            .child(el("span").class("v").child(content))
    };
    let name = if selectable {
        el("button")
            .attr("type", "button")
            .attr("data-select", "")
            .attr("data-indicator", r.id.clone())
            .class("pick")
            .text(r.name.clone())
            .into()
    } else {
        text(r.name.clone())
    };
    let latest = match &cells.value {
        Some(v) => {
            let period = cells.period.as_ref().map(|per| {
                vec![
                    text(" "),
                    el("span").class("period").text(format!("({per})")).into(),
                ]
            });
            let stale = r.stale.then(|| {
                vec![
                    text(" "),
                    el("span")
                        .class("stale")
                        .child(crate::common::warning_icon())
                        .text(" ")
                        .text(msg(lang, Msg::OldData))
                        .into(),
                ]
            });
            Node::List(vec![
                el("span").class("num").text(v.clone()).into(),
                period.into(),
                stale.into(),
            ])
        }
        None => Node::List(vec![
            el("span")
                .attr("aria-hidden", "true")
                .class("missing")
                .text("—")
                .into(),
            el("span")
                .class("sr-only")
                .text(msg(lang, Msg::NoData))
                .into(),
        ]),
    };
    el("tr")
        .attr("role", "row")
        .class("row")
        .child(
            el("th")
                .attr("scope", "row")
                .attr("role", "rowheader")
                .class("c-name")
                .child(name),
        )
        .child(cell(
            Column::Level,
            r.level
                .map(|l| text(i18n::level_label(lang, l)))
                .unwrap_or_else(dash),
        ))
        .child(cell(
            Column::Target,
            r.target.clone().map(text).unwrap_or_else(dash),
        ))
        .child(cell(
            Column::Deadline,
            cells.deadline.clone().map(text).unwrap_or_else(dash),
        ))
        .child(cell(Column::Latest, latest))
        .child(
            el("td")
                .attr("role", "cell")
                .attr("data-label", msg(lang, Column::Attainment.title()))
                .class(Column::Attainment.class())
                .child(
                    el("span")
                        .class("v attainment")
                        .child(chart(&r.score, None, true, None))
                        .child(
                            el("span")
                                .class("num")
                                .text(cells.attainment.clone().unwrap_or_else(|| "—".into())),
                        ),
                ),
        )
        .child(cell(
            Column::Status,
            match r.invalid {
                Some(_) => crate::common::invalid_chip(lang).into(),
                None => status_chip(r.status, lang).into(),
            },
        ))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_latin_letters_is_unicode_folding() {
        // How `fold` worked with Unicode's case tables.
        let unicode_fold = |c: char| -> String {
            c.to_lowercase()
                .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
                .map(base_letter)
                .collect()
        };
        let ranges = [
            '\0'..='\u{17f}',
            '\u{300}'..='\u{36f}',
            '\u{1e00}'..='\u{1eff}',
        ];
        for c in ranges.into_iter().flatten().chain(['Ơ', 'ơ', 'Ư', 'ư']) {
            assert_eq!(fold(&c.to_string()), unicode_fold(c), "{c:?}");
        }
    }

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

    /// A table of `n` indicators, the first half in pillar A, the rest in pillar B; levels
    /// cycle province, district, commune; indicator 7 is about "hồ sơ công việc".
    fn props(n: usize, page_size: Option<usize>, filter: Filter) -> TargetTableProps {
        use chitieu_core::load::load_json;
        let indicators: Vec<String> = (0..n)
            .map(|i| {
                let pillar = if i < n / 2 { "a" } else { "b" };
                let level = ["province", "district", "commune"][i % 3];
                let name = if i == 7 {
                    "Hồ sơ công việc xử lý trên mạng".to_string()
                } else {
                    format!("Chỉ số {i}")
                };
                format!(
                    r#"{{"id": "ct-{i}", "pillar": "{pillar}", "level": "{level}", "unit": "percent",
                       "name": {{"vi": "{name}"}},
                       "targets": [{{"op": "gte", "value": 90, "deadline": "2025"}}],
                       "observations": [{{"period": "2022", "value": {v0}}}, {{"period": "2023", "value": {v}}}]}}"#,
                    v0 = (i * 7) % 100,
                    v = (i * 37) % 100
                )
            })
            .collect();
        let json = format!(
            r#"{{"schema": "chitieu/1", "plan": {{"id": "lon 2024", "title": "Lớn"}}, "as_of": "2024-06-30",
                "pillars": [{{"id": "a", "name": {{"vi": "Trụ cột A"}}}}, {{"id": "b", "name": {{"vi": "Trụ cột B"}}}}],
                "indicators": [{}]}}"#,
            indicators.join(",")
        );
        let ds = load_json(&json).expect("test dataset loads").dataset;
        TargetTableProps {
            ctx: Ctx::new(crate::Data::from(ds)),
            filter,
            page_size,
        }
    }

    fn table(n: usize, page_size: Option<usize>, filter: Filter) -> Table {
        Table::new(&props(n, page_size, filter)).unwrap_or_else(|_| panic!("no such pillar"))
    }

    /// The names of the rows shown, in order.
    fn shown(html: &str) -> Vec<&str> {
        html.split(r#"role="rowheader" class="c-name">"#)
            .skip(1)
            .filter_map(|rest| rest.split('<').next())
            .collect()
    }

    /// The ids of the rows the state lets through, in display order (from the CSV file).
    fn ids(t: &Table, st: &TableState) -> Vec<String> {
        let (_, file) = t.csv(st);
        file.split("\r\n")
            .skip(1)
            .filter(|l| !l.is_empty())
            .map(|l| l.split(',').next().unwrap_or_default().to_string())
            .collect()
    }

    fn changed() -> Outcome {
        Outcome {
            changed: true,
            handled: true,
            ..Outcome::default()
        }
    }

    fn to_page() -> Outcome {
        Outcome {
            changed: true,
            focus: Some("table".into()),
            scroll: true,
            handled: true,
        }
    }

    fn unchanged() -> Outcome {
        Outcome {
            handled: true,
            ..Outcome::default()
        }
    }

    #[test]
    fn a_sort_toggles_between_ascending_and_descending_and_goes_back_to_page_one() {
        let t = table(250, Some(PAGE_SIZE), Filter::default());
        let mut st = t.initial_state();
        assert_eq!(t.act(&mut st, "page", "2"), to_page());
        assert_eq!(st.page(), 2);

        assert_eq!(t.act(&mut st, "sort", "4"), changed());
        assert_eq!(st.sort(), Some((Column::Latest, SortDir::Asc)));
        assert_eq!(st.page(), 0);
        let html = t.view(&st).to_html();
        assert!(html.contains(r#"aria-sort="ascending" class="c-latest""#));
        assert_eq!(html.matches("aria-sort=").count(), 1);

        t.act(&mut st, "page", "1");
        assert_eq!(t.act(&mut st, "sort", "4"), changed());
        assert_eq!(st.sort(), Some((Column::Latest, SortDir::Desc)));
        assert_eq!(st.page(), 0);
        assert!(t
            .view(&st)
            .to_html()
            .contains(r#"aria-sort="descending" class="c-latest""#));
        // Descending turns back to ascending; another column starts ascending.
        t.act(&mut st, "sort", "4");
        assert_eq!(st.sort(), Some((Column::Latest, SortDir::Asc)));
        t.act(&mut st, "sort", "0");
        assert_eq!(st.sort(), Some((Column::Indicator, SortDir::Asc)));

        // Pillar by pillar, sorted within each: the latest values climb within pillar A.
        let mut st = t.initial_state();
        t.act(&mut st, "sort", "4");
        let latest = |id: &str| {
            let i: usize = id.trim_start_matches("ct-").parse().unwrap_or(usize::MAX);
            (i * 37) % 100
        };
        let order = ids(&t, &st);
        assert_eq!(order.len(), 250);
        let (a, b): (Vec<&String>, Vec<&String>) = order.iter().partition(|id| {
            id.trim_start_matches("ct-")
                .parse::<usize>()
                .is_ok_and(|i| i < 125)
        });
        assert_eq!(
            &order[..125],
            &a.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..]
        );
        assert!(a.windows(2).all(|w| latest(w[0]) <= latest(w[1])));
        assert!(b.windows(2).all(|w| latest(w[0]) <= latest(w[1])));
        // The page shows the sorted order's first rows.
        let names: Vec<String> = order[..50]
            .iter()
            .map(|id| format!("Chỉ số {}", id.trim_start_matches("ct-")))
            .collect();
        assert_eq!(shown(&t.view(&st).to_html()), names);
    }

    #[test]
    fn filters_and_search_narrow_the_rows_and_go_back_to_page_one() {
        let t = table(250, Some(PAGE_SIZE), Filter::default());
        let mut st = t.initial_state();
        assert_eq!(ids(&t, &st).len(), 250);

        t.act(&mut st, "page", "3");
        assert_eq!(t.act(&mut st, "pillar", "g1"), changed());
        assert_eq!(st.page(), 0);
        let b = ids(&t, &st);
        assert_eq!(b.len(), 125);
        assert!(b.iter().all(|id| id
            .trim_start_matches("ct-")
            .parse::<usize>()
            .is_ok_and(|i| i >= 125)));
        assert!(t
            .view(&st)
            .to_html()
            .contains("Hiển thị 1–50 trong 125 chỉ tiêu phù hợp (tổng số 250)"));

        t.act(&mut st, "page", "1");
        assert_eq!(t.act(&mut st, "level", "district"), changed());
        assert_eq!(st.page(), 0);
        let expected: Vec<String> = (125..250)
            .filter(|i| i % 3 == 1)
            .map(|i| format!("ct-{i}"))
            .collect();
        assert_eq!(ids(&t, &st), expected);
        let count = format!("{}/250 chỉ tiêu", expected.len());
        assert!(t.view(&st).to_html().contains(&count));

        // Status: the rows with the first district row's status.
        let status = t.prepared.rows[127].status;
        assert_eq!(t.act(&mut st, "status", status.as_str()), changed());
        let with_status: Vec<String> = (125..250)
            .filter(|&i| i % 3 == 1 && t.prepared.rows[i].status == status)
            .map(|i| format!("ct-{i}"))
            .collect();
        assert!(!with_status.is_empty());
        assert_eq!(ids(&t, &st), with_status);

        // Back to every pillar, level and status; search ignores case and diacritics.
        for name in ["pillar", "level", "status"] {
            assert_eq!(t.act(&mut st, name, ""), changed());
        }
        assert_eq!(ids(&t, &st).len(), 250);
        t.act(&mut st, "page", "4");
        assert_eq!(t.act(&mut st, "search", "HO SO"), changed());
        assert_eq!(st.page(), 0);
        assert_eq!(ids(&t, &st), vec!["ct-7"]);
        assert_eq!(t.act(&mut st, "search", "chỉ số 12"), changed());
        assert_eq!(
            ids(&t, &st),
            [
                "ct-12", "ct-120", "ct-121", "ct-122", "ct-123", "ct-124", "ct-125", "ct-126",
                "ct-127", "ct-128", "ct-129"
            ]
            .map(String::from)
        );
        // The same value again changes nothing.
        assert_eq!(t.act(&mut st, "search", "chỉ số 12"), unchanged());
    }

    #[test]
    fn clear_removes_every_filter_and_the_search() {
        let t = table(12, Some(PAGE_SIZE), Filter::default());
        let mut st = t.initial_state();
        t.act(&mut st, "pillar", "g0");
        t.act(&mut st, "level", "province");
        t.act(&mut st, "search", "zzz");
        assert!(ids(&t, &st).is_empty());
        let html = t.view(&st).to_html();
        assert!(html.contains(r#"<button type="button" data-act="clear" class="clear">"#));
        assert_eq!(t.act(&mut st, "clear", ""), changed());
        assert_eq!(st, t.initial_state());
        assert_eq!(ids(&t, &st).len(), 12);
        assert_eq!(t.act(&mut st, "clear", ""), unchanged());

        // Clearing also drops the filters the props gave.
        let t = table(
            12,
            Some(PAGE_SIZE),
            Filter {
                pillar: Some("b".into()),
                ..Filter::default()
            },
        );
        let mut st = t.initial_state();
        assert_eq!(ids(&t, &st).len(), 6);
        assert!(t
            .view(&st)
            .to_html()
            .contains(r#"<option value="g1" selected="selected">"#));
        t.act(&mut st, "clear", "");
        assert_eq!(ids(&t, &st).len(), 12);
    }

    #[test]
    fn a_page_change_clamps_and_asks_to_focus_the_table() {
        let t = table(120, Some(PAGE_SIZE), Filter::default());
        let mut st = t.initial_state();
        let html = t.view(&st).to_html();
        assert!(html.contains(r#"<table role="table" tabindex="-1">"#));
        assert!(html.contains(r#"data-act="page" data-arg="1" class="page-next""#));
        assert!(html.contains(r#"data-act="page" data-arg="2" class="page-last""#));

        assert_eq!(t.act(&mut st, "page", "99"), to_page());
        assert_eq!(st.page(), 2);
        let html = t.view(&st).to_html();
        assert!(html.contains("Hiển thị 101–120 trong 120 chỉ tiêu"));
        assert!(html.contains(
            r#"<button type="button" aria-disabled="true" data-act="page" data-arg="2" class="page-last">"#
        ));
        assert!(html.contains(r#"data-act="page" data-arg="1" class="page-prev""#));
        // Pillar B began on the page before.
        assert!(html.contains(r#"Trụ cột B <span class="continued">(tiếp theo)</span>"#));
        assert_eq!(html.matches("class=\"row\"").count(), 20);

        // The page shown: nothing to do.
        assert_eq!(t.act(&mut st, "page", "2"), unchanged());
        assert_eq!(t.act(&mut st, "page", "0"), to_page());
        assert_eq!(st.page(), 0);

        // A list shown whole has one page.
        let small = table(12, Some(PAGE_SIZE), Filter::default());
        let mut st = small.initial_state();
        assert_eq!(small.act(&mut st, "page", "1"), unchanged());
        assert_eq!(st, small.initial_state());
        assert!(!small.view(&st).to_html().contains("tabindex"));
    }

    #[test]
    fn unknown_actions_and_bad_values_change_nothing() {
        let t = table(120, Some(PAGE_SIZE), Filter::default());
        let mut st = t.initial_state();
        t.act(&mut st, "sort", "2");
        t.act(&mut st, "page", "1");
        let before = st.clone();
        for (name, value) in [
            ("nope", "1"),
            ("", ""),
            ("csv", ""),
            ("sort", "7"),
            ("sort", "x"),
            ("sort", ""),
            ("pillar", "g2"),
            ("pillar", "1"),
            ("pillar", "g"),
            ("level", "city"),
            ("status", "great"),
            ("page", "-1"),
            ("page", "abc"),
            ("page", ""),
        ] {
            assert_eq!(
                t.act(&mut st, name, value),
                Outcome::default(),
                "{name}={value}"
            );
            assert_eq!(st, before, "{name}={value}");
        }
    }

    #[test]
    fn the_csv_file_holds_every_filtered_row_not_only_the_page() {
        let t = table(250, Some(PAGE_SIZE), Filter::default());
        let mut st = t.initial_state();
        let (name, file) = t.csv(&st);
        assert_eq!(name, "lon-2024.csv");
        assert!(file.starts_with("\u{FEFF}Mã chỉ tiêu,Chỉ tiêu,Trụ cột,"));
        assert_eq!(file.matches("\r\n").count(), 251);
        t.act(&mut st, "pillar", "g1");
        t.act(&mut st, "page", "2");
        let (_, file) = t.csv(&st);
        assert_eq!(file.matches("\r\n").count(), 126);
        assert!(file.contains("\r\nct-125,Chỉ số 125,Trụ cột B,Cấp xã,"));
        assert_eq!(t.view(&st).to_html().matches("class=\"row\"").count(), 25);
    }

    #[test]
    fn the_csv_file_neutralises_cells_a_spreadsheet_would_run() {
        let json = r#"{"schema": "chitieu/1", "plan": {"id": "p", "title": "P"}, "as_of": "2024-06-30",
            "pillars": [{"id": "a", "name": "+Trụ cột"}],
            "indicators": [{"id": "@ct", "pillar": "a", "unit": "percent",
                "name": "=HYPERLINK(\"http://x.invalid\")",
                "targets": [{"text": "-2+3+cmd|' /C calc'!A0", "op": "gte", "value": 90, "deadline": "2025"}],
                "observations": [{"period": "2023", "value": -5}]}]}"#;
        let ds = chitieu_core::load::load_json(json)
            .expect("test dataset loads")
            .dataset;
        let props = TargetTableProps {
            ctx: Ctx::new(crate::Data::from(ds)),
            filter: Filter::default(),
            page_size: None,
        };
        let t = Table::new(&props).unwrap_or_else(|_| panic!("no such pillar"));
        let (_, file) = t.csv(&t.initial_state());
        let row = file.split("\r\n").nth(1).unwrap_or_default();
        assert!(
            row.starts_with(
                "'@ct,\"'=HYPERLINK(\"\"http://x.invalid\"\")\",'+Trụ cột,,'-2+3+cmd|' /C calc'!A0,"
            ),
            "{row}"
        );
        assert!(
            row.contains(",-5%,"),
            "a negative figure is not a formula: {row}"
        );
    }

    #[test]
    fn the_data_shown_follows_the_readers_search_and_filters_in_dataset_order() {
        let p = props(250, Some(PAGE_SIZE), Filter::default());
        let t = Table::new(&p).unwrap_or_else(|_| panic!("no such pillar"));
        let mut st = t.initial_state();
        assert_eq!(t.data_shown(&st, &p.ctx).indicators.len(), 250);
        // Without diacritics, as readers type: only "Hồ sơ công việc…" (ct-7, pillar a).
        t.act(&mut st, "search", "ho so cong viec");
        let shown = t.data_shown(&st, &p.ctx);
        let ids: Vec<&str> = shown.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["ct-7"]);
        let pillars: Vec<&str> = shown.pillars.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(pillars, ["a"], "only the pillars the rows use");
        // A sort changes the display order, not the dataset's; the level filter narrows.
        t.act(&mut st, "clear", "");
        t.act(&mut st, "sort", "4");
        t.act(&mut st, "pillar", "g1");
        t.act(&mut st, "level", "commune");
        let shown = t.data_shown(&st, &p.ctx);
        let ids: Vec<&str> = shown.indicators.iter().map(|i| i.id.as_str()).collect();
        let expected: Vec<String> = (125..250)
            .filter(|i| i % 3 == 2)
            .map(|i| format!("ct-{i}"))
            .collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn names_pick_the_indicator_only_when_the_host_lets_readers_pick() {
        let t = table(3, None, Filter::default());
        let html = t.view(&t.initial_state()).to_html();
        assert!(html.contains(r#"<th scope="row" role="rowheader" class="c-name">Chỉ số 0</th>"#));
        assert!(!html.contains("data-select"));

        let mut p = props(3, None, Filter::default());
        p.ctx.selectable = true;
        let html = render(&p).to_html();
        assert!(html.contains(
            r#"<button type="button" data-select="" data-indicator="ct-0" class="pick">Chỉ số 0</button>"#
        ));
    }
}
