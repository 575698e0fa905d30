// mail-preflight as a Nodemailer plugin (ES module entry); see nodemailer.cjs.
import { createRequire } from 'node:module';

export const { preflight } = createRequire(import.meta.url)('./nodemailer.cjs');
