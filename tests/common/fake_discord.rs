//! A fake Discord on loopback: the REST API fundbot calls and a gateway that sends HELLO,
//! READY and whatever events a test dispatches. Every REST request is recorded so tests can
//! assert on the bodies the bot sent.

#![allow(dead_code)]

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use hyper::service::{make_service_fn, service_fn};
use hyper::{Body, Request, Response, Server, StatusCode};
use serde_json::{json, Value};
use tokio::sync::{mpsc, Notify};
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// The application (and bot user) id the fake hands out.
pub const APP_ID: &str = "900000000000000001";
/// The server the interactions come from.
pub const GUILD_ID: &str = "900000000000000002";
/// The channel the interactions come from.
pub const CHANNEL_ID: &str = "900000000000000003";

/// One REST request the bot made.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// HTTP method.
    pub method: String,
    /// Path, e.g. `/api/v10/interactions/1/tok/callback`.
    pub path: String,
    /// JSON body (Null when none or not JSON); for a multipart request, its `payload_json`.
    pub body: Value,
    /// Files of a multipart request: (file name, bytes).
    pub files: Vec<(String, Vec<u8>)>,
}

struct State {
    recorded: Mutex<Vec<Recorded>>,
    changed: Notify,
    files: Mutex<HashMap<String, Vec<u8>>>,
    ws_url: Mutex<String>,
    identified: Notify,
    identify_count: Mutex<usize>,
}

/// A running fake Discord.
pub struct FakeDiscord {
    /// Base URL for `DISCORD_API_BASE`.
    pub base: String,
    state: Arc<State>,
    events: mpsc::UnboundedSender<Value>,
}

impl FakeDiscord {
    /// Starts the REST server and the gateway on 127.0.0.1.
    pub async fn start() -> Self {
        let state = Arc::new(State {
            recorded: Mutex::new(Vec::new()),
            changed: Notify::new(),
            files: Mutex::new(HashMap::new()),
            ws_url: Mutex::new(String::new()),
            identified: Notify::new(),
            identify_count: Mutex::new(0),
        });

        // Gateway.
        let ws = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let ws_addr = ws.local_addr().unwrap();
        *state.ws_url.lock().unwrap() = format!("ws://{ws_addr}");
        let (events_tx, events_rx) = mpsc::unbounded_channel::<Value>();
        let events_rx = Arc::new(tokio::sync::Mutex::new(events_rx));
        let gateway_state = state.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = ws.accept().await else {
                    return;
                };
                let state = gateway_state.clone();
                let events = events_rx.clone();
                tokio::spawn(async move { gateway_session(stream, state, events).await });
            }
        });

        // REST.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let rest_state = state.clone();
        let make = make_service_fn(move |_| {
            let state = rest_state.clone();
            async move { Ok::<_, Infallible>(service_fn(move |req| rest(req, state.clone()))) }
        });
        let server = Server::from_tcp(listener).unwrap().serve(make);
        tokio::spawn(server);

        FakeDiscord {
            base: format!("http://{addr}"),
            state,
            events: events_tx,
        }
    }

    /// Serves `bytes` at `/files/{name}` and returns the URL.
    pub fn serve_file(&self, name: &str, bytes: &[u8]) -> String {
        self.state
            .files
            .lock()
            .unwrap()
            .insert(name.to_string(), bytes.to_vec());
        format!("{}/files/{name}", self.base)
    }

    /// Waits until the bot has identified on the gateway.
    pub async fn wait_identified(&self, timeout: Duration) {
        if *self.state.identify_count.lock().unwrap() > 0 {
            return;
        }
        tokio::time::timeout(timeout, self.state.identified.notified())
            .await
            .expect("the bot never identified on the gateway");
    }

    /// Sends a dispatch event (op 0) to the connected bot.
    pub fn dispatch(&self, t: &str, d: Value) {
        self.events.send(json!({ "t": t, "d": d })).unwrap();
    }

    /// Every request recorded so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.state.recorded.lock().unwrap().clone()
    }

    /// Waits for a request matching `pred` and returns it.
    pub async fn wait_for(
        &self,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&Recorded) -> bool,
    ) -> Recorded {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.state.changed.notified();
            if let Some(r) = self.requests().into_iter().find(|r| pred(r)) {
                return r;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!(
                    "timed out waiting for {what}; requests so far: {:#?}",
                    self.requests()
                        .iter()
                        .map(|r| format!("{} {}", r.method, r.path))
                        .collect::<Vec<_>>()
                );
            }
        }
    }

    /// The interaction callback the bot sent for interaction `id`.
    pub async fn callback(&self, id: &str) -> Value {
        let path = format!("/api/v10/interactions/{id}/");
        self.wait_for(&format!("callback of {id}"), Duration::from_secs(60), |r| {
            r.method == "POST" && r.path.starts_with(&path) && r.path.ends_with("/callback")
        })
        .await
        .body
    }

    /// Edits of the original response of the interaction whose token is `token`, in order.
    pub fn edits(&self, token: &str) -> Vec<Value> {
        let path = format!("/api/v10/webhooks/{APP_ID}/{token}/messages/@original");
        self.requests()
            .into_iter()
            .filter(|r| r.method == "PATCH" && r.path == path)
            .map(|r| r.body)
            .collect()
    }

    /// Waits for an edit of `token`'s response whose body satisfies `pred`.
    pub async fn wait_edit(
        &self,
        token: &str,
        timeout: Duration,
        pred: impl Fn(&Value) -> bool,
    ) -> Value {
        let path = format!("/api/v10/webhooks/{APP_ID}/{token}/messages/@original");
        self.wait_for(&format!("edit of {token}"), timeout, |r| {
            r.method == "PATCH" && r.path == path && pred(&r.body)
        })
        .await
        .body
    }
}

async fn gateway_session(
    stream: tokio::net::TcpStream,
    state: Arc<State>,
    events: Arc<tokio::sync::Mutex<mpsc::UnboundedReceiver<Value>>>,
) {
    let Ok(ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let (mut tx, mut rx) = ws.split();
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": 41250 } });
    if tx.send(WsMessage::Text(hello.to_string())).await.is_err() {
        return;
    }
    let mut seq: u64 = 0;
    let mut ready = false;
    loop {
        let mut guard = events.lock().await;
        tokio::select! {
            frame = rx.next() => {
                drop(guard);
                let Some(Ok(frame)) = frame else { return };
                let text = match frame {
                    WsMessage::Text(t) => t,
                    WsMessage::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
                    WsMessage::Close(_) => return,
                    _ => continue,
                };
                let Ok(v) = serde_json::from_str::<Value>(&text) else { continue };
                match v["op"].as_u64() {
                    Some(1) => {
                        let _ = tx.send(WsMessage::Text(json!({ "op": 11 }).to_string())).await;
                    }
                    Some(2) => {
                        seq += 1;
                        let ws_url = state.ws_url.lock().unwrap().clone();
                        let ready_event = json!({
                            "op": 0, "t": "READY", "s": seq,
                            "d": {
                                "v": 10,
                                "user": { "id": APP_ID, "username": "fundbot", "discriminator": "0", "avatar": null, "bot": true, "global_name": null },
                                "guilds": [{ "id": GUILD_ID, "unavailable": true }],
                                "session_id": "fake-session",
                                "resume_gateway_url": ws_url,
                                "shard": [0, 1],
                                "application": { "id": APP_ID, "flags": 0 }
                            }
                        });
                        let _ = tx.send(WsMessage::Text(ready_event.to_string())).await;
                        ready = true;
                        *state.identify_count.lock().unwrap() += 1;
                        state.identified.notify_waiters();
                    }
                    _ => {}
                }
            }
            event = guard.recv(), if ready => {
                drop(guard);
                let Some(event) = event else { return };
                seq += 1;
                let frame = json!({ "op": 0, "t": event["t"], "s": seq, "d": event["d"] });
                if tx.send(WsMessage::Text(frame.to_string())).await.is_err() {
                    return;
                }
            }
        }
    }
}

fn fake_message(content: &Value) -> Value {
    json!({
        "id": "900000000000000777", "channel_id": CHANNEL_ID,
        "author": { "id": APP_ID, "username": "fundbot", "discriminator": "0", "avatar": null, "bot": true },
        "content": content.as_str().unwrap_or(""), "timestamp": "2024-01-01T00:00:00+00:00", "edited_timestamp": null,
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": false, "type": 0
    })
}

async fn rest(req: Request<Body>, state: Arc<State>) -> Result<Response<Body>, Infallible> {
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let boundary = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split("boundary=").nth(1))
        .map(|b| b.trim_matches('"').to_string());
    let bytes = hyper::body::to_bytes(req.into_body())
        .await
        .unwrap_or_default();
    let (body, files) = match boundary {
        Some(b) => multipart(&bytes, &b),
        None => (
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            Vec::new(),
        ),
    };
    let json_response = |status: StatusCode, v: Value| {
        Response::builder()
            .status(status)
            .header("content-type", "application/json")
            .body(Body::from(v.to_string()))
            .unwrap()
    };
    if let Some(name) = path.strip_prefix("/files/") {
        let file = state.files.lock().unwrap().get(name).cloned();
        return Ok(match file {
            Some(b) => Response::builder()
                .header("content-type", "text/markdown")
                .body(Body::from(b))
                .unwrap(),
            None => json_response(StatusCode::NOT_FOUND, json!({})),
        });
    }
    let response = if method == "GET" && path == "/api/v10/gateway" {
        json_response(
            StatusCode::OK,
            json!({ "url": state.ws_url.lock().unwrap().clone() }),
        )
    } else if method == "GET" && path == "/api/v10/gateway/bot" {
        json_response(
            StatusCode::OK,
            json!({
                "url": state.ws_url.lock().unwrap().clone(), "shards": 1,
                "session_start_limit": { "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1 }
            }),
        )
    } else if method == "PUT" && path.ends_with("/commands") {
        json_response(StatusCode::OK, json!([]))
    } else if method == "POST" && path.ends_with("/callback") {
        Response::builder()
            .status(StatusCode::NO_CONTENT)
            .body(Body::empty())
            .unwrap()
    } else if path.starts_with("/api/v10/webhooks/")
        || (method == "POST"
            && path.starts_with("/api/v10/channels/")
            && path.ends_with("/messages"))
    {
        json_response(StatusCode::OK, fake_message(&body["content"]))
    } else {
        json_response(
            StatusCode::NOT_FOUND,
            json!({ "message": "Unknown route in fake Discord", "code": 0 }),
        )
    };
    state.recorded.lock().unwrap().push(Recorded {
        method,
        path,
        body,
        files,
    });
    state.changed.notify_waiters();
    Ok(response)
}

/// Splits a multipart/form-data body into its `payload_json` and its files.
fn multipart(bytes: &[u8], boundary: &str) -> (Value, Vec<(String, Vec<u8>)>) {
    let delimiter = format!("--{boundary}");
    let d = delimiter.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while i + d.len() <= bytes.len() {
        if &bytes[i..i + d.len()] == d {
            starts.push(i);
            i += d.len();
        } else {
            i += 1;
        }
    }
    let mut payload = Value::Null;
    let mut files = Vec::new();
    for w in starts.windows(2) {
        let part = &bytes[w[0] + d.len()..w[1]];
        let Some(split) = part.windows(4).position(|x| x == b"\r\n\r\n") else {
            continue;
        };
        let headers = String::from_utf8_lossy(&part[..split]).to_string();
        let mut content = &part[split + 4..];
        if content.ends_with(b"\r\n") {
            content = &content[..content.len() - 2];
        }
        let field = |key: &str| {
            headers
                .split(&format!("{key}=\""))
                .nth(1)
                .and_then(|r| r.split('"').next())
                .map(str::to_string)
        };
        match field("filename") {
            Some(name) => files.push((name, content.to_vec())),
            None if field("name").as_deref() == Some("payload_json") => {
                payload = serde_json::from_slice(content).unwrap_or(Value::Null);
            }
            None => {}
        }
    }
    (payload, files)
}

/// A button press (component interaction) on a message the bot sent.
pub fn component(id: &str, custom_id: &str, permissions: &str) -> Value {
    let mut v = interaction(3, id, "", json!([]), permissions, &[], json!({}));
    v["data"] = json!({ "custom_id": custom_id, "component_type": 2 });
    v["message"] = json!({
        "id": "900000000000000300", "channel_id": CHANNEL_ID, "content": "",
        "author": { "id": APP_ID, "username": "fundbot", "discriminator": "0", "avatar": null, "bot": true },
        "timestamp": "2024-01-01T00:00:00+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": false, "type": 0
    });
    v
}

/// An embed's title, description, footer and fields as one string, for `contains` checks.
pub fn embed_text(e: &Value) -> String {
    let mut out = format!(
        "{} {} {}",
        e["title"].as_str().unwrap_or(""),
        e["description"].as_str().unwrap_or(""),
        e["footer"]["text"].as_str().unwrap_or("")
    );
    for f in e["fields"].as_array().cloned().unwrap_or_default() {
        out.push_str(&format!(
            " {} {}",
            f["name"].as_str().unwrap_or(""),
            f["value"].as_str().unwrap_or("")
        ));
    }
    out
}

/// Permission bits Discord sends for an ordinary member (view, send, read history).
pub const MEMBER_PERMISSIONS: &str = "68608";
/// Permission bits with Manage Server.
pub const MODERATOR_PERMISSIONS: &str = "68640";

/// A slash-command interaction as Discord sends it.
pub fn command(id: &str, name: &str, options: Value, permissions: &str, roles: &[&str]) -> Value {
    interaction(2, id, name, options, permissions, roles, json!({}))
}

/// An interaction of `kind` (2 command, 4 autocomplete).
pub fn interaction(
    kind: u8,
    id: &str,
    name: &str,
    options: Value,
    permissions: &str,
    roles: &[&str],
    resolved: Value,
) -> Value {
    let data = json!({ "id": "900000000000000100", "name": name, "type": 1, "options": options, "resolved": resolved });
    with_data(kind, id, data, permissions, roles)
}

/// A click on the button `custom_id` of one of the bot's messages (type 3, component).
pub fn button_click(id: &str, custom_id: &str, permissions: &str, roles: &[&str]) -> Value {
    let data = json!({ "custom_id": custom_id, "component_type": 2 });
    let mut v = with_data(3, id, data, permissions, roles);
    v["message"] = fake_message(&json!(""));
    v
}

/// The submit of the modal `custom_id` with its text inputs' values (type 5, modal submit).
pub fn modal_submit(
    id: &str,
    custom_id: &str,
    inputs: &[(&str, &str)],
    permissions: &str,
    roles: &[&str],
) -> Value {
    let rows: Vec<Value> = inputs
        .iter()
        .map(|(input, value)| {
            json!({ "type": 1, "components": [{ "type": 4, "custom_id": input, "value": value }] })
        })
        .collect();
    let data = json!({ "custom_id": custom_id, "components": rows });
    with_data(5, id, data, permissions, roles)
}

/// The same interaction from another member (`user_id`, `username`).
pub fn from_user(mut interaction: Value, user_id: &str, username: &str) -> Value {
    interaction["member"]["user"] = json!({
        "id": user_id, "username": username, "discriminator": "0", "avatar": null, "global_name": username
    });
    interaction
}

/// The custom ids of the buttons in a recorded reply body, in order.
pub fn button_ids(body: &Value) -> Vec<String> {
    body["data"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(str::to_string))
        .collect()
}

/// An interaction of any `kind` with the given `data`, from a member of the fake server.
pub fn with_data(kind: u8, id: &str, data: Value, permissions: &str, roles: &[&str]) -> Value {
    json!({
        "id": id,
        "application_id": APP_ID,
        "type": kind,
        "token": format!("token-{id}"),
        "version": 1,
        "data": data,
        "guild_id": GUILD_ID,
        "channel_id": CHANNEL_ID,
        "member": {
            "user": { "id": "900000000000000042", "username": "member", "discriminator": "0", "avatar": null, "global_name": "Member" },
            "roles": roles, "joined_at": "2024-01-01T00:00:00+00:00", "deaf": false, "mute": false, "flags": 0,
            "permissions": permissions
        },
        "app_permissions": "2147483647",
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {},
        "context": 0,
        "attachment_size_limit": 26214400
    })
}
