//! The sheet list of a legacy Excel workbook ([MS-XLS] BIFF8, in the OLE2
//! `Workbook` stream): Excel 4.0 (XLM) macro sheets, the macros that need no VBA
//! project and that attackers hide as "very hidden" sheets, and the FILEPASS
//! record of a password-protected workbook.

use super::bytes::le16;

/// Bytes of the `Workbook` stream read: the sheet list sits in the globals
/// substream at its start (default, ours: real globals are tens of kilobytes).
pub const MAX_GLOBALS_BYTES: usize = 1_000_000;

/// A sheet of the workbook ([MS-XLS] §2.4.28 BoundSheet8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    /// `dt`: 0 worksheet, 1 macro sheet, 2 chart, 6 VBA module.
    pub kind: u8,
    /// `hsState`: 0 visible, 1 hidden, 2 very hidden (only code can show it).
    pub visibility: u8,
}

impl Sheet {
    pub fn is_macro_sheet(&self) -> bool {
        self.kind == 1
    }
}

/// What the globals substream says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Globals {
    pub sheets: Vec<Sheet>,
    /// A FILEPASS record: the rest of the stream is encrypted ([MS-XLS] §2.4.117).
    pub encrypted: bool,
}

/// Reads the records of the globals substream, up to its EOF record.
pub fn read_globals(stream: &[u8]) -> Globals {
    const BOF: u16 = 0x0809;
    const EOF: u16 = 0x000a;
    const FILEPASS: u16 = 0x002f;
    const BOUNDSHEET: u16 = 0x0085;
    let mut globals = Globals::default();
    if le16(stream, 0) != Some(BOF) {
        return globals;
    }
    let mut at = 0usize;
    while let (Some(kind), Some(length)) = (le16(stream, at), le16(stream, at + 2)) {
        let data = stream.get(at + 4..at + 4 + usize::from(length)).unwrap_or(&[]);
        match kind {
            EOF => break,
            FILEPASS => {
                globals.encrypted = true;
                break;
            }
            BOUNDSHEET if data.len() >= 8 => {
                let count = usize::from(data[6]);
                let wide = data[7] & 0x01 != 0;
                let text = &data[8..];
                let name = if wide {
                    let units: Vec<u16> =
                        text.chunks_exact(2).take(count).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
                    String::from_utf16_lossy(&units)
                } else {
                    text.iter().take(count).map(|&b| char::from(b)).collect()
                };
                globals.sheets.push(Sheet { name, kind: data[5], visibility: data[4] & 0x03 });
            }
            _ => {}
        }
        at += 4 + usize::from(length);
    }
    globals
}
