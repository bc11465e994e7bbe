//! Extractor tests over short articles written for them, one per pattern family.

use chrono::NaiveDate;

use super::extract;
use crate::corpus::{passages, Article};
use crate::facts::{Basis, Qualifier, Role, Round, RoundType};

fn article(title: &str, published: Option<&str>, body: &str) -> Article {
    Article {
        id: "t.md".into(),
        title: title.into(),
        source: None,
        url: None,
        published: published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap()),
        body: body.into(),
        hash: String::new(),
        warnings: vec![],
    }
}

fn run(title: &str, published: Option<&str>, body: &str) -> Vec<Round> {
    let a = article(title, published, body);
    extract(&a, &passages(&a.body))
}

fn leads(r: &Round) -> Vec<&str> {
    r.names(Role::Lead)
}

fn others(r: &Round) -> Vec<&str> {
    r.names(Role::Participant)
}

const VISION: &str = "\
Optiq has become the most valuable computer-vision startup in Asia after pulling in another $600 million from a group of investors, including Kestrel Holdings Ltd. (KST).

In a statement, the Shenzhen image-recognition developer said the money came from its April Series-C round. It added that its strategic partner Kestrel led the round, and named Chinese electronics retailer Brightmart.Com and Singapore state fund Temasek as other large backers.

Optiq did not give a valuation. People familiar with the matter told Bloomberg the three-year-old startup is now valued at more than $3 billion. Reuters' sources went further, putting the firm's worth at about $4.5 billion.

\"Our Round C funding lets us grow abroad,\" the company's chief executive said.

In July, the company raised $410 million, valuing it at over $1.5 billion.

Take the Next Step to Invest

The offers in this table come from partners who pay us.";

#[test]
fn the_flagship_case_two_rounds_leads_backers_and_two_valuations() {
    let rounds = run(
        "Asia's most valuable vision startup is Kestrel-backed",
        Some("2018-04-09"),
        VISION,
    );
    assert_eq!(rounds.len(), 2, "{rounds:#?}");
    let c = &rounds[0];
    assert_eq!(c.company, "Optiq");
    assert_eq!(c.round, RoundType::Series(2));
    assert_eq!(
        c.amount.as_ref().map(|m| (m.amount, m.currency.as_str())),
        Some((600_000_000, "USD"))
    );
    assert_eq!(c.date.map(|d| d.iso()).as_deref(), Some("2018-04"));
    assert_eq!(leads(c), ["Kestrel"]);
    assert_eq!(others(c), ["Brightmart.Com", "Temasek"]);
    let vals: Vec<(u64, Qualifier, Option<&str>)> = c
        .valuations
        .iter()
        .map(|v| (v.amount.amount, v.qualifier, v.attribution.as_deref()))
        .collect();
    assert_eq!(
        vals,
        [
            (3_000_000_000, Qualifier::MoreThan, Some("Bloomberg")),
            (4_500_000_000, Qualifier::About, Some("Reuters"))
        ]
    );
    let july = &rounds[1];
    assert_eq!(july.round, RoundType::Unknown);
    assert_eq!(july.amount.as_ref().unwrap().amount, 410_000_000);
    assert_eq!(july.date.unwrap().iso(), "2017-07");
    assert_eq!(july.valuations[0].amount.amount, 1_500_000_000);
    assert_eq!(july.valuations[0].qualifier, Qualifier::MoreThan);
    // Evidence points at the sentence that says it.
    let a = article("x", Some("2018-04-09"), VISION);
    let ev = july.evidence.as_ref().unwrap();
    assert!(a.body[ev.start..ev.end].starts_with("In July"));
}

#[test]
fn led_by_with_participation_and_a_dateline() {
    let rounds = run(
        "Acme Robotics lands $20M",
        Some("2024-03-05"),
        "BERLIN, March 5, 2024 /PRNewswire/ -- Acme Robotics, a maker of warehouse arms, today announced it has raised $20 million in Series A funding led by Northwind Ventures, with participation from existing investors Contoso Capital and Fabrikam Partners.\n\nThe company will hire 50 engineers.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    let r = &rounds[0];
    assert_eq!(r.company, "Acme Robotics");
    assert_eq!(r.round, RoundType::Series(0));
    assert_eq!(r.amount.as_ref().unwrap().amount, 20_000_000);
    assert_eq!(r.date.unwrap().iso(), "2024-03-05");
    assert_eq!(leads(r), ["Northwind Ventures"]);
    assert_eq!(others(r), ["Contoso Capital", "Fabrikam Partners"]);
}

#[test]
fn investor_led_the_round_and_co_leads() {
    let rounds = run(
        "Lumio closes €40m Series B",
        Some("2023-06-13"),
        "Paris-based Lumio has closed a €40m Series B. Index Ventures and Balderton Capital co-led the round, and angel investor Marie Dupont also invested.",
    );
    let r = &rounds[0];
    assert_eq!(r.company, "Lumio");
    assert_eq!(r.amount.as_ref().map(|m| m.currency.as_str()), Some("EUR"));
    assert_eq!(leads(r), ["Index Ventures", "Balderton Capital"]);
    assert_eq!(others(r), ["Marie Dupont"]);
}

#[test]
fn digest_keeps_each_company_apart() {
    let rounds = run(
        "Funding roundup: three deals",
        Some("2022-11-18"),
        "Zentro, a Madrid payroll startup, raised $12 million in a seed round led by Kaszek.\n\n\
         Brill Health has secured £12 million. The Series A was led by Octopus Ventures.\n\n\
         Indian edtech Vidya raised Rs 300 crore from Peak XV Partners and Elevation Capital.",
    );
    let summary: Vec<(String, RoundType, u64, String, Vec<&str>)> = rounds
        .iter()
        .map(|r| {
            let a = r.amount.as_ref().unwrap();
            (
                r.company.clone(),
                r.round,
                a.amount,
                a.currency.clone(),
                r.investors.iter().map(|p| p.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Zentro".to_string(),
                RoundType::Seed,
                12_000_000,
                "USD".to_string(),
                vec!["Kaszek"]
            ),
            (
                "Brill Health".to_string(),
                RoundType::Series(0),
                12_000_000,
                "GBP".to_string(),
                vec!["Octopus Ventures"]
            ),
            (
                "Vidya".to_string(),
                RoundType::Unknown,
                3_000_000_000,
                "INR".to_string(),
                vec!["Peak XV Partners", "Elevation Capital"]
            ),
        ]
    );
    assert_eq!(rounds[2].names(Role::Lead), Vec::<&str>::new());
}

#[test]
fn acquisitions_ipos_fund_closes_and_revenue_are_not_rounds() {
    for (title, body) in [
        ("Globex buys Initech", "Globex has acquired Initech for $500 million in cash, the companies said on Monday."),
        ("Hooli lists", "Hooli raised $300 million in its IPO on the Nasdaq, pricing shares at $18."),
        ("Northwind closes fund", "Venture firm Northwind Ventures has closed a $650 million fund, its fourth, to back early-stage startups."),
        ("Acme revenue", "Acme said revenue reached $40 million last year, up 80%."),
        ("Budget", "The government allocated $2 billion to its national AI programme this year."),
    ] {
        let rounds = run(title, Some("2023-01-10"), body);
        assert!(rounds.is_empty(), "{title}: {rounds:#?}");
    }
}

#[test]
fn earlier_round_without_a_date_has_none_and_totals_are_not_rounds() {
    let rounds = run(
        "Quanta raises $50M Series B",
        Some("2021-09-01"),
        "Quanta has raised $50 million in a Series B round led by Accel, bringing its total funding to $80 million. The startup previously raised a $25 million Series A from Sequoia Capital.",
    );
    assert_eq!(rounds.len(), 2, "{rounds:#?}");
    assert_eq!(rounds[0].round, RoundType::Series(1));
    assert_eq!(rounds[0].date.unwrap().iso(), "2021-09-01");
    assert_eq!(rounds[1].round, RoundType::Series(0));
    assert_eq!(rounds[1].amount.as_ref().unwrap().amount, 25_000_000);
    assert_eq!(rounds[1].date, None);
    assert_eq!(others(&rounds[1]), ["Sequoia Capital"]);
    assert_eq!(leads(&rounds[0]), ["Accel"]);
}

#[test]
fn post_money_valuation_and_relative_weekday() {
    let rounds = run(
        "Tessellate gets $1.2B",
        Some("2022-05-13"),
        "Tessellate said on Tuesday it had secured $1.2B in a Series E led by Tiger Global Management at a post-money valuation of $12 billion.",
    );
    let r = &rounds[0];
    assert_eq!(r.round, RoundType::Series(4));
    assert_eq!(r.amount.as_ref().unwrap().amount, 1_200_000_000);
    assert_eq!(r.date.unwrap().iso(), "2022-05-10");
    assert_eq!(r.valuations[0].basis, Basis::Post);
    assert_eq!(r.valuations[0].amount.amount, 12_000_000_000);
}

#[test]
fn investor_first_and_passive_phrasings() {
    let rounds = run(
        "Weekly deals",
        Some("2024-05-10"),
        "Harbor Lane Capital has invested $20 million in Pellway, a Leeds logistics startup.\n\n\
         $25 million was raised by Quoril, which makes grid batteries. Joining the round were Tessel Ventures and Ambry Partners.\n\n\
         Fernhill Growth backs Ostrander Labs with $5 million.",
    );
    let summary: Vec<(String, u64, Vec<&str>)> = rounds
        .iter()
        .map(|r| {
            (
                r.company.clone(),
                r.amount.as_ref().map_or(0, |m| m.amount),
                r.investors.iter().map(|p| p.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Pellway".to_string(),
                20_000_000,
                vec!["Harbor Lane Capital"]
            ),
            (
                "Quoril".to_string(),
                25_000_000,
                vec!["Tessel Ventures", "Ambry Partners"]
            ),
            (
                "Ostrander Labs".to_string(),
                5_000_000,
                vec!["Fernhill Growth"]
            ),
        ]
    );
}

#[test]
fn leads_named_in_asides_and_relative_clauses() {
    let rounds = run(
        "Brisk raises $30 million",
        Some("2023-02-01"),
        "Brisk has raised a $30-million Series B. Corvane Capital, which led the round, was joined by Ostia Partners. \
         Delmar Ventures, the lead investor, said the company is growing fast.",
    );
    let r = &rounds[0];
    assert_eq!(
        r.amount.as_ref().unwrap().amount,
        30_000_000,
        "hyphenated amounts keep their scale"
    );
    assert_eq!(leads(r), ["Corvane Capital", "Delmar Ventures"]);
    assert_eq!(others(r), ["Ostia Partners"]);
}

#[test]
fn plans_conversions_and_combined_figures_are_not_rounds() {
    let rounds = run(
        "Haneuri funding",
        Some("2023-09-19"),
        "Haneuri has raised ₩30 billion ($22.6 million) in a Series B round led by Gangnam Partners. \
         The company plans to raise a Series C next year.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(
        rounds[0].amount.as_ref().map(|m| m.currency.as_str()),
        Some("KRW")
    );
}

#[test]
fn digest_items_with_headers_and_a_dateline_date() {
    let a = article(
        "Deals this week",
        None,
        "LONDON, JANUARY 12, 2024: Five deals this week.\n\n\
         **1. Pantry Labs** — The grocery software company raised £4 million in seed funding led by Tamar Ventures.\n\n\
         ▶ **ORBITAL DOCK** (Paris)\n\n\
         The satellite-servicing startup closed a €9m Series A, co-led by Seine Capital and Rivoli Partners.",
    );
    let rounds = extract(&a, &passages(&a.body));
    let names: Vec<&str> = rounds.iter().map(|r| r.company.as_str()).collect();
    assert_eq!(names, ["Pantry Labs", "Orbital Dock"]);
    assert_eq!(
        rounds[0].date.unwrap().iso(),
        "2024-01-12",
        "the dateline dates a file without metadata"
    );
    assert_eq!(leads(&rounds[1]), ["Seine Capital", "Rivoli Partners"]);
}

#[test]
fn digest_headings_with_place_and_sector_and_a_dateline_that_is_not_a_header() {
    let a = article(
        "The week in deals",
        Some("2024-03-08"),
        "Three deals this week.\n\n\
         **Tidewell** — Lisbon | reusable packaging\n\n\
         The marketplace raised a $3.5 million seed round on Tuesday. Cobalt Ridge headed the round.\n\n\
         **Gannet Pay** — Leeds | payroll\n\n\
         Gannet Pay raised £12 million in a Series A led by Harrow Fields.",
    );
    let rounds = extract(&a, &passages(&a.body));
    let names: Vec<&str> = rounds.iter().map(|r| r.company.as_str()).collect();
    assert_eq!(names, ["Tidewell", "Gannet Pay"]);
    assert_eq!(leads(&rounds[0]), ["Cobalt Ridge"]);

    // A dateline ("OSLO — ") and a photo credit are not item headers: the story keeps its
    // one subject, so the lead in the next paragraph is still credited to it.
    let rounds = run(
        "Fjellby raises Series D",
        Some("2023-11-21"),
        "OSLO — Fjellby Bio said on Monday it has raised EUR 60 million in a Series D financing.\n\n\
         The round was led by Sundvik Fund.\n\n\
         Photo: Fjellby Bio's laboratory. Credit: Fjellby Bio",
    );
    assert_eq!(rounds.len(), 1);
    assert_eq!(rounds[0].company, "Fjellby Bio");
    assert_eq!(leads(&rounds[0]), ["Sundvik Fund"]);
}

#[test]
fn a_company_blog_in_the_first_person_credits_the_company_in_the_title() {
    let rounds = run(
        "Lanternfish raises a $4 million seed round",
        Some("2021-03-02"),
        "We've closed a $4 million seed round led by Pellow Ventures. We're hiring engineers \
         in every team.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Lanternfish");
    assert_eq!(leads(&rounds[0]), ["Pellow Ventures"]);
}

#[test]
fn the_authors_byline_is_not_a_company() {
    let mut a = article(
        "Lanternfish closed its seed round with a backer we met at a fair",
        Some("2021-03-02"),
        "March 2, 2021\n\nMira Osei\n\nWe've just closed a $4 million seed round. Leading the round \
         was Tomas Berg from Pellow Ventures.",
    );
    a.source = Some("Lanternfish blog (Mira Osei)".into());
    let rounds = extract(&a, &passages(&a.body));
    assert!(
        rounds.iter().all(|r| r.company != "Mira Osei"),
        "{rounds:#?}"
    );
    // The blog is the company's own channel: its "we" is the company in the headline.
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Lanternfish");
    assert_eq!(leads(&rounds[0]), ["Pellow Ventures"]);
}

#[test]
fn headline_words_glued_to_the_name_are_not_part_of_it() {
    let rounds = run(
        "Corvane Reportedly Valued at $9 Billion After New Round",
        Some("2020-06-01"),
        "Corvane has raised $700 million in a new funding round that values the delivery \
         company at $9 billion, people familiar with the deal said.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Corvane");
}

#[test]
fn a_regions_quarterly_total_is_no_ones_round() {
    let rounds = run(
        "Northwest startups buck the national slowdown",
        Some("2019-07-10"),
        "In the Northwest, total funding nearly doubled to $512 million in Q2 across 44 reported \
         deals, up from $260 million in Q1 across 39 deals.\n\nIn May, payments startup Brimwell \
         raised $61 million.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Brimwell");
}

#[test]
fn an_investor_in_talks_to_lead_is_the_lead_and_a_board_chair_is_not() {
    let rounds = run(
        "Dovecote Bank nears £80m deal as Northgale circles",
        Some("2019-02-11"),
        "Northgale Asset Management, a fund group with offices in four cities, is said to be \
         leading a new investment worth £80m, two people briefed on the talks said.\n\n\
         The bank's supervisory board, led by its chair Harriet Ombe, backed the plan at a \
         meeting last week.\n\nDovecote Bank, founded in 2015, has raised £210m to date.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Dovecote Bank");
    assert_eq!(leads(&rounds[0]), ["Northgale Asset Management"]);
}

#[test]
fn shares_issued_are_the_round_and_each_backers_part_is_not() {
    let rounds = run(
        "Quorra tops up with help from old and new backers",
        Some("2024-05-02"),
        "The snack maker Quorra issued 52,000 series B preferred shares worth S$31.5 million, its \
         latest company filing shows.\n\n\
         The biggest cheque came from Ferro Capital, which pumped in S$9 million; Pell Partners \
         re-upped with S$4 million.\n\n\
         Lanyard Ventures and Osk Capital, both newcomers, put in S$2 million each.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Quorra");
    let amount = rounds[0].amount.as_ref().expect("amount");
    assert_eq!(
        (amount.amount, amount.currency.as_str()),
        (31_500_000, "SGD")
    );
}

#[test]
fn a_company_named_after_its_founder_keeps_its_rights_issue() {
    let rounds = run(
        "Brightly's to raise $50 million in a rights issue priced at a $60 million valuation",
        Some("2024-01-29"),
        "The board of Fenwick Learning Pvt Ltd, the parent company of Brightly's, has signed off on a \
         rights issue to raise $50 million from current shareholders, people aware of the \
         matter said.\n\n\
         Shares are offered at a post-money valuation of $60 million. Brightly's pre-money \
         valuation will be $10 million, a fraction of its 2021 price.\n\n\
         The company expects most current backers, including founder Brightly Ramesh, to \
         subscribe.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Brightly");
    assert_eq!(
        rounds[0].amount.as_ref().map(|m| m.amount),
        Some(50_000_000)
    );
    let values: Vec<_> = rounds[0]
        .valuations
        .iter()
        .map(|v| (v.amount.amount, v.basis))
        .collect();
    assert!(values.contains(&(60_000_000, Basis::Post)), "{values:?}");
    assert!(values.contains(&(10_000_000, Basis::Pre)), "{values:?}");
}

#[test]
fn the_headlines_investor_sealing_a_deal_with_a_startup_is_not_the_company() {
    let rounds = run(
        "Harrowgate invests $210M in Tillbury",
        Some("2015-03-02"),
        "Harrowgate Corp. has signed a $210 million investment agreement with Tillbury.com, the \
         grocery delivery app, the two firms said on Monday.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Tillbury");
    assert_eq!(
        rounds[0].amount.as_ref().map(|m| m.amount),
        Some(210_000_000)
    );
}

#[test]
fn a_digest_names_the_month_s_biggest_raise_but_not_its_market_totals() {
    let rounds = run(
        "June roundup: seed deals slow as exits climb",
        Some("2021-07-02"),
        "Seed deals slowed in June while exits rose.\n\n\
         The preliminary count for June shows 214 startups raised more than $2.1 billion. \
         The biggest deal to close in the month was the $120 million raised by Quarrywell \
         Robotics. In May, 230 companies raised more than $3.4 billion, led by the $400 million \
         growth round for Tessaline.",
    );
    let summary: Vec<(String, u64)> = rounds
        .iter()
        .map(|r| (r.company.clone(), r.amount.as_ref().map_or(0, |m| m.amount)))
        .collect();
    assert_eq!(
        summary,
        [
            ("Quarrywell Robotics".to_string(), 120_000_000),
            ("Tessaline".to_string(), 400_000_000)
        ]
    );
}

#[test]
fn a_round_known_only_by_its_reported_valuation() {
    let rounds = run(
        "Pellway said to be valued at up to $9 billion",
        Some("2021-07-02"),
        "Courier app Pellway is raising fresh capital at a valuation of between $8 billion and \
         $9 billion, a newswire reported on Tuesday, citing people familiar with the talks.",
    );
    assert_eq!(rounds.len(), 1);
    let r = &rounds[0];
    assert_eq!(r.company, "Pellway");
    assert!(r.amount.is_none());
    assert_eq!(r.valuations[0].amount.amount, 8_000_000_000);
    assert_eq!(r.valuations[0].amount_max, Some(9_000_000_000));
}

#[test]
fn an_investor_leads_a_round_for_a_described_company() {
    let rounds = run(
        "Regional roundup",
        Some("2019-03-04"),
        "Sydney venture firm Kestrel Peak Ventures has led a $7 million funding round for \
         Auckland-based customer survey startup Quorra, a local daily reports.",
    );
    assert_eq!(rounds.len(), 1);
    assert_eq!(rounds[0].company, "Quorra");
    assert_eq!(rounds[0].amount.as_ref().map(|m| m.amount), Some(7_000_000));
    assert_eq!(rounds[0].investors[0].name, "Kestrel Peak Ventures");
    assert_eq!(rounds[0].investors[0].role, Role::Lead);
}

#[test]
fn the_investor_was_names_the_backer() {
    let rounds = run(
        "Corsetry chain Velmira raises 80 million yuan",
        Some("2020-02-11"),
        "Velmira said it had completed a Series A round of financing of nearly 80 million yuan at the end of 2019, and the investor was the Dongshan Harbor Fund.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:?}");
    let names: Vec<&str> = rounds[0]
        .investors
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Dongshan Harbor Fund"], "{rounds:?}");
}

#[test]
fn firms_run_together_that_put_money_in_a_company_are_its_investors() {
    let rounds = run(
        "Asia deals this week",
        Some("2017-09-05"),
        "Harbor Lane CapitalOQ Capital and Pell Fund have put $15 million in kiosk operator Lumo in Shanghai.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:?}");
    assert_eq!(rounds[0].company, "Lumo", "{rounds:?}");
    let names: Vec<&str> = rounds[0]
        .investors
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Harbor Lane Capital", "OQ Capital", "Pell Fund"],
        "{rounds:?}"
    );
}

#[test]
fn a_digest_names_its_top_deal_and_lists_the_others_with_their_amounts() {
    let rounds = run(
        "Regional startups raised less in March",
        Some("2022-04-02"),
        "Founders here closed 31 deals worth $210 million in March, well short of last year's $540 million.\n\n\
         The biggest raise of the month was that of the logistics startup Quarrel. The company took in $80 million, which values it at $1.2 billion.\n\n\
         Other deals worth a mention: Pellucid, with $21.4 million; Tarnwick, with $12 million, and Osterly.\n\n\
         Other notable raises: Bracken ($9 million Series A), Calloway ($4.5 million) and Dunmore ($2 million).",
    );
    let find = |c: &str| rounds.iter().find(|r| r.company == c);
    let quarrel = find("Quarrel").expect("the top deal's company");
    assert_eq!(quarrel.amount.as_ref().unwrap().to_string(), "$80 million");
    assert_eq!(quarrel.valuations[0].amount.to_string(), "$1.2 billion");
    for (company, amount) in [
        ("Pellucid", "$21.4 million"),
        ("Tarnwick", "$12 million"),
        ("Bracken", "$9 million"),
        ("Calloway", "$4.5 million"),
        ("Dunmore", "$2 million"),
    ] {
        let r = find(company).unwrap_or_else(|| panic!("{company}: {rounds:#?}"));
        assert_eq!(r.amount.as_ref().unwrap().to_string(), amount);
    }
    assert_eq!(find("Bracken").unwrap().round, RoundType::Series(0));
    // Osterly has no amount in the list; the month's total is nobody's round.
    assert!(find("Osterly").is_none(), "{rounds:#?}");
    assert_eq!(rounds.len(), 6, "{rounds:#?}");
}

#[test]
fn investors_shares_in_parentheses_are_not_a_list_of_deals() {
    let rounds = run(
        "Acme raises $10 million",
        Some("2022-04-02"),
        "Acme raised $10 million from Beta Partners ($4 million) and Gamma Capital ($6 million).\n\n\
         Lumo raised Rs 37 crore ($5 million) in a seed round.",
    );
    assert!(
        rounds
            .iter()
            .all(|r| r.company == "Acme" || r.company == "Lumo"),
        "{rounds:#?}"
    );
    let acme = rounds.iter().find(|r| r.company == "Acme").unwrap();
    assert_eq!(acme.amount.as_ref().unwrap().to_string(), "$10 million");
}

#[test]
fn a_portuguese_digest_reads_like_an_english_one() {
    let rounds = run(
        "Startups captam menos em março",
        Some("2022-04-02"),
        "Em março, 31 rodadas de investimento somaram US$ 210 milhões no país.\n\n\
         A maior captação do mês foi a da fintech Quarrel. Com o novo aporte de US$ 80 milhões, a empresa tem agora avaliação de US$ 1,2 bilhão.\n\n\
         Outros destaques: Pellucid, com captação de US$ 21,4 milhões; Tarnwick, com US$ 12 milhões, e Osterly.",
    );
    let find = |c: &str| rounds.iter().find(|r| r.company == c);
    let quarrel = find("Quarrel").unwrap_or_else(|| panic!("{rounds:#?}"));
    assert_eq!(quarrel.amount.as_ref().unwrap().to_string(), "$80 million");
    assert_eq!(quarrel.valuations[0].amount.to_string(), "$1.2 billion");
    assert_eq!(
        find("Pellucid")
            .unwrap()
            .amount
            .as_ref()
            .unwrap()
            .to_string(),
        "$21.4 million"
    );
    assert_eq!(
        find("Tarnwick")
            .unwrap()
            .amount
            .as_ref()
            .unwrap()
            .to_string(),
        "$12 million"
    );
}

#[test]
fn a_unit_of_a_group_raises_for_itself_and_a_share_price_is_no_round() {
    let rounds = run(
        "Kestrel Bank climbs 21% in Osaka debut",
        Some("2023-03-09"),
        "KESTREL Bank rose 21 per cent on its first day of trading in Osaka on Thursday.\n\n\
         Shares ended the day at 1,450 yen apiece. The lending arm of Aiko Mori's Kestrel Group raised 61.2 billion yen by selling new shares.\n\n\
         Kestrel Group plans to keep a majority of the bank.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Kestrel Bank");
    assert_eq!(
        rounds[0].amount.as_ref().unwrap().to_string(),
        "¥61.2 billion"
    );
}

#[test]
fn a_description_capitalised_before_a_known_name_is_that_company() {
    let rounds = run(
        "Wolkenfeld Capital bekommt 30 Millionen",
        Some("2020-07-22"),
        "+++ Wolkenfeld Capital bekommt 30 Millionen +++\n\n\
         Der Online-Broker Wolkenfeld Capital hat für seine Series C insgesamt 30 Millionen Euro eingesammelt. \
         Mit dem Geld will das Unternehmen die Expansion in Europa vorantreiben und neue Mitarbeiter für das Team in München einstellen.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].company, "Wolkenfeld Capital");
    assert_eq!(rounds[0].round, RoundType::Series(2));
}

#[test]
fn an_earlier_round_told_in_passing_keeps_its_own_lead_and_valuation() {
    let rounds = run(
        "Orvella adds Rs 180 crore in Series F funding",
        Some("2021-05-10"),
        "Food delivery platform Orvella has raised Rs 180 crore in its Series F round from Carrow Partners and Deluna Capital.\n\n\
         The firm, a rival of Pune-based Tavro, had raised $600 million in November 2019 in a round led by Halden Group that valued it at about $2.4 billion.",
    );
    let f = rounds
        .iter()
        .find(|r| r.round == RoundType::Series(5))
        .expect("the Series F");
    assert!(f.valuations.is_empty(), "{rounds:#?}");
    assert!(leads(f).is_empty(), "{rounds:#?}");
    let earlier = rounds
        .iter()
        .find(|r| {
            r.amount
                .as_ref()
                .is_some_and(|a| a.to_string() == "$600 million")
        })
        .unwrap_or_else(|| panic!("{rounds:#?}"));
    assert_eq!(leads(earlier), ["Halden Group"]);
    assert_eq!(earlier.valuations[0].amount.to_string(), "$2.4 billion");
}

#[test]
fn an_investor_in_advanced_discussions_to_lead_a_round_is_no_closed_round() {
    let rounds = run(
        "Talkwell nears a round with Harrow Peak",
        Some("2021-04-01"),
        "Harrow Peak, a growth fund, is in advanced discussions to lead Talkwell's next round of $20-25 million, according to two people briefed on the matter.\n\n\
         The fund is expected to invest around $12 million of that itself, one of them said.",
    );
    assert!(rounds.iter().all(|r| r.amount.is_none()), "{rounds:#?}");
}

#[test]
fn a_round_still_in_discussion_is_none_and_an_earlier_dated_one_is_kept() {
    let rounds = run(
        "Chatterly parent nears $200 million round",
        Some("2022-05-31"),
        "Verbly Tech, which runs Chatterly, is in an advanced stage of talks with Orchard Search, current backer Tamsin Holdings and several others to secure a $200 million round, a person close to the company said.\n\n\
         Verbly Tech had raised $170 million in November 2021 at a valuation of $2.6 billion.",
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    let r = &rounds[0];
    assert_eq!(r.amount.as_ref().unwrap().to_string(), "$170 million");
    assert_eq!(r.valuations[0].amount.to_string(), "$2.6 billion");
}

#[test]
fn a_bracketed_dateline_a_bank_before_its_name_and_an_earlier_valuation() {
    let rounds = run(
        "Orlen Pay triples its valuation",
        Some("2021-03-02"),
        "[OSLO] Digital bank Orlen Pay has closed a new funding round that lifts the lender's valuation to more than $900 million.\n\n\
         Orlen Pay last raised funding late last year at a valuation of $300 million. In this new round, the company will take in $70 million of fresh capital.",
    );
    let mut by_date: Vec<&Round> = rounds.iter().collect();
    by_date.sort_by_key(|r| r.date.map(|d| d.date));
    assert_eq!(rounds.len(), 2, "{rounds:#?}");
    assert!(
        rounds.iter().all(|r| r.company == "Orlen Pay"),
        "{rounds:#?}"
    );
    let (old, new) = (by_date[0], by_date[1]);
    assert_eq!(old.valuations.len(), 1, "{rounds:#?}");
    assert_eq!(old.valuations[0].amount.amount, 300_000_000);
    assert_eq!(new.amount.as_ref().map(|m| m.amount), Some(70_000_000));
    assert_eq!(new.valuations.len(), 1, "{rounds:#?}");
    assert_eq!(new.valuations[0].amount.amount, 900_000_000);
}

#[test]
fn two_raisers_in_one_sentence_each_get_their_round() {
    let rounds = run(
        "Startups of the half-year",
        Some("2020-07-01"),
        "Pellmark secured $31 million from a payments group ahead of its May listing, while Tessaly raised $4.2 million in Series A funding.",
    );
    let of = |c: &str| rounds.iter().find(|r| r.company == c);
    assert_eq!(
        of("Tessaly")
            .and_then(|r| r.amount.as_ref())
            .map(|m| m.amount),
        Some(4_200_000),
        "{rounds:#?}"
    );
    assert_eq!(
        of("Tessaly").map(|r| r.round),
        Some(RoundType::Series(0)),
        "{rounds:#?}"
    );
    assert_eq!(
        of("Pellmark")
            .and_then(|r| r.amount.as_ref())
            .map(|m| m.amount),
        Some(31_000_000),
        "{rounds:#?}"
    );
}

#[test]
fn a_digest_of_deals_told_alike_has_no_one_subject() {
    let rounds = run(
        "The month in funding",
        Some("2022-04-02"),
        "The high figure for the month is due to a funding round of $40 million for a warehouse-robot maker, led by Quarry Ventures.\n\n\
         Over the month, Arvolt raised $12 million in a seed round. Also, Seiran raised $9 million in a seed round.",
    );
    // The unnamed round and the market's tally belong to neither company told of later.
    for r in &rounds {
        assert!(
            r.amount.as_ref().is_none_or(|m| m.amount < 40_000_000),
            "{rounds:#?}"
        );
        assert!(r.investors.is_empty(), "{rounds:#?}");
    }
    assert!(rounds.iter().any(|r| r.company == "Arvolt"), "{rounds:#?}");
    assert!(rounds.iter().any(|r| r.company == "Seiran"), "{rounds:#?}");
}

#[test]
fn two_tranches_of_one_series_are_two_rounds() {
    let rounds = run(
        "Quillon closes Series C-2",
        Some("2024-05-02"),
        "Quillon on Tuesday closed a $30 million Series C-2 led by Harrow Ventures. The company raised its Series C-1 in 2022 and did not say how large it was.",
    );
    let c: Vec<&Round> = rounds
        .iter()
        .filter(|r| r.round == RoundType::Series(2))
        .collect();
    assert_eq!(c.len(), 2, "{rounds:#?}");
    assert!(c
        .iter()
        .any(|r| r.amount.as_ref().map(|m| m.amount) == Some(30_000_000)));
    assert!(c.iter().any(|r| r.amount.is_none()));
    // Each is named with its tranche.
    let sized = c.iter().find(|r| r.amount.is_some()).unwrap();
    assert_eq!(sized.label(), "Series C2");
    let other = c.iter().find(|r| r.amount.is_none()).unwrap();
    assert_eq!(other.label(), "Series C1");
    // The series named without a tranche, at another size, is not the tranche.
    let rounds = run(
        "Brevik takes $2 million more",
        Some("2024-05-02"),
        "Brevik has raised another $2 million by issuing Series A2 preference shares to Harrow Ventures. In 2022 the company had raised $9 million from Tolland Capital as part of its Series A round.",
    );
    let a: Vec<&Round> = rounds
        .iter()
        .filter(|r| r.round == RoundType::Series(0))
        .collect();
    assert_eq!(a.len(), 2, "{rounds:#?}");
    let whole = a.iter().find(|r| r.tranche.is_none()).unwrap();
    assert_eq!(whole.amount.as_ref().unwrap().amount, 9_000_000);
    assert_eq!(others(whole), ["Tolland Capital"]);
}

#[test]
fn a_round_is_cited_where_its_size_is_stated() {
    // A bullet mentions "this term loan" before the paragraph that sizes it: the round's
    // citation is the sentence with the amount.
    let body = "\
Together with Pellucid's cash at year end, the proceeds from this term loan extend its runway into 2027.

Pellucid Bio today said it has secured a $40 million term loan facility with Harbor Lane Capital.";
    let rounds = run("Pellucid Bio secures term loan", Some("2025-06-10"), body);
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    assert_eq!(rounds[0].amount.as_ref().unwrap().amount, 40_000_000);
    let ev = rounds[0].evidence.as_ref().unwrap();
    assert!(
        body[ev.start..ev.end].starts_with("Pellucid Bio today"),
        "{ev:?}"
    );
}

#[test]
fn a_lead_identified_as_such_and_a_discourse_adverb_before_an_investor() {
    // The lead is "identified as the lead investor" in a sentence without a figure; the
    // sentence that gives its cheque opens with an adverb that is no investor; "domestic VCs"
    // is a kind of investor, not the company raising.
    let body = "\
Puzzle studio Quillmoor has secured 30 billion won in fresh capital from local investors.

According to people in the industry, Quillmoor recently closed the raise pitched at domestic VCs, raising a total of 30 billion won.

The deal involves new shares issued by Quillmoor's Seoul arm, with Tamsin Partners identified as the lead investor behind the round.

Specifically, Tamsin Partners invested 8 billion won through its third growth fund. Other participants included Dorran Capital and Welkin Investment.";
    let rounds = run("Quillmoor secures 30 billion won", Some("2025-03-04"), body);
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    let r = &rounds[0];
    assert_eq!(r.company, "Quillmoor");
    assert_eq!(r.amount.as_ref().unwrap().amount, 30_000_000_000);
    assert_eq!(leads(r), ["Tamsin Partners"]);
    assert_eq!(others(r), ["Dorran Capital", "Welkin Investment"]);
}

#[test]
fn a_weekly_list_with_amounts_given_respectively() {
    // "The list was followed by A, B and C, which raised ... respectively": each name is a
    // company with its own round, though "followed by" also reads as an investor cue.
    let body = "\
Growth-stage startups raised $61 million this week. Lender Marrowgate led the list with $30 million in funding. The list was followed by payments app Brello, freight platform Castwick and desk-rental firm Elsted, which raised $24 million, $5 million and $2 million, respectively.";
    let rounds = run("Weekly funding report", Some("2024-04-06"), body);
    let of = |c: &str| {
        rounds
            .iter()
            .find(|r| r.company == c)
            .and_then(|r| r.amount.as_ref())
            .map(|m| m.amount)
    };
    assert_eq!(of("Brello"), Some(24_000_000), "{rounds:#?}");
    assert_eq!(of("Castwick"), Some(5_000_000), "{rounds:#?}");
    assert_eq!(of("Elsted"), Some(2_000_000), "{rounds:#?}");
    assert!(rounds.iter().all(|r| r.names(Role::Participant).is_empty()));
}

#[test]
fn a_valuation_dated_before_the_round_in_focus_is_not_its_valuation() {
    // The new round's sentence comes first; the history after it tells earlier stake deals
    // and what they valued the company at. Those are not the new round's valuation.
    let body = "\
Brello, the Lagos payments network, raised $90 million from Harrowgate and Tessen Capital.

In 2011, Halden bought a majority stake in Brello in a deal that valued the company at about $150 million. In 2018, Halden sold part of its stake to Castwick in a deal that valued Brello at $800 million.";
    let rounds = run("Week in review", Some("2022-05-14"), body);
    let r = rounds
        .iter()
        .find(|r| r.amount.as_ref().map(|m| m.amount) == Some(90_000_000))
        .expect("the new round");
    assert!(r.valuations.is_empty(), "{rounds:#?}");
}

#[test]
fn a_headline_s_short_name_is_the_company_the_text_names_in_full() {
    // "Bellwick" in the headline is "Bellwick Therapeutics" in the text: one company.
    let body = "Bellwick Therapeutics has closed a $30.5 million Series B led by Harrow Ventures, the gene therapy company said on Monday. Several earlier backers participated in the round, among them Tamsin Partners and Pellam Capital.";
    let rounds = run(
        "Bellwick raises $30M for gene therapy work",
        Some("2023-03-07"),
        body,
    );
    assert!(!rounds.is_empty());
    let companies: std::collections::HashSet<&str> =
        rounds.iter().map(|r| r.company.as_str()).collect();
    assert_eq!(companies.len(), 1, "{rounds:#?}");
    let r = rounds
        .iter()
        .find(|r| r.round == RoundType::Series(1))
        .expect("the Series B");
    assert_eq!(leads(r), ["Harrow Ventures"], "{rounds:#?}");
    let participants = r.names(Role::Participant);
    assert!(participants.contains(&"Tamsin Partners"), "{rounds:#?}");
    assert!(participants.contains(&"Pellam Capital"), "{rounds:#?}");
}

#[test]
fn money_received_to_fund_hires_is_the_round_and_a_quoted_valuation_is_a_valuation() {
    let body = "Pellatec Ltd. has received $25 million to fund new hires, the Leeds startup said. Harrow Ventures leads the financing.\n\nA founder told us the round valued the firm at \"well over $90 million.\"";
    let rounds = run(
        "Harrow Ventures puts money into Pellatec",
        Some("2019-02-27"),
        body,
    );
    assert_eq!(rounds.len(), 1, "{rounds:#?}");
    let r = &rounds[0];
    assert_eq!(r.amount.as_ref().map(|m| m.amount), Some(25_000_000));
    assert_eq!(
        r.valuations.first().map(|v| v.amount.amount),
        Some(90_000_000),
        "{rounds:#?}"
    );
}
