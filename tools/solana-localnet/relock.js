#!/usr/bin/env node
'use strict';
// Run after `npm install` changes package-lock.json (`npm install && node relock.js`).
// This workplace's registry holds only litesvm's linux-x64-gnu binary for 1.5.x, so npm writes
// a lockfile without the other platform packages, and `npm ci` then refuses it ("Missing:
// litesvm-darwin-arm64@ from lock file"). This adds them back as optional, platform-gated
// entries; npm skips them on linux-x64 and never fetches them.
const fs = require('node:fs');
const file = require('node:path').join(__dirname, 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const litesvm = lock.packages['node_modules/litesvm'];
const platforms = { 'darwin-arm64': ['darwin', 'arm64'], 'darwin-x64': ['darwin', 'x64'], 'linux-arm64-gnu': ['linux', 'arm64', 'glibc'],
  'linux-arm64-musl': ['linux', 'arm64', 'musl'], 'linux-x64-gnu': ['linux', 'x64', 'glibc'], 'linux-x64-musl': ['linux', 'x64', 'musl'] };
let added = 0;
for (const [name, version] of Object.entries(litesvm.optionalDependencies || {})) {
  const key = `node_modules/${name}`, plat = platforms[name.replace(/^litesvm-/, '')];
  if (lock.packages[key] || !plat) continue;
  const [os, cpu, libc] = plat;
  lock.packages[key] = { version, cpu: [cpu], ...(libc ? { libc: [libc] } : {}), license: 'MIT', optional: true, os: [os], engines: { node: '>= 20' } };
  added++;
}
// Keep npm's alphabetical order so diffs stay small.
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`relock: added ${added} platform entries`);
