//! Plain-text rendering for the terminal.

use crate::answer::reply::{AmountView, DateView, NameView, ValuationView};
use crate::answer::rounds::RoundsReply;
use crate::answer::{Citation, FactsReply, InvestorReply, Reply, RoundView};

fn refs(nums: &[usize]) -> String {
    if nums.is_empty() {
        return String::new();
    }
    let list: Vec<String> = nums.iter().map(|n| format!("[{n}]")).collect();
    format!(" {}", list.join(""))
}

fn join_names(names: &[NameView]) -> String {
    names
        .iter()
        .map(|n| n.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line per round: "Series C, April 2018: $600 million; led by Alibaba; also ...".
pub fn round_line(r: &RoundView) -> String {
    let mut parts = Vec::new();
    let head = match dates_text(&r.dates) {
        Some(d) => format!("{}, {d}", r.label),
        None => r.label.clone(),
    };
    if !r.amounts.is_empty() {
        parts.push(amounts_text(&r.amounts));
    }
    if !r.leads.is_empty() {
        parts.push(format!("led by {}", join_names(&r.leads)));
    }
    if !r.investors.is_empty() {
        parts.push(format!("with {}", join_names(&r.investors)));
    }
    if !r.valuations.is_empty() {
        parts.push(format!("valued at {}", valuations_text(&r.valuations)));
    }
    let corrected = if r.corrected {
        " (moderator correction)"
    } else {
        ""
    };
    format!(
        "{head}: {}{corrected}{}",
        if parts.is_empty() {
            "no details".to_string()
        } else {
            parts.join("; ")
        },
        refs(&r.citations)
    )
}

/// "$600 million" or, when sources disagree, "$600 million [1] or $620 million [2]".
pub fn amounts_text(amounts: &[AmountView]) -> String {
    if amounts.len() == 1 {
        return amounts[0].text.clone();
    }
    amounts
        .iter()
        .map(|a| format!("{}{}", a.text, refs(&a.citations)))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// "April 2018", or both dates when sources disagree.
pub fn dates_text(dates: &[DateView]) -> Option<String> {
    match dates {
        [] => None,
        [one] => Some(one.text.clone()),
        many => Some(
            many.iter()
                .map(|d| format!("{}{}", d.text, refs(&d.citations)))
                .collect::<Vec<_>>()
                .join(" or "),
        ),
    }
}

/// "more than $3 billion, according to Bloomberg [1]; about $4.5 billion, according to Reuters [1]".
pub fn valuations_text(vals: &[ValuationView]) -> String {
    vals.iter()
        .map(|v| format!("{}{}", v.text, refs(&v.citations)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The numbered sources with their quoted passages.
pub fn citations(list: &[Citation]) -> String {
    let mut out = String::new();
    for c in list {
        let meta = [c.source.clone(), c.published.map(|d| d.to_string())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&format!("[{}] {}", c.number, c.title));
        if !meta.is_empty() {
            out.push_str(&format!(" ({meta})"));
        }
        out.push('\n');
        if !c.article.is_empty() || c.url.is_some() {
            let mut loc = c.article.clone();
            if let Some(u) = &c.url {
                if !loc.is_empty() {
                    loc.push_str("  ");
                }
                loc.push_str(u);
            }
            out.push_str(&format!("    {loc}\n"));
        }
        out.push_str(&format!("    \"{}\"\n", c.passage));
    }
    out
}

/// `fundbot facts COMPANY`.
pub fn facts(reply: &FactsReply) -> String {
    let Some(company) = &reply.company else {
        let mut out = format!("I have no funding rounds for {:?}.", reply.query);
        if !reply.suggestions.is_empty() {
            out.push_str(&format!(" Did you mean {}?", reply.suggestions.join(", ")));
        }
        out.push('\n');
        return out;
    };
    let mut out = format!(
        "{company}: {} funding round{}\n",
        reply.rounds.len(),
        if reply.rounds.len() == 1 { "" } else { "s" }
    );
    for r in &reply.rounds {
        out.push_str(&format!("- {}\n", round_line(r)));
    }
    out.push('\n');
    out.push_str(&citations(&reply.citations));
    out
}

/// `fundbot facts --investor NAME`.
pub fn investor(reply: &InvestorReply) -> String {
    let Some(name) = &reply.investor else {
        return format!(
            "I have no rounds with an investor named {:?}.\n",
            reply.query
        );
    };
    let mut out = format!(
        "{name}: {} round{}\n",
        reply.rounds.len(),
        if reply.rounds.len() == 1 { "" } else { "s" }
    );
    for r in &reply.rounds {
        let role = if r.lead { " (lead)" } else { "" };
        out.push_str(&format!(
            "- {}{role}: {}\n",
            r.round.company,
            round_line(&r.round)
        ));
    }
    out.push('\n');
    out.push_str(&citations(&reply.citations));
    out
}

/// `fundbot rounds`: the filter, one line per round, the page, then the sources.
pub fn rounds(reply: &RoundsReply) -> String {
    if reply.total == 0 {
        let mut out = format!("No rounds on record fit: {}.\n", reply.description);
        if reply.unranked > 0 {
            out.push_str(&format!(
                "({} with amounts in currencies without an exchange rate were not ranked.)\n",
                reply.unranked
            ));
        }
        return out;
    }
    let mut out = format!("{} ({} in all)\n", reply.description, reply.total);
    for r in &reply.rounds {
        let approx = crate::answer::rounds::approx_text(r);
        let approx = if approx.is_empty() {
            approx
        } else {
            format!(" ({approx})")
        };
        out.push_str(&format!(
            "- {}: {}{approx}\n",
            r.round.company,
            round_line(&r.round)
        ));
    }
    if reply.pages > 1 {
        out.push_str(&format!(
            "page {} of {} (--page N for more)\n",
            reply.page, reply.pages
        ));
    }
    if reply.unranked > 0 {
        out.push_str(&format!(
            "{} with amounts in currencies without an exchange rate were not ranked.\n",
            reply.unranked
        ));
    }
    out.push('\n');
    out.push_str(&citations(&reply.citations));
    out
}

/// `fundbot ask`: the answer sentence, then its sources.
pub fn answer(reply: &Reply) -> String {
    let mut out = format!("{}\n", reply.answer);
    if reply.answered && reply.basis == crate::answer::ask::Basis::Passages {
        out.push_str("(quoted from a passage; no structured fact matched)\n");
    }
    // The sources the answer cites (they are numbered first); the full list is in --json.
    let cited: Vec<Citation> = reply
        .citations
        .iter()
        .filter(|c| reply.answer.contains(&format!("[{}]", c.number)))
        .take(5)
        .cloned()
        .collect();
    if !cited.is_empty() {
        out.push('\n');
        out.push_str(&citations(&cited));
    }
    out
}
