//! A small real Word document (the receipt's three lines), built at test time so the
//! repository holds no binary file: the attachment the mailers put in `receipt-docx`.

use super::png::crc32;

/// The parts of a minimal WordprocessingML package (ECMA-376 Part 1 §11.2, Part 2 §9:
/// the content types, the package relationship to the main document, the document).
fn parts() -> [(&'static str, String); 3] {
    let lines = ["Receipt RCPT-2026-1043", "Order 1043, paid on 12 March 2026 by card ending in 4242", "Total: 256.00 EUR"];
    let paragraphs: String = lines.iter().map(|line| format!("<w:p><w:r><w:t>{line}</w:t></w:r></w:p>")).collect();
    let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
    [
        (
            "[Content_Types].xml",
            format!(
                r#"{xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"{xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
            ),
        ),
        (
            "word/document.xml",
            format!(
                r#"{xml}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>"#
            ),
        ),
    ]
}

/// The package as a ZIP file (PKWARE APPNOTE 6.3: a local header and the deflated
/// data per part, then the central directory and its end record), as word
/// processors write it: every part deflated (method 8).
pub fn receipt_docx() -> Vec<u8> {
    let mut zip = Vec::new();
    let mut central = Vec::new();
    let parts = parts();
    for (name, text) in &parts {
        let data = text.as_bytes();
        let packed = miniz_oxide::deflate::compress_to_vec(data, 9);
        let offset = zip.len() as u32;
        // version needed 2.0, no flags, deflate, time 00:00 and date 2026-03-12 (MS-DOS format).
        let common = |out: &mut Vec<u8>| {
            for v in [20u16, 0, 8, 0, ((2026 - 1980) << 9) | (3 << 5) | 12] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc32(data), packed.len() as u32, data.len() as u32] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        };
        zip.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut zip);
        zip.extend_from_slice(name.as_bytes());
        zip.extend_from_slice(&packed);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        common(&mut central);
        // comment length, disk number, internal and external attributes, local header offset
        for v in [0u16, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let directory_at = zip.len() as u32;
    zip.extend_from_slice(&central);
    zip.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, parts.len() as u16, parts.len() as u16] {
        zip.extend_from_slice(&v.to_le_bytes());
    }
    zip.extend_from_slice(&(central.len() as u32).to_le_bytes());
    zip.extend_from_slice(&directory_at.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes()); // comment length
    zip
}

#[test]
fn the_receipt_is_a_valid_zip_whose_parts_inflate_to_their_text_and_check() {
    let zip = receipt_docx();
    let u16_at = |at: usize| u16::from_le_bytes(zip[at..at + 2].try_into().unwrap()) as usize;
    let u32_at = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap());
    // The end of central directory record: the last 22 bytes (no comment).
    let end = zip.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50);
    let (count, directory) = (u16_at(end + 10), u32_at(end + 16) as usize);
    assert_eq!(count, parts().len());
    let mut at = directory;
    for (name, text) in parts() {
        assert_eq!(u32_at(at), 0x0201_4b50, "central header of {name}");
        let (crc, packed, size, name_len) = (u32_at(at + 16), u32_at(at + 20) as usize, u32_at(at + 24), u16_at(at + 28));
        assert_eq!(&zip[at + 46..at + 46 + name_len], name.as_bytes());
        let local = u32_at(at + 42) as usize;
        assert_eq!(u32_at(local), 0x0403_4b50, "local header of {name}");
        let data_at = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        let data = miniz_oxide::inflate::decompress_to_vec(&zip[data_at..data_at + packed]).expect("the part inflates");
        assert_eq!(data, text.as_bytes());
        assert_eq!((crc, size as usize), (crc32(&data), data.len()));
        at += 46 + name_len;
    }
    assert_eq!(at, end);
}
