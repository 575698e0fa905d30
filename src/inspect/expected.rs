//! What the content of a file may be, given its declared MIME type (RFC 2045 §5)
//! or its extension: the `TypeMismatch` fact is a content that is none of these.

use super::magic::Format;

/// What a declared type or extension accepts.
pub enum Expected {
    OneOf(&'static [Format]),
    /// Text: any format we recognise is binary, except scripts and markup.
    Text,
}

impl Expected {
    pub fn accepts(&self, detected: Format) -> bool {
        match self {
            Expected::OneOf(formats) => formats.contains(&detected),
            Expected::Text => matches!(detected, Format::ShebangScript | Format::Html | Format::WindowsScript),
        }
    }
}

const IMAGES: &[Format] = &[Format::Jpeg, Format::Png, Format::Gif];
const ZIP_BASED: &[Format] = &[Format::Zip];
/// Legacy Office types are OLE2, but mailers label newer files with them too.
const OFFICE_LEGACY: &[Format] = &[Format::Ole2, Format::Zip];

/// The content a declared MIME type promises; generic types promise nothing.
pub fn by_type(content_type: &str) -> Option<Expected> {
    let t = content_type.trim().to_ascii_lowercase();
    Some(match t.as_str() {
        "application/pdf" => Expected::OneOf(&[Format::Pdf]),
        "image/jpeg" | "image/jpg" | "image/pjpeg" | "image/png" | "image/gif" => Expected::OneOf(IMAGES),
        "application/zip"
        | "application/x-zip-compressed"
        | "application/x-zip"
        | "application/java-archive"
        | "application/epub+zip" => Expected::OneOf(ZIP_BASED),
        "application/msword" | "application/vnd.ms-excel" | "application/vnd.ms-powerpoint" => {
            Expected::OneOf(OFFICE_LEGACY)
        }
        "application/x-rar-compressed" | "application/vnd.rar" => Expected::OneOf(&[Format::Rar]),
        "application/x-7z-compressed" => Expected::OneOf(&[Format::SevenZip]),
        "application/gzip" | "application/x-gzip" => Expected::OneOf(&[Format::Gzip]),
        "application/x-tar" => Expected::OneOf(&[Format::Tar]),
        "application/onenote" => Expected::OneOf(&[Format::OneNote]),
        "application/ms-tnef" | "application/vnd.ms-tnef" => Expected::OneOf(&[Format::Tnef]),
        "application/rtf" | "text/rtf" => Expected::OneOf(&[Format::Rtf]),
        "text/plain" | "text/csv" | "text/html" | "text/xml" | "text/calendar" | "application/xml"
        | "application/json" => Expected::Text,
        _ if t.starts_with("application/vnd.openxmlformats-officedocument.")
            || t.starts_with("application/vnd.oasis.opendocument.")
            || t.contains("macroenabled") =>
        {
            Expected::OneOf(ZIP_BASED)
        }
        _ => return None,
    })
}

/// The content an extension promises; extensions not listed promise nothing.
pub fn by_extension(extension: &str) -> Option<Expected> {
    Some(match extension {
        "pdf" => Expected::OneOf(&[Format::Pdf]),
        "jpg" | "jpeg" | "png" | "gif" => Expected::OneOf(IMAGES),
        "zip" | "docx" | "xlsx" | "pptx" | "docm" | "xlsm" | "pptm" | "odt" | "ods" | "odp" | "epub" | "jar"
        | "apk" => Expected::OneOf(ZIP_BASED),
        "doc" | "xls" | "ppt" => Expected::OneOf(OFFICE_LEGACY),
        "msi" => Expected::OneOf(&[Format::Ole2]),
        "rar" => Expected::OneOf(&[Format::Rar]),
        "7z" => Expected::OneOf(&[Format::SevenZip]),
        "gz" | "tgz" => Expected::OneOf(&[Format::Gzip]),
        "tar" => Expected::OneOf(&[Format::Tar]),
        "cab" => Expected::OneOf(&[Format::Cab]),
        "one" => Expected::OneOf(&[Format::OneNote]),
        "rtf" => Expected::OneOf(&[Format::Rtf]),
        "iso" => Expected::OneOf(&[Format::Iso9660]),
        "vhd" => Expected::OneOf(&[Format::Vhd]),
        "vhdx" => Expected::OneOf(&[Format::Vhdx]),
        "exe" | "dll" | "scr" | "cpl" | "ocx" | "sys" => Expected::OneOf(&[Format::WindowsPe]),
        "txt" | "csv" | "log" | "htm" | "html" | "xml" | "json" | "ics" | "vcf" => Expected::Text,
        _ => return None,
    })
}
