package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.auth.JwtIssuer;
import com.solduel.auth.TokenKey;
import com.solduel.game.verify.GameExportJson;
import com.solduel.game.verify.VerificationReport;
import com.solduel.game.verify.Verifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Live play over the game socket ({@code /ws/game}) against the real server: whole games, what
 * players and spectators see, refusals, limits, reconnects and forfeits. The test server runs a
 * 3 s turn timer and a 4 s reconnect grace (ear/pom.xml).
 */
class GamePlayIT {

    private static final int TURN_SECONDS = 3;
    private static final int GRACE_SECONDS = 4;

    @Test
    void rpsBestOfThreeIsPlayedToTheEndAndASpectatorNeverSeesAChoiceBeforeTheReveal() throws Exception {
        Table table = Table.challenge("RPS", 3);
        try (GameSocket p1 = GameSocket.connect(table.p1().token());
             GameSocket p2 = GameSocket.connectWithQueryToken(table.p2().token());
             GameSocket spectator = GameSocket.connect(Player.signIn().token())) {
            JsonObject p1State = join(p1, table.gameId());
            assertThat(p1State.getString("seat")).isEqualTo("P1");
            assertThat(p1State.getInt("turn")).isEqualTo(1);
            assertThat(p1State.getBoolean("finished")).isFalse();
            assertThat(p1State.getString("serverSeedSha256")).isEqualTo(table.serverSeedSha256());
            assertThat(p1State.getJsonObject("players").getString("P2")).isEqualTo(table.p2().wallet().address());
            assertThat(join(p2, table.gameId()).getString("seat")).isEqualTo("P2");

            // Turn 1: P1 chooses; the spectator arrives while that choice is pending and must not see it.
            p1.submit(table.gameId(), 1, "ROCK");
            assertThat(p1.await("action_accepted").getString("action")).isEqualTo("ROCK");
            JsonObject acted = p2.await("player_acted");
            assertThat(acted.getString("seat")).isEqualTo("P1");
            assertThat(acted.getInt("turn")).isEqualTo(1);
            spectator.watch(table.gameId());
            JsonObject watched = spectator.await("state");
            assertThat(watched.get("seat")).isEqualTo(JsonValue.NULL);
            assertThat(perSeat(watched.getJsonObject("view").getJsonObject("hasChosen"), "P1")).isEqualTo(JsonValue.TRUE);
            assertThat(watched.getJsonObject("view").get("yourChoice")).isIn(null, JsonValue.NULL);
            assertThat(reveals(watched, "ROCK")).as("spectator's snapshot %s", watched).isFalse();
            p2.submit(table.gameId(), 1, "ROCK");
            JsonObject tie = turnResult(1, p1, p2, spectator);
            assertThat(tie.getJsonObject("moves")).isEqualTo(Json.createObjectBuilder().add("P1", "ROCK").add("P2", "ROCK").build());
            assertThat(tie.getJsonObject("score").getInt("P1")).isZero();

            assertThat(playTurn(table.gameId(), 2, p1, "ROCK", p2, "SCISSORS", spectator).getJsonObject("score").getInt("P1"))
                    .isEqualTo(1);

            // Turn 3: between P1's choice and the reveal, neither P2 nor the spectator learns it.
            int p2Before = p2.received().size();
            int spectatorBefore = spectator.received().size();
            p1.submit(table.gameId(), 3, "PAPER");
            p1.await("action_accepted", f -> f.getInt("turn") == 3);
            p2.await("player_acted", f -> f.getInt("turn") == 3);
            spectator.await("player_acted", f -> f.getInt("turn") == 3);
            p2.submit(table.gameId(), 3, "ROCK");
            turnResult(3, p1, p2, spectator);
            assertThat(framesBeforeTheReveal(p2, p2Before, 3)).isNotEmpty().noneMatch(f -> reveals(f, "PAPER"));
            assertThat(framesBeforeTheReveal(spectator, spectatorBefore, 3)).isNotEmpty().noneMatch(f -> reveals(f, "PAPER"));
            assertThat(spectator.received()).noneMatch(f -> "action_accepted".equals(f.getString("type")));

            for (GameSocket socket : List.of(p1, p2, spectator)) {
                JsonObject over = socket.await("game_over");
                assertThat(over.getString("outcome")).isEqualTo("P1");
                assertThat(over.getString("reason")).isEqualTo("ROUNDS_WON");
                assertThat(over.getString("winner")).isEqualTo(table.p1().wallet().address());
                assertThat(sha256Hex(HexFormat.of().parseHex(over.getString("serverSeed"))))
                        .as("the revealed seed matches the commitment published at creation")
                        .isEqualTo(table.serverSeedSha256());
            }
        }
        assertThat(TestEnvironment.json(TestEnvironment.get("/api/games/" + table.gameId())).getString("status"))
                .isEqualTo("COMPLETED");
        assertExportVerifies(table.gameId());
    }

    @Test
    void aDuelIsFoughtToTheEndAndAMissedTurnPlaysTheDefaultAction() throws Exception {
        Table table = Table.challenge("DUEL", 1);
        try (GameSocket p1 = GameSocket.connect(table.p1().token());
             GameSocket p2 = GameSocket.connect(table.p2().token())) {
            JsonObject state = join(p1, table.gameId());
            assertThat(state.getString("gameType")).isEqualTo("DUEL");
            assertThat(perSeat(state.getJsonObject("view").getJsonObject("board").getJsonObject("fighters"), "P1")
                    .asJsonObject().getInt("hp")).isEqualTo(100);
            join(p2, table.gameId());

            // A heavy attack needs 2 energy; fighters start with 1.
            int refusedSeq = p1.submit(table.gameId(), 1, "HEAVY_ATTACK");
            JsonObject refused = p1.await("error");
            assertThat(code(refused)).isEqualTo("action-not-allowed");
            assertThat(refused.getInt("clientSeq")).isEqualTo(refusedSeq);

            // P2 lets turn 1 run out: the timer plays BLOCK for it.
            long start = System.nanoTime();
            p1.submit(table.gameId(), 1, "ATTACK");
            p1.await("action_accepted");
            JsonObject missed = p1.await("turn_result", f -> f.getInt("turn") == 1, Duration.ofSeconds(TURN_SECONDS + 5));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(TURN_SECONDS * 1000 - 1500));
            assertThat(missed.getJsonArray("timedOut").getValuesAs(JsonString::getString)).containsExactly("P2");
            assertThat(missed.getJsonObject("moves").getString("P2")).isEqualTo("BLOCK");
            assertThat(p2.await("turn_result").getJsonArray("timedOut")).hasSize(1);

            // Then both attack every turn until someone falls (or the turn cap).
            int turn = missed.getInt("nextTurn");
            JsonObject last = missed;
            while (standing(last) && turn <= 20) {
                last = playTurn(table.gameId(), turn, p1, "ATTACK", p2, "ATTACK");
                assertThat(last.getJsonArray("timedOut")).isEmpty();
                turn++;
            }
            JsonObject over = p1.await("game_over");
            assertThat(over.getString("reason")).isIn("KNOCKOUT", "DOUBLE_KNOCKOUT", "TURN_CAP");
            assertThat(over.getJsonObject("score")).isEqualTo(last.getJsonObject("score"));
            assertThat(over.getInt("turnsPlayed")).isEqualTo(last.getInt("turn"));
            assertThat(p2.await("game_over")).isEqualTo(over);
        }
        assertExportVerifies(table.gameId());
    }

    @Test
    void refusedFramesGetAnErrorAndChangeNothing() throws Exception {
        Table table = Table.challenge("RPS", 1);
        long game = table.gameId();
        try (GameSocket p1 = GameSocket.connect(table.p1().token());
             GameSocket p2 = GameSocket.connect(table.p2().token());
             GameSocket stranger = GameSocket.connect(Player.signIn().token())) {
            assertError(p1, "{not json", "malformed-frame");
            assertError(p1, "[1,2,3]", "malformed-frame");
            assertError(p1, "{\"type\":\"fly_away\"}", "unknown-type");
            JsonObject invalid = errorFor(p1, "{\"type\":\"submit_action\",\"gameId\":" + game + ",\"clientSeq\":9,\"turn\":1}");
            assertThat(invalid.getString("code")).isEqualTo("invalid-field");
            assertThat(invalid.getInt("clientSeq")).isEqualTo(9);
            assertThat(invalid.getJsonNumber("gameId").longValue()).isEqualTo(game);
            assertError(p1, "{\"type\":\"join_game\",\"gameId\":\"" + game + "\"}", "invalid-field");
            assertError(p1, "{\"type\":\"join_game\",\"gameId\":999999999}", "game-not-found");
            assertError(p1, "{\"type\":\"submit_action\",\"gameId\":" + game + ",\"clientSeq\":1,\"turn\":1,\"action\":\"ROCK\"}",
                    "not-joined");
            assertError(stranger, "{\"type\":\"join_game\",\"gameId\":" + game + "}", "not-your-game");
            assertError(stranger, "{\"type\":\"submit_action\",\"gameId\":" + game + ",\"clientSeq\":1,\"turn\":1,\"action\":\"ROCK\"}",
                    "not-joined");

            join(p1, game);
            join(p2, game);
            assertThat(code(errorFor(p1, submit(game, 1, 1, "LIZARD")))).isEqualTo("unknown-action");
            assertThat(code(errorFor(p1, submit(game, 2, 2, "ROCK")))).isEqualTo("wrong-turn");

            // The same clientSeq twice: the same acknowledgement, one row in the action log.
            p1.send(submit(game, 3, 1, "ROCK"));
            JsonObject first = p1.await("action_accepted");
            p1.send(submit(game, 3, 1, "ROCK"));
            JsonObject again = p1.await("action_accepted");
            assertThat(first.getBoolean("duplicate")).isFalse();
            assertThat(again.getBoolean("duplicate")).isTrue();
            assertThat(withoutDuplicateFlag(again)).isEqualTo(withoutDuplicateFlag(first));
            assertThat(p2.await("player_acted").getString("seat")).isEqualTo("P1");
            assertThat(code(errorFor(p1, submit(game, 4, 1, "PAPER")))).isEqualTo("already-chosen");
            assertThat(code(errorFor(p1, submit(game, 2, 1, "PAPER")))).isEqualTo("stale-sequence");
            assertThat(movesLogged(game, "P1")).as("one game_actions row for P1's choice").isEqualTo(1);

            p1.send("{\"type\":\"ping\",\"nonce\":\"still-here\"}");
            assertThat(p1.await("pong").getString("nonce")).as("the socket survives refused frames").isEqualTo("still-here");

            p2.submit(game, 1, "SCISSORS");
            assertThat(p1.await("game_over").getString("outcome")).isEqualTo("P1");
            assertThat(code(errorFor(p2, submit(game, 5, 2, "ROCK")))).isEqualTo("game-over");
        }
        assertThat(movesLogged(game, "P1")).isEqualTo(1);
        assertThat(movesLogged(game, "P2")).isEqualTo(1);
        // Each row carries when it was written.
        assertThat(SchemaIT.strings("SELECT count(*) FILTER (WHERE timestamp NOT BETWEEN now() - interval '2 minutes' "
                + "AND now()) FROM game_actions WHERE game_id = " + game)).as("rows not written in the last 2 minutes")
                .containsExactly("0");
        assertExportVerifies(game);
    }

    @Test
    void aFrameAboveTheSizeLimitClosesTheSocketWith1009() {
        String token = Player.signIn().token();
        try (GameSocket socket = GameSocket.connect(token)) {
            String padding = "x".repeat(4000);
            socket.send("{\"type\":\"ping\",\"nonce\":\"fits\",\"padding\":\"" + padding + "\"}");
            assertThat(socket.await("pong").getString("nonce")).as("a frame just under 4 KiB is accepted").isEqualTo("fits");
            socket.send("{\"type\":\"ping\",\"padding\":\"" + "x".repeat(5000) + "\"}");
            assertThat(socket.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void aFloodingClientIsRateLimitedThenClosedWith1008() {
        try (GameSocket socket = GameSocket.connect(Player.signIn().token())) {
            int sent = 0;
            try {
                while (sent < 500 && !socket.isClosed()) {
                    socket.send("{\"type\":\"ping\"}");
                    sent++;
                }
            } catch (RuntimeException outputClosed) {
                // the server closed the socket while we were still sending
            }
            assertThat(socket.awaitClose()).isEqualTo(new GameSocket.Closed(1008, "rate limit exceeded"));
            List<JsonObject> frames = socket.received();
            long pongs = frames.stream().filter(f -> "pong".equals(f.getString("type"))).count();
            long limited = frames.stream().filter(f -> "error".equals(f.getString("type"))
                    && "rate-limited".equals(f.getString("code"))).count();
            assertThat(pongs).as("the burst of 40 is answered").isBetween(40L, 60L);
            assertThat(limited).as("every refused frame before the close is answered").isEqualTo(49);
            assertThat(frames.get(frames.size() - 1).getString("code", "")).isEqualTo("rate-limited");
        }
    }

    @Test
    void aHandshakeWithoutAValidTokenIsRefusedWith401AndNoSocketOpens() throws Exception {
        TestWallet wallet = TestWallet.random();
        String token = wallet.signIn();
        assertThat(GameSocket.refusedHandshakeStatus(GameSocket.ENDPOINT, null)).isEqualTo(401);
        assertThat(GameSocket.refusedHandshakeStatus(GameSocket.ENDPOINT, "not.a.jwt")).isEqualTo(401);
        assertThat(GameSocket.refusedHandshakeStatus(URI.create(GameSocket.ENDPOINT + "?token=garbage"), null)).isEqualTo(401);
        String[] parts = token.split("\\.");
        assertThat(GameSocket.refusedHandshakeStatus(GameSocket.ENDPOINT, parts[0] + "." + parts[1] + "." + parts[2].substring(4)))
                .as("a damaged signature").isEqualTo(401);

        SecretKey key = TokenKey.of(TestEnvironment.secret(TokenKey.ENVIRONMENT_VARIABLE));
        JwtIssuer issuer = new JwtIssuer(key, "https://solduel.dev", "solduel");
        Instant past = Instant.now().minusSeconds(3600);
        assertThat(GameSocket.refusedHandshakeStatus(GameSocket.ENDPOINT,
                issuer.issue(wallet.address(), Set.of("player"), past, past.plusSeconds(3000)))).as("expired").isEqualTo(401);
        assertThat(GameSocket.refusedHandshakeStatus(GameSocket.ENDPOINT, new JwtIssuer(key,
                "https://solduel.dev", "another-audience").issue(wallet.address(), Set.of("player"), Instant.now(),
                Instant.now().plusSeconds(60)))).as("another audience").isEqualTo(401);

        // On the wire: a plain 401 with a problem body, never 101 Switching Protocols.
        try (Socket raw = new Socket("127.0.0.1", URI.create(TestEnvironment.BASE_URL).getPort())) {
            OutputStream out = raw.getOutputStream();
            out.write(("GET /ws/game HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer expired.or.forged\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            raw.setSoTimeout(10_000);
            var in = new BufferedReader(new InputStreamReader(raw.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 401");
            StringBuilder headers = new StringBuilder();
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.append(line).append('\n');
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                read += in.read(body, read, length - read);
            }
            assertThat(headers.toString()).containsIgnoringCase("WWW-Authenticate: Bearer")
                    .contains("application/problem+json").doesNotContainIgnoringCase("Sec-WebSocket-Accept");
            assertThat(new String(body)).contains("\"code\":\"token-malformed\"");
        }

        // The same token is accepted from the header and from the query parameter.
        try (GameSocket header = GameSocket.connect(token); GameSocket query = GameSocket.connectWithQueryToken(token)) {
            header.send("{\"type\":\"ping\",\"nonce\":\"h\"}");
            query.send("{\"type\":\"ping\",\"nonce\":\"q\"}");
            assertThat(header.await("pong").getString("nonce")).isEqualTo("h");
            assertThat(query.await("pong").getString("nonce")).isEqualTo("q");
            assertThat(header.received().get(0).getString("wallet")).isEqualTo(wallet.address());
        }
    }

    @Test
    void aPlayerWhoReconnectsWithinTheGraceGetsTheStateAndTheEventsMissed() throws Exception {
        Table table = Table.challenge("RPS", 3);
        long game = table.gameId();
        try (GameSocket p1 = GameSocket.connect(table.p1().token())) {
            GameSocket p2 = GameSocket.connect(table.p2().token());
            join(p1, game);
            join(p2, game);
            long seenByP2 = playTurn(game, 1, p1, "ROCK", p2, "SCISSORS").getJsonNumber("version").longValue();

            p2.abort();
            JsonObject away = p1.await("player_disconnected");
            assertThat(away.getString("seat")).isEqualTo("P2");
            assertThat(away.getInt("graceSeconds")).isEqualTo(GRACE_SECONDS);
            p1.submit(game, 2, "PAPER");
            p1.await("action_accepted", f -> f.getInt("turn") == 2);

            try (GameSocket back = GameSocket.connect(table.p2().token())) {
                back.join(game, seenByP2);
                JsonObject state = back.await("state");
                assertThat(state.getString("seat")).isEqualTo("P2");
                assertThat(state.getInt("turn")).isEqualTo(2);
                assertThat(perSeat(state.getJsonObject("view").getJsonObject("hasChosen"), "P1")).isEqualTo(JsonValue.TRUE);
                assertThat(reveals(state, "PAPER")).as("the snapshot hides P1's pending choice: %s", state).isFalse();
                // What was missed comes first, in order, each above sinceVersion; then the snapshot at the latest version.
                List<JsonObject> frames = back.received();
                List<String> types = frames.stream().map(f -> f.getString("type")).toList();
                assertThat(types).containsSubsequence("welcome", "player_acted", "state");
                JsonObject missedActed = back.await("player_acted");
                assertThat(missedActed.getString("seat")).isEqualTo("P1");
                assertThat(missedActed.getInt("turn")).isEqualTo(2);
                assertThat(missedActed.getJsonNumber("version").longValue()).isEqualTo(seenByP2 + 1);
                assertThat(state.getJsonNumber("version").longValue()).isEqualTo(seenByP2 + 1);
                assertThat(back.received()).as("nothing at or before sinceVersion is replayed").noneMatch(
                        f -> f.containsKey("version") && !"state".equals(f.getString("type"))
                                && f.getJsonNumber("version").longValue() <= seenByP2);
                assertThat(types).as("presence notices are live only, never replayed").doesNotContain("player_disconnected");
                assertThat(p1.await("player_reconnected").getString("seat")).isEqualTo("P2");

                back.submit(game, 7, 2, "SCISSORS");
                assertThat(p1.await("turn_result", f -> f.getInt("turn") == 2).getJsonArray("timedOut")).isEmpty();
                playTurn(game, 3, p1, "PAPER", back, "ROCK");
                assertThat(back.await("game_over").getString("outcome")).isEqualTo("P1");
                assertThat(p1.await("game_over").getString("reason")).isEqualTo("ROUNDS_WON");
            }
        }
        assertExportVerifies(game);
    }

    @Test
    void aPlayerAwayLongerThanTheGraceForfeitsBeforeTwoTurnsRunOut() throws Exception {
        Table table = Table.challenge("DUEL", 1);
        long game = table.gameId();
        try (GameSocket p1 = GameSocket.connect(table.p1().token())) {
            GameSocket p2 = GameSocket.connect(table.p2().token());
            join(p1, game);
            join(p2, game);
            playTurn(game, 1, p1, "ATTACK", p2, "BLOCK");
            long left = System.nanoTime();
            p2.abort();
            JsonObject away = p1.await("player_disconnected");
            assertThat(away.getString("seat")).isEqualTo("P2");
            assertThat(away.getInt("graceSeconds")).isEqualTo(GRACE_SECONDS);
            p1.submit(game, 2, "ATTACK");

            JsonObject over = p1.await("game_over", f -> true, Duration.ofSeconds(GRACE_SECONDS + 6));
            // The grace (4 s) ends before two missed turns could (2 x 3 s): this is the absence rule alone.
            assertThat(Duration.ofNanos(System.nanoTime() - left))
                    .isBetween(Duration.ofMillis(GRACE_SECONDS * 1000 - 500), Duration.ofMillis(2 * TURN_SECONDS * 1000 - 300));
            assertThat(over.getString("reason")).isEqualTo("FORFEIT");
            assertThat(over.getString("outcome")).isEqualTo("P1");
            assertThat(over.getString("winner")).isEqualTo(table.p1().wallet().address());
            assertThat(over.getJsonArray("forfeits")).isEqualTo(Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("seat", "P2").add("cause", "ABSENT")).build());
        }
        assertThat(forfeitRows(game)).containsExactly("P2 ABSENT");
        assertExportVerifies(game);
    }

    @Test
    void aConnectedPlayerWhoMissesTwoTurnsInARowForfeits() throws Exception {
        Table table = Table.challenge("DUEL", 1);
        long game = table.gameId();
        try (GameSocket p1 = GameSocket.connect(table.p1().token()); GameSocket p2 = GameSocket.connect(table.p2().token())) {
            join(p1, game);
            join(p2, game);
            long start = System.nanoTime();
            p1.submit(game, 1, "ATTACK");
            assertThat(p1.await("turn_result", f -> f.getInt("turn") == 1, Duration.ofSeconds(TURN_SECONDS + 5))
                    .getJsonArray("timedOut").getValuesAs(JsonString::getString)).containsExactly("P2");
            p1.submit(game, 2, "BLOCK");
            JsonObject over = p1.await("game_over", f -> true, Duration.ofSeconds(TURN_SECONDS + 5));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(2 * TURN_SECONDS * 1000 - 500), Duration.ofMillis(2 * TURN_SECONDS * 1000 + 2500));
            assertThat(over.getString("outcome")).isEqualTo("P1");
            assertThat(over.getJsonArray("forfeits").getJsonObject(0).getString("cause")).isEqualTo("MISSED_TURNS");
            assertThat(p2.await("game_over")).isEqualTo(over);
        }
        assertThat(forfeitRows(game)).containsExactly("P2 MISSED_TURNS");
        assertExportVerifies(game);
    }

    @Test
    void aPlayerWhoNeverConnectsForfeitsWhenTheJoinGraceEnds() throws Exception {
        Table table = Table.challenge("RPS", 3);
        long game = table.gameId();
        try (GameSocket p1 = GameSocket.connect(table.p1().token())) {
            long start = System.nanoTime();
            JsonObject state = join(p1, game);
            assertThat(state.get("turnDeadline")).as("turn 1's clock waits for both players").isEqualTo(JsonValue.NULL);
            p1.submit(game, 1, "ROCK");
            JsonObject over = p1.await("game_over", f -> true, Duration.ofSeconds(GRACE_SECONDS + 6));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(GRACE_SECONDS * 1000 + 1500));
            assertThat(over.getString("outcome")).isEqualTo("P1");
            assertThat(over.getJsonArray("forfeits").getJsonObject(0).getString("seat")).isEqualTo("P2");
            assertThat(over.getJsonArray("forfeits").getJsonObject(0).getString("cause")).isEqualTo("ABSENT");
        }
        assertExportVerifies(game);
    }

    @Test
    void aGameNobodyComesToIsAbandonedWithoutAWinnerOrARatingChange() throws Exception {
        Table table = Table.challenge("RPS", 1);
        long game = table.gameId();
        TestEnvironment.await("the abandoned game to be recorded", Duration.ofSeconds(GRACE_SECONDS + 8),
                () -> "ABORTED".equals(TestEnvironment.json(TestEnvironment.get("/api/games/" + game)).getString("status")));
        JsonObject summary = TestEnvironment.json(TestEnvironment.get("/api/games/" + game));
        assertThat(summary.getString("outcome")).isEqualTo("DRAW");
        assertThat(summary.getString("reason")).isEqualTo("ABANDONED");
        assertThat(forfeitRows(game)).containsExactlyInAnyOrder("P1 ABSENT", "P2 ABSENT");
        assertThat(SchemaIT.strings("SELECT elo_rating || '/' || wins || '/' || losses FROM players WHERE wallet_address IN ('"
                + table.p1().wallet().address() + "', '" + table.p2().wallet().address() + "')"))
                .containsExactly("1000/0/0", "1000/0/0");
        assertThat(SchemaIT.strings("SELECT coalesce(winner_id::text, 'none') FROM games WHERE id = " + game)).containsExactly("none");
        assertExportVerifies(game);
    }

    @Test
    void aRefusedJoinLeavesTheConnectionsWatchAsItWas() throws Exception {
        Table table = Table.challenge("RPS", 3);
        long game = table.gameId();
        try (GameSocket p1 = GameSocket.connect(table.p1().token()); GameSocket p2 = GameSocket.connect(table.p2().token());
             GameSocket stranger = GameSocket.connect(Player.signIn().token())) {
            join(p1, game);
            join(p2, game);
            stranger.watch(game);
            stranger.await("state");
            assertError(stranger, "{\"type\":\"join_game\",\"gameId\":" + game + "}", "not-your-game");
            JsonObject result = playTurn(game, 1, p1, "ROCK", p2, "SCISSORS");
            assertThat(stranger.await("turn_result", f -> f.getInt("turn") == 1)).as("still watching").isEqualTo(result);
        }
    }

    @Test
    void joiningAgainOnALiveConnectionResynchronisesWithoutLookingLikeALeave() throws Exception {
        Table table = Table.challenge("RPS", 3);
        long game = table.gameId();
        try (GameSocket p1 = GameSocket.connect(table.p1().token()); GameSocket p2 = GameSocket.connect(table.p2().token());
             GameSocket spectator = GameSocket.connect(Player.signIn().token())) {
            join(p1, game);
            long version = join(p2, game).getJsonNumber("version").longValue();
            spectator.watch(game);
            spectator.await("state");
            JsonObject again = join(p2, game);
            assertThat(again.getJsonNumber("version").longValue()).as("a resync changes no version").isEqualTo(version);
            playTurn(game, 1, p1, "ROCK", p2, "PAPER", spectator);
            for (GameSocket socket : List.of(p1, spectator)) {
                assertThat(socket.received()).extracting(f -> f.getString("type"))
                        .doesNotContain("player_disconnected", "player_reconnected");
            }
        }
    }

    @Test
    void theCreatorHearsTheOpponentJoinAndBothSeedsArePublicFromThen() throws Exception {
        Player p1 = Player.signIn();
        Player p2 = Player.signIn();
        JsonObject created = TestEnvironment.json(GameApiIT.post("/api/games",
                "{\"gameType\":\"RPS\",\"bestOf\":1,\"clientSeed\":\"creator-seed\"}", p1.token()));
        long game = created.getJsonNumber("gameId").longValue();
        try (GameSocket creator = GameSocket.connect(p1.token())) {
            JsonObject waitingState = join(creator, game);
            assertThat(waitingState.getString("status")).isEqualTo("WAITING_FOR_OPPONENT");
            assertThat(waitingState.getJsonObject("players").get("P2")).isEqualTo(JsonValue.NULL);
            assertThat(waitingState.getJsonObject("connected").getBoolean("P1")).isTrue();
            assertThat(code(errorFor(creator, submit(game, 1, 1, "ROCK")))).isEqualTo("game-not-started");

            var joined = GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + created.getString("inviteCode")
                    + "\",\"clientSeed\":\"joiner-seed\"}", p2.token());
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
            assertThat(TestEnvironment.json(joined).getString("opponentClientSeed")).isEqualTo("creator-seed");

            JsonObject started = creator.await("game_started");
            assertThat(started.getInt("version")).isEqualTo(1);
            assertThat(started.getJsonObject("players").getString("P2")).isEqualTo(p2.wallet().address());
            JsonObject seeds = Json.createObjectBuilder().add("P1", "creator-seed").add("P2", "joiner-seed").build();
            assertThat(started.getJsonObject("clientSeeds")).isEqualTo(seeds);
            JsonObject state = creator.await("state", f -> "IN_PROGRESS".equals(f.getString("status")));
            assertThat(state.getJsonObject("clientSeeds")).isEqualTo(seeds);
            assertThat(TestEnvironment.json(TestEnvironment.get("/api/games/" + game)).getJsonObject("clientSeeds"))
                    .isEqualTo(seeds);

            try (GameSocket joiner = GameSocket.connect(p2.token())) {
                join(joiner, game);
                JsonObject clock = creator.await("turn_started");
                assertThat(clock.getInt("turn")).as("turn 1's clock starts once both are connected").isEqualTo(1);
                JsonObject result = playTurn(game, 1, creator, "PAPER", joiner, "ROCK");
                assertThat(result.containsKey("nextTurn")).as("the last turn names no next turn").isFalse();
                creator.await("game_over");
                joiner.join(game);
                JsonObject finished = joiner.await("state", f -> f.getBoolean("finished"));
                assertThat(finished.get("turnDeadline")).isEqualTo(JsonValue.NULL);
                assertThat(finished.getJsonObject("gameOver").getString("outcome")).isEqualTo("P1");
            }
        }
    }

    /**
     * The Redis session is a mirror: the owning node never reads it back (a node taking a game
     * over reads PostgreSQL after raising the epoch), so losing it disturbs nothing. Nodes that only
     * read a game use it; ClusterIT covers that, an old format and a missing key on another node.
     */
    @Test
    void aGameWhoseRedisSessionIsDeletedMidGameStillCompletesCorrectly() throws Exception {
        Table table = Table.challenge("RPS", 3);
        long game = table.gameId();
        String key = "game:" + game + ":session";
        try (GameSocket p1 = GameSocket.connect(table.p1().token());
             GameSocket p2 = GameSocket.connect(table.p2().token());
             Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            join(p1, game);
            join(p2, game);
            playTurn(game, 1, p1, "PAPER", p2, "ROCK");
            // The session is mirrored to Redis shortly after each change (writes are gathered for 50 ms).
            TestEnvironment.await("the live session in Redis", Duration.ofSeconds(5), () -> redis.exists(key));
            int rowsAfterTurn1 = sessionSequences(redis.get(key), game).size();
            assertThat(redis.del(key)).isEqualTo(1);

            playTurn(game, 2, p1, "SCISSORS", p2, "SCISSORS");
            TestEnvironment.await("the next accepted action to write the session again", Duration.ofSeconds(5),
                    () -> redis.exists(key));
            // Appending to the deleted key would not give the length its owner wrote: written again whole, every row from the first.
            TestEnvironment.await("the session to hold turn 2's rows", Duration.ofSeconds(5),
                    () -> sessionSequences(redis.get(key), game).size() > rowsAfterTurn1);
            List<Integer> sequences = sessionSequences(redis.get(key), game);
            assertThat(sequences).isEqualTo(java.util.stream.IntStream.rangeClosed(1, sequences.size()).boxed().toList());
            redis.del(key);
            // A new connection after the loss still gets the right snapshot.
            try (GameSocket watcher = GameSocket.connect(Player.signIn().token())) {
                watcher.watch(game);
                JsonObject state = watcher.await("state");
                assertThat(state.getInt("turn")).isEqualTo(3);
                assertThat(perSeat(state.getJsonObject("view").getJsonObject("board").getJsonObject("roundsWon"), "P1"))
                        .isEqualTo(Json.createValue(1));
            }
            playTurn(game, 3, p1, "ROCK", p2, "SCISSORS");
            JsonObject over = p1.await("game_over");
            assertThat(over.getString("outcome")).isEqualTo("P1");
            assertThat(over.getJsonObject("score")).isEqualTo(Json.createObjectBuilder().add("P1", 2).add("P2", 0).build());
        }
        assertExportVerifies(game);
    }

    /** The row sequence numbers of a game's Redis session (format 3: a header line, then a line per row), checking its header. */
    private static List<Integer> sessionSequences(String session, long game) {
        if (session == null) {
            return List.of();
        }
        List<JsonObject> lines = session.lines().map(line -> Json.createReader(new java.io.StringReader(line)).readObject()).toList();
        JsonObject header = lines.get(0);
        assertThat(header.getInt("format")).isEqualTo(3);
        assertThat(header.getJsonNumber("gameId").longValue()).isEqualTo(game);
        assertThat(header.getJsonNumber("epoch").longValue()).isPositive();
        return lines.subList(1, lines.size()).stream().map(row -> row.getInt("seq")).toList();
    }

    @Test
    void theConnectionGaugeCountsOpenAuthenticatedSockets() {
        String token = Player.signIn().token();
        double before = connectionGauge();
        try (GameSocket a = GameSocket.connect(token); GameSocket b = GameSocket.connect(token)) {
            TestEnvironment.await("the gauge to count two more sockets", Duration.ofSeconds(10),
                    () -> connectionGauge() >= before + 2);
        }
        TestEnvironment.await("the gauge to drop again", Duration.ofSeconds(10), () -> connectionGauge() <= before);
    }

    // ---- helpers ----

    private record Player(TestWallet wallet, String token) {
        static Player signIn() {
            TestWallet wallet = TestWallet.random();
            return new Player(wallet, wallet.signIn());
        }
    }

    /** A started private challenge: P1 created it, P2 joined with the invite code. */
    private record Table(long gameId, Player p1, Player p2, String serverSeedSha256) {
        static Table challenge(String type, int bestOf) {
            Player p1 = Player.signIn();
            Player p2 = Player.signIn();
            var created = GameApiIT.post("/api/games", "{\"gameType\":\"" + type + "\",\"bestOf\":" + bestOf + "}", p1.token());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonObject game = TestEnvironment.json(created);
            var joined = GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + game.getString("inviteCode") + "\"}", p2.token());
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
            return new Table(game.getJsonNumber("gameId").longValue(), p1, p2, game.getString("serverSeedSha256"));
        }
    }

    private static JsonObject join(GameSocket socket, long gameId) {
        socket.join(gameId);
        JsonObject state = socket.await("state");
        assertThat(state.getJsonNumber("gameId").longValue()).isEqualTo(gameId);
        return state;
    }

    /** Both players choose for {@code turn}; returns the turn_result, checked to be the same frame for everyone. */
    private static JsonObject playTurn(long gameId, int turn, GameSocket p1, String a1, GameSocket p2, String a2,
                                       GameSocket... watchers) {
        p1.submit(gameId, turn, a1);
        assertThat(p1.await("action_accepted", f -> f.getInt("turn") == turn).getString("action")).isEqualTo(a1);
        p2.submit(gameId, turn, a2);
        assertThat(p2.await("action_accepted", f -> f.getInt("turn") == turn).getString("action")).isEqualTo(a2);
        JsonObject result = turnResult(turn, p1, p2, watchers);
        assertThat(result.getJsonObject("moves")).isEqualTo(Json.createObjectBuilder().add("P1", a1).add("P2", a2).build());
        return result;
    }

    private static JsonObject turnResult(int turn, GameSocket p1, GameSocket p2, GameSocket... watchers) {
        JsonObject result = p1.await("turn_result", f -> f.getInt("turn") == turn);
        assertThat(p2.await("turn_result", f -> f.getInt("turn") == turn)).isEqualTo(result);
        for (GameSocket watcher : watchers) {
            assertThat(watcher.await("turn_result", f -> f.getInt("turn") == turn)).isEqualTo(result);
        }
        return result;
    }

    /** A per-seat value of the rules' view, whose keys are P1/P2 (or p1/p2 as JSON-B writes PerSeat). */
    private static JsonValue perSeat(JsonObject seats, String seat) {
        return seats.containsKey(seat) ? seats.get(seat) : seats.get(seat.toLowerCase());
    }

    /** A DUEL turn_result's score is the fighters' hit points. */
    private static boolean standing(JsonObject turnResult) {
        return turnResult.getJsonObject("score").getInt("P1") > 0 && turnResult.getJsonObject("score").getInt("P2") > 0;
    }

    private static List<JsonObject> framesBeforeTheReveal(GameSocket socket, int from, int turn) {
        List<JsonObject> frames = socket.received();
        List<JsonObject> before = new ArrayList<>();
        for (JsonObject frame : frames.subList(from, frames.size())) {
            if ("turn_result".equals(frame.getString("type")) && frame.getInt("turn") == turn) {
                break;
            }
            before.add(frame);
        }
        return before;
    }

    /**
     * Whether a frame shows {@code choice} anywhere except where it is public or the viewer's own:
     * the list of actions one may submit, and the previous turn's revealed moves.
     */
    private static boolean reveals(JsonValue value, String choice) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().equals(choice);
            case ARRAY -> value.asJsonArray().stream().anyMatch(v -> reveals(v, choice));
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .filter(e -> !Set.of("legalActions", "lastMoves", "lastActions", "yourChoice").contains(e.getKey()))
                    .anyMatch(e -> reveals(e.getValue(), choice));
            default -> false;
        };
    }

    private static String submit(long gameId, int clientSeq, int turn, String action) {
        return Json.createObjectBuilder().add("type", "submit_action").add("gameId", gameId).add("clientSeq", clientSeq)
                .add("turn", turn).add("action", action).build().toString();
    }

    private static JsonObject errorFor(GameSocket socket, String frame) {
        socket.send(frame);
        return socket.await("error");
    }

    private static void assertError(GameSocket socket, String frame, String code) {
        JsonObject error = errorFor(socket, frame);
        assertThat(code(error)).as("answer to %s: %s", frame, error).isEqualTo(code);
        assertThat(error.getString("message")).isNotBlank();
    }

    /** An error frame's code: every code of the protocol is kebab-case. */
    private static String code(JsonObject error) {
        return error.getString("code");
    }

    private static JsonObject withoutDuplicateFlag(JsonObject ack) {
        return Json.createObjectBuilder(ack).remove("duplicate").build();
    }

    private static List<String> forfeitRows(long gameId) throws Exception {
        return SchemaIT.strings("SELECT (action_data->>'seat') || ' ' || (action_data->>'cause') FROM game_actions "
                + "WHERE game_id = " + gameId + " AND action_type = 'FORFEIT' ORDER BY sequence_number");
    }

    private static int movesLogged(long gameId, String seat) throws Exception {
        try (Connection db = TestEnvironment.database();
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM game_actions WHERE game_id = ? "
                     + "AND action_type IN ('MOVE', 'TIMEOUT_MOVE') AND action_data->>'seat' = ?")) {
            query.setLong(1, gameId);
            query.setString(2, seat);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The export of a finished game recomputes, without the server, to the result the server announced. */
    static void assertExportVerifies(long gameId) throws Exception {
        var response = TestEnvironment.get("/api/games/" + gameId + "/export");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        VerificationReport report = new Verifier().verify(GameExportJson.read(response.body()));
        assertThat(report.mismatches()).as("verification of %s", response.body()).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    private static double connectionGauge() {
        var metrics = TestEnvironment.get("/metrics?scope=application");
        Matcher gauge = Pattern.compile("(?m)^sol_duel_player_connections(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics.body());
        assertThat(gauge.find()).as("sol_duel_player_connections in %s", metrics.body()).isTrue();
        return Double.parseDouble(gauge.group(1));
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
