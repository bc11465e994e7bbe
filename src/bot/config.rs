//! The bot's settings, from the environment (and `.env`, loaded by the binary).

use std::fmt;
use std::time::Duration;

/// The bot token. Its `Debug` and `Display` never show it.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// The secret itself, for the HTTP client only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// Everything `fundbot serve` needs besides the data and index directories.
#[derive(Debug, Clone)]
pub struct BotConfig {
    /// `DISCORD_TOKEN`.
    pub token: Token,
    /// `DISCORD_GUILD_ID`: register commands in this server only (instant), else globally.
    pub guild_id: Option<u64>,
    /// `FUNDBOT_MODERATOR_ROLES`: role ids whose members may reindex and ingest.
    pub moderator_roles: Vec<u64>,
    /// `DISCORD_API_BASE`: send every REST call (and so the gateway lookup) here; for tests.
    pub api_base: Option<String>,
    /// `FUNDBOT_ALLOW_PRIVATE_URLS=1`: let `/ingest` fetch private and loopback addresses.
    pub allow_private_urls: bool,
    /// `FUNDBOT_RATE_LIMIT`: commands per user per minute (default 10).
    pub rate_per_minute: usize,
    /// `FUNDBOT_MAX_INGEST_BYTES`: largest article `/ingest` accepts (default 2 MB).
    pub max_ingest_bytes: usize,
    /// `FUNDBOT_FETCH_TIMEOUT_SECS`: URL and attachment download timeout (default 15 s).
    pub fetch_timeout: Duration,
}

/// A setting that is missing or malformed.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// No token.
    #[error("DISCORD_TOKEN is not set; put it in the environment or in .env (see .env.example)")]
    MissingToken,
    /// A token that cannot be a Discord bot token. The message never includes it.
    #[error("DISCORD_TOKEN does not look like a bot token (expected three dot-separated parts); copy it again from the Developer Portal")]
    MalformedToken,
    /// Another variable with a bad value.
    #[error("{name} has an invalid value: {reason}")]
    Invalid {
        /// The variable.
        name: &'static str,
        /// What is wrong.
        reason: String,
    },
}

fn valid_token(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

impl BotConfig {
    /// Reads the settings through `get` (the environment in production, a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let token = get("DISCORD_TOKEN")
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .ok_or(ConfigError::MissingToken)?;
        let token = token.strip_prefix("Bot ").unwrap_or(&token).to_string();
        if !valid_token(&token) {
            return Err(ConfigError::MalformedToken);
        }
        let number = |name: &'static str, value: &str| -> Result<u64, ConfigError> {
            value.trim().parse().map_err(|_| ConfigError::Invalid {
                name,
                reason: format!("{value:?} is not a number"),
            })
        };
        let guild_id = match get("DISCORD_GUILD_ID").filter(|v| !v.trim().is_empty()) {
            Some(v) => Some(number("DISCORD_GUILD_ID", &v)?),
            None => None,
        };
        let moderator_roles = get("FUNDBOT_MODERATOR_ROLES")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| number("FUNDBOT_MODERATOR_ROLES", s))
            .collect::<Result<Vec<_>, _>>()?;
        let api_base = get("DISCORD_API_BASE")
            .map(|b| b.trim().trim_end_matches('/').to_string())
            .filter(|b| !b.is_empty());
        if let Some(base) = &api_base {
            if !(base.starts_with("http://") || base.starts_with("https://")) {
                return Err(ConfigError::Invalid {
                    name: "DISCORD_API_BASE",
                    reason: "must start with http:// or https://".into(),
                });
            }
        }
        let flag = |name: &str| get(name).is_some_and(|v| matches!(v.trim(), "1" | "true" | "yes"));
        let rate_per_minute = match get("FUNDBOT_RATE_LIMIT") {
            Some(v) => number("FUNDBOT_RATE_LIMIT", &v)? as usize,
            None => 10,
        };
        let max_ingest_bytes = match get("FUNDBOT_MAX_INGEST_BYTES") {
            Some(v) => number("FUNDBOT_MAX_INGEST_BYTES", &v)? as usize,
            None => 2_000_000,
        };
        let fetch_timeout = match get("FUNDBOT_FETCH_TIMEOUT_SECS") {
            Some(v) => Duration::from_secs(number("FUNDBOT_FETCH_TIMEOUT_SECS", &v)?),
            None => Duration::from_secs(15),
        };
        Ok(BotConfig {
            token: Token(token),
            guild_id,
            moderator_roles,
            api_base,
            allow_private_urls: flag("FUNDBOT_ALLOW_PRIVATE_URLS"),
            rate_per_minute,
            max_ingest_bytes,
            fetch_timeout,
        })
    }

    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const TOKEN: &str = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

    fn config(vars: &[(&str, &str)]) -> Result<BotConfig, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        BotConfig::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn settings_are_read_and_the_token_never_shows() {
        let c = config(&[
            ("DISCORD_TOKEN", TOKEN),
            ("DISCORD_GUILD_ID", "123"),
            ("FUNDBOT_MODERATOR_ROLES", "1, 2,3"),
            ("DISCORD_API_BASE", "http://127.0.0.1:9/"),
            ("FUNDBOT_ALLOW_PRIVATE_URLS", "1"),
        ])
        .unwrap();
        assert_eq!(c.guild_id, Some(123));
        assert_eq!(c.moderator_roles, [1, 2, 3]);
        assert_eq!(c.api_base.as_deref(), Some("http://127.0.0.1:9"));
        assert!(c.allow_private_urls);
        assert_eq!(c.token.expose(), TOKEN);
        let shown = format!("{c:?}");
        assert!(
            !shown.contains(TOKEN) && shown.contains("redacted"),
            "{shown}"
        );
    }

    #[test]
    fn missing_and_malformed_settings_are_one_clear_line() {
        let missing = config(&[]).unwrap_err().to_string();
        assert!(missing.contains("DISCORD_TOKEN is not set"));
        for bad in ["not a token", "a.b", "a..c", "x.y.z w"] {
            let err = config(&[("DISCORD_TOKEN", bad)]).unwrap_err().to_string();
            assert!(
                err.contains("does not look like a bot token") && !err.contains(bad),
                "{err}"
            );
        }
        let err = config(&[("DISCORD_TOKEN", TOKEN), ("DISCORD_GUILD_ID", "abc")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("DISCORD_GUILD_ID"));
        assert!(!err.contains(TOKEN));
    }
}
