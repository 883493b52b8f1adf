//! The form's dates: birth (a real past date) and start of rights (the first date on the
//! certificate of studies, within the current academic year).

use super::{required, Field, Finding, Problem};
use crate::date::Date;
use crate::rules::Rules;

/// Oldest age we believe: more is a typing mistake in the year.
const MAX_AGE: u32 = 120;

fn parse(field: Field, text: &str) -> Result<Date, Finding> {
    let text = required(field, text)?;
    text.parse().map_err(|_| {
        Finding::error(
            field,
            if short_year(text) { Problem::ShortYear } else { Problem::InvalidDate },
        )
    })
}

/// A day, month and year typed apart (`23/10/02`, as the date boxes hand them over) whose year
/// has fewer than four digits: the student wrote 02 for 2002, which is said as such rather
/// than "not a real date".
fn short_year(text: &str) -> bool {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let digits =
        |p: &str, max: usize| (1..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    matches!(parts[..], [d, m, y] if digits(d, 2) && digits(m, 2) && digits(y, 3))
}

/// A day, month and year typed apart whose day or month is 00 or XX, as some civil-status
/// documents print an unknown one, and whose year is whole.
fn unknown_day_or_month(text: &str) -> bool {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let unknown = |p: &str| {
        !p.is_empty() && p.len() <= 2 && p.chars().all(|c| matches!(c, '0' | 'x' | 'X' | '?'))
    };
    let year = |p: &str| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit());
    matches!(parts[..], [d, m, y] if (unknown(d) || unknown(m)) && year(y))
}

/// A real date of birth, not in the future, less than 120 years ago. A date whose day or month
/// is unknown (00, XX) gets its own message: the form needs a whole date, and the one to type
/// is the one the other documents give [secondary: legibase, quoting the instruction générale
/// of 2 November 2004 for the service central d'état civil: with only a year, a birth is
/// recorded on 31 December of that year].
///
/// # Errors
/// [`Problem::Required`], [`Problem::InvalidDate`], [`Problem::DateInFuture`] or
/// [`Problem::DateTooOld`].
pub fn birth_date(text: &str, today: Date) -> Result<Date, Finding> {
    if unknown_day_or_month(text) {
        return Err(Finding::error(Field::BirthDate, Problem::UnknownDayOrMonth));
    }
    let date = parse(Field::BirthDate, text)?;
    match date.age_on(today) {
        None => Err(Finding::error(Field::BirthDate, Problem::DateInFuture)),
        Some(age) if age > MAX_AGE => Err(Finding::error(Field::BirthDate, Problem::DateTooOld)),
        Some(_) => Ok(date),
    }
}

/// A real start date of rights, with warnings when it falls outside the academic year the
/// student registers for (from three months before its start to its end), or more than a
/// year from today.
///
/// # Errors
/// [`Problem::Required`] or [`Problem::InvalidDate`].
pub fn rights_start_date(
    text: &str,
    today: Date,
    rules: &Rules,
) -> Result<(Date, Vec<Finding>), Finding> {
    let date = parse(Field::RightsStartDate, text)?;
    let (first, _) = rules.academic_year(today);
    let start = rules.academic_year_start_date.unwrap_or_else(|| {
        let md = rules.defaults.academic_year_start;
        Date::from_ymd(first.into(), md.month.into(), md.day.into()).unwrap_or(today)
    });
    let days = |d: Date| d.to_unix_days();
    let mut warnings = Vec::new();
    if days(date) < days(start) - 92 || days(date) >= days(start) + 365 {
        warnings.push(Finding::warning(Field::RightsStartDate, Problem::OutsideAcademicYear));
    }
    if (days(date) - days(today)).abs() > 365 {
        warnings.push(Finding::warning(Field::RightsStartDate, Problem::FarFromToday));
    }
    Ok((date, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn birth_dates() {
        let today = d("2026-11-27");
        let cases = [
            ("2002-10-23", Ok("2002-10-23")),
            ("2026-11-27", Ok("2026-11-27")),
            ("", Err(Problem::Required)),
            ("23/10/2002", Err(Problem::InvalidDate)),
            ("23/10/02", Err(Problem::ShortYear)),
            ("1/1/890", Err(Problem::ShortYear)),
            ("23/x/02", Err(Problem::InvalidDate)),
            ("00/00/1998", Err(Problem::UnknownDayOrMonth)),
            ("XX/XX/1998", Err(Problem::UnknownDayOrMonth)),
            ("xx/5/1998", Err(Problem::UnknownDayOrMonth)),
            ("12/00/1998", Err(Problem::UnknownDayOrMonth)),
            ("0/3/1998", Err(Problem::UnknownDayOrMonth)),
            ("00/00/98", Err(Problem::ShortYear)),
            ("1890-05-01", Err(Problem::DateTooOld)),
            ("2002-02-30", Err(Problem::InvalidDate)),
            ("2026-11-28", Err(Problem::DateInFuture)),
            ("1900-01-01", Err(Problem::DateTooOld)),
        ];
        for (text, expected) in cases {
            let got = birth_date(text, today).map(|d| d.to_string()).map_err(|f| f.code);
            assert_eq!(got, expected.map(str::to_owned), "{text:?}");
        }
    }

    #[test]
    fn rights_start_dates_against_the_academic_year() {
        let rules = Rules::builtin().unwrap();
        let today = d("2026-11-27");
        let cases: [(&str, &[Problem]); 5] = [
            ("2026-09-01", &[]),
            ("2026-06-15", &[]),
            ("2026-02-01", &[Problem::OutsideAcademicYear]),
            ("2027-09-01", &[Problem::OutsideAcademicYear]),
            ("2024-09-01", &[Problem::OutsideAcademicYear, Problem::FarFromToday]),
        ];
        for (text, expected) in cases {
            let (_, warnings) = rights_start_date(text, today, &rules).unwrap();
            let codes: Vec<Problem> = warnings.iter().map(|w| w.code).collect();
            assert_eq!(codes, expected, "{text}");
        }
        assert_eq!(
            rights_start_date("2026-13-01", today, &rules).unwrap_err().code,
            Problem::InvalidDate
        );
    }
}
