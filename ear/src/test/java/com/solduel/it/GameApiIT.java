package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Private challenges over REST: create, join by invite code, summaries, and what is refused. */
class GameApiIT {

    @Test
    void aChallengeIsCreatedJoinedAndStartsWithASeedCommitment() throws SQLException {
        String alice = TestWallet.random().signIn();
        TestWallet bobWallet = TestWallet.random();
        String bob = bobWallet.signIn();

        var created = post("/api/games", "{\"gameType\":\"rps\",\"bestOf\":3,\"clientSeed\":\"alice-luck\"}", alice);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject game = TestEnvironment.json(created);
        long gameId = game.getJsonNumber("gameId").longValue();
        assertThat(game.getString("inviteCode")).matches("[A-Z2-9]{8}");
        assertThat(game.getString("serverSeedSha256")).matches("[0-9a-f]{64}");
        assertThat(game.getString("seat")).isEqualTo("P1");
        assertThat(SchemaIT.strings("SELECT status::text FROM games WHERE id = " + gameId)).containsExactly("CREATED");

        var joined = post("/api/games/join", "{\"inviteCode\":\"" + game.getString("inviteCode").toLowerCase() + "\"}", bob);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        assertThat(TestEnvironment.json(joined).getString("seat")).isEqualTo("P2");
        assertThat(TestEnvironment.json(joined).getString("clientSeed")).as("a seed is drawn for a player who gives none").isNotBlank();
        assertThat(SchemaIT.strings("SELECT status::text || ' ' || (start_time IS NOT NULL) FROM games WHERE id = " + gameId))
                .containsExactly("IN_PROGRESS true");

        var summary = TestEnvironment.get("/api/games/" + gameId);
        assertThat(summary.statusCode()).isEqualTo(200);
        JsonObject body = TestEnvironment.json(summary);
        assertThat(body.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(body.getJsonObject("players").getString("P2")).isEqualTo(bobWallet.address());
        assertThat(body.containsKey("serverSeed")).as("the seed stays secret while the game runs").isFalse();
        assertThat(summary.body()).doesNotContain(SchemaIT.strings("SELECT server_seed FROM games WHERE id = " + gameId).get(0));

        assertProblem(TestEnvironment.get("/api/games/" + gameId + "/export"), 409, "game-not-finished");
        assertProblem(post("/api/games/join", "{\"inviteCode\":\"" + game.getString("inviteCode") + "\"}",
                TestWallet.random().signIn()), 409, "game-already-started");
    }

    @Test
    void whatIsRefused() {
        String alice = TestWallet.random().signIn();
        assertThat(post("/api/games", "{\"gameType\":\"RPS\"}", null).statusCode()).isEqualTo(401);
        assertProblem(post("/api/games", "{\"gameType\":\"CHESS\"}", alice), 400, "invalid-request");
        assertProblem(post("/api/games", "{\"gameType\":\"RPS\",\"bestOf\":2}", alice), 400, "invalid-game-options");
        assertProblem(post("/api/games", "{\"gameType\":\"RPS\",\"clientSeed\":\"" + "x".repeat(65) + "\"}", alice), 400, "invalid-request");
        assertProblem(post("/api/games", "{\"gameType\":", alice), 400, "malformed-body");
        assertProblem(post("/api/games/join", "{\"inviteCode\":\"NOSUCH99\"}", alice), 404, "invite-not-found");

        String code = TestEnvironment.json(post("/api/games", "{\"gameType\":\"DUEL\"}", alice)).getString("inviteCode");
        assertProblem(post("/api/games/join", "{\"inviteCode\":\"" + code + "\"}", alice), 409, "own-game");
        assertProblem(TestEnvironment.get("/api/games/999999999"), 404, "game-not-found");
    }

    @Test
    void theSeedsGameMetricsAreExported() {
        String metrics = TestEnvironment.get("/metrics").body();
        assertThat(metrics).contains("sol_duel_active_games_total");
    }

    static HttpResponse<String> post(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestEnvironment.send(request);
    }
}
