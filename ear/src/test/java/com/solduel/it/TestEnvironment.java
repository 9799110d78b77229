package com.solduel.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What the integration tests talk to: the Liberty server started by the build, its PostgreSQL
 * database and its Redis, all real and on loopback. Values come from failsafe system properties.
 */
public final class TestEnvironment {

    public static final String BASE_URL = required("solduel.baseUrl");
    public static final String DB_NAME = required("solduel.db.name");
    public static final String REDIS_NODE = required("solduel.redis.nodes");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        // liberty:start can return before the EAR has started (a slow machine, another app in
        // dropins); no test may run against a server without the application.
        awaitApplicationReady();
    }

    private TestEnvironment() {
    }

    private static void awaitApplicationReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            try {
                var ready = HTTP.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/health/ready")).GET()
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the application did not become ready in 180 s: " + ready.body()
                            + "; see ear/target/liberty/wlp/usr/servers/solduel-it/logs/messages.log");
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the test server does not answer at " + BASE_URL, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the integration tests "
                    + "through Maven (scripts/test.sh), which starts the server and sets it");
        }
        return value;
    }

    /** A KEY=VALUE from the local secrets file that scripts/setup.sh wrote. */
    public static String secret(String key) {
        try {
            return Files.readAllLines(Path.of(required("solduel.secrets"))).stream()
                    .filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(key + " missing in .local/server.env; rerun scripts/setup.sh"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC connection to the server's database as the application's role. */
    public static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB_NAME, "sol_duel_user",
                secret("DB_PASSWORD"));
    }

    public static int redisPort() {
        return Integer.parseInt(REDIS_NODE.substring(REDIS_NODE.lastIndexOf(':') + 1));
    }

    public static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET());
    }

    public static HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(BASE_URL + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("request to the server failed; is Liberty running? " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonStructure structure = reader.read();
            return structure.asJsonObject();
        }
    }

    public static jakarta.json.JsonArray jsonArray(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    /** Polls until the condition holds, failing with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
