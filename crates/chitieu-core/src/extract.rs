//! Drafting a `chitieu/1` dataset from a plan's plain text, so that entering the next
//! province's plan takes minutes, not days.
//!
//! [`extract`] reads the text the way a person skims a plan: it follows the headings,
//! reads every sentence with the target parser ([`crate::parse`]), keeps the figures
//! that are targets, and makes each one an indicator of a draft dataset that a person
//! then reviews and completes (names, pillars, keys). It guesses; everything it guesses
//! is said in the [`Report`] and in each indicator's note, so the review is quick.
//! [`compare`] measures a draft against a curated dataset of the same plan.
//!
//! # Reading the text
//!
//! - **Paragraphs**: one per line. A line that starts in lower case continues the one
//!   before (a page break cut the sentence), as does a line starting with a digit after
//!   a line without final punctuation; footnotes (lines starting with ¹²³…) are left out;
//!   bullets (`-`, `+`, `- +`, `•`) are stripped.
//! - **Headings**: "Phần I", "Phụ lục II", "Chương I" (with the title line under them),
//!   "A. MỤC TIÊU", roman "II. …", "Điều 2.", decimal "2.", "2.1.", "3.1.1." (also glued,
//!   "2.1.Phát triển") and letter "a)" headings; unnumbered ones: an upper-case line that
//!   names a section kind ("MỤC TIÊU CỤ THỂ"), a short lead-in that states no target
//!   ("Mục tiêu cụ thể:", "Đến năm 2025, phấn đấu:") and topic bullets ("- Về hạ tầng
//!   số:"). A numbered line that ends like a sentence (".", ";", ",") or runs past 250
//!   characters is a list item, not a heading. Each paragraph carries its path:
//!   "Phần II NỘI DUNG KẾ HOẠCH › II. Mục tiêu › 2. Mục tiêu cụ thể › 2.1. Phát triển
//!   Chính quyền số", which becomes `source.section`.
//! - **Tables** (tab-separated cells): a row whose first cell is "TT"/"STT" names the
//!   columns; a roman-numbered row opens a group; a row with an empty number cell right
//!   after a repeated header row is the rest of the row a page break cut. Each text cell
//!   is read on its own; the "chủ trì" column becomes the `owner`; numbering, agency and
//!   time columns are not read for targets. A table of indicators — a "Chỉ tiêu" (or
//!   "Nội dung") column, an optional "Đơn vị tính" column and year columns ("Năm 2025",
//!   "Kế hoạch 2024") — gives one figure per year cell, read as "‹name› ‹figure›
//!   ‹unit› năm ‹year›" (a sign "≥ 90" as "tối thiểu 90"); that composed text is the
//!   target's `text`, and the row's name its name. A column of results ("Thực hiện
//!   2023", "Kết quả …") gives observations instead.
//! - **Sentences and clauses**: a sentence ends at ".", "!" or "?" before a capital, a
//!   digit or a bullet (not inside parentheses, not after "TP."); a clause ends at ";".
//!   Each sentence goes to the parser whole, so the parser splits several targets and
//!   carries a deadline across clauses; each target is then judged by its own clause.
//!
//! Text is matched in NFC, the normal form of published Vietnamese, as the parser does;
//! Windows line endings and a byte-order mark are fine.
//!
//! # Target or result
//!
//! A section's kind is that of the deepest heading naming one, by the first keyword in
//! the heading: "mục tiêu", "chỉ tiêu" → targets; "kết quả", "đánh giá", "tình hình",
//! "thực trạng", "hiện trạng", "tồn tại", "hạn chế", "khó khăn" → results; "nhiệm vụ",
//! "giải pháp", "phân công", "tổ chức thực hiện", "kinh phí", "căn cứ", "danh mục" →
//! tasks. Then, for each figure the parser reads:
//!
//! 1. In a result section it is a result (Quảng Nam's "Phần I ĐÁNH GIÁ KẾT QUẢ…").
//! 2. Its clause makes it a result wherever it is when it holds a ratio ("76162/99483"),
//!    "hiện nay", "đến nay", "hiện tại", or a year before the plan's own ("năm 2023",
//!    "tháng 12/2023" in a 2024 plan; "so với năm 2023" is a baseline and does not count).
//!    Outside target sections "đã", "hiện có" and "đạt được" do too; inside them such
//!    words sit in relative clauses ("mà người dùng đã cung cấp trước đó").
//! 3. When the plan states targets in target sections, only those are drafted: figures
//!    in tasks and appendices are task outputs (the curated seed datasets make the same
//!    call). A plan with no target section that holds a target (Quảng Trị's DTI plan
//!    lists its targets among its tasks) is read whole.
//!
//! Figures set aside are listed in [`Report::skipped`] with the reason.
//!
//! # Tasks
//!
//! The rows of the appendix's task tables ("TT | Nội dung công việc | Đơn vị chủ trì …")
//! become the draft's `tasks`, one per row, with their groups, units and due read as
//! `appendix` describes; they are drafted unless [`Options::targets_only`], and alone
//! with [`Options::tasks_only`]. A plan with tasks and no target still gives a draft.
//!
//! # Deadlines
//!
//! The parser's deadline from the sentence itself; else the time cell of the table row
//! ("Quý IV/2024"); else the nearest heading that names one horizon year ("3.1. Mục tiêu
//! cơ bản đến năm 2025"; "định hướng/tầm nhìn đến năm 2030" is an outlook and does not
//! count); else the plan's title ("Kế hoạch … năm 2024"); else none. The note says which.
//!
//! # Names, levels, plan
//!
//! An indicator's name is its target's words, or the whole clause when they are fewer
//! than four ("100% xã"). The level is the parser's; a share of communes or districts
//! named right after the figure ("100% xã", "100% các huyện") gets that level too, with a
//! note (the parser names a level only after "cấp"/"tuyến"). The plan's title is the
//! upper-case "KẾ HOẠCH"/"NGHỊ QUYẾT"… block near the top, its region the capitalised
//! words after "tỉnh"/"thành phố" (else the place of the "…, ngày … năm …" line), its
//! date that line's, its issuer "UBND tỉnh …" when the number line reads "…-UBND".
//!
//! # Restated targets
//!
//! A target in an appendix table row that restates a target of the body — the same op,
//! figures, unit, level and deadline, and at least 60% of the shorter text's words shared
//! — is folded into it: one indicator, both sections cited, the row's lead agency as
//! owner.
//!
//! # Results as observations
//!
//! Clauses that report results (by section or by their words) give draft observations:
//! each ratio "N/M" (with the printed percentage next to it as `reported`) and each bare
//! percentage ("cấp huyện: 81,8%"; not a bound such as "trên 50%"; not a rank such as
//! "xếp vị thứ 18/63"). Their period is the
//! one the clause, sentence or paragraph names ("năm 2023", "tháng 12/2023"), else the
//! horizon year of a heading ("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023"); without one the
//! figure is skipped. Each becomes an indicator with no target for the reviewer to
//! attach to a target indicator or keep.

mod appendix;
mod compare;
mod doc;
mod text;

use serde::Serialize;

use crate::model::{
    Bound, Dataset, Indicator, Observation, Plan, Source, Target, Task, Text, Unit, SCHEMA,
};
use crate::parse::{parse_targets, ParseError, ParsedTarget};
use crate::period::Period;

pub use compare::{
    compare, Comparison, ObservationComparison, TargetMatch, TaskComparison, MIN_OVERLAP,
    MIN_PREFIX,
};
pub use doc::SectionKind;

use doc::{Doc, Para};
use text::Marker;

/// What to draft.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    /// The file name, for `plan.document` and the plan id when the text names no region.
    pub file_name: Option<String>,
    /// Draft the targets alone: leave out the results (observations) and the tasks.
    pub targets_only: bool,
    /// Draft the tasks alone (no indicators). When both are set, `targets_only` wins.
    pub tasks_only: bool,
}

/// Which parts of the plan targets were drafted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Only sections whose heading names targets ("Mục tiêu", "chỉ tiêu").
    TargetSections,
    /// Everything but results: the plan has no target section.
    WholeText,
}

/// A figure the parser read that is not in the draft, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub line: usize,
    pub section: String,
    pub text: String,
    pub reason: String,
}

/// What [`extract`] did, for the reviewer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub scope: Scope,
    pub targets: usize,
    pub observations: usize,
    /// Tasks drafted from the appendix tables.
    pub tasks: usize,
    /// Appendix rows folded into the body target they restate.
    pub merged: usize,
    pub skipped: Vec<Skipped>,
}

/// A draft dataset and how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub dataset: Dataset,
    pub report: Report,
}

/// Why nothing could be drafted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExtractError {
    #[error("văn bản trống / the text is empty")]
    Empty,
    #[error("không tìm thấy bảng nhiệm vụ nào / no task table found (a header row with a task and a lead column, \"TT | Nội dung | Cơ quan chủ trì …\")")]
    NoTasks,
    #[error(
        "không tìm thấy chỉ tiêu nào / no target found: {} figure(s) read, none of them a target{}",
        skipped.len(),
        first_reason(skipped)
    )]
    NoTargets { skipped: Vec<Skipped> },
}

fn first_reason(skipped: &[Skipped]) -> String {
    skipped
        .first()
        .map(|s| format!(" (e.g. line {}: {})", s.line, s.reason))
        .unwrap_or_default()
}

/// A target the parser read, before the decision.
struct Cand {
    para: usize,
    /// Order within the document, for stable output.
    seq: usize,
    clause: String,
    target: ParsedTarget,
    marker: Option<Marker>,
}

/// A kept target, with its deadline filled in.
struct Kept {
    para: usize,
    seq: usize,
    clause: String,
    target: ParsedTarget,
    note: Option<String>,
    also: Vec<(String, usize)>,
    owner: Option<String>,
}

/// A draft observation.
struct Obs {
    para: usize,
    seq: usize,
    name: String,
    observation: Observation,
}

/// Reads a plan's text into a draft dataset. See the module documentation for how.
pub fn extract(text: &str, options: &Options) -> Result<Draft, ExtractError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let doc = doc::read(text);
    let plan = guess_plan(&doc, options.file_name.as_deref());
    let title = plan.title.clone();
    let plan_year = issue_year(&doc);
    let title_year = doc
        .header
        .title
        .as_deref()
        .and_then(|t| text::years(t).single);

    // Tasks: the appendix tables. "Quý IV" and "Cả năm" mean the year a yearly plan is
    // for ("… năm 2024", even when issued in December 2023), else the year it is issued.
    let tasks = if options.targets_only {
        Vec::new()
    } else {
        let task_year = doc
            .header
            .title
            .as_deref()
            .and_then(text::annual_year)
            .or(plan_year);
        appendix::tasks(
            &doc.rows,
            &appendix::Context {
                document: &title,
                plan_year: task_year,
            },
        )
    };
    if options.tasks_only && !options.targets_only {
        if tasks.is_empty() {
            return Err(ExtractError::NoTasks);
        }
        let report = Report {
            scope: Scope::WholeText,
            targets: 0,
            observations: 0,
            tasks: tasks.len(),
            merged: 0,
            skipped: Vec::new(),
        };
        return Ok(Draft {
            dataset: build(&doc, plan, &[], &[], tasks),
            report,
        });
    }

    let mut cands: Vec<Cand> = Vec::new();
    let mut obs: Vec<Obs> = Vec::new();
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut seq = 0usize;
    for (pi, para) in doc.paras.iter().enumerate() {
        let kind = para.kind();
        let in_targets = kind == Some(SectionKind::Target);
        let column = para
            .row
            .as_ref()
            .filter(|r| r.result_column)
            .and_then(|r| r.column.clone())
            .map(Marker::Column);
        let marker_of = |clause: &str| {
            column
                .clone()
                .or_else(|| text::result_marker(clause, in_targets, plan_year))
        };
        for sentence in text::sentences(&para.text) {
            let clause_spans = text::clauses(sentence);
            let clause_at = |pos: usize| {
                clause_spans
                    .iter()
                    .find(|&&(a, b)| (a..b.max(a + 1)).contains(&pos))
                    .and_then(|&(a, b)| sentence.get(a..b))
                    .unwrap_or(sentence)
                    .trim()
            };
            let mut cursor = 0usize;
            for t in parse_sentence(sentence) {
                let pos = sentence
                    .get(cursor..)
                    .and_then(|r| r.find(&t.text))
                    .map(|p| p + cursor)
                    .or_else(|| sentence.find(&t.text))
                    .unwrap_or(0);
                cursor = pos + 1;
                while !sentence.is_char_boundary(cursor) && cursor < sentence.len() {
                    cursor += 1;
                }
                let clause = clause_at(pos).to_string();
                let marker = marker_of(&clause);
                seq += 1;
                cands.push(Cand {
                    para: pi,
                    seq,
                    clause,
                    target: t,
                    marker,
                });
            }
            if options.targets_only {
                continue;
            }
            for &(a, b) in &clause_spans {
                let clause = sentence.get(a..b).unwrap_or("").trim();
                let is_result = kind == Some(SectionKind::Result) || marker_of(clause).is_some();
                if is_result {
                    observations(clause, sentence, para, pi, &mut seq, &mut obs, &mut skipped);
                }
            }
        }
    }

    // Which sections targets come from.
    let declared = cands.iter().any(|c| {
        doc.paras.get(c.para).and_then(Para::kind) == Some(SectionKind::Target)
            && c.marker.is_none()
    });
    let scope = if declared {
        Scope::TargetSections
    } else {
        Scope::WholeText
    };

    let mut kept: Vec<Kept> = Vec::new();
    for c in cands {
        let Some(para) = doc.paras.get(c.para) else {
            continue;
        };
        let kind = para.kind();
        let reason = if kind == Some(SectionKind::Result) {
            Some("in a result section".to_string())
        } else if let Some(m) = &c.marker {
            Some(format!("reads as a result: {m}"))
        } else if scope == Scope::TargetSections && kind != Some(SectionKind::Target) {
            Some(
                match kind {
                    Some(SectionKind::Task) => "in a task section, outside the target sections",
                    _ => "outside the target sections",
                }
                .to_string(),
            )
        } else {
            None
        };
        if let Some(reason) = reason {
            skipped.push(Skipped {
                line: para.line,
                section: para.section(),
                text: c.target.text.clone(),
                reason,
            });
            continue;
        }
        let mut target = c.target;
        let level_note = infer_level(&mut target);
        let note = fill_deadline(&mut target, para, &title, title_year);
        let note = match (level_note, note) {
            (Some(l), Some(d)) => Some(format!("{l} {d}")),
            (l, d) => l.or(d),
        };
        kept.push(Kept {
            para: c.para,
            seq: c.seq,
            clause: c.clause,
            target,
            note,
            also: Vec::new(),
            owner: para.row.as_ref().and_then(|r| r.owner.clone()),
        });
    }

    let merged = merge_restated(&mut kept, &doc, &mut skipped);
    // A plan with tasks and no target still gives a draft worth reviewing.
    if kept.is_empty() && tasks.is_empty() {
        skipped.sort_by_key(|s| s.line);
        return Err(ExtractError::NoTargets { skipped });
    }
    let task_count = tasks.len();
    let dataset = build(&doc, plan, &kept, &obs, tasks);
    skipped.sort_by_key(|s| s.line);
    Ok(Draft {
        report: Report {
            scope,
            targets: kept.len(),
            observations: obs.len(),
            tasks: task_count,
            merged,
            skipped,
        },
        dataset,
    })
}

/// Every target of a sentence; a sentence the parser refuses as a whole (a range that
/// runs backwards) is read clause by clause, so one slip does not hide its neighbours.
fn parse_sentence(s: &str) -> Vec<ParsedTarget> {
    match parse_targets(s) {
        Ok(v) => v,
        Err(ParseError::NoTarget { .. }) => Vec::new(),
        Err(_) => text::clauses(s)
            .iter()
            .filter_map(|&(a, b)| s.get(a..b))
            .flat_map(|c| parse_targets(c).unwrap_or_default())
            .collect(),
    }
}

/// "100% xã", "100% các huyện": a share of communes or districts is measured at that
/// level, though the parser names a level only after "cấp"/"tuyến". Returns the note.
fn infer_level(t: &mut ParsedTarget) -> Option<String> {
    if t.level.is_some() || t.unit != Unit::Percent {
        return None;
    }
    let (_, after) = t.text.split_once('%')?;
    let w = text::lower_words(after);
    let noun = w.iter().find(|x| !matches!(x.as_str(), "các" | "số"))?;
    let level = match noun.as_str() {
        "xã" | "phường" => crate::model::Level::Commune,
        "huyện" => crate::model::Level::District,
        _ => return None,
    };
    t.level = Some(level);
    Some(format!(
        "Cấp “{}” suy từ “%{}”.",
        level.label_vi(),
        after.split([',', ';']).next().unwrap_or("").trim_end()
    ))
}

/// Fills a missing deadline from the table row, the headings, then the title; returns
/// the note that says where it came from.
fn fill_deadline(
    t: &mut ParsedTarget,
    para: &Para,
    title: &str,
    title_year: Option<i32>,
) -> Option<String> {
    if t.deadline.is_some() {
        return None;
    }
    if let Some(time) = para.row.as_ref().and_then(|r| r.time.as_deref()) {
        let p = text::period_in(time).or_else(|| text::years(time).single.map(Period::Year));
        if let Some(p) = p {
            t.deadline = Some(p);
            return Some(format!("Hạn theo cột thời gian của bảng: “{time}”."));
        }
    }
    for h in para.path.iter().rev() {
        if let Some(y) = doc::heading_year(&h.label) {
            t.deadline = Some(Period::Year(y));
            return Some(format!(
                "Hạn theo tiêu đề mục: “{}”.",
                doc::short(&h.label, 90)
            ));
        }
    }
    if let Some(y) = title_year {
        t.deadline = Some(Period::Year(y));
        return Some(format!(
            "Hạn theo tên kế hoạch: “{}”.",
            doc::short(title, 90)
        ));
    }
    None
}

fn same_bound(a: &Bound, b: &Bound) -> bool {
    let eq = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
    match (a, b) {
        (Bound::Range { min: a1, max: a2 }, Bound::Range { min: b1, max: b2 }) => {
            eq(*a1, *b1) && eq(*a2, *b2)
        }
        _ => a.op() == b.op() && eq(a.value(), b.value()),
    }
}

/// Folds appendix rows that restate a body target into it (see the module docs).
fn merge_restated(kept: &mut Vec<Kept>, doc: &Doc, skipped: &mut Vec<Skipped>) -> usize {
    let in_table = |k: &Kept| doc.paras.get(k.para).is_some_and(|p| p.row.is_some());
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in kept.iter().enumerate().filter(|(_, k)| in_table(k)) {
        for (j, b) in kept.iter().enumerate().filter(|(_, k)| !in_table(k)) {
            let (ta, tb) = (&a.target, &b.target);
            if same_bound(&ta.bound, &tb.bound)
                && ta.unit == tb.unit
                && ta.level == tb.level
                && ta.deadline == tb.deadline
                && ta.change == tb.change
            {
                let sim = text::word_overlap(&ta.text, &tb.text);
                if sim >= 0.6 {
                    pairs.push((sim, i, j));
                }
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut gone = vec![false; kept.len()];
    let mut taken = vec![false; kept.len()];
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (_, i, j) in pairs {
        if gone.get(i).copied().unwrap_or(true) || taken.get(j).copied().unwrap_or(true) {
            continue;
        }
        if let (Some(g), Some(t)) = (gone.get_mut(i), taken.get_mut(j)) {
            *g = true;
            *t = true;
        }
        moves.push((i, j));
    }
    for &(i, j) in &moves {
        let Some(a) = kept.get(i) else { continue };
        let Some(para) = doc.paras.get(a.para) else {
            continue;
        };
        let (section, line, text, owner) = (
            para.section(),
            para.line,
            a.target.text.clone(),
            a.owner.clone(),
        );
        let body_line = kept
            .get(j)
            .and_then(|b| doc.paras.get(b.para))
            .map_or(0, |p| p.line);
        if let Some(b) = kept.get_mut(j) {
            b.also.push((section.clone(), line));
            if b.owner.is_none() {
                b.owner = owner;
            }
        }
        skipped.push(Skipped {
            line,
            section,
            text,
            reason: format!("restates the target on line {body_line}"),
        });
    }
    let mut k = 0;
    kept.retain(|_| {
        let keep = !gone.get(k).copied().unwrap_or(false);
        k += 1;
        keep
    });
    moves.len()
}

/// Draft observations from a result clause (see the module docs).
fn observations(
    clause: &str,
    sentence: &str,
    para: &Para,
    pi: usize,
    seq: &mut usize,
    out: &mut Vec<Obs>,
    skipped: &mut Vec<Skipped>,
) {
    let ratios = text::ratios(clause);
    let pcts = text::percents(clause);
    if ratios.is_empty() && pcts.iter().all(|p| p.bound) {
        return;
    }
    let period = text::period_in(clause)
        .or_else(|| text::period_in(sentence))
        .or_else(|| text::period_in(&para.text))
        .or_else(|| {
            para.path
                .iter()
                .rev()
                .find_map(|h| doc::heading_year(&h.label))
                .map(Period::Year)
        });
    // Each ratio takes the nearer of the percentages printed after it (", tỷ lệ 95,9%",
    // "… (tỉ lệ xử lý thông tin đạt 98,7%)") or before it ("100% (241/241)", "81,8% nhà
    // văn hóa thôn có wifi (1014/1240)"), with no other ratio in between.
    let mut used = vec![false; pcts.len()];
    let mut figures: Vec<(usize, usize, Observation)> = Vec::new();
    for r in &ratios {
        // A rank ("xếp vị thứ 18/63") is not a share.
        let lead = text::lower_words(clause.get(..r.start).unwrap_or(""));
        if lead.last().is_some_and(|w| w == "thứ" || w == "hạng") {
            continue;
        }
        let gap = |a: usize, b: usize, max: usize| {
            clause
                .get(a..b)
                .filter(|g| !g.contains(['/', ';']))
                .map(|g| g.chars().count())
                .filter(|&n| n <= max)
        };
        let pick = pcts
            .iter()
            .enumerate()
            .filter(|(k, _)| !used.get(*k).copied().unwrap_or(true))
            .filter_map(|(k, p)| {
                let d = if p.start >= r.end {
                    gap(r.end, p.start, 100)
                } else if p.end <= r.start {
                    gap(p.end, r.start, 40)
                } else {
                    None
                }?;
                Some((d, k, p))
            })
            .min_by_key(|(d, k, _)| (*d, *k))
            .map(|(_, k, p)| (k, p.value, p.start, p.end));
        let (start, end) = match pick {
            Some((_, _, ps, pe)) => (ps.min(r.start), pe.max(r.end)),
            None => (r.start, r.end),
        };
        if let Some((k, ..)) = pick {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
        }
        figures.push((
            start,
            end,
            Observation {
                period: Period::Year(0),
                value: None,
                numerator: Some(r.num),
                denominator: Some(r.den),
                reported: pick.map(|(_, v, ..)| v),
                note: None,
            },
        ));
    }
    for (k, p) in pcts.iter().enumerate() {
        if used.get(k).copied().unwrap_or(true) || p.bound {
            continue;
        }
        figures.push((
            p.start,
            p.end,
            Observation {
                period: Period::Year(0),
                value: Some(p.value),
                numerator: None,
                denominator: None,
                reported: None,
                note: None,
            },
        ));
    }
    figures.sort_by_key(|f| f.0);
    let starts: Vec<usize> = figures.iter().map(|f| f.0).collect();
    let mut prev_end = 0usize;
    for (k, (start, end, mut o)) in figures.into_iter().enumerate() {
        // The name: the words since the previous figure's name (or the clause start),
        // this figure, and the words after it up to a comma or the next figure ("8/20
        // điểm cầu Sở", "cấp thôn: 96,5 % (1.197/1.240)").
        let next = starts.get(k + 1).copied().unwrap_or(clause.len());
        let tail = clause
            .get(end..next.max(end))
            .and_then(|t| t.find([',', ';']).map(|c| end + c).or(Some(next.max(end))))
            .unwrap_or(end);
        let name = clause
            .get(prev_end.min(start)..tail)
            .unwrap_or("")
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ')' | ':' | '.')
            })
            .trim()
            .to_string();
        prev_end = tail;
        let Some(period) = period else {
            skipped.push(Skipped {
                line: para.line,
                section: para.section(),
                text: name,
                reason: "a result with no period named".to_string(),
            });
            continue;
        };
        o.period = period;
        *seq += 1;
        out.push(Obs {
            para: pi,
            seq: *seq,
            name: name_of(&name, clause),
            observation: o,
        });
    }
}

/// The year the plan is issued for: its date line, else a yearly plan's title.
fn issue_year(doc: &Doc) -> Option<i32> {
    let from_date = doc.header.place_date.as_deref().and_then(|d| {
        let w = text::lower_words(d);
        w.iter()
            .position(|x| x == "năm")
            .and_then(|k| w.get(k + 1))
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (1900..=2100).contains(y))
    });
    from_date.or_else(|| doc.header.title.as_deref().and_then(text::annual_year))
}

/// The capitalised words after `lead` in `s`: "tỉnh Quảng Nam năm 2024" → "Quảng Nam".
fn proper_after(s: &str, lead: &str) -> Option<String> {
    let at = s.find(lead)?;
    let rest = s.get(at + lead.len()..)?;
    let name: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.starts_with('('))
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

/// Plan fields from the title block and header lines.
fn guess_plan(doc: &Doc, file_name: Option<&str>) -> Plan {
    let h = &doc.header;
    let title = h.title.as_deref().map(sentence_case_kind);
    let region = title
        .as_deref()
        .and_then(|t| proper_after(t, "tỉnh ").or_else(|| proper_after(t, "thành phố ")))
        .or_else(|| {
            let pd = h.place_date.as_deref()?;
            let place = pd.split(", ngày").next()?;
            let words: Vec<&str> = place.split_whitespace().collect();
            let tail: Vec<&str> = words
                .iter()
                .rev()
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .copied()
                .collect();
            let name: Vec<&str> = tail.into_iter().rev().collect();
            (!name.is_empty()).then(|| name.join(" "))
        });
    let year = title
        .as_deref()
        .and_then(|t| text::years(t).single)
        .or_else(|| issue_year(doc));
    let stem = file_name.map(|f| {
        let base = f.rsplit(['/', '\\']).next().unwrap_or(f);
        base.rsplit_once('.').map_or(base, |(s, _)| s).to_string()
    });
    let id_base = match (&region, year) {
        (Some(r), Some(y)) => format!("{}-{y}", text::slug(r)),
        (Some(r), None) => text::slug(r),
        _ => stem.as_deref().map(text::slug).unwrap_or_default(),
    };
    let id = if id_base.is_empty() {
        "draft".to_string()
    } else {
        format!("draft-{id_base}")
    };
    let issuer = match (&h.number, &region) {
        (Some(n), Some(r)) if n.contains("UBND") => Some(format!("UBND tỉnh {r}")),
        _ => None,
    };
    let date = h.place_date.as_deref().and_then(date_of);
    Plan {
        id,
        title: title
            .or_else(|| file_name.map(str::to_string))
            .unwrap_or_else(|| "Bản nháp".to_string()),
        region,
        issuer,
        document: file_name.map(str::to_string),
        date,
        url: None,
    }
}

/// "KẾ HOẠCH Chuyển đổi số …" → "Kế hoạch Chuyển đổi số …": the document kind in
/// sentence case, the rest as printed.
fn sentence_case_kind(title: &str) -> String {
    for kind in [
        "KẾ HOẠCH",
        "NGHỊ QUYẾT",
        "QUYẾT ĐỊNH",
        "CHƯƠNG TRÌNH",
        "ĐỀ ÁN",
        "CHỈ THỊ",
        "BÁO CÁO",
        "HƯỚNG DẪN",
    ] {
        if let Some(rest) = title.strip_prefix(kind) {
            let lower = kind.to_lowercase();
            let mut cs = lower.chars();
            let cased: String = cs
                .next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default();
            return format!("{cased}{rest}");
        }
    }
    title.to_string()
}

/// "Quảng Nam, ngày 19 tháng 12 năm 2023" → "2023-12-19"; "ngày tháng năm 2024" → "2024".
fn date_of(place_date: &str) -> Option<String> {
    let w = text::lower_words(place_date);
    let after = |key: &str| {
        w.iter()
            .position(|x| x == key)
            .and_then(|k| w.get(k + 1))
            .and_then(|n| n.parse::<u32>().ok())
    };
    let year = after("năm").filter(|y| (1900..=2100).contains(y))?;
    match (after("ngày"), after("tháng")) {
        (Some(d), Some(m)) if (1..=31).contains(&d) && (1..=12).contains(&m) => {
            Some(format!("{year:04}-{m:02}-{d:02}"))
        }
        (None, Some(m)) if (1..=12).contains(&m) => Some(format!("{year:04}-{m:02}")),
        _ => Some(format!("{year:04}")),
    }
}

/// The draft dataset: one indicator per target, then per observation, in document order;
/// and the tasks.
fn build(doc: &Doc, plan: Plan, kept: &[Kept], obs: &[Obs], tasks: Vec<Task>) -> Dataset {
    enum Item<'a> {
        T(&'a Kept),
        O(&'a Obs),
    }
    let mut items: Vec<(usize, usize, Item)> = kept
        .iter()
        .map(|k| {
            (
                doc.paras.get(k.para).map_or(0, |p| p.line),
                k.seq,
                Item::T(k),
            )
        })
        .chain(obs.iter().map(|o| {
            (
                doc.paras.get(o.para).map_or(0, |p| p.line),
                o.seq,
                Item::O(o),
            )
        }))
        .collect();
    items.sort_by_key(|(line, seq, _)| (*line, *seq));
    let document = plan.title.clone();
    let mut indicators = Vec::with_capacity(items.len());
    for (n, (line, _, item)) in items.iter().enumerate() {
        let id = format!("draft-{:03}", n + 1);
        let ind = match item {
            Item::T(k) => {
                let para = doc.paras.get(k.para);
                let mut section = para.map(Para::section).unwrap_or_default();
                let mut note = format!("Dòng {line} của văn bản.");
                let row = para.and_then(|p| p.row.as_ref());
                if let Some(c) = row.and_then(|r| r.column.as_deref()) {
                    note.push_str(&format!(" Từ bảng chỉ tiêu, cột “{c}”."));
                }
                let name = row
                    .and_then(|r| r.name.clone())
                    .unwrap_or_else(|| name_of(&k.target.text, &k.clause));
                for (s, l) in &k.also {
                    section.push_str("; ");
                    section.push_str(s);
                    note.push_str(&format!(" Nhắc lại ở dòng {l}."));
                }
                if let Some(d) = &k.note {
                    note.push(' ');
                    note.push_str(d);
                }
                Indicator {
                    id,
                    key: None,
                    pillar: None,
                    name: Text { vi: name, en: None },
                    unit: k.target.unit.clone(),
                    level: k.target.level,
                    owner: k.owner.clone(),
                    targets: vec![Target {
                        bound: k.target.bound,
                        change: k.target.change,
                        deadline: k.target.deadline,
                        text: Some(k.target.text.clone()),
                    }],
                    baseline: None,
                    observations: Vec::new(),
                    source: Some(Source {
                        document: Some(document.clone()),
                        section: (!section.is_empty()).then_some(section),
                        page: None,
                        row: None,
                    }),
                    note: Some(note),
                }
            }
            Item::O(o) => {
                let section = doc.paras.get(o.para).map(Para::section).unwrap_or_default();
                Indicator {
                    id,
                    key: None,
                    pillar: None,
                    name: Text {
                        vi: o.name.clone(),
                        en: None,
                    },
                    unit: Unit::Percent,
                    level: None,
                    owner: None,
                    targets: Vec::new(),
                    baseline: None,
                    observations: vec![o.observation.clone()],
                    source: Some(Source {
                        document: Some(document.clone()),
                        section: (!section.is_empty()).then_some(section),
                        page: None,
                        row: None,
                    }),
                    note: Some(format!(
                        "Dòng {line} của văn bản. Kết quả, không phải chỉ tiêu."
                    )),
                }
            }
        };
        indicators.push(ind);
    }
    Dataset {
        quarantined: Vec::new(),
        tasks,
        quarantined_tasks: Vec::new(),
        schema: SCHEMA.to_string(),
        plan,
        as_of: None,
        pillars: Vec::new(),
        indicators,
    }
}

/// The target's words, or its whole clause when they are too few to say what is
/// measured ("100% xã").
fn name_of(target_text: &str, clause: &str) -> String {
    let trim = |s: &str| {
        s.trim()
            .trim_end_matches(['.', ';', ',', ':'])
            .trim()
            .to_string()
    };
    let words = text::words(target_text).len();
    if words < 4 && !clause.trim().is_empty() {
        trim(clause)
    } else {
        trim(target_text)
    }
}

#[cfg(test)]
mod tests;
