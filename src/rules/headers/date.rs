//! `headers/date`: the Date field follows RFC 5322 §3.3 date-time; its day
//! name matches the date; obsolete zones and two-digit years (§4.3) are
//! warnings; and, when the caller gives `now`, a date far in the future or
//! past (`MAX_DATE_FUTURE_SECONDS`, `MAX_DATE_PAST_SECONDS`) is flagged: filters score both.

use crate::grammar::date::{day_name, weekday_of, DateProblem};
use crate::grammar::Level;
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;

crate::rule_texts! { "headers/date";
    summary => {
        en: "The Date field is malformed, names the wrong weekday, uses obsolete forms, or is far from now.",
        fr: "Le champ Date est mal formé, indique le mauvais jour de la semaine, utilise des formes obsolètes ou est éloigné de l'heure actuelle.",
        es: "El campo Date está mal formado, indica un día de la semana erróneo, usa formas obsoletas o está lejos del momento actual.",
        pl: "Pole Date jest błędne, podaje zły dzień tygodnia, używa przestarzałych form lub jest odległe od chwili obecnej.",
    },
    why => {
        en: "RFC 5322 §3.3 fixes the date format (e.g. Mon, 2 Mar 2026 10:00:00 +0100). Filters score malformed dates, wrong weekdays and dates in the future or long past, which are typical of spam software and wrong server clocks.",
        fr: "La RFC 5322 §3.3 fixe le format de date (par ex. Mon, 2 Mar 2026 10:00:00 +0100). Les filtres pénalisent les dates mal formées, les jours de la semaine erronés et les dates dans le futur ou loin dans le passé, typiques des logiciels de spam et des horloges de serveur déréglées.",
        es: "El RFC 5322 §3.3 fija el formato de fecha (p. ej. Mon, 2 Mar 2026 10:00:00 +0100). Los filtros penalizan las fechas mal formadas, los días erróneos y las fechas futuras o muy antiguas, típicas del software de spam y de relojes de servidor desajustados.",
        pl: "RFC 5322 §3.3 określa format daty (np. Mon, 2 Mar 2026 10:00:00 +0100). Filtry punktują błędne daty, złe dni tygodnia oraz daty z przyszłości lub dawnej przeszłości, typowe dla oprogramowania spamerskiego i źle ustawionych zegarów serwera.",
    },
    fix => {
        en: "Let your mail library set Date, or format it as RFC 5322 §3.3 says: in PHP date('r'), in JavaScript new Date().toUTCString() with +0000.",
        fr: "Laissez votre bibliothèque d'envoi renseigner Date, ou mettez-la en forme comme le dit la RFC 5322 §3.3 : en PHP date('r'), en JavaScript new Date().toUTCString() avec +0000.",
        es: "Deje que su biblioteca de correo establezca Date, o formatéela como indica el RFC 5322 §3.3: en PHP date('r'), en JavaScript new Date().toUTCString() con +0000.",
        pl: "Pozwól bibliotece pocztowej ustawić Date albo sformatuj ją zgodnie z RFC 5322 §3.3: w PHP date('r'), w JavaScripcie new Date().toUTCString() z +0000.",
    },
    INVALID "invalid" => {
        en: "The Date field is not an RFC 5322 date: {problem}.",
        fr: "Le champ Date n'est pas une date RFC 5322 : {problem}.",
        es: "El campo Date no es una fecha RFC 5322: {problem}.",
        pl: "Pole Date nie jest datą zgodną z RFC 5322: {problem}.",
    },
    OBSOLETE "obsolete" => {
        en: "The Date field uses an obsolete form: {problem}.",
        fr: "Le champ Date utilise une forme obsolète : {problem}.",
        es: "El campo Date usa una forma obsoleta: {problem}.",
        pl: "Pole Date używa przestarzałej formy: {problem}.",
    },
    FIX_OBSOLETE "fix-obsolete" => {
        en: "Write the year with four digits and the zone as +hhmm or -hhmm, e.g. +0000 for GMT (RFC 5322 §3.3, §4.3).",
        fr: "Écrivez l'année sur quatre chiffres et le fuseau sous la forme +hhmm ou -hhmm, par ex. +0000 pour GMT (RFC 5322 §3.3, §4.3).",
        es: "Escriba el año con cuatro cifras y la zona como +hhmm o -hhmm, p. ej. +0000 para GMT (RFC 5322 §3.3, §4.3).",
        pl: "Zapisz rok czterema cyframi, a strefę jako +hhmm lub -hhmm, np. +0000 dla GMT (RFC 5322 §3.3, §4.3).",
    },
    WEEKDAY_MISMATCH "weekday-mismatch" => {
        en: "The day name does not match the date: it should be {actual}.",
        fr: "Le jour de la semaine ne correspond pas à la date : il devrait être {actual}.",
        es: "El día de la semana no coincide con la fecha: debería ser {actual}.",
        pl: "Nazwa dnia nie zgadza się z datą: powinno być {actual}.",
    },
    FUTURE "future" => {
        en: "The Date is {hours, plural, one {# hour} other {# hours}} ({days, plural, one {# day} other {# days}}) ahead of now.",
        fr: "Le champ Date dépasse l'heure actuelle de {hours, plural, one {# heure} many {# d'heures} other {# heures}} ({days, plural, one {# jour} many {# de jours} other {# jours}}).",
        es: "La fecha está {hours, plural, one {# hora} many {# de horas} other {# horas}} ({days, plural, one {# día} many {# de días} other {# días}}) por delante del momento actual.",
        pl: "Data wyprzedza chwilę obecną o {hours, plural, one {# godzinę} few {# godziny} many {# godzin} other {# godziny}} ({days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}).",
    },
    PAST "past" => {
        en: "The Date is {hours, plural, one {# hour} other {# hours}} ({days, plural, one {# day} other {# days}}) before now.",
        fr: "Le champ Date précède l'heure actuelle de {hours, plural, one {# heure} many {# d'heures} other {# heures}} ({days, plural, one {# jour} many {# de jours} other {# jours}}).",
        es: "La fecha es {hours, plural, one {# hora} many {# de horas} other {# horas}} ({days, plural, one {# día} many {# de días} other {# días}}) anterior al momento actual.",
        pl: "Data jest o {hours, plural, one {# godzinę} few {# godziny} many {# godzin} other {# godziny}} ({days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}) wcześniejsza niż chwila obecna.",
    },
    FUTURE_RECEIVED "future-received" => {
        en: "The Date is {hours, plural, one {# hour} other {# hours}} ({days, plural, one {# day} other {# days}}) after the time the message passed its nearest hop (the Received field closest to the Date).",
        fr: "La date (Date) est {hours, plural, one {# heure} many {# d'heures} other {# heures}} ({days, plural, one {# jour} many {# de jours} other {# jours}}) après le passage du message au relais le plus proche (le champ Received le plus proche de la date).",
        es: "La fecha (Date) es {hours, plural, one {# hora} many {# de horas} other {# horas}} ({days, plural, one {# día} many {# de días} other {# días}}) posterior al paso del mensaje por el servidor intermedio más cercano (el campo Received más próximo a la fecha).",
        pl: "Data (Date) jest o {hours, plural, one {# godzinę} few {# godziny} many {# godzin} other {# godziny}} ({days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}) późniejsza niż przejście wiadomości przez najbliższy serwer pośredniczący (pole Received najbliższe dacie).",
    },
    PAST_RECEIVED "past-received" => {
        en: "The Date is {hours, plural, one {# hour} other {# hours}} ({days, plural, one {# day} other {# days}}) before the time the message passed its nearest hop (the Received field closest to the Date).",
        fr: "La date (Date) est {hours, plural, one {# heure} many {# d'heures} other {# heures}} ({days, plural, one {# jour} many {# de jours} other {# jours}}) avant le passage du message au relais le plus proche (le champ Received le plus proche de la date).",
        es: "La fecha (Date) es {hours, plural, one {# hora} many {# de horas} other {# horas}} ({days, plural, one {# día} many {# de días} other {# días}}) anterior al paso del mensaje por el servidor intermedio más cercano (el campo Received más próximo a la fecha).",
        pl: "Data (Date) jest o {hours, plural, one {# godzinę} few {# godziny} many {# godzin} other {# godziny}} ({days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}) wcześniejsza niż przejście wiadomości przez najbliższy serwer pośredniczący (pole Received najbliższe dacie).",
    },
    FIX_CLOCK "fix-clock" => {
        en: "Set Date when the message is sent, not when it was drafted, and check the server clock and time zone (RFC 5322 §3.6.1).",
        fr: "Renseignez Date au moment de l'envoi, pas de la rédaction, et vérifiez l'horloge et le fuseau du serveur (RFC 5322 §3.6.1).",
        es: "Establezca Date en el momento del envío, no de la redacción, y compruebe el reloj y la zona horaria del servidor (RFC 5322 §3.6.1).",
        pl: "Ustaw Date w chwili wysyłki, a nie tworzenia wiadomości, i sprawdź zegar oraz strefę czasową serwera (RFC 5322 §3.6.1).",
    },
}

/// A Date more than this many seconds after `options.now` is in the future.
pub const MAX_DATE_FUTURE_SECONDS: Threshold = Threshold {
    key: "headers.maxDateFutureSeconds",
    kind: Kind::Int { default: 12 * 3600, min: 0, max: 10 * 365 * 86_400 },
    doc: Localized {
        en: "A Date more than this many seconds after `options.now` is in the future.",
        fr: "Une Date postérieure de plus de ce nombre de secondes à `options.now` est dans le futur.",
        es: "Una Date posterior en más de este número de segundos a `options.now` está en el futuro.",
        pl: "Date późniejsza od `options.now` o więcej niż tyle sekund jest w przyszłości.",
    },
    evidence: Evidence::Receiver("SpamAssassin DATE_IN_FUTURE_12_24 starts at 12 hours (default, ours: beyond clock skew and time-zone mistakes)"),
};

/// A Date more than this many seconds before `options.now` is in the past.
pub const MAX_DATE_PAST_SECONDS: Threshold = Threshold {
    key: "headers.maxDatePastSeconds",
    kind: Kind::Int { default: 96 * 3600, min: 0, max: 10 * 365 * 86_400 },
    doc: Localized {
        en: "A Date more than this many seconds before `options.now` is in the past.",
        fr: "Une Date antérieure de plus de ce nombre de secondes à `options.now` est dans le passé.",
        es: "Una Date anterior en más de este número de segundos a `options.now` está en el pasado.",
        pl: "Date wcześniejsza od `options.now` o więcej niż tyle sekund jest w przeszłości.",
    },
    evidence: Evidence::Receiver(
        "SpamAssassin DATE_IN_PAST_96_XX: 96 hours (default, ours: a message sent now carries today's date)",
    ),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("SpamAssassin INVALID_DATE (1.7 points), DATE_IN_FUTURE_12_24 (2.6), DATE_IN_PAST_96_XX (2.6); obsolete forms and a one-digit hour are parsed by every reader (info)"),
        Evidence::Rfc("RFC 5322 §3.3 date-time: the day name MUST be the day implied by the date; §4.3 obsolete forms must not be generated"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::DATE_SUSPICIOUS,
    texts: &TEXTS,
    thresholds: &[&MAX_DATE_FUTURE_SECONDS, &MAX_DATE_PAST_SECONDS],
    examples: &[
        Example::fails(
            title! {
                en: "An ISO 8601 date",
                fr: "Une date ISO 8601",
                es: "Una fecha ISO 8601",
                pl: "Data w formacie ISO 8601",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: 2026-03-02 10:00:00\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Tuesday for a Monday",
                fr: "Mardi au lieu de lundi",
                es: "Martes en lugar de lunes",
                pl: "Wtorek zamiast poniedziałku",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Tue, 2 Mar 2026 10:00:00 +0100\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A named zone (obsolete: info)",
                fr: "Un fuseau désigné par son nom (obsolète : information)",
                es: "Una zona indicada por su nombre (obsoleto: información)",
                pl: "Strefa podana nazwą (przestarzałe: informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 EST\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "No zone",
                fr: "Pas de fuseau horaire",
                es: "Sin zona horaria",
                pl: "Brak strefy czasowej",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A date two days ahead of now",
                fr: "Une date deux jours dans le futur",
                es: "Una fecha dos días en el futuro",
                pl: "Data o dwa dni w przyszłości",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Wed, 4 Mar 2026 10:00:00 +0100\nSubject: Hi\n\nHello\n"),
        )
        .with_options(r#"{"now": 1772442000}"#)
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A date a year before now",
                fr: "Une date vieille d'un an",
                es: "Una fecha de hace un año",
                pl: "Data sprzed roku",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Sun, 2 Mar 2025 10:00:00 +0100\nSubject: Hi\n\nHello\n"),
        )
        .with_options(r#"{"now": 1772442000}"#)
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A time zone further than 14 hours from UTC",
                fr: "Un fuseau horaire à plus de 14 heures de l'UTC",
                es: "Una zona horaria a más de 14 horas de UTC",
                pl: "Strefa czasowa oddalona od UTC o ponad 14 godzin",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +4000\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Without a \"now\" option, a Date two days after the message was received",
                fr: "Sans option « now », une date deux jours après la réception du message",
                es: "Sin la opción «now», una fecha dos días posterior a la recepción del mensaje",
                pl: "Bez opcji „now” data o dwa dni późniejsza niż odebranie wiadomości",
            },
            ExampleInput::Raw("Received: from mx.example.net by mail.example.com; Mon, 2 Mar 2026 10:00:00 +0000\nFrom: a@example.com\nTo: b@example.com\nDate: Wed, 4 Mar 2026 10:00:00 +0000\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A Date an hour before the message was received",
                fr: "Une date une heure avant la réception du message",
                es: "Una fecha una hora anterior a la recepción del mensaje",
                pl: "Data godzinę przed odebraniem wiadomości",
            },
            ExampleInput::Raw("Received: from mx.example.net by mail.example.com; Mon, 2 Mar 2026 11:00:00 +0000\nFrom: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A correct date with a comment",
                fr: "Une date correcte avec un commentaire",
                es: "Una fecha correcta con un comentario",
                pl: "Poprawna data z komentarzem",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +0100 (CET)\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A date an hour before now",
                fr: "Une date d'il y a une heure",
                es: "Una fecha de hace una hora",
                pl: "Data sprzed godziny",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: 2 Mar 2026 09:00:00 +0100\nSubject: Hi\n\nHello\n"),
        )
        .with_options(r#"{"now": 1772442000}"#),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    let Some((field, check)) = message.date_field() else { return };
    super::emit_grouped(cx, message, 0, field, &check.problems, |kind, _| {
        let problem = super::grammar_texts::date_problem(kind);
        Some(match kind {
            DateProblem::WeekdayMismatch => {
                // The date is kept even when the day name is wrong.
                let date = check.date;
                let actual = date.map(|d| day_name(weekday_of(d.year, d.month, d.day))).unwrap_or("?");
                Draft::new(Msg::of(&WEEKDAY_MISMATCH).text("actual", actual)).severity(Severity::Info)
            }
            _ if kind.level() == Level::Obsolete => Draft::new(Msg::of(&OBSOLETE).label("problem", problem))
                .severity(Severity::Info)
                .fix(Msg::of(&FIX_OBSOLETE)),
            _ => Draft::new(Msg::of(&INVALID).label("problem", problem)),
        })
    });
    // The reference is the caller's "now". Without it, a message that was
    // received is compared with the Received field nearest its Date, as
    // SpamAssassin's DATE_IN_FUTURE/DATE_IN_PAST rules do (`nearest_received`).
    let Some(date) = check.date else { return };
    let date = date.unix_seconds();
    let (delta, future, past) = match cx.settings.now {
        Some(now) => (date - now, &FUTURE, &PAST),
        None => match nearest_received(date, &message.values.received_times) {
            Some(delta) => (delta, &FUTURE_RECEIVED, &PAST_RECEIVED),
            None => return,
        },
    };
    let id = if delta > cx.settings.int(&MAX_DATE_FUTURE_SECONDS) {
        future
    } else if -delta > cx.settings.int(&MAX_DATE_PAST_SECONDS) {
        past
    } else {
        return;
    };
    let hours = delta.abs() / 3600;
    cx.emit(
        Draft::new(Msg::of(id).int("hours", hours).int("days", hours / 24))
            .evidence(super::field_text(message, field))
            .at(super::value_location(field, 0, field.raw_value(message.raw).len()))
            .severity(Severity::Warning)
            .fix(Msg::of(&FIX_CLOCK)),
    );
}

/// The Date minus the time of the Received field nearest to it, in seconds.
/// A message's hops are stamped when it passed them: the first when it was
/// handed over, later ones when it was relayed, fetched again or archived, which
/// can be weeks after. SpamAssassin (HeaderEval.pm `_check_date_diff`) takes
/// the smallest difference over every Received field, "experimentally, this
/// results in the fewest false positives", and leaves out the oldest field when
/// it equals the Date exactly (a mailer that stamps both from one clock) and
/// others remain.
fn nearest_received(date: i64, received: &[i64]) -> Option<i64> {
    let mut times = received;
    if let [rest @ .., oldest] = received {
        if !rest.is_empty() && *oldest == date {
            times = rest;
        }
    }
    times.iter().map(|&time| date - time).min_by_key(|delta| delta.unsigned_abs())
}

#[cfg(test)]
mod tests {
    use super::nearest_received;

    #[test]
    fn the_received_field_nearest_the_date_is_the_reference() {
        let day = 86_400;
        // Handed over a day after its Date, archived forty days later.
        assert_eq!(nearest_received(0, &[40 * day, day]), Some(-day));
        // A Date ahead of every hop.
        assert_eq!(nearest_received(3 * day, &[2 * day, day]), Some(day));
        // The oldest hop equal to the Date is left out when others remain.
        assert_eq!(nearest_received(0, &[5 * day, 0]), Some(-5 * day));
        assert_eq!(nearest_received(0, &[0]), Some(0));
        assert_eq!(nearest_received(0, &[]), None);
    }
}
