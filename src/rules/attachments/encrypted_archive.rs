//! `attachment/encrypted-archive`: an encrypted ZIP entry (APPNOTE §4.4.4,
//! general-purpose bit 0) or a password-protected Office document cannot be
//! inspected, by us or by the host's filter; encrypted archives are how
//! executables are usually smuggled past filters, so hosts often hold them.

use super::samples::{self, ZipEntry};
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
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
        en: "Password-protected archives and documents are the usual way to slip programs past mail filters, since the guides block executables even zipped. The host's filter cannot look inside either and may hold the mail.",
        fr: "Les archives et documents protégés par mot de passe sont le moyen habituel de faire passer des programmes au travers des filtres, puisque les guides bloquent les exécutables même « zippés ». Le filtre de l'hébergeur ne peut pas non plus regarder dedans et peut retenir l'e-mail.",
        es: "Los archivos y documentos protegidos con contraseña son la forma habitual de colar programas a través de los filtros, ya que las guías bloquean los ejecutables aunque estén comprimidos. El filtro del alojamiento tampoco puede ver su interior y puede retener el correo.",
        pl: "Archiwa i dokumenty chronione hasłem to typowy sposób przemycania programów przez filtry, skoro przewodniki blokują pliki wykonywalne nawet spakowane. Filtr hostingu również nie zajrzy do środka i może zatrzymać wiadomość.",
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
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros »), même s'il est « zippé » »"),
        Evidence::Ours("an encrypted entry (APPNOTE §4.4.4, bit 0) or document cannot be inspected, by us or by the host's filter"),
        // TODO(evidence): that hosts hold encrypted archives: a receiver's published rule
    ],
    score: crate::rules::scores::NONE, // TODO(score): was 15
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A ZIP whose entry is password protected",
                fr: "Un ZIP dont l'entrée est protégée par mot de passe",
                es: "Un ZIP cuya entrada está protegida con contraseña",
                pl: "ZIP, którego pozycja jest chroniona hasłem",
            },
            ExampleInput::Generated(encrypted_zip),
        ),
        Example::fails(
            title! {
                en: "A password-protected Excel file (OLE2 EncryptedPackage)",
                fr: "Un fichier Excel protégé par mot de passe (OLE2 EncryptedPackage)",
                es: "Un archivo Excel protegido con contraseña (OLE2 EncryptedPackage)",
                pl: "Plik Excel chroniony hasłem (OLE2 EncryptedPackage)",
            },
            ExampleInput::Generated(encrypted_office),
        ),
        Example::passes(
            title! {
                en: "A ZIP without password",
                fr: "Un ZIP sans mot de passe",
                es: "Un ZIP sin contraseña",
                pl: "ZIP bez hasła",
            },
            ExampleInput::Generated(plain_zip),
        ),
    ],
    check: Check::Message(check),
};

fn encrypted_zip() -> Vec<u8> {
    let archive = samples::zip(&[ZipEntry::encrypted("salaries.pdf", &[0x5a; 64])]);
    samples::message_with("salaries.zip", "application/zip", &archive)
}
fn encrypted_office() -> Vec<u8> {
    let document = samples::ole2(&["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"], [0; 16]);
    samples::message_with("salaries.xls", "application/vnd.ms-excel", &document)
}
fn plain_zip() -> Vec<u8> {
    let archive = samples::zip(&[ZipEntry::deflated("salaries.csv", b"name,amount\r\n")]);
    samples::message_with("salaries.zip", "application/zip", &archive)
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = super::inspect(message, cx.settings);
    for (attachment, fact) in super::facts_where(&inspected, |k| matches!(k, FactKind::Encrypted { .. })) {
        let FactKind::Encrypted { container } = &fact.kind else { continue };
        let id = if *container == "Office" { &OFFICE } else { &ENTRY };
        cx.emit(
            Draft::new(Msg::of(id).text("path", fact.path.clone()))
                .evidence(&fact.path)
                .at(super::location(message, attachment, fact)),
        );
    }
}
