//! The extractor: funding rounds out of an article's passages.
//!
//! It reads sentence by sentence, keeping track of the company in focus (the article's subject
//! unless a sentence names another) and the round in focus (the last one mentioned), so that
//! "The round was led by ..." and "the company is now valued at ..." land on the right round.
//! Every field keeps the sentence that stated it.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;

use super::cues::{
    self, money_kinds, round_types, MoneyKind, TypeMention, HISTORICAL, PRONOUN, RAISE_VERB,
};
use super::dates::{find_dates, DateMention};
use super::mention::company_mention;
use super::money::{find_amounts, MoneyMention};
use super::names::{clean_investor, key, similar};
use super::text::{
    self, is_not_name, list_after, list_before, name_ending_at, name_starting_at, tokens,
};
use super::{DateRef, Evidence, Participation, Role, Round, RoundType, Valuation};
use crate::corpus::{Article, Passage};

/// Extracts the funding rounds an article reports.
pub fn extract(article: &Article, passages: &[Passage]) -> Vec<Round> {
    extract_with_subject(article, passages).0
}

/// Extracts the rounds and names the article's subject company, if it has one.
pub fn extract_with_subject(
    article: &Article,
    passages: &[Passage],
) -> (Vec<Round>, Option<String>) {
    let lang = super::lang::language(&article.body);
    let sentences = sentences(article, passages, lang);
    // The headline of an article in another language, read in English like its sentences.
    let english_title;
    let article = match lang {
        Some(lang) => {
            english_title = Article {
                title: super::lang::to_english(&article.title, lang).into_owned(),
                ..article.clone()
            };
            &english_title
        }
        None => article,
    };
    let title_investor = title_investor(&article.title);
    let title_company = title_investor
        .as_ref()
        .and_then(|(_, what)| company_mention(what, article.source.as_deref()));
    let is_title_investor = |name: &str| {
        title_investor
            .as_ref()
            .is_some_and(|(who, _)| same_firm(name, who))
    };
    // The headline's investor is never the subject; the company it invests in is.
    let subject = match find_subject(article, &sentences) {
        Some(s) if is_title_investor(&s) => title_company,
        None => title_company,
        found => found,
    };
    tracing::trace!(article = %article.id, subject = ?subject, "subject");
    let mut ex = Extractor {
        published: article.published.or_else(|| dateline_date(&article.body)),
        article,
        subject: subject.clone(),
        current: subject,
        drafts: Vec::new(),
        focus: None,
        companies: Vec::new(),
        aliases: Vec::new(),
        title_investor: title_investor.map(|(who, _)| who),
    };
    let mut last_passage = usize::MAX;
    for s in &sentences {
        if s.passage != last_passage {
            // A digest item opens with its company: "**1. Crestmark Pay** — The payments
            // company raised ...".
            ex.current = match s
                .header
                .as_deref()
                .and_then(|h| company_mention(h, article.source.as_deref()))
            {
                Some(name) => Some(ex.canonical(&name)),
                None => ex.subject.clone(),
            };
            last_passage = s.passage;
        }
        ex.sentence(s);
    }
    let subject = ex.subject.clone();
    let rounds = ex.finish();
    // "Bellwick" in the headline, "Bellwick Therapeutics" in the text: the subject is the
    // company its rounds are stored under, so that the store does not hold the short name as a
    // company of its own.
    let subject = subject.map(|s| {
        let k = key(&s);
        rounds
            .iter()
            .find(|r| key(&r.company) != k && r.aliases.iter().any(|a| key(a) == k))
            .map_or(s, |r| r.company.clone())
    });
    (rounds, subject)
}

/// The date in a dateline ("NEW DELHI, JANUARY 12, 2024:"), for articles that carry no
/// publication date of their own.
fn dateline_date(body: &str) -> Option<NaiveDate> {
    let first = body.split("\n\n").find(|p| !p.trim().is_empty())?;
    let head = super::text::window(first, 0, 120);
    let dateline = DATELINE.find(head)?;
    let titled: String = display_case(dateline.as_str());
    crate::facts::dates::find_dates(&titled, None)
        .into_iter()
        .find(|d| d.date.precision == crate::facts::Precision::Day)
        .map(|d| d.date.date)
}

/// The company named as a paragraph's header: "**1. Crestmark Pay** —", "Acme Robotics:".
fn header_company(text: &str) -> Option<String> {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"^\s*(?:\*\*|__|#+\s*)?\s*(?:\d{1,2}[.)]\s+)?(?P<name>[^—–:|·•*()\n]{2,60}?)\s*(?:\*\*|__)?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|:|\||·|•| - )\s+")
            .expect("header regex")
    });
    // Every header ends in one of these marks; most paragraphs have none.
    if !text.contains(['—', '–', ':', '|', '·', '•']) && !text.contains(" - ") {
        return None;
    }
    let caps = HEADER.captures(text)?;
    let raw = caps.name("name")?.as_str();
    let (name, start) = name_starting_at(raw, 0)?;
    // "MO:" in an interview is a speaker's initials, not a company.
    if name.len() <= 3 && name.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    // The whole header must be the name, not a sentence that happens to hold a colon.
    (start == 0 && name.len() + 2 >= raw.trim_end().len() && !is_not_name(&name)).then_some(name)
}

/// "Ines Varga" on a line of its own, in a post whose source is "Tidemark blog (Ines Varga)":
/// the author's byline, not a company heading a digest item.
fn is_byline(article: &Article, name: &str) -> bool {
    looks_like_person(name)
        && article
            .source
            .as_deref()
            .is_some_and(|source| source.contains(name))
}

/// The company a heading line names: "▶ **CHAI KONA** (Pune, India)", "Alpenkraft (Zurich)".
fn heading_company(line: &str) -> Option<String> {
    // "**Ember Loop** — Lisbon | circular packaging": the name is what comes before the
    // place and sector.
    let line = line
        .split(['—', '–', '|', ':'])
        .next()
        .unwrap_or(line)
        .split(" - ")
        .next()
        .unwrap_or(line);
    let cleaned: String = line
        .chars()
        .filter(|c| {
            c.is_alphanumeric()
                || c.is_whitespace()
                || matches!(c, '&' | '.' | '\'' | '’' | '-' | '(' | ')')
        })
        .collect();
    let cleaned = cleaned
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    let name_part = cleaned.split('(').next().unwrap_or("").trim();
    if name_part.is_empty() || name_part.split_whitespace().count() > 5 {
        return None;
    }
    // Section labels ("SEED OF THE DAY", "BIG CHEQUE", "Deals of the week") name no company.
    const LABEL_WORDS: &[&str] = &[
        "seed",
        "series",
        "round",
        "deal",
        "deals",
        "cheque",
        "check",
        "raise",
        "raises",
        "funding",
        "week",
        "day",
        "month",
        "news",
        "roundup",
        "digest",
        "briefing",
        "spotlight",
        "take",
        "of",
        "the",
        "and",
        "in",
        "brief",
        "more",
        "also",
        "notable",
        "top",
    ];
    if name_part
        .split_whitespace()
        .any(|w| LABEL_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    let (name, start) = name_starting_at(name_part, 0)?;
    (start == 0 && name.len() == name_part.len() && !is_not_name(&name))
        .then(|| display_case(&name))
}

/// "CHAI KONA" reads as "Chai Kona"; other spellings are kept as written.
fn display_case(name: &str) -> String {
    if name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && name.len() > 4
    {
        name.split_whitespace()
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_string() + &c.as_str().to_lowercase(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        name.to_string()
    }
}

struct Sentence<'a> {
    /// Sentence text, a dateline removed; read word for word in English when the article is
    /// in a language the glossary covers (see [`super::lang`]).
    text: std::borrow::Cow<'a, str>,
    passage: usize,
    evidence_start: usize,
    evidence_end: usize,
    /// Whether the sentence may hold funding facts at all (see [`worth_reading`]).
    relevant: bool,
    /// The investors it names, found once and used by both passes.
    investors: Vec<InvestorCue>,
    /// For a passage's first sentence, the company its header or heading line names, if any.
    header: Option<String>,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"^(?:[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][A-Za-z.]{1,12})?(?:,?\s*(?:[A-Z][A-Za-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][A-Za-z]{2,8}\s+\d{4}))?\s*(?:\([^)]{1,40}\)|/[^/]{1,40}/)?\s*(?:--|—|–|-|:)\s*(?:\(?[A-Z][A-Z ]{3,30}\)?\s*(?:--|—|–)\s*)?(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})\s*(?:--|—|–|-)\s*)?)",
    )
    .expect("dateline regex")
});

/// A dateline in square brackets: "[LONDON] ", "[Hong Kong] -".
static BRACKETED_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"^\[[A-Z][A-Za-z .,'’\-]{2,40}\]\s*(?:(?:--|—|–|-|:)\s*)?")
        .expect("bracketed dateline regex")
});

/// An interview speaker's tag opening a line: "MO: ", "Q: ".
static SPEAKER: LazyLock<Regex> =
    LazyLock::new(|| crate::util::regex(r"^[A-Z]{1,4}:\s+").expect("speaker regex"));

fn sentences<'a>(
    article: &'a Article,
    passages: &[Passage],
    lang: Option<super::lang::Lang>,
) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    let paragraphs = crate::corpus::paragraphs(&article.body);
    for p in passages {
        // A short heading paragraph right before the passage ("▶ **CHAI KONA** (Pune)").
        let heading = paragraphs
            .iter()
            .take_while(|para| para.end <= p.span.start)
            .last()
            .map(|para| para.text(&article.body))
            .filter(|t| t.len() < 80 && !t.trim_end().ends_with(['.', '!', '?']));
        for span in &p.sentences {
            let raw = span.text(&article.body);
            // A dateline ("LONDON, May 3 —") or an interview speaker's tag ("MO:", "Q:").
            let skip = DATELINE
                .find(raw)
                .or_else(|| BRACKETED_DATELINE.find(raw))
                .or_else(|| SPEAKER.find(raw))
                .map_or(0, |m| m.end());
            let mut text = super::lang::in_english(&raw[skip..], lang);
            if let std::borrow::Cow::Owned(apart) = text::unglued(&text) {
                text = std::borrow::Cow::Owned(apart);
            }
            let relevant = worth_reading(&text);
            let mut header = if span.start == p.span.start {
                header_company(&p.span.text(&article.body)[skip..]).or_else(|| {
                    heading
                        .and_then(heading_company)
                        .filter(|name| !is_byline(article, name))
                })
            } else {
                None
            };
            // "A raised $56 million from X, while B raised $5 million in a Series A": each
            // clause has its own raiser, and is read as a sentence of its own (both cite the
            // whole sentence).
            let clauses: Vec<std::borrow::Cow<'_, str>> =
                match relevant.then(|| second_raiser(&text)).flatten() {
                    Some(at) => vec![
                        std::borrow::Cow::Owned(
                            text[..at].trim_end_matches([',', ';', ' ']).to_string() + ".",
                        ),
                        std::borrow::Cow::Owned(text[at..].to_string()),
                    ],
                    None => vec![text],
                };
            for text in clauses {
                out.push(Sentence {
                    passage: p.ordinal,
                    evidence_start: span.start,
                    evidence_end: span.end,
                    relevant,
                    investors: if relevant {
                        investor_cues(&text)
                    } else {
                        Vec::new()
                    },
                    header: header.take(),
                    text,
                });
            }
        }
    }
    out
}

/// Where a second clause with its own named raiser starts: ", while Bigco raised ...",
/// "; Bigco also secured ...". Only when the first clause has a raise verb of its own.
fn second_raiser(text: &str) -> Option<usize> {
    static JOIN: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r",\s+(?:while|whereas|and)\s+|;\s+(?:and\s+|while\s+)?")
            .expect("clause join regex")
    });
    static THEN_RAISED: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"^\s*(?:,[^,]{1,60},\s*)?(?:(?:also|has|had|have|just|recently)\s+)*(?:raised|secured|closed|bagged|landed|received|got|picked\s+up|pulled\s+in|netted)\b")
            .expect("clause raiser regex")
    });
    for m in JOIN.find_iter(text) {
        if !RAISE_VERB.is_match(&text[..m.start()]) {
            continue;
        }
        let rest = &text[m.end()..];
        let Some((name, 0)) = name_starting_at(rest, 0) else {
            continue;
        };
        if is_not_name(&name) {
            continue;
        }
        if THEN_RAISED.is_match(&rest[name.len().min(rest.len())..]) {
            return Some(m.end());
        }
    }
    None
}

/// A company's own channel: "Tidemark blog (Ines Varga)", "Acme newsroom", "Acme press
/// release".
static OWN_CHANNEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"(?i)^\s*\S.{0,40}?\s(?:blog|newsroom|press\s+release|press\s+room|news\s+release)\b",
    )
    .expect("own-channel regex")
});

/// Picks the company an article is about: named as the raiser in the title or the body, the
/// subject of the lead sentence, mentioned often; never one of the article's investors.
fn find_subject(article: &Article, sentences: &[Sentence]) -> Option<String> {
    // (name, score, has strong evidence). Weight 1 is weak evidence (a name in the title);
    // a subject needs at least one strong piece (raiser, possessive owner, lead sentence, ...).
    // A digest whose items each open with their company has no one subject.
    let mut headed: Vec<String> = sentences
        .iter()
        .filter(|s| s.relevant)
        .filter_map(|s| s.header.as_deref().map(key))
        .collect();
    headed.sort();
    headed.dedup();
    tracing::trace!(?headed, "headers");
    if headed.len() >= 2 {
        return None;
    }
    let mut scores: Vec<(String, i32, bool)> = Vec::new();
    // The outlet is not the subject, unless it is the company's own channel ("Tidemark blog",
    // "Acme newsroom"): then the company speaks of itself.
    let outlet = article
        .source
        .as_deref()
        .filter(|source| !OWN_CHANNEL.is_match(source))
        .map(key)
        .unwrap_or_default();
    let add = |name: String, weight: i32, scores: &mut Vec<(String, i32, bool)>| {
        let Some(name) = company_mention(&name, article.source.as_deref()) else {
            return;
        };
        // "Night-shift gaps draw $40 million", "Cross-border trade ...": a compound adjective
        // capitalised only because it opens a headline.
        let compound_word = name.split_once('-').is_some_and(|(a, b)| {
            !a.contains(' ')
                && a.chars().skip(1).all(|c| c.is_ascii_lowercase())
                && !b.is_empty()
                && b.chars().all(|c| c.is_ascii_lowercase())
        });
        if is_not_name(&name)
            || compound_word
            || key(&name).len() < 2
            || (!outlet.is_empty() && outlet.contains(&key(&name)))
        {
            return;
        }
        let k = key(&name);
        if let Some(entry) = scores.iter_mut().find(|(n, _, _)| {
            let nk = key(n);
            nk == k
                || similar(n, &name)
                || (nk.len().min(k.len()) >= 4 && (nk.starts_with(&k) || k.starts_with(&nk)))
        }) {
            entry.1 += weight;
            entry.2 |= weight >= 2;
            if name.len() > entry.0.len() {
                entry.0 = name;
            }
        } else {
            scores.push((name, weight, weight >= 2));
        }
    };
    let title = article.title.as_str();
    for m in raise_verbs(title, true) {
        if let Some(Who::Named(n)) = subject_before(title, m.start()) {
            add(n, 4, &mut scores);
            break;
        }
    }
    for m in cues::INVEST_IN.find_iter(title) {
        if let Some((n, _)) = name_starting_at(title, m.end()) {
            add(n, 4, &mut scores);
            break;
        }
    }
    if let Some(n) = possessive_owner(title) {
        add(n, 3, &mut scores);
    }
    // Interviews and podcasts: "a conversation with Tessaline's Marta Oyelaran".
    static GUEST: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"\b(?:with|meet|from|featuring|ft\.)\s+(?P<co>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,2})(?:'s|’s)\s+(?:(?:co-?)?founder\s+|CEO\s+|chief\s+executive\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+")
            .expect("guest regex")
    });
    if let Some(c) = GUEST.captures(title) {
        add(c["co"].to_string(), 3, &mut scores);
    }
    // A company's own blog or newsroom: "Ambit Notes Blog".
    if let Some(source) = &article.source {
        static OWN: LazyLock<Regex> = LazyLock::new(|| {
            crate::util::regex(
                r"^(?P<name>.+?)\s+(?:Blog|Newsroom|Press\s+Room|Press|Engineering|News)$",
            )
            .expect("own outlet regex")
        });
        if let Some(c) = OWN.captures(source.trim()) {
            scores.push((c["name"].to_string(), 3, true));
        }
    }
    // Each investor's key, and whether it reads as a person's name.
    let mut investors: Vec<(String, bool)> = Vec::new();
    // Companies given a description ("Nurselane, a startup whose app ..."), latest last.
    let mut described: Vec<(String, String)> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        described.extend(descriptions(&s.text));
        if i > 0 && !s.relevant {
            continue;
        }
        for m in raise_verbs(&s.text, false) {
            // "Bigco announced a $2 billion deal to buy Linfield": a purchase, not a raise.
            if m.as_str().starts_with("announc") && BUYS.is_match(&s.text[m.end()..]) {
                continue;
            }
            match subject_before(&s.text, m.start()) {
                Some(Who::Named(n)) => add(n, if i < 3 { 3 } else { 2 }, &mut scores),
                // "the startup said it raised": the company last described as a startup.
                Some(Who::Implied) => {
                    if let Some(noun) = description_noun(&s.text[..m.start()]) {
                        if let Some((_, name)) = described.iter().rev().find(|(d, _)| *d == noun) {
                            add(name.clone(), 3, &mut scores);
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(n) = possessive_owner(&s.text) {
            add(n, 1, &mut scores);
        }
        investors.extend(
            s.investors
                .iter()
                .map(|c| (key(&c.name), looks_like_person(&c.name))),
        );
    }
    if let Some(first) = sentences.first() {
        if let Some(n) = sentence_subject(&first.text) {
            add(n, 2, &mut scores);
        }
        // The headline and the lead both open with the name: "Kestrel Bank climbs 21% in
        // Osaka debut" over "KESTREL Bank rose 21 per cent on its first day ...".
        let opening = |text: &str| {
            name_starting_at(text, 0)
                .filter(|(_, start)| *start == 0)
                .map(|(n, _)| cut_at_verb(&n).to_string())
                .filter(|n| !n.is_empty() && !is_not_name(n))
        };
        // Not when the headline has it buy or back another company ("Bigco acquires Acme").
        static ACTS_ON_OTHER: LazyLock<Regex> = LazyLock::new(|| {
            crate::util::regex(r"(?i)\b(?:acquires?|acquired|buys?|bought|invests?|invested|backs?|backed|leads?|led|merges?|sells?|sold|takes?|snaps|to\s+(?:buy|acquire|invest|back|lead))\b")
                .expect("acts-on-other regex")
        });
        if let (Some(t), Some(l)) = (opening(title), opening(first.text.trim_start())) {
            if key(&t) == key(&l) && !ACTS_ON_OTHER.is_match(title) {
                add(t, 3, &mut scores);
            }
        }
    }
    for s in sentences.iter().take(6) {
        if let Some(n) = led_company(&s.text) {
            add(n, 2, &mut scores);
        }
    }
    // Every name in the title is a weak candidate: "Here's what's next for Loomwise".
    let title_words = tokens(title);
    let mut at = 0;
    while at < title.len() {
        match name_starting_at(title, at) {
            Some((n, start)) => {
                let end = start + n.len();
                let n = cut_at_verb(&n);
                if !n.is_empty() && !is_not_name(&n) && title_words.len() > 1 {
                    add(n, 1, &mut scores);
                }
                at = end.max(at + 1);
                while at < title.len() && !title.is_char_boundary(at) {
                    at += 1;
                }
            }
            None => break,
        }
    }
    let body = article.body.to_lowercase();
    let host = article
        .url
        .as_deref()
        .and_then(|u| u.split("//").nth(1))
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(['.', '-'], "");
    for (name, score, strong) in scores.iter_mut() {
        let k = key(name);
        if k.len() >= 4 && host.contains(&k) {
            *score += 2;
            *strong = true;
        }
        let mentions = body.matches(&name.to_lowercase()).count() as i32;
        *score += mentions.min(4);
        // "SoftBank" is the investor "SoftBank Group"; "Ravi" is not the founder "Ravi Menon"
        // who joins his own company's round.
        if investors
            .iter()
            .any(|(i, person)| *i == k || (k.len() >= 4 && !person && i.starts_with(&k)))
        {
            *score -= 6;
        }
    }
    tracing::trace!(?scores, "subject scores");
    let mut strong: Vec<(String, i32)> = scores
        .into_iter()
        .filter(|(_, score, strong)| *score >= 3 && *strong)
        .map(|(name, score, _)| (name, score))
        .collect();
    strong.sort_by_key(|(_, score)| std::cmp::Reverse(*score));
    // Two companies with the same standing (a digest whose deals are told alike): no one of
    // them is what the article is about.
    if strong.len() >= 2 && strong[0].1 == strong[1].1 {
        tracing::trace!(?strong, "no single subject");
        return None;
    }
    strong.into_iter().next().map(|(name, _)| name)
}

/// A purchase told after "announced": "a $2 billion deal to buy Linfield".
static BUYS: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"(?i)\b(?:to\s+(?:buy|acquire|purchase|take\s+over|merge\s+with)|(?:acquisition|purchase|takeover)\s+of)\b",
    )
    .expect("buys regex")
});

/// The nouns a company is described by, in an appositive ("Nurselane, a startup whose app")
/// or when it is referred back to ("the startup said").
const DESCRIPTION_NOUNS: &str = r"startup|start-up|company|firm|business|platform|provider|maker|developer|lender|fintech|marketplace|retailer|operator|unicorn|app";

/// "Nurselane, a startup whose app ...", "Orrin, a London lender,": each company given a
/// description, with the description's noun. ("On Monday, the startup said" is no appositive,
/// so "the" does not open one.)
fn descriptions(text: &str) -> Vec<(String, String)> {
    static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(&format!(
            r"(?P<name>\b[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){{0,3}}),\s+(?:a|an)\s+(?:[\w\-]+\s+){{0,4}}?(?P<noun>{DESCRIPTION_NOUNS})\b"
        ))
        .expect("appositive regex")
    });
    // Run for every sentence of every article: most have no ", a"/", an" at all.
    if !text.contains(", a") {
        return Vec::new();
    }
    APPOSITIVE
        .captures_iter(text)
        .filter_map(|c| {
            let name = company_mention(&c["name"], None)?;
            (!is_not_name(&name)).then(|| (c["noun"].to_ascii_lowercase(), name))
        })
        .collect()
}

/// The noun of the description a raise verb's subject refers back with: "the startup said it".
fn description_noun(before: &str) -> Option<String> {
    static THE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(&format!(
            r"(?i)\bthe\s+(?:[\w\-]+\s+){{0,3}}?(?P<noun>{DESCRIPTION_NOUNS})\b"
        ))
        .expect("description regex")
    });
    THE_NOUN
        .captures_iter(before)
        .last()
        .map(|c| c["noun"].to_ascii_lowercase())
}

/// A title's name phrase up to its first verb: "Pinecrest Labs Secures" is Pinecrest Labs.
fn cut_at_verb(name: &str) -> String {
    static VERBISH: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)^(?:raises?|raised|closes?|closed|lands?|landed|secures?|secured|bags?|gets?|nabs?|snags?|wins?|announces?|leads?|led|backs?|invests?|files?|buys?|acquires?|launches?|unveils?|completes?|scores?|pulls|hauls|rakes|nets?|takes|tops|extends|is|are|was|has|hits|reaches|eyes|plans|says|valued|becomes)$")
            .expect("title verb regex")
    });
    let mut words = Vec::new();
    for w in name.split_whitespace() {
        if VERBISH.is_match(w.trim_matches(|c: char| !c.is_alphanumeric())) {
            break;
        }
        words.push(w);
    }
    words.join(" ")
}

/// How the company of a sentence was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// As the subject of a raise verb ("Acme raised").
    RaiseSubject,
    /// As the object of an investor verb ("X invested in Acme").
    InvestObject,
    /// Otherwise (a pronoun, a possessive, the sentence subject).
    Other,
}

/// How a sentence refers to the company that raised.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    /// Named in the sentence as the raiser.
    Named(String),
    /// Referred to ("it", "the startup") or implied.
    Implied,
    /// Not said.
    Unknown,
}

struct Draft {
    round: Round,
    /// Sentences (by start offset) that created the round or stated its amount.
    sized_in: Vec<usize>,
    historical: bool,
    /// The round was created by a raise verb or amount, not only by a mention of its name.
    raised: bool,
    /// The tranche number a round's name carries ("Series B-2" is 2): B-1 and B-2 are two
    /// rounds of the same kind.
    tranche: Option<u8>,
}

/// The tranche number after a series letter where the mention at `start` names one:
/// "Series B-2", "Series A2", "series C-1".
fn tranche_at(text: &str, start: usize) -> Option<u8> {
    static TRANCHE: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"^(?i:series)[\s\-]+[A-Ka-k](?:-|\s)?([1-9])\b").expect("tranche regex")
    });
    TRANCHE
        .captures(&text[start..])
        .and_then(|c| c[1].parse().ok())
}

struct Extractor<'a> {
    article: &'a Article,
    /// Publication date, or the dateline's date for articles without metadata.
    published: Option<NaiveDate>,
    subject: Option<String>,
    current: Option<String>,
    drafts: Vec<Draft>,
    focus: Option<usize>,
    companies: Vec<String>,
    /// Every spelling of a company seen, to name each by its fullest form at the end.
    aliases: Vec<String>,
    /// The investor the headline names ("Northgale invests $40M in Brisa"): the body's
    /// "Northgale has sealed a funding deal with Brisa" is Brisa's round.
    title_investor: Option<String>,
}

impl Draft {
    fn fresh_in(&self, sentence: usize) -> bool {
        self.sized_in.contains(&sentence)
    }
}

impl Extractor<'_> {
    fn evidence(&self, s: &Sentence) -> Evidence {
        Evidence {
            article: self.article.id.clone(),
            passage: s.passage,
            start: s.evidence_start,
            end: s.evidence_end,
        }
    }

    /// One name per company: spellings that match the subject or an earlier company are
    /// folded into it.
    fn canonical(&mut self, name: &str) -> String {
        let b = key(name);
        let words: Vec<&str> = name.split_whitespace().collect();
        // "Robo-Advisor Wolkenfeld Capital" (German capitalises the description before a name)
        // is the company already known as "Wolkenfeld Capital".
        let described_as = |known: &str| {
            let known: Vec<&str> = known.split_whitespace().collect();
            let extra = words.len().saturating_sub(known.len());
            (1..=2).contains(&extra)
                && words[extra..]
                    .iter()
                    .zip(&known)
                    .all(|(w, k)| w.eq_ignore_ascii_case(k))
        };
        let same = |known: &str| {
            let a = key(known);
            a == b
                || (a.len() >= 4 && b.len() >= 4 && (a.starts_with(&b) || b.starts_with(&a)))
                || super::names::first_word_of(name, known)
                || super::names::first_word_of(known, name)
                || similar(known, name)
                || (a.len() >= 6 && described_as(known))
        };
        if !self.aliases.iter().any(|a| a == name) {
            self.aliases.push(name.to_string());
        }
        if let Some(subject) = &self.subject {
            if same(subject) {
                return subject.clone();
            }
        }
        if let Some(known) = self.companies.iter().find(|c| same(c)) {
            return known.clone();
        }
        self.companies.push(name.to_string());
        name.to_string()
    }

    fn is_company_name(&self, name: &str) -> bool {
        let k = key(name);
        self.subject
            .iter()
            .chain(self.companies.iter())
            .any(|c| key(c) == k || similar(c, name))
    }

    fn sentence(&mut self, s: &Sentence) {
        let text: &str = &s.text;
        if let Some(record) = super::records::parse(text, self.published) {
            self.record(s, record);
            return;
        }
        if !s.relevant {
            return;
        }
        let mentions = find_amounts(text);
        if self.deal_list(s, &mentions) {
            return;
        }
        let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        let mut amounts: Vec<(MoneyMention, MoneyKind)> = mentions
            .into_iter()
            .zip(money_kinds(text, &spans))
            .collect();
        let mut types = round_types(text);
        // "$55 million of the investment was equity ..., and $15 million was a credit
        // facility": the parts of the round in focus, not rounds of their own.
        if let Some(focus) = self.focus {
            if amounts
                .iter()
                .any(|(m, _)| cues::is_part_of(&text[m.end..]))
            {
                for (_, kind) in amounts.iter_mut() {
                    if matches!(kind, MoneyKind::Round | MoneyKind::Total) {
                        *kind = MoneyKind::Other;
                    }
                }
                if self.drafts[focus].round.round != RoundType::Debt {
                    types.retain(|t| t.kind != RoundType::Debt);
                }
            }
        }
        let published = self.published;
        let investors = &s.investors;
        let raise = RAISE_VERB.find(text).is_some();
        let undisclosed = UNDISCLOSED.is_match(text);

        let round_info = !types.is_empty() || amounts.iter().any(|(_, k)| *k == MoneyKind::Round);
        let (who, found) = self.who(text, investors, round_info);
        let raise_subject = found == Found::RaiseSubject;
        // A name that cannot be a company (a place, "We've", the outlet) stands for the
        // company in focus, as a pronoun would.
        let outlet = self.article.source.as_deref();
        let named = match &who {
            Who::Named(name) => company_mention(name, outlet).filter(|n| {
                self.current.is_none()
                    || !self
                        .title_investor
                        .as_deref()
                        .is_some_and(|t| same_firm(n, t))
            }),
            Who::Implied | Who::Unknown => None,
        };
        let company = match named {
            Some(name) => {
                let c = self.canonical(&name);
                self.current = Some(c.clone());
                Some(c)
            }
            None => self.current.clone(),
        };
        tracing::trace!(
            sentence = text,
            ?who,
            company = company.as_deref(),
            types = ?types.iter().map(|t| t.kind).collect::<Vec<_>>(),
            amounts = ?amounts.iter().map(|(m, k)| (m.money.to_string(), *k)).collect::<Vec<_>>(),
            investors = ?investors.iter().map(|c| (&c.name, c.role)).collect::<Vec<_>>(),
            "extract"
        );
        let Some(company) = company else { return };
        let definite = DEFINITE_ROUND.is_match(text);
        let focus_same = self
            .focus
            .filter(|&f| self.drafts[f].round.company == company);
        let ev = self.evidence(s);

        // Which rounds this sentence is about, with where each is mentioned.
        let mut targets: Vec<(usize, usize)> = Vec::new();
        let round_amounts: Vec<&(MoneyMention, MoneyKind)> = amounts
            .iter()
            .filter(|(_, k)| *k == MoneyKind::Round)
            .collect();
        let funding_context = raise
            || !types.is_empty()
            || !investors.is_empty()
            || cues::FUNDING_NOUN.is_match(text);
        let mut used = vec![false; round_amounts.len()];
        let firm_like = is_firm_name(&company);
        let round_amounts: Vec<&(MoneyMention, MoneyKind)> = if firm_like && types.is_empty() {
            Vec::new()
        } else {
            round_amounts
        };
        let typed_ok = who != Who::Unknown || definite || raise || !investors.is_empty();
        if typed_ok {
            let mut prev_end = 0;
            let pairing = pair_amounts(&round_amounts, &types);
            for (ti, t) in types.iter().enumerate() {
                if is_planned(text, t.start) {
                    continue;
                }
                let amount_idx = pairing[ti];
                let hist = is_historical(text, prev_end, t.start);
                prev_end = t.end;
                let money = amount_idx.map(|i| round_amounts[i].0.money.clone());
                if let Some(i) = amount_idx {
                    used[i] = true;
                }
                let tranche = tranche_at(text, t.start);
                let idx = self.find_or_create(&company, t.kind, tranche, money, hist, &ev);
                targets.push((idx, t.start));
            }
        }
        if funding_context {
            for (i, (m, _)) in round_amounts.iter().enumerate() {
                if used[i] || is_planned(text, m.start) {
                    continue;
                }
                let hist = is_historical(text, 0, m.start);
                if let Some(&(idx, _)) = targets
                    .iter()
                    .find(|(d, _)| self.drafts[*d].round.amount.is_none())
                {
                    self.set_amount(idx, m, &ev);
                    continue;
                }
                match focus_same {
                    Some(f) if self.drafts[f].round.amount.as_ref() == Some(&m.money) => {
                        targets.push((f, m.start))
                    }
                    Some(f)
                        if self.drafts[f].round.amount.is_none()
                            && (!hist || self.drafts[f].historical) =>
                    {
                        self.set_amount(f, m, &ev);
                        targets.push((f, m.start));
                    }
                    _ if targets
                        .iter()
                        .any(|(d, _)| self.drafts[*d].round.amount.as_ref() == Some(&m.money)) => {}
                    // "Northgale is in talks to lead a round worth £80m": an amount with its
                    // investors is a round of the company in focus, even without a raise verb.
                    // "The firm had raised $600 million in 2019, led by Halden": an
                    // earlier round of the company in focus, not the focus round's.
                    _ if raise_subject
                        || (hist && who != Who::Unknown && HAD_RAISED.is_match(text))
                        || (focus_same.is_none()
                            && (raise || who != Who::Unknown || !investors.is_empty())) =>
                    {
                        let idx = self.create(
                            &company,
                            RoundType::Unknown,
                            Some(m.money.clone()),
                            hist,
                            &ev,
                        );
                        targets.push((idx, m.start));
                    }
                    _ => {}
                }
            }
            if targets.is_empty()
                && (raise_subject || found == Found::InvestObject)
                && undisclosed
                && focus_same.is_none()
            {
                let idx = self.create(&company, RoundType::Unknown, None, false, &ev);
                targets.push((idx, 0));
            }
        }
        // "Pellway is raising fresh capital at a valuation of $9 billion": a round known only by
        // its valuation.
        // "Brisa last raised funding late last year at a valuation of $900 million": an earlier
        // round's valuation, not the one in focus.
        if targets.is_empty() && raise && who != Who::Unknown {
            if let Some((m, _)) = amounts
                .iter()
                .find(|(m, k)| matches!(k, MoneyKind::Valuation(_)) && !is_planned(text, m.start))
            {
                let hist = is_historical(text, 0, m.start);
                let focus_takes_it = focus_same.is_some_and(|f| !hist || self.drafts[f].historical);
                if !focus_takes_it {
                    let idx = self.create(&company, RoundType::Unknown, None, hist, &ev);
                    self.drafts[idx].raised = true;
                    targets.push((idx, m.start));
                }
            }
        }
        let attach_to_focus = targets.is_empty();
        let target_at = |pos: usize, targets: &[(usize, usize)]| -> Option<usize> {
            targets
                .iter()
                .filter(|(_, p)| *p <= pos)
                .max_by_key(|(_, p)| *p)
                .or_else(|| targets.first())
                .map(|(d, _)| *d)
        };

        for cue in investors {
            if similar(&cue.name, &company)
                || self
                    .subject
                    .as_deref()
                    .is_some_and(|s| similar(s, &cue.name))
            {
                continue;
            }
            let target =
                target_at(cue.pos, &targets).or(if attach_to_focus { focus_same } else { None });
            if let Some(d) = target {
                add_investor(&mut self.drafts[d].round, &cue.name, cue.role, &ev);
            }
        }

        let valuation_spans: Vec<(usize, usize)> = amounts
            .iter()
            .filter(|(_, k)| matches!(k, MoneyKind::Valuation(_)))
            .map(|(m, _)| (m.start, m.end))
            .collect();
        // "In 2010, Halden bought a majority stake in a deal that valued the company at $200
        // million": a figure dated before the round in focus is not that round's valuation.
        let focus_year = focus_same
            .and_then(|f| self.drafts[f].round.date.map(|d| d.date.year()))
            .or(published.map(|p| p.year()));
        let dated_before = |pos: usize| {
            targets.is_empty()
                && focus_year.is_some_and(|year| {
                    find_dates(&text[..pos], published).iter().any(|d| {
                        !d.relative
                            && d.date.date.year() < year
                            && date_refers_to_round(text, d, published)
                    })
                })
        };
        for (m, kind) in &amounts {
            let MoneyKind::Valuation(basis) = kind else {
                continue;
            };
            let target = target_at(m.start, &targets).or(focus_same);
            let Some(d) = target else { continue };
            if dated_before(m.start) {
                continue;
            }
            // Each figure takes the outlet named in its own stretch of the sentence.
            // A clause break ("while", "whereas", "but", ";") also ends a figure's stretch.
            static BREAK: LazyLock<Regex> = LazyLock::new(|| {
                crate::util::regex(r"(?i)\b(?:while|whereas|but|although|though)\b|;")
                    .expect("break regex")
            });
            let breaks: Vec<usize> = BREAK.find_iter(text).map(|b| b.start()).collect();
            let from = valuation_spans
                .iter()
                .filter(|(_, e)| *e <= m.start)
                .map(|(_, e)| *e)
                .chain(breaks.iter().copied().filter(|b| *b <= m.start))
                .max()
                .unwrap_or(0);
            let to = valuation_spans
                .iter()
                .filter(|(st, _)| *st >= m.end)
                .map(|(st, _)| *st)
                .chain(breaks.iter().copied().filter(|b| *b >= m.end))
                .min()
                .unwrap_or(text.len());
            let attribution =
                attribution(text, from, to, m.start).filter(|a| !similar(a, &company));
            let v = Valuation {
                amount: m.money.clone(),
                amount_max: m.max,
                qualifier: m.qualifier,
                basis: *basis,
                attribution,
                evidence: Some(ev.clone()),
            };
            let round = &mut self.drafts[d].round;
            if !round
                .valuations
                .iter()
                .any(|x| x.amount == v.amount && x.attribution == v.attribution)
            {
                round.valuations.push(v);
            }
        }

        // Dates are read only for the two uses below: most sentences have no round to date.
        let dates: Vec<DateMention> = if !targets.is_empty() || definite {
            find_dates(text, published)
                .into_iter()
                .filter(|d| date_refers_to_round(text, d, published))
                .collect()
        } else {
            Vec::new()
        };
        // "The company announced the round on Thursday": a date for the round in focus.
        if targets.is_empty() && definite && !dates.is_empty() {
            if let Some(f) = focus_same
                .filter(|&f| self.drafts[f].round.date.is_none() && !self.drafts[f].historical)
            {
                if ANNOUNCED.is_match(text) {
                    self.drafts[f].round.date = Some(dates[0].date);
                }
            }
        }

        // Dates go to the rounds this sentence reports (creates or sizes), the most precise first.
        for &(d, pos) in &targets {
            let event = raise || ANNOUNCED.is_match(text);
            if self.drafts[d].round.date.is_some()
                || !(event || self.drafts[d].fresh_in(s.evidence_start))
            {
                continue;
            }
            if let Some(date) = dates
                .iter()
                .min_by_key(|x| (std::cmp::Reverse(x.date.precision), x.start.abs_diff(pos)))
            {
                self.drafts[d].round.date = Some(date.date);
                if let Some(p) = published {
                    if date.date.end() + Duration::days(45) < p {
                        self.drafts[d].historical = true;
                    }
                }
            }
        }

        match targets.iter().find(|(d, _)| !self.drafts[*d].historical) {
            Some(&(first, _)) => self.focus = Some(first),
            None if focus_same.is_none() => {
                self.focus = targets.first().map(|t| t.0).or(self.focus)
            }
            None => {}
        }
    }

    /// A deal record ("Company: Acme | Round: Seed | Amount: $2M | Lead: ...") is one round,
    /// read field by field.
    fn record(&mut self, s: &Sentence, r: super::records::Record) {
        let ev = self.evidence(s);
        let company = self.canonical(&r.company);
        self.current = Some(company.clone());
        let money = r.amount.as_ref().map(|m| m.money.clone());
        let d = self.find_or_create(&company, r.round, None, money, false, &ev);
        let draft = &mut self.drafts[d];
        draft.raised = true;
        if draft.round.evidence.is_none() {
            draft.round.evidence = Some(ev.clone());
        }
        if let Some(date) = r.date {
            draft.round.date.get_or_insert(date);
        }
        for name in &r.leads {
            add_investor(&mut draft.round, name, Role::Lead, &ev);
        }
        for name in &r.investors {
            add_investor(&mut draft.round, name, Role::Participant, &ev);
        }
        if let Some((m, basis)) = r.valuation {
            draft.round.valuations.push(Valuation {
                amount: m.money,
                amount_max: m.max,
                qualifier: m.qualifier,
                basis,
                attribution: None,
                evidence: Some(ev),
            });
        }
        self.focus = Some(d);
    }

    /// A digest sentence listing several companies with their amounts: one round each.
    /// Not when a company raised in the sentence itself ("Acme raised $10 million from
    /// Beta ($4 million) and Gamma ($6 million)": those are investors' shares).
    fn deal_list(&mut self, s: &Sentence, amounts: &[MoneyMention]) -> bool {
        // "A, B and C, which raised $X, $Y and $Z, respectively": the grammar makes each name a
        // raiser, whatever cue ("the list was followed by A") comes before them.
        if let Some(items) = super::records::respectively(&s.text, amounts) {
            for r in items {
                self.record(s, r);
            }
            return true;
        }
        let items = super::records::deal_list(&s.text, amounts);
        let Some(first) = items.first() else {
            return false;
        };
        let head = s.text.find(first.company.as_str()).unwrap_or(0);
        let raiser = raise_verbs(&s.text[..head], false)
            .any(|m| matches!(subject_before(&s.text, m.start()), Some(Who::Named(_))));
        let invests = |name: &str| s.investors.iter().any(|c| similar(&c.name, name));
        if raiser || items.iter().any(|r| invests(&r.company)) {
            return false;
        }
        for r in items {
            self.record(s, r);
        }
        true
    }

    /// Who raised, per this sentence; and whether a raise verb had the company as subject.
    fn who(&self, text: &str, investors: &[InvestorCue], round_info: bool) -> (Who, Found) {
        let is_investor = |name: &str| investors.iter().any(|c| similar(&c.name, name));
        for m in raise_verbs(text, false) {
            if text[m.end()..].trim_start().starts_with("to ")
                && m.as_str().eq_ignore_ascii_case("close")
            {
                continue;
            }
            match subject_before(text, m.start()) {
                Some(Who::Named(name)) if !is_investor(&name) => {
                    return (Who::Named(name), Found::RaiseSubject)
                }
                Some(Who::Implied) => return (Who::Implied, Found::RaiseSubject),
                _ => {}
            }
        }
        let objects = OBJECT_OF
            .find_iter(text)
            .filter(|m| !text[m.end()..].starts_with("by "));
        // "co-led by the two firms, and it will pay for a plant in Silesia": the object of
        // another clause is not the company invested in.
        let same_clause = |m: &regex::Match| {
            let s = m.as_str();
            !(s.contains(", and ") || s.contains(", which") || s.contains(" will "))
        };
        for m in cues::INVEST_IN
            .find_iter(text)
            .chain(objects)
            .filter(same_clause)
        {
            // "for New Zealand-based feedback startup Quorra": the name after its description.
            let at = DESCRIBED
                .find(&text[m.end()..])
                .map(|d| m.end() + d.end())
                .filter(|&at| text[at..].starts_with(|c: char| c.is_uppercase()))
                .unwrap_or(m.end());
            if let Some((name, _)) = name_starting_at(text, at) {
                if !is_investor(&name) && !is_not_name(&name) {
                    return (Who::Named(name), Found::InvestObject);
                }
            }
        }
        // "$25 million was raised by Acme", "Raising $8m in seed money is Acme".
        if let Some(m) = RAISED_BY.find(text).or_else(|| RAISING_IS.find(text)) {
            if let Some((name, _)) = name_starting_at(text, m.end()) {
                if !is_investor(&name) && !is_not_name(&name) {
                    return (Who::Named(name), Found::RaiseSubject);
                }
            }
        }
        if let Some(name) = possessive_owner(text) {
            if !is_investor(&name) {
                return (Who::Named(name), Found::Other);
            }
        }
        // "Inkwell Legal tops up its Series A": a new name as the subject of a sentence about a round.
        if round_info {
            if let Some(name) = sentence_subject(text) {
                if !is_investor(&name)
                    && !is_not_name(&name)
                    && text.trim_start().starts_with(name.as_str())
                {
                    return (Who::Named(name), Found::Other);
                }
            }
        }
        if let Some(m) = TOP_DEAL.find(text) {
            if let Some((name, _)) = name_starting_at(text, m.end()) {
                if !is_investor(&name) && !is_not_name(&name) {
                    return (Who::Named(name), Found::Other);
                }
            }
        }
        if PRONOUN.is_match(text) {
            return (Who::Implied, Found::Other);
        }
        if let Some(name) = sentence_subject(text) {
            if self.is_company_name(&name) && !is_investor(&name) {
                return (Who::Named(name), Found::Other);
            }
        }
        (Who::Unknown, Found::Other)
    }

    fn create(
        &mut self,
        company: &str,
        kind: RoundType,
        amount: Option<super::Money>,
        historical: bool,
        ev: &Evidence,
    ) -> usize {
        let mut round = Round::new(company, kind, self.article.id.clone());
        round.amount = amount.clone();
        round.evidence = Some(ev.clone());
        self.drafts.push(Draft {
            round,
            sized_in: vec![ev.start],
            historical,
            raised: amount.is_some(),
            tranche: None,
        });
        self.drafts.len() - 1
    }

    /// The company's round of this kind (and tranche, when the mention names one: a round of
    /// another tranche of the same series is another round), or a new one.
    fn find_or_create(
        &mut self,
        company: &str,
        kind: RoundType,
        tranche: Option<u8>,
        amount: Option<super::Money>,
        historical: bool,
        ev: &Evidence,
    ) -> usize {
        let same_company = |d: &Draft| d.round.company == company;
        // A mention with no tranche is the tranche on record, unless its size is another:
        // "$1 crore of Series A2 shares", then "$11 million as part of its Series A round".
        let same_tranche = |d: &Draft| match (d.tranche, tranche) {
            (Some(a), Some(b)) => a == b,
            (Some(_), None) => match (&d.round.amount, &amount) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            },
            _ => true,
        };
        if let Some(i) = self
            .drafts
            .iter()
            .position(|d| same_company(d) && d.round.round == kind && same_tranche(d))
        {
            if self.drafts[i].tranche.is_none() {
                self.drafts[i].tranche = tranche;
            }
            if let Some(a) = amount {
                self.drafts[i].sized_in.push(ev.start);
                if self.drafts[i].round.amount.is_none() {
                    self.drafts[i].round.amount = Some(a);
                    self.drafts[i].round.evidence = Some(ev.clone());
                    self.drafts[i].raised = true;
                }
            }
            return i;
        }
        // A round first reported without its name ("raised $600 million") gets the name now.
        let unnamed = |d: &Draft| {
            same_company(d)
                && d.round.round == RoundType::Unknown
                && match (&d.round.amount, &amount) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        };
        let candidate = self
            .focus
            .filter(|&f| unnamed(&self.drafts[f]) && self.drafts[f].historical == historical)
            .or_else(|| {
                amount.as_ref().and_then(|_| {
                    self.drafts
                        .iter()
                        .position(|d| unnamed(d) && d.round.amount.is_some())
                })
            });
        if let Some(i) = candidate {
            self.drafts[i].round.round = kind;
            self.drafts[i].tranche = tranche;
            self.drafts[i].sized_in.push(ev.start);
            if self.drafts[i].round.amount.is_none() && amount.is_some() {
                // The sentence that sizes a round is the one to cite for it.
                self.drafts[i].round.amount = amount;
                self.drafts[i].round.evidence = Some(ev.clone());
            }
            return i;
        }
        let i = self.create(company, kind, amount, historical, ev);
        self.drafts[i].tranche = tranche;
        i
    }

    fn set_amount(&mut self, d: usize, m: &MoneyMention, ev: &Evidence) {
        let draft = &mut self.drafts[d];
        draft.sized_in.push(ev.start);
        if draft.round.amount.is_none() || draft.round.evidence.is_none() {
            draft.round.evidence = Some(ev.clone());
        }
        draft.round.amount = Some(m.money.clone());
        draft.raised = true;
    }

    fn finish(self) -> Vec<Round> {
        let published = self.published;
        let aliases = self.aliases.clone();
        let fullest = |name: &str| -> String {
            let k = key(name);
            aliases
                .iter()
                .filter(|a| {
                    let ak = key(a);
                    ak.starts_with(&k) && ak.len() > k.len() && ak.len() <= k.len() + 14
                })
                .max_by_key(|a| a.len())
                .cloned()
                .unwrap_or_else(|| name.to_string())
        };
        let mut drafts = self.drafts;
        // An unnamed round with the same amount as a named one of the same company is that round.
        let mut i = 0;
        while i < drafts.len() {
            let dup = drafts[i].round.round == RoundType::Unknown
                && drafts.iter().enumerate().any(|(j, d)| {
                    j != i
                        && d.round.company == drafts[i].round.company
                        && d.round.round != RoundType::Unknown
                        && d.round.amount.is_some()
                        && d.round.amount == drafts[i].round.amount
                });
            if dup {
                let removed = drafts.remove(i);
                if let Some(target) = drafts.iter_mut().find(|d| {
                    d.round.company == removed.round.company
                        && d.round.amount == removed.round.amount
                }) {
                    for p in removed.round.investors {
                        add_investor(
                            &mut target.round,
                            &p.name,
                            p.role,
                            p.evidence.as_ref().expect("extracted evidence"),
                        );
                    }
                    for v in removed.round.valuations {
                        if !target
                            .round
                            .valuations
                            .iter()
                            .any(|x| x.amount == v.amount && x.attribution == v.attribution)
                        {
                            target.round.valuations.push(v);
                        }
                    }
                    if target.round.date.is_none() {
                        target.round.date = removed.round.date;
                    }
                }
            } else {
                i += 1;
            }
        }
        drafts
            .into_iter()
            .filter(|d| {
                d.raised || d.round.round != RoundType::Unknown || !d.round.investors.is_empty()
            })
            .map(|mut d| {
                let full = fullest(&d.round.company);
                let k = key(&full);
                d.round.aliases = aliases
                    .iter()
                    .filter(|a| {
                        **a != full && !a.is_empty() && k.starts_with(&key(a)) && key(a).len() >= 3
                    })
                    .cloned()
                    .collect();
                d.round.company = full;
                d.round.tranche = d.tranche;
                if d.round.date.is_none() && !d.historical {
                    d.round.date = published.map(DateRef::day);
                }
                d.round
            })
            .collect()
    }
}

/// Raise verbs in `text`. In running text a capitalised one inside a sentence is a name
/// ("Copperstate Bank", "Land Rover"), not a verb; titles capitalise every word, so there only
/// the noun-like ones are checked.
fn raise_verbs(text: &str, title: bool) -> impl Iterator<Item = regex::Match<'_>> {
    RAISE_VERB.find_iter(text).filter(move |m| {
        // "Digital bank Orlen Pay has closed": "bank" before a name is the noun.
        if matches!(m.as_str(), "bank" | "banks")
            && text[m.end()..]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase())
        {
            return false;
        }
        let capital = m.as_str().starts_with(|c: char| c.is_uppercase());
        if !capital || m.start() == 0 {
            return true;
        }
        if title {
            let w = m.as_str().to_ascii_lowercase();
            !matches!(
                w.as_str(),
                "bank" | "banks" | "land" | "net" | "close" | "score" | "seal" | "won"
            )
        } else {
            false
        }
    })
}

/// The company a sentence names as raising money: "Further, transport software maker Routefield
/// raised $2.5 million" gives "Routefield"; "It raised" and "the round was led by" give none.
/// People ("Lindqvist and Osei have raised") raise for a company and are not one.
pub(crate) fn named_raiser(text: &str) -> Option<String> {
    raise_verbs(text, false).find_map(|m| match subject_before(text, m.start()) {
        Some(Who::Named(name)) if !looks_like_person(&name) && !in_a_list(text, &name) => {
            Some(name)
        }
        _ => None,
    })
}

/// Whether `name` stands in a list in `text` ("Lindqvist and Osei have raised").
fn in_a_list(text: &str, name: &str) -> bool {
    name.contains(" and ")
        || name.contains(" & ")
        || text.find(name).is_some_and(|at| {
            let before = text[..at].trim_end().to_ascii_lowercase();
            before.ends_with(" and")
                || before.ends_with('&')
                || before.ends_with(',') && text[at + name.len()..].trim_start().starts_with("and ")
        })
}

/// A cheap first look: sentences with no figure and no funding word cannot state a round, an
/// investor or a valuation, so the costly analysis skips them.
fn worth_reading(text: &str) -> bool {
    static GATE: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"(?i)[0-9]|\b(?:led|lead|leads|leading|co-?led|invest|backer|backed|backing|back|particip|round|seed|series|valu|worth|rais|fund|financ|joined|join|secur|closed|close|bag|net|grant|debt|convertible|stake|tranche|angel|capital|contribut|put|pour|inject)",
        )
        .expect("gate regex")
    });
    GATE.is_match(text)
}

/// Investor verbs whose direct object is the company: "Y backs Acme with $5M".
static OBJECT_OF: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"\b(?:backs|backed|funds|funded|bankrolls|bankrolled|finances|financed)\s+")
        .expect("object regex")
});

/// "Raising $8m in seed money is Acme": the raiser named after the figure.
static RAISING_IS: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"^\s*(?:Raising|Landing|Closing|Securing|Bagging|Banking|Pocketing|Scoring)\b[^.;]{0,80}?\s(?:is|was)\s+",
    )
    .expect("raising-is regex")
});

/// "The biggest raise of the month was that of the logistics startup Quarrel", "the week's
/// largest round went to Pellucid": a digest names the company of its top deal, and the
/// sentences after it ("the company reached a valuation of ...") are about that company.
static TOP_DEAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"(?i)^\s*(?:the\s+)?(?:(?:week|month|year|quarter|day)(?:'s|’s)\s+)?(?:biggest|largest|top|highest|main)\s+(?:raise|round|deal|funding|fundraise|fundraising|investment|cheque|check|ticket)s?\s+(?:of\s+the\s+(?:week|month|year|quarter|day)\s+)?(?:was\s+(?:that\s+of\s+|by\s+)?|went\s+to\s+|came\s+from\s+|belonged\s+to\s+)",
    )
    .expect("top-deal regex")
});

/// "had raised", "previously secured": a raise told as earlier than the one in focus.
static HAD_RAISED: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\b(?:had|previously|earlier|last\s+year)\s+(?:\w+\s+)?(?:raised|secured|closed|bagged|received|landed|collected)\b")
        .expect("had-raised regex")
});

/// "New Zealand-based customer feedback startup ": a description before a company's name.
static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"^(?:(?:the|a|an)\s+)?(?:[\w\-]+\s+){0,6}?(?:startup|start-up|company|firm|platform|provider|maker|developer|app|business|fintech|operator|marketplace|unicorn|specialist|lender)\s+",
    )
    .expect("description regex")
});

/// "$25 million was raised by Acme", "the $120 million raised by Acme": a passive raise.
static RAISED_BY: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"(?i)(?:\b(?:was|were|has\s+been|had\s+been)|\d\s*(?:million|billion|mn|bn|m|k|crore|lakh)?)\s+(?:raised|secured|collected|closed)\s+by\s+",
    )
    .expect("raised-by regex")
});

static ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\b(?:announc|clos|complet|unveil|disclos|confirm|finaliz|finalis|signed|struck|sealed|wrapped)")
        .expect("announced regex")
});

/// "Harrowgate" and "Harrowgate Corp" name one firm.
fn same_firm(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    a.len() >= 4 && b.len() >= 4 && (a.starts_with(&b) || b.starts_with(&a))
}

/// "Northgale investing $40M in Brisa", "Northgale backs Brisa": the headline's investor.
fn title_investor(title: &str) -> Option<(String, String)> {
    static INVESTS: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"^\s*(?P<who>[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3})\s+(?:is\s+|to\s+)?(?:invest(?:s|ing)?|backs|backing|pumps|pours|injects|leads|bets)\b(?:[^.;]{0,40}?\b(?:in|into|on)\s+|\s+)(?P<what>[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3})")
            .expect("title-investor regex")
    });
    // Each of the pattern's verbs holds one of these (it is case-sensitive).
    if !["invest", "back", "pump", "pour", "inject", "lead", "bet"]
        .iter()
        .any(|w| title.contains(w))
    {
        return None;
    }
    let c = INVESTS.captures(title)?;
    Some((clean_investor(&c["who"])?, c["what"].to_string()))
}

/// "Ravi Menon": two capitalised words, no firm or corporate word among them.
fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() == 2
        && !is_firm_name(name)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
        })
        && !matches!(
            words[1],
            "Group"
                | "Corp"
                | "Corporation"
                | "Holdings"
                | "Inc"
                | "Ltd"
                | "Bank"
                | "Global"
                | "Securities"
                | "Asset"
                | "Technologies"
                | "Labs"
                | "Media"
                | "Health"
        )
}

/// Investment firms' names: "Northstar Ventures", "Tiger Global Management".
fn is_firm_name(name: &str) -> bool {
    name.split_whitespace()
        .skip(1)
        .chain(name.split_whitespace().last())
        .any(|w| {
            matches!(
                w,
                "Ventures"
                    | "Capital"
                    | "Partners"
                    | "VC"
                    | "Fund"
                    | "Investments"
                    | "Management"
                    | "Equity"
                    | "LP"
            )
        })
        || name.starts_with("Fund ")
}

/// Words that make a round mention a plan, not a deal: "plans to raise a seed round later this
/// year", "we'd rather raise a proper Series A".
fn is_planned(text: &str, pos: usize) -> bool {
    static PLAN: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(?:plans?|planned|planning|intends?|intended|aims?|aimed|hopes?|hoped|expects?|expected|wants?|wanted|looking|seeks?|seeking|in\s+talks|would|will|'d|’d|could|might|rather|preparing|considering|eyeing)\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:raise|close|launch|seek|pursue|price|open|start|begin|invest|lead|co-lead|back|inject)\b[^.;]*$")
            .expect("plan regex")
    });
    // "is in advanced discussions to lead a $25 million round": talks, not a deal.
    static TALKS: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\bin\s+(?:an?\s+)?(?:(?:advanced|early|final|late|preliminary|exclusive)[\s\-]+)?(?:stages?\s+(?:of\s+)?)?(?:talks|discussions?|negotiations?)\b[^.;]{0,80}?\bto\s+(?:lead|co-lead|invest|back|join|fund|raise|take|close|secure)\b[^.;]*$")
            .expect("talks regex")
    });
    let window = super::text::window(text, pos.saturating_sub(90), pos);
    PLAN.is_match(window) || TALKS.is_match(super::text::window(text, pos.saturating_sub(160), pos))
}

static DEFINITE_ROUND: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\b(?:the|this|its|their|that|latest|our)\s+(?:[\w$€£¥₹₩.\-]+\s+){0,3}?(?:round|funding|financing|investment|raise|series|seed|tranche|deal|facility|note|notes|loan|grant|credit\s+line)\b")
        .expect("definite regex")
});

static UNDISCLOSED: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\b(?:undisclosed|unspecified|unannounced|did\s+not\s+disclose|didn't\s+disclose|declined\s+to\s+(?:disclose|say|reveal))\b")
        .expect("undisclosed regex")
});

/// Pairs each round mention with the closest amount (within 60 bytes), closest pairs first,
/// so "a $20M Series C follows a KRW 12bn bridge round" gives each round its own figure.
fn pair_amounts(
    amounts: &[&(MoneyMention, MoneyKind)],
    types: &[TypeMention],
) -> Vec<Option<usize>> {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (ti, t) in types.iter().enumerate() {
        for (ai, (m, _)) in amounts.iter().enumerate() {
            let dist = if m.end <= t.start {
                t.start - m.end
            } else {
                m.start.saturating_sub(t.end)
            };
            if dist <= 60 {
                pairs.push((dist, ti, ai));
            }
        }
    }
    pairs.sort_unstable();
    let mut out = vec![None; types.len()];
    let mut taken = vec![false; amounts.len()];
    for (_, ti, ai) in pairs {
        if out[ti].is_none() && !taken[ai] {
            out[ti] = Some(ai);
            taken[ai] = true;
        }
    }
    out
}

/// Whether words between `from` and `pos` mark the mention as an earlier round.
fn is_historical(text: &str, from: usize, pos: usize) -> bool {
    let window = &text[from.min(pos)..pos];
    HISTORICAL.find_iter(window).any(|m| {
        let after = &window[m.end()..];
        !(m.as_str().eq_ignore_ascii_case("earlier") && after.trim_start().starts_with("this"))
    })
}

/// Dates that belong to a round rather than to a founding, a launch or a plan.
fn date_refers_to_round(text: &str, d: &DateMention, published: Option<NaiveDate>) -> bool {
    let before = text[..d.start].to_ascii_lowercase();
    let before = before.trim_end();
    let tail: String = before
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    const NOT_ROUND: &[&str] = &[
        "founded",
        "founded in",
        "established",
        "established in",
        "launched",
        "launched in",
        "started",
        "started in",
        "since",
        "by",
        "until",
        "incorporated",
        "set up",
        "set up in",
        "spun out",
        "born",
        "created",
        "created in",
        "through",
        "before",
        "opened",
        "opened in",
        "expects",
        "plans",
        "aims",
        "by the end of",
        "end of",
        "goal",
        "target",
    ];
    if NOT_ROUND
        .iter()
        .any(|w| tail.ends_with(w) || tail.ends_with(&format!("{w} in")))
    {
        return false;
    }
    // Dates well after publication are plans, not announcements.
    if let Some(p) = published {
        if d.date.date > p + Duration::days(7) {
            return false;
        }
    }
    true
}

/// The raiser named before a raise verb at `pos`, walking back over auxiliaries, adverbs,
/// "said it has" and appositives.
fn subject_before(text: &str, pos: usize) -> Option<Who> {
    const SKIP: &[&str] = &[
        "has",
        "have",
        "had",
        "now",
        "also",
        "successfully",
        "recently",
        "just",
        "today",
        "yesterday",
        "reportedly",
        "officially",
        "finally",
        "quietly",
        "already",
        "formally",
        "publicly",
        "been",
        "was",
        "were",
        "is",
        "are",
        "will",
        "would",
        "could",
        "may",
        "said",
        "says",
        "announced",
        "announces",
        "confirmed",
        "revealed",
        "disclosed",
        "that",
        "on",
        "this",
        "week",
        "last",
        "earlier",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "newly",
        "has,",
        "further",
        "again",
        "reportedly",
        "first",
        "has now",
        "then",
        "since",
        "jointly",
        "together",
        "collectively",
        "previously",
    ];
    let toks = tokens(&text[..pos]);
    let mut i = toks.len();
    let mut saw_pronoun = false;
    while i > 0 {
        let t = &toks[i - 1];
        let lower = t.text.to_lowercase();
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if matches!(bare, "it" | "they" | "we") {
            saw_pronoun = true;
            i -= 1;
            continue;
        }
        if matches!(bare, "which" | "who" | "that") && t.text.chars().all(|c| c.is_lowercase()) {
            // "Acme has confirmed that it raised": the name before the reporting verb.
            if bare == "that" && saw_pronoun {
                return Some(reporting_subject(text, pos).map_or(Who::Implied, Who::Named));
            }
            // A relative clause: the raiser is the name before ", which".
            let head = t.start;
            let before = text[..head].trim_end().trim_end_matches(',');
            // "Acme, a Berlin startup that raised …": the name before the apposition.
            let end =
                super::text::trailing_apposition(&format!("{before},")).unwrap_or(before.len());
            return name_ending_at(text, end).map(|(n, _)| Who::Named(n));
        }
        if SKIP.contains(&bare) && !t.text.ends_with(',') {
            i -= 1;
            continue;
        }
        break;
    }
    if i == 0 {
        return saw_pronoun.then_some(Who::Implied);
    }
    let end = toks[i - 1].end;
    let head = &text[..end];
    // "the company", "the Berlin-based startup" before the verb.
    static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(?:the|this|our)\s+(?:[\w\-]+\s+){0,3}?(?:company|startup|start-up|firm|business|platform|outfit|unicorn|maker|provider|developer|venture|lender|app|marketplace|scale-?up|neobank|insurer|retailer|brand|team|operator|fintech|group|manufacturer|specialist)$")
            .expect("described regex")
    });
    // "The lending arm of Aiko Mori's Kestrel Group raised": the unit raised, not
    // its parent, and the unit is the company in focus.
    static UNIT_OF: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(?:the|its|a)\s+(?:[\w\-]+\s+){0,3}?(?:unit|arm|subsidiary|division|affiliate)\s+of\s+[^,;:()]{1,80}$")
            .expect("unit-of regex")
    });
    if DESCRIBED.is_match(head) || UNIT_OF.is_match(head) {
        return Some(Who::Implied);
    }
    // Skip an appositive: "Acme, a Berlin-based startup, has raised". Unless the appositive
    // is the name, after a description: "Further, fleet routing platform, Routelane, raised".
    let name_end = match super::text::trailing_apposition(head) {
        Some(at) => apposed_name_end(text, head, at).unwrap_or(at),
        None => end,
    };
    let found = name_ending_at(text, name_end).map(|(n, _)| n);
    match found {
        Some(n) if !is_not_name(&n) => Some(Who::Named(n)),
        _ if saw_pronoun => {
            // "Acme said on Tuesday it has raised": the name before the reporting verb.
            Some(reporting_subject(text, pos).map_or(Who::Implied, Who::Named))
        }
        _ => None,
    }
}

/// Where the name ends when the last part of the apposition opening at `at` in `head` is
/// itself the name, set off after a lower-case description: "fleet routing platform,
/// Routelane," gives the end of "Routelane". `head` ends at the start of `text`'s verb.
fn apposed_name_end(text: &str, head: &str, at: usize) -> Option<usize> {
    let inner = head.trim_end().trim_end_matches(',');
    let comma = at + inner[at..].rfind(',')?;
    let last = inner[comma + 1..].trim();
    let after_description = inner[..comma]
        .trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
    let named = after_description
        && last.starts_with(|c: char| c.is_uppercase())
        && name_ending_at(text, inner.len()).is_some_and(|(n, _)| n == last);
    named.then_some(inner.len())
}

/// "Acme (, a ... ,) said/announced ... it" — the name before the reporting verb.
fn reporting_subject(text: &str, pos: usize) -> Option<String> {
    static REPORT: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"\b(?:said|says|announced|announces|confirmed|revealed|disclosed|told)\b",
        )
        .expect("report regex")
    });
    let m = REPORT.find_iter(&text[..pos]).last()?;
    match subject_before(text, m.start())? {
        Who::Named(n) => Some(n),
        _ => None,
    }
}

/// "Acme's $20 million Series B": the owner of a round.
fn possessive_owner(text: &str) -> Option<String> {
    static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)(?:'s|’s)\s+(?:[\w$€£¥₹₩.\-]+\s+){0,4}?(?:round|funding|financing|series|seed|raise|fundraise|fundraising|valuation|backers|investors|cap\s+table)\b")
            .expect("possessive regex")
    });
    for m in POSSESSIVE.find_iter(text) {
        if let Some((name, _)) = name_ending_at(text, m.start()) {
            if !is_not_name(&name) {
                return Some(name);
            }
        }
    }
    None
}

/// The grammatical subject of a sentence when it is a name: the last name phrase before the
/// first verb ("Chinese AI startup SenseTime has become ...").
fn sentence_subject(text: &str) -> Option<String> {
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?:,\s|\s(?:is|was|has|have|had|said|says|will|would|plans|became|becomes|announced|announces|raised|raises|secured|secures|closed|closes|landed|lands|also|now|did|does|expects|hopes|wants|added|told|reported|counts|makes|builds|runs|sells|develops|operates|offers|provides|designs|produces|went\s+public|goes\s+public|debuted|debuts)\b)")
            .expect("verb regex")
    });
    static PERSON: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)^\s*(?:i'm|i’m|i\s+am|we're|we’re|my\s+name\s+is)\b|^[^,]{1,40},\s+(?:a\s+|the\s+|our\s+)?(?:co-?founder|founder|ceo|chief|president|partner|managing|head|director|chair)")
            .expect("person regex")
    });
    // PERSON matches only a text that starts with "I", "we" or "my", or whose first comma
    // comes within its first 40 characters; most sentences are neither.
    let starts_like_speaker = text
        .trim_start()
        .starts_with(['i', 'I', 'w', 'W', 'm', 'M']);
    let early_comma = text
        .find(',')
        .is_some_and(|at| (1..=40).contains(&text[..at].chars().count()));
    if (starts_like_speaker || early_comma) && PERSON.is_match(text) {
        return None;
    }
    let verb = VERB.find(text)?;
    name_ending_at(text, verb.start()).map(|(n, _)| n)
}

/// "co-founder and CEO of Loomwise": the company someone leads.
fn led_company(text: &str) -> Option<String> {
    static OF: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(?:(?:co-?founder|founder|ceo|chief\s+executive(?:\s+officer)?|president|cto|coo|cfo)\s+(?:and\s+\w+\s+)?(?:at|of)|guest\s+(?:runs|founded|co-?founded|started))\s+")
            .expect("of regex")
    });
    let m = OF.find(text)?;
    name_starting_at(text, m.end())
        .map(|(n, _)| n)
        .filter(|n| !is_not_name(n))
}

/// An investor named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct InvestorCue {
    pub(crate) name: String,
    pub(crate) role: Role,
    pub(crate) pos: usize,
}

static LEAD_BY: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\b(?:co-?led|led|headed|spearheaded|anchored|fronted|helmed|steered)\s+(?:jointly\s+|primarily\s+|mainly\s+|again\s+)?by\s+")
        .expect("lead-by regex")
});
static LEAD_VERB: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\s(?:co-?led|led|headed|spearheaded|anchored|fronted|co-?leads|co-?leading|leads|heads|spearheads|anchors|took\s+the\s+lead\s+(?:in|on)|is\s+leading|are\s+leading|was\s+leading)\s+(?:the\s+|this\s+|its\s+|a\s+|an\s+|their\s+|our\s+)?(?:[\w$€£¥₹₩.\-]+\s+){0,4}?(?:round|funding|financing|investment|raise|deal|series|seed|tranche|effort|fundraise|fundraising|pre-seed|growth|injection|note|notes|facility|loan|grant|offering|extension|bridge)\b|\s(?:co-?led|led)\s*(?:[,;]|\.\s*$|$|\s+along\b|\s+alongside\b|\s+with\b|\s+and\s+(?:was|is)\s+joined|\s+it\b|\s+them\b)")
        .expect("lead verb regex")
});
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\s(?:leading|co-leading|taking\s+the\s+lead|took\s+the\s+lead|as\s+(?:the\s+)?(?:lead|anchor|co-lead)(?:\s+investors?)?|(?:was|were|is|are|acted\s+as|served\s+as|(?:identified|named|listed|confirmed|tapped|chosen|selected)\s+as|as)\s+(?:the\s+)?(?:round's\s+)?(?:lead|anchor|co-lead|leading)\s+(?:investors?|backers?))\b|,\s+(?:the\s+|its\s+)?(?:round's\s+)?(?:lead|co-lead|anchor)\s+investors?,|,\s+(?:which|who)\s+(?:co-?led|led|headed|spearheaded|anchored)\s+(?:the|this|its)\s+(?:\w+\s+){0,3}?(?:round|funding|financing|investment|raise)\b")
        .expect("leading regex")
});
static LEAD_INVESTOR: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\b(?:lead|anchor)\s+investors?\s*(?:,|:|was|were|is|are|include|includes|included|including)?\s+")
        .expect("lead investor regex")
});
/// "Leading the round was Omar Quist from Pinecrest Partners": the lead after the verb.
static LEADING_THE_ROUND: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\b(?:co-)?leading\s+(?:the|this|our|its)\s+(?:[\w$€£¥₹.\-]+\s+){0,3}?(?:round|financing|raise|investment|deal)\s+(?:was|were|is|are)\s+")
        .expect("leading-the-round regex")
});
static PARTICIPANTS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?ix)\b(?:
        (?:participation|participating)\s+(?:from|by|of)
            | (?:joined|accompanied|followed)\s+by
      | (?:other|existing|new|additional|returning|previous|prior|current|follow-on|early|strategic|institutional|notable|prominent|marquee|fellow|big-name)\s+(?:\w+\s+)?(?:investors?|backers?|participants|shareholders|funders|lenders)\s*(?:in\s+the\s+(?:round|deal|funding)\s+)?(?:,|:)?\s*(?:also\s+)?(?:include|includes|included|including|such\s+as|like|were|are|was|is|comprise|comprised)?
      | (?:investors|backers|participants|funders)\s+(?:in\s+the\s+(?:round|deal|funding|raise)\s+)?(?:also\s+)?(?:include|includes|included|including|such\s+as|like|were|are)
      | (?:investors|backers|shareholders)\s+(?:also\s+)?(?:took\s+part|participated|joined\s+in|chipped\s+in|returned)(?:\s+in\s+the\s+(?:round|deal|financing|raise))?\s*,?\s*(?:including|such\s+as|among\s+them)
      | (?:sole\s+|only\s+)?(?:investor|backer)\s+(?:in\s+the\s+(?:round|deal|funding|raise)\s+)?(?:was|is)(?:\s+the)?
      | (?:backed|funded|financed|supported)\s+by
      | alongside | along\s+with | together\s+with
      | (?:round|funding|financing|investment|million|billion|crore|lakh|seed|capital|money|cash|debt|note|notes|grant|series\s+[a-j](?:-\d)?|\d(?:[mkb]|bn|mn)?)\s+from
      | from\s+(?:investors|backers)\s+(?:including|such\s+as|like)
                  | came\s+from | provided\s+by | extended\s+by | lent\s+by | as\s+did
      | (?:co-)?led\s+by\s+[^.;]{1,60}?[,;]\s*(?:and\s+)?with
      | (?:round|deal|financing|raise|funding)\s+(?:also\s+)?(?:included|includes|saw|drew|attracted|featured|featuring)(?:\s+(?:participation|money|investments?)\s+from)?
            | (?:joining|participating\s+in|investing\s+in|also\s+participating\s+in)\s+(?:the\s+(?:round|deal|financing|raise)\s+)?(?:were|was|are|is)
      | (?:investors|angels|backers|group)\s+(?:that|which|who)\s+(?:include|includes|included)
      | (?:angels?|investors|backers)\b[^.:;]{0,80}?:
      | (?:raised|raises|received|receives|secured|secures|got|gets|took|drew|attracted|collected|obtained)\b[^.;]{0,80}?\bfrom
    )\s+")
    .expect("participants regex")
});
static PARTICIPANTS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?ix)\s(?:also\s+|both\s+|all\s+)?(?:
        participated | participating | joined\s+(?:the\s+)?(?:round|deal|funding|in|as) | joined | joining | invested | investing
            | returned | came\s+back | backs | backed | funds | funded | bankrolls | bankrolled | pour | pours | poured | invest | inject | pumps | pumped | injects | injected
      | chipped\s+in | chipping\s+in | took\s+part | taking\s+part | contributing | putting\s+in | put\s+(?:in\s+)?money
      | came\s+in | put\s+in | contributed | pitched\s+in | re-?upped | doubled\s+down | backed\s+the
      | (?:have\s+|has\s+)?put\s+(?:about\s+|some\s+|nearly\s+)?(?:US)?[$€£¥₹₩]
      | as\s+(?:other|additional|new|fellow|existing)?\s*(?:\w+\s+)?(?:backers|investors|participants|funders)
      | (?:are|were|is|was)\s+(?:also\s+)?(?:among\s+)?(?:the\s+)?(?:other\s+|existing\s+|new\s+)?(?:investors|backers|participants)
    )\b")
    .expect("participants-before regex")
});

/// What a person may lead besides a round: "the board, led by", "a team led by".
static NOT_A_ROUND_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\b(?:board|team|management|committee|government|ministry|delegation|panel|council|consortium\s+of\s+banks|administration|cabinet|research|study|project)\s*,?\s*$")
        .expect("not-a-round-lead regex")
});

/// "Northgale, which manages $4 billion, is in talks to lead a new round", "Northgale will
/// co-lead the Series B": the subject of the sentence leads the round, so it is an investor,
/// never the company. Returns the subject and where the cue is.
fn subject_leads(text: &str) -> Option<(String, usize)> {
    static LEADS: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(?:(?:to|will|would|could|may|might)\s+(?:co-?)?lead|(?:is|are|was|were)\s+(?:reportedly\s+|now\s+|also\s+|said\s+to\s+be\s+)?(?:co-?)?leading)\s+(?:a|an|the|its|this|their)\b")
            .expect("subject-leads regex")
    });
    let m = LEADS.find(text)?;
    let raw = sentence_subject(text)?;
    let at = text.find(raw.as_str())?;
    let name = clean_investor(&raw)?;
    (at + raw.len() <= m.start()).then_some((name, m.start()))
}

/// Words every match of each investor pattern contains, in the order of [`investor_cues`]'s
/// groups: a pattern whose words are all absent from a sentence cannot match it.
static INVESTOR_WORDS: LazyLock<crate::util::CueWords> = LazyLock::new(|| {
    crate::util::CueWords::new(&[
        // LEAD_BY
        &["led", "headed", "anchored", "fronted", "helmed", "steered"],
        // LEAD_VERB
        &["led", "lead", "head", "anchor", "fronted"],
        // LEADING
        &["lead", "led", "headed", "anchor"],
        // LEAD_INVESTOR
        &["lead", "anchor"],
        // subject_leads
        &["lead"],
        // PARTICIPANTS_AFTER but its "led by ... with" (8 and 9 below)
        &[
            "particip",
            "joined",
            "accompanied",
            "followed",
            "investor",
            "backer",
            "shareholder",
            "funder",
            "lender",
            "backed",
            "funded",
            "financed",
            "supported",
            "along",
            "together",
            "from",
            "provided",
            "extended",
            "lent",
            "did",
            "include",
            "saw",
            "drew",
            "attracted",
            "featured",
            "featuring",
            "joining",
            "investing",
            "angel",
        ],
        // PARTICIPANTS_BEFORE
        &[
            "particip",
            "joined",
            "joining",
            "invest",
            "returned",
            "came",
            "backs",
            "backed",
            "funds",
            "funded",
            "bankroll",
            "pour",
            "inject",
            "pump",
            "chipped",
            "chipping",
            "took",
            "taking",
            "contribut",
            "putting",
            "put",
            "pitched",
            "upped",
            "doubled",
            "backer",
            "funder",
        ],
        // OWN_INVESTMENT
        &["investment", "bet"],
        // 8, 9: PARTICIPANTS_AFTER's "led by X, with" needs both words. "led" alone is in most
        // sentences of a funding story and would run that pattern nearly everywhere.
        &["led"],
        &["with"],
    ])
});

/// "Harbor Lane's investment in Quillo", "the fund's first bet on Quillo": the owner of the
/// investment is an investor in the company named after it.
static OWN_INVESTMENT: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?:'s|’s)\s+(?:(?:new|latest|recent|first|initial|early|seed|follow-on)\s+)?(?:investment|bet)\s+(?:in|into|on)\s+[A-Z]")
        .expect("own-investment regex")
});

pub(crate) fn investor_cues(text: &str) -> Vec<InvestorCue> {
    let present = INVESTOR_WORDS.scan(text);
    let has = |group: u32| present & (1 << group) != 0;
    let mut cues = Vec::new();
    let mut push = |names: Vec<String>, role: Role, pos: usize| {
        for name in names {
            cues.push(InvestorCue { name, role, pos });
        }
    };
    if has(0) {
        for m in LEAD_BY.find_iter(text) {
            // "the lender's board, led by its chair": a body led by a person, not a round.
            if NOT_A_ROUND_LEAD.is_match(super::text::window(
                text,
                m.start().saturating_sub(30),
                m.start(),
            )) {
                continue;
            }
            push(list_after(text, m.end()), Role::Lead, m.start());
        }
    }
    if has(1) {
        for m in LEAD_VERB.find_iter(text) {
            // "X led the extension": the round it led is named after the verb.
            push(list_before(text, m.start()), Role::Lead, m.end());
        }
    }
    if has(2) {
        for m in LEADING.find_iter(text) {
            push(list_before(text, m.start()), Role::Lead, m.start());
        }
    }
    if has(3) {
        for m in LEAD_INVESTOR.find_iter(text) {
            push(list_after(text, m.end()), Role::Lead, m.start());
        }
        for m in LEADING_THE_ROUND.find_iter(text) {
            push(list_after(text, m.end()), Role::Lead, m.start());
        }
    }
    if has(4) {
        if let Some((name, pos)) = subject_leads(text) {
            push(vec![name], Role::Lead, pos);
        }
    }
    if has(5) || (has(8) && has(9)) {
        for m in PARTICIPANTS_AFTER.find_iter(text) {
            push(list_after(text, m.end()), Role::Participant, m.start());
        }
    }
    if has(6) {
        for m in PARTICIPANTS_BEFORE.find_iter(text) {
            // "joined by X" is passive: X comes after, and PARTICIPANTS_AFTER has it.
            if text[m.end()..].trim_start().starts_with("by ") {
                continue;
            }
            push(list_before(text, m.start()), Role::Participant, m.start());
        }
    }
    if has(7) {
        for m in OWN_INVESTMENT.find_iter(text) {
            push(list_before(text, m.start()), Role::Participant, m.start());
        }
    }
    // A name cued as both lead and participant is a lead.
    let leads: Vec<String> = cues
        .iter()
        .filter(|c| c.role == Role::Lead)
        .map(|c| key(&c.name))
        .collect();
    cues.retain(|c| c.role == Role::Lead || !leads.contains(&key(&c.name)));
    cues.retain(|c| !text::is_compound_descriptor(&c.name));
    // "It was followed by savings app Savora, which raised $4 million": a digest's next
    // raiser, not an investor.
    static RAISER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"^\W{0,2}\s*,\s*(?:which|that|who)\s+(?:has\s+|had\s+|also\s+)?(?:raised|raises|secured|secures|bagged|landed|closed|received)\b")
            .expect("raiser-after regex")
    });
    cues.retain(|c| {
        text.find(c.name.as_str())
            .is_none_or(|at| !RAISER_AFTER.is_match(&text[at + c.name.len()..]))
    });
    cues
}

fn add_investor(round: &mut Round, name: &str, role: Role, ev: &Evidence) {
    let k = key(name);
    if k.is_empty() {
        return;
    }
    let same = |other: &str| {
        let o = key(other);
        o == k || (o.len().min(k.len()) >= 4 && (o.starts_with(&k) || k.starts_with(&o)))
    };
    if let Some(existing) = round.investors.iter_mut().find(|p| same(&p.name)) {
        if role == Role::Lead && existing.role != Role::Lead {
            existing.role = Role::Lead;
            existing.evidence = Some(ev.clone());
        }
        // Keep the fuller spelling ("Ashbury Capital" over "Ashbury").
        if name.len() > existing.name.len() {
            existing.name = name.to_string();
        }
        return;
    }
    round.investors.push(Participation {
        name: name.to_string(),
        role,
        evidence: Some(ev.clone()),
    });
}

/// Who a reported figure is attributed to: "told Bloomberg", "according to Reuters",
/// "Reuters's sources", "The Information reported".
fn attribution(text: &str, from: usize, to: usize, at: usize) -> Option<String> {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)\b(?:told|according\s+to|reported\s+by|per|citing|cited\s+by|reports?\s+(?:in|by)|sources\s+(?:at|close\s+to)|people\s+(?:close|familiar)\s+[\w\s]{0,30}?\s+told)\s+").expect("attribution regex")
    });
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)(?:'s|’s|'|’)?,?\s+(?:sources|source|report|reporting|calculations|estimates?|reported|reports|estimated|calculated|wrote|cited|citing|put|pegged|placed|reckoned|said)\b").expect("attribution-before regex")
    });
    // Every outlet named in the sentence, with where it is named.
    let mut found: Vec<(usize, String)> = Vec::new();
    for m in AFTER.find_iter(text) {
        if let Some((name, pos)) = name_starting_at(text, m.end()) {
            if !is_not_name(&name) && !PRONOUN.is_match(&name) {
                found.push((pos, name));
            }
        }
    }
    for m in BEFORE.find_iter(text) {
        if let Some((name, pos)) = name_ending_at(text, m.start()) {
            let name = name.trim_end_matches(['\'', '’']).to_string();
            if !is_not_name(&name) && !found.iter().any(|(_, n)| *n == name) {
                found.push((pos, name));
            }
        }
    }
    // The one in this figure's stretch of the sentence, nearest the figure.
    found
        .into_iter()
        .filter(|(pos, _)| (from..to).contains(pos))
        .min_by_key(|(pos, _)| pos.abs_diff(at))
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests;
