//! Turning what people type into Tantivy queries that cannot fail.

use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, Term};

use super::Fields;
use crate::error::{Error, Result};

/// Longest query text considered; the rest is ignored.
const MAX_QUERY_BYTES: usize = 1000;
/// Most terms kept from one query.
const MAX_TERMS: usize = 48;

/// Parses user text with Tantivy's query syntax (quotes for phrases, `+`/`-`, `AND`/`OR`) over
/// passage text and titles. Anything the parser objects to (unbalanced quotes or brackets, field
/// names that do not exist, `*`, `~`, `:`) makes the whole query fall back to plain terms.
pub fn user_query(index: &Index, fields: Fields, text: &str) -> Result<Box<dyn Query>> {
    let text = clip(text);
    let mut parser = QueryParser::for_index(index, vec![fields.text, fields.title]);
    parser.set_field_boost(fields.title, 0.4);
    let (query, errors) = parser.parse_query_lenient(text);
    let mut terms = 0;
    query.query_terms(&mut |_, _| terms += 1);
    if errors.is_empty() && terms > 0 && terms <= MAX_TERMS && !has_syntax_hazard(text) {
        return Ok(query);
    }
    plain_terms_query(index, fields, text)
}

/// Every word of `text`, analysed like the passages, as an optional term on text and title.
/// Errors only when no word is left (an empty or punctuation-only query).
pub fn plain_terms_query(index: &Index, fields: Fields, text: &str) -> Result<Box<dyn Query>> {
    let text = clip(text);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (field, boost) in [(fields.text, 1.0f32), (fields.title, 0.4)] {
        let mut analyzer = index.tokenizer_for_field(field)?;
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            if seen.len() >= MAX_TERMS * 2 || !seen.insert((field, token.text.clone())) {
                continue;
            }
            let term = Term::from_field_text(field, &token.text);
            let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
            let q: Box<dyn Query> = if boost == 1.0 {
                q
            } else {
                Box::new(tantivy::query::BoostQuery::new(q, boost))
            };
            clauses.push((Occur::Should, q));
        }
    }
    if clauses.is_empty() && text.chars().any(char::is_alphanumeric) {
        // Only function words ("AND", "the"): a valid search that finds nothing.
        return Ok(Box::new(tantivy::query::EmptyQuery));
    }
    if clauses.is_empty() {
        return Err(Error::Invalid(
            "the query has no words to search for".to_string(),
        ));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// A query that needs every word of `text` (in the text or the title), for checking whether the
/// articles use a name at all. Only function words: a query that finds nothing.
pub fn all_terms_query(index: &Index, fields: Fields, text: &str) -> Result<Box<dyn Query>> {
    let text = clip(text);
    let mut text_an = index.tokenizer_for_field(fields.text)?;
    let mut stream = text_an.token_stream(text);
    let mut words = Vec::new();
    while let Some(token) = stream.next() {
        if words.len() < MAX_TERMS && !words.contains(&token.text) {
            words.push(token.text.clone());
        }
    }
    if words.is_empty() {
        return Ok(Box::new(tantivy::query::EmptyQuery));
    }
    let clauses: Vec<(Occur, Box<dyn Query>)> = words
        .iter()
        .map(|w| {
            let either: Vec<(Occur, Box<dyn Query>)> = [fields.text, fields.title]
                .iter()
                .map(|f| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(*f, w),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            let q: Box<dyn Query> = Box::new(BooleanQuery::new(either));
            (Occur::Must, q)
        })
        .collect();
    Ok(Box::new(BooleanQuery::new(clauses)))
}

fn clip(text: &str) -> &str {
    if text.len() <= MAX_QUERY_BYTES {
        return text;
    }
    let mut end = MAX_QUERY_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Syntax whose meaning surprises people who did not mean it: a field prefix (`series:c`),
/// wildcards, fuzzy or boost markers, ranges, regexes.
fn has_syntax_hazard(text: &str) -> bool {
    text.contains([':', '*', '~', '^', '[', ']', '{', '}', '/', '\\'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::PassageIndex;
    use tantivy::collector::Count;

    #[test]
    fn hostile_strings_never_fail() {
        let index = PassageIndex::in_memory().unwrap();
        let (tantivy, fields) = (index.tantivy(), index.fields());
        let searcher = tantivy.reader().unwrap().searcher();
        for text in [
            "\"Series C led by",
            "title:(Alibaba",
            "led:by Alibaba",
            "seri* AND ~2 alibaba^",
            "AND",
            "OR OR NOT",
            "[2018 TO",
            "{}{}}{ alibaba",
            "a\\b/c/",
            "-alibaba",
            "'; DROP TABLE rounds; --",
            "@everyone 🚀 Série C 阿里巴巴",
            &"word ".repeat(5000),
        ] {
            let q = user_query(tantivy, fields, text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            searcher.search(&*q, &Count).unwrap();
        }
    }

    #[test]
    fn empty_queries_are_a_clear_error() {
        let index = PassageIndex::in_memory().unwrap();
        for text in ["", "   ", "?!,.", "***", "{}{}}{", "\"\""] {
            let err = user_query(index.tantivy(), index.fields(), text).expect_err(text);
            assert!(err.to_string().contains("no words"), "{err}");
        }
    }
}
