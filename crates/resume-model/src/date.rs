//! Calendar dates as résumés write them: a year, a month or a day.

use std::fmt;

/// A date of year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A start or end date as the author wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DateValue {
    Date(Date),
    /// Still ongoing.
    Present,
    /// A date that is not ISO 8601, kept as written (read leniently from JSON
    /// Resume files, e.g. "Spring 2019").
    Text(String),
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let err = |m: &str| {
            Err(DateError {
                message: m.to_string(),
            })
        };
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if parts.is_empty() || parts.len() > 3 || !digits(parts[0], 4) {
            return err("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if parts[1..].iter().any(|p| !digits(p, 2)) {
            return err("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
        }
        let year: u16 = parts[0].parse().unwrap_or(0);
        let month = parts.get(1).map(|m| m.parse::<u8>().unwrap_or(0));
        let day = parts.get(2).map(|d| d.parse::<u8>().unwrap_or(0));
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return err("the month must be between 01 and 12");
        }
        if let (Some(m), Some(d)) = (month, day)
            && (d == 0 || d > days_in_month(year, m))
        {
            return Err(DateError {
                message: format!("day {d:02} does not exist in {year}-{m:02}"),
            });
        }
        Ok(Date { year, month, day })
    }

    /// The earliest day this date can mean, for comparisons of mixed precision.
    /// The earliest day this date can mean: `2020` is 2020-01-01.
    pub fn first_day(self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day this date can mean.
    /// The latest day this date can mean: `2020` is 2020-12-31.
    pub fn last_day(self) -> (u16, u8, u8) {
        let m = self.month.unwrap_or(12);
        (
            self.year,
            m,
            self.day.unwrap_or(days_in_month(self.year, m)),
        )
    }

    /// True when a range from `self` to `end` runs backwards at every reading
    /// of the two precisions (so `2020` to `2020-03` is fine).
    pub fn is_after(self, end: Date) -> bool {
        self.first_day() > end.last_day()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl DateValue {
    /// Parses a date or `present` (any case).
    pub fn parse(s: &str) -> Result<DateValue, DateError> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("present") {
            return Ok(DateValue::Present);
        }
        Date::parse(t).map(DateValue::Date)
    }

    pub fn as_date(&self) -> Option<Date> {
        match self {
            DateValue::Date(d) => Some(*d),
            _ => None,
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Date(d) => d.fmt(f),
            DateValue::Present => f.write_str("present"),
            DateValue::Text(t) => f.write_str(t),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expect: &str) {
        let got = match DateValue::parse(input) {
            Ok(d) => d.to_string(),
            Err(e) => format!("error: {}", e.message),
        };
        assert_eq!(got, expect, "input {input:?}");
    }

    #[test]
    fn parses_dates() {
        check("2020", "2020");
        check("2020-06", "2020-06");
        check("2020-06-30", "2020-06-30");
        check("Present", "present");
        check(" present ", "present");
        check("2024-02-29", "2024-02-29");
        check("2023-02-29", "error: day 29 does not exist in 2023-02");
        check("2020-13", "error: the month must be between 01 and 12");
        check("2020-00", "error: the month must be between 01 and 12");
        check(
            "2020-6",
            "error: expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
        );
        check(
            "June 2020",
            "error: expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
        );
        check(
            "20200",
            "error: expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
        );
        check(
            "2020-06-01-02",
            "error: expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
        );
        check("", "error: expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
    }

    #[test]
    fn ordering_respects_precision() {
        let d = |s| Date::parse(s).unwrap();
        assert!(!d("2020").is_after(d("2020-03")));
        assert!(!d("2020-03").is_after(d("2020")));
        assert!(d("2021").is_after(d("2020-12")));
        assert!(d("2020-06-02").is_after(d("2020-06-01")));
        assert!(!d("2020-06").is_after(d("2020-06-01")));
    }
}
