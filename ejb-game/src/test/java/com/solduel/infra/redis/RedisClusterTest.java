package com.solduel.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.auth.ChallengeRequestLimits;
import com.solduel.auth.SignInChallenges;
import com.solduel.player.WalletAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Jedis;

/**
 * Production runs a 6-node Redis Cluster: the same {@link RedisConnection} given a node list must
 * use JedisCluster, and what the app does with Redis (TTL'd keys, the atomic Lua consume of a
 * sign-in challenge) must work across slots. Starts a real local cluster (redis-server, installed
 * by scripts/setup.sh) on ports 7101-7106.
 */
class RedisClusterTest {

    private static final int FIRST_PORT = 7101;
    private static final int NODES = 6;
    private static Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        dir = Files.createTempDirectory("solduel-redis-cluster");
        for (int port = FIRST_PORT; port < FIRST_PORT + NODES; port++) {
            run("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes-" + port + ".conf", "--dir", dir.toString(), "--daemonize", "yes",
                    "--save", "", "--appendonly", "no", "--logfile", dir.resolve("redis-" + port + ".log").toString());
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        IntStream.range(FIRST_PORT, FIRST_PORT + NODES).forEach(p -> create.add("127.0.0.1:" + p));
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        waitFor(() -> run(create.toArray(String[]::new)) == 0, "redis-cli --cluster create to succeed");
        // Every node, not just the first: a node that has not yet heard of all slots answers CLUSTERDOWN.
        waitFor(() -> IntStream.range(FIRST_PORT, FIRST_PORT + NODES).allMatch(port -> {
            try (var node = new Jedis("127.0.0.1", port)) {
                return node.clusterInfo().contains("cluster_state:ok");
            } catch (RuntimeException e) {
                return false;
            }
        }), "cluster_state:ok on every node");
    }

    @AfterAll
    static void stopCluster() {
        for (int port = FIRST_PORT; port < FIRST_PORT + NODES; port++) {
            run("redis-cli", "-p", String.valueOf(port), "shutdown", "nosave");
        }
    }

    @Test
    void aNodeListGivesAClusterClientThatServesTheAppsKeys() {
        RedisConnection connection = new RedisConnection();
        connection.nodeEntries = List.of("127.0.0.1:" + FIRST_PORT, "127.0.0.1:" + (FIRST_PORT + 1), "127.0.0.1:" + (FIRST_PORT + 2));
        connection.user = java.util.Optional.empty();
        connection.password = java.util.Optional.empty();
        connection.timeoutMs = 2000;
        connection.maxTotal = 8;
        try {
            assertThat(connection.client()).isInstanceOf(JedisCluster.class);
            assertThat(connection.client().ping()).isEqualTo("PONG");

            // Keys land on different slots (and masters) and keep their TTL.
            for (int i = 0; i < 50; i++) {
                connection.client().setex("player:wallet" + i + ":state", 300, "{\"i\":" + i + "}");
            }
            for (int i = 0; i < 50; i++) {
                assertThat(connection.client().get("player:wallet" + i + ":state")).isEqualTo("{\"i\":" + i + "}");
                assertThat(connection.client().ttl("player:wallet" + i + ":state")).isBetween(290L, 300L);
            }

            // The sign-in challenges (a Lua script on one wallet's hash and its request counter, in
            // the wallet's slot) work in cluster mode: each address keeps its newest five, another
            // address's challenges are left alone, single use; a request beyond the wallet's budget
            // opens nothing and drops nothing.
            SignInChallenges challenges = new SignInChallenges(connection);
            WalletAddress wallet = WalletAddress.of("9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");
            Instant now = Instant.now();
            ChallengeRequestLimits.WalletBudget budget = new ChallengeRequestLimits.WalletBudget(
                    "auth:nonce-rate:wallet:{" + wallet.value() + "}:1", 8, 60_000, 30);
            assertThat(challenges.open(wallet, budget, "10.0.0.1", "victim", "victim's message", now, now.plusSeconds(60), 5)).isTrue();
            for (int i = 0; i < 7; i++) {
                assertThat(challenges.open(wallet, budget, "10.0.0.2", "n" + i, "message " + i, now, now.plusSeconds(61 + i), 5))
                        .isTrue();
            }
            assertThat(challenges.open(wallet, budget, "10.0.0.2", "n9", "message 9", now, now.plusSeconds(70), 5))
                    .as("the ninth request of a budget of eight").isFalse();
            assertThat(connection.client().get(budget.key())).isEqualTo("9");
            assertThat(connection.client().pttl(budget.key())).isBetween(1L, 60_000L);
            List<SignInChallenges.Open> open = challenges.find(wallet, now);
            assertThat(open).extracting(SignInChallenges.Open::messageText).containsExactlyInAnyOrder(
                    "victim's message", "message 2", "message 3", "message 4", "message 5", "message 6");
            SignInChallenges.Open victims = open.stream().filter(o -> o.messageText().startsWith("victim")).findFirst().orElseThrow();
            assertThat(challenges.consume(wallet, victims)).isTrue();
            assertThat(challenges.consume(wallet, victims)).as("single use").isFalse();
            assertThat(challenges.find(wallet, now.plusSeconds(120))).as("expired ones are not offered").isEmpty();

            // A script run in one pipeline over keys of every master: each answer comes back in
            // its call's place (the game leases are renewed this way).
            LuaScript incr = LuaScript.of("return redis.call('INCRBY', KEYS[1], ARGV[1])");
            List<LuaScript.Call> calls = IntStream.range(0, 40)
                    .mapToObj(i -> new LuaScript.Call(List.of("counter:" + i), List.of(Integer.toString(i)))).toList();
            assertThat(incr.evalAll(connection.client(), calls))
                    .containsExactlyElementsOf(IntStream.range(0, 40).mapToObj(i -> (Object) (long) i).toList());
            assertThat(connection.client().get("counter:39")).isEqualTo("39");
        } finally {
            connection.close();
        }
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
            return process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " could not run: install Redis (scripts/setup.sh does) and retry", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; see the logs in " + dir);
            }
            Thread.sleep(250);
        }
    }
}
