// The SOL Duel web client: wallet, sign-in, queue, deposits, play, result, replay and verification,
// leaderboard, profile and history. Plain ES modules, no build step. It speaks only the documented
// protocols: the REST API (/openapi) and the game socket (websocket-war/asyncapi.yaml).
import { Api, ApiError } from './api.mjs';
import { encode } from './base58.mjs';
import { GameSocket } from './game-socket.mjs';
import { DepositTransaction, Rpc } from './solana.mjs';
import { DevelopmentWallet, injectedWallet, signAndSend } from './wallet.mjs';

const $ = (id) => document.getElementById(id);
const api = new Api('');
const SESSION_KEY = 'solduel.session.v1';
const GAME_KEY = 'solduel.game.v1';
const LAMPORTS_PER_SOL = 1_000_000_000;

const app = {
  config: null, rpc: null, wallet: null, walletAddress: null, token: null,
  socket: null, queue: null, game: null, lastError: null,
};
globalThis.solduel = app; // for the browser tests and the curious: read-only use

// ---------------------------------------------------------------- small DOM helpers

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}
const svg = (tag, attributes = {}) => {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
};
const sol = (lamports) => `${(Number(lamports) / LAMPORTS_PER_SOL).toLocaleString('en', { maximumFractionDigits: 9 })} SOL`;
const short = (address) => (address ? `${address.slice(0, 4)}…${address.slice(-4)}` : '?');
const words = (code) => (code ?? '').toLowerCase().replaceAll('_', ' ');

function notice(text) {
  $('notice').textContent = text ?? '';
}
function banner(text) {
  $('banner').hidden = !text;
  $('banner').textContent = text ?? '';
}
function explorerLink(signature) {
  const url = app.config.explorerTxUrl.replace('{signature}', encodeURIComponent(signature));
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'mono' }, short(signature), ' (explorer)');
}

// ---------------------------------------------------------------- wallet and sign-in

async function connectWallet() {
  const provider = injectedWallet() ?? (app.config.developmentWallet ? new DevelopmentWallet(app.rpc) : null);
  if (!provider) {
    notice('No Solana wallet found in this browser: install one (e.g. Phantom) and reload.');
    return;
  }
  const { publicKey } = await provider.connect();
  app.wallet = provider;
  app.walletAddress = publicKey.toBase58();
  renderWallet();
}

async function signIn() {
  const address = app.walletAddress;
  const { message } = await api.nonce(address);
  const { signature } = await app.wallet.signMessage(new TextEncoder().encode(message), 'utf8');
  const { token } = await api.verify(address, encode(signature));
  app.token = token;
  api.token = token;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ wallet: address, token }));
  openSocket();
  renderWallet();
}

function signOut() {
  app.socket?.close();
  app.socket = null;
  app.token = null;
  api.token = null;
  sessionStorage.removeItem(SESSION_KEY);
  localStorage.removeItem(GAME_KEY);
  app.game = null;
  renderWallet();
  route();
}

async function renderWallet() {
  const signedIn = Boolean(app.token);
  $('connect').hidden = Boolean(app.wallet);
  $('signin').hidden = !app.wallet || signedIn;
  $('signout').hidden = !signedIn;
  $('airdrop').hidden = !(app.wallet?.isDevelopmentWallet);
  $('queue-join').disabled = !signedIn;
  if (!app.wallet) {
    $('wallet-status').textContent = app.config.developmentWallet
      ? 'Not connected. On this localnet the built-in development wallet is used when no browser wallet is installed.'
      : 'Not connected.';
    return;
  }
  const kind = app.wallet.isDevelopmentWallet ? 'development wallet' : 'wallet';
  const line = h('span', {}, `${signedIn ? 'Signed in' : 'Connected'} with ${kind} `,
    h('span', { class: 'mono', title: app.walletAddress, id: 'wallet-address' }, app.walletAddress));
  $('wallet-status').replaceChildren(line);
  try {
    const lamports = await app.rpc.balance(app.walletAddress);
    $('wallet-status').append(h('span', { id: 'wallet-balance', 'data-lamports': lamports }, ` · ${sol(lamports)}`));
  } catch {
    $('wallet-status').append(' · balance unavailable (RPC unreachable)');
  }
}

async function airdrop() {
  $('airdrop').disabled = true;
  try {
    notice('Requesting 2 SOL from the localnet faucet…');
    await app.wallet.airdrop(2 * LAMPORTS_PER_SOL);
    notice('');
    await renderWallet();
  } finally {
    $('airdrop').disabled = false;
  }
}

// ---------------------------------------------------------------- the socket

function openSocket() {
  app.socket?.close();
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/game`;
  const socket = new GameSocket(url, app.token);
  socket.addEventListener('frame', (event) => onFrame(event.detail));
  socket.addEventListener('status', (event) => onSocketStatus(event.detail));
  app.socket = socket;
  socket.open();
}

function onSocketStatus({ state, code, reason, delay }) {
  if (state === 'open') banner(null);
  if (state === 'reconnecting') banner(`Connection lost — reconnecting in ${Math.round(delay / 100) / 10} s…`);
  if (state === 'closed' && code === 1008) banner(`The server closed the connection: ${reason || 'policy'}. Sign in again.`);
}

function send(frame) {
  if (!app.socket?.send(frame)) notice('Not connected yet; try again in a moment.');
}

function onFrame(frame) {
  switch (frame.type) {
    case 'welcome':
      // (Re)connected: follow the game we were in, with every event we missed.
      if (app.game && !app.game.over) joinGame();
      break;
    case 'queue_status': showQueue(frame); break;
    case 'queue_left': app.queue = null; $('queue').hidden = true; if (frame.reason !== 'left') notice(`You left the queue (${frame.reason}).`); break;
    case 'match_found': onMatchFound(frame); break;
    case 'error': onError(frame); break;
    case 'pong': break;
    default:
      if (app.game && frame.gameId === app.game.id) onGameFrame(frame);
  }
}

function onError(frame) {
  app.lastError = frame;
  if (frame.code === 'game-unavailable' && app.game) { setTimeout(joinGame, 1000); return; }
  if ((frame.code === 'resync' || frame.code === 'internal-error') && app.game) { joinGame(); return; }
  if (frame.code === 'stale-sequence' && app.game) { app.game.clientSeq += 1; return; }
  notice(`Refused: ${frame.message} (${frame.code})`);
}

// ---------------------------------------------------------------- lobby and queue

function renderWagers() {
  const select = $('wager');
  select.replaceChildren(...app.config.wagers.map((w) => h('option', { value: w }, w === 0 ? 'Free play' : sol(w))));
}

function joinQueue(event) {
  event.preventDefault();
  const form = new FormData($('queue-form'));
  notice('');
  send({ type: 'queue_join', gameType: form.get('gameType'), wager: Number(form.get('wager')), rated: $('rated').checked });
}

function showQueue(frame) {
  app.queue = frame;
  $('queue').hidden = false;
  $('queue-bucket').textContent = `${frame.gameType === 'DUEL' ? 'Duel' : 'Rock, paper, scissors'} · ${frame.wager === 0 ? 'free' : sol(frame.wager)} · ${frame.rated ? 'rated' : 'unrated'}`;
  $('queue-position').textContent = String(frame.position);
  $('queue-range').textContent = frame.range ? `${frame.range.min}–${frame.range.max} (you: ${frame.rating})` : 'any';
  app.queueStartedLocal = Date.now() - frame.waitedSeconds * 1000;
  tickQueue();
}

function tickQueue() {
  if (!app.queue) return;
  $('queue-waited').textContent = `${Math.floor((Date.now() - app.queueStartedLocal) / 1000)} s`;
}

function onMatchFound(frame) {
  app.queue = null;
  $('queue').hidden = true;
  startGame({ id: frame.gameId, seat: frame.yourSeat, gameType: frame.gameType, wager: frame.wager, opponent: frame.opponent });
  location.hash = `#/game/${frame.gameId}`;
  joinGame();
}

// ---------------------------------------------------------------- a game

function startGame({ id, seat, gameType = null, wager = 0, opponent = null }) {
  const saved = JSON.parse(localStorage.getItem(GAME_KEY) ?? 'null');
  const same = saved && saved.id === id && saved.wallet === app.walletAddress;
  app.game = {
    id, seat: seat ?? saved?.seat ?? null, gameType, wager, opponent, version: 0, clientSeq: same ? saved.clientSeq : 0,
    state: null, turn: 1, turnDeadline: null, chosen: null, over: null, deposit: null,
    balanceBefore: same ? saved.balanceBefore ?? null : null, payoutsBefore: same ? saved.payoutsBefore ?? [] : [],
  };
  saveGame();
  $('result').hidden = true;
  $('deposit').hidden = true;
  $('board').hidden = true;
  $('deposit-steps').replaceChildren();
}

function saveGame() {
  const g = app.game;
  localStorage.setItem(GAME_KEY, JSON.stringify({ id: g.id, seat: g.seat, wallet: app.walletAddress, clientSeq: g.clientSeq,
    balanceBefore: g.balanceBefore, payoutsBefore: g.payoutsBefore }));
}

function joinGame() {
  const g = app.game;
  if (!g) return;
  // Not open yet: the welcome of the (re)opened socket joins.
  app.socket?.send(g.version > 0 ? { type: 'join_game', gameId: g.id, sinceVersion: g.version } : { type: 'join_game', gameId: g.id });
}

function onGameFrame(frame) {
  const g = app.game;
  if (typeof frame.version === 'number' && frame.type !== 'state') {
    if (frame.version <= g.version) return; // already applied
    if (frame.version > g.version + 1) { joinGame(); return; } // a gap: resynchronise
    g.version = frame.version;
  }
  switch (frame.type) {
    case 'state': applyState(frame); break;
    case 'game_started': g.gameType = frame.gameType; $('deposit').hidden = true; break;
    case 'turn_started': g.turn = frame.turn; g.turnDeadline = frame.turnDeadline; g.chosen = null; renderBoard(); break;
    case 'action_accepted': g.chosen = frame.action; renderBoard(); break;
    case 'player_acted': if (frame.seat !== g.seat) { g.opponentChose = frame.turn; renderBoard(); } break;
    case 'turn_result': onTurnResult(frame); break;
    case 'player_disconnected': banner(`Your opponent disconnected; they forfeit unless back within ${frame.graceSeconds} s.`); break;
    case 'player_reconnected': banner(null); break;
    case 'deposit_required': showDeposit(frame); break;
    case 'deposit_credited': onDepositCredited(frame); break;
    case 'game_cancelled': onCancelled(frame); break;
    case 'game_over': showResult(frame); break;
    default: break;
  }
}

function applyState(state) {
  const g = app.game;
  // A snapshot older than an event already applied (an answer overtaken by later events) would rewind the page.
  if (typeof state.version === 'number' && state.version < g.version) return;
  g.state = state;
  g.version = state.version;
  g.seat = state.seat ?? g.seat;
  g.gameType = state.gameType;
  g.turn = state.turn;
  g.turnDeadline = state.turnDeadline;
  g.chosen = state.view?.yourChoice ?? null;
  g.clientSeq = Math.max(g.clientSeq, state.lastClientSeq ?? 0);
  g.opponentChose = state.view?.hasChosen?.[g.seat === 'P1' ? 'p2' : 'p1'] ? state.turn : null;
  saveGame();
  $('game-title').textContent = `${state.gameType === 'DUEL' ? 'Duel' : `Rock, paper, scissors (best of ${state.bestOf})`} #${state.id ?? state.gameId}`;
  const opponent = state.players?.[g.seat === 'P1' ? 'P2' : 'P1'];
  $('game-meta').textContent = `You are ${g.seat}${opponent ? ` against ${short(opponent)}` : ''} · server seed commitment ${state.serverSeedSha256.slice(0, 16)}…`;
  if (state.status === 'AWAITING_DEPOSITS') return; // deposit_required follows
  if (state.status === 'WAITING_FOR_OPPONENT') { $('turn-line').textContent = 'Waiting for the opponent…'; return; }
  if (state.connected && g.seat && !state.connected[g.seat === 'P1' ? 'P2' : 'P1'] && !state.finished) {
    banner('Your opponent is not connected.');
  } else {
    banner(null);
  }
  $('deposit').hidden = true;
  $('board').hidden = false;
  renderBoard();
  if (state.finished && state.gameOver) showResult(state.gameOver);
}

function onTurnResult(frame) {
  const g = app.game;
  const mine = g.seat ?? 'P1';
  const theirs = mine === 'P1' ? 'P2' : 'P1';
  const lines = [`Turn ${frame.turn}: you ${words(frame.moves[mine])}, opponent ${words(frame.moves[theirs])}`];
  for (const e of frame.events) {
    if (e.kind === 'Struck') lines.push(`${e.attacker === mine ? 'You hit' : 'You are hit'} for ${e.damage}${e.blocked ? ' (blocked)' : ''}`);
    if (e.kind === 'Missed') lines.push(`${e.attacker === mine ? 'Your' : 'Their'} heavy attack missed`);
    if (e.kind === 'Healed') lines.push(`${e.seat === mine ? 'You heal' : 'They heal'} ${e.amount}`);
    if (e.kind === 'Countered') lines.push(`${e.blocker === mine ? 'You counter' : 'They counter'} for ${e.damage}`);
    if (e.kind === 'RoundWon') lines.push(`${e.winner === mine ? 'You win' : 'They win'} round ${e.round}`);
    if (e.kind === 'RoundTied') lines.push('A tie: the round is replayed');
  }
  if (frame.timedOut.length) lines.push(`timed out: ${frame.timedOut.join(', ')}`);
  $('last-turn').textContent = lines.join(' · ');
  if (g.state?.view?.board?.fighters) {
    // Hit points move at once from the score; energy and heals come with the fresh state below.
    const fighters = g.state.view.board.fighters;
    fighters.p1.hp = frame.score.P1;
    fighters.p2.hp = frame.score.P2;
  } else if (g.state?.view?.board?.roundsWon) {
    g.state.view.board.roundsWon = { p1: frame.score.P1, p2: frame.score.P2 };
  }
  g.chosen = null;
  g.opponentChose = null;
  if (frame.nextTurn) g.turn = frame.nextTurn;
  renderBoard();
  animate(frame.events, mine);
  if (frame.nextTurn) joinGame(); // the documented resync: a fresh state with the board and the legal actions
}

function animate(events, mine) {
  for (const e of events) {
    const target = e.kind === 'Struck' && e.damage > 0 ? (e.attacker === mine ? 'fighter-them' : 'fighter-you')
      : e.kind === 'Countered' ? (e.blocker === mine ? 'fighter-them' : 'fighter-you')
        : e.kind === 'Healed' ? (e.seat === mine ? 'fighter-you' : 'fighter-them') : null;
    if (!target) continue;
    const element = $(target);
    const name = e.kind === 'Healed' ? 'healed' : 'hit';
    element.classList.remove(name);
    void element.offsetWidth; // restart the CSS animation
    element.classList.add(name);
  }
}

const DUEL_KEYS = { ATTACK: 'A', HEAVY_ATTACK: 'H', BLOCK: 'B', HEAL: 'E' };
const RPS_KEYS = { ROCK: 'R', PAPER: 'P', SCISSORS: 'S' };

function renderBoard() {
  const g = app.game;
  const state = g?.state;
  if (!state || !state.view) return;
  const mine = g.seat === 'P2' ? 'p2' : 'p1';
  const theirs = mine === 'p1' ? 'p2' : 'p1';
  const board = state.view.board;
  const finished = Boolean(g.over) || state.finished;
  $('turn-line').textContent = finished ? 'The game is over.'
    : g.chosen ? `Turn ${g.turn}: you chose ${words(g.chosen)}; ${g.opponentChose === g.turn ? 'your opponent has chosen too' : 'waiting for your opponent'}.`
      : `Turn ${g.turn}: choose your action${g.opponentChose === g.turn ? ' (your opponent has chosen)' : ''}.`;
  if (state.gameType === 'DUEL') {
    $('fighter-you').replaceChildren(...fighterCard('You', board.fighters[mine], board, 'you', g.chosen));
    $('fighter-them').replaceChildren(...fighterCard('Opponent', board.fighters[theirs], board, 'them', g.opponentChose === g.turn ? 'has chosen' : null));
  } else {
    $('fighter-you').replaceChildren(h('h2', {}, 'You'), h('p', { class: 'big', 'aria-label': `You have won ${board.roundsWon[mine]} rounds` }, board.roundsWon[mine]),
      h('p', { class: 'chosen' }, g.chosen ? `chose ${words(g.chosen)}` : ''));
    $('fighter-them').replaceChildren(h('h2', {}, 'Opponent'), h('p', { class: 'big', 'aria-label': `Your opponent has won ${board.roundsWon[theirs]} rounds` }, board.roundsWon[theirs]),
      h('p', { class: 'chosen' }, g.opponentChose === g.turn ? 'has chosen' : ''));
  }
  $('fighter-you').className = 'fighter you';
  $('fighter-them').className = 'fighter them';
  const legal = finished ? [] : (state.view.turn === g.turn ? state.view.legalActions ?? [] : []);
  const all = state.gameType === 'DUEL' ? DUEL_KEYS : RPS_KEYS;
  const existing = $('actions');
  const focused = document.activeElement?.dataset?.action;
  existing.replaceChildren(...Object.entries(all).map(([action, key]) => h('button', {
    type: 'button', 'data-action': action, 'aria-keyshortcuts': key, 'aria-pressed': g.chosen === action ? 'true' : 'false',
    disabled: finished || Boolean(g.chosen) || !legal.includes(action) || !g.turnDeadline && state.status !== 'IN_PROGRESS',
    onclick: () => submitAction(action),
  }, `${words(action)} (${key})`)));
  if (focused) existing.querySelector(`[data-action="${focused}"]`)?.focus();
  $('keys-help').textContent = `Keys: ${Object.entries(all).map(([a, k]) => `${k} ${words(a)}`).join(', ')}.`;
  $('actions').hidden = finished;
}

function fighterCard(title, f, board, who, chosen) {
  const hpLabel = `${title}: ${f.hp} of ${board.maxHp} hit points`;
  return [
    h('h2', {}, title),
    h('meter', { min: 0, max: board.maxHp, low: 30, high: 60, optimum: board.maxHp, value: f.hp, 'aria-label': hpLabel }),
    h('p', { class: 'stat', 'data-stat': 'hp' }, h('span', {}, 'HP'), h('strong', {}, `${f.hp}/${board.maxHp}`)),
    h('p', { class: 'stat', 'data-stat': 'energy' }, h('span', {}, 'Energy'), h('strong', {}, `${'●'.repeat(f.energy)}${'○'.repeat(Math.max(0, board.maxEnergy - f.energy))} ${f.energy}/${board.maxEnergy}`)),
    h('p', { class: 'stat', 'data-stat': 'heals' }, h('span', {}, 'Heals left'), h('strong', {}, `${f.healsLeft}${f.healCooldown ? ' (cooling down)' : ''}`)),
    h('p', { class: 'chosen' }, chosen ? (who === 'you' ? `chose ${words(chosen)}` : chosen) : ''),
  ];
}

function submitAction(action) {
  const g = app.game;
  if (!g || g.chosen || g.over) return;
  g.clientSeq += 1;
  saveGame();
  send({ type: 'submit_action', gameId: g.id, clientSeq: g.clientSeq, turn: g.turn, action });
}

function onKey(event) {
  // Keys belong to a field being typed in, never to the game; a hidden or a toggle control does not count.
  const field = event.target.closest?.('textarea, input, select');
  const typing = field && field.offsetParent !== null && !['radio', 'checkbox', 'range', 'button'].includes(field.type);
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  const g = app.game;
  if (!g?.state || currentView() !== 'game') return;
  const map = g.state.gameType === 'DUEL' ? DUEL_KEYS : RPS_KEYS;
  const action = Object.keys(map).find((a) => map[a] === event.key.toUpperCase());
  const button = action && document.querySelector(`#actions [data-action="${action}"]`);
  if (button && !button.disabled) { event.preventDefault(); submitAction(action); }
}

function tickTimer() {
  tickQueue();
  const g = app.game;
  const bar = $('timer-bar');
  if (!g?.turnDeadline || g.over || !app.socket) {
    bar.style.transform = 'scaleX(0)';
    $('timer-text').textContent = g?.state && !g.over && !g.turnDeadline ? 'The clock starts when both players are here.' : '';
    return;
  }
  const left = Math.max(0, g.turnDeadline - app.socket.serverNow());
  const total = Math.max(left, g.turnTotal ?? 0, 1);
  g.turnTotal = total;
  bar.style.transform = `scaleX(${left / total})`;
  bar.classList.toggle('low', left < 5000);
  $('timer-text').textContent = `${Math.ceil(left / 1000)} s left to choose`;
  const line = $('turn-line');
  line.dataset.secondsLeft = String(Math.ceil(left / 1000));
}

// ---------------------------------------------------------------- deposits

async function showDeposit(frame) {
  const g = app.game;
  g.deposit = frame;
  $('deposit').hidden = false;
  $('board').hidden = true;
  $('deposit-what').textContent = `This game is played for ${sol(frame.lamports)} each. Send your stake to the escrow vault before the deadline; the winner gets the pot minus the house fee.`;
  $('deposit-vault').textContent = frame.vault;
  $('deposit-memo').textContent = frame.memo;
  $('deposit-deadline').textContent = new Date(frame.deadline).toLocaleTimeString();
  $('deposit-opponent').textContent = frame.opponentDeposited ? 'has deposited' : 'not yet deposited';
  $('deposit-send').disabled = frame.deposited;
  if (frame.deposited) step('Your deposit is credited.', 'done');
  if (g.balanceBefore === null && !frame.deposited) {
    g.balanceBefore = await app.rpc.balance(app.walletAddress).catch(() => null);
    g.payoutsBefore = (await app.rpc.signaturesFor(app.walletAddress).catch(() => [])).map((s) => s.signature);
    saveGame();
  }
}

function step(text, state = '') {
  $('deposit-steps').append(h('li', { class: state }, text));
}

async function sendDeposit() {
  const g = app.game;
  const d = g.deposit;
  $('deposit-send').disabled = true;
  $('deposit-steps').replaceChildren();
  try {
    step('Building the transfer with the memo…');
    const blockhash = await app.rpc.latestBlockhash();
    const tx = new DepositTransaction({ from: app.walletAddress, vault: d.vault, lamports: d.lamports, memo: d.memo, blockhash });
    step('Waiting for your wallet to sign…');
    const signature = await signAndSend(app.wallet, app.rpc, tx);
    const sent = h('li', {}, 'Sent: ', explorerLink(signature));
    $('deposit-steps').append(sent);
    if (!(await app.rpc.confirmed(signature))) throw new Error('the transaction failed on-chain');
    step('Confirmed on-chain.', 'done');
    for (let attempt = 0; ; attempt++) {
      try {
        const credited = await api.reportDeposit(g.id, signature);
        step(`Credited by the server (${sol(credited.lamports ?? d.lamports)}).`, 'done');
        break;
      } catch (error) {
        // The server may have found it in the vault first (its poller): credited all the same.
        if (error instanceof ApiError && ['deposit-already-credited', 'deposit-already-made'].includes(error.code)) {
          step('Credited by the server.', 'done');
          break;
        }
        const retry = error instanceof ApiError && (error.code === 'deposit-not-confirmed' || error.status === 503);
        if (attempt >= 10 || !retry) throw error;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    renderWallet();
  } catch (error) {
    step(`Deposit failed: ${error.message}`, 'fail');
    $('deposit-send').disabled = false;
  }
}

function onDepositCredited(frame) {
  const mine = frame.wallet === app.walletAddress;
  if (!mine) $('deposit-opponent').textContent = 'has deposited';
  if (frame.gameStatus === 'IN_PROGRESS') step('Both stakes are in: the game starts.', 'done');
}

function onCancelled(frame) {
  app.game.over = frame;
  $('deposit').hidden = true;
  $('result').hidden = false;
  $('result-title').textContent = 'Game cancelled';
  $('result-detail').textContent = `The deposits were not all in by the deadline (${words(frame.reason)}). ${frame.refunds.length ? 'Credited stakes are refunded from the vault.' : 'Nobody had paid.'}`;
  localStorage.removeItem(GAME_KEY);
}

// ---------------------------------------------------------------- result

function showResult(over) {
  const g = app.game;
  if (g.over?.type === 'game_over') return;
  g.over = over;
  localStorage.removeItem(GAME_KEY);
  renderBoard();
  const won = over.outcome === g.seat;
  const title = over.outcome === 'DRAW' ? 'A draw' : won ? 'You won!' : 'You lost';
  $('result').hidden = false;
  $('result-title').textContent = title;
  $('result').dataset.outcome = over.outcome === 'DRAW' ? 'draw' : won ? 'won' : 'lost';
  const change = over.ratingChanges?.[g.seat];
  $('result-detail').textContent = `${words(over.reason)} · P1 ${over.score.P1} – P2 ${over.score.P2} after ${over.turnsPlayed} turns`
    + (change !== undefined ? ` · rating ${over.ratings[g.seat]} (${change >= 0 ? '+' : ''}${change})` : '')
    + (over.forfeits?.length ? ` · forfeited: ${over.forfeits.map((f) => `${f.seat} (${words(f.cause)})`).join(', ')}` : '');
  $('result-replay').href = `#/replay/${g.id}`;
  $('result-title').focus();
  if (g.balanceBefore !== null || g.deposit) watchPayout(won || over.outcome === 'DRAW');
  else $('result-payout').textContent = 'Free play: nothing to pay out.';
  renderWallet();
}

async function watchPayout(expected) {
  const g = app.game;
  const out = $('result-payout');
  if (!expected) { out.textContent = 'Your stake went to the pot.'; return; }
  out.textContent = 'Waiting for the payout from the vault…';
  for (let i = 0; i < 120 && app.game === g; i++) {
    const entries = await app.rpc.signaturesFor(app.walletAddress).catch(() => []);
    const paid = entries.find((e) => e.memo?.includes('solduel:payout:') && !g.payoutsBefore.includes(e.signature) && !e.err);
    if (paid) {
      const now = await app.rpc.balance(app.walletAddress);
      const before = g.balanceBefore;
      out.replaceChildren('Paid on-chain: ', explorerLink(paid.signature),
        h('span', { id: 'payout-balance', 'data-lamports': now, 'data-before': before ?? '' },
          ` · your balance is ${sol(now)}${before !== null ? ` (${now - before >= 0 ? '+' : ''}${sol(now - before)} since before the deposit)` : ''}`));
      out.dataset.signature = paid.signature;
      renderWallet();
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  out.textContent = 'The payout has not arrived yet; it is retried until it lands.';
}

// ---------------------------------------------------------------- replay and verification

/** The verifier is loaded when first needed: most visits never verify, so the first load stays light. */
const verifier = () => import('./verifier.mjs');

async function showReplay(id) {
  $('replay-title').textContent = `Replay of game #${id}`;
  $('replay-verdict').textContent = '';
  $('replay-verdict').className = 'verdict';
  $('replay-events').replaceChildren();
  const exported = await api.exportOf(id);
  const report = await (await verifier()).verifyExport(exported);
  app.replay = { id, exported, report, at: 0 };
  $('replay-meta').textContent = `${exported.gameType} · ${exported.result.outcome === 'DRAW' ? 'a draw' : `${exported.result.outcome} won`} (${words(exported.result.reason)}) after ${exported.result.turnsPlayed} turns`;
  $('replay-step').max = String(report.turns.length);
  replayTo(0);
}

function replayTo(at) {
  const r = app.replay;
  const max = r.report.turns.length;
  r.at = Math.max(0, Math.min(max, at));
  $('replay-step').value = String(r.at);
  $('replay-step').setAttribute('aria-valuetext', r.at === 0 ? 'the start' : `after turn ${r.at}`);
  $('replay-prev').disabled = r.at === 0;
  $('replay-first').disabled = r.at === 0;
  $('replay-next').disabled = r.at === max;
  $('replay-last').disabled = r.at === max;
  const turn = r.at === 0 ? null : r.report.turns[r.at - 1];
  const state = turn ? turn.state : r.report.initial;
  $('replay-turn').textContent = turn
    ? `Turn ${turn.turn} of ${max}: P1 ${words(turn.moves.P1)}${turn.timedOut.includes('P1') ? ' (timed out)' : ''}, P2 ${words(turn.moves.P2)}${turn.timedOut.includes('P2') ? ' (timed out)' : ''}`
    : `The start (${max} turns)`;
  const cards = ['P1', 'P2'].map((seat) => {
    if (!state) return h('article', { class: 'fighter' }, h('h3', {}, seat));
    if (r.exported.gameType === 'DUEL') {
      const f = state.fighters[seat];
      return h('article', { class: `fighter ${seat === 'P1' ? 'you' : 'them'}`, 'aria-label': seat },
        ...fighterCard(seat, f, { maxHp: 100, maxEnergy: 3 }, 'replay', null).slice(0, 5).map((e, i) => (i === 0 ? h('h3', {}, seat) : e)));
    }
    return h('article', { class: `fighter ${seat === 'P1' ? 'you' : 'them'}` }, h('h3', {}, seat),
      h('p', { class: 'big', 'aria-label': `${seat} has won ${state.roundsWon[seat]} rounds` }, state.roundsWon[seat]));
  });
  $('replay-board').replaceChildren(...cards);
  $('replay-events').replaceChildren(...(turn ? turn.events.map((e) => h('li', {}, describeEvent(e))) : []));
}

function describeEvent(e) {
  switch (e.kind) {
    case 'Struck': return `${e.attacker} ${words(e.action)} hits for ${e.damage}${e.blocked ? ' (blocked)' : ''}`;
    case 'Missed': return `${e.attacker}'s heavy attack misses`;
    case 'Healed': return `${e.seat} heals ${e.amount}`;
    case 'Countered': return `${e.blocker} counters for ${e.damage}`;
    case 'RoundWon': return `${e.winner} wins round ${e.round}`;
    case 'RoundTied': return `round ${e.round} tied (${e.ties} in a row)`;
    default: return e.kind;
  }
}

async function showVerdict(target, input) {
  target.className = 'verdict';
  target.textContent = 'Verifying in this browser…';
  const started = performance.now();
  const report = await (await verifier()).verifyExport(input);
  const ms = Math.round(performance.now() - started);
  target.className = `verdict ${report.fair ? 'fair' : 'unfair'}`;
  target.dataset.fair = String(report.fair);
  if (report.malformed) {
    target.replaceChildren(h('strong', {}, 'Not fair: this is not a readable game export. '), report.malformed);
    return report;
  }
  const claim = report.claimed;
  target.replaceChildren(
    h('strong', {}, report.fair ? `Fair: game ${report.gameId} verified.` : `Not fair: game ${report.gameId} does not verify.`),
    h('p', {}, report.fair
      ? `The revealed server seed matches its commitment, all ${report.turns.length} turns replay with the fair draws to ${claim.winner ? claim.winner + ' wins' : 'a draw'} (${words(claim.reason)}), P1 ${claim.score.P1} – P2 ${claim.score.P2}, and the action log digest matches. (${ms} ms)`
      : `${report.mismatches.length} problem${report.mismatches.length === 1 ? '' : 's'} found:`),
    report.mismatches.length ? h('ul', {}, ...report.mismatches.map((m) => h('li', { 'data-kind': m.kind }, h('code', {}, m.kind), ` ${m.seq ? `(action ${m.seq}) ` : ''}${m.detail}`))) : '',
    report.notes.length ? h('ul', { class: 'small' }, ...report.notes.map((n) => h('li', {}, n))) : '',
  );
  return report;
}

// ---------------------------------------------------------------- leaderboard, profile, history

async function showLeaderboard(type = app.leaderboardType ?? 'DUEL') {
  app.leaderboardType = type;
  for (const tab of document.querySelectorAll('#view-leaderboard .tab')) tab.setAttribute('aria-pressed', String(tab.dataset.type === type));
  const page = await api.leaderboard(type, 50);
  $('leaderboard-caption').textContent = `Top ${page.entries.length} of ${page.total} ${type} players`;
  $('leaderboard-rows').replaceChildren(...(page.entries.length ? page.entries.map((e) => h('tr', { class: e.wallet === app.walletAddress ? 'me' : null },
    h('td', {}, e.rank), h('td', {}, h('a', { href: `#/profile/${e.wallet}` }, e.username ?? short(e.wallet))),
    h('td', {}, e.rating), h('td', {}, `${e.wins}–${e.losses}–${e.draws}`)))
    : [h('tr', {}, h('td', { colspan: 4 }, 'No rated games of this type yet.'))]));
}

async function showProfile(wallet) {
  if (!wallet) { $('profile-facts').replaceChildren(h('dd', {}, 'Connect and sign in to see your profile.')); $('profile-chart').replaceChildren(); return; }
  let p;
  try {
    p = await api.player(wallet);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      $('profile-facts').replaceChildren(h('dt', {}, 'Wallet'), h('dd', { class: 'mono' }, wallet), h('dt', {}, 'Games'), h('dd', {}, 'none yet'));
      $('profile-chart').replaceChildren();
      return;
    }
    throw error;
  }
  $('profile-title').textContent = p.username ? `Profile of ${p.username}` : 'Profile';
  const facts = [['Wallet', h('span', { class: 'mono' }, p.walletAddress)], ['Rating', p.eloRating],
    ['Record (W–L–D)', `${p.wins}–${p.losses}–${p.draws}`], ['Games played', p.gamesPlayed], ['Earnings', sol(p.totalEarnings)]];
  for (const [type, s] of Object.entries(p.ratings ?? {})) facts.push([`${type} rating`, `${s.rating}${s.rank ? ` (rank ${s.rank})` : ''}`]);
  $('profile-facts').replaceChildren(...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  $('profile-chart').replaceChildren(ratingChart(p.ratingHistory ?? {}));
}

/** The rating history as an inline SVG line chart, one line per game type. */
function ratingChart(history) {
  const series = Object.entries(history).filter(([, points]) => points.length);
  if (!series.length) return h('p', {}, 'No rated games yet.');
  const W = 600; const H = 220; const pad = 36;
  const values = series.flatMap(([, pts]) => [pts[0].before, ...pts.map((p) => p.after)]);
  const lo = Math.min(...values) - 10; const hi = Math.max(...values) + 10;
  const longest = Math.max(...series.map(([, pts]) => pts.length));
  const x = (i) => pad + (i * (W - 2 * pad)) / Math.max(1, longest);
  const y = (v) => H - pad - ((v - lo) * (H - 2 * pad)) / Math.max(1, hi - lo);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc' });
  const title = svg('title', { id: 'chart-title' }); title.textContent = 'Rating history';
  const desc = svg('desc', { id: 'chart-desc' });
  desc.textContent = series.map(([type, pts]) => `${type}: from ${pts[0].before} to ${pts[pts.length - 1].after} over ${pts.length} rated games`).join('; ');
  chart.append(title, desc, svg('line', { class: 'axis', x1: pad, y1: H - pad, x2: W - pad, y2: H - pad }),
    svg('line', { class: 'axis', x1: pad, y1: pad, x2: pad, y2: H - pad }));
  for (const v of [lo + 10, hi - 10]) {
    const label = svg('text', { x: 2, y: y(v) + 4 }); label.textContent = String(Math.round(v)); chart.append(label);
  }
  series.forEach(([type, pts], n) => {
    const values2 = [pts[0].before, ...pts.map((p) => p.after)];
    const path = values2.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    // Classes, not style attributes: the page's CSP allows no inline style.
    chart.append(svg('path', { class: n ? 'line alt' : 'line', d: path }));
    values2.forEach((v, i) => chart.append(svg('circle', { class: n ? 'dot alt' : 'dot', cx: x(i), cy: y(v), r: 3 })));
    const legend = svg('text', { x: W - pad - 60, y: pad + 14 * n }); legend.textContent = type; chart.append(legend);
  });
  return chart;
}

async function showHistory() {
  if (!app.walletAddress) { $('history-rows').replaceChildren(h('tr', {}, h('td', { colspan: 5 }, 'Connect and sign in to see your games.'))); return; }
  const page = await api.history(app.walletAddress).catch((e) => (e.status === 404 ? { items: [] } : Promise.reject(e)));
  $('history-rows').replaceChildren(...(page.items.length ? page.items.map((g) => h('tr', {},
    h('td', {}, `#${g.gameId} ${g.gameType}`, h('br'), h('span', { class: 'small' }, g.opponentUsername ?? short(g.opponentWallet))),
    h('td', {}, words(g.result ?? g.status), g.reason ? h('span', { class: 'small' }, ` (${words(g.reason)})`) : ''),
    h('td', {}, g.ratingAfter ?? '–', g.ratingChange ? ` (${g.ratingChange > 0 ? '+' : ''}${g.ratingChange})` : ''),
    h('td', {}, g.wagerLamports ? sol(g.wagerLamports) : 'free'),
    h('td', {}, g.export ? h('a', { href: `#/replay/${g.gameId}` }, 'Replay') : '')))
    : [h('tr', {}, h('td', { colspan: 5 }, 'No games yet.'))]));
}

// ---------------------------------------------------------------- routing

const VIEWS = ['lobby', 'game', 'replay', 'verify', 'leaderboard', 'profile', 'history'];
function currentView() {
  const name = location.hash.replace(/^#\/?/, '').split('/')[0];
  return VIEWS.includes(name) ? name : 'lobby';
}

async function route() {
  const [name, arg] = location.hash.replace(/^#\/?/, '').split('/');
  const view = currentView();
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== view;
  for (const link of document.querySelectorAll('nav a')) {
    const target = link.getAttribute('href').replace(/^#\/?/, '') || 'lobby';
    if (target === view) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  notice('');
  try {
    if (view === 'game' && arg && (!app.game || app.game.id !== Number(arg))) {
      startGame({ id: Number(arg) });
      joinGame();
    }
    if (view === 'replay' && arg) await showReplay(Number(arg));
    if (view === 'leaderboard') await showLeaderboard();
    if (view === 'profile') await showProfile(arg || app.walletAddress);
    if (view === 'history') await showHistory();
  } catch (error) {
    notice(`Could not load this page: ${error.message}`);
  }
  if (name !== undefined && document.activeElement === document.body) $('main').focus({ preventScroll: true });
}

// ---------------------------------------------------------------- start

async function main() {
  app.config = await api.clientConfig();
  app.rpc = new Rpc(app.config.rpcUrl);
  $('cluster').textContent = `Cluster: ${app.config.cluster}${app.config.vault ? ` · escrow vault ${short(app.config.vault)}` : ' · no vault: free play only'}`;
  $('custody').textContent = app.config.vault ? `vault ${app.config.vault}` : 'no vault on this server';
  renderWagers();
  const on = (id, event, handler) => $(id).addEventListener(event, (e) => Promise.resolve(handler(e)).catch((error) => notice(error.message)));
  on('connect', 'click', connectWallet);
  on('signin', 'click', signIn);
  on('signout', 'click', signOut);
  on('airdrop', 'click', airdrop);
  on('queue-form', 'submit', joinQueue);
  on('queue-leave', 'click', () => send({ type: 'queue_leave' }));
  on('deposit-send', 'click', sendDeposit);
  on('replay-first', 'click', () => replayTo(0));
  on('replay-prev', 'click', () => replayTo(app.replay.at - 1));
  on('replay-next', 'click', () => replayTo(app.replay.at + 1));
  on('replay-last', 'click', () => replayTo(Infinity));
  on('replay-step', 'input', (e) => replayTo(Number(e.target.value)));
  on('replay-verify', 'click', () => showVerdict($('replay-verdict'), app.replay.exported));
  on('verify-form', 'submit', (e) => { e.preventDefault(); return showVerdict($('verify-verdict'), $('verify-input').value); });
  document.querySelectorAll('#view-leaderboard .tab').forEach((tab) => tab.addEventListener('click', () => showLeaderboard(tab.dataset.type).catch((e) => notice(e.message))));
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', route);
  setInterval(tickTimer, 250);

  // A reload keeps the session (this tab's sessionStorage) and the game being played (localStorage).
  const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  if (session) {
    const injected = injectedWallet();
    if (!injected && app.config.developmentWallet) {
      await connectWallet();
      if (app.walletAddress === session.wallet) {
        app.token = session.token;
        api.token = session.token;
        const saved = JSON.parse(localStorage.getItem(GAME_KEY) ?? 'null');
        if (saved && saved.wallet === app.walletAddress) {
          startGame({ id: saved.id, seat: saved.seat });
          if (currentView() !== 'game') location.hash = `#/game/${saved.id}`;
        }
        openSocket();
      }
    }
  }
  await renderWallet();
  await route();
  document.documentElement.dataset.ready = 'true';
  performance.mark('solduel-interactive');
}

main().catch((error) => {
  notice(`The client could not start: ${error.message}`);
  document.documentElement.dataset.ready = 'error';
});
