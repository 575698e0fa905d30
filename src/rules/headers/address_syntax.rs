//! `headers/address-syntax`: the address fields follow RFC 5322 §3.4 (mailbox,
//! name-addr, addr-spec, group). Obsolete forms of §4.4 (source routes, dots
//! in unquoted display names, comments inside addresses) are information:
//! readers accept them, generators must not produce them. From is a mailbox
//! list and Sender one mailbox (§3.6.2): a group there is reported. An address
//! written inside RFC 2047 encoded words (§5 (3) forbids them in an addr-spec)
//! has its own message. Only From is an error: a refusal is documented for an
//! unreadable From (Gmail), none for Sender, Reply-To or the recipient fields.

use crate::grammar::address::{AddressConcern, AddressProblem};
use crate::grammar::lexer::LexProblem;
use crate::grammar::Level;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/address-syntax";
    summary => {
        en: "An address field (From, To, Cc, Reply-To…) does not follow the RFC 5322 address syntax.",
        fr: "Un champ d'adresse (From, To, Cc, Reply-To…) ne suit pas la syntaxe d'adresse de la RFC 5322.",
        es: "Un campo de dirección (From, To, Cc, Reply-To…) no sigue la sintaxis de direcciones del RFC 5322.",
        pl: "Pole adresowe (From, To, Cc, Reply-To…) nie jest zgodne ze składnią adresów RFC 5322.",
    },
    why => {
        en: "Servers and filters parse addresses strictly: a malformed one is refused, rewritten or makes the message look forged, and the guides say a header that breaks the e-mail RFCs is treated as spam. Obsolete forms are still read but must not be produced.",
        fr: "Les serveurs et les filtres analysent les adresses strictement : une adresse mal formée est refusée, réécrite ou fait paraître le message falsifié, et les guides disent qu'un en-tête qui enfreint les RFC du courrier est traité comme du spam. Les formes obsolètes sont encore lues mais ne doivent plus être produites.",
        es: "Los servidores y filtros analizan las direcciones con rigor: una mal formada se rechaza, se reescribe o hace que el mensaje parezca falsificado, y las guías dicen que una cabecera que incumple los RFC del correo se trata como spam. Las formas obsoletas aún se leen pero no deben generarse.",
        pl: "Serwery i filtry ściśle analizują adresy: błędny adres zostaje odrzucony, przepisany lub sprawia, że wiadomość wygląda na sfałszowaną, a przewodniki mówią, że nagłówek łamiący RFC poczty jest traktowany jako spam. Formy przestarzałe są nadal czytane, ale nie wolno ich tworzyć.",
    },
    fix => {
        en: "Write each address as name@domain or \"Display Name\" <name@domain>, separated by commas; quote display names that contain . , : ; @ or parentheses (RFC 5322 §3.4).",
        fr: "Écrivez chaque adresse sous la forme nom@domaine ou \"Nom affiché\" <nom@domaine>, séparées par des virgules ; mettez entre guillemets les noms contenant . , : ; @ ou des parenthèses (RFC 5322 §3.4).",
        es: "Escriba cada dirección como nombre@dominio o \"Nombre visible\" <nombre@dominio>, separadas por comas; ponga entre comillas los nombres que contengan . , : ; @ o paréntesis (RFC 5322 §3.4).",
        pl: "Zapisz każdy adres jako nazwa@domena lub \"Nazwa wyświetlana\" <nazwa@domena>, oddzielając przecinkami; nazwy zawierające . , : ; @ lub nawiasy ujmij w cudzysłów (RFC 5322 §3.4).",
    },
    INVALID "invalid" => {
        en: "{field}: {problem} ({count} in this field).",
        fr: "{field} : {problem} ({count} dans ce champ).",
        es: "{field}: {problem} ({count} en este campo).",
        pl: "{field}: {problem} ({count} w tym polu).",
    },
    OBSOLETE "obsolete" => {
        en: "{field}: {problem} — obsolete syntax that readers accept but senders must not produce ({count} in this field).",
        fr: "{field} : {problem} — syntaxe obsolète que les lecteurs acceptent mais que les expéditeurs ne doivent pas produire ({count} dans ce champ).",
        es: "{field}: {problem} — sintaxis obsoleta que los lectores aceptan pero que los remitentes no deben generar ({count} en este campo).",
        pl: "{field}: {problem} — przestarzała składnia, którą czytniki akceptują, ale nadawcom nie wolno jej tworzyć ({count} w tym polu).",
    },
    FIX_OBSOLETE "fix-obsolete" => {
        en: "Quote the display name and write the address without comments or spaces inside it (RFC 5322 §3.4, §4.4).",
        fr: "Mettez le nom affiché entre guillemets et écrivez l'adresse sans commentaire ni espace à l'intérieur (RFC 5322 §3.4, §4.4).",
        es: "Ponga el nombre visible entre comillas y escriba la dirección sin comentarios ni espacios dentro (RFC 5322 §3.4, §4.4).",
        pl: "Ujmij nazwę wyświetlaną w cudzysłów i zapisz adres bez komentarzy i spacji w środku (RFC 5322 §3.4, §4.4).",
    },
    ENCODED "encoded" => {
        en: "{field}: the address is written inside RFC 2047 encoded words (=?…?=); RFC 2047 §5 (3) forbids them in an address, so a parser finds no valid address in the field.",
        fr: "{field} : l'adresse est écrite à l'intérieur de mots encodés RFC 2047 (=?…?=) ; la RFC 2047 §5 (3) les interdit dans une adresse, si bien qu'un analyseur ne trouve aucune adresse valide dans le champ.",
        es: "{field}: la dirección está escrita dentro de palabras codificadas RFC 2047 (=?…?=); el RFC 2047 §5 (3) las prohíbe en una dirección, así que un analizador no encuentra ninguna dirección válida en el campo.",
        pl: "{field}: adres zapisano wewnątrz słów kodowanych RFC 2047 (=?…?=); RFC 2047 §5 (3) zabrania ich w adresie, więc parser nie znajduje w tym polu poprawnego adresu.",
    },
    FIX_ENCODED "fix-encoded" => {
        en: "Encode only the display name and write the address as is: =?utf-8?Q?Tienda_Mu=C3=B1oz?= <shop@example.com> (RFC 2047 §5 (3)). PHPMailer's addCustomHeader() encodes a whole value that holds non-ASCII characters, and with mail() one longer than about 47 characters: pass the name already encoded and send with isSMTP().",
        fr: "N'encodez que le nom affiché et écrivez l'adresse telle quelle : =?utf-8?Q?Tienda_Mu=C3=B1oz?= <boutique@example.com> (RFC 2047 §5 (3)). addCustomHeader() de PHPMailer encode toute une valeur qui contient des caractères non ASCII et, avec mail(), toute valeur de plus de 47 caractères environ : passez le nom déjà encodé et envoyez avec isSMTP().",
        es: "Codifique solo el nombre visible y escriba la dirección tal cual: =?utf-8?Q?Tienda_Mu=C3=B1oz?= <tienda@example.com> (RFC 2047 §5 (3)). addCustomHeader() de PHPMailer codifica todo un valor que contiene caracteres no ASCII y, con mail(), todo valor de más de unos 47 caracteres: pase el nombre ya codificado y envíe con isSMTP().",
        pl: "Zakoduj tylko nazwę wyświetlaną, a adres zapisz bez zmian: =?utf-8?Q?Tienda_Mu=C3=B1oz?= <sklep@example.com> (RFC 2047 §5 (3)). addCustomHeader() w PHPMailer koduje całą wartość zawierającą znaki spoza ASCII, a przy mail() także każdą dłuższą niż około 47 znaków: przekaż nazwę już zakodowaną i wysyłaj przez isSMTP().",
    },
    GROUP_NOT_ALLOWED "group-not-allowed" => {
        en: "{field} holds a group (name: …;), but it only takes mailboxes (RFC 5322 §3.6.2).",
        fr: "{field} contient un groupe (nom: …;), mais il n'accepte que des adresses (RFC 5322 §3.6.2).",
        es: "{field} contiene un grupo (nombre: …;), pero solo admite direcciones (RFC 5322 §3.6.2).",
        pl: "{field} zawiera grupę (nazwa: …;), a przyjmuje tylko adresy skrzynek (RFC 5322 §3.6.2).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Error,
    evidence: &[
        super::GMAIL_RFC_5322,
        Evidence::Ours("an error only in From, whose refusal is documented (Gmail, above: a missing or unreadable From); a broken Sender, Reply-To, Resent-* or recipient field is a warning: no receiver is documented to refuse a message for it, and DMARC reads From alone (RFC 7489 §3.1)"),
        Evidence::Receiver("GMX and web.de refuse a message whose To field holds no address: 554 \"Transaction failed … Reject due to policy restrictions\", the reason given being that the header field To \"is syntactically not correct\" (postmaster.gmx.net case r0735; bounces quoted in nextcloud/mail issues #11368 and #13665, an empty To: and a Cc-only message); Gmail delivered the same message, so a recipient field that does not read stays a warning (a recipient lost, some receivers refuse), not an error"),
        Evidence::Rfc("RFC 5322 §3.4 address syntax; §3.6.2 From is a mailbox-list, Sender a mailbox; §4.4 obsolete forms must not be generated"),
        Evidence::Rfc("RFC 2047 §5 (3): \"An 'encoded-word' MUST NOT appear in any portion of an 'addr-spec'\": an address inside encoded words (PHPMailer 6.6 addCustomHeader() encodes a whole value with non-ASCII characters, and with mail() any value over 63 characters with the encoding's overhead) is one finding, not the pieces its words make"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::ADDRESS_INVALID,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A name without an address",
                fr: "Un nom sans adresse",
                es: "Un nombre sin dirección",
                pl: "Nazwa bez adresu",
            },
            ExampleInput::Raw("From: Website Contact Form\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An unquoted display name with an @",
                fr: "Un nom affiché sans guillemets contenant un @",
                es: "Un nombre visible sin comillas con una @",
                pl: "Nazwa wyświetlana bez cudzysłowu zawierająca @",
            },
            ExampleInput::Raw("From: a@example.com <a@example.com>\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Two dots in a row",
                fr: "Deux points de suite",
                es: "Dos puntos seguidos",
                pl: "Dwie kropki z rzędu",
            },
            ExampleInput::Raw("From: a..b@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An unclosed angle bracket",
                fr: "Un chevron jamais fermé",
                es: "Un corchete angular sin cerrar",
                pl: "Niezamknięty nawias ostrokątny",
            },
            ExampleInput::Raw("From: Alice <a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An underscore in the domain",
                fr: "Un tiret bas dans le domaine",
                es: "Un guion bajo en el dominio",
                pl: "Podkreślenie w domenie",
            },
            ExampleInput::Raw("From: a@mail_server.example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A dot in an unquoted display name (obsolete: info)",
                fr: "Un point dans un nom affiché sans guillemets (obsolète : information)",
                es: "Un punto en un nombre visible sin comillas (obsoleto: información)",
                pl: "Kropka w nazwie wyświetlanej bez cudzysłowu (przestarzałe: informacja)",
            },
            ExampleInput::Raw("From: J. Smith <j@example.com>\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A group in From",
                fr: "Un groupe dans From",
                es: "Un grupo en From",
                pl: "Grupa w polu From",
            },
            ExampleInput::Raw("From: Team: a@example.com, c@example.com;\nSender: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A Sender whose address PHPMailer wrote inside encoded words (a warning: no refusal is documented for Sender)",
                fr: "Un Sender dont PHPMailer a écrit l'adresse dans des mots encodés (un avertissement : aucun refus n'est documenté pour Sender)",
                es: "Un Sender cuya dirección PHPMailer escribió dentro de palabras codificadas (una advertencia: no hay rechazo documentado para Sender)",
                pl: "Sender, którego adres PHPMailer zapisał wewnątrz słów kodowanych (ostrzeżenie: dla Sender nie udokumentowano odrzuceń)",
            },
            ExampleInput::Raw("From: jose@talleres-munoz.example\nSender: =?utf-8?Q?Tienda_Mu=C3=B1oz_<tienda@talleres-munoz.example?=\n =?utf-8?Q?>?=\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A broken Reply-To is a warning",
                fr: "Un Reply-To cassé est un avertissement",
                es: "Un Reply-To roto es una advertencia",
                pl: "Uszkodzone Reply-To to ostrzeżenie",
            },
            ExampleInput::Raw("From: a@example.com\nReply-To: Support <help@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Warning),
        Example::passes(
            title! {
                en: "Quoted display name with a comma, a group in To, a comment",
                fr: "Un nom affiché entre guillemets avec une virgule, un groupe dans To, un commentaire",
                es: "Un nombre visible entre comillas con una coma, un grupo en To, un comentario",
                pl: "Nazwa wyświetlana w cudzysłowie z przecinkiem, grupa w To, komentarz",
            },
            ExampleInput::Raw("From: \"Smith, John\" <john@example.com>\nTo: undisclosed-recipients:;\nCc: a@example.com (Alice), \"B. Jones\" <b@example.org>\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "UTF-8 address (RFC 6532)",
                fr: "Adresse en UTF-8 (RFC 6532)",
                es: "Dirección en UTF-8 (RFC 6532)",
                pl: "Adres w UTF-8 (RFC 6532)",
            },
            ExampleInput::Raw("From: j\u{f6}rg@b\u{fc}cher.example\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "An empty Bcc (RFC 5322 §3.6.3)",
                fr: "Un Bcc vide (RFC 5322 §3.6.3)",
                es: "Un Bcc vacío (RFC 5322 §3.6.3)",
                pl: "Puste pole Bcc (RFC 5322 §3.6.3)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nBcc:\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (field, list) in message.address_fields() {
        let is_bcc = field.is("Bcc");
        let problems: Vec<_> = list
            .problems
            .iter()
            .copied()
            .filter(|p| p.kind.concern() == AddressConcern::Syntax)
            .filter(|p| !(is_bcc && p.kind == AddressProblem::Empty))
            // Raw 8-bit bytes are `headers/raw-8bit`'s concern.
            .filter(|p| p.kind != AddressProblem::Lex(LexProblem::InvalidUtf8))
            .collect();
        // A `"` or `[` never closed takes the rest of the field with it: what the
        // parser then finds in it ("words without an @", a literal that is not an
        // IPv4 address) follows from that one defect and would say something false
        // of text that is fine (`alice@[192.0.2.1`). Only lexical problems are kept there.
        let unclosed = problems
            .iter()
            .filter(|p| {
                matches!(
                    p.kind,
                    AddressProblem::Lex(LexProblem::UnclosedQuotedString | LexProblem::UnclosedDomainLiteral)
                )
            })
            .map(|p| p.start)
            .min();
        let problems: Vec<_> = match unclosed {
            Some(from) => problems.into_iter().filter(|p| matches!(p.kind, AddressProblem::Lex(_)) || p.end <= from).collect(),
            None => problems,
        };
        // An unreadable From is refused like a missing one (Gmail); no refusal is
        // documented for any other field: a recipient is lost, a Sender or
        // Reply-To ignored, a warning.
        let invalid = if super::refused_when_unusable(field) { Severity::Error } else { Severity::Warning };
        super::emit_grouped(cx, message, 0, field, &problems, |kind, count| {
            if kind == AddressProblem::EncodedAddress {
                let draft = Draft::new(Msg::of(&ENCODED).text("field", field.name.clone()));
                return Some(draft.fix(Msg::of(&FIX_ENCODED)).severity(invalid));
            }
            let problem = super::grammar_texts::address_problem(kind);
            let (id, severity) = match kind.level() {
                Level::Invalid => (&INVALID, invalid),
                Level::Obsolete => (&OBSOLETE, Severity::Info),
            };
            let mut draft =
                Draft::new(Msg::of(id).text("field", field.name.clone()).label("problem", problem).int("count", count))
                    .severity(severity);
            if kind.level() == Level::Obsolete {
                draft = draft.fix(Msg::of(&FIX_OBSOLETE));
            }
            Some(draft)
        });
        let mailbox_only =
            field.is("From") || field.is("Sender") || field.is("Resent-From") || field.is("Resent-Sender");
        if let (true, Some(&(start, end))) = (mailbox_only, list.groups.first()) {
            cx.emit(
                Draft::new(Msg::of(&GROUP_NOT_ALLOWED).text("field", field.name.clone()))
                    .evidence(super::field_text(message, field))
                    .at(super::value_location(field, start, end))
                    .severity(invalid),
            );
        }
    }
}
