//! `/rounds` pages: the Previous/Next buttons carry the whole filter in their `custom_id`, so a
//! button keeps working after the bot restarts. Discord allows 100 characters; a filter too
//! long for that (a long investor name) is kept in memory under a short key instead, and a
//! press after a restart then gets a calm "run /rounds again".

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::NaiveDate;

use crate::answer::rounds::{Filter, Sort};
use crate::facts::{Money, RoundType};

/// The prefix of every `/rounds` button id.
pub const PREFIX: &str = "rounds:";
const MAX_ID: usize = 100;
const KEPT: usize = 512;

/// Filters too long for a button id, by key.
#[derive(Default)]
pub struct Kept {
    inner: Mutex<(u64, HashMap<u64, Filter>)>,
}

impl Kept {
    /// The button id for `page` of `filter`.
    pub fn id(&self, filter: &Filter, page: usize) -> String {
        let id = format!("{PREFIX}{page}:{}", encode(filter));
        if id.len() <= MAX_ID {
            return id;
        }
        let Ok(mut g) = self.inner.lock() else {
            return format!("{PREFIX}{page}:@0");
        };
        let (next, map) = &mut *g;
        // Reuse the key of an equal filter so pages of one list share it.
        let key = match map.iter().find(|(_, f)| *f == filter) {
            Some((k, _)) => *k,
            None => {
                *next += 1;
                if map.len() >= KEPT {
                    let oldest = *map.keys().min().expect("not empty");
                    map.remove(&oldest);
                }
                map.insert(*next, filter.clone());
                *next
            }
        };
        format!("{PREFIX}{page}:@{key}")
    }

    /// The filter and page a button id stands for; `None` for an id this bot did not make or
    /// no longer knows.
    pub fn read(&self, id: &str) -> Option<Filter> {
        let rest = id.strip_prefix(PREFIX)?;
        let (page, body) = rest.split_once(':')?;
        let page: usize = page.parse().ok().filter(|p| *p >= 1)?;
        let mut filter = match body.strip_prefix('@') {
            Some(key) => {
                let key: u64 = key.parse().ok()?;
                self.inner.lock().ok()?.1.get(&key)?.clone()
            }
            None => decode(body)?,
        };
        filter.page = page;
        Some(filter)
    }
}

/// `series_b|2024-01-01|2024-12-31|100000000 USD|USD|l|10|Northwind`: empty fields are unset;
/// the investor comes last so it may hold any character.
fn encode(f: &Filter) -> String {
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    [
        f.round.map(|r| r.name()).unwrap_or_default(),
        day(f.from),
        day(f.to),
        f.min_amount
            .as_ref()
            .map(|m| format!("{} {}", m.amount, m.currency))
            .unwrap_or_default(),
        f.currency.clone().unwrap_or_default(),
        match f.sort {
            Sort::Newest => "n".into(),
            Sort::Largest => "l".into(),
        },
        f.limit.to_string(),
        f.investor.clone().unwrap_or_default(),
    ]
    .join("|")
}

fn decode(s: &str) -> Option<Filter> {
    let parts: Vec<&str> = s.splitn(8, '|').collect();
    let [round, from, to, min, currency, sort, limit, investor] = parts.as_slice() else {
        return None;
    };
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let day = |s: &str| -> Option<Option<NaiveDate>> {
        if s.is_empty() {
            Some(None)
        } else {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Some)
        }
    };
    let round = if round.is_empty() {
        None
    } else {
        Some(RoundType::parse_name(round)?)
    };
    let min_amount = if min.is_empty() {
        None
    } else {
        let (amount, code) = min.split_once(' ')?;
        Some(Money::new(amount.parse().ok()?, code))
    };
    Some(Filter {
        round,
        from: day(from)?,
        to: day(to)?,
        investor: opt(investor),
        min_amount,
        currency: opt(currency),
        sort: match *sort {
            "l" => Sort::Largest,
            "n" => Sort::Newest,
            _ => return None,
        },
        limit: limit
            .parse()
            .ok()
            .filter(|l| (1..=crate::answer::rounds::MAX_LIMIT).contains(l))?,
        page: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter() -> Filter {
        Filter {
            round: Some(RoundType::Series(1)),
            from: NaiveDate::from_ymd_opt(2024, 1, 1),
            to: NaiveDate::from_ymd_opt(2024, 12, 31),
            investor: Some("Northwind | Partners".into()),
            min_amount: Some(Money::new(100_000_000, "EUR")),
            currency: None,
            sort: Sort::Largest,
            limit: 5,
            page: 1,
        }
    }

    #[test]
    fn a_button_id_carries_the_filter_and_the_page() {
        let kept = Kept::default();
        let id = kept.id(&filter(), 3);
        assert!(id.len() <= MAX_ID && !id.contains('@'), "{id}");
        let back = kept.read(&id).unwrap();
        assert_eq!(
            back,
            Filter {
                page: 3,
                ..filter()
            }
        );
        // It survives a restart: a fresh keeper reads it too.
        assert_eq!(Kept::default().read(&id), Some(back));
    }

    #[test]
    fn a_filter_too_long_for_an_id_is_kept_under_a_key() {
        let kept = Kept::default();
        let long = Filter {
            investor: Some("A Very Long Investor Name ".repeat(5)),
            ..filter()
        };
        let p2 = kept.id(&long, 2);
        let p3 = kept.id(&long, 3);
        assert!(p2.contains('@') && p2.len() <= MAX_ID, "{p2}");
        assert_eq!(p2.rsplit(':').next(), p3.rsplit(':').next());
        assert_eq!(kept.read(&p3).unwrap().page, 3);
        // After a restart the key is unknown: no filter, not a wrong one.
        assert_eq!(Kept::default().read(&p3), None);
    }

    #[test]
    fn foreign_and_damaged_ids_are_refused() {
        let kept = Kept::default();
        for id in [
            "rounds:none:next",
            "rounds:0:|||||n|10|",
            "rounds:2:series_z|||||n|10|",
            "rounds:2:|2024-13-01||||n|10|",
            "rounds:2:|||||n|99|",
            "rounds:2:|||||x|10|",
            "vote:up:123",
            "rounds:2",
        ] {
            assert_eq!(kept.read(id), None, "{id}");
        }
        assert!(kept.read("rounds:2:|||||n|10|").is_some());
    }
}
