//! `attachment/inconsistent-archive`: a ZIP whose parts disagree. Filters read
//! the central directory, streaming extractors the local headers (APPNOTE.TXT
//! §4.3.7 and §4.3.12: both name each entry), so an archive whose two lists
//! differ shows the filter one file and the reader another; entries sharing
//! their bytes are the non-recursive zip bomb (D. Fifield, "A better zip bomb",
//! WOOT 2019); a Unicode Path field (APPNOTE §4.6.9) that gives an entry
//! another extension than its header names it for 7-Zip and unzip only; data
//! before an archive that is not a self-extractor hides it behind another
//! format (a picture or document "polyglot"). Found by `inspect::zip`.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::{FactKind, Inconsistency};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/inconsistent-archive";
    summary => {
        en: "An archive's directories disagree: filters and extractors see different files.",
        fr: "Les répertoires d'une archive se contredisent : filtres et outils d'extraction voient des fichiers différents.",
        es: "Los directorios de un archivo comprimido se contradicen: filtros y extractores ven ficheros distintos.",
        pl: "Katalogi archiwum są ze sobą sprzeczne: filtry i programy rozpakowujące widzą różne pliki.",
    },
    why => {
        en: "A ZIP names each file twice, in its central directory (read by mail filters) and in a local header before the data (read by streaming extractors). An archive whose two lists differ, whose entries share the same bytes, or that hides behind other data is built to show the filter one thing and the reader another.",
        fr: "Un ZIP inscrit le nom de chaque fichier deux fois : dans son répertoire central (lu par les filtres de messagerie) et dans un en-tête local avant les données (lu par les outils d'extraction en flux). Une archive dont les deux listes diffèrent, dont les entrées partagent les mêmes octets ou qui se cache derrière d'autres données est conçue pour montrer une chose au filtre et une autre au lecteur.",
        es: "Un ZIP registra el nombre de cada fichero dos veces: en su directorio central (leído por los filtros de correo) y en una cabecera local antes de los datos (leída por los extractores en flujo). Un archivo cuyas dos listas difieren, cuyas entradas comparten los mismos bytes o que se esconde tras otros datos está hecho para mostrar una cosa al filtro y otra al lector.",
        pl: "ZIP zapisuje nazwę każdego pliku dwa razy: w katalogu centralnym (czytanym przez filtry pocztowe) i w nagłówku lokalnym przed danymi (czytanym przez programy rozpakowujące strumieniowo). Archiwum, którego obie listy się różnią, którego pozycje współdzielą te same bajty lub które ukrywa się za innymi danymi, jest zbudowane tak, by filtrowi pokazać co innego niż czytelnikowi.",
    },
    fix => {
        en: "Create the archive again with a standard tool (Windows Explorer, 7-Zip, zip) from the original files.",
        fr: "Recréez l'archive avec un outil standard (Explorateur Windows, 7-Zip, zip) à partir des fichiers d'origine.",
        es: "Vuelva a crear el archivo comprimido con una herramienta estándar (Explorador de Windows, 7-Zip, zip) a partir de los ficheros originales.",
        pl: "Utwórz archiwum ponownie standardowym narzędziem (Eksplorator Windows, 7-Zip, zip) z oryginalnych plików.",
    },
    NAME_MISMATCH "name-mismatch" => {
        en: "{path}: the central directory names this entry {central} but its local header names it {local}; extractors that read the local header write another file than the one filters check.",
        fr: "{path} : le répertoire central nomme cette entrée {central} mais son en-tête local la nomme {local} ; les outils qui lisent l'en-tête local écrivent un autre fichier que celui que vérifient les filtres.",
        es: "{path}: el directorio central llama a esta entrada {central} pero su cabecera local la llama {local}; los extractores que leen la cabecera local escriben un fichero distinto del que comprueban los filtros.",
        pl: "{path}: katalog centralny nazywa tę pozycję {central}, a jej nagłówek lokalny {local}; programy czytające nagłówek lokalny zapisują inny plik niż ten, który sprawdzają filtry.",
    },
    UNICODE_PATH "unicode-path" => {
        en: "{path}: the archive names this entry {header}, but its Unicode Path field names it {unicode}; 7-Zip and unzip write it as {unicode}, a file filters that read only the first name never check.",
        fr: "{path} : l'archive nomme cette entrée {header}, mais son champ « Unicode Path » la nomme {unicode} ; 7-Zip et unzip l'écrivent sous le nom {unicode}, un fichier que les filtres qui ne lisent que le premier nom ne vérifient jamais.",
        es: "{path}: el archivo comprimido llama a esta entrada {header}, pero su campo Unicode Path la llama {unicode}; 7-Zip y unzip la escriben como {unicode}, un fichero que los filtros que solo leen el primer nombre nunca comprueban.",
        pl: "{path}: archiwum nazywa tę pozycję {header}, ale jej pole Unicode Path nazywa ją {unicode}; 7-Zip i unzip zapisują ją jako {unicode}, czyli plik, którego filtry czytające tylko pierwszą nazwę nigdy nie sprawdzają.",
    },
    UNLISTED_ENTRY "unlisted-entry" => {
        en: "{path} is stored in the archive but missing from its central directory: streaming extractors unpack it, filters that read the directory never see it.",
        fr: "{path} est stocké dans l'archive mais absent de son répertoire central : les outils d'extraction en flux le décompressent, les filtres qui lisent le répertoire ne le voient jamais.",
        es: "{path} está guardado en el archivo comprimido pero falta en su directorio central: los extractores en flujo lo descomprimen, los filtros que leen el directorio nunca lo ven.",
        pl: "{path} jest zapisany w archiwum, ale brakuje go w katalogu centralnym: programy rozpakowujące strumieniowo go wypakowują, a filtry czytające katalog nigdy go nie widzą.",
    },
    OVERLAPPING "overlapping" => {
        en: "{path}: {count, plural, one {# entry reuses} other {# entries reuse}} the bytes of other entries, the construction of zip bombs that inflate without nesting.",
        fr: "{path} : {count, plural, one {# entrée réutilise} many {# d'entrées réutilisent} other {# entrées réutilisent}} les octets d'autres entrées — c'est ainsi que se construisent les bombes de décompression qui gonflent sans imbrication.",
        es: "{path}: {count, plural, one {# entrada reutiliza} many {# de entradas reutilizan} other {# entradas reutilizan}} los bytes de otras entradas — así se construyen las bombas zip que se expanden sin anidamiento.",
        pl: "{path}: {count, plural, one {# pozycja używa} few {# pozycje używają} many {# pozycji używa} other {# pozycji używa}} ponownie bajtów innych pozycji — tak budowane są bomby ZIP, które rozrastają się bez zagnieżdżania.",
    },
    PREPENDED "prepended" => {
        en: "{path} is a ZIP archive that starts after {bytes, plural, one {# byte} other {# bytes}} of other data: readers that look at the start of the file do not see it.",
        fr: "{path} est une archive ZIP qui commence après {bytes, plural, one {# octet} many {# d'octets} other {# octets}} d'autres données : les programmes qui lisent le début du fichier ne la voient pas.",
        es: "{path} es un archivo ZIP que empieza tras {bytes, plural, one {# byte} many {# de bytes} other {# bytes}} de otros datos: los programas que leen el principio del fichero no lo ven.",
        pl: "{path} to archiwum ZIP zaczynające się po {bytes, plural, one {# bajcie} few {# bajtach} many {# bajtach} other {# bajtu}} innych danych: programy czytające początek pliku go nie widzą.",
    },
    HIDDEN_AFTER "hidden-after" => {
        en: "{path} is a {format} with a ZIP archive hidden after its first {bytes, plural, one {# byte} other {# bytes}}: it opens as one thing and unpacks as another.",
        fr: "{path} est un contenu de type {format} avec une archive ZIP cachée après {bytes, plural, one {son premier octet} other {ses # premiers octets}} : il s'ouvre comme une chose et se décompresse comme une autre.",
        es: "{path} es un contenido de tipo {format} con un archivo ZIP escondido tras {bytes, plural, one {su primer byte} many {sus primeros # de bytes} other {sus primeros # bytes}}: se abre como una cosa y se descomprime como otra.",
        pl: "{path} to zawartość typu {format} z archiwum ZIP ukrytym po {bytes, plural, one {pierwszym # bajcie} few {pierwszych # bajtach} many {pierwszych # bajtach} other {pierwszych # bajtu}}: otwiera się jako jedno, a rozpakowuje jako coś innego.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Ours("PKWARE APPNOTE.TXT §4.3.7 (local file header) and §4.3.12 (central directory header) both name each entry: an archive whose two lists disagree shows filters, which read the directory, other files than streaming extractors, which read the local headers"),
        Evidence::Ours("D. Fifield, \"A better zip bomb\" (USENIX WOOT 2019): entries that overlap their bytes are the non-recursive zip bomb"),
        Evidence::Receiver("ClamAV 0.101.3 (CVE-2019-12625, commit dcd26ea) raises the heuristic alert Heuristics.Zip.OverlappingFiles on entries that overlap; Info-ZIP unzip (CVE-2019-13232) and Python's zipfile (gh-109858) refuse such archives"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "The local header names run.exe, the central directory readme.txt",
                fr: "L'en-tête local nomme run.exe, le répertoire central readme.txt",
                es: "La cabecera local nombra run.exe, el directorio central readme.txt",
                pl: "Nagłówek lokalny podaje run.exe, katalog centralny readme.txt",
            },
            generated!(inputs::name_mismatch),
        ),
        Example::fails(
            title! {
                en: "The Unicode Path field names run.vbs, the header readme.txt",
                fr: "Le champ Unicode Path nomme run.vbs, l'en-tête readme.txt",
                es: "El campo Unicode Path nombra run.vbs, la cabecera readme.txt",
                pl: "Pole Unicode Path podaje run.vbs, nagłówek readme.txt",
            },
            generated!(inputs::unicode_path),
        ),
        Example::fails(
            title! {
                en: "An entry missing from the central directory",
                fr: "Une entrée absente du répertoire central",
                es: "Una entrada que falta en el directorio central",
                pl: "Pozycja nieobecna w katalogu centralnym",
            },
            generated!(inputs::unlisted_entry),
        ),
        Example::fails(
            title! {
                en: "Eight entries sharing the same bytes",
                fr: "Huit entrées qui partagent les mêmes octets",
                es: "Ocho entradas que comparten los mismos bytes",
                pl: "Osiem pozycji współdzielących te same bajty",
            },
            generated!(inputs::shared_bytes),
        ),
        Example::fails(
            title! {
                en: "A ZIP glued after a JPEG picture",
                fr: "Un ZIP collé après une image JPEG",
                es: "Un ZIP pegado tras una imagen JPEG",
                pl: "ZIP doklejony za obrazem JPEG",
            },
            generated!(inputs::picture_with_zip),
        ),
        Example::passes(
            title! {
                en: "A ZIP of two documents",
                fr: "Un ZIP de deux documents",
                es: "Un ZIP de dos documentos",
                pl: "ZIP z dwoma dokumentami",
            },
            generated!(inputs::plain_zip),
        ),
        Example::passes(
            title! {
                en: "A self-extracting archive (attachment/executable reports its program)",
                fr: "Une archive auto-extractible (attachment/executable signale son programme)",
                es: "Un archivo autoextraíble (attachment/executable informa de su programa)",
                pl: "Archiwum samorozpakowujące (attachment/executable zgłasza jego program)",
            },
            generated!(inputs::self_extractor),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    for attachment in &message.attachment_facts {
        for fact in &attachment.facts {
            let FactKind::Inconsistent(inconsistency) = &fact.kind else { continue };
            let msg = match inconsistency {
                Inconsistency::NameMismatch { local, central } => Msg::of(&NAME_MISMATCH)
                    .text("local", crate::inspect::visible_name(local))
                    .text("central", crate::inspect::visible_name(central)),
                Inconsistency::UnicodePathMismatch { unicode, header } => Msg::of(&UNICODE_PATH)
                    .text("unicode", crate::inspect::visible_name(unicode))
                    .text("header", crate::inspect::visible_name(header)),
                Inconsistency::UnlistedEntry => Msg::of(&UNLISTED_ENTRY),
                Inconsistency::OverlappingEntries { count } => Msg::of(&OVERLAPPING).int("count", *count),
                Inconsistency::PrependedData { bytes, host: Some(host) } => {
                    super::with_format(Msg::of(&HIDDEN_AFTER).int("bytes", *bytes), "format", host)
                }
                Inconsistency::PrependedData { bytes, host: None } => Msg::of(&PREPENDED).int("bytes", *bytes),
            };
            let msg = msg.text("path", fact.path.clone());
            cx.emit(Draft::new(msg).evidence(&fact.path).at(super::location(message, attachment, fact)));
        }
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples::{self, ZipEntry};

    pub(super) fn name_mismatch() -> Vec<u8> {
        let program = samples::windows_program();
        samples::zip_message("files.zip", &[ZipEntry::stored("readme.txt", &program).named_locally("run.exe")])
    }
    pub(super) fn unicode_path() -> Vec<u8> {
        let script = b"CreateObject(\"WScript.Shell\").Run \"calc\"";
        samples::zip_message("files.zip", &[ZipEntry::deflated("readme.txt", script).unicode_path("run.vbs")])
    }
    pub(super) fn unlisted_entry() -> Vec<u8> {
        let program = samples::windows_program();
        samples::zip_message(
            "files.zip",
            &[ZipEntry::stored("run.exe", &program).unlisted(), ZipEntry::deflated("readme.txt", b"Hello")],
        )
    }
    pub(super) fn shared_bytes() -> Vec<u8> {
        samples::message_with("data.zip", "application/zip", &samples::zip_sharing_bytes(&[b'a'; 5000], 8))
    }
    pub(super) fn picture_with_zip() -> Vec<u8> {
        let mut file = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16, b'J', b'F', b'I', b'F', 0];
        file.resize(2048, 0x11);
        file.extend(samples::zip(&[ZipEntry::deflated("notes.txt", b"hidden")]));
        samples::message_with("photo.jpg", "image/jpeg", &file)
    }
    pub(super) fn plain_zip() -> Vec<u8> {
        samples::zip_message(
            "docs.zip",
            &[ZipEntry::deflated("a.txt", b"a"), ZipEntry::stored("b.pdf", &samples::pdf())],
        )
    }
    pub(super) fn self_extractor() -> Vec<u8> {
        let mut file = samples::windows_program();
        file.extend(samples::zip(&[ZipEntry::deflated("setup/readme.txt", b"Install")]));
        samples::attached("setup.exe", &file)
    }
}
