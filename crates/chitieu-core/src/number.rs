//! Locale-aware number formatting: Vietnamese uses a decimal comma and a thousands dot
//! (`1.428.322`, `76,55%`); English the reverse (`1,428,322`, `76.55%`).
//!
//! Formatting rounds half away from zero on the decimal digits actually shown, and drops
//! trailing zeros only when asked, so a published figure never looks more precise than
//! it is.

/// The display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Reads a BCP 47 tag: anything starting with "en" is English, the rest Vietnamese.
    pub fn from_tag(tag: &str) -> Lang {
        let t = tag.trim().to_ascii_lowercase();
        if t == "en" || t.starts_with("en-") || t.starts_with("en_") {
            Lang::En
        } else {
            Lang::Vi
        }
    }
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
    fn separators(self) -> (char, char) {
        match self {
            Lang::Vi => (',', '.'),
            Lang::En => ('.', ','),
        }
    }
}

/// Formats `v` with exactly `decimals` decimal digits (0–6) and grouped thousands.
pub fn format_fixed(v: f64, decimals: usize, lang: Lang) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let decimals = decimals.min(6);
    let s = format!("{:.*}", decimals, round_half_away(v, decimals));
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (rest.bytes().any(|b| b.is_ascii_digit() && b != b'0'), rest),
        None => (false, s.as_str()),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let (dec_sep, group_sep) = lang.separators();
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 2);
    if neg {
        out.push('-');
    }
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(group_sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(dec_sep);
        out.push_str(frac);
    }
    out
}

/// Formats with up to `max_decimals` digits, dropping trailing zeros: 95 → "95", 76.5 → "76,5".
pub fn format_number(v: f64, max_decimals: usize, lang: Lang) -> String {
    let s = format_fixed(v, max_decimals, lang);
    let dec_sep = lang.separators().0;
    if s.contains(dec_sep) {
        s.trim_end_matches('0').trim_end_matches(dec_sep).to_string()
    } else {
        s
    }
}

/// A value in `unit` for display: percent as "76,56%", money in đồng with "tỷ"/"triệu"
/// scaling, other units as grouped numbers followed by the unit.
pub fn format_value(v: f64, unit: &crate::model::Unit, lang: Lang) -> String {
    use crate::model::Unit;
    match unit {
        Unit::Percent => format!("{}%", format_number(v, 2, lang)),
        Unit::Count => format_number(v, 2, lang),
        Unit::Vnd => {
            let (scaled, word_vi, word_en) = if v.abs() >= 1e9 {
                (v / 1e9, "tỷ đồng", "billion VND")
            } else if v.abs() >= 1e6 {
                (v / 1e6, "triệu đồng", "million VND")
            } else {
                (v, "đồng", "VND")
            };
            let word = if lang == Lang::En { word_en } else { word_vi };
            format!("{} {word}", format_number(scaled, 2, lang))
        }
        Unit::Other(u) => format!("{} {}", format_number(v, 2, lang), unit_label(u, lang)),
    }
}

/// Readable labels for the common non-standard units.
pub fn unit_label(unit: &str, lang: Lang) -> String {
    let (vi, en) = match unit {
        "per_week" => ("lần/tuần", "per week"),
        "per_month" => ("lần/tháng", "per month"),
        "per_year" => ("lần/năm", "per year"),
        "posts_per_year" => ("tin bài/năm", "posts per year"),
        other => (other, other),
    };
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

fn round_half_away(v: f64, decimals: usize) -> f64 {
    let m = 10f64.powi(decimals as i32);
    let r = (v * m).round() / m;
    // Values too large to scale are already exact at this precision.
    if r.is_finite() {
        r
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;

    #[test]
    fn vietnamese_uses_decimal_comma_and_thousands_dot() {
        assert_eq!(format_fixed(76.5565, 2, Lang::Vi), "76,56");
        assert_eq!(format_fixed(1428322.0, 0, Lang::Vi), "1.428.322");
        assert_eq!(format_fixed(1428322.5, 1, Lang::En), "1,428,322.5");
        assert_eq!(format_fixed(-1234.5, 1, Lang::Vi), "-1.234,5");
        assert_eq!(format_fixed(-0.001, 2, Lang::Vi), "0,00");
        assert_eq!(format_fixed(f64::NAN, 2, Lang::Vi), "—");
    }

    #[test]
    fn trailing_zeros_are_dropped_only_in_format_number() {
        assert_eq!(format_number(95.0, 2, Lang::Vi), "95");
        assert_eq!(format_number(76.5, 2, Lang::Vi), "76,5");
        assert_eq!(format_number(1000.0, 2, Lang::Vi), "1.000");
    }

    #[test]
    fn values_carry_their_unit() {
        assert_eq!(format_value(76.5565, &Unit::Percent, Lang::Vi), "76,56%");
        assert_eq!(format_value(2e9, &Unit::Vnd, Lang::Vi), "2 tỷ đồng");
        assert_eq!(format_value(2e9, &Unit::Vnd, Lang::En), "2 billion VND");
        assert_eq!(format_value(1.0, &Unit::Other("per_week".into()), Lang::Vi), "1 lần/tuần");
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("vi-VN"), Lang::Vi);
        assert_eq!(Lang::from_tag(""), Lang::Vi);
    }
}
