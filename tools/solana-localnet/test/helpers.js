'use strict';
// Shared test helpers: start the server as a child process on free loopback ports and talk
// to it, either raw (fetch) or through @solana/web3.js.
const { spawn } = require('node:child_process');
const path = require('node:path');
const web3 = require('@solana/web3.js');

const SERVER = path.join(__dirname, '..', 'server.js');
const MEMO = new web3.PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');

async function startServer(args = [], nPorts = 1) {
  const child = spawn(process.execPath, [SERVER, '--ports', Array(nPorts).fill(0).join(','), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Never leave a server behind, even if the test process dies.
  const reap = () => { if (child.exitCode === null) child.kill('SIGTERM'); };
  process.once('exit', reap);
  let out = '';
  child.stderr.on('data', (d) => { out += d; });
  const line = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 10 s: ${out}`)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^solana-localnet ready .*$/m);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${out}`)); });
  });
  const ports = line.match(/ports=([\d,]+)/)[1].split(',').map(Number);
  const control = line.match(/control-port=(\d+)/);
  return {
    child, line, ports, controlPort: control ? Number(control[1]) : null,
    url: (i = 0) => `http://127.0.0.1:${ports[i]}`,
    conn: (i = 0, commitment = 'confirmed') => new web3.Connection(`http://127.0.0.1:${ports[i]}`, { commitment, disableRetryOnRateLimit: true }),
    stop: () => new Promise((resolve) => { if (child.exitCode !== null) return resolve(child.exitCode); child.once('exit', resolve); child.kill('SIGTERM'); }),
  };
}

let nextId = 1;
// Raw JSON-RPC over HTTP: returns {status, body, ms}.
async function rawRpc(port, method, params, { timeoutMs = 5000 } = {}) {
  const t = Date.now();
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }), signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let body; try { body = JSON.parse(text); } catch { body = text; }
  return { status: res.status, body, ms: Date.now() - t };
}
async function rpc(port, method, params) {
  const { status, body } = await rawRpc(port, method, params);
  if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
  return body;
}
async function result(port, method, params) {
  const body = await rpc(port, method, params);
  if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data });
  return body.result;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(fn, { timeoutMs = 10000, everyMs = 50, what = 'condition' } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
const LEVELS = ['processed', 'confirmed', 'finalized'];
async function waitStatus(conn, sig, level = 'confirmed', timeoutMs = 10000) {
  return waitFor(async () => {
    const { value: [st] } = await conn.getSignatureStatuses([sig], { searchTransactionHistory: true });
    return st && LEVELS.indexOf(st.confirmationStatus) >= LEVELS.indexOf(level) ? st : null;
  }, { timeoutMs, what: `${sig} ${level}` });
}
async function fund(conn, pubkey, lamports) {
  const sig = await conn.requestAirdrop(pubkey, lamports);
  await waitStatus(conn, sig, 'confirmed');
  return sig;
}
function transferTx(from, to, lamports, blockhash, memo) {
  const tx = new web3.Transaction({ feePayer: from.publicKey, recentBlockhash: blockhash });
  tx.add(web3.SystemProgram.transfer({ fromPubkey: from.publicKey, toPubkey: to, lamports }));
  if (memo !== undefined) tx.add(new web3.TransactionInstruction({ programId: MEMO, keys: [{ pubkey: from.publicKey, isSigner: true, isWritable: false }], data: Buffer.from(memo, 'utf8') }));
  tx.sign(from);
  return tx;
}

module.exports = { startServer, rawRpc, rpc, result, sleep, waitFor, waitStatus, fund, transferTx, web3, MEMO };
