//! Shared helpers for the integration tests: an isolated data/index directory per test and a
//! builder for `fundbot` commands run against it.

#![allow(dead_code)]

pub mod bot;
pub mod fake_discord;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary fundbot home: `data/articles/`, `data/facts/` and `index/`.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    /// An empty home.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("data/articles")).unwrap();
        std::fs::create_dir_all(dir.path().join("data/facts")).unwrap();
        Home { dir }
    }

    /// A home holding the fixture articles of `tests/fixtures/articles`.
    pub fn with_fixtures() -> Self {
        let home = Home::new();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
        for entry in std::fs::read_dir(src).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), home.articles().join(entry.file_name())).unwrap();
        }
        home
    }

    /// A home holding the articles of `tests/fixtures/{set}/articles` (e.g. `reading`).
    pub fn with_fixture_set(set: &str) -> Self {
        let home = Home::new();
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(set)
            .join("articles");
        for entry in std::fs::read_dir(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display())) {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), home.articles().join(entry.file_name())).unwrap();
        }
        // A set may bring its moderators' short names.
        let aliases = src.with_file_name("aliases.toml");
        if aliases.is_file() {
            std::fs::copy(&aliases, home.data().join("aliases.toml")).unwrap();
        }
        home
    }

    /// The home directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `data/`.
    pub fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    /// `data/articles/`.
    pub fn articles(&self) -> PathBuf {
        self.path().join("data/articles")
    }

    /// `index/`.
    pub fn index(&self) -> PathBuf {
        self.path().join("index")
    }

    /// Writes an article file.
    pub fn write(&self, name: &str, text: &str) {
        let path = self.articles().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, text).unwrap();
    }

    /// A `fundbot` command with `--data` and `--index` set to this home.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_fundbot"));
        cmd.current_dir(self.path())
            .env_remove("FUNDBOT_DATA")
            .env_remove("FUNDBOT_INDEX")
            .env_remove("RUST_LOG")
            .arg("--data")
            .arg(self.data())
            .arg("--index")
            .arg(self.index())
            .args(args);
        cmd
    }

    /// Runs `fundbot` with `args` and returns its output.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run fundbot")
    }

    /// Runs `fundbot ... --json` and parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        assert!(
            out.status.success() || out.status.code() == Some(3),
            "fundbot {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
    }
}

/// A short funding article in Markdown with front matter, about an invented company.
pub fn article(company: &str, round: &str, amount: &str, lead: &str, published: &str) -> String {
    format!(
        "---\ntitle: \"{company} raises {amount} {round}\"\nsource: Test Wire\nurl: https://wire.example/{slug}\npublished: {published}\n---\n\
         {company}, a software startup, has raised {amount} in a {round} round led by {lead}.\n\n\
         The company plans to hire engineers with the new money.\n",
        slug = company.to_lowercase().replace(' ', "-"),
    )
}
