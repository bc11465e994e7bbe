//! Markdown and text articles, with or without a front matter block.

use super::{first_line, normalize_body, parse_published, Article};
use crate::error::{Error, Result};

/// Parses a Markdown or text article.
///
/// With a front matter block (`---` lines around `key: value` pairs) the keys `title`, `source`,
/// `url` and `published` are read, values may be quoted, other keys are ignored. Without one, the
/// first line is the title (a Markdown `#` heading marker is dropped).
pub fn parse(rel: &str, text: &str, hash: String) -> Result<Article> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bad = |reason: &str| Error::Article {
        path: rel.to_string(),
        reason: reason.to_string(),
    };
    let mut article = Article {
        id: rel.to_string(),
        title: String::new(),
        source: None,
        url: None,
        published: None,
        body: String::new(),
        hash,
        warnings: Vec::new(),
    };

    let body = if let Some((meta, body)) = split_front_matter(text) {
        let meta = meta.ok_or_else(|| bad("front matter starts with `---` but never ends"))?;
        for (key, value) in meta {
            match key.as_str() {
                "title" => article.title = value,
                "source" | "outlet" | "publisher" => article.source = non_empty(value),
                "url" | "link" => article.url = non_empty(value),
                "published" | "date" => {
                    article.published = parse_published(&value);
                    if article.published.is_none() && !value.is_empty() {
                        article.warnings.push(format!(
                            "unreadable published date {value:?}; indexed without one"
                        ));
                    }
                }
                _ => {}
            }
        }
        body
    } else {
        let title = first_line(text).unwrap_or_default();
        let rest = text.trim_start().strip_prefix(title).unwrap_or_default();
        article.title = title.trim_start_matches('#').trim().to_string();
        rest
    };

    article.body = normalize_body(strip_markdown_headings(body).as_str());
    if article.title.is_empty() {
        article.title = first_line(&article.body)
            .unwrap_or_default()
            .chars()
            .take(120)
            .collect();
    }
    if article.body.is_empty() {
        return Err(bad("the article has no body text"));
    }
    Ok(article)
}

/// Splits `---` front matter from the body. `None`: no front matter at all. `Some((None, _))`:
/// an opening fence with no closing one.
/// `key: value` pairs of a front matter block.
type Pairs = Vec<(String, String)>;

fn split_front_matter(text: &str) -> Option<(Option<Pairs>, &str)> {
    let trimmed = text.trim_start_matches(['\n', '\r', ' ']);
    let after_open = trimmed.strip_prefix("---")?;
    let after_open = after_open.trim_start_matches([' ', '\t']);
    let after_open = after_open
        .strip_prefix("\r\n")
        .or_else(|| after_open.strip_prefix('\n'))?;
    let mut pairs = Vec::new();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_end() == "---" || content.trim_end() == "..." {
            return Some((Some(pairs), &after_open[offset..]));
        }
        if let Some((key, value)) = content.split_once(':') {
            let key = key.trim().to_ascii_lowercase();
            if !key.is_empty() && !key.contains(' ') {
                pairs.push((key, unquote(value.trim())));
            }
        }
    }
    Some((None, ""))
}

/// Removes matching surrounding quotes and undoes the common escapes inside double quotes.
fn unquote(value: &str) -> String {
    let bytes = value.as_bytes();
    if bytes.len() >= 2 {
        let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
        if first == b'"' && last == b'"' {
            return value[1..value.len() - 1]
                .replace("\\\"", "\"")
                .replace("\\\\", "\\");
        }
        if first == b'\'' && last == b'\'' {
            return value[1..value.len() - 1].replace("''", "'");
        }
    }
    value.to_string()
}

fn non_empty(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

/// Drops Markdown heading markers so `## Why it matters` reads as a plain line.
fn strip_markdown_headings(body: &str) -> String {
    body.lines()
        .map(|line| {
            let t = line.trim_start();
            if t.starts_with('#') {
                t.trim_start_matches('#').trim_start()
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn parse_ok(text: &str) -> Article {
        parse("a.md", text, "h".into()).unwrap()
    }

    #[test]
    fn front_matter_with_quoted_and_plain_values() {
        let a = parse_ok(
            "---\ntitle: \"Acme raises $20M: what it means\"\nsource: Example News\nurl: 'https://example.com/a'\npublished: 2018-04-09\nauthor: Someone\n---\nFirst para.\n\nSecond para.\n",
        );
        assert_eq!(a.title, "Acme raises $20M: what it means");
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2018, 4, 9));
        assert_eq!(a.body, "First para.\n\nSecond para.");
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn unquoted_title_keeps_its_colons() {
        let a = parse_ok("---\ntitle: Exclusive: Acme raises $20M\n---\nBody.");
        assert_eq!(a.title, "Exclusive: Acme raises $20M");
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let a = parse_ok(
            "\u{feff}---\r\ntitle: T\r\npublished: 2020-01-02\r\n---\r\nLine one.\r\n\r\nLine two.",
        );
        assert_eq!(a.title, "T");
        assert_eq!(a.body, "Line one.\n\nLine two.");
    }

    #[test]
    fn plain_text_takes_its_first_line_as_title() {
        let a = parse_ok("\n# Acme lands seed round\n\nAcme said on Monday.\n\nMore.");
        assert_eq!(a.title, "Acme lands seed round");
        assert_eq!(a.body, "Acme said on Monday.\n\nMore.");
        assert_eq!(a.published, None);
    }

    #[test]
    fn bad_date_is_a_warning_not_a_failure() {
        let a = parse_ok("---\ntitle: T\npublished: sometime soon\n---\nBody.");
        assert_eq!(a.published, None);
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn unclosed_front_matter_is_an_error_naming_the_file() {
        let err = parse("broken.md", "---\ntitle: T\nBody without end", "h".into()).unwrap_err();
        assert!(err.to_string().starts_with("broken.md: "), "{err}");
        assert!(err.to_string().contains("never ends"));
    }

    #[test]
    fn empty_body_is_an_error() {
        assert!(parse("e.md", "---\ntitle: T\n---\n\n", "h".into()).is_err());
    }
}
