//! The command layer: what every front end (command line, Discord) asks of fundbot.
//!
//! [`Fundbot`] holds a reader of the passage index and a connection to the facts store. Readers
//! follow commits, so a running bot sees each reindex (its own or another process's) once it
//! commits.

use std::sync::{Arc, Mutex};

use crate::answer::{self, Context, FactsReply, InvestorReply, NameIndex, Reply};
use crate::config::Paths;
use crate::error::{Error, Result};
use crate::facts::store::{FactStore, Stats};
use crate::index::{Hit, PassageIndex};
use crate::reindex::{self, Options, Progress, Silent, Summary};

/// fundbot over one data and index directory.
pub struct Fundbot {
    paths: Paths,
    index: PassageIndex,
    store: Mutex<FactStore>,
    /// Names for question parsing, with the store version they were read at.
    names: Mutex<(i64, Arc<NameIndex>)>,
}

impl Fundbot {
    /// Opens an existing index; [`Error::NoIndex`] when there is none.
    pub fn open(paths: &Paths) -> Result<Self> {
        if !paths.has_index() {
            return Err(Error::NoIndex(paths.index.clone()));
        }
        let store = FactStore::open_readonly(&paths.store())?;
        let names = Arc::new(NameIndex::load(&store)?.with_aliases(&paths.aliases()));
        let version = store.data_version()?;
        Ok(Fundbot {
            paths: paths.clone(),
            index: PassageIndex::open(&paths.passages())?,
            store: Mutex::new(store),
            names: Mutex::new((version, names)),
        })
    }

    /// Opens the index, building it first when there is none, and redoing it when it was built
    /// by another version of the extractor.
    pub fn open_or_build(paths: &Paths) -> Result<Self> {
        let stale = paths.has_index()
            && FactStore::open_readonly(&paths.store())?
                .meta("extractor_version")?
                .as_deref()
                != Some(reindex::EXTRACTOR_VERSION);
        if !paths.has_index() || stale {
            reindex::reindex(
                paths,
                &Options {
                    full: false,
                    holder: "first index build".to_string(),
                    progress: &Silent,
                },
            )?;
        }
        Self::open(paths)
    }

    /// The directories this instance serves.
    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    fn store(&self) -> std::sync::MutexGuard<'_, FactStore> {
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Answers a question; `context` carries the last company for follow-ups.
    pub fn ask(&self, question: &str, context: &Context) -> Result<Reply> {
        let store = self.store();
        let names = self.names(&store)?;
        answer::ask(question, &store, &self.index, &names, context)
    }

    /// The name index, reloaded when another connection committed since it was read.
    fn names(&self, store: &FactStore) -> Result<Arc<NameIndex>> {
        let version = store.data_version()?;
        let mut cached = self.names.lock().unwrap_or_else(|p| p.into_inner());
        if cached.0 != version {
            *cached = (
                version,
                Arc::new(NameIndex::load(store)?.with_aliases(&self.paths.aliases())),
            );
        }
        Ok(cached.1.clone())
    }

    /// Company names for autocomplete.
    pub fn complete_company(&self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        let store = self.store();
        Ok(self.names(&store)?.complete(prefix, limit))
    }

    /// Investor names for autocomplete.
    pub fn complete_investor(&self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        self.store().investor_names(prefix, limit)
    }

    /// Passages matching `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        self.index.search(query, limit)
    }

    /// A company's rounds, optionally only one round type.
    pub fn facts(
        &self,
        company: &str,
        round: Option<crate::facts::RoundType>,
    ) -> Result<FactsReply> {
        answer::company_facts(&self.store(), company, round)
    }

    /// The rounds an investor took part in.
    pub fn investor(&self, name: &str) -> Result<InvestorReply> {
        answer::investor_facts(&self.store(), name)
    }

    /// Rounds across companies that fit a checked filter, one page, cited.
    pub fn rounds(&self, filter: &answer::rounds::Filter) -> Result<answer::rounds::RoundsReply> {
        answer::rounds::list(&self.store(), filter)
    }

    /// A company's funding chart (PNG), or why there is none.
    pub fn company_chart(&self, name: &str) -> Result<crate::chart::ChartReply> {
        crate::chart::company_chart(&self.store(), name)
    }

    /// An investor's deals as a chart (PNG), or why there is none.
    pub fn investor_chart(&self, name: &str) -> Result<crate::chart::ChartReply> {
        crate::chart::investor_chart(&self.store(), name)
    }

    /// Totals and the last reindex.
    pub fn stats(&self) -> Result<Stats> {
        self.store().stats()
    }

    /// Reindexes and makes the result visible to this instance at once.
    pub fn reindex(&self, full: bool, holder: &str, progress: &dyn Progress) -> Result<Summary> {
        let summary = reindex::reindex(
            &self.paths,
            &Options {
                full,
                holder: holder.to_string(),
                progress,
            },
        )?;
        self.index.refresh()?;
        Ok(summary)
    }
}
