//! Calendar dates, without a clock: "today" is always passed in.
//!
//! A [`Date`] is always a real day of the proleptic Gregorian calendar (parse, don't validate).

use std::fmt;
use std::str::FromStr;

/// A real calendar day, years 1000 to 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text or three numbers are not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` (or a part is not a number).
    Format,
    /// The year is outside 1000–9999.
    Year,
    /// The month is not 1–12.
    Month,
    /// The day does not exist in that month (30 February, 31 April…).
    Day,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Format => "expected a date as YYYY-MM-DD",
            DateError::Year => "the year must have four digits",
            DateError::Month => "the month must be between 1 and 12",
            DateError::Day => "that day does not exist in that month",
        })
    }
}

impl std::error::Error for DateError {}

const fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// 1970-01-01.
    pub const UNIX_EPOCH: Date = Date { year: 1970, month: 1, day: 1 };

    /// The date with these parts, if it exists.
    ///
    /// # Errors
    /// [`DateError::Year`], [`DateError::Month`] or [`DateError::Day`] for a part out of range.
    pub fn from_ymd(year: u32, month: u32, day: u32) -> Result<Self, DateError> {
        let year = u16::try_from(year)
            .ok()
            .filter(|y| (1000..=9999).contains(y))
            .ok_or(DateError::Year)?;
        let month =
            u8::try_from(month).ok().filter(|m| (1..=12).contains(m)).ok_or(DateError::Month)?;
        let day = u8::try_from(day)
            .ok()
            .filter(|&d| d >= 1 && d <= days_in_month(year, month))
            .ok_or(DateError::Day)?;
        Ok(Self { year, month, day })
    }

    /// Reads three form fields (day, month, year) as typed: spaces are trimmed, a missing or
    /// non-numeric part is a [`DateError::Format`].
    ///
    /// # Errors
    /// As [`Date::from_ymd`], or [`DateError::Format`].
    pub fn from_fields(day: &str, month: &str, year: &str) -> Result<Self, DateError> {
        let number = |s: &str| -> Result<u32, DateError> {
            let s = s.trim();
            if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Format);
            }
            s.parse().map_err(|_| DateError::Format)
        };
        Self::from_ymd(number(year)?, number(month)?, number(day)?)
    }

    /// The day `days` days after 1970-01-01 (negative: before), as a clock gives it.
    /// Howard Hinnant's `civil_from_days`.
    #[must_use]
    pub fn from_unix_days(days: i64) -> Option<Self> {
        // Years 1000–9999 lie well within ±4 million days; beyond, the arithmetic could overflow.
        if days.unsigned_abs() > 4_000_000 {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::from_ymd(
            u32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
        .ok()
    }

    /// Days since 1970-01-01 (negative before): Howard Hinnant's `days_from_civil`.
    #[must_use]
    pub fn to_unix_days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The year.
    #[must_use]
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    #[must_use]
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    #[must_use]
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Full years of age on `today` of someone born on `self`; `None` if `self` is after `today`.
    /// Someone born on 29 February turns a year older on 1 March in common years.
    #[must_use]
    pub fn age_on(self, today: Date) -> Option<u32> {
        if self > today {
            return None;
        }
        let mut age = u32::from(today.year - self.year);
        if (today.month, today.day) < (self.month, self.day) {
            age -= 1;
        }
        Some(age)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads `YYYY-MM-DD` (ISO 8601), surrounding spaces allowed.
    fn from_str(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        Self::from_fields(&s[8..10], &s[5..7], &s[0..4])
    }
}

impl Date {
    /// The day `days` later (earlier when negative); `None` outside years 1000–9999.
    #[must_use]
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_unix_days(self.to_unix_days().checked_add(days)?)
    }

    /// The same day `months` calendar months later, or the month's last day when it is
    /// shorter (31 December + 2 months = 28 or 29 February); `None` outside years 1000–9999.
    #[must_use]
    pub fn add_months(self, months: u32) -> Option<Date> {
        let index = u32::from(self.month()) - 1 + months;
        let (year, month) = (u32::from(self.year()) + index / 12, index % 12 + 1);
        (1..=u32::from(self.day())).rev().find_map(|day| Date::from_ymd(year, month, day).ok())
    }

    /// As people write it: "14 May 2003" in English, "14 mai 2003" in French, "2003年5月14日"
    /// in Chinese (the catalog's `month.date`).
    #[must_use]
    pub fn long(self, lang: crate::Lang) -> String {
        use crate::Msg;
        const MONTHS: [Msg; 12] = [
            Msg::MonthM01,
            Msg::MonthM02,
            Msg::MonthM03,
            Msg::MonthM04,
            Msg::MonthM05,
            Msg::MonthM06,
            Msg::MonthM07,
            Msg::MonthM08,
            Msg::MonthM09,
            Msg::MonthM10,
            Msg::MonthM11,
            Msg::MonthM12,
        ];
        let month = MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        // French writes the first of the month as an ordinal: "1er septembre".
        let day = if self.day == 1 {
            lang.text(Msg::MonthFirst).to_owned()
        } else {
            self.day.to_string()
        };
        crate::i18n::fill(
            lang.text(Msg::MonthDate),
            &[("day", &day), ("month", lang.text(month)), ("year", &self.year.to_string())],
        )
    }

    /// `YYYYMMDD`, as calendar files write dates.
    #[must_use]
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

crate::vocabulary! {
    /// One of the three date fields, as the GOV.UK date pattern splits them; the code ends
    /// the ids of their inputs (`birth-day`) and their keys in the kept answers.
    pub enum DatePart as "date part" {
        /// Day of the month.
        Day = "day" => "width-2",
        /// Month number.
        Month = "month" => "width-2",
        /// Four-digit year.
        Year = "year" => "width-4",
    }
    /// The width class of its input.
    data fn width -> &'static str;
    messages {
        label = "question." code,
    }
}

/// A date as typed in three fields, kept exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateFields {
    /// Day field.
    pub day: String,
    /// Month field.
    pub month: String,
    /// Year field.
    pub year: String,
}

impl DateFields {
    /// The date as `YYYY-MM-DD` for the field checks: empty while every field is empty, the
    /// date once real, and the fields as typed otherwise (which the checks call invalid).
    #[must_use]
    pub fn iso(&self) -> String {
        match self.parse() {
            Some(Ok(date)) => date.to_string(),
            _ if [&self.day, &self.month, &self.year].iter().all(|f| f.trim().is_empty()) => {
                String::new()
            }
            _ => format!("{}/{}/{}", self.day.trim(), self.month.trim(), self.year.trim()),
        }
    }

    /// The text of one part.
    #[must_use]
    pub fn part(&self, part: DatePart) -> &str {
        match part {
            DatePart::Day => &self.day,
            DatePart::Month => &self.month,
            DatePart::Year => &self.year,
        }
    }

    /// The text of one part, to change it.
    pub fn part_mut(&mut self, part: DatePart) -> &mut String {
        match part {
            DatePart::Day => &mut self.day,
            DatePart::Month => &mut self.month,
            DatePart::Year => &mut self.year,
        }
    }

    /// `None` while a field is empty; then the date, or why it is not one.
    #[must_use]
    pub fn parse(&self) -> Option<Result<Date, DateError>> {
        if [&self.day, &self.month, &self.year].iter().any(|f| f.trim().is_empty()) {
            return None;
        }
        Some(Date::from_fields(&self.day, &self.month, &self.year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_added_as_calendars_count_them() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2026-08-28").add_months(2), Some(d("2026-10-28")));
        assert_eq!(d("2026-12-31").add_months(2), Some(d("2027-02-28")));
        assert_eq!(d("2027-12-31").add_months(2), Some(d("2028-02-29")));
        assert_eq!(d("2026-11-30").add_months(3), Some(d("2027-02-28")));
        assert_eq!(d("2026-01-15").add_months(0), Some(d("2026-01-15")));
        assert_eq!(d("9999-12-01").add_months(1), None);
    }

    #[test]
    fn dates_move_by_days_and_read_in_each_language() {
        let d: Date = "2026-12-30".parse().unwrap();
        assert_eq!(d.add_days(3).map(|d| d.to_string()).as_deref(), Some("2027-01-02"));
        assert_eq!(d.add_days(-365).map(|d| d.to_string()).as_deref(), Some("2025-12-30"));
        assert_eq!(d.long(crate::Lang::En), "30 December 2026");
        assert_eq!(d.long(crate::Lang::Fr), "30 décembre 2026");
        assert_eq!(d.compact(), "20261230");
        let first: Date = "2026-09-01".parse().unwrap();
        assert_eq!(first.long(crate::Lang::Fr), "1er septembre 2026");
        assert_eq!(first.long(crate::Lang::En), "1 September 2026");
        assert_eq!(Date::UNIX_EPOCH.add_days(i64::MAX), None);
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn parses_real_dates_and_refuses_the_others() {
        type Parts = Result<(u16, u8, u8), DateError>;
        let cases: [(&str, Parts); 12] = [
            ("2002-10-23", Ok((2002, 10, 23))),
            (" 2024-02-29 ", Ok((2024, 2, 29))),
            ("2000-02-29", Ok((2000, 2, 29))),
            ("1900-02-29", Err(DateError::Day)),
            ("2023-02-29", Err(DateError::Day)),
            ("2026-04-31", Err(DateError::Day)),
            ("2026-13-01", Err(DateError::Month)),
            ("2026-00-10", Err(DateError::Month)),
            ("0999-01-01", Err(DateError::Year)),
            ("2026-1-01", Err(DateError::Format)),
            ("23/10/2002", Err(DateError::Format)),
            ("2026-+1-01", Err(DateError::Format)),
        ];
        for (text, expected) in cases {
            let got = text.parse::<Date>().map(|d| (d.year(), d.month(), d.day()));
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn reads_three_form_fields() {
        assert_eq!(Date::from_fields(" 3", "7 ", "2008"), Ok(d("2008-07-03")));
        assert_eq!(Date::from_fields("", "7", "2008"), Err(DateError::Format));
        assert_eq!(Date::from_fields("3", "July", "2008"), Err(DateError::Format));
        assert_eq!(Date::from_fields("31", "6", "2008"), Err(DateError::Day));
        assert_eq!(Date::from_fields("1", "1", "08"), Err(DateError::Year));
        assert_eq!(Date::from_fields("99999", "1", "2008"), Err(DateError::Format));
    }

    #[test]
    fn counts_days_from_the_unix_epoch() {
        assert_eq!(Date::from_unix_days(0), Some(d("1970-01-01")));
        assert_eq!(Date::from_unix_days(-1), Some(d("1969-12-31")));
        assert_eq!(Date::from_unix_days(11_016), Some(d("2000-02-29")));
        assert_eq!(Date::from_unix_days(20_784), Some(d("2026-11-27")));
        assert_eq!(Date::from_unix_days(i64::MAX / 2), None);
        for days in [-354_285, -1, 0, 11_016, 20_784, 2_932_896] {
            let date = Date::from_unix_days(days).unwrap();
            assert_eq!(date.to_unix_days(), days, "{date}");
        }
    }

    #[test]
    fn age_turns_on_the_birthday() {
        let born = d("2010-11-27");
        assert_eq!(born.age_on(d("2026-11-26")), Some(15));
        assert_eq!(born.age_on(d("2026-11-27")), Some(16));
        assert_eq!(born.age_on(d("2010-11-27")), Some(0));
        assert_eq!(born.age_on(d("2010-11-26")), None);
        let leap = d("2008-02-29");
        assert_eq!(leap.age_on(d("2024-02-28")), Some(15));
        assert_eq!(leap.age_on(d("2024-02-29")), Some(16));
        assert_eq!(leap.age_on(d("2025-02-28")), Some(16));
    }

    #[test]
    fn displays_and_round_trips_as_iso_8601() {
        for text in ["2002-10-23", "1000-01-01", "9999-12-31"] {
            assert_eq!(d(text).to_string(), text);
        }
    }
}
