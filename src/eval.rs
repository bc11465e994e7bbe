//! Measuring quality on labelled sets: extraction (precision, recall and F1 per field against a
//! gold file) and answers (a question set with expected answers).
//!
//! The labels live in `tests/eval/*/`; see the README there. Nothing here or elsewhere in the
//! library knows any labelled article, company or question.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::facts::curated::LabelledRound;
use crate::facts::names::key;
use crate::facts::{Origin, Role, Round};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    #[serde(default)]
    round: Vec<LabelledRound>,
}

/// Reads a gold file (`[[round]]` tables).
pub fn load_gold(path: &Path) -> Result<Vec<LabelledRound>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let gold: GoldFile = toml::from_str(&text).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    Ok(gold.round)
}

/// The fields scored, in report order.
pub const FIELDS: [&str; 7] = [
    "company",
    "round",
    "amount",
    "date",
    "lead",
    "investors",
    "valuation",
];

/// Counts and scores for one field.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FieldScore {
    /// Field name.
    pub field: String,
    /// Values found and right.
    pub true_positives: u64,
    /// Values found but wrong or extra.
    pub false_positives: u64,
    /// Values missed.
    pub false_negatives: u64,
    /// TP / (TP + FP).
    pub precision: f64,
    /// TP / (TP + FN).
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

/// The result of `eval-facts`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FactsEval {
    /// Rounds in the gold file.
    pub gold_rounds: u64,
    /// Rounds the extractor found.
    pub predicted_rounds: u64,
    /// Pairs matched between the two.
    pub matched_rounds: u64,
    /// Scores per field.
    pub fields: Vec<FieldScore>,
    /// What differs, one line per difference, for people tuning the extractor.
    pub differences: Vec<String>,
}

impl FactsEval {
    /// The score of a field.
    pub fn field(&self, name: &str) -> Option<&FieldScore> {
        self.fields.iter().find(|f| f.field == name)
    }
}

fn values(field: &str, r: &Round) -> Vec<String> {
    match field {
        "company" => vec![key(&r.company)],
        "round" => vec![r.round.name()],
        "amount" => r
            .amount
            .iter()
            .map(|m| format!("{} {}", m.amount, m.currency))
            .collect(),
        "date" => r.date.iter().map(|d| d.iso()).collect(),
        "lead" => r
            .investors
            .iter()
            .filter(|p| p.role == Role::Lead)
            .map(|p| key(&p.name))
            .collect(),
        "investors" => r
            .investors
            .iter()
            .filter(|p| p.role == Role::Participant)
            .map(|p| key(&p.name))
            .collect(),
        "valuation" => r
            .valuations
            .iter()
            .map(|v| format!("{} {}", v.amount.amount, v.amount.currency))
            .collect(),
        _ => Vec::new(),
    }
}

fn pair_score(g: &Round, p: &Round) -> f64 {
    let company =
        key(&g.company) == key(&p.company) || crate::facts::names::similar(&g.company, &p.company);
    let mut s = if company { 2.0 } else { 0.0 };
    if g.round == p.round {
        s += 1.0;
    }
    if g.amount.is_some() && g.amount == p.amount {
        s += 1.0;
    }
    if g.date.is_some() && g.date == p.date {
        s += 0.5;
    }
    s
}

/// Scores extracted rounds against gold rounds, article by article.
pub fn eval_facts(predicted: &[Round], gold: &[LabelledRound]) -> FactsEval {
    let gold: Vec<Round> = gold.iter().map(|g| g.to_round(Origin::Extracted)).collect();
    let predicted: Vec<&Round> = predicted
        .iter()
        .filter(|r| matches!(r.origin, Origin::Extracted))
        .collect();
    let mut by_article: HashMap<&str, (Vec<&Round>, Vec<&Round>)> = HashMap::new();
    for g in &gold {
        by_article.entry(g.article.as_str()).or_default().0.push(g);
    }
    for p in &predicted {
        by_article.entry(p.article.as_str()).or_default().1.push(p);
    }
    let mut counts: HashMap<&str, (u64, u64, u64)> =
        FIELDS.iter().map(|f| (*f, (0, 0, 0))).collect();
    let mut result = FactsEval {
        gold_rounds: gold.len() as u64,
        predicted_rounds: predicted.len() as u64,
        ..FactsEval::default()
    };
    let mut articles: Vec<&&str> = by_article.keys().collect();
    articles.sort();
    for article in articles {
        let (gs, ps) = &by_article[*article];
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, g) in gs.iter().enumerate() {
            for (j, p) in ps.iter().enumerate() {
                let s = pair_score(g, p);
                if s >= 2.0 || (g.round == p.round && g.amount.is_some() && g.amount == p.amount) {
                    pairs.push((s, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut g_used = vec![None; gs.len()];
        let mut p_used = vec![false; ps.len()];
        for (_, i, j) in pairs {
            if g_used[i].is_none() && !p_used[j] {
                g_used[i] = Some(j);
                p_used[j] = true;
            }
        }
        for (i, g) in gs.iter().enumerate() {
            match g_used[i] {
                Some(j) => {
                    result.matched_rounds += 1;
                    let p = ps[j];
                    for field in FIELDS {
                        let (gv, pv) = (values(field, g), values(field, p));
                        let tp = gv.iter().filter(|v| pv.contains(v)).count() as u64;
                        let c = counts.get_mut(field).expect("field");
                        c.0 += tp;
                        c.1 += pv.len() as u64 - tp;
                        c.2 += gv.len() as u64 - tp;
                        if gv.len() as u64 != tp || pv.len() as u64 != tp {
                            result.differences.push(format!(
                                "{article} {} {}: {field} expected {gv:?}, got {pv:?}",
                                g.company,
                                g.round.name()
                            ));
                        }
                    }
                }
                None => {
                    for field in FIELDS {
                        counts.get_mut(field).expect("field").2 += values(field, g).len() as u64;
                    }
                    result.differences.push(format!(
                        "{article}: missed {} {} {:?}",
                        g.company,
                        g.round.name(),
                        g.amount.as_ref().map(|m| m.to_string())
                    ));
                }
            }
        }
        for (j, p) in ps.iter().enumerate() {
            if !p_used[j] {
                for field in FIELDS {
                    counts.get_mut(field).expect("field").1 += values(field, p).len() as u64;
                }
                result.differences.push(format!(
                    "{article}: extra {} {} {:?} leads {:?}",
                    p.company,
                    p.round.name(),
                    p.amount.as_ref().map(|m| m.to_string()),
                    p.names(Role::Lead)
                ));
            }
        }
    }
    for field in FIELDS {
        let (tp, fp, fneg) = counts[field];
        let precision = if tp + fp == 0 {
            1.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let recall = if tp + fneg == 0 {
            1.0
        } else {
            tp as f64 / (tp + fneg) as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        result.fields.push(FieldScore {
            field: field.to_string(),
            true_positives: tp,
            false_positives: fp,
            false_negatives: fneg,
            precision,
            recall,
            f1,
        });
    }
    result
}

/// The table printed by `eval-facts`.
pub fn render_facts_eval(e: &FactsEval) -> String {
    let mut out = format!(
        "rounds: {} gold, {} extracted, {} matched\n\n{:<10} {:>9} {:>9} {:>9} {:>5} {:>5} {:>5}\n",
        e.gold_rounds,
        e.predicted_rounds,
        e.matched_rounds,
        "field",
        "precision",
        "recall",
        "F1",
        "TP",
        "FP",
        "FN"
    );
    for f in &e.fields {
        out.push_str(&format!(
            "{:<10} {:>9.3} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}\n",
            f.field,
            f.precision,
            f.recall,
            f.f1,
            f.true_positives,
            f.false_positives,
            f.false_negatives
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Money, Participation, RoundType};

    fn gold(text: &str) -> Vec<LabelledRound> {
        toml::from_str::<GoldFile>(text).unwrap().round
    }

    #[test]
    fn scores_count_values_per_field() {
        let gold = gold(
            r#"
[[round]]
article = "a.md"
company = "SenseTime"
round = "series_c"
amount = 600000000
currency = "USD"
date = "2018-04"
lead = ["Alibaba"]
investors = ["Suning.com", "Temasek"]

[[round]]
article = "b.md"
company = "Acme"
round = "seed"
"#,
        );
        let mut p = Round::new("SenseTime Group", RoundType::Series(2), "a.md");
        p.amount = Some(Money::new(600_000_000, "USD"));
        p.investors.push(Participation {
            name: "Alibaba Group".into(),
            role: Role::Lead,
            evidence: None,
        });
        p.investors.push(Participation {
            name: "Temasek".into(),
            role: Role::Participant,
            evidence: None,
        });
        p.investors.push(Participation {
            name: "Qualcomm".into(),
            role: Role::Participant,
            evidence: None,
        });
        let extra = Round::new("Globex", RoundType::Unknown, "c.md");
        let e = eval_facts(&[p, extra], &gold);
        assert_eq!(
            (e.gold_rounds, e.predicted_rounds, e.matched_rounds),
            (2, 2, 1)
        );
        let inv = e.field("investors").unwrap();
        assert_eq!(
            (inv.true_positives, inv.false_positives, inv.false_negatives),
            (1, 1, 1)
        );
        let lead = e.field("lead").unwrap();
        assert_eq!(lead.f1, 1.0);
        let company = e.field("company").unwrap();
        assert_eq!(
            (
                company.true_positives,
                company.false_positives,
                company.false_negatives
            ),
            (1, 1, 1)
        );
        let date = e.field("date").unwrap();
        assert_eq!((date.true_positives, date.false_negatives), (0, 1));
        assert!(e.differences.iter().any(|d| d.contains("missed Acme")));
    }
}

/// A labelled question (see `tests/eval/README.md`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledQuestion {
    /// The question as typed.
    pub q: String,
    /// The intent label, for the per-intent report.
    pub intent: String,
    /// Whether the corpus answers it.
    pub answerable: bool,
    /// Names the answer must contain.
    #[serde(default)]
    pub expect: Vec<String>,
    /// Amounts the answer must state ("600000000 USD").
    #[serde(default)]
    pub expect_amount: Vec<String>,
    /// Dates the answer must state (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    #[serde(default)]
    pub expect_date: Vec<String>,
    /// Articles of which at least one must be cited.
    #[serde(default)]
    pub cite: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    #[serde(default)]
    question: Vec<LabelledQuestion>,
}

/// Reads a question file (`[[question]]` tables).
pub fn load_questions(path: &Path) -> Result<Vec<LabelledQuestion>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let file: QuestionFile = toml::from_str(&text).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    Ok(file.question)
}

/// How one question went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    /// The question.
    pub q: String,
    /// Its intent label.
    pub intent: String,
    /// Whether it is answerable.
    pub answerable: bool,
    /// Whether fundbot answered.
    pub answered: bool,
    /// Whether that was right.
    pub correct: bool,
    /// What was wrong, if anything.
    pub problem: Option<String>,
    /// fundbot's answer.
    pub answer: String,
}

/// Scores for one intent.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IntentScore {
    /// Intent label.
    pub intent: String,
    /// Answerable questions.
    pub answerable: u64,
    /// Of those, answered correctly with a right citation.
    pub answerable_correct: u64,
    /// Unanswerable questions.
    pub unanswerable: u64,
    /// Of those, declined.
    pub unanswerable_declined: u64,
}

/// The result of `fundbot eval`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AnswerEval {
    /// Questions asked.
    pub questions: u64,
    /// Answerable questions.
    pub answerable: u64,
    /// Answered correctly with a right citation.
    pub answerable_correct: u64,
    /// Unanswerable questions.
    pub unanswerable: u64,
    /// Declined, as they should be.
    pub unanswerable_declined: u64,
    /// `answerable_correct / answerable`.
    pub answer_accuracy: f64,
    /// `unanswerable_declined / unanswerable`.
    pub decline_accuracy: f64,
    /// Per intent.
    pub by_intent: Vec<IntentScore>,
    /// Every question's result.
    pub results: Vec<QuestionResult>,
}

fn normalise(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', '‘'], "'")
}

/// Judges one reply against its label.
pub fn judge(label: &LabelledQuestion, reply: &crate::answer::Reply) -> QuestionResult {
    let mut problem = None;
    let answer = normalise(&reply.answer);
    if !label.answerable {
        if reply.answered {
            problem = Some("answered an unanswerable question".to_string());
        }
    } else if !reply.answered {
        problem = Some("declined".to_string());
    } else {
        for name in &label.expect {
            if !answer.contains(&normalise(name)) {
                problem = Some(format!("answer lacks {name:?}"));
                break;
            }
        }
        if problem.is_none() {
            for a in &label.expect_amount {
                match crate::facts::Money::parse_labelled(a) {
                    Some(m) if answer.contains(&normalise(&m.to_string())) => {}
                    Some(m) => {
                        problem = Some(format!("answer lacks {}", m));
                        break;
                    }
                    None => {
                        problem = Some(format!("bad expect_amount {a:?}"));
                        break;
                    }
                }
            }
        }
        if problem.is_none() {
            for d in &label.expect_date {
                match crate::facts::DateRef::parse_iso(d) {
                    Some(date) if answer.contains(&normalise(&date.human())) => {}
                    Some(date) => {
                        problem = Some(format!("answer lacks {}", date.human()));
                        break;
                    }
                    None => {
                        problem = Some(format!("bad expect_date {d:?}"));
                        break;
                    }
                }
            }
        }
        if problem.is_none()
            && !label.cite.is_empty()
            && !reply
                .citations
                .iter()
                .any(|c| label.cite.contains(&c.article))
        {
            problem = Some(format!("cites none of {:?}", label.cite));
        }
    }
    QuestionResult {
        q: label.q.clone(),
        intent: label.intent.clone(),
        answerable: label.answerable,
        answered: reply.answered,
        correct: problem.is_none(),
        problem,
        answer: reply.answer.clone(),
    }
}

/// Scores a question set with `ask`.
pub fn eval_questions(
    questions: &[LabelledQuestion],
    mut ask: impl FnMut(&str) -> Result<crate::answer::Reply>,
) -> Result<AnswerEval> {
    let mut e = AnswerEval::default();
    let mut intents: Vec<IntentScore> = Vec::new();
    for label in questions {
        let reply = ask(&label.q)?;
        let r = judge(label, &reply);
        let slot = match intents.iter().position(|i| i.intent == label.intent) {
            Some(i) => i,
            None => {
                intents.push(IntentScore {
                    intent: label.intent.clone(),
                    ..IntentScore::default()
                });
                intents.len() - 1
            }
        };
        let s = &mut intents[slot];
        e.questions += 1;
        if label.answerable {
            e.answerable += 1;
            s.answerable += 1;
            if r.correct {
                e.answerable_correct += 1;
                s.answerable_correct += 1;
            }
        } else {
            e.unanswerable += 1;
            s.unanswerable += 1;
            if r.correct {
                e.unanswerable_declined += 1;
                s.unanswerable_declined += 1;
            }
        }
        e.results.push(r);
    }
    intents.sort_by(|a, b| a.intent.cmp(&b.intent));
    e.by_intent = intents;
    e.answer_accuracy = if e.answerable == 0 {
        1.0
    } else {
        e.answerable_correct as f64 / e.answerable as f64
    };
    e.decline_accuracy = if e.unanswerable == 0 {
        1.0
    } else {
        e.unanswerable_declined as f64 / e.unanswerable as f64
    };
    Ok(e)
}

/// The table printed by `fundbot eval`.
pub fn render_answer_eval(e: &AnswerEval, verbose: bool) -> String {
    let mut out = format!(
        "answerable: {}/{} correct ({:.1}%)\nunanswerable: {}/{} declined ({:.1}%)\n\n{:<10} {:>12} {:>14}\n",
        e.answerable_correct,
        e.answerable,
        100.0 * e.answer_accuracy,
        e.unanswerable_declined,
        e.unanswerable,
        100.0 * e.decline_accuracy,
        "intent",
        "answerable",
        "unanswerable"
    );
    for i in &e.by_intent {
        out.push_str(&format!(
            "{:<10} {:>12} {:>14}\n",
            i.intent,
            format!("{}/{}", i.answerable_correct, i.answerable),
            format!("{}/{}", i.unanswerable_declined, i.unanswerable)
        ));
    }
    let failures: Vec<&QuestionResult> = e.results.iter().filter(|r| !r.correct).collect();
    if !failures.is_empty() {
        out.push_str(&format!(
            "\n{} failure{}",
            failures.len(),
            if failures.len() == 1 { "" } else { "s" }
        ));
        out.push_str(if verbose {
            ":\n"
        } else {
            " (--verbose lists them)\n"
        });
        if verbose {
            for f in failures {
                out.push_str(&format!(
                    "- [{}] {:?}: {}\n    {}\n",
                    f.intent,
                    f.q,
                    f.problem.as_deref().unwrap_or(""),
                    f.answer
                ));
            }
        }
    }
    out
}
