//! Whether a name found in text can be the company a round belongs to, and its tidy form.
//!
//! The sentence readers find a company by position ("X raised", "X's Series B", the title's
//! first name). Real copy puts many other capitalised things there: headline words that stick
//! to the name ("Acme Reportedly Valued ..."), places ("San Francisco-based"), pronouns of a
//! company blog ("We've closed our seed"), descriptions ("Challenger bank Acme"), the outlet's
//! own name, Markdown links. [`company_mention`] is the one gate every such name passes before
//! it becomes a company: it tidies what can be tidied and refuses the rest, so the reader falls
//! back to the company the article is about.

use std::sync::LazyLock;

use regex::Regex;

use super::names::key;
use super::text::{is_descriptor, is_not_name};

/// Headline words that follow a company's name but are not part of it: adverbs of reporting and
/// verbs of what the company did.
const NOT_IN_NAME: &[&str] = &[
    // "the Sarvik Foods IPO", "Tallowin Pre-IPO": the company's listing, not its name.
    "ipo",
    "pre-ipo",
    "reportedly",
    "officially",
    "finally",
    "quietly",
    "now",
    "also",
    "just",
    "today",
    "again",
    "initiates",
    "begins",
    "starts",
    "seeks",
    "seeking",
    "targets",
    "targeting",
    "eyes",
    "eyeing",
    "plans",
    "planning",
    "mulls",
    "weighs",
    "nears",
    "confirms",
    "denies",
    "raising",
    "closing",
    "valued",
    "said",
    "says",
    "set",
    "sets",
    "gets",
    "raises",
    "raised",
    "secures",
    "secured",
    "lands",
    "landed",
    "closes",
    "closed",
    "bags",
    "announces",
    "announced",
    "completes",
    "completed",
    "hits",
    "reaches",
    "joins",
    "files",
    "is",
    "was",
    "has",
    "had",
    "in",
    "to",
    "for",
    "at",
    "with",
    "from",
    "on",
];

/// Single words that open a sentence or a headline in funding news and are no company.
const NOT_A_COMPANY: &[&str] = &[
    "neither",
    "either",
    "future",
    "fundraising",
    "fundraise",
    "m&a",
    "exits",
    "exit",
    "venture",
    "funding",
    "financing",
    "investing",
    "investment",
    "investors",
    "fintech",
    "unicorns",
    "unicorn",
    "today",
    "yesterday",
    "earlier",
    "later",
    "meanwhile",
    "overall",
    "together",
    "total",
    "sources",
];

/// Pronouns a company uses of itself on its own blog, and contractions of them.
const PRONOUNS: &[&str] = &[
    "we", "we're", "we've", "we'll", "we'd", "our", "ours", "us", "i", "i'm", "i've", "my", "it",
    "it's", "its", "they", "they're", "they've", "their", "you", "you're", "your", "he", "she",
    "his", "her",
];

/// Places written as more than one word ("San Francisco", "Latin America"); single-word places
/// are in the reader's word lists.
const PLACES: &[&str] = &[
    "america",
    "north america",
    "south america",
    "latin america",
    "central america",
    "north africa",
    "south africa",
    "east africa",
    "west africa",
    "sub-saharan africa",
    "middle east",
    "southeast asia",
    "south east asia",
    "south asia",
    "east asia",
    "central asia",
    "asia pacific",
    "asia-pacific",
    "new zealand",
    "new york",
    "new york city",
    "new delhi",
    "new jersey",
    "san francisco",
    "san diego",
    "san jose",
    "sao paulo",
    "são paulo",
    "los angeles",
    "las vegas",
    "hong kong",
    "abu dhabi",
    "saudi arabia",
    "south korea",
    "north korea",
    "united states",
    "united kingdom",
    "united arab emirates",
    "sri lanka",
    "costa rica",
    "puerto rico",
    "tel aviv",
    "kuala lumpur",
    "ho chi minh city",
    "buenos aires",
    "rio de janeiro",
    "mexico city",
    "cape town",
    "silicon valley",
    "bay area",
    "mena",
    "emea",
    "apac",
    "latam",
    "nz",
    "uae",
    "ksa",
    "tunisia",
    "morocco",
    "algeria",
    "ethiopia",
    "uganda",
    "tanzania",
    "senegal",
    "ivory coast",
    "cameroon",
    "zambia",
    "zimbabwe",
    "jordan",
    "lebanon",
    "bahrain",
    "kuwait",
    "oman",
    "qatar",
    "turkey",
    "greece",
    "romania",
    "hungary",
    "ukraine",
    "russia",
    "czech republic",
    "latvia",
    "lithuania",
    "iceland",
    "taiwan",
    "cambodia",
    "myanmar",
    "nepal",
    "ecuador",
    "venezuela",
    "bolivia",
    "paraguay",
    "guatemala",
    "panama",
];

/// The tidy form of `raw` if it can name the company of a round in an article from `outlet`,
/// or `None` when it cannot (a place, a pronoun, a description, the outlet itself).
///
/// Tidying: a Markdown link gives its text; a trailing parenthesis (a defined term, a place,
/// a ticker) and unbalanced quotes and brackets are dropped; headline words after the name
/// ("Reportedly", "Initiates", "Targeting") cut it.
pub fn company_mention(raw: &str, outlet: Option<&str>) -> Option<String> {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| crate::util::regex(r"^\[([^\]]+)\]\([^)]*\)").expect("link regex"));
    static TRAILING_PARENS: LazyLock<Regex> =
        LazyLock::new(|| crate::util::regex(r"\s*\([^()]*\)\s*$").expect("parens regex"));
    let mut name = raw.trim().to_string();
    if let Some(c) = LINK.captures(&name) {
        name = c[1].to_string();
    }
    // Unbalanced brackets and quotes at either end: `Acme")`, `Mei Tanaka)`.
    loop {
        let before = name.len();
        if name.ends_with(')') && !name.contains('(') {
            name.pop();
        }
        if name.ends_with(['"', '”', '\'']) && name.matches(['"', '“', '”']).count() % 2 == 1
        {
            name.pop();
        }
        name = name
            .trim_start_matches(['"', '“', '(', '['])
            .trim()
            .to_string();
        if name.len() == before {
            break;
        }
    }
    // A trailing parenthesis is an aside, not the name: `Acme Inc. ("Acme")`, `Acme (Lyon)`.
    while TRAILING_PARENS.is_match(&name) && name.find('(').is_some_and(|i| i > 0) {
        name = TRAILING_PARENS.replace(&name, "").trim().to_string();
    }
    // Headline words glued to the name: "Acme Reportedly Valued", "Acme Initiates Series C".
    let words: Vec<&str> = name.split_whitespace().collect();
    if let Some(cut) = words.iter().skip(1).position(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        NOT_IN_NAME.contains(&w.to_lowercase().as_str())
            && w.starts_with(|c: char| c.is_uppercase())
    }) {
        name = words[..cut + 1].join(" ");
    }
    let name = name.trim_end_matches([',', ';', ':', '-', '–', '—']).trim();
    let lower = name.to_lowercase().replace('’', "'");
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let first = lower.split_whitespace().next().unwrap_or("");
    let single = !lower.contains(' ');
    let refused = letters < 2
        || PRONOUNS.contains(&first)
        || lower.chars().next().is_some_and(|c| c.is_ascii_digit())
            && lower
                .trim_end_matches('s')
                .chars()
                .all(|c| c.is_ascii_digit())
        || PLACES.contains(&lower.as_str())
        || (single && (is_not_name(name) || is_descriptor(name)))
        || NOT_A_COMPANY.contains(&lower.as_str())
        || outlet.is_some_and(|o| {
            // "GeekWire" from the outlet GeekWire; "Acme" from "Acme blog" is the company.
            let head = o.split(['(', ',']).next().unwrap_or(o);
            !key(name).is_empty() && key(head) == key(name)
        });
    (!refused).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::company_mention;

    fn tidy(raw: &str) -> Option<String> {
        company_mention(raw, Some("Harbour Ledger (harbourledger.example)"))
    }

    #[test]
    fn headline_words_after_the_name_are_cut() {
        assert_eq!(tidy("Parlando Reportedly").as_deref(), Some("Parlando"));
        assert_eq!(
            tidy("Tessel Bio Initiates Series C Round Targeting").as_deref(),
            Some("Tessel Bio")
        );
        assert_eq!(tidy("Quillmark Now").as_deref(), Some("Quillmark"));
        // The listing is the company's, not part of its name.
        assert_eq!(tidy("Sarvik Foods IPO").as_deref(), Some("Sarvik Foods"));
        assert_eq!(tidy("Tallowin Pre-IPO").as_deref(), Some("Tallowin"));
        // A lower-case word inside a name is kept: it is not a headline's capitalised verb.
        assert_eq!(tidy("Bank of Mirren").as_deref(), Some("Bank of Mirren"));
    }

    #[test]
    fn links_asides_and_stray_marks_are_tidied() {
        assert_eq!(
            tidy("[Ovenbird](https://ovenbird.example)").as_deref(),
            Some("Ovenbird")
        );
        assert_eq!(
            tidy("Kestrin Therapeutics Inc. (\"Kestrin\")").as_deref(),
            Some("Kestrin Therapeutics Inc.")
        );
        assert_eq!(tidy("Lumo Robotics\")").as_deref(), Some("Lumo Robotics"));
        assert_eq!(tidy("Daria Kostova)").as_deref(), Some("Daria Kostova"));
        assert_eq!(tidy("Veldt (Nairobi)").as_deref(), Some("Veldt"));
    }

    #[test]
    fn places_pronouns_descriptions_and_the_outlet_are_refused() {
        for raw in [
            "We're",
            "We’ve",
            "C",
            "90s",
            "San Francisco",
            "Latin America",
            "New Zealand",
            "North Africa (Mena)",
            "Challenger",
            "Neither",
            "Fundraising",
            "M&A",
            "Harbour Ledger",
            "London",
            "Tunisia",
        ] {
            assert_eq!(tidy(raw), None, "{raw}");
        }
    }

    #[test]
    fn a_company_on_its_own_blog_keeps_its_name() {
        assert_eq!(
            company_mention("Ovenbird", Some("Ovenbird blog (engineering)")).as_deref(),
            Some("Ovenbird")
        );
        assert_eq!(
            company_mention("Ovenbird", Some("Ovenbird (newsroom)")),
            None
        );
    }

    #[test]
    fn ordinary_names_pass_unchanged() {
        for raw in [
            "Acme",
            "GRID",
            "Pine & Co",
            "Nordvale Bank",
            "a16z",
            "Ember.io",
        ] {
            assert_eq!(tidy(raw).as_deref(), Some(raw), "{raw}");
        }
    }
}
