package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL outage as the server sees it, without stopping the shared PostgreSQL server: the
 * test database refuses new connections (ALLOW_CONNECTIONS false) and its sessions are cut
 * (pg_terminate_backend), as the postgres superuser. The server must turn unready but stay live,
 * answer 503 problems (no 500, no internals) where it needs the database, and recover by itself.
 */
class DatabaseOutageIT {

    @AfterEach
    void theDatabaseAcceptsConnectionsAgain() throws Exception {
        superuser("ALTER DATABASE \"" + TestEnvironment.DB_NAME + "\" ALLOW_CONNECTIONS true");
        TestEnvironment.await("/health/ready to report UP again", Duration.ofSeconds(60),
                () -> TestEnvironment.get("/health/ready").statusCode() == 200);
    }

    @Test
    void anOutageMakesTheServerUnreadyButLiveAnswers503ProblemsAndItRecoversAlone() throws Exception {
        TestWallet wallet = TestWallet.random();
        String token = wallet.signIn();
        assertThat(TestEnvironment.get("/health/ready").statusCode()).isEqualTo(200);

        superuser("ALTER DATABASE \"" + TestEnvironment.DB_NAME + "\" ALLOW_CONNECTIONS false");
        superuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + TestEnvironment.DB_NAME
                + "' AND pid <> pg_backend_pid()");
        long cut = System.nanoTime();

        TestEnvironment.await("/health/ready to report DOWN", Duration.ofSeconds(20),
                () -> TestEnvironment.get("/health/ready").statusCode() == 503);
        JsonObject ready = TestEnvironment.json(TestEnvironment.get("/health/ready"));
        assertThat(ready.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name") + "=" + check.asJsonObject().getString("status")))
                .contains("postgresql=DOWN", "redis=UP");
        assertThat(TestEnvironment.get("/ready").statusCode()).isEqualTo(503);
        assertThat(TestEnvironment.get("/health/live").statusCode()).as("a database outage must not restart the pod").isEqualTo(200);

        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(TestEnvironment.get("/api/players?page=0&size=5"));
        answers.add(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}", token));
        answers.add(TestEnvironment.get("/api/games/999999999"));
        var nonce = TestEnvironment.post("/api/auth/nonce", Json.createObjectBuilder().add("wallet", wallet.address()).build().toString());
        assertThat(nonce.statusCode()).as("a sign-in challenge lives in Redis: %s", nonce.body()).isEqualTo(200);
        answers.add(TestEnvironment.post("/api/auth/verify", Json.createObjectBuilder().add("wallet", wallet.address())
                .add("signature", wallet.sign(TestEnvironment.json(nonce).getString("message"))).build().toString()));
        for (HttpResponse<String> answer : answers) {
            String what = answer.request().method() + " " + answer.request().uri().getPath();
            assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
            assertThat(answer.headers().firstValue("Retry-After")).as(what).hasValue("5");
            assertThat(TestEnvironment.json(answer).getString("code")).as(what).isEqualTo("database-unavailable");
            assertThat(answer.body()).as(what + " shows no internals")
                    .doesNotContain("java.", "org.", "jakarta.", "SQL", "JDBC", "postgres", TestEnvironment.DB_NAME, "Exception");
        }
        var handshake = TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/ws/game"))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(handshake.statusCode()).as("a game socket cannot check bans: " + handshake.body()).isEqualTo(503);
        assertThat(TestEnvironment.json(handshake).getString("code")).isEqualTo("database-unavailable");

        superuser("ALTER DATABASE \"" + TestEnvironment.DB_NAME + "\" ALLOW_CONNECTIONS true");
        TestEnvironment.await("/health/ready to report UP again", Duration.ofSeconds(60),
                () -> TestEnvironment.get("/health/ready").statusCode() == 200);
        System.out.printf("DatabaseOutageIT: unready, 503s and back to ready %d ms after the sessions were cut%n",
                Duration.ofNanos(System.nanoTime() - cut).toMillis());
        TestEnvironment.await("the API to answer from the database again", Duration.ofSeconds(30),
                () -> TestEnvironment.get("/api/players?page=0&size=5").statusCode() == 200);
        assertThat(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}", token).statusCode()).isEqualTo(201);
        assertThat(wallet.signIn()).isNotBlank();
    }

    /** Runs one statement in psql as the postgres superuser (as scripts/lib.sh does). */
    static void superuser(String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>("root".equals(System.getProperty("user.name"))
                ? List.of("runuser", "-u", "postgres", "--") : List.of("sudo", "-n", "-u", "postgres"));
        command.addAll(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql));
        Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(psql.waitFor()).as("psql as postgres: " + sql + "\n" + output).isZero();
    }
}
