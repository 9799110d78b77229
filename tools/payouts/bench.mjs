// The payouts benchmark (SPEC §14: payouts >= 200/s signed, sent and confirmed against the localnet).
// Drives the REAL payouts job of a running local stack (scripts/run.sh): it books N payouts in
// PostgreSQL the way a settlement does (a balanced ledger transfer + a PENDING payouts row each, to N
// fresh wallets), funds the vault, and measures how fast the job signs, records, sends and
// confirms them. Then it checks the chain itself: every destination holds exactly its payout.
//
//   node tools/payouts/bench.mjs [--payouts=2000] [--lamports=1000000] [--base=http://localhost:9080]
//                                [--rpc=http://127.0.0.1:8899] [--db=sol_duel]
// Needs psql and DB_PASSWORD (scripts/payouts-bench.sh passes it from .local/server.env).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const N = Number(args.payouts ?? 2000);
const LAMPORTS = Number(args.lamports ?? 1_000_000); // above the rent-exempt minimum of an empty account
const BASE = args.base ?? 'http://localhost:9080';
const RPC = args.rpc ?? 'http://127.0.0.1:8899';
const DB = args.db ?? 'sol_duel';
const log = (m) => process.stderr.write(`[payouts-bench] ${m}\n`);

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes) {
  let n = BigInt('0x' + Buffer.from(bytes).toString('hex'));
  let out = '';
  while (n > 0n) { out = ALPHABET[Number(n % 58n)] + out; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; out = '1' + out; }
  return out;
}
let rpcId = 0;
async function rpc(method, params) {
  const res = await fetch(RPC, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }) });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}
function psql(sql) {
  return execFileSync('psql', ['-h', 'localhost', '-U', 'sol_duel_user', '-d', DB, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql],
    { env: { ...process.env, PGPASSWORD: process.env.DB_PASSWORD }, encoding: 'utf8' }).trim();
}
function psqlFile(file) {
  execFileSync('psql', ['-h', 'localhost', '-U', 'sol_duel_user', '-d', DB, '-v', 'ON_ERROR_STOP=1', '-q', '-f', file],
    { env: { ...process.env, PGPASSWORD: process.env.DB_PASSWORD }, stdio: ['ignore', 'ignore', 'inherit'] });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ready = await fetch(`${BASE}/health/ready`).catch(() => null);
if (!ready || ready.status !== 200) throw new Error(`no ready server at ${BASE}: start the local stack with scripts/run.sh`);
const vault = (await (await fetch(`${BASE}/api/vault`)).json()).address;
if (!vault) throw new Error('the server has no escrow vault (scripts/setup.sh makes one)');
const open = Number(psql("SELECT COUNT(*) FROM payouts WHERE status IN ('PENDING','SIGNED','SENT')"));
if (open > 0) throw new Error(`${open} payouts are open already: let the job finish them first`);

const need = BigInt(N) * BigInt(LAMPORTS + 5000) + 1_000_000_000n;
log(`funding the vault ${vault} with ${need} lamports for ${N} payouts of ${LAMPORTS}`);
const airdrop = await rpc('requestAirdrop', [vault, Number(need), { commitment: 'confirmed' }]);
for (let i = 0; i < 100; i++) {
  const [st] = (await rpc('getSignatureStatuses', [[airdrop]])).value;
  if (st && (st.confirmationStatus === 'confirmed' || st.confirmationStatus === 'finalized')) break;
  await sleep(200);
}

const run = randomBytes(4).toString('hex');
const destinations = Array.from({ length: N }, () => base58(randomBytes(32)));
const player = base58(randomBytes(32));
const lines = ['BEGIN;',
  `INSERT INTO players (wallet_address, username) VALUES ('${player}', 'bench_${run}');`,
  `INSERT INTO games (id, player1_id, status, wager_amount, game_type) SELECT (SELECT COALESCE(MAX(id), 0) + 1 FROM games), id, 'COMPLETED', 0, 'RPS' FROM players WHERE wallet_address = '${player}';`,
  `SELECT max(id) AS gid FROM games \\gset`,
  `SELECT id AS pid FROM players WHERE wallet_address = '${player}' \\gset`];
destinations.forEach((d, i) => {
  const key = `bench:${run}:${i}`;
  lines.push(`WITH t AS (INSERT INTO ledger_transfers (kind, game_id, idempotency_key) VALUES ('REFUND', :gid, '${key}') RETURNING id) `
    + `INSERT INTO ledger_postings (transfer_id, account, amount) SELECT id, 'house:fees', ${LAMPORTS} FROM t `
    + `UNION ALL SELECT id, 'player:${d}:payouts', -${LAMPORTS} FROM t;`);
  lines.push(`INSERT INTO payouts (kind, reason, game_id, player_id, destination, lamports, idempotency_key) `
    + `VALUES ('REFUND', 'BENCHMARK', :gid, :pid, '${d}', ${LAMPORTS}, '${key}');`);
});
lines.push('COMMIT;');
const file = join(tmpdir(), `payouts-bench-${run}.sql`);
writeFileSync(file, lines.join('\n'));
log(`booking ${N} payouts (ledger transfer + PENDING row each) in one transaction`);
psqlFile(file);
const booked = Date.now();
const gid = psql(`SELECT max(id) FROM games WHERE player1_id = (SELECT id FROM players WHERE wallet_address = '${player}')`);

let confirmed = 0;
let last = -1;
while (confirmed < N) {
  await sleep(500);
  const [c, f] = psql(`SELECT COUNT(*) FILTER (WHERE status = 'CONFIRMED'), COUNT(*) FILTER (WHERE status = 'FAILED') FROM payouts WHERE game_id = ${gid}`).split('|').map(Number);
  confirmed = c;
  if (f > 0) throw new Error(`${f} payouts FAILED: see GET /api/admin/payouts?status=FAILED`);
  if (c !== last) { log(`${c}/${N} confirmed after ${((Date.now() - booked) / 1000).toFixed(1)} s`); last = c; }
  if (Date.now() - booked > 15 * 60_000) throw new Error('not all confirmed within 15 minutes');
}
const [first, lastConfirmed, attempts] = psql(`SELECT extract(epoch FROM min(a.created_at)), extract(epoch FROM max(p.confirmed_at)), `
  + `COUNT(a.*) FROM payouts p JOIN payout_attempts a ON a.payout_id = p.id WHERE p.game_id = ${gid}`).split('|').map(Number);
const seconds = lastConfirmed - first;

log('checking the chain: every destination holds exactly its payout');
let exact = 0;
for (let i = 0; i < N; i += 100) {
  const accounts = (await rpc('getMultipleAccounts', [destinations.slice(i, i + 100), { commitment: 'confirmed', encoding: 'base64' }])).value;
  exact += accounts.filter((a) => a && a.lamports === LAMPORTS).length;
}
const result = { payouts: N, lamports: LAMPORTS, attempts, firstSignedToLastConfirmedSeconds: Number(seconds.toFixed(2)),
  payoutsPerSecond: Number((N / seconds).toFixed(1)), bookedToAllConfirmedSeconds: Number(((Date.now() - booked) / 1000).toFixed(1)),
  destinationsHoldingExactlyTheirPayout: exact };
console.log(JSON.stringify(result));
if (exact !== N || attempts !== N) process.exitCode = 1;
