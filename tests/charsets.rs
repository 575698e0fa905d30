//! Text in the multi-byte charsets of Japanese, Chinese and Korean mail reaches
//! the rules decoded, as a reader shows it. Before mail-parser's
//! `full_encoding`, ISO-2022-JP came through as its 7-bit JIS bytes (a `!` for
//! many characters, so an honest subject had "6 exclamation marks") and EUC-KR,
//! GB 2312 or Shift_JIS as replacement characters in every quoted finding.

use mail_preflight::{lint, Options, Report};

fn report(head: &str, body: &[u8]) -> Report {
    let mut raw = format!(
        "From: shop@example.jp\r\nTo: b@example.org\r\nDate: Tue, 01 Dec 2026 10:00:00 +0900\r\n\
         Message-ID: <1@example.jp>\r\nMIME-Version: 1.0\r\n{head}\r\n"
    )
    .into_bytes();
    raw.extend_from_slice(body);
    lint(&raw, &Options::default()).expect("a report")
}

#[test]
fn an_iso_2022_jp_subject_is_read_as_japanese_not_as_its_jis_bytes() {
    // 日本語の件名（サブジェクト）　スパムメールではありません！ (Python's email.header),
    // and お問い合わせありがとうございます。 as the ISO-2022-JP body.
    let subject = "=?iso-2022-jp?b?GyRCRnxLXDhsJE43b0w+IUolNSVWJTglJyUvJUghSyEhJTklUSVgJWEbKEI=?=\r\n \
                   =?iso-2022-jp?b?GyRCITwlayRHJE8kIiRqJF4kOyRzISobKEI=?=";
    let found = report(
        &format!("Subject: {subject}\r\nContent-Type: text/plain; charset=iso-2022-jp\r\n"),
        b"\x1b$B$*Ld$$9g$o$;$\"$j$,$H$&$4$6$$$^$9!#\x1b(B\r\n",
    );
    assert!(!found.has("spam/exclamation-marks"), "{:#?}", found.findings);
    assert!(found.findings.iter().all(|f| f.severity == mail_preflight::Severity::Info), "{:#?}", found.findings);
}

#[test]
fn findings_quote_korean_chinese_and_japanese_text_as_written() {
    // The text of a relative (broken) link, in the charset each part declares.
    let cases: [(&str, &[u8], &str); 5] = [
        ("euc-kr", b"\xb1\xd7\xb8\xb0\xc6\xbc 50ml", "\u{adf8}\u{b9b0}\u{d2f0} 50ml"),
        ("Shift_JIS", b"\x83A\x83N\x83Z\x83X", "\u{30a2}\u{30af}\u{30bb}\u{30b9}"),
        ("gb2312", b"\xc2\xcc\xb2\xe8", "\u{7eff}\u{8336}"),
        ("big5", b"\xba\xf1\xaf\xf9", "\u{7da0}\u{8336}"),
        ("euc-jp", b"\xa4\xaa\xc3\xe3", "\u{304a}\u{8336}"),
    ];
    for (charset, text, read) in cases {
        let mut body = b"<html><body><p><a href=\"/shop/p/1\">".to_vec();
        body.extend_from_slice(text);
        body.extend_from_slice(b"</a></p></body></html>\r\n");
        let found = report(
            &format!(
                "Subject: Shop\r\nContent-Type: text/html; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n"
            ),
            &body,
        );
        let broken: Vec<_> = found.findings_of("links/broken").collect();
        assert_eq!(broken.len(), 1, "{charset}");
        assert!(broken[0].message.contains(read), "{charset}: {}", broken[0].message);
    }
}

/// The evidence of `rule`'s first finding.
fn evidence(report: &Report, rule: &str) -> String {
    report.findings_of(rule).next().map(|f| f.evidence.clone()).unwrap_or_default()
}

#[test]
fn a_long_body_line_is_quoted_in_the_charset_of_its_part() {
    // Privet (KOI8-R), Señor café (windows-1252), 日本語 (ISO-2022-JP, 7-bit escapes).
    let cases: [(&str, &[u8], &str, &str); 3] = [
        ("koi8-r", b"\xf0\xd2\xc9\xd7\xc5\xd4 ", "8bit", "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}"),
        ("windows-1252", b"Se\xf1or caf\xe9 ", "8bit", "Se\u{f1}or caf\u{e9}"),
        ("iso-2022-jp", b"\x1b$BF|K\\8l\x1b(B text ", "7bit", "\u{65e5}\u{672c}\u{8a9e} text"),
    ];
    for (charset, words, encoding, read) in cases {
        let body = words.repeat(12);
        let found = report(
            &format!("Subject: Hi\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {encoding}\r\n"),
            &[body.as_slice(), b"\r\n"].concat(),
        );
        let quoted = evidence(&found, "size/line-length");
        assert!(quoted.contains(read), "{charset}: {quoted}");
        assert!(!quoted.contains('\u{fffd}') && !quoted.contains('\u{241b}'), "{charset}: {quoted}");
    }
}

#[test]
fn the_context_of_a_line_break_is_quoted_in_the_charset_of_the_body_it_reaches_into() {
    // The first bare LF comes right after the part's header: the quoted context spans both.
    let found = report(
        "Subject: Hi\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n",
        b"Hola, Bego\xf1a:\n\nGracias por la reuni\xf3n.\r\n",
    );
    let quoted = evidence(&found, "headers/line-breaks");
    assert!(quoted.contains("8bit") && quoted.contains("Bego\u{f1}a") && !quoted.contains('\u{fffd}'), "{quoted}");
}

#[test]
fn eight_bit_text_declared_7bit_is_quoted_in_its_charset() {
    let found = report(
        "Subject: Hi\r\nContent-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 7bit\r\n",
        b"\xf0\xd2\xc9\xd7\xc5\xd4\r\n",
    );
    let quoted = evidence(&found, "headers/transfer-encoding");
    assert!(quoted.starts_with("\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}"), "{quoted}");
}

/// A message with a UTF-8 vCard and iCalendar attachment, neither naming a charset.
fn card_and_invitation(card: &[u8]) -> Vec<u8> {
    let mut raw = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
        See you.\r\n--X\r\nContent-Type: text/vcard; name=card.vcf\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        .to_vec();
    raw.extend_from_slice(card);
    raw.extend_from_slice(
        b"\r\n--X\r\nContent-Type: text/calendar; method=REQUEST; name=invite.ics\r\n\
          Content-Transfer-Encoding: quoted-printable\r\n\r\nSUMMARY:Przegl=C4=85d roczny\r\n--X--\r\n",
    );
    raw
}

#[test]
fn vcards_and_calendars_without_charset_are_utf8_as_their_registrations_say() {
    let card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zo\u{eb} Wi\u{15b}niewska\r\nEND:VCARD";
    let raw = card_and_invitation(card.as_bytes());
    let found = mail_preflight::lint(&raw, &Options::default()).unwrap();
    assert!(!found.has("headers/charset"), "{:#?}", found.findings);
    // The engine reads them as UTF-8 too (what the page previews and the rules read).
    let analysis = mail_preflight::Linter::new(&Options::default()).unwrap().analyse(&raw).unwrap();
    let texts: Vec<&str> = analysis.texts.iter().map(|t| t.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("Zo\u{eb} Wi\u{15b}niewska")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("Przegl\u{105}d roczny")), "{texts:?}");
}

#[test]
fn a_vcard_that_is_not_utf8_is_reported_as_such() {
    // Latin-2 bytes (ś = 0xB6) where RFC 6350 §3.1 allows only UTF-8.
    let raw = card_and_invitation(b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zo\xeb Wi\xb6niewska\r\nEND:VCARD");
    let found = mail_preflight::lint(&raw, &Options::default()).unwrap();
    let ids: Vec<&str> = found.findings_of("headers/charset").map(|f| f.message_id.as_str()).collect();
    assert_eq!(ids, vec!["headers/charset.not-utf8"]);
    // A text/csv keeps RFC 2046's US-ASCII default (RFC 4180 §3): UTF-8 in it still needs a charset.
    let csv = String::from_utf8(card_and_invitation("name\r\nZo\u{eb}".as_bytes())).unwrap();
    let csv = csv.replace("text/vcard; name=card.vcf", "text/csv; name=a.csv");
    let found = mail_preflight::lint(csv.as_bytes(), &Options::default()).unwrap();
    let ids: Vec<&str> = found.findings_of("headers/charset").map(|f| f.message_id.as_str()).collect();
    assert_eq!(ids, vec!["headers/charset.missing"]);
}

/// The message ids of `headers/charset` for one text part in `charset`, sent in
/// `transfer_encoding` as `body`.
fn charset_ids(charset: &str, transfer_encoding: &str, body: &[u8]) -> Vec<String> {
    let found = report(
        &format!(
            "Subject: Hi\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {transfer_encoding}\r\n"
        ),
        body,
    );
    found.findings_of("headers/charset").map(|f| f.message_id.clone()).collect()
}

#[test]
fn utf8_text_declared_in_a_single_byte_charset_is_reported() {
    // PHPMailer without CharSet: UTF-8 text labelled iso-8859-1 (its default), in
    // quoted-printable, base64 or 8bit; readers show "ZamÃ³wienie".
    let misdeclared = vec!["headers/charset.misdeclared".to_string()];
    assert_eq!(charset_ids("iso-8859-1", "quoted-printable", b"Zam=C3=B3wienie wys=C5=82ane\r\n"), misdeclared);
    assert_eq!(charset_ids("ISO-8859-2", "base64", b"WmFtw7N3aWVuaWUgd3lzxYJhbmU=\r\n"), misdeclared);
    assert_eq!(charset_ids("windows-1252", "8bit", "Gr\u{fc}\u{df}e aus K\u{f6}ln\r\n".as_bytes()), misdeclared);
    // Text in the charset it declares, ASCII in any, UTF-8 declared UTF-8, and a
    // multi-byte charset whose text may form UTF-8: none is misdeclared.
    assert!(charset_ids("iso-8859-1", "quoted-printable", b"Caf=E9 ouvert, =E0 bient=F4t\r\n").is_empty());
    assert!(charset_ids("windows-1250", "8bit", b"Zam\xf3wienie wys\xb3ane, za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9\r\n").is_empty());
    assert!(charset_ids("iso-8859-1", "7bit", b"Order shipped\r\n").is_empty());
    assert!(charset_ids("utf-8", "8bit", "Zam\u{f3}wienie".as_bytes()).is_empty());
    assert!(charset_ids("gb18030", "8bit", "\u{8ba2}\u{5355}".as_bytes()).is_empty());
}

/// The severity and points of each finding `rule` gives `raw` (a message in CRLF lines).
fn graded(raw: &[u8], rule: &str) -> Vec<(String, mail_preflight::Severity, f64)> {
    let found = lint(raw, &Options::default()).expect("a report");
    found.findings_of(rule).map(|f| (f.message_id.clone(), f.severity, f.score)).collect()
}

#[test]
fn an_unknown_charset_is_information_in_a_text_part_an_encoded_word_and_a_file_name_alike() {
    use mail_preflight::Severity::Info;
    let head = "From: shop@example.com\r\nTo: b@example.org\r\nDate: Tue, 01 Dec 2026 10:00:00 +0100\r\n\
                Message-ID: <1@example.com>\r\nMIME-Version: 1.0\r\n";
    // Names no reader built on the WHATWG encodings decodes (cp950, x-unknown, a
    // replacement label), and names mail-parser decodes though the IANA list we
    // kept lacks them: the body, the subject and the file name are judged alike.
    for (charset, known) in [("cp950", false), ("x-unknown", false), ("hz-gb-2312", false), ("x-mac-cyrillic", true), ("ISO8859-5", true)] {
        // 您好 in Big5 (cp950's base), as 8-bit bytes, in base64 and in %XX.
        let mut body =
            format!("{head}Subject: Hi\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .into_bytes();
        body.extend_from_slice(b"\xb1\x7a\xa6\x6e\r\n");
        let subject = format!("{head}Subject: =?{charset}?B?sXqmbg==?=\r\nContent-Type: text/plain\r\n\r\nHello\r\n");
        let name = format!(
            "{head}Subject: Hi\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello\r\n\
             --b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*={charset}''%B1%7A%A6%6E.pdf\r\n\
             Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n"
        );
        let found = [
            graded(&body, "headers/charset"),
            graded(subject.as_bytes(), "headers/encoded-word"),
            graded(name.as_bytes(), "headers/parameter-encoding"),
        ];
        for (place, findings) in ["text part", "encoded word", "RFC 2231 value"].iter().zip(&found) {
            if known {
                assert!(findings.is_empty(), "{charset} in a {place}: {findings:?}");
            } else {
                assert_eq!(findings.len(), 1, "{charset} in a {place}: {findings:?}");
                assert_eq!((findings[0].1, findings[0].2), (Info, 0.0), "{charset} in a {place}: {findings:?}");
            }
        }
    }
    // Plain ASCII under an unknown name reads the same whatever the reader picks.
    let ascii = format!("{head}Subject: Hi\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nHello\r\n");
    assert!(graded(ascii.as_bytes(), "headers/charset").is_empty());
}

#[test]
fn the_windows_code_page_names_of_big5_shift_jis_and_euc_kr_are_decoded() {
    // 綠茶 (Big5), アクセス (Shift_JIS: its second bytes are ASCII capitals, `A N Z X`, when read
    // as UTF-8), 그린티 (EUC-KR), under the names Python's codecs and Java write: cp950, cp932,
    // cp949 and their aliases, once as written (8bit) and once in base64.
    let cases: [(&str, &[u8], &str); 6] = [
        ("cp950", b"\xba\xf1\xaf\xf9", "\u{7da0}\u{8336}"),
        ("MS950", b"\xba\xf1\xaf\xf9", "\u{7da0}\u{8336}"),
        ("cp932", b"\x83A\x83N\x83Z\x83X", "\u{30a2}\u{30af}\u{30bb}\u{30b9}"),
        ("cp949", b"\xb1\xd7\xb8\xb0\xc6\xbc", "\u{adf8}\u{b9b0}\u{d2f0}"),
        ("x-windows-949", b"\xb1\xd7\xb8\xb0\xc6\xbc", "\u{adf8}\u{b9b0}\u{d2f0}"),
        ("uhc", b"\xb1\xd7\xb8\xb0\xc6\xbc", "\u{adf8}\u{b9b0}\u{d2f0}"),
    ];
    let linter = mail_preflight::Linter::new(&Options::default()).unwrap();
    for (charset, text, read) in cases {
        let line = [text, b" 50ml\r\n"].concat().repeat(3);
        let encoded = base64_of(&line);
        for (encoding, body) in [("8bit", line.clone()), ("base64", encoded)] {
            let mut raw = format!(
                "From: shop@example.jp\r\nTo: b@example.org\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n\
                 Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n"
            )
            .into_bytes();
            raw.extend_from_slice(&body);
            let analysis = linter.analyse(&raw).unwrap();
            let texts: Vec<&str> = analysis.texts.iter().map(|t| t.text.as_str()).collect();
            assert!(texts.iter().any(|t| t.contains(&format!("{read} 50ml"))), "{charset} {encoding}: {texts:?}");
            assert!(texts.iter().all(|t| !t.contains('\u{fffd}')), "{charset} {encoding}: {texts:?}");
        }
    }
}

/// `bytes` in base64, 76 characters a line.
fn base64_of(bytes: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] } else { b'=' });
        }
        if out.len() % 78 == 76 {
            out.extend_from_slice(b"\r\n");
        }
    }
    out.extend_from_slice(b"\r\n");
    out
}

#[test]
fn encoded_words_in_the_windows_code_pages_are_decoded_in_the_subject() {
    // Subjects as a Traditional Chinese, Japanese, Korean and Thai Outlook writes them
    // (限時優惠, 会議のお知らせ, 회의 안내, ประชุมประจำเดือน), each word in its code
    // page, then capitals in ASCII: the subject rules read the text, not U+FFFD.
    let cases = [
        ("=?cp950?Q?=AD=AD=AE=C9=C0u=B4f?= FREE GIFT NOW", "限時優惠 FREE GIFT NOW"),
        ("=?MS932?B?ie+LY4LMgqiSbYLngrk=?= URGENT NOTICE TODAY", "会議のお知らせ URGENT NOTICE TODAY"),
        ("=?cp949?B?yLjAxw==?=\r\n =?cp949?B?IL7Is7s=?= URGENT NOTICE TODAY", "회의 안내 URGENT NOTICE TODAY"),
        ("=?cp874?B?u8PQqtjBu8PQqNPgtNfNuQ==?= URGENT NOTICE TODAY", "ประชุมประจำเดือน URGENT NOTICE TODAY"),
    ];
    for (written, read) in cases {
        let raw = format!("From: a@example.com\r\nTo: b@example.org\r\nSubject: {written}\r\n\r\nHello.\r\n");
        let report = mail_preflight::lint(raw.as_bytes(), &Options::default()).unwrap();
        let evidence: Vec<&str> =
            report.findings.iter().filter(|f| f.rule_id == "spam/subject-caps").map(|f| f.evidence.as_str()).collect();
        assert_eq!(evidence, [read], "{written}");
    }
}
