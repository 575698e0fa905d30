//! Sample documents: OLE2 compound files (legacy Office, installers, Excel
//! workbooks with their sheet list), OOXML packages, PDF, OneNote sections and
//! web pages.

use super::{base64, zip, Put, ZipEntry};

/// An OLE2 compound file ([MS-CFB], 512-byte sectors: sector 0 is the FAT, the
/// directory follows, then the streams) whose directory lists the root and
/// `streams`; a name `a/b` is the stream `b` in the storage `a`, which is
/// listed before it. Siblings are chained by their right links. Streams with
/// data are padded to 4,096 bytes, the mini stream cutoff, so they live in
/// regular sectors. `root_class` is the root CLSID as stored.
pub fn ole2_with(streams: &[(&str, &[u8])], root_class: [u8; 16]) -> Vec<u8> {
    const END_OF_CHAIN: u32 = 0xffff_fffe;
    const FREE: u32 = 0xffff_ffff;
    // (path, parent, data): storages have no data.
    let mut nodes: Vec<(String, usize, Option<&[u8]>)> = vec![("Root Entry".into(), usize::MAX, None)];
    for (path, data) in streams {
        let mut parent = 0;
        let parts: Vec<&str> = path.split('/').collect();
        for depth in 1..parts.len() {
            let storage = parts[..depth].join("/");
            parent = match nodes.iter().position(|(p, _, d)| *p == storage && d.is_none()) {
                Some(found) => found,
                None => {
                    nodes.push((storage, parent, None));
                    nodes.len() - 1
                }
            };
        }
        nodes.push((path.to_string(), parent, Some(data)));
    }
    let directory_sectors = nodes.len().div_ceil(4);
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    // Minor and major version, byte order, sector shift 9, mini sector shift 6.
    for (at, value) in [(0x18, 0x3e), (0x1a, 3), (0x1c, 0xfffe), (0x1e, 9), (0x20, 6)] {
        header[at..at + 2].copy_from_slice(&(value as u16).to_le_bytes());
    }
    // One FAT sector, the directory at sector 1, mini cutoff 4096, no mini FAT, no DIFAT.
    for (at, value) in [(0x2c, 1), (0x30, 1), (0x38, 4096), (0x3c, END_OF_CHAIN), (0x44, END_OF_CHAIN)] {
        header[at..at + 4].copy_from_slice(&value.to_le_bytes());
    }
    for i in 0..109 {
        header[0x4c + 4 * i..0x50 + 4 * i].copy_from_slice(&(if i == 0 { 0 } else { FREE }).to_le_bytes());
    }
    let mut fat: Vec<u32> = vec![0xffff_fffd];
    fat.extend((2..=directory_sectors as u32).chain([END_OF_CHAIN]));
    let mut data_sectors = Vec::new();
    let mut placed = Vec::new();
    for (_, _, data) in &nodes {
        let Some(data) = data.filter(|d| !d.is_empty()) else {
            placed.push((END_OF_CHAIN, 0u32));
            continue;
        };
        let size = data.len().max(4096);
        let first = fat.len() as u32;
        let count = size.div_ceil(512) as u32;
        fat.extend((first + 1..first + count).chain([END_OF_CHAIN]));
        let mut padded = data.to_vec();
        padded.resize(count as usize * 512, 0);
        data_sectors.extend_from_slice(&padded);
        placed.push((first, size as u32));
    }
    fat.resize(128, FREE);
    let mut file = header;
    for entry in &fat {
        file.u32le(*entry);
    }
    let mut directory = vec![0u8; directory_sectors * 512];
    for (i, ((path, _, data), (start, size))) in nodes.iter().zip(&placed).enumerate() {
        let entry = &mut directory[i * 128..(i + 1) * 128];
        let name = path.rsplit('/').next().unwrap_or_default();
        let units: Vec<u16> = name.encode_utf16().take(31).collect();
        for (j, unit) in units.iter().enumerate() {
            entry[2 * j..2 * j + 2].copy_from_slice(&unit.to_le_bytes());
        }
        entry[64..66].copy_from_slice(&((units.len() as u16 + 1) * 2).to_le_bytes());
        entry[66] = if i == 0 { 5 } else if data.is_some() { 2 } else { 1 };
        let next_sibling = (i + 1..nodes.len()).find(|&j| i > 0 && nodes[j].1 == nodes[i].1);
        let first_child = (i + 1..nodes.len()).find(|&j| nodes[j].1 == i);
        let link = |n: Option<usize>| n.map_or(FREE, |n| n as u32);
        for (at, value) in [(68, FREE), (72, link(next_sibling)), (76, link(first_child))] {
            entry[at..at + 4].copy_from_slice(&value.to_le_bytes());
        }
        if i == 0 {
            entry[80..96].copy_from_slice(&root_class);
        }
        entry[116..120].copy_from_slice(&start.to_le_bytes());
        entry[120..124].copy_from_slice(&size.to_le_bytes());
    }
    file.extend_from_slice(&directory);
    file.extend_from_slice(&data_sectors);
    file
}

/// An OLE2 file whose directory lists `streams`, all empty.
pub fn ole2(streams: &[&str], root_class: [u8; 16]) -> Vec<u8> {
    let with_data: Vec<(&str, &[u8])> = streams.iter().map(|name| (*name, &[][..])).collect();
    ole2_with(&with_data, root_class)
}

/// A legacy Word document, with or without the `Macros` / `VBA` storages of a VBA project.
pub fn word_97_document(with_macros: bool) -> Vec<u8> {
    let mut streams = vec!["WordDocument", "1Table", "\u{5}SummaryInformation"];
    if with_macros {
        streams.extend_from_slice(&["Macros", "VBA", "_VBA_PROJECT", "dir", "PROJECT"]);
    }
    ole2(&streams, [0; 16])
}

/// A sheet of a sample legacy workbook: name, type (`dt`: 0 worksheet, 1 Excel
/// 4.0 macro sheet) and visibility (`hsState`: 0 visible, 2 very hidden).
pub type Sheet<'s> = (&'s str, u8, u8);

/// A legacy Excel workbook ([MS-XLS] BIFF8): the globals substream of the
/// `Workbook` stream with a BOF, one BoundSheet8 record per sheet, and EOF.
pub fn excel_97_workbook(sheets: &[Sheet]) -> Vec<u8> {
    let mut stream = Vec::new();
    let record = |kind: u16, data: &[u8], out: &mut Vec<u8>| {
        out.u16le(kind);
        out.u16le(data.len() as u16);
        out.extend_from_slice(data);
    };
    // BOF: BIFF8 (0x0600), workbook globals (0x0005).
    record(0x0809, &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], &mut stream);
    for (name, kind, visibility) in sheets {
        let mut data = vec![0, 0, 0, 0, *visibility, *kind, name.len() as u8, 0];
        data.extend_from_slice(name.as_bytes());
        record(0x0085, &data, &mut stream);
    }
    record(0x000a, &[], &mut stream);
    ole2_with(&[("Workbook", &stream), ("\u{5}SummaryInformation", &[])], [0; 16])
}

/// An MSI installer: an OLE2 file with the Windows Installer root CLSID.
pub fn windows_installer() -> Vec<u8> {
    ole2(&["\u{4840}\u{3f3f}"], [0x84, 0x10, 0x0c, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46])
}

/// `[Content_Types].xml` of an OOXML package declaring `parts` (`(name, content type)`).
fn content_types(defaults: &str, parts: &[(&str, &str)]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    );
    xml.push_str(defaults);
    for (part, content_type) in parts {
        xml.push_str(&format!(r#"<Override PartName="/{part}" ContentType="application/{content_type}"/>"#));
    }
    xml.push_str("</Types>");
    xml
}

/// An OpenDocument text (ODF 1.2 Part 3, a ZIP package); with macros it holds a
/// LibreOffice Basic library, as LibreOffice writes one: `Basic/script-lc.xml`
/// and a module `Basic/Standard/Module1.xml`.
pub fn opendocument_text(with_macros: bool) -> Vec<u8> {
    let manifest = concat!(
        r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">"#,
        r#"<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>"#,
        r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
    );
    let module = concat!(
        r#"<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" "#,
        r#"script:language="StarBasic">Sub Main
  Shell("calc")
End Sub</script:module>"#,
    );
    let mut entries = vec![
        ZipEntry::stored("mimetype", b"application/vnd.oasis.opendocument.text"),
        ZipEntry::deflated("content.xml", b"<office:document-content/>"),
        ZipEntry::deflated("META-INF/manifest.xml", manifest.as_bytes()),
    ];
    if with_macros {
        entries.push(ZipEntry::deflated("Basic/script-lc.xml", b"<library:libraries/>"));
        entries.push(ZipEntry::deflated("Basic/Standard/script-lb.xml", b"<library:library/>"));
        entries.push(ZipEntry::deflated("Basic/Standard/Module1.xml", module.as_bytes()));
    }
    zip(&entries)
}

/// A Word (OOXML) document; with macros it holds `word/vbaProject.bin` and a
/// macro-enabled content type, as Word writes a `.docm`.
pub fn word_document(with_macros: bool) -> Vec<u8> {
    let types = if with_macros {
        content_types(
            r#"<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>"#,
            &[("word/document.xml", "vnd.ms-word.document.macroEnabled.main+xml")],
        )
    } else {
        content_types(
            r#"<Default Extension="xml" ContentType="application/xml"/>"#,
            &[("word/document.xml", "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")],
        )
    };
    let body = concat!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        "<w:body><w:p><w:r><w:t>Invoice</w:t></w:r></w:p></w:body></w:document>",
    );
    let vba = word_97_document(true);
    let mut entries = vec![
        ZipEntry::deflated("[Content_Types].xml", types.as_bytes()),
        ZipEntry::deflated("_rels/.rels", b"<Relationships/>"),
        ZipEntry::deflated("word/document.xml", body.as_bytes()),
    ];
    if with_macros {
        entries.push(ZipEntry::deflated("word/vbaProject.bin", &vba));
    }
    zip(&entries)
}

/// An Excel (OOXML) workbook without macros.
pub fn spreadsheet() -> Vec<u8> {
    let types =
        content_types("", &[("xl/workbook.xml", "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")]);
    zip(&[
        ZipEntry::deflated("[Content_Types].xml", types.as_bytes()),
        ZipEntry::deflated("xl/workbook.xml", b"<workbook/>"),
        ZipEntry::deflated("xl/worksheets/sheet1.xml", b"<worksheet><sheetData/></worksheet>"),
    ])
}

/// A tiny PDF.
pub fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec()
}

/// A OneNote section ([MS-ONESTORE]): the file type GUID, a header, and one
/// FileDataStoreObject per embedded file (header GUID, length, data, footer GUID).
pub fn onenote_section(embedded: &[&[u8]]) -> Vec<u8> {
    let mut out = crate::inspect::magic::ONENOTE_SECTION_GUID.to_vec();
    out.resize(1024, 0);
    for data in embedded {
        out.extend_from_slice(&[0xe7, 0x16, 0xe3, 0xbd, 0x65, 0x26, 0x11, 0x45, 0xa4, 0xc4, 0x8d, 0x4d, 0x0b, 0x7a]);
        out.extend_from_slice(&[0x9e, 0xac]);
        out.u64le(data.len() as u64);
        out.extend_from_slice(&[0; 12]);
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(8) * 8, 0);
        out.extend_from_slice(&[0x22, 0xa7, 0xfb, 0x71, 0x79, 0x0f, 0x0b, 0x4a, 0xbb, 0x13, 0x89, 0x92, 0x56, 0x42]);
        out.extend_from_slice(&[0x6b, 0x24]);
    }
    out
}

/// `data` uuencoded as POSIX `uuencode` writes it (45 bytes a line, `` ` `` for
/// zero), named `name`, as it stands in a text body.
pub fn uuencode(name: &str, data: &[u8]) -> String {
    let char_of = |v: u8| if v == 0 { '`' } else { char::from(v + 32) };
    let mut out = format!("begin 644 {name}\n");
    for line in data.chunks(45) {
        out.push(char_of(line.len() as u8));
        for group in line.chunks(3) {
            let b = [group[0], *group.get(1).unwrap_or(&0), *group.get(2).unwrap_or(&0)];
            for v in [b[0] >> 2, (b[0] << 4 | b[1] >> 4) & 63, (b[1] << 2 | b[2] >> 6) & 63, b[2] & 63] {
                out.push(char_of(v));
            }
        }
        out.push('\n');
    }
    out.push_str("`\nend\n");
    out
}

/// A page that rebuilds `payload` in the browser and offers it as `file_name`,
/// the way HTML smuggling kits do (base64 string, `atob`, `Blob`, a link's `download`).
pub fn smuggling_page(payload: &[u8], file_name: &str) -> Vec<u8> {
    format!(
        concat!(
            "<!DOCTYPE html><html><body><p>Loading your document…</p><script>\n",
            "var data = atob(\"{}\");\nvar bytes = new Uint8Array(data.length);\n",
            "for (var i = 0; i < data.length; i++) {{ bytes[i] = data.charCodeAt(i); }}\n",
            "var blob = new Blob([bytes], {{type: 'application/octet-stream'}});\n",
            "var link = document.createElement('a'); link.href = URL.createObjectURL(blob);\n",
            "link.download = '{}'; document.body.appendChild(link); link.click();\n</script></body></html>\n",
        ),
        base64(payload),
        file_name
    )
    .into_bytes()
}

/// A saved web page with an inline picture (`data:image/png;base64,…`) and no script.
pub fn page_with_inline_picture() -> Vec<u8> {
    let mut picture = b"\x89PNG\r\n\x1a\n".to_vec();
    picture.extend((0..6000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    format!(
        "<!DOCTYPE html><html><body><h1>Order 1042</h1><img alt=\"logo\" src=\"data:image/png;base64,{}\"></body></html>\n",
        base64(&picture)
    )
    .into_bytes()
}
