//! SMTP reply explainer (SPEC §5, seed 003): one test per behaviour.

use mail_preflight::smtp::enhanced::{CAUSES, REGISTRY, RETRY_LATER_CAUSES, RETRY_LATER_SUBJECTS};
use mail_preflight::smtp::{codes::CODES, explain, Basis, ReplyClass, MAX_REPLY_LINES};
use mail_preflight::Locale;

#[test]
fn a_full_reply_gives_class_code_enhanced_code_and_text() {
    let e = explain("550 5.1.1 <a@b>: Recipient address rejected", Locale::En);
    assert_eq!(e.code, Some(550));
    assert_eq!(e.class, ReplyClass::Permanent);
    assert!(!e.retry);
    assert!(e.known);
    // The enhanced code explains first; the guide's table for 550 is kept beside it.
    assert_eq!(e.basis, Basis::Enhanced);
    assert!(e.meaning.starts_with("Bad destination mailbox address"), "{}", e.meaning);
    assert!(e.action.contains("check the address"), "{}", e.action);
    let guide = e.guide.clone().expect("550 is in the guide's table");
    assert!(guide.meaning.contains("mailbox unavailable"), "{}", guide.meaning);
    assert!(guide.action.contains("Check the recipient address"), "{}", guide.action);
    let enhanced = e.enhanced.expect("5.1.1");
    assert_eq!(enhanced.code, "5.1.1");
    assert!(enhanced.class.starts_with("Permanent failure"));
    assert_eq!(enhanced.subject, "Addressing status");
    assert!(enhanced.detail.unwrap_or_default().starts_with("Bad destination mailbox address"));
    assert_eq!(e.text, "<a@b>: Recipient address rejected");
    assert!(e.problem.is_none());
}

#[test]
fn a_bare_451_is_transient_and_says_retry() {
    let e = explain("451", Locale::En);
    assert_eq!(e.code, Some(451));
    assert_eq!(e.class, ReplyClass::Transient);
    assert!(e.retry);
    assert!(e.meaning.contains("local error in processing"));
    assert!(e.enhanced.is_none());
    assert_eq!(e.text, "");
}

#[test]
fn a_multi_line_reply_joins_its_continuation_lines() {
    let e = explain("250-mail.example.com Hello\r\n250-SIZE 10000000\r\n250 2.0.0 OK", Locale::En);
    assert_eq!(e.code, Some(250));
    assert_eq!(e.class, ReplyClass::Success);
    assert_eq!(e.text, "mail.example.com Hello\nSIZE 10000000\nOK");
    assert_eq!(e.enhanced.map(|x| x.code), Some("2.0.0".to_string()));
}

#[test]
fn a_code_quoted_in_a_script_error_is_found() {
    let e = explain("SMTP Error: SMTP code: 555 Additional SMTP info: 5.5.4 limit reached", Locale::En);
    assert_eq!(e.code, Some(555));
    assert!(e.action.contains("200 mails per hour per account"), "{}", e.action);
    assert_eq!(e.enhanced.map(|x| x.code), Some("5.5.4".to_string()));
}

#[test]
fn the_class_comes_from_the_first_digit() {
    for (text, class) in [
        ("220 ready", ReplyClass::Success),
        ("354 go ahead", ReplyClass::Intermediate),
        ("421 busy", ReplyClass::Transient),
        ("554 no", ReplyClass::Permanent),
    ] {
        assert_eq!(explain(text, Locale::En).class, class, "{text}");
    }
}

#[test]
fn every_code_of_the_guide_table_has_meaning_and_action_in_every_language() {
    assert_eq!(CODES.len(), 27, "seed 003 lists 27 codes from 211 to 555");
    for (code, _, _) in CODES {
        for locale in Locale::ALL {
            let e = explain(&code.to_string(), locale);
            assert!(e.known, "{code}");
            assert!(!e.meaning.is_empty() && !e.meaning.starts_with("smtp."), "{code} {locale:?}");
            assert!(!e.action.is_empty() && !e.action.starts_with("smtp."), "{code} {locale:?}");
        }
    }
}

#[test]
fn the_spanish_text_is_the_guides_own() {
    let e = explain("552", Locale::Es);
    assert_eq!(e.meaning, "Acción de correo solicitada interrumpida: espacio de almacenamiento excedido");
    assert!(e.action.starts_with("Al usuario con el que ha intentado contactar no le queda espacio"));
}

#[test]
fn explanations_are_localized() {
    let fr = explain("550 nope", Locale::Fr);
    assert!(fr.meaning.contains("boîte aux lettres indisponible"));
    assert!(fr.class_meaning.starts_with("Réponse négative"));
    let pl = explain("550 5.1.1 nope", Locale::Pl);
    assert!(pl.guide.map(|g| g.meaning).unwrap_or_default().contains("skrzynka niedostępna"));
    assert!(pl.meaning.contains("skrzynka nie istnieje"), "{}", pl.meaning);
    assert_eq!(pl.enhanced.map(|x| x.subject), Some("Status adresowania".to_string()));
}

#[test]
fn an_unknown_code_is_explained_by_its_class() {
    let e = explain("471 try again", Locale::En);
    assert_eq!(e.code, Some(471));
    assert!(!e.known);
    assert!(e.retry);
    assert!(e.meaning.starts_with("Code 471 is not in the guide's table"), "{}", e.meaning);
    assert!(e.action.starts_with("Retry later"));
}

#[test]
fn an_enhanced_code_the_registry_does_not_enumerate_keeps_class_and_subject() {
    let e = explain("550 5.7.99 Something local", Locale::En);
    let enhanced = e.enhanced.expect("5.7.99");
    assert_eq!(enhanced.subject, "Security or policy status");
    assert!(enhanced.detail.is_none());
    assert!(enhanced.reference.is_none());
    // The README's order: an unregistered detail reads as its subject's X.Y.0.
    assert_eq!(e.basis, Basis::Enhanced, "falls back to 5.7.0");
    assert!(e.meaning.starts_with("Other or undefined security status"), "{}", e.meaning);
    let banned = explain("550 5.7.606 Access denied, banned sending IP [203.0.113.5]", Locale::En);
    assert_eq!(banned.basis_text, "From the enhanced status code 5.7.606 (IANA registry)");
    assert!(banned.meaning.contains("security"), "{}", banned.meaning);
}

#[test]
fn causes_match_whole_words_and_not_after_a_negation() {
    let e = explain("550 Recipient not listed in public Name & Address Book", Locale::En);
    assert!(e.cause.is_none(), "{:?}", e.cause);
    assert!(!e.related_rules.contains(&"spam/listed-ip".to_string()));
    assert_eq!(e.basis, Basis::Code);
    let listed = explain("554 Your IP is blacklisted at zen.spamhaus.org", Locale::En);
    assert_eq!(listed.cause.map(|c| c.id).as_deref(), Some("listed"));
    let hyphen = explain("550 Sender not-listed in the allow list", Locale::En);
    assert!(hyphen.cause.is_none(), "{:?}", hyphen.cause);
    // What a message came without is the cause the server names.
    let without = explain("550 5.7.1 Rejected: message sent without DKIM signature", Locale::En);
    assert_eq!(without.cause.map(|c| c.id).as_deref(), Some("authentication"));
    for text in ["421 4.7.0 Try again later, closing connection. (EHLO)", "451 Temporary local problem - please try again later"] {
        let e = explain(text, Locale::En);
        assert!(e.cause.is_none(), "{text}: 'try again later' is no rate limit");
    }
}

#[test]
fn greylisting_is_a_normal_deferral_not_a_spam_block() {
    // RFC 6647: a greylisting server defers the first attempt; X.7.1 comes with it.
    let e = explain("451 4.7.1 Greylisted, try again later", Locale::En);
    assert_eq!(e.basis, Basis::Text);
    assert_eq!(e.cause.map(|c| c.id).as_deref(), Some("greylisting"));
    assert!(!e.action.contains("spam rules"), "{}", e.action);
    assert!(e.related_rules.is_empty(), "{:?}", e.related_rules);
    assert!(e.retry);
}

#[test]
fn a_permanent_reply_is_never_told_to_retry_later() {
    // RFC 5321 §4.2.1: after 5yz the client should not repeat the request.
    let full = explain("552 5.2.2 Mailbox full", Locale::Es);
    assert!(full.action.contains("la única solución es contactar con el destinatario por otra vía"), "{}", full.action);
    let rejected = explain("550 5.4.1 Recipient address rejected: Access denied. AS(201806281)", Locale::En);
    assert!(!rejected.action.to_lowercase().contains("retry later"), "{}", rejected.action);
    assert!(rejected.action.contains("Check the recipient address"), "{}", rejected.action);
    let transient = explain("452 4.2.2 Mailbox full", Locale::En);
    assert!(transient.action.contains("retry later"), "{}", transient.action);
}

#[test]
fn the_retry_later_flags_are_the_actions_that_say_retry_later() {
    let says = |id: &str| mail_preflight::i18n::text(id, Locale::En).to_lowercase().contains("retry later");
    for code in REGISTRY.iter().filter(|c| c.action) {
        assert_eq!(code.retry_later, says(&format!("smtp.enhanced.action.{}.{}", code.subject, code.detail)), "{code:?}");
    }
    for subject in 0..=7 {
        let id = format!("smtp.enhanced.action.subject.{subject}");
        assert_eq!(RETRY_LATER_SUBJECTS.contains(&subject), says(&id), "{id}");
    }
    for (cause, _, _) in CAUSES {
        assert_eq!(RETRY_LATER_CAUSES.contains(cause), says(&format!("smtp.cause.{cause}.action")), "{cause}");
    }
    // And a 5xx with any of them is told something else.
    for text in ["550 5.2.2 Mailbox full", "550 5.3.2 System not accepting network messages", "550 5.4.0 x", "550 Mailbox is full"] {
        let e = explain(text, Locale::En);
        assert!(!e.action.to_lowercase().contains("retry later"), "{text}: {}", e.action);
    }
}

#[test]
fn the_hostings_hourly_limits_belong_to_code_555_only() {
    let e = explain("504 5.5.4 Unrecognized authentication type", Locale::En);
    assert!(!e.action.contains("200"), "{}", e.action);
    let limits = explain("555 5.5.4 Syntax error", Locale::En);
    assert!(limits.action.contains("200 mails per hour per account"), "{}", limits.action);
}

#[test]
fn a_success_reply_is_explained_by_its_code_not_by_x_0_0() {
    for (reply, code) in [("250 2.0.0 OK  1700000000 d2si1234567qkb.123 - gsmtp", 250), ("221 2.0.0 Bye", 221)] {
        let e = explain(reply, Locale::En);
        assert_eq!(e.basis, Basis::Code, "{reply}");
        assert!(!e.meaning.contains("Other undefined status"), "{reply}: {}", e.meaning);
        assert_eq!(e.code, Some(code));
    }
}

#[test]
fn a_malformed_reply_is_a_problem() {
    let mixed = explain("550-5.7.1 first line\n451 4.3.0 second line different code", Locale::En);
    assert!(mixed.problem.as_deref().is_some_and(|p| p.contains("RFC 5321 §4.2.1")), "{:?}", mixed.problem);
    let mismatch = explain("550 4.1.1 mismatch", Locale::En);
    assert!(mismatch.problem.as_deref().is_some_and(|p| p.contains("RFC 3463 §2")), "{:?}", mismatch.problem);
    assert!(explain("250-first\n250 second", Locale::En).problem.is_none());
}

#[test]
fn code_535_is_an_authentication_failure() {
    let bare = explain("535", Locale::En);
    assert!(bare.known);
    assert_eq!(bare.basis_text, "From the reply code 535 (RFC 4954 §6)");
    assert!(bare.meaning.contains("Authentication credentials invalid"), "{}", bare.meaning);
    let words = explain("535 Incorrect authentication data", Locale::En);
    assert_eq!(words.cause.map(|c| c.id).as_deref(), Some("login"));
}

#[test]
fn a_message_too_large_is_explained_by_its_enhanced_code_and_linked_to_size_total() {
    // IANA registry: X.3.4 "Message too big for system"; the basic 552 alone reads
    // "exceeded storage allocation" (the guide: the recipient has no space left).
    let e = explain("552 5.3.4 Message size exceeds fixed limit", Locale::En);
    assert_eq!(e.basis, Basis::Enhanced);
    assert!(e.meaning.contains("Message too big"), "{}", e.meaning);
    assert!(e.action.contains("smaller message"), "{}", e.action);
    assert!(!e.action.contains("no space left"), "{}", e.action);
    assert_eq!(e.related_rules, vec!["size/total".to_string()]);
    assert_eq!(e.enhanced.and_then(|x| x.reference).as_deref(), Some("RFC 3463"));
}

#[test]
fn a_policy_refusal_as_spam_points_to_the_spam_rules() {
    // IANA registry: X.7.1 "Delivery not authorized, message refused".
    let e = explain("550 5.7.1 Message rejected as spam by Content Filtering", Locale::En);
    assert_eq!(e.basis, Basis::Enhanced);
    assert!(e.action.contains("spam rules"), "{}", e.action);
    assert!(!e.action.contains("Check the recipient address"), "{}", e.action);
    assert_eq!(e.cause.map(|c| c.id).as_deref(), Some("spam"));
    assert!(e.related_rules.contains(&"spam/".to_string()));
}

#[test]
fn a_generic_enhanced_code_gives_way_to_the_servers_words() {
    // 4.7.0 is "other security or policy status": the text says it is about the rate.
    let e = explain("421 4.7.0 Too many connections from your IP, try again later", Locale::En);
    assert_eq!(e.basis, Basis::Text);
    assert_eq!(e.cause.as_ref().map(|c| c.id.as_str()), Some("rate"));
    assert!(e.action.contains("more slowly"), "{}", e.action);
    assert!(e.retry);
    assert!(!e.meaning.contains("could not be determined"), "{}", e.meaning);
}

#[test]
fn the_servers_words_explain_a_reply_without_an_enhanced_code() {
    let e = explain("554 Your message is too big for this server", Locale::Fr);
    assert_eq!(e.basis, Basis::Text);
    assert!(e.related_rules.contains(&"size/total".to_string()));
    assert!(e.related_rules.contains(&"spam/listed-ip".to_string()), "554 in the guide: blacklisting");
    assert!(e.basis_text.contains("serveur"), "{}", e.basis_text);
}

#[test]
fn every_registered_enhanced_code_has_its_texts_in_every_language() {
    for code in REGISTRY {
        for locale in Locale::ALL {
            for class in [4, 5] {
                let e = explain(&format!("{class}.{}.{} x", code.subject, code.detail), locale);
                let enhanced = e.enhanced.expect("read");
                let detail = enhanced.detail.unwrap_or_default();
                assert!(
                    !detail.is_empty() && !detail.starts_with("smtp."),
                    "{}.{} {locale:?}",
                    code.subject,
                    code.detail
                );
                assert!(!e.action.starts_with("smtp."), "{}.{} {locale:?}: {}", code.subject, code.detail, e.action);
            }
        }
    }
    for (id, _, _) in CAUSES {
        for locale in Locale::ALL {
            assert!(mail_preflight::i18n::entry(&format!("smtp.cause.{id}")).is_some(), "{id}");
            assert!(!mail_preflight::i18n::text(&format!("smtp.cause.{id}.action"), locale).starts_with("smtp."));
        }
    }
}

#[test]
fn every_related_rule_is_a_rule_or_a_group_of_rules() {
    let ids: Vec<&str> = mail_preflight::rules::REGISTRY.iter().map(|r| r.id).collect();
    let related = REGISTRY.iter().flat_map(|c| c.related.iter()).chain(CAUSES.iter().flat_map(|(_, _, r)| r.iter()));
    for rule in related {
        let known = if rule.ends_with('/') { ids.iter().any(|id| id.starts_with(rule)) } else { ids.contains(rule) };
        assert!(known, "{rule}");
    }
}

#[test]
fn text_without_a_code_says_so() {
    let e = explain("Recipient address rejected", Locale::En);
    assert_eq!(e.code, None);
    assert_eq!(e.class, ReplyClass::Unknown);
    assert!(e.problem.is_some());
    assert!(explain("   ", Locale::En).problem.unwrap_or_default().contains("empty"));
    assert_eq!(explain("1234 nope", Locale::En).code, None);
    assert_eq!(explain("650 nope", Locale::En).code, None);
}

#[test]
fn a_huge_reply_is_read_up_to_the_limit_without_panicking() {
    let long: String = "250-é line\r\n".repeat(MAX_REPLY_LINES * 50);
    let e = explain(&long, Locale::En);
    assert_eq!(e.code, Some(250));
    assert!(e.problem.is_some());
    assert_eq!(e.text.lines().count(), MAX_REPLY_LINES);
}
