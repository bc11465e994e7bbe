//! Small shared helpers.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

/// Compiles a pattern with ASCII word boundaries.
///
/// The patterns here look for English cue words, so `\b` only needs to see ASCII word
/// characters; Unicode word boundaries would make the regex engine leave its fast DFA on any
/// non-ASCII text (curly quotes, "€", "São Paulo"), which the profiler showed dominating reindex.
pub fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    // A larger lazy-DFA cache: the cue patterns are big alternations, and with the default
    // cache the engine kept rebuilding states (the profile showed it as the top cost).
    regex::RegexBuilder::new(&pattern.replace(r"\b", r"(?-u:\b)"))
        .dfa_size_limit(16 * 1024 * 1024)
        .build()
}

/// A cheap look, in one pass, at which groups of cue words a text contains, so that costly
/// patterns run only where a word that every one of their matches contains is present.
///
/// Group `i` is present when any of its words occurs anywhere in the text, compared in ASCII
/// case-insensitively (inside longer words too: "led" is present in "co-led"). A pattern may be
/// gated on a group only when each of its matches contains one of the group's words.
pub struct CueWords {
    searcher: AhoCorasick,
    /// The group of each word, by pattern index.
    group_of: Vec<u32>,
    all: u64,
}

impl CueWords {
    /// One group per slice of words; at most 64 groups.
    pub fn new(groups: &[&[&str]]) -> Self {
        assert!(groups.len() <= 64, "at most 64 cue groups");
        let mut words = Vec::new();
        let mut group_of = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            for word in *group {
                assert!(word.is_ascii(), "cue words are ASCII");
                words.push(*word);
                group_of.push(g as u32);
            }
        }
        let searcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&words)
            .expect("cue words");
        let all = if groups.len() == 64 {
            u64::MAX
        } else {
            (1u64 << groups.len()) - 1
        };
        CueWords {
            searcher,
            group_of,
            all,
        }
    }

    /// The groups present in `text`, as bits.
    pub fn scan(&self, text: &str) -> u64 {
        // Case-insensitive patterns also match the Kelvin sign as "k" and the long s as "s":
        // a text with either is taken to contain every group.
        if !text.is_ascii() && text.contains(['\u{212A}', '\u{17F}']) {
            return self.all;
        }
        let mut found = 0u64;
        for m in self.searcher.find_overlapping_iter(text) {
            found |= 1 << self.group_of[m.pattern().as_usize()];
            if found == self.all {
                break;
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_words_are_found_inside_words_and_in_any_case() {
        let cues = CueWords::new(&[&["led"], &["from", "investor"], &["valu"]]);
        assert_eq!(cues.scan("Co-LED by Halvard"), 0b001);
        assert_eq!(cues.scan("with Investors"), 0b010);
        assert_eq!(cues.scan("nothing here"), 0);
        assert_eq!(cues.scan("spearheaded from a valuation"), 0b110);
        // Overlapping words are all seen.
        let overlap = CueWords::new(&[&["participants"], &["particip"]]);
        assert_eq!(overlap.scan("participants"), 0b11);
    }

    #[test]
    fn a_text_that_case_folds_oddly_has_every_cue() {
        // `(?i)k` matches the Kelvin sign and `(?i)s` the long s, which ASCII folding does not.
        assert!(regex(r"(?i)backs").unwrap().is_match("bac\u{212A}s"));
        assert!(regex(r"(?i)backs").unwrap().is_match("back\u{17F}"));
        let cues = CueWords::new(&[&["backs"], &["led"]]);
        assert_eq!(cues.scan("bac\u{212A}s"), 0b11);
        assert_eq!(cues.scan("back\u{17F}"), 0b11);
        assert_eq!(cues.scan("“backs”"), 0b01);
    }

    #[test]
    fn ascii_boundaries_still_find_words_next_to_unicode() {
        let r = regex(r"(?i)\bled\s+by\b").unwrap();
        assert!(r.is_match("“Led by Alibaba”"));
        assert!(r.is_match("€5m led by X"));
        assert!(!r.is_match("misled by"));
    }
}
