//! Issue 15, "Obfuscated words" and "Deceptive links": each trick is seen
//! through by the general mechanism (text folding, lexicons, skeletons, the
//! authority as a browser reads it), and each honest pattern passes.

use mail_preflight::{lint, Finding, Options, Severity};

fn findings(raw: &str, rule: &str) -> Vec<Finding> {
    let report = lint(raw.as_bytes(), &Options::default()).expect("a report");
    report.findings.into_iter().filter(|f| f.rule_id == rule).collect()
}

fn text_message(subject: &str, body: &str) -> String {
    format!("From: a@example.com\nTo: b@example.com\nSubject: {subject}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n")
}

fn html_message(body: &str) -> String {
    format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html; charset=utf-8\n\n{body}\n"
    )
}

#[test]
fn full_width_letters_do_not_hide_a_term_and_the_finding_quotes_it_as_written_and_as_read() {
    let found = findings(&text_message("Hello", "Hot ｐｏｒｎ and ｎｕｄｅｓ"), "spam/adult-terms");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("ｐｏｒｎ → porn"), "{}", found[0].message);
}

#[test]
fn mathematical_bold_letters_do_not_hide_a_term() {
    let found = findings(&text_message("Hello", "𝐏𝐎𝐑𝐍 and 𝐧𝐮𝐝𝐞𝐬"), "spam/adult-terms");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
}

#[test]
fn zero_width_characters_do_not_split_a_term() {
    let found = findings(&text_message("Hello", "p\u{200b}o\u{200d}r\u{2060}n and n\u{ad}udes"), "spam/adult-terms");
    assert_eq!(found.len(), 1);
}

#[test]
fn leetspeak_is_read_against_the_phrases_own_letters() {
    let found =
        findings(&text_message("Hello", "Buy v1agr4 w1th0ut pr3scr1pt10n, 100% guaranteed"), "spam/sales-language");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("v1agr4 → viagra"), "{}", found[0].message);
}

#[test]
fn look_alike_cyrillic_letters_read_as_the_latin_phrase() {
    let found = findings(
        &text_message("Hello", "Get your \u{1d41f}\u{1d42b}\u{1d41e}\u{1d41e} g\u{456}ft, \u{430}ct n\u{43e}w"),
        "spam/sales-language",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
}

#[test]
fn a_term_found_in_a_plain_text_body_points_at_its_bytes() {
    let raw = text_message("Hello", "Watch porn and nudes tonight");
    let found = findings(&raw, "spam/adult-terms");
    let (start, end) = (found[0].location.start.unwrap(), found[0].location.end.unwrap());
    assert_eq!(&raw.as_bytes()[start..end], b"porn");
}

#[test]
fn words_containing_a_term_are_not_the_term() {
    let raw =
        text_message("Scunthorpe, Essex and Sussex", "A cocktail analysis by a therapist; grapes; XXXms; Middlesex.");
    assert!(findings(&raw, "spam/adult-terms").is_empty());
}

/// `text_inputs/innocent_lookalikes.tsv`: innocent words, in the seven languages of
/// the lexicon, that contain a term or a compound's first member.
fn innocent_lookalikes() -> Vec<(&'static str, &'static str)> {
    include_str!("text_inputs/innocent_lookalikes.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

#[test]
fn innocent_words_of_seven_languages_that_contain_a_term_are_not_the_term() {
    let words = innocent_lookalikes();
    assert!(words.len() >= 200, "{}", words.len());
    for language in ["de", "en", "fr", "es", "pl", "it", "pt"] {
        assert!(words.iter().filter(|(l, _)| *l == language).count() >= 30, "{language}");
    }
    let lexicon = mail_preflight::rules::spam::adult_terms::lexicon();
    for (language, word) in &words {
        assert!(lexicon.scan(word).is_empty(), "{language} {word}");
        assert!(lexicon.scan(&word.to_uppercase()).is_empty(), "{language} {word}");
    }
    // Spelled out, alone, one after the other or joined by a conjunction, they are still no terms.
    let spelled = |w: &str| w.chars().map(String::from).collect::<Vec<_>>().join(" ");
    for (language, word) in &words {
        assert!(lexicon.scan(&spelled(word)).is_empty(), "{language} {word} spelled out");
    }
    for pair in words.chunks(2) {
        let text = pair.iter().map(|(_, w)| spelled(w)).collect::<Vec<_>>().join(" y ");
        assert!(lexicon.scan(&text).is_empty(), "{text}");
        let text = pair.iter().map(|(_, w)| spelled(w)).collect::<Vec<_>>().join(" ");
        assert!(lexicon.scan(&text).is_empty(), "{text}");
    }
    // The whole list in one message body finds nothing either.
    let body: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    assert!(findings(&text_message("Glossaire", &body.join(", ")), "spam/adult-terms").is_empty());
}

#[test]
fn german_compounds_of_a_listed_first_member_and_last_member_are_terms() {
    let raw = text_message("Hallo", "Die besten Pornofilme und Sexvideos, Nacktbilder gratis, Pornoseiten, Sexfilme.");
    let found = findings(&raw, "spam/adult-terms");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    for term in ["Pornofilme", "Sexvideos", "Nacktbilder", "Pornoseiten", "Sexfilme"] {
        assert!(found[0].message.contains(term), "{term}: {}", found[0].message);
    }
    // Leet and spaced-out letters read a compound as they read any term.
    assert_eq!(findings(&text_message("Hallo", "P0rn0f1lme und N4cktb1ld3r"), "spam/adult-terms").len(), 1);
    // A word that only starts with a first member is no compound of the list.
    let raw = text_message("Stundenplan", "Sexualkunde, dann das Sextett; das Pornographiegesetz; eine Nacktschnecke; der Nacktscanner.");
    assert!(findings(&raw, "spam/adult-terms").is_empty());
}

#[test]
fn german_compounds_written_with_a_hyphen_are_terms() {
    for text in ["Nackt-Bilder gratis", "die beste Sex-Seite", "neue Porno-Filme", "Erotik-Kontakte in deiner Stadt", "SEX-VIDEOS"] {
        let found = findings(&text_message("Hallo", text), "spam/adult-terms");
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].params.get("count"), Some(&mail_preflight::i18n::Param::Int(1)), "{text}: {}", found[0].message);
    }
    // A word that only ends with a first member, and "Sex" alone, are no compound.
    let raw = text_message(
        "Sexualkunde",
        "Unisex-Fotos; die Essex Seite; Sex und Verhütung im Unterricht; das Geschlecht (Sex) und die Anamnese. Thema Sex: Seite 12.",
    );
    assert!(findings(&raw, "spam/adult-terms").is_empty());
    // Two words with white space between are two things of a sentence, a heading or a form.
    for text in ["Das Thema Sex Seite für Seite in diesem Buch erklärt.", "Ihr Geschlecht: Sex  Seite 2 des Formulars", "Angaben zu Sex - Seite 3", "Nackt Bilder von Statuen im Museum"] {
        assert!(findings(&text_message("Thema Sex Seite für Seite", text), "spam/adult-terms").is_empty(), "{text}");
    }
}

#[test]
fn spelled_out_terms_joined_by_a_spelled_out_conjunction_are_read() {
    let found = findings(&text_message("Hola", "mira p o r n o y s e x o y f o l l a r gratis"), "spam/adult-terms");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning, "two terms: {}", found[0].message);
    assert!(found[0].message.contains("p o r n o, f o l l a r"), "{}", found[0].message);
    // Spelled-out words written one after the other, no joiner between.
    let found = findings(&text_message("Hola", "m i l f p o r n o and h e n t a i s e x o g r a t i s"), "spam/adult-terms");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("m i l f, p o r n o, h e n t a i, s e x o g r a t i s"), "{}", found[0].message);
    // Ordinary spaced text is not cut into terms: every piece must be a lexicon word.
    assert!(findings(&text_message("Hola", "a n a l y s i s y m i l f o r d"), "spam/adult-terms").is_empty());
}

#[test]
fn a_mailing_list_footer_is_not_opt_out_boilerplate() {
    let raw = text_message("Re: release", "Done.\n--\nTo unsubscribe from this list, send a mail to list-leave@lists.example.org\nhttps://lists.example.org/mailman/listinfo/devel");
    assert!(findings(&raw, "spam/sales-language").is_empty());
}

#[test]
fn a_bank_name_before_an_at_sign_is_reported_with_the_real_host() {
    let found =
        findings(&html_message("<a href=\"https://www.bank.example@evil.example/\">Bank</a>"), "links/userinfo");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("evil.example"), "{}", found[0].message);
}

#[test]
fn a_decimal_ip_address_is_reported_as_a_disguised_address() {
    let found = findings(&html_message("<a href=\"http://3232235777/\">Log in</a>"), "links/numeric-host");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].message_id, "links/numeric-host.disguised");
    assert!(found[0].message.contains("192.168.1.1"), "{}", found[0].message);
}

#[test]
fn an_idn_homograph_of_a_well_known_domain_is_reported() {
    let found = findings(
        &html_message("<a href=\"https://\u{440}\u{430}\u{443}\u{440}\u{430}l.com/\">Log in</a>"),
        "links/homograph",
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("paypal.com"), "{}", found[0].message);
}

#[test]
fn honest_internationalised_domains_are_not_homographs() {
    let raw = html_message("<a href=\"https://bücher.de/\">bücher.de</a> <a href=\"https://пример.рф/\">пример.рф</a>");
    assert!(findings(&raw, "links/homograph").is_empty());
    assert!(findings(&raw, "links/mismatch").is_empty());
}

#[test]
fn a_shortened_link_is_reported_with_its_shortener() {
    let found = findings(&html_message("<a href=\"https://tinyurl.com/y7abc\">Offer</a>"), "links/shortener");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("tinyurl.com"));
}

#[test]
fn a_text_showing_the_punycode_of_the_target_is_no_mismatch() {
    let raw = html_message("<a href=\"https://bücher.de/\">https://xn--bcher-kva.de/</a>");
    assert!(findings(&raw, "links/mismatch").is_empty());
}

#[test]
fn javascript_and_data_links_are_reported_once_by_links_broken() {
    let raw = html_message("<a href=\"javascript:alert(1)\">x</a> <a href=\"data:text/html,hi\">y</a>");
    assert_eq!(findings(&raw, "links/broken").len(), 2);
    for rule in ["links/userinfo", "links/homograph", "links/numeric-host", "links/shortener"] {
        assert!(findings(&raw, rule).is_empty(), "{rule}");
    }
}

#[test]
fn a_term_in_an_html_body_points_at_its_bytes_in_the_message() {
    let raw = html_message("<p>Watch <b>porn</b> and nudes tonight</p>");
    let found = findings(&raw, "spam/adult-terms");
    let (start, end) = (found[0].location.start.unwrap(), found[0].location.end.unwrap());
    assert_eq!(&raw.as_bytes()[start..end], b"porn");
}

#[test]
fn a_deceptive_link_finding_points_at_its_element() {
    let raw = html_message("<p>Hello</p><a href=\"https://bank.example@evil.example/\">Bank</a>");
    let found = findings(&raw, "links/userinfo");
    let start = found[0].location.start.unwrap();
    assert!(raw[start..].starts_with("<a href="), "{}", &raw[start..]);
}

#[test]
fn a_braille_blank_is_as_blank_as_a_space() {
    // U+2800 BRAILLE PATTERN BLANK draws an empty cell: a subject or a body of it is none.
    let subject = "\u{2800}\u{2800}\u{2800}";
    assert_eq!(findings(&text_message(subject, "Hello, your order has shipped."), "spam/missing-subject").len(), 1);
    assert_eq!(findings(&text_message("Your order", "\u{2800}\u{2800} \u{2800}\r\n"), "spam/empty-body").len(), 1);
    assert_eq!(findings(&html_message("<p>\u{2800}\u{2800}</p><p>\u{2800}</p>"), "spam/empty-body").len(), 1);
    let padded = format!("Hello, your order has shipped.{}", "\u{2800}".repeat(200));
    assert_eq!(findings(&text_message("Your order", &padded), "spam/whitespace").len(), 1);
    // Between words it is the space it shows: the words stay apart.
    assert!(findings(&text_message("Hello", "free vi\u{2800}agra trial"), "spam/adult-terms").is_empty());
    assert!(findings(&text_message("Hello\u{2800}there", "Your order has shipped."), "spam/missing-subject").is_empty());
}

#[test]
fn the_line_break_that_ends_a_body_is_no_blank() {
    // The guides flag « plus de 70 % de blanc »: 70 of 100 characters is not over it,
    // whatever ends the last line; 71 of 101 is.
    for end in ["", "\n", "\r\n"] {
        let at_the_limit = format!("{}{}{end}", "x".repeat(30), " ".repeat(70));
        let raw = format!("From: a@example.com\r\nTo: b@example.com\r\nSubject: Cake order\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{at_the_limit}");
        let report = lint(raw.as_bytes(), &Options::default()).expect("a report");
        assert!(report.findings.iter().all(|f| f.rule_id != "spam/whitespace"), "{end:?}");
        let over = raw.replace(&" ".repeat(70), &" ".repeat(71));
        let report = lint(over.as_bytes(), &Options::default()).expect("a report");
        assert_eq!(report.findings.iter().filter(|f| f.rule_id == "spam/whitespace").count(), 1, "{end:?}");
    }
}

#[test]
fn small_capitals_do_not_hide_a_term() {
    // LATIN LETTER SMALL CAPITAL …: capitals at x-height, read as their letters.
    assert_eq!(findings(&text_message("Hello", "Hot ᴘᴏʀɴ and ɴᴜᴅᴇs tonight"), "spam/adult-terms").len(), 1);
    assert_eq!(findings(&text_message("Hello", "Offer ends soon, ᴀᴄᴛ ɴᴏᴡ to get yours"), "spam/sales-language").len(), 1);
    assert_eq!(findings(&text_message("ꜰʀᴇᴇ shipping on all orders", "Hello."), "spam/subject-prefix").len(), 1);
}

#[test]
fn a_text_body_mail_parser_cannot_decode_still_reaches_the_content_rules() {
    // A multipart never closed (no `--X--`), and a closed one whose base64 holds a
    // character outside the alphabet: SpamAssassin and clients decode both bodies
    // (RFC 2045 §6.8); the link in them is read, in base64, quoted-printable and as is.
    let link = "Click http://bit.ly/3xYz now";
    let base64 = "Q2xpY2sgaHR0cDovL2JpdC5seS8zeFl6IG5vdw==";
    let head = "From: a@example.com\nTo: b@example.com\nSubject: Hello\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=X\n\n--X\n";
    let parts = [
        format!("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n{base64}\n"),
        format!("Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n{}\n", link.replace(':', "=3A")),
        format!("Content-Type: text/plain\n\n{link}\n"),
        format!("Content-Type: text/html\nContent-Transfer-Encoding: base64\n\n{base64}\n"),
        format!("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n{base64}!\n--X--\n"),
    ];
    for part in parts {
        let raw = format!("{head}{part}");
        let found = findings(&raw, "links/shortener");
        assert_eq!(found.len(), 1, "{raw}");
        assert!(found[0].message.contains("bit.ly"), "{}", found[0].message);
    }
}

#[test]
fn capital_words_joined_by_dots_still_shout_in_the_subject() {
    for subject in ["HUGE.WINTER.SALE.XYZQ", "FREE!!!.MONEY.NOW", "BIG.WINTER.SALE today"] {
        let found = findings(&text_message(subject, "Hello."), "spam/subject-caps");
        assert_eq!(found.len(), 1, "{subject}");
        assert_eq!(found[0].severity, Severity::Warning, "{subject}");
    }
    // Host names stay names: their last label is a top-level domain.
    for subject in ["CNET NEWS.COM: Cable companies cracking down", "Visit SHOP.EXAMPLE.COM today", "Order from MEDIA.MARKT.DE shipped"] {
        assert!(findings(&text_message(subject, "Hello."), "spam/subject-caps").is_empty(), "{subject}");
    }
}

/// A text/plain body in RFC 3676 format=flowed, `delsp` as given.
fn flowed_message(delsp: &str, body: &str) -> String {
    format!("From: a@example.com\nTo: b@example.com\nSubject: Hello\nContent-Type: text/plain; charset=utf-8; format=flowed{delsp}\n\n{body}\n")
}

#[test]
fn a_term_split_across_a_flowed_line_break_is_read_whole() {
    // RFC 3676 §4.2/§4.3: with delsp=yes the space that ends a flowed line is deleted on unflowing.
    let found = findings(&flowed_message("; delsp=yes", "Look at these hot po \nrn videos and nu \ndes tonight\n"), "spam/adult-terms");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("porn"), "{}", found[0].message);
    // Without delsp the space stays: a word break, as written.
    let found = findings(&flowed_message("", "Look at these hot \nporn videos and \nnudes tonight\n"), "spam/adult-terms");
    assert_eq!(found.len(), 1);
    // Not flowed: a line ending in a space is a line, nothing is joined.
    let raw = "From: a@example.com\nTo: b@example.com\nSubject: Hello\nContent-Type: text/plain; charset=utf-8; delsp=yes\n\nLook at these hot po \nrn videos and nu \ndes tonight\n";
    assert!(findings(raw, "spam/adult-terms").is_empty());
}

#[test]
fn a_link_only_outlook_shows_is_a_link() {
    let vml = r#"<p>Hello</p><!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="https://bit.ly/3xYzAb" style="height:40px"><w:anchorlock/><center>Claim</center></v:roundrect><![endif]-->"#;
    let found = findings(&html_message(vml), "links/shortener");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].evidence.starts_with("<!--[if mso]>") && found[0].evidence.contains("bit.ly"), "{:?}", found[0].evidence);
    // The same button for other clients, outside the comment, is one link, not two.
    let both = format!("{vml}<!--[if !mso]><!-- --><a href=\"https://bit.ly/3xYzAb\">Claim</a><!--<![endif]-->");
    let found = findings(&html_message(&both), "links/shortener");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(!found[0].evidence.starts_with("<!--"), "{:?}", found[0].evidence);
    // Its text is read for the domain it shows.
    let shown = r#"<!--[if mso]><v:roundrect href="https://evil-login.example/verify"><center>www.paypal.com</center></v:roundrect><![endif]-->"#;
    let found = findings(&html_message(shown), "links/mismatch");
    assert_eq!(found.iter().map(|f| f.message_id.as_str()).collect::<Vec<_>>(), ["links/mismatch.other-domain"]);
    let anchor = r#"<p>Hello</p><!--[if gte mso 9]><a href="http://198.51.100.7/login">Log in</a><![endif]-->"#;
    assert_eq!(findings(&html_message(anchor), "links/numeric-host").len(), 1);
    // A comment for other clients, or any other comment, links nothing.
    let negated = r#"<p>Hello</p><!--[if !mso]><a href="https://bit.ly/3xYzAb">x</a><![endif]--><!-- <a href="https://bit.ly/3xYzAb"> -->"#;
    assert!(findings(&html_message(negated), "links/shortener").is_empty());
}

/// Terms of both lexicons, of several languages, with a letter a leet digit draws.
const LEET_TERMS: &[&str] = &["porn", "viagra", "cialis", "nudes", "horny", "salope", "dildo", "hentai", "erotic", "sluts", "levitra", "pornografia", "fellation", "xanax"];

/// Whether either lexicon rule finds a term in a message whose body is `body`.
fn flagged(body: &str) -> bool {
    let raw = text_message("Note", body);
    !findings(&raw, "spam/adult-terms").is_empty() || !findings(&raw, "spam/sales-language").is_empty()
}

/// The digit a leet writer puts for a letter (SpamAssassin's 25_replace.cf classes).
fn leet_digit(c: char) -> Option<char> {
    match c {
        'o' => Some('0'),
        'i' => Some('1'),
        'e' => Some('3'),
        'a' => Some('4'),
        's' => Some('5'),
        't' => Some('7'),
        _ => None,
    }
}

#[test]
fn leet_digits_and_parentheses_in_split_words_do_not_hide_a_term() {
    let leet = leet_digit;
    for term in LEET_TERMS {
        let letters: Vec<char> = term.chars().collect();
        // The first letter after the first one that a digit draws.
        let at = (1..letters.len() - 1).find(|&i| leet(letters[i]).is_some()).expect(term);
        let with_digit: Vec<String> =
            letters.iter().enumerate().map(|(i, &c)| if i == at { leet(c).unwrap_or(c) } else { c }.to_string()).collect();
        let (head, tail): (String, String) = (letters[..at].iter().collect(), letters[at + 1..].iter().collect());
        let disguises = [
            with_digit.join("."),
            with_digit.join(" "),
            with_digit.join("-"),
            format!("{head}({}){tail}", with_digit[at]),
            format!("({}){}", &term[..2], &term[2..]),
        ];
        for disguise in disguises {
            assert!(flagged(&format!("Look at this {disguise} tonight")), "{disguise}");
        }
    }
}

#[test]
fn a_letter_written_with_its_leet_mark_and_initials_before_a_split_word_do_not_hide_a_term() {
    let marks = leet_digit;
    let symbols = |c: char| match c {
        'i' => Some('!'),
        'a' => Some('@'),
        's' => Some('$'),
        _ => None,
    };
    for term in LEET_TERMS {
        let letters: Vec<String> = term.chars().map(String::from).collect();
        let at = (1..letters.len() - 1).find(|&i| marks(term.chars().nth(i).unwrap_or(' ')).is_some()).expect(term);
        let mut drawn = letters.clone();
        drawn[at] = marks(term.chars().nth(at).unwrap_or(' ')).unwrap_or(' ').to_string();
        // The letter before the digit written with it: `v1-a-g-r-a`.
        let mut paired = drawn[..at - 1].to_vec();
        paired.push(format!("{}{}", drawn[at - 1], drawn[at]));
        paired.extend_from_slice(&drawn[at + 1..]);
        let mut disguises = vec![paired.join("-"), format!("J. R. R. {}", drawn.join(".")), format!("A. B. {}", letters.join(" "))];
        if let Some(i) = (1..letters.len() - 1).find(|&i| symbols(term.chars().nth(i).unwrap_or(' ')).is_some()) {
            // A symbol for a letter at the end of a piece: `v!.agra`.
            let symbol = symbols(term.chars().nth(i).unwrap_or(' ')).unwrap_or(' ');
            disguises.push(format!("{}{symbol}.{}", &term[..i], &term[i + 1..]));
        }
        for disguise in disguises {
            assert!(flagged(&format!("Look at this {disguise} tonight")), "{disguise}");
        }
    }
}

#[test]
fn the_at_sign_of_an_address_is_no_leet_letter() {
    // `pussy cat` is an innocent phrase of the lexicon: read through the `@`
    // as a leet `a`, the address had been "pussy" and "cat@example".
    for line in ["Write to pussy.cat@example.com today", "Mail pussy.cat@mail.example.co.uk", "Mail pussy.cat@xn--bcher-kva.example"] {
        assert!(!flagged(line), "{line}");
    }
    // An `@` inside a word with no domain after it is still a leet `a`.
    for line in ["Cheap vi@gra tonight", "Hot s@lope here", "Hot pussy.cat@home tonight"] {
        assert!(flagged(line), "{line}");
    }
}

#[test]
fn initials_abbreviations_and_numbers_of_five_languages_are_no_terms() {
    let lines = [
        // en
        "J. R. R. Tolkien wrote it", "The U . S . A and the U.K.", "Meet at 10.30 a.m. in room 4 b", "Please (re)send it after 5 p.m.",
        "Grid A 1 B 3 C 5 wins", "the p-value of the t-test was 0.05", "e-mail me a T-shirt and an x-ray", "(s)he will (un)pack the box",
        "version v1.0.3 of the app", "Visit therapist.com for help", "A-B-C of cooking, x-y-z axes", "s 3 x", "room a 3 b 1 c 7 d",
        "cells A1-B-C and B3-D-E", "seats 4a-b-c, 5d-e-f", "Hi!.NET team", "T. S. Eliot and W. H. Auden", "J. K. Rowling, a.k.a. Robert",
        // fr
        "M. et Mme J.-P. Dupont", "l'analyse de la S.N.C.F. à 8 h 30", "le (la) candidat(e) retenu(e)", "la T.V.A. à 5,5 %",
        "appartement 3 e étage, porte a",
        // es
        "el Sr. J. L. Pérez, pág. 3", "los (las) alumnos(as)", "EE. UU. y la O.N.U.", "c/ Mayor 5, 3.º A", "Análisis: 1 a 3 o 5",
        // pl
        "ul. J. Piłsudskiego 3 m. 5", "tzw. s.c. i sp. z o.o.", "prof. dr hab. A. B. Nowak", "p. o. dyrektora", "analiza: a 1 e 3 o 0",
        // de
        "z. B. die Analyse", "u. a. in der S-Bahn", "Dr. h. c. K.-H. Müller", "d. h. 3 x 4 m", "Str. 5 a, 1. OG",
    ];
    for line in lines {
        assert!(!flagged(line), "{line}");
    }
    // Read with the same words, disguised, they are found (the test reads something).
    assert!(flagged("Tolkien and v.1.a.g.r.a"));
}

#[test]
fn the_words_after_the_html_element_limit_are_still_read() {
    use mail_preflight::model::html::MAX_HTML_ELEMENTS;
    let body = format!(
        "<body>{}<p>Buy V<b></b>iagra &amp; cialis now</p><style>p {{ color: red }}</style><script>porn()</script></body>",
        "<b></b>".repeat(MAX_HTML_ELEMENTS + 10)
    );
    let raw = html_message(&body);
    let sales = findings(&raw, "spam/sales-language");
    assert_eq!(sales.len(), 1, "{sales:?}");
    assert!(sales[0].message.contains("Viagra") && sales[0].message.contains("cialis"), "{}", sales[0].message);
    // Style sheets and scripts past the limit are no text; the body is not empty.
    assert!(findings(&raw, "spam/adult-terms").is_empty());
    assert!(findings(&raw, "spam/empty-body").is_empty());
    // The limit itself is still reported.
    let cut = findings(&raw, "spam/invisible-text");
    assert!(cut.iter().any(|f| f.evidence.starts_with("analysed ")), "{cut:?}");
}

#[test]
fn a_style_sheet_where_the_tree_builder_was_cut_is_no_text() {
    // The tree builder's work budget cuts between chunks, and a chunk ends after a
    // start tag: here right after a `<style>` (end tags that walk 500 open elements).
    // A media query's `>` in a quoted value (Media Queries 4 ranges) does not end the tag.
    for style in ["<style>", "<style media=\"(width > 600px)\">"] {
        let body = format!(
            "<body>{}{}<p>Thanks for your order.</p></body>",
            "<div>".repeat(500),
            format!("</li>{style}.cheap-viagra-online {{ color: red }}</style>").repeat(3000)
        );
        let raw = html_message(&body);
        let cut = findings(&raw, "spam/invisible-text");
        assert!(cut.iter().any(|f| f.evidence.starts_with("analysed ")), "{style} {cut:?}");
        assert!(findings(&raw, "spam/sales-language").is_empty(), "{style} {:?}", findings(&raw, "spam/sales-language"));
        // The words past the cut are still read.
        assert!(findings(&raw, "spam/empty-body").is_empty(), "{style}");
    }
}
