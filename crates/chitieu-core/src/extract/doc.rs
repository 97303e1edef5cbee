//! Reading a plan's text into paragraphs, each with the headings it sits under.
//!
//! The text is what a PDF or Word converter gives: one paragraph per line, blank lines
//! between them, page breaks that cut a sentence (the rest starts a new line in lower
//! case) or a table row (the rest comes after a repeated table header), footnotes in
//! between, bullets, and tables with tab-separated cells.

use super::text::{is_upper_text, strip_bullets, strip_tags, years};

/// What a section holds, as its heading says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionKind {
    /// "Mục tiêu", "chỉ tiêu": what the plan aims at.
    Target,
    /// "Kết quả", "đánh giá", "tình hình": what was achieved before the plan.
    Result,
    /// "Nhiệm vụ", "giải pháp", "tổ chức thực hiện": what is to be done.
    Task,
}

/// Keywords that give a heading its kind. The first one in the heading wins, so
/// "Kết quả thực hiện các nhiệm vụ" is a result and "Quan điểm chỉ đạo và mục tiêu" a
/// target section.
const KIND_WORDS: &[(&str, SectionKind)] = &[
    ("mục tiêu", SectionKind::Target),
    ("chỉ tiêu", SectionKind::Target),
    ("kết quả", SectionKind::Result),
    ("đánh giá", SectionKind::Result),
    ("tình hình", SectionKind::Result),
    ("thực trạng", SectionKind::Result),
    ("hiện trạng", SectionKind::Result),
    ("tồn tại", SectionKind::Result),
    ("hạn chế", SectionKind::Result),
    ("khó khăn", SectionKind::Result),
    ("nhiệm vụ", SectionKind::Task),
    ("giải pháp", SectionKind::Task),
    ("phân công", SectionKind::Task),
    ("tổ chức thực hiện", SectionKind::Task),
    ("kinh phí", SectionKind::Task),
    ("căn cứ", SectionKind::Task),
    ("danh mục", SectionKind::Task),
];

/// The kind a heading names, by the first keyword in it.
pub fn heading_kind(label: &str) -> Option<SectionKind> {
    let lower = label.to_lowercase();
    KIND_WORDS
        .iter()
        .filter_map(|(w, k)| lower.find(w).map(|at| (at, *k)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, k)| k)
}

/// One heading on a paragraph's path.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Nesting: 0 for "Phần"/"Phụ lục", 1 for roman numerals, 1 + n for an n-part decimal
    /// number, then letters, then bullet sub-headings. A heading closes every open one at
    /// its depth or deeper.
    pub depth: u8,
    /// As written, with its number: "2.1. Phát triển Chính quyền số".
    pub label: String,
    pub kind: Option<SectionKind>,
}

const PART: u8 = 0;
const ROMAN: u8 = 1;
const LETTER: u8 = 8;
const BULLET: u8 = 9;

impl Heading {
    fn new(depth: u8, label: &str) -> Heading {
        Heading {
            depth,
            label: label.trim().to_string(),
            kind: heading_kind(label),
        }
    }
}

/// A table row's place and its non-target columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// The row's number ("2", "1.13"), empty when it has none.
    pub label: String,
    /// The lead agency column ("chủ trì").
    pub owner: Option<String>,
    /// The time column ("Thời gian thực hiện").
    pub time: Option<String>,
    /// In a table of indicators, the indicator's name ("Chỉ tiêu" column) …
    pub name: Option<String>,
    /// … and the year column the figure comes from ("Năm 2025").
    pub column: Option<String>,
    /// That column reports results ("Thực hiện 2023", "Kết quả năm 2023").
    pub result_column: bool,
}

/// A paragraph (or table cell) with the headings above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub text: String,
    pub path: Vec<Heading>,
    /// 1-based line of the source where the paragraph starts.
    pub line: usize,
    pub row: Option<Row>,
}

impl Para {
    /// The kind of the deepest heading that names one.
    pub fn kind(&self) -> Option<SectionKind> {
        self.path.iter().rev().find_map(|h| h.kind)
    }

    /// The heading path as a reader would cite it, with the table row's number last.
    pub fn section(&self) -> String {
        let mut parts: Vec<String> = self.path.iter().map(|h| short(&h.label, 90)).collect();
        if let Some(r) = &self.row {
            if !r.label.is_empty() {
                parts.push(format!("TT {}", r.label));
            }
        }
        parts.join(" › ")
    }
}

/// `s` cut to at most `max` characters at a word boundary, with "…".
pub fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(sp) if sp > max / 2 => cut.get(..sp).unwrap_or(&cut).to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

/// The lines before the first section: the document's title and header.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// "KẾ HOẠCH Chuyển đổi số tỉnh Nghệ An năm 2024", lines joined.
    pub title: Option<String>,
    /// The place and date line: "Quảng Nam, ngày tháng năm 2024".
    pub place_date: Option<String>,
    /// The number line: "Số: /KH-UBND".
    pub number: Option<String>,
}

/// A table row with every cell, as printed: the rows that [`Para`]s split into cells,
/// kept whole for readers that need the columns side by side (the task tables).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableRow {
    /// The header cells of the table the row is in (empty when it has none).
    pub headers: Vec<String>,
    /// The cells, the pieces of a row cut by a page break joined with one space.
    pub cells: Vec<String>,
    /// The headings above the row, as for its paragraphs.
    pub path: Vec<Heading>,
    /// 1-based line of the source where the row starts.
    pub line: usize,
}

/// A read document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub header: Header,
    pub paras: Vec<Para>,
    /// Every table row in document order, group rows ("II | Nhóm …") included.
    pub rows: Vec<TableRow>,
}

/// Document kinds that open a title block.
const DOC_KINDS: &[&str] = &[
    "KẾ HOẠCH",
    "NGHỊ QUYẾT",
    "QUYẾT ĐỊNH",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "CHỈ THỊ",
    "BÁO CÁO",
    "HƯỚNG DẪN",
];

/// How far down the title may start: past it, an upper-case "KẾ HOẠCH" is a heading.
const TITLE_WITHIN: usize = 40;

/// Longest line that may be a numbered heading; longer ones are numbered paragraphs.
const MAX_HEADING: usize = 250;

/// Markdown emphasis and stray markup around a heading or title line.
fn plain(line: &str) -> String {
    strip_tags(line)
        .replace('*', "")
        .trim()
        .trim_matches('_')
        .trim()
        .to_string()
}

/// Finds the title block: the first upper-case line naming a document kind, and the
/// non-blank lines after it. Returns the header and the index of the first line after it.
fn read_header(lines: &[&str]) -> (Header, usize) {
    let mut header = Header::default();
    let start = lines.iter().take(TITLE_WITHIN).position(|l| {
        let p = plain(l);
        DOC_KINDS.iter().any(|k| {
            p == *k
                || (p.starts_with(k)
                    && p.get(k.len()..)
                        .is_some_and(|r| r.starts_with(' ') && is_upper_text(r)))
        })
    });
    let Some(start) = start else {
        return (header, 0);
    };
    for l in lines.iter().take(start) {
        let p = plain(l);
        if p.is_empty() {
            continue;
        }
        if p.starts_with("Số") && p.contains('/') {
            let (num, rest) = match p.find(|c: char| c.is_whitespace()) {
                // "Số: /KH-UBND Quảng Trị, ngày …": the number is the first two words.
                Some(_) => split_doc_number(&p),
                None => (p.clone(), String::new()),
            };
            header.number = Some(num);
            if rest.contains("ngày") {
                header.place_date = Some(rest);
            }
        } else if p.contains("ngày") && p.contains("năm") {
            header.place_date = Some(p);
        }
    }
    // The kind line and up to three short lines under it: a blank line, a table, a
    // heading, a bullet or a sentence ("Thực hiện …, UBND tỉnh ban hành Kế hoạch như
    // sau:") ends the title, so a text without blank lines keeps its body.
    let mut title: Vec<String> = Vec::new();
    let mut end = start;
    for (k, l) in lines.iter().enumerate().skip(start) {
        let p = plain(l);
        let more = k == start
            || (title.len() < 4
                && !p.is_empty()
                && !l.contains('\t')
                && p.chars().count() <= 160
                && !p.ends_with(['.', ':', ';'])
                && !p.starts_with(['-', '+', '•', '('])
                && heading_of(&p).is_none());
        if !more {
            break;
        }
        title.push(p);
        end += 1;
    }
    header.title = Some(title.join(" "));
    (header, end)
}

/// "Số: /KH-UBND Quảng Trị, ngày tháng năm 2023" → ("Số: /KH-UBND", "Quảng Trị, ngày …").
fn split_doc_number(p: &str) -> (String, String) {
    let mut words = p.split_whitespace();
    let mut num = String::new();
    for w in words.by_ref() {
        if !num.is_empty() {
            num.push(' ');
        }
        num.push_str(w);
        if w.contains('/') {
            break;
        }
    }
    let rest: Vec<&str> = words.collect();
    (num, rest.join(" "))
}

/// A valid roman numeral up to 39 ("I", "IV", "XII"), as its value.
pub fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let val = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        _ => 10,
    };
    let bytes = s.as_bytes();
    let mut total = 0i32;
    for (k, &b) in bytes.iter().enumerate() {
        let v = val(b);
        if bytes.get(k + 1).is_some_and(|&n| val(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let n = u32::try_from(total).ok().filter(|n| (1..40).contains(n))?;
    (to_roman(n) == s).then_some(n)
}

fn to_roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// A decimal section number "2", "2.1", "3.1.1" (one or two digits a part), as its
/// number of parts.
fn decimal_parts(s: &str) -> Option<usize> {
    let parts: Vec<&str> = s.split('.').collect();
    let ok = parts.len() <= 4
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    ok.then_some(parts.len())
}

/// How a heading line is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Form {
    depth: u8,
    /// "Phần I", "Phụ lục II": the next line may be its title ("ĐÁNH GIÁ KẾT QUẢ…").
    titled: bool,
    /// It carries a number or a "Phần/Phụ lục/Chương/Điều" lead. An unnumbered heading
    /// (an upper-case "MỤC TIÊU", a lead-in "Mục tiêu cụ thể:") may be a part's title.
    numbered: bool,
}

const fn numbered(depth: u8) -> Option<Form> {
    Some(Form {
        depth,
        titled: false,
        numbered: true,
    })
}

/// Words an unnumbered short line may start with to be a heading in sentence case.
const LABEL_LEADS: &[&str] = &["mục tiêu", "chỉ tiêu", "nhiệm vụ", "giải pháp", "kết quả"];

/// The number and title of a numbered line; a number glued to its title ("2.1.Phát
/// triển") is split off.
fn split_number(p: &str) -> Option<(&str, &str)> {
    let (tok, rest) = p.split_once(char::is_whitespace).unwrap_or((p, ""));
    let glued = tok
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ')'))
        .map(|(i, _)| i)
        .filter(|&i| i > 0 && tok.get(..i).is_some_and(|n| n.ends_with(['.', ')'])));
    match glued {
        Some(i) => Some((tok.get(..i)?, p.get(i..)?)),
        None if rest.is_empty() => None,
        None => Some((tok, rest)),
    }
}

/// What a line of text is, when it is a heading.
fn heading_of(line: &str) -> Option<Form> {
    let p = plain(line);
    let lower = p.to_lowercase();
    let len = p.chars().count();
    let ends_sentence = p.ends_with('.') || p.ends_with(';') || p.ends_with(',');
    // "Phần I", "PHẦN II", "Phụ lục", "PHỤ LỤC III", "Chương I".
    for lead in ["phần", "phụ lục", "chương"] {
        if let Some(rest) = lower.strip_prefix(lead) {
            let rest = rest.trim();
            let numbered = rest.is_empty()
                || roman(&rest.to_uppercase()).is_some()
                || rest.bytes().all(|b| b.is_ascii_digit());
            if numbered && len <= 20 {
                return Some(Form {
                    depth: PART,
                    titled: true,
                    numbered: true,
                });
            }
        }
    }
    if len > MAX_HEADING || ends_sentence {
        return None;
    }
    // "Điều 2. Giao nhiệm vụ".
    if let Some(rest) = lower.strip_prefix("điều ") {
        let n = rest.split_once('.').map_or("", |(n, _)| n);
        if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
            return numbered(ROMAN);
        }
    }
    // Unnumbered: an upper-case heading that names a kind ("MỤC TIÊU", "NHIỆM VỤ VÀ GIẢI
    // PHÁP"), or a short lead-in ("Mục tiêu cụ thể:", "Đến năm 2025, phấn đấu:") that
    // states no target itself.
    let no_number = split_number(&p).is_none_or(|(num, rest)| {
        let bare = num.trim_end_matches(['.', ')', '-', '–', '/']);
        let marked = bare.len() < num.len() || rest.trim_start().starts_with(['-', '–']);
        !marked
            || !(roman(bare).is_some()
                || decimal_parts(bare).is_some()
                || bare.chars().count() == 1)
    }) && !p.starts_with(|c: char| c.is_ascii_digit());
    if no_number && len <= 120 && is_upper_text(&p) && heading_kind(&p).is_some() {
        return Some(Form {
            depth: ROMAN,
            titled: false,
            numbered: false,
        });
    }
    let lead_in =
        p.ends_with(':') || (len <= 60 && LABEL_LEADS.iter().any(|l| lower.starts_with(l)));
    if no_number
        && lead_in
        && len <= 150
        && !p.starts_with(['-', '+', '•', '–'])
        && crate::parse::parse_targets(&p).is_err()
    {
        return Some(Form {
            depth: BULLET,
            titled: false,
            numbered: false,
        });
    }
    let (num, rest) = split_number(&p)?;
    let starts_word = rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“');
    // "II. MỤC TIÊU", "IV. Giải pháp", and the variants "II- …", "II/ …", "II - …".
    let dashed = rest
        .trim_start()
        .strip_prefix(['-', '–'])
        .is_some_and(|r| r.trim_start().starts_with(char::is_uppercase));
    let bare = num.trim_end_matches(['.', '-', '–', '/', ')']);
    if roman(bare).is_some() && ((bare.len() < num.len() && starts_word) || dashed) {
        return numbered(ROMAN);
    }
    if let Some(r) = num.strip_suffix('.') {
        // "A. MỤC TIÊU", "B. NHIỆM VỤ": lettered parts, in capitals.
        let mut cs = r.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            if c.is_ascii_uppercase() && is_upper_text(rest) {
                return numbered(PART);
            }
        }
    }
    // "2.", "2.1.", "3.1.1.", "2.3 Mục tiêu …", "1)".
    let trimmed = num.trim_end_matches(['.', ')']);
    let marked = num.len() > trimmed.len();
    if let Some(n) = decimal_parts(trimmed) {
        if (marked || n > 1) && starts_word {
            return numbered(1 + n as u8);
        }
    }
    // "a) Tình hình triển khai".
    let mut cs = num.chars();
    if let (Some(c), Some(')'), None) = (cs.next(), cs.next(), cs.next()) {
        if c.is_lowercase() && starts_word {
            return numbered(LETTER);
        }
    }
    None
}

/// "Về hạ tầng số:" as a bullet sub-heading, and the text after its colon.
fn topic_of(text: &str) -> Option<(String, String)> {
    let (head, rest) = text.split_once(':')?;
    let ok = head.starts_with("Về ")
        && head.chars().count() <= 60
        && !head.chars().any(|c| c.is_ascii_digit());
    ok.then(|| (head.trim().to_string(), rest.trim().to_string()))
}

/// A year column of a table of indicators: "Năm 2025", "Kế hoạch 2024", "Thực hiện 2023".
#[derive(Debug, Clone, PartialEq)]
struct YearColumn {
    col: usize,
    year: i32,
    header: String,
    result: bool,
}

/// The year columns of a header row, if it is a table of indicators (figures by year).
fn year_columns(headers: &[String]) -> Vec<YearColumn> {
    headers
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, h)| !skipped_column(&h.to_lowercase()))
        .filter_map(|(col, h)| {
            // A header is short: the one year it names is its year.
            let mut ys: Vec<i32> = super::text::lower_words(h)
                .iter()
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<i32>().ok())
                .filter(|y| (1900..=2100).contains(y))
                .collect();
            ys.dedup();
            let year = match ys.as_slice() {
                [y] => *y,
                _ => return None,
            };
            let lower = h.to_lowercase();
            let result = ["thực hiện", "kết quả", "ước", "hiện trạng", "đạt được"]
                .iter()
                .any(|w| lower.contains(w));
            Some(YearColumn {
                col,
                year,
                header: h.clone(),
                result,
            })
        })
        .collect()
}

/// A comparison sign in a table cell, in the words the parser reads: "≥ 90" → "tối
/// thiểu 90".
fn cell_words(cell: &str) -> String {
    let t = cell.trim();
    for (sign, words) in [
        ("≥", "tối thiểu "),
        (">=", "tối thiểu "),
        ("≤", "tối đa "),
        ("<=", "tối đa "),
        (">", "trên "),
        ("<", "dưới "),
    ] {
        if let Some(rest) = t.strip_prefix(sign) {
            return format!("{words}{}", rest.trim_start());
        }
    }
    t.to_string()
}

/// A table being read: its columns, and the row that a page break may have split.
#[derive(Default)]
struct Table {
    /// Column headers as printed; empty when the table has no header row.
    headers: Vec<String>,
    /// Lower-case column headers.
    columns: Vec<String>,
    years: Vec<YearColumn>,
    /// The last line was a (repeated) header row.
    after_header: bool,
    pending: Option<PendingRow>,
}

struct PendingRow {
    cells: Vec<String>,
    path: Vec<Heading>,
    line: usize,
}

/// Columns that are never read for targets: numbering, agencies, time, units.
fn skipped_column(name: &str) -> bool {
    name == "tt"
        || name == "stt"
        || [
            "cơ quan",
            "đơn vị",
            "thời gian",
            "đvt",
            "phối hợp",
            "chủ trì",
        ]
        .iter()
        .any(|w| name.contains(w))
}

/// Paragraphs of a finished row: one per text cell; the whole row goes to `rows`.
fn flush_row(table: &mut Table, paras: &mut Vec<Para>, rows: &mut Vec<TableRow>) {
    let Some(row) = table.pending.take() else {
        return;
    };
    rows.push(TableRow {
        headers: table.headers.clone(),
        cells: row.cells.clone(),
        path: row.path.clone(),
        line: row.line,
    });
    let col = |k: usize| table.columns.get(k).map(String::as_str).unwrap_or("");
    let cell = |want: &str| {
        (0..row.cells.len())
            .find(|&k| col(k).contains(want))
            .and_then(|k| row.cells.get(k))
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
    };
    let meta = Row {
        label: row
            .cells
            .first()
            .map(|c| c.trim().trim_end_matches('.').to_string())
            .unwrap_or_default(),
        owner: cell("chủ trì"),
        time: cell("thời gian"),
        ..Row::default()
    };
    // A table of indicators: one figure per year column, read as "<name> <figure>
    // <unit> năm <year>" so the parser sees the unit and the deadline.
    let name_col = (1..table.columns.len())
        .find(|&k| {
            ["chỉ tiêu", "nội dung", "tên"]
                .iter()
                .any(|w| col(k).contains(w))
        })
        .unwrap_or(1);
    let unit_col = (1..table.columns.len()).find(|&k| {
        let c = col(k);
        c.contains("đơn vị tính") || c.contains("đvt") || c == "đơn vị"
    });
    let by_year = !table.years.is_empty();
    if by_year {
        let name = row.cells.get(name_col).map_or("", |c| c.trim());
        let unit = unit_col
            .and_then(|k| row.cells.get(k))
            .map_or("", |c| c.trim());
        for y in &table.years {
            let figure = row.cells.get(y.col).map_or("", |c| c.trim());
            if name.is_empty() || !figure.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let unit = if figure.contains('%') {
                String::new()
            } else if unit.contains('%') {
                "%".to_string()
            } else if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            };
            paras.push(Para {
                text: format!("{name} {}{unit} năm {}", cell_words(figure), y.year),
                path: row.path.clone(),
                line: row.line,
                row: Some(Row {
                    name: Some(name.to_string()),
                    column: Some(y.header.clone()),
                    result_column: y.result,
                    ..meta.clone()
                }),
            });
        }
    }
    for (k, c) in row.cells.iter().enumerate().skip(1) {
        let text = c.trim();
        let table_cell = by_year
            && (k == name_col || Some(k) == unit_col || table.years.iter().any(|y| y.col == k));
        if text.is_empty() || skipped_column(col(k)) || table_cell {
            continue;
        }
        paras.push(Para {
            text: text.to_string(),
            path: row.path.clone(),
            line: row.line,
            row: Some(meta.clone()),
        });
    }
}

/// Pushes `h`, closing every open heading at its depth or deeper.
fn open(stack: &mut Vec<Heading>, h: Heading) {
    while stack.last().is_some_and(|t| t.depth >= h.depth) {
        stack.pop();
    }
    stack.push(h);
}

fn is_footnote(t: &str) -> bool {
    t.starts_with(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰'])
}

/// Reads `text` into its header and paragraphs.
pub fn read(text: &str) -> Doc {
    let lines: Vec<&str> = text.lines().collect();
    let (header, first) = read_header(&lines);
    let mut paras: Vec<Para> = Vec::new();
    let mut rows: Vec<TableRow> = Vec::new();
    let mut stack: Vec<Heading> = Vec::new();
    let mut table: Option<Table> = None;
    // The heading just opened takes the next line as its title ("Phần I" + "ĐÁNH GIÁ…").
    let mut wants_title = false;
    // The last paragraph may be continued by a line that starts in lower case.
    let mut open_para = false;

    for (k, raw) in lines.iter().enumerate().skip(first) {
        let line_no = k + 1;
        if raw.trim().is_empty() {
            continue;
        }
        if raw.contains('\t') {
            wants_title = false;
            open_para = false;
            let t = table.get_or_insert_with(Table::default);
            read_row(raw, line_no, t, &mut stack, &mut paras, &mut rows);
            continue;
        }
        let t = strip_tags(raw.trim());
        let t = t.trim();
        if is_footnote(t) {
            continue;
        }
        if t.is_empty() {
            continue;
        }
        if let Some(mut tb) = table.take() {
            flush_row(&mut tb, &mut paras, &mut rows);
        }
        if wants_title {
            wants_title = false;
            let is_part = stack
                .last()
                .is_some_and(|h| h.label.to_lowercase().starts_with("phần"));
            let p = plain(t);
            let fits = !heading_of(t).is_some_and(|f| f.numbered)
                && !p.starts_with('(')
                && p.chars().count() <= MAX_HEADING
                && (!is_part || is_upper_text(&p));
            if fits {
                if let Some(h) = stack.pop() {
                    stack.push(Heading::new(h.depth, &format!("{} {p}", h.label)));
                }
                continue;
            }
        }
        if let Some(form) = heading_of(t) {
            let label = plain(t);
            open(&mut stack, Heading::new(form.depth, &label));
            wants_title = form.titled;
            open_para = false;
            // "a) Tỷ lệ hồ sơ trực tuyến đạt 90%": a numbered heading that states a
            // target is also read as a paragraph.
            let rest = split_number(&label).map(|(_, r)| r.trim()).unwrap_or("");
            if form.numbered && form.depth != PART && crate::parse::parse_targets(rest).is_ok() {
                paras.push(Para {
                    text: rest.to_string(),
                    path: stack.clone(),
                    line: line_no,
                    row: None,
                });
            }
            continue;
        }
        let first_char = t.chars().next();
        let continues = open_para
            && (first_char.is_some_and(char::is_lowercase)
                || (first_char.is_some_and(|c| c.is_ascii_digit())
                    && paras
                        .last()
                        .is_some_and(|p| !p.text.ends_with(['.', ';', ':', '!', '?']))));
        if continues {
            if let Some(last) = paras.last_mut() {
                last.text.push(' ');
                last.text.push_str(t);
            }
            continue;
        }
        let body = strip_bullets(t);
        let body = match topic_of(body) {
            Some((topic, rest)) => {
                open(&mut stack, Heading::new(BULLET, &topic));
                rest
            }
            None => body.to_string(),
        };
        if body.is_empty() {
            open_para = false;
            continue;
        }
        paras.push(Para {
            text: body,
            path: stack.clone(),
            line: line_no,
            row: None,
        });
        open_para = true;
    }
    if let Some(mut tb) = table.take() {
        flush_row(&mut tb, &mut paras, &mut rows);
    }
    Doc {
        header,
        paras,
        rows,
    }
}

/// One tab-separated line of a table.
fn read_row(
    raw: &str,
    line: usize,
    table: &mut Table,
    stack: &mut Vec<Heading>,
    paras: &mut Vec<Para>,
    rows: &mut Vec<TableRow>,
) {
    let cells: Vec<String> = raw.split('\t').map(|c| strip_tags(c.trim())).collect();
    let first = cells
        .first()
        .map(|c| plain(c).trim_end_matches('.').to_string())
        .unwrap_or_default();
    let rest_empty = |from: usize| cells.iter().skip(from).all(|c| c.trim().is_empty());
    let first_text = cells
        .iter()
        .skip(1)
        .map(|c| c.trim())
        .find(|c| !c.is_empty())
        .unwrap_or("");

    // A header row, or its repetition after a page break.
    if first.eq_ignore_ascii_case("tt") || first.eq_ignore_ascii_case("stt") {
        table.headers = cells.iter().map(|c| plain(c)).collect();
        table.columns = table.headers.iter().map(|c| c.to_lowercase()).collect();
        table.years = year_columns(&table.headers);
        table.after_header = true;
        return;
    }
    // The rest of a row cut by a page break: no number, right after the repeated header.
    if first.is_empty() && table.after_header {
        if let Some(p) = table.pending.as_mut() {
            for (k, c) in cells.iter().enumerate().skip(1) {
                let c = c.trim();
                if c.is_empty() {
                    continue;
                }
                match p.cells.get_mut(k) {
                    Some(cell) if !cell.trim().is_empty() => {
                        cell.push(' ');
                        cell.push_str(c);
                    }
                    Some(cell) => *cell = c.to_string(),
                    None => {
                        p.cells.resize(k, String::new());
                        p.cells.push(c.to_string());
                    }
                }
            }
            table.after_header = false;
            return;
        }
    }
    table.after_header = false;
    flush_row(table, paras, rows);

    // A group row: "I  Nhận thức số", or a numbered row with only a short title.
    let group = if roman(&first).is_some() {
        Some(ROMAN)
    } else {
        decimal_parts(&first)
            .filter(|_| {
                rest_empty(2)
                    && first_text.chars().count() <= 100
                    && crate::parse::parse_targets(first_text).is_err()
            })
            .map(|n| 1 + n as u8)
    };
    if let Some(depth) = group {
        if !first_text.is_empty() {
            rows.push(TableRow {
                headers: table.headers.clone(),
                cells: cells.clone(),
                path: stack.clone(),
                line,
            });
            open(
                stack,
                Heading::new(depth, &format!("{first}. {first_text}")),
            );
            return;
        }
    }
    table.pending = Some(PendingRow {
        cells,
        path: stack.clone(),
        line,
    });
}

/// The years a heading's text names as a horizon, for targets under it with none of
/// their own (see [`years`]).
pub fn heading_year(label: &str) -> Option<i32> {
    years(label).single
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(text: &str) -> Vec<(String, String)> {
        read(text)
            .paras
            .iter()
            .map(|p| (p.section(), p.text.clone()))
            .collect()
    }

    #[test]
    fn headings_nest_and_close() {
        let text = "Phần I\nĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023\n\nI. Kết quả thực hiện\n\n1. Về hạ tầng số\n\n- Đã kéo cáp quang đến 100% xã.\n\nPhần II\n\nNỘI DUNG KẾ HOẠCH\n\nII. Mục tiêu\n\n2. Mục tiêu cụ thể\n\n2.1. Phát triển Chính quyền số\n\n- 90% hồ sơ.\n\n2.2. Phát triển kinh tế số\n\n- Kinh tế số chiếm 10% GRDP.\n\nIII. NHIỆM VỤ\n\na) Hạ tầng\n\n- Lắp wifi.";
        let s = sections(text);
        assert_eq!(
            s,
            [
                (
                    "Phần I ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023 › I. Kết quả thực hiện › 1. Về hạ tầng số".to_string(),
                    "Đã kéo cáp quang đến 100% xã.".to_string()
                ),
                (
                    "Phần II NỘI DUNG KẾ HOẠCH › II. Mục tiêu › 2. Mục tiêu cụ thể › 2.1. Phát triển Chính quyền số".into(),
                    "90% hồ sơ.".into()
                ),
                (
                    "Phần II NỘI DUNG KẾ HOẠCH › II. Mục tiêu › 2. Mục tiêu cụ thể › 2.2. Phát triển kinh tế số".into(),
                    "Kinh tế số chiếm 10% GRDP.".into()
                ),
                (
                    "Phần II NỘI DUNG KẾ HOẠCH › III. NHIỆM VỤ › a) Hạ tầng".into(),
                    "Lắp wifi.".into()
                ),
            ]
        );
        let doc = read(text);
        let kinds: Vec<Option<SectionKind>> = doc.paras.iter().map(Para::kind).collect();
        assert_eq!(
            kinds,
            [
                Some(SectionKind::Result),
                Some(SectionKind::Target),
                Some(SectionKind::Target),
                Some(SectionKind::Task)
            ]
        );
    }

    #[test]
    fn numbered_sentences_and_long_lines_are_not_headings() {
        let depth = |s: &str| heading_of(s).map(|f| (f.depth, f.titled, f.numbered));
        assert_eq!(depth("1. Mục đích"), Some((2, false, true)));
        assert_eq!(
            depth("3.1.1. Phát triển chính quyền số"),
            Some((4, false, true))
        );
        assert_eq!(
            depth("2.1.Phát triển chính quyền số"),
            Some((3, false, true))
        );
        assert_eq!(depth("2.3 Mục tiêu về hạ tầng"), Some((3, false, true)));
        assert_eq!(
            depth("II. QUAN ĐIỂM CHỈ ĐẠO VÀ MỤC TIÊU"),
            Some((1, false, true))
        );
        assert_eq!(depth("II- MỤC TIÊU"), Some((1, false, true)));
        assert_eq!(depth("III - NHIỆM VỤ"), Some((1, false, true)));
        assert_eq!(depth("IV/ Giải pháp"), Some((1, false, true)));
        assert_eq!(depth("a) Tình hình triển khai"), Some((8, false, true)));
        assert_eq!(depth("Phần II"), Some((0, true, true)));
        assert_eq!(depth("PHỤ LỤC"), Some((0, true, true)));
        assert_eq!(depth("Phụ lục II"), Some((0, true, true)));
        assert_eq!(depth("Chương II"), Some((0, true, true)));
        assert_eq!(depth("A. MỤC TIÊU"), Some((0, false, true)));
        assert_eq!(depth("Điều 1. Phê duyệt Kế hoạch"), Some((1, false, true)));
        // Unnumbered headings.
        assert_eq!(depth("MỤC TIÊU CỤ THỂ"), Some((1, false, false)));
        assert_eq!(depth("Mục tiêu cụ thể:"), Some((9, false, false)));
        assert_eq!(depth("Đến năm 2025, phấn đấu:"), Some((9, false, false)));
        assert_eq!(
            depth("Tỷ lệ hồ sơ trực tuyến đạt:"),
            Some((9, false, false))
        );
        assert_eq!(depth("TM. ỦY BAN NHÂN DÂN"), None);
        assert_eq!(depth("Phấn đấu đạt 90% hồ sơ:"), None);
        assert_eq!(depth("- Nội dung:"), None);
        // List items: they end like sentences.
        assert_eq!(depth("1. Quyết định số 531/QĐ-UBND ngày 17/3/2023;"), None);
        assert_eq!(
            depth("3. Sở Kế hoạch và Đầu tư: Phối hợp với Sở Thông tin và Truyền thông."),
            None
        );
        assert_eq!(depth("100% hồ sơ"), None);
        assert_eq!(depth("2025, định hướng đến năm 2030"), None);
        assert_eq!(depth("IV Nhận thức số"), None);
        assert_eq!(depth(&format!("1. {}", "Rất dài ".repeat(40))), None);
        assert_eq!(depth("Phần lớn cán bộ"), None);
        assert_eq!(depth("A. Nguyễn Văn B"), None);
    }

    #[test]
    fn kinds_follow_the_first_keyword() {
        use SectionKind::*;
        assert_eq!(
            heading_kind("I. Kết quả thực hiện các nhiệm vụ"),
            Some(Result)
        );
        assert_eq!(
            heading_kind("II. QUAN ĐIỂM CHỈ ĐẠO VÀ MỤC TIÊU"),
            Some(Target)
        );
        assert_eq!(heading_kind("2. Mục tiêu cụ thể"), Some(Target));
        assert_eq!(heading_kind("II. NHIỆM VỤ, GIẢI PHÁP"), Some(Task));
        assert_eq!(heading_kind("I. TÌNH HÌNH VÀ NGUYÊN NHÂN"), Some(Result));
        assert_eq!(heading_kind("1. Mục đích"), None);
    }

    #[test]
    fn page_breaks_and_footnotes_do_not_split_paragraphs() {
        let text = "II. Mục tiêu\n\n- 100% tỷ lệ giao dịch trên Cổng một cửa\n\n¹ Chú thích.\n\nđiện tử của tỉnh được xác thực điện tử.\n\n- Báo cáo Nghị quyết đến năm\n\n2025, định hướng đến năm 2030.\n\n- Hết câu.\n\n2025 là năm bản lề.";
        let s = sections(text);
        let texts: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "100% tỷ lệ giao dịch trên Cổng một cửa điện tử của tỉnh được xác thực điện tử.",
                "Báo cáo Nghị quyết đến năm 2025, định hướng đến năm 2030.",
                "Hết câu.",
                "2025 là năm bản lề."
            ]
        );
    }

    #[test]
    fn topic_bullets_are_sub_headings() {
        let text = "2. Mục tiêu cụ thể\n\n- Về hạ tầng số:\n\n+ 100% hệ thống.\n\n- Về chính quyền số:\n\n+ 90% hồ sơ.\n\n- Về đô thị thông minh: Tiếp tục thí điểm.";
        let s = sections(text);
        assert_eq!(s[0].0, "2. Mục tiêu cụ thể › Về hạ tầng số");
        assert_eq!(s[0].1, "100% hệ thống.");
        assert_eq!(s[1].0, "2. Mục tiêu cụ thể › Về chính quyền số");
        assert_eq!(s[2].0, "2. Mục tiêu cụ thể › Về đô thị thông minh");
        assert_eq!(s[2].1, "Tiếp tục thí điểm.");
    }

    #[test]
    fn tables_group_rows_continue_rows_and_name_owners() {
        let text = "Phụ lục\nCác nhiệm vụ trọng tâm\n\nTT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\nI\tNhận thức số\t\t\t\n1\tCập nhật tin 01 lần/tuần\tSở TT&TT\tCác sở\tHàng năm\n2\tPhần đầu của dòng\tVăn phòng\t\t2023\n\nTT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n\tvà phần sau trang\t\t\t\nII\tVề thể chế số\t\t\t\n1\tBan hành\tSở Nội vụ\t\tQuý IV/2024";
        let doc = read(text);
        let got: Vec<(String, String, Option<String>, Option<String>)> = doc
            .paras
            .iter()
            .map(|p| {
                let r = p.row.clone().unwrap_or_default();
                (p.section(), p.text.clone(), r.owner, r.time)
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Phụ lục Các nhiệm vụ trọng tâm › I. Nhận thức số › TT 1".to_string(),
                    "Cập nhật tin 01 lần/tuần".to_string(),
                    Some("Sở TT&TT".to_string()),
                    Some("Hàng năm".to_string())
                ),
                (
                    "Phụ lục Các nhiệm vụ trọng tâm › I. Nhận thức số › TT 2".into(),
                    "Phần đầu của dòng và phần sau trang".into(),
                    Some("Văn phòng".into()),
                    Some("2023".into())
                ),
                (
                    "Phụ lục Các nhiệm vụ trọng tâm › II. Về thể chế số › TT 1".into(),
                    "Ban hành".into(),
                    Some("Sở Nội vụ".into()),
                    Some("Quý IV/2024".into())
                ),
            ]
        );
        assert_eq!(doc.paras[0].kind(), Some(SectionKind::Task));
    }

    #[test]
    fn the_title_block_and_header_lines() {
        let text = "\n\nSố: /KH-UBND *Quảng Trị, ngày tháng năm 2023*\n\nKẾ HOẠCH\nNâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)\n\nI. MỤC ĐÍCH\n\nNội dung.";
        let doc = read(text);
        assert_eq!(
            doc.header.title.as_deref(),
            Some("KẾ HOẠCH Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)")
        );
        assert_eq!(doc.header.number.as_deref(), Some("Số: /KH-UBND"));
        assert_eq!(
            doc.header.place_date.as_deref(),
            Some("Quảng Trị, ngày tháng năm 2023")
        );
        assert_eq!(doc.paras.len(), 1);
        assert_eq!(doc.paras[0].section(), "I. MỤC ĐÍCH");
        // No title: everything is body.
        let doc = read("1. Mục tiêu\n\n90% hồ sơ.");
        assert_eq!(doc.header.title, None);
        assert_eq!(doc.paras.len(), 1);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman("IV"), Some(4));
        assert_eq!(roman("VIII"), Some(8));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("VX"), None);
        assert_eq!(roman(""), None);
        assert_eq!(roman("TT"), None);
    }
}
