//! Recognises paragraphs that are page furniture rather than reporting: ad and offer blocks,
//! "related"/"see also" links, newsletter pitches, photo credits, share prompts, author bios.

use std::sync::LazyLock;

use regex::Regex;

/// Paragraph openings that mark furniture.
static OPENINGS: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r#"(?ix)^[\s\(\[*_>"“]*(
            related(\s+(stories|articles|coverage|reading|content|news))?\s*[:\-–—|]
          | related\s+(stories|articles|coverage|reading|content)\b
          | see\s+also\b | read\s+(more|also|next)\b | also\s+read\b | more\s+from\b | more\s+on\b
          | recommended\b | you\s+may\s+also\s+like | don'?t\s+miss\b | trending\b
          | advertisement\b | sponsored\b | promoted\b | ad\s*[:\-–—]
          | (photo|image|picture|video)\s*(credit)?\s*[:/]
          | (photo|image|picture)\s+(by|courtesy)\b | credit\s*:
          | sign\s+up\b | subscribe\b | follow\s+us\b | share\s+(this|on)\b | click\s+here\b
          | join\s+(our|the)\s+(newsletter|mailing|community|telegram|whatsapp|discord)
          | get\s+(the|our)\s+(latest|best|daily|weekly|newsletter)
          | take\s+the\s+next\s+step\b | the\s+offers\s+that\s+appear
          | this\s+(story|article|post)\s+(was\s+)?(first|originally)\s+(appeared|published)
          | (originally|first)\s+(published|appeared)\s+(on|in|at)\b
          | copyright\b | ©|\(c\)\s | all\s+rights\s+reserved
          | disclosure\s*: | disclaimer\s*: | tags?\s*: | filed\s+under\s*:
          | about\s+the\s+author\b | want\s+more\b | listen\s+to\s+(this|the)\b
          | (media|press)\s+contacts?\s*:? $
        )"#,
    )
    .expect("boilerplate openings regex")
});

/// Phrases that mark furniture wherever they appear in a short paragraph.
static ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    crate::util::regex(
        r"(?ix)(
            offers\s+that\s+appear\s+in\s+this\s+table | receives?\s+compensation
          | (sign\s+up|subscribe)\s+(for|to)\s+(our|the)\b[^.]{0,40}\bnewsletter
          | newsletter[^.]{0,60}\b(inbox|sign\s+up|subscribe)
          | getty\s+images | shutterstock | \bvia\s+reuters\s+connect
          | affiliate\s+(links?|commission) | this\s+(story|article)\s+contains\s+affiliate
          | cookies?\s+(policy|settings) | (follow|like)\s+us\s+on\s+(twitter|x|facebook|linkedin|instagram)
          | share\s+this\s+(article|story|post)
          | (is|are)\s+an?\s+([a-z]+\s+){0,2}(reporter|writer|editor|journalist|correspondent|columnist)\s+(at|for|with|covering|based)\b
        )",
    )
    .expect("boilerplate anywhere regex")
});

/// True when a paragraph is furniture that must not become a passage.
pub fn is_boilerplate(paragraph: &str) -> bool {
    let p = paragraph.trim();
    if p.is_empty() {
        return true;
    }
    if OPENINGS.is_match(p) {
        return true;
    }
    // Long reporting paragraphs may mention e.g. Getty in passing; only short ones are judged
    // on phrases found anywhere.
    if p.len() < 600 && ANYWHERE.is_match(p) {
        return true;
    }
    // A short all-caps line ("ADVERTISEMENT", "SPONSORED CONTENT") is a label, not news.
    let letters: Vec<char> = p.chars().filter(|c| c.is_alphabetic()).collect();
    p.len() < 40
        && letters.len() > 3
        && letters.iter().all(|c| c.is_uppercase())
        && !p.ends_with('.')
}

/// True when a paragraph opens a trailing block (offers table, "related stories", author bio)
/// after which the rest of the page is furniture too.
pub fn starts_trailing_block(paragraph: &str) -> bool {
    static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
        crate::util::regex(
            r"(?ix)^[\s*_\#]*(
                take\s+the\s+next\s+step | the\s+offers\s+that\s+appear
              | related\s+(stories|articles|coverage|reading)\s*:?\s*$ | more\s+from\b
              | about\s+the\s+author\b | recommended\s+(for\s+you|stories|reading)
              | you\s+may\s+also\s+like | read\s+next\s*:?\s*$
            )",
        )
        .expect("trailing block regex")
    });
    TRAILING.is_match(paragraph.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_recognised() {
        for p in [
            "Related: Five fintechs that raised in May",
            "RELATED STORIES",
            "See also: Why seed rounds are shrinking",
            "(See also: China's AI push.)",
            "Read more: Acme's founders on hiring",
            "Advertisement",
            "ADVERTISEMENT",
            "Photo: Jane Doe/Getty Images",
            "Image credit: Acme",
            "Sign up for our daily newsletter to get the top deals in your inbox.",
            "Get the latest funding news delivered every morning.",
            "Take the Next Step to Invest",
            "The offers that appear in this table are from partnerships from which we receive compensation.",
            "This story first appeared on Example Wire.",
            "Copyright 2024 Example Media. All rights reserved.",
            "Follow us on Twitter for more.",
            "Jane Doe is a senior reporter at Example Daily covering venture capital.",
            "Disclosure: The author holds no positions.",
            "Tags: fintech, Series B, Berlin",
        ] {
            assert!(is_boilerplate(p), "not caught: {p}");
        }
    }

    #[test]
    fn reporting_is_kept() {
        for p in [
            "Acme has raised $20 million in a Series A round led by Northwind Ventures.",
            "The company said it would use the funds to hire engineers and expand to Asia.",
            "Related companies in the sector have struggled to raise money this year.",
            "Subscription revenue grew 40% last year, the company said.",
            "Investors including Sequoia participated. The startup is three years old.",
            "“We see a huge market,” said Li Xu, the company's co-founder and CEO.",
            "Acme shared the news on Tuesday.",
        ] {
            assert!(!is_boilerplate(p), "wrongly dropped: {p}");
        }
    }

    #[test]
    fn trailing_blocks_start_at_their_heading() {
        assert!(starts_trailing_block("Take the Next Step to Invest"));
        assert!(starts_trailing_block("Related stories:"));
        assert!(starts_trailing_block("About the author"));
        assert!(!starts_trailing_block("Related companies have struggled."));
    }
}
