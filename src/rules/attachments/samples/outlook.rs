//! Sample carriers of attached files that are not archives: TNEF
//! (`winmail.dat`), Outlook items (`.msg`), RTF documents with OLE objects
//! and OLE "Package" objects.

use super::ole2_with;

/// One TNEF attribute ([MS-OXTNEF] §2.1.3.1): level, id, length, bytes, checksum.
fn tnef_attribute(level: u8, id: u32, data: &[u8]) -> Vec<u8> {
    let mut out = vec![level];
    out.extend_from_slice(&id.to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    let sum = data.iter().map(|&b| u32::from(b)).sum::<u32>() as u16;
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// `attAttachment` properties holding only `PidTagAttachLongFilename` (PT_UNICODE).
fn long_name_properties(name: &str) -> Vec<u8> {
    let mut list = 2u32.to_le_bytes().to_vec();
    // PidTagAttachMethod (PT_LONG) = 1, then the name.
    list.extend_from_slice(&[0x03, 0x00, 0x05, 0x37, 1, 0, 0, 0]);
    list.extend_from_slice(&[0x1f, 0x00, 0x07, 0x37, 1, 0, 0, 0]);
    let mut value: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    value.extend_from_slice(&[0, 0]);
    list.extend_from_slice(&(value.len() as u32).to_le_bytes());
    value.resize(value.len().div_ceil(4) * 4, 0);
    list.extend_from_slice(&value);
    list
}

/// A TNEF stream (`winmail.dat`) carrying `files`: title, optional long name, bytes.
pub fn tnef(files: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut out = crate::inspect::tnef::SIGNATURE.to_vec();
    out.extend_from_slice(&[0x12, 0x34]);
    // attTnefVersion, attMessageClass.
    out.extend(tnef_attribute(1, 0x0008_9006, &0x0001_0000u32.to_le_bytes()));
    out.extend(tnef_attribute(1, 0x0007_8008, b"IPM.Microsoft Mail.Note\0"));
    for (title, long, data) in files {
        out.extend(tnef_attribute(2, 0x0006_9002, &[0; 14]));
        out.extend(tnef_attribute(2, 0x0001_8010, format!("{title}\0").as_bytes()));
        out.extend(tnef_attribute(2, 0x0006_800f, data));
        if let Some(long) = long {
            out.extend(tnef_attribute(2, 0x0006_9005, &long_name_properties(long)));
        }
    }
    out
}

/// A Package object carrying `data` as `name` (`sized`: with the total size
/// first, as in an `\x01Ole10Native` stream).
pub fn ole_package(name: &str, data: &[u8], sized: bool) -> Vec<u8> {
    let source = format!("C:\\Users\\a\\{name}\0");
    let mut native = 2u16.to_le_bytes().to_vec();
    native.extend_from_slice(format!("{name}\0").as_bytes());
    native.extend_from_slice(source.as_bytes());
    native.extend_from_slice(&0x0003_0000u32.to_le_bytes());
    native.extend_from_slice(&(source.len() as u32).to_le_bytes());
    native.extend_from_slice(source.as_bytes());
    native.extend_from_slice(&(data.len() as u32).to_le_bytes());
    native.extend_from_slice(data);
    if !sized {
        return native;
    }
    let mut out = (native.len() as u32).to_le_bytes().to_vec();
    out.extend(native);
    out
}

/// An OLE1 embedded object of `class` ([MS-OLEDS] §2.2.4).
pub fn ole1_object(class: &str, native: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = [0x0501u32, 2, class.len() as u32 + 1].iter().flat_map(|v| v.to_le_bytes()).collect();
    out.extend_from_slice(format!("{class}\0").as_bytes());
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&(native.len() as u32).to_le_bytes());
    out.extend_from_slice(native);
    out
}

/// An RTF document embedding `object` (OLE1 bytes) as hex, in lines of 64 digits.
pub fn rtf_with_object(object: &[u8]) -> Vec<u8> {
    let hex: Vec<String> = object.chunks(32).map(|c| c.iter().map(|b| format!("{b:02x}")).collect()).collect();
    format!(
        "{{\\rtf1\\ansi Please see the attached file.\\par{{\\object\\objemb{{\\*\\objclass Package}}\\objw100\\objh100{{\\*\\objdata\r\n{}}}}}}}",
        hex.join("\r\n")
    )
    .into_bytes()
}

/// An OLE2 file whose `\x01Ole10Native` stream is a Package carrying `data` as `name`
/// (what Word stores as `word/embeddings/oleObject1.bin`).
pub fn ole_package_object(name: &str, data: &[u8]) -> Vec<u8> {
    let native = ole_package(name, data, true);
    ole2_with(&[("\u{1}Ole10Native", &native), ("\u{1}CompObj", &[1, 0])], [0; 16])
}

/// An Outlook item (`.msg`, [MS-OXMSG]) with one attachment storage per file.
pub fn outlook_item(files: &[(&str, &[u8])]) -> Vec<u8> {
    let subject: Vec<u8> = "Invoice".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut streams: Vec<(String, Vec<u8>)> = vec![("__substg1.0_0037001F".into(), subject)];
    for (i, (name, data)) in files.iter().enumerate() {
        let storage = format!("__attach_version1.0_#{i:08X}");
        let name: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        streams.push((format!("{storage}/__substg1.0_3707001F"), name));
        streams.push((format!("{storage}/__substg1.0_37010102"), data.to_vec()));
    }
    streams.push(("__properties_version1.0".into(), vec![0; 32]));
    let refs: Vec<(&str, &[u8])> = streams.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    ole2_with(&refs, [0; 16])
}
