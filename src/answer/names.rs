//! In-memory name lookup for questions: every company spelling and investor name, keyed the
//! way the store keys them, with typo-tolerant search. Built once per committed generation.

use std::collections::HashMap;

use crate::error::Result;
use crate::facts::names::key;
use crate::facts::store::{Company, FactStore};

/// A named thing found in a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Store id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Edit distance between what was typed and the name (0 = exact up to case and suffixes).
    pub distance: usize,
}

/// Companies and investors by key.
#[derive(Debug, Default)]
pub struct NameIndex {
    companies: HashMap<String, Company>,
    investors: HashMap<String, (i64, String)>,
    /// (key, id, name, is_company) for fuzzy scans.
    all: Vec<(String, i64, String, bool)>,
    /// Short names people type (`data/aliases.toml`), by key, with the full name.
    aliases: HashMap<String, String>,
    /// Companies by the initials of their multi-word names ("HF" for "Hanriver Finance").
    initials: HashMap<String, Vec<(i64, String)>>,
    /// Multi-word companies by each distinctive word of their names ("quarrow" for "Hangzhou
    /// Quarrow Intelligent Technology Co").
    words: HashMap<String, Vec<(i64, String)>>,
}

/// Words too common in company names to pick one out: places, trades and legal forms.
const GENERIC_WORDS: &[&str] = &[
    "technology",
    "technologies",
    "tech",
    "intelligent",
    "intelligence",
    "capital",
    "group",
    "holdings",
    "holding",
    "bank",
    "labs",
    "lab",
    "systems",
    "software",
    "global",
    "international",
    "network",
    "networks",
    "company",
    "corp",
    "corporation",
    "inc",
    "ltd",
    "limited",
    "ventures",
    "partners",
    "digital",
    "health",
    "healthcare",
    "energy",
    "financial",
    "finance",
    "services",
    "solutions",
    "shanghai",
    "beijing",
    "shenzhen",
    "hangzhou",
    "china",
    "chinese",
    "india",
    "indian",
    "japan",
    "korea",
    "africa",
    "african",
    "america",
    "american",
    "europe",
    "european",
    "asia",
    "asian",
    "the",
    "and",
    "new",
    "data",
    "robotics",
    "motors",
    "media",
    "payments",
    "therapeutics",
    "biotechnologies",
    "biotechnology",
    // Words a question uses for what it asks ("what exchange did acme list on"), not for a
    // company.
    "exchange",
    "exchanges",
    "market",
    "markets",
    "stock",
    "securities",
    "trading",
    "insurance",
    "money",
    "credit",
    "lending",
    "funding",
    "equity",
    "platform",
    "online",
    "mobile",
    "games",
    "foods",
    "food",
    "logistics",
    "brands",
    "studio",
    "studios",
    "cloud",
    "security",
    "industries",
    "enterprises",
    "investments",
    "fund",
    "bio",
    "pharma",
    "pharmaceuticals",
    "medical",
    "energy",
    "electric",
    "auto",
    "automotive",
    "airlines",
    "bank",
    "insurance",
    "markets",
    "trading",
    "internet",
    "web",
    "world",
    "national",
    "united",
    "first",
    "general",
    "royal",
    "city",
];

/// The file of short names moderators keep: `[aliases]` with `"short" = "Full Name"` lines.
#[derive(serde::Deserialize)]
struct AliasFile {
    #[serde(default)]
    aliases: std::collections::BTreeMap<String, String>,
}

impl NameIndex {
    /// Loads every company spelling and investor name from the store.
    pub fn load(store: &FactStore) -> Result<Self> {
        let mut index = NameIndex::default();
        for (company, aliases) in store.company_names()? {
            for alias in std::iter::once(&company.name).chain(aliases.iter()) {
                let k = key(alias);
                if k.is_empty() {
                    continue;
                }
                index
                    .all
                    .push((k.clone(), company.id, company.name.clone(), true));
                index.companies.entry(k).or_insert_with(|| company.clone());
            }
        }
        for (id, name) in store.investor_list()? {
            let k = key(&name);
            if k.is_empty() {
                continue;
            }
            index.all.push((k.clone(), id, name.clone(), false));
            index.investors.entry(k).or_insert((id, name));
        }
        // Sorted by key: prefixes are a binary search, typos a scan of one first letter.
        index.all.sort_by(|a, b| a.0.cmp(&b.0));
        for (company, _) in store.company_names()? {
            let words: Vec<&str> = company.name.split_whitespace().collect();
            if words.len() < 2 {
                continue;
            }
            let initials: String = words
                .iter()
                .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
                .flat_map(char::to_uppercase)
                .collect();
            let entry = index.initials.entry(initials).or_default();
            if !entry.iter().any(|(id, _)| *id == company.id) {
                entry.push((company.id, company.name.clone()));
            }
            for w in &words {
                let k = key(w);
                if k.len() < 4 || GENERIC_WORDS.contains(&k.as_str()) {
                    continue;
                }
                let entry = index.words.entry(k).or_default();
                if !entry.iter().any(|(id, _)| *id == company.id) {
                    entry.push((company.id, company.name.clone()));
                }
            }
        }
        Ok(index)
    }

    /// The one multi-word company that has every word of `text` in its name, at least one of
    /// them distinctive: "quarrow" and "quarrow technology" for "Hangzhou Quarrow Intelligent
    /// Technology Co". `None` when no company or several do.
    pub fn company_word(&self, text: &str) -> Option<Found> {
        let typed: Vec<String> = text.split_whitespace().map(key).collect();
        if typed.is_empty() || typed.len() > 3 {
            return None;
        }
        let distinctive: Vec<&String> = typed
            .iter()
            .filter(|k| !GENERIC_WORDS.contains(&k.as_str()))
            .collect();
        let first = distinctive.first()?;
        let [(id, name)] = self.words.get(*first)?.as_slice() else {
            return None;
        };
        let name_words: Vec<String> = name.split_whitespace().map(key).collect();
        typed.iter().all(|k| name_words.contains(k)).then(|| Found {
            id: *id,
            name: name.clone(),
            distance: 0,
        })
    }

    /// Number of companies known.
    pub fn company_count(&self) -> usize {
        let mut ids: Vec<i64> = self.companies.values().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }

    /// The company spelled `text` (up to case, punctuation and suffixes).
    pub fn company_exact(&self, text: &str) -> Option<Found> {
        let found = |k: &str| {
            self.companies.get(k).map(|c| Found {
                id: c.id,
                name: c.name.clone(),
                distance: 0,
            })
        };
        found(&key(text))
            .or_else(|| self.alias(text).and_then(|full| found(&key(full))))
            .or_else(|| match self.initials_of(text) {
                [(id, name)] => Some(Found {
                    id: *id,
                    name: name.clone(),
                    distance: 0,
                }),
                _ => None,
            })
    }

    /// The investor spelled `text` (or known by that short name).
    pub fn investor_exact(&self, text: &str) -> Option<Found> {
        let found = |k: &str| {
            self.investors.get(k).map(|(id, name)| Found {
                id: *id,
                name: name.clone(),
                distance: 0,
            })
        };
        found(&key(text)).or_else(|| self.alias(text).and_then(|full| found(&key(full))))
    }

    /// The full name a short one stands for ("a16z": "Andreessen Horowitz").
    pub fn alias(&self, text: &str) -> Option<&str> {
        self.aliases.get(&key(text)).map(String::as_str)
    }

    /// Companies whose initials are `text`, typed in capitals ("HF"); several when ambiguous.
    pub fn initials_of(&self, text: &str) -> &[(i64, String)] {
        let t = text.trim();
        let caps = (2..=5).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase());
        if !caps {
            return &[];
        }
        self.initials.get(t).map_or(&[], Vec::as_slice)
    }

    /// Reads moderators' short names from `path` (a missing file is no short names; a broken
    /// one is reported in the log and skipped, so questions keep working).
    pub fn with_aliases(mut self, path: &std::path::Path) -> Self {
        let Ok(text) = std::fs::read_to_string(path) else {
            return self;
        };
        match toml::from_str::<AliasFile>(&text) {
            Ok(file) => {
                for (short, full) in file.aliases {
                    let k = key(&short);
                    if !k.is_empty() && !full.trim().is_empty() {
                        self.aliases.insert(k, full.trim().to_string());
                    }
                }
            }
            Err(e) => tracing::warn!(file = %path.display(), error = %e, "aliases file skipped"),
        }
        self
    }

    /// The one company whose name starts with `text` (four letters at least, whole words):
    /// "sorrel dental" for "Sorrel Dental Partners". `None` when none or several do.
    pub fn company_prefix(&self, text: &str) -> Option<Found> {
        let k = key(text);
        if k.len() < 4 {
            return None;
        }
        let mut found: Option<(i64, String)> = None;
        for (_, id, name, is_company) in self.with_prefix(&k) {
            // Whole words only: "Acme" is the start of "Acme Robotics", not of "Acmeo".
            if !*is_company
                || !(crate::facts::names::is_word_prefix(text, name)
                    || crate::facts::names::is_joined_prefix(text, name))
            {
                continue;
            }
            match &found {
                Some((other, _)) if *other != *id => return None,
                _ => found = Some((*id, name.clone())),
            }
        }
        found.map(|(id, name)| Found {
            id,
            name,
            distance: 0,
        })
    }

    /// Other companies whose names start with the words of `name` ("Opalvahub Logistics" for
    /// "Opalvahub"): a mention of one of them is not a mention of `name`.
    pub fn longer_companies(&self, name: &str) -> Vec<String> {
        let k = key(name);
        if k.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<String> = self
            .with_prefix(&k)
            .iter()
            .filter(|(key2, _, other, is_company)| {
                // "Vireoly Pay", or written as one word, "Vireolypay".
                *is_company
                    && *key2 != k
                    && (crate::facts::names::is_word_prefix(name, other)
                        || !other.contains(' ') && key2.len() >= k.len() + 2)
            })
            .map(|(_, _, other, _)| other.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Names within a small edit distance of `text`, closest first. Short words are never
    /// matched loosely: one letter off in a five-letter word is another word.
    pub fn close(&self, text: &str, companies: bool) -> Vec<Found> {
        let k = key(text);
        let budget = match k.chars().count() {
            0..=4 => return Vec::new(),
            5..=9 => 1,
            _ => 2,
        };
        let mut out: Vec<Found> = Vec::new();
        // Typos rarely hit the first letter: only names sharing it are compared.
        let first = &k[..k.chars().next().map_or(0, char::len_utf8)];
        for (candidate, id, name, is_company) in self.with_prefix(first) {
            if *is_company != companies || candidate.len().abs_diff(k.len()) > budget {
                continue;
            }
            let d = strsim::osa_distance(candidate, &k);
            if d <= budget && !out.iter().any(|f| f.id == *id) {
                out.push(Found {
                    id: *id,
                    name: name.clone(),
                    distance: d,
                });
            }
        }
        out.sort_by(|a, b| a.distance.cmp(&b.distance).then(a.name.cmp(&b.name)));
        out
    }

    /// Entries whose key starts with `prefix` (a slice of the sorted list).
    fn with_prefix(&self, prefix: &str) -> &[(String, i64, String, bool)] {
        let start = self.all.partition_point(|(k, ..)| k.as_str() < prefix);
        let end = start + self.all[start..].partition_point(|(k, ..)| k.starts_with(prefix));
        &self.all[start..end]
    }

    /// Company names starting with `prefix` (any spelling), for autocomplete.
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<String> {
        let k = key(prefix);
        let mut out: Vec<String> = Vec::new();
        let mut names: Vec<&(String, i64, String, bool)> = self
            .with_prefix(&k)
            .iter()
            .filter(|(.., is_company)| *is_company)
            .take(500)
            .collect();
        names.sort_by(|a, b| a.2.cmp(&b.2));
        for (_, _, name, _) in names {
            if !out.contains(name) {
                out.push(name.clone());
            }
            if out.len() >= limit {
                break;
            }
        }
        if out.len() < limit && k.len() >= 3 {
            for f in self.close(prefix, true) {
                if !out.contains(&f.name) && out.len() < limit {
                    out.push(f.name);
                }
            }
        }
        out
    }
}
