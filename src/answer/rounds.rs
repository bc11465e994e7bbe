//! Rounds across companies, by filter: round type, period, investor, smallest amount, currency;
//! newest or largest first, a page at a time. `fundbot rounds`, `/rounds` and the cross-company
//! questions of `ask` ("the largest rounds in 2024") all go through [`list`].
//!
//! Amounts in different currencies are ranked together through the bundled yearly exchange
//! rates ([`crate::facts::fx`]); a converted figure is marked "≈" and the stated one kept.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::group::RoundGroup;
use super::reply::{Citation, Citations, RoundView};
use crate::error::Result;
use crate::facts::store::FactStore;
use crate::facts::{fx, Money, RoundType};

/// The most rounds one page may hold.
pub const MAX_LIMIT: usize = 25;

/// Which rounds come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Newest announcement first; undated rounds last.
    #[default]
    Newest,
    /// Largest amount (in US dollars at the year's average rate) first.
    Largest,
}

/// A filter as people type it, before it is checked: every field is text.
#[derive(Debug, Clone, Default)]
pub struct FilterInput {
    /// "series-a", "Series A", "seed".
    pub round: Option<String>,
    /// "2024", "2024-03", "2024-03-15".
    pub from: Option<String>,
    /// Same forms as `from`; a year or month means its last day.
    pub to: Option<String>,
    /// An investor's name.
    pub investor: Option<String>,
    /// "100m", "$100 million", "€50m": the smallest amount.
    pub min_amount: Option<String>,
    /// "USD", "eur".
    pub currency: Option<String>,
    /// "newest" or "largest".
    pub sort: Option<String>,
    /// Rounds per page.
    pub limit: Option<i64>,
    /// 1-based page.
    pub page: Option<i64>,
}

/// A checked filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// Only this round type.
    pub round: Option<RoundType>,
    /// Announced on or after this day.
    pub from: Option<NaiveDate>,
    /// Announced on or before this day.
    pub to: Option<NaiveDate>,
    /// Only rounds this investor led or joined.
    pub investor: Option<String>,
    /// Only rounds of at least this amount (compared in US dollars when currencies differ).
    pub min_amount: Option<Money>,
    /// Only rounds stated in this currency.
    pub currency: Option<String>,
    /// Order.
    pub sort: Sort,
    /// Rounds per page.
    pub limit: usize,
    /// 1-based page.
    pub page: usize,
}

/// Why a filter was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FilterError {
    /// Not a round type fundbot knows.
    #[error("{0:?} is not a round type I know (try seed, pre-seed, pre-series-a, series-a … series-j, growth, debt, convertible, grant)")]
    UnknownRound(String),
    /// Not a date.
    #[error("{0:?} is not a date (use 2024, 2024-03 or 2024-03-15)")]
    BadDate(String),
    /// The period ends before it starts.
    #[error("the period starts ({from}) after it ends ({to})")]
    FromAfterTo {
        /// Start.
        from: NaiveDate,
        /// End.
        to: NaiveDate,
    },
    /// Not an amount, or a negative one.
    #[error("{0:?} is not an amount (use 100m, $100 million or €50m; amounts are not negative)")]
    BadAmount(String),
    /// Not a currency code fundbot can read.
    #[error("{0:?} is not a currency I know (use a code such as USD, EUR, INR, KRW)")]
    UnknownCurrency(String),
    /// Not "newest" or "largest".
    #[error("{0:?} is not a sort order (use newest or largest)")]
    BadSort(String),
    /// Limit or page out of range.
    #[error("{0}")]
    OutOfRange(String),
}

impl FilterInput {
    /// Checks every field; the first problem found is the error.
    pub fn check(&self) -> std::result::Result<Filter, FilterError> {
        let round = match clean(&self.round) {
            None => None,
            Some(r) => Some(
                RoundType::parse_name(r).ok_or_else(|| FilterError::UnknownRound(r.to_string()))?,
            ),
        };
        let from = match clean(&self.from) {
            None => None,
            Some(s) => Some(parse_day(s, false).ok_or_else(|| FilterError::BadDate(s.into()))?),
        };
        let to = match clean(&self.to) {
            None => None,
            Some(s) => Some(parse_day(s, true).ok_or_else(|| FilterError::BadDate(s.into()))?),
        };
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                return Err(FilterError::FromAfterTo { from, to });
            }
        }
        let currency = match clean(&self.currency) {
            None => None,
            Some(c) => {
                let code = c.to_ascii_uppercase();
                if code.len() != 3 || !fx::knows(&code) {
                    return Err(FilterError::UnknownCurrency(c.to_string()));
                }
                Some(code)
            }
        };
        let min_amount = match clean(&self.min_amount) {
            None => None,
            Some(s) => Some(
                parse_amount(s, currency.as_deref().unwrap_or("USD"))
                    .ok_or_else(|| FilterError::BadAmount(s.to_string()))?,
            ),
        };
        let sort = match clean(&self.sort).map(str::to_ascii_lowercase).as_deref() {
            None | Some("newest") | Some("latest") | Some("new") => Sort::Newest,
            Some("largest") | Some("biggest") | Some("size") => Sort::Largest,
            Some(other) => return Err(FilterError::BadSort(other.to_string())),
        };
        let limit = match self.limit {
            None => 10,
            Some(n) if (1..=MAX_LIMIT as i64).contains(&n) => n as usize,
            Some(n) => {
                return Err(FilterError::OutOfRange(format!(
                    "limit {n} is out of range (1 to {MAX_LIMIT})"
                )))
            }
        };
        let page = match self.page {
            None => 1,
            Some(n) if n >= 1 => n as usize,
            Some(n) => {
                return Err(FilterError::OutOfRange(format!(
                    "page {n} is out of range (pages start at 1)"
                )))
            }
        };
        Ok(Filter {
            round,
            from,
            to,
            investor: clean(&self.investor).map(str::to_string),
            min_amount,
            currency,
            sort,
            limit,
            page,
        })
    }
}

fn clean(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// "2024" (first or last day of the year), "2024-03", "2024-03-15".
fn parse_day(s: &str, end: bool) -> Option<NaiveDate> {
    let d = crate::facts::DateRef::parse_iso(s)?;
    Some(if end { d.end() } else { d.date })
}

/// "100m", "$100 million", "€50m", "2.5bn", "1000000"; `currency` when none is written.
fn parse_amount(s: &str, currency: &str) -> Option<Money> {
    let t = s.trim();
    if t.starts_with('-') || t.contains("-$") {
        return None;
    }
    // A bare number with an optional scale: the filter's currency.
    let lower = t.to_ascii_lowercase().replace(',', "");
    let digits = lower
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(lower.len());
    if digits > 0 {
        let scale = match lower[digits..].trim() {
            "" => Some(1.0),
            "k" | "thousand" => Some(1e3),
            "m" | "mn" | "mln" | "million" => Some(1e6),
            "b" | "bn" | "bln" | "billion" => Some(1e9),
            _ => None,
        };
        if let (Some(scale), Ok(n)) = (scale, lower[..digits].parse::<f64>()) {
            return (n.is_finite() && n >= 0.0)
                .then(|| Money::new((n * scale).round() as u64, currency));
        }
    }
    // A figure with its currency: "$100 million", "€50m", "₹150 crore".
    crate::facts::money::find_amounts(t)
        .into_iter()
        .find(|m| m.start == 0 && m.end >= t.len())
        .map(|m| m.money)
}

/// One listed round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedRound {
    /// The round, every value cited.
    pub round: RoundView,
    /// Its amount in US dollars at its year's average rate (`None` without an amount, or in a
    /// currency the rate table lacks).
    pub usd: Option<u64>,
    /// Whether `usd` is a conversion (shown as "≈").
    pub converted: bool,
}

/// A page of rounds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundsReply {
    /// The filter in words ("Series A rounds from 2024-01-01, newest first").
    pub description: String,
    /// Rounds that fit, on all pages.
    pub total: usize,
    /// This page (1-based).
    pub page: usize,
    /// Rounds per page.
    pub limit: usize,
    /// Pages in all.
    pub pages: usize,
    /// This page's rounds.
    pub rounds: Vec<ListedRound>,
    /// Rounds left out of a largest-first ranking because their currency has no rate.
    pub unranked: usize,
    /// Numbered sources of this page.
    pub citations: Vec<Citation>,
}

/// Rounds that fit a filter, sorted, each with its amount in dollars; and how many were left
/// out of a largest-first ranking for want of an exchange rate.
pub type Ranked = (Vec<(RoundGroup, Option<u64>)>, usize);

/// The rounds that fit `filter`, sorted, before paging.
pub fn matching(store: &FactStore, filter: &Filter) -> Result<Ranked> {
    let rounds = match (filter.from, filter.to) {
        (None, None) => store.all_rounds()?,
        (from, to) => {
            store.rounds_between(from.unwrap_or(NaiveDate::MIN), to.unwrap_or(NaiveDate::MAX))?
        }
    };
    let mut groups: Vec<RoundGroup> = super::ask::groups_by_company(rounds)
        .into_iter()
        .filter(|g| !g.company.is_empty() && !super::ask::is_market(&g.company))
        .filter(|g| filter.round.is_none_or(|r| g.round == r))
        .filter(|g| in_range(g, filter.from, filter.to))
        .collect();
    if let Some(investor) = &filter.investor {
        let name = store
            .find_investor(investor)?
            .map(|(_, n)| n)
            .unwrap_or_else(|| investor.clone());
        groups = super::ask::rounds_with_investor(&groups, &name);
    }
    let mut out: Vec<(RoundGroup, Option<u64>)> = Vec::new();
    let mut unranked = 0;
    for g in groups {
        let amount = g.amounts().first().map(|a| a.value.clone());
        if let Some(c) = &filter.currency {
            if amount.as_ref().is_none_or(|a| &a.currency != c) {
                continue;
            }
        }
        let usd = amount.as_ref().and_then(|a| fx::to_usd(a, year_of(&g)));
        if let Some(min) = &filter.min_amount {
            let Some(a) = &amount else { continue };
            let fits = if a.currency == min.currency {
                a.amount >= min.amount
            } else {
                match (usd, fx::to_usd(min, year_of(&g))) {
                    (Some(u), Some(m)) => u >= m,
                    _ => false,
                }
            };
            if !fits {
                continue;
            }
        }
        if filter.sort == Sort::Largest && usd.is_none() {
            if amount.is_some() {
                unranked += 1;
            }
            continue;
        }
        out.push((g, usd));
    }
    match filter.sort {
        Sort::Newest => out.sort_by(|a, b| {
            b.0.first_date()
                .cmp(&a.0.first_date())
                .then_with(|| b.1.cmp(&a.1))
        }),
        Sort::Largest => out.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| b.0.first_date().cmp(&a.0.first_date()))
        }),
    }
    Ok((out, unranked))
}

/// The page of rounds `filter` asks for, cited.
pub fn list(store: &FactStore, filter: &Filter) -> Result<RoundsReply> {
    let (all, unranked) = matching(store, filter)?;
    let total = all.len();
    let pages = total.div_ceil(filter.limit).max(1);
    let page = filter.page.min(pages);
    let mut cites = Citations::new(store);
    let mut rounds = Vec::new();
    for (g, usd) in all
        .into_iter()
        .skip((page - 1) * filter.limit)
        .take(filter.limit)
    {
        let converted = g
            .amounts()
            .first()
            .is_some_and(|a| a.value.currency != "USD");
        rounds.push(ListedRound {
            round: RoundView::build(&g, &mut cites)?,
            usd,
            converted,
        });
    }
    Ok(RoundsReply {
        description: describe(filter),
        total,
        page,
        limit: filter.limit,
        pages,
        rounds,
        unranked,
        citations: cites.into_vec(),
    })
}

/// The year a round's amount is converted at: its first date's, or this year's.
fn year_of(g: &RoundGroup) -> i32 {
    g.first_date()
        .map(|d| d.date.year())
        .unwrap_or_else(|| chrono::Local::now().year())
}

/// Whether any account's date overlaps the period (every round fits an open period; an undated
/// round fits none that has an end or a start).
fn in_range(g: &RoundGroup, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    g.accounts
        .iter()
        .filter_map(|a| a.date)
        .any(|d| from.is_none_or(|f| d.end() >= f) && to.is_none_or(|t| d.date <= t))
}

/// "Series A rounds from 2024-01-01 to 2024-12-31 with Northwind of at least $10 million,
/// newest first".
pub fn describe(f: &Filter) -> String {
    let mut s = match f.round {
        Some(r) => format!("{} rounds", r.label().trim_end_matches(" round")),
        None => "Rounds".to_string(),
    };
    match (f.from, f.to) {
        (Some(a), Some(b)) => s.push_str(&format!(" from {a} to {b}")),
        (Some(a), None) => s.push_str(&format!(" from {a}")),
        (None, Some(b)) => s.push_str(&format!(" up to {b}")),
        (None, None) => {}
    }
    if let Some(i) = &f.investor {
        s.push_str(&format!(" with {i}"));
    }
    if let Some(c) = &f.currency {
        s.push_str(&format!(" in {c}"));
    }
    if let Some(m) = &f.min_amount {
        s.push_str(&format!(" of at least {m}"));
    }
    s.push_str(match f.sort {
        Sort::Newest => ", newest first",
        Sort::Largest => ", largest first",
    });
    s
}

/// "≈ $19.5 million" for a converted amount; empty for dollars or no conversion.
pub fn approx_text(r: &ListedRound) -> String {
    match (r.converted, r.usd) {
        (true, Some(usd)) => format!("≈ {}", rounded_usd(usd)),
        _ => String::new(),
    }
}

/// Dollars to three significant figures, as a converted figure deserves ("$52.8 million").
pub fn rounded_usd(usd: u64) -> Money {
    let digits = usd.checked_ilog10().unwrap_or(0);
    let unit = 10u64.pow(digits.saturating_sub(2));
    Money::new((usd + unit / 2) / unit * unit, "USD")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> FilterInput {
        FilterInput::default()
    }

    #[test]
    fn a_filter_as_typed_is_checked_field_by_field() {
        let f = FilterInput {
            round: Some("series-b".into()),
            from: Some("2024".into()),
            to: Some("2024-06".into()),
            min_amount: Some("100m".into()),
            sort: Some("Largest".into()),
            limit: Some(5),
            ..input()
        }
        .check()
        .unwrap();
        assert_eq!(f.round, Some(RoundType::Series(1)));
        assert_eq!(f.from, NaiveDate::from_ymd_opt(2024, 1, 1));
        assert_eq!(f.to, NaiveDate::from_ymd_opt(2024, 6, 30));
        assert_eq!(f.min_amount, Some(Money::new(100_000_000, "USD")));
        assert_eq!(f.sort, Sort::Largest);
        assert_eq!((f.limit, f.page), (5, 1));
        assert_eq!(
            describe(&f),
            "Series B rounds from 2024-01-01 to 2024-06-30 of at least $100 million, largest first"
        );
    }

    #[test]
    fn amounts_keep_a_written_currency_and_otherwise_take_the_filter_currency() {
        let euro = FilterInput {
            min_amount: Some("€50m".into()),
            ..input()
        };
        assert_eq!(
            euro.check().unwrap().min_amount,
            Some(Money::new(50_000_000, "EUR"))
        );
        let crore = FilterInput {
            min_amount: Some("2.5bn".into()),
            currency: Some("inr".into()),
            ..input()
        };
        let f = crore.check().unwrap();
        assert_eq!(f.min_amount, Some(Money::new(2_500_000_000, "INR")));
        assert_eq!(f.currency.as_deref(), Some("INR"));
    }

    #[test]
    fn converted_figures_are_rounded_to_three_significant_figures() {
        assert_eq!(rounded_usd(52_840_000).to_string(), "$52.8 million");
        assert_eq!(rounded_usd(17_921_123).to_string(), "$17.9 million");
        assert_eq!(rounded_usd(1_234_567_890).to_string(), "$1.23 billion");
        assert_eq!(rounded_usd(7).to_string(), Money::new(7, "USD").to_string());
    }

    #[test]
    fn bad_filters_are_refused_with_the_reason() {
        let cases: Vec<(FilterInput, &str)> = vec![
            (
                FilterInput {
                    from: Some("2025-01-01".into()),
                    to: Some("2024-12-31".into()),
                    ..input()
                },
                "starts (2025-01-01) after it ends (2024-12-31)",
            ),
            (
                FilterInput {
                    round: Some("series z".into()),
                    ..input()
                },
                "not a round type",
            ),
            (
                FilterInput {
                    min_amount: Some("-5m".into()),
                    ..input()
                },
                "not an amount",
            ),
            (
                FilterInput {
                    min_amount: Some("lots".into()),
                    ..input()
                },
                "not an amount",
            ),
            (
                FilterInput {
                    from: Some("last tuesday".into()),
                    ..input()
                },
                "not a date",
            ),
            (
                FilterInput {
                    currency: Some("doubloons".into()),
                    ..input()
                },
                "not a currency",
            ),
            (
                FilterInput {
                    sort: Some("oldest".into()),
                    ..input()
                },
                "not a sort order",
            ),
            (
                FilterInput {
                    limit: Some(0),
                    ..input()
                },
                "out of range",
            ),
            (
                FilterInput {
                    page: Some(-1),
                    ..input()
                },
                "out of range",
            ),
        ];
        for (i, want) in cases {
            let err = i.check().unwrap_err().to_string();
            assert!(err.contains(want), "{err:?} lacks {want:?}");
        }
    }
}
