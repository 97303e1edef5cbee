//! Drafting a plan's tasks from its appendix tables.
//!
//! Plans end with a table of tasks (nhiệm vụ) — what to do, who leads, who takes part,
//! what comes out, by when — printed across several pages. [`tasks`] reads every such
//! table from the rows [`super::doc`] kept whole:
//!
//! - **Which tables**: a header row whose cells name a task ("Nội dung công việc", "Tên
//!   nhiệm vụ, dự án", "Nội dung") and a lead unit ("Đơn vị chủ trì triển khai", "Cơ
//!   quan chủ trì"). Columns are found by their words, not their place, because every
//!   province orders and words them differently: "phối hợp" is the partners, "kết quả",
//!   "sản phẩm" or "mục tiêu" the output, "thời gian", "thời hạn" or "tiến độ" the due
//!   date.
//! - **Page breaks**: the header row repeats on each page and the row the break cut goes
//!   on under it with an empty number cell; [`super::doc`] joins such a row to the one
//!   before, cell by cell, with one space.
//! - **Groups**: a row numbered with a roman numeral ("II") whose other cells are empty
//!   opens a group; inside it, a row with a whole number ("1") and nothing else opens a
//!   sub-group only when the rows after it are numbered under it ("1.1", "1.2"), so a
//!   short task in a flat table stays a task. Each task carries its groups' labels with
//!   their numbers ("II. Nhóm nhiệm vụ…", "1. Cơ chế, chính sách").
//! - **Units**: lead and partner cells are split into units only where they list
//!   several, by [`units`]: always at ";", at "," only before a piece that starts like a
//!   unit ("Sở …", "UBND …", "Các …"), and at a space before such a head word when the
//!   unit before it already has a name ("Sở TT&TT Sở Tài chính"). "UBND các huyện, thị
//!   xã, thành phố", "Các Sở, Ban, ngành" and "Các doanh nghiệp viễn thông, internet"
//!   stay whole, since what follows their commas is not a unit.
//! - **Due**: the time cell read by [`due`] against the plan's year ("Quý III/2024" →
//!   `2024-Q3`, "Quý IV" → the plan's fourth quarter, "Cả năm" → the plan's year,
//!   "Hàng năm" → every year, "2023 - 2024" → from 2023 to 2024); a cell it cannot read
//!   keeps its text only. A table without a time column takes the one year its
//!   appendix's title names ("… DỰ KIẾN TRIỂN KHAI NĂM 2024"), with a note.
//!
//! Ids are kebab-case ASCII from the groups and the row number ("ii-1-2" for row 1.2
//! under II); `source.section` is the appendix and the groups' numbers ("Phụ lục III,
//! mục II.1") and `source.row` the printed number. Drafted tasks never have updates: a
//! plan as published reports no progress.

use super::doc::{Heading, TableRow};
use super::text;
use crate::model::{Due, Every, Source, Task, Text};
use crate::period::Period;

/// The columns of a task table, by index.
#[derive(Debug, Clone, PartialEq, Default)]
struct Columns {
    name: usize,
    lead: usize,
    partners: Option<usize>,
    output: Option<usize>,
    due: Option<usize>,
}

/// The columns of a header row, when it heads a table of tasks.
fn columns(headers: &[String]) -> Option<Columns> {
    let lower: Vec<String> = headers.iter().map(|h| h.to_lowercase()).collect();
    let find = |words: &[&str], not: &[&str]| {
        lower.iter().enumerate().skip(1).find_map(|(k, h)| {
            (words.iter().any(|w| h.contains(w)) && !not.iter().any(|w| h.contains(w))).then_some(k)
        })
    };
    let agency = ["chủ trì", "phối hợp", "kết quả", "thời gian"];
    let name = find(&["nội dung", "nhiệm vụ", "công việc", "tên"], &agency)?;
    let lead = find(&["chủ trì"], &[])?;
    Some(Columns {
        name,
        lead,
        partners: find(&["phối hợp"], &["chủ trì"]),
        output: find(
            &["kết quả", "sản phẩm", "mục tiêu"],
            &["chủ trì", "phối hợp"],
        ),
        due: find(&["thời gian", "thời hạn", "tiến độ"], &[]),
    })
}

/// A row's number cell, read: roman ("II", "VI."), or decimal parts ("1", "1.12", "23.").
#[derive(Debug, Clone, PartialEq)]
enum Number {
    Roman(String),
    Decimal(Vec<u32>),
    /// Empty, or anything else ("a", "*").
    Other(String),
}

fn number(cell: &str) -> Number {
    let t = cell.trim().trim_end_matches(['.', ')']).trim();
    if super::doc::roman(t).is_some() {
        return Number::Roman(t.to_string());
    }
    let parts: Option<Vec<u32>> = t
        .split('.')
        .map(|p| {
            (!p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        })
        .collect();
    match parts {
        Some(p) if !p.is_empty() && p.len() <= 4 => Number::Decimal(p),
        _ => Number::Other(t.to_string()),
    }
}

impl Number {
    /// As printed, without a trailing dot: "II", "1.12".
    fn label(&self) -> String {
        match self {
            Number::Roman(r) => r.clone(),
            Number::Decimal(p) => p.iter().map(u32::to_string).collect::<Vec<_>>().join("."),
            Number::Other(s) => s.clone(),
        }
    }
}

/// Whitespace collapsed to single spaces.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cell(row: &TableRow, k: Option<usize>) -> String {
    k.and_then(|k| row.cells.get(k))
        .map(|c| squash(c))
        .unwrap_or_default()
}

/// A cell that holds nothing a task would: empty, or a dash or mark.
fn blank(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphanumeric()).count() == 0
}

/// An open group: its number and its label as printed ("II. Nhóm nhiệm vụ…").
#[derive(Debug, Clone)]
struct Group {
    number: Number,
    label: String,
}

/// The appendix a row is in, as cited: "Phụ lục III", "Phụ lục"; else the first
/// heading above it, shortened.
fn appendix(path: &[Heading]) -> Option<String> {
    for h in path {
        let lower = h.label.to_lowercase();
        if let Some(rest) = lower.strip_prefix("phụ lục") {
            let numeral = rest
                .split_whitespace()
                .next()
                .map(str::to_uppercase)
                .filter(|w| {
                    super::doc::roman(w).is_some() || w.bytes().all(|b| b.is_ascii_digit())
                });
            return Some(match numeral {
                Some(n) => format!("Phụ lục {n}"),
                None => "Phụ lục".to_string(),
            });
        }
    }
    path.first().map(|h| super::doc::short(&h.label, 60))
}

/// The one year the appendix's title names ("… DỰ KIẾN TRIỂN KHAI NĂM 2024").
fn appendix_year(path: &[Heading]) -> Option<i32> {
    path.iter()
        .find(|h| h.label.to_lowercase().starts_with("phụ lục"))
        .and_then(|h| text::years(&h.label).single)
}

/// The id of a task: its groups' numbers not already in its own ("1" under "1. Cơ
/// chế" for row "1.2"), then its own, in kebab-case ASCII.
fn task_id(groups: &[Group], row: &Number, ordinal: usize) -> String {
    let own = row.label();
    let mut parts: Vec<String> = groups
        .iter()
        .map(|g| g.number.label())
        .filter(|n| !own.starts_with(&format!("{n}.")))
        .collect();
    if own.is_empty() {
        parts.push(format!("r{ordinal}"));
    } else {
        parts.push(own);
    }
    let id = text::slug(&parts.join("-").replace('.', "-"));
    if id.is_empty() {
        format!("r{ordinal}")
    } else {
        id
    }
}

/// What [`tasks`] needs to know about the plan.
pub struct Context<'a> {
    /// `source.document` of every task: the plan's title.
    pub document: &'a str,
    /// The year "Cả năm" and "Quý IV" refer to.
    pub plan_year: Option<i32>,
}

/// Every task of the document's task tables, in document order (see the module docs).
pub fn tasks(rows: &[TableRow], cx: &Context) -> Vec<Task> {
    let mut out: Vec<Task> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    // The table the open groups belong to: its appendix and its header.
    let mut current: Option<(Option<String>, Columns)> = None;
    let mut ordinal = 0usize;
    for (k, row) in rows.iter().enumerate() {
        let Some(cols) = columns(&row.headers) else {
            continue;
        };
        let place = appendix(&row.path);
        if current.as_ref() != Some(&(place.clone(), cols.clone())) {
            groups.clear();
            ordinal = 0;
            current = Some((place.clone(), cols.clone()));
        }
        let num = number(row.cells.first().map_or("", String::as_str));
        let name = cell(row, Some(cols.name));
        if blank(&name) {
            continue;
        }
        let rest_blank = row
            .cells
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != 0 && j != cols.name)
            .all(|(_, c)| blank(c));
        if rest_blank && opens_group(&num, rows.get(k + 1..).unwrap_or(&[])) {
            let depth = depth_of(&num);
            groups.retain(|g| depth_of(&g.number) < depth);
            groups.push(Group {
                label: format!("{}. {name}", num.label()),
                number: num,
            });
            ordinal = 0;
            continue;
        }
        // The place of the row among its group's, for an id when it has no number.
        ordinal += 1;
        let lead = units(&cell(row, Some(cols.lead)));
        let partners = units(&cell(row, cols.partners));
        let output = Some(cell(row, cols.output)).filter(|o| !blank(o));
        let mut note = format!("Dòng {} của văn bản.", row.line);
        let due = match cols.due {
            Some(_) => due(&cell(row, cols.due), cx.plan_year),
            None => appendix_year(&row.path).map(|y| {
                note.push_str(&format!(
                    " Bảng không có cột thời gian: hạn là năm {y} trong tiêu đề của phụ lục."
                ));
                Due {
                    period: Some(Period::Year(y)),
                    ..Due::default()
                }
            }),
        };
        let numbered: Vec<String> = groups
            .iter()
            .filter(|g| !matches!(g.number, Number::Other(_)))
            .map(|g| g.number.label())
            .collect();
        let section = match (&place, numbered.is_empty()) {
            (Some(p), true) => Some(p.clone()),
            (Some(p), false) => Some(format!("{p}, mục {}", numbered.join("."))),
            (None, false) => Some(format!("mục {}", numbered.join("."))),
            (None, true) => None,
        };
        let label = num.label();
        out.push(Task {
            id: task_id(&groups, &num, ordinal),
            group: groups.iter().map(|g| g.label.replace('›', ">")).collect(),
            name: Text { vi: name, en: None },
            lead,
            partners,
            output,
            due,
            source: Some(Source {
                document: Some(cx.document.to_string()),
                section,
                page: None,
                row: (!label.is_empty()).then_some(label),
            }),
            note: Some(note),
            ..Task::default()
        });
    }
    // Ids unique: a repeated number (two tables, a misprint) gets "-2", "-3".
    let mut seen = std::collections::HashSet::new();
    for t in &mut out {
        if !seen.insert(t.id.clone()) {
            let base = t.id.clone();
            let mut n = 2;
            while seen.contains(&format!("{base}-{n}")) {
                n += 1;
            }
            t.id = format!("{base}-{n}");
            seen.insert(t.id.clone());
        }
    }
    out
}

/// Group depth: roman numerals outermost, then by the number of decimal parts.
fn depth_of(n: &Number) -> usize {
    match n {
        Number::Roman(_) => 0,
        Number::Decimal(p) => p.len(),
        Number::Other(_) => usize::MAX,
    }
}

/// Whether a row with nothing but a number and a title opens a group: always for a
/// roman numeral; for a decimal number ("1", "2.1") only when the next numbered row of
/// the table is numbered under it ("1.1"), so that a short task is not taken for a
/// heading.
fn opens_group(num: &Number, after: &[TableRow]) -> bool {
    match num {
        Number::Roman(_) => true,
        Number::Decimal(p) => {
            let next = after
                .iter()
                .map(|r| number(r.cells.first().map_or("", String::as_str)))
                .find(|n| !matches!(n, Number::Other(s) if s.is_empty()));
            matches!(next, Some(Number::Decimal(q)) if q.len() > p.len() && q.starts_with(p))
        }
        Number::Other(_) => false,
    }
}

/// Words a unit's name starts with ("Sở Tài chính", "UBND các huyện", "Các Sở, Ban,
/// ngành"), matched on whole words, capitalised as printed.
const UNIT_HEADS: &[&str] = &[
    "Sở",
    "UBND",
    "Ủy ban",
    "Uỷ ban",
    "Văn phòng",
    "VP",
    "Ban",
    "Báo",
    "Đài",
    "Trường",
    "Công an",
    "Bộ",
    "Cục",
    "Chi cục",
    "Thanh tra",
    "Ngân hàng",
    "Hiệp hội",
    "Hội",
    "Cổng",
    "Trung tâm",
    "Viện",
    "Kho bạc",
    "Bảo hiểm",
    "Liên đoàn",
    "Tỉnh đoàn",
    "Mặt trận",
    "Công ty",
    "Tổng công ty",
    "Doanh nghiệp",
    "Các",
    "các",
];

/// The head word a piece of a unit list starts with, if any.
fn head_of(piece: &str) -> Option<&'static str> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    UNIT_HEADS
        .iter()
        .copied()
        .filter(|h| {
            let hw: Vec<&str> = h.split_whitespace().collect();
            words.len() >= hw.len() && words.iter().zip(&hw).all(|(a, b)| a == b)
        })
        .max_by_key(|h| h.len())
}

/// An all-capitals acronym of two letters or more ("UNND", "HĐND", "VNPT"), which
/// names a unit on its own or heads one.
fn acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && word.chars().all(|c| c.is_alphanumeric() || c == '&')
}

/// Whether a comma-separated piece starts a new unit: it starts with a head word and
/// says more than the head ("Ban" alone in "Các Sở, Ban, ngành" does not), or with an
/// acronym ("UNND các huyện", a misprint kept as printed).
fn starts_unit(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    if acronym(first) {
        return true;
    }
    match head_of(piece) {
        Some(h) => words.len() > h.split_whitespace().count(),
        None => false,
    }
}

/// Heads that start a new unit in the middle of a space-separated list ("Sở TT&TT Sở
/// Tài chính", "Sở Nội vụ Các Sở, Ban, ngành"), capitalised.
const SPACE_HEADS: &[&str] = &["Sở", "Các", "UBND", "Văn phòng", "Trường", "Báo", "Đài"];

/// Splits a piece at a space before a capitalised head word, when the unit so far
/// already has a name (so "Văn phòng UBND tỉnh", "Các Sở" and "VP UBND tỉnh" stay
/// whole) and the word before is not a joining word ("và", "của").
fn split_spaces(piece: &str) -> Vec<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut depth = 0i32;
    for (k, w) in words.iter().enumerate() {
        let rest = words.get(k..).unwrap_or(&[]).join(" ");
        let head = SPACE_HEADS.iter().find(|h| {
            let hw: Vec<&str> = h.split_whitespace().collect();
            rest.split_whitespace()
                .take(hw.len())
                .eq(hw.iter().copied())
        });
        let named = {
            let head_words = head_of(&cur.join(" ")).map_or(0, |h| h.split_whitespace().count());
            let extra = cur.len().saturating_sub(head_words);
            extra >= 1 && !cur.first().is_some_and(|f| acronym(f) && cur.len() == 1)
        };
        let joiner = cur
            .last()
            .is_some_and(|p| matches!(*p, "và" | "của" | "thuộc" | "-" | "–"));
        if head.is_some() && depth == 0 && named && !joiner && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        cur.push(w);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter().map(|ws| ws.join(" ")).collect()
}

/// A lead or partner cell as its units (see the module docs); empty for a blank cell.
pub fn units(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in cell.split(';') {
        let mut cur = String::new();
        for piece in part.split(',') {
            let p = piece.trim();
            if p.is_empty() {
                continue;
            }
            if !cur.is_empty() && starts_unit(p) {
                out.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push_str(", ");
            }
            cur.push_str(p);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out.iter()
        .flat_map(|u| split_spaces(u))
        .map(|u| {
            u.trim()
                .trim_end_matches(['.', ',', ':'])
                .trim()
                .to_string()
        })
        .filter(|u| !blank(u))
        .collect()
}

/// A quarter numeral: "I" to "IV", or "1" to "4".
fn quarter(s: &str) -> Option<u8> {
    match s {
        "I" | "1" => Some(1),
        "II" | "2" => Some(2),
        "III" | "3" => Some(3),
        "IV" | "4" => Some(4),
        _ => None,
    }
}

fn year(s: &str) -> Option<i32> {
    (s.len() == 4)
        .then(|| s.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// A time cell as a [`Due`]: the text as printed, and what it reads as (see the module
/// docs). `None` for an empty cell.
pub fn due(cell: &str, plan_year: Option<i32>) -> Option<Due> {
    let t = squash(cell);
    if blank(&t) {
        return None;
    }
    let mut due = Due {
        text: Some(t.clone()),
        ..Due::default()
    };
    let lower = t.to_lowercase();
    // Tokens: words and numbers, with "/", "-" and "," as separators.
    let tokens: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '–' | ',' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let lower_tokens: Vec<String> = tokens.iter().map(|w| w.to_lowercase()).collect();
    let is = |k: usize, w: &str| lower_tokens.get(k).is_some_and(|x| x == w);
    let years: Vec<i32> = tokens.iter().filter_map(|w| year(w)).collect();
    // Only short cells are read: a sentence ("Theo Kế hoạch của Bộ TTTT", "sau khi …
    // ban hành") keeps its text alone.
    let filler = |w: &str| {
        matches!(
            w,
            "năm"
                | "trong"
                | "từ"
                | "đến"
                | "giai"
                | "đoạn"
                | "cả"
                | "hàng"
                | "hằng"
                | "quý"
                | "tháng"
                | "trước"
                | "và"
        )
    };
    let plain = lower_tokens.iter().all(|w| {
        filler(w)
            || year(w).is_some()
            || quarter(&w.to_uppercase()).is_some()
            || w.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
    });
    if !plain {
        return Some(due);
    }
    if lower.contains("hàng năm") || lower.contains("hằng năm") {
        due.every = Some(Every::Year);
        return Some(due);
    }
    if let Some(q) = lower_tokens.iter().position(|w| w == "quý") {
        let Some(n) = tokens.get(q + 1).and_then(|w| quarter(&w.to_uppercase())) else {
            return Some(due);
        };
        if let Some(y) = years.first().copied().or(plan_year) {
            due.period = Some(Period::Quarter(y, n));
        }
        return Some(due);
    }
    if let Some(m) = lower_tokens.iter().position(|w| w == "tháng") {
        let month = tokens
            .get(m + 1)
            .and_then(|w| w.parse::<u8>().ok())
            .filter(|m| (1..=12).contains(m));
        if let (Some(mo), Some(y)) = (month, years.first().copied().or(plan_year)) {
            due.period = Some(Period::Month(y, mo));
        }
        return Some(due);
    }
    match years.as_slice() {
        [] if is(0, "cả") && is(1, "năm") => due.period = plan_year.map(Period::Year),
        [y] => due.period = Some(Period::Year(*y)),
        [a, b] if a < b => {
            due.start = Some(Period::Year(*a));
            due.period = Some(Period::Year(*b));
        }
        _ => {}
    }
    Some(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(headers: &str, cells: &str, line: usize) -> TableRow {
        TableRow {
            headers: headers.split('\t').map(str::to_string).collect(),
            cells: cells.split('\t').map(str::to_string).collect(),
            path: vec![Heading {
                depth: 0,
                label: "Phụ lục III DANH MỤC NHIỆM VỤ NĂM 2024".to_string(),
                kind: None,
            }],
            line,
        }
    }

    const QN: &str = "TT\tNội dung công việc\tĐơn vị chủ trì triển khai\tĐơn vị phối hợp\tKết quả công việc\tThời gian thực hiện";

    fn cx() -> Context<'static> {
        Context {
            document: "Kế hoạch",
            plan_year: Some(2024),
        }
    }

    #[test]
    fn columns_are_found_by_their_words() {
        let h = |s: &str| s.split('\t').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            columns(&h(QN)),
            Some(Columns {
                name: 1,
                lead: 2,
                partners: Some(3),
                output: Some(4),
                due: Some(5)
            })
        );
        assert_eq!(
            columns(&h(
                "TT\tTên nhiệm vụ, dự án\tĐơn vị chủ trì triển khai\tMục tiêu triển khai"
            )),
            Some(Columns {
                name: 1,
                lead: 2,
                partners: None,
                output: Some(3),
                due: None
            })
        );
        // Reordered columns.
        assert_eq!(
            columns(&h(
                "STT\tThời gian thực hiện\tCơ quan phối hợp\tNội dung\tCơ quan chủ trì"
            )),
            Some(Columns {
                name: 3,
                lead: 4,
                partners: Some(2),
                output: None,
                due: Some(1)
            })
        );
        // No lead column: not a task table.
        assert_eq!(columns(&h("STT\tDịch vụ\tTổng\tThành công")), None);
        assert_eq!(columns(&[]), None);
    }

    #[test]
    fn headings_open_groups_only_over_rows_numbered_under_them() {
        let rows = [
            row(QN, "II\tNhóm nhiệm vụ nền móng\t\t\t\t", 1),
            row(QN, "1\tCơ chế, chính sách\t\t\t\t", 2),
            row(QN, "1.1\tQuy chế A\tSở TT&TT\t\t\tQuý IV/2024", 3),
            row(QN, "1.2.\tQuy chế B\tSở Nội vụ\t\t\t", 4),
            row(QN, "III\tChính quyền số\t\t\t\t", 5),
            // A whole number with an empty rest, in a flat group: a task.
            row(QN, "1\tĐo lường kinh tế số\t\t\t\t", 6),
            row(QN, "2\tCSDL Y tế\tSở Y tế\t\t\t2024-2025", 7),
            row(QN, "\tKhông số thứ tự\tSở TT&TT\t\t\tCả năm", 8),
        ];
        let ts = tasks(&rows, &cx());
        type Place<'a> = (&'a str, Vec<&'a str>, Option<&'a str>, Option<&'a str>);
        let got: Vec<Place> = ts
            .iter()
            .map(|t| {
                let s = t.source.as_ref();
                (
                    t.id.as_str(),
                    t.group.iter().map(String::as_str).collect(),
                    s.and_then(|s| s.section.as_deref()),
                    s.and_then(|s| s.row.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "ii-1-1",
                    vec!["II. Nhóm nhiệm vụ nền móng", "1. Cơ chế, chính sách"],
                    Some("Phụ lục III, mục II.1"),
                    Some("1.1")
                ),
                (
                    "ii-1-2",
                    vec!["II. Nhóm nhiệm vụ nền móng", "1. Cơ chế, chính sách"],
                    Some("Phụ lục III, mục II.1"),
                    Some("1.2")
                ),
                (
                    "iii-1",
                    vec!["III. Chính quyền số"],
                    Some("Phụ lục III, mục III"),
                    Some("1")
                ),
                (
                    "iii-2",
                    vec!["III. Chính quyền số"],
                    Some("Phụ lục III, mục III"),
                    Some("2")
                ),
                (
                    "iii-r3",
                    vec!["III. Chính quyền số"],
                    Some("Phụ lục III, mục III"),
                    None
                ),
            ]
        );
        assert!(ts.iter().all(|t| t.updates.is_empty()));
        assert_eq!(
            ts[0].due.as_ref().and_then(|d| d.period),
            Some(Period::Quarter(2024, 4))
        );
    }

    #[test]
    fn a_table_without_a_time_column_takes_its_appendix_year() {
        let h = "TT\tTên nhiệm vụ, dự án\tĐơn vị chủ trì triển khai\tMục tiêu triển khai";
        let ts = tasks(&[row(h, "1.\tDuy trì LGSP.\tSở TT&TT\tKết nối.", 9)], &cx());
        assert_eq!(ts.len(), 1);
        assert_eq!(ts[0].id, "1");
        assert_eq!(
            ts[0].due,
            Some(Due {
                period: Some(Period::Year(2024)),
                ..Due::default()
            })
        );
        assert_eq!(ts[0].output.as_deref(), Some("Kết nối."));
        assert!(ts[0].note.as_deref().is_some_and(|n| n.contains("2024")));
    }

    #[test]
    fn repeated_numbers_get_distinct_ids() {
        let rows = [
            row(QN, "1\tA\tSở A\t\t\t", 1),
            row(QN, "1\tB\tSở B\t\t\t", 2),
        ];
        let ids: Vec<String> = tasks(&rows, &cx()).into_iter().map(|t| t.id).collect();
        assert_eq!(ids, ["1", "1-2"]);
    }

    #[test]
    fn units_split_only_between_units() {
        let u = |s: &str| units(s);
        assert_eq!(
            u("Sở TT&TT; Các Sở, ban, ngành; UBND các huyện, thị xã, thành phố"),
            [
                "Sở TT&TT",
                "Các Sở, ban, ngành",
                "UBND các huyện, thị xã, thành phố"
            ]
        );
        assert_eq!(
            u("Các Sở, Ban, ngành, UNND các huyện, thị xã, thành phố"),
            ["Các Sở, Ban, ngành", "UNND các huyện, thị xã, thành phố"]
        );
        assert_eq!(
            u("Các doanh nghiệp viễn thông, internet"),
            ["Các doanh nghiệp viễn thông, internet"]
        );
        assert_eq!(
            u("UBND các huyện, thị xã, thành phố"),
            ["UBND các huyện, thị xã, thành phố"]
        );
        assert_eq!(
            u("Sở TT&TT Sở Tài chính Sở Kế hoạch và Đầu tư"),
            ["Sở TT&TT", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
        );
        assert_eq!(
            u("Sở Nội vụ Các Sở, Ban, ngành, UBND các huyện, thị xã, thành phố"),
            [
                "Sở Nội vụ",
                "Các Sở, Ban, ngành",
                "UBND các huyện, thị xã, thành phố"
            ]
        );
        assert_eq!(
            u("Báo Quảng Trị, Đài Phát thanh - Truyền hình"),
            ["Báo Quảng Trị", "Đài Phát thanh - Truyền hình"]
        );
        assert_eq!(
            u("Sở TTTT, UBND cấp huyện, Các cơ quan truyền thông, báo chí"),
            [
                "Sở TTTT",
                "UBND cấp huyện",
                "Các cơ quan truyền thông, báo chí"
            ]
        );
        assert_eq!(
            u("Sở Thông tin và Truyền thông, Sở Tài chính, các đơn vị liên quan khác"),
            [
                "Sở Thông tin và Truyền thông",
                "Sở Tài chính",
                "các đơn vị liên quan khác"
            ]
        );
        // One unit each.
        for one in [
            "Văn phòng UBND tỉnh",
            "VP UBND tỉnh",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
            "Sở Thông tin và Truyền thông (Trung tâm CNTT&TT)",
            "Sở, ban, ngành cấp tỉnh",
            "Ban Quản lý các Khu kinh tế và Khu công nghiệp tỉnh QN",
        ] {
            assert_eq!(u(one), [one], "{one}");
        }
        assert!(u("").is_empty());
        assert!(u(" ; , - ").is_empty());
    }

    #[test]
    fn due_cells_read_against_the_plan_year() {
        let p = |s: &str, y: Option<i32>| due(s, y).map(|d| (d.period, d.start, d.every));
        assert_eq!(
            p("Quý III/2024", None),
            Some((Some(Period::Quarter(2024, 3)), None, None))
        );
        assert_eq!(
            p("Quý IV", Some(2024)),
            Some((Some(Period::Quarter(2024, 4)), None, None))
        );
        assert_eq!(p("Quý IV", None), Some((None, None, None)));
        assert_eq!(
            p("Cả năm", Some(2024)),
            Some((Some(Period::Year(2024)), None, None))
        );
        assert_eq!(
            p("Năm 2024", Some(2023)),
            Some((Some(Period::Year(2024)), None, None))
        );
        assert_eq!(
            p("Hàng năm", Some(2023)),
            Some((None, None, Some(Every::Year)))
        );
        assert_eq!(
            p("2023 - 2024", Some(2023)),
            Some((Some(Period::Year(2024)), Some(Period::Year(2023)), None))
        );
        assert_eq!(
            p("2024-2025", None),
            Some((Some(Period::Year(2025)), Some(Period::Year(2024)), None))
        );
        // Backwards ranges are not read.
        assert_eq!(p("2025 - 2024", None), Some((None, None, None)));
        assert_eq!(
            p("Tháng 6/2024", None),
            Some((Some(Period::Month(2024, 6)), None, None))
        );
        assert_eq!(
            p("Theo Kế hoạch của Bộ TTTT", Some(2024)),
            Some((None, None, None))
        );
        assert_eq!(
            due("Quý  II/2024", None).and_then(|d| d.text),
            Some("Quý II/2024".to_string())
        );
        assert_eq!(due("", Some(2024)), None);
        assert_eq!(due(" - ", Some(2024)), None);
    }
}
