//! A reindex killed with SIGKILL at any point leaves the previous committed state searchable,
//! and the next reindex finishes the job. The child process is really killed.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{article, Home};
use serde_json::Value;

const COMPANIES: usize = 24;

fn company(i: usize) -> String {
    format!("Company{i:02}")
}

/// Version 1 of the corpus: one article per company.
fn write_v1(home: &Home) {
    for i in 0..COMPANIES {
        home.write(
            &format!("c{i:02}.md"),
            &article(
                &company(i),
                "Series A",
                &format!("${} million", 10 + i),
                &format!("Backer{i:02}"),
                "2021-03-01",
            ),
        );
    }
}

/// Version 2: five changed, four new, three removed.
fn write_v2(home: &Home) {
    for i in 0..5 {
        home.write(
            &format!("c{i:02}.md"),
            &article(
                &company(i),
                "Series A",
                &format!("${} million", 500 + i),
                &format!("Newlead{i:02}"),
                "2021-03-01",
            ),
        );
    }
    for i in 0..4 {
        home.write(
            &format!("new{i}.md"),
            &article(
                &format!("Fresh{i}"),
                "seed",
                "$1 million",
                &format!("Freshlead{i}"),
                "2021-06-01",
            ),
        );
    }
    for i in 21..24 {
        std::fs::remove_file(home.articles().join(format!("c{i:02}.md"))).unwrap();
    }
}

fn amount_of(home: &Home, company: &str) -> Option<u64> {
    home.json(&["facts", company, "--json"])["rounds"][0]["amounts"][0]["amount"].as_u64()
}

fn search_count(home: &Home, query: &str) -> usize {
    home.json(&["search", query, "--json", "--limit", "50"])["hits"]
        .as_array()
        .unwrap()
        .len()
}

/// The state a finished v2 reindex must show.
fn assert_v2(home: &Home) {
    assert_eq!(amount_of(home, "Company00"), Some(500_000_000));
    assert_eq!(amount_of(home, "Company10"), Some(20_000_000));
    assert_eq!(amount_of(home, "Fresh3"), Some(1_000_000));
    assert_eq!(
        home.json(&["facts", "Company22", "--json"])["company"],
        Value::Null
    );
    assert_eq!(
        search_count(home, "Newlead00"),
        1,
        "exactly one copy of a changed article"
    );
    assert_eq!(search_count(home, "Backer00"), 0, "old version gone");
    assert_eq!(search_count(home, "Backer22"), 0, "removed article gone");
    let stats = home.json(&["reindex", "--json"]);
    assert_eq!(stats["articles"], 25, "{stats}");
    assert_eq!(stats["passages"], 50, "{stats}");
    assert_eq!(stats["unchanged"], 25, "{stats}");
}

/// Starts a reindex that pauses at `point`, waits for it to get there, and kills it.
fn kill_at(home: &Home, point: &str) {
    let mut child = home
        .cmd(&["reindex"])
        .env("FUNDBOT_FAULT_PAUSE", point)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut reached = false;
    for line in BufReader::new(stderr).lines() {
        if line.unwrap().contains(&format!("paused at {point}")) {
            reached = true;
            break;
        }
    }
    assert!(reached, "the reindex never reached {point}");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}

#[test]
fn a_reindex_killed_at_each_stage_leaves_the_last_state_and_is_finished_next_time() {
    for point in ["pending-recorded", "indexing", "index-committed"] {
        let home = Home::new();
        write_v1(&home);
        assert!(home.run(&["reindex"]).status.success());
        write_v2(&home);
        kill_at(&home, point);

        // The previous committed state still answers.
        let facts_amount = amount_of(&home, "Company00");
        assert_eq!(
            facts_amount,
            Some(10_000_000),
            "{point}: facts changed before their commit"
        );
        assert_eq!(amount_of(&home, "Company22"), Some(32_000_000), "{point}");
        if point != "index-committed" {
            assert_eq!(
                search_count(&home, "Backer00"),
                1,
                "{point}: passages changed before their commit"
            );
            assert_eq!(search_count(&home, "Newlead00"), 0, "{point}");
        }

        // The next run finishes the interrupted one.
        let summary = home.json(&["reindex", "--json"]);
        assert_eq!(summary["recovered"], true, "{point}: {summary}");
        assert_eq!(summary["failed"], 0, "{point}: {summary}");
        assert_v2(&home);
    }
}

#[test]
fn a_full_rebuild_killed_at_random_moments_always_recovers() {
    let home = Home::new();
    for i in 0..400 {
        home.write(
            &format!("bulk{i:03}.md"),
            &article(
                &format!("Bulk{i:03}"),
                "seed",
                "$3 million",
                &format!("Angel{i:03}"),
                "2022-01-01",
            ),
        );
    }
    assert!(home.run(&["reindex"]).status.success());
    let baseline = search_count(&home, "Angel007");
    assert_eq!(baseline, 1);
    for delay_ms in [30u64, 120, 260] {
        let mut child = home
            .cmd(&["reindex", "--full"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let until = Instant::now() + Duration::from_millis(delay_ms);
        while Instant::now() < until && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = child.kill();
        child.wait().unwrap();
        // Whatever the moment, the index answers and holds each article once.
        assert_eq!(
            search_count(&home, "Angel007"),
            1,
            "after a kill at {delay_ms} ms"
        );
        assert_eq!(amount_of(&home, "Bulk123"), Some(3_000_000));
    }
    let summary = home.json(&["reindex", "--json"]);
    assert_eq!(summary["failed"], 0);
    assert_eq!(summary["articles"], 400);
    assert_eq!(search_count(&home, "Angel399"), 1);
}
