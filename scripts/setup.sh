#!/usr/bin/env bash
# Prepares this machine for SOL Duel, idempotently: installs and starts PostgreSQL and Redis when
# missing (reusing running ones), generates local secrets under .local/, creates the database role
# and the databases, installs promtool (Debian's prometheus package) and the Solana localnet's npm
# packages, the local S3 server (tools/s3-local), the Kubernetes manifest validator
# (k8s-operator/validate), and Debian's chromium with playwright-core for the browser tests
# (tools/web-e2e).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

REDIS_PORT=${SOLDUEL_REDIS_PORT:-6379}

step "Tools the scripts use"
missing=()
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
command -v ss >/dev/null || missing+=(iproute2)
command -v flock >/dev/null || missing+=(util-linux)
command -v wrk >/dev/null || missing+=(wrk)   # the HTTP load generator of tools/load/leaderboard.mjs
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
info "curl, openssl, ss, flock and wrk are present"

step "PostgreSQL"
if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  apt_install postgresql postgresql-client
fi
PG_VERSION=$(ls /etc/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '$4 == "online"' | grep -q .; then
  info "starting cluster $PG_VERSION/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
fi
wait_for 30 as_postgres psql -qAtc 'SELECT 1' || die "PostgreSQL did not come up: see /var/log/postgresql/"
info "PostgreSQL $PG_VERSION is running"

step "Redis"
if ! command -v redis-server >/dev/null; then
  apt_install redis-server
fi
if ! redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
  info "starting redis-server on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$LOCAL/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$LOCAL/redis" --logfile "$LOCAL/redis/redis.log"
  wait_for 10 redis-cli -p "$REDIS_PORT" ping || die "Redis did not start: see $LOCAL/redis/redis.log"
fi
info "Redis answers on port $REDIS_PORT"

step "promtool (checks and unit-tests the alerting rules in ops/prometheus)"
if ! command -v promtool >/dev/null; then
  apt_install prometheus
  # Only promtool is wanted; a Prometheus server the package may have started is stopped again.
  as_root systemctl disable --now prometheus >/dev/null 2>&1 || true
fi
info "$(promtool --version 2>&1 | head -1)"

step "The servers' JDK"
# The Liberty servers (the local stack's and the tests') run on a JDK 25 when the machine has one
# under /usr/lib/jvm, with compact object headers: measured against the default JDK 17 in
# tools/load/README.md, "The server on JDK 25". SOLDUEL_SERVER_JAVA_HOME picks any other JDK 17 or
# later, e.g. the default one to compare. Maven, the build and the tests' clients run on the default
# java either way.
jdk_feature() {   # the feature release of the JDK in $1 (17, 25, ...), 0 when it is not a JDK
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)
  echo "${v:-0}"
}
SERVER_JDK=${SOLDUEL_SERVER_JAVA_HOME:-}
if [ -z "$SERVER_JDK" ]; then
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "$jdk/bin/java" ] && [ "$(jdk_feature "$jdk")" = 25 ]; then SERVER_JDK=${jdk%/}; break; fi
  done
fi
SERVER_JDK_FEATURE=0
if [ -n "$SERVER_JDK" ]; then
  SERVER_JDK_FEATURE=$(jdk_feature "$SERVER_JDK")
  [ -x "$SERVER_JDK/bin/java" ] && [ "$SERVER_JDK_FEATURE" -ge 17 ] \
    || die "SOLDUEL_SERVER_JAVA_HOME=$SERVER_JDK is not a JDK 17 or later (no bin/java, or its release file says older): point it at one, or unset it"
  info "the servers run on $SERVER_JDK (Java $SERVER_JDK_FEATURE)"
else
  info "the servers run on the default java ($(java -version 2>&1 | head -1)); a JDK 25 under /usr/lib/jvm would be used instead"
fi
# The runtime lines of .local/server.env (Liberty's server script reads them there): glibc's malloc
# limited to two arenas, on any JDK (at 10,000 sockets 54-94 MB less RSS at the same speed:
# tools/load/README.md, "memory at 10,000 connections"), then the JDK chosen above (JAVA_HOME, JVM_ARGS).
server_runtime_settings() {
  echo "MALLOC_ARENA_MAX=2"
  [ -n "$SERVER_JDK" ] || return 0
  echo "JAVA_HOME=$SERVER_JDK"
  if [ "$SERVER_JDK_FEATURE" -ge 25 ]; then echo "JVM_ARGS=-XX:+UseCompactObjectHeaders"; fi
}

step "Secrets ($SECRETS, outside the repository)"
umask 077
if [ ! -f "$SECRETS/secrets.env" ]; then
  rnd() { head -c 24 /dev/urandom | base64 | tr -d '/+=' ; }
  cat > "$SECRETS/secrets.env" <<ENV
DB_PASSWORD=$(rnd)
KEYSTORE_PASSWORD=$(rnd)
ADMIN_CENTER_USER=ops
ADMIN_CENTER_PASSWORD=$(rnd)
ENV
  info "generated $SECRETS/secrets.env"
fi
# The backup store's keys (docs/operations.md), added to an older secrets.env too. tools/s3-local
# accepts exactly this key id; in production they are the S3 bucket's own keys.
if ! grep -q '^SOLDUEL_BACKUP_S3_ACCESS_KEY_ID=' "$SECRETS/secrets.env"; then
  {
    echo "SOLDUEL_BACKUP_S3_ACCESS_KEY_ID=SOLDUEL$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
    echo "SOLDUEL_BACKUP_S3_SECRET_ACCESS_KEY=$(head -c 30 /dev/urandom | base64 | tr -d '/+=')"
  } >> "$SECRETS/secrets.env"
  info "generated the backup store's access key in $SECRETS/secrets.env"
fi
# The players' token key (HS256): 32 random bytes as base64url text (43 characters).
if ! grep -q '^SOLDUEL_JWT_SECRET=' "$SECRETS/secrets.env"; then
  echo "SOLDUEL_JWT_SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')" >> "$SECRETS/secrets.env"
  info "generated the players' token key in $SECRETS/secrets.env"
fi
# The escrow vault's keypair (docs/money.md) and the payouts' fee payer (docs/payouts.md), in the
# Solana CLI format: a JSON array of the 32-byte Ed25519 seed then the 32-byte public key. Made with
# openssl; never printed, never in the repository.
solana_keypair() {
  local file=$1 what=$2 pem
  [ -f "$file" ] && return 0
  pem=$(mktemp)
  openssl genpkey -algorithm ED25519 -out "$pem" 2>/dev/null
  { openssl pkey -in "$pem" -outform DER | tail -c 32
    openssl pkey -in "$pem" -pubout -outform DER | tail -c 32; } \
    | od -An -v -tu1 | tr -s ' \n' ' ' | sed 's/^ //; s/ $//; s/ /,/g; s/^/[/; s/$/]/' > "$file"
  rm -f "$pem"
  [ "$(tr ',' '\n' < "$file" | grep -c .)" = 64 ] || die "generating the $what keypair failed"
  info "generated the $what keypair $file"
}
mkdir -p "$SECRETS/vault"
solana_keypair "$SECRETS/vault/keypair.json" "escrow vault"
solana_keypair "$SECRETS/vault/fee-payer.json" "payouts' fee payer"
# .local/server.env (the Liberty servers' environment) = the secrets + where the keys are + the JDK and malloc,
# rewritten each time so it always matches them.
{
  cat "$SECRETS/secrets.env"
  echo "SOLDUEL_VAULT_KEYPAIR_LOCATION=$SECRETS/vault/keypair.json"
  echo "SOLDUEL_PAYOUTS_FEE_PAYER_KEYPAIR_LOCATION=$SECRETS/vault/fee-payer.json"
  server_runtime_settings
} > "$LOCAL/server.env"
umask 022
# A Liberty keystore made with an older password would no longer open (and with it SSL and JWT).
for keystore in "$ROOT"/ear/target/liberty/wlp/usr/servers/*/resources/security/key.p12; do
  if [ -f "$keystore" ] && [ "$SECRETS/secrets.env" -nt "$keystore" ]; then rm -f "$keystore"; fi
done
info "server.env ready (passwords, token key, vault and fee payer keypairs)"

step "Solana localnet (npm ci in tools/solana-localnet)"
command -v node >/dev/null || die "Node.js 20 is required for the Solana localnet: install nodejs (>= 20) and retry"
LOCALNET="$ROOT/tools/solana-localnet"
if [ ! -d "$LOCALNET/node_modules" ] || [ "$LOCALNET/package-lock.json" -nt "$LOCALNET/node_modules/.package-lock.json" ]; then
  (cd "$LOCALNET" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $LOCALNET"
fi
info "localnet dependencies installed"

step "Local S3-compatible server for backups (npm ci in tools/s3-local)"
S3LOCAL="$ROOT/tools/s3-local"
if [ ! -d "$S3LOCAL/node_modules" ] || [ "$S3LOCAL/package-lock.json" -nt "$S3LOCAL/node_modules/.package-lock.json" ]; then
  (cd "$S3LOCAL" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $S3LOCAL"
fi
info "s3rver installed"

step "Offline Kubernetes manifest validation (npm ci in k8s-operator/validate)"
K8SVALIDATE="$ROOT/k8s-operator/validate"
if [ ! -d "$K8SVALIDATE/node_modules" ] || [ "$K8SVALIDATE/package-lock.json" -nt "$K8SVALIDATE/node_modules/.package-lock.json" ]; then
  (cd "$K8SVALIDATE" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $K8SVALIDATE"
fi
info "kubernetes-models and ajv installed"

step "Headless Chromium for the browser tests (Debian's chromium; npm ci in tools/web-e2e for playwright-core)"
if ! command -v chromium >/dev/null; then
  apt_install chromium
fi
info "$(chromium --version 2>/dev/null | head -1)"
WEBE2E="$ROOT/tools/web-e2e"
if [ ! -d "$WEBE2E/node_modules" ] || [ "$WEBE2E/package-lock.json" -nt "$WEBE2E/node_modules/.package-lock.json" ]; then
  (cd "$WEBE2E" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $WEBE2E"
fi
info "playwright-core installed (it drives the Debian chromium; it downloads no browser)"

step "Database role and databases"
DB_PASSWORD=$(secret DB_PASSWORD)
as_postgres psql -v ON_ERROR_STOP=1 -q <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sol_duel_user') THEN
    CREATE ROLE sol_duel_user LOGIN;
  END IF;
END
\$\$;
-- CREATEDB: restore-verify restores the newest backup into a scratch database it creates and drops.
ALTER ROLE sol_duel_user WITH LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
SQL
for db in sol_duel sol_duel_test; do
  if ! as_postgres psql -qAtc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    as_postgres createdb -O sol_duel_user "$db"
    info "created database $db"
  fi
done
PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -U sol_duel_user -d sol_duel -qAtc 'SELECT 1' >/dev/null \
  || die "sol_duel_user cannot log in over TCP; check pg_hba.conf allows password (scram-sha-256) on 127.0.0.1"
info "role sol_duel_user can log in to sol_duel and sol_duel_test"

step "Done"
