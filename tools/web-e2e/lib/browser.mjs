// The one way SOL Duel's browser tests start a browser: Debian's chromium (`command -v chromium`,
// installed by scripts/setup.sh) driven by playwright-core, which never downloads a browser of its
// own. Each launch gets a fresh, empty profile directory that is removed when the browser closes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The flags every test browser runs with: headless, no sandbox (root in CI), nothing phoning home. */
export const CHROMIUM_FLAGS = Object.freeze([
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
]);

/** The Debian chromium binary, or an error that says how to install it. */
export function chromiumPath() {
  if (process.env.SOLDUEL_CHROMIUM) return process.env.SOLDUEL_CHROMIUM;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('no chromium on PATH: run scripts/setup.sh (it installs Debian\'s chromium package)');
  }
}

/**
 * Starts Chromium with a fresh user-data-dir and returns {context, close}: a persistent context is
 * the only way playwright-core takes a user-data-dir. More contexts: call launch again (each is its
 * own browser profile, so two players never share localStorage).
 */
export async function launch({ viewport = { width: 390, height: 844 }, ...options } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'solduel-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS.filter((flag) => flag !== '--headless'),
    viewport,
    ...options,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
