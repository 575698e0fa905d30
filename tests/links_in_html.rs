//! The links of an HTML body as the link rules read them: a link's text is
//! what a reader sees of it (no invisible characters, no hidden words), a
//! form's action is an address as SpamAssassin's HTML parser reads it, and a
//! mailing service's click tracking is a known redirector.

use mail_preflight::model::html::analyse;
use mail_preflight::{lint, Options, Report, Severity};

fn report(html: &str) -> Report {
    let raw = format!("From: a@shop.example\nTo: b@example.org\nSubject: News\nContent-Type: text/html; charset=utf-8\n\n{html}\n");
    lint(raw.as_bytes(), &Options::default()).expect("lints")
}

fn findings(report: &Report, rule: &str) -> Vec<(String, Severity)> {
    report.findings_of(rule).map(|f| (f.message_id.clone(), f.severity)).collect()
}

#[test]
fn a_links_text_leaves_out_invisible_characters_and_hidden_words() {
    for (html, text) in [
        ("<a href=\"https://e.example/\">www.pay&#8203;pal.com</a>", "www.paypal.com"),
        ("<a href=\"https://e.example/\">www.pay&shy;pal.com</a>", "www.paypal.com"),
        ("<a href=\"https://e.example/\">www.pay\u{2060}pal\u{feff}.com</a>", "www.paypal.com"),
        ("<a href=\"https://e.example/\">www.pay\u{3164}pal\u{e0041}.com</a>", "www.paypal.com"),
        ("<a href=\"https://e.example/\">paypal.com<span style=\"display:none\">.e.example</span></a>", "paypal.com"),
        ("<a href=\"https://e.example/\">Log <b>in</b></a>", "Log in"),
    ] {
        assert_eq!(analyse(html).links[0].text, text, "{html}");
    }
}

#[test]
fn a_shown_domain_split_by_invisible_characters_still_disagrees_with_its_address() {
    for text in ["www.pay&#8203;pal.com", "www.pay&#173;pal.com", "www.pay&#8288;pal.com", "https://www.pay&#65279;pal.com/"] {
        let r = report(&format!("<a href=\"https://evil-login.example/verify\">{text}</a>"));
        assert_eq!(findings(&r, "links/mismatch"), [("links/mismatch.other-domain".to_string(), Severity::Warning)], "{text}");
        let finding = r.findings_of("links/mismatch").next().expect("a finding");
        assert!(finding.message.contains("paypal.com"), "{}", finding.message);
    }
    // Without the trick the same link and its honest twin read as before.
    let r = report("<a href=\"https://www.paypal.com/signin\">www.pay&#8203;pal.com</a>");
    assert!(findings(&r, "links/mismatch").is_empty());
}

#[test]
fn hidden_words_do_not_make_a_shown_domain_the_addresss() {
    let r = report("<a href=\"https://paypal.com.evil.example/\">paypal.com<span style=\"display:none\">.evil.example</span></a>");
    assert_eq!(findings(&r, "links/mismatch"), [("links/mismatch.other-domain".to_string(), Severity::Warning)]);
}

#[test]
fn a_homograph_is_judged_against_the_domain_a_reader_sees() {
    // The Cyrillic "а" of the address imitates the shown cedarpine.com, split by a ZWSP.
    let r = report("<a href=\"https://www.ced\u{430}rpine.com/\">www.cedar&#8203;pine.com</a>");
    assert_eq!(findings(&r, "links/homograph"), [("links/homograph.looks-like".to_string(), Severity::Warning)]);
    let finding = r.findings_of("links/homograph").next().expect("a homograph finding");
    assert!(finding.message.contains("cedarpine.com"), "{}", finding.message);
}

#[test]
fn form_actions_are_collected_as_addresses_not_as_links_to_click() {
    let html = r#"<form action="http://198.51.100.7/login" method="post"><p>Password: <input type="password" name="p"></p></form>"#;
    let facts = analyse(html);
    assert_eq!(facts.links.len(), 1);
    let form = &facts.links[0];
    assert!(form.form);
    assert_eq!(form.href, "http://198.51.100.7/login");
    assert_eq!(form.text, "", "the words inside a form are not a link's text");
    let tag = form.tag.expect("form offset");
    assert_eq!(&html[tag.start..tag.end], r#"<form action="http://198.51.100.7/login" method="post">"#);
    assert_eq!(form.markup(), r#"<form action="http://198.51.100.7/login">"#);
    // A form without an action sends to the page it is on: no address to judge.
    assert!(analyse("<form><input name=q></form>").links.is_empty());
}

#[test]
fn the_rules_that_judge_an_address_read_form_actions() {
    // Each is said of the form, not of a link: a form has nothing to click, it sends what is typed.
    let said_of_the_form = |html: &str, rule: &str, id: &str| {
        let r = report(html);
        assert_eq!(findings(&r, rule), [(format!("{rule}.{id}"), Severity::Warning)], "{html}");
        let finding = r.findings_of(rule).next().expect("a finding");
        assert!(finding.message.starts_with("The form"), "{}", finding.message);
        assert!(finding.evidence.starts_with("<form action="), "{}", finding.evidence);
        r
    };
    let r = said_of_the_form(
        r#"<form action="http://198.51.100.7/login" method="post">Password: <input type="password" name="p"></form>"#,
        "links/numeric-host",
        "form-address",
    );
    assert_eq!(r.findings_of("links/numeric-host").next().expect("a finding").evidence, r#"<form action="http://198.51.100.7/login">"#);
    said_of_the_form(r#"<form action="http://0xC6336407/x"><input type="password"></form>"#, "links/numeric-host", "form-disguised");
    said_of_the_form(
        r#"<form action="https://www.mybank.example@login.evil.example/x" method="post"><input type="password"></form>"#,
        "links/userinfo",
        "form-before-at",
    );
    said_of_the_form(r#"<form action="https://bit.ly/3xYz"><input name="e"></form>"#, "links/shortener", "form-shortened");
    said_of_the_form(r#"<form action="https://www.xn--pypal-4ve.com/login"><input type="password"></form>"#, "links/homograph", "form-looks-like");
    // The same addresses as links keep the links' texts.
    let r = report(r#"<a href="http://198.51.100.7/login">Log in</a> <a href="https://bit.ly/3xYz">More</a>"#);
    assert_eq!(findings(&r, "links/numeric-host")[0].0, "links/numeric-host.address");
    assert_eq!(findings(&r, "links/shortener")[0].0, "links/shortener.shortened");
    // An honest search form, and forms whose action is empty or relative, are no finding of any link rule.
    for html in [
        r#"<form action="https://shop.example/search"><input name="q"></form>"#,
        r#"<form action=""><input name="q"></form>"#,
        r##"<form action="#"><input name="q"></form>"##,
        r#"<form action="/search"><input name="q"></form>"#,
    ] {
        let r = report(html);
        for rule in ["links/broken", "links/mismatch", "links/numeric-host", "links/userinfo", "links/shortener", "links/homograph"] {
            assert!(findings(&r, rule).is_empty(), "{rule}: {html}");
        }
    }
}

#[test]
fn mailing_services_click_tracking_is_a_known_redirector() {
    for href in [
        "https://cedarpine.r.sp1-brevo.net/mk/cl/f/sh/1t6Af4OiGsFR8Z",
        "https://abcde.r.bh.d.sendibt3.com/tr/cl/abc",
        "https://abcde.r.af.d.sendibt2.com/tr/cl/abc",
        "https://cedarpine.createsend1.com/t/j-l-abcdef-l-r/",
        "https://cedarpine.cmail19.com/t/j-l-abcdef-l-r/",
        "https://cedarpine.cmail20.com/t/j-l-abcdef-l-r/",
        "https://d2v8tf04.na1.hubspotlinks.com/Ctc/OQ+113/d2v8tF04/VWjSs87",
        "https://hubspotlinks.com/Ctc/x",
        "https://fff97757.click.kit-mail3.com/27uprpxd/owhkhqhw/aHR0cHM",
        "https://click.convertkit-mail.com/x",
        "https://ctrk.klclick.com/l/01J5V2",
        "https://ctrk.klclick2.com/l/01J5V2",
        "https://ctrk.klclick3.com/l/01J5V2",
        "https://shop.lt.acemlna.com/Prod/link-tracker?redirectUrl=aHR0cHM",
        "https://spgo.io/f/a/abc",
        "https://mandrillapp.com/track/click/30/shop.example",
        "https://r20.rs6.net/tn.jsp?f=001",
    ] {
        let r = report(&format!("<a href=\"{href}\">www.shop-partner.example.com</a>"));
        assert_eq!(findings(&r, "links/mismatch"), [("links/mismatch.tracked".to_string(), Severity::Info)], "{href}");
    }
    // Hosts that only end like them, or carry them as a label, are other sites.
    for href in ["https://evil-sp1-brevo.net/x", "https://hubspotlinks.com.evil.example/x", "https://klclick4.com/x"] {
        let r = report(&format!("<a href=\"{href}\">www.shop-partner.example.com</a>"));
        assert_eq!(findings(&r, "links/mismatch"), [("links/mismatch.other-domain".to_string(), Severity::Warning)], "{href}");
    }
}

#[test]
fn mail_security_gateways_link_rewriting_is_a_known_redirector() {
    // Proofpoint URL Defense v2 and v3, Mimecast, Barracuda LinkProtect, Cisco Secure Email.
    for href in [
        "https://urldefense.proofpoint.com/v2/url?u=https-3A__shop.example.com&d=DwMF&c=x",
        "https://urldefense.com/v3/__https://shop.example.com__;!!x$",
        "https://protect-us.mimecast.com/s/AbCd?domain=shop.example.com",
        "https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fshop.example.com&c=E,1,x",
        "https://secure-web.cisco.com/1AbC/https%3A%2F%2Fshop.example.com",
    ] {
        let r = report(&format!("<a href=\"{href}\">www.shop-partner.example.com</a>"));
        assert_eq!(findings(&r, "links/mismatch"), [("links/mismatch.tracked".to_string(), Severity::Info)], "{href}");
    }
    // Look-alikes, and the gateways' other hosts, are other sites.
    for href in ["https://linkprotect.cudasvc.com.evil.example/url", "https://secure-web.cisco.com.evil.example/1/x", "https://evil.cudasvc.com/url"] {
        let r = report(&format!("<a href=\"{href}\">www.shop-partner.example.com</a>"));
        assert_eq!(findings(&r, "links/mismatch"), [("links/mismatch.other-domain".to_string(), Severity::Warning)], "{href}");
    }
}
