//! Deal records: the field-by-field layout trade newsletters and trackers use for each deal,
//! "Company: Quillfeather | Round: Series B | Amount: $20M | Lead: Harbor Lane Capital". Tables
//! arrive in this shape too (see `corpus::table_records`).
//!
//! A record names its fields, so it is read by field, not as prose.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::cues::round_types;
use super::dates::find_dates;
use super::money::{find_amounts, MoneyMention};
use super::names::clean_investor;
use super::text::{is_not_name, split_list};
use super::{Basis, DateRef, RoundType};

/// What a record says about one deal.
#[derive(Debug)]
pub struct Record {
    /// The company, as written.
    pub company: String,
    /// The round type, [`RoundType::Unknown`] when the record names none.
    pub round: RoundType,
    /// The round's size.
    pub amount: Option<MoneyMention>,
    /// The date given.
    pub date: Option<DateRef>,
    /// Lead investors.
    pub leads: Vec<String>,
    /// Other investors.
    pub investors: Vec<String>,
    /// A stated valuation and its basis.
    pub valuation: Option<(MoneyMention, Basis)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Company,
    Round,
    Amount,
    Lead,
    Investors,
    Date,
    Valuation(Basis),
}

/// Which field a header names: "Lead investor(s)", "Stage", "Amount (USD)", "Announced".
fn field(header: &str) -> Option<Field> {
    let h = header.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if h.is_empty() || h.len() > 40 {
        return None;
    }
    Some(if has(&["lead"]) {
        Field::Lead
    } else if has(&["pre-money", "pre money"]) {
        Field::Valuation(Basis::Pre)
    } else if has(&["post-money", "post money"]) {
        Field::Valuation(Basis::Post)
    } else if has(&["valuation", "valued"]) {
        Field::Valuation(Basis::Unspecified)
    } else if has(&["total"]) {
        // "Total raised" is the company's running total, not this round.
        return None;
    } else if has(&["amount", "raised", "size", "ticket", "funding", "raise"])
        && !has(&["type", "stage", "round type"])
    {
        Field::Amount
    } else if has(&["round", "stage", "series", "type"]) {
        Field::Round
    } else if has(&[
        "investor",
        "others",
        "participant",
        "backer",
        "participation",
        "also in",
        "joined by",
    ]) || h == "with"
    {
        Field::Investors
    } else if has(&["date", "announced", "when", "closed"]) {
        Field::Date
    } else if matches!(
        h.as_str(),
        "company" | "startup" | "name" | "company name" | "business" | "brand" | "who"
    ) {
        Field::Company
    } else {
        return None;
    })
}

/// The values that mean "not said".
fn blank(value: &str) -> bool {
    let v = value
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    v.is_empty()
        || matches!(
            v.as_str(),
            "n/a" | "na" | "none" | "undisclosed" | "not disclosed" | "unknown" | "tbd" | "tba"
        )
}

/// Reads `text` as a deal record, if it is one: at least three "Field: value" cells separated
/// by `|`, one naming the company and one the round or its amount.
pub fn parse(text: &str, published: Option<NaiveDate>) -> Option<Record> {
    let cells: Vec<&str> = text.split('|').collect();
    if cells.len() < 3 {
        return None;
    }
    let mut record = Record {
        company: String::new(),
        round: RoundType::Unknown,
        amount: None,
        date: None,
        leads: Vec::new(),
        investors: Vec::new(),
        valuation: None,
    };
    let mut named = 0;
    let (mut has_company, mut has_deal) = (false, false);
    for cell in cells {
        let Some((key, value)) = cell.split_once(':') else {
            continue;
        };
        let Some(f) = field(key) else {
            named += usize::from(key.split_whitespace().count() <= 4);
            continue;
        };
        named += 1;
        let value = value.trim();
        if blank(value) {
            if f == Field::Round || f == Field::Amount {
                has_deal = true;
            }
            continue;
        }
        match f {
            Field::Company => {
                let name = value.split('(').next().unwrap_or("").trim();
                if name.is_empty() || name.len() > 60 || is_not_name(name) {
                    return None;
                }
                record.company = name.to_string();
                has_company = true;
            }
            Field::Round => {
                has_deal = true;
                record.round = round_types(value)
                    .first()
                    .map_or(RoundType::Unknown, |t| t.kind);
            }
            Field::Amount => {
                has_deal = true;
                record.amount = find_amounts(value).into_iter().next();
            }
            Field::Date => record.date = find_dates(value, published).first().map(|d| d.date),
            Field::Lead => record.leads = names(value),
            Field::Investors => record.investors = names(value),
            Field::Valuation(basis) => {
                record.valuation = find_amounts(value).into_iter().next().map(|m| (m, basis));
            }
        }
    }
    (named >= 3 && has_company && has_deal).then_some(record)
}

impl Record {
    /// A deal told in a list only by its company, round and amount.
    fn listed(company: String, round: RoundType, amount: &MoneyMention) -> Self {
        Record {
            company,
            round,
            amount: Some(amount.clone()),
            date: None,
            leads: Vec::new(),
            investors: Vec::new(),
            valuation: None,
        }
    }
}

/// "The list was followed by payments app Brello, freight platform Castwick and Dunmore, which
/// raised $24 million, $9 million and $5 million, respectively": the names before the raise
/// verb and the amounts after it, paired in order. None unless their counts agree.
pub fn respectively(text: &str, amounts: &[MoneyMention]) -> Option<Vec<Record>> {
    static RAISED: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"(?i)\b(?:raised|raising|secured|bagged|received|got|garnered|netted|mopped\s+up)\s*$",
        )
        .expect("respectively raise regex")
    });
    static ITEM_BREAK: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r",\s*(?:and\s+)?|\s+and\s+").expect("item break regex")
    });
    let tail = text.trim_end().trim_end_matches(['.', ')']).trim_end();
    if !tail.ends_with("respectively") {
        return None;
    }
    let first = amounts.first()?;
    let verb = RAISED.find(text[..first.start].trim_end())?;
    let list = text[..verb.start()]
        .trim_end()
        .trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let list = list
        .strip_suffix(" which")
        .or_else(|| list.strip_suffix(" that"))
        .or_else(|| list.strip_suffix(" who"))
        .unwrap_or(list)
        .trim_end_matches(',');
    let mut names: Vec<String> = Vec::new();
    let mut from = 0;
    let mut ends: Vec<usize> = ITEM_BREAK.find_iter(list).map(|m| m.start()).collect();
    ends.push(list.len());
    for end in ends {
        if end <= from {
            continue;
        }
        if let Some((name, _)) = super::text::name_ending_at(list, end) {
            if !is_not_name(&name) && !names.contains(&name) {
                names.push(name);
            }
        }
        from = end;
    }
    let own: Vec<&MoneyMention> = amounts.iter().filter(|m| m.start >= verb.end()).collect();
    if names.len() < 2 || names.len() != own.len() {
        return None;
    }
    Some(
        names
            .into_iter()
            .zip(own)
            .map(|(company, m)| Record::listed(company, RoundType::Unknown, m))
            .collect(),
    )
}

/// A digest sentence listing deals, each a company with its amount: "Other notable raises:
/// Bracken ($9 million), Calloway ($4.5 million) and Dunmore ($2 million)", "Pellucid, with
/// $21.4 million; Tarnwick, with $12 million". One record per item; none unless the sentence
/// is about funding and lists at least two such items.
pub fn deal_list(text: &str, amounts: &[MoneyMention]) -> Vec<Record> {
    static FUNDING: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"(?i)\b(?:rais|round|deal|fund|highlight|invest|secur|bagg|backed|cheque|check)",
        )
        .expect("funding-word regex")
    });
    /// ", with $X", "with a raise of $X" right before an amount.
    static WITH: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"(?i),?\s+with\s+(?:an?\s+)?(?:(?:raise|round|funding|investment)\s+of\s+)?$",
        )
        .expect("with-amount regex")
    });
    if amounts.len() < 2 || !FUNDING.is_match(text) {
        return Vec::new();
    }
    let mut out: Vec<Record> = Vec::new();
    for m in amounts {
        let before = &text[..m.start];
        let after = &text[m.end..];
        let name_end = if before.trim_end().ends_with('(') {
            // The parentheses hold the amount and at most a round: "($9 million Series A)".
            let Some(close) = after.find(')').filter(|&c| c <= 24) else {
                continue;
            };
            let inside = &after[..close];
            if inside.to_lowercase().contains("fund") || inside.contains(['(', ',']) {
                continue;
            }
            before.trim_end().len() - 1
        } else if let Some(w) = WITH.find(before) {
            w.start()
        } else {
            continue;
        };
        let Some((name, _)) = super::text::name_ending_at(text, name_end) else {
            continue;
        };
        if is_not_name(&name) || out.iter().any(|r| r.company == name) {
            continue;
        }
        let item_end = after.find([';', ',', ')']).unwrap_or(after.len());
        let round = round_types(&after[..item_end])
            .into_iter()
            .next()
            .map_or(RoundType::Unknown, |t| t.kind);
        out.push(Record::listed(name, round, m));
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// Investor names in a cell: "Vistula Ventures, Amberline", without "undisclosed angels".
fn names(value: &str) -> Vec<String> {
    split_list(value)
        .into_iter()
        .filter(|n| !blank(n))
        .filter_map(|n| clean_investor(&n))
        .filter(|n| n.chars().next().is_some_and(|c| !c.is_lowercase()) || n.contains(' '))
        .filter(|n| {
            !n.split_whitespace()
                .all(|w| w.chars().all(char::is_lowercase))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn amounts_given_respectively_pair_with_the_names_in_order() {
        let text = "The list was followed by payments app Brello, freight platform Castwick, lender to schools, clinics and shops Dunmore Finance, and desk-rental firm Elsted, which raised $24 million, $9 million, $5.5 million and $2 million, respectively.";
        let got: Vec<(String, String)> = respectively(text, &find_amounts(text))
            .unwrap_or_default()
            .into_iter()
            .map(|r| (r.company, r.amount.unwrap().money.to_string()))
            .collect();
        let want = [
            ("Brello", "$24 million"),
            ("Castwick", "$9 million"),
            ("Dunmore Finance", "$5.5 million"),
            ("Elsted", "$2 million"),
        ];
        assert_eq!(got, want.map(|(c, a)| (c.to_string(), a.to_string())));
        // Names and amounts that do not pair up are left alone.
        let text =
            "Brello and Castwick raised $24 million, $9 million and $5 million, respectively.";
        assert!(respectively(text, &find_amounts(text)).is_none());
    }

    #[test]
    fn newsletter_record_reads_by_field() {
        let r = parse(
            "Company: Quillfeather | HQ: New York | Sector: legal AI | Round: Series B | Amount: $20M | Lead: Harbor Lane Capital | Others: Fathom Ventures, Pinecrest Partners | Announced: Mar 12",
            day(2024, 3, 15),
        )
        .expect("a record");
        assert_eq!(r.company, "Quillfeather");
        assert_eq!(r.round, RoundType::Series(1));
        assert_eq!(r.amount.unwrap().money.to_string(), "$20 million");
        assert_eq!(r.leads, ["Harbor Lane Capital"]);
        assert_eq!(r.investors, ["Fathom Ventures", "Pinecrest Partners"]);
        assert_eq!(r.date, Some(DateRef::day(day(2024, 3, 12).unwrap())));
    }

    #[test]
    fn table_row_with_undisclosed_fields() {
        let r = parse(
            "Company: N7 Treasury | HQ: London | Stage: Series B | Amount: £25m | Lead investor(s): not disclosed | Announced: Jun 29",
            day(2023, 7, 3),
        )
        .expect("a record");
        assert_eq!(r.company, "N7 Treasury");
        assert!(r.leads.is_empty());
        let r = parse(
            "Company: Bramblecore | Round: Seed | Amount: £3.2M | Lead: Tallow Ventures | Others: — | Announced: Mar 13",
            day(2024, 3, 15),
        )
        .expect("a record");
        assert!(r.investors.is_empty());
        let r = parse(
            "Company: o3 Health | Round: Series A | Amount: CA$14M | Lead: Maplestone Growth | Others: undisclosed angels",
            None,
        )
        .expect("a record");
        assert!(r.investors.is_empty(), "{:?}", r.investors);
    }

    #[test]
    fn records_of_other_deals_and_prose_are_not_rounds() {
        // An acquisition names no company-raised-a-round fields.
        assert!(parse(
            "EXIT · Type: Acquisition | Target: Nettlebridge | Acquirer: Corvid Systems | Price: $85M (cash and stock)",
            None
        )
        .is_none());
        assert!(parse("Acme raised $5M | more news | subscribe", None).is_none());
        assert!(parse("Company: Acme | HQ: Berlin", None).is_none());
    }
}
