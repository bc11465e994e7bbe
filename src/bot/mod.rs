//! The Discord adapter: slash commands over the same command layer the command line uses.
//!
//! Only this module knows serenity. Replies are built as plain [`embed::Message`]s and turned
//! into requests here, always with empty `allowed_mentions`.

pub mod config;
pub mod correct;
pub mod embed;
pub mod feedback;
pub mod feeds;
pub mod ingest;
pub mod paging;
pub mod permissions;
pub mod ratelimit;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serenity::all::{
    ButtonStyle, Command, CommandDataOptionValue, CommandInteraction, CommandOptionType,
    ComponentInteraction, Context as SerenityContext, CreateActionRow, CreateAllowedMentions,
    CreateAttachment, CreateAutocompleteResponse, CreateButton, CreateCommand, CreateCommandOption,
    CreateEmbed, CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage,
    EditInteractionResponse, EventHandler, GatewayIntents, GuildId, Interaction, Permissions,
    Ready, ResolvedValue,
};
use serenity::async_trait;
use serenity::client::ClientBuilder;
use serenity::http::HttpBuilder;

use self::config::BotConfig;
use self::embed::Message;
use self::permissions::{is_moderator, Caller};
use self::ratelimit::RateLimiter;
use crate::answer::Context;
use crate::config::Paths;
use crate::facts::RoundType;
use crate::reindex::{Progress, Stage};
use crate::service::Fundbot;

/// Runs the bot until Ctrl-C or SIGTERM.
pub async fn serve(paths: Paths, config: BotConfig) -> anyhow::Result<()> {
    let feed_settings = crate::feeds::FeedSettings::from_env()?;
    let bot = {
        let paths = paths.clone();
        tokio::task::spawn_blocking(move || Fundbot::open_or_build(&paths)).await??
    };
    let bot = Arc::new(bot);
    let mut http = HttpBuilder::new(config.token.expose());
    if let Some(base) = &config.api_base {
        http = http.proxy(base.clone()).ratelimiter_disabled(true);
    }
    let handler = Handler {
        bot: bot.clone(),
        feeds: feed_settings.clone(),
        limiter: Mutex::new(RateLimiter::new(
            config.rate_per_minute,
            Duration::from_secs(60),
        )),
        contexts: Mutex::new(HashMap::new()),
        in_flight: Arc::new(AtomicUsize::new(0)),
        pages: paging::Kept::default(),
        config,
    };
    let in_flight = handler.in_flight.clone();
    let mut client = ClientBuilder::new_with_http(http.build(), GatewayIntents::GUILDS)
        .event_handler(handler)
        .await?;
    feeds::spawn_poller(bot, client.http.clone(), feed_settings);
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        shards.shutdown_all().await;
    });
    client.start().await?;
    // Let replies already being written finish.
    let deadline = Instant::now() + Duration::from_secs(10);
    while in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

struct Handler {
    bot: Arc<Fundbot>,
    config: BotConfig,
    limiter: Mutex<RateLimiter>,
    /// Last company per (channel, user), for follow-up questions, with when it was set.
    contexts: Mutex<HashMap<(u64, u64), (String, Instant)>>,
    in_flight: Arc<AtomicUsize>,
    /// `/rounds` filters too long for a button id.
    pages: paging::Kept,
    /// Feed polling settings (`/feed`).
    feeds: crate::feeds::FeedSettings,
}

/// Counts a reply in flight for the length of its life.
struct InFlight(Arc<AtomicUsize>);

impl InFlight {
    fn new(counter: &Arc<AtomicUsize>) -> Self {
        counter.fetch_add(1, Ordering::SeqCst);
        InFlight(counter.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The slash commands; names and option names are a contract.
pub fn commands() -> Vec<CreateCommand> {
    let text = |name: &str, description: &str, required: bool| {
        CreateCommandOption::new(CommandOptionType::String, name, description).required(required)
    };
    vec![
        CreateCommand::new("ask")
            .description("Ask about a startup's funding; answers cite their source")
            .add_option(
                text("question", "e.g. Who led SenseTime's Series C?", true).max_length(500),
            ),
        CreateCommand::new("funding")
            .description("A company's funding rounds")
            .add_option(text("company", "Company name", true).set_autocomplete(true))
            .add_option(text(
                "round",
                "Only this round, e.g. Series C or seed",
                false,
            )),
        CreateCommand::new("investor")
            .description("The rounds an investor took part in, with a chart")
            .add_option(text("name", "Investor name", true).set_autocomplete(true)),
        CreateCommand::new("rounds")
            .description("Rounds across companies by filter, newest or largest first")
            .add_option(text(
                "round",
                "Round type, e.g. series-a, seed, growth",
                false,
            ))
            .add_option(text(
                "from",
                "Announced on or after: 2024, 2024-03 or 2024-03-15",
                false,
            ))
            .add_option(text(
                "to",
                "Announced on or before: 2024, 2024-06 or 2024-06-30",
                false,
            ))
            .add_option(
                text("investor", "Only rounds this investor led or joined", false)
                    .set_autocomplete(true),
            )
            .add_option(text(
                "min_amount",
                "Smallest amount, e.g. 100m, $100 million, €50m",
                false,
            ))
            .add_option(text(
                "currency",
                "Only rounds stated in this currency, e.g. EUR",
                false,
            ))
            .add_option(
                text("sort", "Order", false)
                    .add_string_choice("newest", "newest")
                    .add_string_choice("largest", "largest"),
            )
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::Integer,
                    "limit",
                    "Rounds per page (1-25)",
                )
                .required(false),
            ),
        CreateCommand::new("search")
            .description("Search the articles' passages")
            .add_option(text("query", "Words to look for", true).max_length(300)),
        CreateCommand::new("stats").description("What is indexed"),
        CreateCommand::new("help").description("What fundbot can answer"),
        CreateCommand::new("reindex")
            .description("Moderators: bring the index up to date with the articles")
            .default_member_permissions(Permissions::MANAGE_GUILD)
            .add_option(
                CreateCommandOption::new(CommandOptionType::Boolean, "full", "Rebuild everything")
                    .required(false),
            ),
        CreateCommand::new("ingest")
            .description("Moderators: add an article from a file or a link, then reindex")
            .default_member_permissions(Permissions::MANAGE_GUILD)
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::Attachment,
                    "file",
                    "Markdown, text, HTML or JSON Lines",
                )
                .required(false),
            )
            .add_option(text("url", "Link to the article", false)),
        feedback::review_command(),
        correct::correct_command(),
        feeds::command(),
    ]
}

fn to_embed(e: &embed::Embed) -> CreateEmbed {
    let mut out = CreateEmbed::new()
        .description(e.description.clone())
        .color(e.color);
    if let Some(t) = &e.title {
        out = out.title(t.clone());
    }
    for f in &e.fields {
        out = out.field(f.name.clone(), f.value.clone(), f.inline);
    }
    if let Some(f) = &e.footer {
        out = out.footer(CreateEmbedFooter::new(f.clone()));
    }
    if let Some(url) = &e.image {
        out = out.image(url.clone());
    }
    out
}

fn buttons(m: &Message) -> Vec<CreateActionRow> {
    if m.buttons.is_empty() {
        return Vec::new();
    }
    vec![CreateActionRow::Buttons(
        m.buttons
            .iter()
            .map(|b| {
                CreateButton::new(b.custom_id.clone())
                    .label(b.label.clone())
                    .style(ButtonStyle::Secondary)
                    .disabled(b.disabled)
            })
            .collect(),
    )]
}

fn response(m: &Message) -> CreateInteractionResponseMessage {
    let mut r = CreateInteractionResponseMessage::new()
        .embeds(m.embeds.iter().map(to_embed).collect())
        .allowed_mentions(CreateAllowedMentions::new())
        .ephemeral(m.ephemeral)
        .components(buttons(m));
    if let Some(c) = &m.content {
        r = r.content(c.clone());
    }
    for f in &m.files {
        r = r.add_file(CreateAttachment::bytes(f.bytes.clone(), f.name.clone()));
    }
    r
}

fn edit(m: &Message) -> EditInteractionResponse {
    let mut r = EditInteractionResponse::new()
        .embeds(m.embeds.iter().map(to_embed).collect())
        .allowed_mentions(CreateAllowedMentions::new())
        .components(buttons(m));
    if let Some(c) = &m.content {
        r = r.content(c.clone());
    }
    for f in &m.files {
        r = r.new_attachment(CreateAttachment::bytes(f.bytes.clone(), f.name.clone()));
    }
    r
}

fn int_option(cmd: &CommandInteraction, name: &str) -> Option<i64> {
    cmd.data
        .options
        .iter()
        .find(|o| o.name == name)
        .and_then(|o| match o.value {
            CommandDataOptionValue::Integer(n) => Some(n),
            _ => None,
        })
}

fn string_option<'a>(cmd: &'a CommandInteraction, name: &str) -> Option<&'a str> {
    cmd.data
        .options
        .iter()
        .find(|o| o.name == name)
        .and_then(|o| o.value.as_str())
}

fn caller(cmd: &CommandInteraction) -> Caller {
    match &cmd.member {
        Some(member) => Caller {
            in_guild: cmd.guild_id.is_some(),
            permissions: member.permissions.map(|p| p.bits()),
            roles: member.roles.iter().map(|r| r.get()).collect(),
        },
        None => Caller {
            in_guild: false,
            permissions: None,
            roles: Vec::new(),
        },
    }
}

/// Reindex progress kept for the message editor.
#[derive(Default)]
struct Latest {
    state: Mutex<Option<(Stage, u64, u64)>>,
}

impl Progress for Latest {
    fn update(&self, stage: Stage, done: u64, total: u64) {
        if let Ok(mut s) = self.state.lock() {
            *s = Some((stage, done, total));
        }
    }
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: SerenityContext, ready: Ready) {
        tracing::info!(user = %ready.user.name, "connected to Discord");
        let result = match self.config.guild_id {
            Some(id) => GuildId::new(id)
                .set_commands(&ctx.http, commands())
                .await
                .map(|_| ()),
            None => Command::set_global_commands(&ctx.http, commands())
                .await
                .map(|_| ()),
        };
        if let Err(e) = result {
            tracing::error!(error = %e, "could not register slash commands");
        }
    }

    async fn interaction_create(&self, ctx: SerenityContext, interaction: Interaction) {
        let _guard = InFlight::new(&self.in_flight);
        match interaction {
            Interaction::Command(cmd) => self.command(&ctx, &cmd).await,
            Interaction::Component(press) if press.data.custom_id.starts_with(paging::PREFIX) => {
                self.rounds_page(&ctx, &press).await
            }
            Interaction::Component(click) => self.component(&ctx, &click).await,
            Interaction::Modal(submit) => self.modal(&ctx, &submit).await,
            Interaction::Autocomplete(ac) => {
                let Some(focused) = ac.data.autocomplete() else {
                    return;
                };
                let prefix = focused.value.to_string();
                let bot = self.bot.clone();
                let which = ac.data.name.clone();
                let field = focused.name.to_string();
                let names = tokio::task::spawn_blocking(move || match which.as_str() {
                    "investor" => bot.complete_investor(&prefix, 25),
                    "rounds" if field == "investor" => bot.complete_investor(&prefix, 25),
                    _ => bot.complete_company(&prefix, 25),
                })
                .await
                .ok()
                .and_then(Result::ok)
                .unwrap_or_default();
                let mut reply = CreateAutocompleteResponse::new();
                for n in names.into_iter().take(25) {
                    let n = embed::truncate(&n, 100);
                    reply = reply.add_string_choice(n.clone(), n);
                }
                if let Err(e) = ac
                    .create_response(&ctx.http, CreateInteractionResponse::Autocomplete(reply))
                    .await
                {
                    tracing::warn!(error = %e, "autocomplete reply failed");
                }
            }
            _ => {}
        }
    }
}

impl Handler {
    async fn reply(&self, ctx: &SerenityContext, cmd: &CommandInteraction, m: Message) {
        if let Err(e) = cmd
            .create_response(&ctx.http, CreateInteractionResponse::Message(response(&m)))
            .await
        {
            tracing::warn!(command = %cmd.data.name, error = %e, "reply failed");
        }
    }

    async fn edit(&self, ctx: &SerenityContext, cmd: &CommandInteraction, m: Message) {
        if let Err(e) = cmd.edit_response(&ctx.http, edit(&m)).await {
            tracing::warn!(command = %cmd.data.name, error = %e, "edit failed");
        }
    }

    /// Runs blocking library work off the async threads; errors become a short message.
    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Fundbot) -> crate::Result<T> + Send + 'static,
    ) -> Result<T, String> {
        let bot = self.bot.clone();
        match tokio::task::spawn_blocking(move || f(&bot)).await {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) if e.is_user_error() => Err(e.to_string()),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "command failed");
                Err(
                    "Something went wrong on my side; the moderators can find details in the log."
                        .to_string(),
                )
            }
            Err(e) => {
                tracing::error!(error = %e, "command panicked");
                Err("Something went wrong on my side.".to_string())
            }
        }
    }

    async fn command(&self, ctx: &SerenityContext, cmd: &CommandInteraction) {
        let name = cmd.data.name.as_str();
        if name != "help" {
            let limited = match self.limiter.lock() {
                Ok(mut l) => l.check(cmd.user.id.get(), Instant::now()),
                Err(_) => Ok(()),
            };
            if let Err(wait) = limited {
                let m = embed::refusal(&format!(
                    "You're asking quickly; try again in {} s.",
                    wait.as_secs().max(1)
                ));
                return self.reply(ctx, cmd, m).await;
            }
        }
        match name {
            "ask" => {
                let question = string_option(cmd, "question")
                    .unwrap_or_default()
                    .to_string();
                let key = (cmd.channel_id.get(), cmd.user.id.get());
                let context = Context {
                    last_company: self.contexts.lock().ok().and_then(|c| {
                        c.get(&key)
                            .filter(|(_, t)| t.elapsed() < Duration::from_secs(600))
                            .map(|(n, _)| n.clone())
                    }),
                };
                let m = match self.blocking(move |b| b.ask(&question, &context)).await {
                    Ok(reply) => {
                        if let (Some(company), Ok(mut c)) =
                            (&reply.understood.company, self.contexts.lock())
                        {
                            c.insert(key, (company.clone(), Instant::now()));
                        }
                        let buttons = self.feedback_buttons(&reply).await;
                        let m = embed::answer(&reply);
                        return self.reply_with_buttons(ctx, cmd, m, buttons).await;
                    }
                    Err(e) => embed::refusal(&e),
                };
                self.reply(ctx, cmd, m).await;
            }
            "funding" => {
                let company = string_option(cmd, "company")
                    .unwrap_or_default()
                    .to_string();
                let round = string_option(cmd, "round").map(str::to_string);
                let parsed_round = round.as_deref().map(|r| {
                    RoundType::parse_name(r)
                        .or_else(|| crate::facts::extract_round_types(r).into_iter().next())
                });
                if let Some(None) = parsed_round {
                    let m = embed::refusal(&format!(
                        "I don't know the round {:?}; try e.g. \"Series C\" or \"seed\".",
                        round.unwrap_or_default()
                    ));
                    return self.reply(ctx, cmd, m).await;
                }
                let r = parsed_round.flatten();
                // The chart is drawn off the async threads, with the facts.
                let m = match self
                    .blocking(move |b| {
                        let facts = b.facts(&company, r)?;
                        let chart = match (&facts.company, r) {
                            (Some(name), None) => Some(b.company_chart(name)?),
                            _ => None,
                        };
                        Ok((facts, chart))
                    })
                    .await
                {
                    Ok((reply, Some(chart))) => {
                        embed::funding(&reply).with_chart(chart.png, &chart.message)
                    }
                    Ok((reply, None)) => embed::funding(&reply),
                    Err(e) => embed::refusal(&e),
                };
                self.reply(ctx, cmd, m).await;
            }
            "investor" => {
                let name = string_option(cmd, "name").unwrap_or_default().to_string();
                let m = match self
                    .blocking(move |b| {
                        let facts = b.investor(&name)?;
                        let chart = match &facts.investor {
                            Some(found) => Some(b.investor_chart(found)?),
                            None => None,
                        };
                        Ok((facts, chart))
                    })
                    .await
                {
                    Ok((reply, Some(chart))) => {
                        embed::investor(&reply).with_chart(chart.png, &chart.message)
                    }
                    Ok((reply, None)) => embed::investor(&reply),
                    Err(e) => embed::refusal(&e),
                };
                self.reply(ctx, cmd, m).await;
            }
            "search" => {
                let query = string_option(cmd, "query").unwrap_or_default().to_string();
                let q = query.clone();
                let m = match self.blocking(move |b| b.search(&q, 5)).await {
                    Ok(hits) => embed::search(&query, &hits),
                    Err(e) => embed::refusal(&e),
                };
                self.reply(ctx, cmd, m).await;
            }
            "stats" => {
                let m = match self.blocking(|b| b.stats()).await {
                    Ok(s) => embed::stats(&s),
                    Err(e) => embed::refusal(&e),
                };
                self.reply(ctx, cmd, m).await;
            }
            "rounds" => {
                let input = crate::answer::rounds::FilterInput {
                    round: string_option(cmd, "round").map(str::to_string),
                    from: string_option(cmd, "from").map(str::to_string),
                    to: string_option(cmd, "to").map(str::to_string),
                    investor: string_option(cmd, "investor").map(str::to_string),
                    min_amount: string_option(cmd, "min_amount").map(str::to_string),
                    currency: string_option(cmd, "currency").map(str::to_string),
                    sort: string_option(cmd, "sort").map(str::to_string),
                    limit: int_option(cmd, "limit"),
                    page: None,
                };
                let m = match input.check() {
                    Ok(filter) => self.rounds_message(filter).await,
                    Err(e) => Message::ephemeral(&format!("I can't use that filter: {e}.")),
                };
                self.reply(ctx, cmd, m).await;
            }
            "help" => self.reply(ctx, cmd, embed::help()).await,
            "reindex" | "ingest" => self.moderator_command(ctx, cmd).await,
            "review" => self.review(ctx, cmd).await,
            "correct" => self.correct(ctx, cmd).await,
            "feed" => self.feed_command(ctx, cmd).await,
            other => {
                let m = embed::refusal(&format!("I don't know the command /{other}."));
                self.reply(ctx, cmd, m).await;
            }
        }
    }

    /// One page of `/rounds`, with buttons for the pages either side.
    async fn rounds_message(&self, filter: crate::answer::rounds::Filter) -> Message {
        let f = filter.clone();
        match self.blocking(move |b| b.rounds(&f)).await {
            Ok(reply) => {
                let previous = (reply.page > 1).then(|| self.pages.id(&filter, reply.page - 1));
                let next =
                    (reply.page < reply.pages).then(|| self.pages.id(&filter, reply.page + 1));
                embed::rounds(&reply, previous, next)
            }
            Err(e) => embed::refusal(&e),
        }
    }

    /// A Previous/Next press: the message is replaced by the page asked for. A button this
    /// bot no longer knows gets a quiet note to the presser only.
    async fn rounds_page(&self, ctx: &SerenityContext, press: &ComponentInteraction) {
        let response = match self.pages.read(&press.data.custom_id) {
            Some(filter) => {
                let m = self.rounds_message(filter).await;
                CreateInteractionResponse::UpdateMessage(response(&m))
            }
            None => CreateInteractionResponse::Message(response(&Message::ephemeral(
                "That list is no longer available; run /rounds again.",
            ))),
        };
        if let Err(e) = press.create_response(&ctx.http, response).await {
            tracing::warn!(error = %e, "page reply failed");
        }
    }

    fn audit(&self, cmd: &CommandInteraction, action: &str, detail: String, outcome: String) {
        let entry = ingest::AuditEntry {
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            user_id: cmd.user.id.get(),
            user: &cmd.user.name,
            action,
            detail,
            outcome,
        };
        if let Err(e) = ingest::audit(&self.bot.paths().audit_log(), &entry) {
            tracing::error!(error = %e, "could not write the audit log");
        }
    }

    /// The bot's own moderator check, for every moderator command: a member who is not one is
    /// refused privately ("Only moderators ... can {what}") and the refusal is audited. True
    /// when refused.
    async fn refused_unless_moderator(
        &self,
        ctx: &SerenityContext,
        cmd: &CommandInteraction,
        action: &str,
        detail: String,
        what: &str,
    ) -> bool {
        if is_moderator(&caller(cmd), &self.config.moderator_roles) {
            return false;
        }
        let why = if cmd.guild_id.is_none() {
            "Moderator commands only work in a server, not in DMs.".to_string()
        } else {
            format!("Only moderators (Manage Server, or a moderator role) can {what}.")
        };
        self.audit(cmd, action, detail, "refused: not a moderator".to_string());
        self.reply(ctx, cmd, embed::refusal(&why)).await;
        true
    }

    /// Tells Discord the reply will come later (a public "thinking…"); false when that failed
    /// and the command should stop.
    async fn deferred(&self, ctx: &SerenityContext, cmd: &CommandInteraction) -> bool {
        let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new());
        match cmd.create_response(&ctx.http, defer).await {
            Ok(()) => true,
            Err(e) => {
                tracing::warn!(error = %e, "could not defer");
                false
            }
        }
    }

    async fn moderator_command(&self, ctx: &SerenityContext, cmd: &CommandInteraction) {
        let name = cmd.data.name.clone();
        if self
            .refused_unless_moderator(ctx, cmd, &name, String::new(), "do that")
            .await
        {
            return;
        }
        let holder = format!("Discord user {} ({})", cmd.user.name, cmd.user.id);
        if !self.deferred(ctx, cmd).await {
            return;
        }
        if name == "ingest" {
            match self.ingest(cmd).await {
                Ok(saved) => {
                    self.audit(cmd, "ingest", saved.path.clone(), "saved".to_string());
                    self.edit(
                        ctx,
                        cmd,
                        embed::reindex_progress("Saved, reindexing", 0, 1, &holder),
                    )
                    .await;
                }
                Err(e) => {
                    self.audit(cmd, "ingest", String::new(), format!("failed: {e}"));
                    let m = embed::refusal(&format!("Ingest failed: {e}"));
                    return self.edit(ctx, cmd, m).await;
                }
            }
        }
        let full = cmd
            .data
            .options
            .iter()
            .find(|o| o.name == "full")
            .and_then(|o| o.value.as_bool())
            .unwrap_or(false);
        let progress = Arc::new(Latest::default());
        let bot = self.bot.clone();
        let p = progress.clone();
        let h = holder.clone();
        let mut job = tokio::task::spawn_blocking(move || bot.reindex(full, &h, p.as_ref()));
        let mut last_shown: Option<(Stage, u64, u64)> = None;
        let outcome = loop {
            tokio::select! {
                result = &mut job => break result,
                _ = tokio::time::sleep(Duration::from_secs(2)) => {
                    let now = progress.state.lock().ok().and_then(|s| *s);
                    if let Some((stage, done, total)) = now {
                        if last_shown != now {
                            last_shown = now;
                            let stage = match stage { Stage::Scanning => "Scanning", Stage::Indexing => "Indexing", Stage::Committing => "Committing" };
                            self.edit(ctx, cmd, embed::reindex_progress(stage, done, total, &holder)).await;
                        }
                    }
                }
            }
        };
        let m = match outcome {
            Ok(Ok(summary)) => {
                self.audit(
                    cmd,
                    &name,
                    format!("full={full}"),
                    format!(
                        "{} added, {} updated, {} removed, {} failed",
                        summary.added, summary.updated, summary.removed, summary.failed
                    ),
                );
                embed::reindex_done(&summary)
            }
            Ok(Err(e @ crate::Error::ReindexRunning { .. })) => {
                self.audit(
                    cmd,
                    &name,
                    format!("full={full}"),
                    "refused: already running".to_string(),
                );
                embed::refusal(&format!(
                    "A reindex is already running: {}",
                    e.to_string().trim_start_matches("reindex already running ")
                ))
            }
            Ok(Err(e)) => {
                tracing::error!(error = %e, "reindex failed");
                self.audit(cmd, &name, format!("full={full}"), format!("failed: {e}"));
                embed::refusal("The reindex failed; the previous index is still serving. Details are in the log.")
            }
            Err(e) => {
                tracing::error!(error = %e, "reindex task failed");
                embed::refusal(
                    "The reindex stopped unexpectedly; the previous index is still serving.",
                )
            }
        };
        self.edit(ctx, cmd, m).await;
    }

    async fn ingest(&self, cmd: &CommandInteraction) -> Result<ingest::Saved, ingest::IngestError> {
        let options = ingest::FetchOptions {
            max_bytes: self.config.max_ingest_bytes,
            timeout: self.config.fetch_timeout,
            allow_private: self.config.allow_private_urls,
        };
        let resolved = cmd.data.options();
        let attachment = resolved.iter().find_map(|o| match o.value {
            ResolvedValue::Attachment(a) if o.name == "file" => Some(a.clone()),
            _ => None,
        });
        let url = string_option(cmd, "url").map(str::to_string);
        let (fetched, name_hint) = match (attachment, url) {
            (Some(a), _) => {
                if a.size as usize > options.max_bytes {
                    return Err(ingest::IngestError::TooLarge(options.max_bytes));
                }
                (
                    ingest::fetch(&a.url, &options).await?,
                    Some(a.filename.clone()),
                )
            }
            (None, Some(url)) => {
                let fetched = ingest::fetch(&url, &options).await?;
                let path_name = reqwest::Url::parse(&fetched.url).ok().and_then(|u| {
                    u.path_segments()
                        .and_then(|mut s| s.next_back().map(str::to_string))
                });
                (fetched, path_name)
            }
            (None, None) => {
                return Err(ingest::IngestError::Unreadable(
                    "attach a file or give a url".to_string(),
                ))
            }
        };
        let format = ingest::detect_format(
            name_hint.as_deref(),
            fetched.content_type.as_deref(),
            &fetched.bytes,
        )
        .ok_or(ingest::IngestError::Format)?;
        let articles = self.bot.paths().articles();
        let bytes = fetched.bytes;
        tokio::task::spawn_blocking(move || ingest::save(&articles, &bytes, format))
            .await
            .map_err(|e| ingest::IngestError::Save(e.to_string()))?
    }
}
