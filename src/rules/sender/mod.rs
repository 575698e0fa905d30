//! The `sender/*` rules: who the message claims to be from, judged the way
//! receivers judge it — by the From domain and its alignment (DMARC, RFC 7489)
//! with the site that actually sends. Shared here: the organizational domain,
//! the site's own domains and whether the sending path is known.

pub mod display_name_spoof;
pub mod foreign_domain;
pub mod misaligned;
pub mod visitor_from;

use crate::i18n::Localized;
use crate::model::Message;
use crate::report::Origin;
use crate::settings::{Evidence, Kind, ListDefault, Settings, Threshold};
use std::sync::OnceLock;

/// Mailbox providers and their DMARC policies (`mailbox_providers.txt`).
pub const MAILBOX_PROVIDERS: Threshold = Threshold {
    key: "sender.mailboxProviders",
    kind: Kind::List { default: ListDefault::Lines(include_str!("mailbox_providers.txt")), max_items: 1_000 },
    doc: Localized {
        en: "Mailbox providers whose users' addresses must not be the From of mail a site sends: `domain policy status` per item (policy reject, quarantine, none or unknown; status verified, stated (the provider's own statement, its published policy weaker) or unverified).",
        fr: "Fournisseurs de boîtes aux lettres dont les adresses des utilisateurs ne doivent pas être le From du courrier qu'un site envoie : `domain policy status` par élément (politique reject, quarantine, none ou unknown ; statut verified, stated (la déclaration du fournisseur lui-même, sa politique publiée plus faible) ou unverified).",
        es: "Proveedores de buzones cuyas direcciones de usuarios no deben ser el From del correo que envía un sitio: `domain policy status` por elemento (política reject, quarantine, none o unknown; estado verified, stated (la declaración del propio proveedor, con su política publicada más débil) o unverified).",
        pl: "Dostawcy skrzynek, których adresy użytkowników nie mogą być polem From poczty wysyłanej przez witrynę: `domain policy status` na pozycję (polityka reject, quarantine, none lub unknown; status verified, stated (oświadczenie samego dostawcy, przy słabszej opublikowanej polityce) lub unverified).",
    },
    evidence: Evidence::Receiver(
        "Yahoo Sender FAQ (p=reject), Apple iCloud postmaster (p=quarantine since 2018-07-02), Gmail Email sender guidelines (DMARC quarantine for impersonated Gmail From); sources and dates in mailbox_providers.txt",
    ),
};

/// A provider's DMARC stance as recorded in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    pub domain: String,
    /// `reject`, `quarantine`, `none` or `unknown`.
    pub policy: String,
    /// Confirmed by a cited page: `verified` (the published `p=`) or `stated`.
    pub verified: bool,
    /// The enforcement is the provider's own statement for its domain, and its
    /// published `p=` is weaker (`stated`: gmail.com publishes `p=none` while
    /// Gmail's sender guidelines announce quarantine for impersonated Gmail From).
    pub stated: bool,
}

impl Provider {
    /// A provider from an item's words after its domain: policy, then status.
    fn of(domain: &str, mut words: std::str::SplitWhitespace) -> Provider {
        let policy = words.next().unwrap_or("unknown").to_ascii_lowercase();
        let status = words.next();
        Provider {
            domain: domain.to_ascii_lowercase(),
            policy,
            verified: matches!(status, Some("verified" | "stated")),
            stated: status == Some("stated"),
        }
    }
}

impl Provider {
    /// Mail claiming this domain and leaving from elsewhere is refused or sent
    /// to spam, by a policy confirmed by a cited page.
    pub fn blocks(&self) -> bool {
        self.verified && (self.policy == "reject" || self.policy == "quarantine")
    }
}

/// The provider whose domain is `domain` (exact, lower-case), from the settings' list.
pub(crate) fn provider(settings: &Settings, domain: &str) -> Option<Provider> {
    settings.list(&MAILBOX_PROVIDERS).iter().find_map(|item| {
        // The item's first word is `domain` when the item starts with it and a
        // space or nothing follows: tested before the item is split (#14: every
        // message reads the whole list for its From domain).
        let item = item.trim_start();
        let follows = item.get(domain.len()..)?.chars().next();
        if !item.as_bytes()[..domain.len()].eq_ignore_ascii_case(domain.as_bytes()) || follows.is_some_and(|c| !c.is_whitespace()) {
            return None;
        }
        let mut words = item.split_whitespace();
        let name = words.next()?;
        Some(Provider::of(name, words))
    })
}

/// Sorted, so a name is looked up by binary search (#14: `contains` compared
/// it with each of the 85; see `org_start`).
fn public_suffixes() -> &'static Vec<&'static str> {
    static SUFFIXES: OnceLock<Vec<&'static str>> = OnceLock::new();
    SUFFIXES.get_or_init(|| {
        let mut suffixes: Vec<&'static str> = include_str!("public_suffixes.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or_default())
            .flat_map(str::split_whitespace)
            .collect();
        suffixes.sort_unstable();
        suffixes.dedup();
        suffixes
    })
}

/// The organizational domain (RFC 7489 §3.2): the registrable name under its
/// public suffix. A compact approach stands in for the Public Suffix List: the
/// last two labels, or three under a listed multi-label suffix
/// (`public_suffixes.txt`: `co.uk`, `com.pl`, …).
pub fn org_domain(domain: &str) -> String {
    let mut domain = domain.trim_end_matches('.').to_ascii_lowercase();
    // Cut from the lowercase copy, not joined from a list of its labels (#14:
    // four allocations a call, 18 a message of the corpus).
    let start = org_start(&domain);
    domain.drain(..start);
    domain
}

/// Where the organizational domain of `domain` (without final dots, in ASCII
/// lowercase) starts. The dots found by `memrchr` and the suffix looked up in
/// the sorted list (#14: a `char` searcher from the end and a comparison with
/// each suffix; callgrind, corpus pass, `org_domain` 12.41 -> 3.24 M).
fn org_start(domain: &str) -> usize {
    // Where its last `n` labels start (the whole domain when it has no more).
    let last_labels = |n: usize| memchr::memrchr_iter(b'.', domain.as_bytes()).nth(n - 1).map_or(0, |at| at + 1);
    let keep = if public_suffixes().binary_search(&&domain[last_labels(2)..]).is_ok() { 3 } else { 2 };
    last_labels(keep)
}

/// The first label of a domain's organizational domain (`mybank` for
/// `www.mybank.co.uk`): the name a reader recognises, whatever the suffix.
pub fn registrable_label(domain: &str) -> String {
    org_domain(domain).split('.').next().unwrap_or_default().to_string()
}

/// A domain as DNS and DKIM name it: its A-labels (`xn--bcher-kva.de` for
/// `bücher.de`), lower-cased. SPF, DKIM and DMARC compare A-labels (RFC 8616
/// §3–5), and a `d=` is always written so; a name IDNA refuses is kept as written.
pub fn ascii_domain(domain: &str) -> std::borrow::Cow<'_, str> {
    if domain.is_ascii() {
        if domain.bytes().any(|b| b.is_ascii_uppercase()) {
            return domain.to_ascii_lowercase().into();
        }
        return domain.into();
    }
    idna::domain_to_ascii(domain).map_or_else(|_| domain.to_lowercase().into(), Into::into)
}

/// Relaxed alignment (RFC 7489 §3.1): the same organizational domain, each
/// side read as A-labels, so `bücher.de` and `xn--bcher-kva.de` align.
pub fn aligned(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    // `org_domain` of each side compared, without a copy of either when it is
    // already lowercase (#14: two allocations a comparison, about five
    // comparisons a message; callgrind, corpus pass, `aligned` 9.03 -> 5.35 M, its
    // `org_domain` calls included).
    let (a, b) = (ascii_domain(a), ascii_domain(b));
    let (a, b) = (ascii_lowercase(a.trim_end_matches('.')), ascii_lowercase(b.trim_end_matches('.')));
    a[org_start(&a)..] == b[org_start(&b)..]
}

/// `text` in ASCII lowercase, borrowed when it is already.
fn ascii_lowercase(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        return text.to_ascii_lowercase().into();
    }
    text.into()
}

/// Where the site's own domains come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteSource {
    /// `options.senderDomains`.
    Options,
    /// The domain of `options.smtp.from`.
    SmtpFrom,
    /// The `From` of the PHP `mail()` call (its script's own sending address).
    PhpFrom,
}

/// The site's own domains and where they come from; `None` when nothing says.
pub(crate) fn site_domains(message: &Message, settings: &Settings) -> Option<(Vec<String>, SiteSource)> {
    if !settings.sender_domains.is_empty() {
        return Some((settings.sender_domains.clone(), SiteSource::Options));
    }
    if let Some(domain) = smtp_from_domain(settings) {
        return Some((vec![domain], SiteSource::SmtpFrom));
    }
    if message.origin == Origin::PhpMail {
        if let Some(domain) = message.identity.from_domain() {
            return Some((vec![domain.to_string()], SiteSource::PhpFrom));
        }
    }
    None
}

/// Domains the caller says the site really sends as (options, SMTP account):
/// a From there is the site's own, whatever provider hosts it.
pub(crate) fn declared_domains(settings: &Settings) -> Vec<String> {
    let mut out = settings.sender_domains.clone();
    out.extend(smtp_from_domain(settings));
    out
}

fn smtp_from_domain(settings: &Settings) -> Option<String> {
    let from = settings.smtp.as_ref()?.from.as_deref()?;
    let domain = from.trim().trim_end_matches('>').rsplit_once('@')?.1.trim().to_ascii_lowercase();
    (!domain.is_empty()).then_some(domain)
}

/// Whether we know the message leaves from the site rather than from the
/// mailbox provider: it was composed here or handed to PHP `mail()`, or the
/// caller named the site's domains or SMTP account. A raw message alone could
/// have been sent by anyone.
pub(crate) fn leaves_from_site(message: &Message, settings: &Settings) -> bool {
    message.origin != Origin::Raw || !declared_domains(settings).is_empty()
}

/// A DKIM signature whose `d=` is aligned with `domain`, whose body hash
/// still matches and which the key given for it (if any) does not show to
/// fail: the message was signed by that domain's owner. A signature known to
/// fail is no aligned DKIM for DMARC (RFC 7489 §4.2).
pub(crate) fn signed_by(message: &Message, settings: &Settings, domain: &str) -> bool {
    message.identity.dkim.iter().any(|facts| {
        facts.body_hash_matches() == Some(true)
            && facts.signature.problems.is_empty()
            && !crate::rules::dkim::signature::fails_with_given_key(facts, settings)
            && facts.signature.domain.as_deref().is_some_and(|d| aligned(d, domain))
    })
}

/// The mailbox provider of a From that is a visitor's address: a provider's
/// domain the caller does not declare as the site's own, and no intact DKIM
/// signature of that provider (`sender/visitor-from`'s finding; other rules
/// about the same From stay quiet rather than repeat it).
pub(crate) fn visitor_provider(message: &Message, settings: &Settings) -> Option<Provider> {
    let from = message.identity.from.first()?;
    let provider = provider(settings, &from.domain)?;
    let declared = declared_domains(settings).iter().any(|d| aligned(d, &from.domain));
    (!declared && !signed_by(message, settings, &from.domain)).then_some(provider)
}

/// The location of a top-level header field by index.
pub(crate) fn field_location(message: &Message, index: usize) -> crate::report::Location {
    match message.header.fields.get(index) {
        Some(field) => crate::report::Location::header(field.name.clone(), field.start, field.end),
        None => crate::report::Location::message(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organizational_domains_follow_the_compact_suffix_list() {
        assert_eq!(org_domain("mail.shop.example.com"), "example.com");
        assert_eq!(org_domain("bounce.news.example.co.uk"), "example.co.uk");
        assert_eq!(org_domain("poczta.firma.com.pl"), "firma.com.pl");
        assert_eq!(org_domain("Example.COM."), "example.com");
        // A listed suffix alone, or with one label, is kept whole; so is a name of one label.
        assert_eq!(org_domain("co.uk"), "co.uk");
        assert_eq!(org_domain("example.co.uk"), "example.co.uk");
        assert_eq!(org_domain("localhost"), "localhost");
        assert_eq!(org_domain("a..b"), ".b");
        assert!(aligned("em.example.com", "example.com"));
        assert!(!aligned("example.com", "example.net"));
        // RFC 8616: the Unicode and the A-label forms of one name are one domain.
        assert!(aligned("bücher.de", "xn--bcher-kva.de"));
        assert!(aligned("news.BÜCHER.de", "xn--bcher-kva.de"));
        assert!(!aligned("bücher.de", "bucher.de"));
    }

    #[test]
    fn organizational_domains_and_alignment_read_as_they_did() {
        // `org_domain` and `aligned` as they were: a `char` search from the end,
        // the suffixes compared one by one, and a copy of each side.
        fn org_domain_then(domain: &str) -> String {
            let mut domain = domain.trim_end_matches('.').to_ascii_lowercase();
            let last_labels = |domain: &str, n: usize| domain.rmatch_indices('.').nth(n - 1).map_or(0, |(at, _)| at + 1);
            let listed: Vec<&str> = include_str!("public_suffixes.txt")
                .lines()
                .map(|l| l.split('#').next().unwrap_or_default())
                .flat_map(str::split_whitespace)
                .collect();
            let keep = if listed.contains(&&domain[last_labels(&domain, 2)..]) { 3 } else { 2 };
            let start = last_labels(&domain, keep);
            domain.drain(..start);
            domain
        }
        fn aligned_then(a: &str, b: &str) -> bool {
            !a.is_empty() && !b.is_empty() && org_domain_then(&ascii_domain(a)) == org_domain_then(&ascii_domain(b))
        }
        let labels = ["", "a", "Mail", "example", "EXAMPLE", "co", "uk", "com", "pl", "CO", "Uk", "bücher", "xn--bcher-kva", "de", "net", "gov", "ac"];
        let mut seed = 5u64;
        let mut names = Vec::new();
        for _ in 0..3_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let mut state = seed;
            let mut name: Vec<&str> = Vec::new();
            for _ in 0..(seed >> 33) as usize % 5 + 1 {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                name.push(labels[(state >> 33) as usize % labels.len()]);
            }
            let dots = [".", "", "", "..", ""][(seed >> 20) as usize % 5];
            names.push(format!("{}{dots}", name.join(".")));
        }
        names.extend(include_str!("public_suffixes.txt").lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).flat_map(|s| [s.to_string(), format!("x.{s}"), format!("y.x.{s}."), s.to_uppercase()]));
        let (mut pairs, mut aligned_pairs) = (0, 0);
        for (i, a) in names.iter().enumerate() {
            assert_eq!(org_domain(a), org_domain_then(a), "{a}");
            for b in names.iter().skip(i % 97).step_by(97).take(40) {
                let then = aligned_then(a, b);
                assert_eq!(aligned(a, b), then, "{a} {b}");
                pairs += 1;
                aligned_pairs += usize::from(then);
            }
        }
        // Both answers among the pairs.
        assert!(aligned_pairs > 100 && aligned_pairs < pairs - 100, "{aligned_pairs} of {pairs}");
    }

    #[test]
    fn providers_are_read_from_the_data_file() {
        let settings = Settings::default();
        let yahoo = provider(&settings, "yahoo.com").unwrap();
        assert!(yahoo.blocks());
        let hotmail = provider(&settings, "hotmail.com").unwrap();
        assert!(!hotmail.blocks());
        assert!(!provider(&settings, "wp.pl").unwrap().verified);
        assert!(provider(&settings, "example.com").is_none());
    }

    #[test]
    fn a_provider_is_found_as_by_its_first_word() {
        // `provider` as it was: every item split, its first word compared.
        fn by_first_word(settings: &Settings, domain: &str) -> Option<Provider> {
            settings.list(&MAILBOX_PROVIDERS).iter().find_map(|item| {
                let mut words = item.split_whitespace();
                let name = words.next()?;
                if !name.eq_ignore_ascii_case(domain) {
                    return None;
                }
                Some(Provider::of(name, words))
            })
        }
        let mut settings = Settings::default();
        let items = [
            "", " ", "a.example", "  A.Example reject verified", "\tb.example\tquarantine", "\u{3000}c.example none",
            "b.examplex reject verified", "b.example\u{a0}reject verified", "é.example reject", "É.example quarantine",
            "d.example", "d.exampl", "d.example.", "xd.example reject verified",
        ];
        settings.set_from_options(&MAILBOX_PROVIDERS, crate::settings::Value::List(items.iter().map(|i| i.to_string()).collect()));
        let domains = ["", "a.example", "A.EXAMPLE", "b.example", "b.examplex", "c.example", "é.example", "É.example", "d.example", "d.exampl", "d.example.", "d", "xd.example", "nothing.example"];
        for domain in domains {
            assert_eq!(provider(&settings, domain), by_first_word(&settings, domain), "{domain:?}");
        }
        let default = Settings::default();
        for domain in ["yahoo.com", "Yahoo.com", "gmail.com", "wp.pl", "example.com", "o2.pl", ""] {
            assert_eq!(provider(&default, domain), by_first_word(&default, domain), "{domain:?}");
        }
    }
}
