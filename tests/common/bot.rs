//! `fundbot serve` as a child process pointed at a fake Discord; killed when dropped.

use std::process::{Child, Command, Stdio};

use super::fake_discord::{FakeDiscord, GUILD_ID};
use super::Home;

/// A role id the bot is told counts as moderator.
pub const MODERATOR_ROLE: &str = "900000000000000050";
/// A token in the right shape; the fake accepts anything.
pub const TOKEN: &str = "MTAwMDAwMDAwMDAwMDAwMDE.fakefa.ke-token_for_tests_only";

/// The bot process; killed when dropped.
pub struct Bot(pub Child);

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `fundbot serve` over `home` against `fake`, with extra environment variables; its
/// log is dropped.
pub fn start(home: &Home, fake: &FakeDiscord, extra: &[(&str, &str)]) -> Bot {
    spawn(home, fake, extra, Stdio::null())
}

/// As [`start`], with the log on a pipe the test reads (`bot.0.stderr`).
pub fn start_logged(home: &Home, fake: &FakeDiscord, extra: &[(&str, &str)]) -> Bot {
    spawn(home, fake, extra, Stdio::piped())
}

fn spawn(home: &Home, fake: &FakeDiscord, extra: &[(&str, &str)], log: Stdio) -> Bot {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fundbot"));
    cmd.arg("--data")
        .arg(home.data())
        .arg("--index")
        .arg(home.index())
        .arg("serve")
        .current_dir(home.path())
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", &fake.base)
        .env("DISCORD_GUILD_ID", GUILD_ID)
        .env("FUNDBOT_MODERATOR_ROLES", MODERATOR_ROLE)
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
        .env("RUST_LOG", "fundbot=info,serenity=warn")
        .stdout(Stdio::null())
        .stderr(log);
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in extra {
        cmd.env(k, v);
    }
    Bot(cmd.spawn().expect("start fundbot serve"))
}
