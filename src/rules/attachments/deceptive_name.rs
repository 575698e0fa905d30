//! `attachment/deceptive-name`: a file name built to show another extension than
//! its real one: bidirectional controls such as U+202E RIGHT-TO-LEFT OVERRIDE
//! (UAX #9) that draw `invoice\u{202e}fdp.exe` as `invoiceexe.pdf`, trailing dots
//! and spaces that Windows drops, a decoy extension before a dangerous one
//! (`invoice.pdf.exe`), spaces pushing the real extension out of view, or a NUL
//! character where Windows and C strings end the name (`run.vbs\0.txt`).

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::names::NameTrick;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/deceptive-name";
    summary => {
        en: "An attachment's name hides its real extension.",
        fr: "Le nom d'une pièce jointe cache sa véritable extension.",
        es: "El nombre de un adjunto oculta su extensión real.",
        pl: "Nazwa załącznika ukrywa jego prawdziwe rozszerzenie.",
    },
    why => {
        en: "Invisible direction controls (such as U+202E, right-to-left override), a decoy extension before the real one, trailing dots and spaces or long runs of spaces are tricks used to make a program look like a document. Mail filters treat such names as an attack.",
        fr: "Les caractères de contrôle de direction invisibles (comme U+202E, forçage de droite à gauche), une fausse extension avant la vraie, des points et espaces finaux ou de longues suites d'espaces sont des ruses pour faire passer un programme pour un document. Les filtres de messagerie traitent ces noms comme une attaque.",
        es: "Los caracteres invisibles de control de dirección (como U+202E, forzado de derecha a izquierda), una extensión señuelo antes de la real, los puntos y espacios finales o las largas series de espacios son trucos para que un programa parezca un documento. Los filtros de correo tratan esos nombres como un ataque.",
        pl: "Niewidoczne znaki sterujące kierunkiem tekstu (jak U+202E, wymuszenie od prawej do lewej), fałszywe rozszerzenie przed prawdziwym, końcowe kropki i spacje czy długie ciągi spacji to sztuczki, dzięki którym program udaje dokument. Filtry pocztowe traktują takie nazwy jak atak.",
    },
    fix => {
        en: "Give the file a plain name with a single, true extension, without special characters.",
        fr: "Donnez au fichier un nom simple, avec une seule extension, la vraie, sans caractères spéciaux.",
        es: "Dé al archivo un nombre sencillo con una sola extensión, la verdadera, sin caracteres especiales.",
        pl: "Nadaj plikowi prostą nazwę z jednym, prawdziwym rozszerzeniem, bez znaków specjalnych.",
    },
    HIDDEN_CHARACTERS "hidden-characters" => {
        en: "The name {path} contains invisible control, direction or zero-width characters ({characters}) that change how the extension is displayed.",
        fr: "Le nom {path} contient des caractères invisibles de contrôle, de direction ou de largeur nulle ({characters}) qui changent l'affichage de l'extension.",
        es: "El nombre {path} contiene caracteres invisibles de control, de dirección o de anchura cero ({characters}) que cambian cómo se muestra la extensión.",
        pl: "Nazwa {path} zawiera niewidoczne znaki sterujące, znaki kierunku tekstu lub znaki o zerowej szerokości ({characters}), które zmieniają sposób wyświetlania rozszerzenia.",
    },
    CUT_AT_NUL "cut-at-nul" => {
        en: "The name {path} holds a NUL character: programs and Windows end the name there and save the file as {kept}.",
        fr: "Le nom {path} contient un caractère NUL : les programmes et Windows arrêtent le nom à cet endroit et enregistrent le fichier sous le nom {kept}.",
        es: "El nombre {path} contiene un carácter NUL: los programas y Windows terminan el nombre ahí y guardan el archivo como {kept}.",
        pl: "Nazwa {path} zawiera znak NUL: programy i Windows kończą na nim nazwę i zapisują plik jako {kept}.",
    },
    TRAILING "trailing" => {
        en: "The name {path} ends with dots or spaces, which Windows removes when saving the file, revealing another extension.",
        fr: "Le nom {path} se termine par des points ou des espaces, que Windows supprime à l'enregistrement, ce qui révèle une autre extension.",
        es: "El nombre {path} termina en puntos o espacios, que Windows elimina al guardar el archivo, dejando ver otra extensión.",
        pl: "Nazwa {path} kończy się kropkami lub spacjami, które Windows usuwa przy zapisie pliku, odsłaniając inne rozszerzenie.",
    },
    DOUBLE_EXTENSION "double-extension" => {
        en: "The name {path} shows .{decoy} before its real extension, a classic disguise for a program.",
        fr: "Le nom {path} affiche .{decoy} avant sa véritable extension, un déguisement classique de programme.",
        es: "El nombre {path} muestra .{decoy} antes de su extensión real, el disfraz clásico de un programa.",
        pl: "Nazwa {path} pokazuje .{decoy} przed prawdziwym rozszerzeniem, co jest klasycznym sposobem maskowania programu.",
    },
    PADDING "padding" => {
        en: "The name {path} pushes its real extension out of view with a run of spaces.",
        fr: "Le nom {path} repousse sa véritable extension hors de vue par une suite d'espaces.",
        es: "El nombre {path} empuja su extensión real fuera de la vista con una serie de espacios.",
        pl: "Nazwa {path} ciągiem spacji odsuwa prawdziwe rozszerzenie poza widoczny obszar.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros »), même s'il est « zippé » »"),
        Evidence::Ours("a name that hides its real extension (UAX #9 bidirectional controls, trailing dots Windows drops, decoy extensions) is how executables are disguised"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A right-to-left override in the name",
                fr: "Un caractère de forçage de droite à gauche dans le nom",
                es: "Un carácter de forzado de derecha a izquierda en el nombre",
                pl: "Znak wymuszenia kierunku od prawej do lewej w nazwie",
            },
            generated!(inputs::right_to_left_override),
        ),
        Example::fails(
            title! {
                en: "A double extension, invoice.pdf.exe",
                fr: "Une double extension, invoice.pdf.exe",
                es: "Una doble extensión, invoice.pdf.exe",
                pl: "Podwójne rozszerzenie, invoice.pdf.exe",
            },
            generated!(inputs::double_extension),
        ),
        Example::fails(
            title! {
                en: "Trailing dots and spaces, run.bat. .",
                fr: "Des points et espaces finaux, run.bat. .",
                es: "Puntos y espacios finales, run.bat. .",
                pl: "Końcowe kropki i spacje, run.bat. .",
            },
            generated!(inputs::trailing_dots),
        ),
        Example::fails(
            title! {
                en: "Spaces pushing the extension away",
                fr: "Des espaces qui repoussent l'extension hors de vue",
                es: "Espacios que empujan la extensión fuera de la vista",
                pl: "Spacje odsuwające rozszerzenie poza widoczny obszar",
            },
            generated!(inputs::padding),
        )
        .times(2),
        Example::fails(
            title! {
                en: "A decoy before a type only Gmail's block list names, invoice.pdf.xll",
                fr: "Une fausse extension avant un type que seule la liste de blocage de Gmail cite, invoice.pdf.xll",
                es: "Una extensión señuelo antes de un tipo que solo cita la lista de bloqueo de Gmail, invoice.pdf.xll",
                pl: "Fałszywe rozszerzenie przed typem, który wymienia tylko lista blokad Gmaila, invoice.pdf.xll",
            },
            generated!(inputs::decoy_before_gmail_type),
        ),
        Example::fails(
            title! {
                en: "A NUL in an RFC 2231 name, run.vbs%00.txt",
                fr: "Un caractère NUL dans un nom RFC 2231, run.vbs%00.txt",
                es: "Un carácter NUL en un nombre RFC 2231, run.vbs%00.txt",
                pl: "Znak NUL w nazwie RFC 2231, run.vbs%00.txt",
            },
            generated!(inputs::cut_at_nul),
        ),
        Example::passes(
            title! {
                en: "A version number in the name, report.v2.pdf",
                fr: "Un numéro de version dans le nom, report.v2.pdf",
                es: "Un número de versión en el nombre, report.v2.pdf",
                pl: "Numer wersji w nazwie, report.v2.pdf",
            },
            generated!(inputs::version_number),
        ),
        Example::passes(
            title! {
                en: "A compressed tar, backup.tar.gz",
                fr: "Un tar compressé, backup.tar.gz",
                es: "Un tar comprimido, backup.tar.gz",
                pl: "Skompresowany tar, backup.tar.gz",
            },
            generated!(inputs::tar_gz_name),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    for attachment in &message.attachment_facts {
        for fact in &attachment.facts {
            let FactKind::DeceptiveName(trick) = &fact.kind else { continue };
            let msg = match trick {
                NameTrick::HiddenCharacters(codes) => Msg::of(&HIDDEN_CHARACTERS).text("characters", codes.clone()),
                NameTrick::TrailingDotsOrSpaces => Msg::of(&TRAILING),
                NameTrick::DoubleExtension(decoy) => Msg::of(&DOUBLE_EXTENSION).text("decoy", decoy.clone()),
                NameTrick::Padding => Msg::of(&PADDING),
                NameTrick::CutAtNul(kept) => Msg::of(&CUT_AT_NUL).text("kept", crate::inspect::visible_name(kept)),
            };
            cx.emit(
                Draft::new(msg.text("path", fact.path.clone()))
                    .evidence(&fact.path)
                    .at(super::location(message, attachment, fact)),
            );
        }
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples;

    pub(super) fn right_to_left_override() -> Vec<u8> {
        samples::attached("photo\u{202e}gpj.js", b"var a = 1;")
    }
    pub(super) fn double_extension() -> Vec<u8> {
        samples::attached("invoice.pdf.exe", b"text")
    }
    pub(super) fn trailing_dots() -> Vec<u8> {
        samples::attached("run.bat. .", b"@echo off")
    }
    pub(super) fn padding() -> Vec<u8> {
        samples::attached("invoice.pdf                    .scr", b"text")
    }
    pub(super) fn decoy_before_gmail_type() -> Vec<u8> {
        samples::attached("invoice.pdf.xll", b"text")
    }
    pub(super) fn cut_at_nul() -> Vec<u8> {
        samples::message_with_header(
            "Content-Type: text/plain\r\nContent-Disposition: attachment; filename*=UTF-8''run.vbs%00.txt",
            b"WScript.Echo 1",
        )
    }
    pub(super) fn version_number() -> Vec<u8> {
        samples::message_with("report.v2.pdf", "application/pdf", &samples::pdf())
    }
    pub(super) fn tar_gz_name() -> Vec<u8> {
        let tar = samples::tar(&[("notes.txt", b"hello\n")]);
        samples::message_with("backup.tar.gz", "application/gzip", &samples::gzip(&tar, None))
    }
}
