#!/usr/bin/env node
// The admin portal end to end, in Debian's headless Chromium against a running SOL Duel: an admin
// signs in to /admin/ with an admin token, bans a player (reason dialog), opens a game awaiting
// deposits and aborts it with a refund, and finds both actions in the audit log. AdminPortalIT sets
// the scene (a player with an open socket in a queue; a wagered game with one deposit), runs this
// script, and checks what a user would notice outside the browser: the socket closed, the queue
// join refused, the refund on-chain. Screenshots go to $SOLDUEL_E2E_OUT; the result is written to
// $SOLDUEL_E2E_OUT/admin-result.json.
//
//   SOLDUEL_URL=http://localhost:9180 SOLDUEL_ADMIN_TOKEN=... SOLDUEL_BAN_WALLET=... SOLDUEL_ABORT_GAME=42 \
//     SOLDUEL_E2E_OUT=target/web-e2e node tools/web-e2e/admin-e2e.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch } from './lib/browser.mjs';

const BASE = process.env.SOLDUEL_URL ?? 'http://localhost:9180';
const OUT = path.resolve(process.env.SOLDUEL_E2E_OUT ?? 'target/web-e2e');
const TOKEN = process.env.SOLDUEL_ADMIN_TOKEN;
const BAN = process.env.SOLDUEL_BAN_WALLET;
const GAME = process.env.SOLDUEL_ABORT_GAME;
mkdirSync(OUT, { recursive: true });

const result = { ok: false, screenshots: [], consoleErrors: [], steps: [] };
const log = (message) => { result.steps.push(message); process.stderr.write(`[admin-e2e] ${message}\n`); };
let browser;

async function shot(page, name) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  result.screenshots.push(file);
}

async function giveReason(page, reason) {
  await page.getByTestId('reason-dialog').waitFor({ state: 'visible' });
  await page.getByTestId('reason-input').fill(reason);
  await page.getByTestId('reason-ok').click();
}

try {
  if (!TOKEN || !BAN || !GAME) throw new Error('set SOLDUEL_ADMIN_TOKEN, SOLDUEL_BAN_WALLET and SOLDUEL_ABORT_GAME');
  browser = await launch({ viewport: { width: 1280, height: 900 } });
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.consoleErrors.push(e.message));
  page.setDefaultTimeout(30_000);

  await page.goto(`${BASE}/admin/`);
  await page.getByLabel(/paste an admin token/).fill(TOKEN);
  await page.getByTestId('token-sign-in').click();
  await page.getByTestId('signed-in-as').waitFor({ state: 'visible' });
  await page.getByTestId('dash-games').waitFor();
  result.signedInAs = await page.getByTestId('signed-in-as').textContent();
  log(`signed in: ${result.signedInAs}`);
  await shot(page, 'admin-dashboard');

  // Ban: search the player, Ban, give the reason; the row then offers Unban.
  await page.getByTestId('nav-players').click();
  await page.getByTestId('player-query').fill(BAN);
  await page.getByTestId('player-search-submit').click();
  await page.getByTestId(`ban-${BAN}`).click();
  await giveReason(page, 'cheating reported by two opponents (e2e)');
  await page.getByTestId(`unban-${BAN}`).waitFor();
  result.banRow = await page.getByTestId(`player-${BAN}`).textContent();
  log(`banned ${BAN}`);
  await shot(page, 'admin-player-banned');

  // Abort: the game awaiting deposits, opened from the games list, aborted with a reason.
  await page.getByTestId('nav-games').click();
  await page.getByTestId('game-status').selectOption('AWAITING_DEPOSITS');
  await page.getByTestId('game-filter-submit').click();
  await page.getByTestId(`open-game-${GAME}`).click();
  await page.getByTestId(`abort-${GAME}`).click();
  await giveReason(page, 'opponent banned before depositing (e2e)');
  await page.locator('#game-detail-title', { hasText: 'ABORTED' }).waitFor();
  result.gameTitle = await page.locator('#game-detail-title').textContent();
  log(`aborted game ${GAME}: ${result.gameTitle}`);
  await shot(page, 'admin-game-aborted');

  // The audit log shows both, newest first.
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-filter-submit').click();
  await page.getByTestId('audit').locator('tr', { hasText: 'GAME_ABORT' }).first().waitFor();
  result.audit = await page.getByTestId('audit').locator('tbody tr').allTextContents();
  log(`audit log: ${result.audit.length} rows`);
  await shot(page, 'admin-audit-log');
  result.ok = true;
} catch (e) {
  result.error = String(e.stack ?? e);
  log(`FAILED: ${e.message}`);
} finally {
  await browser?.close();
  writeFileSync(path.join(OUT, 'admin-result.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify({ ok: result.ok, steps: result.steps.length }));
}
