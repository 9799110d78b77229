package com.solduel.game.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.infra.redis.RedisConnection;
import com.solduel.matchmaking.LocalRedis;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The leases a node renews for all of its games at once, against a real Redis. */
class GameLeasesTest {

    private static LocalRedis redis;
    private static RedisConnection connection;

    @BeforeAll
    static void start() throws Exception {
        redis = LocalRedis.start();
        connection = new RedisConnection() {
            @Override
            public UnifiedJedis client() {
                return redis.client();
            }
        };
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
    }

    private static GameLeases leasesOf(String nodeName) {
        NodeIdentity node = new NodeIdentity();
        node.configured = Optional.of(nodeName);
        node.init();
        GameLeases leases = new GameLeases();
        leases.redis = connection;
        leases.node = node;
        leases.leaseMillis = 5000;
        return leases;
    }

    @Test
    void renewingAllOfANodesGamesExtendsItsLeasesAndNamesTheOnesItLost() {
        GameLeases a = leasesOf("a");
        GameLeases b = leasesOf("b");
        // More games than one round trip carries, so the batches are stitched back together in order.
        List<Long> games = LongStream.rangeClosed(9_000_001, 9_001_200).boxed().toList();
        games.forEach(id -> assertThat(a.acquire(id)).isTrue());
        connection.client().del(GameLeases.key(9_000_007));                  // expired meanwhile
        assertThat(b.acquire(9_000_007)).isTrue();                           // and taken by node b
        connection.client().del(GameLeases.key(9_000_600));                  // expired, nobody took it
        // Close to running out, but not before the renewal reaches it on a busy machine (100 ms once did not last).
        connection.client().pexpire(GameLeases.key(9_001_200), 2000);

        assertThat(a.renewAll(games)).containsExactlyInAnyOrder(9_000_007L, 9_000_600L);

        assertThat(connection.client().pttl(GameLeases.key(9_001_200))).as("extended to a whole lease").isGreaterThan(4000);
        assertThat(a.owner(9_000_007)).contains(b.owner(9_000_007).orElseThrow()).isNotEqualTo(Optional.of(a.node.id()));
        assertThat(a.owner(9_000_600)).as("a lost lease is not taken back by the renewal").isEmpty();
        assertThat(a.renewAll(List.of())).isEmpty();
    }

    @Test
    void aRedisThatDoesNotAnswerFailsTheRenewalInsteadOfReportingLeasesLost() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (JedisPooled unreachable = new JedisPooled("127.0.0.1", closedPort)) {
            GameLeases leases = leasesOf("c");
            leases.redis = new RedisConnection() {
                @Override
                public UnifiedJedis client() {
                    return unreachable;
                }
            };
            // OwnedGames then renews each game on its own, and keeps playing those it cannot reach.
            assertThatThrownBy(() -> leases.renewAll(List.of(1L, 2L))).isInstanceOf(JedisConnectionException.class);
        }
    }
}
