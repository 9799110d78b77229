package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Backups against the real server, the real pg_dump/pg_restore and the local S3 server scripts/test.sh
 * starts (tools/s3-local on 127.0.0.1:4569; the test server keeps 2 backups, prefix it/): an admin
 * starts a backup, the test reads the object back from the store itself and finds the recorded
 * SHA-256 and a custom-format dump; restore-verify restores it and says VERIFIED; three backups
 * leave the newest two; a backup whose bytes the test corrupts in the store is found by
 * restore-verify and the job FAILS; non-admins and unknown job names start nothing (docs/operations.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupIT {

    private static final String S3 = System.getProperty("solduel.s3.endpoint", "http://127.0.0.1:4569") + "/sol-duel-backups/";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    private static String admin;

    @BeforeAll
    static void setUp() {
        HttpResponse<byte[]> store = s3("GET", "?list-type=2", null);
        assertThat(store.statusCode()).as("the local S3 server (tools/s3-local) at " + S3 + ": start the tests with scripts/test.sh")
                .isEqualTo(200);
        admin = TestWallet.admin().signIn();
    }

    @Test
    @Order(1)
    void nonAdminsAndUnknownJobNamesStartNothing() throws Exception {
        String player = TestWallet.random().signIn();
        int backups = count("SELECT count(*) FROM backups");
        int verifications = count("SELECT count(*) FROM restore_verifications");
        List<Long> executions = executionIds("backup");

        RatingsIT.assertProblem(GameApiIT.post("/api/admin/jobs/backup", "", null), 401, "unauthorized");
        RatingsIT.assertProblem(GameApiIT.post("/api/admin/jobs/backup", "", player), 403, "forbidden");
        RatingsIT.assertProblem(GameApiIT.post("/api/admin/jobs/restore-verify", "", player), 403, "forbidden");
        RatingsIT.assertProblem(GameApiIT.post("/api/admin/jobs/drop-everything", "", admin), 404, "job-unknown");
        // A job that exists but that an admin may not start by name (it has its own trigger).
        RatingsIT.assertProblem(GameApiIT.post("/api/admin/jobs/payouts", "", admin), 404, "job-unknown");
        RatingsIT.assertProblem(PayoutRetryIT.adminGet("/api/admin/jobs?name=backup", player), 403, "forbidden");
        RatingsIT.assertProblem(PayoutRetryIT.adminGet("/api/admin/jobs?limit=0", admin), 400, "invalid-request");

        Thread.sleep(1_000);
        assertThat(count("SELECT count(*) FROM backups")).as("backups taken").isEqualTo(backups);
        assertThat(count("SELECT count(*) FROM restore_verifications")).as("restore checks").isEqualTo(verifications);
        assertThat(executionIds("backup")).as("backup executions").isEqualTo(executions);
    }

    @Test
    @Order(2)
    void aBackupIsInTheStoreReadBackByChecksumAndRestoreVerifySucceeds() throws Exception {
        double verifiedBefore = metric("sol_duel_restore_verify_last_success_timestamp_seconds");
        JsonObject backup = run("backup");
        assertThat(backup.getString("status")).as(backup.toString()).isEqualTo("COMPLETED");
        assertThat(backup.getString("exitStatus")).startsWith("BACKED_UP backup ");

        Row row = newestBackup();
        assertThat(row.status()).isEqualTo("OK");
        assertThat(row.key()).startsWith("it/").endsWith(".dump");
        assertThat(backup.getString("exitStatus")).contains(row.key()).contains(row.sha256());
        byte[] stored = s3("GET", row.key(), null).body();
        assertThat(stored).hasSize((int) row.size());
        assertThat(sha256(stored)).as("the object in the store hashes to the recorded SHA-256").isEqualTo(row.sha256());
        assertThat(new String(stored, 0, 5, StandardCharsets.US_ASCII)).as("pg_dump custom format").isEqualTo("PGDMP");
        Path file = Files.createTempFile("backup-it-", ".dump");
        try {
            Files.write(file, stored);
            String listing = pgRestoreList(file);
            assertThat(listing).contains("TABLE DATA public games").contains("TABLE DATA public ledger_postings");
        } finally {
            Files.deleteIfExists(file);
        }
        // The census taken in the dump's snapshot names every table with a count.
        assertThat(row.census()).contains("\"games\":").contains("\"ledgerSum\":0");
        awaitMetricAbove("sol_duel_backup_last_success_timestamp_seconds", 0);
        assertThat(metric("sol_duel_backup_last_size_bytes")).isEqualTo(row.size());

        JsonObject verify = run("restore-verify");
        assertThat(verify.getString("status")).as(verify.toString()).isEqualTo("COMPLETED");
        assertThat(verify.getString("exitStatus")).startsWith("VERIFIED backup " + row.id() + ":");
        assertThat(strings("SELECT status || ' ' || backup_id FROM restore_verifications ORDER BY id DESC LIMIT 1"))
                .containsExactly("VERIFIED " + row.id());
        assertThat(count("SELECT count(*) FROM pg_database WHERE datname LIKE '%restore_check'"))
                .as("the scratch database is dropped again").isZero();
        awaitMetricAbove("sol_duel_restore_verify_last_success_timestamp_seconds", verifiedBefore);
    }

    @Test
    @Order(3)
    void retentionKeepsTheTwoNewestBackupsAndDeletesTheOldestObject() throws Exception {
        for (int i = 0; i < 2; i++) {
            JsonObject backup = run("backup");
            assertThat(backup.getString("status")).as(backup.toString()).isEqualTo("COMPLETED");
        }
        List<String> ok = strings("SELECT object_key FROM backups WHERE status = 'OK' ORDER BY id");
        assertThat(ok).as("OK backups after the retention of 2").hasSize(2);
        List<String> deleted = strings("SELECT object_key FROM backups WHERE status = 'DELETED' ORDER BY id");
        assertThat(deleted).as("the oldest backup's object deleted").isNotEmpty();
        String oldest = deleted.get(deleted.size() - 1);
        assertThat(s3("GET", oldest, null).statusCode()).as("the oldest object is gone from the store").isEqualTo(404);
        for (String key : ok) {
            assertThat(s3("GET", key, null).statusCode()).as(key + " kept").isEqualTo(200);
        }
        String listing = new String(s3("GET", "?list-type=2&prefix=it/", null).body(), StandardCharsets.UTF_8);
        Matcher keys = Pattern.compile("<Key>([^<]*)</Key>").matcher(listing);
        List<String> inStore = keys.results().map(m -> m.group(1)).toList();
        assertThat(inStore).as("the store holds exactly the kept backups").containsExactlyInAnyOrderElementsOf(ok);
    }

    @Test
    @Order(4)
    void aBackupCorruptedInTheStoreIsFoundByRestoreVerifyAsFailed() throws Exception {
        Row row = newestBackup();
        assertThat(row.status()).isEqualTo("OK");
        double verifiedBefore = metric("sol_duel_restore_verify_last_success_timestamp_seconds");
        byte[] bytes = s3("GET", row.key(), null).body();
        bytes[bytes.length / 2] ^= 0x01; // one flipped bit, same size
        assertThat(s3("PUT", row.key(), bytes).statusCode()).isEqualTo(200);

        JsonObject verify = run("restore-verify");
        assertThat(verify.getString("status")).as(verify.toString()).isEqualTo("FAILED");
        assertThat(verify.getString("exitStatus")).startsWith("CHECKSUM_MISMATCH backup " + row.id())
                .contains(row.sha256()).contains(sha256(bytes));
        assertThat(strings("SELECT status FROM backups WHERE id = " + row.id())).as("the corrupted backup is no longer OK")
                .containsExactly("FAILED");
        assertThat(strings("SELECT status || ' ' || backup_id FROM restore_verifications ORDER BY id DESC LIMIT 1"))
                .containsExactly("FAILED " + row.id());
        Thread.sleep(2_500); // the gauges cache 2 s
        assertThat(metric("sol_duel_restore_verify_last_success_timestamp_seconds")).as("no new success").isEqualTo(verifiedBefore);
    }

    /** Starts a job as the admin (202 with its execution id) and waits until the execution ended. */
    static JsonObject run(String job) {
        HttpResponse<String> started = GameApiIT.post("/api/admin/jobs/" + job, "", admin);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonObject answer = TestEnvironment.json(started);
        assertThat(answer.getString("jobName")).isEqualTo(job);
        long execution = answer.getJsonNumber("executionId").longValue();
        AtomicReference<JsonObject> ended = new AtomicReference<>();
        TestEnvironment.await(job + " execution " + execution + " ended", Duration.ofSeconds(120), () -> {
            for (JsonObject run : executions(job)) {
                if (run.getJsonNumber("executionId").longValue() == execution && ENDED.contains(run.getString("status"))) {
                    ended.set(run);
                    return true;
                }
            }
            return false;
        });
        return ended.get();
    }

    static List<JsonObject> executions(String job) {
        return executions(admin, job);
    }

    static List<JsonObject> executions(String adminToken, String job) {
        HttpResponse<String> list = PayoutRetryIT.adminGet("/api/admin/jobs?name=" + job + "&limit=50", adminToken);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonArray runs = TestEnvironment.jsonArray(list);
        return runs.getValuesAs(JsonObject.class);
    }

    private static List<Long> executionIds(String job) {
        return executions(job).stream().map(run -> run.getJsonNumber("executionId").longValue()).toList();
    }

    record Row(long id, String status, String key, long size, String sha256, String census) {
    }

    private static Row newestBackup() throws SQLException {
        try (Connection db = TestEnvironment.database(); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, status, object_key, size_bytes, sha256, census FROM backups "
                     + "WHERE status IN ('OK', 'FAILED') ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).as("a backup row").isTrue();
            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6));
        }
    }

    private static int count(String sql) throws SQLException {
        return Integer.parseInt(strings(sql).get(0));
    }

    private static List<String> strings(String sql) throws SQLException {
        return SchemaIT.strings(sql);
    }

    private static HttpResponse<byte[]> s3(String method, String keyOrQuery, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(S3 + keyOrQuery)).timeout(Duration.ofSeconds(30));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("the local S3 server at " + S3 + " does not answer: start the tests with scripts/test.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pgRestoreList(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pg_restore", "--list", file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("pg_restore --list: " + out).isZero();
        return out;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static double metric(String name) {
        String metrics = TestEnvironment.get("/metrics?scope=application").body();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(m.find()).as(name + " on /metrics").isTrue();
        return Double.parseDouble(m.group(2));
    }

    private static void awaitMetricAbove(String name, double floor) {
        TestEnvironment.await(name + " above " + floor, Duration.ofSeconds(10), () -> metric(name) > floor);
    }
}
