//! Reindexing: bringing the passage index and the facts store in line with `data/`.
//!
//! Incremental by default: only new, changed and removed articles are redone (a file whose size
//! and modification time are unchanged is not even read; one whose content hash is unchanged is
//! not parsed). `full` rebuilds everything.
//!
//! Crash safety: before touching either index, the files about to change are recorded in the
//! facts store (a committed transaction). Tantivy commits first, carrying the new generation as
//! its payload, then the facts store commits the same generation and clears the record. Killed
//! at any point, both keep their last committed state (readers go on answering from it) and the
//! next run redoes the recorded files.

use std::collections::{HashMap, HashSet};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Instant, UNIX_EPOCH};

use serde::Serialize;

use crate::config::Paths;
use crate::corpus::{self, Article, CorpusFile, Passage};
use crate::error::{Error, Result};
use crate::facts::store::{FactStore, FileState};
use crate::facts::{curated, extract, Round};
use crate::index::PassageIndex;
use crate::lock::WriterLock;

/// A fingerprint of the corpus and extraction code (computed by `build.rs`): when it changes,
/// the next reindex redoes every article, so an upgrade never serves facts from old rules.
pub const EXTRACTOR_VERSION: &str = env!("FUNDBOT_EXTRACTOR_HASH");

/// Memory budget of the Tantivy writer.
const WRITER_HEAP: usize = 120_000_000;

/// The stages a reindex reports progress in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Looking at files to find what changed.
    Scanning,
    /// Reading, extracting and indexing changed files.
    Indexing,
    /// Writing both indexes to disk.
    Committing,
}

/// Receives progress; a terminal bar and a Discord message edit are two implementations.
pub trait Progress: Send + Sync {
    /// `done` of `total` units of `stage` are finished.
    fn update(&self, stage: Stage, done: u64, total: u64);
}

/// Progress that goes nowhere.
pub struct Silent;

impl Progress for Silent {
    fn update(&self, _: Stage, _: u64, _: u64) {}
}

/// A file or article that could not be indexed, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Path under `data/` (`articles/x.md`, `articles/feed.jsonl#3`, `facts/y.toml`).
    pub path: String,
    /// What is wrong, in words a moderator can act on.
    pub reason: String,
}

/// What a reindex did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Whether everything was rebuilt.
    pub full: bool,
    /// Whether an interrupted reindex was finished first.
    pub recovered: bool,
    /// Articles new to the index.
    pub added: u64,
    /// Articles whose content changed.
    pub updated: u64,
    /// Articles gone from `data/`.
    pub removed: u64,
    /// Articles left as they were.
    pub unchanged: u64,
    /// Files or articles that could not be indexed (see `failures`).
    pub failed: u64,
    /// Articles in the index after the reindex.
    pub articles: u64,
    /// Passages in the index after the reindex.
    pub passages: u64,
    /// Passages written by this run.
    pub passages_written: u64,
    /// Funding rounds in the facts store after the reindex.
    pub rounds: u64,
    /// Bytes of article files read.
    pub bytes_read: u64,
    /// What failed and why.
    pub failures: Vec<Problem>,
    /// Things indexed with a caveat (an unreadable date).
    pub warnings: Vec<Problem>,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// The generation now committed.
    pub generation: u64,
}

/// How to reindex.
pub struct Options<'a> {
    /// Rebuild everything.
    pub full: bool,
    /// Who is reindexing, recorded in the lock and in the stats.
    pub holder: String,
    /// Where progress goes.
    pub progress: &'a dyn Progress,
}

/// An article with its passages, subject company and rounds.
type ProcessedArticle = (Article, Vec<Passage>, Option<String>, Vec<Round>);

/// A changed file's articles, processed and ready to write.
struct Processed {
    file: CorpusFile,
    state: Option<FileState>,
    articles: Vec<ProcessedArticle>,
    failures: Vec<Problem>,
    /// The file could not be read or parsed as a whole: its earlier articles stay.
    broken: bool,
    bytes: u64,
}

/// Runs a reindex. Fails at once with [`Error::ReindexRunning`] when another one holds the lock.
pub fn reindex(paths: &Paths, options: &Options) -> Result<Summary> {
    let started = Instant::now();
    let _lock = WriterLock::acquire(&paths.index, &options.holder)?;
    let mut store = FactStore::open(&paths.store())?;
    let (index, rebuilt) = open_index(paths)?;
    let (pending, pending_full) = store.pending()?;
    let generation = store.generation()?;
    let index_generation = index.committed_generation()?.unwrap_or(0);
    let out_of_step = index_generation != generation && pending.is_empty();
    // Facts made by another version of the extractor are redone.
    let stale_facts =
        generation > 0 && store.meta("extractor_version")?.as_deref() != Some(EXTRACTOR_VERSION);
    let full =
        options.full || pending_full || out_of_step || stale_facts || (rebuilt && generation > 0);
    let mut summary = Summary {
        full,
        recovered: !pending.is_empty() || pending_full,
        ..Summary::default()
    };

    // Scan: which files changed since the last reindex?
    let files = corpus::list_files(&paths.articles())?;
    let known_files = if full {
        HashMap::new()
    } else {
        store.file_states()?
    };
    let known_articles = if full {
        HashMap::new()
    } else {
        store.article_hashes()?
    };
    let pending: HashSet<String> = pending.into_iter().collect();
    let mut articles_by_file: HashMap<&str, Vec<&str>> = HashMap::new();
    for (id, (file, _)) in &known_articles {
        articles_by_file
            .entry(file.as_str())
            .or_default()
            .push(id.as_str());
    }
    let mut changed: Vec<(CorpusFile, FileState)> = Vec::new();
    let mut touched_same_hash: Vec<(String, FileState)> = Vec::new();
    let total = files.len() as u64;
    for (i, file) in files.iter().enumerate() {
        options.progress.update(Stage::Scanning, i as u64, total);
        let meta = match std::fs::metadata(&file.path) {
            Ok(m) => m,
            Err(e) => {
                summary.failures.push(Problem {
                    path: format!("articles/{}", file.rel),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let state = FileState {
            size: meta.len(),
            mtime_ns: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i64),
            hash: String::new(),
        };
        let forced = pending.contains(&file.rel);
        match known_files.get(&file.rel) {
            Some(k) if !forced && k.size == state.size && k.mtime_ns == state.mtime_ns => {
                summary.unchanged += articles_by_file
                    .get(file.rel.as_str())
                    .map_or(0, |a| a.len() as u64);
            }
            Some(k) if !forced => {
                // Touched but maybe not changed: compare content hashes before parsing.
                match std::fs::read(&file.path) {
                    Ok(bytes) if corpus::content_hash(&bytes) == k.hash => {
                        summary.unchanged += articles_by_file
                            .get(file.rel.as_str())
                            .map_or(0, |a| a.len() as u64);
                        touched_same_hash.push((
                            file.rel.clone(),
                            FileState {
                                hash: k.hash.clone(),
                                ..state
                            },
                        ));
                    }
                    _ => changed.push((file.clone(), state)),
                }
            }
            _ => changed.push((file.clone(), state)),
        }
    }
    let present: HashSet<&str> = files.iter().map(|f| f.rel.as_str()).collect();
    let gone_files: Vec<String> = known_files
        .keys()
        .filter(|f| !present.contains(f.as_str()))
        .cloned()
        .collect();
    let mut removed_ids: Vec<String> = known_articles
        .iter()
        .filter(|(_, (file, _))| !present.contains(file.as_str()))
        .map(|(id, _)| id.clone())
        .collect();
    // Recorded work of a crashed run whose file is gone since.
    removed_ids.extend(
        pending
            .iter()
            .filter(|p| !present.contains(p.as_str()))
            .cloned(),
    );
    options.progress.update(Stage::Scanning, total, total);

    // Record the work before doing it, so a crash can be finished by the next run.
    let mut record: Vec<String> = changed.iter().map(|(f, _)| f.rel.clone()).collect();
    record.extend(gone_files.iter().cloned());
    store.mark_pending(&record, full)?;
    fault_point("pending-recorded");

    let new_generation = generation.max(index_generation) + 1;
    let mut writer = index.writer(WRITER_HEAP)?;
    if full {
        writer.delete_all_documents()?;
    }
    let mut sw = store.writer()?;
    if full {
        sw.clear()?;
    }
    for id in &removed_ids {
        index.delete_article(&writer, id);
        sw.remove_article(id)?;
        if known_articles.contains_key(id) {
            summary.removed += 1;
        }
    }
    for rel in &gone_files {
        sw.remove_file(rel)?;
    }
    for (rel, state) in &touched_same_hash {
        sw.set_file(rel, state)?;
    }

    // Process changed files on worker threads; write on this one.
    let total = changed.len() as u64;
    let queue = Mutex::new(changed.into_iter());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let (tx, rx) = mpsc::sync_channel::<Processed>(64);
    let write_result: Result<()> = std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let queue = &queue;
            scope.spawn(move || loop {
                let next = queue.lock().map(|mut q| q.next()).ok().flatten();
                let Some((file, state)) = next else { break };
                if tx.send(process_file(file, state)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut done = 0;
        for processed in rx {
            done += 1;
            if done == total / 2 + 1 {
                fault_point("indexing");
            }
            options.progress.update(Stage::Indexing, done, total);
            summary.bytes_read += processed.bytes;
            summary.failed += processed.failures.len() as u64;
            summary.failures.extend(processed.failures.iter().cloned());
            let rel = processed.file.rel.clone();
            let old_ids: Vec<&str> = articles_by_file
                .get(rel.as_str())
                .cloned()
                .unwrap_or_default();
            if processed.broken {
                // Keep serving what we had; try again next time.
                summary.unchanged += old_ids.len() as u64;
                continue;
            }
            let forced = pending.contains(&rel);
            let mut seen: HashSet<&str> = HashSet::new();
            for (article, passages, subject, rounds) in &processed.articles {
                for w in &article.warnings {
                    summary.warnings.push(Problem {
                        path: format!("articles/{}", article.id),
                        reason: w.clone(),
                    });
                }
                let previous = known_articles.get(&article.id);
                if let Some((_, hash)) = previous {
                    seen.insert(article.id.as_str());
                    if *hash == article.hash && !forced {
                        summary.unchanged += 1;
                        continue;
                    }
                    summary.updated += 1;
                } else {
                    summary.added += 1;
                }
                index.delete_article(&writer, &article.id);
                index.add_article(&writer, article, passages)?;
                summary.passages_written += passages.len() as u64;
                sw.put_article(
                    &rel,
                    article,
                    passages,
                    subject.as_deref(),
                    rounds,
                    previous.is_some() || forced,
                )?;
            }
            // Lines gone from a JSON Lines file, or articles of a file that now fails in part.
            let failed_ids: HashSet<String> = processed
                .failures
                .iter()
                .map(|p| p.path.trim_start_matches("articles/").to_string())
                .collect();
            for id in old_ids {
                if !seen.contains(id) && !failed_ids.contains(id) {
                    index.delete_article(&writer, id);
                    sw.remove_article(id)?;
                    summary.removed += 1;
                }
            }
            if processed.failures.is_empty() {
                if let Some(state) = &processed.state {
                    sw.set_file(&rel, state)?;
                }
            }
        }
        Ok(())
    });
    write_result?;

    options.progress.update(Stage::Committing, 0, 1);
    let corrections = curated::load(&paths.corrections());
    for (path, reason) in &corrections.failures {
        summary.failures.push(Problem {
            path: path.clone(),
            reason: reason.clone(),
        });
        summary.failed += 1;
    }
    sw.apply_corrections(&corrections)?;
    sw.remove_orphans()?;
    sw.set_meta(
        "last_reindex_at",
        &chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    )?;
    sw.set_meta("last_reindex_by", &options.holder)?;
    sw.set_meta("extractor_version", EXTRACTOR_VERSION)?;
    sw.set_meta(
        "last_reindex_seconds",
        &format!("{:.3}", started.elapsed().as_secs_f64()),
    )?;

    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&new_generation.to_string());
    prepared.commit()?;
    writer.wait_merging_threads()?;
    fault_point("index-committed");
    sw.commit(new_generation)?;
    options.progress.update(Stage::Committing, 1, 1);

    store.checkpoint()?;
    let stats = store.stats()?;
    summary.articles = stats.articles;
    summary.passages = stats.passages;
    summary.rounds = stats.rounds;
    summary.generation = new_generation;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Fault injection for the crash tests: with `FUNDBOT_FAULT_PAUSE=<point>` the reindex stops
/// at that point (announcing it on stderr) long enough to be killed.
/// `FUNDBOT_FAULT_SLOW_MS=<n>` makes every point take that long, so progress can be observed.
fn fault_point(point: &str) {
    if std::env::var("FUNDBOT_FAULT_PAUSE").is_ok_and(|v| v == point) {
        eprintln!("fundbot: paused at {point}");
        std::thread::sleep(std::time::Duration::from_secs(120));
    }
    if let Some(ms) = std::env::var("FUNDBOT_FAULT_SLOW_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(60_000)));
    }
}

/// Opens the passage index, rebuilding it from scratch when it was made by an incompatible
/// version. Returns whether it was (re)created empty.
fn open_index(paths: &Paths) -> Result<(PassageIndex, bool)> {
    let dir = paths.passages();
    let existed = dir.join("meta.json").is_file();
    if existed {
        match PassageIndex::open(&dir) {
            Ok(index) => return Ok((index, false)),
            Err(Error::Invalid(_)) => {
                std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
            }
            Err(e) => return Err(e),
        }
    }
    Ok((PassageIndex::open_or_create(&dir)?, true))
}

fn process_file(file: CorpusFile, mut state: FileState) -> Processed {
    let mut out = Processed {
        file,
        state: None,
        articles: Vec::new(),
        failures: Vec::new(),
        broken: false,
        bytes: 0,
    };
    let bytes = match std::fs::read(&out.file.path) {
        Ok(b) => b,
        Err(e) => {
            out.failures.push(Problem {
                path: format!("articles/{}", out.file.rel),
                reason: e.to_string(),
            });
            out.broken = true;
            return out;
        }
    };
    out.bytes = bytes.len() as u64;
    state.hash = corpus::content_hash(&bytes);
    out.state = Some(state);
    let results = corpus::parse_file(&out.file, &bytes);
    let single = results.len() == 1;
    for result in results {
        match result {
            Ok(mut article) => {
                let passages = corpus::passages(&article.body);
                // A bug in the extractor must not cost the article its place in the index.
                let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    extract::extract_with_subject(&article, &passages)
                }));
                let (rounds, subject) = extracted.unwrap_or_else(|_| {
                    article.warnings.push(
                        "fact extraction failed (a bug worth reporting); indexed for search only"
                            .to_string(),
                    );
                    (Vec::new(), None)
                });
                out.articles.push((article, passages, subject, rounds));
            }
            Err(Error::Article { path, reason }) => {
                out.failures.push(Problem {
                    path: format!("articles/{path}"),
                    reason,
                });
                out.broken |= single;
            }
            Err(e) => {
                out.failures.push(Problem {
                    path: format!("articles/{}", out.file.rel),
                    reason: e.to_string(),
                });
                out.broken = true;
            }
        }
    }
    out
}
