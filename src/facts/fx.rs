//! Yearly average exchange rates, bundled with the program, for ranking and charting amounts
//! in different currencies together. A converted figure is an approximation and is always shown
//! as one ("≈ $41 million"); the original amount stays beside it.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use super::Money;

/// Units of each currency per US dollar, by year.
static RATES: LazyLock<HashMap<String, BTreeMap<i32, f64>>> = LazyLock::new(|| {
    let table: HashMap<String, BTreeMap<String, f64>> =
        toml::from_str(include_str!("fx_rates.toml")).expect("bundled rate table parses");
    table
        .into_iter()
        .map(|(code, years)| {
            let years = years
                .into_iter()
                .map(|(y, rate)| (y.parse::<i32>().expect("year keys are numbers"), rate))
                .collect();
            (code, years)
        })
        .collect()
});

/// Units of `currency` per US dollar in `year` (the nearest year in the table when the table
/// does not reach it); `None` for a currency the table lacks.
pub fn rate(currency: &str, year: i32) -> Option<f64> {
    if currency == "USD" {
        return Some(1.0);
    }
    let years = RATES.get(currency)?;
    let after = years.range(year..).next();
    let before = years.range(..year).next_back();
    match (before, after) {
        (_, Some((&y, &r))) if y == year => Some(r),
        (Some((&yb, &rb)), Some((&ya, &ra))) => Some(if year - yb <= ya - year { rb } else { ra }),
        (Some((_, &r)), None) | (None, Some((_, &r))) => Some(r),
        (None, None) => None,
    }
}

/// `money` in US dollars at `year`'s average rate, rounded to the dollar.
pub fn to_usd(money: &Money, year: i32) -> Option<u64> {
    let r = rate(&money.currency, year)?;
    if r <= 0.0 {
        return None;
    }
    Some((money.amount as f64 / r).round() as u64)
}

/// US dollars in `currency` at `year`'s average rate.
pub fn from_usd(usd: u64, currency: &str, year: i32) -> Option<u64> {
    Some((usd as f64 * rate(currency, year)?).round() as u64)
}

/// Whether the table knows `currency`.
pub fn knows(currency: &str) -> bool {
    currency == "USD" || RATES.contains_key(currency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_rate_is_positive_and_every_currency_has_a_year() {
        assert!(RATES.len() >= 20);
        for (code, years) in RATES.iter() {
            assert_eq!(code.len(), 3, "{code}");
            assert!(!years.is_empty(), "{code}");
            assert!(years.values().all(|r| *r > 0.0), "{code}");
        }
    }

    #[test]
    fn converts_at_the_year_and_falls_back_to_the_nearest_year() {
        let eur = Money::new(100_000_000, "EUR");
        let in_2015 = to_usd(&eur, 2015).unwrap();
        let in_2021 = to_usd(&eur, 2021).unwrap();
        // The euro was weaker against the dollar in 2015 than in 2021.
        assert!(in_2015 < in_2021, "{in_2015} {in_2021}");
        assert!((100_000_000..130_000_000).contains(&in_2015));
        // Years outside the table use its nearest year.
        assert_eq!(to_usd(&eur, 1999), to_usd(&eur, 2012));
        assert_eq!(to_usd(&eur, 2031), to_usd(&eur, 2025));
        // Dollars stay dollars; an unknown currency is not guessed.
        assert_eq!(to_usd(&Money::new(5, "USD"), 2020), Some(5));
        assert_eq!(to_usd(&Money::new(5, "XYZ"), 2020), None);
        assert!(!knows("XYZ") && knows("KRW") && knows("USD"));
    }

    #[test]
    fn a_round_trip_through_dollars_keeps_the_amount() {
        let won = Money::new(22_000_000_000, "KRW");
        let usd = to_usd(&won, 2023).unwrap();
        let back = from_usd(usd, "KRW", 2023).unwrap();
        assert!(
            (back as i64 - 22_000_000_000i64).abs() < 1_000_000,
            "{back}"
        );
    }
}
