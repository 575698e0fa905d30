//! The benchmarks' inputs (#14), the same bytes as `tests/bench/inputs.mjs`
//! makes for the Node bench: the SpamAssassin public corpus folder, a 9.85 MB
//! message with a PDF attachment, and an HTML-heavy newsletter (the generated
//! 9.9 MB message is `rules::size::generated_message`). Deterministic.

use mail_preflight::input::encode::base64;
use std::path::PathBuf;

/// The messages of `../shared/corpus/spamassassin-public-dev` (numbered files of
/// its four folders), sorted; empty when the corpus is absent.
pub fn spamassassin_messages() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/spamassassin-public-dev");
    let mut out = Vec::new();
    let Ok(folders) = std::fs::read_dir(&dir) else {
        println!("NOTE: {} is absent: its figures are skipped.", dir.display());
        return out;
    };
    for folder in folders.flatten().filter(|e| e.path().is_dir()) {
        let Ok(files) = std::fs::read_dir(folder.path()) else { continue };
        for file in files.flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            if name.starts_with(|c: char| c.is_ascii_digit()) {
                if let Ok(raw) = std::fs::read(file.path()) {
                    out.push((format!("{}/{name}", folder.file_name().to_string_lossy()), raw));
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// xorshift32 bytes: incompressible content, the same in `inputs.mjs`.
fn noise(length: usize, seed: u32) -> Vec<u8> {
    let mut x = seed;
    (0..length)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x & 0xff) as u8
        })
        .collect()
}

/// A PDF of about `size` bytes: a page of text and one large image (random JPEG-like bytes).
fn pdf(size: usize) -> Vec<u8> {
    let text = "BT /F1 12 Tf 72 720 Td (Quarterly report: revenue, costs and the outlook for the next quarter.) Tj ET\n";
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    out.extend_from_slice(format!(
        "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
         3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>\nendobj\n\
         4 0 obj\n<< /Length {} >>\nstream\n{text}endstream\nendobj\n",
        text.len()
    ).as_bytes());
    let tail = b"trailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n";
    let image_head = |n: usize| format!("5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2000 /Height 2000 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /DCTDecode /Length {n} >>\nstream\n");
    let overhead = out.len() + image_head(size).len() + "\nendstream\nendobj\n".len() + tail.len();
    let image = noise(size.saturating_sub(overhead), 0x2545_f491);
    out.extend_from_slice(image_head(image.len()).as_bytes());
    out.extend_from_slice(&image);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    out.extend_from_slice(tail);
    out
}

/// A multipart/mixed message of about `total` bytes: a short text body and a PDF attachment.
pub fn pdf_message(total: usize) -> Vec<u8> {
    let head = "From: Accounts <accounts@example.com>\r\nTo: client@example.net\r\nSubject: Your quarterly report\r\n\
        Date: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <pdf-report@example.com>\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
        --b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\n\r\nPlease find the report attached.\r\n\r\n\
        --b1\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\n\
        Content-Transfer-Encoding: base64\r\n\r\n";
    let end = "--b1--\r\n";
    // base64 with CRLF every 76 characters: 78 bytes of lines per 57 bytes of PDF.
    let pdf_size = (total - head.len() - end.len()) * 57 / 78;
    let encoded = base64(&pdf(pdf_size));
    let mut out = head.as_bytes().to_vec();
    for line in encoded.as_bytes().chunks(76) {
        out.extend_from_slice(line);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(end.as_bytes());
    out
}

/// An HTML newsletter: a style sheet, 400 product blocks of nested tables, inline styles, links and images.
pub fn html_message() -> Vec<u8> {
    let mut blocks = String::new();
    for i in 0..400 {
        blocks.push_str(&format!(
            "<tr><td class=\"item\" style=\"padding:12px 16px;border-bottom:1px solid #e5e5e5;font-family:Arial,sans-serif\">\
             <table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr>\
             <td width=\"120\" style=\"vertical-align:top\"><a href=\"https://shop.example.com/p/{i}?utm_source=news&amp;utm_medium=email\">\
             <img src=\"https://cdn.example.com/img/{i}.jpg\" width=\"120\" height=\"90\" alt=\"Product {i}\" style=\"display:block;border:0\"></a></td>\
             <td style=\"padding-left:12px;color:#333333;font-size:14px;line-height:20px\"><h3 style=\"margin:0 0 6px;font-size:16px;color:#111111\">Garden chair model {i}</h3>\
             <p style=\"margin:0 0 8px\">Weatherproof teak, folds flat for the winter, delivered in three working days. Reviews: {} customers rated it.</p>\
             <a href=\"https://shop.example.com/p/{i}\" style=\"color:#0b6bcb;text-decoration:underline\">See the chair</a></td></tr></table></td></tr>\r\n",
            (i * 7) % 50
        ));
    }
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Spring news</title><style>\r\n\
         body{{margin:0;padding:0;background:#f4f4f4}} .item h3{{font-weight:bold}} .footer{{color:#777777;font-size:12px}}\r\n\
         @media (max-width:600px){{.item td{{display:block;width:100% !important}}}}\r\n</style></head>\r\n\
         <body><table role=\"presentation\" width=\"600\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#ffffff\">\r\n\
         {blocks}<tr><td class=\"footer\" style=\"padding:16px\">You receive this letter because you bought from our shop. \
         <a href=\"https://shop.example.com/unsubscribe\">Unsubscribe</a></td></tr></table></body></html>\r\n"
    );
    let text = "Spring news from the shop: 400 garden chairs. See https://shop.example.com/\r\n";
    format!(
        "From: Shop <news@shop.example.com>\r\nTo: client@example.net\r\nSubject: Spring news\r\n\
         Date: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <news-1@shop.example.com>\r\nMIME-Version: 1.0\r\n\
         List-Unsubscribe: <https://shop.example.com/unsubscribe>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\
         Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n\
         --alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n\
         --alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n--alt--\r\n"
    )
    .into_bytes()
}
