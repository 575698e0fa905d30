//! The `attachment/*` rules (SPEC §2 `attachment/executable`). The guides: "the
//! e-mail contains an executable (EXE, BAT, PIF, XML, XLSX or documents with
//! macros), even if it is zipped". The facts come from `crate::inspect`, which
//! reads names, magic bytes and archive directories; the tunables live here.

pub mod active_page;
pub mod archive_limit;
pub mod blocked_type;
pub mod deceptive_name;
pub mod encrypted_archive;
pub mod executable;
pub mod html_smuggling;
pub mod inconsistent_archive;
pub mod macro_document;
pub mod type_mismatch;
pub mod uninspectable_archive;

pub mod labels;
// Sample files for the examples and the tests; the wasm build runs no examples.
#[cfg(not(target_arch = "wasm32"))]
pub mod samples;

use crate::i18n::{Localized, Msg};
use crate::inspect::{names, Fact, FactKind, Limits};
use crate::model::{AttachmentFacts, Message};
use crate::report::Location;
use crate::settings::{Evidence, Kind, ListDefault, Settings, Threshold};

// The guides give no numbers for archives; these defaults (ours) follow what
// mail scanners ship with (ClamAV: 10,000 files per archive, recursion limits)
// scaled to what a 10 MB message can legitimately hold. They bound the
// inspection, an analysis stage (`pipeline::ANALYSIS_LIMITS`).

/// Archive levels opened (`a.zip > b.zip > c.exe` is 2).
pub const MAX_ARCHIVE_DEPTH: Threshold = Threshold {
    key: "attachments.maxArchiveDepth",
    kind: Kind::Int { default: 4, min: 0, max: 16 },
    doc: Localized {
        en: "Archive levels opened (`a.zip > b.zip > c.exe` is 2). Real mail rarely nests beyond 2; deeper nesting is a way to tire scanners.",
        fr: "Niveaux d'archives ouverts (`a.zip > b.zip > c.exe` en fait 2). Le vrai courrier dépasse rarement 2 niveaux ; une imbrication plus profonde sert à épuiser les antivirus.",
        es: "Niveles de archivos abiertos (`a.zip > b.zip > c.exe` son 2). El correo real rara vez anida más de 2; anidar más hondo es una forma de agotar a los antivirus.",
        pl: "Otwierane poziomy archiwów (`a.zip > b.zip > c.exe` to 2). Prawdziwa poczta rzadko zagnieżdża więcej niż 2; głębsze zagnieżdżenie służy do wyczerpania skanerów.",
    },
    evidence: Evidence::Ours("ClamAV's recursion limits, scaled to what a 10 MB message holds"),
};
/// Archive entries listed per attachment, all levels together.
pub const MAX_ARCHIVE_ENTRIES: Threshold = Threshold {
    key: "attachments.maxArchiveEntries",
    kind: Kind::Int { default: 10_000, min: 1, max: 100_000 },
    doc: Localized {
        en: "Archive entries listed per attachment, all levels together.",
        fr: "Entrées d'archive listées par pièce jointe, tous niveaux confondus.",
        es: "Entradas de archivo listadas por adjunto, todos los niveles juntos.",
        pl: "Wpisy archiwum wyliczane na załącznik, wszystkie poziomy razem.",
    },
    evidence: Evidence::Receiver("ClamAV MaxFiles default: 10,000"),
};
/// Bytes inflated out of archives per message, all attachments together.
pub const MAX_INFLATED_BYTES: Threshold = Threshold {
    key: "attachments.maxInflatedBytes",
    kind: Kind::Int { default: 32_000_000, min: 0, max: 256_000_000 },
    doc: Localized {
        en: "Bytes inflated or copied out of archives per message, all attachments together, so a message of many small bombs does not multiply it; nested archives, documents and pages are inflated whole, so are entries whose first bytes name no format, or a PDF, when their declared size fits (formats found at a file's end: disk image footers, an archive glued after a document); of the rest the first bytes.",
        fr: "Octets décompressés ou copiés hors des archives par message, toutes pièces jointes confondues, pour qu'un message fait de nombreuses petites bombes ne le multiplie pas ; les archives imbriquées, les documents et les pages sont décompressés entiers, de même que les entrées dont les premiers octets ne désignent aucun format, ou un PDF, quand leur taille déclarée tient dans la limite (formats repérés à la fin d'un fichier : pieds d'images disque, archive collée après un document) ; du reste, les premiers octets.",
        es: "Bytes descomprimidos o copiados fuera de los archivos por mensaje, todos los adjuntos juntos, para que un mensaje de muchas bombas pequeñas no lo multiplique; los archivos anidados, los documentos y las páginas se descomprimen enteros, igual que las entradas cuyos primeros bytes no indican ningún formato, o un PDF, cuando su tamaño declarado cabe (formatos que se hallan al final de un fichero: pies de imágenes de disco, un archivo pegado tras un documento); del resto, los primeros bytes.",
        pl: "Bajty rozpakowane lub skopiowane z archiwów na wiadomość, wszystkie załączniki razem, aby wiadomość z wieloma małymi bombami jej nie mnożyła; zagnieżdżone archiwa, dokumenty i strony są rozpakowywane w całości, podobnie wpisy, których pierwsze bajty nie wskazują żadnego formatu, albo wskazują PDF, gdy ich deklarowany rozmiar się mieści (formaty znajdowane na końcu pliku: stopki obrazów dysków, archiwum doklejone za dokumentem); z reszty pierwsze bajty.",
    },
    evidence: Evidence::Ours("a few times the 10 MB a message may carry"),
};
/// Largest inflated/compressed ratio of one entry.
pub const MAX_COMPRESSION_RATIO: Threshold = Threshold {
    key: "attachments.maxCompressionRatio",
    kind: Kind::Int { default: 100, min: 1, max: 100_000 },
    doc: Localized {
        en: "Largest inflated/compressed ratio of one entry: deflate peaks near 1,032:1 on zeros; real documents stay under 20:1 and log files rarely pass 100:1.",
        fr: "Plus grand rapport décompressé/compressé d'une entrée : deflate culmine près de 1\u{202f}032:1 sur des zéros ; les vrais documents restent sous 20:1 et les journaux dépassent rarement 100:1.",
        es: "Mayor relación descomprimido/comprimido de una entrada: deflate culmina cerca de 1032:1 con ceros; los documentos reales quedan por debajo de 20:1 y los ficheros de registro rara vez pasan de 100:1.",
        pl: "Największy stosunek rozmiaru po rozpakowaniu do skompresowanego jednego wpisu: deflate osiąga szczyt blisko 1032:1 na zerach; prawdziwe dokumenty nie przekraczają 20:1, a pliki logów rzadko przekraczają 100:1.",
    },
    evidence: Evidence::Ours("100:1, above real documents and logs"),
};
/// The ratio is judged only for entries inflating past this many bytes.
pub const COMPRESSION_RATIO_MIN_BYTES: Threshold = Threshold {
    key: "attachments.compressionRatioMinBytes",
    kind: Kind::Int { default: 1_000_000, min: 0, max: 256_000_000 },
    doc: Localized {
        en: "The ratio is judged only for entries inflating past this many bytes, so tiny repetitive files do not count as bombs.",
        fr: "Le rapport n'est jugé que pour les entrées qui dépassent ce nombre d'octets une fois décompressées, pour que de tout petits fichiers répétitifs ne comptent pas comme des bombes.",
        es: "La relación solo se juzga en las entradas que superan este número de bytes al descomprimirse, para que los ficheros diminutos y repetitivos no cuenten como bombas.",
        pl: "Stosunek jest oceniany tylko dla wpisów, które po rozpakowaniu przekraczają tę liczbę bajtów, aby maleńkie powtarzalne pliki nie liczyły się jako bomby.",
    },
    evidence: Evidence::Ours("1 MB: a smaller entry cannot exhaust a filter whatever its ratio"),
};
/// Extensions (lowercase, no dot) that run code.
pub const EXECUTABLE_EXTENSIONS: Threshold = Threshold {
    key: "attachments.executableExtensions",
    kind: Kind::List { default: ListDefault::Computed(names::default_executable_extensions), max_items: 10_000 },
    doc: Localized {
        en: "Extensions (lowercase, no dot) that run code; by default every executable group of the inspector's extension table and every type Gmail blocks (support.google.com/mail/answer/6590, `src/inspect/data/gmail-blocked-types.txt`) or Outlook blocks (OWA's default BlockedFileTypes and \"Blocked attachments in Outlook\", `src/inspect/data/outlook-blocked-types.txt`).",
        fr: "Extensions (en minuscules, sans point) qui exécutent du code ; par défaut, chaque groupe exécutable de la table des extensions de l'inspecteur et chaque type que Gmail bloque (support.google.com/mail/answer/6590, `src/inspect/data/gmail-blocked-types.txt`) ou qu'Outlook bloque (BlockedFileTypes par défaut d'OWA et « Blocked attachments in Outlook », `src/inspect/data/outlook-blocked-types.txt`).",
        es: "Extensiones (en minúsculas, sin punto) que ejecutan código; por defecto, cada grupo ejecutable de la tabla de extensiones del inspector y cada tipo que Gmail bloquea (support.google.com/mail/answer/6590, `src/inspect/data/gmail-blocked-types.txt`) u Outlook bloquea (BlockedFileTypes por defecto de OWA y «Blocked attachments in Outlook», `src/inspect/data/outlook-blocked-types.txt`).",
        pl: "Rozszerzenia (małymi literami, bez kropki), które uruchamiają kod; domyślnie każda grupa wykonywalna z tabeli rozszerzeń inspektora i każdy typ blokowany przez Gmaila (support.google.com/mail/answer/6590, `src/inspect/data/gmail-blocked-types.txt`) lub Outlooka (domyślne BlockedFileTypes w OWA i „Blocked attachments in Outlook”, `src/inspect/data/outlook-blocked-types.txt`).",
    },
    evidence: Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, …) »"),
};
/// Extensions the host blocks although they run nothing.
pub const BLOCKED_EXTENSIONS: Threshold = Threshold {
    key: "attachments.blockedExtensions",
    kind: Kind::List { default: ListDefault::Items(&["xlsx", "xml"]), max_items: 10_000 },
    doc: Localized {
        en: "Extensions the host blocks although they run nothing. The guides name XLSX and XML.",
        fr: "Extensions que l'hébergeur bloque bien qu'elles n'exécutent rien. Les guides citent XLSX et XML.",
        es: "Extensiones que el alojamiento bloquea aunque no ejecuten nada. Las guías nombran XLSX y XML.",
        pl: "Rozszerzenia blokowane przez hosting, choć niczego nie uruchamiają. Przewodniki wymieniają XLSX i XML.",
    },
    evidence: Evidence::Guide(
        "seed 002 (fr) l. 180: « un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros ») »",
    ),
};

/// Every threshold of the inspection, for `pipeline::ANALYSIS_LIMITS`.
pub const INSPECTION_LIMITS: &[&Threshold] = &[
    &MAX_ARCHIVE_DEPTH,
    &MAX_ARCHIVE_ENTRIES,
    &MAX_INFLATED_BYTES,
    &MAX_COMPRESSION_RATIO,
    &COMPRESSION_RATIO_MIN_BYTES,
    &EXECUTABLE_EXTENSIONS,
    &BLOCKED_EXTENSIONS,
];

/// The limits handed to the inspector.
pub fn limits(settings: &Settings) -> Limits {
    Limits {
        max_depth: settings.count(&MAX_ARCHIVE_DEPTH),
        max_entries: settings.count(&MAX_ARCHIVE_ENTRIES),
        max_inflated_bytes: settings.int(&MAX_INFLATED_BYTES) as u64,
        max_compression_ratio: settings.int(&MAX_COMPRESSION_RATIO) as u64,
        compression_ratio_min_bytes: settings.int(&COMPRESSION_RATIO_MIN_BYTES) as u64,
        executable_extensions: extensions(settings, &EXECUTABLE_EXTENSIONS),
        blocked_extensions: extensions(settings, &BLOCKED_EXTENSIONS),
    }
}

/// A list of extensions as the inspector compares them (lowercase, no dot):
/// the caller's own list normalised; the default list as it is, written so
/// already (the test `default_extension_lists_are_written_as_compared`) and
/// shared for the process, not copied for each settings resolved (#14: copying
/// the 300 default extensions one by one was 0.8 ms of a first lint in Node).
fn extensions(settings: &Settings, threshold: &Threshold) -> std::borrow::Cow<'static, [String]> {
    match settings.own_list(threshold) {
        Some(items) => std::borrow::Cow::Owned(items.iter().map(|e| normalise_extension(e)).collect()),
        None => std::borrow::Cow::Borrowed(crate::settings::default_list(threshold)),
    }
}

/// The limits handed to the inspector when the options set none.
pub fn default_limits() -> Limits {
    limits(&Settings::default())
}

fn normalise_extension(extension: &str) -> String {
    extension.trim().trim_start_matches('.').to_ascii_lowercase()
}

/// Where a fact is: the part, its encoded body, and the path inside archives.
pub fn location(message: &Message, attachment: &AttachmentFacts, fact: &Fact) -> Location {
    let mut location = Location::part(attachment.part);
    // A part of an encoded attached message: the encoded body that holds it.
    if let Some(range) = message.parts.get(attachment.part).and_then(|p| p.body_range.clone().or_else(|| p.held_in.clone())) {
        location = location.with_range(range.start, range.end);
    }
    location.with_path(fact.path.clone())
}

/// The facts of one kind, with their attachment, at most one per path.
/// No more than a rule reports (`MAX_FINDINGS_PER_RULE`): the search for
/// duplicates stays linear in the facts however many there are.
pub fn facts_where(inspected: &[AttachmentFacts], wanted: fn(&FactKind) -> bool) -> Vec<(&AttachmentFacts, &Fact)> {
    let mut out: Vec<(&AttachmentFacts, &Fact)> = Vec::new();
    for attachment in inspected {
        for fact in attachment.facts.iter().filter(|f| wanted(&f.kind)) {
            if out.len() >= crate::rules::MAX_FINDINGS_PER_RULE {
                return out;
            }
            if !out.iter().any(|(a, f)| a.part == attachment.part && f.path == fact.path) {
                out.push((attachment, fact));
            }
        }
    }
    out
}

/// `msg` with the label of a format key (`Format::key`) as parameter `name`,
/// or the key itself when it has no label.
pub fn with_format(msg: Msg, name: &'static str, key: &str) -> Msg {
    match labels::format_label(key) {
        Some(label) => msg.label(name, label),
        None => msg.text(name, key),
    }
}

/// `msg` with the label of an extension group (`ExtensionGroup::name`, or
/// `configured`) as parameter `name`, or the name itself when it has no label.
pub fn with_group(msg: Msg, name: &'static str, group: &str) -> Msg {
    match labels::group_label(group) {
        Some(label) => msg.label(name, label),
        None => msg.text(name, group),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default lists are shared as they are (`extensions`): each item must
    /// already be what `normalise_extension` makes of it.
    #[test]
    fn default_extension_lists_are_written_as_compared() {
        for threshold in [&EXECUTABLE_EXTENSIONS, &BLOCKED_EXTENSIONS] {
            let defaults = crate::settings::default_list(threshold);
            assert!(defaults.len() >= 2, "{}", threshold.key);
            for extension in defaults {
                assert_eq!(normalise_extension(extension), *extension, "{}", threshold.key);
            }
        }
        assert!(crate::settings::default_list(&MAX_ARCHIVE_DEPTH).is_empty());
    }

    /// A caller's own list is normalised; the default is the shared one.
    #[test]
    fn own_extension_lists_are_normalised() {
        let options = crate::options::Options::from_json(
            r#"{"thresholds":{"attachments":{"executableExtensions":[" .EXE","Js "]}}}"#,
        )
        .expect("options");
        let settings = crate::pipeline::resolve::resolve(&options).expect("settings");
        let own = limits(&settings);
        assert_eq!(&*own.executable_extensions, ["exe", "js"]);
        assert!(matches!(own.blocked_extensions, std::borrow::Cow::Borrowed(_)));
        let defaults = default_limits();
        assert!(matches!(defaults.executable_extensions, std::borrow::Cow::Borrowed(_)));
        assert!(defaults.executable_extensions.iter().any(|e| e == "exe"));
    }
}
