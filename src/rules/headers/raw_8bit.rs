//! `headers/raw-8bit`: RFC 5322 §2.2 header fields are US-ASCII; non-ASCII text
//! goes in RFC 2047 encoded words. Raw UTF-8 is allowed only by RFC 6532, when
//! every server on the way supports SMTPUTF8 (RFC 6531): a warning. Raw bytes
//! that are not even UTF-8 (Latin-1, Windows-1252) show as garbage: an error.
//! File names in MIME parameters are left to `headers/attachment-filename`.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/raw-8bit";
    summary => {
        en: "A header field holds raw non-ASCII bytes instead of RFC 2047 encoded words.",
        fr: "Un champ d'en-tête contient des octets non ASCII bruts au lieu de mots encodés RFC 2047.",
        es: "Un campo de cabecera contiene bytes no ASCII en bruto en lugar de palabras codificadas RFC 2047.",
        pl: "Pole nagłówka zawiera surowe bajty spoza ASCII zamiast słów kodowanych RFC 2047.",
    },
    why => {
        en: "Headers are ASCII (RFC 5322 §2.2); accents travel as =?UTF-8?…?= encoded words (RFC 2047). Raw UTF-8 is only allowed when every server supports SMTPUTF8 (RFC 6531/6532); other raw bytes show as garbage, and filters count both against the message.",
        fr: "Les en-têtes sont en ASCII (RFC 5322 §2.2) ; les accents circulent sous forme de mots encodés =?UTF-8?…?= (RFC 2047). L'UTF-8 brut n'est permis que si tous les serveurs gèrent SMTPUTF8 (RFC 6531/6532) ; les autres octets bruts s'affichent en caractères illisibles, et les filtres pénalisent les deux.",
        es: "Las cabeceras son ASCII (RFC 5322 §2.2); los acentos se transmiten como palabras codificadas =?UTF-8?…?= (RFC 2047). El UTF-8 en bruto solo se permite si todos los servidores admiten SMTPUTF8 (RFC 6531/6532); otros bytes en bruto se ven como caracteres ilegibles, y los filtros penalizan ambos casos.",
        pl: "Nagłówki są w ASCII (RFC 5322 §2.2); znaki diakrytyczne przesyła się jako słowa kodowane =?UTF-8?…?= (RFC 2047). Surowe UTF-8 jest dozwolone tylko wtedy, gdy każdy serwer obsługuje SMTPUTF8 (RFC 6531/6532); inne surowe bajty wyświetlają się jako nieczytelne znaki, a filtry zaliczają oba przypadki na niekorzyść wiadomości.",
    },
    fix => {
        en: "Encode non-ASCII header text as RFC 2047 encoded words; in PHP use mb_encode_mimeheader() for the subject and names, mail libraries do it for you (RFC 2047 §2).",
        fr: "Encodez le texte non ASCII des en-têtes en mots encodés RFC 2047 ; en PHP utilisez mb_encode_mimeheader() pour le sujet et les noms, les bibliothèques d'envoi le font pour vous (RFC 2047 §2).",
        es: "Codifique el texto no ASCII de las cabeceras como palabras codificadas RFC 2047; en PHP use mb_encode_mimeheader() para el asunto y los nombres, las bibliotecas de correo lo hacen por usted (RFC 2047 §2).",
        pl: "Koduj tekst spoza ASCII w nagłówkach jako słowa kodowane RFC 2047; w PHP użyj mb_encode_mimeheader() dla tematu i nazw, biblioteki pocztowe robią to same (RFC 2047 §2).",
    },
    UTF8 "utf8" => {
        en: "{field} holds {count, plural, one {# raw UTF-8 byte: only servers with SMTPUTF8 (RFC 6532) accept it} other {# raw UTF-8 bytes: only servers with SMTPUTF8 (RFC 6532) accept them}}.",
        fr: "{field} contient {count, plural, one {# octet UTF-8 brut : seuls les serveurs gérant SMTPUTF8 (RFC 6532) l'acceptent} many {# d'octets UTF-8 bruts : seuls les serveurs gérant SMTPUTF8 (RFC 6532) les acceptent} other {# octets UTF-8 bruts : seuls les serveurs gérant SMTPUTF8 (RFC 6532) les acceptent}}.",
        es: "{field} contiene {count, plural, one {# byte UTF-8 en bruto: solo los servidores con SMTPUTF8 (RFC 6532) lo aceptan} many {# de bytes UTF-8 en bruto: solo los servidores con SMTPUTF8 (RFC 6532) los aceptan} other {# bytes UTF-8 en bruto: solo los servidores con SMTPUTF8 (RFC 6532) los aceptan}}.",
        pl: "{field} zawiera {count, plural, one {# surowy bajt UTF-8: akceptują go tylko serwery z SMTPUTF8 (RFC 6532)} few {# surowe bajty UTF-8: akceptują je tylko serwery z SMTPUTF8 (RFC 6532)} many {# surowych bajtów UTF-8: akceptują je tylko serwery z SMTPUTF8 (RFC 6532)} other {# surowego bajta UTF-8: akceptują go tylko serwery z SMTPUTF8 (RFC 6532)}}.",
    },
    IN_ADDRESS "in-address" => {
        en: "{field} has raw UTF-8 in the address itself ({address}), not only in a name: rspamd scores it 6 points (INVALID_FROM_8BIT, INVALID_RCPT_8BIT), and only servers with SMTPUTF8 (RFC 6531) deliver it.",
        fr: "{field} contient de l'UTF-8 brut dans l'adresse elle-même ({address}), pas seulement dans un nom : rspamd lui donne 6 points (INVALID_FROM_8BIT, INVALID_RCPT_8BIT), et seuls les serveurs gérant SMTPUTF8 (RFC 6531) la distribuent.",
        es: "{field} tiene UTF-8 en bruto en la propia dirección ({address}), no solo en un nombre: rspamd le da 6 puntos (INVALID_FROM_8BIT, INVALID_RCPT_8BIT) y solo los servidores con SMTPUTF8 (RFC 6531) la entregan.",
        pl: "{field} zawiera surowe UTF-8 w samym adresie ({address}), nie tylko w nazwie: rspamd daje za to 6 punktów (INVALID_FROM_8BIT, INVALID_RCPT_8BIT), a doręczają go tylko serwery z SMTPUTF8 (RFC 6531).",
    },
    NOT_UTF8 "not-utf8" => {
        en: "{field} holds {count, plural, one {# raw 8-bit byte that is not UTF-8} other {# raw 8-bit bytes that are not UTF-8}}: readers will show garbage.",
        fr: "{field} contient {count, plural, one {# octet 8 bits brut qui n'est pas de l'UTF-8} many {# d'octets 8 bits bruts qui ne sont pas de l'UTF-8} other {# octets 8 bits bruts qui ne sont pas de l'UTF-8}} : les lecteurs afficheront des caractères illisibles.",
        es: "{field} contiene {count, plural, one {# byte de 8 bits en bruto que no es UTF-8} many {# de bytes de 8 bits en bruto que no son UTF-8} other {# bytes de 8 bits en bruto que no son UTF-8}}: los lectores mostrarán caracteres ilegibles.",
        pl: "{field} zawiera {count, plural, one {# surowy bajt 8-bitowy, który nie jest UTF-8} few {# surowe bajty 8-bitowe, które nie są UTF-8} many {# surowych bajtów 8-bitowych, które nie są UTF-8} other {# surowego bajta 8-bitowego, który nie jest UTF-8}}: czytniki pokażą nieczytelne znaki.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("rspamd INVALID_FROM_8BIT (6 points) and INVALID_RCPT_8BIT; SpamAssassin FROM_ILLEGAL_CHARS (2.2) and SUBJ_ILLEGAL_CHARS (0.6); raw UTF-8 (RFC 6532) is accepted by Gmail and Outlook (info)"),
        Evidence::Receiver("bytes that are not UTF-8 stay a warning (Cyrus IMAP's FAQ, \"Why does Cyrus reject 8-bit characters in the headers of my messages?\": it replaces them with X, or with U+FFFD from 3.0), and add spam points only where a filter counts them: in an address (rspamd, above), or where SpamAssassin 4.0's check_illegal_chars fires (Plugin/HeaderEval.pm, called by 20_head_tests.cf: 2 illegal characters or more in the Subject, a lone ¢, £ or ® not counted, or in a fifth of the From; other fields are HEAD_ILLEGAL_CHARS, 0 points)"),
        Evidence::Receiver("raw UTF-8 inside the address of From, To, Cc or Bcc: a warning, rspamd INVALID_FROM_8BIT / INVALID_RCPT_8BIT (6 points each; the 8bit flag is set from the addr-spec, libmime/email_addr.c); in a display name it stays info"),
        Evidence::Rfc("RFC 5322 §2.2: header fields are US-ASCII; RFC 6532: raw UTF-8 only where every server supports SMTPUTF8 (RFC 6531)"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::RAW_8BIT,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A Latin-1 byte in the Subject",
                fr: "Un octet Latin-1 dans le Subject",
                es: "Un byte Latin-1 en el Subject",
                pl: "Bajt Latin-1 w polu Subject",
            },
            ExampleInput::Generated(latin1_subject),
        ),
        Example::fails(
            title! {
                en: "Raw UTF-8 in the Subject (RFC 6532 only: info)",
                fr: "De l'UTF-8 brut dans le Subject (RFC 6532 seulement : information)",
                es: "UTF-8 en bruto en el Subject (solo RFC 6532: información)",
                pl: "Surowe UTF-8 w polu Subject (tylko RFC 6532: informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Caf\u{e9} ouvert\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "Raw UTF-8 in the domain of the To address (rspamd INVALID_RCPT_8BIT)",
                fr: "De l'UTF-8 brut dans le domaine de l'adresse To (rspamd INVALID_RCPT_8BIT)",
                es: "UTF-8 en bruto en el dominio de la dirección To (rspamd INVALID_RCPT_8BIT)",
                pl: "Surowe UTF-8 w domenie adresu To (rspamd INVALID_RCPT_8BIT)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: inhaber@b\u{e4}ckerei.example\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Raw UTF-8 in the From display name only (info)",
                fr: "De l'UTF-8 brut dans le nom affiché du From seulement (information)",
                es: "UTF-8 en bruto solo en el nombre visible del From (información)",
                pl: "Surowe UTF-8 tylko w nazwie wyświetlanej From (informacja)",
            },
            ExampleInput::Raw("From: B\u{e4}ckerei <a@example.com>\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "An RFC 2047 encoded Subject",
                fr: "Un Subject encodé RFC 2047",
                es: "Un Subject codificado RFC 2047",
                pl: "Subject zakodowany według RFC 2047",
            },
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nSubject: =?UTF-8?Q?Caf=C3=A9_ouvert?=\n\nHello\n",
            ),
        ),
        Example::passes(
            title! { en: "ASCII only", fr: "Uniquement de l'ASCII", es: "Solo ASCII", pl: "Tylko ASCII" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Cafe open\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn latin1_subject() -> Vec<u8> {
    b"From: a@example.com\nTo: b@example.com\nSubject: Caf\xe9 ouvert\n\nHello\n".to_vec()
}

fn check(message: &Message, cx: &mut Context) {
    for (part, block) in super::header_blocks(message) {
        for field in &block.fields {
            let value = field.raw_value(message.raw);
            // Most fields are ASCII: `is_ascii` reads them a word at a time (#14).
            if value.is_ascii() {
                continue;
            }
            check_field(message, cx, part, field, value);
        }
    }
}

/// The findings of a field holding 8-bit bytes (`value`), in header block `part`.
/// Out of line, compiled only for a message that has one (#14 cold start: V8
/// compiles a wasm function whole at its first call; `check` went from 2,334 to
/// 392 bytes of body, `tests/bench/first-lint-compiles.mjs`).
#[inline(never)]
fn check_field(
    message: &Message,
    cx: &mut Context,
    part: usize,
    field: &crate::model::headers::HeaderField,
    value: &[u8],
) {
    let Some(first) = value.iter().position(|&b| b >= 0x80) else { return };
    // File names are `headers/attachment-filename`'s concern.
    let skipped: Vec<(usize, usize)> = match message.mime_value(part, field) {
        Some(parsed) => parsed
            .params
            .iter()
            .filter(|p| p.base_name() == "name" || p.base_name() == "filename")
            .map(|p| p.value_range)
            .collect(),
        None => Vec::new(),
    };
    let outside = |i: usize| !skipped.iter().any(|&(s, e)| s <= i && i < e);
    let eight_bit: Vec<usize> = (first..value.len()).filter(|&i| value[i] >= 0x80 && outside(i)).collect();
    let Some(&at) = eight_bit.first() else { return };
    let utf8 = std::str::from_utf8(value).is_ok();
    if utf8 && part == 0 {
        if let Some((start, end)) = eight_bit_address(message, field, value) {
            let address = String::from_utf8_lossy(&value[start..end]).into_owned();
            cx.emit(
                Draft::new(Msg::of(&IN_ADDRESS).text("field", field.name.clone()).text("address", address))
                    .evidence(super::field_text(message, field))
                    .at(super::part_value_location(part, field, start, end)),
            );
            return;
        }
    }
    let (id, severity) = if utf8 { (&UTF8, Severity::Info) } else { (&NOT_UTF8, Severity::Warning) };
    let end = eight_bit.last().map_or(at + 1, |&l| l + 1);
    let mut draft = Draft::new(Msg::of(id).text("field", field.name.clone()).int("count", eight_bit.len()))
        .evidence(super::field_text(message, field))
        .at(super::part_value_location(part, field, at, end))
        .severity(severity);
    // Bytes that are not UTF-8 stay the warning (the guides' RFC line; Cyrus IMAP
    // replaces 8-bit header bytes with X or refuses them), but they weigh as spam only
    // where the filters count them: in an address (rspamd INVALID_FROM_8BIT /
    // INVALID_RCPT_8BIT), or where SpamAssassin's illegal-characters test fires.
    let in_address = part == 0 && eight_bit_address(message, field, value).is_some();
    if !utf8 && !in_address && !(part == 0 && illegal_chars_counted(field, value)) {
        draft = draft.score(crate::rules::scores::RAW_8BIT_UNCOUNTED);
    }
    cx.emit(draft);
}

/// SpamAssassin 4.0's `check_illegal_chars` (Plugin/HeaderEval.pm), with the
/// arguments rules/20_head_tests.cf gives it: SUBJ_ILLEGAL_CHARS reads the Subject
/// (`'Subject','0.00','2'`, 0.6–1.5 points) and FROM_ILLEGAL_CHARS the From
/// (`'From','0.20','2'`, 2.2 points); the other fields are HEAD_ILLEGAL_CHARS, 0 points
/// (50_scores.cf). SUBJECT_NEEDS_ENCODING (up to 0.8) needs SUBJ_ILLEGAL_CHARS too.
/// Whether `field`'s raw `value` is one of those two, with at least
/// `MIN_ILLEGAL_CHARS` illegal bytes (C0 controls but TAB, LF and CR, DEL, and every
/// byte over 127) making at least its share of the value (`MIN_ILLEGAL_SHARE_FROM`
/// for From, none for the Subject), a lone ¢, £ or ® of a Subject not counted.
fn illegal_chars_counted(field: &crate::model::headers::HeaderField, value: &[u8]) -> bool {
    let min_share = if field.is("Subject") {
        0.0
    } else if field.is("From") {
        MIN_ILLEGAL_SHARE_FROM
    } else {
        return false;
    };
    let illegal_byte = |b: u8| matches!(b, 0x00..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f..=0xff);
    let mut illegal = value.iter().filter(|&&b| illegal_byte(b)).count();
    if field.is("Subject") && value.iter().filter(|b| SUBJECT_EXEMPT_BYTES.contains(b)).count() == 1 {
        illegal -= 1;
    }
    !value.is_empty() && illegal >= MIN_ILLEGAL_CHARS && illegal as f64 / value.len() as f64 >= min_share
}

/// SpamAssassin 4.0 `check_illegal_chars`' count, 2 in both calls (20_head_tests.cf).
const MIN_ILLEGAL_CHARS: usize = 2;
/// FROM_ILLEGAL_CHARS' ratio: the illegal bytes make a fifth of the From or more.
const MIN_ILLEGAL_SHARE_FROM: f64 = 0.20;
/// The Latin-1 cent, pound and registered signs: `check_illegal_chars` does not
/// count one of them alone in a Subject ("only exempt a single cent sign, pound
/// sign, or registered sign").
const SUBJECT_EXEMPT_BYTES: &[u8] = &[0xa2, 0xa3, 0xae];

/// The fields rspamd reads for INVALID_FROM_8BIT (the From) and INVALID_RCPT_8BIT
/// (the MIME recipients), 6 points each: rules/headers_checks.lua, the address's
/// `8bit` flag, set from the addr-spec alone (libmime/email_addr.c).
const EIGHT_BIT_ADDRESS_FIELDS: &[&str] = &["From", "To", "Cc", "Bcc"];

/// The first addr-spec of `field` holding a byte ≥ 0x80 (offsets in `value`).
fn eight_bit_address(message: &Message, field: &crate::model::headers::HeaderField, value: &[u8]) -> Option<(usize, usize)> {
    if !EIGHT_BIT_ADDRESS_FIELDS.iter().any(|name| field.is(name)) {
        return None;
    }
    message
        .addresses_of(field)?
        .mailboxes
        .iter()
        .map(|m| m.addr_spec)
        .find(|&(start, end)| value.get(start..end).is_some_and(|spec| spec.iter().any(|&b| b >= 0x80)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::scores::{RAW_8BIT, RAW_8BIT_UNCOUNTED};

    /// The raw-8bit findings of a message with these header lines: severity and points.
    fn findings(fields: &[u8]) -> Vec<(Severity, f64)> {
        let raw = [b"Message-ID: <1@example.com>\nDate: Mon, 2 Dec 2002 10:00:00 +0000\n".as_slice(), fields, b"\nHello.\n"].concat();
        let report = crate::lint(&raw, &crate::Options::default()).expect("lints");
        report.findings.into_iter().filter(|f| f.rule_id == ID).map(|f| (f.severity, f.score)).collect()
    }

    #[test]
    fn bytes_that_are_not_utf8_weigh_where_spamassassin_counts_them() {
        let to = b"To: b@example.com\n".as_slice();
        let warned = |points| vec![(Severity::Warning, points)];
        // One pound sign, one other Latin-1 letter, or both (a lone pound sign is not counted):
        // under check_illegal_chars' count of 2.
        for subject in [b"Subject: Houses rise \xa31,100 a week\n".as_slice(), b"Subject: Caf\xe9 ouvert\n", b"Subject: \xa3100 caf\xe9\n"] {
            assert_eq!(findings(&[b"From: a@example.com\n", to, subject].concat()), warned(RAW_8BIT_UNCOUNTED));
        }
        // Two letters: SUBJ_ILLEGAL_CHARS.
        assert_eq!(findings(&[b"From: a@example.com\n", to, b"Subject: Caf\xe9 \xe0 Paris\n"].concat()), warned(RAW_8BIT));
        // Two pound signs: the exemption is for one alone.
        assert_eq!(findings(&[b"From: a@example.com\n", to, b"Subject: \xa3100 or \xa3200\n"].concat()), warned(RAW_8BIT));
        // A From name with one letter, and with two in a long field: under a fifth of the From.
        for from in [b"From: \"Nils O. Sel\xe5sdal\" <noselasd@example.com>\n".as_slice(), b"From: \"J\xf6rg M\xfcller\" <joerg.mueller@example.com>\n"] {
            assert_eq!(findings(&[from, to, b"Subject: Hi\n"].concat()), warned(RAW_8BIT_UNCOUNTED));
        }
        // A From mostly of such bytes: FROM_ILLEGAL_CHARS.
        assert_eq!(findings(&[b"From: \xc4\xe3\xba\xc3\xb5\xc4 <a@example.com>\n".as_slice(), to, b"Subject: Hi\n"].concat()), warned(RAW_8BIT));
        // Another field: HEAD_ILLEGAL_CHARS scores 0.
        assert_eq!(
            findings(&[b"From: a@example.com\n".as_slice(), b"To: \"Sel\xe5sdal \xe6\xf8\" <b@example.com>\n", b"Subject: Hi\n"].concat()),
            warned(RAW_8BIT_UNCOUNTED)
        );
    }
}
