//! `fundbot bench`: reindex throughput, index size, peak memory, and warm `ask` latency beside a
//! bare Tantivy BM25 query on the same index, all measured in one run on a generated corpus.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;

use crate::answer::Context;
use crate::config::Paths;
use crate::corpus;
use crate::error::{Error, Result};
use crate::index::PassageIndex;
use crate::reindex::{self, Options, Silent};
use crate::service::Fundbot;

/// Latency percentiles in microseconds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Latency {
    /// Median.
    pub p50_us: u64,
    /// 95th percentile.
    pub p95_us: u64,
    /// 99th percentile.
    pub p99_us: u64,
    /// Mean.
    pub mean_us: u64,
}

impl Latency {
    fn of(mut samples: Vec<Duration>) -> Self {
        if samples.is_empty() {
            return Latency::default();
        }
        samples.sort_unstable();
        let pick =
            |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize].as_micros() as u64;
        let mean = samples.iter().map(|d| d.as_micros() as u64).sum::<u64>() / samples.len() as u64;
        Latency {
            p50_us: pick(0.5),
            p95_us: pick(0.95),
            p99_us: pick(0.99),
            mean_us: mean,
        }
    }
}

/// Everything `bench` reports.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BenchReport {
    /// Articles in the corpus.
    pub articles: u64,
    /// Passages indexed.
    pub passages: u64,
    /// Rounds extracted.
    pub rounds: u64,
    /// Bytes of article files.
    pub corpus_bytes: u64,
    /// Seconds to generate the corpus (0 when reused).
    pub generate_seconds: f64,
    /// Full reindex wall-clock seconds.
    pub reindex_seconds: f64,
    /// Articles per second.
    pub reindex_articles_per_second: f64,
    /// Megabytes (10^6 bytes) of article files per second.
    pub reindex_mb_per_second: f64,
    /// Bare Tantivy indexing loop over the same passages, seconds.
    pub baseline_index_seconds: f64,
    /// `reindex_seconds / baseline_index_seconds`.
    pub reindex_vs_baseline: f64,
    /// Passage index size on disk.
    pub index_bytes: u64,
    /// Facts store size on disk.
    pub facts_bytes: u64,
    /// Peak resident memory during the reindex, bytes (Linux; 0 elsewhere).
    pub reindex_peak_rss_bytes: u64,
    /// Time to open an existing index and answer a first question, microseconds.
    pub startup_us: u64,
    /// Questions timed.
    pub queries: u64,
    /// Warm `ask` latency.
    pub ask: Latency,
    /// Warm bare Tantivy BM25 top-10 latency for the same question strings.
    pub bare_tantivy: Latency,
    /// `ask.p50_us / bare_tantivy.p50_us`.
    pub ask_vs_bare_p50: f64,
    /// Share of answerable questions (generated, or the `--questions` file) answered correctly.
    pub generated_answer_accuracy: f64,
    /// Share of unanswerable generated questions declined.
    pub generated_decline_accuracy: f64,
    /// Rounds in the benchmark chart.
    pub chart_rounds: u64,
    /// Time to draw and encode that chart as PNG.
    pub chart_render: Latency,
    /// Its PNG size.
    pub chart_png_bytes: u64,
}

fn dir_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => dir_size(&e.path()),
            _ => e.metadata().map(|m| m.len()).unwrap_or(0),
        })
        .sum()
}

/// Peak resident set size of this process (VmHWM), in bytes.
pub fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<u64>().ok())
            })
        })
        .map_or(0, |kb| kb * 1024)
}

/// Resets the peak RSS counter so the next phase is measured alone (Linux).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Runs the benchmark on the corpus in `dir` (generated there first when missing).
pub fn run(dir: &Path, articles: usize, seed: u64, queries: usize) -> Result<BenchReport> {
    let mut report = BenchReport::default();
    let marker = dir.join("generated.json");
    let fresh = std::fs::read_to_string(&marker)
        .ok()
        .is_some_and(|m| m.contains(&format!("\"articles\":{articles},")));
    if !fresh {
        let t = Instant::now();
        let generated = crate::gen::generate(dir, articles, seed)?;
        report.generate_seconds = t.elapsed().as_secs_f64();
        let json = serde_json::to_string(&generated).map_err(|e| Error::Invalid(e.to_string()))?;
        std::fs::write(&marker, json).map_err(|e| Error::io(&marker, e))?;
    }
    let paths = Paths::new(dir, dir.join("index"));
    if paths.index.exists() {
        std::fs::remove_dir_all(&paths.index).map_err(|e| Error::io(&paths.index, e))?;
    }
    measure(&paths, &dir.join("questions.toml"), queries, report)
}

/// The same measures over an existing data directory (the demo corpus, a labelled set) and its
/// question file, indexed into a temporary directory so the user's index is left alone.
pub fn run_on(data: &Path, questions: &Path, queries: usize) -> Result<BenchReport> {
    let index = tempfile::tempdir().map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let paths = Paths::new(data, index.path());
    measure(&paths, questions, queries, BenchReport::default())
}

fn measure(
    paths: &Paths,
    questions_file: &Path,
    queries: usize,
    mut report: BenchReport,
) -> Result<BenchReport> {
    reset_peak_rss();
    let summary = reindex::reindex(
        paths,
        &Options {
            full: true,
            holder: "bench".into(),
            progress: &Silent,
        },
    )?;
    report.reindex_peak_rss_bytes = peak_rss();
    report.articles = summary.articles;
    report.passages = summary.passages;
    report.rounds = summary.rounds;
    report.corpus_bytes = summary.bytes_read;
    report.reindex_seconds = summary.seconds;
    report.reindex_articles_per_second = summary.articles as f64 / summary.seconds.max(1e-9);
    report.reindex_mb_per_second = summary.bytes_read as f64 / 1e6 / summary.seconds.max(1e-9);
    report.index_bytes = dir_size(&paths.passages());
    report.facts_bytes = ["facts.sqlite", "facts.sqlite-wal", "facts.sqlite-shm"]
        .iter()
        .map(|f| {
            std::fs::metadata(paths.index.join(f))
                .map(|m| m.len())
                .unwrap_or(0)
        })
        .sum();
    report.baseline_index_seconds = baseline_indexing(paths)?;
    report.reindex_vs_baseline = report.reindex_seconds / report.baseline_index_seconds.max(1e-9);

    // Startup: open the existing index and answer once.
    let t = Instant::now();
    let bot = Fundbot::open(paths)?;
    let context = Context::default();
    bot.ask("who led the round?", &context)?;
    report.startup_us = t.elapsed().as_micros() as u64;

    let labelled = crate::eval::load_questions(questions_file)?;
    let questions: Vec<String> = labelled
        .iter()
        .map(|q| q.q.clone())
        .cycle()
        .take(queries.max(1))
        .collect();
    report.queries = questions.len() as u64;
    // Warm both paths once, then time them in alternation so machine noise hits both alike.
    let index = PassageIndex::open(&paths.passages())?;
    let tantivy = index.tantivy();
    let reader = tantivy.reader()?;
    let searcher = reader.searcher();
    let parser = QueryParser::for_index(tantivy, vec![index.fields().text]);
    for q in questions.iter().take(50) {
        bot.ask(q, &context)?;
        let (query, _) = parser.parse_query_lenient(q);
        searcher.search(&query, &TopDocs::with_limit(10).order_by_score())?;
    }
    let mut ask_times = Vec::with_capacity(questions.len());
    let mut bare_times = Vec::with_capacity(questions.len());
    for q in &questions {
        let t = Instant::now();
        let (query, _) = parser.parse_query_lenient(q);
        let top = searcher.search(&query, &TopDocs::with_limit(10).order_by_score())?;
        std::hint::black_box(top);
        bare_times.push(t.elapsed());
        let t = Instant::now();
        let reply = bot.ask(q, &context)?;
        ask_times.push(t.elapsed());
        std::hint::black_box(reply);
    }
    report.ask = Latency::of(ask_times);
    report.bare_tantivy = Latency::of(bare_times);
    report.ask_vs_bare_p50 = report.ask.p50_us as f64 / report.bare_tantivy.p50_us.max(1) as f64;

    let eval = crate::eval::eval_questions(&labelled, |q| bot.ask(q, &context))?;
    report.generated_answer_accuracy = eval.answer_accuracy;
    report.generated_decline_accuracy = eval.decline_accuracy;
    chart_timing(&mut report)?;
    Ok(report)
}

/// Draws a 30-round company chart (three currencies, valuations, one disputed) 20 times.
fn chart_timing(report: &mut BenchReport) -> Result<()> {
    let series = crate::chart::sample_series(30);
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..20 {
        let t = Instant::now();
        let png = crate::chart::render_png(&series).map_err(|e| Error::Invalid(e.to_string()))?;
        times.push(t.elapsed());
        bytes = png.len() as u64;
    }
    report.chart_rounds = series.bars.len() as u64;
    report.chart_render = Latency::of(times);
    report.chart_png_bytes = bytes;
    Ok(())
}

/// A bare Tantivy indexing loop over the same passages: parsing and splitting happen first and
/// are not timed; only adding documents and committing is.
fn baseline_indexing(paths: &Paths) -> Result<f64> {
    let mut docs = Vec::new();
    for file in corpus::list_files(&paths.articles())? {
        let bytes = std::fs::read(&file.path).map_err(|e| Error::io(&file.path, e))?;
        for article in corpus::parse_file(&file, &bytes).into_iter().flatten() {
            let passages = corpus::passages(&article.body);
            docs.push((article, passages));
        }
    }
    let dir = tempfile::tempdir().map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let index = PassageIndex::open_or_create(dir.path())?;
    let t = Instant::now();
    let mut writer = index.writer(120_000_000)?;
    for (article, passages) in &docs {
        index.add_article(&writer, article, passages)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(t.elapsed().as_secs_f64())
}

/// The report as a table.
pub fn render(r: &BenchReport) -> String {
    format!(
        "corpus: {} articles, {} passages, {} rounds, {:.1} MB (generated in {:.1} s)\n\
         reindex (full): {:.2} s = {:.0} articles/s, {:.2} MB/s; bare Tantivy loop {:.2} s (ratio {:.2})\n\
         on disk: passage index {:.1} MB, facts store {:.1} MB; peak RSS during reindex {:.0} MB\n\
         startup (open + first answer): {:.1} ms\n\
         warm ask over {} questions: p50 {} µs, p95 {} µs, p99 {} µs\n\
         bare Tantivy top-10:        p50 {} µs, p95 {} µs, p99 {} µs (ask/bare at p50: {:.2})\n\
         questions: {:.1}% answerable correct, {:.1}% unanswerable declined\n\
         chart of {} rounds: p50 {:.1} ms, p99 {:.1} ms to draw and encode, {:.0} KB PNG\n",
        r.articles,
        r.passages,
        r.rounds,
        r.corpus_bytes as f64 / 1e6,
        r.generate_seconds,
        r.reindex_seconds,
        r.reindex_articles_per_second,
        r.reindex_mb_per_second,
        r.baseline_index_seconds,
        r.reindex_vs_baseline,
        r.index_bytes as f64 / 1e6,
        r.facts_bytes as f64 / 1e6,
        r.reindex_peak_rss_bytes as f64 / 1048576.0,
        r.startup_us as f64 / 1000.0,
        r.queries,
        r.ask.p50_us,
        r.ask.p95_us,
        r.ask.p99_us,
        r.bare_tantivy.p50_us,
        r.bare_tantivy.p95_us,
        r.bare_tantivy.p99_us,
        r.ask_vs_bare_p50,
        100.0 * r.generated_answer_accuracy,
        100.0 * r.generated_decline_accuracy,
        r.chart_rounds,
        r.chart_render.p50_us as f64 / 1000.0,
        r.chart_render.p99_us as f64 / 1000.0,
        r.chart_png_bytes as f64 / 1000.0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_generated_corpus_and_the_same_files_as_a_data_directory_measure_alike() {
        let dir = tempfile::tempdir().unwrap();
        let generated = run(dir.path(), 40, 7, 30).unwrap();
        assert_eq!(generated.articles, 40);
        assert!(generated.passages >= 40 && generated.rounds > 0);
        assert_eq!(generated.queries, 30);
        assert!(generated.index_bytes > 0 && generated.facts_bytes > 0);
        assert!(generated.ask.p50_us <= generated.ask.p99_us);
        assert!(generated.generated_answer_accuracy > 0.5);
        assert_eq!(generated.chart_rounds, 30);
        assert!(generated.chart_png_bytes > 0);

        // Measuring the same files as an existing data directory leaves its index alone.
        std::fs::remove_dir_all(dir.path().join("index")).unwrap();
        let existing = run_on(dir.path(), &dir.path().join("questions.toml"), 30).unwrap();
        assert_eq!(existing.articles, generated.articles);
        assert_eq!(existing.rounds, generated.rounds);
        assert_eq!(
            existing.generated_answer_accuracy,
            generated.generated_answer_accuracy
        );
        assert!(!dir.path().join("index").exists());
    }
}
