//! Reading an answer straight from the passages, for what the facts store does not hold: an
//! acquisition's price, an IPO's share price, a stake, a loan's lender, or a round the extractor
//! missed.
//!
//! The reader works the way a person skims: it finds the passages that name the company (or,
//! in an article about it, say "the company"), keeps the sentences whose wording fits the
//! question (a cue for the event asked about, the round and period asked about), and reads the
//! typed value the question wants from the best of them: an amount of money near the cue, a
//! percentage, a date, the names in an investor role. It answers only when it found that value;
//! otherwise it says nothing and the caller declines.

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use super::ask::and_list;
use super::question::{Intent, Period, Want};
use crate::corpus::split_sentences;
use crate::error::Result;
use crate::facts::dates::find_dates;
use crate::facts::money::{find_amounts, Money, MoneyMention};
use crate::facts::names::key;
use crate::facts::{self, Role, RoundType};
use crate::index::{Hit, PassageIndex};

/// What to read.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// What is asked.
    pub intent: Intent,
    /// The kind of value wanted, for events.
    pub want: Option<Want>,
    /// The company the question is about, as the articles spell it.
    pub subject: &'a str,
    /// Other names in the question (a buyer, an investor, a lender).
    pub others: &'a [String],
    /// The round asked about.
    pub round: Option<RoundType>,
    /// The period asked about.
    pub period: Option<&'a Period>,
    /// An amount the question names ("who led Acme's $40m round").
    pub amount: Option<Money>,
    /// The question asks about the newest round ("the new round", "latest").
    pub latest: bool,
    /// The question asks about a round in talks or planned: only such sentences answer it.
    pub reported: bool,
    /// The currency the question wants figures in.
    pub currency: Option<&'static str>,
    /// "when does the deal close": only a closing window answers.
    pub closing: bool,
    /// "after the down round": the passage must say "down round".
    pub round_phrase: Option<&'a str>,
    /// "which new investors": only names the sentence calls new.
    pub new_investors: bool,
    /// Other companies whose names start with the subject's.
    pub longer: &'a [String],
    /// The shorter form of the subject's name the question used ("ZQX"), also read as a mention.
    pub short: Option<&'a str>,
    /// "besides Harrowgate": a name the answer leaves out.
    pub exclude: Option<&'a str>,
    /// Articles found to be about the subject at indexing, though they may name it late:
    /// read whole.
    pub about: &'a [String],
    /// "how much at closing": only the part of a facility paid out first answers.
    pub first_draw: bool,
}

/// A value read from one sentence of a passage.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The value, as the article states it ("$14.50", "Harbor Lane and Juniper Row").
    pub value: String,
    /// The passage.
    pub hit: Hit,
    /// Byte range of the stating sentence in the passage.
    pub span: (usize, usize),
    /// The sentence reports talks or sources rather than a closed deal.
    pub hedged: bool,
    /// The deal is agreed or announced but not done ("has agreed to buy", "will acquire").
    pub pending: bool,
    /// Other articles that put a different price on the same deal, best first: shown beside
    /// the reading, never merged into it.
    pub others: Vec<Reading>,
}

/// How much one investor put into a company, as an article states it: "Harrow had invested
/// $12 million in Acme", "Harrow led the round with $22 million", "Harrow to invest about $7m
/// in Acme's Series C". Only a figure that follows the investor's name with an
/// investing word between them; the round's own size ("invested in the $30 million round") is
/// not the investor's part.
pub fn contribution(
    index: &PassageIndex,
    company: &str,
    investor: &str,
) -> Result<Option<Reading>> {
    static PUT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^[^.;:$€£¥₹₩]{0,50}?\b(?:invest\w*|(?:put|puts|putting)(?:\s+in|\s+up)?|inject\w*|pour\w*|commit\w*|contribut\w*|pump\w*|plough\w*|spearhead\w*\s+(?:\w+\s+){0,3}?with|led\s+(?:\w+\s+){0,3}?with|leading\s+(?:\w+\s+){0,3}?with|co-led\s+(?:\w+\s+){0,3}?with)\s+(?:(?:about|around|roughly|nearly|some|over|more\s+than|an?\s+additional|another)\s+)?$",
        )
    });
    static ROUND_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:\([^)]*\)\s*)?(?:[\w\-]+\s+){0,2}?(?:round|series|funding|financing|raise|fundraise|fund)\b",
        )
    });
    static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:to\s+invest|will\s+invest|plans?\s+to|in\s+talks|is\s+set\s+to|expected\s+to)\b",
        )
    });
    let mut hits = index.search_all_terms(investor, 40)?;
    hits.retain(|h| names(&h.passage, company) || names(&h.title, company));
    // The headline too: "Harrow to invest about $7m in Acme's Series C".
    let mut seen = std::collections::HashSet::new();
    let mut titles: Vec<Hit> = Vec::new();
    for h in &hits {
        if seen.insert(h.article.clone()) && names(&h.title, company) {
            let mut t = h.clone();
            t.passage = h.title.clone();
            titles.push(t);
        }
    }
    // "Acme took in $30 million from the growth investor Harrow": the investor alone after
    // "from" put in the whole figure.
    static FROM_ALONE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^\s*(?:\([^)]*\)\s*)?(?:[a-z]\w*\s+){0,2}?from\s+(?:(?:the\s+)?[a-z][\w\-]*\s+){0,4}$")
    });
    static LIST_GOES_ON: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\s*(?:,|and\b|&|as\s+well\s+as\b|along\s+with\b)"));
    // "X and Y have invested $4.5 million and $4 million respectively": figures given in turn
    // to a list of investors are not read one by one here.
    static ANOTHER_FIGURE: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\s*(?:,|and|&)\s*(?:and\s+)?(?:[$€£¥₹₩]|[A-Z]{2,3}\s?\d|\d)"));
    for hit in hits.into_iter().chain(titles) {
        let lang = facts::lang::language(&hit.passage);
        for span in split_sentences(&hit.passage) {
            let s = facts::lang::in_english(span.text(&hit.passage), lang);
            let s: &str = &s;
            let Some((name_at, after_name, _)) = find_name(s, investor) else {
                continue;
            };
            let amounts: Vec<MoneyMention> = find_amounts(s)
                .into_iter()
                .filter(|m| !is_conversion(s, m))
                .collect();
            let from_alone = || {
                amounts
                    .iter()
                    .filter(|m| m.end <= name_at)
                    .find(|m| FROM_ALONE.is_match(&s[m.end..name_at]))
            };
            let put_in = || {
                let m = amounts.iter().filter(|m| m.start >= after_name).find(|m| {
                    PUT.is_match(&s[after_name..m.start]) && !ROUND_AFTER.is_match(&s[m.end..])
                })?;
                let respectively =
                    ANOTHER_FIGURE.is_match(&s[m.end..]) && s[m.end..].contains("respectively");
                (!respectively).then_some(m)
            };
            let found = if LIST_GOES_ON.is_match(&s[after_name..]) {
                put_in()
            } else {
                from_alone().or_else(put_in)
            };
            if let Some(m) = found {
                return Ok(Some(Reading {
                    value: stated(s, m),
                    span: (span.start, span.end),
                    hedged: PLANNED.is_match(s),
                    pending: false,
                    others: Vec::new(),
                    hit,
                }));
            }
        }
    }
    Ok(None)
}

/// The closest passage about the subject, when nothing answers: shown as "closest source".
#[derive(Debug, Clone)]
pub struct Closest {
    /// The passage.
    pub hit: Hit,
    /// Byte range of its best sentence.
    pub span: (usize, usize),
}

fn re(p: &str) -> Regex {
    crate::util::regex(p).expect("static regex")
}

static REFERS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:it|its|it's|the\s+(?:[\w\-]+,?\s+){0,5}?(?:company|startup|start-up|firm|business|platform|group|unicorn|app|lender|maker|developer|provider|operator|bank|fintech|retailer|marketplace|giant|outfit|venture|subsidiary|unit|spin-?off|spinout))\b",
    )
});

/// "We've just raised", "our Series A": a company speaking of itself.
static FIRST_PERSON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:we|we've|we're|we'd|we’ve|we’re|our|us)\b"));
/// "this latest round", "the investment": a deal named with no owner.
const UNOWNED_DEAL: &str = r"(?:this|that|the)\s+(?:(?:latest|new|newest|recent|most\s+recent|fresh|current|additional|funding|financing|investment|equity|capital)\s+){0,3}(?:round|raise|fundraise|fundraising|financing|funding|investment|injection)";
/// "Total funding raised exceeds $1.6 billion", "This latest round brings ...": funding with no
/// owner named is that of the company in focus.
static OWNERLESS_FUNDING: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\W*(?:(?:total|overall|cumulative|aggregate|combined)\s+(?:equity\s+|venture\s+|outside\s+)?(?:funding|financing|capital|investment)|{UNOWNED_DEAL})\b"
    ))
});
/// "$15 million of the investment was debt": a deal with no owner named, anywhere in a
/// sentence, is the deal of the company in focus.
static OWNERLESS_DEAL: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b(?:of|from|in)\s+{UNOWNED_DEAL}\b")));

/// An earlier round: "three months after it raised", "back in 2019".
/// Words that put a total over the company's whole life.
static LIFETIME: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\b(?:to\s+date|so\s+far|thus\s+far|since\s+(?:its\s+)?(?:founding|launch|inception|start|creation)|since\s+(?:it\s+was\s+)?founded|in\s+its\s+(?:history|lifetime)|all\s+told)\b")
        .expect("lifetime regex")
});

static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:months?|years?|weeks?)\s+(?:after|before|since)\b|\bafter\s+(?:\w+\s+){0,2}(?:raised|raising|closed|secured)\b|\bwhen\s+it\s+(?:announced|raised|closed)\b|\bin\s+(?:a|an|its)\s+(?:previous|prior|earlier|last)\b",
    )
});
/// A raise being planned or sought.
static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:plans?\s+to\s+raise|planning\s+to\s+raise|(?:is|are)\s+(?:looking|aiming|hoping|seeking|trying)\s+to|(?:is|are)\s+raising|seeks?|seeking|targets?|targeting|aims?\s+to\s+raise|in\s+the\s+process\s+of\s+raising|new\s+round|fresh\s+round|would\s+value|could\s+value)\b",
    )
});
/// The sentence with "pre-IPO" rounds set aside: they are private rounds, not listings.
fn without_pre_ipo(s: &str) -> std::borrow::Cow<'_, str> {
    static PRE_IPO: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bpre[\s\-]?IPO\b"));
    PRE_IPO.replace_all(s, "preipo")
}

/// The sentence without "pre-IPO" and without a listing it only looks ahead to ("sets the
/// stage for an IPO", "ahead of a listing").
fn without_ipo_plans(s: &str) -> String {
    facts::cues::without_planned_listing(&without_pre_ipo(s)).into_owned()
}

/// Investors the article calls new to the company.
static NEW_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bnew\s+(?:investors?|backers?|shareholders?)\b|\bas\s+new\s+investors?\b|\bfirst-time\s+(?:investors?|backers?)\b|\bnewcomers?\b",
    )
});

/// A raise intended, not made.
static INTENDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:intends?|intending|expects?|expecting|hopes?|hoping|wants?)\s+to\s+raise\b|\bwill\s+raise\b",
    )
});
/// A stock-market listing.
static LISTING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:IPO|initial\s+public\s+offering|public\s+debut|went\s+public|going\s+public|go\s+public|stock\s+market\s+debut|trading\s+debut|listing\s+on|per\s+share)\b",
    )
});

/// Talks, sources and plans rather than a closed deal.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:in\s+(?:advanced\s+|early\s+|final\s+|late[\s\-]stage\s+|preliminary\s+)?(?:talks|discussions?|negotiations)|(?:people|sources?|those|persons?)\s+(?:familiar|close|with\s+knowledge|briefed)|sources?\s+who\s+(?:looked|saw|has\s+seen|have\s+seen|know)|reportedly|(?:is|are|was|were)\s+said\s+to|according\s+to\s+(?:a\s+|the\s+)?(?:report|sources|people|media)|sources?\s+(?:said|say|says|told)|(?:is|are)\s+seeking|seeks\s+to|could\s+(?:value|raise|secure|bring\s+in)|would\s+(?:value|raise|secure)|has\s+not\s+(?:yet\s+)?closed|yet\s+to\s+close|not\s+yet\s+(?:closed|final)|unconfirmed|rumou?r\w*|is\s+looking\s+to\s+raise|in\s+discussions?|negotiat\w+|considering)\b",
    )
});

static CLOSED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:closed|completed|finali[sz]ed|has\s+raised|have\s+raised|announced|confirmed)\b")
});

static LEAD_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:co-?led|led|leads|leading|co-?lead|lead\s+investors?|headed|spearheaded|anchored)\b",
    )
});
/// A sentence about money going in: "led by" in "founded in 2019 and led by its CEO" is not.
static FUNDING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:round|funding|financing|raise[ds]?|raising|investment|invest\w*|series|seed|capital|tranche|money|backers?|stake|deal|\d+(?:\.\d+)?\s*(?:million|billion|mn|bn|m|b|crore))\b|[$€£¥₹₩]",
    )
});
static INVEST_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:invest\w*|backers?|backed|participat\w*|joined|from|including|led|co-led|shareholders?|funded)\b",
    )
});
static RAISE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:rais\w+|secur\w+|clos\w+|land\w*|bag\w*|receiv\w+|got|gets|pull\w*\s+in|nabb?\w*|snagg?\w*|fundrais\w*|funding|round|financing|investment|injection|tranche|invest\w*|capital|backing)\b",
    )
});
static VALUATION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    // "Valor Partners bought $8 million of shares": a name, not a valuation; a capital
    // opens a valuation word only at the start of a sentence.
    re(
        r"^\W*(?i:valu\w+|worth)\b|\b(?:valu\w+|worth|VALU\w+)\b|(?i)\b(?:pre-money|post-money|market\s+(?:cap\w*|value))\b",
    )
});
static TOTAL_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(&[
        r"(?i)\b(?:total\w*|to\s+date|so\s+far|in\s+all|all\s+told|altogether|cumulative\w*|aggregate|bringing|brings|taking|takes|overall|since\s+(?:its\s+)?(?:founding|inception|launch)|since\s+[^.;]{0,120}?\b(?:19|20)\d\d|in\s+(?:\d+|two|three|four|five|six|eight|ten|twelve|eighteen)\s+(?:months|years)|(?:in|over)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:months|years|decade)|been\s+(?:funnel+ed|poured|injected|pumped)\s+into|(?:in|across|over)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple)\s+(?:\w+\s+)?(?:rounds|financings)|will\s+have\s+(?:raised|gained|secured)|existence|",
        RAISED_FROM_INVESTORS,
        "|",
        facts::cues::FOUNDED_THEN_RAISED,
        "|",
        facts::cues::WITH_THIS_ROUND,
        r")\b",
    ]
    .concat())
});
static PRIVATE_ROUND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:round|series|seed|funding|fundraising|venture|private(?:ly)?|raised|investors?)\b",
    )
});
/// "has raised $133 million from investors including": what a company has raised so far.
const RAISED_FROM_INVESTORS: &str = r"(?:(?:has|have)\s+(?:now\s+|since\s+|so\s+far\s+)?raised\s+(?:[^.;]|\.\d){0,40}?\bfrom\s+(?:investors|backers|the\s+likes\s+of|a\s+(?:variety|number|range|host)\s+of)|(?:has|have)\s+(?:since\s+raised\s+(?:[^.;]|\.\d){0,25}?|raised\s+(?:more\s+than|over|nearly|almost|about|around|some|roughly|close\s+to|upwards\s+of)\s+(?:[^.;]|\.\d){0,25}?)\bin\s+(?:venture\s+|outside\s+|external\s+)?(?:funding|financing)\b|\bwith\s+(?:(?:about|around|nearly|over|some|roughly|almost|more\s+than|close\s+to)\s+)?[$€£]\s?[\d.,]+\s*(?:million|billion|m|bn)?\s+in\s+(?:venture\s+|outside\s+|total\s+)?(?:funding|financing))";
static HAS_RAISED_FROM: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b{RAISED_FROM_INVESTORS}\b")));
static ROUND_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        // "Early Round Partners" is a name: "round" and "seed" count in lower case only.
        r"\b(?:round|[Ss]eries|seed|(?i:tranche|extension|new|fresh|latest|led\s+by|co-led|this\s+(?:week|month|year)|today|on\s+(?:monday|tuesday|wednesday|thursday|friday)))\b",
    )
});
static ACQUISITION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:acqui\w+|buy\w*|bought|purchas\w+|takeover|take\s+over|took\s+over|merg\w+|pa(?:y|id|ying|ys)|sold|sell\w*|sale|deal|transaction|consideration|exit\s+to)\b",
    )
});
static IPO_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:IPO|initial\s+public\s+offering|public\s+offering|shares\b[^.;]{0,40}?\b(?:issued|sold|offered|priced)\s+at|listing|listed|debut\w*|priced\s+(?:its|the)|go(?:ing|es)?\s+public|went\s+public|float\w*|stock\s+exchange|Nasdaq|NYSE|per\s+ADS|ADSs|SPAC|blank[\s\-]check|bookrunn\w+|underwrit\w+|(?:start|began|begin|starts|begins)\s+trading|merg\w+\s+with|offer(?:ing)?\s+price|per\s+(?:(?:equity|ordinary|common)\s+)?(?:share|unit)|price\s+band|lead\s+manager|sell(?:ing|s)?\s+(?:the\s+|its\s+|new\s+)?shares|share\s+sale|priced\s+at|the\s+offering|(?:sold|sells|sell|selling|offered|offers|offering|issued)\s+(?:[\w.,]+\s+){0,4}?shares\s+at|sale\s+of\s+(?:[\d.,]+\s+(?:million\s+|billion\s+)?)?(?:new\s+)?shares)\b",
    )
});
static STAKE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:stakes?|shares?|per\s?cent|percent|holding|own\w*|tender|shareholding|equity|exit(?:s|ed|ing)?\s+(?:its|their|the|his|her)\s+(?:\w+\s+)?(?:investment|holding|position))\b|%",
    )
});
static DEBT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:debt|loans?|credit|facilit\w+|notes?|bonds?|convertible|debentures?|NCDs?|borrow\w*|lend\w*|lent|securiti[sz]\w+|FIDC|coupon|interest|maturity|matur\w+)\b",
    )
});
/// A debt settled: "paid back the note", "is now debt-free".
static REPAID: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:repaid|paid\s+(?:back|off)|debt[\s\-]free|free\s+of\s+debt|no\s+(?:outstanding\s+)?debt|redeemed|retired\s+(?:the|its|all)\s+(?:of\s+(?:its|the)\s+)?(?:\w+\s+)?(?:debt|notes?|loans?|bonds?))\b",
    )
});
static RATE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:interest|coupon|rate|yield|annual\w*|a\s+year|per\s+annum|per\s+year|bearing)\b")
});
static PER_SHARE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:\([^)]{1,30}\)\s*)?(?:per|a|each)\s+(?:(?:equity|ordinary|common)\s+)?(?:share|unit|ADS|American\s+depositary\s+(?:share|receipt))|^\s*apiece",
    )
});
static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)"));
static STAKE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:controlling|majority|minority|significant|strategic)\s+(?:stake|interest|shareholding)\b",
    )
});
static EXCHANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:Nasdaq(?:\s+(?:Global\s+Select\s+Market|Global\s+Market|Stock\s+Market|Capital\s+Market))?|NYSE(?:\s+American)?|(?:[A-Z][a-z]+\s+){1,3}Stock\s+Exchange|Mothers|SGX|HKEX|Euronext(?:\s+[A-Z][a-z]+)?|ASX|TASE|KOSDAQ|KOSPI|STAR\s+Market|ChiNext|AIM)\b",
    )
});
static CLOSING_WHEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:close|closing|completion|complete|completed|finali[sz]ed?)\b[^.;]{0,40}?\b(?P<when>(?:in|by|during|before|within)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last)\s+(?:quarter|half)|Q[1-4]|[1-4]Q|early|mid|late|end\s+of|(?:January|February|March|April|May|June|July|August|September|October|November|December))[^.;,]{0,25})",
    )
});

// Role patterns for buyers, sellers, lenders and bookrunners.
static ACQUIRED_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:acquired|bought|purchased|taken\s+over|snapped\s+up|sold|acqui-?hired)\s+(?:\w+\s+){0,3}?(?:by|to)\s+|\bexit\s+to\s+|\b(?:sold|sells?|selling|offload\w*|transfer(?:s|red|ring)?)\s+(?:(?:a|an|its|their|his|her|the)\s+)?(?:\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s+)?(?:\w+\s+){0,3}?(?:stake|shares|holding|shareholding)\s+(?:\w+\s+){0,3}?to\s+",
    )
});
static BUYER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s(?:has\s+|have\s+|had\s+|will\s+|would\s+|is\s+to\s+|to\s+|agreed\s+to\s+|has\s+agreed\s+to\s+|plans\s+to\s+|is\s+set\s+to\s+|completed\s+(?:its|the)\s+|(?:announced|confirmed)\s+(?:(?:its|the|plans\s+to)\s+)?|is\s+in\s+talks\s+to\s+|said\s+it\s+would\s+|also\s+)?(?:acquire[sd]?|acquiring|buy|buys|bought|buying|purchase[sd]?|purchasing|snap(?:ped)?\s+up|take\s+over|took\s+over|pick(?:ed|s)?\s+up|paid|pays|paying|acqui-?hires?|acqui-?hired)\b",
    )
});
static ACQUISITION_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:'s|’s)\s+(?:[$€£¥₹\w.,\-]+\s+){0,4}?(?:acquisition|purchase|takeover|buyout)\s+of\b",
    )
});
static BOOKRUNNERS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:bookrunners?|book-?running\s+managers?|underwriters?|global\s+coordinators?|(?:underwritten|managed|arranged)\s+by)\b[^.;]{0,40}?(?:\b(?:are|were|is|was|include|included|including|by)\b|:)\s*",
    )
});
/// The banks named before their role: "X and Y acted as joint bookrunners", "X is lead
/// underwriter".
static BOOKRUNNERS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s+(?:(?:acted|act|acts|are\s+acting|were\s+acting|served|serve|are|were)\s+as|is|are|was|were|will\s+be)\s+(?:the\s+)?(?:(?:joint|lead|sole|global|senior|active)\s+)*(?:bookrunners?|book-?running\s+(?:lead\s+)?managers?|underwriters?|global\s+coordinators?|lead\s+managers?)\b|\s+(?:led|co-led|managed|co-managed|underwrote|ran)\s+the\s+(?:offering|ipo|listing|float|flotation|share\s+sale)\b",
    )
});
static LENDERS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:lenders?|creditors?|providers?\s+of\s+(?:the\s+)?(?:debt|loan|credit)\w*(?:\s+financing)?)\b[^.;]{0,30}?(?:\b(?:are|were|is|was|include|included|including)\b|:)\s*|\b(?:provided|extended|lent|arranged|financed|underwritten)\s+by\s+|\b(?:loans?|debt|credit|facility|notes|financing)\s+from\s+|\b(?:debt|credit|loan|facility|financing)\s+(?:package|agreement|deal|line)\s+with\s+|\b(?:facility|term\s+loan|loan)\s+with\s+(?:an?\s+)?(?:affiliate\s+of\s+)?|\bborrow\w*\s+(?:[$€£¥₹\w.,\-]+\s+){0,4}?from\s+|\b(?:issued|provided|extended|funded)\s+(?:with|through|from)\s+(?:funds|vehicles|accounts|capital)\s+(?:managed|advised)\s+by\s+",
    )
});
/// What describes a merger partner before its name: "a U.S.-based", "a SPAC backed by".
static VEHICLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:a|an|the)\s+)?(?:[\w.]+-(?:based|listed)\s+)?(?:(?:SPAC|special[\s\-]purpose\s+acquisition\s+company|blank[\s\-]check\s+(?:company|firm|vehicle))\s+(?:backed|sponsored|led|run|set\s+up|formed)\s+by\s+)?",
    )
});
/// A word for the vehicle, not its name.
static VEHICLE_ONLY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:SPAC|SPACs|blank[\s\-]check|U\.?S\.?)$"));
static MERGE_WITH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:merg\w+|combin\w+|deal|tie-up)\s+with\s+|\bblank[\s\-]check\s+(?:company|firm|vehicle)\s+|\bSPAC\s+",
    )
});

/// Whether two spellings name one company: "Arboreal" for "Arboreal Data", either way round.
fn same_company(a: &str, b: &str) -> bool {
    use crate::facts::names::first_word_of;
    names(a, b) || names(b, a) || first_word_of(a, b) || first_word_of(b, a)
}

static SUBSCRIPTION_CUE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)subscri(?:bed|ption)\b"));

/// The cue a sentence must carry to be read for the question.
fn cue(intent: Intent, want: Option<Want>) -> &'static Regex {
    match (intent, want) {
        (_, Some(Want::Repaid)) => &REPAID,
        (_, Some(Want::Subscription)) => &SUBSCRIPTION_CUE,
        (Intent::Lead, _) => &LEAD_CUE,
        (Intent::Investors, _) => &INVEST_CUE,
        (Intent::Valuation, _) | (_, Some(Want::Valuation)) => &VALUATION_CUE,
        (Intent::Total, _) => &TOTAL_CUE,
        (Intent::Acquisition, _) => &ACQUISITION_CUE,
        (Intent::Ipo, _) => &IPO_CUE,
        (Intent::Stake, _) => &STAKE_CUE,
        (Intent::Debt, _) => &DEBT_CUE,
        (Intent::Status, _) => &RAISE_CUE,
        _ => &RAISE_CUE,
    }
}

/// A word of text: its folded key and byte range, with whether it is written with a capital.
struct WordAt {
    key: String,
    start: usize,
    end: usize,
    capital: bool,
}

fn words_of(text: &str) -> Vec<WordAt> {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| re(r"[\p{L}\p{N}](?:[\p{L}\p{N}]|[.\-&'’][\p{L}\p{N}])*"));
    WORD.find_iter(text)
        .map(|m| {
            let mut raw = m.as_str();
            for suffix in ["'s", "’s"] {
                raw = raw.strip_suffix(suffix).unwrap_or(raw);
            }
            // "a Halyard-led group", "Quorra-backed": the name before the hyphen.
            for suffix in ["-led", "-backed", "-owned", "-funded", "-controlled"] {
                if raw.len() > suffix.len() + 1 && raw.to_ascii_lowercase().ends_with(suffix) {
                    raw = &raw[..raw.len() - suffix.len()];
                }
            }
            // "Souqly.com" is Souqly: a web address's ending is no part of the name.
            for suffix in [".com", ".io", ".ai", ".co", ".net", ".org", ".app"] {
                if raw.len() > suffix.len() + 1 && raw.to_ascii_lowercase().ends_with(suffix) {
                    raw = &raw[..raw.len() - suffix.len()];
                }
            }
            WordAt {
                key: key(raw),
                start: m.start(),
                end: m.start() + raw.len(),
                capital: raw
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
            }
        })
        .filter(|w| !w.key.is_empty())
        .collect()
}

/// Keys of a name's words, without trailing legal suffixes ("Acme Robotics Inc." is
/// ["acme", "robotics"]).
fn name_keys(name: &str) -> Vec<String> {
    const TRAILING: &[&str] = &[
        "inc", "ltd", "llc", "corp", "co", "plc", "gmbh", "ag", "sa", "limited", "holdings",
        "group", "pvt", "pte", "bv", "nv", "ab", "oy", "se",
    ];
    let mut keys: Vec<String> = words_of(name).into_iter().map(|w| w.key).collect();
    while keys.len() > 1 && keys.last().is_some_and(|k| TRAILING.contains(&k.as_str())) {
        keys.pop();
    }
    keys
}

/// Where `text` names `name` (whole words, any case): the byte range of the first mention, and
/// whether it is written with a capital.
pub fn find_name(text: &str, name: &str) -> Option<(usize, usize, bool)> {
    if let Some(found) = spelled_out(text, name) {
        return Some(found);
    }
    // Most sentences do not name the company at all: a cheap look for its first letters first
    // (only the first four: "Vireolypay" may be written "Vireoly Pay").
    let head: String = name
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .take(4)
        .collect();
    if !head.is_empty()
        && head.is_ascii()
        && text.is_ascii()
        && !text.to_ascii_lowercase().contains(&head)
    {
        return None;
    }
    let want = name_keys(name);
    if want.is_empty() {
        return None;
    }
    let joined: String = want.concat();
    let words = words_of(text);
    for i in 0..words.len() {
        // Word by word ("Time Out"), or written as one ("TimeOut", "Ferro.io" for "ferro io").
        if i + want.len() <= words.len() && want.iter().zip(&words[i..]).all(|(k, w)| *k == w.key) {
            let last = &words[i + want.len() - 1];
            return Some((words[i].start, last.end, words[i].capital));
        }
        if want.len() > 1 && words[i].key == joined {
            return Some((words[i].start, words[i].end, words[i].capital));
        }
        // One word in the name, two in the text: "Vireolypay" written "Vireoly Pay".
        if let ([one], Some(next)) = (want.as_slice(), words.get(i + 1)) {
            let first = &words[i].key;
            if next.capital
                && one.len() > first.len()
                && one.starts_with(first.as_str())
                && one[first.len()..] == next.key
            {
                return Some((words[i].start, next.end, words[i].capital));
            }
        }
    }
    None
}

/// An abbreviation written out in full: "NRAMC" in "Northern Ridge Asset Management Corp.",
/// "TQL" in "The Quiet Loft". Only for names of three to six capital letters, whose words are all
/// capitalised ("of" and "and" may come between them) and end the run of capitalised words.
fn spelled_out(text: &str, name: &str) -> Option<(usize, usize, bool)> {
    let letters = name.trim().as_bytes();
    if !(3..=6).contains(&letters.len()) || !letters.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let words = words_of(text);
    for i in 0..words.len() {
        let starts_run = i == 0 || !words[i - 1].capital || words[i - 1].key == "the";
        if !words[i].capital || !starts_run {
            continue;
        }
        let (mut j, mut k) = (i, 0);
        while j < words.len() && k < letters.len() {
            let w = &words[j];
            if w.capital && w.key.as_bytes().first() == Some(&letters[k].to_ascii_lowercase()) {
                k += 1;
            } else if !(k > 0 && !w.capital && matches!(w.key.as_str(), "of" | "and")) {
                break;
            }
            j += 1;
        }
        if k == letters.len() && words.get(j).is_none_or(|w| !w.capital) {
            return Some((words[i].start, words[j - 1].end, true));
        }
    }
    None
}

fn names(text: &str, name: &str) -> bool {
    find_name(text, name).is_some()
}

/// Whether `text` names the subject itself, not one of the other companies whose names start
/// with it ("Opalvahub Logistics" is not "Opalvahub").
fn names_subject_in(text: &str, req: &Request) -> bool {
    if let Some(short) = req.short {
        // The short form as a name (capitalised), and not the start of another known company.
        if find_name(text, short).is_some_and(|(s, _, cap)| {
            cap && !req
                .longer
                .iter()
                .any(|l| find_name(&text[s..], l).is_some_and(|(ls, _, _)| ls == 0))
        }) {
            return true;
        }
    }
    let mut rest = 0usize;
    while let Some((s, e, _)) = find_name(&text[rest..], req.subject) {
        let at = &text[rest + s..];
        let longer = req
            .longer
            .iter()
            .any(|l| find_name(at, l).is_some_and(|(ls, _, _)| ls == 0));
        if !longer {
            return true;
        }
        rest += e.max(s + 1);
    }
    false
}

/// "the company", "the Lagos-based startup", "its": a description standing for a company named
/// before. "the investment round in his company" is not one: the words between "the" and the
/// noun describe it, they do not run through another phrase.
fn refers_back(s: &str) -> bool {
    const BREAKS: &[&str] = &[
        "in", "of", "his", "her", "their", "for", "with", "and", "to", "by", "from", "at", "on",
        "a", "an", "that", "which", "who", "its",
    ];
    // "it" stands for the company as the subject of a verb ("it raised", "it is now valued");
    // "we knew it" does not.
    static IT_VERB: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s+(?:has|had|have|is|was|will|would|could|also|now|then|raised|raises|closed|secured|said|says|announced|received|got|landed|bagged|plans|expects|became|is|counts|added|completed|reported|took|takes|set|sets|priced|prices)\b",
        )
    });
    // "Shareholders include Bigco (5.8%) and ...", "Its largest holders are ...": the holders
    // of the company in focus.
    static OWNERLESS_HOLDERS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\W*(?:its\s+|the\s+company's\s+)?(?:(?:current|existing|major|other|key|notable|early|largest|biggest|main|principal)\s+)?(?:shareholders|stockholders|holders|investors|backers|owners)\s+(?:now\s+|also\s+)?(?:include|includes|included|are|were)\b",
        )
    });
    if OWNERLESS_FUNDING.is_match(s) || OWNERLESS_DEAL.is_match(s) || OWNERLESS_HOLDERS.is_match(s)
    {
        return true;
    }
    REFERS.find_iter(s).any(|m| {
        if m.as_str().eq_ignore_ascii_case("it") {
            return IT_VERB.is_match(&s[m.end()..]);
        }
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        // "The investment in the wholly owned subsidiary": the description is the last "the"
        // and what follows it.
        let from = words
            .iter()
            .rposition(|w| w.eq_ignore_ascii_case("the"))
            .unwrap_or(0);
        let words = &words[from..];
        words.len() <= 1
            || words[1..words.len() - 1]
                .iter()
                .all(|w| !BREAKS.contains(&w.to_ascii_lowercase().as_str()))
    })
}

/// A sentence whose grammatical subject is another name ("Bigmart, which ..., will acquire
/// Souqly's team"): its "it" is not the subject.
fn opens_with_other_name(s: &str, subject: &str) -> bool {
    static ITS_OTHER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\W*(?:its|their)\s+(?:[\w\-]+\s+)?(?:parent|owner|investors?|backers?|rivals?|competitors?|peers?|founders?|chief|ceo|shareholders?|acquirer|buyer)\b",
        )
    });
    if ITS_OTHER.is_match(s) {
        return true;
    }
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "Singapore-based Trellis announced ...": the name comes after where it is based.
    static BASED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?-(?:based|headquartered)\s+(?:[a-z][\w\-]*\s+){0,3}",
        )
    });
    let s = BASED.find(s).map_or(s, |m| &s[m.end()..]);
    let first = s.split_whitespace().next().unwrap_or("");
    // "Leading the round was ...", "Following the deal, ...": a participle opening the
    // sentence, not a name.
    let second = s.split_whitespace().nth(1).unwrap_or("");
    let participle =
        first.len() > 4 && first.ends_with("ing") && second.starts_with(|c: char| c.is_lowercase());
    if !first.chars().next().is_some_and(char::is_uppercase)
        || REFERS.is_match(first)
        || OWNERLESS_FUNDING.is_match(s)
        || participle
    {
        return false;
    }
    // "Dealtrack Weekly noted that the company ...": a source credited before what it says.
    static CREDITED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?:noted|notes|said|says|reported|reports|wrote|writes|found|estimates|estimated)\s+(?:that\s+)?\W*(?:the|its|it)\b",
        )
    });
    match facts::text::name_starting_at(s, 0) {
        Some((name, pos)) => {
            pos == 0
                && !names(subject, &name)
                && !names(&name, subject)
                && !CREDITED.is_match(&s[name.len().min(s.len())..])
        }
        None => false,
    }
}

/// "Tarrow, through two of its funds, is investing $80 million at a valuation of $1 billion":
/// an investor opens the sentence and invests in no company it names, so the round is that of
/// the company in focus.
fn investor_opens(s: &str) -> bool {
    static OPENS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\W*[A-Z][\w.&'\-]*(?:\s+[A-Z][\w.&'\-]*){0,3}(?:\s*,[^.;]{0,40}?,\s*|\s+[^.,;]{0,40}?\s|\s+)(?:(?:is|was|will\s+be|has\s+been|have\s+been|are|were)\s+)?(?:investing|invested|will\s+invest|putting\s+in|injecting|injected|leading|led|co-led|co-leading)\b",
        )
    });
    static NAMED_OBJECT: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:in|into)\s+[A-Z]"));
    OPENS
        .find(s)
        .is_some_and(|m| !NAMED_OBJECT.is_match(&s[m.end()..]))
}

struct Candidate {
    score: f32,
    hit: usize,
    span: (usize, usize),
    /// The language of the hit's passage, when the glossary reads it (see [`facts::lang`]).
    lang: Option<facts::lang::Lang>,
}

/// Finds the asked value in the passages about `req.subject`. `None` when no sentence states it.
pub fn read(index: &PassageIndex, req: &Request) -> Result<Option<Reading>> {
    Ok(read_with_closest(index, req)?.0)
}

/// The reading, and the best sentence about the subject whether or not it states the answer
/// (for a decline's "closest source"), from one search.
pub fn read_with_closest(
    index: &PassageIndex,
    req: &Request,
) -> Result<(Option<Reading>, Option<Closest>)> {
    let (hits, mut candidates) = candidates(index, req)?;
    let closest = candidates.first().map(|c| Closest {
        hit: hits[c.hit].clone(),
        span: c.span,
    });
    // "price in cr": when some sentences state figures in that currency, read only those.
    if let Some(c) = req.currency {
        let has = |cand: &Candidate| {
            let h = &hits[cand.hit];
            find_amounts(&h.passage[cand.span.0..cand.span.1])
                .iter()
                .any(|m| m.money.currency == c)
        };
        if candidates.iter().take(12).any(has) {
            candidates.retain(has);
        }
    }
    // "valued at now": among the sentences, the newest dated ones first.
    if req.latest {
        let year = |c: &Candidate| {
            let h = &hits[c.hit];
            find_dates(&h.passage[c.span.0..c.span.1], h.published)
                .iter()
                .filter(|d| !d.relative)
                .map(|d| d.date.date.year())
                .max()
        };
        let newest = candidates.iter().take(12).filter_map(year).max();
        if let Some(n) = newest {
            for c in candidates.iter_mut() {
                if let Some(y) = year(c) {
                    c.score -= 2.0 * (n - y) as f32;
                }
            }
            candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
    }
    // Reports that disagree are looked for a little further down the ranking.
    let window = if conflicts_kept(req) { 8.0 } else { 3.0 };
    let mut read: Vec<(f32, Reading)> = Vec::new();
    let mut tried = 0;
    for c in candidates {
        let best = read.iter().map(|(t, _)| *t).fold(f32::MIN, f32::max);
        if tried == 12 || c.score + window < best {
            break;
        }
        let hit = &hits[c.hit];
        let sentence = facts::lang::in_english(&hit.passage[c.span.0..c.span.1], c.lang);
        let sentence: &str = &sentence;
        let Some((value, quality)) = value(req, sentence, hit) else {
            continue;
        };
        tried += 1;
        read.push((
            c.score + quality,
            Reading {
                value,
                hit: hit.clone(),
                span: c.span,
                hedged: HEDGE.is_match(sentence),
                pending: PENDING.is_match(sentence),
                others: Vec::new(),
            },
        ));
    }
    // "for an undisclosed sum" beside an estimate of the sum: the estimate says more.
    if read.iter().any(|(_, r)| r.value != NOT_DISCLOSED) {
        read.retain(|(_, r)| r.value != NOT_DISCLOSED);
    }
    read.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut read = read.into_iter();
    let best = read.next().map(|(total, mut best)| {
        if conflicts_kept(req) {
            for (t, r) in read {
                let new_article = r.hit.article != best.hit.article
                    && best.others.iter().all(|o| o.hit.article != r.hit.article);
                if t + window >= total && new_article && !same_figure(&r.value, &best.value) {
                    best.others.push(r);
                }
            }
            best.others.truncate(2);
        }
        best
    });
    Ok((best, closest))
}

/// A deal has one price: when articles disagree on it, the reply shows each report.
fn conflicts_kept(req: &Request) -> bool {
    matches!(req.intent, Intent::Acquisition | Intent::Stake) && req.want == Some(Want::Money)
}

/// "$580 million" and "US$580m" state one figure, and so do "£410 million (US$500 million)"
/// and "$500 million"; "$600 million" is another.
fn same_figure(a: &str, b: &str) -> bool {
    let (xs, ys) = (find_amounts(a), find_amounts(b));
    if xs.is_empty() || ys.is_empty() {
        return a.eq_ignore_ascii_case(b);
    }
    xs.iter().any(|x| {
        ys.iter()
            .any(|y| x.money.currency == y.money.currency && close_amounts(&x.money, &y.money))
    })
}

/// The best sentence about the subject for the question, whether or not it states the answer.
pub fn closest(index: &PassageIndex, req: &Request) -> Result<Option<Closest>> {
    Ok(read_with_closest(index, req)?.1)
}

fn candidates(index: &PassageIndex, req: &Request) -> Result<(Vec<Hit>, Vec<Candidate>)> {
    // Only passages that name the company (in text or headline), and whole articles that open
    // with it. A search on the cue words as well found nothing more on any labelled set and
    // cost most of the reader's time on a large index.
    let mut hits = index.search_all_terms(req.subject, 40).unwrap_or_default();
    if let Some(short) = req.short {
        hits.extend(index.search_all_terms(short, 40).unwrap_or_default());
    }
    // Where each article first names the company: an article that names it in its opening
    // passages is about it, and its later "the company" or "the Chinese firm" is the company.
    let mut first_named: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let note_first_naming = |hits: &[Hit], first: &mut std::collections::HashMap<String, u64>| {
        for h in hits {
            if names_subject_in(&h.passage, req) || names_subject_in(&h.title, req) {
                let e = first.entry(h.article.clone()).or_insert(h.ordinal);
                *e = (*e).min(h.ordinal);
            }
        }
    };
    note_first_naming(&hits, &mut first_named);
    // The whole of the few articles that name the company first thing: their later passages
    // say "the company" and name neither it nor the cue words the search ranks by.
    let mut about: Vec<String> = first_named
        .iter()
        .filter(|(_, o)| **o <= 1)
        .map(|(a, _)| a.clone())
        .collect();
    about.sort();
    about.truncate(8);
    let whole: Vec<Hit> = about
        .iter()
        .flat_map(|article| index.article_passages(article, 200).unwrap_or_default())
        .collect();
    // And those that indexing found to be about it though they name it late: where each first
    // names it is found in its own passages.
    let late: Vec<Hit> = req
        .about
        .iter()
        .take(8)
        .filter(|a| !about.contains(a))
        .flat_map(|article| index.article_passages(article, 200).unwrap_or_default())
        .collect();
    note_first_naming(&late, &mut first_named);
    hits.extend(whole);
    hits.extend(late);
    let mut seen = std::collections::HashSet::new();
    hits.retain(|h| seen.insert((h.article.clone(), h.ordinal)));
    // The rounds each article names, in the passages at hand.
    let mut article_rounds: std::collections::HashMap<String, Vec<RoundType>> =
        std::collections::HashMap::new();
    for h in &hits {
        let entry = article_rounds.entry(h.article.clone()).or_default();
        // The rounds the article reports: named anywhere but in a plan.
        for span in split_sentences(&h.passage) {
            let t = span.text(&h.passage);
            // "intends to raise a larger Series C" names a round the article does not report.
            // "Why not do the Series C now?" asks; it does not report.
            if PLANNED.is_match(t) || INTENDS.is_match(t) || t.trim_end().ends_with('?') {
                continue;
            }
            entry.extend(facts::extract_round_types(t));
        }
    }
    let total = hits.len().max(1) as f32;
    let cue = cue(req.intent, req.want);
    // A total raised "to date" grows with time: the newest article's figure is the current one.
    let newest = hits.iter().filter_map(|h| h.published).max();
    // "the loan it took alongside the 40m raise": a debt question that names another
    // figure is about the article that states that figure. ("was it 2bn or 1.8bn?" names the
    // figures in doubt, and anchors nothing.)
    let anchored: Option<std::collections::HashSet<&str>> = req
        .amount
        .as_ref()
        .filter(|_| req.intent == Intent::Debt && req.want == Some(Want::Money))
        .map(|asked| {
            hits.iter()
                .filter(|h| {
                    find_amounts(&h.passage)
                        .iter()
                        .any(|m| close_amounts(&m.money, asked))
                })
                .map(|h| h.article.as_str())
                .collect()
        });
    // An article whose lead sentence tells of the company's listing ("Acme went public on
    // Thursday ...") is about the listing, whatever its headline says.
    let listing_leads: std::collections::HashSet<&str> = hits
        .iter()
        .filter(|h| req.intent == Intent::Ipo && h.ordinal == 0)
        .filter(|h| {
            split_sentences(&h.passage).first().is_some_and(|lead| {
                let lead = lead.text(&h.passage);
                names_subject_in(lead, req) && IPO_CUE.is_match(&without_ipo_plans(lead))
            })
        })
        .map(|h| h.article.as_str())
        .collect();
    let mut out = Vec::new();
    for (rank, hit) in hits.iter().enumerate() {
        if crate::corpus::is_record(&hit.passage) {
            continue;
        }
        if anchored
            .as_ref()
            .is_some_and(|articles| !articles.contains(hit.article.as_str()))
        {
            continue;
        }
        let title_names = names_subject_in(&hit.title, req);
        let first = first_named.get(&hit.article).copied();
        let named_before = first.is_some_and(|o| o < hit.ordinal);
        let article_about =
            title_names || first.is_some_and(|o| o <= 1) || req.about.contains(&hit.article);
        let passage_types = facts::extract_round_types(&hit.passage);
        // The company the passage last named, of those the question names.
        let mut last_named: Option<&str> = (title_names || named_before).then_some(req.subject);
        let mut previous_named = false;
        let mut previous_listing = false;
        let title_listing = req.intent == Intent::Ipo
            && (IPO_CUE.is_match(&without_pre_ipo(&hit.title))
                || listing_leads.contains(hit.article.as_str()));
        // The company's own blog or press release, headed with its name: its "we" is the
        // company.
        let own_voice = title_names
            && hit
                .source
                .as_deref()
                .is_some_and(|src| names_subject_in(src, req));
        // A passage in another language is read through the same glossary as extraction.
        let lang = facts::lang::language(&hit.passage);
        for span in split_sentences(&hit.passage) {
            let s = facts::lang::in_english(span.text(&hit.passage), lang);
            let s: &str = &s;
            // A sentence that only looks ahead to a listing ("sets the stage for an IPO") states
            // none of its facts.
            let about_listing =
                req.intent == Intent::Ipo && IPO_CUE.is_match(&without_ipo_plans(s));
            let after_listing = std::mem::replace(&mut previous_listing, about_listing);
            let mut score_bonus_currency = 0.0;
            let names_subject = names_subject_in(s, req);
            let named_other = req.others.iter().find(|o| names(s, o));
            let investor_opening = investor_opens(s);
            // "Two banks acted as bookrunners": the banks open the sentence about the listing.
            let opens_with_other = opens_with_other_name(s, req.subject)
                && !investor_opening
                && !(req.intent == Intent::Ipo
                    && req.want == Some(Want::Who)
                    && BOOKRUNNERS_AFTER.is_match(s));
            // "... the purchase of Souqly by Bigmart. The deal was put at $600 million.": the
            // deal of the sentence before.
            let deal_before = std::mem::replace(&mut previous_named, names_subject)
                && matches!(req.intent, Intent::Acquisition | Intent::Stake)
                && THE_DEAL.is_match(s);
            // "The first, a seed round, was co-led by ...": the asked round, named in a passage
            // whose last company was the subject.
            let asked_round_here = last_named == Some(req.subject)
                && !opens_with_other
                && req
                    .round
                    .is_some_and(|r| facts::extract_round_types(s).contains(&r));
            // "Terms of the deal with Bigco were not disclosed": the deal of the company last
            // named, with the other party the question names.
            let party_deal = matches!(req.intent, Intent::Acquisition | Intent::Stake)
                && named_other.is_some()
                && (OF_THE_DEAL.is_match(s) || refers_back(s));
            // "Routefield raised $2.5 million. The round was led by ...": a digest's next deal,
            // whose company the question does not name, is now in view.
            let other_raiser = last_named == Some(req.subject)
                && !names_subject
                && named_other.is_none()
                && facts::named_raiser(s).is_some_and(|r| !same_company(&r, req.subject));
            let in_own_voice = own_voice
                && named_other.is_none()
                && (FIRST_PERSON.is_match(s) || !opens_with_other);
            let refers = !names_subject
                && !other_raiser
                && (in_own_voice
                    || last_named == Some(req.subject)
                        && (!opens_with_other
                            && (refers_back(s) || asked_round_here || investor_opening)
                            || party_deal)
                    || deal_before);
            // Filings, notes and listings often name the company only in the headline.
            let in_article_about = !names_subject
                && !opens_with_other
                && req.intent.is_event()
                && (title_names || article_about && last_named == Some(req.subject));
            if names_subject {
                last_named = Some(req.subject);
            } else if let Some(o) = named_other {
                last_named = Some(o.as_str());
            } else if other_raiser {
                last_named = None;
            }
            // "Acme sold 40 million shares worth $360 million" in an article about the listing:
            // the listing's proceeds, though the sentence names no listing.
            static SHARES_SOLD: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)\b(?:sold|sells|issued|issues|offered|offers)\s+(?:[\d.,]+\s+(?:million\s+|billion\s+)?)?(?:new\s+)?shares\b",
                )
            });
            let listing_sale =
                title_listing && req.want == Some(Want::Money) && SHARES_SOLD.is_match(s);
            if !(names_subject || refers || in_article_about) || !(cue.is_match(s) || listing_sale)
            {
                continue;
            }
            // "the IPO valued it at": a listing's valuation is in a sentence about the listing,
            // or in the sentence right after it ("That would indicate a valuation of ..."), or in
            // an article whose headline is about the listing, when no private round is in view.
            // Likewise "offered 2.4M units at $4.25 per unit" in an article headed with the
            // listing: the offer's price.
            // "The takeover puts a value of $4 billion on Acme": what a purchase is worth.
            static PURCHASE: LazyLock<Regex> = LazyLock::new(|| {
                re(r"(?i)\b(?:transaction|acquisition|takeover|merger|purchase|buyout)\b")
            });
            static OFFERED: LazyLock<Regex> = LazyLock::new(|| {
                re(r"(?i)\b(?:offered|offers|offering|sold|sells|selling|priced|issued)\b")
            });
            if req.intent == Intent::Ipo
                && !about_listing
                && !((after_listing || title_listing)
                    && req.want == Some(Want::Valuation)
                    && !PRIVATE_ROUND.is_match(s)
                    && !PURCHASE.is_match(s))
                && !(title_listing && req.want == Some(Want::PerShare) && OFFERED.is_match(s))
                && !listing_sale
                && !(req.want == Some(Want::Subscription) && (after_listing || title_listing))
            {
                continue;
            }
            // "whats Acme valued at now": the newest figures; older dated ones rank lower.
            let age_penalty = if req.latest {
                let newest = hit.published.map(|d| d.year());
                find_dates(s, hit.published)
                    .iter()
                    .filter(|d| !d.relative)
                    .map(|d| newest.map_or(0, |n| (n - d.date.date.year()).max(0)))
                    .max()
                    .unwrap_or(0) as f32
                    * 2.0
            } else {
                0.0
            };
            if matches!(req.intent, Intent::Lead | Intent::Investors) && !FUNDING_WORD.is_match(s) {
                continue;
            }
            // "co-led by Northgale": a sentence where the subject invests is not about its own
            // round.
            if !req.intent.is_event()
                && names_subject
                && INVEST_CUE.is_match(s)
                && facts::investors_named(s)
                    .iter()
                    .any(|(n, _, _)| names(n, req.subject) || names(req.subject, n))
            {
                continue;
            }
            // A purchase between two named companies: the sentence names one of them.
            let party_in_title =
                in_article_about && req.others.iter().any(|o| names(&hit.title, o));
            if matches!(req.intent, Intent::Acquisition | Intent::Stake)
                && !(names_subject || deal_before || party_in_title)
                && named_other.is_none()
                && !req.others.is_empty()
            {
                continue;
            }
            // "In the spring, Bigco paid $90 million to acquire Dutch chip designer Norvale":
            // the price of another company.
            if req.intent == Intent::Acquisition && !names_subject && buys_another(s) {
                continue;
            }
            // "the new round": not a sentence about an earlier one.
            if req.latest && (facts::cues_historical(s) || EARLIER.is_match(s)) {
                continue;
            }
            // "what was it reportedly getting?": a sentence hedged itself, a deal agreed but not
            // done, or a sentence of a passage that credits its sources.
            let reported = HEDGE.is_match(s)
                || PLANNED.is_match(s)
                || req.intent.is_event() && PENDING.is_match(s)
                || HEDGE.is_match(&hit.passage);
            if req.reported && !reported {
                continue;
            }
            if req.closing && !CLOSING_WHEN.is_match(s) {
                continue;
            }
            if let Some(phrase) = req.round_phrase {
                let p = hit
                    .passage
                    .to_lowercase()
                    .replace("2nd", "second")
                    .replace('-', " ");
                if !p.contains(&phrase.replace('-', " ")) {
                    continue;
                }
            }
            if req.new_investors && !NEW_CUE.is_match(s) {
                continue;
            }
            if let Some(c) = req.currency {
                if find_amounts(s).iter().any(|m| m.money.currency == c) {
                    score_bonus_currency = 2.0;
                }
            }
            // "how much did Fernway pay for Vetrino": the passage must name Fernway.
            if matches!(req.intent, Intent::Acquisition | Intent::Stake)
                && !req.others.is_empty()
                && !req
                    .others
                    .iter()
                    .any(|o| names(&hit.passage, o) || names(&hit.title, o))
            {
                continue;
            }
            // A question about a private round is not answered by the stock-market listing; a
            // round taken "ahead of a listing" is still a private round.
            if !req.intent.is_event() && LISTING.is_match(&without_ipo_plans(s)) {
                continue;
            }
            // "Vetrino's valuation in the Harrowgate deal": the passage names Harrowgate. A total is
            // not one deal's: "raised before Bigco bought it" needs no Bigco in the passage.
            if !req.intent.is_event()
                && req.intent != Intent::Total
                && !req.others.is_empty()
                && !req.others.iter().any(|o| names(&hit.passage, o))
            {
                continue;
            }
            // "was it really a $2bn valuation?": the sentence speaks of that figure.
            if req.intent == Intent::Status {
                if let Some(asked) = &req.amount {
                    if !find_amounts(s)
                        .iter()
                        .any(|m| close_amounts(&m.money, asked))
                    {
                        continue;
                    }
                }
            }
            let names_party =
                matches!(req.intent, Intent::Acquisition | Intent::Stake) && named_other.is_some();
            let mut score = if names_subject || names_party {
                6.0
            } else if deal_before {
                4.5
            } else if refers {
                3.0
            } else {
                1.5
            };
            for other in req.others {
                if names(s, other) {
                    score += 4.0;
                } else if names(&hit.passage, other) {
                    score += 1.0;
                }
            }
            if let Some(r) = req.round {
                let types = facts::extract_round_types(s);
                if types.contains(&r) {
                    score += 4.0;
                } else if !types.is_empty() {
                    continue;
                } else if passage_types.contains(&r) && passage_types.iter().all(|t| *t == r) {
                    score += 1.0;
                } else if passage_types.is_empty()
                    && !EARLIER.is_match(s)
                    && !facts::cues_historical(s)
                    && article_rounds.get(&hit.article).is_some_and(|types| {
                        types.contains(&r)
                            && types.iter().all(|t| *t == r || *t == RoundType::Unknown)
                    })
                {
                    // A passage naming no round, in an article whose only round is the asked
                    // one: "the three-year-old startup is now valued at ...".
                } else {
                    continue;
                }
            }
            if let Some(p) = req.period {
                let dates = find_dates(s, hit.published);
                let month_named = p.month_any_year.is_some_and(|m| {
                    chrono::NaiveDate::from_ymd_opt(2000, m, 1)
                        .is_some_and(|d| s.contains(&d.format("%B").to_string()))
                });
                if month_named
                    || dates
                        .iter()
                        .any(|d| in_period(d.date.date, d.date.end(), p))
                {
                    score += 3.0;
                } else if !dates.is_empty() {
                    continue;
                } else if hit.published.is_some_and(|d| in_period(d, d, p))
                    // "Startups raised $700 million in October": a digest's headline dates
                    // the deals it lists.
                    || find_dates(&hit.title, hit.published)
                        .iter()
                        .any(|d| !d.relative && in_period(d.date.date, d.date.end(), p))
                {
                    score += 1.0;
                } else {
                    continue;
                }
            }
            if let Some(asked) = &req.amount {
                let amounts = find_amounts(s);
                let same = amounts.iter().any(|m| close_amounts(&m.money, asked));
                if same {
                    score += 3.0;
                } else if !req.intent.is_event() && req.intent != Intent::Status {
                    // "who led its 30m round": a sentence about a round of another size
                    // ("a Series B of 18 million, led by ...") is about another round.
                    let round_sized = amounts
                        .iter()
                        .zip(facts::money_kinds(s))
                        .any(|(m, k)| k == "round" && !is_conversion(s, m));
                    if round_sized {
                        continue;
                    }
                }
            }
            if req.intent == Intent::Total {
                if newest.is_some() && hit.published == newest {
                    score += 1.5;
                }
                // "has raised £90m to date" states the lifetime figure; "a further £5m,
                // bringing the total to £30m" may be one round's total.
                if LIFETIME.is_match(s) {
                    score += 3.0;
                }
            }
            score += score_bonus_currency + 1.0 - rank as f32 / total - age_penalty;
            out.push(Candidate {
                score,
                hit: rank,
                span: (span.start, span.end),
                lang,
            });
        }
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    for c in out.iter().take(8) {
        let h = &hits[c.hit];
        tracing::trace!(score = c.score, article = %h.article, passage = h.ordinal, sentence = &h.passage[c.span.0..c.span.1], "reader candidate");
    }
    Ok((hits, out))
}

fn in_period(from: chrono::NaiveDate, to: chrono::NaiveDate, p: &Period) -> bool {
    use chrono::Datelike;
    match p.month_any_year {
        Some(m) => from.month() <= m && to.month() >= m && from.year() == to.year(),
        None => from <= p.to && to >= p.from,
    }
}

/// Two amounts the same up to rounding ("3.1m" and "$3.1 million").
fn close_amounts(a: &Money, b: &Money) -> bool {
    let (x, y) = (a.amount as f64, b.amount as f64);
    x > 0.0 && (x - y).abs() / x.max(y) < 0.02
}

/// The value the question wants, read from one sentence.
/// The value and how well placed it is: close to the cue word it answers to.
fn value(req: &Request, s: &str, hit: &Hit) -> Option<(String, f32)> {
    let v = value_text(req, s, hit)?;
    let at = value_at(s, &v);
    let strong: &Regex = match (req.intent, req.want) {
        (Intent::Acquisition | Intent::Stake, Some(Want::Money)) => &PRICE_CUE,
        (Intent::Ipo, Some(Want::Money)) => &IPO_MONEY,
        _ => cue(req.intent, req.want),
    };
    let distance = strong
        .find_iter(s)
        .map(|m| m.start().abs_diff(at).min(m.end().abs_diff(at)))
        .min()
        .unwrap_or(usize::MAX);
    // "the new round": not a figure the sentence dates to an earlier year ("below the $2
    // billion it was worth in 2021").
    if req.latest {
        static IN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)^\S+(?:\s+(?:million|billion|trillion|bn|mn|crore|lakh))?[^;$€£¥₹₩]{0,40}?\b(?:in|during|back\s+in|as\s+of)\s+((?:19|20)\d\d)\b",
            )
        });
        let after = crate::facts::text::window(s, at, at + 70);
        let year = IN_YEAR
            .captures(after)
            .and_then(|c| c[1].parse::<i32>().ok());
        if let (Some(y), Some(p)) = (year, hit.published) {
            if y < p.year() {
                return None;
            }
        }
    }
    let mut quality = match distance {
        0..=25 => 2.0,
        26..=60 => 1.0,
        _ => 0.0,
    };
    // "how much of acme did bigco buy": a stated percentage beats "a majority stake".
    if req.want == Some(Want::Percent) && !v.chars().any(|c| c.is_ascii_digit()) {
        quality -= 2.0;
    }
    // "when does the deal close": a closing window beats the announcement's date.
    if req.want == Some(Want::When) && CLOSING_WHEN.is_match(s) {
        quality += 5.0;
    }
    // "so far this year" dates a sentence only loosely: a stated date ranks above it.
    if (matches!(req.want, Some(Want::When)) || req.intent == Intent::Date)
        && find_dates(s, hit.published).iter().all(|d| d.relative)
    {
        quality -= 2.0;
    }
    // "when does it start trading": the day shares first trade, not the day they were priced.
    if req.intent == Intent::Ipo && req.want == Some(Want::When) {
        if FIRST_TRADE.is_match(s) {
            quality += 4.0;
        } else {
            quality -= 2.0;
        }
    }
    // "at its most recent valuation of $68 billion": an earlier mark the deal is compared
    // with, not the deal's own.
    if req.want == Some(Want::Valuation) || req.intent == Intent::Valuation {
        static EARLIER_MARK: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)\b(?:most\s+recent|previous|prior|last|earlier|former)\s+(?:private\s+)?valuation\s+(?:of\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$",
            )
        });
        if EARLIER_MARK.is_match(crate::facts::text::window(s, at.saturating_sub(50), at)) {
            // Asked about one deal ("the valuation in the tender offer"), the earlier mark is
            // never that deal's; asked plainly, it may still be the newest figure there is.
            quality -= if req.intent.is_event() || !req.others.is_empty() {
                4.0
            } else {
                1.5
            };
        }
    }
    // "pay £250 million upfront ... and up to £160 million more": the first part of the price,
    // not the deal's size.
    if matches!(req.intent, Intent::Acquisition | Intent::Stake)
        && req.want == Some(Want::Money)
        && UPFRONT.is_match(crate::facts::text::window(s, at, at + 60))
    {
        quality -= 1.0;
    }
    // "will pay about $16 billion to buy 77%": the buyer's own verb names the price; "sell its
    // stake to Bigmart for $4 billion" may be one seller's part of a larger deal.
    if matches!(req.intent, Intent::Acquisition | Intent::Stake)
        && req.want == Some(Want::Money)
        && PAY_BEFORE.is_match(crate::facts::text::window(s, at.saturating_sub(30), at))
    {
        quality += 0.5;
    }
    Some((v, quality))
}

/// Where the sentence states `value`: the value as written ("£410 million (US$500 million)")
/// is normalised, so the sentence is searched for its first figure ("410").
fn value_at(s: &str, value: &str) -> usize {
    let probe = value.split(" (").next().unwrap_or(value);
    if let Some(at) = s.find(probe) {
        return at;
    }
    static FIGURE: LazyLock<Regex> = LazyLock::new(|| re(r"\d[\d,.]*"));
    FIGURE
        .find(probe)
        .and_then(|f| {
            let digits = f.as_str().trim_end_matches(['.', ',']);
            s.match_indices(digits).map(|(i, _)| i).next()
        })
        .unwrap_or(0)
}

static PAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:pay|pays|paid|paying|spend|spends|spent|shell(?:s|ed)?\s+out)\s+(?:about|around|roughly|nearly|some|an\s+estimated|up\s+to|more\s+than|over)?\s*(?:US)?[$€£¥₹₩]?\s*$",
    )
});
/// "the deal", "this acquisition": a deal spoken of as one already named.
const THE_DEAL_WORDS: &str =
    r"(?:the|this|that)\s+(?:deal|acquisition|transaction|takeover|purchase|buyout|sale)\b";
/// A sentence that opens with the deal: "The deal was put at $600 million."
static THE_DEAL: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^\W*{THE_DEAL_WORDS}")));
/// A sentence that speaks of the deal anywhere: "Terms of the deal with Bigco ...".
/// Wire briefs drop the article: "Bigco says deal valued at $230 million".
static OF_THE_DEAL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b{THE_DEAL_WORDS}|\b(?:says|said)\s+(?:deal|acquisition|transaction|purchase)\b"
    ))
});
/// The price read from "terms were not disclosed".
const NOT_DISCLOSED: &str = "not disclosed";
/// "Terms were not disclosed", "for an undisclosed sum": the price is not public.
static PRICE_UNDISCLOSED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:terms|details|price|value|amount|size|consideration)\b[^.;]{0,50}?\b(?:(?:were|was|have|has|had|is|are)\s+not|(?:weren't|wasn't|haven't|hasn't|hadn't|isn't|aren't|weren’t|wasn’t|haven’t|hasn’t|isn’t|aren’t))\s+(?:yet\s+)?(?:been\s+)?(?:disclosed|revealed|announced|made\s+public)|(?:did\s+not|didn't|declined\s+to|would\s+not|wouldn't)\s+(?:disclose|reveal|say)\s+(?:the\s+)?(?:terms|price|financial|value|amount|how\s+much)|for\s+an?\s+(?:undisclosed|unspecified|unknown)\s+(?:sum|amount|price|fee|consideration))\b",
    )
});
static FIRST_TRADE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:will|to)\s+(?:list|debut|start\s+trading|begin\s+trading|float)|debut\w*|(?:start|begin|began|begun)\w*\s+trading|first\s+day\s+of\s+trading|trading\s+(?:debut|starts?|begins?|began)|went\s+public|listed\s+on|floated|opened\s+at|(?:shares|stock)\s+(?:rose|jumped|soared|fell|slid|climbed|popped))\b",
    )
});
static UPFRONT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^[^;]{0,45}?\b(?:upfront|up-front|on\s+closing|at\s+closing)\b"));

fn value_text(req: &Request, s: &str, hit: &Hit) -> Option<String> {
    // Not the subject, not a name the question sets aside, and not an outlet credited with the
    // report ("..., the Financial Times reported").
    let not_subject = |n: &String| {
        key(n) != key(req.subject)
            && !names(req.subject, n)
            && req.exclude.is_none_or(|ex| !names(n, ex) && !names(ex, n))
            && !credited_outlet(s, n)
    };
    match (req.intent, req.want) {
        (Intent::Lead, _) => {
            let leads: Vec<String> = own_investors(req, s)
                .into_iter()
                .filter(|(n, r)| *r == Role::Lead && not_subject(n))
                .map(|(n, _)| n)
                .collect();
            (!leads.is_empty()).then(|| and_list(&leads))
        }
        (Intent::Investors, _) => {
            let all: Vec<String> = own_investors(req, s)
                .into_iter()
                .filter(|(n, _)| not_subject(n))
                .map(|(n, r)| {
                    if r == Role::Lead {
                        format!("{n} (lead)")
                    } else {
                        n
                    }
                })
                .collect();
            (!all.is_empty()).then(|| and_list(&all))
        }
        (Intent::Valuation, _) | (_, Some(Want::Valuation)) => {
            // "the IPO of Bigco Inc., whose market value has since reached $1 billion": the
            // value of the company the clause hangs on.
            static WHOSE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(\p{Lu}[\w.&'\-]*(?:\s+\p{Lu}[\w.&'\-]*)*),\s+whose\s+(?:\w+\s+)?(?:market\s+(?:value|cap\w*)|valuation|worth)\b",
                )
            });
            if WHOSE_VALUE
                .captures(s)
                .is_some_and(|c| !names_subject_in(&c[1], req))
            {
                return None;
            }
            let kinds = if req.intent == Intent::Ipo {
                facts::listing_money_kinds(s)
            } else {
                facts::money_kinds(s)
            };
            kind_money(s, &kinds, "valuation", req.currency).or_else(|| right_after_valuation(s))
        }
        (Intent::Total, _) => {
            let kinds = facts::money_kinds(s);
            kind_money(s, &kinds, "total", req.currency)
                .or_else(|| {
                    // "Acme has raised $133 million from investors including A and B", with no
                    // round named: what it has raised so far.
                    (HAS_RAISED_FROM.is_match(s) && !ROUND_WORD.is_match(s))
                        .then(|| {
                            // "valued at $40 million with $22 million in funding": the money
                            // raised, whatever its kind reads as.
                            kind_money(s, &kinds, "round", req.currency).or_else(|| {
                                HAS_RAISED_FROM.find(s).and_then(|m| {
                                    find_amounts(m.as_str()).first().map(|a| stated(m.as_str(), a))
                                })
                            })
                        })
                        .flatten()
                })
                .or_else(|| {
                    // "it raised $9.5 million over three rounds": the sum of them.
                    static IN_ROUNDS: LazyLock<Regex> = LazyLock::new(|| {
                        re(r"(?i)^\s*(?:\([^)]*\)\s*)?(?:in|across|over)\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+(?:\w+\s+)?(?:rounds|financings|fundraises|raises)\b")
                    });
                    static RAISED: LazyLock<Regex> = LazyLock::new(|| {
                        re(r"(?i)\b(?:raised|secured|collected|took\s+in)\s+(?:a\s+total\s+of\s+|about\s+|around\s+|some\s+|over\s+|more\s+than\s+)?$")
                    });
                    own_figures(s)
                        .into_iter()
                        .find(|m| {
                            IN_ROUNDS.is_match(&s[m.end..])
                                && RAISED.is_match(crate::facts::text::window(
                                    s,
                                    m.start.saturating_sub(40),
                                    m.start,
                                ))
                        })
                        .map(|m| stated(s, &m))
                })
        }
        (Intent::Amount | Intent::History, _) => {
            kind_money(s, &facts::money_kinds(s), "round", req.currency)
        }
        (Intent::Date, _) | (_, Some(Want::When)) => when(s, hit),
        (Intent::Round, _) => facts::extract_round_types(s)
            .into_iter()
            .find(|t| *t != RoundType::Unknown)
            .map(|t| t.label()),
        (Intent::Status, _) => Some(if HEDGE.is_match(s) {
            "not closed as far as my sources say: it is reported, not confirmed".to_string()
        } else if CLOSED.is_match(s) {
            "closed".to_string()
        } else {
            return None;
        }),
        (_, Some(Want::PerShare)) => per_share(s),
        (_, Some(Want::Percent)) => {
            // "a 9% share of the $70 million raised": a part of a total, not a holding.
            static SHARE_OF_TOTAL: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)^\s*(?:market\s+)?share\s+of\s+(?:the\s+|all\s+)?(?:\w+\s+)?(?:[$€£¥₹₩]|total|market|overall|funding|capital|deals?|investment)",
                )
            });
            let stakes: Vec<regex::Match> = PERCENT
                .find_iter(s)
                .filter(|m| !SHARE_OF_TOTAL.is_match(&s[m.end()..]))
                .filter(|m| {
                    STAKE_CUE.is_match(crate::facts::text::window(
                        s,
                        m.start().saturating_sub(80),
                        m.end() + 80,
                    ))
                })
                .collect();
            // "Harbor Lane, which holds 12.4%, and Pell Fund (8.1%)": of several holdings, the
            // asked holder's is the one nearest its name.
            // A lone figure far from the asked holder is another party's: in "the platform
            // (which owned around 12% of Acme) is selling to Harbor Lane", not Harbor Lane's.
            let holder = req.others.iter().find_map(|o| find_name(s, o));
            match holder {
                Some((from, to, _)) if !stakes.is_empty() => {
                    // "from Halden Fund and the group Corvane, which owns 5%": a figure told
                    // of another name, after the holder's, is that name's.
                    static OF_ANOTHER: LazyLock<Regex> = LazyLock::new(|| {
                        re(
                            r"(?:,|\band\b|\bwith\b|\bfrom\b)[^;]*?\w,\s+(?:which|who)\s+(?:now\s+)?(?:owns|holds|has|controls)\b",
                        )
                    });
                    stakes
                        .iter()
                        .filter(|m| m.start() < to || !OF_ANOTHER.is_match(&s[to..m.start()]))
                        .map(|m| {
                            let d = if m.start() >= to {
                                m.start() - to
                            } else {
                                from.saturating_sub(m.end())
                            };
                            (d, m)
                        })
                        .filter(|(d, m)| {
                            let reach = if stakes.len() > 1 {
                                40
                            } else if m.start() >= to {
                                80
                            } else {
                                40
                            };
                            *d <= reach
                        })
                        .min_by_key(|(d, _)| *d)
                        .map(|(_, m)| m.as_str().to_string())
                }
                // A holder asked about but not named here: the figure is someone else's.
                None if !req.others.is_empty() && !stakes.is_empty() => None,
                _ => stakes
                    .first()
                    .map(|m| m.as_str().to_string())
                    .or_else(|| STAKE_WORDS.find(s).map(|m| m.as_str().to_string())),
            }
        }
        (_, Some(Want::Rate)) => {
            let rates: Vec<regex::Match> = PERCENT.find_iter(s).collect();
            nearest(&rates, |m| m.start(), &RATE_CUE, s).map(|m| m.as_str().to_string())
        }
        // The exchange a listing is on: "the Stock Exchange's founder fund" lists nothing.
        (_, Some(Want::Place)) => {
            static LISTING_VERB: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)\b(?:list\w*|IPO|initial\s+public\s+offering|debut\w*|float\w*|trad(?:e|es|ed|ing)|went\s+public|go(?:es|ing)?\s+public|uplist\w*|priced|ticker)\b",
                )
            });
            if !LISTING_VERB.is_match(s) {
                return None;
            }
            EXCHANGE.find(s).map(|m| m.as_str().to_string())
        }
        (_, Some(Want::Repaid)) => REPAID.find(s).map(|m| m.as_str().to_string()),
        // "the IPO was oversubscribed 12.2X", "subscribed 31 times": the issue as a whole,
        // not one class of bidders ("the retail portion was subscribed 2.3 times").
        (_, Some(Want::Subscription)) => {
            static SUBSCRIBED: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)\b(?:over-?)?subscri(?:bed|ption\s+of)\s+(?:by\s+|at\s+)?(?P<n>\d+(?:\.\d+)?\s?(?:x|times)(?:\s+over)?)\b",
                )
            });
            static PORTION: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)\b(?:retail|institutional|QIBs?|NIIs?|HNIs?|employees?|portion|quota|category|tranche|segment|book)\b",
                )
            });
            SUBSCRIBED
                .captures_iter(s)
                .find(|c| {
                    let before = crate::facts::text::window(
                        s,
                        c.get(0).map_or(0, |m| m.start()).saturating_sub(50),
                        c.name("n").map_or(0, |m| m.start()),
                    );
                    !PORTION.is_match(before)
                })
                .map(|c| c["n"].to_string())
        }
        (Intent::Ipo, Some(Want::Who)) => BOOKRUNNERS
            .find(s)
            .map(|m| facts::text::list_after(s, m.end()))
            .filter(|l| !l.is_empty())
            .or_else(|| {
                BOOKRUNNERS_AFTER
                    .find(s)
                    .map(|m| facts::text::list_before(s, m.start()))
                    .filter(|l| !l.is_empty())
            })
            .map(|l| and_list(&l))
            .or_else(|| {
                MERGE_WITH.find_iter(s).find_map(|m| {
                    // "merge with U.S.-based Altmoor Growth", "a merger with a SPAC backed by
                    // Altmoor Capital": the vehicle's name, or its sponsor's, after the words
                    // that describe it.
                    let at = m.end() + VEHICLE_WORDS.find(&s[m.end()..]).map_or(0, |d| d.end());
                    facts::text::name_starting_at(s, at)
                        .map(|(n, _)| n)
                        .filter(|n| !VEHICLE_ONLY.is_match(n))
                        .filter(not_subject)
                })
            }),
        (Intent::Debt, Some(Want::Who)) => {
            // "which it will use to pay off an existing facility with Oxbow Bank": the old
            // lender, whom the new loan replaces.
            static PAID_OFF: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)\b(?:pay\s+off|paid\s+off|repay\w*|refinanc\w+|replac\w+|retir\w+)\b[^.;]{0,60}$",
                )
            });
            let cues: Vec<regex::Match> = LENDERS.find_iter(s).collect();
            let old_from = cues
                .iter()
                .find(|m| PAID_OFF.is_match(&s[..m.start()]))
                .map(|m| m.start());
            let current = |at: usize| old_from.is_none_or(|from| at < from);
            let mut found: Vec<String> = cues
                .iter()
                .filter(|m| current(m.start()))
                .flat_map(|m| facts::text::list_after(s, m.end()))
                .filter(not_subject)
                .collect();
            if found.is_empty() {
                // "$30 million of equity led by A, and $10 million of debt from B": the names
                // after the first word of debt.
                static DEBT_WORD: LazyLock<Regex> = LazyLock::new(|| {
                    re(r"(?i)\b(?:debt|loans?|credit|facility|lenders?|lending|notes|borrow\w*)\b")
                });
                let from = DEBT_WORD.find(s).map_or(0, |m| m.start());
                found = facts::investors_named(s)
                    .into_iter()
                    .map(|(n, _, _)| n)
                    .filter(|n| {
                        s.find(n.as_str())
                            .is_none_or(|at| at >= from && current(at))
                    })
                    .filter(not_subject)
                    .collect();
            }
            found.dedup();
            (!found.is_empty()).then(|| and_list(&found))
        }
        (Intent::Acquisition | Intent::Stake, Some(Want::Who)) => buyer(s, req.subject),
        (Intent::Acquisition | Intent::Stake, Some(Want::Seller)) => seller(s, req.subject),
        (Intent::Ipo, _) => {
            // Proceeds, not the price of one share.
            if BEFORE_LISTING.is_match(s) {
                return None;
            }
            // Nor what the listing values the company at.
            let money: Vec<MoneyMention> = prefer_currency(
                own_figures(s)
                    .into_iter()
                    .filter(|m| {
                        !PER_SHARE.is_match(&s[m.end..])
                            && !is_condition(s, m)
                            && !is_valuation_figure(s, m)
                    })
                    .collect(),
                req.currency,
            );
            nearest_mention(&money, &IPO_MONEY, s).map(|m| stated(s, m))
        }
        (Intent::Debt, Some(Want::Money)) if req.first_draw => first_draw(s),
        (Intent::Debt, _) => near_money(s, &DEBT_CUE, req.currency),
        (Intent::Acquisition | Intent::Stake, _) => {
            // Money raised before, or revenue, is not the price.
            let kinds = facts::money_kinds(s);
            let money: Vec<MoneyMention> = find_amounts(s)
                .into_iter()
                .zip(kinds)
                .filter(|(m, _)| !is_conversion(s, m) && m.money.amount >= 10_000)
                .filter(|(m, k)| {
                    *k != "total"
                        && (req.intent != Intent::Stake || !is_valuation_figure(s, m))
                        && !is_condition(s, m)
                        && !PER_SHARE.is_match(&s[m.end..])
                        && !HELD_MONEY.is_match(&s[m.end..])
                        && !RAISED_BEFORE_MONEY.is_match(crate::facts::text::window(
                            s,
                            m.start.saturating_sub(40),
                            m.start,
                        ))
                })
                .map(|(m, _)| m)
                .collect();
            let money = prefer_currency(money, req.currency);
            // "taking a £40m stake": for a stake, the stake's own size is its price.
            let cue: &Regex = if req.intent == Intent::Stake {
                &STAKE_PRICE_CUE
            } else {
                &PRICE_CUE
            };
            // A digest's run-on line ("Bigco has bought 16% of Acme, Halden Fund has hit its
            // first close with $20 million, ..."): only money in the deal's own clause.
            let cues: Vec<usize> = cue.find_iter(s).map(|m| m.start()).collect();
            let money: Vec<MoneyMention> = money
                .into_iter()
                .filter(|m| cues.is_empty() || cues.iter().any(|&c| same_clause(s, c, m.start)))
                .collect();
            nearest_mention(&money, cue, s)
                .map(|m| stated(s, m))
                .or_else(|| {
                    (req.intent == Intent::Acquisition && PRICE_UNDISCLOSED.is_match(s))
                        .then(|| NOT_DISCLOSED.to_string())
                })
        }
        _ => None,
    }
}

/// "its $80 billion cash pile", "$2 million in revenue": money a company holds or earns, not
/// a price paid.
static HELD_MONEY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:of\s+)?(?:\w+\s+)?(?:cash\s+(?:hoard|pile|reserves?|balance|on\s+hand)|reserves?|war\s*chest|hoard|pile)\b|^\s+(?:in\s+|of\s+)?(?:annual\s+|yearly\s+)?(?:revenues?|sales|profits?|turnover|market\s+(?:cap\w*|value))\b",
    )
});

/// "the Financial Times reported": a name credited with the report, not a party to the deal.
fn credited_outlet(s: &str, name: &str) -> bool {
    static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^\W{0,3}(?:reported|reports|said|says|wrote|first\s+reported)\b")
    });
    find_name(s, name).is_some_and(|(_, end, _)| REPORTED.is_match(&s[end..]))
}

/// "raise $5 billion", "revenue of $2 million": money that is not a price.
static RAISED_BEFORE_MONEY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:rais(?:e|ed|es|ing)|revenues?|sales\s+of|funding|invested|investment\s+of|loss\w*|debt\s+of)\b[^.;$€£¥₹]{0,25}$",
    )
});
/// The investors of the round the question is about: those whose cue is nearer the subject (or
/// the asked round) than any other round named in the sentence. "Acme's $60 million Series C
/// ..., or the $140 million Series F that Birch raised, led by X": X led the Series F.
fn own_investors(req: &Request, s: &str) -> Vec<(String, Role)> {
    let rounds = facts::cues_round_mentions(s);
    let anchor = find_name(s, req.subject).map(|m| m.0).or_else(|| {
        req.round
            .and_then(|r| rounds.iter().find(|(t, _)| *t == r).map(|(_, at)| *at))
    });
    let others: Vec<usize> = rounds
        .iter()
        .filter(|(t, _)| req.round.is_some_and(|r| *t != r))
        .map(|(_, at)| *at)
        .collect();
    facts::investors_named(s)
        .into_iter()
        .filter(|(_, _, pos)| {
            let Some(a) = anchor else { return true };
            let (lo, hi) = if a < *pos { (a, *pos) } else { (*pos, a) };
            !others.iter().any(|o| (lo..hi).contains(o))
        })
        .map(|(n, r, _)| (n, r))
        .collect()
}

static IPO_MONEY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:rais\w+|proceeds|offering|IPO|sold|selling|worth)\b"));
/// Words that put a price on a deal.
const PRICE_WORDS: &str = r"for|pa(?:y|id|ying|ys)|deal|price\w*|valu\w+|worth|acqui\w+|bought|buy\w*|purchas\w+|sold|sale|consideration|transaction";
static PRICE_CUE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)\b(?:{PRICE_WORDS})\b")));
/// A stake's price words, and the stake itself: "taking a £40m stake".
static STAKE_PRICE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:{PRICE_WORDS}|stakes?|holding|shareholding)\b"
    ))
});

static BEFORE_LISTING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:before|prior\s+to|ahead\s+of)\s+(?:the|its)\s+(?:listing|IPO|debut|float\w*|offering)\b",
    )
});

/// "Rs 1,150 crore (about $136 million)": the bracketed figure restates the one before it.
fn is_conversion(s: &str, m: &MoneyMention) -> bool {
    s[..m.start].trim_end().ends_with('(')
}

/// Only the amounts in the asked currency, when the sentence has any.
fn prefer_currency(money: Vec<MoneyMention>, currency: Option<&str>) -> Vec<MoneyMention> {
    match currency {
        Some(c) if money.iter().any(|m| m.money.currency == c) => money
            .into_iter()
            .filter(|m| m.money.currency == c)
            .collect(),
        _ => money,
    }
}

/// "if equity falls below $100 million": a threshold in a condition, not a deal's figure.
fn is_condition(s: &str, m: &MoneyMention) -> bool {
    static THRESHOLD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:less\s+than|below|under|exceed\w*|more\s+than|above|falls?|drops?|shall\s+be)\s*$",
        )
    });
    static IF_CLAUSE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:if|unless|provided\s+that|in\s+case)\b[^.;]*$"));
    // "no listing there had topped 40 billion yen before it": a comparison with other deals,
    // not this one's figure.
    static NONE_HAD: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:no|none|never|nothing|nobody)\b[^.;]*$"));
    let before = crate::facts::text::window(s, m.start.saturating_sub(40), m.start);
    THRESHOLD.is_match(before)
        && (IF_CLAUSE.is_match(&s[..m.start]) || NONE_HAD.is_match(&s[..m.start]))
}

/// "at the most recent valuation of $68 billion": not the price paid.
fn is_valuation_figure(s: &str, m: &MoneyMention) -> bool {
    static VALUED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:valuation|valued|valuing|values|worth|market\s+(?:cap\w*|value))\b[^.;$€£¥₹₩]{0,25}$",
        )
    });
    // "in a deal worth about $140 million": the deal's price, not a valuation; "sold 40
    // million shares worth $360 million": what the shares fetched.
    static DEAL_WORTH: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:deal|transaction|agreement|sale|purchase|stake|exit|acquisition|shares)\s+worth\b[^.;$€£¥₹₩]{0,25}$",
        )
    });
    let before = crate::facts::text::window(s, m.start.saturating_sub(40), m.start);
    VALUED.is_match(before) && !DEAL_WORTH.is_match(before)
}

/// The conversion an article gives in brackets right after `money`: in "took in 35 billion won
/// ($29 million)", "$29 million".
pub fn stated_conversion(text: &str, money: &Money) -> Option<String> {
    let m = find_amounts(text)
        .into_iter()
        .find(|m| m.money == *money && !is_conversion(text, m))?;
    let inner = bracketed_figure(&text[m.end..])?;
    let converted = find_amounts(inner).into_iter().next()?;
    (converted.money.currency != money.currency).then(|| inner.trim().to_string())
}

/// A short bracketed aside holding a figure right at the start of `rest`: " ($29 million)".
fn bracketed_figure(rest: &str) -> Option<&str> {
    let rest = rest.trim_start().strip_prefix('(')?;
    let inner = &rest[..rest.find(')')?];
    (inner.len() < 40 && inner.chars().any(|c| c.is_ascii_digit())).then_some(inner)
}

/// The amounts a sentence states, without bracketed conversions of the one before.
fn own_figures(s: &str) -> Vec<MoneyMention> {
    // "NIS 1,000 principal amount" per unit is no deal's size.
    find_amounts(s)
        .into_iter()
        .filter(|m| !is_conversion(s, m) && m.money.amount >= 10_000)
        .collect()
}

/// The amount of the given kind ("round", "valuation", "total"), as stated.
fn kind_money(s: &str, kinds: &[&str], kind: &str, currency: Option<&str>) -> Option<String> {
    static NOT_OWN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:\([^)]*\)\s*)?(?:under\s+management|in\s+assets|of\s+assets|in\s+AUM|AUM|fund\b)",
        )
    });
    static SHARES_WORTH: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:shares|stake|stock|notes)\s+worth\s*$"));
    let all = find_amounts(s);
    let in_currency = |m: &MoneyMention| currency.is_none_or(|c| m.money.currency == c);
    let any_in_currency = all.iter().any(in_currency);
    all.iter()
        .zip(kinds)
        .filter(|(m, _)| !any_in_currency || in_currency(m))
        .find(|(m, k)| {
            **k == kind
                && !NOT_OWN.is_match(&s[m.end..])
                && !SHARES_WORTH.is_match(crate::facts::text::window(
                    s,
                    m.start.saturating_sub(25),
                    m.start,
                ))
        })
        .map(|(m, _)| stated(s, m))
}

/// "its market capitalisation was about 98 billion yen": a figure just after a valuation word.
fn right_after_valuation(s: &str) -> Option<String> {
    static VALUE_WORD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:valuation|market\s+(?:cap\w*|value))\s+(?:was|is|of|at|stood\s+at|reached|came\s+to|put\s+at)\s*(?:about|around|roughly|some|nearly|almost|over|more\s+than)?\s*$",
        )
    });
    own_figures(s)
        .iter()
        .find(|m| {
            let before = crate::facts::text::window(s, m.start.saturating_sub(50), m.start);
            VALUE_WORD.is_match(before)
        })
        .map(|m| stated(s, m))
}

/// "a $60 million facility, with $20 million at closing", "a first tranche of $20 million":
/// the part of a facility paid out first. ("a $10 million upfront payment" is a licensing
/// deal's, not a loan's.)
fn first_draw(s: &str) -> Option<String> {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:\w+\s+)?(?:(?:at|upon|on)\s+(?:the\s+)?(?:closing|close|signing)|drawn\s+(?:at|on|upon))\b",
        )
    });
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:(?:first|initial|opening)\s+tranche\s+(?:of\s+)?(?:about\s+|some\s+)?|(?:an\s+)?initial\s+|(?:at|upon|on)\s+(?:the\s+)?(?:closing|close|signing),?\s+)$",
        )
    });
    own_figures(s)
        .into_iter()
        .find(|m| {
            AFTER.is_match(&s[m.end..])
                || BEFORE.is_match(crate::facts::text::window(
                    s,
                    m.start.saturating_sub(40),
                    m.start,
                ))
        })
        .map(|m| stated(s, &m))
}

/// The amount nearest a cue word.
fn near_money(s: &str, cue: &Regex, currency: Option<&str>) -> Option<String> {
    let money: Vec<MoneyMention> = prefer_currency(
        own_figures(s)
            .into_iter()
            .filter(|m| !PER_SHARE.is_match(&s[m.end..]) && !is_condition(s, m))
            .collect(),
        currency,
    );
    nearest_mention(&money, cue, s).map(|m| stated(s, m))
}

fn per_share(s: &str) -> Option<String> {
    static PRICED_AT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:priced\s+(?:\w+\s+){0,3}?at|price\s+of|price\s+range\s+of|offer\s+price\s+of|set\s+at|(?:sold|issued|offered)\s+(?:\w+\s+){0,4}?at|shares\s+at)\s*$",
        )
    });
    let money: Vec<MoneyMention> = find_amounts(s)
        .into_iter()
        .filter(|m| {
            m.money.amount < 100_000
                && m.max.is_none_or(|x| x < 100_000)
                && matches!(
                    m.qualifier,
                    crate::facts::Qualifier::Exact | crate::facts::Qualifier::Range
                )
        })
        .collect();
    // "2.4M units at $4.25 per unit": a unit (a share with warrants) is priced as such.
    if let Some(m) = money.iter().find(|m| {
        PER_SHARE
            .find(&s[m.end..])
            .is_some_and(|p| p.as_str().to_ascii_lowercase().contains("unit"))
    }) {
        return Some(format!("{} per unit", stated(s, m)));
    }
    money
        .iter()
        .find(|m| PER_SHARE.is_match(&s[m.end..]))
        .or_else(|| {
            money.iter().find(|m| {
                PRICED_AT.is_match(crate::facts::text::window(
                    s,
                    m.start.saturating_sub(30),
                    m.start,
                ))
            })
        })
        .map(|m| format!("{} per share", stated(s, m)))
        .or_else(|| {
            // Prices in the currency's hundredths ("at 250 pence a share") are below the
            // whole units a money mention holds.
            static MINOR_UNITS: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)\b(\d+(?:\.\d+)?\s*(?:pence|p|cents?|kopecks?|paise|sen))\s+(?:per|a|each)\s+(?:share|ADS)\b",
                )
            });
            MINOR_UNITS
                .captures(s)
                .map(|c| format!("{} per share", &c[1]))
        })
}

/// Whether nothing between two places of `s` opens a new clause with its own named subject
/// (", Halden Fund has ...", "; Bigco will ...").
fn same_clause(s: &str, a: usize, b: usize) -> bool {
    static NEW_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"[,;]\s+(?:and\s+|while\s+)?[A-Z0-9][\w&.\-]*(?:\s+[A-Z0-9][\w&.\-]*){0,3}\s+(?:has|have|had|is|are|was|were|will)\s",
        )
    });
    let (from, to) = (a.min(b), a.max(b));
    !NEW_CLAUSE
        .find_iter(s)
        .any(|m| m.start() >= from && m.start() < to)
}

/// The amount nearest a cue word of `s`; none when `s` has no cue.
fn nearest_mention<'m>(
    money: &'m [MoneyMention],
    cue: &Regex,
    s: &str,
) -> Option<&'m MoneyMention> {
    nearest(money, |m| m.start, cue, s)
}

/// The item (at the position `at` gives) nearest a cue word of `s`; none when `s` has no cue.
fn nearest<'i, T>(items: &'i [T], at: impl Fn(&T) -> usize, cue: &Regex, s: &str) -> Option<&'i T> {
    let cues: Vec<usize> = cue.find_iter(s).map(|m| m.start()).collect();
    if cues.is_empty() {
        return None;
    }
    items.iter().min_by_key(|item| {
        cues.iter()
            .map(|c| c.abs_diff(at(item)))
            .min()
            .unwrap_or(usize::MAX)
    })
}

/// An amount as the article writes it, with a conversion that follows in brackets ("Rs 500
/// crore ($60 million)").
fn stated(s: &str, m: &MoneyMention) -> String {
    let raw = s[m.start..m.end]
        .trim()
        .trim_end_matches([',', '.', ';', ':']);
    // Whole amounts in the usual form ("Rs 345 crore" as "₹345 crore"); prices with cents and
    // ranges as written.
    let own = if m.money.amount >= 10_000 && m.max.is_none() {
        format!(
            "{}{}",
            m.qualifier.words(),
            crate::facts::money::format_amount(m.money.amount, &m.money.currency)
        )
    } else {
        raw.to_string()
    };
    if let Some(inner) = bracketed_figure(&s[m.end..]) {
        return format!("{own} ({inner})");
    }
    if own != raw && !raw.is_empty() && m.money.currency != "USD" {
        // Keep the article's own spelling beside the usual one.
        return format!("{own} ({raw})");
    }
    own
}

/// Whether the sentence has a purchase verb whose object is a capitalised name (a place or
/// nationality before it is only a description): that name, not a description standing for the
/// company asked about, is what was bought.
fn buys_another(s: &str) -> bool {
    static BUYS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|(?:acquisition|purchase|takeover)\s+of)\s",
        )
    });
    BUYS.find_iter(s).any(|m| {
        for word in s[m.end()..].split_whitespace().take(6) {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            let capital = bare.starts_with(|c: char| c.is_uppercase());
            if !capital || bare.ends_with("-based") {
                continue;
            }
            if crate::facts::names::is_demonym(bare) || crate::facts::text::is_not_name(bare) {
                continue;
            }
            return true;
        }
        false
    })
}

/// Text before a date that makes it a mark the deal is measured against: "the largest listing
/// since 2018", "up 30% from the same period of 2019".
static COMPARED_TO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\bsince|\bsame\s+(?:period|time|quarter|month)\s+(?:of|in|last)|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bthan\s+in)\s*$",
    )
});

/// Words before a date that make it a term of the deal, not when it happened: "a maturity
/// date of August 2028", "if the merger is not completed prior to October 21", "earnouts
/// tied to fiscal 2021".
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:matur\w+|due|expir\w+|outside\s+date|deadline|not\s+(?:been\s+)?(?:consummated|completed|closed)\s+(?:on\s+or\s+)?(?:by|before|prior\s+to))\b[^.;$€£¥₹₩]{0,25}$|\b(?:fiscal|financial)\s+(?:years?\s+)?(?:(?:19|20)\d\d\s*(?:and|to|-|–)\s*)?$",
    )
});

/// A date the sentence gives (a closing window first), or the article's date when the sentence
/// reports its news in the present.
fn when(s: &str, hit: &Hit) -> Option<String> {
    if let Some(c) = CLOSING_WHEN.captures(s) {
        return Some(c["when"].trim().to_string());
    }
    static WHEN_CUE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:trading|trade|debut\w*|list\w*|clos\w+|complet\w+|announc\w+|rais\w+|secur\w+|acqui\w+|bought|agreed|signed)\b",
        )
    });
    // "a premium to Friday's closing price": a day named for something else. "the largest
    // listing since 2018": a mark the deal is measured against.
    let dates: Vec<_> = find_dates(s, hit.published)
        .into_iter()
        .filter(|d| !s[d.end..].starts_with("'s") && !s[d.end..].starts_with("’s"))
        .filter(|d| !COMPARED_TO.is_match(&s[..d.start]))
        .filter(|d| !DEADLINE.is_match(&s[..d.start]))
        .collect();
    let cues: Vec<usize> = WHEN_CUE.find_iter(s).map(|m| m.start()).collect();
    // An article without a date cannot put a year to "Oct. 14": the day is given as written.
    if dates.is_empty() && hit.published.is_none() && !cues.is_empty() {
        static DAY: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"\b(?:on|from|by)\s+(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)\b",
            )
        });
        if let Some(c) = DAY.captures(s) {
            return Some(c["day"].to_string());
        }
    }
    let distance = |d: &crate::facts::dates::DateMention| {
        cues.iter()
            .map(|c| c.abs_diff(d.start))
            .min()
            .unwrap_or(usize::MAX)
    };
    // "We've just raised ...": the day it was published.
    static JUST: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:just|today)\s+(?:\w+\s+)?(?:raised|closed|announced|completed|secured|landed)\b|\b(?:raised|closed|announced|completed|secured)\b[^.;]{0,60}\btoday\b",
        )
    });
    dates
        .iter()
        .filter(|d| !d.relative)
        .min_by_key(|d| distance(d))
        .or_else(|| dates.iter().min_by_key(|d| distance(d)))
        .map(|d| d.date.human())
        .or_else(|| {
            hit.published
                .filter(|_| JUST.is_match(s))
                .map(|p| crate::facts::DateRef::day(p).human())
        })
}

/// A deal agreed but not done.
static PENDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:agreed\s+to|agrees\s+to|will\s+(?:acquire|buy|pay|purchase)|to\s+(?:acquire|buy|purchase)|plans\s+to|is\s+(?:buying|acquiring)|expected\s+to\s+close|subject\s+to)\b",
    )
});

/// Who sold: "X sold its stake", "bought ... from X".
fn seller(s: &str, subject: &str) -> Option<String> {
    static FROM: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:\b(?:stake|shares|holding|interest|business|unit)\b|%|\bper\s?cent\b)[^.;]{0,60}?\bfrom\s+(?:(?:its|their|early|existing|former|longtime|long-time)\s+)*(?:(?:backer|investor|shareholder|owner|parent)\s+)?",
        )
    });
    static SOLD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\s(?:has\s+|had\s+|will\s+|agreed\s+to\s+)?(?:sold|sells|selling|sell|offloaded|divested|exited)\b",
        )
    });
    let ok = |n: &str| key(n) != key(subject) && !names(subject, n) && !facts::text::is_not_name(n);
    for m in FROM.find_iter(s) {
        if let Some((n, _)) = facts::text::name_starting_at(s, m.end()) {
            if ok(&n) {
                return Some(n);
            }
        }
    }
    for m in SOLD.find_iter(s) {
        if let Some(n) = facts::text::list_before(s, m.start())
            .into_iter()
            .find(|n| ok(n))
        {
            return Some(n);
        }
    }
    None
}

/// Who bought: "acquired by X", "X acquired", "X's acquisition of".
fn buyer(s: &str, subject: &str) -> Option<String> {
    let ok = |n: &str| {
        key(n) != key(subject)
            && !names(subject, n)
            && !REFERS.is_match(n)
            && !facts::text::is_not_name(n)
    };
    for m in ACQUIRED_BY.find_iter(s) {
        // "will transfer its shares to Kelso and Arden": every buyer named.
        let found: Vec<String> = facts::text::list_after(s, m.end())
            .into_iter()
            .filter(|n| ok(n))
            .collect();
        if !found.is_empty() {
            return Some(and_list(&found));
        }
    }
    for m in ACQUISITION_OF.find_iter(s) {
        if let Some((n, _)) = facts::text::name_ending_at(s, m.start()) {
            if ok(&n) {
                return Some(n);
            }
        }
    }
    for m in BUYER_VERB.find_iter(s) {
        let names = facts::text::list_before(s, m.start());
        let found: Vec<String> = names.into_iter().filter(|n| ok(n)).collect();
        if !found.is_empty() {
            return Some(and_list(&found));
        }
        if let Some((n, _)) = facts::text::name_ending_at(s, m.start()) {
            if ok(&n) {
                return Some(n);
            }
        }
        // "Bigco announced an agreement on Tuesday to buy Acme": the name that opens the
        // sentence agreed to buy.
        static AGREED: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)^\W*[A-Z][^,;]{0,40}?\s(?:announced|signed|reached|struck|entered\s+into|has|said\s+it\s+has)\s+(?:an?\s+|the\s+)?(?:definitive\s+|binding\s+|final\s+)?(?:agreement|deal|pact)\b[^,;]{0,30}$",
            )
        });
        if AGREED.is_match(&s[..m.start()]) {
            if let Some((n, 0)) = facts::text::name_starting_at(s.trim_start(), 0) {
                if ok(&n) {
                    return Some(n);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_whole_words_in_any_case() {
        assert!(find_name("Shares of Tallowmere rose.", "tallowmere").is_some());
        assert!(find_name("Time Out bought it.", "time out").is_some_and(|m| m.2));
        assert!(find_name("It was time out there.", "Time Out").is_some_and(|m| !m.2));
        assert!(find_name("Tallowmeres rose.", "Tallowmere").is_none());
        assert!(find_name("Brindle Labs Inc. said", "Brindle Labs").is_some());
        assert!(find_name("the brindle said", "Brindle Labs").is_none());
        assert!(find_name("Paydock.com's founder", "Paydock.com").is_some());
        assert!(find_name("the purchase of Tindra.com by Bigmart", "Tindra").is_some());
        assert!(find_name("an offer by a Halyard-led group", "Halyard").is_some());
        // An abbreviation the text spells out, and only a whole run of capitalised words.
        assert!(find_name(
            "Northern Ridge Asset Management Corp., the lender, raised",
            "NRAMC"
        )
        .is_some());
        assert!(find_name("The Quiet Loft sold out", "TQL").is_some());
        assert!(find_name("Bank of Ostrava Holdings said", "BOH").is_some());
        assert!(find_name("Northern Ridge Asset Management Corp Tower", "NRAMC").is_none());
        assert!(find_name("Bright Orange Holdings said", "BO").is_none());
        assert!(find_name("shares of Bright Orange Holdings", "Boh").is_none());
    }

    fn request<'a>(intent: Intent, want: Option<Want>, subject: &'a str) -> Request<'a> {
        Request {
            intent,
            want,
            subject,
            others: &[],
            round: None,
            period: None,
            amount: None,
            latest: false,
            reported: false,
            currency: None,
            closing: false,
            round_phrase: None,
            new_investors: false,
            longer: &[],
            short: None,
            exclude: None,
            about: &[],
            first_draw: false,
        }
    }

    fn hit() -> Hit {
        Hit {
            article: "a.md".into(),
            ordinal: 0,
            title: "t".into(),
            source: None,
            url: None,
            published: chrono::NaiveDate::from_ymd_opt(2024, 5, 7),
            passage: String::new(),
            start: 0,
            end: 0,
            char_start: 0,
            char_end: 0,
            score: 0.0,
            highlights: vec![],
        }
    }

    fn value_of(req: &Request, s: &str) -> Option<String> {
        value(req, s, &hit()).map(|(v, _)| v)
    }

    #[test]
    fn references_back_are_descriptions_not_any_pronoun() {
        assert!(refers_back("The Lagos-based startup raised $5 million."));
        assert!(refers_back("It has raised $5 million."));
        assert!(refers_back("Its Series A was led by Orrin."));
        assert!(refers_back(
            "This latest investment round brings the total raised to $21 million."
        ));
        assert!(!refers_back("We knew it first-hand."));
        assert!(!refers_back(
            "Orrin led the investment round in his company, Tallow."
        ));
    }

    #[test]
    fn a_sentence_led_by_another_name_is_about_that_name() {
        assert!(opens_with_other_name(
            "Brightwell, which plans a listing, will acquire Tallow's team.",
            "Tallow"
        ));
        // Where a company is based comes before its name.
        assert!(opens_with_other_name(
            "Lisbon-based Brightwell announced its Series E round led by Orrin.",
            "Tallow"
        ));
        // A capitalised preposition is no name.
        assert!(!opens_with_other_name(
            "Upon completion of the round, it will have raised $90 million in all.",
            "Tallow"
        ));
        assert!(opens_with_other_name(
            "Its parent Merrow has $2 billion under management.",
            "Tallow"
        ));
        assert!(investor_opens(
            "Tarrow, through two of its funds, is investing $80 million at a valuation of $1 billion."
        ));
        assert!(investor_opens("Keswick Partners led the round."));
        assert!(refers_back(
            "The investment in the wholly owned subsidiary values it at $90 million."
        ));
        assert!(!refers_back("The founder of another firm spoke."));
        assert!(!investor_opens(
            "Tarrow is investing $80 million in Pellin at a valuation of $1 billion."
        ));
        assert!(!investor_opens("Pellin raised $80 million."));
        assert!(!opens_with_other_name(
            "The company raised $5 million.",
            "Tallow"
        ));
        assert!(!opens_with_other_name(
            "In July, the company raised $5 million.",
            "Tallow"
        ));
    }

    #[test]
    fn leads_belong_to_the_round_they_are_nearest() {
        let mut req = request(Intent::Lead, None, "Kinloch");
        req.round = Some(RoundType::Series(2));
        let s =
            "Compare Kinloch's $60 million Series C in May with the $140 million Series F that \
                 Arden Robotics raised, led by Tamsin Vision Fund.";
        assert_eq!(value_of(&req, s), None);
        let s = "Kinloch's $60 million Series C was led by Tamsin Vision Fund.";
        assert_eq!(value_of(&req, s).as_deref(), Some("Tamsin Vision Fund"));
    }

    #[test]
    fn prices_are_not_thresholds_conversions_or_money_raised() {
        let req = request(Intent::Acquisition, Some(Want::Money), "Vetrino");
        let s = "Brunnhof will buy Vetrino for €115 million, the companies said.";
        assert_eq!(value_of(&req, s).as_deref(), Some("€115 million"));
        let s =
            "Brightwell, which expects to raise $5 billion in its listing, will acquire Vetrino.";
        assert_eq!(value_of(&req, s), None);
        let req = request(Intent::Debt, Some(Want::Money), "Nayora");
        let s = "The rate on the notes rises if the equity of Nayora falls below $100 million.";
        assert_eq!(value_of(&req, s), None);
        // A conversion in brackets is kept beside the figure it converts.
        let req = request(Intent::Stake, Some(Want::Money), "Vantika Foods");
        let s =
            "Harrowgate bought a 14% stake in Vantika Foods for Rs 620 crore (about $75 million).";
        let v = value_of(&req, s).unwrap();
        assert!(
            v.starts_with("₹620 crore") && v.contains("$75 million"),
            "{v}"
        );
    }

    #[test]
    fn a_backer_before_according_to_is_not_the_outlet() {
        let req = request(Intent::Investors, None, "Quillo");
        let s = "Quillo had received $12m in a 2016 Series A round featuring payments group \
                 Tessmark according to a deals database.";
        assert_eq!(value_of(&req, s).as_deref(), Some("Tessmark"));
        // The outlet credited with the report is still left out.
        let s = "Quillo raised $12m from Tessmark, Dunmore Weekly reported.";
        assert_eq!(value_of(&req, s).as_deref(), Some("Tessmark"));
    }

    #[test]
    fn just_raised_is_dated_by_the_article() {
        let req = request(Intent::Date, None, "Tidemark");
        let s = "We've just raised a $6M Series A financing round.";
        assert_eq!(value_of(&req, s).as_deref(), Some("7 May 2024"));
        // A stated date wins; a sentence with neither dates nothing.
        let s = "We've just closed the Series A we announced in March 2021.";
        assert_eq!(value_of(&req, s).as_deref(), Some("March 2021"));
        assert_eq!(value_of(&req, "We raised a Series A."), None);
    }

    #[test]
    fn a_merger_partner_is_named_past_the_words_that_describe_it() {
        let req = request(Intent::Ipo, Some(Want::Who), "Kestrel Rides");
        for s in [
            "Kestrel Rides said it plans to merge with U.S.-based Altmoor Growth Corp in a deal valuing it at $9 billion.",
            "Kestrel Rides will list through a merger with a SPAC backed by Altmoor Growth Corp, a newspaper reported.",
        ] {
            assert_eq!(value_of(&req, s).as_deref(), Some("Altmoor Growth Corp"), "{s}");
        }
        // A vehicle with no name given names no one.
        let s = "Kestrel Rides is weighing a merger with a SPAC later this year.";
        assert_eq!(value_of(&req, s), None);
    }

    #[test]
    fn of_several_holdings_the_asked_holders_is_nearest_its_name() {
        let others = vec!["Harrowgate".to_string()];
        let mut req = request(Intent::Stake, Some(Want::Percent), "Vantika Foods");
        req.others = &others;
        let s = "Its founder is the top shareholder in the company with over 40%, followed by \
                 Lindqvist Partners, which has a 12.5% stake, and Harrowgate (8.25%).";
        assert_eq!(value_of(&req, s).as_deref(), Some("8.25%"));
        // The holder named far from every figure: no guess.
        let s = "Harrowgate is one of the backers; the founder holds 40% and Lindqvist Partners \
                 holds 12.5% of the shares, the filing shows.";
        assert_eq!(value_of(&req, s), None);
        // One holding only: that one.
        let s = "Harrowgate bought a 14% stake in Vantika Foods.";
        assert_eq!(value_of(&req, s).as_deref(), Some("14%"));
        // One holding, but another party's: the seller's 12%, not the buyer's.
        let s = "Its seller, a grocery chain that held about 7% of Vantika Foods before the deal, now passes the whole block to Corbel Partners and Harrowgate.";
        assert_eq!(value_of(&req, s), None);
    }

    #[test]
    fn a_price_kept_private_is_stated_as_not_disclosed() {
        let req = request(Intent::Acquisition, Some(Want::Money), "Vetrino");
        for s in [
            "Financial terms of the deal with Brunnhof were not disclosed.",
            "Brunnhof bought Vetrino for an undisclosed sum.",
            "Brunnhof declined to disclose the price it paid.",
        ] {
            assert_eq!(value_of(&req, s).as_deref(), Some("not disclosed"), "{s}");
        }
        // A figure stated is the price, whatever else the sentence keeps back.
        let s = "Brunnhof paid €40 million for Vetrino; other terms were not disclosed.";
        assert_eq!(value_of(&req, s).as_deref(), Some("€40 million"));
        // Nothing said about the price.
        assert_eq!(value_of(&req, "Brunnhof bought Vetrino in May."), None);
    }

    #[test]
    fn buyers_sellers_and_listing_facts() {
        let req = request(Intent::Acquisition, Some(Want::Who), "Kiverra Labs");
        let s = "Terms were not shared, but payments firm, Ostrava Pay, announced acquiring Kiverra Labs, a design studio.";
        assert_eq!(value_of(&req, s).as_deref(), Some("Ostrava Pay"));
        let req = request(Intent::Acquisition, Some(Want::Who), "Orchardline");
        let s = "Talmor Logistics has agreed to acquire Orchardline for $275 million.";
        assert_eq!(value_of(&req, s).as_deref(), Some("Talmor Logistics"));
        // The buyer after the seller's verb: "selling a 4% stake to ...".
        let req = request(Intent::Stake, Some(Want::Who), "Vantika Foods");
        let s = "A filing shows Lindqvist Partners selling its remaining shares to Harrowgate \
                 Capital under an agreement dated March 3.";
        assert_eq!(value_of(&req, s).as_deref(), Some("Harrowgate Capital"));
        let req = request(Intent::Stake, Some(Want::Seller), "Vantika Foods");
        let s =
            "Harrowgate Capital bought 14% of Vantika Foods from early backer Silverbeck Partners.";
        assert_eq!(value_of(&req, s).as_deref(), Some("Silverbeck Partners"));
        // How many times the issue was bid for: the whole issue, not one class of bidders.
        let req = request(Intent::Ipo, Some(Want::Subscription), "Kavya Foods");
        let s = "Bids for Kavya Foods' IPO closed on Friday with the issue subscribed 31.4 times.";
        assert_eq!(value_of(&req, s).as_deref(), Some("31.4 times"));
        let s = "The retail quota of the Kavya Foods IPO was subscribed 4.2X, while the issue \
                 as a whole was oversubscribed 31.4X.";
        assert_eq!(value_of(&req, s).as_deref(), Some("31.4X"));
        let req = request(Intent::Ipo, Some(Want::PerShare), "Kestrelay");
        let s =
            "Kestrelay priced its initial public offering at $21 per share, raising $340 million.";
        assert_eq!(value_of(&req, s).as_deref(), Some("$21 per share"));
        let req = request(Intent::Ipo, Some(Want::Money), "Kestrelay");
        assert_eq!(value_of(&req, s).as_deref(), Some("$340 million"));
        let req = request(Intent::Ipo, Some(Want::Place), "Kestrelay");
        let s = "Kestrelay's shares began trading on the Nasdaq Global Select Market on Thursday.";
        assert_eq!(
            value_of(&req, s).as_deref(),
            Some("Nasdaq Global Select Market")
        );
        // Lenders after the package they provide.
        let req = request(Intent::Debt, Some(Want::Who), "Tessaly");
        let s = "Tessaly signed a £30 million credit agreement with Harlow Credit and Ostermann \
                 Bank on Monday, its finance chief said.";
        let lenders = value_of(&req, s).unwrap();
        assert!(
            lenders.contains("Harlow Credit") && lenders.contains("Ostermann Bank"),
            "{lenders}"
        );
        // A listing's valuation beside its proceeds.
        let req = request(Intent::Ipo, Some(Want::Valuation), "Kestrelay");
        let s = "Kestrelay's shares opened 30% up after its IPO, the listing valuing the group \
                 roughly at $3 billion once $400 million had been raised.";
        let v = value_of(&req, s).unwrap();
        assert!(v.contains("$3 billion"), "{v}");
        // A price in pence, and banks named before their role.
        let req = request(Intent::Ipo, Some(Want::PerShare), "Corvalle");
        let s = "Corvalle set its London float at 285 pence a share, near the top of its range.";
        assert_eq!(value_of(&req, s).as_deref(), Some("285 pence per share"));
        let req = request(Intent::Ipo, Some(Want::Who), "Corvalle");
        let s = "Barclays Bank PLC and Numis Securities Ltd. served as the joint global \
                 coordinators, with two smaller houses as co-managers.";
        let banks = value_of(&req, s).unwrap();
        assert!(
            banks.contains("Barclays") && banks.contains("Numis"),
            "{banks}"
        );
        for s in [
            "Harrowgate Securities is the sole book-running manager for the offering, and Pell & Co. is the co-manager.",
            "Harrowgate Securities is lead underwriter.",
        ] {
            let banks = value_of(&req, s);
            assert!(banks.as_ref().is_some_and(|b| b.contains("Harrowgate") && !b.contains("Pell")), "{s}: {banks:?}");
        }
        let req = request(Intent::Acquisition, Some(Want::When), "Lumenpath");
        let s = "The transaction is expected to close in the fourth quarter, subject to approval.";
        assert_eq!(value_of(&req, s).as_deref(), Some("in the fourth quarter"));
    }

    #[test]
    fn the_reader_finds_the_company_behind_a_description() {
        use crate::corpus::{passages, Article};
        let index = PassageIndex::in_memory().unwrap();
        let mut writer = index.writer(15_000_000).unwrap();
        let body = "Kobowise, a Lagos payroll app, has raised $12 million in a Series A.\n\n\
                    The round was led by Baobab Rise Capital, the Lagos-based startup said.\n\n\
                    In March, the company had raised $2 million from angels.";
        let a = Article {
            id: "k.md".into(),
            title: "Kobowise raises $12 million".into(),
            source: Some("Wire".into()),
            url: None,
            published: chrono::NaiveDate::from_ymd_opt(2024, 6, 3),
            body: body.into(),
            hash: "h".into(),
            warnings: vec![],
        };
        index.add_article(&writer, &a, &passages(&a.body)).unwrap();
        writer.commit().unwrap();
        index.refresh().unwrap();
        let mut req = request(Intent::Lead, None, "Kobowise");
        req.round = Some(RoundType::Series(0));
        let r = read(&index, &req).unwrap().expect("a lead");
        assert_eq!(r.value, "Baobab Rise Capital");
        assert_eq!(r.hit.ordinal, 1);
        // An unknown company finds nothing; so does a value no sentence states.
        assert!(read(&index, &request(Intent::Lead, None, "Quorvane"))
            .unwrap()
            .is_none());
        let valuation = request(Intent::Valuation, None, "Kobowise");
        assert!(read(&index, &valuation).unwrap().is_none());
        assert!(closest(&index, &valuation).unwrap().is_none());
    }

    #[test]
    fn an_earlier_mark_ranks_below_the_deal_s_own_valuation() {
        let req = request(Intent::Valuation, None, "Corvalle");
        let (old, q_old) = value(
            &req,
            "Brightwell will also put $200 million into Corvalle at its most recent valuation \
             of about $2 billion.",
            &hit(),
        )
        .unwrap();
        let (own, q_own) = value(
            &req,
            "The buyout values Corvalle at $1.4 billion, a discount to its last valuation.",
            &hit(),
        )
        .unwrap();
        assert!(old.contains("$2 billion") && own.contains("$1.4 billion"));
        assert!(q_old < q_own, "{q_old} !< {q_own}");
    }

    #[test]
    fn the_whole_price_ranks_above_its_upfront_part() {
        let req = request(Intent::Acquisition, Some(Want::Money), "Quillmark");
        let whole = "Harrow Bio has agreed to buy the Leeds software maker Quillmark for up to 410 million pounds (US$500 million).";
        let part = "Harrow will pay 250 million pounds (US$ 300 million) upfront in cash and stock, and as much as 160 million pounds more if Quillmark hits its targets.";
        let (v1, q1) = value(&req, whole, &hit()).unwrap();
        let (v2, q2) = value(&req, part, &hit()).unwrap();
        assert!(v1.contains("410"), "{v1}");
        assert!(v2.contains("250"), "{v2}");
        assert!(q1 > q2, "{q1} <= {q2}");
    }

    #[test]
    fn a_mark_the_listing_is_measured_against_is_not_its_figure_or_date() {
        let req = request(Intent::Ipo, Some(Want::Money), "Kestrel");
        let s = "Kestrel's debut lifts a quiet Osaka market, where no listing had exceeded 40 billion yen since spring.";
        assert_eq!(value_of(&req, s), None);
        let s = "Kestrel took 61.2 billion yen from selling the shares.";
        assert!(value_of(&req, s).is_some_and(|v| v.contains("61.2 billion")));
        let req = request(Intent::Ipo, Some(Want::When), "Kestrel");
        let s = "Kestrel began trading in Osaka on March 9, in the biggest debut the city has seen since 2019.";
        let v = value_of(&req, s).unwrap();
        assert!(v.contains("9 March") && !v.contains("2019"), "{v}");
    }

    #[test]
    fn a_facility_issued_with_funds_managed_by_a_firm_names_its_lender() {
        let req = request(Intent::Debt, Some(Want::Who), "Lendora");
        let s = "Lendora's new credit line, worth up to $120 million, was issued with funds managed by the credit investor Garrow Brennan.";
        assert_eq!(value_of(&req, s).as_deref(), Some("Garrow Brennan"));
    }

    #[test]
    fn a_listing_date_is_the_day_trading_starts() {
        let req = request(Intent::Ipo, Some(Want::When), "Kestrel");
        let priced = "Kestrel told regulators on Tuesday, 4 March 2025, that its offering had been priced at 1,200 yen a share.";
        let trades = "The company will list on the Tokyo exchange's Growth board on March 12.";
        let (v1, q1) = value(&req, priced, &hit()).unwrap();
        let (v2, q2) = value(&req, trades, &hit()).unwrap();
        assert!(v2.contains("12 March"), "{v2}");
        assert!(v1.contains("4 March"), "{v1}");
        assert!(q2 > q1, "{q2} vs {q1}");
    }

    #[test]
    fn an_undated_article_gives_the_day_as_written_and_a_compared_year_is_no_date() {
        let req = request(Intent::Ipo, Some(Want::When), "Kestrel");
        let undated = Hit {
            published: None,
            ..hit()
        };
        let s = "Kestrel expects to begin trading on Oct. 14, its filing says.";
        assert_eq!(
            value(&req, s, &undated).map(|v| v.0).as_deref(),
            Some("Oct. 14")
        );
        let s = "Kestrel helped lift the exchange's listings to $9 billion, up 30% from the same period of 2019.";
        assert_eq!(value(&req, s, &hit()).map(|v| v.0), None);
    }

    #[test]
    fn money_raised_so_far_reads_as_a_total_however_it_is_put() {
        let req = request(Intent::Total, Some(Want::Money), "Quillby");
        for (s, want) in [
            ("Quillby has raised more than $3.5 million in funding and its backers are said to be pleased.", "3.5 million"),
            ("Before the sale, Quillby was valued at about $40 million with $22 million in funding.", "22 million"),
            ("The company has since raised some $9 million in funding from a range of venture firms, including Early Round Partners.", "9 million"),
            // "up to" going with "brings": the total reached, not a ceiling.
            ("This latest round brings the total amount raised to date up to US$31 million.", "$31 million"),
        ] {
            let v = value_of(&req, s);
            assert!(v.as_ref().is_some_and(|v| v.contains(want) && !v.contains("up to")), "{s}: {v:?}");
        }
        // A round of its own is no total.
        let s = "Quillby has raised $4 million in funding led by Harrow Ventures.";
        assert_eq!(value_of(&req, s), None);
        let s = "Quillby, a freight fintech, has raised $4 million in financing to buy trucks.";
        assert_eq!(value_of(&req, s), None);
    }

    #[test]
    fn a_price_kept_private_is_said_so_and_a_cash_pile_is_no_price() {
        let req = request(Intent::Acquisition, Some(Want::Money), "Tindra");
        let s =
            "The terms of the deal haven't been disclosed, but people close to it call it small.";
        assert_eq!(value_of(&req, s).as_deref(), Some(NOT_DISCLOSED));
        let s = "Bigco prefers small purchases to spending its $80 billion cash pile on one deal.";
        assert_eq!(value_of(&req, s), None);
        let s = "Bigco will buy Tindra for $80 million in cash and stock.";
        assert!(value_of(&req, s).is_some_and(|v| v.contains("80 million")));
    }

    #[test]
    fn shares_sold_at_a_figure_give_the_price_of_one() {
        let req = request(Intent::Ipo, Some(Want::PerShare), "Kestrel");
        let s = "Kestrel raised ¥4.2 billion through the sale of 1.4 million shares at ¥3,000 in its debut on the growth board.";
        assert!(
            value_of(&req, s).is_some_and(|v| v.contains("3,000") && v.contains("per share")),
            "{:?}",
            value_of(&req, s)
        );
    }

    #[test]
    fn a_stake_price_is_read_in_the_deal_s_own_clause() {
        let req = request(Intent::Stake, Some(Want::Money), "Quorra");
        let s = "Harlow Group has taken a 12% stake in Quorra, Tamsin Ventures has hit a first close with $30 million, and Orlet is set to list.";
        assert_eq!(value_of(&req, s), None);
        let s = "Harlow Group has taken a 12% stake in Quorra for $30 million, the company said.";
        assert!(value_of(&req, s).is_some_and(|v| v.contains("30 million")));
    }

    #[test]
    fn a_purchase_of_another_named_company_is_not_the_one_asked_about() {
        assert!(buys_another(
            "Last spring Bigco paid $90 million to acquire Dutch chip designer Norvale."
        ));
        assert!(buys_another(
            "It also bought Harrowby for an undisclosed sum."
        ));
        assert!(!buys_another(
            "Bigco paid $40 million to acquire the Berlin-based startup."
        ));
        assert!(!buys_another("Bigco bought it in March for $40 million."));
        assert!(!buys_another(
            "Bigco agreed to buy the London firm for $12 million."
        ));
    }

    #[test]
    fn one_figure_in_two_currencies_is_one_report() {
        assert!(same_figure("£410 million (US$500 million)", "$500 million"));
        assert!(same_figure("$580 million", "US$580m"));
        assert!(!same_figure(
            "$580 million",
            "about AED 2.2 billion ($600 million)"
        ));
    }

    #[test]
    fn a_round_that_looks_ahead_to_a_listing_is_still_a_round() {
        assert!(!LISTING.is_match(&without_ipo_plans(
            "The firm took in $40 million, a step toward an IPO it hopes to make in 2027."
        )));
        assert!(LISTING.is_match(&without_ipo_plans(
            "Its shares began trading after the IPO."
        )));
    }

    #[test]
    fn investors_leave_out_the_excluded_name_and_the_reporting_outlet() {
        let mut req = request(Intent::Investors, None, "Quorra");
        let s = "Quorra is set to list through a merger with a blank-check firm backed by Halyard Capital, the Morning Ledger reported.";
        req.exclude = Some("Halyard");
        assert_eq!(value_of(&req, s), None);
        req.exclude = None;
        let v = value_of(&req, s).unwrap_or_default();
        assert!(
            v.contains("Halyard Capital") && !v.contains("Morning Ledger"),
            "{v}"
        );
    }

    #[test]
    fn an_opening_adverb_is_not_another_company() {
        assert!(!opens_with_other_name(
            "Overnight, it secured fresh capital of $40 million.",
            "Quorra"
        ));
        assert!(!opens_with_other_name(
            "Previously, it had raised a seed round.",
            "Quorra"
        ));
        assert!(opens_with_other_name(
            "Brisa, a rival, raised $40 million.",
            "Quorra"
        ));
    }

    #[test]
    fn the_deal_after_a_sentence_naming_the_company_is_its_deal() {
        assert!(THE_DEAL.is_match("The deal was put at about $75 million by people close to it."));
        assert!(!THE_DEAL.is_match("Analysts said the deal was big."));
    }

    #[test]
    fn a_name_written_as_one_word_is_found_in_two() {
        let text = "Brisalpay raised $8 million. Brisal Pay is based in Porto.";
        assert_eq!(find_name(text, "Brisalpay"), Some((0, 9, true)));
        assert_eq!(
            find_name("Brisal Pay is based in Porto.", "Brisalpay"),
            Some((0, 10, true))
        );
        assert_eq!(find_name("Brisal pays its staff.", "Brisalpay"), None);
    }

    #[test]
    fn an_offer_of_units_is_priced_per_unit() {
        assert_eq!(
            per_share("The firm offered 2.4M units at $4.25 per unit, raising $10.2M.").as_deref(),
            Some("$4.25 per unit")
        );
        assert_eq!(
            per_share("It sold 5 million shares at $12 each.").as_deref(),
            Some("$12 per share")
        );
    }
}
