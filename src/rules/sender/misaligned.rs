//! `sender/misaligned`: `Sender` or `Return-Path` on another organizational
//! domain than From. The Return-Path (envelope sender, RFC 5321 §4.4) is what
//! SPF authenticates: on another domain, SPF cannot give DMARC alignment
//! (RFC 7489 §3.1.2), and without an aligned DKIM signature DMARC fails. A
//! different Sender is shown by some clients as "on behalf of" but is not
//! part of DMARC.

use super::{aligned, field_location, org_domain, signed_by};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "sender/misaligned";
    summary => {
        en: "Sender or Return-Path is on another domain than From.",
        fr: "Sender ou Return-Path est sur un autre domaine que From.",
        es: "Sender o Return-Path está en otro dominio que From.",
        pl: "Sender lub Return-Path jest w innej domenie niż From.",
    },
    why => {
        en: "The Return-Path is the address SPF checks. When its domain differs from the From domain, SPF cannot align for DMARC (RFC 7489), and the message passes DMARC only with a DKIM signature of the From domain. A different Sender is shown by Outlook as \"on behalf of\" and looks like a relay.",
        fr: "Le Return-Path est l'adresse que vérifie SPF. Quand son domaine diffère de celui du From, SPF ne peut pas s'aligner pour DMARC (RFC 7489), et le message ne passe DMARC qu'avec une signature DKIM du domaine du From. Un Sender différent est affiché par Outlook « de la part de » et ressemble à un relais.",
        es: "El Return-Path es la dirección que comprueba SPF. Si su dominio difiere del dominio del From, SPF no puede alinearse para DMARC (RFC 7489) y el mensaje solo pasa DMARC con una firma DKIM del dominio del From. Un Sender distinto aparece en Outlook como «en nombre de» y parece un reenvío.",
        pl: "Return-Path to adres sprawdzany przez SPF. Gdy jego domena różni się od domeny From, SPF nie może zapewnić wyrównania DMARC (RFC 7489) i wiadomość przejdzie DMARC tylko z podpisem DKIM domeny From. Inny Sender Outlook pokazuje jako „w imieniu” i wygląda to na przekazywanie.",
    },
    fix => {
        en: "Set the envelope sender to an address of the From domain (PHP mail(): the fifth argument \"-fcontact@your-domain\"; PHPMailer: $mail->Sender), or sign with DKIM for the From domain.",
        fr: "Donnez à l'expéditeur d'enveloppe une adresse du domaine du From (mail() de PHP : cinquième argument « -fcontact@votre-domaine » ; PHPMailer : $mail->Sender), ou signez en DKIM pour le domaine du From.",
        es: "Ponga como remitente de sobre una dirección del dominio del From (mail() de PHP: quinto argumento «-fcontacto@su-dominio»; PHPMailer: $mail->Sender), o firme con DKIM para el dominio del From.",
        pl: "Ustaw nadawcę koperty na adres z domeny From (mail() w PHP: piąty argument „-fkontakt@twoja-domena”; PHPMailer: $mail->Sender) albo podpisuj DKIM dla domeny From.",
    },
    RETURN_PATH "return-path" => {
        en: "Return-Path is {address} ({domain}) while From is at {fromDomain}: SPF does not align, and no valid DKIM signature of {fromDomain} makes up for it.",
        fr: "Return-Path est {address} ({domain}) alors que From est sur {fromDomain} : SPF ne s'aligne pas, et aucune signature DKIM valide de {fromDomain} ne compense.",
        es: "Return-Path es {address} ({domain}) mientras From está en {fromDomain}: SPF no se alinea y ninguna firma DKIM válida de {fromDomain} lo compensa.",
        pl: "Return-Path to {address} ({domain}), a From jest w {fromDomain}: SPF nie jest wyrównany i żaden ważny podpis DKIM {fromDomain} tego nie równoważy.",
    },
    RETURN_PATH_SIGNED "return-path-signed" => {
        en: "Return-Path is {address} ({domain}) while From is at {fromDomain}: SPF does not align; DMARC rests on the DKIM signature alone.",
        fr: "Return-Path est {address} ({domain}) alors que From est sur {fromDomain} : SPF ne s'aligne pas ; DMARC ne repose que sur la signature DKIM.",
        es: "Return-Path es {address} ({domain}) mientras From está en {fromDomain}: SPF no se alinea; DMARC depende solo de la firma DKIM.",
        pl: "Return-Path to {address} ({domain}), a From jest w {fromDomain}: SPF nie jest wyrównany; DMARC opiera się tylko na podpisie DKIM.",
    },
    RETURN_PATH_LIST "return-path-list" => {
        en: "Return-Path is {address} ({domain}) while From is at {fromDomain}: SPF does not align and no valid DKIM signature of {fromDomain} makes up for it. The message is list traffic, which a list re-sends under its own envelope sender; if you send it yourself, sign it with DKIM for {fromDomain}.",
        fr: "Return-Path est {address} ({domain}) alors que From est sur {fromDomain} : SPF ne s'aligne pas, et aucune signature DKIM valide de {fromDomain} ne compense. Le message est un message de liste, qu'une liste renvoie sous son propre expéditeur d'enveloppe ; si c'est vous qui l'envoyez, signez-le en DKIM pour {fromDomain}.",
        es: "Return-Path es {address} ({domain}) mientras From está en {fromDomain}: SPF no se alinea y ninguna firma DKIM válida de {fromDomain} lo compensa. El mensaje es tráfico de lista, que una lista reenvía con su propio remitente de sobre; si lo envía usted, fírmelo con DKIM para {fromDomain}.",
        pl: "Return-Path to {address} ({domain}), a From jest w {fromDomain}: SPF nie jest wyrównany i żaden ważny podpis DKIM {fromDomain} tego nie równoważy. To wiadomość z listy dyskusyjnej, którą lista rozsyła z własnym nadawcą koperty; jeśli wysyłasz ją sam, podpisz ją DKIM dla {fromDomain}.",
    },
    RETURN_PATH_FORWARDED "return-path-forwarded" => {
        en: "Return-Path is {address}: a forwarder at {domain} rewrote the envelope sender (SRS), and the original one it carries, at {original}, aligns with From. A forward keeps DMARC only through the From domain's DKIM signature.",
        fr: "Return-Path est {address} : un renvoi par {domain} a réécrit l'expéditeur d'enveloppe (SRS), et l'original qu'il contient, sur {original}, est aligné avec From. Un message renvoyé ne garde DMARC que par la signature DKIM du domaine du From.",
        es: "Return-Path es {address}: un reenvío en {domain} reescribió el remitente de sobre (SRS), y el original que contiene, en {original}, está alineado con From. Un mensaje reenviado solo conserva DMARC mediante la firma DKIM del dominio del From.",
        pl: "Return-Path to {address}: serwer przekazujący w {domain} przepisał nadawcę koperty (SRS), a zawarty w nim pierwotny nadawca, w {original}, jest wyrównany z From. Przekazana wiadomość zachowuje DMARC tylko dzięki podpisowi DKIM domeny From.",
    },
    RETURN_PATH_NULL "return-path-null" => {
        en: "Return-Path is {address} on a delivery report, or the name a mail server writes for the empty envelope sender a report is sent with (RFC 5321 §4.5.5): the report is the mail system's, with no envelope sender of yours to align.",
        fr: "Return-Path est {address} sur un rapport de remise, ou le nom qu'un serveur de messagerie écrit pour l'expéditeur d'enveloppe vide avec lequel un rapport est envoyé (RFC 5321 §4.5.5) : le rapport est celui du système de messagerie, sans expéditeur d'enveloppe à vous à aligner.",
        es: "Return-Path es {address} en un informe de entrega, o el nombre que un servidor de correo escribe para el remitente de sobre vacío con el que se envía un informe (RFC 5321 §4.5.5): el informe es del sistema de correo, sin remitente de sobre suyo que alinear.",
        pl: "Return-Path to {address} w raporcie doręczenia albo nazwa, którą serwer pocztowy wpisuje za pusty nadawcę koperty, z jakim wysyła się raport (RFC 5321 §4.5.5): raport pochodzi od systemu pocztowego i nie ma w nim Twojego nadawcy koperty do wyrównania.",
    },
    RETURN_PATH_RESENT "return-path-resent" => {
        en: "Return-Path is {address}, the address the message was delivered to: its recipient sent it on again, so the field names the recipient, not the author's envelope sender, and alignment cannot be judged from it.",
        fr: "Return-Path est {address}, l'adresse à laquelle le message a été remis : son destinataire l'a renvoyé, le champ nomme donc le destinataire et non l'expéditeur d'enveloppe de l'auteur, et l'alignement ne peut pas en être jugé.",
        es: "Return-Path es {address}, la dirección a la que se entregó el mensaje: su destinatario lo volvió a enviar, así que el campo nombra al destinatario y no al remitente de sobre del autor, y la alineación no puede juzgarse con él.",
        pl: "Return-Path to {address}, adres, na który dostarczono wiadomość: jej odbiorca wysłał ją dalej, więc pole wskazuje odbiorcę, a nie nadawcę koperty autora, i nie da się na jego podstawie ocenić zgodności domen.",
    },
    SENDER "sender" => {
        en: "Sender is {address} ({domain}) while From is at {fromDomain}: clients show the message as sent on behalf of someone else.",
        fr: "Sender est {address} ({domain}) alors que From est sur {fromDomain} : les logiciels affichent le message comme envoyé de la part de quelqu'un d'autre.",
        es: "Sender es {address} ({domain}) mientras From está en {fromDomain}: los programas muestran el mensaje como enviado en nombre de otra persona.",
        pl: "Sender to {address} ({domain}), a From jest w {fromDomain}: programy pokazują wiadomość jako wysłaną w czyimś imieniu.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Sender,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 7489 §3.1.2: SPF gives DMARC alignment only when the RFC5321.MailFrom domain has the From's organizational domain; §4.2: DMARC passes if SPF or DKIM aligns"),
        Evidence::Receiver("Gmail Email sender guidelines: \"Authenticate email with SPF and DKIM that are aligned with each other at the organizational level\""),
        Evidence::Ours("warning only when no DKIM signature of the From domain with an intact body exists and the message is not list traffic (a List-Id on another organizational domain than From's, another RFC 2369 field only a list has, Mailing-List, or an envelope sender or Sender named as list managers name theirs: owner-LIST, LIST-owner, LIST-admin, LIST-bounces, LIST-bounce, LIST-request, LIST-return-N; a list re-sends its members' mail under its own envelope sender, and Gmail does not require alignment of mailing-list mail); a List-Id in the From's own organizational domain names the sender's own list (RFC 2919 §3: the namespace is a domain the list owner controls), a newsletter it sends itself, and exempts nothing; a different Sender alone is information"),
        Evidence::Rfc("information when the Return-Path is a Sender Rewriting Scheme address whose original sender domain aligns with From: a forwarder rewrote it, not the sender (Mail::SRS and postsrsd(8): SRS0<sep>HASH=TT=domain=local@forwarder, <sep> one of = + -; SRS1<sep>HASH=forwarder=<sep>HASH=TT=domain=local@… for a second hop); RFC 7960 §3 (causes of DMARC interoperability issues): a forward that changes the envelope sender breaks SPF alignment, and an intact DKIM signature is what survives it"),
        Evidence::Rfc("information when the Return-Path names the mailbox the message was delivered to (Delivered-To of Postfix and qmail, X-Original-To): RFC 5321 §4.4 has final delivery record the reverse-path of the last transfer (\"inserts a return-path line at the beginning of the mail data\"), and a message whose last envelope sender is its own recipient was sent on by that recipient (a redirect, a local re-injection), so the field does not show the author's envelope sender. In the SpamAssassin corpus, 4 hard-ham newsletters re-injected by the corpus owner (Return-Path and Delivered-To zzz@spamassassin.taint.org, the original envelope-from, in a Received comment, on the From's domain) had been compared on that address; no dev or held-out spam has the shape"),
        Evidence::Rfc("information on a delivery report (a top-level multipart/report; report-type=delivery-status, RFC 3464 §2) and when the Return-Path's local part is MAILER-DAEMON: RFC 5321 §4.5.5 has delivery reports sent with a null reverse-path, which some MTAs write as MAILER-DAEMON@their-domain (sendmail's F=g flag puts $g, MAILER-DAEMON@ the local domain, in place of <>: Costales, sendmail 4th ed., ch. 20); no envelope sender of the author's exists to align. A MAILER-DAEMON Return-Path counts only on a message shaped like one sent with a null reverse-path: a top-level multipart/report (RFC 6522 §3; RFC 8098 §2.1 for read receipts), Auto-Submitted other than no (RFC 3834 §3.3, §5), or a From of MAILER-DAEMON@ or postmaster@ (RFC 5321 §4.5.1): every such Return-Path among the 1,265 fixture messages linted in stop 68 has one of these (ours: a measurement); on any other message it is an envelope sender like another and must align"),
    ],
    score: scores::SENDER_MISALIGNED,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "Return-Path on the host's domain, no DKIM",
                fr: "Return-Path sur le domaine de l'hébergeur, pas de DKIM",
                es: "Return-Path en el dominio del alojamiento, sin DKIM",
                pl: "Return-Path w domenie hostingu, bez DKIM",
            },
            ExampleInput::Raw("Return-Path: <www-data@web42.hosting.example>\nFrom: contact@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Return-Path elsewhere but a DKIM signature of the From domain",
                fr: "Return-Path ailleurs mais une signature DKIM du domaine du From",
                es: "Return-Path en otro dominio pero con firma DKIM del dominio del From",
                pl: "Return-Path gdzie indziej, ale z podpisem DKIM domeny From",
            },
            ExampleInput::Raw("Return-Path: <bounce@esp.example>\nDKIM-Signature: v=1; a=rsa-sha256; c=simple/simple; d=my-site.example; s=s1;\n h=from:to:subject; bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: contact@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A mailing list's message: the list's own Return-Path",
                fr: "Un message de liste de diffusion : le Return-Path de la liste",
                es: "Un mensaje de lista de correo: el Return-Path de la propia lista",
                pl: "Wiadomość z listy dyskusyjnej: Return-Path samej listy",
            },
            ExampleInput::Raw("Return-Path: <list-bounces@lists.example.net>\nMailing-List: list friends@lists.example.net; contact friends-owner@lists.example.net\nList-Subscribe: <mailto:friends-subscribe@lists.example.net>\nFrom: jane@my-site.example\nTo: friends@lists.example.net\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "An older list manager's post: no List-Id, the list's envelope sender",
                fr: "Le message d'un ancien gestionnaire de liste : pas de List-Id, l'expéditeur d'enveloppe de la liste",
                es: "El mensaje de un gestor de listas antiguo: sin List-Id, el remitente de sobre de la lista",
                pl: "Wiadomość ze starszego menedżera list: bez List-Id, nadawca koperty listy",
            },
            ExampleInput::Raw("Return-Path: <owner-linux-xfs@oss.example.net>\nFrom: jane@my-site.example\nTo: linux-xfs@oss.example.net\nSubject: Re: xfs_repair\n\nIt works now.\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "The site's own newsletter through a sending service: its List-Id is on the From domain",
                fr: "La lettre d'information du site par un service d'envoi : son List-Id est sur le domaine du From",
                es: "El boletín del propio sitio a través de un servicio de envío: su List-Id está en el dominio del From",
                pl: "Własny newsletter witryny wysyłany przez usługę wysyłkową: jego List-Id jest w domenie From",
            },
            ExampleInput::Raw("Return-Path: <bounce-77@esp.example>\nFrom: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.my-site.example>\nList-Unsubscribe: <https://my-site.example/u/1>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A list on another domain re-sends a member's post",
                fr: "Une liste sur un autre domaine renvoie le message d'un membre",
                es: "Una lista en otro dominio reenvía el mensaje de un miembro",
                pl: "Lista w innej domenie rozsyła wiadomość członka",
            },
            ExampleInput::Raw("Return-Path: <bounce-77@esp.example>\nFrom: jane@my-site.example\nTo: friends@lists.example.net\nSubject: Hi\nList-Id: Friends <friends.lists.example.net>\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A forward: the forwarder's SRS address carries an envelope sender of the From domain",
                fr: "Un renvoi : l'adresse SRS du serveur de renvoi contient un expéditeur d'enveloppe du domaine du From",
                es: "Un reenvío: la dirección SRS del reenviador contiene un remitente de sobre del dominio del From",
                pl: "Przekazanie: adres SRS serwera przekazującego zawiera nadawcę koperty z domeny From",
            },
            ExampleInput::Raw("Return-Path: <SRS0=63fc=V7=my-site.example=jane@fwd.example.net>\nReceived: from a.my-site.example by mx.fwd.example.net; Thu, 13 Oct 2016 14:33:08 +0300\nFrom: jane@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A delivery report: the null envelope sender written as MAILER-DAEMON",
                fr: "Un rapport de remise : l'expéditeur d'enveloppe vide écrit MAILER-DAEMON",
                es: "Un informe de entrega: el remitente de sobre vacío escrito como MAILER-DAEMON",
                pl: "Raport doręczenia: pusty nadawca koperty zapisany jako MAILER-DAEMON",
            },
            ExampleInput::Raw("Return-Path: <MAILER-DAEMON@mx5.example.net>\nFrom: postmaster@example.com\nTo: jane@my-site.example\nSubject: Returned mail: User unknown\n\nThe original message was received at Mon, 1 Jun 2026 10:00:00 +0000.\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A delivery report a sending service relays under its own envelope sender",
                fr: "Un rapport de remise qu'un service d'envoi relaie sous son propre expéditeur d'enveloppe",
                es: "Un informe de entrega que un servicio de envío retransmite con su propio remitente de sobre",
                pl: "Raport doręczenia, który usługa wysyłkowa przekazuje z własnym nadawcą koperty",
            },
            ExampleInput::Raw("Return-Path: <apps@esp.example>\nFrom: MAILER-DAEMON@mx.example.net\nTo: bounces@my-site.example\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\nThe mail could not be delivered.\n--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; jane@example.org\nAction: failed\nStatus: 5.1.1\n--b1--\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "MAILER-DAEMON as the envelope sender of an ordinary message: no report, so it must align",
                fr: "MAILER-DAEMON comme expéditeur d'enveloppe d'un message ordinaire : pas un rapport, il doit donc s'aligner",
                es: "MAILER-DAEMON como remitente de sobre de un mensaje normal: no es un informe, así que debe alinearse",
                pl: "MAILER-DAEMON jako nadawca koperty zwykłej wiadomości: to nie raport, więc musi być wyrównany",
            },
            ExampleInput::Raw("Return-Path: <MAILER-DAEMON@web42.hosting.example>\nFrom: news@my-site.example\nTo: b@example.org\nSubject: Our spring offers\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Re-sent by its recipient: the Return-Path is the mailbox it was delivered to",
                fr: "Renvoyé par son destinataire : le Return-Path est la boîte à laquelle il a été remis",
                es: "Reenviado por su destinatario: el Return-Path es el buzón al que se entregó",
                pl: "Wysłana dalej przez odbiorcę: Return-Path to skrzynka, do której ją dostarczono",
            },
            ExampleInput::Raw("Return-Path: <jane@home.example>\nDelivered-To: jane@home.example\nReceived: by home.example (Postfix, from userid 500); Wed, 4 Sep 2002 18:34:13 +0100\nReceived: from mail.shop.example by mx.home.example; Fri, 26 Jul 2002 09:02:33 +0100\nFrom: news@shop.example\nTo: jane@home.example\nSubject: News\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "SRS address of another sender's domain: the Return-Path still does not align",
                fr: "Adresse SRS d'un expéditeur d'un autre domaine : le Return-Path ne s'aligne toujours pas",
                es: "Dirección SRS del dominio de otro remitente: el Return-Path sigue sin alinearse",
                pl: "Adres SRS nadawcy z innej domeny: Return-Path nadal nie jest wyrównany",
            },
            ExampleInput::Raw("Return-Path: <SRS0=63fc=V7=hosting.example=www-data@fwd.example.net>\nFrom: jane@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Sender on another domain",
                fr: "Sender sur un autre domaine",
                es: "Sender en otro dominio",
                pl: "Sender w innej domenie",
            },
            ExampleInput::Raw("From: contact@my-site.example\nSender: relay@agency.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "The From domain's signature does not verify with the keys given (Subject changed after signing)",
                fr: "La signature du domaine du From ne se vérifie pas avec les clés fournies (Subject modifié après la signature)",
                es: "La firma del dominio del From no se verifica con las claves indicadas (Subject cambiado tras la firma)",
                pl: "Podpis domeny From nie przechodzi weryfikacji podanymi kluczami (Subject zmieniony po podpisaniu)",
            },
            ExampleInput::Generated(failing_signature),
        )
        .with_options(crate::rules::dkim::signature::KEYS),
        Example::passes(
            title! {
                en: "Return-Path on a subdomain of the From domain",
                fr: "Return-Path sur un sous-domaine du domaine du From",
                es: "Return-Path en un subdominio del dominio del From",
                pl: "Return-Path w subdomenie domeny From",
            },
            ExampleInput::Raw("Return-Path: <bounce@mail.my-site.example>\nFrom: contact@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

/// RFC 8463's signed message, its Subject changed after signing, sent with an
/// envelope sender of the host: both signatures fail with the published keys.
fn failing_signature() -> Vec<u8> {
    let changed = crate::rules::dkim::RFC8463_MESSAGE.replace("Subject: Is dinner ready?", "Subject: Is dinner ready!");
    format!("Return-Path: <www-data@server123.hosting.example>\r\n{changed}").into_bytes()
}

fn check(message: &Message, cx: &mut Context) {
    let identity = &message.identity;
    let Some(from_domain) = identity.from_domain() else { return };
    if let Some(sender) = &identity.sender {
        if !sender.domain.is_empty() && !aligned(&sender.domain, from_domain) {
            cx.emit(
                Draft::new(
                    Msg::of(&SENDER)
                        .text("address", sender.address.clone())
                        .text("domain", org_domain(&sender.domain))
                        .text("fromDomain", org_domain(from_domain)),
                )
                .severity(Severity::Info)
                .evidence(sender.address.as_str())
                .at(field_location(message, sender.field)),
            );
        }
    }
    let Some(return_path) = &identity.return_path else { return };
    if return_path.domain.is_empty() || aligned(&return_path.domain, from_domain) {
        return;
    }
    let local = return_path.address.rsplit_once('@').map_or("", |(local, _)| local);
    // The mailbox the message was delivered to as its envelope sender: its
    // recipient sent it on (RFC 5321 §4.4), the author's envelope is not recorded.
    let resent = identity.delivered_to.iter().any(|to| to.eq_ignore_ascii_case(&return_path.address));
    // A delivery report (RFC 3464), or its null reverse-path (RFC 5321 §4.5.5)
    // as some MTAs write it, on a message shaped like what is sent with one.
    let null = (local.eq_ignore_ascii_case("MAILER-DAEMON") && system_message(message)) || delivery_report(message);
    if resent || null {
        let entry = if resent { &RETURN_PATH_RESENT } else { &RETURN_PATH_NULL };
        cx.emit(
            Draft::new(Msg::of(entry).text("address", return_path.address.clone()))
                .severity(Severity::Info)
                .evidence(return_path.address.as_str())
                .at(field_location(message, return_path.field)),
        );
        return;
    }
    // A forwarder's SRS rewrite of an envelope sender that aligned.
    if let Some(original) = srs_original_domain(local).filter(|original| aligned(original, from_domain)) {
        cx.emit(
            Draft::new(
                Msg::of(&RETURN_PATH_FORWARDED)
                    .text("address", return_path.address.clone())
                    .text("domain", org_domain(&return_path.domain))
                    .text("original", org_domain(original)),
            )
            .severity(Severity::Info)
            .evidence(return_path.address.as_str())
            .at(field_location(message, return_path.field)),
        );
        return;
    }
    // A signature known to fail (bh=, or b= with the key given) is no aligned DKIM.
    let signed = signed_by(message, cx.settings, from_domain);
    // A List-Id in the From's own organizational domain is the sender's own list
    // (RFC 2919: the namespace is the list owner's domain), a newsletter it sends
    // itself, not a list re-sending someone else's mail: it exempts nothing.
    let own_list = identity.list_id_host.as_deref().is_some_and(|host| aligned(host, from_domain));
    let list_traffic = identity.list_manager || (identity.list_id && !own_list);
    let entry = match (signed, list_traffic) {
        (true, _) => &RETURN_PATH_SIGNED,
        (false, true) => &RETURN_PATH_LIST,
        (false, false) => &RETURN_PATH,
    };
    let mut draft = Draft::new(
        Msg::of(entry)
            .text("address", return_path.address.clone())
            .text("domain", org_domain(&return_path.domain))
            .text("fromDomain", org_domain(from_domain)),
    )
    .evidence(return_path.address.as_str())
    .at(field_location(message, return_path.field));
    if signed || list_traffic {
        draft = draft.severity(Severity::Info);
    }
    cx.emit(draft);
}

/// The message has the shape of what a mail system sends with a null
/// reverse-path, so that a `MAILER-DAEMON` Return-Path is that null path and
/// not an envelope sender anyone could choose: a top-level `multipart/report`
/// of any report type (RFC 6522 §3: delivery reports, RFC 3464, and read
/// receipts, RFC 8098 §2.1, are sent with a null MAIL FROM), an
/// `Auto-Submitted` other than `no` (RFC 3834 §5; automatic replies go out with
/// an empty envelope sender, RFC 3834 §3.3, Exim's autoreply transport), or a
/// From that is the mail system itself (`MAILER-DAEMON@`, or `postmaster@`,
/// RFC 5321 §4.5.1).
fn system_message(message: &Message) -> bool {
    let report = top_report(message).is_some();
    let system_from = message.identity.from.iter().any(|mailbox| {
        let local = mailbox.address.rsplit_once('@').map_or("", |(local, _)| local);
        local.eq_ignore_ascii_case("MAILER-DAEMON") || local.eq_ignore_ascii_case("postmaster")
    });
    report || message.identity.auto_submitted || system_from
}

/// The message is a delivery status notification: a top-level
/// `multipart/report; report-type=delivery-status` (RFC 3464 §2, RFC 6522 §3).
fn delivery_report(message: &Message) -> bool {
    top_report(message).is_some_and(|value| value.param("report-type").is_some_and(|p| p.value.eq_ignore_ascii_case(b"delivery-status")))
}

/// The top-level Content-Type when it is `multipart/report` (RFC 6522 §3), as
/// the analysis parsed it (`Message::mime_value`), not parsed again.
fn top_report<'m>(message: &'m Message) -> Option<&'m crate::grammar::mime::MimeValue> {
    let value = message.header("Content-Type").and_then(|field| message.mime_value(0, field))?;
    value.value.eq_ignore_ascii_case("multipart/report").then_some(value)
}

/// The original envelope sender's domain a Sender Rewriting Scheme local part
/// carries (Mail::SRS, postsrsd): `SRS0<sep>HASH=TT=domain=local`, and for a
/// second forwarder `SRS1<sep>HASH=forwarder=<sep>HASH=TT=domain=local`, where
/// `<sep>` is one of `=`, `+`, `-`. None for any other local part.
fn srs_original_domain(local: &str) -> Option<&str> {
    let tag = local.get(..4)?;
    let rest = local.get(4..)?;
    let rest = rest.strip_prefix(['=', '+', '-'])?;
    let srs0 = if tag.eq_ignore_ascii_case("SRS0") {
        rest
    } else if tag.eq_ignore_ascii_case("SRS1") {
        // HASH=forwarder=<sep>…: the SRS0 part follows the forwarder.
        let (_, after) = rest.split_once('=')?.1.split_once('=')?;
        after.strip_prefix(['=', '+', '-'])?
    } else {
        return None;
    };
    // HASH=TT=domain=local: the local part may itself hold '='.
    let mut fields = srs0.splitn(4, '=');
    let (_hash, _stamp, domain, _local) = (fields.next()?, fields.next()?, fields.next()?, fields.next()?);
    (domain.contains('.') && !domain.is_empty()).then_some(domain)
}

#[cfg(test)]
mod tests {
    use super::srs_original_domain;

    #[test]
    fn srs_addresses_carry_the_original_domain() {
        assert_eq!(srs_original_domain("SRS0=63fc=V7=kreata.ee=andris"), Some("kreata.ee"));
        assert_eq!(srs_original_domain("srs0+JvSE=IT=mailspot.com=milos"), Some("mailspot.com"));
        assert_eq!(srs_original_domain("SRS0-h=tt=example.org=a=b"), Some("example.org"));
        assert_eq!(srs_original_domain("SRS1=X=fwd1.example==HHH=TT=orig.example=user"), Some("orig.example"));
        assert_eq!(srs_original_domain("SRS0=h=tt=nodot=a"), None);
        assert_eq!(srs_original_domain("SRS0=only=two"), None);
        assert_eq!(srs_original_domain("SRS2=h=tt=example.org=a"), None);
        assert_eq!(srs_original_domain("srs"), None);
        assert_eq!(srs_original_domain("bounce-77"), None);
    }
}
