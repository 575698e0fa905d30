// The benchmarks' inputs (#14), the same bytes as tests/bench/inputs.rs makes
// for the native bench: the SpamAssassin public corpus folder, a generated 9.9 MB
// message (base64 lines), a 9.85 MB message with a PDF attachment, and an
// HTML-heavy newsletter. Generated inputs are deterministic. Node only: 10 MB
// of prose in the hosting's languages and in English, and the newsletter at
// 10 MB (the text a message carries, where the two above are attachments).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusDir = join(root, '..', 'shared', 'corpus');
export const spamassassinDir = join(corpusDir, 'spamassassin-public-dev');

/** The messages of spamassassin-public-dev (numbered files of its four folders), sorted; [] when absent. */
export function spamassassinMessages() {
  if (!existsSync(spamassassinDir)) return [];
  return readdirSync(spamassassinDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(spamassassinDir, d.name)).filter((f) => /^[0-9]/.test(f))
      .map((f) => `${d.name}/${f}`))
    .sort()
    .map((name) => [name, readFileSync(join(spamassassinDir, name))]);
}

/** Headers, then 76-column base64-like lines, `total` bytes (rules/size::generated_message). */
export function generatedMessage(total) {
  const head = 'From: sender@example.com\r\nTo: rcpt@example.com\r\nSubject: Quarterly report\r\n'
    + 'Date: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <gen@example.com>\r\nMIME-Version: 1.0\r\n'
    + 'Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n';
  const bytes = Buffer.alloc(total, 'Q');
  bytes.write(head, 0, 'latin1');
  for (let at = head.length + 76; at + 2 <= total; at += 78) bytes.write('\r\n', at, 'latin1');
  return bytes;
}

/** xorshift32 bytes: incompressible content, the same in Rust. */
function noise(length, seed) {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A PDF of about `size` bytes: a few pages of text and one large image (random JPEG-like bytes). */
function pdf(size) {
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const text = 'BT /F1 12 Tf 72 720 Td (Quarterly report: revenue, costs and the outlook for the next quarter.) Tj ET\n';
  parts.push(Buffer.from('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
    + '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>\nendobj\n'
    + `4 0 obj\n<< /Length ${text.length} >>\nstream\n${text}endstream\nendobj\n`, 'latin1'));
  const tail = Buffer.from('trailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n', 'latin1');
  const headLength = parts.reduce((n, b) => n + b.length, 0);
  const imageHead = (n) => `5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2000 /Height 2000 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /DCTDecode /Length ${n} >>\nstream\n`;
  const overhead = headLength + imageHead(size).length + '\nendstream\nendobj\n'.length + tail.length;
  const image = noise(Math.max(0, size - overhead), 0x2545f491);
  parts.push(Buffer.from(imageHead(image.length), 'latin1'), image, Buffer.from('\nendstream\nendobj\n', 'latin1'), tail);
  return Buffer.concat(parts);
}

/** Base64 in 76-column CRLF lines, as mailers write attachments. */
function base64Lines(bytes) {
  const text = bytes.toString('base64');
  const lines = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return `${lines.join('\r\n')}\r\n`;
}

/** A multipart/mixed message of about `total` bytes: a short text body and a PDF attachment. */
export function pdfMessage(total) {
  const head = 'From: Accounts <accounts@example.com>\r\nTo: client@example.net\r\nSubject: Your quarterly report\r\n'
    + 'Date: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <pdf-report@example.com>\r\nMIME-Version: 1.0\r\n'
    + 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    + '--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\n\r\nPlease find the report attached.\r\n\r\n'
    + '--b1\r\nContent-Type: application/pdf; name="report.pdf"\r\nContent-Disposition: attachment; filename="report.pdf"\r\n'
    + 'Content-Transfer-Encoding: base64\r\n\r\n';
  const end = '--b1--\r\n';
  // base64 with CRLF every 76 characters: 78 bytes of lines per 57 bytes of PDF.
  const pdfSize = Math.floor(((total - head.length - end.length) * 57) / 78);
  return Buffer.from(head + base64Lines(pdf(pdfSize)) + end, 'latin1');
}

/** An HTML newsletter: a style sheet, `count` product blocks of nested tables, inline styles, links and images. */
export function htmlMessage(count = 400) {
  const blocks = [];
  for (let i = 0; i < count; i++) {
    blocks.push(`<tr><td class="item" style="padding:12px 16px;border-bottom:1px solid #e5e5e5;font-family:Arial,sans-serif">`
      + `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>`
      + `<td width="120" style="vertical-align:top"><a href="https://shop.example.com/p/${i}?utm_source=news&amp;utm_medium=email">`
      + `<img src="https://cdn.example.com/img/${i}.jpg" width="120" height="90" alt="Product ${i}" style="display:block;border:0"></a></td>`
      + `<td style="padding-left:12px;color:#333333;font-size:14px;line-height:20px"><h3 style="margin:0 0 6px;font-size:16px;color:#111111">Garden chair model ${i}</h3>`
      + `<p style="margin:0 0 8px">Weatherproof teak, folds flat for the winter, delivered in three working days. Reviews: ${(i * 7) % 50} customers rated it.</p>`
      + `<a href="https://shop.example.com/p/${i}" style="color:#0b6bcb;text-decoration:underline">See the chair</a></td></tr></table></td></tr>\r\n`);
  }
  const html = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Spring news</title><style>\r\n'
    + 'body{margin:0;padding:0;background:#f4f4f4} .item h3{font-weight:bold} .footer{color:#777777;font-size:12px}\r\n'
    + '@media (max-width:600px){.item td{display:block;width:100% !important}}\r\n</style></head>\r\n'
    + '<body><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff">\r\n'
    + blocks.join('')
    + '<tr><td class="footer" style="padding:16px">You receive this letter because you bought from our shop. '
    + '<a href="https://shop.example.com/unsubscribe">Unsubscribe</a></td></tr></table></body></html>\r\n';
  const text = 'Spring news from the shop: 400 garden chairs. See https://shop.example.com/\r\n';
  return Buffer.from('From: Shop <news@shop.example.com>\r\nTo: client@example.net\r\nSubject: Spring news\r\n'
    + 'Date: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <news-1@shop.example.com>\r\nMIME-Version: 1.0\r\n'
    + 'List-Unsubscribe: <https://shop.example.com/unsubscribe>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n'
    + 'Content-Type: multipart/alternative; boundary="alt"\r\n\r\n'
    + `--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`
    + `--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n--alt--\r\n`, 'utf8');
}

/** Common words of each language, accents as written (the prose of `proseMessage`). */
const PROSE_WORDS = {
  French: 'le la les des une un pour avec dans sur être été déjà très à où ça français réunion prochaine semaine équipe nous vous merci bonjour cordialement projet livraison élève hôtel façon naïve coût',
  Polish: 'się że jest nie na do w z żeby który łódź źródło ćwiczenie gęś pięć spotkanie tydzień zespół dziękuję pozdrawiam projekt dostawa uczeń hotel koszt również będzie można',
  English: 'the a of to and in for with on at meeting next week team we you thanks hello regards project delivery student hotel cost also will be can',
  // Cyrillic, whose look-alikes of Latin letters (а, е, о, р, с) the word folder reads twice.
  Russian: 'и в не на что с по это как мы для вы быть так за от все но уже при встреча неделя команда спасибо здравствуйте проект доставка гостиница стоимость также',
  // English with emoji past the Basic Multilingual Plane, as newsletters write them.
  'English with emoji': 'the a of to and in for with on at meeting next week team we you thanks hello regards project delivery 🔥 🎉 😀 💰 🚀 👉 📦 ✅',
};

/**
 * A plain-text message of about `total` bytes in `language` (a key of
 * PROSE_WORDS): lines of twelve words drawn by a fixed xorshift sequence, UTF-8, 8bit.
 */
export function proseMessage(language, total) {
  const words = PROSE_WORDS[language].split(' ');
  const head = `From: Anne <anne@example.com>\r\nTo: team@example.net\r\nSubject: Notes\r\n`
    + 'Date: Mon, 2 Mar 2026 10:00:00 +0100\r\nMessage-ID: <prose@example.com>\r\nMIME-Version: 1.0\r\n'
    + 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n';
  let seed = 0x9e3779b9;
  const lines = [];
  let size = head.length;
  while (size < total) {
    const line = [];
    for (let i = 0; i < 12; i++) {
      seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
      line.push(words[(seed >>> 0) % words.length]);
    }
    const text = `${line.join(' ')}.`;
    lines.push(text[0].toUpperCase() + text.slice(1));
    size += Buffer.byteLength(text) + 2;
  }
  return Buffer.from(`${head}${lines.join('\r\n')}\r\n`, 'utf8');
}
