//! Dates in news text, resolved against the article's publication date: "April 9, 2018",
//! "in April", "on Tuesday", "last month", "earlier this year", "in 2019".

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use super::DateRef;

/// A date found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte range in the text searched.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// The resolved date.
    pub date: DateRef,
    /// True when the text names the date only relative to publication ("on Tuesday").
    pub relative: bool,
}

const MONTHS: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

static DATES: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?x)
        \b(?:(?P<pre>(?i:in|on|since|during|until|by|of|from|through|before|after|last|this|early|late|mid|earlier\s+in|later\s+in|late\s+in|back\s+in|earlier\s+on|late\s+on))[\s\-]+)?
        (?P<date>
          (?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)
        | (?P<mdy>\b(?P<m1>{MONTHS})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y1>(?:19|20)\d\d)\b)
        | (?P<dmy>\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTHS})\.?,?\s+(?P<y2>(?:19|20)\d\d)\b)
        | (?P<md>\b(?P<m3>{MONTHS})\.?\s+(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?\b)
        | (?P<dm>\b(?P<d4>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m4>{MONTHS})\b)
        | (?P<my>\b(?P<m5>{MONTHS})\.?(?:\s+of)?,?\s+(?P<y5>(?:19|20)\d\d)\b)
        | (?P<quarter>\b(?:Q(?P<q1>[1-4])|(?P<qw>first|second|third|fourth)\s+quarter\s+of)\s+(?P<qy>(?:19|20)\d\d)\b)
        | (?P<mon>\b(?P<m6>{MONTHS})\b)
        | (?P<year>\b(?P<y6>(?:19|20)\d\d)\b)
                | (?P<nth>\bthe\s+(?P<d7>[0-3]?\d)(?:st|nd|rd|th)\b)
        | (?P<wd>\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)
        | (?P<rel>\b(?i:today|yesterday|this\s+week|last\s+week|this\s+month|earlier\s+this\s+month|last\s+month|this\s+year|earlier\s+this\s+year|last\s+year|a\s+year\s+ago|the\s+previous\s+year|the\s+prior\s+year)\b)
        )
        "
    .replace("{MONTHS}", MONTHS);
    crate::util::regex(&pattern).expect("date regex")
});

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let key = n.get(..3)?;
    Some(match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn weekday(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

/// "January last year", "in March this year": the year written after a month, counted from
/// the day of publication.
fn named_year(after: &str, published: NaiveDate) -> Option<i32> {
    static YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(r"(?i)^,?\s+(?:of\s+)?(last|this|next)\s+year\b")
            .expect("year-after regex")
    });
    let c = YEAR_AFTER.captures(after)?;
    Some(match c[1].to_ascii_lowercase().as_str() {
        "last" => published.year() - 1,
        "next" => published.year() + 1,
        _ => published.year(),
    })
}

/// Finds the dates in `text`. Relative dates need `published`; without it they are skipped.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for caps in DATES.captures_iter(text) {
        let whole = caps.name("date").expect("date group");
        let g = |name: &str| caps.name(name).map(|m| m.as_str());
        let num = |name: &str| g(name).and_then(|s| s.parse::<u32>().ok());
        let (date, relative) = if caps.name("iso").is_some() {
            (
                NaiveDate::from_ymd_opt(
                    num("iy").unwrap_or(0) as i32,
                    num("im").unwrap_or(0),
                    num("id").unwrap_or(0),
                )
                .map(DateRef::day),
                false,
            )
        } else if caps.name("mdy").is_some() {
            (day(num("y1"), g("m1"), num("d1")), false)
        } else if caps.name("dmy").is_some() {
            (day(num("y2"), g("m2"), num("d2")), false)
        } else if caps.name("md").is_some() || caps.name("dm").is_some() {
            let (m, d) = if caps.name("md").is_some() {
                (g("m3"), num("d3"))
            } else {
                (g("m4"), num("d4"))
            };
            // "May 5" is a date; a bare number after a month may also be a count ("June 30 startups" is rare).
            (
                published.and_then(|p| {
                    let month = month_number(m?)?;
                    let year = named_year(&text[whole.end()..], p)
                        .unwrap_or_else(|| year_for(p, month, d));
                    NaiveDate::from_ymd_opt(year, month, d?).map(DateRef::day)
                }),
                true,
            )
        } else if caps.name("my").is_some() {
            (
                month_number(g("m5").unwrap_or_default())
                    .and_then(|m| DateRef::month(num("y5")? as i32, m)),
                false,
            )
        } else if caps.name("quarter").is_some() {
            (num("qy").and_then(|y| DateRef::year(y as i32)), false)
        } else if caps.name("mon").is_some() {
            let name = g("m6").unwrap_or_default();
            let prefix = g("pre");
            // "May" and "March" are also ordinary words; "Mar", "Jun" etc. alone are too short
            // to trust without a preposition.
            let ambiguous = matches!(name, "May" | "March") || name.len() <= 4;
            if ambiguous && prefix.is_none() {
                continue;
            }
            (
                published.and_then(|p| {
                    let month = month_number(name)?;
                    let year = if let Some(y) = named_year(&text[whole.end()..], p) {
                        y
                    } else if prefix.is_some_and(|w| w.eq_ignore_ascii_case("last"))
                        && month >= p.month()
                    {
                        p.year() - 1
                    } else {
                        year_for(p, month, None)
                    };
                    DateRef::month(year, month)
                }),
                true,
            )
        } else if caps.name("year").is_some() {
            let year = num("y6").unwrap_or(0) as i32;
            // A number like "2019" after "$" or before "%" or "employees" is not a year.
            let after = text[whole.end()..].trim_start();
            let before = text[..whole.start()].trim_end();
            if before.ends_with(['$', '€', '£', '¥', '#', '₹', '₩'])
                || after.starts_with(['%', ','])
                    && after.len() > 1
                    && after[1..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            (DateRef::year(year), false)
        } else if caps.name("nth").is_some() {
            // "announced on the 21st" (Korean and Japanese wire style): that day of the
            // publication month, or of the month before when it is still to come.
            if !g("pre").is_some_and(|p| p.eq_ignore_ascii_case("on")) {
                continue;
            }
            (
                published.and_then(|p| {
                    let d = num("d7")?;
                    let this_month = NaiveDate::from_ymd_opt(p.year(), p.month(), d);
                    match this_month {
                        Some(date) if date <= p => Some(DateRef::day(date)),
                        _ => {
                            let prev = p.with_day(1)? - Duration::days(1);
                            NaiveDate::from_ymd_opt(prev.year(), prev.month(), d).map(DateRef::day)
                        }
                    }
                }),
                true,
            )
        } else if caps.name("wd").is_some() {
            (
                published.and_then(|p| {
                    let w = weekday(g("w")?)?;
                    let mut d = p;
                    let back_one_week = g("pre").is_some_and(|s| s.eq_ignore_ascii_case("last"));
                    if back_one_week {
                        d -= Duration::days(1);
                    }
                    while d.weekday() != w {
                        d -= Duration::days(1);
                    }
                    Some(DateRef::day(d))
                }),
                true,
            )
        } else {
            let phrase = whole.as_str().to_ascii_lowercase();
            let phrase = if g("pre").is_some_and(|p| p.eq_ignore_ascii_case("earlier")) {
                format!("earlier {phrase}")
            } else {
                phrase
            };
            let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            (published.and_then(|p| relative(&phrase, p)), true)
        };
        if let Some(date) = date {
            // Start after any leading preposition so the span is the date itself.
            let span_start =
                whole.start() + (whole.as_str().len() - whole.as_str().trim_start().len());
            out.push(DateMention {
                start: span_start,
                end: whole.end(),
                date,
                relative,
            });
        }
    }
    out
}

fn day(year: Option<u32>, month: Option<&str>, d: Option<u32>) -> Option<DateRef> {
    NaiveDate::from_ymd_opt(year? as i32, month_number(month?)?, d?).map(DateRef::day)
}

/// The year a month (and day) without a year most likely falls in: the publication year,
/// unless that would put it clearly after publication.
fn year_for(published: NaiveDate, month: u32, day: Option<u32>) -> i32 {
    let candidate = NaiveDate::from_ymd_opt(published.year(), month, day.unwrap_or(1));
    match candidate {
        Some(c) if c > published + Duration::days(31) => published.year() - 1,
        _ => published.year(),
    }
}

fn relative(phrase: &str, p: NaiveDate) -> Option<DateRef> {
    let month_of = |d: NaiveDate| DateRef::month(d.year(), d.month());
    match phrase {
        "today" | "this week" => Some(DateRef::day(p)),
        "yesterday" => Some(DateRef::day(p - Duration::days(1))),
        "last week" => month_of(p - Duration::days(7)),
        "this month" | "earlier this month" => month_of(p),
        "last month" => month_of(p.with_day(1)? - Duration::days(1)),
        "this year" | "earlier this year" => DateRef::year(p.year()),
        "last year" | "a year ago" | "the previous year" | "the prior year" => {
            DateRef::year(p.year() - 1)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pub_date() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2018, 4, 9) // a Monday
    }

    fn isos(text: &str) -> Vec<String> {
        find_dates(text, pub_date())
            .iter()
            .map(|d| d.date.iso())
            .collect()
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(isos("on April 9, 2018 it closed"), ["2018-04-09"]);
        assert_eq!(isos("on 9 April 2018"), ["2018-04-09"]);
        assert_eq!(isos("dated 2018-04-09"), ["2018-04-09"]);
        assert_eq!(isos("in March 2017"), ["2017-03"]);
        assert_eq!(isos("Sept. 3, 2019"), ["2019-09-03"]);
        assert_eq!(isos("in 2019"), ["2019"]);
        assert_eq!(isos("in the first quarter of 2019"), ["2019"]);
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        assert_eq!(isos("in April"), ["2018-04"]);
        assert_eq!(isos("In July, the company raised"), ["2017-07"]);
        assert_eq!(isos("its April Series-C fundraising"), ["2018-04"]);
        assert_eq!(isos("on Tuesday"), ["2018-04-03"]);
        assert_eq!(isos("said on Monday"), ["2018-04-09"]);
        assert_eq!(isos("last month"), ["2018-03"]);
        assert_eq!(isos("earlier this year"), ["2018"]);
        assert_eq!(isos("last year"), ["2017"]);
        assert_eq!(isos("announced today"), ["2018-04-09"]);
        assert_eq!(isos("on March 28"), ["2018-03-28"]);
        assert_eq!(isos("announced on the 6th that"), ["2018-04-06"]);
        assert_eq!(isos("announced on the 21st that"), ["2018-03-21"]);
        assert!(isos("for the 21st century").is_empty());
        // The year written after the month wins over the nearest one before publication.
        assert_eq!(isos("announced in January last year")[0], "2017-01");
        assert_eq!(isos("on March 2 last year")[0], "2017-03-02");
        assert_eq!(isos("in December this year")[0], "2018-12");
    }

    #[test]
    fn words_that_look_like_months_are_not_dates() {
        assert!(isos("it may raise more").is_empty());
        assert!(isos("the company will March on").is_empty());
        assert!(isos("raised $2019 million").is_empty());
    }

    #[test]
    fn no_publication_date_means_no_relative_dates() {
        assert!(find_dates("on Tuesday, in April", None).is_empty());
        assert_eq!(find_dates("in 2019", None).len(), 1);
    }
}
