//! Target sentences → structured targets.
//!
//! Plans state their targets in prose: "Trên 95% tỷ lệ hồ sơ công việc tại cấp tỉnh, trên
//! 85% … tại cấp huyện", "Phấn đấu kinh tế số chiếm từ 08 - 10% GRDP", "kinh phí … tối
//! thiểu là 2 tỷ đồng". [`parse_targets`] reads *every* target in such a text, in order,
//! each with its comparator, unit, the administrative level and deadline it is tied to,
//! and the exact words it came from, so a reviewer can check it against the plan.
//!
//! It reads rather than guesses: figures that are not targets (years, dates, ages "từ 15
//! tuổi trở lên", document numbers "1004/KH-UBND", "4G/5G", "mức độ 4", section numbers,
//! per-100 denominators) are skipped, and a text with no readable target is an error.
//!
//! # Rules
//!
//! - **Comparators** (the words just before the number; the nearest one decides): trên,
//!   hơn → `gt`; tối thiểu, ít nhất, không dưới, từ … (trở lên) → `gte`; dưới → `lt`; tối
//!   đa, không quá → `lte`; khoảng, xấp xỉ, trên dưới → `approx`. A bare figure, or one
//!   after đạt / phấn đấu (and the source's typo "Phần đầu"), means *at least* (`gte`).
//! - **Ranges**: "15-20%", "08 - 10%", "15% đến 20%", "từ 01 đến 02 cơ sở" → `range`.
//! - **Change**: "tăng (tối thiểu) 7%" → increase, "giảm 30%" → decrease; but "giảm
//!   xuống còn 5%" / "tăng lên 90%" name a level to reach, not a change.
//! - **Units**: `%` → percent; đồng, "tỷ/triệu đồng" → vnd (scaled); a counted noun
//!   (doanh nghiệp, thuê bao, lượt, …) → count; "lần/tuần" → `per_week`, "x lần/năm" →
//!   `per_year`, "lần/2 năm" → `per_2_years`, "tin, bài/năm" → `posts_per_year`, "Mb/s";
//!   "thuê bao/100 dân" → `per_100_people` (the count before the slash is the target;
//!   the 100 is its denominator); "01 xã/01 huyện", "mỗi đơn vị cấp huyện 01 xã" →
//!   `per_district`. A figure with no unit is a count when a comparator or range states
//!   it, and not a target otherwise.
//! - **Level**: "cấp/tuyến tỉnh|huyện|xã" in the target's clause, looked for first after
//!   the figure, then before it. Several levels ("cấp tỉnh, cấp huyện") or a village
//!   level (thôn) give none.
//! - **Deadline**: "(đến hết) năm 2025", "đến 2030", "Quý IV/2024", "đến tháng 6/2024",
//!   "trước (ngày) 15/12/2024". When deadlines lead their targets ("năm 2025 chiếm 10%,
//!   năm 2030 chiếm 15%") each target takes the last one before it; when they trail
//!   ("đạt 90% vào năm 2025") the next one after it.
//! - A parenthetical's bare figures are scope, not targets ("(18 huyện/thành/thị, trừ 03
//!   huyện …)"), unless the parenthetical states a target itself ("(Tối thiểu 1 lần/2
//!   năm …)").
//!
//! Words are matched in NFC, the normal form of published Vietnamese text.

mod lex;
mod read;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::model::{Bound, Change, Level, Target, Unit};
use crate::period::Period;

/// One target read from a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedTarget {
    pub bound: Bound,
    pub change: Option<Change>,
    pub unit: Unit,
    pub level: Option<Level>,
    pub deadline: Option<Period>,
    /// The exact span of the input this target was read from: its clause, or for
    /// several targets in one clause ("90% … cấp tỉnh, 80% … cấp huyện") its own part.
    pub text: String,
}

impl ParsedTarget {
    /// The dataset form of this target; unit and level belong to the indicator.
    pub fn to_target(&self) -> Target {
        Target {
            bound: self.bound,
            change: self.change,
            deadline: self.deadline,
            text: Some(self.text.clone()),
        }
    }
}

/// The flat shape the CLI prints: `{"op":"gt","value":95.0,"unit":"percent",
/// "level":"province"}`, with `min`/`max` for ranges, `tolerance` for an approx target
/// that gives one, and `level`, `year`, `deadline` (only when finer than a year, e.g.
/// "2024-Q4"), `change` and `text` only when present.
impl Serialize for ParsedTarget {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("op", self.bound.op())?;
        match self.bound {
            Bound::Range { min, max } => {
                m.serialize_entry("min", &min)?;
                m.serialize_entry("max", &max)?;
            }
            Bound::Approx { value, tolerance } => {
                m.serialize_entry("value", &value)?;
                if let Some(t) = tolerance {
                    m.serialize_entry("tolerance", &t)?;
                }
            }
            b => m.serialize_entry("value", &b.value())?,
        }
        m.serialize_entry("unit", &self.unit)?;
        if let Some(level) = self.level {
            m.serialize_entry("level", &level)?;
        }
        if let Some(d) = self.deadline {
            m.serialize_entry("year", &d.year())?;
            if !matches!(d, Period::Year(_)) {
                m.serialize_entry("deadline", &d)?;
            }
        }
        if let Some(c) = self.change {
            m.serialize_entry("change", &c)?;
        }
        if !self.text.is_empty() {
            m.serialize_entry("text", &self.text)?;
        }
        m.end()
    }
}

/// Why a text gave no targets.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseError {
    #[error("không đọc được chỉ tiêu định lượng nào / no quantitative target found in '{text}'")]
    NoTarget {
        /// The start of the text, for the message.
        text: String,
    },
    #[error(
        "khoảng giá trị ngược ({min} đến {max}) tại vị trí {offset} / range runs backwards ({min} to {max}) at byte {offset}"
    )]
    ReversedRange { min: f64, max: f64, offset: usize },
}

/// Reads every quantitative target in `text`, in order.
///
/// An error when there is none: a sentence like "Phổ cập dịch vụ mạng di động 4G/5G"
/// states a goal but no figure, and the parser does not invent one.
pub fn parse_targets(text: &str) -> Result<Vec<ParsedTarget>, ParseError> {
    read::read(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "op value unit [level] [yYEAR] [deadline] [+|-]" for each target.
    fn brief(text: &str) -> Vec<String> {
        match parse_targets(text) {
            Ok(ts) => ts.iter().map(summary).collect(),
            Err(e) => vec![format!("ERR {e}")],
        }
    }

    fn summary(t: &ParsedTarget) -> String {
        let mut s = match t.bound {
            Bound::Range { min, max } => format!("range {min}..{max}"),
            Bound::Approx {
                value,
                tolerance: Some(tol),
            } => format!("approx {value}~{tol}"),
            b => format!("{} {}", b.op(), b.value()),
        };
        s.push(' ');
        s.push_str(t.unit.as_str());
        if let Some(l) = t.level {
            s.push(' ');
            s.push_str(l.as_str());
        }
        match t.deadline {
            Some(Period::Year(y)) => s.push_str(&format!(" y{y}")),
            Some(p) => s.push_str(&format!(" {p}")),
            None => {}
        }
        match t.change {
            Some(Change::Increase) => s.push_str(" +"),
            Some(Change::Decrease) => s.push_str(" -"),
            None => {}
        }
        s
    }

    fn texts(text: &str) -> Vec<String> {
        parse_targets(text)
            .map(|ts| ts.into_iter().map(|t| t.text).collect())
            .unwrap_or_default()
    }

    #[test]
    fn comparators() {
        assert_eq!(brief("trên 95%"), ["gt 95 percent"]);
        assert_eq!(brief("nhiều hơn 20 doanh nghiệp"), ["gt 20 count"]);
        assert_eq!(brief("tối thiểu 70% hệ thống"), ["gte 70 percent"]);
        assert_eq!(brief("ít nhất 20 tin, bài/năm"), ["gte 20 posts_per_year"]);
        assert_eq!(brief("từ 100 doanh nghiệp trở lên"), ["gte 100 count"]);
        assert_eq!(brief("đạt 85%"), ["gte 85 percent"]);
        assert_eq!(brief("Phấn đấu 100% cán bộ"), ["gte 100 percent"]);
        assert_eq!(brief("Phần đầu tỷ lệ đạt 35%"), ["gte 35 percent"]);
        assert_eq!(brief("khoảng 10% GRDP"), ["approx 10 percent"]);
        assert_eq!(brief("khoảng 10% (±1%)"), ["approx 10~0.1 percent"]);
        assert_eq!(brief("dưới 5% hồ sơ trễ hạn"), ["lt 5 percent"]);
        assert_eq!(brief("tối đa 3 ngày làm việc"), ["ERR không đọc được chỉ tiêu định lượng nào / no quantitative target found in 'tối đa 3 ngày làm việc'"]);
        assert_eq!(brief("không quá 2 lần/năm"), ["lte 2 per_year"]);
        assert_eq!(brief("tối đa 10 hồ sơ"), ["lte 10 count"]);
        assert_eq!(brief("100%"), ["gte 100 percent"]);
        assert_eq!(brief("90% hồ sơ"), ["gte 90 percent"]);
        // The nearest comparator decides.
        assert_eq!(brief("đạt tối thiểu trên 2%"), ["gt 2 percent"]);
        assert_eq!(brief("đảm bảo tối thiểu đạt 50%"), ["gte 50 percent"]);
        assert_eq!(brief("trên dưới 10%"), ["approx 10 percent"]);
    }

    #[test]
    fn ranges() {
        assert_eq!(brief("đạt 15-20%"), ["range 15..20 percent"]);
        assert_eq!(brief("chiếm từ 08 - 10% GRDP"), ["range 8..10 percent"]);
        assert_eq!(brief("chiếm 15% đến 20%"), ["range 15..20 percent"]);
        assert_eq!(brief("từ 15 – 20%"), ["range 15..20 percent"]);
        assert_eq!(
            brief("Có ít nhất từ 01 đến 02 cơ sở giáo dục"),
            ["range 1..2 count"]
        );
        assert_eq!(
            brief("lên đến 50.000 - 60.000 cho toàn tỉnh"),
            ["range 50000..60000 count"]
        );
        assert_eq!(
            brief("từ 2 - 3 tỷ đồng"),
            ["range 2000000000..3000000000 vnd"]
        );
        assert!(matches!(
            parse_targets("đạt 20-15%"),
            Err(ParseError::ReversedRange {
                min: 20.0,
                max: 15.0,
                offset: 7
            })
        ));
    }

    #[test]
    fn change() {
        assert_eq!(
            brief("Năng suất lao động hàng năm tăng tối thiểu 07%."),
            ["gte 7 percent +"]
        );
        assert_eq!(brief("doanh thu tăng 10% hàng năm"), ["gte 10 percent +"]);
        assert_eq!(brief("giảm 30% thời gian"), ["gte 30 percent -"]);
        assert_eq!(brief("giảm xuống còn 5%"), ["lte 5 percent"]);
        assert_eq!(brief("tăng lên 90%"), ["gte 90 percent"]);
        // "giá trị tăng thêm" is value added, not growth.
        assert_eq!(
            brief("Tỷ trọng giá trị tăng thêm của kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu trên 2%."),
            ["gt 2 percent"]
        );
    }

    #[test]
    fn numbers_and_multipliers() {
        assert_eq!(brief("tối thiểu là 2 tỷ đồng"), ["gte 2000000000 vnd"]);
        assert_eq!(brief("tối thiểu 1,5 tỷ đồng"), ["gte 1500000000 vnd"]);
        assert_eq!(brief("500 triệu đồng"), ["gte 500000000 vnd"]);
        assert_eq!(brief("50.000 đồng"), ["gte 50000 vnd"]);
        assert_eq!(brief("trên 3.000 lượt doanh nghiệp"), ["gt 3000 count"]);
        assert_eq!(brief("đạt 76,55%"), ["gte 76.55 percent"]);
        assert_eq!(brief("đạt tối thiểu 0.25% tổng chi"), ["gte 0.25 percent"]);
        assert_eq!(brief("tối thiểu 01%"), ["gte 1 percent"]);
        assert_eq!(brief("1.428.322 thuê bao"), ["gte 1428322 count"]);
        // "tỷ lệ" is a rate, not a billion.
        assert_eq!(brief("tỷ lệ 90% hồ sơ"), ["gte 90 percent"]);
    }

    #[test]
    fn units() {
        assert_eq!(brief("trung bình 01 lần/tuần"), ["gte 1 per_week"]);
        assert_eq!(brief("là 01 lần/01tuần."), ["gte 1 per_week"]);
        assert_eq!(brief("3 lần/năm"), ["gte 3 per_year"]);
        assert_eq!(brief("Tối thiểu 1 lần/2 năm"), ["gte 1 per_2_years"]);
        assert_eq!(brief("1 lần/06 tháng"), ["gte 1 per_6_months"]);
        assert_eq!(
            brief("ít nhất 20 tin, bài/01năm."),
            ["gte 20 posts_per_year"]
        );
        assert_eq!(
            brief("tối thiểu 01 cuộc diễn tập thực chiến/năm"),
            ["gte 1 per_year"]
        );
        assert_eq!(brief("tốc độ trên 100 Mb/s"), ["gt 100 Mb/s"]);
        assert_eq!(brief("tốc độ 50Mbps"), ["gte 50 Mb/s"]);
        assert_eq!(brief("đạt 80 thuê bao/100 dân"), ["gte 80 per_100_people"]);
        assert_eq!(
            brief("tối thiểu 01 xã/01 huyện, thị xã"),
            ["gte 1 per_district"]
        );
        assert_eq!(
            brief("mỗi năm 4 số, trung bình 1 số/quý"),
            ["gte 4 per_year", "gte 1 per_quarter"]
        );
        assert_eq!(brief("100 hộ gia đình"), ["gte 100 count"]);
    }

    #[test]
    fn every_target_with_its_level() {
        let s = "90% hồ sơ công việc tại cấp tỉnh, 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng";
        assert_eq!(
            brief(s),
            [
                "gte 90 percent province",
                "gte 80 percent district",
                "gte 60 percent commune"
            ]
        );
        assert_eq!(
            texts(s),
            [
                "90% hồ sơ công việc tại cấp tỉnh",
                "80% hồ sơ công việc tại cấp huyện",
                "60% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng"
            ]
        );
        // Several levels, or a village level, name no single level.
        assert_eq!(
            brief("100% cơ quan nhà nước cấp tỉnh, cấp huyện"),
            ["gte 100 percent"]
        );
        assert_eq!(
            brief("100% bệnh viện tuyến tỉnh, huyện"),
            ["gte 100 percent"]
        );
        assert_eq!(
            brief("đảm bảo 100% cấp xã và 100% cấp thôn"),
            ["gte 100 percent commune", "gte 100 percent"]
        );
        // A level before the figure counts when none follows it.
        assert_eq!(
            brief("Tỷ lệ hồ sơ cấp huyện đạt 80%"),
            ["gte 80 percent district"]
        );
        // "cấp độ", "cấp II" are not levels.
        assert_eq!(brief("100% hệ thống cấp độ 3, 4"), ["gte 100 percent"]);
        assert_eq!(
            brief("100% cơ quan kết nối mạng cấp II"),
            ["gte 100 percent"]
        );
    }

    #[test]
    fn deadlines_lead_or_trail() {
        assert_eq!(
            brief("năm 2025 chiếm 10% GRDP, năm 2030 chiếm 15% đến 20%"),
            ["gte 10 percent y2025", "range 15..20 percent y2030"]
        );
        assert_eq!(
            texts("năm 2025 chiếm 10% GRDP, năm 2030 chiếm 15% đến 20%"),
            ["năm 2025 chiếm 10% GRDP", "năm 2030 chiếm 15% đến 20%"]
        );
        assert_eq!(
            brief("đạt 90% vào năm 2024, 95% vào năm 2025"),
            ["gte 90 percent y2024", "gte 95 percent y2025"]
        );
        assert_eq!(
            brief("phấn đấu đến hết năm 2024, tỷ lệ dân số được phủ sóng di động 5G đạt 15-20%"),
            ["range 15..20 percent y2024"]
        );
        assert_eq!(
            brief("Hoàn thành 100% trước Quý IV/2024"),
            ["gte 100 percent 2024-Q4"]
        );
        assert_eq!(
            brief("đạt 100% đến tháng 6/2024"),
            ["gte 100 percent 2024-06"]
        );
        assert_eq!(
            brief("100% hệ thống trước **ngày 15/12/2024**"),
            ["gte 100 percent 2024-12-15"]
        );
        assert_eq!(
            brief("Kinh tế số chiếm trên 15% GRDP đến 2030"),
            ["gt 15 percent y2030"]
        );
        // A date that is not a deadline gives none.
        assert_eq!(
            brief("theo Thông tư số 12/2022/TT-BTTTT ngày 12/8/2022, đạt 100%"),
            ["gte 100 percent"]
        );
    }

    #[test]
    fn numbers_that_are_not_targets() {
        let none = |s: &str| {
            assert!(
                matches!(parse_targets(s), Err(ParseError::NoTarget { .. })),
                "{s:?} gave {:?}",
                brief(s)
            )
        };
        none("cho người dân từ 15 tuổi trở lên");
        none("Phổ cập dịch vụ mạng di động 4G/5G và điện thoại di động thông minh");
        none("đến năm 2030");
        none("giai đoạn 2021-2025");
        none("trên nền tảng số, trên môi trường mạng");
        none("1. Mục đích");
        none("3.1.1. Phát triển chính quyền số");
        none("a) Tình hình triển khai");
        none("ngày 19/12/2023");
        none("Kế hoạch số 1004/KH-UBND ngày 19/12/2023");
        none("Kế hoạch số 1004 /KH-UBND ngày 19 /12/2023 của UBND tỉnh");
        none("Nghị quyết số 03-NQ/BCSD ngày 19/7/2023");
        none("Quý IV/2024");
        none("dịch vụ công trực tuyến mức độ 3, mức độ 4");
        none("hệ thống cấp độ 1, 2");
        none("Kiến trúc ICT, phiên bản 1.0");
        none("(1) Nền tảng tích hợp; (2) Nền tảng phân tích");
        none("Đề án 06 có ý nghĩa");
        none("Kế hoạch hành động 5 năm của tỉnh");
        none("thuê bao/100 dân");
        none("(18 huyện/thành/thị, trừ 03 huyện đã triển khai)");
        none("1237/1289");
        none("");
        none("   ");
    }

    #[test]
    fn the_count_before_a_per_100_denominator_is_the_target() {
        assert_eq!(brief("đạt 80 thuê bao/100 dân"), ["gte 80 per_100_people"]);
    }

    #[test]
    fn a_parenthetical_counts_when_it_states_a_target() {
        assert_eq!(
            brief("trước ngày 15/12/2024 (Tối thiểu 1 lần/2 năm cho hệ thống cấp độ 1, 2; 1 lần/1 năm cho hệ thống cấp độ 3, 4 và 1 lần/06 tháng cho hệ thống cấp độ 5)."),
            ["gte 1 per_2_years 2024-12-15", "gte 1 per_year 2024-12-15", "gte 1 per_6_months 2024-12-15"]
        );
        assert_eq!(
            brief("mỗi đơn vị cấp huyện 01 xã làm mô hình cấp xã (18 huyện/thành/thị, trừ 03 huyện đã triển khai) và 02 huyện làm mô hình cấp huyện."),
            ["gte 1 per_district commune", "gte 2 count district"]
        );
    }

    #[test]
    fn serializes_to_the_cli_shape() {
        let t = parse_targets("Trên 95% tỷ lệ hồ sơ công việc tại cấp tỉnh").unwrap_or_default();
        let v = serde_json::to_value(&t).unwrap_or_default();
        assert_eq!(
            v,
            serde_json::json!([{"op":"gt","value":95.0,"unit":"percent","level":"province",
                "text":"Trên 95% tỷ lệ hồ sơ công việc tại cấp tỉnh"}])
        );
        let t = parse_targets(
            "phấn đấu đến hết năm 2024, đạt 15-20%; tăng tối thiểu 7% trước Quý IV/2024",
        )
        .unwrap_or_default();
        let v = serde_json::to_value(&t).unwrap_or_default();
        assert_eq!(v[0]["op"], "range");
        assert_eq!(v[0]["min"], 15.0);
        assert_eq!(v[0]["max"], 20.0);
        assert_eq!(v[0]["year"], 2024);
        assert!(v[0].get("deadline").is_none() && v[0].get("value").is_none());
        assert_eq!(v[1]["deadline"], "2024-Q4");
        assert_eq!(v[1]["change"], "increase");
        let t = parse_targets("khoảng 10% (±0,5%)").unwrap_or_default();
        let v = serde_json::to_value(&t).unwrap_or_default();
        assert_eq!(v[0]["op"], "approx");
        assert_eq!(v[0]["tolerance"], 0.05);
        assert!(v[0].get("level").is_none() && v[0].get("change").is_none());
    }

    #[test]
    fn to_target_keeps_the_words() {
        let t = parse_targets("đạt tối thiểu 80% năm 2025").unwrap_or_default();
        let target = t.first().map(ParsedTarget::to_target);
        assert_eq!(
            target,
            Some(Target {
                bound: Bound::Gte(80.0),
                change: None,
                deadline: Some(Period::Year(2025)),
                text: Some("đạt tối thiểu 80% năm 2025".into()),
            })
        );
    }

    #[test]
    fn errors_say_what_and_where() {
        let e = parse_targets("Phổ cập dịch vụ mạng di động 5G")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("không đọc được chỉ tiêu định lượng nào / no quantitative target found in 'Phổ cập dịch vụ mạng di động 5G'")
        );
        let long = "x ".repeat(100);
        let e = parse_targets(&long)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.ends_with("…'"), "{e}");
    }

    const VOCAB: &[&str] = &[
        "trên", "hơn", "tối", "thiểu", "ít", "nhất", "từ", "trở", "lên", "đạt", "phấn", "đấu",
        "khoảng", "dưới", "đa", "không", "quá", "tăng", "giảm", "còn", "xuống", "năm", "Quý", "IV",
        "tháng", "ngày", "trước", "đến", "hết", "cấp", "tỉnh", "huyện", "xã", "thôn", "tuyến",
        "tuổi", "số", "mức", "độ", "tỷ", "triệu", "đồng", "lần", "tuần", "tin", "bài", "mỗi", "Mb",
        "s", "dân", "thuê", "bao", "%", "/", "-", "–", ",", ".", ";", ":", "(", ")", "±", "\n",
        "\t", "*", "2025", "2024", "15", "0", "01", "1.000", "76,55", "0.25", "3.1.1", "KH-UBND",
        "4G", "100", "±", "…", "−",
    ];

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
            let _ = parse_targets(&s);
        }

        #[test]
        fn arbitrary_unicode_never_panics(s in proptest::collection::vec(proptest::char::any(), 0..60)) {
            let s: String = s.into_iter().collect();
            let _ = parse_targets(&s);
        }

        #[test]
        fn vietnamese_words_and_digits_never_panic(
            words in proptest::collection::vec(proptest::sample::select(VOCAB), 0..40),
            glue in proptest::collection::vec(proptest::sample::select(&[" ", "", "  ", "\n"][..]), 40),
        ) {
            let mut s = String::new();
            for (w, g) in words.iter().zip(glue.iter()) {
                s.push_str(w);
                s.push_str(g);
            }
            if let Ok(ts) = parse_targets(&s) {
                for t in ts {
                    proptest::prop_assert!(s.contains(&t.text));
                    proptest::prop_assert!(t.bound.value().is_finite());
                    if let Bound::Range { min, max } = t.bound {
                        proptest::prop_assert!(min <= max);
                    }
                }
            }
        }
    }
}
