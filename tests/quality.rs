//! Quality must not slip: extraction F1 per field and answer accuracy on every labelled set stay
//! at or above the last measured figures in `tests/eval/floors.toml`.
//!
//! The sets and their labels are described in `tests/eval/README.md`. When a change improves the
//! figures, raise the floors in the same commit.

use std::path::{Path, PathBuf};

use fundbot::answer::Context;
use fundbot::config::Paths;
use fundbot::eval;
use fundbot::facts::store::FactStore;
use fundbot::reindex::{self, Options, Silent};
use fundbot::service::Fundbot;
use serde::Deserialize;

#[derive(Deserialize)]
struct Floor {
    /// Minimum F1 per field.
    facts: std::collections::BTreeMap<String, f64>,
    /// Minimum share of answerable questions answered right.
    answers: f64,
    /// Minimum share of unanswerable questions declined.
    declines: f64,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The data directory, gold files and question files of a set (labels may be split in parts).
fn set(name: &str) -> Option<(PathBuf, Vec<PathBuf>, Vec<PathBuf>)> {
    let dir = root().join("tests/eval").join(name);
    let data = if name == "demo" {
        root().join("data")
    } else {
        dir.clone()
    };
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    golds.sort();
    let gold: Vec<PathBuf> = golds
        .iter()
        .filter(|p| name_of(p).starts_with("gold"))
        .cloned()
        .collect();
    let questions: Vec<PathBuf> = golds
        .iter()
        .filter(|p| name_of(p).starts_with("questions"))
        .cloned()
        .collect();
    (!gold.is_empty()).then_some((data, gold, questions))
}

fn name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn check(name: &str, floor: &Floor) {
    let Some((data, gold, questions)) = set(name) else {
        panic!("labelled set {name} is missing or has no gold file");
    };
    let index = tempfile::tempdir().unwrap();
    let paths = Paths::new(&data, index.path());
    let summary = reindex::reindex(
        &paths,
        &Options {
            full: true,
            holder: "quality test".into(),
            progress: &Silent,
        },
    )
    .unwrap();
    assert_eq!(summary.failed, 0, "{name}: {:?}", summary.failures);

    let store = FactStore::open_readonly(&paths.store()).unwrap();
    let gold: Vec<_> = gold
        .iter()
        .flat_map(|g| eval::load_gold(g).unwrap())
        .collect();
    let facts = eval::eval_facts(&store.all_rounds().unwrap(), &gold);
    let mut problems = Vec::new();
    for (field, min) in &floor.facts {
        let f1 = facts
            .field(field)
            .unwrap_or_else(|| panic!("unknown field {field}"))
            .f1;
        if f1 + 1e-9 < *min {
            problems.push(format!("{field} F1 {f1:.3} < {min:.3}"));
        }
    }

    let bot = Fundbot::open(&paths).unwrap();
    let mut labels = Vec::new();
    for q in &questions {
        labels.extend(eval::load_questions(q).unwrap());
    }
    let answers = eval::eval_questions(&labels, |q| bot.ask(q, &Context::default())).unwrap();
    if answers.answer_accuracy + 1e-9 < floor.answers {
        problems.push(format!(
            "answer accuracy {:.3} < {:.3}",
            answers.answer_accuracy, floor.answers
        ));
    }
    if answers.decline_accuracy + 1e-9 < floor.declines {
        problems.push(format!(
            "decline accuracy {:.3} < {:.3}",
            answers.decline_accuracy, floor.declines
        ));
    }
    assert!(
        problems.is_empty(),
        "{name} slipped below its floors:\n{}\n\n{}\n{}",
        problems.join("\n"),
        eval::render_facts_eval(&facts),
        eval::render_answer_eval(&answers, true)
    );
}

fn floors() -> std::collections::BTreeMap<String, Floor> {
    let text = std::fs::read_to_string(root().join("tests/eval/floors.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

#[test]
fn every_labelled_set_stays_at_or_above_its_floors() {
    let floors = floors();
    assert!(floors.contains_key("demo") && floors.contains_key("tuning"));
    for (name, floor) in &floors {
        check(name, floor);
    }
}
