# Shared by the SOL Duel scripts: paths, logging, and running things as root or postgres.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
# Machine-wide secrets (the database role is machine-wide too): every checkout on this machine,
# CI's fresh clones included, shares them instead of rotating the role's password.
SECRETS="${SOLDUEL_SECRETS_DIR:-$HOME/.solduel}"
mkdir -p "$LOCAL" "$SECRETS"
chmod 700 "$SECRETS"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die()  { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "'$*' needs root: run as root or install sudo"; fi
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

apt_install() {
  step "Installing $* from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q || die "apt-get update failed: check the network to the Debian mirror"
  as_root apt-get install -y -q --no-install-recommends "$@" || die "apt-get install $* failed"
}

# Waits until a command succeeds, up to $1 seconds.
wait_for() {
  local seconds=$1; shift
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  return 1
}

# KEY=VALUE from .local/server.env
secret() { grep -E "^$1=" "$LOCAL/server.env" | head -1 | cut -d= -f2-; }

# Stops the processes of this user listening on the given comma-separated loopback ports ($2 names them).
stop_listeners() {
  local ports=$1 what=$2 port pids
  for port in ${ports//,/ }; do
    pids=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o "pid=[0-9]*" | cut -d= -f2 | sort -u || true)
    for pid in $pids; do
      info "stopping $what (pid $pid, port $port)"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    done
  done
}

# Starts the Solana localnet on the given comma-separated ports unless it already answers there;
# echoes the pid when this call started it.
start_localnet() {
  local ports=$1 log=$2; shift 2
  local first=${ports%%,*}
  if curl -fsS -m 2 -H 'Content-Type: application/json' \
       -d '{"jsonrpc":"2.0","id":1,"method":"getHealth"}' "http://127.0.0.1:$first" >/dev/null 2>&1; then
    info "a localnet already answers on port $first; reusing it" >&2
    return 0
  fi
  node "$ROOT/tools/solana-localnet/server.js" --ports "$ports" "$@" > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do
    if grep -q "solana-localnet ready" "$log" 2>/dev/null; then echo "$pid"; return 0; fi
    kill -0 "$pid" 2>/dev/null || die "the Solana localnet exited; see $log"
    sleep 0.25
  done
  die "the Solana localnet did not become ready in 30 s; see $log"
}

# The address (base58) of the Solana CLI keypair file named by the secret $1 in .local/server.env.
keypair_address() {
  local keypair
  keypair=$(secret "$1")
  [ -f "$keypair" ] || die "no keypair at '$keypair' ($1): run scripts/setup.sh"
  node -e '
    const key = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).slice(32);
    const A = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let n = BigInt("0x" + Buffer.from(key).toString("hex")), s = "";
    while (n > 0n) { s = A[Number(n % 58n)] + s; n /= 58n; }
    for (const b of key) { if (b !== 0) break; s = "1" + s; }
    require("fs").writeSync(1, s);' "$keypair" || die "cannot read the keypair $keypair ($1)"
}

# Funds the escrow vault (SOLDUEL_VAULT_KEYPAIR_LOCATION) and the payouts' fee payer
# (SOLDUEL_PAYOUTS_FEE_PAYER_KEYPAIR_LOCATION) from the localnet faucet on the given RPC port, so
# the vault can receive deposits of any size and the fee payer can pay the payouts' network fees
# (docs/money.md, docs/payouts.md). Prints the vault's address.
fund_vault() {
  local port=$1 lamports=${2:-10000000000}
  local address payer
  address=$(keypair_address SOLDUEL_VAULT_KEYPAIR_LOCATION)
  payer=$(keypair_address SOLDUEL_PAYOUTS_FEE_PAYER_KEYPAIR_LOCATION)
  for account in "$address" "$payer"; do
    curl -fsS -m 5 -H 'Content-Type: application/json' \
      -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"requestAirdrop\",\"params\":[\"$account\",$lamports]}" \
      "http://127.0.0.1:$port" | grep -q '"result"' || die "funding $account on port $port failed"
  done
  echo "$address"
}

# Starts the local S3-compatible server (tools/s3-local, s3rver) on 127.0.0.1:$1 with its data in $2
# and one bucket $3, with the backup store's keys from .local/server.env, unless one already answers
# there; echoes the pid when this call started it.
start_s3_local() {
  local port=$1 dir=$2 bucket=$3 log=$2.log
  if curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$port/$bucket?list-type=2" 2>/dev/null; then
    info "an S3 server already answers on port $port; reusing it" >&2
    return 0
  fi
  mkdir -p "$dir"
  S3_ACCESS_KEY_ID=$(secret SOLDUEL_BACKUP_S3_ACCESS_KEY_ID) S3_SECRET_ACCESS_KEY=$(secret SOLDUEL_BACKUP_S3_SECRET_ACCESS_KEY) \
    node "$ROOT/tools/s3-local/server.js" --port "$port" --dir "$dir" --bucket "$bucket" > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 80); do
    if grep -q "s3-local ready" "$log" 2>/dev/null; then echo "$pid"; return 0; fi
    kill -0 "$pid" 2>/dev/null || die "the local S3 server exited; see $log"
    sleep 0.25
  done
  die "the local S3 server did not become ready in 20 s; see $log"
}
