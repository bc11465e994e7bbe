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
    /// List rounds across companies by filter, newest or largest first, with citations.
    Rounds {
        /// Round type: seed, pre-seed, series-a … series-j, growth, debt, convertible, grant.
        #[arg(long)]
        round: Option<String>,
        /// Announced on or after: 2024, 2024-03 or 2024-03-15.
        #[arg(long)]
        from: Option<String>,
        /// Announced on or before (a year or month means its last day).
        #[arg(long)]
        to: Option<String>,
        /// Only rounds this investor led or joined.
        #[arg(long)]
        investor: Option<String>,
        /// Smallest amount: 100m, $100 million, €50m (other currencies compared at the
        /// year's average rate).
        #[arg(long = "min-amount", allow_hyphen_values = true)]
        min_amount: Option<String>,
        /// Only rounds stated in this currency (USD, EUR, INR, ...).
        #[arg(long)]
        currency: Option<String>,
        /// newest or largest.
        #[arg(long, default_value = "newest")]
        sort: String,
        /// Rounds per page (1 to 25).
        #[arg(long, default_value_t = 10, allow_hyphen_values = true)]
        limit: i64,
        /// Page, from 1.
        #[arg(long, default_value_t = 1, allow_hyphen_values = true)]
        page: i64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Moderators: list open reports on answers, newest first (or dismiss one).
    Review {
        /// Page to show (10 reports a page).
        #[arg(long, default_value_t = 1)]
        page: usize,
        /// Close this report without a correction.
        #[arg(long)]
        dismiss: Option<i64>,
        /// Why it is dismissed.
        #[arg(long, requires = "dismiss")]
        reason: Option<String>,
        /// Moderator name for the record (default $USER).
        #[arg(long)]
        by: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Draw a company's funding rounds (or an investor's deals) as a PNG chart.
    Chart {
        /// Company name.
        company: Option<String>,
        /// Chart this investor's deals instead (lead deals marked).
        #[arg(long, conflicts_with = "company")]
        investor: Option<String>,
        /// Where to write the PNG.
        #[arg(long, default_value = "chart.png")]
        out: PathBuf,
        /// Print JSON (the charted data and notes).
        #[arg(long)]
        json: bool,
    },
    /// Moderators: correct one field of a company's round (written under data/facts/), then
    /// reindex. Fields: lead, investors, amount, date, valuation, suppress.
    Correct {
        /// Company name as the facts store knows it.
        company: String,
        /// Round: "Series C", "seed", "series_c", "debt"...
        round: String,
        /// lead, investors, amount, date, valuation or suppress.
        field: String,
        /// Names (comma-separated), "$25 million", "2024-05", or "yes" / an article to suppress.
        value: String,
        /// Why (shown with the correction).
        #[arg(long)]
        note: Option<String>,
        /// The report this correction answers; it is closed.
        #[arg(long)]
        report: Option<i64>,
        /// Moderator name for the record (default $USER).
        #[arg(long)]
        by: Option<String>,
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
        Command::Review {
            page,
            dismiss,
            reason,
            by,
            json,
        } => cli::moderation::review(
            &paths,
            page,
            dismiss,
            reason.as_deref(),
            by.as_deref(),
            json,
        ),
        Command::Correct {
            company,
            round,
            field,
            value,
            note,
            report,
            by,
            json,
        } => cli::moderation::correct(
            &paths,
            fundbot::correct::Request {
                company,
                round,
                field,
                value,
                note,
                report,
                by: cli::moderation::moderator(by.as_deref()),
            },
            json,
        ),
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
        Command::Chart {
            company,
            investor,
            out,
            json,
        } => cli::chart(&paths, company.as_deref(), investor.as_deref(), &out, json),
        Command::Rounds {
            round,
            from,
            to,
            investor,
            min_amount,
            currency,
            sort,
            limit,
            page,
            json,
        } => cli::rounds(
            &paths,
            &fundbot::answer::rounds::FilterInput {
                round,
                from,
                to,
                investor,
                min_amount,
                currency,
                sort: Some(sort),
                limit: Some(limit),
                page: Some(page),
            },
            json,
        ),
        Command::Facts {
            company,
            investor,
            json,
        } => cli::facts(&paths, company.as_deref(), investor.as_deref(), json),
    };
    cli::exit(result)
}
