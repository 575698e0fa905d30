//! Messages of the `attachment/*` rules. The guides' own sentence: "L'e-mail
//! contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des
//! « macros »), même s'il est « zippé »" / "El email contiene un ejecutable …,
//! aunque esté zippé" / "E-mail zawiera plik wykonalny …".

crate::catalog! {
    // ── attachment/executable ──────────────────────────────────────────
    // ── attachment/macro-document ──────────────────────────────────────
    // ── attachment/blocked-type ────────────────────────────────────────
    // ── attachment/deceptive-name ──────────────────────────────────────
    // ── attachment/type-mismatch ───────────────────────────────────────
    // ── attachment/encrypted-archive ───────────────────────────────────
    // ── attachment/uninspectable-archive ───────────────────────────────
    // ── attachment/archive-limit ───────────────────────────────────────
    // ── labels of formats (inspect::magic::Format::key) and extension groups ──
    "attachment/format.windows-pe" => { en: "Windows program (PE)", fr: "programme Windows (PE)", es: "programa de Windows (PE)", pl: "program Windows (PE)" },
    "attachment/format.elf" => { en: "Linux program (ELF)", fr: "programme Linux (ELF)", es: "programa de Linux (ELF)", pl: "program Linux (ELF)" },
    "attachment/format.mach-o" => { en: "macOS program (Mach-O)", fr: "programme macOS (Mach-O)", es: "programa de macOS (Mach-O)", pl: "program macOS (Mach-O)" },
    "attachment/format.mach-o-fat" => { en: "macOS universal program (Mach-O)", fr: "programme universel macOS (Mach-O)", es: "programa universal de macOS (Mach-O)", pl: "uniwersalny program macOS (Mach-O)" },
    "attachment/format.java-class" => { en: "Java program (class file)", fr: "programme Java (fichier class)", es: "programa Java (archivo class)", pl: "program Java (plik class)" },
    "attachment/format.shebang-script" => { en: "script (#!)", fr: "script (#!)", es: "script (#!)", pl: "skrypt (#!)" },
    "attachment/format.windows-shortcut" => { en: "Windows shortcut (LNK)", fr: "raccourci Windows (LNK)", es: "acceso directo de Windows (LNK)", pl: "skrót Windows (LNK)" },
    "attachment/format.windows-installer" => { en: "Windows installer (MSI)", fr: "installeur Windows (MSI)", es: "instalador de Windows (MSI)", pl: "instalator Windows (MSI)" },
    "attachment/format.ole2" => { en: "OLE2 compound file (legacy Office)", fr: "fichier composé OLE2 (ancien Office)", es: "archivo compuesto OLE2 (Office antiguo)", pl: "plik złożony OLE2 (starszy Office)" },
    "attachment/format.zip" => { en: "ZIP archive", fr: "archive ZIP", es: "archivo ZIP", pl: "archiwum ZIP" },
    "attachment/format.rar" => { en: "RAR archive", fr: "archive RAR", es: "archivo RAR", pl: "archiwum RAR" },
    "attachment/format.7z" => { en: "7-Zip archive", fr: "archive 7-Zip", es: "archivo 7-Zip", pl: "archiwum 7-Zip" },
    "attachment/format.gzip" => { en: "gzip file", fr: "fichier gzip", es: "archivo gzip", pl: "plik gzip" },
    "attachment/format.bzip2" => { en: "bzip2 file", fr: "fichier bzip2", es: "archivo bzip2", pl: "plik bzip2" },
    "attachment/format.xz" => { en: "xz file", fr: "fichier xz", es: "archivo xz", pl: "plik xz" },
    "attachment/format.zstd" => { en: "Zstandard file", fr: "fichier Zstandard", es: "archivo Zstandard", pl: "plik Zstandard" },
    "attachment/format.cab" => { en: "Microsoft Cabinet archive", fr: "archive Microsoft Cabinet", es: "archivo Microsoft Cabinet", pl: "archiwum Microsoft Cabinet" },
    "attachment/format.tar" => { en: "tar archive", fr: "archive tar", es: "archivo tar", pl: "archiwum tar" },
    "attachment/format.iso9660" => { en: "ISO 9660 disk image", fr: "image disque ISO 9660", es: "imagen de disco ISO 9660", pl: "obraz dysku ISO 9660" },
    "attachment/format.pdf" => { en: "PDF document", fr: "document PDF", es: "documento PDF", pl: "dokument PDF" },
    "attachment/format.png" => { en: "PNG image", fr: "image PNG", es: "imagen PNG", pl: "obraz PNG" },
    "attachment/format.jpeg" => { en: "JPEG image", fr: "image JPEG", es: "imagen JPEG", pl: "obraz JPEG" },
    "attachment/format.gif" => { en: "GIF image", fr: "image GIF", es: "imagen GIF", pl: "obraz GIF" },
    "attachment/format.zip-no-directory" => { en: "ZIP archive without a central directory", fr: "archive ZIP sans répertoire central", es: "archivo ZIP sin directorio central", pl: "archiwum ZIP bez katalogu centralnego" },
    "attachment/format.zip-unsupported-method" => { en: "ZIP entry with an unsupported compression method", fr: "entrée ZIP avec une méthode de compression non prise en charge", es: "entrada ZIP con un método de compresión no compatible", pl: "pozycja ZIP z nieobsługiwaną metodą kompresji" },
    "attachment/group.windows-program" => { en: "Windows program", fr: "programme Windows", es: "programa de Windows", pl: "program Windows" },
    "attachment/group.installer" => { en: "installer", fr: "installeur", es: "instalador", pl: "instalator" },
    "attachment/group.windows-script" => { en: "Windows script", fr: "script Windows", es: "script de Windows", pl: "skrypt Windows" },
    "attachment/group.shortcut" => { en: "shortcut", fr: "raccourci", es: "acceso directo", pl: "skrót" },
    "attachment/group.java" => { en: "Java program", fr: "programme Java", es: "programa Java", pl: "program Java" },
    "attachment/group.unix-macos" => { en: "Unix or macOS program", fr: "programme Unix ou macOS", es: "programa Unix o macOS", pl: "program Unix lub macOS" },
    "attachment/group.disk-image" => { en: "disk image", fr: "image disque", es: "imagen de disco", pl: "obraz dysku" },
    "attachment/group.configured" => { en: "listed in your options", fr: "listée dans vos options", es: "incluida en sus opciones", pl: "wymienione w opcjach" },
}
