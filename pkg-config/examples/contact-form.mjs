// A contact-form handler that lints the mail before sending it, and refuses to
// send when the verdict is `fail`, answering with the reasons in the visitor's
// language. Run it: `node contact-form.mjs` (needs `npm install mail-preflight nodemailer`),
// then POST JSON to http://127.0.0.1:3000/contact:
//   curl -H 'Accept-Language: fr' -d '{"name":"Ana","email":"ana@example.org","subject":"Hi","message":"Hello"}' \
//        http://127.0.0.1:3000/contact
import { pathToFileURL } from 'node:url';
import { lint } from 'mail-preflight';

const LOCALES = ['en', 'fr', 'es', 'pl'];

/** The first of the visitor's languages that mail-preflight speaks. */
export function localeOf(acceptLanguage = '') {
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (LOCALES.includes(tag)) return tag;
  }
  return 'en';
}

/**
 * The mail a form submission becomes, in Nodemailer's shape. The hosting guides
 * ask for the site's own address in From and in Reply-To; the visitor's address
 * goes in the text, never in a header the visitor controls.
 */
export function mailOf(form, { siteAddress, ownerAddress }) {
  return {
    from: `Website <${siteAddress}>`,
    replyTo: siteAddress,
    to: ownerAddress,
    subject: `Contact form: ${form.subject ?? ''}`,
    text: `${form.name ?? ''} <${form.email ?? ''}> wrote:\n\n${form.message ?? ''}\n`,
    attachments: (form.attachments ?? []).map((file) => ({
      filename: file.filename, content: file.content, encoding: file.encoding, contentType: file.contentType,
    })),
  };
}

/**
 * Lints the mail, sends it only when the host would accept it. Returns an HTTP
 * status and a JSON body: 422 with the localized reasons when the verdict is `fail`.
 */
export async function handleContactForm(form, { locale, siteAddress, ownerAddress, transporter }) {
  const mail = mailOf(form, { siteAddress, ownerAddress });
  const report = lint(mail, { locale });
  const explain = (finding) => ({ rule: finding.ruleId, message: finding.message, fix: finding.fix });
  if (report.verdict === 'fail') {
    return {
      status: 422,
      body: { sent: false, reasons: report.findings.filter((f) => f.severity === 'error').map(explain) },
    };
  }
  await transporter.sendMail(mail);
  const warnings = report.findings.filter((f) => f.severity === 'warning').map(explain);
  return { status: 200, body: { sent: true, warnings } };
}

// Run as a program: a small server on 127.0.0.1 with Nodemailer's JSON transport
// (prints the mail instead of sending it; use your SMTP settings in production).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { createServer } = await import('node:http');
  const nodemailer = (await import('nodemailer')).default;
  const transporter = nodemailer.createTransport({ jsonTransport: true });
  createServer(async (request, response) => {
    if (request.method !== 'POST' || request.url !== '/contact') {
      response.writeHead(404).end();
      return;
    }
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    let form;
    try {
      form = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      response.writeHead(400).end();
      return;
    }
    const { status, body } = await handleContactForm(form, {
      locale: localeOf(request.headers['accept-language']),
      siteAddress: 'contact@example.com',
      ownerAddress: 'owner@example.com',
      transporter,
    });
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }).listen(3000, '127.0.0.1', () => console.log('POST http://127.0.0.1:3000/contact'));
}
