//! A synthetic corpus for scale tests: realistic funding articles in the normal formats, with
//! a gold file of their rounds and a question set, deterministic for a seed.
//!
//! The text varies phrasing, currencies, round types, investor descriptions, conflicting
//! valuation reports, earlier rounds, boilerplate, digests and articles with no round at all.
//! It is not the quality measure (the hand-written labelled sets are); it is volume.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::{Error, Result};
use crate::facts::money::format_amount;

const PREFIXES: &[&str] = &[
    "Zen", "Brio", "Kora", "Vanta", "Lumi", "Nexa", "Quill", "Tessa", "Orbi", "Praxi", "Helio",
    "Sola", "Mira", "Vela", "Astra", "Cygni", "Duro", "Ember", "Fable", "Grove", "Halo", "Iris",
    "Juno", "Kite", "Loom", "Mosa", "Nova", "Opal", "Pixa", "Quanta", "Rivo", "Sable", "Talo",
    "Umbra", "Vireo", "Wren", "Xylo", "Yara", "Zephy", "Arbo", "Bento", "Cirro", "Delta", "Elio",
    "Ferro", "Gala", "Hexa", "Indi",
];
const MIDDLES: &[&str] = &[
    "", "ra", "ti", "mo", "va", "ly", "no", "ri", "ka", "xe", "lu", "be",
];
const SUFFIXES: &[&str] = &[
    "tic", "ly", "pay", "flow", "mind", "grid", "base", "works", "loop", "scale", "bit", "nest",
    "forge", "wave", "path", "sense", "cart", "med", "port", "hub", "stack", "leaf", "spark",
    "dock",
];
const SECOND: &[&str] = &[
    "",
    "",
    "",
    "",
    "AI",
    "Health",
    "Robotics",
    "Bio",
    "Energy",
    "Logistics",
    "Labs",
    "Systems",
    "Pay",
    "Foods",
];
const INVESTOR_ROOTS: &[&str] = &[
    "Northwind",
    "Keystone",
    "Larkspur",
    "Oxbow",
    "Hollowbrook",
    "Greenhollow",
    "Atlantica",
    "Seabright",
    "Tailspin",
    "Contoso",
    "Fabrikam",
    "Woodgrove",
    "Litware",
    "Granite",
    "Bluefin",
    "Redwood",
    "Silverline",
    "Ironbridge",
    "Foxglove",
    "Meridian",
    "Harbor",
    "Summit",
    "Cedar",
    "Pinecrest",
    "Lakeshore",
    "Emberly",
    "Quarry",
    "Highland",
    "Saltmarsh",
    "Driftwood",
    "Amberfield",
    "Ravenwood",
    "Starling",
    "Kestrel",
    "Sparrowhawk",
    "Bramble",
    "Thornbury",
    "Westgate",
    "Eastbridge",
    "Juniper",
    "Aspen",
    "Cobalt",
    "Obsidian",
];
const INVESTOR_KINDS: &[&str] = &[
    "Ventures",
    "Capital",
    "Partners",
    "Growth",
    "Investments",
    "Capital Partners",
    "VC",
    "Fund",
];
const DESCRIPTIONS: &[&str] = &[
    "venture firm",
    "growth investor",
    "early-stage fund",
    "sovereign wealth fund",
    "the family office",
    "state-backed fund",
    "corporate venture arm",
    "investment firm",
    "private equity group",
];
const SECTORS: &[(&str, &str)] = &[
    ("fintech", "payments software"),
    ("healthtech", "remote patient monitoring"),
    ("logistics", "freight routing"),
    ("climate", "battery recycling"),
    ("edtech", "online tutoring"),
    ("robotics", "warehouse robots"),
    ("AI", "document automation"),
    ("agritech", "vertical farming"),
    ("insurtech", "small-business insurance"),
    ("cybersecurity", "identity protection"),
    ("biotech", "protein design"),
    ("proptech", "rental management"),
];
const PLACES: &[(&str, &str)] = &[
    ("San Francisco", "USD"),
    ("New York", "USD"),
    ("Austin", "USD"),
    ("Berlin", "EUR"),
    ("Paris", "EUR"),
    ("Madrid", "EUR"),
    ("London", "GBP"),
    ("Manchester", "GBP"),
    ("Bengaluru", "INR"),
    ("Mumbai", "INR"),
    ("Seoul", "KRW"),
    ("Tokyo", "JPY"),
    ("Shanghai", "CNY"),
    ("Singapore", "USD"),
    ("Zurich", "CHF"),
    ("Toronto", "USD"),
    ("Lagos", "USD"),
    ("São Paulo", "USD"),
];
const OUTLETS: &[&str] = &[
    "Example Wire",
    "Venture Daily",
    "The Funding Ledger",
    "Startup Beat",
    "Capital Desk",
    "Deal Street",
    "Tech Herald",
    "Seed Letter",
    "Growth Journal",
    "Market Bulletin",
];
const BOILERPLATE: &[&str] = &[
    "Sign up for our newsletter to get the day's funding news in your inbox.",
    "Related: Five startups that raised this week",
    "Photo: Company handout",
    "Advertisement",
    "Read more: Why investors are backing infrastructure software",
    "This story first appeared on Deal Street.",
];

/// A generated round, written to the gold file.
#[derive(Debug, Clone)]
struct GenRound {
    article: String,
    company: String,
    round: &'static str,
    amount: u64,
    currency: &'static str,
    date: Option<String>,
    leads: Vec<String>,
    investors: Vec<String>,
    valuations: Vec<(u64, &'static str, Option<String>)>,
}

/// What was generated.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Generated {
    /// Articles written.
    pub articles: usize,
    /// Files written (JSON Lines files hold several articles).
    pub files: usize,
    /// Rounds in the gold file.
    pub rounds: usize,
    /// Questions in the question file.
    pub questions: usize,
    /// Bytes of article text written.
    pub bytes: u64,
}

struct Gen {
    rng: ChaCha8Rng,
    used_names: std::collections::HashSet<String>,
    companies: Vec<(String, &'static str, &'static str, &'static str)>,
}

const ROUNDS: &[(&str, &str, u64, u64)] = &[
    ("pre_seed", "pre-seed", 300_000, 2_000_000),
    ("seed", "seed", 1_000_000, 8_000_000),
    ("series_a", "Series A", 5_000_000, 30_000_000),
    ("series_b", "Series B", 15_000_000, 80_000_000),
    ("series_c", "Series C", 30_000_000, 200_000_000),
    ("series_d", "Series D", 60_000_000, 400_000_000),
    ("series_e", "Series E", 100_000_000, 700_000_000),
    ("series_f", "Series F", 150_000_000, 1_000_000_000),
    ("growth", "growth", 50_000_000, 500_000_000),
];

/// Local-currency units per US dollar, roughly, so amounts look plausible.
fn scale(currency: &str) -> f64 {
    match currency {
        "EUR" | "GBP" | "CHF" => 0.9,
        "INR" => 83.0,
        "KRW" => 1300.0,
        "JPY" => 150.0,
        "CNY" => 7.0,
        _ => 1.0,
    }
}

impl Gen {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        items.choose(&mut self.rng).expect("non-empty list")
    }

    fn company_name(&mut self) -> String {
        loop {
            let mut name = format!(
                "{}{}{}",
                self.pick(PREFIXES),
                self.pick(MIDDLES),
                self.pick(SUFFIXES)
            );
            let second = *self.pick(SECOND);
            if !second.is_empty() {
                name = format!("{name} {second}");
            }
            if self.used_names.len() > 150_000 {
                name = format!("{name} {}", self.rng.random_range(2..99));
            }
            if self.used_names.insert(name.to_lowercase()) {
                return name;
            }
        }
    }

    fn investor(&mut self) -> String {
        format!(
            "{} {}",
            self.pick(INVESTOR_ROOTS),
            self.pick(INVESTOR_KINDS)
        )
    }

    fn investors(&mut self, n: usize, avoid: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut guard = 0;
        while out.len() < n && guard < 50 {
            guard += 1;
            let i = self.investor();
            let root = i.split(' ').next().unwrap_or_default().to_string();
            if !out.iter().chain(avoid.iter()).any(|o| o.starts_with(&root)) {
                out.push(i);
            }
        }
        out
    }

    /// An amount rounded like news rounds it, in `currency`.
    fn amount(&mut self, min_usd: u64, max_usd: u64, currency: &str) -> u64 {
        let usd = self.rng.random_range(min_usd..=max_usd) as f64 * scale(currency);
        let step = if currency == "INR" {
            10_000_000.0
        } else if usd >= 1e9 {
            100_000_000.0
        } else if usd >= 1e8 {
            10_000_000.0
        } else if usd >= 1e7 {
            1_000_000.0
        } else {
            100_000.0
        };
        ((usd / step).round().max(1.0) * step) as u64
    }

    /// The amount as an article writes it, in one of several spellings.
    fn spell(&mut self, amount: u64, currency: &str) -> String {
        let plain = format_amount(amount, currency);
        let millions = amount as f64 / 1e6;
        let short_m = trim_float(millions);
        let variant = self.rng.random_range(0..4);
        match (currency, variant) {
            ("USD", 1) if amount < 1_000_000_000 => format!("${short_m}M"),
            ("USD", 2) => format!("US{plain}"),
            ("USD", 3) if amount < 1_000_000_000 => format!("USD {short_m} million"),
            ("EUR", 1) if amount < 1_000_000_000 => format!("€{short_m}m"),
            ("EUR", 2) => plain.replace('€', "EUR "),
            ("GBP", 1) if amount < 1_000_000_000 => format!("£{short_m}m"),
            ("INR", 1) => plain.replace('₹', "Rs "),
            ("INR", 2) => plain.replace('₹', "INR "),
            ("KRW", 1) => format!("{} won", plain.trim_start_matches('₩')),
            ("JPY", 1) => format!("{} yen", plain.trim_start_matches('¥')),
            ("CNY", _) => format!("{} yuan", plain.trim_start_matches("CN¥")),
            _ => plain,
        }
    }

    fn date_near(&mut self, base: NaiveDate) -> NaiveDate {
        base - Duration::days(self.rng.random_range(0..4))
    }
}

fn trim_float(x: f64) -> String {
    let s = format!("{x:.1}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn toml_str(s: &str) -> String {
    serde_json::to_string(s).expect("string")
}

/// Writes `n` synthetic articles (and `gold.toml`, `questions.toml`) under `out`, which then
/// works as a data directory (`out/articles/...`).
pub fn generate(out: &Path, n: usize, seed: u64) -> Result<Generated> {
    let articles_dir = out.join("articles");
    if articles_dir.exists() {
        std::fs::remove_dir_all(&articles_dir).map_err(|e| Error::io(&articles_dir, e))?;
    }
    std::fs::create_dir_all(&articles_dir).map_err(|e| Error::io(&articles_dir, e))?;
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(seed),
        used_names: Default::default(),
        companies: Vec::new(),
    };
    let mut gold: Vec<GenRound> = Vec::new();
    let mut stats = Generated::default();
    let mut jsonl: Vec<String> = Vec::new();
    let mut jsonl_files = 0usize;
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).expect("date");

    for i in 0..n {
        let published = start + Duration::days(g.rng.random_range(0..3600));
        let outlet = *g.pick(OUTLETS);
        let kind = g.rng.random_range(0..100);
        let (title, body, mut rounds) = if kind < 8 {
            no_round_article(&mut g, published)
        } else if kind < 16 {
            digest(&mut g, published)
        } else {
            round_article(&mut g, published, kind < 30)
        };
        // Format: mostly Markdown, some HTML, text and JSON Lines.
        let format = g.rng.random_range(0..20);
        let dir = format!("{:03}", i / 1000);
        let slug = crate::corpus::slug(&title);
        let url = format!(
            "https://news.example/{}/{slug}-{i}",
            outlet.to_lowercase().replace(' ', "-")
        );
        let (id, text) = if format < 14 {
            let id = format!("{dir}/{i:06}-{slug}.md");
            (id, format!("---\ntitle: {}\nsource: {outlet}\nurl: {url}\npublished: {published}\n---\n{body}\n", toml_str(&title)))
        } else if format < 16 {
            let id = format!("{dir}/{i:06}-{slug}.html");
            let paras: String = body
                .split("\n\n")
                .map(|p| format!("<p>{}</p>\n", html_escape(p)))
                .collect();
            (id, format!(
                "<!doctype html><html><head><title>{t} | {outlet}</title><meta property=\"og:title\" content=\"{t}\"><meta property=\"og:site_name\" content=\"{outlet}\"><link rel=\"canonical\" href=\"{url}\"><meta property=\"article:published_time\" content=\"{published}T09:00:00Z\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>{t}</h1>\n{paras}<aside class=\"related\"><p>More deals this week</p></aside></article><footer>© {outlet}</footer></body></html>\n",
                t = html_escape(&title)
            ))
        } else if format < 17 {
            let id = format!("{dir}/{i:06}-{slug}.txt");
            // Plain text has no publication date: only explicit years can be known.
            for r in &mut rounds {
                if r.date.as_ref().is_some_and(|d| d.len() > 4) {
                    r.date = None;
                }
            }
            (id, format!("{title}\n\n{body}\n"))
        } else {
            let line = serde_json::json!({"title": title, "source": outlet, "url": url, "published": published.to_string(), "text": body});
            jsonl.push(line.to_string());
            let file = format!("feed-{jsonl_files:05}.jsonl");
            let id = format!("feeds/{file}#{}", jsonl.len());
            if jsonl.len() == 10 || i + 1 == n {
                write_file(
                    &articles_dir.join("feeds").join(&file),
                    &(jsonl.join("\n") + "\n"),
                    &mut stats,
                )?;
                jsonl.clear();
                jsonl_files += 1;
                stats.files += 1;
            }
            (id, String::new())
        };
        if !text.is_empty() {
            write_file(&articles_dir.join(&id), &text, &mut stats)?;
            stats.files += 1;
        }
        for mut r in rounds {
            r.article = id.clone();
            gold.push(r);
        }
        stats.articles += 1;
    }
    if !jsonl.is_empty() {
        let file = format!("feed-{jsonl_files:05}.jsonl");
        write_file(
            &articles_dir.join("feeds").join(file),
            &(jsonl.join("\n") + "\n"),
            &mut stats,
        )?;
        stats.files += 1;
    }
    stats.rounds = gold.len();
    write_gold(&out.join("gold.toml"), &gold)?;
    stats.questions = write_questions(&out.join("questions.toml"), &gold, &mut g)?;
    let companies = g.companies.len();
    tracing::debug!(companies, "corpus generated");
    Ok(stats)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn write_file(path: &Path, text: &str, stats: &mut Generated) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    std::fs::write(path, text).map_err(|e| Error::io(path, e))?;
    stats.bytes += text.len() as u64;
    Ok(())
}

fn round_article(
    g: &mut Gen,
    published: NaiveDate,
    conflict: bool,
) -> (String, String, Vec<GenRound>) {
    let company = g.company_name();
    let (sector, what) = *g.pick(SECTORS);
    let (city, currency) = *g.pick(PLACES);
    g.companies.push((company.clone(), sector, city, currency));
    let ri = g.rng.random_range(0..ROUNDS.len());
    let (round_key, round_label, min, max) = ROUNDS[ri];
    let amount = g.amount(min, max, currency);
    let spelled = g.spell(amount, currency);
    let n_leads = if g.rng.random_bool(0.2) { 2 } else { 1 };
    let leads = g.investors(n_leads, &[]);
    let n_others = g.rng.random_range(0..4);
    let others = g.investors(n_others, &leads);
    let round_phrase = format!("{round_label} round");
    let announced = g.date_near(published);
    let weekday = announced.weekday();
    let weekday_name = announced.format("%A").to_string();
    let when = match g.rng.random_range(0..3) {
        0 => format!("on {weekday_name}"),
        1 => "today".to_string(),
        _ => String::new(),
    };
    let date = Some(match when.as_str() {
        "today" => published.to_string(),
        "" => published.to_string(),
        _ => {
            let mut d = published;
            while d.weekday() != weekday {
                d -= Duration::days(1);
            }
            d.to_string()
        }
    });
    let lead_text = list(&leads);
    let desc = *g.pick(DESCRIPTIONS);
    let mut paras = Vec::new();
    let opener = match g.rng.random_range(0..7) {
        0 => format!("{company}, a {city}-based {sector} startup, has raised {spelled} in a {round_phrase} led by {lead_text}{}.", sp(&when)),
        1 => format!("{city}-based {company} said{} it had secured {spelled} in {round_label} funding. {lead_text} led the round.", sp(&when)),
        2 => format!("{sector} company {company} has closed a {spelled} {round_label} round, it announced{}. The round was led by {lead_text}.", sp(&when)),
        3 => format!("{lead_text} {} a {spelled} {round_label} round in {company}, the {city} {sector} company said{}.", if leads.len() > 1 { "co-led" } else { "has led" }, sp(&when)),
        4 => format!("{company} raised {spelled} in its {round_label} round{}, according to a statement. The financing was led by {desc} {lead_text}.", sp(&when)),
        5 => format!("{}, {} -- {company}, which makes {what} software, today announced a {spelled} {round_label} financing led by {lead_text}.", city.to_uppercase(), published.format("%B %-d, %Y")),
        _ => format!("{company} has bagged {spelled} in {round_label} funding{} from investors led by {lead_text}.", sp(&when)),
    };
    let date = if opener.contains(" -- ") && opener.contains("today announced") {
        Some(published.to_string())
    } else {
        date
    };
    paras.push(opener);
    if !others.is_empty() {
        paras.push(match g.rng.random_range(0..3) {
            0 => format!("{} also participated in the round.", list(&others)),
            1 => format!("Other investors include {}.", list(&others)),
            _ => format!("Existing backers {} joined the financing.", list(&others)),
        });
    }
    paras.push(format!("The company, which builds {what} tools, plans to use the money to hire engineers and expand beyond {city}."));
    let mut valuations = Vec::new();
    if conflict {
        let v1 = amount * g.rng.random_range(5..12);
        let v2 = v1 + amount * g.rng.random_range(1..4);
        let (o1, o2) = (
            *g.pick(OUTLETS),
            *g.pick(&["Bloomberg", "Reuters", "The Information"]),
        );
        paras.push(format!(
            "{company} did not disclose its valuation. People familiar with the deal told {o2} it is now valued at more than {}, while {o1} reported a figure of about {}.",
            format_amount(v1, currency),
            format_amount(v2, currency)
        ));
        valuations.push((v1, currency, Some(o2.to_string())));
        valuations.push((v2, currency, Some(o1.to_string())));
    } else if g.rng.random_bool(0.3) {
        let v = amount * g.rng.random_range(4..10);
        paras.push(format!(
            "The deal values {company} at {}.",
            format_amount(v, currency)
        ));
        valuations.push((v, currency, None));
    }
    let mut rounds = vec![GenRound {
        article: String::new(),
        company: company.clone(),
        round: round_key,
        amount,
        currency,
        date,
        leads,
        investors: others,
        valuations,
    }];
    if ri > 1 && g.rng.random_bool(0.4) {
        let (k2, l2, min2, max2) = ROUNDS[ri - 1];
        let a2 = g.amount(min2, max2, currency);
        let year = published.year() - g.rng.random_range(1..3);
        let lead2 = g.investors(1, &rounds[0].leads);
        paras.push(format!(
            "The startup previously raised a {} {l2} round led by {} in {year}.",
            g.spell(a2, currency),
            lead2[0]
        ));
        rounds.push(GenRound {
            article: String::new(),
            company: company.clone(),
            round: k2,
            amount: a2,
            currency,
            date: Some(year.to_string()),
            leads: lead2,
            investors: Vec::new(),
            valuations: Vec::new(),
        });
    }
    if g.rng.random_bool(0.5) {
        let at = g.rng.random_range(1..=paras.len());
        let b = *g.pick(BOILERPLATE);
        paras.insert(at, b.to_string());
    }
    let title = match g.rng.random_range(0..3) {
        0 => format!(
            "{company} raises {} {round_label}",
            format_amount(amount, currency)
        ),
        1 => format!("{} leads {company}'s {round_label}", rounds[0].leads[0]),
        _ => format!(
            "{company} lands {}: what it means for {sector}",
            format_amount(amount, currency)
        ),
    };
    (title, paras.join("\n\n"), rounds)
}

fn sp(when: &str) -> String {
    if when.is_empty() {
        String::new()
    } else {
        format!(" {when}")
    }
}

fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        _ => format!(
            "{} and {}",
            items[..items.len() - 1].join(", "),
            items[items.len() - 1]
        ),
    }
}

fn digest(g: &mut Gen, published: NaiveDate) -> (String, String, Vec<GenRound>) {
    let n = g.rng.random_range(3..6);
    let mut paras = vec![format!("Here are {n} deals that caught our eye this week.")];
    let mut rounds = Vec::new();
    for _ in 0..n {
        let company = g.company_name();
        let (sector, _) = *g.pick(SECTORS);
        let (city, currency) = *g.pick(PLACES);
        g.companies.push((company.clone(), sector, city, currency));
        let (key, label, min, max) = ROUNDS[g.rng.random_range(0..5)];
        let amount = g.amount(min, max, currency);
        let lead = g.investors(1, &[]);
        paras.push(format!(
            "{company}, a {city} {sector} startup, raised {} in a {label} round led by {}.",
            g.spell(amount, currency),
            lead[0]
        ));
        rounds.push(GenRound {
            article: String::new(),
            company,
            round: key,
            amount,
            currency,
            date: Some(published.to_string()),
            leads: lead,
            investors: Vec::new(),
            valuations: Vec::new(),
        });
    }
    paras.push(BOILERPLATE[0].to_string());
    (
        format!(
            "Funding roundup: {n} deals, week of {}",
            published.format("%B %-d")
        ),
        paras.join("\n\n"),
        rounds,
    )
}

fn no_round_article(g: &mut Gen, _published: NaiveDate) -> (String, String, Vec<GenRound>) {
    let company = g.company_name();
    let (sector, _) = *g.pick(SECTORS);
    let (_, currency) = *g.pick(PLACES);
    let amount = g.amount(50_000_000, 900_000_000, currency);
    let money = format_amount(amount, currency);
    let buyer = g.company_name();
    let fund = g.investor();
    let (title, text) = match g.rng.random_range(0..4) {
        0 => (format!("{buyer} to acquire {company}"), format!("{buyer} has agreed to acquire {sector} company {company} for {money} in cash, the companies said.\n\nThe deal is expected to close next quarter.")),
        1 => (format!("{company} prices IPO"), format!("{company} raised {money} in its IPO, pricing shares at the top of the range.\n\nThe shares begin trading on Thursday.")),
        2 => (format!("{fund} closes new fund"), format!("{fund} has closed a {money} fund, its fourth, to back early-stage {sector} startups.\n\nThe firm's limited partners include pension funds.")),
        _ => (format!("{company} revenue climbs"), format!("{company} said revenue reached {money} last year, up sharply from the year before.\n\nThe company is profitable, it said.")),
    };
    (title, text, Vec::new())
}

fn write_gold(path: &Path, gold: &[GenRound]) -> Result<()> {
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    let mut w = std::io::BufWriter::new(file);
    let mut out = String::new();
    for r in gold {
        out.clear();
        let _ = writeln!(
            out,
            "[[round]]\narticle = {}\ncompany = {}\nround = \"{}\"\namount = {}\ncurrency = \"{}\"",
            toml_str(&r.article),
            toml_str(&r.company),
            r.round,
            r.amount,
            r.currency
        );
        if let Some(d) = &r.date {
            let _ = writeln!(out, "date = \"{d}\"");
        }
        let names = |v: &[String]| v.iter().map(|s| toml_str(s)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(
            out,
            "lead = [{}]\ninvestors = [{}]",
            names(&r.leads),
            names(&r.investors)
        );
        for (amount, currency, source) in &r.valuations {
            let _ = writeln!(
                out,
                "[[round.valuation]]\namount = {amount}\ncurrency = \"{currency}\""
            );
            if let Some(s) = source {
                let _ = writeln!(out, "source = {}", toml_str(s));
            }
        }
        out.push('\n');
        w.write_all(out.as_bytes())
            .map_err(|e| Error::io(path, e))?;
    }
    w.flush().map_err(|e| Error::io(path, e))
}

fn label(round: &str) -> &'static str {
    ROUNDS
        .iter()
        .find(|r| r.0 == round)
        .map_or("round", |r| r.1)
}

fn write_questions(path: &Path, gold: &[GenRound], g: &mut Gen) -> Result<usize> {
    let mut out = String::new();
    let mut count = 0;
    // Only companies with a single round in the corpus, so expectations are unambiguous.
    let mut by_company: std::collections::HashMap<&str, usize> = Default::default();
    for r in gold {
        *by_company.entry(r.company.as_str()).or_default() += 1;
    }
    let target = 2000.min(gold.len() * 2);
    let mut i = 0;
    while count < target && i < gold.len() * 3 {
        let r = &gold[g.rng.random_range(0..gold.len())];
        i += 1;
        if by_company[r.company.as_str()] != 1 {
            continue;
        }
        let q = match g.rng.random_range(0..6) {
            0 => format!("[[question]]\nq = {}\nintent = \"lead\"\nanswerable = true\nexpect = [{}]\ncite = [{}]\n", toml_str(&format!("Who led {}'s {}?", r.company, label(r.round))), toml_str(&r.leads[0]), toml_str(&r.article)),
            1 => format!("[[question]]\nq = {}\nintent = \"amount\"\nanswerable = true\nexpect_amount = [\"{} {}\"]\ncite = [{}]\n", toml_str(&format!("how much did {} raise in its {}", r.company.to_lowercase(), label(r.round))), r.amount, r.currency, toml_str(&r.article)),
            2 if !r.valuations.is_empty() => format!("[[question]]\nq = {}\nintent = \"valuation\"\nanswerable = true\nexpect_amount = [\"{} {}\"]\ncite = [{}]\n", toml_str(&format!("What is {} valued at?", r.company)), r.valuations[0].0, r.valuations[0].1, toml_str(&r.article)),
            3 => {
                let other = if r.round == "series_f" { "Series A" } else { "Series F" };
                if r.round == "series_a" && other == "Series A" {
                    continue;
                }
                format!("[[question]]\nq = {}\nintent = \"lead\"\nanswerable = false\n", toml_str(&format!("Who led {}'s {other}?", r.company)))
            }
            4 => format!("[[question]]\nq = {}\nintent = \"lead\"\nanswerable = false\n", toml_str(&format!("Who led Qorvantheon {}'s seed round?", g.rng.random_range(100..999)))),
            _ => format!("[[question]]\nq = {}\nintent = \"investors\"\nanswerable = true\nexpect = [{}]\ncite = [{}]\n", toml_str(&format!("who invested in {}", r.company)), toml_str(&r.leads[0]), toml_str(&r.article)),
        };
        out.push_str(&q);
        out.push('\n');
        count += 1;
    }
    std::fs::write(path, out).map_err(|e| Error::io(path, e))?;
    Ok(count)
}

/// Default place for generated corpora: `target/fundbot-bench/<n>-<seed>`.
pub fn default_dir(n: usize, seed: u64) -> PathBuf {
    PathBuf::from("target")
        .join("fundbot-bench")
        .join(format!("{n}-{seed}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_labelled() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let sa = generate(a.path(), 60, 7).unwrap();
        let sb = generate(b.path(), 60, 7).unwrap();
        assert_eq!(sa.articles, 60);
        assert_eq!(
            (sa.rounds, sa.bytes, sa.files),
            (sb.rounds, sb.bytes, sb.files)
        );
        let gold_a = std::fs::read_to_string(a.path().join("gold.toml")).unwrap();
        assert_eq!(
            gold_a,
            std::fs::read_to_string(b.path().join("gold.toml")).unwrap()
        );
        let gold = crate::eval::load_gold(&a.path().join("gold.toml")).unwrap();
        assert_eq!(gold.len(), sa.rounds);
        let questions = crate::eval::load_questions(&a.path().join("questions.toml")).unwrap();
        assert_eq!(questions.len(), sa.questions);
        assert!(questions.iter().any(|q| !q.answerable));
        let other = tempfile::tempdir().unwrap();
        generate(other.path(), 60, 8).unwrap();
        assert_ne!(
            gold_a,
            std::fs::read_to_string(other.path().join("gold.toml")).unwrap()
        );
    }
}
