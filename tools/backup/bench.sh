#!/usr/bin/env bash
# Backup benchmark (docs/benchmarks.md "Backups"): makes a scratch database sol_duel_backup_bench with
# the schema of a migrated SOL Duel database (default sol_duel_test; its schema only, no rows),
# (or of a schema-only SQL file), fills it with tools/backup/seed-games.sql (GAMES finished games, default 100,000), then times the
# backup job's steps and the restore check with the jobs' own classes (BackupBench) against a local
# S3 server on port 4570 with its data under .local/s3-bench. Drops the scratch databases afterwards.
#   tools/backup/bench.sh [GAMES] [SCHEMA_SOURCE_DB | schema.sql]
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
bench_psql() { PGPASSWORD=$(secret DB_PASSWORD) psql -q -h 127.0.0.1 -U sol_duel_user -v ON_ERROR_STOP=1 -d "$BENCH" "$@" >/dev/null; }
# The schema made by the application's own role, as Liquibase makes it (the rows are then written as postgres).
if [ -f "$SOURCE" ]; then
  bench_psql -f "$SOURCE"
else
  [ "$(as_postgres psql -At -d "$SOURCE" -c "SELECT count(*) FROM information_schema.tables WHERE table_name = 'games'" 2>/dev/null)" = 1 ] \
    || die "$SOURCE has no SOL Duel schema: run the application (or scripts/test.sh) against it once, or name a schema file"
  as_postgres pg_dump --schema-only --no-owner --no-privileges "$SOURCE" | bench_psql
fi
# A schema from before the backups changeset gets it.
if [ "$(as_postgres psql -At -d "$BENCH" -c "SELECT count(*) FROM information_schema.tables WHERE table_name = 'backups'")" = 0 ]; then
  bench_psql -f "$ROOT/ejb-game/src/main/resources/db/changelog/008-backups.sql"
fi
seeded=$(date +%s%N)
as_postgres psql -q -d "$BENCH" -v games="$GAMES" -f "$ROOT/tools/backup/seed-games.sql"
info "seeded in $(( ($(date +%s%N) - seeded) / 1000000 )) ms"

step "Local S3 server on 127.0.0.1:$S3_PORT"
rm -rf "$LOCAL/s3-bench"
s3_pid=$(start_s3_local "$S3_PORT" "$LOCAL/s3-bench" sol-duel-backups)

step "Backup and restore check, timed (BackupBench)"
cd "$ROOT"
mvn -q -o test-compile -pl game-core,ejb-game,batch-jobs >/dev/null
EE_API=$(ls "$HOME"/.m2/repository/jakarta/platform/jakarta.jakartaee-api/10.*/jakarta.jakartaee-api-10.*.jar | head -1)
CP="batch-jobs/target/classes:batch-jobs/target/test-classes:$EE_API"
PGPASSWORD=$(secret DB_PASSWORD) PGUSER=sol_duel_user PGHOST=127.0.0.1 \
S3_ACCESS_KEY_ID=$(secret SOLDUEL_BACKUP_S3_ACCESS_KEY_ID) S3_SECRET_ACCESS_KEY=$(secret SOLDUEL_BACKUP_S3_SECRET_ACCESS_KEY) \
  java -cp "$CP" com.solduel.batch.backup.BackupBench "$BENCH" "${BENCH}_restore" "http://127.0.0.1:$S3_PORT" sol-duel-backups
