//! The file names of a 7-Zip archive, read from its header without unpacking
//! anything (7-Zip's `DOC/7zFormat.txt`). 7-Zip compresses the header itself by
//! default (LZMA) and encrypts it with `-mhe`: then the names cannot be read
//! here (there is no LZMA decoder in the engine, on purpose: size), and the
//! listing says which of the two it is. A header stored plain (`-mhc=off`) or
//! packed with Deflate or Copy is read.

use super::bytes::le64;
use super::inflate;

/// The 7z signature (7zFormat.txt, SignatureHeader).
pub const SIGNATURE: [u8; 6] = [b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c];

/// Largest header inflated when it is packed with Deflate (default, ours: a
/// header lists names and sizes; 10,000 names take well under 1 MB).
pub const MAX_HEADER_BYTES: usize = 4_000_000;

/// What could be read of the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderState {
    /// Read: `names` are the files of the archive.
    Read,
    /// The header is compressed with a method not read here (LZMA, LZMA2, PPMd, BZip2).
    Compressed,
    /// The header is encrypted (AES-256): names and data are hidden.
    Encrypted,
    /// The header is truncated or malformed.
    Broken,
}

/// The listing of a 7z archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub header: HeaderState,
    /// File names (directories left out).
    pub names: Vec<String>,
    /// More files than the caller's maximum were left out.
    pub more: bool,
    /// Some data is encrypted (an AES coder in a folder of the main streams).
    pub data_encrypted: bool,
}

/// Property ids of 7zFormat.txt.
mod id {
    pub const END: u64 = 0x00;
    pub const HEADER: u64 = 0x01;
    pub const ARCHIVE_PROPERTIES: u64 = 0x02;
    pub const ADDITIONAL_STREAMS_INFO: u64 = 0x03;
    pub const MAIN_STREAMS_INFO: u64 = 0x04;
    pub const FILES_INFO: u64 = 0x05;
    pub const PACK_INFO: u64 = 0x06;
    pub const UNPACK_INFO: u64 = 0x07;
    pub const SUBSTREAMS_INFO: u64 = 0x08;
    pub const SIZE: u64 = 0x09;
    pub const CRC: u64 = 0x0a;
    pub const FOLDER: u64 = 0x0b;
    pub const CODERS_UNPACK_SIZE: u64 = 0x0c;
    pub const NUM_UNPACK_STREAM: u64 = 0x0d;
    pub const EMPTY_STREAM: u64 = 0x0e;
    pub const EMPTY_FILE: u64 = 0x0f;
    pub const NAME: u64 = 0x11;
    pub const ENCODED_HEADER: u64 = 0x17;
}

/// Coder ids (7-Zip's `DOC/Methods.txt`).
const AES_256_SHA_256: &[u8] = &[0x06, 0xf1, 0x07, 0x01];
const COPY: &[u8] = &[0x00];
const DEFLATE: &[u8] = &[0x04, 0x01, 0x08];

/// Lists at most `max_names` file names of the 7z archive in `bytes`.
pub fn listing(bytes: &[u8], max_names: usize) -> Listing {
    let broken = Listing { header: HeaderState::Broken, names: Vec::new(), more: false, data_encrypted: false };
    if !bytes.starts_with(&SIGNATURE) {
        return broken;
    }
    let (Some(offset), Some(size)) = (le64(bytes, 12), le64(bytes, 20)) else { return broken };
    let start = usize::try_from(offset).ok().and_then(|o| o.checked_add(32));
    let end = start.zip(usize::try_from(size).ok()).and_then(|(s, n)| s.checked_add(n));
    let Some(header) = start.zip(end).and_then(|(s, e)| bytes.get(s..e)) else { return broken };
    let mut reader = Reader { bytes: header, at: 0 };
    let parsed = match reader.number() {
        Some(id::HEADER) => reader.header(max_names),
        Some(id::ENCODED_HEADER) => encoded_header(bytes, &mut reader, max_names),
        _ => None,
    };
    parsed.unwrap_or(broken)
}

/// The header is packed: read it when the packing is Copy or Deflate, else say why not.
fn encoded_header(archive: &[u8], reader: &mut Reader, max_names: usize) -> Option<Listing> {
    let streams = reader.streams_info()?;
    let folder = streams.folders.first()?;
    let state = if folder.coders.iter().any(|c| c == AES_256_SHA_256) {
        HeaderState::Encrypted
    } else if folder.coders.len() == 1 && (folder.coders[0] == COPY || folder.coders[0] == DEFLATE) {
        let start = usize::try_from(streams.pack_position).ok()?.checked_add(32)?;
        let size = usize::try_from(*streams.pack_sizes.first()?).ok()?;
        let packed = archive.get(start..start.checked_add(size)?.min(archive.len()))?;
        let unpacked = if folder.coders[0] == COPY {
            packed.to_vec()
        } else {
            let inflated = inflate::inflate_bounded(packed, MAX_HEADER_BYTES);
            if !inflated.complete {
                return None;
            }
            inflated.bytes
        };
        let mut inner = Reader { bytes: &unpacked, at: 0 };
        return match inner.number()? {
            id::HEADER => inner.header(max_names),
            _ => None,
        };
    } else {
        HeaderState::Compressed
    };
    Some(Listing { header: state, names: Vec::new(), more: false, data_encrypted: state == HeaderState::Encrypted })
}

#[derive(Debug, Default)]
struct Folder {
    coders: Vec<Vec<u8>>,
    has_crc: bool,
    unpack_streams: u64,
}

#[derive(Debug, Default)]
struct StreamsInfo {
    pack_position: u64,
    pack_sizes: Vec<u64>,
    folders: Vec<Folder>,
}

/// A cursor over header bytes; every read is bounded by the slice, so counts
/// taken from the input cannot make a loop outrun it.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn take(&mut self, n: u64) -> Option<&[u8]> {
        let n = usize::try_from(n).ok()?;
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }

    /// 7zFormat.txt "NUMBER": the high bits of the first byte count the bytes that follow.
    fn number(&mut self) -> Option<u64> {
        let first = self.byte()?;
        let mut mask = 0x80u8;
        let mut value = 0u64;
        for i in 0..8 {
            if first & mask == 0 {
                let high = u64::from(first & mask.wrapping_sub(1));
                return Some(value | (high << (8 * i)));
            }
            value |= u64::from(self.byte()?) << (8 * i);
            mask >>= 1;
        }
        Some(value)
    }

    /// A bit vector of `n` items, or "all defined" (one byte) then the vector when not.
    fn defined(&mut self, n: u64) -> Option<Vec<bool>> {
        if self.byte()? != 0 {
            return Some(vec![true; usize::try_from(n).ok().filter(|&n| n <= self.bytes.len() * 8 + 8)?]);
        }
        self.bits(n)
    }

    fn bits(&mut self, n: u64) -> Option<Vec<bool>> {
        let bytes = self.take(n.div_ceil(8))?;
        Some((0..n as usize).map(|i| bytes[i / 8] & (0x80 >> (i % 8)) != 0).collect())
    }

    /// Digests: the defined vector, then a CRC32 per defined item.
    fn digests(&mut self, n: u64) -> Option<Vec<bool>> {
        let defined = self.defined(n)?;
        let count = defined.iter().filter(|&&d| d).count() as u64;
        self.take(count.checked_mul(4)?)?;
        Some(defined)
    }

    /// Property blocks `id size data` up to kEnd.
    fn skip_properties(&mut self) -> Option<()> {
        loop {
            if self.number()? == id::END {
                return Some(());
            }
            let size = self.number()?;
            self.take(size)?;
        }
    }

    fn header(&mut self, max_names: usize) -> Option<Listing> {
        let mut next = self.number()?;
        if next == id::ARCHIVE_PROPERTIES {
            self.skip_properties()?;
            next = self.number()?;
        }
        if next == id::ADDITIONAL_STREAMS_INFO {
            self.streams_info()?;
            next = self.number()?;
        }
        let mut data_encrypted = false;
        if next == id::MAIN_STREAMS_INFO {
            let streams = self.streams_info()?;
            data_encrypted = streams.folders.iter().any(|f| f.coders.iter().any(|c| c == AES_256_SHA_256));
            next = self.number()?;
        }
        let mut listing = Listing { header: HeaderState::Read, names: Vec::new(), more: false, data_encrypted };
        if next == id::FILES_INFO {
            let (names, more) = self.files_info(max_names)?;
            listing.names = names;
            listing.more = more;
        }
        Some(listing)
    }

    fn streams_info(&mut self) -> Option<StreamsInfo> {
        let mut info = StreamsInfo::default();
        loop {
            match self.number()? {
                id::END => return Some(info),
                id::PACK_INFO => {
                    info.pack_position = self.number()?;
                    let count = self.number()?;
                    loop {
                        match self.number()? {
                            id::END => break,
                            id::SIZE => {
                                for _ in 0..count {
                                    let size = self.number()?;
                                    info.pack_sizes.push(size);
                                }
                            }
                            id::CRC => {
                                self.digests(count)?;
                            }
                            _ => return None,
                        }
                    }
                }
                id::UNPACK_INFO => self.unpack_info(&mut info.folders)?,
                id::SUBSTREAMS_INFO => self.substreams_info(&mut info.folders)?,
                _ => return None,
            }
        }
    }

    fn unpack_info(&mut self, folders: &mut Vec<Folder>) -> Option<()> {
        if self.number()? != id::FOLDER {
            return None;
        }
        let count = self.number()?;
        if self.byte()? != 0 {
            return None; // "External": folders stored elsewhere, never written by 7-Zip.
        }
        let mut out_streams = Vec::new();
        for _ in 0..count {
            let (folder, outs) = self.folder()?;
            folders.push(folder);
            out_streams.push(outs);
        }
        if self.number()? != id::CODERS_UNPACK_SIZE {
            return None;
        }
        for outs in out_streams {
            for _ in 0..outs {
                self.number()?;
            }
        }
        loop {
            match self.number()? {
                id::END => return Some(()),
                id::CRC => {
                    let defined = self.digests(folders.len() as u64)?;
                    for (folder, has) in folders.iter_mut().zip(defined) {
                        folder.has_crc = has;
                    }
                }
                _ => return None,
            }
        }
    }

    /// A folder: its coders (their method ids) and its number of output streams.
    fn folder(&mut self) -> Option<(Folder, u64)> {
        let coder_count = self.number()?;
        let mut folder = Folder { unpack_streams: 1, ..Folder::default() };
        let (mut ins, mut outs) = (0u64, 0u64);
        for _ in 0..coder_count {
            let flags = self.byte()?;
            let method = self.take(u64::from(flags & 0x0f))?.to_vec();
            if flags & 0x10 != 0 {
                ins = ins.checked_add(self.number()?)?;
                outs = outs.checked_add(self.number()?)?;
            } else {
                ins += 1;
                outs += 1;
            }
            if flags & 0x20 != 0 {
                let size = self.number()?;
                self.take(size)?;
            }
            folder.coders.push(method);
        }
        let bind_pairs = outs.checked_sub(1)?;
        for _ in 0..bind_pairs {
            self.number()?;
            self.number()?;
        }
        let packed = ins.checked_sub(bind_pairs)?;
        if packed > 1 {
            for _ in 0..packed {
                self.number()?;
            }
        }
        Some((folder, outs))
    }

    fn substreams_info(&mut self, folders: &mut [Folder]) -> Option<()> {
        let mut next = self.number()?;
        if next == id::NUM_UNPACK_STREAM {
            for folder in folders.iter_mut() {
                folder.unpack_streams = self.number()?;
            }
            next = self.number()?;
        }
        if next == id::SIZE {
            for folder in folders.iter() {
                for _ in 1..folder.unpack_streams.max(1) {
                    self.number()?;
                }
            }
            next = self.number()?;
        }
        if next == id::CRC {
            let unknown: u64 = folders
                .iter()
                .map(|f| if f.unpack_streams == 1 && f.has_crc { 0 } else { f.unpack_streams })
                .fold(0u64, u64::saturating_add);
            self.digests(unknown)?;
            next = self.number()?;
        }
        (next == id::END).then_some(())
    }

    /// The FilesInfo block: names (UTF-16LE, zero-terminated), and the empty-stream
    /// and empty-file vectors that tell directories (empty stream, not an empty file).
    fn files_info(&mut self, max_names: usize) -> Option<(Vec<String>, bool)> {
        let count = self.number()?;
        let mut names: Vec<String> = Vec::new();
        let mut more = false;
        let mut empty_stream: Vec<bool> = Vec::new();
        let mut empty_file: Vec<bool> = Vec::new();
        loop {
            let property = self.number()?;
            if property == id::END {
                break;
            }
            let size = self.number()?;
            let data = self.take(size)?;
            let mut inner = Reader { bytes: data, at: 0 };
            match property {
                id::EMPTY_STREAM => empty_stream = inner.bits(count)?,
                id::EMPTY_FILE => {
                    let empties = empty_stream.iter().filter(|&&e| e).count() as u64;
                    empty_file = inner.bits(empties)?;
                }
                id::NAME => {
                    if inner.byte()? != 0 {
                        return None;
                    }
                    let units: Vec<u16> =
                        data[1..].chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
                    for name in units.split(|&u| u == 0).take(usize::try_from(count).unwrap_or(usize::MAX)) {
                        if names.len() >= max_names {
                            more = true;
                            break;
                        }
                        names.push(String::from_utf16_lossy(name));
                    }
                }
                _ => {}
            }
        }
        // Directories: an empty stream that is not an empty file.
        let mut empty_index = 0usize;
        let mut files = Vec::with_capacity(names.len());
        for (i, name) in names.into_iter().enumerate() {
            let is_empty_stream = empty_stream.get(i).copied().unwrap_or(false);
            let is_directory = is_empty_stream && !empty_file.get(empty_index).copied().unwrap_or(false);
            if is_empty_stream {
                empty_index += 1;
            }
            if !is_directory {
                files.push(name);
            }
        }
        Some((files, more))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_7z_encoding() {
        let read = |bytes: &[u8]| Reader { bytes, at: 0 }.number();
        assert_eq!(read(&[0x05]), Some(5));
        assert_eq!(read(&[0x81, 0x02]), Some(0x0102));
        assert_eq!(read(&[0xc0, 0x34, 0x12]), Some(0x1234));
        assert_eq!(read(&[0xff, 1, 0, 0, 0, 0, 0, 0, 0]), Some(1));
        assert_eq!(read(&[0x81]), None);
    }

    #[test]
    fn a_signature_alone_is_broken_not_a_panic() {
        assert_eq!(listing(&SIGNATURE, 10).header, HeaderState::Broken);
        let mut huge = SIGNATURE.to_vec();
        huge.extend_from_slice(&[0, 4, 0, 0, 0, 0]);
        huge.extend_from_slice(&u64::MAX.to_le_bytes());
        huge.extend_from_slice(&u64::MAX.to_le_bytes());
        huge.extend_from_slice(&[0; 4]);
        assert_eq!(listing(&huge, 10).header, HeaderState::Broken);
    }
}
