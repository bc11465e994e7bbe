//! The `ask` and `facts` commands end to end: the JSON contract, moderators' corrections, and
//! calm replies to hostile or odd questions.

mod common;

use common::{article, Home};
use serde_json::Value;

fn corpus() -> Home {
    let home = Home::new();
    home.write(
        "acme.md",
        &article(
            "Acme Robotics",
            "Series B",
            "$40 million",
            "Northwind Ventures",
            "2022-03-14",
        ),
    );
    home.write(
        "brill.md",
        "---\ntitle: Brill Health valued at $1 billion\nsource: Test Wire\nurl: https://wire.example/brill\npublished: 2023-06-01\n---\n\
         Brill Health has raised $80 million in a Series C round led by Octave Partners, valuing the company at $1 billion.\n",
    );
    home
}

#[test]
fn ask_builds_the_index_and_follows_the_json_contract() {
    let home = corpus();
    let out = home.run(&["ask", "Who led Acme Robotics' Series B?", "--json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["answered"], true);
    assert!(
        v["answer"].as_str().unwrap().contains("Northwind Ventures"),
        "{v}"
    );
    let c = &v["citations"][0];
    assert_eq!(c["article"], "acme.md");
    for field in ["title", "source", "url", "published", "passage"] {
        assert!(c[field].is_string(), "citation lacks {field}: {c}");
    }
    let (s, e) = (
        c["highlight"][0].as_u64().unwrap() as usize,
        c["highlight"][1].as_u64().unwrap() as usize,
    );
    assert!(c["passage"].as_str().unwrap()[s..e].contains("led by Northwind"));
    assert_eq!(v["understood"]["intent"], "lead");
    assert_eq!(v["understood"]["company"], "Acme Robotics");
}

#[test]
fn unknown_companies_rounds_and_attributes_are_declined() {
    let home = corpus();
    for (q, says) in [
        (
            "Who led Zentrix's Series A?",
            "no funding rounds for Zentrix",
        ),
        (
            "Who led Acme Robotics' Series D?",
            "no Series D for Acme Robotics",
        ),
        (
            "What is Acme Robotics valued at?",
            "don't state a valuation",
        ),
    ] {
        let v = home.json(&["ask", q, "--json"]);
        assert_eq!(v["answered"], false, "{q}: {v}");
        assert!(v["answer"].as_str().unwrap().contains(says), "{q}: {v}");
        assert_eq!(v["citations"], serde_json::json!([]));
    }
    // A question about an absent company is never answered with a present one's facts.
    let v = home.json(&["ask", "How much did Acme Robotix raise?", "--json"]);
    assert!(v["answered"] == false || v["answer"].as_str().unwrap().contains("Acme Robotics"));
}

#[test]
fn hostile_and_odd_questions_get_a_calm_reply() {
    let home = corpus();
    let long = "how much ".repeat(1200);
    for q in [
        "",
        "   ",
        "🚀🚀🚀",
        "誰がシリーズCを主導しましたか",
        "title:(Acme AND \"Series B",
        "'; DROP TABLE rounds; --",
        "**who** led `acme robotics`?",
        "@everyone who led <@&123> Acme Robotics' Series B",
        long.as_str(),
        "\u{0007}\u{202e}acme\t\r\n",
    ] {
        let out = home.run(&["ask", q, "--json"]);
        assert!(
            out.status.success(),
            "{q:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            v["answer"].as_str().is_some_and(|a| !a.is_empty()),
            "{q:?}: {v}"
        );
    }
    let v = home.json(&[
        "ask",
        "@everyone who led <@&123> Acme Robotics' Series B",
        "--json",
    ]);
    assert!(
        v["answer"].as_str().unwrap().contains("Northwind"),
        "mentions do not hide the question: {v}"
    );
}

#[test]
fn moderators_corrections_win_and_are_cited_as_such() {
    let home = corpus();
    std::fs::write(
        home.data().join("facts/acme.toml"),
        "by = \"maria\"\nat = \"2024-05-01\"\n\n[[round]]\ncompany = \"Acme Robotics\"\nround = \"series_b\"\namount = 45000000\ncurrency = \"USD\"\ndate = \"2022-03\"\nlead = [\"Northwind Ventures\"]\nnote = \"Amount confirmed with the company\"\n\n[[suppress]]\ncompany = \"Brill Health\"\nround = \"series_c\"\n",
    )
    .unwrap();
    assert!(home.run(&["reindex"]).status.success());
    let v = home.json(&[
        "ask",
        "How much did Acme Robotics raise in its Series B?",
        "--json",
    ]);
    assert!(v["answer"].as_str().unwrap().contains("$45 million"), "{v}");
    let c = &v["citations"][0];
    assert_eq!(c["title"], "Moderator correction");
    assert_eq!(c["correction"]["by"], "maria");
    let facts = home.json(&["facts", "Brill Health", "--json"]);
    assert_eq!(
        facts["rounds"],
        serde_json::json!([]),
        "a suppressed round is hidden: {facts}"
    );

    // A broken corrections file is reported, not fatal.
    std::fs::write(home.data().join("facts/broken.toml"), "by = [").unwrap();
    let out = home.run(&["reindex"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stdout).contains("facts/broken.toml"));
}

#[test]
fn facts_lists_a_companys_rounds_and_an_investors_with_citations() {
    let home = corpus();
    let v = home.json(&["facts", "brill health inc.", "--json"]);
    assert_eq!(v["company"], "Brill Health");
    let r = &v["rounds"][0];
    assert_eq!(r["round"], "series_c");
    assert_eq!(r["amounts"][0]["amount"], 80_000_000);
    assert_eq!(r["leads"][0]["name"], "Octave Partners");
    assert_eq!(r["valuations"][0]["amount"], 1_000_000_000);
    assert!(!v["citations"].as_array().unwrap().is_empty());
    let v = home.json(&["facts", "--investor", "Octave Partners", "--json"]);
    assert_eq!(v["rounds"][0]["lead"], true);
    assert_eq!(v["rounds"][0]["round"]["company"], "Brill Health");
}

#[test]
fn a_named_round_without_a_date_answers_a_question_that_gives_a_year() {
    let home = Home::new();
    home.write(
        "ardent.md",
        "---\ntitle: Ardent Loom raises a Series A\nsource: Test Wire\nurl: https://wire.example/ardent\n---\n\
         Ardent Loom has raised $6 million in a Series A round led by Copperfield Ventures.\n",
    );
    home.write(
        "brisk.md",
        &article(
            "Brisk Ledger",
            "Series A",
            "$9 million",
            "Halyard Capital",
            "2021-05-03",
        ),
    );
    let v: Value = home.json(&[
        "ask",
        "who led ardent loom's series a back in 2017",
        "--json",
    ]);
    assert_eq!(v["answered"], true, "{v}");
    assert!(
        v["answer"]
            .as_str()
            .unwrap()
            .contains("Copperfield Ventures"),
        "{v}"
    );
    // A dated round outside the year is another round: declined.
    let v: Value = home.json(&["ask", "who led brisk ledger's series a in 2017", "--json"]);
    assert_eq!(v["answered"], false, "{v}");
}
