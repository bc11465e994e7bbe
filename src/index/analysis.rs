//! The analyser for passage text and titles.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Its name in the index's tokenizer manager. It is part of the schema, so a new name (bump the
/// number whenever the analyser changes) makes every older index rebuild on the next reindex.
pub const NAME: &str = "fundbot_en_3";

/// Lower case, accents folded ("São" finds "Sao"), a few function words dropped (so "led by
/// Alibaba" weighs the name, not "by"), irregular past tenses put in the present ("led" finds
/// "leads"), English stemming.
pub fn analyzer() -> TextAnalyzer {
    const STOP: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
        "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with",
    ];
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(STOP.iter().map(|w| w.to_string())))
        .filter(IrregularVerbs)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Maps the irregular past tenses funding news uses to their present form, which the stemmer
/// then treats like any other verb.
#[derive(Clone)]
struct IrregularVerbs;

fn present(word: &str) -> Option<&'static str> {
    Some(match word {
        "led" => "lead",
        "bought" => "buy",
        "sold" => "sell",
        "took" => "take",
        "brought" => "bring",
        "grew" => "grow",
        "spent" => "spend",
        _ => return None,
    })
}

impl TokenFilter for IrregularVerbs {
    type Tokenizer<T: Tokenizer> = IrregularVerbsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        IrregularVerbsFilter(tokenizer)
    }
}

#[derive(Clone)]
struct IrregularVerbsFilter<T>(T);

impl<T: Tokenizer> Tokenizer for IrregularVerbsFilter<T> {
    type TokenStream<'a> = IrregularVerbsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        IrregularVerbsStream(self.0.token_stream(text))
    }
}

struct IrregularVerbsStream<S>(S);

impl<S: TokenStream> TokenStream for IrregularVerbsStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        if let Some(p) = present(&self.0.token().text) {
            self.0.token_mut().text = p.to_string();
        }
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut a = analyzer();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn led_and_leads_meet_function_words_go_accents_fold() {
        assert_eq!(
            terms("Series C led by Alibaba"),
            ["seri", "c", "lead", "alibaba"]
        );
        assert_eq!(
            terms("Alibaba leads the round"),
            ["alibaba", "lead", "round"]
        );
        assert_eq!(terms("São Paulo"), ["sao", "paulo"]);
    }
}
