//! Funding news in Spanish, Portuguese, German, Italian and French.
//!
//! The recognisers of rounds, roles and figures are written for English. An article in one of
//! these languages is read through a small glossary of the words that carry a round's facts
//! ("liderada por", "rodada", "Millionen", "valutazione di"): each sentence is read as its
//! word-for-word English, while citations keep pointing at the sentence as the article wrote it.
//! English articles are never rewritten.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A language the glossary covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Spanish,
    Portuguese,
    German,
    Italian,
    French,
}

/// Which language a short, lower-cased word marks: words frequent in one language and rare in
/// the others and in English (index into [`LANGS`]), or English itself ([`ENGLISH`]).
fn marker(word: &str) -> Option<usize> {
    Some(match word {
        "el" | "los" | "las" | "del" | "y" | "una" | "con" | "por" | "que" | "en" | "su"
        | "según" => 0,
        "o" | "os" | "da" | "do" | "dos" | "uma" | "em" | "com" | "não" | "ao" | "pela"
        | "pelo" => 1,
        "der" | "die" | "das" | "und" | "mit" | "von" | "ein" | "eine" | "ist" | "für" | "den"
        | "dem" | "sich" => 2,
        "il" | "della" | "di" | "che" | "per" | "gli" | "delle" | "dei" | "nel" | "alla" | "è"
        | "ha" => 3,
        "les" | "des" | "du" | "et" | "une" | "avec" | "pour" | "dans" | "est" | "sur" | "aux"
        | "ses" | "auprès" | "qui" | "au" => 4,
        "the" | "and" | "of" | "to" | "in" | "is" | "was" | "for" | "with" | "has" | "its"
        | "that" | "from" | "by" => ENGLISH,
        _ => return None,
    })
}

/// [`marker`]'s index for English: after every language it tells apart.
const ENGLISH: usize = LANGS.len();

/// The languages [`marker`] tells apart, in its order.
const LANGS: [Lang; 5] = [
    Lang::Spanish,
    Lang::Portuguese,
    Lang::German,
    Lang::Italian,
    Lang::French,
];

/// The language of a text, when it is one of those the glossary covers: its marker words
/// clearly outnumber English ones.
pub fn language(text: &str) -> Option<Lang> {
    let mut counts = [0usize; ENGLISH + 1];
    // Every marker is short: longer words are skipped, short ones lower-cased in place.
    let mut buf = [0u8; 8];
    for (n, word) in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(300)
        .enumerate()
    {
        // Plainly English after a paragraph: no need to read on.
        if n == 60
            && counts[ENGLISH] >= 8
            && counts[..ENGLISH].iter().all(|c| c * 4 < counts[ENGLISH])
        {
            return None;
        }
        if word.len() > buf.len() {
            continue;
        }
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Some(i) = std::str::from_utf8(lower).ok().and_then(marker) {
            counts[i] += 1;
        }
    }
    let english = counts[ENGLISH];
    let (best, &count) = counts[..ENGLISH]
        .iter()
        .enumerate()
        .max_by_key(|(_, c)| **c)?;
    (count >= 4 && count > english * 2).then_some(LANGS[best])
}

/// (foreign words, English) for each language. Longer phrases win over their parts.
fn glossary(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Spanish => SPANISH,
        Lang::Portuguese => PORTUGUESE,
        Lang::German => GERMAN,
        Lang::Italian => ITALIAN,
        Lang::French => FRENCH,
    }
}

const SPANISH: &[(&str, &str)] = &[
    ("ronda de inversión", "funding round"),
    ("ronda de financiamiento", "funding round"),
    ("ronda de financiación", "funding round"),
    ("ronda de capital", "funding round"),
    ("ronda descendente", "down round"),
    ("ronda", "round"),
    ("serie", "Series"),
    ("levantó", "raised"),
    ("levanta", "raises"),
    ("recaudó", "raised"),
    ("recauda", "raises"),
    ("captó", "raised"),
    ("capta", "raises"),
    ("obtuvo", "secured"),
    ("consiguió", "secured"),
    ("recibió", "received"),
    ("cerró", "closed"),
    ("cerrar", "closing"),
    ("anunció", "announced"),
    ("invirtió", "invested"),
    ("ha aportado", "has contributed"),
    ("aportó", "contributed"),
    ("aportará", "will contribute"),
    ("unos", "about"),
    ("unas", "about"),
    ("invirtieron", "invested"),
    ("liderada por", "led by"),
    ("liderado por", "led by"),
    ("encabezada por", "led by"),
    ("encabezado por", "led by"),
    ("co-liderada por", "co-led by"),
    ("codirigida por", "co-led by"),
    ("liderada", "led"),
    ("liderado", "led"),
    ("lideró", "led"),
    ("encabezó", "led"),
    ("con la participación de", "with participation from"),
    ("con participación de", "with participation from"),
    ("ha valuado a", "valued"),
    ("valuación de", "valuation of"),
    ("valoración de", "valuation of"),
    ("valuación", "valuation"),
    ("valoración", "valuation"),
    ("valuada", "valued"),
    ("valuado", "valued"),
    ("valorada", "valued"),
    ("valorado", "valued"),
    ("el año pasado", "last year"),
    ("mil millones de euros", "billion euros"),
    ("millones de euros", "million euros"),
    ("mil millones de dólares", "billion dollars"),
    ("millones de dólares", "million dollars"),
    ("mil millones", "billion"),
    ("millones", "million"),
    ("millón", "million"),
    ("de dólares", "dollars"),
    ("dólares", "dollars"),
    ("inversionistas", "investors"),
    ("inversores", "investors"),
    ("inversión de", "investment of"),
    ("inversión", "investment"),
    ("deuda", "debt"),
    ("préstamos", "loans"),
    ("préstamo", "loan"),
    ("líneas de crédito", "credit lines"),
    ("línea de crédito", "credit line"),
    ("fundada en", "founded in"),
    ("de acuerdo con", "according to"),
    ("según", "according to"),
    ("luego de", "after"),
    ("después de", "after"),
    ("tras", "after"),
    ("ahora", "now"),
    ("la mayor", "the biggest"),
    ("mayor", "biggest"),
    ("fue la de", "was that of"),
    ("fue el de", "was that of"),
    ("fue", "was"),
    ("fueron", "were"),
    ("tras recibir", "after receiving"),
    ("recibir", "receiving"),
    ("alcanzó", "reached"),
    ("otros destacados", "other highlights"),
    ("destacados", "highlights"),
    ("mes", "month"),
    ("semana", "week"),
    ("año", "year"),
    ("empresa", "company"),
    ("compañía", "company"),
    ("y", "and"),
    ("con", "with"),
    ("del", "of the"),
    ("de", "of"),
    ("en", "in"),
    ("el", "the"),
    ("la", "the"),
    ("los", "the"),
    ("las", "the"),
    ("una", "a"),
    ("un", "a"),
    ("por", "by"),
    ("para", "for"),
    ("que", "that"),
    ("su", "its"),
    ("enero", "January"),
    ("febrero", "February"),
    ("marzo", "March"),
    ("abril", "April"),
    ("mayo", "May"),
    ("junio", "June"),
    ("julio", "July"),
    ("agosto", "August"),
    ("septiembre", "September"),
    ("setiembre", "September"),
    ("octubre", "October"),
    ("noviembre", "November"),
    ("diciembre", "December"),
];

const PORTUGUESE: &[(&str, &str)] = &[
    ("rodada de investimentos", "funding round"),
    ("rodada de investimento", "funding round"),
    ("rodada de captação", "funding round"),
    ("rodada", "round"),
    // "a" (the) and "e" (and) are also round letters: "série A", "série E".
    ("série a", "Series A"),
    ("serie a", "Series A"),
    ("série e", "Series E"),
    ("serie e", "Series E"),
    ("série", "Series"),
    ("serie", "Series"),
    ("captou", "raised"),
    ("captaram", "raised"),
    ("capta", "raises"),
    ("levantou", "raised"),
    ("levanta", "raises"),
    ("arrecadou", "raised"),
    ("recebeu", "received"),
    ("ter recebido", "having received"),
    ("recebido", "received"),
    ("pode chegar a", "of up to"),
    ("foi feito pela", "was made by"),
    ("foi feito pelo", "was made by"),
    ("feito por", "made by"),
    ("quem investiu", "who invested"),
    ("durante", "during"),
    ("recebe", "receives"),
    ("obteve", "secured"),
    ("anunciou", "announced"),
    ("investiu", "invested"),
    ("investiram", "invested"),
    ("captação de", "raise of"),
    ("captação", "raise"),
    ("aporte de", "investment of"),
    ("aporte", "investment"),
    ("investimento de", "investment of"),
    ("investimento", "investment"),
    ("liderada por", "led by"),
    ("liderado por", "led by"),
    ("liderada pela", "led by the"),
    ("liderado pela", "led by the"),
    ("liderada pelo", "led by the"),
    ("liderado pelo", "led by the"),
    ("liderada", "led"),
    ("liderado", "led"),
    ("co-liderada por", "co-led by"),
    ("coliderada por", "co-led by"),
    ("coliderado por", "co-led by"),
    ("coliderada pela", "co-led by"),
    ("coliderada pelo", "co-led by"),
    ("coliderado pela", "co-led by"),
    ("coliderado pelo", "co-led by"),
    ("co-liderada pela", "co-led by"),
    ("co-liderada pelo", "co-led by"),
    ("e pela", "and"),
    ("e pelo", "and"),
    ("com participação da", "with participation from"),
    ("com participação do", "with participation from"),
    ("com a participação da", "with participation from"),
    ("com a participação do", "with participation from"),
    ("e outras", "and others"),
    ("e outros", "and others"),
    ("semente", "seed"),
    ("hoje", "today"),
    ("liderou", "led"),
    ("lideraram", "led"),
    ("com a participação de", "with participation from"),
    ("com participação de", "with participation from"),
    ("avaliação de mercado de", "valuation of"),
    ("avaliação de", "valuation of"),
    ("avaliação", "valuation"),
    ("avaliada", "valued"),
    ("avaliado", "valued"),
    ("valor de mercado de", "valuation of"),
    ("no ano passado", "last year"),
    ("milhões de euros", "million euros"),
    ("milhões de dólares", "million dollars"),
    ("milhões", "million"),
    ("milhão", "million"),
    ("bilhões", "billion"),
    ("bilhão", "billion"),
    ("mil", "thousand"),
    ("de reais", "reais"),
    ("de dólares", "dollars"),
    ("dólares", "dollars"),
    ("investidores", "investors"),
    ("fundo", "fund"),
    ("empresa", "company"),
    ("dívida", "debt"),
    ("empréstimos", "loans"),
    ("empréstimo", "loan"),
    ("crédito", "credit"),
    ("fundada em", "founded in"),
    ("segundo", "according to"),
    ("após", "after"),
    ("agora", "now"),
    ("a maior", "the biggest"),
    ("maior", "biggest"),
    ("foi a da", "was that of the"),
    ("foi a do", "was that of the"),
    ("foi", "was"),
    ("foram", "were"),
    ("após receber", "after receiving"),
    ("receber", "receiving"),
    ("atingiu", "reached"),
    ("tornou-se", "became"),
    ("outros destaques", "other highlights"),
    ("destaques", "highlights"),
    ("ao longo do", "over the"),
    ("mês", "month"),
    ("semana", "week"),
    ("ano", "year"),
    ("e", "and"),
    ("com", "with"),
    ("pela", "by the"),
    ("pelo", "by the"),
    ("do", "of the"),
    ("da", "of the"),
    ("dos", "of the"),
    ("das", "of the"),
    ("de", "of"),
    ("em", "in"),
    ("no", "in the"),
    ("na", "in the"),
    ("a", "the"),
    ("o", "the"),
    ("os", "the"),
    ("as", "the"),
    ("uma", "a"),
    ("um", "a"),
    ("para", "for"),
    ("que", "that"),
    ("seu", "its"),
    ("sua", "its"),
    ("janeiro", "January"),
    ("fevereiro", "February"),
    ("março", "March"),
    ("abril", "April"),
    ("maio", "May"),
    ("junho", "June"),
    ("julho", "July"),
    ("agosto", "August"),
    ("setembro", "September"),
    ("outubro", "October"),
    ("novembro", "November"),
    ("dezembro", "December"),
];

const GERMAN: &[(&str, &str)] = &[
    ("Finanzierungsrunde", "funding round"),
    ("Finanzierung", "financing"),
    ("Plattform", "platform"),
    ("Runde", "round"),
    ("Serie", "Series"),
    ("unter der Führung von", "led by"),
    ("unter Führung von", "led by"),
    ("angeführt von", "led by"),
    ("angeführt", "led"),
    ("Leadinvestor", "lead investor"),
    ("Lead-Investor", "lead investor"),
    ("erhält", "receives"),
    ("erhielt", "received"),
    ("sammelt", "raises"),
    ("sammelte", "raised"),
    ("bekommt", "gets"),
    ("abgeschlossen", "closed"),
    ("Bewertung von", "valuation of"),
    ("Bewertung", "valuation"),
    ("bewertet mit", "valued at"),
    ("bewertet", "valued"),
    ("Millionen", "million"),
    ("Million", "million"),
    ("Milliarden", "billion"),
    ("Milliarde", "billion"),
    ("zum Investorenkreis zählen", "investors include"),
    ("zu den Investoren zählen", "investors include"),
    ("zählen", "include"),
    ("unter anderem", ""),
    ("u.a.", ""),
    ("oder", "and"),
    ("Bestandsinvestoren", "existing investors"),
    ("Investoren", "investors"),
    ("Geldgeber", "investors"),
    ("in Höhe von", "of"),
    ("insgesamt", "in total"),
    ("bisher", "to date"),
    ("bislang", "to date"),
    ("Unternehmen", "company"),
    ("und", "and"),
    ("mit", "with"),
    ("von", "from"),
    ("der", "the"),
    ("die", "the"),
    ("das", "the"),
    ("den", "the"),
    ("dem", "the"),
    ("eine", "a"),
    ("ein", "a"),
    ("einer", "a"),
    ("für", "for"),
    ("rund", "about"),
    ("etwa", "about"),
    ("über", "over"),
    ("Januar", "January"),
    ("Februar", "February"),
    ("März", "March"),
    ("Mai", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("Oktober", "October"),
    ("Dezember", "December"),
];

const FRENCH: &[(&str, &str)] = &[
    ("levée de fonds de", "funding round of"),
    ("levée de fonds", "funding round"),
    ("tour de table de", "funding round of"),
    ("tour de table", "funding round"),
    ("a levé", "raised"),
    ("ont levé", "have raised"),
    ("vient de lever", "has raised"),
    ("lève", "raises"),
    ("levée", "raise"),
    ("milliards d'euros", "billion euros"),
    ("milliard d'euros", "billion euros"),
    ("millions d'euros", "million euros"),
    ("million d'euros", "million euros"),
    ("milliards d’euros", "billion euros"),
    ("milliard d’euros", "billion euros"),
    ("millions d’euros", "million euros"),
    ("million d’euros", "million euros"),
    ("rassemblés auprès d’", "raised from "),
    ("rassemblés auprès d'", "raised from "),
    ("rassemblés auprès de", "raised from"),
    ("réalisée auprès d’", "raised from "),
    ("réalisée auprès d'", "raised from "),
    ("réalisée auprès de", "raised from"),
    ("millions de dollars", "million dollars"),
    ("milliards de dollars", "billion dollars"),
    ("milliards", "billion"),
    ("milliard", "billion"),
    ("millions", "million"),
    ("menée par", "led by"),
    ("mené par", "led by"),
    ("pilotée par", "led by"),
    ("piloté par", "led by"),
    ("avec la participation de", "with participation from"),
    ("auprès de", "from"),
    ("auprès d'", "from "),
    ("auprès d’", "from "),
    ("série", "Series"),
    ("valorisation de", "valuation of"),
    ("valorisation", "valuation"),
    ("valorisée", "valued"),
    ("valorisé", "valued"),
    ("investisseurs", "investors"),
    ("investisseur", "investor"),
    ("a racheté", "acquired"),
    ("rachète", "acquires"),
    ("a acquis", "acquired"),
    ("acquiert", "acquires"),
    ("introduction en bourse", "initial public offering"),
    ("au total", "in total"),
    ("la start-up", "the startup"),
    ("la startup", "the startup"),
    ("la société", "the company"),
    ("l'entreprise", "the company"),
    ("l’entreprise", "the company"),
    ("enfin", "finally"),
    ("une levée de", "a funding round of"),
    ("une opération de", "a funding round of"),
    ("une", "a"),
    ("cette", "this"),
    ("et", "and"),
    ("avec", "with"),
    ("pour", "for"),
    ("les", "the"),
    ("le", "the"),
    ("la", "the"),
    ("janvier", "January"),
    ("février", "February"),
    ("mars", "March"),
    ("avril", "April"),
    ("mai", "May"),
    ("juin", "June"),
    ("juillet", "July"),
    ("août", "August"),
    ("septembre", "September"),
    ("octobre", "October"),
    ("novembre", "November"),
    ("décembre", "December"),
];

const ITALIAN: &[(&str, &str)] = &[
    ("serie a", "Series A"),
    ("serie e", "Series E"),
    ("milioni di dollari", "million dollars"),
    ("miliardi di dollari", "billion dollars"),
    ("milioni di euro", "million euros"),
    ("miliardi di euro", "billion euros"),
    ("capitalizzazione di mercato di", "market capitalization of"),
    ("ha annunciato", "announced"),
    ("prezzo", "price"),
    ("raccolta stimata in", "raising an estimated"),
    ("raccolta", "raise"),
    ("coordinata da", "managed by"),
    ("coordinato da", "managed by"),
    ("della", "of the"),
    ("round di finanziamento", "funding round"),
    ("aumento di capitale", "funding round"),
    ("guidato da", "led by"),
    ("guidata da", "led by"),
    ("hanno raccolto", "have raised"),
    ("ha raccolto", "raised"),
    ("le start-up", "startups"),
    ("le startup", "startups"),
    ("quasi", "nearly"),
    ("raccolto", "raised"),
    ("raccoglie", "raises"),
    ("valutazione di", "valuation of"),
    ("valutazione", "valuation"),
    ("valutata", "valued"),
    ("valutato", "valued"),
    ("miliardi", "billion"),
    ("miliardo", "billion"),
    ("milioni", "million"),
    ("milione", "million"),
    ("dollari", "dollars"),
    ("per azione", "per share"),
    ("azioni", "shares"),
    ("offerta pubblica iniziale", "initial public offering"),
    ("quotazione", "listing"),
    ("investitori", "investors"),
    ("società", "company"),
    ("e", "and"),
    ("con", "with"),
    ("di", "of"),
    ("il", "the"),
    ("la", "the"),
    ("per", "for"),
    ("gennaio", "January"),
    ("febbraio", "February"),
    ("marzo", "March"),
    ("aprile", "April"),
    ("maggio", "May"),
    ("giugno", "June"),
    ("luglio", "July"),
    ("settembre", "September"),
    ("ottobre", "October"),
    ("dicembre", "December"),
];

/// `text` as the recognisers read it: word for word in English when `lang` is one the glossary
/// covers, as it is otherwise.
///
/// A letter an editor set in brackets inside a quotation ("[t]he company") is read as a plain
/// letter, so the words around it are recognised.
pub fn in_english(text: &str, lang: Option<Lang>) -> Cow<'_, str> {
    let text: Cow<'_, str> = if text.contains('[') {
        static BRACKETED: LazyLock<regex::Regex> = LazyLock::new(|| {
            crate::util::regex(r"\[([A-Za-z])\]").expect("bracketed letter regex")
        });
        BRACKETED.replace_all(text, "$1")
    } else {
        Cow::Borrowed(text)
    };
    match (lang, text) {
        (Some(lang), Cow::Borrowed(t)) => to_english(t, lang),
        (Some(lang), Cow::Owned(t)) => Cow::Owned(to_english(&t, lang).into_owned()),
        (None, t) => t,
    }
}

/// One searcher per language, longest phrase first.
static SEARCHERS: LazyLock<Vec<(Lang, AhoCorasick)>> = LazyLock::new(|| {
    LANGS
        .into_iter()
        .map(|lang| {
            let searcher = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(glossary(lang).iter().map(|(from, _)| *from))
                .expect("glossary");
            (lang, searcher)
        })
        .collect()
});

/// `text` read word for word in English: each glossary phrase standing as whole words is
/// replaced. Borrowed when nothing is.
pub fn to_english(text: &str, lang: Lang) -> Cow<'_, str> {
    let searcher = &SEARCHERS
        .iter()
        .find(|(l, _)| *l == lang)
        .expect("every language has a searcher")
        .1;
    let words = glossary(lang);
    let mut out = String::new();
    let mut copied = 0usize;
    for m in searcher.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        // "Series-D-Finanzierungsrunde": a glossary word may close a hyphenated compound.
        let joined = |c: Option<char>, hyphen: bool| {
            c.is_some_and(|c| c.is_alphanumeric() || (hyphen && c == '-'))
        };
        // French elision ("auprès d’Ondine"): a phrase ending in an apostrophe runs into the
        // next word.
        let elided = text[m.start()..m.end()].ends_with(['\'', '’']);
        if joined(before, false) || (!elided && joined(after, true)) {
            continue;
        }
        out.push_str(&text[copied..m.start()]);
        let english = words[m.pattern().as_usize()].1;
        // "valuada en $2 mil millones", "avaliada em R$ 1 bilhão": "in" before a figure is "at".
        let english = if english == "in" && before_figure(&text[m.end()..]) {
            "at"
        } else {
            english
        };
        // A word opening a sentence keeps its capital: "La startup" is "The startup".
        // (German capitalises every noun: only the sentence's first word counts.)
        let opening = text[..m.start()].trim_end();
        let capital = text[m.start()..].starts_with(char::is_uppercase)
            && (opening.is_empty() || opening.ends_with(['.', '!', '?', ':', '"', '“']));
        let mut chars = english.chars();
        match chars.next() {
            Some(first) if capital && first.is_lowercase() => {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(english),
        }
        copied = m.end();
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    if lang == Lang::German {
        out = verb_last(out);
    }
    Cow::Owned(out)
}

/// German puts the main verb last: "Acme hat 40 Millionen Euro eingesammelt" reads "Acme has
/// raised 40 million euros ...", with the raising verb where the English recognisers look.
fn verb_last(sentence: String) -> String {
    const RAISED: &[&str] = &[
        "eingesammelt",
        "erhalten",
        "bekommen",
        "eingeworben",
        "aufgenommen",
        "abgeschlossen",
    ];
    let ends_raising = sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| RAISED.contains(&w));
    if !ends_raising {
        return sentence;
    }
    for (has, raised) in [(" hat ", " has raised "), (" haben ", " have raised ")] {
        if let Some(at) = sentence.find(has) {
            return format!("{}{raised}{}", &sentence[..at], &sentence[at + has.len()..]);
        }
    }
    sentence
}

/// Whether `rest` opens with an amount of money (a currency sign or code, or a number that is
/// not a year).
fn before_figure(rest: &str) -> bool {
    let rest = rest.trim_start();
    if rest.starts_with(['$', '€', '£', '¥'])
        || ["US$", "R$", "MX$", "USD", "EUR"]
            .iter()
            .any(|c| rest.starts_with(c))
    {
        return true;
    }
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    !digits.is_empty() && !year
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_languages_apart_and_leaves_english_alone() {
        assert_eq!(
            language("La startup chilena Qorvana cerró una ronda de 12 millones de dólares con la participación de fondos locales y del extranjero."),
            Some(Lang::Spanish)
        );
        assert_eq!(
            language("A fintech Pindoba recebeu um aporte de R$ 40 milhões em uma rodada liderada pela gestora Jatobá, com a participação dos fundos que já investiam na empresa."),
            Some(Lang::Portuguese)
        );
        assert_eq!(
            language("Das Berliner Start-up Wolkenfeld hat in einer Finanzierungsrunde 30 Millionen Euro erhalten, angeführt von dem Fonds Nordlicht und mit der Beteiligung von zwei Business Angels."),
            Some(Lang::German)
        );
        assert_eq!(
            language("Lumo raised $20 million in a Series B led by Del Monte Ventures and La Rocca Capital, with participation from existing investors."),
            None
        );
    }

    #[test]
    fn reads_a_french_round_in_english() {
        let fr = "La start-up lyonnaise Brivelle a levé 12 millions d'euros auprès de Fonds Rhône et de ses investisseurs historiques, lors d'un tour de table mené par Garance Capital.";
        let article = format!(
            "{fr} Les fonds serviront à recruter des ingénieurs et à ouvrir un bureau à Berlin."
        );
        assert_eq!(language(&article), Some(Lang::French));
        let en = to_english(fr, Lang::French);
        assert!(
            en.contains("raised 12 million euros from Fonds Rhône"),
            "{en}"
        );
        assert!(en.contains("funding round led by Garance Capital"), "{en}");
        let elided = to_english(
            "Ferlane a levé 3 millions d’euros auprès d’Ondine Ventures.",
            Lang::French,
        );
        assert_eq!(
            elided,
            "Ferlane raised 3 million euros from Ondine Ventures."
        );
        assert_eq!(
            crate::facts::money::find_amounts(&en)[0].money.to_string(),
            "€12 million"
        );
    }

    #[test]
    fn reads_the_words_of_a_round_in_english() {
        let es = "Qorvana cerró una ronda de $12 millones, liderada por Fondo Andino y Valle Capital, con una valuación de $90 millones.";
        assert_eq!(
            to_english(es, Lang::Spanish),
            "Qorvana closed a round of $12 million, led by Fondo Andino and Valle Capital, with a valuation of $90 million."
        );
        let pt = "A Pindoba recebeu um aporte de R$ 40 milhões, avaliada em R$ 1,2 bilhão.";
        assert_eq!(
            to_english(pt, Lang::Portuguese),
            "The Pindoba received a investment of R$ 40 million, valued at R$ 1,2 billion."
        );
        // "de" between a figure and its currency is no "of": "40 million euros" is money.
        let es = to_english("tras una Serie C de 40 millones de euros", Lang::Spanish);
        assert_eq!(
            crate::facts::money::find_amounts(&es)[0].money.to_string(),
            "€40 million"
        );
        assert_eq!(
            to_english("valuada en 2021 en US$ 3 mil millones", Lang::Spanish),
            "valued in 2021 at US$ 3 billion"
        );
        assert_eq!(
            to_english(
                "uma rodada semente coliderada pela Jatobá e pela Vale Ventures, com participação da Pico Capital e outras",
                Lang::Portuguese
            ),
            "a round seed co-led by Jatobá and Vale Ventures, with participation from Pico Capital and others"
        );
        assert_eq!(
            to_english("uma rodada série A e uma série E", Lang::Portuguese),
            "a round Series A and a Series E"
        );
        assert_eq!(
            to_english(
                "Wolkenfeld hat eine Series-A-Finanzierung in Höhe von 12 Mio. Euro erhalten.",
                Lang::German
            ),
            "Wolkenfeld has raised a Series-A-financing of 12 Mio. Euro erhalten."
        );
        // Words inside other words, or hyphenated ones, stay as they are.
        assert_eq!(
            to_english("Delaware e-commerce", Lang::Portuguese),
            "Delaware e-commerce"
        );
        assert!(matches!(
            to_english("Nothing here to read.", Lang::German),
            Cow::Borrowed(_)
        ));
    }
}
