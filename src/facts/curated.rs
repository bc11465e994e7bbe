//! Moderators' corrections: funding facts written by hand under `data/facts/*.toml`.
//!
//! A curated round wins over the extractor: extracted accounts of the same company and round
//! type are hidden from answers (kept in the store, marked superseded), and the curated one is
//! cited as a moderator correction with who wrote it and when. A `[[suppress]]` entry hides an
//! extracted round that is simply wrong.
//!
//! ```toml
//! by = "maria"            # who wrote this file (required)
//! at = "2024-05-01"       # when (required)
//!
//! [[round]]
//! company = "SenseTime"
//! round = "series_c"
//! amount = 600000000
//! currency = "USD"
//! date = "2018-04"
//! lead = ["Alibaba"]
//! investors = ["Suning.com", "Temasek"]
//! note = "Checked against the company's statement"
//!
//! [[round.valuation]]
//! amount = 3000000000
//! currency = "USD"
//! qualifier = "more_than"
//! source = "Bloomberg"
//!
//! [[suppress]]
//! company = "Acme"
//! round = "series_b"      # optional: every extracted round of the company when absent
//! article = "acme.md"     # optional: only the account from this article
//! note = "the extractor took the total raised for the round size"
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{
    Basis, DateRef, Money, Origin, Participation, Qualifier, Role, Round, RoundType, Valuation,
};
use crate::error::{Error, Result};

/// A round as a person writes it down: the shape of curated facts and of the evaluation gold.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledRound {
    /// Article the round comes from (gold files; optional for corrections).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Company that raised.
    pub company: String,
    /// Round type name (`series_c`, `seed`, ...).
    pub round: RoundType,
    /// Whole units of `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    /// ISO 4217 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateRef>,
    /// Lead investors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead: Vec<String>,
    /// Other investors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub investors: Vec<String>,
    /// Reported valuations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub valuation: Vec<LabelledValuation>,
    /// Why (corrections only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Overrides the file's `by` for this round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Overrides the file's `at` for this round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// A valuation as a person writes it down.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledValuation {
    /// The figure (low end of a range).
    pub amount: u64,
    /// ISO 4217 code.
    pub currency: String,
    /// Hedge words.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// Upper end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_max: Option<u64>,
    /// Pre- or post-money.
    #[serde(default)]
    pub basis: Basis,
    /// Who reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl LabelledRound {
    /// The round in the store's model, with the given origin.
    pub fn to_round(&self, origin: Origin) -> Round {
        let mut round = Round::new(
            &self.company,
            self.round,
            self.article.clone().unwrap_or_default(),
        );
        round.amount = match (self.amount, &self.currency) {
            (Some(a), Some(c)) => Some(Money::new(a, &c.to_ascii_uppercase())),
            (Some(a), None) => Some(Money::new(a, "USD")),
            _ => None,
        };
        round.date = self.date;
        let people = self
            .lead
            .iter()
            .map(|n| (n, Role::Lead))
            .chain(self.investors.iter().map(|n| (n, Role::Participant)));
        round.investors = people
            .map(|(name, role)| Participation {
                name: name.clone(),
                role,
                evidence: None,
            })
            .collect();
        round.valuations = self
            .valuation
            .iter()
            .map(|v| Valuation {
                amount: Money::new(v.amount, &v.currency.to_ascii_uppercase()),
                amount_max: v.amount_max,
                qualifier: v.qualifier,
                basis: v.basis,
                attribution: v.source.clone(),
                evidence: None,
            })
            .collect();
        round.origin = origin;
        round
    }
}

/// An extracted round to hide.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    /// Company whose round is wrong.
    pub company: String,
    /// Only this round type, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<RoundType>,
    /// Only the account from this article, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One file of corrections, as written on disk.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionFile {
    /// Who wrote the file (last).
    pub by: String,
    /// When (`YYYY-MM-DD`).
    pub at: String,
    /// Curated rounds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub round: Vec<LabelledRound>,
    /// Extracted rounds to hide.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppress: Vec<Suppression>,
}

impl CorrectionFile {
    /// Reads one file.
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        toml::from_str(&text).map_err(|e| Error::Config {
            path: path.to_path_buf(),
            reason: e.message().to_string(),
        })
    }

    /// The file as TOML text.
    pub fn to_toml(&self) -> Result<String> {
        toml::to_string(self)
            .map_err(|e| Error::Invalid(format!("cannot write the correction: {e}")))
    }
}

/// Everything the moderators wrote.
#[derive(Debug, Default, Clone)]
pub struct Corrections {
    /// Curated rounds, ready for the store.
    pub rounds: Vec<Round>,
    /// Extracted rounds to hide.
    pub suppressions: Vec<Suppression>,
    /// Files that could not be read, with the reason (reported, never fatal).
    pub failures: Vec<(String, String)>,
}

/// Reads every `*.toml` under `facts_dir`. A broken file is reported and skipped.
pub fn load(facts_dir: &Path) -> Corrections {
    let mut out = Corrections::default();
    let Ok(entries) = std::fs::read_dir(facts_dir) else {
        return out;
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match parse_file(&path, &name) {
            Ok((rounds, suppressions)) => {
                out.rounds.extend(rounds);
                out.suppressions.extend(suppressions);
            }
            Err(e) => out.failures.push((format!("facts/{name}"), e.to_string())),
        }
    }
    out
}

fn parse_file(path: &Path, name: &str) -> Result<(Vec<Round>, Vec<Suppression>)> {
    let file = CorrectionFile::read(path)?;
    let rounds = file
        .round
        .iter()
        .map(|r| {
            r.to_round(Origin::Curated {
                file: name.to_string(),
                by: r.by.clone().unwrap_or_else(|| file.by.clone()),
                at: r.at.clone().unwrap_or_else(|| file.at.clone()),
                note: r.note.clone(),
            })
        })
        .collect();
    Ok((rounds, file.suppress))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_are_read_and_broken_files_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("sensetime.toml"),
            r#"
by = "maria"
at = "2024-05-01"

[[round]]
company = "SenseTime"
round = "series_c"
amount = 600000000
currency = "usd"
date = "2018-04"
lead = ["Alibaba"]
investors = ["Suning.com", "Temasek"]

[[round.valuation]]
amount = 3000000000
currency = "USD"
qualifier = "more_than"
source = "Bloomberg"

[[suppress]]
company = "Acme"
round = "series_b"
"#,
        )
        .unwrap();
        std::fs::write(
            dir.path().join("broken.toml"),
            "by = \"x\"\n[[round]]\ncompany = 3\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        let c = load(dir.path());
        assert_eq!(c.rounds.len(), 1);
        let r = &c.rounds[0];
        assert_eq!(r.round, RoundType::Series(2));
        assert_eq!(r.amount, Some(Money::new(600_000_000, "USD")));
        assert_eq!(r.names(Role::Lead), ["Alibaba"]);
        assert_eq!(r.valuations[0].qualifier, Qualifier::MoreThan);
        assert!(matches!(&r.origin, Origin::Curated { by, .. } if by == "maria"));
        assert_eq!(c.suppressions.len(), 1);
        assert_eq!(c.failures.len(), 1);
        assert!(c.failures[0].0.contains("broken.toml"));
    }
}
