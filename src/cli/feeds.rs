//! `fundbot feeds add|list|remove|poll`: the feeds from the command line, for operators and
//! cron jobs that run without the bot.

use std::process::ExitCode;

use crate::bot::ingest::{audit, AuditEntry};
use crate::config::Paths;
use crate::feeds::{self, FeedSettings, Outcome};
use crate::reindex::{self, Options, Silent};

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

/// Who the audit log names for command-line actions.
fn operator() -> String {
    let user = std::env::var("USER").unwrap_or_default();
    if user.is_empty() {
        "command line".to_string()
    } else {
        format!("command line ({user})")
    }
}

fn record(paths: &Paths, action: &str, detail: String, outcome: String) {
    let user = operator();
    let entry = AuditEntry {
        at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        user_id: 0,
        user: &user,
        action,
        detail,
        outcome,
    };
    if let Err(e) = audit(&paths.audit_log(), &entry) {
        tracing::error!(error = %e, "could not write the audit log");
    }
}

/// `fundbot feeds add URL [--name NAME]`.
pub fn add(paths: &Paths, url: &str, name: Option<&str>) -> anyhow::Result<ExitCode> {
    let settings = FeedSettings::from_env()?;
    let detail = format!(
        "url={url}{}",
        name.map(|n| format!(" name={n}")).unwrap_or_default()
    );
    match runtime()?.block_on(feeds::add(paths, &settings, url, name, &operator())) {
        Ok(feed) => {
            record(paths, "feed add", detail, format!("added {:?}", feed.name));
            println!(
                "Following {} ({}); new items go to data/articles/feeds/{}/ at the next poll.",
                feed.name, feed.url, feed.slug
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            record(paths, "feed add", detail, format!("failed: {e}"));
            Err(e.into())
        }
    }
}

/// `fundbot feeds list [--json]`.
pub fn list(paths: &Paths, json: bool) -> anyhow::Result<ExitCode> {
    let list = feeds::list(paths)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&list)?);
    } else if list.is_empty() {
        println!("No feeds. Add one with `fundbot feeds add URL`.");
    } else {
        for f in &list {
            println!("{}  {}\n    {}", f.name, f.url, feeds::health(f));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `fundbot feeds remove NAME`.
pub fn remove(paths: &Paths, which: &str) -> anyhow::Result<ExitCode> {
    match feeds::remove(paths, which) {
        Ok(feed) => {
            record(
                paths,
                "feed remove",
                format!("name={which}"),
                format!("removed {:?}", feed.name),
            );
            println!("Stopped following {}; its saved articles stay.", feed.name);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            record(
                paths,
                "feed remove",
                format!("name={which}"),
                format!("failed: {e}"),
            );
            Err(e.into())
        }
    }
}

/// `fundbot feeds poll [--json]`: one poll of every feed that is due, then an incremental
/// reindex when it saved anything. Exits 3 when some feed failed.
pub fn poll(paths: &Paths, json: bool) -> anyhow::Result<ExitCode> {
    let settings = FeedSettings::from_env()?;
    let report = runtime()?.block_on(feeds::poll(paths, &settings))?;
    let saved: Vec<_> = report.saved().cloned().collect();
    let summary = if saved.is_empty() {
        None
    } else {
        Some(reindex::reindex(
            paths,
            &Options {
                full: false,
                holder: "feed poll from the command line".to_string(),
                progress: &Silent,
            },
        )?)
    };
    let announcements = if summary.is_some() {
        let facts = crate::facts::store::FactStore::open_readonly(&paths.store())?;
        feeds::poll::announcements(&facts, &saved)?
    } else {
        Vec::new()
    };
    let failed = report
        .feeds
        .iter()
        .any(|f| matches!(f.outcome, Outcome::Failed { .. }));
    if json {
        let out = serde_json::json!({
            "feeds": report.feeds,
            "reindex": summary,
            "found": announcements,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        for f in &report.feeds {
            let what = match &f.outcome {
                Outcome::NotModified => "not modified".to_string(),
                Outcome::Read { items, seen, duplicates, empty } => format!(
                    "{items} items: {} new, {seen} seen before, {duplicates} duplicates, {empty} without text",
                    f.saved.len()
                ),
                Outcome::Failed { error, failures } => format!("failed ({failures}× in a row): {error}"),
                Outcome::BackingOff { until } => format!("backing off until {}", until.format("%Y-%m-%d %H:%M UTC")),
            };
            println!("{}: {what}", f.feed);
        }
        for a in &announcements {
            match &a.url {
                Some(u) => println!("  {} <{u}>", a.text),
                None => println!("  {}", a.text),
            }
        }
        if let Some(s) = &summary {
            println!("{}", crate::cli::render_summary(s));
        }
    }
    Ok(if failed {
        ExitCode::from(crate::cli::EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}
