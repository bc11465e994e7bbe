//! `/feed add|list|remove` for moderators, the background poller, and the news channel's
//! announcements. The feed work itself is [`crate::feeds`]; this file only talks to Discord.

use std::sync::Arc;

use serenity::all::{
    ChannelId, CommandDataOptionValue, CommandInteraction, CommandOptionType,
    Context as SerenityContext, CreateAllowedMentions, CreateCommand, CreateCommandOption,
    CreateMessage, Permissions,
};
use serenity::http::Http;

use super::embed::{self, colors, Embed, Message};
use super::{to_embed, Handler};
use crate::feeds::{self, Announcement, FeedSettings, PollReport};
use crate::reindex::Silent;
use crate::service::Fundbot;

/// The `/feed` command and its subcommands; names are a contract.
pub fn command() -> CreateCommand {
    let text = |name: &str, description: &str, required: bool| {
        CreateCommandOption::new(CommandOptionType::String, name, description).required(required)
    };
    CreateCommand::new("feed")
        .description("Moderators: the news feeds fundbot follows")
        .default_member_permissions(Permissions::MANAGE_GUILD)
        .add_option(
            CreateCommandOption::new(CommandOptionType::SubCommand, "add", "Follow a feed")
                .add_sub_option(text("url", "RSS, Atom or JSON Feed address", true))
                .add_sub_option(text(
                    "name",
                    "Name to show (default: the feed's title)",
                    false,
                )),
        )
        .add_option(CreateCommandOption::new(
            CommandOptionType::SubCommand,
            "list",
            "The feeds followed and their health",
        ))
        .add_option(
            CreateCommandOption::new(
                CommandOptionType::SubCommand,
                "remove",
                "Stop following a feed",
            )
            .add_sub_option(text("name", "The feed's name or address", true)),
        )
}

/// The subcommand used and its string options.
fn subcommand(cmd: &CommandInteraction) -> Option<(String, Vec<(String, String)>)> {
    let first = cmd.data.options.first()?;
    let CommandDataOptionValue::SubCommand(opts) = &first.value else {
        return None;
    };
    let values = opts
        .iter()
        .filter_map(|o| o.value.as_str().map(|v| (o.name.clone(), v.to_string())))
        .collect();
    Some((first.name.clone(), values))
}

fn option<'a>(values: &'a [(String, String)], name: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The `/feed list` reply.
pub fn list_message(list: &[feeds::Feed]) -> Message {
    let description = if list.is_empty() {
        "No feeds yet. Add one with `/feed add url:<address>`.".to_string()
    } else {
        String::new()
    };
    let fields = list
        .iter()
        .map(|f| embed::Field {
            name: embed::truncate(&f.name, 200),
            value: format!(
                "<{}>\n{}",
                f.url.replace('>', "%3E"),
                embed::escape(&feeds::health(f))
            ),
            inline: false,
        })
        .collect();
    Message::embed(Embed {
        title: Some("Feeds".to_string()),
        description,
        fields,
        footer: Some(format!("{} feed(s)", list.len())),
        color: colors::INFO,
        image: None,
    })
}

/// The news channel's message for what one poll found.
pub fn announcement_message(lines: &[Announcement], articles: usize) -> Message {
    let description = lines
        .iter()
        .map(|a| {
            let mut line = format!("• {}", embed::escape(&a.text));
            if let Some(url) = &a.url {
                let safe = url
                    .replace('(', "%28")
                    .replace(')', "%29")
                    .replace(' ', "%20");
                line.push_str(&format!(" [source]({safe})"));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n");
    Message::embed(Embed {
        title: Some("New from the feeds".to_string()),
        description,
        fields: Vec::new(),
        footer: Some(format!("{articles} new article(s)")),
        color: colors::INFO,
        image: None,
    })
}

impl Handler {
    /// `/feed ...`: moderators only, checked here on every call, every action audited.
    pub(super) async fn feed_command(&self, ctx: &SerenityContext, cmd: &CommandInteraction) {
        let (sub, values) = subcommand(cmd).unwrap_or_default();
        let action = format!("feed {sub}");
        let detail = values
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(" ");
        if self
            .refused_unless_moderator(ctx, cmd, &action, detail.clone(), "do that")
            .await
        {
            return;
        }
        let paths = self.bot.paths().clone();
        match sub.as_str() {
            "add" => {
                // Checking the address downloads it, which may take longer than Discord waits.
                if !self.deferred(ctx, cmd).await {
                    return;
                }
                let url = option(&values, "url").unwrap_or_default();
                let by = format!("{} ({})", cmd.user.name, cmd.user.id);
                let m = match feeds::add(&paths, &self.feeds, url, option(&values, "name"), &by)
                    .await
                {
                    Ok(feed) => {
                        self.audit(cmd, &action, detail, format!("added {:?}", feed.name));
                        Message::embed(Embed {
                            title: Some(format!("Following {}", feed.name)),
                            description: format!(
                                "<{}>\nIts new items are fetched at the next poll (every {} s) and saved under `data/articles/feeds/{}/`.",
                                feed.url.replace('>', "%3E"),
                                self.feeds.interval.as_secs(),
                                feed.slug
                            ),
                            fields: Vec::new(),
                            footer: None,
                            color: colors::INFO,
                            image: None,
                        })
                    }
                    Err(e) => {
                        self.audit(cmd, &action, detail, format!("failed: {e}"));
                        if !e.is_user_error() {
                            tracing::error!(error = %e, "feed add failed");
                        }
                        embed::refusal(&format!("Feed not added: {e}"))
                    }
                };
                self.edit(ctx, cmd, m).await;
            }
            "list" => {
                let m = match tokio::task::spawn_blocking(move || feeds::list(&paths)).await {
                    Ok(Ok(list)) => list_message(&list),
                    Ok(Err(e)) => {
                        tracing::error!(error = %e, "feed list failed");
                        embed::refusal("Could not read the feed list; details are in the log.")
                    }
                    Err(_) => embed::refusal("Something went wrong on my side."),
                };
                self.audit(cmd, &action, detail, "listed".to_string());
                self.reply(ctx, cmd, m).await;
            }
            "remove" => {
                let which = option(&values, "name").unwrap_or_default().to_string();
                let m = match tokio::task::spawn_blocking(move || feeds::remove(&paths, &which))
                    .await
                {
                    Ok(Ok(feed)) => {
                        self.audit(cmd, &action, detail, format!("removed {:?}", feed.name));
                        Message::embed(Embed {
                            title: Some(format!("Stopped following {}", feed.name)),
                            description: "Articles already saved from it stay in the corpus."
                                .to_string(),
                            fields: Vec::new(),
                            footer: None,
                            color: colors::INFO,
                            image: None,
                        })
                    }
                    Ok(Err(e)) => {
                        self.audit(cmd, &action, detail, format!("failed: {e}"));
                        embed::refusal(&format!("Feed not removed: {e}"))
                    }
                    Err(_) => embed::refusal("Something went wrong on my side."),
                };
                self.reply(ctx, cmd, m).await;
            }
            _ => {
                let m = embed::refusal("Use /feed add, /feed list or /feed remove.");
                self.reply(ctx, cmd, m).await;
            }
        }
    }
}

/// Polls every feed every `settings.interval` for as long as the bot runs.
pub fn spawn_poller(bot: Arc<Fundbot>, http: Arc<Http>, settings: FeedSettings) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(settings.interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let paths = bot.paths().clone();
            match feeds::poll(&paths, &settings).await {
                Ok(report) => after_poll(&bot, &http, &settings, report).await,
                Err(e) => tracing::warn!(error = %e, "feed poll did not run"),
            }
        }
    });
}

/// Reindexes what a poll saved and announces it.
async fn after_poll(bot: &Arc<Fundbot>, http: &Http, settings: &FeedSettings, report: PollReport) {
    let saved: Vec<_> = report.saved().cloned().collect();
    if saved.is_empty() {
        return;
    }
    tracing::info!(articles = saved.len(), "feeds brought new articles");
    // A moderator's reindex may be running; it or the next attempt will pick the files up.
    for _ in 0..30 {
        let b = bot.clone();
        let result =
            tokio::task::spawn_blocking(move || b.reindex(false, "feed poll", &Silent)).await;
        match result {
            Ok(Err(crate::Error::ReindexRunning { .. })) => {
                tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            }
            Ok(Err(e)) => {
                tracing::error!(error = %e, "reindex after a feed poll failed");
                break;
            }
            _ => break,
        }
    }
    let Some(channel) = settings.news_channel else {
        return;
    };
    let store = bot.paths().store();
    let items = saved.clone();
    let lines = tokio::task::spawn_blocking(move || {
        let facts = crate::facts::store::FactStore::open_readonly(&store)?;
        feeds::poll::announcements(&facts, &items)
    })
    .await;
    let lines = match lines {
        Ok(Ok(lines)) => lines,
        _ => saved
            .iter()
            .map(|s| Announcement {
                text: format!("New: {}", s.title),
                url: s.url.clone(),
            })
            .collect(),
    };
    let m = announcement_message(&lines, saved.len());
    let message = CreateMessage::new()
        .embeds(m.embeds.iter().map(to_embed).collect())
        .allowed_mentions(CreateAllowedMentions::new());
    if let Err(e) = ChannelId::new(channel).send_message(http, message).await {
        tracing::warn!(error = %e, "could not post to the news channel");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_fit_discord_and_escape_markdown() {
        let lines: Vec<Announcement> = (0..400)
            .map(|i| Announcement {
                text: format!("Acme_{i} raised $20 million Series A led by @everyone"),
                url: Some(format!("https://news.example/a({i})")),
            })
            .collect();
        let m = announcement_message(&lines, 400);
        let e = &m.embeds[0];
        assert!(e.description.chars().count() <= 4096);
        assert!(
            e.description.starts_with("• Acme\\_0 raised"),
            "{}",
            e.description
        );
        assert!(!e.description.contains("@everyone"));
        assert!(e
            .description
            .contains("[source](https://news.example/a%280%29)"));
    }
}
