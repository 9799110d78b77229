#!/usr/bin/env node
// Draws a game-load timeline (tools/load/run.sh --continuous=on --timeline=FILE.csv) as one SVG:
// latency (turn_result p50/p99, ping p99), memory (RSS, used heap) and work (turns/s, CPU) over
// the run, so a server that slows down or grows as it runs shows as a slope.
//
//   node tools/load/plot.mjs timeline.csv docs/img/long-run.svg ["title"]
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, title = 'SOL Duel under continuous game load'] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node tools/load/plot.mjs TIMELINE.csv OUTPUT.svg ["title"]');
  process.exit(2);
}

const [header, ...lines] = readFileSync(input, 'utf8').trim().split('\n');
const columns = header.split(',');
const rows = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v === '' ? NaN : Number(v)])));
const required = ['seconds', 'turn_result_p50_ms', 'turn_result_p99_ms', 'ping_p99_ms', 'server_rss_mb', 'server_heap_used_mb',
  'turns_per_second', 'server_cpu_percent'];
const missing = required.filter((c) => !columns.includes(c));
if (rows.length < 2 || missing.length > 0) {
  console.error(`${input}: not a timeline of at least two rows (missing: ${missing.join(', ') || 'rows'})`);
  process.exit(2);
}

const width = 900;
const panelHeight = 220;
const left = 70;
const right = 20;
const top = 64;
const gap = 60;
const minutes = rows.map((r) => r.seconds / 60);
const xMax = Math.max(...minutes);
const x = (m) => left + (m / xMax) * (width - left - right);

function panel(index, heading, unit, series) {
  const y0 = top + index * (panelHeight + gap);
  const values = series.flatMap((s) => rows.map((r) => r[s.column]).filter(Number.isFinite));
  const yMax = niceCeiling(Math.max(1, ...values));
  const y = (v) => y0 + panelHeight - (v / yMax) * panelHeight;
  const parts = [`<text x="${left}" y="${y0 - 10}" class="h">${heading}</text>`];
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" class="grid"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" class="tick" text-anchor="end">${format(v)}${i === 4 ? ' ' + unit : ''}</text>`);
  }
  const step = xMax > 30 ? 10 : xMax > 10 ? 5 : 1;
  for (let m = 0; m <= xMax; m += step) {
    parts.push(`<text x="${x(m)}" y="${y0 + panelHeight + 16}" class="tick" text-anchor="middle">${m} min</text>`);
  }
  series.forEach((s, i) => {
    const points = rows.filter((r) => Number.isFinite(r[s.column]))
      .map((r) => `${x(r.seconds / 60).toFixed(1)},${y(r[s.column]).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="1.6"/>`,
      `<rect x="${width - right - 190}" y="${y0 + 8 + i * 16}" width="12" height="3" fill="${s.color}"/>`,
      `<text x="${width - right - 172}" y="${y0 + 13 + i * 16}" class="tick">${s.label}</text>`);
  });
  return parts.join('\n');
}

function niceCeiling(v) {
  const magnitude = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((n) => n >= v);
}

function format(v) {
  return v >= 100 || Number.isInteger(v) ? Math.round(v).toString() : v.toFixed(1);
}

const height = top + 3 * (panelHeight + gap);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<style>text{font:12px sans-serif;fill:#222}.h{font-weight:bold;font-size:13px}.tick{fill:#555}.grid{stroke:#ddd}</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${left}" y="20" class="h">${title}</text>
${panel(0, 'Latency: last action → turn_result at both players, and ping → pong', 'ms', [
    { column: 'turn_result_p99_ms', label: 'turn_result p99', color: '#c0392b' },
    { column: 'turn_result_p50_ms', label: 'turn_result p50', color: '#e67e22' },
    { column: 'ping_p99_ms', label: 'ping p99', color: '#2980b9' },
  ])}
${panel(1, 'Server memory', 'MB', [
    { column: 'server_rss_mb', label: 'RSS', color: '#8e44ad' },
    { column: 'server_heap_used_mb', label: 'heap used', color: '#27ae60' },
  ])}
${panel(2, 'Work: resolved turns per second and server CPU (100 = one core)', '', [
    { column: 'turns_per_second', label: 'turns/s', color: '#2c3e50' },
    { column: 'server_cpu_percent', label: 'CPU %', color: '#d35400' },
  ])}
</svg>
`;
writeFileSync(output, svg);
console.log(`${output}: ${rows.length} points over ${xMax.toFixed(1)} min`);
