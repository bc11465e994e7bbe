//! Corrections from moderators (`/correct` on Discord, `fundbot correct` on the command line):
//! one field of one company's round, written as a curated facts file under `data/facts/` (the
//! format of [`crate::facts::curated`]), then a reindex.
//!
//! Each company and round gets its own file, `data/facts/<company>-<round>.toml`, which later
//! corrections of the same round update (so that file is rewritten by fundbot; comments in it
//! are not kept). A round already corrected in another, hand-written file is refused: edit that
//! file instead. A new curated round starts from what the articles agree on (the amount, date and
//! leads every account that states them gives alike; the other investors they name), so
//! correcting one field keeps the rest.
//!
//! Everything is checked before anything is written: an unknown company, round, field, a
//! malformed value or a report that is not open gives a clear error and changes nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Paths;
use crate::error::{Error, Result};
use crate::facts::curated::{self, CorrectionFile, LabelledRound, LabelledValuation, Suppression};
use crate::facts::money::find_amounts;
use crate::facts::store::{CompanyMatch, FactStore};
use crate::facts::{DateRef, Money, Origin, Qualifier, Role, Round, RoundType};
use crate::feedback::{FeedbackStore, Person};
use crate::reindex::Summary;

/// The fields a correction can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Lead investors (comma-separated names).
    Lead,
    /// Other investors (comma-separated names).
    Investors,
    /// The round's size with its currency.
    Amount,
    /// The announced date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    Date,
    /// A reported valuation with its currency.
    Valuation,
    /// Hide a wrong extracted round (`yes`), or only one article's account of it.
    Suppress,
}

impl Field {
    /// Every field, in the order they are offered.
    pub const ALL: [Field; 6] = [
        Field::Lead,
        Field::Investors,
        Field::Amount,
        Field::Date,
        Field::Valuation,
        Field::Suppress,
    ];

    /// The name moderators type.
    pub fn name(self) -> &'static str {
        match self {
            Field::Lead => "lead",
            Field::Investors => "investors",
            Field::Amount => "amount",
            Field::Date => "date",
            Field::Valuation => "valuation",
            Field::Suppress => "suppress",
        }
    }

    /// Reads a field name ("lead", "leads", "investors", ...).
    pub fn parse(s: &str) -> Result<Field> {
        let s = s.trim().to_ascii_lowercase();
        let found = match s.as_str() {
            "leads" | "lead_investor" | "lead_investors" => Some(Field::Lead),
            "investor" | "participants" => Some(Field::Investors),
            "size" | "raised" => Some(Field::Amount),
            "announced" | "when" => Some(Field::Date),
            "valued" | "valued_at" => Some(Field::Valuation),
            "hide" | "remove" | "wrong" => Some(Field::Suppress),
            other => Field::ALL.into_iter().find(|f| f.name() == other),
        };
        found.ok_or_else(|| {
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            Error::Invalid(format!(
                "I can't correct the field {s:?}; use one of {}.",
                names.join(", ")
            ))
        })
    }
}

/// What a moderator asked to correct.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Company name as typed.
    pub company: String,
    /// Round as typed ("Series C", "seed", "series_c").
    pub round: String,
    /// Field as typed.
    pub field: String,
    /// The new value as typed.
    pub value: String,
    /// Why, in the moderator's words.
    pub note: Option<String>,
    /// A report this correction answers; it is closed.
    pub report: Option<i64>,
    /// The moderator.
    pub by: Person,
}

/// A checked correction, ready to write.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Company as the store names it.
    pub company: String,
    /// The round corrected.
    pub round: RoundType,
    /// The field set.
    pub field: Field,
    /// What changes, in one sentence ("Set the lead of SenseTime's Series C to Alibaba.").
    pub summary: String,
    /// File name under `data/facts/`.
    pub file_name: String,
    /// Report to close.
    pub report: Option<i64>,
    path: PathBuf,
    file: CorrectionFile,
}

/// What a correction did.
#[derive(Debug, Clone, Serialize)]
pub struct Applied {
    /// What changed, in one sentence.
    pub summary: String,
    /// The file written, under `data/`.
    pub file: String,
    /// The report closed.
    pub closed_report: Option<i64>,
    /// The reindex that applied it, or why it could not run (the file is kept and applies at
    /// the next reindex).
    pub reindex: std::result::Result<Summary, String>,
}

/// The file that holds fundbot's corrections of one company's round.
pub fn file_name(company: &str, round: RoundType) -> String {
    format!("{}-{}.toml", crate::corpus::slug(company), round.name())
}

/// "Quillmoss Labs'", "Tarnwick Foods'", "Acme's".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

fn invalid(text: impl Into<String>) -> Error {
    Error::Invalid(text.into())
}

/// Names separated by commas or semicolons.
pub fn parse_names(value: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for part in value.split([',', ';', '\n']) {
        let name = part.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            continue;
        }
        if name.chars().count() > 120 {
            return Err(invalid(format!("The name {name:?} is too long.")));
        }
        if !out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            out.push(name);
        }
    }
    if out.is_empty() {
        return Err(invalid(
            "Give at least one name, several separated by commas.",
        ));
    }
    Ok(out)
}

/// An amount with its currency: "$25 million", "€12m", "25000000 USD", "JPY 3 billion".
pub fn parse_money(value: &str) -> Result<Money> {
    let value = value.trim();
    let help = || {
        invalid(format!(
            "I can't read {value:?} as an amount with its currency; write e.g. \"$25 million\", \"€12m\" or \"25000000 EUR\"."
        ))
    };
    let money = match Money::parse_labelled(value) {
        Some(m) => m,
        None => {
            let found = find_amounts(value);
            let [m] = found.as_slice() else {
                return Err(help());
            };
            let rest = value[m.end..].trim_matches(|c: char| c.is_whitespace() || c == '.');
            if m.start != 0
                || !rest.is_empty()
                || m.max.is_some()
                || m.qualifier != Qualifier::Exact
            {
                return Err(help());
            }
            // A bare number has no currency, whatever the reader assumes.
            let stated = value
                .chars()
                .any(|c| !(c.is_ascii_digit() || c.is_whitespace() || ",.".contains(c)));
            let scale_only = value
                .trim_start_matches(|c: char| c.is_ascii_digit() || ",. ".contains(c))
                .to_ascii_lowercase();
            if !stated
                || [
                    "m", "mn", "million", "millions", "b", "bn", "billion", "k", "thousand",
                ]
                .contains(&scale_only.as_str())
            {
                return Err(help());
            }
            m.money.clone()
        }
    };
    if money.amount == 0 || money.amount > i64::MAX as u64 {
        return Err(help());
    }
    if money.currency.len() != 3 || !money.currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(help());
    }
    Ok(money)
}

/// A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Result<DateRef> {
    DateRef::parse_iso(value)
        .filter(|d| (1900..=2100).contains(&chrono::Datelike::year(&d.date)))
        .ok_or_else(|| {
            invalid(format!(
                "I can't read {:?} as a date; write 2024, 2024-05 or 2024-05-17.",
                value.trim()
            ))
        })
}

fn parse_round(value: &str) -> Result<RoundType> {
    RoundType::parse_name(value)
        .or_else(|| {
            let found = crate::facts::extract_round_types(value);
            (found.len() == 1).then(|| found[0])
        })
        .ok_or_else(|| {
            invalid(format!(
                "I don't know the round {:?}; try e.g. \"Series C\", \"seed\" or \"debt\".",
                value.trim()
            ))
        })
}

fn same_company(store: &FactStore, a: &str, b: &str, id: i64) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
        || matches!(store.find_company(a), Ok(CompanyMatch::Exact(c)) if c.id == id)
}

/// A curated round seeded from what the extracted accounts agree on.
fn seeded(company: &str, round: RoundType, accounts: &[Round]) -> LabelledRound {
    let mut out = LabelledRound {
        article: None,
        company: company.to_string(),
        round,
        amount: None,
        currency: None,
        date: None,
        lead: Vec::new(),
        investors: Vec::new(),
        valuation: Vec::new(),
        note: None,
        by: None,
        at: None,
    };
    let amounts: BTreeSet<(u64, String)> = accounts
        .iter()
        .filter_map(|r| r.amount.as_ref())
        .map(|m| (m.amount, m.currency.clone()))
        .collect();
    if let [(amount, currency)] = amounts.into_iter().collect::<Vec<_>>().as_slice() {
        out.amount = Some(*amount);
        out.currency = Some(currency.clone());
    }
    let dates: BTreeSet<String> = accounts
        .iter()
        .filter_map(|r| r.date.map(|d| d.iso()))
        .collect();
    if dates.len() == 1 {
        out.date = accounts.iter().find_map(|r| r.date);
    }
    let leads: BTreeSet<Vec<String>> = accounts
        .iter()
        .map(|r| {
            let mut l: Vec<String> = r.names(Role::Lead).iter().map(|s| s.to_string()).collect();
            l.sort();
            l
        })
        .filter(|l| !l.is_empty())
        .collect();
    if leads.len() == 1 {
        out.lead = leads.into_iter().next().unwrap_or_default();
    }
    for r in accounts {
        for name in r.names(Role::Participant) {
            if !out.investors.iter().any(|n| n == name) && !out.lead.iter().any(|n| n == name) {
                out.investors.push(name.to_string());
            }
        }
    }
    let with_valuations: Vec<&Round> = accounts
        .iter()
        .filter(|r| !r.valuations.is_empty())
        .collect();
    if let [only] = with_valuations.as_slice() {
        out.valuation = only
            .valuations
            .iter()
            .map(|v| LabelledValuation {
                amount: v.amount.amount,
                currency: v.amount.currency.clone(),
                qualifier: v.qualifier,
                amount_max: v.amount_max,
                basis: v.basis,
                source: v.attribution.clone(),
            })
            .collect();
    }
    out
}

/// Checks a request against the facts store, the corrections on disk and the open reports,
/// and works out the file to write. Nothing is written.
pub fn plan(
    paths: &Paths,
    store: &FactStore,
    feedback: &FeedbackStore,
    request: &Request,
    today: NaiveDate,
) -> Result<Plan> {
    let typed = request.company.trim();
    let company = match store.find_company(typed)? {
        CompanyMatch::Exact(c) => c,
        CompanyMatch::Close(list) => {
            let names: Vec<String> = list.into_iter().take(5).map(|c| c.name).collect();
            return Err(invalid(format!(
                "I have no company named {typed:?}. Did you mean {}?",
                names.join(", ")
            )));
        }
        CompanyMatch::None => {
            return Err(invalid(format!(
                "I have no company named {typed:?}; corrections are for companies in the articles."
            )))
        }
    };
    let round = parse_round(&request.round)?;
    let field = Field::parse(&request.field)?;
    if let Some(id) = request.report {
        feedback.require_open(id)?;
    }
    let note = request
        .note
        .as_deref()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 500) {
        return Err(invalid("The note is too long (500 characters at most)."));
    }

    let name = file_name(&company.name, round);
    let dir = paths.corrections();
    let path = dir.join(&name);
    // A round corrected in a hand-written file is edited there, not here.
    let elsewhere = curated::load(&dir).rounds.into_iter().find(|r| {
        r.round == round
            && !matches!(&r.origin, Origin::Curated { file, .. } if *file == name)
            && same_company(store, &r.company, &company.name, company.id)
    });
    if let Some(Round {
        origin: Origin::Curated { file, .. },
        ..
    }) = elsewhere
    {
        return Err(invalid(format!(
            "{} {} is already corrected in data/facts/{file}; edit that file instead.",
            possessive(&company.name),
            round.label()
        )));
    }
    let at = today.format("%Y-%m-%d").to_string();
    let mut file = if path.is_file() {
        CorrectionFile::read(&path)?
    } else {
        CorrectionFile {
            by: request.by.name.clone(),
            at: at.clone(),
            round: Vec::new(),
            suppress: Vec::new(),
        }
    };
    file.by = request.by.name.clone();
    file.at = at.clone();
    let accounts: Vec<Round> = store
        .rounds_for_company(company.id, true)?
        .into_iter()
        .filter(|r| r.round == round && r.origin == Origin::Extracted)
        .collect();
    let what = format!("{} {}", possessive(&company.name), round.label());

    let summary = if field == Field::Suppress {
        let value = request.value.trim();
        if accounts.is_empty() {
            return Err(invalid(format!(
                "There is no extracted {what} to suppress."
            )));
        }
        let article = match value.to_ascii_lowercase().as_str() {
            "yes" | "true" | "all" | "everything" => None,
            _ => {
                let article = value.trim_start_matches("articles/");
                if !accounts.iter().any(|r| r.article == article) {
                    let list: BTreeSet<&str> =
                        accounts.iter().map(|r| r.article.as_str()).collect();
                    return Err(invalid(format!(
                        "Give \"yes\" to suppress the whole {what}, or one of the articles that state it: {}.",
                        list.into_iter().collect::<Vec<_>>().join(", ")
                    )));
                }
                Some(article.to_string())
            }
        };
        file.round.clear();
        file.suppress
            .retain(|s| !(s.round == Some(round) && s.article == article));
        let summary = match &article {
            None => format!("Suppressed {what}: it is wrong."),
            Some(a) => format!("Suppressed the account of {what} from {a}."),
        };
        file.suppress.push(Suppression {
            company: company.name.clone(),
            round: Some(round),
            article,
            note: Some(note.clone().unwrap_or_else(|| summary.clone())),
        });
        summary
    } else {
        let value = request.value.trim();
        let mut entry = match file.round.pop() {
            Some(r) => r,
            None => seeded(&company.name, round, &accounts),
        };
        file.round.clear();
        let summary = match field {
            Field::Lead => {
                let names = parse_names(value)?;
                entry.investors.retain(|n| !names.contains(n));
                entry.lead = names;
                format!("Set the lead of {what} to {}.", entry.lead.join(", "))
            }
            Field::Investors => {
                let names: Vec<String> = parse_names(value)?
                    .into_iter()
                    .filter(|n| !entry.lead.contains(n))
                    .collect();
                entry.investors = names;
                format!(
                    "Set the other investors in {what} to {}.",
                    entry.investors.join(", ")
                )
            }
            Field::Amount => {
                let money = parse_money(value)?;
                entry.amount = Some(money.amount);
                entry.currency = Some(money.currency.clone());
                format!("Set the amount of {what} to {money}.")
            }
            Field::Date => {
                let date = parse_date(value)?;
                entry.date = Some(date);
                format!("Set the date of {what} to {}.", date.iso())
            }
            Field::Valuation => {
                let money = parse_money(value)?;
                entry.valuation = vec![LabelledValuation {
                    amount: money.amount,
                    currency: money.currency.clone(),
                    qualifier: Qualifier::Exact,
                    amount_max: None,
                    basis: Default::default(),
                    source: None,
                }];
                format!("Set the valuation at {what} to {money}.")
            }
            Field::Suppress => unreachable!("handled above"),
        };
        entry.note = Some(match (&note, &entry.note) {
            (Some(n), _) => n.clone(),
            (None, Some(earlier)) => format!("{earlier} {summary}"),
            (None, None) => summary.clone(),
        });
        entry.by = Some(request.by.name.clone());
        entry.at = Some(at.clone());
        // Setting a value says the round exists: drop a suppression of it.
        file.suppress.retain(|s| s.round != Some(round));
        file.round.push(entry);
        summary
    };
    Ok(Plan {
        company: company.name,
        round,
        field,
        summary,
        file_name: name,
        report: request.report,
        path,
        file,
    })
}

impl Plan {
    /// The file's new text.
    pub fn text(&self) -> Result<String> {
        let header = "# Written by fundbot from moderators' corrections (/correct); later corrections\n# of this round rewrite this file.\n\n";
        Ok(format!("{header}{}", self.file.to_toml()?))
    }

    /// Writes the file (to a temporary name first, then renamed, so a reindex never reads half
    /// of it).
    pub fn write(&self) -> Result<()> {
        let text = self.text()?;
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let tmp = dir.join(format!(".{}.tmp", self.file_name));
        std::fs::write(&tmp, text).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &self.path).map_err(|e| Error::io(&self.path, e))
    }
}

/// Writes a checked correction, closes the report it answers and reindexes with `reindex`.
/// A reindex that cannot run now (another is running) is reported in the result; the file
/// stays and applies at the next one.
pub fn apply(
    plan: &Plan,
    feedback: &FeedbackStore,
    by: &Person,
    reindex: impl FnOnce() -> Result<Summary>,
) -> Result<Applied> {
    plan.write()?;
    if let Some(id) = plan.report {
        feedback.close_report(
            id,
            by,
            &format!("corrected in facts/{}: {}", plan.file_name, plan.summary),
        )?;
    }
    let reindex = reindex().map_err(|e| e.to_string());
    Ok(Applied {
        summary: plan.summary.clone(),
        file: format!("facts/{}", plan.file_name),
        closed_report: plan.report,
        reindex,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_need_their_currency() {
        assert_eq!(
            parse_money("$25 million").unwrap(),
            Money::new(25_000_000, "USD")
        );
        assert_eq!(parse_money("€12m").unwrap(), Money::new(12_000_000, "EUR"));
        assert_eq!(
            parse_money("25000000 gbp").unwrap(),
            Money::new(25_000_000, "GBP")
        );
        for bad in [
            "25 million",
            "25000000",
            "lots",
            "",
            "$0",
            "about $5 million",
            "$5-6 million",
            "$5 million and more",
        ] {
            assert!(parse_money(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn dates_names_fields_and_rounds_are_checked() {
        assert_eq!(parse_date("2024-05").unwrap().iso(), "2024-05");
        assert_eq!(parse_date(" 2024-05-17 ").unwrap().iso(), "2024-05-17");
        for bad in ["2024-13", "2024-02-30", "May 2024", "1066", "24-05-17"] {
            assert!(parse_date(bad).is_err(), "{bad:?} must be refused");
        }
        assert_eq!(
            parse_names("Quarry Ventures,  Halden  Capital; quarry ventures").unwrap(),
            ["Quarry Ventures", "Halden Capital"]
        );
        assert!(parse_names(" , ;").is_err());
        assert_eq!(Field::parse("Lead").unwrap(), Field::Lead);
        assert!(Field::parse("ceo").is_err());
        assert_eq!(parse_round("Series B").unwrap(), RoundType::Series(1));
        assert!(parse_round("series z").is_err());
    }

    fn person(name: &str) -> Person {
        Person {
            id: name.into(),
            name: name.into(),
        }
    }

    fn request(field: &str, value: &str) -> Request {
        Request {
            company: "tessel robotics".into(),
            round: "Seed".into(),
            field: field.into(),
            value: value.into(),
            note: None,
            report: None,
            by: person("maria"),
        }
    }

    #[test]
    fn corrections_are_written_in_the_curated_format_and_build_on_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::new(dir.path().join("data"), dir.path().join("index"));
        let mut store = FactStore::in_memory().unwrap();
        let mut extracted = Round::new("Tessel Robotics", RoundType::Seed, "a.md");
        extracted.amount = Some(Money::new(4_000_000, "USD"));
        extracted.date = DateRef::month(2023, 3);
        let mut w = store.writer().unwrap();
        w.put_round(&extracted, false).unwrap();
        w.commit(1).unwrap();
        let feedback = FeedbackStore::open(&dir.path().join("f.sqlite")).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();

        let plan = super::plan(
            &paths,
            &store,
            &feedback,
            &request("valuation", "$40 million"),
            today,
        )
        .unwrap();
        assert_eq!(plan.file_name, "tessel-robotics-seed.toml");
        plan.write().unwrap();
        let mut second = request("lead", "Orchard Lane, Pike Angels");
        second.by = person("omar");
        second.note = Some("From the founders' post".into());
        super::plan(&paths, &store, &feedback, &second, today)
            .unwrap()
            .write()
            .unwrap();

        let loaded = curated::load(&paths.corrections());
        assert!(loaded.failures.is_empty(), "{:?}", loaded.failures);
        let [r] = loaded.rounds.as_slice() else {
            panic!("one curated round: {:?}", loaded.rounds)
        };
        assert_eq!(r.company, "Tessel Robotics");
        assert_eq!(
            r.amount,
            Some(Money::new(4_000_000, "USD")),
            "seeded from the article"
        );
        assert_eq!(r.date.map(|d| d.iso()).as_deref(), Some("2023-03"));
        assert_eq!(r.valuations[0].amount, Money::new(40_000_000, "USD"));
        assert_eq!(r.names(Role::Lead), ["Orchard Lane", "Pike Angels"]);
        assert_eq!(
            r.origin,
            Origin::Curated {
                file: "tessel-robotics-seed.toml".into(),
                by: "omar".into(),
                at: "2026-12-01".into(),
                note: Some("From the founders' post".into()),
            }
        );

        // Suppressing replaces the curated round by a suppression, in the same file.
        super::plan(
            &paths,
            &store,
            &feedback,
            &request("suppress", "yes"),
            today,
        )
        .unwrap()
        .write()
        .unwrap();
        let loaded = curated::load(&paths.corrections());
        assert!(loaded.rounds.is_empty());
        assert_eq!(loaded.suppressions.len(), 1);
        assert_eq!(loaded.suppressions[0].round, Some(RoundType::Seed));

        // A round corrected in a hand-written file is refused, and nothing changes.
        std::fs::write(
            paths.corrections().join("hand.toml"),
            "by = \"lee\"\nat = \"2024-01-01\"\n[[round]]\ncompany = \"Tessel Robotics\"\nround = \"seed\"\n",
        )
        .unwrap();
        let err = super::plan(&paths, &store, &feedback, &request("date", "2023"), today)
            .unwrap_err()
            .to_string();
        assert!(err.contains("hand.toml"), "{err}");
        // Nothing to suppress for a round the articles never gave.
        let mut none = request("suppress", "yes");
        none.round = "series b".into();
        assert!(super::plan(&paths, &store, &feedback, &none, today).is_err());
    }

    #[test]
    fn seeding_keeps_only_what_the_accounts_agree_on() {
        let mut a = Round::new("Tessel Robotics", RoundType::Seed, "a.md");
        a.amount = Some(Money::new(4_000_000, "USD"));
        a.date = DateRef::month(2023, 3);
        a.investors.push(crate::facts::Participation {
            name: "Orchard Lane".into(),
            role: Role::Lead,
            evidence: None,
        });
        let mut b = a.clone();
        b.article = "b.md".into();
        b.amount = Some(Money::new(5_000_000, "USD"));
        b.investors.push(crate::facts::Participation {
            name: "Pike Angels".into(),
            role: Role::Participant,
            evidence: None,
        });
        let s = seeded("Tessel Robotics", RoundType::Seed, &[a, b]);
        assert_eq!(s.amount, None, "the accounts disagree on the amount");
        assert_eq!(s.date.map(|d| d.iso()).as_deref(), Some("2023-03"));
        assert_eq!(s.lead, ["Orchard Lane"]);
        assert_eq!(s.investors, ["Pike Angels"]);
    }
}
