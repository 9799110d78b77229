#!/usr/bin/env node
// Sign-in benchmark (SPEC §14: sign-ins >= 2,000/s), beside a bare baseline in the same run. Each sign-in is the
// whole flow of a new wallet: a fresh Ed25519 key, POST /api/auth/nonce, the challenge message signed,
// POST /api/auth/verify (signature check, player row created, token issued). The baseline is GET /api/ping
// (the same HTTP edge and JAX-RS path, no work) at the same concurrency. Prints sign-ins/s, p50/p90/p99 of the
// whole flow, every answer that was not a 200, the ratio to the baseline, and the CPU each sign-in cost the
// server, PostgreSQL, Redis and this client (from /proc). Loopback only.
//
//   node tools/load/signin.mjs [--base=http://localhost:9080] [--signins=4000] [--inflight=64] [--workers=2]
//        [--warmup=500] [--server-pid=auto] [--out=FILE]
//
// The server's per-address limits must let one address sign in this fast: the local stack (scripts/run.sh,
// Maven profile `local`) raises them (ear/pom.xml); tools/load/README.md says how.
import http from 'node:http';
import { generateKeyPairSync, sign } from 'node:crypto';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cpuPerOperation, cpuSnapshot, describeCpu, listeningPid } from './cpu.mjs';
import { optionsOrExit, parseOptions, probeOrExit, requireIntegers } from './options.mjs';

const defaults = {
  base: 'http://localhost:9080', signins: 4000, inflight: 64, workers: 2, warmup: 500, 'server-pid': 'auto', out: '',
};

function parseArgs(argv) {
  const options = parseOptions(argv, defaults);
  requireIntegers(options, ['signins', 'inflight', 'workers']);
  requireIntegers(options, ['warmup'], 0);
  if (options['server-pid'] !== 'auto' && !/^\d+$/.test(options['server-pid'])) {
    throw new Error('--server-pid must be a process id or auto (the process listening on the --base port)');
  }
  return options;
}

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58(bytes) {
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let text = '';
  while (value > 0n) {
    text = ALPHABET[Number(value % 58n)] + text;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = `1${text}`;
  }
  return text;
}

const REQUEST_TIMEOUT_MS = 30000;

/** One request on a keep-alive agent: resolves to { status, body }. */
function request(agent, base, method, path, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { Accept: 'application/json' };
    if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
    // An answer that never comes (or a request that never gets a socket from the agent) fails this request,
    // counted as a socket error, instead of stalling the run.
    const timer = setTimeout(() => outgoing.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
    const outgoing = http.request(new URL(path, base), { method, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      // A response torn down before its end (the timer above destroying a stalled one included) may emit
      // no 'error': its 'close' without an 'end' fails the request (after an 'end' this reject is a no-op).
      response.on('close', () => {
        clearTimeout(timer);
        if (!response.complete) reject(new Error('the answer ended early'));
      });
    });
    outgoing.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    outgoing.end(payload);
  });
}

/** The whole sign-in of a new wallet; returns the status that ended it (200 when a token came back). */
async function signIn(agent, base) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const wallet = base58(Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url'));
  const challenge = await request(agent, base, 'POST', '/api/auth/nonce', { wallet });
  if (challenge.status !== 200) return challenge.status;
  const { message } = JSON.parse(challenge.body);
  const signature = base58(sign(null, Buffer.from(message, 'utf8'), privateKey));
  const verified = await request(agent, base, 'POST', '/api/auth/verify', { wallet, signature });
  if (verified.status !== 200) return verified.status;
  return JSON.parse(verified.body).token ? 200 : 'no token';
}

async function ping(agent, base) {
  return (await request(agent, base, 'GET', '/api/ping')).status;
}

/** `count` tasks, `inflight` at a time; latencies in microseconds and answers by status. */
async function drive(base, task, count, inflight) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inflight, maxFreeSockets: inflight });
  const latencies = [];
  const statuses = {};
  let errors = 0;
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next++;
      const started = process.hrtime.bigint();
      try {
        const status = await task(agent, base);
        statuses[status] = (statuses[status] || 0) + 1;
        if (status === 200) latencies.push(Number(process.hrtime.bigint() - started) / 1000);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: inflight }, lane));
  agent.destroy();
  return { latencies, statuses, errors };
}

const TASKS = { signIn, ping };

if (!isMainThread) {
  const { base, task, count, inflight } = workerData;
  drive(base, TASKS[task], count, inflight).then((result) => parentPort.postMessage(result));
}

function split(total, parts) {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

async function phase(options, task, count, serverPid) {
  const counts = split(count, options.workers);
  const inflights = split(options.inflight, options.workers);
  const cpuBefore = cpuSnapshot(serverPid);
  const started = process.hrtime.bigint();
  const results = await Promise.all(counts.map((share, i) => new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url),
      { workerData: { base: options.base, task, count: share, inflight: Math.max(1, inflights[i]) } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`client thread ${i} exited (code ${code}) before reporting`)));
  })));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = cpuPerOperation(cpuBefore, cpuSnapshot(serverPid), count);
  const latencies = Float64Array.from(results.flatMap((r) => r.latencies)).sort();
  const statuses = {};
  for (const r of results) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] || 0) + n;
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] / 1000 : NaN);
  return {
    task, seconds, completed: latencies.length, perSecond: latencies.length / seconds,
    p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), statuses, errors: results.reduce((n, r) => n + r.errors, 0), cpu,
  };
}

function line(name, r) {
  const odd = Object.entries(r.statuses).filter(([s]) => s !== '200').map(([s, n]) => `${n}×${s}`).join(', ');
  return `${name.padEnd(20)} ${r.perSecond.toFixed(0).padStart(7)}/s   p50 ${r.p50.toFixed(2)} ms   p90 ${r.p90.toFixed(2)} ms`
    + `   p99 ${r.p99.toFixed(2)} ms   ${r.completed} in ${r.seconds.toFixed(1)} s`
    + (odd ? `   NOT 200: ${odd}` : '') + (r.errors ? `   socket errors: ${r.errors}` : '');
}

if (isMainThread) {
  const options = optionsOrExit(parseArgs);
  await probeOrExit(options.base, '/api/ping');
  const serverPid = options['server-pid'] === 'auto'
    ? listeningPid(new URL(options.base).port || 80) : Number(options['server-pid']);
  if (!serverPid) console.log('(the server process was not found from its port: no server CPU figure; give --server-pid)');
  console.log(`${options.base}: ${options.signins} sign-ins of new wallets after ${options.warmup} for warm-up, `
    + `${options.inflight} in flight over ${options.workers} client thread(s); baseline GET /api/ping, `
    + `${2 * options.signins} requests at the same concurrency`);
  if (options.warmup > 0) {
    await phase(options, 'ping', options.warmup * 2);
    await phase(options, 'signIn', options.warmup);
  }
  const baseline = await phase(options, 'ping', 2 * options.signins, serverPid);
  const signIns = await phase(options, 'signIn', options.signins, serverPid);
  console.log(line('baseline GET /api/ping', baseline));
  console.log(line('sign-in (2 requests)', signIns));
  console.log(`sign-ins/s: ${signIns.perSecond.toFixed(0)}; a sign-in is two requests, so the server answered `
    + `${(2 * signIns.perSecond).toFixed(0)} requests/s, ${(2 * signIns.perSecond / baseline.perSecond).toFixed(2)} × the baseline's rate`);
  console.log(`CPU per ping: ${describeCpu(baseline.cpu)}`);
  console.log(`CPU per sign-in: ${describeCpu(signIns.cpu)}`);
  const serverSide = signIns.cpu.server + signIns.cpu.postgres + signIns.cpu.redis;
  const cores = availableParallelism();
  if (!Number.isNaN(serverSide)) {
    console.log(`server side (Liberty + PostgreSQL + Redis) ${serverSide.toFixed(3)} ms of CPU per sign-in: `
      + `${(1000 * cores / serverSide).toFixed(0)} sign-ins/s if they had this machine's ${cores} cores to themselves`);
  }
  if (options.out) writeFileSync(options.out, JSON.stringify({ options, baseline, signIns }, null, 2));
  const failed = Object.keys(signIns.statuses).some((s) => s !== '200') || signIns.errors > 0;
  process.exit(failed ? 2 : 0);
}
