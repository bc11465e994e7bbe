//! Duplicate detection: the same story reached by another link, from another feed, or already
//! ingested by hand.
//!
//! Two keys decide it. The canonical URL (scheme, `www.`, fragment, tracking parameters,
//! parameter order and a trailing slash do not count) catches the same link. The text
//! fingerprint (a hash of the article's passages with case, punctuation and spacing removed)
//! catches the same story under another link or in another file format, since page furniture
//! never becomes a passage.

use std::collections::HashSet;

use crate::corpus;
use crate::error::Result;
use crate::facts::store::FactStore;

use super::store::FeedStore;

/// Query parameters that only say where a click came from.
fn is_tracking(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("utm_")
        || matches!(
            n.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "mc_cid"
                | "mc_eid"
                | "ref"
                | "ref_src"
                | "cmpid"
                | "ncid"
                | "igshid"
                | "yclid"
                | "_hsenc"
                | "_hsmi"
                | "s_cid"
        )
}

/// The key two links to the same page share: host in lower case without `www.`, no scheme,
/// default port, fragment or tracking parameters, remaining parameters sorted, no trailing
/// slash. `None` for text that is not an http(s) URL.
pub fn canonical_url(url: &str) -> Option<String> {
    let parsed = reqwest::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut key = host.to_string();
    if let Some(port) = parsed.port() {
        key.push_str(&format!(":{port}"));
    }
    let path = parsed.path().trim_end_matches('/');
    key.push_str(if path.is_empty() { "/" } else { path });
    let mut pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(k, _)| !is_tracking(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    pairs.sort();
    if !pairs.is_empty() {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        key.push('?');
        key.push_str(&query.join("&"));
    }
    Some(key)
}

/// The fingerprint of a text made of these passages: letters and digits only, lower case.
pub fn fingerprint_passages<'a>(passages: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut hasher = blake3::Hasher::new();
    let mut any = false;
    for text in passages {
        for ch in text.chars().flat_map(char::to_lowercase) {
            if ch.is_alphanumeric() {
                let mut buf = [0u8; 4];
                hasher.update(ch.encode_utf8(&mut buf).as_bytes());
                any = true;
            }
        }
    }
    any.then(|| hasher.finalize().to_hex()[..32].to_string())
}

/// The fingerprint of an article body, over the passages the corpus would make of it.
pub fn fingerprint_body(body: &str) -> Option<String> {
    let passages = corpus::passages(body);
    fingerprint_passages(passages.iter().map(|p| p.span.text(body)))
}

/// What is already in the corpus: canonical links and text fingerprints of indexed articles.
#[derive(Debug, Default)]
pub struct Known {
    /// Canonical URLs of indexed articles.
    pub urls: HashSet<String>,
    /// Text fingerprints of indexed articles.
    pub fingerprints: HashSet<String>,
}

impl Known {
    /// Reads the indexed articles from the facts store (when there is one), computing the
    /// fingerprints of new or changed articles and caching them in the feed store.
    pub fn load(feeds: &FeedStore, facts: Option<&FactStore>) -> Result<Known> {
        let mut known = Known::default();
        let Some(facts) = facts else {
            return Ok(known);
        };
        let cached = feeds.corpus_fingerprints()?;
        for (id, hash, url) in facts.article_links()? {
            if let Some(key) = url.as_deref().and_then(canonical_url) {
                known.urls.insert(key);
            }
            match cached.get(&id) {
                Some((h, fp)) if *h == hash => {
                    known.fingerprints.insert(fp.clone());
                }
                _ => {
                    let texts = facts.passage_texts(&id)?;
                    if let Some(fp) = fingerprint_passages(texts.iter().map(String::as_str)) {
                        feeds.set_corpus_fingerprint(&id, &hash, &fp)?;
                        known.fingerprints.insert(fp);
                    }
                }
            }
        }
        Ok(known)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_the_same_page_share_one_key() {
        let key = canonical_url("https://news.example/2024/acme-raises/").unwrap();
        for same in [
            "http://www.news.example/2024/acme-raises",
            "https://NEWS.example/2024/acme-raises?utm_source=feed&utm_medium=rss",
            "https://news.example/2024/acme-raises#comments",
            "https://news.example:443/2024/acme-raises?fbclid=abc",
        ] {
            assert_eq!(canonical_url(same).as_deref(), Some(key.as_str()), "{same}");
        }
        assert_eq!(
            canonical_url("https://n.example/a?b=2&a=1"),
            canonical_url("https://n.example/a?a=1&b=2"),
            "parameter order does not count"
        );
        assert_ne!(
            canonical_url("https://n.example/a?id=1"),
            canonical_url("https://n.example/a?id=2"),
            "real parameters do"
        );
        assert_ne!(
            canonical_url("https://n.example/a"),
            canonical_url("https://n.example/b")
        );
        assert_eq!(canonical_url("mailto:x@y.example"), None);
        assert_eq!(canonical_url("not a link"), None);
    }

    #[test]
    fn the_same_story_has_one_fingerprint_whatever_its_spacing_and_furniture() {
        let a = "Quillfeather Robotics has raised $20 million in a Series A round led by Northwind Harbor Ventures.\n\nThe company will hire engineers.";
        let b = "QUILLFEATHER  Robotics has raised $20 million in a Series A round, led by Northwind Harbor Ventures!\n\nThe company  will hire engineers!";
        assert_eq!(fingerprint_body(a), fingerprint_body(b));
        let c = "Quillfeather Robotics has raised $25 million in a Series A round led by Northwind Harbor Ventures.\n\nThe company will hire engineers.";
        assert_ne!(fingerprint_body(a), fingerprint_body(c));
        assert_eq!(fingerprint_body(""), None);
    }
}
