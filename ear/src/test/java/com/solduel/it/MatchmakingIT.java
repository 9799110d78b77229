package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Matchmaking through the real server (docs/matchmaking.md): queues over the game socket and REST,
 * pairing by rating with a widening range, refusals, expiry, the reconnect grace and a Redis
 * restart. The test server widens the rated range by 100 a second (±50 at first, cap 400), expires
 * entries after 10 s and has a 4 s reconnect grace (ear/pom.xml). Each test gives its players a
 * rating band of its own (player_ratings rows), so tests never pair each other's players.
 */
class MatchmakingIT {

    private static final Duration MATCH_WAIT = Duration.ofSeconds(10);

    @Test
    void twoCloseRatedPlayersAreMatchedOverTheSocketAndPlayTheGameToTheEnd() throws Exception {
        Player alice = Player.rated("RPS", 2000);
        Player bob = Player.rated("RPS", 2010);
        try (GameSocket a = GameSocket.connect(alice.token()); GameSocket b = GameSocket.connect(bob.token())) {
            a.send(queueJoin("RPS", "\"clientSeed\":\"alice-seed\""));
            JsonObject status = a.await("queue_status");
            assertThat(status.getString("bucket")).isEqualTo("RPS:0:rated");
            assertThat(status.getInt("rating")).isEqualTo(2000);
            assertThat(status.getJsonObject("range").getInt("min")).isEqualTo(1950);
            assertThat(status.getJsonObject("range").getInt("max")).isEqualTo(2050);
            b.send(queueJoin("RPS", ""));
            b.await("queue_status");

            JsonObject foundA = a.await("match_found", f -> true, MATCH_WAIT);
            JsonObject foundB = b.await("match_found", f -> true, MATCH_WAIT);
            long gameId = foundA.getJsonNumber("gameId").longValue();
            assertThat(foundB.getJsonNumber("gameId").longValue()).isEqualTo(gameId);
            assertThat(foundA.getString("yourSeat")).as("the longer waiting player sits in P1").isEqualTo("P1");
            assertThat(foundB.getString("yourSeat")).isEqualTo("P2");
            assertThat(foundA.getJsonObject("opponent").getString("wallet")).isEqualTo(bob.wallet().address());
            assertThat(foundA.getJsonObject("opponent").getInt("rating")).isEqualTo(2010);
            assertThat(foundB.getJsonObject("opponent").getInt("rating")).isEqualTo(2000);
            assertThat(foundA.getBoolean("rated")).isTrue();
            assertThat(foundA.getInt("bestOf")).isEqualTo(1);

            a.join(gameId);
            assertThat(a.await("state").getJsonObject("clientSeeds").getString("P1")).isEqualTo("alice-seed");
            b.join(gameId);
            b.await("state");
            a.submit(gameId, 1, "ROCK");
            b.submit(gameId, 1, "SCISSORS");
            JsonObject over = a.await("game_over");
            assertThat(over.getString("winner")).isEqualTo(alice.wallet().address());
            b.await("game_over");
        }
        try (Connection db = TestEnvironment.database();
             PreparedStatement select = db.prepareStatement("SELECT status, rated, match_id FROM games WHERE id = "
                     + "(SELECT MAX(g.id) FROM games g JOIN players p ON p.id = g.player1_id WHERE p.wallet_address = ?)")) {
            select.setString(1, alice.wallet().address());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("status")).isEqualTo("COMPLETED");
                assertThat(row.getBoolean("rated")).isTrue();
                assertThat(row.getString("match_id")).isNotBlank();
            }
        }
        assertThat(status(alice).statusCode()).as("the matched ticket stays readable").isEqualTo(200);
    }

    @Test
    void farApartRatingsAreMatchedOnlyOnceTheRangeWidened() {
        Player low = Player.rated("RPS", 3000);
        Player high = Player.rated("RPS", 3250);
        try (GameSocket a = GameSocket.connect(low.token()); GameSocket b = GameSocket.connect(high.token())) {
            a.send(queueJoin("RPS", ""));
            a.await("queue_status");
            b.send(queueJoin("RPS", ""));
            long joined = b.await("queue_status").getJsonNumber("joinedAt").longValue();

            // ±250 is reached after 2 s (+100 a second from ±50): no match before; the widened range is pushed.
            JsonObject widened = b.await("queue_status", f -> f.getJsonObject("range").getInt("min") < 3200, MATCH_WAIT);
            assertThat(widened.getJsonNumber("joinedAt").longValue()).isEqualTo(joined);
            JsonObject found = a.await("match_found", f -> true, MATCH_WAIT);
            long matchedAfter = System.currentTimeMillis() - joined;
            assertThat(matchedAfter).as("ms from the later join to the match").isGreaterThanOrEqualTo(2_000);
            assertThat(found.getJsonObject("opponent").getInt("rating")).isEqualTo(3250);
            assertThat(a.received()).filteredOn(f -> f.getString("type").equals("match_found")).hasSize(1);
            b.await("match_found");
        }
    }

    @Test
    void restJoinStatusAndLeaveAndEveryRefusalWritesNothing() {
        Player carol = Player.rated("DUEL", 4000);
        assertThat(post(carol, "{\"gameType\":\"DUEL\",\"wager\":1.5}").statusCode()).isEqualTo(400);
        HttpResponse<String> notOffered = post(carol, "{\"gameType\":\"DUEL\",\"wager\":5}");
        assertThat(notOffered.statusCode()).isEqualTo(400);
        assertThat(TestEnvironment.json(notOffered).getString("code")).isEqualTo("wager-not-offered");
        assertThat(TestEnvironment.json(notOffered).getString("detail"))
                .contains("offered: 0, 10000000, 50000000, 100000000, 1000000000");
        assertThat(code(post(carol, "{\"gameType\":\"DUEL\",\"rated\":\"yes\"}"))).isEqualTo("invalid-type");
        assertThat(code(post(carol, "{\"gameType\":\"CHESS\"}"))).isEqualTo("invalid-request");
        assertThat(ticketExists(carol)).as("refused joins write no key").isFalse();
        assertThat(code(status(carol))).isEqualTo("not-queued");

        HttpResponse<String> joined = post(carol, "{\"gameType\":\"duel\",\"wager\":0,\"rated\":true}");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        JsonObject status = TestEnvironment.json(joined);
        assertThat(status.getString("status")).isEqualTo("QUEUED");
        assertThat(status.getString("bucket")).isEqualTo("DUEL:0:rated");
        assertThat(status.getInt("position")).isEqualTo(1);
        assertThat(status.getString("via")).isEqualTo("REST");
        assertThat(code(post(carol, "{\"gameType\":\"RPS\"}"))).isEqualTo("already-queued");
        try (GameSocket socket = GameSocket.connect(carol.token())) {
            socket.send(queueJoin("DUEL", ""));
            assertThat(socket.await("error").getString("code")).isEqualTo("already-queued");
        }
        JsonObject read = TestEnvironment.json(status(carol));
        assertThat(read.getJsonNumber("joinedAt").longValue()).isEqualTo(status.getJsonNumber("joinedAt").longValue());
        assertThat(read.getJsonObject("range").getInt("max")).isGreaterThanOrEqualTo(4050);

        assertThat(delete(carol).statusCode()).isEqualTo(204);
        assertThat(code(delete(carol))).isEqualTo("not-queued");
        assertThat(status(carol).statusCode()).isEqualTo(404);
        assertThat(ticketExists(carol)).isFalse();
    }

    @Test
    void aBannedPlayerAndAPlayerInAGameCannotQueue() throws Exception {
        Player banned = Player.rated("RPS", 4500);
        try (Connection db = TestEnvironment.database();
             PreparedStatement ban = db.prepareStatement("UPDATE players SET banned_at = now(), ban_reason = 'MatchmakingIT' "
                     + "WHERE wallet_address = ?")) {
            ban.setString(1, banned.wallet().address());
            assertThat(ban.executeUpdate()).isEqualTo(1);
        }
        HttpResponse<String> refused = post(banned, "{\"gameType\":\"RPS\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("player-banned");
        assertThat(ticketExists(banned)).isFalse();

        Player p1 = Player.rated("RPS", 4600);
        Player p2 = Player.rated("RPS", 4600);
        var created = GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"bestOf\":5}", p1.token());
        assertThat(created.statusCode()).isEqualTo(201);
        var joined = GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + TestEnvironment.json(created).getString("inviteCode")
                + "\"}", p2.token());
        assertThat(joined.statusCode()).isEqualTo(200);
        HttpResponse<String> playing = post(p2, "{\"gameType\":\"RPS\"}");
        assertThat(playing.statusCode()).isEqualTo(409);
        assertThat(code(playing)).isEqualTo("already-in-game");
        try (GameSocket socket = GameSocket.connect(p1.token())) {
            socket.send(queueJoin("DUEL", ""));
            assertThat(socket.await("error").getString("code")).isEqualTo("already-in-game");
        }
        assertThat(ticketExists(p1)).isFalse();
        assertThat(ticketExists(p2)).isFalse();
    }

    @Test
    void aPlayersTwoSocketsAreNeverMatchedWithEachOtherAndBothHearTheirMatch() {
        Player dave = Player.rated("RPS", 5000);
        Player erin = Player.rated("RPS", 5000);
        try (GameSocket first = GameSocket.connect(dave.token()); GameSocket second = GameSocket.connect(dave.token())) {
            first.send(queueJoin("RPS", ""));
            first.await("queue_status");
            second.send(queueJoin("RPS", ""));
            assertThat(second.await("error").getString("code")).isEqualTo("already-queued");
            sleep(1_500);
            assertThat(first.received()).noneMatch(f -> f.getString("type").equals("match_found"));
            assertThat(second.received()).noneMatch(f -> f.getString("type").equals("match_found"));

            assertThat(post(erin, "{\"gameType\":\"RPS\"}").statusCode()).isEqualTo(201);
            JsonObject found = first.await("match_found", f -> true, MATCH_WAIT);
            assertThat(second.await("match_found", f -> true, MATCH_WAIT).getJsonNumber("gameId"))
                    .isEqualTo(found.getJsonNumber("gameId"));
            assertThat(found.getJsonObject("opponent").getString("wallet")).isEqualTo(erin.wallet().address());
            TestEnvironment.await("erin's REST status to show the game", MATCH_WAIT, () -> {
                HttpResponse<String> status = status(erin);
                return status.statusCode() == 200 && "MATCHED".equals(TestEnvironment.json(status).getString("status"));
            });
            JsonObject matched = TestEnvironment.json(status(erin));
            assertThat(matched.getJsonNumber("gameId")).isEqualTo(found.getJsonNumber("gameId"));
            assertThat(matched.getJsonObject("match").getString("yourSeat")).isEqualTo("P2");
            assertThat(code(delete(erin))).isEqualTo("already-matched");
        }
    }

    @Test
    void anEntryExpiresAfterItsLifetimeAndASocketIsToldSo() {
        Player rest = Player.rated("DUEL", 6000);
        Player socketPlayer = Player.rated("DUEL", 6500);
        assertThat(post(rest, "{\"gameType\":\"DUEL\"}").statusCode()).isEqualTo(201);
        try (GameSocket socket = GameSocket.connect(socketPlayer.token())) {
            socket.send(queueJoin("DUEL", ""));
            socket.await("queue_status");
            JsonObject left = socket.await("queue_left", f -> true, Duration.ofSeconds(15));
            assertThat(left.getString("reason")).isEqualTo("expired");
        }
        assertThat(code(status(rest))).isEqualTo("not-queued");
        assertThat(ticketExists(rest)).isFalse();
        // The socket hears of its own expiry from its node's watcher (each second); the REST player's bucket
        // entry goes at the next pairing pass after its lifetime, which may come a moment later.
        TestEnvironment.await("the expired REST entry to leave its bucket", Duration.ofSeconds(5), () -> {
            try (Jedis redis = redis()) {
                return redis.zscore("matchmaking:queue:{DUEL:0:rated}", rest.wallet().address()) == null;
            }
        });
    }

    @Test
    void aSocketPlayerWhoReturnsWithinTheGraceStaysQueuedAndOneWhoDoesNotIsRemoved() {
        Player returning = Player.rated("RPS", 7000);
        Player gone = Player.rated("RPS", 7500);
        GameSocket r = GameSocket.connect(returning.token());
        r.send(queueJoin("RPS", ""));
        long joinedAt = r.await("queue_status").getJsonNumber("joinedAt").longValue();
        GameSocket g = GameSocket.connect(gone.token());
        g.send(queueJoin("RPS", ""));
        g.await("queue_status");
        r.close();
        g.close();
        sleep(1_500);
        try (GameSocket back = GameSocket.connect(returning.token())) {
            sleep(5_000); // past the 4 s grace
            HttpResponse<String> status = status(returning);
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            assertThat(TestEnvironment.json(status).getJsonNumber("joinedAt").longValue()).isEqualTo(joinedAt);
            back.await("queue_status", f -> f.getJsonNumber("joinedAt").longValue() == joinedAt, MATCH_WAIT);
            assertThat(code(status(gone))).isEqualTo("not-queued");
            assertThat(delete(returning).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void afterRedisLostItsDataSocketPlayersAreQueuedAgainWithTheirJoinTimeAndRestPlayersMustRejoin() throws Exception {
        Player socketPlayer = Player.rated("DUEL", 8000);
        Player restPlayer = Player.rated("DUEL", 8500);
        assertThat(post(restPlayer, "{\"gameType\":\"DUEL\"}").statusCode()).isEqualTo(201);
        try (GameSocket socket = GameSocket.connect(socketPlayer.token())) {
            socket.send(queueJoin("DUEL", ""));
            long joinedAt = socket.await("queue_status").getJsonNumber("joinedAt").longValue();
            try (Jedis redis = redis()) {
                redis.shutdown();
            } catch (RuntimeException closedUnderUs) {
                // SHUTDOWN closes the connection
            }
            TestEnvironment.await("Redis to stop", Duration.ofSeconds(10), () -> !ReadinessIT.redisAnswers());
            ReadinessIT.startRedis();

            JsonObject rejoined = socket.await("queue_status", f -> f.getBoolean("rejoined", false), Duration.ofSeconds(15));
            assertThat(rejoined.getJsonNumber("joinedAt").longValue()).isEqualTo(joinedAt);
            JsonObject status = TestEnvironment.json(status(socketPlayer));
            assertThat(status.getJsonNumber("joinedAt").longValue()).isEqualTo(joinedAt);
            assertThat(status.getString("via")).isEqualTo("WS");
            assertThat(code(status(restPlayer))).isEqualTo("not-queued");
            assertThat(delete(socketPlayer).statusCode()).isEqualTo(204);
        }
    }

    // ---- helpers ----

    private static String queueJoin(String gameType, String more) {
        return "{\"type\":\"queue_join\",\"gameType\":\"" + gameType + "\",\"wager\":0,\"rated\":true"
                + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static HttpResponse<String> post(Player player, String body) {
        return GameApiIT.post("/api/matchmaking/queue", body, player.token());
    }

    private static HttpResponse<String> status(Player player) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/matchmaking/queue"))
                .header("Authorization", "Bearer " + player.token()).GET());
    }

    private static HttpResponse<String> delete(Player player) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/matchmaking/queue"))
                .header("Authorization", "Bearer " + player.token()).DELETE());
    }

    private static String code(HttpResponse<String> response) {
        return TestEnvironment.json(response).getString("code");
    }

    private static boolean ticketExists(Player player) {
        try (Jedis redis = redis()) {
            return redis.exists("matchmaking:{" + player.wallet().address() + "}");
        }
    }

    private static Jedis redis() {
        return new Jedis("127.0.0.1", TestEnvironment.redisPort());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A signed-in player whose rating for {@code gameType} is {@code rating}. */
    record Player(TestWallet wallet, String token) {
        static Player rated(String gameType, int rating) {
            TestWallet wallet = TestWallet.random();
            Player player = new Player(wallet, wallet.signIn());
            try (Connection db = TestEnvironment.database();
                 PreparedStatement insert = db.prepareStatement("INSERT INTO player_ratings (player_id, game_type, rating) "
                         + "SELECT id, CAST(? AS game_type_enum), ? FROM players WHERE wallet_address = ?")) {
                insert.setString(1, gameType);
                insert.setInt(2, rating);
                insert.setString(3, wallet.address());
                assertThat(insert.executeUpdate()).isEqualTo(1);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            return player;
        }
    }
}
