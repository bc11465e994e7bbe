//! Feedback on answers: votes and reports that people give on `/ask` replies, kept in
//! `data/feedback.sqlite`.
//!
//! The store lives under `data/` (not `index/`) because nothing can rebuild it: it survives
//! restarts and `reindex --full`. Each answer that can receive feedback is recorded with its
//! question, text and citations, under an id and a random nonce. Buttons carry both, so a button
//! from an answer recorded in an older store (deleted and recreated, ids starting over) is
//! recognised as stale instead of being counted against an unrelated answer.
//!
//! Votes: one per person per answer (a second click changes it, never adds one). Reports: a
//! person's open report on an answer is updated rather than duplicated; moderators list open
//! reports newest first and close them with a correction or a dismissal.

use std::path::{Path, PathBuf};

use rand::Rng;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::answer::Reply;
use crate::config::Paths;
use crate::error::{Error, Result};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    nonce TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    status TEXT NOT NULL,
    citations TEXT NOT NULL,
    asked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS votes (
    answer_id INTEGER NOT NULL REFERENCES answers(id),
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    vote INTEGER NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (answer_id, user_id)
);
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY,
    answer_id INTEGER NOT NULL REFERENCES answers(id),
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    text TEXT NOT NULL,
    at TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT,
    resolution TEXT
);
CREATE INDEX IF NOT EXISTS reports_open ON reports(closed_at, id);
";

/// Longest report text kept, in characters.
pub const MAX_REPORT_CHARS: usize = 1000;

/// `data/feedback.sqlite`: where votes and reports are kept.
pub fn store_path(paths: &Paths) -> PathBuf {
    paths.data.join("feedback.sqlite")
}

/// What identifies a recorded answer on a button: its id and the nonce it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerKey {
    /// Row id in the store.
    pub id: i64,
    /// Random tag drawn when the answer was recorded.
    pub nonce: String,
}

/// Someone giving feedback or acting as a moderator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// A stable id (the Discord user id, or a name on the command line).
    pub id: String,
    /// A readable name.
    pub name: String,
}

/// A cited source as kept with an answer (the parts a reviewer needs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedCitation {
    /// Citation number in the answer.
    pub number: usize,
    /// Article path under `data/articles` (empty for a moderator correction).
    #[serde(default)]
    pub article: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    #[serde(default)]
    pub source: Option<String>,
    /// Link.
    #[serde(default)]
    pub url: Option<String>,
    /// The quoted passage.
    #[serde(default)]
    pub passage: String,
}

/// An answer as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedAnswer {
    /// Row id.
    pub id: i64,
    /// The question as asked.
    pub question: String,
    /// The answer text given.
    pub answer: String,
    /// `answered`, `partial` or `not_answered`.
    pub status: String,
    /// The sources cited.
    pub citations: Vec<SavedCitation>,
    /// When it was given (RFC 3339).
    pub asked_at: String,
}

/// What a vote did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteOutcome {
    /// The person's first vote on this answer.
    Recorded,
    /// The same vote again: nothing changed.
    Unchanged,
    /// The person turned their vote around.
    Changed,
}

/// A report on an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Report id (what `/correct report:` takes).
    pub id: i64,
    /// Who reported it.
    pub user_name: String,
    /// Their id.
    pub user_id: String,
    /// What they say is wrong.
    pub text: String,
    /// When (RFC 3339).
    pub at: String,
    /// The answer reported.
    pub answer: SavedAnswer,
    /// When it was closed, if it was.
    pub closed_at: Option<String>,
    /// Who closed it.
    pub closed_by: Option<String>,
    /// How it was closed ("correction facts/x.toml", "dismissed: ...").
    pub resolution: Option<String>,
}

/// One page of open reports, newest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportPage {
    /// 1-based page number (clamped to the pages there are).
    pub page: usize,
    /// Number of pages (at least 1).
    pub pages: usize,
    /// Open reports in all.
    pub total: usize,
    /// The reports on this page.
    pub reports: Vec<Report>,
}

/// A connection to the feedback store.
pub struct FeedbackStore {
    conn: Connection,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl FeedbackStore {
    /// Opens (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
        conn.execute_batch(SCHEMA)?;
        Ok(FeedbackStore { conn })
    }

    /// Opens the store of a data directory.
    pub fn open_in(paths: &Paths) -> Result<Self> {
        Self::open(&store_path(paths))
    }

    /// Records an answer that can receive feedback and returns the key its buttons carry.
    pub fn record_answer(&self, reply: &Reply) -> Result<AnswerKey> {
        let citations: Vec<SavedCitation> = reply
            .citations
            .iter()
            .map(|c| SavedCitation {
                number: c.number,
                article: c.article.clone(),
                title: c.title.clone(),
                source: c.source.clone(),
                url: c.url.clone(),
                passage: c.passage.clone(),
            })
            .collect();
        let citations =
            serde_json::to_string(&citations).map_err(|e| Error::Invalid(e.to_string()))?;
        let nonce = format!("{:08x}", rand::rng().random::<u32>());
        self.conn.execute(
            "INSERT INTO answers (nonce, question, answer, status, citations, asked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                nonce,
                reply.question,
                reply.answer,
                reply.status,
                citations,
                now()
            ],
        )?;
        Ok(AnswerKey {
            id: self.conn.last_insert_rowid(),
            nonce,
        })
    }

    /// The answer a button points at; `None` when it is not in this store (an old or foreign
    /// button).
    pub fn answer(&self, key: &AnswerKey) -> Result<Option<SavedAnswer>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, question, answer, status, citations, asked_at FROM answers
                 WHERE id = ?1 AND nonce = ?2",
                params![key.id, key.nonce],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )
            .optional()?;
        Ok(row.map(saved_answer))
    }

    /// Records `person`'s vote on an answer: one per person, a second click changes it.
    pub fn vote(&self, key: &AnswerKey, person: &Person, up: bool) -> Result<Option<VoteOutcome>> {
        if self.answer(key)?.is_none() {
            return Ok(None);
        }
        let vote = if up { 1 } else { -1 };
        let previous: Option<i64> = self
            .conn
            .query_row(
                "SELECT vote FROM votes WHERE answer_id = ?1 AND user_id = ?2",
                params![key.id, person.id],
                |r| r.get(0),
            )
            .optional()?;
        if previous == Some(vote) {
            return Ok(Some(VoteOutcome::Unchanged));
        }
        self.conn.execute(
            "INSERT INTO votes (answer_id, user_id, user_name, vote, at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = ?4, user_name = ?3, at = ?5",
            params![key.id, person.id, person.name, vote, now()],
        )?;
        Ok(Some(if previous.is_some() {
            VoteOutcome::Changed
        } else {
            VoteOutcome::Recorded
        }))
    }

    /// Votes up and down on an answer.
    pub fn tally(&self, answer_id: i64) -> Result<(u64, u64)> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(SUM(vote > 0), 0), COALESCE(SUM(vote < 0), 0) FROM votes
             WHERE answer_id = ?1",
            [answer_id],
            |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)),
        )?)
    }

    /// Records a report on an answer and returns its id; `None` for an unknown answer. A
    /// person's still-open report on the same answer is updated instead of duplicated.
    pub fn report(&self, key: &AnswerKey, person: &Person, text: &str) -> Result<Option<i64>> {
        if self.answer(key)?.is_none() {
            return Ok(None);
        }
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::Invalid(
                "Please say what is wrong with the answer.".to_string(),
            ));
        }
        let text: String = text.chars().take(MAX_REPORT_CHARS).collect();
        let open: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM reports WHERE answer_id = ?1 AND user_id = ?2 AND closed_at IS NULL",
                params![key.id, person.id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = open {
            self.conn.execute(
                "UPDATE reports SET text = ?2, user_name = ?3, at = ?4 WHERE id = ?1",
                params![id, text, person.name, now()],
            )?;
            return Ok(Some(id));
        }
        self.conn.execute(
            "INSERT INTO reports (answer_id, user_id, user_name, text, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![key.id, person.id, person.name, text, now()],
        )?;
        Ok(Some(self.conn.last_insert_rowid()))
    }

    /// A report by id, open or closed.
    pub fn report_by_id(&self, id: i64) -> Result<Option<Report>> {
        let mut list = self.reports_where("r.id = ?1", params![id])?;
        Ok(list.pop())
    }

    /// Open reports, newest first, `per_page` to a page; `page` is 1-based and clamped.
    pub fn open_reports(&self, page: usize, per_page: usize) -> Result<ReportPage> {
        let per_page = per_page.max(1);
        let total: i64 = self.conn.query_row(
            "SELECT count(*) FROM reports WHERE closed_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        let total = total as usize;
        let pages = total.div_ceil(per_page).max(1);
        let page = page.clamp(1, pages);
        let reports = self.reports_where(
            "r.closed_at IS NULL ORDER BY r.id DESC LIMIT ?1 OFFSET ?2",
            params![per_page as i64, ((page - 1) * per_page) as i64],
        )?;
        Ok(ReportPage {
            page,
            pages,
            total,
            reports,
        })
    }

    /// Fails with a message for the moderator unless report `id` exists and is open.
    pub fn require_open(&self, id: i64) -> Result<Report> {
        match self.report_by_id(id)? {
            None => Err(Error::Invalid(format!("There is no report #{id}."))),
            Some(r) if r.closed_at.is_some() => Err(Error::Invalid(format!(
                "Report #{id} is already closed ({}).",
                r.resolution.as_deref().unwrap_or("no reason given")
            ))),
            Some(r) => Ok(r),
        }
    }

    /// Closes an open report, saying how.
    pub fn close_report(&self, id: i64, by: &Person, resolution: &str) -> Result<()> {
        self.require_open(id)?;
        self.conn.execute(
            "UPDATE reports SET closed_at = ?2, closed_by = ?3, resolution = ?4
             WHERE id = ?1 AND closed_at IS NULL",
            params![id, now(), by.name, resolution],
        )?;
        Ok(())
    }

    fn reports_where(&self, clause: &str, args: impl rusqlite::Params) -> Result<Vec<Report>> {
        let sql = format!(
            "SELECT r.id, r.user_name, r.user_id, r.text, r.at, r.closed_at, r.closed_by,
                    r.resolution, a.id, a.question, a.answer, a.status, a.citations, a.asked_at
             FROM reports r JOIN answers a ON a.id = r.answer_id WHERE {clause}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(args, |r| {
            Ok(Report {
                id: r.get(0)?,
                user_name: r.get(1)?,
                user_id: r.get(2)?,
                text: r.get(3)?,
                at: r.get(4)?,
                closed_at: r.get(5)?,
                closed_by: r.get(6)?,
                resolution: r.get(7)?,
                answer: saved_answer((
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                    r.get(11)?,
                    r.get(12)?,
                    r.get(13)?,
                )),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn saved_answer(
    (id, question, answer, status, citations, asked_at): (
        i64,
        String,
        String,
        String,
        String,
        String,
    ),
) -> SavedAnswer {
    SavedAnswer {
        id,
        question,
        answer,
        status,
        citations: serde_json::from_str(&citations).unwrap_or_default(),
        asked_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Citation, Confidence};

    fn reply(question: &str, answer: &str) -> Reply {
        Reply {
            question: question.into(),
            answered: true,
            status: "answered",
            answer: answer.into(),
            confidence: Confidence::High,
            basis: crate::answer::ask::Basis::Facts,
            understood: crate::answer::question::understand(
                question,
                &Default::default(),
                &Default::default(),
            ),
            facts: vec![],
            citations: vec![Citation {
                number: 1,
                article: "lumenfold.md".into(),
                title: "Lumenfold raises $8 million".into(),
                source: Some("Test Wire".into()),
                url: Some("https://wire.example/lumenfold".into()),
                published: None,
                passage: "Lumenfold raised $8 million led by Brackwater.".into(),
                highlight: None,
                correction: None,
            }],
            suggestions: vec![],
        }
    }

    fn person(id: &str) -> Person {
        Person {
            id: id.into(),
            name: format!("user {id}"),
        }
    }

    #[test]
    fn one_vote_per_person_and_answer_that_can_be_turned_around() {
        let dir = tempfile::tempdir().unwrap();
        let store = FeedbackStore::open(&dir.path().join("f.sqlite")).unwrap();
        let key = store.record_answer(&reply("q", "a")).unwrap();
        let ana = person("1");
        assert_eq!(
            store.vote(&key, &ana, true).unwrap(),
            Some(VoteOutcome::Recorded)
        );
        assert_eq!(
            store.vote(&key, &ana, true).unwrap(),
            Some(VoteOutcome::Unchanged)
        );
        assert_eq!(store.tally(key.id).unwrap(), (1, 0));
        assert_eq!(
            store.vote(&key, &ana, false).unwrap(),
            Some(VoteOutcome::Changed)
        );
        store.vote(&key, &person("2"), false).unwrap();
        assert_eq!(store.tally(key.id).unwrap(), (0, 2));
    }

    #[test]
    fn stale_keys_are_not_counted_against_another_answer() {
        let dir = tempfile::tempdir().unwrap();
        let store = FeedbackStore::open(&dir.path().join("f.sqlite")).unwrap();
        let key = store.record_answer(&reply("q", "a")).unwrap();
        let stale = AnswerKey {
            id: key.id,
            nonce: format!("{}0", key.nonce),
        };
        assert_eq!(store.vote(&stale, &person("1"), true).unwrap(), None);
        assert_eq!(store.report(&stale, &person("1"), "wrong").unwrap(), None);
        let missing = AnswerKey {
            id: key.id + 10,
            nonce: key.nonce.clone(),
        };
        assert!(store.answer(&missing).unwrap().is_none());
        assert_eq!(store.tally(key.id).unwrap(), (0, 0));
    }

    #[test]
    fn reports_are_listed_newest_first_paginated_and_closed_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.sqlite");
        let store = FeedbackStore::open(&path).unwrap();
        let mut ids = Vec::new();
        for i in 0..7 {
            let key = store
                .record_answer(&reply(&format!("question {i}"), "a"))
                .unwrap();
            ids.push(
                store
                    .report(&key, &person("9"), &format!("problem {i}"))
                    .unwrap()
                    .unwrap(),
            );
        }
        let first = store.open_reports(1, 3).unwrap();
        assert_eq!((first.page, first.pages, first.total), (1, 3, 7));
        let texts: Vec<&str> = first.reports.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["problem 6", "problem 5", "problem 4"]);
        assert_eq!(first.reports[0].answer.question, "question 6");
        assert_eq!(
            first.reports[0].answer.citations[0].passage,
            "Lumenfold raised $8 million led by Brackwater."
        );
        let last = store.open_reports(99, 3).unwrap();
        assert_eq!(last.page, 3);
        assert_eq!(last.reports.len(), 1);

        let moderator = person("m");
        store.close_report(ids[6], &moderator, "dismissed").unwrap();
        assert!(store.close_report(ids[6], &moderator, "again").is_err());
        assert!(store.close_report(999, &moderator, "x").is_err());
        drop(store);
        // Survives reopening.
        let store = FeedbackStore::open(&path).unwrap();
        let page = store.open_reports(1, 3).unwrap();
        assert_eq!(page.total, 6);
        assert_eq!(page.reports[0].text, "problem 5");
        let closed = store.report_by_id(ids[6]).unwrap().unwrap();
        assert_eq!(closed.resolution.as_deref(), Some("dismissed"));
        assert_eq!(closed.closed_by.as_deref(), Some("user m"));
    }

    #[test]
    fn a_second_report_by_the_same_person_updates_the_first_and_empty_ones_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = FeedbackStore::open(&dir.path().join("f.sqlite")).unwrap();
        let key = store.record_answer(&reply("q", "a")).unwrap();
        let first = store.report(&key, &person("1"), "wrong lead").unwrap();
        let again = store
            .report(&key, &person("1"), "wrong lead and amount")
            .unwrap();
        assert_eq!(first, again);
        let other = store.report(&key, &person("2"), "wrong date").unwrap();
        assert_ne!(first, other);
        assert!(store.report(&key, &person("3"), "   ").is_err());
        let page = store.open_reports(1, 10).unwrap();
        assert_eq!(page.total, 2);
        assert!(page
            .reports
            .iter()
            .any(|r| r.text == "wrong lead and amount"));
    }
}
