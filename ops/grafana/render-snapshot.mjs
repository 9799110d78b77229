#!/usr/bin/env node
// Renders the Grafana dashboard (ops/grafana/dashboards/sol-duel.json) as one SVG image over real
// data: every panel's PromQL queries are run against a Prometheus (query_range) for a time window
// and drawn as line charts laid out by the panels' gridPos. Grafana itself is neither a Debian nor
// an npm package, so this is the "plotted snapshot of the same queries": same queries, same
// legends, same units, same layout; not Grafana's pixels.
//
//   node ops/grafana/render-snapshot.mjs --prometheus=http://127.0.0.1:9090 \
//     --from=2026-12-01T04:00:00Z --to=2026-12-01T04:30:00Z --out=docs/img/dashboard.svg
//   (--last=30m instead of --from/--to; --step=15 seconds between points)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  if (!m) fail(`unknown argument ${a}; see the header of ${fileURLToPath(import.meta.url)}`);
  return [m[1], m[2] ?? 'true'];
}));

function fail(message) {
  console.error(`render-snapshot: ${message}`);
  process.exit(1);
}

const prometheus = (args.prometheus ?? 'http://127.0.0.1:9090').replace(/\/$/, '');
const out = args.out ?? 'dashboard.svg';
const dashboard = JSON.parse(readFileSync(args.dashboard ?? join(here, 'dashboards/sol-duel.json'), 'utf8'));
const now = Date.now() / 1000;
const duration = (text) => {
  const m = /^(\d+)([smh])$/.exec(text ?? '');
  if (!m) fail(`--last wants e.g. 30m, 2h (got ${text})`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2]];
};
const instant = (text) => {
  const t = Date.parse(text);
  if (Number.isNaN(t)) fail(`not a time: ${text} (use ISO 8601, e.g. 2026-12-01T04:00:00Z)`);
  return t / 1000;
};
const to = args.to ? instant(args.to) : now;
const from = args.from ? instant(args.from) : to - duration(args.last ?? '30m');
if (!(from < to)) fail('--from must be before --to');
const step = Number(args.step ?? Math.max(5, Math.round((to - from) / 240)));

async function queryRange(expr) {
  const url = `${prometheus}/api/v1/query_range?${new URLSearchParams({ query: expr, start: from, end: to, step })}`;
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    fail(`cannot reach Prometheus at ${prometheus} (${e.cause?.code ?? e.message}); start it as ops/README.md says, or pass --prometheus=`);
  }
  const body = await response.json();
  if (body.status !== 'success') fail(`query failed: ${expr}: ${body.error}`);
  return body.data.result;
}

const legend = (format, metric) => (format || '{{__name__}}')
  .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, label) => metric[label] ?? '');

function formatValue(value, unit) {
  if (!Number.isFinite(value)) return '';
  const abs = Math.abs(value);
  const trim = (n, digits) => Number(n.toFixed(digits)).toString();
  if (unit === 's') {
    if (abs === 0) return '0';
    if (abs < 1e-3) return `${trim(value * 1e6, 0)} µs`;
    if (abs < 1) return `${trim(value * 1e3, abs < 0.01 ? 1 : 0)} ms`;
    if (abs < 120) return `${trim(value, 1)} s`;
    if (abs < 7200) return `${trim(value / 60, 1)} min`;
    return `${trim(value / 3600, 1)} h`;
  }
  const suffix = unit === 'reqps' ? ' req/s' : unit === 'bytes' ? ' B' : '';
  if (abs >= 1e9) return `${trim(value / 1e9, 2)}G${suffix}`;
  if (abs >= 1e6) return `${trim(value / 1e6, 2)}M${suffix}`;
  if (abs >= 1e4) return `${trim(value / 1e3, 1)}k${suffix}`;
  return `${trim(value, abs < 10 ? 2 : 1)}${suffix}`;
}

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colors = ['#73bf69', '#f2cc0c', '#5794f2', '#ff780a', '#f2495c', '#b877d9', '#8ab8ff', '#fade2a', '#37872d', '#c4162a'];
const COL = 60;
const ROW = 32;
const PAD = 8;

function clock(t) {
  return new Date(t * 1000).toISOString().slice(11, 16);
}

function niceTicks(min, max, count = 4) {
  if (min === max) { max = min + 1; }
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const stepSize = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw);
  const lo = Math.floor(min / stepSize) * stepSize;
  const hi = Math.ceil(max / stepSize) * stepSize;
  const ticks = [];
  for (let v = lo; v <= hi + stepSize / 2; v += stepSize) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function panelSvg(panel, series) {
  const { x, y, w, h } = panel.gridPos;
  const px = x * COL + PAD;
  const py = y * ROW + PAD;
  const width = w * COL - PAD;
  const height = h * ROW - PAD;
  const unit = panel.fieldConfig?.defaults?.unit ?? 'short';
  const parts = [`<g transform="translate(${px},${py})">`,
    `<rect width="${width}" height="${height}" rx="3" fill="#181b1f" stroke="#2c3235"/>`,
    `<text x="10" y="20" fill="#ccccdc" font-size="13" font-weight="600">${escape(panel.title)}</text>`];
  const legendRows = Math.min(4, Math.ceil(series.length / 2));
  // Series an override puts on the right axis (Grafana's custom.axisPlacement), with their own unit.
  const right = new Map((panel.fieldConfig?.overrides ?? [])
    .filter((o) => o.matcher?.id === 'byName' && o.properties?.some((p) => p.id === 'custom.axisPlacement' && p.value === 'right'))
    .map((o) => [o.matcher.options, o.properties.find((p) => p.id === 'unit')?.value ?? unit]));
  const plot = { left: 64, top: 32, right: width - 12 - (right.size ? 52 : 0), bottom: height - 24 - legendRows * 15 };
  const points = series.flatMap((s) => s.values.map(([, v]) => v)).filter(Number.isFinite);
  if (points.length === 0) {
    parts.push(`<text x="${width / 2}" y="${height / 2}" fill="#8e8e8e" font-size="13" text-anchor="middle">No data</text>`, '</g>');
    return parts.join('');
  }
  const sx = (t) => plot.left + ((t - from) / (to - from)) * (plot.right - plot.left);
  const axis = (side) => {
    const values = series.filter((s) => right.has(s.name) === (side === 'right'))
      .flatMap((s) => s.values.map(([, v]) => v)).filter(Number.isFinite);
    const ticks = niceTicks(Math.min(0, ...values, 0), values.length ? Math.max(...values) : 1);
    const [lo, hi] = [ticks[0], ticks.at(-1)];
    return { ticks, y: (v) => plot.bottom - ((v - lo) / (hi - lo || 1)) * (plot.bottom - plot.top) };
  };
  const leftAxis = axis('left');
  const rightAxis = right.size ? axis('right') : leftAxis;
  for (const tick of leftAxis.ticks) {
    const y = leftAxis.y(tick).toFixed(1);
    parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${y}" y2="${y}" stroke="#2c3235"/>`,
      `<text x="${plot.left - 6}" y="${(Number(y) + 4).toFixed(1)}" fill="#8e8e8e" font-size="10" text-anchor="end">${escape(formatValue(tick, unit))}</text>`);
  }
  if (right.size) {
    const rightUnit = [...right.values()][0];
    for (const tick of rightAxis.ticks) {
      parts.push(`<text x="${plot.right + 6}" y="${(rightAxis.y(tick) + 4).toFixed(1)}" fill="#8e8e8e" font-size="10">${escape(formatValue(tick, rightUnit))}</text>`);
    }
  }
  for (let i = 0; i <= 4; i++) {
    const t = from + ((to - from) * i) / 4;
    parts.push(`<text x="${sx(t).toFixed(1)}" y="${plot.bottom + 14}" fill="#8e8e8e" font-size="10" text-anchor="middle">${clock(t)}</text>`);
  }
  series.forEach((s, i) => {
    const color = colors[i % colors.length];
    const sy = right.has(s.name) ? rightAxis.y : leftAxis.y;
    const seriesUnit = right.get(s.name) ?? unit;
    let d = '';
    let pen = 'M';
    for (const [t, v] of s.values) {
      if (!Number.isFinite(v)) { pen = 'M'; continue; }
      d += `${pen}${sx(t).toFixed(1)},${sy(v).toFixed(1)}`;
      pen = 'L';
    }
    if (d) parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
    if (i < legendRows * 2) {
      const lx = 12 + (i % 2) * (width / 2);
      const ly = plot.bottom + 30 + Math.floor(i / 2) * 15;
      const last = [...s.values].reverse().find(([, v]) => Number.isFinite(v));
      parts.push(`<rect x="${lx}" y="${ly - 8}" width="12" height="3" fill="${color}"/>`,
        `<text x="${lx + 16}" y="${ly - 3}" fill="#ccccdc" font-size="10">${escape(s.name.slice(0, 60))} · ${escape(formatValue(last?.[1], seriesUnit))}</text>`);
    }
  });
  if (series.length > legendRows * 2) {
    parts.push(`<text x="${width - 10}" y="20" fill="#8e8e8e" font-size="10" text-anchor="end">+${series.length - legendRows * 2} more series</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

const panels = dashboard.panels;
const body = [];
let queries = 0;
for (const panel of panels) {
  if (panel.type === 'row') {
    const { y } = panel.gridPos;
    body.push(`<text x="${PAD + 4}" y="${y * ROW + PAD + 20}" fill="#ccccdc" font-size="15" font-weight="600">${escape(panel.title)}</text>`);
    continue;
  }
  const series = [];
  for (const target of panel.targets ?? []) {
    const result = await queryRange(target.expr);
    queries++;
    for (const r of result) {
      series.push({ name: legend(target.legendFormat, r.metric), values: r.values.map(([t, v]) => [Number(t), Number(v)]) });
    }
  }
  body.push(panelSvg(panel, series));
  process.stdout.write(`\r${queries} queries, panel ${panel.title.slice(0, 50).padEnd(50)}`);
}
const height = Math.max(...panels.map((p) => (p.gridPos.y + p.gridPos.h) * ROW)) + 2 * PAD + 28;
const width = 24 * COL + PAD;
const svg = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, Helvetica, Arial, sans-serif">`,
  `<rect width="100%" height="100%" fill="#111217"/>`,
  ...body,
  `<text x="${PAD + 4}" y="${height - 10}" fill="#8e8e8e" font-size="11">${escape(dashboard.title)} dashboard (ops/grafana/dashboards/sol-duel.json), its queries run on ${escape(prometheus)} from ${new Date(from * 1000).toISOString()} to ${new Date(to * 1000).toISOString()}, step ${step} s; drawn by ops/grafana/render-snapshot.mjs</text>`,
  '</svg>\n'].join('\n');
writeFileSync(out, svg);
console.log(`\nwrote ${out}: ${panels.filter((p) => p.type !== 'row').length} panels, ${queries} queries`);
