//! The state table of the sending service: which states send, which buttons
//! each state offers, which changes can happen and why. Everything here is
//! quoted from the guides (seeds 000/002/004 "Scripts emails", 001 old guide);
//! the engine asks this table and never decides a transition on its own.

use super::result::Cause;
use super::scenario::{Action, State};

/// Green sends, red holds. Seed 002: « S'il est vert (« Activé » ou « Force »),
/// cela signifie que les envois sont opérationnels. S'il est rouge
/// (« Désactivé », « Bounce » ou « SPAM »), les envois ne s'effectuent plus. »
/// `purging` holds too (the queue is being deleted).
pub fn sends(state: State) -> bool {
    matches!(state, State::Active | State::Force)
}

/// The red states (seed 002), where a run ending there is a failure for the CLI.
pub fn is_red(state: State) -> bool {
    matches!(state, State::Disabled | State::Bounce | State::Spam)
}

/// The buttons the panel offers in a state (seed 002: « Selon l'état du
/// service, certains peuvent ne pas être disponibles »).
///
/// - Block in the green states; unblock in `ko` and `bounce` (seed 002 « L'état
///   Désactivé … cliquez sur Débloquer l'envoi », « L'état Bounce … Deux options »).
/// - Purge in the red states only: the old guide asks to block first (seed 001
///   « Para poder eliminar los mensajes, deberá bloquear en primer lugar su
///   envío »), and the guides give purge for `bounce` and `spam`. Not in `force`.
/// - `spam`: purge only (seed 002 « Une purge est obligatoire »), and only the
///   first time: when the state comes back to SPAM, the owner answers the abuse
///   notice and support explains the unblocking (« Si malgré cela l'état du
///   service repasse en état SPAM, répondez à l'e-mail automatique … notre
///   support reviendra vers vous »), so `spam_episodes` ≥ 2 offers no purge.
/// - The recipient of the report can always be changed (seed 002 « Changer le destinataire »).
pub fn actions_offered(state: State, spam_episodes: u32) -> Vec<Action> {
    match state {
        State::Active | State::Force => vec![Action::Block, Action::ChangeRecipient],
        State::Disabled | State::Bounce => vec![Action::Unblock, Action::Purge, Action::ChangeRecipient],
        State::Spam if spam_episodes >= 2 => vec![Action::ChangeRecipient],
        State::Spam => vec![Action::Purge, Action::ChangeRecipient],
        State::Purging => vec![Action::ChangeRecipient],
    }
}

/// Every state change the guides describe, as (from, to, cause). Nothing else happens.
pub fn transition_allowed(from: State, to: State, cause: Cause) -> bool {
    use State::*;
    match cause {
        // Seed 002: « vous avez vous-même désactivé la fonctionnalité ».
        Cause::Block => matches!(from, Active | Force) && to == Disabled,
        // Seed 002: Débloquer in Désactivé → active; in Bounce → « Force ».
        Cause::Unblock => (from == Disabled && to == Active) || (from == Bounce && to == Force),
        Cause::Purge => matches!(from, Disabled | Bounce | Spam) && to == Purging,
        // Seed 002: « l'état du service repassera en Activé ».
        Cause::PurgeDone => from == Purging && to == Active,
        // Seed 002: « trop d'e-mails ont été émis très rapidement ; trop d'e-mails sont retournés en erreur ».
        Cause::TooFast | Cause::TooManyErrors => matches!(from, Active | Force) && to == Disabled,
        // Seed 002: « un certain pourcentage de vos e-mails … est revenu en erreur ».
        Cause::BounceRatio => matches!(from, Active | Force) && to == Bounce,
        // Seed 002: « des e-mails considérés comme du spam ont été envoyés ».
        Cause::Spam => matches!(from, Active | Force) && to == Spam,
    }
}

/// Catalogue id of a state's panel name ("Active", "Force", …).
pub fn state_key(state: State) -> &'static str {
    match state {
        State::Active => "queue.state.active",
        State::Force => "queue.state.force",
        State::Disabled => "queue.state.disabled",
        State::Bounce => "queue.state.bounce",
        State::Spam => "queue.state.spam",
        State::Purging => "queue.state.purging",
    }
}

/// Catalogue id of a button's panel name.
pub fn action_key(action: Action) -> &'static str {
    match action {
        Action::Block => "queue.action.block",
        Action::Unblock => "queue.action.unblock",
        Action::Purge => "queue.action.purge",
        Action::ChangeRecipient => "queue.action.change-recipient",
    }
}

/// Catalogue ids of a change: what happened, and what to do now.
pub fn change_keys(cause: Cause, spam_episodes: u32) -> (&'static str, &'static str) {
    match cause {
        Cause::Block => ("queue.change.block", "queue.advice.block"),
        Cause::Unblock => ("queue.change.unblock", "queue.advice.unblock"),
        Cause::Purge => ("queue.change.purge", "queue.advice.purge"),
        Cause::PurgeDone => ("queue.change.purge-done", "queue.advice.purge-done"),
        Cause::TooFast => ("queue.change.too-fast", "queue.advice.too-fast"),
        Cause::TooManyErrors => ("queue.change.too-many-errors", "queue.advice.too-many-errors"),
        Cause::BounceRatio => ("queue.change.bounce-ratio", "queue.advice.bounce-ratio"),
        Cause::Spam if spam_episodes >= 2 => ("queue.change.spam-again", "queue.advice.spam-again"),
        Cause::Spam => ("queue.change.spam", "queue.advice.spam"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn force_offers_no_purge_and_a_second_spam_goes_to_support() {
        assert!(!actions_offered(State::Force, 0).contains(&Action::Purge));
        assert!(actions_offered(State::Spam, 1).contains(&Action::Purge));
        assert!(!actions_offered(State::Spam, 2).contains(&Action::Purge));
    }
}
