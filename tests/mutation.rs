//! Hostile variations of real mail: every corpus message, cut and corrupted in
//! seeded ways (byte flips, truncation, inserted CR / LF / NUL / encoded-word
//! and markup starts), must lint without a panic.

mod common;

use mail_preflight::{lint, Options};

/// xorshift64*: a seeded generator, so a failure is reproducible.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INSERTS: &[&[u8]] = &[
    b"\r", b"\n", b"\0", b"\r\n\r\n", b"=?", b"?=", b"=?utf-8?B?", b"=?x?Q?=", b"<", b"<div style=\"color:#fff\">",
    b"--", b"\"", b"(", b"\\", b"*0*=", b"\xff\xfe", b"PK\x03\x04", b"MZ", b":", b" ",
];

fn mutate(raw: &[u8], rng: &mut Seeded) -> Vec<u8> {
    let mut out = raw.to_vec();
    for _ in 0..1 + rng.below(8) {
        match rng.below(4) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
            1 if !out.is_empty() => {
                let cut = rng.below(out.len());
                out.truncate(cut);
            }
            2 => {
                let i = rng.below(out.len() + 1);
                let insert = INSERTS[rng.below(INSERTS.len())];
                out.splice(i..i, insert.iter().copied());
            }
            _ if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + rng.below(64)).min(out.len());
                out.drain(start..end);
            }
            _ => {}
        }
    }
    out
}

#[test]
fn corrupted_corpus_messages_lint_without_panic() {
    let messages = common::corpus_messages();
    let options = Options::default();
    // MUTATION_ROUNDS and MUTATION_SEED scale the search when hunting for a bug by hand.
    let rounds: usize = std::env::var("MUTATION_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(12);
    let seed: u64 = std::env::var("MUTATION_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5eed_1234_abcd_9876);
    let mut rng = Seeded(seed.max(1));
    let mut linted = 0;
    for (name, raw) in &messages {
        // Large messages get fewer variants to keep the test quick.
        let variants = if raw.len() > 200_000 { rounds.div_ceil(6) } else { rounds };
        for variant in 0..variants {
            let mutated = mutate(raw, &mut rng);
            let outcome = std::panic::catch_unwind(|| lint(&mutated, &options));
            assert!(outcome.is_ok(), "{name}, variant {variant}: panicked");
            linted += 1;
        }
    }
    if !messages.is_empty() {
        println!("linted {linted} corrupted variants of {} corpus messages", messages.len());
    }
}
