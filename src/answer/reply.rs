//! The reply model every front end renders: answer text, the facts behind it, numbered
//! citations. It holds raw text; renderers escape for their medium.

use chrono::NaiveDate;
use serde::Serialize;

use super::group::{RoundGroup, Supported};
use crate::error::Result;
use crate::facts::money::format_amount;
use crate::facts::store::FactStore;
use crate::facts::{Basis, Evidence, Origin, Qualifier, Role, Round, Valuation};
use crate::index::Hit;

/// A numbered source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// 1-based number the answer refers to.
    pub number: usize,
    /// Article path under `data/articles` (empty for a moderator correction).
    pub article: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// The quoted passage.
    pub passage: String,
    /// Byte range of `passage` that states the fact.
    pub highlight: Option<(usize, usize)>,
    /// Set when the source is a moderator's correction rather than an article.
    pub correction: Option<Correction>,
}

/// Who corrected a fact, and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    /// Moderator.
    pub by: String,
    /// When.
    pub at: String,
    /// Why.
    pub note: Option<String>,
    /// File under `data/facts/`.
    pub file: String,
}

/// Collects numbered citations, one per passage (or correction).
pub struct Citations<'a> {
    store: &'a FactStore,
    list: Vec<Citation>,
    /// What each citation stands for, to cite a passage only once.
    keys: Vec<String>,
}

impl<'a> Citations<'a> {
    /// An empty list.
    pub fn new(store: &'a FactStore) -> Self {
        Citations {
            store,
            list: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// The facts store the citations are read from.
    pub fn store(&self) -> &'a FactStore {
        self.store
    }

    /// How many citations there are, to drop those of a draft that is set aside.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether nothing is cited yet.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Drops the citations after the first `n` (see [`Citations::len`]).
    pub fn truncate(&mut self, n: usize) {
        self.list.truncate(n);
        self.keys.truncate(n);
    }

    /// The passage citation `number` quotes.
    pub fn passage(&self, number: usize) -> Option<&str> {
        self.list
            .get(number.checked_sub(1)?)
            .map(|c| c.passage.as_str())
    }

    fn find(&self, key: &str) -> Option<usize> {
        self.keys.iter().position(|k| k == key).map(|i| i + 1)
    }

    fn push(&mut self, key: String, mut citation: Citation) -> usize {
        citation.number = self.list.len() + 1;
        self.keys.push(key);
        self.list.push(citation);
        self.list.len()
    }

    /// Cites the passage holding `evidence`, highlighting its sentence.
    pub fn evidence(&mut self, ev: &Evidence) -> Result<Option<usize>> {
        let key = format!("p:{}#{}", ev.article, ev.passage);
        if let Some(n) = self.find(&key) {
            return Ok(Some(n));
        }
        let Some(meta) = self.store.article(&ev.article)? else {
            return Ok(None);
        };
        let Some((text, start, _end)) = self.store.passage(&ev.article, ev.passage)? else {
            return Ok(None);
        };
        let highlight = (ev.start >= start && ev.end <= start + text.len())
            .then(|| (ev.start - start, ev.end - start));
        Ok(Some(self.push(
            key,
            Citation {
                number: 0,
                article: meta.id,
                title: meta.title,
                source: meta.source,
                url: meta.url,
                published: meta.published,
                passage: text,
                highlight,
                correction: None,
            },
        )))
    }

    /// Cites a search hit.
    pub fn hit(&mut self, hit: &Hit, highlight: Option<(usize, usize)>) -> usize {
        let key = format!("p:{}#{}", hit.article, hit.ordinal);
        if let Some(n) = self.find(&key) {
            return n;
        }
        self.push(
            key,
            Citation {
                number: 0,
                article: hit.article.clone(),
                title: hit.title.clone(),
                source: hit.source.clone(),
                url: hit.url.clone(),
                published: hit.published,
                passage: hit.passage.clone(),
                highlight,
                correction: None,
            },
        )
    }

    /// Cites a moderator's correction.
    pub fn correction(&mut self, round: &Round) -> Option<usize> {
        let Origin::Curated { file, by, at, note } = &round.origin else {
            return None;
        };
        let key = format!("c:{file}:{by}:{at}:{}", note.as_deref().unwrap_or(""));
        if let Some(n) = self.find(&key) {
            return Some(n);
        }
        Some(
            self.push(
                key,
                Citation {
                    number: 0,
                    article: String::new(),
                    title: "Moderator correction".to_string(),
                    source: Some(format!("corrected by {by}")),
                    url: None,
                    published: NaiveDate::parse_from_str(at, "%Y-%m-%d").ok(),
                    passage: note
                        .clone()
                        .unwrap_or_else(|| "Fact entered by a moderator.".to_string()),
                    highlight: None,
                    correction: Some(Correction {
                        by: by.clone(),
                        at: at.clone(),
                        note: note.clone(),
                        file: file.clone(),
                    }),
                },
            ),
        )
    }

    /// The citations collected, in number order.
    pub fn into_vec(self) -> Vec<Citation> {
        self.list
    }
}

/// An amount with its citations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmountView {
    /// Whole units.
    pub amount: u64,
    /// ISO code.
    pub currency: String,
    /// "$600 million".
    pub text: String,
    /// Citation numbers.
    pub citations: Vec<usize>,
}

/// A name with its citations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameView {
    /// The investor.
    pub name: String,
    /// Citation numbers.
    pub citations: Vec<usize>,
}

/// A valuation report with its citations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValuationView {
    /// The figure (low end of a range).
    pub amount: u64,
    /// Upper end of a range.
    pub amount_max: Option<u64>,
    /// ISO code.
    pub currency: String,
    /// Hedge.
    pub qualifier: Qualifier,
    /// Pre- or post-money.
    pub basis: Basis,
    /// Who reported it.
    pub source: Option<String>,
    /// "more than $3 billion, according to Bloomberg".
    pub text: String,
    /// Citation numbers.
    pub citations: Vec<usize>,
}

/// A date with its citations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateView {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// "April 2018".
    pub text: String,
    /// Citation numbers.
    pub citations: Vec<usize>,
}

/// One round as shown to people, with every value cited; several values for one field mean
/// the sources disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundView {
    /// The company.
    pub company: String,
    /// Round type name (`series_c`).
    pub round: String,
    /// "Series C".
    pub label: String,
    /// Announced date(s).
    pub dates: Vec<DateView>,
    /// Round size(s).
    pub amounts: Vec<AmountView>,
    /// Lead investors.
    pub leads: Vec<NameView>,
    /// Other investors.
    pub investors: Vec<NameView>,
    /// Valuation reports.
    pub valuations: Vec<ValuationView>,
    /// Every citation of this round.
    pub citations: Vec<usize>,
    /// Whether a moderator wrote (part of) it.
    pub corrected: bool,
}

/// "more than $3 billion", "between $1 billion and $1.5 billion", "$2 billion post-money".
pub fn valuation_text(v: &Valuation) -> String {
    let figure = match v.amount_max {
        Some(max) => format!(
            "between {} and {}",
            format_amount(v.amount.amount, &v.amount.currency),
            format_amount(max, &v.amount.currency)
        ),
        None => format!(
            "{}{}",
            v.qualifier.words(),
            format_amount(v.amount.amount, &v.amount.currency)
        ),
    };
    let basis = match v.basis {
        Basis::Pre => " pre-money",
        Basis::Post => " post-money",
        Basis::Unspecified => "",
    };
    match &v.attribution {
        Some(source) => format!("{figure}{basis}, according to {source}"),
        None => format!("{figure}{basis}"),
    }
}

impl RoundView {
    /// Builds the view of a group, citing every value.
    pub fn build(group: &RoundGroup, cites: &mut Citations) -> Result<Self> {
        // Citation numbers for each account: its round sentence, or its correction.
        let mut account_cites: Vec<Vec<usize>> = Vec::new();
        for a in &group.accounts {
            let mut nums = Vec::new();
            if let Some(n) = cites.correction(a) {
                nums.push(n);
            }
            if let Some(ev) = &a.evidence {
                nums.extend(cites.evidence(ev)?);
            }
            account_cites.push(nums);
        }
        let cite_of =
            |s: &[usize], extra: &mut dyn FnMut(usize) -> Option<Vec<usize>>| -> Vec<usize> {
                let mut out: Vec<usize> = Vec::new();
                for &i in s {
                    let nums = extra(i).unwrap_or_else(|| account_cites[i].clone());
                    for n in nums {
                        if !out.contains(&n) {
                            out.push(n);
                        }
                    }
                }
                out
            };
        let amounts = group
            .amounts()
            .into_iter()
            .map(|s: Supported<_>| AmountView {
                amount: s.value.amount,
                currency: s.value.currency.clone(),
                text: format_amount(s.value.amount, &s.value.currency),
                citations: cite_of(&s.accounts, &mut |_| None),
            })
            .collect();
        let dates = group
            .dates()
            .into_iter()
            .map(|s| DateView {
                date: s.value.iso(),
                text: s.value.human(),
                citations: cite_of(&s.accounts, &mut |_| None),
            })
            .collect();
        let names = |role: Role, cites: &mut Citations| -> Result<Vec<NameView>> {
            let mut out = Vec::new();
            for s in group.investors(role) {
                let mut nums = Vec::new();
                for &i in &s.accounts {
                    let account = &group.accounts[i];
                    let ev = account
                        .investors
                        .iter()
                        .find(|p| {
                            crate::facts::names::key(&p.name) == crate::facts::names::key(&s.value)
                        })
                        .and_then(|p| p.evidence.clone());
                    let found = match ev {
                        Some(ev) => cites.evidence(&ev)?.into_iter().collect(),
                        None => account_cites[i].clone(),
                    };
                    for n in found {
                        if !nums.contains(&n) {
                            nums.push(n);
                        }
                    }
                }
                out.push(NameView {
                    name: s.value,
                    citations: nums,
                });
            }
            Ok(out)
        };
        let leads = names(Role::Lead, cites)?;
        let investors = names(Role::Participant, cites)?;
        let mut valuations = Vec::new();
        for s in group.valuations() {
            let mut nums = Vec::new();
            match &s.value.evidence {
                Some(ev) => nums.extend(cites.evidence(ev)?),
                None => {
                    for &i in &s.accounts {
                        nums.extend(account_cites[i].iter().copied());
                    }
                }
            }
            nums.dedup();
            valuations.push(ValuationView {
                amount: s.value.amount.amount,
                amount_max: s.value.amount_max,
                currency: s.value.amount.currency.clone(),
                qualifier: s.value.qualifier,
                basis: s.value.basis,
                source: s.value.attribution.clone(),
                text: valuation_text(&s.value),
                citations: nums,
            });
        }
        let mut citations: Vec<usize> = account_cites.iter().flatten().copied().collect();
        for v in leads.iter().chain(investors.iter()) {
            citations.extend(v.citations.iter().copied());
        }
        for v in &valuations {
            citations.extend(v.citations.iter().copied());
        }
        citations.sort_unstable();
        citations.dedup();
        Ok(RoundView {
            company: group.company.clone(),
            round: group.round.name(),
            label: group.label(),
            dates,
            amounts,
            leads,
            investors,
            valuations,
            citations,
            corrected: group
                .accounts
                .iter()
                .any(|a| matches!(a.origin, Origin::Curated { .. })),
        })
    }
}
