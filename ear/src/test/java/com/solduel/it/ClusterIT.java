package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;

/**
 * Two Liberty servers sharing PostgreSQL and Redis (SPEC §13): node A (started by the build) and
 * node B (started here). One node owns a game at a time; players and spectators on either node
 * play and watch it; the owner frozen or killed hands the game over to the other node, which
 * continues from the action log. The test server's lease is 5 s, turns 3 s, grace 4 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final LibertyNode A = LibertyNode.a();
    private static final LibertyNode B = LibertyNode.b();

    @BeforeAll
    static void startTheSecondNode() {
        if (!B.isRunning()) {
            B.start();
        }
    }

    @Test
    @Order(1)
    void playersOnTwoNodesPlayToTheEndAndSpectatorsOnEitherSeeEveryEventOnceInOrder() throws Exception {
        Seat p1 = Seat.signIn();
        Seat p2 = Seat.signIn();
        long game = startedOn(B, p1, p2, "RPS", 5);
        assertThat(owner(game)).as("the node that started the game owns it").startsWith("it-b");

        List<Long> ackCrossNode = new ArrayList<>();
        List<Long> ackSameNode = new ArrayList<>();
        List<Long> resultCrossNode = new ArrayList<>();
        List<Long> resultSameNode = new ArrayList<>();
        try (GameSocket one = socket(A, p1); GameSocket two = socket(B, p2);
             GameSocket watcherA = socket(A, Seat.signIn()); GameSocket watcherB = socket(B, Seat.signIn())) {
            one.join(game);
            assertThat(one.await("state").getString("seat")).as("a state relayed from node B").isEqualTo("P1");
            two.join(game);
            two.await("state");
            watcherA.watch(game);
            long watchedFrom = watcherA.await("state").getJsonNumber("version").longValue();
            watcherB.watch(game);
            assertThat(watcherB.await("state").getJsonNumber("version").longValue()).isEqualTo(watchedFrom);

            // Best of 5: each round has nine ties (one short of the tie cap) and then P1 wins it: 30 turns.
            int turn = 0;
            for (int round = 1; round <= 3; round++) {
                for (int throwNumber = 1; throwNumber <= 10; throwNumber++) {
                    int t = ++turn;
                    boolean decisive = throwNumber == 10;
                    long start = System.nanoTime();
                    one.submit(game, t, "PAPER");
                    one.await("action_accepted", f -> f.getInt("turn") == t);
                    ackCrossNode.add(System.nanoTime() - start);
                    start = System.nanoTime();
                    two.submit(game, t, decisive ? "ROCK" : "PAPER");
                    two.await("action_accepted", f -> f.getInt("turn") == t);
                    ackSameNode.add(System.nanoTime() - start);
                    JsonObject result = two.await("turn_result", f -> f.getInt("turn") == t);
                    resultSameNode.add(System.nanoTime() - start);
                    assertThat(one.await("turn_result", f -> f.getInt("turn") == t)).isEqualTo(result);
                    resultCrossNode.add(System.nanoTime() - start);
                    for (GameSocket watcher : List.of(watcherA, watcherB)) {
                        assertThat(watcher.await("turn_result", f -> f.getInt("turn") == t)).isEqualTo(result);
                    }
                }
            }
            JsonObject over = one.await("game_over");
            assertThat(over.getString("outcome")).isEqualTo("P1");
            assertThat(over.getInt("turnsPlayed")).isEqualTo(30);
            for (GameSocket socket : List.of(two, watcherA, watcherB)) {
                assertThat(socket.await("game_over")).isEqualTo(over);
            }
            List<JsonObject> seenOnA = versioned(watcherA);
            assertThat(seenOnA).as("the spectator on node B saw exactly what the one on node A saw").isEqualTo(versioned(watcherB));
            assertThat(seenOnA).extracting(f -> f.getJsonNumber("version").longValue())
                    .as("every public event once, in order, nothing skipped")
                    .containsExactlyElementsOf(range(watchedFrom + 1, over.getJsonNumber("version").longValue()));
        }
        System.out.printf("ClusterIT latency over %d turns, game owned by node B, P1 on node A, P2 on node B:%n"
                        + "  submit -> action_accepted: P1 (relayed A->B->A) p50 %.2f ms p90 %.2f ms; P2 (on the owner) p50 %.2f ms p90 %.2f ms%n"
                        + "  P2's completing submit -> turn_result: at P2 (owner) p50 %.2f ms p90 %.2f ms; at P1 (relayed) p50 %.2f ms p90 %.2f ms%n",
                ackCrossNode.size(), pct(ackCrossNode, 50), pct(ackCrossNode, 90), pct(ackSameNode, 50), pct(ackSameNode, 90),
                pct(resultSameNode, 50), pct(resultSameNode, 90), pct(resultCrossNode, 50), pct(resultCrossNode, 90));
        GamePlayIT.assertExportVerifies(game);
        assertLogIsWhole(game);
    }

    @Test
    @Order(2)
    void aGameStartedOnAFullNodeGoesToANodeWithRoom() throws Exception {
        // Node B may own one game at a time (ear/pom.xml); the first game fills it.
        long first = startedOn(B, Seat.signIn(), Seat.signIn(), "RPS", 1);
        assertThat(owner(first)).startsWith("it-b");
        long second = startedOn(B, Seat.signIn(), Seat.signIn(), "RPS", 1);
        TestEnvironment.await("a node with room (A) to adopt the game B had no room for", Duration.ofSeconds(10),
                () -> owner(second).startsWith("it-a"));
        assertThat(owner(first)).startsWith("it-b");
        // Nobody comes to either game: both are abandoned when the join grace ends, and B is free again.
        TestEnvironment.await("both games to be abandoned", Duration.ofSeconds(15), () -> query(
                "SELECT status FROM games WHERE id IN (" + first + ", " + second + ")").equals(List.of("ABORTED", "ABORTED")));
    }

    @Test
    @Order(3)
    void readingAGameOnAnotherNodeNeverTakesItOverNorMisreadsAnOldSession() throws Exception {
        Seat p1 = Seat.signIn();
        Seat p2 = Seat.signIn();
        long game = startedOn(A, p1, p2, "RPS", 3);
        try (GameSocket one = seated(A, p1, game); GameSocket two = seated(A, p2, game)) {
            playTurn(game, 1, one, "PAPER", two, "ROCK");
            one.submit(game, 2, "SCISSORS");
            one.await("action_accepted", f -> f.getInt("turn") == 2);
        }
        String owner = owner(game);
        long epoch = epoch(game);
        String key = "game:" + game + ":session";
        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            TestEnvironment.await("the session mirrored to Redis", Duration.ofSeconds(5), () -> redis.exists(key));
            assertThat(redis.get(key)).startsWith("{\"format\":3,");
            assertSummaryOnB(game);
            // A session written by an older server (not format 3): ignored, PostgreSQL read instead.
            redis.set(key, "{\"gameId\":" + game + ",\"log\":[{\"seq\":1,\"seat\":\"P1\",\"turn\":1,\"action\":\"ROCK\"}]}");
            assertSummaryOnB(game);
            redis.del(key);
            assertSummaryOnB(game);
        }
        assertThat(owner(game)).as("reading on node B never took the game over").isEqualTo(owner);
        assertThat(epoch(game)).isEqualTo(epoch);
        var export = TestEnvironment.send(HttpRequest.newBuilder(B.uri("/api/games/" + game + "/export")));
        assertThat(export.statusCode()).as("the server seed stays secret while the game runs").isEqualTo(409);
    }

    private static void assertSummaryOnB(long game) {
        JsonObject summary = TestEnvironment.json(TestEnvironment.send(HttpRequest.newBuilder(B.uri("/api/games/" + game))));
        assertThat(summary.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(summary.getInt("turn")).isEqualTo(2);
        assertThat(summary.getJsonObject("score").getInt("P1")).isEqualTo(1);
        assertThat(summary.toString()).as("no pending choice in a summary").doesNotContain("SCISSORS");
    }

    @Test
    @Order(4)
    void aRowWrittenUnderAStaleEpochIsRefusedByTheDatabase() throws Exception {
        Seat p1 = Seat.signIn();
        Seat p2 = Seat.signIn();
        long game = startedOn(A, p1, p2, "RPS", 1);
        long epoch = epoch(game);
        try (Connection db = TestEnvironment.database();
             PreparedStatement insert = db.prepareStatement("INSERT INTO game_actions (game_id, player_id, action_type, "
                     + "action_data, sequence_number, owner_epoch) VALUES (?, NULL, 'MOVE', "
                     + "'{\"seat\":\"P1\",\"turn\":1,\"action\":\"ROCK\",\"timedOut\":false,\"clientSeq\":1}'::jsonb, 1, ?)")) {
            insert.setLong(1, game);
            insert.setLong(2, epoch - 1);
            try {
                insert.executeUpdate();
                throw new AssertionError("a row of a stale epoch was accepted");
            } catch (java.sql.SQLException refused) {
                assertThat(refused.getSQLState()).isEqualTo("SDF01");
            }
        }
        assertThat(SchemaIT.strings("SELECT count(*) FROM game_actions WHERE game_id = " + game)).containsExactly("0");
    }

    @Test
    @Order(5)
    void aFrozenOwnerLosesTheGameAndNothingItTriesAfterwardsReachesTheDatabase() throws Exception {
        Seat p1 = Seat.signIn();
        Seat p2 = Seat.signIn();
        long game = startedOn(B, p1, p2, "DUEL", 1);
        try (GameSocket one = seated(A, p1, game); GameSocket two = seated(A, p2, game)) {
            playTurn(game, 1, one, "ATTACK", two, "BLOCK");
            long epochOfB = epoch(game);
            int rowsBefore = rows(game);

            B.freeze();
            long frozen = System.nanoTime();
            try {
                TestEnvironment.await("node A to take the game over", Duration.ofSeconds(20),
                        () -> owner(game).startsWith("it-a"));
                System.out.printf("ClusterIT: a frozen owner's game was taken over by the other node %d ms after the freeze%n",
                        (System.nanoTime() - frozen) / 1_000_000);
                assertThat(epoch(game)).isGreaterThan(epochOfB);
                // Both players resynchronise on node A and play on.
                one.join(game);
                two.join(game);
                playTurn(game, 2, one, "ATTACK", two, "ATTACK");
            } finally {
                B.thaw();
            }
            TestEnvironment.await("node B to notice it lost the game", Duration.ofSeconds(20), () -> logOf(B)
                    .contains("game " + game + " dropped by this node"));
            JsonObject last = null;
            for (int turn = 3; last == null || last.containsKey("nextTurn"); turn++) {
                last = playTurn(game, turn, one, "ATTACK", two, "ATTACK");
            }
            one.await("game_over");
            assertThat(SchemaIT.strings("SELECT count(*) FROM game_actions WHERE game_id = " + game + " AND sequence_number > "
                    + rowsBefore + " AND owner_epoch <= " + epochOfB))
                    .as("nothing the frozen node tried after the freeze reached the database").containsExactly("0");
        }
        GamePlayIT.assertExportVerifies(game);
        assertLogIsWhole(game);
    }

    @Test
    @Order(6)
    void theOwnerKilledAfterStoringATurnsSecondChoiceHandsOverAndEveryClientHearsThatTurnOnce() throws Exception {
        Seat p1 = Seat.signIn();
        Seat p2 = Seat.signIn();
        long game = startedOn(B, p1, p2, "RPS", 3);
        GameSocket two = seated(B, p2, game);
        try (GameSocket one = seated(A, p1, game); GameSocket watcher = socket(A, Seat.signIn())) {
            watcher.watch(game);
            watcher.await("state");
            playTurn(game, 1, one, "ROCK", two, "SCISSORS");
            one.submit(game, 2, "PAPER");
            one.await("action_accepted", f -> f.getInt("turn") == 2);
            two.await("player_acted", f -> f.getInt("turn") == 2);
            long heardByTwo = highestVersion(two);
            long epochOfB = epoch(game);

            B.kill9();
            long killed = System.nanoTime();
            two.abort();
            // The cut point: P2's choice for turn 2 was stored under B's epoch, and B died before
            // anyone heard of it (the row is what B's write left behind).
            try (Connection db = TestEnvironment.database();
                 PreparedStatement insert = db.prepareStatement("INSERT INTO game_actions (game_id, player_id, action_type, "
                         + "action_data, sequence_number, owner_epoch) SELECT ?, player2_id, 'MOVE', "
                         + "'{\"seat\":\"P2\",\"turn\":2,\"action\":\"PAPER\",\"timedOut\":false,\"clientSeq\":2}'::jsonb, "
                         + "(SELECT max(sequence_number) + 1 FROM game_actions WHERE game_id = ?), ? FROM games WHERE id = ?")) {
                insert.setLong(1, game);
                insert.setLong(2, game);
                insert.setLong(3, epochOfB);
                insert.setLong(4, game);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }

            TestEnvironment.await("node A to take the game over", Duration.ofSeconds(20), () -> owner(game).startsWith("it-a"));
            long takeover = (System.nanoTime() - killed) / 1_000_000;
            System.out.printf("ClusterIT: the game of an owner killed with kill -9 was taken over by the other node %d ms later%n",
                    takeover);

            JsonObject result = one.await("turn_result", f -> f.getInt("turn") == 2, Duration.ofSeconds(20));
            assertThat(result.getJsonObject("moves").getString("P2")).as("the stored choice, a tie").isEqualTo("PAPER");
            assertThat(watcher.await("turn_result", f -> f.getInt("turn") == 2, Duration.ofSeconds(20))).isEqualTo(result);
            try (GameSocket back = socket(A, p2)) {
                back.join(game, heardByTwo);
                assertThat(back.await("turn_result", f -> f.getInt("turn") == 2)).isEqualTo(result);
                JsonObject state = back.await("state");
                assertThat(state.getInt("lastClientSeq")).isEqualTo(2);
                one.submit(game, 3, "PAPER");
                one.await("action_accepted", f -> f.getInt("turn") == 3);
                back.submit(game, 3, 3, "ROCK");
                back.await("action_accepted", f -> f.getInt("turn") == 3);
                assertThat(back.await("game_over").getString("outcome")).isEqualTo("P1");
                for (GameSocket socket : List.of(one, watcher, back)) {
                    assertThat(socket.received().stream().filter(f -> "turn_result".equals(f.getString("type"))
                            && f.getInt("turn") == 2)).as("turn 2 was told exactly once").hasSize(1);
                }
            }
            one.await("game_over");
        }
        GamePlayIT.assertExportVerifies(game);
        assertLogIsWhole(game);
    }

    // ---- helpers ----

    private record Seat(TestWallet wallet, String token) {
        static Seat signIn() {
            TestWallet wallet = TestWallet.random();
            return new Seat(wallet, wallet.signIn());
        }
    }

    /** A private challenge created on node A and joined on {@code joinOn}: the joining node starts (and owns) it. */
    private static long startedOn(LibertyNode joinOn, Seat p1, Seat p2, String type, int bestOf) {
        HttpResponse<String> created = post(A, "/api/games", "{\"gameType\":\"" + type + "\",\"bestOf\":" + bestOf + "}", p1.token());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject game = TestEnvironment.json(created);
        HttpResponse<String> joined = post(joinOn, "/api/games/join", "{\"inviteCode\":\"" + game.getString("inviteCode") + "\"}",
                p2.token());
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        return game.getJsonNumber("gameId").longValue();
    }

    private static HttpResponse<String> post(LibertyNode node, String path, String json, String token) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static GameSocket socket(LibertyNode node, Seat seat) {
        return GameSocket.connect(URI.create(node.wsUrl()), seat.token());
    }

    /** A player's socket to {@code node}, joined to the game and past its first state. */
    private static GameSocket seated(LibertyNode node, Seat seat, long game) {
        GameSocket socket = socket(node, seat);
        socket.join(game);
        socket.await("state");
        return socket;
    }

    private static JsonObject playTurn(long game, int turn, GameSocket one, String a1, GameSocket two, String a2) {
        one.submit(game, turn, a1);
        one.await("action_accepted", f -> f.getInt("turn") == turn);
        two.submit(game, turn, a2);
        two.await("action_accepted", f -> f.getInt("turn") == turn);
        JsonObject result = one.await("turn_result", f -> f.getInt("turn") == turn);
        assertThat(two.await("turn_result", f -> f.getInt("turn") == turn)).isEqualTo(result);
        return result;
    }

    private static String owner(long game) {
        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            String owner = redis.get("game:" + game + ":owner");
            return owner == null ? "" : owner;
        }
    }

    private static List<String> query(String sql) {
        try {
            return SchemaIT.strings(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long epoch(long game) throws Exception {
        return Long.parseLong(SchemaIT.strings("SELECT owner_epoch FROM games WHERE id = " + game).get(0));
    }

    private static int rows(long game) throws Exception {
        return Integer.parseInt(SchemaIT.strings("SELECT count(*) FROM game_actions WHERE game_id = " + game).get(0));
    }

    /** The action log is whole: sequences 1..n with no gap or double, epochs never going back. */
    private static void assertLogIsWhole(long game) throws Exception {
        List<String> rows = SchemaIT.strings("SELECT sequence_number || ' ' || owner_epoch FROM game_actions WHERE game_id = "
                + game + " ORDER BY id");
        long lastEpoch = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i).split(" ");
            assertThat(Integer.parseInt(row[0])).as("row %d of %s", i, rows).isEqualTo(i + 1);
            assertThat(Long.parseLong(row[1])).as("epochs never go back: %s", rows).isGreaterThanOrEqualTo(lastEpoch);
            lastEpoch = Long.parseLong(row[1]);
        }
    }

    private static String logOf(LibertyNode node) {
        try {
            return Files.readString(node.messagesLog());
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static List<JsonObject> versioned(GameSocket socket) {
        return socket.received().stream().filter(f -> f.containsKey("version") && !"state".equals(f.getString("type")))
                .toList();
    }

    private static long highestVersion(GameSocket socket) {
        return socket.received().stream().filter(f -> f.containsKey("version"))
                .mapToLong(f -> f.getJsonNumber("version").longValue()).max().orElse(0);
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            values.add(v);
        }
        return values;
    }

    private static double pct(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1e6;
    }

}
