#!/usr/bin/env bash
# Builds SOL Duel and starts the whole local stack in the background: PostgreSQL and Redis
# (installed and started when missing), then Open Liberty with the application and demo
# players. Prints where to open it. scripts/stop.sh stops what this started.
#   --nodes=2   also a second node, server 'solduel-b' on port 9081, sharing the database and Redis
set -euo pipefail
source "$(dirname "$0")/lib.sh"

HTTP_PORT=9080
NODES=1
# Node B's server name, ports and node id are the `local` profile's solduel.server.b /
# solduel.node.b.* properties in ear/pom.xml; these must match them.
NODE_B_SERVER=solduel-b
NODE_B_HTTP_PORT=9081
NODE_B_HTTPS_PORT=9444

for arg in "$@"; do
  case "$arg" in
    --nodes=1 | --nodes=2) NODES=${arg#--nodes=} ;;
    *) die "unknown argument '$arg' (usage: scripts/run.sh [--nodes=2])" ;;
  esac
done

"$ROOT/scripts/setup.sh"

step "Building (mvn install, tests skipped: scripts/test.sh runs them)"
cd "$ROOT"
mvn -B -ntp -q install -DskipTests

step "Starting the Solana localnet on ports 8899,8901,8902 (one chain, three RPC ports)"
pid=$(start_localnet 8899,8901,8902 "$LOCAL/localnet.log")
[ -n "$pid" ] && echo "$pid" > "$LOCAL/localnet.pid"
info "escrow vault $(fund_vault 8899) and the payouts' fee payer funded with 10 SOL each"

step "Starting the local S3 server for backups on 127.0.0.1:4568 (data in .local/s3)"
pid=$(start_s3_local 4568 "$LOCAL/s3" sol-duel-backups)
[ -n "$pid" ] && echo "$pid" > "$LOCAL/s3.pid"

step "Starting Open Liberty (server 'solduel', port $HTTP_PORT)"
mvn -B -ntp -q -pl ear -Plocal liberty:create liberty:deploy liberty:start

step "Waiting for the application to be ready"
if ! wait_for 180 curl -fsS "http://localhost:$HTTP_PORT/health/ready"; then
  curl -sS "http://localhost:$HTTP_PORT/health/ready" || true
  die "the application did not become ready; see ear/target/liberty/wlp/usr/servers/solduel/logs/messages.log"
fi

if [ "$NODES" = 2 ]; then
  step "Starting the second node (server '$NODE_B_SERVER', port $NODE_B_HTTP_PORT, same database and Redis)"
  mvn -B -ntp -q -pl ear -Plocal liberty:create@node-b liberty:deploy@node-b antrun:run@node-b-config liberty:start@node-b
  if ! wait_for 180 curl -fsS "http://localhost:$NODE_B_HTTP_PORT/health/ready"; then
    curl -sS "http://localhost:$NODE_B_HTTP_PORT/health/ready" || true
    die "the second node did not become ready; see ear/target/liberty/wlp/usr/servers/$NODE_B_SERVER/logs/messages.log"
  fi
fi

cat <<MSG

SOL Duel is running.
  Web client     http://localhost:$HTTP_PORT/  (Connect wallet uses the built-in development wallet; Airdrop funds it)
  API            http://localhost:$HTTP_PORT/api/players
  OpenAPI UI     http://localhost:$HTTP_PORT/openapi/ui/
  Health         http://localhost:$HTTP_PORT/health/ready
  Metrics        http://localhost:$HTTP_PORT/metrics
  Solana RPC     http://127.0.0.1:8899 (localnet; also 8901, 8902)
  Backups        s3://sol-duel-backups at http://127.0.0.1:4568 (tools/s3-local, data in .local/s3); docs/operations.md
  Admin center   https://127.0.0.1:9446/adminCenter/  (ops listener, loopback only; user $(secret ADMIN_CENTER_USER), password ADMIN_CENTER_PASSWORD in .local/server.env)
  Logs           ear/target/liberty/wlp/usr/servers/solduel/logs/messages.log
MSG
if [ "$NODES" = 2 ]; then
  cat <<MSG
  Node A         server solduel, solduel.node.id=local-a: the addresses above
  Node B         server $NODE_B_SERVER, solduel.node.id=local-b, same database sol_duel and Redis 6379:
                   API http://localhost:$NODE_B_HTTP_PORT/api/players, health http://localhost:$NODE_B_HTTP_PORT/health/ready,
                   admin center https://127.0.0.1:9447/adminCenter/ (ops listener, loopback only)
                   logs ear/target/liberty/wlp/usr/servers/$NODE_B_SERVER/logs/messages.log
MSG
fi
echo "Stop it with scripts/stop.sh"
