//! `attachment/uninspectable-archive`: archives whose content cannot be read here
//! (RAR, 7-Zip, bzip2, xz, Zstandard, ISO images, cabinets, ZIP entries with
//! exotic compression): the host's filter may not read them either, and "even
//! zipped" executables are blocked, so the sender should know nothing was checked
//! inside. Names are listed when the format's headers are plain (RAR, cabinets), and
//! checked by the other rules.

use super::samples;
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/uninspectable-archive";
    summary => {
        en: "An archive's content cannot be inspected (RAR, 7-Zip, cabinet, …).",
        fr: "Le contenu d'une archive ne peut pas être inspecté (RAR, 7-Zip, cabinet, …).",
        es: "El contenido de un archivo comprimido no se puede inspeccionar (RAR, 7-Zip, cabinet, …).",
        pl: "Zawartości archiwum nie można sprawdzić (RAR, 7-Zip, cabinet, …).",
    },
    why => {
        en: "The guides block executables even zipped. mail-preflight reads ZIP, tar and gzip, but not this format, so it cannot tell whether a program is inside; the host's filter may not read it either and may hold the mail.",
        fr: "Les guides bloquent les exécutables même « zippés ». mail-preflight lit les formats ZIP, tar et gzip, mais pas celui-ci : il ne peut pas dire si un programme s'y trouve ; le filtre de l'hébergeur ne le lit peut-être pas non plus et peut retenir l'e-mail.",
        es: "Las guías bloquean los ejecutables aunque estén comprimidos. mail-preflight lee ZIP, tar y gzip, pero no este formato, así que no puede saber si contiene un programa; puede que el filtro del alojamiento tampoco lo lea y retenga el correo.",
        pl: "Przewodniki blokują pliki wykonywalne nawet spakowane. mail-preflight odczytuje ZIP, tar i gzip, ale nie ten format, więc nie wie, czy w środku jest program; filtr hostingu może go też nie odczytać i zatrzymać wiadomość.",
    },
    fix => {
        en: "Send the files as a ZIP archive without password, or as separate attachments.",
        fr: "Envoyez les fichiers dans une archive ZIP sans mot de passe, ou en pièces jointes séparées.",
        es: "Envíe los archivos en un ZIP sin contraseña o como adjuntos separados.",
        pl: "Wyślij pliki w archiwum ZIP bez hasła albo jako osobne załączniki.",
    },
    FORMAT "format" => {
        en: "{path} ({format}): its content cannot be inspected.",
        fr: "{path} ({format}) : son contenu ne peut pas être inspecté.",
        es: "{path} ({format}): su contenido no se puede inspeccionar.",
        pl: "{path} ({format}): jego zawartości nie można sprawdzić.",
    },
    WITH_NAMES "with-names" => {
        en: "{path} ({format}) lists {count} files ({names}); their content cannot be inspected.",
        fr: "{path} ({format}) contient {count} fichiers ({names}) ; leur contenu ne peut pas être inspecté.",
        es: "{path} ({format}) contiene {count} ficheros ({names}); su contenido no se puede inspeccionar.",
        pl: "{path} ({format}) zawiera pliki w liczbie {count} ({names}); ich zawartości nie można sprawdzić.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros »), même s'il est « zippé » »"),
        Evidence::Ours("an archive whose content cannot be read here may hide what the guides block, even zipped"),
    ],
    score: crate::rules::scores::NONE, // TODO(score): was 10
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A RAR archive",
                fr: "Une archive RAR",
                es: "Un archivo RAR",
                pl: "Archiwum RAR",
            },
            ExampleInput::Generated(rar_archive),
        ),
        Example::fails(
            title! {
                en: "A 7-Zip archive named backup.dat",
                fr: "Une archive 7-Zip nommée backup.dat",
                es: "Un archivo 7-Zip llamado backup.dat",
                pl: "Archiwum 7-Zip o nazwie backup.dat",
            },
            ExampleInput::Generated(seven_zip_renamed),
        ),
        Example::fails(
            title! {
                en: "A cabinet listing its file names",
                fr: "Une archive Cabinet qui liste ses noms de fichiers",
                es: "Un archivo Cabinet que enumera sus nombres de archivo",
                pl: "Archiwum Cabinet z listą nazw plików",
            },
            ExampleInput::Generated(cabinet),
        ),
        Example::passes(
            title! {
                en: "A ZIP archive (its directory is read)",
                fr: "Une archive ZIP (son répertoire est lu)",
                es: "Un archivo ZIP (se lee su directorio)",
                pl: "Archiwum ZIP (jego katalog jest odczytywany)",
            },
            ExampleInput::Generated(zip_archive),
        ),
        Example::passes(
            title! {
                en: "A gzip-compressed tar archive (inflated and read)",
                fr: "Une archive tar compressée en gzip (décompressée et lue)",
                es: "Un archivo tar comprimido con gzip (descomprimido y leído)",
                pl: "Archiwum tar skompresowane gzipem (rozpakowane i odczytane)",
            },
            ExampleInput::Generated(tar_gz),
        ),
    ],
    check: Check::Message(check),
};

fn rar_archive() -> Vec<u8> {
    samples::message_with(
        "photos.rar",
        "application/vnd.rar",
        b"Rar!\x1a\x07\x01\x00\x33\x92\xb5\xe5\x0a\x01\x05\x06\x00",
    )
}
fn seven_zip_renamed() -> Vec<u8> {
    samples::message_with("backup.dat", "application/octet-stream", &[b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 0, 0])
}
fn cabinet() -> Vec<u8> {
    samples::message_with(
        "drivers.cab",
        "application/vnd.ms-cab-compressed",
        &samples::cabinet(&["readme.txt", "setup.inf"]),
    )
}
fn zip_archive() -> Vec<u8> {
    let archive = samples::zip(&[samples::ZipEntry::deflated("photo.jpg", &[0xff, 0xd8, 0xff, 0xe0])]);
    samples::message_with("photos.zip", "application/zip", &archive)
}
fn tar_gz() -> Vec<u8> {
    let tar = samples::tar(&[("logs/app.log", b"started\n")]);
    samples::message_with("logs.tar.gz", "application/gzip", &samples::gzip(&tar, None))
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = super::inspect(message, cx.settings);
    for (attachment, fact) in super::facts_where(&inspected, |k| matches!(k, FactKind::Uninspectable { .. })) {
        let FactKind::Uninspectable { format, names } = &fact.kind else { continue };
        let msg = if names.is_empty() {
            super::with_format(Msg::of(&FORMAT).text("path", fact.path.clone()), "format", format)
        } else {
            let msg = Msg::of(&WITH_NAMES)
                .text("path", fact.path.clone())
                .int("count", names.len())
                .text("names", names.iter().take(10).cloned().collect::<Vec<_>>().join(", "));
            super::with_format(msg, "format", format)
        };
        cx.emit(Draft::new(msg).evidence(&fact.path).at(super::location(message, attachment, fact)));
    }
}
