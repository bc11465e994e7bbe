//! The feed state store: `data/feeds.sqlite`.
//!
//! It holds the feeds moderators added, each feed's cache validators and health (last error,
//! consecutive failures, when to try again), and every item seen with the fingerprint of its
//! text. It lives in `data/`, not in the derived `index/`, so a restart or a `reindex --full`
//! never forgets what was already fetched.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Error, Result};

const SCHEMA: &str = r#"
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    slug TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL UNIQUE,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_polled_at TEXT,
    last_ok_at TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    retry_after TEXT,
    saved INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY,
    feed TEXT NOT NULL,
    fingerprint TEXT,
    path TEXT,
    seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_fingerprint ON items(fingerprint);
CREATE TABLE IF NOT EXISTS corpus_fingerprints (
    article TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    fingerprint TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// A feed and its health, as `/feed list` shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Feed {
    /// Store id.
    pub id: i64,
    /// The name moderators gave it (or the feed's own title).
    pub name: String,
    /// The folder name under `data/articles/feeds/`.
    pub slug: String,
    /// The feed's address.
    pub url: String,
    /// Who added it.
    pub added_by: String,
    /// When it was added.
    pub added_at: DateTime<Utc>,
    /// `ETag` of the last full download.
    pub etag: Option<String>,
    /// `Last-Modified` of the last full download.
    pub last_modified: Option<String>,
    /// When it was last polled (successfully or not).
    pub last_polled_at: Option<DateTime<Utc>>,
    /// When a poll last succeeded.
    pub last_ok_at: Option<DateTime<Utc>>,
    /// Why the last poll failed; `None` once a poll succeeds.
    pub last_error: Option<String>,
    /// Failures in a row.
    pub failures: u32,
    /// No poll before this time (backoff after repeated failures).
    pub retry_after: Option<DateTime<Utc>>,
    /// Articles saved from it so far.
    pub saved: u64,
    /// Items seen in it so far (saved, duplicates and unreadable ones).
    pub items_seen: u64,
}

/// What became of a feed item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenItem {
    /// The item's canonical URL (or `id:` key when it has no link).
    pub key: String,
    /// Fingerprint of its text, when it had any.
    pub fingerprint: Option<String>,
    /// Where it was saved under `data/articles/`, when it was.
    pub path: Option<String>,
}

/// The feed state store.
pub struct FeedStore {
    conn: Mutex<Connection>,
}

fn time(value: Option<String>) -> Option<DateTime<Utc>> {
    value
        .and_then(|v| DateTime::parse_from_rfc3339(&v).ok())
        .map(|t| t.with_timezone(&Utc))
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl FeedStore {
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Opens (creating) the store at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch(SCHEMA)?;
        Ok(FeedStore {
            conn: Mutex::new(conn),
        })
    }

    /// Adds a feed. A name or URL already present is a user error.
    pub fn add(&self, name: &str, slug: &str, url: &str, by: &str) -> Result<Feed> {
        if let Some(f) = self.find(url)? {
            return Err(Error::Invalid(format!(
                "that feed is already followed as {:?}",
                f.name
            )));
        }
        if self.find(name)?.is_some() || self.find(slug)?.is_some() {
            return Err(Error::Invalid(format!(
                "a feed named {name:?} already exists; pick another name"
            )));
        }
        self.conn().execute(
            "INSERT INTO feeds (name, slug, url, added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![name, slug, url, by, stamp(Utc::now())],
        )?;
        self.find(url)?
            .ok_or_else(|| Error::Invalid("the feed vanished while being added".into()))
    }

    /// Removes the feed named `which` (its name, folder name or URL); `None` when unknown.
    /// The items it saved stay in the corpus, and stay known as seen.
    pub fn remove(&self, which: &str) -> Result<Option<Feed>> {
        let Some(feed) = self.find(which)? else {
            return Ok(None);
        };
        self.conn()
            .execute("DELETE FROM feeds WHERE id = ?1", [feed.id])?;
        Ok(Some(feed))
    }

    /// The feed whose name (any case), folder name or URL is `which`.
    pub fn find(&self, which: &str) -> Result<Option<Feed>> {
        let which = which.trim();
        let id: Option<i64> = self
            .conn()
            .query_row(
                "SELECT id FROM feeds WHERE lower(name) = lower(?1) OR slug = ?1 OR url = ?1",
                [which],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => Ok(self.list()?.into_iter().find(|f| f.id == id)),
            None => Ok(None),
        }
    }

    /// Every feed, in the order they were added.
    pub fn list(&self) -> Result<Vec<Feed>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, name, slug, url, added_by, added_at, etag, last_modified, last_polled_at,
                    last_ok_at, last_error, failures, retry_after, saved,
                    (SELECT count(*) FROM items WHERE items.feed = feeds.name)
             FROM feeds ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Feed {
                id: r.get(0)?,
                name: r.get(1)?,
                slug: r.get(2)?,
                url: r.get(3)?,
                added_by: r.get(4)?,
                added_at: time(r.get(5)?).unwrap_or_default(),
                etag: r.get(6)?,
                last_modified: r.get(7)?,
                last_polled_at: time(r.get(8)?),
                last_ok_at: time(r.get(9)?),
                last_error: r.get(10)?,
                failures: r.get(11)?,
                retry_after: time(r.get(12)?),
                saved: r.get::<_, i64>(13)? as u64,
                items_seen: r.get::<_, i64>(14)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records a successful poll: new validators (kept when the server sent none on a 304),
    /// the error and failure count cleared.
    pub fn record_ok(
        &self,
        feed_id: i64,
        etag: Option<&str>,
        last_modified: Option<&str>,
        saved: u64,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.conn().execute(
            "UPDATE feeds SET etag = coalesce(?2, etag), last_modified = coalesce(?3, last_modified),
                 last_polled_at = ?4, last_ok_at = ?4, last_error = NULL, failures = 0,
                 retry_after = NULL, saved = saved + ?5
             WHERE id = ?1",
            params![feed_id, etag, last_modified, stamp(at), saved as i64],
        )?;
        Ok(())
    }

    /// Records a failed poll and when to try again. Returns the failures in a row.
    pub fn record_failure(
        &self,
        feed_id: i64,
        error: &str,
        at: DateTime<Utc>,
        retry_after: impl Fn(u32) -> Option<DateTime<Utc>>,
    ) -> Result<u32> {
        let failures: u32 = self
            .conn()
            .query_row("SELECT failures FROM feeds WHERE id = ?1", [feed_id], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(0)
            + 1;
        self.conn().execute(
            "UPDATE feeds SET last_polled_at = ?2, last_error = ?3, failures = ?4, retry_after = ?5
             WHERE id = ?1",
            params![
                feed_id,
                stamp(at),
                error,
                failures,
                retry_after(failures).map(stamp)
            ],
        )?;
        Ok(failures)
    }

    /// True when an item with this key was seen before, in any feed.
    pub fn seen_key(&self, key: &str) -> Result<bool> {
        Ok(self
            .conn()
            .query_row("SELECT 1 FROM items WHERE key = ?1", [key], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The path of the item saved with this text fingerprint, if any.
    pub fn seen_fingerprint(&self, fingerprint: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT coalesce(path, key) FROM items WHERE fingerprint = ?1 LIMIT 1",
                [fingerprint],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Remembers an item of `feed` (saved or not) so it is never fetched again.
    pub fn record_item(&self, feed: &str, item: &SeenItem) -> Result<()> {
        self.conn().execute(
            "INSERT OR IGNORE INTO items (key, feed, fingerprint, path, seen_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                item.key,
                feed,
                item.fingerprint,
                item.path,
                stamp(Utc::now())
            ],
        )?;
        Ok(())
    }

    /// Cached text fingerprints of corpus articles, by article id: `(content hash, fingerprint)`.
    pub fn corpus_fingerprints(
        &self,
    ) -> Result<std::collections::HashMap<String, (String, String)>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT article, hash, fingerprint FROM corpus_fingerprints")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Caches a corpus article's fingerprint for its current content hash.
    pub fn set_corpus_fingerprint(
        &self,
        article: &str,
        hash: &str,
        fingerprint: &str,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT OR REPLACE INTO corpus_fingerprints (article, hash, fingerprint) VALUES (?1, ?2, ?3)",
            params![article, hash, fingerprint],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_their_health_and_seen_items_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.sqlite");
        let at = Utc::now();
        {
            let store = FeedStore::open(&path).unwrap();
            let feed = store
                .add(
                    "Quill Wire",
                    "quill-wire",
                    "https://quill.example/feed.xml",
                    "maria",
                )
                .unwrap();
            store
                .record_ok(
                    feed.id,
                    Some("\"v1\""),
                    Some("Mon, 01 Jan 2024 00:00:00 GMT"),
                    2,
                    at,
                )
                .unwrap();
            store
                .record_item(
                    "Quill Wire",
                    &SeenItem {
                        key: "quill.example/a".into(),
                        fingerprint: Some("f1".into()),
                        path: Some("feeds/quill-wire/a.md".into()),
                    },
                )
                .unwrap();
            let failures = store
                .record_failure(feed.id, "the server answered 500", at, |_| None)
                .unwrap();
            assert_eq!(failures, 1);
            // Names, slugs and URLs are unique.
            assert!(store
                .add("quill wire", "other", "https://other.example/", "li")
                .is_err());
            assert!(store
                .add("Other", "other", "https://quill.example/feed.xml", "li")
                .is_err());
        }
        let store = FeedStore::open(&path).unwrap();
        let feeds = store.list().unwrap();
        assert_eq!(feeds.len(), 1);
        let f = &feeds[0];
        assert_eq!(f.etag.as_deref(), Some("\"v1\""), "validators are kept");
        assert_eq!(f.saved, 2);
        assert_eq!(f.items_seen, 1);
        assert_eq!(f.failures, 1);
        assert_eq!(f.last_error.as_deref(), Some("the server answered 500"));
        assert!(store.seen_key("quill.example/a").unwrap());
        assert_eq!(
            store.seen_fingerprint("f1").unwrap().as_deref(),
            Some("feeds/quill-wire/a.md")
        );
        // A later success clears the error but keeps validators a 304 did not resend.
        store.record_ok(f.id, None, None, 0, at).unwrap();
        let f = store.find("QUILL WIRE").unwrap().unwrap();
        assert_eq!(f.failures, 0);
        assert_eq!(f.last_error, None);
        assert_eq!(f.etag.as_deref(), Some("\"v1\""));
        assert!(store.remove("quill-wire").unwrap().is_some());
        assert!(store.list().unwrap().is_empty());
        assert!(
            store.seen_key("quill.example/a").unwrap(),
            "items stay seen after their feed is removed"
        );
    }
}
