//! Raw deflate (RFC 1951) into a buffer that never grows past a caller-given
//! bound: sizes declared by an archive are never trusted for allocation.

use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// What came out of a bounded inflate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inflated {
    pub bytes: Vec<u8>,
    /// The stream ended within the bound (false: the output was cut at `limit`).
    pub complete: bool,
    /// The stream is corrupt or truncated; `bytes` holds what was decoded before.
    pub corrupt: bool,
}

/// First allocation of the output buffer; it doubles up to the limit, so a
/// small output never costs the limit's worth of memory.
const INITIAL_OUTPUT_BYTES: usize = 16 * 1024;

/// Inflates raw deflate data, producing at most `limit` bytes.
pub fn inflate_bounded(input: &[u8], limit: usize) -> Inflated {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0u8; INITIAL_OUTPUT_BYTES.min(limit)];
    let mut decompressor = Box::<DecompressorOxide>::default();
    let mut input = input;
    let mut written = 0usize;
    loop {
        let (status, consumed, produced) = decompress(&mut decompressor, input, &mut out, written, flags);
        written = (written + produced).min(out.len());
        input = input.get(consumed..).unwrap_or(&[]);
        match status {
            TINFLStatus::Done => {
                out.truncate(written);
                return Inflated { bytes: out, complete: true, corrupt: false };
            }
            TINFLStatus::HasMoreOutput if out.len() < limit => {
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => {
                out.truncate(written);
                return Inflated { bytes: out, complete: false, corrupt: false };
            }
            _ => {
                out.truncate(written);
                return Inflated { bytes: out, complete: false, corrupt: true };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_reported_corrupt_not_panicking() {
        let result = inflate_bounded(&[0xff; 64], 1000);
        assert!(result.corrupt || !result.complete || result.bytes.len() <= 1000);
    }

    #[test]
    fn a_stored_block_inflates_to_its_bytes() {
        // RFC 1951 §3.2.4: BFINAL + BTYPE 00, aligned LEN and NLEN, then the bytes.
        let stored = [0x01, 0x03, 0x00, 0xfc, 0xff, b'a', b'b', b'c'];
        assert_eq!(inflate_bounded(&stored, 10), Inflated { bytes: b"abc".to_vec(), complete: true, corrupt: false });
        assert_eq!(inflate_bounded(&stored, 2).bytes, b"ab");
    }
}
