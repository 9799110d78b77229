#!/usr/bin/env node
'use strict';
// Benchmark (not part of npm test): server start time, then N transfers sent as fast as the
// client can (K in flight, keep-alive), then RSS and landed count. Client-side signing uses
// node:crypto so the client is not the bottleneck being measured.
//   node bench.js [--n 20000] [--concurrency 32] [--skip-preflight] [--slot-ms 400] [--history 10000]
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const bs58 = require('bs58').default;

const args = process.argv.slice(2);
const arg = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const N = Number(arg('--n', 20000)), K = Number(arg('--concurrency', 32)), skipPreflight = args.includes('--skip-preflight');
const slotMs = arg('--slot-ms', '400'), history = arg('--history', '10000');

const SPKI = 12; // bytes of DER prefix before the raw 32-byte ed25519 public key
function keypair() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return { priv: privateKey, pub: publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI) };
}
// Legacy system transfer, built by hand: [1 sig][header 1,0,1][3 keys][blockhash][1 ix].
function transfer(from, to, lamports, blockhash) {
  const data = Buffer.alloc(12); data.writeUInt32LE(2, 0); data.writeBigUInt64LE(BigInt(lamports), 4);
  const msg = Buffer.concat([Buffer.from([1, 0, 1, 3]), from.pub, to, Buffer.alloc(32), blockhash, Buffer.from([1, 2, 2, 0, 1, 12]), data]);
  return Buffer.concat([Buffer.from([1]), crypto.sign(null, msg, from.priv), msg]);
}
let id = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 }); // plain node:http: lighter than fetch
function rpc(port, method, params) {
  const body = JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = []; res.on('data', (c) => chunks.push(c));
      res.on('end', () => { const b = JSON.parse(Buffer.concat(chunks)); if (b.error) reject(new Error(`${method}: ${b.error.message}`)); else resolve(b.result); });
    });
    req.on('error', reject); req.end(body);
  });
}
const rssOf = (pid) => Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024;
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

(async () => {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), path.join(__dirname, 'server.js'), '--ports', '0', '--slot-ms', slotMs, '--history', history], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve) => { let out = ''; child.stdout.on('data', (d) => { out += d; const m = out.match(/^solana-localnet ready .*$/m); if (m) resolve(m[0]); }); });
  const startMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const port = Number(line.match(/ports=(\d+)/)[1]);
  console.log(`start: ${startMs.toFixed(0)} ms to ready line (spawn included); rss at start ${mb(rssOf(child.pid))}`);

  try {
    const payer = keypair(), recipients = Array.from({ length: 100 }, () => keypair().pub);
    const air = await rpc(port, 'requestAirdrop', [bs58.encode(payer.pub), 100_000 * 1e9]);
    while (!(await rpc(port, 'getSignatureStatuses', [[air]])).value[0]) await new Promise((r) => setTimeout(r, 50));

    let blockhash = null, sent = 0, errors = 0, lastSig = null;
    const refresh = async () => { blockhash = Buffer.from(bs58.decode((await rpc(port, 'getLatestBlockhash', [{ commitment: 'processed' }])).value.blockhash)); };
    await refresh();
    const refresher = setInterval(() => refresh().catch(() => {}), 1000);
    const checkpoints = {}, rates = [];
    const ts = process.hrtime.bigint();
    async function worker() {
      for (;;) {
        const i = sent++; if (i >= N) return;
        const wire = transfer(payer, recipients[i % recipients.length], 1_000_000 + i, blockhash);
        try {
          lastSig = await rpc(port, 'sendTransaction', [wire.toString('base64'), { encoding: 'base64', skipPreflight, preflightCommitment: 'processed' }]);
        } catch (e) { if (errors++ < 3) console.error(e.message); }
        if ((i + 1) % 5000 === 0) { checkpoints[i + 1] = rssOf(child.pid); rates.push(Number(process.hrtime.bigint() - ts) / 1e9); }
      }
    }
    await Promise.all(Array.from({ length: K }, worker));
    const secs = Number(process.hrtime.bigint() - ts) / 1e9;
    clearInterval(refresher);
    const st = await rpc(port, 'localnet_status', []);
    console.log(`sent ${N} transfers (${skipPreflight ? 'skipPreflight' : 'with preflight'}, ${K} in flight) in ${secs.toFixed(1)} s = ${(N / secs).toFixed(0)} tx/s; rpc errors ${errors}`);
    console.log(`landed ${st.txCount - 1}, dropped ${st.dropped}, stored ${st.stored} (cap ${st.historyCap}), indexed addresses ${st.indexedAddresses}`);
    console.log(`rss during run: ${Object.entries(checkpoints).map(([k, v]) => `${k} tx ${mb(v)}`).join(', ')}`);
    console.log(`tx/s per 5000: ${rates.map((t, i) => (5000 / (t - (rates[i - 1] || 0))).toFixed(0)).join(', ')}`);
    console.log(`rss after ${N} tx: ${mb(rssOf(child.pid))} (server says ${mb(st.rssBytes)}, heap used ${mb(st.heapUsedBytes)})`);
    const last = (await rpc(port, 'getSignatureStatuses', [[lastSig]])).value[0];
    console.log(`last tx status: ${last && last.confirmationStatus} err=${JSON.stringify(last && last.err)}`);
  } finally { agent.destroy(); child.kill('SIGTERM'); }
})();
