//! Messages of the engine itself: errors, verdicts, severities, report words.

crate::catalog! {
    "core.error.input-too-large" => {
        en: "The input is {size}; mail-preflight reads at most {limit}. No host accepts a message this large: send the files as download links.",
        fr: "L'entrée fait {size} ; mail-preflight lit au plus {limit}. Aucun hébergement n'accepte un message aussi gros : envoyez les fichiers sous forme de liens de téléchargement.",
        es: "La entrada ocupa {size}; mail-preflight lee como máximo {limit}. Ningún alojamiento acepta un mensaje tan grande: envíe los archivos como enlaces de descarga.",
        pl: "Dane wejściowe mają {size}; mail-preflight czyta najwyżej {limit}. Żaden hosting nie przyjmie tak dużej wiadomości: wyślij pliki jako linki do pobrania.",
    },
    "core.error.invalid-options" => {
        en: "The options are not valid: {detail}",
        fr: "Les options ne sont pas valides : {detail}",
        es: "Las opciones no son válidas: {detail}",
        pl: "Opcje są nieprawidłowe: {detail}",
    },
    "core.error.invalid-input" => {
        en: "The message fields are not valid: {detail}",
        fr: "Les champs du message ne sont pas valides : {detail}",
        es: "Los campos del mensaje no son válidos: {detail}",
        pl: "Pola wiadomości są nieprawidłowe: {detail}",
    },
    "core.more-findings" => {
        en: "{message} (further findings of this rule are left out after {limit})",
        fr: "{message} (les autres constats de cette règle sont omis au-delà de {limit})",
        es: "{message} (se omiten los demás resultados de esta regla a partir de {limit})",
        pl: "{message} (kolejne wyniki tej reguły pominięto po {limit})",
    },
    "core.no-fix" => {
        en: "See the rule's documentation.",
        fr: "Consultez la documentation de la règle.",
        es: "Consulte la documentación de la regla.",
        pl: "Zobacz dokumentację reguły.",
    },
    "core.verdict.pass" => {
        en: "Ready to send",
        fr: "Prêt à l'envoi",
        es: "Listo para enviar",
        pl: "Gotowe do wysłania",
    },
    "core.verdict.warn" => {
        en: "Risky: may be treated as spam",
        fr: "Risqué : peut être traité comme spam",
        es: "Arriesgado: puede tratarse como spam",
        pl: "Ryzykowne: może zostać uznane za spam",
    },
    "core.verdict.fail" => {
        en: "Will be refused or blocked",
        fr: "Sera refusé ou bloqué",
        es: "Será rechazado o bloqueado",
        pl: "Zostanie odrzucone lub zablokowane",
    },
    "core.severity.error" => {
        en: "Error",
        fr: "Erreur",
        es: "Error",
        pl: "Błąd",
    },
    "core.severity.warning" => {
        en: "Warning",
        fr: "Avertissement",
        es: "Advertencia",
        pl: "Ostrzeżenie",
    },
    "core.severity.info" => {
        en: "Info",
        fr: "Information",
        es: "Información",
        pl: "Informacja",
    },
    "core.report.score" => {
        en: "Score {score}",
        fr: "Score {score}",
        es: "Puntuación {score}",
        pl: "Wynik {score}",
    },
    "core.report.sizes" => {
        en: "{encoded} encoded of {limit} allowed; {decoded} of content",
        fr: "{encoded} encodés sur {limit} autorisés ; {decoded} de contenu",
        es: "{encoded} codificados de {limit} permitidos; {decoded} de contenido",
        pl: "{encoded} po zakodowaniu z {limit} dozwolonych; {decoded} treści",
    },
    "core.report.no-findings" => {
        en: "Nothing to report: the host should accept this message.",
        fr: "Rien à signaler : l'hébergement devrait accepter ce message.",
        es: "Nada que señalar: el alojamiento debería aceptar este mensaje.",
        pl: "Brak uwag: hosting powinien przyjąć tę wiadomość.",
    },
    "core.report.evidence" => {
        en: "Evidence",
        fr: "Élément en cause",
        es: "Evidencia",
        pl: "Dowód",
    },
    "core.report.fix" => {
        en: "Fix",
        fr: "Correction",
        es: "Solución",
        pl: "Poprawka",
    },
    "core.report.location" => {
        en: "Location",
        fr: "Emplacement",
        es: "Ubicación",
        pl: "Miejsce",
    },
    "core.report.line" => {
        en: "line {line}, column {column}",
        fr: "ligne {line}, colonne {column}",
        es: "línea {line}, columna {column}",
        pl: "wiersz {line}, kolumna {column}",
    },
    "core.report.part" => {
        en: "MIME part {part}",
        fr: "partie MIME {part}",
        es: "parte MIME {part}",
        pl: "część MIME {part}",
    },
}
