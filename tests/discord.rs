//! The Discord bot end to end: the real `fundbot serve` process against a fake Discord on
//! loopback (REST and gateway), with interactions dispatched over the gateway and the bot's
//! replies read back from the recorded REST calls.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::bot::{self, MODERATOR_ROLE, TOKEN};
use common::fake_discord::{
    self, command, embed_text, interaction, FakeDiscord, GUILD_ID, MEMBER_PERMISSIONS,
    MODERATOR_PERMISSIONS,
};
use common::{article, Home};
use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(30);

/// A home with the demo corpus and the test fixtures, indexed.
fn corpus_home() -> Home {
    let home = Home::with_fixtures();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    copy_dir(&demo, &home.articles());
    assert!(home
        .run(&["reindex"])
        .status
        .code()
        .is_some_and(|c| c == 0 || c == 3));
    home
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn start_bot(home: &Home, fake: &FakeDiscord, extra: &[(&str, &str)]) -> bot::Bot {
    let mut env = vec![("FUNDBOT_ALLOW_PRIVATE_URLS", "1")];
    env.extend_from_slice(extra);
    bot::start_logged(home, fake, &env)
}

fn embed(body: &Value) -> &Value {
    &body["data"]["embeds"][0]
}

fn assert_no_mentions(body: &Value) {
    let am = &body["data"]["allowed_mentions"];
    assert_eq!(
        am["parse"],
        json!([]),
        "allowed_mentions must be empty: {body}"
    );
    assert!(am["users"].as_array().is_none_or(|a| a.is_empty()));
    assert!(am["roles"].as_array().is_none_or(|a| a.is_empty()));
}

/// Checks every Discord embed limit on a recorded embed.
fn assert_within_limits(e: &Value) {
    let len = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    assert!(len(&e["title"]) <= 256);
    assert!(len(&e["description"]) <= 4096);
    assert!(len(&e["footer"]["text"]) <= 2048);
    let fields = e["fields"].as_array().cloned().unwrap_or_default();
    assert!(fields.len() <= 25);
    let mut total = len(&e["title"]) + len(&e["description"]) + len(&e["footer"]["text"]);
    for f in &fields {
        assert!(len(&f["name"]) <= 256 && len(&f["name"]) > 0);
        assert!(len(&f["value"]) <= 1024 && len(&f["value"]) > 0);
        total += len(&f["name"]) + len(&f["value"]);
    }
    assert!(total <= 6000, "embed of {total} characters");
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_get_cited_answers_tables_and_autocomplete_without_pings() {
    let home = corpus_home();
    let long_title = format!(
        "Zephyrine Analytics raises $9 million: {}",
        "a very long headline ".repeat(30)
    );
    let long_body = format!(
        "{} Zephyrine Analytics has raised $9 million in a seed round led by Quillon Partners.",
        "Background sentence about the market. ".repeat(60)
    );
    home.write("zephyrine.md", &format!("---\ntitle: \"{long_title}\"\nsource: Long Wire\nurl: https://long.example/{}\npublished: 2022-02-02\n---\n{long_body}\n", "x".repeat(300)));
    assert!(home
        .run(&["reindex"])
        .status
        .code()
        .is_some_and(|c| c == 0 || c == 3));
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&home, &fake, &[]);
    fake.wait_identified(WAIT).await;

    // Commands are registered in the configured server.
    let put = fake
        .wait_for("command registration", WAIT, |r| {
            r.method == "PUT"
                && r.path
                    == format!(
                        "/api/v10/applications/{}/guilds/{GUILD_ID}/commands",
                        fake_discord::APP_ID
                    )
        })
        .await;
    let names: Vec<&str> = put
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "ask", "funding", "investor", "rounds", "search", "stats", "help", "reindex", "ingest",
            "review", "correct", "feed"
        ]
    );

    // The SenseTime question: the answer names Alibaba and cites the article.
    let body = ask(&fake, "910000000000000001", "Who led SenseTime's Series C?").await;
    assert_eq!(body["type"], 4);
    assert_no_mentions(&body);
    let e = embed(&body);
    assert!(
        e["description"].as_str().unwrap().contains("Alibaba"),
        "{e}"
    );
    let sources = embed_text(e);
    assert!(
        sources.contains("SenseTime"),
        "the SenseTime article is cited: {sources}"
    );
    assert!(e["fields"].as_array().unwrap().iter().any(|f| f["value"]
        .as_str()
        .unwrap()
        .starts_with("")
        && f["name"].as_str().unwrap().starts_with("[1]")));
    assert_within_limits(e);

    // Not in the corpus: a clear "I don't know", never another company's facts.
    let body = ask(&fake, "910000000000000002", "Who led Megvii's Series C?").await;
    let e = embed(&body);
    assert_eq!(e["title"], "I don't know that one");
    assert!(!embed_text(e).contains("Alibaba"));

    // A question holding mentions pings nobody and shows them defused.
    let body = ask(
        &fake,
        "910000000000000003",
        "@everyone who led <@&123456> SenseTime's series c?",
    )
    .await;
    assert_no_mentions(&body);
    assert!(!embed_text(embed(&body)).contains("@everyone"));

    // An oversized answer stays within every limit.
    let body = ask(
        &fake,
        "910000000000000004",
        "Who led Zephyrine Analytics' seed round?",
    )
    .await;
    let e = embed(&body);
    assert!(
        e["description"]
            .as_str()
            .unwrap()
            .contains("Quillon Partners"),
        "{e}"
    );
    assert_within_limits(e);

    // Autocomplete answers from the facts store, at most 25 choices.
    fake.dispatch(
        "INTERACTION_CREATE",
        interaction(
            4,
            "910000000000000005",
            "funding",
            json!([{ "name": "company", "type": 3, "value": "sens", "focused": true }]),
            MEMBER_PERMISSIONS,
            &[],
            json!({}),
        ),
    );
    let body = fake.callback("910000000000000005").await;
    assert_eq!(body["type"], 8);
    let choices = body["data"]["choices"].as_array().unwrap();
    assert!(choices.len() <= 25);
    assert!(choices.iter().any(|c| c["value"] == "SenseTime"), "{body}");

    // /funding renders the company's rounds as a table with sources.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "910000000000000006",
            "funding",
            json!([{ "name": "company", "type": 3, "value": "SenseTime" }]),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    let body = fake.callback("910000000000000006").await;
    let e = embed(&body);
    assert_eq!(e["title"], "SenseTime: funding rounds");
    assert!(e["description"].as_str().unwrap().contains("Series C"));
    assert_no_mentions(&body);

    // /search, /stats and /help answer too.
    for (id, name, options) in [
        (
            "910000000000000007",
            "search",
            json!([{ "name": "query", "type": 3, "value": "Series C led by Alibaba" }]),
        ),
        ("910000000000000008", "stats", json!([])),
        ("910000000000000009", "help", json!([])),
    ] {
        fake.dispatch(
            "INTERACTION_CREATE",
            command(id, name, options, MEMBER_PERMISSIONS, &[]),
        );
        let body = fake.callback(id).await;
        assert_eq!(body["type"], 4, "{name}: {body}");
        assert_within_limits(embed(&body));
        assert_no_mentions(&body);
    }
}

fn generation(home: &Home) -> u64 {
    let store = fundbot::facts::store::FactStore::open_readonly(&home.index().join("facts.sqlite"))
        .unwrap();
    store.generation().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_moderators_reindex_and_ingest_and_every_action_is_audited() {
    let home = corpus_home();
    let fake = FakeDiscord::start().await;
    // Each reindex stage takes 1.5 s here, so the progress edits can be seen.
    let _bot = start_bot(&home, &fake, &[("FUNDBOT_FAULT_SLOW_MS", "1500")]);
    fake.wait_identified(WAIT).await;
    let before = generation(&home);

    // A member without rights is refused, and nothing is reindexed.
    home.write(
        "brightloom.md",
        &article(
            "Brightloom Textiles",
            "Series A",
            "$14 million",
            "Warpfield Capital",
            "2023-05-09",
        ),
    );
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "920000000000000001",
            "reindex",
            json!([]),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    let body = fake.callback("920000000000000001").await;
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["flags"], 64, "refusals are ephemeral: {body}");
    assert!(body["data"]["content"]
        .as_str()
        .unwrap()
        .contains("Only moderators"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(generation(&home), before, "a refused reindex must not run");

    // In a DM nobody is a moderator, whatever Discord's defaults say.
    let mut dm = command(
        "920000000000000002",
        "reindex",
        json!([]),
        MODERATOR_PERMISSIONS,
        &[],
    );
    dm.as_object_mut().unwrap().remove("guild_id");
    let member = dm.as_object_mut().unwrap().remove("member").unwrap();
    dm["user"] = member["user"].clone();
    fake.dispatch("INTERACTION_CREATE", dm);
    let body = fake.callback("920000000000000002").await;
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .contains("not in DMs"),
        "{body}"
    );

    // A moderator by role: deferred at once, then progress and the summary.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "920000000000000003",
            "reindex",
            json!([]),
            MEMBER_PERMISSIONS,
            &[MODERATOR_ROLE],
        ),
    );
    let body = fake.callback("920000000000000003").await;
    assert_eq!(body["type"], 5, "reindex defers: {body}");
    // A second reindex while the first runs is told who started the first.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "920000000000000013",
            "reindex",
            json!([]),
            MODERATOR_PERMISSIONS,
            &[],
        ),
    );
    let busy = fake
        .wait_edit("token-920000000000000013", WAIT, |b| {
            b["content"]
                .as_str()
                .is_some_and(|c| c.contains("already running"))
        })
        .await;
    assert!(
        busy["content"]
            .as_str()
            .unwrap()
            .contains("Discord user member"),
        "{busy}"
    );
    let done = fake
        .wait_edit("token-920000000000000003", WAIT, |b| {
            embed_text(&b["embeds"][0]).contains("Reindex finished")
        })
        .await;
    let edits = fake.edits("token-920000000000000003");
    assert!(
        edits
            .iter()
            .any(|b| embed_text(&b["embeds"][0]).contains("Reindexing")),
        "progress edits before the summary: {edits:?}"
    );
    assert!(
        embed_text(&done["embeds"][0]).contains("1** added")
            || embed_text(&done["embeds"][0]).contains("**1** added"),
        "{done}"
    );
    assert_eq!(done["allowed_mentions"]["parse"], json!([]));
    assert!(generation(&home) > before);

    // The running bot answers from the new article at once.
    let body = ask(
        &fake,
        "920000000000000004",
        "Who led Brightloom Textiles' Series A?",
    )
    .await;
    assert!(
        embed(&body)["description"]
            .as_str()
            .unwrap()
            .contains("Warpfield Capital"),
        "{body}"
    );

    // /ingest of an attachment the fake serves: saved under a safe name, indexed, answerable.
    let text = article(
        "Corvid Maps",
        "seed",
        "$3 million",
        "Rookery Ventures",
        "2024-01-15",
    );
    let url = fake.serve_file("corvid.md", text.as_bytes());
    let resolved = json!({ "attachments": { "930000000000000001": {
        "id": "930000000000000001", "filename": "../../../etc/corvid.md", "size": text.len(),
        "url": url, "proxy_url": url, "content_type": "text/markdown"
    }}});
    fake.dispatch(
        "INTERACTION_CREATE",
        interaction(
            2,
            "920000000000000005",
            "ingest",
            json!([{ "name": "file", "type": 11, "value": "930000000000000001" }]),
            MODERATOR_PERMISSIONS,
            &[],
            resolved,
        ),
    );
    let body = fake.callback("920000000000000005").await;
    assert_eq!(body["type"], 5);
    fake.wait_edit("token-920000000000000005", WAIT, |b| {
        embed_text(&b["embeds"][0]).contains("Reindex finished")
    })
    .await;
    let ingested: Vec<String> = std::fs::read_dir(home.articles().join("ingested"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(ingested.len(), 1);
    assert!(
        ingested[0].ends_with("-corvid-maps-raises-3-million-seed.md"),
        "{ingested:?}"
    );
    let body = ask(
        &fake,
        "920000000000000006",
        "who led corvid maps seed round",
    )
    .await;
    assert!(
        embed(&body)["description"]
            .as_str()
            .unwrap()
            .contains("Rookery Ventures"),
        "{body}"
    );

    // A refused URL (private address without the test switch is covered in unit tests; here a
    // missing file) is reported, not crashed on.
    fake.dispatch("INTERACTION_CREATE", command("920000000000000007", "ingest", json!([{ "name": "url", "type": 3, "value": format!("{}/files/missing.md", fake.base) }]), MODERATOR_PERMISSIONS, &[]));
    fake.callback("920000000000000007").await;
    let failed = fake
        .wait_edit("token-920000000000000007", WAIT, |b| {
            b["content"]
                .as_str()
                .is_some_and(|c| c.contains("Ingest failed"))
        })
        .await;
    assert!(
        failed["content"].as_str().unwrap().contains("404"),
        "{failed}"
    );

    let log = std::fs::read_to_string(home.data().join("audit.log")).unwrap();
    let entries: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "reindex"
                && e["outcome"].as_str().unwrap().starts_with("refused"))
    );
    assert!(entries
        .iter()
        .any(|e| e["action"] == "reindex" && e["outcome"].as_str().unwrap().contains("1 added")));
    assert!(entries
        .iter()
        .any(|e| e["action"] == "ingest" && e["outcome"] == "saved"));
    assert!(entries
        .iter()
        .any(|e| e["action"] == "ingest" && e["outcome"].as_str().unwrap().starts_with("failed")));
    assert!(!log.contains(TOKEN));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn busy_users_are_slowed_down_and_sigterm_stops_cleanly() {
    let home = corpus_home();
    let fake = FakeDiscord::start().await;
    let mut bot = start_bot(&home, &fake, &[("FUNDBOT_RATE_LIMIT", "2")]);
    fake.wait_identified(WAIT).await;
    ask(&fake, "940000000000000001", "how much did SenseTime raise?").await;
    ask(&fake, "940000000000000002", "how much did SenseTime raise?").await;
    let body = ask(&fake, "940000000000000003", "how much did SenseTime raise?").await;
    assert_eq!(body["data"]["flags"], 64);
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .contains("try again in"),
        "{body}"
    );

    let pid = bot.0.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = bot.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the bot did not stop after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "graceful shutdown exits 0: {status}");
    let mut stderr = String::new();
    use std::io::Read;
    bot.0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!stderr.contains(TOKEN), "the token must never be logged");
    fundbot::lock::WriterLock::acquire(&home.index(), "after shutdown")
        .expect("the writer lock is free");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passage_answers_and_unanswered_questions_show_how_they_were_answered() {
    // The reading fixtures: a listing that the facts store does not hold, read from passages.
    let home = Home::with_fixture_set("reading");
    assert_eq!(home.run(&["reindex"]).status.code(), Some(0));
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&home, &fake, &[]);
    fake.wait_identified(WAIT).await;

    // (a) Read from a passage: "Answered", the passage colour, the article cited.
    let body = ask(&fake, "950000000000000001", "kestrelay ipo price per share").await;
    assert_eq!(body["type"], 4, "{body}");
    assert_no_mentions(&body);
    let e = embed(&body);
    assert!(e["description"].as_str().unwrap().contains("$21"), "{e}");
    let footer = e["footer"]["text"].as_str().unwrap();
    assert!(footer.starts_with("Answered"), "{e}");
    assert!(footer.contains("passage"), "{e}");
    assert_eq!(e["color"], 0xf9a825, "the passage colour: {e}");
    let fields = e["fields"].as_array().unwrap();
    assert!(
        fields[0]["name"]
            .as_str()
            .unwrap()
            .starts_with("[1] Kestrelay"),
        "{e}"
    );
    assert!(
        fields[0]["value"].as_str().unwrap().contains("**"),
        "the stating sentence is in bold: {e}"
    );
    assert_within_limits(e);

    // (b) Not stated (no underwriters named): "I don't know", with the closest source.
    let body = ask(
        &fake,
        "950000000000000002",
        "who were the underwriters of kestrelay's ipo",
    )
    .await;
    assert_eq!(body["type"], 4, "{body}");
    assert_no_mentions(&body);
    let e = embed(&body);
    assert_eq!(e["title"], "I don't know that one", "{e}");
    assert!(
        e["description"]
            .as_str()
            .unwrap()
            .starts_with("My sources don't state"),
        "{e}"
    );
    let footer = e["footer"]["text"].as_str().unwrap();
    assert!(footer.starts_with("Not answered"), "{e}");
    assert!(footer.contains("closest source"), "{e}");
    assert_eq!(e["color"], 0x607d8b, "{e}");
    let fields = e["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 1, "only the closest source: {e}");
    assert!(
        fields[0]["name"]
            .as_str()
            .unwrap()
            .starts_with("[1] Kestrelay"),
        "{e}"
    );
    let value = fields[0]["value"].as_str().unwrap();
    assert!(value.contains("Market Desk Daily"), "{e}");
    assert!(value.contains("Kestrelay"), "the passage is quoted: {e}");
    assert_within_limits(e);
}

/// The recorded callback of interaction `id`, files included.
async fn callback_with_files(fake: &FakeDiscord, id: &str) -> fake_discord::Recorded {
    let path = format!("/api/v10/interactions/{id}/");
    fake.wait_for(&format!("callback of {id}"), WAIT, |r| {
        r.method == "POST" && r.path.starts_with(&path) && r.path.ends_with("/callback")
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn funding_carries_its_chart_and_rounds_pages_with_buttons() {
    let home = Home::with_fixture_set("rounds");
    assert!(home.run(&["reindex"]).status.success());
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&home, &fake, &[]);
    fake.wait_identified(WAIT).await;

    // /funding: a multipart reply whose embed shows the attached chart.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "960000000000000001",
            "funding",
            json!([{ "name": "company", "type": 3, "value": "Quarrywell" }]),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    let rec = callback_with_files(&fake, "960000000000000001").await;
    assert_no_mentions(&rec.body);
    let e = embed(&rec.body);
    assert_eq!(e["image"]["url"], "attachment://chart.png", "{e}");
    assert_eq!(rec.files.len(), 1);
    assert_eq!(rec.files[0].0, "chart.png");
    let img = image::load_from_memory(&rec.files[0].1).expect("a PNG");
    assert_eq!(img.width(), 1100);
    assert!(embed_text(e).contains("Chart notes"), "{e}");
    assert!(embed_text(e).contains("€14 million ≈"), "{e}");
    assert_within_limits(e);

    // /rounds, two to a page: the first page, a Next button, no Previous.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "960000000000000002",
            "rounds",
            json!([{ "name": "limit", "type": 4, "value": 2 }]),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    let body = fake.callback("960000000000000002").await;
    assert_eq!(body["type"], 4, "{body}");
    assert_no_mentions(&body);
    let e = embed(&body);
    let text = embed_text(e);
    assert!(
        text.contains("1. **Quarrywell**") && text.contains("2. **Tessary**"),
        "{text}"
    );
    assert!(text.contains("Page 1 of 4"), "{text}");
    let row = &body["data"]["components"][0]["components"];
    assert_eq!(row[0]["disabled"], true, "{row}");
    assert_eq!(row[1]["disabled"], false, "{row}");
    let next = row[1]["custom_id"].as_str().unwrap().to_string();

    // Pressing Next replaces the message with page 2.
    fake.dispatch(
        "INTERACTION_CREATE",
        fake_discord::component("960000000000000003", &next, MEMBER_PERMISSIONS),
    );
    let body = fake.callback("960000000000000003").await;
    assert_eq!(body["type"], 7, "an update of the same message: {body}");
    let text = embed_text(embed(&body));
    assert!(
        text.contains("3. **Lumora Health**") && text.contains("4. **Velloran**"),
        "{text}"
    );
    assert!(text.contains("Page 2 of 4"), "{text}");
    assert!(text.contains("≈"), "the yen round is converted: {text}");

    // A button the bot no longer knows: a calm note to the presser only.
    fake.dispatch(
        "INTERACTION_CREATE",
        fake_discord::component("960000000000000004", "rounds:2:@77", MEMBER_PERMISSIONS),
    );
    let body = fake.callback("960000000000000004").await;
    assert_eq!(body["data"]["flags"], 64, "{body}");
    assert!(body["data"]["content"]
        .as_str()
        .unwrap()
        .contains("run /rounds again"));

    // A bad filter: a clear ephemeral error.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "960000000000000005",
            "rounds",
            json!([
                { "name": "from", "type": 3, "value": "2025-06" },
                { "name": "to", "type": 3, "value": "2024" }
            ]),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    let body = fake.callback("960000000000000005").await;
    assert_eq!(body["data"]["flags"], 64, "{body}");
    let content = body["data"]["content"].as_str().unwrap();
    assert!(content.contains("after it ends"), "{content}");
}
