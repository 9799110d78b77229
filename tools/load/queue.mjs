#!/usr/bin/env node
// Matchmaking traffic through the real server, for dashboards and soak runs: signs in N throwaway
// wallets, and each keeps asking to join a queue (POST /api/matchmaking/queue, free rated RPS or
// DUEL) every few seconds; the server pairs them and starts their games. Nobody plays the games: a
// matched player is refused ("already in a game") until the game ends by its turn timer, then
// queues again. Loopback only. Needs Node 20+, nothing to install.
//
//   node tools/load/queue.mjs [--base=http://localhost:9080] [--players=100] [--seconds=300] [--every-ms=5000]
import crypto from 'node:crypto';

const options = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)=(.*)$/.exec(a);
  if (!m) {
    console.error('usage: queue.mjs [--base=http://localhost:9080] [--players=100] [--seconds=300] [--every-ms=5000]');
    process.exit(2);
  }
  return [m[1], m[2]];
}));
const BASE = options.base ?? 'http://localhost:9080';
const PLAYERS = Number(options.players ?? 100);
const SECONDS = Number(options.seconds ?? 300);
const EVERY_MS = Number(options['every-ms'] ?? 5000);
if (!/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(BASE)) {
  console.error(`--base must be a loopback server (got ${BASE})`);
  process.exit(2);
}

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes) {
  let n = BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'));
  let out = '';
  while (n > 0n) { out = ALPHABET[Number(n % 58n)] + out; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; out = '1' + out; }
  return out;
}

async function call(method, path, body, token) {
  const response = await fetch(BASE + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

async function signIn() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const wallet = base58(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
  const nonce = await call('POST', '/api/auth/nonce', { wallet });
  if (nonce.status !== 200) throw new Error(`nonce: ${nonce.status} ${nonce.json.detail}`);
  const signature = base58(crypto.sign(null, Buffer.from(nonce.json.message, 'utf8'), privateKey));
  const verified = await call('POST', '/api/auth/verify', { wallet, signature });
  if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${verified.json.detail}`);
  return verified.json.token;
}

const counts = new Map();
const count = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const deadline = Date.now() + SECONDS * 1000;

async function player(index, token) {
  const gameType = index % 2 === 0 ? 'RPS' : 'DUEL';
  await sleep(Math.random() * EVERY_MS);
  while (Date.now() < deadline) {
    const joined = await call('POST', '/api/matchmaking/queue', { gameType, wager: 0, rated: true }, token);
    count(joined.status < 300 ? 'joined' : `${joined.status} ${joined.json.code ?? ''}`.trim());
    await sleep(EVERY_MS * (0.5 + Math.random()));
  }
}

console.log(`signing in ${PLAYERS} wallets at ${BASE}...`);
const tokens = [];
for (let i = 0; i < PLAYERS; i += 16) {
  tokens.push(...await Promise.all(Array.from({ length: Math.min(16, PLAYERS - i) }, signIn)));
}
console.log(`queueing for ${SECONDS} s (a join every ~${EVERY_MS} ms per player)`);
const progress = setInterval(() => console.log(JSON.stringify(Object.fromEntries(counts))), 15000);
await Promise.all(tokens.map((token, i) => player(i, token)));
clearInterval(progress);
for (const token of tokens) {
  await call('DELETE', '/api/matchmaking/queue', undefined, token);
}
console.log(`done: ${JSON.stringify(Object.fromEntries(counts))}`);
