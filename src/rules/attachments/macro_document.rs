//! `attachment/macro-document`: the guides list "documents with macros" among the
//! executables that get the mail blocked, zipped or not. A macro is found by the
//! extension (`docm`, `xlsm`, …), by the VBA storages of an OLE2 document
//! ([MS-OVBA] §2.2), by an Excel 4.0 macro sheet in the sheet list of a legacy
//! workbook ([MS-XLS] BoundSheet8), by `vbaProject.bin`, macro sheets or a
//! macro-enabled content type in an OOXML package, and by the ActiveMime object
//! (`editdata.mso`) of Word 2003 XML and MHTML documents, whatever the document is named.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::{FactKind, MacroSign};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/macro-document";
    summary => {
        en: "An attachment is an Office document with macros, even inside an archive.",
        fr: "Une pièce jointe est un document Office avec des macros, même dans une archive.",
        es: "Un adjunto es un documento de Office con macros, incluso dentro de un archivo comprimido.",
        pl: "Załącznik jest dokumentem Office z makrami, nawet wewnątrz archiwum.",
    },
    why => {
        en: "The hosting guides count documents with macros as executables that get automated mail blocked, zipped or not: macros are programs that run inside Word, Excel or PowerPoint. They are found by extension (docm, xlsm, …) and by content: the VBA storages of legacy documents and the vbaProject.bin part or macro-enabled content type of newer ones, whatever the file is named; also the LibreOffice Basic modules and scripts of OpenDocument files.",
        fr: "Les guides de l'hébergeur comptent les documents avec des « macros » parmi les exécutables qui font bloquer les e-mails automatisés, zippés ou non : les macros sont des programmes qui s'exécutent dans Word, Excel ou PowerPoint. Elles sont repérées par l'extension (docm, xlsm, …) et par le contenu : stockages VBA des anciens documents, partie vbaProject.bin ou type de contenu « macroEnabled » des récents, quel que soit le nom du fichier ; de même les modules LibreOffice Basic et les scripts des fichiers OpenDocument.",
        es: "Las guías del alojamiento cuentan los documentos con «macros» entre los ejecutables que provocan el bloqueo de los correos automatizados, comprimidos o no: las macros son programas que se ejecutan dentro de Word, Excel o PowerPoint. Se detectan por la extensión (docm, xlsm, …) y por el contenido: almacenamientos VBA de los documentos antiguos, parte vbaProject.bin o tipo de contenido «macroEnabled» de los recientes, se llame como se llame el archivo; también los módulos de LibreOffice Basic y los scripts de los archivos OpenDocument.",
        pl: "Przewodniki hostingu zaliczają dokumenty z makrami, spakowane czy nie, do plików wykonywalnych, przez które automatyczne wiadomości są blokowane: makra to programy uruchamiane w Wordzie, Excelu lub PowerPoincie. Wykrywa się je po rozszerzeniu (docm, xlsm, …) i po zawartości: magazynach VBA starszych dokumentów oraz części vbaProject.bin lub typie zawartości „macroEnabled” nowszych, niezależnie od nazwy pliku; także moduły LibreOffice Basic i skrypty plików OpenDocument.",
    },
    fix => {
        en: "Save the document without macros (as .docx, .xlsx or, better, PDF) or send a link to it on your site.",
        fr: "Enregistrez le document sans macros (en .docx, .xlsx ou, mieux, en PDF) ou envoyez un lien vers le fichier sur votre site.",
        es: "Guarde el documento sin macros (como .docx, .xlsx o, mejor, PDF) o envíe un enlace al archivo en su sitio.",
        pl: "Zapisz dokument bez makr (jako .docx, .xlsx lub lepiej PDF) albo wyślij link do pliku na swojej stronie.",
    },
    EXTENSION "extension" => {
        en: "{path} has the extension .{extension}, an Office format made to carry macros: the host blocks it.",
        fr: "{path} a l'extension .{extension}, un format Office conçu pour contenir des macros : l'hébergeur le bloque.",
        es: "{path} tiene la extensión .{extension}, un formato de Office hecho para llevar macros: el alojamiento lo bloquea.",
        pl: "{path} ma rozszerzenie .{extension}, format Office przeznaczony do przechowywania makr: hosting go blokuje.",
    },
    VBA_STORAGE "vba-storage" => {
        en: "{path} holds a VBA macro project (storage {storage}): the host blocks documents with macros.",
        fr: "{path} contient un projet de macros VBA (stockage {storage}) : l'hébergeur bloque les documents avec des macros.",
        es: "{path} contiene un proyecto de macros VBA (almacenamiento {storage}): el alojamiento bloquea los documentos con macros.",
        pl: "{path} zawiera projekt makr VBA (magazyn {storage}): hosting blokuje dokumenty z makrami.",
    },
    VBA_PROJECT "vba-project" => {
        en: "{path} is the VBA macro project of an Office document: the host blocks documents with macros.",
        fr: "{path} est le projet de macros VBA d'un document Office : l'hébergeur bloque les documents avec des macros.",
        es: "{path} es el proyecto de macros VBA de un documento de Office: el alojamiento bloquea los documentos con macros.",
        pl: "{path} to projekt makr VBA dokumentu Office: hosting blokuje dokumenty z makrami.",
    },
    MACRO_SHEETS "macro-sheets" => {
        en: "{path} is an Excel 4.0 macro sheet: the host blocks documents with macros.",
        fr: "{path} est une feuille de macros Excel 4.0 : l'hébergeur bloque les documents avec des macros.",
        es: "{path} es una hoja de macros de Excel 4.0: el alojamiento bloquea los documentos con macros.",
        pl: "{path} to arkusz makr Excel 4.0: hosting blokuje dokumenty z makrami.",
    },
    CONTENT_TYPE "content-type" => {
        en: "{path} declares a macro-enabled document: the host blocks documents with macros.",
        fr: "{path} déclare un document prenant en charge les macros : l'hébergeur bloque les documents avec des macros.",
        es: "{path} declara un documento habilitado para macros: el alojamiento bloquea los documentos con macros.",
        pl: "{path} deklaruje dokument z obsługą makr: hosting blokuje dokumenty z makrami.",
    },
    ODF_MACROS "odf-macros" => {
        en: "{path} is a macro of an OpenDocument file (LibreOffice Basic or a script), which runs in LibreOffice: the host blocks documents with macros.",
        fr: "{path} est une macro d'un fichier OpenDocument (LibreOffice Basic ou un script), qui s'exécute dans LibreOffice : l'hébergeur bloque les documents avec des macros.",
        es: "{path} es una macro de un archivo OpenDocument (LibreOffice Basic o un script), que se ejecuta en LibreOffice: el alojamiento bloquea los documentos con macros.",
        pl: "{path} to makro pliku OpenDocument (LibreOffice Basic lub skrypt), uruchamiane w LibreOffice: hosting blokuje dokumenty z makrami.",
    },
    ACTIVE_MIME "active-mime" => {
        en: "{path} holds an ActiveMime object (editdata.mso), how Word 2003 XML documents and single-file web pages (MHTML) saved by Office carry a VBA macro project: the host blocks documents with macros.",
        fr: "{path} contient un objet ActiveMime (editdata.mso), la façon dont les documents Word 2003 XML et les pages web en un seul fichier (MHTML) enregistrés par Office portent un projet de macros VBA : l'hébergeur bloque les documents avec des macros.",
        es: "{path} contiene un objeto ActiveMime (editdata.mso), la forma en que los documentos Word 2003 XML y las páginas web de un solo archivo (MHTML) guardados por Office llevan un proyecto de macros VBA: el alojamiento bloquea los documentos con macros.",
        pl: "{path} zawiera obiekt ActiveMime (editdata.mso), w którym dokumenty Word 2003 XML i jednoplikowe strony internetowe (MHTML) zapisane przez Office przenoszą projekt makr VBA: hosting blokuje dokumenty z makrami.",
    },
    XLM_SHEET "xlm-sheet" => {
        en: "{path} holds an Excel 4.0 macro sheet ({sheet}): these old macros run without a VBA project, and the host blocks documents with macros.",
        fr: "{path} contient une feuille de macros Excel 4.0 ({sheet}) : ces anciennes macros s'exécutent sans projet VBA, et l'hébergeur bloque les documents avec des macros.",
        es: "{path} contiene una hoja de macros de Excel 4.0 ({sheet}): estas macros antiguas se ejecutan sin proyecto VBA, y el alojamiento bloquea los documentos con macros.",
        pl: "{path} zawiera arkusz makr Excel 4.0 ({sheet}): te stare makra działają bez projektu VBA, a hosting blokuje dokumenty z makrami.",
    },
    XLM_SHEET_HIDDEN "xlm-sheet-hidden" => {
        en: "{path} holds an Excel 4.0 macro sheet ({sheet}) marked \"very hidden\", which only code can show: a common way to hide malicious macros.",
        fr: "{path} contient une feuille de macros Excel 4.0 ({sheet}) marquée « très masquée », que seul du code peut afficher : un moyen courant de cacher des macros malveillantes.",
        es: "{path} contiene una hoja de macros de Excel 4.0 ({sheet}) marcada como «muy oculta», que solo el código puede mostrar: una forma habitual de esconder macros maliciosas.",
        pl: "{path} zawiera arkusz makr Excel 4.0 ({sheet}) oznaczony jako „bardzo ukryty”, który może odkryć tylko kod: częsty sposób ukrywania złośliwych makr.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Error,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros »), même s'il est « zippé » »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A macro-enabled Word document renamed report.docx",
                fr: "Un document Word avec macros renommé report.docx",
                es: "Un documento Word con macros renombrado report.docx",
                pl: "Dokument Word z makrami przemianowany na report.docx",
            },
            generated!(inputs::docm_renamed_docx),
        ),
        Example::fails(
            title! {
                en: "A Word 97 document with a VBA project (Macros storage)",
                fr: "Un document Word 97 avec un projet VBA (stockage Macros)",
                es: "Un documento Word 97 con un proyecto VBA (almacenamiento Macros)",
                pl: "Dokument Word 97 z projektem VBA (magazyn Macros)",
            },
            generated!(inputs::word_97_with_macros),
        ),
        Example::fails(
            title! {
                en: "A Word 97 document with macros inside a ZIP",
                fr: "Un document Word 97 avec des macros dans un ZIP",
                es: "Un documento Word 97 con macros dentro de un ZIP",
                pl: "Dokument Word 97 z makrami w archiwum ZIP",
            },
            generated!(inputs::macro_document_in_zip),
        ),
        Example::fails(
            title! {
                en: "A file named budget.xlsm",
                fr: "Un fichier nommé budget.xlsm",
                es: "Un archivo llamado budget.xlsm",
                pl: "Plik o nazwie budget.xlsm",
            },
            generated!(inputs::xlsm_by_name),
        ),
        Example::fails(
            title! {
                en: "A legacy Excel workbook with a very hidden Excel 4.0 macro sheet",
                fr: "Un ancien classeur Excel avec une feuille de macros Excel 4.0 très masquée",
                es: "Un libro de Excel antiguo con una hoja de macros de Excel 4.0 muy oculta",
                pl: "Starszy skoroszyt Excel z bardzo ukrytym arkuszem makr Excel 4.0",
            },
            generated!(inputs::excel_4_macro_sheet),
        ),
        Example::fails(
            title! {
                en: "An OpenDocument text with a LibreOffice Basic module",
                fr: "Un texte OpenDocument avec un module LibreOffice Basic",
                es: "Un texto OpenDocument con un módulo de LibreOffice Basic",
                pl: "Tekst OpenDocument z modułem LibreOffice Basic",
            },
            generated!(inputs::odt_with_basic),
        ),
        Example::passes(
            title! {
                en: "An OpenDocument text without macros",
                fr: "Un texte OpenDocument sans macros",
                es: "Un texto OpenDocument sin macros",
                pl: "Tekst OpenDocument bez makr",
            },
            generated!(inputs::plain_odt),
        ),
        Example::passes(
            title! {
                en: "A Word document without macros",
                fr: "Un document Word sans macros",
                es: "Un documento Word sin macros",
                pl: "Dokument Word bez makr",
            },
            generated!(inputs::plain_docx),
        ),
        Example::passes(
            title! {
                en: "A Word 97 document without macros",
                fr: "Un document Word 97 sans macros",
                es: "Un documento Word 97 sin macros",
                pl: "Dokument Word 97 bez makr",
            },
            generated!(inputs::plain_word_97),
        ),
        Example::passes(
            title! {
                en: "A legacy Excel workbook of worksheets",
                fr: "Un ancien classeur Excel fait de feuilles de calcul",
                es: "Un libro de Excel antiguo con hojas de cálculo",
                pl: "Starszy skoroszyt Excel z samymi arkuszami",
            },
            generated!(inputs::plain_excel_97),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    // One finding per attachment: a macro document shows several signs at once.
    let mut reported = Vec::new();
    for (attachment, fact) in super::facts_where(&message.attachment_facts, |k| matches!(k, FactKind::MacroDocument(_)))
    {
        if reported.contains(&attachment.part) {
            continue;
        }
        reported.push(attachment.part);
        let FactKind::MacroDocument(sign) = &fact.kind else { continue };
        let msg = match sign {
            MacroSign::Extension(extension) => Msg::of(&EXTENSION).text("extension", extension.clone()),
            MacroSign::VbaStorage(storage) => Msg::of(&VBA_STORAGE).text("storage", storage.clone()),
            MacroSign::VbaProjectPart => Msg::of(&VBA_PROJECT),
            MacroSign::MacroSheets => Msg::of(&MACRO_SHEETS),
            MacroSign::MacroEnabledContentType => Msg::of(&CONTENT_TYPE),
            MacroSign::OdfMacros => Msg::of(&ODF_MACROS),
            MacroSign::ActiveMime => Msg::of(&ACTIVE_MIME),
            MacroSign::Excel4MacroSheet { sheet, very_hidden: true } => {
                Msg::of(&XLM_SHEET_HIDDEN).text("sheet", sheet.clone())
            }
            MacroSign::Excel4MacroSheet { sheet, very_hidden: false } => {
                Msg::of(&XLM_SHEET).text("sheet", sheet.clone())
            }
        };
        let msg = msg.text("path", fact.path.clone());
        cx.emit(Draft::new(msg).evidence(&fact.path).at(super::location(message, attachment, fact)));
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples::{self, ZipEntry};

    pub(super) fn docm_renamed_docx() -> Vec<u8> {
        samples::docx_message("report.docx", true)
    }
    pub(super) fn word_97_with_macros() -> Vec<u8> {
        samples::message_with("letter.doc", "application/msword", &samples::word_97_document(true))
    }
    pub(super) fn macro_document_in_zip() -> Vec<u8> {
        let document = samples::word_97_document(true);
        samples::zip_message("letters.zip", &[ZipEntry::deflated("2026/letter.doc", &document)])
    }
    pub(super) fn xlsm_by_name() -> Vec<u8> {
        samples::message_with("budget.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12", &samples::spreadsheet())
    }
    pub(super) fn odt_with_basic() -> Vec<u8> {
        samples::message_with("letter.odt", ODT_TYPE, &samples::opendocument_text(true))
    }
    pub(super) fn plain_odt() -> Vec<u8> {
        samples::message_with("letter.odt", ODT_TYPE, &samples::opendocument_text(false))
    }
    const ODT_TYPE: &str = "application/vnd.oasis.opendocument.text";
    pub(super) fn plain_docx() -> Vec<u8> {
        samples::docx_message("report.docx", false)
    }
    pub(super) fn excel_4_macro_sheet() -> Vec<u8> {
        let book = samples::excel_97_workbook(&[("Sheet1", 0, 0), ("Macro1", 1, 2)]);
        samples::message_with("budget.xls", "application/vnd.ms-excel", &book)
    }
    pub(super) fn plain_excel_97() -> Vec<u8> {
        let book = samples::excel_97_workbook(&[("Sheet1", 0, 0), ("Sheet2", 0, 1)]);
        samples::message_with("budget.xls", "application/vnd.ms-excel", &book)
    }
    pub(super) fn plain_word_97() -> Vec<u8> {
        samples::message_with("letter.doc", "application/msword", &samples::word_97_document(false))
    }
}
