#!/usr/bin/env bash
# Runs the whole SOL Duel test suite: unit tests, then the integration tests against a real Open
# Liberty with the real EAR, a fresh PostgreSQL database and a Redis of its own. Stops what it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

IT_REDIS_PORT=6390
IT_LOCALNET_PORTS=18899,18901,18902
IT_S3_PORT=4569
started_redis=""
localnet_pid=""
s3_pid=""

cleanup() {
  if [ -n "$started_redis" ]; then
    redis-cli -p "$IT_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  fi
  if [ -n "$localnet_pid" ]; then
    kill "$localnet_pid" 2>/dev/null || true
  fi
  if [ -n "$s3_pid" ]; then
    kill "$s3_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# One test run at a time on this machine (CI's fresh clones included): the runs share the test
# ports, the test database and the test Redis, and a second run would pull them from under the first.
exec 8>"$SECRETS/test-run.lock"
if ! flock -n 8; then
  info "another SOL Duel test run holds $SECRETS/test-run.lock; waiting for it to end"
  flock 8
fi

# Every process that may outlive this script is started with descriptor 8 closed, so only this
# script holds the lock: a server left behind by a killed run never keeps the next one waiting.
"$ROOT/scripts/setup.sh" 8>&-

step "Alerting rules: promtool check and unit tests; the PrometheusRule generated from them is current"
promtool check rules "$ROOT/ops/prometheus/sol-duel.rules.yml"
promtool check config "$ROOT/ops/prometheus/prometheus.yml" >/dev/null
(cd "$ROOT/ops/prometheus" && promtool test rules sol-duel.rules.test.yml sol-duel.rules.daily.test.yml) || die "an alert does not fire as its test expects: see above"
node "$ROOT/ops/render-prometheus-rule.mjs" --check

step "The container image's Containerfile follows the image rules (no container engine here)"
node "$ROOT/ops/container/check-containerfile.mjs"

step "The Kubernetes operator's CRD, sample SolDuel and manifests validate against their schemas (no cluster here)"
node "$ROOT/k8s-operator/validate/validate.mjs"

step "A Redis for the integration tests on 127.0.0.1:$IT_REDIS_PORT (the tests stop and restart it)"
if ! redis-cli -p "$IT_REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
  mkdir -p "$LOCAL/redis-it"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$IT_REDIS_PORT" --save "" --appendonly no \
    --dir "$LOCAL/redis-it" --logfile "$LOCAL/redis-it/redis.log" 8>&-
  wait_for 10 redis-cli -p "$IT_REDIS_PORT" ping || die "test Redis did not start: see $LOCAL/redis-it/redis.log"
  started_redis=yes
fi
redis-cli -p "$IT_REDIS_PORT" flushall >/dev/null

step "The Solana localnet for the tests on ports $IT_LOCALNET_PORTS (one chain, three RPC ports)"
# Holding the lock, a localnet already on these ports is a killed run's leftover, with an old chain
# and maybe other settings: a fresh one is started in its place.
stop_listeners "$IT_LOCALNET_PORTS" "a leftover test localnet"
localnet_pid=$(start_localnet "$IT_LOCALNET_PORTS" "$LOCAL/localnet-it.log" --instant-finality 8>&-)
(cd "$ROOT/tools/solana-localnet" && npm test --silent) || die "the localnet's own tests failed"
info "escrow vault $(fund_vault "${IT_LOCALNET_PORTS%%,*}") and the payouts' fee payer funded with 10 SOL each"

step "The web client's verifier against the documented test vectors (tools/web-e2e, node --test)"
(cd "$ROOT/tools/web-e2e" && npm test --silent) || die "the browser verifier disagrees with docs/games.md: see above"

step "A local S3 server for the backup tests on 127.0.0.1:$IT_S3_PORT (empty bucket sol-duel-backups)"
stop_listeners "$IT_S3_PORT" "a leftover test S3 server"
rm -rf "$LOCAL/s3-it"
s3_pid=$(start_s3_local "$IT_S3_PORT" "$LOCAL/s3-it" sol-duel-backups 8>&-)

step "A fresh test database sol_duel_test"
as_postgres dropdb --if-exists --force sol_duel_test
as_postgres dropdb --if-exists --force sol_duel_test_restore_check
as_postgres createdb -O sol_duel_user sol_duel_test

step "mvn verify (unit tests, then Liberty started once for all integration tests)"
cd "$ROOT"
mvn -B -ntp verify "$@" 8>&-
