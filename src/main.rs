//! The `fundbot` command: parses arguments and hands each subcommand to the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use fundbot::cli;
use fundbot::config::Paths;

/// Answers questions about startup funding rounds from news articles, with citations.
#[derive(Parser)]
#[command(name = "fundbot", version, about, long_about = None)]
struct Args {
    /// Data directory (articles, corrections).
    #[arg(long, global = true, env = "FUNDBOT_DATA", default_value = "data")]
    data: PathBuf,
    /// Index directory (derived; safe to delete).
    #[arg(long, global = true, env = "FUNDBOT_INDEX", default_value = "index")]
    index: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Bring the index and facts store in line with the data directory.
    Reindex {
        /// Rebuild everything instead of only what changed.
        #[arg(long)]
        full: bool,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run the Discord bot (needs DISCORD_TOKEN; see .env.example).
    Serve,
    /// Follow news feeds (RSS, Atom, JSON Feed): add, list, remove, or poll once (for cron).
    Feeds {
        #[command(subcommand)]
        action: FeedsAction,
    },
    /// Answer a funding question in one sentence, with citations.
    Ask {
        /// The question, as you would type it in chat.
        question: String,
        /// Print JSON ({"answered", "answer", "citations": [...]} and more).
        #[arg(long)]
        json: bool,
    },
    /// Search passages (BM25) and print the best ones with highlights.
    Search {
        /// What to look for; query syntax is optional ("quotes" for phrases).
        query: String,
        /// How many passages to print.
        #[arg(long, default_value_t = 5)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List a company's funding rounds (or an investor's, with --investor), with citations.
    Facts {
        /// Company name (case, punctuation, "Inc." and small typos do not matter).
        company: Option<String>,
        /// List this investor's rounds instead.
        #[arg(long, conflicts_with = "company")]
        investor: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Score answers on a labelled question set (accuracy by intent, refusals).
    Eval {
        /// The question file (see tests/eval/README.md).
        #[arg(long)]
        questions: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Also list every failure.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Score extracted facts against a labelled gold file (precision, recall, F1 per field).
    EvalFacts {
        /// The gold file (see tests/eval/README.md).
        #[arg(long)]
        gold: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Also list every difference.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Write a synthetic corpus (articles, gold.toml, questions.toml) for scale tests.
    GenCorpus {
        /// Number of articles.
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        /// Random seed; the same seed gives the same corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output directory (a data directory: articles/ and the labels).
        #[arg(long)]
        out: PathBuf,
    },
    /// Measure reindex throughput, size, memory and ask latency against bare Tantivy.
    Bench {
        /// Articles in the generated corpus.
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        /// Questions to time.
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        /// Random seed of the corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where the corpus lives (default target/fundbot-bench/N-SEED; reused when present).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Measure the `--data` directory (e.g. the demo corpus) with these labelled questions
        /// instead of a generated corpus; the index goes to a temporary directory.
        #[arg(long, conflicts_with = "dir")]
        questions: Option<PathBuf>,
        /// Print JSON (times in microseconds or seconds as named).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum FeedsAction {
    /// Follow a feed (checked first: it must be a feed fundbot may fetch).
    Add {
        /// The feed's address.
        url: String,
        /// Name to show (default: the feed's title).
        #[arg(long)]
        name: Option<String>,
    },
    /// The feeds followed and their health.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Stop following a feed (its saved articles stay).
    Remove {
        /// The feed's name or address.
        name: String,
    },
    /// Poll every feed that is due once, save new articles and reindex them.
    Poll {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    let args = Args::parse();
    cli::init_logging();
    let paths = Paths::new(args.data, args.index);
    let result = match args.command {
        Command::Reindex { full, json } => cli::reindex(&paths, full, json),
        Command::Serve => cli::serve(&paths),
        Command::Feeds { action } => match action {
            FeedsAction::Add { url, name } => cli::feeds::add(&paths, &url, name.as_deref()),
            FeedsAction::List { json } => cli::feeds::list(&paths, json),
            FeedsAction::Remove { name } => cli::feeds::remove(&paths, &name),
            FeedsAction::Poll { json } => cli::feeds::poll(&paths, json),
        },
        Command::GenCorpus {
            articles,
            seed,
            out,
        } => cli::gen_corpus(&out, articles, seed),
        Command::Bench {
            articles,
            queries,
            seed,
            dir,
            questions,
            json,
        } => match questions {
            Some(q) => cli::bench_on(&paths, &q, queries, json),
            None => cli::bench(dir, articles, seed, queries, json),
        },
        Command::Ask { question, json } => cli::ask(&paths, &question, json),
        Command::Search { query, limit, json } => cli::search(&paths, &query, limit, json),
        Command::Eval {
            questions,
            json,
            verbose,
        } => cli::eval_questions(&paths, &questions, json, verbose),
        Command::EvalFacts {
            gold,
            json,
            verbose,
        } => cli::eval_facts(&paths, &gold, json, verbose),
        Command::Facts {
            company,
            investor,
            json,
        } => cli::facts(&paths, company.as_deref(), investor.as_deref(), json),
    };
    cli::exit(result)
}
