//! What the lexicon rules (`spam/adult-terms`, `spam/sales-language`) share:
//! reading their data files, scanning the texts a reader sees with a lexicon
//! (`text::lexicon`), and quoting a term as written and as read.

use crate::model::{LexiconHits, Message};
use crate::report::Location;
use crate::rules::reading::{self, Place, Text};
use crate::text::lexicon::{scan_together, Entry, Hit, Lexicon};
use crate::text::unicode;

/// The tab-separated fields of the data lines of a lexicon file (`#` starts a
/// comment line; blank lines are skipped).
pub fn data_lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// With `MAIL_PREFLIGHT_WRITE_LEXICONS` set (`make lexicons`), writes a
/// built-in lexicon's bytes (`Lexicon::to_bytes`) to `src/rules/spam/data/`, where
/// the build reads them: the lexicons are built when the crate is written, not
/// at the first lint.
#[cfg(test)]
pub(crate) fn write_prebuilt(name: &str, bytes: &[u8]) {
    if std::env::var_os("MAIL_PREFLIGHT_WRITE_LEXICONS").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/spam/data").join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// An English term takes any accents (`~`, `text::lexicon`): English writes
/// none, so `pórn` is a disguise, not another word; other languages' terms
/// keep the rule that a text may drop an accent, not add one (`año` is no `ano`).
pub(crate) fn any_accents(language: &str, term: &str) -> String {
    if language == "en" && !term.starts_with('=') {
        format!("~{term}")
    } else {
        term.to_string()
    }
}

/// A term or phrase as the lexicons read it (`Entry::read`): its words folded
/// (`text::fold`), accents kept, joined by one space.
pub fn read_form(term: &str) -> String {
    crate::text::fold::words(term).into_iter().map(|(read, _)| read).collect::<Vec<_>>().join(" ")
}

/// A lexicon term found in a text a reader sees.
#[derive(Debug, Clone)]
pub struct Found<'l, P> {
    /// The term (`Hit::term`): what distinct terms are counted by, whatever
    /// their spellings (`porno`, `pornô`).
    pub term: &'l Entry<P>,
    /// Its index in its lexicon.
    pub term_index: usize,
    /// The entry its first occurrence spells, as quoted.
    pub entry: &'l Entry<P>,
    /// Whether its first occurrence starts a line of its text (white space
    /// alone before it on the line, or the text's start).
    pub line_start: bool,
    pub place: Place,
    /// The first occurrence as written in that text.
    pub written: String,
    /// Occurrences in that text.
    pub count: usize,
    /// Where the first occurrence is in the message.
    pub location: Location,
}

/// The texts the lexicon rules read, in reading order; how many of them
/// `spam/sales-language` reads (`shared`); and how many of those are the
/// message as a reader sees it once (`seen`, the words its density counts): the
/// subject, the preheader and the bodies first (both rules read them: an inbox
/// list shows the subject and the preheader), then the text alternatives of an
/// HTML body (a text-only client shows them, and SpamAssassin's body rules read
/// every text part: `get_body_text_array_common` in Mail::SpamAssassin::Message)
/// and the HTML views (AMP, Apple Watch: Gmail shows the AMP version, and
/// SpamAssassin and rspamd read those parts as text, `model::HTML_VIEW_TYPES`),
/// then hidden text and image text (`spam/adult-terms` alone), of the views too.
/// The bodies are read as drawn (`reading::drawn_bodies`): text in the
/// background's colour under `min_contrast` left out.
pub fn reader_texts<'m>(message: &'m Message, min_contrast: f64) -> (Vec<Text<'m>>, usize, usize) {
    let mut texts = Vec::new();
    texts.extend(reading::subject(message));
    texts.extend(reading::preheader_texts(message));
    texts.extend(reading::drawn_bodies(message, min_contrast));
    let seen = texts.len();
    texts.extend(reading::text_alternatives(message));
    texts.extend(reading::html_views(message));
    let shared = texts.len();
    texts.extend(reading::hidden_texts(message, min_contrast));
    texts.extend(reading::image_texts(message));
    (texts, shared, seen)
}

/// The built-in lexicons' hits in `texts` (`reader_texts`), found by the first
/// of the two rules that runs and kept in the message for the other: each text
/// is folded once, for both lexicons together.
pub fn built_in_hits<'m>(message: &'m Message, texts: &[Text], shared: usize) -> &'m LexiconHits {
    message.lexicon_hits.get_or_init(|| {
        let (adult, sales) = (super::adult_terms::lexicon(), super::sales_language::lexicon());
        let mut hits = LexiconHits::default();
        for (index, text) in texts.iter().enumerate() {
            if index < shared {
                let (a, s) = scan_together(adult, sales, &text.text);
                hits.adult.push(a);
                hits.sales.push(s);
            } else {
                hits.adult.push(adult.scan(&text.text));
            }
        }
        hits
    })
}

/// The entries of `lexicon` found in each of `texts`, in reading order;
/// `keep` filters entries (terms the options allow are left out).
pub fn scan<'l, P>(
    message: &Message,
    texts: &[Text],
    lexicon: &'l Lexicon<P>,
    keep: impl Fn(&Entry<P>) -> bool,
) -> Vec<Found<'l, P>> {
    let hits: Vec<Vec<Hit>> = texts.iter().map(|text| lexicon.scan(&text.text)).collect();
    found_in(message, texts, lexicon, &hits, keep)
}

/// `scan` with the hits of each text already found (`hits[i]` in `texts[i]`);
/// a term is left out when `keep` refuses any of its spellings (allowing
/// `porno` allows `pornô`).
pub fn found_in<'l, P>(
    message: &Message,
    texts: &[Text],
    lexicon: &'l Lexicon<P>,
    hits: &[Vec<Hit>],
    keep: impl Fn(&Entry<P>) -> bool,
) -> Vec<Found<'l, P>> {
    let mut found = Vec::new();
    for (text, hits) in texts.iter().zip(hits) {
        for hit in hits.iter().cloned() {
            let (Some(term), Some(entry)) = (lexicon.entry(hit.term), lexicon.entry(hit.entry)) else { continue };
            if !lexicon.spellings(hit.term).all(&keep) {
                continue;
            }
            let written = text.text.get(hit.first.clone()).unwrap_or_default().to_string();
            let location = reading::location(message, text, hit.first.clone());
            let before = text.text.get(..hit.first.start).unwrap_or_default();
            let line_start = before.rsplit('\n').next().unwrap_or_default().trim().is_empty();
            found.push(Found {
                term,
                term_index: hit.term,
                entry,
                line_start,
                place: text.place,
                written,
                count: hit.count,
                location,
            });
        }
    }
    found
}

/// For each term of `lexicon` whose reading contains other terms (`video
/// porno` contains `porno`, `limited time offer` contains `limited time`):
/// its index and theirs (`Hit::term`).
pub fn contained_terms<P>(lexicon: &Lexicon<P>) -> Vec<(usize, Vec<usize>)> {
    let entries = lexicon.entries().iter().enumerate();
    entries
        .filter_map(|(index, entry)| {
            let hits = lexicon.scan_terms(&entry.read);
            // Only a term's own entry (a spelling of another's reads as that one).
            if !hits.iter().any(|hit| hit.term == index) {
                return None;
            }
            let inner: Vec<usize> = hits.iter().map(|hit| hit.term).filter(|&t| t != index).collect();
            (!inner.is_empty()).then_some((index, inner))
        })
        .collect()
}

/// `found` without the occurrences of terms that are words of a longer term
/// found in the same text (`contained`, from `contained_terms`): one
/// occurrence of text is at most one term, so `video porno` is one term, not
/// also `porno`, and a term all of whose occurrences are inside longer ones is
/// not found. Longer terms are taken first, with what is left of their counts
/// (`a` in `b` in `c`: `c` accounts for its `b` and `a`, not `b` for them again).
pub fn without_contained<'l, P>(
    contained: &[(usize, Vec<usize>)],
    mut found: Vec<Found<'l, P>>,
) -> Vec<Found<'l, P>> {
    let mut longest_first: Vec<usize> = (0..found.len()).collect();
    longest_first.sort_by_key(|&i| std::cmp::Reverse(found.get(i).map_or(0, |f| f.term.read.split(' ').count())));
    for i in longest_first {
        let Some(outer) = found.get(i) else { continue };
        let (place, count) = (outer.place, outer.count);
        let Some((_, inner)) = contained.iter().find(|(term, _)| *term == outer.term_index) else { continue };
        let inner = inner.clone();
        for f in found.iter_mut().filter(|f| f.place == place) {
            if inner.contains(&f.term_index) {
                f.count = f.count.saturating_sub(count);
            }
        }
    }
    found.retain(|f| f.count > 0);
    found
}

/// A term as written and, when its letters read differently, as read:
/// `ｐｏｒｎ → porn`, `p0rn → porn`; `Porn` and `100% FREE` alone (the reading
/// only lowercases them and skips punctuation). The arrow is language-neutral,
/// so no sentence is built around it.
pub fn written_and_read(written: &str, read: &str) -> String {
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    if written.chars().any(unicode::is_invisible) {
        // Characters that draw nothing (`Buy` + 300 zero-width spaces + `now`) are
        // named, a run once with its length, and the term as read follows.
        return format!("{} → {read}", invisible_runs_named(&written));
    }
    let letters = |s: &str| s.chars().filter(|&c| unicode::is_alphanumeric(c)).flat_map(char::to_lowercase).collect::<String>();
    if letters(&written) == letters(read) {
        written
    } else {
        format!("{written} → {read}")
    }
}

/// `text` with each run of characters that draw nothing (`unicode::is_invisible`)
/// named by its first one's code point, and its length when longer than one:
/// `Buy<U+200B>×300now`.
pub fn invisible_runs_named(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !unicode::is_invisible(c) {
            out.push(c);
            continue;
        }
        let mut run = 1usize;
        while chars.next_if(|&d| unicode::is_invisible(d)).is_some() {
            run += 1;
        }
        out.push_str(&format!("<U+{:04X}>", c as u32));
        if run > 1 {
            out.push_str(&format!("×{run}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_quoted_as_written_and_as_read_when_they_differ() {
        assert_eq!(written_and_read("Porn", "porn"), "Porn");
        assert_eq!(written_and_read("ｐｏｒｎ", "porn"), "ｐｏｒｎ → porn");
        assert_eq!(written_and_read("ACT\n NOW", "act now"), "ACT NOW");
        assert_eq!(written_and_read("100% FREE", "100 free"), "100% FREE");
        assert_eq!(written_and_read("p0rn", "porn"), "p0rn → porn");
        assert_eq!(written_and_read("PORNOGRAFIA", "pornografía"), "PORNOGRAFIA → pornografía");
        assert_eq!(written_and_read(&format!("Buy{}now", "\u{200b}".repeat(300)), "buy now"), "Buy<U+200B>×300now → buy now");
        assert_eq!(written_and_read("p\u{200b}orn", "porn"), "p<U+200B>orn → porn");
        assert_eq!(written_and_read("fr\u{ad}\u{200d}ee", "free"), "fr<U+00AD>×2ee → free");
    }

    #[test]
    fn data_lines_skip_comments_and_split_tabs() {
        let lines: Vec<Vec<&str>> = data_lines("# c\n\nen\tporn\n  # d\nfr\tvidéo porno\n").collect();
        assert_eq!(lines, vec![vec!["en", "porn"], vec!["fr", "vidéo porno"]]);
    }
}
