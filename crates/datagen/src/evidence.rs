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

/// The quoted spans of our own text: `“…”`, `"…"`, `‘…’` and `'…'`. A straight `'` opens after a character
/// that is not a letter or digit and before one that is, and closes after a non-space and before a non-letter,
/// so the apostrophes of "company's" and "don't" quote nothing.
pub fn quotations(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let alnum = |k: usize| b.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    let mut k = 0;
    while k < b.len() {
        let (start, c) = b[k];
        let close = match c {
            '“' => Some('”'),
            '"' => Some('"'),
            '‘' => Some('’'),
            '\'' if (k == 0 || !alnum(k - 1)) && alnum(k + 1) => Some('\''),
            _ => None,
        };
        let Some(close) = close else {
            k += 1;
            continue;
        };
        let inner = start + c.len_utf8();
        let end = (k + 1..b.len())
            .find(|&j| b[j].1 == close && (close != '\'' || (!b[j - 1].1.is_whitespace() && !alnum(j + 1))));
        match end {
            Some(j) => {
                out.push(&text[inner..b[j].0]);
                k = j + 1;
            }
            None => k += 1,
        }
    }
    out
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
/// quote between cuts (`…`), case and punctuation aside.
pub fn appears_in<'a>(quotation: &str, quotes: impl IntoIterator<Item = &'a str>) -> bool {
    let want = tokens(quotation);
    if want.is_empty() {
        return true;
    }
    quotes.into_iter().any(|q| {
        q.split(['…']).flat_map(|part| part.split("...")).any(|part| {
            let have = tokens(part);
            have.windows(want.len()).any(|w| w == want.as_slice())
        })
    })
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
