//! Words of the command-line interface's text output (`mail-preflight lint|simulate|explain`).

crate::catalog! {
    "cli.counts" => {
        en: "errors: {errors}, warnings: {warnings}, info: {infos}",
        fr: "erreurs : {errors}, avertissements : {warnings}, informations : {infos}",
        es: "errores: {errors}, advertencias: {warnings}, información: {infos}",
        pl: "błędy: {errors}, ostrzeżenia: {warnings}, informacje: {infos}",
    },
    "cli.cannot-lint" => {
        en: "cannot lint",
        fr: "analyse impossible",
        es: "no se puede analizar",
        pl: "nie można sprawdzić",
    },
    "cli.part" => {
        en: "part {part}",
        fr: "partie {part}",
        es: "parte {part}",
        pl: "część {part}",
    },
    "cli.summary" => {
        en: "files checked: {files}; {counts}",
        fr: "fichiers vérifiés : {files} ; {counts}",
        es: "archivos revisados: {files}; {counts}",
        pl: "sprawdzone pliki: {files}; {counts}",
    },
    "cli.summary.refused" => {
        en: "files that would be refused or blocked: {count}",
        fr: "fichiers qui seraient refusés ou bloqués : {count}",
        es: "archivos que serían rechazados o bloqueados: {count}",
        pl: "pliki, które zostałyby odrzucone lub zablokowane: {count}",
    },
    "cli.summary.unreadable" => {
        en: "files that could not be checked: {count}",
        fr: "fichiers qui n'ont pas pu être vérifiés : {count}",
        es: "archivos que no se pudieron revisar: {count}",
        pl: "pliki, których nie udało się sprawdzić: {count}",
    },
    "cli.too-many-warnings" => {
        en: "{warnings} warnings, more than --max-warnings {max}",
        fr: "{warnings} avertissements, plus que --max-warnings {max}",
        es: "{warnings} advertencias, más que --max-warnings {max}",
        pl: "{warnings} ostrzeżeń, więcej niż --max-warnings {max}",
    },
    "cli.state" => {
        en: "state",
        fr: "état",
        es: "estado",
        pl: "stan",
    },
    "cli.actions" => {
        en: "actions",
        fr: "actions",
        es: "acciones",
        pl: "działania",
    },
    "cli.counters" => {
        en: "counters",
        fr: "compteurs",
        es: "contadores",
        pl: "liczniki",
    },
    "cli.rejected" => {
        en: "{action} refused",
        fr: "{action} refusé",
        es: "{action} rechazado",
        pl: "{action} odrzucone",
    },
}
