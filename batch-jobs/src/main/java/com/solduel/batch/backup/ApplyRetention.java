package com.solduel.batch.backup;

import com.solduel.batch.backup.BackupRecords.Backup;
import com.solduel.batch.backup.s3.S3Store;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Step {@code retention} of the backup job: keeps the {@code solduel.backup.retention} newest OK
 * backups and deletes every other backup's object from the store (older OK ones, and FAILED ones,
 * whose bytes are not to be trusted); their rows stay, marked DELETED, as history.
 */
@Named("applyRetention")
@Dependent
public class ApplyRetention extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ApplyRetention.class.getName());

    @Inject
    BackupSettings settings;

    @EJB
    BackupRecords records;

    @Override
    public String process() throws Exception {
        int keep = Math.max(1, settings.retention());
        S3Store store = settings.store();
        int kept = 0;
        List<Long> deleted = new ArrayList<>();
        for (Backup backup : records.withObjects()) {
            if ("RUNNING".equals(backup.status())) {
                continue;
            }
            if ("OK".equals(backup.status()) && kept < keep) {
                kept++;
                continue;
            }
            store.delete(backup.objectKey());
            records.deleted(backup.id());
            deleted.add(backup.id());
            LOG.info("retention: deleted backup " + backup.id() + " (" + backup.status() + ", " + backup.objectKey() + ")");
        }
        return "KEPT " + kept + " of at most " + keep + ", DELETED " + deleted;
    }
}
