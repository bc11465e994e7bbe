//! The corpus: articles on disk under `data/articles/`, read into a common [`Article`] shape.
//!
//! Four formats are accepted (see the README): Markdown or text with a front matter block, plain
//! text whose first line is the title, HTML pages (main text only), and JSON Lines with one
//! article per line. An article's identity is its path under `articles/`; a JSON Lines article
//! adds `#N`, its 1-based line number.

mod boilerplate;
mod frontmatter;
mod html;
mod jsonl;
mod passage;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

pub use boilerplate::is_boilerplate;
pub use passage::{is_record, paragraphs, passages, split_sentences, Passage, Span};

use crate::error::{Error, Result};

/// One news article, whatever format it came in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Path under `articles/` (with `#N` for a JSON Lines line): the article's identity.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet that published it, when known.
    pub source: Option<String>,
    /// Link to the original, when known.
    pub url: Option<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// The article text: paragraphs separated by blank lines. Passage offsets point into it.
    pub body: String,
    /// Content hash of the raw bytes the article came from.
    pub hash: String,
    /// Problems that did not stop the article from being indexed (e.g. an unreadable date).
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// The formats fundbot reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.md`, `.markdown`: front matter expected, plain text accepted.
    Markdown,
    /// `.txt`: front matter accepted, else the first line is the title.
    Text,
    /// `.html`, `.htm`.
    Html,
    /// `.jsonl`, `.ndjson`: one article per line.
    JsonLines,
}

impl Format {
    /// The format for a file name, or `None` for files fundbot ignores.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// A file of the corpus: where it is and its identity under `articles/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusFile {
    /// Path relative to the articles directory, with `/` separators.
    pub rel: String,
    /// Full path on disk.
    pub path: PathBuf,
    /// How to read it.
    pub format: Format,
}

/// Lists the article files under `articles_dir`, recursively, sorted by path.
///
/// Hidden files and unknown extensions (a README, an image) are skipped. A missing directory
/// is an empty corpus.
pub fn list_files(articles_dir: &Path) -> Result<Vec<CorpusFile>> {
    let mut files = Vec::new();
    if articles_dir.is_dir() {
        walk(articles_dir, articles_dir, &mut files)?;
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(files)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<CorpusFile>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if kind.is_dir() {
            walk(root, &path, out)?;
        } else if let Some(format) = Format::from_path(&path) {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push(CorpusFile { rel, path, format });
        }
    }
    Ok(())
}

/// Content hash used to decide whether an article changed.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
}

/// Parses one file's bytes into its articles.
///
/// A single-article format gives one article or an error. A JSON Lines file gives one result
/// per non-empty line, so a broken line does not lose the others.
pub fn parse_file(file: &CorpusFile, bytes: &[u8]) -> Vec<Result<Article>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return vec![Err(Error::Article {
                path: file.rel.clone(),
                reason: format!("not valid UTF-8 text ({e})"),
            })]
        }
    };
    let hash = content_hash(bytes);
    match file.format {
        Format::Markdown | Format::Text => vec![frontmatter::parse(&file.rel, text, hash)],
        Format::Html => vec![html::parse(&file.rel, text, hash)],
        Format::JsonLines => jsonl::parse(&file.rel, text),
    }
}

/// A line in capitals with no sentence mark, "THIS WEEK IN FINTECH NEWS": a heading, which
/// the next line does not continue.
fn is_capitals_heading(line: &str) -> bool {
    let line = line.trim();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 6
        && line.contains(' ')
        && !line.chars().any(|c| c.is_lowercase())
        && !line.ends_with([',', '-', '–', '—'])
}

/// A block cut after each heading line in capitals, so that the heading and the line under it
/// are not read as one sentence.
fn after_capitals_headings(block: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in block.lines() {
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(line);
        if is_capitals_heading(line) {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() || out.is_empty() {
        out.push(current);
    }
    out
}

/// Normalises text the way every format needs: unified line ends, non-breaking and odd spaces
/// turned into plain spaces, runs of spaces inside a line collapsed, paragraphs separated by
/// exactly one blank line.
pub fn normalize_body(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    let blocks = text
        .split("\n\n")
        .flat_map(|p| markdown_table(p).unwrap_or_else(|| split_list_items(p)))
        .flat_map(|p| after_capitals_headings(&p));
    for para in blocks {
        let para = strip_emphasis(&para);
        let mut line = String::with_capacity(para.len());
        let mut last_space = true;
        for ch in para.chars() {
            let ch = match ch {
                '\u{00a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\t' | '\n' => ' ',
                '\u{200b}' | '\u{feff}' | '\u{00ad}' => continue,
                // Flags and pictographs ("Quorra 🇲🇽 raised"): read as a space, so the words
                // on each side still meet.
                '\u{1f1e6}'..='\u{1f1ff}'
                | '\u{1f300}'..='\u{1faff}'
                | '\u{2600}'..='\u{27bf}'
                | '\u{fe0f}' => ' ',
                '\u{2010}' | '\u{2011}' | '\u{2012}' => '-',
                c => c,
            };
            if ch == ' ' {
                if !last_space {
                    line.push(' ');
                }
                last_space = true;
            } else {
                line.push(ch);
                last_space = false;
            }
        }
        let line = line.trim();
        if !line.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(line);
        }
    }
    out
}

/// Markdown emphasis (`**bold**`, `__bold__`, `*italic*`) is presentation, not text: a name
/// in bold must read as the name.
fn strip_emphasis(para: &str) -> String {
    if !para.contains(['*', '_']) {
        return para.to_string();
    }
    let chars: Vec<char> = para.chars().collect();
    let mut out = String::with_capacity(para.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '*' || c == '_' {
            let mut j = i;
            while j < chars.len() && chars[j] == c {
                j += 1;
            }
            let run = j - i;
            let before = i.checked_sub(1).map(|k| chars[k]);
            let after = chars.get(j).copied();
            let edge = |ch: Option<char>| ch.is_none_or(|ch| !ch.is_alphanumeric());
            // Underscores inside words (snake_case, URLs) stay; stars always go when they wrap
            // or open a word.
            let emphasis = match c {
                '*' => run <= 3 && (edge(before) || edge(after)),
                _ => {
                    run <= 2
                        && (edge(before) || edge(after))
                        && !(before.is_some_and(char::is_alphanumeric)
                            && after.is_some_and(char::is_alphanumeric))
                }
            };
            if !emphasis {
                out.extend(&chars[i..j]);
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A Markdown table (`| Company | Amount |` over a `|---|---|` rule) becomes one record per
/// row, "Company: Paylark | Amount: US$18m", so each row reads like a digest entry.
fn markdown_table(para: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = para
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 3 || !lines.iter().all(|l| l.starts_with('|')) {
        return None;
    }
    let is_rule =
        |l: &str| l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) && l.contains('-');
    if !is_rule(lines[1]) {
        return None;
    }
    let cells = |l: &str| -> Vec<String> {
        l.trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let header = cells(lines[0]);
    let rows: Vec<Vec<String>> = lines[2..].iter().map(|l| cells(l)).collect();
    Some(table_records(&header, &rows))
}

/// Table rows as "Header: value | Header: value" records; rows of a table without a header
/// are joined cell by cell.
pub(crate) fn table_records(header: &[String], rows: &[Vec<String>]) -> Vec<String> {
    rows.iter()
        .map(|row| {
            let cells = row.iter().enumerate().filter(|(_, v)| !v.trim().is_empty());
            let parts: Vec<String> = if header.iter().any(|h| !h.trim().is_empty()) {
                cells
                    .map(|(i, v)| match header.get(i).map(|h| h.trim()) {
                        Some(h) if !h.is_empty() => format!("{h}: {}", v.trim()),
                        _ => v.trim().to_string(),
                    })
                    .collect()
            } else {
                cells.map(|(_, v)| v.trim().to_string()).collect()
            };
            parts.join(" | ")
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// Splits a paragraph whose lines are list items ("- Klarix: €8M seed", "• …", "1. …") into one
/// block per item, without the bullet, so each item reads as its own paragraph.
fn split_list_items(para: &str) -> Vec<String> {
    let is_item = |line: &str| {
        let t = line.trim_start();
        strip_bullet(t).is_some()
            || t.split_once(['.', ')']).is_some_and(|(n, rest)| {
                n.len() <= 2
                    && !n.is_empty()
                    && n.chars().all(|c| c.is_ascii_digit())
                    && rest.starts_with(' ')
            })
    };
    if !para.lines().skip(1).any(is_item) {
        // A list item standing alone as its paragraph loses its bullet too.
        return vec![strip_bullet(para).unwrap_or(para).to_string()];
    }
    let mut blocks: Vec<String> = Vec::new();
    for line in para.lines() {
        if is_item(line) || blocks.is_empty() {
            let t = line.trim_start();
            blocks.push(strip_bullet(t).unwrap_or(t).to_string());
        } else if let Some(last) = blocks.last_mut() {
            last.push('\n');
            last.push_str(line);
        }
    }
    // A deal card ("- **Company:** Servotec", "- **Round:** Series E", ...) is one record; a
    // title line before the items stays its own paragraph.
    let first_is_item = para.lines().next().is_some_and(is_item);
    let skip = usize::from(!first_is_item);
    if let Some(record) = labelled_record(&blocks[skip.min(blocks.len())..]) {
        let mut out: Vec<String> = blocks[..skip.min(blocks.len())].to_vec();
        out.push(record);
        return out;
    }
    blocks
}

/// The text after a list bullet ("- ", "• ", ...), or `None` when `line` has none.
fn strip_bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    ["- ", "* ", "• ", "▶ ", "– "]
        .iter()
        .find_map(|b| t.strip_prefix(b))
}

/// List items that are all "Label: value" (three or more) joined into one record line,
/// "Company: Servotec | Round: Series E | ...", which the facts extractor reads field by field.
pub(crate) fn labelled_record(items: &[String]) -> Option<String> {
    let labelled = |t: &str| {
        let emphasis = |c: char| c == '*' || c == '_' || c.is_whitespace();
        !t.contains('\n')
            && passage::labelled_cell(t).is_some_and(|(label, value)| {
                !label.trim_matches(emphasis).is_empty() && !value.trim_matches(emphasis).is_empty()
            })
    };
    (items.len() >= 3 && items.iter().all(|t| labelled(t))).then(|| items.join(" | "))
}

/// Reads a date as articles and feeds write it: `2018-04-09`, `2018-04-09T08:00:00Z`,
/// `2018/04/09`, `April 9, 2018`, `9 April 2018`, `Apr 9 2018`.
pub fn parse_published(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Some(head) = value.get(..10) {
        for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
            if let Ok(date) = NaiveDate::parse_from_str(head, fmt) {
                return Some(date);
            }
        }
    }
    let cleaned: String = value.replace(',', " ");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    for fmt in [
        "%B %d %Y",
        "%d %B %Y",
        "%b %d %Y",
        "%d %b %Y",
        "%A %B %d %Y",
        "%a %b %d %Y",
    ] {
        if let Ok(date) = NaiveDate::parse_from_str(&cleaned, fmt) {
            return Some(date);
        }
    }
    None
}

/// The first non-empty line of `text`, trimmed, for use as a title.
fn first_line(text: &str) -> Option<&str> {
    text.lines().map(str::trim).find(|l| !l.is_empty())
}

/// A file name made only of lower-case ASCII letters, digits and dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "article".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_pictographs_read_as_spaces() {
        assert_eq!(
            normalize_body("Quorra 🇲🇽 raised a $9 million round led by Halyard 🇺🇸 🚀"),
            "Quorra raised a $9 million round led by Halyard"
        );
    }

    #[test]
    fn a_heading_in_capitals_is_a_paragraph_of_its_own() {
        assert_eq!(
            normalize_body("DEALS OF THE WEEK\nBrello raised $5 million\nfrom two funds.\nNEW YORK (Wire) -- Castwick closed a round."),
            "DEALS OF THE WEEK\n\nBrello raised $5 million from two funds. NEW YORK (Wire) -- Castwick closed a round."
        );
    }

    #[test]
    fn formats_follow_extensions() {
        assert_eq!(
            Format::from_path(Path::new("a/b.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("x.htm")), Some(Format::Html));
        assert_eq!(
            Format::from_path(Path::new("x.jsonl")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::from_path(Path::new("notes.pdf")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
    }

    #[test]
    fn published_dates_in_common_spellings() {
        let want = NaiveDate::from_ymd_opt(2018, 4, 9);
        for s in [
            "2018-04-09",
            "2018-04-09T08:00:00Z",
            "2018/04/09",
            "April 9, 2018",
            "9 April 2018",
            "Apr 9 2018",
        ] {
            assert_eq!(parse_published(s), want, "{s}");
        }
        assert_eq!(parse_published("last Tuesday"), None);
        assert_eq!(parse_published("2018-13-40"), None);
    }

    #[test]
    fn list_items_become_paragraphs() {
        let raw = "Deals:\n- Klarix (Berlin): €8M seed\n- Voltaro: €15M Series A\n  led by Kibo\n\n1. One\n2. Two";
        assert_eq!(
            normalize_body(raw),
            "Deals:\n\nKlarix (Berlin): €8M seed\n\nVoltaro: €15M Series A led by Kibo\n\n1. One\n\n2. Two"
        );
    }

    #[test]
    fn markdown_tables_become_records_and_emphasis_goes() {
        let raw = "| Company | Stage | Amount |\n|---|:---:|---|\n| Paylark | Series A | US$18m |\n| Ledgerfy | | €2.8m |\n\n**Zephyrine Health** (Nashville) raised *US$45m*; see q5_ventures.";
        assert_eq!(
            normalize_body(raw),
            "Company: Paylark | Stage: Series A | Amount: US$18m\n\nCompany: Ledgerfy | Amount: €2.8m\n\nZephyrine Health (Nashville) raised US$45m; see q5_ventures."
        );
        // A pipe in prose is not a table.
        assert_eq!(normalize_body("A | B\nC | D"), "A | B C | D");
    }

    #[test]
    fn deal_cards_written_as_lists_become_records() {
        let raw = "DEAL OF THE DAY\n- **Company:** Servotec\n- **Round:** Series E\n- **Lead:** Ironwood Fund\n\n\
                   Three things:\n- one: a\n- two, with no label\n- three: c";
        let body = normalize_body(raw);
        assert!(
            body.starts_with(
                "DEAL OF THE DAY\n\nCompany: Servotec | Round: Series E | Lead: Ironwood Fund\n\n"
            ),
            "{body}"
        );
        // A list where some items carry no label stays a list of paragraphs.
        assert!(
            body.ends_with("one: a\n\ntwo, with no label\n\nthree: c"),
            "{body}"
        );
    }

    #[test]
    fn bodies_are_normalised() {
        let raw = "First\u{a0}line  with   spaces\r\ncontinues.\r\n\r\n\r\n\r\nSecond\u{200b} para. \n\n  \n";
        assert_eq!(
            normalize_body(raw),
            "First line with spaces continues.\n\nSecond para."
        );
    }

    #[test]
    fn listing_skips_hidden_and_unknown_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("2024")).unwrap();
        std::fs::write(dir.path().join("2024/b.md"), "x").unwrap();
        std::fs::write(dir.path().join("a.html"), "x").unwrap();
        std::fs::write(dir.path().join(".draft.md"), "x").unwrap();
        std::fs::write(dir.path().join("photo.jpg"), "x").unwrap();
        let files = list_files(dir.path()).unwrap();
        let rels: Vec<_> = files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["2024/b.md", "a.html"]);
        assert!(list_files(&dir.path().join("missing")).unwrap().is_empty());
    }
}
