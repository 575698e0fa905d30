//! The attachment rules, one test per behaviour of issue 5. Every attachment is
//! built here from minimal headers (`rules::attachments::samples`): no program
//! or malware is stored in the repository.

use mail_preflight::inspect::{self, FactKind, Limit};
use mail_preflight::rules::attachments::samples::{self, RarProtection, SevenZipHeader, ZipEntry};
use mail_preflight::rules::attachments::{self, labels, MAX_ARCHIVE_DEPTH};
use mail_preflight::{lint, Locale, Options, Report, Severity, Verdict};

fn lints(raw: &[u8]) -> Report {
    lint(raw, &Options::default()).expect("a report")
}

fn paths_of(report: &Report, rule: &str) -> Vec<String> {
    report.findings_of(rule).filter_map(|f| f.location.path.clone()).collect()
}

#[test]
fn the_guides_executables_are_errors_by_extension() {
    for name in [
        "setup.exe",
        "run.bat",
        "old.pif",
        "tool.com",
        "screen.scr",
        "install.msi",
        "a.js",
        "b.vbs",
        "c.ps1",
        "d.hta",
        "e.lnk",
        "f.jar",
        "g.iso",
    ] {
        let report = lints(&samples::message_with(name, "application/octet-stream", b"content"));
        let finding =
            report.findings_of("attachment/executable").next().unwrap_or_else(|| panic!("{name} not flagged"));
        assert_eq!(finding.severity, Severity::Error);
        assert_eq!(finding.evidence, name);
        assert_eq!(report.verdict, Verdict::Fail);
    }
}

#[test]
fn programs_are_found_by_content_whatever_the_name() {
    let mut fat = vec![0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2];
    fat.resize(64, 0);
    let cases: [(&str, Vec<u8>); 5] = [
        ("Windows program (PE)", samples::windows_program()),
        ("Linux program (ELF)", samples::elf_program()),
        ("macOS program (Mach-O)", samples::macho_program()),
        ("macOS universal program (Mach-O)", fat),
        ("script (#!)", b"#!/bin/sh\nrm -rf ~\n".to_vec()),
    ];
    for (format, content) in cases {
        let report = lints(&samples::message_with("holiday-photo.dat", "application/octet-stream", &content));
        let finding = report.findings_of("attachment/executable").next().unwrap_or_else(|| panic!("{format} missed"));
        assert!(matches!(finding.params.get("format"), Some(mail_preflight::i18n::Param::Label { .. })));
        assert!(finding.message.contains(format), "{format}: {}", finding.message);
    }
}

#[test]
fn an_executable_inside_nested_zips_is_reported_with_its_path() {
    let inner = samples::zip(&[ZipEntry::deflated("bin/update", &samples::elf_program())]);
    let outer = samples::zip(&[ZipEntry::stored("readme.txt", b"hi"), ZipEntry::deflated("inner.zip", &inner)]);
    let report = lints(&samples::message_with("files.zip", "application/zip", &outer));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["files.zip > inner.zip > bin/update"]);
    let location = &report.findings_of("attachment/executable").next().unwrap().location;
    assert_eq!(location.part, Some(2));
    assert!(location.start.is_some() && location.line.is_some());
}

#[test]
fn names_are_read_from_rfc2231_rfc2047_and_content_type_name() {
    let rfc2231 = samples::message_with_header(
        concat!(
            "Content-Type: application/octet-stream\r\n",
            "Content-Disposition: attachment; filename*=utf-8''rechnung%20m%C3%A4rz.exe",
        ),
        b"x",
    );
    assert_eq!(paths_of(&lints(&rfc2231), "attachment/executable"), vec!["rechnung märz.exe"]);
    let rfc2231_continued = samples::message_with_header(
        concat!(
            "Content-Type: application/octet-stream\r\n",
            "Content-Disposition: attachment;\r\n filename*0*=utf-8''factura;\r\n filename*1*=%2Ecmd",
        ),
        b"x",
    );
    assert_eq!(paths_of(&lints(&rfc2231_continued), "attachment/executable"), vec!["factura.cmd"]);
    let rfc2047 = samples::message_with_header(
        concat!(
            "Content-Type: application/octet-stream\r\n",
            "Content-Disposition: attachment; filename=\"=?iso-8859-2?Q?faktura_=B3=F3d=BC.scr?=\"",
        ),
        b"x",
    );
    assert_eq!(paths_of(&lints(&rfc2047), "attachment/executable"), vec!["faktura łódź.scr"]);
    // RFC 2047 §6.2: the white space between two adjacent encoded words is not shown.
    let adjacent = samples::message_with_header(
        concat!(
            "Content-Type: text/plain\r\n",
            "Content-Disposition: attachment; filename=\"=?UTF-8?Q?invoice=2Etxt?= =?UTF-8?Q?=2Evbs?=\"",
        ),
        b"x",
    );
    assert_eq!(paths_of(&lints(&adjacent), "attachment/executable"), vec!["invoice.txt.vbs"]);
    let folded = samples::message_with_header(
        concat!(
            "Content-Type: application/octet-stream;\r\n name=\"=?utf-8?B?cmVwb3J0?=\r\n =?utf-8?B?LmV4ZQ==?=\"",
        ),
        b"x",
    );
    assert_eq!(paths_of(&lints(&folded), "attachment/executable"), vec!["report.exe"]);
    let content_type_only =
        samples::message_with_header("Content-Type: application/octet-stream; name=\"setup.exe\"", b"x");
    assert_eq!(paths_of(&lints(&content_type_only), "attachment/executable"), vec!["setup.exe"]);
}

#[test]
fn every_name_a_client_may_use_is_checked() {
    // Thunderbird prefers `filename*` (RFC 2231), Python's `email` the last of two
    // `filename`, mail-parser the first: each name is checked, in either order.
    let cases = [
        ("attachment; filename=\"invoice.txt\"; filename*=UTF-8''run.vbs", "", "invoice.txt (filename=run.vbs)"),
        ("attachment; filename*=UTF-8''invoice.txt; filename=\"run.vbs\"", "", "invoice.txt (filename=run.vbs)"),
        ("attachment; filename=\"invoice.txt\"; filename=\"run.vbs\"", "", "invoice.txt (filename=run.vbs)"),
        ("inline", "; name=\"invoice.txt\"; name*=UTF-8''run.vbs", "invoice.txt (name=run.vbs)"),
        ("attachment; filename=\"run.vbs\"; filename*=UTF-8''invoice.txt", "", "run.vbs"),
    ];
    for (disposition, type_parameters, path) in cases {
        let header = format!("Content-Type: text/plain{type_parameters}\r\nContent-Disposition: {disposition}");
        let report = lints(&samples::message_with_header(&header, b"WScript.Echo 1"));
        assert_eq!(paths_of(&report, "attachment/executable"), vec![path], "{disposition}{type_parameters}");
    }
    // The same name twice is one name.
    let header = "Content-Type: text/plain; name=\"a.txt\"\r\nContent-Disposition: attachment; filename*=UTF-8''a.txt";
    let report = lints(&samples::message_with_header(header, b"x"));
    assert_eq!(report.findings.iter().filter(|f| f.rule_id.starts_with("attachment/")).count(), 0);
}

#[test]
fn a_part_naming_itself_many_times_is_checked_under_the_first_names() {
    let names: String = (0..20).map(|i| format!("; filename=\"run{i}.vbs\"")).collect();
    let header = format!("Content-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a.txt\"{names}");
    let report = lints(&samples::message_with_header(&header, b"x"));
    let paths = paths_of(&report, "attachment/executable");
    assert_eq!(paths.len(), mail_preflight::model::MAX_OTHER_NAMES, "{paths:?}");
    assert_eq!(paths[0], "a.txt (filename=run0.vbs)");
}

#[test]
fn a_nul_ends_a_name_where_windows_ends_it() {
    let header = "Content-Type: text/plain\r\nContent-Disposition: attachment; filename*=UTF-8''run.vbs%00.txt";
    let report = lints(&samples::message_with_header(header, b"WScript.Echo 1"));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["run.vbs<U+0000>.txt"]);
    let deceptive = report.findings_of("attachment/deceptive-name").next().expect("a NUL in the name");
    assert_eq!(deceptive.message_id, "attachment/deceptive-name.cut-at-nul");
    assert!(deceptive.message.ends_with("save the file as run.vbs."), "{}", deceptive.message);
}

#[test]
fn hidden_characters_and_trailing_dots_do_not_hide_the_extension() {
    let report = lints(&samples::message_with("invoice\u{202e}fdp.exe", "application/pdf", b"x"));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["invoice<U+202E>fdp.exe"]);
    assert!(report.has("attachment/deceptive-name"));
    let report = lints(&samples::message_with("run.exe . .", "application/octet-stream", b"x"));
    assert!(report.has("attachment/executable"));
    let report = lints(&samples::message_with("invoice.pdf.exe", "application/octet-stream", b"x"));
    let deceptive = report.findings_of("attachment/deceptive-name").next().expect("double extension");
    assert_eq!(deceptive.message_id, "attachment/deceptive-name.double-extension");
}

#[test]
fn ole2_documents_with_a_vba_storage_are_macro_documents_and_others_are_not() {
    let with = lints(&samples::message_with("letter.doc", "application/msword", &samples::word_97_document(true)));
    let finding = with.findings_of("attachment/macro-document").next().expect("macros found");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.message_id, "attachment/macro-document.vba-storage");
    let without = lints(&samples::message_with("letter.doc", "application/msword", &samples::word_97_document(false)));
    assert!(without.findings.iter().all(|f| !f.rule_id.starts_with("attachment/")), "{:?}", without.findings);
}

const MACRO_ENABLED_TYPES: &str = concat!(
    r#"<Types><Override PartName="/xl/workbook.xml" "#,
    r#"ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>"#,
);

#[test]
fn ooxml_macros_are_found_by_vba_project_part_content_type_or_macro_sheets() {
    let docm = lints(&samples::message_with("report.docx", "application/octet-stream", &samples::word_document(true)));
    assert_eq!(paths_of(&docm, "attachment/macro-document"), vec!["report.docx > word/vbaProject.bin"]);
    let types_only = samples::zip(&[
        ZipEntry::deflated("[Content_Types].xml", MACRO_ENABLED_TYPES.as_bytes()),
        ZipEntry::deflated("xl/workbook.xml", b"<workbook/>"),
    ]);
    let report = lints(&samples::message_with("book.xlsx", "application/octet-stream", &types_only));
    assert_eq!(paths_of(&report, "attachment/macro-document"), vec!["book.xlsx > [Content_Types].xml"]);
    let macro_sheets = samples::zip(&[
        ZipEntry::deflated("[Content_Types].xml", b"<Types/>"),
        ZipEntry::deflated("xl/workbook.xml", b"<workbook/>"),
        ZipEntry::deflated("xl/macrosheets/sheet1.xml", b"<xm:macrosheet/>"),
    ]);
    let report = lints(&samples::message_with("book.xlsx", "application/octet-stream", &macro_sheets));
    assert_eq!(paths_of(&report, "attachment/macro-document"), vec!["book.xlsx > xl/macrosheets/sheet1.xml"]);
    let plain =
        lints(&samples::message_with("report.docx", "application/octet-stream", &samples::word_document(false)));
    assert!(!plain.has("attachment/macro-document"));
}

#[test]
fn a_plain_spreadsheet_is_a_warning_not_an_error() {
    let report = lints(&samples::message_with(
        "report.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &samples::spreadsheet(),
    ));
    let attachment_findings: Vec<_> = report.findings.iter().filter(|f| f.rule_id.starts_with("attachment/")).collect();
    assert_eq!(attachment_findings.len(), 1, "{attachment_findings:?}");
    assert_eq!(attachment_findings[0].rule_id, "attachment/blocked-type");
    assert_eq!(attachment_findings[0].severity, Severity::Warning);
    assert_eq!(report.verdict, Verdict::Warn);
}

#[test]
fn xml_parts_of_office_and_opendocument_packages_are_not_blocked_xml() {
    let odt = samples::zip(&[
        ZipEntry::stored("mimetype", b"application/vnd.oasis.opendocument.text"),
        ZipEntry::deflated("content.xml", b"<office:document-content/>"),
        ZipEntry::deflated("META-INF/manifest.xml", b"<manifest:manifest/>"),
    ]);
    let report = lints(&samples::message_with("letter.odt", "application/vnd.oasis.opendocument.text", &odt));
    assert!(report.findings.iter().all(|f| !f.rule_id.starts_with("attachment/")), "{:?}", report.findings);
    let plain = samples::zip(&[ZipEntry::deflated("export/orders.xml", b"<orders/>")]);
    let report = lints(&samples::message_with("export.zip", "application/zip", &plain));
    assert_eq!(paths_of(&report, "attachment/blocked-type"), vec!["export.zip > export/orders.xml"]);
    // Found by its extension, the type is said as one (not "orders.xml is .xml").
    let finding = report.findings_of("attachment/blocked-type").next().expect("a finding");
    assert_eq!(finding.message_id, "attachment/blocked-type.blocked-extension");
    assert!(finding.message.starts_with("export.zip > export/orders.xml has the extension .xml: it is not a program"), "{}", finding.message);
}

#[test]
fn encrypted_zip_entries_are_warnings_naming_the_entry() {
    let archive = samples::zip(&[ZipEntry::deflated("a.txt", b"a"), ZipEntry::encrypted("secret/pay.pdf", &[1; 40])]);
    let report = lints(&samples::message_with("pay.zip", "application/zip", &archive));
    let finding = report.findings_of("attachment/encrypted-archive").next().expect("encrypted entry");
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(finding.location.path.as_deref(), Some("pay.zip > secret/pay.pdf"));
}

#[test]
fn tar_gzip_and_cabinet_names_are_checked() {
    let tar = samples::tar(&[("logs/app.log", b"ok\n"), ("tools/run.exe", &samples::windows_program())]);
    let report = lints(&samples::message_with("logs.tar", "application/x-tar", &tar));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["logs.tar > tools/run.exe"]);
    let report = lints(&samples::message_with("logs.tgz", "application/gzip", &samples::gzip(&tar, None)));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["logs.tgz > logs.tar > tools/run.exe"]);
    let named = samples::gzip(&samples::windows_program(), Some("patch.exe"));
    let report = lints(&samples::message_with("patch.gz", "application/gzip", &named));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["patch.gz > patch.exe"]);
    let cab = samples::cabinet(&["readme.txt", "setup.exe"]);
    let report = lints(&samples::message_with("drivers.bin", "application/octet-stream", &cab));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["drivers.bin > setup.exe"]);
    assert!(report.has("attachment/uninspectable-archive"));
}

#[test]
fn rar_archives_list_their_names_and_executables_among_them_are_found() {
    let listed: [(&str, &[u8]); 2] = [("docs/readme.txt", b"hi"), ("docs/run.exe", b"MZ")];
    for (label, archive) in
        [("rar5", samples::rar5(&listed, RarProtection::None)), ("rar4", samples::rar4(&listed, RarProtection::None))]
    {
        let report = lints(&samples::message_with("files.rar", "application/vnd.rar", &archive));
        assert_eq!(paths_of(&report, "attachment/executable"), vec!["files.rar > docs/run.exe"], "{label}");
        let finding = report.findings_of("attachment/uninspectable-archive").next().expect(label);
        assert_eq!(finding.message_id, "attachment/uninspectable-archive.with-names");
        assert!(finding.message.contains("docs/readme.txt, docs/run.exe"), "{}", finding.message);
    }
}

#[test]
fn rar_and_7z_are_recognised_by_magic_and_reported_uninspectable() {
    for (name, bytes) in
        [("a.bin", b"Rar!\x1a\x07\x00\xcf\x90".to_vec()), ("b.bin", vec![b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c, 0, 4])]
    {
        let report = lints(&samples::message_with(name, "application/octet-stream", &bytes));
        let finding = report.findings_of("attachment/uninspectable-archive").next().expect("uninspectable");
        assert_eq!(finding.severity, Severity::Warning);
    }
}

#[test]
fn declared_type_and_content_disagreeing_is_a_mismatch() {
    let report = lints(&samples::message_with("photo.jpg", "image/jpeg", &samples::pdf()));
    let finding = report.findings_of("attachment/type-mismatch").next().expect("mismatch");
    assert_eq!(finding.message_id, "attachment/type-mismatch.declared-type");
    let fine = lints(&samples::message_with("photo.bin", "application/octet-stream", &samples::pdf()));
    assert!(!fine.has("attachment/type-mismatch"));
}

#[test]
fn a_zip_bomb_stops_at_the_ratio_limit_within_the_budget() {
    // 12 MB of zeros deflate to about 12 kB; nested in a second ZIP so the inner
    // declared sizes are not read before inflating.
    let zeros = vec![0u8; 12_000_000];
    let bomb = samples::zip(&[ZipEntry::deflated("zeros.zip", &samples::zip(&[ZipEntry::deflated("z", &zeros)]))]);
    drop(zeros);
    let mut spent = inspect::Spent::default();
    let limits = attachments::default_limits();
    let found = inspect::inspect_named("bomb.zip", Some("bomb.zip"), None, &bomb, &limits, &mut spent);
    assert!(spent.inflated <= limits.max_inflated_bytes, "{}", spent.inflated);
    assert!(
        found.iter().any(|f| matches!(f.kind, FactKind::LimitReached { limit: Limit::CompressionRatio, .. })),
        "{found:?}"
    );
    let report = lints(&samples::message_with("bomb.zip", "application/zip", &bomb));
    assert!(report.has("attachment/archive-limit"));
}

#[test]
fn a_gzip_bomb_says_its_ratio_is_more_than_where_the_inflate_stopped() {
    // 20 MB of zeros deflate about 159:1; the inflate stops at 100 times the
    // compressed size, and the trailer's ISIZE tells the whole ratio.
    let bomb = samples::gzip(&vec![0u8; 20_000_000], Some("data"));
    let limits = attachments::default_limits();
    let found = inspect::inspect_file(Some("data.gz"), None, &bomb, &limits);
    let ratio = found.iter().find_map(|f| match f.kind {
        FactKind::LimitReached { limit: Limit::CompressionRatio, value, .. } => Some(value),
        _ => None,
    });
    let ratio = ratio.expect("a ratio limit");
    assert!(ratio > limits.max_compression_ratio && ratio < 200, "{ratio}");
    let report = lints(&samples::message_with("data.gz", "application/gzip", &bomb));
    let finding = report.findings_of("attachment/archive-limit").next().expect("the ratio finding");
    let expected = format!("data.gz > data inflates more than {ratio} times its compressed size (the limit is 100)");
    assert!(finding.message.starts_with(&expected), "{}", finding.message);
}

#[test]
fn a_program_uuencoded_in_the_text_body_is_an_attachment() {
    let body = format!("Hello,\r\n\r\n{}\r\nRegards\r\n", samples::uuencode("invoice.exe", &samples::windows_program()));
    let raw = format!(
        "From: a@example.com\r\nTo: b@example.net\r\nSubject: Invoice\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n\
         Message-ID: <u@example.com>\r\n\r\n{}",
        body.replace('\n', "\r\n").replace("\r\r", "\r")
    );
    let report = lints(raw.as_bytes());
    let finding = report.findings_of("attachment/executable").next().expect("the uuencoded program");
    assert_eq!(finding.message_id, "attachment/executable.by-name-and-content");
    assert_eq!(finding.evidence, "invoice.exe");
    // Its spaces are data, not blank text.
    assert!(!report.has("spam/whitespace"), "{:?}", report.findings_of("spam/whitespace").next());
}

#[test]
fn a_message_attached_as_a_file_is_opened_within_the_depth_limit() {
    let inner = samples::attached("setup.exe", &samples::windows_program());
    let report = lints(&samples::attached("Invoice.eml", &inner));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["Invoice.eml > setup.exe"]);
    let zipped = samples::zip_message("mail.zip", &[ZipEntry::deflated("Invoice.eml", &inner)]);
    assert_eq!(paths_of(&lints(&zipped), "attachment/executable"), vec!["mail.zip > Invoice.eml > setup.exe"]);
    // Messages inside messages are levels of the walk, as archives are.
    let mut nested = inner;
    for _ in 0..10 {
        nested = samples::attached("Fwd.eml", &nested);
    }
    let report = lints(&nested);
    assert!(!report.has("attachment/executable"));
    let finding = report.findings_of("attachment/archive-limit").next().expect("the depth limit");
    assert_eq!(finding.message_id, "attachment/archive-limit.depth");
}

#[test]
fn an_attached_message_too_long_to_parse_is_uninspectable() {
    let long_name = "a".repeat(20_000);
    let inner = samples::message_with(&format!("{long_name}.exe"), "application/octet-stream", b"x");
    let report = lints(&samples::attached("Invoice.eml", &inner));
    let finding = report.findings_of("attachment/uninspectable-archive").next().expect("an uninspectable message");
    assert!(finding.message.contains("too long a MIME field"), "{}", finding.message);
}

#[test]
fn a_deeply_nested_zip_stops_at_the_depth_limit() {
    let mut archive = samples::zip(&[ZipEntry::stored("run.exe", &samples::windows_program())]);
    for _ in 0..200 {
        archive = samples::zip(&[ZipEntry::stored("again.zip", &archive)]);
    }
    let report = lints(&samples::message_with("deep.zip", "application/zip", &archive));
    let finding = report.findings_of("attachment/archive-limit").next().expect("depth limit");
    assert_eq!(finding.message_id, "attachment/archive-limit.depth");
    let limit = mail_preflight::Settings::default().count(&MAX_ARCHIVE_DEPTH);
    assert_eq!(finding.location.path.as_deref().unwrap().matches(" > ").count(), limit);
}

#[test]
fn the_entry_count_and_inflate_budget_are_limits_with_findings() {
    let limits = inspect::Limits { max_entries: 5, ..attachments::default_limits() };
    let names: Vec<String> = (0..9).map(|i| format!("f{i}.txt")).collect();
    let entries: Vec<ZipEntry> = names.iter().map(|n| ZipEntry::stored(n, b"x")).collect();
    let found = inspect::inspect_file(Some("many.zip"), None, &samples::zip(&entries), &limits);
    assert!(found.iter().any(|f| matches!(f.kind, FactKind::LimitReached { limit: Limit::Entries, .. })));
    let limits = inspect::Limits { max_inflated_bytes: 10_000, ..attachments::default_limits() };
    let big = vec![b'a'; 100_000];
    let inner = samples::zip(&[ZipEntry::stored("big.txt", &big)]);
    let outer = samples::zip(&[ZipEntry::deflated("inner.zip", &inner)]);
    let found = inspect::inspect_file(Some("outer.zip"), None, &outer, &limits);
    assert!(
        found.iter().any(|f| matches!(f.kind, FactKind::LimitReached { limit: Limit::InflatedBytes, .. })),
        "{found:?}"
    );
}

#[test]
fn executable_extensions_are_configurable() {
    let raw = samples::message_with("tool.exe", "application/octet-stream", b"x");
    let options = Options::from_json(r#"{"thresholds":{"attachments":{"executableExtensions":["bat"]}}}"#).unwrap();
    assert!(!lint(&raw, &options).unwrap().has("attachment/executable"));
    let options = Options::from_json(r#"{"thresholds":{"attachments":{"executableExtensions":[".EXE"]}}}"#).unwrap();
    assert!(lint(&raw, &options).unwrap().has("attachment/executable"));
}

#[test]
fn messages_are_localised_and_name_the_path() {
    let archive = samples::zip(&[ZipEntry::stored("docs/run.exe", &samples::windows_program())]);
    let raw = samples::message_with("invoice.zip", "application/zip", &archive);
    for locale in Locale::ALL {
        let options = Options { locale, ..Options::default() };
        let report = lint(&raw, &options).unwrap();
        let finding = report.findings_of("attachment/executable").next().unwrap();
        assert!(finding.message.contains("invoice.zip > docs/run.exe"), "{}", finding.message);
        assert!(!finding.fix.is_empty());
    }
}

#[test]
fn findings_name_each_thing_once_and_nest_no_parentheses() {
    let program = samples::zip_message("invoice.zip", &[ZipEntry::stored("run.exe", &samples::windows_program())]);
    let files: &[(&str, &[u8])] = &[("photos/1.jpg", &[0xff, 0xd8, 0xff, 0xe0])];
    let archive = samples::seven_zip(files, SevenZipHeader::Lzma);
    let seven_zip = samples::message_with("photos.7z", "application/x-7z-compressed", &archive);
    let nested = |text: &str| {
        let mut depth = 0i32;
        text.chars().any(|c| {
            depth += i32::from(c == '(') - i32::from(c == ')');
            depth > 1
        })
    };
    for locale in Locale::ALL {
        let options = Options { locale, ..Options::default() };
        let executable = lint(&program, &options).unwrap();
        let finding = executable.findings_of("attachment/executable").next().expect("the program");
        assert_eq!(finding.message.matches("(PE)").count(), 1, "{}", finding.message);
        assert!(!finding.message.contains(".exe ("), "{}", finding.message);
        let report = lint(&seven_zip, &options).unwrap();
        let finding = report.findings_of("attachment/uninspectable-archive").next().expect("the 7z");
        assert!(!nested(&finding.message), "{}", finding.message);
    }
}

#[test]
fn every_format_and_group_has_a_label_in_every_language() {
    use mail_preflight::inspect::magic::Format;
    use mail_preflight::inspect::names::EXTENSION_GROUPS;
    let formats = [
        Format::WindowsPe,
        Format::Elf,
        Format::MachO,
        Format::MachOFat,
        Format::JavaClass,
        Format::ShebangScript,
        Format::WindowsShortcut,
        Format::Ole2,
        Format::Zip,
        Format::Rar,
        Format::SevenZip,
        Format::Gzip,
        Format::Bzip2,
        Format::Xz,
        Format::Zstandard,
        Format::Cab,
        Format::Tar,
        Format::Iso9660,
        Format::Pdf,
        Format::Png,
        Format::Jpeg,
        Format::Gif,
        Format::Hta,
        Format::WindowsScript,
        Format::Vhd,
        Format::Vhdx,
        Format::AppleDiskImage,
        Format::FilesystemImage,
        Format::OneNote,
        Format::Html,
    ];
    use mail_preflight::rules::attachments::labels::{format_label, group_label};
    let mut missing: Vec<&str> = Vec::new();
    let extra = ["windows-installer", "zip-no-directory", "zip-unsupported-method", "7z-compressed-header"];
    for key in formats.iter().map(|f| f.key()).chain(extra) {
        if format_label(key).is_none() {
            missing.push(key);
        }
    }
    use mail_preflight::inspect::names::ExtensionClass;
    let executable = EXTENSION_GROUPS.iter().filter(|g| g.class == ExtensionClass::Executable);
    let groups = executable.map(|g| g.name).chain(["configured", mail_preflight::inspect::names::GMAIL_BLOCKED_GROUP]);
    for name in groups {
        if group_label(name).is_none() {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn a_program_sent_as_text_is_an_executable_by_its_content() {
    for content_type in ["text/plain", "text/plain; charset=iso-8859-1", "text/html"] {
        let report = lints(&samples::message_with("notes.txt", content_type, &samples::windows_program()));
        let finding = report.findings_of("attachment/executable").next().unwrap_or_else(|| panic!("{content_type}"));
        assert_eq!(finding.message_id, "attachment/executable.by-content");
    }
}

#[test]
fn gmails_blocked_types_are_executables_named_as_such() {
    for name in ["tools.xll", "help.chm", "fix.diagcab", "setup.ex_", "drivers.cab", "module.mjs"] {
        let report = lints(&samples::attached(name, b"x"));
        let finding = report.findings_of("attachment/executable").next().unwrap_or_else(|| panic!("{name}"));
        assert_eq!(finding.severity, Severity::Error);
        assert_eq!(finding.params.get("group"), Some(&label(&labels::GROUP_GMAIL_BLOCKED)), "{name}");
    }
    let report = lints(&samples::attached("setup.exe", b"x"));
    let finding = report.findings_of("attachment/executable").next().expect("setup.exe");
    assert_eq!(finding.params.get("group"), Some(&label(&labels::GROUP_WINDOWS_PROGRAM)));
}

fn label(entry: &mail_preflight::i18n::Entry) -> mail_preflight::i18n::Param {
    mail_preflight::i18n::Param::Label { label: entry.id.to_string() }
}

#[test]
fn html_applications_and_shortcuts_are_programs_by_content() {
    for (name, content) in [("invoice.html", samples::hta_application()), ("photo.jpg", samples::windows_shortcut())] {
        let report = lints(&samples::attached(name, &content));
        let finding = report.findings_of("attachment/executable").next().unwrap_or_else(|| panic!("{name}"));
        assert_eq!(finding.message_id, "attachment/executable.by-content");
    }
}

#[test]
fn excel_4_macro_sheets_of_legacy_workbooks_are_macro_documents() {
    let hidden = samples::excel_97_workbook(&[("Sheet1", 0, 0), ("Auto_Open", 1, 2)]);
    let report = lints(&samples::message_with("budget.xls", "application/vnd.ms-excel", &hidden));
    let finding = report.findings_of("attachment/macro-document").next().expect("XLM sheet found");
    assert_eq!(finding.message_id, "attachment/macro-document.xlm-sheet-hidden");
    assert!(finding.message.contains("Auto_Open"), "{}", finding.message);
    let visible = samples::excel_97_workbook(&[("Macro1", 1, 0)]);
    let report = lints(&samples::message_with("budget.xls", "application/vnd.ms-excel", &visible));
    let finding = report.findings_of("attachment/macro-document").next().expect("visible XLM sheet");
    assert_eq!(finding.message_id, "attachment/macro-document.xlm-sheet");
    let plain = samples::excel_97_workbook(&[("Sheet1", 0, 0)]);
    let report = lints(&samples::message_with("budget.xls", "application/vnd.ms-excel", &plain));
    assert!(report.findings.iter().all(|f| !f.rule_id.starts_with("attachment/")), "{:?}", report.findings);
}

#[test]
fn a_password_protected_legacy_workbook_is_encrypted() {
    // BOF, then FILEPASS (RC4): the records after it are encrypted with the password.
    let mut stream = vec![0x09, 0x08, 16, 0, 0x00, 0x06, 0x05, 0x00];
    stream.resize(20, 0);
    stream.extend_from_slice(&[0x2f, 0x00, 6, 0, 1, 0, 1, 0, 1, 0]);
    let book = samples::ole2_with(&[("Workbook", &stream)], [0; 16]);
    let report = lints(&samples::message_with("salaries.xls", "application/vnd.ms-excel", &book));
    let finding = report.findings_of("attachment/encrypted-archive").next().expect("encrypted workbook");
    assert_eq!(finding.message_id, "attachment/encrypted-archive.office");
}

#[test]
fn encrypted_rar_and_7z_say_whether_their_names_are_hidden_too() {
    let files: [(&str, &[u8]); 1] = [("pay.pdf", b"%PDF")];
    let cases = [
        (samples::rar5(&files, RarProtection::Files), "attachment/encrypted-archive.entry"),
        (samples::rar5(&files, RarProtection::Headers), "attachment/encrypted-archive.names-hidden"),
        (samples::seven_zip(&files, SevenZipHeader::Encrypted), "attachment/encrypted-archive.names-hidden"),
    ];
    for (archive, id) in cases {
        let report = lints(&samples::attached("pay.bin", &archive));
        let finding = report.findings_of("attachment/encrypted-archive").next().unwrap_or_else(|| panic!("{id}"));
        assert_eq!(finding.message_id, id);
    }
}

#[test]
fn disk_images_inside_archives_are_opened_and_their_files_checked() {
    let program = samples::windows_program();
    let image = samples::iso9660(&[("Setup.exe", &program)], true);
    let report = lints(&samples::zip_message("files.zip", &[ZipEntry::stored("backup/disk.img", &image)]));
    let paths = paths_of(&report, "attachment/executable");
    assert_eq!(paths, vec!["files.zip > backup/disk.img", "files.zip > backup/disk.img > Setup.exe"]);
}

#[test]
fn a_page_smuggling_a_file_has_its_payload_walked() {
    let program = samples::windows_program();
    let filler = "Terms. ".repeat(800);
    let payload =
        samples::zip(&[ZipEntry::stored("terms.txt", filler.as_bytes()), ZipEntry::stored("run.exe", &program)]);
    let page = samples::smuggling_page(&payload, "invoice.zip");
    let report = lints(&samples::message_with("invoice.html", "text/html", &page));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["invoice.html > [base64] > run.exe"]);
    let honest = lints(&samples::message_with("order.html", "text/html", &samples::page_with_inline_picture()));
    assert!(honest.findings.iter().all(|f| !f.rule_id.starts_with("attachment/")), "{:?}", honest.findings);
}

#[test]
fn onenote_embedded_files_are_judged_by_their_content() {
    let script: &[u8] = b"@echo off\r\nstart x\r\n";
    let section = samples::onenote_section(&[&samples::pdf(), script, &samples::windows_program()]);
    let report = lints(&samples::attached("notes.one", &section));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["notes.one > [2]", "notes.one > [3]"]);
    let harmless = lints(&samples::attached("notes.one", &samples::onenote_section(&[&samples::pdf()])));
    assert!(harmless.findings.iter().all(|f| !f.rule_id.starts_with("attachment/")), "{:?}", harmless.findings);
}

#[test]
fn a_stray_character_in_base64_does_not_hide_the_file() {
    // RFC 2045 §6.8: characters outside the alphabet are ignored (Python's email decodes
    // the file); the decoder had stopped at the `!` and the program went unseen.
    let zip = samples::zip(&[ZipEntry::deflated("run.exe", &samples::windows_program())]);
    for (name, kind, content) in [("docs.zip", "application/zip", zip), ("report.pdf", "application/pdf", samples::windows_program())] {
        let message = samples::message_with(name, kind, &content);
        let text = String::from_utf8(message).unwrap();
        let at = text.rfind("base64").and_then(|i| text[i..].find("\n\n").or_else(|| text[i..].find("\r\n\r\n")).map(|n| i + n)).unwrap();
        let body_start = at + text[at..].find(|c: char| !c.is_whitespace()).unwrap();
        let stray = format!("{}!{}", &text[..body_start], &text[body_start..]);
        let report = lints(stray.as_bytes());
        assert!(report.findings_of("attachment/executable").next().is_some(), "{name}: {:?}", report.findings);
    }
}

#[test]
fn a_deflated_entry_is_read_as_far_as_its_signature() {
    // An ISO 9660 image's volume descriptor is at 32 KiB, past the first bytes read of
    // a deflated entry; a packer may put the PE header past them too.
    let iso = samples::iso9660(&[("SETUP.EXE", &samples::windows_program())], false);
    let mut far_pe = vec![0u8; 0x1000 + 0x200];
    far_pe[..2].copy_from_slice(b"MZ");
    far_pe[0x3c..0x40].copy_from_slice(&0x1000u32.to_le_bytes());
    far_pe[0x1000..0x1004].copy_from_slice(b"PE\0\0");
    for (name, content) in [("disk.bin", iso), ("readme.txt", far_pe)] {
        let zip = samples::zip(&[ZipEntry::deflated(name, &content)]);
        let report = lints(&samples::message_with("files.zip", "application/zip", &zip));
        assert!(report.findings_of("attachment/executable").next().is_some(), "{name}: {:?}", report.findings);
    }
    // An ordinary deflated text is read no further than before.
    assert_eq!(mail_preflight::inspect::magic::far_signature_end(&b"plain text ".repeat(500)), None);
}

#[test]
fn a_file_inside_a_forwarded_message_is_named_under_that_message() {
    // The same message attached as message/rfc822 (7bit, and base64) as when it is
    // sent as a file: `fwd.eml > setup.exe`, outermost first through every level.
    let inner = samples::attached("setup.exe", &samples::windows_program());
    let inner_text = String::from_utf8(inner.clone()).unwrap();
    let forwarded = format!(
        "From: a@example.com\r\nTo: b@example.net\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"out\"\r\n\r\n\
         --out\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n--out\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"fwd.eml\"\r\n\r\n{inner_text}\r\n--out--\r\n"
    );
    assert_eq!(paths_of(&lints(forwarded.as_bytes()), "attachment/executable"), vec!["fwd.eml > setup.exe"]);
    let encoded = samples::message_with_header(
        "Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"fwd.eml\"",
        &inner,
    );
    assert_eq!(paths_of(&lints(&encoded), "attachment/executable"), vec!["fwd.eml > setup.exe"]);
    // Two levels, the outer one unnamed.
    let twice = samples::message_with_header("Content-Type: message/rfc822", forwarded.as_bytes());
    let paths = paths_of(&lints(&twice), "attachment/executable");
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert!(paths[0].starts_with("part ") && paths[0].ends_with("(message/rfc822) > fwd.eml > setup.exe"), "{paths:?}");
    // The file sent as an .eml: the same path.
    assert_eq!(paths_of(&lints(&samples::attached("fwd.eml", &inner)), "attachment/executable"), vec!["fwd.eml > setup.exe"]);
}

#[test]
fn a_binary_file_sent_as_a_text_body_is_inspected_as_a_file() {
    let lines = |data: &[u8]| samples::base64(data).as_bytes().chunks(76).map(|l| String::from_utf8_lossy(l).into_owned()).collect::<Vec<_>>().join("\r\n");
    let program = lines(&samples::windows_program());
    let head = "From: a@example.com\r\nTo: b@example.net\r\nSubject: Notes\r\nMIME-Version: 1.0\r\n";
    // The whole message, and the text half of an alternative: no name, no disposition.
    let single = format!("{head}Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: base64\r\n\r\n{program}\r\n");
    let report = lints(single.as_bytes());
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["part 0 (text/plain)"]);
    assert_eq!(report.verdict, Verdict::Fail);
    let alternative = format!(
        "{head}Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\nContent-Type: text/plain\r\nContent-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n{program}\r\n--a\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>\r\n--a--\r\n"
    );
    assert_eq!(paths_of(&lints(alternative.as_bytes()), "attachment/executable"), vec!["part 1 (text/plain)"]);
    // Text that reads like a script, in base64 or as is, is a text: no file.
    let script = lines(b"#!/bin/sh\necho hello\n");
    for (encoding, body) in [("base64", script.as_str()), ("7bit", "#!/bin/sh\necho hello")] {
        let text = format!("{head}Content-Type: text/plain\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n{body}\r\n");
        let report = lints(text.as_bytes());
        assert!(report.findings.iter().all(|f| !f.rule_id.starts_with("attachment/")), "{encoding}: {:?}", report.findings);
    }
}

#[test]
fn an_x_uuencode_transfer_encoding_is_decoded() {
    // Content-Transfer-Encoding: x-uuencode (Thunderbird and ClamAV decode it).
    let body = samples::uuencode("data.bin", &samples::windows_program());
    for encoding in ["x-uuencode", "X-UUENCODE", "uuencode", "x-uue"] {
        let raw = format!(
            "From: a@example.com\r\nTo: b@example.net\r\nSubject: Data\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nSee the file.\r\n--m\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"data.bin\"\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n{body}\r\n--m--\r\n"
        );
        assert_eq!(paths_of(&lints(raw.as_bytes()), "attachment/executable"), vec!["data.bin"], "{encoding}");
    }
}

#[test]
fn office_text_documents_carrying_an_active_mime_object_are_macro_documents() {
    // Word 2003 XML and an MHTML "single file web page": both carry their VBA
    // project as an ActiveMime object (editdata.mso), in base64 (olevba reads both).
    let mut mso = b"ActiveMime\0\0\x01\xf0\x04\0\0\0".to_vec();
    mso.extend_from_slice(&[0x78, 0x9c, 0x4b, 0x4c, 0x4a, 0x06, 0x00]);
    let encoded = samples::base64(&mso);
    let word_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<?mso-application progid=\"Word.Document\"?>\n\
         <w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\" w:macrosPresent=\"yes\">\
         <w:docSuppData><w:binData w:name=\"editdata.mso\">{encoded}</w:binData></w:docSuppData><w:body><w:p/></w:body></w:wordDocument>\n"
    );
    let mhtml = format!(
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n------=_NextPart_01\r\n\
         Content-Location: file:///C:/report.htm\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n<html><body><p>Report</p></body></html>\r\n\
         ------=_NextPart_01\r\nContent-Location: file:///C:/report_files/editdata.mso\r\nContent-Transfer-Encoding: base64\r\n\
         Content-Type: application/x-mso\r\n\r\n{encoded}\r\n------=_NextPart_01--\r\n"
    );
    for (name, content_type, bytes) in [
        ("report.doc", "application/msword", word_xml.as_bytes()),
        ("report.xml", "application/xml", word_xml.as_bytes()),
        ("report.doc", "application/msword", mhtml.as_bytes()),
        ("editdata.mso", "application/x-mso", &mso[..]),
    ] {
        let report = lints(&samples::message_with(name, content_type, bytes));
        let found: Vec<_> = report.findings_of("attachment/macro-document").collect();
        assert_eq!(found.len(), 1, "{name}: {:?}", report.findings);
        assert_eq!(found[0].message_id, "attachment/macro-document.active-mime", "{name}");
        assert_eq!(found[0].severity, Severity::Error, "{name}");
    }
    // The same documents without the object: no macro.
    let plain = word_xml.replace(&format!("<w:docSuppData><w:binData w:name=\"editdata.mso\">{encoded}</w:binData></w:docSuppData>"), "");
    assert!(!plain.contains("QWN0aXZlTWltZQ"));
    let report = lints(&samples::message_with("report.doc", "application/msword", plain.as_bytes()));
    assert_eq!(report.findings_of("attachment/macro-document").count(), 0, "{:?}", report.findings);
}

#[test]
fn formats_found_at_a_files_end_are_found_in_a_deflated_zip_entry() {
    // A fixed VHD (its footer at the end, after sectors that are not zeros), a DMG
    // (its `koly` trailer 512 bytes from the end) and a PDF with a ZIP glued after
    // it, each deflated inside a ZIP and renamed: read to their end, as when stored.
    let mut vhd: Vec<u8> = (0..64 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let footer_at = vhd.len();
    vhd.extend_from_slice(&samples::vhd_disk()[4096..]);
    assert_eq!(&vhd[footer_at..footer_at + 8], b"conectix");
    let mut dmg: Vec<u8> = (0..8 * 1024u32).map(|i| (i.wrapping_mul(40_503) >> 7) as u8).collect();
    let mut trailer = b"koly\0\0\0\x04\0\0\x02\0".to_vec();
    trailer.resize(512, 0);
    dmg.extend_from_slice(&trailer);
    let mut polyglot = samples::pdf();
    polyglot.extend_from_slice(&vec![b'%'; 5000]);
    polyglot.extend_from_slice(&samples::zip(&[ZipEntry::deflated("run.exe", &samples::windows_program())]));
    let archive = samples::zip(&[
        ZipEntry::deflated("disk.bin", &vhd),
        ZipEntry::deflated("archive.bin", &dmg),
        ZipEntry::deflated("scan.pdf", &polyglot),
        ZipEntry::deflated("notes.txt", "plain notes\n".repeat(2_000).as_bytes()),
    ]);
    let report = lints(&samples::message_with("files.zip", "application/zip", &archive));
    let mut paths = paths_of(&report, "attachment/executable");
    paths.sort();
    assert_eq!(paths, vec!["files.zip > archive.bin", "files.zip > disk.bin", "files.zip > scan.pdf > run.exe"]);
    // A text read to its end says no limit.
    assert_eq!(report.findings_of("attachment/archive-limit").count(), 0, "{:?}", report.findings);
}

#[test]
fn entries_read_whole_to_look_further_find_what_their_first_bytes_hide_and_texts_stay_texts() {
    let mut glued = samples::pdf();
    glued.extend_from_slice(&samples::zip(&[ZipEntry::deflated("evil.exe", &samples::windows_program())]));
    assert!(glued.len() < 4096);
    let word_xml = format!(
        "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Word.Document\"?>\n<w:wordDocument w:macrosPresent=\"yes\">\
         <w:docSuppData><w:binData w:name=\"editdata.mso\">{}</w:binData></w:docSuppData></w:wordDocument>\n",
        samples::base64(b"ActiveMime\0\0\x01\xf0\x04\0\0\0x")
    );
    // A small PDF with a ZIP glued after it, deflated and stored; Word 2003 XML with macros deflated.
    for (entry, expected) in [
        (ZipEntry::deflated("doc.pdf", &glued), "a.zip > doc.pdf > evil.exe"),
        (ZipEntry::stored("doc.pdf", &glued), "a.zip > doc.pdf > evil.exe"),
    ] {
        let report = lints(&samples::message_with("a.zip", "application/zip", &samples::zip(&[entry])));
        assert_eq!(paths_of(&report, "attachment/executable"), vec![expected]);
    }
    let report = lints(&samples::message_with("a.zip", "application/zip", &samples::zip(&[ZipEntry::deflated("report.doc", word_xml.as_bytes())])));
    assert_eq!(paths_of(&report, "attachment/macro-document"), vec!["a.zip > report.doc"]);
    // A text that quotes such markup, or starts like a format, is no document and no file.
    let quoting = format!("Notes on the format: {word_xml}");
    let report = lints(&samples::message_with("notes.txt", "text/plain", quoting.as_bytes()));
    assert_eq!(report.findings_of("attachment/macro-document").count(), 0, "{:?}", report.findings);
    for text in ["%PDF-1.4 was released in 2001, and this note explains why.", "GIF89a is the animated variant."] {
        let raw = format!("From: a@example.com\r\nTo: b@example.net\r\nSubject: Notes\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n{text}\r\n");
        let report = lints(raw.as_bytes());
        assert!(report.findings.iter().all(|f| !f.rule_id.starts_with("attachment/")), "{text}: {:?}", report.findings);
    }
}

#[test]
fn a_deflated_entry_that_declares_too_small_a_size_is_read_past_it() {
    // The VHD's footer lies past the 1,000 bytes the entry declares; extractors inflate to the stream's end.
    let mut vhd: Vec<u8> = (0..64 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    vhd.extend_from_slice(&samples::vhd_disk()[4096..]);
    let mut archive = samples::zip(&[ZipEntry::deflated("disk.dat", &vhd)]);
    // The declared (uncompressed) size at offset 22 of the local header and 24 of the central record.
    let central = archive.len() - 22 - (46 + "disk.dat".len());
    for at in [22, central + 24] {
        archive[at..at + 4].copy_from_slice(&1_000u32.to_le_bytes());
    }
    let report = lints(&samples::message_with("a.zip", "application/zip", &archive));
    assert_eq!(paths_of(&report, "attachment/executable"), vec!["a.zip > disk.dat"]);
}

#[test]
fn a_plain_file_name_beside_rfc2231_continuations_of_the_same_parameter_is_checked() {
    // RFC 2231 §3: `filename` and `filename*0`, `filename*1` are one parameter written
    // twice; mail-parser joins them, a reader ignoring continuations saves `invoice.exe`.
    let header = "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"invoice.exe\"; filename*0=\"invoice\"; filename*1=\".pdf\"";
    let report = lints(&samples::message_with_header(header, &samples::pdf()));
    let paths = paths_of(&report, "attachment/executable");
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert!(paths[0].ends_with("(filename=invoice.exe)"), "{paths:?}");
    // The same name written once: nothing more.
    let once = "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*0=\"invoice\"; filename*1=\".pdf\"";
    assert!(paths_of(&lints(&samples::message_with_header(once, &samples::pdf())), "attachment/executable").is_empty());
}
