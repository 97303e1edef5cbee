//! Locale-aware number formatting: Vietnamese uses a decimal comma and a thousands dot
//! (`1.428.322`, `76,55%`); English the reverse (`1,428,322`, `76.55%`).
//!
//! Formatting rounds half away from zero on the decimal digits actually shown, and drops
//! trailing zeros only when asked, so a published figure never looks more precise than
//! it is.
//!
//! Nothing here uses core's float formatting or libm: [`fixed`] and [`shortest`] write
//! numbers with integer arithmetic, which keeps the widgets' wasm small.

mod decimal;

pub use decimal::{fixed, shortest};

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
    let s = fixed(round_half_away(v, decimals), decimals);
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
        s.trim_end_matches('0')
            .trim_end_matches(dec_sep)
            .to_string()
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
    let m = pow10(decimals);
    let r = round(v * m) / m;
    // Values too large to scale are already exact at this precision.
    if r.is_finite() {
        r
    } else {
        v
    }
}

/// 10^n, exact for n ≤ 22 (as `10f64.powi(n)` is); infinite above 308.
pub fn pow10(n: usize) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    match EXACT.get(n) {
        Some(&p) => p,
        None => (22..n).fold(1e22, |p, _| p * 10.0),
    }
}

/// `f64::round` (half away from zero) from `trunc`, a wasm instruction: `round` is a
/// libm call there. `x − trunc(x)` is exact, so this is the same function.
pub fn round(x: f64) -> f64 {
    let t = x.trunc();
    if (x - t).abs() >= 0.5 {
        t + 1f64.copysign(x)
    } else {
        t
    }
}

/// Reads a number written the Vietnamese way: decimal comma (`76,55`), thousands dot
/// (`1.428.322`, `3.000`), leading zeros (`08`), an optional sign (`+`, `-`, `−`).
///
/// Plans also slip into the English decimal dot now and then (`0.25%`), so a lone dot is
/// read by what follows it: exactly three digits make it a thousands separator (`3.000`
/// is three thousand), anything else a decimal point (`0.25`, `1.5`). A lone `0` before
/// the dot cannot be a thousands group, so `0.250` is a quarter. Several dots must all be
/// thousands separators (`1.2.3` is not a number), and a comma is always the decimal mark.
///
/// Surrounding whitespace is ignored; anything else (units, letters, a second comma)
/// gives `None`, as does a result that does not fit in an `f64`.
pub fn parse_vi_number(s: &str) -> Option<f64> {
    let t = s.trim();
    let (neg, body) = if let Some(rest) = t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        (true, rest)
    } else {
        (false, t.strip_prefix('+').unwrap_or(t))
    };
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let (int, frac) = match body.split_once(',') {
        Some((int, frac)) => {
            if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (ungroup(int)?, frac)
        }
        None => {
            let mut parts = body.split('.');
            let first = parts.next().unwrap_or("");
            match (parts.next(), parts.next()) {
                (None, _) => (ungroup(first)?, ""),
                (Some(second), None) if second.len() != 3 || first == "0" => {
                    if first.is_empty() || second.is_empty() {
                        return None;
                    }
                    (first.to_string(), second)
                }
                _ => (ungroup(body)?, ""),
            }
        }
    };
    let mut plain = String::with_capacity(int.len() + frac.len() + 2);
    if neg {
        plain.push('-');
    }
    plain.push_str(&int);
    if !frac.is_empty() {
        plain.push('.');
        plain.push_str(frac);
    }
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The digits of an integer part whose dots, if any, group thousands correctly
/// (`1.428.322`): a leading group of one to three digits, then groups of exactly three.
fn ungroup(int: &str) -> Option<String> {
    let mut out = String::with_capacity(int.len());
    for (i, group) in int.split('.').enumerate() {
        let ok = if i == 0 {
            !group.is_empty() && (group.len() <= 3 || !int.contains('.'))
        } else {
            group.len() == 3
        };
        if !ok || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
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
        assert_eq!(
            format_value(1.0, &Unit::Other("per_week".into()), Lang::Vi),
            "1 lần/tuần"
        );
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("vi-VN"), Lang::Vi);
        assert_eq!(Lang::from_tag(""), Lang::Vi);
    }

    #[test]
    fn parses_vietnamese_numbers() {
        assert_eq!(parse_vi_number("76,55"), Some(76.55));
        assert_eq!(parse_vi_number("1.428.322"), Some(1_428_322.0));
        assert_eq!(parse_vi_number("3.000"), Some(3000.0));
        assert_eq!(parse_vi_number("08"), Some(8.0));
        assert_eq!(parse_vi_number("01"), Some(1.0));
        assert_eq!(parse_vi_number("0.25"), Some(0.25));
        assert_eq!(parse_vi_number("0.250"), Some(0.25));
        assert_eq!(parse_vi_number("1.5"), Some(1.5));
        assert_eq!(parse_vi_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_vi_number(" -1.234,5 "), Some(-1234.5));
        assert_eq!(parse_vi_number("+7"), Some(7.0));
        assert_eq!(parse_vi_number("−2,5"), Some(-2.5));
        for bad in [
            "", "-", ",5", "5,", "1,2,3", "1.2.3", "12.34,5", "1.", ".5", "7%", "abc", "1 000",
            "--1",
        ] {
            assert_eq!(parse_vi_number(bad), None, "{bad:?} should not parse");
        }
    }

    #[test]
    fn powers_of_ten_are_those_of_powi() {
        for n in 0..=22 {
            assert_eq!(pow10(n), 10f64.powi(n as i32), "10^{n}");
            assert_eq!(0.5 / pow10(n), 0.5 * 10f64.powi(-(n as i32)), "10^-{n}");
        }
    }

    #[test]
    fn round_is_std_round() {
        for x in [
            0.5,
            -0.5,
            1.5,
            2.5,
            -2.5,
            0.49999999999999994,
            -0.49999999999999994,
            4503599627370495.5,
            4503599627370497.0,
            1e300,
            -0.0,
            0.0,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(round(x).to_bits(), x.round().to_bits(), "{x:?}");
        }
        assert!(round(f64::NAN).is_nan());
    }

    proptest::proptest! {
        #[test]
        fn round_matches_std(bits in proptest::num::u64::ANY) {
            let x = f64::from_bits(bits);
            proptest::prop_assume!(!x.is_nan());
            proptest::prop_assert_eq!(round(x).to_bits(), x.round().to_bits());
        }

        #[test]
        fn round_matches_std_near_halves(n in -1_000_000_000i64..1_000_000_000, s in 0u32..=6) {
            let x = n as f64 / 10f64.powi(s as i32);
            proptest::prop_assert_eq!(round(x).to_bits(), x.round().to_bits());
        }

        /// What `format_fixed` shows in Vietnamese reads back as the same value, to the
        /// precision shown.
        #[test]
        fn vietnamese_format_round_trips(v in -1e12f64..1e12, d in 0usize..=6) {
            let shown = format_fixed(v, d, Lang::Vi);
            let back = parse_vi_number(&shown);
            let tol = 0.5 * 10f64.powi(-(d as i32)) + v.abs() * 1e-12;
            proptest::prop_assert!(
                matches!(back, Some(b) if (b - v).abs() <= tol),
                "{} -> {:?} -> {:?}", v, shown, back
            );
        }

        #[test]
        fn any_text_is_safe_to_parse(s in "\\PC{0,40}") {
            let _ = parse_vi_number(&s);
        }

        #[test]
        fn number_shaped_text_is_safe_to_parse(s in "[-+−]?[0-9.,]{0,24}") {
            if let Some(v) = parse_vi_number(&s) {
                proptest::prop_assert!(v.is_finite());
            }
        }
    }
}
