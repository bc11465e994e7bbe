//! Discord messages as plain data, built from reply models and cut to Discord's limits.
//!
//! Nothing here touches serenity: the adapter turns a [`Message`] into a request. That keeps
//! every limit testable: title 256, description 4096, field name 256, field value 1024,
//! 25 fields, footer 2048, 6000 characters in all, content 2000.

use serde::Serialize;

use crate::answer::ask::Basis;
use crate::answer::{Citation, FactsReply, InvestorReply, Reply, RoundView};
use crate::facts::store::Stats;
use crate::index::Hit;
use crate::reindex::Summary;

/// Discord's limits, in characters.
pub mod limits {
    /// Embed title.
    pub const TITLE: usize = 256;
    /// Embed description.
    pub const DESCRIPTION: usize = 4096;
    /// Field name.
    pub const FIELD_NAME: usize = 256;
    /// Field value.
    pub const FIELD_VALUE: usize = 1024;
    /// Fields per embed.
    pub const FIELDS: usize = 25;
    /// Footer text.
    pub const FOOTER: usize = 2048;
    /// All text of one embed together.
    pub const TOTAL: usize = 6000;
    /// Message content.
    pub const CONTENT: usize = 2000;
}

/// Colours for the kinds of reply.
pub mod colors {
    /// An answer from facts.
    pub const ANSWER: u32 = 0x2e7d32;
    /// An answer quoted from a passage.
    pub const PASSAGE: u32 = 0xf9a825;
    /// No answer.
    pub const UNKNOWN: u32 = 0x607d8b;
    /// A two-part question answered in one part.
    pub const PARTIAL: u32 = 0xef6c00;
    /// Information.
    pub const INFO: u32 = 0x1565c0;
    /// Refusal or error.
    pub const ERROR: u32 = 0xc62828;
}

/// An embed field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// Name (bold line).
    pub name: String,
    /// Value.
    pub value: String,
    /// Shown side by side with its neighbours.
    pub inline: bool,
}

/// An embed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Embed {
    /// Title.
    pub title: Option<String>,
    /// Main text.
    pub description: String,
    /// Fields.
    pub fields: Vec<Field>,
    /// Small text at the bottom.
    pub footer: Option<String>,
    /// Side colour.
    pub color: u32,
    /// Picture shown in the embed ("attachment://chart.png" for an attached file).
    pub image: Option<String>,
}

/// A message: optional content and embeds. `allowed_mentions` is always empty when sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Message {
    /// Plain text.
    pub content: Option<String>,
    /// Embeds (fundbot sends one).
    pub embeds: Vec<Embed>,
    /// Only the person who asked sees it.
    pub ephemeral: bool,
    /// Files sent with the message (a chart).
    pub files: Vec<File>,
    /// Buttons under the message, in one row.
    pub buttons: Vec<Button>,
}

/// A file attached to a message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct File {
    /// File name, as referenced by "attachment://NAME".
    pub name: String,
    /// Its bytes.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// A button; pressing it sends `custom_id` back to the bot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Button {
    /// What the bot receives (at most 100 characters).
    pub custom_id: String,
    /// What people see.
    pub label: String,
    /// Greyed out.
    pub disabled: bool,
}

/// The name a chart is attached under.
pub const CHART_FILE: &str = "chart.png";

/// Cuts `text` to at most `max` characters on a character boundary, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Escapes Discord markdown and neutralises mentions, so text from articles and questions shows
/// as written and pings nobody.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200b}"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes `text` and makes the byte ranges `marks` bold.
pub fn bold_ranges(text: &str, marks: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    let mut sorted = marks.to_vec();
    sorted.sort_unstable();
    for (s, e) in sorted {
        if s < at
            || e > text.len()
            || s >= e
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        out.push_str(&escape(&text[at..s]));
        out.push_str("**");
        out.push_str(&escape(&text[s..e]));
        out.push_str("**");
        at = e;
    }
    out.push_str(&escape(&text[at..]));
    out
}

impl Embed {
    fn len(&self) -> usize {
        self.title.as_ref().map_or(0, |t| t.chars().count())
            + self.description.chars().count()
            + self.footer.as_ref().map_or(0, |f| f.chars().count())
            + self
                .fields
                .iter()
                .map(|f| f.name.chars().count() + f.value.chars().count())
                .sum::<usize>()
    }

    /// Enforces every limit: cuts each part, drops fields past 25, then trims fields and the
    /// description until the whole fits in 6000 characters.
    pub fn fit(mut self) -> Self {
        self.title = self.title.map(|t| truncate(&t, limits::TITLE));
        self.description = truncate(&self.description, limits::DESCRIPTION);
        self.footer = self.footer.map(|f| truncate(&f, limits::FOOTER));
        self.fields.truncate(limits::FIELDS);
        for f in &mut self.fields {
            f.name = truncate(
                if f.name.trim().is_empty() {
                    "\u{200b}"
                } else {
                    &f.name
                },
                limits::FIELD_NAME,
            );
            f.value = truncate(
                if f.value.trim().is_empty() {
                    "\u{200b}"
                } else {
                    &f.value
                },
                limits::FIELD_VALUE,
            );
        }
        while self.len() > limits::TOTAL && !self.fields.is_empty() {
            self.fields.pop();
        }
        if self.len() > limits::TOTAL {
            let over = self.len() - limits::TOTAL;
            let keep = self.description.chars().count().saturating_sub(over);
            self.description = truncate(&self.description, keep);
        }
        self
    }
}

impl Message {
    /// A message holding one embed, fitted to the limits.
    pub fn embed(embed: Embed) -> Self {
        Message {
            content: None,
            embeds: vec![embed.fit()],
            ephemeral: false,
            ..Message::default()
        }
    }

    /// A short note only the asker sees.
    pub fn ephemeral(text: &str) -> Self {
        Message {
            content: Some(truncate(&escape(text), limits::CONTENT)),
            embeds: Vec::new(),
            ephemeral: true,
            ..Message::default()
        }
    }

    /// The message with `png` attached and shown as its embed's picture; the notes under the
    /// chart (converted figures, disagreements) go in a field.
    pub fn with_chart(mut self, png: Option<Vec<u8>>, notes: &str) -> Self {
        let Some(png) = png else {
            return self;
        };
        if let Some(e) = self.embeds.first_mut() {
            e.image = Some(format!("attachment://{CHART_FILE}"));
            if !notes.trim().is_empty() {
                e.fields.insert(
                    0,
                    Field {
                        name: "Chart notes".to_string(),
                        value: truncate(&escape(notes), limits::FIELD_VALUE),
                        inline: false,
                    },
                );
                e.fields.truncate(limits::FIELDS);
            }
            let fitted = std::mem::take(e).fit();
            *e = fitted;
        }
        self.files.push(File {
            name: CHART_FILE.to_string(),
            bytes: png,
        });
        self
    }
}

fn source_line(c: &Citation) -> String {
    let mut parts = Vec::new();
    if let Some(s) = &c.source {
        parts.push(escape(s));
    }
    if let Some(d) = c.published {
        parts.push(d.to_string());
    }
    if let Some(u) = &c.url {
        parts.push(format!("<{}>", u.replace('>', "%3E")));
    }
    parts.join(" · ")
}

fn quote(c: &Citation, max: usize) -> String {
    let body = match c.highlight {
        Some(h) => bold_ranges(&c.passage, &[h]),
        None => escape(&c.passage),
    };
    format!("> {}", truncate(&body.replace('\n', " "), max))
}

fn citation_fields(citations: &[Citation], max: usize) -> Vec<Field> {
    citations
        .iter()
        .take(max)
        .map(|c| {
            let line = source_line(c);
            let room = limits::FIELD_VALUE.saturating_sub(line.chars().count() + 4);
            Field {
                name: truncate(&format!("[{}] {}", c.number, c.title), limits::FIELD_NAME),
                value: format!("{line}\n{}", quote(c, room)),
                inline: false,
            }
        })
        .collect()
}

/// `/ask`: the answer on top, then up to five numbered sources with their passages.
pub fn answer(reply: &Reply) -> Message {
    if !reply.answered {
        let mut description = escape(&reply.answer);
        if !reply.suggestions.is_empty() {
            let list: Vec<String> = reply
                .suggestions
                .iter()
                .take(5)
                .map(|s| format!("• {}", escape(s)))
                .collect();
            description.push_str(&format!("\n\nYou could ask about:\n{}", list.join("\n")));
        }
        // The closest source, when there is one, so the reader can check for themselves.
        let (fields, footer) = if reply.citations.is_empty() {
            (
                Vec::new(),
                "Not answered · nothing in my articles answers this, so I won't guess.",
            )
        } else {
            (
                citation_fields(&reply.citations, 1),
                "Not answered · the closest source is shown; it does not state the answer.",
            )
        };
        return Message::embed(Embed {
            title: Some("I don't know that one".to_string()),
            description,
            fields,
            footer: Some(footer.to_string()),
            color: colors::UNKNOWN,
            image: None,
        });
    }
    let (footer, color) = match (reply.status, reply.basis) {
        ("partial", _) => (
            "Partly answered · one part of the question is not in my articles",
            colors::PARTIAL,
        ),
        (_, Basis::Passages) => (
            "Answered · read from a passage (no structured fact matched) · lower confidence",
            colors::PASSAGE,
        ),
        _ => ("Answered · from the facts store", colors::ANSWER),
    };
    Message::embed(Embed {
        title: None,
        description: escape(&reply.answer),
        fields: citation_fields(&reply.citations, 5),
        footer: Some(footer.to_string()),
        color,
        image: None,
    })
}

fn round_row(r: &RoundView) -> String {
    let date = r
        .dates
        .first()
        .map(|d| d.date.clone())
        .unwrap_or_else(|| "????".to_string());
    let amount = if r.amounts.is_empty() {
        "amount not stated".to_string()
    } else {
        r.amounts
            .iter()
            .map(|a| a.text.clone())
            .collect::<Vec<_>>()
            .join(" or ")
    };
    let mut row = format!("`{date}` **{}** · {}", escape(&r.label), escape(&amount));
    if !r.leads.is_empty() {
        let leads: Vec<String> = r.leads.iter().map(|l| escape(&l.name)).collect();
        row.push_str(&format!(" · led by {}", leads.join(", ")));
    }
    if !r.valuations.is_empty() {
        let vals: Vec<String> = r.valuations.iter().map(|v| escape(&v.text)).collect();
        row.push_str(&format!(" · valued {}", vals.join("; ")));
    }
    if r.corrected {
        row.push_str(" · *moderator correction*");
    }
    let refs: Vec<String> = r
        .citations
        .iter()
        .take(4)
        .map(|n| format!("[{n}]"))
        .collect();
    format!("{row} {}", refs.join(""))
}

/// `/funding`: the company's rounds as a compact table with sources.
pub fn funding(reply: &FactsReply) -> Message {
    let Some(company) = &reply.company else {
        let mut text = format!("I have no funding rounds for {}.", escape(&reply.query));
        if !reply.suggestions.is_empty() {
            let names: Vec<String> = reply.suggestions.iter().map(|s| escape(s)).collect();
            text.push_str(&format!(" Did you mean {}?", names.join(", ")));
        }
        return Message::embed(Embed {
            title: Some("No such company".into()),
            description: text,
            color: colors::UNKNOWN,
            ..Embed::default()
        });
    };
    if reply.rounds.is_empty() {
        return Message::embed(Embed {
            title: Some(company.clone()),
            description: "No round of that kind on record.".to_string(),
            color: colors::UNKNOWN,
            ..Embed::default()
        });
    }
    let rows: Vec<String> = reply.rounds.iter().map(round_row).collect();
    Message::embed(Embed {
        title: Some(format!("{company}: funding rounds")),
        description: rows.join("\n"),
        fields: citation_fields(&reply.citations, 5),
        footer: Some(format!(
            "{} round{} · sources numbered below",
            reply.rounds.len(),
            if reply.rounds.len() == 1 { "" } else { "s" }
        )),
        color: colors::INFO,
        image: None,
    })
}

/// `/investor`: the rounds an investor took part in, lead ones marked.
pub fn investor(reply: &InvestorReply) -> Message {
    let Some(name) = &reply.investor else {
        return Message::embed(Embed {
            title: Some("No such investor".into()),
            description: format!(
                "I have no rounds with an investor named {}.",
                escape(&reply.query)
            ),
            color: colors::UNKNOWN,
            ..Embed::default()
        });
    };
    let rows: Vec<String> = reply
        .rounds
        .iter()
        .map(|r| {
            format!(
                "{}{} — {}",
                if r.lead { "★ " } else { "" },
                escape(&r.round.company),
                round_row(&r.round)
            )
        })
        .collect();
    Message::embed(Embed {
        title: Some(format!("{name}: rounds")),
        description: rows.join("\n"),
        fields: citation_fields(&reply.citations, 5),
        footer: Some("★ led the round".to_string()),
        color: colors::INFO,
        image: None,
    })
}

/// `/rounds`: one page of rounds across companies, each cited, with Previous/Next buttons whose
/// ids are `previous` and `next` (empty when there is no such page).
pub fn rounds(
    reply: &crate::answer::rounds::RoundsReply,
    previous: Option<String>,
    next: Option<String>,
) -> Message {
    if reply.total == 0 {
        let mut text = format!("No rounds on record fit: {}.", escape(&reply.description));
        if reply.unranked > 0 {
            text.push_str(&format!(
                " ({} with amounts in currencies without an exchange rate were not ranked.)",
                reply.unranked
            ));
        }
        return Message::embed(Embed {
            title: Some("No rounds".into()),
            description: text,
            color: colors::UNKNOWN,
            ..Embed::default()
        });
    }
    let first = (reply.page - 1) * reply.limit;
    let rows: Vec<String> = reply
        .rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let approx = crate::answer::rounds::approx_text(r);
            let approx = if approx.is_empty() {
                approx
            } else {
                format!(" ({approx})")
            };
            format!(
                "{}. **{}** {}{approx}",
                first + i + 1,
                escape(&r.round.company),
                round_row(&r.round)
            )
        })
        .collect();
    let mut note = String::new();
    if reply.unranked > 0 {
        note = format!(
            " · {} in currencies without a rate not ranked",
            reply.unranked
        );
    }
    let mut m = Message::embed(Embed {
        title: Some(escape(&reply.description)),
        description: rows.join("\n"),
        fields: citation_fields(&reply.citations, 5),
        footer: Some(format!(
            "Page {} of {} · {} round{} in all · ≈ converted at the year's average rate{note}",
            reply.page,
            reply.pages,
            reply.total,
            if reply.total == 1 { "" } else { "s" }
        )),
        color: colors::INFO,
        image: None,
    });
    if reply.pages > 1 {
        m.buttons = vec![
            Button {
                disabled: previous.is_none(),
                custom_id: previous.unwrap_or_else(|| "rounds:none:prev".into()),
                label: "◀ Previous".into(),
            },
            Button {
                disabled: next.is_none(),
                custom_id: next.unwrap_or_else(|| "rounds:none:next".into()),
                label: "Next ▶".into(),
            },
        ];
    }
    m
}

/// `/search`: the best passages with the matching words in bold.
pub fn search(query: &str, hits: &[Hit]) -> Message {
    if hits.is_empty() {
        return Message::embed(Embed {
            title: Some("No passage matches".into()),
            description: format!("Nothing matches {}.", escape(query)),
            color: colors::UNKNOWN,
            ..Embed::default()
        });
    }
    let fields = hits
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, h)| {
            let mut meta = Vec::new();
            if let Some(s) = &h.source {
                meta.push(escape(s));
            }
            if let Some(d) = h.published {
                meta.push(d.to_string());
            }
            if let Some(u) = &h.url {
                meta.push(format!("<{u}>"));
            }
            let meta = meta.join(" · ");
            let room = limits::FIELD_VALUE.saturating_sub(meta.chars().count() + 4);
            Field {
                name: truncate(&format!("[{}] {}", i + 1, h.title), limits::FIELD_NAME),
                value: format!(
                    "{meta}\n> {}",
                    truncate(&bold_ranges(&h.passage, &h.highlights), room)
                ),
                inline: false,
            }
        })
        .collect();
    Message::embed(Embed {
        title: Some(format!("Search: {}", truncate(query, 200))),
        fields,
        color: colors::INFO,
        ..Embed::default()
    })
}

/// `/stats`.
pub fn stats(s: &Stats) -> Message {
    let last = match (
        &s.last_reindex_at,
        &s.last_reindex_by,
        s.last_reindex_seconds,
    ) {
        (Some(at), by, secs) => format!(
            "{at}{}{}",
            by.as_ref()
                .map(|b| format!(" by {}", escape(b)))
                .unwrap_or_default(),
            secs.map(|x| format!(", took {x:.1} s")).unwrap_or_default()
        ),
        _ => "never".to_string(),
    };
    let field = |name: &str, value: String| Field {
        name: name.to_string(),
        value,
        inline: true,
    };
    Message::embed(Embed {
        title: Some("fundbot stats".into()),
        fields: vec![
            field("Articles", s.articles.to_string()),
            field("Passages", s.passages.to_string()),
            field("Companies", s.companies.to_string()),
            field("Rounds", s.rounds.to_string()),
            field("Investors", s.investors.to_string()),
            Field {
                name: "Last reindex".into(),
                value: last,
                inline: false,
            },
        ],
        color: colors::INFO,
        ..Embed::default()
    })
}

/// `/help`.
pub fn help() -> Message {
    Message::embed(Embed {
        title: Some("What I can answer".into()),
        description: [
            "I answer questions about startup funding rounds from the articles my moderators index, and I cite the passage every answer comes from. When the articles don't say, I say so.",
            "",
            "**/ask** `question` — e.g. *Who led SenseTime's Series C?*, *How much did Acme raise?*, *What's Acme valued at?*, *When did Acme raise its seed round?*, *What did Temasek invest in?*, *Biggest rounds in 2018*",
            "**/funding** `company` `[round]` — a company's rounds in a table",
            "**/investor** `name` — the rounds an investor took part in",
            "**/search** `query` — the best matching passages",
            "**/stats** — what is indexed",
            "Moderators: **/reindex** `[full]`, **/ingest** `[file]` `[url]`, **/review** `[page]`, **/correct** `company` `round` `field` `value`",
            "Under every answer: 👍, 👎 and **Report** (tell the moderators what is wrong).",
        ]
        .join("\n"),
        color: colors::INFO,
        ..Embed::default()
    })
}

/// A reindex in progress.
pub fn reindex_progress(stage: &str, done: u64, total: u64, holder: &str) -> Message {
    Message::embed(Embed {
        title: Some("Reindexing…".into()),
        description: format!("{stage}: {done}/{total}"),
        footer: Some(format!("started by {holder}")),
        color: colors::INFO,
        ..Embed::default()
    })
}

/// A finished reindex.
pub fn reindex_done(s: &Summary) -> Message {
    let mut description = format!(
        "{} reindex: **{}** added, **{}** updated, **{}** removed, **{}** failed, {} unchanged in {:.1} s.\n{} articles, {} passages, {} rounds indexed.",
        if s.full { "Full" } else { "Incremental" },
        s.added,
        s.updated,
        s.removed,
        s.failed,
        s.unchanged,
        s.seconds,
        s.articles,
        s.passages,
        s.rounds
    );
    if !s.failures.is_empty() {
        description.push_str("\n\nFailed:");
        for f in s.failures.iter().take(10) {
            description.push_str(&format!(
                "\n• `{}`: {}",
                f.path.replace('`', "'"),
                escape(&f.reason)
            ));
        }
    }
    Message::embed(Embed {
        title: Some("Reindex finished".into()),
        description,
        color: if s.failed > 0 {
            colors::PASSAGE
        } else {
            colors::ANSWER
        },
        ..Embed::default()
    })
}

/// A refusal or error, shown only to the asker.
pub fn refusal(text: &str) -> Message {
    Message::ephemeral(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn citation(n: usize, passage: &str) -> Citation {
        Citation {
            number: n,
            article: "a.md".into(),
            title: "T".repeat(400),
            source: Some("Wire".into()),
            url: Some("https://wire.example/a".into()),
            published: None,
            passage: passage.into(),
            highlight: Some((0, 3)),
            correction: None,
        }
    }

    #[test]
    fn truncation_keeps_characters_whole() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("€€€€€", 3), "€€…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("日本語テキスト", 5).chars().count(), 5);
    }

    #[test]
    fn every_limit_holds_for_a_huge_embed() {
        let e = Embed {
            title: Some("t".repeat(1000)),
            description: "d".repeat(10_000),
            fields: (0..40)
                .map(|i| Field {
                    name: format!("{i}{}", "n".repeat(400)),
                    value: "v".repeat(3000),
                    inline: false,
                })
                .collect(),
            footer: Some("f".repeat(5000)),
            color: 0,
            image: None,
        }
        .fit();
        assert!(e.title.as_ref().unwrap().chars().count() <= limits::TITLE);
        assert!(e.description.chars().count() <= limits::DESCRIPTION);
        assert!(e.footer.as_ref().unwrap().chars().count() <= limits::FOOTER);
        assert!(e.fields.len() <= limits::FIELDS);
        for f in &e.fields {
            assert!(f.name.chars().count() <= limits::FIELD_NAME);
            assert!(f.value.chars().count() <= limits::FIELD_VALUE);
        }
        assert!(e.len() <= limits::TOTAL, "{}", e.len());
    }

    #[test]
    fn empty_field_parts_are_never_sent_empty() {
        let e = Embed {
            fields: vec![Field {
                name: " ".into(),
                value: String::new(),
                inline: false,
            }],
            ..Embed::default()
        }
        .fit();
        assert!(!e.fields[0].name.is_empty() && !e.fields[0].value.is_empty());
    }

    #[test]
    fn markdown_and_mentions_are_neutralised() {
        assert_eq!(
            escape("**bold** @everyone <@&123>"),
            "\\*\\*bold\\*\\* @\u{200b}everyone <@\u{200b}&123\\>"
        );
        assert_eq!(
            bold_ranges("led by Alibaba_Group", &[(7, 20)]),
            "led by **Alibaba\\_Group**"
        );
    }

    #[test]
    fn long_answers_with_many_sources_fit() {
        let passage = "x".repeat(5000);
        let reply = Reply {
            question: "q".into(),
            answered: true,
            status: "answered",
            answer: "A".repeat(9000),
            confidence: crate::answer::Confidence::High,
            basis: Basis::Facts,
            understood: crate::answer::question::understand(
                "q",
                &Default::default(),
                &Default::default(),
            ),
            facts: vec![],
            citations: (1..=12).map(|n| citation(n, &passage)).collect(),
            suggestions: vec![],
        };
        let m = answer(&reply);
        let e = &m.embeds[0];
        assert!(e.len() <= limits::TOTAL);
        assert!(e.fields.len() <= 5);
        assert!(e.description.ends_with('…'));
        assert!(e.fields[0].value.contains("<https://wire.example/a>"));
    }
}
