package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Matchmaking across two Liberty servers sharing PostgreSQL and Redis: both nodes run the pairing
 * loop over the same queues at once. Many players join from many threads through both nodes: every
 * player ends in exactly one game, floor(n/2) games are made, nobody is paired with themselves,
 * nobody is left in the queue or pending; a player on node A and one on node B both hear their
 * match_found. Node B is started here (and stopped after, unless it was running before).
 */
class MatchmakingClusterIT {

    private static final LibertyNode A = LibertyNode.a();
    private static final LibertyNode B = LibertyNode.b();
    /** Players joining the unrated DUEL bucket at once (every sign-in costs the suite time). */
    private static final int PLAYERS = 300;
    private static boolean startedHere;

    @BeforeAll
    static void startTheSecondNode() {
        if (!B.isRunning()) {
            B.start();
            startedHere = true;
        }
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (startedHere) {
            B.stop();
        }
    }

    @Test
    void playersOnBothNodesAreMatchedAcrossNodes() {
        MatchmakingIT.Player onA = MatchmakingIT.Player.rated("RPS", 9000);
        MatchmakingIT.Player onB = MatchmakingIT.Player.rated("RPS", 9010);
        try (GameSocket a = GameSocket.connect(URI.create(A.wsUrl()), onA.token());
             GameSocket b = GameSocket.connect(URI.create(B.wsUrl()), onB.token())) {
            a.send("{\"type\":\"queue_join\",\"gameType\":\"RPS\"}");
            a.await("queue_status");
            b.send("{\"type\":\"queue_join\",\"gameType\":\"RPS\"}");
            b.await("queue_status");
            JsonObject foundA = a.await("match_found", f -> true, Duration.ofSeconds(10));
            JsonObject foundB = b.await("match_found", f -> true, Duration.ofSeconds(10));
            assertThat(foundA.getJsonNumber("gameId")).isEqualTo(foundB.getJsonNumber("gameId"));
            assertThat(foundA.getJsonObject("opponent").getString("wallet")).isEqualTo(onB.wallet().address());
            assertThat(foundB.getJsonObject("opponent").getString("wallet")).isEqualTo(onA.wallet().address());
        }
    }

    @Test
    void manyPlayersJoiningThroughBothNodesAreEachMatchedExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String[]>> signIns = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            signIns.add(pool.submit(() -> {
                TestWallet wallet = TestWallet.random();
                return new String[] {wallet.address(), signIn(wallet)};
            }));
        }
        Map<String, String> tokens = new HashMap<>();
        for (Future<String[]> signIn : signIns) {
            String[] player = signIn.get(120, TimeUnit.SECONDS);
            tokens.put(player[0], player[1]);
        }
        List<String> wallets = new ArrayList<>(tokens.keySet());
        List<Future<Integer>> joins = new ArrayList<>();
        for (int i = 0; i < wallets.size(); i++) {
            LibertyNode node = i % 2 == 0 ? A : B;
            String token = tokens.get(wallets.get(i));
            joins.add(pool.submit(() -> post(node, token).statusCode()));
        }
        for (Future<Integer> join : joins) {
            assertThat(join.get(60, TimeUnit.SECONDS)).isEqualTo(201);
        }
        pool.shutdown();

        TestEnvironment.await("every player to be matched", Duration.ofSeconds(60), () -> matchedGames(wallets).size()
                == PLAYERS / 2);
        Map<Long, List<String>> games = matchedGames(wallets);
        assertThat(games).hasSize(PLAYERS / 2);
        Set<String> seated = new HashSet<>();
        for (List<String> players : games.values()) {
            assertThat(players).hasSize(2);
            assertThat(players.get(0)).as("no self-match").isNotEqualTo(players.get(1));
            assertThat(seated.add(players.get(0))).as(players.get(0) + " in one game only").isTrue();
            assertThat(seated.add(players.get(1))).as(players.get(1) + " in one game only").isTrue();
        }
        assertThat(seated).containsExactlyInAnyOrderElementsOf(wallets);
        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            for (String wallet : wallets) {
                assertThat(redis.zscore("matchmaking:queue:{DUEL:0:unrated}", wallet)).as("left in the queue").isNull();
            }
            TestEnvironment.await("no pair left pending", Duration.ofSeconds(10),
                    () -> redis.hlen("matchmaking:queue:{DUEL:0:unrated}:pending") == 0);
        }
        String someone = wallets.get(0);
        HttpResponse<String> status = TestEnvironment.send(HttpRequest.newBuilder(URI.create(B.baseUrl() + "/api/matchmaking/queue"))
                .header("Authorization", "Bearer " + tokens.get(someone)).GET());
        assertThat(TestEnvironment.json(status).getString("status")).isEqualTo("MATCHED");
    }

    /**
     * Signs in, once more if the first challenge expired: the test server's nonce lives 5 s, and
     * 16 parallel sign-ins on a busy 2-core machine sometimes take longer (nothing to do with matchmaking).
     */
    private static String signIn(TestWallet wallet) {
        try {
            return wallet.signIn();
        } catch (AssertionError expired) {
            return wallet.signIn();
        }
    }

    private static HttpResponse<String> post(LibertyNode node, String token) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/matchmaking/queue"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"gameType\":\"DUEL\",\"rated\":false}")));
    }

    /** The matched games of these wallets: game id → its two players' wallets. */
    private static Map<Long, List<String>> matchedGames(List<String> wallets) {
        Map<Long, List<String>> games = new HashMap<>();
        try (Connection db = TestEnvironment.database();
             PreparedStatement select = db.prepareStatement("SELECT g.id, p1.wallet_address, p2.wallet_address FROM games g "
                     + "JOIN players p1 ON p1.id = g.player1_id JOIN players p2 ON p2.id = g.player2_id "
                     + "WHERE g.match_id IS NOT NULL AND g.rated = false "
                     + "AND (p1.wallet_address = ANY (?) OR p2.wallet_address = ANY (?))")) {
            var array = db.createArrayOf("varchar", wallets.toArray());
            select.setArray(1, array);
            select.setArray(2, array);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    games.put(rows.getLong(1), List.of(rows.getString(2), rows.getString(3)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return games;
    }
}
