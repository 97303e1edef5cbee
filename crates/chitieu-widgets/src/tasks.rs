//! The task list: a plan's tasks (nhiệm vụ) — who must deliver what, by when, and where
//! each stands — grouped by the appendix's headings, by lead unit or by due period, with
//! filters, search without diacritics and a summary line; or, as `variant="summary"`, a
//! compact block of counts and the most overdue tasks.
//!
//! Where a task stands is core's ([`chitieu_core::tasks`]): the latest report's status,
//! overdue and due soon on the evaluation date. A task without a report says so in words
//! ("Chưa có báo cáo"), never a guessed status; every status is an icon and words, so
//! colour only repeats them. Like the table, the list keeps its UI state in a pure state
//! machine ([`Tasks::act`]), named by the markup's `data-act`.

use chitieu_core::load::Quarantined;
use chitieu_core::tasks::{count, group_label, task_state, TaskCounts, TaskState};
use chitieu_core::{Lang, Task, TaskStatus};

use crate::common::Ctx;
use crate::i18n::period_label;
use crate::markup::{el, text, El, Node, Outcome};
use crate::table::{csv, fold, matches};

/// How the list is grouped (`group-by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// By the appendix's headings, in the plan's order.
    #[default]
    Group,
    /// By lead unit; a task led by several units is listed under each.
    Lead,
    /// By due period, soonest first; tasks without one last.
    Due,
}

impl GroupBy {
    pub fn parse(s: &str) -> Option<GroupBy> {
        match s.trim() {
            "" | "group" => Some(GroupBy::Group),
            "lead" => Some(GroupBy::Lead),
            "due" => Some(GroupBy::Due),
            _ => None,
        }
    }
    fn as_str(self) -> &'static str {
        match self {
            GroupBy::Group => "group",
            GroupBy::Lead => "lead",
            GroupBy::Due => "due",
        }
    }
}

#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "yew", derive(yew::Properties))]
pub struct TasksProps {
    pub ctx: Ctx,
    #[cfg_attr(feature = "yew", prop_or_default)]
    pub group_by: GroupBy,
    /// The compact block: counts by status and the most overdue tasks.
    #[cfg_attr(feature = "yew", prop_or_default)]
    pub summary: bool,
    /// Days ahead a deadline counts as due soon.
    #[cfg_attr(feature = "yew", prop_or(chitieu_core::tasks::DEFAULT_WINDOW_DAYS))]
    pub window_days: u32,
}

/// The words of the widget, in both languages.
fn w(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A status filter: a reported status, no report, or a deadline state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Status(TaskStatus),
    Unreported,
    Overdue,
    DueSoon,
}

impl Show {
    const ALL: [Show; 7] = [
        Show::Overdue,
        Show::DueSoon,
        Show::Status(TaskStatus::Done),
        Show::Status(TaskStatus::InProgress),
        Show::Status(TaskStatus::NotStarted),
        Show::Status(TaskStatus::Cancelled),
        Show::Unreported,
    ];

    fn key(self) -> &'static str {
        match self {
            Show::Status(s) => s.as_str(),
            Show::Unreported => "unreported",
            Show::Overdue => "overdue",
            Show::DueSoon => "due_soon",
        }
    }

    fn parse(s: &str) -> Option<Show> {
        let s = s.trim().replace('-', "_");
        Show::ALL.into_iter().find(|v| v.key() == s)
    }

    fn admits(self, st: &TaskState) -> bool {
        match self {
            Show::Status(s) => st.status == Some(s),
            Show::Unreported => st.status.is_none(),
            Show::Overdue => st.is_overdue(),
            Show::DueSoon => st.due_in_days.is_some(),
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Show::Status(s) => status_label(lang, Some(s)),
            Show::Unreported => status_label(lang, None),
            Show::Overdue => w(lang, "Quá hạn", "Overdue"),
            Show::DueSoon => w(lang, "Sắp đến hạn", "Due soon"),
        }
    }
}

fn status_label(lang: Lang, s: Option<TaskStatus>) -> &'static str {
    match s {
        Some(TaskStatus::Done) => w(lang, "Đã hoàn thành", "Done"),
        Some(TaskStatus::InProgress) => w(lang, "Đang thực hiện", "In progress"),
        Some(TaskStatus::NotStarted) => w(lang, "Chưa triển khai", "Not started"),
        Some(TaskStatus::Cancelled) => w(lang, "Đã hủy", "Cancelled"),
        None => w(lang, "Chưa có báo cáo", "No report yet"),
    }
}

fn status_icon(s: Option<TaskStatus>) -> &'static str {
    match s {
        Some(TaskStatus::Done) => "✓",
        Some(TaskStatus::InProgress) => "◐",
        Some(TaskStatus::NotStarted) => "○",
        Some(TaskStatus::Cancelled) => "✕",
        None => "?",
    }
}

fn status_class(s: Option<TaskStatus>) -> &'static str {
    match s {
        Some(TaskStatus::Done) => "done",
        Some(TaskStatus::InProgress) => "in-progress",
        Some(TaskStatus::NotStarted) => "not-started",
        Some(TaskStatus::Cancelled) => "cancelled",
        None => "unreported",
    }
}

/// A chip: icon (hidden from screen readers) and words.
fn chip(class: String, icon: &'static str, words: String) -> El {
    el("span")
        .class(class)
        .child(
            el("span")
                .attr("aria-hidden", "true")
                .class("icon")
                .text(icon),
        )
        .text(" ")
        .text(words)
}

fn status_chip(lang: Lang, s: Option<TaskStatus>) -> El {
    chip(
        format!("chip task-{}", status_class(s)),
        status_icon(s),
        status_label(lang, s).to_string(),
    )
}

fn overdue_words(lang: Lang, days: u32) -> String {
    match lang {
        Lang::Vi => format!("Quá hạn {days} ngày"),
        Lang::En if days == 1 => "1 day overdue".to_string(),
        Lang::En => format!("{days} days overdue"),
    }
}

fn due_in_words(lang: Lang, days: u32) -> String {
    match (lang, days) {
        (Lang::Vi, 0) => "Đến hạn hôm nay".to_string(),
        (Lang::Vi, d) => format!("Còn {d} ngày đến hạn"),
        (Lang::En, 0) => "Due today".to_string(),
        (Lang::En, 1) => "Due in 1 day".to_string(),
        (Lang::En, d) => format!("Due in {d} days"),
    }
}

/// The deadline chip, when the task is overdue or due soon.
fn deadline_chip(lang: Lang, st: &TaskState) -> Option<El> {
    if let Some(d) = st.overdue_days {
        return Some(chip("chip overdue".into(), "⚠", overdue_words(lang, d)));
    }
    st.due_in_days
        .map(|d| chip("chip due-soon".into(), "⏳", due_in_words(lang, d)))
}

/// A deadline's day in words: "Hạn 31/12/2024", "Due 31 Dec 2024".
fn deadline_words(lang: Lang, d: chitieu_core::Date) -> String {
    let day = period_label(lang, chitieu_core::Period::Day(d));
    format!("{} {day}", w(lang, "Hạn", "Due"))
}

/// The due period in words: as the plan words it, else the period's label.
fn due_words(lang: Lang, t: &Task) -> Option<String> {
    let due = t.due.as_ref()?;
    if let Some(text) = due.text.as_deref().filter(|s| !s.trim().is_empty()) {
        return Some(text.to_string());
    }
    let label = |p| period_label(lang, p);
    match (due.start, due.period, due.every) {
        (_, _, Some(_)) => Some(w(lang, "Hằng năm", "Every year").to_string()),
        (Some(s), Some(p), _) => Some(format!("{} – {}", label(s), label(p))),
        (_, Some(p), _) => Some(label(p)),
        _ => None,
    }
}

/// One row of the list: a task, or one set aside because its data is invalid.
#[derive(Clone, PartialEq)]
struct Row {
    /// Its place in the dataset's tasks (`None`: set aside).
    task: Option<usize>,
    id: String,
    name: String,
    state: TaskState,
    group: String,
    due: Option<String>,
    /// The due period's key, to group and filter by: its last day, `YYYY-MM-DD`.
    due_key: Option<String>,
    /// Name, id, units, output and due, folded for search.
    folded: String,
    /// Why it is set aside, when it is.
    invalid: Option<String>,
}

/// The list, built once per props: rows with their states, the units and due periods to
/// filter by.
#[derive(Clone, PartialEq)]
pub struct Tasks {
    props: TasksProps,
    rows: Vec<Row>,
    leads: Vec<String>,
    /// Due periods: (key, words), soonest first.
    dues: Vec<(String, String)>,
    counts: TaskCounts,
}

/// The reader's choices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TasksState {
    pub show: Option<Show>,
    /// An index into the lead units.
    pub lead: Option<usize>,
    /// An index into the due periods.
    pub due: Option<usize>,
    pub query: String,
    /// The grouping, when the reader changed it.
    pub group_by: Option<GroupBy>,
}

impl TasksState {
    fn is_filtered(&self) -> bool {
        self.show.is_some() || self.lead.is_some() || self.due.is_some() || !self.query.is_empty()
    }
}

/// The widget's markup: the list in its first state, or the summary block.
pub fn render(p: &TasksProps) -> Node {
    let t = Tasks::new(p);
    if p.summary {
        t.summary()
    } else {
        t.view(&TasksState::default())
    }
}

impl Tasks {
    pub fn new(p: &TasksProps) -> Tasks {
        let ctx = &p.ctx;
        let ds = &ctx.data.0;
        let (lang, as_of) = (ctx.lang, ctx.as_of());
        let mut rows = Vec::with_capacity(ds.tasks.len() + ds.quarantined_tasks.len());
        let mut leads: Vec<String> = Vec::new();
        let mut dues: Vec<(String, String)> = Vec::new();
        for (i, t) in ds.tasks.iter().enumerate() {
            let state = task_state(t, as_of, p.window_days);
            for l in &t.lead {
                if !leads.contains(l) {
                    leads.push(l.clone());
                }
            }
            let due = due_words(lang, t);
            let due_key = state.due.map(|d| d.to_string());
            if let Some(d) = state.due {
                // Kept in order as they come (soonest first), without a sort's code. By
                // the deadline's day: "Quý IV/2024" and "Tháng 12/2024" end on the same one.
                let k = d.to_string();
                let at = dues.partition_point(|(dk, _)| *dk < k);
                if dues.get(at).is_none_or(|(dk, _)| *dk != k) {
                    dues.insert(at, (k, deadline_words(lang, d)));
                }
            }
            let mut hay = vec![t.id.as_str(), t.name.get(lang.tag())];
            hay.extend(t.lead.iter().chain(&t.partners).map(String::as_str));
            hay.extend(t.output.as_deref());
            hay.extend(due.as_deref());
            let folded = fold(&hay.join(" "));
            rows.push(Row {
                task: Some(i),
                id: t.id.clone(),
                name: t.name.get(lang.tag()).to_string(),
                state,
                group: group_label(t),
                due,
                due_key,
                folded,
                invalid: None,
            });
        }
        // A task set aside keeps its place in the file, marked, with its first reason.
        if !ds.quarantined_tasks.is_empty() {
            let mut healthy = std::mem::take(&mut rows).into_iter();
            let mut aside = ds.quarantined_tasks.iter().peekable();
            for place in 0..ds.tasks.len() + ds.quarantined_tasks.len() {
                match aside.next_if(|q| q.index == place) {
                    Some(q) => rows.push(invalid_row(q, lang)),
                    None => rows.extend(healthy.next()),
                }
            }
            rows.extend(healthy);
            rows.extend(aside.map(|q| invalid_row(q, lang)));
        }
        // From the states just computed, not by judging every task again.
        let mut counts = TaskCounts::default();
        for r in rows.iter().filter(|r| r.invalid.is_none()) {
            counts.add(&r.state);
        }
        Tasks {
            props: p.clone(),
            rows,
            leads,
            dues,
            counts,
        }
    }

    pub fn initial_state(&self) -> TasksState {
        TasksState::default()
    }

    fn lang(&self) -> Lang {
        self.props.ctx.lang
    }

    /// "Nhiệm vụ — <the plan's title>", the title marked as Vietnamese on an English page.
    fn caption(&self, head: &str) -> El {
        el("p").class("caption").text(format!("{head} — ")).child(
            el("span")
                .attr_opt("lang", self.vi_in_en())
                .text(self.props.ctx.data.0.plan.title.clone()),
        )
    }

    /// `Some("vi")` on an English page: the mark for the plan's own words.
    fn vi_in_en(&self) -> Option<&'static str> {
        (self.lang() == Lang::En).then_some("vi")
    }

    fn task(&self, r: &Row) -> Option<&Task> {
        self.props.ctx.data.0.tasks.get(r.task?)
    }

    /// The rows the state lets through, in the dataset's order.
    fn visible(&self, st: &TasksState) -> Vec<&Row> {
        let q = fold(st.query.trim());
        let lead = st.lead.and_then(|i| self.leads.get(i));
        let due = st.due.and_then(|i| self.dues.get(i)).map(|(k, _)| k);
        self.rows
            .iter()
            .filter(|r| {
                st.show
                    .is_none_or(|s| r.invalid.is_none() && s.admits(&r.state))
                    && lead.is_none_or(|l| self.task(r).is_some_and(|t| t.lead.contains(l)))
                    && due.is_none_or(|d| r.due_key.as_ref() == Some(d))
                    && (q.is_empty() || matches(&r.folded, &q))
            })
            .collect()
    }

    /// Advances the state by a named action (`show`, `lead`, `due`, `group`, `search`,
    /// `clear`); unknown actions and values change nothing.
    pub fn act(&self, st: &mut TasksState, name: &str, value: &str) -> Outcome {
        let mut next = st.clone();
        let index = |len: usize| value.trim().parse::<usize>().ok().filter(|&i| i < len);
        match name {
            "show" if value.is_empty() => next.show = None,
            "show" => match Show::parse(value) {
                Some(s) => next.show = Some(s),
                None => return Outcome::default(),
            },
            "lead" if value.is_empty() => next.lead = None,
            "lead" => match index(self.leads.len()) {
                Some(i) => next.lead = Some(i),
                None => return Outcome::default(),
            },
            "due" if value.is_empty() => next.due = None,
            "due" => match index(self.dues.len()) {
                Some(i) => next.due = Some(i),
                None => return Outcome::default(),
            },
            "group" => match GroupBy::parse(value) {
                Some(g) => next.group_by = Some(g),
                None => return Outcome::default(),
            },
            "search" => next.query = value.to_string(),
            "clear" => {
                next = TasksState {
                    group_by: st.group_by,
                    ..TasksState::default()
                }
            }
            _ => return Outcome::default(),
        }
        let changed = next != *st;
        *st = next;
        Outcome {
            changed,
            handled: true,
            ..Outcome::default()
        }
    }

    /// The tasks the state lets through, as a dataset of their own (plan, pillars they
    /// name, no indicators): what the download menu saves as `chitieu/1` CSV.
    pub fn data_shown(&self, st: &TasksState) -> chitieu_core::Dataset {
        let ctx = &self.props.ctx;
        let mut ds = crate::spec::narrowed(ctx, &|_| false);
        ds.tasks = self
            .visible(st)
            .into_iter()
            .filter_map(|r| self.task(r).cloned())
            .collect();
        ds
    }

    /// The list's own CSV download, in the reader's language: the file name and the rows
    /// the filters let through.
    pub fn csv(&self, st: &TasksState) -> (String, String) {
        let lang = self.lang();
        let header: Vec<&str> = match lang {
            Lang::Vi => vec![
                "Mã",
                "Nhóm",
                "Nhiệm vụ",
                "Chủ trì",
                "Phối hợp",
                "Kết quả",
                "Thời hạn",
                "Trạng thái",
                "Quá hạn (ngày)",
                "Báo cáo gần nhất",
            ],
            Lang::En => vec![
                "Id",
                "Group",
                "Task",
                "Lead",
                "Partners",
                "Output",
                "Due",
                "Status",
                "Days overdue",
                "Latest report",
            ],
        };
        let rows: Vec<Vec<String>> = self
            .visible(st)
            .into_iter()
            .map(|r| {
                let t = self.task(r);
                let units = |f: fn(&Task) -> &Vec<String>| t.map(|t| f(t).join("; "));
                vec![
                    r.id.clone(),
                    r.group.clone(),
                    r.name.clone(),
                    units(|t| &t.lead).unwrap_or_default(),
                    units(|t| &t.partners).unwrap_or_default(),
                    t.and_then(|t| t.output.clone()).unwrap_or_default(),
                    r.due.clone().unwrap_or_default(),
                    match &r.invalid {
                        Some(_) => crate::i18n::invalid_data(lang).to_string(),
                        None => status_label(lang, r.state.status).to_string(),
                    },
                    r.state
                        .overdue_days
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    r.state.reported.map(|d| d.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        let plan = &self.props.ctx.data.0.plan.id;
        let name = format!(
            "{}-nhiem-vu.csv",
            if plan.is_empty() { "chitieu" } else { plan }
        );
        (name, csv(&header, &rows))
    }

    /// "Đã hoàn thành 27 · Đang thực hiện 23 · …": the counts, each in words, with the
    /// total; or that no task has a report yet.
    fn summary_line(&self) -> El {
        let (lang, c) = (self.lang(), &self.counts);
        let invalid = self.props.ctx.data.0.quarantined_tasks.len();
        let total = match lang {
            Lang::Vi => format!("{} nhiệm vụ", c.total + invalid),
            Lang::En => format!("{} tasks", c.total + invalid),
        };
        // Those set aside are in the total, under their own words.
        let invalid =
            (invalid > 0).then(|| format!("{}: {invalid}", crate::i18n::invalid_data(lang)));
        if !c.any_reported() {
            let none = w(
                lang,
                "chưa có báo cáo tiến độ nào, nên chưa biết nhiệm vụ nào đã xong",
                "no progress reported yet, so which are done is not known",
            );
            let invalid = invalid.map(|i| format!(" {i}.")).unwrap_or_default();
            return el("p")
                .class("summary")
                .text(format!("{total}: {none}.{invalid}"));
        }
        let mut parts: Vec<String> = vec![total];
        for (s, n) in [
            (Show::Status(TaskStatus::Done), c.done),
            (Show::Status(TaskStatus::InProgress), c.in_progress),
            (Show::Status(TaskStatus::NotStarted), c.not_started),
            (Show::Overdue, c.overdue),
            (Show::Status(TaskStatus::Cancelled), c.cancelled),
            (Show::Unreported, c.unreported),
        ] {
            if n > 0 || matches!(s, Show::Status(TaskStatus::Done) | Show::Overdue) {
                parts.push(format!("{}: {n}", s.label(lang)));
            }
        }
        if c.on_time_share().is_some() {
            parts.push(match lang {
                Lang::Vi => format!(
                    "đúng hạn {}/{} nhiệm vụ đã xong có thời hạn",
                    c.on_time, c.done_dated
                ),
                Lang::En => format!(
                    "on time: {} of {} done tasks with a deadline",
                    c.on_time, c.done_dated
                ),
            });
        }
        parts.extend(invalid);
        el("p").class("summary").text(parts.join(" · "))
    }

    /// The list's markup in state `st`.
    pub fn view(&self, st: &TasksState) -> Node {
        let lang = self.lang();
        let ctx = &self.props.ctx;
        let group_by = st.group_by.unwrap_or(self.props.group_by);
        let visible = self.visible(st);
        let option = |value: String, label: &str, selected: bool| {
            el("option")
                .attr("value", value)
                .attr_opt("selected", selected.then_some("selected"))
                .text(label)
        };
        let all = w(lang, "Tất cả", "All");
        let field = |label: &str, control: El| {
            el("label")
                .class("field")
                .child(el("span").class("field-label").text(label))
                .child(control)
        };
        let group_select = field(
            w(lang, "Nhóm theo", "Group by"),
            el("select").attr("data-act", "group").children(
                [
                    (GroupBy::Group, w(lang, "Nhóm nhiệm vụ", "Task group")),
                    (GroupBy::Lead, w(lang, "Đơn vị chủ trì", "Lead unit")),
                    (GroupBy::Due, w(lang, "Thời hạn", "Due period")),
                ]
                .into_iter()
                .map(|(g, label)| option(g.as_str().into(), label, g == group_by)),
            ),
        );
        let show = field(
            w(lang, "Trạng thái", "Status"),
            el("select")
                .attr("data-act", "show")
                .child(option(String::new(), all, st.show.is_none()))
                .children(
                    Show::ALL
                        .into_iter()
                        .map(|s| option(s.key().into(), s.label(lang), st.show == Some(s))),
                ),
        );
        let lead = field(
            w(lang, "Đơn vị chủ trì", "Lead unit"),
            el("select")
                .attr("data-act", "lead")
                .child(option(String::new(), all, st.lead.is_none()))
                .children(
                    self.leads
                        .iter()
                        .enumerate()
                        .map(|(i, l)| option(i.to_string(), l, st.lead == Some(i))),
                ),
        );
        let due = field(
            w(lang, "Thời hạn", "Due"),
            el("select")
                .attr("data-act", "due")
                .child(option(String::new(), all, st.due.is_none()))
                .children(
                    self.dues
                        .iter()
                        .enumerate()
                        .map(|(i, (_, words))| option(i.to_string(), words, st.due == Some(i))),
                ),
        );
        let search = crate::common::search_field(w(lang, "Tìm kiếm", "Search"), &st.query);
        let csv_button = crate::common::csv_button(w(lang, "Tải CSV", "Download CSV"));
        let controls = el("div")
            .attr("role", "group")
            .attr("aria-label", w(lang, "Bộ lọc", "Filters"))
            .class("controls")
            .child(group_select)
            .child(show)
            .child_opt((!self.leads.is_empty()).then_some(lead))
            .child_opt((!self.dues.is_empty()).then_some(due))
            .child(search)
            .child(csv_button);

        let count = match lang {
            Lang::Vi => format!("Hiển thị {}/{} nhiệm vụ", visible.len(), self.rows.len()),
            Lang::En => format!("Showing {} of {} tasks", visible.len(), self.rows.len()),
        };
        let groups = self.grouped(&visible, group_by);
        // A plan whose appendix has no headings is one list, not "not in a group".
        let alone = groups.len() == 1;
        let lists = groups.into_iter().map(|(title, members)| {
            let title = match (title.is_empty(), alone) {
                (true, true) => w(lang, "Tất cả nhiệm vụ", "All tasks").to_string(),
                (true, false) => w(lang, "Không thuộc nhóm nào", "Not in a group").to_string(),
                (false, _) => title,
            };
            el("section")
                .class("group")
                .child(
                    el("h3")
                        .class("group-title")
                        .child(el("span").attr_opt("lang", self.vi_in_en()).text(title))
                        .text(format!(" ({})", members.len())),
                )
                .child(
                    el("ul")
                        .class("task-list")
                        .children(members.into_iter().map(|r| self.item(r))),
                )
        });
        let empty = visible.is_empty().then(|| {
            let words = if self.rows.is_empty() {
                w(
                    lang,
                    "Bộ dữ liệu không có nhiệm vụ nào.",
                    "The dataset has no tasks.",
                )
            } else {
                w(
                    lang,
                    "Không có nhiệm vụ nào khớp với bộ lọc.",
                    "No task matches the filters.",
                )
            };
            let clear = st.is_filtered().then(|| {
                vec![
                    text(" "),
                    el("button")
                        .attr("type", "button")
                        .attr("data-act", "clear")
                        .class("clear")
                        .text(w(lang, "Bỏ lọc", "Clear filters"))
                        .into(),
                ]
            });
            el("p").class("empty").text(words).child_opt(clear)
        });
        let head = w(lang, "Nhiệm vụ", "Tasks");
        let caption = format!("{head} — {}", ctx.data.0.plan.title);
        let caption_line = self.caption(head);
        el("div")
            .attr("lang", lang.tag())
            .attr("role", "region")
            .attr("aria-label", caption.clone())
            .class(ctx.class_list("tasks"))
            .child(caption_line)
            .child(self.summary_line())
            .child(controls)
            .child(el("p").attr("role", "status").class("count").text(count))
            .children(lists)
            .child_opt(empty)
            .into()
    }

    /// The visible rows in groups, each with its title, in the grouping's order.
    fn grouped<'a>(&self, visible: &[&'a Row], by: GroupBy) -> Vec<(String, Vec<&'a Row>)> {
        let mut out: Vec<(String, Vec<&Row>)> = Vec::new();
        // Groups by due period are kept soonest first (no deadline last) as they come.
        let ordered = by == GroupBy::Due;
        let mut add = |key: String, r: &'a Row| match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(r),
            None if ordered => {
                let at = out.partition_point(|(k, _)| (k.is_empty(), k) < (key.is_empty(), &key));
                out.insert(at, (key, vec![r]));
            }
            None => out.push((key, vec![r])),
        };
        for &r in visible {
            match by {
                GroupBy::Group => add(r.group.clone(), r),
                GroupBy::Due => add(r.due_key.clone().unwrap_or_default(), r),
                GroupBy::Lead => {
                    let leads = self.task(r).map(|t| t.lead.clone()).unwrap_or_default();
                    if leads.is_empty() {
                        add(String::new(), r);
                    }
                    for l in leads {
                        add(l, r);
                    }
                }
            }
        }
        if ordered {
            // Titled by the deadline's day, in words.
            for (k, _) in &mut out {
                if let Some((_, words)) = self.dues.iter().find(|(dk, _)| dk == k) {
                    *k = words.clone();
                }
            }
        }
        out
    }

    /// One task as a card: status and deadline chips, name, units, output, due period and
    /// the latest report.
    fn item(&self, r: &Row) -> El {
        let lang = self.lang();
        if let Some(reason) = &r.invalid {
            return el("li")
                .class("task invalid")
                .child(
                    el("p")
                        .class("chips")
                        .child(crate::common::invalid_chip(lang)),
                )
                .child(el("p").class("name").text(r.name.clone()))
                .child(el("p").class("reason").text(reason.clone()));
        }
        let li = el("li").class(format!("task task-{}", status_class(r.state.status)));
        let Some(t) = self.task(r) else {
            return li;
        };
        // The plan's own words are Vietnamese: marked so on an English page, so a screen
        // reader reads them as Vietnamese.
        let vi = self.vi_in_en();
        let pair = |term: &str, value: String| {
            vec![
                el("dt").text(term),
                el("dd").attr_opt("lang", vi).text(value),
            ]
        };
        let mut facts: Vec<El> = Vec::new();
        if !t.lead.is_empty() {
            facts.extend(pair(w(lang, "Chủ trì", "Lead"), t.lead.join("; ")));
        }
        if !t.partners.is_empty() {
            facts.extend(pair(w(lang, "Phối hợp", "Partners"), t.partners.join("; ")));
        }
        if let Some(o) = &t.output {
            facts.extend(pair(w(lang, "Kết quả", "Output"), o.clone()));
        }
        if let Some(d) = &r.due {
            facts.extend(pair(w(lang, "Thời hạn", "Due"), d.clone()));
        }
        let latest = r.state.reported.and_then(|date| {
            let u = t.updates.iter().rev().find(|u| u.date == date)?;
            let mut dd = el("dd").text(period_label(lang, chitieu_core::Period::Day(date)));
            if let Some(n) = &u.note {
                dd = dd
                    .text(": ")
                    .child(el("span").attr_opt("lang", vi).text(n.clone()));
            }
            // Only a web address becomes a link: never `javascript:` or `data:`.
            let link = u
                .evidence_url
                .as_deref()
                .filter(|url| chitieu_core::is_web_address(url));
            if let Some(url) = link {
                dd = dd.text(" ").child(
                    el("a")
                        .attr("href", url.trim())
                        .attr("rel", "noopener noreferrer")
                        .text(w(lang, "Minh chứng", "Evidence")),
                );
            }
            Some(vec![
                el("dt").text(w(lang, "Báo cáo gần nhất", "Latest report")),
                dd,
            ])
        });
        facts.extend(latest.into_iter().flatten());
        li.child(
            el("p")
                .class("chips")
                .child(status_chip(lang, r.state.status))
                .child_opt(deadline_chip(lang, &r.state).map(|c| vec![text(" "), c.into()])),
        )
        .child(
            el("p")
                .attr_opt("lang", vi.filter(|_| t.name.get("en") == t.name.vi))
                .class("name")
                .text(r.name.clone()),
        )
        .child(el("dl").class("facts").children(facts))
    }

    /// The compact block: counts by status (icon, words, number) and the five most
    /// overdue tasks.
    pub fn summary(&self) -> Node {
        let lang = self.lang();
        let ctx = &self.props.ctx;
        let c = &self.counts;
        let counts = [
            (Some(TaskStatus::Done), c.done),
            (Some(TaskStatus::InProgress), c.in_progress),
            (Some(TaskStatus::NotStarted), c.not_started),
            (Some(TaskStatus::Cancelled), c.cancelled),
            (None, c.unreported),
        ];
        let boxes = counts
            .into_iter()
            .filter(|(s, n)| *n > 0 || *s == Some(TaskStatus::Done))
            .map(|(s, n)| {
                el("li")
                    .class(format!("count task-{}", status_class(s)))
                    .child(el("span").class("n").text(n.to_string()))
                    .text(" ")
                    .child(status_chip(lang, s))
            });
        let overdue_box = el("li")
            .class("count overdue")
            .child(el("span").class("n").text(c.overdue.to_string()))
            .text(" ")
            .child(chip(
                "chip overdue".into(),
                "⚠",
                w(lang, "Quá hạn", "Overdue").to_string(),
            ));
        // The five most overdue, by picking the most overdue left five times (no sort's
        // code in the wasm); ties keep the plan's order.
        let mut left: Vec<&Row> = self
            .rows
            .iter()
            .filter(|r| r.state.is_overdue() && r.invalid.is_none())
            .collect();
        let mut late: Vec<&Row> = Vec::new();
        while late.len() < 5 {
            let most = left
                .iter()
                .enumerate()
                .max_by_key(|(i, r)| (r.state.overdue_days, std::cmp::Reverse(*i)))
                .map(|(i, _)| i);
            match most {
                Some(i) => late.push(left.remove(i)),
                None => break,
            }
        }
        let late_list = if late.is_empty() {
            el("p").class("none-late").text(w(
                lang,
                "Không có nhiệm vụ nào quá hạn.",
                "No task is overdue.",
            ))
        } else {
            el("ol").class("late").children(late.into_iter().map(|r| {
                let lead = self
                    .task(r)
                    .map(|t| t.lead.join("; "))
                    .filter(|l| !l.is_empty());
                el("li")
                    .child(el("span").class("name").text(r.name.clone()))
                    .child_opt(lead.map(|l| el("span").class("lead").text(format!(" — {l}"))))
                    .text(" ")
                    .child_opt(deadline_chip(lang, &r.state))
            }))
        };
        let head = w(lang, "Tiến độ nhiệm vụ", "Task progress");
        let caption = format!("{head} — {}", ctx.data.0.plan.title);
        let caption_line = self.caption(head);
        let as_of = format!(
            "{} {}",
            w(lang, "Tính đến ngày", "As of"),
            period_label(lang, chitieu_core::Period::Day(ctx.as_of()))
        );
        el("div")
            .attr("lang", lang.tag())
            .attr("role", "region")
            .attr("aria-label", caption.clone())
            .class(format!("{} summary-variant", ctx.class_list("tasks")))
            .child(caption_line)
            .child(el("p").class("as-of").text(as_of))
            .child(self.summary_line())
            .child(el("ul").class("counts").children(boxes).child(overdue_box))
            .child(
                el("p")
                    .class("late-title")
                    .text(w(lang, "Quá hạn nhiều nhất", "Most overdue")),
            )
            .child(late_list)
            .into()
    }
}

/// The scorecard's line on the plan's tasks, beside its indicator counts: "Nhiệm vụ: 27/78
/// đã hoàn thành · 12 quá hạn", or that none has a report yet. `None` when the dataset
/// (or the pillar asked for) has no tasks.
pub fn counts_line(ctx: &Ctx, pillar: Option<&str>) -> Option<El> {
    let ds = &ctx.data.0;
    let lang = ctx.lang;
    let tasks = ds
        .tasks
        .iter()
        .filter(|t| pillar.is_none_or(|p| t.pillar.as_deref() == Some(p)));
    let c = count(tasks, ctx.as_of(), chitieu_core::tasks::DEFAULT_WINDOW_DAYS);
    if c.total == 0 {
        return None;
    }
    let head = w(lang, "Nhiệm vụ", "Tasks");
    let words = if !c.any_reported() {
        match lang {
            Lang::Vi => format!("{head}: {}, chưa có báo cáo tiến độ", c.total),
            Lang::En => format!("{head}: {}, no progress reported yet", c.total),
        }
    } else {
        match lang {
            Lang::Vi => format!(
                "{head}: {}/{} đã hoàn thành · {} quá hạn · {} chưa có báo cáo",
                c.done, c.total, c.overdue, c.unreported
            ),
            Lang::En => format!(
                "{head}: {} of {} done · {} overdue · {} without a report",
                c.done, c.total, c.overdue, c.unreported
            ),
        }
    };
    Some(el("p").class("tasks-line").text(words))
}

fn invalid_row(q: &Quarantined, lang: Lang) -> Row {
    let reason = crate::common::invalid_reason(q, lang);
    let name = q
        .name
        .as_ref()
        .map(|n| n.get(lang.tag()).to_string())
        .unwrap_or_else(|| q.label());
    Row {
        task: None,
        id: q.id.clone(),
        folded: fold(&format!("{} {name}", q.id)),
        name,
        state: TaskState::default(),
        group: String::new(),
        due: None,
        due_key: None,
        invalid: Some(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Data;
    use chitieu_core::load::{read_json_with, Policy};

    const DS: &str = r#"{"schema":"chitieu/1","plan":{"id":"p","title":"Kế hoạch"},
      "as_of":"2024-11-14","indicators":[],
      "tasks":[
        {"id":"a","name":"Quy chế mạng WAN","group":["I. Thể chế"],"lead":["Sở TT&TT"],
         "due":{"text":"Quý III/2024","period":"2024-Q3"},
         "updates":[{"date":"2024-05-02","status":"in_progress","evidence_url":"javascript:alert(1)"}]},
        {"id":"b","name":"Diễn tập an toàn thông tin","group":["I. Thể chế"],"lead":["Sở Nội vụ"],
         "due":{"period":"2024-Q4"},"updates":[{"date":"2024-10-01","status":"done"}]},
        {"id":"c","name":"Đào tạo kỹ năng số","group":["II. Nhân lực"],"lead":["Sở TT&TT"]},
        {"id":"d","name":"Báo cáo","updates":[{"date":"2024-01-01","status":"xong"}]}
      ]}"#;

    fn tasks(lang: Lang) -> Tasks {
        // Read, not validated: validation would set aside the task with a `javascript:`
        // link, and the view must refuse to link it even so.
        let mut ds = read_json_with(DS, Policy::Quarantine)
            .expect("reads")
            .dataset;
        for q in &mut ds.quarantined_tasks {
            q.localize(lang.tag());
        }
        let mut ctx = Ctx::new(Data::from(ds));
        ctx.lang = lang;
        Tasks::new(&TasksProps {
            ctx,
            group_by: GroupBy::Group,
            summary: false,
            window_days: 30,
        })
    }

    fn ids(t: &Tasks, st: &TasksState) -> Vec<String> {
        t.visible(st).iter().map(|r| r.id.clone()).collect()
    }

    #[test]
    fn each_task_says_its_status_and_how_late_it_is_in_words() {
        let t = tasks(Lang::Vi);
        let html = t.view(&TasksState::default()).to_html();
        assert!(html.contains("Đang thực hiện"), "{html}");
        assert!(
            html.contains("Quá hạn 45 ngày"),
            "Q3 ended 45 days before 14/11"
        );
        assert!(html.contains("Đã hoàn thành"));
        assert!(
            html.contains("Chưa có báo cáo"),
            "a task without a report says so"
        );
        assert!(
            html.contains("Dữ liệu không hợp lệ"),
            "the set-aside task keeps its place"
        );
        assert!(
            !html.contains("javascript:"),
            "only web addresses become links"
        );
        assert!(
            html.contains("Quý III/2024"),
            "the due period as the plan words it"
        );
        let en = tasks(Lang::En).view(&TasksState::default()).to_html();
        assert!(
            en.contains("45 days overdue") && en.contains("No report yet"),
            "{en}"
        );
    }

    #[test]
    fn filters_and_search_without_diacritics_narrow_the_list() {
        let t = tasks(Lang::Vi);
        let mut st = t.initial_state();
        assert_eq!(ids(&t, &st), ["a", "b", "c", "d"]);
        assert!(t.act(&mut st, "show", "overdue").changed);
        assert_eq!(ids(&t, &st), ["a"], "c has no deadline, b is done");
        let _ = t.act(&mut st, "clear", "");
        let _ = t.act(&mut st, "search", "dien tap");
        assert_eq!(ids(&t, &st), ["b"]);
        let _ = t.act(&mut st, "clear", "");
        let lead = t
            .leads
            .iter()
            .position(|l| l == "Sở TT&TT")
            .map(|i| i.to_string());
        let _ = t.act(&mut st, "lead", &lead.unwrap_or_default());
        assert_eq!(ids(&t, &st), ["a", "c"]);
        assert!(
            !t.act(&mut st, "lead", "99").changed,
            "a bad value changes nothing"
        );
        assert!(!t.act(&mut st, "nonsense", "x").handled);
    }

    #[test]
    fn the_summary_counts_and_lists_the_most_overdue() {
        let t = tasks(Lang::Vi);
        let html = t.summary().to_html();
        assert!(html.contains("Quá hạn nhiều nhất"), "{html}");
        assert!(html.contains("Quy chế mạng WAN"), "{html}");
        assert!(html.contains("Đã hoàn thành: 1"), "{html}");
    }
}
