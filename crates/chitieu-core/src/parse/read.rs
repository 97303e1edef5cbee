//! Reading targets out of the token stream.
//!
//! Every number is first asked whether it *can* be a target value at all (a year, a
//! date, an age, a document number, a section number, a "mức độ 4" label cannot); the
//! rest are read with the comparator words just before them, the unit just after them,
//! and the level and deadline of the clause they sit in.

use super::lex::{tokenize, Kind, Tok};
use super::{ParseError, ParsedTarget};
use crate::model::{Bound, Change, Level, Unit};
use crate::period::{Date, Period};

/// What a word just before a number says about it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Link {
    Cmp(Cmp),
    /// "đạt", "phấn đấu": marks a target, compares as "at least".
    Weak,
    Change(Change),
    /// "xuống", "còn" ("giảm xuống còn 5%"), "lên" ("tăng lên 90%"): the number is the
    /// level to reach, not the size of the change. `lower` for the downward ones.
    To {
        lower: bool,
    },
    Filler,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cmp {
    Gt,
    Gte,
    Lt,
    Lte,
    Approx,
    /// "từ X": at least X, or the start of a range "từ X đến Y".
    From,
}

use Cmp::*;

/// Words that may stand between a target's subject and its number, read backwards from
/// the number. The longest phrase wins, and the comparator nearest the number decides
/// ("tối thiểu trên 2%" is above 2).
const CHAIN: &[(&[&str], Link)] = &[
    (&["không", "vượt", "quá"], Link::Cmp(Lte)),
    (&["không", "quá"], Link::Cmp(Lte)),
    (&["tối", "đa"], Link::Cmp(Lte)),
    (&["không", "dưới"], Link::Cmp(Gte)),
    (&["không", "thấp", "hơn"], Link::Cmp(Gte)),
    (&["không", "ít", "hơn"], Link::Cmp(Gte)),
    (&["tối", "thiểu"], Link::Cmp(Gte)),
    (&["ít", "nhất"], Link::Cmp(Gte)),
    (&["trên", "dưới"], Link::Cmp(Approx)),
    (&["cao", "hơn"], Link::Cmp(Gt)),
    (&["lớn", "hơn"], Link::Cmp(Gt)),
    (&["nhiều", "hơn"], Link::Cmp(Gt)),
    (&["hơn"], Link::Cmp(Gt)),
    (&["trên"], Link::Cmp(Gt)),
    (&["vượt"], Link::Cmp(Gt)),
    (&["thấp", "hơn"], Link::Cmp(Lt)),
    (&["nhỏ", "hơn"], Link::Cmp(Lt)),
    (&["ít", "hơn"], Link::Cmp(Lt)),
    (&["dưới"], Link::Cmp(Lt)),
    (&["khoảng"], Link::Cmp(Approx)),
    (&["khoảng", "chừng"], Link::Cmp(Approx)),
    (&["xấp", "xỉ"], Link::Cmp(Approx)),
    (&["chừng"], Link::Cmp(Approx)),
    (&["từ"], Link::Cmp(From)),
    (&["đạt"], Link::Weak),
    (&["phấn", "đấu"], Link::Weak),
    // The source's typos for "phấn đấu".
    (&["phần", "đầu"], Link::Weak),
    (&["phân", "đầu"], Link::Weak),
    (&["tăng"], Link::Change(Change::Increase)),
    (&["tăng", "trưởng"], Link::Change(Change::Increase)),
    (&["giảm"], Link::Change(Change::Decrease)),
    (&["xuống"], Link::To { lower: true }),
    (&["còn"], Link::To { lower: true }),
    (&["lên"], Link::To { lower: false }),
    (&["đến"], Link::Filler),
    (&["tới"], Link::Filler),
    (&["là"], Link::Filler),
    (&["bằng"], Link::Filler),
    (&["mức"], Link::Filler),
    (&["ở"], Link::Filler),
    (&["chiếm"], Link::Filler),
    (&["thêm"], Link::Filler),
    (&["được"], Link::Filler),
    (&["có", "thể"], Link::Filler),
    (&["trung", "bình"], Link::Filler),
    (&["bình", "quân"], Link::Filler),
    (&["hàng", "năm"], Link::Filler),
    (&["hằng", "năm"], Link::Filler),
    (&["mỗi", "năm"], Link::Filler),
    (&["đảm", "bảo"], Link::Filler),
    (&["bảo", "đảm"], Link::Filler),
];

/// Words after which a number is a label, not a quantity: "mức độ 4", "cấp độ 3",
/// "phiên bản 1.0", "Đề án 06", "mô hình 4 lớp" (a model's name), "trừ 03 huyện" (an
/// exception, not a goal).
const LABELS: &[&[&str]] = &[
    &["mức", "độ"],
    &["cấp", "độ"],
    &["phiên", "bản"],
    &["lần", "thứ"],
    &["đề", "án"],
    &["phụ", "lục"],
    &["điều"],
    &["khoản"],
    &["chương"],
    &["nhóm"],
    &["mô", "hình"],
    &["mục"],
    &["trừ"],
    &["công", "nghiệp"],
    &["cmcn"],
    &["version"],
    &["tổng", "đài"],
];

/// The last word of document kinds that precede "số N" (Quyết định số, Kế hoạch số, …).
const DOC_TAIL: &[&str] = &[
    "định", "hoạch", "quyết", "văn", "tư", "thị", "trình", "lệnh", "bản", "báo",
];

/// A number followed by one of these is an age or a duration ("15 tuổi", "5 năm"), not
/// a target value; after a slash they make a rate instead ("lần/năm").
const TIME_AFTER: &[&str] = &[
    "tuổi", "năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây",
];

/// Words that cannot be the counted noun right after a number.
const STOP: &[&str] = &[
    "và", "hoặc", "hay", "đến", "tới", "trở", "là", "của", "cho", "trong", "với", "so", "đã",
    "được", "thì", "mà", "theo", "tại", "trên", "dưới", "từ", "khi", "nếu", "để", "này", "đó",
    "cũng", "vào", "sẽ", "đang", "lên", "xuống", "còn", "nhưng", "như", "bằng", "trước", "sau",
    "gồm", "tức",
];

const CURRENCY: &[&str] = &["đồng", "vnđ", "vnd", "đ"];

/// Words that introduce a deadline: "đến (hết) năm 2025", "trước ngày 15/12/2024".
const DEADLINE_VERBS: &[&str] = &["đến", "trước", "hết", "tới", "hạn"];

/// A target before its span, level and deadline are known.
struct Raw {
    /// Token index of the (first) number, and of the last one for ranges.
    first: usize,
    /// First token of the comparator words before the number.
    chain_start: usize,
    /// Last token of the value itself: the number, `%`, multiplier or currency.
    value_end: usize,
    /// Last token of the unit, including counted nouns and a rate's denominator.
    unit_end: usize,
    bound: Bound,
    change: Option<Change>,
    unit: Unit,
    /// Stated with a comparator ("tối thiểu", "đạt", …), not just a bare figure.
    stated: bool,
}

struct Ctx<'a> {
    toks: &'a [Tok],
    text: &'a str,
}

impl Ctx<'_> {
    fn get(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
    fn word(&self, i: usize) -> Option<&str> {
        self.get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    }
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }
    fn word_in(&self, i: usize, set: &[&str]) -> bool {
        self.word(i).is_some_and(|w| set.contains(&w))
    }
    fn is_sym(&self, i: usize, c: char) -> bool {
        self.get(i).is_some_and(|t| t.kind == Kind::Sym(c))
    }
    fn num(&self, i: usize) -> Option<f64> {
        match self.get(i)?.kind {
            Kind::Num(v) => Some(v),
            _ => None,
        }
    }
    fn raw(&self, i: usize) -> &str {
        self.get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }
    /// Whether the words of `phrase` end at token `end`.
    fn phrase_ends_at(&self, end: usize, phrase: &[&str]) -> bool {
        let Some(first) = (end + 1).checked_sub(phrase.len()) else {
            return false;
        };
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| self.is_word(first + k, w))
    }
    fn phrase_at(&self, start: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| self.is_word(start + k, w))
    }
    fn before(&self, i: usize, f: impl Fn(usize) -> bool) -> bool {
        i.checked_sub(1).is_some_and(f)
    }

    /// A bare four-digit year, 1900–2100, written without separators.
    fn year(&self, i: usize) -> Option<i32> {
        let t = self.get(i)?;
        match t.kind {
            Kind::Num(v) if !t.grouped && t.digits == 4 && (1900.0..=2100.0).contains(&v) => {
                Some(v as i32)
            }
            _ => None,
        }
    }

    /// An upper-case code after a document number: `KH-UBND`, `QĐ-TTg`, `NQ`.
    fn is_code_word(&self, i: usize) -> bool {
        let mut cs = self.raw(i).chars();
        self.word(i).is_some()
            && matches!((cs.next(), cs.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_uppercase())
    }

    /// "tỷ"/"triệu"/"nghìn" as multipliers ("tỷ lệ" and "tỷ trọng" are words of their own).
    fn multiplier(&self, i: usize) -> Option<f64> {
        match self.word(i)? {
            "tỷ" | "tỉ" if !self.word_in(i + 1, &["lệ", "trọng"]) => Some(1e9),
            "triệu" => Some(1e6),
            "nghìn" | "ngàn" => Some(1e3),
            _ => None,
        }
    }

    /// Whether the number at `i` is a label by the words before it ("mức độ 4", "Quyết
    /// định số 749"), or continues a list of labels ("cấp độ 1, 2").
    fn labels(&self) -> Vec<bool> {
        let mut label = vec![false; self.toks.len()];
        for i in 0..self.toks.len() {
            if self.num(i).is_none() {
                continue;
            }
            let by_words = self.before(i, |p| {
                LABELS.iter().any(|l| self.phrase_ends_at(p, l))
                    || (self.is_word(p, "số") && self.before(p, |q| self.word_in(q, DOC_TAIL)))
            });
            let listed =
                i >= 2 && self.is_sym(i - 1, ',') && label.get(i - 2).copied().unwrap_or(false);
            if let Some(l) = label.get_mut(i) {
                *l = by_words || listed;
            }
        }
        label
    }

    /// Whether the number at `i` can be a target value at all.
    fn can_be_value(&self, i: usize, label: &[bool]) -> bool {
        let Some(t) = self.get(i) else { return false };
        if !matches!(t.kind, Kind::Num(_)) || label.get(i).copied().unwrap_or(true) {
            return false;
        }
        let next_glued = self.get(i + 1).is_some_and(|n| !n.space_before);
        // A denominator ("/100 dân", "lần/2 năm") belongs to the unit.
        if self.before(i, |p| self.is_sym(p, '/'))
            // A date or a ratio: 19/12/2023, 1237/1289.
            || (self.is_sym(i + 1, '/') && self.num(i + 2).is_some())
            // A document number: 1004/KH-UBND, 03-NQ/BCSD.
            || ((self.is_sym(i + 1, '/') || self.is_sym(i + 1, '-')) && self.is_code_word(i + 2))
            // A section number "1." or "2)" at the start of a line, an enumerator "(1)".
            || (t.line_start && next_glued && (self.is_sym(i + 1, '.') || self.is_sym(i + 1, ')')))
            || (self.before(i, |p| self.is_sym(p, '(')) && self.is_sym(i + 1, ')'))
            // The number column of a table.
            || self.get(i + 1).is_some_and(|n| n.tab_before)
            // An age or a duration.
            || self.word_in(i + 1, TIME_AFTER)
        {
            return false;
        }
        if self.year(i).is_some() {
            // "trên 2000 doanh nghiệp" is a count; "năm 2025", "2021-2025" are years.
            let compared = self.before(i, |p| {
                self.word_in(
                    p,
                    &[
                        "trên", "hơn", "thiểu", "nhất", "đạt", "khoảng", "dưới", "đa", "quá",
                    ],
                )
            });
            let counted = self.word(i + 1).is_some_and(|w| !STOP.contains(&w));
            return self.is_sym(i + 1, '%') || (compared && counted);
        }
        true
    }

    /// The comparator words before the number at `i`.
    fn chain(&self, i: usize) -> Chain {
        let mut ch = Chain {
            start: i,
            cmp: None,
            weak: false,
            change: None,
            to: None,
        };
        while let Some(end) = ch.start.checked_sub(1) {
            let best = CHAIN
                .iter()
                .filter(|(p, _)| self.phrase_ends_at(end, p))
                .max_by_key(|(p, _)| p.len());
            let Some((phrase, link)) = best else { break };
            ch.start = ch.start.saturating_sub(phrase.len());
            match *link {
                Link::Cmp(c) => {
                    ch.cmp.get_or_insert(c);
                }
                Link::Weak => ch.weak = true,
                Link::Change(c) => {
                    if ch.to.is_none() && ch.change.is_none() {
                        ch.change = Some(c);
                    }
                }
                Link::To { lower } => {
                    ch.to.get_or_insert(lower);
                }
                Link::Filler => {}
            }
        }
        ch
    }

    /// The unit after the number at `i`.
    fn unit(&self, i: usize) -> UnitRead {
        let mut r = UnitRead {
            unit: None,
            mult: 1.0,
            value_end: i,
            unit_end: i,
        };
        let mut j = i + 1;
        if self.is_sym(j, '%') || self.phrase_at(j, &["phần", "trăm"]) {
            let end = if self.is_sym(j, '%') { j } else { j + 1 };
            r.unit = Some(Unit::Percent);
            r.value_end = end;
            r.unit_end = end;
            return r;
        }
        if let Some(m) = self.multiplier(j) {
            r.mult = m;
            r.value_end = j;
            r.unit_end = j;
            j += 1;
        }
        if self.word_in(j, CURRENCY) {
            r.unit = Some(Unit::Vnd);
            r.value_end = j;
            r.unit_end = j;
            return r;
        }
        if let Some(w) = self.word(j) {
            let speed = match w {
                "mb" | "gb" | "kb" if self.is_sym(j + 1, '/') && self.is_word(j + 2, "s") => {
                    Some((w, j + 2))
                }
                "mbps" | "gbps" | "kbps" => Some((w, j)),
                _ => None,
            };
            if let Some((w, end)) = speed {
                let prefix = w.get(..1).unwrap_or("m").to_uppercase();
                r.unit = Some(Unit::Other(format!("{prefix}b/s")));
                r.value_end = end;
                r.unit_end = end;
                return r;
            }
        }
        // Counted nouns, possibly per something: "20 tin, bài/năm", "01 xã/01 huyện".
        let mut nouns: Vec<usize> = Vec::new();
        let mut k = j;
        while nouns.len() < 7 {
            match self.word(k) {
                Some(w) if is_noun(w, nouns.is_empty()) => {
                    nouns.push(k);
                    k += 1;
                    if nouns.len() == 1
                        && w == "tin"
                        && self.is_sym(k, ',')
                        && self.is_word(k + 1, "bài")
                    {
                        nouns.push(k + 1);
                        k += 2;
                    }
                }
                _ => break,
            }
        }
        let Some(&last) = nouns.last() else {
            return r;
        };
        if self.is_sym(k, '/') {
            if let Some((unit, end)) = self.denominator(k, &nouns) {
                r.unit = Some(unit);
                r.unit_end = end;
                return r;
            }
        }
        r.unit = Some(self.per_each(i).unwrap_or(Unit::Count));
        r.unit_end = last;
        r
    }

    /// A rate's denominator after the slash at `slash`.
    fn denominator(&self, slash: usize, nouns: &[usize]) -> Option<(Unit, usize)> {
        let mut k = slash + 1;
        let n = self.num(k);
        if n.is_some() {
            k += 1;
        }
        let w = self.word(k)?;
        let times = n.filter(|v| *v != 1.0).map(plain);
        let per = |one: &str, many: &str| match &times {
            None => format!("per_{one}"),
            Some(t) => format!("per_{t}_{many}"),
        };
        let posts = nouns
            .iter()
            .all(|&i| self.word_in(i, &["tin", "bài", "viết"]));
        let unit = match w {
            "năm" if posts && times.is_none() => "posts_per_year".to_string(),
            "năm" => per("year", "years"),
            "tháng" => per("month", "months"),
            "quý" => per("quarter", "quarters"),
            "tuần" => per("week", "weeks"),
            "ngày" => per("day", "days"),
            "huyện" => "per_district".to_string(),
            "xã" => "per_commune".to_string(),
            "tỉnh" => "per_province".to_string(),
            "hộ" => "per_household".to_string(),
            "dân" | "người" => per("person", "people"),
            _ => return None,
        };
        Some((Unit::Other(unit), k))
    }

    /// "mỗi năm 4 số", "mỗi đơn vị cấp huyện 01 xã": a count per year, per district.
    fn per_each(&self, i: usize) -> Option<Unit> {
        let from = i.saturating_sub(6);
        let each = (from..i).rev().find(|&k| self.is_word(k, "mỗi"))?;
        if (each..i).any(|k| self.num(k).is_some() || self.is_sym(k, ';')) {
            return None;
        }
        let unit = (each + 1..i).find_map(|k| match self.word(k)? {
            "năm" => Some("per_year"),
            "tháng" => Some("per_month"),
            "quý" => Some("per_quarter"),
            "tuần" => Some("per_week"),
            "huyện" => Some("per_district"),
            "xã" => Some("per_commune"),
            "tỉnh" => Some("per_province"),
            _ => None,
        })?;
        Some(Unit::Other(unit.to_string()))
    }

    /// A range's second number after the first at `i` ("15-20%", "08 - 10%", "15% đến
    /// 20%", "từ 01 đến 02"): its index, and whether the first carried `%` or a multiplier.
    fn range_end(&self, i: usize, ok: &[bool]) -> Option<(usize, bool, Option<f64>)> {
        let mut j = i + 1;
        let mut pct = false;
        let mut mult = None;
        if self.is_sym(j, '%') {
            pct = true;
            j += 1;
        } else if let Some(m) = self.multiplier(j) {
            mult = Some(m);
            j += 1;
        }
        let joined = ['-', '–', '—', '~'].iter().any(|&c| self.is_sym(j, c))
            || self.word_in(j, &["đến", "tới"]);
        (joined && ok.get(j + 1).copied().unwrap_or(false)).then_some((j + 1, pct, mult))
    }

    /// The level named by "cấp/tuyến tỉnh|huyện|xã|thôn" in tokens `a..=b`, with lists
    /// ("cấp tỉnh, huyện"). One distinct level gives it; several, or a village level
    /// (thôn, bản), give none. `None` when no level is named at all.
    fn level_in(&self, a: usize, b: usize) -> Option<Option<Level>> {
        let mut found: Vec<Option<Level>> = Vec::new();
        let mut k = a;
        while k < b {
            if self.word_in(k, &["cấp", "tuyến"]) {
                let mut m = k + 1;
                while m <= b {
                    let Some(l) = self.level_word(m) else { break };
                    if !found.contains(&l) {
                        found.push(l);
                    }
                    let more = (self.is_sym(m + 1, ',') || self.word_in(m + 1, &["và", "hoặc"]))
                        && m + 2 <= b
                        && self.level_word(m + 2).is_some();
                    m += 2;
                    if !more {
                        break;
                    }
                }
            }
            k += 1;
        }
        match found.as_slice() {
            [] => None,
            [one] => Some(*one),
            _ => Some(None),
        }
    }

    fn level_word(&self, i: usize) -> Option<Option<Level>> {
        match self.word(i)? {
            "tỉnh" => Some(Some(Level::Province)),
            "huyện" => Some(Some(Level::District)),
            "xã" | "phường" => Some(Some(Level::Commune)),
            "thôn" | "bản" | "ấp" => Some(None),
            _ => None,
        }
    }

    /// Deadline mentions: (token index of the year, period).
    fn deadlines(&self) -> Vec<(usize, Period)> {
        let mut out = Vec::new();
        for i in 0..self.toks.len() {
            let Some(y) = self.year(i) else { continue };
            let at = |back: usize| i.checked_sub(back);
            let w = |back: usize| at(back).and_then(|k| self.word(k));
            let n = |back: usize| at(back).and_then(|k| self.num(k));
            let slash = |back: usize| at(back).is_some_and(|k| self.is_sym(k, '/'));
            let verb = |back: usize| w(back).is_some_and(|v| DEADLINE_VERBS.contains(&v));
            let quarter = |back: usize| match w(back) {
                Some("i") => Some(1),
                Some("ii") => Some(2),
                Some("iii") => Some(3),
                Some("iv") => Some(4),
                _ => n(back)
                    .filter(|q| (1.0..=4.0).contains(q) && q.fract() == 0.0)
                    .map(|q| q as u8),
            };
            let p =
                if (slash(1) || w(1) == Some("năm")) && w(3) == Some("quý") && quarter(2).is_some()
                {
                    quarter(2).map(|q| Period::Quarter(y, q))
                } else if slash(1) && slash(3) && (verb(5) || (w(5) == Some("ngày") && verb(6))) {
                    match (n(4), n(2)) {
                        (Some(d), Some(m)) => Date::new(y, small(m), small(d)).map(Period::Day),
                        _ => None,
                    }
                } else if slash(1) && w(3) == Some("tháng") && verb(4) {
                    n(2).map(small)
                        .filter(|m| (1..=12).contains(m))
                        .map(|m| Period::Month(y, m))
                } else if w(1) == Some("năm") || verb(1) {
                    Some(Period::Year(y))
                } else {
                    None
                };
            if let Some(p) = p {
                out.push((i, p));
            }
        }
        out
    }
}

struct Chain {
    start: usize,
    cmp: Option<Cmp>,
    weak: bool,
    change: Option<Change>,
    /// `Some(lower)` when "xuống/còn/lên" stands between a change word and the number.
    to: Option<bool>,
}

struct UnitRead {
    unit: Option<Unit>,
    mult: f64,
    value_end: usize,
    unit_end: usize,
}

/// Whether `w` can be (part of) the noun counted by a number: not a function word, and
/// for the first word not a time word (those make an age or a duration).
fn is_noun(w: &str, first: bool) -> bool {
    !(STOP.contains(&w) || (first && TIME_AFTER.contains(&w)))
}

/// A whole number for unit names ("per_2_years"), else the number as Rust prints it.
fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A day or month number as `u8` (0 when out of range, which `Date::new` rejects).
fn small(v: f64) -> u8 {
    if v.fract() == 0.0 && (0.0..=255.0).contains(&v) {
        v as u8
    } else {
        0
    }
}

/// Whether token `i` separates clauses: `;`, `:`, a sentence-ending `.`/`!`/`?`.
fn is_separator(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    match t.kind {
        Kind::Sym(';' | ':' | '!' | '?') => true,
        Kind::Sym('.') => toks.get(i + 1).is_none_or(|n| n.space_before),
        _ => false,
    }
}

/// Whether a new clause starts at token `i` without a separator: a new table cell, a
/// bullet or a section number at the start of a line.
fn starts_clause(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let glued_mark = toks
        .get(i + 1)
        .is_some_and(|n| !n.space_before && matches!(n.kind, Kind::Sym('.' | ')')));
    t.tab_before
        || (t.line_start && (matches!(t.kind, Kind::Sym('-' | '+' | '•' | '–')) || glued_mark))
}

pub(super) fn read(text: &str) -> Result<Vec<ParsedTarget>, ParseError> {
    let toks = tokenize(text);
    let cx = Ctx { toks: &toks, text };
    let n = toks.len();
    let label = cx.labels();
    let ok: Vec<bool> = (0..n).map(|i| cx.can_be_value(i, &label)).collect();

    // Read each candidate number with its comparator and unit.
    let mut raws: Vec<Raw> = Vec::new();
    let mut i = 0;
    while i < n {
        if !ok.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let Some(v) = cx.num(i) else {
            i += 1;
            continue;
        };
        let ch = cx.chain(i);
        let range = cx.range_end(i, &ok);
        let last = range.map_or(i, |r| r.0);
        let u = cx.unit(last);
        let after = u.unit_end + 1;
        let at_least = cx.phrase_at(after, &["trở", "lên"]);
        let at_most = cx.phrase_at(after, &["trở", "xuống"]);
        let bound = if let Some((second, _, mult1)) = range {
            let max = cx.num(second).unwrap_or(v) * u.mult;
            let min = v * mult1.unwrap_or(u.mult);
            if min > max {
                return Err(ParseError::ReversedRange {
                    min,
                    max,
                    offset: toks.get(i).map_or(0, |t| t.start),
                });
            }
            Bound::Range { min, max }
        } else {
            let v = v * u.mult;
            match (ch.cmp, at_least, at_most) {
                (Some(Gt), ..) => Bound::Gt(v),
                (Some(Lt), ..) => Bound::Lt(v),
                (_, true, _) => Bound::Gte(v),
                (_, _, true) => Bound::Lte(v),
                (Some(Lte), ..) => Bound::Lte(v),
                (Some(Approx), ..) => Bound::Approx {
                    value: v,
                    tolerance: cx.tolerance(u.value_end, v),
                },
                (Some(Gte | From), ..) => Bound::Gte(v),
                (None, ..) if ch.to == Some(true) => Bound::Lte(v),
                (None, ..) => Bound::Gte(v),
            }
        };
        let pct_first = range.is_some_and(|r| r.1);
        let stated =
            range.is_some() || ch.cmp.is_some() || at_least || at_most || ch.to == Some(true);
        let unit = match u.unit {
            Some(unit) => Some(unit),
            None if pct_first => Some(Unit::Percent),
            None if stated => Some(Unit::Count),
            None => None,
        };
        if let Some(unit) = unit {
            raws.push(Raw {
                first: i,
                chain_start: ch.start,
                value_end: u.value_end,
                unit_end: if at_least || at_most {
                    after + 1
                } else {
                    u.unit_end
                },
                bound,
                change: ch.change,
                unit,
                stated: stated || ch.weak,
            });
        }
        i = last + 1;
    }

    // A parenthetical's bare figures are scope ("(18 huyện/thành/thị, trừ 03 huyện…)");
    // it holds targets only when it states one ("(Tối thiểu 1 lần/2 năm …)").
    let group = paren_groups(&cx);
    let group_of = |i: usize| group.get(i).copied().flatten();
    let stating: Vec<usize> = raws
        .iter()
        .filter(|r| r.stated)
        .filter_map(|r| group_of(r.first))
        .collect();
    raws.retain(|r| group_of(r.first).is_none_or(|g| stating.contains(&g)));
    if raws.is_empty() {
        return Err(ParseError::NoTarget {
            text: snippet(text),
        });
    }

    // Clauses, for spans and levels. A separator inside parentheses splits only the
    // parenthetical: the clause around it goes on after the ')'.
    let mut clause = vec![0usize; n];
    let mut depth = vec![0usize; n];
    let (mut id, mut next_id) = (0usize, 1usize);
    let mut outer: Vec<usize> = Vec::new();
    for k in 0..n {
        if k > 0 && starts_clause(&toks, k) && outer.is_empty() {
            id = next_id;
            next_id += 1;
        }
        if let (Some(c), Some(d)) = (clause.get_mut(k), depth.get_mut(k)) {
            *c = id;
            *d = outer.len();
        }
        if cx.is_sym(k, '(') {
            outer.push(id);
        } else if cx.is_sym(k, ')') {
            if let Some(o) = outer.pop() {
                id = o;
            }
        } else if is_separator(&toks, k) {
            id = next_id;
            next_id += 1;
        }
    }
    let clause_of = |k: usize| clause.get(k).copied().unwrap_or(usize::MAX);
    let depth_of = |k: usize| depth.get(k).copied().unwrap_or(0);
    // Whether token `x` belongs with a target at `first` in clause `c`: same clause, or
    // inside a parenthetical nested deeper than the target.
    let with = |x: usize, c: usize, first: usize| {
        (clause_of(x) == c && !is_separator(&toks, x)) || depth_of(x) > depth_of(first)
    };

    // Span starts: the clause start for the first target of a clause, else after the
    // last comma or "và" since the previous target, else the comparator words.
    let mut starts = Vec::with_capacity(raws.len());
    for (k, r) in raws.iter().enumerate() {
        let c = clause_of(r.first);
        let prev = k
            .checked_sub(1)
            .and_then(|p| raws.get(p))
            .filter(|p| clause_of(p.first) == c);
        let start = match prev {
            None => {
                let mut s = (0..r.first)
                    .rev()
                    .take_while(|&x| with(x, c, r.first))
                    .last()
                    .unwrap_or(r.first);
                while s < r.chain_start
                    && matches!(
                        toks.get(s).map(|t| t.kind),
                        Some(Kind::Sym('-' | '+' | '•' | '–' | ',' | '.' | ')'))
                    )
                {
                    s += 1;
                }
                s
            }
            Some(p) => (p.unit_end.max(p.value_end) + 1..r.chain_start)
                .rev()
                .find(|&x| cx.is_sym(x, ',') || cx.word_in(x, &["và", "hoặc"]))
                .map_or(r.chain_start, |x| x + 1),
        };
        starts.push(start.min(r.chain_start));
    }

    let deadlines = cx.deadlines();
    let trailing = match (deadlines.first(), raws.first()) {
        (Some(d), Some(r)) => d.0 > r.first,
        _ => false,
    };

    let mut out = Vec::with_capacity(raws.len());
    for (k, r) in raws.iter().enumerate() {
        let c = clause_of(r.first);
        let start = starts.get(k).copied().unwrap_or(r.chain_start);
        let next_start = raws
            .get(k + 1)
            .filter(|q| clause_of(q.first) == c)
            .and_then(|_| starts.get(k + 1).copied());
        let mut end = match next_start {
            Some(s) => s.saturating_sub(1),
            None => (r.first..n)
                .take_while(|&x| with(x, c, r.first))
                .last()
                .unwrap_or(r.first),
        };
        let mut start = start;
        trim(&cx, &mut start, &mut end, r.unit_end.max(r.value_end));

        let level = cx
            .level_in(r.value_end + 1, end)
            .or_else(|| cx.level_in(start, r.chain_start))
            .flatten();
        // A deadline in the target's own words wins; else, across the text, the one
        // before it when deadlines lead their targets, the one after when they trail.
        let own = deadlines
            .iter()
            .filter(|d| (start..=end).contains(&d.0))
            .min_by_key(|d| d.0.abs_diff(r.first));
        let deadline = own
            .or_else(|| {
                if trailing {
                    deadlines
                        .iter()
                        .find(|d| d.0 > r.first)
                        .or_else(|| deadlines.iter().rev().find(|d| d.0 < r.first))
                } else {
                    deadlines
                        .iter()
                        .rev()
                        .find(|d| d.0 < r.first)
                        .or_else(|| deadlines.first())
                }
            })
            .map(|d| d.1);

        let (a, b) = (
            toks.get(start).map_or(0, |t| t.start),
            toks.get(end).map_or(text.len(), |t| t.end),
        );
        out.push(ParsedTarget {
            bound: r.bound,
            change: r.change,
            unit: r.unit.clone(),
            level,
            deadline,
            text: text.get(a..b).unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

impl Ctx<'_> {
    /// "khoảng 10% (±1%)": the spread relative to the value (0.1).
    fn tolerance(&self, value_end: usize, v: f64) -> Option<f64> {
        let mut k = value_end + 1;
        if self.is_sym(k, '(') {
            k += 1;
        }
        if !self.is_sym(k, '±') || v == 0.0 {
            return None;
        }
        self.num(k + 1).map(|d| (d / v).abs())
    }
}

/// For each token, the index of the innermost open parenthesis around it.
fn paren_groups(cx: &Ctx<'_>) -> Vec<Option<usize>> {
    let mut stack: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(cx.toks.len());
    for i in 0..cx.toks.len() {
        if cx.is_sym(i, ')') {
            stack.pop();
        }
        out.push(stack.last().copied());
        if cx.is_sym(i, '(') {
            stack.push(i);
        }
    }
    out
}

/// Trims a span's loose ends: trailing commas, dashes and "và", and parentheses that
/// open or close outside it. Never cuts into the value itself (`keep`).
fn trim(cx: &Ctx<'_>, start: &mut usize, end: &mut usize, keep: usize) {
    loop {
        let (opens, closes) = (*start..=*end).fold((0i32, 0i32), |(o, c), x| {
            (
                o + i32::from(cx.is_sym(x, '(')),
                c + i32::from(cx.is_sym(x, ')')),
            )
        });
        let loose_end = [',', '-', '–', '—', ':', ';']
            .iter()
            .any(|&c| cx.is_sym(*end, c))
            || cx.word_in(*end, &["và", "hoặc"])
            || (cx.is_sym(*end, ')') && closes > opens);
        if *end > keep && loose_end {
            *end -= 1;
        } else if *start < *end && cx.is_sym(*start, '(') && opens > closes {
            *start += 1;
        } else {
            break;
        }
    }
}

/// The start of `text` for error messages, cut on a character boundary.
fn snippet(text: &str) -> String {
    const MAX: usize = 80;
    let t = text.trim();
    match t.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", t.get(..cut).unwrap_or(t)),
        None => t.to_string(),
    }
}
