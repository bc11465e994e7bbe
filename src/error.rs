//! The library's error type.
//!
//! Errors are split the way users meet them: [`Error::is_user_error`] tells the front ends
//! (command line, Discord) whether the message is something the person can act on, or an
//! internal failure that belongs in the log.

use std::path::PathBuf;

/// Everything that can go wrong inside fundbot.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An article could not be parsed.
    #[error("{path}: {reason}")]
    Article {
        /// The article's path under `articles/`.
        path: String,
        /// What is wrong with it, in words a moderator can act on.
        reason: String,
    },
    /// Another process or task holds the writer lock.
    #[error("reindex already running ({holder})")]
    ReindexRunning {
        /// Who holds the lock, as recorded in the lock file.
        holder: String,
    },
    /// There is no index yet where one was expected.
    #[error("no index at {0}; run `fundbot reindex` first")]
    NoIndex(PathBuf),
    /// The search engine failed.
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The facts store failed.
    #[error("facts store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A configuration or curated-facts file is malformed.
    #[error("{path}: {reason}")]
    Config {
        /// The file involved.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The request itself is unusable (empty query, unknown company, ...).
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// True when the message is meant for the person who asked (bad input, busy writer),
    /// false for internal failures that should be logged rather than shown in full.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Error::Article { .. }
                | Error::ReindexRunning { .. }
                | Error::NoIndex(_)
                | Error::Config { .. }
                | Error::Invalid(_)
        )
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
