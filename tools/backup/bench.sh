#!/usr/bin/env bash
# Backup benchmark (docs/benchmarks.md "Backups"): makes a scratch database sol_duel_backup_bench with
# the schema of a migrated SOL Duel database (default sol_duel_test; its schema only, no rows),
# fills it with tools/backup/seed-games.sql (GAMES finished games, default 100,000), then times the
# backup job's steps and the restore check with the jobs' own classes (BackupBench) against a local
# S3 server on port 4570 with its data under .local/s3-bench. Drops the scratch databases afterwards.
#   tools/backup/bench.sh [GAMES] [SCHEMA_SOURCE_DB]
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
GAMES=${1:-100000}
SOURCE=${2:-sol_duel_test}
BENCH=sol_duel_backup_bench
S3_PORT=4570
s3_pid=""
cleanup() {
  [ -n "$s3_pid" ] && kill "$s3_pid" 2>/dev/null || true
  as_postgres dropdb --if-exists --force "$BENCH" || true
  as_postgres dropdb --if-exists --force "${BENCH}_restore" || true
  rm -rf "$LOCAL/s3-bench"
}
trap cleanup EXIT

step "Scratch database $BENCH with the schema of $SOURCE and $GAMES games"
as_postgres dropdb --if-exists --force "$BENCH"
as_postgres createdb -O sol_duel_user "$BENCH"
as_postgres pg_dump --schema-only --no-owner "$SOURCE" | as_postgres psql -q -v ON_ERROR_STOP=1 -d "$BENCH" >/dev/null
as_postgres psql -q -d "$BENCH" -c "GRANT ALL ON ALL TABLES IN SCHEMA public TO sol_duel_user; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO sol_duel_user; ALTER SCHEMA public OWNER TO sol_duel_user" >/dev/null
for t in $(as_postgres psql -At -d "$BENCH" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"); do
  as_postgres psql -q -d "$BENCH" -c "ALTER TABLE public.\"$t\" OWNER TO sol_duel_user" >/dev/null
done
seeded=$(date +%s%N)
as_postgres psql -q -d "$BENCH" -v games="$GAMES" -f "$ROOT/tools/backup/seed-games.sql"
info "seeded in $(( ($(date +%s%N) - seeded) / 1000000 )) ms"

step "Local S3 server on 127.0.0.1:$S3_PORT"
rm -rf "$LOCAL/s3-bench"
s3_pid=$(start_s3_local "$S3_PORT" "$LOCAL/s3-bench" sol-duel-backups)

step "Backup and restore check, timed (BackupBench)"
cd "$ROOT"
mvn -q -o test-compile -pl game-core,ejb-game,batch-jobs >/dev/null
CP="batch-jobs/target/classes:batch-jobs/target/test-classes"
PGPASSWORD=$(secret DB_PASSWORD) PGUSER=sol_duel_user PGHOST=127.0.0.1 \
S3_ACCESS_KEY_ID=$(secret SOLDUEL_BACKUP_S3_ACCESS_KEY_ID) S3_SECRET_ACCESS_KEY=$(secret SOLDUEL_BACKUP_S3_SECRET_ACCESS_KEY) \
  java -cp "$CP" com.solduel.batch.backup.BackupBench "$BENCH" "${BENCH}_restore" "http://127.0.0.1:$S3_PORT" sol-duel-backups
