//! Funding facts: the model, the extractor that finds them in passages, and the SQLite store.
//!
//! A [`Round`] is what one article says about one funding round. Two articles about the same
//! round give two `Round`s; answers show where they agree and where they differ, each cited.

pub(crate) mod cues;
pub mod curated;
pub mod dates;
pub mod extract;
pub mod fx;
pub(crate) mod lang;
mod mention;
pub mod money;
pub mod names;
mod records;

pub mod store;
pub(crate) mod text;

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub use money::Money;

/// The round types named in `text`, in order ("Series-C", "Round C", "seed round", ...).
pub fn extract_round_types(text: &str) -> Vec<RoundType> {
    cues::round_types(text)
        .into_iter()
        .map(|t| t.kind)
        .collect()
}

/// The round types named in `text` with where each is named.
pub fn cues_round_mentions(text: &str) -> Vec<(RoundType, usize)> {
    cues::round_types(text)
        .into_iter()
        .map(|t| (t.kind, t.start))
        .collect()
}

/// True when a sentence speaks of an earlier round ("previously raised", "its last round").
pub fn cues_historical(text: &str) -> bool {
    cues::HISTORICAL.is_match(text)
}

/// The investors a sentence names, with their role by cue ("led by X", "Y also joined") and
/// where the cue is, in the order the cues occur.
pub fn investors_named(text: &str) -> Vec<(String, Role, usize)> {
    let mut cues = extract::investor_cues(text);
    cues.sort_by_key(|c| c.pos);
    let mut out: Vec<(String, Role, usize)> = Vec::new();
    for c in cues {
        if !out
            .iter()
            .any(|(n, _, _)| names::key(n) == names::key(&c.name))
        {
            out.push((c.name, c.role, c.pos));
        }
    }
    out
}

/// The company a sentence names as raising money ("Acme raised $5 million"), if any.
pub fn named_raiser(text: &str) -> Option<String> {
    extract::named_raiser(text)
}

/// What each amount of money in `text` stands for: "round", "valuation", "total" or "other".
pub fn money_kinds(text: &str) -> Vec<&'static str> {
    kind_names(text, cues::money_kinds)
}

/// [`money_kinds`] of a sentence about a stock-market listing: "raised $2 billion in its IPO,
/// valuing it at $20 billion" has a valuation, where a private round's reading sees none.
pub fn listing_money_kinds(text: &str) -> Vec<&'static str> {
    kind_names(text, cues::listing_money_kinds)
}

/// Reads the kinds of the amounts at the given byte ranges of a sentence.
type KindReader = fn(&str, &[(usize, usize)]) -> Vec<cues::MoneyKind>;

fn kind_names(text: &str, kinds: KindReader) -> Vec<&'static str> {
    let spans: Vec<(usize, usize)> = money::find_amounts(text)
        .iter()
        .map(|m| (m.start, m.end))
        .collect();
    kinds(text, &spans)
        .into_iter()
        .map(|k| match k {
            cues::MoneyKind::Round => "round",
            cues::MoneyKind::Valuation(_) => "valuation",
            cues::MoneyKind::Total => "total",
            cues::MoneyKind::Other => "other",
        })
        .collect()
}

/// The kind of a funding round, named as funding databases name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoundType {
    /// Pre-seed.
    PreSeed,
    /// Seed.
    Seed,
    /// Angel round.
    Angel,
    /// Series A to J: the letter's position, 0 for A.
    Series(u8),
    /// A round before the series of that letter ("pre-Series A" is `PreSeries(0)`).
    PreSeries(u8),
    /// Extension or bridge of an earlier round.
    Extension,
    /// Strategic investment by a corporation.
    Corporate,
    /// Growth or late-stage equity.
    Growth,
    /// Private equity.
    PrivateEquity,
    /// Debt financing, venture debt, credit facilities.
    Debt,
    /// Convertible note or SAFE.
    ConvertibleNote,
    /// Grant.
    Grant,
    /// A raise whose round the article does not name.
    Unknown,
}

impl Serialize for RoundType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

impl<'de> Deserialize<'de> for RoundType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        RoundType::parse_name(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown round type {s:?}")))
    }
}

impl RoundType {
    /// Every named round type except the series, in the order they are usually raised.
    pub const NAMED: [RoundType; 11] = [
        RoundType::PreSeed,
        RoundType::Seed,
        RoundType::Angel,
        RoundType::Extension,
        RoundType::Corporate,
        RoundType::Growth,
        RoundType::PrivateEquity,
        RoundType::Debt,
        RoundType::ConvertibleNote,
        RoundType::Grant,
        RoundType::Unknown,
    ];

    /// The stable snake_case name (`series_c`, `pre_seed`, ...).
    pub fn name(self) -> String {
        match self {
            RoundType::PreSeed => "pre_seed".into(),
            RoundType::Seed => "seed".into(),
            RoundType::Angel => "angel".into(),
            RoundType::Series(n) => format!("series_{}", (b'a' + n) as char),
            RoundType::PreSeries(n) => format!("pre_series_{}", (b'a' + n) as char),
            RoundType::Extension => "extension".into(),
            RoundType::Corporate => "corporate".into(),
            RoundType::Growth => "growth".into(),
            RoundType::PrivateEquity => "private_equity".into(),
            RoundType::Debt => "debt".into(),
            RoundType::ConvertibleNote => "convertible_note".into(),
            RoundType::Grant => "grant".into(),
            RoundType::Unknown => "unknown".into(),
        }
    }

    /// Reads a stable name back (`series_c`), also accepting `Series C`, `series-c`, `seed`.
    pub fn parse_name(s: &str) -> Option<RoundType> {
        let norm: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '-' || c == ' ' { '_' } else { c })
            .collect();
        if let Some(letter) = norm.strip_prefix("pre_series_") {
            let mut chars = letter.chars();
            if let (Some(c @ 'a'..='j'), None) = (chars.next(), chars.next()) {
                return Some(RoundType::PreSeries(c as u8 - b'a'));
            }
            return None;
        }
        if let Some(letter) = norm.strip_prefix("series_") {
            let mut chars = letter.chars();
            if let (Some(c @ 'a'..='j'), None) = (chars.next(), chars.next()) {
                return Some(RoundType::Series(c as u8 - b'a'));
            }
            return None;
        }
        let alias = match norm.as_str() {
            "preseed" => "pre_seed",
            "bridge" => "extension",
            "convertible" | "safe" => "convertible_note",
            "pe" => "private_equity",
            other => other,
        };
        RoundType::NAMED.into_iter().find(|t| t.name() == alias)
    }

    /// How people write it: "Series C", "seed", "pre-seed", "debt financing".
    pub fn label(self) -> String {
        match self {
            RoundType::PreSeed => "pre-seed round".into(),
            RoundType::Seed => "seed round".into(),
            RoundType::Angel => "angel round".into(),
            RoundType::Series(n) => format!("Series {}", (b'A' + n) as char),
            RoundType::PreSeries(n) => format!("pre-Series {} round", (b'A' + n) as char),
            RoundType::Extension => "extension round".into(),
            RoundType::Corporate => "strategic round".into(),
            RoundType::Growth => "growth round".into(),
            RoundType::PrivateEquity => "private equity round".into(),
            RoundType::Debt => "debt financing".into(),
            RoundType::ConvertibleNote => "convertible note".into(),
            RoundType::Grant => "grant".into(),
            RoundType::Unknown => "funding round".into(),
        }
    }
}

impl fmt::Display for RoundType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// The exact day.
    Day,
}

/// A date known to some precision; `date` is the first day of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateRef {
    /// First day of the year, month or the day itself.
    pub date: NaiveDate,
    /// What is actually known.
    pub precision: Precision,
}

impl DateRef {
    /// A date known to the day.
    pub fn day(date: NaiveDate) -> Self {
        DateRef {
            date,
            precision: Precision::Day,
        }
    }

    /// A month of a year.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Some(DateRef {
            date: NaiveDate::from_ymd_opt(year, month, 1)?,
            precision: Precision::Month,
        })
    }

    /// A year.
    pub fn year(year: i32) -> Option<Self> {
        Some(DateRef {
            date: NaiveDate::from_ymd_opt(year, 1, 1)?,
            precision: Precision::Year,
        })
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the form stored and labelled.
    pub fn iso(&self) -> String {
        match self.precision {
            Precision::Year => format!("{}", self.date.year()),
            Precision::Month => self.date.format("%Y-%m").to_string(),
            Precision::Day => self.date.format("%Y-%m-%d").to_string(),
        }
    }

    /// Reads the [`iso`](Self::iso) form back.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
        match parts.len() {
            1 => DateRef::year(num(0)? as i32),
            2 => DateRef::month(num(0)? as i32, num(1)?),
            3 => NaiveDate::from_ymd_opt(num(0)? as i32, num(1)?, num(2)?).map(DateRef::day),
            _ => None,
        }
    }

    /// How people write it: "April 2018", "9 April 2018", "2018".
    pub fn human(&self) -> String {
        match self.precision {
            Precision::Year => format!("{}", self.date.year()),
            Precision::Month => self.date.format("%B %Y").to_string(),
            Precision::Day => format!("{} {}", self.date.day(), self.date.format("%B %Y")),
        }
    }

    /// The last day of the period.
    pub fn end(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.date,
            Precision::Month => {
                let (y, m) = (self.date.year(), self.date.month());
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                };
                next.and_then(|d| d.pred_opt()).unwrap_or(self.date)
            }
            Precision::Year => {
                NaiveDate::from_ymd_opt(self.date.year(), 12, 31).unwrap_or(self.date)
            }
        }
    }
}

impl Serialize for DateRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for DateRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateRef::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("bad date {s:?}")))
    }
}

/// How a reported figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is.
    #[default]
    Exact,
    /// "about", "roughly", "in the region of".
    About,
    /// "more than", "over", "at least".
    MoreThan,
    /// "up to", "as much as", "nearly".
    UpTo,
    /// "between X and Y".
    Range,
}

impl Qualifier {
    /// The words put before the figure.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Exact | Qualifier::Range => "",
            Qualifier::About => "about ",
            Qualifier::MoreThan => "more than ",
            Qualifier::UpTo => "up to ",
        }
    }
}

/// Whether a valuation counts the new money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Before the round.
    Pre,
    /// After the round.
    Post,
    /// Not said.
    #[default]
    Unspecified,
}

/// Where in the corpus a fact is stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Article path under `articles/`.
    pub article: String,
    /// Passage ordinal within the article.
    pub passage: usize,
    /// Byte offsets of the stating sentence in the article body.
    pub start: usize,
    /// See `start`.
    pub end: usize,
}

/// A reported valuation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Valuation {
    /// The figure (the low end of a range).
    pub amount: Money,
    /// Upper end of a range.
    pub amount_max: Option<u64>,
    /// Hedge words.
    pub qualifier: Qualifier,
    /// Pre- or post-money.
    pub basis: Basis,
    /// Who reported it ("Bloomberg"), when the text attributes it.
    pub attribution: Option<String>,
    /// Where it is stated.
    pub evidence: Option<Evidence>,
}

/// An investor's part in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Led or co-led.
    Lead,
    /// Took part.
    Participant,
}

/// An investor named in a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    /// Name as written (descriptions removed).
    pub name: String,
    /// Lead or participant.
    pub role: Role,
    /// Where it is stated.
    pub evidence: Option<Evidence>,
}

/// Who is behind a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// Found by the extractor in an article.
    Extracted,
    /// Written by a moderator under `data/facts/`.
    Curated {
        /// File under `data/facts/`.
        file: String,
        /// Moderator who wrote it.
        by: String,
        /// When.
        at: String,
        /// Why, in their words.
        note: Option<String>,
    },
}

/// One article's account of one funding round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// Store id (0 until stored).
    #[serde(default)]
    pub id: i64,
    /// The company that raised.
    pub company: String,
    /// Round type.
    pub round: RoundType,
    /// Size of the round.
    pub amount: Option<Money>,
    /// Announced date.
    pub date: Option<DateRef>,
    /// Investors with their roles.
    pub investors: Vec<Participation>,
    /// Reported valuations.
    pub valuations: Vec<Valuation>,
    /// The article this account comes from (empty for curated facts without one).
    pub article: String,
    /// Where the round itself (type, amount, date) is stated.
    pub evidence: Option<Evidence>,
    /// Extracted or curated.
    pub origin: Origin,
    /// Other spellings of the company seen with this round ("Corvid" for "Corvid Security").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The tranche a series' name carries: 2 for "Series A2" or "Series B-2".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tranche: Option<u8>,
}

impl Round {
    /// A round of `company` with nothing known yet.
    pub fn new(company: impl Into<String>, round: RoundType, article: impl Into<String>) -> Self {
        Round {
            id: 0,
            company: company.into(),
            round,
            amount: None,
            date: None,
            investors: Vec::new(),
            valuations: Vec::new(),
            article: article.into(),
            evidence: None,
            origin: Origin::Extracted,
            aliases: Vec::new(),
            tranche: None,
        }
    }

    /// The round's name, with its tranche: "Series A2", "seed round".
    pub fn label(&self) -> String {
        match (self.round, self.tranche) {
            (RoundType::Series(_), Some(t)) => format!("{}{t}", self.round.label()),
            _ => self.round.label(),
        }
    }

    /// Names of the investors with `role`.
    pub fn names(&self, role: Role) -> Vec<&str> {
        self.investors
            .iter()
            .filter(|p| p.role == role)
            .map(|p| p.name.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_names_round_trip() {
        for t in RoundType::NAMED
            .into_iter()
            .chain((0..10).map(RoundType::Series))
        {
            assert_eq!(RoundType::parse_name(&t.name()), Some(t));
        }
        assert_eq!(
            RoundType::parse_name("Series C"),
            Some(RoundType::Series(2))
        );
        assert_eq!(
            RoundType::parse_name("series-j"),
            Some(RoundType::Series(9))
        );
        assert_eq!(RoundType::parse_name("series_k"), None);
        assert_eq!(RoundType::parse_name("bridge"), Some(RoundType::Extension));
        let json = serde_json::to_string(&RoundType::Series(2)).unwrap();
        assert_eq!(json, "\"series_c\"");
        let back: RoundType = serde_json::from_str("\"series_c\"").unwrap();
        assert_eq!(back, RoundType::Series(2));
        let seed: RoundType = serde_json::from_str("\"pre_seed\"").unwrap();
        assert_eq!(seed, RoundType::PreSeed);
    }

    #[test]
    fn a_descriptor_followed_by_a_time_names_no_investor() {
        // The company after "institutional investors in 2017," raised the money.
        let named = investors_named(
            "Since its founders first took on institutional investors in 2017, Quillmoor has raised $240m from the likes of Harrow Ventures and Pellam Capital.",
        );
        let names: Vec<&str> = named.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(!names.contains(&"Quillmoor"), "{names:?}");
        assert!(names.contains(&"Harrow Ventures"), "{names:?}");
        // A descriptor right before the names still introduces them.
        let named =
            investors_named("The round drew new investors Harrow Ventures and Pellam Capital.");
        assert_eq!(named.len(), 2, "{named:?}");
        // Nor one that comes after a time and "including".
        let named = investors_named(
            "It had taken over $700 million from other investors over the years, including Harrow Ventures and Pellam Capital.",
        );
        let names: Vec<&str> = named.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(names.contains(&"Pellam Capital"), "{names:?}");
        // "Its earlier shareholders joined in, such as A, B and C": the names after.
        let named = investors_named(
            "Its earlier shareholders joined in, such as Harrow Ventures, Tamsin Partners and Pellam Capital.",
        );
        let names: Vec<&str> = named.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Harrow Ventures", "Tamsin Partners", "Pellam Capital"],
            "{named:?}"
        );
    }

    #[test]
    fn an_investment_owned_by_a_firm_and_a_round_featuring_one() {
        let names = |text: &str| -> Vec<String> {
            investors_named(text)
                .into_iter()
                .map(|(n, _, _)| n)
                .collect()
        };
        // "X's investment in Y": X backs Y.
        let found = names("On Tuesday a partner announced Harbor Lane's investment in Quillo, a startup run by two chemists.");
        assert_eq!(found, ["Harbor Lane"]);
        // Not the company's own spending on something that is not a name.
        assert!(
            names("Quillo's investment in new plants reached $4 million last year.").is_empty()
        );
        // "Leading the round was PERSON from FIRM": the firm leads.
        let named = investors_named(
            "Leading the round was Omar Quist from Pinecrest Partners, which means I owe the team a post.",
        );
        assert_eq!(named.len(), 1, "{named:?}");
        assert_eq!(
            (named[0].0.as_str(), named[0].1),
            ("Pinecrest Partners", Role::Lead)
        );
        // "a round featuring DESCRIPTION Name": the description is not part of the name.
        let found = names("Quillo had received $12m in a 2016 Series A round featuring payments group Tessmark, according to a deals database.");
        assert_eq!(found, ["Tessmark"]);
    }

    #[test]
    fn dates_keep_their_precision() {
        for s in ["2018", "2018-04", "2018-04-09"] {
            assert_eq!(DateRef::parse_iso(s).unwrap().iso(), s);
        }
        let april = DateRef::parse_iso("2018-04").unwrap();
        assert_eq!(april.human(), "April 2018");
        assert_eq!(april.end(), NaiveDate::from_ymd_opt(2018, 4, 30).unwrap());
        assert_eq!(DateRef::parse_iso("2018-02-30"), None);
        assert_eq!(
            DateRef::parse_iso("2018-04-09").unwrap().human(),
            "9 April 2018"
        );
    }
}
