//! `fundbot review` and `fundbot correct`: the moderators' feedback and correction commands on
//! the command line, over the same library code as Discord's `/review` and `/correct`.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use crate::config::Paths;
use crate::correct::{self, Request};
use crate::facts::store::FactStore;
use crate::feedback::{FeedbackStore, Person, ReportPage};
use crate::reindex::{self, Options, Silent};
use crate::service::Fundbot;

/// Reports on one page of `fundbot review`.
pub const PAGE_SIZE: usize = 10;

/// Who acts on the command line: `--by`, else `$USER`, else "command line".
pub fn moderator(by: Option<&str>) -> Person {
    let name = by
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "command line".to_string());
    Person {
        id: format!("cli:{name}"),
        name,
    }
}

fn audit(paths: &Paths, by: &Person, action: &str, detail: String, outcome: String) {
    let entry = crate::bot::ingest::AuditEntry {
        at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        user_id: 0,
        user: &by.name,
        action,
        detail,
        outcome,
    };
    if let Err(e) = crate::bot::ingest::audit(&paths.audit_log(), &entry) {
        tracing::error!(error = %e, "could not write the audit log");
    }
}

/// A page of open reports as text.
pub fn render_reports(page: &ReportPage) -> String {
    if page.total == 0 {
        return "No open reports.\n".to_string();
    }
    let mut out = format!(
        "{} open report{} (page {} of {}), newest first\n",
        page.total,
        if page.total == 1 { "" } else { "s" },
        page.page,
        page.pages
    );
    for r in &page.reports {
        out.push_str(&format!("\n#{} by {} at {}\n", r.id, r.user_name, r.at));
        out.push_str(&format!("  wrong:    {}\n", r.text.replace('\n', " ")));
        out.push_str(&format!("  question: {}\n", r.answer.question));
        out.push_str(&format!(
            "  answer:   {}\n",
            r.answer.answer.replace('\n', " ")
        ));
        if let Some(c) = r.answer.citations.first() {
            out.push_str(&format!("  [{}] {}\n", c.number, c.title));
            out.push_str(&format!("      > {}\n", c.passage.replace('\n', " ")));
        }
    }
    out
}

/// `fundbot review [--page N] [--dismiss ID [--reason TEXT]] [--json]`.
pub fn review(
    paths: &Paths,
    page: usize,
    dismiss: Option<i64>,
    reason: Option<&str>,
    by: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let store = FeedbackStore::open_in(paths)?;
    let by = moderator(by);
    if let Some(id) = dismiss {
        let reason = reason.unwrap_or("no reason given");
        match store.close_report(id, &by, &format!("dismissed: {reason}")) {
            Ok(()) => audit(
                paths,
                &by,
                "review",
                format!("dismiss #{id}: {reason}"),
                "closed".into(),
            ),
            Err(e) => {
                audit(
                    paths,
                    &by,
                    "review",
                    format!("dismiss #{id}"),
                    format!("refused: {e}"),
                );
                return Err(e.into());
            }
        }
    }
    let listed = store.open_reports(page, PAGE_SIZE)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &listed)?;
        writeln!(out)?;
    } else {
        if let Some(id) = dismiss {
            writeln!(out, "report #{id} dismissed")?;
        }
        write!(out, "{}", render_reports(&listed))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct CorrectOutput<'a> {
    summary: &'a str,
    file: &'a str,
    closed_report: Option<i64>,
    reindexed: bool,
    reindex_error: Option<&'a str>,
}

/// `fundbot correct COMPANY ROUND FIELD VALUE [--note] [--report ID] [--by NAME] [--json]`.
/// Builds the index first when there is none; a refused correction changes nothing and exits 1.
pub fn correct(paths: &Paths, request: Request, json: bool) -> anyhow::Result<ExitCode> {
    drop(Fundbot::open_or_build(paths)?);
    let store = FactStore::open_readonly(&paths.store())?;
    let feedback = FeedbackStore::open_in(paths)?;
    let detail = format!(
        "company={} round={} field={} value={}{}",
        request.company,
        request.round,
        request.field,
        request.value,
        request
            .report
            .map(|r| format!(" report={r}"))
            .unwrap_or_default()
    );
    let by = request.by.clone();
    let today = chrono::Utc::now().date_naive();
    let plan = match correct::plan(paths, &store, &feedback, &request, today) {
        Ok(p) => p,
        Err(e) => {
            audit(paths, &by, "correct", detail, format!("refused: {e}"));
            return Err(e.into());
        }
    };
    drop(store);
    let applied = correct::apply(&plan, &feedback, &by, || {
        reindex::reindex(
            paths,
            &Options {
                full: false,
                holder: format!("correction by {} from the command line", by.name),
                progress: &Silent,
            },
        )
    })?;
    audit(
        paths,
        &by,
        "correct",
        detail,
        match &applied.reindex {
            Ok(_) => format!("saved {}; reindexed", applied.file),
            Err(e) => format!("saved {}; reindex failed: {e}", applied.file),
        },
    );
    let mut out = std::io::stdout().lock();
    if json {
        let o = CorrectOutput {
            summary: &applied.summary,
            file: &applied.file,
            closed_report: applied.closed_report,
            reindexed: applied.reindex.is_ok(),
            reindex_error: applied.reindex.as_ref().err().map(String::as_str),
        };
        serde_json::to_writer_pretty(&mut out, &o)?;
        writeln!(out)?;
    } else {
        writeln!(out, "{}", applied.summary)?;
        writeln!(out, "written to data/{} by {}", applied.file, by.name)?;
        if let Some(id) = applied.closed_report {
            writeln!(out, "closed report #{id}")?;
        }
        match &applied.reindex {
            Ok(_) => writeln!(out, "reindexed")?,
            Err(e) => writeln!(out, "not reindexed ({e}); it applies at the next reindex")?,
        }
    }
    Ok(ExitCode::SUCCESS)
}
