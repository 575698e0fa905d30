'use strict';
// Byte offsets of a file as lines and columns the way SARIF (§3.30) and GitHub
// annotations count them: lines end at CR, LF or CRLF, columns count Unicode code
// points (an invalid UTF-8 byte counts as one, as U+FFFD).

// Node's own decoder, not the global one, which a test environment may lack (Jest's jsdom).
const { TextDecoder } = require('node:util');

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

  /** `{ line, column }` (1-based) of a byte offset, clamped to the file. */
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
    const prefix = this.decoder.decode(this.bytes.subarray(lineStart, clamped));
    return { line: low + 1, column: [...prefix].length + 1 };
  }

  /**
   * The region of a finding's location: start, and end when the finding spans
   * bytes, plus the byte offset and length (SARIF §3.30.9–10); null without offsets.
   */
  region(location) {
    if (!location || typeof location.start !== 'number') return null;
    const end = typeof location.end === 'number' && location.end >= location.start ? location.end : location.start;
    const start = this.at(location.start);
    const region = { startLine: start.line, startColumn: start.column };
    if (end > location.start) {
      const stop = this.at(end);
      region.endLine = stop.line;
      region.endColumn = stop.column;
    }
    region.byteOffset = location.start;
    region.byteLength = end - location.start;
    return region;
  }
}

module.exports = { TextCoordinates };
