//! The message catalogue: every string a widget shows, in Vietnamese and English.
//!
//! Keeping all words in one place per language means a translation can be checked by
//! reading one table, and no widget can show a half-translated sentence.

use chitieu_core::model::Bound;
use chitieu_core::number::{format_number, format_value};
use chitieu_core::score::Status;
use chitieu_core::{Lang, Period, Target, Unit};

/// A fixed message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Target,
    Actual,
    Deadline,
    Period,
    Status,
    ExpectedNow,
    Source,
    Loading,
    NoData,
    Indicator,
    Stale,
    Level,
    Value,
    Scale,
    // scorecard
    OverallScore,
    PillarScores,
    StatusCounts,
    Pillar,
    Score,
    WithData,
    Points,
    DataAsOf,
    NoPillar,
    NoMatch,
    WholePlan,
    NotScored,
    OverallWithheld,
    PillarWithheld,
    BasedOn,
    // trend
    AsOfRule,
    PathToTarget,
    AfterAsOf,
    AfterAsOfKey,
    Latest,
    NumDen,
    Reported,
    Note,
    Baseline,
    Legend,
    // bullet
    Attainment,
    BandsNote,
    // table (also uses Pillar, NoPillar and NoMatch above)
    All,
    Search,
    Filters,
    DownloadCsv,
    ClearFilters,
    OldData,
    LatestResult,
    IndicatorId,
    NoIndicators,
    Pagination,
    FirstPage,
    PreviousPage,
    NextPage,
    LastPage,
    Continued,
}

pub fn msg(lang: Lang, m: Msg) -> &'static str {
    use Msg::*;
    match (lang, m) {
        (Lang::Vi, Target) => "Mục tiêu",
        (Lang::En, Target) => "Target",
        (Lang::Vi, Actual) => "Thực hiện",
        (Lang::En, Actual) => "Actual",
        (Lang::Vi, Deadline) => "Thời hạn",
        (Lang::En, Deadline) => "Deadline",
        (Lang::Vi, Period) => "Kỳ số liệu",
        (Lang::En, Period) => "Period",
        (Lang::Vi, Status) => "Tình trạng",
        (Lang::En, Status) => "Status",
        (Lang::Vi, ExpectedNow) => "Cần đạt đến nay",
        (Lang::En, ExpectedNow) => "Expected by now",
        (Lang::Vi, Source) => "Nguồn",
        (Lang::En, Source) => "Source",
        (Lang::Vi, Loading) => "Đang tải dữ liệu…",
        (Lang::En, Loading) => "Loading data…",
        (Lang::Vi, NoData) => "Chưa có số liệu",
        (Lang::En, NoData) => "No data yet",
        (Lang::Vi, Indicator) => "Chỉ tiêu",
        (Lang::En, Indicator) => "Indicator",
        (Lang::Vi, Stale) => "Số liệu cũ, kỳ gần nhất:",
        (Lang::En, Stale) => "Old data, latest period:",
        (Lang::Vi, Level) => "Cấp",
        (Lang::En, Level) => "Level",
        (Lang::Vi, Value) => "Giá trị",
        (Lang::En, Value) => "Value",
        (Lang::Vi, Scale) => "Thang đo",
        (Lang::En, Scale) => "Scale",
        // scorecard
        (Lang::Vi, OverallScore) => "Mức đạt chung",
        (Lang::En, OverallScore) => "Overall score",
        (Lang::Vi, PillarScores) => "Mức đạt theo trụ cột",
        (Lang::En, PillarScores) => "Score by pillar",
        (Lang::Vi, StatusCounts) => "Số chỉ tiêu theo tình trạng",
        (Lang::En, StatusCounts) => "Indicators by status",
        (Lang::Vi, Pillar) => "Trụ cột",
        (Lang::En, Pillar) => "Pillar",
        (Lang::Vi, Score) => "Mức đạt",
        (Lang::En, Score) => "Score",
        (Lang::Vi, WithData) => "Có số liệu",
        (Lang::En, WithData) => "With data",
        (Lang::Vi, Points) => "Điểm",
        (Lang::En, Points) => "Points",
        (Lang::Vi, DataAsOf) => "Số liệu đến",
        (Lang::En, DataAsOf) => "Data as of",
        (Lang::Vi, NoPillar) => "Chưa xếp trụ cột",
        (Lang::En, NoPillar) => "No pillar",
        (Lang::Vi, NotScored) => "Chưa chấm được: chưa có mục tiêu cho số liệu",
        (Lang::En, NotScored) => "Not scored: no target for the data",
        (Lang::Vi, NoMatch) => "Không có chỉ tiêu nào phù hợp với bộ lọc",
        (Lang::En, NoMatch) => "No indicator matches the filters",
        (Lang::Vi, WholePlan) => "Cả kế hoạch",
        (Lang::En, WholePlan) => "Whole plan",
        (Lang::Vi, OverallWithheld) => "Chưa đủ số liệu để tính điểm chung",
        (Lang::En, OverallWithheld) => "Not enough data for an overall score",
        (Lang::Vi, PillarWithheld) => "Chưa đủ số liệu để tính điểm",
        (Lang::En, PillarWithheld) => "Not enough data for a score",
        (Lang::Vi, BasedOn) => "Tính trên",
        (Lang::En, BasedOn) => "Based on",
        // trend
        (Lang::Vi, AsOfRule) => "mốc đánh giá",
        (Lang::En, AsOfRule) => "as of",
        (Lang::Vi, PathToTarget) => "Lộ trình đến mục tiêu",
        (Lang::En, PathToTarget) => "Path to the target",
        (Lang::Vi, AfterAsOf) => "sau ngày chốt số liệu, chưa tính",
        (Lang::En, AfterAsOf) => "after the as-of date, not scored",
        (Lang::Vi, AfterAsOfKey) => "Sau ngày chốt số liệu, chưa tính",
        (Lang::En, AfterAsOfKey) => "After the as-of date, not scored",
        (Lang::Vi, Latest) => "Mới nhất",
        (Lang::En, Latest) => "Latest",
        (Lang::Vi, NumDen) => "Tử số/mẫu số",
        (Lang::En, NumDen) => "Numerator/denominator",
        (Lang::Vi, Reported) => "Số đã công bố",
        (Lang::En, Reported) => "Published figure",
        (Lang::Vi, Note) => "Ghi chú",
        (Lang::En, Note) => "Note",
        (Lang::Vi, Baseline) => "Giá trị gốc",
        (Lang::En, Baseline) => "Baseline",
        (Lang::Vi, Legend) => "Chú giải",
        (Lang::En, Legend) => "Legend",
        // bullet
        (Lang::Vi, Attainment) => "Mức đạt",
        (Lang::En, Attainment) => "Attainment",
        (Lang::Vi, BandsNote) => "Nền xám: dưới 60%, 60–90% và 90–100% mục tiêu",
        (Lang::En, BandsNote) => "Grey bands: below 60%, 60–90% and 90–100% of the target",
        // table
        (Lang::Vi, All) => "Tất cả",
        (Lang::En, All) => "All",
        (Lang::Vi, Search) => "Tìm chỉ tiêu",
        (Lang::En, Search) => "Find an indicator",
        (Lang::Vi, Filters) => "Lọc chỉ tiêu",
        (Lang::En, Filters) => "Filter indicators",
        (Lang::Vi, DownloadCsv) => "Tải về CSV",
        (Lang::En, DownloadCsv) => "Download CSV",
        (Lang::Vi, ClearFilters) => "Bỏ lọc",
        (Lang::En, ClearFilters) => "Clear filters",
        (Lang::Vi, OldData) => "Số liệu cũ",
        (Lang::En, OldData) => "Old data",
        (Lang::Vi, LatestResult) => "Kết quả mới nhất",
        (Lang::En, LatestResult) => "Latest result",
        (Lang::Vi, IndicatorId) => "Mã chỉ tiêu",
        (Lang::En, IndicatorId) => "Indicator id",
        (Lang::Vi, NoIndicators) => "Dữ liệu chưa có chỉ tiêu nào.",
        (Lang::En, NoIndicators) => "The data has no indicators yet.",
        (Lang::Vi, Pagination) => "Phân trang",
        (Lang::En, Pagination) => "Pages",
        (Lang::Vi, FirstPage) => "Trang đầu",
        (Lang::En, FirstPage) => "First page",
        (Lang::Vi, PreviousPage) => "Trang trước",
        (Lang::En, PreviousPage) => "Previous page",
        (Lang::Vi, NextPage) => "Trang sau",
        (Lang::En, NextPage) => "Next page",
        (Lang::Vi, LastPage) => "Trang cuối",
        (Lang::En, LastPage) => "Last page",
        (Lang::Vi, Continued) => "tiếp theo",
        (Lang::En, Continued) => "continued",
    }
}

/// Lower case for the letters Vietnamese text is written in: ASCII, Latin-1, Latin
/// Extended-A (but `İ`), `Ơ`, `Ư` and Latin Extended Additional (`Ấ`, `Ỷ`, …), as
/// `char::to_lowercase` has them. Other letters stay as they are: Unicode's case tables
/// would cost the wasm about 20 KB.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let even = u % 2 == 0;
    let lower = match u {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => u + 0x20,
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 if even => u + 1,
        0x139..=0x148 | 0x179..=0x17e if !even => u + 1,
        0x178 => 0xff,
        0x1a0 | 0x1af => u + 1,
        0x1e00..=0x1e95 | 0x1ea0..=0x1eff if even => u + 1,
        0x1e9e => 0xdf,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// [`lower_char`] over a string: for the catalogue's own words and what readers type.
pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// The status in words: colour is never the only carrier of status.
pub fn status_label(lang: Lang, s: Status) -> &'static str {
    use Status::*;
    match (lang, s) {
        (Lang::Vi, Achieved) => "Đã đạt",
        (Lang::En, Achieved) => "Achieved",
        (Lang::Vi, OnTrack) => "Đúng tiến độ",
        (Lang::En, OnTrack) => "On track",
        (Lang::Vi, NeedsAcceleration) => "Cần tăng tốc",
        (Lang::En, NeedsAcceleration) => "Needs acceleration",
        (Lang::Vi, Limited) => "Tiến triển chậm",
        (Lang::En, Limited) => "Limited progress",
        (Lang::Vi, Regressing) => "Đi lùi",
        (Lang::En, Regressing) => "Regressing",
        (Lang::Vi, InsufficientData) => "Chưa đủ dữ liệu đánh giá",
        (Lang::En, InsufficientData) => "Insufficient data",
        (Lang::Vi, Missed) => "Không đạt",
        (Lang::En, Missed) => "Missed",
        (Lang::Vi, NoData) => "Chưa có số liệu",
        (Lang::En, NoData) => "No data",
    }
}

/// A short text icon per status, so the chip reads without colour.
pub fn status_icon(s: Status) -> &'static str {
    use Status::*;
    match s {
        Achieved => "✓",
        OnTrack => "↗",
        NeedsAcceleration => "→",
        Limited => "…",
        Regressing => "↘",
        InsufficientData | NoData => "?",
        Missed => "✗",
    }
}

/// The CSS class suffix of a status.
pub fn status_class(s: Status) -> &'static str {
    use Status::*;
    match s {
        Achieved => "achieved",
        OnTrack => "on-track",
        NeedsAcceleration => "needs-acceleration",
        Limited => "limited",
        Regressing => "regressing",
        InsufficientData => "insufficient-data",
        Missed => "missed",
        NoData => "no-data",
    }
}

/// A target in words: "trên 95%", "15–20%", "khoảng 10%".
pub fn target_phrase(lang: Lang, t: &Target, unit: &Unit) -> String {
    let v = |x: f64| format_value(x, unit, lang);
    let (vi, en) = match t.bound {
        Bound::Gte(x) => (format!("tối thiểu {}", v(x)), format!("at least {}", v(x))),
        Bound::Gt(x) => (format!("trên {}", v(x)), format!("above {}", v(x))),
        Bound::Lte(x) => (format!("tối đa {}", v(x)), format!("at most {}", v(x))),
        Bound::Lt(x) => (format!("dưới {}", v(x)), format!("below {}", v(x))),
        Bound::Eq(x) => (v(x), v(x)),
        Bound::Range { min, max } => {
            let r = format!("{}–{}", format_number(min, 2, lang), v(max));
            (format!("từ {r}"), r)
        }
        Bound::Approx { value, .. } => (
            format!("khoảng {}", v(value)),
            format!("about {}", v(value)),
        ),
    };
    let mut s = match lang {
        Lang::Vi => vi,
        Lang::En => en,
    };
    if let Some(c) = t.change {
        let word = match (lang, c) {
            (Lang::Vi, chitieu_core::Change::Increase) => "tăng ",
            (Lang::Vi, chitieu_core::Change::Decrease) => "giảm ",
            (Lang::En, chitieu_core::Change::Increase) => "increase ",
            (Lang::En, chitieu_core::Change::Decrease) => "decrease ",
        };
        s.insert_str(0, word);
    }
    s
}

pub fn level_label(lang: Lang, l: chitieu_core::Level) -> &'static str {
    match lang {
        Lang::Vi => l.label_vi(),
        Lang::En => l.label_en(),
    }
}

pub fn period_label(lang: Lang, p: Period) -> String {
    match lang {
        Lang::Vi => p.label_vi(),
        Lang::En => p.label_en(),
    }
}

/// "Không tìm thấy chỉ tiêu 'abc' trong dữ liệu".
pub fn indicator_not_found(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!("Không tìm thấy chỉ tiêu '{id}' trong dữ liệu"),
        Lang::En => format!("Indicator '{id}' was not found in the data"),
    }
}

/// The first line of the box a widget shows for an indicator set aside because its data
/// is invalid.
pub fn indicator_quarantined(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Dữ liệu không hợp lệ ở chỉ tiêu '{label}', nên chỉ tiêu này chưa hiển thị được:"
        ),
        Lang::En => format!("Invalid data in indicator '{label}', so it is not shown:"),
    }
}

/// "… và 3 lỗi khác" / "… and 3 more".
pub fn more_findings(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("… và {n} lỗi khác"),
        Lang::En => format!("… and {n} more"),
    }
}

/// The status of a table row whose indicator was set aside.
pub fn invalid_data(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Dữ liệu không hợp lệ",
        Lang::En => "Invalid data",
    }
}

// scorecard

/// "12/15 chỉ tiêu có số liệu" / "12 of 15 indicators have data".
pub fn coverage_sentence(lang: Lang, with_data: usize, total: usize) -> String {
    match lang {
        Lang::Vi => format!("{with_data}/{total} chỉ tiêu có số liệu"),
        Lang::En if total == 1 => format!("{with_data} of 1 indicator has data"),
        Lang::En => format!("{with_data} of {total} indicators have data"),
    }
}

/// A count of a scope's indicators: "2/72 chỉ tiêu" / "2 of 72 indicators".
pub fn of_indicators(lang: Lang, part: usize, total: usize) -> String {
    // Counts are far below 2^53, so the conversions are exact.
    let n = |c: usize| format_number(c as f64, 0, lang);
    let (of, word) = match lang {
        Lang::Vi => ("/", " chỉ tiêu"),
        Lang::En if total == 1 => (" of ", " indicator"),
        Lang::En => (" of ", " indicators"),
    };
    [&n(part), of, &n(total), word].concat()
}

/// What a pillar's score rests on, beside it: "tính trên 2/5 chỉ tiêu" / "based on 2 of 5
/// indicators": the scored indicators (a current target and a result) of all of them.
pub fn basis_short(lang: Lang, scored: usize, total: usize) -> String {
    let on = match lang {
        Lang::Vi => "tính trên ",
        Lang::En => "based on ",
    };
    [on, &of_indicators(lang, scored, total)].concat()
}

/// What the overall score rests on, beside it: "tính trên 2/72 chỉ tiêu có cả mục tiêu và
/// số liệu" / "based on 2 of 72 indicators with both a target and data".
pub fn basis_sentence(lang: Lang, scored: usize, total: usize) -> String {
    let with = match lang {
        Lang::Vi => " có cả mục tiêu và số liệu",
        Lang::En => " with both a target and data",
    };
    [&basis_short(lang, scored, total), with].concat()
}

/// How many indicators a withheld score would rest on: "1/5 chỉ tiêu có cả mục tiêu và số
/// liệu" / "1 of 5 indicators have both a target and data".
pub fn scored_count(lang: Lang, scored: usize, total: usize) -> String {
    let have = match lang {
        Lang::Vi => " có cả mục tiêu và số liệu",
        Lang::En if total == 1 => " has both a target and data",
        Lang::En => " have both a target and data",
    };
    [&of_indicators(lang, scored, total), have].concat()
}

/// Why the overall score is withheld, with the minimum as a percentage: "2/72 chỉ tiêu có
/// cả mục tiêu và số liệu, dưới mức tối thiểu 33,3%".
pub fn withheld_sentence(lang: Lang, scored: usize, total: usize, minimum: &str) -> String {
    let below = match lang {
        Lang::Vi => ", dưới mức tối thiểu ",
        Lang::En => ", below the minimum of ",
    };
    [&scored_count(lang, scored, total), below, minimum].concat()
}

/// A pillar's coverage, short: "3/5 có số liệu" / "3/5 with data".
pub fn coverage_short(lang: Lang, with_data: usize, total: usize) -> String {
    match lang {
        Lang::Vi => format!("{with_data}/{total} có số liệu"),
        Lang::En => format!("{with_data}/{total} with data"),
    }
}

/// DTI-style points: "62,5/100 điểm" / "62.5/100 points".
pub fn points_text(lang: Lang, points: f64, max: f64) -> String {
    let (p, m) = (format_number(points, 1, lang), format_number(max, 1, lang));
    match lang {
        Lang::Vi => format!("{p}/{m} điểm"),
        Lang::En => format!("{p}/{m} points"),
    }
}

// table

/// "12/40 chỉ tiêu": how many indicators the filters leave, of all.
pub fn count_label(lang: Lang, shown: usize, total: usize) -> String {
    // Counts are far below 2^53, so the conversions are exact.
    let n = |c: usize| format_number(c as f64, 0, lang);
    match lang {
        Lang::Vi => format!("{}/{} chỉ tiêu", n(shown), n(total)),
        Lang::En => format!("{}/{} indicators", n(shown), n(total)),
    }
}

/// Which rows a page shows, of how many: "Hiển thị 101–150 trong 2.000 chỉ tiêu", and
/// with filters "Hiển thị 1–50 trong 1.234 chỉ tiêu phù hợp (tổng số 2.000)".
pub fn page_range_label(
    lang: Lang,
    first: usize,
    last: usize,
    shown: usize,
    total: usize,
) -> String {
    let n = |c: usize| format_number(c as f64, 0, lang);
    let (first, last) = (n(first), n(last));
    match (lang, shown == total) {
        (Lang::Vi, true) => format!("Hiển thị {first}–{last} trong {} chỉ tiêu", n(total)),
        (Lang::Vi, false) => format!(
            "Hiển thị {first}–{last} trong {} chỉ tiêu phù hợp (tổng số {})",
            n(shown),
            n(total)
        ),
        (Lang::En, true) => format!("Showing {first}–{last} of {} indicators", n(total)),
        (Lang::En, false) => format!(
            "Showing {first}–{last} of {} matching indicators ({} in all)",
            n(shown),
            n(total)
        ),
    }
}

/// "Trang 3/40" / "Page 3 of 40".
pub fn page_label(lang: Lang, page: usize, pages: usize) -> String {
    let n = |c: usize| format_number(c as f64, 0, lang);
    match lang {
        Lang::Vi => format!("Trang {}/{}", n(page), n(pages)),
        Lang::En => format!("Page {} of {}", n(page), n(pages)),
    }
}

/// The table's caption: "Kế hoạch … — số liệu đến 15/01/2024".
pub fn table_caption(lang: Lang, plan: &str, as_of: chitieu_core::Date) -> String {
    let date = period_label(lang, Period::Day(as_of));
    match lang {
        Lang::Vi => format!("{plan} — số liệu đến {date}"),
        Lang::En => format!("{plan} — data as of {date}"),
    }
}

/// An attribute value outside the allowed set, naming both:
/// "Thuộc tính 'level': không có giá trị 'tinhh'. Dùng một trong: province, district, commune".
pub fn bad_attribute(lang: Lang, attr: &str, value: &str, allowed: &[&str]) -> String {
    let list = allowed.join(", ");
    match lang {
        Lang::Vi => {
            format!("Thuộc tính '{attr}': không có giá trị '{value}'. Dùng một trong: {list}")
        }
        Lang::En => format!("Attribute '{attr}': '{value}' is not allowed. Use one of: {list}"),
    }
}

/// An `as-of` attribute that is not a date:
/// "Thuộc tính 'as-of': '2024-13-45' không phải là ngày hợp lệ; hãy ghi dạng YYYY-MM-DD (ví dụ 2024-06-30)".
pub fn bad_date_attribute(lang: Lang, attr: &str, value: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Thuộc tính '{attr}': '{value}' không phải là ngày hợp lệ; hãy ghi dạng YYYY-MM-DD (ví dụ 2024-06-30)"
        ),
        Lang::En => format!(
            "Attribute '{attr}': '{value}' is not a valid date; write it as YYYY-MM-DD (e.g. 2024-06-30)"
        ),
    }
}

/// A `stale-after` attribute that is neither a number of days nor `never`.
pub fn bad_days_attribute(lang: Lang, attr: &str, value: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Thuộc tính '{attr}': '{value}' không phải là số ngày; hãy ghi một số nguyên (ví dụ 548) hoặc 'never'"
        ),
        Lang::En => format!(
            "Attribute '{attr}': '{value}' is not a number of days; write a whole number (e.g. 548) or 'never'"
        ),
    }
}

/// A `min-coverage` attribute that is not a share.
pub fn bad_share_attribute(lang: Lang, attr: &str, value: &str) -> String {
    let (head, middle, tail) = match lang {
        Lang::Vi => ("Thuộc tính '", "': '", "' không phải là một tỷ lệ; hãy ghi một số từ 0 đến 1 (ví dụ 0.5) hoặc một tỷ lệ phần trăm (ví dụ 50%)"),
        Lang::En => ("Attribute '", "': '", "' is not a share; write a number from 0 to 1 (e.g. 0.5) or a percentage (e.g. 50%)"),
    };
    [head, attr, middle, value, tail].concat()
}

// trend

/// The unit words of a money axis whose figures are divided by 10⁹, 10⁶ or 1.
pub fn vnd_scale_label(lang: Lang, divisor: f64) -> &'static str {
    match (lang, divisor >= 1e9, divisor >= 1e6) {
        (Lang::Vi, true, _) => "tỷ đồng",
        (Lang::En, true, _) => "billion VND",
        (Lang::Vi, false, true) => "triệu đồng",
        (Lang::En, false, true) => "million VND",
        (Lang::Vi, false, false) => "đồng",
        (Lang::En, false, false) => "VND",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_is_unicode_lower_case_for_latin_letters() {
        let ranges = ['\0'..='\u{24f}', '\u{1e00}'..='\u{1eff}'];
        for c in ranges.into_iter().flatten() {
            let std: Vec<char> = c.to_lowercase().collect();
            let mapped = c == 'Ơ' || c == 'Ư' || !('\u{180}'..='\u{24f}').contains(&c);
            if c == 'İ' || !mapped {
                assert_eq!(lower_char(c), c, "{c:?} is left as it is");
            } else {
                assert_eq!(vec![lower_char(c)], std, "{c:?}");
            }
        }
        assert_eq!(lower("ĐƯỜNG Điện XÃ Tỉnh"), "đường điện xã tỉnh");
    }

    #[test]
    fn lowered_catalogue_words_are_unicode_lower_case() {
        let mut words = vec![];
        for lang in [Lang::Vi, Lang::En] {
            words.extend([Msg::Latest, Msg::NoData, Msg::NotScored].map(|m| msg(lang, m)));
            use chitieu_core::Level::*;
            words.extend([Province, District, Commune].map(|l| level_label(lang, l)));
        }
        for w in words {
            assert_eq!(lower(w), w.to_lowercase());
        }
    }

    #[test]
    fn target_phrases_use_locale_numbers() {
        let t = Target {
            bound: Bound::Gt(95.0),
            change: None,
            deadline: None,
            text: None,
        };
        assert_eq!(target_phrase(Lang::Vi, &t, &Unit::Percent), "trên 95%");
        assert_eq!(target_phrase(Lang::En, &t, &Unit::Percent), "above 95%");
        let r = Target {
            bound: Bound::Range {
                min: 15.5,
                max: 20.0,
            },
            ..t
        };
        assert_eq!(target_phrase(Lang::Vi, &r, &Unit::Percent), "từ 15,5–20%");
    }

    #[test]
    fn page_labels_use_locale_numbers() {
        assert_eq!(
            page_range_label(Lang::Vi, 101, 150, 2000, 2000),
            "Hiển thị 101–150 trong 2.000 chỉ tiêu"
        );
        assert_eq!(
            page_range_label(Lang::Vi, 1001, 1050, 1234, 2000),
            "Hiển thị 1.001–1.050 trong 1.234 chỉ tiêu phù hợp (tổng số 2.000)"
        );
        assert_eq!(
            page_range_label(Lang::En, 1, 50, 1234, 2000),
            "Showing 1–50 of 1,234 matching indicators (2,000 in all)"
        );
        assert_eq!(page_label(Lang::Vi, 3, 40), "Trang 3/40");
        assert_eq!(page_label(Lang::En, 3, 40), "Page 3 of 40");
    }
}
