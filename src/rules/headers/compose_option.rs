//! `headers/compose-option`: compose input whose message the check cannot see
//! whole. The engine renders every Nodemailer message option that changes the
//! bytes sent (`src/input/compose`); what it cannot render (`dkim`,
//! `attachDataUrls`, `normalizeHeaderKey`), keys that are no Nodemailer option
//! at all (a typo such as `atachments`, which Nodemailer ignores as silently;
//! inside a part or `envelope` too, by path, with the close known key),
//! and fields given beside `raw` (which Nodemailer does not send) are said
//! here, so nothing the script wrote is dropped without a word. So is a `list`
//! entry meant as RFC 8058's List-Unsubscribe-Post (`list.unsubscribePost`):
//! MailMessage `_getListHeaders` makes every entry a field named after its key
//! (`List-Unsubscribepost`) whose value is a URL in angle brackets
//! (`<http://List-Unsubscribe=One-Click>`), never the field RFC 8058 asks for.
//! So is an address object with no address, a group (`{ name, group }`)
//! above all, which Nodemailer drops with its addresses (`src/input/compose`,
//! `Address::NoAddress`).

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

/// Most option names one finding lists (ours: a typo or two is the common
/// case; an object of thousands of unknown keys is named by its first ones).
pub const MAX_NAMED_OPTIONS: usize = 20;

crate::rule_texts! { "headers/compose-option";
    summary => {
        en: "Compose input holds options the checked message does not show.",
        fr: "Les champs du message contiennent des options que le message vérifié ne montre pas.",
        es: "Los campos del mensaje contienen opciones que el mensaje comprobado no muestra.",
        pl: "Pola wiadomości zawierają opcje, których sprawdzona wiadomość nie pokazuje.",
    },
    why => {
        en: "The check renders the message Nodemailer would send from the fields and judges that. An option it cannot render changes the real message in a way the check did not see; a key that is no Nodemailer option (often a misspelt one) is ignored by Nodemailer too, so what it was meant to add is not sent; fields given beside raw are not sent either.",
        fr: "La vérification construit le message que Nodemailer enverrait à partir des champs et juge celui-là. Une option qu'elle ne sait pas construire modifie le vrai message sans qu'elle le voie ; une clé qui n'est pas une option de Nodemailer (souvent une faute de frappe) est ignorée aussi par Nodemailer, et ce qu'elle devait ajouter ne part pas ; les champs donnés à côté de raw ne partent pas non plus.",
        es: "La comprobación construye el mensaje que Nodemailer enviaría a partir de los campos y evalúa ese mensaje. Una opción que no sabe construir cambia el mensaje real sin que ella lo vea; una clave que no es una opción de Nodemailer (a menudo mal escrita) también la ignora Nodemailer, así que lo que debía añadir no se envía; los campos dados junto a raw tampoco se envían.",
        pl: "Sprawdzenie buduje z pól wiadomość, którą wysłałby Nodemailer, i ocenia właśnie ją. Opcja, której nie umie zbudować, zmienia prawdziwą wiadomość w sposób dla niego niewidoczny; klucz, który nie jest opcją Nodemailera (często z literówką), Nodemailer też pomija, więc to, co miał dodać, nie zostaje wysłane; pola podane obok raw również nie są wysyłane.",
    },
    fix => {
        en: "Correct misspelt option names (Nodemailer's message options: nodemailer.com/message), and check the message with the option's effect another way (lint the raw message Nodemailer's streamTransport gives).",
        fr: "Corrigez les noms d'options mal orthographiés (options de message de Nodemailer : nodemailer.com/message), et vérifiez l'effet de l'option autrement (vérifiez le message brut que donne le streamTransport de Nodemailer).",
        es: "Corrija los nombres de opción mal escritos (opciones de mensaje de Nodemailer: nodemailer.com/message) y compruebe el efecto de la opción de otro modo (compruebe el mensaje sin procesar que da el streamTransport de Nodemailer).",
        pl: "Popraw błędnie zapisane nazwy opcji (opcje wiadomości Nodemailera: nodemailer.com/message), a skutek opcji sprawdź inaczej (sprawdź surową wiadomość, którą zwraca streamTransport Nodemailera).",
    },
    NOT_RENDERED "not-rendered" => {
        en: "{options}: Nodemailer changes the message sent for {count, plural, one {this option} other {these options}}, which the check does not render; that part of the message was not checked.",
        fr: "{options} : Nodemailer modifie le message envoyé selon {count, plural, one {cette option} other {ces options}}, que la vérification ne construit pas ; cette partie du message n'a pas été vérifiée.",
        es: "{options}: Nodemailer cambia el mensaje enviado según {count, plural, one {esta opción} other {estas opciones}}, que la comprobación no construye; esa parte del mensaje no se ha comprobado.",
        pl: "{options}: Nodemailer zmienia wysyłaną wiadomość zgodnie z {count, plural, one {tą opcją, której} few {tymi opcjami, których} many {tymi opcjami, których} other {tymi opcjami, których}} sprawdzenie nie buduje; ta część wiadomości nie została sprawdzona.",
    },
    UNKNOWN "unknown" => {
        en: "{options}: {count, plural, one {not a Nodemailer message option; Nodemailer ignores it} other {not Nodemailer message options; Nodemailer ignores them}}, and so did the check.",
        fr: "{options} : {count, plural, one {ce n'est pas une option de message de Nodemailer ; Nodemailer l'ignore} other {ce ne sont pas des options de message de Nodemailer ; Nodemailer les ignore}}, la vérification aussi.",
        es: "{options}: {count, plural, one {no es una opción de mensaje de Nodemailer; Nodemailer la ignora} other {no son opciones de mensaje de Nodemailer; Nodemailer las ignora}}, y la comprobación también.",
        pl: "{options}: {count, plural, one {to nie jest opcja wiadomości Nodemailera; Nodemailer ją pomija} few {to nie są opcje wiadomości Nodemailera; Nodemailer je pomija} many {to nie są opcje wiadomości Nodemailera; Nodemailer je pomija} other {to nie są opcje wiadomości Nodemailera; Nodemailer je pomija}}, sprawdzenie również.",
    },
    UNKNOWN_CLOSE "unknown-close" => {
        en: "{option}: not a Nodemailer message option; did you mean {suggestion}? Nodemailer ignores it, and so did the check.",
        fr: "{option} : ce n'est pas une option de message de Nodemailer ; vouliez-vous dire {suggestion} ? Nodemailer l'ignore, la vérification aussi.",
        es: "{option}: no es una opción de mensaje de Nodemailer; ¿quería decir {suggestion}? Nodemailer la ignora, y la comprobación también.",
        pl: "{option}: to nie jest opcja wiadomości Nodemailera; czy chodziło o {suggestion}? Nodemailer ją pomija, sprawdzenie również.",
    },
    REPLACED_BY_RAW "replaced-by-raw" => {
        en: "Beside raw: {options}. Nodemailer sends the raw message as it is, without {count, plural, one {this field} other {these fields}}; the raw message is what was checked.",
        fr: "À côté de raw : {options}. Nodemailer envoie le message brut tel quel, sans {count, plural, one {ce champ} other {ces champs}} ; c'est le message brut qui a été vérifié.",
        es: "Junto a raw: {options}. Nodemailer envía el mensaje sin procesar tal cual, sin {count, plural, one {este campo} other {estos campos}}; lo comprobado es el mensaje sin procesar.",
        pl: "Obok raw: {options}. Nodemailer wysyła surową wiadomość bez zmian, bez {count, plural, one {tego pola} few {tych pól} many {tych pól} other {tych pól}}; sprawdzona została surowa wiadomość.",
    },
    UNSUBSCRIBE_POST "unsubscribe-post" => {
        en: "{option}: Nodemailer writes every list entry as a URL in angle brackets, in a field named after the key ({field}); no receiver reads that as RFC 8058 one-click unsubscribe, which needs exactly List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
        fr: "{option} : Nodemailer écrit chaque entrée de list comme une URL entre chevrons, dans un champ nommé d'après la clé ({field}) ; aucun destinataire n'y lit le désabonnement en un clic de la RFC 8058, qui demande exactement List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
        es: "{option}: Nodemailer escribe cada entrada de list como una URL entre ángulos, en un campo con el nombre de la clave ({field}); ningún receptor lo lee como la baja en un clic del RFC 8058, que requiere exactamente List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
        pl: "{option}: Nodemailer zapisuje każdą pozycję list jako URL w nawiasach ostrych, w polu nazwanym od klucza ({field}); żaden odbiorca nie odczyta tego jako wypisania jednym kliknięciem z RFC 8058, które wymaga dokładnie List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
    },
    UNSUBSCRIBE_POST_NONE "unsubscribe-post-none" => {
        en: "{option}: Nodemailer writes no field for this entry; RFC 8058 one-click unsubscribe needs exactly List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
        fr: "{option} : Nodemailer n'écrit aucun champ pour cette entrée ; le désabonnement en un clic de la RFC 8058 demande exactement List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
        es: "{option}: Nodemailer no escribe ningún campo para esta entrada; la baja en un clic del RFC 8058 requiere exactamente List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
        pl: "{option}: Nodemailer nie zapisuje dla tej pozycji żadnego pola; wypisanie jednym kliknięciem z RFC 8058 wymaga dokładnie List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
    },
    ADDRESS_GROUP "address-group" => {
        en: "{options}: {count, plural, one {an address object with no address (a group: name and group) is} other {address objects with no address (groups: name and group) are}} not sent: Nodemailer keeps an address object only when its address is set, so neither the field nor the envelope holds the group's addresses, and they receive nothing.",
        fr: "{options} : {count, plural, one {un objet d'adresse sans adresse (un groupe : name et group) n'est pas envoyé} other {des objets d'adresse sans adresse (des groupes : name et group) ne sont pas envoyés}} : Nodemailer ne garde un objet d'adresse que si son adresse est donnée, donc ni le champ ni l'enveloppe ne contiennent les adresses du groupe, qui ne reçoivent rien.",
        es: "{options}: {count, plural, one {un objeto de dirección sin dirección (un grupo: name y group) no se envía} other {los objetos de dirección sin dirección (grupos: name y group) no se envían}}: Nodemailer solo conserva un objeto de dirección si tiene la dirección, así que ni el campo ni el sobre contienen las direcciones del grupo, que no reciben nada.",
        pl: "{options}: {count, plural, one {obiekt adresu bez adresu (grupa: name i group) nie zostaje wysłany} few {obiekty adresu bez adresu (grupy: name i group) nie zostają wysłane} many {obiekty adresu bez adresu (grupy: name i group) nie zostają wysłane} other {obiekty adresu bez adresu (grupy: name i group) nie zostają wysłane}}: Nodemailer zachowuje obiekt adresu tylko wtedy, gdy podano w nim adres, więc ani pole, ani koperta nie zawierają adresów grupy i nic do nich nie dociera.",
    },
    ADDRESS_GROUP_FIX "address-group-fix" => {
        en: "Write the group as text, which Nodemailer sends as an RFC 5322 §3.4 group: `to: 'Team: a@example.com, b@example.com;'`, or give its addresses as a list.",
        fr: "Écrivez le groupe en texte, que Nodemailer envoie comme un groupe de la RFC 5322 §3.4 : `to: 'Équipe: a@example.com, b@example.com;'`, ou donnez ses adresses en liste.",
        es: "Escriba el grupo como texto, que Nodemailer envía como un grupo del RFC 5322 §3.4: `to: 'Equipo: a@example.com, b@example.com;'`, o dé sus direcciones como una lista.",
        pl: "Zapisz grupę jako tekst, który Nodemailer wysyła jako grupę z RFC 5322 §3.4: `to: 'Zespół: a@example.com, b@example.com;'`, albo podaj jej adresy jako listę.",
    },
    UNSUBSCRIBE_POST_FIX "unsubscribe-post-fix" => {
        en: "Set the field with the headers option: `headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }`, and remove the list entry.",
        fr: "Posez le champ avec l'option headers : `headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }`, et retirez l'entrée de list.",
        es: "Ponga el campo con la opción headers: `headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }`, y quite la entrada de list.",
        pl: "Ustaw pole opcją headers: `headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }` i usuń pozycję z list.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Info,
    evidence: &[
        Evidence::Ours("information: the options change what is sent, not whether it is delivered; the note keeps an unrendered or misspelt option from passing in silence (Nodemailer ignores unknown message options without a word, lib/mail-composer and lib/mailer/mail-message.js read only the names they know)"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A misspelt attachments option",
                fr: "Une option attachments mal orthographiée",
                es: "Una opción attachments mal escrita",
                pl: "Błędnie zapisana opcja attachments",
            },
            ExampleInput::Compose(r#"{"from": "a@example.com", "to": "b@example.com", "subject": "Invoice", "text": "See the attached invoice.", "atachments": [{"filename": "invoice.pdf", "content": "JVBERi0="}]}"#),
        ),
        Example::fails(
            title! {
                en: "Fields given beside a DKIM signing option and a raw message",
                fr: "Des champs donnés à côté d'une option de signature DKIM et d'un message brut",
                es: "Campos dados junto a una opción de firma DKIM y un mensaje sin procesar",
                pl: "Pola podane obok opcji podpisu DKIM i surowej wiadomości",
            },
            ExampleInput::Compose(r#"{"from": "a@example.com", "subject": "Hi", "dkim": {"domainName": "example.com", "keySelector": "s1", "privateKey": "..."}, "raw": "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nDate: Mon, 5 Jan 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n\r\nHello\r\n"}"#),
        )
        .times(2),
        Example::fails(
            title! {
                en: "One-click unsubscribe asked through the list option",
                fr: "Le désabonnement en un clic demandé par l'option list",
                es: "La baja en un clic pedida con la opción list",
                pl: "Wypisanie jednym kliknięciem zamówione opcją list",
            },
            ExampleInput::Compose(r#"{"from": "news@example.com", "to": "b@example.com", "subject": "News", "text": "Hello", "list": {"unsubscribe": "https://example.com/u/1", "unsubscribePost": "List-Unsubscribe=One-Click"}}"#),
        ),
        Example::fails(
            title! {
                en: "An address group given as an object, which Nodemailer drops",
                fr: "Un groupe d'adresses donné comme objet, que Nodemailer abandonne",
                es: "Un grupo de direcciones dado como objeto, que Nodemailer descarta",
                pl: "Grupa adresów podana jako obiekt, którą Nodemailer pomija",
            },
            ExampleInput::Compose(r#"{"from": "a@example.com", "to": ["b@example.com", {"name": "Team", "group": [{"address": "c@example.com"}, {"address": "d@example.com"}]}], "subject": "Hi", "text": "Hello"}"#),
        ),
        Example::passes(
            title! {
                en: "Options that change nothing in the bytes sent (envelope, dsn)",
                fr: "Des options qui ne changent rien aux octets envoyés (envelope, dsn)",
                es: "Opciones que no cambian nada en los bytes enviados (envelope, dsn)",
                pl: "Opcje, które nie zmieniają wysyłanych bajtów (envelope, dsn)",
            },
            ExampleInput::Compose(r#"{"from": "a@example.com", "to": "b@example.com", "subject": "Hi", "text": "Hello", "envelope": {"from": "bounce@example.com", "to": "b@example.com"}, "dsn": {"notify": "failure"}}"#),
        ),
    ],
    check: Check::Message(check),
};

/// `names`, as many as `MAX_NAMED_OPTIONS`, each shown visibly, then how many more.
fn named(names: &[String], more: usize) -> String {
    let mut shown: Vec<String> = names.iter().take(MAX_NAMED_OPTIONS).map(|n| crate::error::quoted(n)).collect();
    let hidden = names.len().saturating_sub(MAX_NAMED_OPTIONS) + more;
    if hidden > 0 {
        shown.push(format!("+{hidden}"));
    }
    shown.join(", ")
}

fn check(message: &Message, cx: &mut Context) {
    let notes = &message.input_notes;
    let list = |cx: &mut Context, entry, names: &[String], more: usize| {
        if names.is_empty() && more == 0 {
            return;
        }
        let options = named(names, more);
        cx.emit(
            Draft::new(Msg::of(entry).text("options", options.clone()).int("count", names.len() + more))
                .evidence(options)
                .at(Location::message()),
        );
    };
    list(cx, &NOT_RENDERED, &notes.not_rendered, 0);
    for (option, suggestion) in notes.close.iter().take(MAX_NAMED_OPTIONS) {
        let option = crate::error::quoted(option);
        cx.emit(
            Draft::new(Msg::of(&UNKNOWN_CLOSE).text("option", option.clone()).text("suggestion", crate::error::quoted(suggestion)))
                .evidence(option)
                .at(Location::message()),
        );
    }
    // Close names beyond those said one by one are listed with the others.
    let beyond = notes.close.iter().skip(MAX_NAMED_OPTIONS).map(|(name, _)| name.clone());
    let unknown: Vec<String> = notes.unknown.iter().cloned().chain(beyond).collect();
    list(cx, &UNKNOWN, &unknown, notes.unknown_more);
    list(cx, &REPLACED_BY_RAW, &notes.replaced_by_raw, 0);
    for (option, field) in notes.unsubscribe_post.iter().take(MAX_NAMED_OPTIONS) {
        let option = crate::error::quoted(option);
        let msg = match field {
            Some(field) => Msg::of(&UNSUBSCRIBE_POST).text("option", option.clone()).text("field", crate::error::quoted(field)),
            None => Msg::of(&UNSUBSCRIBE_POST_NONE).text("option", option.clone()),
        };
        cx.emit(
            Draft::new(msg)
                .evidence(field.clone().unwrap_or(option))
                .at(Location::message())
                .fix(Msg::of(&UNSUBSCRIBE_POST_FIX)),
        );
    }
    if !notes.address_groups.is_empty() {
        let options = named(&notes.address_groups, 0);
        cx.emit(
            Draft::new(Msg::of(&ADDRESS_GROUP).text("options", options.clone()).int("count", notes.address_groups.len()))
                .evidence(options)
                .at(Location::message())
                .fix(Msg::of(&ADDRESS_GROUP_FIX)),
        );
    }
}
