//! The passage index: a Tantivy index of every passage, searched with BM25.
//!
//! Passage text and titles use an English analyser (lower case, accents folded, a few function
//! words dropped, stemming; see `analysis`); the article path is an exact `STRING` field so an
//! article's passages can be replaced with one `delete_term`. Each commit carries the reindex
//! generation as its payload, which the facts store records too, so the two can be checked
//! against each other. An index whose schema differs (another analyser, other fields) is
//! rebuilt by the next reindex.

mod analysis;
mod query;

use std::path::Path;

use chrono::{DateTime as ChronoDateTime, NaiveDate};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED,
    STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use query::{plain_terms_query, user_query};

use crate::corpus::{Article, Passage};
use crate::error::{Error, Result};

/// The index's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Article path under `articles/` (exact).
    pub article: Field,
    /// Passage ordinal within the article.
    pub ordinal: Field,
    /// Headline (analysed, stored).
    pub title: Field,
    /// Outlet (stored).
    pub source: Field,
    /// Link (stored).
    pub url: Field,
    /// Publication date (indexed, fast, stored).
    pub published: Field,
    /// Passage text (analysed with positions, stored).
    pub text: Field,
    /// Byte offset of the passage in the article body.
    pub start: Field,
    /// Byte offset one past the passage's end.
    pub end: Field,
    /// Character (Unicode scalar) offset of the passage in the article body.
    pub char_start: Field,
    /// Character offset one past the passage's end.
    pub char_end: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let english = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analysis::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        article: b.add_text_field("article", STRING | STORED),
        ordinal: b.add_u64_field("ordinal", STORED),
        title: b.add_text_field("title", english.clone()),
        source: b.add_text_field("source", STORED),
        url: b.add_text_field("url", STORED),
        published: b.add_date_field("published", INDEXED | STORED | FAST),
        text: b.add_text_field("text", english),
        start: b.add_u64_field("start", STORED),
        end: b.add_u64_field("end", STORED),
        char_start: b.add_u64_field("char_start", STORED),
        char_end: b.add_u64_field("char_end", STORED),
    };
    (b.build(), fields)
}

/// Equal scores (the same wire story stored twice) in the order of their articles, not of
/// where the index happened to write them: a reindex gives the same answers as the last.
fn same_order_every_time(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.article.cmp(&b.article))
            .then_with(|| a.ordinal.cmp(&b.ordinal))
    });
}

/// A passage found by a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Article path under `articles/`.
    pub article: String,
    /// Passage ordinal within the article.
    pub ordinal: u64,
    /// Headline.
    pub title: String,
    /// Outlet, when known.
    pub source: Option<String>,
    /// Link, when known.
    pub url: Option<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// The passage text.
    pub passage: String,
    /// Byte offsets of the passage in the article body.
    pub start: u64,
    /// See `start`.
    pub end: u64,
    /// The same span in characters (Unicode scalar values), for tools that count characters.
    pub char_start: u64,
    /// See `char_start`.
    pub char_end: u64,
    /// BM25 score.
    pub score: f32,
    /// Byte ranges of `passage` that matched the query, for highlighting.
    pub highlights: Vec<(usize, usize)>,
}

/// The passage index on disk, with a reader that follows commits.
pub struct PassageIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl PassageIndex {
    /// Opens the index in `dir`, creating an empty one when there is none.
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = schema();
        let directory = MmapDirectory::open(dir).map_err(|e| Error::Invalid(e.to_string()))?;
        let index = Index::open_or_create(directory, schema)?;
        Self::from_index(index, fields)
    }

    /// Opens an existing index; [`Error::NoIndex`] when `dir` holds none.
    pub fn open(dir: &Path) -> Result<Self> {
        if !dir.join("meta.json").is_file() {
            return Err(Error::NoIndex(dir.to_path_buf()));
        }
        let index = Index::open_in_dir(dir)?;
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(Error::Invalid(format!(
                "the index at {} was built by another fundbot version; run `fundbot reindex --full`",
                dir.display()
            )));
        }
        Self::from_index(index, fields)
    }

    /// An index held in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Self> {
        let (schema, fields) = schema();
        Self::from_index(Index::create_in_ram(schema), fields)
    }

    fn from_index(index: Index, fields: Fields) -> Result<Self> {
        index
            .tokenizers()
            .register(analysis::NAME, analysis::analyzer());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(PassageIndex {
            index,
            reader,
            fields,
        })
    }

    /// The schema's fields.
    pub fn fields(&self) -> Fields {
        self.fields
    }

    /// The underlying Tantivy index (benchmarks compare against it directly).
    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// A writer with the given memory budget in bytes.
    pub fn writer(&self, heap_bytes: usize) -> Result<IndexWriter> {
        Ok(self.index.writer(heap_bytes)?)
    }

    /// The generation recorded by the last commit, if any commit carried one.
    pub fn committed_generation(&self) -> Result<Option<u64>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.trim().parse().ok()))
    }

    /// Makes the reader see the latest commit now, rather than after the reload delay.
    pub fn refresh(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Number of passages visible to readers.
    pub fn num_passages(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Queues the deletion of every passage of `article_id`.
    pub fn delete_article(&self, writer: &IndexWriter, article_id: &str) {
        writer.delete_term(Term::from_field_text(self.fields.article, article_id));
    }

    /// Queues the passages of an article for indexing.
    pub fn add_article(
        &self,
        writer: &IndexWriter,
        article: &Article,
        passages: &[Passage],
    ) -> Result<()> {
        let f = self.fields;
        let published = article.published.and_then(|d| {
            d.and_hms_opt(0, 0, 0)
                .map(|t| DateTime::from_timestamp_secs(t.and_utc().timestamp()))
        });
        // Character offsets, counted once along the body.
        let (mut byte_at, mut char_at) = (0usize, 0usize);
        for p in passages {
            if p.span.start >= byte_at {
                char_at += article.body[byte_at..p.span.start].chars().count();
                byte_at = p.span.start;
            }
            let mut doc = TantivyDocument::default();
            doc.add_text(f.article, &article.id);
            doc.add_u64(f.ordinal, p.ordinal as u64);
            doc.add_text(f.title, &article.title);
            if let Some(source) = &article.source {
                doc.add_text(f.source, source);
            }
            if let Some(url) = &article.url {
                doc.add_text(f.url, url);
            }
            if let Some(date) = published {
                doc.add_date(f.published, date);
            }
            doc.add_text(f.text, p.span.text(&article.body));
            doc.add_u64(f.start, p.span.start as u64);
            doc.add_u64(f.end, p.span.end as u64);
            let char_start = char_at;
            let char_len = p.span.text(&article.body).chars().count();
            doc.add_u64(f.char_start, char_start as u64);
            doc.add_u64(f.char_end, (char_start + char_len) as u64);
            writer.add_document(doc)?;
        }
        Ok(())
    }

    /// Searches passages with user text, which never fails to parse (see [`user_query`]).
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<Hit>> {
        let query = user_query(&self.index, self.fields, text)?;
        self.run(&*query, limit)
    }

    /// Searches with plain terms only: every word of `text` is an optional term.
    pub fn search_terms(&self, text: &str, limit: usize) -> Result<Vec<Hit>> {
        let query = plain_terms_query(&self.index, self.fields, text)?;
        self.run(&*query, limit)
    }

    /// Every passage of one article, in order (at most `limit`).
    pub fn article_passages(&self, article_id: &str, limit: usize) -> Result<Vec<Hit>> {
        let term = Term::from_field_text(self.fields.article, article_id);
        let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        let mut hits = self.top_docs(&query, limit)?;
        hits.sort_by_key(|h| h.ordinal);
        Ok(hits)
    }

    fn top_docs(&self, query: &dyn tantivy::query::Query, limit: usize) -> Result<Vec<Hit>> {
        let searcher = self.reader.searcher();
        let top = searcher.search(query, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            hits.push(self.hit_from_doc(&doc, score));
        }
        same_order_every_time(&mut hits);
        Ok(hits)
    }

    /// Passages holding every word of `text`, best first, without highlights.
    pub fn search_all_terms(&self, text: &str, limit: usize) -> Result<Vec<Hit>> {
        let query = query::all_terms_query(&self.index, self.fields, text)?;
        self.top_docs(&*query, limit)
    }

    fn run(&self, query: &dyn tantivy::query::Query, limit: usize) -> Result<Vec<Hit>> {
        let searcher = self.reader.searcher();
        let top = searcher.search(query, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        let mut snippets = SnippetGenerator::create(&searcher, query, self.fields.text)?;
        snippets.set_max_num_chars(usize::MAX / 2);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let mut hit = self.hit_from_doc(&doc, score);
            let snippet = snippets.snippet(&hit.passage);
            let offset = snippet.fragment_range().start;
            hit.highlights = snippet
                .highlighted()
                .iter()
                .map(|r| (r.start + offset, r.end + offset))
                .collect();
            hits.push(hit);
        }
        same_order_every_time(&mut hits);
        Ok(hits)
    }

    fn hit_from_doc(&self, doc: &TantivyDocument, score: f32) -> Hit {
        let f = self.fields;
        let text = |field: Field| -> Option<String> {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let number = |field: Field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
        let published = doc
            .get_first(f.published)
            .and_then(|v| v.as_datetime())
            .and_then(|d| ChronoDateTime::from_timestamp(d.into_timestamp_secs(), 0))
            .map(|d| d.date_naive());
        Hit {
            article: text(f.article).unwrap_or_default(),
            ordinal: number(f.ordinal),
            title: text(f.title).unwrap_or_default(),
            source: text(f.source),
            url: text(f.url),
            published,
            passage: text(f.text).unwrap_or_default(),
            start: number(f.start),
            end: number(f.end),
            char_start: number(f.char_start),
            char_end: number(f.char_end),
            score,
            highlights: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::passages;

    fn article(id: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            title: format!("Title of {id}"),
            source: Some("Wire".into()),
            url: Some(format!("https://wire.example/{id}")),
            published: NaiveDate::from_ymd_opt(2018, 4, 9),
            body: body.into(),
            hash: "h".into(),
            warnings: vec![],
        }
    }

    fn index_with(articles: &[Article]) -> PassageIndex {
        let index = PassageIndex::in_memory().unwrap();
        let mut writer = index.writer(15_000_000).unwrap();
        for a in articles {
            index.add_article(&writer, a, &passages(&a.body)).unwrap();
        }
        writer.commit().unwrap();
        index.refresh().unwrap();
        index
    }

    #[test]
    fn stemmed_search_returns_stored_metadata_and_highlights() {
        let a = article(
            "a.md",
            "Intro text.\n\nThe Series C was led by Alibaba with Temasek investing.",
        );
        let b = article("b.md", "Acme raised a seed round from angels.");
        let index = index_with(&[a.clone(), b]);
        let hits = index.search("invested alibaba", 5).unwrap();
        assert_eq!(hits[0].article, "a.md");
        assert_eq!(hits[0].ordinal, 1);
        assert_eq!(hits[0].published, NaiveDate::from_ymd_opt(2018, 4, 9));
        assert_eq!(hits[0].source.as_deref(), Some("Wire"));
        let span = &a.body[hits[0].start as usize..hits[0].end as usize];
        assert_eq!(span, hits[0].passage);
        let marked: Vec<&str> = hits[0]
            .highlights
            .iter()
            .map(|&(s, e)| &hits[0].passage[s..e])
            .collect();
        assert!(
            marked.contains(&"Alibaba") && marked.contains(&"investing"),
            "{marked:?}"
        );
    }

    #[test]
    fn hits_carry_character_offsets_too() {
        let a = article(
            "u.md",
            "Société Générale a investi €5 millions.\n\nAlibaba led the round.",
        );
        let index = index_with(std::slice::from_ref(&a));
        let hit = &index.search("alibaba", 1).unwrap()[0];
        let chars: Vec<char> = a.body.chars().collect();
        let quoted: String = chars[hit.char_start as usize..hit.char_end as usize]
            .iter()
            .collect();
        assert_eq!(quoted, hit.passage);
        assert!(
            hit.char_start < hit.start,
            "multibyte text before the passage"
        );
    }

    #[test]
    fn deleting_an_article_removes_all_its_passages() {
        let a = article("a.md", "One about Alibaba.\n\nTwo about Alibaba.");
        let index = index_with(&[a]);
        assert_eq!(index.num_passages(), 2);
        let mut writer = index.writer(15_000_000).unwrap();
        index.delete_article(&writer, "a.md");
        writer.commit().unwrap();
        index.refresh().unwrap();
        assert_eq!(index.num_passages(), 0);
    }
}
