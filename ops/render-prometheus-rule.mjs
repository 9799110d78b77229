#!/usr/bin/env node
// Writes ops/kubernetes/prometheus-rule.yaml (a PrometheusRule for the Prometheus Operator) from
// ops/prometheus/sol-duel.rules.yml, the one source of SOL Duel's alerting rules: the rules
// file's `groups:` block becomes the resource's `spec`, unchanged but for its indentation.
//   node ops/render-prometheus-rule.mjs           write the resource
//   node ops/render-prometheus-rule.mjs --check   exit 1 when the resource is not what the rules give
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ops = dirname(fileURLToPath(import.meta.url));
const source = join(ops, 'prometheus', 'sol-duel.rules.yml');
const target = join(ops, 'kubernetes', 'prometheus-rule.yaml');

const lines = readFileSync(source, 'utf8').split('\n');
const start = lines.findIndex((line) => line === 'groups:');
if (start < 0) {
  console.error(`${source} has no top-level "groups:" line; fix the rules file`);
  process.exit(2);
}
const spec = lines.slice(start).map((line) => (line === '' ? '' : `  ${line}`)).join('\n');
const rendered = `# GENERATED from ops/prometheus/sol-duel.rules.yml by ops/render-prometheus-rule.mjs: edit the rules
# file and run the script, never this file.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: sol-duel-alerts
  namespace: sol-duel
  labels:
    app: sol-duel
spec:
${spec}`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a missing file is out of date too
  }
  if (current !== rendered) {
    console.error(`${target} is out of date: run node ops/render-prometheus-rule.mjs and commit it`);
    process.exit(1);
  }
  console.log(`${target} matches ${source}`);
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
