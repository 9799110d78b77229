package com.solduel.batch.backup;

import com.solduel.batch.backup.s3.S3Store;
import com.solduel.batch.backup.s3.S3Store.ObjectDigest;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Step {@code take} of the backup job: pg_dump (custom format) of the application's database inside
 * an exported snapshot whose row counts and ledger sum are recorded with it, SHA-256 of the file,
 * one PUT to the S3-compatible store, then the object read back and hashed again: a backup is OK
 * only when the store gives back exactly the bytes that were dumped.
 */
@Named("takeBackup")
@Dependent
public class TakeBackup extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(TakeBackup.class.getName());
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd/'%s'-yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Inject
    JobContext job;

    @Inject
    BackupSettings settings;

    @EJB
    BackupRecords records;

    @Override
    public String process() throws Exception {
        long id = records.begin(job.getExecutionId());
        String key = null;
        Path file = null;
        try {
            S3Store store = settings.store();
            PostgresTools postgres = settings.postgres();
            Path dump = Files.createTempFile(settings.workDir(), "sol-duel-backup-" + id + "-", ".dump");
            file = dump;
            key = settings.prefix() + String.format(KEY_TIME.format(Instant.now()), settings.database()) + "-" + id + ".dump";

            long started = System.nanoTime();
            Census census = records.inSnapshot((snapshot, seen) -> {
                postgres.dump(settings.database(), snapshot, dump);
                return seen;
            });
            long dumpMillis = (System.nanoTime() - started) / 1_000_000;
            long size = Files.size(dump);
            String sha256 = sha256(dump);

            started = System.nanoTime();
            store.put(key, dump, sha256);
            ObjectDigest readBack = store.digest(key);
            long uploadMillis = (System.nanoTime() - started) / 1_000_000;
            if (readBack.size() != size || !readBack.sha256().equals(sha256)) {
                throw new BackupFailedException("READ_BACK_MISMATCH backup " + id + ": uploaded " + size + " bytes sha256 " + sha256
                        + ", the store gives back " + readBack.size() + " bytes sha256 " + readBack.sha256());
            }
            records.succeeded(id, key, size, sha256, census, dumpMillis, uploadMillis);
            String exit = "BACKED_UP backup " + id + ": " + key + ", " + size + " bytes, sha256 " + sha256 + ", " + census.totalRows()
                    + " rows in " + census.rows().size() + " tables, dump " + dumpMillis + " ms, upload and read-back " + uploadMillis + " ms";
            LOG.info(exit);
            job.setExitStatus(exit);
            return exit;
        } catch (Exception e) {
            String exit = e instanceof BackupFailedException ? e.getMessage() : "FAILED backup " + id + ": " + e.getMessage();
            records.failed(id, key, exit);
            job.setExitStatus(exit.length() > 500 ? exit.substring(0, 500) : exit);
            LOG.warning(exit);
            throw e instanceof BackupFailedException ? e : new BackupFailedException(exit, e);
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
