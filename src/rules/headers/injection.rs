//! `headers/injection`: in compose and PHP `mail()` input, a CR or LF inside a
//! value the mailer writes as given lets whoever typed it add header fields
//! (`Bcc:` to thousands of addresses) or a body: the classic contact form abuse
//! that gets a hosting account blocked for spam. In PHP's `additional_headers`, a
//! blank line or a line that is not a header field is the same attack.
//!
//! PHP `mail()`'s to and subject, and every Nodemailer field but a `prepared`
//! header, cannot carry one: PHP turns a line break into a space and keeps only a
//! fold (ext/standard/mail.c, `SKIP_LONG_HEADER_SEP`), Nodemailer flattens it
//! (mime-node `.replace(/\r?\n|\r/g, ' ')`), as the rendered source shows. There a
//! line break only tells that the form does not filter them: info.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Origin, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/injection";
    summary => {
        en: "A line break in a script's header input that the mailer writes as given (PHP additional_headers, a prepared header): header injection.",
        fr: "Un saut de ligne dans les en-têtes fournis par un script que le logiciel d'envoi écrit tels quels (additional_headers de PHP, en-tête prepared) : injection d'en-têtes.",
        es: "Un salto de línea en las cabeceras que aporta un script y que el programa de envío escribe tal cual (additional_headers de PHP, una cabecera prepared): inyección de cabeceras.",
        pl: "Znak nowego wiersza w nagłówkach przekazanych przez skrypt, które program wysyłający zapisuje bez zmian (additional_headers w PHP, nagłówek prepared): wstrzyknięcie nagłówków.",
    },
    why => {
        en: "A visitor who types a line break into a contact form can add Bcc: with thousands of addresses, or a whole body: the script becomes a spam relay, and the host blocks the account for abuse.",
        fr: "Un visiteur qui tape un saut de ligne dans un formulaire de contact peut ajouter un Bcc: avec des milliers d'adresses, ou un corps entier : le script devient un relais de spam, et l'hébergeur bloque le compte pour abus.",
        es: "Un visitante que escribe un salto de línea en un formulario de contacto puede añadir Bcc: con miles de direcciones, o un cuerpo entero: el script se convierte en una pasarela de spam y el alojamiento bloquea la cuenta por abuso.",
        pl: "Odwiedzający, który wpisze znak nowego wiersza w formularzu kontaktowym, może dodać Bcc: z tysiącami adresów albo całą treść: skrypt staje się bramką do rozsyłania spamu, a hosting blokuje konto za nadużycie.",
    },
    fix => {
        en: "Reject or strip \\r and \\n from every visitor value before it reaches a header, and never copy visitor input into additional_headers unchecked (RFC 5322 §2.2).",
        fr: "Refusez ou retirez \\r et \\n de toute valeur saisie par un visiteur avant qu'elle n'atteigne un en-tête, et ne copiez jamais de saisie non vérifiée dans additional_headers (RFC 5322 §2.2).",
        es: "Rechace o elimine \\r y \\n de todo valor del visitante antes de que llegue a una cabecera, y nunca copie datos del visitante sin comprobar en additional_headers (RFC 5322 §2.2).",
        pl: "Odrzucaj lub usuwaj \\r i \\n z każdej wartości od odwiedzającego, zanim trafi do nagłówka, i nigdy nie kopiuj niesprawdzonych danych do additional_headers (RFC 5322 §2.2).",
    },
    LINE_BREAK "line-break" => {
        en: "The {field} value contains a line break followed by \"{smuggled}\": that text would become a header of its own.",
        fr: "La valeur {field} contient un saut de ligne suivi de « {smuggled} » : ce texte deviendrait un en-tête à part entière.",
        es: "El valor {field} contiene un salto de línea seguido de «{smuggled}»: ese texto se convertiría en una cabecera propia.",
        pl: "Wartość {field} zawiera znak nowego wiersza, po którym następuje „{smuggled}”: ten tekst stałby się osobnym nagłówkiem.",
    },
    FLATTENED "flattened" => {
        en: "The {field} value contains a line break before \"{smuggled}\": the mailer writes it as a space, so no header is added, but the form does not filter line breaks.",
        fr: "La valeur {field} contient un saut de ligne avant « {smuggled} » : le logiciel d'envoi l'écrit comme une espace, si bien qu'aucun en-tête n'est ajouté, mais le formulaire ne filtre pas les sauts de ligne.",
        es: "El valor {field} contiene un salto de línea antes de «{smuggled}»: el programa de envío lo escribe como un espacio, así que no se añade ninguna cabecera, pero el formulario no filtra los saltos de línea.",
        pl: "Wartość {field} zawiera znak nowego wiersza przed „{smuggled}”: program wysyłający zapisuje go jako spację, więc żaden nagłówek nie zostaje dodany, ale formularz nie filtruje znaków nowego wiersza.",
    },
    FLATTENED_NAME "flattened-name" => {
        en: "The name {field} contains a line break before \"{smuggled}\": the mailer writes it as a space, so no header is added, but the form does not filter line breaks.",
        fr: "Le nom {field} contient un saut de ligne avant « {smuggled} » : le logiciel d'envoi l'écrit comme une espace, si bien qu'aucun en-tête n'est ajouté, mais le formulaire ne filtre pas les sauts de ligne.",
        es: "El nombre {field} contiene un salto de línea antes de «{smuggled}»: el programa de envío lo escribe como un espacio, así que no se añade ninguna cabecera, pero el formulario no filtra los saltos de línea.",
        pl: "Nazwa {field} zawiera znak nowego wiersza przed „{smuggled}”: program wysyłający zapisuje go jako spację, więc żaden nagłówek nie zostaje dodany, ale formularz nie filtruje znaków nowego wiersza.",
    },
    BLANK_LINE "blank-line" => {
        en: "additional_headers has a blank line at line {line}: everything after it becomes the message body.",
        fr: "additional_headers contient une ligne vide (ligne {line}) : tout ce qui la suit devient le corps du message.",
        es: "additional_headers tiene una línea en blanco (línea {line}): todo lo que la sigue pasa a ser el cuerpo del mensaje.",
        pl: "additional_headers zawiera pusty wiersz (wiersz {line}): wszystko, co po nim następuje, staje się treścią wiadomości.",
    },
    NOT_A_HEADER "not-a-header" => {
        en: "Line {line} of additional_headers is not a header field: text from outside got into the headers.",
        fr: "La ligne {line} de additional_headers n'est pas un champ d'en-tête : du texte venu d'ailleurs s'est glissé dans les en-têtes.",
        es: "La línea {line} de additional_headers no es un campo de cabecera: se ha colado texto ajeno en las cabeceras.",
        pl: "Wiersz {line} w additional_headers nie jest polem nagłówka: do nagłówków dostał się obcy tekst.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Error,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 166: « Envoi d'e-mails légitimes considérés comme du SPAM »"),
        Evidence::Rfc("RFC 5322 §2.2: a header field ends at CRLF; a line break inside a value starts a new field"),
        Evidence::Guide("seed 002 (fr): mails considered spam sent from a hosting put its sending in the SPAM state (blocked) with an abuse notice; a contact form whose headers take visitor input sends whatever an attacker writes"),
        Evidence::Ours("info, not error, for PHP mail()'s to and subject and Nodemailer's fields other than a prepared header: php-src ext/standard/mail.c turns their control characters into spaces and keeps a fold (CRLF + SP/TAB, SKIP_LONG_HEADER_SEP); Nodemailer mime-node flattens line breaks; no header can be added, so no block follows"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A Bcc smuggled into the subject of a PHP mail() call",
                fr: "Un Bcc glissé dans le sujet d'un appel PHP mail()",
                es: "Un Bcc colado en el asunto de una llamada PHP mail()",
                pl: "Bcc przemycony w temacie wywołania PHP mail()",
            },
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Hi\r\nBcc: victims@example.net",
                message: "Hello",
                headers: "From: a@example.com",
            },
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "A folded subject in a PHP mail() call (PHP keeps the fold)",
                fr: "Un sujet replié dans un appel PHP mail() (PHP garde le repli)",
                es: "Un asunto plegado en una llamada PHP mail() (PHP conserva el plegado)",
                pl: "Zawinięty temat w wywołaniu PHP mail() (PHP zachowuje zawinięcie)",
            },
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Cake question\r\n about Saturday",
                message: "Hello",
                headers: "From: a@example.com",
            },
        ),
        Example::fails(
            title! {
                en: "A bare line feed before a space in a PHP mail() subject (PHP writes a space: not a fold)",
                fr: "Un saut de ligne seul avant une espace dans le sujet d'un appel PHP mail() (PHP écrit une espace : ce n'est pas un repli)",
                es: "Un salto de línea suelto antes de un espacio en el asunto de una llamada PHP mail() (PHP escribe un espacio: no es un plegado)",
                pl: "Sam znak LF przed spacją w temacie wywołania PHP mail() (PHP zapisuje spację: to nie jest zawinięcie)",
            },
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Hi\n Bcc: victims@example.net",
                message: "Hello",
                headers: "From: a@example.com",
            },
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A Bcc smuggled into a Nodemailer header marked prepared (written as given)",
                fr: "Un Bcc glissé dans un en-tête Nodemailer marqué prepared (écrit tel quel)",
                es: "Un Bcc colado en una cabecera de Nodemailer marcada prepared (escrita tal cual)",
                pl: "Bcc przemycony w nagłówku Nodemailera oznaczonym prepared (zapisanym bez zmian)",
            },
            ExampleInput::Compose(
                r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"Hello","headers":{"X-Topic":{"prepared":true,"value":"cake\r\nBcc: x@example.net"}}}"#,
            ),
        ),
        Example::fails(
            title! {
                en: "A blank line in PHP additional_headers",
                fr: "Une ligne vide dans les additional_headers de PHP",
                es: "Una línea en blanco en los additional_headers de PHP",
                pl: "Pusty wiersz w additional_headers w PHP",
            },
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Hi",
                message: "Hello",
                headers: "From: a@example.com\r\n\r\nInjected body",
            },
        ),
        Example::fails(
            title! {
                en: "A line that is not a header in additional_headers",
                fr: "Une ligne qui n'est pas un en-tête dans additional_headers",
                es: "Una línea que no es una cabecera en additional_headers",
                pl: "Wiersz w additional_headers, który nie jest nagłówkiem",
            },
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Hi",
                message: "Hello",
                headers: "From: a@example.com\r\nvisitor text",
            },
        ),
        Example::fails(
            title! {
                en: "A line break in a compose Reply-To",
                fr: "Un saut de ligne dans le Reply-To d'un formulaire",
                es: "Un salto de línea en el Reply-To de un formulario",
                pl: "Znak nowego wiersza w polu Reply-To formularza",
            },
            ExampleInput::Compose(
                r#"{"from":"a@example.com","to":"b@example.com","replyTo":"v@example.org\nBcc: x@example.net","subject":"Hi","text":"Hello"}"#,
            ),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "Several headers joined by CRLF, one folded",
                fr: "Plusieurs en-têtes joints par CRLF, dont un replié",
                es: "Varias cabeceras unidas por CRLF, una de ellas plegada",
                pl: "Kilka nagłówków połączonych CRLF, w tym jeden zawinięty",
            },
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Hi",
                message: "Hello",
                headers: "From: a@example.com\r\nReply-To: a@example.com\r\nX-Note: long\r\n continued",
            },
        ),
        Example::passes(
            title! {
                en: "Clean compose fields",
                fr: "Des champs de formulaire propres",
                es: "Campos de formulario limpios",
                pl: "Poprawne pola formularza",
            },
            ExampleInput::Compose(
                r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"Hello\nwith a line break in the body"}"#,
            ),
        ),
        Example::passes(
            title! {
                en: "A raw message (no script input to inspect)",
                fr: "Un message brut (aucune saisie de script à examiner)",
                es: "Un mensaje sin procesar (ningún dato de script que examinar)",
                pl: "Surowa wiadomość (brak danych skryptu do sprawdzenia)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn field_location(message: &Message, input_name: &str) -> Location {
    // `list.owner` is Nodemailer's `list` option, written as List-Owner.
    let list_field = input_name.strip_prefix("list.").map(|key| format!("List-{key}"));
    let header_name = match input_name {
        "replyTo" => "Reply-To",
        _ if list_field.is_some() => list_field.as_deref().unwrap_or_default(),
        other => other.strip_prefix("header:").unwrap_or(other),
    };
    // A name with a line break is written with a space for it (Nodemailer's mime-node).
    let flattened: String;
    let header_name = if header_name.contains(['\r', '\n']) {
        flattened = header_name.split(['\r', '\n']).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
        flattened.as_str()
    } else {
        header_name
    };
    match message.header(header_name) {
        Some(f) => Location::header(f.name.clone(), f.start, f.end),
        None => Location::message(),
    }
}

fn check(message: &Message, cx: &mut Context) {
    if message.origin == Origin::Raw {
        return;
    }
    check_input_fields(message, cx);
}

/// The input fields of a message built from them (compose fields, a PHP `mail()` call).
/// Out of line, so that a raw message's first lint does not compile it (#14 cold
/// start: V8 compiles a wasm function whole at its first call; `check` went from
/// 4,306 to 21 bytes of body, `tests/bench/first-lint-compiles.mjs`).
#[inline(never)]
fn check_input_fields(message: &Message, cx: &mut Context) {
    for field in &message.input_fields {
        // What the rule would report next is dropped (`Context::full`): each finding
        // looks its field up among the message's (`field_location`), so 50,000
        // compose headers each with a line break took 1.3 s in wasm (#13).
        if cx.full() {
            break;
        }
        if field.name == "additional_headers" {
            check_additional_headers(message, cx, &field.value);
            continue;
        }
        // A line break in the name (a header's or a `list` key's): Nodemailer normalises names (spaces, trimmed).
        let key_has_break =
            (field.name.starts_with("header:") || field.name.starts_with("list.")) && field.name.contains(['\r', '\n']);
        // PHP keeps only CRLF + SP/TAB as a fold in to and subject and turns a bare
        // CR or LF into a space, fold or not (SKIP_LONG_HEADER_SEP).
        let only_crlf_folds = message.origin == Origin::PhpMail && !field.written_as_given;
        let in_value = first_new_line(&field.value, only_crlf_folds);
        if in_value.is_none() && key_has_break {
            // The break is in the name: said of the name, with what follows it there.
            let name = field.name.strip_prefix("header:").unwrap_or(&field.name);
            let after = name.split(['\r', '\n']).filter(|p| !p.is_empty()).nth(1).unwrap_or_default().to_string();
            cx.emit(
                Draft::new(Msg::of(&FLATTENED_NAME).text("field", field.name.clone()).text("smuggled", after))
                    .severity(Severity::Info)
                    .evidence(field.name.as_str())
                    .at(field_location(message, &field.name)),
            );
            continue;
        }
        let Some(at) = in_value else {
            continue;
        };
        let smuggled = field.value[at..]
            .trim_start_matches(['\r', '\n', ' ', '\t'])
            .split(['\r', '\n'])
            .next()
            .unwrap_or_default()
            .to_string();
        let (text, severity) = if field.written_as_given && !key_has_break {
            (&LINE_BREAK, Severity::Error)
        } else {
            (&FLATTENED, Severity::Info)
        };
        cx.emit(
            Draft::new(Msg::of(text).text("field", field.name.clone()).text("smuggled", smuggled))
                .severity(severity)
                .evidence(&field.value)
                .at(field_location(message, &field.name)),
        );
    }
}

/// The offset of the first line break that starts a new line: a CR or LF not
/// followed by a space or TAB (a fold, CRLF + white space, continues the field:
/// RFC 5322 §2.2.3; PHP keeps it as written). With `only_crlf_folds`, a bare CR
/// or LF is never a fold (PHP's to and subject: it becomes a space there).
fn first_new_line(value: &str, only_crlf_folds: bool) -> Option<usize> {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b'\r' | b'\n') {
            let mut end = i + 1;
            if bytes[i] == b'\r' && bytes.get(end) == Some(&b'\n') {
                end += 1;
            }
            let crlf = end == i + 2;
            if !matches!(bytes.get(end), Some(b' ' | b'\t')) || (only_crlf_folds && !crlf) {
                return Some(i);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    None
}

fn check_additional_headers(message: &Message, cx: &mut Context, headers: &str) {
    let trimmed = headers.trim_end_matches(['\r', '\n']);
    let lines: Vec<&str> = trimmed.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            let rest = lines[i + 1..].join("\n");
            cx.emit(
                Draft::new(Msg::of(&BLANK_LINE).int("line", i + 1))
                    .evidence(rest)
                    .at(Location::range(message.header.end, message.header.body_start)),
            );
            return;
        }
        if line.starts_with([' ', '\t']) && i > 0 {
            continue;
        }
        let is_field = match line.find(':') {
            Some(colon) if colon > 0 => line[..colon].trim_end().bytes().all(|b| (33..=126).contains(&b)),
            _ => false,
        };
        if !is_field {
            let location = message
                .header
                .malformed
                .first()
                .map(|m| Location::range(m.start, m.end))
                .unwrap_or_else(Location::message);
            cx.emit(Draft::new(Msg::of(&NOT_A_HEADER).int("line", i + 1)).evidence(*line).at(location));
            return;
        }
    }
}
