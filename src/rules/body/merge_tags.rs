//! `body/merge-tags`: a template sent unrendered — `{{name}}`, `*|FNAME|*`,
//! `%recipient.name%`, `[FIRSTNAME]`, `$name` left in the subject or the text
//! the reader sees. Only tokens shaped like template variables count: `$5`,
//! `[1]` footnotes, `{…}` code and `[PATCH]` subject tags do not.
//!
//! The forms with a fallback or a filter count too, keyed on the variable
//! name, each as its ESP documents it: Liquid `{{ name | default: "x" }}` and
//! `{% if … %}` tags (Shopify's Liquid reference; Klaviyo, Braze, Iterable use
//! the same), SendGrid Marketing Campaigns `{{insert name "default=x"}}`
//! (Twilio changelog 2019-08-27), Mailjet `{{var:name:"x"}}` / `{{data:…}}`
//! (dev.mailjet.com template-language reference) and its bracketed
//! `[[data:name:"x"]]`, Salesforce Marketing Cloud personalization strings
//! `%%FirstName%%` and inline AMPscript `%%=v(@name)=%%`, Mailgun's
//! `%unsubscribe_url%`, `%tag_unsubscribe_url%`, `%mailing_list_unsubscribe_url%`
//! (Mailgun "Tracking messages"), Campaign Monitor's `[firstname,fallback=x]`.
//!
//! Text an HTML body shows as code (`<code>`, `<pre>`, `<kbd>`, `<samp>`) is
//! not read: a developer newsletter or a template's documentation shows
//! `{{ user.name }}` there on purpose. A plain-text body is read whole: nothing
//! in it marks code without guessing.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;
use std::borrow::Cow;

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
    evidence: &[
        Evidence::Ours(
            "no receiver publishes a rule, but the defect reaches every recipient; token shapes are those of Handlebars/Liquid ({{…}}), Mailchimp (*|…|*), Mailgun (%recipient.…%), bracketed field names and $field of PHP and Perl templates",
        ),
        Evidence::Receiver(
            "the forms with a fallback as the ESPs document them: Shopify Liquid reference (filters/default: {{ product.url | default: … }}; tags in {% %}); Twilio SendGrid changelog 2019-08-27 ({{ insert first_name \"default=Customer\" }}); dev.mailjet.com template-language reference ({{var:namevar:defaultvalue}}); Salesforce Marketing Cloud personalization strings (%%FirstName%%, inline AMPscript %%=…=%%); Mailgun Tracking messages (%unsubscribe_url%, %tag_unsubscribe_url%, %mailing_list_unsubscribe_url%); Campaign Monitor-style [fullname,fallback=] tags",
        ),
        Evidence::Ours("text an HTML body shows as code (<code>, <pre>, <kbd>, <samp>) is not read: it is shown on purpose"),
    ],
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
        Example::passes(
            title! {
                en: "Template code shown on purpose in <code> and <pre>",
                fr: "Du code de gabarit montré exprès dans <code> et <pre>",
                es: "Código de plantilla mostrado a propósito en <code> y <pre>",
                pl: "Kod szablonu celowo pokazany w <code> i <pre>",
            },
            ExampleInput::Raw("From: dev@my-site.example\nTo: b@example.org\nSubject: Templates 101\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body><p>Write <code>{{ user.name }}</code> to greet the reader:</p><pre>Hello {{ first_name | default: \"there\" }}</pre></body></html>\n"),
        ),
        Example::fails(
            title! {
                en: "A Liquid fallback left unrendered in the HTML text",
                fr: "Une valeur de repli Liquid non rendue dans le texte HTML",
                es: "Un valor por defecto de Liquid sin procesar en el texto HTML",
                pl: "Nieprzetworzona wartość domyślna Liquid w tekście HTML",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body><p>Hi {{ customer.first_name | default: \"there\" }},</p><p>Example: <code>{{ user.name }}</code></p></body></html>\n"),
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
/// Longest template expression read: a name with a filter and its fallback,
/// a Liquid tag (default, ours: `{{ customer.first_name | default: "there" }}` is 42).
const MAX_EXPRESSION: usize = 100;

/// Liquid tag names (Shopify's Liquid reference, "Tags"): `{% name … %}` is a
/// template statement, never prose.
const LIQUID_TAGS: &[&str] = &[
    "if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for", "endfor", "break",
    "continue", "cycle", "tablerow", "endtablerow", "assign", "capture", "endcapture", "increment", "decrement",
    "comment", "endcomment", "raw", "endraw", "include", "render", "echo", "liquid",
];

/// Mailgun's own variables (Mailgun "Tracking messages", unsubscribe variables).
const MAILGUN_VARIABLES: &[&str] = &["unsubscribe_url", "tag_unsubscribe_url", "mailing_list_unsubscribe_url"];

/// Whether the inside of `{{…}}` is a template expression on a variable: a
/// name (`first_name`, `contact.FIRSTNAME`) alone or followed by a Liquid
/// filter (`| default: "x"`); SendGrid's `insert name "default=x"`; Mailjet's
/// `var:name:"x"` / `data:name`.
fn is_expression(inner: &str) -> bool {
    if inner.contains(['{', '}', '\n', '\r']) {
        return false;
    }
    let (inner, insert) = match inner.strip_prefix("insert ") {
        Some(rest) => (rest.trim_start(), true),
        None => (inner, false),
    };
    let (inner, mailjet) = match inner.strip_prefix("var:").or_else(|| inner.strip_prefix("data:")) {
        Some(rest) => (rest, true),
        None => (inner, false),
    };
    let end = inner.find(|c: char| !is_name_char(c)).unwrap_or(inner.len());
    let (name, tail) = inner.split_at(end);
    if name.len() > MAX_NAME || !name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let tail = tail.trim_start();
    tail.is_empty()
        || (tail.starts_with('|') && !tail.starts_with("||") && !insert && !mailjet)
        || (insert && tail.starts_with('"'))
        || (mailjet && name.len() == end && inner[end..].starts_with(':'))
}
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

/// The bytes that open a token: `{`, `*`, `%`, `[` and `$` (all ASCII, so a
/// place found is on a character boundary).
const OPENERS: [u8; 5] = [b'{', b'*', b'%', b'[', b'$'];

/// The next byte of `OPENERS` at or after a place, each byte of the text looked
/// at a bounded number of times. Natively two vector searches (memchr3 and
/// memchr2), each one's next place kept until passed; in the wasm one search
/// eight bytes a step as the lanes of a `u64` with three tests a block, not five
/// (`[` and `{` differ only in 0x20, `$` and `%` only in 0x01: #14, the two
/// searches were 4 % of a 10 MB English lint in Node).
struct Openers<'t> {
    bytes: &'t [u8],
    /// Natively: the next `{`, `*` or `%`, and the next `[` or `$`, from the last search.
    next: (usize, usize),
}

impl<'t> Openers<'t> {
    fn new(bytes: &'t [u8]) -> Openers<'t> {
        let next = match crate::text::WASM {
            true => (0, 0),
            false => (Openers::three(bytes, 0), Openers::two(bytes, 0)),
        };
        Openers { bytes, next }
    }

    fn three(bytes: &[u8], from: usize) -> usize {
        memchr::memchr3(b'{', b'*', b'%', &bytes[from..]).map_or(bytes.len(), |p| from + p)
    }

    fn two(bytes: &[u8], from: usize) -> usize {
        memchr::memchr2(b'[', b'$', &bytes[from..]).map_or(bytes.len(), |p| from + p)
    }

    /// The first opener at `from` or after it, or the text's length.
    fn at_or_after(&mut self, from: usize) -> usize {
        let b = self.bytes;
        let Some(rest) = b.get(from..) else { return b.len() };
        if crate::text::WASM {
            return crate::text::first_hit(rest, opener_lanes, |byte| OPENERS.contains(&byte)).map_or(b.len(), |p| from + p);
        }
        let (three, two) = &mut self.next;
        if *three < from {
            *three = Openers::three(b, from);
        }
        if *two < from {
            *two = Openers::two(b, from);
        }
        (*three).min(*two)
    }
}

/// The high bit of each lane of a block of eight that is an opener, exactly up
/// to the first (`crate::text::first_hit`'s contract).
fn opener_lanes(eight: &[u8; 8]) -> u64 {
    use crate::text::{first_zero_lanes as zeros, HIGH, ONES};
    let x = u64::from_le_bytes(*eight);
    let brackets = zeros((x | ONES * 0x20) ^ ONES * u64::from(b'{'));
    let money_or_percent = zeros((x | ONES) ^ ONES * u64::from(b'%'));
    (brackets | money_or_percent | zeros(x ^ ONES * u64::from(b'*'))) & HIGH
}

/// Template variables in `text`, in order, without duplicates.
pub fn template_tokens(text: &str) -> Vec<String> {
    // A text with no opener (most) holds none: the reading below is not called,
    // nor compiled by V8 for the first lint of a message without one (#14).
    let mut openers = Openers::new(text.as_bytes());
    let first = openers.at_or_after(0);
    if first >= text.len() {
        return Vec::new();
    }
    tokens_from(text, openers, first)
}

/// `template_tokens` of a text whose first opener (of `openers`) is at `first`.
#[inline(never)]
fn tokens_from<'t>(text: &'t str, mut openers: Openers<'t>, first: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |t: &str| {
        if !out.iter().any(|o| o == t) {
            out.push(t.to_string());
        }
    };
    let b = text.as_bytes();
    let mut i = first;
    loop {
        i = openers.at_or_after(i);
        if i >= b.len() {
            break;
        }
        let rest = &text[i..];
        let found = if rest.starts_with("{{") {
            // {{ name }} / {{contact.FIRSTNAME}} / {{ name | default: "x" }} / {{insert name "default=x"}}
            find_near(&rest[2..], "}}", MAX_EXPRESSION).and_then(|e| {
                let inner = rest[2..2 + e].trim();
                is_expression(inner).then(|| &rest[..e + 4])
            })
        } else if rest.starts_with("{%") {
            // {% if customer.first_name %} (Liquid tags; `{%-` trims white space)
            find_near(&rest[2..], "%}", MAX_EXPRESSION).and_then(|e| {
                let raw = &rest[2..2 + e];
                let word = raw.trim_matches(|c: char| c == '-' || c.is_whitespace()).split_whitespace().next()?;
                (!raw.contains('\n') && LIQUID_TAGS.contains(&word)).then(|| &rest[..e + 4])
            })
        } else if rest.starts_with("%%=") {
            // %%=v(@name)=%% (inline AMPscript)
            find_near(&rest[3..], "=%%", MAX_EXPRESSION)
                .filter(|&e| e > 0 && !rest[3..3 + e].contains('\n'))
                .map(|e| &rest[..e + 6])
        } else if rest.starts_with("%%") {
            // %%FirstName%% (Marketing Cloud personalization string)
            find_near(&rest[2..], "%%", MAX_NAME).filter(|&e| e >= 2).and_then(|e| {
                let inner = &rest[2..2 + e];
                (inner.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                .then(|| &rest[..e + 4])
            })
        } else if rest.starts_with("[[") {
            // [[data:firstname:"there"]] / [[var:name]] (Mailjet)
            find_near(&rest[2..], "]]", MAX_EXPRESSION).and_then(|e| {
                let inner = &rest[2..2 + e];
                let mailjet = inner.starts_with("data:") || inner.starts_with("var:");
                (mailjet && is_expression(inner)).then(|| &rest[..e + 4])
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
                let mailgun = MAILGUN_VARIABLES.contains(&inner);
                (inner.chars().all(is_name_char) && (dotted || caps || mailgun) && !inner.ends_with('.'))
                    .then(|| &rest[..e + 2])
            })
        } else if rest.starts_with('[') {
            // [FIRSTNAME], [First Name] only with a field word; [firstname,fallback=x] (Campaign Monitor)
            find_near(&rest[1..], "]", MAX_EXPRESSION).filter(|&e| e >= 3).and_then(|e| {
                let inner = &rest[1..1 + e];
                if let Some((name, _)) = inner.split_once(",fallback=") {
                    let named = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                    return (named && !inner.contains('\n')).then(|| &rest[..e + 2]);
                }
                if e > MAX_NAME {
                    return None;
                }
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
    // The text the reader sees, without what an HTML body shows as code: the
    // analysed visible text itself when no body shows any (the usual case).
    let body: Cow<str> = if message.html.iter().all(|h| h.facts.code_ranges.is_empty()) {
        Cow::Borrowed(message.visible_text())
    } else {
        Cow::Owned(message.html.iter().map(|h| h.facts.prose()).collect::<Vec<_>>().join("\n"))
    };
    let places = [(&IN_SUBJECT, message.subject.as_deref().unwrap_or_default()), (&IN_BODY, body.as_ref())];
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
    fn openers_are_found_as_a_byte_at_a_time_finds_them() {
        // The wasm's lanes and the native searches, each from every place in turn.
        let one_by_one = |b: &[u8], from: usize| b[from..].iter().position(|c| OPENERS.contains(c)).map_or(b.len(), |p| from + p);
        // The openers, the bytes either side of them, and bytes past ASCII.
        let pieces = ["{", "*", "%", "[", "$", "a", " ", "[[", "{{", "%%", "*|", "|", "\\", ";", "Z", "\x04", "\x05", "\x0a", "\x0b", "\x2b",
            "\x3b", "\x5a", "\x7a", "\x7f", "é", "€", "\u{5b5b}", "ab cd ef gh ij kl mn op"];
        let mut hits = 0;
        crate::text::generated_texts(&pieces, 3_000, 60, |text| {
            let b = text.as_bytes();
            let mut native = Openers::new(b);
            for from in 0..=b.len() {
                let expected = one_by_one(b, from);
                let lanes = crate::text::first_hit(&b[from..], opener_lanes, |byte| OPENERS.contains(&byte)).map_or(b.len(), |p| from + p);
                assert_eq!(lanes, expected, "{text:?} {from}");
                assert_eq!(native.at_or_after(from), expected, "{text:?} {from}");
                hits += usize::from(expected == from);
            }
        });
        assert!(hits > 10_000, "{hits}");
        // Every byte value in every place of two blocks.
        for byte in 0..=255u8 {
            for at in 0..16 {
                let mut blocks = [b'a'; 16];
                blocks[at] = byte;
                let found = crate::text::first_hit(&blocks, opener_lanes, |c| OPENERS.contains(&c));
                assert_eq!(found, OPENERS.contains(&byte).then_some(at), "{byte:#x} at {at}");
            }
        }
    }

    #[test]
    fn opening_marks_without_a_close_within_a_name_find_nothing() {
        // Each search stops after the longest name (a text of 10^5 opening marks stays linear).
        assert!(template_tokens(&"{{ %[*|".repeat(100_000)).is_empty());
        let far = format!("{{{{{}}}}}", "a".repeat(MAX_NAME + 5));
        assert!(template_tokens(&far).is_empty());
        assert_eq!(template_tokens("${first_name} ${not a field}"), vec!["${first_name}"]);
    }

    /// The tester's forms (stop 36), each as its ESP documents it.
    #[test]
    fn forms_with_a_fallback_or_a_filter_count() {
        for (text, token) in [
            ("Hi {{ customer.first_name | default: \"there\" }},", "{{ customer.first_name | default: \"there\" }}"),
            ("Hi {{ first_name|default:'friend' }}!", "{{ first_name|default:'friend' }}"),
            ("{%- if customer.first_name -%}Hi{% endif %}", "{%- if customer.first_name -%}"),
            ("Hi {{insert first_name \"default=there\"}},", "{{insert first_name \"default=there\"}}"),
            ("Hi {{var:firstname:\"there\"}}", "{{var:firstname:\"there\"}}"),
            ("Hi %%FirstName%%,", "%%FirstName%%"),
            ("Hi %%=v(@name)=%%,", "%%=v(@name)=%%"),
            ("Unsubscribe: %unsubscribe_url%", "%unsubscribe_url%"),
            ("Hi [firstname,fallback=there],", "[firstname,fallback=there]"),
            ("Hi [[data:firstname:\"there\"]],", "[[data:firstname:\"there\"]]"),
        ] {
            assert_eq!(template_tokens(text).first().map(String::as_str), Some(token), "{text}");
        }
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
            "{{ a b }} {{#if x}} {{ | }} {% not a tag %}x",
            "100%% sure%% and %%% %% %%",
            "[[1]] [[Main Page]] [a,fallback]",
            "{% endif\n %}",
        ] {
            assert!(template_tokens(ham).is_empty(), "{ham}: {:?}", template_tokens(ham));
        }
    }
}
