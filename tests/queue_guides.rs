//! One test per statement of the guides about the sending service's states,
//! actions, timings and limits: the statement (quoted from the seed, in its
//! language), a scenario, the expected outcome.
//! Seeds: 000 (es), 002 (fr), 004 (pl) "Scripts emails" panel; 001 old guide
//! (es); 003 SMTP reply codes and limits (es).

use mail_preflight::queue::{
    simulate_json, Action, Cause, NotificationKind, Outcome, RejectReason, SimulationResult, State,
};

/// 2026-03-02T00:00:00+01:00 (Europe/Paris), the default start.
const T0: i64 = 1_772_406_000;

fn run(json: &str) -> SimulationResult {
    simulate_json(json).unwrap_or_else(|e| panic!("scenario does not run: {e}"))
}

fn count(result: &SimulationResult, outcome: Outcome) -> u64 {
    result.outcomes.iter().find(|o| o.outcome == outcome).map_or(0, |o| o.count)
}

fn changes(result: &SimulationResult) -> Vec<(State, Cause)> {
    result.timeline.iter().map(|c| (c.to, c.cause)).collect()
}

/// A guide statement with its scenario and the check of the result.
macro_rules! statement {
    ($name:ident, $seed:literal, $quote:literal, $scenario:expr, $check:expr) => {
        #[test]
        fn $name() {
            let _statement: (&str, &str) = ($seed, $quote);
            let result = run($scenario);
            let check: &dyn Fn(&SimulationResult) = &$check;
            check(&result);
        }
    };
}

// ── states ──────────────────────────────────────────────────────────────────

statement!(
    green_states_send,
    "002",
    "S'il est vert (« Activé » ou « Force »), cela signifie que les envois sont opérationnels.",
    r#"{"service": {"state": "force"}, "streams": [{"count": 5, "duration": 60}]}"#,
    |r| {
        assert_eq!(count(r, Outcome::Delivered), 5);
        assert_eq!(r.state, State::Force);
    }
);

statement!(
    red_disabled_holds,
    "000",
    "Si es rojo (\"Inactivo\", \"Bounce\" o \"SPAM\"), los envíos ya no se efectúan.",
    r#"{"service": {"state": "ko"}, "streams": [{"count": 5, "duration": 60}]}"#,
    |r| {
        assert_eq!(r.counters.sent, 0);
        assert_eq!(r.counters.held, 5);
    }
);

statement!(
    red_bounce_holds,
    "002",
    "S'il est rouge (« Désactivé », « Bounce » ou « SPAM »), les envois ne s'effectuent plus.",
    r#"{"service": {"state": "bounce"}, "streams": [{"count": 5, "duration": 60}]}"#,
    |r| {
        assert_eq!(r.counters.sent, 0);
        assert_eq!(count(r, Outcome::Expired), 5);
    }
);

statement!(
    red_spam_holds,
    "004",
    "Jeśli jest czerwony (\"Nieaktywny\", \"Bounce\" lub \"SPAM\"), przesyłki nie są wysyłane.",
    r#"{"service": {"state": "spam"}, "streams": [{"count": 5, "duration": 60}]}"#,
    |r| {
        assert_eq!(r.counters.sent, 0);
        assert_eq!(r.counters.held, 5);
    }
);

statement!(
    too_many_mails_too_fast_disables,
    "000",
    "Este estado se produce cuando: se han enviado demasiados mensajes de correo muy rápidamente.",
    r#"{"streams": [{"count": 500, "duration": 60}]}"#,
    |r| {
        assert_eq!(changes(r), vec![(State::Disabled, Cause::TooFast)]);
        assert_eq!(r.counters.sent, 101, "the 101st mail in a minute is one too many");
        assert_eq!(r.service.state, State::Disabled);
    }
);

statement!(
    too_many_errors_disable,
    "002",
    "Cet état survient lorsque : trop d'e-mails sont retournés en erreur",
    r#"{"streams": [{"rate": 3000, "duration": 3600, "bounceShare": 0.05}]}"#,
    |r| {
        // 5 % stays under the 10 % ratio, but 3,000 mails an hour make over 50 errors.
        assert_eq!(changes(r), vec![(State::Disabled, Cause::TooManyErrors)]);
        assert_eq!(r.counters.errors, 51);
    }
);

statement!(
    blocking_yourself_disables,
    "004",
    "Stan ten występuje, gdy: samodzielnie wyłączyłeś funkcję z Panelu klienta OVHcloud.",
    r#"{"actions": [{"at": 100, "action": "BLOCK"}]}"#,
    |r| {
        assert_eq!(r.timeline[0].at, T0 + 100);
        assert_eq!(changes(r), vec![(State::Disabled, Cause::Block)]);
        assert_eq!(r.timeline[0].actions, vec![Action::Unblock, Action::Purge, Action::ChangeRecipient]);
    }
);

statement!(
    the_old_guide_calls_the_blocked_state_inactive,
    "001",
    "El estado del servicio pasará a «inactivo».",
    r#"{"locale": "es", "actions": [{"at": 0, "action": "block"}]}"#,
    |r| {
        assert_eq!(r.state, State::Disabled);
        assert!(r.timeline[0].message.contains("Inactivo"), "{}", r.timeline[0].message);
    }
);

statement!(
    unblock_takes_a_few_minutes,
    "002",
    "Cliquez enfin sur Débloquer l'envoi puis patientez quelques minutes le temps que le service d'envoi soit de \
     nouveau actif.",
    r#"{"service": {"state": "ko"}, "actions": [{"at": 1000, "action": "UNBLOCK"}]}"#,
    |r| {
        assert_eq!(changes(r), vec![(State::Active, Cause::Unblock)]);
        assert_eq!(r.timeline[0].at, T0 + 1000 + 300, "default delay: 5 minutes (ours)");
        assert_eq!(r.applied_actions[0].effective_at, Some(T0 + 1300));
    }
);

statement!(
    a_share_of_errors_gives_bounce,
    "000",
    "Este estado se produce cuando un cierto porcentaje de los mensajes de correo enviados automáticamente se ha \
     vuelto a error.",
    r#"{"streams": [{"count": 100, "duration": 6000, "bounceShare": 0.25}]}"#,
    |r| {
        assert_eq!(changes(r), vec![(State::Bounce, Cause::BounceRatio)]);
        assert_eq!(r.timeline[0].actions, vec![Action::Unblock, Action::Purge, Action::ChangeRecipient]);
        let measure = r.timeline[0].measure.as_ref().expect("measured");
        let sent = measure.of.expect("the mails the ratio is measured on");
        assert!((20..24).contains(&sent), "judged from the first error after 20 mails: {sent}");
        assert!(measure.value as f64 > 0.10 * sent as f64);
    }
);

statement!(
    the_ratio_is_errors_over_the_total_sent,
    "002",
    "Le ratio e-mails retournés en erreur / nombre total d'envoi d'e-mails envoyés autorisé avant un blocage sera \
     doublé.",
    r#"{"service": {"sent": 10000, "bounce": 100},
        "streams": [{"count": 200, "duration": 20000, "bounceShare": 0.3}]}"#,
    |r| {
        // 160 errors over 10,200 mails in total: 1.6 %, far under 10 %, whatever the last 200 mails.
        assert!(r.timeline.is_empty(), "{:?}", changes(r));
        let recent = run(r#"{"service": {"sent": 10000, "bounce": 100},
            "thresholds": {"bounceRatioBasis": "recent"},
            "streams": [{"count": 200, "duration": 20000, "bounceShare": 0.3}]}"#);
        assert_eq!(changes(&recent), vec![(State::Bounce, Cause::BounceRatio)], "the recent basis (ours) differs");
    }
);

statement!(
    unblocking_bounce_gives_force_with_the_ratio_doubled,
    "000",
    "Si hace clic en Desbloquear el envío, el estado del servicio pasará a \"Force\". El ratio e-mails devueltos a \
     error / número total de mensajes enviados autorizado antes de un bloqueo se duplicará.",
    r#"{"streams": [{"count": 300, "duration": 30000, "bounceShare": 0.15}],
        "actions": [{"at": 5000, "action": "unblock"}]}"#,
    |r| {
        // 15 %: over the 10 % of Active, under the 20 % of Force.
        assert_eq!(changes(r), vec![(State::Bounce, Cause::BounceRatio), (State::Force, Cause::Unblock)]);
        assert_eq!(r.state, State::Force);
        assert_eq!(count(r, Outcome::Expired) + count(r, Outcome::Purged), 0);
    }
);

statement!(
    force_sends_again_a_few_minutes_after_unblocking,
    "004",
    "Jeśli klikniesz Odblokuj wysyłkę, stan usługi zmieni się na \"Force\". Wysyłka rozpocznie się kilka minut po \
     odblokowaniu.",
    r#"{"service": {"state": "bounce"}, "actions": [{"at": 600, "action": "unblock"}],
        "streams": [{"count": 3, "duration": 60}]}"#,
    |r| {
        assert_eq!(changes(r), vec![(State::Force, Cause::Unblock)]);
        let resent = r.mails.iter().map(|m| m.settled).min();
        assert_eq!(resent, Some(T0 + 600 + 300));
        assert_eq!(count(r, Outcome::HeldThenDelivered), 3);
    }
);

statement!(
    purging_bounce_returns_to_active_without_doubling,
    "002",
    "Si vous cliquez sur Purger les e-mails, cela effacera tous les e-mails de la file d'attente et l'état du \
     service repassera en « Activé » sans doubler le ratio.",
    r#"{"streams": [{"count": 300, "duration": 30000, "bounceShare": 0.15}],
        "actions": [{"at": 5000, "action": "purge"}]}"#,
    |r| {
        // Without doubling, 15 % of the total is still over 10 %: the next error blocks again.
        assert_eq!(
            changes(r),
            vec![
                (State::Bounce, Cause::BounceRatio),
                (State::Purging, Cause::Purge),
                (State::Active, Cause::PurgeDone),
                (State::Bounce, Cause::BounceRatio),
            ]
        );
        assert!(count(r, Outcome::Purged) > 0);
    }
);

statement!(
    spam_blocks_with_the_abuse_notice,
    "002",
    "Cet état survient lorsque des mails considérés comme du SPAM ont été émis depuis votre hébergement. \
     Généralement, ce blocage est accompagné par l'envoi d'un e-mail intitulé « Abus avec votre hébergement \
     domain.tld »",
    r#"{"locale": "fr", "domain": "shop.example", "service": {"email": "admin@shop.example"},
        "streams": [{"count": 500, "duration": 600, "verdict": "spam"}]}"#,
    |r| {
        assert_eq!(changes(r), vec![(State::Spam, Cause::Spam)]);
        let notice = r.notifications.iter().find(|n| n.kind == NotificationKind::AbuseNotice).expect("notice");
        assert_eq!(notice.subject, "Abus avec votre hébergement shop.example");
        assert_eq!(notice.to.as_deref(), Some("admin@shop.example"));
        assert_eq!(notice.at, r.timeline[0].at);
        assert_eq!(r.counters.spam_sent, 10);
    }
);

statement!(
    the_abuse_notice_in_spanish,
    "000",
    "Por lo general, el bloqueo se acompaña por el envío de un email titulado \"Abuso con su alojamiento \
     dominio.tld\"",
    r#"{"locale": "es", "domain": "dominio.tld", "streams": [{"count": 20, "duration": 600, "verdict": "spam"}]}"#,
    |r| {
        assert_eq!(r.notifications[0].subject, "Abuso con su alojamiento dominio.tld");
    }
);

statement!(
    the_abuse_notice_in_polish,
    "004",
    "Na ogół blokadą tą towarzyszy wysłanie e-maila o nazwie \"Nadużycie na hostingu domain.tld\"",
    r#"{"locale": "pl", "domain": "domain.tld", "streams": [{"count": 20, "duration": 600, "verdict": "spam"}]}"#,
    |r| {
        assert_eq!(r.notifications[0].subject, "Nadużycie na hostingu domain.tld");
    }
);

statement!(
    spam_offers_only_purge,
    "002",
    "Une purge est obligatoire dans ce cas pour effacer les SPAM en attente d'envoi.",
    r#"{"streams": [{"count": 100, "duration": 600, "verdict": "spam"}],
        "actions": [{"at": 900, "action": "unblock"}, {"at": 1200, "action": "purge"}]}"#,
    |r| {
        assert_eq!(r.timeline[0].actions, vec![Action::Purge, Action::ChangeRecipient]);
        assert_eq!(r.rejected_actions.len(), 1);
        assert_eq!(r.rejected_actions[0].action, Action::Unblock);
        assert_eq!(r.rejected_actions[0].state, State::Spam);
        assert_eq!(count(r, Outcome::Purged), 90);
        assert_eq!(r.state, State::Active);
    }
);

statement!(
    spam_again_after_a_purge_goes_through_support,
    "002",
    "Si malgré cela l'état du service repasse en état « SPAM », répondez à l'e-mail automatique que vous avez reçu \
     en précisant que vous avez fait le nécessaire. Notre service anti-spam analysera la situation et notre \
     support reviendra vers vous pour vous expliquer la procédure de déblocage.",
    r#"{"streams": [{"count": 200, "duration": 7200, "verdict": "spam"}],
        "actions": [{"at": 900, "action": "purge"}, {"at": 5000, "action": "purge"}]}"#,
    |r| {
        let spam: Vec<_> = r.timeline.iter().filter(|c| c.to == State::Spam).collect();
        assert_eq!(spam.len(), 2, "{:?}", changes(r));
        assert_eq!(spam[1].actions, vec![Action::ChangeRecipient], "no purge the second time");
        assert!(spam[1].advice.contains("support"), "{}", spam[1].advice);
        assert_eq!(r.rejected_actions.len(), 1);
        assert_eq!(r.rejected_actions[0].reason, RejectReason::Support);
        assert_eq!(r.counters.spam_episodes, 2);
        assert_eq!(r.state, State::Spam);
    }
);

// ── actions ─────────────────────────────────────────────────────────────────

statement!(
    blocked_mails_are_kept_at_most_72_hours,
    "002",
    "Les e-mails générés par vos scripts après le blocage ne seront pas envoyés, mais conservés dans une file \
     d'attente pendant 72 heures maximum.",
    r#"{"actions": [{"at": 0, "action": "block"}], "streams": [{"count": 3, "start": 60, "duration": 120}]}"#,
    |r| {
        assert_eq!(changes(r), vec![(State::Disabled, Cause::Block)]);
        assert_eq!(count(r, Outcome::Expired), 3);
        assert_eq!(r.counters.longest_hold_seconds, 72 * 3600);
        for mail in &r.mails {
            assert_eq!(mail.settled - mail.created, 72 * 3600);
        }
    }
);

statement!(
    blocked_mails_wait_72_hours_in_polish,
    "004",
    "Wiadomości e-mail generowane przez Twoje skrypty po zablokowaniu będą czekały w kolejce przez 72 godziny.",
    r#"{"actions": [{"at": 0, "action": "block"}, {"at": 259300, "action": "unblock"}],
        "streams": [{"count": 2, "start": 60, "duration": 86400}]}"#,
    |r| {
        // The first mail waited 72 h and expired; the second is sent after the unblock.
        assert_eq!(count(r, Outcome::Expired), 1);
        assert_eq!(count(r, Outcome::HeldThenDelivered), 1);
    }
);

statement!(
    the_old_guide_keeps_blocked_mails_72_hours_to_unblock_or_delete,
    "001",
    "No se eliminará ningún mensaje, sino que se mantendrán en espera durante 72 h. Durante este periodo de tiempo \
     podrá, bien desbloquear el envío, bien eliminar los mensajes.",
    r#"{"actions": [{"at": 0, "action": "block"}, {"at": 3600, "action": "purge"}],
        "streams": [{"count": 4, "start": 60, "duration": 600}]}"#,
    |r| {
        assert_eq!(count(r, Outcome::Purged), 4);
        assert_eq!(count(r, Outcome::Expired), 0);
    }
);

statement!(
    an_unblock_clicked_within_the_72_hours_puts_every_held_mail_back_into_distribution,
    "001",
    "Al desbloquear el envío de mensajes, el servicio se reanudará cuando envíe el siguiente mensaje. Los mensajes \
     que estuvieran bloqueados volverán a entrar en la cola de distribución.",
    // The first mail's 72 h end at 259,260 s, during the unblock's 300 s delay (259,000 to 259,300).
    r#"{"actions": [{"at": 0, "action": "block"}, {"at": 259000, "action": "unblock"}],
        "streams": [{"count": 2, "start": 60, "duration": 86400}]}"#,
    |r| {
        assert_eq!(count(r, Outcome::Expired), 0);
        assert_eq!(count(r, Outcome::HeldThenDelivered), 2);
        let first = r.mails.iter().find(|m| m.id == 0).expect("mail 0");
        assert!(first.settled - first.created > 72 * 3600, "{first:?}");
    }
);

statement!(
    a_block_clicked_while_released_mails_are_redistributed_holds_them_again,
    "002",
    "Bloquer l'envoi : bloque la distribution des envois d'e-mails automatisés de votre hébergement web. Les e-mails \
     générés par vos scripts après le blocage ne seront pas envoyés, mais conservés dans une file d'attente pendant \
     72 heures maximum.",
    // 600 mails held from 60 s to 660 s; the unblock at 259,000 s releases them, the service
    // is back at 259,300 s and redistributes 60 a minute; a block at 259,360 s stops it.
    r#"{"actions": [{"at": 0, "action": "block"}, {"at": 259000, "action": "unblock"}, {"at": 259360, "action": "block"}],
        "streams": [{"count": 600, "start": 60, "duration": 600}]}"#,
    |r| {
        let (delivered, expired) = (count(r, Outcome::HeldThenDelivered), count(r, Outcome::Expired));
        assert_eq!(delivered + expired, 600);
        assert!(delivered > 0 && expired > 0, "{delivered} {expired}");
        let (unblock, block) = (r.start + 259_000, r.start + 259_360);
        for mail in r.mails.iter().filter(|m| m.outcome == Outcome::Expired) {
            // Held again from its arrival: it expires at its 72 h mark, or at the block for
            // the mails whose mark fell between the unblock and the block (time in a mail's
            // record never goes back).
            assert_eq!(mail.settled, (mail.created + 72 * 3600).max(block), "{mail:?}");
            assert!(mail.settled > unblock, "{mail:?}");
        }
        assert!(r.mails.iter().any(|m| m.outcome == Outcome::Expired && m.settled == block), "some were past their mark at the block");
        assert!(r.mails.iter().any(|m| m.outcome == Outcome::Expired && m.settled > block), "some expire after the block");
    }
);

statement!(
    without_a_second_block_every_released_mail_is_redistributed,
    "001",
    "Los mensajes que estuvieran bloqueados volverán a entrar en la cola de distribución.",
    r#"{"actions": [{"at": 0, "action": "block"}, {"at": 259000, "action": "unblock"}],
        "streams": [{"count": 600, "start": 60, "duration": 600}]}"#,
    |r| {
        assert_eq!(count(r, Outcome::HeldThenDelivered), 600);
        assert_eq!(count(r, Outcome::Expired), 0);
    }
);

statement!(
    unblocking_redistributes_the_queue,
    "000",
    "Desbloquear el envío: desbloquea el envío de los emails automatizados de su alojamiento web. Los mensajes de \
     correo presentes en la cola de espera también se reenviarán.",
    r#"{"actions": [{"at": 0, "action": "block"}, {"at": 3600, "action": "unblock"}],
        "streams": [{"count": 10, "start": 60, "duration": 600}]}"#,
    |r| {
        assert_eq!(count(r, Outcome::HeldThenDelivered), 10);
        assert_eq!(r.state, State::Active);
    }
);

statement!(
    purging_deletes_the_queue_and_unblocks,
    "002",
    "Purger les e-mails : efface les e-mails présents dans la file d'attente et débloque l'envoi de mails.",
    r#"{"service": {"state": "ko"}, "actions": [{"at": 3600, "action": "purge"}],
        "streams": [{"count": 5, "duration": 600}, {"count": 1, "start": 7200}]}"#,
    |r| {
        assert_eq!(count(r, Outcome::Purged), 5);
        assert_eq!(count(r, Outcome::Delivered), 1, "sending is unblocked after the purge");
        assert_eq!(r.state, State::Active);
    }
);

statement!(
    the_old_guide_blocks_before_purging,
    "001",
    "Para poder eliminar los mensajes, deberá bloquear en primer lugar su envío, tal y como hemos explicado \
     previamente.",
    r#"{"actions": [{"at": 0, "action": "purge"}, {"at": 60, "action": "block"}, {"at": 120, "action": "purge"}]}"#,
    |r| {
        // Purge is not offered while sending (Active, nor Force): block first.
        assert_eq!(r.rejected_actions.len(), 1);
        assert_eq!(r.rejected_actions[0].action, Action::Purge);
        assert_eq!(r.rejected_actions[0].state, State::Active);
        assert_eq!(changes(r)[1], (State::Purging, Cause::Purge));
        let force = run(r#"{"service": {"state": "force"}, "actions": [{"at": 0, "action": "purge"}]}"#);
        assert_eq!(force.rejected_actions[0].reason, RejectReason::NotOffered);
    }
);

statement!(
    the_old_guide_calls_the_purge_depuracion,
    "001",
    "El estado del servicio pasará a «depuración».",
    r#"{"locale": "es", "service": {"state": "ko"}, "actions": [{"at": 0, "action": "purge"}]}"#,
    |r| {
        assert_eq!(r.timeline[0].to, State::Purging);
        assert!(r.timeline[0].message.contains("Depuración"), "{}", r.timeline[0].message);
    }
);

statement!(
    a_purge_takes_5_to_10_minutes,
    "001",
    "Tras eliminar estos mensajes, su cuenta se desbloqueará automáticamente. La operación tardará entre 5 y 10 \
     minutos.",
    r#"{"service": {"state": "ko"}, "actions": [{"at": 0, "action": "purge"}]}"#,
    |r| {
        assert_eq!(changes(r), vec![(State::Purging, Cause::Purge), (State::Active, Cause::PurgeDone)]);
        let took = r.timeline[1].at - r.timeline[0].at;
        assert!((300..=600).contains(&took), "{took}");
    }
);

statement!(
    an_action_may_take_several_tens_of_minutes,
    "002",
    "Dans certains cas, l'action souhaitée peut nécessiter plusieurs dizaines de minutes pour être pleinement \
     effective.",
    r#"{"service": {"state": "ko"}, "actions": [{"at": 0, "action": "unblock"}]}"#,
    |r| {
        let applied = &r.applied_actions[0];
        let expected = applied.expected.expect("a range to expect");
        assert!(expected.latest - applied.at >= 20 * 60, "several tens of minutes");
        assert!((expected.earliest..=expected.latest).contains(&applied.effective_at.expect("takes effect")));
        let unblock = r.assumptions.iter().find(|a| a.field == "thresholds.unblockDelaySeconds").expect("listed");
        assert_eq!(unblock.source, mail_preflight::queue::Source::Ours);
        assert!(unblock.note.contains("5 to 40 min"), "{}", unblock.note);
    }
);

statement!(
    the_old_guide_resumes_with_the_next_mail,
    "001",
    "Al desbloquear el envío de mensajes, el servicio se reanudará cuando envíe el siguiente mensaje. Los mensajes \
     que estuvieran bloqueados volverán a entrar en la cola de distribución.",
    r#"{"thresholds": {"resumeOnNextMail": true},
        "actions": [{"at": 0, "action": "block"}, {"at": 600, "action": "unblock"}],
        "streams": [{"count": 5, "start": 60, "duration": 100}, {"count": 1, "start": 7200}]}"#,
    |r| {
        assert_eq!(count(r, Outcome::HeldThenDelivered), 5);
        let first_resent = r.mails.iter().filter(|m| m.outcome == Outcome::HeldThenDelivered).map(|m| m.settled).min();
        assert_eq!(first_resent, Some(T0 + 7200), "held mails wait for the next mail");
    }
);

statement!(
    actions_depend_on_the_state,
    "002",
    "Selon l'état du service, certains peuvent ne pas être disponibles.",
    r#"{"service": {"state": "spam"}, "actions": [{"at": 0, "action": "unblock"}, {"at": 60, "action": "block"}]}"#,
    |r| {
        assert_eq!(r.rejected_actions.len(), 2);
        assert!(r.rejected_actions.iter().all(|a| a.reason == RejectReason::NotOffered));
        assert_eq!(r.actions, vec![Action::Purge, Action::ChangeRecipient]);
    }
);

// ── the error report and the counters ─────────────────────────────────────────

statement!(
    the_error_report_comes_the_next_day_to_the_chosen_recipient,
    "001",
    "Si se producen errores al enviar mensajes desde su alojamiento web, recibirá un informe al día siguiente.",
    r#"{"service": {"email": "first@example.com"},
        "streams": [{"count": 4, "start": 36000, "duration": 100000, "bounceShare": 0.25}],
        "actions": [{"at": 90000, "action": "CHANGE_RECIPIENT", "email": "second@example.com"}]}"#,
    |r| {
        let reports: Vec<_> = r.notifications.iter().filter(|n| n.kind == NotificationKind::DailyErrorReport).collect();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].errors, 1);
        assert_eq!(reports[0].day.as_deref(), Some("2026-03-02"));
        assert_eq!(reports[0].at, T0 + 86_400, "at local midnight");
        // The error is mail 0 at 10:00 on day one; the change comes after the report.
        assert_eq!(reports[0].to.as_deref(), Some("first@example.com"));
        assert_eq!(r.service.email.as_deref(), Some("second@example.com"));
    }
);

statement!(
    the_report_recipient_can_be_changed,
    "004",
    "Raporty o błędach: możesz otrzymywać ją codziennie na wybrany adres e-mail. Zdefiniuj ją za pomocą przycisku \
     Zmień odbiorcę.",
    r#"{"service": {"email": "old@example.com"},
        "actions": [{"at": 0, "action": "changeRecipient", "email": "new@example.com"}],
        "streams": [{"count": 2, "start": 3600, "duration": 60, "bounceShare": 1}]}"#,
    |r| {
        assert_eq!(r.notifications[0].to.as_deref(), Some("new@example.com"));
    }
);

statement!(
    the_error_log_is_never_reset,
    "000",
    "Atención: Este historial no se restablecerá aunque decida Eliminar los mesajes o Desbloquear el envío.",
    r#"{"errorLog": [{"date": "2026-03-01T09:00:00Z", "message": "550 5.1.1 unknown", "to": "old@example.net"}],
        "streams": [{"count": 40, "duration": 4000, "bounceShare": 0.5}],
        "actions": [{"at": 5000, "action": "unblock"}, {"at": 8000, "action": "purge"}]}"#,
    |r| {
        assert_eq!(r.error_log[0].to.as_deref(), Some("old@example.net"));
        assert_eq!(r.error_log_total, 1 + r.counters.errors);
        assert_eq!(r.error_log.len() as u64, r.error_log_total);
    }
);

statement!(
    sent_today_resets_and_history_keeps_each_day,
    "004",
    "E-maile wysłane dzisiaj: całkowita liczba automatycznych wiadomości wysłanych tylko dzisiaj. Historia \
     wysłanych e-maili: wykres przedstawiający historię wiadomości e-mail wysłanych z Twojego hostingu w \
     poprzednich dniach.",
    r#"{"service": {"sentToday": 7}, "history": [{"date": "2026-03-01", "volume": 12}],
        "streams": [{"rate": 1, "duration": 172800}], "until": 151200}"#,
    |r| {
        let days: Vec<(&str, u64)> = r.history.iter().map(|h| (&h.date[..10], h.volume.unwrap_or(0))).collect();
        // Until 18:00 on the 3rd, the 18:00 mail included.
        assert_eq!(days, vec![("2026-03-01", 12), ("2026-03-02", 7 + 24), ("2026-03-03", 19)]);
        assert_eq!(r.history[1].date, "2026-03-02T00:00:00+01:00", "the API's date-times");
        assert_eq!(r.service.sent_today, 19);
    }
);

statement!(
    total_sent_counts_since_the_hosting_was_created,
    "000",
    "Total de mensajes enviados: número total de mensajes de correo automatizados enviados desde la creación del \
     alojamiento web de OVHcloud.",
    r#"{"service": {"sent": 1000, "bounce": 9}, "streams": [{"count": 10, "duration": 1000, "bounceShare": 0.1}]}"#,
    |r| {
        assert_eq!(r.service.sent, 1010);
        assert_eq!(r.service.bounce, 10);
    }
);

// ── the SMTP path and the size limit ─────────────────────────────────────────

statement!(
    smtp_limit_200_per_hour_per_account_answers_555,
    "003",
    "Compruebe que las direcciones de correo electrónico indicadas son correctas y que no ha superado los límites \
     establecidos por OVH: 200 mensajes por hora y cuenta",
    r#"{"streams": [{"transport": "smtp", "account": "a@example.com", "count": 250, "duration": 3000}]}"#,
    |r| {
        assert_eq!(r.counters.smtp_accepted, 200);
        assert_eq!(r.counters.smtp_refused, 50);
        let refused = r.outcomes.iter().find(|o| o.outcome == Outcome::Refused).expect("refused");
        assert_eq!(refused.ranges, vec![[200, 249]]);
        // The reply the script gets (seen on a lowered limit, within the detailed sample).
        let low = run(r#"{"thresholds": {"smtpPerAccountPerHour": 2},
            "streams": [{"transport": "smtp", "count": 5, "duration": 60}]}"#);
        assert_eq!(low.mails[2].outcome, Outcome::Refused);
        assert!(low.mails[2].reply.as_deref().unwrap_or_default().starts_with("555 5.5.4 "));
    }
);

statement!(
    smtp_limit_300_per_hour_per_ip,
    "003",
    "y 300 mensajes por hora e IP.",
    r#"{"streams": [
        {"transport": "smtp", "account": "a@example.com", "ip": "192.0.2.1", "count": 200, "duration": 3000},
        {"transport": "smtp", "account": "b@example.com", "ip": "192.0.2.1", "count": 200, "duration": 3000}]}"#,
    |r| {
        assert_eq!(r.counters.smtp_accepted, 300);
        assert_eq!(r.counters.smtp_refused, 100);
    }
);

statement!(
    smtp_mails_are_not_in_the_panel,
    "002",
    "Les e-mails émis avec un script utilisant une configuration SMTP ne pourront pas être gérés et suivis depuis \
     votre espace client OVHcloud.",
    r#"{"service": {"sent": 50},
        "streams": [{"transport": "smtp", "count": 20, "duration": 600, "bounceShare": 0.5}]}"#,
    |r| {
        assert_eq!(r.service.sent, 50);
        assert_eq!(r.counters.sent, 0);
        assert_eq!(r.counters.smtp_bounced, 10);
        assert_eq!(r.error_log_total, 0);
    }
);

statement!(
    daily_cap_holds_mails_for_the_next_day,
    "api",
    "The provider API's service object carries maxPerDay, a daily sending cap (SPEC §4); that mails over it wait \
     for the next day is ours.",
    r#"{"service": {"maxPerDay": 10}, "streams": [{"count": 15, "start": 72000, "duration": 7200}]}"#,
    |r| {
        assert_eq!(count(r, Outcome::Delivered), 10);
        assert_eq!(count(r, Outcome::HeldThenDelivered), 5);
        let resent = r.mails.iter().filter(|m| m.outcome == Outcome::HeldThenDelivered).map(|m| m.settled).min();
        assert_eq!(resent, Some(T0 + 86_400));
        let cap = r.assumptions.iter().find(|a| a.field == "service.maxPerDay").expect("listed");
        assert!(cap.note.contains("ours"), "{}", cap.note);
    }
);

statement!(
    a_snapshot_taken_while_purging_ends_active,
    "api",
    "States are ok | ko | force | bounce | spam | purging (SPEC §4).",
    r#"{"service": {"state": "purging"}}"#,
    |r| {
        assert_eq!(changes(r), vec![(State::Active, Cause::PurgeDone)]);
        assert_eq!(r.service.state, State::Active);
    }
);

#[test]
fn a_message_over_10_mb_is_refused_and_linted_once_per_stream() {
    // Seed 002: « L'e-mail envoyé ne doit pas dépasser la taille totale de 10 Mo (encapsulation et en-tête inclus). »
    let mut body = String::from("From: a@example.com\r\nTo: b@example.com\r\nSubject: Big\r\n\r\n");
    let line = "Q".repeat(76) + "\r\n";
    while body.len() < 10_100_000 {
        body.push_str(&line);
    }
    let scenario = serde_json::json!({"streams": [{"count": 1000, "duration": 1000, "message": body}]});
    let r = run(&scenario.to_string());
    assert_eq!(count(&r, Outcome::Refused), 1000);
    assert_eq!(r.mails[0].reply.as_deref().map(|s| &s[..3]), Some("552"));
    let lint = r.streams[0].lint.as_ref().expect("linted");
    assert!(lint.errors.contains(&"size/total".to_string()));
}
