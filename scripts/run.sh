#!/usr/bin/env bash
# Builds SOL Duel and starts the whole local stack in the background: PostgreSQL and Redis
# (installed and started when missing), then Open Liberty with the application and demo
# players. Prints where to open it. scripts/stop.sh stops what this started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

HTTP_PORT=9080

"$ROOT/scripts/setup.sh"

step "Building (mvn install, tests skipped: scripts/test.sh runs them)"
cd "$ROOT"
mvn -B -ntp -q install -DskipTests

step "Starting the Solana localnet on ports 8899,8901,8902 (one chain, three RPC ports)"
pid=$(start_localnet 8899,8901,8902 "$LOCAL/localnet.log")
[ -n "$pid" ] && echo "$pid" > "$LOCAL/localnet.pid"

step "Starting Open Liberty (server 'solduel', port $HTTP_PORT)"
mvn -B -ntp -q -pl ear -Plocal liberty:create liberty:deploy liberty:start

step "Waiting for the application to be ready"
if ! wait_for 180 curl -fsS "http://localhost:$HTTP_PORT/health/ready"; then
  curl -sS "http://localhost:$HTTP_PORT/health/ready" || true
  die "the application did not become ready; see ear/target/liberty/wlp/usr/servers/solduel/logs/messages.log"
fi

cat <<MSG

SOL Duel is running.
  API            http://localhost:$HTTP_PORT/api/players
  OpenAPI UI     http://localhost:$HTTP_PORT/openapi/ui/
  Health         http://localhost:$HTTP_PORT/health/ready
  Metrics        http://localhost:$HTTP_PORT/metrics
  Solana RPC     http://127.0.0.1:8899 (localnet; also 8901, 8902)
  Admin center   https://localhost:9443/adminCenter/  (user $(secret ADMIN_CENTER_USER), password ADMIN_CENTER_PASSWORD in .local/server.env)
  Logs           ear/target/liberty/wlp/usr/servers/solduel/logs/messages.log
Stop it with scripts/stop.sh
MSG
