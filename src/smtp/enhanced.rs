//! The RFC 3463 enhanced status codes as data: every enumerated code of the
//! IANA "Simple Mail Transfer Protocol (SMTP) Enhanced Status Codes" registry
//! (https://www.iana.org/assignments/smtp-enhanced-status-codes/, updated
//! 2024-12-06), with the RFC that defines it and the rules of this linter it
//! relates to. Texts are in `i18n/catalog/smtp_enhanced.rs`, keyed
//! `smtp.enhanced.detail.S.D` (meaning) and `smtp.enhanced.action.S.D` (what to
//! do, for the codes a site owner meets; others use their subject's advice).

use crate::text::negation::negated;

/// The registry's last update this table follows.
pub const REGISTRY_UPDATED: &str = "2024-12-06";

/// One enumerated code `X.subject.detail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registered {
    pub subject: u16,
    pub detail: u16,
    /// The defining document.
    pub reference: &'static str,
    /// Has its own "what to do" text.
    pub action: bool,
    /// Rule ids (or groups, ending with `/`) that explain or prevent it.
    pub related: &'static [&'static str],
    /// Its action says to retry later (a full mailbox, a busy system): advice
    /// a permanent (5xx) reply must not get (RFC 5321 §4.2.1).
    pub retry_later: bool,
    /// Has a second action for a permanent (5xx) reply, `smtp.enhanced.action.S.D.permanent`.
    pub permanent_action: bool,
    /// Servers send it for many causes (X.7.1 for relaying, blocklists, spam;
    /// Gmail's 4.2.1 for a rate): a cause the server's text names explains it.
    pub text_first: bool,
    /// The detail applies only when the text says one of these (lower case);
    /// else the code reads as its subject's X.Y.0. The registry describes
    /// X.1.10 as "the associated address is marked as invalid using a null MX"
    /// (RFC 7505), and X.7.9 as an AUTH mechanism too weak (RFC 4954 §6), but
    /// servers send them for any unknown recipient (Microsoft's
    /// RESOLVER.ADR.RecipientNotFound) or policy refusal (Yahoo's "Message not
    /// accepted for policy reasons").
    pub requires: &'static [&'static str],
    /// Causes (ids of [`CAUSES`]) the server's words name that explain the
    /// reply instead of this detail: Orange sends `552 5.1.1 … Boite du
    /// destinataire pleine. Recipient overquota. OFR_417` for a full mailbox
    /// (Sisimai's Rhost/FrancePTT.pm table, code 417), and Exim's sender
    /// verification quotes the callout's `550 5.1.1 No such user` about the
    /// sender, not the recipient.
    pub yields_to: &'static [&'static str],
}

/// The reference of a code the IANA registered without a document of its own
/// (X.7.28): said in the reader's language (`smtp.enhanced.reference.iana`).
pub const IANA_ONLY: &str = "IANA registry";

const fn code(subject: u16, detail: u16, reference: &'static str) -> Registered {
    act_with(subject, detail, reference, false, &[], false)
}

const fn act(subject: u16, detail: u16, reference: &'static str, related: &'static [&'static str]) -> Registered {
    act_with(subject, detail, reference, true, related, false)
}

/// A code whose action is to retry later; its permanent reply has its own action.
const fn act_later(subject: u16, detail: u16, reference: &'static str) -> Registered {
    act_with(subject, detail, reference, true, &[], true)
}

const fn act_with(
    subject: u16,
    detail: u16,
    reference: &'static str,
    action: bool,
    related: &'static [&'static str],
    retry_later: bool,
) -> Registered {
    Registered {
        subject,
        detail,
        reference,
        action,
        related,
        retry_later,
        permanent_action: false,
        text_first: false,
        requires: &[],
        yields_to: &[],
    }
}

impl Registered {
    const fn text_first(mut self) -> Registered {
        self.text_first = true;
        self
    }

    const fn requires(mut self, words: &'static [&'static str]) -> Registered {
        self.requires = words;
        self
    }

    const fn yields_to(mut self, causes: &'static [&'static str]) -> Registered {
        self.yields_to = causes;
        self
    }

    const fn permanent(mut self) -> Registered {
        self.permanent_action = true;
        self
    }

    /// Whether the text lets this detail apply (see `requires`): one of its words
    /// where a word starts ([`has_word`], as a cause's words are read: "expan" is
    /// no "unexpanded"; measured on the 1,068 real replies of stop 74: none changes).
    pub fn applies_to(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        self.requires.is_empty() || self.requires.iter().any(|w| has_word(&lower, w))
    }
}

/// Subjects whose advice (`smtp.enhanced.action.subject.N`, for a code without
/// its own) is to retry later: mailbox (2), mail system (3), network and routing (4).
pub const RETRY_LATER_SUBJECTS: &[u16] = &[2, 3, 4];

const SIZE: &[&str] = &["size/total"];
const SPAM: &[&str] = &["spam/"];
const SECURITY: &[&str] = &["config/smtp-security"];
const ADDRESS: &[&str] = &["headers/address-syntax"];

/// The registry's enumerated codes.
pub const REGISTRY: &[Registered] = &[
    code(0, 0, "RFC 3463"),
    code(1, 0, "RFC 3463"),
    // GoDaddy's `550 5.1.1 <x> - <ip> has sent to too many recipients this hour.
    // IB607` is a rate (Sisimai's Rhost/GoDaddy.pm: IB607 speeding).
    act(1, 1, "RFC 3463", &[]).yields_to(&["full", "sender", "rate", "recipient-block"]),
    act(1, 2, "RFC 3463", &[]),
    act(1, 3, "RFC 3463", ADDRESS),
    code(1, 4, "RFC 3463"),
    code(1, 5, "RFC 3463"),
    act(1, 6, "RFC 3463", &[]),
    act(1, 7, "RFC 3463", ADDRESS),
    act(1, 8, "RFC 3463", &[]),
    code(1, 9, "RFC 3886"),
    act(1, 10, "RFC 7505", &[]).requires(&["null mx"]),
    code(2, 0, "RFC 3463"),
    act(2, 1, "RFC 3463", &[]).text_first(),
    // Microsoft's `550 5.2.2 Submission quota exceeded` is the sender's recipient or message
    // rate limit (its NDR reference, as quoted in Sisimai's Rhost/Microsoft.pm), not a full mailbox.
    act_later(2, 2, "RFC 3463").permanent().yields_to(&["rate"]),
    act(2, 3, "RFC 3463", SIZE),
    code(2, 4, "RFC 3463"),
    code(3, 0, "RFC 3463"),
    act_later(3, 1, "RFC 3463"),
    // `452 4.3.2 Connection rate limit exceeded` (Sisimai's reason/toomanyconn.rb).
    act_later(3, 2, "RFC 3463").yields_to(&["rate"]),
    code(3, 3, "RFC 3463"),
    act(3, 4, "RFC 3463", SIZE),
    act(3, 5, "RFC 3463", &[]),
    code(3, 6, "RFC 6710"),
    code(4, 0, "RFC 3463"),
    // Exchange Online's directory-based edge blocking answers an unknown
    // recipient with `550 5.4.1 Recipient address rejected: Access denied`
    // (learn.microsoft.com, "Fix email delivery issues for error code 5.4.1 in
    // Exchange Online"; Sisimai's reason/userunknown.rb): no unanswered host.
    // Zoho's `541 5.4.1 Mail rejected by destination domain` is the receiving
    // domain's own filter (ActiveCampaign's smtp-field-manual, 451.json).
    act_later(4, 1, "RFC 3463").yields_to(&["unknown-user", "recipient-block"]),
    code(4, 2, "RFC 3463"),
    code(4, 3, "RFC 3463"),
    act(4, 4, "RFC 3463", &[]),
    act_later(4, 5, "RFC 3463").permanent(),
    code(4, 6, "RFC 3463"),
    act(4, 7, "RFC 3463", &[]),
    code(5, 0, "RFC 3463"),
    code(5, 1, "RFC 3463"),
    code(5, 2, "RFC 3463"),
    act(5, 3, "RFC 3463", &[]),
    act(5, 4, "RFC 3463", &[]),
    code(5, 5, "RFC 3463"),
    code(5, 6, "RFC 4954"),
    act(6, 0, "RFC 3463", &["headers/"]),
    code(6, 1, "RFC 3463"),
    code(6, 2, "RFC 3463"),
    code(6, 3, "RFC 3463"),
    code(6, 4, "RFC 3463"),
    code(6, 5, "RFC 3463"),
    code(6, 6, "RFC 4468"),
    act(6, 7, "RFC 6531", &["headers/address-idn"]),
    code(6, 8, "RFC 6531"),
    act(6, 9, "RFC 6531", &["headers/raw-8bit"]),
    code(7, 0, "RFC 3463"),
    act(7, 1, "RFC 3463", SPAM).text_first(),
    // Yahoo sends `553 5.7.2 [TSS09] All messages from … will be permanently
    // deferred` for a blocked sender (Sisimai's Rhost/YahooInc.pm): no list expansion.
    code(7, 2, "RFC 3463").requires(&["expan"]),
    code(7, 3, "RFC 3463"),
    code(7, 4, "RFC 3463"),
    code(7, 5, "RFC 3463"),
    code(7, 6, "RFC 3463"),
    code(7, 7, "RFC 3463"),
    act(7, 8, "RFC 4954", &[]),
    // Not "auth": Yahoo's `550 5.7.9 … the sender is unauthenticated` and
    // `554 5.7.9 Message not accepted for policy reasons` are DMARC refusals
    // (help.yahoo.com/kb/SLN7253), not a login mechanism.
    act(7, 9, "RFC 4954", SECURITY).requires(&["mechanism", "too weak"]),
    act(7, 10, "RFC 5248", SECURITY),
    act(7, 11, "RFC 4954", SECURITY),
    code(7, 12, "RFC 4954"),
    // Exchange sends `550 5.7.13 Sender was not authenticated for public folder` for a
    // folder that takes internal mail only (Sisimai's Rhost/Microsoft.pm), not a disabled account.
    act(7, 13, "RFC 5248", &[]).yields_to(&["internal-only"]),
    code(7, 14, "RFC 5248"),
    code(7, 15, "RFC 6710"),
    act(7, 16, "RFC 6710", SIZE),
    code(7, 17, "RFC 7293"),
    code(7, 18, "RFC 7293"),
    code(7, 19, "RFC 7293"),
    act(7, 20, "RFC 7372", &[]),
    code(7, 21, "RFC 7372"),
    code(7, 22, "RFC 7372"),
    act(7, 23, "RFC 7372", &[]),
    // RFC 7372 §3.2: an error while evaluating SPF (RFC 7208 §2.6.6 permerror, §4.6.4
    // more than 10 lookups); Gmail's `451 4.7.24 The SPF record of the sending domain
    // has one or more suspicious entries` (Sisimai's Rhost/Google.pm): not "suspicious" spam.
    act(7, 24, "RFC 7372", &[]),
    act(7, 25, "RFC 7372", &[]),
    act(7, 26, "RFC 7372", &[]),
    // Gmail sends 4.7.27 and 5.7.27 for an SPF failure ("Gmail requires all
    // senders to authenticate with SPF", support.google.com/a/answer/3726730 as
    // quoted in Sisimai's Rhost/Google.pm), not for a null MX.
    act(7, 27, "RFC 7505", &[]).requires(&["null mx"]),
    act(7, 28, IANA_ONLY, &[]),
    // Gmail sends 4.7.29 and 5.7.29 for mail not sent over TLS ("Gmail requires
    // all bulk email senders to use TLS/SSL for SMTP connections"), and 4.7.30
    // and 5.7.30 for a DKIM failure (support.google.com/a/answer/3726730, as
    // quoted in Sisimai's Rhost/Google.pm): the registry's ARC and REQUIRETLS
    // meanings apply only when the text says so.
    code(7, 29, "RFC 8617").requires(&["arc validation", "arc chain", "arc-seal"]),
    code(7, 30, "RFC 8689").requires(&["requiretls"]),
];

/// The registry entry of `X.subject.detail`, if enumerated.
pub fn registered(subject: u16, detail: u16) -> Option<&'static Registered> {
    REGISTRY.iter().find(|r| r.subject == subject && r.detail == detail)
}

/// Catalogue ids of the class and subject digits (RFC 3463 §3.1, §3.2 and its subjects).
pub fn class_and_subject_ids(class: u8, subject: u16) -> (&'static str, &'static str) {
    let class_id = match class {
        2 => "smtp.enhanced.class.2",
        4 => "smtp.enhanced.class.4",
        _ => "smtp.enhanced.class.5",
    };
    let subject_id = match subject {
        0 => "smtp.enhanced.subject.0",
        1 => "smtp.enhanced.subject.1",
        2 => "smtp.enhanced.subject.2",
        3 => "smtp.enhanced.subject.3",
        4 => "smtp.enhanced.subject.4",
        5 => "smtp.enhanced.subject.5",
        6 => "smtp.enhanced.subject.6",
        7 => "smtp.enhanced.subject.7",
        _ => "smtp.enhanced.subject.other",
    };
    (class_id, subject_id)
}

/// Public blocklists' names, and the generic names of such lists, the "listed" cause reads
/// by themselves: Postfix's `Client host [ip] blocked using zen.spamhaus.org` (postconf(5),
/// default_rbl_reply), a lookup page (`https://www.spamhaus.org/query/bl?ip=…`, Proofpoint's
/// `dnsbl-lookup.cgi`).
const LISTED_NAMES: &[&str] = &["spamhaus", "spamcop", "dnsbl", "rbl"];

/// Other widely used public blocklists a reply may name (ours).
const OTHER_LIST_NAMES: &[&str] = &["sorbs", "barracuda", "uceprotect", "abuseat", "mailspike"];

/// Names of public blocklists a reply may give: [`LISTED_NAMES`], then [`OTHER_LIST_NAMES`].
const PUBLIC_LIST_NAMES: &[&str] =
    &joined::<{ LISTED_NAMES.len() + OTHER_LIST_NAMES.len() }>(LISTED_NAMES, OTHER_LIST_NAMES);

/// `first` then `second`, as one array of `N` (their lengths' sum), so that a word list made
/// of two others repeats none of their words.
const fn joined<const N: usize>(first: &[&'static str], second: &[&'static str]) -> [&'static str; N] {
    // A wrong length fails the build: no empty word (which every text has) pads the list.
    assert!(first.len() + second.len() == N);
    let mut out = [""; N];
    let mut i = 0;
    while i < first.len() {
        out[i] = first[i];
        i += 1;
    }
    let mut j = 0;
    while j < second.len() {
        out[i + j] = second[j];
        j += 1;
    }
    out
}

/// A cause a server's own text names, by words it uses (lower case), with the
/// rules it relates to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cause {
    pub id: &'static str,
    pub phrases: &'static [&'static str],
    /// The phrase counts only when the text also says one of these where a word
    /// starts ([`has_word`]; a quota is a mailbox's only when the text says
    /// mailbox or storage).
    pub with: &'static [&'static str],
    /// The phrase also counts, without a word of `with`, when the reply's
    /// enhanced code has this subject (RFC 3463 §3.3: X.2.X is the mailbox's
    /// status, so `522 5.2.0 Delivery failed: Over quota` is a mailbox's quota).
    pub with_subject: Option<u16>,
    /// A negation anywhere before it in the same clause undoes it, not only
    /// the word just before: "not listed in any blocklist".
    pub clause_negation: bool,
    /// The phrase also counts inside a web address. Other causes' phrases do
    /// not: a help page's address (`…/?p=UnsolicitedRateLimitError`,
    /// `…/spf-help`) names no cause of the reply, but a blocklist's lookup
    /// page (`https://www.spamhaus.org/query/bl?ip=…`, Proofpoint's
    /// `dnsbl-lookup.cgi`) names the list that refused it.
    pub in_urls: bool,
    /// The word of `with` counts only in the sentence that has the phrase
    /// (see [`said_together`]): "Invalid Sender. SPF check failed" names an SPF
    /// failure; "Sender verify failed; see our SPF page" does not (ours).
    pub with_in_sentence: bool,
    pub related: &'static [&'static str],
}

const fn cause(id: &'static str, phrases: &'static [&'static str], related: &'static [&'static str]) -> Cause {
    Cause { id, phrases, with: &[], with_subject: None, clause_negation: false, in_urls: false, with_in_sentence: false, related }
}

/// Words that make a quota a mailbox's (ours).
/// "account" and "user" from Sisimai's reason/mailboxfull.rb ("account is over quota",
/// "user is over quota", "the user(s) account is temporarily over quota"); "disc quota" and
/// "disk" likewise ("disc quota exceeded", "diskspace quota", "maildir delivery failed:
/// userdisk quota", "domaindisk quota"), and "maildir" ("maildir over quota", also kei.pl's
/// sample bounce `maildrop: maildir over quota.`, www.kei.pl/pomoc/wiadmosc-zwrotna). Each
/// read where a word starts ([`has_word`]): "disc" alone would be "disconnecting", "account"
/// a "subaccount"'s sending quota. A sending quota says "sending quota" or "submission
/// quota", read before (a rate).
const MAILBOX_WORDS: &[&str] =
    &["mailbox", "mail box", "inbox", "storage", "disk", "disc quota", "domaindisk", "maildir", "account", "user"];

/// Words that make a bare mention of SPF, DKIM or DMARC a failure of it
/// before a rate limit the text also names: Gmail's "rate limited because SPF
/// authentication didn't pass", "isn't aligned with either the authenticated
/// SPF or DKIM organizational domain" (support.google.com/a/answer/3726730, as
/// quoted in Sisimai's Rhost/Google.pm). A rate limit whose text only points
/// at SPF or DKIM (a help page's name) stays a rate limit (ours). Read where a word starts
/// ([`has_word`]: "pass" is no "bypass"), with [`FAILED_IN_ONE_WORD`].
const AUTH_FAILED_WORDS: &[&str] =
    &joined::<{ FAILED_IN_ONE_WORD.len() + AUTH_FAILED_STEMS.len() }>(FAILED_IN_ONE_WORD, AUTH_FAILED_STEMS);

/// The words of [`AUTH_FAILED_WORDS`] besides [`FAILED_IN_ONE_WORD`].
const AUTH_FAILED_STEMS: &[&str] = &["fail", "pass", "align", "authenticat", "invalid", "missing"];

/// A failed check named in one word, which a word of failure read where a word starts does
/// not find: SPF's "softfail" (RFC 7208 §2.6.5), "hardfail" (Forpsi's "rejected due to the
/// SPF hardfail reason", support.forpsi.com kb a3302), "misaligned" and "unaligned" (ours).
const FAILED_IN_ONE_WORD: &[&str] = &["softfail", "hardfail", "misalign", "unalign"];

/// Words that make SPF, DKIM or DMARC, named in the same sentence, a failed check
/// before a refused sender the text also names: Orange's `421 … Emetteur invalide,
/// Veuillez verifier la configuration SPF/DNS de votre nom de domaine. Invalid Sender.
/// SPF check failed` (Sisimai's Rhost/FrancePTT.pm and its sample, authfailure), "SPF
/// check: fail", "Sender Policy Framework violation", "is not allowed to send from <…>
/// per it's SPF Record", "Email rejected per DMARC policy" (Sisimai's
/// Reason/AuthFailure.pm, BSD-2), Gmail's "fails to pass SPF checks", "DKIM does not
/// pass", "isn't aligned with … SPF or DKIM" (Rhost/Google.pm). Not "pass" alone ("SPF
/// pass") nor "authenticat" ("authenticate with SPF" is advice). Read where a word starts,
/// as [`AUTH_FAILED_WORDS`] are ("MailPolicy" is no policy of SPF's), with [`FAILED_IN_ONE_WORD`].
const AUTH_FAILURE_WORDS: &[&str] =
    &joined::<{ FAILED_IN_ONE_WORD.len() + AUTH_FAILURE_STEMS.len() }>(FAILED_IN_ONE_WORD, AUTH_FAILURE_STEMS);

/// The words of [`AUTH_FAILURE_WORDS`] besides [`FAILED_IN_ONE_WORD`].
const AUTH_FAILURE_STEMS: &[&str] =
    &["fail", "not pass", "n't pass", "violat", "not allowed to send", "not aligned", "n't aligned", "invalid", "policy"];

/// The words of a blocklist listing that the "listed" cause reads besides [`LISTED_NAMES`]:
/// Microsoft's `550 5.7.606 Access denied, banned sending IP [ip]. To request removal from
/// this list …` (the 5.7.606–5.7.649 range of its NDR reference); Postfix's
/// reject_rbl_client, "Client host [ip] blocked using zen.spamhaus.org" (postconf(5),
/// default_rbl_reply).
const LISTED_WORDS: &[&str] = &[
    "blacklist",
    "blocklist",
    "block list",
    "listed",
    "banned sending ip",
    // Microsoft's `550 5.7.511 Access denied, banned sender`: the sending IP,
    // delisted on request (its NDR reference, as quoted in Sisimai's Rhost/Microsoft.pm).
    "banned sender",
    "blocked using",
    // Yahoo's `553 5.7.1 [BL23] Connections not accepted from IP addresses on
    // Spamhaus XBL` and `[BL21] Connections will not be accepted from [ip], because
    // the ip is in Spamhaus's list` (Sisimai's Rhost/YahooInc.pm, blocked): their
    // "not" is the refusal's, not the listing's, which the clause's negation had undone.
    "not accepted from ip addresses on spamhaus",
    "because the ip is in spamhaus",
];

/// The "listed" cause's phrases: [`LISTED_NAMES`], then [`LISTED_WORDS`].
const LISTED_PHRASES: &[&str] =
    &joined::<{ LISTED_NAMES.len() + LISTED_WORDS.len() }>(LISTED_NAMES, LISTED_WORDS);

/// Causes a server's own text names. Checked in order; the first match wins. A
/// phrase matches from the start of a word (so `blacklist` finds `blacklisted`,
/// and `listed` not `unlisted`), and not after a negation (`not listed`). "try
/// again later" is no cause: servers say it of anything temporary. Order
/// matters: a client's STARTTLS misuse before `tls`, the sender before the
/// recipient, a relay *limit* (a rate) before relaying denied, a quota the
/// text does not tie to a mailbox is a sending quota (a rate), and what failed
/// (authentication, TLS) before the rate limit it caused ("rate limited because
/// SPF authentication didn't pass"); a bare SPF, DKIM or DMARC comes before a
/// rate only with a word of failure, else after it. A missing PTR before the
/// sender, a disabled mailbox before an unknown user, the recipient's unknown
/// domain after the sender and before an unknown user, a virus and a header
/// refusal (not RFC 5322) before spam, the sending IP's reputation before spam and a
/// rate, the HELO name before an unknown host. Web addresses are
/// blanked first (see [`Cause::in_urls`]).
pub const CAUSES: &[Cause] = &[
    cause("greylisting", &["greylist", "graylist", "grey-list", "gray-list"], &[]),
    // RFC 3207 §4: STARTTLS ends a pipelined group; §4.2: never started twice.
    // Not "pipelining" alone: EHLO replies list the PIPELINING extension (RFC 2920).
    cause(
        "starttls-misuse",
        &["pipeline after starttls", "pipelined after starttls", "allowed to pipeline", "starttls may not be repeated"],
        &[],
    ),
    // Yahoo: `421 4.7.0 [TS03]` and `553 5.7.2 [TSS09] All messages from <ip> will
    // be permanently deferred; Retrying will NOT succeed` (Sisimai's Rhost/YahooInc.pm):
    // a 4xx that says not to retry; the general "the server retries it" would mislead.
    cause("permanently-deferred", &["will be permanently deferred", "retrying will not succeed"], &[]),
    // The sending server kept the message in its queue, retrying, until its lifetime ran
    // out (RFC 5321 §4.5.4.1: give up after at least 4–5 days): Amazon SES's `554 4.4.7
    // Message expired: unable to deliver in 840 minutes`, Exchange's `550 4.4.7
    // QUEUE.Expired; message expired`, Microsoft 365's `550 5.4.316 Message expired`,
    // Exim's "retry timeout exceeded" (phrases from Sisimai's reason/expired.rb, BSD-2).
    cause(
        "expired",
        &[
            "message expired",
            "delivery expired",
            "delivery time expired",
            "message timed out",
            "in the queue too long",
            "unable to deliver message after multiple retries",
            "retry timeout exceeded",
            // Sisimai's reason/expired.rb and Rhost tables (BSD-2).
            "envelope expired",
            "delivery time has expired",
            "not delivered within",
            "past the expiration",
        ],
        &[],
    ),
    // The provider that sends for the script stopped sending from this account, most often
    // after it sent spam or its password leaked: Mail.ru's `550 message sending for this
    // account is disabled` (mailout.ru, "Популярные ошибки … Mail.ru": change or recover the
    // password, confirm ownership after a suspected break-in), Microsoft 365's `550 5.1.8
    // Access denied, bad outbound sender` ("The account has been blocked for sending too
    // much spam. Typically … compromised", its NDR reference as quoted in Sisimai's
    // Rhost/Microsoft.pm). Not the recipient's disabled mailbox ("account is disabled"), nor
    // the sender's address (RFC 3463 X.1.8): before "reputation", "sender" and "disabled".
    cause(
        "sending-blocked",
        &["sending for this account is disabled", "bad outbound sender"],
        &[],
    ),
    // Forpsi's submission server (smtp.forpsi.com) answers `550 5.1.0 <id> policy violation, see
    // https://support.forpsi.com/kb/a4081` (in Polish "Naruszenie zasad <id>, zobacz …/kb/a4071")
    // when an IP or account sent over its limits (250 a minute, 1000 an hour), more than 100 mails
    // an hour of which over half could not be delivered, or mass mail to qq.com and yahoo.com: "a
    // typical scenario of a mail account abused for spam", so sending from it is cut for 60 minutes
    // (support.konto.pl kb a2164, a2765, a2813; support.forpsi.pl kb a2873). Its words alone are
    // any receiver's generic policy refusal; with Forpsi's help page it is the provider's block.
    Cause {
        in_urls: true,
        with: &["support.forpsi.com/kb/"],
        ..cause("sending-blocked", &["policy violation", "naruszenie zasad"], &[])
    },
    // Microsoft 365 refuses to forward a message automatically (an Inbox rule, a mailbox's SMTP
    // forwarding) to an address outside the organisation when its outbound spam policy turns
    // automatic forwarding off, the default: `550 5.7.520 Access denied, Your organization does
    // not allow external forwarding. Please contact your administrator for further assistance.
    // AS(7555)` (learn.microsoft.com, "Control automatic external email forwarding in Microsoft
    // 365", MicrosoftDocs/defender-docs outbound-spam-policies-external-email-forwarding.md;
    // MicrosoftDocs/microsoft-365-docs issues 3648, 6235). No policy of the receiver's, and
    // nothing in the message: the forwarding mailbox's own tenant. 5.7.520 is no registered
    // detail (it reads as X.7.0), so the words decide.
    cause("forwarding-blocked", &["does not allow external forwarding", "disabled external forwarding"], &[]),
    // Microsoft 365 refuses mail its own tenant blocks the recipient of: `550 5.7.703 Your message
    // can't be delivered because messages to XXX, YYY are blocked by your organization using
    // Tenant Allow Block List` (MicrosoftDocs/defender-docs create-block-sender-lists-in-office-365.md:
    // "users in the organization can't send email to these blocked domains and addresses … The
    // entire message is blocked for all internal and external recipients"; Microsoft's NDR
    // reference "Fix NDR error 5.7.700 through 5.7.750"). The sender's own organisation's list,
    // not a public blocklist: before "listed" ("block list").
    cause(
        "organization-block",
        &["tenant allow block list", "tenant allow/block list", "blocked by your organization using"],
        &[],
    ),
    // "Sender is blacklisted" said with a public list's name ("… on zen.spamhaus.org") is that
    // list's listing, not the recipient's own list below (ours, from the names "listed" reads).
    Cause { with: PUBLIC_LIST_NAMES, ..cause("listed", &["sender is blacklisted"], &["spam/listed-ip"]) },
    // The recipient, or the recipient's domain, blocks this sender in a list of its own: no public
    // blocklist (DNSBL) lists it, so no delisting helps; only the recipient lifts it. Interia's
    // `550 5.7.1 Recipient doesn't want your mail` ("has probably added you to a blocked list",
    // pomoc.poczta.interia.pl, "Dlaczego wiadomość nie została dostarczona?"); Forpsi's `550 5.1.1
    // <x> sender is blacklisted` ("the recipient set a blacklist for the mailbox", support.konto.pl
    // kb a2871); Microsoft's `5.7.507 Access denied, rejected by recipient` ("blocked by the
    // recipient's organization. Contact the recipient") and `5.7.513 … blocked by <domain> using
    // Customer Block list` ("the recipient domain has added your sending IP address to its custom
    // blocklist … contact them directly"), Facebook's `550 5.1.1 RCP-P2 … Refused due to recipient
    // preferences` and the phrases of Sisimai's Rhost/Microsoft.pm, Reason/Filtered.pm and
    // Reason/Rejected.pm (BSD-2), with its set's lhost-facebook sample; Mimecast's "Envelope blocked
    // - User Entry" and "manually Blocked Senders" ("this single recipient domain's administrator
    // has blocked your mail"), Zoho's "Mail rejected by destination domain" and "Mailbox delivery
    // restricted by policy" ("the receiving domain has filters set-up"), Trend Micro's "Recipient
    // address rejected: BLOCK-SEND-ER." (ActiveCampaign's smtp-field-manual, data/codes, MIT).
    // Before "listed" ("blacklist", "block list") and "unknown-user".
    cause(
        "recipient-block",
        &[
            "recipient doesn't want your mail",
            "recipient does not want your mail",
            "sender is blacklisted",
            "access denied, rejected by recipient",
            "you have been blocked by the recipient",
            "blacklisted by recipient",
            "blacklisted by the recipient",
            "sender is in my black list",
            // The same said in general words: a list the text gives to the recipient (ours,
            // after Interia's "added you to a blocked list" and Forpsi's "the recipient set a
            // blacklist for the mailbox").
            "recipient's blacklist",
            "recipient's blocklist",
            "recipient's block list",
            "recipient's blocked senders",
            "recipient has blocked",
            "customer block list",
            "refused due to recipient preferences",
            "user refuses to receive",
            "message rejected due to user rules",
            "only accepting mail from specific email addresses",
            "recipient's list of senders to accept mail from",
            "envelope blocked - user entry",
            "manually blocked senders",
            "rejected by destination domain",
            "mailbox delivery restricted by policy",
            "block-send-er",
        ],
        &[],
    ),
    // The sending IP has no reverse DNS name, or one that does not resolve back:
    // Gmail's `550-5.7.25 The IP address sending this message does not have a PTR
    // record setup`, GMX's `554-Bad DNS PTR resource record`, Exim's `550 5.7.1 …
    // Fix reverse DNS for 203.0.113.2`, Sendmail's `450 4.7.1 Access denied. IP name
    // lookup failed` (Sisimai's reason/requireptr.rb). Before "sender": "without a
    // valid sender domain. Fix reverse DNS" names the PTR.
    cause(
        "reverse-dns",
        &[
            "reverse dns",
            "reverse-dns",
            "no reverse dns",
            "reverse lookup",
            "ptr record",
            "ptr-record",
            "no ptr record",
            "ptr resource record",
            "dns ptr",
            "ip name lookup failed",
            "cannot find your hostname",
            // Postfix's reject_unknown_reverse_client_hostname (postconf(5)):
            // `450 4.7.25 Client host rejected: cannot find your reverse hostname, [ip]`.
            "cannot find your reverse hostname",
            // Sisimai's reason/requireptr.rb: "rejected - no rdns", "forbidden by invalid rdns
            // record of your mail server", "the corresponding forward dns entry does not point
            // to the sending ip", "unresolvable relay host name" (Sendmail's check_relay).
            "rdns",
            // Gmail's `550 5.7.25 The sending IP does not match the IP address of the hostname
            // specified in the pointer (PTR) record` (Sisimai's Rhost/Google.pm, requireptr).
            "pointer (ptr)",
            "forward dns entry",
            "unresolvable relay host",
        ],
        &[],
    ),
    Cause {
        clause_negation: true,
        in_urls: true,
        ..cause("listed", LISTED_PHRASES, &["spam/listed-ip"])
    },
    // The sending IP's or domain's reputation, not this message: Microsoft's `550 5.7.708
    // Access denied, traffic not accepted from this IP` and `451 4.7.650 The mail server
    // [ip] has been temporarily rate limited due to IP reputation`, `5.7.705 Access denied,
    // tenant has exceeded threshold` and `5.7.501 Access denied, spam abuse detected`
    // (Microsoft's Exchange Online NDR reference, "5.7.700 through 5.7.750", as quoted in
    // Sisimai's Rhost/Microsoft.pm); Gmail's `421 4.7.0 Our system has detected an unusual
    // rate of unsolicited mail originating from your IP address` and "likely suspicious due
    // to the very low reputation of the sending IP address" (support.google.com/a/answer/3726730);
    // Orange's `550 … Client host blocked for spamming issues. OFR006` (Sisimai's
    // Rhost/FrancePTT.pm). Before "spam" and "rate", which these replies also say. A
    // negation anywhere in its clause undoes it, as for a blocklist ("not due to IP reputation").
    Cause {
        clause_negation: true,
        ..cause(
            "reputation",
            &[
                "ip reputation",
                "low reputation",
                "poor reputation",
                "bad reputation",
                "sender reputation",
                "sending reputation",
                "reputation of the sending",
                "traffic not accepted from this ip",
                "tenant has exceeded threshold",
                "spam abuse detected",
                "unusual rate of unsolicited mail",
                // Gmail's `421-4.7.28 Gmail has detected an unusual rate of mail originating from
                // your SPF domain` (support.google.com/a/answer/3726730).
                "unusual rate of mail",
                "blocked for spamming",
                // Sisimai's reason/badreputation.rb and blocked.rb: "a poor email reputation
                // score", "ip/domain reputation problems", "Email rejected due to an IP address
                // reputation" (Mimecast); the sending IP's behaviour named, not this message: "you
                // are sending spam", "too many spams from your ip", "dynamic/zombied/spam ips
                // blocked", Tencent's "suspected spam ip", Orange's "Adresse IP source bloquee
                // pour incident de spam" (Rhost/FrancePTT.pm), "your remotehost looks
                // suspiciously like spammer".
                "reputation score",
                "reputation problem",
                "address reputation",
                "sending spam",
                "spams from your ip",
                "spam ip",
                "incident de spam",
                "like spammer",
                // GoDaddy's IB110/IB111 `554 This IP has been temporarily blocked for attempting
                // to send too many messages containing content judged to be spam` and IB112/IB113
                // "…blocked for the day, for attempting to mail too many invalid recipients"
                // (Sisimai's Rhost/GoDaddy.pm, "blocked"; godaddy.com/help 40685): the IP is
                // shut out for an hour or a day for what it sent before (spam, a stale list),
                // not for this message's content or recipient. Before "spam" and "unknown-user".
                "too many messages containing",
                "too many invalid recipients",
                // La Poste's `550 5.5.0 Les emails envoyes vers la messagerie Laposte.net ont ete
                // bloques par nos services. Afin de regulariser votre situation …` (Sisimai's
                // Rhost/FrancePTT.pm and its samples, "blocked"; its other blocked codes 102,
                // 103, 510, 999 read as reputation above): the sending host, not this message.
                "ont ete bloques par nos services",
                "ont été bloqués par nos services",
                "were blocked by our services",
                // Web.de's and GMX's `550 Reject due to policy restrictions (IP based)` ("a high
                // percentage of e-mails are classified as spam … all messages coming from the
                // sender's IP address will be temporarily rejected") and "(domain based)" ("the
                // sender domain is known as a spam domain"): postmaster.web.de/error-messages, as
                // quoted in ActiveCampaign's smtp-field-manual (data/codes/550.json, MIT).
                "policy restrictions (ip based)",
                "policy restrictions (domain based)",
                // Interia's `450 4.7.1 Twoj serwer poczty 192.0.2.1 zostal tymczasowo zablokowany
                // za spam` (your mail server was temporarily blocked for spam; suped.com, "Why are
                // my emails to Interia.pl being rejected", quoting senders' bounces): the sending
                // server, for what it sent, not this message. Before "spam".
                "zablokowany za spam",
            ],
            &[],
        )
    },
    // The name the sending server gives in HELO/EHLO (RFC 5321 §4.1.1.1: the client's fully
    // qualified domain name), not the recipient's domain: Postfix's reject_unknown_helo_hostname
    // `450 4.7.1 <name>: Helo command rejected: Host not found`, reject_invalid_helo_hostname
    // "Helo command rejected: Invalid name", reject_non_fqdn_helo_hostname "Helo command
    // rejected: need fully-qualified hostname" (postconf(5)); Microsoft's `550 5.7.506 Access
    // denied, Bad HELO` (its NDR reference, as quoted in Sisimai's Rhost/Microsoft.pm). After
    // "listed": Postfix's reject_rhsbl_helo says "Helo command rejected: … blocked using".
    cause(
        "helo",
        &[
            "helo command rejected",
            "ehlo command rejected",
            "bad helo",
            "invalid helo",
            "helo name",
            "ehlo name",
            "helo hostname",
            "ehlo hostname",
            "helo/ehlo",
            "ehlo/helo",
        ],
        &[],
    ),
    // A virus or a dangerous attachment, found after DATA: Postfix with a milter's `550
    // Virus Detected; Content Rejected`, Gmail's `552-5.7.0 This message was blocked
    // because its content presents a potential security issue` (its help page
    // p=BlockedMessage is about attachment types) and "it has a potentially executable
    // attachment", "this form of attachment has been used by recent viruses or other
    // malware" (phrases from Sisimai's reason/virusdetected.rb, BSD-2). Before "spam":
    // "Content Rejected".
    cause(
        "virus",
        &[
            "virus detected",
            "virus found",
            "contains a virus",
            "infected with a virus",
            "malware detected",
            "potentially executable attachment",
            "used by recent viruses",
            "prohibited virus",
            "presents a potential security issue",
            // Sisimai's reason/virusdetected.rb and Rhost/GoDaddy.pm (IB705 "Virus infected
            // message rejected"), "virus phishing/malicious_url detected" (not "virus scanner": Mimecast's
            // `451 4.3.0 Virus scanner temporarily unavailable` is the receiver's own failure).
            "virus infected",
            "malicious url",
            "malicious_url",
        ],
        &["attachment/"],
    ),
    // A header field the message has more than once: Amazon SES's `554 Transaction failed:
    // Duplicate header 'DKIM-Signature'.` (Sisimai's lhost-amazonses set) and "Duplicate header
    // 'MIME-Version'". SES refuses repeats of fields RFC 5322 §3.6 allows once, and of some it
    // allows several times: its "Amazon SES header fields" page lists DKIM-Signature, Received
    // is not among them, and RFC 6376 §5 lets a message carry several DKIM-Signature fields.
    // So not "not-rfc5322", and not "authentication": nothing was verified. Before
    // "not-rfc5322" ("invalid header").
    cause(
        "duplicate-header",
        &["duplicate header", "duplicated header", "duplicate field", "duplicate mime-version", "header field repeated"],
        &["headers/duplicate-field"],
    ),
    // The message breaks RFC 5322's header rules: Gmail's `550-5.7.1 This message is not
    // RFC 5322 compliant. There are multiple Subject headers` and `550-5.7.1 Messages
    // with multiple addresses in From: header are not accepted` (Sisimai's
    // reason/notcompliantrfc.rb and Rhost/Google.pm). The header rules of this linter
    // find these before sending. Before "spam": Gmail ends them with "To reduce the
    // amount of spam sent to Gmail" (a purpose clause, blanked anyway).
    cause(
        "not-rfc5322",
        &[
            "not rfc 5322 compliant",
            "not rfc5322 compliant",
            "not rfc 2822 compliant",
            "not rfc2822 compliant",
            "multiple addresses in from",
            // `554 5.6.0 Message contains invalid header` (ours: a header the receiver reads as invalid).
            "invalid header",
            // Microsoft's `550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2
            // compliant` (its NDR reference); Gmail's `550 5.7.1 … missing a valid address in
            // the From: header`, "missing a valid Message-ID: header", "contains a unicode
            // character in a disallowed header" (support.google.com/a/answer/3726730, as
            // quoted in Sisimai's Rhost/Google.pm).
            "must be rfc 5322",
            "must be rfc5322",
            "missing a valid address in the from",
            "missing a valid message-id",
            "disallowed header",
            // Mimecast's "Email rejected due to non-compliance with RFC" and "a header format of
            // the email", Exim's "bad header", GoDaddy's IB501 "Blank From: addresses are not
            // allowed" and IB502 "IP addresses are not allowed as a From: Address" (Sisimai's
            // Rhost/Mimecast.pm, Rhost/GoDaddy.pm, reason/contenterror.rb).
            "non-compliance with rfc",
            "header format",
            "bad header",
            "blank from",
            "as a from: address",
            // Web.de's and GMX's `550 Reject due to policy restrictions (header based)`: a header
            // field given more than once (BCC, CC, Date, From, Sender, Subject, To), or a Date,
            // From, Sender or To that is not syntactically correct (postmaster.web.de/error-messages,
            // as quoted in ActiveCampaign's smtp-field-manual, data/codes/550.json, MIT).
            "policy restrictions (header based)",
        ],
        &["headers/"],
    ),
    // Line breaks that are a bare LF, not CRLF (RFC 5321 §2.3.8): refused since SMTP
    // smuggling (2023) by Exchange Online's `550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal`
    // (Microsoft's NDR reference) and Postfix 3.9's smtpd_forbid_bare_newline, "Error:
    // bare <LF> received" (postconf(5)).
    cause(
        "bare-linefeed",
        &["bare linefeed", "bare line feed", "barelinefeeds", "bare <lf>", "bare lf", "bare newline"],
        &["headers/line-breaks"],
    ),
    // Gmail's `550 5.7.1 … this message is likely unsolicited mail` and "this message
    // is (likely) suspicious due to the very low reputation" (support.google.com/a/answer/3726730,
    // as quoted in Sisimai's Rhost/Google.pm); not "suspicious" alone: Gmail's 4.7.24
    // says "The SPF record … has one or more suspicious entries".
    cause(
        "spam",
        &[
            "spam",
            "junk",
            "content rejected",
            "message rejected due to content",
            "is suspicious",
            "likely suspicious",
            "suspicious content",
            "suspicious message",
            "suspicious mail",
            "suspicious email",
            "suspicious url",
            "suspicious link",
            "suspicious attachment",
            "unsolicited",
            // Sisimai's reason/spamdetected.rb: "content filter rejection", "message rejected
            // because of unacceptable content", "message filtered", Tencent's "mail content
            // denied" (not "bulk email": Gmail's "requires all bulk email senders to authenticate").
            "content filter",
            "unacceptable content",
            "message filtered",
            "mail content denied",
        ],
        SPAM,
    ),
    cause(
        "size",
        &[
            "too large",
            "too big",
            "size exceed",
            "message size",
            "exceeds the maximum",
            "maximum message size",
            // Orange's `Taille limite du message atteinte` (Sisimai's Rhost/FrancePTT.pm, 514 mesgtoobig).
            "taille limite du message",
        ],
        SIZE,
    ),
    // Orange and Wanadoo: `552 5.1.1 … Boite du destinataire pleine. Recipient
    // overquota. OFR_417 [417]` (Sisimai's Rhost/FrancePTT.pm); Gmail: `The
    // recipient's inbox is out of storage space` (Sisimai's Rhost/Google.pm).
    cause(
        "full",
        &[
            "mailbox full",
            "mailbox is full",
            "exceeded storage",
            "insufficient storage",
            "storage quota",
            "out of storage space",
            "recipient overquota",
            "boite du destinataire pleine",
            "boîte du destinataire pleine",
            // Sisimai's reason/mailboxfull.rb and systemfull.rb, qmail's "mailbox unavailable
            // (not enough free space)".
            "insufficient disk space",
            "not enough free space",
            "enough space",
            "exceeds allowed size",
            "storage limit",
            "mail system full",
            // Web.de's `550 Benutzer hat das Speichervolumen ueberschritten. / User has exhausted
            // allowed storage space.` and `550 Benutzer hat zuviele Mails auf dem Server. / User
            // has too many messages on the server.` (sitepackage.de, "Typische Fehlermeldungen bei
            // Unzustellbarkeit"): the mailbox's space or message count, not a sending rate.
            // Before "rate" ("too many messages").
            "exhausted allowed storage",
            "too many messages on the server",
        ],
        &[],
    ),
    // A quota on what the sender may send, not the recipient's storage: Microsoft's `550
    // 5.2.2 Submission quota exceeded` (its NDR reference, as quoted in Sisimai's
    // Rhost/Microsoft.pm). Before the X.2.X quota that reads as a full mailbox.
    cause("rate", &["submission quota", "sending quota"], &[]),
    Cause {
        with: MAILBOX_WORDS,
        with_subject: Some(2),
        ..cause("full", &["over quota", "overquota", "quota exceeded", "quotaexceeded"], &[])
    },
    // Postfix's `reject_sender_login_mismatch` (smtpd_sender_login_maps): "Sender
    // address rejected: not owned by user NAME", and "not logged in" for a client
    // that did not log in; Microsoft 365's 5.7.60 "does not have permissions to
    // send as this sender". The From is not the account's: seed 002 asks for the
    // sending address in both places. Before "sender", which those replies also say.
    cause(
        "sender-login",
        &[
            "not owned by user",
            "sender address rejected: not logged in",
            "sender login mismatch",
            "permissions to send as this sender",
            "not authorized to send as",
            // Amazon SES's `554 Message rejected: Email address is not verified. The following
            // identities failed the check in region …`: the From is no identity the account
            // verified (Sisimai's set, lhost-postfix-77, norelaying).
            "email address is not verified",
            "identities failed the check",
            // Yandex's (and Timeweb's) submission servers: `553 5.7.1 Sender address rejected:
            // not owned by auth user.` (github.com/odoo/odoo issue 13479, frappe/frappe 7021:
            // the From is not the logged-in account's).
            "not owned by auth user",
            // Microsoft 365's `550 5.7.750 Service unavailable. Client blocked from sending from
            // unregistered domains`: mail From domains the tenant has not added and validated
            // (its NDR reference "5.7.700 through 5.7.750", as quoted in Sisimai's Rhost/Microsoft.pm).
            "sending from unregistered domains",
        ],
        &["sender/visitor-from"],
    ),
    // SPF, DKIM or DMARC said to fail in its sentence: the check that failed, not the
    // sender the reply also names ("Invalid Sender. SPF check failed"). Before "sender".
    // Microsoft's 5.7.23 names SPF in full: "Sender Policy Framework violation".
    Cause {
        with: AUTH_FAILURE_WORDS,
        with_in_sentence: true,
        ..cause("authentication", &["spf", "dkim", "dmarc", "sender policy framework"], &[])
    },
    // Exim: "Sender verify failed"; Postfix: "Sender address rejected".
    // "Sender domain is no longer valid" is about the sender (RFC 3463 X.1.8, bad
    // sender's system address), not the recipient: before "unknown-user".
    cause(
        "sender",
        &[
            "sender verify failed",
            "sender verification",
            "sender address rejected",
            "unverified sender",
            "sender domain",
            // Sendmail's check_mail ruleset (cf/m4/proto.m4): `553 5.1.8 <x>... Domain of
            // sender address x does not exist`, which "does not exist" would read as an
            // unknown recipient.
            "domain of sender address",
            // `501 5.1.7 Invalid domain in MAIL FROM`: the envelope sender's, not the
            // recipient's unknown domain (RFC 3463 X.1.7, bad sender's mailbox address syntax).
            "in mail from",
            // Yahoo's `451 Message temporarily deferred due to unresolvable RFC.5321 from
            // domain` (its error codes page, as quoted in Sisimai's Rhost/YahooInc.pm): the
            // envelope sender's domain has no DNS record.
            "unresolvable rfc.5321 from",
            "unresolvable rfc5321 from",
            // Orange's `501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405` (Sisimai's
            // Rhost/FrancePTT.pm), "bogus mail from", BATV's "batv failed to verify"
            // (reason/rejected.rb): the envelope sender.
            "invalid sender",
            "emetteur invalide",
            "émetteur invalide",
            // GoDaddy's `550 coolexample.com From: Domain is invalid. Provide a valid From: IB506`:
            // the sending domain has no MX or address record, or its lookup failed
            // (godaddy.com/help 40685, as quoted in Sisimai's Rhost/GoDaddy.pm, rejected).
            "from: domain is invalid",
            "bogus mail from",
            "batv",
        ],
        &["sender/"],
    ),
    // SPF, DKIM or DMARC that found no record or no domain: `550 5.7.1 SPF: domain not found`
    // is the SPF check's DNS lookup of the sending domain (RFC 7208 §4.3: a domain that does
    // not exist gives "none", §2.6.7 "permerror" for a bad record), not an unknown recipient
    // domain. Before "host-unknown" and "unknown-user" ("does not exist").
    Cause { with: DNS_FAILED_WORDS, ..cause("authentication", AUTH_NAMES, &[]) },
    // The recipient's domain does not exist or takes no mail: Sendmail's `550 Host
    // unknown`, Amazon SES's `550 5.4.4 Invalid domain`, Outlook's "the domain is not
    // reachable", Exim's "Unrouteable address", Postfix's reject_unknown_recipient_domain
    // `450 4.1.2 <x>: Recipient address rejected: Domain not found` (postconf(5)); phrases
    // from Sisimai's reason/hostunknown.rb (BSD-2). RFC 3463 X.1.2, bad destination system
    // address. After the sender, whose domain these words can also be about; before an
    // unknown user ("domain does not exist").
    cause(
        "host-unknown",
        &[
            "host unknown",
            "unknown host",
            "host or domain name not found",
            "domain not found",
            "domain does not exist",
            "domain is not reachable",
            "domain must exist",
            "no such domain",
            "unknown domain",
            "invalid domain",
            "unrouteable address",
            "unroutable address",
            "name or service not known",
            "mail domain mentioned in email address is unknown",
            // Gmail's `553-5.1.2 We weren't able to find the recipient domain`
            // (support.google.com/a/answer/3726730).
            "find the recipient domain",
            // Exchange's `554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain`
            // (Microsoft's NDR reference for 5.4.4).
            "nonexistent domain",
            // Exim's "all host address lookups failed permanently" and "all relevant MX records
            // point to non-existent hosts", Gmail's "DNS Error: Domain name not found", "As the
            // remote domain doesnt exist" (Sisimai's Lhost/Exim.pm, reason/hostunknown.rb).
            "host address lookups failed",
            "point to non-existent hosts",
            "domain name not found",
            "domain doesnt exist",
            "domain doesn't exist",
        ],
        &["headers/address-syntax"],
    ),
    // The recipient's mailbox exists but takes no mail: Gmail's `550-5.2.1 The email
    // account that you tried to reach is disabled`, Yahoo's "This account has been
    // disabled or discontinued", Orange's `550 5.5.0 … The recipient account is
    // blocked. LPN007_426`, i.ua's "Mailbox is frozen", RFC 3463 X.2.1 "mailbox
    // disabled" and X.7.13 "user account disabled" (Sisimai's reason/suspend.rb,
    // Rhost/FrancePTT.pm). Before "unknown-user".
    cause(
        "disabled",
        &[
            "mailbox disabled",
            "mailbox is disabled",
            "mailbox has been disabled",
            "mailbox is frozen",
            "mailbox currently suspended",
            "account that you tried to reach is disabled",
            // Gmail's `550 5.2.1 The email account that you tried to reach is inactive`
            // (?p=DisabledUser; Sisimai's Rhost/Google.pm and rhost-google-07, suspend).
            "account that you tried to reach is inactive",
            "account has been disabled or discontinued",
            "recipient account is blocked",
            "compte du destinataire est bloque",
            "compte du destinataire est bloqué",
            "disabled recipient",
            "deactivated mailbox",
            "user suspended",
            "user is terminated",
            // Sisimai's reason/suspend.rb and Rhost/FrancePTT.pm: "account disabled", "inactive
            // account", "recipient rejected: temporarily inactive", Orange's `550 5.5.0 Boite du
            // destinataire archivee` (an archived mailbox).
            "account disabled",
            "account is disabled",
            "inactive account",
            "temporarily inactive",
            "archived recipient",
            "destinataire archivee",
            "destinataire archivée",
            // GMX's `550 5.2.1 … User is inactive` (sitepackage.de, "Typische Fehlermeldungen bei
            // Unzustellbarkeit").
            "user is inactive",
        ],
        &[],
    ),
    cause(
        "unknown-user",
        &[
            "user unknown",
            "unknown user",
            "no such user",
            "does not exist",
            "recipient not found",
            "recipientnotfound",
            "unknown recipient",
            "invalid recipient",
            "no mailbox",
            "mailbox not found",
            "user doesn't have",
            "user does not have",
            // Sisimai's reason/userunknown.rb; the last is Exchange Online's
            // directory-based edge blocking (see X.4.1 above).
            "user not found",
            "user not exist",
            "recipient not exist",
            "no such recipient",
            "no such mailbox",
            "invalid mailbox",
            "recipient address rejected: access denied",
            // Yahoo's `554 delivery error: dd x@yahoo.com is no longer valid.` (Sisimai's Rhost/YahooInc.pm).
            "is no longer valid",
            // Orange's `550 5.1.1 Adresse d au moins un destinataire invalide` (Rhost/FrancePTT.pm).
            "destinataire invalide",
            // Interia's `550 5.1.1 Account not found` (pomoc.poczta.interia.pl, "Dlaczego
            // wiadomość nie została dostarczona?": the account does not exist or was blocked).
            "account not found",
            // iCloud's `550 5.1.1 <x@icloud.com>: inactive email address` and "unknown or
            // illegal alias" (Sisimai's Rhost/Apple.pm and rhost-apple-04, userunknown).
            "inactive email address",
            "unknown or illegal alias",
            // GMX's `550 5.1.1 … User is unknown` (sitepackage.de, as above); Seznam's `5.1.1 szn;
            // User hasn't got the service mapped` (napoveda.seznam.cz, "Uživatel neexistuje").
            "user is unknown",
            "hasn't got the service mapped",
        ],
        &[],
    ),
    // RFC 5321 §6.3: a loop shows as too many Received hops.
    // Exim's `Too many "Received" headers` and "Message has exceeded maximum hop count"
    // (Sisimai's Lhost/Exim.pm, reason/networkerror.rb).
    cause(
        "loop",
        &[
            "mail loop",
            "routing loop",
            "loop detected",
            "too many hops",
            "hops",
            "hop count",
            "too many \"received\"",
            "too many received",
            // qmail's `This message is looping: it already has my Delivered-To line. (#5.4.6)`
            // (GoDaddy's bounce page, as quoted in Sisimai's Rhost/GoDaddy.pm, "systemerror").
            "message is looping",
        ],
        &[],
    ),
    // The recipient (a mailbox, a group, a public folder, a mail user) takes mail only from
    // senders of its own organisation: Exchange's `550 5.7.12 Sender was not authenticated by
    // organization`, `5.7.133 Sender not authenticated for group`, 5.7.134 "for mailbox", 5.7.13
    // and 5.7.135 "for public folder", 5.7.136 (Microsoft's Exchange Online NDR reference, as
    // quoted in Sisimai's Rhost/Microsoft.pm: "set up to reject messages sent from outside of its
    // organization. Only an email admin for the recipient's organization [or the group owner]
    // can change this"), and Exchange 2007/2010's `550 5.7.1 RESOLVER.RST.AuthRequired;
    // authentication required` for a group with "Require that all senders are authenticated"
    // (Microsoft KB 2773786). No login of the sender's can pass it: before "auth-required".
    // The script logs in to a server that takes mail in for its own mailboxes (a domain's MX)
    // and offers no login, instead of the provider's outgoing server: GoDaddy's `535
    // Authentication not allowed on IBSMTP Servers. IB401` ("Authentication is not allowed on
    // inbound mail … incorrect outgoing SMTP server settings"; godaddy.com/help 40685, as
    // quoted in Sisimai's Rhost/GoDaddy.pm, securityerror) and Postfix's `503 5.5.1 Error:
    // authentication not enabled` (smtpd with smtpd_sasl_auth_enable off, its default).
    // Before "auth-required" and "login": no login will pass there.
    cause("inbound-server", &["authentication not allowed", "authentication not enabled"], &["config/smtp-security"]),
    cause(
        "internal-only",
        &[
            // 5.7.12, 5.7.13, 5.7.134 to 5.7.136 (a client's own missing login is
            // "Client was not authenticated", Microsoft's 5.7.1 and 5.7.57).
            "sender was not authenticated",
            "sender not authenticated for group",
            "resolver.rst.authrequired",
        ],
        &[],
    ),
    // RFC 4954 §6: 530 5.7.0 "Authentication required"; Microsoft's 5.7.57. SendGrid's relay
    // answers a MAIL FROM without AUTH with `550 Unauthenticated senders not allowed`
    // (Sisimai's set-of-emails lhost-postfix-65 and lhost-sendmail-53, reason securityerror):
    // the script's login to the relay, not SPF, DKIM or DMARC (before "authentication").
    cause(
        "auth-required",
        &[
            "authentication required",
            "authentication is required",
            "not authenticated",
            "must authenticate",
            "auth required",
            "unauthenticated senders not allowed",
            // Sisimai's reason/securityerror.rb: "please turn on SMTP Authentication in your
            // mail client", "authentication turned on in your email client".
            "turn on smtp authentication",
            "authentication turned on",
        ],
        SECURITY,
    ),
    // Gmail's `421 4.7.0 This message does not have authentication information or
    // fails to pass authentication checks` (Plesk KB, Sisimai's Rhost/Google.pm);
    // Yahoo's `554 5.7.9 Message not accepted for policy reasons`, a DMARC refusal
    // (help.yahoo.com/kb/SLN7253); Outlook.com's `550 5.7.515 … does not meet the
    // required authentication level` (support.microsoft.com, "Fix NDR error 550
    // 5.7.515"); Hotmail's `550 5.7.0 … could not be delivered due to domain owner
    // policy restrictions` (wordtothewise.com, Yahoo p=reject bounces, 2014).
    // Before "tls" and "rate": Gmail's 4.7.26, 4.7.27, 4.7.30 and 4.7.32 say
    // "rate limited because" authentication did not pass.
    cause(
        "authentication",
        &[
            "unauthenticated",
            "pass authentication",
            "authentication checks",
            "authentication information",
            "authentication level",
            "message not accepted for policy reasons",
            // Microsoft's `550 5.7.23 The message was rejected because of Sender Policy
            // Framework violation` (its NDR reference): SPF by its full name.
            "sender policy framework",
            "domain owner policy",
        ],
        &[],
    ),
    Cause { with: AUTH_FAILED_WORDS, ..cause("authentication", AUTH_NAMES, &[]) },
    // Postfix's `554 5.7.1 <x>: Relay access denied` (smtpd's reject_unauth_destination)
    // and its kin name relaying refused whatever advice follows ("use STARTTLS and
    // authenticate first"): before "tls", which reads that advice as the cause.
    cause("relay", &["relay access denied", "relaying denied", "relay not permitted", "relaying not allowed"], &[]),
    // Gmail's `421 4.7.29 Your email has been rate limited because this message
    // wasn't sent over a TLS connection. Gmail requires all bulk email senders to
    // use TLS/SSL for SMTP connections` (Sisimai's Rhost/Google.pm). Before "rate".
    cause(
        "tls",
        // "over a tls connection", not "tls connection": `421 4.4.2 TLS connection lost` is no demand for TLS.
        &["starttls", "tls required", "encryption required", "must issue a starttls", "over a tls connection", "tls/ssl"],
        SECURITY,
    ),
    cause(
        "rate",
        &[
            "too many connections",
            "too many messages",
            // `421 Your IP has been blocked for sending too many emails` (ours: the same volume
            // as "too many messages", in the other words servers use).
            "too many emails",
            "too many e-mails",
            "too many mails",
            "rate limit",
            "rate-limit",
            "throttl",
            "slow down",
            "sending limit",
            "too quickly",
            "too fast",
            "relay limit",
            "sending quota",
            "quota exceeded",
            "unexpected volume",
            // Sisimai's reason/toomanyconn.rb (NTT docomo, GoDaddy's IB607),
            // reason/speeding.rb (Gmail's `550-5.2.1 The user you are trying to
            // contact is receiving mail at a rate that prevents additional
            // messages from being delivered`) and Rhost/Tencent.pm ("Ip frequency limited").
            "too many recipients",
            "receiving mail at a rate",
            "frequency limited",
            // Microsoft's `550 5.2.122 The recipient's per hour message receive limit …
            // exceeded` and `550 5.1.90 … you've reached your daily limit for message
            // recipients` (its NDR reference, as quoted in Sisimai's Rhost/Microsoft.pm).
            "message receive limit",
            "daily limit for message recipients",
            // Sisimai's reason/toomanyconn.rb and speeding.rb, Orange's `421 … Trop de
            // connexions, veuillez verifier votre configuration` (Rhost/FrancePTT.pm).
            "too many sessions",
            "too many concurrent",
            "too many concurrency",
            "connection limit",
            "emails per hour",
            "messages per session",
            "excessive volume",
            "again slower",
            "trop de connexions",
            // Yahoo's `421 Max message per connection reached, closing transmission channel`
            // (Sisimai's Rhost/YahooInc.pm, toomanyconn).
            "message per connection",
            "messages per connection",
            // GoDaddy's `421 Server temporarily unavailable. Try again later. IB101`, "The email
            // queue is experiencing higher than normal email volume" (godaddy.com/help 40685, as
            // quoted in Sisimai's Rhost/GoDaddy.pm, speeding): its words alone name no cause,
            // its code does.
            "ib101",
        ],
        &[],
    ),
    // A mention of SPF, DKIM or DMARC with no rate limit named.
    cause("authentication", AUTH_NAMES, &[]),
    cause(
        "login",
        &[
            "authentication failed",
            "authentication data",
            "authentication unsuccessful",
            "could not authenticate",
            "invalid credentials",
            "password",
            "auth failed",
            // Gmail's `534-5.7.14 Please log in via your web browser and then try again`:
            // the account refuses the password from this client (Google's "Gmail SMTP
            // errors and codes", as quoted in Sisimai's Rhost/Google.pm).
            "log in via your web browser",
            "log in with your web browser",
            "log in through your web browser",
            // Sisimai's reason/securityerror.rb, Orange's `550 5.7.0 Code d'authentification
            // invalide OFR_305` (Rhost/FrancePTT.pm).
            "authentication failure",
            // Gmail's `454 4.7.0 Too many login attempts, please try again later` (support.google.com
            // /mail/answer/7126229; Sisimai's Rhost/Google.pm, securityerror): logins refused
            // again and again, most often for a wrong password.
            "too many login attempts",
            "credentials invalid",
            "authentification invalide",
        ],
        &[],
    ),
    cause("relay", &["relay", "relaying"], &[]),
];

/// Words of a DNS lookup that found nothing, which make a mention of SPF, DKIM or
/// DMARC a failed check of the sender's records rather than an unknown recipient
/// domain (ours).
const DNS_FAILED_WORDS: &[&str] = &["not found", "does not exist", "no such domain", "nxdomain", "no record", "unknown domain", "host unknown"];

/// The authentication methods a refusal names (RFC 7208, RFC 6376, RFC 7489).
const AUTH_NAMES: &[&str] = &["spf", "dkim", "dmarc"];

/// Causes whose advice (`smtp.cause.ID.action`) is to retry later; each has
/// `smtp.cause.ID.action.permanent` for a 5xx reply.
pub const RETRY_LATER_CAUSES: &[&str] = &["full", "rate"];

/// Purpose clauses receivers append to refusals of any cause: Gmail ends its
/// authentication, reputation and rate replies with "To (best) protect our users
/// from spam" and its content refusals with "To reduce the amount of spam sent to
/// Gmail" (support.google.com/a/answer/3726730, as quoted in Sisimai's
/// Rhost/Google.pm). They say why the receiver filters, not what this mail did.
pub const PURPOSE_CLAUSES: &[&str] = &["protect our users from spam", "reduce the amount of spam"];

/// `lower` with each purpose clause blanked out, its words matched across any
/// white space (a multi-line reply breaks them over lines).
fn without_purpose_clauses(lower: &str) -> String {
    let mut out = lower.to_string();
    for phrase in PURPOSE_CLAUSES {
        let mut words = phrase.split(' ');
        let Some(first) = words.next() else { continue };
        let rest: Vec<&str> = words.collect();
        let mut search = 0;
        while let Some(found) = out[search..].find(first) {
            let start = search + found;
            let mut end = start + first.len();
            let mut whole = true;
            for word in &rest {
                let after = &out[end..];
                let trimmed = after.trim_start();
                let space = after.len() - trimmed.len();
                if space == 0 || !trimmed.starts_with(word) {
                    whole = false;
                    break;
                }
                end += space + word.len();
            }
            if whole {
                out.replace_range(start..end, &" ".repeat(end - start));
                search = end;
            } else {
                search = start + first.len();
            }
        }
    }
    out
}

/// `lower` with each web address blanked out: a help page's address
/// (`https://support.google.com/mail/?p=UnsolicitedRateLimitError`,
/// `…/spf-help`) points at a page; it names no cause of this reply.
fn without_urls(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut rest = lower;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        let web = word.contains("://") || word.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with("www.");
        if web {
            out.push_str(&" ".repeat(word.len()));
        } else {
            out.push_str(word);
        }
        let space_end = after.find(|c: char| !c.is_whitespace()).unwrap_or(after.len());
        out.push_str(&after[..space_end]);
        rest = &after[space_end..];
    }
    out
}

/// The cause a server's text names, if any.
pub fn cause_in(text: &str) -> Option<(&'static str, &'static [&'static str])> {
    cause_in_reply(text, None)
}

/// Orange's and La Poste's refusal codes, the last three digits of `OFR006_102`,
/// `LPN105_104`, `LPNAAA_101`, `OFR_999` (Sisimai's Rhost/FrancePTT.pm, BSD-2, after
/// postmastery.com's "Orange postmaster SMTP error codes"), with the cause Sisimai gives
/// each in this explainer's terms: its "blocked" is a blocklist (101: "blocked using
/// Spamhaus") or what the IP sent (102 "Client host blocked for spamming issues", 103, 510
/// and 999 "Service refused, please try later"), "toomanyconn" a rate, "securityerror"
/// a login (305 "Code d'authentification invalide") or its absence (402 "Authentification
/// requise"), "authfailure" SPF (401) or DMARC (517), "rejected" the sender (403, 405 and
/// 415 "Emetteur invalide"; 421 "Mail from not owned by user", a login's), "suspend" a
/// closed mailbox (420 archived, 426 blocked), "spamdetected" the content (506 "Mail
/// rejete"), "mesgtoobig" the size (514 "Taille limite du message atteinte"). Codes
/// Sisimai leaves undefined (105, 107–109, 201, 423, 424, 513) or reads as the
/// receiver's own fault (505) or a policy (630) are read by their words.
const FRANCE_PTT_CODES: &[(u16, &str)] = &[
    (101, "listed"),
    (102, "reputation"),
    (103, "reputation"),
    (104, "rate"),
    (305, "login"),
    (401, "authentication"),
    (402, "auth-required"),
    (403, "sender"),
    (405, "sender"),
    (415, "sender"),
    (416, "unknown-user"),
    (417, "full"),
    (420, "disabled"),
    (421, "sender-login"),
    (426, "disabled"),
    (506, "spam"),
    (510, "reputation"),
    (514, "size"),
    (517, "authentication"),
    (999, "reputation"),
];

/// The code of an Orange or La Poste refusal in `lower` (a reply in lowercase):
/// `ofr`, `lpn`, `lpnaaa` or `ouk` at a word's start, then `_` and three digits
/// or three digits, `_` or `-` and three digits, at a word's end (Sisimai's
/// `(LPN|LPNAAA|OFR|OUK)(_[0-9]{3}|[0-9]{3}[-_][0-9]{3})\b`); its last three digits.
fn france_ptt_code(lower: &str) -> Option<u16> {
    let bytes = lower.as_bytes();
    let digits = |at: usize| bytes.get(at..at + 3).filter(|d| d.iter().all(u8::is_ascii_digit));
    let code = |at: usize| digits(at).map(|d| d.iter().fold(0u16, |n, &b| n * 10 + u16::from(b - b'0')));
    let word_end = |at: usize| bytes.get(at).is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'_');
    for prefix in ["ofr", "lpnaaa", "lpn", "ouk"] {
        for (at, _) in lower.match_indices(prefix) {
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let rest = at + prefix.len();
            if bytes.get(rest) == Some(&b'_') && digits(rest + 1).is_some() && word_end(rest + 4) {
                return code(rest + 1);
            }
            if digits(rest).is_some() && matches!(bytes.get(rest + 3), Some(b'_' | b'-')) && digits(rest + 4).is_some() && word_end(rest + 7) {
                return code(rest + 4);
            }
        }
    }
    None
}

/// The cause a reply's text names, read with the subject of its enhanced
/// code, if it has one (see [`Cause::with_subject`]). An Orange or La Poste
/// refusal code (`france_ptt_code`) names its cause before the words do.
pub fn cause_in_reply(text: &str, subject: Option<u16>) -> Option<(&'static str, &'static [&'static str])> {
    let lower = text.to_lowercase();
    let coded = france_ptt_code(&lower).and_then(|code| FRANCE_PTT_CODES.iter().find(|(c, _)| *c == code));
    if let Some(cause) = coded.and_then(|(_, id)| CAUSES.iter().find(|c| c.id == *id)) {
        return Some((cause.id, cause.related));
    }
    let with_urls = without_purpose_clauses(&lower);
    let without = without_urls(&with_urls);
    // Each text with its line breaks as spaces, made once (`says_across_lines`);
    // none when the reply is one line.
    let flat = |t: &str| t.contains('\n').then(|| t.replace('\n', " "));
    let (flat_with_urls, flat_without) = (flat(&with_urls), flat(&without));
    CAUSES
        .iter()
        .find(|c| {
            let (lower, flat) = if c.in_urls { (&with_urls, &flat_with_urls) } else { (&without, &flat_without) };
            if c.with_in_sentence {
                return said_together(flat.as_deref().unwrap_or(lower), c.phrases, c.with);
            }
            c.phrases.iter().any(|w| {
                says(lower, w, c.clause_negation) || flat.as_deref().is_some_and(|f| says_across_lines(f, lower, w, c.clause_negation))
            }) && (c.with.is_empty()
                    || c.with.iter().any(|w| has_word(lower, w))
                    || (c.with_subject.is_some() && c.with_subject == subject))
        })
        .map(|c| (c.id, c.related))
}

/// Whether one sentence of `text` (ended by `. `, `;`, `!`, `?` or a line break) says
/// a phrase of `phrases` (as [`says`] reads it) and has a word of `words`.
fn said_together(text: &str, phrases: &[&str], words: &[&str]) -> bool {
    text.split(|c: char| matches!(c, ';' | '!' | '?' | '\n'))
        .flat_map(|part| part.split(". "))
        .any(|sentence| words.iter().any(|w| has_word(sentence, w)) && phrases.iter().any(|p| says(sentence, p, false)))
}

/// Whether `text` has `word` (a word of a cause's `with`) where a word starts, as a cause's
/// phrase is read: "rbl" names a list in `… using rbl.example.net` and `rblsmtpd`, not in
/// "terrible"; "user" a mailbox's quota, not "superuser". A word ending a contraction (`n't
/// pass`: "doesn't pass", "isn't aligned") is read inside the word it ends.
fn has_word(text: &str, word: &str) -> bool {
    let inside = word.starts_with("n'");
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes())
        .any(|at| inside || text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// Whether `text` has `phrase` at the start of a word, not negated (by the
/// word before it, or with `clause_negation` by any word of its clause before
/// it), and not as the start of a public blocklist's name ([`PUBLIC_LIST_NAMES`]:
/// `spamhaus` and `spamcop` are no "spam").
fn says(text: &str, phrase: &str, clause_negation: bool) -> bool {
    says_in(text, text, phrase, clause_negation)
}

/// Whether `text` has `phrase` with a line break where the phrase has a space: a
/// multi-line reply wraps its sentences (Gmail's `552-5.7.0 This message was blocked
/// because its content presents a potential\n552-5.7.0 security issue`, its
/// continuation lines joined with a line break). `flat` is `text` with its line
/// breaks as spaces (the same length: one byte each, so offsets agree). The
/// negation reads the text as written, where a line break ends a clause.
fn says_across_lines(flat: &str, text: &str, phrase: &str, clause_negation: bool) -> bool {
    phrase.contains(' ') && says_in(flat, text, phrase, clause_negation)
}

/// [`says`], finding `phrase` in `haystack` (the text or a copy of the same length)
/// and reading what comes before it in `text`.
fn says_in(haystack: &str, text: &str, phrase: &str, clause_negation: bool) -> bool {
    // memchr's searcher, not `match_indices`: the two-way search of every phrase (300 of
    // them) over 64 KiB of one letter took 0.76 s in the wasm. Non-overlapping, as that was.
    memchr::memmem::find_iter(haystack.as_bytes(), phrase.as_bytes()).any(|at| {
        let before = &text[..at];
        let word_start = before.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let blocklist = PUBLIC_LIST_NAMES.iter().any(|name| *name != phrase && haystack[at..].starts_with(name));
        let after = &haystack[at + phrase.len()..];
        word_start && !blocklist && !negated(before) && !(clause_negation && negated_in_clause(before)) && !ahead(after)
    })
}

/// Words after a cause's phrase that put it in the future: "message expired soon",
/// "mailbox full soon" say what is about to happen, not why this reply failed (ours).
const AHEAD_WORDS: &[&str] = &["soon", "shortly"];

/// Whether `after` (the text after a phrase) starts with a word of [`AHEAD_WORDS`].
fn ahead(after: &str) -> bool {
    let next = after.trim_start_matches(|c: char| c == ' ' || c == '\t' || c == '\n');
    let word_end = next.find(|c: char| !c.is_alphanumeric()).unwrap_or(next.len());
    AHEAD_WORDS.contains(&&next[..word_end])
}

/// Most bytes of a clause read back for a negation (ours: a reply's clause is a
/// few words; reading it from its end keeps a reply of many phrases linear, where
/// reading every clause from the text's start made 64 KiB of "not a listed"
/// quadratic).
pub const MAX_CLAUSE_BYTES: usize = 256;

/// Whether a negation word is in the clause that `before` ends (a clause ends
/// at `;`, `:`, `,`, a bracket, a line end, or a full stop before a space),
/// within its last [`MAX_CLAUSE_BYTES`].
fn negated_in_clause(before: &str) -> bool {
    let bytes = before.as_bytes();
    let mut floor = bytes.len().saturating_sub(MAX_CLAUSE_BYTES);
    while !before.is_char_boundary(floor) {
        floor += 1;
    }
    let mut start = floor;
    for i in (floor..bytes.len()).rev() {
        let b = bytes[i];
        let stop = matches!(b, b';' | b':' | b',' | b'(' | b')' | b'[' | b']' | b'\n')
            || (b == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace));
        if stop {
            start = i + 1;
            break;
        }
    }
    before[start..]
        .split(|c: char| !crate::text::negation::is_word_char(c))
        .any(|word| crate::text::negation::NEGATIONS.contains(&word))
}

/// Rules related to a basic code of the guide's table (seed 003: 554 « Por lo
/// general se trata de un problema de blacklistado »).
pub fn related_to_code(code: u16) -> &'static [&'static str] {
    match code {
        554 => &["spam/listed-ip"],
        _ => &[],
    }
}
