// Hand-made SVG charts for the queue simulation: no chart library, no inline
// style (the page's CSP forbids it), colours come from presentation attributes
// and CSS classes in style.css.

const SVG = 'http://www.w3.org/2000/svg';

function node(tag, attrs = {}, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

/** A round top for an axis from 0 to max with four even steps (0, 150, 300, 450, 600). */
export function niceMax(max) {
  if (max <= 4) return 4;
  const quarter = max / 4;
  const exponent = Math.pow(10, Math.floor(Math.log10(quarter)));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const candidate = step * exponent;
    if (candidate >= quarter && Number.isInteger(candidate)) return candidate * 4;
  }
  return 40 * exponent;
}

/**
 * The state timeline: coloured bands (one per state interval) and lines.
 * `bands`: [{from, to, state, className, label}] in seconds (`state` as the engine
 * names it, `className` for the colour); `lines`: [{name, className, values, label, axis}]
 * sampled every `bucketSeconds` from `seriesStart` (`axis` 'left' or 'right': two scales, so a
 * queue of thousands and a handful of errors are both readable). `start`..`end` is the span shown.
 */
export function timelineChart({ start, end, seriesStart, bands, lines, bucketSeconds, formatTime, formatNumber, title, description }) {
  const width = 900;
  const height = 300;
  const pad = { left: 56, right: 56, top: 12, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const span = Math.max(1, end - start);
  const clampX = (t) => Math.min(width - pad.right, Math.max(pad.left, pad.left + ((t - start) / span) * plotW));
  const inSpan = (i) => {
    const t = seriesStart + (i + 1) * bucketSeconds;
    return t >= start && t - bucketSeconds <= end;
  };
  const maxOf = (axis) => niceMax(Math.max(1, ...lines.filter((l) => (l.axis || 'left') === axis)
    .flatMap((l) => l.values.filter((_, i) => inSpan(i)))));
  const max = { left: maxOf('left'), right: maxOf('right') };
  const y = (v, axis = 'left') => pad.top + plotH - (v / max[axis]) * plotH;
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'timeline' });
  svg.append(node('title', {}, title), node('desc', {}, description));
  const clip = `clip-${Math.random().toString(36).slice(2)}`;
  const defs = node('defs');
  const clipPath = node('clipPath', { id: clip });
  clipPath.append(node('rect', { x: pad.left, y: pad.top - 2, width: plotW, height: plotH + 4 }));
  defs.append(clipPath);
  svg.append(defs);
  const bandGroup = node('g', { class: 'bands' });
  for (const band of bands) {
    if (band.to < start || band.from > end) continue;
    const rect = node('rect', {
      x: clampX(band.from).toFixed(1), y: pad.top, width: Math.max(1, clampX(band.to) - clampX(band.from)).toFixed(1), height: plotH,
      class: `band ${band.className || `state-${band.state}`}`, 'data-state': band.state, 'data-from': band.from, 'data-to': band.to,
    });
    rect.append(node('title', {}, band.label));
    bandGroup.append(rect);
  }
  svg.append(bandGroup);
  const axis = node('g', { class: 'axis' });
  for (let i = 0; i <= 4; i++) {
    const yy = y((max.left / 4) * i);
    axis.append(node('line', { x1: pad.left, x2: width - pad.right, y1: yy, y2: yy, class: 'grid' }));
    axis.append(node('text', { x: pad.left - 6, y: yy + 4, 'text-anchor': 'end', class: 'left-axis' }, formatNumber((max.left / 4) * i)));
    if (lines.some((l) => l.axis === 'right')) {
      axis.append(node('text', { x: width - pad.right + 6, y: yy + 4, 'text-anchor': 'start', class: 'right-axis' }, formatNumber((max.right / 4) * i)));
    }
  }
  const ticks = 4;
  for (let i = 0; i <= ticks; i++) {
    const t = start + (span / ticks) * i;
    axis.append(node('text', { x: clampX(t), y: height - pad.bottom + 18, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle' }, formatTime(t)));
  }
  svg.append(axis);
  const plot = node('g', { 'clip-path': `url(#${clip})` });
  for (const line of lines) {
    if (!line.values.length) continue;
    const x = (t) => pad.left + ((t - start) / span) * plotW;
    const points = [`${x(seriesStart).toFixed(1)},${y(line.values[0], line.axis).toFixed(1)}`];
    line.values.forEach((v, i) => points.push(`${x(seriesStart + (i + 1) * bucketSeconds).toFixed(1)},${y(v, line.axis).toFixed(1)}`));
    const path = node('polyline', { points: points.join(' '), class: `line ${line.className}`, fill: 'none', 'data-series': line.name });
    path.append(node('title', {}, line.label));
    plot.append(path);
  }
  svg.append(plot);
  return svg;
}

/**
 * Per-day bars like a hosting panel's history: `days` [{date, volume}] (`date` as the
 * API writes it); `dayLabel(day)` writes a day under its bar in the reader's language.
 */
export function barChart({ days, formatNumber, title, description, label, dayLabel = (day) => day.date.slice(0, 10) }) {
  const width = 900;
  const height = 220;
  const pad = { left: 56, right: 16, top: 12, bottom: 48 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(1, ...days.map((d) => d.volume || 0)));
  const slot = plotW / Math.max(1, days.length);
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'bars' });
  svg.append(node('title', {}, title), node('desc', {}, description));
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    const yy = pad.top + plotH - (v / max) * plotH;
    svg.append(node('line', { x1: pad.left, x2: width - pad.right, y1: yy, y2: yy, class: 'grid' }));
    svg.append(node('text', { x: pad.left - 6, y: yy + 4, 'text-anchor': 'end' }, formatNumber(v)));
  }
  days.forEach((day, i) => {
    const h = ((day.volume || 0) / max) * plotH;
    const bx = pad.left + i * slot + slot * 0.15;
    // A day the snapshot gives no volume for (null) is drawn empty and marked unknown ('').
    const volume = day.volume ?? '';
    const rect = node('rect', { x: bx.toFixed(1), y: (pad.top + plotH - h).toFixed(1), width: (slot * 0.7).toFixed(1), height: h.toFixed(1), class: 'day-bar', 'data-date': day.date, 'data-volume': volume });
    rect.append(node('title', {}, label(day)));
    svg.append(rect);
    if (days.length <= 16 || i % Math.ceil(days.length / 16) === 0) {
      svg.append(node('text', { x: bx + slot * 0.35, y: height - pad.bottom + 16, 'text-anchor': 'middle' }, dayLabel(day)));
    }
  });
  return svg;
}
