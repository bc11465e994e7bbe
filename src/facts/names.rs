//! Company and investor names: matching keys that ignore case, accents, punctuation and legal
//! suffixes, and cleaning of the descriptions news wraps around names.

use unicode_normalization::UnicodeNormalization;

/// Legal and corporate suffixes dropped when names are compared ("Alibaba Group Holding
/// Limited" and "Alibaba" are the same company).
const SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "llp",
    "lp",
    "corp",
    "corporation",
    "co",
    "company",
    "group",
    "holding",
    "holdings",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "nv",
    "bv",
    "pte",
    "pvt",
    "private",
    "ab",
    "oy",
    "oyj",
    "asa",
    "spa",
    "srl",
    "kk",
    "bhd",
    "sdn",
    "tbk",
    "pt",
    "se",
    "the",
];

/// The key two spellings of one name share: lower case, accents and punctuation removed,
/// legal suffixes dropped. "Suning.Com", "suning.com" and "Suning.com Co., Ltd." all give
/// "suningcom".
pub fn key(name: &str) -> String {
    let folded: String = if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        name.nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect::<String>()
            .to_lowercase()
    };
    // Words as byte ranges of `folded`, parenthesised asides (tickers) left out, "&" as "and".
    let mut words: Vec<(usize, usize)> = Vec::with_capacity(8);
    let mut depth = 0usize;
    let mut word_start: Option<usize> = None;
    let mut buf = String::with_capacity(folded.len());
    let close = |start: &mut Option<usize>, words: &mut Vec<(usize, usize)>, buf: &String| {
        if let Some(s) = start.take() {
            if buf.len() > s {
                words.push((s, buf.len()));
            }
        }
    };
    for c in folded.chars() {
        match c {
            '(' => {
                depth += 1;
                close(&mut word_start, &mut words, &buf);
            }
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '&' => {
                close(&mut word_start, &mut words, &buf);
                let s = buf.len();
                buf.push_str("and");
                words.push((s, buf.len()));
            }
            c if c.is_whitespace() || matches!(c, ',' | '-' | '/') => {
                close(&mut word_start, &mut words, &buf)
            }
            c if c.is_alphanumeric() => {
                if word_start.is_none() {
                    word_start = Some(buf.len());
                }
                buf.push(c);
            }
            _ => {}
        }
    }
    close(&mut word_start, &mut words, &buf);
    let word = |i: usize| &buf[words[i].0..words[i].1];
    let mut start = 0;
    while start + 1 < words.len() && word(start) == "the" {
        start += 1;
    }
    let mut end = words.len();
    while end > start + 1 && SUFFIXES.contains(&word(end - 1)) {
        end -= 1;
    }
    if start >= end {
        return String::new();
    }
    let mut out = String::with_capacity(buf.len());
    for i in start..end {
        out.push_str(word(i));
    }
    out
}

fn strip_parenthesised(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Edit distance allowed between two keys for them to count as a typo of each other.
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Whether a name typed as `typed` may be taken to mean the known name `known` without asking:
/// one slip in a name of seven or more characters, two in twelve or more, and never in the first
/// letter. Looser matches are only offered as suggestions: an absent company must not be answered
/// with a present one's facts.
/// The first words of a longer name count too: "Quilmark" for "Quillmark Robotics".
pub fn acceptable_typo(typed: &str, known: &str) -> bool {
    let close = |t: &str, k: &str| {
        let (t, k) = (key(t), key(k));
        if t.is_empty() || t.chars().next() != k.chars().next() {
            return false;
        }
        let d = strsim::damerau_levenshtein(&t, &k);
        let len = t.chars().count().min(k.chars().count());
        // A short name may be off by a letter left out, doubled or swapped ("quorel", "tarlon"),
        // not by one letter for another: "Strive" is another company than "Stripe".
        d == 0
            || (d == 1 && len >= 7)
            || (d == 1 && len >= 5 && !is_substitution(&t, &k))
            || (d == 2 && len >= 12)
    };
    let words = typed.split_whitespace().count();
    close(typed, known)
        || (known.split_whitespace().count() > words && close(typed, &first_words(known, words)))
}

/// Whether two words of one length differ in one letter put for another (not two swapped).
fn is_substitution(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    !(diff.len() == 2
        && diff[1] == diff[0] + 1
        && a[diff[0]] == b[diff[1]]
        && a[diff[1]] == b[diff[0]])
}

/// True when `typed` is the first whole words of `full`: "Nuvora" of "Nuvora Health".
pub fn is_word_prefix(typed: &str, full: &str) -> bool {
    let k = key(typed);
    k.len() >= 4 && key(&first_words(full, typed.split_whitespace().count())) == k
}

/// Whether one typed word is the name's first words written together: "quillmark" for
/// "Quill Mark Robotics".
pub fn is_joined_prefix(typed: &str, full: &str) -> bool {
    let k = key(typed);
    k.len() >= 5
        && !typed.trim().contains(char::is_whitespace)
        && (2..=3).any(|n| full.split_whitespace().count() > n && key(&first_words(full, n)) == k)
}

/// The first `n` words of a name: "Quillmark" of "Quillmark Robotics" for 1.
fn first_words(name: &str, n: usize) -> String {
    name.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `a` and `b` name the same thing up to a small typo.
pub fn similar(a: &str, b: &str) -> bool {
    let (ka, kb) = (key(a), key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    // Lengths alone often rule a match out before the distance is computed.
    if ka.len().abs_diff(kb.len()) > typo_budget(ka.len().min(kb.len())) {
        return false;
    }
    ka == kb || strsim::osa_distance(&ka, &kb) <= typo_budget(ka.len().min(kb.len()))
}

/// Words that describe a person's job; the name follows the last of them
/// ("former Google CEO Eric Schmidt" is Eric Schmidt).
const TITLES: &[&str] = &[
    "CEO",
    "CTO",
    "CFO",
    "COO",
    "CMO",
    "CPO",
    "Dr",
    "Mr",
    "Ms",
    "Mrs",
    "Prof",
    "Chairman",
    "Chairwoman",
    "Chair",
    "President",
    "Founder",
    "Co-founder",
    "Cofounder",
    "Co-Founder",
    "Partner",
    "Director",
    "Chief",
    "Executive",
    "VP",
    "Vice",
    "Head",
    "Managing",
    "General",
    "Officer",
    "Minister",
    "Senator",
    "Professor",
    "Prof.",
    "Dr.",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Sir",
    "Dame",
];

/// Nationality and place adjectives that open descriptions ("Chinese e-commerce company").
const DEMONYMS: &[&str] = &[
    "American",
    "Chinese",
    "Japanese",
    "Korean",
    "South",
    "Indian",
    "German",
    "French",
    "British",
    "European",
    "Singaporean",
    "Swiss",
    "Dutch",
    "Swedish",
    "Israeli",
    "Brazilian",
    "Canadian",
    "Australian",
    "Emirati",
    "Qatari",
    "Spanish",
    "Italian",
    "Irish",
    "Danish",
    "Norwegian",
    "Finnish",
    "Nigerian",
    "Kenyan",
    "Indonesian",
    "Vietnamese",
    "Mexican",
    "Saudi-based",
    "U.S.",
    "US",
    "UK",
    "U.K.",
    "Silicon",
    "Valley",
    "Asian",
    "African",
    "Latin",
    "Middle",
    "Eastern",
    "Western",
    "Nordic",
    "Belgian",
    "Austrian",
    "Polish",
    "Turkish",
    "Egyptian",
    "Thai",
    "Malaysian",
    "Filipino",
    "Taiwanese",
    "Hong",
    "Kong-based",
    "Estonian",
    "Portuguese",
    "Argentine",
    "Chilean",
    "Colombian",
];

/// True for nationality and region words that open descriptions ("Chinese", "U.S.").
pub fn is_demonym(word: &str) -> bool {
    DEMONYMS.contains(&word)
}

/// Lower-case words that may sit inside a name ("Bank of America", "Fonds de ...").
const NAME_CONNECTORS: &[&str] = &[
    "of", "de", "du", "des", "la", "le", "van", "von", "der", "den", "di", "da", "del", "y", "&",
    "and", "for", "e",
];

/// Cleans an investor mention down to the name: descriptions before it ("Singapore state fund
/// Temasek"), job titles ("former Google CEO Eric Schmidt"), tickers and trailing asides are
/// removed. Returns `None` when nothing name-like is left ("other investors", "a fund").
pub fn clean_investor(raw: &str) -> Option<String> {
    let mut text = strip_parenthesised(raw);
    // Trailing asides: "Accel, which led its Series A" is Accel.
    for cut in [
        ", which", ", who", ", whose", " which ", " who ", ", a ", ", an ", ", the ", " - ", " — ",
        " – ",
    ] {
        if let Some(i) = text.find(cut) {
            text.truncate(i);
        }
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches([',', ';', ':', '"', '“', '”', '‘', '’', '\'', '@']))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    // The name is the last run of name-like words: after the last lower-case description word
    // (name connectors inside a run excepted) and after the last job title.
    // "the Birsig Angels club": a trailing descriptive noun is not part of the name.
    let mut words = words;
    while words.len() > 1
        && matches!(
            words[words.len() - 1],
            "club"
                | "network"
                | "syndicate"
                | "collective"
                | "group"
                | "firm"
                | "fund"
                | "office"
                | "platform"
                | "arm"
                | "unit"
                | "affiliate"
                | "subsidiary"
        )
        && words[words.len() - 2].starts_with(|c: char| c.is_uppercase())
    {
        words.pop();
    }
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        let lowercase_word = !is_name_word(w);
        let connector = NAME_CONNECTORS.contains(&w.to_ascii_lowercase().as_str())
            && i > start
            && i + 1 < words.len()
            && is_name_word(words[i + 1])
            && is_name_word(words[i - 1]);
        // "General Partner Ann Lee" is a title; "General Harbor" is a firm.
        let title = TITLES.contains(w)
            && (*w != "General"
                || words.get(i + 1).is_some_and(|next| {
                    ["Partner", "Manager", "Counsel", "Secretary", "Director"].contains(next)
                }));
        if (lowercase_word && !connector)
            || title
            || w.ends_with("-based")
            || w.ends_with("-headquartered")
        {
            start = i + 1;
        }
    }
    let mut name_words: Vec<&str> = words[start..].to_vec();
    // Clause openers ("In April, ...") and a leading demonym are not part of the name.
    // (A leading place word stays: "Nordic Wind Angels", "European Innovation Council".)
    while name_words
        .first()
        .is_some_and(|w| super::text::is_opener(w))
    {
        name_words.remove(0);
    }
    if name_words.iter().all(|w| super::text::is_not_name(w)) {
        return None;
    }
    let name = name_words
        .join(" ")
        .trim_end_matches(['.', ','])
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string();
    let name = fix_trailing_abbreviation(&name, raw);
    if name.chars().filter(|c| c.is_alphabetic()).count() < 2
        || is_generic(&name)
        || names_a_round(&name)
    {
        return None;
    }
    Some(name)
}

/// "Inc" lost its period while trimming: give it back when the raw text had it.
fn fix_trailing_abbreviation(name: &str, raw: &str) -> String {
    for abbr in ["Inc", "Ltd", "Corp", "Co", "Jr", "L.P", "S.A"] {
        if name.ends_with(abbr) && raw.contains(&format!("{name}.")) {
            return format!("{name}.");
        }
    }
    name.to_string()
}

/// A word that can be part of a name: starts with an upper-case letter or a digit, or has an
/// upper-case letter inside ("eFishery", "a16z" has a digit).
pub fn is_name_word(w: &str) -> bool {
    let w = w.trim_start_matches(['(', '"', '“', '\'']);
    let Some(first) = w.chars().next() else {
        return false;
    };
    if !first.is_alphanumeric() && first != '&' {
        return false;
    }
    first.is_uppercase()
        || first.is_ascii_digit()
        || w.chars().skip(1).any(|c| c.is_uppercase())
        || (w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic))
        || first == '&'
}

/// "Bellwick" for "Bellwick Therapeutics": a one-word name of three letters or more that is the
/// longer name's first word.
pub fn first_word_of(short: &str, long: &str) -> bool {
    let short = short.trim();
    !short.contains(' ')
        && short.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && long
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(short))
}

/// "Series B-2", "Round C", "Seed": a round, not an investor.
pub(crate) fn names_a_round(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("series ")
        || lower.starts_with("round ")
        || lower == "seed"
        || lower.starts_with("pre-seed")
}

/// Names that are really descriptions or pronouns.
fn is_generic(name: &str) -> bool {
    const GENERIC: &[&str] = &[
        "it",
        "its",
        "the",
        "they",
        "we",
        "he",
        "she",
        "company",
        "startup",
        "investors",
        "others",
        "other",
        "funds",
        "fund",
        "firm",
        "new",
        "existing",
        "several",
        "various",
        "both",
        "all",
        "undisclosed",
        "unnamed",
        "including",
        "among",
        "series",
        "round",
        "in",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "our",
        "their",
        "his",
        "her",
        "angels",
        "angel",
        "angel investors",
        "business angels",
        "founders",
        "family offices",
        "individuals",
        "employees",
        "vc",
        "vcs",
        "vc firms",
        "venture capitalists",
        "backers",
        "lenders",
        "banks",
        "shareholders",
        "investor",
        "institutions",
        "institutional investors",
        "strategic investors",
        "family office",
        "lps",
    ];
    let k = name.to_lowercase();
    GENERIC.contains(&k.as_str()) || k.len() < 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_word_opening_a_firm_name_stays() {
        assert_eq!(
            clean_investor("General Harbor").as_deref(),
            Some("General Harbor")
        );
        assert_eq!(
            clean_investor("General Partner Ann Lee").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(clean_investor("early-stage VCs"), None);
        assert_eq!(
            clean_investor("a Harbor Lane Capital affiliate").as_deref(),
            Some("Harbor Lane Capital")
        );
    }

    #[test]
    fn keys_ignore_case_punctuation_and_suffixes() {
        assert_eq!(key("Suning.Com"), key("suning.com"));
        assert_eq!(key("Alibaba Group Holding Limited (BABA)"), "alibaba");
        assert_eq!(key("SenseTime Group Ltd."), "sensetime");
        assert_eq!(key("Nvidia Corp."), "nvidia");
        assert_eq!(key("Société Générale"), "societegenerale");
        assert_eq!(key("The Group"), "group");
        assert_eq!(key("A&B Capital"), key("A and B Capital"));
    }

    #[test]
    fn only_safe_typos_are_accepted_without_asking() {
        assert!(acceptable_typo("senstime", "SenseTime"));
        assert!(acceptable_typo("Quilmark", "Quillmark Robotics"));
        assert!(
            !acceptable_typo("Quilmark", "Quillmart Robotics"),
            "two slips in eight letters"
        );
        assert!(acceptable_typo("SENSETIME group", "SenseTime"));
        assert!(
            !acceptable_typo("Zenratic AI", "Zennotic AI"),
            "two slips in ten letters"
        );
        assert!(
            !acceptable_typo("Stride", "Stripe"),
            "short names are other companies"
        );
        assert!(
            !acceptable_typo("Bensetime", "SenseTime"),
            "first letter differs"
        );
        assert!(acceptable_typo("Andreesen Horowitz", "Andreessen Horowitz"));
        // A letter left out or two swapped in a short name; never one letter for another.
        assert!(acceptable_typo("kelso", "Kellso"));
        assert!(acceptable_typo("tarlon", "Talron"));
        assert!(acceptable_typo("quorrel", "Quorel"));
        assert!(!acceptable_typo("strive", "Stripe"));
        assert!(
            !acceptable_typo("stip", "Strip"),
            "four letters are too few"
        );
    }

    #[test]
    fn typos_are_tolerated_within_a_budget() {
        assert!(similar("senstime", "SenseTime"));
        assert!(similar("Sense Time", "SenseTime"));
        assert!(!similar("Acme", "Acne"), "short names must match exactly");
        assert!(!similar("N26", "N25"));
    }

    #[test]
    fn descriptions_are_removed_from_investor_names() {
        let cases = [
            ("Singapore state fund Temasek", "Temasek"),
            ("Chinese e-commerce company Suning.Com", "Suning.Com"),
            ("its strategic partner Alibaba", "Alibaba"),
            ("former Google CEO Eric Schmidt", "Eric Schmidt"),
            ("Japanese conglomerate SoftBank", "SoftBank"),
            ("existing investors Accel", "Accel"),
            ("Bank of America", "Bank of America"),
            (
                "Alibaba Group Holding Limited (BABA)",
                "Alibaba Group Holding Limited",
            ),
            ("U.S.-based Tiger Global", "Tiger Global"),
            ("Sequoia Capital India", "Sequoia Capital India"),
            ("a16z", "a16z"),
            ("Accel, which led its Series A", "Accel"),
            ("SoftBank Vision Fund 2", "SoftBank Vision Fund 2"),
            ("Goldman Sachs & Co.", "Goldman Sachs & Co."),
            ("the Birsig Angels club", "Birsig Angels"),
        ];
        for (raw, want) in cases {
            assert_eq!(clean_investor(raw).as_deref(), Some(want), "{raw}");
        }
        for raw in [
            "other investors",
            "a number of angels",
            "it",
            "several existing backers",
        ] {
            assert_eq!(clean_investor(raw), None, "{raw}");
        }
    }
}
