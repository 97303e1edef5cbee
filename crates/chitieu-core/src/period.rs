//! Calendar dates and reporting periods.
//!
//! Plans state deadlines as years ("2025"), quarters ("Quý IV/2024"), months or days, and
//! report results for periods of the same shapes. Scoring needs one time axis, so every
//! period maps to the fractional year of its *end*: a target "by 2024" is due at the end
//! of 2024, and a result "for 2023" is known as of the end of 2023.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::messages::{Key, Message};

/// A calendar date (proleptic Gregorian), as used for `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A reporting period or deadline: a year, a quarter, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u8),
    Day(Date),
}

/// Why a date or period string was not understood. `Display` gives the English of
/// [`PeriodError::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError {
    pub input: String,
    pub what: &'static str,
    pub expected: &'static str,
}

impl PeriodError {
    /// The message, in either language.
    pub fn message(&self) -> Message {
        let key = if self.what == "date" {
            Key::DateInvalid
        } else {
            Key::PeriodInvalid
        };
        Message::new(key).with("input", self.input.as_str())
    }
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for PeriodError {}

const PERIOD_FORMS: &str = "YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD";
const DATE_FORM: &str = "YYYY-MM-DD";

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn days_in_year(year: i32) -> f64 {
    if is_leap(year) {
        366.0
    } else {
        365.0
    }
}

impl Date {
    /// A checked constructor: `None` for a day that does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Days since 1 January of the same year (0-based).
    fn ordinal0(self) -> u32 {
        (1..self.month)
            .map(|m| u32::from(days_in_month(self.year, m)))
            .sum::<u32>()
            + u32::from(self.day)
            - 1
    }

    /// The day's number on a continuous count (days since 1970-01-01), so that the
    /// difference of two dates is the days between them.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil, for the proleptic Gregorian calendar.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The instant at the *end* of this day, in fractional years: 2023-12-31 → 2024.0.
    pub fn end_as_year(self) -> f64 {
        f64::from(self.year) + f64::from(self.ordinal0() + 1) / days_in_year(self.year)
    }
}

impl Period {
    /// The first year the period touches.
    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
            Period::Day(d) => d.year,
        }
    }

    /// The last day of the period.
    pub fn last_day(self) -> Date {
        let (year, month) = match self {
            Period::Year(y) => (y, 12),
            Period::Quarter(y, q) => (y, q * 3),
            Period::Month(y, m) => (y, m),
            Period::Day(d) => return d,
        };
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// The end of the period in fractional years: "2023" → 2024.0, "2024-Q2" → 2024.4973.
    pub fn end_as_year(self) -> f64 {
        self.last_day().end_as_year()
    }

    /// Vietnamese label: "2024", "Quý IV/2024", "Tháng 11/2024", "23/11/2024".
    pub fn label_vi(self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Quarter(y, q) => format!("Quý {}/{y}", roman(q)),
            Period::Month(y, m) => format!("Tháng {m:02}/{y}"),
            Period::Day(d) => format!("{:02}/{:02}/{}", d.day, d.month, d.year),
        }
    }

    /// English label: "2024", "Q4 2024", "Nov 2024", "23 Nov 2024".
    pub fn label_en(self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let month = |m: u8| MONTHS[usize::from(m.clamp(1, 12)) - 1];
        match self {
            Period::Year(y) => y.to_string(),
            Period::Quarter(y, q) => format!("Q{q} {y}"),
            Period::Month(y, m) => format!("{} {y}", month(m)),
            Period::Day(d) => format!("{} {} {}", d.day, month(d.month), d.year),
        }
    }
}

fn roman(q: u8) -> &'static str {
    match q {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    }
}

/// Orders periods by their end, then by start (so "2024-Q4" comes before "2024").
impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |p: &Period| {
            let first = match *p {
                Period::Year(y) => (y, 1),
                Period::Quarter(y, q) => (y, q * 3 - 2),
                Period::Month(y, m) => (y, m),
                Period::Day(d) => (d.year, d.month),
            };
            (p.last_day(), std::cmp::Reverse(first))
        };
        key(self).cmp(&key(other))
    }
}

fn parse_num<T: FromStr>(s: &str, digits: usize) -> Option<T> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl FromStr for Date {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PeriodError {
            input: s.to_string(),
            what: "date",
            expected: DATE_FORM,
        };
        let mut parts = s.trim().split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        match (parse_num(y, 4), parse_num(m, 2), parse_num(d, 2)) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m, d).ok_or_else(err),
            _ => Err(err()),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let err = || PeriodError {
            input: s.to_string(),
            what: "period",
            expected: PERIOD_FORMS,
        };
        let parts: Vec<&str> = t.split('-').collect();
        match parts.as_slice() {
            [y] => parse_num(y, 4).map(Period::Year).ok_or_else(err),
            [y, q] if q.starts_with(['Q', 'q']) => {
                match (parse_num::<i32>(y, 4), parse_num::<u8>(&q[1..], 1)) {
                    (Some(y), Some(q @ 1..=4)) => Ok(Period::Quarter(y, q)),
                    _ => Err(err()),
                }
            }
            [y, m] => match (parse_num::<i32>(y, 4), parse_num::<u8>(m, 2)) {
                (Some(y), Some(m @ 1..=12)) => Ok(Period::Month(y, m)),
                _ => Err(err()),
            },
            [_, _, _] => t.parse::<Date>().map(Period::Day).map_err(|_| err()),
            _ => Err(err()),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Day(d) => d.fmt(f),
        }
    }
}

macro_rules! serde_via_str {
    ($t:ty, $expecting:expr) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $t;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$t, E> {
                        v.parse().map_err(E::custom)
                    }
                    // A bare year written as a number ("deadline": 2025) is accepted.
                    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<$t, E> {
                        self.visit_str(&v.to_string())
                    }
                    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<$t, E> {
                        self.visit_str(&v.to_string())
                    }
                }
                d.deserialize_any(V)
            }
        }
    };
}
serde_via_str!(Date, Key::ExpectDate.english());
serde_via_str!(Period, Key::ExpectPeriod.english());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_period_form() {
        assert_eq!("2024".parse(), Ok(Period::Year(2024)));
        assert_eq!("2024-Q4".parse(), Ok(Period::Quarter(2024, 4)));
        assert_eq!("2024-11".parse(), Ok(Period::Month(2024, 11)));
        assert_eq!(
            "2024-11-23".parse(),
            Ok(Period::Day(Date {
                year: 2024,
                month: 11,
                day: 23
            }))
        );
        for bad in [
            "",
            "24",
            "2024-Q5",
            "2024-13",
            "2023-02-29",
            "2024-1",
            "abcd",
            "2024-11-23-1",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn a_period_ends_at_the_end_of_its_last_day() {
        assert_eq!(Period::Year(2023).end_as_year(), 2024.0);
        // 2024 is a leap year: Jan–Jun hold 182 of its 366 days.
        let q2 = Period::Quarter(2024, 2).end_as_year();
        assert!((q2 - (2024.0 + 182.0 / 366.0)).abs() < 1e-12);
        assert_eq!(Period::Month(2024, 12).end_as_year(), 2025.0);
    }

    #[test]
    fn day_numbers_count_days() {
        let d = |s: &str| s.parse::<Date>().map(Date::day_number).unwrap_or(i64::MIN);
        assert_eq!(d("1970-01-01"), 0);
        assert_eq!(d("2024-03-01") - d("2024-02-28"), 2, "2024 is a leap year");
        assert_eq!(d("2023-03-01") - d("2023-02-28"), 1);
        assert_eq!(d("2025-01-01") - d("2024-01-01"), 366);
        assert_eq!(d("2000-03-01") - d("2000-02-28"), 2, "2000 is a leap year");
        assert_eq!(d("1969-12-31"), -1);
    }

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(Period::Quarter(2024, 4).label_vi(), "Quý IV/2024");
        assert_eq!(Period::Quarter(2024, 4).label_en(), "Q4 2024");
        assert_eq!(Period::Month(2024, 3).label_vi(), "Tháng 03/2024");
        assert_eq!(
            "2024-11-23".parse::<Period>().map(|p| p.label_vi()),
            Ok("23/11/2024".into())
        );
    }

    #[test]
    fn periods_order_by_their_end() {
        let mut v: Vec<Period> = ["2025", "2024-Q4", "2023", "2024-06", "2024"]
            .iter()
            .filter_map(|s| s.parse().ok())
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(|p| p.to_string()).collect();
        assert_eq!(s, ["2023", "2024-06", "2024-Q4", "2024", "2025"]);
    }

    #[test]
    fn serde_round_trip_and_numeric_year() {
        let p: Period = serde_json::from_str("2025").expect("numeric year");
        assert_eq!(p, Period::Year(2025));
        assert_eq!(
            serde_json::to_string(&Period::Quarter(2024, 4)).ok(),
            Some("\"2024-Q4\"".into())
        );
    }
}
