#!/usr/bin/env node
// Leaderboard read benchmark (SPEC §14: leaderboard reads >= 10,000 req/s), beside a bare baseline in the
// same run: N keep-alive HTTP connections each send GETs back to back for a fixed time, first to the
// baseline (GET /api/ping: the same HTTP edge and JAX-RS path, no database, no Redis), then to the
// leaderboard (GET /api/leaderboard?gameType=RPS&limit=50), each after a warm-up. Prints requests/s,
// p50/p90/p99 latency and any non-200 answer, for each and as a ratio. Loopback only.
//
//   node tools/load/leaderboard.mjs [--base=http://localhost:9080] [--connections=64] [--seconds=15]
//        [--warmup=5] [--workers=1] [--path=/api/leaderboard?gameType=RPS&limit=50] [--baseline=/api/ping]
//        [--client=wrk|node] [--out=FILE]   (also writes the figures as JSON)
// --client=wrk (the default) drives the load with wrk, a native HTTP load generator (Debian's wrk, installed by
// scripts/setup.sh), so the client takes little of the machine's CPU; --client=node uses this script's own Node
// client, which on a 2-core machine becomes the limit at a few thousand requests/s.
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { optionsOrExit, parseOptions, probeOrExit, requireIntegers } from './options.mjs';

const defaults = {
  base: 'http://localhost:9080', connections: 64, seconds: 15, warmup: 5, workers: 1,
  path: '/api/leaderboard?gameType=RPS&limit=50', baseline: '/api/ping', out: '', client: 'wrk',
};

function parseArgs(argv) {
  const options = parseOptions(argv, defaults);
  if (!['wrk', 'node'].includes(options.client)) throw new Error(`--client must be wrk or node, got ${options.client}`);
  requireIntegers(options, ['connections', 'seconds', 'workers']);
  return options;
}

/** One worker's share: `connections` sockets, each a loop of GETs, for `millis`; latencies in microseconds. */
async function hammer(base, path, connections, millis) {
  const url = new URL(path, base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const latencies = [];
  const statuses = {};
  let bytes = 0;
  let errors = 0;
  const end = Date.now() + millis;
  const loop = () => new Promise((resolve) => {
    const next = () => {
      if (Date.now() >= end) return resolve();
      const started = process.hrtime.bigint();
      const request = http.get(url, { agent, headers: { Accept: 'application/json' } }, (response) => {
        response.on('data', (chunk) => { bytes += chunk.length; });
        response.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - started) / 1000);
          statuses[response.statusCode] = (statuses[response.statusCode] || 0) + 1;
          next();
        });
      });
      request.on('error', () => { errors++; setTimeout(next, 10); });
    };
    next();
  });
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
  return { latencies, statuses, bytes, errors };
}

if (!isMainThread) {
  const { base, path, connections, millis } = workerData;
  hammer(base, path, connections, millis).then((result) => parentPort.postMessage(result));
}

/** wrk's figures for one phase: `wrk --latency` prints requests/s, the latency distribution and non-2xx answers. */
function wrkPhase(options, path, seconds) {
  const url = new URL(path, options.base).href;
  const run = spawnSync('wrk', ['-t', String(options.workers), '-c', String(options.connections), '-d', `${seconds}s`,
    '--latency', '-H', 'Accept: application/json', url], { encoding: 'utf8' });
  if (run.error) {
    throw new Error(`could not run wrk (${run.error.code}): install it with scripts/setup.sh (Debian package wrk), or pass --client=node`);
  }
  if (run.status !== 0) throw new Error(`wrk failed (exit ${run.status}): ${run.stderr || run.stdout}`);
  const out = run.stdout;
  const millis = (p) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
    if (!match) return NaN;
    return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2]];
  };
  const total = /(\d+) requests in ([\d.]+)(ms|s|m),\s+([\d.]+)(B|KB|MB|GB) read/.exec(out);
  if (!total) throw new Error(`unexpected wrk output:\n${out}`);
  const requests = Number(total[1]);
  const elapsed = Number(total[2]) * { ms: 0.001, s: 1, m: 60 }[total[3]];
  const bytes = Number(total[4]) * { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[total[5]];
  const non2xx = Number((/Non-2xx or 3xx responses: (\d+)/.exec(out) || [0, 0])[1]);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    path, seconds: elapsed, requests, perSecond: requests / elapsed, p50: millis(50), p90: millis(90), p99: millis(99),
    statuses: non2xx ? { 200: requests - non2xx, 'non-2xx': non2xx } : { 200: requests },
    errors: socketErrors ? socketErrors.slice(1).reduce((n, v) => n + Number(v), 0) : 0,
    // wrk counts every byte read, headers included
    bytesPerAnswer: requests ? bytes / requests : 0, withHeaders: true,
  };
}

async function phase(options, path, seconds) {
  if (options.client === 'wrk') return wrkPhase(options, path, seconds);
  const shares = Array.from({ length: options.workers }, (_, i) =>
    Math.floor(options.connections / options.workers) + (i < options.connections % options.workers ? 1 : 0));
  const started = Date.now();
  const results = options.workers === 1
    ? [await hammer(options.base, path, options.connections, seconds * 1000)]
    : await Promise.all(shares.map((connections) => new Promise((resolve, reject) => {
      const worker = new Worker(fileURLToPath(import.meta.url),
        { workerData: { base: options.base, path, connections, millis: seconds * 1000 } });
      worker.once('message', resolve);
      worker.once('error', reject);
    })));
  const elapsed = (Date.now() - started) / 1000;
  const latencies = Float64Array.from(results.flatMap((r) => r.latencies)).sort();
  const statuses = {};
  for (const r of results) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] || 0) + n;
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] / 1000 : NaN);
  return {
    path, seconds: elapsed, requests: latencies.length, perSecond: latencies.length / elapsed,
    p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), statuses,
    errors: results.reduce((n, r) => n + r.errors, 0),
    bytesPerAnswer: latencies.length ? results.reduce((n, r) => n + r.bytes, 0) / latencies.length : 0,
  };
}

function line(name, r) {
  const odd = Object.entries(r.statuses).filter(([s]) => s !== '200').map(([s, n]) => `${n}×${s}`).join(', ');
  return `${name.padEnd(12)} ${r.perSecond.toFixed(0).padStart(8)} req/s   p50 ${r.p50.toFixed(2)} ms   p90 ${r.p90.toFixed(2)} ms`
    + `   p99 ${r.p99.toFixed(2)} ms   ${r.requests} requests, ${r.bytesPerAnswer.toFixed(0)} B/answer`
    + (r.withHeaders ? ' with headers' : '')
    + (odd ? `   NOT 200: ${odd}` : '') + (r.errors ? `   socket errors: ${r.errors}` : '');
}

if (isMainThread) {
  const options = optionsOrExit(parseArgs);
  const probe = await probeOrExit(options.base, options.path);
  const sample = await probe.json();
  console.log(`${options.base}: ${options.client} client, ${options.connections} keep-alive connections, ${options.workers} client thread(s), `
    + `${options.warmup} s warm-up then ${options.seconds} s each; leaderboard total ${sample.total}, `
    + `${sample.entries?.length} entries per answer`);
  await phase(options, options.baseline, options.warmup);
  const baseline = await phase(options, options.baseline, options.seconds);
  await phase(options, options.path, options.warmup);
  const board = await phase(options, options.path, options.seconds);
  console.log(line('baseline', baseline) + `   GET ${options.baseline}`);
  console.log(line('leaderboard', board) + `   GET ${options.path}`);
  console.log(`leaderboard / baseline: ${(board.perSecond / baseline.perSecond).toFixed(2)} × the requests/s, `
    + `p99 ${(board.p99 / baseline.p99).toFixed(2)} × the baseline's`);
  if (options.out) {
    writeFileSync(options.out, JSON.stringify({ options, leaderboardTotal: sample.total, baseline, leaderboard: board }, null, 2));
  }
}
