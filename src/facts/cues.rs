//! The cue phrases of funding news, as regular expressions: raise verbs, round names, investor
//! cues, valuation and total-raised contexts, things that are not rounds.
//!
//! Everything here is general English of the trade; nothing names a company.

use std::sync::LazyLock;

use regex::Regex;

use super::RoundType;

fn re(pattern: &str) -> Regex {
    crate::util::regex(pattern).expect("static regex")
}

/// Verbs a company raises money with ("raised", "secures", "has closed", "bagged").
pub static RAISE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)\b(?:
        rais(?:e|es|ed|ing) | secur(?:e|es|ed|ing) | clos(?:es|ed|ing) | land(?:s|ed|ing)?
      | bag(?:s|ged|ging)? | nett?(?:s|ed|ted|ting)? | nab(?:s|bed|bing)? | snag(?:s|ged|ging)?
      | collect(?:s|ed|ing)? | (?:pull|haul|rake|reel|draw|take|took|bring|brought)(?:s|ed|ing)?\s+in
      | raked\s+in | drew\s+in | garner(?:s|ed|ing)? | attract(?:s|ed|ing)? | obtain(?:s|ed|ing)?
      | receiv(?:e|es|ed|ing) | complet(?:e|es|ed|ing) | gets | got | scor(?:e|es|ed|ing)
      | bank(?:s|ed|ing)? | wrap(?:s|ped|ping)?\s+up | announc(?:e|es|ed|ing)
      | pick(?:s|ed|ing)?\s+up | scoop(?:s|ed|ing)?(?:\s+up)? | clinch(?:es|ed|ing)? | seal(?:s|ed|ing)?
      | mop(?:s|ped|ping)?\s+up | notch(?:es|ed|ing)? | lock(?:s|ed|ing)?\s+(?:in|up) | won | wins
      | top(?:s|ped|ping)?\s+up | extend(?:s|ed|ing)? | (?:is|was)\s+raising
      | (?:issu(?:e|es|ed|ing)|allott?(?:s|ed|ing)?)\s+(?:[\w,.\-]+\s+){0,5}?(?:shares|stock|debentures)
    )\b")
});

/// Nouns that make a sentence about funding ("round", "financing", "Series", "seed").
pub static FUNDING_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:round|funding|financing|fundraise|fundraising|fund-raising|investment|capital\s+injection|tranche|raise|backing|venture\s+debt|credit\s+facility|series|seed|grant|convertible)\b",
    )
});

/// Investor verbs whose object ("in Acme", "into Acme") is the company.
pub static INVEST_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)(?:
            (?i:\b(?:invest(?:s|ed|ing)?|back(?:s|ed|ing)|pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|inject(?:s|ed|ing)?|put(?:s|ting)?|bet(?:s|ting)?|participat(?:e|es|ed|ing)|joined|led|leads?|co-?led|co-?leads?)\b)[^.;]{0,60}?
          | \b(?:investment|stake|funding|financing|round|raise)\b[^.;]{0,25}?
        )\b(?:in|into|for)\s+")
});

/// Pronouns and descriptions that point back to the company in focus.
pub static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?ix)\b(?:it|its|it's|itself|(?:the|this|our)\s+(?:[\w\-]+\s+){0,3}?(?:company|startup|start-up|firm|business|platform|outfit|unicorn|maker|provider|developer|venture|lender|app|marketplace|scale-?up|neobank|insurer|retailer|brand|team|operator|fintech|group|bank|manufacturer|specialist|service|brand))\b",
    )
});

/// Words that mark a round as earlier than the article's news.
pub static HISTORICAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?ix)\b(?:previously|prior|before|had\s+(?:\w+\s+)?(?:raised|secured|closed|received)|last\s+(?:raised|round)|previous|most\s+recent|follows?|followed|following|comes?\s+(?:after|on\s+the\s+heels\s+of|on\s+top\s+of)|came\s+after|coming\s+(?:[\w-]+\s+){0,5}?after|(?:years?|months?|weeks?)\s+after|on\s+top\s+of|after\s+(?:a|an|its)|ago|back\s+in|in\s+addition\s+to|adds?\s+to|earlier\s+(?:round|raise|funding|investment)|earlier,|its\s+first|including)\b",
    )
});

/// A round mentioned in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeMention {
    /// Which round.
    pub kind: RoundType,
    /// Byte range.
    pub start: usize,
    /// See `start`.
    pub end: usize,
}

static ROUND_TYPES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?P<preseries>\b[Pp]re[\s\-–]?[Ss]eries[\s\-–]*(?P<pl>[A-J])\b)
      | (?P<series>\b(?i:series)[\s\-–]*(?P<sl>[A-Ja-j])(?:[\-–]?\d{1,2}|\+)?\b(?P<safter>[\s\-–]+[\w\-]+)?)
      | (?P<letter_round>\b(?P<rl>[B-J])[\s\-–]?(?i:round)\b)
      | (?P<round_letter>\b(?i:round)[\s\-–]+(?P<rl2>[A-J])\b)
      | (?P<preseed>\b(?i:pre)[\s\-–]?(?i:seed)\b)
      | (?P<seed>\b(?i:seed)\b(?P<seedafter>[\s\-–]+[\w\-]+)?)
      | (?P<angel>\b(?i:angel)\s+(?i:round|funding|investment|financing|money|raise)\b)
            | (?P<extension>\b(?:(?i:extension|top-up)|bridge|Bridge\s+(?i:round|financing|funding|loan|note))\b(?P<extafter>\s+[\w\-]+)?)
      | (?P<growth>\bgrowth[\s\-–]+(?i:round|equity|funding|financing|investment|capital)\b)
      | (?P<pe>\b(?i:private)[\s\-–]+(?i:equity)\s+(?i:round|investment|funding|financing|deal)\b)
      | (?P<debt>\b(?i:venture\s+debt|debt\s+(?:financing|funding|facility|facilities|round|raise|capital|package)|credit\s+(?:facility|line)|line\s+of\s+credit|term\s+loan|loan\s+facility|revenue-based\s+financing|in\s+debt|of\s+debt)\b)
      | (?P<convertible>\b(?i:convertible\s+(?:note|notes|bond|bonds|debt|loan|loans))\b|\bSAFEs?\b)
      | (?P<grant>\bgrants?\b)
      | (?P<corporate>\b(?i:strategic\s+(?:investment|round|funding|financing)|corporate\s+(?:round|investment))\b)
    ")
});

/// Words after a round name that make it a description, not a round ("seed investor",
/// "Series A startups").
/// "got $5 million Series A fund from two angels": after a figure and before
/// "from", "fund" is the money of the round (as some digests write it), not a venture fund.
fn fund_meaning_funding(text: &str, start: usize, end: usize) -> bool {
    static FIGURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\d(?:\.\d+)?\s*(?:million|billion|mn|bn|m|crore|cr|k)?\s+(?:in\s+)?(?:an?\s+)?$")
    });
    let word_after = text[..end].trim_end().to_ascii_lowercase();
    (word_after.ends_with(" fund") || word_after.ends_with("-fund"))
        && text[end..].trim_start().starts_with("from ")
        && FIGURE_BEFORE.is_match(&text[..start])
}

fn describes_something_else(after: Option<&str>) -> bool {
    let Some(after) = after else { return false };
    let word = after
        .trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "investor"
            | "lead"
            | "leads"
            | "backer"
            | "backers"
            | "investors"
            | "stage"
            | "startups"
            | "startup"
            | "companies"
            | "company"
            | "fund"
            | "funds"
            | "rounds"
            | "deals"
            | "firms"
            | "firm"
            | "accelerator"
            | "program"
            | "programme"
            | "investing"
            | "capital"
            | "valuations"
            | "market"
            | "checks"
            | "cheques"
            | "specialist"
            | "vc"
            | "vcs"
    )
}

/// Finds the rounds named in `text`, in order.
pub fn round_types(text: &str) -> Vec<TypeMention> {
    let mut out: Vec<TypeMention> = Vec::new();
    static BASE_OF: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s+(?:of|to)\s+(?:its|the|their|an?)\s+(?:original\s+|earlier\s+|previous\s+|existing\s+|\w+\s+)?$",
        )
    });
    // "Prior to this bridge round, it had raised $300,000": the round named is the point the
    // sentence looks back from, not the round it tells of.
    static LOOKING_BACK_FROM: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:prior\s+to|before|ahead\s+of)\s+(?:this|that|the|its)\s+(?:new\s+|latest\s+|current\s+)?$",
        )
    });
    for caps in ROUND_TYPES.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if LOOKING_BACK_FROM.is_match(window_before(text, m.start(), 40)) {
            continue;
        }
        // "an extension of its seed round": the seed named here is the round being extended.
        if let Some(last) = out.last() {
            if last.kind == RoundType::Extension
                && BASE_OF.is_match(&text[last.end.min(m.start())..m.start()])
            {
                continue;
            }
        }
        let letter = |name: &str| {
            caps.name(name)
                .map(|l| l.as_str().to_ascii_uppercase().as_bytes()[0] - b'A')
        };
        let kind = if caps.name("preseries").is_some() {
            RoundType::PreSeries(letter("pl").unwrap_or(0))
        } else if caps.name("series").is_some() {
            let raw = caps.name("sl").map_or("", |l| l.as_str());
            let after = caps.name("safter").map(|a| a.as_str());
            if describes_something_else(after) && !fund_meaning_funding(text, m.start(), m.end()) {
                continue;
            }
            if raw.chars().all(char::is_lowercase) {
                // "series a" in lower case is only a round when a round word follows.
                let ok = after.is_some_and(|a| {
                    let a = a.trim().to_ascii_lowercase();
                    [
                        "round",
                        "funding",
                        "financing",
                        "investment",
                        "extension",
                        "raise",
                    ]
                    .contains(&a.as_str())
                });
                if !ok {
                    continue;
                }
            }
            let ext = after.is_some_and(|a| a.trim().eq_ignore_ascii_case("extension"));
            if ext {
                RoundType::Extension
            } else {
                RoundType::Series(letter("sl").unwrap_or(0))
            }
        } else if caps.name("letter_round").is_some() {
            RoundType::Series(letter("rl").unwrap_or(0))
        } else if caps.name("round_letter").is_some() {
            RoundType::Series(letter("rl2").unwrap_or(0))
        } else if caps.name("preseed").is_some() {
            RoundType::PreSeed
        } else if caps.name("seed").is_some() {
            let after = caps.name("seedafter").map(|a| a.as_str());
            if describes_something_else(after) {
                continue;
            }
            // "Seed Letter", "Seed Capital Partners": a capitalised Seed before another
            // capitalised word is part of a name.
            let capital = m.as_str().starts_with('S');
            let next_is_name = after.is_some_and(|a| {
                let w = a.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
                w.starts_with(|c: char| c.is_uppercase())
                    && ![
                        "Round",
                        "Funding",
                        "Financing",
                        "Investment",
                        "Extension",
                        "Stage",
                        "Capital",
                    ]
                    .contains(&w)
            });
            // "Isar Seed", "Lone Star Seed": a capitalised Seed after a capitalised word (not
            // a sentence start) ends a name, unless a round word follows.
            let prev_is_name = text[..m.start()]
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        && !w.ends_with(['.', ':', '!', '?'])
                        && !matches!(w, "A" | "The" | "Its" | "Their" | "Our" | "This" | "New")
                });
            let round_word_follows = after.is_some_and(|a| {
                let w = a
                    .trim_start_matches(|c: char| c.is_whitespace() || c == '-')
                    .to_ascii_lowercase();
                matches!(
                    w.as_str(),
                    "round" | "funding" | "financing" | "investment" | "extension" | "stage"
                )
            });
            if capital && (next_is_name || prev_is_name && !round_word_follows) {
                continue;
            }
            // "pre-seed" is matched above; "seed" right after it is the same mention.
            if out
                .last()
                .is_some_and(|l| l.end >= m.start() && l.kind == RoundType::PreSeed)
            {
                continue;
            }
            RoundType::Seed
        } else if caps.name("angel").is_some() {
            RoundType::Angel
        } else if caps.name("extension").is_some() {
            // "Series B extension": the series mention just before becomes the extension.
            if let Some(last) = out.last_mut() {
                if matches!(last.kind, RoundType::Series(_))
                    && m.start().saturating_sub(last.end) <= 2
                {
                    last.kind = RoundType::Extension;
                    last.end = m.end();
                    continue;
                }
            }
            if describes_something_else(caps.name("extafter").map(|a| a.as_str())) {
                continue;
            }
            // "extension" is a round only near funding words ("an extension of its seed round").
            let around = super::text::window(text, m.start().saturating_sub(40), m.end() + 40)
                .to_ascii_lowercase();
            let funding_words = [
                "round",
                "funding",
                "financing",
                "seed",
                "series",
                "raise",
                "capital",
                "investment",
                "note",
                "million",
                "billion",
            ];
            if !funding_words.iter().any(|w| around.contains(w)) {
                continue;
            }
            RoundType::Extension
        } else if caps.name("growth").is_some() {
            RoundType::Growth
        } else if caps.name("pe").is_some() {
            RoundType::PrivateEquity
        } else if caps.name("debt").is_some() {
            RoundType::Debt
        } else if caps.name("convertible").is_some() {
            RoundType::ConvertibleNote
        } else if caps.name("grant").is_some() {
            RoundType::Grant
        } else {
            RoundType::Corporate
        };
        let end = match (caps.name("safter"), caps.name("seedafter")) {
            (Some(a), _) | (_, Some(a)) => a.start(),
            _ => m.end(),
        };
        out.push(TypeMention {
            kind,
            start: m.start(),
            end: end.max(m.start() + 1),
        });
    }
    out
}

/// What an amount of money in a funding sentence stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyKind {
    /// The size of a round.
    Round,
    /// A valuation, with its basis.
    Valuation(super::Basis),
    /// Total raised to date.
    Total,
    /// Revenue, an acquisition price, a fund size, a budget: not a round.
    Other,
}

static VALUATION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)(?:
        valued?\s+(?:in\s+(?:19|20)\d\d\s+)?(?:it\s+|them\s+|the\s+(?:\w+\s+){0,2}?(?:company|startup|firm|business|group)\s+|\w+\s+)?(?:\w+ly\s+)?(?:at|around|near|above|over|north\s+of|upwards\s+of|to) (?:\s+\w+)?
      | valuing\s+(?:it|them|the\s+(?:\w+\s+){0,2}?\w+|[\w\.\-]+)?\s*(?:\w+ly\s+)?(?:at|near|around)
      | valuation\s+(?:of|at|to|near|nearing|around|above|over|north\s+of|topping|exceeding|approaching|was|is|stands\s+at|reached|hit|rose\s+to|jumped\s+to|climbed\s+to|(?:has\s+|had\s+)?(?:surpassed|exceeded|topped|crossed|passed))
      | valuation\s+(?:\w+\s+){0,3}(?:of|at|to)
      | valuation\s+(?:well\s+|much\s+|far\s+|slightly\s+)?(?:higher|greater|more|larger|bigger|lower|less)\s+than
      | valuation\s+(?:now\s+|then\s+|today\s+)?(?:would|will|could|may|might|should|is\s+set\s+to|is\s+expected\s+to)\s+(?:now\s+)?be
      | valued?\s+(?:north|upwards)\s+of
      | (?:is|was|are|now)\s+(?:now\s+)?(?:likely\s+)?(?:to\s+be\s+)?worth | worth
      | values?\s+(?:it|them|the\s+\w+|[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3})(?:\s+at)?
      | market\s+(?:value|cap(?:italization|italisation)?)\s+of
      | pegg(?:ed|ing)\s+(?:it\s+|its\s+value\s+)?at | price\s+tag\s+of | at\s+a\s+valuation\s+of
      | (?:valuation|value|worth)\s+(?:at|to|of)
      | (?:valuation|value)\s+(?:in\s+the\s+(?:range|region|vicinity|neighbo(?:u)?rhood)\s+of|(?:of\s+)?(?:around|about|roughly|near|close\s+to))
      | (?:corporate|enterprise|company|firm|equity)\s+(?:value|valuation)(?:\s+of)?
      | (?:put|puts|putting|placed|places|placing)\s+(?:it|them|its\s+\w+|the\s+\w+(?:'s|’s)\s+\w+)\s+at
      | valuation\s*[\x22“”‘’]\s*(?:of)?
    )(?:[\s\x22“‘]+(?:a|an|the|reportedly|reported|estimated|nearly|just|some|somewhere|roughly|about|around|over|under|almost|close\s+to|more\s+than|as\s+much\s+as|up\s+to|upwards\s+of|north\s+of|between|somewhere\s+between|well))*[\s\x22“‘]*$")
});

static VALUATION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[\s,]*(?:(?:in\s+)?(?:(?:pre|post)[\s\-]?money\s+|fully[\s\-]diluted\s+|implied\s+)?valuation\b|price[\s\-]tag\b|(?:that\s+|which\s+)?(?:it|they|the\s+(?:company|startup|firm|business|group))\s+(?:was|were|is|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:worth|valued)\b)",
    )
});

static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)(?:
        (?:total|cumulative|aggregate)(?:\s+(?:funding|fundraising|raised|capital|investment|equity|financing|amount\s+raised|funds)){0,2}\s+(?:(?:has|had|now)\s+)?(?:to|of|at|now\s+at|now\s+stands\s+at|stands\s+at|stood\s+at|is|reaches|reached|comes\s+to|amounts?\s+to|amounted\s+to|exceeds|exceeded|tops|topped|surpassed|crossed)
      | total\s+(?:\w+\s+){0,2}?(?:funding|fundraising|raised|capital|investment|financing)\s+(?:since|to\s+date|so\s+far)\s+(?:\w+\s+){0,3}?(?:stands|stood|is|was|reached|reaches|comes|came)\s+(?:at|to)?
            | (?:bringing|brings|taking|takes|lifting|lifts|pushing|pushes)\s+(?:its|the|their|total|overall)\s+(?:\w+\s+){0,3}?(?:to|past|above|over)
      | (?:bringing|brings|brought|bring|taking|takes|took|take|lifting|lifts|lift|pushing|pushes|push)\s+[^.;$€£¥₹₩]{0,60}?\b(?:total|tally|haul)\b[^.;$€£¥₹₩]{0,70}?\s(?:to|past|above|over)

      | (?:has|have|had)\s+(?:now\s+)?raised\s+(?:a\s+total\s+of|in\s+total|overall|altogether)
      | (?:in\s+total|in\s+all|all\s+told|overall|cumulatively|altogether|so\s+far|to\s+date)\s*,?\s*(?:it\s+has\s+)?(?:raised|netted|secured|collected|amassed|bagged|garnered)?
      | will\s+have\s+(?:raised|gained|secured|received|collected)
      | a\s+total\s+of\s+(?:\w+\s+){0,2}?(?:since|to\s+date)
      | had\s+(?:previously\s+|already\s+)?raised
    )(?:\s+(?:a|an|the|reportedly|reported|estimated|nearly|just|some|somewhere|roughly|about|around|over|under|almost|close\s+to|more\s+than|as\s+much\s+as|upwards\s+of|north\s+of))*\s*$")
});

/// "Founded in May 2017, Acme has now raised": what follows is the total since then.
pub(crate) const FOUNDED_THEN_RAISED: &str = r"(?:founded|launched|started|established)\s+(?:in\s+)?[^.;,$€£¥₹₩]{0,40}?,\s*(?:[\w.\-']+\s+){1,3}?(?:has|have)\s+(?:now\s+|since\s+)?raised";

/// Words after a figure that count the round just told in it: "has raised $95 million
/// including this round", "through this round and a 2020 seed".
pub(crate) const WITH_THIS_ROUND: &str = r"(?:including|counting|inclusive\s+of)\s+(?:this|the\s+(?:latest|new|current))\s+(?:round|raise|funding|investment)|(?:through|with)\s+(?:this|the\s+(?:latest|new|current))\s+(?:round|raise|funding|investment)\s+and";

static TOTAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&r"(?ix)^[\s,]*(?:
        in\s+total | to\s+date | so\s+far | till\s+date | altogether | overall | all\s+told
      | in\s+(?:total|cumulative|overall)\s+(?:funding|capital|financing|investment)
      | (?:in\s+)?(?:funding|capital|financing)\s+(?:to\s+date|so\s+far|since)
      | [^.;$€£¥₹₩]{0,60}?\bsince\s+(?:its\s+|it\s+was\s+|being\s+|the\s+company\s+was\s+)?(?:inception|found(?:ing|ed)|launch(?:ed)?|start(?:ed)?|creation|created|birth|incorporation|\d{4})
      | [^.;$€£¥₹₩]{0,40}?\b(?:to\s+date|so\s+far|till\s+date|in\s+total)\b
      | (?:in\s+funding\s+|in\s+capital\s+)?raised\s+(?:overall|altogether|all\s+told)\b
      | (?:has|have)\s+been\s+(?:funnel+ed|invested|poured|injected|pumped)\s+into\s+(?:the\s+(?:company|startup|firm|business)|it)\b
      | [^.;$€£¥₹₩]{0,40}?\bin\s+(?:its|their)\s+(?:\w+[\s\-]){1,2}(?:existence|history|life|lifetime)\b
      | [^.;$€£¥₹₩]{0,20}?\b(?:WITH_THIS_ROUND)\b
    )"
    .replace("WITH_THIS_ROUND", WITH_THIS_ROUND))
});

static OTHER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)\b(?:
        revenues? | sales | turnover | ARR | run[\s\-]rate | profits? | loss(?:es)? | EBITDA | GMV | bookings
      | income | earnings | budget | spen[dt] | spending | salar(?:y|ies) | market\s+(?:size|opportunity)
      | TAM | acquir(?:e|ed|es|ing) | acquisition | bought | buy(?:s|ing)? | purchas(?:e|ed|es|ing)
      | takeover | buyout | merger | sold | sell(?:s|ing)? | IPO | initial\s+public\s+offering | listing
      | went\s+public | go(?:es|ing)?\s+public | per\s+share | market\s+cap(?:italization)? | AUM
      | assets\s+under\s+management | deposits | loans?\s+(?:to|book|portfolio) | disburs(?:ed|es|ing)
      | lent | lends? | payments?\s+volume | processed | generat(?:e|ed|es|ing) | earn(?:s|ed|ing)?
      | paid | pay(?:s|ing)? | price[ds]?\s+(?:at|its) | costs? | tax(?:es)? | fines? | fined | penalt(?:y|ies)
      | settlement | lawsuit | damages | allocat(?:e|ed|es|ing) | set\s+aside | earmark(?:ed|s)?
      | subsid(?:y|ies) | contract | order | orders | worth\s+of\s+(?:shares|stock) | fund\s+(?:size|of)
      | (?:its|a|the)\s+(?:new|first|second|third|fourth|fifth|sixth|debut|maiden|flagship|latest)\s+(?:\w+\s+)?fund
      | fund\s+(?:I|II|III|IV|V|VI|VII|\d)\b | limited\s+partners | LPs
      | target\s+of | goal\s+of | hard\s+cap\s+of | cheques?\s+of | checks?\s+of | tickets?\s+of
      | scheme | programme | program | market | grants?\s+of | moneti[sz](?:ation|ed|ing)\s+of
      | (?:rose|fell|dipped|grew|climbed|jumped|dropped|declined|increased|decreased|surged|slumped|plunged|soared|doubled|tripled|halved)\s+(?:nearly\s+|almost\s+|more\s+than\s+)?(?:by\s+[\d.]+\s*(?:per\s*cent|percent|%)\s+)?(?:to|from)
    )\b")
});

static OTHER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)^[\s,]*(?:
        (?:across|over|in)\s+[\d,]+\s+(?:deals|rounds|transactions|companies|startups|financings)\b
      | [^.;$€£¥₹₩]{0,40}?\b(?:across|over|in|into|from)\s+(?:more\s+than\s+|nearly\s+|about\s+|some\s+)?[\d,]+\s+(?:\w+\s+)?(?:deals|rounds|transactions|financings|investments)\b
      | (?:in|of)\s+(?:annual\s+|annualized\s+|annualised\s+|recurring\s+|monthly\s+|yearly\s+|gross\s+|net\s+|quarterly\s+)*(?:revenues?|sales|turnover|ARR|profits?|loss(?:es)?|GMV|bookings|income|earnings|transactions|payments|loans|deposits|orders|assets|exports?)
      | (?:annual\s+|recurring\s+)?(?:revenues?|sales|turnover|ARR|run[\s\-]rate)
      | (?:\w+\s+){0,2}?(?:\(\w+\)\s+)?(?:funds?|vehicle)\b(?:\s+(?:I|II|III|IV|V|VI|\d))?
      | (?:for|across)\s+(?:its|a|an|the|two|three|four|five)\s+(?:\w+\s+){0,3}?funds?\b
      | (?:acquisition|acquisitions|takeover|buyout|share\s+buyback|buyback|repurchase|merger|IPO|listing|deal\s+to\s+(?:buy|acquire)|purchase|market\s+(?:cap|value))
      | (?:in|through|via|from|at)\s+(?:its|an?|the)\s+(?:\w+\s+)?(?:IPO|initial\s+public|listing|offering|debut|share\s+sale|float|flotation)
      | (?:budget|programme|program|package|scheme|subsidy|subsidies|contract|order|settlement|fine|penalty)
      | (?:a|per)\s+(?:year|month|share|quarter)
      | (?:upfront\s+|up-front\s+)?(?:licen[cs]ing|licen[cs]e|milestone|royalty|upfront|up-front)\s+(?:payments?|fees?|income)
      | (?:in|of)\s+(?:cash|reserves)\b | in\s+the\s+bank | cash\s+(?:on\s+hand|reserves|balance)
      | (?:market|industry|sector|opportunity)
      | worth\s+of\s+(?:shares|stock)
    )\b")
});

/// "412 companies raised more than": a count of companies before the figure makes it a
/// market's total, not one company's round.
static MANY_RAISED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?ix)(?:\b\d[\d,]*\s+)?(?:[\w\-]+\s+){0,2}?\b(?:companies|startups|start-ups|firms|businesses|ventures)\s+(?:[\w\-]+\s+)?
        (?:have\s+|had\s+|together\s+|collectively\s+)?(?:raised|secured|attracted|drew|pulled\s+in|took\s+in|collected|closed)\s+
        (?:more\s+than|over|nearly|almost|about|around|some|roughly|a\s+combined|a\s+total\s+of|just\s+under|just\s+over)?\s*$",
    )
});

static SECOND_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\bwhile\b|\bwhereas\b|\bbut\b|\balthough\b|;|,\s*and\b|\.\s)[^$€£¥₹₩]{0,80}\b(?:report|put|pegg|estimat|figure|valu|worth|reckon|suggest|place|said|says|sources)",
    )
});

/// Text between two amounts that makes the second an earlier value of the first: "valued at
/// $4 billion in a share sale, up from $2.5 billion".
static COMPARED_WITH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[^$€£¥₹₩;]{0,60}?(?:\bup|\bdown|\brising|\bjumping|\bfalling|\bdropping)\s+from\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|just\s+)?$|(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:about\s+|around\s+)?$",
    )
});

/// Text between the two ends of a range: "$8 billion and $9 billion", "$8bn-$9bn".
static RANGE_TO: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:and|to|-|–|—)\s*$"));

/// Text between two amounts that makes the second a conversion of the first:
/// "₩30 billion ($22.6 million)", "Rs 300 crore, or about $36 million".
static CONVERSION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:\([a-z]{2,10}\)\s*)?(?:\(|,|/|–|—|-)\s*(?:or|about|around|roughly|approximately|approx\.?|some|nearly|almost|equivalent\s+to|worth|~|≈|c\.)?\s*(?:about|around|roughly|approximately|some|nearly)?\s*$",
    )
});

/// The text without a listing it only looks ahead to: "a step toward an IPO", "ahead of
/// a listing". A round that prepares a listing is still a private round.
pub fn without_planned_listing(text: &str) -> std::borrow::Cow<'_, str> {
    static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:for|ahead\s+of|before|toward|towards|prior\s+to|plans?\s+(?:for|to)|road\s+to)\s+(?:an?\s+|its\s+|the\s+)?(?:eventual\s+|possible\s+|potential\s+|future\s+|planned\s+)?(?:IPO|initial\s+public\s+offering|public\s+listing|listing)\b(?:\s+in\s+the\s+next\s+\d+\s+months)?",
        )
    });
    PLANNED.replace_all(text, "")
}

/// Kinds of all amounts in a sentence: [`money_kind`] for each, then a figure reported "while"
/// another outlet gave a valuation ("valued at more than $3 billion, while Reuters put the figure
/// at $4.5 billion") is a valuation too.
pub fn money_kinds(text: &str, mentions: &[(usize, usize)]) -> Vec<MoneyKind> {
    // A sentence about a stock-market listing reports no private round, unless it names one.
    static LISTING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:IPO|initial\s+public\s+offering|went\s+public|going\s+public|go\s+public|public\s+listing|stock\s+market\s+debut|trading\s+debut|priced\s+(?:its\s+)?shares|per\s+share|a\s+share|SPAC|special\s+purpose\s+acquisition|blank[\s\-]check|gross\s+proceeds|direct\s+listing|tender\s+offer|secondary\s+(?:sale|share\s+sale|transaction)|share\s+buyback)\b",
        )
    });
    static PRIVATE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:round|series|seed|private\s+placement|pre-IPO|venture)\b"));
    // Most relevant sentences have no figure at all; the listing patterns are not cheap.
    if mentions.is_empty() {
        return Vec::new();
    }
    if LISTING.is_match(&without_planned_listing(text)) && !PRIVATE.is_match(text) {
        return vec![MoneyKind::Other; mentions.len()];
    }
    listing_money_kinds(text, mentions)
}

/// [`money_kinds`] for a sentence read as a listing's: its proceeds and valuation are kinds of
/// their own, where for a private round they are only "other".
pub fn listing_money_kinds(text: &str, mentions: &[(usize, usize)]) -> Vec<MoneyKind> {
    let mut kinds: Vec<MoneyKind> = mentions
        .iter()
        .map(|&(s, e)| money_kind(text, s, e))
        .collect();
    if let Some(first) = mentions.first() {
        if kinds[0] == MoneyKind::Total && had_raised_is_round(text, first.0) {
            kinds[0] = MoneyKind::Round;
        }
    }
    for i in 1..kinds.len() {
        // "had raised $45 million" is a total to date, unless a round is named or it is
        // reported speech ("said it had raised a $45 million Series A").
        if kinds[i] == MoneyKind::Total && had_raised_is_round(text, mentions[i].0) {
            kinds[i] = MoneyKind::Round;
        }
        // A figure restated in another currency right after the first is the same figure.
        let between = &text[mentions[i - 1].1.min(mentions[i].0)..mentions[i].0];
        if CONVERSION.is_match(between) {
            kinds[i] = MoneyKind::Other;
            continue;
        }
        if kinds[i] != MoneyKind::Round {
            continue;
        }
        // "valued at $4 billion, up from $2.5 billion": the earlier figure of the same kind;
        // "a valuation of between $8 billion and $9 billion": the top of a range.
        let between = &text[mentions[i - 1].1.min(mentions[i].0)..mentions[i].0];
        if matches!(kinds[i - 1], MoneyKind::Valuation(_) | MoneyKind::Total)
            && (COMPARED_WITH.is_match(between) || RANGE_TO.is_match(between))
        {
            kinds[i] = kinds[i - 1];
            continue;
        }
        let previous = (0..i)
            .rev()
            .find(|&j| matches!(kinds[j], MoneyKind::Valuation(_)));
        if let Some(j) = previous {
            let between = &text[mentions[j].1..mentions[i].0];
            if SECOND_REPORT.is_match(between) {
                kinds[i] = kinds[j];
            }
        }
    }
    kinds
}

fn had_raised_is_round(text: &str, start: usize) -> bool {
    static HAD: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\bhad\s+(?:previously\s+|already\s+)?raised\b[^$€£¥₹₩]{0,30}$"));
    static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:said|says|announced|told|confirmed|revealed|disclosed)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they|the\s+\w+)\s+had\s+raised",
        )
    });
    // "had raised more than $50 million in new investment in its latest funding round".
    static NEW_MONEY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:new|fresh|latest)\s+(?:funding|investment|capital|financing|round)\b")
    });
    // "had raised $170 million in November 2021 at a valuation of $2.6 billion": one round,
    // dated and valued.
    static DATED_OR_VALUED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\S*[^.;]{0,30}?\b(?:in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|at\s+an?\s+(?:\w+\s+)?valuation)\b",
        )
    });
    let before = window_before(text, start, 80);
    HAD.is_match(before)
        && (REPORTED.is_match(before)
            || !round_types(text).is_empty()
            || NEW_MONEY.is_match(&text[start..])
            || DATED_OR_VALUED.is_match(&text[start..]))
}

/// "a valuation cap of A$9 million": a convertible note's cap, not a valuation.
static CAP: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bcap(?:ped)?\s+(?:of|at)\s*(?:about|around|roughly)?\s*$"));

/// Values that are not a company's valuation: "gross merchandise value crossed ₹410 crore",
/// "letters of intent worth A$9 million".
static NOT_VALUATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:merchandise|transaction|order|payment|payments|book|enterprise|deal|contract|trade|export|import|loan|portfolio|asset|assets|property|inventory|face|par|nominal)\s+value\b|\b(?:letters?\s+of\s+intent|orders?|contracts?|deals?|bookings|backlog|pipeline|sales|revenue|assets|inventory|equipment|goods|products|shares|stock|stake|property|properties|projects?)\s+(?:[\w,]+\s+){0,6}?worth\b)[^$€£¥₹₩]{0,45}$",
    )
});

/// "a pre-money enterprise value of": a value with a basis is the company's valuation.
static BASIS_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:pre|post)[\s\-]money\s+(?:\w+\s+)?value\s+(?:of\s+)?(?:about\s+|around\s+)?$")
});

/// "issued 40,000 preference shares worth", "allotted new shares for gross proceeds of": a
/// company selling its own shares raises money.
static ISSUED_SHARES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?ix)\b(?:issu(?:e|es|ed|ing)|allott?(?:s|ed|ing)?)\s+(?:[\w,.\-]+\s+){0,5}?(?:shares|stock|notes|debentures|securities)
        \s+(?:\w+\s+){0,3}?(?:worth|for|totall?ing|amounting\s+to|raising|of)
        (?:\s+(?:gross\s+proceeds\s+of|proceeds\s+of|a|an|about|around|nearly|roughly|over|more\s+than|close\s+to|some))*\s*$",
    )
});

/// "which invested", "re-upped with": what one investor put in.
static CONTRIBUTION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?ix)(?:\b(?:which|who)\s+(?:also\s+|reportedly\s+|each\s+|alone\s+)?(?:invested|pumped\s+in|put\s+in|poured\s+in|chipped\s+in|contributed|injected|committed)
        | \bre-?upped\s+with)
        (?:\s+(?:a\s+further|another|an\s+additional|over|about|around|nearly|more\s+than|close\s+to|some|roughly))*\s*$",
    )
});

/// "$5 million each".
static EACH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*(?:\(\w[^)]{0,30}\)\s*)?(?:each|apiece|a\s+share|per\s+share)\b")
});

/// "$18 billion a year": a rate, not a round or a valuation.
static PER_PERIOD: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s+(?:a|per|each|every)\s+(?:year|month|quarter|week|day|annum)\b"));

/// "pre-money" or "post-money" nearest the figure: in "a post-money valuation of $90m, so the
/// pre-money valuation is $60m" each figure takes its own.
fn nearest_basis(before: &str, after: &str) -> super::Basis {
    let mut best: Option<(usize, super::Basis)> = None;
    for (word, basis) in [
        ("pre-money", super::Basis::Pre),
        ("pre money", super::Basis::Pre),
        ("post-money", super::Basis::Post),
        ("post money", super::Basis::Post),
    ] {
        // Words before the figure ("a post-money valuation of $90m") are read first; words
        // after it ("$90m post-money") only when none come before.
        let distances = [
            before.rfind(word).map(|at| before.len() - at),
            after.find(word).map(|at| at + 1000),
        ];
        for d in distances.into_iter().flatten() {
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, basis));
            }
        }
    }
    best.map_or(super::Basis::Unspecified, |(_, basis)| basis)
}

/// Words every match of each pattern [`money_kind`] runs on the text before a figure contains,
/// one group per pattern: a pattern whose words are all absent cannot match.
static BEFORE_WORDS: LazyLock<crate::util::CueWords> = LazyLock::new(|| {
    crate::util::CueWords::new(&[
        // 0: ISSUED_SHARES
        &["issu", "allot"],
        // 1: CAP
        &["cap"],
        // 2: NOT_VALUATION
        &["value", "worth"],
        // 3: MANY_RAISED
        &[
            "compan", "startup", "start-up", "firm", "business", "venture",
        ],
        // 4: ROUND_WORTH
        &["worth"],
        // 5: CONTRIBUTION_BEFORE
        &["which", "who", "upped"],
        // 6: VALUATION_BEFORE
        &["valu", "worth", "market", "pegg", "price", "put", "plac"],
        // 7: TOTAL_BEFORE
        &[
            "total",
            "bring",
            "brought",
            "tak",
            "took",
            "lift",
            "push",
            "raised",
            "overall",
            "cumulative",
            "aggregate",
            "all",
            "have",
            "altogether",
            "far",
            "date",
        ],
        // 8: PART_BEFORE
        &["includ"],
    ])
});

/// The same for the patterns run on the text after a figure.
static AFTER_WORDS: LazyLock<crate::util::CueWords> = LazyLock::new(|| {
    crate::util::CueWords::new(&[
        // 0: PER_PERIOD
        &["year", "month", "quarter", "week", "day", "annum"],
        // 1: EACH_AFTER ("$2 million each", "1,450 yen apiece", "$19 a share")
        &["each", "apiece", "share"],
        // 2: VALUATION_AFTER
        &["valuation", "price", "worth", "valued"],
        // 3: TOTAL_AFTER ("all" is in "overall", "altogether" and "all told")
        &[
            "total",
            "cumulative",
            "date",
            "far",
            "all",
            "since",
            "existence",
            "history",
            "life",
            "been",
            "this round",
            "latest round",
            "new round",
            "current round",
        ],
        // 4: OTHER_AFTER
        &[
            "deal",
            "round",
            "transaction",
            "compan",
            "startup",
            "financing",
            "investment",
            "revenue",
            "sale",
            "turnover",
            "arr",
            "profit",
            "loss",
            "gmv",
            "booking",
            "income",
            "earning",
            "payment",
            "licens",
            "licenc",
            "milestone",
            "royalt",
            "upfront",
            "up-front",
            "loan",
            "deposit",
            "order",
            "asset",
            "export",
            "rate",
            "fund",
            "vehicle",
            "acquisition",
            "takeover",
            "buyout",
            "buyback",
            "purchase",
            "merger",
            "ipo",
            "listing",
            "market",
            "initial",
            "offering",
            "debut",
            "float",
            "budget",
            "program",
            "package",
            "scheme",
            "subsid",
            "contract",
            "settlement",
            "fine",
            "penalt",
            "year",
            "month",
            "share",
            "quarter",
            "cash",
            "reserves",
            "bank",
            "industry",
            "sector",
            "opportunity",
            "worth",
        ],
    ])
});

/// What follows an amount says it is a part of a deal: "of the investment", "out of the round".
pub(crate) fn is_part_of(after: &str) -> bool {
    static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:of|out\s+of)\s+(?:the|this|that|its|their)\s+(?:[\w\-]+\s+)?(?:investment|round|funding|raise|fundraise|financing|total|amount|capital|sum|proceeds|money)\b",
        )
    });
    let rest = after.trim_start();
    (rest.starts_with("of ") || rest.starts_with("out of ")) && PART_OF.is_match(after)
}

/// Decides what an amount stands for from the words around it.
pub fn money_kind(text: &str, start: usize, end: usize) -> MoneyKind {
    let before = window_before(text, start, 80);
    let after = super::text::window(text, end, end + 80);
    let cues_before = BEFORE_WORDS.scan(before);
    let cues_after = AFTER_WORDS.scan(after);
    let has_before = |group: u32| cues_before & (1 << group) != 0;
    let has_after = |group: u32| cues_after & (1 << group) != 0;
    let basis = nearest_basis(
        &window_before(text, start, 40).to_ascii_lowercase(),
        &super::text::window(after, 0, 40).to_ascii_lowercase(),
    );
    if has_before(0) && ISSUED_SHARES.is_match(before) {
        return MoneyKind::Round;
    }
    // "$55 million of the investment was equity": a part of the round, not the round.
    if is_part_of(after) {
        return MoneyKind::Other;
    }
    if (has_after(0) && PER_PERIOD.is_match(after))
        || (has_before(1) && CAP.is_match(before))
        || (has_before(2) && NOT_VALUATION.is_match(before) && !BASIS_VALUE.is_match(before))
        || (has_before(3) && MANY_RAISED.is_match(before))
    {
        return MoneyKind::Other;
    }
    // "Series A funding worth Rp 150 miliar", "a facility with Harbor Lane worth up to $30
    // million": the size of the round, not a valuation.
    static ROUND_WORTH: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:funding|financing|round|investment|raise|fundraise|cheque|check|injection|facility|loan|tranche|deal|series\s+[a-z]\d?|seed)(?:\s+(?:with|from)\s+[^,;$€£¥₹₩]{1,50}?)?\s*,?\s+worth(?:\s+(?:a|an|some|roughly|about|around|nearly|almost|over|more\s+than|close\s+to|up\s+to))*\s*$",
        )
    });
    if has_before(4) && ROUND_WORTH.is_match(before) {
        return MoneyKind::Round;
    }
    // "Ferro Capital, which put in $5 million", "$2 million each": one investor's part of a
    // round, not the round.
    if (has_before(5) && CONTRIBUTION_BEFORE.is_match(before))
        || (has_after(1) && EACH_AFTER.is_match(after))
    {
        return MoneyKind::Other;
    }
    // "a round, which included a $3 million investment from Ferro": one backer's part.
    static PART_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:(?:which|that)\s+(?:also\s+)?included|including)\s+(?:a|an)\s*$")
    });
    static PART_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^[\s\-]*(?:[\w\-]+\s+)?(?:investment|cheque|check|commitment|contribution|ticket|injection)\s+(?:from|by)\b",
        )
    });
    if has_before(8) && PART_BEFORE.is_match(before) && PART_AFTER.is_match(after) {
        return MoneyKind::Other;
    }
    if (has_before(6) && VALUATION_BEFORE.is_match(before))
        || (has_after(2) && VALUATION_AFTER.is_match(after))
    {
        return MoneyKind::Valuation(basis);
    }
    // "lifts its total Series B to $38 million": one round's size with its
    // extension, not all the company has raised.
    static ROUND_TOTAL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:total|overall)\s+(?:series\s+[a-z]\d?|seed|pre-seed|angel)(?:\s+(?:round|funding|raise|financing))?\s+(?:to|at|of)\s+(?:about\s+|around\s+|nearly\s+|some\s+|over\s+)?$",
        )
    });
    if (has_before(7) && TOTAL_BEFORE.is_match(before))
        || (has_after(3) && TOTAL_AFTER.is_match(after))
    {
        if ROUND_TOTAL.is_match(before) {
            return MoneyKind::Other;
        }
        return MoneyKind::Total;
    }
    // "Since its founders let in outside investors in 2013, Acme has raised", "Founded in
    // 2018, Acme has now raised": a total since then.
    static SINCE_RAISED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            &r"(?i)\b(?:since\s+[^.;$€£¥₹₩]{0,140}?,\s*(?:[\w.\-']+\s+){1,3}?(?:has|have)\s+(?:now\s+)?raised|FOUNDED)(?:\s+(?:a|an|about|around|over|nearly|some|roughly|more\s+than|close\s+to))*\s*$"
                .replace("FOUNDED", FOUNDED_THEN_RAISED),
        )
    });
    if has_before(7) && SINCE_RAISED.is_match(window_before(text, start, 200)) {
        return MoneyKind::Total;
    }
    // "raised 4.7 billion yuan in 18 months": money gathered over a span of time is a total.
    static OVER_SPAN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^[\s,]*(?:[\w.]+\s+){0,2}?(?:in|over|within)\s+(?:the\s+|its\s+)?(?:past\s+|last\s+|first\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|a\s+few|several)\s+(?:months|years)\b",
        )
    });
    static GATHERED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:raised|secured|gathered|amassed|attracted|pulled\s+in|received)\s+(?:\w+\s+){0,3}?$",
        )
    });
    if has_after(0) && OVER_SPAN.is_match(after) && GATHERED.is_match(before) {
        return MoneyKind::Total;
    }
    if has_after(4) && OTHER_AFTER.is_match(after) {
        // "$5 million Series A fund from two angels": the round's money.
        static ROUND_FUND: LazyLock<Regex> = LazyLock::new(|| {
            re(r"(?i)^\s*(?:series\s+[a-h]\d?|seed|pre-seed|angel)\s+fund\s+from\b")
        });
        // "received $25 million to fund new hires": "fund" the verb.
        static TO_FUND: LazyLock<Regex> =
            LazyLock::new(|| re(r"(?i)^[\s,]*(?:in\s+order\s+)?to\s+(?:help\s+)?fund\b"));
        if !ROUND_FUND.is_match(after) && !TO_FUND.is_match(after) {
            return MoneyKind::Other;
        }
    }
    // A cue shortly before the amount ("acquired Acme for", "revenue of") makes it something
    // else, unless a raise verb or round word comes between the cue and the amount.
    let near_before = window_before(text, start, 45);
    // Only this clause: "missed its revenue target, or with the $140 million Series F".
    let near_before = [", or ", ", and ", "; ", ", while ", ", whereas "]
        .iter()
        .filter_map(|sep| near_before.rfind(sep).map(|i| i + sep.len()))
        .max()
        .map_or(near_before, |i| &near_before[i..]);
    if let Some(cue) = OTHER_BEFORE.find_iter(near_before).last() {
        let between = &near_before[cue.end()..];
        if !RAISE_VERB.is_match(between) && !FUNDING_NOUN.is_match(between) {
            return MoneyKind::Other;
        }
    }
    MoneyKind::Round
}

/// Up to `n` bytes of `text` before `pos`, cut at the last clause break (`;`, `.` + space).
fn window_before(text: &str, pos: usize, n: usize) -> &str {
    let mut from = pos.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let w = &text[from..pos];
    match w.rfind(';') {
        Some(i) => &w[i + 1..],
        None => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::money::find_amounts;
    use crate::facts::Basis;

    fn kinds(text: &str) -> Vec<MoneyKind> {
        let spans: Vec<(usize, usize)> = find_amounts(text)
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        money_kinds(text, &spans)
    }

    #[test]
    fn a_round_the_new_one_comes_after_is_an_earlier_one() {
        assert!(HISTORICAL.is_match("Coming more than two years after its Series A,"));
        assert!(HISTORICAL.is_match("Eighteen months after the seed round,"));
        assert!(!HISTORICAL.is_match("The Series B was led by Harbor Lane."));
        // The round a sentence looks back from is not the round of its figure.
        let kinds: Vec<RoundType> =
            round_types("Prior to this bridge round, it had raised $300,000 in a seed round.")
                .into_iter()
                .map(|t| t.kind)
                .collect();
        assert_eq!(kinds, [RoundType::Seed]);
    }

    #[test]
    fn round_names_in_their_spellings() {
        let cases: &[(&str, RoundType)] = &[
            ("its April Series-C fundraising", RoundType::Series(2)),
            ("a Series C round", RoundType::Series(2)),
            ("Our Round C funding", RoundType::Series(2)),
            ("closed a C round", RoundType::Series(2)),
            ("its Series C-1", RoundType::Series(2)),
            ("a series b round", RoundType::Series(1)),
            ("a seed round", RoundType::Seed),
            ("a pre-seed round", RoundType::PreSeed),
            ("its Series B extension", RoundType::Extension),
            ("a bridge round", RoundType::Extension),
            ("a Bridge round", RoundType::Extension),
            ("a growth round", RoundType::Growth),
            ("$20 million in venture debt", RoundType::Debt),
            ("a convertible note", RoundType::ConvertibleNote),
            ("a €2 million grant", RoundType::Grant),
            ("an angel round", RoundType::Angel),
            ("a pre-Series A round", RoundType::PreSeries(0)),
            ("its pre-Series B", RoundType::PreSeries(1)),
            ("a strategic investment", RoundType::Corporate),
            (
                "got $4.5 million Series A fund from three angels",
                RoundType::Series(0),
            ),
        ];
        for (text, want) in cases {
            let found = round_types(text);
            assert_eq!(
                found.iter().map(|t| t.kind).collect::<Vec<_>>(),
                [*want],
                "{text}"
            );
        }
    }

    #[test]
    fn round_words_that_describe_something_else() {
        for text in [
            "a seed investor in Acme",
            "Series A startups struggle",
            "the seed-stage fund",
            "a series of events",
            "A round of applause",
            "Grant Thornton audited",
            "while Seed Letter reported",
            "with Andes Bridge and Caribe Capital",
            "existing investors Isar Seed and Jonas Weber",
            "closed its third Series A fund from limited partners",
        ] {
            assert!(
                round_types(text).is_empty(),
                "{text}: {:?}",
                round_types(text)
            );
        }
    }

    #[test]
    fn a_face_value_is_no_valuation_and_one_round_s_running_size_is_no_total() {
        assert_eq!(
            kinds("It allotted 500 debentures at a face value of INR 1 lakh per debenture."),
            [MoneyKind::Other]
        );
        assert_eq!(
            kinds("The extension lifts Corvix's total Series B to $38 million."),
            [MoneyKind::Other]
        );
        assert_eq!(
            kinds("The extension lifts Corvix's total funding to $38 million."),
            [MoneyKind::Total]
        );
        // The lender between the facility and "worth" does not make its size a valuation.
        assert_eq!(
            kinds("Corvix entered into a senior debt facility with Marrow Credit worth up to $30 million."),
            [MoneyKind::Round]
        );
    }

    #[test]
    fn totals_and_valuations_in_the_words_outlets_use() {
        for text in [
            "This round will take Orvella's overall total to roughly $1.2 billion.",
            "Corvix, a Manila clinic chain, has so far netted $41.5 million from investors.",
            "Over the last four years some 310 billion won has been funneled into the company.",
            "Halvard has now raised more than $60 million including this round.",
            "The startup has raised $95 million through this round and a 2020 seed.",
            "Halvard is now up to a Series D and well past $200 million raised overall.",
            "Founded in March 2019, Brello has now raised some $80 million in funding.",
        ] {
            assert_eq!(kinds(text), [MoneyKind::Total], "{text}");
        }
        assert_eq!(
            kinds("The fund exits part of its stake, presumably at a valuation higher than $1B."),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        assert_eq!(
            kinds("Its $12M Series A came at a valuation “north of $80M,” one backer said."),
            [MoneyKind::Round, MoneyKind::Valuation(Basis::Unspecified)]
        );
    }

    #[test]
    fn a_second_outlet_figure_is_a_valuation_too() {
        let text = "People told Bloomberg it is now valued at more than $3 billion, while Reuters put the figure at about $4.5 billion.";
        let spans: Vec<(usize, usize)> = find_amounts(text)
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        let k = money_kinds(text, &spans);
        assert_eq!(
            k,
            [
                MoneyKind::Valuation(Basis::Unspecified),
                MoneyKind::Valuation(Basis::Unspecified)
            ]
        );
        let text = "It is valued at $2 billion. It raised $300 million in the round.";
        let spans: Vec<(usize, usize)> = find_amounts(text)
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        assert_eq!(money_kinds(text, &spans)[1], MoneyKind::Round);
        assert_eq!(
            kinds("The deal values Zentro Labs at $90 million."),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
    }

    #[test]
    fn money_kinds_follow_context() {
        assert_eq!(
            kinds("raised $600 million in a Series C"),
            [MoneyKind::Round]
        );
        assert_eq!(
            kinds("valued at more than $3 billion"),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        // A quoted figure with its own hedge.
        assert_eq!(
            kinds("a founder told us the round valued the firm at \"well over $90 million.\""),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        // "with its valuation nearing $700m".
        assert_eq!(
            kinds("it raised $60m, with its valuation nearing $700m"),
            [MoneyKind::Round, MoneyKind::Valuation(Basis::Unspecified)]
        );
        // Money received "to fund" something is the round.
        assert_eq!(
            kinds("Pellatec Ltd. has received $25 million to fund new hires."),
            [MoneyKind::Round]
        );
        assert_eq!(
            kinds("valuing it at over $1.5 billion"),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        // An adverb between the verb and its figure.
        assert_eq!(
            kinds("the float took in $900 million, valuing the insurer briefly at $7 billion"),
            [MoneyKind::Round, MoneyKind::Valuation(Basis::Unspecified)]
        );
        assert_eq!(
            kinds("at a post-money valuation of $2 billion"),
            [MoneyKind::Valuation(Basis::Post)]
        );
        assert_eq!(
            kinds("a $900 million pre-money valuation"),
            [MoneyKind::Valuation(Basis::Pre)]
        );
        assert_eq!(
            kinds("SenseTime is now worth somewhere in the region of $4.5 billion"),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        // The worth named after the figure, looking back: "well under the $2 billion it was
        // worth in 2021".
        assert_eq!(
            kinds("far below the $2 billion it was worth in 2021 when Harlow Foods bought in"),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        assert_eq!(
            kinds("Pindoba, valued in 2021 at $3 billion, raised $50 million"),
            [MoneyKind::Valuation(Basis::Unspecified), MoneyKind::Round]
        );
        // Many companies' money is a market total, counted or not.
        assert_eq!(
            kinds("Danish startup companies raised $410 million in the first quarter"),
            [MoneyKind::Other]
        );
        assert_eq!(
            kinds("now with almost £600m in valuation"),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        assert_eq!(
            kinds("the $40 million that the startup had been valued at"),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        assert_eq!(
            kinds("bringing its total funding to $120 million"),
            [MoneyKind::Total]
        );
        assert_eq!(
            kinds("Its total funds raised amounted to KRW 90 billion."),
            [MoneyKind::Total]
        );
        assert_eq!(
            kinds("it has raised $80 million to date"),
            [MoneyKind::Total]
        );
        // Lifetime figures stated without "total" or "to date".
        for text in [
            "The lab raised 900 million yuan in 30 months from a dozen funds.",
            "All told, it has raised more than R2 billion in its four-year existence.",
            "Since the two engineers who set it up first brought in institutional money back in 2016, Brindlewood has raised $310m from funds in three countries.",
            "Counting grants, Ostrava Bio's cumulative funding has reached EUR 41 million.",
            "Total funding raised now exceeds $2.1 billion across equity and debt.",
            "When the Series D closes, Harrowgate will have gained over 520 billion won in funds.",
        ] {
            assert_eq!(kinds(text).first(), Some(&MoneyKind::Total), "{text}");
        }
        assert_eq!(
            kinds("Back then it was aiming for a valuation of up to €410m."),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        assert_eq!(
            kinds("The deal is based on a pre-money enterprise value of SAR 2.5 billion."),
            [MoneyKind::Valuation(Basis::Pre)]
        );
        assert_eq!(
            kinds("Its post-money valuation has now climbed to $310 million, from $280 million before.")[0],
            MoneyKind::Valuation(Basis::Post)
        );
        // One backer's part of a round, and a fund's size, are not the round.
        assert_eq!(
            kinds("Tessaly closed a R80-million round, which included a R25-million investment from Kline's R2-billion venture capital (VC) fund."),
            [MoneyKind::Round, MoneyKind::Other, MoneyKind::Other]
        );
        // "had raised" with new money is the news, not a total.
        assert_eq!(
            kinds("On Monday Tessaly said had raised over R40 million in new investment in its latest funding round.")[0],
            MoneyKind::Round
        );
        // A span after some other figure, or after a round, is not a total.
        assert_eq!(
            kinds("Its revenue grew to $12 million in two years.")[0],
            MoneyKind::Other
        );
        assert_eq!(
            kinds("The startup raised a $9 million seed round in May.")[0],
            MoneyKind::Round
        );
        assert_eq!(
            kinds("has completed a C round of financing worth $168 million"),
            [MoneyKind::Round]
        );
        assert_eq!(
            kinds("Pellway is raising fresh capital at a valuation of between $8 billion and $9 billion, a newswire said."),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        assert_eq!(
            kinds("On Tuesday it pulled in US$300 million from three backers, a step toward an IPO next year."),
            [MoneyKind::Round]
        );
        assert_eq!(
            kinds("Orlet is now a unicorn, with a corporate value in the range of 1.4 trillion won ($1.1 billion), after taking 90 billion won from a buyout fund."),
            [MoneyKind::Valuation(Basis::Unspecified), MoneyKind::Other, MoneyKind::Round]
        );
        assert_eq!(
            kinds("That chatter came with a $6 billion price tag."),
            [MoneyKind::Valuation(Basis::Unspecified)]
        );
        assert_eq!(
            kinds("Dutch startups together raised nearly $700 million in May"),
            [MoneyKind::Other]
        );
        assert_eq!(
            kinds("Robotics startups raised $4.1 billion across 212 deals in the third quarter"),
            [MoneyKind::Other]
        );
        assert_eq!(
            kinds("Some 214 seed-stage startups raised nearly $780 million in June, the biggest being a $40 million round."),
            [MoneyKind::Other, MoneyKind::Round]
        );
        assert_eq!(
            kinds("Brisa was valued at $2.1 billion in a March share sale, up from $900 million after its Series C."),
            [MoneyKind::Valuation(Basis::Unspecified), MoneyKind::Valuation(Basis::Unspecified)]
        );
        assert_eq!(
            kinds("Priced at a post-money valuation of $90 million, the deal means Orlet's pre-money valuation will be $60 million."),
            [MoneyKind::Valuation(Basis::Post), MoneyKind::Valuation(Basis::Pre)]
        );
        assert_eq!(
            kinds("Its annual return shows Quorra allotted 8,400 new preferred shares for a total of €6.2 million (roughly $6.8 million)."),
            [MoneyKind::Round, MoneyKind::Other]
        );
        assert_eq!(
            kinds("Ferro Capital, who put in $9 million, wrote the biggest cheque; Lanyard and Osk took $2 million each, while Pell re-upped with about $1 million."),
            [MoneyKind::Other, MoneyKind::Other, MoneyKind::Other]
        );
        assert_eq!(
            kinds("The firm's total fundraising since inception stands at $96.4 million, a tracker estimates."),
            [MoneyKind::Total]
        );
        assert_eq!(
            kinds("Late-stage venture investment rose by 40 per cent to $2.2 billion, while seed funding dipped to $300 million."),
            [MoneyKind::Other, MoneyKind::Other]
        );
        // A quarter's total for a region is no company's round, however the deal count is put.
        assert_eq!(
            kinds("Funding in the region climbed to $612 million in Q3 across 38 reported deals, up from $290 million in Q2 over 30 deals."),
            [MoneyKind::Other, MoneyKind::Other]
        );
        assert_eq!(
            kinds("Tallowby raised $12 million from 4 investors"),
            [MoneyKind::Round]
        );
        assert_eq!(
            kinds("The funding brings Paloma Pay's total equity raised since 2018 to about $290 million."),
            [MoneyKind::Total]
        );
        assert_eq!(
            kinds("Google acquired Acme for $500 million"),
            [MoneyKind::Other]
        );
        // "fund" for "funding", between a round's name and its investors.
        assert_eq!(
            kinds("Brisk Pay got $4.5 million Series A fund from three angels and Tamsin Capital."),
            [MoneyKind::Round]
        );
        assert_eq!(
            kinds("Tamsin closed a $40 million seed fund for founders."),
            [MoneyKind::Other]
        );
        // Payments and tax credits turned into cash are no round.
        assert_eq!(
            kinds("Since then it has taken a $12M upfront licensing payment from a partner and monetization of $3.1M of tax credits."),
            [MoneyKind::Other, MoneyKind::Other]
        );
        assert_eq!(
            kinds("Accel closed a $650 million fund"),
            [MoneyKind::Other]
        );
        assert_eq!(
            kinds("revenue reached $40 million last year"),
            [MoneyKind::Other]
        );
        assert_eq!(
            kinds("it makes $10 million in annual revenue"),
            [MoneyKind::Other]
        );
        assert_eq!(kinds("raised $300 million in its IPO"), [MoneyKind::Other]);
        // A market's money spread over many deals.
        assert_eq!(
            kinds("a record $12.4 billion was poured into 1,180 deals across the region"),
            [MoneyKind::Other]
        );
        assert_eq!(
            kinds("It raised $50 million, bringing its total to $120 million, at a $1 billion valuation."),
            [MoneyKind::Round, MoneyKind::Total, MoneyKind::Valuation(Basis::Unspecified)]
        );
    }
}
