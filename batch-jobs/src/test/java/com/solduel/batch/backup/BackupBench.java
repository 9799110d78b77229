package com.solduel.batch.backup;

import com.solduel.batch.backup.s3.S3Store;
import com.solduel.batch.backup.s3.S3Store.ObjectDigest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The backup and restore-verify jobs' steps, timed, with the jobs' own classes (PostgresTools,
 * S3Store, Census) against a benchmark database and the local S3 server; run by
 * tools/backup/bench.sh, figures in docs/benchmarks.md ("Backups"). Not a test.
 *   args: database scratchDatabase s3Endpoint bucket; env PGHOST PGPORT PGUSER PGPASSWORD S3_ACCESS_KEY_ID S3_SECRET_ACCESS_KEY
 */
public final class BackupBench {

    public static void main(String[] args) throws Exception {
        String database = args[0];
        String scratch = args[1];
        Path work = Files.createTempDirectory("backup-bench-");
        PostgresTools postgres = new PostgresTools(null, env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "sol_duel_user"), System.getenv("PGPASSWORD"), Duration.ofMinutes(30), work);
        S3Store store = new S3Store(URI.create(args[2]), args[3], "us-east-1", System.getenv("S3_ACCESS_KEY_ID"),
                System.getenv("S3_SECRET_ACCESS_KEY"), Duration.ofMinutes(30), Clock.systemUTC());
        Path dump = work.resolve("bench.dump");
        Path back = work.resolve("restore.dump");
        String key = "bench/" + database + "-" + System.currentTimeMillis() + ".dump";

        long t = System.nanoTime();
        Census source = census(postgres, database);
        long censusMs = ms(t);
        t = System.nanoTime();
        postgres.dump(database, null, dump);
        long dumpMs = ms(t);
        long size = Files.size(dump);
        t = System.nanoTime();
        String sha256 = TakeBackup.sha256(dump);
        long hashMs = ms(t);
        t = System.nanoTime();
        store.put(key, dump, sha256);
        long putMs = ms(t);
        t = System.nanoTime();
        ObjectDigest readBack = store.digest(key);
        long readBackMs = ms(t);
        if (!readBack.sha256().equals(sha256)) {
            throw new IllegalStateException("read-back mismatch");
        }

        t = System.nanoTime();
        ObjectDigest downloaded = store.download(key, back);
        long downloadMs = ms(t);
        t = System.nanoTime();
        postgres.query("postgres", "DROP DATABASE IF EXISTS " + BackupRecords.quoteIdentifier(scratch) + " WITH (FORCE)");
        postgres.query("postgres", "CREATE DATABASE " + BackupRecords.quoteIdentifier(scratch));
        postgres.restore(scratch, back);
        long restoreMs = ms(t);
        t = System.nanoTime();
        List<String> differences = source.differences(census(postgres, scratch));
        long compareMs = ms(t);
        postgres.query("postgres", "DROP DATABASE IF EXISTS " + BackupRecords.quoteIdentifier(scratch) + " WITH (FORCE)");
        store.delete(key);
        Files.deleteIfExists(dump);
        Files.deleteIfExists(back);
        Files.deleteIfExists(work);

        System.out.printf("database %s: %,d rows in %d tables (games %,d, game_actions %,d, ledger_postings %,d), ledger sum %d%n",
                database, source.totalRows(), source.rows().size(), source.rows().getOrDefault("games", 0L),
                source.rows().getOrDefault("game_actions", 0L), source.rows().getOrDefault("ledger_postings", 0L), source.ledgerSum());
        System.out.printf("census (row counts, ledger)   %,8d ms%n", censusMs);
        System.out.printf("pg_dump -Fc                   %,8d ms  %,d bytes (%.1f MiB)%n", dumpMs, size, size / 1048576.0);
        System.out.printf("SHA-256 of the dump           %,8d ms%n", hashMs);
        System.out.printf("PUT to the store              %,8d ms%n", putMs);
        System.out.printf("read back + SHA-256           %,8d ms%n", readBackMs);
        System.out.printf("backup total                  %,8d ms%n", censusMs + dumpMs + hashMs + putMs + readBackMs);
        System.out.printf("download (restore-verify)     %,8d ms  %,d bytes%n", downloadMs, downloaded.size());
        System.out.printf("create db + pg_restore        %,8d ms%n", restoreMs);
        System.out.printf("census of the copy + compare  %,8d ms  %s%n", compareMs, differences.isEmpty() ? "equal" : differences);
        System.out.printf("restore-verify total          %,8d ms%n", downloadMs + restoreMs + compareMs);
    }

    private static Census census(PostgresTools postgres, String database) throws Exception {
        return Census.parse(postgres.query(database, Census.ROWS_SQL), postgres.query(database, Census.LEDGER_SQL).get(0));
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
