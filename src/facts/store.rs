//! The facts store: SQLite (through rusqlite, bundled) under `index/facts.sqlite`.
//!
//! It holds what the reindex knows about each file and article (hashes, metadata), the
//! passages that facts cite, and the facts themselves: companies with their spellings, rounds,
//! investors with their roles and valuations, each with the article, passage and sentence
//! offsets that state it. Readers use their own connection; WAL mode lets them keep reading the
//! last committed state while a reindex writes.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use serde::Serialize;

use super::names::{key, similar, typo_budget};
use super::{DateRef, Evidence, Money, Origin, Participation, Role, Round, RoundType, Valuation};
use crate::corpus::{Article, Passage};
use crate::error::{Error, Result};

/// Bumped when the tables change; an older store is dropped and rebuilt.
const STORE_VERSION: i64 = 3;

const SCHEMA: &str = r#"
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, file TEXT NOT NULL, title TEXT NOT NULL, source TEXT, url TEXT,
    published TEXT, hash TEXT NOT NULL, passages INTEGER NOT NULL, subject TEXT
);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
CREATE INDEX IF NOT EXISTS articles_subject ON articles(subject);
CREATE TABLE IF NOT EXISTS passages (
    article TEXT NOT NULL, ordinal INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL, PRIMARY KEY (article, ordinal)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS companies (id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS company_aliases (
    alias_key TEXT NOT NULL, alias TEXT NOT NULL, company_id INTEGER NOT NULL,
    PRIMARY KEY (alias_key, company_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS investors (id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS rounds (
    id INTEGER PRIMARY KEY, company_id INTEGER NOT NULL, article TEXT NOT NULL, round_type TEXT NOT NULL,
    amount INTEGER, currency TEXT, date TEXT, date_start TEXT, date_end TEXT,
    passage INTEGER, sent_start INTEGER, sent_end INTEGER,
    origin TEXT NOT NULL, curated_file TEXT, curated_by TEXT, curated_at TEXT, note TEXT,
    superseded INTEGER NOT NULL DEFAULT 0, tranche INTEGER
);
CREATE INDEX IF NOT EXISTS rounds_company ON rounds(company_id);
CREATE INDEX IF NOT EXISTS rounds_article ON rounds(article);
CREATE INDEX IF NOT EXISTS rounds_date ON rounds(date_start);
CREATE TABLE IF NOT EXISTS round_investors (
    round_id INTEGER NOT NULL, investor_id INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
    passage INTEGER, sent_start INTEGER, sent_end INTEGER, PRIMARY KEY (round_id, investor_id)
);
CREATE INDEX IF NOT EXISTS round_investors_investor ON round_investors(investor_id);
CREATE TABLE IF NOT EXISTS valuations (
    round_id INTEGER NOT NULL, amount INTEGER NOT NULL, amount_max INTEGER, currency TEXT NOT NULL,
    qualifier TEXT NOT NULL, basis TEXT NOT NULL, attribution TEXT,
    passage INTEGER, sent_start INTEGER, sent_end INTEGER
);
CREATE INDEX IF NOT EXISTS valuations_round ON valuations(round_id);
CREATE TABLE IF NOT EXISTS pending (article TEXT PRIMARY KEY);
"#;

/// What the store knows about a corpus file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileState {
    /// Size in bytes at the last reindex.
    pub size: u64,
    /// Modification time (ns since the epoch) at the last reindex.
    pub mtime_ns: i64,
    /// Content hash.
    pub hash: String,
}

/// An article's metadata, for citations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleMeta {
    /// Path under `articles/`.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// The company the article is about, when known.
    pub subject: Option<String>,
}

/// A company as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Company {
    /// Store id.
    pub id: i64,
    /// Display name.
    pub name: String,
}

/// How a name matched a company.
#[derive(Debug, Clone, PartialEq)]
pub enum CompanyMatch {
    /// The name or one of the company's spellings, up to case, punctuation and suffixes.
    Exact(Company),
    /// Companies whose names are a small typo away, closest first.
    Close(Vec<Company>),
    /// Nothing near.
    None,
}

/// Totals for `/stats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Articles indexed.
    pub articles: u64,
    /// Passages indexed.
    pub passages: u64,
    /// Companies with at least one round.
    pub companies: u64,
    /// Rounds (accounts) stored.
    pub rounds: u64,
    /// Investors named.
    pub investors: u64,
    /// Reindex generation.
    pub generation: u64,
    /// When the last reindex finished (RFC 3339).
    pub last_reindex_at: Option<String>,
    /// Who ran it.
    pub last_reindex_by: Option<String>,
    /// How long it took, in seconds.
    pub last_reindex_seconds: Option<f64>,
}

/// Prepared statements kept per connection (see [`FactStore::open`]).
const STATEMENT_CACHE: usize = 64;

/// SQLite's page cache while a reindex writes, in KiB (see [`FactStore::writer`]).
const WRITER_CACHE_KIB: u32 = 64 * 1024;

/// A connection to the facts store.
pub struct FactStore {
    conn: Connection,
}

impl FactStore {
    /// Opens (creating if needed) the store for reading and writing.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // A store from another schema version is dropped; the next reindex rebuilds it in full.
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let has_tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if has_tables > 0 && version != STORE_VERSION {
            let tables: Vec<String> = conn
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for t in tables {
                conn.execute_batch(&format!("DROP TABLE IF EXISTS \"{t}\""))?;
            }
        }
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch(&format!("PRAGMA user_version = {STORE_VERSION}"))?;
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;")?;
        // A reindex uses about 20 statements per article; rusqlite's default cache of 16 would
        // evict and re-prepare some of them for every article.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(FactStore { conn })
    }

    /// Opens an existing store read-only; [`Error::NoIndex`] when there is none.
    pub fn open_readonly(path: &Path) -> Result<Self> {
        if !path.is_file() {
            return Err(Error::NoIndex(path.parent().unwrap_or(path).to_path_buf()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(FactStore { conn })
    }

    /// An in-memory store, for tests.
    pub fn in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        Ok(FactStore { conn })
    }

    /// A value from the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// The generation of the last completed reindex (0 when none).
    pub fn generation(&self) -> Result<u64> {
        Ok(self
            .meta("generation")?
            .and_then(|g| g.parse().ok())
            .unwrap_or(0))
    }

    /// SQLite's own change counter: differs whenever another connection committed.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Folds the write-ahead log back into the database file after a reindex, so the store's
    /// size on disk is its real size. Readers still reading are not disturbed (it is skipped).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// The files and their states at the last reindex.
    pub fn file_states(&self) -> Result<HashMap<String, FileState>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, size, mtime_ns, hash FROM files")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                FileState {
                    size: r.get::<_, i64>(1)? as u64,
                    mtime_ns: r.get(2)?,
                    hash: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every indexed article id with its file and content hash.
    pub fn article_hashes(&self) -> Result<HashMap<String, (String, String)>> {
        let mut stmt = self.conn.prepare("SELECT id, file, hash FROM articles")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every indexed article's id, content hash and link (for duplicate checks).
    pub fn article_links(&self) -> Result<Vec<(String, String, Option<String>)>> {
        let mut stmt = self.conn.prepare("SELECT id, hash, url FROM articles")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The texts of an article's passages, in order.
    pub fn passage_texts(&self, article: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT text FROM passages WHERE article = ?1 ORDER BY ordinal")?;
        let rows = stmt.query_map([article], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Articles a crashed reindex left half done, and whether it was a full rebuild.
    pub fn pending(&self) -> Result<(Vec<String>, bool)> {
        let mut stmt = self.conn.prepare("SELECT article FROM pending")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        let full = self.meta("pending_full")?.as_deref() == Some("1");
        Ok((ids, full))
    }

    /// Records, durably, what a reindex is about to change, so a crash can be finished later.
    pub fn mark_pending(&mut self, ids: &[String], full: bool) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare("INSERT OR IGNORE INTO pending (article) VALUES (?1)")?;
            for id in ids {
                stmt.execute([id])?;
            }
        }
        if full {
            set_meta(&tx, "pending_full", "1")?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Starts the write transaction of a reindex.
    pub fn writer(&mut self) -> Result<StoreWriter<'_>> {
        // A reindex writes the whole store in one transaction: with SQLite's default 2 MB page
        // cache, pages it has changed spill to the WAL and are read back again and again.
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{WRITER_CACHE_KIB}"))?;
        let tx = self.conn.transaction()?;
        // A new store starts with no names, as a cleared one does.
        let empty: bool = tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM companies) AND NOT EXISTS (SELECT 1 FROM investors)",
            [],
            |r| r.get(0),
        )?;
        Ok(StoreWriter {
            tx,
            company_ids: HashMap::new(),
            aliases: HashSet::new(),
            investor_ids: HashMap::new(),
            ids_complete: empty,
        })
    }

    /// Metadata of one article.
    pub fn article(&self, id: &str) -> Result<Option<ArticleMeta>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, title, source, url, published, subject FROM articles WHERE id = ?1",
                [id],
                article_meta_row,
            )
            .optional()?)
    }

    /// The articles found to be about `company` (their subject), at most `limit` of them.
    pub fn articles_about(&self, company: &str, limit: usize) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE subject = ?1 ORDER BY id LIMIT ?2")?;
        let ids = stmt
            .query_map(params![company, limit as i64], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(ids)
    }

    /// Every indexed article's metadata.
    pub fn articles(&self) -> Result<Vec<ArticleMeta>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, title, source, url, published, subject FROM articles")?;
        let rows = stmt.query_map([], article_meta_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A passage's text and its offsets, when a fact cites it.
    pub fn passage(&self, article: &str, ordinal: usize) -> Result<Option<(String, usize, usize)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT text, start, end FROM passages WHERE article = ?1 AND ordinal = ?2",
                params![article, ordinal as i64],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get::<_, i64>(1)? as usize,
                        r.get::<_, i64>(2)? as usize,
                    ))
                },
            )
            .optional()?)
    }

    /// Every company with its spellings, for name matching.
    pub fn company_names(&self) -> Result<Vec<(Company, Vec<String>)>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.name, group_concat(a.alias, char(31)) FROM companies c
             LEFT JOIN company_aliases a ON a.company_id = c.id GROUP BY c.id ORDER BY c.name",
        )?;
        let rows = stmt.query_map([], |r| {
            let aliases: Option<String> = r.get(2)?;
            Ok((
                Company {
                    id: r.get(0)?,
                    name: r.get(1)?,
                },
                aliases
                    .map(|a| a.split('\u{1f}').map(str::to_string).collect())
                    .unwrap_or_default(),
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Finds a company by any spelling; falls back to close spellings within a typo budget.
    pub fn find_company(&self, name: &str) -> Result<CompanyMatch> {
        let k = key(name);
        if k.is_empty() {
            return Ok(CompanyMatch::None);
        }
        let exact = self
            .conn
            .query_row(
                "SELECT c.id, c.name FROM company_aliases a JOIN companies c ON c.id = a.company_id
                 WHERE a.alias_key = ?1 ORDER BY c.id LIMIT 1",
                [&k],
                |r| {
                    Ok(Company {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                },
            )
            .optional()?;
        if let Some(c) = exact {
            return Ok(CompanyMatch::Exact(c));
        }
        Ok(close_matches(name, self.company_names()?))
    }

    /// All accounts of a company's rounds, oldest first; superseded ones only when asked.
    pub fn rounds_for_company(
        &self,
        company_id: i64,
        include_superseded: bool,
    ) -> Result<Vec<Round>> {
        self.rounds_where(
            "r.company_id = ?1 AND (?2 OR r.superseded = 0)",
            params![company_id, include_superseded],
        )
    }

    /// True when a moderator suppressed `article`'s account of `company`'s round (of `round`,
    /// or of any round): it is superseded and no curated round of that type replaces it. The
    /// passage reader must not read such a round back from the article's text.
    pub fn suppressed_in(
        &self,
        company: &str,
        round: Option<super::RoundType>,
        article: &str,
    ) -> Result<bool> {
        // Only the exact spelling: the typo fallback of `find_company` scans every name.
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT company_id FROM company_aliases WHERE alias_key = ?1 ORDER BY company_id LIMIT 1",
                [key(company)],
                |r| r.get(0),
            )
            .optional()?;
        let Some(id) = id else {
            return Ok(false);
        };
        let round = round.map(|r| r.name());
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM rounds r WHERE r.company_id = ?1 AND r.article = ?2
               AND r.origin = 'extracted' AND r.superseded = 1
               AND (?3 IS NULL OR r.round_type = ?3)
               AND NOT EXISTS (SELECT 1 FROM rounds k WHERE k.company_id = r.company_id
                               AND k.origin = 'curated' AND k.round_type = r.round_type)",
            params![id, article, round],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// Rounds an investor took part in, with the investor's role.
    pub fn rounds_for_investor(&self, investor_id: i64) -> Result<Vec<Round>> {
        self.rounds_where(
            "r.superseded = 0 AND r.id IN (SELECT round_id FROM round_investors WHERE investor_id = ?1)",
            params![investor_id],
        )
    }

    /// Rounds announced between two dates (inclusive), by date.
    pub fn rounds_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Round>> {
        self.rounds_where(
            "r.superseded = 0 AND r.date_start <= ?2 AND r.date_end >= ?1",
            params![from.to_string(), to.to_string()],
        )
    }

    /// Every round of one article (extracted accounts).
    pub fn rounds_for_article(&self, article: &str) -> Result<Vec<Round>> {
        self.rounds_where(
            "r.article = ?1 AND r.origin = 'extracted'",
            params![article],
        )
    }

    /// The date of the newest dated round on record: "this year" in a question means that
    /// round's year, so an archive of older news still answers it.
    pub fn newest_round_date(&self) -> Result<Option<NaiveDate>> {
        let d: Option<String> = self.conn.query_row(
            "SELECT max(date_start) FROM rounds WHERE superseded = 0",
            [],
            |r| r.get(0),
        )?;
        Ok(d.and_then(|d| d.parse().ok()))
    }

    /// Every stored round (evaluation).
    pub fn all_rounds(&self) -> Result<Vec<Round>> {
        self.rounds_where("1 = 1", [])
    }

    /// Finds an investor by name; close spellings when no exact one.
    pub fn find_investor(&self, name: &str) -> Result<Option<(i64, String)>> {
        let k = key(name);
        if k.is_empty() {
            return Ok(None);
        }
        let exact = self
            .conn
            .query_row("SELECT id, name FROM investors WHERE key = ?1", [&k], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        if exact.is_some() {
            return Ok(exact);
        }
        let mut stmt = self.conn.prepare("SELECT id, name, key FROM investors")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut best: Option<(usize, i64, String)> = None;
        for row in rows {
            let (id, n, ik) = row?;
            let d = strsim::damerau_levenshtein(&ik, &k);
            let prefix = k.len() >= 4 && (ik.starts_with(&k) || k.starts_with(&ik));
            if (d <= typo_budget(k.len().min(ik.len())) || prefix)
                && best.as_ref().is_none_or(|b| d < b.0)
            {
                best = Some((d, id, n));
            }
        }
        Ok(best.map(|(_, id, n)| (id, n)))
    }

    /// Every investor named in a round.
    pub fn investor_list(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT i.id, i.name FROM investors i WHERE i.id IN (SELECT investor_id FROM round_investors)",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Investor names starting with or close to `prefix`, for autocomplete.
    pub fn investor_names(&self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        let like = format!("{}%", key(prefix));
        let mut stmt = self.conn.prepare(
            "SELECT i.name FROM investors i JOIN round_investors ri ON ri.investor_id = i.id
             WHERE i.key LIKE ?1 GROUP BY i.id ORDER BY count(*) DESC, i.name LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![like, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Totals and the last reindex.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Stats {
            articles: count("SELECT count(*) FROM articles")?,
            passages: count("SELECT coalesce(sum(passages), 0) FROM articles")?,
            companies: count("SELECT count(DISTINCT company_id) FROM rounds")?,
            rounds: count("SELECT count(*) FROM rounds WHERE superseded = 0")?,
            investors: count("SELECT count(DISTINCT investor_id) FROM round_investors")?,
            generation: self.generation()?,
            last_reindex_at: self.meta("last_reindex_at")?,
            last_reindex_by: self.meta("last_reindex_by")?,
            last_reindex_seconds: self
                .meta("last_reindex_seconds")?
                .and_then(|s| s.parse().ok()),
        })
    }

    fn rounds_where(&self, condition: &str, params: impl rusqlite::Params) -> Result<Vec<Round>> {
        let sql = format!(
            "SELECT r.id, c.name, r.article, r.round_type, r.amount, r.currency, r.date, r.passage,
                    r.sent_start, r.sent_end, r.origin, r.curated_file, r.curated_by, r.curated_at, r.note,
                    r.tranche
             FROM rounds r JOIN companies c ON c.id = r.company_id
             WHERE {condition} ORDER BY coalesce(r.date_start, '9999'), r.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rounds: Vec<Round> = stmt
            .query_map(params, |r| {
                let article: String = r.get(2)?;
                let evidence = evidence_from(&article, r.get(7)?, r.get(8)?, r.get(9)?);
                let origin = match r.get::<_, String>(10)?.as_str() {
                    "curated" => Origin::Curated {
                        file: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                        by: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
                        at: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
                        note: r.get(14)?,
                    },
                    _ => Origin::Extracted,
                };
                let amount = match (r.get::<_, Option<i64>>(4)?, r.get::<_, Option<String>>(5)?) {
                    (Some(a), Some(c)) => Some(Money::new(a as u64, &c)),
                    _ => None,
                };
                Ok(Round {
                    id: r.get(0)?,
                    company: r.get(1)?,
                    round: RoundType::parse_name(&r.get::<_, String>(3)?)
                        .unwrap_or(RoundType::Unknown),
                    amount,
                    date: r
                        .get::<_, Option<String>>(6)?
                        .and_then(|d| DateRef::parse_iso(&d)),
                    investors: Vec::new(),
                    valuations: Vec::new(),
                    article,
                    evidence,
                    origin,
                    aliases: Vec::new(),
                    tranche: r.get::<_, Option<i64>>(15)?.map(|t| t as u8),
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut inv = self.conn.prepare_cached(
            "SELECT name, role, passage, sent_start, sent_end FROM round_investors WHERE round_id = ?1 ORDER BY rowid",
        )?;
        let mut val = self.conn.prepare_cached(
            "SELECT amount, amount_max, currency, qualifier, basis, attribution, passage, sent_start, sent_end
             FROM valuations WHERE round_id = ?1 ORDER BY rowid",
        )?;
        for round in &mut rounds {
            let article = round.article.clone();
            round.investors = inv
                .query_map([round.id], |r| {
                    Ok(Participation {
                        name: r.get(0)?,
                        role: if r.get::<_, String>(1)? == "lead" {
                            Role::Lead
                        } else {
                            Role::Participant
                        },
                        evidence: evidence_from(&article, r.get(2)?, r.get(3)?, r.get(4)?),
                    })
                })?
                .collect::<Result<_, _>>()?;
            round.valuations = val
                .query_map([round.id], |r| {
                    Ok(Valuation {
                        amount: Money::new(r.get::<_, i64>(0)? as u64, &r.get::<_, String>(2)?),
                        amount_max: r.get::<_, Option<i64>>(1)?.map(|v| v as u64),
                        qualifier: serde_json::from_value(serde_json::Value::String(r.get(3)?))
                            .unwrap_or_default(),
                        basis: serde_json::from_value(serde_json::Value::String(r.get(4)?))
                            .unwrap_or_default(),
                        attribution: r.get(5)?,
                        evidence: evidence_from(&article, r.get(6)?, r.get(7)?, r.get(8)?),
                    })
                })?
                .collect::<Result<_, _>>()?;
        }
        Ok(rounds)
    }
}

fn close_matches(name: &str, companies: Vec<(Company, Vec<String>)>) -> CompanyMatch {
    let k = key(name);
    let mut scored: Vec<(usize, Company)> = Vec::new();
    for (company, aliases) in companies {
        let best = std::iter::once(&company.name)
            .chain(aliases.iter())
            .map(|alias| {
                let ak = key(alias);
                let d = strsim::damerau_levenshtein(&ak, &k);
                // "Sense" for "SenseTime": a long enough prefix also counts as close.
                let prefix = k.len() >= 4 && ak.starts_with(&k);
                if prefix {
                    d.min(1)
                } else {
                    d
                }
            })
            .min()
            .unwrap_or(usize::MAX);
        let budget = typo_budget(k.len());
        if best <= budget.max(1) && (best <= budget || similar(name, &company.name)) {
            scored.push((best, company));
        }
    }
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.name.cmp(&b.1.name)));
    if scored.is_empty() {
        CompanyMatch::None
    } else {
        CompanyMatch::Close(scored.into_iter().map(|(_, c)| c).take(5).collect())
    }
}

fn evidence_from(
    article: &str,
    passage: Option<i64>,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<Evidence> {
    match (passage, start, end) {
        (Some(p), Some(s), Some(e)) => Some(Evidence {
            article: article.to_string(),
            passage: p as usize,
            start: s as usize,
            end: e as usize,
        }),
        _ => None,
    }
}

fn article_meta_row(r: &rusqlite::Row) -> rusqlite::Result<ArticleMeta> {
    Ok(ArticleMeta {
        id: r.get(0)?,
        title: r.get(1)?,
        source: r.get(2)?,
        url: r.get(3)?,
        published: r.get::<_, Option<String>>(4)?.and_then(|d| d.parse().ok()),
        subject: r.get(5)?,
    })
}

fn set_meta(tx: &Transaction, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn enum_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The write side of a reindex: one SQLite transaction, committed at the end.
pub struct StoreWriter<'a> {
    tx: Transaction<'a>,
    company_ids: HashMap<String, i64>,
    /// (alias key, company id) pairs this transaction already wrote: repeating the insert
    /// would be ignored anyway, so it is skipped.
    aliases: HashSet<(String, i64)>,
    investor_ids: HashMap<String, i64>,
    /// True after [`StoreWriter::clear`] or on a store with no names yet: every company and
    /// investor in the store was written by this writer and is in the maps above, so a name missing there is new and needs no
    /// lookup.
    ids_complete: bool,
}

impl StoreWriter<'_> {
    /// Forgets every article and fact (a full rebuild).
    pub fn clear(&mut self) -> Result<()> {
        self.tx.execute_batch(
            "DELETE FROM files; DELETE FROM articles; DELETE FROM passages; DELETE FROM rounds;
             DELETE FROM round_investors; DELETE FROM valuations; DELETE FROM companies;
             DELETE FROM company_aliases; DELETE FROM investors;",
        )?;
        self.company_ids.clear();
        self.aliases.clear();
        self.investor_ids.clear();
        self.ids_complete = true;
        Ok(())
    }

    /// Records a file's state.
    pub fn set_file(&mut self, path: &str, state: &FileState) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO files (path, size, mtime_ns, hash) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash",
            )?
            .execute(params![path, state.size as i64, state.mtime_ns, state.hash])?;
        Ok(())
    }

    /// Forgets a file that is gone.
    pub fn remove_file(&mut self, path: &str) -> Result<()> {
        self.tx
            .execute("DELETE FROM files WHERE path = ?1", [path])?;
        Ok(())
    }

    /// Forgets an article and its facts.
    pub fn remove_article(&mut self, id: &str) -> Result<()> {
        for sql in [
            "DELETE FROM round_investors WHERE round_id IN (SELECT id FROM rounds WHERE article = ?1 AND origin = 'extracted')",
            "DELETE FROM valuations WHERE round_id IN (SELECT id FROM rounds WHERE article = ?1 AND origin = 'extracted')",
            "DELETE FROM rounds WHERE article = ?1 AND origin = 'extracted'",
            "DELETE FROM passages WHERE article = ?1",
            "DELETE FROM articles WHERE id = ?1",
        ] {
            self.tx.prepare_cached(sql)?.execute([id])?;
        }
        Ok(())
    }

    /// Stores an article, the passages its facts cite, and its rounds (replacing any earlier
    /// version).
    pub fn put_article(
        &mut self,
        file: &str,
        article: &Article,
        passages: &[Passage],
        subject: Option<&str>,
        rounds: &[Round],
        replace: bool,
    ) -> Result<()> {
        if replace {
            self.remove_article(&article.id)?;
        }
        self.tx.prepare_cached(
            "INSERT INTO articles (id, file, title, source, url, published, hash, passages, subject)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?.execute(
            params![
                article.id,
                file,
                article.title,
                article.source,
                article.url,
                article.published.map(|d| d.to_string()),
                article.hash,
                passages.len() as i64,
                subject,
            ],
        )?;
        // What an article is about is a company the corpus knows, with or without a round on
        // record: "how much has Acme raised so far?" is then read from its passages.
        if let Some(subject) = subject.filter(|s| !key(s).is_empty()) {
            self.company_id(subject)?;
        }
        let mut cited: Vec<usize> = Vec::new();
        for round in rounds {
            let evidence = round
                .evidence
                .iter()
                .chain(round.investors.iter().filter_map(|p| p.evidence.as_ref()))
                .chain(round.valuations.iter().filter_map(|v| v.evidence.as_ref()));
            cited.extend(evidence.map(|e| e.passage));
            self.put_round(round, false)?;
        }
        cited.sort_unstable();
        cited.dedup();
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR REPLACE INTO passages (article, ordinal, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for ordinal in cited {
            if let Some(p) = passages.get(ordinal) {
                stmt.execute(params![
                    article.id,
                    ordinal as i64,
                    p.span.start as i64,
                    p.span.end as i64,
                    p.span.text(&article.body)
                ])?;
            }
        }
        Ok(())
    }

    fn company_id(&mut self, name: &str) -> Result<i64> {
        let k = key(name);
        if let Some(id) = self.company_ids.get(&k) {
            let id = *id;
            self.alias(id, name)?;
            return Ok(id);
        }
        let existing: Option<i64> = if self.ids_complete {
            None
        } else {
            self.tx
                .prepare_cached("SELECT id FROM companies WHERE key = ?1")?
                .query_row([&k], |r| r.get(0))
                .optional()?
        };
        let id = match existing {
            Some(id) => id,
            None => {
                self.tx
                    .prepare_cached("INSERT INTO companies (name, key) VALUES (?1, ?2)")?
                    .execute(params![name, k])?;
                self.tx.last_insert_rowid()
            }
        };
        self.company_ids.insert(k, id);
        self.alias(id, name)?;
        Ok(id)
    }

    fn alias(&mut self, company_id: i64, alias: &str) -> Result<()> {
        let alias_key = key(alias);
        if self.aliases.contains(&(alias_key.clone(), company_id)) {
            return Ok(());
        }
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO company_aliases (alias_key, alias, company_id) VALUES (?1, ?2, ?3)")?
            .execute(params![alias_key, alias, company_id])?;
        self.aliases.insert((alias_key, company_id));
        Ok(())
    }

    fn investor_id(&mut self, name: &str) -> Result<i64> {
        let k = key(name);
        if let Some(id) = self.investor_ids.get(&k) {
            return Ok(*id);
        }
        let existing: Option<i64> = if self.ids_complete {
            None
        } else {
            self.tx
                .prepare_cached("SELECT id FROM investors WHERE key = ?1")?
                .query_row([&k], |r| r.get(0))
                .optional()?
        };
        let id = match existing {
            Some(id) => id,
            None => {
                self.tx
                    .prepare_cached("INSERT INTO investors (name, key) VALUES (?1, ?2)")?
                    .execute(params![name, k])?;
                self.tx.last_insert_rowid()
            }
        };
        self.investor_ids.insert(k, id);
        Ok(id)
    }

    /// Stores one round with its investors and valuations.
    pub fn put_round(&mut self, round: &Round, superseded: bool) -> Result<i64> {
        let company_id = self.company_id(&round.company)?;
        for alias in &round.aliases {
            self.alias(company_id, alias)?;
        }
        let (origin, file, by, at, note) = match &round.origin {
            Origin::Extracted => ("extracted", None, None, None, None),
            Origin::Curated { file, by, at, note } => {
                ("curated", Some(file), Some(by), Some(at), note.as_ref())
            }
        };
        let ev = round.evidence.as_ref();
        self.tx
            .prepare_cached(
                "INSERT INTO rounds (company_id, article, round_type, amount, currency, date, date_start, date_end,
                    passage, sent_start, sent_end, origin, curated_file, curated_by, curated_at, note, superseded,
                    tranche)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?
            .execute(params![
                company_id,
                round.article,
                round.round.name(),
                round.amount.as_ref().map(|m| m.amount as i64),
                round.amount.as_ref().map(|m| m.currency.clone()),
                round.date.map(|d| d.iso()),
                round.date.map(|d| d.date.to_string()),
                round.date.map(|d| d.end().to_string()),
                ev.map(|e| e.passage as i64),
                ev.map(|e| e.start as i64),
                ev.map(|e| e.end as i64),
                origin,
                file,
                by,
                at,
                note,
                superseded,
                round.tranche.map(i64::from),
            ])?;
        let round_id = self.tx.last_insert_rowid();
        for p in &round.investors {
            let investor_id = self.investor_id(&p.name)?;
            let ev = p.evidence.as_ref();
            self.tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO round_investors (round_id, investor_id, name, role, passage, sent_start, sent_end)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    round_id,
                    investor_id,
                    p.name,
                    if p.role == Role::Lead { "lead" } else { "participant" },
                    ev.map(|e| e.passage as i64),
                    ev.map(|e| e.start as i64),
                    ev.map(|e| e.end as i64),
                ])?;
        }
        for v in &round.valuations {
            let ev = v.evidence.as_ref();
            self.tx
                .prepare_cached(
                    "INSERT INTO valuations (round_id, amount, amount_max, currency, qualifier, basis, attribution,
                        passage, sent_start, sent_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(params![
                    round_id,
                    v.amount.amount as i64,
                    v.amount_max.map(|m| m as i64),
                    v.amount.currency,
                    enum_name(&v.qualifier),
                    enum_name(&v.basis),
                    v.attribution,
                    ev.map(|e| e.passage as i64),
                    ev.map(|e| e.start as i64),
                    ev.map(|e| e.end as i64),
                ])?;
        }
        Ok(round_id)
    }

    /// Replaces the curated facts: earlier corrections are dropped, the new ones stored, and
    /// the extracted rounds they correct or suppress marked superseded.
    pub fn apply_corrections(&mut self, corrections: &super::curated::Corrections) -> Result<()> {
        self.tx.execute_batch(
            "DELETE FROM round_investors WHERE round_id IN (SELECT id FROM rounds WHERE origin = 'curated');
             DELETE FROM valuations WHERE round_id IN (SELECT id FROM rounds WHERE origin = 'curated');
             DELETE FROM rounds WHERE origin = 'curated';
             UPDATE rounds SET superseded = 0 WHERE superseded = 1;",
        )?;
        for round in &corrections.rounds {
            let company_id = self.company_id(&round.company)?;
            self.tx.execute(
                "UPDATE rounds SET superseded = 1 WHERE company_id = ?1 AND round_type = ?2 AND origin = 'extracted'",
                params![company_id, round.round.name()],
            )?;
            self.put_round(round, false)?;
        }
        for s in &corrections.suppressions {
            let company_id = self.company_id(&s.company)?;
            self.tx.execute(
                "UPDATE rounds SET superseded = 1 WHERE company_id = ?1 AND origin = 'extracted'
                 AND (?2 IS NULL OR round_type = ?2) AND (?3 IS NULL OR article = ?3)",
                params![company_id, s.round.map(|r| r.name()), s.article],
            )?;
        }
        Ok(())
    }

    /// Drops companies and investors no round mentions any more, keeping the companies an
    /// article is about.
    pub fn remove_orphans(&mut self) -> Result<()> {
        self.tx.execute_batch(
            "DELETE FROM companies WHERE id NOT IN (SELECT company_id FROM rounds)
                AND id NOT IN (SELECT company_id FROM company_aliases
                               WHERE alias IN (SELECT subject FROM articles));
             DELETE FROM company_aliases WHERE company_id NOT IN (SELECT id FROM companies);
             DELETE FROM investors WHERE id NOT IN (SELECT investor_id FROM round_investors);",
        )?;
        self.company_ids.clear();
        self.aliases.clear();
        self.investor_ids.clear();
        self.ids_complete = false;
        Ok(())
    }

    /// Sets a `meta` value.
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        set_meta(&self.tx, key, value)
    }

    /// Commits everything, clears the pending list and records the generation.
    pub fn commit(self, generation: u64) -> Result<()> {
        set_meta(&self.tx, "generation", &generation.to_string())?;
        self.tx
            .execute_batch("DELETE FROM pending; DELETE FROM meta WHERE key = 'pending_full';")?;
        self.tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::curated::{Corrections, Suppression};
    use crate::facts::{Basis, Qualifier};

    fn round(company: &str, kind: RoundType, amount: u64, article: &str) -> Round {
        let mut r = Round::new(company, kind, article);
        r.amount = Some(Money::new(amount, "USD"));
        r.date = DateRef::parse_iso("2018-04");
        r.evidence = Some(Evidence {
            article: article.into(),
            passage: 0,
            start: 0,
            end: 10,
        });
        r.investors.push(Participation {
            name: "Alibaba".into(),
            role: Role::Lead,
            evidence: r.evidence.clone(),
        });
        r.investors.push(Participation {
            name: "Temasek".into(),
            role: Role::Participant,
            evidence: None,
        });
        r.valuations.push(Valuation {
            amount: Money::new(3_000_000_000, "USD"),
            amount_max: None,
            qualifier: Qualifier::MoreThan,
            basis: Basis::Unspecified,
            attribution: Some("Bloomberg".into()),
            evidence: r.evidence.clone(),
        });
        r
    }

    fn article(id: &str) -> Article {
        Article {
            id: id.into(),
            title: "T".into(),
            source: Some("Wire".into()),
            url: None,
            published: NaiveDate::from_ymd_opt(2018, 4, 9),
            body: "SenseTime raised money.".into(),
            hash: "h".into(),
            warnings: vec![],
        }
    }

    fn store_with(rounds: &[(&str, Round)]) -> FactStore {
        let mut store = FactStore::in_memory().unwrap();
        let mut w = store.writer().unwrap();
        for (id, r) in rounds {
            let a = article(id);
            let ps = crate::corpus::passages(&a.body);
            w.put_article(
                id,
                &a,
                &ps,
                Some("SenseTime"),
                std::slice::from_ref(r),
                true,
            )
            .unwrap();
        }
        w.commit(1).unwrap();
        store
    }

    #[test]
    fn rounds_round_trip_with_investors_valuations_and_evidence() {
        let r = round("SenseTime", RoundType::Series(2), 600_000_000, "a.md");
        let store = store_with(&[("a.md", r.clone())]);
        let CompanyMatch::Exact(c) = store.find_company("sensetime group ltd").unwrap() else {
            panic!()
        };
        let back = store.rounds_for_company(c.id, false).unwrap();
        assert_eq!(back.len(), 1);
        let mut expected = r;
        expected.id = back[0].id;
        assert_eq!(back[0], expected);
        assert_eq!(
            store.passage("a.md", 0).unwrap().unwrap().0,
            "SenseTime raised money."
        );
        assert_eq!(
            store.article("a.md").unwrap().unwrap().source.as_deref(),
            Some("Wire")
        );
        let (inv, _) = store.find_investor("Temasek Holdings").unwrap().unwrap();
        assert_eq!(store.rounds_for_investor(inv).unwrap().len(), 1);
        let april = store
            .rounds_between(
                NaiveDate::from_ymd_opt(2018, 4, 15).unwrap(),
                NaiveDate::from_ymd_opt(2018, 12, 31).unwrap(),
            )
            .unwrap();
        assert_eq!(april.len(), 1);
        assert_eq!(store.stats().unwrap().rounds, 1);
    }

    #[test]
    fn company_names_match_typos_but_not_other_companies() {
        let store = store_with(&[
            ("a.md", round("SenseTime", RoundType::Series(2), 1, "a.md")),
            ("b.md", round("Stripe", RoundType::Series(0), 1, "b.md")),
        ]);
        assert!(matches!(
            store.find_company("SenseTime").unwrap(),
            CompanyMatch::Exact(_)
        ));
        match store.find_company("senstime").unwrap() {
            CompanyMatch::Close(c) => assert_eq!(c[0].name, "SenseTime"),
            other => panic!("{other:?}"),
        }
        assert_eq!(store.find_company("Megvii").unwrap(), CompanyMatch::None);
        assert_eq!(store.find_company("").unwrap(), CompanyMatch::None);
    }

    #[test]
    fn two_articles_give_two_accounts_and_removal_forgets_one() {
        let mut store = store_with(&[
            (
                "a.md",
                round("SenseTime", RoundType::Series(2), 600_000_000, "a.md"),
            ),
            (
                "b.md",
                round("SenseTime", RoundType::Series(2), 620_000_000, "b.md"),
            ),
        ]);
        let CompanyMatch::Exact(c) = store.find_company("SenseTime").unwrap() else {
            panic!()
        };
        assert_eq!(store.rounds_for_company(c.id, false).unwrap().len(), 2);
        let mut w = store.writer().unwrap();
        w.remove_article("b.md").unwrap();
        w.remove_orphans().unwrap();
        w.commit(2).unwrap();
        let left = store.rounds_for_company(c.id, false).unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].article, "a.md");
        assert_eq!(store.generation().unwrap(), 2);
    }

    #[test]
    fn an_article_subject_is_a_known_company_until_its_article_goes() {
        let mut store = FactStore::in_memory().unwrap();
        let a = article("profile.md");
        let ps = crate::corpus::passages(&a.body);
        let mut w = store.writer().unwrap();
        w.put_article("profile.md", &a, &ps, Some("Brindlewood Labs"), &[], false)
            .unwrap();
        w.remove_orphans().unwrap();
        w.commit(1).unwrap();
        let CompanyMatch::Exact(c) = store.find_company("brindlewood labs").unwrap() else {
            panic!("the subject of an article without rounds is known")
        };
        assert!(store.rounds_for_company(c.id, false).unwrap().is_empty());
        let mut w = store.writer().unwrap();
        w.remove_article("profile.md").unwrap();
        w.remove_orphans().unwrap();
        w.commit(2).unwrap();
        assert_eq!(
            store.find_company("Brindlewood Labs").unwrap(),
            CompanyMatch::None
        );
    }

    #[test]
    fn corrections_supersede_extracted_rounds() {
        let mut store = store_with(&[(
            "a.md",
            round("SenseTime", RoundType::Series(2), 999, "a.md"),
        )]);
        let mut fixed = round("SenseTime", RoundType::Series(2), 600_000_000, "");
        fixed.origin = Origin::Curated {
            file: "s.toml".into(),
            by: "maria".into(),
            at: "2024-05-01".into(),
            note: None,
        };
        let corrections = Corrections {
            rounds: vec![fixed],
            suppressions: vec![Suppression {
                company: "Nobody".into(),
                round: None,
                article: None,
                note: None,
            }],
            failures: vec![],
        };
        let mut w = store.writer().unwrap();
        w.apply_corrections(&corrections).unwrap();
        w.remove_orphans().unwrap();
        w.commit(2).unwrap();
        let CompanyMatch::Exact(c) = store.find_company("SenseTime").unwrap() else {
            panic!()
        };
        let visible = store.rounds_for_company(c.id, false).unwrap();
        assert_eq!(visible.len(), 1);
        assert_eq!(visible[0].amount.as_ref().unwrap().amount, 600_000_000);
        assert!(matches!(visible[0].origin, Origin::Curated { .. }));
        assert_eq!(store.rounds_for_company(c.id, true).unwrap().len(), 2);
    }

    #[test]
    fn suppressed_accounts_are_known_and_replaced_ones_are_not() {
        let mut store = store_with(&[
            ("a.md", round("Acme", RoundType::Series(1), 20, "a.md")),
            ("b.md", round("Bolt", RoundType::Seed, 5, "b.md")),
        ]);
        let mut fixed = round("Bolt", RoundType::Seed, 6, "");
        fixed.origin = Origin::Curated {
            file: "bolt.toml".into(),
            by: "maria".into(),
            at: "2024-05-01".into(),
            note: None,
        };
        let corrections = Corrections {
            rounds: vec![fixed],
            suppressions: vec![Suppression {
                company: "Acme".into(),
                round: Some(RoundType::Series(1)),
                article: None,
                note: None,
            }],
            failures: vec![],
        };
        let mut w = store.writer().unwrap();
        w.apply_corrections(&corrections).unwrap();
        w.commit(2).unwrap();
        let series_b = Some(RoundType::Series(1));
        assert!(store.suppressed_in("acme", series_b, "a.md").unwrap());
        assert!(store.suppressed_in("Acme", None, "a.md").unwrap());
        assert!(!store
            .suppressed_in("Acme", Some(RoundType::Seed), "a.md")
            .unwrap());
        assert!(!store.suppressed_in("Acme", series_b, "b.md").unwrap());
        assert!(
            !store
                .suppressed_in("Bolt", Some(RoundType::Seed), "b.md")
                .unwrap(),
            "a round replaced by a correction is not suppressed"
        );
        assert!(!store.suppressed_in("Nobody", None, "a.md").unwrap());
    }

    #[test]
    fn pending_work_survives_until_commit() {
        let mut store = FactStore::in_memory().unwrap();
        store
            .mark_pending(&["a.md".into(), "b.md".into()], true)
            .unwrap();
        let (ids, full) = store.pending().unwrap();
        assert_eq!((ids.len(), full), (2, true));
        store.writer().unwrap().commit(1).unwrap();
        assert_eq!(store.pending().unwrap(), (vec![], false));
    }
}
