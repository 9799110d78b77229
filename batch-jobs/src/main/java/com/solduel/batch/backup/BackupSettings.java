package com.solduel.batch.backup;

import com.solduel.batch.backup.s3.S3Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The backup and restore-verify jobs' configuration (docs/operations.md, defaults also in ejb-game's
 * microprofile-config.properties). The database is the server's own (DB_HOST, DB_PORT, DB_NAME,
 * DB_USER and the DB_PASSWORD secret); the store's keys are secrets, from the environment only.
 */
@ApplicationScoped
public class BackupSettings {

    /** A schedule value that turns a scheduled job off. */
    public static final String OFF = "off";

    @Inject
    @ConfigProperty(name = "solduel.backup.s3.endpoint", defaultValue = "http://127.0.0.1:4568")
    String endpoint;

    @Inject
    @ConfigProperty(name = "solduel.backup.s3.bucket", defaultValue = "sol-duel-backups")
    String bucket;

    @Inject
    @ConfigProperty(name = "solduel.backup.s3.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "solduel.backup.s3.access-key-id")
    Optional<String> accessKeyId;

    @Inject
    @ConfigProperty(name = "solduel.backup.s3.secret-access-key")
    Optional<String> secretAccessKey;

    @Inject
    @ConfigProperty(name = "solduel.backup.s3.prefix", defaultValue = "sol-duel/")
    String prefix;

    @Inject
    @ConfigProperty(name = "solduel.backup.retention", defaultValue = "7")
    int retention;

    @Inject
    @ConfigProperty(name = "solduel.backup.schedule", defaultValue = "02:00")
    String backupSchedule;

    @Inject
    @ConfigProperty(name = "solduel.restore-verify.schedule", defaultValue = "03:00")
    String restoreVerifySchedule;

    @Inject
    @ConfigProperty(name = "solduel.backup.schedule-zone", defaultValue = "UTC")
    String scheduleZone;

    @Inject
    @ConfigProperty(name = "solduel.backup.pg-bin-dir")
    Optional<String> pgBinDir;

    @Inject
    @ConfigProperty(name = "solduel.backup.work-dir")
    Optional<String> workDir;

    @Inject
    @ConfigProperty(name = "solduel.backup.timeout-minutes", defaultValue = "60")
    int timeoutMinutes;

    @Inject
    @ConfigProperty(name = "solduel.restore-verify.database")
    Optional<String> scratchDatabase;

    @Inject
    @ConfigProperty(name = "DB_HOST", defaultValue = "localhost")
    String dbHost;

    @Inject
    @ConfigProperty(name = "DB_PORT", defaultValue = "5432")
    int dbPort;

    @Inject
    @ConfigProperty(name = "DB_NAME", defaultValue = "sol_duel")
    String dbName;

    @Inject
    @ConfigProperty(name = "DB_USER", defaultValue = "sol_duel_user")
    String dbUser;

    @Inject
    @ConfigProperty(name = "DB_PASSWORD")
    Optional<String> dbPassword;

    public S3Store store() {
        String keyId = accessKeyId.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "solduel.backup.s3.access-key-id is not set (environment SOLDUEL_BACKUP_S3_ACCESS_KEY_ID)"));
        String secret = secretAccessKey.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "solduel.backup.s3.secret-access-key is not set (environment SOLDUEL_BACKUP_S3_SECRET_ACCESS_KEY)"));
        return new S3Store(URI.create(endpoint), bucket, region, keyId, secret, Duration.ofMinutes(timeoutMinutes), Clock.systemUTC());
    }

    PostgresTools postgres() throws IOException {
        return new PostgresTools(pgBinDir.filter(s -> !s.isBlank()).map(Path::of).orElse(null), dbHost, dbPort, dbUser,
                dbPassword.orElse(null), Duration.ofMinutes(timeoutMinutes), workDir());
    }

    Path workDir() throws IOException {
        Path dir = Path.of(workDir.filter(s -> !s.isBlank()).orElse(System.getProperty("java.io.tmpdir")));
        return Files.createDirectories(dir);
    }

    public String database() {
        return dbName;
    }

    /** The database restore-verify creates, fills and drops (the role needs CREATEDB). */
    public String scratchDatabase() {
        return scratchDatabase.filter(s -> !s.isBlank()).orElse(dbName + "_restore_check");
    }

    public String prefix() {
        return prefix;
    }

    public String bucket() {
        return bucket;
    }

    public int retention() {
        return retention;
    }

    public String backupSchedule() {
        return backupSchedule;
    }

    public String restoreVerifySchedule() {
        return restoreVerifySchedule;
    }

    public String scheduleZone() {
        return scheduleZone;
    }
}
