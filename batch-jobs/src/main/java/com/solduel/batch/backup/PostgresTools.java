package com.solduel.batch.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's own client programs (pg_dump, pg_restore, psql) run against the application's
 * database server with the server's credentials (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD; the
 * password passed in PGPASSWORD, never on a command line).
 */
final class PostgresTools {

    private final Path binDir;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final Path workDir;

    PostgresTools(Path binDir, String host, int port, String user, String password, Duration timeout, Path workDir) {
        this.binDir = binDir;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
        this.workDir = workDir;
    }

    /** pg_dump in the custom format of a whole database, as it was in an exported snapshot (null: now). */
    void dump(String database, String snapshot, Path file) throws IOException {
        List<String> command = new ArrayList<>(List.of(program("pg_dump"), "--format=custom", "--file=" + file));
        if (snapshot != null) {
            command.add("--snapshot=" + snapshot);
        }
        command.addAll(connection(database));
        run(command);
    }

    /** pg_restore of a custom-format dump into an empty database, objects owned by the restoring user. */
    void restore(String database, Path file) throws IOException {
        List<String> command = new ArrayList<>(List.of(program("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
                "--single-transaction"));
        command.addAll(connection(database));
        command.add(file.toString());
        run(command);
    }

    /** psql: one statement, its rows as tab-separated lines. */
    List<String> query(String database, String sql) throws IOException {
        List<String> command = new ArrayList<>(List.of(program("psql"), "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                "-c", sql));
        command.addAll(connection(database));
        return run(command).lines().filter(line -> !line.isEmpty()).toList();
    }

    private List<String> connection(String database) {
        return List.of("--host=" + host, "--port=" + port, "--username=" + user, "--no-password", "--dbname=" + database);
    }

    private String program(String name) {
        return binDir == null ? name : binDir.resolve(name).toString();
    }

    private String run(List<String> command) throws IOException {
        Path out = Files.createTempFile(workDir, "pg-out-", ".txt");
        Path err = Files.createTempFile(workDir, "pg-err-", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("PGPASSWORD", password == null ? "" : password);
            builder.environment().put("PGCONNECT_TIMEOUT", "10");
            Process process = builder.start();
            boolean ended;
            try {
                ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(command.get(0) + " interrupted", e);
            }
            if (!ended) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                String error = Files.readString(err, StandardCharsets.UTF_8).strip();
                throw new IOException(Path.of(command.get(0)).getFileName() + " exited with " + process.exitValue() + ": "
                        + (error.length() > 800 ? error.substring(0, 800) + "..." : error));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
