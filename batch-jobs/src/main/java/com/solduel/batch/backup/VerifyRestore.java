package com.solduel.batch.backup;

import com.solduel.batch.backup.BackupRecords.Backup;
import com.solduel.batch.backup.s3.S3Store.ObjectDigest;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * The restore-verify job's one step: downloads the newest OK backup, checks its SHA-256 against the
 * one recorded when it was taken (a mismatch marks the backup FAILED: it is corrupted in the store),
 * restores it with pg_restore into a scratch database it creates, and compares the restored row
 * counts, ledger sum and ledger balances with the census taken inside the dump's snapshot. The
 * scratch database is dropped again whatever happens.
 */
@Named("verifyRestore")
@Dependent
public class VerifyRestore extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(VerifyRestore.class.getName());

    @Inject
    JobContext job;

    @Inject
    BackupSettings settings;

    @EJB
    BackupRecords records;

    @Override
    public String process() throws Exception {
        long id = records.beginVerification(job.getExecutionId());
        Long backupId = null;
        Long restoreMillis = null;
        Path file = null;
        try {
            Backup backup = records.latestOk().orElseThrow(() -> new BackupFailedException("NO_BACKUP: no OK backup to verify"));
            backupId = backup.id();
            PostgresTools postgres = settings.postgres();
            file = Files.createTempFile(settings.workDir(), "sol-duel-restore-" + backup.id() + "-", ".dump");
            ObjectDigest got = settings.store().download(backup.objectKey(), file);
            if (!got.sha256().equals(backup.sha256()) || got.size() != backup.sizeBytes()) {
                String detail = "CHECKSUM_MISMATCH backup " + backup.id() + " (" + backup.objectKey() + "): recorded " + backup.sizeBytes()
                        + " bytes sha256 " + backup.sha256() + ", the store gives " + got.size() + " bytes sha256 " + got.sha256();
                records.failed(backup.id(), null, "corrupted in the store, found by restore-verify execution " + job.getExecutionId()
                        + ": " + detail);
                throw new BackupFailedException(detail);
            }
            String scratch = settings.scratchDatabase();
            List<String> differences;
            long started = System.nanoTime();
            records.recreateDatabase(scratch);
            try {
                postgres.restore(scratch, file);
                restoreMillis = (System.nanoTime() - started) / 1_000_000;
                Census restored = Census.parse(postgres.query(scratch, Census.ROWS_SQL), postgres.query(scratch, Census.LEDGER_SQL).get(0));
                differences = Census.fromJson(backup.census()).differences(restored);
            } finally {
                records.dropDatabase(scratch);
            }
            if (!differences.isEmpty()) {
                throw new BackupFailedException("RESTORE_DIFFERS backup " + backup.id() + ": " + String.join("; ", differences));
            }
            Census census = Census.fromJson(backup.census());
            String exit = "VERIFIED backup " + backup.id() + ": restored into " + scratch + " in " + restoreMillis + " ms, "
                    + census.totalRows() + " rows in " + census.rows().size() + " tables and the ledger (sum " + census.ledgerSum() + ", "
                    + census.ledgerAccounts() + " accounts) as at the backup";
            records.verificationEnded(id, backupId, true, restoreMillis, exit);
            LOG.info(exit);
            job.setExitStatus(exit);
            return exit;
        } catch (Exception e) {
            String exit = e instanceof BackupFailedException ? e.getMessage() : "FAILED restore-verify of backup " + backupId + ": " + e.getMessage();
            records.verificationEnded(id, backupId, false, restoreMillis, exit);
            job.setExitStatus(exit.length() > 500 ? exit.substring(0, 500) : exit);
            LOG.warning(exit);
            throw e instanceof BackupFailedException ? e : new BackupFailedException(exit, e);
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
