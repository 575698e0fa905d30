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

/** Round numbers for an axis from 0 to max. */
export function niceMax(max) {
  if (max <= 0) return 1;
  const exponent = Math.pow(10, Math.floor(Math.log10(max)));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * exponent >= max) return step * exponent;
  return 10 * exponent;
}

/**
 * The state timeline: coloured bands (one per state interval) and lines.
 * `bands`: [{from, to, state, label}] in seconds; `lines`: [{name, className, values, label}]
 * sampled every `bucketSeconds` from `start`; `formatTime(t)`, `formatNumber(n)` for labels.
 */
export function timelineChart({ start, end, bands, lines, bucketSeconds, formatTime, formatNumber, title, description }) {
  const width = 900;
  const height = 300;
  const pad = { left: 56, right: 16, top: 12, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const span = Math.max(1, end - start);
  const x = (t) => pad.left + ((t - start) / span) * plotW;
  const max = niceMax(Math.max(1, ...lines.flatMap((l) => l.values)));
  const y = (v) => pad.top + plotH - (v / max) * plotH;
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'timeline', preserveAspectRatio: 'none' });
  svg.append(node('title', {}, title), node('desc', {}, description));
  const bandGroup = node('g', { class: 'bands' });
  for (const band of bands) {
    const rect = node('rect', {
      x: x(band.from).toFixed(1), y: pad.top, width: Math.max(0.5, x(band.to) - x(band.from)).toFixed(1), height: plotH,
      class: `band state-${band.state}`, 'data-state': band.state, 'data-from': band.from, 'data-to': band.to,
    });
    rect.append(node('title', {}, band.label));
    bandGroup.append(rect);
  }
  svg.append(bandGroup);
  const axis = node('g', { class: 'axis' });
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    axis.append(node('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), class: 'grid' }));
    axis.append(node('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatNumber(v)));
  }
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const t = start + (span / ticks) * i;
    axis.append(node('text', { x: x(t), y: height - pad.bottom + 18, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle' }, formatTime(t)));
  }
  svg.append(axis);
  for (const line of lines) {
    const points = line.values.map((v, i) => `${x(start + (i + 1) * bucketSeconds).toFixed(1)},${y(v).toFixed(1)}`);
    if (!points.length) continue;
    points.unshift(`${x(start).toFixed(1)},${y(line.values[0]).toFixed(1)}`);
    const path = node('polyline', { points: points.join(' '), class: `line ${line.className}`, fill: 'none', 'data-series': line.name });
    path.append(node('title', {}, line.label));
    svg.append(path);
  }
  return svg;
}

/** Per-day bars like a hosting panel's history: `days` [{date, volume}]. */
export function barChart({ days, formatNumber, title, description, label }) {
  const width = 900;
  const height = 220;
  const pad = { left: 56, right: 16, top: 12, bottom: 48 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(1, ...days.map((d) => d.volume)));
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
    const h = (day.volume / max) * plotH;
    const bx = pad.left + i * slot + slot * 0.15;
    const rect = node('rect', { x: bx.toFixed(1), y: (pad.top + plotH - h).toFixed(1), width: (slot * 0.7).toFixed(1), height: h.toFixed(1), class: 'day-bar', 'data-date': day.date, 'data-volume': day.volume });
    rect.append(node('title', {}, label(day)));
    svg.append(rect);
    if (days.length <= 16 || i % Math.ceil(days.length / 16) === 0) {
      svg.append(node('text', { x: bx + slot * 0.35, y: height - pad.bottom + 16, 'text-anchor': 'middle' }, day.date.slice(5)));
    }
  });
  return svg;
}
