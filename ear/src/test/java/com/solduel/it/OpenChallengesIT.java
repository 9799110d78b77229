package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Open (unjoined) private challenges are capped per player and expire (SPEC §16, issue 8 item 12):
 * 3 per player and 30 minutes by default; the test server sweeps every 2 s (ear/pom.xml).
 */
class OpenChallengesIT {

    @Test
    void aPlayerHoldsAtMostThreeOpenChallengesAndAnExpiredOneIsCancelledAndNoLongerJoins() throws Exception {
        String alice = TestWallet.random().signIn();
        String bob = TestWallet.random().signIn();
        JsonObject first = TestEnvironment.json(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}", alice));
        for (int i = 0; i < 2; i++) {
            assertThat(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}", alice).statusCode()).isEqualTo(201);
        }
        assertProblem(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}", alice), 409, "too-many-open-challenges");

        // Nobody joined the first one for longer than the 30 minutes it may wait.
        long gameId = first.getJsonNumber("gameId").longValue();
        try (Connection db = TestEnvironment.database();
             PreparedStatement backdate = db.prepareStatement(
                     "UPDATE games SET created_at = now() - interval '31 minutes' WHERE id = ?")) {
            backdate.setLong(1, gameId);
            assertThat(backdate.executeUpdate()).isEqualTo(1);
        }
        TestEnvironment.await("the sweep cancels game " + gameId, Duration.ofSeconds(15), () -> status(gameId).equals("CANCELLED"));

        assertProblem(GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + first.getString("inviteCode") + "\"}", bob),
                409, "challenge-expired");
        assertThat(status(gameId)).isEqualTo("CANCELLED");
        assertThat(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}", alice).statusCode())
                .as("the cancelled one no longer counts").isEqualTo(201);
    }

    private static String status(long gameId) {
        try {
            return SchemaIT.strings("SELECT status FROM games WHERE id = " + gameId).get(0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
