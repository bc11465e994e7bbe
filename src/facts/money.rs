//! Money as articles write it: "$600 million", "$1.2B", "€40m", "Rs 300 crore", "₩30 billion",
//! "USD 50 million", "50 million dollars", ranges ("between $1bn and $1.5bn") and hedges
//! ("more than", "about").

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::Qualifier;

/// An amount in whole units of a currency, as stated.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// Whole units ("$600 million" is 600000000).
    pub amount: u64,
    /// ISO 4217 code.
    pub currency: String,
}

impl Money {
    /// An amount of a currency.
    pub fn new(amount: u64, currency: &str) -> Self {
        Money {
            amount,
            currency: currency.to_string(),
        }
    }

    /// Reads "600000000 USD" (the labelled form) back.
    pub fn parse_labelled(s: &str) -> Option<Money> {
        let mut parts = s.split_whitespace();
        let amount = parts.next()?.replace(['_', ','], "").parse().ok()?;
        let currency = parts.next()?.to_ascii_uppercase();
        parts
            .next()
            .is_none()
            .then(|| Money::new(amount, &currency))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_amount(self.amount, &self.currency))
    }
}

/// Renders an amount the way news writes it: "$600 million", "€1.25 billion", "₹300 crore",
/// "£850,000", "CHF 20 million".
pub fn format_amount(amount: u64, currency: &str) -> String {
    let (prefix, spaced) = match currency {
        "USD" => ("$", false),
        "EUR" => ("€", false),
        "GBP" => ("£", false),
        "JPY" => ("¥", false),
        "CNY" => ("CN¥", false),
        "INR" => ("₹", false),
        "KRW" => ("₩", false),
        "AUD" => ("A$", false),
        "CAD" => ("C$", false),
        "SGD" => ("S$", false),
        "HKD" => ("HK$", false),
        "NZD" => ("NZ$", false),
        "BRL" => ("R$", false),
        other => (other, true),
    };
    let sep = if spaced { " " } else { "" };
    if currency == "INR" && amount >= 10_000_000 {
        return format!("{prefix}{sep}{} crore", decimal(amount, 10_000_000));
    }
    if currency == "INR" && amount >= 100_000 {
        return format!("{prefix}{sep}{} lakh", decimal(amount, 100_000));
    }
    let scaled = [
        (1_000_000_000_000u64, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
    ]
    .into_iter()
    .find(|(unit, _)| amount >= *unit);
    match scaled {
        Some((unit, word)) => format!("{prefix}{sep}{} {word}", decimal(amount, unit)),
        None => format!("{prefix}{sep}{}", thousands(amount)),
    }
}

/// `amount / unit` with up to three decimals, trailing zeros dropped.
fn decimal(amount: u64, unit: u64) -> String {
    let whole = amount / unit;
    let frac = (amount % unit) as u128 * 1000 / unit as u128;
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:03}");
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyMention {
    /// Byte range in the text searched, hedge words included.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// The amount (the low end of a range).
    pub money: Money,
    /// Upper end of a range.
    pub max: Option<u64>,
    /// Hedge words before it.
    pub qualifier: Qualifier,
}

const PREFIX: &str = r"(?:(?:USD|CAD|AUD|NZD|SGD|HKD)\s?\$|US\s?\$|U\.S\.\s?\$|USD|A\$|AU\$|AUD|C\$|CA\$|CAD|S\$|SGD|HK\$|HKD|NZ\$|NZD|R\$|BRL|MX\$|\$|€|EUR|£|GBP|JP¥|¥|JPY|CN¥|RMB|CNY|₹|Rs\.?|INR|₩|KRW|CHF|SEK|NOK|DKK|₦|NGN|KSh|KES|ZAR|IDR|Rp\.?|₱|PHP|VND|₫|AED|Dhs?\.?|SAR|₪|ILS|NIS|TRY|PLN|MYR|RM|THB|฿|EGP|MXN|N|R|Y)";
/// Indian grouping ("1,00,000", "12,50,00,000"), Western thousands, dotted thousands, plain.
const NUMBER: &str = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d+(?:[.,]\d+)?";
const SCALE: &str = r"(?:trillion|tn|mil\s+millones|billions?|bilhões|bilhão|bilhao|milliarden|milliarde|miliardi|miliardo|bn|bln|b|millones|millón|millon|milhões|milhão|milhao|millionen|milioni|milione|millions?|mm|mn|mln|mio\.?|mrd\.?|md|m|thousand|k|lakh\s+crores?|crores?|cr|lakhs?|lacs?|miliar|milyar|juta|triliun)";
const SUFFIX: &str = r"(?:(?:Australian|Canadian|Singapore|Hong\s+Kong|New\s+Zealand|U\.S\.|US|American)\s+dollars?|dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|RMB|won|rupees?|Swiss\s+francs?|francs?|kronor|krona|naira|shillings?|shekels?|rand|rupiah|pesos?|ringgit|baht|USD|EUR|GBP|JPY|CNY|INR|KRW|CHF|SGD|AUD|CAD|HKD)";

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?P<range_start>
            (?P<pre1>{PREFIX})?\s?(?P<num1>{NUMBER})\s?(?P<scale1>{SCALE})?\s*(?:-|–|—|to|and)\s*
        )?
        (?P<pre>{PREFIX})?\s?(?P<num>{NUMBER})(?:[\s\-]?(?P<scale>{SCALE}))?(?P<suffix>\s+(?:{SCALE}\s+)?{SUFFIX})?
        (?P<tail>\b|$|\s|[.,;:)\]])",
    );
    crate::util::regex(&format!("(?i){pattern}")).expect("money regex")
});

static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"(?ix)(?P<hedge>
            more\s+than|over|above|upwards\s+of|at\s+least|in\s+excess\s+of|north\s+of|exceeding|greater\s+than|a\s+minimum\s+of
          | about|around|roughly|approximately|approx\.?|some|an\s+estimated|estimated|close\s+to|nearly|almost|circa|in\s+the\s+(?:region|neighbou?rhood|range|vicinity)\s+of|~
          | up\s+to|as\s+much\s+as|as\s+high\s+as|no\s+more\s+than|less\s+than|under|below
          | between
        )\s*$",
    )
    .expect("hedge regex")
});

/// Finds every amount of money in `text`.
pub fn find_amounts(text: &str) -> Vec<MoneyMention> {
    let mut out = Vec::new();
    find_in(text, 0, text.len(), &mut out);
    out
}

fn find_in(text: &str, from: usize, to: usize, out: &mut Vec<MoneyMention>) {
    let mut at = from;
    while at < to {
        let Some(caps) = AMOUNT.captures_at(&text[..to], at) else {
            break;
        };
        let whole = caps.get(0).expect("match");
        at = whole.end().max(at + 1);
        while at < to && !text.is_char_boundary(at) {
            at += 1;
        }
        // A letter prefix glued to a word ("hours 5 million") is not a currency.
        let pre = caps.name("pre").filter(|m| {
            let alpha = m.as_str().starts_with(|c: char| c.is_ascii_alphabetic());
            !(alpha
                && text[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric))
        });
        // In a range ("$1-1.5 billion") the currency may be written on the first figure only.
        let pre = pre.or_else(|| caps.name("pre1"));
        let pre_str = pre.map(|m| m.as_str());
        let suffix = caps.name("suffix").map(|m| m.as_str().trim());
        let scale = caps.name("scale").map(|m| m.as_str());
        let num = caps.name("num").expect("number group");
        // Bare numbers are not money: a currency must be written before or after.
        let Some(currency) = currency_of(pre_str, suffix, text, whole.end()) else {
            continue;
        };
        // A one- or two-letter scale must end its word: "$5 more" is not five million.
        if let Some(s) = caps.name("scale") {
            let next = text[s.end()..].chars().next();
            if s.as_str().len() <= 2 && next.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
        }
        let suffix_scale = suffix.and_then(|s| {
            let first = s.split_whitespace().next()?;
            multiplier(first).map(|_| first)
        });
        // Nigerian press writes naira as "N43.5 billion", South African press rand as
        // "R30-million": only glued to a scaled number.
        if pre_str.is_some_and(|p| p.eq_ignore_ascii_case("n") || p.eq_ignore_ascii_case("r"))
            && (pre_str.is_some_and(|p| p != "N" && p != "R")
                || scale.is_none()
                || pre.is_some_and(|p| p.end() != num.start()))
        {
            continue;
        }
        // Some trade press writes yen as "Y5.3 billion" or "Y2,500": a capital Y glued to a
        // scaled number or one with thousands separators.
        if pre_str.is_some_and(|p| p.eq_ignore_ascii_case("y"))
            && (pre_str != Some("Y")
                || pre.is_some_and(|p| p.end() != num.start())
                || (scale.is_none_or(|s| s.len() < 2) && !num.as_str().contains(',')))
        {
            continue;
        }
        let unit = scale.or(suffix_scale).and_then(multiplier).unwrap_or(1);
        let Some(amount) = scaled(num.as_str(), unit) else {
            continue;
        };
        let mut start = pre.map_or(num.start(), |p| p.start());
        let mut max = None;
        let mut low = amount;
        if let (Some(range), Some(num1)) = (caps.name("range_start"), caps.name("num1")) {
            let unit1 = caps
                .name("scale1")
                .map(|m| m.as_str())
                .and_then(multiplier)
                .unwrap_or(unit);
            let connector_and = range
                .as_str()
                .trim_end()
                .to_ascii_lowercase()
                .ends_with("and");
            let (hedge, _) = hedge_before(text, range.start());
            let between = hedge == Qualifier::Exact && {
                let before = text[..range.start()].trim_end().to_ascii_lowercase();
                before.ends_with("between")
            };
            match scaled(num1.as_str(), unit1) {
                Some(first) if first < amount && (!connector_and || between) => {
                    low = first;
                    max = Some(amount);
                    start = range.start();
                }
                _ => {
                    // Not a range: the first part is an amount of its own, if it has a currency.
                    find_in(text, range.start(), range.end(), out);
                }
            }
        }
        let end = caps.name("tail").map_or(whole.end(), |t| t.start());
        let (qualifier, hedge_start) = hedge_before(text, start);
        let qualifier = if max.is_some() {
            Qualifier::Range
        } else {
            qualifier
        };
        out.push(MoneyMention {
            start: hedge_start.unwrap_or(start),
            end,
            money: Money::new(low, &currency),
            max,
            qualifier,
        });
    }
}

fn hedge_before(text: &str, start: usize) -> (Qualifier, Option<usize>) {
    let window_start = start.saturating_sub(40);
    let mut ws = window_start;
    while !text.is_char_boundary(ws) {
        ws += 1;
    }
    let before = &text[ws..start];
    let Some(caps) = HEDGE.captures(before) else {
        return (Qualifier::Exact, None);
    };
    let hedge = caps.name("hedge").expect("group");
    // The hedge must be a whole word.
    let prev = before[..hedge.start()].chars().next_back();
    if prev.is_some_and(|c| c.is_alphanumeric()) {
        return (Qualifier::Exact, None);
    }
    let word = hedge.as_str().to_ascii_lowercase();
    // "brings the total raised up to $210 million": "up" goes with the verb; the figure is
    // reached, not a ceiling.
    static RISES_UP: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"(?i)\b(?:brings?|bringing|brought|takes?|taking|took|pushe[sd]|pushing|lifts?|lifting|boosts?|boosting|boosted|goes|went|gone|rises|rose|risen)\b[^.;]{0,60}$",
        )
        .expect("rises-up regex")
    });
    let hedge_at = ws + hedge.start();
    if word.starts_with("up to")
        && RISES_UP.is_match(super::text::window(
            text,
            hedge_at.saturating_sub(100),
            hedge_at,
        ))
    {
        return (Qualifier::Exact, None);
    }
    let q = if word.starts_with("more")
        || word == "over"
        || word == "above"
        || word.starts_with("upwards")
        || word.starts_with("at least")
        || word.starts_with("in excess")
        || word.starts_with("north")
        || word.starts_with("exceed")
        || word.starts_with("greater")
        || word.starts_with("a minimum")
    {
        Qualifier::MoreThan
    } else if word.starts_with("up to")
        || word.starts_with("as much")
        || word.starts_with("as high")
        || word.starts_with("no more")
        || word.starts_with("less")
        || word == "under"
        || word == "below"
    {
        Qualifier::UpTo
    } else if word == "between" {
        Qualifier::Exact
    } else {
        Qualifier::About
    };
    (q, Some(ws + hedge.start()))
}

fn multiplier(scale: &str) -> Option<u64> {
    let s = scale.to_ascii_lowercase();
    let s = s
        .trim_end_matches('.')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(match s.as_str() {
        "lakh crore" | "lakh crores" | "triliun" => 1_000_000_000_000,
        "mrd" | "md" | "miliar" | "milyar" => 1_000_000_000,
        // Spanish, Portuguese, German and Italian scale words.
        "mil millones" | "bilhões" | "bilhão" | "bilhao" | "milliarden" | "milliarde"
        | "miliardi" | "miliardo" => 1_000_000_000,
        "millones" | "millón" | "millon" | "milhões" | "milhão" | "milhao" | "millionen"
        | "milioni" | "milione" => 1_000_000,
        "juta" => 1_000_000,
        "trillion" | "tn" => 1_000_000_000_000,
        "billion" | "billions" | "bn" | "bln" | "b" => 1_000_000_000,
        "million" | "millions" | "mm" | "mn" | "mln" | "mio" | "m" => 1_000_000,
        "thousand" | "k" => 1_000,
        "crore" | "crores" | "cr" => 10_000_000,
        "lakh" | "lakhs" | "lac" | "lacs" => 100_000,
        _ => return None,
    })
}

/// `num` (with thousands commas and decimals) times `unit`, exactly.
fn scaled(num: &str, unit: u64) -> Option<u64> {
    // "12,5" is twelve and a half (a decimal comma); "1.200.000" uses dots for thousands.
    let decimal_comma = num.matches(',').count() == 1
        && num.split(',').nth(1).is_some_and(|f| f.len() <= 2)
        && !num.contains('.');
    let dotted_thousands = num.matches('.').count() >= 2;
    let digits = if decimal_comma {
        num.replace(',', ".")
    } else if dotted_thousands {
        num.replace('.', "").replace(',', ".")
    } else {
        num.replace(',', "")
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let whole: u128 = whole.parse().ok()?;
    let frac_digits = frac.len().min(9) as u32;
    let frac: u128 = if frac_digits == 0 {
        0
    } else {
        frac[..frac_digits as usize].parse().ok()?
    };
    let unit = unit as u128;
    let value = whole * unit + frac * unit / 10u128.pow(frac_digits);
    u64::try_from(value).ok().filter(|v| *v > 0)
}

/// Whether a "¥" figure is in yuan rather than yen: the words after it say so ("¥2 billion
/// yuan", "¥1.2 billion (yuan)"), or the sentence speaks of yuan and never of yen.
fn means_yuan(suffix: Option<&str>, tail: &str, sentence: &str) -> bool {
    let yuan_word = |s: &str| {
        let s = s.to_lowercase();
        s.contains("yuan") || s.contains("rmb") || s.contains("renminbi")
    };
    suffix.is_some_and(yuan_word)
        || tail
            .trim_start_matches([' ', '('])
            .to_ascii_lowercase()
            .starts_with("yuan")
        || (yuan_word(sentence) && !sentence.to_lowercase().contains(" yen"))
}

fn currency_of(pre: Option<&str>, suffix: Option<&str>, text: &str, end: usize) -> Option<String> {
    if let Some(p) = pre {
        let p = p.trim().trim_end_matches('.');
        let mut upper = p.to_ascii_uppercase().replace(' ', "");
        // "CAD$", "AUD$": an ISO code with a dollar sign says no more than the code.
        if upper.len() == 4 && upper.ends_with("D$") {
            upper.pop();
        }
        let code = match upper.as_str() {
            "US$" | "U.S.$" | "USD" | "$" => {
                // "¥"-style prefixes are unambiguous; "$" may be specified by the words after.
                if let Some(s) = suffix {
                    if let Some(c) = suffix_code(s) {
                        return Some(c.to_string());
                    }
                }
                "USD"
            }
            "A$" | "AU$" | "AUD" => "AUD",
            "C$" | "CA$" | "CAD" => "CAD",
            "S$" | "SGD" => "SGD",
            "HK$" | "HKD" => "HKD",
            "NZ$" | "NZD" => "NZD",
            "R$" | "BRL" => "BRL",
            "MX$" | "MXN" => "MXN",
            "€" | "EUR" => "EUR",
            "£" | "GBP" => "GBP",
            "JP¥" | "JPY" => "JPY",
            "¥" => {
                if means_yuan(suffix, &text[end.min(text.len())..], text) {
                    "CNY"
                } else {
                    "JPY"
                }
            }
            "CN¥" | "RMB" | "CNY" => "CNY",
            "₹" | "RS" | "INR" => "INR",
            "₩" | "KRW" => "KRW",
            "₦" | "N" => "NGN",
            "R" => "ZAR",
            "Y" => "JPY",
            "KSH" => "KES",
            "RP" => "IDR",
            "₱" => "PHP",
            "₫" => "VND",
            "₪" | "NIS" => "ILS",
            "RM" => "MYR",
            "DH" | "DHS" => "AED",
            "฿" => "THB",
            other => return Some(other.to_string()),
        };
        return Some(code.to_string());
    }
    suffix.and_then(suffix_code).map(str::to_string)
}

fn suffix_code(suffix: &str) -> Option<&'static str> {
    let s = suffix.to_ascii_lowercase();
    let s = s
        .split_whitespace()
        .filter(|w| multiplier(w).is_none())
        .collect::<Vec<_>>()
        .join(" ");
    Some(match s.as_str() {
        x if x.starts_with("australian") => "AUD",
        x if x.starts_with("canadian") => "CAD",
        x if x.starts_with("singapore") => "SGD",
        x if x.starts_with("hong kong") => "HKD",
        x if x.starts_with("new zealand") => "NZD",
        x if x.starts_with("swiss") || x.starts_with("franc") => "CHF",
        x if x.contains("dollar") => "USD",
        x if x.starts_with("euro") => "EUR",
        x if x.starts_with("pound") || x == "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" | "rmb" => "CNY",
        "won" => "KRW",
        x if x.starts_with("rupee") => "INR",
        "kronor" | "krona" => "SEK",
        "naira" => "NGN",
        x if x.starts_with("shilling") => "KES",
        x if x.starts_with("shekel") => "ILS",
        "rand" => "ZAR",
        "rupiah" => "IDR",
        x if x.starts_with("peso") => "MXN",
        "ringgit" => "MYR",
        "baht" => "THB",
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" => "CNY",
        "inr" => "INR",
        "krw" => "KRW",
        "chf" => "CHF",
        "sgd" => "SGD",
        "aud" => "AUD",
        "cad" => "CAD",
        "hkd" => "HKD",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (u64, String, Qualifier, Option<u64>) {
        let found = find_amounts(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let m = &found[0];
        (m.money.amount, m.money.currency.clone(), m.qualifier, m.max)
    }

    #[test]
    fn amounts_in_every_common_spelling() {
        let cases: &[(&str, u64, &str)] = &[
            ("raised $600 million from", 600_000_000, "USD"),
            ("a $1.2B round", 1_200_000_000, "USD"),
            ("a US$45m deal", 45_000_000, "USD"),
            ("USD 50 million", 50_000_000, "USD"),
            ("€40m Series A", 40_000_000, "EUR"),
            ("EUR 12.5 million", 12_500_000, "EUR"),
            ("£12 million", 12_000_000, "GBP"),
            ("¥5 billion", 5_000_000_000, "JPY"),
            ("5 billion yen", 5_000_000_000, "JPY"),
            ("2 billion yuan", 2_000_000_000, "CNY"),
            ("¥1.2 billion (yuan)", 1_200_000_000, "CNY"),
            ("RMB 300 million", 300_000_000, "CNY"),
            ("₩30 billion", 30_000_000_000, "KRW"),
            ("30 billion won", 30_000_000_000, "KRW"),
            ("KRW 12bn", 12_000_000_000, "KRW"),
            ("Rs 300 crore", 3_000_000_000, "INR"),
            ("Rs. 300 crore", 3_000_000_000, "INR"),
            ("₹45 crore", 450_000_000, "INR"),
            ("an issue price of Rs 1,00,000 each", 100_000, "INR"),
            ("₹12,50,00,000 in all", 125_000_000, "INR"),
            ("INR 120 crore", 1_200_000_000, "INR"),
            ("Rs 8 lakh", 800_000, "INR"),
            ("50 million dollars", 50_000_000, "USD"),
            ("$3.5 million", 3_500_000, "USD"),
            ("CHF 20 million", 20_000_000, "CHF"),
            ("A$15 million", 15_000_000, "AUD"),
            ("S$10 million", 10_000_000, "SGD"),
            ("$500,000", 500_000, "USD"),
            ("$750K", 750_000, "USD"),
            ("1.5 million euros", 1_500_000, "EUR"),
            ("12 million pounds sterling", 12_000_000, "GBP"),
            ("$4.5bn", 4_500_000_000, "USD"),
            ("₩1.2 trillion", 1_200_000_000_000, "KRW"),
            ("a $20-million Series B", 20_000_000, "USD"),
            ("€ 12,5 Mio. Finanzierung", 12_500_000, "EUR"),
            ("Rp 150 miliar", 150_000_000_000, "IDR"),
            ("EUR 1.200.000", 1_200_000, "EUR"),
            ("Rs 1 lakh crore", 1_000_000_000_000, "INR"),
            ("$1,250,000", 1_250_000, "USD"),
            ("Dh3.1 billion", 3_100_000_000, "AED"),
            ("a $24MM Series C", 24_000_000, "USD"),
            ("Dhs 40 million", 40_000_000, "AED"),
            ("NGN 2 billion", 2_000_000_000, "NGN"),
            ("a R45-million round", 45_000_000, "ZAR"),
            ("R1.2 billion", 1_200_000_000, "ZAR"),
            ("near CAD$900 million", 900_000_000, "CAD"),
            (
                "raised Y4.1 billion through a listing",
                4_100_000_000,
                "JPY",
            ),
            ("priced at Y1,800 a share", 1_800, "JPY"),
            ("an AUD$ 40 million loan", 40_000_000, "AUD"),
            ("HKD$2.5 billion", 2_500_000_000, "HKD"),
        ];
        for (text, amount, currency) in cases {
            let (a, c, _, _) = one(text);
            assert_eq!((a, c.as_str()), (*amount, *currency), "{text}");
        }
    }

    #[test]
    fn scale_words_of_other_languages() {
        assert_eq!(one("US$ 110 milhões").0, 110_000_000);
        assert_eq!(one("R$ 1,5 bilhão").0, 1_500_000_000);
        assert_eq!(one("$2.2 mil millones").0, 2_200_000_000);
        assert_eq!(one("50 Millionen Euro").0, 50_000_000);
        assert_eq!(one("a Series A financing of 40 Mio. Euro").0, 40_000_000);
        assert_eq!(one("€78 milioni").0, 78_000_000);
    }

    #[test]
    fn hedges_and_ranges() {
        assert_eq!(one("valued at more than $3 billion").2, Qualifier::MoreThan);
        assert_eq!(one("worth about $4.5 billion").2, Qualifier::About);
        assert_eq!(one("in the region of $4.5 billion").2, Qualifier::About);
        assert_eq!(one("at over $1.5 billion").2, Qualifier::MoreThan);
        assert_eq!(one("up to $20 million").2, Qualifier::UpTo);
        assert_eq!(
            one("which brings its funding to date up to $20 million").2,
            Qualifier::Exact
        );
        assert_eq!(one("valued at $2 billion").2, Qualifier::Exact);
        let (low, _, q, max) = one("between $1 billion and $1.5 billion");
        assert_eq!(
            (low, q, max),
            (1_000_000_000, Qualifier::Range, Some(1_500_000_000))
        );
        let (low, _, q, max) = one("$1-1.5 billion");
        assert_eq!(
            (low, q, max),
            (1_000_000_000, Qualifier::Range, Some(1_500_000_000))
        );
        let (low, _, _, max) = one("$800 million to $1 billion");
        assert_eq!((low, max), (800_000_000, Some(1_000_000_000)));
    }

    #[test]
    fn numbers_without_currency_are_not_money() {
        assert!(find_amounts("it has 300 employees and 5 million users").is_empty());
        assert!(find_amounts("founded in 2015, it grew 40%").is_empty());
        // A letter before a number is a currency only when glued to a scaled figure.
        assert!(find_amounts("the R2 model and the N95 mask sold 3 million units").is_empty());
        assert!(find_amounts("group R 40 million strong").is_empty());
        assert_eq!(find_amounts("$5 more than before").len(), 1);
        assert_eq!(find_amounts("$5 more than before")[0].money.amount, 5);
    }

    #[test]
    fn amounts_joined_by_and_are_two_amounts() {
        let found = find_amounts("It took $50 million and $20 million in debt.");
        let amounts: Vec<u64> = found.iter().map(|m| m.money.amount).collect();
        assert_eq!(amounts, [50_000_000, 20_000_000]);
        assert!(find_amounts("it took hours 5 million times").is_empty());
        // A capital Y is yen only glued to a scaled or comma-grouped figure.
        for s in [
            "a Y2K bug",
            "Gen Y 20 million users",
            "the y5 billion mark",
            "model Y2 sold 500",
        ] {
            assert!(find_amounts(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn two_amounts_in_one_sentence() {
        let found = find_amounts("It raised $50 million, bringing its total to $120 million.");
        let amounts: Vec<u64> = found.iter().map(|m| m.money.amount).collect();
        assert_eq!(amounts, [50_000_000, 120_000_000]);
    }

    #[test]
    fn rendering_reads_like_news() {
        assert_eq!(format_amount(600_000_000, "USD"), "$600 million");
        assert_eq!(format_amount(1_200_000_000, "USD"), "$1.2 billion");
        assert_eq!(format_amount(40_000_000, "EUR"), "€40 million");
        assert_eq!(format_amount(3_000_000_000, "INR"), "₹300 crore");
        assert_eq!(format_amount(30_000_000_000, "KRW"), "₩30 billion");
        assert_eq!(format_amount(850_000, "GBP"), "£850,000");
        assert_eq!(format_amount(20_000_000, "CHF"), "CHF 20 million");
        assert_eq!(format_amount(3_500_000, "USD"), "$3.5 million");
        assert_eq!(
            Money::parse_labelled("600000000 USD"),
            Some(Money::new(600_000_000, "USD"))
        );
    }
}
