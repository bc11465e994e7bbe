//! The command line's work: each subcommand as a function that prints its result and returns
//! the exit code. `main.rs` only parses arguments and calls these.

pub mod feeds;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use crate::config::Paths;
use crate::reindex::{self, Options, Progress, Stage, Summary};
use crate::service::Fundbot;

pub mod moderation;

/// Exit status when a reindex finished but some files could not be indexed.
pub const EXIT_PARTIAL: u8 = 3;

/// Exit status when `chart` had nothing to draw (the reason is printed).
pub const EXIT_NOTHING: u8 = 4;

/// Logs go to stderr, filtered by `RUST_LOG` (default: warnings).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Turns a command's result into an exit code, printing errors as one line on stderr.
pub fn exit(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(err) => {
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let message = err
                .chain()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join(": ");
            eprintln!("fundbot: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A terminal progress bar on stderr.
struct Bar {
    bar: ProgressBar,
}

impl Bar {
    fn new() -> Self {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{prefix:>10} [{bar:40}] {pos}/{len} {elapsed}")
                .expect("static template")
                .progress_chars("=> "),
        );
        Bar { bar }
    }
}

impl Progress for Bar {
    fn update(&self, stage: Stage, done: u64, total: u64) {
        let prefix = match stage {
            Stage::Scanning => "scanning",
            Stage::Indexing => "indexing",
            Stage::Committing => "committing",
        };
        self.bar.set_prefix(prefix);
        self.bar.set_length(total);
        self.bar.set_position(done);
    }
}

/// `fundbot reindex`.
pub fn reindex(paths: &Paths, full: bool, json: bool) -> anyhow::Result<ExitCode> {
    let bar = (!json && std::io::stderr().is_terminal()).then(Bar::new);
    let silent = reindex::Silent;
    let progress: &dyn Progress = match &bar {
        Some(b) => b,
        None => &silent,
    };
    let summary = reindex::reindex(
        paths,
        &Options {
            full,
            holder: "reindex from the command line".to_string(),
            progress,
        },
    )?;
    if let Some(b) = bar {
        b.bar.finish_and_clear();
    }
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &summary)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", render_summary(&summary))?;
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

/// The reindex summary as people read it.
pub fn render_summary(s: &Summary) -> String {
    let mut out = String::new();
    if s.recovered {
        out.push_str("finished an interrupted reindex first\n");
    }
    out.push_str(&format!(
        "{} reindex: {} added, {} updated, {} removed, {} unchanged, {} failed\n",
        if s.full { "full" } else { "incremental" },
        s.added,
        s.updated,
        s.removed,
        s.unchanged,
        s.failed
    ));
    out.push_str(&format!(
        "index: {} articles, {} passages ({} written), {} funding rounds; {:.2} s\n",
        s.articles, s.passages, s.passages_written, s.rounds, s.seconds
    ));
    for p in &s.failures {
        out.push_str(&format!("failed: {}: {}\n", p.path, p.reason));
    }
    for p in &s.warnings {
        out.push_str(&format!("warning: {}: {}\n", p.path, p.reason));
    }
    out
}

/// `fundbot search`.
pub fn search(paths: &Paths, query: &str, limit: usize, json: bool) -> anyhow::Result<ExitCode> {
    let bot = Fundbot::open_or_build(paths)?;
    let hits = bot.search(query, limit.clamp(1, 100))?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "query": query, "hits": hits }),
        )?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if hits.is_empty() {
        writeln!(out, "No passage matches {query:?}.")?;
    }
    let bold = std::io::stdout().is_terminal();
    for (i, hit) in hits.iter().enumerate() {
        let meta = [hit.source.clone(), hit.published.map(|d| d.to_string())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(out, "[{}] {} ({meta})", i + 1, hit.title)?;
        writeln!(
            out,
            "    {}{}",
            hit.article,
            hit.url
                .as_deref()
                .map(|u| format!("  {u}"))
                .unwrap_or_default()
        )?;
        let marked = if bold {
            crate::render::mark(&hit.passage, &hit.highlights, "\x1b[1m", "\x1b[0m")
        } else {
            hit.passage.clone()
        };
        writeln!(out, "    {marked}\n")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `fundbot facts COMPANY` and `fundbot facts --investor NAME`.
pub fn facts(
    paths: &Paths,
    company: Option<&str>,
    investor: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let bot = Fundbot::open_or_build(paths)?;
    let mut out = std::io::stdout().lock();
    match (company, investor) {
        (_, Some(name)) => {
            let reply = bot.investor(name)?;
            if json {
                serde_json::to_writer_pretty(&mut out, &reply)?;
                writeln!(out)?;
            } else {
                write!(out, "{}", crate::render::text::investor(&reply))?;
            }
        }
        (Some(name), None) => {
            let reply = bot.facts(name, None)?;
            if json {
                serde_json::to_writer_pretty(&mut out, &reply)?;
                writeln!(out)?;
            } else {
                write!(out, "{}", crate::render::text::facts(&reply))?;
            }
        }
        (None, None) => anyhow::bail!("name a company, or an investor with --investor"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `fundbot rounds`: rounds across companies by filter. A bad filter is an error naming the
/// field.
pub fn rounds(
    paths: &Paths,
    input: &crate::answer::rounds::FilterInput,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let filter = input.check()?;
    let bot = Fundbot::open_or_build(paths)?;
    let reply = bot.rounds(&filter)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &reply)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", crate::render::text::rounds(&reply))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `fundbot chart COMPANY --out FILE.png` (or `--investor NAME`): writes the picture and prints
/// its notes; when there is nothing to draw, says why and writes nothing.
pub fn chart(
    paths: &Paths,
    company: Option<&str>,
    investor: Option<&str>,
    out: &std::path::Path,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let bot = Fundbot::open_or_build(paths)?;
    let reply = match (company, investor) {
        (_, Some(name)) => bot.investor_chart(name)?,
        (Some(name), None) => bot.company_chart(name)?,
        (None, None) => anyhow::bail!("name a company, or an investor with --investor"),
    };
    if let Some(png) = &reply.png {
        std::fs::write(out, png)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", out.display()))?;
    }
    let mut stdout = std::io::stdout().lock();
    if json {
        let mut v = serde_json::to_value(&reply)?;
        v["out"] = match &reply.png {
            Some(_) => serde_json::Value::String(out.display().to_string()),
            None => serde_json::Value::Null,
        };
        serde_json::to_writer_pretty(&mut stdout, &v)?;
        writeln!(stdout)?;
    } else if reply.png.is_some() {
        writeln!(stdout, "wrote {}", out.display())?;
        if !reply.message.is_empty() {
            writeln!(stdout, "{}", reply.message)?;
        }
    } else {
        writeln!(stdout, "{}", reply.message)?;
    }
    Ok(if reply.png.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_NOTHING)
    })
}

/// `fundbot eval-facts --gold FILE`: reindexes, then scores the extracted facts.
pub fn eval_facts(
    paths: &Paths,
    gold: &std::path::Path,
    json: bool,
    verbose: bool,
) -> anyhow::Result<ExitCode> {
    let gold = crate::eval::load_gold(gold)?;
    reindex::reindex(
        paths,
        &Options {
            full: true,
            holder: "eval-facts".to_string(),
            progress: &reindex::Silent,
        },
    )?;
    let store = crate::facts::store::FactStore::open_readonly(&paths.store())?;
    let result = crate::eval::eval_facts(&store.all_rounds()?, &gold);
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &result)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", crate::eval::render_facts_eval(&result))?;
        if verbose {
            writeln!(out)?;
            for d in &result.differences {
                writeln!(out, "{d}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `fundbot ask`: builds the index first when there is none. Exit status 0 for any answer.
pub fn ask(paths: &Paths, question: &str, json: bool) -> anyhow::Result<ExitCode> {
    let bot = Fundbot::open_or_build(paths)?;
    let reply = bot.ask(question, &crate::answer::Context::default())?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &reply)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", crate::render::text::answer(&reply))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `fundbot eval --questions FILE`: reindexes, then asks every question and scores the replies.
pub fn eval_questions(
    paths: &Paths,
    questions: &std::path::Path,
    json: bool,
    verbose: bool,
) -> anyhow::Result<ExitCode> {
    let questions = crate::eval::load_questions(questions)?;
    reindex::reindex(
        paths,
        &Options {
            full: true,
            holder: "eval".to_string(),
            progress: &reindex::Silent,
        },
    )?;
    let bot = Fundbot::open(paths)?;
    let context = crate::answer::Context::default();
    let result = crate::eval::eval_questions(&questions, |q| bot.ask(q, &context))?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &result)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", crate::eval::render_answer_eval(&result, verbose))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `fundbot serve`: the Discord bot, until Ctrl-C or SIGTERM.
pub fn serve(paths: &Paths) -> anyhow::Result<ExitCode> {
    let config = crate::bot::config::BotConfig::from_env()?;
    if std::env::var_os("RUST_LOG").is_none() {
        tracing::info!("set RUST_LOG=info for connection logs");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(crate::bot::serve(paths.clone(), config))?;
    Ok(ExitCode::SUCCESS)
}

/// `fundbot gen-corpus`.
pub fn gen_corpus(out: &std::path::Path, articles: usize, seed: u64) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let g = crate::gen::generate(out, articles, seed)?;
    println!(
        "wrote {} articles in {} files ({:.1} MB), {} gold rounds, {} questions to {} in {:.1} s",
        g.articles,
        g.files,
        g.bytes as f64 / 1e6,
        g.rounds,
        g.questions,
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// `fundbot bench`.
pub fn bench(
    dir: Option<std::path::PathBuf>,
    articles: usize,
    seed: u64,
    queries: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let dir = dir.unwrap_or_else(|| crate::gen::default_dir(articles, seed));
    print_bench(&crate::bench::run(&dir, articles, seed, queries)?, json)
}

/// `bench --questions FILE`: the same measures over the data directory as it is.
pub fn bench_on(
    paths: &Paths,
    questions: &std::path::Path,
    queries: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    print_bench(
        &crate::bench::run_on(&paths.data, questions, queries)?,
        json,
    )
}

fn print_bench(report: &crate::bench::BenchReport, json: bool) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, report)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", crate::bench::render(report))?;
    }
    Ok(ExitCode::SUCCESS)
}
