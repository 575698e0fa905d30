//! The limits of custom rules, in one place. Beyond them a rule set is refused
//! with a coded error (`invalid-options`), or a SpamAssassin rule is refused
//! with its line; matching itself is linear in the text (the `regex` crate has
//! no backtracking), so these bound memory and the time per message.

/// Most rules, `customRules` and `spamassassinRules` together. SpamAssassin's
/// own rule set (Debian's `spamassassin` 4.0, `/usr/share/spamassassin/*.cf`)
/// defines 2,915 rules (measured here: `tests/custom_spamassassin_files.rs`);
/// the limit leaves room for local rules on top (default, ours). It bounds
/// the rules kept and run on each message: more `customRules` are refused; a
/// SpamAssassin text defining more (its size bounded first,
/// `MAX_RULES_TEXT_BYTES`) loads the first ones and leaves the others out with
/// one problem (`RulesPastLimit`).
pub const MAX_RULES: usize = 5_000;

/// Longest pattern, in bytes. The longest pattern of SpamAssassin's own rules
/// is 10,366 bytes (`REPTO_419_FRAUD_GM`, measured here) (default, ours).
pub const MAX_PATTERN_BYTES: usize = 32 * 1024;

/// Longest pattern once SpamAssassin's `replace_tag`s are put in, in bytes:
/// the largest in SpamAssassin's own rules is 223,927 bytes (`__MY_MALWARE`,
/// measured here) (default, ours).
pub const MAX_EXPANDED_PATTERN_BYTES: usize = 256 * 1024;

/// Longest `spamassassinRules` text, in bytes: SpamAssassin's whole rule set is
/// 1.3 MB (measured here) (default, ours).
pub const MAX_RULES_TEXT_BYTES: usize = 4_000_000;

/// Largest compiled form of one pattern (`RegexBuilder::size_limit`), in bytes.
/// A pattern like `\w{1000}` with Unicode classes compiles to megabytes; the
/// largest of SpamAssassin's rules needs far less (default, ours).
pub const MAX_COMPILED_PATTERN_BYTES: usize = 2 * 1024 * 1024;

/// Largest compiled form of all the patterns of the rules together, in bytes
/// of their Thompson NFAs (`regex_automata`'s `memory_usage`, the automaton
/// `regex` builds each pattern's engines from). Compiling costs time in
/// proportion (about 30 ns a byte natively, 130 in wasm, measured here), so
/// this bounds the load: 1,250 rules of `\w{30}` had taken 50 s and 823 MB of
/// wasm memory to load. SpamAssassin's 1,192 shipped patterns need 9.2 MB
/// together, the largest 874 KB (measured here); the limit leaves room for
/// local rules on top (default, ours). Past it, a rule set is refused, and
/// the SpamAssassin rules from the one past it on are refused with their lines.
pub const MAX_COMPILED_RULES_BYTES: usize = 32 * 1024 * 1024;

/// Largest compiled form of the patterns of one target together (one `RegexSet`).
pub const MAX_COMPILED_SET_BYTES: usize = 64 * 1024 * 1024;

/// Cache of the lazy DFA (`RegexBuilder::dfa_size_limit`), where the `regex`
/// build has one (the engine's build has none: no `perf-dfa` feature).
pub const MAX_DFA_CACHE_BYTES: usize = 2 * 1024 * 1024;

/// Deepest nesting of groups and repetitions in a pattern (`nest_limit`).
pub const MAX_PATTERN_NESTING: u32 = 64;

/// Deepest nesting of a `meta` expression, and longest chain of metas
/// depending on metas (SpamAssassin's deepest chain is under 10, measured here).
pub const MAX_META_DEPTH: usize = 64;

/// Most tokens of one `meta` expression (ours: the longest of SpamAssassin 4.0's
/// shipped metas, `__FORM_FRAUD`, has 247, measured here).
pub const MAX_META_TOKENS: usize = 10_000;

/// Most rule names the `rules_matching()` of all metas expand to together.
/// SpamAssassin writes each expansion into its meta as a sum
/// (`Conf::Parser::expand_ruleglob`), with no limit: one glob over 5,000 rules
/// in each of 5,000 metas would be 25 million terms to keep and add up on every
/// message. Debian's shipped rules use no `rules_matching` (measured here);
/// 100,000 is twenty globs over the largest rule set (default, ours). Past it,
/// the meta whose glob passes it is refused (`core.custom.meta-glob-limit`).
pub const MAX_META_GLOB_NAMES: usize = 100_000;

/// Most steps spent matching the `rules_matching()` globs against the rule
/// names, all globs of a file together (each distinct glob is matched once; a
/// step is one byte of a name read, at most glob × name per name). 20 million
/// are 200 distinct globs over 5,000 names of 20 bytes, a few tens of
/// milliseconds (default, ours). Past it, the metas of the globs not yet
/// matched are refused (`core.custom.meta-glob-limit`).
pub const MAX_META_GLOB_STEPS: u64 = 20_000_000;

/// Longest rule id, header name or rule name, in bytes.
pub const MAX_ID_BYTES: usize = 128;

/// Longest message or fix text of a custom rule, in bytes.
pub const MAX_TEXT_BYTES: usize = 2_000;

/// Rendered text of one part read by body rules: SpamAssassin's
/// `body_part_scan_size` default (`Mail::SpamAssassin::Conf`).
pub const MAX_BODY_PART_BYTES: usize = 50_000;

/// Decoded text of one part read by rawbody rules: SpamAssassin's
/// `rawbody_part_scan_size` default.
pub const MAX_RAWBODY_PART_BYTES: usize = 500_000;

/// Bytes of the message read by `full` rules (default, ours: SpamAssassin reads
/// the whole message; a 10 MB message is then read once per `full` pattern set).
pub const MAX_FULL_BYTES: usize = 10_000_000;

/// SpamAssassin's `MAX_BODY_LINE_LENGTH` (`Mail::SpamAssassin::Constants`): body
/// lines are split at a space before it, rawbody chunks are 1 to 2 of it.
pub const SA_LINE_BYTES: usize = 2048;

/// Most matches counted for a rule with `tflags multiple` and no `maxhits`.
pub const MAX_HITS: usize = 1_000;

/// Most state steps spent to find the exact most threads of one pattern
/// (`work::nfa_threads`); past it the estimate from the parsed pattern is
/// used. In SpamAssassin's rules the patterns past it are long alternations
/// of phrases (`__FILL_THIS_FORM_SHORT1`, `__HOURS_DEADLINE`) and wide
/// repetitions (`(?s).{900}I` is 900 sets of up to 900 states). The search
/// runs when the rules are loaded: SpamAssassin's 1,498 shipped rules load in
/// 2.1 s natively with no search, 2.3 s at 10⁴ steps, 3.0 s at 10⁵ and 7.4 s
/// at 10⁶, and over the 1,249 corpus messages 217, 192, 158 and 114 of them
/// stop some rule (measured here, a loaded 2-core machine): 10⁵ keeps most of
/// the gain for a sixth of the load time (default, ours).
pub const MAX_THREAD_BOUND_STEPS: u64 = 100_000;

/// Most state steps spent on `MAX_THREAD_BOUND_STEPS` searches by all the
/// patterns of the rules together; past it each pattern takes the estimate.
/// SpamAssassin's 1,192 shipped patterns spend 24.1 million (148 of them the
/// 100,000 each, measured here); 5,000 patterns could spend 500 million, and
/// 5,000 rules of 21 character classes each had taken 12 s to load in wasm
/// (default, ours).
pub const MAX_THREAD_BOUND_TOTAL_STEPS: u64 = 32_000_000;

/// Work of all custom rules on one message, in bytes read times the threads
/// a pattern keeps alive (`work::threads`, an estimate of the PikeVM's steps).
/// Measured in Node (wasm): the slowest work per unit is a Unicode `.`
/// repeated, `(?s).{315}I` over 936 kB (2.97 × 10⁸) took 17.4 s, 17 million a
/// second (seven `\w{20}I\w{20}`, 2.75 × 10⁸, 9.4 s); so this limit is about
/// 6 s at worst, leaving the rest of the 10 s a report may take to the
/// engine's own rules. SpamAssassin's own rules run several times faster than
/// their estimate (16 times on the three heaviest corpus messages; a 19 KB spam: 5.8 × 10⁸, 2.6 s; a 1 MB text: 3.4 × 10⁹,
/// 5.7 s; 20 parts of 500 kB: 5.8 × 10¹⁰, 114 s before this limit), so the
/// heaviest messages stop some of them (README "Your own rules") (default, ours).
pub const MAX_CUSTOM_RULE_WORK: u64 = 100_000_000;

/// Work of one run of a pattern or a `RegexSet` over a value, whatever the
/// value's length, in the units of `MAX_CUSTOM_RULE_WORK`: a run has a cost of
/// its own (the matcher's cache taken and set up, the search started), which
/// bytes × threads leaves out and which dominates on short values. Measured
/// natively (2026-12-07, a loaded 2-core machine): 1,000 rules each needing a
/// literal that every link holds, over 10,000 links, took 1.9 µs a run on
/// links of 22 bytes, 7.3 µs on 122 and 20 µs on 422: about 1 µs a run and
/// 42 ns a byte. Charged by the bytes alone, 10⁸ units were 4.2 s natively
/// (6.6 s with 4,096 rules); a unit is about 10 ns natively where the PikeVM
/// steps many threads (a `RegexSet` of 500 patterns, 7 to 11 ns), so a run
/// is charged 100 (ours).
pub const RUN_CALL_WORK: u64 = 100;

/// Work of each byte a pattern or a `RegexSet` reads, beside its threads
/// (`work::threads`), in the units of `MAX_CUSTOM_RULE_WORK`: the PikeVM's own
/// step of the byte (the thread it starts there, the sets swapped), paid
/// however few threads stay alive. Measured natively (2026-12-07, a loaded
/// 2-core machine, `evaluate_within` over 2,000 links of about 460 bytes and 1 MB
/// `full` texts): a thread kept alive over a byte costs 23 to 33 ns,
/// whether it reads ASCII or Cyrillic and whether `.` is Unicode or not
/// (`(?s).{20}I`, `(?s).{100}I`, `(?s-u).{100}I`), so a unit is about 30 ns
/// where the threads counted are alive; a light pattern, `[xy][0-9]` (2
/// threads), took 41 ns a byte and `[^a-z]{2}[0-9]` on Cyrillic (where its
/// threads stay alive) 120 ns a byte for 4 units: 20 to 30 ns a unit charged
/// by its threads alone, so the limit's 10⁸ units had been up to 4.2 s on
/// light patterns (previous stop's figure). With one unit more a byte they
/// take 14 to 20 ns a unit, below the alive threads' 30 (ours).
pub const BYTE_WORK: u64 = 1;

/// Work of one search for a rule's literals in a value, whatever the value's
/// length, beside `SEARCHED_BYTES_PER_STEP` for its bytes (`prefilter`):
/// 4,096 rules whose literal no link holds, over 2,130 links of 22 bytes, took
/// 611 ms natively for 8.7 million searches, 70 ns each, charged 2 units
/// (2026-12-07); at about 10 ns a unit a search is charged 5 more (ours).
pub const SEARCH_CALL_WORK: u64 = 5;

/// Most runs and literal searches refused on one message before every rule
/// left is skipped at once on the values left. A refused run spends no work,
/// yet the loop over values × rules still visits it: with the work left just
/// under every rule's cost, 5,000 rules × 10⁶ links would be 5 × 10⁹ refusals
/// (ours: a refusal is a few nanoseconds natively, so a million is milliseconds).
pub const MAX_REFUSED_RUNS: u64 = 1_000_000;
