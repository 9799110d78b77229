#!/usr/bin/env node
// Play SOL Duel by hand from a terminal: signs in with a throwaway development wallet (an
// Ed25519 key made here with Node's crypto), creates or joins a private challenge, and plays over
// the WebSocket protocol (websocket-war/asyncapi.yaml). Needs Node 20+, nothing to install.
//
//   node tools/play/play.mjs create rps 3        # prints an invite code, waits for the opponent
//   node tools/play/play.mjs join ABCD2345       # in a second terminal
//   node tools/play/play.mjs watch 1000          # a spectator
//   node tools/play/play.mjs create rps 1 --wager=50000000   # a wagered challenge (localnet): both
//                                                # players' deposits are made here (docs/money.md)
// Then type an action (rock, paper, scissors / attack, heavy_attack, block, heal) and Enter.
// SOLDUEL_URL (default http://localhost:9080) chooses the server, SOLDUEL_RPC (default
// http://127.0.0.1:8899) the Solana RPC the throwaway wallet is funded and deposits from.
import crypto from 'node:crypto';
import readline from 'node:readline';
// The same base58 and deposit transaction the web client uses (shared ES modules, no build step).
import { encode as base58 } from '../../web-api/src/main/webapp/js/base58.mjs';
import { DepositTransaction } from '../../web-api/src/main/webapp/js/solana.mjs';

const BASE = process.env.SOLDUEL_URL ?? 'http://localhost:9080';
const RPC = process.env.SOLDUEL_RPC ?? 'http://127.0.0.1:8899';
const options = Object.fromEntries(process.argv.slice(2).filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')));
const [command, arg1, arg2] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const WAGER = Number(options.wager ?? 0);
if (!['create', 'join', 'watch'].includes(command)) {
  console.error('usage: play.mjs create rps|duel [bestOf] | join INVITE_CODE | watch GAME_ID');
  process.exit(2);
}
if (typeof WebSocket === 'undefined') {
  console.error('this Node has no WebSocket client: use Node 22+, or run with node --experimental-websocket');
  process.exit(2);
}

async function api(path, body, token) {
  const response = await fetch(BASE + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${json.code}: ${json.detail}`);
  return json;
}

let rpcId = 0;
async function rpc(method, params) {
  const body = await (await fetch(RPC, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }) })).json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function landed(signature) {
  for (let i = 0; i < 60; i++) {
    const [status] = (await rpc('getSignatureStatuses', [[signature], { searchTransactionHistory: true }])).value;
    if (status && status.confirmationStatus !== 'processed') return status.err === null;
    await sleep(500);
  }
  throw new Error(`${signature} did not confirm in 30 s`);
}

// A System Program transfer + a Memo (v2) signed by the wallet: the deposit docs/money.md asks for.
async function deposit(instructions) {
  const { blockhash } = (await rpc('getLatestBlockhash', [{ commitment: 'confirmed' }])).value;
  const tx = new DepositTransaction({ from: walletAddress, vault: instructions.vault, lamports: instructions.lamports,
    memo: instructions.memo, blockhash });
  tx.addSignature(walletAddress, crypto.sign(null, tx.serializeMessage(), walletSecret));
  const sent = await rpc('sendTransaction', [Buffer.from(tx.serialize()).toString('base64'),
    { encoding: 'base64', preflightCommitment: 'confirmed' }]);
  console.log(`deposit of ${instructions.lamports} lamports sent: ${sent}`);
  await landed(sent);
  const credited = await api(`/api/games/${gameId}/deposits`, { signature: sent }, token);
  console.log(`deposit credited; game ${credited.gameStatus}`);
}

let walletKey;
let walletSecret;
let walletAddress;
async function signIn() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  walletKey = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  walletSecret = privateKey;
  const wallet = base58(walletKey);
  walletAddress = wallet;
  const { message } = await api('/api/auth/nonce', { wallet });
  const signature = base58(crypto.sign(null, Buffer.from(message, 'utf8'), privateKey));
  const { token } = await api('/api/auth/verify', { wallet, signature });
  console.log(`signed in as ${wallet} (a throwaway development wallet)`);
  return token;
}

const token = await signIn();
let gameId;
if (command === 'create') {
  const game = await api('/api/games', { gameType: (arg1 ?? 'rps').toUpperCase(), bestOf: Number(arg2 ?? 1),
    ...(WAGER > 0 ? { wager: WAGER } : {}) }, token);
  gameId = game.gameId;
  console.log(`game ${gameId} created; invite code ${game.inviteCode}; server seed commitment ${game.serverSeedSha256}`
    + (WAGER > 0 ? `; wager ${WAGER} lamports each` : ''));
  console.log('waiting for the opponent to join...');
} else if (command === 'join') {
  const game = await api('/api/games/join', { inviteCode: arg1 }, token);
  gameId = game.gameId;
  console.log(`joined game ${gameId} as P2`);
} else {
  gameId = Number(arg1);
}

let balanceBefore = null;
if (command !== 'watch') {
  // A throwaway wallet holds nothing: on the localnet it is funded by the faucet for the deposit and fees.
  const airdrop = await rpc('requestAirdrop', [walletAddress, 1_000_000_000, { commitment: 'confirmed' }]).catch(() => null);
  if (airdrop) await landed(airdrop);
}

let turn = 1;
let clientSeq = 0;
let version = 0;
const socket = new WebSocket(`${BASE.replace(/^http/, 'ws')}/ws/game?token=${encodeURIComponent(token)}`);
const join = () => socket.send(JSON.stringify({ type: command === 'watch' ? 'watch_game' : 'join_game', gameId, sinceVersion: version }));

socket.addEventListener('open', () => {
  if (command !== 'create') return join();
  // The creator keeps trying until the opponent has joined.
  const retry = setInterval(async () => {
    const summary = await api(`/api/games/${gameId}`);
    if (summary.status !== 'CREATED') { clearInterval(retry); join(); }
  }, 1000);
});
socket.addEventListener('message', (event) => {
  const frame = JSON.parse(event.data);
  if (frame.version) version = Math.max(version, frame.version);
  switch (frame.type) {
    case 'state':
      turn = frame.turn;
      clientSeq = Math.max(clientSeq, frame.lastClientSeq ?? 0);
      console.log(`\ngame ${frame.gameId} (${frame.gameType}), you are ${frame.seat ?? 'a spectator'}, turn ${frame.turn}`);
      if (frame.view?.legalActions?.length) console.log(`your actions: ${frame.view.legalActions.join(', ')}`);
      break;
    case 'turn_result':
      if (frame.nextTurn) turn = frame.nextTurn; // the turn that ends the game names no next turn
      console.log(`turn ${frame.turn}: P1 ${frame.moves.P1} vs P2 ${frame.moves.P2}` +
        (frame.timedOut.length ? ` (timed out: ${frame.timedOut.join(', ')})` : '') +
        ` | score P1 ${frame.score.P1} – P2 ${frame.score.P2}`);
      for (const e of frame.events) console.log(`  ${e.kind} ${JSON.stringify(e)}`);
      break;
    case 'action_accepted': console.log(`locked in ${frame.action} for turn ${frame.turn}`); break;
    case 'player_acted': console.log(`${frame.seat} has chosen for turn ${frame.turn}`); break;
    case 'game_started': console.log(`${frame.players.P2} joined: the game is on (client seeds P1 ${frame.clientSeeds.P1}, P2 ${frame.clientSeeds.P2})`); break;
    case 'turn_started': console.log(`turn ${frame.turn}: choose within ${Math.round((frame.turnDeadline - Date.now()) / 1000)} s`); break;
    case 'player_disconnected': console.log(`${frame.seat} disconnected; ${frame.graceSeconds} s to come back`); break;
    case 'player_reconnected': console.log(`${frame.seat} is back`); break;
    case 'error': console.log(`refused: ${frame.code}: ${frame.message}`); break;
    case 'deposit_required':
      balanceBefore = 0;
      if (!frame.deposited) {
        console.log(`wagered game: deposit ${frame.lamports} lamports to the vault ${frame.vault} with memo ${frame.memo}`);
        deposit(frame).catch((e) => console.log(`deposit failed: ${e.message}`));
      }
      break;
    case 'deposit_credited': console.log(`${frame.seat}'s deposit of ${frame.lamports} lamports is credited`); break;
    case 'game_cancelled':
      console.log(`game cancelled (${frame.reason}); refunds: ${JSON.stringify(frame.refunds)}`);
      process.exit(0);
      break;
    case 'game_over':
      console.log(`\ngame over: ${frame.outcome} (${frame.reason}); server seed ${frame.serverSeed}`);
      console.log(`verify it: curl -s ${BASE}/api/games/${frame.gameId}/export > game.json, then see docs/games.md`);
      socket.close();
      if (WAGER > 0 || frame.wager > 0 || balanceBefore !== null) {
        showPayout().finally(() => process.exit(0));
      } else {
        process.exit(0);
      }
  }
});
socket.addEventListener('close', (event) => {
  console.log(`connection closed (${event.code} ${event.reason})`);
  if (!payoutPending) process.exit(0);
});

let payoutPending = false;
// The payouts job pays a wagered game's winner (or refunds a draw) on-chain: find that transfer by its memo.
async function showPayout() {
  payoutPending = true;
  for (let i = 0; i < 60; i++) {
    const entries = await rpc('getSignaturesForAddress', [walletAddress, { commitment: 'confirmed', limit: 20 }]);
    const paid = entries.find((e) => e.memo && e.memo.includes('solduel:payout:'));
    if (paid) {
      const balance = (await rpc('getBalance', [walletAddress, { commitment: 'confirmed' }])).value;
      console.log(`paid on-chain by the vault: ${paid.signature} (${paid.memo}); your balance is now ${balance} lamports`);
      return;
    }
    await sleep(1000);
  }
  console.log('no payout to this wallet (you lost, or it is still on its way: GET /api/admin/payouts shows them to admins)');
}

if (command !== 'watch') {
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const action = line.trim().toUpperCase();
    if (action) socket.send(JSON.stringify({ type: 'submit_action', gameId, clientSeq: ++clientSeq, turn, action }));
  });
}
