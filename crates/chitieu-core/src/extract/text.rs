//! Small readers over plain Vietnamese text: sentences and clauses, years, ratios and
//! percentages, the words that mark a result, and text similarity.
//!
//! Hand-written rather than regex-based, like the parser's tokenizer, to keep the
//! WebAssembly bundle small.

use crate::number::parse_vi_number;
use crate::period::Period;

/// Removes markup left by document converters: `<i>…</i>`, `<ul style="…">`.
pub fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        let (before, from) = rest.split_at(lt);
        out.push_str(before);
        let after = from.get(1..).unwrap_or("");
        let tag_like = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        let close = after
            .find(['>', '<', '\n'])
            .filter(|&g| g <= 200 && after.get(g..).is_some_and(|r| r.starts_with('>')));
        match (tag_like, close) {
            (true, Some(g)) => rest = after.get(g + 1..).unwrap_or(""),
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    if out.len() == s.len() {
        return out;
    }
    // Removing a tag may leave two spaces or a space at an end.
    out.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text after its bullet marks: "- ", "+ ", "- + ", "• ".
pub fn strip_bullets(s: &str) -> &str {
    let mut t = s.trim_start();
    loop {
        let mut cs = t.chars();
        match (cs.next(), cs.next()) {
            (Some('-' | '+' | '•' | '–' | '*' | '·'), Some(c)) if c.is_whitespace() => {
                t = cs.as_str().trim_start();
            }
            _ => return t,
        }
    }
}

/// Whether every letter of `s` is upper case (and it has one).
pub fn is_upper_text(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// Byte spans of the words of `s`: runs of letters and digits.
pub fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c);
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

/// The lower-case words of `s`.
pub fn lower_words(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    words(&lower)
        .iter()
        .filter_map(|&(a, b)| lower.get(a..b).map(str::to_string))
        .collect()
}

fn year_of(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// The horizon years a heading or title names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Years {
    /// Every horizon year, in order.
    pub all: Vec<i32>,
    /// The one horizon year, when exactly one is named.
    pub single: Option<i32>,
}

/// Horizon years: "(đến) năm 2025", "đến 2030", the end of "giai đoạn 2021-2025". Years
/// after "định hướng" or "tầm nhìn" are an outlook, not the horizon ("đến năm 2025, định
/// hướng đến năm 2030" has the one horizon 2025); bare years in citations ("ngày
/// 03/6/2020") are not horizons.
pub fn years(s: &str) -> Years {
    let lower = s.to_lowercase();
    let ws = words(&lower);
    let word = |k: usize| ws.get(k).and_then(|&(a, b)| lower.get(a..b)).unwrap_or("");
    let between = |k: usize| {
        let (Some(&(_, e)), Some(&(s2, _))) = (ws.get(k), ws.get(k + 1)) else {
            return "";
        };
        lower.get(e..s2).unwrap_or("")
    };
    let dash = |g: &str| {
        let g = g.trim();
        g == "-" || g == "–" || g == "—"
    };
    let mut all: Vec<i32> = Vec::new();
    for k in 0..ws.len() {
        let Some(y) = year_of(word(k)) else { continue };
        let outlook = (k.saturating_sub(4)..k).any(|j| matches!(word(j), "hướng" | "nhìn"));
        let range_start = dash(between(k)) && year_of(word(k + 1)).is_some();
        let range_end = k > 0 && dash(between(k - 1)) && year_of(word(k - 1)).is_some();
        let after_slash = k > 0 && between(k - 1).trim() == "/";
        let named = k > 0 && matches!(word(k - 1), "năm" | "đến" | "hết" | "tới");
        if outlook || range_start || after_slash {
            continue;
        }
        if (named || range_end) && !all.contains(&y) {
            all.push(y);
        }
    }
    let single = match all.as_slice() {
        [y] => Some(*y),
        _ => None,
    };
    Years { all, single }
}

/// The year of a yearly plan from its title: "Kế hoạch … năm 2024" (not "đến năm 2025").
pub fn annual_year(title: &str) -> Option<i32> {
    let w = lower_words(title);
    let found: Vec<i32> = (0..w.len())
        .filter_map(|k| {
            let y = year_of(w.get(k)?)?;
            let before = k.checked_sub(1).and_then(|j| w.get(j))?;
            let lead = k.checked_sub(2).and_then(|j| w.get(j)).map(String::as_str);
            (before == "năm" && !matches!(lead, Some("đến" | "hết" | "tới" | "hướng" | "nhìn")))
                .then_some(y)
        })
        .collect();
    match found.as_slice() {
        [y] => Some(*y),
        _ => None,
    }
}

/// The period a short text names: "Quý IV/2024", "tháng 12/2023", "năm 2023", or a
/// cell that is only a year ("2024"). The first one found.
pub fn period_in(s: &str) -> Option<Period> {
    let w = lower_words(s);
    if let [only] = w.as_slice() {
        if let Some(y) = year_of(only) {
            return Some(Period::Year(y));
        }
    }
    for k in 0..w.len() {
        let at = |j: usize| w.get(j).map(String::as_str).unwrap_or("");
        match at(k) {
            "quý" => {
                let q = match at(k + 1) {
                    "i" | "1" => 1,
                    "ii" | "2" => 2,
                    "iii" | "3" => 3,
                    "iv" | "4" => 4,
                    _ => continue,
                };
                if let Some(y) = year_of(at(k + 2)) {
                    return Some(Period::Quarter(y, q));
                }
            }
            "tháng" => {
                let m = at(k + 1)
                    .parse::<u8>()
                    .ok()
                    .filter(|m| (1..=12).contains(m));
                if let (Some(m), Some(y)) = (m, year_of(at(k + 2))) {
                    return Some(Period::Month(y, m));
                }
            }
            "năm" => {
                if let Some(y) = year_of(at(k + 1)) {
                    return Some(Period::Year(y));
                }
            }
            // "Từ ngày 01/11/2023 đến ngày 30/11/2023" is November; "tính đến ngày
            // 30/11/2023" is that day; "ngày 12/8/2022" alone is a citation's date.
            "ngày" => {
                let date = |j: usize| {
                    let d = at(j).parse::<u8>().ok()?;
                    let m = at(j + 1).parse::<u8>().ok()?;
                    let y = year_of(at(j + 2))?;
                    crate::period::Date::new(y, m, d)
                };
                let Some(d1) = date(k + 1) else { continue };
                let lead = k.checked_sub(1).map_or("", |j| at(j));
                if lead == "từ" && at(k + 4) == "đến" && at(k + 5) == "ngày" {
                    if let Some(d2) = date(k + 6) {
                        if (d1.year, d1.month) == (d2.year, d2.month) {
                            return Some(Period::Month(d1.year, d1.month));
                        }
                        return Some(Period::Day(d2));
                    }
                }
                if lead == "đến" {
                    return Some(Period::Day(d1));
                }
            }
            _ => {}
        }
    }
    None
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREV: &[&str] = &["TP", "Tp", "TX", "ThS", "TS", "PGS", "GS", "v", "St"];

/// The sentences of a paragraph: a `.`, `!` or `?` outside parentheses, followed by
/// white space and a capital letter, a digit or a bullet, or by the end. "1.000",
/// "phiên bản 1.0", "TP. Tam Kỳ" do not end one.
pub fn sentences(text: &str) -> Vec<&str> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut depth = 0i32;
    for (k, &(i, c)) in cs.iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            '.' | '!' | '?' if depth == 0 => {
                let mut m = k + 1;
                while cs.get(m).is_some_and(|x| x.1.is_whitespace()) {
                    m += 1;
                }
                let spaced = m > k + 1;
                let boundary = match cs.get(m) {
                    None => true,
                    Some(&(_, n)) => {
                        spaced
                            && (n.is_uppercase()
                                || n.is_ascii_digit()
                                || matches!(n, '-' | '+' | '•' | '"' | '“'))
                    }
                };
                let before = text.get(..i).unwrap_or("");
                let abbrev = words(before)
                    .last()
                    .filter(|&&(_, b)| b == i)
                    .and_then(|&(a, b)| before.get(a..b))
                    .is_some_and(|w| ABBREV.contains(&w));
                if boundary && !abbrev {
                    let end = i + c.len_utf8();
                    if let Some(s) = text
                        .get(start..end)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                    {
                        out.push(s);
                    }
                    start = cs.get(m).map_or(text.len(), |x| x.0);
                }
            }
            _ => {}
        }
    }
    if let Some(s) = text.get(start..).map(str::trim).filter(|s| !s.is_empty()) {
        out.push(s);
    }
    out
}

/// The clauses of a sentence, split at `;` outside parentheses, as byte ranges.
pub fn clauses(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut depth = 0i32;
    for (i, c) in sentence.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            ';' if depth == 0 => {
                out.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push((start, sentence.len()));
    out
}

/// A ratio as plans print results: "76162/99483", "(1.197/1.240)".
#[derive(Debug, Clone, PartialEq)]
pub struct Ratio {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    pub num: f64,
    pub den: f64,
}

fn numberish(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

/// The ratios in `s`. Not ratios: dates ("19/12/2023", "tháng 12/2023", "ngày … 10/10"),
/// document numbers ("1004/KH-UBND"), "4G/5G", rates ("01 lần/2 năm").
pub fn ratios(s: &str) -> Vec<Ratio> {
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let ch = |k: usize| cs.get(k).map(|x| x.1);
    let at = |k: usize| cs.get(k).map_or(s.len(), |x| x.0);
    let mut out = Vec::new();
    for (k, &(_, c)) in cs.iter().enumerate() {
        if c != '/' {
            continue;
        }
        // The number before the slash.
        let mut e = k;
        while e > 0 && ch(e - 1) == Some(' ') {
            e -= 1;
        }
        let mut a = e;
        while a > 0 && ch(a - 1).is_some_and(numberish) {
            a -= 1;
        }
        while a < e && !ch(a).is_some_and(|c| c.is_ascii_digit()) {
            a += 1;
        }
        if a == e
            || (a > 0 && ch(a - 1).is_some_and(|p| p.is_alphanumeric() || matches!(p, '/' | '-')))
        {
            continue;
        }
        // The number after it.
        let mut b0 = k + 1;
        while ch(b0) == Some(' ') {
            b0 += 1;
        }
        let mut b = b0;
        while ch(b).is_some_and(numberish) {
            b += 1;
        }
        while b > b0 && !ch(b - 1).is_some_and(|c| c.is_ascii_digit()) {
            b -= 1;
        }
        if b == b0 || ch(b).is_some_and(|n| n.is_alphanumeric() || n == '/') {
            continue;
        }
        let (Some(num_s), Some(den_s)) = (s.get(at(a)..at(e)), s.get(at(b0)..at(b))) else {
            continue;
        };
        let (Some(num), Some(den)) = (parse_vi_number(num_s), parse_vi_number(den_s)) else {
            continue;
        };
        // "tháng 12/2023", "Quý IV/2024"-like month/year, and "ngày … 10/10" day/month.
        let before = lower_words(s.get(..at(a)).unwrap_or(""));
        let recent = |w: &str, n: usize| before.iter().rev().take(n).any(|x| x == w);
        if year_of(den_s).is_some() && (num <= 12.0 || recent("tháng", 2) || recent("quý", 2)) {
            continue;
        }
        if den <= 12.0 && num <= 31.0 && recent("ngày", 6) {
            continue;
        }
        if den > 0.0 {
            out.push(Ratio {
                start: at(a),
                end: at(b),
                num,
                den,
            });
        }
    }
    out
}

/// A printed percentage: "76,55%", "96,5 %".
#[derive(Debug, Clone, PartialEq)]
pub struct Percent {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Stated as a bound, not a figure: "trên 50%", "gần 100%".
    pub bound: bool,
}

/// Words before a percentage that make it a bound rather than a result figure.
const BOUND_WORDS: &[&str] = &["trên", "hơn", "gần", "khoảng", "dưới", "thiểu", "đa", "xấp"];

/// The percentages in `s`.
pub fn percents(s: &str) -> Vec<Percent> {
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let ch = |k: usize| cs.get(k).map(|x| x.1);
    let at = |k: usize| cs.get(k).map_or(s.len(), |x| x.0);
    let mut out = Vec::new();
    for (k, &(_, c)) in cs.iter().enumerate() {
        if c != '%' {
            continue;
        }
        let mut e = k;
        while e > 0 && ch(e - 1) == Some(' ') {
            e -= 1;
        }
        let mut a = e;
        while a > 0 && ch(a - 1).is_some_and(numberish) {
            a -= 1;
        }
        while a < e && !ch(a).is_some_and(|c| c.is_ascii_digit()) {
            a += 1;
        }
        if a == e || (a > 0 && ch(a - 1).is_some_and(|p| p.is_alphanumeric() || p == '±')) {
            continue;
        }
        let Some(value) = s.get(at(a)..at(e)).and_then(parse_vi_number) else {
            continue;
        };
        let before = lower_words(s.get(..at(a)).unwrap_or(""));
        let bound = before
            .last()
            .is_some_and(|w| BOUND_WORDS.contains(&w.as_str()));
        out.push(Percent {
            start: at(a),
            end: at(k + 1),
            value,
            bound,
        });
    }
    out
}

/// Why a clause reports a result rather than states a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// A ratio "76162/99483": plans print results as ratios, never targets.
    Ratio(String),
    /// Words that date a figure to now or before: "hiện nay", "đến nay", "hiện tại".
    Now(&'static str),
    /// A year before the plan's own ("năm 2023" in a 2024 plan).
    PastYear(i32),
    /// "đã", "hiện có", "đạt được": done, not to do. Counted outside target sections
    /// only: inside them it is a relative clause ("mà người dùng đã cung cấp").
    Done(&'static str),
    /// A table column of results: "Thực hiện 2023", "Kết quả năm 2023".
    Column(String),
}

impl std::fmt::Display for Marker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Marker::Ratio(r) => write!(f, "a ratio ({r})"),
            Marker::Now(w) | Marker::Done(w) => write!(f, "“{w}”"),
            Marker::PastYear(y) => write!(f, "a year before the plan's ({y})"),
            Marker::Column(c) => write!(f, "a column of results (“{c}”)"),
        }
    }
}

/// What marks `clause` as a result, if anything. `in_target_section` turns the weak
/// markers off; `plan_year` (the year the plan was issued for) enables the past-year one.
pub fn result_marker(
    clause: &str,
    in_target_section: bool,
    plan_year: Option<i32>,
) -> Option<Marker> {
    if let Some(r) = ratios(clause).first() {
        return Some(Marker::Ratio(
            clause.get(r.start..r.end).unwrap_or("").to_string(),
        ));
    }
    let w = lower_words(clause);
    let at = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
    for k in 0..w.len() {
        let pair = (at(k), at(k + 1));
        let now = match pair {
            ("đến", "nay") => Some("đến nay"),
            ("hiện", "nay") => Some("hiện nay"),
            ("hiện", "tại") => Some("hiện tại"),
            _ => None,
        };
        if let Some(n) = now {
            return Some(Marker::Now(n));
        }
        // "năm 2023", "tháng 12/2023" before the plan's year; "so với năm 2023" is a
        // baseline, not a result.
        if let (Some(py), "năm" | "tháng") = (plan_year, at(k)) {
            let y = if at(k) == "năm" {
                year_of(at(k + 1))
            } else {
                year_of(at(k + 2))
            };
            if let Some(y) = y.filter(|&y| y < py) {
                if !(k >= 1 && at(k - 1) == "với") {
                    return Some(Marker::PastYear(y));
                }
            }
        }
    }
    if !in_target_section {
        for k in 0..w.len() {
            let done = match (at(k), at(k + 1)) {
                ("đã", _) => Some("đã"),
                ("hiện", "có") => Some("hiện có"),
                ("đạt", "được") => Some("đạt được"),
                _ => None,
            };
            if let Some(d) = done {
                return Some(Marker::Done(d));
            }
        }
    }
    None
}

/// Lower case, letters, digits and `%` only, single spaces: the form texts are compared in.
pub fn normalize(s: &str) -> String {
    let mapped: String = s
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '%' {
                c
            } else {
                ' '
            }
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Longest common run of characters of the normalized texts, over the length of the
/// shorter one: 1 when one contains the other, 0 when either is empty.
pub fn overlap(a: &str, b: &str) -> f64 {
    const CAP: usize = 3000;
    let a: Vec<char> = normalize(a).chars().take(CAP).collect();
    let b: Vec<char> = normalize(b).chars().take(CAP).collect();
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let mut best = 0usize;
    for &ca in &a {
        for (j, &cb) in b.iter().enumerate() {
            let v = if ca == cb {
                prev.get(j).copied().unwrap_or(0) + 1
            } else {
                0
            };
            if let Some(c) = cur.get_mut(j + 1) {
                *c = v;
            }
            best = best.max(v);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best as f64 / shorter as f64
}

/// Shared words over the words of the shorter text, figures left out ("01tuần" is
/// "tuần").
pub fn word_overlap(a: &str, b: &str) -> f64 {
    let set = |s: &str| {
        let mut v: Vec<String> = normalize(s)
            .split(' ')
            .map(|w| {
                w.chars()
                    .filter(|c| !c.is_ascii_digit() && *c != '%')
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (a, b) = (set(a), set(b));
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    shared as f64 / shorter as f64
}

/// Vietnamese letters to ASCII, for ids: "Quảng Trị" → "quang-tri".
pub fn slug(s: &str) -> String {
    const FOLD: &[(&str, char)] = &[
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
    ];
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = FOLD
            .iter()
            .find(|(set, _)| set.contains(c))
            .map_or(c, |(_, base)| *base);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_before_capitals() {
        assert_eq!(
            sentences("100% bệnh viện kết nối. 100% bệnh viện thanh toán điện tử."),
            [
                "100% bệnh viện kết nối.",
                "100% bệnh viện thanh toán điện tử."
            ]
        );
        assert_eq!(
            sentences("Năm 2023 đạt 80%. Năm 2024 phấn đấu 90%"),
            ["Năm 2023 đạt 80%.", "Năm 2024 phấn đấu 90%"]
        );
        // Not ends: grouped numbers, versions, abbreviations, lower case, parentheses.
        assert_eq!(
            sentences("trên 3.000 lượt, phiên bản 1.0 tại TP. Tam Kỳ. xong (đạt 1. Tốt) hết"),
            ["trên 3.000 lượt, phiên bản 1.0 tại TP. Tam Kỳ. xong (đạt 1. Tốt) hết"]
        );
        assert_eq!(sentences(""), Vec::<&str>::new());
        assert_eq!(sentences(" . "), ["."]);
    }

    #[test]
    fn clauses_split_at_semicolons_outside_parentheses() {
        let s = "100% trường học; 100% bệnh viện (cấp 1, 2; cấp 3) kết nối";
        let c: Vec<&str> = clauses(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            c,
            [
                "100% trường học",
                " 100% bệnh viện (cấp 1, 2; cấp 3) kết nối"
            ]
        );
    }

    #[test]
    fn horizon_years() {
        assert_eq!(
            years("3.1. Mục tiêu cơ bản đến năm 2025").single,
            Some(2025)
        );
        assert_eq!(
            years("về chuyển đổi số tỉnh Quảng Nam đến năm 2025, định hướng đến năm 2030").single,
            Some(2025)
        );
        assert_eq!(years("Kế hoạch giai đoạn 2021-2025").single, Some(2025));
        assert_eq!(
            years("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023").single,
            Some(2023)
        );
        assert_eq!(years("năm 2024 và năm 2025").all, [2024, 2025]);
        assert_eq!(years("năm 2024 và năm 2025").single, None);
        assert_eq!(years("Quyết định 749/QĐ-TTg ngày 03/6/2020").single, None);
        assert_eq!(years("Nâng cao chỉ số DTI").single, None);
        assert_eq!(
            annual_year("KẾ HOẠCH Chuyển đổi số tỉnh Nghệ An năm 2024"),
            Some(2024)
        );
        assert_eq!(
            annual_year("về chuyển đổi số đến năm 2025, định hướng đến năm 2030"),
            None
        );
    }

    #[test]
    fn periods() {
        assert_eq!(period_in("Quý IV/2024"), Some(Period::Quarter(2024, 4)));
        assert_eq!(
            period_in("Tính đến tháng 12/2023, toàn tỉnh"),
            Some(Period::Month(2023, 12))
        );
        assert_eq!(period_in("năm 2023 đạt"), Some(Period::Year(2023)));
        assert_eq!(period_in("2024"), Some(Period::Year(2024)));
        assert_eq!(
            period_in("Từ ngày 01/11/2023 đến ngày 30/11/2023, Tổng đài"),
            Some(Period::Month(2023, 11))
        );
        assert_eq!(
            period_in("Tính đến ngày 30/11/2023, số lượt tải"),
            "2023-11-30".parse().ok()
        );
        assert_eq!(period_in("theo Thông tư ngày 12/8/2022"), None);
        assert_eq!(period_in("Hàng năm"), None);
        assert_eq!(period_in("Cả năm"), None);
    }

    #[test]
    fn ratios_are_results_dates_and_codes_are_not() {
        let r = ratios("Tỷ lệ hồ sơ trực tuyến năm 2023: 76162/99483, tỷ lệ 76,55%.");
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].num, r[0].den), (76162.0, 99483.0));
        let r = ratios("cấp thôn: 96,5 % (1.197/1.240);");
        assert_eq!((r[0].num, r[0].den), (1197.0, 1240.0));
        for not in [
            "ngày 19/12/2023",
            "Kế hoạch số 1004/KH-UBND",
            "số 1004 /KH-UBND",
            "Nghị quyết số 03-NQ/BCSD",
            "mạng 4G/5G",
            "01 lần/2 năm",
            "tháng 12/2023",
            "thuê bao/100 dân",
            "Thông tư số 12/2022/TT-BTTTT",
            "ngày chuyển đổi số quốc gia 10/10",
        ] {
            assert_eq!(ratios(not), vec![], "{not}");
        }
    }

    #[test]
    fn percentages_and_bounds() {
        let p = percents("cấp xã 100% (241/241), cấp thôn: 96,5 % và trên 50% doanh nghiệp");
        let got: Vec<(f64, bool)> = p.iter().map(|p| (p.value, p.bound)).collect();
        assert_eq!(got, [(100.0, false), (96.5, false), (50.0, true)]);
    }

    #[test]
    fn result_or_target() {
        let m = |s: &str, t: bool| result_marker(s, t, Some(2024)).map(|m| m.to_string());
        assert_eq!(
            m("Tỷ lệ DVCTT toàn trình: 1237/1289, tỷ lệ 95,9%", true).as_deref(),
            Some("a ratio (1237/1289)")
        );
        assert_eq!(
            m("Đến thời điểm hiện tại đã cấp 100%", true).as_deref(),
            Some("“hiện tại”")
        );
        assert_eq!(
            m("năm 2023 đạt 80%", true).as_deref(),
            Some("a year before the plan's (2023)")
        );
        assert_eq!(
            m("Tính đến tháng 12/2023, 76,8% thuê bao", false).as_deref(),
            Some("a year before the plan's (2023)")
        );
        assert_eq!(m("giảm 30% so với năm 2023", true), None);
        assert_eq!(m("đạt 90% vào năm 2025", true), None);
        // "đã" is a result only outside target sections.
        let s = "95% dịch vụ được điền sẵn dữ liệu mà người dùng đã cung cấp trước đó";
        assert_eq!(m(s, true), None);
        assert_eq!(m(s, false).as_deref(), Some("“đã”"));
        assert_eq!(
            m("Đã triển khai kết nối đến 100% các xã", false).as_deref(),
            Some("“đã”")
        );
        assert_eq!(m("đảm bảo tối thiểu 80% người dân", false), None);
        // Without the plan's year, years say nothing.
        assert_eq!(result_marker("năm 2023 đạt 80%", true, None), None);
    }

    #[test]
    fn text_overlap() {
        assert_eq!(
            overlap("100% cấp xã", "đảm bảo 100% cấp xã và 100% cấp thôn"),
            1.0
        );
        assert_eq!(overlap("", "x"), 0.0);
        assert!(
            overlap(
                "100% các trường học có ứng dụng công nghệ số",
                "100% các bệnh viện kết nối với tuyến trên"
            ) < 0.5
        );
        assert_eq!(normalize("  Tỷ lệ: 76,55%! "), "tỷ lệ 76 55%");
        assert!(
            word_overlap(
                "cập nhật thông tin trung bình 01 lần/tuần",
                "cập nhật thông tin theo tần suất trung bình 01 lần/01tuần"
            ) > 0.9
        );
    }

    #[test]
    fn tags_bullets_and_slugs() {
        assert_eq!(
            strip_tags("doanh nghiệp (<i>viễn thông</i>), <ul style=\"x\"> - a"),
            "doanh nghiệp (viễn thông), - a"
        );
        assert_eq!(strip_tags("a < b và c > d"), "a < b và c > d");
        assert_eq!(strip_bullets("- + Tỷ lệ"), "Tỷ lệ");
        assert_eq!(strip_bullets("-5%"), "-5%");
        assert_eq!(slug("Quảng Trị"), "quang-tri");
        assert_eq!(slug("Nghệ An 2024!"), "nghe-an-2024");
        assert!(is_upper_text("ĐÁNH GIÁ KẾT QUẢ NĂM 2023"));
        assert!(!is_upper_text("Đánh giá"));
        assert!(!is_upper_text("2023"));
    }
}
