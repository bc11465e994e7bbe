//! Understanding a question without a language model: what is asked (the intent) and about
//! whom (company, investor, round, period), from the words people type in chat.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use super::names::{Found, NameIndex};
use crate::facts::RoundType;

/// What a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// Who led a round.
    Lead,
    /// Who invested.
    Investors,
    /// How much was raised.
    Amount,
    /// What the company is valued at.
    Valuation,
    /// When a round was announced.
    Date,
    /// Which round it was.
    Round,
    /// The company's funding history.
    History,
    /// Total raised.
    Total,
    /// What an investor invested in.
    Portfolio,
    /// The largest rounds in a period.
    Largest,
    /// An acquisition: buyer, price, date.
    Acquisition,
    /// A listing: price per share, amount raised, exchange, valuation, date.
    Ipo,
    /// A stake bought or sold: buyer, seller, percentage, price.
    Stake,
    /// Debt: facilities, loans, notes, bonds; lender, amount, rate.
    Debt,
    /// Whether a reported deal has closed, or is only talked about.
    Status,
    /// Not recognised.
    Unknown,
}

impl Intent {
    /// Every intent, for reports.
    pub const ALL: [Intent; 16] = [
        Intent::Lead,
        Intent::Investors,
        Intent::Amount,
        Intent::Valuation,
        Intent::Date,
        Intent::Round,
        Intent::History,
        Intent::Total,
        Intent::Portfolio,
        Intent::Largest,
        Intent::Acquisition,
        Intent::Ipo,
        Intent::Stake,
        Intent::Debt,
        Intent::Status,
        Intent::Unknown,
    ];

    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Intent::Lead => "lead",
            Intent::Investors => "investors",
            Intent::Amount => "amount",
            Intent::Valuation => "valuation",
            Intent::Date => "date",
            Intent::Round => "round",
            Intent::History => "history",
            Intent::Total => "total",
            Intent::Portfolio => "portfolio",
            Intent::Largest => "largest",
            Intent::Acquisition => "acquisition",
            Intent::Ipo => "ipo",
            Intent::Stake => "stake",
            Intent::Debt => "debt",
            Intent::Status => "status",
            Intent::Unknown => "unknown",
        }
    }

    /// Events other than funding rounds, which the facts store does not hold.
    pub fn is_event(self) -> bool {
        matches!(
            self,
            Intent::Acquisition | Intent::Ipo | Intent::Stake | Intent::Debt | Intent::Status
        )
    }
}

/// The kind of value a question wants back, whatever the event: "who" bought, "how much" was
/// paid, "what %" was sold, "when" it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Want {
    /// An amount of money (a price, a round's size, proceeds).
    Money,
    /// A price per share.
    PerShare,
    /// Names: investors, buyers, lenders, bookrunners.
    Who,
    /// Who sold (a stake, shares, a company).
    Seller,
    /// A date.
    When,
    /// A percentage of a company.
    Percent,
    /// An interest rate or coupon.
    Rate,
    /// An exchange or market.
    Place,
    /// A valuation.
    Valuation,
    /// Whether the deal has closed.
    Status,
    /// Whether a debt has been paid back ("is it still in debt?").
    Repaid,
    /// How many times a listing's shares were bid for ("subscribed 12 times").
    Subscription,
}

/// How a name in the question was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// Same name up to case, punctuation and suffixes.
    Exact,
    /// A small typo away from exactly one known name.
    Typo,
    /// Taken from the conversation (a follow-up question).
    Context,
}

/// A period the question narrows to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// "April 2018", "2018", "April".
    pub text: String,
    /// A month without a year matches that month in any year.
    #[serde(skip)]
    pub month_any_year: Option<u32>,
}

/// What was understood of a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Understood {
    /// What is asked.
    pub intent: Intent,
    /// The company asked about, as the store names it.
    pub company: Option<String>,
    /// Its store id.
    #[serde(skip)]
    pub company_id: Option<i64>,
    /// How the company was matched.
    pub company_match: Option<MatchKind>,
    /// A name the question seems to ask about that matches no company.
    pub unknown_name: Option<String>,
    /// Known companies close to `unknown_name`.
    pub close_companies: Vec<String>,
    /// The investor asked about.
    pub investor: Option<String>,
    /// Its store id.
    #[serde(skip)]
    pub investor_id: Option<i64>,
    /// An investor to leave out ("who else besides Alibaba").
    pub exclude: Option<String>,
    /// The round asked about.
    pub round: Option<RoundType>,
    /// The period asked about.
    pub period: Option<Period>,
    /// "What did X lead": only rounds the investor led.
    pub lead_only: bool,
    /// An investor the question names that the store does not know ("Did Sequoia invest in X?").
    pub unknown_investor: Option<String>,
    /// "latest", "most recent": only the newest round.
    pub latest: bool,
    /// The question asks about something other than funding (revenue, staff), which fundbot
    /// does not track.
    pub not_a_round: Option<String>,
    /// The kind of value asked for.
    pub want: Option<Want>,
    /// The second part of a two-part question ("how much, and who led it?").
    pub also: Option<(Intent, Option<Want>)>,
    /// "the round before the Series E" (true); "after" (false) is kept for callers that set it.
    pub relative_to: Option<(RoundType, bool)>,
    /// "besides the lead": leave the lead investors out.
    pub exclude_leads: bool,
    /// A kind of round or close the store does not label ("down round", "second close",
    /// "rights issue"): the passage must say it.
    pub round_phrase: Option<String>,
    /// "which new investors": only investors the articles call new.
    pub new_investors: bool,
    /// "this year", "last month": resolved against the newest round on record.
    pub relative_period: Option<&'static str>,
    /// The currency the question wants figures in ("in crore", "in yen").
    pub currency: Option<&'static str>,
    /// "rounds over $100 million": the smallest amount a listed round may have.
    pub min_amount: Option<crate::facts::Money>,
    /// The question asks about a round in talks or planned ("is Acme raising again?",
    /// "who is reportedly leading").
    pub reported: bool,
    /// "per the Northgate Weekly dashboard", "according to Tech Ledger": the outlet the
    /// question names, as typed (without "the", "report", "dashboard").
    pub source: Option<String>,
    /// "is Acme still in debt?": a yes-or-no question about how things stand today, which
    /// articles about past deals cannot settle.
    pub present_state: bool,
    /// Names found in the articles' text rather than the facts store, with how they matched.
    pub entities: Vec<Entity>,
    /// Runs of question words that matched nothing known, longest first: candidates for names
    /// the facts store lacks but the articles may hold.
    #[serde(skip)]
    pub free_phrases: Vec<String>,
    /// The question as read (quotes and apostrophes made plain).
    #[serde(skip)]
    pub question_text: String,
    /// Known companies whose names start with a named one's ("Acme Labs" for "Acme").
    #[serde(skip)]
    pub longer_names: Vec<String>,
}

/// A name in the question, as linked to what the corpus knows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// The name as the articles spell it.
    pub name: String,
    /// What was typed.
    pub typed: String,
    /// "store" (a company or investor in the facts store), "alias", "initials", "corpus" (a
    /// name the articles use) or "context" (the previous question's company).
    pub matched: &'static str,
}

fn re(p: &str) -> Regex {
    crate::util::regex(p).expect("static regex")
}

static PORTFOLIO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?x)\b(?:portfolio|investments\s+(?:of|by)|bets\s+(?:of|by)|invested\s+in\s+what|where\s+(?:did|has|does)\b.+\binvest)\b
       | \b(?:what|which)\b(?:\s+(?:companies|startups|firms|deals|rounds))?\s+(?:did|has|have|does|do)\b.+\b(?:invest(?:ed)?|back(?:ed)?|fund(?:ed)?|lead|led|co-lead|co-led|bet\s+on|put\s+money)\b(?:\s+(?:in|into|on))?\s*(?:[?!.]*\s*$|,)
       | \b(?:which|what)\s+(?:companies|startups|firms|deals|rounds)\s+(?:has|have|did|does)?\s*\b.+?\b(?:invested|backed|funded|led)\b
       | \b(?:which|what)\s+(?:[\w\-]+\s+){0,2}?(?:companies|startups|start-ups|firms)\b.+\b(?:invest|back|fund|lead|led)\w*
       | \bwho\s+(?:did|has|have|does)\s+\S+(?:\s+\S+){0,3}\s+(?:back|backed|fund|funded|invest\s+in|invested\s+in|bet\s+on)\b",
    )
});
static LARGEST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:biggest|largest|top|mega|huge|richest)\b.*\b(?:rounds?|raises?|deals?|fundings?|investments?|financings?)\b",
    )
});
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?x)\b(?:who|which\s+\w+|what\s+\w+)\s+(?:co-?led|led|leads|headed|heads|spearheaded|anchored|was\s+leading|is\s+leading)\b
       | \blead(?:s|ing)?\s+(?:investors?|backers?|vc|firm)\b | \bled\s+by\s+(?:who|whom)\b | \bled\s+by\s*[?.!]*\s*$ | \bwho\s+(?:was|were|is|are)\s+the\s+(?:co-?)?leads?\b
       | \b(?:co-?)?lead\b | \bleader\b | \bwho\s+led\b | \bled\s+it\b | \bwho(?:'s|\s+is|\s+was)\s+(?:co-?)?leading\b | \bco-?led\b",
    )
});
static INVESTORS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?x)\bwho\s+(?:else\s+)?(?:invested|invests|backed|backs|funded|funds|participated|joined|put|chipped|gave|bankrolled|financed)\b
       | \binvestors?\b | \bbackers?\b | \bwho\s+else\b | \bbesides\b | \bparticipants?\b | \bshareholders\b
       | \bput\s+(?:money|cash|capital)\s+in(?:to)?\b
       | \b(?:which|what)\s+(?:\w+\s+)?(?:funds?|firms?|vcs?|investors?)\s+(?:invested|backed|put|joined|participated|came\s+in)\b
       | \bwho\s+(?:is|are|was|were)\s+(?:behind|backing|funding|investing)\b | \bwho\s+(?:has|have)\s+(?:invested|backed)\b
       | \bwho\s+(?:did|does)\s+\S+\s+(?:raise|get)\s+(?:money|funding|capital)?\s*from\b | \bfrom\s+whom\b
              | ^\s*(?:did|has|have|was|were|is)\b.+\b(?:invest|back|fund|participate|lead)
       | \b(?:which|what)\s+(?:angels?|investors?|backers?|firms?|vcs?|funds?|banks?|lenders?)\b",
    )
});
static VALUATION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bvalu(?:ed|ation|ations|e)\b|\bval\b|\bworth\b|\bunicorn\b|\bpre-money\b|\bpost-money\b")
});
static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:in\s+total|total|totals|altogether|so\s+far|to\s+date|overall|cumulative|cumulatively|all\s+time|combined|in\s+all)\b",
    )
});
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bhow\s+(?:much|big|large)\b|\bamount\b|\bsize\b|\bhow\s+many\s+(?:dollars|euros|pounds|million|crore)\b|\bwhat\s+did\s+.+\s+raise\b|\bhow\s+much\b",
    )
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bwhen\b|\bwhat\s+(?:date|year|month|day|time)\b|\bwhich\s+(?:year|month|date|day)\b|\bwhat\s+(?:year|month)\b",
    )
});
static ROUND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:what|which)\s+(?:round|stage|series|(?:kind|type|sort)\s+of\s+(?:round|funding|investment|financing|deal|raise|money))\b|\bwhat\s+(?:round|stage)\b|^\s*\S.*?\s(?:series|stage)\s*\?+\s*$",
    )
});
static HISTORY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:history|rounds|tell\s+me\s+about|funding\s+of|overview|summary|summarize|list|everything|timeline|raised\s+money|fundraising|fund\s*raises|funding)\b",
    )
});
static NOT_ROUND: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:revenue|revenues|profit|profits|employees|headcount|ceo|founders?)\b")
});
/// "per the Tech Ledger dashboard", "according to Tech Ledger": the outlet a question names.
/// "per share" and "according to the articles" name none.
fn named_source(lower: &str) -> Option<String> {
    static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:per|according\s+to|as\s+reported\s+by|reported\s+by)\s+(?:the\s+)?(?P<src>[a-z0-9][\w&.'\-]*(?:\s+[a-z0-9][\w&.'\-]*){0,4})",
        )
    });
    const GENERIC: &[&str] = &[
        "dashboard",
        "report",
        "reports",
        "newsletter",
        "article",
        "articles",
        "data",
        "piece",
        "story",
        "stories",
        "roundup",
        "digest",
        "tracker",
        "database",
        "source",
        "sources",
        "news",
        "coverage",
        "filing",
        "filings",
        "press",
        "release",
        "post",
        "blog",
        "my",
        "your",
        "its",
        "their",
        "them",
        "it",
    ];
    const NOT_SOURCE: &[&str] = &[
        "share", "shares", "ads", "unit", "units", "cent", "annum", "year", "month", "week", "day",
        "head", "person", "employee", "user", "customer", "round", "deal", "investor",
    ];
    let c = SOURCE.captures(lower)?;
    let words: Vec<&str> = c["src"].split_whitespace().collect();
    if words.first().is_some_and(|w| NOT_SOURCE.contains(w)) {
        return None;
    }
    let kept: Vec<&str> = words
        .into_iter()
        .take_while(|w| !GENERIC.contains(w) && !STOP_AFTER_SOURCE.contains(w))
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// Words that end an outlet's name in a question: "per Tech Ledger in March".
const STOP_AFTER_SOURCE: &[&str] = &[
    "in", "on", "for", "about", "of", "and", "or", "was", "is", "were", "did", "does", "who",
    "what", "which", "how", "when", "said", "says", "say",
];

/// "is it still carrying debt?", "does Acme still own 10%?": asks whether something holds now.
static PRESENT_STATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\W*(?:is|are|does|do|has|have|was)\b[^?]*\bstill\b|\b(?:still|currently)\s+(?:carry|carrying|carries|owe|owes|owing|in\s+debt|hold|holds|holding)\b",
    )
});
static STAKE_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bstakes?\b|\bhow\s+much\s+of\b|\bown(?:s|ed)?\b|\bownership\b|\bshareholding\b|\bholding\s+in\b|\bper\s?cent\b|%|\bpercentage\b|\btender\s+offer\b|\bsecondary\s+sale\b",
    )
});
/// "who sold acme shares to harrow", "which funds bought acme's secondary shares": shares changing
/// hands, outside a listing.
static SHARES_DEAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:sold|sells?|selling|bought|buys?|buying|purchased?|acquired)\b[^?]*\bshares\b|\bshares\b[^?]*\b(?:sold|bought|purchased)\b|\bsecondar(?:y|ies)\b",
    )
});
static IPO_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bipo\b|\binitial\s+public\s+offering\b|\b(?:public|share|stock)\s+offering\b|\bgo(?:es|ing)?\s+public\b|\bwent\s+public\b|\blisting\b|\blisted\b|\bto\s+list\b|\blist(?:s|ed)?\s+(?:on|in)\b|\bwhere\b.*\blist\b|\bdebut(?:ed|s)?\b|\bflotation\b|\bper\s+(?:share|ads)\b|\bbookrunners?\b|\bunderwriters?\b|\bspac\b|\bblank[\s\-]check\b|\bstart(?:ed)?\s+trading\b|\bstock\s+exchange\b",
    )
});
static ACQUISITION_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bacquir\w*|\bacquisition\b|\bprice\b|\bdeal\s+(?:size|value)\b|\bbought\b|\bbuy(?:s|ing)?\b|\bpurchas\w*|\bpa(?:y|id|ying|ys)\b|\btake-?over\b|\bmerg(?:er|ing|ed|e)\b|\bsold\s+to\b|\bsell(?:s|ing)?\s+to\b|\b(?:was|were|is|got|get|been)\s+sold\b|\bsold\s+for\b|\bsale\s+price\b",
    )
});
static DEBT_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bdebt\b|\bloans?\b|\bborrow\w*|\blend(?:er|ers|ing|s)?\b|\blent\b|\bcredit\b|\bfacility\b|\bnotes?\b|\bbonds?\b|\bconvertible\b|\bcoupon\b|\binterest\b|\bmaturity\b|\bncds?\b|\bdebentures?\b|\bsecuriti[sz]ed\b",
    )
});
static STATUS_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bclosed\b.*\byet\b|\byet\b.*\bclosed?\b|\brumou?r\b|\bjust\s+(?:a\s+)?(?:report|talk)|\bconfirm(?:ed)?\b.*\bor\b|\bactually\s+closed\b|\bofficial\s+yet\b",
    )
});
static RATE_Q: LazyLock<Regex> =
    LazyLock::new(|| re(r"\binterest\b|\bcoupon\b|\brate\b|\byield\b"));
/// "how oversubscribed was the ipo", "ipo subscription", "how many times was it subscribed".
static SUBSCRIPTION_Q: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:over-?)?subscri(?:bed|ption)\b"));
static PER_SHARE_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bper\s+(?:share|ads)\b|\ba\s+share\b|\bshare\s+price\b|\bprice(?:d)?\b.*\bipo\b|\bipo\b.*\bprice(?:d)?\b|\bpriced?\s+at\b",
    )
});
static WHO_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bwho(?:'s|\s+is|\s+are|\s+was|\s+were)?\b|\bwhom\b|\b(?:which|what)\s+(?:company|companies|firm|firms|bank|banks|lender|lenders|investor|investors|spac|blank[\s\-]check(?:\s+company)?|buyer|acquirer|fund|funds)\b|\bbookrunners?\b|\bunderwriters?\b|\blenders?\b|\bbuyer\b|\bacquirer\b",
    )
});
static WHEN_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bwhen(?:'s)?\b|\bwhat\s+(?:date|day|month|year)\b|\bwhich\s+(?:date|day|month|year)\b|\b(?:supposed|expected|meant|due|set)\s+to\s+close\b|\b(?:listing|ipo|debut|deal|closing|completion|announcement|signing|pricing|trading)\s+date\b|\bdate\s+of\s+(?:the\s+)?(?:listing|ipo|debut|deal|acquisition|sale|closing)\b",
    )
});
static PLACE_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bwhere\b|\b(?:which|what)\s+(?:stock\s+)?(?:exchange|market|bourse|board)\b")
});
static PERCENT_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bwhat\s+(?:stake|%|percent|percentage|share)\b|\bhow\s+(?:big|large|much)\s+(?:a|of\s+a|was\s+the|is\s+the)?\s*stake\b|\bhow\s+much\s+of\b|%|\bper\s?cent\b|\bpercentage\b|\bstake\b.*\bhow\s+big\b|\bwhat\b.*\bbuy\s+in\b",
    )
});
static MONEY_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bhow\s+much\b|\bhow\s+big\b|\bprice\b|\bpa(?:y|id|ying)\b|\bsize\b|\bamount\b|\bproceeds\b|\braise[ds]?\b|\bcost\b|\bworth\s+of\b|\bdeal\s+value\b|\bfor\s+how\s+much\b",
    )
});
/// The currency a question asks for figures in: "in cr", "in yen", "in naira terms".
fn question_currency(lower: &str) -> Option<&'static str> {
    static CURRENCY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:in|into)\s+(?:the\s+)?(?P<c>crores?|cr|rupees|inr|rs|yen|jpy|won|krw|naira|ngn|dirhams?|aed|yuan|rmb|cny|euros?|eur|pounds?|sterling|gbp|rand|zar|riyals?|sar|reais|real|brl|shekels?|nis|ils|dollars?|usd|usd?\s+terms)\b|\b(?P<c2>won|yen|naira|usd|crore|dirhams?)\s+(?:and|terms|pls|please)\b",
        )
    });
    let c = CURRENCY.captures(lower)?;
    let word = c.name("c").or_else(|| c.name("c2"))?.as_str();
    Some(match word.trim_end_matches('s') {
        "crore" | "cr" | "rupee" | "inr" | "r" => "INR",
        "yen" | "jpy" => "JPY",
        "won" | "krw" => "KRW",
        "naira" | "ngn" => "NGN",
        "dirham" | "aed" => "AED",
        "yuan" | "rmb" | "cny" => "CNY",
        "euro" | "eur" => "EUR",
        "pound" | "sterling" | "gbp" => "GBP",
        "rand" | "zar" => "ZAR",
        "riyal" | "sar" => "SAR",
        "reai" | "real" | "brl" => "BRL",
        "shekel" | "ni" | "il" => "ILS",
        _ => "USD",
    })
}

/// Kinds of rounds and closes the facts do not label.
static ROUND_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:down|flat|up)\s+round\b|\b(?:first|second|third|final|1st|2nd|3rd)\s+close\b|\brights\s+issue\b|\bdown-round\b",
    )
});
/// "which new investor came in".
static NEW_INVESTORS: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bnew\s+(?:investors?|backers?|shareholders?|names?)\b"));

/// "who sold", "who was the seller".
static SELLER_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bwho\s+(?:sold|is\s+selling|was\s+selling|sells|exited|offloaded)\b|\bsellers?\b|\bwho\s+did\b.*\bbuy\s+from\b|\bfrom\s+whom\b",
    )
});

/// A round in talks or planned.
static REPORTED_Q: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:trying\s+to|seeking|looking\s+to|plans?\s+to|planning\s+to|in\s+talks|reportedly|raising\s+again|(?:is|are)\s+raising|next\s+round|rumou?red)\b",
    )
});
/// "market cap at listing".
static MARKET_VALUE: LazyLock<Regex> = LazyLock::new(|| re(r"\bmarket\s+(?:cap\w*|value)\b"));

/// "how much had X raised before ...": money raised up to a point, a total.
static RAISED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bhad\b.*\braised\b|\braised\b.*\b(?:before|prior\s+to)\b"));
static EXCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:besides|except|excluding|apart\s+from|other\s+than|aside\s+from|beyond|in\s+addition\s+to|along\s+with|alongside|apart|bar)\s+",
    )
});
static SERIES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)\bpre[\s\-]?series[\s\-]*(?P<p>[a-j])\b
       | \bseries[\s\-]*(?P<s>[a-j])(?:[\s\-]?\d)?\b
       | \b(?P<l>[b-j])[\s\-]round\b
       | \bround[\s\-](?P<r>[a-j])\b
       | \b(?P<preseed>pre[\s\-]?seed)\b
       | \b(?P<seed>seed)\b
       | \b(?P<angel>angel)\b
       | \b(?P<ext>bridge|extension)\b
       | \b(?P<growth>growth)\s+(?:round|equity|funding)\b
       | \b(?P<debt>debt|venture\s+debt|credit\s+facility|loan)\b
       | \b(?P<conv>convertible(?:\s+notes?)?)\b
       | \b(?P<grant>grants?)\b
       | \b(?P<pe>private\s+equity)\b")
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:19|20)\d\d\b"));
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b",
    )
});
static PRONOUN_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:its|it|they|their|them|the\s+company|this\s+company|that\s+company|the\s+startup)\b|^\s*and\b",
    )
});

/// Words that never name a company or investor in a question.
const STOPWORDS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "what",
    "whats",
    "what's",
    "when",
    "where",
    "which",
    "why",
    "how",
    "much",
    "many",
    "did",
    "does",
    "do",
    "done",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "the",
    "a",
    "an",
    "in",
    "of",
    "for",
    "to",
    "on",
    "at",
    "by",
    "from",
    "into",
    "with",
    "about",
    "as",
    "led",
    "lead",
    "leads",
    "leading",
    "co-led",
    "colead",
    "co-lead",
    "leader",
    "invest",
    "invested",
    "invests",
    "investing",
    "investment",
    "investments",
    "investor",
    "investors",
    "raise",
    "raised",
    "raises",
    "raising",
    "round",
    "rounds",
    "funding",
    "fundings",
    "funded",
    "fund",
    "funds",
    "fundraise",
    "fundraising",
    "series",
    "valuation",
    "valuations",
    "valued",
    "value",
    "worth",
    "total",
    "totals",
    "besides",
    "else",
    "other",
    "others",
    "and",
    "or",
    "its",
    "it",
    "it's",
    "their",
    "they",
    "them",
    "back",
    "backed",
    "backer",
    "backers",
    "backing",
    "participate",
    "participated",
    "participants",
    "company",
    "companies",
    "startup",
    "startups",
    "firm",
    "money",
    "get",
    "got",
    "gets",
    "has",
    "have",
    "had",
    "tell",
    "me",
    "us",
    "about",
    "show",
    "list",
    "give",
    "latest",
    "last",
    "first",
    "recent",
    "recently",
    "most",
    "biggest",
    "largest",
    "top",
    "year",
    "years",
    "month",
    "months",
    "date",
    "stage",
    "type",
    "kind",
    "please",
    "pls",
    "thanks",
    "thank",
    "you",
    "anyone",
    "know",
    "anybody",
    "hey",
    "hi",
    "hello",
    "bot",
    "fundbot",
    "so",
    "far",
    "date",
    "overall",
    "altogether",
    "all",
    "time",
    "combined",
    "now",
    "currently",
    "current",
    "ago",
    "that",
    "this",
    "these",
    "those",
    "there",
    "any",
    "some",
    "can",
    "could",
    "would",
    "should",
    "will",
    "i",
    "we",
    "my",
    "our",
    "your",
    "size",
    "amount",
    "big",
    "large",
    "big",
    "history",
    "summary",
    "overview",
    "everything",
    "timeline",
    "capital",
    "cash",
    "dollars",
    "million",
    "billion",
    "seed",
    "pre-seed",
    "preseed",
    "angel",
    "bridge",
    "extension",
    "growth",
    "debt",
    "loan",
    "grant",
    "grants",
    "convertible",
    "note",
    "notes",
    "equity",
    "private",
    "venture",
    "vc",
    "vcs",
    "deal",
    "deals",
    "unicorn",
    "portfolio",
    "bets",
    "put",
    "behind",
    "joined",
    "gave",
    "exactly",
    "roughly",
    "approximately",
    "just",
    "only",
    "also",
    "too",
    "again",
    "new",
    "next",
    "previous",
    "prior",
    "before",
    "after",
    "during",
    "since",
    "until",
    "between",
    "besides",
    "except",
    "excluding",
    "apart",
    "aside",
    "beyond",
    "addition",
    "along",
    "alongside",
    "than",
    "not",
    "no",
    "yes",
    "if",
    "then",
    "was",
    "whom",
    "headed",
    "spearheaded",
    "anchored",
    "participation",
    "shareholders",
    "financed",
    "financing",
    "bankrolled",
    "chipped",
    "valuing",
    "priced",
    "price",
    "mega",
    "huge",
    "richest",
    "happen",
    "happened",
    "announce",
    "announced",
    "close",
    "closed",
    "secure",
    "secured",
    "latest",
    "earlier",
    "later",
    "level",
    "post-money",
    "pre-money",
    "post",
    "pre",
    "times",
    "ever",
    "inc",
    "ltd",
    "preipo",
    "pre-ipo",
    "pay",
    "paid",
    "paying",
    "pays",
    "buy",
    "buys",
    "buying",
    "bought",
    "acquire",
    "acquired",
    "acquires",
    "acquiring",
    "acquisition",
    "purchase",
    "purchased",
    "sell",
    "sold",
    "selling",
    "sale",
    "merge",
    "merging",
    "merger",
    "takeover",
    "ipo",
    "listing",
    "listed",
    "public",
    "trading",
    "trade",
    "start",
    "started",
    "shares",
    "share",
    "stake",
    "own",
    "owns",
    "ownership",
    "percent",
    "percentage",
    "borrow",
    "borrowed",
    "lend",
    "lent",
    "lender",
    "lenders",
    "loans",
    "credit",
    "facility",
    "revolving",
    "bonds",
    "bond",
    "interest",
    "rate",
    "coupon",
    "maturity",
    "proceeds",
    "offering",
    "bookrunners",
    "underwriters",
    "spac",
    "blank",
    "check",
    "report",
    "reported",
    "reportedly",
    "reports",
    "said",
    "says",
    "rumor",
    "rumour",
    "talks",
    "seeking",
    "putting",
    "target",
    "supposed",
    "expected",
    "meant",
    "really",
    "actually",
    "yet",
    "still",
    "cost",
    "terms",
    "provided",
    "provide",
    "split",
    "including",
    "going",
    "articles",
    "article",
    "sources",
    "set",
    "per",
    "mil",
    "mn",
    "bn",
    "crore",
    "cr",
    "end",
    "up",
    "getting",
    "number",
    "securitised",
    "securitized",
    "brand",
    "looking",
    "officially",
    "differ",
    "different",
    "numbers",
    "seeing",
];

/// A word of a question that never names anything ("the", "its", "stake", "much").
pub(crate) fn is_stopword(word: &str) -> bool {
    static SET: LazyLock<std::collections::HashSet<&'static str>> =
        LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(word)
}

/// A word of the question with its place.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    lower: String,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word> {
    static WORD: LazyLock<Regex> = LazyLock::new(|| re(r"[\p{L}\p{N}][\p{L}\p{N}.&'\-]*"));
    WORD.find_iter(text)
        .map(|m| {
            let mut t = m.as_str().trim_end_matches(['.', '-', '\'']);
            for suffix in ["'s", "'"] {
                t = t.strip_suffix(suffix).unwrap_or(t);
            }
            Word {
                text: t.to_string(),
                lower: t.to_lowercase(),
                start: m.start(),
                end: m.start() + t.len(),
            }
        })
        .filter(|w| !w.text.is_empty())
        .collect()
}

/// "the acme-bigco deal": two known names joined by a hyphen are two words, when the whole is
/// no one's name. "Rolls-Royce" stays one, and so does "Kiro-Tessel" beside a known "Tessel".
fn split_joined_names(words: Vec<Word>, names: &NameIndex) -> Vec<Word> {
    let known = |t: &str| names.company_exact(t).is_some() || names.investor_exact(t).is_some();
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let parts: Vec<(usize, &str)> = w
            .text
            .split('-')
            .scan(0usize, |at, part| {
                let start = *at;
                *at += part.len() + 1;
                Some((start, part))
            })
            .collect();
        if parts.len() < 2
            || parts.iter().any(|(_, p)| p.len() < 2)
            || known(&w.text)
            || !parts.iter().all(|(_, p)| known(p))
        {
            out.push(w);
            continue;
        }
        for (at, part) in parts {
            out.push(Word {
                text: part.to_string(),
                lower: part.to_lowercase(),
                start: w.start + at,
                end: w.start + at + part.len(),
            });
        }
    }
    out
}

/// "over $100 million", "at least €50m", "$1 billion or more": a lower bound on amounts, with
/// the byte range of its words.
fn min_amount(text: &str) -> Option<(crate::facts::Money, usize, usize)> {
    static BEFORE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:larger|bigger|greater)\s+than\s*$"));
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^\s*(?:\+|or\s+(?:more|above|larger|bigger|higher)\b|and\s+(?:above|up)\b)")
    });
    crate::facts::money::find_amounts(text)
        .into_iter()
        .find_map(|m| {
            let before = BEFORE.find(&text[..m.start]).map(|b| b.start());
            let after = AFTER.find(&text[m.end..]).map(|a| m.end + a.end());
            (m.qualifier == crate::facts::Qualifier::MoreThan
                || before.is_some()
                || after.is_some())
            .then(|| (m.money, before.unwrap_or(m.start), after.unwrap_or(m.end)))
        })
}

/// The conversation so far, for follow-ups ("and its Series B?").
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The company of the previous answer.
    pub last_company: Option<String>,
}

/// Reads a question.
pub fn understand(question: &str, names: &NameIndex, context: &Context) -> Understood {
    let text: String = question
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' | '´' => '\'',
            '“' | '”' => '"',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let lower = fix_intent_typos(&text.to_lowercase(), names)
        .replace("pre-ipo", "preipo")
        .replace("pre ipo", "preipo");
    let mut u = Understood {
        intent: Intent::Unknown,
        company: None,
        company_id: None,
        company_match: None,
        unknown_name: None,
        close_companies: Vec::new(),
        investor: None,
        investor_id: None,
        exclude: None,
        round: None,
        period: None,
        lead_only: false,
        latest: false,
        unknown_investor: None,
        not_a_round: NOT_ROUND.find(&lower).map(|m| m.as_str().to_string()),
        present_state: PRESENT_STATE.is_match(&lower),
        source: named_source(&lower),
        want: None,
        also: None,
        relative_to: None,
        exclude_leads: false,
        currency: question_currency(&text.to_lowercase()),
        min_amount: None,
        relative_period: {
            static RELATIVE: LazyLock<Regex> =
                LazyLock::new(|| re(r"\b(?:this|last|past)\s+(?:year|month)\b"));
            RELATIVE
                .find(&text.to_lowercase())
                .map(|m| match m.as_str() {
                    s if s.starts_with("this") && s.ends_with("year") => "this year",
                    s if s.ends_with("year") => "last year",
                    s if s.starts_with("this") => "this month",
                    _ => "last month",
                })
        },
        round_phrase: ROUND_PHRASE.find(&text.to_lowercase()).map(|m| {
            m.as_str()
                .replace("2nd", "second")
                .replace("1st", "first")
                .replace("3rd", "third")
        }),
        new_investors: NEW_INVESTORS.is_match(&text.to_lowercase()),
        reported: false,
        entities: Vec::new(),
        free_phrases: Vec::new(),
        question_text: text.clone(),
        longer_names: Vec::new(),
    };

    // Round, period and amount words are set aside before names are looked for.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    if let Some((money, start, end)) = min_amount(&lower) {
        u.min_amount = Some(money);
        taken.push((start, end));
    }
    if let Some(c) = SERIES.captures(&lower) {
        let m = c.get(0).expect("match");
        taken.push((m.start(), m.end()));
        let letter = |name: &str| c.name(name).map(|l| l.as_str().as_bytes()[0] - b'a');
        u.round = if let Some(p) = letter("p") {
            Some(RoundType::PreSeries(p))
        } else if let Some(n) = letter("s").or_else(|| letter("l")).or_else(|| letter("r")) {
            Some(RoundType::Series(n))
        } else if c.name("preseed").is_some() {
            Some(RoundType::PreSeed)
        } else if c.name("seed").is_some() {
            Some(RoundType::Seed)
        } else if c.name("angel").is_some() {
            Some(RoundType::Angel)
        } else if c.name("ext").is_some() {
            Some(RoundType::Extension)
        } else if c.name("growth").is_some() {
            Some(RoundType::Growth)
        } else if c.name("debt").is_some() {
            Some(RoundType::Debt)
        } else if c.name("conv").is_some() {
            Some(RoundType::ConvertibleNote)
        } else if c.name("grant").is_some() {
            Some(RoundType::Grant)
        } else {
            Some(RoundType::PrivateEquity)
        };
    }
    // "its Series A extension": the extension is the round asked about. "The Series C once you
    // add the top-up" asks about the whole of the Series C.
    if u.round.is_some() {
        static EXTENSION: LazyLock<Regex> =
            LazyLock::new(|| re(r"\b(?:extension|bridge|top-?up)\b"));
        static ADDED: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"\b(?:add|adding|added|include|including|included|counting|plus|with)\s+(?:[\w'’\-]+\s+){0,3}(?:extension|bridge|top-?up)\b",
            )
        });
        if let Some(m) = EXTENSION.find(&lower).filter(|_| !ADDED.is_match(&lower)) {
            u.round = Some(RoundType::Extension);
            taken.push((m.start(), m.end()));
        }
    }
    u.period = period(&lower, &mut taken);
    static LATEST: LazyLock<Regex> = LazyLock::new(|| {
        re(r"\b(?:latest|most\s+recent|newest|last|recent|now|currently|current|today)\b")
    });
    u.latest =
        LATEST.is_match(&lower) && !lower.contains("last year") && !lower.contains("last month");

    u.intent = intent_of(&lower, &mut u.lead_only);

    u.want = want(&lower, u.intent);
    u.also = second_part(&lower, u.intent, u.want);
    // "how much is Acme raising", "is Acme raising more money?": money still being gathered,
    // unless it is a listing's. ("is Acme raising a Series A" may ask about one it closed.)
    static RAISING_NOW: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\bhow\s+much\s+(?:is|are)\s+(?:[\w.'’\-]+\s+){1,4}?raising\b|^\s*(?:is|are)\s+(?:[\w.'’\-]+\s+){1,4}?raising(?:\s+(?:more\s+|new\s+|fresh\s+)?(?:money|funds|funding|capital|cash))?(?:\s+(?:again|now|right\s+now))?\s*\??\s*$",
        )
    });
    u.reported =
        REPORTED_Q.is_match(&lower) || (RAISING_NOW.is_match(&lower) && !u.intent.is_event());
    // A debt question's "loan" or "notes" names the event, not a round to filter by; nor does
    // "total funding including debt" ask for a total of debt rounds.
    static WITH_DEBT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:includ\w*|with|plus|counting|and)\s+(?:the\s+|its\s+|all\s+)?(?:venture\s+)?(?:debt|loans?|credit)",
        )
    });
    if matches!(u.round, Some(RoundType::Debt | RoundType::ConvertibleNote))
        && (u.intent.is_event() || u.intent == Intent::Total && WITH_DEBT.is_match(&lower))
    {
        u.round = None;
    }

    // "besides Alibaba": an investor to leave out.
    if let Some(m) = EXCLUDE.find(&lower) {
        let after: Vec<Word> = words(&text[m.end()..]).into_iter().take(4).collect();
        for n in (1..=after.len()).rev() {
            let phrase = after[..n]
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(f) = names
                .investor_exact(&phrase)
                .or_else(|| names.company_exact(&phrase))
            {
                u.exclude = Some(f.name);
                taken.push((m.end() + after[0].start, m.end() + after[n - 1].end));
                break;
            }
        }
    }

    // Names. First the longest exact spelling anywhere in the question (a name may hold common
    // words: "Harborline Capital", "Moss & Mortar"), then runs of the remaining free words.
    let all_words = split_joined_names(words(&text), names);
    let is_taken = |w: &Word| taken.iter().any(|&(s, e)| w.start < e && w.end > s);
    let wants_investor = u.intent == Intent::Portfolio;
    let mut company: Option<(Found, MatchKind)> = None;
    let mut investor: Option<Found> = None;
    let mut used = vec![false; all_words.len()];
    for n in (1..=all_words.len().min(6)).rev() {
        for start in 0..=all_words.len() - n {
            let slice = &all_words[start..start + n];
            if used[start..start + n].iter().any(|u| *u)
                || slice.iter().any(is_taken)
                || slice.iter().all(|w| is_stopword(&w.lower))
                || !slice.windows(2).all(|p| adjacent(&text, &p[0], &p[1]))
            {
                continue;
            }
            let phrase = text[slice[0].start..slice[n - 1].end].to_string();
            // "driftlines series a": a possessive written without its apostrophe.
            let stem = phrase
                .strip_suffix('s')
                .filter(|p| p.len() >= 4)
                .map(str::to_string);
            let lookup = |f: &dyn Fn(&str) -> Option<Found>| {
                f(&phrase).or_else(|| stem.as_deref().and_then(f))
            };
            // "quarrow" for "Hangzhou Quarrow Intelligent Technology Co" counts as an exact
            // spelling, so a stray investor of that name does not take it.
            // Only a whole run of free words: "forge" of "delta forge" is no one's name.
            let free_next = |i: usize, j: usize| {
                !is_stopword(&all_words[j].lower)
                    && adjacent(&text, &all_words[i.min(j)], &all_words[i.max(j)])
            };
            let joined_before = start > 0 && free_next(start, start - 1);
            let joined_after = start + n < all_words.len() && free_next(start + n - 1, start + n);
            let whole_run = !(joined_before || joined_after);
            let as_company = lookup(&|p| names.company_exact(p)).or_else(|| {
                (!wants_investor && whole_run && !slice.iter().any(|w| is_stopword(&w.lower)))
                    .then(|| names.company_word(&phrase))
                    .flatten()
            });
            let as_investor = lookup(&|p| names.investor_exact(p));
            let pick_investor = (wants_investor || as_company.is_none())
                && as_investor.is_some()
                && investor.is_none();
            if pick_investor {
                investor = as_investor;
            } else if let Some(f) = as_company.filter(|_| company.is_none()) {
                company = Some((f, MatchKind::Exact));
            } else if let Some(f) = as_investor.filter(|_| investor.is_none() && company.is_some())
            {
                investor = Some(f);
            } else {
                continue;
            }
            used[start..start + n].iter_mut().for_each(|u| *u = true);
        }
    }
    // "Ambit Notes", "Larkspur Pay": words of a known name say nothing about the intent.
    if u.intent.is_event() && used.iter().any(|u| *u) {
        let mut blanked = text.clone();
        for (i, w) in all_words.iter().enumerate() {
            if used[i] {
                blanked.replace_range(w.start..w.end, &" ".repeat(w.end - w.start));
            }
        }
        let lower2 = fix_intent_typos(&blanked.to_lowercase(), names)
            .replace("pre-ipo", "preipo")
            .replace("pre ipo", "preipo");
        u.intent = intent_of(&lower2, &mut u.lead_only);
        u.want = want(&lower2, u.intent);
        u.also = second_part(&lower2, u.intent, u.want);
    }
    let free: Vec<&Word> = all_words
        .iter()
        .enumerate()
        .filter(|(i, w)| !used[*i] && !is_stopword(&w.lower) && !is_taken(w))
        .filter(|(_, w)| !(w.lower.len() == 1 && w.lower.chars().all(|c| c.is_ascii_alphabetic())))
        .map(|(_, w)| w)
        .collect();
    let mut runs: Vec<Vec<&Word>> = Vec::new();
    for w in free {
        match runs.last_mut() {
            Some(run) if adjacent(&text, run.last().expect("non-empty"), w) => run.push(w),
            _ => runs.push(vec![w]),
        }
    }
    let unmatched: Vec<String> = runs
        .iter()
        .map(|run| {
            run.iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    // "sorrel dental" for "Sorrel Dental Partners": the start of exactly one company's name.
    // "how much is corvel trying to raise": the run's first words may be the name, the rest verbs.
    if company.is_none() {
        'runs: for name in &unmatched {
            let words: Vec<&str> = name.split_whitespace().collect();
            for n in (1..=words.len()).rev() {
                if let Some(f) = names.company_prefix(&words[..n].join(" ")) {
                    company = Some((f, MatchKind::Exact));
                    break 'runs;
                }
            }
        }
    }
    // "quarrow" for "Hangzhou Quarrow Intelligent Technology Co": a distinctive word of exactly one
    // company's name.
    if company.is_none() && !wants_investor {
        for name in &unmatched {
            if let Some(f) = names.company_word(name) {
                company = Some((f, MatchKind::Exact));
                break;
            }
        }
    }
    // Initials that fit several companies ("HF"): ask which one, never pick.
    if company.is_none() {
        for name in &unmatched {
            let several = names.initials_of(name);
            if several.len() > 1 {
                u.close_companies = several.iter().map(|(_, n)| n.clone()).collect();
            }
        }
    }
    // Typos: only when a single company is that close.
    if company.is_none() && u.close_companies.is_empty() {
        for name in &unmatched {
            let close = names.close(name, true);
            let unique =
                close.len() == 1 || close.len() > 1 && close[0].distance < close[1].distance;
            if unique && crate::facts::names::acceptable_typo(name, &close[0].name) {
                company = Some((close[0].clone(), MatchKind::Typo));
                break;
            }
            u.close_companies
                .extend(close.into_iter().map(|f| f.name).take(5));
        }
        if company.is_some() {
            u.close_companies.clear();
        }
    }
    if investor.is_none() && wants_investor {
        for name in &unmatched {
            let close = names.close(name, false);
            if close.len() == 1 && crate::facts::names::acceptable_typo(name, &close[0].name) {
                investor = Some(close[0].clone());
                break;
            }
        }
    }
    if company.is_none() && investor.is_none() {
        if let Some(last) = &context.last_company {
            if PRONOUN_ONLY.is_match(&lower) || unmatched.is_empty() {
                if let Some(f) = names.company_exact(last) {
                    company = Some((f, MatchKind::Context));
                }
            }
        }
    }
    // Words that matched the company by prefix or typo are the company, not free words.
    u.free_phrases = unmatched
        .iter()
        .filter(|p| {
            company.as_ref().is_none_or(|(f, _)| {
                !crate::facts::names::is_word_prefix(p, &f.name)
                    && !crate::facts::names::acceptable_typo(p, &f.name)
            })
        })
        .cloned()
        .collect();
    let first_unmatched = unmatched
        .into_iter()
        .find(|n| n.chars().any(char::is_alphabetic));
    if let Some((f, kind)) = company {
        u.company = Some(f.name);
        u.company_id = Some(f.id);
        u.company_match = Some(kind);
        // "Did Sequoia invest in SenseTime?": an unknown investor named beside the company.
        static YES_NO: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"^\s*(?:did|has|have|does|do|is|was|were)\b.*\b(?:invest|back|fund|lead|led|participat|put)",
            )
        });
        if investor.is_none() && YES_NO.is_match(&lower) {
            u.unknown_investor = first_unmatched;
        }
    } else {
        u.unknown_name = first_unmatched;
    }
    if let Some(f) = investor {
        u.investor = Some(f.name);
        u.investor_id = Some(f.id);
    }
    // "acme?" or "tell me about acme": its history. Words we could not read are a question we
    // did not understand, not a request for everything.
    if u.intent == Intent::Unknown
        && u.company.is_some()
        && (u.free_phrases.is_empty() || u.round.is_some())
        && !NOT_TRACKED.is_match(&lower)
        && !SHARE_MOVE.is_match(&lower)
        && !lower.contains("how many")
    {
        u.intent = Intent::History;
    }
    // "the round before the Series E": the round asked about is the one before.
    static RELATIVE_ROUND: LazyLock<Regex> =
        LazyLock::new(|| re(r"\b(?:before|prior\s+to|preceding)\s+(?:the\s+|its\s+|their\s+)?$"));
    if let (Some(r), Some(m)) = (u.round, SERIES.find(&lower)) {
        if RELATIVE_ROUND.is_match(&lower[..m.start()]) {
            u.round = None;
            u.relative_to = Some((r, true));
        }
    }
    // "who else was in besides the lead": the other investors.
    static BESIDES_LEAD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:besides|other\s+than|apart\s+from|except|excluding|aside\s+from|beyond)\s+(?:the\s+)?(?:co-?)?leads?(?:\s+investors?)?\b",
        )
    });
    if BESIDES_LEAD.is_match(&lower) && matches!(u.intent, Intent::Lead | Intent::Investors) {
        u.intent = Intent::Investors;
        u.exclude_leads = true;
    }
    u
}

/// "who invested in acme's round? was there a lead?": the backers first, then the lead (the
/// second part of the question).
static INVESTORS_THEN_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bwho\s+(?:else\s+)?(?:invested|backed|funded|participated|joined|put\s+money)\b.*(?:\?|\band\b|,)\s*(?:(?:was|were|is)\s+there\s+(?:a\s+|any\s+)?(?:co-?)?leads?|(?:who|which\s+\w+)\s+(?:co-?)?led(?:\s+it)?)\b",
    )
});

/// People and figures the facts do not hold: advisers, lawyers, executives, revenue. A question
/// about them is not a question about the company's rounds.
static NOT_TRACKED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:advis(?:e|es|ed|ing|ers?|ors?|ory)|counsel|law\s+firms?|lawyers?|attorneys?|(?:investment\s+)?bankers?|ceo|cfo|chief\s+(?:executive|financial)|revenues?|sales|profits?|earnings|employees|headcount|staff)\b",
    )
});

/// "how much did acme jump on debut": a move in the share price, which no article's facts
/// hold; not the listing's proceeds.
static SHARE_MOVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:jump(?:ed|s)?|surge[ds]?|soar(?:ed|s)?|rise|rises|rose|gain(?:ed|s)?|fall|falls|fell|drop(?:ped|s)?|pop(?:ped|s)?|climb(?:ed|s)?|slump(?:ed|s)?|plunge[ds]?|tank(?:ed|s)?)\b",
    )
});

/// What a question asks, from its words.
fn intent_of(lower: &str, lead_only: &mut bool) -> Intent {
    static LARGEST_INVESTOR: LazyLock<Regex> = LazyLock::new(|| {
        re(r"\b(?:biggest|largest|top|main)\s+(?:investors?|backers?|shareholders?)\b")
    });
    // "how many shares do holders get": a count of shares, which the facts do not hold.
    static SHARE_COUNT: LazyLock<Regex> =
        LazyLock::new(|| re(r"\bhow\s+many\s+(?:\w+\s+){0,2}?(?:shares|stocks|units)\b"));
    // "when did acme try to ipo before": an earlier, failed attempt, which the facts do not
    // hold; not the listing the articles report.
    static EARLIER_ATTEMPT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:try|tried|trying|attempt\w*)\b.*\b(?:ipo|list|listing|go\s+public)\b.*\b(?:before|previously|earlier|first)\b|\b(?:previous|earlier|first|failed)\s+(?:ipo|listing)\s+attempt",
        )
    });
    let share_move = SHARE_MOVE.is_match(lower)
        && !lower.contains("raise")
        && !lower.contains("proceeds")
        && !lower.contains("price")
        && !VALUATION.is_match(lower);
    if SHARE_COUNT.is_match(lower) || EARLIER_ATTEMPT.is_match(lower) || share_move {
        Intent::Unknown
    } else if let Some(event) = event_intent(lower) {
        event
    } else if PORTFOLIO.is_match(lower) {
        static LED: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:lead|led|co-lead|co-led)\b"));
        *lead_only = LED.is_match(lower) && !lower.contains("invest");
        Intent::Portfolio
    } else if LARGEST.is_match(lower) && !LARGEST_INVESTOR.is_match(lower) {
        Intent::Largest
    } else if LEAD.is_match(lower)
        && !VALUATION.is_match(lower)
        && !INVESTORS_THEN_LEAD.is_match(lower)
    {
        Intent::Lead
    } else if INVESTORS.is_match(lower) {
        Intent::Investors
    } else if VALUATION.is_match(lower) {
        Intent::Valuation
    } else if TOTAL.is_match(lower)
        && (AMOUNT.is_match(lower) || FUNDING_WORDS.iter().any(|w| lower.contains(w)))
    {
        Intent::Total
    } else if AMOUNT.is_match(lower) {
        Intent::Amount
    } else if DATE.is_match(lower) {
        Intent::Date
    } else if ROUND.is_match(lower) {
        Intent::Round
    } else if NOT_TRACKED.is_match(lower) {
        // "who's advising acme on the raise": a role the facts do not hold, not its history.
        Intent::Unknown
    } else if HISTORY.is_match(lower) || lower.contains("raise") {
        Intent::History
    } else {
        Intent::Unknown
    }
}

/// Words that make "total" a question about money raised: "acme's fund total?", "total
/// investment in acme".
const FUNDING_WORDS: &[&str] = &["raise", "fund", "money", "capital", "invest", "financ"];

/// Questions about events other than a funding round, and about totals phrased as "had raised
/// before": the intent their words give, or `None` for the usual round questions.
fn event_intent(lower: &str) -> Option<Intent> {
    if RAISED_BEFORE.is_match(lower) {
        return Some(Intent::Total);
    }
    let funding_words = FUNDING_WORDS.iter().any(|w| lower.contains(w));
    if TOTAL.is_match(lower) && funding_words || PORTFOLIO.is_match(lower) {
        return None;
    }
    static DEBT_NOUN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\bdebt\b|\bloans?\b|\bborrow\w*|\blend\w*|\blent\b|\bcredit\b|\bfacility\b|\bbonds?\b|\binterest\b|\bcoupon\b|\bncds?\b|\bdebentures?\b|\bsecuriti[sz]ed\b",
        )
    });
    static DEAL_CLOSE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\bdeal\b.*\b(?:supposed|expected|meant|due|set|going)\s+to\s+(?:close|complete)\b|\bwhen\b.*\bdeal\b.*\bclos(?:e|ing)\b",
        )
    });
    // "when was the fernway-lumenpath deal announced": a deal between companies, not a round.
    static DEAL_WHEN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\bwhen\b.*\b(?:deal|merger|takeover|buyout|tie-?up)\b.*\b(?:announced|agreed|signed|struck|unveiled)\b",
        )
    });
    if STATUS_Q.is_match(lower) {
        Some(Intent::Status)
    } else if DEAL_CLOSE.is_match(lower)
        || DEAL_WHEN.is_match(lower) && !funding_words && !SERIES.is_match(lower)
    {
        Some(Intent::Acquisition)
    } else if lower.contains("how much of") && DEBT_NOUN.is_match(lower) {
        // "how much of acme's round was debt": the debt part of a round, not a stake.
        Some(Intent::Debt)
    } else if STAKE_Q.is_match(lower) || SHARES_DEAL.is_match(lower) && !IPO_Q.is_match(lower) {
        Some(Intent::Stake)
    } else if IPO_Q.is_match(lower) {
        Some(Intent::Ipo)
    } else if DEBT_NOUN.is_match(lower) {
        Some(Intent::Debt)
    } else if ACQUISITION_Q.is_match(lower) {
        Some(Intent::Acquisition)
    } else if DEBT_Q.is_match(lower) {
        Some(Intent::Debt)
    } else {
        None
    }
}

/// The kind of value an event question asks for.
fn want(lower: &str, intent: Intent) -> Option<Want> {
    let money = || MONEY_Q.is_match(lower) && !lower.contains("how much of");
    Some(match intent {
        Intent::Status => Want::Status,
        Intent::Stake | Intent::Acquisition
            if VALUATION.is_match(lower) && !MONEY_Q.is_match(lower) =>
        {
            Want::Valuation
        }
        Intent::Stake | Intent::Acquisition if SELLER_Q.is_match(lower) => Want::Seller,
        Intent::Stake if WHO_Q.is_match(lower) => Want::Who,
        Intent::Stake if PERCENT_Q.is_match(lower) && !money() => Want::Percent,
        Intent::Stake if money() => Want::Money,
        Intent::Stake => Want::Percent,
        _ if intent.is_event() && WHEN_Q.is_match(lower) => Want::When,
        Intent::Ipo if SUBSCRIPTION_Q.is_match(lower) => Want::Subscription,
        Intent::Ipo if PLACE_Q.is_match(lower) => Want::Place,
        Intent::Ipo if WHO_Q.is_match(lower) => Want::Who,
        // "acme's valuation at the ipo price": the valuation, not the price.
        Intent::Ipo if VALUATION.is_match(lower) && !lower.contains("per share") => Want::Valuation,
        Intent::Ipo if PER_SHARE_Q.is_match(lower) => Want::PerShare,
        Intent::Ipo if MARKET_VALUE.is_match(lower) => Want::Valuation,
        Intent::Ipo => Want::Money,
        Intent::Acquisition if money() => Want::Money,
        Intent::Acquisition => Want::Who,
        Intent::Debt if RATE_Q.is_match(lower) => Want::Rate,
        Intent::Debt if VALUATION.is_match(lower) => Want::Valuation,
        Intent::Debt if WHO_Q.is_match(lower) || lower.contains("from whom") => Want::Who,
        Intent::Debt => Want::Money,
        _ => return None,
    })
}

/// The second part of a two-part question, when its words ask for another kind of value:
/// "who is buying X and for how much", "how much did X raise, and at what valuation?".
fn second_part(lower: &str, intent: Intent, want: Option<Want>) -> Option<(Intent, Option<Want>)> {
    static JOINED: LazyLock<Regex> =
        LazyLock::new(|| re(r"\band\b|,|\+|&|\bplus\b|\?.+\?|\bwho\b.*\bhow\s+much\b"));
    if !JOINED.is_match(lower) {
        return None;
    }
    let money = MONEY_Q.is_match(lower) && !lower.contains("how much of");
    let who = WHO_Q.is_match(lower);
    if intent.is_event() {
        let second = match want? {
            Want::Who if money => Want::Money,
            Want::Money | Want::PerShare | Want::Percent if who => Want::Who,
            Want::Percent if money => Want::Money,
            Want::Money if intent == Intent::Stake && PERCENT_Q.is_match(lower) => Want::Percent,
            Want::PerShare if lower.contains("raise") || lower.contains("proceeds") => Want::Money,
            Want::Money if intent == Intent::Ipo && PER_SHARE_Q.is_match(lower) => Want::PerShare,
            Want::Money | Want::PerShare if VALUATION.is_match(lower) => Want::Valuation,
            _ => return None,
        };
        return Some((intent, Some(second)));
    }
    match intent {
        Intent::Amount if VALUATION.is_match(lower) => Some((Intent::Valuation, None)),
        Intent::Amount if LEAD.is_match(lower) => Some((Intent::Lead, None)),
        Intent::Lead | Intent::Investors if AMOUNT.is_match(lower) => Some((Intent::Amount, None)),
        Intent::Investors if INVESTORS_THEN_LEAD.is_match(lower) => Some((Intent::Lead, None)),
        Intent::Valuation if AMOUNT.is_match(lower) => Some((Intent::Amount, None)),
        _ => None,
    }
}

/// Words that carry the intent, for fixing one-letter slips ("totl", "valuted", "invsted").
const INTENT_WORDS: &[&str] = &[
    "total",
    "valued",
    "valuation",
    "worth",
    "invested",
    "investors",
    "investor",
    "raised",
    "raise",
    "funding",
    "round",
    "series",
    "lead",
    "backers",
    "backed",
    "amount",
    "history",
    "portfolio",
    "biggest",
    "largest",
    "when",
    "much",
    "participated",
];

/// Replaces words one slip away from an intent word, unless they name something known.
fn fix_intent_typos(lower: &str, names: &NameIndex) -> String {
    lower
        .split(' ')
        .map(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            if bare.len() < 4
                || is_stopword(bare)
                || INTENT_WORDS.contains(&bare)
                || names.company_exact(bare).is_some()
            {
                return w.to_string();
            }
            let near = INTENT_WORDS.iter().find(|iw| {
                let d = strsim::damerau_levenshtein(bare, iw);
                d == 1 && (iw.len() >= 5 || bare.len() == iw.len())
            });
            match near {
                Some(iw) => w.replace(bare, iw),
                None => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two words belong to one name when only spaces or light punctuation separate them.
fn adjacent(text: &str, a: &Word, b: &Word) -> bool {
    let between = &text[a.end..b.start];
    between
        .chars()
        .all(|c| c.is_whitespace() || c == '.' || c == '-' || c == '&')
        && between.len() <= 3
}

fn period(lower: &str, taken: &mut Vec<(usize, usize)>) -> Option<Period> {
    let year = YEAR.find(lower);
    let month = MONTH.find_iter(lower).find(|m| {
        // "may" is a verb more often than a month.
        m.as_str() != "may"
            || lower[..m.start()].trim_end().ends_with(" in")
            || year.is_some_and(|y| y.start() > m.end())
    });
    let month_num = month.map(|m| match &m.as_str()[..3] {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    });
    if let Some(y) = year {
        taken.push((y.start(), y.end()));
    }
    if let Some(m) = month {
        taken.push((m.start(), m.end()));
    }
    match (year.and_then(|y| y.as_str().parse::<i32>().ok()), month_num) {
        (Some(y), Some(m)) => {
            let d = crate::facts::DateRef::month(y, m)?;
            Some(Period {
                from: d.date,
                to: d.end(),
                text: d.human(),
                month_any_year: None,
            })
        }
        (Some(y), None) => {
            let d = crate::facts::DateRef::year(y)?;
            Some(Period {
                from: d.date,
                to: d.end(),
                text: y.to_string(),
                month_any_year: None,
            })
        }
        (None, Some(m)) => Some(Period {
            from: NaiveDate::from_ymd_opt(1900, 1, 1)?,
            to: NaiveDate::from_ymd_opt(2999, 12, 31)?,
            text: NaiveDate::from_ymd_opt(2000, m, 1)?
                .format("%B")
                .to_string(),
            month_any_year: Some(m),
        }),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(q: &str) -> Understood {
        understand(q, &NameIndex::default(), &Context::default())
    }

    #[test]
    fn roles_the_facts_do_not_hold_are_not_round_questions() {
        assert_eq!(
            read("who's advising fernway on the fundraise").intent,
            Intent::Unknown
        );
        assert_eq!(
            read("when was the fernway series b deal announced").intent,
            Intent::Date
        );
    }

    #[test]
    fn a_name_and_series_alone_asks_which_round() {
        assert_eq!(read("kestrelay series?").intent, Intent::Round);
        assert_eq!(
            read("which series was kestrelay's raise").intent,
            Intent::Round
        );
    }

    #[test]
    fn share_price_moves_and_share_counts_are_not_listing_proceeds() {
        for q in [
            "how much did kestrelay jump on debut",
            "how far did kestrelay shares fall on day one",
            "how many kestrelay shares do orchardline holders get per share?",
            "when did kestrelay try to ipo before",
        ] {
            assert_eq!(read(q).intent, Intent::Unknown, "{q}");
        }
        let u = read("kestrelay listing date");
        assert_eq!((u.intent, u.want), (Intent::Ipo, Some(Want::When)));
        let u = read("kestrelay valuation at the ipo price");
        assert_eq!((u.intent, u.want), (Intent::Ipo, Some(Want::Valuation)));
        let u = read("how much did kestrelay raise in its ipo");
        assert_eq!((u.intent, u.want), (Intent::Ipo, Some(Want::Money)));
        // A follow-on offering of shares is read like a listing: its proceeds.
        let u = read("how much did kestrelay raise in its january public offering");
        assert_eq!((u.intent, u.want), (Intent::Ipo, Some(Want::Money)));
    }

    #[test]
    fn events_are_told_from_rounds_by_their_words() {
        let cases = [
            (
                "how much did fernway pay for lumenpath",
                Intent::Acquisition,
                Want::Money,
            ),
            ("who bought orchardline?", Intent::Acquisition, Want::Who),
            (
                "how much was lumenpath sold for",
                Intent::Acquisition,
                Want::Money,
            ),
            ("kestrelay ipo price per share", Intent::Ipo, Want::PerShare),
            ("where did kestrelay list", Intent::Ipo, Want::Place),
            (
                "which stock exchange is kestrelay listed on",
                Intent::Ipo,
                Want::Place,
            ),
            (
                "what stake did harrowgate buy in vantika",
                Intent::Stake,
                Want::Percent,
            ),
            ("who sold the vantika stake", Intent::Stake, Want::Seller),
            ("who lent sorami the money", Intent::Debt, Want::Who),
            ("interest rate on sorami's notes?", Intent::Debt, Want::Rate),
            (
                "how oversubscribed was the kavya foods ipo",
                Intent::Ipo,
                Want::Subscription,
            ),
            (
                "has plotwise actually closed the round yet",
                Intent::Status,
                Want::Status,
            ),
            (
                "when's the fernway lumenpath deal supposed to close",
                Intent::Acquisition,
                Want::When,
            ),
            (
                "when was the fernway lumenpath deal announced",
                Intent::Acquisition,
                Want::When,
            ),
            (
                "how much of vantika's round was debt",
                Intent::Debt,
                Want::Money,
            ),
        ];
        for (q, intent, want) in cases {
            let u = read(q);
            assert_eq!((u.intent, u.want), (intent, Some(want)), "{q}");
        }
    }

    #[test]
    fn a_named_outlet_is_a_source_filter_but_per_share_is_not() {
        let src = |q: &str| read(q).source;
        assert_eq!(
            src("largest seed deal in may per the tlw dashboard?").as_deref(),
            Some("tlw")
        );
        assert_eq!(
            src("according to tech ledger, who led orvane's round").as_deref(),
            Some("tech ledger")
        );
        assert_eq!(src("kestrelay ipo price per share"), None);
        assert_eq!(
            src("which startups did northgale back according to the articles"),
            None
        );
    }

    #[test]
    fn a_portfolio_question_may_describe_the_companies() {
        for q in [
            "which nordic companies in these articles has halyard capital backed?",
            "what early-stage startups did halyard fund",
        ] {
            assert_eq!(read(q).intent, Intent::Portfolio, "{q}");
        }
    }

    #[test]
    fn a_question_about_how_things_stand_today() {
        assert!(read("is sorami still carrying debt after the raise?").present_state);
        assert!(read("does harrowgate still own 10% of vantika").present_state);
        assert!(!read("how much debt did sorami take on?").present_state);
    }

    #[test]
    fn round_questions_stay_round_questions() {
        // "pre-IPO" is a private round; "list all" asks for a history, not a listing.
        assert_eq!(read("bimasetu pre ipo valuation").intent, Intent::Valuation);
        assert_eq!(
            read("list all of acme's funding rounds").intent,
            Intent::History
        );
        assert_eq!(
            read("who's leading acme's 500 mil round").intent,
            Intent::Lead
        );
        assert_eq!(read("plimsoll val?").intent, Intent::Valuation);
        // The extension asked about, or added to the round it extends.
        assert_eq!(
            read("who joined acme's series b extension").round,
            Some(RoundType::Extension)
        );
        assert_eq!(
            read("acme's series b, how much in all once you add the top-up?").round,
            Some(RoundType::Series(1))
        );
        // Debt counted into a total is not a filter on the rounds.
        let u = read("acme total funding including debt?");
        assert_eq!((u.intent, u.round), (Intent::Total, None));
        // A total up to a point in time.
        assert_eq!(
            read("how much had routewise raised before bigco bought it?").intent,
            Intent::Total
        );
    }

    #[test]
    fn two_part_questions_keep_their_second_part() {
        let u = read("who is buying vetrino and for how much");
        assert_eq!(u.want, Some(Want::Money));
        assert_eq!(u.also, Some((Intent::Acquisition, Some(Want::Who))));
        let u = read("how much did acme raise, and at what valuation?");
        assert_eq!(u.intent, Intent::Valuation);
        assert_eq!(u.also, Some((Intent::Amount, None)));
        assert_eq!(read("how much did acme raise").also, None);
        // The backers, then whether one led.
        for q in [
            "who invested in acme's $5m round? was there a lead?",
            "who backed acme's seed, and who led it?",
        ] {
            let u = read(q);
            assert_eq!(u.intent, Intent::Investors, "{q}");
            assert_eq!(u.also, Some((Intent::Lead, None)), "{q}");
        }
        assert_eq!(read("who led acme's seed?").intent, Intent::Lead);
        // Typed as a search: the cue at the end.
        assert_eq!(read("acme series e led by").intent, Intent::Lead);
        assert_eq!(read("acme series e led by?").intent, Intent::Lead);
        // "financing" is a funding word: "total financing" asks for the total.
        assert_eq!(
            read("acme total financing as of 2022").intent,
            Intent::Total
        );
        // Who put money in, asked about the kind of backer.
        assert_eq!(
            read("acme - which harbor fund put money in?").intent,
            Intent::Investors
        );
    }

    #[test]
    fn asked_currency_relative_rounds_and_leads_left_out() {
        assert_eq!(
            read("what did brightcart pay for quickbasket, in cr").currency,
            Some("INR")
        );
        assert_eq!(read("listing price of tamago in yen").currency, Some("JPY"));
        assert_eq!(
            read("how much has lagride raised to date, in naira?").currency,
            Some("NGN")
        );
        assert_eq!(read("how much did acme raise").currency, None);

        let u = read("the round acme raised before the series e, who led that?");
        assert_eq!(u.round, None);
        assert_eq!(u.relative_to, Some((RoundType::Series(4), true)));
        // "worth after the Series B" is that round's valuation, not the next round's.
        assert_eq!(
            read("how much is acme worth after the series b").round,
            Some(RoundType::Series(1))
        );

        let u = read("acme series b: apart from the lead, who joined");
        assert_eq!(u.intent, Intent::Investors);
        assert!(u.exclude_leads);
    }

    #[test]
    fn talks_new_investors_and_unlabelled_rounds_are_noticed() {
        assert!(read("how much is bimasetu trying to raise").reported);
        assert!(read("is hollowfield raising again, and at what valuation").reported);
        assert!(!read("how much did hollowfield raise").reported);
        assert!(read("how much is hollowfield raising").reported);
        assert!(read("how much are hollowfield labs raising now?").reported);
        assert!(!read("how much is hollowfield raising in its ipo").reported);
        assert!(!read("how much has hollowfield raised").reported);
        assert!(read("is hollowfield raising?").reported);
        assert!(read("is hollowfield raising more money").reported);
        assert!(!read("is hollowfield raising a series a").reported);
        assert!(!read("hollowfield raised what?").reported);
        assert!(read("who was the new backer of acme in the 2nd close").new_investors);
        assert_eq!(
            read("who was the new backer of acme in the 2nd close")
                .round_phrase
                .as_deref(),
            Some("second close")
        );
        assert_eq!(
            read("acme valuation after its down round")
                .round_phrase
                .as_deref(),
            Some("down round")
        );
    }
}
