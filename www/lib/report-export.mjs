// A report in the two forms people keep: Markdown (to paste in a ticket or a
// chat) and SARIF 2.1.0 (for code-scanning tools), built from the report the
// page shows. Headings and labels come from the catalogue in the page's language.

import { text, fixed, formatSize } from './i18n.mjs';

const SEVERITIES = ['error', 'warning', 'info'];
const LEVEL_OF_SEVERITY = { error: 'error', warning: 'warning', info: 'note' };

/** Markdown special characters in running text, escaped (CommonMark §2.4). */
const escapeMarkdown = (s) => String(s).replace(/[\\`*_[\]<>#|~]/g, '\\$&').replace(/\r?\n/g, ' ');

/** Inline code that survives any backticks inside (CommonMark §6.1: a longer fence). */
function code(s) {
  const value = String(s).replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(value.match(/`+/g) || []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${value.startsWith('`') || value.endsWith('`') ? ` ${value} ` : value}${fence}`;
}

/** Where a finding is, for people (header, line and column, part, path in an archive). */
export function locationText(location) {
  const bits = [];
  if (location.header) bits.push(text('ui.findings.header', { name: location.header }));
  if (location.line) bits.push(text('core.report.line', { line: location.line, column: location.column || 1 }));
  if (location.part !== undefined && location.part > 0) bits.push(text('core.report.part', { part: location.part }));
  if (location.path) bits.push(location.path);
  return bits.join(' · ');
}

/**
 * The spam score against its threshold, as SpamAssassin writes them (`score=6.5
 * required=5.0`): one decimal each, in the reader's language ("Spam score 6.5 of 5.0").
 */
export function scoreText(report) {
  return text('core.report.score', { score: fixed(report.spamScore, 1), threshold: fixed(report.spamThreshold, 1) });
}

/**
 * The report as Markdown. `name`: the checked file's name, if any; `note`: what the page says
 * above the report of the input (a mailbox export's first message), if anything.
 */
export function toMarkdown(report, { name, note } = {}) {
  const lines = [`# ${escapeMarkdown(text('ui.md.title', { verdict: text(`core.verdict.${report.verdict}`) }))}`, ''];
  if (name) lines.push(escapeMarkdown(text('ui.md.file', { name })), '');
  if (note) lines.push(escapeMarkdown(note), '');
  lines.push(escapeMarkdown(text('ui.verdict.counts', { errors: report.counts.error, warnings: report.counts.warning, infos: report.counts.info })));
  lines.push('', escapeMarkdown(scoreText(report)));
  lines.push('', escapeMarkdown(text('ui.sizes.encoded', { size: formatSize(report.sizes.encoded), limit: formatSize(report.sizes.limit) })));
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    lines.push('', `## ${escapeMarkdown(text('ui.findings.group', { severity: text(`core.severity.${severity}`), count: group.length }))}`, '');
    for (const finding of group) {
      lines.push(`- ${code(finding.ruleId)} ${escapeMarkdown(finding.message)}`);
      if (finding.evidence) lines.push(`  - ${escapeMarkdown(text('core.report.evidence'))}: ${code(finding.evidence)}`);
      const where = locationText(finding.location);
      if (where) lines.push(`  - ${escapeMarkdown(text('core.report.location'))}: ${escapeMarkdown(where)}`);
      lines.push(`  - ${escapeMarkdown(text('core.report.fix'))}: ${escapeMarkdown(finding.fix)}`);
    }
  }
  if (!report.findings.length) lines.push('', escapeMarkdown(text('core.report.no-findings')));
  lines.push('', escapeMarkdown(text('ui.md.footer', { version: report.version })), '');
  return lines.join('\n');
}

/** Byte offsets → SARIF line and column (code points; lines end at CR, LF or CRLF: SARIF §3.30). */
function coordinates(bytes) {
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) lineStarts.push(i + 1);
  }
  const decoder = new TextDecoder('utf-8');
  return (offset) => {
    const at = Math.max(0, Math.min(offset, bytes.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: [...decoder.decode(bytes.subarray(lineStarts[low], at))].length + 1 };
  };
}

/** The report as a SARIF 2.1.0 log with one artifact, the linted message (`bytes`). */
export function toSarif(report, { bytes, name, rules }) {
  const at = coordinates(bytes);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifactLocation = { uri: encodeURIComponent(name || 'message.eml'), index: 0 };
  const results = report.findings.map((finding) => {
    const physicalLocation = { artifactLocation };
    const { start, end } = finding.location;
    if (Number.isInteger(start)) {
      const stop = Number.isInteger(end) && end >= start ? end : start;
      const from = at(start);
      const to = at(stop);
      physicalLocation.region = { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column,
        byteOffset: start, byteLength: stop - start };
    }
    const result = {
      ruleId: finding.ruleId,
      level: LEVEL_OF_SEVERITY[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation }],
      properties: { messageId: finding.messageId, score: finding.score, evidence: finding.evidence, fix: finding.fix },
    };
    if (ruleIndex.has(finding.ruleId)) result.ruleIndex = ruleIndex.get(finding.ruleId);
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'mail-preflight',
          version: report.version,
          semanticVersion: report.version,
          informationUri: 'https://www.npmjs.com/package/mail-preflight',
          rules: rules.map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.summary },
            fullDescription: { text: rule.why },
            help: { text: rule.fix },
            defaultConfiguration: { level: LEVEL_OF_SEVERITY[rule.defaultSeverity] },
          })),
        },
      },
      language: report.locale,
      columnKind: 'unicodeCodePoints',
      artifacts: [{ location: { uri: artifactLocation.uri }, length: bytes.length, mimeType: 'message/rfc822' }],
      results,
    }],
  };
}

