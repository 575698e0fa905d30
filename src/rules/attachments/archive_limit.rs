//! `attachment/archive-limit`: an archive reached one of the inspection limits
//! (`attachments.*` thresholds): nesting depth, entry count, bytes inflated (per
//! message, all attachments together), or compression ratio; or the message's
//! attachments gave more facts than are recorded (`inspect::MAX_FACTS_PER_MESSAGE`);
//! or, information, an entry was judged by its first bytes because earlier entries
//! spent the message's reads of entries whole (`inspect::walk::MAX_LOOK_FURTHER_BYTES`).
//! Zip bombs and deeply nested archives are built to exhaust filters; the host's
//! filter stops too and holds the mail, and what lies beyond the limit was not checked.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::{FactKind, Limit};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/archive-limit";
    summary => {
        en: "An archive is nested too deep, holds too many files or inflates too much (zip bomb).",
        fr: "Une archive est trop imbriquée, contient trop de fichiers ou se décompresse démesurément (bombe de décompression).",
        es: "Un archivo comprimido está demasiado anidado, contiene demasiados ficheros o se descomprime en exceso (bomba zip).",
        pl: "Archiwum jest zbyt głęboko zagnieżdżone, zawiera zbyt wiele plików lub rozpakowuje się nadmiernie (bomba ZIP).",
    },
    why => {
        en: "Archives nested many levels deep, with thousands of entries or with an extreme compression ratio are built to exhaust mail filters. Filters stop at such limits and hold the mail; mail-preflight stops too, so what lies beyond was not checked.",
        fr: "Les archives imbriquées sur de nombreux niveaux, avec des milliers d'entrées ou un taux de compression extrême, sont conçues pour épuiser les filtres de messagerie. Les filtres s'arrêtent à ces limites et retiennent l'e-mail ; mail-preflight s'arrête aussi, si bien que ce qui se trouve au-delà n'a pas été vérifié.",
        es: "Los archivos comprimidos anidados en muchos niveles, con miles de entradas o con una tasa de compresión extrema están hechos para agotar los filtros de correo. Los filtros se detienen en esos límites y retienen el correo; mail-preflight también se detiene, así que lo que hay más allá no se ha comprobado.",
        pl: "Archiwa zagnieżdżone na wielu poziomach, z tysiącami pozycji lub ze skrajnym stopniem kompresji są tworzone, by wyczerpać filtry pocztowe. Filtry zatrzymują się na takich limitach i wstrzymują wiadomość; mail-preflight również się zatrzymuje, więc dalsza zawartość nie została sprawdzona.",
    },
    fix => {
        en: "Send the files in a single, flat ZIP archive, or share large data through a link on your site.",
        fr: "Envoyez les fichiers dans une seule archive ZIP sans imbrication, ou partagez les gros volumes par un lien sur votre site.",
        es: "Envíe los archivos en un único ZIP sin anidar, o comparta los datos voluminosos mediante un enlace en su sitio.",
        pl: "Wyślij pliki w jednym, płaskim archiwum ZIP albo udostępnij duże ilości danych linkiem na swojej stronie.",
    },
    DEPTH "depth" => {
        en: "{path} holds archives nested {value, plural, one {# level} other {# levels}} deep; inspection stops at {limit}.",
        fr: "{path} contient des archives imbriquées sur {value, plural, one {# niveau} many {# de niveaux} other {# niveaux}} ; l'inspection s'arrête à {limit}.",
        es: "{path} contiene archivos anidados en {value, plural, one {# nivel} many {# de niveles} other {# niveles}}; la inspección se detiene en {limit}.",
        pl: "{path} zawiera archiwa zagnieżdżone na {value, plural, one {# poziomie} few {# poziomach} many {# poziomach} other {# poziomu}}; sprawdzanie kończy się na {limit}.",
    },
    ENTRIES "entries" => {
        en: "{path} holds at least {value, plural, one {# entry} other {# entries}}; inspection stops at {limit}.",
        fr: "{path} contient au moins {value, plural, one {# entrée} many {# d'entrées} other {# entrées}} ; l'inspection s'arrête à {limit}.",
        es: "{path} contiene al menos {value, plural, one {# entrada} many {# de entradas} other {# entradas}}; la inspección se detiene en {limit}.",
        pl: "{path} zawiera co najmniej {value, plural, one {# pozycję} few {# pozycje} many {# pozycji} other {# pozycji}}; sprawdzanie kończy się na {limit}.",
    },
    INFLATED "inflated" => {
        en: "Inspecting {path} would inflate more than {limit, plural, one {# byte} other {# bytes}}; it stopped at {value, plural, one {# byte} other {# bytes}}.",
        fr: "Inspecter {path} demanderait de décompresser plus de {limit, plural, one {# octet} many {# d'octets} other {# octets}} ; l'inspection s'est arrêtée à {value, plural, one {# octet} many {# d'octets} other {# octets}}.",
        es: "Inspeccionar {path} exigiría descomprimir más de {limit, plural, one {# byte} many {# de bytes} other {# bytes}}; la inspección se detuvo en {value, plural, one {# byte} many {# de bytes} other {# bytes}}.",
        pl: "Sprawdzenie {path} wymagałoby rozpakowania ponad {limit, plural, one {# bajtu} few {# bajtów} many {# bajtów} other {# bajtu}}; zatrzymano się na {value, plural, one {# bajcie} few {# bajtach} many {# bajtach} other {# bajtu}}.",
    },
    RATIO "ratio" => {
        en: "{path} inflates more than {value} times its compressed size (the limit is {limit}): it looks like a zip bomb.",
        fr: "{path} se décompresse à plus de {value} fois sa taille compressée (la limite est de {limit}) : cela ressemble à une bombe de décompression.",
        es: "{path} se descomprime a más de {value, plural, one {# vez} many {# de veces} other {# veces}} su tamaño comprimido (el límite es {limit}): parece una bomba zip.",
        pl: "Po rozpakowaniu {path} zajmuje ponad {value} razy więcej niż po kompresji (limit to {limit}): wygląda to na bombę ZIP.",
    },
    LOOK_FURTHER "look-further" => {
        en: "{path} was judged by its first bytes only: this message's budget for reading archive entries whole ({limit, plural, one {# byte} other {# bytes}}) was spent on earlier entries ({value, plural, one {# byte} other {# bytes}} read), so what lies at its end or further inside was not checked.",
        fr: "{path} n'a été jugé que sur ses premiers octets : le budget de ce message pour lire des entrées d'archive en entier ({limit, plural, one {# octet} many {# d'octets} other {# octets}}) a été dépensé par les entrées précédentes ({value, plural, one {# octet lu} many {# d'octets lus} other {# octets lus}}), si bien que ce qui se trouve à sa fin ou plus loin dedans n'a pas été vérifié.",
        es: "{path} solo se juzgó por sus primeros bytes: el presupuesto de este mensaje para leer entradas de archivos comprimidos enteras ({limit, plural, one {# byte} many {# de bytes} other {# bytes}}) se gastó en entradas anteriores ({value, plural, one {# byte leído} many {# de bytes leídos} other {# bytes leídos}}), así que lo que hay al final o más adentro no se comprobó.",
        pl: "{path} oceniono tylko po pierwszych bajtach: budżet tej wiadomości na odczyt pozycji archiwów w całości ({limit, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajtu}}) zużyły wcześniejsze pozycje (odczytano {value, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajtu}}), więc tego, co leży na jego końcu lub głębiej, nie sprawdzono.",
    },
    FACTS "facts" => {
        en: "Inspection stopped at {path}: the attachments of this message gave {value, plural, one {# finding} other {# findings}}, the most recorded ({limit}).",
        fr: "L'inspection s'est arrêtée à {path} : les pièces jointes de ce message ont produit {value, plural, one {# constat} many {# de constats} other {# constats}}, soit le maximum enregistré ({limit}).",
        es: "La inspección se detuvo en {path}: los adjuntos de este mensaje produjeron {value, plural, one {# resultado} many {# de resultados} other {# resultados}}, el máximo que se registra ({limit}).",
        pl: "Sprawdzanie zatrzymało się na {path}: załączniki tej wiadomości wygenerowały {value, plural, one {# wynik} few {# wyniki} many {# wyników} other {# wyniku}}, czyli najwięcej, ile się rejestruje ({limit}).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Ours("archives past the inspection limits (nesting, entries, inflated bytes, ratio) are built to exhaust filters; what lies beyond was not checked"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[
        &super::MAX_ARCHIVE_DEPTH,
        &super::MAX_ARCHIVE_ENTRIES,
        &super::MAX_INFLATED_BYTES,
        &super::MAX_COMPRESSION_RATIO,
        &super::COMPRESSION_RATIO_MIN_BYTES,
    ],
    examples: &[
        Example::fails(
            title! {
                en: "A zip bomb: 5 MB of zeros deflated to 30 kB",
                fr: "Une bombe de décompression : 5 Mo de zéros compressés en 30 ko",
                es: "Una bomba zip: 5 MB de ceros comprimidos en 30 kB",
                pl: "Bomba ZIP: 5 MB zer skompresowanych do 30 kB",
            },
            generated!(inputs::zip_bomb),
        ),
        Example::fails(
            title! {
                en: "ZIPs nested 6 deep",
                fr: "Des ZIP imbriqués sur 6 niveaux",
                es: "ZIP anidados en 6 niveles",
                pl: "Archiwa ZIP zagnieżdżone na 6 poziomach",
            },
            generated!(inputs::deeply_nested),
        ),
        Example::fails(
            title! {
                en: "A ZIP of 12 entries with a limit of 10",
                fr: "Un ZIP de 12 entrées avec une limite de 10",
                es: "Un ZIP de 12 entradas con un límite de 10",
                pl: "Archiwum ZIP z 12 pozycjami przy limicie 10",
            },
            generated!(inputs::twelve_entries),
        )
        .with_options(r#"{"thresholds":{"attachments":{"maxArchiveEntries":10}}}"#),
        Example::fails(
            title! {
                en: "A nested ZIP larger than the inflate budget",
                fr: "Un ZIP imbriqué plus gros que le budget de décompression",
                es: "Un ZIP anidado mayor que el presupuesto de descompresión",
                pl: "Zagnieżdżony ZIP większy niż budżet rozpakowywania",
            },
            generated!(inputs::deeply_nested),
        )
        .with_options(r#"{"thresholds":{"attachments":{"maxInflatedBytes":200,"maxArchiveDepth":10}}}"#),
        Example::fails(
            title! {
                en: "A tar of 12 members with a limit of 10",
                fr: "Une archive tar de 12 fichiers avec une limite de 10",
                es: "Un archivo tar de 12 ficheros con un límite de 10",
                pl: "Archiwum tar z 12 plikami przy limicie 10",
            },
            generated!(inputs::twelve_members_tar),
        )
        .with_options(r#"{"thresholds":{"attachments":{"maxArchiveEntries":10}}}"#),
        Example::fails(
            title! {
                en: "A zip bomb smuggled in a web page (decoded, then stopped at the ratio)",
                fr: "Une bombe de décompression passée en fraude dans une page web (décodée, puis arrêtée au taux de compression)",
                es: "Una bomba zip pasada de contrabando en una página web (decodificada y luego detenida por la tasa de compresión)",
                pl: "Bomba ZIP przemycona w stronie WWW (zdekodowana, potem zatrzymana na stopniu kompresji)",
            },
            generated!(inputs::smuggled_zip_bomb),
        ),
        Example::fails(
            title! {
                en: "A ZIP of 17 text files of 2 MB, more than the 32 MB read whole a message",
                fr: "Un ZIP de 17 fichiers texte de 2 Mo, plus que les 32 Mo lus en entier par message",
                es: "Un ZIP de 17 ficheros de texto de 2 MB, más que los 32 MB leídos enteros por mensaje",
                pl: "Archiwum ZIP z 17 plikami tekstowymi po 2 MB, więcej niż 32 MB odczytywane w całości na wiadomość",
            },
            generated!(inputs::many_large_texts),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "ZIPs nested 2 deep",
                fr: "Des ZIP imbriqués sur 2 niveaux",
                es: "ZIP anidados en 2 niveles",
                pl: "Archiwa ZIP zagnieżdżone na 2 poziomach",
            },
            generated!(inputs::nested_twice),
        ),
        Example::passes(
            title! {
                en: "A ZIP of 12 entries",
                fr: "Un ZIP de 12 entrées",
                es: "Un ZIP de 12 entradas",
                pl: "Archiwum ZIP z 12 pozycjami",
            },
            generated!(inputs::twelve_entries),
        ),
        Example::passes(
            title! {
                en: "A 2 MB log file in a ZIP",
                fr: "Un fichier journal de 2 Mo dans un ZIP",
                es: "Un archivo de registro de 2 MB en un ZIP",
                pl: "Plik dziennika o rozmiarze 2 MB w archiwum ZIP",
            },
            generated!(inputs::compressible_text),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    for attachment in &message.attachment_facts {
        for fact in &attachment.facts {
            let FactKind::LimitReached { limit, value, max } = &fact.kind else { continue };
            let id = match limit {
                Limit::Depth => &DEPTH,
                Limit::Entries => &ENTRIES,
                Limit::InflatedBytes => &INFLATED,
                Limit::CompressionRatio => &RATIO,
                Limit::Facts => &FACTS,
                Limit::LookFurther => &LOOK_FURTHER,
            };
            let draft = Draft::new(Msg::of(id).text("path", fact.path.clone()).int("value", *value).int("limit", *max))
                .evidence(&fact.path)
                .at(super::location(message, attachment, fact));
            // Information: the entry was checked as entries were before such reads.
            let draft = if *limit == Limit::LookFurther { draft.severity(Severity::Info) } else { draft };
            cx.emit(draft);
        }
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples::{self, ZipEntry};

    /// ZIPs inside ZIPs, `levels` deep, the innermost holding a text file.
    pub(super) fn nested_zips(levels: usize) -> Vec<u8> {
        let mut archive = samples::zip(&[ZipEntry::deflated("core.txt", b"the end")]);
        for level in (1..levels).rev() {
            let name = format!("level{level}.zip");
            archive = samples::zip(&[ZipEntry::deflated(&name, &archive)]);
        }
        archive
    }

    pub(super) fn zip_bomb() -> Vec<u8> {
        samples::zip_message("bomb.zip", &[ZipEntry::deflated("zeros.bin", &vec![0u8; 5_000_000])])
    }
    pub(super) fn deeply_nested() -> Vec<u8> {
        samples::message_with("nested.zip", "application/zip", &nested_zips(6))
    }
    pub(super) fn nested_twice() -> Vec<u8> {
        samples::message_with("nested.zip", "application/zip", &nested_zips(2))
    }
    pub(super) fn twelve_entries() -> Vec<u8> {
        let names: Vec<String> = (1..=12).map(|i| format!("photo{i}.jpg")).collect();
        let entries: Vec<ZipEntry> = names.iter().map(|n| ZipEntry::stored(n, &[0xff, 0xd8, 0xff, 0xe0])).collect();
        samples::zip_message("photos.zip", &entries)
    }
    pub(super) fn twelve_members_tar() -> Vec<u8> {
        let names: Vec<String> = (1..=12).map(|i| format!("photo{i}.jpg")).collect();
        let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &[0xff, 0xd8, 0xff, 0xe0][..])).collect();
        samples::message_with("photos.tar", "application/x-tar", &samples::tar(&members))
    }
    pub(super) fn smuggled_zip_bomb() -> Vec<u8> {
        let payload = samples::zip(&[ZipEntry::deflated("zeros.bin", &vec![0u8; 2_000_000])]);
        samples::message_with("invoice.html", "text/html", &samples::smuggling_page(&payload, "invoice.zip"))
    }
    fn access_log() -> String {
        let mut text = String::new();
        let mut n = 0u64;
        while text.len() < 2_000_000 {
            n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(&format!("2026-03-02 10:00:{:02} GET /page/{} 200\n", n >> 58, (n >> 40) % 500));
        }
        text
    }
    pub(super) fn compressible_text() -> Vec<u8> {
        samples::zip_message("access.zip", &[ZipEntry::deflated("access.log", access_log().as_bytes())])
    }
    /// 17 texts of 2 MB (no format known from their first bytes: each is read whole
    /// to look further), 34 MB in all; the inflate budget is not spent by such reads.
    /// Two letters then 259 dots (a literal and a run of 258), again and again: the samples' encoder
    /// deflates it about 56:1, under the ratio limit of 100.
    pub(super) fn many_large_texts() -> Vec<u8> {
        let unit: Vec<u8> = b"ab".iter().copied().chain(std::iter::repeat_n(b'.', 259)).collect();
        let text: Vec<u8> = unit.iter().copied().cycle().take(2_000_000).collect();
        let names: Vec<String> = (1..=17).map(|i| format!("notes{i}.txt")).collect();
        let entries: Vec<ZipEntry> = names.iter().map(|n| ZipEntry::deflated(n, &text)).collect();
        samples::zip_message("notes.zip", &entries)
    }
}
