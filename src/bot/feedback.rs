//! Feedback on `/ask` replies (👍, 👎 and a Report modal) and `/review`, the moderators' list of
//! open reports. The records live in [`crate::feedback::FeedbackStore`].
//!
//! Button ids carry the recorded answer's id and nonce (`fb:up:12:9f3a…`), so a click needs no
//! state in the bot. A button whose answer is not in the store (an older store, a foreign or
//! malformed id) gets a calm ephemeral note and changes nothing.

use serenity::all::{
    ButtonStyle, CommandInteraction, CommandOptionType, ComponentInteraction,
    Context as SerenityContext, CreateActionRow, CreateAllowedMentions, CreateButton,
    CreateCommand, CreateCommandOption, CreateInputText, CreateInteractionResponse,
    CreateInteractionResponseMessage, CreateModal, GuildId, InputTextStyle, Member,
    ModalInteraction, Permissions, User,
};
use serenity::model::application::ActionRowComponent;

use super::embed::{self, colors, escape, limits, truncate, Embed, Field, Message};
use super::permissions::{is_moderator, Caller};
use super::{ingest, Handler};
use crate::answer::Reply;
use crate::feedback::{AnswerKey, FeedbackStore, Person, ReportPage, VoteOutcome};

/// Reports shown on one `/review` page.
pub const REVIEW_PAGE_SIZE: usize = 5;

/// The input of the Report modal.
const REPORT_INPUT: &str = "what";

/// What a button or modal id asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Click {
    /// 👍 or 👎 on an answer.
    Vote {
        /// The answer.
        key: AnswerKey,
        /// 👍.
        up: bool,
    },
    /// "Report" on an answer (a button opens the modal; the modal's submit carries the text).
    Report(AnswerKey),
    /// A page of `/review`.
    ReviewPage(usize),
    /// Not an id fundbot made (or no longer understands).
    Unknown,
}

fn key_id(key: &AnswerKey) -> String {
    format!("{}:{}", key.id, key.nonce)
}

/// Reads a button or modal id.
pub fn parse_custom_id(id: &str) -> Click {
    let parts: Vec<&str> = id.split(':').collect();
    let key = |id: &str, nonce: &str| {
        let valid_nonce =
            !nonce.is_empty() && nonce.len() <= 16 && nonce.chars().all(|c| c.is_ascii_hexdigit());
        match id.parse::<i64>() {
            Ok(id) if id > 0 && valid_nonce => Some(AnswerKey {
                id,
                nonce: nonce.to_string(),
            }),
            _ => None,
        }
    };
    match parts.as_slice() {
        ["fb", action @ ("up" | "down"), id, nonce] => match key(id, nonce) {
            Some(key) => Click::Vote {
                key,
                up: *action == "up",
            },
            None => Click::Unknown,
        },
        ["fb", "report", id, nonce] => key(id, nonce).map_or(Click::Unknown, Click::Report),
        ["rv", page] => page
            .parse::<usize>()
            .ok()
            .filter(|p| *p >= 1)
            .map_or(Click::Unknown, Click::ReviewPage),
        _ => Click::Unknown,
    }
}

/// The buttons under an answer.
pub fn answer_buttons(key: &AnswerKey) -> Vec<CreateActionRow> {
    let id = key_id(key);
    vec![CreateActionRow::Buttons(vec![
        CreateButton::new(format!("fb:up:{id}"))
            .emoji('👍')
            .style(ButtonStyle::Secondary),
        CreateButton::new(format!("fb:down:{id}"))
            .emoji('👎')
            .style(ButtonStyle::Secondary),
        CreateButton::new(format!("fb:report:{id}"))
            .label("Report")
            .style(ButtonStyle::Secondary),
    ])]
}

/// `/review`'s registration.
pub fn review_command() -> CreateCommand {
    CreateCommand::new("review")
        .description("Moderators: open reports on answers, newest first")
        .default_member_permissions(Permissions::MANAGE_GUILD)
        .add_option(
            CreateCommandOption::new(CommandOptionType::Integer, "page", "Page to show")
                .min_int_value(1)
                .required(false),
        )
        .add_option(
            CreateCommandOption::new(
                CommandOptionType::Integer,
                "dismiss",
                "Close this report without a correction",
            )
            .min_int_value(1)
            .required(false),
        )
        .add_option(
            CreateCommandOption::new(CommandOptionType::String, "reason", "Why it is dismissed")
                .max_length(300)
                .required(false),
        )
}

/// A page of open reports: each with what is wrong, the question, the answer and the first
/// cited passage.
pub fn review_message(page: &ReportPage) -> Message {
    if page.total == 0 {
        let mut m = Message::embed(Embed {
            title: Some("No open reports".into()),
            description: "Nobody has reported an answer that is still open.".into(),
            color: colors::ANSWER,
            ..Embed::default()
        });
        m.ephemeral = true;
        return m;
    }
    // Five fields of at most 1024 characters stay within the 6000 of an embed.
    let room = (limits::TOTAL - 600) / REVIEW_PAGE_SIZE.max(1);
    let fields = page
        .reports
        .iter()
        .map(|r| {
            let a = &r.answer;
            let mut value = format!(
                "**Wrong:** {}\n**Q:** {}\n**A:** {}",
                truncate(&escape(&r.text), 300),
                truncate(&escape(&a.question), 150),
                truncate(&escape(&a.answer), 200),
            );
            if let Some(c) = a.citations.first() {
                let passage = escape(&c.passage).replace('\n', " ");
                let head = format!(
                    "\n**[{}] {}**\n> ",
                    c.number,
                    truncate(&escape(&c.title), 80)
                );
                let left = room
                    .min(limits::FIELD_VALUE)
                    .saturating_sub(value.chars().count() + head.chars().count());
                value.push_str(&head);
                value.push_str(&truncate(&passage, left.max(1)));
            } else {
                value.push_str("\n*(no source was cited)*");
            }
            Field {
                name: truncate(
                    &format!(
                        "#{} · {} · {}",
                        r.id,
                        r.user_name,
                        r.at.replace('T', " ").trim_end_matches('Z')
                    ),
                    limits::FIELD_NAME,
                ),
                value: truncate(&value, room.min(limits::FIELD_VALUE)),
                inline: false,
            }
        })
        .collect();
    let mut m = Message::embed(Embed {
        title: Some(format!(
            "Open reports: {} (page {} of {})",
            page.total, page.page, page.pages
        )),
        description: "Newest first. Fix one with `/correct … report:<id>`, or close it with `/review dismiss:<id>`.".into(),
        fields,
        footer: Some(format!("Page {} of {}", page.page, page.pages)),
        color: colors::PARTIAL,
        image: None,
    });
    m.ephemeral = true;
    m
}

/// Newer / Older buttons for a page of `/review`, when there is more than one page.
pub fn review_buttons(page: &ReportPage) -> Vec<CreateActionRow> {
    if page.pages <= 1 {
        return Vec::new();
    }
    vec![CreateActionRow::Buttons(vec![
        CreateButton::new(format!("rv:{}", page.page.saturating_sub(1).max(1)))
            .label("◀ Newer")
            .style(ButtonStyle::Secondary)
            .disabled(page.page <= 1),
        CreateButton::new(format!("rv:{}", (page.page + 1).min(page.pages)))
            .label("Older ▶")
            .style(ButtonStyle::Secondary)
            .disabled(page.page >= page.pages),
    ])]
}

fn person(user: &User) -> Person {
    Person {
        id: user.id.get().to_string(),
        name: user.name.clone(),
    }
}

fn caller_of(guild_id: Option<GuildId>, member: Option<&Member>) -> Caller {
    match member {
        Some(member) => Caller {
            in_guild: guild_id.is_some(),
            permissions: member.permissions.map(|p| p.bits()),
            roles: member.roles.iter().map(|r| r.get()).collect(),
        },
        None => Caller::default(),
    }
}

/// A message's new content for a page turn: embeds and text, no flags (a message's flags
/// cannot be changed by an update).
fn update(m: &Message) -> CreateInteractionResponseMessage {
    CreateInteractionResponseMessage::new()
        .content(m.content.clone().unwrap_or_default())
        .embeds(m.embeds.iter().map(super::to_embed).collect())
        .allowed_mentions(CreateAllowedMentions::new())
}

const STALE: &str = "That button belongs to an answer I no longer have on record, so nothing was recorded. Ask again to give feedback on a fresh answer.";
const NOT_MINE: &str = "I don't recognise that button, so I did nothing.";

impl Handler {
    /// Writes an entry to the audit log for a moderator action by `user`.
    pub(super) fn audit_user(&self, user: &User, action: &str, detail: String, outcome: String) {
        let entry = ingest::AuditEntry {
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            user_id: user.id.get(),
            user: &user.name,
            action,
            detail,
            outcome,
        };
        if let Err(e) = ingest::audit(&self.bot.paths().audit_log(), &entry) {
            tracing::error!(error = %e, "could not write the audit log");
        }
    }

    /// Records an answer for feedback and returns its buttons (none when it could not be
    /// recorded: the answer still goes out).
    pub(super) async fn feedback_buttons(&self, reply: &Reply) -> Vec<CreateActionRow> {
        let reply = reply.clone();
        match self
            .blocking(move |b| FeedbackStore::open_in(b.paths())?.record_answer(&reply))
            .await
        {
            Ok(key) => answer_buttons(&key),
            Err(e) => {
                tracing::warn!(error = %e, "could not record the answer for feedback");
                Vec::new()
            }
        }
    }

    /// Sends `/ask`'s reply with its feedback buttons.
    pub(super) async fn reply_with_buttons(
        &self,
        ctx: &SerenityContext,
        cmd: &CommandInteraction,
        m: Message,
        rows: Vec<CreateActionRow>,
    ) {
        let response = super::response(&m).components(rows);
        if let Err(e) = cmd
            .create_response(&ctx.http, CreateInteractionResponse::Message(response))
            .await
        {
            tracing::warn!(command = %cmd.data.name, error = %e, "reply failed");
        }
    }

    async fn component_reply(
        &self,
        ctx: &SerenityContext,
        c: &ComponentInteraction,
        response: CreateInteractionResponse,
    ) {
        if let Err(e) = c.create_response(&ctx.http, response).await {
            tracing::warn!(custom_id = %c.data.custom_id, error = %e, "component reply failed");
        }
    }

    /// A button click: a vote, the Report button, or a `/review` page.
    pub(super) async fn component(&self, ctx: &SerenityContext, c: &ComponentInteraction) {
        let note =
            |text: &str| CreateInteractionResponse::Message(super::response(&embed::refusal(text)));
        match parse_custom_id(&c.data.custom_id) {
            Click::Vote { key, up } => {
                let who = person(&c.user);
                let outcome = self
                    .blocking(move |b| FeedbackStore::open_in(b.paths())?.vote(&key, &who, up))
                    .await;
                let text = match outcome {
                    Ok(Some(VoteOutcome::Recorded)) => {
                        if up {
                            "Thanks for the 👍; it is recorded."
                        } else {
                            "Thanks for the 👎; it is recorded. Use Report to tell the moderators what is wrong."
                        }
                    }
                    Ok(Some(VoteOutcome::Unchanged)) => {
                        "You already voted that way on this answer; it counts once."
                    }
                    Ok(Some(VoteOutcome::Changed)) => "Your vote on this answer is changed.",
                    Ok(None) => STALE,
                    Err(e) => return self.component_reply(ctx, c, note(&e)).await,
                };
                self.component_reply(ctx, c, note(text)).await;
            }
            Click::Report(key) => {
                let k = key.clone();
                let known = self
                    .blocking(move |b| FeedbackStore::open_in(b.paths())?.answer(&k))
                    .await;
                let response = match known {
                    Ok(Some(_)) => CreateInteractionResponse::Modal(
                        CreateModal::new(
                            format!("fb:report:{}", key_id(&key)),
                            "Report this answer",
                        )
                        .components(vec![CreateActionRow::InputText(
                            CreateInputText::new(
                                InputTextStyle::Paragraph,
                                "What is wrong with the answer?",
                                REPORT_INPUT,
                            )
                            .placeholder(
                                "e.g. The round was led by another firm; the amount is in euros",
                            )
                            .min_length(3)
                            .max_length(crate::feedback::MAX_REPORT_CHARS as u16),
                        )]),
                    ),
                    Ok(None) => note(STALE),
                    Err(e) => note(&e),
                };
                self.component_reply(ctx, c, response).await;
            }
            Click::ReviewPage(page) => {
                if !is_moderator(
                    &caller_of(c.guild_id, c.member.as_ref()),
                    &self.config.moderator_roles,
                ) {
                    self.audit_user(
                        &c.user,
                        "review",
                        format!("page {page}"),
                        "refused: not a moderator".into(),
                    );
                    let text =
                        "Only moderators (Manage Server, or a moderator role) can review reports.";
                    return self.component_reply(ctx, c, note(text)).await;
                }
                let listed = self
                    .blocking(move |b| {
                        FeedbackStore::open_in(b.paths())?.open_reports(page, REVIEW_PAGE_SIZE)
                    })
                    .await;
                let response = match listed {
                    Ok(p) => {
                        self.audit_user(
                            &c.user,
                            "review",
                            format!("page {page}"),
                            format!("{} open reports", p.total),
                        );
                        CreateInteractionResponse::UpdateMessage(
                            update(&review_message(&p)).components(review_buttons(&p)),
                        )
                    }
                    Err(e) => note(&e),
                };
                self.component_reply(ctx, c, response).await;
            }
            Click::Unknown => self.component_reply(ctx, c, note(NOT_MINE)).await,
        }
    }

    /// The Report modal's submit: records the report.
    pub(super) async fn modal(&self, ctx: &SerenityContext, m: &ModalInteraction) {
        let text = m
            .data
            .components
            .iter()
            .flat_map(|row| row.components.iter())
            .find_map(|c| match c {
                ActionRowComponent::InputText(t) if t.custom_id == REPORT_INPUT => t.value.clone(),
                _ => None,
            })
            .unwrap_or_default();
        let reply = match parse_custom_id(&m.data.custom_id) {
            Click::Report(key) => {
                let who = person(&m.user);
                match self
                    .blocking(move |b| FeedbackStore::open_in(b.paths())?.report(&key, &who, &text))
                    .await
                {
                    Ok(Some(id)) => format!(
                        "Thanks: report #{id} is recorded, and the moderators will look at it."
                    ),
                    Ok(None) => STALE.to_string(),
                    Err(e) => e,
                }
            }
            _ => NOT_MINE.to_string(),
        };
        let response = CreateInteractionResponse::Message(super::response(&embed::refusal(&reply)));
        if let Err(e) = m.create_response(&ctx.http, response).await {
            tracing::warn!(error = %e, "modal reply failed");
        }
    }

    /// `/review [page] [dismiss] [reason]`, moderators only.
    pub(super) async fn review(&self, ctx: &SerenityContext, cmd: &CommandInteraction) {
        if self
            .refused_unless_moderator(ctx, cmd, "review", String::new(), "review reports")
            .await
        {
            return;
        }
        let int = |name: &str| {
            cmd.data
                .options
                .iter()
                .find(|o| o.name == name)
                .and_then(|o| o.value.as_i64())
        };
        let page = int("page").unwrap_or(1).max(1) as usize;
        let mut notice = None;
        if let Some(id) = int("dismiss") {
            let reason = super::string_option(cmd, "reason")
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .unwrap_or("no reason given")
                .to_string();
            let who = person(&cmd.user);
            let why = reason.clone();
            let closed = self
                .blocking(move |b| {
                    FeedbackStore::open_in(b.paths())?.close_report(
                        id,
                        &who,
                        &format!("dismissed: {why}"),
                    )
                })
                .await;
            match closed {
                Ok(()) => {
                    self.audit(
                        cmd,
                        "review",
                        format!("dismiss #{id}: {reason}"),
                        "closed".into(),
                    );
                    notice = Some(format!("Report #{id} dismissed."));
                }
                Err(e) => {
                    self.audit(
                        cmd,
                        "review",
                        format!("dismiss #{id}"),
                        format!("refused: {e}"),
                    );
                    return self.reply(ctx, cmd, embed::refusal(&e)).await;
                }
            }
        }
        let listed = self
            .blocking(move |b| {
                FeedbackStore::open_in(b.paths())?.open_reports(page, REVIEW_PAGE_SIZE)
            })
            .await;
        match listed {
            Ok(p) => {
                self.audit(
                    cmd,
                    "review",
                    format!("page {page}"),
                    format!("{} open reports", p.total),
                );
                let mut m = review_message(&p);
                m.content = notice;
                let response = super::response(&m).components(review_buttons(&p));
                if let Err(e) = cmd
                    .create_response(&ctx.http, CreateInteractionResponse::Message(response))
                    .await
                {
                    tracing::warn!(error = %e, "review reply failed");
                }
            }
            Err(e) => self.reply(ctx, cmd, embed::refusal(&e)).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::{Report, SavedAnswer, SavedCitation};

    #[test]
    fn button_ids_round_trip_and_strangers_are_unknown() {
        let key = AnswerKey {
            id: 42,
            nonce: "0a1b2c3d".into(),
        };
        let id = format!("fb:down:{}", key_id(&key));
        assert_eq!(
            parse_custom_id(&id),
            Click::Vote {
                key: key.clone(),
                up: false
            }
        );
        assert_eq!(parse_custom_id("fb:report:42:0a1b2c3d"), Click::Report(key));
        assert_eq!(parse_custom_id("rv:3"), Click::ReviewPage(3));
        for strange in [
            "",
            "fb:up:42",
            "fb:up:x:0a1b",
            "fb:up:-1:0a1b",
            "fb:up:42:not-hex",
            "fb:sideways:42:0a1b",
            "rv:0",
            "poll:yes",
        ] {
            assert_eq!(parse_custom_id(strange), Click::Unknown, "{strange:?}");
        }
    }

    #[test]
    fn a_full_review_page_of_long_reports_fits_discord() {
        let long = "x".repeat(5000);
        let report = |id: i64| Report {
            id,
            user_name: "reader".into(),
            user_id: "1".into(),
            text: long.clone(),
            at: "2026-12-01T08:00:00Z".into(),
            answer: SavedAnswer {
                id,
                question: long.clone(),
                answer: long.clone(),
                status: "answered".into(),
                citations: vec![SavedCitation {
                    number: 1,
                    article: "a.md".into(),
                    title: long.clone(),
                    source: None,
                    url: None,
                    passage: format!("Brackwater led it. {long}"),
                }],
                asked_at: "2026-12-01T07:59:00Z".into(),
            },
            closed_at: None,
            closed_by: None,
            resolution: None,
        };
        let page = ReportPage {
            page: 2,
            pages: 3,
            total: 12,
            reports: (1..=5).map(report).collect(),
        };
        let m = review_message(&page);
        assert!(m.ephemeral);
        let e = &m.embeds[0];
        assert_eq!(e.fields.len(), 5, "no report is dropped to fit");
        let total: usize = e.title.as_ref().map_or(0, |t| t.chars().count())
            + e.description.chars().count()
            + e.footer.as_ref().map_or(0, |f| f.chars().count())
            + e.fields
                .iter()
                .map(|f| f.name.chars().count() + f.value.chars().count())
                .sum::<usize>();
        assert!(total <= limits::TOTAL, "{total}");
        assert!(e.fields[0].value.contains("> Brackwater led it."));
        assert_eq!(review_buttons(&page).len(), 1);
    }
}
