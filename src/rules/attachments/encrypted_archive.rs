//! `attachment/encrypted-archive`: an encrypted ZIP or RAR entry (APPNOTE §4.4.4,
//! general-purpose bit 0; RAR file encryption records), an archive whose very
//! list of files is encrypted (RAR `-hp`, 7-Zip `-mhe`), or a password-protected
//! Office document (OLE2 EncryptedPackage, or a workbook's FILEPASS) cannot be
//! inspected, by us or by the host's filter; encrypted archives are how
//! executables are usually smuggled past filters, so hosts often hold them.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/encrypted-archive";
    summary => {
        en: "An attachment is encrypted: nobody can check what it contains.",
        fr: "Une pièce jointe est chiffrée : personne ne peut vérifier ce qu'elle contient.",
        es: "Un adjunto está cifrado: nadie puede comprobar lo que contiene.",
        pl: "Załącznik jest zaszyfrowany: nikt nie może sprawdzić, co zawiera.",
    },
    why => {
        en: "Password-protected archives and documents are the usual way to slip programs past mail filters, since the host blocks executables even zipped (its guides say so). The host's filter cannot look inside either and may hold the mail.",
        fr: "Les archives et documents protégés par mot de passe sont le moyen habituel de faire passer des programmes au travers des filtres, puisque l'hébergeur bloque les exécutables même « zippés » (ses guides le disent). Le filtre de l'hébergeur ne peut pas non plus regarder dedans et peut retenir l'e-mail.",
        es: "Los archivos comprimidos y documentos protegidos con contraseña son la forma habitual de colar programas a través de los filtros, ya que el alojamiento bloquea los ejecutables aunque estén comprimidos (lo dicen sus guías). El filtro del alojamiento tampoco puede ver su interior y puede retener el correo.",
        pl: "Archiwa i dokumenty chronione hasłem to typowy sposób przemycania programów przez filtry, skoro hosting blokuje pliki wykonywalne nawet spakowane (tak mówią jego przewodniki). Filtr hostingu również nie zajrzy do środka i może zatrzymać wiadomość.",
    },
    fix => {
        en: "Send the file without a password, or share it through a link on your site and give the password another way.",
        fr: "Envoyez le fichier sans mot de passe, ou partagez-le par un lien sur votre site et transmettez le mot de passe autrement.",
        es: "Envíe el archivo sin contraseña, o compártalo mediante un enlace en su sitio y comunique la contraseña por otra vía.",
        pl: "Wyślij plik bez hasła albo udostępnij go linkiem na swojej stronie, a hasło przekaż inną drogą.",
    },
    ENTRY "entry" => {
        en: "{path} is encrypted in its archive: its content cannot be inspected.",
        fr: "{path} est chiffré dans son archive : son contenu ne peut pas être inspecté.",
        es: "{path} está cifrado dentro de su archivo comprimido: su contenido no se puede inspeccionar.",
        pl: "{path} jest zaszyfrowany w archiwum: jego zawartości nie można sprawdzić.",
    },
    OFFICE "office" => {
        en: "{path} is a password-protected Office document: its content cannot be inspected.",
        fr: "{path} est un document Office protégé par mot de passe : son contenu ne peut pas être inspecté.",
        es: "{path} es un documento de Office protegido con contraseña: su contenido no se puede inspeccionar.",
        pl: "{path} to dokument Office chroniony hasłem: jego zawartości nie można sprawdzić.",
    },
    ARCHIVE "archive" => {
        en: "{path} is an encrypted archive: its content cannot be inspected.",
        fr: "{path} est une archive chiffrée : son contenu ne peut pas être inspecté.",
        es: "{path} es un archivo comprimido cifrado: su contenido no se puede inspeccionar.",
        pl: "{path} to zaszyfrowane archiwum: jego zawartości nie można sprawdzić.",
    },
    NAMES_HIDDEN "names-hidden" => {
        en: "{path} encrypts even its list of files: neither their names nor their content can be inspected.",
        fr: "{path} chiffre jusqu'à la liste de ses fichiers : ni leurs noms ni leur contenu ne peuvent être inspectés.",
        es: "{path} cifra incluso su lista de ficheros: no se pueden inspeccionar ni sus nombres ni su contenido.",
        pl: "{path} szyfruje nawet listę swoich plików: nie można sprawdzić ani ich nazw, ani zawartości.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros »), même s'il est « zippé » »"),
        Evidence::Ours("an encrypted entry (APPNOTE §4.4.4, bit 0) or document cannot be inspected, by us or by the host's filter"),
        Evidence::Receiver("rspamd MIME_ENCRYPTED_ARCHIVE (2 points): an encrypted archive cannot be scanned"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A ZIP whose entry is password protected",
                fr: "Un ZIP dont l'entrée est protégée par mot de passe",
                es: "Un ZIP cuya entrada está protegida con contraseña",
                pl: "Archiwum ZIP z pozycją chronioną hasłem",
            },
            generated!(inputs::encrypted_zip),
        ),
        Example::fails(
            title! {
                en: "A password-protected Excel file (OLE2 EncryptedPackage)",
                fr: "Un fichier Excel protégé par mot de passe (OLE2 EncryptedPackage)",
                es: "Un archivo Excel protegido con contraseña (OLE2 EncryptedPackage)",
                pl: "Plik Excel chroniony hasłem (OLE2 EncryptedPackage)",
            },
            generated!(inputs::encrypted_office),
        ),
        Example::fails(
            title! {
                en: "A RAR archive whose files are encrypted",
                fr: "Une archive RAR dont les fichiers sont chiffrés",
                es: "Un archivo RAR cuyos ficheros están cifrados",
                pl: "Archiwum RAR z zaszyfrowanymi plikami",
            },
            generated!(inputs::rar_with_encrypted_files),
        ),
        Example::fails(
            title! {
                en: "A RAR 4 archive whose headers are encrypted",
                fr: "Une archive RAR 4 dont les en-têtes sont chiffrés",
                es: "Un archivo RAR 4 cuyas cabeceras están cifradas",
                pl: "Archiwum RAR 4 z zaszyfrowanymi nagłówkami",
            },
            generated!(inputs::rar_with_encrypted_headers),
        ),
        Example::fails(
            title! {
                en: "A 7-Zip archive whose header is encrypted",
                fr: "Une archive 7-Zip dont l'en-tête est chiffré",
                es: "Un archivo 7-Zip cuya cabecera está cifrada",
                pl: "Archiwum 7-Zip z zaszyfrowanym nagłówkiem",
            },
            generated!(inputs::seven_zip_encrypted),
        ),
        Example::passes(
            title! {
                en: "A ZIP without password",
                fr: "Un ZIP sans mot de passe",
                es: "Un ZIP sin contraseña",
                pl: "ZIP bez hasła",
            },
            generated!(inputs::plain_zip),
        ),
        Example::passes(
            title! {
                en: "A RAR archive without password",
                fr: "Une archive RAR sans mot de passe",
                es: "Un archivo RAR sin contraseña",
                pl: "Archiwum RAR bez hasła",
            },
            generated!(inputs::plain_rar),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (attachment, fact) in super::facts_where(&message.attachment_facts, |k| matches!(k, FactKind::Encrypted { .. }))
    {
        let FactKind::Encrypted { container, names_hidden } = &fact.kind else { continue };
        let id = match (*container, names_hidden) {
            ("Office", _) => &OFFICE,
            (_, true) => &NAMES_HIDDEN,
            ("7z", false) => &ARCHIVE,
            _ => &ENTRY,
        };
        cx.emit(
            Draft::new(Msg::of(id).text("path", fact.path.clone()))
                .evidence(&fact.path)
                .at(super::location(message, attachment, fact)),
        );
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples::{self, RarProtection, SevenZipHeader, ZipEntry};

    pub(super) fn encrypted_zip() -> Vec<u8> {
        samples::zip_message("salaries.zip", &[ZipEntry::encrypted("salaries.pdf", &[0x5a; 64])])
    }
    pub(super) fn encrypted_office() -> Vec<u8> {
        let document = samples::ole2(&["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"], [0; 16]);
        samples::message_with("salaries.xls", "application/vnd.ms-excel", &document)
    }
    pub(super) fn plain_zip() -> Vec<u8> {
        samples::zip_message("salaries.zip", &[ZipEntry::deflated("salaries.csv", b"name,amount\r\n")])
    }
    const RAR_FILES: &[(&str, &[u8])] = &[("salaries.pdf", b"%PDF-1.4")];
    pub(super) fn rar_with_encrypted_files() -> Vec<u8> {
        samples::message_with("salaries.rar", "application/vnd.rar", &samples::rar5(RAR_FILES, RarProtection::Files))
    }
    pub(super) fn rar_with_encrypted_headers() -> Vec<u8> {
        samples::message_with("salaries.rar", "application/vnd.rar", &samples::rar4(RAR_FILES, RarProtection::Headers))
    }
    pub(super) fn plain_rar() -> Vec<u8> {
        samples::message_with("salaries.rar", "application/vnd.rar", &samples::rar5(RAR_FILES, RarProtection::None))
    }
    pub(super) fn seven_zip_encrypted() -> Vec<u8> {
        let archive = samples::seven_zip(RAR_FILES, SevenZipHeader::Encrypted);
        samples::message_with("salaries.7z", "application/x-7z-compressed", &archive)
    }
}
