package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A node restart loses no game (SPEC §5): the server is stopped mid-game with a hidden choice
 * pending, its Redis session is deleted while it is down, and after the restart the game is
 * rebuilt from PostgreSQL's action log, both players reconnect, and it completes correctly.
 */
class GameRestartIT {

    private static final LibertyNode NODE = LibertyNode.a();

    @Test
    void aGameSurvivesAServerRestartWithItsRedisSessionGone() throws Exception {
        TestWallet aliceWallet = TestWallet.random();
        TestWallet bobWallet = TestWallet.random();
        String alice = aliceWallet.signIn();
        String bob = bobWallet.signIn();
        JsonObject created = TestEnvironment.json(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"bestOf\":3}", alice));
        long gameId = created.getJsonNumber("gameId").longValue();
        assertThat(GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + created.getString("inviteCode") + "\"}", bob)
                .statusCode()).isEqualTo(200);

        try (GameSocket p1 = GameSocket.connect(alice); GameSocket p2 = GameSocket.connect(bob)) {
            p1.join(gameId);
            p1.await("state");
            p2.join(gameId);
            p2.await("state");
            p1.submit(gameId, 1, "ROCK");
            p2.submit(gameId, 1, "SCISSORS");
            assertThat(p1.await("turn_result", f -> f.getInt("turn") == 1).getJsonObject("score").getInt("P1")).isEqualTo(1);
            // P1's choice for turn 2 is locked in and hidden when the server goes down.
            p1.submit(gameId, 2, "PAPER");
            p1.await("action_accepted", f -> f.getInt("turn") == 2);
        }

        restartServerDeleting(gameId);

        try (GameSocket p1 = GameSocket.connect(alice); GameSocket p2 = GameSocket.connect(bob)) {
            p1.join(gameId);
            JsonObject p1State = p1.await("state");
            assertThat(p1State.getInt("turn")).isEqualTo(2);
            assertThat(p1State.getJsonObject("view").getString("yourChoice")).as("P1's hidden choice survived").isEqualTo("PAPER");
            assertThat(p1State.getInt("lastClientSeq")).isEqualTo(2);

            p2.join(gameId);
            JsonObject p2State = p2.await("state");
            assertThat(p2State.getInt("turn")).isEqualTo(2);
            JsonObject p2View = p2State.getJsonObject("view");
            assertThat(p2View.getJsonObject("hasChosen").getBoolean("p1")).as("P2 sees that P1 has chosen").isTrue();
            assertThat(p2View.containsKey("yourChoice")).as("P2's view holds no choice of P1's").isFalse();
            assertThat(p2View.getJsonObject("board").toString()).doesNotContain("PAPER");
            int p2Seq = p2State.getInt("lastClientSeq");

            p2.submit(gameId, p2Seq + 1, 2, "SCISSORS");
            JsonObject turn2 = p1.await("turn_result", f -> f.getInt("turn") == 2);
            assertThat(turn2.getJsonObject("moves").getString("P1")).isEqualTo("PAPER");
            assertThat(turn2.getJsonArray("timedOut")).as("the restart gave the players time to come back").isEmpty();
            assertThat(turn2.getJsonObject("score").getInt("P2")).isEqualTo(1);

            p1.submit(gameId, p1State.getInt("lastClientSeq") + 1, 3, "ROCK");
            p2.submit(gameId, p2Seq + 2, 3, "SCISSORS");
            JsonObject over = p1.await("game_over");
            assertThat(over.getString("outcome")).isEqualTo("P1");
            assertThat(over.getString("winner")).isEqualTo(aliceWallet.address());
            assertThat(p2.await("game_over")).isEqualTo(over);
        }

        GamePlayIT.assertExportVerifies(gameId);
        assertThat(SchemaIT.strings("SELECT g.status || ' ' || p.wallet_address FROM games g JOIN players p ON p.id = g.winner_id "
                + "WHERE g.id = " + gameId)).containsExactly("COMPLETED " + aliceWallet.address());
        assertThat(SchemaIT.strings("SELECT elo_rating || '/' || wins || '/' || losses FROM players WHERE wallet_address IN ('"
                + aliceWallet.address() + "', '" + bobWallet.address() + "') ORDER BY elo_rating DESC"))
                .as("one transaction wrote the result, the wins and losses and the ratings (K 40, provisional, from 1000/1000)")
                .containsExactly("1020/1/0", "980/0/1");
        assertThat(SchemaIT.strings("SELECT count(*) FROM game_actions WHERE game_id = " + gameId)).containsExactly("6");
    }

    private static void restartServerDeleting(long gameId) {
        // --force skips Liberty's quiesce, not the application's stop: the node still hands its games
        // over (OwnedGames' @PreDestroy). The quiesce is left out because the players have left and
        // the IT turn clock is 3 s: a stop whose quiesce waits a second or two longer (seen: 2 s, and
        // once its whole 30 s) let turn 2 time out before the node went down, which is the game's rule
        // at work, not what this test is about.
        NODE.stopSkippingQuiesce();
        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            assertThat(redis.del("game:" + gameId + ":session")).as("the session was mirrored to Redis").isEqualTo(1);
        }
        NODE.start();
    }
}
