//! Output hygiene: every string taken from a message that reaches a person
//! (finding messages and their parameters, evidence, header names, paths, file
//! names) goes through `visible` in the engine, so no caller can be tricked by
//! the message: control characters cannot move a terminal's cursor, write its
//! clipboard (OSC 52) or forge a CI annotation, and bidi controls cannot
//! reorder what a reader sees (CVE-2021-42574, "Trojan Source").

use std::fmt::Write as _;

/// Longest message-derived text in a finding (parameters, header names,
/// paths), in characters; longer text keeps its ends around "…".
pub const MAX_PARAM_CHARS: usize = 300;

/// Longest link or image address shown in the analysis view, in characters
/// (default, ours: 2,048, about the 2,083 characters old browsers accepted; real
/// tracking links stay whole, a megabyte `data:` URL does not).
pub const MAX_URL_CHARS: usize = 2_048;

/// Whether `c` changes how text around it is shown: C0 and C1 controls, DEL,
/// the Unicode bidi controls (UAX #9: embeddings, overrides, isolates, marks),
/// and the line and paragraph separators some viewers break lines on (the CLI's
/// `sanitize.cjs` shows the same set).
pub fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{a}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `text` with unsafe characters made visible and at most `max_chars`
/// characters (the middle elided). C0 controls become their Control Pictures
/// (␍ ␊ ␀ ␛ …), DEL ␡, the others `<U+XXXX>`. Tabs stay. Only the two ends
/// kept are built: a rule may quote megabytes (a whole body), and the text is
/// otherwise only counted.
pub fn visible(text: &str, max_chars: usize) -> String {
    // Every ASCII character shows as one (a control as its picture), so an
    // ASCII text's shown length is its length, and a long one goes straight to
    // its two ends without reading the middle (#14).
    let ascii = text.is_ascii();
    if ascii && text.len() <= max_chars {
        let mut shown = String::with_capacity(text.len() + 8);
        push_all_shown(&mut shown, text);
        return shown;
    }
    let fits = !ascii && {
        // Counted until it is over `max_chars`: a rule may quote megabytes.
        let mut count = 0;
        text.chars().all(|c| {
            count += shown_chars(c);
            count <= max_chars
        })
    };
    if fits {
        let mut shown = String::with_capacity(text.len() + 8);
        push_all_shown(&mut shown, text);
        return shown;
    }
    // As `elide` of the whole shown text: its first `keep - keep / 3` characters,
    // "…", its last `keep / 3`.
    let keep = max_chars.saturating_sub(1);
    let (head_chars, tail_chars) = (keep - keep / 3, keep / 3);
    if ascii {
        // Each ASCII character shows as one, so the ends are those of the text,
        // copied by runs (#14: the ends were read a character at a time and the
        // tail took a `String` a character, for each evidence quoting a long
        // line; callgrind, corpus pass, `visible` 15.0 -> 7.3 M).
        let mut shown = String::with_capacity(keep + 8);
        push_all_shown(&mut shown, &text[..head_chars]);
        shown.push('…');
        push_all_shown(&mut shown, &text[text.len() - tail_chars..]);
        return shown;
    }
    let mut shown = String::with_capacity(keep + 8);
    // One buffer for each character's shown form; the tail gathered back to
    // front, its characters reversed, then the kept ones turned round.
    let mut piece = String::with_capacity(8);
    let mut taken = 0;
    for c in text.chars() {
        if taken >= head_chars {
            break;
        }
        piece.clear();
        push_shown(&mut piece, c);
        for c in piece.chars().take(head_chars - taken) {
            shown.push(c);
            taken += 1;
        }
    }
    shown.push('…');
    let mut tail_reversed: Vec<char> = Vec::with_capacity(tail_chars + 8);
    for c in text.chars().rev() {
        if tail_reversed.len() >= tail_chars {
            break;
        }
        piece.clear();
        push_shown(&mut piece, c);
        tail_reversed.extend(piece.chars().rev());
    }
    shown.extend(tail_reversed[..tail_chars.min(tail_reversed.len())].iter().rev());
    shown
}

/// `visible` in place: `text` is left as it is when it already shows as
/// itself (printable ASCII and tabs, at most `max_chars`), as `visible` would
/// copy it (#14: each finding made a copy of every parameter, header name and
/// path, the largest share of a lint's allocations on the corpus).
pub fn make_visible(text: &mut String, max_chars: usize) {
    if text.len() <= max_chars && text.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b)) {
        return;
    }
    *text = visible(text, max_chars);
}

/// Appends what `text` shows as: runs of printable ASCII and tabs at once, each
/// other character by `push_shown` (#14: evidence is mostly such runs, broken by
/// line ends).
fn push_all_shown(shown: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b == b'\t' || (b' '..=b'~').contains(&b) {
            at += 1;
            continue;
        }
        shown.push_str(&text[run..at]);
        // `at` starts a character: runs end only before a byte that is not
        // printable ASCII, and a non-ASCII character is taken whole.
        let c = text[at..].chars().next().unwrap_or('\u{fffd}');
        push_shown(shown, c);
        at += c.len_utf8();
        run = at;
    }
    shown.push_str(&text[run..]);
}

/// Characters `c` shows as: one, or `<U+XXXX>` (every unsafe character other
/// than the controls with a picture is below U+10000).
fn shown_chars(c: char) -> usize {
    match c {
        '\u{0}'..='\u{8}' | '\u{a}'..='\u{1f}' | '\u{7f}' => 1,
        c if is_unsafe(c) => 8,
        _ => 1,
    }
}

/// Appends what `c` shows as.
fn push_shown(shown: &mut String, c: char) {
    match c {
        '\u{0}'..='\u{8}' | '\u{a}'..='\u{1f}' => {
            shown.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
        }
        '\u{7f}' => shown.push('\u{2421}'),
        c if is_unsafe(c) => {
            let _ = write!(shown, "<U+{:04X}>", c as u32);
        }
        c => shown.push(c),
    }
}

/// At most `max` characters of `text`, eliding the middle with "…".
pub fn elide(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let keep = max.saturating_sub(1);
    let head: String = text.chars().take(keep - keep / 3).collect();
    let tail: String = text.chars().skip(count - keep / 3).collect();
    format!("{head}…{tail}")
}

/// `json` with each escaped lone surrogate (`\ud800`) written as U+FFFD
/// `\ufffd`. `JSON.stringify` escapes a lone surrogate of a string (ES2019
/// well-formed stringify), which JSON's readers refuse ("not valid JSON" for an
/// object the caller never wrote as JSON); a string given directly
/// (`explainSmtpReply`'s reply, a message) gets U+FFFD from the bindings'
/// conversion, and these now read the same. JSON text given as text (a
/// scenario) may hold the same escape, and reads the same too. An escaped pair
/// (`\ud83d\ude00`, a character JSON text may spell so) is kept, and a
/// backslash that is itself escaped (`\\ud800`, text) is left alone.
pub fn lone_surrogates_replaced(json: String) -> String {
    match lone_surrogates_replaced_in(&json) {
        std::borrow::Cow::Borrowed(_) => json,
        std::borrow::Cow::Owned(fixed) => fixed,
    }
}

/// `lone_surrogates_replaced` of borrowed text: borrowed back when nothing changes.
pub fn lone_surrogates_replaced_in(json: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let bytes = json.as_bytes();
    // memchr: the search of `str::contains` read a 5 MB settings field at 1.6 ns a byte in the wasm.
    if memchr::memmem::find(bytes, b"\\u").is_none() {
        return Cow::Borrowed(json);
    }
    // The surrogate `\uDXXX` at `at`, if there is one: high (D800–DBFF) or low (DC00–DFFF).
    let surrogate = |at: usize| -> Option<bool> {
        let escape = bytes.get(at..at + 6)?;
        let hex = |b: u8| b.is_ascii_hexdigit();
        let is = escape[0] == b'\\'
            && escape[1] == b'u'
            && matches!(escape[2], b'd' | b'D')
            && matches!(escape[3], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
            && hex(escape[4])
            && hex(escape[5]);
        is.then(|| matches!(escape[3], b'8' | b'9' | b'a' | b'b' | b'A' | b'B'))
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match surrogate(i) {
            // A high surrogate followed by a low one: one character, kept.
            Some(true) if surrogate(i + 6) == Some(false) => i += 12,
            Some(_) => {
                let out = out.get_or_insert_with(|| String::with_capacity(json.len()));
                out.push_str(&json[copied..i]);
                out.push_str("\\ufffd");
                copied = i + 6;
                i += 6;
            }
            // Any other escape, `\\` among them, is two characters (its `uXXXX` plain text).
            None => i += 2,
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&json[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(json),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogate_escapes_become_the_replacement_character() {
        let fixed = lone_surrogates_replaced(r#"{"host":"smtp.\ud800x.com","b":"\\ud800","c":"\uDC00\u00e9"}"#.to_string());
        assert_eq!(fixed, r#"{"host":"smtp.\ufffdx.com","b":"\\ud800","c":"\ufffd\u00e9"}"#);
        let value: serde_json::Value = serde_json::from_str(&fixed).expect("JSON");
        assert_eq!(value["host"], "smtp.\u{fffd}x.com");
        assert_eq!(lone_surrogates_replaced("\"plain\"".to_string()), "\"plain\"");
    }

    #[test]
    fn terminal_escapes_become_visible() {
        assert_eq!(visible("a\u{1b}]52;c;eA==\u{7}b", 100), "a␛]52;c;eA==␇b");
        assert_eq!(visible("x\r\n::error file=x::ok", 100), "x␍␊::error file=x::ok");
    }

    #[test]
    fn bidi_controls_and_c1_become_visible() {
        assert_eq!(visible("exe.\u{202e}fdp", 100), "exe.<U+202E>fdp");
        assert_eq!(visible("a\u{85}b", 100), "a<U+0085>b");
    }

    /// `visible` as it was: the whole text shown, then elided.
    fn visible_whole(text: &str, max_chars: usize) -> String {
        let mut shown = String::new();
        text.chars().for_each(|c| push_shown(&mut shown, c));
        elide(&shown, max_chars)
    }

    #[test]
    fn the_ends_are_those_of_the_whole_text_shown() {
        let alphabet = ['a', 'é', '\u{0}', '\r', '\t', '\u{7f}', '\u{85}', '\u{202e}', '\u{2029}', '😀', ' ', '~'];
        let mut seed = 7u64;
        for _ in 0..3_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 33) as usize % 40;
            let max = (seed >> 20) as usize % 24;
            let text: String = (0..len)
                .map(|i| alphabet[((seed >> (i % 50)) as usize).wrapping_add(i * 7) % alphabet.len()])
                .collect();
            assert_eq!(visible(&text, max), visible_whole(&text, max), "{text:?} {max}");
        }
        // Longer texts, mostly printable ASCII (the runs copied at once), against
        // the limits the engine uses.
        let ascii_heavy = ['a', 'Z', ' ', '~', '.', '\n', '\r', '\t', 'é', '\u{202e}', '\u{0}', '\u{7f}'];
        for _ in 0..2_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 33) as usize % 700;
            let max = [0, 1, 2, 10, 200, 300, 2_048][(seed >> 13) as usize % 7];
            let rare = (seed >> 40) as usize % 4;
            let mut state = seed;
            let text: String = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    let pick = (state >> 33) as usize;
                    // One text in four only printable; the others some unsafe characters.
                    if rare == 0 || pick % 16 != 0 { ascii_heavy[pick % 5] } else { ascii_heavy[5 + pick / 16 % 7] }
                })
                .collect();
            assert_eq!(visible(&text, max), visible_whole(&text, max), "{text:?} {max}");
            // In place, as the findings' parameters are made visible: the same text.
            let mut in_place = text.clone();
            make_visible(&mut in_place, max);
            assert_eq!(in_place, visible(&text, max), "{text:?} {max}");
        }
        // ASCII only, controls and DEL among it: the ends copied by runs.
        let ascii_only = ['a', ' ', '~', '\n', '\r', '\t', '\u{0}', '\u{1b}', '\u{7f}'];
        for _ in 0..2_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 33) as usize % 900;
            let max = [0, 1, 2, 3, 10, 200, 300][(seed >> 13) as usize % 7];
            let mut state = seed;
            let text: String = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    let pick = (state >> 33) as usize;
                    if pick % 8 != 0 { ascii_only[pick % 3] } else { ascii_only[3 + pick / 8 % 6] }
                })
                .collect();
            assert_eq!(visible(&text, max), visible_whole(&text, max), "{text:?} {max}");
        }
        for (text, max) in [("", 0), ("a", 0), ("\u{202e}", 3), ("\u{202e}\u{202e}", 9), (&*"x".repeat(1000), 10)] {
            assert_eq!(visible(text, max), visible_whole(text, max), "{text:?} {max}");
        }
    }

    #[test]
    fn long_text_keeps_both_ends() {
        let shown = visible(&"x".repeat(1000), 10);
        assert_eq!(shown.chars().count(), 10);
        assert!(shown.contains('…'));
    }
}
