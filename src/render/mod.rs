//! Rendering replies for people: terminal text and Discord embeds. The reply models carry raw
//! text; escaping and limits are the renderers' business.

pub mod text;

/// Wraps the byte ranges `marks` of `text` in `open`/`close`, skipping ranges that are not on
/// character boundaries or overlap.
pub fn mark(text: &str, marks: &[(usize, usize)], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len() + marks.len() * (open.len() + close.len()));
    let mut at = 0;
    let mut sorted = marks.to_vec();
    sorted.sort_unstable();
    for (start, end) in sorted {
        if start < at
            || end > text.len()
            || start >= end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(open);
        out.push_str(&text[start..end]);
        out.push_str(close);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_ranges_and_skip_bad_ones() {
        assert_eq!(
            mark("led by Alibaba", &[(7, 14)], "**", "**"),
            "led by **Alibaba**"
        );
        assert_eq!(mark("ab", &[(0, 1), (0, 2), (5, 9)], "[", "]"), "[a]b");
        assert_eq!(mark("€40m", &[(1, 3)], "[", "]"), "€40m");
    }
}
