//! Grouping accounts of one round: two articles about SenseTime's Series C are one round with
//! two accounts. Values the accounts agree on are stated once; values they disagree on are kept
//! side by side, each with its source.

use crate::facts::names::key;
use crate::facts::{DateRef, Money, Role, Round, RoundType, Valuation};

/// One funding round as told by one or more accounts.
#[derive(Debug, Clone)]
pub struct RoundGroup {
    /// The company.
    pub company: String,
    /// The round type (the named one, when any account names it).
    pub round: RoundType,
    /// The accounts, in store order.
    pub accounts: Vec<Round>,
}

/// A value and the accounts (indices into `accounts`) that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Supported<T> {
    /// The value.
    pub value: T,
    /// Which accounts state it.
    pub accounts: Vec<usize>,
}

impl RoundGroup {
    /// The round's name, with its tranche when one is named: "Series A2", "seed round".
    pub fn label(&self) -> String {
        match self.accounts.iter().find(|a| a.round == self.round) {
            Some(a) => a.label(),
            None => self.round.label(),
        }
    }

    /// Distinct amounts, most supported first.
    pub fn amounts(&self) -> Vec<Supported<Money>> {
        distinct(self.accounts.iter().map(|a| a.amount.clone()), |a, b| {
            a == b
        })
    }

    /// Distinct dates; a month and a day inside it count as the same date (the day is kept).
    pub fn dates(&self) -> Vec<Supported<DateRef>> {
        let mut out = distinct(
            self.accounts.iter().map(|a| a.date),
            |a: &DateRef, b: &DateRef| a.date <= b.end() && b.date <= a.end(),
        );
        // Prefer the more precise date of agreeing accounts.
        for s in &mut out {
            if let Some(best) = s
                .accounts
                .iter()
                .filter_map(|&i| self.accounts[i].date)
                .max_by_key(|d| d.precision)
            {
                s.value = best;
            }
        }
        out
    }

    /// The earliest date any account gives.
    pub fn first_date(&self) -> Option<DateRef> {
        self.accounts.iter().filter_map(|a| a.date).min()
    }

    /// Investors with `role` across accounts (a lead in any account is a lead).
    pub fn investors(&self, role: Role) -> Vec<Supported<String>> {
        let leads: Vec<String> = self
            .accounts
            .iter()
            .flat_map(|a| {
                a.investors
                    .iter()
                    .filter(|p| p.role == Role::Lead)
                    .map(|p| key(&p.name))
            })
            .collect();
        let mut out: Vec<Supported<String>> = Vec::new();
        for (i, a) in self.accounts.iter().enumerate() {
            for p in &a.investors {
                if p.role != role || (role == Role::Participant && leads.contains(&key(&p.name))) {
                    continue;
                }
                match out.iter_mut().find(|s| key(&s.value) == key(&p.name)) {
                    Some(s) if !s.accounts.contains(&i) => s.accounts.push(i),
                    Some(_) => {}
                    None => out.push(Supported {
                        value: p.name.clone(),
                        accounts: vec![i],
                    }),
                }
            }
        }
        out
    }

    /// Distinct valuation reports (same figure and source counts once).
    pub fn valuations(&self) -> Vec<Supported<Valuation>> {
        let mut out: Vec<Supported<Valuation>> = Vec::new();
        for (i, a) in self.accounts.iter().enumerate() {
            for v in &a.valuations {
                match out
                    .iter_mut()
                    .find(|s| s.value.amount == v.amount && s.value.attribution == v.attribution)
                {
                    Some(s) if !s.accounts.contains(&i) => s.accounts.push(i),
                    Some(_) => {}
                    None => out.push(Supported {
                        value: v.clone(),
                        accounts: vec![i],
                    }),
                }
            }
        }
        out
    }
}

fn distinct<T: Clone>(
    values: impl Iterator<Item = Option<T>>,
    same: impl Fn(&T, &T) -> bool,
) -> Vec<Supported<T>> {
    let mut out: Vec<Supported<T>> = Vec::new();
    for (i, v) in values.enumerate() {
        let Some(v) = v else { continue };
        match out.iter_mut().find(|s| same(&s.value, &v)) {
            Some(s) => s.accounts.push(i),
            None => out.push(Supported {
                value: v,
                accounts: vec![i],
            }),
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.accounts.len()));
    out
}

/// Whether two dates could be the same announcement (within about two months).
fn dates_compatible(a: Option<DateRef>, b: Option<DateRef>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let gap = if a.date > b.end() {
                (a.date - b.end()).num_days()
            } else if b.date > a.end() {
                (b.date - a.end()).num_days()
            } else {
                0
            };
            gap <= 62
        }
        _ => true,
    }
}

/// Groups one company's accounts into rounds, oldest first.
pub fn group(rounds: Vec<Round>) -> Vec<RoundGroup> {
    let mut groups: Vec<RoundGroup> = Vec::new();
    // Named rounds first, so unnamed accounts can join them.
    let (named, unnamed): (Vec<Round>, Vec<Round>) = rounds
        .into_iter()
        .partition(|r| r.round != RoundType::Unknown);
    for r in named {
        let company = key(&r.company);
        // "Series A1" and "Series A2" are two rounds.
        match groups.iter_mut().find(|g| {
            key(&g.company) == company
                && g.round == r.round
                && g.accounts.first().is_none_or(|a| a.tranche == r.tranche)
        }) {
            Some(g) => g.accounts.push(r),
            None => groups.push(RoundGroup {
                company: r.company.clone(),
                round: r.round,
                accounts: vec![r],
            }),
        }
    }
    for r in unnamed {
        let company = key(&r.company);
        let fits = |g: &RoundGroup| {
            key(&g.company) == company
                && g.accounts.iter().any(|a| {
                    let same_amount = a.amount.is_some() && a.amount == r.amount;
                    let dates_ok = dates_compatible(a.date, r.date);
                    (same_amount && dates_ok)
                        || (a.amount.is_none() || r.amount.is_none())
                            && a.date.is_some()
                            && r.date.is_some()
                            && a.date == r.date
                })
        };
        match groups.iter_mut().find(|g| fits(g)) {
            Some(g) => g.accounts.push(r),
            None => groups.push(RoundGroup {
                company: r.company.clone(),
                round: RoundType::Unknown,
                accounts: vec![r],
            }),
        }
    }
    groups.sort_by(|a, b| match (a.first_date(), b.first_date()) {
        (Some(x), Some(y)) => x.date.cmp(&y.date),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.round.cmp(&b.round),
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Basis, Participation, Qualifier};

    fn account(kind: RoundType, amount: Option<u64>, date: &str, article: &str) -> Round {
        let mut r = Round::new("SenseTime", kind, article);
        r.amount = amount.map(|a| Money::new(a, "USD"));
        r.date = DateRef::parse_iso(date);
        r
    }

    #[test]
    fn accounts_of_one_round_group_and_keep_their_disagreements() {
        let mut a = account(RoundType::Series(2), Some(600_000_000), "2018-04", "a.md");
        a.investors.push(Participation {
            name: "Alibaba".into(),
            role: Role::Lead,
            evidence: None,
        });
        a.valuations.push(Valuation {
            amount: Money::new(3_000_000_000, "USD"),
            amount_max: None,
            qualifier: Qualifier::MoreThan,
            basis: Basis::Unspecified,
            attribution: Some("Bloomberg".into()),
            evidence: None,
        });
        let mut b = account(RoundType::Unknown, Some(620_000_000), "2018-04-09", "b.md");
        b.investors.push(Participation {
            name: "Alibaba Group".into(),
            role: Role::Participant,
            evidence: None,
        });
        let c = account(
            RoundType::Series(2),
            Some(620_000_000),
            "2018-04-09",
            "c.md",
        );
        let july = account(RoundType::Unknown, Some(410_000_000), "2017-07", "a.md");
        let groups = group(vec![a, b, c, july]);
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].round, RoundType::Unknown);
        let series_c = &groups[1];
        assert_eq!(series_c.accounts.len(), 3);
        let amounts: Vec<u64> = series_c.amounts().iter().map(|s| s.value.amount).collect();
        assert_eq!(amounts, [620_000_000, 600_000_000]);
        assert_eq!(series_c.dates().len(), 1);
        assert_eq!(series_c.dates()[0].value.iso(), "2018-04-09");
        assert_eq!(series_c.investors(Role::Lead).len(), 1);
        assert!(
            series_c.investors(Role::Participant).is_empty(),
            "a lead elsewhere is a lead"
        );
    }
}
