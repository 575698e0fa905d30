//! `attachment/executable`: the guides: "the e-mail contains an executable (EXE,
//! BAT, PIF, …), even if it is zipped": the host blocks the mail. Found by the
//! real extension (after undoing hidden characters and trailing dots; the list
//! includes every type Gmail or Outlook blocks), by the declared type
//! (`application/x-msdownload`, `application/x-sh`: `inspect::names::EXECUTABLE_TYPES`)
//! and by the content (PE, ELF, Mach-O, Java
//! class, shebang script, shortcut, HTML application, MSI, and disk images,
//! which Windows mounts and runs from), at any depth inside archives, disk
//! images, OneNote sections and files smuggled in web pages.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/executable";
    summary => {
        en: "An attachment is a program or a script, even inside an archive.",
        fr: "Une pièce jointe est un programme ou un script, même dans une archive.",
        es: "Un adjunto es un programa o un script, incluso dentro de un archivo comprimido.",
        pl: "Załącznik jest programem lub skryptem, nawet wewnątrz archiwum.",
    },
    why => {
        en: "The hosting guides list an e-mail that contains an executable (EXE, BAT, PIF, …), even zipped, among the reasons the host blocks the sending of automated mail. Programs are recognised by their real extension, once hidden characters and trailing dots are undone, by the type the message declares for them (such as application/x-msdownload or application/x-sh), and by their content (Windows, Linux and macOS programs, scripts, shortcuts, installers, HTML applications, and disk images, which Windows mounts and runs from on a double click), whatever the name says; the extensions include every type Gmail or Outlook refuses.",
        fr: "Les guides de l'hébergeur citent l'e-mail qui contient un exécutable (EXE, BAT, PIF, …), même « zippé », parmi les causes de blocage des envois d'e-mails automatisés. Les programmes sont reconnus par leur véritable extension, une fois les caractères cachés et les points finaux retirés, par le type que le message leur déclare (comme application/x-msdownload ou application/x-sh), et par leur contenu (programmes Windows, Linux et macOS, scripts, raccourcis, installeurs, applications HTML, et images disque, que Windows monte d'un double clic et depuis lesquelles il lance des programmes), quel que soit le nom ; les extensions comprennent tous les types que Gmail ou Outlook refusent.",
        es: "Las guías del alojamiento citan el correo que contiene un ejecutable (EXE, BAT, PIF, …), aunque esté comprimido en zip, entre las causas de bloqueo del envío de correos automatizados. Los programas se reconocen por su extensión real, una vez quitados los caracteres ocultos y los puntos finales, por el tipo que el mensaje les declara (como application/x-msdownload o application/x-sh), y por su contenido (programas de Windows, Linux y macOS, scripts, accesos directos, instaladores, aplicaciones HTML, e imágenes de disco, que Windows monta con un doble clic y desde las que ejecuta programas), diga lo que diga el nombre; las extensiones incluyen todos los tipos que Gmail u Outlook rechazan.",
        pl: "Przewodniki hostingu wymieniają e-mail zawierający plik wykonywalny (EXE, BAT, PIF, …), nawet spakowany do ZIP, wśród powodów blokady wysyłki automatycznych wiadomości. Programy są rozpoznawane po prawdziwym rozszerzeniu, po usunięciu ukrytych znaków i końcowych kropek, po typie zadeklarowanym dla nich w wiadomości (np. application/x-msdownload lub application/x-sh) oraz po zawartości (programy Windows, Linux i macOS, skrypty, skróty, instalatory, aplikacje HTML oraz obrazy dysków, które Windows montuje po dwukrotnym kliknięciu i z których uruchamia programy), niezależnie od nazwy; rozszerzenia obejmują wszystkie typy odrzucane przez Gmail lub Outlook.",
    },
    fix => {
        en: "Do not send programs by e-mail, not even zipped or renamed: put the file on your site and send a download link.",
        fr: "N'envoyez pas de programmes par e-mail, même zippés ou renommés : déposez le fichier sur votre site et envoyez un lien de téléchargement.",
        es: "No envíe programas por correo, ni comprimidos ni renombrados: suba el archivo a su sitio y envíe un enlace de descarga.",
        pl: "Nie wysyłaj programów e-mailem, nawet spakowanych lub o zmienionej nazwie: umieść plik na swojej stronie i wyślij link do pobrania.",
    },
    BY_NAME "by-name" => {
        en: "{path} has the extension .{extension} ({group}): it is a program or script, and the host blocks mail that carries one.",
        fr: "{path} a l'extension .{extension} ({group}) : c'est un programme ou un script, et l'hébergeur bloque les e-mails qui en contiennent.",
        es: "{path} tiene la extensión .{extension} ({group}): es un programa o un script, y el alojamiento bloquea los correos que los contienen.",
        pl: "{path} ma rozszerzenie .{extension} ({group}): to program lub skrypt, a hosting blokuje wiadomości, które je zawierają.",
    },
    BY_CONTENT "by-content" => {
        en: "{path} is in fact a {format}, whatever its name says: the host blocks mail that carries a program.",
        fr: "{path} est en réalité un contenu de type {format}, quoi qu'en dise son nom : l'hébergeur bloque les e-mails qui contiennent un programme.",
        es: "{path} es en realidad un contenido de tipo {format}, diga lo que diga su nombre: el alojamiento bloquea los correos que contienen un programa.",
        pl: "{path} to w rzeczywistości zawartość typu {format}, niezależnie od nazwy: hosting blokuje wiadomości zawierające program.",
    },
    BY_TYPE "by-type" => {
        en: "{path} is declared as {declared}, the type of a program or script, whatever its name and content say: the host blocks mail that carries a program, and a client may save and run it as one.",
        fr: "{path} est déclaré de type {declared}, le type d'un programme ou d'un script, quoi qu'en disent son nom et son contenu : l'hébergeur bloque les e-mails qui contiennent un programme, et un logiciel de messagerie peut l'enregistrer et le lancer comme tel.",
        es: "{path} está declarado como {declared}, el tipo de un programa o un script, digan lo que digan su nombre y su contenido: el alojamiento bloquea los correos que contienen un programa, y un cliente de correo puede guardarlo y ejecutarlo como tal.",
        pl: "{path} ma zadeklarowany typ {declared}, czyli typ programu lub skryptu, niezależnie od nazwy i zawartości: hosting blokuje wiadomości zawierające program, a klient poczty może go zapisać i uruchomić jako program.",
    },
    BY_NAME_AND_CONTENT "by-name-and-content" => {
        en: "{path} is a {format} with the extension .{extension}: the host blocks mail that carries a program.",
        fr: "{path} est un contenu de type {format}, avec l'extension .{extension} : l'hébergeur bloque les e-mails qui contiennent un programme.",
        es: "{path} es un contenido de tipo {format}, con la extensión .{extension}: el alojamiento bloquea los correos que contienen un programa.",
        pl: "{path} to zawartość typu {format} z rozszerzeniem .{extension}: hosting blokuje wiadomości zawierające program.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Error,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros »), même s'il est « zippé » »"),
        Evidence::Receiver("Google, \"File types blocked in Gmail\" (support.google.com/mail/answer/6590); Exchange's default OWA BlockedFileTypes and Microsoft, \"Blocked attachments in Outlook\": the types these clients refuse (src/inspect/data/)"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[&super::EXECUTABLE_EXTENSIONS],
    examples: &[
        Example::fails(
            title! {
                en: "A Windows program named setup.exe",
                fr: "Un programme Windows nommé setup.exe",
                es: "Un programa de Windows llamado setup.exe",
                pl: "Program Windows o nazwie setup.exe",
            },
            generated!(inputs::program_by_name),
        ),
        Example::fails(
            title! {
                en: "A Windows program renamed invoice.pdf",
                fr: "Un programme Windows renommé invoice.pdf",
                es: "Un programa de Windows renombrado invoice.pdf",
                pl: "Program Windows przemianowany na invoice.pdf",
            },
            generated!(inputs::program_renamed_pdf),
        ),
        Example::fails(
            title! {
                en: "A Windows program sent as text/plain, notes.txt",
                fr: "Un programme Windows envoyé en text/plain, notes.txt",
                es: "Un programa de Windows enviado como text/plain, notes.txt",
                pl: "Program Windows wysłany jako text/plain, notes.txt",
            },
            generated!(inputs::program_as_text),
        ),
        Example::fails(
            title! {
                en: "invoice.zip holding docs/run.exe",
                fr: "invoice.zip contenant docs/run.exe",
                es: "invoice.zip con docs/run.exe dentro",
                pl: "invoice.zip zawierający docs/run.exe",
            },
            generated!(inputs::program_in_zip),
        ),
        Example::fails(
            title! {
                en: "A ZIP holding run.exe after 1 kB of other bytes (found by its end record)",
                fr: "Un ZIP contenant run.exe après 1 ko d'autres octets (trouvé par son enregistrement de fin)",
                es: "Un ZIP con run.exe tras 1 kB de otros bytes (encontrado por su registro final)",
                pl: "ZIP zawierający run.exe po 1 kB innych bajtów (znaleziony po rekordzie końcowym)",
            },
            generated!(inputs::zip_after_other_bytes),
        ),
        Example::fails(
            title! {
                en: "An ELF program without extension, deflated in a ZIP inside a ZIP",
                fr: "Un programme ELF sans extension, compressé dans un ZIP lui-même dans un ZIP",
                es: "Un programa ELF sin extensión, comprimido en un ZIP dentro de otro ZIP",
                pl: "Program ELF bez rozszerzenia, skompresowany w ZIP wewnątrz innego ZIP",
            },
            generated!(inputs::elf_in_nested_zip),
        ),
        Example::fails(
            title! {
                en: "A Mach-O program named readme",
                fr: "Un programme Mach-O nommé readme",
                es: "Un programa Mach-O llamado readme",
                pl: "Program Mach-O o nazwie readme",
            },
            generated!(inputs::macho_without_extension),
        ),
        Example::fails(
            title! {
                en: "A batch file named with a right-to-left override (invoice\u{202e}fdp.bat)",
                fr: "Un fichier batch dont le nom contient un caractère de forçage de droite à gauche (invoice\u{202e}fdp.bat)",
                es: "Un archivo por lotes cuyo nombre lleva un carácter de forzado de derecha a izquierda (invoice\u{202e}fdp.bat)",
                pl: "Plik wsadowy z nazwą zawierającą znak wymuszenia kierunku od prawej do lewej (invoice\u{202e}fdp.bat)",
            },
            generated!(inputs::bidi_batch),
        ),
        Example::fails(
            title! {
                en: "run.exe. with a trailing dot, which Windows drops",
                fr: "run.exe. avec un point final, que Windows supprime",
                es: "run.exe. con un punto final, que Windows elimina",
                pl: "run.exe. z końcową kropką, którą Windows usuwa",
            },
            generated!(inputs::trailing_dot),
        ),
        Example::fails(
            title! {
                en: "A .pif name given only in Content-Type name=, RFC 2047 encoded",
                fr: "Un nom en .pif donné seulement dans Content-Type name=, encodé RFC 2047",
                es: "Un nombre .pif indicado solo en Content-Type name=, codificado RFC 2047",
                pl: "Nazwa .pif podana tylko w Content-Type name=, zakodowana RFC 2047",
            },
            generated!(inputs::rfc2047_name),
        ),
        Example::fails(
            title! {
                en: "Two names: filename=invoice.pdf and Content-Type name=invoice.exe",
                fr: "Deux noms : filename=invoice.pdf et Content-Type name=invoice.exe",
                es: "Dos nombres: filename=invoice.pdf y Content-Type name=invoice.exe",
                pl: "Dwie nazwy: filename=invoice.pdf i Content-Type name=invoice.exe",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Invoice\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nThe invoice.\n--b\nContent-Type: application/octet-stream; name=\"invoice.exe\"\nContent-Disposition: attachment; filename=\"invoice.pdf\"\nContent-Transfer-Encoding: base64\n\nSGVsbG8=\n--b--\n"),
        ),
        Example::fails(
            title! {
                en: "setup.exe.bz2: a program under a single-file compressor",
                fr: "setup.exe.bz2 : un programme compressé par un compresseur mono-fichier",
                es: "setup.exe.bz2: un programa comprimido con un compresor de un solo archivo",
                pl: "setup.exe.bz2: program skompresowany kompresorem pojedynczych plików",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Setup\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nThe setup.\n--b\nContent-Type: application/x-bzip2; name=\"setup.exe.bz2\"\nContent-Disposition: attachment; filename=\"setup.exe.bz2\"\nContent-Transfer-Encoding: base64\n\nQlpoOTFBWSZTWQ==\n--b--\n"),
        ),
        Example::fails(
            title! {
                en: "A .vbs name in RFC 2231 encoding (filename*=)",
                fr: "Un nom en .vbs encodé RFC 2231 (filename*=)",
                es: "Un nombre .vbs con codificación RFC 2231 (filename*=)",
                pl: "Nazwa .vbs w kodowaniu RFC 2231 (filename*=)",
            },
            generated!(inputs::rfc2231_name),
        ),
        Example::fails(
            title! {
                en: "A file named update, declared application/x-msdownload",
                fr: "Un fichier nommé update, déclaré application/x-msdownload",
                es: "Un archivo llamado update, declarado application/x-msdownload",
                pl: "Plik o nazwie update, zadeklarowany jako application/x-msdownload",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Update\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nThe update.\n--b\nContent-Type: application/x-msdownload\nContent-Disposition: attachment; filename=\"update\"\nContent-Transfer-Encoding: base64\n\nSGVsbG8=\n--b--\n"),
        ),
        Example::fails(
            title! {
                en: "An MSI installer named update.dat",
                fr: "Un installeur MSI nommé update.dat",
                es: "Un instalador MSI llamado update.dat",
                pl: "Instalator MSI o nazwie update.dat",
            },
            generated!(inputs::installer_renamed),
        ),
        Example::fails(
            title! {
                en: "An Excel add-in, tools.xll (Gmail's block list)",
                fr: "Un complément Excel, tools.xll (liste de blocage de Gmail)",
                es: "Un complemento de Excel, tools.xll (lista de bloqueo de Gmail)",
                pl: "Dodatek do Excela, tools.xll (lista blokad Gmaila)",
            },
            generated!(inputs::excel_add_in),
        ),
        Example::fails(
            title! {
                en: "A Python script, report.py (Outlook's block list)",
                fr: "Un script Python, report.py (liste de blocage d'Outlook)",
                es: "Un script de Python, report.py (lista de bloqueo de Outlook)",
                pl: "Skrypt Pythona, report.py (lista blokad Outlooka)",
            },
            generated!(inputs::python_script),
        ),
        Example::fails(
            title! {
                en: "An HTML application named invoice.html",
                fr: "Une application HTML nommée invoice.html",
                es: "Una aplicación HTML llamada invoice.html",
                pl: "Aplikacja HTML o nazwie invoice.html",
            },
            generated!(inputs::hta_as_page),
        ),
        Example::fails(
            title! {
                en: "A shortcut named photo.jpg",
                fr: "Un raccourci nommé photo.jpg",
                es: "Un acceso directo llamado photo.jpg",
                pl: "Skrót o nazwie photo.jpg",
            },
            generated!(inputs::shortcut_as_picture),
        ),
        Example::fails(
            title! {
                en: "An ISO image named backup.dat holding setup.exe",
                fr: "Une image ISO nommée backup.dat contenant setup.exe",
                es: "Una imagen ISO llamada backup.dat que contiene setup.exe",
                pl: "Obraz ISO o nazwie backup.dat zawierający setup.exe",
            },
            generated!(inputs::iso_renamed),
        )
        .times(2),
        Example::fails(
            title! {
                en: "A VHD disk image named disk.bin",
                fr: "Une image disque VHD nommée disk.bin",
                es: "Una imagen de disco VHD llamada disk.bin",
                pl: "Obraz dysku VHD o nazwie disk.bin",
            },
            generated!(inputs::vhd_renamed),
        ),
        Example::fails(
            title! {
                en: "A raw FAT disk image named backup.bin",
                fr: "Une image disque FAT brute nommée backup.bin",
                es: "Una imagen de disco FAT en bruto llamada backup.bin",
                pl: "Surowy obraz dysku FAT o nazwie backup.bin",
            },
            generated!(inputs::raw_image_renamed),
        ),
        Example::fails(
            title! {
                en: "A OneNote section embedding a batch script",
                fr: "Une section OneNote qui incorpore un script batch",
                es: "Una sección de OneNote que incrusta un script por lotes",
                pl: "Sekcja OneNote z osadzonym skryptem wsadowym",
            },
            generated!(inputs::onenote_with_script),
        ),
        Example::fails(
            title! {
                en: "A tar whose pax header gives a long name ending in .exe",
                fr: "Un tar dont l'en-tête pax donne un nom long qui finit par .exe",
                es: "Un tar cuya cabecera pax da un nombre largo terminado en .exe",
                pl: "Archiwum tar, którego nagłówek pax podaje długą nazwę kończącą się na .exe",
            },
            generated!(inputs::tar_with_long_program_name),
        ),
        Example::fails(
            title! {
                en: "A 7-Zip archive whose header lists setup.exe",
                fr: "Une archive 7-Zip dont l'en-tête liste setup.exe",
                es: "Un archivo 7-Zip cuya cabecera enumera setup.exe",
                pl: "Archiwum 7-Zip, którego nagłówek wymienia setup.exe",
            },
            generated!(inputs::seven_zip_with_program),
        ),
        Example::fails(
            title! {
                en: "A web page smuggling a ZIP that holds a program",
                fr: "Une page web qui fait passer en fraude un ZIP contenant un programme",
                es: "Una página web que pasa de contrabando un ZIP con un programa",
                pl: "Strona WWW przemycająca ZIP z programem",
            },
            generated!(inputs::smuggled_program),
        ),
        Example::fails(
            title! {
                en: "A winmail.dat (TNEF) carrying a program",
                fr: "Un winmail.dat (TNEF) qui transporte un programme",
                es: "Un winmail.dat (TNEF) que lleva un programa",
                pl: "Plik winmail.dat (TNEF) z programem w środku",
            },
            generated!(inputs::tnef_with_program),
        ),
        Example::fails(
            title! {
                en: "An RTF document named .doc whose OLE Package object holds a program",
                fr: "Un document RTF nommé .doc dont l'objet OLE Package contient un programme",
                es: "Un documento RTF llamado .doc cuyo objeto OLE Package contiene un programa",
                pl: "Dokument RTF o nazwie .doc, którego obiekt OLE Package zawiera program",
            },
            generated!(inputs::rtf_package_as_doc),
        ),
        Example::fails(
            title! {
                en: "A Word document whose embedded OLE Package object holds a script",
                fr: "Un document Word dont l'objet OLE Package incorporé contient un script",
                es: "Un documento Word cuyo objeto OLE Package incrustado contiene un script",
                pl: "Dokument Word, którego osadzony obiekt OLE Package zawiera skrypt",
            },
            generated!(inputs::docx_with_package),
        ),
        Example::fails(
            title! {
                en: "An Outlook item (.msg) with a program attached",
                fr: "Un élément Outlook (.msg) avec un programme en pièce jointe",
                es: "Un elemento de Outlook (.msg) con un programa adjunto",
                pl: "Element programu Outlook (.msg) z dołączonym programem",
            },
            generated!(inputs::outlook_item_with_program),
        ),
        Example::passes(
            title! {
                en: "A PDF invoice",
                fr: "Une facture en PDF",
                es: "Una factura en PDF",
                pl: "Faktura w PDF",
            },
            generated!(inputs::pdf_invoice),
        ),
        Example::passes(
            title! {
                en: "A ZIP of a PDF and a text file",
                fr: "Un ZIP contenant un PDF et un fichier texte",
                es: "Un ZIP con un PDF y un archivo de texto",
                pl: "ZIP z plikiem PDF i plikiem tekstowym",
            },
            generated!(inputs::zip_of_documents),
        ),
        Example::passes(
            title! {
                en: "A text file that starts with the letters MZ",
                fr: "Un fichier texte qui commence par les lettres MZ",
                es: "Un archivo de texto que empieza por las letras MZ",
                pl: "Plik tekstowy zaczynający się od liter MZ",
            },
            generated!(inputs::text_starting_with_mz),
        ),
        Example::passes(
            title! {
                en: "A Word document without macros",
                fr: "Un document Word sans macros",
                es: "Un documento Word sin macros",
                pl: "Dokument Word bez makr",
            },
            generated!(inputs::plain_word_document),
        ),
        Example::passes(
            title! {
                en: "A saved web page with an inline picture",
                fr: "Une page web enregistrée avec une image intégrée",
                es: "Una página web guardada con una imagen incrustada",
                pl: "Zapisana strona WWW z osadzonym obrazem",
            },
            generated!(inputs::page_with_picture),
        ),
        Example::passes(
            title! {
                en: "A winmail.dat (TNEF) carrying a PDF",
                fr: "Un winmail.dat (TNEF) qui transporte un PDF",
                es: "Un winmail.dat (TNEF) que lleva un PDF",
                pl: "Plik winmail.dat (TNEF) z plikiem PDF",
            },
            generated!(inputs::tnef_with_pdf),
        ),
        Example::passes(
            title! {
                en: "A OneNote section embedding a picture",
                fr: "Une section OneNote qui incorpore une image",
                es: "Una sección de OneNote que incrusta una imagen",
                pl: "Sekcja OneNote z osadzonym obrazem",
            },
            generated!(inputs::onenote_with_picture),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    let found = super::facts_where(&message.attachment_facts, |k| {
        matches!(k, FactKind::ExecutableName { .. } | FactKind::ExecutableContent { .. } | FactKind::ExecutableType { .. })
    });
    for (attachment, fact) in found {
        let same_path = attachment.facts.iter().filter(|f| f.path == fact.path);
        let mut by_name = None;
        let mut by_content = None;
        let mut by_type = None;
        for other in same_path {
            match &other.kind {
                FactKind::ExecutableType { declared } => by_type = by_type.or(Some(declared)),
                FactKind::ExecutableName { extension, group } => by_name = by_name.or(Some((extension, *group))),
                FactKind::ExecutableContent { format } => by_content = by_content.or(Some(*format)),
                _ => {}
            }
        }
        let mut evidence = fact.path.clone();
        let msg = match (by_name, by_content) {
            // The content's format names what the file is; the extension's group would say it again.
            (Some((extension, _)), Some(format)) => {
                let msg =
                    Msg::of(&BY_NAME_AND_CONTENT).text("path", fact.path.clone()).text("extension", extension.clone());
                super::with_format(msg, "format", format)
            }
            (Some((extension, group)), None) => super::with_group(
                Msg::of(&BY_NAME).text("path", fact.path.clone()).text("extension", extension.clone()),
                "group",
                group,
            ),
            (None, Some(format)) => {
                super::with_format(Msg::of(&BY_CONTENT).text("path", fact.path.clone()), "format", format)
            }
            (None, None) => match by_type {
                Some(declared) => {
                    // The type as the message declares it: the evidence a reader finds in the part's header.
                    evidence = declared.clone();
                    Msg::of(&BY_TYPE).text("path", fact.path.clone()).text("declared", declared.clone())
                }
                None => continue,
            },
        };
        cx.emit(Draft::new(msg).evidence(evidence).at(super::location(message, attachment, fact)));
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples::{self, SevenZipHeader, ZipEntry};

    pub(super) fn program_by_name() -> Vec<u8> {
        samples::attached("setup.exe", &samples::windows_program())
    }
    pub(super) fn program_renamed_pdf() -> Vec<u8> {
        samples::message_with("invoice.pdf", "application/pdf", &samples::windows_program())
    }
    pub(super) fn program_as_text() -> Vec<u8> {
        samples::message_with("notes.txt", "text/plain", &samples::windows_program())
    }
    pub(super) fn program_in_zip() -> Vec<u8> {
        let program = samples::windows_program();
        samples::zip_message(
            "invoice.zip",
            &[ZipEntry::deflated("docs/readme.txt", b"Open run.exe"), ZipEntry::stored("docs/run.exe", &program)],
        )
    }
    pub(super) fn zip_after_other_bytes() -> Vec<u8> {
        let mut file: Vec<u8> = (0..1024u32).map(|i| (i * 7 + 3) as u8).collect();
        file.extend(samples::zip(&[ZipEntry::stored("run.exe", &samples::windows_program())]));
        samples::attached("data.bin", &file)
    }
    pub(super) fn elf_in_nested_zip() -> Vec<u8> {
        let inner = samples::zip(&[ZipEntry::deflated("bin/update", &samples::elf_program())]);
        samples::zip_message("files.zip", &[ZipEntry::deflated("inner.zip", &inner)])
    }
    pub(super) fn macho_without_extension() -> Vec<u8> {
        samples::attached("readme", &samples::macho_program())
    }
    pub(super) fn bidi_batch() -> Vec<u8> {
        samples::attached("invoice\u{202e}fdp.bat", b"@echo off\r\n")
    }
    pub(super) fn trailing_dot() -> Vec<u8> {
        samples::attached("run.exe.", b"not a real program")
    }
    pub(super) fn rfc2047_name() -> Vec<u8> {
        // "=?utf-8?B?…?=" is "faktura.pif"; no Content-Disposition file name.
        samples::message_with_header(
            "Content-Type: application/octet-stream; name=\"=?utf-8?B?ZmFrdHVyYS5waWY=?=\"",
            b"data",
        )
    }
    pub(super) fn rfc2231_name() -> Vec<u8> {
        samples::message_with_header(
            concat!(
                "Content-Type: application/octet-stream\r\n",
                "Content-Disposition: attachment; filename*=utf-8''factura%20%C3%BAltima.vbs",
            ),
            b"MsgBox 1",
        )
    }
    pub(super) fn installer_renamed() -> Vec<u8> {
        samples::attached("update.dat", &samples::windows_installer())
    }
    pub(super) fn python_script() -> Vec<u8> {
        samples::message_with("report.py", "text/x-python", b"import os\nos.system('calc')\n")
    }
    pub(super) fn excel_add_in() -> Vec<u8> {
        samples::attached("tools.xll", &samples::windows_program())
    }
    pub(super) fn hta_as_page() -> Vec<u8> {
        samples::message_with("invoice.html", "text/html", &samples::hta_application())
    }
    pub(super) fn shortcut_as_picture() -> Vec<u8> {
        samples::message_with("photo.jpg", "image/jpeg", &samples::windows_shortcut())
    }
    pub(super) fn iso_renamed() -> Vec<u8> {
        let program = samples::windows_program();
        samples::attached("backup.dat", &samples::iso9660(&[("setup.exe", &program), ("readme.txt", b"hi")], true))
    }
    pub(super) fn vhd_renamed() -> Vec<u8> {
        samples::attached("disk.bin", &samples::vhd_disk())
    }
    pub(super) fn raw_image_renamed() -> Vec<u8> {
        samples::attached("backup.bin", &samples::fat_disk_image())
    }
    pub(super) fn onenote_with_script() -> Vec<u8> {
        let script = b"@echo off\r\nstart https://example.com/\r\n";
        samples::attached("notes.one", &samples::onenote_section(&[&samples::pdf(), script]))
    }
    pub(super) fn tar_with_long_program_name() -> Vec<u8> {
        let name = format!("{}/update.exe", "very-long-directory-name".repeat(5));
        samples::message_with("backup.tar", "application/x-tar", &samples::tar(&[(&name, b"x")]))
    }
    pub(super) fn seven_zip_with_program() -> Vec<u8> {
        let archive = samples::seven_zip(&[("readme.txt", b"hi"), ("setup.exe", b"x")], SevenZipHeader::Plain);
        samples::message_with("files.7z", "application/x-7z-compressed", &archive)
    }
    pub(super) fn smuggled_program() -> Vec<u8> {
        let program = samples::windows_program();
        let filler = "Terms and conditions. ".repeat(300);
        let payload =
            samples::zip(&[ZipEntry::stored("terms.txt", filler.as_bytes()), ZipEntry::stored("run.exe", &program)]);
        samples::message_with("invoice.html", "text/html", &samples::smuggling_page(&payload, "invoice.zip"))
    }
    pub(super) fn pdf_invoice() -> Vec<u8> {
        samples::message_with("invoice.pdf", "application/pdf", &samples::pdf())
    }
    pub(super) fn zip_of_documents() -> Vec<u8> {
        let pdf = samples::pdf();
        samples::zip_message(
            "documents.zip",
            &[ZipEntry::deflated("invoice.pdf", &pdf), ZipEntry::deflated("notes.txt", b"Thanks!")],
        )
    }
    pub(super) fn text_starting_with_mz() -> Vec<u8> {
        samples::message_with("notes.txt", "text/plain", b"MZ is the code of the Mazowsze region.")
    }
    pub(super) fn plain_word_document() -> Vec<u8> {
        samples::docx_message("letter.docx", false)
    }
    pub(super) fn page_with_picture() -> Vec<u8> {
        samples::message_with("order.html", "text/html", &samples::page_with_inline_picture())
    }
    pub(super) fn tnef_with_program() -> Vec<u8> {
        let tnef = samples::tnef(&[("INVOIC~1.EXE", Some("invoice.exe"), &samples::windows_program())]);
        samples::message_with("winmail.dat", "application/ms-tnef", &tnef)
    }
    pub(super) fn tnef_with_pdf() -> Vec<u8> {
        let tnef = samples::tnef(&[("invoice.pdf", None, &samples::pdf())]);
        samples::message_with("winmail.dat", "application/ms-tnef", &tnef)
    }
    pub(super) fn rtf_package_as_doc() -> Vec<u8> {
        let package = samples::ole_package("run.exe", &samples::windows_program(), false);
        let rtf = samples::rtf_with_object(&samples::ole1_object("Package", &package));
        samples::message_with("letter.doc", "application/msword", &rtf)
    }
    pub(super) fn docx_with_package() -> Vec<u8> {
        let object = samples::ole_package_object("invoice.vbs", b"CreateObject(\"WScript.Shell\").Run \"calc\"");
        let types = r#"<Types><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/></Types>"#;
        let entries = [
            ZipEntry::deflated("[Content_Types].xml", types.as_bytes()),
            ZipEntry::deflated("word/document.xml", b"<w:document/>"),
            ZipEntry::deflated("word/embeddings/oleObject1.bin", &object),
        ];
        samples::message_with("report.docx", samples::DOCX_TYPE, &samples::zip(&entries))
    }
    pub(super) fn outlook_item_with_program() -> Vec<u8> {
        let item = samples::outlook_item(&[("invoice.exe", &samples::windows_program())]);
        samples::message_with("Invoice.msg", "application/vnd.ms-outlook", &item)
    }
    pub(super) fn onenote_with_picture() -> Vec<u8> {
        let picture = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        samples::attached("notes.one", &samples::onenote_section(&[picture]))
    }
}

#[cfg(test)]
mod declared_type_tests {
    use crate::{Locale, Options, Severity};

    /// A message with one attachment named `update` (no extension) declared
    /// `content_type`, whose bytes are no program.
    fn declared(content_type: &str) -> String {
        format!(
            "From: a@example.com\r\nTo: b@example.com\r\nSubject: Documents\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe documents.\r\n\
             --b\r\nContent-Type: {content_type}\r\nContent-Disposition: attachment; filename=\"update\"\r\n\r\n\
             The type says program, the bytes do not.\r\n--b--\r\n"
        )
    }

    fn findings(raw: &str, options: &Options) -> Vec<(Severity, String, String)> {
        let report = crate::lint(raw.as_bytes(), options).expect("lints");
        report.findings_of(super::ID).map(|f| (f.severity, f.evidence.clone(), f.message.clone())).collect()
    }

    #[test]
    fn a_declared_program_type_is_an_executable_whatever_the_name_and_content() {
        for content_type in [
            "application/x-msdownload",
            "application/x-msdos-program",
            "application/x-dosexec",
            "application/vnd.microsoft.portable-executable",
            "application/x-sh",
            "application/x-executable",
            "application/x-bat",
            "application/hta",
            "Application/X-MSDownload; name=\"update\"",
        ] {
            let found = findings(&declared(content_type), &Options::default());
            assert_eq!(found.len(), 1, "{content_type}: {found:?}");
            let (severity, evidence, message) = &found[0];
            assert_eq!(*severity, Severity::Error, "{content_type}");
            let bare = content_type.split(';').next().unwrap_or_default().to_ascii_lowercase();
            assert_eq!(evidence, &bare, "{content_type}");
            assert!(message.contains(&format!("declared as {bare}")), "{content_type}: {message}");
        }
    }

    #[test]
    fn harmless_declared_types_are_no_executable() {
        for content_type in ["application/octet-stream", "application/pdf", "text/plain", "image/png", "application/x-shockwave-flash-not", "application/x-shar"] {
            assert_eq!(findings(&declared(content_type), &Options::default()), [], "{content_type}");
        }
    }

    #[test]
    fn the_declared_type_follows_the_executable_extensions_option() {
        // A caller whose list leaves out .sh does not count shell scripts as programs, by name or by type.
        let options = Options::from_json(r#"{"thresholds": {"attachments": {"executableExtensions": ["exe"]}}}"#).expect("options");
        assert_eq!(findings(&declared("application/x-sh"), &options), []);
        assert_eq!(findings(&declared("application/x-msdownload"), &options).len(), 1);
        // A program format with no extension of its own is one whatever the list.
        assert_eq!(findings(&declared("application/x-executable"), &options).len(), 1);
    }

    #[test]
    fn the_declared_type_is_said_in_every_language() {
        let raw = declared("application/x-msdownload");
        for (locale, expected) in [
            (Locale::En, "declared as application/x-msdownload"),
            (Locale::Fr, "déclaré de type application/x-msdownload"),
            (Locale::Es, "declarado como application/x-msdownload"),
            (Locale::Pl, "zadeklarowany typ application/x-msdownload"),
        ] {
            let found = findings(&raw, &Options { locale, ..Options::default() });
            assert!(found.first().is_some_and(|f| f.2.contains(expected)), "{locale:?}: {found:?}");
        }
    }
}
