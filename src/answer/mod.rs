//! Answers: a company's rounds (`facts`), an investor's rounds, and cited answers to questions.

pub mod ask;
pub mod group;
pub mod names;
pub mod question;
pub mod reader;
pub mod reply;

use serde::Serialize;

pub use ask::{ask, Confidence, Reply};
pub use group::{group, RoundGroup};
pub use names::NameIndex;
pub use question::{Context, Intent, Understood};
pub use reply::{Citation, Citations, RoundView};

use crate::error::Result;
use crate::facts::store::{CompanyMatch, FactStore};
use crate::facts::Role;

/// A company's funding history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactsReply {
    /// What was asked for.
    pub query: String,
    /// The company found, if any.
    pub company: Option<String>,
    /// Its rounds, oldest first.
    pub rounds: Vec<RoundView>,
    /// Numbered sources.
    pub citations: Vec<Citation>,
    /// Close names when the company was not found.
    pub suggestions: Vec<String>,
}

/// The rounds of the company named `name` (case, punctuation, suffixes and small typos
/// ignored). A typo only matches when a single company is that close.
pub fn company_facts(
    store: &FactStore,
    name: &str,
    round: Option<crate::facts::RoundType>,
) -> Result<FactsReply> {
    let mut reply = FactsReply {
        query: name.to_string(),
        company: None,
        rounds: Vec::new(),
        citations: Vec::new(),
        suggestions: Vec::new(),
    };
    let company = match store.find_company(name)? {
        CompanyMatch::Exact(c) => c,
        CompanyMatch::Close(list)
            if list.len() == 1
                && (crate::facts::names::acceptable_typo(name, &list[0].name)
                    || crate::facts::names::is_word_prefix(name, &list[0].name)) =>
        {
            list.into_iter().next().expect("one")
        }
        CompanyMatch::Close(list) => {
            reply.suggestions = list.into_iter().map(|c| c.name).collect();
            return Ok(reply);
        }
        CompanyMatch::None => return Ok(reply),
    };
    let mut cites = Citations::new(store);
    for g in group(store.rounds_for_company(company.id, false)?) {
        if round.is_some_and(|r| r != g.round) {
            continue;
        }
        reply.rounds.push(RoundView::build(&g, &mut cites)?);
    }
    reply.company = Some(company.name);
    reply.citations = cites.into_vec();
    Ok(reply)
}

/// One round an investor took part in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvestorRound {
    /// Whether the investor led it.
    pub lead: bool,
    /// The round.
    pub round: RoundView,
}

/// An investor's rounds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvestorReply {
    /// What was asked for.
    pub query: String,
    /// The investor found, if any.
    pub investor: Option<String>,
    /// Rounds, oldest first.
    pub rounds: Vec<InvestorRound>,
    /// Numbered sources.
    pub citations: Vec<Citation>,
}

/// The rounds an investor took part in, lead ones marked.
pub fn investor_facts(store: &FactStore, name: &str) -> Result<InvestorReply> {
    let mut reply = InvestorReply {
        query: name.to_string(),
        investor: None,
        rounds: Vec::new(),
        citations: Vec::new(),
    };
    let Some((id, investor)) = store.find_investor(name)? else {
        return Ok(reply);
    };
    let k = crate::facts::names::key(&investor);
    let mut cites = Citations::new(store);
    let mut by_company: Vec<Vec<crate::facts::Round>> = Vec::new();
    for r in store.rounds_for_investor(id)? {
        match by_company.iter_mut().find(|g| {
            crate::facts::names::key(&g[0].company) == crate::facts::names::key(&r.company)
        }) {
            Some(g) => g.push(r),
            None => by_company.push(vec![r]),
        }
    }
    let mut groups: Vec<RoundGroup> = by_company.into_iter().flat_map(group).collect();
    groups.sort_by_key(|g| g.first_date());
    for g in groups {
        let lead = g
            .investors(Role::Lead)
            .iter()
            .any(|s| crate::facts::names::key(&s.value) == k);
        reply.rounds.push(InvestorRound {
            lead,
            round: RoundView::build(&g, &mut cites)?,
        });
    }
    reply.investor = Some(investor);
    reply.citations = cites.into_vec();
    Ok(reply)
}
