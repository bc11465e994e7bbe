//! Feedback on answers and moderators' corrections, end to end: the real `fundbot serve` against
//! the fake Discord (buttons are component interactions, the Report form a modal submit), and
//! the same work from the command line.

mod common;

use std::time::Duration;

use common::bot::{self, MODERATOR_ROLE};
use common::fake_discord::{
    self, button_click, button_ids, command, from_user, modal_submit, FakeDiscord, APP_ID,
    GUILD_ID, MEMBER_PERMISSIONS,
};
use common::{article, Home};
use fundbot::feedback::FeedbackStore;
use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(30);
const ANA: (&str, &str) = ("900000000000000061", "ana");
const BEN: (&str, &str) = ("900000000000000062", "ben");
const MARIA: (&str, &str) = ("900000000000000070", "maria");

/// Two invented companies, indexed.
fn home() -> Home {
    let home = Home::new();
    home.write(
        "quillmoss.md",
        &article(
            "Quillmoss Labs",
            "Series A",
            "$12 million",
            "Halden Capital",
            "2024-03-05",
        ),
    );
    home.write(
        "tarnwick.md",
        &article(
            "Tarnwick Foods",
            "seed",
            "$2 million",
            "Orrin Angels",
            "2023-08-01",
        ),
    );
    assert_eq!(home.run(&["reindex"]).status.code(), Some(0));
    home
}

fn feedback(home: &Home) -> FeedbackStore {
    FeedbackStore::open(&home.data().join("feedback.sqlite")).unwrap()
}

fn text_of(body: &Value) -> String {
    let mut out = body["data"]["content"].as_str().unwrap_or("").to_string();
    out = out.replace('\\', "");
    for e in body["data"]["embeds"].as_array().into_iter().flatten() {
        out.push_str(&format!(" {}", fake_discord::embed_text(e)));
    }
    out
}

fn ephemeral(body: &Value) -> bool {
    body["data"]["flags"].as_u64().is_some_and(|f| f & 64 != 0)
}

async fn ask(fake: &FakeDiscord, id: &str, question: &str) -> Value {
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            id,
            "ask",
            json!([{ "name": "question", "type": 3, "value": question }]),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    fake.callback(id).await
}

async fn click(fake: &FakeDiscord, id: &str, custom_id: &str, user: (&str, &str)) -> Value {
    fake.dispatch(
        "INTERACTION_CREATE",
        from_user(
            button_click(id, custom_id, MEMBER_PERMISSIONS, &[]),
            user.0,
            user.1,
        ),
    );
    fake.callback(id).await
}

/// Clicks Report on an answer and submits the form; returns the confirmation.
async fn report(
    fake: &FakeDiscord,
    ids: (&str, &str),
    report_button: &str,
    user: (&str, &str),
    text: &str,
) -> Value {
    let form = click(fake, ids.0, report_button, user).await;
    assert_eq!(form["type"], 9, "Report opens a modal: {form}");
    let modal_id = form["data"]["custom_id"].as_str().unwrap().to_string();
    let input = form["data"]["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap()
        .to_string();
    fake.dispatch(
        "INTERACTION_CREATE",
        from_user(
            modal_submit(ids.1, &modal_id, &[(&input, text)], MEMBER_PERMISSIONS, &[]),
            user.0,
            user.1,
        ),
    );
    fake.callback(ids.1).await
}

fn moderator_command(id: &str, name: &str, options: Value) -> Value {
    from_user(
        command(id, name, options, MEMBER_PERMISSIONS, &[MODERATOR_ROLE]),
        MARIA.0,
        MARIA.1,
    )
}

fn correct_options(company: &str, round: &str, field: &str, value: &str) -> Value {
    json!([
        { "name": "company", "type": 3, "value": company },
        { "name": "round", "type": 3, "value": round },
        { "name": "field", "type": 3, "value": field },
        { "name": "value", "type": 3, "value": value },
    ])
}

fn facts_files(home: &Home) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(home.data().join("facts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_and_reports_are_recorded_reviewed_and_a_correction_closes_the_report_and_changes_the_answer(
) {
    let home = home();
    let fake = FakeDiscord::start().await;
    let _bot = bot::start(&home, &fake, &[("FUNDBOT_RATE_LIMIT", "1000")]);
    fake.wait_identified(WAIT).await;
    let put = fake
        .wait_for("command registration", WAIT, |r| {
            r.method == "PUT"
                && r.path == format!("/api/v10/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
        })
        .await;
    let names: Vec<&str> = put
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"review") && names.contains(&"correct"),
        "{names:?}"
    );

    // Every /ask reply carries 👍, 👎 and Report.
    let body = ask(
        &fake,
        "960000000000000001",
        "Who led Quillmoss Labs' Series A?",
    )
    .await;
    assert!(text_of(&body).contains("Halden Capital"), "{body}");
    let buttons = button_ids(&body);
    assert_eq!(buttons.len(), 3, "{body}");
    let (up, down, report_button) = (&buttons[0], &buttons[1], &buttons[2]);
    assert!(up.starts_with("fb:up:") && down.starts_with("fb:down:"));
    assert!(report_button.starts_with("fb:report:"));
    let components = &body["data"]["components"][0]["components"];
    assert_eq!(components[0]["emoji"]["name"], "👍");
    assert_eq!(components[1]["emoji"]["name"], "👎");
    assert_eq!(components[2]["label"], "Report");

    // Votes: one per person and answer; a second click of the same vote counts once.
    let r = click(&fake, "960000000000000002", up, ANA).await;
    assert!(ephemeral(&r) && text_of(&r).contains("recorded"), "{r}");
    let r = click(&fake, "960000000000000003", up, ANA).await;
    assert!(text_of(&r).contains("counts once"), "{r}");
    click(&fake, "960000000000000004", down, BEN).await;
    let answer_id: i64 = up.split(':').nth(2).unwrap().parse().unwrap();
    assert_eq!(feedback(&home).tally(answer_id).unwrap(), (1, 1));

    // The Report modal records the question, answer, citations, user and time.
    let r = report(
        &fake,
        ("960000000000000005", "960000000000000006"),
        report_button,
        BEN,
        "The lead was Marlow Bridge Partners, not Halden Capital.",
    )
    .await;
    assert!(ephemeral(&r), "{r}");
    assert!(text_of(&r).contains("report #1"), "{r}");
    let stored = feedback(&home).report_by_id(1).unwrap().unwrap();
    assert_eq!(stored.user_name, "ben");
    assert_eq!(stored.user_id, BEN.0);
    assert!(stored.text.contains("Marlow Bridge Partners"));
    assert_eq!(stored.answer.question, "Who led Quillmoss Labs' Series A?");
    assert!(stored.answer.answer.contains("Halden Capital"));
    assert!(stored.answer.citations[0]
        .passage
        .contains("led by Halden Capital"));
    assert!(!stored.at.is_empty() && stored.closed_at.is_none());

    // Old or foreign buttons are answered calmly and change nothing.
    let stale = format!("fb:up:{}:{}", answer_id + 100, "0123abcd");
    let r = click(&fake, "960000000000000007", &stale, ANA).await;
    assert!(
        ephemeral(&r) && text_of(&r).contains("no longer have"),
        "{r}"
    );
    let r = click(&fake, "960000000000000008", "someone-elses:button", ANA).await;
    assert!(
        ephemeral(&r) && text_of(&r).contains("don't recognise"),
        "{r}"
    );
    let wrong_nonce = up.rsplit_once(':').unwrap().0.to_string() + ":ffffffff0";
    click(&fake, "960000000000000009", &wrong_nonce, BEN).await;
    assert_eq!(feedback(&home).tally(answer_id).unwrap(), (1, 1));

    // More reports, so /review has two pages.
    for i in 0..5u64 {
        let body = ask(
            &fake,
            &format!("96100000000000001{i}"),
            "How much did Tarnwick Foods raise?",
        )
        .await;
        let b = button_ids(&body);
        report(
            &fake,
            (
                &format!("96100000000000002{i}"),
                &format!("96100000000000003{i}"),
            ),
            &b[2],
            ANA,
            &format!("Tarnwick problem {i}"),
        )
        .await;
    }

    // Members may not review.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "960000000000000010",
            "review",
            json!([]),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    let r = fake.callback("960000000000000010").await;
    assert!(
        ephemeral(&r) && text_of(&r).contains("Only moderators"),
        "{r}"
    );

    // Moderators see the newest first, with the cited passage, paginated.
    fake.dispatch(
        "INTERACTION_CREATE",
        moderator_command("960000000000000011", "review", json!([])),
    );
    let r = fake.callback("960000000000000011").await;
    assert!(ephemeral(&r), "{r}");
    let e = &r["data"]["embeds"][0];
    assert!(e["title"].as_str().unwrap().contains("6"), "{e}");
    let fields = e["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 5);
    assert!(fields[0]["name"].as_str().unwrap().starts_with("#6"), "{e}");
    assert!(fields[0]["value"]
        .as_str()
        .unwrap()
        .contains("Tarnwick problem 4"));
    assert!(fields[4]["name"].as_str().unwrap().starts_with("#2"), "{e}");
    assert!(
        !text_of(&r).contains("Marlow Bridge"),
        "report #1 is on page 2"
    );
    let nav = button_ids(&r);
    assert_eq!(nav, ["rv:1", "rv:2"]);
    fake.dispatch(
        "INTERACTION_CREATE",
        from_user(
            button_click(
                "960000000000000012",
                "rv:2",
                MEMBER_PERMISSIONS,
                &[MODERATOR_ROLE],
            ),
            MARIA.0,
            MARIA.1,
        ),
    );
    let r = fake.callback("960000000000000012").await;
    assert_eq!(r["type"], 7, "a page turn updates the message: {r}");
    assert!(
        r["data"]["flags"].is_null(),
        "an update leaves the flags alone: {r}"
    );
    let page2 = text_of(&r);
    assert!(
        page2.contains("#1") && page2.contains("Marlow Bridge Partners"),
        "{r}"
    );
    assert!(
        page2.contains("led by Halden Capital"),
        "the cited passage: {r}"
    );
    // A member cannot page through someone else's review either.
    let r = click(&fake, "960000000000000013", "rv:1", BEN).await;
    assert!(text_of(&r).contains("Only moderators"), "{r}");

    // Bad input changes nothing: a malformed value, an unknown company, an unknown report.
    for (id, options, expect) in [
        (
            "960000000000000020",
            correct_options("Quillmoss Labs", "Series A", "amount", "lots of money"),
            "amount with its currency",
        ),
        (
            "960000000000000021",
            correct_options(
                "Zorblatt Dynamics",
                "Series A",
                "lead",
                "Marlow Bridge Partners",
            ),
            "no company named",
        ),
        (
            "960000000000000022",
            correct_options("Quillmoss Labs", "Series A", "date", "2024-13"),
            "as a date",
        ),
        (
            "960000000000000023",
            {
                let mut o = correct_options(
                    "Quillmoss Labs",
                    "Series A",
                    "lead",
                    "Marlow Bridge Partners",
                );
                o.as_array_mut()
                    .unwrap()
                    .push(json!({ "name": "report", "type": 4, "value": 99 }));
                o
            },
            "no report #99",
        ),
    ] {
        fake.dispatch(
            "INTERACTION_CREATE",
            moderator_command(id, "correct", options),
        );
        let r = fake.callback(id).await;
        assert!(ephemeral(&r), "{r}");
        assert!(text_of(&r).contains(expect), "{expect}: {r}");
    }
    // A member's correction is refused too.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "960000000000000024",
            "correct",
            correct_options("Quillmoss Labs", "Series A", "lead", "Someone"),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    let r = fake.callback("960000000000000024").await;
    assert!(text_of(&r).contains("Only moderators"), "{r}");
    assert_eq!(
        facts_files(&home),
        Vec::<String>::new(),
        "nothing was written"
    );

    // The correction: written, reindexed, report #1 closed.
    let mut options = correct_options(
        "quillmoss labs",
        "series a",
        "lead",
        "Marlow Bridge Partners",
    );
    options.as_array_mut().unwrap().extend([
        json!({ "name": "note", "type": 3, "value": "Checked against the company's own announcement" }),
        json!({ "name": "report", "type": 4, "value": 1 }),
    ]);
    fake.dispatch(
        "INTERACTION_CREATE",
        moderator_command("960000000000000030", "correct", options),
    );
    let r = fake.callback("960000000000000030").await;
    assert_eq!(r["type"], 5, "a valid correction defers: {r}");
    let done = fake
        .wait_edit("token-960000000000000030", WAIT, |b| {
            b["embeds"][0]["title"] == "Correction saved"
        })
        .await;
    let description = done["embeds"][0]["description"].as_str().unwrap();
    assert!(description.contains("Marlow Bridge Partners"), "{done}");
    assert!(description.contains("Report #1 is closed"), "{done}");
    assert!(description.contains("Reindexed"), "{done}");
    assert_eq!(facts_files(&home), ["quillmoss-labs-series_a.toml"]);
    let written =
        std::fs::read_to_string(home.data().join("facts/quillmoss-labs-series_a.toml")).unwrap();
    assert!(written.contains("by = \"maria\""), "{written}");
    let today = chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    assert!(written.contains(&format!("at = \"{today}\"")), "{written}");
    let closed = feedback(&home).report_by_id(1).unwrap().unwrap();
    assert!(closed.closed_at.is_some());
    assert_eq!(closed.closed_by.as_deref(), Some("maria"));

    // The next answer uses the correction and says so.
    let body = ask(
        &fake,
        "960000000000000031",
        "Who led Quillmoss Labs' Series A?",
    )
    .await;
    let e = &body["data"]["embeds"][0];
    let description = e["description"].as_str().unwrap();
    assert!(description.contains("Marlow Bridge Partners"), "{e}");
    assert!(!description.contains("Halden Capital"), "{e}");
    let sources = text_of(&body);
    assert!(sources.contains("Moderator correction"), "{e}");
    assert!(sources.contains("corrected by maria"), "{e}");
    assert!(sources.contains("Checked against the company"), "{e}");
    // The amount the article stated is kept.
    let body = ask(
        &fake,
        "960000000000000032",
        "How much was Quillmoss Labs' Series A?",
    )
    .await;
    assert!(text_of(&body).contains("$12 million"), "{body}");
    // /funding marks the round as corrected.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "960000000000000033",
            "funding",
            json!([{ "name": "company", "type": 3, "value": "Quillmoss Labs" }]),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    let r = fake.callback("960000000000000033").await;
    assert!(text_of(&r).contains("moderator correction"), "{r}");

    // The closed report is gone from the review; a dismissal closes another.
    fake.dispatch(
        "INTERACTION_CREATE",
        moderator_command(
            "960000000000000034",
            "review",
            json!([{ "name": "dismiss", "type": 4, "value": 2 },
                   { "name": "reason", "type": 3, "value": "not a problem" }]),
        ),
    );
    let r = fake.callback("960000000000000034").await;
    let listed = text_of(&r);
    assert!(listed.contains("Report #2 dismissed"), "{r}");
    assert!(listed.contains("Open reports: 4"), "{r}");
    assert!(!listed.contains("Marlow Bridge"), "{r}");
    assert_eq!(button_ids(&r), Vec::<String>::new(), "one page: no buttons");

    // Every moderator action is in the audit log, refusals included.
    let log = std::fs::read_to_string(home.data().join("audit.log")).unwrap();
    let entries: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let has = |action: &str, outcome: &str| {
        entries
            .iter()
            .any(|e| e["action"] == action && e["outcome"].as_str().unwrap().starts_with(outcome))
    };
    assert!(has("review", "refused: not a moderator"));
    assert!(has("review", "6 open reports"));
    assert!(has("review", "closed"));
    assert!(has("correct", "refused: not a moderator"));
    assert!(has("correct", "refused: I have no company named"));
    assert!(has(
        "correct",
        "saved facts/quillmoss-labs-series_a.toml; reindexed; closed report #1"
    ));
    assert!(entries
        .iter()
        .any(|e| e["action"] == "correct" && e["user"] == "maria"));
}

#[test]
fn the_command_line_corrects_suppresses_and_reviews_and_feedback_survives_a_full_reindex() {
    let home = home();
    // An answer and a report on it, through the library as the bot records them.
    let paths = fundbot::config::Paths::new(home.data(), home.index());
    let reply = fundbot::service::Fundbot::open(&paths)
        .unwrap()
        .ask("How much did Tarnwick Foods raise?", &Default::default())
        .unwrap();
    let key = feedback(&home).record_answer(&reply).unwrap();
    let reader = fundbot::feedback::Person {
        id: "7".into(),
        name: "reader".into(),
    };
    let id = feedback(&home)
        .report(&key, &reader, "It was euros, not dollars")
        .unwrap()
        .unwrap();

    assert_eq!(home.run(&["reindex", "--full"]).status.code(), Some(0));
    let listed = home.json(&["review", "--json"]);
    assert_eq!(listed["total"], 1, "{listed}");
    assert_eq!(listed["reports"][0]["text"], "It was euros, not dollars");
    let text = home.run(&["review"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains(&format!("#{id} by reader")), "{text}");
    assert!(
        text.contains("led by Orrin Angels"),
        "the cited passage: {text}"
    );

    // Bad input: one line on stderr, exit 1, nothing written.
    for (args, expect) in [
        (
            vec!["correct", "Nobody Known", "seed", "amount", "€2m"],
            "no company named",
        ),
        (
            vec!["correct", "Tarnwick Foods", "seed", "amount", "2 million"],
            "currency",
        ),
        (
            vec!["correct", "Tarnwick Foods", "seed", "ceo", "x"],
            "can't correct the field",
        ),
        (
            vec!["correct", "Tarnwick Foods", "series q", "lead", "x"],
            "don't know the round",
        ),
    ] {
        let out = home.run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expect), "{args:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    }
    assert_eq!(facts_files(&home), Vec::<String>::new());

    // The amount with its currency, closing the report.
    let out = home.json(&[
        "correct",
        "Tarnwick Foods",
        "seed",
        "amount",
        "€2 million",
        "--report",
        &id.to_string(),
        "--by",
        "maria",
        "--json",
    ]);
    assert_eq!(out["reindexed"], true, "{out}");
    assert_eq!(out["closed_report"], id);
    let answer = home.json(&["ask", "How much did Tarnwick Foods raise?", "--json"]);
    assert!(
        answer["answer"].as_str().unwrap().contains("€2 million"),
        "{answer}"
    );
    assert!(answer["citations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["title"] == "Moderator correction"));
    // The date, in the same file.
    home.json(&[
        "correct",
        "Tarnwick Foods",
        "seed",
        "date",
        "2023-07",
        "--by",
        "maria",
        "--json",
    ]);
    assert_eq!(facts_files(&home), ["tarnwick-foods-seed.toml"]);
    let answer = home.json(&[
        "ask",
        "When did Tarnwick Foods raise its seed round?",
        "--json",
    ]);
    assert!(
        answer["answer"].as_str().unwrap().contains("July 2023"),
        "{answer}"
    );
    // The correction and the closed report survive a full rebuild.
    assert_eq!(home.run(&["reindex", "--full"]).status.code(), Some(0));
    let answer = home.json(&["ask", "How much did Tarnwick Foods raise?", "--json"]);
    assert!(
        answer["answer"].as_str().unwrap().contains("€2 million"),
        "{answer}"
    );
    assert_eq!(home.json(&["review", "--json"])["total"], 0);

    // Suppressing a wrong round: answers no longer give it.
    let out = home.json(&[
        "correct",
        "Quillmoss Labs",
        "Series A",
        "suppress",
        "yes",
        "--by",
        "maria",
        "--json",
    ]);
    assert_eq!(out["reindexed"], true, "{out}");
    let answer = home.json(&["ask", "Who led Quillmoss Labs' Series A?", "--json"]);
    assert!(
        !answer["answer"]
            .as_str()
            .unwrap()
            .contains("Halden Capital")
            || answer["answered"] == false,
        "{answer}"
    );
    let facts = home.json(&["facts", "Quillmoss Labs", "--json"]);
    assert_eq!(facts["rounds"], json!([]), "{facts}");

    let log = std::fs::read_to_string(home.data().join("audit.log")).unwrap();
    assert!(log.contains("\"action\":\"correct\""), "{log}");
    assert!(log.contains("refused: I have no company named"), "{log}");
}
