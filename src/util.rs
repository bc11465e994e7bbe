//! Small shared helpers.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_boundaries_still_find_words_next_to_unicode() {
        let r = regex(r"(?i)\bled\s+by\b").unwrap();
        assert!(r.is_match("“Led by Alibaba”"));
        assert!(r.is_match("€5m led by X"));
        assert!(!r.is_match("misled by"));
    }
}
