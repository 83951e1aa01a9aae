//! The rules that tie an event's words to its sources' words: how long a quote may be, what counts as a
//! quotation in our own text, and when a quotation appears in a quote.
//!
//! `scripts/evidence check` applies the same rules to review files before a build.

/// A quote's word bounds: long enough to carry a claim, short enough to stay a quotation.
pub const MIN_WORDS: usize = 4;
pub const MAX_WORDS: usize = 90;
/// Quotations of this many words or more in our own text must appear in an evidence quote.
pub const QUOTATION_WORDS: usize = 3;

/// The words of a quote: whitespace-separated tokens holding a letter or digit (a lone `…` marks a cut).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// The quoted spans of our own text: `“…”`, `"…"`, `‘…’` and `'…'`. A single mark (`'` or `‘`) opens after a
/// character that is not a letter or digit and before a letter, and closes (`'` or `’`) after a non-space and
/// before a character that is not a letter or digit, so the apostrophes of "company's", "agents’ locations" and
/// "we’re", and the elision of "'90s", quote nothing.
pub fn quotations(text: &str) -> Vec<&str> {
    scan(text).0
}

/// The curly opening mark (`“` or `‘`) of a quotation that never closes, if there is one.
pub fn unclosed(text: &str) -> Option<char> {
    scan(text).1
}

fn scan(text: &str) -> (Vec<&str>, Option<char>) {
    let mut out = Vec::new();
    let mut unclosed = None;
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let alnum = |k: usize| b.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    let letter = |k: usize| b.get(k).is_some_and(|&(_, c)| c.is_alphabetic());
    let mut k = 0;
    while k < b.len() {
        let (start, c) = b[k];
        let single = (k == 0 || !alnum(k - 1)) && letter(k + 1);
        let close = match c {
            '“' => Some('”'),
            '"' => Some('"'),
            '‘' if single => Some('’'),
            '\'' if single => Some('\''),
            _ => None,
        };
        let Some(close) = close else {
            if c == '‘' {
                unclosed.get_or_insert(c);
            }
            k += 1;
            continue;
        };
        let inner = start + c.len_utf8();
        let end = (k + 1..b.len()).find(|&j| {
            b[j].1 == close && (!matches!(close, '\'' | '’') || (!b[j - 1].1.is_whitespace() && !alnum(j + 1)))
        });
        match end {
            Some(j) => {
                out.push(&text[inner..b[j].0]);
                k = j + 1;
            }
            None => {
                if c == '“' || c == '‘' {
                    unclosed.get_or_insert(c);
                }
                k += 1;
            }
        }
    }
    (out, unclosed)
}

/// Lower-case word tokens for matching: letters, digits, `$` and `%`, with the `'`, `.` or `,` inside a word
/// or figure kept ("don't", "$19.4", "1,300"); other punctuation and every kind of quote mark dropped.
fn tokens(text: &str) -> Vec<String> {
    let text = text.replace(['’', '‘'], "'");
    let chars: Vec<char> = text.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '$' || c == '%' || c == '_';
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let joins =
            matches!(c, '\'' | '.' | ',') && !cur.is_empty() && chars.get(i + 1).is_some_and(|&n| n.is_alphanumeric());
        if word(c) || joins {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether `quotation` appears in one of `quotes`: its words in order and unbroken, within one stretch of a
/// quote between cuts (`…`), case and punctuation aside. A quotation with cuts of its own appears when each of
/// its stretches does.
pub fn appears_in<'a>(quotation: &str, quotes: impl IntoIterator<Item = &'a str> + Clone) -> bool {
    stretches(quotation).all(|part| {
        let want = tokens(part);
        want.is_empty()
            || quotes
                .clone()
                .into_iter()
                .any(|q| stretches(q).any(|stretch| tokens(stretch).windows(want.len()).any(|w| w == want.as_slice())))
    })
}

/// A text's stretches between cuts (`…` or `...`).
fn stretches(text: &str) -> impl Iterator<Item = &str> {
    text.split('…').flat_map(|part| part.split("..."))
}

/// Whether the number `n` is written in `text`: as figures, with or without thousands separators ("1,300",
/// "1300", or "1.300" as Spanish copies write it), or in English words ("Ninety-seven", "a thousand").
pub fn gives_number(n: u32, text: &str) -> bool {
    let plain = n.to_string();
    let grouped = |sep: char| {
        let mut out = String::new();
        for (i, ch) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(ch);
        }
        out
    };
    let (comma, dot) = (grouped(','), grouped('.'));
    let words = tokens(&text.replace('-', " "));
    words.iter().any(|t| *t == plain || *t == comma || *t == dot) || number_words(&words).contains(&u64::from(n))
}

/// The numbers written in words in a run of tokens: "ninety seven", "thirteen", "a thousand", "two hundred".
fn number_words(words: &[String]) -> Vec<u64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let mut out = Vec::new();
    let (mut total, mut current, mut any) = (0u64, 0u64, false);
    for (i, w) in words.iter().enumerate() {
        let w = w.as_str();
        let scale = match w {
            "hundred" => Some(100),
            "thousand" => Some(1_000),
            "million" => Some(1_000_000),
            _ => None,
        };
        if let Some(u) = UNITS.iter().position(|x| *x == w) {
            (current, any) = (current + u as u64, true);
        } else if let Some(t) = TENS.iter().position(|x| *x == w) {
            (current, any) = (current + 20 + 10 * t as u64, true);
        } else if w == "a" && words.get(i + 1).is_some_and(|n| matches!(n.as_str(), "hundred" | "thousand" | "million"))
        {
            (current, any) = (1, true);
        } else if let (Some(s), true) = (scale, any) {
            if s == 100 {
                current *= 100;
            } else {
                (total, current) = (total + current * s, 0);
            }
        } else {
            if any {
                out.push(total + current);
            }
            (total, current, any) = (0, 0, false);
        }
    }
    if any {
        out.push(total + current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_without_the_cut_marks() {
        assert_eq!(word_count("more than 200 employees … signed"), 5);
        assert_eq!(word_count("  "), 0);
    }

    #[test]
    fn quotations_of_every_kind_are_found_and_apostrophes_are_not() {
        let t = "Nadella called it 'cruel and abusive'; the company's staff said “we won’t build it” and \"no\".";
        assert_eq!(quotations(t), vec!["cruel and abusive", "we won’t build it", "no"]);
        assert!(quotations("the workers' letter and Karp's reply").is_empty());
        assert_eq!(quotations("‘a b c’ and 'x'"), vec!["a b c", "x"]);
        assert!(quotations("an opening \" without an end").is_empty());
        // Curly apostrophes inside a curly single quotation, and an elision, end or open nothing.
        assert_eq!(
            quotations("Staff wrote ‘we’re quitting unless Acme drops ICE’."),
            vec!["we’re quitting unless Acme drops ICE"]
        );
        assert_eq!(quotations("‘the company’s own agents’, it said"), vec!["the company’s own agents"]);
        assert!(quotations("Since the '90s the firm's staff wrote the workers' letter.").is_empty());
    }

    #[test]
    fn a_curly_quotation_that_never_closes_is_found() {
        assert_eq!(unclosed("He said “we will never stop."), Some('“'));
        assert_eq!(unclosed("He said ‘we will never stop."), Some('‘'));
        assert_eq!(unclosed("He said “we will stop” and ‘then’."), None);
    }

    #[test]
    fn a_quotation_with_cuts_appears_when_each_stretch_does() {
        assert!(appears_in("a letter … the board", ["Staff wrote a letter on Monday to the board."]));
        assert!(!appears_in("a letter … the owners", ["Staff wrote a letter on Monday to the board."]));
    }

    #[test]
    fn a_number_is_found_with_or_without_separators() {
        assert!(gives_number(1300, "More than 1,300 people signed"));
        assert!(gives_number(1300, "more than 1300 people"));
        assert!(gives_number(97, "97 signers"));
        assert!(!gives_number(1300, "more than 13,000 people"));
        assert!(!gives_number(250000, "a quarter of a million"));
        assert!(gives_number(650000, "reunió 650.000 firmas"));
        assert!(gives_number(97, "Ninety-seven open-source developers"));
        assert!(gives_number(13, "the thirteen former employees wrote"));
        assert!(gives_number(1000, "over a thousand Google workers"));
        assert!(gives_number(200, "two hundred staff"));
        assert!(!gives_number(1000, "over a hundred Google workers"));
    }

    #[test]
    fn a_quotation_appears_when_its_words_run_unbroken_in_one_stretch_of_a_quote() {
        let quotes = ["He called the policy “simply cruel and abusive.” … Microsoft is not working on it"];
        assert!(appears_in("cruel and abusive", quotes));
        assert!(appears_in("Cruel, and abusive", quotes));
        assert!(!appears_in("cruel and unusual", quotes));
        // Not across a cut.
        assert!(!appears_in("abusive Microsoft is", quotes));
        assert!(appears_in("worth $19.4 million", ["a contract worth $19.4 million"]));
        assert!(!appears_in("worth $19 million", ["a contract worth $19.4 million"]));
        assert!(appears_in("don’t", ["we don't"]));
    }
}
