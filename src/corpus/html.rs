//! HTML pages: metadata from the head, the story's text from its main container.
//!
//! Navigation, headers, footers, scripts, forms, figures and anything whose class or id marks it
//! as an ad, a promo, a share bar or a "related stories" box is dropped before paragraphs are
//! collected.

use scraper::{ElementRef, Html, Node, Selector};

use super::{normalize_body, parse_published, Article};
use crate::error::{Error, Result};

/// Parses an HTML page into an article.
pub fn parse(rel: &str, text: &str, hash: String) -> Result<Article> {
    let doc = Html::parse_document(text);
    let meta = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            let css = format!(
                "meta[property=\"{name}\"], meta[name=\"{name}\"], meta[itemprop=\"{name}\"]"
            );
            let sel = Selector::parse(&css).ok()?;
            doc.select(&sel)
                .find_map(|e| e.value().attr("content"))
                .map(collapse)
                .filter(|v| !v.is_empty())
        })
    };
    let first_text = |css: &str| -> Option<String> {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel)
            .map(|e| collapse(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let first_attr = |css: &str, attr: &str| -> Option<String> {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel)
            .find_map(|e| e.value().attr(attr))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };

    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| first_text("article h1, main h1, h1"))
        .or_else(|| first_text("title"))
        .unwrap_or_default();
    let source = meta(&["og:site_name", "application-name", "publisher"]);
    let url = first_attr("link[rel=\"canonical\"]", "href").or_else(|| meta(&["og:url"]));
    let published_raw = meta(&[
        "article:published_time",
        "datePublished",
        "pubdate",
        "publish-date",
        "date",
        "dc.date",
    ])
    .or_else(|| first_attr("time[datetime]", "datetime"));
    let published = published_raw.as_deref().and_then(parse_published);

    let container = main_container(&doc);
    let mut paragraphs = Vec::new();
    let mut buffer = String::new();
    if let Some(container) = container {
        collect(container, &mut buffer, &mut paragraphs);
    }
    flush(&mut buffer, &mut paragraphs);
    // The headline often repeats as the first block of the story container.
    if paragraphs.first().is_some_and(|p| *p == title) {
        paragraphs.remove(0);
    }
    let body = normalize_body(&paragraphs.join("\n\n"));
    if body.is_empty() {
        return Err(Error::Article {
            path: rel.to_string(),
            reason: "no story text found in the HTML page".to_string(),
        });
    }
    let mut warnings = Vec::new();
    if let (Some(raw), None) = (&published_raw, published) {
        warnings.push(format!(
            "unreadable published date {raw:?}; indexed without one"
        ));
    }
    Ok(Article {
        id: rel.to_string(),
        title: if title.is_empty() {
            body.lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(120)
                .collect()
        } else {
            title
        },
        source,
        url,
        published,
        body,
        hash,
        warnings,
    })
}

/// The element holding the story: the `<article>` with the most paragraph text, else `<main>`,
/// an `articleBody`, a common content class, or the whole `<body>`.
fn main_container(doc: &Html) -> Option<ElementRef<'_>> {
    let p = Selector::parse("p").expect("static selector");
    let text_len = |e: &ElementRef| -> usize {
        e.select(&p)
            .map(|p| p.text().map(str::len).sum::<usize>())
            .sum()
    };
    for css in [
        "article",
        "[itemprop=\"articleBody\"]",
        "main",
        "[role=\"main\"]",
        ".article-body, .article-content, .post-content, .entry-content, .story-body, #content",
    ] {
        let sel = Selector::parse(css).expect("static selector");
        if let Some(best) = doc
            .select(&sel)
            .filter(|e| !is_skipped(e))
            .max_by_key(|e| text_len(e))
            .filter(|e| text_len(e) > 0)
        {
            return Some(best);
        }
    }
    let body = Selector::parse("body").expect("static selector");
    doc.select(&body).next()
}

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "figure",
    "figcaption",
    "iframe",
    "svg",
    "template",
    "select",
    "input",
    "dialog",
    "menu",
];

const SKIP_MARKERS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "banner",
    "promo",
    "sponsor",
    "sponsored",
    "related",
    "recommended",
    "newsletter",
    "subscribe",
    "signup",
    "share",
    "sharing",
    "social",
    "cookie",
    "cookies",
    "consent",
    "comments",
    "comment",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "credit",
    "byline",
    "footer",
    "header",
    "nav",
    "navigation",
    "menu",
    "popup",
    "modal",
    "tags",
    "bio",
    "outbrain",
    "taboola",
    "paywall",
    "offers",
];

fn is_skipped(e: &ElementRef) -> bool {
    let el = e.value();
    if SKIP_TAGS.contains(&el.name()) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        el.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary")
    ) {
        return true;
    }
    let marks = el.attr("class").into_iter().chain(el.attr("id"));
    marks
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|tok| SKIP_MARKERS.contains(&tok.to_ascii_lowercase().as_str()))
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "dd",
    "dt",
    "article",
    "main",
    "ul",
    "ol",
    "table",
];

fn collect(element: ElementRef, buffer: &mut String, out: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => buffer.push_str(text),
            Node::Element(el) => {
                let Some(child_ref) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_skipped(&child_ref) {
                    continue;
                }
                if el.name() == "br" {
                    buffer.push(' ');
                    continue;
                }
                if el.name() == "table" {
                    flush(buffer, out);
                    out.extend(table(child_ref));
                    continue;
                }
                if matches!(el.name(), "ul" | "ol") {
                    if let Some(record) = fact_list(child_ref) {
                        flush(buffer, out);
                        out.push(record);
                        continue;
                    }
                }
                let block = BLOCK_TAGS.contains(&el.name());
                if block {
                    flush(buffer, out);
                }
                collect(child_ref, buffer, out);
                if block {
                    flush(buffer, out);
                }
            }
            _ => {}
        }
    }
}

/// A deal box written as a list of "Label: value" items ("Company: Servotec", "Round: Series E",
/// "Lead: ...") is one record, read like a table row.
fn fact_list(element: ElementRef) -> Option<String> {
    let items: Vec<String> = element
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| c.value().name() == "li" && !is_skipped(c))
        .map(|li| collapse(&li.text().collect::<Vec<_>>().join(" ")))
        .filter(|t| !t.is_empty())
        .collect();
    super::labelled_record(&items)
}

/// A table's rows as records ("Company: Paylark | Round: Series A"), its header row (`th`
/// cells, or the `thead` row) naming the fields.
fn table(element: ElementRef) -> Vec<String> {
    let mut header: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let rows_of = element
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "tr" && !is_skipped(e));
    for tr in rows_of {
        let cells: Vec<(bool, String)> = tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .map(|c| {
                let mut text = String::new();
                for t in c.text() {
                    text.push_str(t);
                    text.push(' ');
                }
                (c.value().name() == "th", collapse(&text))
            })
            .collect();
        if cells.is_empty() {
            continue;
        }
        let in_head = tr
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|p| p.value().name() == "thead");
        if header.is_empty() && rows.is_empty() && (in_head || cells.iter().all(|(th, _)| *th)) {
            header = cells.into_iter().map(|(_, t)| t).collect();
        } else {
            rows.push(cells.into_iter().map(|(_, t)| t).collect());
        }
    }
    super::table_records(&header, &rows)
}

fn flush(buffer: &mut String, out: &mut Vec<String>) {
    let text = collapse(buffer);
    if !text.is_empty() {
        out.push(text);
    }
    buffer.clear();
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const PAGE: &str = r##"<!doctype html><html><head>
<title>Acme raises $20M | Example Daily</title>
<meta property="og:title" content="Acme raises $20M">
<meta property="og:site_name" content="Example Daily">
<link rel="canonical" href="https://daily.example/acme">
<meta property="article:published_time" content="2023-06-13T08:00:00Z">
<script>var tracking = "Series Z led by Nobody";</script>
</head><body>
<nav><a href="/">Home</a><a href="/tech">Tech</a></nav>
<div class="cookie-banner">We use cookies. Accept?</div>
<header><h1>Example Daily</h1></header>
<main><article>
<h1>Acme raises $20M</h1>
<p>Acme, a Berlin robotics startup, has raised $20 million in a Series A round.</p>
<figure><img src="a.jpg"><figcaption>Photo: Jane Doe/Getty Images</figcaption></figure>
<div class="ad-slot"><p>Buy our premium plan for $9.99!</p></div>
<p>The round was led by <a href="#">Northwind Ventures</a>, with participation from Contoso&nbsp;Capital.</p>
<aside><h3>Related stories</h3><ul><li>Beta raises $5M</li></ul></aside>
</article></main>
<footer>© 2023 Example Daily. All rights reserved.</footer>
</body></html>"##;

    #[test]
    fn story_text_without_page_furniture() {
        let a = parse("acme.html", PAGE, "h".into()).unwrap();
        assert_eq!(a.title, "Acme raises $20M");
        assert_eq!(a.source.as_deref(), Some("Example Daily"));
        assert_eq!(a.url.as_deref(), Some("https://daily.example/acme"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 6, 13));
        assert_eq!(
            a.body,
            "Acme, a Berlin robotics startup, has raised $20 million in a Series A round.\n\n\
             The round was led by Northwind Ventures, with participation from Contoso Capital."
        );
        for junk in [
            "cookies", "premium", "Getty", "Related", "Home", "©", "tracking",
        ] {
            assert!(!a.body.contains(junk), "{junk} leaked into the body");
        }
    }

    #[test]
    fn page_without_article_tag_uses_body_paragraphs() {
        let a = parse(
            "x.html",
            "<html><head><title>Plain page</title></head><body><p>One.</p><p>Two &amp; three.</p></body></html>",
            "h".into(),
        )
        .unwrap();
        assert_eq!(a.title, "Plain page");
        assert_eq!(a.body, "One.\n\nTwo & three.");
    }

    #[test]
    fn deal_box_lists_become_records() {
        let a = parse(
            "t.html",
            "<html><body><article><p>Deals.</p><ul><li><strong>Company:</strong> Servotec</li><li><strong>Round:</strong> Series E</li>\
             <li><strong>Amount:</strong> $95M</li></ul><ul><li>Fast</li><li>Cheap</li><li>Good</li></ul></article></body></html>",
            "h".into(),
        )
        .unwrap();
        assert_eq!(
            a.body,
            "Deals.\n\nCompany: Servotec | Round: Series E | Amount: $95M\n\nFast\n\nCheap\n\nGood"
        );
    }

    #[test]
    fn tables_become_records() {
        let a = parse(
            "t.html",
            "<html><body><article><p>This week's deals.</p><table><thead><tr><th>Company</th><th>Round</th><th>Amount</th></tr></thead>\
             <tbody><tr><td><b>Servotec</b></td><td>Series E</td><td>$95M</td></tr><tr><td>Kinematica</td><td>Series C</td><td>$60M</td></tr></tbody></table></article></body></html>",
            "h".into(),
        )
        .unwrap();
        assert_eq!(
            a.body,
            "This week's deals.\n\nCompany: Servotec | Round: Series E | Amount: $95M\n\nCompany: Kinematica | Round: Series C | Amount: $60M"
        );
    }

    #[test]
    fn page_with_no_text_is_an_error() {
        let err = parse(
            "empty.html",
            "<html><body><nav>Menu</nav></body></html>",
            "h".into(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("empty.html"));
    }
}
