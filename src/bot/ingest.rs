//! `/ingest`: fetching an article from an attachment or a URL, safely, and saving it under
//! `data/articles/ingested/`; and the moderators' audit log.
//!
//! URL fetches accept only http(s), refuse private, loopback and link-local addresses (unless
//! allowed for tests), pin the checked address for the connection, follow at most three
//! redirects (each checked again), time out, and stop reading past the size limit. No part of a
//! file name or path sent by a user is trusted: saved names are made from the article's title.

pub use crate::corpus::slug;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use crate::corpus::{self, CorpusFile, Format};

/// Why an ingest failed, in words for the moderator.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Not an http(s) URL.
    #[error("only http:// and https:// links can be ingested")]
    Scheme,
    /// Not a URL at all.
    #[error("that is not a valid URL")]
    BadUrl,
    /// The host resolves to an address fundbot will not fetch.
    #[error("that address is private or local, so I won't fetch it")]
    PrivateAddress,
    /// DNS failed.
    #[error("could not resolve {0}")]
    Resolve(String),
    /// The download failed or timed out.
    #[error("download failed: {0}")]
    Download(String),
    /// The server answered with an error status.
    #[error("the server answered {0}")]
    Status(u16),
    /// Too many redirects.
    #[error("too many redirects")]
    Redirects,
    /// Bigger than the limit.
    #[error("the article is larger than the {0}-byte limit")]
    TooLarge(usize),
    /// Not a format fundbot reads.
    #[error("unsupported file type; send Markdown, text, HTML or JSON Lines")]
    Format,
    /// Parsed to nothing usable.
    #[error("no article could be read from it: {0}")]
    Unreadable(String),
    /// Saving failed.
    #[error("could not save the article: {0}")]
    Save(String),
}

/// Options for downloads.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Largest body accepted.
    pub max_bytes: usize,
    /// Whole-request timeout.
    pub timeout: Duration,
    /// Allow private and loopback addresses (tests).
    pub allow_private: bool,
}

/// A downloaded body.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// The server's content type.
    pub content_type: Option<String>,
    /// Where it finally came from.
    pub url: String,
    /// The server's cache validators, for a later conditional request.
    pub validators: Validators,
}

/// True for addresses that must not be fetched: loopback, private, link-local, unspecified,
/// multicast, carrier-grade NAT and their IPv6 counterparts.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || (o[0] == 100 && (64..128).contains(&o[1]))
                || o[0] == 0
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private(IpAddr::V4(v4));
            }
            let s = v6.segments();
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80
        }
    }
}

/// Downloads `url` under the rules above.
pub async fn fetch(url: &str, options: &FetchOptions) -> Result<Fetched, IngestError> {
    match fetch_conditional(url, options, &Validators::default()).await? {
        Conditional::Fetched(fetched) => Ok(fetched),
        Conditional::NotModified => Err(IngestError::Status(304)),
    }
}

/// Cache validators of an earlier download, sent back as a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` the server sent (sent back as `If-None-Match`).
    pub etag: Option<String>,
    /// The `Last-Modified` the server sent (sent back as `If-Modified-Since`).
    pub last_modified: Option<String>,
}

/// The answer to a conditional download.
#[derive(Debug, Clone)]
pub enum Conditional {
    /// The server sent the body.
    Fetched(Fetched),
    /// `304 Not Modified`: nothing changed since the validators were given.
    NotModified,
}

/// Downloads `url` like [`fetch`], sending `validators` so an unchanged resource costs a
/// `304 Not Modified` instead of its body.
pub async fn fetch_conditional(
    url: &str,
    options: &FetchOptions,
    validators: &Validators,
) -> Result<Conditional, IngestError> {
    let mut current = reqwest::Url::parse(url.trim()).map_err(|_| IngestError::BadUrl)?;
    for _ in 0..=3 {
        if !matches!(current.scheme(), "http" | "https") {
            return Err(IngestError::Scheme);
        }
        let host = current.host_str().ok_or(IngestError::BadUrl)?.to_string();
        let port = current.port_or_known_default().ok_or(IngestError::BadUrl)?;
        let bare_host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host((bare_host.as_str(), port))
            .await
            .map_err(|_| IngestError::Resolve(host.clone()))?
            .collect();
        let addr = addrs
            .iter()
            .find(|a| options.allow_private || !is_private(a.ip()))
            .copied()
            .ok_or(if addrs.is_empty() {
                IngestError::Resolve(host.clone())
            } else {
                IngestError::PrivateAddress
            })?;
        if !options.allow_private && addrs.iter().any(|a| is_private(a.ip())) {
            return Err(IngestError::PrivateAddress);
        }
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(options.timeout)
            .resolve(&bare_host, addr)
            .no_proxy()
            .user_agent(concat!("fundbot/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| IngestError::Download(e.to_string()))?;
        let mut request = client.get(current.clone());
        if let Some(etag) = &validators.etag {
            request = request.header(reqwest::header::IF_NONE_MATCH, etag.as_str());
        }
        if let Some(date) = &validators.last_modified {
            request = request.header(reqwest::header::IF_MODIFIED_SINCE, date.as_str());
        }
        let mut response = request
            .send()
            .await
            .map_err(|e| IngestError::Download(short(&e)))?;
        if response.status() == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Conditional::NotModified);
        }
        if response.status().is_redirection() {
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .ok_or(IngestError::Status(response.status().as_u16()))?;
            current = current.join(location).map_err(|_| IngestError::BadUrl)?;
            continue;
        }
        if !response.status().is_success() {
            return Err(IngestError::Status(response.status().as_u16()));
        }
        if response
            .content_length()
            .is_some_and(|n| n as usize > options.max_bytes)
        {
            return Err(IngestError::TooLarge(options.max_bytes));
        }
        let header = |name: reqwest::header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let validators = Validators {
            etag: header(reqwest::header::ETAG),
            last_modified: header(reqwest::header::LAST_MODIFIED),
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| IngestError::Download(short(&e)))?
        {
            if bytes.len() + chunk.len() > options.max_bytes {
                return Err(IngestError::TooLarge(options.max_bytes));
            }
            bytes.extend_from_slice(&chunk);
        }
        return Ok(Conditional::Fetched(Fetched {
            bytes,
            content_type,
            url: current.to_string(),
            validators,
        }));
    }
    Err(IngestError::Redirects)
}

fn short(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        "could not connect".to_string()
    } else {
        "the connection failed".to_string()
    }
}

/// The format of an upload, from its name's extension, its content type, or a look at it.
pub fn detect_format(
    name: Option<&str>,
    content_type: Option<&str>,
    bytes: &[u8],
) -> Option<Format> {
    if let Some(f) = name.and_then(|n| Format::from_path(Path::new(n))) {
        return Some(f);
    }
    let ct = content_type.unwrap_or_default().to_ascii_lowercase();
    if ct.contains("html") {
        return Some(Format::Html);
    }
    if ct.contains("markdown") {
        return Some(Format::Markdown);
    }
    if ct.contains("ndjson") || ct.contains("jsonl") || ct.contains("json-seq") {
        return Some(Format::JsonLines);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let trimmed = head.trim_start();
    if trimmed.starts_with("<!doctype html") || trimmed.starts_with("<html") {
        return Some(Format::Html);
    }
    if trimmed.starts_with("---") {
        return Some(Format::Markdown);
    }
    if trimmed.starts_with('{') {
        return Some(Format::JsonLines);
    }
    (ct.starts_with("text/plain") || ct.is_empty()).then_some(Format::Text)
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Markdown => "md",
        Format::Text => "txt",
        Format::Html => "html",
        Format::JsonLines => "jsonl",
    }
}

/// A saved article.
#[derive(Debug, Clone, Serialize)]
pub struct Saved {
    /// Path under `data/articles/`.
    pub path: String,
    /// Its title (the first article's, for JSON Lines).
    pub title: String,
    /// Articles in the file.
    pub articles: usize,
}

/// Checks that `bytes` reads as an article in `format`, then saves it under
/// `articles/ingested/` with a name made from its title and today's date.
pub fn save(articles_dir: &Path, bytes: &[u8], format: Format) -> Result<Saved, IngestError> {
    let probe = CorpusFile {
        rel: "upload".to_string(),
        path: PathBuf::from("upload"),
        format,
    };
    let results = corpus::parse_file(&probe, bytes);
    let good: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    let Some(first) = good.first() else {
        let reason = results
            .into_iter()
            .find_map(|r| r.err())
            .map(|e| e.to_string().trim_start_matches("upload: ").to_string())
            .unwrap_or_else(|| "empty file".to_string());
        return Err(IngestError::Unreadable(reason));
    };
    let dir = articles_dir.join("ingested");
    std::fs::create_dir_all(&dir).map_err(|e| IngestError::Save(e.to_string()))?;
    let stem = format!(
        "{}-{}",
        chrono::Utc::now().format("%Y-%m-%d"),
        slug(&first.title)
    );
    let ext = extension(format);
    let mut name = format!("{stem}.{ext}");
    let mut n = 2;
    while dir.join(&name).exists() {
        name = format!("{stem}-{n}.{ext}");
        n += 1;
    }
    // Write to a temporary name first so a reindex never sees half a file.
    let tmp = dir.join(format!(".{name}.part"));
    std::fs::write(&tmp, bytes).map_err(|e| IngestError::Save(e.to_string()))?;
    std::fs::rename(&tmp, dir.join(&name)).map_err(|e| IngestError::Save(e.to_string()))?;
    Ok(Saved {
        path: format!("ingested/{name}"),
        title: first.title.clone(),
        articles: good.len(),
    })
}

/// One line of the audit log.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry<'a> {
    /// When (RFC 3339).
    pub at: String,
    /// Discord user id.
    pub user_id: u64,
    /// Discord user name.
    pub user: &'a str,
    /// `reindex`, `ingest`, or a refused attempt.
    pub action: &'a str,
    /// What was asked.
    pub detail: String,
    /// What happened.
    pub outcome: String,
}

/// Appends an entry to `data/audit.log` (one JSON object per line).
pub fn audit(log: &Path, entry: &AuditEntry) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)?;
    let line = serde_json::to_string(entry).map_err(std::io::Error::other)?;
    writeln!(file, "{line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_addresses_are_recognised() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fc00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_private(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["93.184.216.34", "1.1.1.1", "2606:4700::1111"] {
            assert!(!is_private(ip.parse().unwrap()), "{ip}");
        }
    }

    #[tokio::test]
    async fn loopback_and_odd_schemes_are_refused() {
        let options = FetchOptions {
            max_bytes: 1000,
            timeout: Duration::from_secs(2),
            allow_private: false,
        };
        assert!(matches!(
            fetch("http://127.0.0.1:9/x", &options).await,
            Err(IngestError::PrivateAddress)
        ));
        assert!(matches!(
            fetch("http://localhost:9/x", &options).await,
            Err(IngestError::PrivateAddress)
        ));
        assert!(matches!(
            fetch("file:///etc/passwd", &options).await,
            Err(IngestError::Scheme)
        ));
        assert!(matches!(
            fetch("not a url", &options).await,
            Err(IngestError::BadUrl)
        ));
    }

    #[test]
    fn names_come_from_titles_never_from_uploaded_paths() {
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(
            slug("Acme raises $20M: what it means"),
            "acme-raises-20m-what-it-means"
        );
        assert_eq!(slug("???"), "article");
        let dir = tempfile::tempdir().unwrap();
        let text = b"---\ntitle: \"../../Acme raises $20M\"\n---\nAcme raised $20 million.\n";
        let a = save(dir.path(), text, Format::Markdown).unwrap();
        let b = save(dir.path(), text, Format::Markdown).unwrap();
        assert!(
            a.path.starts_with("ingested/") && a.path.ends_with("-acme-raises-20m.md"),
            "{}",
            a.path
        );
        assert_ne!(a.path, b.path);
        assert!(dir.path().join(&a.path).is_file());
        assert!(matches!(
            save(dir.path(), b"---\ntitle: x\n", Format::Markdown),
            Err(IngestError::Unreadable(_))
        ));
    }

    #[test]
    fn formats_are_detected() {
        assert_eq!(
            detect_format(Some("a.MD"), None, b""),
            Some(Format::Markdown)
        );
        assert_eq!(
            detect_format(None, Some("text/html; charset=utf-8"), b""),
            Some(Format::Html)
        );
        assert_eq!(
            detect_format(None, None, b"<!DOCTYPE html><html>"),
            Some(Format::Html)
        );
        assert_eq!(
            detect_format(Some("photo.png"), Some("image/png"), b"\x89PNG"),
            None
        );
    }
}
