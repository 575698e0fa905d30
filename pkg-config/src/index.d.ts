// Types of the mail-preflight package: every export of every entry (Node ESM and
// CJS, web, bundler). Field names match the engine's JSON (camelCase, stable).

/** The languages of the hosting provider's guides. */
export type Locale = 'en' | 'fr' | 'es' | 'pl';

/** `error`: the host will refuse or block the message; `warning`: spam risk; `info`: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/** A per-rule override: turn the rule off or force the severity of its findings. */
export type RuleSetting = 'off' | Severity;

/** `fail` when any finding is an error or the spam score reaches the threshold, `warn` when any is a warning, `pass` otherwise. */
export type Verdict = 'pass' | 'warn' | 'fail';

/** Which input the linted message came from. */
export type Origin = 'raw' | 'compose' | 'phpMail';

/** Stable codes of the errors the functions throw. */
export type ErrorCode =
  | 'invalid-input' | 'invalid-options' | 'input-too-large' | 'not-a-message' | 'not-initialized'
  // The engine stopped on this input (a trap); it was re-created and the next input is checked normally.
  | 'internal'
  // A call on a linter after close() (createLinter).
  | 'closed'
  // A linter's call still unanswered after its `timeout` (createLinter); the error's `name` is 'TimeoutError'.
  | 'timeout'
  // simulate(): a scenario that does not parse, or over the simulator's limits.
  | 'invalid-scenario' | 'invalid-message' | 'too-many-mails' | 'too-many-streams' | 'too-many-actions';

/** What every function throws on bad input: a plain `Error` with a stable `code`. */
export interface MailPreflightError extends Error {
  code: ErrorCode;
  /** `invalid-options` for an unknown rule id: the id, and the closest known id when one is close. */
  rule?: string;
  suggestion?: string;
  /** simulate()/compare(): the scenario field at fault (`thresholds.bucketSeconds`, `streams[2].rate`). */
  field?: string;
  /** The catalogue id of the message: `renderMessage(messageId, params, locale)` says it again in another language. */
  messageId?: string;
  params?: { [name: string]: Param };
  /** `timeout` (a linter's call): the call's timeout, in ms. */
  timeout?: number;
}

// ---------------------------------------------------------------- options

/** Thresholds of the `size/*` rules (decimal megabytes: 1 MB = 1,000,000 bytes). */
export interface SizeThresholds {
  /** `size/content`: most bytes of decoded content (text and attachments). The guides say 7 to 8 MB; we take the lower bound. Default 7,000,000 (a whole number, 1 to 1,000,000,000). Source: the guides. */
  maxContentBytes?: number;
  /** `size/line-length`: longest line in octets, excluding CRLF; longer is an error. Default 998 (a whole number, 78 to 1,000,000). Source: a standard (`rules()` names it). */
  maxLineOctets?: number;
  /** `size/total`: most bytes of the encoded message (decimal MB: 1 MB = 1,000,000 bytes, the stricter reading). Default 10,000,000 (a whole number, 1 to 1,000,000,000). Source: the guides. */
  maxMessageBytes?: number;
  /** `size/line-length`: longest recommended line in characters (a UTF-8 line's code points, otherwise octets), excluding CRLF; longer is info. Default 78 (a whole number, 1 to 1,000,000). Source: a standard (`rules()` names it). */
  recommendedLineOctets?: number;
}

/** Thresholds of the `headers/*` rules. */
export interface HeadersThresholds {
  /** `headers/address-length`: longest address (local part, @ and domain), in octets as sent; judged only when no part of it is over its own limit. Default 254 (a whole number, 1 to 1,000,000). Source: a standard (`rules()` names it). */
  maxAddressOctets?: number;
  /** `headers/multipart-boundary`: longest multipart boundary, in characters. Default 70 (a whole number, 1 to 10,000). Source: a standard (`rules()` names it). */
  maxBoundaryChars?: number;
  /** `headers/date`: a Date more than this many seconds after `options.now` is in the future. Default 43,200 (a whole number, 0 to 315,360,000). Source: a receiver's rule. */
  maxDateFutureSeconds?: number;
  /** `headers/date`: a Date more than this many seconds before `options.now` is in the past. Default 345,600 (a whole number, 0 to 315,360,000). Source: a receiver's rule. */
  maxDatePastSeconds?: number;
  /** `headers/address-length`: longest domain, in octets as sent (an internationalised domain in its A-label form). Default 253 (a whole number, 1 to 1,000,000). Source: a standard (`rules()` names it). */
  maxDomainOctets?: number;
  /** `headers/address-length`: longest label of a domain (between dots), in octets as sent (A-label form). Default 63 (a whole number, 1 to 1,000,000). Source: a standard (`rules()` names it). */
  maxLabelOctets?: number;
  /** `headers/address-length`: longest local part (before the @), in octets as sent (comments and folds left out). Default 64 (a whole number, 1 to 1,000,000). Source: a standard (`rules()` names it). */
  maxLocalPartOctets?: number;
  /** `headers/transfer-encoding`: longest quoted-printable encoded line, in characters. Default 76 (a whole number, 1 to 1,000,000). Source: a standard (`rules()` names it). */
  maxQuotedPrintableLine?: number;
}

/** Thresholds of the `spam/*` rules. */
export interface SpamThresholds {
  /** `spam/adult-terms`: terms of the built-in lexicon not to report. Default none (at most 10,000 items). Source: ours. */
  adultTermsAllowed?: string[];
  /** `spam/adult-terms`: terms added to the built-in lexicon (matched like it: whole words, folded). Default none (at most 10,000 items). Source: ours. */
  adultTermsExtra?: string[];
  /** `spam/adult-terms`: different terms (body, hidden and image text together) from which the finding is a warning; fewer are info. A term in the subject is always a warning. Default 2 (a whole number, 1 to 1,000). Source: measured. */
  adultTermsWarning?: number;
  /** `spam/body-caps`: share of the body's words (3 letters or more) written in capitals from which the body is reported as info. Default 0.3 (0 to 1). Source: measured. */
  bodyCapsInfoShare?: number;
  /** `spam/body-caps`: fewest words of 3 letters or more in the body for the share of capitals to be judged. Default 30 (a whole number, 1 to 1,000,000). Source: a receiver's rule. */
  bodyCapsMinWords?: number;
  /** `spam/body-caps`: share of the body's words (3 letters or more) written in capitals from which the finding is a warning. Default 0.5 (0 to 1). Source: a receiver's rule. */
  bodyCapsWarningShare?: number;
  /** `spam/exclamation-marks`: exclamation marks in a row (`!!!`) that make a run in the body. Default 3 (a whole number, 2 to 100). Source: ours. */
  bodyExclamationRun?: number;
  /** `spam/exclamation-marks`: runs of exclamation marks in the body from which the finding is a warning; one run is info. Default 2 (a whole number, 1 to 10,000). Source: measured. */
  bodyExclamationRunsWarning?: number;
  /** `spam/huge-font`: font size in px over which text is extremely large. Default 47 (1 to 10,000). Source: a receiver's rule. */
  hugeFontPx?: number;
  /** `spam/image-only`: fewer visible words than this is "a few words". Default 30 (a whole number, 0 to 100,000). Source: ours. */
  imageOnlyMaxWords?: number;
  /** `spam/image-only`: decoded size over which an image is large, in bytes. Default 1,000,000 (a whole number, 1 to 1,000,000,000). Source: the guides. */
  imageOnlyMinBytes?: number;
  /** `spam/image-only`, `spam/invisible-text`, `spam/sales-language`, `accessibility/contrast`: a WCAG contrast ratio below this between text and background counts as the same colour. Default 1.25 (1 to 21). Source: ours. */
  invisibleMinContrast?: number;
  /** `spam/money-amounts`: an amount (in units of its currency) from which a sum is huge; in yen, rupees and roubles (¥, ₹, ₽) 100 times it, in won (₩) 1,000 times it (ours: their units are worth about a hundredth and a thousandth of a dollar). Default 1,000,000 (1 to 1,000,000,000,000,000). Source: a receiver's rule. */
  moneyHugeAmount?: number;
  /** `spam/money-amounts`: huge sums written out in digits (`$25,500,000.00`) from which the finding is a warning; sums written with a multiplier (`$300 million`) are info. Default 1 (a whole number, 1 to 10,000). Source: measured. */
  moneyHugeWarning?: number;
  /** `spam/money-amounts`: amounts of money of any size from which the message is reported as info. Default 10 (a whole number, 1 to 100,000). Source: ours. */
  moneyManyAmounts?: number;
  /** `spam/sales-language`: different categories of sales phrases (money, urgency, opt-out boilerplate, …) from which the finding is a warning; fewer are info. Default 1 (a whole number, 1 to 10). Source: measured. */
  salesCategoriesWarning?: number;
  /** `spam/sales-language`: different sales phrases per 1,000 words of the subject and visible text from which the finding can be a warning; below it (a phrase or two in a long newsletter) it is info. 0 turns the dilution off. Default 1.5 (0 to 1,000). Source: measured. */
  salesPhrasesPerThousandWords?: number;
  /** `spam/sales-language`: different sales phrases from which the finding is a warning, whatever their categories; fewer are info. Default 1 (a whole number, 1 to 1,000). Source: measured. */
  salesPhrasesWarning?: number;
  /** `spam/subject-caps`: words of two or more letters, all in capitals, from which a subject shouts. Default 3 (a whole number, 1 to 100). Source: the guides. */
  subjectCapsWords?: number;
  /** `spam/exclamation-marks`: exclamation marks in a row (`!!`) from which the subject is reported. Default 2 (a whole number, 1 to 100). Source: measured. */
  subjectExclamationRun?: number;
  /** `spam/exclamation-marks`: exclamation marks in all (`Free! Now! Here!`) from which the subject is reported. Default 3 (a whole number, 1 to 100). Source: ours. */
  subjectExclamations?: number;
  /** `spam/subject-prefix`: words a subject must not start with, matched case-insensitively on a word boundary. Default: 47 built-in items (`rules()` gives them; at most 10,000). Source: the guides. */
  subjectPrefixes?: string[];
  /** `spam/whitespace`: share of blank characters over which a body is flagged. Default 0.7 (0 to 1). Source: the guides. */
  whitespaceMaxRatio?: number;
  /** `spam/whitespace`: bodies with fewer rendered characters are not judged (a two-line note is mostly line breaks). Default 100 (a whole number, 0 to 1,000,000). Source: ours. */
  whitespaceMinChars?: number;
}

/** Thresholds of the `links/*` rules. */
export interface LinksThresholds {
  /** `links/broken`: schemes that run code or embed content instead of linking (mail clients block them). Default ["javascript", "vbscript", "data"] (at most 1,000 items). Source: ours. */
  blockedSchemes?: string[];
  /** `links/broken`: schemes a mail client can follow; any other scheme (`htp:`, `hxxp:`) is a broken link. Default: 23 built-in items (`rules()` gives them; at most 1,000). Source: ours. */
  knownSchemes?: string[];
  /** `links/mismatch`: hosts of known redirectors (mailing services' click tracking, security gateways' link rewriting, shorteners); a link whose text shows another domain and whose address is one of them, or a subdomain, is information only. Default: 1,219 built-in items (`rules()` gives them; at most 10,000). Source: a receiver's rule. */
  redirectors?: string[];
  /** `links/insecure`: also report plain `http://` links (as info). Default true. Source: ours. */
  reportPlainHttp?: boolean;
  /** `links/shortener`: hosts of public link shorteners; a link to one of them, or to a subdomain, is reported. The default list reads its entries as SpamAssassin does: a host alone, or with a leading dot its subdomains (maps.app.goo.gl is Google Maps, not goo.gl). Default: 192 built-in items (`rules()` gives them; at most 10,000). Source: a receiver's rule. */
  shorteners?: string[];
  /** `links/homograph`: domains that phishing imitates (lowercase ASCII); an internationalised link host whose skeleton equals one of them is reported. Default: 102 built-in items (`rules()` gives them; at most 10,000). Source: a receiver's rule. */
  wellKnownDomains?: string[];
}

/** Thresholds of the `attachment/*` rules (and of the attachment inspection they read). */
export interface AttachmentsThresholds {
  /** `attachment/blocked-type`: extensions the host blocks although they run nothing. The guides name XLSX and XML. Default ["xlsx", "xml"] (at most 10,000 items). Source: the guides. */
  blockedExtensions?: string[];
  /** `attachment/archive-limit`: the ratio is judged only for entries inflating past this many bytes, so tiny repetitive files do not count as bombs. Default 1,000,000 (a whole number, 0 to 256,000,000). Source: ours. */
  compressionRatioMinBytes?: number;
  /** `attachment/executable`: extensions (lowercase, no dot) that run code; by default every executable group of the inspector's extension table and every type Gmail blocks (support.google.com/mail/answer/6590, `src/inspect/data/gmail-blocked-types.txt`) or Outlook blocks (OWA's default BlockedFileTypes and "Blocked attachments in Outlook", `src/inspect/data/outlook-blocked-types.txt`). Default: 140 built-in items (`rules()` gives them; at most 10,000). Source: the guides. */
  executableExtensions?: string[];
  /** `attachment/archive-limit`: archive levels opened (`a.zip > b.zip > c.exe` is 2). Real mail rarely nests beyond 2; deeper nesting is a way to tire scanners. Default 4 (a whole number, 0 to 16). Source: ours. */
  maxArchiveDepth?: number;
  /** `attachment/archive-limit`: archive entries listed per attachment, all levels together. Default 10,000 (a whole number, 1 to 100,000). Source: a receiver's rule. */
  maxArchiveEntries?: number;
  /** `attachment/archive-limit`: largest inflated/compressed ratio of one entry: deflate peaks near 1,032:1 on zeros; real documents stay under 20:1 and log files rarely pass 100:1. Default 100 (a whole number, 1 to 100,000). Source: ours. */
  maxCompressionRatio?: number;
  /** `attachment/archive-limit`: bytes inflated or copied out of archives per message, all attachments together, so a message of many small bombs does not multiply it; nested archives, documents and pages are inflated whole, so are entries whose first bytes name no format, or a PDF, when their declared size fits (formats found at a file's end: disk image footers, an archive glued after a document); of the rest the first bytes. Default 32,000,000 (a whole number, 0 to 256,000,000). Source: ours. */
  maxInflatedBytes?: number;
}

/** Thresholds of the `body/*` rules. */
export interface BodyThresholds {
  /** `body/gmail-clipping`: bytes of decoded HTML after which Gmail clips the message (decimal kilobytes: the stricter reading of "102 KB"). Default 102,000 (a whole number, 1,000 to 100,000,000). Source: measured. */
  clipBytes?: number;
}

/** Thresholds of the `bulk/*` rules. */
export interface BulkThresholds {
  /** `dkim/header-coverage`, `bulk/list-unsubscribe`, `bulk/one-click`: messages a day from which a sender is a bulk sender and must offer one-click unsubscribe. Default 5,000 (a whole number, 1 to 1,000,000,000). Source: a receiver's rule. */
  bulkSenderVolume?: number;
  /** `dkim/header-coverage`, `bulk/list-unsubscribe`, `bulk/one-click`: messages the site sends a day (0: not known). From `bulk.bulkSenderVolume` on, the bulk rules are warnings: Gmail's and Yahoo's requirements bind bulk senders. Default 0 (a whole number, 0 to 1,000,000,000). Source: ours. */
  dailyVolume?: number;
  /** `bulk/list-unsubscribe`, `bulk/one-click`: mailboxes in To, Cc and Bcc from which a message counts as bulk mail even without List-Id or Precedence: bulk. Default 50 (a whole number, 2 to 100,000). Source: ours. */
  recipients?: number;
}

/** Thresholds of the `sender/*` rules. */
export interface SenderThresholds {
  /** `links/mismatch`, `sender/display-name-spoof`: domains of brands whose name in a display name, on mail from elsewhere, is a spoof. Default: 25 built-in items (`rules()` gives them; at most 10,000). Source: measured. */
  brandDomains?: string[];
  /** `links/mismatch`, `config/smtp-security`, `sender/visitor-from`, `sender/foreign-domain`, `dkim/alignment`: mailbox providers whose users' addresses must not be the From of mail a site sends: `domain policy status` per item (policy reject, quarantine, none or unknown; status verified, stated (the provider's own statement, its published policy weaker) or unverified). Default: 44 built-in items (`rules()` gives them; at most 1,000). Source: a receiver's rule. */
  mailboxProviders?: string[];
}

/** Thresholds of the `accessibility/*` rules. */
export interface AccessibilityThresholds {
  /** `accessibility/contrast`: contrast ratio under which normal-size text is hard to read. Default 4.5 (1 to 21). Source: a standard (`rules()` names it). */
  minContrast?: number;
  /** `accessibility/contrast`: contrast ratio under which large text (24 px and more) is hard to read. Default 3 (1 to 21). Source: a standard (`rules()` names it). */
  minContrastLarge?: number;
}

/**
 * Thresholds by rule group, as `options.thresholds`: every tunable the engine declares
 * (`rules()` lists each rule's, with its default, range and source). Unknown groups,
 * names and values out of range are refused (`invalid-options`).
 */
export interface Thresholds {
  size?: SizeThresholds;
  headers?: HeadersThresholds;
  spam?: SpamThresholds;
  links?: LinksThresholds;
  attachments?: AttachmentsThresholds;
  body?: BodyThresholds;
  bulk?: BulkThresholds;
  sender?: SenderThresholds;
  accessibility?: AccessibilityThresholds;
}

/** A tunable of a rule group: a number, a flag, a word or a list (word lists, extension lists). */
export type ThresholdValue = number | string | boolean | string[] | number[];

/**
 * @deprecated Each group has its own interface (`SpamThresholds`, …), which names every
 * tunable the engine accepts; `Thresholds` uses them.
 */
export interface GroupThresholds {
  [name: string]: ThresholdValue | undefined;
}

/** `S` in any case, as the engine reads it: `AnyCase<'smtp'>` is `'smtp' | 'SMTP' | 'Smtp' | …`. */
export type AnyCase<S extends string> = S extends `${infer First}${infer Rest}`
  ? `${Lowercase<First> | Uppercase<First>}${AnyCase<Rest>}`
  : S;

/**
 * How the sending script sends its mail (`config/*` rules). Every field may be
 * `null` (as absent), as the options' JSON Schema says.
 */
export interface SmtpSettings {
  /**
   * `mail` (PHP `mail()`; `php` and `sendmail` say the same) or `smtp`, in any case.
   * Absent (or blank) with a `host`: `smtp` for `lint` and `lintCompose`; `mail` for
   * `lintPhpMail`, whose input is a `mail()` call (an SMTP host there is `config/smtp-with-mail`).
   */
  transport?: AnyCase<'mail' | 'php' | 'sendmail' | 'smtp'> | null;
  host?: string | null;
  /** 1 to 65535. */
  port?: number | null;
  /** In any case; `smtps`, `ssl/tls` and `true` (Nodemailer's `secure: true`) are read as `ssl`. */
  security?: AnyCase<'ssl' | 'smtps' | 'ssl/tls' | 'true' | 'tls' | 'starttls' | 'none'> | null;
  /** The sending address, to tell the provider's own mailboxes from others. */
  from?: string | null;
  /** Whether the script logs in (PHPMailer's `SMTPAuth`); `false` is judged against the hosting's servers. */
  auth?: boolean | null;
}

/**
 * Options of the calls that read streams (`lintAsync`, `analyseAsync`, a `Linter`'s `lint`):
 * the options of a lint run, and how long a stream may give nothing and all of them may take.
 */
export interface AsyncOptions extends Options {
  /**
   * Milliseconds a stream may give no chunk and not end before it is given up (destroyed, and the
   * call rejects with `invalid-input`, `messageId` `core.invalid.stream-idle`): a whole number
   * from 1 to 2147483647. Default 30000 (ours).
   */
  streamIdleTimeout?: number;
  /**
   * Milliseconds all the streams of one call may take together, however often they give a chunk
   * (one byte every 29 s never meets the idle time): past it the stream being read is destroyed, and
   * the call rejects with `invalid-input`, `messageId` `core.invalid.stream-total`. A whole number
   * from 1 to 2147483647. Default 300000 (ours: Node's http `server.requestTimeout`).
   */
  streamTotalTimeout?: number;
}

/** Options of a lint run. Unknown fields are refused (`invalid-options`). */
export interface Options {
  /** The address of the options' JSON Schema, for editors (`schema/options.schema.json`); the engine ignores it. */
  $schema?: string;
  /** Language of messages and fixes. Default `en`. */
  locale?: Locale;
  /** Per-rule overrides, keyed by rule id: `{ "size/line-length": "off" }`. */
  rules?: { [ruleId: string]: RuleSetting };
  /** Spam points per rule id, replacing the rule's own. */
  scores?: { [ruleId: string]: number };
  /** The spam score at which the verdict is `fail` (default 5). */
  spamThreshold?: number;
  thresholds?: Thresholds;
  /** "Now" for date checks, as Unix seconds; the engine never reads the clock. */
  now?: number;
  /** IPs and CIDRs known to be listed by reputation bodies (`spam/listed-ip`). */
  listedIps?: string[];
  smtp?: SmtpSettings | null;
  /** How the sending PHP script runs, for `lintPhpMail`. */
  php?: PhpSettings;
  /** The site's own domains (`sender/*`); default: the domain of `smtp.from`, or of the `From` of a `mail()` call. */
  senderDomains?: string[];
  /** DKIM public keys as published in DNS, by name: `{ "s1._domainkey.example.com": "v=DKIM1; k=rsa; p=…" }` (`dkim/signature`). */
  dkimKeys?: { [name: string]: string };
  /** Your own rules (README "Your own rules"): a pattern of the Rust `regex` crate (linear time) on a target. */
  customRules?: CustomRule[];
  /** The text of a SpamAssassin rule file (`.cf`); its rules report as `sa/NAME`. */
  spamassassinRules?: string;
}

/** A text in the reader's languages; `{match}` is the text found. */
export interface CustomTexts {
  en?: string;
  fr?: string;
  es?: string;
  pl?: string;
}

/** One rule of `customRules`. */
export interface CustomRule {
  /** `namespace/name`, the namespace not one of the engine's groups: `acme/banned-words`. */
  id: string;
  target: 'header' | 'subject' | 'from' | 'body' | 'rawbody' | 'uri' | 'filename' | 'full';
  /** The header field of a `header` rule. */
  header?: string;
  pattern: string;
  /** `absent` (default): report where the pattern matches; `match`: report when no value matches or the target is absent. */
  expect?: 'absent' | 'match';
  severity?: 'info' | 'warning' | 'error';
  /** Spam points of a finding (default 0). */
  score?: number;
  message?: CustomTexts;
  fix?: CustomTexts;
}

/** A problem of a custom rule, or why a SpamAssassin rule was not loaded. */
export interface CustomRuleProblem {
  rule: string;
  /** Stable reason key: `pattern-syntax`, `perl.look-around`, `eval`, `meta-cycle`, … */
  reason: string;
  /** 1-based line (in the JSON text, or in the SpamAssassin text). */
  line?: number;
  /** 1-based column, in characters. */
  column?: number;
  /** Index of the rule in `customRules`. */
  index?: number;
  field?: string;
  message: string;
}

/** The result of `checkCustomRules`. */
export interface CustomRulesCheck {
  ok: boolean;
  customRules: number;
  problems: CustomRuleProblem[];
  spamassassin?: {
    loaded: { [type: string]: number };
    loadedTotal: number;
    disabled: number;
    refused: number;
    refusedByReason: { reason: string; count: number }[];
    skippedLines: number;
    /** Settings SpamAssassin knows that do not apply to a preflight (`whitelist_from`, `report`, …): lines by name, skipped. */
    otherSettings: { [setting: string]: number };
  };
  /**
   * The rules that can report a finding, in load order (`customRules`, then the
   * SpamAssassin text's): no `__` sub-rule, none whose score 0 keeps it from
   * running. Empty when the rules cannot be used. The CLI lists them in SARIF's
   * `tool.driver.rules`.
   */
  rules: CustomRuleEntry[];
}

/** A rule of your own as a catalogue lists it (`checkCustomRules(…).rules`). */
export interface CustomRuleEntry {
  /** `acme/banned-words`, or `sa/NAME`. */
  id: string;
  /** `header`, `body`, … (`customRules` targets, SpamAssassin rule types, `meta`). */
  kind: string;
  defaultSeverity: Severity;
  defaultScore: number;
  /** In the asked language, else English, else the id: a template with `{match}` for `customRules`, SpamAssassin's `describe` as written. */
  message: string;
  /** The fix in the asked language (else English), when the rule has one. */
  fix?: string;
}

/**
 * Where PHP runs decides what `mail()` hands on: `unix` (the default; piped to
 * sendmail with CRLF header lines, the message as given) or `windows` (PHP's own
 * SMTP client: Subject and To first, header line ends unified, Bcc taken out).
 */
export interface PhpSettings {
  platform?: 'unix' | 'windows';
}

// ---------------------------------------------------------------- inputs

/**
 * One address: `"Name <a@b.example>"`, `"a@b.example"`, or an object, as Nodemailer takes them
 * (its own types: `MimeNodeAddress`). An object is sent only when its `address` is set: an
 * address group as an object (`{ name, group: [...] }`, the shape Nodemailer's addressparser
 * gives) or a name alone is dropped by Nodemailer, with its addresses, and the
 * `headers/compose-option` note says so. Give a group as text, `'Team: a@b.example, c@b.example;'`,
 * which Nodemailer writes as an RFC 5322 §3.4 group.
 */
export type Address = string | AddressObject;

/** `{ name, address }`, or an address group `{ name, group }` (which Nodemailer does not send). */
export interface AddressObject {
  name?: string;
  address?: string | null;
  group?: Address[];
}

/** One address, a list (nested lists are flattened, as Nodemailer flattens them), or a comma-separated string, as Nodemailer takes them. */
export type Addresses = Address | Addresses[];

/** Node's JSON form of a Buffer (`JSON.parse(JSON.stringify(buffer))`). */
export interface BufferJson {
  type: 'Buffer';
  data: number[];
}

/**
 * A stream as Nodemailer takes content (a Node `Readable`: Nodemailer tells one by its `pipe`).
 * Only the async calls read one (`lintAsync`, `analyseAsync`, a `Linter`'s `lint`), as Nodemailer
 * reads it: text chunks as UTF-8, byte chunks as they are, at most `MAX_INPUT_BYTES` (32 MiB) in
 * all (`input-too-large`); a text part of it is quoted-printable, as Nodemailer sends a stream.
 * `lint` and `analyse` answer at once and refuse it (`invalid-input`, `core.invalid.stream`).
 */
export interface ContentStream {
  pipe(...args: never[]): unknown;
  on(...args: never[]): unknown;
}

/** A content: a text, bytes (a `Buffer` is a `Uint8Array`), and with `S = ContentStream` (the async calls) a stream. */
export type Content<S = never> = string | Uint8Array | number[] | BufferJson | S;

/**
 * A content pointing to a file or a URL (`{ path }`, `{ href }`), as Nodemailer types it. The
 * engine reads no file and fetches nothing: refused at run time (`invalid-input`), except a
 * `data:` URL, which is decoded as Nodemailer decodes it.
 */
export interface ContentSource {
  /** A file path (a Node `URL` object too, as @types/nodemailer 8 types it), or `false` for none. */
  path?: string | false | object;
  href?: string | false;
  httpHeaders?: object;
  tls?: object;
}

/** How a string content is encoded, as Node's `Buffer.from(content, encoding)` reads it (case, `-` and `_` ignored); text (UTF-8) when absent. Another name is refused at run time. */
export type ContentEncoding = 'base64' | 'base64url' | 'hex' | 'utf-8' | 'utf8' | 'binary' | 'latin1' | 'ascii' | 'ucs2' | 'ucs-2'
  | 'utf16le' | 'utf-16le' | (string & {});

/**
 * A body (`text`, `html`, `watchHtml`, `amp`) as Nodemailer takes it: a text, bytes
 * (sent as they are in a part Nodemailer declares UTF-8), with `S = ContentStream` a stream, or an
 * object read as an alternative's fields: `{ content, encoding }`, `{ raw }` (the part whole, header
 * and body, sent as it is), with `headers`, `contentTransferEncoding`, `filename`.
 * `{ path }` and `{ href }` are refused: the engine reads no file or URL.
 */
export type BodyInput<S = never> = Content<S> | BodyPart<S>;

/** A body given as an object: its content or its raw part, and the part's own fields (Nodemailer's `MailComposerAlternative`). */
export interface BodyPart<S = never> {
  content?: Content<S> | ContentSource;
  encoding?: ContentEncoding;
  raw?: Content<S> | ContentSource;
  headers?: Headers;
  contentType?: string;
  contentTransferEncoding?: string | false;
  filename?: string | false;
  /** A file path or URL (a Node `URL` object too, as @types/nodemailer 8 types it): refused, the engine reads no file. */
  path?: string | false | object;
  href?: string | false;
  httpHeaders?: object;
  tls?: object;
}

/** An attachment, as Nodemailer takes it; with `S = ContentStream` (the async calls) its content may be a stream. */
export interface Attachment<S = never> {
  /** The file name; `false` sends the part with none (absent: drawn from `path` or `attachment-N.ext`, as Nodemailer does). */
  filename?: string | false;
  /** The content: text, bytes (`Buffer`, `Uint8Array`), a string in `encoding` (`'base64'`, `'hex'`), or a stream (async calls). */
  content?: Content<S> | ContentSource;
  encoding?: ContentEncoding;
  contentType?: string;
  /** Content-ID, for inline images referenced as `cid:` in the HTML. */
  cid?: string;
  contentDisposition?: 'attachment' | 'inline' | (string & {});
  contentTransferEncoding?: string | false;
  /** Header fields of the attachment's part. */
  headers?: Headers;
  /** The part whole, header and body, sent as it is. */
  raw?: Content<S> | ContentSource;
  /** A file path or URL (a Node `URL` object too). The engine reads no file and fetches nothing: give `content`. */
  path?: string | false | object;
  href?: string | false;
  httpHeaders?: object;
  tls?: object;
}

/**
 * A header value as `{ value }`, written as given, not encoded, when `prepared` (Nodemailer's
 * `prepared`), folded at 76 with `foldLines`.
 */
export interface PreparedHeader {
  prepared?: boolean;
  /** A text, a number or a flag; another value (an object) is refused (`invalid-input`), where Nodemailer writes `[object Object]`. */
  value?: unknown;
  foldLines?: boolean;
}

/**
 * One header's value: a text (a number or `true` is written as JavaScript writes it; `false`, `0`
 * and `null` write no field), `{ value, prepared }`, or a list of these, one field each (lists in
 * lists too, up to `MAX_HEADER_LIST_DEPTH`, 8 levels). A `Date` or an address object in a custom
 * field writes no field, as Nodemailer writes none (Nodemailer 10's types allow them).
 */
export type HeaderValue = string | number | boolean | null | undefined | Date | AddressObject | PreparedHeader | HeaderValue[];

/** Custom headers, in order: `{ "X-Name": "value" }` (a list for repeated fields) or `[{ key, value }]`. */
export type Headers =
  | { [name: string]: HeaderValue }
  | Array<{ key: string; value: HeaderValue }>
  /** One field, as Nodemailer's addHeader reads an object whose `key` and `value` are both set. */
  | { key: string; value: HeaderValue };

/**
 * The message fields a script passes to Nodemailer (`transporter.sendMail(compose)`).
 * The engine renders the MIME message Nodemailer would send and lints that.
 */
export interface Compose<S = never> {
  from?: Addresses;
  sender?: Addresses;
  to?: Addresses;
  cc?: Addresses;
  bcc?: Addresses;
  replyTo?: Addresses;
  /**
   * A number is written as JavaScript writes it (`String(value)`), as Nodemailer does; a list writes no field and is refused,
   * and so is an address object, which @types/nodemailer 8 allows and Nodemailer writes as `<[object Object]>`.
   */
  inReplyTo?: string | number | AddressObject;
  references?: string | number | Array<string | number>;
  /** A number is written as JavaScript writes it (`123`, `1e+21`); `0` and `false` make no Subject, as in Nodemailer. */
  subject?: string | number | boolean;
  text?: BodyInput<S>;
  html?: BodyInput<S>;
  headers?: Headers;
  attachments?: Attachment<S>[];
  /**
   * Set only when the script sets Date itself; Nodemailer adds it otherwise. A text or a
   * number is written as it is (`Date: 1700000000000`, which headers/date reports), a Date
   * as Nodemailer writes it (`toUTCString()`).
   */
  date?: string | number | Date;
  /** Set only when the script sets Message-ID itself; Nodemailer adds it otherwise. */
  messageId?: string | number;
  /** The Apple Watch version (`text/watch-html`), an alternative after `text`. */
  watchHtml?: BodyInput<S>;
  /** The AMP for Email version (`text/x-amp-html`), an alternative before `html`. */
  amp?: BodyInput<S>;
  /** A calendar event: a `text/calendar` alternative and an `invite.ics` attachment, as Nodemailer sends it. */
  icalEvent?: Content<S> | IcalEvent<S>;
  /** More alternatives, after text, watchHtml, amp, html and icalEvent (at most 100). */
  alternatives?: Alternative<S>[];
  /** `List-*` fields, one per entry: `{ unsubscribe: [['https://…', 'unsubscribe@…']], id: { url, comment } }`. */
  list?: { [key: string]: ListValue };
  /** `high` and `low` write X-Priority, X-MSMail-Priority and Importance; `normal` writes none. */
  priority?: 'high' | 'normal' | 'low' | (string & {});
  /** The X-Mailer field; none when absent or false. */
  xMailer?: string | number | boolean;
  /** The Content-Transfer-Encoding of the text parts. */
  encoding?: 'quoted-printable' | 'base64' | (string & {});
  /** The encoding of encoded words and of text bodies that need one (Nodemailer chooses by content otherwise). */
  textEncoding?: 'quoted-printable' | 'base64' | 'Q' | 'B';
  /** A whole message, sent (and linted) as it is instead of one built from the other fields. */
  raw?: Content<S> | ContentSource;
  baseBoundary?: string;
  boundaryPrefix?: string;
  /** The SMTP envelope: not in the message, but `from` is the Return-Path a receiver records (sender/misaligned reads it). */
  envelope?: Envelope;
  /** Set aside: DSN parameters of the SMTP commands, not in the message. */
  dsn?: { id?: string; envid?: string | null; return?: 'headers' | 'full' | (string & {}); ret?: string | null;
    notify?: string | string[] | null; recipient?: string };
  /** Set aside: the SMTP transport sends every line end as CRLF. */
  newline?: 'windows' | 'unix' | string;
  /** Set aside: the engine reads no file and fetches nothing anyway. */
  disableFileAccess?: boolean;
  disableUrlAccess?: boolean;
  /**
   * Not rendered (the signature, the data: images made attachments, the renamed fields): said in a
   * `headers/compose-option` info finding, as is any key that is no Nodemailer option (a typo).
   */
  dkim?: object | false;
  attachDataUrls?: boolean;
  normalizeHeaderKey?: (key: string, value: string) => string;
}

/**
 * The SMTP envelope, as Nodemailer's SMTP transport reads it (mime-node `setEnvelope`): the keys it
 * knows, with no index signature, so that @types/nodemailer 8's `Envelope` is one; any other key is a
 * `headers/compose-option` note at run time.
 */
export interface Envelope {
  /** `false`: the null sender of a bounce (`MAIL FROM:<>`). */
  from?: Addresses | false;
  to?: Addresses;
  cc?: Addresses;
  bcc?: Addresses;
  size?: number;
  use8BitMime?: boolean;
  dsn?: object;
  requireTLSExtensionEnabled?: boolean;
}

/** One alternative: an attachment's fields without `cid` and `contentDisposition` (type `text/plain` by default). */
export type Alternative<S = never> = Omit<Attachment<S>, 'cid' | 'contentDisposition'>;

/** Nodemailer's `icalEvent` object. */
export interface IcalEvent<S = never> {
  content?: Content<S> | ContentSource;
  /** The iTIP method, `PUBLISH` when absent (written upper-case). */
  method?: string;
  /** The attachment's name, `invite.ics` when absent. */
  filename?: string | false;
  encoding?: ContentEncoding;
  headers?: Headers;
  /** A file path or URL. The engine reads no file and fetches nothing: give `content`. */
  path?: string | false | object;
  href?: string | false;
}

/** One URL of a `List-*` field: the URL (`https:`, `mailto:`, an address, or a host), or with a comment. */
/** A URL of a `list` entry; `false`, `true`, a number or `null` give none, as in Nodemailer. */
export type ListUrl = string | { url?: string; comment?: string } | boolean | number | null;
/**
 * A `list` entry: one field, or a list of fields, each a URL or a list of URLs joined in one field
 * (a third level of lists is refused: Nodemailer leaves its URLs out). RFC 8058's
 * `List-Unsubscribe-Post` cannot be made here (Nodemailer makes every value a URL): set it in `headers`.
 */
export type ListValue = ListUrl | Array<ListUrl | ListUrl[]>;

/**
 * A raw RFC 5322 message (text or bytes: a Node `Buffer` is a `Uint8Array`; an ArrayBuffer, a DataView
 * or another typed array is read as its bytes, a `String` object as its text), or compose fields (a
 * plain object; an instance of a class is refused with `invalid-input`).
 */
export type LintInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | String | Compose;

/**
 * What the async calls take (`lintAsync`, `analyseAsync`, a `Linter`'s `lint`): `LintInput`, and
 * compose fields whose contents may be streams (`ContentStream`), as Nodemailer's `SendMailOptions`
 * may hold them.
 */
export type LintAsyncInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | String | Compose<ContentStream>;

/** PHP's `additional_headers`: text, a list of lines, or a map whose values are texts or lists of texts (PHP ≥ 7.2). */
export type PhpHeaders = string | string[] | { [name: string]: string | string[] };

// ---------------------------------------------------------------- report

/** Where a finding is. Offsets index the UTF-8 bytes of the linted message. */
export interface Location {
  /** The header field, e.g. `Subject`. */
  header?: string;
  /** Index of the MIME part (0 = the message itself, depth-first). */
  part?: number;
  /** First byte (inclusive) in the linted message: the input, or `report.source`. */
  start?: number;
  /** Last byte (exclusive). */
  end?: number;
  /** 1-based line of `start`. */
  line?: number;
  /**
   * 1-based column of `start` on its line, in Unicode code points (an invalid UTF-8
   * sequence counts as one), as SARIF counts it (src/report.rs `Location::column`);
   * `start` and `end` are byte offsets.
   */
  column?: number;
  /** A path inside an attachment, e.g. `invoice.zip > docs/run.exe`. */
  path?: string;
  /** For an element of an encoded part (quoted-printable, base64): its first byte in the part's decoded text. */
  decodedStart?: number;
  /** Last byte (exclusive) in the part's decoded text. */
  decodedEnd?: number;
}

/**
 * A named parameter of a message: a number, a text, a size shown in decimal
 * megabytes, a label rendered in the reader's language (`renderMessage`),
 * names to choose from listed in it ("unix or windows"), or messages of their
 * own rendered in it (the problems of custom rules in `core.invalid.custom-rules`).
 */
export type Param = number | string | { megabytes: number } | { label: string } | { labels: string[] }
  | { number: number; decimals: number } | { choices: string[] } | { messages: NestedMessage[] };

/** A message inside a parameter: its catalogue id and its own parameters. */
export interface NestedMessage {
  id: string;
  params?: { [name: string]: Param };
}

/** One problem found in the message. */
export interface Finding {
  /** Stable rule id, `group/name`. */
  ruleId: string;
  severity: Severity;
  score: number;
  /** Catalogue id of `message`, for callers that localise themselves (`messages()`). */
  messageId: string;
  /** What is wrong and why it matters, in the report's language. */
  message: string;
  params?: { [name: string]: Param };
  /** The offending text, quoted from the message (shortened when long). */
  evidence: string;
  /**
   * Catalogue id of `evidence` when the engine words it (`(no text)`, `body parts: text/html`)
   * instead of quoting the message; `renderReport` says it again in another language with `params`.
   */
  evidenceId?: string;
  location: Location;
  /** Catalogue id of `fix`. */
  fixId: string;
  /** What to do about it, in the report's language. */
  fix: string;
  /**
   * A rule of your own (`customRules`, `spamassassinRules`): its texts as given,
   * by language, which `renderReport` says again in another language. `literal`:
   * a SpamAssassin `describe`, said as written (no `{match}`).
   */
  customTexts?: {
    message: { en?: string; fr?: string; es?: string; pl?: string };
    fix?: { en?: string; fr?: string; es?: string; pl?: string };
    literal?: boolean;
  };
}

/** Sizes of the linted message, in bytes. */
export interface Sizes {
  /** The message as transmitted: headers, MIME structure and encoded bodies. */
  encoded: number;
  /** The header block of the top-level message. */
  headers: number;
  /** Sum of the decoded contents of the leaf parts (text and attachments). */
  decoded: number;
  /** The `size/total` limit in force. */
  limit: number;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

/** The result of linting one message. */
export interface Report {
  /** Version of the engine that wrote the report. */
  version: string;
  verdict: Verdict;
  /** Sum of the findings' spam points (`Finding.score`). */
  spamScore: number;
  /** The spam score at which the verdict is `fail`. */
  spamThreshold: number;
  locale: Locale;
  origin: Origin;
  sizes: Sizes;
  counts: Counts;
  findings: Finding[];
  /** The rendered message, for compose and PHP `mail()` input: the offsets index its UTF-8 bytes. */
  source?: string;
}

/** A documented example of a rule, executed by the engine's test suite. */
export interface RuleExample {
  /** `true`: the example raises the rule; `false`: it must not. */
  fails: boolean;
  title: string;
  kind: 'raw' | 'compose' | 'phpMail' | 'generated';
  /** The raw message, the compose JSON, or the `mail()` arguments as JSON. */
  input: string;
  /** Options for the example, as JSON. */
  options?: string;
  /** The findings of this rule the example raises (0 for a passing example). */
  expectedCount: number;
  /** Their severity. */
  expectedSeverity: Severity;
}

/** Where a default comes from: a host's guide, an RFC, a receiver's rule, a measurement, or our own choice. */
export interface RuleEvidence {
  kind: 'guide' | 'rfc' | 'receiver' | 'measured' | 'ours';
  text: string;
}

/** A tunable of a rule: its option path, default and range. */
export interface RuleThreshold {
  /** The option that sets it, e.g. `thresholds.size.maxMessageBytes`. */
  option: string;
  default: number | boolean | string[];
  min?: number;
  max?: number;
  doc: string;
  evidence?: RuleEvidence;
}

/** A rule with its documentation, in one language. */
export interface RuleDoc {
  id: string;
  group: string;
  defaultSeverity: Severity;
  defaultScore: number;
  /** Why the default severity and score are what they are. */
  evidence: RuleEvidence[];
  summary: string;
  why: string;
  fix: string;
  thresholds: RuleThreshold[];
  examples: RuleExample[];
}

// ---------------------------------------------------------------- queue and SMTP

/**
 * Service states as the provider's API names them (`hosting.web.mail.StateEnum`), in
 * scenarios and results alike: `ok` is the panel's "Active", `ko` its "Disabled".
 * `active` and `disabled` are accepted in scenarios.
 */
export type QueueState = 'ok' | 'ko' | 'force' | 'bounce' | 'spam' | 'purging';
/** @deprecated the same as `QueueState`. */
export type ApiState = QueueState;

/**
 * The panel's buttons as the API names them (`BLOCK | UNBLOCK | PURGE`); the recipient
 * change (`PUT …/email {email}` in the API) is `CHANGE_RECIPIENT`. Lower case is accepted in scenarios.
 */
export type QueueAction = 'BLOCK' | 'UNBLOCK' | 'PURGE' | 'CHANGE_RECIPIENT';

/** Unix seconds, or a date-time (`2026-03-02T10:15:00+01:00`; without an offset, local time in `timeZone`). */
export type Instant = number | string;

/** The provider API's service object (`GET /hosting/web/{serviceName}/email`). */
export interface ServiceSnapshot {
  state?: QueueState | 'active' | 'disabled';
  /** Total mails sent since the hosting was created. */
  sent?: number;
  /** Mails sent on the day of `takenAt` (reset at local midnight). */
  sentToday?: number;
  /** Total mails returned in error. */
  bounce?: number;
  /** Daily sending cap; absent: 7,200 (ours). */
  maxPerDay?: number | null;
  /** Recipient of the daily error report (nullable in the API). */
  email?: string | null;
}

/** One entry of the error log (`GET …/email/bounces`; every field nullable). */
export interface ErrorLogEntry {
  /** Date-time, e.g. `2026-03-02T10:15:00+01:00`. */
  date?: string | null;
  /** The SMTP reply the remote server gave. */
  message?: string | null;
  to?: string | null;
}

/** Mails sent on one day (`GET …/email/volumes`). */
export interface HistoryEntry {
  /** The day: its local midnight as a date-time (results), or a date. */
  date: string;
  volume?: number | null;
}

/** Mails a script sends: `count` mails, or `rate` per hour for `duration` seconds, spread evenly from `start`; or a send `log`. */
export interface Stream {
  name?: string;
  /** Seconds after the scenario start of the first mail. */
  start?: number;
  /** Seconds over which the mails are spread. */
  duration?: number;
  /** Mails per hour (when `count` is absent), 0 to 3,600,000. */
  rate?: number;
  count?: number;
  /** Share of mails returned in error, 0 to 1. */
  bounceShare?: number;
  /** `mail` (PHP mail(), through the panel's queue) or `smtp` (200/h per account, 300/h per IP). */
  transport?: 'mail' | 'smtp';
  account?: string;
  ip?: string;
  /** What the host makes of the mail; overrides `message`. */
  verdict?: 'clean' | 'spam' | 'refused';
  /** A raw message, linted once for the stream. */
  message?: string;
  /** A send log to replay (CSV or JSON lines: time, recipient, status or SMTP reply). */
  log?: string;
  /** Seconds after the scenario start of the first logged mail; absent: the logged times. */
  logStart?: number;
  recipientDomain?: string;
  bounceReply?: string;
}

/** A user action at `at` seconds after the scenario start. */
export interface ScheduledAction {
  at: number;
  action: QueueAction | 'block' | 'unblock' | 'purge' | 'changeRecipient';
  /** New report recipient, for `CHANGE_RECIPIENT`. */
  email?: string;
}

/** Thresholds of the simulation; the README lists each one's range and source (guide or ours). */
export interface QueueThresholds {
  retentionSeconds?: number;
  purgeSeconds?: number;
  unblockDelaySeconds?: number;
  burstMaxMails?: number;
  burstWindowSeconds?: number;
  bounceRatio?: number;
  /** `total` (the guides: errors / total sent, lifetime counters included) or `recent` (ours). */
  bounceRatioBasis?: 'total' | 'recent';
  bounceWindowMails?: number;
  bounceMinMails?: number;
  maxErrorsPerHour?: number;
  spamMailsBeforeBlock?: number;
  spamRulePrefixes?: string[];
  redistributionPerMinute?: number;
  resumeOnNextMail?: boolean;
  smtpPerAccountPerHour?: number;
  smtpPerIpPerHour?: number;
  bucketSeconds?: number;
}

/**
 * A sending-queue scenario (SPEC §4). Unknown fields are refused; a number out of its
 * range throws `invalid-scenario` with `error.field`. The provider API's snapshot
 * (`{takenAt, service, bounces, volumes}`) is a scenario as it is.
 */
export interface Scenario {
  /** Origin of the virtual clock; default `takenAt`, else the first logged mail's day, else 2026-03-02 00:00 local. */
  start?: Instant;
  /** When the snapshot was read (its `sentToday` belongs to that day). */
  takenAt?: Instant;
  /** Seconds to simulate; without it, until every mail is settled. */
  until?: number;
  seed?: number;
  locale?: Locale;
  /** IANA time zone of the day boundary; default `Europe/Paris` (the provider's). */
  timeZone?: string;
  /** The hosting's domain, for the abuse notice. */
  domain?: string;
  service?: ServiceSnapshot;
  /** The API's `bounces`. */
  errorLog?: ErrorLogEntry[];
  bounces?: ErrorLogEntry[];
  /** The API's `volumes`. */
  history?: HistoryEntry[];
  volumes?: HistoryEntry[];
  thresholds?: QueueThresholds;
  streams?: Stream[];
  actions?: ScheduledAction[];
  /** `mails`: how long that many mails take at the highest steady rate. */
  questions?: { mails?: number };
}

export type MailOutcome =
  | 'delivered' | 'bounced' | 'heldThenDelivered' | 'heldThenBounced' | 'expired' | 'purged' | 'refused' | 'pending';

export type StateChangeCause =
  | 'block' | 'unblock' | 'purge' | 'purgeDone' | 'tooFast' | 'tooManyErrors' | 'bounceRatio' | 'spam';

export interface StateChange {
  at: number;
  from: QueueState;
  to: QueueState;
  cause: StateChangeCause;
  /** Localized: what happened, with the mail and the measure against the threshold. */
  message: string;
  /** Localized: what to do now. */
  advice: string;
  /** The mail that tripped an automatic change. */
  trigger?: { mail: number; stream: number; streamName: string; recipient: string };
  /** The measured value against the threshold (a count, or a ratio 0–1). */
  measure?: {
    kind: 'burst' | 'errorsPerHour' | 'ratio' | 'spamMails';
    value: number;
    of?: number;
    threshold: number;
    windowSeconds?: number;
    basis?: 'total' | 'recent';
    /** Burst: how many of the mails counted were held mails put back into distribution (they count like any other). */
    redistributed?: number;
  };
  /** Actions offered after the change. */
  actions: QueueAction[];
}

export interface AppliedAction {
  at: number;
  action: QueueAction;
  state: QueueState;
  /** When the change happens in the simulation; null when a later action cancelled it (`superseded`). */
  effectiveAt: number | null;
  /** The range to expect in reality (the guides: "a few minutes" to "several tens of minutes"). */
  expected?: { earliest: number; latest: number };
  /** A later action that cancelled this one while still in progress (a purge during an unblock's delay). */
  superseded?: { at: number; by: QueueAction; message: string };
}

export interface RejectedAction {
  at: number;
  action: QueueAction;
  state: QueueState;
  reason: 'notOffered' | 'inProgress' | 'support';
  /** Localized reason. */
  message: string;
}

export interface Notification {
  at: number;
  kind: 'abuseNotice' | 'dailyErrorReport';
  /** The report recipient then; `null` when the service gives none (`email: null`). */
  to: string | null;
  subject: string;
  errors: number;
  day?: string;
}

export interface OutcomeSummary {
  outcome: MailOutcome;
  count: number;
  /** Mail ids as `[first, last]` ranges (at most 50). */
  ranges: Array<[number, number]>;
  truncated: boolean;
}

export interface StreamSummary {
  name: string;
  transport: 'mail' | 'smtp';
  mails: number;
  ids?: [number, number];
  /**
   * `refused`: too large, refused at submission. `returned`: the message has an
   * error receivers refuse (not a spam rule's, not `size/total`): the hosting
   * sends each mail and each comes back in error, with `bounceReply`.
   */
  kind: 'clean' | 'spam' | 'refused' | 'returned';
  lint?: {
    verdict: Verdict; score: number; errors: string[];
    findings: Array<{ ruleId: string; severity: Severity; message: string }>;
    /** Kind `returned`: why, in the scenario's language. */
    returned?: string;
  };
  logged: boolean;
  /** The reply its returned mails carry: for kind `returned`, the receivers' documented reply, else a generic 550 naming the rule. */
  bounceReply: string;
  refusedReply?: string;
  outcomes: { [outcome in MailOutcome]?: number };
}

export interface MailRecord {
  id: number;
  stream: number;
  created: number;
  outcome: MailOutcome;
  settled: number;
  reply?: string;
}

/** Every mail as columns (with `simulate(scenario, {mailTable: true})`); times in seconds after `start`. */
export interface MailTable {
  /** Index into `SimulationResult.outcomes`. */
  outcome: Uint8Array;
  stream: Uint16Array;
  created: Uint32Array;
  settled: Uint32Array;
}

export interface QueueCounters {
  mails: number;
  sent: number;
  errors: number;
  spamSent: number;
  held: number;
  expired: number;
  purged: number;
  refused: number;
  pending: number;
  smtpAccepted: number;
  smtpRefused: number;
  smtpBounced: number;
  maxQueue: number;
  /** Longest time one mail waited in the queue. */
  longestHoldSeconds: number;
  /** Seconds in a red state (`ko`, `bounce`, `spam`). */
  redSeconds: number;
  spamEpisodes: number;
}

/** Per-bucket series for charts. */
export interface QueueSeries {
  start: number;
  bucketSeconds: number;
  queue: number[];
  generated: number[];
  sent: number[];
  errors: number[];
  dropped: number[];
}

/** A value the run relies on: from the guides, ours (the guides give none) or the scenario's. */
export interface Assumption {
  field: string;
  value: unknown;
  source: 'guide' | 'ours' | 'scenario';
  /** The range to expect in reality, in the field's unit. */
  expected?: [number, number];
  note: string;
}

/** One run's numbers in a comparison. */
export interface RunSummary {
  state: QueueState;
  red: boolean;
  redSeconds: number;
  firstRedAt?: number;
  mails: number;
  /** Legitimate mails (every stream but the spam ones) delivered. */
  delivered: number;
  /** The spam streams' mails that went out. */
  spamDelivered: number;
  returned: number;
  /** Legitimate mails expired, purged or refused. */
  lost: number;
  pending: number;
  held: number;
  maxQueue: number;
  longestHoldSeconds: number;
  spamEpisodes: number;
  abuseNotices: number;
  changes: number;
}

/** Two runs side by side, with one localized line per number that differs. */
export interface Comparison {
  a: RunSummary;
  b: RunSummary;
  differences: string[];
}

/** The owner's questions answered. */
export interface Answers {
  maxSteadyRate?: {
    mailsPerHour: number;
    limitedBy: 'burst' | 'errorsPerHour' | 'bounceRatio' | 'lifetimeRatio' | 'dailyCap';
    bounds: Array<{ limit: 'burst' | 'errorsPerHour' | 'bounceRatio' | 'lifetimeRatio' | 'dailyCap'; mailsPerHour: number }>;
    bounceShare: number;
    message: string;
  };
  timeFor?: { mails: number; seconds?: number; message: string };
  /** This run (A) against the same without its spam streams (B): what a captcha changes. */
  captcha?: Comparison;
}

/** The outcome of a simulation. */
export interface SimulationResult {
  version: string;
  start: number;
  end: number;
  /** The IANA zone of the day boundary, and the tz database release. */
  timeZone: string;
  tzdata: string;
  /** Final service object, provider API shape. */
  service: ServiceSnapshot & { state: QueueState };
  state: QueueState;
  /** Actions offered at the end. */
  actions: QueueAction[];
  counters: QueueCounters;
  outcomes: OutcomeSummary[];
  streams: StreamSummary[];
  timeline: StateChange[];
  appliedActions: AppliedAction[];
  rejectedActions: RejectedAction[];
  notifications: Notification[];
  history: HistoryEntry[];
  /** The newest 100 entries. */
  errorLog: ErrorLogEntry[];
  errorLogTotal: number;
  series: QueueSeries;
  /** The first 200 mails in detail. */
  mails: MailRecord[];
  assumptions: Assumption[];
  answers: Answers;
  /** With `{mailTable: true}` only. */
  mailTable?: MailTable;
}

/** A worked example scenario shipped with the engine. */
export interface QueuePreset {
  id: string;
  /** The scenario, as JSON text. */
  json: string;
}

/** The RFC 3463 enhanced status code, explained (IANA registry). */
export interface EnhancedCode {
  /** As written, e.g. `5.1.1`. */
  code: string;
  class: string;
  subject: string;
  detail?: string;
  /** The defining document when the IANA registry enumerates the code. */
  reference?: string;
}

/** An SMTP reply explained (SPEC §5): the enhanced code first, the server's words, the basic code. */
export interface SmtpReplyExplanation {
  locale: Locale;
  code?: number;
  /** From the first digit: 2xx success, 3xx intermediate, 4xx transient (retry), 5xx permanent. */
  class: 'success' | 'intermediate' | 'transient' | 'permanent' | 'unknown';
  classMeaning: string;
  /** Whether retrying later can succeed (4xx). */
  retry: boolean;
  /** The code is in the guide's table (211–555). */
  known: boolean;
  meaning: string;
  action: string;
  /** What `meaning` and `action` rest on. */
  basis: 'enhanced' | 'text' | 'code' | 'class';
  basisText: string;
  enhanced?: EnhancedCode;
  /** The cause the server's own words name. */
  cause?: { id: string; meaning: string; action: string };
  /** The guide's table entry for the basic code. */
  guide?: { meaning: string; action: string };
  /** Rule ids (or groups ending with `/`) related to the reply. */
  relatedRules: string[];
  /** The server's own text. */
  text: string;
  /** Localized problem with the input (empty reply, no code). */
  problem?: string;
}

/** The `config/*` rules run over SMTP settings alone. */
export interface SmtpSettingsCheck {
  locale: Locale;
  settings: SmtpSettings;
  verdict: Verdict;
  findings: Finding[];
}

// ---------------------------------------------------------------- functions

/**
 * A global of the web platform by its instance type, read off `globalThis` so that a
 * project whose libraries declare it (DOM, or @types/node) gets that type, and one with
 * neither (`"lib": ["es2022"]`, no DOM, `types: []`) still compiles these declarations
 * with `skipLibCheck: false`: only `init`, `initSync` and a call's `signal` use them.
 */
type GlobalInstance<Name extends string> = typeof globalThis extends { [K in Name]: { prototype: infer T } } ? T : never;
/** DOM's `BufferSource`, spelled out (ECMAScript's own types). */
type WasmBytes = ArrayBuffer | ArrayBufferView;
/** A compiled `WebAssembly.Module`, where the project's libraries declare one. */
type WasmModule = typeof globalThis extends { WebAssembly: { Module: { prototype: infer T } } } ? T : never;

/**
 * Loads the wasm. Needed once in a browser (web entry) before any other call;
 * resolves at once in Node and with the bundler entry. Later calls return the
 * same promise.
 */
export function init(wasm?: GlobalInstance<'URL'> | string | GlobalInstance<'Request'> | GlobalInstance<'Response'> | WasmBytes | WasmModule): Promise<void>;

/** Initialises synchronously from wasm bytes or a compiled module (workers); a no-op in Node. */
export function initSync(wasm?: WasmBytes | WasmModule): void;

/**
 * Lints a raw message (string or bytes) or the message Nodemailer would build
 * from compose fields. Throws a `MailPreflightError` on bad input or options.
 */
export function lint(input: LintInput, options?: Options): Report;

/**
 * `lint` of compose fields whose contents may be streams, as Nodemailer's `SendMailOptions` may
 * hold them (`text`, `html`, `attachments[i].content`, `raw`, `icalEvent`…): each stream is read
 * first, then the message is linted as `lint` lints it. In Node each stream read is put back in its
 * place in `input` as a new stream of the same bytes, so the same fields can go on to `sendMail`,
 * which then sends what was checked. Other inputs are linted as `lint` lints them.
 */
export function lintAsync(input: LintAsyncInput, options?: AsyncOptions): Promise<Report>;

/** Lints the message PHP `mail(to, subject, message, additional_headers)` hands to sendmail. */
export function lintPhpMail(
  to: string,
  subject: string,
  message: string,
  headers?: PhpHeaders,
  options?: Options,
): Report;

/** Every rule with its documentation and examples, in one language (default `en`). */
export function rules(locale?: Locale): RuleDoc[];

/**
 * Every catalogue message in one language, keyed by message id: templates with `{name}`
 * parameters and ICU plural choices (`{count, plural, one {# byte} other {# bytes}}`);
 * render them with `renderMessage(id, params, locale)`, which applies the language's plural rules.
 */
export function messages(locale?: Locale): { [messageId: string]: string };

/** The engine version. */
export function version(): string;

/** The same report in another language, rendered from its ids and parameters without linting again. */
export function renderReport(report: Report, locale?: Locale): Report;

/** Any message of the engine by id, with its parameters, in `locale` (unknown ids are returned as is). */
export function renderMessage(id: string, params?: { [name: string]: Param }, locale?: Locale): string;

/** The JSON Schema (draft 2020-12) of `Options`, with every rule id and threshold. */
export function optionsSchema(): object;
/**
 * Options as JSON text (a config file) checked as `lint` checks them: returns
 * nothing when they can be used, else throws the coded `invalid-options` error in
 * `locale` (default: the text's own `locale`), naming the field, or the line and
 * column where the text stops being JSON (`messageId` `core.invalid.not-json`).
 */
export function checkOptions(json: string, locale?: Locale): void;

/** The analysed parts of a message (same input and options as `lint`), for a page to show. */
export function analyse(input: LintInput, options?: Options): Analysis;

/** `analyse` of compose fields whose contents may be streams, read first as `lintAsync` reads them. */
export function analyseAsync(input: LintAsyncInput, options?: AsyncOptions): Promise<Analysis>;

/** A header field with byte offsets into the analysed message. */
export interface FieldView {
  name: string;
  start: number;
  end: number;
  valueStart: number;
}

/** One MIME part of the analysed message (depth-first; 0 is the message). */
export interface PartView {
  index: number;
  parent?: number;
  depth: number;
  contentType: string;
  charset?: string;
  transferEncoding?: string;
  disposition?: string;
  filename?: string;
  /** The Content-ID without angle brackets. */
  contentId?: string;
  bodyStart?: number;
  bodyEnd?: number;
  decodedSize: number;
  isBody: boolean;
  isAttachment: boolean;
  inAttachedMessage: boolean;
  headers: FieldView[];
}

/** The decoded text of a text part, cut at the engine's preview limit. */
export interface TextPreview {
  part: number;
  html: boolean;
  text: string;
  chars: number;
  truncated: boolean;
}

/**
 * Where the start tag of an element is: `start`/`end` in the analysed message when its
 * body lies there as is; `decodedStart`/`decodedEnd` in the decoded text of its part
 * (UTF-8 byte offsets into that part's `TextPreview`).
 */
export interface ElementAt {
  start?: number;
  end?: number;
  decodedStart?: number;
  decodedEnd?: number;
}

/** Text a reader cannot see: hidden by CSS or in the colour of its background. */
export interface HiddenRun {
  text: string;
  /** The element holding the text (`span`, `td`, …). */
  element: string;
  /** The CSS that hides it (`display: none`), when it is hidden rather than camouflaged. */
  hiddenBy?: string;
  /** Where the hiding or the colours come from (the declaration or attribute). */
  source?: string;
  color?: string;
  background?: string;
  /** WCAG contrast of the text on its background. */
  contrast?: number;
  /** An honest pattern, hidden but not reported. */
  honest?: 'preheader' | 'trackingPixel' | 'screenReader' | 'smallScreens' | 'someClients' | 'interaction';
  at: ElementAt;
}

/** What the HTML analysis found in one HTML body. */
export interface HtmlView {
  part: number;
  hiddenRuns: HiddenRun[];
  links: Array<{ href: string; text: string; title?: string; at: ElementAt }>;
  images: Array<{ src: string; alt?: string; at: ElementAt }>;
  truncated: boolean;
  analysisTruncated: boolean;
}

/** An image part with a Content-ID, decoded (for a preview to show `cid:` images). */
export interface InlineImage {
  part: number;
  contentType: string;
  contentId: string;
  bytes: Uint8Array;
}

/** The analysed parts of one message. */
export interface Analysis {
  origin: Origin;
  size: number;
  /** The rendered message, for compose input: the offsets index its UTF-8 bytes. */
  source?: string;
  headers: FieldView[];
  parts: PartView[];
  texts: TextPreview[];
  html: HtmlView[];
  /** Image parts with a Content-ID, at most 5 MB each. */
  inlineImages: InlineImage[];
}

/** Runs a sending-queue simulation; `scenario` is an object or its JSON text. */
export function simulate(scenario: Scenario | string, options?: { mailTable?: boolean }): SimulationResult;

/** Runs two scenarios and compares them (in the language of `a`). */
export function compare(a: Scenario | string, b: Scenario | string): Comparison;

/** The IANA time zones the simulation knows, and the tz database release. */
export function queueTimeZones(): { version: string; names: string[] };

/**
 * Explains an SMTP reply such as `550 5.1.1 <x@y>: Recipient address rejected` or `451`.
 * With the script's `settings`, a reply that asks for STARTTLS first names the port and security they configure.
 */
export function explainSmtpReply(reply: string, locale?: Locale, settings?: SmtpSettings): SmtpReplyExplanation;

/** Checks the SMTP settings a script uses (port, security, host). */
export function checkSmtpSettings(settings: SmtpSettings, locale?: Locale): SmtpSettingsCheck;

/** The queue simulator's preset scenarios. */
/** The worked example scenarios, their stream names in `locale` (default English). */
export function queuePresets(locale?: Locale): QueuePreset[];
/** Checks custom rules (a JSON text or object: a list of rules, or `{customRules, spamassassinRules}`), with positions. */
export function checkCustomRules(rules: string | object, locale?: Locale): CustomRulesCheck;

/** A mechanical fix (`src/fixes/`): its id. */
export type FixId = 'line-ends' | 'encode-subject' | 'fold-headers' | 'add-date' | 'add-message-id' | 'text-alternative';

/** Options of `fixMessage`. */
export interface FixOptions {
  /** "Now" as Unix seconds, for an added `Date`; without it no `Date` is added (the engine never reads the clock). */
  now?: number;
  /** Only these fixes; all of them when absent. */
  only?: FixId[];
}

/** One fix that changed the message. */
export interface AppliedFix {
  fix: FixId;
  /** The rule whose findings this fix removes. */
  ruleId?: string;
  /** How many places changed (line ends, folded fields; 1 for an added field). */
  count: number;
  /** What was written or touched (message-derived: show it as text). */
  detail: string;
}

/**
 * Applies the mechanical fixes to a raw message: line ends, an encoded subject, folded
 * header lines, `Date` and `Message-ID`, a text alternative to an HTML-only body.
 * `applied` is empty when nothing needed fixing (then `fixed` is the input).
 */
export function fixMessage(input: string | Uint8Array, options?: FixOptions): { fixed: Uint8Array; applied: AppliedFix[] };

// #node-only: the Node entries (index.cjs, index.mjs) alone export what follows.

/** Settings of `createLinter`. */
export interface LinterSettings {
  /** Worker threads, each with its own engine: 1 to 64. Default: the number of cores minus one (at least 1). */
  threads?: number;
  /** The language of the linter's own errors (`closed`, `timeout`, a wrong `threads`) when a call's options give none. Default: English. */
  locale?: Locale;
  /**
   * The `timeout` of every call that gives none (see `LinterCallOptions`), in ms: a whole
   * number from 1 to 2147483647. Default: none.
   */
  timeout?: number;
}

/** What a `Linter`'s calls take besides the options of `lint()`: read by the linter, never by the engine. */
export interface LinterCallOptions {
  /**
   * Gives the call up when it aborts: reading its streams, they are destroyed (the one
   * being read and those after it); waiting, it leaves the queue; running, its worker
   * thread is terminated and replaced. The call rejects with `signal.reason` (an
   * `AbortError` DOMException unless `abort(reason)` gave another). Already aborted: the
   * call rejects at once. `null` is none.
   */
  signal?: GlobalInstance<'AbortSignal'> | null;
  /**
   * Gives the call up, as an aborted signal does, when it is still unanswered this many
   * ms after it was made (reading its streams, waiting and running count alike): it
   * rejects with code `timeout` (`name` 'TimeoutError'). A whole number from 1 to
   * 2147483647; default: the linter's `timeout`, else none.
   */
  timeout?: number;
}

/**
 * `lint` and `lintPhpMail` run in worker threads: the event loop stays free while
 * a large message is checked. Calls queue up when every thread is busy; idle
 * threads do not keep the process alive. After a trap a worker re-creates its
 * engine: that call rejects with code `internal`, the next one is checked normally.
 */
export interface Linter {
  readonly threads: number;
  /** Streams in compose fields are read on the calling thread first, as `lintAsync` reads them. */
  lint(input: LintAsyncInput, options?: AsyncOptions & LinterCallOptions): Promise<Report>;
  lintPhpMail(to: string, subject: string, message: string, headers?: PhpHeaders, options?: Options & LinterCallOptions): Promise<Report>;
  /** Stops the threads; calls still waiting or running reject with code `closed` (and `messageId`). */
  close(): Promise<void>;
}

/** A pool of engines in worker threads, for servers (Node only). */
export function createLinter(settings?: LinterSettings): Linter;

// #end-node-only

export { init as default }; // every entry: index.cjs sets `default` and `__esModule` for code compiled to CommonJS
