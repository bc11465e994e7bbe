//! Answers read from passages, end to end through `fundbot ask --json`, over the small invented
//! corpus in `tests/fixtures/reading/articles`: acquisitions, listings, stakes and debt that the
//! facts store does not hold; two-part questions; names the store lacks; honest declines (with
//! the closest source when there is one); "the round before", "besides the lead" and figures in
//! the asked currency.

mod common;

use common::Home;
use serde_json::Value;

/// A fresh home holding the reading fixtures, indexed.
fn home() -> Home {
    let home = Home::with_fixture_set("reading");
    let out = home.run(&["reindex"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "reindex: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    home
}

fn ask(home: &Home, question: &str) -> Value {
    home.json(&["ask", question, "--json"])
}

fn answer(v: &Value) -> &str {
    v["answer"].as_str().expect("answer is a string")
}

/// The answer's claim: the text before the quoted sentence ("X: $5 million, according to ...").
fn claim(v: &Value) -> &str {
    let a = answer(v);
    a.split(", according to").next().unwrap_or(a)
}

/// The names the question reader linked in the question.
fn entity_names(v: &Value) -> Vec<&str> {
    v["understood"]["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect()
}

/// The first citation, which must come from `article`.
fn first_citation<'v>(v: &'v Value, article: &str) -> &'v Value {
    let c = &v["citations"][0];
    assert_eq!(c["article"], article, "first citation: {v}");
    assert_eq!(c["number"], 1, "{v}");
    c
}

/// The highlighted part of a citation's passage.
fn highlighted(c: &Value) -> &str {
    let passage = c["passage"].as_str().expect("passage");
    let h = &c["highlight"];
    let (s, e) = (
        h[0].as_u64().expect("highlight start") as usize,
        h[1].as_u64().expect("highlight end") as usize,
    );
    assert!(s < e && e <= passage.len(), "highlight {h} in {passage:?}");
    &passage[s..e]
}

/// An answer read from a passage: answered, basis "passages", confidence "low", status
/// "answered", the intent and want understood, and the first citation from `article` with the
/// stating sentence highlighted.
fn assert_read<'v>(
    v: &'v Value,
    intent: &str,
    want: &str,
    article: &str,
    value: &str,
) -> &'v Value {
    assert_eq!(v["answered"], true, "{v}");
    assert_eq!(v["status"], "answered", "{v}");
    assert_eq!(v["basis"], "passages", "{v}");
    assert_eq!(v["confidence"], "low", "{v}");
    assert_eq!(v["understood"]["intent"], intent, "{v}");
    assert_eq!(v["understood"]["want"], want, "{v}");
    assert!(claim(v).contains(value), "claim lacks {value:?}: {v}");
    let c = first_citation(v, article);
    assert!(
        highlighted(c).contains(value),
        "highlight lacks {value:?}: {c}"
    );
    assert!(
        answer(v).contains("[1]"),
        "the answer cites its source: {v}"
    );
    c
}

#[test]
fn a_two_part_question_answered_in_both_parts_is_answered() {
    let home = home();
    let v = ask(&home, "who is buying orchardline and for how much");
    assert_eq!(v["answered"], true, "{v}");
    assert_eq!(v["status"], "answered", "{v}");
    assert_eq!(v["understood"]["intent"], "acquisition", "{v}");
    let a = answer(&v);
    assert!(a.contains("$275 million"), "the price: {v}");
    assert!(a.contains("Talmor Logistics"), "the buyer: {v}");
    assert!(!a.contains("don't state"), "nothing is missing: {v}");
    first_citation(&v, "talmor-orchardline.md");
}

#[test]
fn a_two_part_question_missing_one_part_is_partial() {
    let home = home();
    // The article states the price but not who bought the company.
    let v = ask(&home, "who is buying pebblestone and for how much");
    assert_eq!(v["answered"], true, "{v}");
    assert_eq!(v["status"], "partial", "{v}");
    let a = answer(&v);
    assert!(a.contains("$18 million"), "the part that is known: {v}");
    assert!(
        a.contains("My sources don't state a buyer for Pebblestone"),
        "the missing part is named: {v}"
    );
    assert!(
        !a.contains("bought Pebblestone"),
        "no buyer is made up: {v}"
    );
    let c = first_citation(&v, "pebblestone-sold.md");
    assert!(highlighted(c).contains("sold for $18 million"), "{c}");
}

#[test]
fn acquisition_price_buyer_and_closing_are_read_from_passages() {
    let home = home();
    let v = ask(&home, "how much did talmor logistics pay for orchardline");
    let c = assert_read(
        &v,
        "acquisition",
        "money",
        "talmor-orchardline.md",
        "$275 million",
    );
    assert!(
        c["passage"]
            .as_str()
            .unwrap()
            .contains("Talmor Logistics has agreed to acquire Orchardline"),
        "{c}"
    );

    let v = ask(&home, "who bought Orchardline?");
    assert_read(
        &v,
        "acquisition",
        "who",
        "talmor-orchardline.md",
        "Talmor Logistics",
    );

    let v = ask(&home, "when is the orchardline deal expected to close");
    let c = assert_read(
        &v,
        "acquisition",
        "when",
        "talmor-orchardline.md",
        "third quarter",
    );
    assert!(highlighted(c).contains("expected to close"), "{c}");
}

#[test]
fn ipo_share_price_proceeds_and_exchange_are_read_from_passages() {
    let home = home();
    let v = ask(&home, "kestrelay ipo price per share");
    assert_read(&v, "ipo", "per_share", "kestrelay-ipo.md", "$21");
    assert!(claim(&v).contains("per share"), "{v}");
    assert!(
        !claim(&v).contains("$340 million"),
        "proceeds are not a share price: {v}"
    );

    let v = ask(&home, "How much did Kestrelay raise in its IPO?");
    assert_read(&v, "ipo", "money", "kestrelay-ipo.md", "$340 million");

    let v = ask(&home, "where is kestrelay listed");
    assert_read(
        &v,
        "ipo",
        "place",
        "kestrelay-ipo.md",
        "Nasdaq Global Select Market",
    );
}

#[test]
fn exchange_questions_in_other_words_ask_for_the_place() {
    let home = home();
    for q in [
        "where did kestrelay list",
        "which stock exchange is kestrelay listed on",
    ] {
        let v = ask(&home, q);
        assert_read(
            &v,
            "ipo",
            "place",
            "kestrelay-ipo.md",
            "Nasdaq Global Select Market",
        );
        assert!(!answer(&v).contains("$340 million"), "{q}: {v}");
    }
}

#[test]
fn stake_percentage_is_read_from_passages() {
    let home = home();
    let v = ask(
        &home,
        "what stake did harrowgate capital buy in vantika foods",
    );
    assert_read(&v, "stake", "percent", "harrowgate-vantika-stake.md", "14%");
    assert!(claim(&v).contains("Vantika Foods"), "{v}");
}

#[test]
fn debt_lender_and_interest_rate_are_read() {
    let home = home();
    // The credit facility is also a debt round in the facts store, so the lender may come from
    // the facts; either way it is the bank the article names, cited.
    let v = ask(&home, "who lent sorami robotics the money");
    assert_eq!(v["answered"], true, "{v}");
    assert_eq!(v["status"], "answered", "{v}");
    assert_eq!(v["understood"]["intent"], "debt", "{v}");
    assert_eq!(v["understood"]["want"], "who", "{v}");
    assert!(answer(&v).contains("Kuroshio Trust Bank"), "{v}");
    let c = first_citation(&v, "sorami-credit-facility.md");
    assert!(highlighted(c).contains("Kuroshio Trust Bank"), "{c}");

    // The rate is in no fact: read from the sentence that states it, which names no company.
    let v = ask(&home, "what is the interest rate on sorami robotics' loan");
    assert_read(&v, "debt", "rate", "sorami-credit-facility.md", "2.1%");
}

#[test]
fn names_the_store_lacks_are_linked_from_the_articles() {
    let home = home();
    // Neither company has a funding round. The buyer is what the article is about, so the store
    // knows it; the company bought is only a name in the articles. "pay" and "for" are not part
    // of either name.
    let v = ask(&home, "how much did talmor logistics pay for orchardline");
    let entities = v["understood"]["entities"].as_array().expect("entities");
    let linked: Vec<(&str, &str)> = entities
        .iter()
        .map(|e| (e["name"].as_str().unwrap(), e["matched"].as_str().unwrap()))
        .collect();
    assert_eq!(
        linked,
        [("Talmor Logistics", "store"), ("Orchardline", "corpus")],
        "{v}"
    );
    assert!(answer(&v).contains("$275 million"), "{v}");

    // A company with rounds is matched in the store, an investor as an investor.
    let v = ask(&home, "who led kobowise's series a");
    assert_eq!(v["understood"]["entities"][0]["name"], "Kobowise", "{v}");
    assert_eq!(v["understood"]["entities"][0]["matched"], "store", "{v}");
    assert!(answer(&v).contains("Ironbark Ventures"), "{v}");
    let v = ask(&home, "what did ironbark ventures invest in");
    assert_eq!(
        v["understood"]["entities"][0]["name"], "Ironbark Ventures",
        "{v}"
    );
    assert_eq!(v["understood"]["entities"][0]["matched"], "investor", "{v}");
}

#[test]
fn unstated_values_are_declined_with_the_closest_source() {
    let home = home();
    // The listing article names no underwriters.
    let v = ask(&home, "who were the underwriters of kestrelay's ipo");
    assert_eq!(v["answered"], false, "{v}");
    assert_eq!(v["status"], "not_answered", "{v}");
    assert_eq!(v["understood"]["intent"], "ipo", "{v}");
    assert_eq!(v["understood"]["want"], "who", "{v}");
    let a = answer(&v);
    assert!(a.starts_with("My sources don't state"), "{v}");
    assert!(a.contains("The closest source is Market Desk Daily"), "{v}");
    let c = first_citation(&v, "kestrelay-ipo.md");
    assert!(c["passage"].as_str().unwrap().contains("Kestrelay"), "{c}");

    // No sentence says the deal has closed; the article about it is the closest source.
    let v = ask(&home, "has the orchardline deal actually closed");
    assert_eq!(v["answered"], false, "{v}");
    assert_eq!(v["status"], "not_answered", "{v}");
    assert_eq!(v["understood"]["intent"], "status", "{v}");
    assert_eq!(v["understood"]["want"], "status", "{v}");
    let a = answer(&v);
    assert!(a.starts_with("My sources don't state"), "{v}");
    assert!(a.contains("The closest source is"), "{v}");
    assert!(!a.contains("closed."), "no status is claimed: {v}");
    first_citation(&v, "talmor-orchardline.md");
}

#[test]
fn a_lead_the_article_does_not_name_is_declined() {
    let home = home();
    let v = ask(&home, "who led fennick labs' seed round");
    assert_eq!(v["answered"], false, "{v}");
    assert_eq!(v["status"], "not_answered", "{v}");
    assert_eq!(v["understood"]["intent"], "lead", "{v}");
    let a = answer(&v);
    assert!(a.contains("don't state a lead investor"), "{v}");
    for investor in ["Saltmarsh", "Pinegrove"] {
        assert!(!a.contains(investor), "{investor} did not lead: {v}");
    }
}

#[test]
fn an_investor_that_only_invests_is_not_said_to_raise() {
    let home = home();
    let v = ask(&home, "how much did ironbark ventures raise");
    assert_eq!(v["answered"], false, "{v}");
    assert_eq!(v["status"], "not_answered", "{v}");
    let a = answer(&v);
    assert!(
        !a.contains("Ironbark Ventures raised") && !a.contains("raised $12 million"),
        "the round it backed is not its own: {v}"
    );
    assert_eq!(v["citations"], serde_json::json!([]), "{v}");
}

#[test]
fn an_unknown_company_is_declined() {
    let home = home();
    let v = ask(&home, "how much did Zorblatt Dynamics raise?");
    assert_eq!(v["answered"], false, "{v}");
    assert_eq!(v["status"], "not_answered", "{v}");
    let a = answer(&v);
    assert!(a.contains("no funding rounds for Zorblatt Dynamics"), "{v}");
    assert!(!a.contains('$') && !a.contains('₹'), "no figure: {v}");
    assert_eq!(v["citations"], serde_json::json!([]), "{v}");
}

#[test]
fn the_round_before_the_series_c_is_the_earlier_round() {
    let home = home();
    let v = ask(
        &home,
        "who led quillmark health's round before the series c",
    );
    assert_eq!(v["answered"], true, "{v}");
    let a = answer(&v);
    assert!(a.contains("Alderpoint Ventures"), "{v}");
    assert!(a.contains("Series B"), "{v}");
    assert!(!a.contains("Stonebridge"), "the Series C's lead: {v}");
    let c = first_citation(&v, "quillmark-series-c.md");
    assert!(highlighted(c).contains("Series B led by Alderpoint"), "{c}");

    let v = ask(
        &home,
        "how much did quillmark health raise in the round before the series c",
    );
    assert_eq!(v["answered"], true, "{v}");
    let a = answer(&v);
    assert!(a.contains("$22 million"), "{v}");
    assert!(!a.contains("$60 million"), "the Series C's amount: {v}");
}

#[test]
fn besides_the_lead_lists_the_other_investors() {
    let home = home();
    // The other investors are in a sentence that calls Kobowise "the Lagos-based startup".
    let v = ask(
        &home,
        "who else invested in kobowise's series a besides the lead",
    );
    assert_eq!(v["answered"], true, "{v}");
    assert_eq!(v["understood"]["intent"], "investors", "{v}");
    let a = answer(&v);
    assert!(
        a.contains("Cedarfall Capital") && a.contains("Mosswood Fund"),
        "{v}"
    );
    assert!(!a.contains("Ironbark"), "the lead is left out: {v}");
    let c = first_citation(&v, "kobowise-series-a.md");
    assert!(
        highlighted(c).contains("The Lagos-based startup said existing investors"),
        "{c}"
    );
}

#[test]
fn figures_asked_in_crore_prefer_the_crore_figure() {
    let home = home();
    // The article states the price as "Rs 620 crore (about $75 million)" and again as "$75
    // million"; asked in crore, the crore figure is the answer.
    let v = ask(
        &home,
        "how much did harrowgate capital pay for the vantika foods stake in crore",
    );
    assert_read(
        &v,
        "stake",
        "money",
        "harrowgate-vantika-stake.md",
        "620 crore",
    );
    assert!(claim(&v).contains("₹620 crore"), "{v}");
}

#[test]
fn figures_asked_in_yen_prefer_the_yen_figure() {
    let home = home();
    // "$30 million credit facility" in one sentence, "The loan, worth ¥4.5 billion" in the next.
    let v = ask(&home, "how much did sorami robotics borrow in yen");
    assert_eq!(v["answered"], true, "{v}");
    assert_eq!(v["understood"]["intent"], "debt", "{v}");
    assert!(claim(&v).contains("¥4.5 billion"), "{v}");
    let c = first_citation(&v, "sorami-credit-facility.md");
    assert!(highlighted(c).contains("¥4.5 billion"), "{c}");
}

#[test]
fn the_seller_of_a_stake_is_not_its_buyer() {
    let home = home();
    let v = ask(&home, "who sold the vantika foods stake");
    assert_eq!(v["understood"]["want"], "seller", "{v}");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("Silverbeck Partners"), "{v}");
    assert!(!claim(&v).contains("Harrowgate"), "{v}");
}

#[test]
fn an_agreed_purchase_is_not_said_to_be_done() {
    let home = home();
    let v = ask(&home, "who bought orchardline?");
    assert_eq!(v["answered"], true, "{v}");
    assert!(
        claim(&v).contains("Talmor Logistics agreed to buy Orchardline"),
        "{v}"
    );
}

#[test]
fn a_name_ending_in_a_common_word_is_linked_whole() {
    let home = home();
    let v = ask(
        &home,
        "what stake did harrowgate capital buy in vantika foods",
    );
    let names = entity_names(&v);
    assert!(names.contains(&"Harrowgate Capital"), "{v}");
    assert!(claim(&v).contains("14%"), "{v}");
}

#[test]
fn short_names_from_the_aliases_file_are_linked() {
    let home = home();
    // "IBV" is in tests/fixtures/reading/aliases.toml; the articles only ever say the full name.
    let v = ask(&home, "which companies has IBV backed?");
    assert_eq!(v["understood"]["intent"], "portfolio", "{v}");
    assert_eq!(v["understood"]["investor"], "Ironbark Ventures", "{v}");
    assert!(answer(&v).contains("Kobowise"), "{v}");
}

#[test]
fn initials_name_a_company_only_when_one_company_has_them() {
    let home = home();
    // Two companies are "HF" (Helmsbury Freight, Hollin Fabrics): fundbot asks which one.
    let v = ask(&home, "who led HF's round?");
    assert_eq!(v["answered"], false, "{v}");
    let a = answer(&v);
    assert!(
        a.contains("Helmsbury Freight") && a.contains("Hollin Fabrics"),
        "{v}"
    );
    // "TL" is Talmor Logistics by the aliases file; "KSA" fits no company at all.
    let v = ask(&home, "who led KSA's seed?");
    assert_eq!(v["answered"], false, "{v}");
}

#[test]
fn questions_across_companies_get_a_cited_list() {
    let home = home();
    let v = ask(&home, "latest rounds");
    assert_eq!(v["answered"], true, "{v}");
    let a = answer(&v);
    assert!(a.starts_with("The newest rounds on record"), "{v}");
    // Newest first: Orrin Quantum Systems (September 2024) before Hollin Fabrics (April 2024);
    // five are listed and the rest counted.
    let (orrin, hollin) = (a.find("Orrin Quantum Systems"), a.find("Hollin Fabrics"));
    assert!(orrin.is_some() && hollin.is_some() && orrin < hollin, "{v}");
    assert!(a.contains("more on record"), "{v}");
    assert!(!v["citations"].as_array().unwrap().is_empty(), "{v}");

    let v = ask(&home, "series b rounds in 2024");
    let a = answer(&v);
    assert!(a.contains("Helmsbury Freight"), "{v}");
    assert!(
        !a.contains("Hollin Fabrics"),
        "a seed round is no Series B: {v}"
    );

    // An investor's profile, and a question about a region's total that names no company.
    let v = ask(&home, "tell me about ironbark ventures");
    assert_eq!(v["understood"]["intent"], "history", "{v}");
    assert!(answer(&v).contains("Kobowise"), "{v}");
    let v = ask(&home, "what were the largest rounds?");
    assert!(
        !answer(&v).contains("West Africa"),
        "a market total is not a company: {v}"
    );
}

#[test]
fn a_question_about_one_unknown_company_is_never_answered_with_a_list() {
    let home = home();
    let v = ask(&home, "who led zorvane's series b in 2024");
    assert_eq!(v["answered"], false, "{v}");
    assert!(!answer(&v).contains("Helmsbury"), "{v}");
}

#[test]
fn the_short_name_the_question_uses_is_read_as_the_company() {
    let home = home();
    // The store knows "Orrin Quantum Systems"; the total is stated of "Orrin".
    let v = ask(&home, "orrin total funding to date?");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$90 million"), "{v}");
}

#[test]
fn prices_that_disagree_across_articles_are_shown_side_by_side() {
    let home = home();
    let v = ask(&home, "how much was pebblestone sold for");
    assert_eq!(v["answered"], true, "{v}");
    let a = answer(&v);
    assert!(a.contains("$18 million"), "{a}");
    // The second report does not name the company: "The purchase" follows a sentence that does.
    assert!(
        a.contains("Another report puts it at") && a.contains("$21 million"),
        "{a}"
    );
    let articles: Vec<&str> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["article"].as_str().unwrap())
        .collect();
    assert!(articles.contains(&"pebblestone-sold.md"), "{articles:?}");
    assert!(
        articles.contains(&"east-africa-weekly-digest.md"),
        "{articles:?}"
    );
}

#[test]
fn an_investor_only_the_articles_text_names_has_a_portfolio() {
    let home = home();
    // The short name stands for the investor on record.
    let v = ask(&home, "which startups has amberline backed?");
    assert_eq!(v["understood"]["intent"], "portfolio", "{v}");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("Ridgeway"), "{v}");

    // No round on record names Cobaltia; the articles' text does.
    let v = ask(&home, "which startups has cobaltia backed?");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("Pebblestone"), "{v}");
    assert_eq!(v["basis"], "passages", "{v}");
    assert_eq!(
        v["citations"][0]["article"], "east-africa-weekly-digest.md",
        "{v}"
    );

    // An investor no article names is still declined.
    let v = ask(&home, "which startups has quarrystone ventures backed?");
    assert_eq!(v["answered"], false, "{v}");
}

#[test]
fn a_question_about_how_things_stand_today_is_not_answered_from_past_deals() {
    let home = home();
    let v = ask(&home, "is sorami still carrying debt?");
    assert_eq!(v["answered"], false, "{v}");
    assert!(answer(&v).contains("don't say whether"), "{v}");
}

#[test]
fn a_distinctive_word_of_one_company_s_name_is_that_company() {
    let home = home();
    // "quantum" is in one company's name only; the answer is that company's round.
    let v = ask(&home, "how much did quantum raise from fenmarsh?");
    assert_eq!(v["understood"]["company"], "Orrin Quantum Systems", "{v}");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("$25 million"), "{v}");
    // Part of another name ("veltra quantum") is not this company's name.
    let v = ask(&home, "how much did veltra quantum raise?");
    assert_ne!(v["understood"]["company"], "Orrin Quantum Systems", "{v}");
    // A word common to company names ("systems") picks out no one.
    let v = ask(&home, "how much did systems raise?");
    assert_ne!(v["understood"]["company"], "Orrin Quantum Systems", "{v}");
}

#[test]
fn a_name_made_of_the_and_a_common_word_is_linked_and_its_rounds_read() {
    let home = home();
    let v = ask(&home, "the quorum seed round, who led it");
    assert_eq!(v["answered"], true, "{v}");
    let a = claim(&v);
    assert!(
        a.contains("Pellham Ventures") && a.contains("Ostrava Partners"),
        "{a}"
    );
    assert!(!a.contains("Bramblecote"), "{a}");
    let v = ask(&home, "and The Quorum's series A lead?");
    assert!(claim(&v).contains("Bramblecote Capital"), "{v}");
}

#[test]
fn a_stake_in_talks_answers_whether_an_investor_is_putting_money_in() {
    let home = home();
    let v = ask(&home, "is ostfold investing in brantwood bank?");
    assert_eq!(v["answered"], true, "{v}");
    let a = answer(&v);
    assert!(a.contains("€60"), "{a}");
    assert!(a.contains("reported, not confirmed"), "{a}");
    first_citation(&v, "brantwood-bank-stake-talks.md");
    // An investor the articles never tie to the bank is still "no record".
    let v = ask(&home, "is kuroshio trust bank investing in brantwood bank?");
    assert_eq!(v["answered"], false, "{v}");
    assert!(answer(&v).contains("no record"), "{v}");
}

#[test]
fn a_roundup_headline_dates_the_deals_it_lists() {
    let home = home();
    // The article came out in April; its headline says the deals were March's.
    let v = ask(&home, "qarawan debt raise march 2025");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("$90 million"), "{v}");
    first_citation(&v, "gulf-startups-march-roundup.md");
    // A month the headline does not name is not answered from it.
    let v = ask(&home, "qarawan debt raise january 2025");
    assert_eq!(v["answered"], false, "{v}");
}

#[test]
fn a_debt_the_articles_say_was_settled_answers_whether_it_is_still_owed() {
    let home = home();
    let v = ask(&home, "is tallis bio still carrying debt?");
    assert_eq!(v["answered"], true, "{v}");
    let a = answer(&v);
    assert!(a.contains("retired all of its bridge debt"), "{a}");
    assert!(a.starts_with("As of this report"), "{a}");
    first_citation(&v, "tallis-bio-series-b-filing.md");
}

#[test]
fn a_holder_s_stake_in_a_company_is_about_the_company() {
    let home = home();
    // "silverbeck's stake in vantika foods": Silverbeck held it, Vantika Foods is the company.
    let v = ask(
        &home,
        "who bought silverbeck partners's stake in vantika foods?",
    );
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("Harrowgate"), "{v}");
    assert!(claim(&v).contains("Vantika Foods"), "{v}");
}

#[test]
fn a_lifetime_total_stated_without_the_word_total_is_read() {
    let home = home();
    // "Since ... in 2016, Corvane has raised $96m": the money raised since then, not a round.
    // The buyer in the question is about timing; the sentence need not name it.
    let v = ask(
        &home,
        "how much had corvane raised before marlow bought it?",
    );
    assert_eq!(v["answered"], true, "{v}");
    assert_eq!(v["understood"]["intent"], "total", "{v}");
    assert!(claim(&v).contains("$96 million"), "{v}");
    let c = first_citation(&v, "corvane-bought.md");
    assert!(highlighted(c).contains("$96m"), "{c}");
    // The backers after "institutional backers in 2016," are the funds, not Corvane itself.
    let v = ask(&home, "who has invested in corvane?");
    assert!(
        claim(&v).starts_with("Tessel Ventures and Fairhold Capital invested"),
        "{v}"
    );
}

#[test]
fn a_listing_valuation_in_the_sentence_after_the_pricing_is_read() {
    let home = home();
    // "That puts a value of ..." names no listing; the sentence before it does.
    let v = ask(&home, "wrenfield valuation at listing");
    assert_read(
        &v,
        "ipo",
        "valuation",
        "wrenfield-listing.md",
        "1.9 billion",
    );
}

#[test]
fn a_price_the_parties_kept_private_is_said_to_be_undisclosed() {
    let home = home();
    // "Financial details of the deal with Keldhaven ...": the deal of the company named two
    // sentences before, with the buyer the question names.
    let v = ask(&home, "how much did keldhaven pay for lumarra?");
    let c = assert_read(
        &v,
        "acquisition",
        "money",
        "morning-brief-deals.md",
        "disclosed",
    );
    assert!(claim(&v).ends_with("not disclosed"), "{v}");
    assert!(highlighted(c).contains("Keldhaven"), "{c}");
}

#[test]
fn backers_featured_in_a_round_and_a_lead_nobody_named() {
    let home = home();
    // "a Series A round featuring electronics group Veltmark according to a deals database".
    let v = ask(&home, "who backed ostrava silicon's series a");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).starts_with("Veltmark invested"), "{v}");
    first_citation(&v, "morning-brief-deals.md");
    // Two parts: the backers are known, a lead is not, and the reply says so.
    let v = ask(
        &home,
        "who invested in ostrava silicon's series a? was there a lead?",
    );
    assert_eq!(v["status"], "partial", "{v}");
    assert_eq!(v["understood"]["intent"], "investors", "{v}");
    assert!(answer(&v).contains("Veltmark"), "{v}");
    assert!(
        answer(&v).contains("don't state a lead investor for Ostrava Silicon"),
        "{v}"
    );
}

#[test]
fn two_names_joined_by_a_hyphen_and_a_total_with_no_owner_named() {
    let home = home();
    // "the keldhaven-lumarra deal": two names the articles write apart.
    let v = ask(
        &home,
        "when is the keldhaven-lumarra deal supposed to close",
    );
    assert_eq!(v["answered"], true, "{v}");
    let names = entity_names(&v);
    assert_eq!(names, ["Keldhaven", "Lumarra"], "{v}");
    assert!(claim(&v).contains("third quarter"), "{v}");
    first_citation(&v, "morning-brief-deals.md");
    // "Total funding raised exceeds ..." in a profile: the profiled company's total, and the
    // debt the question counts in is no filter on the rounds.
    let v = ask(&home, "pellora total funding including debt?");
    assert_eq!(v["answered"], true, "{v}");
    assert_eq!(v["understood"]["intent"], "total", "{v}");
    assert_eq!(v["understood"]["round"], Value::Null, "{v}");
    assert!(claim(&v).contains("$700 million"), "{v}");
    let c = first_citation(&v, "pellora-profile.md");
    assert!(highlighted(c).starts_with("Total funding raised"), "{c}");
}

#[test]
fn a_series_d_comes_before_the_series_e_even_when_only_the_d_is_dated() {
    let home = home();
    // The article has no date, so the Series E has none; the Series D is dated March 2021.
    let v = ask(
        &home,
        "what was tarnwell's round before the series e, and who led it",
    );
    assert_eq!(v["answered"], true, "{v}");
    let a = answer(&v);
    assert!(a.contains("Series D"), "{v}");
    assert!(a.contains("Brockmere Capital"), "{v}");
    assert!(!a.contains("$180 million"), "the Series E itself: {v}");
}

#[test]
fn a_company_blog_speaks_of_the_company_as_we() {
    let home = home();
    // "We've just raised a $6M Series A" on the company's own blog, headed with its name.
    let v = ask(&home, "how much was tidemark's series a");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$6 million"), "{v}");
    first_citation(&v, "tidemark-blog-series-a.md");
    // "just raised" is dated by the post.
    let v = ask(&home, "when did tidemark announce the $6M series a?");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("14 April 2016"), "{v}");
    // "Leading the round was Omar Quist from Pinecrest Partners".
    let v = ask(&home, "tidemark series a lead investor");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).starts_with("Pinecrest Partners led"), "{v}");
    assert!(
        !claim(&v).contains("Omar Quist"),
        "the firm, not its partner: {v}"
    );
}

#[test]
fn rounds_reported_in_spanish_and_portuguese_are_read() {
    let home = home();
    // "liderada por X y Y": the leads, read through the glossary; the citation quotes the
    // Spanish sentence as written.
    let v = ask(&home, "who led qorvana's series b?");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("Fondo Cordillera"), "{v}");
    assert!(answer(&v).contains("Valle Norte Capital"), "{v}");
    let c = first_citation(&v, "qorvana-ronda-serie-b.md");
    assert!(
        c["passage"].as_str().unwrap_or("").contains("liderada por"),
        "{c}"
    );
    // "ha valuado a Qorvana en US$400 millones".
    let v = ask(&home, "qorvana valuation");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("$400 million"), "{v}");
    // An earlier round in the same article: "en 2022 levantó una ronda Serie A de US$12 millones".
    let v = ask(&home, "how big was qorvana's series a");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("$12 million"), "{v}");
    // Portuguese: "recebeu um aporte de R$ 60 milhões em uma rodada série A liderada pela
    // gestora Jatobá Investimentos".
    let v = ask(&home, "how much did pindoba raise");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("60 million"), "{v}");
    let v = ask(&home, "who led pindoba's series a");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("Jatobá Investimentos"), "{v}");
    let v = ask(&home, "pindoba valuation?");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("500 million"), "{v}");
}

#[test]
fn a_round_sought_an_old_worth_and_an_adviser_are_told_apart() {
    let home = home();
    // "Corvel Inc., the vape maker ..., is seeking to raise about $500 million": the question
    // says "corvel", the articles "Corvel Inc.".
    let v = ask(&home, "how much is corvel trying to raise");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$500 million"), "{v}");
    // Sought, not closed: the claim never says it raised.
    assert!(claim(&v).starts_with("Reports put Corvel"), "{v}");
    assert!(!claim(&v).contains("raised"), "{v}");
    assert!(answer(&v).contains("(not confirmed)"), "{v}");
    // "far below the $12 billion it was worth in 2019": a worth, and an old one.
    let v = ask(&home, "corvel valuation in the new round?");
    assert_eq!(v["answered"], false, "{v}");
    assert!(!answer(&v).contains("raised $12 billion"), "{v}");
    // An adviser is no fact the store keeps: not answered with the company's rounds.
    let v = ask(&home, "who's advising corvel on the fundraise");
    assert_eq!(v["answered"], false, "{v}");
}

#[test]
fn vcs_are_no_investor_and_a_bank_lends() {
    let home = home();
    // "raised USD 2 million in pre-seed funding from early-stage VCs": no name there.
    let v = ask(&home, "who backed lumora");
    assert_eq!(v["answered"], true, "{v}");
    let a = answer(&v);
    assert!(a.contains("Kestrel Seed"), "{v}");
    assert!(!a.contains("VCs"), "{v}");
    let v = ask(&home, "who lent to lumora");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("Harbor Trust Bank"), "{v}");
    // "Exchange" is written with a capital only inside "New Lagos Stock Exchange": no company.
    let v = ask(&home, "what exchange did lumora list on");
    assert_eq!(v["answered"], false, "{v}");
    let names = entity_names(&v);
    assert!(!names.contains(&"Exchange"), "{v}");
}

#[test]
fn a_deal_is_dated_by_its_announcement_not_by_a_price_it_compares_with() {
    let home = home();
    // "announced Monday" (the day of publication), not "Friday's closing price".
    let v = ask(&home, "when was the fernway lumenpath deal announced");
    assert_eq!(v["understood"]["intent"], "acquisition", "{v}");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("11 March 2019"), "{v}");
    first_citation(&v, "fernway-buys-lumenpath.md");
}

#[test]
fn a_listing_reported_in_italian_is_read_from_its_passage() {
    let home = home();
    // "ha annunciato il prezzo della IPO a 14 dollari per azione": read through the glossary,
    // quoted as written.
    let v = ask(&home, "velloro ipo price");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("14 dollars per share"), "{v}");
    let c = first_citation(&v, "velloro-quotazione.md");
    assert!(highlighted(c).contains("14 dollari per azione"), "{c}");
}

#[test]
fn one_investor_s_part_is_read_as_stated_never_as_the_round_s_size() {
    let home = home();
    let v = ask(&home, "how much did harlow peak put into brisklane");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$22 million"), "{v}");
    first_citation(&v, "brisklane-series-b.md");
    let v = ask(
        &home,
        "how much did corran logistics originally invest in brisklane",
    );
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$12 million"), "{v}");
    // Figures given "respectively" to a list are not read one by one: an honest decline, not
    // the first figure and not the round's $40 million.
    // The investor alone after "from": the whole figure is its part. Asked in a few words.
    let v = ask(&home, "tarrow brisklane investment");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$30 million"), "{v}");
    let v = ask(&home, "how much did odell partners invest in brisklane");
    assert_eq!(v["answered"], false, "{v}");
    assert!(!answer(&v).contains("$40 million"), "{v}");
}

#[test]
fn buyers_named_by_an_agreement_or_an_acqui_hire_and_a_total_over_rounds() {
    let home = home();
    let v = ask(&home, "who bought quellon");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).starts_with("Brightmoor"), "{v}");
    first_citation(&v, "brightmoor-to-buy-quellon.md");
    let v = ask(&home, "who acquired tessaly");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).starts_with("Halvard"), "{v}");
    let v = ask(&home, "how much did tessaly raise in total");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$9.5 million"), "{v}");
    first_citation(&v, "halvard-takes-in-tessaly.md");
}

#[test]
fn money_funneled_into_the_company_over_the_years_is_its_total() {
    let home = home();
    let v = ask(&home, "dallim total raised");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("310 billion"), "{v}");
    first_citation(&v, "dallim-new-investment.md");
    // A figure in won is shown with the article's own conversion.
    let v = ask(&home, "how much did dallim raise");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("₩150 billion ($132 million)"), "{v}");
}

#[test]
fn shares_changing_hands_name_their_buyers_sellers_and_price() {
    let home = home();
    let v = ask(&home, "who bought dunmere's pavlo shares");
    assert_eq!(v["understood"]["intent"], "stake", "{v}");
    assert_eq!(v["answered"], true, "{v}");
    assert!(
        claim(&v).starts_with("Kelso Ventures and Arden Peak"),
        "{v}"
    );
    let v = ask(&home, "how much did dunmere get for its pavlo stake");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$140 million"), "{v}");
    first_citation(&v, "dunmere-exits-pavlo.md");
    let v = ask(&home, "who sold pavlo shares to kelso ventures");
    assert_eq!(v["understood"]["want"], "seller", "{v}");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).starts_with("Dunmere"), "{v}");
}

#[test]
fn a_listing_s_proceeds_on_a_sale_of_shares_and_the_banks_that_led_it() {
    // "Corvid Exchange" shares a word with "what exchange did lumora list on"
    // (`vcs_are_no_investor_and_a_bank_lends`), which must still ask about Lumora.
    let home = home();
    let v = ask(&home, "how much did corvid exchange raise in its ipo");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$188.5 million"), "{v}");
    first_citation(&v, "corvid-exchange-ipo.md");
    let v = ask(&home, "who led corvid exchange's ipo");
    assert_eq!(v["answered"], true, "{v}");
    assert!(
        claim(&v).contains("Halcyon Securities and Merrow Brothers"),
        "{v}"
    );
}

#[test]
fn a_round_in_advanced_discussions_is_answered_as_reported() {
    let home = home();
    let v = ask(&home, "how much is talkwell in talks to raise");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("$20-25 million"), "{v}");
    assert!(answer(&v).contains("not confirmed"), "{v}");
    assert!(!claim(&v).contains("raised"), "{v}");
}

#[test]
fn a_company_named_late_by_its_description_and_a_round_split_into_equity_and_debt() {
    // The headline names a founder, not the company; the company is "a startup" the body
    // introduces, and "the startup said it raised" is its round. Its $30 million of equity
    // and $10 million of debt are parts of that round, not rounds or totals of their own.
    let home = home();
    let v = ask(&home, "how much did nurselane raise");
    assert_eq!(v["answered"], true, "{v}");
    assert!(answer(&v).contains("$40 million"), "{v}");
    let v = ask(&home, "who led nurselane's round");
    assert!(answer(&v).starts_with("Harwick Partners"), "{v}");
    let v = ask(&home, "nurselane venture debt lenders");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("Ordway Bank"), "{v}");
    first_citation(&v, "nurselane-equity-and-debt.md");
    let v = ask(&home, "how much of nurselane's round was debt");
    assert!(claim(&v).contains("$10 million"), "{v}");
    // No figure in the article is what Nurselane has raised in all.
    let v = ask(&home, "nurselane total funding to date");
    assert!(!answer(&v).contains("$30 million"), "{v}");
    // The company that made a purchase in passing is no raiser.
    let v = ask(&home, "how much did corvex raise");
    assert_eq!(v["answered"], false, "{v}");
}

#[test]
fn the_new_round_is_not_the_last_one_on_record() {
    // The article's news is a round in talks; the Series B on record is two years older.
    let home = home();
    let v = ask(&home, "tallowmere valuation in the new round");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("900 million"), "{v}");
    assert!(!answer(&v).contains("150 million"), "{v}");
    first_citation(&v, "tallowmere-talks.md");
    // Asked without "new", the round on record answers.
    let v = ask(&home, "who led tallowmere's series b");
    assert!(answer(&v).starts_with("Ostler Ventures"), "{v}");
}

#[test]
fn a_hyphenated_description_in_the_question_is_no_second_name() {
    // "save-later" is no name: "Save" opens a sentence of the article, "later" is no name.
    let home = home();
    let v = ask(&home, "who bought quorvik the save-later app");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).starts_with("Halberd Media"), "{v}");
}

#[test]
fn what_a_loan_pays_out_at_closing_is_read_from_its_sentence() {
    let home = home();
    let v = ask(&home, "how much does pellucid get at closing from the loan");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$15 million"), "{v}");
    first_citation(&v, "pellucid-term-loan.md");
    // The whole facility is the store's answer to the plain question.
    let v = ask(&home, "how big is pellucid's term loan");
    assert!(answer(&v).contains("$40 million"), "{v}");
}

#[test]
fn a_total_that_counts_the_round_just_told_in_a_digest_about_another_company() {
    // The digest leads with another company; "the company" is the one last named, and "through
    // this round and a 2020 (!) Series B" counts the new round in a total (the aside ends no
    // sentence).
    let home = home();
    let v = ask(&home, "quillmoor total raised");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$150 million"), "{v}");
    first_citation(&v, "short-takes-quillmoor.md");
    let v = ask(&home, "how much was quillmoor's series b");
    assert!(answer(&v).contains("$70 million"), "{v}");
}

#[test]
fn a_holders_stake_is_the_figure_beside_its_name() {
    // "Its largest holders are A (16.1% ...), B (8%) ..." is about the company in focus; each
    // holder's figure is the one next to its name.
    let home = home();
    let v = ask(&home, "how much of brightwater does pelham ridge own");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("16.1%"), "{v}");
    first_citation(&v, "brightwater-listing.md");
    let v = ask(&home, "ostrava partners stake in brightwater?");
    assert!(claim(&v).contains("8%"), "{v}");
    // "Lintel Growth put ... alongside Corvane, the group, which owns 5%": not Lintel's figure.
    let v = ask(&home, "lintel growth stake in brightwater");
    assert!(claim(&v).contains("6.3%"), "{v}");
    // Asked by the first word of its name, the holder's own relative clause still holds.
    let v = ask(&home, "how much of brightwater does marlow own");
    assert!(claim(&v).contains("9 percent"), "{v}");
    // A holder named in no sentence with a figure: another holder's figure is no answer.
    let v = ask(&home, "how much of brightwater does halden fund own");
    assert_eq!(v["answered"], false, "{v}");
}

#[test]
fn a_value_in_a_clause_about_another_company_is_not_the_subjects() {
    // "... the IPO of Palisade Labs Inc., whose market value has since climbed to $2 billion":
    // Palisade's value, not Corvath's.
    let home = home();
    let v = ask(&home, "what was corvath valued at in the ipo");
    assert_eq!(v["answered"], false, "{v}");
    let v = ask(&home, "how much is corvath raising in its ipo");
    assert!(claim(&v).contains("$90 million"), "{v}");
}

#[test]
fn a_wire_brief_without_articles_states_the_price() {
    // "Brenmoor says deal valued at $140 million": the buyer's bullet, in headline style, gives
    // the whole price; the part paid at closing is not it.
    let home = home();
    let v = ask(&home, "how much did brenmoor pay for vorquist");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$140 million"), "{v}");
    first_citation(&v, "brenmoor-vorquist-brief.md");
}

#[test]
fn a_facility_with_its_lender_and_the_loan_it_pays_off() {
    // "a facility with Marrow Credit worth up to $25 million": the lender and the facility's
    // size (no valuation); the lenders of the loan it repays are not its lenders.
    let home = home();
    let v = ask(&home, "who is lending to corvix");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("Marrow Credit"), "{v}");
    assert!(!answer(&v).contains("Kestrow Bank"), "{v}");
    let v = ask(&home, "how big is corvix's credit facility");
    assert!(answer(&v).contains("$25 million"), "{v}");
    let v = ask(&home, "what is corvix labs valued at");
    assert_eq!(v["answered"], false, "{v}");
}

#[test]
fn a_deadline_a_maturity_or_a_fiscal_year_is_not_when_a_deal_happened() {
    let home = home();
    // A filing's termination deadline and the fiscal years of its earnouts are no deal date.
    let v = ask(&home, "when did penwick agree to buy dallory");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("14 June 2022"), "{v}");
    // A loan's maturity is not when it was taken.
    let v = ask(&home, "when was tiverly's term loan first put in place");
    assert!(claim(&v).contains("March 2023"), "{v}");
    assert!(!claim(&v).contains("2029"), "{v}");
}

#[test]
fn shares_issued_at_a_price_each_give_the_listing_price() {
    let home = home();
    let v = ask(&home, "halvex ipo price");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$7 per share"), "{v}");
    first_citation(&v, "halvex-listing.md");
}

#[test]
fn founded_then_has_now_raised_is_a_total_not_a_round() {
    // "Founded in May 2017, Ostwick has now raised some $130 million": the total since then,
    // not a second round beside the Series C.
    let home = home();
    let v = ask(&home, "ostwick total funding to date");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$130 million"), "{v}");
    let v = ask(&home, "how much has ostwick raised in each round");
    assert!(!answer(&v).contains("$130 million"), "{v}");
}

#[test]
fn a_price_band_per_equity_share_set_by_it() {
    // "It set the band for the offer at INR 310 to INR 326 per equity share": "it" is the
    // company of the sentence before, and an equity share is a share.
    let home = home();
    let v = ask(&home, "pintara ipo price band");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("326"), "{v}");
    first_citation(&v, "pintara-ipo.md");
}

#[test]
fn a_listing_told_in_the_lead_under_a_headline_about_the_stock() {
    // The headline says only that the stock jumped; the lead says the chain went public, and
    // the repost's credit line and date are glued to its first word.
    let home = home();
    let v = ask(&home, "tindall grill ipo price");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("NZ$9"), "{v}");
    assert!(claim(&v).contains("per share"), "{v}");
    first_citation(&v, "tindall-grill-listing.md");
    // A later paragraph's valuation is the listing's: the article is about the listing.
    let v = ask(&home, "what was tindall grill valued at after listing");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("1.6 billion"), "{v}");
    first_citation(&v, "tindall-grill-listing.md");
    // The proceeds of the listing.
    let v = ask(&home, "how much did tindall grill raise in its ipo");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("360 million"), "{v}");
}

#[test]
fn a_digest_round_told_after_another_company_is_that_company_s() {
    // "Further, ..., Routelane, raised $2.2 million ... The round was led by Asha Raman": the
    // round of Routelane, though Bextaro was the company named before it in the digest.
    let home = home();
    let v = ask(&home, "who led bextaro's round");
    assert!(!answer(&v).contains("Asha Raman"), "{v}");
    let v = ask(&home, "savora investors?");
    assert!(!answer(&v).contains("Asha Raman"), "{v}");
    assert!(!answer(&v).contains("Ketu"), "{v}");
}

#[test]
fn how_many_times_a_listing_was_subscribed() {
    // The issue as a whole, not the retail quota; and "oversubscribed", a word the article
    // writes only in lower case, is not taken for a company's name.
    let home = home();
    let v = ask(&home, "how oversubscribed was the sarvik foods ipo");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("27.6 times"), "{v}");
    first_citation(&v, "sarvik-foods-ipo.md");
    let names = entity_names(&v);
    assert!(!names.contains(&"oversubscribed"), "{v}");
}

#[test]
fn a_roundup_headline_does_not_make_every_company_it_names_the_raiser() {
    // The headline names four companies; the text tells only Drovia's raise ("Drovia, for
    // one, has confirmed that it raised"). Brisel's amount is not stated.
    let home = home();
    let v = ask(&home, "how much did brisel raise");
    assert_eq!(v["answered"], false, "{v}");
    assert!(!answer(&v).contains("$60"), "{v}");
    let v = ask(&home, "how much did drovia raise");
    assert_eq!(v["answered"], true, "{v}");
    assert!(claim(&v).contains("$60"), "{v}");
    // "with a valuation nearing $700m" is a valuation, not a second round.
    assert!(!answer(&v).contains("$700"), "{v}");
    let v = ask(&home, "drovia valuation");
    assert!(claim(&v).contains("$700 million"), "{v}");
}
