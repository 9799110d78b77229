package com.solduel.batch.backup;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The backups' own records in PostgreSQL (tables backups, restore_verifications, scheduled_job_runs;
 * Liquibase 008), and the database work the jobs need: a census inside an exported snapshot,
 * creating and dropping the scratch database. Every call commits on its own (no JTA transaction):
 * a job's record must survive the job failing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupRecords {

    @Resource(lookup = "jdbc/solduel")
    DataSource db;

    /** Work done while a snapshot of the database is held open, given its id and the census inside it. */
    @FunctionalInterface
    public interface SnapshotWork<T> {
        T run(String snapshotId, Census census) throws IOException;
    }

    /** A backup as recorded. */
    public record Backup(long id, String status, String objectKey, Long sizeBytes, String sha256, String census, Instant startedAt,
                         Instant finishedAt) {
    }

    public long begin(long executionId) {
        return insertReturningId("INSERT INTO backups (execution_id, status) VALUES (?, 'RUNNING') RETURNING id", executionId);
    }

    /**
     * Opens a read-only REPEATABLE READ transaction, exports its snapshot, counts what it sees, and runs
     * the work (pg_dump --snapshot) while the snapshot is held; the census is exactly what the dump holds.
     */
    public <T> T inSnapshot(SnapshotWork<T> work) throws IOException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                String snapshot;
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
                    rs.next();
                    snapshot = rs.getString(1);
                }
                Census census = census(connection);
                return work.run(snapshot, census);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("cannot hold a snapshot of the database: " + e.getMessage(), e);
        }
    }

    public void succeeded(long id, String objectKey, long sizeBytes, String sha256, Census census, long dumpMillis, long uploadMillis) {
        update("UPDATE backups SET status = 'OK', object_key = ?, size_bytes = ?, sha256 = ?, census = ?, dump_millis = ?, "
                + "upload_millis = ?, finished_at = now() WHERE id = ?", objectKey, sizeBytes, sha256, census.toJson(), dumpMillis,
                uploadMillis, id);
    }

    /** A backup that is not usable; its object (if one was uploaded) stays named so retention removes it. */
    public void failed(long id, String objectKey, String error) {
        update("UPDATE backups SET status = 'FAILED', object_key = COALESCE(?, object_key), error = ?, finished_at = now() WHERE id = ?",
                objectKey, truncate(error, 1000), id);
    }

    public Optional<Backup> latestOk() {
        List<Backup> found = backups("WHERE status = 'OK' ORDER BY id DESC LIMIT 1");
        return found.stream().findFirst();
    }

    /** Backups whose object may still be in the store, newest first. */
    public List<Backup> withObjects() {
        return backups("WHERE object_key IS NOT NULL AND status <> 'DELETED' ORDER BY id DESC");
    }

    public void deleted(long id) {
        update("UPDATE backups SET status = 'DELETED', deleted_at = now() WHERE id = ?", id);
    }

    public long beginVerification(long executionId) {
        return insertReturningId("INSERT INTO restore_verifications (execution_id, status) VALUES (?, 'RUNNING') RETURNING id", executionId);
    }

    public void verificationEnded(long id, Long backupId, boolean verified, Long restoreMillis, String detail) {
        update("UPDATE restore_verifications SET backup_id = ?, status = ?, restore_millis = ?, detail = ?, finished_at = now() WHERE id = ?",
                backupId, verified ? "VERIFIED" : "FAILED", restoreMillis, truncate(detail, 2000), id);
    }

    /** When the newest OK backup finished, and its size. */
    public Optional<Backup> lastSuccess() {
        return backups("WHERE status IN ('OK', 'DELETED') AND finished_at IS NOT NULL AND sha256 IS NOT NULL ORDER BY finished_at DESC LIMIT 1")
                .stream().findFirst();
    }

    public Optional<Instant> lastVerified() {
        try (Connection connection = db.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT max(finished_at) FROM restore_verifications WHERE status = 'VERIFIED'")) {
            rs.next();
            Timestamp at = rs.getTimestamp(1);
            return Optional.ofNullable(at).map(Timestamp::toInstant);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims a scheduled run of a job for this node; false when another node claimed it first. */
    public boolean claim(String jobName, Instant scheduledFor, String nodeId) {
        return update("INSERT INTO scheduled_job_runs (job_name, scheduled_for, node_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                jobName, Timestamp.from(scheduledFor), nodeId) == 1;
    }

    /** Drops the database if it exists (closing its connections) and creates it empty, owned by this role. */
    public void recreateDatabase(String name) {
        dropDatabase(name);
        execute("CREATE DATABASE " + quoteIdentifier(name));
    }

    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + quoteIdentifier(name) + " WITH (FORCE)");
    }

    static Census census(Connection connection) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(Census.ROWS_SQL)) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = statement.executeQuery(Census.LEDGER_SQL)) {
                rs.next();
                return new Census(rows, rs.getLong(1), rs.getLong(2), rs.getString(3));
            }
        }
    }

    static String quoteIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return "\"" + name + "\"";
    }

    private List<Backup> backups(String where) {
        String sql = "SELECT id, status, object_key, size_bytes, sha256, census, started_at, finished_at FROM backups " + where;
        try (Connection connection = db.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<Backup> found = new ArrayList<>();
            while (rs.next()) {
                Timestamp finished = rs.getTimestamp(8);
                found.add(new Backup(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), finished == null ? null : finished.toInstant()));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insertReturningId(String sql, Object... values) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = prepare(connection, sql, values);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = prepare(connection, sql, values)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
