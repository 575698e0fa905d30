//! A small real PNG (the shop's logo: a white band on blue, 96 × 32 pixels), built at
//! test time so the repository holds no binary file: the inline image the mailers
//! put in `inline-image`.

const WIDTH: u32 = 96;
const HEIGHT: u32 = 32;
/// Bytes per pixel of 8-bit truecolour (PNG §6.1, colour type 2).
const RGB: usize = 3;

/// PNG (W3C PNG specification, 2nd edition = ISO/IEC 15948): the signature (§5.2),
/// IHDR, one IDAT holding the zlib stream of the filtered scanlines (§10), IEND; each
/// chunk is length, type, data and the CRC of type and data (§5.3).
pub fn logo_png() -> Vec<u8> {
    let mut scanlines = Vec::with_capacity(HEIGHT as usize * (1 + WIDTH as usize * RGB));
    for y in 0..HEIGHT {
        scanlines.push(0); // filter type None (§9.2)
        for x in 0..WIDTH {
            let band = (8..WIDTH - 8).contains(&x) && (12..20).contains(&y);
            scanlines.extend_from_slice(if band { &[255, 255, 255] } else { &[42, 111, 151] });
        }
    }
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&WIDTH.to_be_bytes());
    header.extend_from_slice(&HEIGHT.to_be_bytes());
    // Bit depth 8, colour type 2 (truecolour), deflate, adaptive filtering, no interlace (§11.2.2).
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    push_chunk(&mut png, b"IHDR", &header);
    push_chunk(&mut png, b"IDAT", &miniz_oxide::deflate::compress_to_vec_zlib(&scanlines, 9));
    push_chunk(&mut png, b"IEND", &[]);
    png
}

fn push_chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    png.extend_from_slice(&crc32(&[kind, data].concat()).to_be_bytes());
}

/// The CRC-32 of PNG §5.3 (ISO 3309, reflected polynomial 0xEDB88320), bit by bit;
/// ZIP's (APPNOTE 4.4.7) is the same function.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn the_logo_is_a_valid_png_whose_chunks_check_and_whose_pixels_inflate_to_the_declared_size() {
    // Every PNG ends with the same empty IEND chunk, whose CRC is AE 42 60 82: a known
    // answer for the CRC function before it checks the other chunks.
    assert_eq!(crc32(b"IEND"), 0xAE42_6082);
    let png = logo_png();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let mut chunks = Vec::new();
    let mut at = 8;
    while at < png.len() {
        let length = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let (kind, data) = (&png[at + 4..at + 8], &png[at + 8..at + 8 + length]);
        let crc = u32::from_be_bytes(png[at + 8 + length..at + 12 + length].try_into().unwrap());
        assert_eq!(crc, crc32(&[kind, data].concat()), "CRC of {}", String::from_utf8_lossy(kind));
        chunks.push((kind.to_vec(), data.to_vec()));
        at += 12 + length;
    }
    let kinds: Vec<&[u8]> = chunks.iter().map(|(kind, _)| kind.as_slice()).collect();
    assert_eq!(kinds, [b"IHDR".as_slice(), b"IDAT", b"IEND"]);
    assert_eq!(&chunks[0].1[..8], [WIDTH.to_be_bytes(), HEIGHT.to_be_bytes()].concat());
    let pixels = miniz_oxide::inflate::decompress_to_vec_zlib(&chunks[1].1).expect("IDAT inflates");
    assert_eq!(pixels.len(), HEIGHT as usize * (1 + WIDTH as usize * RGB));
}
