//! Hostile attachments (issue 13): archives of 10⁵ entries, directories that
//! contradict themselves, bogus sizes, deep nesting of every container, 7z and
//! tar bombs, many bombs in one message. Each ends within the named limits, with
//! a finding where it matters, and never panics. Costs are printed by the
//! benchmark (`tests/bench/attachments.rs`), not asserted here.

use mail_preflight::inspect::{self, FactKind, Inconsistency, Limit, Limits, MAX_FACTS_PER_MESSAGE, MAX_NAME_CHARS};
use mail_preflight::rules::attachments::samples::{self, RarProtection, SevenZipHeader, ZipEntry};
use mail_preflight::{lint, Options};

fn limits() -> Limits {
    mail_preflight::rules::attachments::default_limits()
}

fn facts_with(name: &str, bytes: &[u8], limits: &Limits) -> Vec<inspect::Fact> {
    inspect::inspect_file(Some(name), None, bytes, limits)
}

fn facts(name: &str, bytes: &[u8]) -> Vec<inspect::Fact> {
    facts_with(name, bytes, &limits())
}

fn reached(found: &[inspect::Fact], wanted: Limit) -> bool {
    found.iter().any(|f| matches!(f.kind, FactKind::LimitReached { limit, .. } if limit == wanted))
}

fn paths_where(found: &[inspect::Fact], wanted: impl Fn(&FactKind) -> bool) -> Vec<String> {
    found.iter().filter(|f| wanted(&f.kind)).map(|f| f.path.clone()).collect()
}

fn stored_entries<'n>(names: &'n [String], data: &'n [u8]) -> Vec<ZipEntry<'n>> {
    names.iter().map(|n| ZipEntry::stored(n, data)).collect()
}

#[test]
fn a_zip_of_100000_entries_is_listed_up_to_the_entry_limit_with_a_finding() {
    let names: Vec<String> = (0..100_000).map(|i| format!("photos/{i:06}.jpg")).collect();
    let archive = samples::zip(&stored_entries(&names, &[0xff, 0xd8, 0xff, 0xe0]));
    let found = facts("photos.zip", &archive);
    assert!(reached(&found, Limit::Entries), "{:?}", &found[..found.len().min(5)]);
    let report = lint(&samples::message_with("photos.zip", "application/zip", &archive), &Options::default()).unwrap();
    let finding = report.findings_of("attachment/archive-limit").next().expect("an archive-limit finding");
    assert_eq!(finding.message_id, "attachment/archive-limit.entries");
}

#[test]
fn facts_per_message_stop_at_their_limit_with_a_finding() {
    let names: Vec<String> = (0..30_000).map(|i| format!("{i}.exe")).collect();
    let archive = samples::zip(&stored_entries(&names, b"x"));
    let limits = Limits { max_entries: 100_000, ..limits() };
    let found = facts_with("programs.zip", &archive, &limits);
    assert_eq!(found.len(), MAX_FACTS_PER_MESSAGE);
    assert!(reached(&found, Limit::Facts));
}

#[test]
fn facts_of_a_message_share_one_budget_across_attachments() {
    let names: Vec<String> = (0..6_000).map(|i| format!("{i}.exe")).collect();
    let archive = samples::zip(&stored_entries(&names, b"x"));
    let mut spent = inspect::Spent::default();
    let limits = limits();
    let first = inspect::inspect_named("a.zip", Some("a.zip"), None, &archive, &limits, &mut spent);
    let second = inspect::inspect_named("b.zip", Some("b.zip"), None, &archive, &limits, &mut spent);
    assert!(!reached(&first, Limit::Facts));
    assert!(reached(&second, Limit::Facts));
    assert_eq!(first.len() + second.len(), MAX_FACTS_PER_MESSAGE);
}

#[test]
fn the_inflate_budget_is_shared_by_the_attachments_of_a_message() {
    // A ZIP holding a stored 600 kB ZIP: opening it copies 600 kB.
    let filler = vec![b'a'; 600_000];
    let inner = samples::zip(&[ZipEntry::stored("big.txt", &filler)]);
    let outer = samples::zip(&[ZipEntry::stored("inner.zip", &inner)]);
    let mut spent = inspect::Spent::default();
    let limits = Limits { max_inflated_bytes: 1_000_000, ..limits() };
    let first = inspect::inspect_named("a.zip", Some("a.zip"), None, &outer, &limits, &mut spent);
    let second = inspect::inspect_named("b.zip", Some("b.zip"), None, &outer, &limits, &mut spent);
    assert!(!reached(&first, Limit::InflatedBytes), "{first:?}");
    assert!(reached(&second, Limit::InflatedBytes), "{second:?}");
    assert!(spent.inflated <= 1_000_000 + 2 * 4096);
}

#[test]
fn entries_sharing_their_bytes_are_reported_and_inflated_once() {
    let archive = samples::zip_sharing_bytes(&vec![0u8; 1_000_000], 20_000);
    let limits = Limits { max_entries: 100_000, ..limits() };
    let mut spent = inspect::Spent::default();
    let found = inspect::inspect_named("bomb.zip", Some("bomb.zip"), None, &archive, &limits, &mut spent);
    let overlaps: Vec<_> = found
        .iter()
        .filter_map(|f| match &f.kind {
            FactKind::Inconsistent(Inconsistency::OverlappingEntries { count }) => Some(*count),
            _ => None,
        })
        .collect();
    assert_eq!(overlaps, vec![19_999]);
    // One entry read, not 20,000: its first 4 KiB, then, since they name no format
    // and its declared size fits the budget, the whole of it once, for a format found
    // at a file's end (a disk image's footer, a glued archive).
    assert!(spent.inflated <= 4096 + 1_000_000, "{}", spent.inflated);
}

/// A copy of `archive` with the central directory record of its first entry
/// rewritten by `patch` (given the record's offset).
fn patch_first_central_record(archive: &[u8], patch: impl Fn(&mut Vec<u8>, usize)) -> Vec<u8> {
    let mut bytes = archive.to_vec();
    let eocd = bytes.len() - 22;
    let directory = u32::from_le_bytes(bytes[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    patch(&mut bytes, directory);
    bytes
}

#[test]
fn bogus_sizes_and_offsets_are_never_trusted_for_allocation() {
    let zeros = vec![0u8; 100_000];
    let archive = samples::zip(&[ZipEntry::deflated("zeros.bin", &zeros), ZipEntry::stored("b.txt", b"b")]);
    let cases: Vec<Vec<u8>> = vec![
        // Compressed and declared sizes at their 32-bit maximum.
        patch_first_central_record(&archive, |b, at| b[at + 20..at + 28].copy_from_slice(&[0xff; 8])),
        // A local header offset past the end of the file.
        patch_first_central_record(&archive, |b, at| b[at + 42..at + 46].copy_from_slice(&[0xf0, 0xff, 0xff, 0x7f])),
        // A name length running past the end of the file.
        patch_first_central_record(&archive, |b, at| b[at + 28..at + 30].copy_from_slice(&[0xff, 0xff])),
        // An end record whose directory offset and size point nowhere.
        {
            let mut b = archive.clone();
            let eocd = b.len() - 22;
            b[eocd + 12..eocd + 20].copy_from_slice(&[0xff; 8]);
            b
        },
    ];
    for (index, bytes) in cases.iter().enumerate() {
        let mut spent = inspect::Spent::default();
        let found = inspect::inspect_named("bad.zip", Some("bad.zip"), None, bytes, &limits(), &mut spent);
        // At most the zeros once whole (their first bytes name no format), their first
        // 4 KiB before that, and b.txt's byte.
        assert!(spent.inflated <= 100_000 + 4096 + 1, "case {index}: inflated {}", spent.inflated);
        assert!(found.len() < 10, "case {index}: {found:?}");
    }
}

#[test]
fn central_and_local_names_that_disagree_are_reported_and_both_checked() {
    let program = samples::windows_program();
    let archive = samples::zip(&[ZipEntry::stored("readme.txt", &program).named_locally("run.exe")]);
    let found = facts("files.zip", &archive);
    let mismatch = found.iter().find_map(|f| match &f.kind {
        FactKind::Inconsistent(Inconsistency::NameMismatch { local, central }) => {
            Some((f.path.clone(), local, central))
        }
        _ => None,
    });
    assert_eq!(
        mismatch,
        Some(("files.zip > readme.txt".to_string(), &"run.exe".to_string(), &"readme.txt".to_string()))
    );
    assert_eq!(paths_where(&found, |k| matches!(k, FactKind::ExecutableName { .. })), vec!["files.zip > run.exe"]);
    assert_eq!(
        paths_where(&found, |k| matches!(k, FactKind::ExecutableContent { .. })),
        vec!["files.zip > readme.txt"]
    );
}

#[test]
fn a_unicode_path_field_names_the_file_extractors_write_and_is_checked() {
    let script = b"CreateObject(\"WScript.Shell\").Run \"calc\"";
    let archive = samples::zip(&[ZipEntry::deflated("readme.txt", script).unicode_path("run.vbs")]);
    let found = facts("files.zip", &archive);
    let mismatch = found.iter().find_map(|f| match &f.kind {
        FactKind::Inconsistent(Inconsistency::UnicodePathMismatch { unicode, header }) => {
            Some((f.path.as_str(), unicode.as_str(), header.as_str()))
        }
        _ => None,
    });
    assert_eq!(mismatch, Some(("files.zip > readme.txt", "run.vbs", "readme.txt")));
    assert_eq!(paths_where(&found, |k| matches!(k, FactKind::ExecutableName { .. })), vec!["files.zip > run.vbs"]);
    // The same name in another code page, or a stale field (its CRC is of another
    // name: extractors ignore it), is no disagreement.
    let accented = samples::zip(&[ZipEntry::deflated("r?sum?.txt", b"cv").unicode_path("résumé.txt")]);
    let found = facts("cv.zip", &accented);
    assert!(found.iter().all(|f| !matches!(f.kind, FactKind::Inconsistent(_))), "{found:?}");
    let mut stale = archive.clone();
    let crc_at = stale.windows(2).rposition(|w| w == [0x75, 0x70]).expect("the field") + 5;
    stale[crc_at] ^= 0xff;
    assert_eq!(facts("files.zip", &stale), Vec::new());
}

#[test]
fn an_entry_only_in_the_local_headers_is_found_as_a_streaming_extractor_finds_it() {
    let program = samples::windows_program();
    let archive = samples::zip(&[
        ZipEntry::deflated("notes.txt", b"hello"),
        ZipEntry::stored("hidden/run.exe", &program).unlisted(),
        ZipEntry::deflated("more.txt", b"world"),
    ]);
    let found = facts("files.zip", &archive);
    let unlisted = paths_where(&found, |k| matches!(k, FactKind::Inconsistent(Inconsistency::UnlistedEntry)));
    assert_eq!(unlisted, vec!["files.zip > hidden/run.exe"]);
    assert!(paths_where(&found, |k| matches!(k, FactKind::ExecutableContent { .. })).contains(&unlisted[0]));
}

#[test]
fn a_zip_after_other_data_is_found_by_its_end_record_even_far_from_the_end() {
    let program = samples::windows_program();
    let archive = samples::zip(&[ZipEntry::stored("run.exe", &program)]);
    let mut prefixed = vec![0x42u8; 1024];
    prefixed.extend_from_slice(&archive);
    let found = facts("data.bin", &prefixed);
    assert_eq!(paths_where(&found, |k| matches!(k, FactKind::ExecutableName { .. })), vec!["data.bin > run.exe"]);
    let prepended = found
        .iter()
        .any(|f| matches!(f.kind, FactKind::Inconsistent(Inconsistency::PrependedData { bytes: 1024, host: None })));
    assert!(prepended, "{found:?}");
    // Data appended after the archive pushes its end record beyond the 64 KiB window.
    let mut appended = prefixed.clone();
    appended.extend(vec![0u8; 200_000]);
    let found = facts("data.bin", &appended);
    assert_eq!(paths_where(&found, |k| matches!(k, FactKind::ExecutableName { .. })), vec!["data.bin > run.exe"]);
}

#[test]
fn zip64_end_records_are_followed_also_after_prepended_data() {
    let classic = samples::zip(&[ZipEntry::stored("a.exe", b"MZ"), ZipEntry::stored("b.txt", b"hi")]);
    let eocd = classic.len() - 22;
    let directory_offset = u32::from_le_bytes(classic[eocd + 16..eocd + 20].try_into().unwrap()) as u64;
    let directory_size = (eocd as u64) - directory_offset;
    let mut archive = classic[..eocd].to_vec();
    let record_offset = archive.len() as u64;
    // APPNOTE §4.3.14: ZIP64 end of central directory record.
    archive.extend_from_slice(b"PK\x06\x06");
    archive.extend_from_slice(&44u64.to_le_bytes());
    archive.extend_from_slice(&[45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    for value in [2u64, 2, directory_size, directory_offset] {
        archive.extend_from_slice(&value.to_le_bytes());
    }
    // §4.3.15: the locator.
    archive.extend_from_slice(b"PK\x06\x07\0\0\0\0");
    archive.extend_from_slice(&record_offset.to_le_bytes());
    archive.extend_from_slice(&1u32.to_le_bytes());
    let mut end = classic[eocd..].to_vec();
    end[8..20].copy_from_slice(&[0xff; 12]);
    archive.extend_from_slice(&end);
    for prefix in [0usize, 3000] {
        let mut file = vec![0x17u8; prefix];
        file.extend_from_slice(&archive);
        let found = facts("z.bin", &file);
        assert_eq!(paths_where(&found, |k| matches!(k, FactKind::ExecutableName { .. })), vec!["z.bin > a.exe"]);
    }
}

#[test]
fn a_self_extractor_is_a_program_whose_archive_is_listed() {
    let mut file = samples::windows_program();
    file.extend(samples::zip(&[ZipEntry::stored("payload/run.exe", &samples::windows_program())]));
    let found = facts("setup.exe", &file);
    let programs = paths_where(&found, |k| matches!(k, FactKind::ExecutableContent { .. }));
    assert_eq!(programs, vec!["setup.exe", "setup.exe > payload/run.exe"]);
    assert!(!found.iter().any(|f| matches!(f.kind, FactKind::Inconsistent(_))), "{found:?}");
}

#[test]
fn nesting_of_every_container_stops_at_the_depth_limit() {
    let mut file = samples::windows_program();
    let mut name = "run.exe".to_string();
    for level in 0..40 {
        file = match level % 5 {
            0 => samples::zip(&[ZipEntry::deflated(&name, &file)]),
            1 => samples::tar(&[(&name, &file)]),
            2 => samples::gzip(&file, Some(&name)),
            3 => samples::iso9660(&[(&name, &file)], true),
            _ => samples::onenote_section(&[&file]),
        };
        name = format!("level{level}.bin");
    }
    let found = facts("deep.bin", &file);
    assert!(reached(&found, Limit::Depth), "{found:?}");
    assert!(found.iter().all(|f| f.path.matches(" > ").count() <= limits().max_depth + 1));
}

#[test]
fn seven_zip_headers_with_absurd_counts_are_broken_not_allocated() {
    let mut header = vec![0x01, 0x05]; // kHeader, kFilesInfo
    header.push(0xff);
    header.extend_from_slice(&(1u64 << 62).to_le_bytes()); // NumFiles
    header.extend_from_slice(&[0x11, 0xff]); // kName, size:
    header.extend_from_slice(&(1u64 << 60).to_le_bytes());
    let mut archive = vec![b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 0, 0, 0, 0];
    archive.extend_from_slice(&0u64.to_le_bytes());
    archive.extend_from_slice(&(header.len() as u64).to_le_bytes());
    archive.extend_from_slice(&[0; 4]);
    archive.extend_from_slice(&header);
    let listing = inspect::sevenzip::listing(&archive, 10_000);
    assert_eq!(listing.header, inspect::sevenzip::HeaderState::Broken);
    let uninspectable = paths_where(&facts("a.7z", &archive), |k| matches!(k, FactKind::Uninspectable { .. }));
    assert_eq!(uninspectable, vec!["a.7z"]);
}

#[test]
fn seven_zip_names_are_listed_when_the_header_is_plain_and_said_unread_otherwise() {
    let files: [(&str, &[u8]); 2] = [("docs/readme.txt", b"hi"), ("docs/setup.exe", b"MZ")];
    let plain = samples::seven_zip(&files, SevenZipHeader::Plain);
    let found = facts("files.7z", &plain);
    assert_eq!(
        paths_where(&found, |k| matches!(k, FactKind::ExecutableName { .. })),
        vec!["files.7z > docs/setup.exe"]
    );
    let names = found.iter().find_map(|f| match &f.kind {
        FactKind::Uninspectable { format, names } if format == "7z" => Some(names.clone()),
        _ => None,
    });
    assert_eq!(names, Some(vec!["docs/readme.txt".to_string(), "docs/setup.exe".to_string()]));
    let compressed = facts("files.7z", &samples::seven_zip(&files, SevenZipHeader::Lzma));
    assert!(compressed
        .iter()
        .any(|f| matches!(&f.kind, FactKind::Uninspectable { format, .. } if format == "7z-compressed-header")));
    let encrypted = facts("files.7z", &samples::seven_zip(&files, SevenZipHeader::Encrypted));
    assert!(encrypted.iter().any(|f| matches!(f.kind, FactKind::Encrypted { container: "7z", names_hidden: true })));
    let limited = facts_with("files.7z", &plain, &Limits { max_entries: 1, ..limits() });
    assert!(reached(&limited, Limit::Entries));
}

#[test]
fn tar_bombs_are_bounded_by_the_entry_limit_and_the_file() {
    let names: Vec<String> = (0..30_000).map(|i| format!("{i}.txt")).collect();
    let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let archive = samples::tar(&members);
    assert!(reached(&facts("many.tar", &archive), Limit::Entries));
    // A member declaring 8 GiB: its data is what the file holds.
    let mut huge = samples::tar(&[("big.bin", b"abc")]);
    huge[124..136].copy_from_slice(b"77777777777\0");
    let mut spent = inspect::Spent::default();
    inspect::inspect_named("huge.tar", Some("huge.tar"), None, &huge, &limits(), &mut spent);
    assert!(spent.inflated < huge.len() as u64);
}

#[test]
fn a_gzipped_tar_bomb_stops_at_the_ratio_limit() {
    let tar = samples::tar(&[("zeros.bin", &vec![0u8; 12_000_000])]);
    let bomb = samples::gzip(&tar, Some("zeros.tar"));
    assert!(reached(&facts("zeros.tar.gz", &bomb), Limit::CompressionRatio));
}

#[test]
fn tar_long_names_from_pax_and_gnu_headers_are_the_names_checked() {
    let long = format!("{}/setup.exe", "deep-folder".repeat(12));
    let expected = format!("a.tar > {long}");
    for archive in [samples::tar(&[(&long, b"x")]), samples::tar_gnu_or_v7(&[(&long, b"x")], true)] {
        assert_eq!(
            paths_where(&facts("a.tar", &archive), |k| matches!(k, FactKind::ExecutableName { .. })),
            vec![expected.clone()]
        );
    }
    let v7 = samples::tar_gnu_or_v7(&[("bin/run.exe", b"x")], false);
    assert_eq!(
        paths_where(&facts("a.bin", &v7), |k| matches!(k, FactKind::ExecutableName { .. })),
        vec!["a.bin > bin/run.exe"]
    );
}

#[test]
fn an_iso_image_lists_its_files_and_a_directory_loop_ends() {
    let program = samples::windows_program();
    let image = samples::iso9660(&[("Setup.exe", &program), ("readme.txt", b"hi")], true);
    let found = facts("disk.iso", &image);
    // Joliet names (as written), not the upper-cased primary names.
    assert_eq!(
        paths_where(&found, |k| matches!(k, FactKind::ExecutableName { .. })),
        vec!["disk.iso", "disk.iso > Setup.exe"]
    );
    // Turn the first file record of each tree into a directory pointing at its root.
    let mut looped = samples::iso9660(&[("a.txt", b"a"), ("b.txt", b"b")], false);
    let root = 18 * 2048;
    let first_file = root + 34 + 34;
    looped[first_file + 25] = 2;
    looped[first_file + 2..first_file + 6].copy_from_slice(&18u32.to_le_bytes());
    looped[first_file + 10..first_file + 14].copy_from_slice(&2048u32.to_le_bytes());
    let (files, more) = inspect::iso9660::iso_files(&looped, 1000);
    assert!(!more);
    assert_eq!(files.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(), vec!["B.TXT"]);
}

#[test]
fn disk_images_are_recognised_by_their_signatures_whatever_the_name() {
    let cases: [(&str, Vec<u8>); 4] = [
        ("vhd", samples::vhd_disk()),
        ("vhdx", samples::vhdx_disk()),
        ("filesystem-image", samples::fat_disk_image()),
        ("iso9660", samples::iso9660(&[("a.txt", b"a")], false)),
    ];
    for (key, image) in cases {
        let found = facts("backup.dat", &image);
        let formats: Vec<&str> = found
            .iter()
            .filter_map(|f| match f.kind {
                FactKind::ExecutableContent { format } => Some(format),
                _ => None,
            })
            .collect();
        assert_eq!(formats, vec![key]);
    }
}

#[test]
fn onenote_sections_are_walked_within_the_entry_limit() {
    let script: &[u8] = b"@echo off\r\ndel /q *\r\n";
    let many: Vec<&[u8]> = std::iter::repeat_n(script, 200).collect();
    let section = samples::onenote_section(&many);
    let found = facts_with("notes.one", &section, &Limits { max_entries: 50, ..limits() });
    assert!(reached(&found, Limit::Entries));
    assert_eq!(paths_where(&found, |k| matches!(k, FactKind::ExecutableContent { .. })).len(), 50);
    assert_eq!(
        found.iter().find(|f| matches!(f.kind, FactKind::ExecutableContent { .. })).unwrap().path,
        "notes.one > [1]"
    );
}

#[test]
fn a_smuggled_payload_is_decoded_within_the_budget() {
    let payload = samples::zip(&[ZipEntry::stored("big.txt", &vec![b'q'; 40_000]), ZipEntry::stored("run.exe", b"MZ")]);
    let page = samples::smuggling_page(&payload, "files.zip");
    let found = facts("page.html", &page);
    assert!(found.iter().any(|f| matches!(f.kind, FactKind::HtmlSmuggling { .. })));
    assert_eq!(
        paths_where(&found, |k| matches!(k, FactKind::ExecutableName { .. })),
        vec!["page.html > [base64] > run.exe"]
    );
    let cut = facts_with("page.html", &page, &Limits { max_inflated_bytes: 10_000, ..limits() });
    assert!(cut.iter().any(|f| matches!(f.kind, FactKind::HtmlSmuggling { .. })));
    assert!(reached(&cut, Limit::InflatedBytes));
}

#[test]
fn excel_4_macro_sheets_and_looping_sector_chains_in_workbooks() {
    let book = samples::excel_97_workbook(&[("Sheet1", 0, 0), ("Auto", 1, 2)]);
    let found = facts("budget.xls", &book);
    let sign = found.iter().find_map(|f| match &f.kind {
        FactKind::MacroDocument(inspect::MacroSign::Excel4MacroSheet { sheet, very_hidden }) => {
            Some((sheet.clone(), *very_hidden))
        }
        _ => None,
    });
    assert_eq!(sign, Some(("Auto".to_string(), true)));
    // Point the Workbook stream's first FAT entry at itself: the chain loops.
    let mut looped = book.clone();
    let workbook_start =
        u32::from_le_bytes(looped[512 + 512 + 128 + 116..512 + 512 + 128 + 120].try_into().unwrap()) as usize;
    let fat_entry = 512 + 4 * workbook_start;
    looped[fat_entry..fat_entry + 4].copy_from_slice(&(workbook_start as u32).to_le_bytes());
    facts("budget.xls", &looped);
}

#[test]
fn long_names_are_shortened_in_paths_and_keep_their_extension() {
    let long = format!("{}.exe", "a".repeat(5000));
    let found = facts("files.zip", &samples::zip(&[ZipEntry::stored(&long, b"x")]));
    let path = &paths_where(&found, |k| matches!(k, FactKind::ExecutableName { .. }))[0];
    let last = path.rsplit(" > ").next().unwrap();
    assert!(last.chars().count() <= MAX_NAME_CHARS && last.ends_with(".exe") && last.contains('…'), "{last}");
}

#[test]
fn rar_listings_are_bounded_and_say_what_is_encrypted() {
    let names: Vec<String> = (0..5000).map(|i| format!("{i}.txt")).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let archive = samples::rar5(&files, RarProtection::None);
    assert!(reached(&facts_with("a.rar", &archive, &Limits { max_entries: 100, ..limits() }), Limit::Entries));
    for archive in
        [samples::rar5(&files[..2], RarProtection::Headers), samples::rar4(&files[..2], RarProtection::Headers)]
    {
        let found = facts("a.rar", &archive);
        assert!(found.iter().any(|f| matches!(f.kind, FactKind::Encrypted { container: "RAR", names_hidden: true })));
    }
    let found = facts("a.rar", &samples::rar4(&files[..2], RarProtection::Files));
    assert_eq!(
        paths_where(&found, |k| matches!(k, FactKind::Encrypted { .. })),
        vec!["a.rar > 0.txt", "a.rar > 1.txt"]
    );
}

#[test]
fn mutated_samples_of_every_format_never_panic() {
    let program = samples::windows_program();
    let files: [(&str, &[u8]); 2] = [("a/run.exe", &program), ("b.txt", b"hello")];
    let inner = samples::zip(&[ZipEntry::deflated("a.exe", &program)]);
    let seeds = [
        samples::zip(&[
            ZipEntry::deflated("inner.zip", &inner),
            ZipEntry::stored("b.doc", &samples::word_97_document(true)),
        ]),
        samples::gzip(&samples::tar(&[("a", b"b")]), Some("a.tar")),
        samples::cabinet(&["a.exe"]),
        samples::word_document(true),
        samples::zip(&[ZipEntry::stored("a", b"a").named_locally("b.exe"), ZipEntry::stored("c", b"c").unlisted()]),
        samples::zip_sharing_bytes(b"abcabcabc", 5),
        samples::seven_zip(&files, SevenZipHeader::Plain),
        samples::seven_zip(&files, SevenZipHeader::Lzma),
        samples::rar5(&files, RarProtection::Files),
        samples::rar4(&files, RarProtection::Files),
        samples::tar(&[(&"long/".repeat(30), b"x"), ("b", b"b")]),
        samples::tar_gnu_or_v7(&files, false),
        samples::iso9660(&files, true),
        samples::onenote_section(&[&program, b"@echo off"]),
        samples::excel_97_workbook(&[("S", 0, 0), ("M", 1, 2)]),
        samples::smuggling_page(&samples::zip(&[ZipEntry::stored("f", &vec![b'z'; 4000])]), "f.zip"),
        samples::vhd_disk(),
        samples::hta_application(),
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for seed in &seeds {
        for round in 0..200 {
            let mut bytes = seed.clone();
            for _ in 0..(1 + round % 8) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state as usize) % bytes.len();
                bytes[at] = (state >> 32) as u8;
            }
            if round % 5 == 0 {
                bytes.truncate((state as usize) % bytes.len());
            }
            facts("fuzz.bin", &bytes);
        }
    }
}

#[test]
fn a_page_made_of_half_signs_is_read_once_and_a_zipped_svg_is_still_found() {
    // 9 MB of openings that each look like the start of a sign (a foreignObject
    // without a form, handlers cut short, unclosed refreshes): one bounded scan.
    let noise = b"<foreignObject =x on= location. http-equiv=refresh javascript ".repeat(140_000);
    let found = facts("picture.svg", &noise);
    assert!(!found.iter().any(|f| matches!(f.kind, FactKind::ActivePage { .. })), "{:?}", &found[..found.len().min(3)]);
    // The same sign inside an archive is found where it is.
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>top.location = 'https://evil.example'</script></svg>";
    let archive = samples::zip(&[ZipEntry::deflated("invoice.svg", svg)]);
    let found = facts("invoice.zip", &archive);
    assert_eq!(paths_where(&found, |k| matches!(k, FactKind::ActivePage { svg: true, .. })), ["invoice.zip > invoice.svg"]);
}
