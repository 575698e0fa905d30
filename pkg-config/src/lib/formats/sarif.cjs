'use strict';
// SARIF 2.1.0 (OASIS) output: one run per CLI invocation, the rule catalogue as
// tool.driver.rules, one result per finding with a physical location in the
// linted file. Text coordinates follow SARIF §3.30: lines are separated by CR,
// LF or CRLF, columns count Unicode code points (run.columnKind); byteOffset and
// byteLength give the same region in bytes (§3.30.9–10), as the engine reports it.

const path = require('node:path');
const { pathToFileURL } = require('node:url');

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL_OF_SEVERITY = { error: 'error', warning: 'warning', info: 'note' };

/** Maps byte offsets of one file to SARIF line/column (code points). */
class TextCoordinates {
  constructor(bytes) {
    this.bytes = bytes;
    this.lineStarts = [0];
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) this.lineStarts.push(i + 1);
    }
    this.decoder = new TextDecoder('utf-8');
  }

  /** `{ line, column }` (1-based) of a byte offset. */
  at(offset) {
    const clamped = Math.max(0, Math.min(offset, this.bytes.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.lineStarts[low];
    // Code points of the line up to the offset; an invalid byte counts as one (U+FFFD).
    const prefix = this.decoder.decode(this.bytes.subarray(lineStart, clamped));
    return { line: low + 1, column: [...prefix].length + 1 };
  }
}

/** A file path as a SARIF artifact location: relative to %SRCROOT% when under the working directory. */
function artifactLocation(file, cwd) {
  if (file === '-') return { uri: 'stdin' };
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  }
  return { uri: pathToFileURL(absolute).href };
}

function reportingDescriptor(rule) {
  return {
    id: rule.id,
    // SARIF §3.49.7: a readable identifier; `size/line-length` → `SizeLineLength`.
    name: rule.id.split(/[/-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.why },
    help: { text: rule.fix },
    defaultConfiguration: { level: LEVEL_OF_SEVERITY[rule.defaultSeverity] || 'warning' },
    properties: { group: rule.group, defaultScore: rule.defaultScore },
  };
}

function region(location, coordinates) {
  if (typeof location.start !== 'number') return undefined;
  const end = typeof location.end === 'number' && location.end >= location.start ? location.end : location.start;
  const start = coordinates.at(location.start);
  const stop = coordinates.at(end);
  const result = { startLine: start.line, startColumn: start.column };
  if (end > location.start) {
    result.endLine = stop.line;
    result.endColumn = stop.column;
  }
  result.byteOffset = location.start;
  result.byteLength = end - location.start;
  return result;
}

/**
 * The SARIF log of one invocation.
 * @param {Array<{file: string, bytes?: Uint8Array, report?: object, error?: {code: string, message: string}}>} entries
 * @param {{rules: object[], locale: string, toolVersion: string, cwd: string, commandLine?: string,
 *   exitCode: number}} context
 */
function toSarif(entries, context) {
  const rules = context.rules.map(reportingDescriptor);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts = [];
  const results = [];
  const notifications = [];
  for (const entry of entries) {
    const location = artifactLocation(entry.file, context.cwd);
    const index = artifacts.length;
    const artifact = { location, mimeType: 'message/rfc822' };
    if (entry.bytes) artifact.length = entry.bytes.length;
    artifacts.push(artifact);
    if (entry.error) {
      notifications.push({
        level: 'error',
        message: { text: entry.error.message },
        descriptor: { id: entry.error.code },
        locations: [{ physicalLocation: { artifactLocation: { ...location, index } } }],
      });
      continue;
    }
    // For compose/PHP input the offsets index report.source; the CLI lints files, so the file's bytes.
    const coordinates = new TextCoordinates(entry.bytes);
    for (const finding of entry.report.findings) {
      const physicalLocation = { artifactLocation: { ...location, index } };
      const textRegion = region(finding.location, coordinates);
      if (textRegion) physicalLocation.region = textRegion;
      const result = {
        ruleId: finding.ruleId,
        level: LEVEL_OF_SEVERITY[finding.severity] || 'warning',
        message: { text: finding.message },
        locations: [{ physicalLocation }],
        properties: {
          messageId: finding.messageId,
          score: finding.score,
          evidence: finding.evidence,
          fix: finding.fix,
        },
      };
      if (ruleIndex.has(finding.ruleId)) result.ruleIndex = ruleIndex.get(finding.ruleId);
      for (const key of ['header', 'part', 'path']) {
        if (finding.location[key] !== undefined) result.properties[key] = finding.location[key];
      }
      if (finding.params) result.properties.params = finding.params;
      results.push(result);
    }
  }
  const invocation = { executionSuccessful: context.exitCode !== 2, exitCode: context.exitCode };
  if (context.commandLine) invocation.commandLine = context.commandLine;
  if (notifications.length) invocation.toolExecutionNotifications = notifications;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mail-preflight',
            semanticVersion: context.toolVersion,
            version: context.toolVersion,
            language: context.locale,
            informationUri: 'https://www.npmjs.com/package/mail-preflight',
            rules,
          },
        },
        language: context.locale,
        columnKind: 'unicodeCodePoints',
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(context.cwd + path.sep).href } },
        artifacts,
        invocations: [invocation],
        results,
      },
    ],
  };
}

module.exports = { toSarif, TextCoordinates, LEVEL_OF_SEVERITY };
