//! `attachment/uninspectable-archive`: archives whose content cannot be read here
//! (RAR, 7-Zip, bzip2, xz, Zstandard, ISO images, cabinets, ZIP entries with
//! exotic compression): the host's filter may not read them either, and "even
//! zipped" executables are blocked, so the sender should know nothing was checked
//! inside. Names are listed when the format's headers are plain (RAR, cabinets,
//! 7-Zip with an uncompressed header), and checked by the other rules; a 7-Zip
//! header compressed with LZMA (7-Zip's default) is said to be unread.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
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
        en: "The host blocks executables even zipped, its guides say. mail-preflight reads the content of ZIP, tar and gzip archives, ISO 9660 images and OneNote sections, but not of this format (at most its list of names), so it cannot tell whether a program is inside; the host's filter may not read it either and may hold the mail.",
        fr: "L'hébergeur bloque les exécutables même « zippés », disent ses guides. mail-preflight lit le contenu des archives ZIP, tar et gzip, des images ISO 9660 et des sections OneNote, mais pas celui de ce format (tout au plus sa liste de noms) : il ne peut pas dire si un programme s'y trouve ; le filtre de l'hébergeur ne le lit peut-être pas non plus et peut retenir l'e-mail.",
        es: "El alojamiento bloquea los ejecutables aunque estén comprimidos, según sus guías. mail-preflight lee el contenido de los archivos ZIP, tar y gzip, de las imágenes ISO 9660 y de las secciones de OneNote, pero no el de este formato (como mucho su lista de nombres), así que no puede saber si contiene un programa; puede que el filtro del alojamiento tampoco lo lea y retenga el correo.",
        pl: "Hosting blokuje pliki wykonywalne nawet spakowane, jak mówią jego przewodniki. mail-preflight odczytuje zawartość archiwów ZIP, tar i gzip, obrazów ISO 9660 i sekcji OneNote, ale nie tego formatu (co najwyżej listę nazw), więc nie wie, czy w środku jest program; filtr hostingu może go też nie odczytać i zatrzymać wiadomość.",
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
        en: "{path} ({format}) lists {count, plural, one {# file} other {# files}} ({names}); the content cannot be inspected.",
        fr: "{path} ({format}) contient {count, plural, one {# fichier} many {# de fichiers} other {# fichiers}} ({names}) ; le contenu ne peut pas être inspecté.",
        es: "{path} ({format}) contiene {count, plural, one {# fichero} many {# de ficheros} other {# ficheros}} ({names}); su contenido no se puede inspeccionar.",
        pl: "{path} ({format}) zawiera {count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}} ({names}); zawartości nie można sprawdzić.",
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
    score: crate::rules::scores::NONE,
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
            generated!(inputs::rar_archive),
        ),
        Example::fails(
            title! {
                en: "A 7-Zip archive named backup.dat",
                fr: "Une archive 7-Zip nommée backup.dat",
                es: "Un archivo 7-Zip llamado backup.dat",
                pl: "Archiwum 7-Zip o nazwie backup.dat",
            },
            generated!(inputs::seven_zip_renamed),
        ),
        Example::fails(
            title! {
                en: "A cabinet listing its file names",
                fr: "Une archive Cabinet qui liste ses noms de fichiers",
                es: "Un archivo Cabinet que enumera sus nombres de archivo",
                pl: "Archiwum Cabinet z listą nazw plików",
            },
            generated!(inputs::cabinet),
        ),
        Example::fails(
            title! {
                en: "A 7-Zip archive whose header is compressed (its names cannot be read here)",
                fr: "Une archive 7-Zip dont l'en-tête est compressé (ses noms ne peuvent pas être lus ici)",
                es: "Un archivo 7-Zip cuya cabecera está comprimida (sus nombres no se pueden leer aquí)",
                pl: "Archiwum 7-Zip ze skompresowanym nagłówkiem (jego nazw nie da się tu odczytać)",
            },
            generated!(inputs::seven_zip_compressed_header),
        ),
        Example::fails(
            title! {
                en: "A 7-Zip archive listing its names",
                fr: "Une archive 7-Zip qui liste ses noms",
                es: "Un archivo 7-Zip que enumera sus nombres",
                pl: "Archiwum 7-Zip z listą nazw",
            },
            generated!(inputs::seven_zip_plain_header),
        ),
        Example::passes(
            title! {
                en: "A ZIP archive (its directory is read)",
                fr: "Une archive ZIP (son répertoire est lu)",
                es: "Un archivo ZIP (se lee su directorio)",
                pl: "Archiwum ZIP (jego katalog jest odczytywany)",
            },
            generated!(inputs::zip_archive),
        ),
        Example::passes(
            title! {
                en: "A gzip-compressed tar archive (inflated and read)",
                fr: "Une archive tar compressée en gzip (décompressée et lue)",
                es: "Un archivo tar comprimido con gzip (descomprimido y leído)",
                pl: "Archiwum tar skompresowane gzipem (rozpakowane i odczytane)",
            },
            generated!(inputs::tar_gz),
        ),
        Example::passes(
            title! {
                en: "An ISO 9660 image of documents (its directory is read)",
                fr: "Une image ISO 9660 de documents (son répertoire est lu)",
                es: "Una imagen ISO 9660 de documentos (se lee su directorio)",
                pl: "Obraz ISO 9660 z dokumentami (jego katalog jest odczytywany)",
            },
            generated!(inputs::iso_of_pdf),
        ),
        Example::passes(
            title! {
                en: "A OneNote section (its embedded files are read)",
                fr: "Une section OneNote (ses fichiers incorporés sont lus)",
                es: "Una sección de OneNote (se leen sus ficheros incrustados)",
                pl: "Sekcja OneNote (jej osadzone pliki są odczytywane)",
            },
            generated!(inputs::onenote),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (attachment, fact) in
        super::facts_where(&message.attachment_facts, |k| matches!(k, FactKind::Uninspectable { .. }))
    {
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

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples::{self, SevenZipHeader};

    pub(super) fn rar_archive() -> Vec<u8> {
        samples::message_with(
            "photos.rar",
            "application/vnd.rar",
            b"Rar!\x1a\x07\x01\x00\x33\x92\xb5\xe5\x0a\x01\x05\x06\x00",
        )
    }
    pub(super) fn seven_zip_renamed() -> Vec<u8> {
        samples::attached("backup.dat", &[b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 0, 0])
    }
    pub(super) fn cabinet() -> Vec<u8> {
        samples::message_with(
            "drivers.cab",
            "application/vnd.ms-cab-compressed",
            &samples::cabinet(&["readme.txt", "setup.inf"]),
        )
    }
    pub(super) fn zip_archive() -> Vec<u8> {
        samples::zip_message("photos.zip", &[samples::ZipEntry::deflated("photo.jpg", &[0xff, 0xd8, 0xff, 0xe0])])
    }
    const FILES: &[(&str, &[u8])] = &[("photos/1.jpg", &[0xff, 0xd8, 0xff, 0xe0])];
    pub(super) fn seven_zip_compressed_header() -> Vec<u8> {
        let archive = samples::seven_zip(FILES, SevenZipHeader::Lzma);
        samples::message_with("photos.7z", "application/x-7z-compressed", &archive)
    }
    pub(super) fn seven_zip_plain_header() -> Vec<u8> {
        let archive = samples::seven_zip(FILES, SevenZipHeader::Plain);
        samples::message_with("photos.7z", "application/x-7z-compressed", &archive)
    }
    pub(super) fn iso_of_pdf() -> Vec<u8> {
        samples::attached("documents.iso", &samples::iso9660(&[("invoice.pdf", &samples::pdf())], false))
    }
    pub(super) fn onenote() -> Vec<u8> {
        samples::attached("notes.one", &samples::onenote_section(&[&samples::pdf()]))
    }
    pub(super) fn tar_gz() -> Vec<u8> {
        let tar = samples::tar(&[("logs/app.log", b"started\n")]);
        samples::message_with("logs.tar.gz", "application/gzip", &samples::gzip(&tar, None))
    }
}
