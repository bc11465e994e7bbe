//! Feeds end to end: the real `fundbot serve` against the fake Discord, with feeds and article
//! pages served on loopback by the test itself; and `fundbot feeds` on the command line.

mod common;

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::fake_discord::{
    command, embed_text, FakeDiscord, MEMBER_PERMISSIONS, MODERATOR_PERMISSIONS,
};
use common::{article, bot, Home};
use serde_json::{json, Value};

const NEWS_CHANNEL: &str = "900000000000000077";
const WAIT: Duration = Duration::from_secs(40);

const QUILL: &str = "Quillfeather Robotics has raised $20 million in a Series A round led by Northwind Harbor Ventures. The Oslo-based startup builds warehouse arms.";
const SALTMARSH: &str = "Saltmarsh Energy has raised $8 million in a seed round led by Tidewell Partners. The company stores heat in sand.";

/// A request the web server answered: path, `If-None-Match`, status.
type Hit = (String, Option<String>, u16);

/// One page the test serves: status, body, content type, optional ETag.
#[derive(Clone)]
struct Page(u16, String, &'static str, Option<&'static str>);

/// A loopback web server for feeds and article pages, changeable while it runs. It answers
/// 304 when `If-None-Match` matches and records (path, validator, status) for each request.
#[derive(Clone, Default)]
struct Web {
    pages: Arc<Mutex<HashMap<String, Page>>>,
    log: Arc<Mutex<Vec<Hit>>>,
    base: String,
}

impl Web {
    async fn start() -> Web {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let web = Web {
            base: format!("http://{}", listener.local_addr().unwrap()),
            ..Web::default()
        };
        let state = web.clone();
        let make = hyper::service::make_service_fn(move |_| {
            let state = state.clone();
            async move {
                Ok::<_, Infallible>(hyper::service::service_fn(move |req| {
                    let state = state.clone();
                    async move { Ok::<_, Infallible>(state.answer(req)) }
                }))
            }
        });
        tokio::spawn(hyper::Server::from_tcp(listener).unwrap().serve(make));
        web
    }

    fn answer(&self, req: hyper::Request<hyper::Body>) -> hyper::Response<hyper::Body> {
        let path = req.uri().path().to_string();
        let validator = req
            .headers()
            .get("if-none-match")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let page = self.pages.lock().unwrap().get(&path).cloned();
        let response = match page {
            None => hyper::Response::builder()
                .status(404)
                .body(hyper::Body::empty()),
            Some(Page(_, _, _, Some(etag))) if validator.as_deref() == Some(etag) => {
                hyper::Response::builder()
                    .status(304)
                    .body(hyper::Body::empty())
            }
            Some(Page(status, body, content_type, etag)) => {
                let mut r = hyper::Response::builder()
                    .status(status)
                    .header("content-type", content_type);
                if let Some(e) = etag {
                    r = r.header("etag", e);
                }
                r.body(hyper::Body::from(body))
            }
        }
        .unwrap();
        self.log
            .lock()
            .unwrap()
            .push((path, validator, response.status().as_u16()));
        response
    }

    fn put(&self, path: &str, page: Page) -> String {
        self.pages.lock().unwrap().insert(path.to_string(), page);
        format!("{}{path}", self.base)
    }

    fn count(&self, pred: impl Fn(&Hit) -> bool) -> usize {
        self.log.lock().unwrap().iter().filter(|r| pred(r)).count()
    }

    /// Waits until `n` requests match `pred`.
    async fn wait_for(&self, what: &str, n: usize, pred: impl Fn(&Hit) -> bool) {
        let deadline = tokio::time::Instant::now() + WAIT;
        while self.count(&pred) < n {
            assert!(
                tokio::time::Instant::now() < deadline,
                "timed out waiting for {what}: {:?}",
                self.log.lock().unwrap()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

fn html(title: &str, text: &str) -> Page {
    Page(
        200,
        format!("<html><head><title>{title}</title></head><body><nav>Home | Deals | Login</nav><article><h1>{title}</h1><p>{text}</p></article><footer>Subscribe to our newsletter</footer></body></html>"),
        "text/html; charset=utf-8",
        None,
    )
}

fn rss(title: &str, items: &[(&str, &str, &str)], etag: Option<&'static str>) -> Page {
    let items: String = items
        .iter()
        .map(|(t, l, d)| format!("<item><title>{t}</title><link>{l}</link><pubDate>Wed, 08 May 2024 10:00:00 GMT</pubDate><description>{d}</description></item>"))
        .collect();
    Page(
        200,
        format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title><link>https://quill.example/</link><description>Invented test news</description>{items}</channel></rss>"),
        "application/rss+xml",
        etag,
    )
}

fn start_bot(home: &Home, fake: &FakeDiscord) -> bot::Bot {
    bot::start(
        home,
        fake,
        &[
            ("FUNDBOT_ALLOW_PRIVATE_URLS", "1"),
            ("FUNDBOT_FEED_INTERVAL", "1s"),
            ("FUNDBOT_NEWS_CHANNEL", NEWS_CHANNEL),
            ("FUNDBOT_RATE_LIMIT", "100"),
        ],
    )
}

/// A `/feed <sub>` interaction.
fn feed(id: &str, sub: &str, options: Value, permissions: &str) -> Value {
    command(
        id,
        "feed",
        json!([{ "name": sub, "type": 1, "options": options }]),
        permissions,
        &[],
    )
}

fn news_posts(fake: &FakeDiscord) -> Vec<Value> {
    let path = format!("/api/v10/channels/{NEWS_CHANNEL}/messages");
    fake.requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path == path)
        .map(|r| r.body)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderators_add_feeds_whose_new_rounds_are_answered_and_announced_once() {
    let home = Home::new();
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
    assert_eq!(home.run(&["reindex"]).status.code(), Some(0));
    let web = Web::start().await;
    let quill_page = web.put(
        "/news/quillfeather",
        html("Quillfeather Robotics raises $20M", QUILL),
    );
    let quill_feed = web.put(
        "/quill.xml",
        rss(
            "Quill Wire",
            &[
                (
                    "Quillfeather Robotics raises $20M",
                    &quill_page,
                    "A robotics round.",
                ),
                // Its page is gone: the item's own text is used.
                (
                    "Saltmarsh Energy raises $8M",
                    &format!("{}/news/gone", web.base),
                    SALTMARSH,
                ),
            ],
            Some("\"quill-1\""),
        ),
    );
    let not_a_feed = web.put("/about.html", html("About us", "We write about startups."));
    let fake = FakeDiscord::start().await;
    let _bot = start_bot(&home, &fake);
    fake.wait_identified(WAIT).await;

    // A member is refused, ephemerally, and nothing is added.
    fake.dispatch(
        "INTERACTION_CREATE",
        feed(
            "960000000000000001",
            "add",
            json!([{ "name": "url", "type": 3, "value": quill_feed }]),
            MEMBER_PERMISSIONS,
        ),
    );
    let body = fake.callback("960000000000000001").await;
    assert_eq!(body["data"]["flags"], 64, "{body}");
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Only moderators"),
        "{body}"
    );
    assert_eq!(home.json(&["feeds", "list", "--json"]), json!([]));

    // A page that is not a feed is a clear error and changes nothing.
    fake.dispatch(
        "INTERACTION_CREATE",
        feed(
            "960000000000000002",
            "add",
            json!([{ "name": "url", "type": 3, "value": not_a_feed }]),
            MODERATOR_PERMISSIONS,
        ),
    );
    let refused = fake
        .wait_edit("token-960000000000000002", WAIT, |b| {
            b["content"].as_str().is_some()
        })
        .await;
    assert!(
        refused["content"]
            .as_str()
            .unwrap()
            .contains("is not a feed"),
        "{refused}"
    );
    assert_eq!(home.json(&["feeds", "list", "--json"]), json!([]));

    // A moderator adds the feed.
    fake.dispatch(
        "INTERACTION_CREATE",
        feed(
            "960000000000000003",
            "add",
            json!([{ "name": "url", "type": 3, "value": quill_feed }, { "name": "name", "type": 3, "value": "Quill Wire" }]),
            MODERATOR_PERMISSIONS,
        ),
    );
    assert_eq!(
        fake.callback("960000000000000003").await["type"],
        5,
        "add defers"
    );
    let added = fake
        .wait_edit("token-960000000000000003", WAIT, |b| {
            b["embeds"][0]["title"].is_string()
        })
        .await;
    assert_eq!(
        added["embeds"][0]["title"], "Following Quill Wire",
        "{added}"
    );

    // The next poll saves both items, reindexes and announces them in one message.
    let post = fake
        .wait_for("the news announcement", WAIT, |r| {
            r.method == "POST" && r.path == format!("/api/v10/channels/{NEWS_CHANNEL}/messages")
        })
        .await
        .body;
    assert_eq!(
        post["allowed_mentions"]["parse"],
        json!([]),
        "never pings: {post}"
    );
    let text = embed_text(&post["embeds"][0]);
    assert!(
        text.contains(
            "Quillfeather Robotics raised $20 million Series A led by Northwind Harbor Ventures"
        ),
        "{text}"
    );
    assert!(text.contains(&format!("[source]({quill_page})")), "{text}");
    assert!(
        text.contains("Saltmarsh Energy raised $8 million seed round led by Tidewell Partners"),
        "{text}"
    );
    assert!(
        post["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .chars()
            .count()
            <= 4096
    );

    // /ask answers from the new article.
    fake.dispatch(
        "INTERACTION_CREATE",
        command(
            "960000000000000004",
            "ask",
            json!([{ "name": "question", "type": 3, "value": "Who led Quillfeather Robotics' Series A?" }]),
            MEMBER_PERMISSIONS,
            &[],
        ),
    );
    let answer = fake.callback("960000000000000004").await;
    let e = &answer["data"]["embeds"][0];
    assert!(
        e["description"]
            .as_str()
            .unwrap()
            .contains("Northwind Harbor Ventures"),
        "{answer}"
    );
    assert!(
        embed_text(e).contains("Quill Wire"),
        "the outlet is cited: {answer}"
    );

    // Later polls send the ETag, get 304 and add nothing. Two conditional requests mean the
    // first of them has been fully handled (polls run one after another).
    web.wait_for("two conditional polls", 2, |(p, v, _)| {
        p == "/quill.xml" && v.as_deref() == Some("\"quill-1\"")
    })
    .await;
    assert_eq!(news_posts(&fake).len(), 1, "one announcement only");
    let saved = std::fs::read_dir(home.articles().join("feeds/quill-wire"))
        .unwrap()
        .count();
    assert_eq!(saved, 2);
    assert_eq!(
        web.count(|(p, _, _)| p == "/news/quillfeather"),
        1,
        "pages are fetched once"
    );

    // A feed that breaks is reported in /feed list.
    let static_feed = web.put("/static.xml", rss("Static Wire", &[], None));
    fake.dispatch(
        "INTERACTION_CREATE",
        feed(
            "960000000000000005",
            "add",
            json!([{ "name": "url", "type": 3, "value": static_feed }]),
            MODERATOR_PERMISSIONS,
        ),
    );
    fake.wait_edit("token-960000000000000005", WAIT, |b| {
        b["embeds"][0]["title"] == "Following Static Wire"
    })
    .await;
    web.put(
        "/static.xml",
        Page(500, "internal error".into(), "text/plain", None),
    );
    web.wait_for("two failed polls", 2, |(p, _, s)| {
        p == "/static.xml" && *s == 500
    })
    .await;
    fake.dispatch(
        "INTERACTION_CREATE",
        feed(
            "960000000000000006",
            "list",
            json!([]),
            MODERATOR_PERMISSIONS,
        ),
    );
    let list = fake.callback("960000000000000006").await;
    let text = embed_text(&list["data"]["embeds"][0]);
    assert!(
        text.contains("Static Wire") && text.contains("the server answered 500"),
        "{text}"
    );
    assert!(
        text.contains("Quill Wire") && text.contains("2 saved"),
        "{text}"
    );
    assert_eq!(list["data"]["allowed_mentions"]["parse"], json!([]));

    // Removing a feed keeps its articles.
    fake.dispatch(
        "INTERACTION_CREATE",
        feed(
            "960000000000000007",
            "remove",
            json!([{ "name": "name", "type": 3, "value": "static wire" }]),
            MODERATOR_PERMISSIONS,
        ),
    );
    let removed = fake.callback("960000000000000007").await;
    assert_eq!(
        removed["data"]["embeds"][0]["title"], "Stopped following Static Wire",
        "{removed}"
    );

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
    assert!(has("feed add", "refused"), "{log}");
    assert!(has("feed add", "failed"), "{log}");
    assert!(has("feed add", "added \"Quill Wire\""), "{log}");
    assert!(has("feed list", "listed"), "{log}");
    assert!(has("feed remove", "removed \"Static Wire\""), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cron_users_poll_from_the_command_line_and_state_survives_a_full_reindex() {
    let home = Home::new();
    let web = Web::start().await;
    let page = web.put(
        "/news/quillfeather",
        html("Quillfeather Robotics raises $20M", QUILL),
    );
    // No validators here: the items seen are what keeps a second poll from adding anything.
    let url = web.put(
        "/quill.xml",
        rss(
            "Quill Wire",
            &[("Quillfeather Robotics raises $20M", &page, "x")],
            None,
        ),
    );
    let run = |args: &[&str]| {
        let out = home
            .cmd(args)
            .env("FUNDBOT_ALLOW_PRIVATE_URLS", "1")
            .env("NO_PROXY", "127.0.0.1,localhost")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // Blocking commands on this runtime's threads: the web server runs on the other one.
    let (code, _, err) = tokio::task::block_in_place(|| run(&["feeds", "add", &url]));
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = run(&["feeds", "add", "http://127.0.0.1:9/nothing.xml"]);
    assert_eq!(code, Some(1), "an unreachable address is an error: {err}");
    assert!(err.contains("could not add"), "{err}");
    let (code, out, err) = tokio::task::block_in_place(|| run(&["feeds", "poll", "--json"]));
    assert_eq!(code, Some(0), "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["reindex"]["added"], 1, "{report}");
    assert!(
        report["found"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Northwind Harbor Ventures"),
        "{report}"
    );
    assert_eq!(home.run(&["reindex", "--full"]).status.code(), Some(0));
    let (code, out, _) = tokio::task::block_in_place(|| run(&["feeds", "poll", "--json"]));
    assert_eq!(code, Some(0));
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["feeds"][0]["outcome"]["status"], "read", "{report}");
    assert_eq!(report["feeds"][0]["outcome"]["seen"], 1, "{report}");
    assert!(
        report["reindex"].is_null(),
        "nothing new, no reindex: {report}"
    );
    let answer = home.json(&["ask", "Who led Quillfeather Robotics' Series A?", "--json"]);
    assert!(
        answer["answer"]
            .as_str()
            .unwrap()
            .contains("Northwind Harbor Ventures"),
        "{answer}"
    );
    let (_, out, _) = tokio::task::block_in_place(|| run(&["feeds", "list"]));
    assert!(
        out.contains("Quill Wire") && out.contains("1 saved"),
        "{out}"
    );
    // A private address is refused without the test switch.
    let out = home
        .cmd(&["feeds", "add", &url])
        .env_remove("FUNDBOT_ALLOW_PRIVATE_URLS")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("private or local"));
}
