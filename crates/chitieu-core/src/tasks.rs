//! Where a plan's tasks stand on a given date: status, overdue, due soon, and counts.
//!
//! Pure, like scoring: the evaluation date `as_of` is always an input. A task's status is
//! what its latest progress report says, among the reports dated on or before `as_of`
//! (a later one is not known yet on that date). A task with no report has no status: the
//! plans as published carry none, and a widget says so rather than guessing.
//!
//! **Overdue** means: not reported done (or cancelled), and the period it is due by
//! ended before `as_of`. A task without any report can be overdue: its deadline passed
//! and nobody reported it done. **Due soon** means not done and due within
//! [`DEFAULT_WINDOW_DAYS`] (or the caller's window) of `as_of`.
//!
//! A **recurring** task (`due.every = "year"`, "Hàng năm") is judged once per year: it is
//! due by the end of each year from `due.start` (else only the year of `as_of`) to
//! `due.period` (else open-ended); a past year without a `done` report dated in that year
//! makes it overdue since that year's end, and its status is the latest report of the
//! current year.

use crate::model::{Every, Task, TaskStatus};
use crate::period::{Date, Period};

/// How many days ahead a deadline counts as "due soon", unless the caller says otherwise.
pub const DEFAULT_WINDOW_DAYS: u32 = 30;

/// Where one task stands on `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TaskState {
    /// The latest report's status (of the current year, for a recurring task); `None`
    /// when there is no report.
    pub status: Option<TaskStatus>,
    /// The date of that report.
    pub reported: Option<Date>,
    /// The deadline the task is judged against: the last day of its due period (of the
    /// current year, or of the earliest year missed, for a recurring task).
    pub due: Option<Date>,
    /// Days past `due` when the task is overdue.
    pub overdue_days: Option<u32>,
    /// Days until `due` when it falls within the window and the task is not done.
    pub due_in_days: Option<u32>,
    /// When it was reported done: the first `done` report after the last report of
    /// another status.
    pub done_on: Option<Date>,
    /// Whether it was done by its deadline, when both are known.
    pub on_time: Option<bool>,
}

impl TaskState {
    pub fn is_overdue(&self) -> bool {
        self.overdue_days.is_some()
    }
    pub fn is_finished(&self) -> bool {
        matches!(self.status, Some(TaskStatus::Done | TaskStatus::Cancelled))
    }
}

/// Where `task` stands on `as_of`, with deadlines up to `window_days` ahead counted as
/// due soon.
pub fn task_state(task: &Task, as_of: Date, window_days: u32) -> TaskState {
    // Reports known on `as_of`, each with its place (equal dates: the later place is the
    // later report). Not sorted: a sort's code is kilobytes in the widgets' wasm, and a
    // task has a handful of reports.
    let reports: Vec<(Date, usize, TaskStatus)> = task
        .updates
        .iter()
        .enumerate()
        .filter(|(_, u)| u.date <= as_of)
        .map(|(i, u)| (u.date, i, u.status))
        .collect();
    let due = task.due.as_ref();
    let recurring = due.and_then(|d| d.every) == Some(Every::Year);
    let mut state = TaskState::default();
    let days = |from: Date, to: Date| u32::try_from(to.day_number() - from.day_number()).ok();
    if recurring {
        let first = due.and_then(|d| d.start).map(Period::year);
        let last = due.and_then(|d| d.period).map(Period::year);
        let current = last.map_or(as_of.year, |l| l.min(as_of.year));
        let this_year: Vec<_> = reports
            .iter()
            .copied()
            .filter(|r| r.0.year == current)
            .collect();
        if let Some(&(date, _, status)) = latest(&this_year) {
            state.status = Some(status);
            state.reported = Some(date);
        }
        let cancelled = latest(&reports).is_some_and(|r| r.2 == TaskStatus::Cancelled);
        state.done_on = done_since(&this_year);
        state.on_time = state.done_on.map(|_| true);
        let year_end = |y: i32| Period::Year(y).last_day();
        // The earliest year before the current one (or the current one, once it has
        // ended) with no `done` report in it.
        let missed = first.and_then(|first| {
            (first..=current).find(|&y| {
                year_end(y) < as_of
                    && !reports
                        .iter()
                        .any(|r| r.0.year == y && r.2 == TaskStatus::Done)
            })
        });
        let end = year_end(current);
        match missed {
            Some(y) if !cancelled => {
                state.due = Some(year_end(y));
                state.overdue_days = days(year_end(y), as_of);
            }
            _ if cancelled || state.done_on.is_some() || end < as_of => state.due = Some(end),
            _ => {
                state.due = Some(end);
                state.due_in_days = days(as_of, end).filter(|d| *d <= window_days);
            }
        }
        return state;
    }
    if let Some(&(date, _, status)) = latest(&reports) {
        state.status = Some(status);
        state.reported = Some(date);
    }
    state.done_on = done_since(&reports);
    state.due = due.and_then(|d| d.period).map(Period::last_day);
    if let Some(end) = state.due {
        state.on_time = state.done_on.map(|d| d <= end);
        if !state.is_finished() {
            if end < as_of {
                state.overdue_days = days(end, as_of);
            } else {
                state.due_in_days = days(as_of, end).filter(|d| *d <= window_days);
            }
        }
    }
    state
}

/// The latest report: by date, then by place.
fn latest(reports: &[(Date, usize, TaskStatus)]) -> Option<&(Date, usize, TaskStatus)> {
    reports.iter().max_by_key(|r| (r.0, r.1))
}

/// The date of the first `done` report after the last report of another status, when
/// the latest report is `done`.
fn done_since(reports: &[(Date, usize, TaskStatus)]) -> Option<Date> {
    if latest(reports)?.2 != TaskStatus::Done {
        return None;
    }
    let last_other = reports
        .iter()
        .filter(|r| r.2 != TaskStatus::Done)
        .map(|r| (r.0, r.1))
        .max();
    reports
        .iter()
        .filter(|r| r.2 == TaskStatus::Done && last_other.is_none_or(|o| (r.0, r.1) > o))
        .map(|r| r.0)
        .min()
}

/// How many tasks are in each state. A task is counted once under its status (or
/// `unreported`), and also under `overdue` or `due_soon` when it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TaskCounts {
    pub total: usize,
    pub done: usize,
    pub in_progress: usize,
    pub not_started: usize,
    pub cancelled: usize,
    /// No progress report yet.
    pub unreported: usize,
    pub overdue: usize,
    pub due_soon: usize,
    /// Reported done with a known deadline, and of those, done by it.
    pub done_dated: usize,
    pub on_time: usize,
}

impl TaskCounts {
    /// Counts one task in the state `s` (for a caller that has the states already).
    pub fn add(&mut self, s: &TaskState) {
        self.total += 1;
        match s.status {
            Some(TaskStatus::Done) => self.done += 1,
            Some(TaskStatus::InProgress) => self.in_progress += 1,
            Some(TaskStatus::NotStarted) => self.not_started += 1,
            Some(TaskStatus::Cancelled) => self.cancelled += 1,
            None => self.unreported += 1,
        }
        self.overdue += usize::from(s.is_overdue());
        self.due_soon += usize::from(s.due_in_days.is_some());
        if let Some(on_time) = s.on_time {
            self.done_dated += 1;
            self.on_time += usize::from(on_time);
        }
    }

    /// The share of tasks done by their deadline, among those done with known dates.
    pub fn on_time_share(&self) -> Option<f64> {
        (self.done_dated > 0).then(|| self.on_time as f64 / self.done_dated as f64)
    }

    /// Whether any task has a progress report.
    pub fn any_reported(&self) -> bool {
        self.unreported < self.total
    }
}

/// The counts of a dataset's tasks: all of them, by lead unit and by group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TaskSummary {
    pub all: TaskCounts,
    /// Per lead unit, in order of first appearance; a task led by several units counts
    /// under each.
    pub by_lead: Vec<(String, TaskCounts)>,
    /// Per group (the headings joined by [`GROUP_SEPARATOR`]), in order of first
    /// appearance; tasks without a group under "".
    pub by_group: Vec<(String, TaskCounts)>,
}

/// Joins a task's headings into one label ("II. … › 1. Cơ chế, chính sách"); also the
/// CSV form's separator, so a heading may not contain it.
pub const GROUP_SEPARATOR: &str = " › ";

/// Joins a task's lead or partner units in one CSV cell; a unit may not contain `;`.
pub const UNIT_SEPARATOR: &str = "; ";

/// A task's group as one label.
pub fn group_label(task: &Task) -> String {
    task.group.join(GROUP_SEPARATOR)
}

/// How many of `tasks` are in each state on `as_of` (without the breakdowns of
/// [`summarize`], which a widget's wasm need not carry).
pub fn count<'a>(
    tasks: impl Iterator<Item = &'a Task>,
    as_of: Date,
    window_days: u32,
) -> TaskCounts {
    let mut c = TaskCounts::default();
    for task in tasks {
        c.add(&task_state(task, as_of, window_days));
    }
    c
}

/// Counts `tasks` on `as_of`.
pub fn summarize(tasks: &[Task], as_of: Date, window_days: u32) -> TaskSummary {
    let mut sum = TaskSummary::default();
    fn bucket<'a>(list: &'a mut Vec<(String, TaskCounts)>, key: &str) -> &'a mut TaskCounts {
        let at = match list.iter().position(|(k, _)| k == key) {
            Some(at) => at,
            None => {
                list.push((key.to_string(), TaskCounts::default()));
                list.len() - 1
            }
        };
        &mut list[at].1
    }
    for task in tasks {
        let s = task_state(task, as_of, window_days);
        sum.all.add(&s);
        for lead in &task.lead {
            bucket(&mut sum.by_lead, lead).add(&s);
        }
        bucket(&mut sum.by_group, &group_label(task)).add(&s);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Due, Text, Update};

    fn date(s: &str) -> Date {
        s.parse().unwrap_or(Date {
            year: 0,
            month: 1,
            day: 1,
        })
    }

    fn task(due: Due, updates: &[(&str, TaskStatus)]) -> Task {
        Task {
            id: "t".into(),
            name: Text {
                vi: "Nhiệm vụ".into(),
                en: None,
            },
            due: Some(due),
            updates: updates
                .iter()
                .map(|(d, s)| Update {
                    date: date(d),
                    status: *s,
                    note: None,
                    evidence_url: None,
                })
                .collect(),
            ..Task::default()
        }
    }

    fn by(period: &str) -> Due {
        Due {
            period: period.parse().ok(),
            ..Due::default()
        }
    }

    use TaskStatus::*;

    #[test]
    fn the_latest_report_known_on_the_date_is_the_status() {
        let t = task(
            by("2024-Q3"),
            &[
                ("2024-05-02", InProgress),
                ("2024-02-01", NotStarted),
                ("2024-11-01", Done),
            ],
        );
        let s = task_state(&t, date("2024-06-01"), 30);
        assert_eq!(s.status, Some(InProgress));
        assert_eq!(s.reported, Some(date("2024-05-02")));
        assert_eq!(s.due, Some(date("2024-09-30")));
        assert_eq!((s.overdue_days, s.due_in_days), (None, None));
        // On 2024-11-01 the done report is known, a month after the deadline.
        let s = task_state(&t, date("2024-11-01"), 30);
        assert_eq!(s.status, Some(Done));
        assert_eq!(s.done_on, Some(date("2024-11-01")));
        assert_eq!(s.on_time, Some(false));
        assert_eq!(s.overdue_days, None, "done is never overdue");
    }

    #[test]
    fn overdue_counts_days_since_the_period_ended() {
        // Quý III/2024 ends on 30 September; 45 days later is 14 November.
        let t = task(by("2024-Q3"), &[("2024-05-02", InProgress)]);
        let s = task_state(&t, date("2024-11-14"), 30);
        assert_eq!(s.overdue_days, Some(45));
        assert!(s.is_overdue());
        // The deadline's own day is not overdue yet, and is due in 0 days.
        let s = task_state(&t, date("2024-09-30"), 30);
        assert_eq!((s.overdue_days, s.due_in_days), (None, Some(0)));
        // A task without a report whose deadline passed is overdue, with no status.
        let s = task_state(&task(by("2024-Q1"), &[]), date("2024-04-02"), 30);
        assert_eq!((s.status, s.overdue_days), (None, Some(2)));
        // Cancelled is finished: never overdue.
        let t = task(by("2024-Q1"), &[("2024-02-01", Cancelled)]);
        assert_eq!(task_state(&t, date("2024-12-31"), 30).overdue_days, None);
    }

    #[test]
    fn due_soon_within_the_window_only() {
        let t = task(by("2024-Q4"), &[]);
        assert_eq!(task_state(&t, date("2024-12-01"), 30).due_in_days, Some(30));
        assert_eq!(task_state(&t, date("2024-11-30"), 30).due_in_days, None);
        assert_eq!(task_state(&t, date("2024-11-30"), 31).due_in_days, Some(31));
        let done = task(by("2024-Q4"), &[("2024-11-02", Done)]);
        assert_eq!(task_state(&done, date("2024-12-01"), 30).due_in_days, None);
        assert_eq!(
            task_state(&done, date("2024-12-01"), 30).on_time,
            Some(true)
        );
    }

    #[test]
    fn a_range_is_due_by_its_end() {
        // "2023 - 2024": starts in 2023, due by the end of 2024.
        let due = Due {
            text: Some("2023 - 2024".into()),
            start: "2023".parse().ok(),
            period: "2024".parse().ok(),
            every: None,
        };
        let t = task(due, &[("2023-06-01", InProgress)]);
        assert_eq!(task_state(&t, date("2024-06-30"), 30).overdue_days, None);
        assert_eq!(
            task_state(&t, date("2025-01-10"), 30).overdue_days,
            Some(10)
        );
    }

    #[test]
    fn done_again_after_reopening_counts_from_the_new_done() {
        let t = task(
            by("2024"),
            &[
                ("2024-03-01", Done),
                ("2024-04-01", InProgress),
                ("2024-05-01", Done),
                ("2024-06-01", Done),
            ],
        );
        let s = task_state(&t, date("2024-07-01"), 30);
        assert_eq!(s.done_on, Some(date("2024-05-01")));
    }

    fn yearly(start: Option<&str>, until: Option<&str>) -> Due {
        Due {
            text: Some("Hàng năm".into()),
            start: start.and_then(|s| s.parse().ok()),
            period: until.and_then(|s| s.parse().ok()),
            every: Some(Every::Year),
        }
    }

    #[test]
    fn a_recurring_task_is_judged_per_year() {
        let t = task(
            yearly(Some("2023"), None),
            &[("2023-11-20", Done), ("2024-03-01", InProgress)],
        );
        // 2024: 2023 was done; this year's report says in progress; due at year end.
        let s = task_state(&t, date("2024-06-01"), 30);
        assert_eq!(s.status, Some(InProgress));
        assert_eq!(s.due, Some(date("2024-12-31")));
        assert_eq!(s.overdue_days, None);
        // 2025-01-15: 2024 ended without a done report: overdue 15 days, and this
        // year has no report yet.
        let s = task_state(&t, date("2025-01-15"), 30);
        assert_eq!(s.status, None);
        assert_eq!(s.due, Some(date("2024-12-31")));
        assert_eq!(s.overdue_days, Some(15));
        // Without a start year, only the current year is judged.
        let t = task(yearly(None, None), &[]);
        let s = task_state(&t, date("2025-01-15"), 30);
        assert_eq!((s.overdue_days, s.due), (None, Some(date("2025-12-31"))));
        assert_eq!(task_state(&t, date("2025-12-10"), 30).due_in_days, Some(21));
    }

    #[test]
    fn a_recurring_task_ends_with_its_last_year() {
        let t = task(
            yearly(Some("2023"), Some("2024")),
            &[("2023-12-01", Done), ("2024-12-01", Done)],
        );
        let s = task_state(&t, date("2026-03-01"), 30);
        assert_eq!(s.overdue_days, None);
        assert_eq!(s.status, Some(Done));
        let t = task(yearly(Some("2023"), Some("2024")), &[("2023-12-01", Done)]);
        assert_eq!(
            task_state(&t, date("2026-03-01"), 30).overdue_days,
            Some(425)
        );
    }

    #[test]
    fn counts_by_status_lead_and_group() {
        let mut a = task(by("2024-Q1"), &[("2024-03-01", Done)]);
        a.lead = vec!["Sở TT&TT".into()];
        a.group = vec!["I. Nhận thức".into()];
        let mut b = task(by("2024-Q1"), &[("2024-05-01", Done)]);
        b.lead = vec!["Sở TT&TT".into(), "Sở Nội vụ".into()];
        b.group = vec!["II. Nền móng".into(), "1. Cơ chế".into()];
        let mut c = task(by("2024-Q2"), &[]);
        c.lead = vec!["Sở Nội vụ".into()];
        let sum = summarize(&[a, b, c], date("2024-07-10"), 30);
        assert_eq!(sum.all.total, 3);
        assert_eq!(
            (sum.all.done, sum.all.unreported, sum.all.overdue),
            (2, 1, 1)
        );
        assert_eq!(sum.all.on_time_share(), Some(0.5));
        assert!(sum.all.any_reported());
        let leads: Vec<(&str, usize)> = sum
            .by_lead
            .iter()
            .map(|(k, c)| (k.as_str(), c.total))
            .collect();
        assert_eq!(leads, [("Sở TT&TT", 2), ("Sở Nội vụ", 2)]);
        let groups: Vec<&str> = sum.by_group.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(groups, ["I. Nhận thức", "II. Nền móng › 1. Cơ chế", ""]);
    }
}
