//! Reading dates as the dataset file writes them: a year, a month or a day, never more precise than the
//! source. The type itself is the core's [`Date`].

use ice_matrix_core::model::Date;

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in that month.
pub fn parse(s: &str) -> Result<Date, String> {
    let bad = || format!("\"{s}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    let parts: Vec<&str> = s.split('-').collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    if !matches!(lens.as_slice(), [4] | [4, 2] | [4, 2, 2])
        || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let num = |i: usize| parts.get(i).map_or(Ok(0), |p| p.parse::<u16>()).map_err(|_| bad());
    let (y, m, d) = (num(0)?, num(1)?, num(2)?);
    if parts.len() > 1 && !(1..=12).contains(&m) {
        return Err(format!("\"{s}\" has no month {m}"));
    }
    if parts.len() > 2 && (d == 0 || d > days_in_month(y, m as u8) as u16) {
        return Err(format!("\"{s}\" has no day {d} in that month"));
    }
    Ok(Date { y, m: m as u8, d: d as u8 })
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_round_trips() {
        for s in ["2019", "2019-08", "2019-08-22", "2024-02-29"] {
            assert_eq!(parse(s).unwrap().iso(), s);
        }
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for s in ["", "19", "2019-13", "2019-00", "2019-02-29", "2019-04-31", "2019/08/22", "2019-8-2", "２０１９"]
        {
            assert!(parse(s).is_err(), "{s} should be rejected");
        }
    }

    #[test]
    fn orders_by_year_then_month_then_day() {
        let (a, b, c) = (parse("2019").unwrap(), parse("2019-08").unwrap(), parse("2019-08-22").unwrap());
        assert!(a < b && b < c && c < parse("2020").unwrap());
    }
}
