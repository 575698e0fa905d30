//! `headers/transfer-encoding`: RFC 2045 §6: Content-Transfer-Encoding is one
//! of 7bit, 8bit, binary, quoted-printable, base64, and the body matches it:
//! 7bit data has no byte over 127 (§2.7), base64 uses its alphabet with
//! correct padding (§6.8), quoted-printable lines are at most 76 characters
//! and `=` starts a valid escape, in uppercase hexadecimal (§6.7). Multipart and message parts only take
//! 7bit, 8bit or binary (§6.4). A mismatch corrupts the content in transit.

use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;

crate::rule_texts! { "headers/transfer-encoding";
    summary => {
        en: "Content-Transfer-Encoding is unknown or does not match the body (8-bit data in 7bit, broken base64, long quoted-printable lines).",
        fr: "Content-Transfer-Encoding est inconnu ou ne correspond pas au corps (données 8 bits en 7bit, base64 cassé, lignes quoted-printable trop longues).",
        es: "Content-Transfer-Encoding es desconocido o no coincide con el cuerpo (datos de 8 bits en 7bit, base64 roto, líneas quoted-printable demasiado largas).",
        pl: "Content-Transfer-Encoding jest nieznane lub nie pasuje do treści (dane 8-bitowe w 7bit, uszkodzone base64, za długie wiersze quoted-printable).",
    },
    why => {
        en: "RFC 2045 §6 defines five encodings and what each may contain. When the body does not match, servers convert or cut it and readers decode garbage: accents break, attachments arrive corrupted.",
        fr: "La RFC 2045 §6 définit cinq encodages et ce que chacun peut contenir. Quand le corps ne correspond pas, les serveurs le convertissent ou le coupent et les lecteurs décodent n'importe quoi : les accents sont altérés, les pièces jointes arrivent corrompues.",
        es: "El RFC 2045 §6 define cinco codificaciones y lo que cada una puede contener. Cuando el cuerpo no coincide, los servidores lo convierten o lo cortan y los lectores decodifican basura: los acentos se rompen y los adjuntos llegan dañados.",
        pl: "RFC 2045 §6 definiuje pięć kodowań i to, co każde może zawierać. Gdy treść nie pasuje, serwery ją konwertują lub ucinają, a czytniki dekodują śmieci: psują się znaki diakrytyczne, a załączniki docierają uszkodzone.",
    },
    fix => {
        en: "Declare the encoding you really use: quoted-printable or base64 for non-ASCII text, base64 for files; let your mail library encode (RFC 2045 §6).",
        fr: "Déclarez l'encodage réellement utilisé : quoted-printable ou base64 pour le texte non ASCII, base64 pour les fichiers ; laissez votre bibliothèque d'envoi encoder (RFC 2045 §6).",
        es: "Declare la codificación que realmente usa: quoted-printable o base64 para el texto no ASCII, base64 para los archivos; deje que su biblioteca de correo codifique (RFC 2045 §6).",
        pl: "Deklaruj kodowanie, którego naprawdę używasz: quoted-printable lub base64 dla tekstu spoza ASCII, base64 dla plików; pozwól bibliotece pocztowej kodować (RFC 2045 §6).",
    },
    UNKNOWN "unknown" => {
        en: "The transfer encoding \"{encoding}\" is not one of 7bit, 8bit, binary, quoted-printable, base64.",
        fr: "L'encodage de transfert « {encoding} » n'est ni 7bit, ni 8bit, ni binary, ni quoted-printable, ni base64.",
        es: "La codificación de transferencia «{encoding}» no es ninguna de estas: 7bit, 8bit, binary, quoted-printable, base64.",
        pl: "Kodowanie transferu „{encoding}” nie jest żadnym z: 7bit, 8bit, binary, quoted-printable, base64.",
    },
    EMPTY "empty" => {
        en: "Content-Transfer-Encoding is empty: readers take it as absent, so the part is 7bit (RFC 2045 §6.1).",
        fr: "Content-Transfer-Encoding est vide : les lecteurs le traitent comme absent, la partie est donc en 7bit (RFC 2045 §6.1).",
        es: "Content-Transfer-Encoding está vacío: los lectores lo tratan como ausente, así que la parte es 7bit (RFC 2045 §6.1).",
        pl: "Content-Transfer-Encoding jest puste: czytniki traktują je jak brak pola, więc część jest 7bit (RFC 2045 §6.1).",
    },
    FIX_LONG_LINES "fix-long-lines" => {
        en: "Break encoded lines at 76 characters at most, not counting the line break (RFC 2045 §6.7 (5), §6.8); Python's email package writes quoted-printable lines of 78 (its policy's max_line_length): most readers decode them anyway.",
        fr: "Coupez les lignes encodées à 76 caractères au plus, sans compter le saut de ligne (RFC 2045 §6.7 (5), §6.8) ; le paquet email de Python écrit des lignes quoted-printable de 78 (le max_line_length de sa politique) : la plupart des lecteurs les décodent quand même.",
        es: "Corte las líneas codificadas a 76 caracteres como máximo, sin contar el salto de línea (RFC 2045 §6.7 (5), §6.8); el paquete email de Python escribe líneas quoted-printable de 78 (el max_line_length de su política): la mayoría de los lectores las decodifican igualmente.",
        pl: "Łam zakodowane wiersze najwyżej na 76 znakach, nie licząc końca wiersza (RFC 2045 §6.7 (5), §6.8); pakiet email Pythona zapisuje wiersze quoted-printable po 78 znaków (max_line_length jego polityki): większość czytników i tak je dekoduje.",
    },
    FIX_EMPTY "fix-empty" => {
        en: "Write the encoding the part uses (8bit for an attached message with 8-bit text, RFC 2046 §5.2.1), or leave the field out for 7bit.",
        fr: "Écrivez l'encodage qu'utilise la partie (8bit pour un message joint au texte 8 bits, RFC 2046 §5.2.1), ou omettez le champ pour du 7bit.",
        es: "Escriba la codificación que usa la parte (8bit para un mensaje adjunto con texto de 8 bits, RFC 2046 §5.2.1), u omita el campo para 7bit.",
        pl: "Wpisz kodowanie, którego używa część (8bit dla załączonej wiadomości z tekstem 8-bitowym, RFC 2046 §5.2.1), albo pomiń pole dla 7bit.",
    },
    CONTAINER "container" => {
        en: "A {type} part is declared {encoding}; RFC 2045 §6.4 only allows 7bit, 8bit or binary on it.",
        fr: "Une partie {type} est déclarée {encoding} ; la RFC 2045 §6.4 n'y autorise que 7bit, 8bit ou binary.",
        es: "Una parte {type} se declara {encoding}; el RFC 2045 §6.4 solo permite 7bit, 8bit o binary en ella.",
        pl: "Część {type} jest zadeklarowana jako {encoding}; RFC 2045 §6.4 dopuszcza w niej tylko 7bit, 8bit lub binary.",
    },
    EIGHT_BIT_IN_7BIT "eight-bit-in-7bit" => {
        en: "The part is 7bit (declared or by default) but holds {count, plural, one {# byte} other {# bytes}} over 127.",
        fr: "La partie est en 7bit (déclaré ou par défaut) mais contient {count, plural, one {# octet} many {# d'octets} other {# octets}} au-delà de 127.",
        es: "La parte es 7bit (declarado o por defecto) pero contiene {count, plural, one {# byte} many {# de bytes} other {# bytes}} por encima de 127.",
        pl: "Część jest 7bit (zadeklarowana lub domyślnie), ale zawiera {count, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}} powyżej 127.",
    },
    EIGHT_BIT_IN_QP "eight-bit-in-qp" => {
        en: "The part is quoted-printable but holds {count, plural, one {# byte} other {# bytes}} over 127 written as they are; RFC 2045 §6.7 writes each as =XX.",
        fr: "La partie est en quoted-printable mais contient {count, plural, one {# octet} many {# d'octets} other {# octets}} au-delà de 127 écrits tels quels ; la RFC 2045 §6.7 écrit chacun sous la forme =XX.",
        es: "La parte es quoted-printable pero contiene {count, plural, one {# byte} many {# de bytes} other {# bytes}} por encima de 127 escritos tal cual; el RFC 2045 §6.7 escribe cada uno como =XX.",
        pl: "Część jest w quoted-printable, ale zawiera {count, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}} powyżej 127 zapisanych bez zmian; RFC 2045 §6.7 zapisuje każdy jako =XX.",
    },
    BASE64_ALPHABET "base64-alphabet" => {
        en: "The base64 body has {count, plural, one {# character} other {# characters}} outside the base64 alphabet.",
        fr: "Le corps base64 contient {count, plural, one {# caractère} many {# de caractères} other {# caractères}} hors de l'alphabet base64.",
        es: "El cuerpo base64 tiene {count, plural, one {# carácter} many {# de caracteres} other {# caracteres}} fuera del alfabeto base64.",
        pl: "Treść base64 zawiera {count, plural, one {# znak} few {# znaki} many {# znaków} other {# znaku}} spoza alfabetu base64.",
    },
    BASE64_PADDING "base64-padding" => {
        en: "The base64 body ({length, plural, one {# character} other {# characters}}) is not padded to a multiple of 4, or has = before its end.",
        fr: "Le corps base64 ({length, plural, one {# caractère} many {# de caractères} other {# caractères}}) n'est pas complété à un multiple de 4, ou a des = avant sa fin.",
        es: "El cuerpo base64 ({length, plural, one {# carácter} many {# de caracteres} other {# caracteres}}) no está completado a un múltiplo de 4, o tiene = antes del final.",
        pl: "Treść base64 ({length, plural, one {# znak} few {# znaki} many {# znaków} other {# znaku}}) nie jest dopełniona do wielokrotności 4 lub ma = przed końcem.",
    },
    QP_LINE_TOO_LONG "qp-line-too-long" => {
        en: "{count, plural, one {# quoted-printable line is} other {# quoted-printable lines are}} longer than {limit, plural, one {# character} other {# characters}} (the first has {length}).",
        fr: "{count, plural, one {# ligne quoted-printable dépasse} many {# de lignes quoted-printable dépassent} other {# lignes quoted-printable dépassent}} {limit, plural, one {# caractère} many {# de caractères} other {# caractères}} (la première en a {length}).",
        es: "{count, plural, one {# línea quoted-printable supera} many {# de líneas quoted-printable superan} other {# líneas quoted-printable superan}} {limit, plural, one {# carácter} many {los # de caracteres} other {los # caracteres}} (la primera tiene {length}).",
        pl: "{count, plural, one {# wiersz quoted-printable przekracza} few {# wiersze quoted-printable przekraczają} many {# wierszy quoted-printable przekracza} other {# wiersza quoted-printable przekracza}} {limit, plural, one {# znak} few {# znaki} many {# znaków} other {# znaku}} (pierwszy ma {length}).",
    },
    QP_BAD_ESCAPE "qp-bad-escape" => {
        en: "{count, plural, one {# = sign in the quoted-printable body starts} other {# = signs in the quoted-printable body start}} no valid =XX escape or soft line break.",
        fr: "{count, plural, one {# signe = du corps quoted-printable ne commence} many {# de signes = du corps quoted-printable ne commencent} other {# signes = du corps quoted-printable ne commencent}} ni un échappement =XX valide ni une coupure douce.",
        es: "{count, plural, one {# signo = del cuerpo quoted-printable no inicia} many {# de signos = del cuerpo quoted-printable no inician} other {# signos = del cuerpo quoted-printable no inician}} un escape =XX válido ni un salto de línea suave.",
        pl: "{count, plural, one {# znak = w treści quoted-printable nie rozpoczyna} few {# znaki = w treści quoted-printable nie rozpoczynają} many {# znaków = w treści quoted-printable nie rozpoczyna} other {# znaku = w treści quoted-printable nie rozpoczyna}} poprawnej sekwencji =XX ani miękkiego podziału wiersza.",
    },
    QP_LOWERCASE_ESCAPE "qp-lowercase-escape" => {
        en: "{count, plural, one {# quoted-printable escape is} other {# quoted-printable escapes are}} written with lowercase hexadecimal letters (=c3 for =C3); RFC 2045 §6.7 (1) requires uppercase, though most readers decode both.",
        fr: "{count, plural, one {# échappement quoted-printable est écrit} many {# d'échappements quoted-printable sont écrits} other {# échappements quoted-printable sont écrits}} avec des lettres hexadécimales minuscules (=c3 pour =C3) ; la RFC 2045 §6.7 (1) exige des majuscules, même si la plupart des lecteurs décodent les deux.",
        es: "{count, plural, one {# escape quoted-printable está escrito} many {# de escapes quoted-printable están escritos} other {# escapes quoted-printable están escritos}} con letras hexadecimales minúsculas (=c3 por =C3); el RFC 2045 §6.7 (1) exige mayúsculas, aunque la mayoría de los lectores decodifican ambas.",
        pl: "{count, plural, one {# sekwencja quoted-printable jest zapisana} few {# sekwencje quoted-printable są zapisane} many {# sekwencji quoted-printable jest zapisanych} other {# sekwencji quoted-printable jest zapisanej}} małymi literami szesnastkowymi (=c3 zamiast =C3); RFC 2045 §6.7 (1) wymaga wielkich liter, choć większość czytników dekoduje oba zapisy.",
    },
    QP_TRAILING_SPACE "qp-trailing-space" => {
        en: "{count, plural, one {# quoted-printable line ends} other {# quoted-printable lines end}} in a space or tab, which RFC 2045 §6.7 (3) forbids: servers may strip it, and readers drop it.",
        fr: "{count, plural, one {# ligne quoted-printable se termine} many {# de lignes quoted-printable se terminent} other {# lignes quoted-printable se terminent}} par une espace ou une tabulation, ce que la RFC 2045 §6.7 (3) interdit : les serveurs peuvent la retirer, et les lecteurs l'ignorent.",
        es: "{count, plural, one {# línea quoted-printable termina} many {# de líneas quoted-printable terminan} other {# líneas quoted-printable terminan}} en un espacio o tabulador, lo que el RFC 2045 §6.7 (3) prohíbe: los servidores pueden quitarlo y los lectores lo descartan.",
        pl: "{count, plural, one {# wiersz quoted-printable kończy się} few {# wiersze quoted-printable kończą się} many {# wierszy quoted-printable kończy się} other {# wiersza quoted-printable kończy się}} spacją lub tabulatorem, czego RFC 2045 §6.7 (3) zabrania: serwery mogą je usunąć, a czytniki je pomijają.",
    },
    BASE64_LONG_LINE "base64-long-line" => {
        en: "{count, plural, one {# base64 line is} other {# base64 lines are}} longer than {limit, plural, one {# character} other {# characters}} (the first has {length}), the most RFC 2045 §6.8 allows; readers decode them all the same.",
        fr: "{count, plural, one {# ligne base64 dépasse} many {# de lignes base64 dépassent} other {# lignes base64 dépassent}} {limit, plural, one {# caractère} many {# de caractères} other {# caractères}} (la première en a {length}), le maximum qu'autorise la RFC 2045 §6.8 ; les lecteurs les décodent quand même.",
        es: "{count, plural, one {# línea base64 supera} many {# de líneas base64 superan} other {# líneas base64 superan}} {limit, plural, one {# carácter} many {los # de caracteres} other {los # caracteres}} (la primera tiene {length}), el máximo que permite el RFC 2045 §6.8; los lectores las decodifican igualmente.",
        pl: "{count, plural, one {# wiersz base64 przekracza} few {# wiersze base64 przekraczają} many {# wierszy base64 przekracza} other {# wiersza base64 przekracza}} {limit, plural, one {# znak} few {# znaki} many {# znaków} other {# znaku}} (pierwszy ma {length}), maksimum dopuszczalne według RFC 2045 §6.8; czytniki i tak je dekodują.",
    },
}

/// RFC 2045 §6.8: "lines of no more than 76 characters each".
const MAX_BASE64_LINE: usize = 76;

/// Longest quoted-printable encoded line, in characters.
pub const MAX_QUOTED_PRINTABLE_LINE: Threshold = Threshold {
    key: "headers.maxQuotedPrintableLine",
    kind: Kind::Int { default: 76, min: 1, max: 1_000_000 },
    doc: Localized {
        en: "Longest quoted-printable encoded line, in characters.",
        fr: "Plus longue ligne encodée en quoted-printable, en caractères.",
        es: "Línea codificada en quoted-printable más larga, en caracteres.",
        pl: "Najdłuższy wiersz zakodowany w quoted-printable, w znakach.",
    },
    evidence: Evidence::Rfc(
        "RFC 2045 §6.7 rule (5): encoded lines must not be longer than 76 characters, not counting the trailing CRLF",
    ),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 2045 §6: the body matches its Content-Transfer-Encoding (§2.7 7bit, §6.7 quoted-printable, §6.8 base64; §6.4 composite types)"),
        Evidence::Receiver("rspamd R_BAD_CTE_7BIT (3.5 points, 0.3 of that for a part declared UTF-8): 8-bit text declared 7bit, in the parts rspamd reads as text only (`task:get_text_parts()`, rules/misc.lua: text/* not sent as an attachment outside an alternative); in a file the bytes stay a warning (RFC 2045 §2.7) with 0 points; rspamd BROKEN_CONTENT_TYPE (1.5): a part that cannot be read as declared"),
        Evidence::Receiver("info: SpamAssassin MIME_QP_LONG_LINE scores quoted-printable lines over 76 characters 0.001, i.e. not at all; readers decode long lines, bad escapes and loose base64 padding as written"),
        Evidence::Receiver("info: an empty Content-Transfer-Encoding is read as none, the 7bit default (RFC 2045 §6.1): mail-parser 0.11 and Python's email decode any value they do not know as is; the body is then checked as 7bit"),
        Evidence::Ours("info: quoted-printable lines ending in white space (RFC 2045 §6.7 (3)), escapes in lowercase hexadecimal (=c3, §6.7 (1): \"Uppercase letters must be used\", and \"a robust implementation might choose to recognize them\") and base64 lines over 76 characters (§6.8): no SpamAssassin or rspamd rule scores them, and decoders drop the white space, read lowercase escapes and any line length"),
        Evidence::Ours("info: an attached message (message/rfc822) declared base64 or quoted-printable, PHPMailer's addAttachment and Symfony Mime's attachFromPath default for an .eml: RFC 2046 §5.2.1 allows only 7bit, 8bit or binary; mail-parser (this engine's parser) decodes it as declared, Python's email reads the encoded text as the message, and no SpamAssassin or rspamd rule scores it (SPEC §3: a deviation no known receiver enforces); a multipart so encoded stays a warning (its parts are unreadable)"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: scores::BAD_TRANSFER_ENCODING,
    texts: &TEXTS,
    thresholds: &[&MAX_QUOTED_PRINTABLE_LINE],
    examples: &[
        Example::fails(
            title! {
                en: "UTF-8 text declared 7bit",
                fr: "Du texte UTF-8 déclaré 7bit",
                es: "Texto UTF-8 declarado 7bit",
                pl: "Tekst UTF-8 zadeklarowany jako 7bit",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\nCaf\u{e9}\n"),
        ),
        Example::fails(
            title! {
                en: "An attached message with 8-bit text and no transfer encoding (7bit by default)",
                fr: "Un message joint avec du texte 8 bits et sans encodage de transfert (7bit par défaut)",
                es: "Un mensaje adjunto con texto de 8 bits y sin codificación de transferencia (7bit por defecto)",
                pl: "Załączona wiadomość z tekstem 8-bitowym i bez kodowania transferu (domyślnie 7bit)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nSee below.\n--b\nContent-Type: message/rfc822\n\nFrom: c@example.com\nSubject: Caf\u{e9}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nCaf\u{e9} ouvert\n--b--\n"),
        ),
        Example::passes(
            title! {
                en: "An attached message declared 8bit",
                fr: "Un message joint déclaré 8bit",
                es: "Un mensaje adjunto declarado 8bit",
                pl: "Załączona wiadomość zadeklarowana jako 8bit",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nSee below.\n--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: 8bit\n\nFrom: c@example.com\nSubject: Hi\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nCaf\u{e9} ouvert\n--b--\n"),
        ),
        Example::fails(
            title! {
                en: "Invalid characters in base64",
                fr: "Des caractères invalides dans du base64",
                es: "Caracteres no válidos en base64",
                pl: "Nieprawidłowe znaki w base64",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBE*Ri0!\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A quoted-printable line of 80 characters",
                fr: "Une ligne quoted-printable de 80 caractères",
                es: "Una línea quoted-printable de 80 caracteres",
                pl: "Wiersz quoted-printable o długości 80 znaków",
            },
            ExampleInput::Generated(long_qp_line),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A quoted-printable line ending in a space (info)",
                fr: "Une ligne quoted-printable terminée par une espace (information)",
                es: "Una línea quoted-printable que termina en un espacio (información)",
                pl: "Wiersz quoted-printable zakończony spacją (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 \nouvert\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "Quoted-printable escapes in lowercase hexadecimal (info)",
                fr: "Des échappements quoted-printable en hexadécimal minuscule (information)",
                es: "Escapes quoted-printable en hexadecimal minúscula (información)",
                pl: "Sekwencje quoted-printable zapisane małymi literami szesnastkowymi (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nCaf=c3=a9 ouvert\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "Base64 lines of 80 characters (info)",
                fr: "Des lignes base64 de 80 caractères (information)",
                es: "Líneas base64 de 80 caracteres (información)",
                pl: "Wiersze base64 o długości 80 znaków (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "An unknown encoding",
                fr: "Un encodage inconnu",
                es: "Una codificación desconocida",
                pl: "Nieznane kodowanie",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: utf-8\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An empty Content-Transfer-Encoding on an attached message of 7-bit text (information)",
                fr: "Un Content-Transfer-Encoding vide sur un message joint au texte 7 bits (information)",
                es: "Un Content-Transfer-Encoding vacío en un mensaje adjunto de texto de 7 bits (información)",
                pl: "Puste Content-Transfer-Encoding w załączonej wiadomości z tekstem 7-bitowym (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nSee below.\n--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: \n\nFrom: c@example.com\nSubject: Hi\n\nHello\n--b--\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "Correct base64 and quoted-printable",
                fr: "Du base64 et du quoted-printable corrects",
                es: "Base64 y quoted-printable correctos",
                pl: "Poprawne base64 i quoted-printable",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=X\n\n--X\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 soft=\n break\n--X\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--X--\n"),
        ),
        Example::passes(
            title! {
                en: "Plain ASCII without declaration",
                fr: "De l'ASCII simple sans déclaration",
                es: "ASCII simple sin declaración",
                pl: "Zwykłe ASCII bez deklaracji",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn long_qp_line() -> Vec<u8> {
    format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{}\n",
        "a".repeat(80)
    )
    .into_bytes()
}

const KNOWN: &[&str] = &["7bit", "8bit", "binary", "quoted-printable", "base64"];

use crate::model::predecode::alphabet_prefix;

fn check(message: &Message, cx: &mut Context) {
    let max_qp = cx.settings.count(&MAX_QUOTED_PRINTABLE_LINE);
    for part in message.parts.iter().filter(|p| super::has_raw_offsets(p)) {
        let field = part.headers.fields.iter().find(|f| f.is("Content-Transfer-Encoding"));
        let declared = field.map(|f| f.unfolded_value(message.raw).to_ascii_lowercase());
        let declared = declared.as_deref().map(|d| d.split('(').next().unwrap_or_default().trim().to_string());
        let on_field = |f: Option<&crate::model::headers::HeaderField>| -> Location {
            let l = match f {
                Some(f) => Location::header(f.name.clone(), f.start, f.end),
                None => Location::part(part.index),
            };
            if part.index == 0 {
                l
            } else {
                l.with_part(part.index)
            }
        };
        // An empty field (Ruby's mail writes one on an attached message) names no
        // encoding: readers take the part as having none, the 7bit default of
        // RFC 2045 §6.1 (mail-parser and Python's email decode nothing), so it is
        // said once, as information, and the body is checked as 7bit.
        if let (Some(""), Some(f)) = (declared.as_deref(), field) {
            let draft = Draft::new(Msg::of(&EMPTY)).fix(Msg::of(&FIX_EMPTY)).severity(Severity::Info);
            cx.emit(draft.evidence(super::field_text(message, f)).at(on_field(field)));
        }
        let declared = declared.filter(|d| !d.is_empty());
        if let Some(d) = declared.as_deref() {
            if !KNOWN.contains(&d) {
                // RFC 2045 §6.3 allows private `x-` encodings (x-uuencode): readers may
                // still know them (info); any other unknown encoding leaves the part
                // unreadable (§6.4: treated as application/octet-stream), a warning.
                let severity = if d.starts_with("x-") { Severity::Info } else { Severity::Warning };
                cx.emit(
                    Draft::new(Msg::of(&UNKNOWN).text("encoding", d))
                        .evidence(d)
                        .at(on_field(field))
                        .severity(severity),
                );
                continue;
            }
            let container = part.content_type.starts_with("multipart/") || part.content_type == "message/rfc822";
            if container && !matches!(d, "7bit" | "8bit" | "binary") {
                // A multipart so encoded hides its parts from every MIME reader; an
                // attached message in base64 or quoted-printable (PHPMailer's and
                // Symfony Mime's default for an attached .eml) is against RFC 2046
                // §5.2.1 too, but no receiver punishes it (info).
                // …unless its body is not what it declares: Symfony Mime 5.4's MessagePart
                // declares base64 and writes the message as it is, which no reader can decode.
                let written_as_declared = d != "base64"
                    || part.body_range.clone().and_then(|r| message.raw.get(r)).is_some_and(|body| {
                        body.iter().all(|&b| b.is_ascii_whitespace() || b == b'=' || crate::base64::value(b).is_some())
                    });
                let readable =
                    part.content_type == "message/rfc822" && matches!(d, "base64" | "quoted-printable") && written_as_declared;
                cx.emit(
                    Draft::new(Msg::of(&CONTAINER).text("encoding", d).text("type", part.content_type.clone()))
                        .evidence(d)
                        .at(on_field(field))
                        .severity(if readable { Severity::Info } else { Severity::Warning }),
                );
                continue;
            }
        }
        if part.is_multipart() {
            continue;
        }
        let Some(range) = part.body_range.clone() else { continue };
        let body = EncodedBody { message, part: part.index, start: range.start, bytes: &message.raw[range.clone()] };
        // The body's lines as the message's line index has them, offsets in `body`.
        let lines = message.line_index.lines_in(message.raw, range.clone()).map(move |(start, end)| {
            (start - range.start, end - range.start)
        });
        // An attached message (RFC 2046 §5.2.1: 7bit, 8bit or binary only) is one
        // 7bit body as a whole when it declares no more (RFC 2045 §6.1 default):
        // 8-bit bytes anywhere in it break that (RFC 2045 §2.7, §6.2).
        if matches!(part.body, crate::model::Body::Message) {
            if declared.as_deref().unwrap_or("7bit") == "7bit" {
                check_7bit(cx, &body, true);
            }
            continue;
        }
        match declared.as_deref().unwrap_or("7bit") {
            "7bit" => {
                let utf8_charset = part.charset.as_deref().is_some_and(|c| c.eq_ignore_ascii_case("utf-8"));
                // rspamd's R_BAD_CTE_7BIT reads text parts only (`task:get_text_parts()`,
                // misc.lua): a file's 8-bit bytes under 7bit break RFC 2045 §2.7 all the
                // same, and may be cut in transit, but no filter counts them.
                match read_as_text(message, part) {
                    true => check_7bit(cx, &body, utf8_charset),
                    false => check_8bit_scored(cx, &body, &EIGHT_BIT_IN_7BIT, scores::BAD_TRANSFER_ENCODING_UNCOUNTED),
                }
            }
            "base64" => check_base64(cx, &body, lines, part.base64_prefix),
            "quoted-printable" => {
                check_quoted_printable(cx, &body, lines, max_qp);
                // rspamd's R_BAD_CTE_7BIT reads every text part not declared 8bit
                // (misc.lua: `cte ~= '8bit' and p:has_8bit_raw()`): raw 8-bit bytes
                // in quoted-printable text weigh as in 7bit.
                if part.content_type.starts_with("text/") {
                    let utf8_charset = part.charset.as_deref().is_some_and(|c| c.eq_ignore_ascii_case("utf-8"));
                    check_8bit(cx, &body, utf8_charset, &EIGHT_BIT_IN_QP);
                }
            }
            _ => {}
        }
    }
}

/// A part's encoded body: its bytes, where they lie in the message, and how a
/// finding points at them and quotes them (in the part's charset, `Draft::evidence_at`).
struct EncodedBody<'m, 'a> {
    message: &'m Message<'a>,
    part: usize,
    /// Where the body starts in the message.
    start: usize,
    bytes: &'a [u8],
}

impl EncodedBody<'_, '_> {
    /// The location of `len` bytes at `offset` of the body.
    fn at(&self, offset: usize, len: usize) -> Location {
        Location::part(self.part).with_range(self.start + offset, self.start + offset + len)
    }
    /// `draft` quoting up to 30 bytes on each side of `offset` of the body.
    fn quote_around(&self, draft: Draft, offset: usize) -> Draft {
        let around = super::line_breaks::context_range(self.bytes.len(), offset);
        draft.evidence_at(self.message, self.start + around.start..self.start + around.end)
    }
    /// `draft` quoting the bytes `start..end` of the body.
    fn quote(&self, draft: Draft, start: usize, end: usize) -> Draft {
        draft.evidence_at(self.message, self.start + start..self.start + end)
    }
}

/// Whether rspamd reads `part` as a text part, whose 8-bit bytes under 7bit its
/// R_BAD_CTE_7BIT counts: a `text/*` part not sent as an attachment, unless it is
/// an alternative (`rspamd_message_part_can_be_parsed_as_text`, src/libmime/message.c).
fn read_as_text(message: &Message, part: &crate::model::Part) -> bool {
    let in_alternative =
        part.parent.and_then(|p| message.parts.get(p)).is_some_and(|p| p.content_type == "multipart/alternative");
    part.content_type.starts_with("text/") && (part.disposition.as_deref() != Some("attachment") || in_alternative)
}

/// 8-bit bytes in a body declared (or defaulting to) 7bit (RFC 2045 §2.7, §6.2).
/// `utf8_charset`: the part says charset=utf-8 (an attached message, whose parts
/// say their own, is weighed as UTF-8 when its bytes are).
fn check_7bit(cx: &mut Context, encoded: &EncodedBody, utf8_charset: bool) {
    check_8bit(cx, encoded, utf8_charset, &EIGHT_BIT_IN_7BIT);
}

/// 8-bit bytes written as they are in a body whose encoding has none
/// (`message`: 7bit, or quoted-printable, RFC 2045 §6.7 (2)).
fn check_8bit(cx: &mut Context, encoded: &EncodedBody, utf8_charset: bool, message: &'static crate::i18n::Entry) {
    // rspamd weighs UTF-8 text declared 7bit at 0.3 of other charsets.
    let points = |bytes: &[u8]| match utf8_charset && std::str::from_utf8(bytes).is_ok() {
        true => scores::BAD_TRANSFER_ENCODING_UTF8,
        false => scores::BAD_TRANSFER_ENCODING,
    };
    emit_8bit(cx, encoded, message, points);
}

/// `check_8bit` with the points given.
fn check_8bit_scored(cx: &mut Context, encoded: &EncodedBody, message: &'static crate::i18n::Entry, points: f64) {
    emit_8bit(cx, encoded, message, |_| points);
}

/// The finding of the 8-bit bytes of `encoded`, if any, with the points
/// `points` gives the bytes from the first one on.
fn emit_8bit(cx: &mut Context, encoded: &EncodedBody, message: &'static crate::i18n::Entry, points: impl Fn(&[u8]) -> f64) {
    let body = encoded.bytes;
    // `is_ascii` reads a word at a time: most bodies are, and need no byte-wise look.
    let first = if body.is_ascii() { None } else { body.iter().position(|&b| b >= 0x80) };
    let Some(first) = first else { return };
    let count = body[first..].iter().filter(|&&b| b >= 0x80).count();
    let draft = encoded.quote_around(Draft::new(Msg::of(message).int("count", count)), first);
    cx.emit(draft.at(encoded.at(first, 1)).score(points(&body[first..])));
}

/// What a byte is in a base64 body (RFC 2045 §6.8).
#[derive(Clone, Copy, PartialEq, Eq)]
enum B64 {
    Alphabet,
    Pad,
    Space,
    Bad,
}

/// The class of every byte, looked up once per byte of a body.
const B64_CLASS: [B64; 256] = {
    let mut table = [B64::Bad; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if b.is_ascii_alphanumeric() || b == b'+' || b == b'/' {
            B64::Alphabet
        } else if b == b'=' {
            B64::Pad
        } else if b.is_ascii_whitespace() {
            B64::Space
        } else {
            B64::Bad
        };
        i += 1;
    }
    table
};

/// `prefix`: `alphabet_prefix` of the body when the model decoded it itself
/// and found it there (`Part::base64_prefix`). Out of line, as
/// `check_quoted_printable` (#14 cold start: V8 compiles a wasm function whole at
/// its first call, and inlined into `check` both were compiled at every first
/// lint, whatever its encodings: `check` went from 9,224 to 5,382 bytes of body,
/// `tests/bench/first-lint-compiles.mjs`).
#[inline(never)]
fn check_base64(
    cx: &mut Context,
    encoded: &EncodedBody,
    lines: impl Iterator<Item = (usize, usize)>,
    prefix: Option<(usize, usize)>,
) {
    check_line_lengths(cx, encoded, lines, MAX_BASE64_LINE, &BASE64_LONG_LINE);
    let body = encoded.bytes;
    // Nothing is collected (a 10 MB body is 10 M bytes to look at, not to keep).
    let (rest, spaces) = prefix.unwrap_or_else(|| alphabet_prefix(body));
    // The characters other than white space, the last of them, the bytes outside
    // the alphabet, and the first `=` (index among the characters, offset).
    let mut length = rest - spaces;
    let mut last = body[..rest].iter().rposition(|b| !b.is_ascii_whitespace());
    let mut bad = 0usize;
    let mut first_bad = None;
    let mut first_pad: Option<(usize, usize)> = None;
    let mut only_pads_after = true;
    for (offset, &b) in body.iter().enumerate().skip(rest) {
        match B64_CLASS[usize::from(b)] {
            B64::Space => continue,
            B64::Alphabet => only_pads_after &= first_pad.is_none(),
            B64::Pad => {
                first_pad.get_or_insert((length, offset));
            }
            B64::Bad => {
                bad += 1;
                first_bad.get_or_insert(offset);
            }
        }
        length += 1;
        last = Some(offset);
    }
    if let Some(first) = first_bad {
        let draft = encoded.quote_around(Draft::new(Msg::of(&BASE64_ALPHABET).int("count", bad)), first);
        cx.emit(draft.at(encoded.at(first, 1)).severity(Severity::Info));
        return;
    }
    // RFC 2045 §6.8: groups of 4; `=` only as the final padding.
    let padding_ok = match first_pad {
        None => length % 4 == 0,
        Some((p, _)) => length % 4 == 0 && length - p <= 2 && only_pads_after,
    };
    if !padding_ok {
        let offset = first_pad.map(|(_, offset)| offset).or(last).unwrap_or(0);
        let draft = encoded.quote_around(Draft::new(Msg::of(&BASE64_PADDING).int("length", length)), offset);
        cx.emit(draft.at(encoded.at(offset, 1)).severity(Severity::Info));
    }
}

/// Encoded lines longer than `max` (RFC 2045 §6.7 (5), §6.8: 76): one info
/// finding `text` with how many there are and the first.
fn check_line_lengths(
    cx: &mut Context,
    encoded: &EncodedBody,
    lines: impl Iterator<Item = (usize, usize)>,
    max: usize,
    text: &'static crate::i18n::Entry,
) {
    let mut long = lines.filter(|(start, end)| end - start > max);
    let Some((offset, end)) = long.next() else { return };
    let count = 1 + long.count();
    let draft = Draft::new(Msg::of(text).int("count", count).int("length", end - offset).int("limit", max));
    let draft = draft.fix(Msg::of(&FIX_LONG_LINES));
    cx.emit(encoded.quote(draft, offset, end).at(encoded.at(offset, end - offset)).severity(Severity::Info));
}

#[inline(never)]
fn check_quoted_printable(
    cx: &mut Context,
    encoded: &EncodedBody,
    lines: impl Iterator<Item = (usize, usize)> + Clone,
    max: usize,
) {
    check_line_lengths(cx, encoded, lines.clone(), max, &QP_LINE_TOO_LONG);
    let body = encoded.bytes;
    let mut bad_escapes = 0usize;
    let mut first_bad = None;
    let mut lowercase_escapes = 0usize;
    let mut first_lowercase = None;
    let mut trailing_space = 0usize;
    let mut first_trailing = None;
    for (start, end) in lines {
        let line = &body[start..end];
        if line.last().is_some_and(|&b| b == b' ' || b == b'\t') {
            trailing_space += 1;
            first_trailing.get_or_insert(end - 1);
        }
        // From one `=` to the next, a byte at a time: in text of accented letters
        // an `=` comes every few bytes, and a vector search set up again for each
        // (memchr) was 6 % of the lint of 13 MB of French quoted-printable in Node (#14).
        let mut i = 0;
        while let Some(found) = line[i..].iter().position(|&b| b == b'=') {
            i += found;
            let rest = &line[i + 1..];
            let soft_break = rest.iter().all(|b| *b == b' ' || *b == b'\t');
            let escape = rest.len() >= 2 && rest[0].is_ascii_hexdigit() && rest[1].is_ascii_hexdigit();
            if !soft_break && !escape {
                bad_escapes += 1;
                first_bad.get_or_insert(start + i);
            }
            // RFC 2045 §6.7 (1): "Uppercase letters must be used"; robust decoders read `=c3` all the same.
            if escape && (rest[0].is_ascii_lowercase() || rest[1].is_ascii_lowercase()) {
                lowercase_escapes += 1;
                first_lowercase.get_or_insert(start + i);
            }
            i += if escape { 3 } else { 1 };
        }
    }
    if let Some(offset) = first_trailing {
        let draft = encoded.quote_around(Draft::new(Msg::of(&QP_TRAILING_SPACE).int("count", trailing_space)), offset);
        cx.emit(draft.at(encoded.at(offset, 1)).severity(Severity::Info));
    }
    if let Some(offset) = first_bad {
        let draft = encoded.quote_around(Draft::new(Msg::of(&QP_BAD_ESCAPE).int("count", bad_escapes)), offset);
        cx.emit(draft.at(encoded.at(offset, 1)).severity(Severity::Info));
    }
    if let Some(offset) = first_lowercase {
        let draft = Draft::new(Msg::of(&QP_LOWERCASE_ESCAPE).int("count", lowercase_escapes));
        cx.emit(encoded.quote_around(draft, offset).at(encoded.at(offset, 3)).severity(Severity::Info));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 8-bit finding of a multipart/mixed message whose second part is `part`
    /// (its header and body): severity and points.
    fn eight_bit(part: &str, alternative: bool) -> Vec<(Severity, f64)> {
        let kind = if alternative { "alternative" } else { "mixed" };
        let raw = format!(
            "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: multipart/{kind}; boundary=b\r\n\r\n\
             --b\r\nContent-Type: text/plain\r\n\r\nHello\r\n--b\r\n{part}\r\n--b--\r\n"
        );
        let report = crate::lint(raw.as_bytes(), &crate::Options::default()).expect("lints");
        report.findings_of(ID).filter(|f| f.message_id.ends_with("eight-bit-in-7bit")).map(|f| (f.severity, f.score)).collect()
    }

    #[test]
    fn eight_bit_bytes_count_as_spam_only_in_text_parts() {
        let accented = "Caf\u{e9}";
        // A text part: rspamd's R_BAD_CTE_7BIT, UTF-8 at 0.3 of the weight.
        let text = format!("Content-Type: text/plain; charset=iso-8859-1\r\n\r\n{accented}");
        assert_eq!(eight_bit(&text, false), vec![(Severity::Warning, scores::BAD_TRANSFER_ENCODING)]);
        let utf8 = "Content-Type: text/plain; charset=utf-8\r\n\r\nCaf\u{e9}";
        assert_eq!(eight_bit(utf8, false), vec![(Severity::Warning, scores::BAD_TRANSFER_ENCODING_UTF8)]);
        // A file, or text sent as an attachment: RFC 2045 §2.7 still, no spam factor.
        let file = "Content-Type: application/octet-stream; name=a.bin\r\nContent-Disposition: attachment; filename=a.bin\r\n\r\nCaf\u{e9}";
        assert_eq!(eight_bit(file, false), vec![(Severity::Warning, 0.0)]);
        let image = "Content-Type: image/gif\r\n\r\nGIF89a\u{ff}";
        assert_eq!(eight_bit(image, false), vec![(Severity::Warning, 0.0)]);
        let attached_text = format!("Content-Type: text/plain; charset=iso-8859-1\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\n{accented}");
        assert_eq!(eight_bit(&attached_text, false), vec![(Severity::Warning, 0.0)]);
        // …unless it is an alternative, which rspamd reads as text whatever its disposition.
        assert_eq!(eight_bit(&attached_text, true), vec![(Severity::Warning, scores::BAD_TRANSFER_ENCODING)]);
    }

    /// The prefix as a byte-at-a-time walk of `B64_CLASS` finds it.
    fn one_by_one(body: &[u8]) -> (usize, usize) {
        let mut spaces = 0;
        for (offset, &b) in body.iter().enumerate() {
            match B64_CLASS[usize::from(b)] {
                B64::Alphabet => {}
                B64::Space => spaces += 1,
                B64::Pad | B64::Bad => return (offset, spaces),
            }
        }
        (body.len(), spaces)
    }

    #[test]
    fn the_alphabet_prefix_is_the_one_a_byte_at_a_time_finds() {
        let line = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n";
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 78, 79, 160, 300] {
            let body: Vec<u8> = line.iter().copied().cycle().take(len).collect();
            assert_eq!(alphabet_prefix(&body), one_by_one(&body), "{len}");
            for at in [0, 1, 14, 15, 16, 17, 31, 32, 76, 77, 150] {
                if at >= body.len() {
                    continue;
                }
                for mark in [b'=', b'!', b' ', b'\t', 0x80, 0, b'-', b'_'] {
                    let mut marked = body.clone();
                    marked[at] = mark;
                    assert_eq!(alphabet_prefix(&marked), one_by_one(&marked), "{len} {at} {mark}");
                }
            }
        }
        for b in 0..=255u8 {
            let body = [b'Q', b'Q', b, b'Q'].repeat(9);
            assert_eq!(alphabet_prefix(&body), one_by_one(&body), "byte {b}");
        }
    }
}
