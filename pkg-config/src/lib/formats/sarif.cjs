'use strict';
// SARIF 2.1.0 (OASIS) output: one run per CLI invocation, the rule catalogue as
// tool.driver.rules (with help, helpUri and tags), one result per finding with a
// physical location in the linted file and partialFingerprints, so code-scanning
// services (GitHub's upload-sarif) follow a finding across commits. Text
// coordinates follow SARIF §3.30: lines separated by CR, LF or CRLF, columns in
// Unicode code points (run.columnKind); byteOffset/byteLength give the same
// region in bytes (§3.30.9–10). Written as the files are linted: only the
// artifact list (a file name and length each) is kept until the end.

const crypto = require('node:crypto');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { markdownText, ruleHelpUri } = require('../rules-reference.cjs');

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL_OF_SEVERITY = { error: 'error', warning: 'warning', info: 'note' };
/** Key of our fingerprint in partialFingerprints (SARIF §3.27.17: a versioned name of our own). */
const FINGERPRINT_KEY = 'mailPreflightFinding/v1';
const INDENT = 2;

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

/** A rule's thresholds, one line each: the option, its default, what it bounds. */
function thresholdLines(rule, code) {
  return (rule.thresholds || []).map((t) => `- ${code(t.option)} = ${t.default}: ${t.doc}`);
}

/**
 * SARIF §3.49.13 help: what the rule finds, why it matters, what to do, and the
 * thresholds it reads, so an alert is useful without following helpUri;
 * `markdown` (§3.12.4) is what GitHub's code scanning shows for the rule.
 */
function ruleHelp(rule) {
  const text = [rule.summary, rule.why, rule.fix, thresholdLines(rule, (o) => o).join('\n')];
  const markdown = [`**${markdownText(rule.summary)}**`, markdownText(rule.why), markdownText(rule.fix),
    thresholdLines(rule, (o) => `\`${o}\``).join('\n')];
  const paragraphs = (list) => list.filter(Boolean).join('\n\n');
  return { text: paragraphs(text), markdown: paragraphs(markdown) };
}

function reportingDescriptor(rule, packagePage) {
  return {
    id: rule.id,
    // SARIF §3.49.7: a readable identifier; `size/line-length` → `SizeLineLength`.
    name: rule.id.split(/[/-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.why },
    help: ruleHelp(rule),
    // The rule's row in the "Rules" table of the package README (lib/rules-reference.cjs).
    helpUri: ruleHelpUri(packagePage, rule.id),
    defaultConfiguration: { level: LEVEL_OF_SEVERITY[rule.defaultSeverity] || 'warning' },
    // SARIF §3.19.3 (property bag tags): the rule's group, and what the tool checks.
    properties: { tags: ['email', rule.group], group: rule.group, defaultScore: rule.defaultScore },
  };
}

/**
 * A rule of the user's own (`checkCustomRules(…).rules`): its message, its fix
 * (or the engine's general one) and its default level; no helpUri, as no page
 * documents it. Tagged `custom` or `spamassassin` (SARIF §3.19.3).
 */
function customDescriptor(rule, t) {
  const fix = rule.fix || t('core.custom.fix');
  const origin = rule.id.startsWith('sa/') ? 'spamassassin' : 'custom';
  return {
    id: rule.id,
    name: rule.id.split(/[/_-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(''),
    shortDescription: { text: rule.message },
    help: { text: `${rule.message}\n\n${fix}`, markdown: `**${markdownText(rule.message)}**\n\n${markdownText(fix)}` },
    defaultConfiguration: { level: LEVEL_OF_SEVERITY[rule.defaultSeverity] || 'warning' },
    properties: { tags: ['email', origin, rule.kind], group: origin, defaultScore: rule.defaultScore },
  };
}

/**
 * What identifies a finding whatever moves around it: the file, the rule, the
 * message id and where in the message (header, part, archive path, evidence) —
 * not its line, so an edit above it keeps the fingerprint. Equal findings in one
 * file are told apart by their order (`:1`, `:2`, as GitHub's own line hashes).
 */
function fingerprint(uri, finding, seen) {
  const { location = {} } = finding;
  const identity = [uri, finding.ruleId, finding.messageId, location.header ?? '', location.part ?? '',
    location.path ?? '', finding.evidence ?? ''].join('\u0000');
  const hash = crypto.createHash('sha256').update(identity).digest('hex').slice(0, 32);
  const occurrence = (seen.get(hash) || 0) + 1;
  seen.set(hash, occurrence);
  return `${hash}:${occurrence}`;
}

function indent(json, spaces) {
  return json.split('\n').join(`\n${' '.repeat(spaces)}`);
}

/**
 * The SARIF formatter: `start()`, then `file(result)` per linted file in order,
 * then `end({ exitCode })`; each returns the text to write.
 * @param {{ rules: object[], customRules?: object[], t: Function, locale: string, toolVersion: string, cwd: string, commandLine?: string, packagePage: string }} context
 */
function sarifFormatter(context) {
  // The engine's rules, then the options' own (a custom id never takes an engine id:
  // engine namespaces are refused for customRules).
  const rules = context.rules.map((rule) => reportingDescriptor(rule, context.packagePage))
    .concat((context.customRules || []).map((rule) => customDescriptor(rule, context.t)));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts = [];
  const notifications = [];
  let resultCount = 0;

  const placeholders = { results: '@@results@@', artifacts: '@@artifacts@@', invocations: '@@invocations@@' };
  const skeleton = JSON.stringify({
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'mail-preflight',
          semanticVersion: context.toolVersion,
          version: context.toolVersion,
          language: context.locale,
          informationUri: context.packagePage,
          rules,
        },
      },
      language: context.locale,
      columnKind: 'unicodeCodePoints',
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(context.cwd + path.sep).href } },
      results: placeholders.results,
      artifacts: placeholders.artifacts,
      invocations: placeholders.invocations,
    }],
  }, null, INDENT);
  const [head, rest] = skeleton.split(`"${placeholders.results}"`);
  const [betweenResultsAndArtifacts, rest2] = rest.split(`"${placeholders.artifacts}"`);
  const [betweenArtifactsAndInvocations, tail] = rest2.split(`"${placeholders.invocations}"`);
  // results, artifacts and invocations are members of runs[0]: three levels deep.
  const memberIndent = 3 * INDENT;

  return {
    start: () => `${head}[`,

    file(result) {
      const location = artifactLocation(result.file, context.cwd);
      const index = artifacts.length;
      const artifact = { location, mimeType: 'message/rfc822' };
      if (typeof result.length === 'number') artifact.length = result.length;
      artifacts.push(artifact);
      if (result.error) {
        notifications.push({
          level: 'error',
          message: { text: `${result.file}: ${result.error.message}` },
          descriptor: { id: result.error.code },
          locations: [{ physicalLocation: { artifactLocation: { ...location, index } } }],
        });
        return '';
      }
      const seen = new Map();
      let out = '';
      result.report.findings.forEach((finding, i) => {
        const physicalLocation = { artifactLocation: { ...location, index } };
        const region = result.positions && result.positions[i];
        if (region) physicalLocation.region = region;
        const sarifResult = {
          ruleId: finding.ruleId,
          level: LEVEL_OF_SEVERITY[finding.severity] || 'warning',
          message: { text: finding.message },
          locations: [{ physicalLocation }],
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(location.uri, finding, seen) },
          properties: {
            messageId: finding.messageId,
            score: finding.score,
            evidence: finding.evidence,
            fix: finding.fix,
          },
        };
        if (ruleIndex.has(finding.ruleId)) sarifResult.ruleIndex = ruleIndex.get(finding.ruleId);
        for (const key of ['header', 'part', 'path']) {
          if (finding.location[key] !== undefined) sarifResult.properties[key] = finding.location[key];
        }
        if (finding.params) sarifResult.properties.params = finding.params;
        out += `${resultCount++ ? ',' : ''}\n${' '.repeat(memberIndent + INDENT)}`
          + indent(JSON.stringify(sarifResult, null, INDENT), memberIndent + INDENT);
      });
      return out;
    },

    end({ exitCode }) {
      const invocation = { executionSuccessful: exitCode !== 2, exitCode };
      if (context.commandLine) invocation.commandLine = context.commandLine;
      if (notifications.length) invocation.toolExecutionNotifications = notifications;
      const closeResults = resultCount ? `\n${' '.repeat(memberIndent)}]` : ']';
      return `${closeResults}${betweenResultsAndArtifacts}${indent(JSON.stringify(artifacts, null, INDENT), memberIndent)}`
        + `${betweenArtifactsAndInvocations}${indent(JSON.stringify([invocation], null, INDENT), memberIndent)}${tail}\n`;
    },
  };
}

module.exports = { sarifFormatter, LEVEL_OF_SEVERITY, FINGERPRINT_KEY };
