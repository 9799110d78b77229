#!/usr/bin/env node
// The player web client end to end, in Debian's headless Chromium against a running SOL Duel (the
// integration-test server by default): two players in two browser profiles connect development
// wallets, take an airdrop, sign in, queue for a wagered DUEL, deposit real lamports on the localnet,
// play to the end (one by keyboard, one by clicks; one reloads the page mid-game and resumes), see
// the result and the payout, replay and verify the game (fair), verify a tampered export (not fair),
// and open the leaderboard, profile and history. Also measures page weight and time to interactive
// and runs accessibility checks. Screenshots go to $SOLDUEL_E2E_OUT; the result is printed as one
// JSON line (and written to $SOLDUEL_E2E_OUT/result.json). WebClientIT runs it and asserts on it.
//
//   SOLDUEL_URL=http://localhost:9180 SOLDUEL_E2E_OUT=target/web-e2e node tools/web-e2e/player-e2e.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { auditAccessibility } from './lib/a11y.mjs';
import { launch } from './lib/browser.mjs';
import { measureLoad } from './lib/perf.mjs';

const BASE = process.env.SOLDUEL_URL ?? 'http://localhost:9180';
const OUT = path.resolve(process.env.SOLDUEL_E2E_OUT ?? 'target/web-e2e');
const WAGER = Number(process.env.SOLDUEL_E2E_WAGER ?? 10_000_000);
mkdirSync(OUT, { recursive: true });

const result = { ok: false, base: BASE, screenshots: [], consoleErrors: [], steps: [] };
const log = (message) => { result.steps.push(message); process.stderr.write(`[web-e2e] ${message}\n`); };
const browsers = [];
const players = [];

async function player(name) {
  const browser = await launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  browsers.push(browser);
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(`${name}: ${m.text()}`); });
  page.on('pageerror', (e) => result.consoleErrors.push(`${name}: ${e.message}`));
  page.setDefaultTimeout(30_000);
  const p = { name, page };
  players.push(p);
  return p;
}

async function shot(p, name) {
  const file = path.join(OUT, `${name}.png`);
  await p.page.screenshot({ path: file, fullPage: true });
  result.screenshots.push(file);
}

async function open(p) {
  await p.page.goto(`${BASE}/`);
  await p.page.waitForSelector('html[data-ready="true"]');
}

async function rpc(method, params) {
  const config = result.config;
  const response = await fetch(config.rpcUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}
const balance = async (address) => (await rpc('getBalance', [address, { commitment: 'confirmed' }])).value;

async function signIn(p) {
  await p.page.getByRole('button', { name: 'Connect wallet' }).click();
  await p.page.getByRole('button', { name: 'Airdrop 2 SOL' }).click();
  await p.page.waitForFunction(() => Number(document.getElementById('wallet-balance')?.dataset.lamports) >= 2e9);
  await p.page.getByRole('button', { name: 'Sign in' }).click();
  await p.page.waitForFunction(() => document.getElementById('wallet-status').textContent.startsWith('Signed in'));
  p.wallet = await p.page.locator('#wallet-address').textContent();
  log(`${p.name} signed in as ${p.wallet}`);
}

/** Plays until the result shows: by keyboard (the key of the action) or by clicking its button. */
async function play(p, { keyboard, choose, reloadAfterTurn = null, dropAfterTurn = null }) {
  let reloaded = false;
  let dropped = false;
  let turnsPlayed = 0;
  for (;;) {
    if (await p.page.locator('#result').isVisible()) return { turnsPlayed, reloaded };
    const enabled = await p.page.locator('#actions button:not([disabled])').evaluateAll((buttons) => buttons.map((b) => b.dataset.action));
    if (!enabled.length) { await p.page.waitForTimeout(50); continue; }
    const turn = await p.page.evaluate(() => globalThis.solduel.game.turn);
    if (reloadAfterTurn !== null && !reloaded && turn > reloadAfterTurn) {
      reloaded = true;
      const version = await p.page.evaluate(() => globalThis.solduel.game.version);
      log(`${p.name} reloads the page in turn ${turn} (version ${version})`);
      await p.page.reload();
      await p.page.waitForSelector('html[data-ready="true"]');
      await p.page.waitForSelector('#board:not([hidden]), #result:not([hidden])');
      result.resume = { turnBefore: turn, versionBefore: version,
        turnAfter: await p.page.evaluate(() => globalThis.solduel.game?.turn ?? null),
        gameAfter: await p.page.evaluate(() => globalThis.solduel.game?.id ?? null) };
      log(`${p.name} resumed game ${result.resume.gameAfter} in turn ${result.resume.turnAfter}`);
      await shot(p, '05-resumed-after-reload');
      continue;
    }
    if (dropAfterTurn !== null && !dropped && turn > dropAfterTurn) {
      // The connection drops (closed under the page): the banner shows, the client reconnects and resumes.
      dropped = true;
      await p.page.evaluate(() => globalThis.solduel.socket.socket.close(4000, 'test: connection lost'));
      await p.page.waitForSelector('#banner:not([hidden])', { timeout: 5000 });
      const banner = await p.page.locator('#banner').textContent();
      await shot(p, '04b-reconnecting');
      await p.page.locator('#banner').waitFor({ state: 'hidden', timeout: 10_000 });
      // The banner hides when the socket is open again; the game's state frame may still be on its way.
      await p.page.waitForFunction((t) => (globalThis.solduel.game?.turn ?? 0) >= t, turn, { timeout: 10_000 });
      result.reconnect = { banner, turn, resumedTurn: await p.page.evaluate(() => globalThis.solduel.game.turn) };
      log(`${p.name} lost the connection in turn ${turn}: "${banner}"; back in turn ${result.reconnect.resumedTurn}`);
      continue;
    }
    const action = choose(enabled);
    if (keyboard) {
      const key = await p.page.locator(`#actions [data-action="${action}"]`).getAttribute('aria-keyshortcuts');
      await p.page.keyboard.press(key.toLowerCase());
    } else {
      await p.page.locator(`#actions [data-action="${action}"]`).click({ timeout: 2000 }).catch(() => {});
    }
    await p.page.waitForFunction((t) => {
      const g = globalThis.solduel.game;
      return !g || g.over || g.chosen || g.turn !== t;
    }, turn, { timeout: 5000 }).catch(() => {});
    if (turnsPlayed === 1 && p.name === 'alice') await shot(p, '04-duel-in-play');
    turnsPlayed++;
  }
}

try {
  const alice = await player('alice');
  const bob = await player('bob');

  // First load of a fresh profile: weight and time to interactive from the performance API.
  await open(alice);
  result.performance = await measureLoad(alice.page);
  log(`page weight ${result.performance.transferKiB} KiB over ${result.performance.requests} requests; interactive in ${result.performance.interactiveMs} ms`);
  result.config = await alice.page.evaluate(() => globalThis.solduel.config);
  await open(bob); // a fresh profile again, on a server that has served the page once
  result.performanceWarmServer = await measureLoad(bob.page);
  log(`second fresh profile: ${result.performanceWarmServer.transferKiB} KiB; interactive in ${result.performanceWarmServer.interactiveMs} ms`);
  await shot(alice, '01-welcome');

  await signIn(alice);
  await signIn(bob);
  result.accessibility = await auditAccessibility(alice.page);
  log(`accessibility: ${JSON.stringify(result.accessibility.summary)}`);

  // Queue both for a wagered DUEL.
  for (const p of [alice, bob]) {
    await p.page.getByLabel('Duel').check();
    await p.page.getByLabel('Wager').selectOption(String(WAGER));
  }
  await alice.page.getByRole('button', { name: 'Find an opponent' }).click();
  await alice.page.waitForSelector('#queue:not([hidden])');
  await alice.page.waitForFunction(() => document.getElementById('queue-bucket').textContent.length > 0);
  result.queue = { bucket: await alice.page.locator('#queue-bucket').textContent(), range: await alice.page.locator('#queue-range').textContent() };
  await shot(alice, '02-queue');
  // Cancel works (queue_leave), then she queues again and bob joins the same bucket.
  await alice.page.getByRole('button', { name: 'Cancel' }).click();
  await alice.page.waitForSelector('#queue', { state: 'hidden' });
  result.queue.cancelled = true;
  await alice.page.getByRole('button', { name: 'Find an opponent' }).click();
  await alice.page.waitForSelector('#queue:not([hidden])');
  await bob.page.getByRole('button', { name: 'Find an opponent' }).click();

  // Matched: each deposits from the browser wallet.
  for (const p of [alice, bob]) await p.page.waitForSelector('#deposit:not([hidden])');
  result.gameId = await alice.page.evaluate(() => globalThis.solduel.game.id);
  log(`matched into game ${result.gameId}`);
  const before = { alice: await balance(alice.wallet), bob: await balance(bob.wallet) };
  await shot(alice, '03-deposit');
  await Promise.all([alice, bob].map((p) => p.page.getByRole('button', { name: 'Deposit with wallet' }).click()));
  for (const p of [alice, bob]) {
    await p.page.waitForFunction(() => /Credited by the server/.test(document.getElementById('deposit-steps').textContent), null, { timeout: 60_000 });
  }
  const depositSignatures = {};
  for (const p of [alice, bob]) {
    depositSignatures[p.name] = await p.page.locator('#deposit-steps a').first().getAttribute('href');
  }
  log('both deposits credited');

  // Play: alice by keyboard, always attacking hard when she can; bob by clicks, at random, and he reloads mid-game.
  for (const p of [alice, bob]) await p.page.waitForSelector('#board:not([hidden])', { timeout: 30_000 });
  const random = (list) => list[Math.floor(Math.random() * list.length)];
  const [aliceTurns, bobTurns] = await Promise.all([
    play(alice, { keyboard: true, choose: (enabled) => (enabled.includes('HEAVY_ATTACK') ? 'HEAVY_ATTACK' : 'ATTACK'), dropAfterTurn: 1 }),
    play(bob, { keyboard: false, choose: random, reloadAfterTurn: 2 }),
  ]);
  result.turns = { alice: aliceTurns, bob: bobTurns };

  // The result on both screens, the payout on-chain.
  const outcome = {};
  for (const p of [alice, bob]) outcome[p.name] = await p.page.locator('#result').getAttribute('data-outcome');
  result.outcome = outcome;
  result.resultText = await alice.page.locator('#result-detail').textContent();
  log(`result: alice ${outcome.alice}, bob ${outcome.bob} (${result.resultText})`);
  const winner = outcome.alice === 'won' ? alice : outcome.bob === 'won' ? bob : null;
  const shown = winner ?? alice;
  await shown.page.waitForSelector('#payout-balance', { timeout: 90_000 });
  result.payoutSignature = await shown.page.locator('#result-payout').getAttribute('data-signature');
  result.explorerLink = await shown.page.locator('#result-payout a').getAttribute('href');
  await shot(shown, '06-result');
  if (!winner) await bob.page.waitForSelector('#payout-balance', { timeout: 90_000 }); // a draw refunds both
  const after = { alice: await balance(alice.wallet), bob: await balance(bob.wallet) };
  result.balances = { wager: WAGER, before, after, wallets: { alice: alice.wallet, bob: bob.wallet }, winner: winner?.name ?? null,
    shownOnPage: Number(await shown.page.locator('#payout-balance').getAttribute('data-lamports')) };
  result.depositLinks = depositSignatures;

  // Replay step by step, then verify in the browser.
  await alice.page.getByRole('link', { name: 'Replay and verify' }).click();
  await alice.page.waitForFunction(() => document.getElementById('replay-turn').textContent.startsWith('The start'));
  const steps = Number(await alice.page.locator('#replay-step').getAttribute('max'));
  for (let i = 0; i < Math.min(3, steps); i++) await alice.page.getByRole('button', { name: 'Next' }).click();
  result.replay = { steps, shown: await alice.page.locator('#replay-turn').textContent() };
  await alice.page.getByRole('button', { name: 'Verify fairness' }).click();
  await alice.page.waitForSelector('#replay-verdict[data-fair]');
  result.replay.fair = (await alice.page.locator('#replay-verdict').getAttribute('data-fair')) === 'true';
  result.replay.verdict = await alice.page.locator('#replay-verdict').textContent();
  await shot(alice, '07-replay-verified');
  result.accessibilityReplay = await auditAccessibility(alice.page);

  // A tampered export: one move changed.
  const exported = await (await fetch(`${BASE}/api/games/${result.gameId}/export`)).json();
  const tampered = structuredClone(exported);
  const first = tampered.actions[0];
  first.action = first.action === 'ATTACK' ? 'BLOCK' : 'ATTACK';
  writeFileSync(path.join(OUT, 'export.json'), JSON.stringify(exported, null, 2));
  writeFileSync(path.join(OUT, 'export-tampered.json'), JSON.stringify(tampered, null, 2));
  await alice.page.getByRole('link', { name: 'Verify', exact: true }).click();
  await alice.page.getByLabel('Game export (JSON)').fill(JSON.stringify(tampered));
  await alice.page.locator('#verify-form button[type="submit"]').click();
  await alice.page.waitForSelector('#verify-verdict[data-fair]');
  result.tampered = { fair: (await alice.page.locator('#verify-verdict').getAttribute('data-fair')) === 'true',
    kinds: await alice.page.locator('#verify-verdict li[data-kind]').evaluateAll((items) => items.map((i) => i.dataset.kind)) };
  await shot(alice, '08-tampered-not-fair');

  // Leaderboard, profile with its chart, history.
  await alice.page.getByRole('link', { name: 'Leaderboard', exact: true }).click();
  // The leaderboard is served from Redis and may trail the result by a moment: ask again until both are on it.
  for (let i = 0; i < 20 && await alice.page.locator('#leaderboard-rows a').count() < 2; i++) {
    await alice.page.waitForTimeout(500);
    await alice.page.getByRole('button', { name: 'Duel' }).click();
  }
  result.leaderboardRows = await alice.page.locator('#leaderboard-rows a').count();
  await shot(alice, '09-leaderboard');
  await alice.page.getByRole('link', { name: 'Profile', exact: true }).click();
  await alice.page.waitForSelector('#profile-facts dt');
  result.profileChart = await alice.page.locator('#profile-chart svg path.line').count();
  await shot(alice, '10-profile');
  await alice.page.getByRole('link', { name: 'History', exact: true }).click();
  await alice.page.waitForFunction((id) => document.getElementById('history-rows').textContent.includes(`#${id}`), result.gameId);
  result.historyRows = await alice.page.locator('#history-rows tr').count();
  await shot(alice, '11-history');

  // A free rock-paper-scissors game from the same lobby, both by clicks.
  for (const p of [alice, bob]) {
    await p.page.getByRole('link', { name: 'Play', exact: true }).click();
    await p.page.getByLabel('Rock, paper, scissors').check();
    await p.page.getByLabel('Wager').selectOption('0');
  }
  await alice.page.getByRole('button', { name: 'Find an opponent' }).click();
  await bob.page.getByRole('button', { name: 'Find an opponent' }).click();
  for (const p of [alice, bob]) await p.page.waitForSelector('#board:not([hidden])', { timeout: 30_000 });
  const rpsGame = await alice.page.evaluate(() => globalThis.solduel.game.id);
  await Promise.all([alice, bob].map((p) => play(p, { keyboard: false, choose: random })));
  result.rps = { gameId: rpsGame, alice: await alice.page.locator('#result').getAttribute('data-outcome'),
    bob: await bob.page.locator('#result').getAttribute('data-outcome'), payout: await alice.page.locator('#result-payout').textContent() };
  log(`rps game ${rpsGame}: alice ${result.rps.alice}, bob ${result.rps.bob}`);
  await shot(alice, '12-rps-result');

  result.ok = true;
} catch (error) {
  result.error = String(error.stack ?? error);
  process.stderr.write(`[web-e2e] FAILED: ${result.error}\n`);
  for (const p of players) await shot(p, `failed-${p.name}`).catch(() => {});
} finally {
  for (const b of browsers) await b.close();
  writeFileSync(path.join(OUT, 'result.json'), JSON.stringify(result, null, 2));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(result.ok ? 0 : 1);
}
