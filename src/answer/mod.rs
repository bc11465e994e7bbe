//! Answers: a company's rounds (`facts`), an investor's rounds, and cited answers to questions.

pub mod ask;
pub mod group;
pub mod names;
pub mod question;
pub mod reader;
pub mod reply;
pub mod rounds;

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

/// Close names offered when a name is not clear.
pub type Suggestions = Vec<String>;

/// An investor's rounds, each with whether it led.
pub type Deals = Vec<(RoundGroup, bool)>;

/// The company `name` stands for (case, punctuation, suffixes and small typos ignored; a typo
/// only matches when a single company is that close): its name and its rounds grouped, oldest
/// first; or the close names when it is not clear which.
pub fn company_groups(
    store: &FactStore,
    name: &str,
) -> Result<std::result::Result<(String, Vec<RoundGroup>), Suggestions>> {
    let company = match store.find_company(name)? {
        CompanyMatch::Exact(c) => c,
        CompanyMatch::Close(list)
            if list.len() == 1
                && (crate::facts::names::acceptable_typo(name, &list[0].name)
                    || crate::facts::names::is_word_prefix(name, &list[0].name)) =>
        {
            list.into_iter().next().expect("one")
        }
        CompanyMatch::Close(list) => return Ok(Err(list.into_iter().map(|c| c.name).collect())),
        CompanyMatch::None => return Ok(Err(Vec::new())),
    };
    let groups = group(store.rounds_for_company(company.id, false)?);
    Ok(Ok((company.name, groups)))
}

/// The rounds of the company named `name` (see [`company_groups`]).
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
    let (company, groups) = match company_groups(store, name)? {
        Ok(found) => found,
        Err(suggestions) => {
            reply.suggestions = suggestions;
            return Ok(reply);
        }
    };
    let mut cites = Citations::new(store);
    for g in groups {
        if round.is_some_and(|r| r != g.round) {
            continue;
        }
        reply.rounds.push(RoundView::build(&g, &mut cites)?);
    }
    reply.company = Some(company);
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

/// The investor `name` stands for, and its rounds grouped, oldest first, each with whether
/// it led the round.
pub fn investor_groups(store: &FactStore, name: &str) -> Result<Option<(String, Deals)>> {
    let Some((id, investor)) = store.find_investor(name)? else {
        return Ok(None);
    };
    let k = crate::facts::names::key(&investor);
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
    let deals = groups
        .into_iter()
        .map(|g| {
            let lead = g
                .investors(Role::Lead)
                .iter()
                .any(|s| crate::facts::names::key(&s.value) == k);
            (g, lead)
        })
        .collect();
    Ok(Some((investor, deals)))
}

/// The rounds an investor took part in, lead ones marked.
pub fn investor_facts(store: &FactStore, name: &str) -> Result<InvestorReply> {
    let mut reply = InvestorReply {
        query: name.to_string(),
        investor: None,
        rounds: Vec::new(),
        citations: Vec::new(),
    };
    let Some((investor, deals)) = investor_groups(store, name)? else {
        return Ok(reply);
    };
    let mut cites = Citations::new(store);
    for (g, lead) in deals {
        reply.rounds.push(InvestorRound {
            lead,
            round: RoundView::build(&g, &mut cites)?,
        });
    }
    reply.investor = Some(investor);
    reply.citations = cites.into_vec();
    Ok(reply)
}
