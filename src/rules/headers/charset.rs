//! `headers/charset`: RFC 2046 §4.1.2: a text part without a charset
//! parameter is US-ASCII. Non-ASCII text without a declared charset is shown
//! with whatever the reader guesses: accented letters turn into garbage.
//! RFC 6657 §3 leaves the default to each text subtype's registration: a vCard
//! (RFC 6350 §3.1) or an iCalendar stream (RFC 5545 §3.1.4) without a charset
//! is UTF-8, so only bytes that are not UTF-8 are a defect there. The
//! registrations and their sources are one table, `grammar::charset::TEXT_CHARSETS`.
//! A part that declares a single-byte charset (ISO-8859-1, windows-1250, …) while
//! its bytes are UTF-8 is decoded by the declared one: every accented letter shows
//! as two or three wrong ones (PHPMailer's default `CharSet` is iso-8859-1).
//! A part that declares a charset readers do not know (`cp950`, `hz-gb-2312`,
//! `x-unknown`: `grammar::charset::is_known_charset`, the test encoded words and
//! RFC 2231 values take too) is read by a guess, or shown as written.

use crate::grammar::charset::{text_charset, xml_declares_encoding, TextCharset};
use crate::i18n::Msg;
use crate::model::charsets::TextBytes;
use crate::model::{Message, Part};
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/charset";
    summary => {
        en: "A text part has non-ASCII characters but no charset parameter, UTF-8 text under a single-byte charset, or a charset readers do not know.",
        fr: "Une partie texte contient des caractères non ASCII mais pas de paramètre charset, du texte UTF-8 sous un charset à un octet, ou un charset que les lecteurs ne connaissent pas.",
        es: "Una parte de texto tiene caracteres no ASCII pero no tiene parámetro charset, texto UTF-8 bajo un charset de un byte, o un charset que los lectores no conocen.",
        pl: "Część tekstowa zawiera znaki spoza ASCII, ale nie ma parametru charset, tekst UTF-8 pod jednobajtowym charset albo charset nieznany programom pocztowym.",
    },
    why => {
        en: "RFC 2046 §4.1.2: a text part without charset is US-ASCII. Readers must guess the real one, and accented letters turn into garbage for many recipients.",
        fr: "RFC 2046 §4.1.2 : une partie texte sans charset est en US-ASCII. Les lecteurs doivent deviner le vrai jeu de caractères, et les lettres accentuées deviennent illisibles chez beaucoup de destinataires.",
        es: "RFC 2046 §4.1.2: una parte de texto sin charset es US-ASCII. Los lectores deben adivinar el real, y las letras acentuadas se vuelven ilegibles para muchos destinatarios.",
        pl: "RFC 2046 §4.1.2: część tekstowa bez charset to US-ASCII. Czytniki muszą zgadywać faktyczne kodowanie, a litery z diakrytykami stają się u wielu odbiorców nieczytelne.",
    },
    fix => {
        en: "Declare the charset: Content-Type: text/html; charset=UTF-8 (RFC 2046 §4.1.2).",
        fr: "Déclarez le jeu de caractères : Content-Type: text/html; charset=UTF-8 (RFC 2046 §4.1.2).",
        es: "Declare el juego de caracteres: Content-Type: text/html; charset=UTF-8 (RFC 2046 §4.1.2).",
        pl: "Zadeklaruj kodowanie znaków: Content-Type: text/html; charset=UTF-8 (RFC 2046 §4.1.2).",
    },
    MISSING "missing" => {
        en: "This {type} part has {count, plural, one {# non-ASCII byte} other {# non-ASCII bytes}} and no charset.",
        fr: "Cette partie {type} contient {count, plural, one {# octet non ASCII} many {# d'octets non ASCII} other {# octets non ASCII}} et pas de charset.",
        es: "Esta parte {type} tiene {count, plural, one {# byte no ASCII} many {# de bytes no ASCII} other {# bytes no ASCII}} y no tiene charset.",
        pl: "Ta część {type} zawiera {count, plural, one {# bajt spoza ASCII} few {# bajty spoza ASCII} many {# bajtów spoza ASCII} other {# bajta spoza ASCII}} i nie ma charset.",
    },
    NOT_UTF8 "not-utf8" => {
        en: "This {type} part has no charset, so it is read as UTF-8, the charset its media type's registration sets; but it holds bytes that are not UTF-8, which readers show as garbage.",
        fr: "Cette partie {type} n'a pas de charset : elle est donc lue en UTF-8, le jeu de caractères que fixe l'enregistrement de son type de média ; mais elle contient des octets qui ne sont pas de l'UTF-8, et les lecteurs les affichent comme des caractères illisibles.",
        es: "Esta parte {type} no tiene charset, así que se lee como UTF-8, el juego de caracteres que fija el registro de su tipo de medio; pero contiene bytes que no son UTF-8, y los lectores los muestran como caracteres ilegibles.",
        pl: "Ta część {type} nie ma charset, więc jest czytana jako UTF-8, kodowanie ustalone w rejestracji jej typu mediów; zawiera jednak bajty, które nie są UTF-8, i programy pocztowe pokażą je jako nieczytelne znaki.",
    },
    MISDECLARED "misdeclared" => {
        en: "This {type} part declares charset {charset}, but its text is UTF-8: readers decode it as {charset} and show each accented letter as two or three wrong characters.",
        fr: "Cette partie {type} déclare le charset {charset}, mais son texte est en UTF-8 : les lecteurs le décodent en {charset} et affichent chaque lettre accentuée comme deux ou trois caractères erronés.",
        es: "Esta parte {type} declara el charset {charset}, pero su texto está en UTF-8: los lectores lo decodifican como {charset} y muestran cada letra acentuada como dos o tres caracteres erróneos.",
        pl: "Ta część {type} deklaruje charset {charset}, ale jej tekst jest w UTF-8: programy pocztowe odczytają go jako {charset} i pokażą każdą literę z diakrytykami jako dwa lub trzy błędne znaki.",
    },
    FIX_MISDECLARED "fix-misdeclared" => {
        en: "Declare the charset the text is written in: Content-Type: text/plain; charset=UTF-8. PHPMailer's CharSet is iso-8859-1 unless set: write $mail->CharSet = 'UTF-8';",
        fr: "Déclarez le jeu de caractères dans lequel le texte est écrit : Content-Type: text/plain; charset=UTF-8. Le CharSet de PHPMailer vaut iso-8859-1 s'il n'est pas fixé : écrivez « $mail->CharSet = 'UTF-8'; ».",
        es: "Declare el juego de caracteres en que está escrito el texto: Content-Type: text/plain; charset=UTF-8. El CharSet de PHPMailer es iso-8859-1 si no se fija: escriba $mail->CharSet = 'UTF-8';",
        pl: "Zadeklaruj kodowanie, w którym zapisano tekst: Content-Type: text/plain; charset=UTF-8. CharSet w PHPMailerze ma wartość iso-8859-1, jeśli go nie ustawisz: wpisz $mail->CharSet = 'UTF-8';",
    },
    UNKNOWN "unknown" => {
        en: "This {type} part declares charset {charset}, which many readers cannot decode: they guess, or show its non-ASCII text as garbage.",
        fr: "Cette partie {type} déclare le charset {charset}, que beaucoup de lecteurs ne savent pas décoder : ils devinent, ou affichent son texte non ASCII comme des caractères illisibles.",
        es: "Esta parte {type} declara el charset {charset}, que muchos lectores no saben decodificar: adivinan, o muestran su texto no ASCII como caracteres ilegibles.",
        pl: "Ta część {type} deklaruje charset {charset}, którego wiele programów pocztowych nie potrafi odczytać: zgadują kodowanie albo pokazują tekst spoza ASCII jako nieczytelne znaki.",
    },
    FIX_UNKNOWN "fix-unknown" => {
        en: "Write the text in UTF-8 and declare it: Content-Type: text/plain; charset=UTF-8. Every reader decodes UTF-8.",
        fr: "Écrivez le texte en UTF-8 et déclarez-le : Content-Type: text/plain; charset=UTF-8. Tous les lecteurs décodent l'UTF-8.",
        es: "Escriba el texto en UTF-8 y declárelo: Content-Type: text/plain; charset=UTF-8. Todos los lectores decodifican UTF-8.",
        pl: "Zapisz tekst w UTF-8 i zadeklaruj to: Content-Type: text/plain; charset=UTF-8. Każdy program pocztowy odczytuje UTF-8.",
    },
    FIX_NOT_UTF8 "fix-not-utf8" => {
        en: "Save the file as UTF-8 before attaching it: a vCard is always UTF-8 (RFC 6350 §3.1), an iCalendar file is UTF-8 unless its charset is declared (RFC 5545 §3.1.4).",
        fr: "Enregistrez le fichier en UTF-8 avant de le joindre : une vCard est toujours en UTF-8 (RFC 6350 §3.1), un fichier iCalendar est en UTF-8 sauf si son charset est déclaré (RFC 5545 §3.1.4).",
        es: "Guarde el archivo en UTF-8 antes de adjuntarlo: una vCard siempre está en UTF-8 (RFC 6350 §3.1) y un archivo iCalendar está en UTF-8 salvo que se declare su charset (RFC 5545 §3.1.4).",
        pl: "Zapisz plik w UTF-8 przed dołączeniem: vCard jest zawsze w UTF-8 (RFC 6350 §3.1), a plik iCalendar jest w UTF-8, chyba że zadeklarowano jego charset (RFC 5545 §3.1.4).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Info,
    evidence: &[
        Evidence::Receiver("rspamd R_MISSING_CHARSET scores it 0.5: readers guess the charset, at worst some letters show wrong (info)"),
        Evidence::Rfc("RFC 2046 §4.1.2: a text part without a charset parameter is US-ASCII"),
        Evidence::Rfc("RFC 6657 §3: the default charset of a text subtype is set by its registration: UTF-8 for text/vcard (RFC 6350 §3.1), text/calendar (RFC 5545 §3.1.4) and text/javascript (RFC 9239 §4.2), the document's declaration for text/xml (RFC 7303 §3); text/markdown requires the parameter (RFC 7763 §2); text/csv keeps US-ASCII (RFC 4180 §3): valid UTF-8 in the first group is not reported, bytes that are not UTF-8 are (grammar::charset::TEXT_CHARSETS)"),
        Evidence::Rfc("RFC 2046 §4.1.2: the charset parameter names the charset of the text, and readers decode by it"),
        Evidence::Receiver("unknown: a text part whose charset readers do not know (grammar::charset::is_known_charset: neither a common IANA name nor a label mail-parser decodes, or one of the WHATWG Encoding Standard's replacement labels hz-gb-2312, iso-2022-kr, iso-2022-cn), with text that needs it (a byte past ASCII, or the escapes of the 7-bit encodings: grammar::charset::needs_its_charset): information, as an encoded word's (headers/encoded-word) and an RFC 2231 value's (headers/parameter-encoding): SpamAssassin 4.0 (Message/Node.pm _normalize: UTF-8, then Windows-1252, then Encode::Detect) and rspamd 3.4 (mime_encoding.c: the charset detected from the content) read it by a guess and score nothing; Thunderbird converts each line by the declared charset and, without a converter for it, passes the line as written (mimetext.cpp); RFC 2049 §2 (6) asks a reader to recognise other charsets only 'to the extent of being able to inform the user about what character set the message uses'"),
        Evidence::Ours("a part declaring a single-byte charset (ISO-8859-*, windows-125x, KOI8, IBM/DOS code pages, Mac Roman, TIS-620) whose non-ASCII bytes are all well-formed UTF-8 is taken as UTF-8 (info): in real text of those charsets a letter such as é or ó is followed by an ASCII byte, which UTF-8 never allows after a lead byte, so such text almost never forms UTF-8 (M. J. Dürst, 'The Properties and Promizes of UTF-8', 11th International Unicode Conference, San Jose, 1997, 'Heuristic detection of UTF-8'); PHPMailer 6's CharSet default is 'iso-8859-1'"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "UTF-8 text/plain without charset",
                fr: "Du text/plain UTF-8 sans charset",
                es: "text/plain en UTF-8 sin charset",
                pl: "text/plain w UTF-8 bez charset",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\nCaf\u{e9} ouvert\n"),
        ),
        Example::fails(
            title! {
                en: "A PHP HTML mail with accents and no Content-Type charset",
                fr: "Un e-mail HTML envoyé par PHP avec des accents et sans charset dans Content-Type",
                es: "Un correo HTML enviado con PHP con acentos y sin charset en Content-Type",
                pl: "Wiadomość HTML z PHP ze znakami diakrytycznymi i bez charset w Content-Type",
            },
            ExampleInput::PhpMail { to: "b@example.com", subject: "Hi", message: "<p>R\u{e9}servation confirm\u{e9}e</p>", headers: "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/html" },
        ),
        Example::fails(
            title! {
                en: "An iCalendar attachment without charset in Latin-1, not the UTF-8 its registration sets",
                fr: "Une pièce jointe iCalendar sans charset en Latin-1, et non dans l'UTF-8 que fixe son enregistrement",
                es: "Un adjunto iCalendar sin charset en Latin-1, no en el UTF-8 que fija su registro",
                pl: "Załącznik iCalendar bez charset w Latin-1 zamiast UTF-8 ustalonego w jego rejestracji",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=X\n\n--X\nContent-Type: text/plain; charset=utf-8\n\nSee you there.\n--X\nContent-Type: text/calendar; name=invite.ics\nContent-Transfer-Encoding: base64\n\nU1VNTUFSWTpDYWbpCg==\n--X--\n"),
        ),
        Example::passes(
            title! {
                en: "A vCard and an iCalendar file in UTF-8 without charset: their registrations make them UTF-8",
                fr: "Une vCard et un fichier iCalendar en UTF-8 sans charset : leurs enregistrements les mettent en UTF-8",
                es: "Una vCard y un archivo iCalendar en UTF-8 sin charset: sus registros los hacen UTF-8",
                pl: "vCard i plik iCalendar w UTF-8 bez charset: ich rejestracje ustalają UTF-8",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=X\n\n--X\nContent-Type: text/plain; charset=utf-8\n\nSee you there.\n--X\nContent-Type: text/vcard; name=card.vcf\nContent-Transfer-Encoding: 8bit\n\nBEGIN:VCARD\nVERSION:4.0\nFN:Zo\u{eb} Wi\u{15b}niewska\nEND:VCARD\n--X\nContent-Type: text/calendar; method=REQUEST\nContent-Transfer-Encoding: quoted-printable\n\nSUMMARY:Przegl=C4=85d\n--X--\n"),
        ),
        Example::fails(
            title! {
                en: "UTF-8 text declared ISO-8859-1, as PHPMailer sends it when CharSet is not set",
                fr: "Du texte UTF-8 déclaré ISO-8859-1, comme PHPMailer l'envoie quand CharSet n'est pas fixé",
                es: "Texto UTF-8 declarado ISO-8859-1, como lo envía PHPMailer cuando no se fija CharSet",
                pl: "Tekst UTF-8 zadeklarowany jako ISO-8859-1, tak jak wysyła go PHPMailer bez ustawionego CharSet",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nZam=C3=B3wienie wys=C5=82ane\n"),
        ),
        Example::fails(
            title! {
                en: "Big5 text declared cp950, a name readers built on the WHATWG encodings do not know",
                fr: "Du texte Big5 déclaré cp950, un nom que les lecteurs fondés sur les encodages WHATWG ne connaissent pas",
                es: "Texto Big5 declarado cp950, un nombre que los lectores basados en las codificaciones WHATWG no conocen",
                pl: "Tekst Big5 zadeklarowany jako cp950, nazwa nieznana programom opartym na kodowaniach WHATWG",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=cp950\nContent-Transfer-Encoding: base64\n\npXiqWaVfpc6kpA==\n"),
        ),
        Example::fails(
            title! {
                en: "HZ text: 7-bit, but no browser-based reader decodes hz-gb-2312",
                fr: "Du texte HZ : en 7 bits, mais aucun lecteur fondé sur un navigateur ne décode hz-gb-2312",
                es: "Texto HZ: de 7 bits, pero ningún lector basado en un navegador decodifica hz-gb-2312",
                pl: "Tekst HZ: 7-bitowy, ale żaden program oparty na przeglądarce nie odczytuje hz-gb-2312",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=hz-gb-2312\n\n~{<:Ky2;S{#,NpJ)l6HK!#~}\n"),
        ),
        Example::passes(
            title! {
                en: "ASCII text under an unknown charset name: it reads the same whatever the reader picks",
                fr: "Du texte ASCII sous un nom de charset inconnu : il se lit de même quel que soit le choix du lecteur",
                es: "Texto ASCII bajo un nombre de charset desconocido: se lee igual elija lo que elija el lector",
                pl: "Tekst ASCII pod nieznaną nazwą charset: czyta się tak samo, cokolwiek wybierze program pocztowy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=x-unknown\n\nCafe open\n"),
        ),
        Example::passes(
            title! {
                en: "Latin-1 text declared ISO-8859-1",
                fr: "Du texte Latin-1 déclaré ISO-8859-1",
                es: "Texto Latin-1 declarado ISO-8859-1",
                pl: "Tekst Latin-1 zadeklarowany jako ISO-8859-1",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9 ouvert, =E0 bient=F4t\n"),
        ),
        Example::passes(
            title! {
                en: "UTF-8 text with charset",
                fr: "Du texte UTF-8 avec charset",
                es: "Texto UTF-8 con charset",
                pl: "Tekst UTF-8 z charset",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nCaf\u{e9} ouvert\n"),
        ),
        Example::passes(
            title! {
                en: "ASCII text without charset",
                fr: "Un texte ASCII sans charset",
                es: "Texto ASCII sin charset",
                pl: "Tekst ASCII bez charset",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nCafe open\n"),
        ),
    ],
    check: Check::Message(check),
};

/// What a text part without charset holds that readers cannot show: non-ASCII
/// bytes where the registration leaves US-ASCII, bytes that are not UTF-8 where
/// it sets UTF-8.
enum Unreadable {
    NonAscii(usize),
    NotUtf8,
}

fn unreadable(part: &Part) -> Option<Unreadable> {
    let decoded = part.decoded();
    // `is_ascii` reads a word at a time: most parts are ASCII.
    if decoded.is_ascii() {
        return None;
    }
    let utf8 = match text_charset(&part.content_type).0 {
        TextCharset::UsAscii | TextCharset::Required => false,
        TextCharset::Utf8 => true,
        TextCharset::Declared => {
            if xml_declares_encoding(decoded) {
                return None;
            }
            true
        }
    };
    if !utf8 {
        return Some(Unreadable::NonAscii(decoded.iter().filter(|&&b| b >= 0x80).count()));
    }
    // mail-parser reads a text part without charset as UTF-8 and turns each
    // sequence that is not UTF-8 into U+FFFD, as readers show it.
    part.text().is_some_and(|text| text.contains('\u{fffd}')).then_some(Unreadable::NotUtf8)
}

/// The charset a text part declares when readers do not know it and its text,
/// as sent, needs it (`TextBytes::needs_its_charset`: plain ASCII reads the same
/// in any). Both were read while analysing (`model::charsets::sent_bytes`).
fn unknown<'p>(part: &'p Part) -> Option<&'p str> {
    part.sent_bytes.filter(|sent| !sent.known_charset && sent.bytes.needs_its_charset())?;
    part.charset.as_deref()
}

/// A text part that declares a single-byte charset but whose bytes are UTF-8
/// with at least one non-ASCII character: the charset it names. A known charset
/// has its bytes read while analysing only when it is a single-byte one over
/// text past ASCII (`model::charsets::sent_bytes`).
fn misdeclared<'p>(part: &'p Part) -> Option<&'p str> {
    part.sent_bytes.filter(|sent| sent.known_charset && sent.bytes == TextBytes::Utf8)?;
    part.charset.as_deref()
}

fn check(message: &Message, cx: &mut Context) {
    for part in message.parts.iter().filter(|p| {
        p.content_type.starts_with("text/") && p.charset.is_some() && p.body_range.is_some() && super::has_raw_offsets(p)
    }) {
        if let Some(charset) = unknown(part) {
            let (location, evidence) = located(message, part);
            let text = Msg::of(&UNKNOWN).text("type", part.content_type.clone()).text("charset", charset.trim().to_string());
            cx.emit(Draft::new(text).fix(Msg::of(&FIX_UNKNOWN)).evidence(evidence).at(location));
            continue;
        }
        let Some(charset) = misdeclared(part) else { continue };
        let (location, evidence) = located(message, part);
        let text = Msg::of(&MISDECLARED).text("type", part.content_type.clone()).text("charset", charset.to_string());
        cx.emit(Draft::new(text).fix(Msg::of(&FIX_MISDECLARED)).evidence(evidence).at(location));
    }
    for part in message
        .parts
        .iter()
        .filter(|p| p.content_type.starts_with("text/") && p.charset.is_none() && super::has_raw_offsets(p))
    {
        let Some(found) = unreadable(part) else { continue };
        let (location, evidence) = located(message, part);
        let draft = match found {
            Unreadable::NonAscii(count) => {
                Draft::new(Msg::of(&MISSING).text("type", part.content_type.clone()).int("count", count))
            }
            Unreadable::NotUtf8 => {
                Draft::new(Msg::of(&NOT_UTF8).text("type", part.content_type.clone())).fix(Msg::of(&FIX_NOT_UTF8))
            }
        };
        cx.emit(draft.evidence(evidence).at(location));
    }
}

/// Where a part's charset finding points, and its evidence: the part's Content-Type field (the
/// body when it has none), and that field as written.
fn located(message: &Message, part: &Part) -> (Location, String) {
    let field = part.headers.fields.iter().find(|f| f.is("Content-Type"));
    let mut location = match (field, &part.body_range) {
        (Some(f), _) => Location::header(f.name.clone(), f.start, f.end),
        (None, Some(r)) => Location::range(r.start, r.end),
        (None, None) => Location::message(),
    };
    if part.index > 0 {
        location = location.with_part(part.index);
    }
    let evidence = field.map(|f| super::field_text(message, f)).unwrap_or_else(|| part.content_type.clone());
    (location, evidence)
}
