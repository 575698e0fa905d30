//! `headers/encoded-word`: RFC 2047 encoded words must be well formed: a
//! charset readers know, B or Q encoding with valid content, at most 75
//! characters (§2) and never inside a quoted string (§5 (3)). A broken one
//! shows as `=?…?=` garbage in the inbox; an over-long one or one inside
//! quotes is decoded by readers anyway, so it is information.

use crate::grammar::address::AddressProblem;
use crate::grammar::encoded_word::{check_encoded_words, contains_encoded_word, EncodedWordProblem};
use crate::grammar::lexer::{lex, TokenKind};
use crate::grammar::{Level, Problem};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/encoded-word";
    summary => {
        en: "An RFC 2047 encoded word (=?charset?B|Q?…?=) is broken, encodes plain ASCII, or declares a single-byte charset for UTF-8 text.",
        fr: "Un mot encodé RFC 2047 (=?charset?B|Q?…?=) est cassé, encode de l'ASCII simple, ou déclare un charset à un octet pour du texte UTF-8.",
        es: "Una palabra codificada RFC 2047 (=?charset?B|Q?…?=) está rota, codifica ASCII simple, o declara un charset de un byte para texto UTF-8.",
        pl: "Słowo kodowane RFC 2047 (=?charset?B|Q?…?=) jest uszkodzone, koduje zwykłe ASCII albo deklaruje jednobajtowy charset dla tekstu UTF-8.",
    },
    why => {
        en: "Readers decode only well-formed encoded words (RFC 2047): a broken one appears as =?…?= garbage in the subject or the sender's name, which looks like spam to people and to filters.",
        fr: "Les lecteurs ne décodent que les mots encodés bien formés (RFC 2047) : un mot cassé s'affiche comme =?…?= illisible dans le sujet ou le nom de l'expéditeur, ce qui ressemble à du spam pour les gens comme pour les filtres.",
        es: "Los lectores solo decodifican palabras codificadas bien formadas (RFC 2047): una rota aparece como =?…?= ilegible en el asunto o el nombre del remitente, lo que a personas y filtros les parece spam.",
        pl: "Czytniki dekodują tylko poprawne słowa kodowane (RFC 2047): uszkodzone wyświetla się jako nieczytelne =?…?= w temacie lub nazwie nadawcy, co w oczach ludzi i filtrów wygląda na spam.",
    },
    fix => {
        en: "Let your mail library encode header text (in PHP mb_encode_mimeheader()); never put encoded words inside quotes, keep each to at most 75 characters (RFC 2047 §2, §5).",
        fr: "Laissez votre bibliothèque d'envoi encoder le texte des en-têtes (en PHP mb_encode_mimeheader()) ; ne mettez jamais de mot encodé entre guillemets, et limitez chacun à 75 caractères au plus (RFC 2047 §2, §5).",
        es: "Deje que su biblioteca de correo codifique el texto de las cabeceras (en PHP mb_encode_mimeheader()); nunca ponga palabras codificadas entre comillas y limite cada una a 75 caracteres como máximo (RFC 2047 §2, §5).",
        pl: "Pozwól bibliotece pocztowej kodować tekst nagłówków (w PHP mb_encode_mimeheader()); nigdy nie umieszczaj słów kodowanych w cudzysłowie i pilnuj, by każde miało najwyżej 75 znaków (RFC 2047 §2, §5).",
    },
    UNNEEDED_B "unneeded-base64" => {
        en: "{field} is plain ASCII text written as base64 encoded words: nothing in it needs encoding, and rspamd adds points for that ({symbol}, 1.5).",
        fr: "{field} est du texte ASCII simple écrit en mots encodés base64 : rien n'y demande d'encodage, et rspamd ajoute des points pour cela ({symbol}, 1,5).",
        es: "{field} es texto ASCII simple escrito como palabras codificadas en base64: nada en él necesita codificarse, y rspamd suma puntos por ello ({symbol}, 1,5).",
        pl: "{field} to zwykły tekst ASCII zapisany jako słowa kodowane base64: nic w nim nie wymaga kodowania, a rspamd dolicza za to punkty ({symbol}, 1,5).",
    },
    UNNEEDED_Q "unneeded-q" => {
        en: "{field} is plain ASCII text written as Q encoded words: nothing in it needs encoding; rspamd adds 1.2 points ({symbol}), SpamAssassin nothing.",
        fr: "{field} est du texte ASCII simple écrit en mots encodés Q : rien n'y demande d'encodage ; rspamd ajoute 1,2 point ({symbol}), SpamAssassin rien.",
        es: "{field} es texto ASCII simple escrito como palabras codificadas Q: nada en él necesita codificarse; rspamd suma 1,2 puntos ({symbol}), SpamAssassin nada.",
        pl: "{field} to zwykły tekst ASCII zapisany jako słowa kodowane Q: nic w nim nie wymaga kodowania; rspamd dolicza 1,2 punktu ({symbol}), SpamAssassin nic.",
    },
    FIX_UNNEEDED "unneeded.fix" => {
        en: "Encode a header only when it holds characters outside ASCII: mail libraries and PHP's mb_encode_mimeheader() do so; do not wrap every subject in =?UTF-8?B?…?= by hand (RFC 2047 §1: encoded words are for non-ASCII text).",
        fr: "N'encodez un en-tête que s'il contient des caractères hors ASCII : les bibliothèques d'envoi et mb_encode_mimeheader() de PHP le font ; n'enveloppez pas chaque sujet dans =?UTF-8?B?…?= à la main (RFC 2047 §1 : les mots encodés servent au texte non ASCII).",
        es: "Codifique una cabecera solo si contiene caracteres fuera de ASCII: las bibliotecas de correo y mb_encode_mimeheader() de PHP lo hacen; no envuelva cada asunto en =?UTF-8?B?…?= a mano (RFC 2047 §1: las palabras codificadas son para texto no ASCII).",
        pl: "Koduj nagłówek tylko wtedy, gdy zawiera znaki spoza ASCII: tak robią biblioteki pocztowe i mb_encode_mimeheader() w PHP; nie otaczaj ręcznie każdego tematu =?UTF-8?B?…?= (RFC 2047 §1: słowa kodowane służą do tekstu spoza ASCII).",
    },
    MISDECLARED "misdeclared" => {
        en: "{field}: its encoded words declare charset {charset}, but their text is UTF-8: readers decode it as {charset} and show each accented letter as two or three wrong characters.",
        fr: "{field} : ses mots encodés déclarent le charset {charset}, mais leur texte est en UTF-8 : les lecteurs le décodent en {charset} et affichent chaque lettre accentuée comme deux ou trois caractères erronés.",
        es: "{field}: sus palabras codificadas declaran el charset {charset}, pero su texto está en UTF-8: los lectores lo decodifican como {charset} y muestran cada letra acentuada como dos o tres caracteres erróneos.",
        pl: "{field}: jego słowa kodowane deklarują charset {charset}, ale ich tekst jest w UTF-8: programy pocztowe odczytają go jako {charset} i pokażą każdą literę z diakrytykami jako dwa lub trzy błędne znaki.",
    },
    FIX_MISDECLARED "misdeclared.fix" => {
        en: "Encode the field in the charset its text is written in: =?UTF-8?Q?…?=. PHPMailer's CharSet is iso-8859-1 unless set: write $mail->CharSet = 'UTF-8';",
        fr: "Encodez le champ dans le jeu de caractères de son texte : =?UTF-8?Q?…?=. Le CharSet de PHPMailer vaut iso-8859-1 s'il n'est pas fixé : écrivez « $mail->CharSet = 'UTF-8'; ».",
        es: "Codifique el campo en el juego de caracteres de su texto: =?UTF-8?Q?…?=. El CharSet de PHPMailer es iso-8859-1 si no se fija: escriba $mail->CharSet = 'UTF-8';",
        pl: "Zakoduj pole w kodowaniu, w którym zapisano jego tekst: =?UTF-8?Q?…?=. CharSet w PHPMailerze ma wartość iso-8859-1, jeśli go nie ustawisz: wpisz $mail->CharSet = 'UTF-8';",
    },
    INVALID "invalid" => {
        en: "{field}: {problem} ({count} in this field).",
        fr: "{field} : {problem} ({count} dans ce champ).",
        es: "{field}: {problem} ({count} en este campo).",
        pl: "{field}: {problem} ({count} w tym polu).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("a broken encoded word is shown raw (=?…?=) by mail clients; rspamd scores bad MIME headers; an over-long encoded word (>75) is decoded by every reader (info)"),
        Evidence::Receiver("info: an encoded word in a charset readers do not know (grammar::charset::is_known_charset), as a text part's (headers/charset) and an RFC 2231 value's (headers/parameter-encoding): Thunderbird leaves it as written (jsmime decodeRFC2047Words: \"We don't recognize the charset, so give up\"), while SpamAssassin 4.0 (Message/Node.pm _normalize: UTF-8, then Windows-1252, then Encode::Detect) and rspamd 3.4 (mime_headers.c: kept when its bytes are UTF-8) read it by a guess, and neither scores it; RFC 2047 §6.2 lets a reader show such a word as written"),
        Evidence::Measured("an encoded word inside quotes is decoded by Python's email (with a defect noted), rspamd (mime_headers.c: \"non-RFC conformant but used\") and mail-parser, so it is information; in the SpamAssassin corpus it is in 5 ham headers and 1 spam"),
        Evidence::Ours("info for a word run into the text before it (§5 (1)) or inside an addr-spec (§5 (3)): no receiver scores them; lenient readers decode the first, every reader takes the second literally"),
        Evidence::Rfc("RFC 2047 §2 (at most 75 characters), §4 (B and Q encodings), §5 (3) (not inside a quoted string or an addr-spec), §5 (1) (white space around a word), §5 (each encoded word an integral number of characters: none split across words; checked for UTF-8 and US-ASCII)"),
        Evidence::Rfc("RFC 2047 §2: the charset of an encoded word names the charset its bytes are in, and readers decode them by it"),
        Evidence::Ours("encoded words declaring a single-byte charset (grammar::charset::single_byte) whose bytes, taken together, are UTF-8 with a non-ASCII character are UTF-8 mislabelled (info, as headers/charset.misdeclared for a body): such text almost never forms UTF-8 by chance (M. J. Dürst, 'The Properties and Promizes of UTF-8', 11th International Unicode Conference, 1997); PHPMailer 6 encodes a UTF-8 subject as =?iso-8859-1?Q?…?= unless its CharSet is set"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
        Evidence::Receiver("plain ASCII written as encoded words in Subject, From, To, Cc or Reply-To: rspamd 3.4 SUBJ_EXCESS_BASE64, FROM_EXCESS_BASE64, … 1.5 points, *_EXCESS_QP 1.2 (rules/regexp/headers.lua); SpamAssassin scores neither"),
        Evidence::Measured("information, B and Q alike: honest scripts write it by default (PHPMailer 6's default, Mailer 'mail', Q-encodes any ASCII subject over about 50 characters to fold it; Perl's Encode 'MIME-Header', the documented way with MIME::Lite, B-encodes every subject: 28 of 468 legitimate messages of a trust audit, 2026-12-06; PHP's '=?UTF-8?B?'.base64_encode($subject).'?=' idiom), and rspamd's 1.2–1.5 points alone change none of its actions; in the SpamAssassin public corpus (dev and held-out) plain ASCII in B words heads 8 spam headers and no ham, in Q words 18 ham and 5 spam"),
    ],
    score: crate::rules::scores::ENCODED_WORD_INVALID,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "Base64 with a missing pad",
                fr: "Du base64 auquel il manque un remplissage",
                es: "Base64 al que le falta un relleno",
                pl: "Base64 z brakującym dopełnieniem",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?UTF-8?B?Q2Fmw6k?=\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A UTF-8 character split across two encoded words (RFC 2047 §5)",
                fr: "Un caractère UTF-8 coupé entre deux mots encodés (RFC 2047 §5)",
                es: "Un carácter UTF-8 partido entre dos palabras codificadas (RFC 2047 §5)",
                pl: "Znak UTF-8 rozdzielony między dwa słowa kodowane (RFC 2047 §5)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?Q?G=C3?= =?utf-8?Q?=A2teau?=\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An encoded word inside the address (info: taken literally)",
                fr: "Un mot encodé dans l'adresse (information : pris tel quel)",
                es: "Una palabra codificada dentro de la dirección (información: se toma literalmente)",
                pl: "Słowo kodowane wewnątrz adresu (informacja: brane dosłownie)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: =?utf-8?Q?b?=@example.com\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "An encoded word run into \"Re:\" (info: lenient readers decode it)",
                fr: "Un mot encodé collé à « Re: » (information : les lecteurs tolérants le décodent)",
                es: "Una palabra codificada pegada a «Re:» (información: los lectores tolerantes la decodifican)",
                pl: "Słowo kodowane sklejone z „Re:” (informacja: tolerancyjne czytniki je dekodują)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Re:=?utf-8?Q?Caf=C3=A9?=\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A UTF-8 subject declared ISO-8859-1, as PHPMailer writes it when CharSet is not set (info)",
                fr: "Un sujet UTF-8 déclaré ISO-8859-1, comme PHPMailer l'écrit quand CharSet n'est pas fixé (information)",
                es: "Un asunto UTF-8 declarado ISO-8859-1, como lo escribe PHPMailer cuando no se fija CharSet (información)",
                pl: "Temat w UTF-8 zadeklarowany jako ISO-8859-1, tak jak zapisuje go PHPMailer bez ustawionego CharSet (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?iso-8859-1?Q?Zam=C3=B3wienie_wys=C5=82ane?=\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A plain ASCII subject wrapped in base64 by hand (information: rspamd SUBJ_EXCESS_BASE64)",
                fr: "Un sujet en ASCII simple enveloppé à la main dans du base64 (information : SUBJ_EXCESS_BASE64 de rspamd)",
                es: "Un asunto en ASCII simple envuelto a mano en base64 (información: SUBJ_EXCESS_BASE64 de rspamd)",
                pl: "Temat w zwykłym ASCII ręcznie owinięty w base64 (informacja: SUBJ_EXCESS_BASE64 w rspamd)",
            },
            ExampleInput::PhpMail { to: "b@example.com", subject: "=?UTF-8?B?TmV3IGNvbnRhY3QgcmVxdWVzdA==?=", message: "Hello", headers: "From: a@example.com" },
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A long ASCII subject folded as Q encoded words, as PHPMailer does (information)",
                fr: "Un long sujet ASCII replié en mots encodés Q, comme le fait PHPMailer (information)",
                es: "Un asunto ASCII largo plegado en palabras codificadas Q, como hace PHPMailer (información)",
                pl: "Długi temat ASCII zawinięty w słowa kodowane Q, jak robi to PHPMailer (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?us-ascii?Q?New_message_from_the_contact_form_of_the_exampl?=\n =?us-ascii?Q?e_shop_website_today?=\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "An unknown charset (information, as in a text part)",
                fr: "Un jeu de caractères inconnu (information, comme dans une partie texte)",
                es: "Un juego de caracteres desconocido (información, como en una parte de texto)",
                pl: "Nieznane kodowanie znaków (informacja, jak w części tekstowej)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?x-klingon?Q?Qapla?=\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "No closing ?=",
                fr: "Pas de ?= de fermeture",
                es: "Sin ?= de cierre",
                pl: "Brak zamykającego ?=",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?UTF-8?Q?Caf=C3=A9 open\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An encoded word inside quotes: information, readers decode it",
                fr: "Un mot encodé entre guillemets : une information, les lecteurs le décodent",
                es: "Una palabra codificada entre comillas: información, los lectores la decodifican",
                pl: "Słowo kodowane w cudzysłowie: informacja, czytniki je dekodują",
            },
            ExampleInput::Raw("From: \"=?UTF-8?Q?J=C3=B6rg?=\" <j@example.com>\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "Well-formed B and Q words, in a Subject and a display name",
                fr: "Des mots B et Q bien formés, dans un Subject et un nom affiché",
                es: "Palabras B y Q bien formadas, en un Subject y un nombre visible",
                pl: "Poprawne słowa B i Q w polu Subject i w nazwie wyświetlanej",
            },
            ExampleInput::Raw("From: =?UTF-8?Q?J=C3=B6rg?= <j@example.com>\nTo: b@example.com\nSubject: =?UTF-8?B?Q2Fmw6k=?= =?ISO-8859-1?Q?caf=E9?=\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A subject that only mentions =?",
                fr: "Un sujet qui ne fait que mentionner =?",
                es: "Un asunto que solo menciona =?",
                pl: "Temat, który tylko wspomina o =?",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: what =? means\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

/// The fields rspamd reads for encoding plain ASCII (rules/regexp/headers.lua),
/// with the prefix of its symbols.
const EXCESS_SYMBOLS: [(&str, &str); 5] =
    [("Subject", "SUBJ"), ("From", "FROM"), ("To", "TO"), ("Cc", "CC"), ("Reply-To", "REPLYTO")];
const EXCESS_FIELDS: [&str; 5] = ["Subject", "From", "To", "Cc", "Reply-To"];

/// Whether every encoded word of `value` stands for printable ASCII, as does the
/// text around them (so nothing needed encoding, RFC 2047 §1): `Some(true)` when
/// one of them is base64, `Some(false)` when all are Q, `None` otherwise (no
/// word, a broken one, a charset whose bytes are not ASCII, or text that needs it).
fn unneeded_encoding(value: &[u8]) -> Option<bool> {
    let printable = |b: &u8| (0x20..0x7f).contains(b) || *b == b'\t';
    let mut base64 = false;
    let mut any = false;
    let mut at = 0;
    for word in crate::grammar::encoded_word::words(value) {
        if !word.closed || !value.get(at..word.start)?.iter().all(|b| printable(b) || matches!(b, b'\r' | b'\n')) {
            return None;
        }
        // Read in its charset (UTF-7's `+APw-` is ASCII bytes for ü), as rspamd reads the decoded header.
        let charset = std::str::from_utf8(value.get(word.charset.clone())?).ok()?;
        let text = crate::grammar::charset::decode_in(charset, &word.decoded(value)?)?;
        if !text.bytes().all(|b| printable(&b)) {
            return None;
        }
        base64 |= matches!(word.encoding, b'B' | b'b');
        any = true;
        at = word.end;
    }
    let rest_plain = value.get(at..)?.iter().all(|b| printable(b) || matches!(b, b'\r' | b'\n'));
    (any && rest_plain).then_some(base64)
}

fn is_unstructured(name: &str) -> bool {
    ["Subject", "Comments", "Content-Description", "Keywords", "Thread-Topic"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
        || name.len() > 2 && name.as_bytes()[..2].eq_ignore_ascii_case(b"X-")
}

fn check(message: &Message, cx: &mut Context) {
    if message.encoded_word_fields().is_empty() {
        return;
    }
    check_fields(message, cx);
}

/// The findings of a message some of whose fields hold `=?`.
/// Out of line, compiled only for a message that has one (#14 cold start: V8
/// compiles a wasm function whole at its first call; `check` went from 4,157 to
/// 21 bytes of body, `tests/bench/first-lint-compiles.mjs`).
#[inline(never)]
fn check_fields(message: &Message, cx: &mut Context) {
    // The fields that hold `=?`, as the analysis found them (`model::charsets`), in
    // the header blocks `header_blocks` gives: the message's, and those of the
    // parts that lie in the input as is.
    for record in message.encoded_word_fields() {
        let part = record.part;
        let Some(block) = message.parts.get(part).filter(|p| part == 0 || super::has_raw_offsets(p)) else { continue };
        let Some(field) = block.headers.fields.get(record.field) else { continue };
        let value = field.raw_value(message.raw);
        let problems: Vec<Problem<EncodedWordProblem>> = if is_unstructured(&field.name) {
            check_encoded_words(value)
        } else if super::ADDRESS_FIELDS.iter().any(|n| field.is(n)) {
            let mut found = Vec::new();
            for token in lex(value).tokens {
                let text = &value[token.start..token.end];
                match token.kind {
                    TokenKind::Atom => found.extend(
                        check_encoded_words(text)
                            .into_iter()
                            .map(|p| Problem::new(p.kind, p.start + token.start, p.end + token.start)),
                    ),
                    TokenKind::QuotedString => {
                        if let Some(at) = contains_encoded_word(text) {
                            found.push(Problem::new(
                                EncodedWordProblem::InQuotedString,
                                token.start + at,
                                token.end,
                            ));
                        }
                    }
                    _ => {}
                }
            }
            // §5 (3): an addr-spec is never decoded; an encoded word there is
            // one, not the atom check's concern. An address written inside
            // encoded words (the whole field encoded) is headers/address-syntax's
            // one finding: the pieces of its words are not said again here.
            let list = if part == 0 { message.addresses_of(field) } else { None };
            let specs: Vec<(usize, usize)> =
                list.map(|list| list.mailboxes.iter().map(|m| m.addr_spec).collect()).unwrap_or_default();
            let encoded: Vec<(usize, usize)> = list
                .iter()
                .flat_map(|list| &list.problems)
                .filter(|p| p.kind == AddressProblem::EncodedAddress)
                .map(|p| (p.start, p.end))
                .collect();
            let within = |ranges: &[(usize, usize)], at: usize| ranges.iter().any(|&(s, e)| s <= at && at < e);
            found.retain(|p| !within(&specs, p.start) && !within(&encoded, p.start));
            for (s, e) in specs.into_iter().filter(|&(s, e)| !encoded.iter().any(|&(es, ee)| s < ee && e > es)) {
                if let Some(at) = value.get(s..e).and_then(contains_encoded_word) {
                    found.push(Problem::new(EncodedWordProblem::InAddrSpec, s + at, e));
                }
            }
            found
        } else {
            continue;
        };
        // Found while analysing: the words declaring a single-byte charset carry UTF-8.
        if let Some(misdeclared) = &record.misdeclared {
            let charset = String::from_utf8_lossy(value.get(misdeclared.charset.clone()).unwrap_or_default());
            let (start, end) = (misdeclared.word.start, misdeclared.word.end);
            cx.emit(
                Draft::new(Msg::of(&MISDECLARED).text("field", field.name.clone()).text("charset", charset.into_owned()))
                    .evidence(super::field_text(message, field))
                    .at(super::value_location(field, start, end))
                    .severity(Severity::Info)
                    .score(0.0)
                    .fix(Msg::of(&FIX_MISDECLARED)),
            );
        }
        if part == 0 && problems.is_empty() && EXCESS_FIELDS.iter().any(|n| field.is(n)) {
            if let Some(base64) = unneeded_encoding(value) {
                // Information both: rspamd's 1.2–1.5 points alone change none of its
                // actions, and the idioms that write it are everywhere in honest scripts.
                let (text, symbol) = if base64 { (&UNNEEDED_B, "_EXCESS_BASE64") } else { (&UNNEEDED_Q, "_EXCESS_QP") };
                let (severity, points) = (Severity::Info, 0.0);
                let prefix = EXCESS_SYMBOLS.iter().find(|(n, _)| field.is(n)).map_or("", |(_, p)| p);
                cx.emit(
                    Draft::new(Msg::of(text).text("field", field.name.clone()).text("symbol", format!("{prefix}{symbol}")))
                        .evidence(super::field_text(message, field))
                        .at(super::value_location(field, 0, value.len()))
                        .severity(severity)
                        .score(points)
                        .fix(Msg::of(&FIX_UNNEEDED)),
                );
            }
        }
        super::emit_grouped(cx, message, part, field, &problems, |kind, count| {
            let problem = super::grammar_texts::encoded_word_problem(kind);
            let draft = Draft::new(
                Msg::of(&INVALID).text("field", field.name.clone()).label("problem", problem).int("count", count),
            );
            // An unknown charset is information, as for a text part (headers/charset.unknown)
            // and an RFC 2231 value (headers/parameter-encoding): no filter scores it.
            let info = kind.level() == Level::Obsolete || kind == EncodedWordProblem::UnknownCharset;
            Some(if info { draft.severity(Severity::Info) } else { draft })
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_in_encoded_words_is_unneeded() {
        assert_eq!(unneeded_encoding(b" =?UTF-8?B?SGVsbG8gd29ybGQ=?="), Some(true));
        assert_eq!(unneeded_encoding(b" =?us-ascii?Q?New_message_from?=\r\n =?us-ascii?Q?_the_form?="), Some(false));
        assert_eq!(unneeded_encoding(b" Re: =?utf-8?q?Hello?= =?utf-8?b?d29ybGQ=?="), Some(true));
        assert_eq!(unneeded_encoding(b" =?utf-8?Q?Caf=C3=A9?="), None, "needed");
        assert_eq!(unneeded_encoding(b" =?utf-8?Q?Tab=09?="), Some(false));
        assert_eq!(unneeded_encoding(b" =?utf-8?Q?Bell=07?="), None, "a control character needs it");
        assert_eq!(unneeded_encoding(b" =?utf-16?B?AEgAaQ==?="), None, "not ASCII bytes");
        assert_eq!(unneeded_encoding(b" =?utf-7?B?SitBUHctcmdlbg==?="), None, "J+APw-rgen is J\u{fc}rgen");
        assert_eq!(unneeded_encoding(b" =?x-unknown?B?SGk=?="), None, "a charset nobody reads");
        assert_eq!(unneeded_encoding(b" =?iso-8859-2?Q?Hello?="), Some(false));
        assert_eq!(unneeded_encoding(b" =?utf-8?B?SGVsbG8?"), None, "unclosed");
        assert_eq!(unneeded_encoding(b" Hello"), None);
        assert_eq!(unneeded_encoding(b" \xc3\xa9 =?utf-8?B?SGk=?="), None, "raw 8-bit beside it");
    }

    fn finding(header: &str) -> Option<(String, Severity, f64)> {
        let raw = format!("From: a@example.com\nTo: b@example.com\n{header}\nMessage-ID: <1@example.com>\nDate: Mon, 2 Mar 2026 10:00:00 +0100\n\nHello\n");
        let report = crate::lint(raw.as_bytes(), &crate::Options::default()).expect("lints");
        report.findings.into_iter().find(|f| f.rule_id == ID).map(|f| (f.message_id, f.severity, f.score))
    }

    #[test]
    fn base64_and_q_are_information() {
        let b = finding("Subject: =?UTF-8?B?WW91ciBvcmRlciAxMjM0?=").expect("a finding");
        assert_eq!(b, ("headers/encoded-word.unneeded-base64".to_string(), Severity::Info, 0.0));
        let q = finding("Subject: =?us-ascii?Q?New_message_from_the_contact_form_of_the_exampl?=\n =?us-ascii?Q?e_shop_website_today?=").expect("a finding");
        assert_eq!(q, ("headers/encoded-word.unneeded-q".to_string(), Severity::Info, 0.0));
        assert_eq!(finding("Reply-To: =?utf-8?B?Sm9obg==?= <j@example.com>").map(|f| f.1), Some(Severity::Info));
        assert_eq!(finding("Subject: =?UTF-8?B?Q2Fmw6k=?="), None);
        assert_eq!(finding("X-Note: =?UTF-8?B?SGVsbG8=?="), None, "a field rspamd does not read");
        assert_eq!(finding("Subject: Hello"), None);
    }

    #[test]
    fn utf8_in_encoded_words_of_a_single_byte_charset_is_misdeclared() {
        // The words are judged while analysing (`model::charsets::misdeclared`, its tests).
        let subject = finding("Subject: =?iso-8859-1?Q?Zam=C3=B3wienie_wys=C5=82ane?=").expect("a finding");
        assert_eq!(subject, ("headers/encoded-word.misdeclared".to_string(), Severity::Info, 0.0));
        let name = finding("Reply-To: =?iso-8859-1?Q?Ma=C5=82gorzata?= <a@example.com>").expect("a finding");
        assert_eq!(name.0, "headers/encoded-word.misdeclared");
    }
}
