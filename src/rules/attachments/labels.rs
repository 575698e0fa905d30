//! Labels that `attachment/*` findings insert into their messages: the names
//! of file formats (`inspect::magic::Format::key`, and the inspector's own
//! keys for archives it cannot read) and of extension groups
//! (`inspect::names::ExtensionGroup::name`), in the four languages.

use crate::i18n::Entry;
use crate::inspect::names;

crate::label_texts! { "attachment/";
    FORMAT_WINDOWS_PE "format.windows-pe" => { en: "Windows program (PE)", fr: "programme Windows (PE)", es: "programa de Windows (PE)", pl: "program Windows (PE)" },
    FORMAT_ELF "format.elf" => { en: "Linux program (ELF)", fr: "programme Linux (ELF)", es: "programa de Linux (ELF)", pl: "program Linux (ELF)" },
    FORMAT_MACH_O "format.mach-o" => { en: "macOS program (Mach-O)", fr: "programme macOS (Mach-O)", es: "programa de macOS (Mach-O)", pl: "program macOS (Mach-O)" },
    FORMAT_MACH_O_FAT "format.mach-o-fat" => { en: "macOS universal program (Mach-O)", fr: "programme universel macOS (Mach-O)", es: "programa universal de macOS (Mach-O)", pl: "uniwersalny program macOS (Mach-O)" },
    FORMAT_JAVA_CLASS "format.java-class" => { en: "Java program (class file)", fr: "programme Java (fichier class)", es: "programa Java (archivo class)", pl: "program Java (plik class)" },
    FORMAT_SHEBANG_SCRIPT "format.shebang-script" => { en: "script (#!)", fr: "script (#!)", es: "script (#!)", pl: "skrypt (#!)" },
    FORMAT_WINDOWS_SHORTCUT "format.windows-shortcut" => { en: "Windows shortcut (LNK)", fr: "raccourci Windows (LNK)", es: "acceso directo de Windows (LNK)", pl: "skrót Windows (LNK)" },
    FORMAT_WINDOWS_INSTALLER "format.windows-installer" => { en: "Windows installer (MSI)", fr: "installeur Windows (MSI)", es: "instalador de Windows (MSI)", pl: "instalator Windows (MSI)" },
    FORMAT_OLE2 "format.ole2" => { en: "OLE2 compound file (legacy Office)", fr: "fichier composé OLE2 (ancien Office)", es: "archivo compuesto OLE2 (Office antiguo)", pl: "plik złożony OLE2 (starszy Office)" },
    FORMAT_ZIP "format.zip" => { en: "ZIP archive", fr: "archive ZIP", es: "archivo ZIP", pl: "archiwum ZIP" },
    FORMAT_RAR "format.rar" => { en: "RAR archive", fr: "archive RAR", es: "archivo RAR", pl: "archiwum RAR" },
    FORMAT_SEVEN_ZIP "format.7z" => { en: "7-Zip archive", fr: "archive 7-Zip", es: "archivo 7-Zip", pl: "archiwum 7-Zip" },
    FORMAT_GZIP "format.gzip" => { en: "gzip file", fr: "fichier gzip", es: "archivo gzip", pl: "plik gzip" },
    FORMAT_BZIP2 "format.bzip2" => { en: "bzip2 file", fr: "fichier bzip2", es: "archivo bzip2", pl: "plik bzip2" },
    FORMAT_XZ "format.xz" => { en: "xz file", fr: "fichier xz", es: "archivo xz", pl: "plik xz" },
    FORMAT_ZSTD "format.zstd" => { en: "Zstandard file", fr: "fichier Zstandard", es: "archivo Zstandard", pl: "plik Zstandard" },
    FORMAT_CAB "format.cab" => { en: "Microsoft Cabinet archive", fr: "archive Microsoft Cabinet", es: "archivo Microsoft Cabinet", pl: "archiwum Microsoft Cabinet" },
    FORMAT_TAR "format.tar" => { en: "tar archive", fr: "archive tar", es: "archivo tar", pl: "archiwum tar" },
    FORMAT_ISO9660 "format.iso9660" => { en: "disk image (ISO 9660)", fr: "image disque ISO 9660", es: "imagen de disco ISO 9660", pl: "obraz dysku ISO 9660" },
    FORMAT_HTA "format.hta" => { en: "Windows HTML application (HTA)", fr: "application HTML Windows (HTA)", es: "aplicación HTML de Windows (HTA)", pl: "aplikacja HTML systemu Windows (HTA)" },
    FORMAT_WINDOWS_SCRIPT "format.windows-script" => { en: "Windows script", fr: "script Windows", es: "script de Windows", pl: "skrypt Windows" },
    FORMAT_VHD "format.vhd" => { en: "virtual hard disk (VHD)", fr: "disque dur virtuel (VHD)", es: "disco duro virtual (VHD)", pl: "wirtualny dysk twardy (VHD)" },
    FORMAT_VHDX "format.vhdx" => { en: "virtual hard disk (VHDX)", fr: "disque dur virtuel (VHDX)", es: "disco duro virtual (VHDX)", pl: "wirtualny dysk twardy (VHDX)" },
    FORMAT_DMG "format.dmg" => { en: "disk image (Apple DMG)", fr: "image disque Apple (DMG)", es: "imagen de disco de Apple (DMG)", pl: "obraz dysku Apple (DMG)" },
    FORMAT_FILESYSTEM_IMAGE "format.filesystem-image" => { en: "raw disk image", fr: "image disque brute", es: "imagen de disco sin formato", pl: "surowy obraz dysku" },
    FORMAT_ONENOTE "format.onenote" => { en: "OneNote section", fr: "section OneNote", es: "sección de OneNote", pl: "sekcja OneNote" },
    FORMAT_HTML "format.html" => { en: "HTML page", fr: "page HTML", es: "página HTML", pl: "strona HTML" },
    FORMAT_SEVEN_ZIP_COMPRESSED_HEADER "format.7z-compressed-header" => { en: "7-Zip archive whose compressed list of files is not read here", fr: "archive 7-Zip dont la liste de fichiers compressée n'est pas lue ici", es: "archivo 7-Zip cuya lista de ficheros comprimida no se lee aquí", pl: "archiwum 7-Zip, którego skompresowanej listy plików nie odczytuje się tutaj" },
    // Read after "{path} is" / "est de type" / "es de tipo" / "jest typu" (attachment/blocked-type).
    FORMAT_XLSX_WORKBOOK "format.xlsx-workbook" => { en: "an Excel workbook (XLSX)", fr: "XLSX (classeur Excel)", es: "XLSX (libro de Excel)", pl: "XLSX (skoroszyt Excel)" },
    FORMAT_PDF "format.pdf" => { en: "PDF document", fr: "document PDF", es: "documento PDF", pl: "dokument PDF" },
    FORMAT_PNG "format.png" => { en: "PNG image", fr: "image PNG", es: "imagen PNG", pl: "obraz PNG" },
    FORMAT_JPEG "format.jpeg" => { en: "JPEG image", fr: "image JPEG", es: "imagen JPEG", pl: "obraz JPEG" },
    FORMAT_GIF "format.gif" => { en: "GIF image", fr: "image GIF", es: "imagen GIF", pl: "obraz GIF" },
    FORMAT_MESSAGE_STRUCTURE "format.message-structure" => { en: "attached message with too many parts or too long a MIME field to read", fr: "message joint avec trop de parties ou un champ MIME trop long pour être lu", es: "mensaje adjunto con demasiadas partes o un campo MIME demasiado largo para leerlo", pl: "załączona wiadomość ze zbyt wieloma częściami lub zbyt długim polem MIME, by ją odczytać" },
    FORMAT_ZIP_NO_DIRECTORY "format.zip-no-directory" => { en: "ZIP archive without a central directory", fr: "archive ZIP sans répertoire central", es: "archivo ZIP sin directorio central", pl: "archiwum ZIP bez katalogu centralnego" },
    FORMAT_ZIP_UNSUPPORTED_METHOD "format.zip-unsupported-method" => { en: "ZIP entry with an unsupported compression method", fr: "entrée ZIP avec une méthode de compression non prise en charge", es: "entrada ZIP con un método de compresión no compatible", pl: "pozycja ZIP z nieobsługiwaną metodą kompresji" },
    GROUP_WINDOWS_PROGRAM "group.windows-program" => { en: "Windows program", fr: "programme Windows", es: "programa de Windows", pl: "program Windows" },
    GROUP_INSTALLER "group.installer" => { en: "installer", fr: "installeur", es: "instalador", pl: "instalator" },
    GROUP_WINDOWS_SCRIPT "group.windows-script" => { en: "Windows script", fr: "script Windows", es: "script de Windows", pl: "skrypt Windows" },
    GROUP_SHORTCUT "group.shortcut" => { en: "shortcut", fr: "raccourci", es: "acceso directo", pl: "skrót" },
    GROUP_JAVA "group.java" => { en: "Java program", fr: "programme Java", es: "programa Java", pl: "program Java" },
    GROUP_UNIX_MACOS "group.unix-macos" => { en: "Unix or macOS program", fr: "programme Unix ou macOS", es: "programa Unix o macOS", pl: "program Unix lub macOS" },
    GROUP_DISK_IMAGE "group.disk-image" => { en: "disk image", fr: "image disque", es: "imagen de disco", pl: "obraz dysku" },
    GROUP_GMAIL_BLOCKED "group.gmail-blocked" => { en: "a type Gmail blocks", fr: "un type bloqué par Gmail", es: "un tipo que Gmail bloquea", pl: "typ blokowany przez Gmail" },
    GROUP_OUTLOOK_BLOCKED "group.outlook-blocked" => { en: "a type Outlook blocks", fr: "un type bloqué par Outlook", es: "un tipo que Outlook bloquea", pl: "typ blokowany przez Outlook" },
    GROUP_CONFIGURED "group.configured" => { en: "listed in your options", fr: "listée dans vos options", es: "incluida en sus opciones", pl: "wymienione w opcjach" },
}

/// The label of a file format key; `None` for a key without one (shown as is).
pub fn format_label(key: &str) -> Option<&'static Entry> {
    Some(match key {
        "windows-pe" => &FORMAT_WINDOWS_PE,
        "elf" => &FORMAT_ELF,
        "mach-o" => &FORMAT_MACH_O,
        "mach-o-fat" => &FORMAT_MACH_O_FAT,
        "java-class" => &FORMAT_JAVA_CLASS,
        "shebang-script" => &FORMAT_SHEBANG_SCRIPT,
        "windows-shortcut" => &FORMAT_WINDOWS_SHORTCUT,
        "windows-installer" => &FORMAT_WINDOWS_INSTALLER,
        "ole2" => &FORMAT_OLE2,
        "zip" => &FORMAT_ZIP,
        "rar" => &FORMAT_RAR,
        "7z" => &FORMAT_SEVEN_ZIP,
        "gzip" => &FORMAT_GZIP,
        "bzip2" => &FORMAT_BZIP2,
        "xz" => &FORMAT_XZ,
        "zstd" => &FORMAT_ZSTD,
        "cab" => &FORMAT_CAB,
        "tar" => &FORMAT_TAR,
        "iso9660" => &FORMAT_ISO9660,
        "hta" => &FORMAT_HTA,
        "windows-script" => &FORMAT_WINDOWS_SCRIPT,
        "vhd" => &FORMAT_VHD,
        "vhdx" => &FORMAT_VHDX,
        "dmg" => &FORMAT_DMG,
        "filesystem-image" => &FORMAT_FILESYSTEM_IMAGE,
        "onenote" => &FORMAT_ONENOTE,
        "html" => &FORMAT_HTML,
        "7z-compressed-header" => &FORMAT_SEVEN_ZIP_COMPRESSED_HEADER,
        "pdf" => &FORMAT_PDF,
        "png" => &FORMAT_PNG,
        "jpeg" => &FORMAT_JPEG,
        "gif" => &FORMAT_GIF,
        "zip-no-directory" => &FORMAT_ZIP_NO_DIRECTORY,
        "message-structure" => &FORMAT_MESSAGE_STRUCTURE,
        "zip-unsupported-method" => &FORMAT_ZIP_UNSUPPORTED_METHOD,
        _ => return None,
    })
}

/// The label of an extension group (`configured`: listed in the options); `None` for a key without one (shown as is).
pub fn group_label(key: &str) -> Option<&'static Entry> {
    Some(match key {
        "windows-program" => &GROUP_WINDOWS_PROGRAM,
        "installer" => &GROUP_INSTALLER,
        "windows-script" => &GROUP_WINDOWS_SCRIPT,
        "shortcut" => &GROUP_SHORTCUT,
        "java" => &GROUP_JAVA,
        "unix-macos" => &GROUP_UNIX_MACOS,
        "disk-image" => &GROUP_DISK_IMAGE,
        names::GMAIL_BLOCKED_GROUP => &GROUP_GMAIL_BLOCKED,
        names::OUTLOOK_BLOCKED_GROUP => &GROUP_OUTLOOK_BLOCKED,
        "configured" => &GROUP_CONFIGURED,
        _ => return None,
    })
}
