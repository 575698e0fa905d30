//! `attachment/executable`: the guides: "the e-mail contains an executable (EXE,
//! BAT, PIF, …), even if it is zipped": the host blocks the mail. Found by the
//! real extension (after undoing hidden characters and trailing dots) and by the
//! content (PE, ELF, Mach-O, Java class, shebang script, shortcut, MSI), at any
//! depth inside archives.

use super::samples::{self, ZipEntry};
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
        en: "The hosting guides list an e-mail that contains an executable (EXE, BAT, PIF, …), even zipped, among the reasons the host blocks the sending of automated mail. Programs are recognised by their real extension, once hidden characters and trailing dots are undone, and by their content (Windows, Linux and macOS programs, scripts, shortcuts, installers), whatever the name says.",
        fr: "Les guides de l'hébergeur citent l'e-mail qui contient un exécutable (EXE, BAT, PIF, …), même « zippé », parmi les causes de blocage des envois d'e-mails automatisés. Les programmes sont reconnus par leur véritable extension, une fois les caractères cachés et les points finaux retirés, et par leur contenu (programmes Windows, Linux et macOS, scripts, raccourcis, installeurs), quel que soit le nom.",
        es: "Las guías del alojamiento citan el correo que contiene un ejecutable (EXE, BAT, PIF, …), aunque esté comprimido en zip, entre las causas de bloqueo del envío de correos automatizados. Los programas se reconocen por su extensión real, una vez quitados los caracteres ocultos y los puntos finales, y por su contenido (programas de Windows, Linux y macOS, scripts, accesos directos, instaladores), diga lo que diga el nombre.",
        pl: "Przewodniki hostingu wymieniają e-mail zawierający plik wykonywalny (EXE, BAT, PIF, …), nawet spakowany do ZIP, wśród powodów blokady wysyłki automatycznych wiadomości. Programy są rozpoznawane po prawdziwym rozszerzeniu, po usunięciu ukrytych znaków i końcowych kropek, oraz po zawartości (programy Windows, Linux i macOS, skrypty, skróty, instalatory), niezależnie od nazwy.",
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
    BY_NAME_AND_CONTENT "by-name-and-content" => {
        en: "{path} is a {format} with the extension .{extension} ({group}): the host blocks mail that carries a program.",
        fr: "{path} est un contenu de type {format}, avec l'extension .{extension} ({group}) : l'hébergeur bloque les e-mails qui contiennent un programme.",
        es: "{path} es un contenido de tipo {format}, con la extensión .{extension} ({group}): el alojamiento bloquea los correos que contienen un programa.",
        pl: "{path} to zawartość typu {format} z rozszerzeniem .{extension} ({group}): hosting blokuje wiadomości zawierające program.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Error,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros »), même s'il est « zippé » »"),
    ],
    score: crate::rules::scores::NONE, // TODO(score): was 50
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
            ExampleInput::Generated(program_by_name),
        ),
        Example::fails(
            title! {
                en: "A Windows program renamed invoice.pdf",
                fr: "Un programme Windows renommé invoice.pdf",
                es: "Un programa de Windows renombrado invoice.pdf",
                pl: "Program Windows przemianowany na invoice.pdf",
            },
            ExampleInput::Generated(program_renamed_pdf),
        ),
        Example::fails(
            title! {
                en: "invoice.zip holding docs/run.exe",
                fr: "invoice.zip contenant docs/run.exe",
                es: "invoice.zip con docs/run.exe dentro",
                pl: "invoice.zip zawierający docs/run.exe",
            },
            ExampleInput::Generated(program_in_zip),
        ),
        Example::fails(
            title! {
                en: "An ELF program without extension, deflated in a ZIP inside a ZIP",
                fr: "Un programme ELF sans extension, compressé dans un ZIP lui-même dans un ZIP",
                es: "Un programa ELF sin extensión, comprimido en un ZIP dentro de otro ZIP",
                pl: "Program ELF bez rozszerzenia, skompresowany w ZIP wewnątrz innego ZIP",
            },
            ExampleInput::Generated(elf_in_nested_zip),
        ),
        Example::fails(
            title! {
                en: "A Mach-O program named readme",
                fr: "Un programme Mach-O nommé readme",
                es: "Un programa Mach-O llamado readme",
                pl: "Program Mach-O o nazwie readme",
            },
            ExampleInput::Generated(macho_without_extension),
        ),
        Example::fails(
            title! {
                en: "A batch file named with a right-to-left override (invoice\u{202e}fdp.bat)",
                fr: "Un fichier batch nommé avec un caractère d'inversion droite-à-gauche (invoice\u{202e}fdp.bat)",
                es: "Un archivo por lotes nombrado con un carácter de inversión derecha a izquierda (invoice\u{202e}fdp.bat)",
                pl: "Plik wsadowy nazwany ze znakiem odwrócenia kierunku pisma (invoice\u{202e}fdp.bat)",
            },
            ExampleInput::Generated(bidi_batch),
        ),
        Example::fails(
            title! {
                en: "run.exe. with a trailing dot, which Windows drops",
                fr: "run.exe. avec un point final, que Windows supprime",
                es: "run.exe. con un punto final, que Windows elimina",
                pl: "run.exe. z końcową kropką, którą Windows usuwa",
            },
            ExampleInput::Generated(trailing_dot),
        ),
        Example::fails(
            title! {
                en: "A .pif name given only in Content-Type name=, RFC 2047 encoded",
                fr: "Un nom en .pif donné seulement dans Content-Type name=, encodé RFC 2047",
                es: "Un nombre .pif indicado solo en Content-Type name=, codificado RFC 2047",
                pl: "Nazwa .pif podana tylko w Content-Type name=, zakodowana RFC 2047",
            },
            ExampleInput::Generated(rfc2047_name),
        ),
        Example::fails(
            title! {
                en: "A .vbs name in RFC 2231 encoding (filename*=)",
                fr: "Un nom en .vbs encodé RFC 2231 (filename*=)",
                es: "Un nombre .vbs con codificación RFC 2231 (filename*=)",
                pl: "Nazwa .vbs w kodowaniu RFC 2231 (filename*=)",
            },
            ExampleInput::Generated(rfc2231_name),
        ),
        Example::fails(
            title! {
                en: "An MSI installer named update.dat",
                fr: "Un installeur MSI nommé update.dat",
                es: "Un instalador MSI llamado update.dat",
                pl: "Instalator MSI o nazwie update.dat",
            },
            ExampleInput::Generated(installer_renamed),
        ),
        Example::passes(
            title! {
                en: "A PDF invoice",
                fr: "Une facture en PDF",
                es: "Una factura en PDF",
                pl: "Faktura w PDF",
            },
            ExampleInput::Generated(pdf_invoice),
        ),
        Example::passes(
            title! {
                en: "A ZIP of a PDF and a text file",
                fr: "Un ZIP contenant un PDF et un fichier texte",
                es: "Un ZIP con un PDF y un archivo de texto",
                pl: "ZIP z plikiem PDF i plikiem tekstowym",
            },
            ExampleInput::Generated(zip_of_documents),
        ),
        Example::passes(
            title! {
                en: "A text file that starts with the letters MZ",
                fr: "Un fichier texte qui commence par les lettres MZ",
                es: "Un archivo de texto que empieza por las letras MZ",
                pl: "Plik tekstowy zaczynający się od liter MZ",
            },
            ExampleInput::Generated(text_starting_with_mz),
        ),
        Example::passes(
            title! {
                en: "A Word document without macros",
                fr: "Un document Word sans macros",
                es: "Un documento Word sin macros",
                pl: "Dokument Word bez makr",
            },
            ExampleInput::Generated(plain_word_document),
        ),
    ],
    check: Check::Message(check),
};

fn program_by_name() -> Vec<u8> {
    samples::message_with("setup.exe", "application/octet-stream", &samples::windows_program())
}
fn program_renamed_pdf() -> Vec<u8> {
    samples::message_with("invoice.pdf", "application/pdf", &samples::windows_program())
}
fn program_in_zip() -> Vec<u8> {
    let program = samples::windows_program();
    let archive = samples::zip(&[
        ZipEntry::deflated("docs/readme.txt", b"Open run.exe"),
        ZipEntry::stored("docs/run.exe", &program),
    ]);
    samples::message_with("invoice.zip", "application/zip", &archive)
}
fn elf_in_nested_zip() -> Vec<u8> {
    let inner = samples::zip(&[ZipEntry::deflated("bin/update", &samples::elf_program())]);
    let outer = samples::zip(&[ZipEntry::deflated("inner.zip", &inner)]);
    samples::message_with("files.zip", "application/zip", &outer)
}
fn macho_without_extension() -> Vec<u8> {
    samples::message_with("readme", "application/octet-stream", &samples::macho_program())
}
fn bidi_batch() -> Vec<u8> {
    samples::message_with("invoice\u{202e}fdp.bat", "application/octet-stream", b"@echo off\r\n")
}
fn trailing_dot() -> Vec<u8> {
    samples::message_with("run.exe.", "application/octet-stream", b"not a real program")
}
fn rfc2047_name() -> Vec<u8> {
    // "=?utf-8?B?…?=" is "faktura.pif"; no Content-Disposition file name.
    samples::message_with_header(
        "Content-Type: application/octet-stream; name=\"=?utf-8?B?ZmFrdHVyYS5waWY=?=\"",
        b"data",
    )
}
fn rfc2231_name() -> Vec<u8> {
    samples::message_with_header(
        concat!(
            "Content-Type: application/octet-stream\r\n",
            "Content-Disposition: attachment; filename*=utf-8''factura%20%C3%BAltima.vbs",
        ),
        b"MsgBox 1",
    )
}
fn installer_renamed() -> Vec<u8> {
    samples::message_with("update.dat", "application/octet-stream", &samples::windows_installer())
}
fn pdf_invoice() -> Vec<u8> {
    samples::message_with("invoice.pdf", "application/pdf", &samples::pdf())
}
fn zip_of_documents() -> Vec<u8> {
    let pdf = samples::pdf();
    let archive = samples::zip(&[ZipEntry::deflated("invoice.pdf", &pdf), ZipEntry::deflated("notes.txt", b"Thanks!")]);
    samples::message_with("documents.zip", "application/zip", &archive)
}
fn text_starting_with_mz() -> Vec<u8> {
    samples::message_with("notes.txt", "text/plain", b"MZ is the code of the Mazowsze region.")
}
fn plain_word_document() -> Vec<u8> {
    samples::message_with(
        "letter.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &samples::word_document(false),
    )
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = super::inspect(message, cx.settings);
    let found = super::facts_where(&inspected, |k| {
        matches!(k, FactKind::ExecutableName { .. } | FactKind::ExecutableContent { .. })
    });
    for (attachment, fact) in found {
        let same_path = attachment.facts.iter().filter(|f| f.path == fact.path);
        let mut by_name = None;
        let mut by_content = None;
        for other in same_path {
            match &other.kind {
                FactKind::ExecutableName { extension, group } => by_name = by_name.or(Some((extension, *group))),
                FactKind::ExecutableContent { format } => by_content = by_content.or(Some(*format)),
                _ => {}
            }
        }
        let msg = match (by_name, by_content) {
            (Some((extension, group)), Some(format)) => {
                let msg =
                    Msg::of(&BY_NAME_AND_CONTENT).text("path", fact.path.clone()).text("extension", extension.clone());
                super::with_format(super::with_group(msg, "group", group), "format", format)
            }
            (Some((extension, group)), None) => super::with_group(
                Msg::of(&BY_NAME).text("path", fact.path.clone()).text("extension", extension.clone()),
                "group",
                group,
            ),
            (None, Some(format)) => {
                super::with_format(Msg::of(&BY_CONTENT).text("path", fact.path.clone()), "format", format)
            }
            (None, None) => continue,
        };
        cx.emit(Draft::new(msg).evidence(&fact.path).at(super::location(message, attachment, fact)));
    }
}
