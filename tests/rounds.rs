//! Rounds across companies by filter (`fundbot rounds`), the same filters behind `ask`'s
//! cross-company questions, and funding charts (`fundbot chart`), over an own-words corpus with
//! known answers (`tests/fixtures/rounds`): seven rounds of five invented companies in dollars,
//! euros, rupees and yen, one round told by two outlets with different valuations.

mod common;

use common::Home;
use serde_json::Value;

fn home() -> Home {
    let home = Home::with_fixture_set("rounds");
    let out = home.run(&["reindex"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    home
}

/// (company, round label) of each listed round, in order.
fn listed(v: &Value) -> Vec<(String, String)> {
    v["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["round"]["company"].as_str().unwrap().to_string(),
                r["round"]["label"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn filters_pick_the_rounds_that_fit_and_sort_them() {
    let home = home();

    // Everything, newest first, two to a page: page 2 holds the third and fourth newest.
    let v = home.json(&["rounds", "--limit", "2", "--page", "2", "--json"]);
    assert_eq!(v["total"], 7);
    assert_eq!(v["pages"], 4);
    assert_eq!(
        listed(&v),
        pairs(&[("Lumora Health", "Series A"), ("Velloran", "Series B")])
    );

    // Series B rounds, newest first; the round two outlets told is listed once.
    let v = home.json(&["rounds", "--round", "series-b", "--json"]);
    assert_eq!(
        listed(&v),
        pairs(&[
            ("Quarrywell", "Series B"),
            ("Tessary", "Series B"),
            ("Velloran", "Series B")
        ])
    );

    // 2024's rounds by size: yen and rupees are ranked at 2024's average dollar rate.
    let v = home.json(&[
        "rounds", "--from", "2024", "--to", "2024", "--sort", "largest", "--json",
    ]);
    assert_eq!(
        listed(&v),
        pairs(&[
            ("Tessary", "Series B"),
            ("Velloran", "Series B"),
            ("Lumora Health", "Series A"),
            ("Ondrift", "seed round"),
        ])
    );
    let usd: Vec<u64> = v["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["usd"].as_u64().unwrap())
        .collect();
    // ¥8 billion ≈ $53 million; ₹150 crore ≈ $18 million.
    assert!((50_000_000..56_000_000).contains(&usd[1]), "{usd:?}");
    assert!((17_000_000..19_000_000).contains(&usd[2]), "{usd:?}");
    assert_eq!(v["rounds"][1]["converted"], true);
    assert_eq!(v["rounds"][0]["converted"], false);

    // An investor's rounds, led or joined.
    let v = home.json(&["rounds", "--investor", "oxbow partners", "--json"]);
    assert_eq!(
        listed(&v),
        pairs(&[
            ("Quarrywell", "Series B"),
            ("Tessary", "Series B"),
            ("Lumora Health", "Series A"),
            ("Quarrywell", "Series A"),
        ])
    );

    // A smallest amount compares across currencies; a currency keeps only its own.
    let v = home.json(&["rounds", "--min-amount", "$50 million", "--json"]);
    assert_eq!(v["total"], 3, "{v}");
    let v = home.json(&[
        "rounds",
        "--min-amount",
        "50m",
        "--currency",
        "usd",
        "--json",
    ]);
    assert_eq!(
        listed(&v),
        pairs(&[("Quarrywell", "Series B"), ("Tessary", "Series B")])
    );

    // Plain text names the filter and cites each round's article.
    let out = home.run(&["rounds", "--round", "seed"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("seed rounds, newest first (2 in all)"),
        "{text}"
    );
    assert!(
        text.contains("Ondrift") && text.contains("harbor.example/ondrift-seed"),
        "{text}"
    );
}

#[test]
fn bad_filters_are_refused_with_a_clear_reason() {
    let home = home();
    for (args, want) in [
        (
            vec!["rounds", "--from", "2025", "--to", "2024"],
            "starts (2025-01-01) after it ends (2024-12-31)",
        ),
        (vec!["rounds", "--round", "series-q"], "not a round type"),
        (vec!["rounds", "--min-amount", "-5m"], "not an amount"),
        (vec!["rounds", "--limit", "0"], "out of range"),
    ] {
        let out = home.run(&args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn ask_ranks_rounds_across_currencies_and_takes_a_smallest_amount() {
    let home = home();
    let v = home.json(&["ask", "what were the largest rounds in 2024?", "--json"]);
    let answer = v["answer"].as_str().unwrap();
    let tessary = answer.find("Tessary").expect(answer);
    let velloran = answer.find("Velloran").expect(answer);
    assert!(tessary < velloran, "{answer}");
    assert!(answer.contains("(≈ $5"), "{answer}");
    assert!(!answer.contains("not ranked"), "{answer}");

    let v = home.json(&["ask", "which rounds were over $100 million?", "--json"]);
    let answer = v["answer"].as_str().unwrap();
    assert!(answer.contains("Tessary"), "{answer}");
    assert!(
        !answer.contains("Velloran") && !answer.contains("Ondrift"),
        "{answer}"
    );
}

fn png_size(path: &std::path::Path) -> (u32, u32) {
    let img = image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (img.width(), img.height())
}

#[test]
fn charts_are_drawn_for_companies_and_investors_or_the_reason_is_said() {
    let home = home();
    let out = home.path().join("quarrywell.png");
    let v = home.json(&[
        "chart",
        "quarrywell",
        "--out",
        out.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(v["subject"], "Quarrywell");
    let bars = v["series"]["bars"].as_array().unwrap();
    assert_eq!(bars.len(), 3);
    // The euro round is drawn in dollars and keeps its stated figure.
    assert_eq!(bars[1]["stated"], "€14 million");
    assert_eq!(bars[1]["converted"], true);
    // Two outlets, two valuations of the Series B: both drawn, marked as differing.
    let vals = v["series"]["valuations"].as_array().unwrap();
    assert_eq!(vals.len(), 2);
    assert!(vals.iter().all(|p| p["disputed"] == true));
    let (w, h) = png_size(&out);
    assert_eq!(w, 1100);
    assert!(h > 560);

    // One round is still a picture.
    let one = home.path().join("ondrift.png");
    let status = home
        .run(&["chart", "Ondrift", "--out", one.to_str().unwrap()])
        .status;
    assert!(status.success());
    assert_eq!(png_size(&one).0, 1100);

    // An investor's deals, the led ones marked.
    let inv = home.path().join("kestrelmoor.png");
    let v = home.json(&[
        "chart",
        "--investor",
        "Kestrelmoor Capital",
        "--out",
        inv.to_str().unwrap(),
        "--json",
    ]);
    let bars = v["series"]["bars"].as_array().unwrap();
    assert_eq!(bars.len(), 2);
    assert!(bars.iter().all(|b| b["led"] == true));
    assert!(inv.is_file());

    // A company fundbot does not know: a sentence, no file, a distinct exit code.
    let none = home.path().join("none.png");
    let out = home.run(&["chart", "Nobody Inc", "--out", none.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no funding rounds"));
    assert!(!none.exists());
}
