//! The names of the grammar problems that `headers/*` findings quote
//! ("a comment opened with ( is never closed"), in the four languages, and the
//! one place that maps each problem of `crate::grammar` to its label: the
//! matches are exhaustive, so a new kind of problem does not compile without one.

use crate::grammar::address::AddressProblem;
use crate::grammar::date::DateProblem;
use crate::grammar::encoded_word::EncodedWordProblem;
use crate::grammar::lexer::LexProblem;
use crate::grammar::mime::MimeProblem;
use crate::grammar::msg_id::MsgIdProblem;
use crate::i18n::Entry;

crate::label_texts! { "headers/grammar.";
    ADDRESS_UNCLOSED_COMMENT "address.unclosed-comment" => {
        en: "a comment opened with ( is never closed",
        fr: "un commentaire ouvert par ( n'est jamais fermé",
        es: "un comentario abierto con ( nunca se cierra",
        pl: "komentarz otwarty nawiasem ( nie został zamknięty",
    },
    ADDRESS_UNOPENED_COMMENT "address.unopened-comment" => {
        en: "a ) closes no comment",
        fr: "une ) ne ferme aucun commentaire",
        es: "un ) no cierra ningún comentario",
        pl: "nawias ) nie zamyka żadnego komentarza",
    },
    ADDRESS_UNCLOSED_QUOTE "address.unclosed-quote" => {
        en: "a quoted string is never closed",
        fr: "une chaîne entre guillemets n'est jamais fermée",
        es: "una cadena entre comillas nunca se cierra",
        pl: "ciąg w cudzysłowie nie został zamknięty",
    },
    ADDRESS_UNCLOSED_LITERAL "address.unclosed-literal" => {
        en: "a [ is never closed",
        fr: "un [ n'est jamais fermé",
        es: "un [ nunca se cierra",
        pl: "nawias [ nie został zamknięty",
    },
    ADDRESS_LINE_BREAK "address.line-break" => {
        en: "a line break that is not a fold",
        fr: "un saut de ligne qui n'est pas un repli",
        es: "un salto de línea que no es un plegado",
        pl: "znak nowego wiersza, który nie jest zawinięciem",
    },
    ADDRESS_BAD_BYTE "address.bad-byte" => {
        en: "a byte that is not allowed (NUL, invalid UTF-8, final backslash)",
        fr: "un octet interdit (NUL, UTF-8 invalide, barre oblique inverse finale)",
        es: "un byte no permitido (NUL, UTF-8 no válido, barra invertida final)",
        pl: "niedozwolony bajt (NUL, błędne UTF-8, końcowy ukośnik wsteczny)",
    },
    ADDRESS_OBSOLETE_CONTROL "address.obsolete-control" => {
        en: "a control character inside quotes or a comment",
        fr: "un caractère de contrôle entre guillemets ou dans un commentaire",
        es: "un carácter de control entre comillas o en un comentario",
        pl: "znak sterujący w cudzysłowie lub komentarzu",
    },
    ADDRESS_OBSOLETE_FWS "address.obsolete-fws" => {
        en: "a folded line made only of spaces",
        fr: "une ligne repliée faite uniquement d'espaces",
        es: "una línea plegada formada solo por espacios",
        pl: "zawinięty wiersz złożony z samych spacji",
    },
    ADDRESS_EMPTY "address.empty" => {
        en: "no address",
        fr: "aucune adresse",
        es: "ninguna dirección",
        pl: "brak adresu",
    },
    ADDRESS_MISSING_AT "address.missing-at" => {
        en: "words without an @: not an address",
        fr: "des mots sans @ : ce n'est pas une adresse",
        es: "palabras sin @: no es una dirección",
        pl: "słowa bez @: to nie jest adres",
    },
    ADDRESS_EMPTY_LOCAL_PART "address.empty-local-part" => {
        en: "nothing before the @",
        fr: "rien avant le @",
        es: "nada antes de la @",
        pl: "nic przed @",
    },
    ADDRESS_EMPTY_DOMAIN "address.empty-domain" => {
        en: "nothing after the @",
        fr: "rien après le @",
        es: "nada después de la @",
        pl: "nic po @",
    },
    ADDRESS_MISPLACED_DOT "address.misplaced-dot" => {
        en: "a dot at the start or end, or two dots in a row",
        fr: "un point au début ou à la fin, ou deux points de suite",
        es: "un punto al principio o al final, o dos puntos seguidos",
        pl: "kropka na początku lub końcu albo dwie kropki z rzędu",
    },
    ADDRESS_UNEXPECTED "address.unexpected" => {
        en: "a character that cannot be here",
        fr: "un caractère qui ne peut pas être là",
        es: "un carácter que no puede estar ahí",
        pl: "znak, który nie może się tu znaleźć",
    },
    ADDRESS_UNCLOSED_ANGLE "address.unclosed-angle" => {
        en: "a < without its >",
        fr: "un < sans son >",
        es: "un < sin su >",
        pl: "znak < bez zamykającego >",
    },
    ADDRESS_NESTED_GROUP "address.nested-group" => {
        en: "a group inside a group",
        fr: "un groupe dans un groupe",
        es: "un grupo dentro de un grupo",
        pl: "grupa wewnątrz grupy",
    },
    ADDRESS_UNCLOSED_GROUP "address.unclosed-group" => {
        en: "a group without its closing ;",
        fr: "un groupe sans son ; final",
        es: "un grupo sin su ; de cierre",
        pl: "grupa bez zamykającego ;",
    },
    ADDRESS_NAME_NEEDS_QUOTING "address.name-needs-quoting" => {
        en: "a display name with special characters that must be quoted",
        fr: "un nom affiché avec des caractères spéciaux qui doit être entre guillemets",
        es: "un nombre visible con caracteres especiales que debe ir entre comillas",
        pl: "nazwa wyświetlana ze znakami specjalnymi, którą trzeba ująć w cudzysłów",
    },
    ADDRESS_OBSOLETE_PHRASE "address.obsolete-phrase" => {
        en: "an unquoted dot in the display name",
        fr: "un point sans guillemets dans le nom affiché",
        es: "un punto sin comillas en el nombre visible",
        pl: "kropka bez cudzysłowu w nazwie wyświetlanej",
    },
    ADDRESS_OBSOLETE_LOCAL_PART "address.obsolete-local-part" => {
        en: "quoted strings joined by dots before the @",
        fr: "des chaînes entre guillemets jointes par des points avant le @",
        es: "cadenas entre comillas unidas por puntos antes de la @",
        pl: "ciągi w cudzysłowie połączone kropkami przed @",
    },
    ADDRESS_OBSOLETE_CFWS "address.obsolete-cfws" => {
        en: "comments or spaces inside the address",
        fr: "des commentaires ou des espaces à l'intérieur de l'adresse",
        es: "comentarios o espacios dentro de la dirección",
        pl: "komentarze lub spacje wewnątrz adresu",
    },
    ADDRESS_OBSOLETE_ROUTE "address.obsolete-route" => {
        en: "a source route (<@host:…>)",
        fr: "une route source (<@hôte:…>)",
        es: "una ruta de origen (<@host:…>)",
        pl: "trasa źródłowa (<@host:…>)",
    },
    ADDRESS_OBSOLETE_EMPTY_ELEMENT "address.obsolete-empty-element" => {
        en: "an empty element in the list (two commas in a row)",
        fr: "un élément vide dans la liste (deux virgules de suite)",
        es: "un elemento vacío en la lista (dos comas seguidas)",
        pl: "pusty element listy (dwa przecinki z rzędu)",
    },
    ADDRESS_DOMAIN_NOT_HOSTNAME "address.domain-not-hostname" => {
        en: "a domain with characters other than letters, digits and hyphens",
        fr: "un domaine avec des caractères autres que lettres, chiffres et tirets",
        es: "un dominio con caracteres distintos de letras, cifras y guiones",
        pl: "domena ze znakami innymi niż litery, cyfry i łączniki",
    },
    ADDRESS_DOMAIN_LABEL_HYPHEN "address.domain-label-hyphen" => {
        en: "a domain label that starts or ends with a hyphen",
        fr: "un label de domaine qui commence ou finit par un tiret",
        es: "una etiqueta de dominio que empieza o termina con guion",
        pl: "etykieta domeny zaczynająca się lub kończąca łącznikiem",
    },
    ADDRESS_BAD_ADDRESS_LITERAL "address.bad-address-literal" => {
        en: "a [ ] domain that is not an IPv4 or IPv6 address",
        fr: "un domaine [ ] qui n'est pas une adresse IPv4 ou IPv6",
        es: "un dominio [ ] que no es una dirección IPv4 o IPv6",
        pl: "domena [ ], która nie jest adresem IPv4 ani IPv6",
    },
    ADDRESS_LOCAL_PART_TOO_LONG "address.local-part-too-long" => {
        en: "the part before the @ is too long",
        fr: "la partie avant le @ est trop longue",
        es: "la parte anterior a la @ es demasiado larga",
        pl: "część przed @ jest za długa",
    },
    ADDRESS_DOMAIN_TOO_LONG "address.domain-too-long" => {
        en: "the domain is too long",
        fr: "le domaine est trop long",
        es: "el dominio es demasiado largo",
        pl: "domena jest za długa",
    },
    ADDRESS_LABEL_TOO_LONG "address.label-too-long" => {
        en: "a domain label is too long",
        fr: "un label de domaine est trop long",
        es: "una etiqueta de dominio es demasiado larga",
        pl: "etykieta domeny jest za długa",
    },
    ADDRESS_ADDRESS_TOO_LONG "address.address-too-long" => {
        en: "the address is too long",
        fr: "l'adresse est trop longue",
        es: "la dirección es demasiado larga",
        pl: "adres jest za długi",
    },
    ADDRESS_INVALID_IDN "address.invalid-idn" => {
        en: "an invalid internationalised domain",
        fr: "un domaine internationalisé invalide",
        es: "un dominio internacionalizado no válido",
        pl: "błędna umiędzynarodowiona domena",
    },
    ADDRESS_ENCODED_ADDRESS "address.encoded-address" => {
        en: "the address inside RFC 2047 encoded words",
        fr: "l'adresse à l'intérieur de mots encodés RFC 2047",
        es: "la dirección dentro de palabras codificadas RFC 2047",
        pl: "adres wewnątrz słów kodowanych RFC 2047",
    },
    DATE_SYNTAX "date.syntax" => {
        en: "it is not in the form Mon, 2 Mar 2026 10:00:00 +0100",
        fr: "elle n'a pas la forme Mon, 2 Mar 2026 10:00:00 +0100",
        es: "no tiene la forma Mon, 2 Mar 2026 10:00:00 +0100",
        pl: "nie ma postaci Mon, 2 Mar 2026 10:00:00 +0100",
    },
    DATE_BAD_DAY_NAME "date.bad-day-name" => {
        en: "the day name is not Mon…Sun followed by a comma",
        fr: "le jour n'est pas Mon…Sun suivi d'une virgule",
        es: "el día no es Mon…Sun seguido de una coma",
        pl: "nazwa dnia nie jest jedną z Mon…Sun z przecinkiem",
    },
    DATE_BAD_MONTH "date.bad-month" => {
        en: "the month is not Jan…Dec",
        fr: "le mois n'est pas Jan…Dec",
        es: "el mes no es Jan…Dec",
        pl: "miesiąc nie jest jednym z Jan…Dec",
    },
    DATE_OUT_OF_RANGE "date.out-of-range" => {
        en: "a day, hour, minute, second or zone is out of range",
        fr: "un jour, une heure, une minute, une seconde ou un fuseau est hors limites",
        es: "un día, hora, minuto, segundo o zona está fuera de rango",
        pl: "dzień, godzina, minuta, sekunda lub strefa jest poza zakresem",
    },
    DATE_YEAR_BEFORE_1900 "date.year-before-1900" => {
        en: "the year is before 1900",
        fr: "l'année est antérieure à 1900",
        es: "el año es anterior a 1900",
        pl: "rok jest wcześniejszy niż 1900",
    },
    DATE_WEEKDAY_MISMATCH "date.weekday-mismatch" => {
        en: "the day name does not match the date",
        fr: "le jour ne correspond pas à la date",
        es: "el día no coincide con la fecha",
        pl: "nazwa dnia nie zgadza się z datą",
    },
    DATE_OBSOLETE_YEAR "date.obsolete-year" => {
        en: "a year with two or three digits",
        fr: "une année sur deux ou trois chiffres",
        es: "un año de dos o tres cifras",
        pl: "rok zapisany dwiema lub trzema cyframi",
    },
    DATE_OBSOLETE_ZONE "date.obsolete-zone" => {
        en: "a zone written as a name (GMT, EST…) instead of +hhmm",
        fr: "un fuseau écrit en nom (GMT, EST…) au lieu de +hhmm",
        es: "una zona escrita como nombre (GMT, EST…) en lugar de +hhmm",
        pl: "strefa zapisana nazwą (GMT, EST…) zamiast +hhmm",
    },
    DATE_ONE_DIGIT_TIME "date.one-digit-time" => {
        en: "an hour, minute or second written with one digit",
        fr: "une heure, une minute ou une seconde écrite avec un seul chiffre",
        es: "una hora, un minuto o un segundo escrito con una sola cifra",
        pl: "godzina, minuta lub sekunda zapisana jedną cyfrą",
    },
    DATE_TRAILING_TEXT "date.trailing-text" => {
        en: "text after the time zone",
        fr: "du texte après le fuseau horaire",
        es: "texto después de la zona horaria",
        pl: "tekst po strefie czasowej",
    },
    DATE_UNCLOSED_COMMENT "date.unclosed-comment" => {
        en: "a comment opened with ( is never closed",
        fr: "un commentaire ouvert par ( n'est jamais fermé",
        es: "un comentario abierto con ( nunca se cierra",
        pl: "komentarz otwarty nawiasem ( nie został zamknięty",
    },
    MSG_ID_UNCLOSED_COMMENT "msg-id.unclosed-comment" => {
        en: "a comment opened with ( is never closed",
        fr: "un commentaire ouvert par ( n'est jamais fermé",
        es: "un comentario abierto con ( nunca se cierra",
        pl: "komentarz otwarty nawiasem ( nie został zamknięty",
    },
    MSG_ID_EMPTY "msg-id.empty" => {
        en: "no identifier",
        fr: "aucun identifiant",
        es: "ningún identificador",
        pl: "brak identyfikatora",
    },
    MSG_ID_SYNTAX "msg-id.syntax" => {
        en: "not an identifier of the form <id@domain>",
        fr: "pas un identifiant de la forme <id@domaine>",
        es: "no es un identificador de la forma <id@dominio>",
        pl: "to nie jest identyfikator postaci <id@domena>",
    },
    MSG_ID_SEVERAL_IDS "msg-id.several-ids" => {
        en: "more than one identifier",
        fr: "plus d'un identifiant",
        es: "más de un identificador",
        pl: "więcej niż jeden identyfikator",
    },
    MSG_ID_OBSOLETE_PHRASE "msg-id.obsolete-phrase" => {
        en: "words between the identifiers",
        fr: "des mots entre les identifiants",
        es: "palabras entre los identificadores",
        pl: "słowa między identyfikatorami",
    },
    MSG_ID_OBSOLETE_FORM "msg-id.obsolete-form" => {
        en: "spaces, comments or quotes inside <…>",
        fr: "des espaces, commentaires ou guillemets dans <…>",
        es: "espacios, comentarios o comillas dentro de <…>",
        pl: "spacje, komentarze lub cudzysłowy wewnątrz <…>",
    },
    ENCODED_WORD_UNTERMINATED "encoded-word.unterminated" => {
        en: "an encoded word without its closing ?=",
        fr: "un mot encodé sans son ?= final",
        es: "una palabra codificada sin su ?= de cierre",
        pl: "słowo kodowane bez zamykającego ?=",
    },
    ENCODED_WORD_UNKNOWN_CHARSET "encoded-word.unknown-charset" => {
        en: "an encoded word in a charset readers do not know",
        fr: "un mot encodé dans un jeu de caractères inconnu des lecteurs",
        es: "una palabra codificada en un juego de caracteres que los lectores no conocen",
        pl: "słowo kodowane w kodowaniu nieznanym czytnikom",
    },
    ENCODED_WORD_UNKNOWN_ENCODING "encoded-word.unknown-encoding" => {
        en: "an encoding other than B or Q",
        fr: "un encodage autre que B ou Q",
        es: "una codificación distinta de B o Q",
        pl: "kodowanie inne niż B lub Q",
    },
    ENCODED_WORD_BAD_BASE64 "encoded-word.bad-base64" => {
        en: "B-encoded text that is not valid base64",
        fr: "un texte encodé B qui n'est pas du base64 valide",
        es: "texto codificado en B que no es base64 válido",
        pl: "tekst kodowany B, który nie jest poprawnym base64",
    },
    ENCODED_WORD_BAD_Q "encoded-word.bad-q" => {
        en: "Q-encoded text with a bad =XX or a forbidden character",
        fr: "un texte encodé Q avec un =XX incorrect ou un caractère interdit",
        es: "texto codificado en Q con un =XX incorrecto o un carácter prohibido",
        pl: "tekst kodowany Q z błędnym =XX lub niedozwolonym znakiem",
    },
    ENCODED_WORD_BROKEN_CHARACTERS "encoded-word.broken-characters" => {
        en: "a word whose decoded bytes are not whole characters of its charset (a character split across two words, or bytes the charset does not have)",
        fr: "un mot dont les octets décodés ne forment pas des caractères entiers de son jeu de caractères (un caractère coupé entre deux mots, ou des octets que ce jeu n'a pas)",
        es: "una palabra cuyos bytes decodificados no son caracteres completos de su juego de caracteres (un carácter partido entre dos palabras, o bytes que ese juego no tiene)",
        pl: "słowo, którego zdekodowane bajty nie tworzą całych znaków jego kodowania znaków (znak rozdzielony między dwa słowa albo bajty, których to kodowanie nie zawiera)",
    },
    ENCODED_WORD_NOT_SEPARATED "encoded-word.not-separated" => {
        en: "a word run into the text before it, with no space between (RFC 2047 §5 (1))",
        fr: "un mot collé au texte qui le précède, sans espace (RFC 2047 §5 (1))",
        es: "una palabra pegada al texto anterior, sin espacio (RFC 2047 §5 (1))",
        pl: "słowo sklejone z poprzedzającym tekstem, bez spacji (RFC 2047 §5 (1))",
    },
    ENCODED_WORD_IN_ADDR_SPEC "encoded-word.in-addr-spec" => {
        en: "a word inside the address itself, which is taken literally (RFC 2047 §5 (3))",
        fr: "un mot dans l'adresse elle-même, qui est prise telle quelle (RFC 2047 §5 (3))",
        es: "una palabra dentro de la propia dirección, que se toma literalmente (RFC 2047 §5 (3))",
        pl: "słowo wewnątrz samego adresu, który jest brany dosłownie (RFC 2047 §5 (3))",
    },
    ENCODED_WORD_TOO_LONG "encoded-word.too-long" => {
        en: "an encoded word longer than 75 characters",
        fr: "un mot encodé de plus de 75 caractères",
        es: "una palabra codificada de más de 75 caracteres",
        pl: "słowo kodowane dłuższe niż 75 znaków",
    },
    ENCODED_WORD_IN_QUOTED_STRING "encoded-word.in-quoted-string" => {
        en: "an encoded word inside quotes, which RFC 2047 forbids and readers decode anyway",
        fr: "un mot encodé entre guillemets, ce que la RFC 2047 interdit et que les lecteurs décodent quand même",
        es: "una palabra codificada entre comillas, algo que el RFC 2047 prohíbe y que los lectores decodifican de todos modos",
        pl: "słowo kodowane w cudzysłowie, czego RFC 2047 zabrania, a czytniki i tak je dekodują",
    },
    MIME_BAD_TYPE "mime.bad-type" => {
        en: "the type is missing or not a valid token",
        fr: "le type manque ou n'est pas un token valide",
        es: "falta el tipo o no es un token válido",
        pl: "brak typu lub nie jest on poprawnym tokenem",
    },
    MIME_MISSING_SUBTYPE "mime.missing-subtype" => {
        en: "the type has no /subtype",
        fr: "le type n'a pas de /sous-type",
        es: "el tipo no tiene /subtipo",
        pl: "typ nie ma /podtypu",
    },
    MIME_BAD_PARAMETER "mime.bad-parameter" => {
        en: "a parameter without = or without a value",
        fr: "un paramètre sans = ou sans valeur",
        es: "un parámetro sin = o sin valor",
        pl: "parametr bez = lub bez wartości",
    },
    MIME_VALUE_NEEDS_QUOTING "mime.value-needs-quoting" => {
        en: "a value with spaces or special characters that is not quoted",
        fr: "une valeur avec des espaces ou des caractères spéciaux qui n'est pas entre guillemets",
        es: "un valor con espacios o caracteres especiales que no está entre comillas",
        pl: "wartość ze spacjami lub znakami specjalnymi bez cudzysłowu",
    },
    MIME_MISSING_SEMICOLON "mime.missing-semicolon" => {
        en: "text after a value with no ; before it",
        fr: "du texte après une valeur sans ; qui le précède",
        es: "texto después de un valor sin ; delante",
        pl: "tekst po wartości bez poprzedzającego ;",
    },
    MIME_UNCLOSED_QUOTE "mime.unclosed-quote" => {
        en: "a quoted value or comment that is never closed",
        fr: "une valeur entre guillemets ou un commentaire jamais fermé",
        es: "un valor entre comillas o un comentario que nunca se cierra",
        pl: "wartość w cudzysłowie lub komentarz, który nie został zamknięty",
    },
    MIME_DUPLICATE_PARAMETER "mime.duplicate-parameter" => {
        en: "the same parameter twice",
        fr: "le même paramètre deux fois",
        es: "el mismo parámetro dos veces",
        pl: "ten sam parametr dwa razy",
    },
    MIME_BAD_BYTE "mime.bad-byte" => {
        en: "a line break or control character that does not belong",
        fr: "un saut de ligne ou caractère de contrôle déplacé",
        es: "un salto de línea o carácter de control fuera de lugar",
        pl: "znak nowego wiersza lub znak sterujący nie na miejscu",
    },
    MIME_RFC2231_BAD_VALUE "mime.rfc2231-bad-value" => {
        en: "an encoded value without charset'language' or with a bad %XX",
        fr: "une valeur encodée sans charset'langue' ou avec un %XX incorrect",
        es: "un valor codificado sin charset'idioma' o con un %XX incorrecto",
        pl: "zakodowana wartość bez charset'język' lub z błędnym %XX",
    },
    MIME_RFC2231_NOT_IN_CHARSET "mime.rfc2231-not-in-charset" => {
        en: "an encoded value whose bytes are not valid in its declared charset",
        fr: "une valeur encodée dont les octets ne sont pas valides dans son charset déclaré",
        es: "un valor codificado cuyos bytes no son válidos en su charset declarado",
        pl: "zakodowana wartość, której bajty są nieprawidłowe w zadeklarowanym zestawie znaków",
    },
    MIME_RFC2231_UNKNOWN_CHARSET "mime.rfc2231-unknown-charset" => {
        en: "an encoded value in a charset readers do not know",
        fr: "une valeur encodée dans un jeu de caractères inconnu des lecteurs",
        es: "un valor codificado en un juego de caracteres que los lectores no conocen",
        pl: "zakodowana wartość w kodowaniu nieznanym czytnikom",
    },
    MIME_RFC2231_BAD_SECTIONS "mime.rfc2231-bad-sections" => {
        en: "continuations *0, *1… with a gap, a repeat or a bad number",
        fr: "des suites *0, *1… avec un trou, une répétition ou un numéro incorrect",
        es: "continuaciones *0, *1… con un hueco, una repetición o un número incorrecto",
        pl: "kontynuacje *0, *1… z luką, powtórzeniem lub błędnym numerem",
    },
}

/// The label of a problem in an address field.
pub fn address_problem(problem: AddressProblem) -> &'static Entry {
    use AddressProblem::*;
    match problem {
        Lex(LexProblem::UnclosedComment) => &ADDRESS_UNCLOSED_COMMENT,
        Lex(LexProblem::UnopenedComment) => &ADDRESS_UNOPENED_COMMENT,
        Lex(LexProblem::UnclosedQuotedString) => &ADDRESS_UNCLOSED_QUOTE,
        Lex(LexProblem::UnclosedDomainLiteral) => &ADDRESS_UNCLOSED_LITERAL,
        Lex(LexProblem::BreakWithoutFold) | Lex(LexProblem::BareCr) => &ADDRESS_LINE_BREAK,
        Lex(LexProblem::Nul)
        | Lex(LexProblem::InvalidUtf8)
        | Lex(LexProblem::BackslashAtEnd)
        | Lex(LexProblem::C1Control) => &ADDRESS_BAD_BYTE,
        Lex(LexProblem::ObsoleteControl) => &ADDRESS_OBSOLETE_CONTROL,
        Lex(LexProblem::ObsoleteFws) => &ADDRESS_OBSOLETE_FWS,
        Empty => &ADDRESS_EMPTY,
        MissingAt => &ADDRESS_MISSING_AT,
        EmptyLocalPart => &ADDRESS_EMPTY_LOCAL_PART,
        EmptyDomain => &ADDRESS_EMPTY_DOMAIN,
        MisplacedDot => &ADDRESS_MISPLACED_DOT,
        Unexpected => &ADDRESS_UNEXPECTED,
        UnclosedAngle => &ADDRESS_UNCLOSED_ANGLE,
        NestedGroup => &ADDRESS_NESTED_GROUP,
        UnclosedGroup => &ADDRESS_UNCLOSED_GROUP,
        NameNeedsQuoting => &ADDRESS_NAME_NEEDS_QUOTING,
        ObsoletePhrase => &ADDRESS_OBSOLETE_PHRASE,
        ObsoleteLocalPart => &ADDRESS_OBSOLETE_LOCAL_PART,
        ObsoleteCfws => &ADDRESS_OBSOLETE_CFWS,
        ObsoleteRoute => &ADDRESS_OBSOLETE_ROUTE,
        ObsoleteEmptyElement => &ADDRESS_OBSOLETE_EMPTY_ELEMENT,
        DomainNotHostname => &ADDRESS_DOMAIN_NOT_HOSTNAME,
        DomainLabelHyphen => &ADDRESS_DOMAIN_LABEL_HYPHEN,
        BadAddressLiteral => &ADDRESS_BAD_ADDRESS_LITERAL,
        LocalPartTooLong => &ADDRESS_LOCAL_PART_TOO_LONG,
        DomainTooLong => &ADDRESS_DOMAIN_TOO_LONG,
        LabelTooLong => &ADDRESS_LABEL_TOO_LONG,
        AddressTooLong => &ADDRESS_ADDRESS_TOO_LONG,
        InvalidIdn => &ADDRESS_INVALID_IDN,
        EncodedAddress => &ADDRESS_ENCODED_ADDRESS,
    }
}

/// The label of a problem in the Date field.
pub fn date_problem(problem: DateProblem) -> &'static Entry {
    match problem {
        DateProblem::Syntax => &DATE_SYNTAX,
        DateProblem::BadDayName => &DATE_BAD_DAY_NAME,
        DateProblem::BadMonth => &DATE_BAD_MONTH,
        DateProblem::OutOfRange => &DATE_OUT_OF_RANGE,
        DateProblem::YearBefore1900 => &DATE_YEAR_BEFORE_1900,
        DateProblem::WeekdayMismatch => &DATE_WEEKDAY_MISMATCH,
        DateProblem::ObsoleteYear => &DATE_OBSOLETE_YEAR,
        DateProblem::ObsoleteZone => &DATE_OBSOLETE_ZONE,
        DateProblem::TrailingText => &DATE_TRAILING_TEXT,
        DateProblem::OneDigitTime => &DATE_ONE_DIGIT_TIME,
        DateProblem::UnclosedComment => &DATE_UNCLOSED_COMMENT,
    }
}

/// The label of a problem in a message-id field.
pub fn msg_id_problem(problem: MsgIdProblem) -> &'static Entry {
    match problem {
        MsgIdProblem::Empty => &MSG_ID_EMPTY,
        MsgIdProblem::Syntax => &MSG_ID_SYNTAX,
        MsgIdProblem::SeveralIds => &MSG_ID_SEVERAL_IDS,
        MsgIdProblem::ObsoletePhrase => &MSG_ID_OBSOLETE_PHRASE,
        MsgIdProblem::ObsoleteForm => &MSG_ID_OBSOLETE_FORM,
        MsgIdProblem::UnclosedComment => &MSG_ID_UNCLOSED_COMMENT,
    }
}

/// The label of a problem in an encoded word (RFC 2047).
pub fn encoded_word_problem(problem: EncodedWordProblem) -> &'static Entry {
    match problem {
        EncodedWordProblem::Unterminated => &ENCODED_WORD_UNTERMINATED,
        EncodedWordProblem::UnknownCharset => &ENCODED_WORD_UNKNOWN_CHARSET,
        EncodedWordProblem::UnknownEncoding => &ENCODED_WORD_UNKNOWN_ENCODING,
        EncodedWordProblem::BadBase64 => &ENCODED_WORD_BAD_BASE64,
        EncodedWordProblem::BadQ => &ENCODED_WORD_BAD_Q,
        EncodedWordProblem::TooLong => &ENCODED_WORD_TOO_LONG,
        EncodedWordProblem::InQuotedString => &ENCODED_WORD_IN_QUOTED_STRING,
        EncodedWordProblem::BrokenCharacters => &ENCODED_WORD_BROKEN_CHARACTERS,
        EncodedWordProblem::NotSeparated => &ENCODED_WORD_NOT_SEPARATED,
        EncodedWordProblem::InAddrSpec => &ENCODED_WORD_IN_ADDR_SPEC,
    }
}

/// The label of a problem in a Content-Type or Content-Disposition value.
pub fn mime_problem(problem: MimeProblem) -> &'static Entry {
    match problem {
        MimeProblem::BadType => &MIME_BAD_TYPE,
        MimeProblem::MissingSubtype => &MIME_MISSING_SUBTYPE,
        MimeProblem::BadParameter => &MIME_BAD_PARAMETER,
        MimeProblem::ValueNeedsQuoting => &MIME_VALUE_NEEDS_QUOTING,
        MimeProblem::MissingSemicolon => &MIME_MISSING_SEMICOLON,
        MimeProblem::UnclosedQuote => &MIME_UNCLOSED_QUOTE,
        MimeProblem::DuplicateParameter => &MIME_DUPLICATE_PARAMETER,
        MimeProblem::BadByte => &MIME_BAD_BYTE,
        MimeProblem::Rfc2231BadValue => &MIME_RFC2231_BAD_VALUE,
        MimeProblem::Rfc2231UnknownCharset => &MIME_RFC2231_UNKNOWN_CHARSET,
        MimeProblem::Rfc2231NotInCharset => &MIME_RFC2231_NOT_IN_CHARSET,
        MimeProblem::Rfc2231BadSections => &MIME_RFC2231_BAD_SECTIONS,
    }
}
