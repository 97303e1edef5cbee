//! Numbers, periods and dates as people type them into spreadsheet cells.
//!
//! Kept local to loading (not `crate::number`) on purpose: reading must accept what
//! Excel and LibreOffice write in a Vietnamese locale — `76,55`, `1.428.322`, `95,9%`,
//! `23/11/2024` — and say exactly what it did with an ambiguous cell, which display
//! formatting has no reason to know about.

use crate::messages::{Arg, Key, Message};
use crate::period::{Date, Period};

/// A number read from a cell, with a note when the reading was a guess.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellNumber {
    pub value: f64,
    /// Set for `1.289` or `76,550` when the file's own convention says that separator
    /// is not the decimal mark: one separator before exactly three digits could be
    /// either.
    pub ambiguous: Option<Message>,
}

/// Reads a number written with a decimal comma or point and optional thousands
/// separators; a trailing `%` is ignored (percent figures are stored as 76.55, not
/// 0.7655).
///
/// One separator is the decimal mark (`76,55` and `76.55` are both 76.55); a separator
/// that occurs several times, or before the other one, groups thousands (`1.428.322`,
/// `1,428,322.5`, `1.428.322,5`). `NaN` and infinities are refused.
pub fn read_number(cell: &str) -> Result<f64, String> {
    read_cell_number(cell, None)
        .map(|n| n.value)
        .map_err(|m| m.to_string())
}

/// [`read_number`], noting an ambiguous cell unless its lone separator is `decimal`,
/// the decimal mark the file is known to use.
pub(crate) fn read_cell_number(
    cell: &str,
    decimal_mark: Option<char>,
) -> Result<CellNumber, Message> {
    let bad = || Message::new(Key::CellNotNumber).with("cell", cell.trim());
    let mut s = cell.trim_matches(is_space);
    if let Some(rest) = s.strip_suffix('%') {
        s = rest.trim_end_matches(is_space);
    }
    let (negative, s) = match s.chars().next() {
        Some('-' | '−') => (true, &s[s.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    if let Some(e) = exponent {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
    }
    if mantissa.is_empty()
        || !mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space(c))
    {
        return Err(bad());
    }
    let dots = mantissa.matches('.').count();
    let commas = mantissa.matches(',').count();
    let spaced = mantissa.contains(is_space);
    // The decimal mark: the last of two different separators (which must then occur
    // once), or a lone separator. Anything else groups thousands.
    let decimal = if dots > 0 && commas > 0 {
        let d = if mantissa.rfind('.') > mantissa.rfind(',') {
            '.'
        } else {
            ','
        };
        if mantissa.matches(d).count() != 1 {
            return Err(bad());
        }
        Some(d)
    } else if dots + commas == 1 {
        Some(if dots == 1 { '.' } else { ',' })
    } else {
        None
    };
    let (int, frac) = match decimal {
        Some(d) => mantissa.split_once(d).unwrap_or((mantissa, "")),
        None => (mantissa, ""),
    };
    if frac.contains(|c: char| !c.is_ascii_digit()) {
        return Err(bad());
    }
    let int_digits = ungroup(int).ok_or_else(bad)?;
    if int_digits.is_empty() && frac.is_empty() {
        return Err(bad());
    }
    let mut plain = String::with_capacity(int_digits.len() + frac.len() + 8);
    if negative {
        plain.push('-');
    }
    plain.push_str(if int_digits.is_empty() {
        "0"
    } else {
        &int_digits
    });
    if !frac.is_empty() {
        plain.push('.');
        plain.push_str(frac);
    }
    if let Some(e) = exponent {
        plain.push('e');
        plain.push_str(e);
    }
    let value: f64 = plain.parse().map_err(|_| bad())?;
    if !value.is_finite() {
        return Err(Message::new(Key::CellOutOfRange).with("cell", cell.trim()));
    }
    let ambiguous = match decimal {
        Some(d)
            if decimal_mark != Some(d)
                && dots + commas == 1
                && !spaced
                && frac.len() == 3
                && (1..=3).contains(&int.len())
                && !int.starts_with('0') =>
        {
            Some(
                Message::new(Key::CellAmbiguous)
                    .with("cell", cell.trim())
                    .with("value", Arg::Num(plain))
                    .with("mark", d.to_string())
                    .with("thousands", format!("{int}{frac}")),
            )
        }
        _ => None,
    };
    Ok(CellNumber { value, ambiguous })
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}'
}

/// The digits of an integer part with optional thousands separators (`.`, `,`, spaces),
/// or `None` when the grouping is not in threes.
fn ungroup(int: &str) -> Option<String> {
    let groups: Vec<&str> = int
        .split(|c: char| c == '.' || c == ',' || is_space(c))
        .collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let digits: String = groups.concat();
    digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)
}

/// A period: the `chitieu/1` forms (`2024`, `2024-Q4`, `2024-11`, `2024-11-23`), and the
/// forms a Vietnamese spreadsheet shows (`Q4/2024`, `Quý IV/2024`, `11/2024`,
/// `23/11/2024`). The second value notes a day/month order that was a guess.
pub(crate) fn read_period(cell: &str) -> Result<(Period, Option<Message>), Message> {
    let t = cell.trim();
    if let Ok(p) = t.parse::<Period>() {
        return Ok((p, None));
    }
    let err = || Message::new(Key::CellNotPeriod).with("cell", t);
    let parts: Vec<&str> = t.split('/').map(str::trim).collect();
    match parts.as_slice() {
        [q, y] if q.starts_with(['Q', 'q']) || q.to_lowercase().starts_with("quý") => {
            let year = year4(y).ok_or_else(err)?;
            let n = quarter_number(q).ok_or_else(err)?;
            Ok((Period::Quarter(year, n), None))
        }
        [m, y] => {
            let (year, month) = (year4(y).ok_or_else(err)?, small(m).ok_or_else(err)?);
            if (1..=12).contains(&month) {
                Ok((Period::Month(year, month), None))
            } else {
                Err(err())
            }
        }
        [_, _, _] => read_date(t).map(|(d, note)| (Period::Day(d), note)),
        _ => Err(err()),
    }
}

/// A date: `2024-11-23`, or `23/11/2024` (day first, as written in Vietnam).
pub(crate) fn read_date(cell: &str) -> Result<(Date, Option<Message>), Message> {
    let t = cell.trim();
    if let Ok(d) = t.parse::<Date>() {
        return Ok((d, None));
    }
    let err = || Message::new(Key::CellNotDate).with("cell", t);
    let parts: Vec<&str> = t.split('/').map(str::trim).collect();
    let [d, m, y] = parts.as_slice() else {
        return Err(err());
    };
    let (day, month, year) = (
        small(d).ok_or_else(err)?,
        small(m).ok_or_else(err)?,
        year4(y).ok_or_else(err)?,
    );
    let date = Date::new(year, month, day).ok_or_else(err)?;
    let note = (day <= 12 && day != month).then(|| {
        Message::new(Key::CellDayFirst)
            .with("cell", t)
            .with("date", date.to_string())
    });
    Ok((date, note))
}

fn year4(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn small(s: &str) -> Option<u8> {
    ((1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn quarter_number(q: &str) -> Option<u8> {
    let lower = q.to_lowercase();
    let rest = lower
        .strip_prefix("quý")
        .or_else(|| lower.strip_prefix('q'))?
        .trim();
    match rest {
        "1" | "i" => Some(1),
        "2" | "ii" => Some(2),
        "3" | "iii" => Some(3),
        "4" | "iv" => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Option<f64> {
        read_number(s).ok()
    }

    #[test]
    fn reads_both_decimal_marks_and_groupings() {
        assert_eq!(n("76,55"), Some(76.55));
        assert_eq!(n("76.55"), Some(76.55));
        assert_eq!(n(" 95,9% "), Some(95.9));
        assert_eq!(n("1.428.322"), Some(1_428_322.0));
        assert_eq!(n("1,428,322"), Some(1_428_322.0));
        assert_eq!(n("1.428.322,5"), Some(1_428_322.5));
        assert_eq!(n("1,428,322.5"), Some(1_428_322.5));
        assert_eq!(n("1 428 322"), Some(1_428_322.0));
        assert_eq!(n("1\u{a0}428,5"), Some(1428.5));
        assert_eq!(n("-5"), Some(-5.0));
        assert_eq!(n("−5,5"), Some(-5.5));
        assert_eq!(n("+3"), Some(3.0));
        assert_eq!(n(",5"), Some(0.5));
        assert_eq!(n("1e3"), Some(1000.0));
        assert_eq!(n("0.000001"), Some(0.000001));
        for bad in [
            "",
            "-",
            "%",
            ".",
            "abc",
            "1,2,3",
            "1.2.3,4,5",
            "12.34.567",
            "NaN",
            "inf",
            "1e",
            "1e400",
            "1..2",
            "1,,2",
            "7x",
            "1.428,322.5",
        ] {
            assert_eq!(n(bad), None, "{bad:?} should not be a number");
        }
    }

    #[test]
    fn notes_a_lone_separator_before_three_digits() {
        let note =
            |s: &str, mark: Option<char>| read_cell_number(s, mark).ok().and_then(|n| n.ambiguous);
        let r = read_cell_number("1.289", Some(',')).expect("number");
        assert_eq!(r.value, 1.289);
        assert!(r
            .ambiguous
            .is_some_and(|m| m.to_string().contains("write 1289")));
        assert_eq!(
            note("1.289", Some('.')),
            None,
            "the file's own decimal mark"
        );
        assert!(note("1,289", None).is_some());
        assert_eq!(note("0,125", None), None, "grouping never starts with 0");
        assert_eq!(note("76,55", None), None);
    }

    #[test]
    fn reads_spreadsheet_periods_and_dates() {
        let p = |s: &str| read_period(s).map(|(p, _)| p.to_string()).ok();
        assert_eq!(p("2024-Q4").as_deref(), Some("2024-Q4"));
        assert_eq!(p("Q4/2024").as_deref(), Some("2024-Q4"));
        assert_eq!(p("Quý IV/2024").as_deref(), Some("2024-Q4"));
        assert_eq!(p("11/2024").as_deref(), Some("2024-11"));
        assert_eq!(p("23/11/2024").as_deref(), Some("2024-11-23"));
        assert_eq!(p("13/2024"), None);
        assert_eq!(p("31/02/2024"), None);
        assert!(read_date("03/04/2024").is_ok_and(|(_, note)| note.is_some()));
        assert!(read_date("23/11/2024").is_ok_and(|(_, note)| note.is_none()));
    }
}
