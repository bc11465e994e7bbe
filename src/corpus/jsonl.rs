//! JSON Lines: one article per line with `title`, `source`, `url`, `published` and `text`.

use serde::Deserialize;

use super::{content_hash, normalize_body, parse_published, Article};
use crate::error::{Error, Result};

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default, alias = "body", alias = "content")]
    text: Option<String>,
}

/// Parses every non-empty line; each gives an article named `file#N` (N is the 1-based line
/// number) or an error naming that line.
pub fn parse(rel: &str, text: &str) -> Vec<Result<Article>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| parse_line(&format!("{rel}#{}", i + 1), line))
        .collect()
}

fn parse_line(id: &str, line: &str) -> Result<Article> {
    let bad = |reason: String| Error::Article {
        path: id.to_string(),
        reason,
    };
    let parsed: Line = serde_json::from_str(line.trim())
        .map_err(|e| bad(format!("not a JSON object with article keys ({e})")))?;
    let body = normalize_body(&parsed.text.unwrap_or_default());
    if body.is_empty() {
        return Err(bad("the line has no `text`".to_string()));
    }
    let mut warnings = Vec::new();
    let published = match parsed.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => {
            let date = parse_published(raw);
            if date.is_none() {
                warnings.push(format!(
                    "unreadable published date {raw:?}; indexed without one"
                ));
            }
            date
        }
    };
    let title = parsed
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            body.lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(120)
                .collect()
        });
    Ok(Article {
        id: id.to_string(),
        title: title.trim().to_string(),
        source: parsed.source.filter(|s| !s.is_empty()),
        url: parsed.url.filter(|s| !s.is_empty()),
        published,
        body,
        hash: content_hash(line.as_bytes()),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_an_article_and_a_bad_line_loses_only_itself() {
        let text = concat!(
            r#"{"title":"A raises","source":"Wire","url":"https://w.example/a","published":"2021-05-02","text":"Para one.\n\nPara two."}"#,
            "\n\n",
            "{not json\n",
            r#"{"title":"B raises","text":"B did."}"#,
            "\n"
        );
        let results = parse("feed.jsonl", text);
        assert_eq!(results.len(), 3);
        let a = results[0].as_ref().unwrap();
        assert_eq!(a.id, "feed.jsonl#1");
        assert_eq!(a.body, "Para one.\n\nPara two.");
        assert_eq!(a.published.unwrap().to_string(), "2021-05-02");
        let err = results[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("feed.jsonl#3: "), "{err}");
        assert_eq!(results[2].as_ref().unwrap().id, "feed.jsonl#4");
    }

    #[test]
    fn line_hashes_change_only_with_their_line() {
        let one = parse("f.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}");
        let two = parse("f.jsonl", "{\"text\":\"a\"}\n{\"text\":\"c\"}");
        assert_eq!(one[0].as_ref().unwrap().hash, two[0].as_ref().unwrap().hash);
        assert_ne!(one[1].as_ref().unwrap().hash, two[1].as_ref().unwrap().hash);
    }
}
