#!/usr/bin/env bash
# The payouts benchmark against the running local stack (scripts/run.sh): books N payouts and
# measures the real payouts job signing, recording, sending and confirming them on the localnet.
# docs/benchmarks.md ("Payouts") records the figures.
#
#   tools/payouts/bench.sh [--payouts=2000] [--lamports=1000000]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
[ -f "$ROOT/.local/server.env" ] || { echo "no .local/server.env: run scripts/setup.sh, then scripts/run.sh" >&2; exit 1; }
DB_PASSWORD="$(grep '^DB_PASSWORD=' "$ROOT/.local/server.env" | cut -d= -f2-)"
export DB_PASSWORD
exec node "$ROOT/tools/payouts/bench.mjs" "$@"
