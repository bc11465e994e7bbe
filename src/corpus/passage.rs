//! Splitting article bodies into paragraphs, sentences and passages.
//!
//! Offsets are byte offsets into [`Article::body`](super::Article::body), so a citation can
//! slice out exactly the text it quotes.

use serde::Serialize;

use super::boilerplate::{is_boilerplate, starts_trailing_block};

/// A byte range of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The text this span covers in `body`.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// A paragraph-sized piece of an article: the unit that is indexed, searched and cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// 0-based position among the article's passages.
    pub ordinal: usize,
    /// Where the passage lies in the body.
    pub span: Span,
    /// Its sentences, as spans of the body.
    pub sentences: Vec<Span>,
}

/// Longest passage before a paragraph is cut at sentence boundaries (bytes).
const MAX_PASSAGE: usize = 900;

/// The body's paragraphs (blank-line separated), with their spans.
pub fn paragraphs(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in body.split("\n\n") {
        let end = start + piece.len();
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if end - trail > start + lead {
            out.push(Span {
                start: start + lead,
                end: end - trail,
            });
        }
        start = end + 2;
    }
    out
}

/// Cuts a body into passages: one per reporting paragraph, long paragraphs cut between
/// sentences, furniture (see [`is_boilerplate`]) and short headings left out.
pub fn passages(body: &str) -> Vec<Passage> {
    let paras = paragraphs(body);
    let mut out = Vec::new();
    let mut trailing = false;
    for (i, para) in paras.iter().enumerate() {
        let text = para.text(body);
        // A trailing block (offers table, related links) in the second half of an article ends
        // the story.
        if !trailing && i * 2 >= paras.len() && starts_trailing_block(text) {
            trailing = true;
        }
        if trailing || is_boilerplate(text) || is_heading(text) {
            continue;
        }
        let pieces = if is_record(text) {
            vec![Span {
                start: 0,
                end: text.len(),
            }]
        } else {
            split_sentences(text)
        };
        let sentences: Vec<Span> = pieces
            .into_iter()
            .map(|s| Span {
                start: para.start + s.start,
                end: para.start + s.end,
            })
            .collect();
        let mut chunk: Vec<Span> = Vec::new();
        for sentence in sentences {
            if let (Some(first), Some(_)) = (chunk.first(), chunk.last()) {
                if sentence.end - first.start > MAX_PASSAGE {
                    push_passage(&mut out, std::mem::take(&mut chunk));
                }
            }
            chunk.push(sentence);
        }
        push_passage(&mut out, chunk);
    }
    out
}

fn push_passage(out: &mut Vec<Passage>, sentences: Vec<Span>) {
    if let (Some(first), Some(last)) = (sentences.first(), sentences.last()) {
        out.push(Passage {
            ordinal: out.len(),
            span: Span {
                start: first.start,
                end: last.end,
            },
            sentences,
        });
    }
}

/// A short line without closing punctuation is a subheading ("Why it matters").
fn is_heading(text: &str) -> bool {
    text.len() < 70
        && text.split_whitespace().count() <= 8
        && !text.ends_with(['.', '!', '?', '"', '”', ':', ')'])
        && !text.chars().any(|c| c.is_ascii_digit())
        && !is_record(text)
}

/// A "Field: value | Field: value | ..." line (a tracker row, a newsletter's deal card): read
/// whole, never cut into sentences.
pub fn is_record(text: &str) -> bool {
    text.split('|')
        .filter(|c| labelled_cell(c).is_some())
        .count()
        >= 3
}

/// "Lead investor: Harbor Lane" split into label and value, when the label is a short phrase
/// (one to four words) and not a sentence that happens to hold a colon.
pub(crate) fn labelled_cell(cell: &str) -> Option<(&str, &str)> {
    cell.split_once(':')
        .filter(|(label, _)| !label.trim().is_empty() && label.split_whitespace().count() <= 4)
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "inc", "ltd", "corp", "co", "llc", "plc", "bros", "pte", "pvt", "cos", "mr", "mrs", "ms", "dr",
    "prof", "jr", "sr", "st", "mt", "ft", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.s.a", "u.n",
    "e.u", "no", "nos", "approx", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "gov", "sen", "rep", "gen", "col", "lt", "capt", "s.a", "n.v",
    "a.g", "p.l.c", "s.p.a", "b.v", "rs", "vol", "dept", "fig", "ave", "blvd", "a.m", "p.m",
    "ph.d", "hon", "assn", "intl", "mln", "bn", "mn", "incl", "esp", "viz", "mio", "mrd", "u.a",
    "z.b", "bzw", "ca",
];

/// Splits text into sentences. Periods after abbreviations ("Inc.", "U.S.", "Corp."), single
/// initials ("J. Smith") and inside numbers or domains ("3.5", "Suning.com") do not end a
/// sentence. Returns spans relative to `text`, trimmed of surrounding spaces.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // "... planned for the autumn\nPORT ELLIS, Maine, June 3 --": a line that opens
        // with a dateline starts a sentence, whatever the line before ended with.
        if b == b'\n' && opens_with_dateline(&text[i + 1..]) {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') && !in_aside(text, i) {
            // Include closing quotes and brackets that follow the mark.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let next = text[end..].chars().next();
            let boundary = match next {
                None => true,
                Some(c) if c.is_whitespace() => {
                    let rest = text[end..].trim_start();
                    let after = rest.chars().next();
                    b != b'.'
                        || (!is_abbreviation(text, i)
                            && (starts_sentence(after) || odd_case_name(rest)))
                }
                // "last May.The company ...": a repost that lost the space.
                Some(c) if c.is_uppercase() && b == b'.' => glued_sentence(text, i, end),
                _ => false,
            };
            if boundary {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

/// A mark inside a short aside in brackets ends no sentence: "a 2019 (!) seed round",
/// "(sic.)", "(?)".
fn in_aside(text: &str, mark: usize) -> bool {
    if !text[mark + 1..].starts_with(')') {
        return false;
    }
    let mut from = mark.saturating_sub(6);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..mark];
    head.rfind('(').is_some_and(|open| {
        head[open + 1..]
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '!' | '?' | '.'))
    })
}

/// A place in capitals, then a comma: "PORT ELLIS, Maine," or "LONDON, May 3".
fn opens_with_dateline(line: &str) -> bool {
    let head: &str = line.split(',').next().unwrap_or("");
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    line.contains(',')
        && (3..=30).contains(&letters)
        && head
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
}

/// Whether the full stop at `dot` ends a sentence although no space follows it: a word in
/// lower case (or capitalised) before it and a word that opens sentences after it
/// ("October.The"), never a name written with a dot ("Booking.Com", "Ferro.io").
fn glued_sentence(text: &str, dot: usize, next: usize) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "In",
        "We",
        "Our",
        "They",
        "Their",
        "He",
        "She",
        "His",
        "Her",
        "But",
        "And",
        "A",
        "An",
        "On",
        "At",
        "As",
        "After",
        "Last",
        "Today",
        "According",
        "Founded",
        "Based",
    ];
    let before: &str = text[..dot]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let after: &str = text[next..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    before.chars().count() >= 2
        && before.chars().skip(1).all(char::is_lowercase)
        && OPENERS.contains(&after)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if end - trail > start + lead {
        out.push(Span {
            start: start + lead,
            end: end - trail,
        });
    }
}

/// Whether a sentence can start with this character: capitals, digits, quotes, brackets.
fn starts_sentence(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            (c.is_alphabetic() && !c.is_lowercase())
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '"' | '\''
                        | '“'
                        | '‘'
                        | '('
                        | '['
                        | '$'
                        | '€'
                        | '£'
                        | '¥'
                        | '₹'
                        | '₩'
                        | '—'
                        | '-'
                        | '*'
                        | '•'
                )
                || !c.is_alphabetic() && !c.is_ascii_punctuation()
        }
    }
}

/// Names that start in lower case but are names: "eTambak", "a16z", "iKarta".
fn odd_case_name(rest: &str) -> bool {
    let word: &str = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    word.len() > 2
        && word.starts_with(|c: char| c.is_lowercase())
        && word
            .chars()
            .skip(1)
            .any(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// True when the period at `dot` closes an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '[' | '—'))
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    // Only the trailing run of letters and periods: "WIRE)--Jan" is "Jan".
    let word = &before[word_start..];
    let run_start = word
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map_or(word.len(), |(i, _)| i);
    let word = &word[run_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial ("J. Smith"), except a round's letter
    // ("raised a Series B. The round ...").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let previous = before[..word_start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let round_letter = ["series", "round", "class"].contains(&previous.to_lowercase().as_str());
        return c.is_uppercase() && !round_letter;
    }
    // Initials run together: "J.P. Morgan", "A.T. Kearney".
    let initials = word.len() >= 3
        && word.split('.').all(|part| {
            let mut cs = part.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
        });
    let lower = word.to_lowercase();
    initials || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn a_line_opening_with_a_dateline_starts_a_sentence() {
        assert_eq!(
            sentences("Launch planned for the autumn\nPORT ELLIS, Maine, June 3, 2024 -- Norvale said it has a loan.\nWrapped lines\nstay together."),
            [
                "Launch planned for the autumn",
                "PORT ELLIS, Maine, June 3, 2024 -- Norvale said it has a loan.",
                "Wrapped lines\nstay together."
            ]
        );
    }

    #[test]
    fn a_mark_in_a_short_aside_ends_no_sentence() {
        assert_eq!(
            sentences("It closed a 2019 (!) $9 million seed. A (sic.) typo stays. (It was late.) Then more."),
            [
                "It closed a 2019 (!) $9 million seed.",
                "A (sic.) typo stays.",
                "(It was late.)",
                "Then more."
            ]
        );
    }

    #[test]
    fn run_together_initials_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Banks such as H.K. Lindqvist Securities ran the book. Trading opens Friday."
            ),
            [
                "Banks such as H.K. Lindqvist Securities ran the book.",
                "Trading opens Friday."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Lumio closed a €40m Series B. Index Ventures led it."),
            ["Lumio closed a €40m Series B.", "Index Ventures led it."]
        );
        let text =
            "It works with Qualcomm Inc. and Nvidia Corp. on chips. The U.S. market is large. \
                    Alibaba Group Holding Ltd. led it. J. Smith said so! Did he? Yes.";
        assert_eq!(
            sentences(text),
            [
                "It works with Qualcomm Inc. and Nvidia Corp. on chips.",
                "The U.S. market is large.",
                "Alibaba Group Holding Ltd. led it.",
                "J. Smith said so!",
                "Did he?",
                "Yes."
            ]
        );
    }

    #[test]
    fn abbreviations_after_punctuation() {
        assert_eq!(
            sentences("AUSTIN, Texas--(BUSINESS WIRE)--Jan. 9, 2024--Acme raised."),
            ["AUSTIN, Texas--(BUSINESS WIRE)--Jan. 9, 2024--Acme raised."]
        );
    }

    #[test]
    fn names_in_odd_case_start_sentences() {
        assert_eq!(
            sentences("It closed. eTambak raised money. a16z invested."),
            ["It closed.", "eTambak raised money.", "a16z invested."]
        );
    }

    #[test]
    fn numbers_domains_and_quotes() {
        let text =
            "Suning.com invested $3.5 million. “It is a record,” he said. \"We grew.\" Next one.";
        assert_eq!(
            sentences(text),
            [
                "Suning.com invested $3.5 million.",
                "“It is a record,” he said.",
                "\"We grew.\"",
                "Next one."
            ]
        );
    }

    #[test]
    fn scale_abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Wolkenfeld hat 12 Mio. Euro erhalten. Das Geld kommt von Nordlicht."),
            [
                "Wolkenfeld hat 12 Mio. Euro erhalten.",
                "Das Geld kommt von Nordlicht."
            ]
        );
    }

    #[test]
    fn a_sentence_glued_to_the_last_one_is_its_own() {
        assert_eq!(
            sentences("Its Series D closed last May.The company had raised $40m in 2019."),
            [
                "Its Series D closed last May.",
                "The company had raised $40m in 2019."
            ]
        );
        // Names written with a dot stay whole.
        assert_eq!(
            sentences("It sells on Booking.Com and Ferro.io today."),
            ["It sells on Booking.Com and Ferro.io today."]
        );
    }

    #[test]
    fn lower_case_after_a_period_continues_the_sentence() {
        assert_eq!(
            sentences("Raised approx. $5m in total. Then more."),
            ["Raised approx. $5m in total.", "Then more."]
        );
        assert_eq!(
            sentences("See fig. three. Done"),
            ["See fig. three.", "Done"]
        );
    }

    #[test]
    fn passages_skip_furniture_and_keep_offsets() {
        let body = "Acme raised $5 million.\n\nWhy it matters\n\nThe round was led by Northwind. It closed in May.\n\nAdvertisement\n\nMore text here.\n\nTake the Next Step to Invest\n\nThe offers in this block pay us.";
        let ps = passages(body);
        let texts: Vec<&str> = ps.iter().map(|p| p.span.text(body)).collect();
        assert_eq!(
            texts,
            [
                "Acme raised $5 million.",
                "The round was led by Northwind. It closed in May.",
                "More text here."
            ]
        );
        assert_eq!(ps[1].ordinal, 1);
        assert_eq!(ps[1].sentences.len(), 2);
        assert_eq!(ps[1].sentences[1].text(body), "It closed in May.");
    }

    #[test]
    fn long_paragraphs_are_cut_between_sentences() {
        let sentence = "This sentence is about forty-five bytes long. ";
        let para = sentence.repeat(60);
        let ps = passages(para.trim());
        assert!(ps.len() > 1);
        for p in &ps {
            assert!(p.span.end - p.span.start <= MAX_PASSAGE);
            assert!(p.span.text(&para).ends_with('.'));
        }
    }

    #[test]
    fn multibyte_text_splits_on_char_boundaries() {
        let text = "Ünïcödé raised ₩30 billion. 東京のスタートアップ. Ça marche.";
        let s = sentences(text);
        assert_eq!(
            s,
            [
                "Ünïcödé raised ₩30 billion.",
                "東京のスタートアップ.",
                "Ça marche."
            ]
        );
    }
}
