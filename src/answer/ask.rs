//! Answering a question: facts first, passages as a lower-confidence backup, and a plain
//! "I don't know" (with what is known instead) when neither holds the answer.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;
use serde::Serialize;

use super::group::{group, RoundGroup};
use super::names::NameIndex;
use super::question::{understand, Context, Entity, Intent, MatchKind, Understood, Want};
use super::reader;
use super::reply::{Citation, Citations, RoundView};
use crate::error::Result;
use crate::facts::money::format_amount;
use crate::facts::names::key;
use crate::facts::store::FactStore;
use crate::facts::{Role, RoundType};
use crate::index::PassageIndex;

/// How sure an answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// From the facts store.
    High,
    /// Quoted from a passage found by search.
    Low,
    /// Not answered.
    None,
}

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Extracted or curated facts.
    Facts,
    /// A passage found by search.
    Passages,
    /// Nothing.
    None,
}

/// The reply to a question: what every front end renders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    /// The question as asked.
    pub question: String,
    /// Whether the corpus answers it.
    pub answered: bool,
    /// "answered", "partial" (a two-part question answered in one part; the reply says which
    /// part is missing) or "not_answered".
    pub status: &'static str,
    /// One sentence: the answer, or what was understood and what is known instead.
    pub answer: String,
    /// How sure.
    pub confidence: Confidence,
    /// Facts or passages.
    pub basis: Basis,
    /// What was understood.
    pub understood: Understood,
    /// The rounds the answer is about.
    pub facts: Vec<RoundView>,
    /// Numbered sources; those the answer cites come first.
    pub citations: Vec<Citation>,
    /// Other things to ask about (close company names, known rounds).
    pub suggestions: Vec<String>,
}

/// Longest question read; the rest is ignored.
const MAX_QUESTION: usize = 600;

/// Marks a citation number inside answer text until numbers are final.
fn cite(n: usize) -> String {
    format!("\u{27e6}{n}\u{27e7}")
}

fn cites(nums: &[usize]) -> String {
    let mut nums = nums.to_vec();
    nums.sort_unstable();
    nums.dedup();
    nums.iter().map(|n| cite(*n)).collect::<Vec<_>>().join("")
}

struct Draft {
    answered: bool,
    /// Not answered, but the closest source is cited so the user can read it.
    closest: bool,
    text: String,
    basis: Basis,
    groups: Vec<RoundGroup>,
    suggestions: Vec<String>,
}

impl Draft {
    fn no(text: String) -> Self {
        Draft {
            answered: false,
            closest: false,
            text,
            basis: Basis::None,
            groups: Vec::new(),
            suggestions: Vec::new(),
        }
    }

    /// An answer read from the passages rather than the facts store.
    fn read(text: String) -> Self {
        Draft {
            answered: true,
            basis: Basis::Passages,
            ..Draft::no(text)
        }
    }
}

/// Answers `question` from the store and the passage index.
pub fn ask(
    question: &str,
    store: &FactStore,
    index: &PassageIndex,
    names: &NameIndex,
    context: &Context,
) -> Result<Reply> {
    let mut q = question.trim();
    if q.len() > MAX_QUESTION {
        let mut end = MAX_QUESTION;
        while !q.is_char_boundary(end) {
            end -= 1;
        }
        q = &q[..end];
    }
    let mut understood = understand(q, names, context);
    understood.entities = link_entities(&understood, q, index, names);
    // "this year" in a question across companies means the newest year on record. About one
    // company it is ambiguous (the user's year or the article's), so it narrows nothing there.
    if let (Some(rel), None, None) = (
        understood.relative_period,
        &understood.period,
        &understood.company,
    ) {
        understood.period = relative_period(rel, store.newest_round_date()?);
    }
    understood.longer_names = understood
        .entities
        .iter()
        .flat_map(|e| names.longer_companies(&e.name))
        .filter(|l| !understood.entities.iter().any(|e| key(&e.name) == key(l)))
        .collect();
    let mut cites_list = Citations::new(store);
    let mut views: Vec<RoundView> = Vec::new();
    let mut partial = false;
    let draft = if !q.chars().any(char::is_alphanumeric) {
        Draft::no(
            "Ask me about a startup's funding, for example \"Who led SenseTime's Series C?\" or \"How much did Acme raise?\""
                .to_string(),
        )
    } else {
        let mut first = answer(
            &understood,
            store,
            index,
            names,
            &mut cites_list,
            &mut views,
        )?;
        // "how much, and who led it?": the second part answered too, or said to be missing.
        if let Some((intent, want)) = understood.also {
            let mut second_u = understood.clone();
            second_u.intent = intent;
            second_u.want = want;
            second_u.also = None;
            let mut more_views = Vec::new();
            let second = answer(
                &second_u,
                store,
                index,
                names,
                &mut cites_list,
                &mut more_views,
            )?;
            if second.answered && !first.answered {
                // The first part is not in the articles, the second is: say both.
                first = Draft {
                    text: format!("{} {}", second.text, first.text),
                    ..second
                };
                views.extend(more_views);
                partial = true;
            } else if !first.answered {
                // Neither part: the first reply stands.
            } else if second.answered {
                first.text = format!("{} {}", first.text, second.text);
                views.extend(more_views);
            } else {
                let subject = subject_of(&understood)
                    .map(|(s, _)| s)
                    .or(understood.company.clone())
                    .unwrap_or_else(|| "it".to_string());
                first.text = format!(
                    "{} My sources don't state {} for {subject}.",
                    first.text,
                    unread_what(&second_u)
                );
                partial = true;
            }
        }
        first
    };
    let mut draft = draft;
    // "is Acme still in debt?": an article that says the debt was paid back answers it, as of
    // that article.
    let mut read_repaid = false;
    if understood.present_state && understood.intent == Intent::Debt {
        if let Some(company) = understood.company.clone() {
            let mut repaid = understood.clone();
            repaid.want = Some(Want::Repaid);
            if let Some(d) = reader_answer(&repaid, &company, index, &mut cites_list)? {
                draft = d;
                read_repaid = true;
            }
        }
    }
    // "is Acme still in debt?": the articles tell what happened, not how things stand today.
    if understood.present_state && draft.answered && !read_repaid {
        let subject = understood.company.as_deref().unwrap_or("the company");
        draft.text = format!(
            "My sources report deals as they happened; they don't say whether this still holds for {subject} today. What they report: {}",
            draft.text
        );
        draft.answered = false;
        draft.closest = true;
    }
    let (citations, mapping) = order_citations(cites_list.into_vec(), &draft.text);
    let text = renumber(&draft.text, &mapping);
    for v in &mut views {
        renumber_view(v, &mapping);
    }
    let prefix = match (&understood.company_match, &understood.company) {
        (Some(MatchKind::Typo), Some(name)) if draft.answered => {
            format!("(Taking that as {name}.) ")
        }
        _ => String::new(),
    };
    Ok(Reply {
        question: question.to_string(),
        answered: draft.answered,
        status: match (draft.answered, partial) {
            (true, false) => "answered",
            (true, true) => "partial",
            _ => "not_answered",
        },
        answer: format!("{prefix}{text}"),
        confidence: match draft.basis {
            Basis::Facts => Confidence::High,
            Basis::Passages => Confidence::Low,
            Basis::None => Confidence::None,
        },
        basis: draft.basis,
        understood,
        facts: views,
        citations: if draft.answered || draft.closest {
            citations
        } else {
            Vec::new()
        },
        suggestions: draft.suggestions,
    })
}

fn answer(
    u: &Understood,
    store: &FactStore,
    index: &PassageIndex,
    names: &NameIndex,
    cites_list: &mut Citations,
    views: &mut Vec<RoundView>,
) -> Result<Draft> {
    if let Some(what) = &u.not_a_round {
        if matches!(
            u.intent,
            Intent::Unknown | Intent::Amount | Intent::Date | Intent::History | Intent::Investors
        ) {
            return Ok(Draft::no(format!(
                "I only track funding rounds from the articles I have, not {what} news, so I can't answer that."
            )));
        }
    }
    // "who led zembla's round" with no article about Zembla: the company asked about is unknown,
    // whatever other names the question uses.
    if u.company.is_none()
        && u.close_companies.is_empty()
        && !matches!(u.intent, Intent::Portfolio | Intent::Largest)
    {
        let q = u.question_text.to_lowercase();
        let unknown_owner = u.free_phrases.iter().find(|p| {
            let p = p.to_lowercase();
            (q.contains(&format!("{p}'s")) || q.contains(&format!("{p}s'")))
                && !u
                    .entities
                    .iter()
                    .any(|e| e.typed.to_lowercase().contains(&p))
        });
        if let Some(name) = unknown_owner {
            return Ok(Draft::no(if u.intent.is_event() {
                format!("I have no articles about {name}, so I can't say.")
            } else {
                format!("I have no funding rounds for {name} in my articles.")
            }));
        }
    }
    let subject = subject_of(u);
    let no_company = u.company.is_none() && subject.is_none();
    let subordinate = subordinate_company(u);
    // "how much did harrow put into acme": one investor's part, never the round's size. "harrow
    // acme deal size" may also ask about a purchase: when no investor's part is stated, it is
    // read as typed.
    let part = match contribution_asked(u) {
        Some((investor, company, asked_plainly)) => {
            let d = contribution(&investor, &company, index, cites_list)?;
            (d.answered || asked_plainly).then_some(d)
        }
        None => None,
    };
    let mut draft = if let Some(d) = part {
        d
    } else {
        match u.intent {
            Intent::Portfolio => portfolio(u, store, index, cites_list)?,
            Intent::Largest => largest(u, store, cites_list)?,
            // "tell me about Temasek": an investor's rounds.
            Intent::History | Intent::Unknown if u.company.is_none() && u.investor.is_some() => {
                portfolio(u, store, index, cites_list)?
            }
            // "latest rounds", "series b rounds in 2024": the newest rounds that fit.
            i if no_company
                && u.investor.is_none()
                && u.unknown_name.is_none()
                && !i.is_event()
                && asks_for_a_list(&u.question_text)
                && (u.round.is_some()
                    || u.period.is_some()
                    || u.latest
                    || u.min_amount.is_some()) =>
            {
                latest_rounds(u, store, cites_list)?
            }
            Intent::Debt
                if u.company.is_some()
                    && u.currency.is_none()
                    && matches!(u.want, Some(Want::Who | Want::Money))
                    && !(u.want == Some(Want::Money) && asks_first_draw(&u.question_text)) =>
            {
                // Debt rounds are facts too: lenders and amounts from the store first.
                let mut as_round = u.clone();
                as_round.intent = if u.want == Some(Want::Who) {
                    Intent::Investors
                } else {
                    Intent::Amount
                };
                let convertible = u.question_text.to_lowercase().contains("convertible");
                as_round.round = Some(if convertible {
                    RoundType::ConvertibleNote
                } else {
                    RoundType::Debt
                });
                let cited = cites_list.len();
                let d = company_question(&as_round, store, index, names, cites_list)?;
                // Read as a debt question, not as the plain amount the store's fallback read.
                let from_store = d.answered && d.basis != Basis::Passages;
                match &subject {
                    Some((subject, others)) if !from_store => {
                        cites_list.truncate(cited);
                        read_or_decline(u, subject, others, index, cites_list)?
                    }
                    _ => d,
                }
            }
            i if i.is_event() => match &subject {
                Some((subject, others)) => read_or_decline(u, subject, others, index, cites_list)?,
                None => company_question(u, store, index, names, cites_list)?,
            },
            // "which new investor came in": the facts do not record who was new; the passages may.
            _ if u.new_investors && subject.is_some() => {
                let (subject, others) = subject.unwrap_or_default();
                let mut asked = u.clone();
                asked.intent = Intent::Investors;
                read_or_decline(&asked, &subject, &others, index, cites_list)?
            }
            _ if u.reported && subject.is_some() => {
                // A round in talks is not in the facts (planned rounds are not extracted): read it.
                let (subject, others) = subject.unwrap_or_default();
                let mut d = read_or_decline(u, &subject, &others, index, cites_list)?;
                if !d.answered && u.company.is_some() {
                    // The facts hold closed rounds: say what the last one was, not that it answers.
                    let known = company_question(u, store, index, names, cites_list)?;
                    if known.answered {
                        d.text = format!(
                        "My sources report no round in talks for {subject}. The last one on record: {}",
                        known.text
                    );
                        d.closest = true;
                    }
                }
                d
            }
            _ if subordinate.is_some() => {
                let (subject, others) = subordinate.unwrap_or_default();
                read_or_decline(u, &subject, &others, index, cites_list)?
            }
            // "besides Harrowgate, who is putting cash into Vetrino": a named subject is the company;
            // only "who else besides Harrowgate?" alone means Harrowgate's round.
            _ if u.company.is_none()
                && u.exclude
                    .as_deref()
                    .is_none_or(|ex| subject.as_ref().is_some_and(|(s, _)| key(s) != key(ex))) =>
            {
                match &subject {
                    Some((subject, others)) => {
                        read_or_decline(u, subject, others, index, cites_list)?
                    }
                    None => company_question(u, store, index, names, cites_list)?,
                }
            }
            _ => company_question(u, store, index, names, cites_list)?,
        }
    };
    for g in &draft.groups {
        views.push(RoundView::build(g, cites_list)?);
    }
    draft.groups.clear();
    Ok(draft)
}

fn company_question(
    u: &Understood,
    store: &FactStore,
    index: &PassageIndex,
    _names: &NameIndex,
    c: &mut Citations,
) -> Result<Draft> {
    let mut company = u.company.clone();
    let mut company_id = u.company_id;
    // "Who else invested besides Alibaba?": the round Alibaba is known for.
    if company.is_none() {
        if let Some(ex) = &u.exclude {
            if let Some((id, _)) = store.find_investor(ex)? {
                let groups = groups_by_company(store.rounds_for_investor(id)?);
                if groups.len() == 1 {
                    company = Some(groups[0].company.clone());
                    if let crate::facts::store::CompanyMatch::Exact(found) =
                        store.find_company(&groups[0].company)?
                    {
                        company_id = Some(found.id);
                    }
                }
            }
        }
    }
    let (Some(company), Some(company_id)) = (company, company_id) else {
        let named = u.unknown_name.as_ref().filter(|n| {
            u.intent != Intent::Unknown || n.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        let mut d = match named {
            Some(name) => Draft::no(format!("I have no funding rounds for {name} in my articles.")),
            None if u.intent == Intent::Unknown => Draft::no(
                "I answer questions about startup funding rounds: who led or joined a round, how much was raised, valuations, dates, an investor's portfolio. Try \"Who led SenseTime's Series C?\"".to_string(),
            ),
            None => Draft::no(
                "I couldn't tell which company you mean. Name it, for example \"Who led SenseTime's Series C?\"".to_string(),
            ),
        };
        if !u.close_companies.is_empty() {
            d.text
                .push_str(&format!(" Did you mean {}?", or_list(&u.close_companies)));
            d.suggestions = u.close_companies.clone();
        }
        return Ok(d);
    };
    let all = group(store.rounds_for_company(company_id, false)?);
    // "the round before its Series E": the nearest one on the asked side of it.
    let relative: Option<RoundGroup> = u.relative_to.and_then(|(r, before)| {
        let anchor = all.iter().find(|g| g.round == r)?;
        let want = if before {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        };
        let side: Vec<&RoundGroup> = all
            .iter()
            .filter(|g| g.round != r && g.round != RoundType::Unknown)
            .filter(|g| stage_order(g, anchor) == Some(want))
            .collect();
        // The nearest of them to the anchor.
        let nearest = |a: &&RoundGroup, b: &&RoundGroup| {
            stage_order(a, b).unwrap_or(std::cmp::Ordering::Equal)
        };
        if before {
            side.into_iter().max_by(nearest).cloned()
        } else {
            side.into_iter().min_by(nearest).cloned()
        }
    });
    if u.relative_to.is_some() && relative.is_none() {
        return Ok(Draft::no(format!(
            "My sources don't say which round {company} raised {} its {}.",
            if u.relative_to.is_some_and(|(_, b)| b) {
                "before"
            } else {
                "after"
            },
            u.relative_to.map(|(r, _)| r.label()).unwrap_or_default()
        )));
    }
    let selected: Vec<RoundGroup> = all
        .iter()
        .filter(|g| {
            relative
                .as_ref()
                .is_none_or(|rel| g.round == rel.round && g.first_date() == rel.first_date())
        })
        .filter(|g| u.round.is_none_or(|r| g.round == r))
        // "its Series A back in 2017": a named round my sources do not date is still that
        // round; only a dated one outside the period is another.
        .filter(|g| {
            u.period
                .as_ref()
                .is_none_or(|p| in_period(g, p) || u.round.is_some() && g.first_date().is_none())
        })
        .cloned()
        .collect();
    // "the latest round": only the newest.
    let selected: Vec<RoundGroup> = if u.latest && selected.len() > 1 {
        let newest = selected.iter().filter_map(|g| g.first_date()).max();
        selected
            .into_iter()
            .filter(|g| g.first_date() == newest)
            .take(1)
            .collect()
    } else {
        selected
    };
    // "its valuation in the new round": when the newest round on record is one its own
    // articles tell as past, the new round is one they only report. Read that, or say the
    // new round is not on record; the old round's figures are no answer.
    if asks_new_round(&u.question_text) && !u.reported && selected.len() == 1 {
        let g = &selected[0];
        let told_later = g
            .accounts
            .iter()
            .filter_map(|a| store.article(&a.article).ok().flatten())
            .filter_map(|m| m.published)
            .max();
        if let (Some(d), Some(published)) = (g.first_date(), told_later) {
            if (published - d.date).num_days() >= STALE_DAYS {
                let mut reported = u.clone();
                reported.reported = true;
                if let Some(d) = reader_answer(&reported, &company, index, c)? {
                    return Ok(d);
                }
                let nums = round_cites(g, c)?;
                let mut d = Draft::no(format!(
                    "My sources have no new round of {company} on record; the last one is {}{}.",
                    round_phrase(g, &company, true),
                    cites(&nums)
                ));
                d.closest = true;
                return Ok(d);
            }
        }
    }
    // "Vetrino's valuation after the Harrowgate deal": the rounds the named investor was in.
    let selected: Vec<RoundGroup> = match (&u.investor, u.intent) {
        (Some(investor), Intent::Valuation | Intent::Amount | Intent::Date) => {
            let with = rounds_with_investor(&selected, investor);
            if with.is_empty() {
                if let Some(d) = reader_answer(u, &company, index, c)? {
                    return Ok(d);
                }
                return Ok(Draft::no(format!(
                    "My sources don't tie {investor} to a round of {company}."
                )));
            }
            with
        }
        _ => selected,
    };
    // "Did Temasek invest in SenseTime?": yes, with the rounds, or no record.
    if let Some(name) = &u.unknown_investor {
        if let Some(d) = stake_between(u, &company, name, index, c)? {
            return Ok(d);
        }
        return Ok(Draft::no(format!(
            "I have no record of {name} investing in {company}."
        )));
    }
    if let (Some(investor), Intent::Investors | Intent::Lead) = (&u.investor, u.intent) {
        if u.exclude.is_none() {
            let with = rounds_with_investor(&selected, investor);
            if with.is_empty() {
                if let Some(d) = stake_between(u, &company, investor, index, c)? {
                    return Ok(d);
                }
                let mut d = Draft::no(format!(
                    "I have no record of {investor} investing in {company}."
                ));
                d.suggestions = vec![format!("Who invested in {company}?")];
                return Ok(d);
            }
            let mut parts = Vec::new();
            for g in &with {
                let lead = g
                    .investors(Role::Lead)
                    .iter()
                    .any(|s| key(&s.value) == key(investor));
                let nums = investor_cites(g, investor, c)?;
                let role = if lead { "led" } else { "invested in" };
                parts.push(format!(
                    "{investor} {role} {}{}",
                    round_phrase(g, &company, true),
                    cites(&nums)
                ));
            }
            return Ok(facts(format!("Yes: {}", join_sentences(parts)), with));
        }
    }
    let what = asked_round_text(u);
    if selected.is_empty() {
        if let Some(d) = reader_answer(u, &company, index, c)? {
            return Ok(d);
        }
        let mut d = if all.is_empty() {
            Draft::no(format!("I have no funding rounds on record for {company}."))
        } else {
            Draft::no(format!(
                "I have no {what} for {company}; I know of {}.",
                known_rounds(&all)
            ))
        };
        d.suggestions = all
            .iter()
            .map(|g| format!("{company} {}", g.label()))
            .collect();
        return Ok(d);
    }
    let newest_first = |mut v: Vec<RoundGroup>| {
        v.sort_by_key(|g| std::cmp::Reverse(g.first_date()));
        v
    };
    let d = match u.intent {
        Intent::Lead => {
            let with: Vec<RoundGroup> = newest_first(
                selected
                    .iter()
                    .filter(|g| !g.investors(Role::Lead).is_empty())
                    .cloned()
                    .collect(),
            );
            if with.is_empty() {
                return unstated(u, &company, "a lead investor", &selected, index, c);
            }
            let parts: Vec<String> = with
                .iter()
                .take(3)
                .map(|g| lead_sentence(g, &company, c))
                .collect::<Result<_>>()?;
            facts(join_sentences(parts), with)
        }
        Intent::Investors => {
            let mut parts = Vec::new();
            let mut used = Vec::new();
            for g in newest_first(selected.clone()) {
                let mut people: Vec<(String, bool, Vec<usize>)> = Vec::new();
                for (role, is_lead) in [(Role::Lead, true), (Role::Participant, false)] {
                    if is_lead && u.exclude_leads {
                        continue;
                    }
                    for s in g.investors(role) {
                        if u.exclude
                            .as_ref()
                            .is_some_and(|ex| key(ex) == key(&s.value))
                        {
                            continue;
                        }
                        let nums = investor_cites(&g, &s.value, c)?;
                        people.push((s.value, is_lead, nums));
                    }
                }
                if people.is_empty() {
                    continue;
                }
                let list: Vec<String> = people
                    .iter()
                    .map(|(n, lead, _)| {
                        if *lead {
                            format!("{n} (lead)")
                        } else {
                            n.clone()
                        }
                    })
                    .collect();
                let nums: Vec<usize> = people.iter().flat_map(|p| p.2.clone()).collect();
                let verb = if u.exclude.is_some() {
                    format!(
                        "Besides {}, {} invested in",
                        u.exclude.as_deref().unwrap_or_default(),
                        and_list(&list)
                    )
                } else {
                    format!("{} invested in", and_list(&list))
                };
                parts.push(format!(
                    "{verb} {}{}",
                    round_phrase(&g, &company, true),
                    cites(&nums)
                ));
                used.push(g);
                if parts.len() == 3 {
                    break;
                }
            }
            if parts.is_empty() {
                let what = if u.exclude.is_some() {
                    "other investors"
                } else {
                    "investors"
                };
                return unstated(u, &company, what, &selected, index, c);
            }
            facts(join_sentences(parts), used)
        }
        Intent::Amount | Intent::Round | Intent::Date | Intent::History => {
            let field_ok = |g: &RoundGroup| match u.intent {
                Intent::Amount => !g.amounts().is_empty(),
                Intent::Date => !g.dates().is_empty(),
                Intent::Round => g.round != RoundType::Unknown,
                _ => true,
            };
            let with: Vec<RoundGroup> = selected.iter().filter(|g| field_ok(g)).cloned().collect();
            if with.is_empty() {
                let what = match u.intent {
                    Intent::Amount => "the amount raised",
                    Intent::Date => "when it was announced",
                    _ => "which round it was",
                };
                return unstated(u, &company, what, &selected, index, c);
            }
            let mut parts = Vec::new();
            for g in &with {
                let nums = round_cites(g, c)?;
                parts.push(match u.intent {
                    Intent::Date => {
                        let on = if g
                            .dates()
                            .iter()
                            .all(|d| d.value.precision == crate::facts::Precision::Day)
                        {
                            "on"
                        } else {
                            "in"
                        };
                        format!(
                            "{company} announced {} {on} {}{}",
                            round_phrase_no_date(g, "its"),
                            dates_text(g, c)?,
                            cites(&nums)
                        )
                    }
                    Intent::Round => format!(
                        "{} was {}{}",
                        round_phrase_subject(g, &company),
                        article_for(&g.label()),
                        cites(&nums)
                    ),
                    _ => amount_sentence(g, &company, c)?,
                });
            }
            let text = if u.intent == Intent::History && with.len() > 1 {
                format!(
                    "{company} has {} funding rounds on record: {}",
                    with.len(),
                    parts
                        .iter()
                        .map(|p| strip_company(p, &company))
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            } else {
                join_sentences(parts)
            };
            facts(text, with)
        }
        Intent::Valuation => {
            // "pre-money valuation": only figures stated as pre-money (and so for post).
            let q = u.question_text.to_lowercase();
            let basis = if q.contains("pre-money") || q.contains("pre money") {
                Some(crate::facts::Basis::Pre)
            } else if q.contains("post-money") || q.contains("post money") {
                Some(crate::facts::Basis::Post)
            } else {
                None
            };
            let fits = |v: &crate::facts::Valuation| basis.is_none_or(|b| v.basis == b);
            let with: Vec<RoundGroup> = newest_first(
                selected
                    .iter()
                    .filter(|g| g.valuations().iter().any(|v| fits(&v.value)))
                    .cloned()
                    .collect(),
            );
            if with.is_empty() {
                let what = match basis {
                    Some(crate::facts::Basis::Pre) => "a pre-money valuation",
                    Some(crate::facts::Basis::Post) => "a post-money valuation",
                    _ => "a valuation",
                };
                return unstated(u, &company, what, &selected, index, c);
            }
            let take = if u.latest { 1 } else { 3 };
            let mut parts = Vec::new();
            for g in with.iter().take(take) {
                let mut reports = Vec::new();
                for s in g.valuations().into_iter().filter(|v| fits(&v.value)) {
                    let nums = match &s.value.evidence {
                        Some(ev) => c.evidence(ev)?.into_iter().collect(),
                        None => round_cites(g, c)?,
                    };
                    reports.push(format!(
                        "{}{}",
                        super::reply::valuation_text(&s.value),
                        cites(&nums)
                    ));
                }
                let when = round_label_with_date(g, c)?;
                let head = if parts.is_empty() {
                    format!("{company} was valued at")
                } else {
                    "at".to_string()
                };
                parts.push(format!("{head} {} after {when}", reports.join("; ")));
            }
            facts(format!("{}.", parts.join(", and earlier ")), with)
        }
        Intent::Total => {
            if let Some(d) = reader_answer(u, &company, index, c)? {
                return Ok(d);
            }
            let with: Vec<RoundGroup> = selected
                .iter()
                .filter(|g| !g.amounts().is_empty())
                .cloned()
                .collect();
            let mut by_currency: HashMap<String, (u64, usize)> = HashMap::new();
            for g in &with {
                let a = &g.amounts()[0].value;
                let e = by_currency.entry(a.currency.clone()).or_default();
                e.0 += a.amount;
                e.1 += 1;
            }
            if with.is_empty() || by_currency.len() > 1 {
                return unstated(u, &company, "a total", &selected, index, c);
            }
            let (currency, (sum, n)) = by_currency.into_iter().next().expect("one currency");
            let mut nums = Vec::new();
            for g in &with {
                nums.extend(round_cites(g, c)?);
            }
            if n == 1 && selected.len() == 1 {
                // One round is not a total: the company may well have raised before.
                let nums = round_cites(&with[0], c)?;
                return Ok(Draft::no(format!(
                    "My sources don't state a total for {company}; the only round on record is {}{}.",
                    round_phrase(&with[0], &company, true),
                    cites(&nums)
                )));
            }
            let missing = selected.len() - n;
            let caveat = if missing > 0 {
                format!(" ({missing} more without a stated amount)")
            } else {
                String::new()
            };
            // A sum of the rounds on record is not a total the sources state: said, not claimed.
            let mut d = facts(
                format!(
                    "My sources state no total; the {n} round{} on record for {company} add up to {}{caveat}{}, which may leave out rounds they do not mention.",
                    if n == 1 { "" } else { "s" },
                    format_amount(sum, &currency),
                    cites(&nums)
                ),
                with,
            );
            d.answered = false;
            d.closest = true;
            d
        }
        Intent::Acquisition | Intent::Ipo | Intent::Stake | Intent::Debt | Intent::Status => {
            // "how much did acme borrow from harbor bank": the other names still narrow it.
            let others: Vec<String> = u
                .entities
                .iter()
                .filter(|e| key(&e.name) != key(&company))
                .map(|e| e.name.clone())
                .collect();
            return read_or_decline(u, &company, &others, index, c);
        }
        Intent::Unknown => {
            let mut d = Draft::no(format!(
                "I'm not sure what you're asking about {company}. I know of {}; ask who led or joined a round, how much it was, the valuation or the date.",
                known_rounds(&selected)
            ));
            d.suggestions = selected
                .iter()
                .map(|g| format!("Who led {} {}?", possessive(&company), g.label()))
                .collect();
            return Ok(d);
        }
        Intent::Portfolio | Intent::Largest => {
            let parts: Vec<String> = selected
                .iter()
                .map(|g| amount_sentence(g, &company, c))
                .collect::<Result<_>>()?;
            facts(join_sentences(parts), selected.clone())
        }
    };
    Ok(d)
}

fn facts(text: String, groups: Vec<RoundGroup>) -> Draft {
    Draft {
        answered: true,
        closest: false,
        text,
        basis: Basis::Facts,
        groups,
        suggestions: Vec::new(),
    }
}

/// The round is known but the asked attribute is not: say so, after trying the passages.
fn unstated(
    u: &Understood,
    company: &str,
    what: &str,
    selected: &[RoundGroup],
    index: &PassageIndex,
    c: &mut Citations,
) -> Result<Draft> {
    if let Some(d) = reader_answer(u, company, index, c)? {
        return Ok(d);
    }
    let rounds = known_rounds(selected);
    // "for Acme's Series A (May 2024)", not "for Acme's its Series A".
    let rounds = match rounds.strip_prefix("its ") {
        Some(rest) => format!("{} {rest}", possessive(company)),
        None => format!(
            "{} {}",
            possessive(company),
            rounds.trim_start_matches("a ")
        ),
    };
    Ok(Draft::no(format!(
        "My sources don't state {what} for {rounds}."
    )))
}

fn round_cites(g: &RoundGroup, c: &mut Citations) -> Result<Vec<usize>> {
    let mut out = Vec::new();
    for a in &g.accounts {
        if let Some(n) = c.correction(a) {
            out.push(n);
        }
        if let Some(ev) = &a.evidence {
            out.extend(c.evidence(ev)?);
        }
    }
    Ok(out)
}

fn investor_cites(g: &RoundGroup, name: &str, c: &mut Citations) -> Result<Vec<usize>> {
    let mut out = Vec::new();
    for a in &g.accounts {
        if let Some(p) = a.investors.iter().find(|p| key(&p.name) == key(name)) {
            match &p.evidence {
                Some(ev) => out.extend(c.evidence(ev)?),
                None => out.extend(c.correction(a)),
            }
        }
    }
    Ok(out)
}

fn lead_sentence(g: &RoundGroup, company: &str, c: &mut Citations) -> Result<String> {
    // Accounts that name leads; if they disagree, each is reported with its source.
    let mut sets: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
    for a in &g.accounts {
        let leads: Vec<String> = a
            .names(Role::Lead)
            .into_iter()
            .map(str::to_string)
            .collect();
        if leads.is_empty() {
            continue;
        }
        let mut nums = Vec::new();
        for p in a.investors.iter().filter(|p| p.role == Role::Lead) {
            match &p.evidence {
                Some(ev) => nums.extend(c.evidence(ev)?),
                None => nums.extend(c.correction(a)),
            }
        }
        let mut keys: Vec<String> = leads.iter().map(|l| key(l)).collect();
        keys.sort();
        match sets.iter_mut().find(|(l, _)| {
            let mut k: Vec<String> = l.iter().map(|x| key(x)).collect();
            k.sort();
            k == keys
        }) {
            Some(s) => s.1.extend(nums),
            None => sets.push((leads, nums)),
        }
    }
    let phrase = round_phrase(g, company, true);
    if sets.len() == 1 {
        let (leads, nums) = &sets[0];
        return Ok(format!("{} led {phrase}{}", and_list(leads), cites(nums)));
    }
    let reports: Vec<String> = sets
        .iter()
        .map(|(l, n)| format!("{}{}", and_list(l), cites(n)))
        .collect();
    Ok(format!(
        "Sources differ on who led {phrase}: {}",
        reports.join("; ")
    ))
}

fn amount_sentence(g: &RoundGroup, company: &str, c: &mut Citations) -> Result<String> {
    let amounts = g.amounts();
    let label = round_label_with_date(g, c)?;
    Ok(match amounts.len() {
        0 => format!("{company} raised {label}{}", cites(&round_cites(g, c)?)),
        1 => {
            let nums = amount_cites(g, &amounts[0].accounts, c)?;
            let money = &amounts[0].value;
            // "₩35 billion ($29 million)": the article's own conversion beside a figure in
            // another currency.
            let conversion = if money.currency == "USD" {
                None
            } else {
                nums.iter()
                    .find_map(|&n| reader::stated_conversion(c.passage(n)?, money))
            };
            let shown =
                conversion.map_or_else(|| money.to_string(), |conv| format!("{money} ({conv})"));
            format!("{company} raised {shown} in {label}{}", cites(&nums))
        }
        _ => {
            let reports: Vec<String> = amounts
                .iter()
                .map(|s| {
                    Ok(format!(
                        "{}{}",
                        s.value,
                        cites(&amount_cites(g, &s.accounts, c)?)
                    ))
                })
                .collect::<Result<_>>()?;
            format!(
                "Sources differ on how much {company} raised in {label}: {}",
                reports.join(" or ")
            )
        }
    })
}

fn amount_cites(g: &RoundGroup, accounts: &[usize], c: &mut Citations) -> Result<Vec<usize>> {
    let mut out = Vec::new();
    for &i in accounts {
        let a = &g.accounts[i];
        out.extend(c.correction(a));
        if let Some(ev) = &a.evidence {
            out.extend(c.evidence(ev)?);
        }
    }
    Ok(out)
}

/// "its Series C (April 2018)" / "a funding round (July 2017)".
fn round_label_with_date(g: &RoundGroup, c: &mut Citations) -> Result<String> {
    let base = if g.round == RoundType::Unknown {
        "a funding round".to_string()
    } else {
        format!("its {}", g.label())
    };
    Ok(match g.dates().len() {
        0 => base,
        _ => format!("{base} ({})", dates_text(g, c)?),
    })
}

fn dates_text(g: &RoundGroup, c: &mut Citations) -> Result<String> {
    let dates = g.dates();
    if dates.len() == 1 {
        return Ok(dates[0].value.human());
    }
    let mut parts = Vec::new();
    for s in &dates {
        parts.push(format!(
            "{}{}",
            s.value.human(),
            cites(&amount_cites(g, &s.accounts, c)?)
        ));
    }
    Ok(format!("{} (sources differ)", parts.join(" or ")))
}

/// "SenseTime's $600 million Series C (April 2018)".
fn round_phrase(g: &RoundGroup, company: &str, with_amount: bool) -> String {
    let amounts = g.amounts();
    let amount = if with_amount && amounts.len() == 1 {
        format!("{} ", amounts[0].value)
    } else {
        String::new()
    };
    let label = if g.round == RoundType::Unknown {
        "funding round".to_string()
    } else {
        g.label()
    };
    let date = match g.dates().as_slice() {
        [one] => format!(" ({})", one.value.human()),
        _ => String::new(),
    };
    format!("{}{amount}{label}{date}", possessive(company))
}

fn round_phrase_no_date(g: &RoundGroup, owner: &str) -> String {
    let amounts = g.amounts();
    let amount = if amounts.len() == 1 {
        format!("{} ", amounts[0].value)
    } else {
        String::new()
    };
    if g.round == RoundType::Unknown {
        format!("a {amount}funding round")
    } else {
        format!("{owner} {amount}{}", g.label())
    }
}

fn round_phrase_subject(g: &RoundGroup, company: &str) -> String {
    let amounts = g.amounts();
    let amount = if amounts.len() == 1 {
        format!("{} ", amounts[0].value)
    } else {
        String::new()
    };
    let date = match g.dates().as_slice() {
        [one] => format!(" of {}", one.value.human()),
        _ => String::new(),
    };
    format!("{}{amount}round{date}", possessive(company))
}

fn article_for(label: &str) -> String {
    let vowel = label.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
    format!("{} {label}", if vowel { "an" } else { "a" })
}

fn strip_company(sentence: &str, company: &str) -> String {
    let s = sentence.trim_end_matches('.');
    s.strip_prefix(company)
        .map(|r| r.trim_start().to_string())
        .unwrap_or_else(|| s.to_string())
}

fn join_sentences(parts: Vec<String>) -> String {
    let mut out = parts.join("; ");
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// "A, B and C".
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        _ => format!(
            "{} and {}",
            items[..items.len() - 1].join(", "),
            items[items.len() - 1]
        ),
    }
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        _ => format!(
            "{} or {}",
            items[..items.len() - 1].join(", "),
            items[items.len() - 1]
        ),
    }
}

fn asked_round_text(u: &Understood) -> String {
    let round = u.round.map_or("funding round".to_string(), |r| r.label());
    match &u.period {
        Some(p) => format!("{round} in {}", p.text),
        None => round,
    }
}

/// "its Series C (April 2018) and a funding round (July 2017)".
fn known_rounds(groups: &[RoundGroup]) -> String {
    let items: Vec<String> = groups
        .iter()
        .map(|g| {
            let label = if g.round == RoundType::Unknown {
                "a funding round".to_string()
            } else {
                format!("its {}", g.label())
            };
            match g.first_date() {
                Some(d) => format!("{label} ({})", d.human()),
                None => label,
            }
        })
        .collect();
    and_list(&items)
}

fn in_period(g: &RoundGroup, p: &super::question::Period) -> bool {
    g.accounts
        .iter()
        .filter_map(|a| a.date)
        .any(|d| match p.month_any_year {
            Some(m) => d.precision >= crate::facts::Precision::Month && d.date.month() == m,
            None => d.date <= p.to && d.end() >= p.from,
        })
}

/// The rounds an investor led or joined.
pub(super) fn rounds_with_investor(groups: &[RoundGroup], investor: &str) -> Vec<RoundGroup> {
    let k = key(investor);
    groups
        .iter()
        .filter(|g| {
            g.investors(Role::Lead)
                .iter()
                .chain(g.investors(Role::Participant).iter())
                .any(|s| key(&s.value) == k)
        })
        .cloned()
        .collect()
}

/// A round's place in the usual order (seed before Series A before Series B ...).
/// Which of two rounds came first: by stage when both are staged rounds of different stages (a
/// Series D comes before a Series E whatever the articles date), else by date when both are
/// dated. `None` when the articles do not tell.
fn stage_order(a: &RoundGroup, b: &RoundGroup) -> Option<std::cmp::Ordering> {
    let staged = |r: RoundType| {
        matches!(
            r,
            RoundType::PreSeed
                | RoundType::Angel
                | RoundType::Seed
                | RoundType::PreSeries(_)
                | RoundType::Series(_)
        )
    };
    if staged(a.round) && staged(b.round) && series_rank(a.round) != series_rank(b.round) {
        return Some(series_rank(a.round).cmp(&series_rank(b.round)));
    }
    let (da, db) = (a.first_date()?, b.first_date()?);
    Some((da, series_rank(a.round)).cmp(&(db, series_rank(b.round))))
}

fn series_rank(r: RoundType) -> u8 {
    match r {
        RoundType::PreSeed => 0,
        RoundType::Angel => 1,
        RoundType::Seed => 2,
        RoundType::PreSeries(n) => 9 + 2 * n,
        RoundType::Series(n) => 10 + 2 * n,
        _ => 5,
    }
}

pub(super) fn groups_by_company(rounds: Vec<crate::facts::Round>) -> Vec<RoundGroup> {
    let mut by: Vec<Vec<crate::facts::Round>> = Vec::new();
    for r in rounds {
        match by
            .iter_mut()
            .find(|g| key(&g[0].company) == key(&r.company))
        {
            Some(g) => g.push(r),
            None => by.push(vec![r]),
        }
    }
    by.into_iter().flat_map(group).collect()
}

fn portfolio(
    u: &Understood,
    store: &FactStore,
    index: &PassageIndex,
    c: &mut Citations,
) -> Result<Draft> {
    // The investor as typed, when it is not a name in the store: "sequoia" stands for every
    // Sequoia fund on record; "blackbird" may be named only in the articles' text.
    let typed: Vec<String> = u
        .unknown_name
        .iter()
        .chain(u.company.iter())
        .chain(
            u.entities
                .iter()
                // "Kiln" is not an answer for "kiln group": only a name that is not a
                // piece of the typed one.
                .filter(|e| {
                    e.matched == "corpus"
                        && u.unknown_name.as_deref().is_none_or(|t| {
                            let (t, n) = (t.to_lowercase(), e.name.to_lowercase());
                            t == n || !t.contains(&n)
                        })
                })
                .map(|e| &e.name),
        )
        .cloned()
        .collect();
    let family: Vec<(i64, String)> = match (&u.investor, u.investor_id) {
        (Some(name), Some(id)) => vec![(id, name.clone())],
        _ => {
            let known = store.investor_list()?;
            typed
                .iter()
                .map(|t| {
                    known
                        .iter()
                        .filter(|(_, n)| crate::facts::names::is_word_prefix(t, n))
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .find(|f| !f.is_empty())
                .unwrap_or_default()
        }
    };
    let Some((_, investor)) = family.first().cloned() else {
        if !u.lead_only {
            if let Some((shown, found)) = passage_backings(&typed, store, index)? {
                let items = backing_items(&found, c);
                return Ok(Draft::read(format!(
                    "From the articles' text (no structured rounds on record for {shown}): {shown} backed {}.",
                    and_list(&items)
                )));
            }
        }
        let name = typed
            .first()
            .cloned()
            .unwrap_or_else(|| "that investor".to_string());
        return Ok(Draft::no(format!(
            "I have no investments by {name} in my articles."
        )));
    };
    let investor = if family.len() > 1 {
        typed.first().map_or(investor, |t| display_name(t))
    } else {
        investor
    };
    let keys: Vec<String> = family.iter().map(|(_, n)| key(n)).collect();
    let mut rounds = Vec::new();
    for (id, _) in &family {
        for r in store.rounds_for_investor(*id)? {
            if !rounds.contains(&r) {
                rounds.push(r);
            }
        }
    }
    let mut groups: Vec<RoundGroup> = groups_by_company(rounds)
        .into_iter()
        .filter(|g| {
            !u.lead_only
                || g.investors(Role::Lead)
                    .iter()
                    .any(|s| keys.contains(&key(&s.value)))
        })
        .filter(|g| u.period.as_ref().is_none_or(|p| in_period(g, p)))
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.first_date()));
    if groups.is_empty() {
        let what = if u.lead_only {
            "rounds led by"
        } else {
            "investments by"
        };
        return Ok(Draft::no(format!(
            "I have no {what} {investor} in my articles."
        )));
    }
    let mut items = Vec::new();
    for g in groups.iter().take(10) {
        let lead = g
            .investors(Role::Lead)
            .iter()
            .any(|s| keys.contains(&key(&s.value)));
        let mut nums = Vec::new();
        for (_, name) in &family {
            nums.extend(investor_cites(g, name, c)?);
        }
        nums.dedup();
        let mut detail = vec![if g.round == RoundType::Unknown {
            "funding round".to_string()
        } else {
            g.label()
        }];
        if let Some(a) = g.amounts().first() {
            detail.push(a.value.to_string());
        }
        if let Some(d) = g.first_date() {
            detail.push(d.human());
        }
        if lead {
            detail.push("lead".to_string());
        }
        items.push(format!(
            "{} ({}){}",
            g.company,
            detail.join(", "),
            cites(&nums)
        ));
    }
    let verb = if u.lead_only {
        "led rounds in"
    } else {
        "invested in"
    };
    let more = if groups.len() > 10 {
        format!(", and {} more", groups.len() - 10)
    } else {
        String::new()
    };
    // Companies the articles' text names the investor as backing, beyond the rounds on record.
    let mut also = String::new();
    if !u.lead_only && u.period.is_none() {
        let mut names = typed.clone();
        names.extend(family.iter().map(|(_, n)| n.clone()));
        if let Some((_, found)) = passage_backings(&names, store, index)? {
            let extra: Vec<Backing> = found
                .into_iter()
                .filter(|b| !groups.iter().any(|g| key(&g.company) == key(&b.company)))
                .collect();
            if !extra.is_empty() {
                also = format!(
                    " The articles' text also names it as a backer of {}.",
                    and_list(&backing_items(&extra, c))
                );
            }
        }
    }
    Ok(facts(
        format!("{investor} {verb} {}{more}.{also}", and_list(&items)),
        groups.into_iter().take(10).collect(),
    ))
}

/// "sequoia" as "Sequoia": a typed name shown with capitals.
fn display_name(typed: &str) -> String {
    typed
        .split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A company whose article names the investor as a backer, with the sentence that does.
struct Backing {
    company: String,
    lead: bool,
    hit: crate::index::Hit,
    span: (usize, usize),
}

/// "which startups did Blackbird back": the companies whose articles name the investor (as
/// typed, the first of `typed` that any article names) as a backer, read from the passages.
fn passage_backings(
    typed: &[String],
    store: &FactStore,
    index: &PassageIndex,
) -> Result<Option<(String, Vec<Backing>)>> {
    for name in typed {
        if key(name).len() < 4 {
            continue;
        }
        let hits = index.search_all_terms(name, 60).unwrap_or_default();
        let mut found: Vec<Backing> = Vec::new();
        for hit in hits {
            let Some(meta) = store.article(&hit.article)? else {
                continue;
            };
            let mut reported: Vec<String> = store
                .rounds_for_article(&hit.article)?
                .into_iter()
                .map(|r| r.company)
                .collect();
            reported.dedup();
            for span in crate::corpus::split_sentences(&hit.passage) {
                let s = span.text(&hit.passage);
                let role = crate::facts::investors_named(s)
                    .into_iter()
                    .find(|(n, _, _)| reader::find_name(n, name).is_some())
                    .map(|(_, r, _)| r);
                let Some(role) = role else { continue };
                // The company the sentence names, of those the article reports rounds for;
                // else the company the article is about, or the only one it reports.
                let company = reported
                    .iter()
                    .find(|c| reader::find_name(s, c).is_some())
                    .cloned()
                    .or_else(|| backed_company(s))
                    .or_else(|| meta.subject.clone())
                    .or_else(|| (reported.len() == 1).then(|| reported[0].clone()));
                let Some(company) = company else { continue };
                if reader::find_name(&company, name).is_some()
                    || reader::find_name(name, &company).is_some()
                    || found.iter().any(|b| key(&b.company) == key(&company))
                {
                    continue;
                }
                found.push(Backing {
                    company,
                    lead: role == Role::Lead,
                    hit: hit.clone(),
                    span: (span.start, span.end),
                });
            }
        }
        if !found.is_empty() {
            return Ok(Some((display_name(name), found)));
        }
    }
    Ok(None)
}

/// "Pebblestone's earlier backers included ...", "investors in Pebblestone include ...": the
/// company whose backers a sentence lists.
fn backed_company(s: &str) -> Option<String> {
    static OWNER: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?P<a>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3})(?:'s|’s)\s+(?:[a-z\-]+\s+){0,2}(?:backers|investors|shareholders|funders)\b|\b(?:backers|investors|shareholders)\s+(?:of|in)\s+(?P<b>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3})")
            .expect("static")
    });
    let c = OWNER.captures(s)?;
    c.name("a").or(c.name("b")).map(|m| m.as_str().to_string())
}

/// "Quorra (lead) [1] and Brisa [2]": backings as a cited list.
fn backing_items(found: &[Backing], c: &mut Citations) -> Vec<String> {
    found
        .iter()
        .take(10)
        .map(|b| {
            let n = c.hit(&b.hit, Some(b.span));
            let lead = if b.lead { " (lead)" } else { "" };
            format!("{}{lead}{}", b.company, cite(n))
        })
        .collect()
}

fn largest(u: &Understood, store: &FactStore, c: &mut Citations) -> Result<Draft> {
    let (ranked, unranked) = rounds_across_companies(u, store, super::rounds::Sort::Largest)?;
    let period = u
        .period
        .as_ref()
        .map(|p| format!(" in {}", p.text))
        .unwrap_or_default();
    if ranked.is_empty() {
        let from = u
            .source
            .as_ref()
            .map(|s| format!(" in articles from {s}"))
            .unwrap_or_default();
        return Ok(Draft::no(format!(
            "I have no rounds with a stated amount{period}{from}."
        )));
    }
    // Amounts in other currencies are ranked at their year's average dollar rate, marked "≈".
    let ranked: Vec<(RoundGroup, Option<u64>)> = ranked.into_iter().take(5).collect();
    let mut items = Vec::new();
    for (g, usd) in &ranked {
        let nums = round_cites(g, c)?;
        let approx = match (g.amounts().first(), usd) {
            (Some(a), Some(usd)) if a.value.currency != "USD" => {
                format!(" (≈ {})", super::rounds::rounded_usd(*usd))
            }
            _ => String::new(),
        };
        items.push(format!(
            "{}{approx}{}",
            round_phrase(g, &g.company, true),
            cites(&nums)
        ));
    }
    let groups: Vec<RoundGroup> = ranked.into_iter().map(|(g, _)| g).collect();
    let note = if unranked > 0 {
        format!(" ({unranked} in currencies without an exchange rate not ranked)")
    } else {
        String::new()
    };
    // "who led the largest round": say who led the top one, or that no lead is on record.
    let q = u.question_text.to_lowercase();
    let lead_note = if q.contains("led") || q.contains("lead") {
        let top = &groups[0];
        let leads: Vec<String> = top
            .investors(Role::Lead)
            .into_iter()
            .map(|s| s.value)
            .collect();
        if leads.is_empty() {
            format!(
                " My sources name no lead for {}.",
                round_phrase(top, &top.company, true)
            )
        } else {
            format!(
                " {} led the largest, {}.",
                and_list(&leads),
                round_phrase(top, &top.company, true)
            )
        }
    } else {
        String::new()
    };
    Ok(facts(
        format!(
            "The largest rounds on record{period}: {}{note}.{lead_note}",
            items.join("; ")
        ),
        groups,
    ))
}

/// Every company's rounds that fit the question's round type, period and smallest amount,
/// markets' and regions' totals left out, in `sort` order with their dollar amounts; and how
/// many had to be left out of a largest-first ranking for want of an exchange rate.
fn rounds_across_companies(
    u: &Understood,
    store: &FactStore,
    sort: super::rounds::Sort,
) -> Result<super::rounds::Ranked> {
    let (from, to) = match &u.period {
        Some(p) if p.month_any_year.is_none() => (Some(p.from), Some(p.to)),
        _ => (None, None),
    };
    let filter = super::rounds::Filter {
        round: u.round,
        from,
        to,
        min_amount: u.min_amount.clone(),
        sort,
        limit: 1,
        page: 1,
        ..Default::default()
    };
    let (mut all, unranked) = super::rounds::matching(store, &filter)?;
    if let Some(p) = &u.period {
        all.retain(|(g, _)| in_period(g, p));
    }
    // "per the Tech Ledger dashboard": only what that outlet's articles report.
    if let Some(src) = &u.source {
        let articles = articles_from(store, src)?;
        all.retain_mut(|(g, _)| {
            g.accounts.retain(|a| articles.contains(&a.article));
            !g.accounts.is_empty()
        });
    }
    Ok((all, unranked))
}

/// The articles of the outlet a question names: each of its words in the outlet's name, headline
/// or link, or its initials ("tlw" for "Tech Ledger Weekly").
fn articles_from(store: &FactStore, source: &str) -> Result<std::collections::HashSet<String>> {
    let wanted: Vec<String> = source.split_whitespace().map(key).collect();
    Ok(store
        .articles()?
        .into_iter()
        .filter(|a| {
            let outlet = a.source.clone().unwrap_or_default();
            let initials: String = outlet
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            if wanted.len() == 1 && initials.len() >= 2 && wanted[0] == initials {
                return true;
            }
            let text = format!("{outlet} {} {}", a.title, a.url.clone().unwrap_or_default());
            let words: std::collections::HashSet<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(key)
                .collect();
            wanted.iter().all(|w| words.contains(w))
        })
        .map(|a| a.id)
        .collect())
}

/// "Acme's $20 million Series A (May 2024) [1]" for each round of a list.
fn cited_rounds(groups: &[RoundGroup], c: &mut Citations) -> Result<Vec<String>> {
    groups
        .iter()
        .map(|g| {
            let nums = round_cites(g, c)?;
            Ok(format!(
                "{}{}",
                round_phrase(g, &g.company, true),
                cites(&nums)
            ))
        })
        .collect()
}

/// "Southeast Asia's $4.1 billion": a region's or market's total, not a company's round.
pub(super) fn is_market(name: &str) -> bool {
    const DIRECTIONS: &[&str] = &[
        "north",
        "south",
        "east",
        "west",
        "southeast",
        "southwest",
        "northeast",
        "northwest",
        "central",
        "latin",
        "sub-saharan",
        "global",
        "european",
        "african",
        "asian",
        "middle",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            DIRECTIONS.contains(&w.to_lowercase().as_str()) || crate::facts::text::is_not_name(w)
        })
}

/// "latest rounds", "which startups raised a Series B in 2024": a question about many rounds.
fn asks_for_a_list(question: &str) -> bool {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(?:rounds|deals|raises|fundings|financings|investments)\b|\b(?:which|what)\s+(?:companies|startups|firms)\b|\bwho\s+raised\b")
            .expect("static")
    });
    LIST.is_match(question)
}

/// The newest rounds on record that fit the question's round type and period.
fn latest_rounds(u: &Understood, store: &FactStore, c: &mut Citations) -> Result<Draft> {
    let mut groups: Vec<RoundGroup> =
        rounds_across_companies(u, store, super::rounds::Sort::Newest)?
            .0
            .into_iter()
            .map(|(g, _)| g)
            .filter(|g| g.first_date().is_some())
            .collect();
    let what = match (u.round, &u.period) {
        (Some(r), Some(p)) => format!("{} rounds in {}", r.label(), p.text),
        (Some(r), None) => format!("{} rounds", r.label()),
        (None, Some(p)) => format!("rounds in {}", p.text),
        (None, None) => "rounds".to_string(),
    };
    let what = match &u.min_amount {
        Some(m) => what.replacen("rounds", &format!("rounds of at least {m}"), 1),
        None => what,
    };
    if groups.is_empty() {
        return Ok(Draft::no(format!("I have no dated {what} on record.")));
    }
    let total = groups.len();
    groups.truncate(5);
    let items = cited_rounds(&groups, c)?;
    let more = if total > groups.len() {
        format!(" ({} more on record)", total - groups.len())
    } else {
        String::new()
    };
    Ok(facts(
        format!("The newest {what} on record: {}{more}.", items.join("; ")),
        groups,
    ))
}

/// "this year", "last month" as a period ending at the newest round on record (or today).
fn relative_period(
    rel: &str,
    newest: Option<chrono::NaiveDate>,
) -> Option<super::question::Period> {
    let anchor = newest.unwrap_or_else(|| chrono::Local::now().date_naive());
    let (from, to, text) = match rel {
        "this year" => {
            let from = chrono::NaiveDate::from_ymd_opt(anchor.year(), 1, 1)?;
            (
                from,
                chrono::NaiveDate::from_ymd_opt(anchor.year(), 12, 31)?,
                anchor.year().to_string(),
            )
        }
        "last year" => {
            let y = anchor.year() - 1;
            (
                chrono::NaiveDate::from_ymd_opt(y, 1, 1)?,
                chrono::NaiveDate::from_ymd_opt(y, 12, 31)?,
                y.to_string(),
            )
        }
        "this month" => {
            let from = anchor.with_day(1)?;
            let to = crate::facts::DateRef::month(anchor.year(), anchor.month())?.end();
            (from, to, from.format("%B %Y").to_string())
        }
        _ => {
            let first = anchor.with_day(1)?;
            let prev = first.pred_opt()?;
            let from = prev.with_day(1)?;
            (from, prev, from.format("%B %Y").to_string())
        }
    };
    Some(super::question::Period {
        from,
        to,
        text,
        month_any_year: None,
    })
}

/// Links the names a question uses to what the corpus knows: the facts store's match first,
/// then runs of the remaining words that the articles write as a name (with a capital, more
/// often than not). The longest run wins; "copper kettle pay" links "Copper Kettle".
fn link_entities(
    u: &Understood,
    question: &str,
    index: &PassageIndex,
    names: &NameIndex,
) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    if let Some(c) = &u.company {
        // What was typed for it: "zqx" for "ZQX Photonic Systems" (the articles may say "ZQX").
        let lower_q = question.to_lowercase();
        let words: Vec<&str> = c.split_whitespace().collect();
        let typed = (1..=words.len())
            .rev()
            .map(|n| words[..n].join(" "))
            .find(|w| w.chars().count() >= 3 && lower_q.contains(&w.to_lowercase()))
            .unwrap_or_else(|| c.clone());
        out.push(Entity {
            name: c.clone(),
            typed,
            matched: match u.company_match {
                Some(MatchKind::Context) => "context",
                Some(MatchKind::Typo) => "typo",
                _ => "store",
            },
        });
    }
    if let Some(i) = &u.investor {
        out.push(Entity {
            name: i.clone(),
            typed: i.clone(),
            matched: "investor",
        });
    }
    for phrase in &u.free_phrases {
        // "the keldhaven-lumarra deal": a hyphenated word the articles never write is two names
        // when each part is one; "the save-later app" is no name at all.
        let words: Vec<&str> = phrase
            .split_whitespace()
            .flat_map(|w| {
                let joined = w.contains('-')
                    && corpus_spelling(index, w).is_none()
                    && w.split('-').filter(|p| !p.is_empty()).all(|p| {
                        corpus_spelling(index, p).is_some_and(|s| s.starts_with(char::is_uppercase))
                    });
                let parts: Vec<&str> = if joined {
                    w.split('-').filter(|p| !p.is_empty()).collect()
                } else {
                    vec![w]
                };
                parts
            })
            .collect();
        let mut i = 0;
        while i < words.len() {
            let mut found = None;
            for n in (1..=(words.len() - i).min(4)).rev() {
                let mut typed = words[i..i + n].join(" ");
                // "the quorum seed round": a name that starts with "The" ("The Quorum").
                let with_the = format!("the {typed}");
                if question.to_lowercase().contains(&with_the) {
                    if let Some(name) = corpus_spelling(index, &with_the)
                        .filter(|n| n.split_whitespace().next() == Some("The"))
                    {
                        found = Some((n, with_the, name));
                        break;
                    }
                }
                // A short name from data/aliases.toml ("a16z") stands for the full one;
                // "lumenkilns series a" is Lumenkiln's.
                let stem = typed
                    .strip_suffix('s')
                    .filter(|t| t.chars().count() >= 4)
                    .map(str::to_string);
                let mut spelled = names
                    .alias(&typed)
                    .and_then(|full| corpus_spelling(index, full))
                    .or_else(|| corpus_spelling(index, &typed));
                if spelled.is_none() {
                    if let Some(stem) = stem {
                        spelled = corpus_spelling(index, &stem);
                        if spelled.is_some() {
                            typed = stem;
                        }
                    }
                }
                if let Some(name) = spelled {
                    found = Some((n, typed, name));
                    break;
                }
            }
            match found {
                Some((n, mut typed, mut name)) => {
                    // "harrowgate capital": a name's last word may be one the question reader
                    // sets aside ("capital", "ventures", "bank").
                    const TAILS: &[&str] = &[
                        "capital",
                        "ventures",
                        "partners",
                        "bank",
                        "group",
                        "holdings",
                        "fund",
                        "labs",
                        "technologies",
                        "ai",
                        "pay",
                        "health",
                        "robotics",
                        "foods",
                    ];
                    let lower_q = question.to_lowercase();
                    if let Some(at) = lower_q.find(&typed.to_lowercase()) {
                        let rest = &lower_q[at + typed.len()..];
                        let next: String = rest
                            .trim_start()
                            .chars()
                            .take_while(|c| c.is_alphanumeric())
                            .collect();
                        if rest.starts_with(' ') && TAILS.contains(&next.as_str()) {
                            let longer = format!("{typed} {next}");
                            if let Some(full) = corpus_spelling(index, &longer) {
                                typed = longer;
                                name = full;
                            }
                        }
                    }
                    if !out.iter().any(|e| key(&e.name) == key(&name)) {
                        out.push(Entity {
                            name,
                            typed,
                            matched: "corpus",
                        });
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    // "the quorum seed round": a name made of "The" and a common word, which the question reader
    // set aside; the articles write it with capitals.
    if out.is_empty() {
        static THE_WORD: LazyLock<Regex> = LazyLock::new(|| {
            crate::util::regex(r"(?i)\bthe\s+([\p{L}\p{N}]{2,})").expect("static")
        });
        for m in THE_WORD.captures_iter(question) {
            let typed = m[0].to_string();
            if let Some(name) = corpus_spelling(index, &typed)
                .filter(|n| n.split_whitespace().next() == Some("The") && n.contains(' '))
            {
                out.push(Entity {
                    name,
                    typed,
                    matched: "corpus",
                });
                break;
            }
        }
    }
    // In the order the question names them.
    let lower = question.to_lowercase();
    out.sort_by_key(|e| lower.find(&e.typed.to_lowercase()).unwrap_or(usize::MAX));
    out
}

/// How the articles spell `typed`, when they write it as a name: capitalised at least once and
/// at least as often as in lower case ("Next" the retailer, not "next week").
fn corpus_spelling(index: &PassageIndex, typed: &str) -> Option<String> {
    if key(typed).chars().count() < 3 {
        return None;
    }
    let hits = index.search_all_terms(typed, 12).ok()?;
    let mut capital = 0usize;
    let mut lower = 0usize;
    // Capitalised where it stands alone, not only as the tail of a longer name ("Exchange" in
    // "the New York Stock Exchange" is no name of its own).
    let mut alone = 0usize;
    let mut spellings: HashMap<String, usize> = HashMap::new();
    // Capitalised only where a sentence or a headline starts ("Earlier backers joined ...").
    let mut at_start = 0usize;
    for h in &hits {
        for text in [&h.title, &h.passage] {
            let mut rest = 0usize;
            while let Some((s, e, cap)) = reader::find_name(&text[rest..], typed) {
                if cap {
                    capital += 1;
                    let before = text[..rest + s].trim_end();
                    if before.is_empty() || before.ends_with(['.', '!', '?', ':', '"', '“']) {
                        at_start += 1;
                    }
                    if !tail_of_longer_name(&text[..rest + s]) {
                        alone += 1;
                    }
                    *spellings
                        .entry(text[rest + s..rest + e].to_string())
                        .or_default() += 1;
                } else {
                    lower += 1;
                }
                rest += e;
            }
        }
    }
    // A brand written in lower case ("plinth"): a rare word the articles use, never a common one.
    let passages = hits
        .iter()
        .filter(|h| reader::find_name(&h.passage, typed).is_some())
        .count();
    // Not a word of English grammar's making ("oversubscribed", "bidding", "quarterly").
    const WORD_ENDINGS: &[&str] = &[
        "ed", "ing", "ly", "tion", "sion", "ment", "ness", "able", "ible", "ous", "ive", "ity",
    ];
    let folded = typed.to_lowercase();
    let english_word = !folded.contains(' ') && WORD_ENDINGS.iter().any(|e| folded.ends_with(e));
    if capital == 0 && lower > 0 && passages <= 3 && typed.chars().count() >= 4 && !english_word {
        return Some(typed.to_string());
    }
    if english_word && capital == at_start {
        return None;
    }
    if capital == 0 || lower > capital || (alone == 0 && !typed.contains(' ')) {
        return None;
    }
    spellings
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(s, _)| s)
}

/// Whether the text before a capitalised word ends in another capitalised word of the same name
/// ("New York Stock| Exchange"), not in a word that merely opens a sentence or a title.
fn tail_of_longer_name(before: &str) -> bool {
    // Words that open a sentence or a headline before a name: "The", "In", "Why".
    const OPENERS: &[&str] = &[
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "And", "Or", "But", "Of",
        "To", "As", "Its", "Their", "Our", "How", "Why", "What", "When", "Who", "After", "Before",
        "While", "Since", "Meet", "Startup", "Fintech",
    ];
    if !before.ends_with(' ') || before.ends_with("  ") {
        return false;
    }
    let prev = before.trim_end().rsplit(' ').next().unwrap_or("");
    let starts_upper = prev.chars().next().is_some_and(char::is_uppercase);
    starts_upper
        && prev
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        && !prev.ends_with('.')
        && !OPENERS.contains(&prev)
}

/// The figure a question names: "$40m", or a bare "40m" (typed without its currency).
fn question_amount(question: &str) -> Option<crate::facts::Money> {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(\d+(?:\.\d+)?\s?(?:m|mn|mln|million|bn|b|billion))\b")
            .expect("static")
    });
    let found = crate::facts::money::find_amounts(question)
        .into_iter()
        .next()
        .or_else(|| {
            let bare = BARE.captures(question)?;
            crate::facts::money::find_amounts(&format!("${}", &bare[1]))
                .into_iter()
                .next()
        });
    found.map(|m| m.money)
}

/// The company a question is about and the other names it uses. For a purchase, the company
/// bought: the name after "for", "in", "of" or the buying verb.
fn subject_of(u: &Understood) -> Option<(String, Vec<String>)> {
    let entities: Vec<&Entity> = u.entities.iter().collect();
    // A round question about an investor alone is not about a company.
    let can_be_subject = |e: &Entity| u.intent.is_event() || e.matched != "investor";
    let mut pick = entities.iter().position(|e| can_be_subject(e))?;
    if let Some(c) = &u.company {
        pick = entities.iter().position(|e| &e.name == c).unwrap_or(pick);
    }
    if matches!(u.intent, Intent::Acquisition | Intent::Stake) && entities.len() > 1 {
        static BOUGHT: LazyLock<Regex> = LazyLock::new(|| {
            crate::util::regex(r"(?i)\b(?:buy|buying|bought|acquire|acquiring|acquired|purchase|purchased|purchasing|sold|sell|selling|of)\s+(?:the\s+)?$")
                .expect("static")
        });
        static FOR: LazyLock<Regex> = LazyLock::new(|| {
            crate::util::regex(r"(?i)\b(?:for|in|into)\s+(?:the\s+)?$").expect("static")
        });
        let q = u.question_text.to_lowercase();
        let after = |re: &Regex| {
            entities.iter().position(|e| {
                q.find(&e.typed.to_lowercase())
                    .is_some_and(|at| re.is_match(&q[..at]))
            })
        };
        // "harrowgate's vetrino stake": the stake is in the company named just before it.
        let before_stake = entities.iter().position(|e| {
            q.find(&e.typed.to_lowercase()).is_some_and(|at| {
                let rest = q[at + e.typed.len()..]
                    .trim_start_matches(['\'', 's', '’'])
                    .trim_start();
                rest.starts_with("stake") || rest.starts_with("shares")
            })
        });
        // "orios's stake in acme": the holder comes first, the company after "stake in".
        static STAKE_IN: LazyLock<Regex> = LazyLock::new(|| {
            crate::util::regex(r"(?i)\bstake\s+(?:in|of)\s+(?:the\s+)?$").expect("static")
        });
        if let Some(i) = after(&STAKE_IN)
            .or(before_stake)
            .or_else(|| after(&BOUGHT))
            .or_else(|| after(&FOR))
        {
            pick = i;
        }
    }
    // "what did Bigmart pay for Souqly" with no article about Souqly: Bigmart is the buyer, and the
    // company bought is unknown.
    if matches!(u.intent, Intent::Acquisition | Intent::Stake) {
        static BUYER_THEN_TARGET: LazyLock<Regex> = LazyLock::new(|| {
            crate::util::regex(r"(?i)^\s*(?:pay|paid|paying|pays|buy|bought|buying|acquire|acquired|acquiring|purchase|purchased)\s+(?:\w+\s+){0,3}?(?:for|in)?\s*(?P<target>[\w.\-&']+)")
                .expect("static")
        });
        let q = u.question_text.to_lowercase();
        let e = entities[pick];
        if let Some(at) = q.find(&e.typed.to_lowercase()) {
            if let Some(c) = BUYER_THEN_TARGET.captures(&q[at + e.typed.len()..]) {
                let target = c["target"].to_string();
                let known = entities
                    .iter()
                    .any(|o| o.typed.to_lowercase().contains(&target));
                if !known && !super::question::is_stopword(&target) {
                    return None;
                }
            }
        }
    }
    let subject = entities[pick].name.clone();
    let others = entities
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != pick)
        .map(|(_, e)| e.name.clone())
        .collect();
    Some((subject, others))
}

/// "total routewise had raised before bigco bought it": a store company named after "before",
/// "after" or "since" is a point in time; the question is about the other name.
fn subordinate_company(u: &Understood) -> Option<(String, Vec<String>)> {
    static REFERENCE_POINT: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(?:before|after|since|until|when|once)\s+(?:the\s+)?$")
            .expect("static")
    });
    let company = u.company.as_ref()?;
    let q = u.question_text.to_lowercase();
    let store = u.entities.iter().find(|e| &e.name == company)?;
    let at = q.find(&store.typed.to_lowercase())?;
    if !REFERENCE_POINT.is_match(&q[..at]) {
        return None;
    }
    let other = u.entities.iter().find(|e| {
        e.matched == "corpus" && q.find(&e.typed.to_lowercase()).is_some_and(|o| o < at)
    })?;
    Some((other.name.clone(), vec![company.clone()]))
}

/// A round dated this many days or more before the newest article that tells of it is told as
/// past: that article's news is something else.
const STALE_DAYS: i64 = 180;

/// "in the new round", "its upcoming round", "the next raise": a round after the ones closed.
fn asks_new_round(question: &str) -> bool {
    static NEW_ROUND: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"(?i)\b(?:new|upcoming|next|fresh|current)\s+(?:funding\s+)?(?:round|raise|fundraise|funding)\b",
        )
        .expect("new-round regex")
    });
    NEW_ROUND.is_match(question)
}

/// "how much at closing", "the first tranche", "paid up front": the part of a facility paid
/// out first, which only the passages tell.
fn asks_first_draw(question: &str) -> bool {
    static FIRST: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"(?i)\b(?:(?:at|upon|on)\s+(?:the\s+)?(?:closing|close|signing)|up\s*front|(?:first|initial)\s+(?:tranche|draw(?:down)?)|initially|drawn)\b",
        )
        .expect("first-draw regex")
    });
    FIRST.is_match(question)
}

/// How many of the articles about a company the reader reads whole.
const ABOUT_LIMIT: usize = 8;

fn request<'a>(
    u: &'a Understood,
    subject: &'a str,
    others: &'a [String],
    about: &'a [String],
) -> reader::Request<'a> {
    reader::Request {
        about,
        first_draw: asks_first_draw(&u.question_text),
        intent: u.intent,
        want: u.want,
        subject,
        others,
        round: u.round,
        period: u.period.as_ref(),
        amount: question_amount(&u.question_text),
        latest: u.latest
            || u.reported
            || u.question_text
                .to_lowercase()
                .split_whitespace()
                .any(|w| w == "new" || w == "again"),
        reported: u.reported,
        currency: u.currency,
        round_phrase: u.round_phrase.as_deref(),
        new_investors: u.new_investors,
        longer: &u.longer_names,
        short: u
            .entities
            .iter()
            .find(|e| e.name == subject && e.typed.len() < e.name.len())
            .map(|e| e.typed.as_str()),
        closing: u.want == Some(Want::When) && {
            let q = u.question_text.to_lowercase();
            q.contains("close") || q.contains("closing") || q.contains("complete")
        },
        exclude: u.exclude.as_deref(),
    }
}

/// Reads the answer from the passages about `company`, for what the facts do not hold; the
/// other names the question uses help pick the sentence.
fn reader_answer(
    u: &Understood,
    company: &str,
    index: &PassageIndex,
    c: &mut Citations,
) -> Result<Option<Draft>> {
    let others: Vec<String> = u
        .entities
        .iter()
        .filter(|e| key(&e.name) != key(company))
        .map(|e| e.name.clone())
        .collect();
    let about = c.store().articles_about(company, ABOUT_LIMIT)?;
    let reading = reader::read(index, &request(u, company, &others, &about))?;
    let reading = match reading {
        Some(r) if suppressed(c, u, company, &r.hit)? => None,
        other => other,
    };
    Ok(reading.map(|r| reading_draft(u, company, &r, c)))
}

/// "Is Halvorsen investing in Acme?" with no round on record: a stake the articles report
/// between the two ("Halvorsen is in talks to take a £50m stake in Acme"), read from the
/// passages. A sentence about selling or leaving is not an investment.
fn stake_between(
    u: &Understood,
    company: &str,
    investor: &str,
    index: &PassageIndex,
    c: &mut Citations,
) -> Result<Option<Draft>> {
    static LEAVING: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(?:sold|sells?|selling|sale|exit\w*|divest\w*|offload\w*)\b")
            .expect("leaving regex")
    });
    if u.exclude.is_some() {
        return Ok(None);
    }
    let mut stake = u.clone();
    stake.intent = Intent::Stake;
    stake.want = Some(Want::Money);
    let others = vec![investor.to_string()];
    let about = c.store().articles_about(company, ABOUT_LIMIT)?;
    let Some(r) = reader::read(index, &request(&stake, company, &others, &about))? else {
        return Ok(None);
    };
    let sentence = &r.hit.passage[r.span.0..r.span.1];
    if reader::find_name(sentence, investor).is_none() || LEAVING.is_match(sentence) {
        return Ok(None);
    }
    let n = c.hit(&r.hit, Some(r.span));
    let source = r.hit.source.clone().unwrap_or_else(|| r.hit.title.clone());
    let status = if r.hedged {
        "reported, not confirmed"
    } else {
        "as reported"
    };
    Ok(Some(Draft::read(format!(
        "My sources have no round of {company} with {investor} on record, but they report a \
         {} stake deal between them ({status}), according to {source}: \"{}\"{}",
        r.value,
        sentence.trim(),
        cite(n)
    ))))
}

/// The investor and the company of "how much did Harrow put into Acme", "how much is Harrow
/// investing in Acme": both named in the question, the investor before the investing word.
fn contribution_asked(u: &Understood) -> Option<(String, String, bool)> {
    static PUT_INTO: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\bhow\s+much\b(?:\s+(?:money|cash|capital))?\s+(?:did|has|have|had|is|was|will|does|do|are|were)\s+(?P<investor>.+?)\s+(?:(?:originally|initially|first|actually)\s+)?(?:put(?:ting)?|invest(?:ed|ing|s)?|inject(?:ed|ing|s)?|pour(?:ed|ing|s)?|commit(?:ted|ting|s)?|contribut\w+|pump(?:ed|ing|s)?|plough(?:ed|ing|s)?)\s+(?:(?:money|cash|capital)\s+)?(?:in|into)\s+(?P<company>.+)$")
            .expect("put-into regex")
    });
    // "harrow acme investment": the investor first, then the company.
    static NOUN: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)^\s*(?:what\s+(?:was|is)\s+)?(?:the\s+)?(?P<investor>\S.*?)(?:'s|’s)?\s+(?P<company>\S.*?)\s+(?:investment|deal\s+size|cheque|check|ticket)\s*\??\s*$")
            .expect("investment-noun regex")
    });
    let q = u.question_text.to_lowercase();
    let plain = PUT_INTO.captures(&q);
    let asked_plainly = plain.is_some();
    let c = plain.or_else(|| NOUN.captures(&q).filter(|_| u.entities.len() == 2))?;
    let named_in = |part: &str| {
        u.entities
            .iter()
            .find(|e| part.contains(&e.typed.to_lowercase()))
            .map(|e| e.name.clone())
    };
    let investor = named_in(&c["investor"])?;
    let company = named_in(&c["company"])?;
    (key(&investor) != key(&company)).then_some((investor, company, asked_plainly))
}

/// One investor's part of a company's funding, read from the passages; said plainly when no
/// article states it.
fn contribution(
    investor: &str,
    company: &str,
    index: &PassageIndex,
    c: &mut Citations,
) -> Result<Draft> {
    let Some(r) = reader::contribution(index, company, investor)? else {
        return Ok(Draft::no(format!(
            "My sources don't say how much {investor} put into {company}."
        )));
    };
    let n = c.hit(&r.hit, Some(r.span));
    let source = r.hit.source.clone().unwrap_or_else(|| r.hit.title.clone());
    let sentence = &r.hit.passage[r.span.0..r.span.1];
    let hedge = if r.hedged {
        " (planned or reported, not confirmed)"
    } else {
        ""
    };
    Ok(Draft::read(format!(
        "{investor} put {} into {company}{hedge}, according to {source}: \"{}\"{}",
        r.value,
        sentence.trim(),
        cite(n)
    )))
}

/// True when a moderator suppressed the round this passage's article gives for `company`, so
/// reading it back from the text would undo the correction.
fn suppressed(
    c: &Citations,
    u: &Understood,
    company: &str,
    hit: &crate::index::Hit,
) -> Result<bool> {
    c.store().suppressed_in(company, u.round, &hit.article)
}

/// The answer a reading gives: the claim, then the quoted, cited sentence.
fn reading_draft(u: &Understood, company: &str, r: &reader::Reading, c: &mut Citations) -> Draft {
    let n = c.hit(&r.hit, Some(r.span));
    let source = r.hit.source.clone().unwrap_or_else(|| r.hit.title.clone());
    let sentence = &r.hit.passage[r.span.0..r.span.1];
    // A question about talks or plans is answered from such a sentence: never as a closed deal.
    let hedged = (r.hedged || u.reported) && u.intent != Intent::Status;
    let reported = hedged
        .then(|| reported_claim(u, company, &r.value))
        .flatten();
    let mut claim = reported
        .clone()
        .unwrap_or_else(|| reading_claim(u, company, &r.value));
    if r.pending && u.intent == Intent::Acquisition && u.want == Some(Want::Who) {
        claim = format!("{} agreed to buy {company}", r.value);
    }
    let hedge = match (hedged, reported.is_some()) {
        (false, _) => "",
        (true, true) => " (not confirmed)",
        (true, false) => " (reported, not confirmed)",
    };
    let mut text = format!(
        "{claim}{hedge}, according to {source}: \"{}\"{}",
        sentence.trim(),
        cite(n)
    );
    // Reports that disagree stand side by side, each with its source.
    for other in &r.others {
        let n = c.hit(&other.hit, Some(other.span));
        let source = other
            .hit
            .source
            .clone()
            .unwrap_or_else(|| other.hit.title.clone());
        let said = &other.hit.passage[other.span.0..other.span.1];
        text.push_str(&format!(
            " Another report puts it at {}, according to {source}: \"{}\"{}",
            other.value,
            said.trim(),
            cite(n)
        ));
    }
    Draft::read(text)
}

/// One clause that states the value read, in the words of the question's intent.
fn reading_claim(u: &Understood, company: &str, value: &str) -> String {
    let round = asked_round(u, company);
    match (u.intent, u.want) {
        (Intent::Lead, _) => format!("{value} led {round}"),
        (Intent::Investors, _) => format!("{value} invested in {round}"),
        (Intent::Amount | Intent::History, _) => format!("{company} raised {value}"),
        (Intent::Valuation, _) => format!("{company} was valued at {value}"),
        (Intent::Total, _) => format!("{company} has raised {value} in total"),
        (Intent::Date, _) => format!("{round}: {value}"),
        (Intent::Round, _) => format!("{company} raised {}", article_for(value)),
        (Intent::Status, _) => format!("{round}: {value}"),
        (Intent::Acquisition, Some(Want::Who)) => format!("{value} bought {company}"),
        (Intent::Acquisition, Some(Want::When)) => format!("The deal for {company}: {value}"),
        (Intent::Acquisition, _) => format!("The price for {company}: {value}"),
        (Intent::Ipo, Some(Want::PerShare)) => {
            format!("{} IPO price: {value}", possessive(company))
        }
        (Intent::Ipo, Some(Want::Place)) => format!("{company} lists on the {value}"),
        (Intent::Ipo, Some(Want::Who)) => format!("{} listing: {value}", possessive(company)),
        (Intent::Ipo, Some(Want::Valuation)) => {
            format!("{} listing valued it at {value}", possessive(company))
        }
        (Intent::Ipo, Some(Want::When)) => format!("{} listing: {value}", possessive(company)),
        (_, Some(Want::Subscription)) => {
            format!("{} listing was subscribed {value}", possessive(company))
        }
        (Intent::Ipo, _) => format!("{company} raised {value} in its listing"),
        (_, Some(Want::Valuation)) => format!("{company} was valued at {value}"),
        (Intent::Stake, Some(Want::Who)) => format!("{value} bought the stake in {company}"),
        (_, Some(Want::Seller)) => format!("{value} sold, in the deal for {company}"),
        (Intent::Stake, Some(Want::Percent)) => format!("The stake in {company}: {value}"),
        (Intent::Stake, _) => format!("The price of the stake in {company}: {value}"),
        (Intent::Debt, Some(Want::Who)) => format!("{} lenders: {value}", possessive(company)),
        (Intent::Debt, Some(Want::Rate)) => format!("{} debt carries {value}", possessive(company)),
        (Intent::Debt, Some(Want::Repaid)) => {
            format!("As of this report, {company} had settled its debt ({value})")
        }
        (Intent::Debt, Some(Want::When)) => format!("{} debt: {value}", possessive(company)),
        (Intent::Debt, Some(Want::Money)) if asks_first_draw(&u.question_text) => format!(
            "{} debt financing paid out first (at closing or in its first tranche): {value}",
            possessive(company)
        ),
        (Intent::Debt, _) => format!("{} debt financing: {value}", possessive(company)),
        _ => format!("{company}: {value}"),
    }
}

/// "Acme's Series B" when the question names the round, else "Acme's round".
fn asked_round(u: &Understood, company: &str) -> String {
    u.round
        .map(|r| format!("{} {}", possessive(company), r.label()))
        .unwrap_or_else(|| format!("{} round", possessive(company)))
}

/// The claim of a reading that is only reported (talks, people familiar with the matter): put
/// so that it never reads as a closed deal, "Reports put Acme's round at $40 million" rather
/// than "Acme raised $40 million". `None` where the plain claim already carries no tense.
fn reported_claim(u: &Understood, company: &str, value: &str) -> Option<String> {
    let round = asked_round(u, company);
    Some(match (u.intent, u.want) {
        (Intent::Lead, _) => format!("Reports name {value} as the lead of {round}"),
        (Intent::Investors, _) => format!("Reports name {value} as investors in {round}"),
        (Intent::Amount | Intent::History, _) => format!("Reports put {round} at {value}"),
        (Intent::Valuation, _) | (_, Some(Want::Valuation)) => {
            format!("Reports put {} valuation at {value}", possessive(company))
        }
        (Intent::Total, _) => format!(
            "Reports put {} total funding at {value}",
            possessive(company)
        ),
        (Intent::Acquisition, Some(Want::Who)) => {
            format!("Reports name {value} as the buyer of {company}")
        }
        (Intent::Stake, Some(Want::Who)) => {
            format!("Reports name {value} as the buyer of the stake in {company}")
        }
        _ => return None,
    })
}

/// Answers from the passages, or says what is not known and cites the closest source.
fn read_or_decline(
    u: &Understood,
    subject: &str,
    others: &[String],
    index: &PassageIndex,
    c: &mut Citations,
) -> Result<Draft> {
    let about = c.store().articles_about(subject, ABOUT_LIMIT)?;
    let (mut reading, mut near) =
        reader::read_with_closest(index, &request(u, subject, others, &about))?;
    if let Some(r) = &reading {
        if suppressed(c, u, subject, &r.hit)? {
            reading = None;
        }
    }
    if let Some(n) = &near {
        if suppressed(c, u, subject, &n.hit)? {
            near = None;
        }
    }
    if let Some(r) = reading {
        return Ok(reading_draft(u, subject, &r, c));
    }
    let what = unread_what(u);
    let mut d = Draft::no(format!("My sources don't state {what} for {subject}."));
    if let Some(near) = near {
        let n = c.hit(&near.hit, Some(near.span));
        let source = near
            .hit
            .source
            .clone()
            .unwrap_or_else(|| near.hit.title.clone());
        d.text
            .push_str(&format!(" The closest source is {source}{}.", cite(n)));
        d.closest = true;
    }
    Ok(d)
}

/// What an unanswered question asked for, for the reply that says it is not known.
fn unread_what(u: &Understood) -> &'static str {
    match (u.intent, u.want) {
        (Intent::Lead, _) => "a lead investor",
        (Intent::Investors, _) => "investors",
        (Intent::Amount | Intent::History, _) => "an amount raised",
        (Intent::Valuation, _) | (_, Some(Want::Valuation)) => "a valuation",
        (Intent::Total, _) => "a total raised",
        (Intent::Date, _) | (_, Some(Want::When)) => "a date",
        (Intent::Round, _) => "which round it was",
        (Intent::Status, _) => "whether the deal has closed",
        (Intent::Acquisition, Some(Want::Who)) => "a buyer",
        (Intent::Acquisition, _) => "a price",
        (Intent::Ipo, Some(Want::PerShare)) => "an IPO share price",
        (Intent::Ipo, Some(Want::Place)) => "an exchange",
        (Intent::Ipo, Some(Want::Who)) => "who handled the listing",
        (_, Some(Want::Subscription)) => "how many times the listing was subscribed",
        (Intent::Ipo, _) => "IPO proceeds",
        (Intent::Stake, Some(Want::Who)) => "who bought the stake",
        (_, Some(Want::Seller)) => "who sold",
        (Intent::Stake, Some(Want::Percent)) => "the size of a stake",
        (Intent::Stake, _) => "a price for the stake",
        (Intent::Debt, Some(Want::Who)) => "a lender",
        (Intent::Debt, Some(Want::Rate)) => "an interest rate",
        (Intent::Debt, _) => "a debt amount",
        _ => "that",
    }
}

/// Orders citations so the ones the answer text cites come first, in order of use, and gives
/// the old→new number mapping.
fn order_citations(list: Vec<Citation>, text: &str) -> (Vec<Citation>, HashMap<usize, usize>) {
    static MARK: LazyLock<Regex> =
        LazyLock::new(|| crate::util::regex("\u{27e6}(\\d+)\u{27e7}").expect("static"));
    let mut order: Vec<usize> = Vec::new();
    for caps in MARK.captures_iter(text) {
        let n: usize = caps[1].parse().unwrap_or(0);
        if !order.contains(&n) {
            order.push(n);
        }
    }
    for c in &list {
        if !order.contains(&c.number) {
            order.push(c.number);
        }
    }
    let mapping: HashMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(i, old)| (*old, i + 1))
        .collect();
    let mut out: Vec<Citation> = list
        .into_iter()
        .map(|mut c| {
            c.number = mapping[&c.number];
            c
        })
        .collect();
    out.sort_by_key(|c| c.number);
    (out, mapping)
}

fn renumber(text: &str, mapping: &HashMap<usize, usize>) -> String {
    static MARK: LazyLock<Regex> =
        LazyLock::new(|| crate::util::regex("\u{27e6}(\\d+)\u{27e7}").expect("static"));
    let replaced = MARK.replace_all(text, |caps: &regex::Captures| {
        let n: usize = caps[1].parse().unwrap_or(0);
        format!(" [{}]", mapping.get(&n).copied().unwrap_or(n))
    });
    let mut out = String::with_capacity(replaced.len());
    let mut previous_space = false;
    for ch in replaced.chars() {
        if ch == ' ' && previous_space {
            continue;
        }
        previous_space = ch == ' ';
        out.push(ch);
    }
    out.trim().to_string()
}

fn renumber_view(v: &mut RoundView, mapping: &HashMap<usize, usize>) {
    let map = |nums: &mut Vec<usize>| {
        for n in nums.iter_mut() {
            *n = mapping.get(n).copied().unwrap_or(*n);
        }
        nums.sort_unstable();
        nums.dedup();
    };
    map(&mut v.citations);
    for a in &mut v.amounts {
        map(&mut a.citations);
    }
    for d in &mut v.dates {
        map(&mut d.citations);
    }
    for n in v.leads.iter_mut().chain(v.investors.iter_mut()) {
        map(&mut n.citations);
    }
    for val in &mut v.valuations {
        map(&mut val.citations);
    }
}

/// "SenseTime's ", "Ambit Notes' ".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}' ")
    } else {
        format!("{name}'s ")
    }
}
