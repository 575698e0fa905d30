//! Folding: a text split into the words a reader sees, each read the way a
//! person reads it, whatever characters the writer used to draw it.
//!
//! For each character, in order:
//! 1. characters that draw nothing (zero-width space/joiners, word joiner, BOM,
//!    soft hyphen, variation selectors) are dropped: the word stays whole;
//! 2. NFKC for Latin/Greek/Cyrillic text (`ｐｏｒｎ`, `𝐩𝐨𝐫𝐧`, `ﬁ`, `①`, and the
//!    styled capitals `🅿🅾🆁🅽` Unicode does not decompose), and the Latin small
//!    capitals read as their letter (`ᴘᴏʀɴ`: `unicode::small_capital`);
//! 3. UTS #39 confusables, and a few Cyrillic letters spammers draw Latin ones
//!    with that UTS #39 leaves out (`SPAM_LOOKALIKES`: `п` for n): a word whose
//!    letters are Latin or look-alikes of Latin letters (`рогп` in Cyrillic,
//!    `pаypal` with one Cyrillic `а`) is read in Latin; a word with a genuine
//!    letter of another script (`привет`) is kept;
//! 4. lowercase, `ß`/`æ`/`œ` spelled out, `ς` as `σ`; combining marks composed
//!    with their letter (`e` + U+0301 → `é`).
//!
//! Each word is given twice: `read` keeps the accents (é stays é, so French,
//! Spanish and Polish words stay apart from unaccented ones), `plain` drops them.
//! A word that mixes letters with digits or `@ $ ! |` is marked `Leet`: the
//! lexicon reads its digits as letters against each entry's own spelling. Two
//! such symbols in a row may stand inside a word (`v!@gra`), an `@` may end it
//! (`viagr@`), and `()` between letters is an `o` (`p()rn`).
//! Three or more single letters in a row (`p o r n`, `s.e.x`) are also given
//! joined, as one `Spaced` word, right after them; a leet digit alone among
//! them is one of its letters (`v.1.a.g.r.a`, `SpacedRun::flush`), as is a
//! leet symbol standing alone as a piece (`v.!.a.g.r.a`, `SpacedRun::lone_symbol`),
//! and a word of two letters hyphened to them opens or goes on with them
//! (`vi-a-g-r-a`, `v-ia-g-r-a`: `SpacedRun::pair_before`).
//!
//! Every word keeps the byte range of the original text it was read from, so a
//! finding quotes a term as written and as read. Work and memory are linear in
//! the text; words are handed to a callback one by one, never collected.

use super::lexicon::Quiet;
use super::unicode::{self, Nfkc, Props, Prototype, Script};
use std::ops::Range;

/// Longest word read, in characters; a longer run of letters is no word of any
/// lexicon and is handed on as `TooLong`, without its text (default, ours).
pub const MAX_WORD_CHARS: usize = 64;
/// Fewest single letters in a row read as one spaced-out word (`p o r n`).
pub const MIN_SPACED_LETTERS: usize = 3;

/// How a word was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Letters and digits as such.
    Plain,
    /// Letters mixed with digits or `@ $ ! |` (`p0rn`, `v1agra`, `$ex`).
    Leet,
    /// Single letters joined (`p o r n`): it follows the single-letter words it joins.
    Spaced,
    /// Longer than `MAX_WORD_CHARS`: `read` and `plain` are empty.
    TooLong,
    /// Pieces of one word split by punctuation joined (`po.rn`, `vi*agra`): it
    /// follows its pieces. The fold never makes one; the lexicon scan joins
    /// them (`lexicon::GluedRun`). `leet`: a piece is `Leet` (`p0.rn`).
    Glued { leet: bool },
}

impl WordKind {
    /// Whether its digits and symbols are read as letters (`Leet`, or `Glued` from a `Leet` piece).
    pub fn is_leet(self) -> bool {
        matches!(self, WordKind::Leet | WordKind::Glued { leet: true })
    }

    /// The kind of a word of `letters` letters and `leet_marks` digits and
    /// leet symbols (`too_long`: past `MAX_WORD_CHARS`).
    fn of(too_long: bool, letters: usize, leet_marks: usize) -> WordKind {
        if too_long {
            WordKind::TooLong
        } else if letters > 0 && leet_marks > 0 {
            WordKind::Leet
        } else {
            WordKind::Plain
        }
    }
}

/// One word of a folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte range in the original text.
    pub span: (usize, usize),
    /// As read: lowercase, compatibility forms and look-alikes folded, accents kept.
    pub read: &'a str,
    /// As read, without accents.
    pub plain: &'a str,
    pub kind: WordKind,
    /// A word of one letter (the parts of a spaced-out word), computed once
    /// when the word ends (`single_letter`) for every reader of it.
    pub single: bool,
}

impl Word<'_> {
    pub fn range(&self) -> Range<usize> {
        self.span.0..self.span.1
    }

    /// Whether its digits and symbols are read as letters: its kind's
    /// (`WordKind::is_leet`), or a spaced-out word with a leet mark (`v.1.a.g.r.a`, `LEET_MARKS`).
    #[inline(always)]
    pub fn is_leet(&self) -> bool {
        self.kind.is_leet() || (self.kind == WordKind::Spaced && self.plain.bytes().any(|b| LEET_MARKS.contains(&b)))
    }
}

/// Whether a word read `read`, of kind `kind`, is a single letter.
fn single_letter(read: &str, kind: WordKind) -> bool {
    // A letter is at most four bytes and, unless it is one ASCII byte, starts
    // with a non-ASCII byte: other words are answered without decoding.
    match read.as_bytes() {
        [b] => return matches!(kind, WordKind::Plain) && b.is_ascii_alphabetic(),
        [first, ..] if first.is_ascii() => return false,
        bytes if bytes.len() > 4 => return false,
        _ => {}
    }
    let mut chars = read.chars();
    matches!(kind, WordKind::Plain) && chars.next().is_some_and(unicode::is_alphabetic) && chars.next().is_none()
}

/// Symbols read as letters inside a word (`p@ss`, `$ex`, `v!agra`, `|ove`).
pub fn is_leet_symbol(c: char) -> bool {
    matches!(c, '@' | '$' | '!' | '|')
}

/// Whether `b` is a character that splits a word into pieces a reader joins (`po.rn`,
/// `vi*agra`, `p(o)rn`, `ci~alis`): SpamAssassin's `replace_inter W2` lets up
/// to two non-word characters stand between the letters of its fuzzy words
/// (`FUZZY_PHARMACY`, `FUZZY_PRESCRIPT`: 25_replace.cf). Of those, the ones
/// that join no words in prose (ours): not the hyphen (compounds, read word
/// by word already: `hot-sex` is "hot sex"), the apostrophe (French elision),
/// the slash (`and/or`), nor the underscore (identifiers, `in_identifier`),
/// nor the separators of lists and clauses (`,` `;` `:`).
/// Glue: `. * ( ) ~ ^ + #`.
#[inline(always)]
pub fn is_glue(b: u8) -> bool {
    matches!(b, b'.' | b'*' | b'(' | b')' | b'~' | b'^' | b'+' | b'#')
}

/// Folds `text` and hands each word to `each`, in order.
pub fn fold_words(text: &str, mut each: impl FnMut(&Word)) {
    fold_into::<true>(Folder::default(), text, &mut each, None);
}

/// `fold_words`, but a word of ASCII letters that `quiet` lets pass
/// (`lexicon::Quiet::lets_pass`) is not handed on: the lexicon scans, which
/// would pass it and stay as they were.
pub(crate) fn fold_words_quietly(text: &str, quiet: &Quiet, mut each: impl FnMut(&Word)) {
    fold_into::<true>(Folder::default(), text, &mut each, Some(quiet));
}

/// `fold_words` for many short texts (the terms of a lexicon): the word buffers
/// are kept from one text to the next instead of growing anew for each.
#[derive(Default)]
pub struct WordFolder(Folder);

impl WordFolder {
    pub fn fold_words(&mut self, text: &str, mut each: impl FnMut(&Word)) {
        let mut folder = std::mem::take(&mut self.0);
        folder.reset();
        self.0 = fold_into::<true>(folder, text, &mut each, None);
    }
}

/// The folding itself, compiled once (a callback per call site would copy it
/// into the wasm for each caller). The folder is taken and given back by value:
/// a local folder keeps its fields in registers (through a reference, the
/// corpus pass took 12 M instructions more).
///
/// `SHORTCUTS` takes a letter past ASCII that reads as itself in every form
/// (`unicode::is_plain_latin_letter`: `é`, `ą`, `ñ`) straight into the word, as
/// `push_char` would after its questions (#14: 10 MB of French text spent 384
/// instructions a letter in them), and hands on a whole word of lowercase ASCII
/// letters and digits as the text itself, without copying it into both forms
/// (`Folder::ascii_word`; #14: the copies were 8 % of a 10 MB English lint in
/// Node). Only the tests fold without them, to hold the shortcuts to the path
/// they skip.
///
/// `quiet` (`fold_words_quietly`): a whole word of two ASCII letters or more,
/// capitals among them or not, with no word going on nor a run of single
/// letters, is passed over when `quiet` lets it pass, as if handed on (the
/// word of two letters is kept as `SpacedRun::pair`, as `ascii_word` and
/// `SpacedRun::hand_on` keep it); a space after it is passed over with it, as
/// the loop passes a space after a word. So are the whole words `latin_word`
/// and `foreign_word` would hand on as written, of two letters or more (#14,
/// callgrind, 10 MB of prose: with ASCII words alone English 1,131.6 → 1,032.6 M
/// instructions, French 1,355.7 → 1,301.7, Polish 1,443.3 → 1,422.4, Russian
/// 1,927.1 → 1,935.7; with these too 1,021.7, 1,205.6, 1,317.6 and 1,873.8).
/// `quiet` looks at the next word (`next_plain_word`) for a word that starts
/// entries only as a first word (`lexicon::Quiet::first_word_passes`) and for a
/// single ASCII letter with no run going on (`lexicon::Quiet::lets_single_pass`),
/// passed when that word shows the scans would be left as they are (#14: the
/// measurements are at `lexicon::scan_together`).
///
/// Latin words: a whole word that reads as written whose plain form is ASCII
/// (`été`, `źródło`) passes as a word of ASCII letters does, with the words
/// read after it (`Quiet::passes_word`), and goes on the chain of first words
/// read ahead (`Quiet::first_words_pass`); a single one (`à`) passes as a
/// single ASCII letter (`Folder::passes_latin_word`); a word with capitals
/// (`Hôtel`, `Être`) is read whole for its plain form and passed so
/// (`capital_latin_word`), else read a letter at a time as before; a space
/// after a whole word handed on is passed with it; `whole_latin_word` reads
/// its lowercase ASCII letters in a loop of their own. #14, callgrind, one
/// lint of each 10 MB prose (native `bench --profile-load`, bef56d3 against
/// this, both built alike): French 968.0 → 817.0 M instructions (−15.6 %),
/// Polish 1,029.4 → 890.7 (−13.5 %), English 648.4 → 628.7 (−3.0 %), the
/// corpus pass 1,270.0 → 1,268.4 (−0.1 %), but Russian 1,157.2 → 1,172.8
/// (+1.3 %), which meets none of these words: the loop's own code, laid
/// out anew, spends 3 instructions more a turn (its head 18 → 21). Without
/// the capitals and with `whole_latin_word` reading eight bytes a step
/// (`ascii_run`, see there): French 923.2, Polish 1,013.2, English 628.0.
fn fold_into<const SHORTCUTS: bool>(
    mut folder: Folder,
    text: &str,
    each: &mut dyn FnMut(&Word),
    quiet: Option<&Quiet>,
) -> Folder {
    let bytes = text.as_bytes();
    let mut offset = 0;
    while offset < bytes.len() {
        let b = bytes[offset];
        if ASCII_CLASS[usize::from(b)] != 0 && folder.pending.is_none() {
            // ASCII letters and digits are most of any mail: a run of them is
            // appended at once, as `push` would append them one by one, its
            // letters counted as it is found.
            // A run with no capital (most words) is appended without lowercasing.
            let AsciiRun { end, letters, capital } = ascii_run(bytes, offset);
            let ended = bytes.get(end).is_none_or(|&b| ENDS_WORD[usize::from(b)]) && !parenthesized_o(bytes, end);
            if let Some(quiet) = quiet {
                // A whole word of letters: `Plain`, and no single letter.
                let whole = ended && folder.start.is_none() && letters == end - offset && folder.run.letters == 0;
                // ASCII letters: setting the bit of the case is lowercasing them.
                let ends = || [offset, (offset + end) / 2, end - 1].map(|at| bytes.get(at).map_or(0, |b| b | 0x20));
                if whole && (2..=MAX_WORD_CHARS).contains(&letters) {
                    // Where the fold goes on past it, and past the words
                    // `quiet` read after it and let pass (0: it is handed on),
                    // and the last word of two letters passed.
                    let (resume, pair) = quiet.passes_ascii(text, offset, end, ends);
                    if resume != 0 {
                        // Most words passed are no word of two letters, nor the words after them.
                        if pair != usize::MAX {
                            folder.run.keep_pair(bytes, pair);
                        }
                        offset = resume;
                        continue;
                    }
                }
                // A single letter (`a`, `I`, pl `w`) no run goes on with and no
                // `_` joins: passed when the next word ends the run it would
                // start (`Quiet::lets_single_pass`); no two letters hyphened
                // before it open a run with it (`SpacedRun::pair_before`).
                let alone = || folder.run.hyphen_end != offset && offset.checked_sub(1).and_then(|at| bytes.get(at)) != Some(&b'_');
                if whole && letters == 1 && alone() {
                    let (resume, pair) = quiet.lets_single_pass(text, offset, end, b | 0x20);
                    if resume != 0 {
                        folder.run.keep_pair(bytes, pair);
                        offset = resume;
                        continue;
                    }
                }
            }
            // No word going on and no capital: the run may be a whole word as written.
            let fresh = SHORTCUTS && folder.start.is_none() && !capital;
            if fresh && end - offset <= MAX_WORD_CHARS && ended {
                // What follows ends this one: it is the run. A space after it
                // is passed with it, as the loop would pass it (no word going
                // on, no symbol pending: nothing but the offset moves).
                folder.ascii_word((offset, end), &text[offset..end], letters, &mut *each);
                offset = end + usize::from(bytes.get(end) == Some(&b' '));
                continue;
            }
            if fresh && bytes.get(end).is_some_and(|b| !b.is_ascii()) {
                let mut plain = [0; MAX_WORD_CHARS];
                if let Some(found) = whole_latin_word(text, offset, &mut plain) {
                    if let Some(quiet) = quiet {
                        let (resume, pair) = Folder::passes_latin_word(quiet, text, offset, found, &plain, (folder.run.letters, folder.run.hyphen_end));
                        if resume != 0 {
                            if pair != usize::MAX {
                                folder.run.keep_pair(bytes, pair);
                            }
                            offset = resume;
                            continue;
                        }
                    }
                    // The run goes on with letters that read as themselves (`déjà`).
                    folder.latin_word(offset, text, found, &plain, &mut *each);
                    offset = found.end + usize::from(bytes.get(found.end) == Some(&b' '));
                    continue;
                }
            }
            if SHORTCUTS && capital && folder.start.is_none() && bytes.get(end).is_some_and(|b| !b.is_ascii()) {
                // A word with capitals going on past ASCII (`Hôtel`, `FAÇADE`).
                if let Some(quiet) = quiet {
                    let (resume, pair) = capital_latin_word(quiet, text, offset, (folder.run.letters, folder.run.hyphen_end));
                    if resume != 0 {
                        if pair != usize::MAX {
                            folder.run.keep_pair(bytes, pair);
                        }
                        offset = resume;
                        continue;
                    }
                }
            }
            folder.push_ascii_run(offset, &text[offset..end], letters, capital);
            offset = end;
            continue;
        }
        if b == b'(' && folder.start.is_some() && folder.pending.is_none() && parenthesized_o(bytes, offset) {
            // An `o` drawn as `()` inside a word (`p()rn`): one leet letter.
            folder.push_glyph(offset, offset + 2, 'o', &mut *each);
            offset += 2;
            continue;
        }
        if ENDS_WORD[usize::from(b)] {
            // A space or punctuation that no leet reading takes (most of them)
            // ends the word, as the branch below would find after asking; with
            // no word going on (after a whole word handed on) it only drops a
            // pending symbol, without the call.
            if folder.start.is_some() {
                if folder.pending.is_some() && letter_past_glue(bytes, offset) {
                    // `v!.agra`: the symbol is a letter of a piece the lexicon joins.
                    folder.keep_pending();
                }
                folder.end_word(&mut *each);
            } else if let Some(pending) = folder.pending.take() {
                if pending.second.is_none() {
                    // `s.@.l.o.p.e`: an `@` or `$` alone, a piece of its own.
                    folder.run.lone_symbol(pending.symbol);
                }
            }
            if b == b'-' {
                // After the word it ends (`SpacedRun::pair_before`).
                folder.run.hyphen_end = offset + 1;
            }
            offset += 1;
            continue;
        }
        if b.is_ascii() {
            if let Some((glyph, letter)) = leet_glyph(&bytes[offset..]) {
                // A letter drawn with strokes (`\/iagra`): one leet letter.
                folder.push_glyph(offset, offset + glyph, letter, &mut *each);
                offset += glyph;
                continue;
            }
            if ASCII_CLASS[usize::from(b)] == 0 && !is_leet_symbol(char::from(b)) {
                // A space or punctuation ends the word, as `push` would end it.
                folder.end_word(&mut *each);
            } else if b == b'@' && folder.start.is_some() && domain_follows(bytes, offset + 1) {
                // The sign of an address between its local part and its domain
                // (`pussy.cat@example.com`), no `a`: it ends the word.
                folder.end_word(&mut *each);
            } else {
                // No invisible, compatibility or look-alike form in ASCII.
                folder.push(offset, offset + 1, char::from(b), &mut *each);
            }
            offset += 1;
            continue;
        }
        // The characters of Greek, Cyrillic and the scripts after them
        // (`FIRST_FOREIGN_LEAD`) are asked `foreign_shortcut` before they are
        // decoded; `tried`: a foreign word was looked for at it and is not whole.
        let mut tried = false;
        if SHORTCUTS && b >= FIRST_FOREIGN_LEAD {
            match foreign_shortcut(&mut folder, quiet, text, offset, &mut *each) {
                Shortcut::Done(end) => {
                    offset = end;
                    continue;
                }
                Shortcut::Tried => tried = true,
                Shortcut::Asked => {}
            }
        }
        let Some(c) = text[offset..].chars().next() else { break };
        let end = offset + c.len_utf8();
        offset = end;
        let start = end - c.len_utf8();
        let props = Props::of(c);
        if SHORTCUTS && props.plain_latin_letter() {
            if folder.start.is_none() && folder.pending.is_none() {
                let mut plain = [0; MAX_WORD_CHARS];
                if let Some(found) = whole_latin_word(text, start, &mut plain) {
                    if let Some(quiet) = quiet {
                        let (resume, pair) = Folder::passes_latin_word(quiet, text, start, found, &plain, (folder.run.letters, folder.run.hyphen_end));
                        if resume != 0 {
                            if pair != usize::MAX {
                                folder.run.keep_pair(bytes, pair);
                            }
                            offset = resume;
                            continue;
                        }
                    }
                    // A whole word starts with it (`été`, `źródło`).
                    folder.latin_word(start, text, found, &plain, &mut *each);
                    offset = found.end + usize::from(bytes.get(found.end) == Some(&b' '));
                    continue;
                }
            }
            folder.push_plain_letter(start, end, c);
            continue;
        }
        // A word that starts with a letter of another script (not a Latin
        // capital: `École`) before U+0340 (modifier letters: `ʰ`); after it,
        // `foreign_shortcut` looked.
        let other_script = matches!(props.script(c), Some(script) if script != Script::Latin);
        if SHORTCUTS && other_script && !tried && folder.start.is_none() && folder.pending.is_none() {
            // A whole word of another script starts with it (`привет`, `σας`, `日本語`),
            // or one drawn with look-alikes (`рогп`, `по`).
            if let Some(end) = foreign_word_start(&mut folder, quiet, text, start, &mut *each) {
                offset = end;
                continue;
            }
        }
        if SHORTCUTS && u32::from(c) < 0x250 && folder.start.is_none() && folder.pending.is_none() {
            // A word that starts with a Latin capital (`Être`, `Łódź`).
            if let Some(quiet) = quiet {
                let (resume, pair) = capital_latin_word(quiet, text, start, (folder.run.letters, folder.run.hyphen_end));
                if resume != 0 {
                    if pair != usize::MAX {
                        folder.run.keep_pair(bytes, pair);
                    }
                    offset = resume;
                    continue;
                }
            }
        }
        if c == RIGHT_TO_LEFT_OVERRIDE {
            // What follows is drawn right to left, up to the pop or the end of
            // the paragraph (UAX #9, X6 and X8): `\u{202E}argaiv` shows
            // "viagra". It is read as shown; each of its words points at the
            // whole run, since its letters are not in reading order.
            let run_end = text[end..].find(OVERRIDE_ENDS).map_or(text.len(), |at| end + at);
            for c in text[end..run_end].chars().rev() {
                push_char(&mut folder, start, run_end, c, &mut *each);
            }
            offset = run_end;
            continue;
        }
        push_known_char(&mut folder, start, end, c, props, &mut *each);
    }
    folder.end_word(&mut *each);
    folder.run.flush(&mut *each);
    folder
}

/// A letter of another script at `start` of `text`, where no word is going
/// on and no symbol is pending: the word it starts read whole once, as a
/// foreign word or as one drawn with look-alikes of ASCII (`рогп`, `по`:
/// `Folder::lookalike_word`); where the fold goes on, or `None` when it is
/// neither (the loop reads it letter by letter). Out of the loop (#14,
/// callgrind: a first version, which also tested each two-byte letter from
/// the foreign table before the loop decoded it, had 10 MB of English prose
/// take 11.8 M instructions more, French 26.5 M, Polish 23.3 M and the corpus
/// pass 4.8 M (+0.31 %), though they hold no such word; this one 9.2, 5.6, 4.4
/// and 3.7 M, Russian 1,873.7 → 1,501.4 M).
///
/// A space right after the word is passed with it (`past_space`).
#[inline(never)]
fn foreign_word_start(folder: &mut Folder, quiet: Option<&Quiet>, text: &str, start: usize, each: &mut dyn FnMut(&Word)) -> Option<usize> {
    let found = whole_foreign_word(text, start)?;
    if found.foreign {
        folder.whole_foreign_word(quiet, start, text, found, each);
        return Some(past_space(text, found.end));
    }
    let mut read = [0; MAX_WORD_CHARS];
    if lookalike_word(text.as_bytes(), start, found, &mut read) {
        folder.lookalike_word(quiet, text, start, found, &read, each);
        return Some(past_space(text, found.end));
    }
    None
}

/// A whole word of letters that read as themselves and capitals at `start`
/// of `text` (`read_latin_word` with capitals: `Hôtel`, `Être`), where no
/// word is going on and no symbol is pending, passed as `quiet` lets it pass
/// (`Folder::passes_latin_word`): the fold would read it a letter at a time
/// into a `Plain` word, its capitals lowercase, whose plain form is the one
/// read, and hand it on as the word starts nothing. Where the fold goes on
/// and the last word of two letters passed, or 0 (the loop reads it letter
/// by letter). Out of the loop: few words are so.
///
/// #14, callgrind, one lint of 10 MB of prose: see `fold_into`'s Latin words.
#[inline(never)]
fn capital_latin_word(quiet: &Quiet, text: &str, start: usize, run: (usize, usize)) -> (usize, usize) {
    let mut plain = [0; MAX_WORD_CHARS];
    match read_latin_word::<true>(text, start, &mut plain) {
        Some(found) => Folder::passes_latin_word(quiet, text, start, found, &plain, run),
        None => (0, usize::MAX),
    }
}

/// Where the fold's loop goes on after a word it read whole (or a character
/// that ended one: `foreign_shortcut`) at `end` of `text`, leaving no word
/// going on and no symbol pending: past a space right after it, which the
/// loop would pass as it is (`ENDS_WORD`: with no word going on and no symbol
/// pending, a byte that ends a word and is no hyphen changes nothing), as the
/// quiet ASCII words pass theirs (`lexicon::Quiet::passes_ascii`). #14,
/// callgrind: the loop's turn for a space was 44 instructions, 10 MB of
/// Russian prose holds a million of them after words.
#[inline(always)]
fn past_space(text: &str, end: usize) -> usize {
    end + usize::from(text.as_bytes().get(end) == Some(&b' '))
}

/// The first byte of U+0340, where the characters of two UTF-8 bytes past
/// the Latin letters, their marks and most combining marks end (Greek at
/// U+0370, Cyrillic, Armenian, Hebrew, Arabic), and those of three and four
/// bytes: `foreign_shortcut` is asked of those only, a Latin letter past
/// ASCII (`é`, `ą`: first bytes 0xC3 to 0xC9) never.
const FIRST_FOREIGN_LEAD: u8 = 0xcd;

/// What `foreign_shortcut` did with a character.
enum Shortcut {
    /// Read, with the word it starts or ends: the loop goes on here.
    Done(usize),
    /// A foreign word was looked for at it (`foreign_word_start`) and is not
    /// whole: the loop reads it letter by letter, without looking again.
    Tried,
    /// Nothing: the loop asks its questions.
    Asked,
}

/// The loop's shortcut for a character past ASCII at `at` of `text` whose
/// first byte is `FIRST_FOREIGN_LEAD` or more, read from its class in the
/// foreign tables (`foreign_char_at`) before the loop decodes it and asks
/// its properties: a character that no word holds and that draws as itself
/// (`ENDS_FOREIGN_WORD`: `«`, `—`, `’`, `。`, emoji) ends the word going on,
/// as `push_known_char` ends it after its questions (`symbol_or_end`: no leet
/// symbol is past ASCII), and a space after it is passed (`past_space`); a
/// letter of a script other than Latin (`OPENS_FOREIGN`: `п`, `σ`, `日`) with
/// no word going on and no symbol pending is where the loop would look for a
/// whole foreign word after its questions (`foreign_word_start`). Any other
/// character is left to the loop.
///
/// #14, callgrind, one lint (native `bench --profile-load`): each foreign
/// word's first letter had been decoded, asked `unicode::props::of` and its
/// script (about 70 instructions in the loop, a million words in 10 MB of
/// Russian prose), each emoji of 10 MB of English prose with emoji asked
/// `push_known_char`'s questions. With the pieces below (the walk, the
/// look-alike walk, the read forms, the quiet capitals, the space after a
/// word, `unicode::push_stripped`), on bef56d3: Russian 1,157.2 → 1,030.0 M
/// (−11.0 %), the fold inclusive 740.7 → 613.4 M; English with emoji 1,354.5 →
/// 1,270.6 M (−6.2 %); English 648.4 → 651.9 (+0.5 %: no byte past ASCII in
/// it, its loop compiled otherwise), French 968.0 → 968.7 (+0.1 %), Polish
/// 1,029.4 → 1,025.6 (−0.4 %), the corpus pass 1,270.1 → 1,271.2 (+0.1 %).
/// Tried: this function out of the loop (`#[inline(never)]`) and the loop's
/// own look for a foreign word left to it (the first byte from 0xCA, U+0280,
/// where the letters of other scripts begin): Russian 1,052.0, English with
/// emoji 1,289.8, English 653.4 (+0.8 %).
#[inline(always)]
fn foreign_shortcut(folder: &mut Folder, quiet: Option<&Quiet>, text: &str, at: usize, each: &mut dyn FnMut(&Word)) -> Shortcut {
    let bytes = text.as_bytes();
    let class_and_len = match (bytes.get(at), bytes.get(at + 1)) {
        // Two bytes (the text is UTF-8: a continuation byte follows), read
        // from the table here (through `foreign_char_at`, a call, 50
        // instructions a Russian word).
        (Some(&b), Some(&next)) if b < 0xe0 => Some((foreign_two_bytes(usize::from(b & 0x1f) << 6 | usize::from(next & 0x3f)), 2)),
        _ => foreign_char_at(text, at),
    };
    let Some((class, len)) = class_and_len else { return Shortcut::Asked };
    if class & ENDS_FOREIGN_WORD != 0 {
        folder.end_word(each);
        return Shortcut::Done(past_space(text, at + len));
    }
    if class & OPENS_FOREIGN == 0 || folder.start.is_some() || folder.pending.is_some() {
        return Shortcut::Asked;
    }
    match foreign_word_start(folder, quiet, text, at, each) {
        Some(end) => Shortcut::Done(end),
        None => Shortcut::Tried,
    }
}

/// A whole word `whole_latin_word` found: where it ends, its letters and
/// characters, and whether its plain form is the ASCII it wrote (else the
/// plain form of one of its letters is past ASCII: `ə`, `þ`).
#[derive(Clone, Copy)]
struct LatinWord {
    end: usize,
    letters: usize,
    chars: usize,
    ascii_plain: bool,
}

/// The whole word at `from` in `text`, of lowercase ASCII letters and digits
/// and letters that read as themselves (`unicode::is_plain_latin_letter`) but
/// for those spelled out (`ß`, `æ`, `œ`), ended by a byte that `ENDS_WORD` or
/// by the text's end, of at most `MAX_WORD_CHARS` characters; `None` for any
/// other. Such a word reads as written: `Folder::latin_word` hands on the text
/// itself (#14: copied a character at a time into the word, French and Polish
/// words were a fifth of a 10 MB lint's fold). Its plain form is written into
/// `plain` a byte a character as the word is read, when each letter's is ASCII
/// (`é` → `e`, `ł` → `l`): a letter of two bytes is read from a table
/// (`latin_two_bytes`) instead of decoded, asked its properties and stripped
/// again by `unicode::push_stripped` (#14: those were a fifth of a 10 MB
/// Polish lint in Node).
///
/// Its lowercase ASCII letters are read in a loop of their own, the other
/// bytes asked their class (#14, callgrind, one lint of 10 MB of prose: each
/// byte asked `ascii_in_word` took 140.9 M instructions of French and 199.4 M
/// of Polish, about 200 a word; eight bytes a step by `ascii_run`, the runs
/// copied by `copy_from_slice`, 155.9 and 206.7 M: most runs are of one to
/// three bytes, and each copy a call of `memcpy`; see `fold_into`'s Latin
/// words for this one). The test
/// `a_latin_word_is_read_as_a_byte_at_a_time_reads_it` holds it to that
/// reading.
fn whole_latin_word(text: &str, from: usize, plain: &mut [u8; MAX_WORD_CHARS]) -> Option<LatinWord> {
    read_latin_word::<false>(text, from, plain)
}

/// `whole_latin_word`, or with `CAPITALS` the same reading of a word that
/// may also hold capitals (`Hôtel`, `Être`, `ŁÓDŹ`): ASCII capitals, and
/// letters of two bytes that the fold reads as their own lowercase, one
/// letter whose plain form is ASCII (`latin_capital_two_bytes`), their
/// plain form written lowercase into `plain`. Such a word is not read as
/// written (its capitals are read lowercase): only its plain form is asked
/// (`capital_latin_word`).
#[inline(always)]
fn read_latin_word<const CAPITALS: bool>(text: &str, from: usize, plain: &mut [u8; MAX_WORD_CHARS]) -> Option<LatinWord> {
    let bytes = text.as_bytes();
    let (mut at, mut letters, mut chars, mut ascii_plain) = (from, 0, 0, true);
    loop {
        // Lowercase ASCII letters, most of a word's bytes, their own plain
        // form, in a loop of their own (a 65th character ends the reading).
        let run = at;
        while let Some(&b) = bytes.get(at) {
            if !b.is_ascii_lowercase() {
                break;
            }
            *plain.get_mut(chars)? = b;
            at += 1;
            chars += 1;
        }
        letters += at - run;
        let Some(&b) = bytes.get(at) else { break };
        // The character's plain form when it is one ASCII byte (0 when not).
        let stripped = if b.is_ascii() {
            let class = ASCII_CLASS[usize::from(b)];
            if class == 0 {
                // No letter nor digit: the word ends, or is not taken whole (a
                // leet symbol or the start of a leet glyph), or goes on past an
                // `o` drawn as `()` (`parenthesized_o`).
                if !ENDS_WORD[usize::from(b)] || parenthesized_o(bytes, at) {
                    return None;
                }
                break;
            }
            if !CAPITALS && class & CAPITAL != 0 {
                return None;
            }
            // A digit, or a capital read lowercase (setting the bit of the
            // case lowercases a letter and leaves a digit as it is).
            letters += usize::from(class & ASCII_LETTER);
            at += 1;
            b | 0x20
        } else if b < 0xe0 {
            // Two bytes (the text is UTF-8: a continuation byte follows).
            let point = usize::from(b & 0x1f) << 6 | usize::from(bytes.get(at + 1)? & 0x3f);
            let mut stripped = latin_two_bytes(point);
            if CAPITALS && stripped == NOT_PLAIN_LATIN {
                stripped = latin_capital_two_bytes(point);
            }
            if stripped == NOT_PLAIN_LATIN {
                return None;
            }
            letters += 1;
            at += 2;
            stripped
        } else {
            let c = text.get(at..)?.chars().next()?;
            if !unicode::is_plain_latin_letter(c) || is_spelled_out(c) {
                return None;
            }
            letters += 1;
            at += c.len_utf8();
            ascii_plain_form(c)
        };
        if stripped == 0 {
            ascii_plain = false;
        } else if let Some(slot) = plain.get_mut(chars) {
            *slot = stripped;
        }
        chars += 1;
        if chars > MAX_WORD_CHARS {
            return None;
        }
    }
    Some(LatinWord { end: at, letters, chars, ascii_plain })
}

/// The plain form of `c` (`unicode::strip_accents`) as its ASCII byte, or 0
/// when it is past ASCII.
fn ascii_plain_form(c: char) -> u8 {
    let stripped = unicode::strip_accents(c);
    if stripped.is_ascii() { stripped as u8 } else { 0 }
}

/// What a scan for a whole word (`whole_latin_word`, `whole_foreign_word`)
/// makes of an ASCII byte.
enum AsciiInWord {
    /// A lowercase letter (`letter`) or a digit of the word.
    Part { letter: bool },
    /// A byte that ends the word (`ENDS_WORD`).
    Ends,
    /// A capital, a leet symbol or the start of a leet glyph: the word is not taken whole.
    NotWhole,
}

#[inline(always)]
fn ascii_in_word(b: u8) -> AsciiInWord {
    let class = ASCII_CLASS[usize::from(b)];
    match class {
        0 if ENDS_WORD[usize::from(b)] => AsciiInWord::Ends,
        0 => AsciiInWord::NotWhole,
        _ if class & CAPITAL != 0 => AsciiInWord::NotWhole,
        _ => AsciiInWord::Part { letter: class & ASCII_LETTER != 0 },
    }
}

/// A whole word of another script (`whole_foreign_word`): where it ends, its
/// letters and its characters.
#[derive(Debug, Clone, Copy)]
struct ForeignWord {
    end: usize,
    letters: usize,
    chars: usize,
    /// Whether a letter's plain form is another (else the word is its own plain form).
    strips: bool,
    /// Whether a letter is read as another (`foreign_read`; else the word is read as written).
    read_otherwise: bool,
    /// Whether a letter is of a script other than Latin with no look-alike
    /// (`OTHER_SCRIPT`): the word is foreign. Else its letters past ASCII are
    /// all look-alikes (or Latin letters), read as such (`lookalike_word`).
    foreign: bool,
}

/// The whole word at `from` in `text` when it is of another script: letters
/// with no compatibility form, each read as one letter (itself, its lowercase,
/// the final sigma as a sigma: `foreign_read`), and lowercase ASCII letters
/// and digits, at least one letter of a script other than Latin with no
/// look-alike (so the word is foreign and its look-alikes read as written:
/// `привет`, `Привет`, `σας`, `日本語`; `foreign`), ended by a byte that `ENDS_WORD`, by a
/// character past ASCII that is no letter or digit and draws as itself (`«`,
/// `—`, `。`), or by the text's end; its forms (the one read through
/// look-alikes too) no longer than `MAX_WORD_CHARS`. `None` for any other:
/// such a word is handed on as the text itself or as its letters read
/// (`Folder::foreign_word`; #14: each letter asked the folder's questions and
/// copied into both forms was most of a 10 MB Russian lint in Node). A word
/// of such letters none of which is foreign is given too, `foreign` false
/// (`рогп`, `по`: `lookalike_word` reads it).
///
/// The classes of its letters are or-ed into one byte and those of two
/// bytes read from their page of the table, in a loop of their own while
/// the letters stay on it, bounded by the limit instead of counting against
/// it at each letter (#14, callgrind, 10 MB of Russian prose: this walk was 75
/// instructions a letter, 338.5 M of 1,873.7 M; with the look-alike words
/// read whole (`lookalike_word`) the whole lint 1,501.4 M, the walk and the
/// handing on of the word together, `foreign_word_start`, 356.4 M of it, the
/// walk 37 instructions a letter of its 4.29 million; 24 in this loop).
fn whole_foreign_word(text: &str, from: usize) -> Option<ForeignWord> {
    let bytes = text.as_bytes();
    let (mut at, mut digits, mut chars, mut read_as_two, mut classes) = (from, 0, 0, 0, 0);
    'word: while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            match ascii_in_word(b) {
                // The word goes on past an `o` drawn as `()` (`parenthesized_o`).
                AsciiInWord::Ends if parenthesized_o(bytes, at) => return None,
                AsciiInWord::Ends => break,
                AsciiInWord::NotWhole => return None,
                AsciiInWord::Part { letter } => digits += usize::from(!letter),
            }
            (at, chars) = (at + 1, chars + 1);
        } else if b < 0xe0 {
            // Two bytes: this letter and the letters after it on the same
            // page of 256 (a first byte that differs from this one in its last
            // two bits at most: the whole of a Russian word's) are read from
            // that page in this loop, the page asked once.
            let (page, lead) = (FOREIGN_TWO_BYTES.page(usize::from(b & 0x1f) << 6, 0, foreign_two_bytes_class)?, b & !3);
            // No further than one letter past the limit (the look-alike
            // reading, never shorter, is held to it after this loop).
            let stop = bytes.len().min(at + 2 * (MAX_WORD_CHARS + 1 - chars.min(MAX_WORD_CHARS)));
            // The text is UTF-8: a continuation byte follows each first byte.
            while let Some(&[b, next]) = bytes.get(at..stop).and_then(|rest| rest.first_chunk::<2>()) {
                if b & !3 != lead {
                    break;
                }
                let class = page[usize::from(b & 3) << 6 | usize::from(next & 0x3f)];
                if class & IN_FOREIGN_WORD == 0 {
                    if class & ENDS_FOREIGN_WORD != 0 {
                        break 'word;
                    }
                    return None;
                }
                classes |= class;
                read_as_two += usize::from(class & READ_AS_TWO != 0);
                (at, chars) = (at + 2, chars + 1);
            }
            if chars > MAX_WORD_CHARS {
                return None;
            }
        } else {
            let (class, len) = foreign_char_at(text, at)?;
            if class & IN_FOREIGN_WORD == 0 {
                if class & ENDS_FOREIGN_WORD != 0 {
                    break;
                }
                return None;
            }
            classes |= class;
            read_as_two += usize::from(class & READ_AS_TWO != 0);
            (at, chars) = (at + len, chars + 1);
        }
        // The look-alike reading, its letters read as two counted twice.
        if chars + read_as_two > MAX_WORD_CHARS {
            return None;
        }
    }
    // Both counts only grow: past the limit here is past it at some letter.
    if chars + read_as_two > MAX_WORD_CHARS {
        return None;
    }
    // The look-alike reading is never shorter than the word: both are within the limit.
    Some(ForeignWord {
        end: at,
        letters: chars - digits,
        chars,
        strips: classes & STRIPS != 0,
        read_otherwise: classes & READ_OTHERWISE != 0,
        foreign: classes & OTHER_SCRIPT != 0,
    })
}

/// Whether the whole word `found` at `from` of `bytes`, none of whose letters
/// is foreign (`whole_foreign_word`), is drawn with look-alikes of ASCII
/// characters only (`рогп` porn, `по` no, `за` 3a: `lookalike_two_bytes`)
/// besides its ASCII letters and digits, its reading then written into
/// `read`: what the folder's questions would read it as, letter by letter
/// (`letter_form`, `end_word`: the look-alike reading, ASCII, its own plain
/// form). Such words (`с`, `по`, `как`, `так`, `от`, `проект`) are a fifth
/// of the words of 10 MB of Russian prose, each letter of which had been asked
/// the folder's questions after this walk (#14, callgrind: `push_known_char`,
/// `push_known`, `letter_form`, `spell_out` and `end_word` 203.3, 59.8, 90.5,
/// 48.5 and 90.5 M inclusive of 1,873.7 M; the lint 1,501.4 M with them read
/// whole, −19.9 %; English 1,021.5 → 1,030.7 M, French 1,203.3 → 1,208.9,
/// Polish 1,315.9 → 1,320.3, the corpus pass 1,571.5 → 1,575.2 (+0.24 %), the
/// fold's loop compiled otherwise though no such word is in them).
fn lookalike_word(bytes: &[u8], from: usize, found: ForeignWord, read: &mut [u8; MAX_WORD_CHARS]) -> bool {
    if found.foreign || found.chars > MAX_WORD_CHARS {
        return false;
    }
    let (mut at, mut chars) = (from, 0);
    // The page of two-byte letters last read, by the first byte's bits above
    // its last two (#14: its table asked at each letter, this walk took 32
    // instructions a letter of 10 MB of Russian prose under callgrind).
    let mut page: (u8, Option<&[u8; 256]>) = (0, None);
    while at < found.end {
        let Some(&b) = bytes.get(at) else { return false };
        let ascii = if b.is_ascii() {
            at += 1;
            b
        } else if b < 0xe0 {
            let Some(&next) = bytes.get(at + 1) else { return false };
            at += 2;
            let point = usize::from(b & 0x1f) << 6 | usize::from(next & 0x3f);
            if page.0 != b & !3 {
                page = (b & !3, LOOKALIKE_TWO_BYTES.page(point, 0, lookalike_ascii));
            }
            page.1.map_or(0, |page| page[point & 0xff])
        } else {
            0
        };
        let Some(slot) = read.get_mut(chars).filter(|_| ascii != 0) else { return false };
        *slot = ascii;
        chars += 1;
    }
    chars == found.chars
}

/// The ASCII character a letter of two UTF-8 bytes in a whole word that is
/// not foreign (`whole_foreign_word`) is read as: the prototype of a
/// look-alike taken whole (`foreign_class`: no foreign letter, not read as
/// two) that is one ASCII character (`unicode::confusable`, `spam_lookalike`),
/// lowercased as `letter_form` writes it; 0 for any other. From its
/// `unicode::TwoByteTables`, from those questions.
#[cfg(test)]
fn lookalike_two_bytes(point: usize) -> u8 {
    LOOKALIKE_TWO_BYTES.get(point, 0, lookalike_ascii)
}

/// The tables of `lookalike_two_bytes`.
static LOOKALIKE_TWO_BYTES: unicode::TwoByteTables = unicode::TwoByteTables::new();

/// `lookalike_two_bytes` of `c`, asked.
fn lookalike_ascii(c: char) -> u8 {
    let class = if c.is_ascii() { 0 } else { foreign_class(c) };
    if class & IN_FOREIGN_WORD == 0 || class & (OTHER_SCRIPT | READ_AS_TWO) != 0 {
        return 0;
    }
    match Props::of(c).confusable(c).or_else(|| spam_lookalike(c)) {
        Some(Prototype::Char(p)) if p.is_ascii() => p.to_ascii_lowercase() as u8,
        _ => 0,
    }
}

/// `foreign_class` of a character past ASCII, from the tables.
fn foreign_class_of(c: char) -> u8 {
    match c.len_utf8() {
        1 => 0,
        2 => foreign_two_bytes(c as usize),
        3 => foreign_three_bytes(c),
        _ => foreign_four_bytes(c),
    }
}

/// `foreign_class` of the character past ASCII at `at` in `text`, and its length.
fn foreign_char_at(text: &str, at: usize) -> Option<(u8, usize)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(at)?;
    Some(if b < 0xe0 {
        // Two bytes (the text is UTF-8: a continuation byte follows).
        let point = usize::from(b & 0x1f) << 6 | usize::from(bytes.get(at + 1)? & 0x3f);
        (foreign_two_bytes(point), 2)
    } else {
        let c = text.get(at..)?.chars().next()?;
        let class = match c.len_utf8() {
            3 => foreign_three_bytes(c),
            _ => foreign_four_bytes(c),
        };
        (class, c.len_utf8())
    })
}

/// `foreign_class` of a character of three UTF-8 bytes (U+0800 to U+FFFF: CJK,
/// Hangul, Thai, Devanagari, the punctuation between their words), computed on
/// its first use and kept in a table of 64 KiB made on the first use of one of
/// them (#14: the questions asked of each character were a fifth of a 10 MB
/// Chinese lint in Node). A character at a time (`unicode::CharAnswers`), not a
/// page of 256: a short message would have its first lint ask them of thousands
/// of characters.
fn foreign_three_bytes(c: char) -> u8 {
    static CLASSES: unicode::CharAnswers = unicode::CharAnswers::new();
    CLASSES.get(c as usize, 0x1_0000, || foreign_class(c))
}

/// `foreign_class` of a character of four UTF-8 bytes, those of the plane
/// after the BMP (U+10000 to U+1FFFF: emoji, mathematical letters) kept as
/// `foreign_three_bytes` keeps its own, in a table of 64 KiB made on the first
/// use of one of them (as `unicode::props` keeps their properties); those of
/// the planes after it asked each time (#14, callgrind, 10 MB of English
/// prose with 537,768 emoji: `push_known_char` and what it asked were 86.7 M
/// instructions; the emoji read here by the loop's shortcut, through
/// `foreign_char_at`, 35.1 M, and the fold inclusive 679.6 → 595.7 M).
fn foreign_four_bytes(c: char) -> u8 {
    static CLASSES: unicode::CharAnswers = unicode::CharAnswers::new();
    CLASSES.get((c as usize).wrapping_sub(0x1_0000), 0x1_0000, || foreign_class(c))
}

/// What `foreign_class` says of a character: a letter a whole foreign word
/// may hold (no compatibility form, nothing invisible or combining, read as
/// one letter); …
const IN_FOREIGN_WORD: u8 = 1;
/// … of another script, with no look-alike (the word is foreign);
const OTHER_SCRIPT: u8 = 2;
/// … a look-alike read as two letters (`ґ` r');
const READ_AS_TWO: u8 = 4;
/// … whose plain form is another (`ё` е, `ά` α);
const STRIPS: u8 = 8;
/// … read as another letter (`foreign_read`: a capital, the final sigma).
const READ_OTHERWISE: u8 = 16;
/// A character that ends the word: no letter or digit, drawn as itself (`«`, `—`, `。`).
const ENDS_FOREIGN_WORD: u8 = 32;
/// Any character: a letter of a script other than Latin (`unicode::script`),
/// where the fold's loop looks for a whole foreign word (`foreign_shortcut`).
const OPENS_FOREIGN: u8 = 64;


/// What `whole_foreign_word` makes of a character past ASCII (0: it cannot
/// take the word whole), from the folder's questions: its properties, its
/// look-alike (a prototype of more than two letters is not taken), and its
/// plain form.
fn foreign_class(c: char) -> u8 {
    let props = Props::of(c);
    let opens = match props.script(c) {
        Some(script) if script != Script::Latin => OPENS_FOREIGN,
        _ => 0,
    };
    opens | foreign_letter_class(c, props)
}

/// `foreign_class` but `OPENS_FOREIGN`.
fn foreign_letter_class(c: char, props: Props) -> u8 {
    // A small capital is read as its letter (`push_known_char`), though its block
    // (Phonetic Extensions) is not of the Latin script's letters here.
    if unicode::small_capital(c).is_some() {
        return 0;
    }
    let drawn = props.nfkc(c).is_none() && !unicode::is_invisible(c) && !unicode::is_combining_mark(c);
    if !props.alphanumeric() {
        return if drawn { ENDS_FOREIGN_WORD } else { 0 };
    }
    if !(drawn && props.alphabetic()) {
        return 0;
    }
    let Some(read) = foreign_read(c, props) else { return 0 };
    let mut class = IN_FOREIGN_WORD;
    if read != c {
        class |= READ_OTHERWISE;
    }
    match props.confusable(c).or_else(|| spam_lookalike(c)) {
        Some(Prototype::Str(s)) => match s.chars().count() {
            2 => class |= READ_AS_TWO,
            _ => return 0,
        },
        Some(Prototype::Char(_)) => {}
        None if !matches!(props.script(c), Some(Script::Latin)) => class |= OTHER_SCRIPT,
        None => {}
    }
    if unicode::strip_accents(read) != read {
        class |= STRIPS;
    }
    class
}

/// The one character a letter of a whole foreign word is read as, as
/// `letter_form` and `spell_out` write it: the letter, its lowercase (`П` п,
/// `Σ` σ), or the final sigma as a sigma; `None` for a letter read as two or
/// as a letter spelled out (`İ`, `ß`, `Æ`).
fn foreign_read(c: char, props: Props) -> Option<char> {
    if c == 'ς' {
        return Some('σ');
    }
    let read = match props.own_lowercase() {
        true => c,
        false => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(lower), None) => lower,
                _ => return None,
            }
        }
    };
    (!is_spelled_out(read)).then_some(read)
}

/// `foreign_class` of a character of two UTF-8 bytes (U+0080 to U+07FF: the
/// letters of Greek, Cyrillic, Armenian, Hebrew and Arabic), from its
/// `unicode::TwoByteTables` (#14: the questions asked of each letter were the
/// most of a 10 MB Russian lint's folding).
fn foreign_two_bytes(point: usize) -> u8 {
    FOREIGN_TWO_BYTES.get(point, 0, foreign_two_bytes_class)
}

/// The tables of `foreign_two_bytes`.
static FOREIGN_TWO_BYTES: unicode::TwoByteTables = unicode::TwoByteTables::new();

/// `foreign_class` of a character of two UTF-8 bytes, asked (0 for ASCII).
fn foreign_two_bytes_class(c: char) -> u8 {
    if c.is_ascii() {
        0
    } else {
        foreign_class(c)
    }
}

/// `latin_two_bytes`'s mark of a character `whole_latin_word` ends at.
const NOT_PLAIN_LATIN: u8 = 0xff;

/// For a character of two UTF-8 bytes (U+0080 to U+07FF), what
/// `whole_latin_word` asks of it: `NOT_PLAIN_LATIN` when it is no plain Latin
/// letter or is spelled out, else its plain form when that is ASCII
/// (`unicode::strip_accents`), else 0. From its `unicode::TwoByteTables`, from
/// those questions.
fn latin_two_bytes(point: usize) -> u8 {
    static TABLES: unicode::TwoByteTables = unicode::TwoByteTables::new();
    TABLES.get(point, NOT_PLAIN_LATIN, |c| match unicode::is_plain_latin_letter(c) && !is_spelled_out(c) {
        true => ascii_plain_form(c),
        false => NOT_PLAIN_LATIN,
    })
}

/// For a character of two UTF-8 bytes, what `read_latin_word` with capitals
/// asks of it past `latin_two_bytes`: the ASCII byte of its plain form when
/// it is a letter of Latin-1 Supplement or Latin Extended-A or -B (U+00C0 to
/// U+024F) that the fold reads as one letter, its own lowercase, with no
/// look-alike (`É` é, `Ł` ł), whose plain form is that byte (`unicode::push_stripped`),
/// else `NOT_PLAIN_LATIN`. Asked of the fold itself, on the letter followed
/// by `z`: inside a word the fold reads such a letter as at its start
/// (`push_known_char`), and the letters after it as after any letter.
fn latin_capital_two_bytes(point: usize) -> u8 {
    static TABLES: unicode::TwoByteTables = unicode::TwoByteTables::new();
    TABLES.get(point, NOT_PLAIN_LATIN, latin_capital_answer)
}

/// `latin_capital_two_bytes` of `c`.
#[cold]
fn latin_capital_answer(c: char) -> u8 {
    let mut lower = c.to_lowercase();
    let (Some(l), None) = (lower.next(), lower.next()) else { return NOT_PLAIN_LATIN };
    if !('\u{c0}'..='\u{24f}').contains(&c) {
        return NOT_PLAIN_LATIN;
    }
    let (text, expected) = (format!("{c}z"), format!("{l}z"));
    let mut answer = NOT_PLAIN_LATIN;
    let mut words = 0;
    fold_words(&text, |w| {
        words += 1;
        if let [b, b'z'] = *w.plain.as_bytes() {
            if w.kind == WordKind::Plain && !w.single && w.span == (0, text.len()) && w.read == expected && b.is_ascii_lowercase() {
                answer = b;
            }
        }
    });
    if words == 1 { answer } else { NOT_PLAIN_LATIN }
}

/// `ASCII_CLASS` of a lowercase ASCII letter, and the bit of every letter; a
/// capital is `ASCII_CAPITAL`, a digit `ASCII_DIGIT`, any other byte 0.
const ASCII_LETTER: u8 = 1;
const ASCII_DIGIT: u8 = 2;
/// The bit of a capital letter's class.
const CAPITAL: u8 = 4;
const ASCII_CAPITAL: u8 = ASCII_LETTER | CAPITAL;
/// Each byte's class, looked up once per byte of a run of letters and digits
/// (testing three ranges twice, to find the run and to count its letters, was
/// a seventh of a fold).
const ASCII_CLASS: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_uppercase() {
            ASCII_CAPITAL
        } else if byte.is_ascii_lowercase() {
            ASCII_LETTER
        } else if byte.is_ascii_digit() {
            ASCII_DIGIT
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// A run of ASCII letters and digits (`ascii_run`): where it ends, its
/// letters, and whether one is a capital.
#[derive(Debug, PartialEq)]
struct AsciiRun {
    end: usize,
    letters: usize,
    capital: bool,
}

/// The run of ASCII letters and digits of `bytes` at `from`, eight bytes a
/// step as the lanes of a `u64` (#14: a byte at a time, with its class looked
/// up, this loop was over a quarter of the fold's own instructions on English
/// text; most words fit in one step), the last bytes one by one. Its letters
/// are its bytes but its digits, and digits are counted only in a step that
/// has a capital or a digit (#14: counting the lowercase lanes of every step,
/// with `count_ones`, a software popcount on x86-64's baseline, was 13 % of
/// the fold's own instructions on 10 MB of English prose under callgrind).
#[inline(always)]
fn ascii_run(bytes: &[u8], from: usize) -> AsciiRun {
    use super::{ascii_bytes_between, HIGH};
    let (mut end, mut digit_count, mut capitals) = (from, 0, 0);
    while let Some(eight) = bytes.get(end..end + 8).and_then(|rest| rest.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*eight);
        let lower = ascii_bytes_between(x, b'a' - 1, b'z' + 1);
        let mut outside = !lower & HIGH;
        if outside != 0 && ASCII_CLASS[usize::from(eight[(outside.trailing_zeros() / 8) as usize & 7])] != 0 {
            // A capital or a digit before the run ends (most runs are
            // lowercase letters up to a space, a mark or an accented letter).
            let upper = ascii_bytes_between(x, b'A' - 1, b'Z' + 1);
            let digits = ascii_bytes_between(x, b'0' - 1, b'9' + 1);
            outside = !(lower | upper | digits) & HIGH;
            // The lanes before the first outside the run (all eight when none is);
            // above it the mask keeps only outside lanes, which no range marks.
            let inside = outside.wrapping_sub(1);
            capitals |= upper & inside;
            digit_count += super::marked_lanes(digits & inside);
        }
        if outside != 0 {
            end += outside.trailing_zeros() as usize / 8;
            return AsciiRun { end, letters: end - from - digit_count, capital: capitals != 0 };
        }
        end += 8;
    }
    let mut capital = capitals != 0;
    while let Some(&b) = bytes.get(end) {
        let class = ASCII_CLASS[usize::from(b)];
        if class == 0 {
            break;
        }
        digit_count += usize::from(class & ASCII_LETTER == 0);
        capital |= class & CAPITAL != 0;
        end += 1;
    }
    AsciiRun { end, letters: end - from - digit_count, capital }
}

/// ASCII bytes that end a word whatever follows: neither a letter nor a digit,
/// nor the first byte of a leet glyph (`leet_glyph`) or a leet symbol
/// (`is_leet_symbol`); the fold's loop ends the word at one without asking
/// those two (#14: a tenth of the fold's own instructions on English text).
const ENDS_WORD: [bool; 256] = {
    let mut ends = [false; 256];
    let mut b = 0;
    while b < 128 {
        ends[b] = ASCII_CLASS[b] == 0 && !matches!(b as u8, b'|' | b'/' | b'\\' | b'@' | b'$' | b'!');
        b += 1;
    }
    ends
};

/// U+202E RIGHT-TO-LEFT OVERRIDE.
const RIGHT_TO_LEFT_OVERRIDE: char = '\u{202e}';
/// What ends an override: POP DIRECTIONAL FORMATTING, or the end of a paragraph (UAX #9, P1).
const OVERRIDE_ENDS: [char; 5] = ['\u{202c}', '\n', '\r', '\u{2029}', '\u{85}'];

/// A non-ASCII character `c` of the text at `start..end`, handed to the folder
/// as drawn: nothing for a character that draws nothing, its compatibility form.
fn push_char(folder: &mut Folder, start: usize, end: usize, c: char, each: &mut dyn FnMut(&Word)) {
    match c.is_ascii() {
        true => folder.push(start, end, c, each),
        false => push_known_char(folder, start, end, c, Props::of(c), each),
    }
}

/// `push_char` of a character past ASCII whose properties are `props`.
fn push_known_char(folder: &mut Folder, start: usize, end: usize, c: char, props: Props, each: &mut dyn FnMut(&Word)) {
    if unicode::is_invisible(c) {
        if folder.start.is_some() {
            folder.end = folder.end.max(end);
        }
        return;
    }
    if let Some(capital) = unicode::small_capital(c) {
        // Drawn as its capital at x-height: read as that letter, as NFKC reads a styled one.
        return push_char(folder, start, end, capital, each);
    }
    match props.nfkc(c) {
        Some(Nfkc::Char(d)) => folder.push(start, end, d, each),
        Some(Nfkc::Str(s)) => {
            for d in s.chars() {
                folder.push(start, end, d, each);
            }
        }
        None => folder.push_known(start, end, c, props, each),
    }
}

/// Cyrillic small letters read as a Latin letter inside a word otherwise
/// drawn with look-alikes, which UTS #39 `confusables.txt` does not map to it:
/// `п` n, `к` k, `м` m, `т` t. Each is in SpamAssassin 4.0's `replace_tag` of
/// that letter (25_replace.cf), the list of the characters spammers
/// substitute; of that list only the small letters of the Russian alphabet
/// drawn like the small Latin letter or its small capital are kept, not those
/// read as another letter reversed or as a capital (`и`, `я`, `н`, `в`: ours).
/// A word with another Cyrillic letter (`привет`, `пишите`) stays Cyrillic.
/// The Greek small letters `η` n and `τ` t are in the same lists (replace_tag
/// N and T) and are drawn like them (`pοrη`, `puτtane`); a Greek word with
/// another Greek letter (`ευχαριστώ`, `λάβαμε`) stays Greek, as a Russian one
/// stays Russian.
const SPAM_LOOKALIKES: [(char, char); 6] = [('к', 'k'), ('м', 'm'), ('п', 'n'), ('т', 't'), ('η', 'n'), ('τ', 't')];

/// The Latin letter a Cyrillic or Greek letter stands for in spam (`SPAM_LOOKALIKES`).
fn spam_lookalike(c: char) -> Option<Prototype> {
    SPAM_LOOKALIKES.iter().find(|&&(from, _)| from == c).map(|&(_, to)| Prototype::Char(to))
}

/// Letters drawn with strokes, the longest first: `\/` is v, as SpamAssassin
/// 4.0's `replace_tag V` reads it (25_replace.cf); the others (`|\|` n, `|\/|`
/// m, `|-|` h, …) are the same trick with other letters (default, ours). A
/// word drawn so is read only against the lexicons' own spellings, as leet is.
const LEET_GLYPHS: [(&[u8], char); 10] = [
    (b"|\\/|", 'm'),
    (b"/\\/\\", 'm'),
    (b"\\/\\/", 'w'),
    (b"|\\|", 'n'),
    (b"/\\/", 'n'),
    (b"|-|", 'h'),
    (b"|_|", 'u'),
    (b"\\/", 'v'),
    (b"/\\", 'a'),
    (b"|<", 'k'),
];

/// Whether `bytes` at `at` draw an `o` inside a word: `()` followed by a letter
/// or digit (`p()rn`, `c()ck`), as the leet tables draw it (Wikipedia "Leet",
/// its table of letters: O is `0` or `()`; default, ours, that it is read only
/// between a word's letters: `f()` in code, `(see above)` in prose stay punctuation).
#[inline(always)]
fn parenthesized_o(bytes: &[u8], at: usize) -> bool {
    bytes.get(at..at + 3).is_some_and(|b| b[0] == b'(' && b[1] == b')' && b[2].is_ascii_alphanumeric())
}

/// Most bytes between a word and the next that `next_plain_word` looks past
/// (ours: spaces and punctuation between two words of prose are one to three).
const MAX_LOOKAHEAD_GAP: usize = 8;

/// The word that the fold will hand on right after a whole word ending at
/// `end` of `text` that it passed over or handed on (no word going on, no
/// symbol pending, no run of single letters), when that word is certainly a
/// `Plain` word of two to `MAX_WORD_CHARS` letters with an ASCII plain form,
/// in no identifier (`lexicon::in_identifier`): its length and its plain
/// form's first, middle and last bytes (lowercase: `lexicon::filter_slot`'s
/// parts). The bytes between are bytes that end a word (`ENDS_WORD`) but `_`,
/// at most `MAX_LOOKAHEAD_GAP` of them: the loop passes them without handing
/// on anything, and reads the word after them as a whole: a run of ASCII
/// letters (`ascii_run`) ended as the loop ends one (`ENDS_WORD`, no `()`
/// after it), or a word of letters that read as themselves whose plain
/// forms are ASCII (`whole_latin_word`, as the loop takes it: from a lowercase
/// run of ASCII letters followed by a byte past ASCII, or from a letter past
/// ASCII); no `_` after it. `None` for any other (`lexicon::Quiet::lets_pass`
/// then hands the word on).
#[cfg(test)]
#[inline(always)]
pub(crate) fn next_plain_word(text: &str, end: usize) -> Option<(usize, [u8; 3])> {
    next_word(text, end).map(|next| (next.len, next.ends))
}

/// The word `next_plain_word` reads after a whole word: where it is, its
/// length and its plain form's first, middle and last bytes, and whether it
/// is a whole run of ASCII letters (`ascii`: the loop would take it in its
/// ASCII branch, `Quiet::lets_pass` on these same parts; else a word
/// `whole_latin_word` takes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NextWord {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) len: usize,
    pub(crate) ends: [u8; 3],
    pub(crate) ascii: bool,
}

/// `next_plain_word`, with where the word is and how the loop reads it (`NextWord`).
#[inline(always)]
pub(crate) fn next_word(text: &str, end: usize) -> Option<NextWord> {
    let bytes = text.as_bytes();
    // The gap, a byte at a time (most often one space).
    let mut start = end;
    loop {
        let b = *bytes.get(start)?;
        if !ENDS_WORD[usize::from(b)] || b == b'_' {
            break;
        }
        start += 1;
        if start > end + MAX_LOOKAHEAD_GAP {
            return None;
        }
    }
    if start == end || bytes.get(start) == Some(&b'_') {
        return None;
    }
    let AsciiRun { end: after, letters, capital } = ascii_run(bytes, start);
    match bytes.get(after) {
        // A whole word of ASCII letters (`ascii_word`, or the loop's word of capitals).
        next if next.is_none_or(|&b| ENDS_WORD[usize::from(b)] && b != b'_') => {
            if letters != after - start || !(2..=MAX_WORD_CHARS).contains(&letters) || parenthesized_o(bytes, after) {
                return None;
            }
            let ends = [start, (start + after) / 2, after - 1].map(|at| bytes.get(at).map_or(0, |b| b | 0x20));
            Some(NextWord { start, end: after, len: letters, ends, ascii: true })
        }
        // A whole word that reads as written (`latin_word`), taken where the loop takes it.
        Some(&next) if !next.is_ascii() && !capital => next_latin_word(text, start),
        _ => None,
    }
}

/// `next_word` of a word that `whole_latin_word` takes whole, at `start` of `text`.
#[inline(never)]
fn next_latin_word(text: &str, start: usize) -> Option<NextWord> {
    let mut plain = [0; MAX_WORD_CHARS];
    let found = whole_latin_word(text, start, &mut plain)?;
    let chars = found.chars;
    if !found.ascii_plain || found.letters != chars || !(2..=MAX_WORD_CHARS).contains(&chars) || text.as_bytes().get(found.end) == Some(&b'_') {
        return None;
    }
    let ends = [0, chars / 2, chars - 1].map(|at| plain.get(at).copied().unwrap_or(0));
    Some(NextWord { start, end: found.end, len: chars, ends, ascii: false })
}

/// The letter drawn by the strokes at the start of `bytes`, and their length.
#[inline(always)]
fn leet_glyph(bytes: &[u8]) -> Option<(usize, char)> {
    if !matches!(bytes.first(), Some(b'|' | b'/' | b'\\')) {
        return None;
    }
    LEET_GLYPHS.iter().find(|(glyph, _)| bytes.starts_with(glyph)).map(|(glyph, letter)| (glyph.len(), *letter))
}

/// Longest domain read after an `@` (RFC 1035 §2.3.4: 255 octets; default,
/// ours, that no more is looked at).
const MAX_DOMAIN_BYTES: usize = 255;

/// Whether `bytes` at `from` (right after an `@`) start a domain: labels of
/// letters, digits and hyphens (bytes past ASCII taken as an internationalised
/// name's letters), two or more, joined by dots, the last starting with a
/// letter (RFC 1035 §2.3.1's preferred name syntax; a top-level domain is never
/// all digits). Then the `@` is an address's (`pussy.cat@example.com`), not a
/// leet `a` (`v!@gra`, `pornogr@fi@`, no dot; SpamAssassin's body rules match
/// its `[a4@…]` only between letters of a word). A leet word that is a domain
/// (`vi@gra.com`) is an address: its link is read by the link rules.
fn domain_follows(bytes: &[u8], from: usize) -> bool {
    let end = bytes.len().min(from.saturating_add(MAX_DOMAIN_BYTES));
    let Some(domain) = bytes.get(from..end) else { return false };
    let (mut labels, mut label_len, mut label_start) = (0, 0, 0);
    for (at, &b) in domain.iter().enumerate() {
        match b {
            b'.' if label_len > 0 => (labels, label_len) = (labels + 1, 0),
            b'.' => break,
            b'-' if label_len > 0 => label_len += 1,
            _ if b.is_ascii_alphanumeric() || !b.is_ascii() => {
                if label_len == 0 {
                    label_start = at;
                }
                label_len += 1;
            }
            _ => break,
        }
    }
    // The last label ended the domain (not a dot: `a@b.` is one label).
    labels >= 1 && label_len > 0 && domain.get(label_start).is_some_and(|b| b.is_ascii_alphabetic() || !b.is_ascii())
}

/// Whether the byte at `at` of `bytes` is glue (`is_glue`) or a hyphen with a
/// letter or digit right after it: a leet symbol pending before it (`v!.agra`,
/// `v!-a-g-r-a`) is a letter of the piece it ends, as SpamAssassin's fuzzy
/// rules read `!` as i (`replace_tag I`) with up to two non-word characters
/// between letters (`<inter W2>`, 25_replace.cf); before a space, a line end or
/// other punctuation (`now!`, `100$.`) it is punctuation.
#[cold]
fn letter_past_glue(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(|&b| is_glue(b) || b == b'-') && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
}

/// The folded words of `text` as (read, plain) pairs, spaced-out words included.
pub fn words(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    fold_words(text, |w| out.push((w.read.to_string(), w.plain.to_string())));
    out
}

/// A leet symbol seen inside or before a word, kept until the next character
/// says whether it belongs to the word (`p@ss`) or is punctuation (`free!`).
#[derive(Debug, Clone, Copy)]
struct Pending {
    start: usize,
    symbol: char,
    /// A second symbol right after it inside a word (`v!@gra`).
    second: Option<char>,
}

#[derive(Default)]
struct Folder {
    /// Start of the current word in the original text.
    start: Option<usize>,
    end: usize,
    /// The word with look-alikes read as Latin letters, once it differs from
    /// `unmapped` (`split`); until then `unmapped` holds both.
    mapped: String,
    /// The word with its letters as they are.
    unmapped: String,
    /// Characters in `mapped` and in `unmapped`.
    mapped_chars: usize,
    unmapped_chars: usize,
    uses_lookalike: bool,
    /// Whether `mapped` holds its own text. Most words read the same in both
    /// forms (all of an ASCII text): one form is written, not two.
    split: bool,
    /// A letter of a non-Latin script with no Latin look-alike: a word of that script.
    foreign: bool,
    letters: usize,
    leet_marks: usize,
    too_long: bool,
    pending: Option<Pending>,
    /// The current run of single-letter words.
    run: SpacedRun,
    plain: String,
}

/// A run of single-letter words (`s p a c e d`), read as one word when it is
/// long enough (`MIN_SPACED_LETTERS`).
#[derive(Default)]
struct SpacedRun {
    read: String,
    plain: String,
    start: usize,
    end: usize,
    letters: usize,
    /// Single leet digits in the run (`v.1.a.g.r.a`, `LEET_DIGITS`).
    digits: usize,
    /// Of those, the ones after its last letter (left out of it).
    trailing: usize,
    /// The run before its first digit: lengths of `read` and `plain`, its end
    /// and letters (handed on as well, as it was read before digits joined runs).
    before_digits: (usize, usize, usize, usize),
    /// The last word of two ASCII letters: its span and letters, lowercase
    /// (`vi-a-g-r-a`: `pair_before`).
    pair: (usize, usize, [u8; 2]),
    /// Just past the last hyphen of the text (0: none yet).
    hyphen_end: usize,
}

/// Digits the lexicon reads as letters (`lexicon::leet_letters`): one of them
/// alone between single letters is a letter of the spaced-out word
/// (`v.1.a.g.r.a`, `p 0 r n`), as SpamAssassin's fuzzy rules read `<inter W2>`
/// between letters that may each be a digit (`replace_tag I [il|!1y?…]`,
/// `O [go0…]`: 25_replace.cf).
const LEET_DIGITS: &[u8] = b"013457";

/// Whether a `Leet` word's two characters are an ASCII letter and
/// a leet mark (`LEET_MARKS`) written together, either way round (`v1`, `1a`,
/// `v!`): a piece of a spaced-out word (`v1-a-g-r-a`, `v!.a.g.r.a`), as
/// SpamAssassin's fuzzy rules read any letter as its digit or symbol with up
/// to two non-word characters between any two (25_replace.cf).
fn letter_and_mark(read: &str, kind: WordKind) -> bool {
    kind == WordKind::Leet
        && match read.as_bytes() {
            [x, y] => (x.is_ascii_lowercase() && LEET_MARKS.contains(y)) || (y.is_ascii_lowercase() && LEET_MARKS.contains(x)),
            _ => false,
        }
}

/// The leet digits, and the leet symbols the lexicon reads as letters
/// (`lexicon::leet_letters`: `!` and `|` i, `$` s, `@` a).
const LEET_MARKS: &[u8] = b"013457!|$@";

/// The two lowercase letters of a word read `read`, of kind `kind`, when it is
/// two ASCII letters (`vi`).
fn two_letters(read: &str, kind: WordKind) -> Option<[u8; 2]> {
    match read.as_bytes() {
        [x, y] if kind == WordKind::Plain && x.is_ascii_lowercase() && y.is_ascii_lowercase() => Some([*x, *y]),
        _ => None,
    }
}

impl SpacedRun {
    /// Keeps the word of two ASCII letters at `start` of `bytes` that the
    /// fold's loop passed over quietly (`lexicon::Quiet::passes_ascii`) as
    /// `pair`, lowercase, as `hand_on` keeps one handed on; `usize::MAX`: none.
    #[inline(always)]
    fn keep_pair(&mut self, bytes: &[u8], start: usize) {
        if let Some(&[x, y]) = bytes.get(start..start.saturating_add(2)) {
            self.pair = (start, start + 2, [x.to_ascii_lowercase(), y.to_ascii_lowercase()]);
        }
    }

    /// Hands on a word that ended at `span`: a single letter goes on with the
    /// run, as does a leet digit after one, and a letter and a leet mark written
    /// together (`v1-a-g-r-a`, `letter_and_mark`); any other word ends it first.
    fn hand_on(&mut self, span: (usize, usize), read: &str, plain: &str, kind: WordKind, each: &mut dyn FnMut(&Word)) {
        let single = single_letter(read, kind);
        let pair = two_letters(read, kind);
        if single {
            if self.letters == 0 && self.pair_before(span.0) {
                // `vi-a-g-r-a`: the two letters before the hyphen open the run.
                let (start, end, [x, y]) = self.pair;
                for letter in [[x], [y]] {
                    let letter = std::str::from_utf8(&letter).unwrap_or_default();
                    self.letter((start, end), letter, letter, each);
                }
            }
            self.letter(span, read, plain, each);
        } else if let Some(letters) = pair.filter(|_| self.letters > 0 && self.hyphen_end == span.0 && self.end + 1 == span.0) {
            // `v-ia-g-r-a`: two letters hyphened to the run go on with it.
            for letter in letters {
                let letter = [letter];
                let letter = std::str::from_utf8(&letter).unwrap_or_default();
                self.letter(span, letter, letter, each);
            }
        } else if self.letters > 0 && matches!(read.as_bytes(), [d] if LEET_DIGITS.contains(d)) && self.letters + self.digits < MAX_WORD_CHARS {
            // A leet digit between single letters goes on with the run (`v.1.a.g.r.a`).
            self.mark(read, plain);
        } else if letter_and_mark(read, kind) {
            // Both go on with the run (or start one) in their order.
            if self.letters + self.digits + 2 > MAX_WORD_CHARS {
                self.flush(each);
            }
            for at in 0..2 {
                let piece = read.get(at..at + 1).unwrap_or_default();
                match piece.as_bytes() {
                    [b] if b.is_ascii_alphabetic() => self.letter(span, piece, piece, each),
                    _ if self.letters > 0 => self.mark(piece, piece),
                    _ => {}
                }
            }
        } else if self.letters > 0 {
            self.flush(each);
        }
        if let Some(letters) = pair {
            self.pair = (span.0, span.1, letters);
        }
        each(&Word { span, read, plain, kind, single });
    }

    /// Whether the word of two letters seen last (`pair`) ends with a hyphen
    /// right before `start`, where a single letter starts: a spaced-out word
    /// hyphened in pieces of one or two letters (`vi-a-g-r-a`), as
    /// SpamAssassin's fuzzy rules let up to two non-word characters stand
    /// between any two letters (`<inter W2>`, 25_replace.cf). Hyphens only
    /// (ours): a two-letter word before spaced letters is prose (`to a b c`).
    fn pair_before(&self, start: usize) -> bool {
        self.hyphen_end == start && self.pair.1 + 1 == start && self.pair.1 > self.pair.0
    }

    /// A leet symbol standing alone between the run's letters (`v.!.a.g.r.a`,
    /// `s.@.l.o.p.e`) goes on with it as one of its marks, as a leet digit
    /// does (`mark`); left out when no letter follows.
    fn lone_symbol(&mut self, symbol: char) {
        if self.letters > 0 && self.letters + self.digits < MAX_WORD_CHARS {
            let mut buffer = [0; 4];
            let symbol = symbol.encode_utf8(&mut buffer);
            self.mark(symbol, symbol);
        }
    }

    /// A single letter, at `span`, goes on with the run (or starts it).
    fn letter(&mut self, span: (usize, usize), read: &str, plain: &str, each: &mut dyn FnMut(&Word)) {
        if self.letters == 0 {
            self.start = span.0;
        }
        if self.letters + self.digits >= MAX_WORD_CHARS {
            self.flush(each);
            self.start = span.0;
        }
        self.read.push_str(read);
        self.plain.push_str(plain);
        self.end = span.1;
        self.letters += 1;
        self.trailing = 0;
    }

    /// A leet mark after the run's letters goes on with it (left out of it
    /// when no letter follows: `trailing`).
    fn mark(&mut self, read: &str, plain: &str) {
        if self.digits == 0 {
            self.before_digits = (self.read.len(), self.plain.len(), self.end, self.letters);
        }
        self.read.push_str(read);
        self.plain.push_str(plain);
        self.digits += 1;
        self.trailing += 1;
    }

    /// Hands on the run as one `Spaced` word when it is long enough, and empties it.
    /// With digits, the letters before the first digit are handed on first, as
    /// they were read alone before digits joined runs (`p o r n 2 u`: `porn`), then
    /// the whole run but its trailing digits, when it spells at least
    /// `MIN_SPACED_LETTERS` letters and no more digits than letters (ours: `s 3 x`,
    /// `t 1 t`, a grid's `a 5 b` stay single characters).
    fn flush(&mut self, each: &mut dyn FnMut(&Word)) {
        let digits = self.digits - self.trailing;
        if digits > 0 {
            let (read, plain, end, letters) = self.before_digits;
            if letters >= MIN_SPACED_LETTERS {
                let (r, p) = (&self.read[..read], &self.plain[..plain]);
                each(&Word { span: (self.start, end), read: r, plain: p, kind: WordKind::Spaced, single: false });
            }
            if self.letters >= MIN_SPACED_LETTERS && digits <= self.letters {
                let (r, p) = (&self.read[..self.read.len() - self.trailing], &self.plain[..self.plain.len() - self.trailing]);
                each(&Word { span: (self.start, self.end), read: r, plain: p, kind: WordKind::Spaced, single: false });
            }
        } else if self.letters >= MIN_SPACED_LETTERS {
            let (r, p) = (&self.read[..self.read.len() - self.trailing], &self.plain[..self.plain.len() - self.trailing]);
            each(&Word { span: (self.start, self.end), read: r, plain: p, kind: WordKind::Spaced, single: false });
        }
        self.read.clear();
        self.plain.clear();
        self.letters = 0;
        self.digits = 0;
        self.trailing = 0;
    }
}

impl Folder {
    /// A fresh folder that keeps the buffers of this one.
    fn reset(&mut self) {
        let mut buffers = [
            std::mem::take(&mut self.mapped),
            std::mem::take(&mut self.unmapped),
            std::mem::take(&mut self.run.read),
            std::mem::take(&mut self.run.plain),
            std::mem::take(&mut self.plain),
        ];
        buffers.iter_mut().for_each(String::clear);
        let [mapped, unmapped, run_read, run_plain, plain] = buffers;
        let run = SpacedRun { read: run_read, plain: run_plain, ..SpacedRun::default() };
        *self = Folder { mapped, unmapped, run, plain, ..Folder::default() };
    }

    fn push(&mut self, offset: usize, end: usize, c: char, each: &mut dyn FnMut(&Word)) {
        match c.is_ascii() {
            true => self.push_ascii(offset, end, c, each),
            false => self.push_known(offset, end, c, Props::of(c), each),
        }
    }

    /// `push` of an ASCII character.
    fn push_ascii(&mut self, offset: usize, end: usize, c: char, each: &mut dyn FnMut(&Word)) {
        if c.is_ascii_alphanumeric() {
            self.go_on(offset, end);
            self.ascii_letter_or_digit(c);
            return;
        }
        self.symbol_or_end(offset, c, each);
    }

    /// `push` of a character past ASCII whose properties are `props`.
    fn push_known(&mut self, offset: usize, end: usize, c: char, props: Props, each: &mut dyn FnMut(&Word)) {
        if unicode::is_combining_mark(c) {
            if self.start.is_some() && self.pending.is_none() {
                if !self.too_long {
                    if self.split {
                        compose_last(&mut self.mapped, c);
                    }
                    compose_last(&mut self.unmapped, c);
                }
                self.end = end;
            }
            return;
        }
        if props.alphanumeric() {
            self.go_on(offset, end);
            self.letter_or_digit(c, props);
            return;
        }
        self.symbol_or_end(offset, c, each);
    }

    /// A character that is no letter or digit: a leet symbol kept pending, or
    /// the end of the word.
    fn symbol_or_end(&mut self, offset: usize, c: char, each: &mut dyn FnMut(&Word)) {
        if is_leet_symbol(c) {
            let in_word = self.start.is_some();
            // `@`/`$` may open a word (`$ex`, `@ss`); `!`/`|` only continue one (`v!agra`).
            let opens = matches!(c, '@' | '$');
            if self.pending.is_none() && (in_word || opens) {
                self.pending = Some(Pending { start: offset, symbol: c, second: None });
                return;
            }
            // Two symbols in a row inside a word (`v!@gra`, `c!@lis`): at most
            // two letters in a row drawn so, as SpamAssassin's `<inter W2>`
            // lets two characters stand between letters (25_replace.cf).
            if let Some(pending) = self.pending.as_mut().filter(|p| in_word && p.second.is_none()) {
                pending.second = Some(c);
                return;
            }
            if !in_word && self.pending.is_none() {
                // `!`/`|` alone after a run's letter (`v.!.a.g.r.a`).
                self.run.lone_symbol(c);
            }
            // A third is no letter: the symbols before it end no word (`v!@$`).
            self.pending = None;
        }
        self.end_word(each);
    }

    /// The symbols pending after the word are letters of it (`letter_past_glue`).
    #[cold]
    fn keep_pending(&mut self) {
        if let Some(pending) = self.pending.filter(|_| self.start.is_some() && self.letters > 0) {
            let end = pending.start + 1 + usize::from(pending.second.is_some());
            self.go_on(pending.start, end);
        }
    }

    /// A letter or digit at `offset..end` goes on with the word or starts it,
    /// after the symbol pending before it (`p@ss`).
    fn go_on(&mut self, offset: usize, end: usize) {
        if let Some(pending) = self.pending.take() {
            if self.start.is_none() {
                self.start = Some(pending.start);
            }
            self.append(pending.symbol, pending.symbol, false);
            self.leet_marks += 1;
            if let Some(second) = pending.second {
                self.append(second, second, false);
                self.leet_marks += 1;
            }
        }
        if self.start.is_none() {
            self.start = Some(offset);
        }
        self.end = end;
    }

    /// `push` of a letter that reads as itself (`unicode::is_plain_latin_letter`):
    /// no combining mark, an alphabetic letter in its own lowercase, no
    /// look-alike, Latin (so the word stays Latin), appended as `letter_form`
    /// appends it.
    fn push_plain_letter(&mut self, offset: usize, end: usize, c: char) {
        self.go_on(offset, end);
        self.letters += 1;
        self.append(c, c, false);
    }

    /// A letter drawn with strokes (`leet_glyph`): a letter of the word that
    /// marks it as leet, as a digit standing for a letter does.
    fn push_glyph(&mut self, offset: usize, end: usize, letter: char, each: &mut dyn FnMut(&Word)) {
        self.push(offset, end, letter, each);
        self.leet_marks += 1;
    }

    /// `push` of each character of `run`, ASCII letters and digits (`letters`
    /// of them letters, capitals among them when `capitals`), with no symbol
    /// pending: the word goes on (or starts) with them.
    // Inlined into its one caller, the fold's loop (once the loop grew the
    // plain-letter shortcut, the compiler left it a call: +50 M instructions on
    // 10 MB of English text).
    #[inline(always)]
    fn push_ascii_run(&mut self, offset: usize, run: &str, letters: usize, capitals: bool) {
        if self.start.is_none() {
            self.start = Some(offset);
        }
        self.end = offset + run.len();
        self.letters += letters;
        self.leet_marks += run.len() - letters;
        if self.too_long {
            return;
        }
        // As `append_mapped`/`append_unmapped` one character at a time: once a
        // form passes MAX_WORD_CHARS the word is too long and neither is read.
        let room = (MAX_WORD_CHARS + 1).saturating_sub(self.mapped_chars.max(self.unmapped_chars));
        // `run` is ASCII, so any byte index is a character boundary.
        let kept = &run[..run.len().min(room)];
        if self.split {
            push_lowercase(&mut self.mapped, kept, capitals);
        }
        push_lowercase(&mut self.unmapped, kept, capitals);
        self.mapped_chars += run.len();
        self.unmapped_chars += run.len();
        if self.mapped_chars > MAX_WORD_CHARS || self.unmapped_chars > MAX_WORD_CHARS {
            self.too_long = true;
        }
    }

    fn ascii_letter_or_digit(&mut self, c: char) {
        if c.is_ascii_alphabetic() {
            self.letters += 1;
        } else {
            self.leet_marks += 1;
        }
        let lower = c.to_ascii_lowercase();
        self.append(lower, lower, false);
    }

    /// A letter or digit past ASCII whose properties are `props`.
    fn letter_or_digit(&mut self, c: char, props: Props) {
        if props.alphabetic() {
            self.letters += 1;
        } else {
            self.leet_marks += 1;
        }
        let prototype = props.confusable(c).or_else(|| spam_lookalike(c));
        if props.own_lowercase() {
            return self.letter_form(c, c, prototype, props);
        }
        for lower in c.to_lowercase() {
            self.letter_form(c, lower, prototype, props);
        }
    }

    /// One lowercase character `lower` of the letter or digit `c` (whose
    /// properties are `props`), in both forms.
    fn letter_form(&mut self, c: char, lower: char, prototype: Option<Prototype>, props: Props) {
        match prototype {
            Some(Prototype::Char(p)) => self.append(p.to_ascii_lowercase(), lower, true),
            Some(Prototype::Str(s)) => {
                self.split();
                for p in s.chars() {
                    self.append_mapped(p.to_ascii_lowercase());
                }
                self.append_unmapped(lower);
                self.uses_lookalike = true;
            }
            None => {
                // A letter of another script; a digit (`٣`) is of none.
                if matches!(props.script(c), Some(script) if script != Script::Latin) {
                    self.foreign = true;
                }
                self.append(lower, lower, false);
            }
        }
    }

    fn append(&mut self, mapped: char, unmapped: char, lookalike: bool) {
        self.uses_lookalike |= lookalike;
        if mapped == unmapped && !self.split {
            // Both forms go on alike: `unmapped` holds them, and both counts move.
            self.append_unmapped(unmapped);
            self.mapped_chars = self.unmapped_chars;
            return;
        }
        self.split();
        self.append_mapped(mapped);
        self.append_unmapped(unmapped);
    }

    /// Gives `mapped` its own text, the word so far, before the forms differ.
    fn split(&mut self) {
        if !self.split {
            self.split = true;
            self.mapped.clear();
            self.mapped.push_str(&self.unmapped);
        }
    }

    fn append_mapped(&mut self, c: char) {
        if self.too_long {
            return;
        }
        self.mapped_chars += spell_out(c, &mut self.mapped);
        if self.mapped_chars > MAX_WORD_CHARS {
            self.too_long = true;
        }
    }

    fn append_unmapped(&mut self, c: char) {
        if self.too_long {
            return;
        }
        self.unmapped_chars += spell_out(c, &mut self.unmapped);
        if self.unmapped_chars > MAX_WORD_CHARS {
            self.too_long = true;
        }
    }

    /// Ends the current word (a pending symbol after it was punctuation) and hands it on.
    fn end_word(&mut self, each: &mut dyn FnMut(&Word)) {
        // An `a` drawn as `@` ends a word (`viagr@`, SpamAssassin's
        // `replace_tag A` reads `@` as a: 25_replace.cf); `!`, `$` and `|` after
        // a word are its punctuation or currency (`now!`, `100$`).
        if let Some(pending) = self.pending.filter(|p| p.second.unwrap_or(p.symbol) == '@') {
            if self.start.is_some() && self.letters > 0 {
                self.append(pending.symbol, pending.symbol, false);
                self.leet_marks += 1;
                self.end = pending.start + 1;
                if let Some(second) = pending.second {
                    // `pornogr@f!@`: the last two letters drawn so.
                    self.append(second, second, false);
                    self.leet_marks += 1;
                    self.end += 1;
                }
            }
        }
        self.pending = None;
        let Some(start) = self.start.take() else { return };
        let span = (start, self.end);
        let kind = WordKind::of(self.too_long, self.letters, self.leet_marks);
        let read = if self.too_long {
            ""
        } else if self.uses_lookalike && !self.foreign && self.split {
            self.mapped.as_str()
        } else {
            self.unmapped.as_str()
        };
        // ASCII has no accents to drop: `plain` is `read` itself, not a copy.
        let plain: &str = if read.is_ascii() {
            read
        } else {
            self.plain.clear();
            unicode::push_stripped(read, &mut self.plain);
            &self.plain
        };
        self.run.hand_on(span, read, plain, kind, each);
        self.mapped.clear();
        self.unmapped.clear();
        self.mapped_chars = 0;
        self.unmapped_chars = 0;
        self.uses_lookalike = false;
        self.split = false;
        self.foreign = false;
        self.letters = 0;
        self.leet_marks = 0;
        self.too_long = false;
    }

    /// A whole word of ASCII letters and digits without a capital, `word` in
    /// the text at `span`, with no word going on: it reads as written, so the
    /// text itself is handed on as both forms, as `push_ascii_run` and
    /// `end_word` would hand on their copy of it.
    #[inline(always)]
    fn ascii_word(&mut self, span: (usize, usize), word: &str, letters: usize, each: &mut dyn FnMut(&Word)) {
        // Its digits are its leet marks, as `push_ascii_run` counts them.
        let kind = WordKind::of(false, letters, word.len() - letters);
        if word.len() > 1 && self.run.letters == 0 && !(word.len() == 2 && kind == WordKind::Leet) {
            if let Some(letters) = two_letters(word, kind) {
                // It may open a hyphened run (`vi-a-g-r-a`: `SpacedRun::pair_before`).
                self.run.pair = (span.0, span.1, letters);
            }
            // No single letter, no letter and leet mark that may start a run
            // (`letter_and_mark`), and no run of them to end: handed on as
            // `hand_on` would, without its call (#14: a tenth of a 10 MB
            // English text's lint in Node).
            return each(&Word { span, read: word, plain: word, kind, single: false });
        }
        self.run.hand_on(span, word, word, kind, each);
    }

    /// A whole word that reads as written (`whole_latin_word`), `found` at
    /// `start` in `text`, with no word going on: handed on as the text itself
    /// and its plain form (the ASCII `whole_latin_word` wrote, or else
    /// `unicode::push_stripped` of it), as `push_ascii_run`, `push_plain_letter`
    /// and `end_word` would hand on their copies; a word of two characters or
    /// more with no run of single letters to end without `SpacedRun::hand_on`,
    /// as `ascii_word` does.
    fn latin_word(
        &mut self,
        start: usize,
        text: &str,
        found: LatinWord,
        plain: &[u8; MAX_WORD_CHARS],
        each: &mut dyn FnMut(&Word),
    ) {
        let (span, word) = ((start, found.end), &text[start..found.end]);
        let kind = WordKind::of(false, found.letters, found.chars - found.letters);
        let ascii = plain.get(..found.chars).filter(|_| found.ascii_plain).and_then(|b| std::str::from_utf8(b).ok());
        let plain = match ascii {
            Some(plain) => plain,
            None => {
                self.plain.clear();
                unicode::push_stripped(word, &mut self.plain);
                &self.plain
            }
        };
        if found.chars > 1 && self.run.letters == 0 {
            return each(&Word { span, read: word, plain, kind, single: false });
        }
        self.run.hand_on(span, word, plain, kind, each);
    }

    /// Whether a whole word that reads as written (`whole_latin_word`), `found`
    /// at `start` of `text`, with no word going on, is passed as `quiet` lets
    /// it pass, as `latin_word` would hand it on, and where the fold goes on
    /// then: a `Plain` word with no run of single letters to end, whose plain
    /// form is the ASCII `plain` holds, of two letters or more, passed with
    /// the words after it that pass with it, as a word of ASCII letters is
    /// (`Quiet::passes_word`); or a single letter (`à`) no `_` joins and no two
    /// letters hyphened before it open a run with (`SpacedRun::pair_before`),
    /// passed as a single ASCII letter is (`Quiet::lets_single_pass`: the next
    /// word ends the run it would start). No word of two ASCII letters is
    /// among them: the last one passed after it is kept (`SpacedRun::pair`).
    ///
    /// #14, callgrind, one lint of 10 MB of prose (native `bench
    /// --profile-load`): see `fold_into`'s Latin words.
    ///
    /// Where the fold goes on, 0 when the word is handed on; and the start of
    /// the last word of two letters passed after it (`usize::MAX`: none),
    /// which the loop keeps (`SpacedRun::keep_pair`).
    ///
    /// The folder's run of single letters is given as its `letters` and
    /// `hyphen_end` (`run`), not as a reference to the folder (tried against
    /// the Russian cost noted at `fold_into`'s Latin words: no change).
    #[inline(always)]
    fn passes_latin_word(quiet: &Quiet, text: &str, start: usize, found: LatinWord, plain: &[u8; MAX_WORD_CHARS], run: (usize, usize)) -> (usize, usize) {
        let chars = found.chars;
        if !found.ascii_plain || found.letters != chars || chars == 0 || run.0 != 0 {
            return (0, usize::MAX);
        }
        if chars > 1 {
            let ends = || [0, chars / 2, chars - 1].map(|at| plain.get(at).copied().unwrap_or(0));
            return quiet.passes_word(text, start, found.end, chars, ends);
        }
        if run.1 != start && start.checked_sub(1).and_then(|at| text.as_bytes().get(at)) != Some(&b'_') {
            let (resume, pair) = quiet.lets_single_pass(text, start, found.end, plain[0]);
            // The letter is two bytes or more, no word of two letters.
            return (resume, if pair == start { usize::MAX } else { pair });
        }
        (0, usize::MAX)
    }

    /// A whole word of another script (`whole_foreign_word`), `found` at
    /// `start` in `text`, with no word going on: read as written and its plain
    /// form the text itself, passed when `quiet` lets it pass, as `foreign_word`
    /// would hand it on; else handed on (`foreign_word`).
    fn whole_foreign_word(&mut self, quiet: Option<&Quiet>, start: usize, text: &str, found: ForeignWord, each: &mut dyn FnMut(&Word)) {
        let bytes = text.as_bytes();
        let as_written = !found.read_otherwise && !found.strips && found.letters == found.chars && found.chars > 1;
        let ends = || [start, (start + found.end) / 2, found.end - 1].map(|at| bytes.get(at).copied().unwrap_or(0));
        if as_written && self.run.letters == 0 && quiet.is_some_and(|quiet| quiet.lets_pass(text, found.end, found.end - start, ends, false)) {
            return;
        }
        // A word read otherwise (a capital: `Привет`) or whose plain form is
        // another (`здравствуйте`), asked once its forms are read.
        self.foreign_word(quiet.filter(|_| !as_written), start, text, found, each);
    }

    /// A whole word drawn with look-alikes of ASCII (`lookalike_word`), `found`
    /// at `start` of `bytes` and read `read`, with no word going on: handed on
    /// as `end_word` hands on the letters `push_known_char` and `push_ascii_run`
    /// would have read one by one (its reading, ASCII, its own plain form), by
    /// `ascii_word`, which hands on an ASCII word so; or passed, as a whole ASCII
    /// word of letters is, when `quiet` lets it pass (the word of two letters
    /// kept as `SpacedRun::pair`, as `SpacedRun::hand_on` keeps it).
    fn lookalike_word(
        &mut self,
        quiet: Option<&Quiet>,
        text: &str,
        start: usize,
        found: ForeignWord,
        read: &[u8; MAX_WORD_CHARS],
        each: &mut dyn FnMut(&Word),
    ) {
        let Some(word) = read.get(..found.chars).and_then(|read| std::str::from_utf8(read).ok()) else { return };
        let chars = found.chars;
        let ends = || [0, chars / 2, chars - 1].map(|at| read.get(at).copied().unwrap_or(0));
        if found.letters == chars && chars > 1 && self.run.letters == 0 && quiet.is_some_and(|quiet| quiet.lets_pass(text, found.end, chars, ends, false)) {
            if let Some(letters) = two_letters(word, WordKind::Plain) {
                self.run.pair = (start, found.end, letters);
            }
            return;
        }
        self.ascii_word((start, found.end), word, found.letters, each);
    }

    /// A whole word of another script (`whole_foreign_word`), `found` at
    /// `start` in `text`, with no word going on: handed on as the text itself
    /// (or its letters read, `foreign_read`, when one is a capital or a final
    /// sigma) and `unicode::push_stripped` of that, as `letter_form` and
    /// `end_word` would hand on their copy of it (the one read as written: the
    /// word is foreign), and as `latin_word` hands on its words.
    ///
    /// `quiet`: a `Plain` word of two letters or more with no run of single
    /// letters to end is passed when `quiet` lets its plain form pass, as
    /// `whole_foreign_word` passes a word read as written (#14, callgrind,
    /// 10 MB of Russian prose: the words handed on from here 132,462 → 57,065,
    /// their callback 22.3 → 12.8 M instructions inclusive).
    fn foreign_word(&mut self, quiet: Option<&Quiet>, start: usize, text: &str, found: ForeignWord, each: &mut dyn FnMut(&Word)) {
        let (span, word) = ((start, found.end), &text[start..found.end]);
        let kind = WordKind::of(false, found.letters, found.chars - found.letters);
        // No word is going on: `unmapped` is free until the word is handed on.
        let read = match found.read_otherwise {
            true => {
                // Copied a run at a time between the letters read otherwise
                // (most often the first alone: `Привет`), found by their class
                // (#14, callgrind, 10 MB of Russian prose: each letter asked
                // `foreign_read` and pushed, 68 instructions a letter).
                self.unmapped.clear();
                let mut copied = 0;
                for (at, c) in word.char_indices() {
                    if c.is_ascii() || foreign_class_of(c) & READ_OTHERWISE == 0 {
                        continue;
                    }
                    self.unmapped.push_str(&word[copied..at]);
                    self.unmapped.push(foreign_read(c, Props::of(c)).unwrap_or(c));
                    copied = at + c.len_utf8();
                }
                self.unmapped.push_str(&word[copied..]);
                &self.unmapped
            }
            false => word,
        };
        let plain = match found.strips {
            true => {
                self.plain.clear();
                unicode::push_stripped(read, &mut self.plain);
                &self.plain
            }
            false => read,
        };
        if found.chars > 1 && self.run.letters == 0 {
            let bytes = plain.as_bytes();
            let ends = || [0, bytes.len() / 2, bytes.len() - 1].map(|at| bytes.get(at).copied().unwrap_or(0));
            let passes = kind == WordKind::Plain && quiet.is_some_and(|quiet| quiet.lets_pass(text, found.end, bytes.len(), ends, false));
            if !passes {
                each(&Word { span, read, plain, kind, single: false });
            }
        } else {
            self.run.hand_on(span, read, plain, kind, each);
        }
        self.unmapped.clear();
    }
}

/// Appends ASCII text lowercased: appended as is and, when it has `capitals`,
/// lowercased in place (a character at a time was a fifth of a fold; lowercasing
/// every run, most of which have no capital, 0.1 G instructions of a 10 MB text).
fn push_lowercase(form: &mut String, ascii: &str, capitals: bool) {
    let start = form.len();
    form.push_str(ascii);
    if !capitals {
        return;
    }
    if let Some(added) = form.get_mut(start..) {
        added.make_ascii_lowercase();
    }
}

/// Whether `spell_out` writes `c` otherwise than as itself.
fn is_spelled_out(c: char) -> bool {
    matches!(c, 'ß' | 'æ' | 'œ' | 'ς')
}

/// Appends a lowercase letter, spelling out the letters that case folding or
/// common typing writes as two (`ß` → `ss`, `æ` → `ae`, `œ` → `oe`) and the
/// final sigma as a sigma (`is_spelled_out`); returns the characters appended.
fn spell_out(c: char, out: &mut String) -> usize {
    match c {
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ς' => out.push('σ'),
        c => {
            out.push(c);
            return 1;
        }
    }
    if c == 'ς' {
        1
    } else {
        2
    }
}

/// Composes the last letter of `word` with a combining mark; a mark that
/// composes with nothing is dropped (the letter reads the same without it).
fn compose_last(word: &mut String, mark: char) {
    let Some(last) = word.pop() else { return };
    word.push(unicode::compose(last, mark).unwrap_or(last));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_that_ends_a_word_is_no_letter_glyph_or_symbol() {
        for b in 0u8..=255 {
            if !ENDS_WORD[usize::from(b)] {
                continue;
            }
            assert!(b.is_ascii() && ASCII_CLASS[usize::from(b)] == 0, "{b:#x}");
            assert!(!is_leet_symbol(char::from(b)), "{b:#x}");
            assert!(LEET_GLYPHS.iter().all(|(glyph, _)| glyph.first() != Some(&b)), "{b:#x}");
            assert!(leet_glyph(&[b, b'/', b'\\', b'|']).is_none(), "{b:#x}");
        }
        // Spaces, line ends and most punctuation take the short way.
        assert!(b" \t\r\n.,;:?\"'()-_<>=#%&*+".iter().all(|&b| ENDS_WORD[usize::from(b)]));
    }

    /// `ascii_run` eight bytes a step against its definition a byte at a
    /// time, from every place of texts of letters, digits, the bytes beside
    /// their ranges, spaces and bytes past ASCII, and for every byte value
    /// in every lane.
    #[test]
    fn an_ascii_run_is_found_as_a_byte_at_a_time_finds_it() {
        let one_by_one = |bytes: &[u8], from: usize| {
            let end = bytes[from..].iter().position(|&b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |at| from + at);
            let run = &bytes[from..end];
            AsciiRun {
                end,
                letters: run.iter().filter(|b| b.is_ascii_alphabetic()).count(),
                capital: run.iter().any(u8::is_ascii_uppercase),
            }
        };
        let pieces = ["a", "z", "A", "Z", "0", "9", "`", "{", "@", "[", "/", ":", " ", "\n", "é", "Ż", "\u{7f}", "word", "Word", "x1"];
        crate::text::generated_texts(&pieces, 3_000, 30, |text| {
            for from in 0..=text.len() {
                assert_eq!(ascii_run(text.as_bytes(), from), one_by_one(text.as_bytes(), from), "{text:?} {from}");
            }
        });
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = *b"abcdefghijklmnop";
                bytes[lane] = b;
                bytes[lane + 8] = b;
                for from in [0, lane] {
                    assert_eq!(ascii_run(&bytes, from), one_by_one(&bytes, from), "{b:#x} {lane} {from}");
                }
            }
        }
    }

    fn read(text: &str) -> Vec<String> {
        words(text).into_iter().map(|(r, _)| r).collect()
    }
    fn plain(text: &str) -> Vec<String> {
        words(text).into_iter().map(|(_, p)| p).collect()
    }
    fn kinds(text: &str) -> Vec<WordKind> {
        let mut out = Vec::new();
        fold_words(text, |w| out.push(w.kind));
        out
    }

    #[test]
    fn the_spelled_out_letters_are_those_spell_out_changes() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let mut out = String::new();
            spell_out(c, &mut out);
            assert_eq!(is_spelled_out(c), out != c.to_string(), "{c:?}");
        }
    }

    /// The words of `text` folded with the shortcuts or without them, as text.
    fn folded<const SHORTCUTS: bool>(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        fold_into::<SHORTCUTS>(
            Folder::default(),
            text,
            &mut |w: &Word| {
                words.push(format!("{:?} {:?} {:?} {:?} {}", w.span, w.read, w.plain, w.kind, w.single));
            },
            None,
        );
        words
    }

    /// Folds the texts `crate::text::generated_texts` makes of `pieces` with
    /// the shortcuts and without them, which must agree; the words read.
    fn generated_fold_alike(pieces: &[&str], count: usize, most: u32) -> usize {
        let mut words = 0;
        crate::text::generated_texts(pieces, count, most, |text| {
            let fast = folded::<true>(text);
            assert_eq!(fast, folded::<false>(text), "{text:?}");
            words += fast.len();
        });
        words
    }

    #[test]
    fn shortcuts_fold_as_their_questions_would() {
        // Every word of generated texts (accented letters of the hosting's
        // languages and whole ASCII words next to the characters the questions
        // exist for: capitals, look-alikes, combining marks, invisible
        // characters, leet, spaced letters, words at the length limit) is the
        // same with the shortcuts and without them.
        let pieces = [
            "é", "ą", "ł", "ñ", "ß", "œ", "ı", "É", "Ł", "а", "р", "п", "ο", "e", "p", "x", "ab", "1", "@", "$", "!", "|",
            "\\/", "()", ")", "!@", " ", ". ", "\u{301}", "\u{200b}", "\u{ad}", "ﬁ", "ｐ", "会", "ё", "\u{202e}", "\n", "ǅ", "ǆ",
            " hello ", " free ", " v1agra ", " 2026 ", " Hello ", " a ", " b c d ", " x", "- ", "\r\n", ",", "(",
            " abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl", "m", "z1",
            "æ", " été ", " déjà ", "źródło", " zażółć1 ", "à", "ç", "ÿ", " où ", "ñandú", "éééééééééééééééééééééééééééééééé", "déJà", "Déjà",
            // Plain forms past ASCII, letters of three bytes, letters with an NFKC form.
            "ð", "þ", "ŋ", "ə", " ạ ", "ḃ", "ŉ", "ĳ", "ø", "é9", " ǉ ", "ʼ",
            // Words of other scripts, their look-alikes (ґ is read as two letters, r'),
            // and the punctuation past ASCII that ends them.
            " привет ", "мир", "Привет", " ѕех ", "рогп", "ы", "ю", "кот1", "σας", " λάβαμε ", "ς", "Ω", "日本語", "。",
            "«", "—", "，", "٣", "ⅰ", "і", "ӏ", "ґ", "ДОСТАВКА", " Ёлка ", "Ά", "ΣΑΣ", "Ы", "Ґ", "ǅ", "İ", "Æ", "ẞ", "Ϊ", "ꙋ",
            // A word whose look-alike reading (ґ is r') passes the length limit.
            " ґґґґґґґґґґґґґґґґґґґґґґґґґґґґґґґґґґд ",
            // Words drawn with look-alikes only (`lookalike_word`): of Russian prose
            // (`по` no, `за` 3a), capitals, with ASCII letters and digits, at the limit.
            " по ", " как ", "с", " от ", "за", " проект ", "Проект", "СОС", "рp", "р1", "ѕ", "ο", "η", "τ",
            " рррррррррррррррррррррррррррррррррррррррррррррррррррррррррррррррр ",
            // Emoji and punctuation past ASCII (`foreign_shortcut`).
            "😀", " 🔥 ", "✅", "’", "“", "…",
        ];
        let words = generated_fold_alike(&pieces, 8_000, 40);
        assert!(words > 15_000, "{words} words");
        let long: String = ["zażółć ", "gęślą ", "jaźń "].repeat(30).concat();
        assert_eq!(folded::<true>(&long), folded::<false>(&long));
        // Mail as it is written: the messages of the corpus, whole, as text.
        let (corpus, paths) = crate::text::corpus_files();
        let mut read = 0;
        for path in &paths {
            let Ok(bytes) = std::fs::read(path) else { continue };
            let text = String::from_utf8_lossy(&bytes);
            assert_eq!(folded::<true>(&text), folded::<false>(&text), "{}", path.display());
            read += 1;
        }
        match read {
            0 => eprintln!("shortcuts_fold_as_their_questions_would: {} absent, only the generated texts compared", corpus.display()),
            _ => eprintln!("shortcuts_fold_as_their_questions_would: {read} corpus messages compared"),
        }
    }

    #[test]
    fn the_foreign_table_says_what_the_questions_say() {
        // Every character of two UTF-8 bytes: `whole_foreign_word` reads it from
        // the table as `foreign_class` answers, and that is what the folder's
        // questions say of it.
        let mut taken = 0;
        for point in 0x80..0x800u32 {
            let Some(c) = char::from_u32(point) else { continue };
            let class = foreign_two_bytes(point as usize);
            assert_eq!(class, foreign_class(c), "U+{point:04X}");
            let props = Props::of(c);
            // Read as an ASCII look-alike in a word that is not foreign as `letter_form` reads it.
            let lookalike = lookalike_two_bytes(point as usize);
            if lookalike != 0 {
                assert!(class & IN_FOREIGN_WORD != 0 && class & (OTHER_SCRIPT | READ_AS_TWO) == 0, "U+{point:04X}");
                let mut folder = Folder::default();
                folder.push_known(0, c.len_utf8(), c, props, &mut |_: &Word| {});
                assert_eq!((folder.mapped.as_str(), folder.uses_lookalike, folder.foreign), (&*char::from(lookalike).to_string(), true, false), "U+{point:04X}");
            }
            let drawn = unicode::nfkc(c).is_none() && !unicode::is_invisible(c) && !unicode::is_combining_mark(c);
            assert_eq!(class & ENDS_FOREIGN_WORD != 0, drawn && !props.alphanumeric(), "U+{point:04X}");
            if class & IN_FOREIGN_WORD == 0 {
                continue;
            }
            taken += 1;
            assert!(drawn && unicode::is_alphabetic(c), "U+{point:04X}");
            // Read as one lowercase letter that is not spelled out, or the final sigma as a sigma.
            let lower: Vec<char> = c.to_lowercase().collect();
            let read = if c == 'ς' { 'σ' } else { lower[0] };
            assert!(c == 'ς' || (lower.len() == 1 && !is_spelled_out(read)), "U+{point:04X}");
            assert_eq!(class & READ_OTHERWISE != 0, read != c, "U+{point:04X}");
            let prototype = unicode::confusable(c).or_else(|| spam_lookalike(c));
            assert_eq!(class & OTHER_SCRIPT != 0, prototype.is_none() && unicode::script(c) != Some(Script::Latin), "U+{point:04X}");
            assert_eq!(class & READ_AS_TWO != 0, matches!(prototype, Some(Prototype::Str(s)) if s.chars().count() == 2), "U+{point:04X}");
            assert_eq!(class & STRIPS != 0, unicode::strip_accents(read) != read, "U+{point:04X}");
        }
        assert!(taken > 300, "{taken}");
        // Every character: where the loop looks for a foreign word (`foreign_shortcut`)
        // is where its questions would (a letter of a script other than Latin), and
        // one that ends a word is no letter the Latin shortcuts take.
        for c in (0x80..0x11_0000).filter_map(char::from_u32) {
            let class = foreign_class(c);
            assert_eq!(class & OPENS_FOREIGN != 0, matches!(unicode::script(c), Some(script) if script != Script::Latin), "{c:?}");
            assert!(class & ENDS_FOREIGN_WORD == 0 || !(unicode::is_alphanumeric(c) || c == RIGHT_TO_LEFT_OVERRIDE), "{c:?}");
            assert_eq!(foreign_class_of(c), class, "{c:?}");
        }
        // Every character of three and four bytes: from its table as foreign_class
        // answers, asked first (computed) and then again (kept).
        for c in (0x800..0x1_0000).filter_map(char::from_u32) {
            assert_eq!(foreign_three_bytes(c), foreign_class(c), "{c:?}");
            assert_eq!(foreign_three_bytes(c), foreign_class(c), "{c:?}");
        }
        for c in (0x1_0000..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(foreign_four_bytes(c), foreign_class(c), "{c:?}");
            assert_eq!(foreign_four_bytes(c), foreign_class(c), "{c:?}");
        }
    }

    #[test]
    fn foreign_words_fold_as_their_questions_would() {
        // Texts of other scripts (`foreign_shortcut`, `whole_foreign_word`,
        // `lookalike_word`, `Folder::foreign_word`): Cyrillic, Greek, CJK, Arabic,
        // Hebrew and Armenian words, capitals, letters whose plain form is another,
        // look-alike words, letters of several pages in one word, emoji and
        // punctuation past ASCII between or inside words, leet and ASCII next to
        // them, words at the length limit: the same with the shortcuts and without.
        let pieces = [
            " ", " ", " ", "  ", ". ", ", ", "\n", "-", "!", "@", "(", ")", "()", "_", "1", "a", "Ab", " x ",
            "привет", "Привет", "ПРИВЕТ", "здравствуйте", "Здравствуйте", "ёж", "Ёж", "с", "С", "в", "В", "по", "По", "как",
            "проект", "рогп", "за", "от", "ґ", "Ґ", "ѐ", "Ѐ", "ӑ", "ԁ", "ꙋ", "\u{301}", "\u{200b}", "\u{ad}", "\u{202e}",
            "σας", "ΣΑΣ", "λάβαμε", "Ά", "ς", "η", "τ", "ο", "ΐ", "日本語", "こんにちは", "한국어", "。", "，",
            "مرحبا", "שלום", "բարեւ", "٣", "«", "»", "—", "’", "“", "😀", "🔥", "✅", "👉", "𝐩", "ｐ", "ᴘ", "ⅰ", "Ω",
            "ʀ", "ɪ", "ǅ", "İ", "ẞ", "é", "ł", "ąę",
        ];
        let words = generated_fold_alike(&pieces, 8_000, 30);
        assert!(words > 20_000, "{words} words");
        // Words at the length limit and past it, in letters and in the look-alike
        // reading (`ґ` reads as two), on one page and across two (`ԁ` U+0501).
        for (letter, n) in [("п", 63), ("п", 64), ("п", 65), ("р", 64), ("р", 65), ("ґ", 32), ("ґ", 33), ("ԁп", 32), ("ԁп", 33), ("日", 64), ("日", 65)] {
            for text in [letter.repeat(n), format!(" {} ", letter.repeat(n)), format!("{}ґ ", letter.repeat(n - 1)), format!("{}a", letter.repeat(n))] {
                assert_eq!(folded::<true>(&text), folded::<false>(&text), "{text:?}");
            }
        }
        let prose: String = ["Спасибо за встречу. ", "Здравствуйте, команда! ", "Проект по плану — как всегда ", "🔥 ✅ delivery "].repeat(40).concat();
        assert_eq!(folded::<true>(&prose), folded::<false>(&prose));
    }

    #[test]
    fn the_two_byte_table_says_what_the_questions_say() {
        // Every character of two UTF-8 bytes: `whole_latin_word` takes it from
        // the table as it would from `is_plain_latin_letter`, `is_spelled_out`
        // and `strip_accents`.
        let mut plain_ascii = 0;
        for point in 0x80..0x800u32 {
            let Some(c) = char::from_u32(point) else { continue };
            let entry = latin_two_bytes(point as usize);
            let taken = unicode::is_plain_latin_letter(c) && !is_spelled_out(c);
            assert_eq!(entry != NOT_PLAIN_LATIN, taken, "U+{point:04X}");
            if taken {
                let stripped = unicode::strip_accents(c);
                assert_eq!(entry, if stripped.is_ascii() { stripped as u8 } else { 0 }, "U+{point:04X}");
                plain_ascii += usize::from(entry != 0);
            }
        }
        assert!(plain_ascii > 100, "{plain_ascii}");
        assert!((0..0x80).chain([0x800, 0xffff]).all(|point| latin_two_bytes(point) == NOT_PLAIN_LATIN));
        // Letters of three and four bytes are asked as before, and write their plain form alike.
        let mut plain = [0; MAX_WORD_CHARS];
        let (mut past_ascii, mut longer) = (0, 0);
        for point in (0x800..0x1_0000).chain(0x1_0000..0x2_0000) {
            let Some(c) = char::from_u32(point) else { continue };
            let found = whole_latin_word(&format!("{c}z"), 0, &mut plain);
            assert_eq!(found.is_some(), unicode::is_plain_latin_letter(c) && !is_spelled_out(c), "U+{point:04X}");
            let Some(found) = found else { continue };
            longer += 1;
            let stripped = unicode::strip_accents(c);
            assert_eq!(found.ascii_plain, stripped.is_ascii(), "U+{point:04X}");
            if found.ascii_plain {
                assert_eq!(&plain[..2], [stripped as u8, b'z'], "U+{point:04X}");
            } else {
                past_ascii += 1;
            }
        }
        assert!(longer > 200 && past_ascii > 10, "{longer} {past_ascii}");
        let found = whole_latin_word("zażółć gęślą", 0, &mut plain).expect("a word");
        assert_eq!((found.end, found.letters, found.chars, found.ascii_plain), (10, 6, 6, true));
        assert_eq!(&plain[..6], b"zazolc");
        let found = whole_latin_word("þorn", 0, &mut plain).expect("a word");
        assert!(!found.ascii_plain);
        assert!(whole_latin_word("straße", 0, &mut plain).is_none());
    }

    /// `whole_latin_word` as it was, a byte at a time (`ascii_in_word`).
    fn whole_latin_word_by_bytes(text: &str, from: usize, plain: &mut [u8; MAX_WORD_CHARS]) -> Option<LatinWord> {
        let bytes = text.as_bytes();
        let (mut at, mut letters, mut chars, mut ascii_plain) = (from, 0, 0, true);
        while let Some(&b) = bytes.get(at) {
            let stripped = if b.is_ascii() {
                match ascii_in_word(b) {
                    AsciiInWord::Ends if parenthesized_o(bytes, at) => return None,
                    AsciiInWord::Ends => break,
                    AsciiInWord::NotWhole => return None,
                    AsciiInWord::Part { letter } => letters += usize::from(letter),
                }
                at += 1;
                b
            } else if b < 0xe0 {
                let point = usize::from(b & 0x1f) << 6 | usize::from(bytes.get(at + 1)? & 0x3f);
                let stripped = latin_two_bytes(point);
                if stripped == NOT_PLAIN_LATIN {
                    return None;
                }
                letters += 1;
                at += 2;
                stripped
            } else {
                let c = text.get(at..)?.chars().next()?;
                if !unicode::is_plain_latin_letter(c) || is_spelled_out(c) {
                    return None;
                }
                letters += 1;
                at += c.len_utf8();
                ascii_plain_form(c)
            };
            if stripped == 0 {
                ascii_plain = false;
            } else if let Some(slot) = plain.get_mut(chars) {
                *slot = stripped;
            }
            chars += 1;
            if chars > MAX_WORD_CHARS {
                return None;
            }
        }
        Some(LatinWord { end: at, letters, chars, ascii_plain })
    }

    #[test]
    fn a_latin_word_is_read_as_a_byte_at_a_time_reads_it() {
        // Words of lowercase ASCII runs of every length around letters past
        // ASCII, capitals, digits, leet symbols and glyphs, `()`, and words
        // about `MAX_WORD_CHARS` long, read from each offset.
        let pieces = [
            "a", "z", "é", "à", "ł", "ź", "ß", "þ", "ǝ", "ｆ", "𝐩", "e\u{301}", "E", "É", "0", "7", "!", "@", "$", "|", "/", "\\/", "()", "()x", "(",
            "_", "-", " ", ".", "\n", "abcdefgh", "abcdefghijklmnop", "ijklmno", "déjà", "źródło", "привет", "日本",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl", "ąęłńóśźżćąęłńóśźżćąęłńóśźżćąęłńóśźżćąęłńóśźżćąęłńóśźżćąęłńóśź",
            // Capitals (`read_latin_word` with capitals): some the fold reads
            // as their own lowercase, others not (`Ĳ` ij, `ſ` s, `İ` i̇, `Ǆ` dž).
            "H", "Ł", "Ż", "À", "Ê", "Ĳ", "ſ", "İ", "Ǆ", "×", "Ω", "Ä",
        ];
        let (mut words, mut capitals, mut texts) = (0, 0, 0);
        crate::text::generated_texts(&pieces, 20_000, 12, |text| {
            texts += 1;
            for (from, _) in text.char_indices() {
                let (mut plain, mut expected) = ([0; MAX_WORD_CHARS], [0; MAX_WORD_CHARS]);
                let found = whole_latin_word(text, from, &mut plain);
                let by_bytes = whole_latin_word_by_bytes(text, from, &mut expected);
                let fields = |w: Option<LatinWord>| w.map(|w| (w.end, w.letters, w.chars, w.ascii_plain));
                assert_eq!(fields(found), fields(by_bytes), "{text:?} {from}");
                if let Some(found) = found.filter(|f| f.ascii_plain) {
                    assert_eq!(plain[..found.chars], expected[..found.chars], "{text:?} {from}");
                    words += 1;
                }
                // With capitals: a word of letters whose plain form is ASCII is
                // one `Plain` word of the fold with that plain form.
                let Some(found) = read_latin_word::<true>(text, from, &mut plain) else { continue };
                // (No word where the text ends one: the fold calls it at a letter.)
                if !found.ascii_plain || found.letters != found.chars || found.chars == 0 {
                    continue;
                }
                let mut folded = Vec::new();
                fold_words(&text[from..found.end], |w| folded.push((w.kind, w.single, w.span, w.plain.to_string())));
                let end = found.end - from;
                let own = std::str::from_utf8(&plain[..found.chars]).map(String::from).ok();
                assert_eq!(folded, [(WordKind::Plain, found.chars == 1, (0, end), own.unwrap_or_default())], "{text:?} {from}");
                capitals += usize::from(text[from..found.end].chars().any(char::is_uppercase));
            }
        });
        assert!(words > 20_000 && capitals > 5_000, "{words} {capitals} in {texts}");
    }

    #[test]
    fn latin_capitals_are_read_as_the_fold_reads_them() {
        for (c, plain) in [('É', b'e'), ('Ł', b'l'), ('Ż', b'z'), ('À', b'a'), ('Ç', b'c')] {
            assert_eq!(latin_capital_two_bytes(c as usize), plain, "{c}");
        }
        // Read as two letters, as another letter, or no letter; past the range; plain letters.
        for c in ['Ĳ', 'ſ', 'İ', 'Ǆ', '×', 'Æ', 'Ω', 'Ж', '\u{a0}', '\u{301}', 'é', 'Þ'] {
            let expected = if c == 'é' { b'e' } else { NOT_PLAIN_LATIN };
            assert_eq!(latin_capital_two_bytes(c as usize), expected, "{c}");
        }
        assert_eq!(capital_words("Hôtel Être ŁÓDŹ À Ĳssel"), ["hotel", "etre", "lodz", "a"]);
    }

    /// The plain forms `read_latin_word` with capitals reads at each word of `text`.
    fn capital_words(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        for (at, _) in text.char_indices().filter(|&(at, _)| at == 0 || text.as_bytes()[at - 1] == b' ') {
            let mut plain = [0; MAX_WORD_CHARS];
            if let Some(found) = read_latin_word::<true>(text, at, &mut plain).filter(|f| f.ascii_plain) {
                words.push(String::from_utf8_lossy(&plain[..found.chars]).into_owned());
            }
        }
        words
    }

    #[test]
    fn full_width_and_mathematical_letters_read_as_latin() {
        assert_eq!(read("ｐｏｒｎ"), ["porn"]);
        assert_eq!(read("𝐩𝐨𝐫𝐧 𝓅𝑜𝓇𝓃"), ["porn", "porn"]);
        assert_eq!(read("ＦＲＥＥ！"), ["free"]);
        assert_eq!(read("🅿🅾🆁🅽"), ["porn"]);
        assert_eq!(read("ﬁnance"), ["finance"]);
    }

    #[test]
    fn look_alike_letters_read_as_latin_in_latin_words_only() {
        assert_eq!(read("ѕех"), ["sex"]); // all Cyrillic look-alikes
        assert_eq!(read("pаypal"), ["paypal"]); // one Cyrillic а
        assert_eq!(read("ΧΧΧ ΤΟΚΕΝ"), ["xxx", "token"]); // Greek capitals
        assert_eq!(read("привет мир"), ["привет", "мир"]); // genuine Russian words stay
        // Letters UTS #39 leaves out that spammers use (SpamAssassin's replace_tag).
        assert_eq!(read("рогп"), ["porn"]);
        // Greek eta and tau drawn for n and t; a Greek sentence stays Greek.
        assert_eq!(read("pοrη puτtane"), ["porn", "puttane"]);
        let greek = read("Σας ευχαριστώ για την παραγγελία");
        assert!(greek.contains(&"ευχαριστώ".to_string()) && greek.contains(&"παραγγελία".to_string()), "{greek:?}");
        assert_eq!(read("Привет, пишите нам в пятницу"), ["привет", "пишите", "нам", "в", "пятницу"]);
        // A digit of another script is a digit, not a letter of that script: the look-alikes stay read.
        assert_eq!(read("ѕех٣ рогп๓"), ["sex٣", "porn๓"]);
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        assert_eq!(read("p\u{200b}o\u{200c}r\u{200d}n"), ["porn"]);
        assert_eq!(read("fr\u{ad}ee \u{feff}of\u{2060}fer"), ["free", "offer"]);
        // Tag characters and the Hangul filler draw nothing either (Default_Ignorable).
        assert_eq!(read("vi\u{e0020}agra po\u{3164}rn nu\u{ffa0}des"), ["viagra", "porn", "nudes"]);
    }

    #[test]
    fn accents_are_kept_in_read_and_dropped_in_plain() {
        assert_eq!(read("Pornografía ŻÓŁW"), ["pornografía", "żółw"]);
        assert_eq!(plain("Pornografía ŻÓŁW"), ["pornografia", "zolw"]);
        assert_eq!(read("cafe\u{301}"), ["café"]); // decomposed input composes
        assert_eq!(read("Straße ŒUVRE"), ["strasse", "oeuvre"]);
    }

    #[test]
    fn leet_is_marked_only_in_words_mixing_letters_and_digits_or_symbols() {
        assert_eq!(
            kinds("p0rn 2024 v!agra $ex free!"),
            [WordKind::Leet, WordKind::Plain, WordKind::Leet, WordKind::Leet, WordKind::Plain]
        );
        assert_eq!(read("v!agra $ex free!"), ["v!agra", "$ex", "free"]);
        assert_eq!(read("US$ 100 a@b"), ["us", "100", "a@b"]);
        // A symbol that could open a word, then a space: punctuation, not part of the next word.
        assert_eq!(read("$ ex @ home $, sale"), ["ex", "home", "sale"]);
    }

    #[test]
    fn letters_drawn_with_strokes_are_leet_letters() {
        assert_eq!(read("\\/iagra |\\|ude |\\/|oney"), ["viagra", "nude", "money"]);
        assert_eq!(kinds("\\/iagra"), [WordKind::Leet]);
        // Strokes alone or between words are no word of any lexicon.
        assert_eq!(kinds("a/\\b and/or"), [WordKind::Leet, WordKind::Plain, WordKind::Plain]);
        let text = "buy \\/iagra";
        let mut spans = Vec::new();
        fold_words(text, |w| spans.push(&text[w.range()]));
        assert_eq!(spans, ["buy", "\\/iagra"]);
    }

    #[test]
    fn two_leet_symbols_in_a_row_stay_in_the_word() {
        assert_eq!(read("v!@gra c!@lis"), ["v!@gra", "c!@lis"]);
        assert_eq!(kinds("v!@gra"), [WordKind::Leet]);
        // Three are no letters of a word; after a word, two are its punctuation.
        assert_eq!(read("v!@$gra wow!! now?!"), ["v", "gra", "wow", "now"]);
    }

    #[test]
    fn an_at_sign_ending_a_word_is_its_last_letter() {
        assert_eq!(read("viagr@ v!@gr@ pornogr@f!@ now"), ["viagr@", "v!@gr@", "pornogr@f!@", "now"]);
        let text = "buy viagr@ now";
        let mut spans = Vec::new();
        fold_words(text, |w| spans.push(&text[w.range()]));
        assert_eq!(spans, ["buy", "viagr@", "now"]);
        // Other symbols after a word are punctuation or currency; `@` alone is no word.
        assert_eq!(read("free! 100$ win| @ 2@ wow@! hi$@"), ["free", "100", "win", "2", "wow", "hi$@"]);
    }

    #[test]
    fn an_o_drawn_as_parentheses_inside_a_word_is_a_leet_letter() {
        assert_eq!(read("p()rn c()ck P()RN"), ["porn", "cock", "porn"]);
        assert_eq!(kinds("p()rn"), [WordKind::Leet]);
        let text = "see p()rn now";
        let mut spans = Vec::new();
        fold_words(text, |w| spans.push(&text[w.range()]));
        assert_eq!(spans, ["see", "p()rn", "now"]);
        // Code and prose keep their parentheses: `f()` ends a word, `()` opens none.
        assert_eq!(read("call f() then (see) ()x"), ["call", "f", "then", "see", "x"]);
    }

    #[test]
    fn a_right_to_left_override_is_read_as_shown() {
        assert_eq!(read("buy \u{202e}silaic dna argaiv\u{202c} now"), ["buy", "viagra", "and", "cialis", "now"]);
        // Up to the end of the paragraph when nothing pops it.
        assert_eq!(read("\u{202e}nrop\nnext"), ["porn", "next"]);
        // Its words point at the whole run, whose letters are not in reading order.
        let text = "x \u{202e}ab cd\u{202c} y";
        let mut spans = Vec::new();
        fold_words(text, |w| spans.push(&text[w.range()]));
        assert_eq!(spans, ["x", "\u{202e}ab cd", "\u{202e}ab cd\u{202c}", "y"]);
    }

    #[test]
    fn spaced_letters_are_also_read_joined() {
        assert_eq!(read("p o r n now"), ["p", "o", "r", "n", "porn", "now"]);
        assert_eq!(kinds("s.e.x")[3], WordKind::Spaced);
        assert_eq!(read("a b"), ["a", "b"]);
    }

    #[test]
    fn a_leet_digit_between_spaced_letters_is_one_of_them() {
        assert_eq!(read("v.1.a.g.r.a now"), ["v", "1", "a", "g", "r", "a", "v1agra", "now"]);
        let text = "see p 0 r n";
        let mut spans = Vec::new();
        fold_words(text, |w| spans.push((&text[w.range()], w.kind, w.is_leet())));
        assert_eq!(spans.last(), Some(&("p 0 r n", WordKind::Spaced, true)));
        // Digits after the last letter are left out; the letters before the
        // first digit are read alone too, as they were before digits joined runs.
        assert_eq!(read("p o r n 2 u")[4..], ["porn", "2", "u"]);
        assert_eq!(read("p o r n 0 u")[6..], ["porn", "porn0u"]);
        // Fewer than three letters, more digits than letters, or a digit
        // opening the run: no spaced word (`s 3 x`, `a 5 7 b`).
        for innocent in ["s 3 x", "t 1 t", "a 5 7 b", "1 a b", "a 1 3 5 7 b c"] {
            assert!(kinds(innocent).iter().all(|k| *k != WordKind::Spaced), "{innocent}");
        }
        assert_eq!(kinds("a b c 1 d e").iter().filter(|k| **k == WordKind::Spaced).count(), 2);
    }

    #[test]
    fn a_lone_symbol_between_spaced_letters_is_one_of_them() {
        // `!` (never opening a word) and `@`/`$` (kept pending) alone as a piece.
        assert_eq!(read("v.!.a.g.r.a now").last().map(String::as_str), Some("now"));
        assert!(read("v.!.a.g.r.a now").contains(&"v!agra".to_string()));
        assert!(read("s.@.l.o.p.e").contains(&"s@lope".to_string()));
        assert!(read("p u $ $ y").contains(&"pu$".to_string()) || read("p u $ s y").contains(&"pu$sy".to_string()));
        let text = "see x . @ . n . a . x";
        let mut spans = Vec::new();
        fold_words(text, |w| spans.push((&text[w.range()], w.read.to_string(), w.is_leet())));
        assert_eq!(spans.last(), Some(&("x . @ . n . a . x", "x@nax".to_string(), true)));
        // After the run's last letter, or before any letter, a symbol is punctuation.
        assert_eq!(read("a b c !")[3..], ["abc"]);
        assert!(read("! a b c").iter().all(|w| !w.contains('!')));
    }

    #[test]
    fn a_two_letter_piece_hyphened_to_single_letters_joins_them() {
        assert!(read("vi-a-g-r-a now").contains(&"viagra".to_string()));
        assert!(read("OR-G-Y").contains(&"orgy".to_string()));
        assert!(read("v-ia-g-r-a").contains(&"viagra".to_string()));
        let text = "see vi-a-g-r-a";
        let mut spans = Vec::new();
        fold_words(text, |w| spans.push(&text[w.range()]));
        assert_eq!(spans.last(), Some(&"vi-a-g-r-a"));
        // Not without the hyphen, nor a longer word (`e-mail`), nor hyphens between single letters only.
        assert!(!read("to a b c").contains(&"toabc".to_string()));
        assert!(!read("vi a-g-r-a").contains(&"viagra".to_string()));
        assert!(!read("vi -a-g-r-a").contains(&"viagra".to_string()));
        assert!(!read("vi- a-g-r-a").contains(&"viagra".to_string()));
        assert_eq!(read("x-y-z"), ["x", "y", "z", "xyz"]);
    }

    #[test]
    fn spans_point_at_the_word_as_written() {
        let text = "Hot ｐｏｒｎ, p\u{200b}orn!";
        let mut spans = Vec::new();
        fold_words(text, |w| spans.push(&text[w.range()]));
        assert_eq!(spans, ["Hot", "ｐｏｒｎ", "p\u{200b}orn"]);
    }

    #[test]
    fn overlong_words_are_marked_without_text() {
        let long = "a".repeat(MAX_WORD_CHARS + 1);
        let mut seen = Vec::new();
        fold_words(&long, |w| seen.push((w.kind, w.read.len(), w.span)));
        assert_eq!(seen, [(WordKind::TooLong, 0, (0, long.len()))]);
    }
}
