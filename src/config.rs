//! Where things live: the data directory (source of truth) and the index directory (derived).

use std::path::PathBuf;

/// The two directories fundbot works with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// `data/`: articles, moderators' corrections, the audit log.
    pub data: PathBuf,
    /// `index/`: the passage index and the facts store, rebuilt from `data/` at will.
    pub index: PathBuf,
}

impl Paths {
    /// Paths rooted at the given directories.
    pub fn new(data: impl Into<PathBuf>, index: impl Into<PathBuf>) -> Self {
        Paths {
            data: data.into(),
            index: index.into(),
        }
    }

    /// `data/articles/`: the corpus.
    pub fn articles(&self) -> PathBuf {
        self.data.join("articles")
    }

    /// `data/facts/`: moderators' corrections.
    pub fn corrections(&self) -> PathBuf {
        self.data.join("facts")
    }

    /// `data/aliases.toml`: short names people type ("a16z") and the names the articles use.
    pub fn aliases(&self) -> PathBuf {
        self.data.join("aliases.toml")
    }

    /// `data/audit.log`: every moderator action, one JSON object per line.
    pub fn audit_log(&self) -> PathBuf {
        self.data.join("audit.log")
    }

    /// `index/passages/`: the Tantivy index.
    pub fn passages(&self) -> PathBuf {
        self.index.join("passages")
    }

    /// `index/facts.sqlite`: the facts store.
    pub fn store(&self) -> PathBuf {
        self.index.join("facts.sqlite")
    }

    /// True when a reindex has committed at least once here.
    pub fn has_index(&self) -> bool {
        self.store().is_file() && self.passages().join("meta.json").is_file()
    }
}
