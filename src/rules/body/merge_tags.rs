//! `body/merge-tags`: a template sent unrendered — `{{name}}`, `*|FNAME|*`,
//! `%recipient.name%`, `[FIRSTNAME]`, `$name` left in the subject or the text
//! the reader sees. Only tokens shaped like template variables count: `$5`,
//! `[1]` footnotes, `{…}` code and `[PATCH]` subject tags do not.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "body/merge-tags";
    summary => {
        en: "A template variable was left unrendered ({{name}}, *|FNAME|*, %recipient.name%…).",
        fr: "Une variable de modèle n'a pas été remplacée ({{name}}, *|FNAME|*, %recipient.name%…).",
        es: "Una variable de plantilla quedó sin sustituir ({{name}}, *|FNAME|*, %recipient.name%…).",
        pl: "Zmienna szablonu nie została podstawiona ({{name}}, *|FNAME|*, %recipient.name%…).",
    },
    why => {
        en: "Every recipient sees \"Hello {{first_name}}\": the message looks broken and automated, readers distrust it, and a merge that failed for the greeting may have failed for the links too.",
        fr: "Chaque destinataire lit « Bonjour {{first_name}} » : le message paraît cassé et automatique, les lecteurs s'en méfient, et une fusion qui a échoué pour la salutation a pu échouer aussi pour les liens.",
        es: "Cada destinatario lee «Hola {{first_name}}»: el mensaje parece roto y automático, los lectores desconfían, y una combinación que falló en el saludo puede haber fallado también en los enlaces.",
        pl: "Każdy odbiorca widzi „Dzień dobry {{first_name}}”: wiadomość wygląda na zepsutą i automatyczną, czytelnicy jej nie ufają, a scalanie, które zawiodło w powitaniu, mogło zawieść także w linkach.",
    },
    fix => {
        en: "Render the template before sending (check the variable names and the data source), or remove the placeholder.",
        fr: "Faites le rendu du modèle avant l'envoi (vérifiez les noms des variables et la source des données), ou retirez l'espace réservé.",
        es: "Procese la plantilla antes de enviar (revise los nombres de las variables y la fuente de datos), o quite el marcador.",
        pl: "Wypełnij szablon przed wysłaniem (sprawdź nazwy zmiennych i źródło danych) albo usuń symbol zastępczy.",
    },
    IN_SUBJECT "in-subject" => {
        en: "The subject contains unrendered template variables: {tokens}.",
        fr: "Le sujet contient des variables de modèle non remplacées : {tokens}.",
        es: "El asunto contiene variables de plantilla sin sustituir: {tokens}.",
        pl: "Temat zawiera niepodstawione zmienne szablonu: {tokens}.",
    },
    IN_BODY "in-body" => {
        en: "The text the reader sees contains unrendered template variables: {tokens}.",
        fr: "Le texte que voit le lecteur contient des variables de modèle non remplacées : {tokens}.",
        es: "El texto que ve el lector contiene variables de plantilla sin sustituir: {tokens}.",
        pl: "Tekst widoczny dla czytelnika zawiera niepodstawione zmienne szablonu: {tokens}.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Body,
    severity: Severity::Warning,
    evidence: &[Evidence::Ours(
        "no receiver publishes a rule, but the defect reaches every recipient; token shapes are those of Handlebars/Liquid ({{…}}), Mailchimp (*|…|*), Mailgun (%recipient.…%), bracketed field names and $field of PHP and Perl templates",
    )],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A greeting with {{first_name}}",
                fr: "Une salutation avec {{first_name}}",
                es: "Un saludo con {{first_name}}",
                pl: "Powitanie z {{first_name}}",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: Your order\n\nHello {{ first_name }}, your order *|ORDER_ID|* has shipped.\n"),
        ),
        Example::fails(
            title! {
                en: "Mailgun and bracket variables in the subject",
                fr: "Variables Mailgun et entre crochets dans le sujet",
                es: "Variables de Mailgun y entre corchetes en el asunto",
                pl: "Zmienne Mailgun i w nawiasach kwadratowych w temacie",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: [FIRSTNAME], %recipient.city% deals\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "Prices, footnotes, code and subject tags",
                fr: "Des prix, des notes, du code et des étiquettes de sujet",
                es: "Precios, notas, código y etiquetas de asunto",
                pl: "Ceny, przypisy, kod i znaczniki tematu",
            },
            ExampleInput::Raw("From: dev@example.org\nTo: list@example.org\nSubject: [PATCH] fix $HOME handling\n\nIt costs $5 (see [1]); 50% off. Use ${HOME} or function f(x) { return {a: 1}; } and %s.\n"),
        ),
    ],
    check: Check::Message(check),
};

/// Field names that `$name` and `[NAME]` tokens must use to count (lower-case,
/// without `_`): the fields of a mailing list, not shell or Perl variables.
const FIELD_WORDS: &[&str] = &[
    "name",
    "firstname",
    "lastname",
    "fullname",
    "fname",
    "lname",
    "email",
    "emailaddress",
    "username",
    "customername",
    "company",
    "salutation",
    "city",
    "recipient",
    "contact",
    "subscriber",
    "unsubscribe",
    "unsubscribelink",
    "prenom",
    "nombre",
    "imie",
];

/// Longest variable name read (default, ours: template fields are short).
const MAX_NAME: usize = 40;
/// Most tokens quoted in one finding.
const MAX_QUOTED: usize = 5;

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-'
}

/// The first `pattern` in `text` that starts at most `max_start` bytes in, as
/// `str::find` would give it when it is that close: a token is short, so no
/// search runs past it (an unbounded `find` at each opening mark of a text
/// with many of them and no closing one would be quadratic).
fn find_near(text: &str, pattern: &str, max_start: usize) -> Option<usize> {
    let window = text.as_bytes().get(..text.len().min(max_start + pattern.len()))?;
    window.windows(pattern.len()).position(|w| w == pattern.as_bytes())
}

/// Template variables in `text`, in order, without duplicates.
pub fn template_tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |t: &str| {
        if !out.iter().any(|o| o == t) {
            out.push(t.to_string());
        }
    };
    let b = text.as_bytes();
    // Only these bytes open a token (all ASCII, so `i` stays on a character
    // boundary); the next of each group is found with memchr, and searched
    // again only once passed, so each byte is looked at a bounded number of times.
    let find3 = |from: usize| memchr::memchr3(b'{', b'*', b'%', &b[from..]).map_or(b.len(), |p| from + p);
    let find2 = |from: usize| memchr::memchr2(b'[', b'$', &b[from..]).map_or(b.len(), |p| from + p);
    let (mut at3, mut at2) = (find3(0), find2(0));
    let mut i = 0;
    loop {
        if at3 < i {
            at3 = find3(i);
        }
        if at2 < i {
            at2 = find2(i);
        }
        i = at3.min(at2);
        if i >= b.len() {
            break;
        }
        let rest = &text[i..];
        let found = if rest.starts_with("{{") {
            // {{ name }} / {{contact.FIRSTNAME}}
            find_near(&rest[2..], "}}", MAX_NAME + 4).and_then(|e| {
                let inner = rest[2..2 + e].trim();
                (!inner.is_empty()
                    && inner.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && inner.chars().all(is_name_char))
                .then(|| &rest[..e + 4])
            })
        } else if rest.starts_with("*|") {
            // *|FNAME|* (Mailchimp)
            find_near(&rest[2..], "|*", MAX_NAME).filter(|&e| e >= 2).and_then(|e| {
                let inner = &rest[2..2 + e];
                inner
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == ':')
                    .then(|| &rest[..e + 4])
            })
        } else if rest.starts_with('%') {
            // %recipient.name% (Mailgun), %FIRSTNAME%
            find_near(&rest[1..], "%", MAX_NAME).filter(|&e| e >= 3).and_then(|e| {
                let inner = &rest[1..1 + e];
                let dotted = inner.contains('.') && inner.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
                let caps = inner.chars().all(|c| c.is_ascii_uppercase() || c == '_')
                    && inner.chars().any(|c| c.is_ascii_uppercase());
                (inner.chars().all(is_name_char) && (dotted || caps) && !inner.ends_with('.')).then(|| &rest[..e + 2])
            })
        } else if rest.starts_with('[') {
            // [FIRSTNAME], [First Name] only with a field word
            find_near(&rest[1..], "]", MAX_NAME).filter(|&e| e >= 3).and_then(|e| {
                let inner = &rest[1..1 + e];
                let shaped = inner.chars().all(|c| c.is_ascii_alphabetic() || c == '_' || c == ' ')
                    && (inner.chars().all(|c| !c.is_ascii_lowercase()) || inner.contains('_'));
                (shaped && is_field_word(inner.bytes().filter(u8::is_ascii_alphabetic))).then(|| &rest[..e + 2])
            })
        } else if rest.starts_with('$') {
            // $name, ${first_name} only with a field word
            let (inner, len) = match rest[1..].strip_prefix('{') {
                // A field word is letters: a name of letters, digits and `_` up
                // to `}` is the only kind that can match, so the name ends the search.
                Some(after) => {
                    let e = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
                    if after[e..].starts_with('}') {
                        (&after[..e], e + 3)
                    } else {
                        ("", 0)
                    }
                }
                None => {
                    let e =
                        rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len() - 1);
                    (&rest[1..1 + e], e + 1)
                }
            };
            let lower_or_camel = inner.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            (len > 1 && lower_or_camel && is_field_word(inner.bytes().filter(|&c| c != b'_'))).then(|| &rest[..len])
        } else {
            None
        };
        match found {
            Some(token) => {
                push(token);
                i += token.len();
            }
            None => i += 1,
        }
    }
    out
}

/// Whether these letters, lowercased, spell one of `FIELD_WORDS` (no allocation:
/// it runs at each `$` and `[` of a text).
fn is_field_word(letters: impl Iterator<Item = u8> + Clone) -> bool {
    FIELD_WORDS.iter().any(|w| letters.clone().map(|c| c.to_ascii_lowercase()).eq(w.bytes()))
}

fn check(message: &Message, cx: &mut Context) {
    let places =
        [(&IN_SUBJECT, message.subject.as_deref().unwrap_or_default()), (&IN_BODY, message.visible_text.as_str())];
    for (entry, text) in places {
        let tokens = template_tokens(text);
        if tokens.is_empty() {
            continue;
        }
        let quoted: Vec<&str> = tokens.iter().take(MAX_QUOTED).map(String::as_str).collect();
        let mut draft = Draft::new(Msg::of(entry).text("tokens", quoted.join(", "))).evidence(quoted.join(" "));
        if std::ptr::eq(entry, &IN_SUBJECT) {
            draft = draft.at(crate::rules::spam::subject_location(message));
        }
        cx.emit(draft);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_marks_without_a_close_within_a_name_find_nothing() {
        // Each search stops after the longest name (a text of 10^5 opening marks stays linear).
        assert!(template_tokens(&"{{ %[*|".repeat(100_000)).is_empty());
        let far = format!("{{{{{}}}}}", "a".repeat(MAX_NAME + 5));
        assert!(template_tokens(&far).is_empty());
        assert_eq!(template_tokens("${first_name} ${not a field}"), vec!["${first_name}"]);
    }

    #[test]
    fn only_template_shaped_tokens_count() {
        assert_eq!(
            template_tokens("Hi {{name}} and {{ contact.FIRSTNAME }}"),
            vec!["{{name}}", "{{ contact.FIRSTNAME }}"]
        );
        assert_eq!(
            template_tokens("*|FNAME|* %recipient.name% %FIRSTNAME% [FIRST_NAME] $firstName ${email}"),
            vec!["*|FNAME|*", "%recipient.name%", "%FIRSTNAME%", "[FIRST_NAME]", "$firstName", "${email}"]
        );
        for ham in [
            "$5 and $HOME and $i",
            "[1] [PATCH] [ILUG] [Name of the list]",
            "50% off 20%",
            "{ a: 1 } {{}} %s %d",
            "printf(\"%s.%d\")",
            "$$ $",
        ] {
            assert!(template_tokens(ham).is_empty(), "{ham}: {:?}", template_tokens(ham));
        }
    }
}
