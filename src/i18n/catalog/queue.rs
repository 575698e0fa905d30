//! Messages of the `queue` area: the sending-queue simulation. State and button
//! names follow the panel's own wording in the guides (seeds 000, 002, 004).

crate::catalog! {
    "queue.state.active" => { en: "Active", fr: "Activé", es: "Activo", pl: "Aktywny" },
    "queue.state.force" => { en: "Force", fr: "Force", es: "Force", pl: "Force" },
    "queue.state.disabled" => { en: "Disabled", fr: "Désactivé", es: "Inactivo", pl: "Nieaktywny" },
    "queue.state.bounce" => { en: "Bounce", fr: "Bounce", es: "Bounce", pl: "Bounce" },
    "queue.state.spam" => { en: "SPAM", fr: "SPAM", es: "SPAM", pl: "SPAM" },
    "queue.state.purging" => { en: "Purging", fr: "Purge en cours", es: "Depuración", pl: "Czyszczenie" },
    "queue.action.block" => {
        en: "Block sending", fr: "Bloquer l'envoi", es: "Bloquear el envío", pl: "Blokuj wysyłkę",
    },
    "queue.action.unblock" => {
        en: "Unblock sending", fr: "Débloquer l'envoi", es: "Desbloquear el envío", pl: "Odblokuj wysyłkę",
    },
    "queue.action.purge" => {
        en: "Purge the e-mails", fr: "Purger les e-mails", es: "Purgar los mensajes de correo", pl: "Czyszczenie e-maili",
    },
    "queue.action.change-recipient" => {
        en: "Change the recipient", fr: "Changer le destinataire", es: "Cambiar el destinatario", pl: "Zmień odbiorcę",
    },
    "queue.outcome.delivered" => { en: "Delivered", fr: "Distribué", es: "Entregado", pl: "Dostarczony" },
    "queue.outcome.bounced" => {
        en: "Returned in error", fr: "Revenu en erreur", es: "Devuelto con error", pl: "Zwrócony z błędem",
    },
    "queue.outcome.heldThenDelivered" => {
        en: "Held, then delivered", fr: "Retenu, puis distribué", es: "Retenido y luego entregado", pl: "Wstrzymany, potem dostarczony",
    },
    "queue.outcome.heldThenBounced" => {
        en: "Held, then returned in error", fr: "Retenu, puis revenu en erreur", es: "Retenido y luego devuelto con error", pl: "Wstrzymany, potem zwrócony z błędem",
    },
    "queue.outcome.expired" => {
        en: "Expired after 72 h in the queue", fr: "Expiré après 72 h en file d'attente", es: "Caducado tras 72 h en la cola", pl: "Wygasł po 72 h w kolejce",
    },
    "queue.outcome.purged" => {
        en: "Deleted by a purge", fr: "Effacé par une purge", es: "Borrado por una purga", pl: "Usunięty przez czyszczenie",
    },
    "queue.outcome.refused" => {
        en: "Refused", fr: "Refusé", es: "Rechazado", pl: "Odrzucony",
    },
    "queue.outcome.pending" => {
        en: "Still in the queue", fr: "Encore en file d'attente", es: "Todavía en la cola", pl: "Nadal w kolejce",
    },
    "queue.change.block" => {
        en: "You blocked sending: {from} → {to}. New mails wait in the queue for at most 72 hours; unblock or purge them.",
        fr: "Vous avez bloqué l'envoi : {from} → {to}. Les nouveaux e-mails attendent en file d'attente 72 heures maximum ; débloquez l'envoi ou purgez-les.",
        es: "Ha bloqueado el envío: {from} → {to}. Los nuevos mensajes esperan en la cola un máximo de 72 horas; desbloquee el envío o púrguelos.",
        pl: "Zablokowano wysyłkę: {from} → {to}. Nowe e-maile czekają w kolejce maksymalnie 72 godziny; odblokuj wysyłkę lub je usuń.",
    },
    "queue.change.unblock" => {
        en: "Sending is unblocked: {from} → {to}. The mails in the queue go back into distribution.",
        fr: "L'envoi est débloqué : {from} → {to}. Les e-mails de la file d'attente sont remis en distribution.",
        es: "El envío está desbloqueado: {from} → {to}. Los mensajes de la cola vuelven a distribuirse.",
        pl: "Wysyłka odblokowana: {from} → {to}. Wiadomości z kolejki wracają do dystrybucji.",
    },
    "queue.change.purge" => {
        en: "Purge started: {from} → {to}. The queue is deleted; sending resumes in 5 to 10 minutes.",
        fr: "Purge lancée : {from} → {to}. La file d'attente est effacée ; l'envoi reprend dans 5 à 10 minutes.",
        es: "Purga iniciada: {from} → {to}. La cola se borra; el envío se reanuda en 5 a 10 minutos.",
        pl: "Rozpoczęto czyszczenie: {from} → {to}. Kolejka zostaje usunięta; wysyłka wznowi się za 5–10 minut.",
    },
    "queue.change.purge-done" => {
        en: "Purge finished: {from} → {to}, with the normal error ratio (not doubled).",
        fr: "Purge terminée : {from} → {to}, avec le ratio d'erreurs normal (non doublé).",
        es: "Purga terminada: {from} → {to}, con la relación de errores normal (sin duplicar).",
        pl: "Czyszczenie zakończone: {from} → {to}, z normalnym współczynnikiem błędów (bez podwojenia).",
    },
    "queue.change.too-fast" => {
        en: "Too many mails were sent very quickly: {from} → {to}. Protect your forms with a captcha, then unblock sending.",
        fr: "Trop d'e-mails ont été envoyés très rapidement : {from} → {to}. Protégez vos formulaires par un captcha, puis débloquez l'envoi.",
        es: "Se han enviado demasiados mensajes muy rápidamente: {from} → {to}. Proteja sus formularios con un captcha y desbloquee el envío.",
        pl: "Zbyt dużo e-maili zostało wysłanych bardzo szybko: {from} → {to}. Zabezpiecz formularze captchą, a następnie odblokuj wysyłkę.",
    },
    "queue.change.too-many-errors" => {
        en: "Too many mails were returned in error: {from} → {to}. Check the addresses in the error log, then unblock sending.",
        fr: "Trop d'e-mails sont revenus en erreur : {from} → {to}. Vérifiez les adresses dans les e-mails en erreur, puis débloquez l'envoi.",
        es: "Se han devuelto demasiados mensajes con error: {from} → {to}. Compruebe las direcciones en los mensajes en error y desbloquee el envío.",
        pl: "Zbyt dużo e-maili zwróconych z błędem: {from} → {to}. Sprawdź adresy w e-mailach z błędami, a następnie odblokuj wysyłkę.",
    },
    "queue.change.bounce-ratio" => {
        en: "Too large a share of the mails came back in error: {from} → {to}. Unblock to switch to Force (the allowed ratio is doubled), or purge to delete the queue and return to Active.",
        fr: "Une trop grande part des e-mails est revenue en erreur : {from} → {to}. Débloquez pour passer en Force (le ratio autorisé est doublé), ou purgez pour effacer la file d'attente et revenir en Activé.",
        es: "Una parte demasiado grande de los mensajes ha vuelto con error: {from} → {to}. Desbloquee para pasar a Force (la relación autorizada se duplica) o purgue para borrar la cola y volver a Activo.",
        pl: "Zbyt duża część e-maili wróciła z błędem: {from} → {to}. Odblokuj, aby przejść do Force (dozwolony współczynnik zostaje podwojony), lub wyczyść kolejkę, aby wrócić do stanu Aktywny.",
    },
    "queue.change.spam" => {
        en: "Mails considered spam were sent: {from} → {to}. Secure your scripts (captcha, updates), purge the queue — it is mandatory — then answer the abuse e-mail.",
        fr: "Des e-mails considérés comme du spam ont été envoyés : {from} → {to}. Sécurisez vos scripts (captcha, mises à jour), purgez la file d'attente — c'est obligatoire — puis répondez à l'e-mail d'abus.",
        es: "Se han enviado mensajes considerados spam: {from} → {to}. Proteja sus scripts (captcha, actualizaciones), purgue la cola —es obligatorio— y responda al mensaje de abuso.",
        pl: "Wysłano e-maile uznane za spam: {from} → {to}. Zabezpiecz skrypty (captcha, aktualizacje), wyczyść kolejkę — to obowiązkowe — a następnie odpowiedz na e-mail o nadużyciu.",
    },
    "queue.notice.abuse" => {
        en: "Abuse with your hosting {domain}",
        fr: "Abus avec votre hébergement {domain}",
        es: "Abuso con su alojamiento {domain}",
        pl: "Nadużycie na hostingu {domain}",
    },
    "queue.notice.daily-report" => {
        en: "Error report for {day} (mails returned in error: {errors})",
        fr: "Rapport d'erreurs du {day} (e-mails revenus en erreur : {errors})",
        es: "Informe de errores del {day} (mensajes devueltos con error: {errors})",
        pl: "Raport o błędach z dnia {day} (e-maile zwrócone z błędem: {errors})",
    },
    "queue.rejected.not-offered" => {
        en: "\"{action}\" is not offered in the {state} state; nothing changed.",
        fr: "« {action} » n'est pas proposé dans l'état {state} ; rien n'a changé.",
        es: "«{action}» no está disponible en el estado {state}; no ha cambiado nada.",
        pl: "„{action}” nie jest dostępne w stanie {state}; nic się nie zmieniło.",
    },
    "queue.rejected.in-progress" => {
        en: "\"{action}\" is already in progress in the {state} state; wait a few minutes.",
        fr: "« {action} » est déjà en cours dans l'état {state} ; patientez quelques minutes.",
        es: "«{action}» ya está en curso en el estado {state}; espere unos minutos.",
        pl: "„{action}” jest już w toku w stanie {state}; odczekaj kilka minut.",
    },
    "queue.error.invalid" => {
        en: "The scenario is not valid: {detail}",
        fr: "Le scénario n'est pas valide : {detail}",
        es: "El escenario no es válido: {detail}",
        pl: "Scenariusz jest nieprawidłowy: {detail}",
    },
    "queue.error.too-many-mails" => {
        en: "The scenario generates {count} mails; the simulation handles at most {limit}.",
        fr: "Le scénario génère {count} e-mails ; la simulation en traite au plus {limit}.",
        es: "El escenario genera {count} mensajes; la simulación admite como máximo {limit}.",
        pl: "Scenariusz generuje {count} e-maili; symulacja obsługuje najwyżej {limit}.",
    },
    "queue.error.too-many-streams" => {
        en: "The scenario has {count} streams; at most {limit} are allowed.",
        fr: "Le scénario comporte {count} flux ; {limit} au plus sont permis.",
        es: "El escenario tiene {count} flujos; se permiten como máximo {limit}.",
        pl: "Scenariusz ma {count} strumieni; dozwolonych jest najwyżej {limit}.",
    },
    "queue.error.too-many-actions" => {
        en: "The scenario has {count} actions; at most {limit} are allowed.",
        fr: "Le scénario comporte {count} actions ; {limit} au plus sont permises.",
        es: "El escenario tiene {count} acciones; se permiten como máximo {limit}.",
        pl: "Scenariusz ma {count} akcji; dozwolonych jest najwyżej {limit}.",
    },
    "queue.error.message" => {
        en: "A stream's message cannot be checked: {detail}",
        fr: "Le message d'un flux ne peut pas être vérifié : {detail}",
        es: "No se puede comprobar el mensaje de un flujo: {detail}",
        pl: "Nie można sprawdzić wiadomości strumienia: {detail}",
    },
}
