//! Small text helpers the extractor shares: tokens with offsets, name phrases before and after
//! a position, investor lists.

use std::sync::LazyLock;

use regex::Regex;

use super::names::{clean_investor, is_name_word};

/// `text[start..end]`, both ends clamped to the text and moved inward to character boundaries.
/// Firm names run together where a page's links were stripped ("Blue Lake CapitalGGV Capital"),
/// pulled apart after the word that ends a firm's name. Borrowed when nothing is glued.
pub fn unglued(text: &str) -> std::borrow::Cow<'_, str> {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"\b(Capital|Partners|Ventures|Investments|Management|Advisors|Holdings)[A-Z]",
        )
        .expect("glued regex")
    });
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(c) = GLUED.captures_at(text, at) {
        let word = c.get(1).expect("group");
        at = word.end();
        // The end of a longer name: a capitalised word and a space come before it.
        let before = text[..word.start()].strip_suffix(' ');
        let named = before.is_some_and(|b| {
            b.rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(|ch: char| ch.is_uppercase()))
        });
        if named {
            out.push_str(&text[copied..word.end()]);
            out.push_str(", ");
            copied = word.end();
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

pub fn window(text: &str, start: usize, end: usize) -> &str {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..end]
}

/// A whitespace-separated word with its byte offsets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token<'a> {
    /// The word, punctuation included.
    pub text: &'a str,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl<'a> Token<'a> {
    /// The word without surrounding punctuation or a possessive ending.
    pub fn bare(&self) -> &'a str {
        let t = self.text.trim_matches(|c: char| {
            matches!(
                c,
                ',' | ';' | ':' | '"' | '“' | '”' | '‘' | '(' | ')' | '[' | ']' | '!' | '?'
            )
        });
        let t = t
            .strip_suffix("'s")
            .or_else(|| t.strip_suffix("’s"))
            .unwrap_or(t);
        let t = t
            .strip_suffix('\'')
            .or_else(|| t.strip_suffix('’'))
            .unwrap_or(t);
        t.trim_end_matches('.')
    }
}

/// Splits `text` into whitespace-separated tokens.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Token {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
            }
        } else if start.is_none() {
            // "@Brightfield Ventures" (a social-media mention) is the name without its "@".
            let mention = c == '@' && text[i + 1..].chars().next().is_some_and(char::is_uppercase);
            start = Some(if mention { i + 1 } else { i });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    out
}

/// Capitalised words that open sentences and clauses but never start a name: function words,
/// months, days.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "With",
    "From",
    "By",
    "As",
    "After",
    "Upon",
    "Once",
    "Until",
    "Since",
    "Despite",
    "Amid",
    "Amidst",
    "Through",
    "Throughout",
    "Within",
    "Without",
    "Besides",
    "Before",
    "Over",
    "During",
    "Meanwhile",
    "Overnight",
    "Recently",
    "Previously",
    "Additionally",
    "Notably",
    "Instead",
    "Finally",
    "Furthermore",
    "Moreover",
    "Initially",
    "Currently",
    "Subsequently",
    "Ultimately",
    "Also",
    "And",
    "But",
    "However",
    "Separately",
    "Specifically",
    "Similarly",
    "Further",
    "Likewise",
    "Importantly",
    "Interestingly",
    "Consequently",
    "Accordingly",
    "Alternatively",
    "Lastly",
    "Overall",
    "Collectively",
    "Altogether",
    "Originally",
    "Eventually",
    "Reportedly",
    "Elsewhere",
    "Today",
    "Yesterday",
    "Earlier",
    "Last",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Their",
    "Our",
    "His",
    "Her",
    "It",
    "They",
    "We",
    "He",
    "She",
    "Both",
    "Other",
    "Existing",
    "Now",
    "Then",
    "Since",
    "While",
    "When",
    "Under",
    "About",
    "According",
    "Per",
    "Via",
    "Through",
    "Into",
    "Of",
    "To",
    "Led",
    "Co-led",
    "Backed",
    "Investors",
    "Investor",
    "Including",
    "Plus",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    // Spoken openers in interviews and podcast transcripts: "So, we closed the Series A".
    "So",
    "Well",
    "Yeah",
    "Yes",
    "Okay",
    "OK",
    "Honestly",
];

/// Capitalised words that are not names on their own.
const NOT_NAMES: &[&str] = &[
    // Currency codes written before a figure ("values Ulmo at USD 220 million").
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "RMB",
    "INR",
    "KRW",
    "SGD",
    "HKD",
    "AUD",
    "CAD",
    "CHF",
    "SEK",
    "NOK",
    "DKK",
    "BRL",
    "MXN",
    "IDR",
    "AED",
    "Series",
    "Round",
    "Seed",
    "Pre-Seed",
    "Funding",
    "Startup",
    "Startups",
    "Company",
    "Companies",
    "CEO",
    "Founder",
    "Co-founder",
    "Exclusive",
    "Breaking",
    "Update",
    "Updated",
    "Report",
    "Reports",
    "Sources",
    "Source",
    "Deal",
    "Deals",
    "Roundup",
    "Round-up",
    "Why",
    "How",
    "What",
    "Who",
    "Here",
    "There",
    "Some",
    "All",
    "Several",
    "Many",
    "Most",
    "More",
    "Less",
    "First",
    "Second",
    "Third",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "I",
    "You",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Inc",
    "Ltd",
    "Corp",
    "Co",
    "LLC",
    "US",
    "U.S",
    "UK",
    "U.K",
    "EU",
    "AI",
    "IPO",
    // "Shares ended the day at 1,450 yen": the stock, not a company.
    "Shares",
    "Stock",
    "Stocks",
    "Fintech",
    "SaaS",
    "B2B",
    "B2C",
    "Big",
    "Tech",
    "Data",
    "Capital",
    "New",
    "Group",
    "Venture",
    "Ventures",
    "Partners",
    "Fund",
    "Government",
    "State",
    "Bank",
    "Chinese",
    // Plural abbreviations of kinds of investor: "targeting domestic VCs".
    "VCs",
    "LPs",
];

/// True for capitalised words that open a clause but never start a name ("In", "April").
pub fn is_opener(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']);
    OPENERS.iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// True for capitalised words that never name a company or investor on their own.
pub fn is_not_name(word: &str) -> bool {
    // Called for nearly every capitalised word: one hashed lookup of the lower-cased word.
    static SET: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
        OPENERS
            .iter()
            .chain(NOT_NAMES)
            .chain(PLACES)
            .map(|w| w.to_lowercase())
            .collect()
    });
    let w = word.trim_end_matches(['.', ',']);
    if !w.is_ascii() {
        return SET.contains(&w.to_lowercase());
    }
    // Longer than any listed word; short ones are lower-cased on the stack.
    let mut buf = [0u8; 20];
    let Some(b) = buf.get_mut(..w.len()) else {
        return false;
    };
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).is_ok_and(|lower| SET.contains(lower))
}

/// Where a name ends once a stock ticker and a legal suffix after it are set aside:
/// "Norvale, Inc. (NASDAQ: NRVL)" ends after "Norvale".
fn before_ticker_and_suffix(text: &str, pos: usize) -> usize {
    static TICKER: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"\((?:[A-Za-z]+\s+)?[A-Z][A-Za-z]{1,9}\s*:\s*[A-Z0-9.\-]{1,8}\)\s*$")
            .expect("ticker regex")
    });
    static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r",\s*(?:Inc|Ltd|LLC|Corp|Co|plc|PLC|S\.A|AG|GmbH|N\.V|B\.V)\.?\s*$")
            .expect("legal suffix regex")
    });
    let mut end = pos;
    if let Some(m) = TICKER.find(&text[..end]) {
        end = text[..m.start()].trim_end().len();
    }
    if let Some(m) = SUFFIX.find(&text[..end]) {
        end = m.start();
    }
    end
}

/// Cities and countries that datelines and descriptions name ("the London firm", "HANGZHOU —"):
/// on their own they are never a company or an investor. A name that merely holds one
/// ("London Venture Partners") has other words and is unaffected.
const PLACES: &[&str] = &[
    "london",
    "paris",
    "berlin",
    "munich",
    "hamburg",
    "frankfurt",
    "amsterdam",
    "rotterdam",
    "brussels",
    "madrid",
    "barcelona",
    "lisbon",
    "porto",
    "rome",
    "milan",
    "turin",
    "zurich",
    "geneva",
    "vienna",
    "prague",
    "warsaw",
    "krakow",
    "budapest",
    "bucharest",
    "athens",
    "dublin",
    "edinburgh",
    "manchester",
    "cambridge",
    "oxford",
    "copenhagen",
    "stockholm",
    "oslo",
    "helsinki",
    "tallinn",
    "riga",
    "vilnius",
    "reykjavik",
    "luxembourg",
    "kyiv",
    "istanbul",
    "ankara",
    "dubai",
    "riyadh",
    "doha",
    "cairo",
    "lagos",
    "nairobi",
    "accra",
    "kigali",
    "johannesburg",
    "cape",
    "casablanca",
    "tunis",
    "delhi",
    "mumbai",
    "bengaluru",
    "bangalore",
    "hyderabad",
    "chennai",
    "pune",
    "kolkata",
    "gurugram",
    "gurgaon",
    "noida",
    "karachi",
    "lahore",
    "dhaka",
    "colombo",
    "singapore",
    "jakarta",
    "bangkok",
    "manila",
    "hanoi",
    "saigon",
    "kuala",
    "lumpur",
    "beijing",
    "shanghai",
    "shenzhen",
    "hangzhou",
    "guangzhou",
    "chengdu",
    "wuhan",
    "nanjing",
    "suzhou",
    "hefei",
    "xi'an",
    "hong",
    "kong",
    "taipei",
    "tokyo",
    "osaka",
    "kyoto",
    "seoul",
    "busan",
    "sydney",
    "melbourne",
    "brisbane",
    "perth",
    "auckland",
    "wellington",
    "toronto",
    "montreal",
    "vancouver",
    "ottawa",
    "calgary",
    "york",
    "boston",
    "chicago",
    "seattle",
    "austin",
    "denver",
    "atlanta",
    "miami",
    "dallas",
    "houston",
    "washington",
    "philadelphia",
    "pittsburgh",
    "detroit",
    "angeles",
    "diego",
    "francisco",
    "palo",
    "alto",
    "menlo",
    "valley",
    "silicon",
    "mexico",
    "bogota",
    "bogotá",
    "lima",
    "santiago",
    "buenos",
    "aires",
    "montevideo",
    "paulo",
    "são",
    "rio",
    "janeiro",
    "caracas",
    "quito",
    "sao",
    "china",
    "india",
    "japan",
    "korea",
    "germany",
    "france",
    "spain",
    "portugal",
    "italy",
    "britain",
    "england",
    "scotland",
    "ireland",
    "netherlands",
    "belgium",
    "switzerland",
    "austria",
    "poland",
    "sweden",
    "norway",
    "denmark",
    "finland",
    "estonia",
    "israel",
    "egypt",
    "nigeria",
    "kenya",
    "ghana",
    "rwanda",
    "indonesia",
    "malaysia",
    "thailand",
    "vietnam",
    "philippines",
    "pakistan",
    "bangladesh",
    "australia",
    "canada",
    "brazil",
    "argentina",
    "chile",
    "colombia",
    "peru",
    "uruguay",
    "europe",
    "asia",
    "africa",
    "latam",
    "usa",
    "uk",
];

/// Descriptive nouns that may precede a name ("Berlin fintech startup Acme").
const DESCRIPTORS: &[&str] = &[
    "startup",
    "start-up",
    "company",
    "firm",
    "unicorn",
    "platform",
    "maker",
    "provider",
    "developer",
    "giant",
    "app",
    "fintech",
    "insurtech",
    "edtech",
    "healthtech",
    "proptech",
    "biotech",
    "specialist",
    "operator",
    "retailer",
    "lender",
    "marketplace",
    "manufacturer",
    "brand",
    "chain",
    "business",
    "outfit",
    "player",
    "scale-up",
    "scaleup",
    "venture",
    "major",
    "leader",
    "pioneer",
    "upstart",
    "newcomer",
    "challenger",
    "neobank",
    "group",
    "decacorn",
    "subsidiary",
    "arm",
    "spinout",
    "spin-off",
    "spinoff",
    "studio",
    "owner",
    "operator",
];

/// True for descriptive nouns ("startup", "company", "fintech").
pub fn is_descriptor(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    DESCRIPTORS.contains(&w.as_str())
}

/// Whether a token can be part of a name phrase (numbers and amounts cannot stand alone).
fn name_token(t: &Token) -> bool {
    let bare = t.bare();
    if bare.is_empty() || bare.starts_with(['$', '€', '£', '¥', '₹', '₩']) {
        return false;
    }
    if bare
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return false;
    }
    is_name_word(bare) && !is_compound_descriptor(bare) && !is_address_or_date(bare)
}

/// A web address ("www.example.com", "https://...") or a date glued to a word
/// ("03/14/2019-Shares"), as a reposted article's credit line leaves them: no part of a name.
/// Called for nearly every capitalised word, so it allocates nothing.
fn is_address_or_date(word: &str) -> bool {
    let starts = |prefix: &str| {
        word.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    if starts("www.") || starts("http://") || starts("https://") {
        return true;
    }
    if !word.starts_with(|c: char| c.is_ascii_digit()) || !word.contains('/') {
        return false;
    }
    let mut parts = word.split('/');
    let numeric = |p: Option<&str>| {
        p.is_some_and(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let (a, b) = (parts.next(), parts.next());
    let c = parts.next().map(|c| {
        c.split(|ch: char| !ch.is_ascii_digit())
            .next()
            .unwrap_or("")
    });
    numeric(a) && numeric(b) && numeric(c)
}

/// "Berlin-based", "Alibaba-backed", "SoftBank-led": a name turned into a description.
pub fn is_compound_descriptor(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    [
        "-based",
        "-headquartered",
        "-backed",
        "-led",
        "-owned",
        "-funded",
        "-founded",
        "-born",
        "-focused",
        "-listed",
    ]
    .iter()
    .any(|s| w.ends_with(s))
}

const CONNECTORS: &[&str] = &[
    "of", "de", "du", "des", "la", "le", "van", "von", "der", "&", "for", "di", "da", "del", "y",
];

/// The name phrase ending just before byte `pos` of `text` (skipping spaces), if the words
/// there are name-like: "Berlin-based Acme Robotics raised" gives "Acme Robotics".
pub fn name_ending_at(text: &str, pos: usize) -> Option<(String, usize)> {
    let pos = before_ticker_and_suffix(text, pos);
    let toks = tokens(&text[..pos]);
    let mut i = toks.len();
    let mut first = None;
    while i > 0 {
        let t = &toks[i - 1];
        let trailing_punct = i < toks.len() && toks[i - 1].text.ends_with([',', ';', ':']);
        if trailing_punct {
            break;
        }
        if name_token(t) {
            first = Some(i - 1);
            i -= 1;
            continue;
        }
        let connector =
            CONNECTORS.contains(&t.text) && first.is_some() && i >= 2 && name_token(&toks[i - 2]);
        if connector {
            i -= 1;
            continue;
        }
        break;
    }
    let first = first?;
    let mut words: Vec<&Token> = toks[first..].iter().collect();
    // "Peru's Chasqui": a possessive before more name words belongs to a describer.
    if let Some(p) = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|w| w.text.ends_with("'s") || w.text.ends_with("’s"))
    {
        words.drain(..=p);
    }
    // Drop sentence openers, months and demonym-like leading words.
    while let Some(w) = words.first() {
        if is_opener(w.bare()) || super::names::is_demonym(w.bare()) {
            words.remove(0);
        } else {
            break;
        }
    }
    // Title-case descriptors ("Chinese AI Startup SenseTime"): keep what follows the last one.
    if let Some(d) = words.iter().rposition(|w| is_descriptor(w.bare())) {
        if d + 1 < words.len() {
            words.drain(..=d);
        }
    }
    let w0 = words.first()?;
    let last = words.last()?;
    let name = text[w0.start..last.end]
        .trim_end_matches([',', ';', ':', '.', '"', '”', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_start_matches(['"', '“', '(', '‘'])
        .to_string();
    if name.is_empty()
        || words.iter().all(|w| is_not_name(w.bare()))
        || super::names::names_a_round(&name)
    {
        return None;
    }
    Some((name, w0.start))
}

/// The name phrase starting at or after byte `pos` (skipping spaces and articles).
pub fn name_starting_at(text: &str, pos: usize) -> Option<(String, usize)> {
    let toks = tokens(&text[pos..]);
    let mut i = 0;
    while i < toks.len()
        && matches!(
            toks[i].text.to_ascii_lowercase().as_str(),
            "the" | "a" | "an"
        )
    {
        i += 1;
    }
    // Skip lower-case descriptions before the name ("in Berlin-based fintech Acme").
    while i < toks.len() && !name_token(&toks[i]) && i < 6 {
        let t = toks[i].text;
        if t.ends_with([',', ';', '.']) || !t.chars().all(|c| c.is_alphabetic() || c == '-') {
            return None;
        }
        i += 1;
    }
    let start = i;
    let mut end = i;
    while end < toks.len() {
        let t = &toks[end];
        // A parenthesised aside ("(Santiago)", "(KST)") follows the name; it is not part of it.
        if t.text.starts_with(['(', '[']) {
            break;
        }
        if name_token(t) {
            end += 1;
            if t.text.ends_with([',', ';', ':', '.'])
                || t.text.ends_with("'s")
                || t.text.ends_with("’s")
            {
                break;
            }
            continue;
        }
        let connector = CONNECTORS.contains(&t.text)
            && end > start
            && end + 1 < toks.len()
            && name_token(&toks[end + 1]);
        if connector {
            end += 1;
            continue;
        }
        break;
    }
    if end == start {
        return None;
    }
    let mut words: Vec<&Token> = toks[start..end].iter().collect();
    while words.len() > 1
        && (is_opener(words[0].bare()) || super::names::is_demonym(words[0].bare()))
    {
        words.remove(0);
    }
    if let Some(d) = words.iter().rposition(|w| is_descriptor(w.bare())) {
        if d + 1 < words.len() {
            words.drain(..=d);
        }
    }
    let (w0, last) = (words.first()?, words.last()?);
    if words.iter().all(|w| is_not_name(w.bare())) {
        return None;
    }
    if super::names::names_a_round(&text[pos + w0.start..pos + last.end]) {
        return None;
    }
    let name = text[pos + w0.start..pos + last.end]
        .trim_end_matches([',', ';', ':', '.', '"', '”', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string();
    Some((name, pos + w0.start))
}

static LIST_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(r"(?i)\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+|\s*;\s*")
        .expect("list split regex")
});

static LIST_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"(?x)
                    [;:!?\[\]—–“”\x22]|\s-\s|\s--\s|[$€£¥₹₩]\s?\d|\s(?:provided|extended|offered|lent|made|given|arranged)\b
        | ,\s*(?:which|who|whose|according|bringing|brings|taking|takes|valuing|making|pushing|lifting|giving|while|said|says|and\s+it|it|the\s+(?:company|startup|firm)|in\s+a|as\s+the|a\s+(?:move|sign|deal)|with\s+the|per)\b
        | ,\s*[A-Z][\w&.'’\-]*(?:\s+[A-Z][\w&.'’\-]*){0,3}\s+(?:said|says|told|added|announced|confirmed|noted|reported|reports|wrote|writes)\b
                | \s(?:saw|sees|drew|draws|attracted|to|for|in|on|at|from|into|after|before|during|when|while|since|that|which|who|with|according|said|says|told|reported|valued|valuing|worth|bringing|taking|under|amid|through|via|per|last|this|earlier|today|yesterday|was|were|is|are|has|have|had|will|would|could|should|may|might|can|also|then|now|marking|making|following|alongside|along\s+with|together\s+with|joined\s+by|among\s+others|et\s+al|as\s+(?:part|it|the|lead|co-lead|anchor)|and\s+(?:it|its|is|was|has|will|plans|said|brings|takes|comes|marks|values|includes|included|more)|and\s+the\s+(?:company|startup|firm|round|funding|money|capital|deal|new))\b
        ",
    )
    .expect("list end regex")
});

/// Investor names listed from `pos` onwards, up to where the list clearly ends.
pub fn list_after(text: &str, pos: usize) -> Vec<String> {
    // "co-led by three firms: A, B and C": the count and its colon introduce the list.
    static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)^\s*(?:the\s+)?(?:two|three|four|five|six|several|both|a\s+group\s+of|a\s+trio\s+of|a\s+pair\s+of)\s+(?:\w+\s+)?(?:firms|investors|funds|backers|vcs|investment\s+firms)?\s*:\s*")
            .expect("counted regex")
    });
    let pos = pos + COUNTED.find(&text[pos..]).map_or(0, |m| m.end());
    // "as well as" joins a list; LIST_END would otherwise stop at its "as the".
    let rest = blank_parentheses(&text[pos..]).replace(" as well as ", ", and ");
    let rest = firms_for_partners(&rest);
    let end = LIST_END.find(&rest).map_or(rest.len(), |m| m.start());
    // A list cut before "and to X" or "and everyone who…" may end in a dangling conjunction.
    let mut segment = rest[..end].trim_end();
    for tail in [" and", " or", ",", " as well as", " plus"] {
        if let Some(s) = segment.strip_suffix(tail) {
            segment = s.trim_end();
        }
    }
    if opens_clause(segment) {
        return Vec::new();
    }
    if opens_adverbial(segment) {
        // The names may still follow: "other investors in the past, including A and B".
        static INTRO: LazyLock<Regex> = LazyLock::new(|| {
            crate::util::regex(r"\b(?:including|such\s+as|like|among\s+them)\s+")
                .expect("list intro regex")
        });
        return match INTRO.find(segment) {
            Some(m) => split_list(&segment[m.end()..]),
            None => Vec::new(),
        };
    }
    split_list(segment)
}

/// "led by Ilse Marten at Fernhill Partners", "Kofi Ansah of Brightwater Capital": a partner
/// named with the firm stands for the firm, which is what the round's investor is.
fn firms_for_partners(list: &str) -> std::borrow::Cow<'_, str> {
    static PARTNER_AT: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"\b(?P<person>[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-z]+(?:[\-'’][A-Za-z]+)?)(?:,\s+(?:a\s+)?(?:general\s+|managing\s+|founding\s+)?partner,?)?\s+(?:of|at|from)\s+(?P<firm>[A-Z])")
            .expect("partner regex")
    });
    const FIRM_WORDS: &[&str] = &[
        "Capital",
        "Ventures",
        "Partners",
        "Fund",
        "Group",
        "Bank",
        "Investments",
        "Holdings",
        "Labs",
        "Management",
        "Associates",
        "Equity",
        "Growth",
        "Global",
        "Venture",
        "Angels",
        "Investors",
        "Advisors",
        "Securities",
        "Foundation",
        "University",
        "Institute",
    ];
    PARTNER_AT.replace_all(list, |c: &regex::Captures| {
        let person = &c["person"];
        if person.split_whitespace().any(|w| FIRM_WORDS.contains(&w))
            || is_not_name(person.split_whitespace().next().unwrap_or(""))
        {
            c[0].to_string()
        } else {
            c["firm"].to_string()
        }
    })
}

/// Investor names listed just before `pos`, walking back while items are names.
pub fn list_before(text: &str, pos: usize) -> Vec<String> {
    static CLAUSE_START: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)(?:[;:(—–“”]|\s-\s|,\s+with\s|\b(?:said|says|that|while|whereas|but|because|after|as|where|when|which|who|noted|added|revealed|confirmed|disclosed|announced)\s)")
            .expect("clause regex")
    });
    let mut before = blank_parentheses(&text[..pos]);
    // "Dr. Evelyn Strand, an otolaryngologist who co-founded the company, also participated":
    // drop the apposition between the name and the verb.
    if let Some(cut) = trailing_apposition(&before) {
        before.truncate(cut);
    }
    let start = CLAUSE_START
        .find_iter(&before)
        .last()
        .map_or(0, |m| m.end());
    let mut segment = before[start..].trim_end();
    // Auxiliaries and adverbs between the names and the verb: "X has led", "Y also joined".
    const AUX: &[&str] = &[
        "has",
        "have",
        "had",
        "also",
        "jointly",
        "reportedly",
        "both",
        "all",
        "together",
        "will",
        "would",
        "is",
        "are",
        "was",
        "were",
        "recently",
        "just",
        "previously",
        "again",
        "each",
        "too",
        "similarly",
        "likewise",
        "actually",
        "originally",
        "initially",
        "first",
        "eventually",
        "ultimately",
        "once",
        "already",
        "quietly",
    ];
    while let Some((head, last)) = segment.rsplit_once(' ') {
        if AUX.contains(&last.to_ascii_lowercase().as_str()) {
            segment = head.trim_end();
        } else {
            break;
        }
    }
    let items: Vec<&str> = LIST_SPLIT.split(segment).collect();
    let mut names = Vec::new();
    for item in items.iter().rev() {
        match clean_investor(item) {
            Some(name) if !is_not_name(&name) => names.push(name),
            _ => break,
        }
    }
    names.reverse();
    names
}

pub(crate) fn split_list(segment: &str) -> Vec<String> {
    LIST_SPLIT
        .split(segment)
        .enumerate()
        // After a name, "the founder of …" describes that name; first in a list, "its longtime
        // backer X" introduces one.
        .filter(|(i, item)| *i == 0 || !is_apposition(item))
        .filter_map(|(_, item)| clean_investor(item))
        .filter(|n| !is_not_name(n))
        .collect()
}

/// "the founder of online estate agent Keyhouse", "a former chief operating officer at X": an
/// article followed by a lower-case word describes the name before it; it names nobody new.
fn is_apposition(item: &str) -> bool {
    // "the business angel Dr. Klaus Brenninger" introduces a name: a description with no
    // preposition, ending in a capitalised name.
    static RELATES: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"\b(?:of|at|from|in|for|with|behind|who|which|that|whose|to)\b")
            .expect("relates regex")
    });
    let mut last_two = item.split_whitespace().rev().take(2).peekable();
    let ends_in_name =
        last_two.peek().is_some() && last_two.all(|w| w.starts_with(|c: char| c.is_uppercase()));
    if ends_in_name && !RELATES.is_match(item) {
        return false;
    }
    let mut words = item.split_whitespace();
    match (words.next(), words.next()) {
        (Some(first), Some(second)) => {
            matches!(
                first.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "its" | "his" | "her" | "their" | "whose"
            ) && second.starts_with(|c: char| c.is_lowercase())
                && !matches!(second, "late" | "investment" | "venture" | "family")
        }
        _ => false,
    }
}

/// Words that cannot open a list of names: the cue was followed by a clause, not names
/// ("existing shareholders backed our data").
fn opens_clause(segment: &str) -> bool {
    let first = segment.split_whitespace().next().unwrap_or("");
    let lower = first.to_ascii_lowercase();
    first.starts_with(|c: char| c.is_lowercase())
        && (lower.ends_with("ed") && !matches!(lower.as_str(), "united" | "seed" | "red")
            || matches!(
                lower.as_str(),
                "said"
                    | "says"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "to"
            ))
}

/// "in 2013, Acme has raised", "in the past, including A and B": a time, place or clause
/// opens the text after a descriptor ("institutional investors"), not a name.
fn opens_adverbial(segment: &str) -> bool {
    matches!(
        segment.split_whitespace().next().unwrap_or(""),
        "in" | "at"
            | "on"
            | "since"
            | "during"
            | "across"
            | "after"
            | "before"
            | "when"
            | "who"
            | "which"
            | "that"
    )
}

/// Where a trailing ", a/an/the … ," apposition starts, if `text` ends with one.
pub fn trailing_apposition(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    let inner = trimmed.strip_suffix(',')?;
    let mut search = inner.len();
    let mut found = None;
    // The apposition opens at the leftmost comma, within a sentence-sized reach, followed by a
    // lower-case word or an article: "Tallis Bio, a Cambridge, Massachusetts, company …,".
    while let Some(open) = inner[..search].rfind(',') {
        if inner.len() - open > 160 {
            break;
        }
        let segment = inner[open + 1..].trim_start();
        let first = segment.split_whitespace().next().unwrap_or("");
        if matches!(
            first,
            "and" | "or" | "but" | "while" | "with" | "as" | "plus" | "nor"
        ) {
            // A new clause or list item, not a description of the name.
            break;
        }
        if first.starts_with(|c: char| c.is_lowercase()) {
            found = Some(open);
        }
        search = open;
    }
    found
}

/// Replaces parenthesised asides with spaces, keeping byte offsets.
pub fn blank_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                out.push(' ');
            }
            ')' if depth > 0 => {
                depth -= 1;
                out.push(' ');
            }
            _ if depth > 0 => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn firm_names_run_together_are_pulled_apart() {
        assert_eq!(
            unglued("Harbor Lane CapitalOQ VenturesKestrel Partners and Pell Fund have put $9 million in Lumo."),
            "Harbor Lane Capital, OQ Ventures, Kestrel Partners and Pell Fund have put $9 million in Lumo."
        );
        // A single word that happens to hold the suffix is left alone.
        assert_eq!(
            unglued("VenturesBeat covered it."),
            "VenturesBeat covered it."
        );
    }

    use super::*;

    #[test]
    fn windows_never_split_characters() {
        let s = "the São Paulo company";
        for a in 0..s.len() + 3 {
            for b in a..s.len() + 3 {
                let _ = window(s, a, b);
            }
        }
        assert_eq!(window(s, 6, 7), "");
        assert_eq!(window(s, 4, 6), "S");
        assert_eq!(window(s, 4, 8), "São");
    }

    #[test]
    fn name_before_a_verb() {
        let s = "Berlin-based fintech startup Acme Robotics has raised $5m";
        let pos = s.find(" has").unwrap();
        assert_eq!(name_ending_at(s, pos).unwrap().0, "Acme Robotics");
        let s = "Chinese AI Startup SenseTime Raises $600M";
        assert_eq!(
            name_ending_at(s, s.find(" Raises").unwrap()).unwrap().0,
            "SenseTime"
        );
        let s = "In April, the firm raised";
        assert_eq!(name_ending_at(s, s.find(" raised").unwrap()), None);
        // A repost's credit line and a date glued to the first word are no part of the name.
        let s = "Via www.wirecopy.net 03/14/2019-Shares of Dunmore, the Ohio battery maker,";
        assert_eq!(
            name_ending_at(s, s.find(", the").unwrap()).unwrap().0,
            "Dunmore"
        );
        // A ticker and a legal suffix after the name are no part of it.
        let s = "Norvale, Inc. (NASDAQ: NRVL) said";
        assert_eq!(
            name_ending_at(s, s.find(" said").unwrap()).unwrap().0,
            "Norvale"
        );
        let s = "Harrow Labs (TSX: HRW) said";
        assert_eq!(
            name_ending_at(s, s.find(" said").unwrap()).unwrap().0,
            "Harrow Labs"
        );
    }

    #[test]
    fn name_after_a_preposition() {
        let s = "Alibaba leads $600 million round in SenseTime, the AI firm";
        let pos = s.find(" in ").unwrap() + 4;
        assert_eq!(name_starting_at(s, pos).unwrap().0, "SenseTime");
        let s = "invested in Berlin-based fintech Acme Pay.";
        let pos = s.find(" in ").unwrap() + 4;
        assert_eq!(name_starting_at(s, pos).unwrap().0, "Acme Pay");
        let s = "Ulmo Security (Santiago) closed a $12 million Series A";
        assert_eq!(name_starting_at(s, 0).unwrap().0, "Ulmo Security");
        let s = "the round values it at USD 220 million";
        assert_eq!(name_starting_at(s, s.find("USD").unwrap()), None);
    }

    #[test]
    fn lists_after_a_cue() {
        let s = "led by Accel, with participation from Index Ventures and existing investor Sequoia Capital India.";
        assert_eq!(list_after(s, 7), ["Accel"]);
        let joined = "the existing investors Isar Partners as well as the business angel Dr. Klaus Brenninger, a former board member.";
        assert_eq!(
            list_after(joined, 23),
            ["Isar Partners", "Klaus Brenninger"]
        );
        let social = "led by @Brightfield Ventures with participation from @Oakum Capital and @Polaris Angels.";
        assert_eq!(list_after(social, 7), ["Brightfield Ventures"]);
        let p = social.find("from ").unwrap() + 5;
        assert_eq!(list_after(social, p), ["Oakum Capital", "Polaris Angels"]);
        // A partner named with the firm stands for the firm.
        let partner = "a $9 million Series A led by Ilse Marten at Fernhill Partners, with Kofi Ansah of Brightwater Capital.";
        let p = partner.find("led by ").unwrap() + 7;
        assert_eq!(list_after(partner, p), ["Fernhill Partners"]);
        let p = partner.find("with ").unwrap() + 5;
        assert_eq!(list_after(partner, p), ["Brightwater Capital"]);
        // A firm "of" a place keeps its name.
        let s3 = "led by Bank of Mirren and Pine Capital.";
        assert_eq!(list_after(s3, 7), ["Bank of Mirren", "Pine Capital"]);
        let s2 = "Amberline actually led our seed back in 2021.";
        assert_eq!(list_before(s2, s2.find(" led").unwrap()), ["Amberline"]);
        let counted = "co-led by three firms: Prairie Wind, Tilth Partners and Hanamura Ventures.";
        assert_eq!(
            list_after(counted, 10),
            ["Prairie Wind", "Tilth Partners", "Hanamura Ventures"]
        );
        let p = s.find("from ").unwrap() + 5;
        assert_eq!(
            list_after(s, p),
            ["Index Ventures", "Sequoia Capital India"]
        );
        let s = "co-led by Tiger Global Management and the Qatar Investment Authority, the company said.";
        assert_eq!(
            list_after(s, 10),
            ["Tiger Global Management", "Qatar Investment Authority"]
        );
        let s = "led by Alibaba Group Holding Limited (BABA) and Temasek to expand in Asia";
        assert_eq!(
            list_after(s, 7),
            ["Alibaba Group Holding Limited", "Temasek"]
        );
        let s = "among them Marcus Whitfield, the founder of online estate agent Keyhouse, and Helen Achebe, a former chief operating officer at a big six energy supplier.";
        assert_eq!(list_after(s, 11), ["Marcus Whitfield", "Helen Achebe"]);
        let s = "existing shareholders backed our data,\" Park said.";
        assert!(list_after(s, 22).is_empty());
        let s = "The note was anchored by its longtime backer Larchmont Bio Ventures.";
        assert_eq!(
            list_after(s, s.find("by ").unwrap() + 3),
            ["Larchmont Bio Ventures"]
        );
        let s = "backed by Y Combinator, according to TechCrunch";
        assert_eq!(list_after(s, 10), ["Y Combinator"]);
    }

    #[test]
    fn lists_before_a_verb() {
        let s = "The company revealed that its strategic partner Alibaba led the funding";
        assert_eq!(list_before(s, s.find(" led").unwrap()), ["Alibaba"]);
        let s = "Sequoia, Accel and Lightspeed co-led the round";
        assert_eq!(
            list_before(s, s.find(" co-led").unwrap()),
            ["Sequoia", "Accel", "Lightspeed"]
        );
        let s = "Hollowbrook Ventures has led a £29 million Series C round";
        assert_eq!(
            list_before(s, s.find(" led").unwrap()),
            ["Hollowbrook Ventures"]
        );
        let s = "Accel and Index have also invested";
        assert_eq!(
            list_before(s, s.find(" invested").unwrap()),
            ["Accel", "Index"]
        );
        let s =
            "Dr. Evelyn Strand, an otolaryngologist who co-founded the company, also participated";
        assert_eq!(
            list_before(s, s.find(" also participated").unwrap()),
            ["Evelyn Strand"]
        );
        let s = "In April, Alibaba led the funding";
        assert_eq!(list_before(s, s.find(" led").unwrap()), ["Alibaba"]);
        let s = "and also name-dropped Chinese e-commerce company Suning.Com and Singapore state fund Temasek as other big backers";
        assert_eq!(
            list_before(s, s.find(" as other").unwrap()),
            ["Suning.Com", "Temasek"]
        );
    }
}
