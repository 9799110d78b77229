package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Readiness follows the real Redis: DOWN while it is stopped, UP again once it is back; while it
 * is down, player profiles are still served from PostgreSQL.
 */
class ReadinessIT {

    @AfterEach
    void redisIsRunningAgain() throws Exception {
        if (!redisAnswers()) {
            startRedis();
        }
    }

    @Test
    void readinessIsDownWhileRedisIsStoppedAndUpAfterItRestarts() throws Exception {
        assertThat(TestEnvironment.get("/health/ready").statusCode()).isEqualTo(200);
        TestWallet player = TestWallet.random();
        player.signIn();

        try (Jedis jedis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            jedis.shutdown();
        } catch (RuntimeException connectionClosedByShutdown) {
            // SHUTDOWN closes the connection instead of answering.
        }
        TestEnvironment.await("Redis to stop", Duration.ofSeconds(10), () -> !redisAnswers());

        TestEnvironment.await("/health/ready to report DOWN", Duration.ofSeconds(20),
                () -> TestEnvironment.get("/health/ready").statusCode() == 503);
        var ready = TestEnvironment.json(TestEnvironment.get("/health/ready"));
        assertThat(ready.getString("status")).isEqualTo("DOWN");
        assertThat(ready.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name") + "=" + check.asJsonObject().getString("status")))
                .contains("redis=DOWN", "postgresql=UP");
        assertThat(TestEnvironment.get("/ready").statusCode()).isEqualTo(503);
        assertThat(TestEnvironment.get("/health/live").statusCode())
                .as("a Redis outage must not make Kubernetes restart the pod").isEqualTo(200);
        var profile = TestEnvironment.get("/api/players/" + player.address());
        assertThat(profile.statusCode()).as("the player cache falls back to PostgreSQL: %s", profile.body()).isEqualTo(200);
        assertThat(TestEnvironment.json(profile).getString("walletAddress")).isEqualTo(player.address());
        assertThat(profile.headers().firstValue("Cache-Status")).hasValueSatisfying(v -> assertThat(v).contains("miss"));

        startRedis();
        TestEnvironment.await("/health/ready to report UP again", Duration.ofSeconds(30),
                () -> TestEnvironment.get("/health/ready").statusCode() == 200);
        assertThat(TestEnvironment.get("/ready").statusCode()).isEqualTo(200);
    }

    static boolean redisAnswers() {
        try (Jedis jedis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    static void startRedis() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1",
                "--port", String.valueOf(TestEnvironment.redisPort()), "--save", "", "--appendonly", "no",
                "--dir", System.getProperty("java.io.tmpdir"))
                .inheritIO()
                .start();
        assertThat(process.waitFor()).as("redis-server exit code").isZero();
        TestEnvironment.await("Redis to answer PING", Duration.ofSeconds(10), ReadinessIT::redisAnswers);
    }
}
