//! One poll of every feed that is due: conditional download, new items, duplicates dropped,
//! new articles saved. Reindexing and announcing are left to the caller.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::dedupe::{self, Known};
use super::store::{Feed, FeedStore, SeenItem};
use super::{open_store, FeedSettings};
use crate::bot::ingest::{self, Conditional, Validators};
use crate::config::Paths;
use crate::corpus::{self, CorpusFile, Format};
use crate::error::{Error, Result};
use crate::facts::store::FactStore;
use crate::facts::Role;

/// Failures in a row before a feed is left alone for a while.
const BACKOFF_AFTER: u32 = 3;
/// The longest a failing feed is left alone.
const MAX_BACKOFF: Duration = Duration::from_secs(24 * 3600);

/// An article a poll saved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedItem {
    /// Path under `data/articles/`.
    pub path: String,
    /// Its title.
    pub title: String,
    /// The link it came from.
    pub url: Option<String>,
    /// Whether the text came from the item itself because its page could not be fetched.
    pub from_feed_text: bool,
}

/// What happened to one feed in a poll.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// The server said nothing changed (304).
    NotModified,
    /// The feed was read.
    Read {
        /// Items in the document.
        items: usize,
        /// Items already seen in an earlier poll.
        seen: usize,
        /// New items that were the same story as an article already held.
        duplicates: usize,
        /// New items with no text to save.
        empty: usize,
    },
    /// The download or the parse failed.
    Failed {
        /// Why.
        error: String,
        /// Failures in a row.
        failures: u32,
    },
    /// Left alone: it failed repeatedly and its backoff has not run out.
    BackingOff {
        /// When it will be tried again.
        until: DateTime<Utc>,
    },
}

/// One feed's poll.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedPoll {
    /// The feed's name.
    pub feed: String,
    /// What happened.
    pub outcome: Outcome,
    /// Articles saved from it.
    pub saved: Vec<SavedItem>,
}

/// A whole poll.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PollReport {
    /// One entry per feed.
    pub feeds: Vec<FeedPoll>,
}

impl PollReport {
    /// Every article saved, across feeds.
    pub fn saved(&self) -> impl Iterator<Item = &SavedItem> {
        self.feeds.iter().flat_map(|f| f.saved.iter())
    }
}

/// A line of a news announcement: a round found in a new article, or the article itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Announcement {
    /// "Acme raised $20 million Series A led by Northwind", or the headline.
    pub text: String,
    /// The article's link.
    pub url: Option<String>,
}

/// The lines to announce for the saved articles, from the facts a reindex extracted.
pub fn announcements(facts: &FactStore, saved: &[SavedItem]) -> Result<Vec<Announcement>> {
    let mut out = Vec::new();
    for item in saved {
        let rounds = facts.rounds_for_article(&item.path)?;
        if rounds.is_empty() {
            out.push(Announcement {
                text: format!("New: {}", item.title),
                url: item.url.clone(),
            });
        }
        for r in rounds {
            let mut text = format!("{} raised", r.company);
            match &r.amount {
                Some(m) => text.push_str(&format!(" {m} {}", r.round.label())),
                None => text.push_str(&format!(" a {}", r.round.label())),
            }
            let leads = r.names(Role::Lead);
            if !leads.is_empty() {
                text.push_str(&format!(" led by {}", leads.join(", ")));
            }
            out.push(Announcement {
                text,
                url: item.url.clone(),
            });
        }
    }
    Ok(out)
}

/// Held while a poll runs, so two polls (the bot's and a cron job's) never save twice.
struct PollLock(File);

impl PollLock {
    fn acquire(paths: &Paths) -> Result<Self> {
        std::fs::create_dir_all(&paths.data).map_err(|e| Error::io(&paths.data, e))?;
        let path = paths.data.join("feeds.lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(PollLock(file)),
            Err(TryLockError::WouldBlock) => {
                Err(Error::Invalid("a feed poll is already running".into()))
            }
            Err(TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }
}

impl Drop for PollLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// When a feed that failed `failures` times in a row may be tried again: at the next poll
/// for the first failures, then after a doubling wait.
pub fn backoff(failures: u32, interval: Duration, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if failures < BACKOFF_AFTER {
        return None;
    }
    let factor = 1u32 << (failures - BACKOFF_AFTER + 1).min(16);
    let wait = interval.saturating_mul(factor).min(MAX_BACKOFF);
    chrono::Duration::from_std(wait).ok().map(|d| now + d)
}

/// Polls every feed that is due and saves its new items. Fails only when the state cannot be
/// read or another poll is running; a feed's own failure is recorded in its state.
pub async fn poll(paths: &Paths, settings: &FeedSettings) -> Result<PollReport> {
    let _lock = PollLock::acquire(paths)?;
    let (store, mut known) = {
        let paths = paths.clone();
        tokio::task::spawn_blocking(move || -> Result<(FeedStore, Known)> {
            let store = open_store(&paths)?;
            let facts = if paths.store().is_file() {
                Some(FactStore::open_readonly(&paths.store())?)
            } else {
                None
            };
            let known = Known::load(&store, facts.as_ref())?;
            Ok((store, known))
        })
        .await
        .map_err(|e| Error::Invalid(format!("the poll stopped: {e}")))??
    };
    let mut report = PollReport::default();
    let feeds = store.list()?;
    for feed in feeds {
        let now = Utc::now();
        if let Some(until) = feed.retry_after.filter(|t| *t > now) {
            report.feeds.push(FeedPoll {
                feed: feed.name.clone(),
                outcome: Outcome::BackingOff { until },
                saved: Vec::new(),
            });
            continue;
        }
        let result = poll_feed(paths, settings, &store, &mut known, &feed).await;
        report.feeds.push(result?);
    }
    Ok(report)
}

async fn poll_feed(
    paths: &Paths,
    settings: &FeedSettings,
    store: &FeedStore,
    known: &mut Known,
    feed: &Feed,
) -> Result<FeedPoll> {
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    let downloaded =
        ingest::fetch_conditional(&feed.url, &settings.feed_fetch(), &validators).await;
    let mut out = FeedPoll {
        feed: feed.name.clone(),
        outcome: Outcome::NotModified,
        saved: Vec::new(),
    };
    let fail = |error: String| -> Result<Outcome> {
        let now = Utc::now();
        let failures =
            store.record_failure(feed.id, &error, now, |n| backoff(n, settings.interval, now))?;
        tracing::warn!(feed = %feed.name, %error, failures, "feed poll failed");
        Ok(Outcome::Failed { error, failures })
    };
    let fetched = match downloaded {
        Ok(Conditional::NotModified) => {
            store.record_ok(feed.id, None, None, 0, Utc::now())?;
            return Ok(out);
        }
        Ok(Conditional::Fetched(f)) => f,
        Err(e) => {
            out.outcome = fail(e.to_string())?;
            return Ok(out);
        }
    };
    let parsed = match feed_rs::parser::parse(fetched.bytes.as_slice()) {
        Ok(p) => p,
        Err(_) => {
            out.outcome =
                fail("the address no longer serves a feed (RSS, Atom or JSON Feed)".into())?;
            return Ok(out);
        }
    };
    let base = reqwest::Url::parse(&fetched.url).ok();
    let outlet = parsed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| feed.name.clone());
    let items = items_of(&parsed, base.as_ref(), &feed.slug);
    let (mut seen, mut duplicates, mut empty) = (0, 0, 0);
    let mut taken = 0;
    for item in &items {
        if store.seen_key(&item.key)? {
            seen += 1;
            continue;
        }
        if taken >= settings.max_new_items {
            break;
        }
        taken += 1;
        let mut record = SeenItem {
            key: item.key.clone(),
            fingerprint: None,
            path: None,
        };
        if known.urls.contains(&item.key) {
            duplicates += 1;
            store.record_item(&feed.name, &record)?;
            continue;
        }
        let page = match &item.link {
            Some(link) => page_article(link, settings).await,
            None => None,
        };
        let Some(article) = compose(item, page, &outlet) else {
            empty += 1;
            store.record_item(&feed.name, &record)?;
            continue;
        };
        record.fingerprint = dedupe::fingerprint_body(&article.body);
        let Some(fp) = record.fingerprint.clone() else {
            empty += 1;
            store.record_item(&feed.name, &record)?;
            continue;
        };
        if known.fingerprints.contains(&fp) || store.seen_fingerprint(&fp)?.is_some() {
            duplicates += 1;
            record.fingerprint = None;
            store.record_item(&feed.name, &record)?;
            continue;
        }
        let path = save(&paths.articles(), &feed.slug, &article)?;
        record.path = Some(path.clone());
        store.record_item(&feed.name, &record)?;
        known.urls.insert(item.key.clone());
        known.fingerprints.insert(fp);
        out.saved.push(SavedItem {
            path,
            title: article.title.clone(),
            url: article.url.clone(),
            from_feed_text: article.from_feed_text,
        });
    }
    store.record_ok(
        feed.id,
        fetched.validators.etag.as_deref(),
        fetched.validators.last_modified.as_deref(),
        out.saved.len() as u64,
        Utc::now(),
    )?;
    out.outcome = Outcome::Read {
        items: items.len(),
        seen,
        duplicates,
        empty,
    };
    Ok(out)
}

/// A feed item, reduced to what fundbot uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Canonical URL of its link, or `id:<feed>:<id>` when it has none.
    pub key: String,
    /// Its link, resolved against the feed's address.
    pub link: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// When it was published (or updated).
    pub published: Option<NaiveDate>,
    /// Its own text (HTML or plain): full content, else summary.
    pub text: Option<String>,
}

/// The items of a parsed feed, in document order.
pub fn items_of(feed: &feed_rs::model::Feed, base: Option<&reqwest::Url>, slug: &str) -> Vec<Item> {
    feed.entries
        .iter()
        .map(|e| {
            let href = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| e.links.first())
                .map(|l| l.href.trim().to_string());
            let link = href.and_then(|h| match base {
                Some(b) => b.join(&h).ok().map(|u| u.to_string()),
                None => reqwest::Url::parse(&h).ok().map(|u| u.to_string()),
            });
            let key = link
                .as_deref()
                .and_then(dedupe::canonical_url)
                .unwrap_or_else(|| format!("id:{slug}:{}", e.id));
            let text = e
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .filter(|b| !b.trim().is_empty())
                .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
                .filter(|b| !b.trim().is_empty());
            Item {
                key,
                link,
                title: e
                    .title
                    .as_ref()
                    .map(|t| collapse(&t.content))
                    .filter(|t| !t.is_empty()),
                published: e.published.or(e.updated).map(|t| t.date_naive()),
                text,
            }
        })
        .collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The linked page read as an article, when it can be fetched and read.
async fn page_article(link: &str, settings: &FeedSettings) -> Option<corpus::Article> {
    let fetched = match ingest::fetch(link, &settings.fetch).await {
        Ok(f) => f,
        Err(e) => {
            tracing::info!(%link, error = %e, "page not fetched; using the feed's text");
            return None;
        }
    };
    let format = ingest::detect_format(None, fetched.content_type.as_deref(), &fetched.bytes)?;
    if format == Format::JsonLines {
        return None;
    }
    parse_as(format, &fetched.bytes)
}

fn parse_as(format: Format, bytes: &[u8]) -> Option<corpus::Article> {
    let probe = CorpusFile {
        rel: "feed-item".to_string(),
        path: PathBuf::from("feed-item"),
        format,
    };
    corpus::parse_file(&probe, bytes)
        .into_iter()
        .next()?
        .ok()
        .filter(|a| !corpus::passages(&a.body).is_empty())
}

/// An article ready to save.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Link.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Text, paragraphs separated by blank lines.
    pub body: String,
    /// The text is the feed's own, not the page's.
    pub from_feed_text: bool,
}

/// Puts together the article for an item: the page's text when it was read, else the item's
/// own text; the item's title and date first, the page's when the item has none.
pub fn compose(item: &Item, page: Option<corpus::Article>, outlet: &str) -> Option<Composed> {
    let (body, from_feed_text, page_title, page_source, page_date) = match page {
        Some(a) => (a.body, false, Some(a.title), a.source, a.published),
        None => {
            let text = item.text.as_deref()?;
            let html = format!("<html><body><article>{text}</article></body></html>");
            let body = parse_as(Format::Html, html.as_bytes())
                .map(|a| a.body)
                .or_else(|| {
                    let plain = corpus::normalize_body(text);
                    (!corpus::passages(&plain).is_empty()).then_some(plain)
                })?;
            (body, true, None, None, None)
        }
    };
    let title = item
        .title
        .clone()
        .or(page_title.filter(|t| !t.is_empty()))
        .unwrap_or_else(|| corpus::slug(&body).replace('-', " "));
    Some(Composed {
        title,
        source: page_source.unwrap_or_else(|| outlet.to_string()),
        url: item.link.clone(),
        published: item.published.or(page_date),
        body,
        from_feed_text,
    })
}

/// A front matter value, quoted, on one line.
fn quoted(value: &str) -> String {
    let one_line = collapse(value);
    format!(
        "\"{}\"",
        one_line.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

/// Saves `article` as Markdown with front matter under `feeds/<slug>/`; returns its path
/// under the articles directory. Written under a hidden name first, so a reindex never reads
/// half a file.
pub fn save(articles_dir: &Path, slug: &str, article: &Composed) -> Result<String> {
    let dir = articles_dir.join("feeds").join(slug);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let mut text = format!(
        "---\ntitle: {}\nsource: {}\n",
        quoted(&article.title),
        quoted(&article.source)
    );
    if let Some(url) = &article.url {
        text.push_str(&format!("url: {}\n", quoted(url)));
    }
    if let Some(date) = article.published {
        text.push_str(&format!("published: {date}\n"));
    }
    text.push_str("---\n");
    text.push_str(&article.body);
    text.push('\n');
    let date = article.published.unwrap_or_else(|| Utc::now().date_naive());
    let stem = format!("{date}-{}", corpus::slug(&article.title));
    let stem: String = stem.chars().take(100).collect();
    let mut name = format!("{stem}.md");
    let mut n = 2;
    while dir.join(&name).exists() {
        name = format!("{stem}-{n}.md");
        n += 1;
    }
    let tmp = dir.join(format!(".{name}.part"));
    std::fs::write(&tmp, text).map_err(|e| Error::io(&tmp, e))?;
    let target = dir.join(&name);
    std::fs::rename(&tmp, &target).map_err(|e| Error::io(&target, e))?;
    Ok(format!("feeds/{slug}/{name}"))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::bot::ingest::FetchOptions;
    use std::collections::HashMap;
    use std::convert::Infallible;
    use std::sync::{Arc, Mutex};

    /// What the test server answers at a path.
    #[derive(Clone)]
    pub(crate) struct Page {
        pub status: u16,
        pub body: String,
        pub content_type: &'static str,
        pub etag: Option<&'static str>,
        pub last_modified: Option<&'static str>,
    }

    /// A request's path and its validator (`If-None-Match`, else `If-Modified-Since`).
    pub(crate) type Request = (String, Option<String>);

    /// A tiny HTTP server on loopback serving pages that a test can change; it answers 304
    /// when `If-None-Match` matches, and records each request's path and validator.
    #[derive(Clone, Default)]
    pub(crate) struct Server {
        pub pages: Arc<Mutex<HashMap<String, Page>>>,
        pub requests: Arc<Mutex<Vec<Request>>>,
        pub base: String,
    }

    impl Server {
        pub async fn start() -> Server {
            let mut server = Server::default();
            let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            listener.set_nonblocking(true).unwrap();
            server.base = format!("http://{}", listener.local_addr().unwrap());
            let state = server.clone();
            let make = hyper::service::make_service_fn(move |_| {
                let state = state.clone();
                async move {
                    Ok::<_, Infallible>(hyper::service::service_fn(move |req| {
                        let state = state.clone();
                        async move { Ok::<_, Infallible>(state.answer(req)) }
                    }))
                }
            });
            tokio::spawn(hyper::Server::from_tcp(listener).unwrap().serve(make));
            server
        }

        fn answer(&self, req: hyper::Request<hyper::Body>) -> hyper::Response<hyper::Body> {
            let path = req.uri().path().to_string();
            let validator = req
                .headers()
                .get("if-none-match")
                .or_else(|| req.headers().get("if-modified-since"))
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            self.requests
                .lock()
                .unwrap()
                .push((path.clone(), validator.clone()));
            let page = self.pages.lock().unwrap().get(&path).cloned();
            let Some(page) = page else {
                return hyper::Response::builder()
                    .status(404)
                    .body(hyper::Body::empty())
                    .unwrap();
            };
            let current = page.etag.or(page.last_modified).map(str::to_string);
            if current.is_some() && current == validator {
                return hyper::Response::builder()
                    .status(304)
                    .body(hyper::Body::empty())
                    .unwrap();
            }
            let mut r = hyper::Response::builder()
                .status(page.status)
                .header("content-type", page.content_type);
            if let Some(e) = page.etag {
                r = r.header("etag", e);
            }
            if let Some(t) = page.last_modified {
                r = r.header("last-modified", t);
            }
            r.body(hyper::Body::from(page.body)).unwrap()
        }

        pub fn put(&self, path: &str, page: Page) -> String {
            self.pages.lock().unwrap().insert(path.to_string(), page);
            format!("{}{path}", self.base)
        }

        pub fn hits(&self, path: &str) -> Vec<Option<String>> {
            self.requests
                .lock()
                .unwrap()
                .iter()
                .filter(|(p, _)| p == path)
                .map(|(_, v)| v.clone())
                .collect()
        }
    }

    pub(crate) fn html(title: &str, text: &str) -> Page {
        Page {
            status: 200,
            body: format!(
                "<html><head><title>{title}</title></head><body><nav>Home | Markets</nav><article><h1>{title}</h1><p>{text}</p></article></body></html>"
            ),
            content_type: "text/html; charset=utf-8",
            etag: None,
            last_modified: None,
        }
    }

    /// An RSS 2.0 document with `(title, link, description)` items.
    pub(crate) fn rss(
        title: &str,
        items: &[(&str, &str, &str)],
        etag: Option<&'static str>,
    ) -> Page {
        let items: String = items
            .iter()
            .map(|(t, l, d)| {
                format!("<item><title>{t}</title><link>{l}</link><guid>{l}</guid><pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate><description>{d}</description></item>")
            })
            .collect();
        Page {
            status: 200,
            body: format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title><link>https://wire.example/</link><description>Test wire</description>{items}</channel></rss>"),
            content_type: "application/rss+xml",
            etag,
            last_modified: None,
        }
    }

    pub(crate) fn settings() -> FeedSettings {
        FeedSettings {
            interval: Duration::from_secs(60),
            news_channel: None,
            fetch: FetchOptions {
                max_bytes: 1_000_000,
                timeout: Duration::from_secs(5),
                allow_private: true,
            },
            max_new_items: 25,
        }
    }

    fn home() -> (tempfile::TempDir, Paths) {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::new(dir.path().join("data"), dir.path().join("index"));
        std::fs::create_dir_all(paths.articles()).unwrap();
        (dir, paths)
    }

    fn reindex(paths: &Paths, full: bool) {
        crate::reindex::reindex(
            paths,
            &crate::reindex::Options {
                full,
                holder: "test".into(),
                progress: &crate::reindex::Silent,
            },
        )
        .unwrap();
    }

    const KITE: &str = "Kitefern Labs has raised $12 million in a Series A round led by Marrowgate Capital. The company makes soil sensors.";
    const ORCHID: &str = "Orchidline Health has raised $7 million in a seed round led by Pebblestone Ventures. It will hire nurses.";

    #[tokio::test]
    async fn conditional_requests_send_the_validators_and_a_304_adds_nothing() {
        let server = Server::start().await;
        let (_dir, paths) = home();
        let page = server.put("/kite", html("Kitefern Labs raises $12M", KITE));
        let feed = server.put(
            "/feed.xml",
            rss(
                "Loam Wire",
                &[("Kitefern Labs raises $12M", &page, "Short summary.")],
                Some("\"v1\""),
            ),
        );
        feeds_add(&paths, &feed).await;
        let first = poll(&paths, &settings()).await.unwrap();
        assert_eq!(first.saved().count(), 1, "{first:?}");
        let second = poll(&paths, &settings()).await.unwrap();
        assert_eq!(second.feeds[0].outcome, Outcome::NotModified);
        assert_eq!(second.saved().count(), 0);
        let hits = server.hits("/feed.xml");
        assert_eq!(hits.last().unwrap().as_deref(), Some("\"v1\""), "{hits:?}");
        assert_eq!(hits[1], None, "the first poll has no validator: {hits:?}");
        let state = crate::feeds::list(&paths).unwrap();
        assert_eq!(state[0].etag.as_deref(), Some("\"v1\""));
        assert_eq!(state[0].saved, 1);
        // The saved article reads back with title, outlet, link and date.
        let saved = &first.feeds[0].saved[0];
        let text = std::fs::read_to_string(paths.articles().join(&saved.path)).unwrap();
        assert!(
            saved.path.starts_with("feeds/loam-wire/2024-05-07-"),
            "{}",
            saved.path
        );
        assert!(
            text.contains("title: \"Kitefern Labs raises $12M\""),
            "{text}"
        );
        assert!(text.contains("source: \"Loam Wire\""), "{text}");
        assert!(text.contains(&format!("url: \"{page}\"")), "{text}");
        assert!(text.contains("published: 2024-05-07"), "{text}");
        assert!(
            text.contains("Marrowgate Capital") && !text.contains("Home | Markets"),
            "{text}"
        );
    }

    #[tokio::test]
    async fn last_modified_is_sent_back_as_if_modified_since() {
        let server = Server::start().await;
        let (_dir, paths) = home();
        let page = server.put("/orchid", html("Orchidline raises $7M", ORCHID));
        let stamp = "Wed, 08 May 2024 10:00:00 GMT";
        let feed = server.put(
            "/feed.xml",
            Page {
                last_modified: Some(stamp),
                ..rss("Loam Wire", &[("Orchidline raises $7M", &page, "x")], None)
            },
        );
        feeds_add(&paths, &feed).await;
        assert_eq!(poll(&paths, &settings()).await.unwrap().saved().count(), 1);
        let second = poll(&paths, &settings()).await.unwrap();
        assert_eq!(second.feeds[0].outcome, Outcome::NotModified, "{second:?}");
        let hits = server.hits("/feed.xml");
        assert_eq!(hits.last().unwrap().as_deref(), Some(stamp), "{hits:?}");
        let state = &crate::feeds::list(&paths).unwrap()[0];
        assert_eq!(state.last_modified.as_deref(), Some(stamp));
        assert_eq!(state.etag, None);
    }

    #[test]
    fn atom_and_json_feed_items_give_links_titles_dates_and_text() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fen Wire</title><id>urn:fen</id>
<updated>2024-05-09T08:00:00Z</updated>
<entry><title>Kitefern Labs raises $12M</title><id>urn:fen:1</id>
<link rel="alternate" href="/news/kitefern?utm_source=atom"/>
<published>2024-05-09T08:00:00Z</published><updated>2024-05-09T08:00:00Z</updated>
<summary>Kitefern Labs has raised $12 million.</summary></entry></feed>"#;
        let base = reqwest::Url::parse("https://fen.example/feeds/atom.xml").unwrap();
        let parsed = feed_rs::parser::parse(atom.as_bytes()).unwrap();
        let items = items_of(&parsed, Some(&base), "fen-wire");
        assert_eq!(items.len(), 1);
        assert_eq!(
            items[0].link.as_deref(),
            Some("https://fen.example/news/kitefern?utm_source=atom"),
            "relative links resolve against the feed's address"
        );
        assert_eq!(items[0].key, "fen.example/news/kitefern");
        assert_eq!(items[0].title.as_deref(), Some("Kitefern Labs raises $12M"));
        assert_eq!(items[0].published, NaiveDate::from_ymd_opt(2024, 5, 9));
        assert!(items[0].text.as_deref().unwrap().contains("$12 million"));

        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Marsh Notes",
            "items": [{"id": "7", "content_html": "<p>Orchidline Health has raised $7 million.</p>",
                       "title": "Orchidline raises", "date_published": "2024-05-10T09:00:00Z"}]}"#;
        let parsed = feed_rs::parser::parse(json.as_bytes()).unwrap();
        let items = items_of(&parsed, None, "marsh-notes");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].link, None);
        assert_eq!(
            items[0].key, "id:marsh-notes:7",
            "no link: the item's id is its key"
        );
        assert_eq!(items[0].published, NaiveDate::from_ymd_opt(2024, 5, 10));
        let composed = compose(&items[0], None, "Marsh Notes").unwrap();
        assert!(composed.from_feed_text);
        assert_eq!(composed.body, "Orchidline Health has raised $7 million.");
        assert_eq!(composed.source, "Marsh Notes");
    }

    async fn feeds_add(paths: &Paths, url: &str) -> Feed {
        crate::feeds::add(paths, &settings(), url, None, "test")
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn duplicates_are_dropped_by_link_and_by_text_across_feeds_and_manual_ingests() {
        let server = Server::start().await;
        let (_dir, paths) = home();
        // A moderator ingested the Kitefern story by hand, from a tracking link.
        std::fs::create_dir_all(paths.articles().join("ingested")).unwrap();
        std::fs::write(
            paths.articles().join("ingested/kite.md"),
            format!("---\ntitle: Kitefern raises\nurl: https://news.example/kite?utm_source=x\n---\n{KITE}\n"),
        )
        .unwrap();
        reindex(&paths, false);
        let orchid = server.put("/orchid", html("Orchidline raises $7M", ORCHID));
        let orchid_copy = server.put(
            "/syndicated/orchid",
            html("Orchidline Health lands seed", ORCHID),
        );
        let kite_copy = server.put("/kite-copy", html("Kitefern Labs: $12M", KITE));
        let a = server.put(
            "/a.xml",
            rss(
                "Wire A",
                &[
                    ("Kitefern raises", "https://www.news.example/kite/", "gone"),
                    ("Orchidline raises $7M", &orchid, "x"),
                ],
                None,
            ),
        );
        let b = server.put(
            "/b.xml",
            rss(
                "Wire B",
                &[
                    ("Orchidline Health lands seed", &orchid_copy, "x"),
                    ("Kitefern Labs: $12M", &kite_copy, "x"),
                    (
                        "Orchidline raises $7M",
                        &format!("{orchid}?utm_medium=rss"),
                        "x",
                    ),
                ],
                None,
            ),
        );
        feeds_add(&paths, &a).await;
        feeds_add(&paths, &b).await;
        let report = poll(&paths, &settings()).await.unwrap();
        let saved: Vec<_> = report.saved().map(|s| s.title.clone()).collect();
        assert_eq!(saved, ["Orchidline raises $7M"], "{report:#?}");
        assert_eq!(
            report.feeds[0].outcome,
            Outcome::Read {
                items: 2,
                seen: 0,
                duplicates: 1,
                empty: 0
            },
            "the hand-ingested link"
        );
        assert_eq!(
            report.feeds[1].outcome,
            Outcome::Read {
                items: 3,
                seen: 1,
                duplicates: 2,
                empty: 0
            },
            "same text under another link and the ingested text are duplicates; the link feed A \
             saved, with tracking added, is an item seen before"
        );
        assert!(
            server.hits("/kite").is_empty(),
            "a known link is not even fetched"
        );
    }

    #[tokio::test]
    async fn feed_state_survives_a_restart_and_a_full_reindex() {
        let server = Server::start().await;
        let (_dir, paths) = home();
        let kite = server.put("/kite", html("Kitefern Labs raises $12M", KITE));
        // No validators: only the items seen keep the second poll from saving again.
        let feed = server.put(
            "/feed.xml",
            rss(
                "Loam Wire",
                &[("Kitefern Labs raises $12M", &kite, "x")],
                None,
            ),
        );
        feeds_add(&paths, &feed).await;
        assert_eq!(poll(&paths, &settings()).await.unwrap().saved().count(), 1);
        reindex(&paths, false);
        reindex(&paths, true);
        std::fs::remove_dir_all(&paths.index).unwrap();
        reindex(&paths, true);
        let again = poll(&paths, &settings()).await.unwrap();
        assert_eq!(again.saved().count(), 0, "{again:?}");
        assert_eq!(
            again.feeds[0].outcome,
            Outcome::Read {
                items: 1,
                seen: 1,
                duplicates: 0,
                empty: 0
            }
        );
        assert_eq!(
            server.hits("/kite").len(),
            1,
            "a seen item's page is not fetched again"
        );
    }

    #[tokio::test]
    async fn unreachable_pages_fall_back_to_the_items_text() {
        let server = Server::start().await;
        let (_dir, paths) = home();
        let feed = server.put(
            "/feed.xml",
            rss(
                "Loam Wire",
                &[(
                    "Orchidline raises $7M",
                    &format!("{}/missing", server.base),
                    &format!("&lt;p&gt;{ORCHID}&lt;/p&gt;"),
                )],
                None,
            ),
        );
        feeds_add(&paths, &feed).await;
        let report = poll(&paths, &settings()).await.unwrap();
        let saved = &report.feeds[0].saved;
        assert_eq!(saved.len(), 1, "{report:?}");
        assert!(saved[0].from_feed_text);
        let text = std::fs::read_to_string(paths.articles().join(&saved[0].path)).unwrap();
        assert!(
            text.contains("Pebblestone Ventures") && !text.contains("<p>"),
            "{text}"
        );
    }

    #[tokio::test]
    async fn broken_feeds_are_recorded_and_left_alone_after_repeated_failures() {
        let server = Server::start().await;
        let (_dir, paths) = home();
        let feed = server.put("/feed.xml", rss("Loam Wire", &[], None));
        feeds_add(&paths, &feed).await;
        server.put(
            "/feed.xml",
            Page {
                status: 500,
                body: "oops".into(),
                content_type: "text/plain",
                etag: None,
                last_modified: None,
            },
        );
        for n in 1..=3 {
            let r = poll(&paths, &settings()).await.unwrap();
            assert!(
                matches!(&r.feeds[0].outcome, Outcome::Failed { failures, error } if *failures == n && error.contains("500")),
                "{r:?}"
            );
        }
        let state = &crate::feeds::list(&paths).unwrap()[0];
        assert!(state.retry_after.is_some());
        assert!(crate::feeds::health(state).contains("the server answered 500"));
        let before = server.hits("/feed.xml").len();
        let r = poll(&paths, &settings()).await.unwrap();
        assert!(
            matches!(r.feeds[0].outcome, Outcome::BackingOff { .. }),
            "{r:?}"
        );
        assert_eq!(
            server.hits("/feed.xml").len(),
            before,
            "no request while backing off"
        );
        assert_eq!(backoff(2, Duration::from_secs(60), Utc::now()), None);
        let later = backoff(4, Duration::from_secs(60), Utc::now()).unwrap();
        assert!(later > Utc::now() + chrono::Duration::seconds(200));
    }

    #[tokio::test]
    async fn adding_refuses_pages_that_are_not_feeds_and_private_addresses() {
        let server = Server::start().await;
        let (_dir, paths) = home();
        let page = server.put("/page", html("Not a feed", ORCHID));
        let err = crate::feeds::add(&paths, &settings(), &page, None, "t")
            .await
            .unwrap_err();
        assert!(
            err.is_user_error() && err.to_string().contains("is not a feed"),
            "{err}"
        );
        let feed = server.put("/feed.xml", rss("Loam Wire", &[], None));
        let mut strict = settings();
        strict.fetch.allow_private = false;
        let err = crate::feeds::add(&paths, &strict, &feed, None, "t")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("private or local"), "{err}");
        assert!(
            crate::feeds::list(&paths).unwrap().is_empty(),
            "nothing changed"
        );
        let added = crate::feeds::add(&paths, &settings(), &feed, None, "t")
            .await
            .unwrap();
        assert_eq!(added.name, "Loam Wire");
        let err = crate::feeds::add(&paths, &settings(), &feed, Some("Other"), "t")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("already followed"), "{err}");
    }
}
