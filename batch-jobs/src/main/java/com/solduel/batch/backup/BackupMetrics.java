package com.solduel.batch.backup;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Backups on /metrics, registered at start (BackupSchedule) and read from PostgreSQL, so every node
 * shows the cluster's figures and they survive restarts (0 until the first success):
 * {@code sol_duel_backup_last_success_timestamp_seconds}, {@code sol_duel_backup_last_size_bytes},
 * {@code sol_duel_restore_verify_last_success_timestamp_seconds}.
 */
@ApplicationScoped
public class BackupMetrics {

    private static final Logger LOG = Logger.getLogger(BackupMetrics.class.getName());
    private static final long CACHE_NANOS = Duration.ofSeconds(2).toNanos();

    @Inject
    MetricRegistry registry;

    @EJB
    BackupRecords records;

    private volatile double lastBackup;
    private volatile double lastSize;
    private volatile double lastVerified;
    private volatile long readAt;

    void register() {
        registry.gauge(Metadata.builder().withName("sol_duel_backup_last_success_timestamp").withUnit(MetricUnits.SECONDS)
                .withDescription("When the newest backup that was uploaded and read back intact finished (Unix time; 0: none yet)").build(),
                this, m -> m.read().lastBackup);
        registry.gauge(Metadata.builder().withName("sol_duel_backup_last_size").withUnit(MetricUnits.BYTES)
                .withDescription("Size of the newest successful backup (pg_dump custom format)").build(),
                this, m -> m.read().lastSize);
        registry.gauge(Metadata.builder().withName("sol_duel_restore_verify_last_success_timestamp").withUnit(MetricUnits.SECONDS)
                .withDescription("When restore-verify last restored the newest backup and found it equal to the source (Unix time; 0: never)")
                .build(), this, m -> m.read().lastVerified);
    }

    private BackupMetrics read() {
        long now = System.nanoTime();
        if (now - readAt > CACHE_NANOS) {
            try {
                Optional<BackupRecords.Backup> backup = records.lastSuccess();
                lastBackup = backup.map(b -> seconds(b.finishedAt())).orElse(0.0);
                lastSize = backup.map(b -> (double) b.sizeBytes()).orElse(0.0);
                lastVerified = records.lastVerified().map(BackupMetrics::seconds).orElse(0.0);
                readAt = now;
            } catch (RuntimeException e) {
                LOG.fine(() -> "backup gauges: cannot read the backups now (" + e.getMessage() + ")");
            }
        }
        return this;
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }
}
