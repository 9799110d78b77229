package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Bans (SPEC §4: a banned player cannot queue, join or connect; the ban takes effect at once),
 * through the real servers: the admin API, the sockets a ban closes on both nodes, and every
 * refusal afterwards, until the ban is lifted.
 */
class BanIT {

    private static final LibertyNode A = LibertyNode.a();
    private static final LibertyNode B = LibertyNode.b();
    private static final int GRACE_SECONDS = 4;
    private static String admin;
    private static boolean startedNodeB;

    @BeforeAll
    static void signInTheAdmin() {
        admin = TestWallet.admin().signIn();
    }

    @AfterAll
    static void stopNodeBIfStartedHere() {
        if (startedNodeB) {
            B.stop();
        }
    }

    @Test
    void aBanClosesThePlayersSocketsOnBothNodesAtOnceAndRefusesWhatTheyDoUntilItIsLifted() throws Exception {
        if (!B.isRunning()) {
            B.start();
            startedNodeB = true;
        }
        TestWallet wallet = TestWallet.random();
        String token = wallet.signIn();
        String opponentsInvite = TestEnvironment.json(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}",
                TestWallet.random().signIn())).getString("inviteCode");
        GameSocket onA = GameSocket.connect(token);
        GameSocket onB = GameSocket.connect(URI.create(B.wsUrl()), token);

        long before = System.nanoTime();
        var banned = ban(wallet.address(), "{\"reason\":\"collusion in game 42 — ticket #7\"}", admin);
        assertThat(banned.statusCode()).as(banned.body()).isEqualTo(200);
        JsonObject state = TestEnvironment.json(banned);
        assertThat(state.getString("walletAddress")).isEqualTo(wallet.address());
        assertThat(state.getBoolean("banned")).isTrue();
        assertThat(state.getString("reason")).isEqualTo("collusion in game 42 — ticket #7");
        assertThat(state.getString("bannedAt")).isNotBlank();

        assertThat(onA.awaitClose()).isEqualTo(new GameSocket.Closed(1008, "player-banned"));
        assertThat(onB.awaitClose()).as("the node that did not serve the ban closes too").isEqualTo(new GameSocket.Closed(1008, "player-banned"));
        long closedWithin = Duration.ofNanos(System.nanoTime() - before).toMillis();
        System.out.printf("BanIT: both sockets closed %d ms after the ban request was sent%n", closedWithin);
        assertThat(closedWithin).as("at once").isLessThan(3000);
        assertThat(Files.readString(A.messagesLog())).as("the admin action is logged with who, whom and why")
                .contains("admin " + TestWallet.admin().address() + " banned player " + wallet.address()
                        + ", reason: collusion in game 42 — ticket #7");

        // Every door is closed, with the same code; reads stay open.
        assertThat(GameSocket.refusedHandshakeStatus(GameSocket.ENDPOINT, token)).isEqualTo(403);
        assertThat(GameSocket.refusedHandshakeStatus(URI.create(B.wsUrl()), token)).isEqualTo(403);
        var handshake = TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/ws/game"))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(handshake.statusCode()).as(handshake.body()).isEqualTo(403);
        assertThat(handshake.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(TestEnvironment.json(handshake).getString("code")).isEqualTo("player-banned");
        long gamesBefore = gamesOf(wallet.address());
        assertProblem(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}", token), 403, "player-banned");
        assertProblem(GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + opponentsInvite + "\"}", token), 403, "player-banned");
        assertThat(gamesOf(wallet.address())).as("a refused create or join writes nothing").isEqualTo(gamesBefore);
        assertProblem(signIn(wallet), 403, "player-banned");
        assertThat(TestEnvironment.get("/api/players/" + wallet.address()).statusCode()).as("the public profile").isEqualTo(200);
        assertThat(TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/me"))
                .header("Authorization", "Bearer " + token).GET()).statusCode()).as("their own profile").isEqualTo(200);

        var lifted = unban(wallet.address(), admin);
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(204);
        assertThat(SchemaIT.strings("SELECT (banned_at IS NULL) || ' ' || (ban_reason IS NULL) FROM players WHERE wallet_address = '"
                + wallet.address() + "'")).containsExactly("true true");
        assertThat(signIn(wallet).statusCode()).as("signing in again").isEqualTo(200);
        try (GameSocket again = GameSocket.connect(token); GameSocket againOnB = GameSocket.connect(URI.create(B.wsUrl()), token)) {
            assertThat(again.isClosed()).isFalse();
            assertThat(againOnB.isClosed()).as("node B forgot the ban it heard of").isFalse();
        }
        assertThat(GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + opponentsInvite + "\"}", token).statusCode()).isEqualTo(200);
        assertThat(unban(wallet.address(), admin).statusCode()).as("lifting no ban changes nothing").isEqualTo(204);
    }

    @Test
    void aPlayerBannedInAGameIsDisconnectedAndForfeitsWhenTheReconnectGraceRunsOut() throws Exception {
        TestWallet p1Wallet = TestWallet.random();
        TestWallet p2Wallet = TestWallet.random();
        String p1 = p1Wallet.signIn();
        String p2 = p2Wallet.signIn();
        JsonObject created = TestEnvironment.json(GameApiIT.post("/api/games", "{\"gameType\":\"DUEL\"}", p1));
        long game = created.getJsonNumber("gameId").longValue();
        assertThat(GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + created.getString("inviteCode") + "\"}", p2)
                .statusCode()).isEqualTo(200);
        try (GameSocket one = GameSocket.connect(p1); GameSocket two = GameSocket.connect(p2)) {
            one.join(game);
            one.await("state");
            two.join(game);
            two.await("state");

            assertThat(ban(p2Wallet.address(), "{\"reason\":\"abuse\"}", admin).statusCode()).isEqualTo(200);
            assertThat(two.awaitClose()).isEqualTo(new GameSocket.Closed(1008, "player-banned"));
            assertThat(one.await("player_disconnected").getString("seat")).isEqualTo("P2");
            one.submit(game, 1, "BLOCK");
            JsonObject over = one.await("game_over", f -> true, Duration.ofSeconds(GRACE_SECONDS + 8));
            assertThat(over.getString("reason")).isEqualTo("FORFEIT");
            assertThat(over.getString("winner")).isEqualTo(p1Wallet.address());
            assertThat(over.getJsonArray("forfeits").getJsonObject(0).getString("cause")).isEqualTo("ABSENT");
        }
        assertThat(SchemaIT.strings("SELECT status::text FROM games WHERE id = " + game)).containsExactly("COMPLETED");
    }

    @Test
    void aBanWrittenWhileRedisIsDownRefusesJoinGameOnTheOpenSocketAndClosesItOnceRedisIsBack() throws Exception {
        String token = TestWallet.random().signIn();
        TestWallet wallet = TestWallet.random();
        String bannedToken = wallet.signIn();
        JsonObject created = TestEnvironment.json(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}", token));
        long game = created.getJsonNumber("gameId").longValue();
        assertThat(GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + created.getString("inviteCode") + "\"}", bannedToken)
                .statusCode()).isEqualTo(200);
        try (GameSocket socket = GameSocket.connect(bannedToken)) {
            try (Jedis jedis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
                jedis.shutdown();
            } catch (RuntimeException connectionClosedByShutdown) {
                // SHUTDOWN closes the connection instead of answering.
            }
            TestEnvironment.await("Redis to stop", Duration.ofSeconds(10), () -> !ReadinessIT.redisAnswers());

            assertThat(ban(wallet.address(), "{\"reason\":\"banned during a Redis outage\"}", admin).statusCode())
                    .as("the ban is written to PostgreSQL without Redis").isEqualTo(200);
            Thread.sleep(1000);
            assertThat(socket.isClosed()).as("no node heard of the ban: the open socket stays open").isFalse();
            socket.join(game);
            JsonObject refused = socket.await("error");
            assertThat(refused.getString("code")).isEqualTo("player-banned");
            assertThat(refused.getJsonNumber("gameId").longValue()).isEqualTo(game);
            assertThat(socket.received()).noneMatch(frame -> "state".equals(frame.getString("type")));
            assertThat(GameSocket.refusedHandshakeStatus(GameSocket.ENDPOINT, bannedToken)).isEqualTo(403);

            // Once Redis is back, the node listens again, checks its connected players and closes the socket.
            ReadinessIT.startRedis();
            assertThat(socket.awaitClose()).isEqualTo(new GameSocket.Closed(1008, "player-banned"));
        }
    }

    @AfterEach
    void redisIsRunningAgain() throws Exception {
        if (!ReadinessIT.redisAnswers()) {
            ReadinessIT.startRedis();
        }
    }

    @Test
    void onlyAnAdminMayBanAndEveryRefusedRequestChangesNothing() throws Exception {
        TestWallet wallet = TestWallet.random();
        wallet.signIn();
        String player = TestWallet.random().signIn();

        assertProblem(ban(wallet.address(), "{\"reason\":\"spite\"}", player), 403, "forbidden");
        assertProblem(unban(wallet.address(), player), 403, "forbidden");
        assertThat(ban(wallet.address(), "{\"reason\":\"spite\"}", null).statusCode()).isEqualTo(401);
        assertThat(unban(wallet.address(), null).statusCode()).isEqualTo(401);

        assertProblem(ban(TestWallet.random().address(), "{\"reason\":\"who?\"}", admin), 404, "player-not-found");
        assertProblem(unban(TestWallet.random().address(), admin), 404, "player-not-found");
        assertProblem(ban("not-a-wallet", "{\"reason\":\"x\"}", admin), 400, "invalid-wallet-address");
        for (String body : List.of("{}", "{\"reason\":\"\"}", "{\"reason\":\"   \"}", "{\"reason\":\"" + "x".repeat(201) + "\"}",
                "{\"reason\":\"line\\nbreak\"}", "{\"reason\":\"tab\\tin\"}")) {
            assertProblem(ban(wallet.address(), body, admin), 400, "invalid-request");
        }
        assertProblem(ban(wallet.address(), "{\"reason\":42}", admin), 400, "invalid-type");
        assertProblem(ban(wallet.address(), "{\"reason\":", admin), 400, "malformed-body");
        assertProblem(ban(wallet.address(), "{\"reason\":\"\\u2003\"}", admin), 400, "invalid-ban-reason");

        assertThat(SchemaIT.strings("SELECT (banned_at IS NULL) || ' ' || (ban_reason IS NULL) FROM players WHERE wallet_address = '"
                + wallet.address() + "'")).as("no refused request wrote a ban").containsExactly("true true");
        assertThat(signIn(wallet).statusCode()).isEqualTo(200);
        assertThat(ban(wallet.address(), "{\"reason\":\"" + "y".repeat(200) + "\"}", admin).statusCode())
                .as("200 characters is the limit, not over it").isEqualTo(200);
    }

    private static HttpResponse<String> ban(String wallet, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/admin/players/" + wallet + "/ban"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestEnvironment.send(request);
    }

    private static HttpResponse<String> unban(String wallet, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/admin/players/" + wallet + "/ban"))
                .DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestEnvironment.send(request);
    }

    /** The whole sign-in (nonce, signature, verify), answering verify's response. */
    private static HttpResponse<String> signIn(TestWallet wallet) {
        var nonce = TestEnvironment.post("/api/auth/nonce", Json.createObjectBuilder().add("wallet", wallet.address()).build().toString());
        assertThat(nonce.statusCode()).as(nonce.body()).isEqualTo(200);
        String message = TestEnvironment.json(nonce).getString("message");
        return TestEnvironment.post("/api/auth/verify", Json.createObjectBuilder()
                .add("wallet", wallet.address()).add("signature", wallet.sign(message)).build().toString());
    }

    private static long gamesOf(String wallet) throws SQLException {
        return Long.parseLong(SchemaIT.strings("SELECT count(*) FROM games g JOIN players p ON p.id IN (g.player1_id, g.player2_id) "
                + "WHERE p.wallet_address = '" + wallet + "'").get(0));
    }
}
