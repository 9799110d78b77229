package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The daily schedule, for real: node B starts with both jobs scheduled a few minutes ahead (UTC),
 * and the restore check's run of that minute already claimed by "another node" in
 * scheduled_job_runs. At that minute node B's timer takes the backup (it appears in the shared job
 * history node A lists, whoever started it) and leaves the restore check to the node that claimed it.
 */
class BackupScheduleIT {

    private static final LibertyNode B = LibertyNode.b();

    @AfterAll
    static void giveNodeBItsOwnConfigurationBack() {
        try {
            B.stop();
        } finally {
            B.clearTestVariables();
        }
    }

    @Test
    void theScheduledBackupRunsOnceAtItsMinuteAndARunClaimedByAnotherNodeIsLeftAlone() throws Exception {
        ZonedDateTime slot = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(3);
        String at = slot.format(DateTimeFormatter.ofPattern("HH:mm"));
        try (Connection db = TestEnvironment.database();
             PreparedStatement claim = db.prepareStatement(
                     "INSERT INTO scheduled_job_runs (job_name, scheduled_for, node_id) VALUES ('restore-verify', ?, 'another-node')")) {
            claim.setTimestamp(1, Timestamp.from(slot.toInstant()));
            claim.executeUpdate();
        }
        int backups = count("SELECT count(*) FROM backups");
        int verifications = count("SELECT count(*) FROM restore_verifications");
        String admin = TestWallet.admin().signIn();
        List<Long> before = BackupIT.executions(admin, "backup").stream().map(r -> r.getJsonNumber("executionId").longValue()).toList();

        B.stop();
        B.testVariables(Map.of("solduel.backup.schedule", at, "solduel.restore-verify.schedule", at));
        B.start();
        assertThat(ZonedDateTime.now(ZoneOffset.UTC)).as("node B ready before the scheduled minute " + at).isBefore(slot);
        assertThat(Files.readString(B.messagesLog())).contains("backup job scheduled daily at " + at + " UTC")
                .contains("restore-verify job scheduled daily at " + at + " UTC");

        TestEnvironment.await("the scheduled backup of " + at + " to be taken", Duration.ofMinutes(5), () -> {
            try {
                return count("SELECT count(*) FROM backups WHERE status = 'OK'") > 0 && count("SELECT count(*) FROM backups") > backups
                        && count("SELECT count(*) FROM backups WHERE status = 'RUNNING'") == 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(SchemaIT.strings("SELECT job_name || ' ' || node_id FROM scheduled_job_runs WHERE scheduled_for = '"
                + slot.toInstant() + "' ORDER BY job_name")).hasSize(2).first().asString().startsWith("backup it-b");
        List<JsonObject> runs = BackupIT.executions(admin, "backup");
        assertThat(runs).as("node A lists node B's scheduled execution")
                .anyMatch(r -> !before.contains(r.getJsonNumber("executionId").longValue()));
        Thread.sleep(2_000);
        assertThat(count("SELECT count(*) FROM backups")).as("one backup for the minute").isEqualTo(backups + 1);
        assertThat(count("SELECT count(*) FROM restore_verifications")).as("the claimed restore check left alone").isEqualTo(verifications);
        assertThat(Files.readString(B.messagesLog())).contains("restore-verify run of " + slot.withZoneSameInstant(ZoneOffset.UTC)
                .toString().substring(0, 16)).contains("already claimed by another node");
    }

    private static int count(String sql) throws SQLException {
        return Integer.parseInt(SchemaIT.strings(sql).get(0));
    }
}
