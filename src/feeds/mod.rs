//! News feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed, polled into the corpus.
//!
//! Moderators add feeds ([`add`]); a poll ([`poll`]) downloads each feed that is due with a
//! conditional request, fetches the page each new item links to through the same SSRF-safe,
//! size- and time-limited client as `/ingest` (falling back to the item's own text), drops
//! duplicates ([`dedupe`]) and saves the rest as Markdown articles under
//! `data/articles/feeds/<feed>/`. A reindex then picks them up incrementally. The state
//! ([`store`]) lives in `data/feeds.sqlite`, beside the articles it describes, so it survives
//! restarts and full reindexes.
//!
//! Nothing here knows Discord: the bot and the command line call these functions and render
//! their results.

pub mod dedupe;
pub mod poll;
pub mod store;

use std::path::PathBuf;
use std::time::Duration;

use crate::bot::ingest::{self, FetchOptions};
use crate::config::Paths;
use crate::error::{Error, Result};

pub use poll::{poll, Announcement, FeedPoll, Outcome, PollReport, SavedItem};
pub use store::{Feed, FeedStore};

/// Largest feed document accepted, whatever the article limit.
const MIN_FEED_BYTES: usize = 5_000_000;

/// How feeds are polled.
#[derive(Debug, Clone)]
pub struct FeedSettings {
    /// `FUNDBOT_FEED_INTERVAL`: time between polls (default 15 minutes).
    pub interval: Duration,
    /// `FUNDBOT_NEWS_CHANNEL`: where the bot announces what a poll found.
    pub news_channel: Option<u64>,
    /// Download rules for feeds and pages (the `/ingest` settings).
    pub fetch: FetchOptions,
    /// New items taken from one feed in one poll; the rest wait for the next poll.
    pub max_new_items: usize,
}

impl FeedSettings {
    /// Reads the settings through `get` (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let invalid = |name: &str, value: &str, what: &str| {
            Error::Invalid(format!("{name} has an invalid value {value:?}: {what}"))
        };
        let set = |name: &str| get(name).filter(|v| !v.trim().is_empty());
        let interval = match set("FUNDBOT_FEED_INTERVAL") {
            Some(v) => parse_interval(&v).ok_or_else(|| {
                invalid(
                    "FUNDBOT_FEED_INTERVAL",
                    &v,
                    "expected seconds, or a number with s, m or h (e.g. 15m)",
                )
            })?,
            None => Duration::from_secs(15 * 60),
        };
        let news_channel = match set("FUNDBOT_NEWS_CHANNEL") {
            Some(v) => Some(
                v.trim()
                    .parse()
                    .map_err(|_| invalid("FUNDBOT_NEWS_CHANNEL", &v, "expected a channel id"))?,
            ),
            None => None,
        };
        let number = |name: &str, default: u64| -> Result<u64> {
            match set(name) {
                Some(v) => v
                    .trim()
                    .parse()
                    .map_err(|_| invalid(name, &v, "expected a number")),
                None => Ok(default),
            }
        };
        Ok(FeedSettings {
            interval,
            news_channel,
            fetch: FetchOptions {
                max_bytes: number("FUNDBOT_MAX_INGEST_BYTES", 2_000_000)? as usize,
                timeout: Duration::from_secs(number("FUNDBOT_FETCH_TIMEOUT_SECS", 15)?),
                allow_private: get("FUNDBOT_ALLOW_PRIVATE_URLS")
                    .is_some_and(|v| matches!(v.trim(), "1" | "true" | "yes")),
            },
            max_new_items: 25,
        })
    }

    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Download rules for feed documents (which may be larger than one article).
    fn feed_fetch(&self) -> FetchOptions {
        FetchOptions {
            max_bytes: self.fetch.max_bytes.max(MIN_FEED_BYTES),
            ..self.fetch.clone()
        }
    }
}

/// Reads "900", "90s", "15m" or "1h"; at least one second.
pub fn parse_interval(text: &str) -> Option<Duration> {
    let t = text.trim().to_ascii_lowercase();
    let (number, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => t.split_at(i),
        None => (t.as_str(), "s"),
    };
    let n: u64 = number.parse().ok()?;
    let secs = match unit.trim() {
        "s" | "sec" | "secs" => n,
        "m" | "min" | "mins" => n.checked_mul(60)?,
        "h" => n.checked_mul(3600)?,
        _ => return None,
    };
    (secs > 0).then(|| Duration::from_secs(secs))
}

/// `data/feeds.sqlite`: the feed state store.
pub fn store_path(paths: &Paths) -> PathBuf {
    paths.data.join("feeds.sqlite")
}

/// Opens the feed state store of `paths`.
pub fn open_store(paths: &Paths) -> Result<FeedStore> {
    FeedStore::open(&store_path(paths))
}

/// Checks that `url` is a feed fundbot may fetch, then follows it as `name` (default: the
/// feed's own title). Bad input (not a URL, a private address, not a feed, a name in use)
/// is an [`Error::Invalid`] and changes nothing.
pub async fn add(
    paths: &Paths,
    settings: &FeedSettings,
    url: &str,
    name: Option<&str>,
    by: &str,
) -> Result<Feed> {
    let url = url.trim();
    let fetched = ingest::fetch(url, &settings.feed_fetch())
        .await
        .map_err(|e| Error::Invalid(format!("could not add {url}: {e}")))?;
    let parsed = feed_rs::parser::parse(fetched.bytes.as_slice()).map_err(|_| {
        Error::Invalid(format!(
            "{url} is not a feed (expected RSS, Atom or JSON Feed)"
        ))
    })?;
    let name = match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => n.to_string(),
        None => parsed
            .title
            .as_ref()
            .map(|t| t.content.trim().to_string())
            .filter(|t| !t.is_empty())
            .or_else(|| {
                reqwest::Url::parse(url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_string))
            })
            .unwrap_or_else(|| "feed".to_string()),
    };
    let name: String = name.chars().filter(|c| !c.is_control()).take(80).collect();
    let slug = crate::corpus::slug(&name);
    let store = open_store(paths)?;
    store.add(&name, &slug, url, by)
}

/// Every followed feed with its health.
pub fn list(paths: &Paths) -> Result<Vec<Feed>> {
    open_store(paths)?.list()
}

/// Stops following the feed named `which` (name, folder name or URL). Its saved articles
/// stay in the corpus.
pub fn remove(paths: &Paths, which: &str) -> Result<Feed> {
    open_store(paths)?
        .remove(which)?
        .ok_or_else(|| Error::Invalid(format!("no feed is called {:?}", which.trim())))
}

/// One line of a feed's health, for `/feed list` and `fundbot feeds list`.
pub fn health(feed: &Feed) -> String {
    let when = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    let mut out = match (&feed.last_error, feed.last_polled_at) {
        (Some(e), _) => {
            let mut s = format!("failing ({}× in a row): {e}", feed.failures);
            if let Some(t) = feed.retry_after {
                s.push_str(&format!("; backing off until {}", when(t)));
            }
            s
        }
        (None, Some(t)) => format!("ok, last polled {}", when(t)),
        (None, None) => "not polled yet".to_string(),
    };
    out.push_str(&format!(
        "; {} saved, {} items seen",
        feed.saved, feed.items_seen
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_seconds_minutes_and_hours() {
        assert_eq!(parse_interval("2s"), Some(Duration::from_secs(2)));
        assert_eq!(parse_interval("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_interval("15m"), Some(Duration::from_secs(900)));
        assert_eq!(parse_interval(" 1h "), Some(Duration::from_secs(3600)));
        assert_eq!(parse_interval("0"), None);
        assert_eq!(parse_interval("soon"), None);
        assert_eq!(parse_interval("5d"), None);
        let s = FeedSettings::from_lookup(|_| None).unwrap();
        assert_eq!(s.interval, Duration::from_secs(900));
        assert_eq!(s.news_channel, None);
        assert!(!s.fetch.allow_private);
        let err = FeedSettings::from_lookup(|k| {
            (k == "FUNDBOT_NEWS_CHANNEL").then(|| "#news".to_string())
        })
        .unwrap_err();
        assert!(err.to_string().contains("FUNDBOT_NEWS_CHANNEL"), "{err}");
    }
}
