//! Embedded OLE objects: the `\objdata` groups of an RTF document (hex text,
//! RTF 1.9.1 "Objects"), whose bytes are an OLE1 object ([MS-OLEDS] §2.2.4:
//! version, format, class name, topic, item, then the native data), and the
//! "Package" object inside them or in an OLE2 `\x01Ole10Native` stream: the
//! file the Packager shell saves and opens when the object is double-clicked
//! (label, source path, temporary path, size, bytes; the layout oletools'
//! oleobj and rtfobj read). ClamAV and oletools extract both.

use super::bytes::{find, le32};

/// An object found in an RTF document: its decoded bytes, and whether the
/// decoding stopped at the byte budget.
pub struct RtfObject {
    pub data: Vec<u8>,
    pub complete: bool,
}

/// The `\objdata` groups of an RTF document, decoded: at most `max_objects`,
/// and `max_bytes` decoded bytes all together. The document is read once.
pub fn rtf_objects(rtf: &[u8], max_objects: usize, max_bytes: usize) -> (Vec<RtfObject>, bool) {
    let mut objects = Vec::new();
    let mut left = max_bytes;
    let mut from = 0usize;
    while let Some(at) = find(rtf, b"\\objdata", from) {
        if objects.len() >= max_objects {
            return (objects, true);
        }
        let (object, end) = decode_hex_group(rtf, at + b"\\objdata".len(), left);
        left -= object.data.len();
        objects.push(object);
        from = end;
    }
    (objects, false)
}

/// Hex digits up to the end of the group that holds them; control words,
/// nested groups and other characters in between are skipped, as Word does
/// (rtfobj). Returns the bytes and where the group ends.
fn decode_hex_group(rtf: &[u8], start: usize, max_bytes: usize) -> (RtfObject, usize) {
    let mut data = Vec::new();
    let mut complete = true;
    let mut depth = 1usize;
    let mut high: Option<u8> = None;
    let mut i = start;
    while i < rtf.len() {
        let c = rtf[i];
        i += 1;
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            b'\\' => {
                // A control word (letters, then an optional signed number) or a control symbol.
                let letters = rtf[i..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
                let word = &rtf[i..i + letters];
                i += letters.max(1);
                if letters > 0 {
                    let minus = usize::from(rtf.get(i) == Some(&b'-'));
                    let digits = rtf[(i + minus).min(rtf.len())..].iter().take_while(|b| b.is_ascii_digit()).count();
                    let number = &rtf[i + minus..i + minus + digits];
                    i += minus + digits;
                    // `\binN`: N raw bytes follow.
                    if word == b"bin" {
                        let n: usize = std::str::from_utf8(number).ok().and_then(|n| n.parse().ok()).unwrap_or(0);
                        i = i.saturating_add(n);
                    }
                    if rtf.get(i) == Some(&b' ') {
                        i += 1;
                    }
                }
            }
            _ => {
                let Some(nibble) = (c as char).to_digit(16) else { continue };
                match high.take() {
                    None => high = Some(nibble as u8),
                    Some(h) if data.len() < max_bytes => data.push((h << 4) | nibble as u8),
                    Some(_) => complete = false,
                }
            }
        }
    }
    (RtfObject { data, complete }, i)
}

/// An OLE1 embedded object: its class name (`Package`, `Word.Document.8`, …)
/// and its native data (cut to what is there).
pub fn ole1_native(object: &[u8]) -> Option<(String, &[u8])> {
    // OLEVersion, FormatID (2: embedded; 1 is a link, which has no data).
    if le32(object, 4)? != 2 {
        return None;
    }
    let (class, at) = length_prefixed(object, 8)?;
    let (_topic, at) = length_prefixed(object, at)?;
    let (_item, at) = length_prefixed(object, at)?;
    let size = le32(object, at)? as usize;
    let data = object.get(at + 4..)?;
    Some((class, &data[..data.len().min(size)]))
}

/// `LengthPrefixedAnsiString` ([MS-OLEDS] §2.1.4): a length with the NUL, then the bytes.
fn length_prefixed(bytes: &[u8], at: usize) -> Option<(String, usize)> {
    let length = le32(bytes, at)? as usize;
    let text = bytes.get(at + 4..(at + 4).checked_add(length)?)?;
    Some((latin1(text), at + 4 + length))
}

/// The file a Package object carries.
#[derive(Debug, PartialEq, Eq)]
pub struct Package<'a> {
    /// The label shown on the icon (a file name).
    pub label: String,
    /// The path the file was packaged from.
    pub source_path: String,
    /// The path the Packager writes the file to and opens.
    pub temp_path: String,
    pub data: &'a [u8],
    /// The data is all there (not cut by the end of the stream).
    pub complete: bool,
}

impl Package<'_> {
    /// The names the file goes by, the one the Packager opens first:
    /// the temporary path's last part, the source path's, the label.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for path in [&self.temp_path, &self.source_path, &self.label] {
            let name = path.rsplit(['\\', '/']).next().unwrap_or_default().trim();
            if !name.is_empty() && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
        names
    }
}

/// The Package layout: a type (u16), the label and the source path (NUL
/// ended), two words, the temporary path (NUL ended), the size, the bytes.
/// An `\x01Ole10Native` stream has its total size first (`sized`).
pub fn package(native: &[u8], sized: bool) -> Option<Package<'_>> {
    let mut at = if sized { 4 } else { 0 } + 2;
    let label = nul_ended(native, &mut at)?;
    let source_path = nul_ended(native, &mut at)?;
    at += 8;
    let temp_path = nul_ended(native, &mut at)?;
    let size = le32(native, at)? as usize;
    let rest = native.get(at + 4..)?;
    let data = &rest[..rest.len().min(size)];
    Some(Package { label, source_path, temp_path, data, complete: data.len() == size })
}

/// A NUL-ended string at `*at` (at most 260 bytes, MAX_PATH); moves `*at` past it.
fn nul_ended(bytes: &[u8], at: &mut usize) -> Option<String> {
    const MAX_PATH: usize = 260;
    let rest = bytes.get(*at..)?;
    let length = rest.iter().take(MAX_PATH + 1).position(|&b| b == 0)?;
    *at += length + 1;
    Some(latin1(&rest[..length]))
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().take_while(|&&b| b != 0).map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::attachments::samples;

    #[test]
    fn an_rtf_package_object_gives_its_file() {
        let object = samples::ole1_object("Package", &samples::ole_package("run.exe", b"MZ-program", false));
        let hex: String = object.iter().map(|b| format!("{b:02x}")).collect();
        // Hex cut by line breaks, a control word and an empty group, as droppers write it.
        let (head, tail) = hex.split_at(40);
        let rtf = format!("{{\\rtf1{{\\object\\objemb{{\\*\\objdata {head}\r\n{{}}\\par {tail}}}}}}}");
        let (objects, more) = rtf_objects(rtf.as_bytes(), 10, 1 << 20);
        assert!(!more);
        assert_eq!(objects.len(), 1);
        assert!(objects[0].complete);
        let (class, native) = ole1_native(&objects[0].data).unwrap();
        assert_eq!(class, "Package");
        let package = package(native, false).unwrap();
        assert_eq!(package.data, b"MZ-program");
        assert!(package.complete);
        assert_eq!(package.names(), vec!["run.exe".to_string()]);
    }

    #[test]
    fn an_ole10native_stream_and_its_names() {
        let mut bytes = samples::ole_package("invoice.pdf", b"data", true);
        // The temporary path names another file than the label: both are given, the path first.
        let stored = bytes.windows(15).rposition(|w| w == b"\\a\\invoice.pdf\0".as_slice()).unwrap();
        bytes[stored + 3..stored + 14].copy_from_slice(b"invoice.vbs");
        let package = package(&bytes, true).unwrap();
        assert_eq!(package.names(), vec!["invoice.vbs".to_string(), "invoice.pdf".to_string()]);
        assert_eq!(package.data, b"data");
        assert_eq!(super::package(&bytes[..30], true), None);
    }

    #[test]
    fn decoding_stops_at_the_budget_and_the_object_count() {
        let rtf = b"{\\rtf1{\\*\\objdata 4142434445}{\\*\\objdata 4647}{\\*\\objdata 48}}";
        let (objects, more) = rtf_objects(rtf, 2, 3);
        assert!(more);
        assert_eq!(objects[0].data, b"ABC");
        assert!(!objects[0].complete);
        assert_eq!(objects[1].data, b"");
        assert_eq!(ole1_native(b"short"), None);
    }
}
