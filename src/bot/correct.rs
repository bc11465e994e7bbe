//! `/correct company round field value [note] [report]`: a moderator's correction, written as a
//! curated facts file and applied by a reindex (see [`crate::correct`]).
//!
//! The request is checked before the reply is deferred, so bad input gets an ephemeral error at
//! once and changes nothing; a valid one is deferred, written, reindexed, and the deferred reply
//! edited with what changed.

use serenity::all::{
    CommandInteraction, CommandOptionType, Context as SerenityContext, CreateCommand,
    CreateCommandOption, Permissions,
};

use super::embed::{self, colors, escape, Embed, Message};
use super::Handler;
use crate::correct::{self, Applied, Field, Request};
use crate::facts::store::FactStore;
use crate::feedback::{FeedbackStore, Person};
use crate::reindex::Silent;

/// `/correct`'s registration.
pub fn correct_command() -> CreateCommand {
    let text = |name: &str, description: &str, required: bool| {
        CreateCommandOption::new(CommandOptionType::String, name, description).required(required)
    };
    let mut field = text("field", "What to set", true);
    for f in Field::ALL {
        field = field.add_string_choice(f.name(), f.name());
    }
    CreateCommand::new("correct")
        .description("Moderators: correct a fact of a company's round, then reindex")
        .default_member_permissions(Permissions::MANAGE_GUILD)
        .add_option(text("company", "Company name", true).set_autocomplete(true))
        .add_option(text("round", "e.g. Series C, seed, debt", true).max_length(60))
        .add_option(field)
        .add_option(
            text(
                "value",
                "Names (comma-separated), $25 million, 2024-05, or yes to suppress",
                true,
            )
            .max_length(500),
        )
        .add_option(text("note", "Why (shown with the correction)", false).max_length(500))
        .add_option(
            CreateCommandOption::new(
                CommandOptionType::Integer,
                "report",
                "The report this answers; it is closed",
            )
            .min_int_value(1)
            .required(false),
        )
}

/// The edited reply once a correction is written.
pub fn applied_message(applied: &Applied, by: &str, at: &str) -> Message {
    let mut lines = vec![
        escape(&applied.summary),
        format!(
            "Written to `data/{}` by {} on {at}.",
            applied.file,
            escape(by)
        ),
    ];
    if let Some(id) = applied.closed_report {
        lines.push(format!("Report #{id} is closed."));
    }
    let color = match &applied.reindex {
        Ok(s) => {
            lines.push(format!(
                "Reindexed: {} articles, {} rounds; answers use the correction now.",
                s.articles, s.rounds
            ));
            colors::ANSWER
        }
        Err(e) => {
            lines.push(format!(
                "Not applied yet: {}. It applies at the next `/reindex`.",
                escape(e)
            ));
            colors::PASSAGE
        }
    };
    Message::embed(Embed {
        title: Some("Correction saved".into()),
        description: lines.join("\n"),
        color,
        ..Embed::default()
    })
}

impl Handler {
    /// `/correct`, moderators only; every attempt is audited.
    pub(super) async fn correct(&self, ctx: &SerenityContext, cmd: &CommandInteraction) {
        let detail = cmd
            .data
            .options
            .iter()
            .map(|o| {
                let value = o
                    .value
                    .as_str()
                    .map(str::to_string)
                    .or_else(|| o.value.as_i64().map(|i| i.to_string()))
                    .unwrap_or_default();
                format!("{}={value}", o.name)
            })
            .collect::<Vec<_>>()
            .join(" ");
        if self
            .refused_unless_moderator(ctx, cmd, "correct", detail.clone(), "correct facts")
            .await
        {
            return;
        }
        let option = |name: &str| {
            super::string_option(cmd, name)
                .unwrap_or_default()
                .to_string()
        };
        let by = Person {
            id: cmd.user.id.get().to_string(),
            name: cmd.user.name.clone(),
        };
        let request = Request {
            company: option("company"),
            round: option("round"),
            field: option("field"),
            value: option("value"),
            note: super::string_option(cmd, "note").map(str::to_string),
            report: cmd
                .data
                .options
                .iter()
                .find(|o| o.name == "report")
                .and_then(|o| o.value.as_i64()),
            by: by.clone(),
        };
        let today = chrono::Utc::now().date_naive();
        let planned = self
            .blocking(move |b| {
                let store = FactStore::open_readonly(&b.paths().store())?;
                let feedback = FeedbackStore::open_in(b.paths())?;
                correct::plan(b.paths(), &store, &feedback, &request, today)
            })
            .await;
        let plan = match planned {
            Ok(p) => p,
            Err(e) => {
                self.audit(cmd, "correct", detail, format!("refused: {e}"));
                return self.reply(ctx, cmd, embed::refusal(&e)).await;
            }
        };
        if !self.deferred(ctx, cmd).await {
            return;
        }
        let holder = format!(
            "Discord user {} ({}) correcting",
            cmd.user.name, cmd.user.id
        );
        let who = by.clone();
        let applied = self
            .blocking(move |b| {
                let feedback = FeedbackStore::open_in(b.paths())?;
                correct::apply(&plan, &feedback, &who, || {
                    b.reindex(false, &holder, &Silent)
                })
            })
            .await;
        let m = match applied {
            Ok(a) => {
                let outcome = match &a.reindex {
                    Ok(_) => format!("saved {}; reindexed", a.file),
                    Err(e) => format!("saved {}; reindex failed: {e}", a.file),
                };
                let outcome = match a.closed_report {
                    Some(id) => format!("{outcome}; closed report #{id}"),
                    None => outcome,
                };
                self.audit(cmd, "correct", detail, outcome);
                applied_message(&a, &by.name, &today.format("%Y-%m-%d").to_string())
            }
            Err(e) => {
                self.audit(cmd, "correct", detail, format!("failed: {e}"));
                embed::refusal(&format!("The correction could not be saved: {e}"))
            }
        };
        self.edit(ctx, cmd, m).await;
    }
}
