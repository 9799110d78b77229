package com.solduel.it;

import static com.solduel.it.RatedGames.gameId;
import static com.solduel.it.RatedGames.play;
import static com.solduel.it.RatedGames.row;
import static com.solduel.it.RatedGames.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.it.RatedGames.Player;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ratings through the real server (docs/ratings.md): games played over the socket move the game
 * type's and the overall rating by the scheme (K 40 provisional, 20 established, each side its own),
 * write the history, and an unrated game changes nothing; profiles and the match history show it
 * right after the game.
 */
class RatingsIT {

    @Test
    void aRatedWinMovesTwoNewPlayersTwentyPointsAndWritesTheHistory() throws Exception {
        Player winner = Player.signIn();
        Player loser = Player.signIn();

        JsonObject over = play(winner, loser, true);

        // The game type's ratings: both provisional (K 40), E = 0.5 → ±20.
        assertThat(over.getJsonObject("ratings").getInt("P1")).isEqualTo(1020);
        assertThat(over.getJsonObject("ratings").getInt("P2")).isEqualTo(980);
        assertThat(over.getJsonObject("ratingChanges").getInt("P1")).isEqualTo(20);
        assertThat(over.getJsonObject("ratingChanges").getInt("P2")).isEqualTo(-20);
        assertThat(typeRow(winner)).containsExactly("1020", "1", "1", "0", "0");
        assertThat(typeRow(loser)).containsExactly("980", "1", "0", "1", "0");
        assertThat(history(winner)).containsExactly(List.of(Long.toString(gameId(over)), "RPS", "1000", "1020"));
        assertThat(history(loser)).containsExactly(List.of(Long.toString(gameId(over)), "RPS", "1000", "980"));
        // The overall rating moves by the same scheme; wins and losses count the rated game.
        assertThat(overall(winner)).containsExactly("1020", "1", "0");
        assertThat(overall(loser)).containsExactly("980", "0", "1");
    }

    @Test
    void eachPlayerMovesByTheirOwnKSoAProvisionalWinOverAnEstablishedPlayerIsNotZeroSum() throws Exception {
        Player provisional = Player.signIn();
        Player established = Player.signIn();
        // 30 rated RPS games behind them (the 31st uses K 20), at 1000.
        RatedGames.update("INSERT INTO player_ratings (player_id, game_type, rating, rated_games, wins, losses) "
                + "SELECT id, 'RPS', 1000, 30, 15, 15 FROM players WHERE wallet_address = ?", established.address());

        JsonObject over = play(provisional, established, true);

        assertThat(over.getJsonObject("ratingChanges").getInt("P1")).isEqualTo(20);   // 40 × 0.5
        assertThat(over.getJsonObject("ratingChanges").getInt("P2")).isEqualTo(-10);  // 20 × −0.5
        assertThat(typeRow(established)).containsExactly("990", "31", "15", "16", "0");
        // Overall, the established player's 30 rated games count too: K 20 there as well.
        assertThat(overall(established).get(0)).isEqualTo("990");
        assertThat(overall(provisional).get(0)).isEqualTo("1020");
    }

    @Test
    void anUnratedGameChangesNoRatingNoHistoryAndNoRecord() throws Exception {
        Player winner = Player.signIn();
        Player loser = Player.signIn();

        JsonObject over = play(winner, loser, false);

        assertThat(over.containsKey("ratings")).as("game_over of an unrated game: %s", over).isFalse();
        assertThat(over.containsKey("ratingChanges")).isFalse();
        assertThat(typeRow(winner)).isEmpty();
        assertThat(history(winner)).isEmpty();
        assertThat(history(loser)).isEmpty();
        assertThat(overall(winner)).containsExactly("1000", "0", "0");
        assertThat(overall(loser)).containsExactly("1000", "0", "0");
        assertThat(row("SELECT status, rated FROM games WHERE id = ?", gameId(over))).containsExactly("COMPLETED", "f");
        assertThat(TestEnvironment.get("/api/leaderboard?gameType=RPS&around=" + winner.address()).statusCode()).isEqualTo(404);
    }

    @Test
    void theProfileShowsTheNewRatingRightAfterTheGameAndTheMatchHistoryPagesNewestFirst() throws Exception {
        Player winner = Player.signIn();
        Player loser = Player.signIn();
        // Cached before the games: the end of each game must evict it.
        assertThat(profileOf(winner).getInt("eloRating")).isEqualTo(1000);
        assertThat(TestEnvironment.get("/api/players/" + winner.address()).headers().firstValue("Cache-Status").orElseThrow())
                .contains("hit");

        long rated = gameId(play(winner, loser, true));
        JsonObject profile = profileOf(winner);
        assertThat(profile.getInt("eloRating")).isEqualTo(1020);
        assertThat(profile.getInt("wins")).isEqualTo(1);
        assertThat(profile.getInt("ratedGames")).isEqualTo(1);
        assertThat(profile.getJsonNumber("gamesPlayed").longValue()).isEqualTo(1);
        assertThat(profile.getJsonNumber("winRate").doubleValue()).isEqualTo(1.0);
        assertThat(profile.getJsonNumber("totalEarnings").longValue()).isZero();
        JsonObject rps = profile.getJsonObject("ratings").getJsonObject("RPS");
        assertThat(rps.getInt("rating")).isEqualTo(1020);
        assertThat(rps.getInt("ratedGames")).isEqualTo(1);
        assertThat(rps.getJsonNumber("rank").longValue()).isEqualTo(pgRank(winner));
        assertThat(profile.getJsonObject("ratings").getJsonObject("DUEL").getInt("rating")).isEqualTo(1000);
        assertThat(profile.getJsonObject("ratings").getJsonObject("DUEL").containsKey("rank")).isFalse();
        JsonObject point = profile.getJsonObject("ratingHistory").getJsonArray("RPS").getJsonObject(0);
        assertThat(point.getJsonNumber("gameId").longValue()).isEqualTo(rated);
        assertThat(point.getInt("before")).isEqualTo(1000);
        assertThat(point.getInt("after")).isEqualTo(1020);
        assertThat(point.getString("at")).isNotBlank();

        long unrated = gameId(play(winner, loser, false));
        JsonObject page = TestEnvironment.json(TestEnvironment.get("/api/players/" + loser.address() + "/games?page=0&size=1"));
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(2);
        assertThat(page.getJsonArray("items")).hasSize(1);
        JsonObject newest = page.getJsonArray("items").getJsonObject(0);
        assertThat(newest.getJsonNumber("gameId").longValue()).isEqualTo(unrated);
        assertThat(newest.getBoolean("rated")).isFalse();
        assertThat(newest.getString("result")).isEqualTo("LOSS");
        assertThat(newest.containsKey("ratingChange")).isFalse();
        JsonObject older = TestEnvironment.json(TestEnvironment.get("/api/players/" + loser.address() + "/games?page=1&size=1"))
                .getJsonArray("items").getJsonObject(0);
        assertThat(older.getJsonNumber("gameId").longValue()).isEqualTo(rated);
        assertThat(older.getString("gameType")).isEqualTo("RPS");
        assertThat(older.getString("opponentWallet")).isEqualTo(winner.address());
        assertThat(older.getJsonNumber("wagerLamports").longValue()).isZero();
        assertThat(older.getString("status")).isEqualTo("COMPLETED");
        assertThat(older.getString("result")).isEqualTo("LOSS");
        assertThat(older.getString("reason")).isEqualTo("ROUNDS_WON");
        assertThat(older.getBoolean("rated")).isTrue();
        assertThat(older.getInt("ratingChange")).isEqualTo(-20);
        assertThat(older.getInt("ratingAfter")).isEqualTo(980);
        assertThat(older.getString("export")).isEqualTo("/api/games/" + rated + "/export");
        assertThat(older.getString("startedAt")).isNotBlank();
        assertThat(older.getString("endedAt")).isNotBlank();
        assertThat(TestEnvironment.get(older.getString("export")).statusCode()).isEqualTo(200);
        JsonObject won = TestEnvironment.json(TestEnvironment.get("/api/players/" + winner.address() + "/games"))
                .getJsonArray("items").getJsonObject(1);
        assertThat(won.getString("result")).isEqualTo("WIN");
        assertThat(won.getInt("ratingChange")).isEqualTo(20);
    }

    @Test
    void matchHistoryParametersAreStrict() {
        Player player = Player.signIn();
        String base = "/api/players/" + player.address() + "/games";
        assertProblem(TestEnvironment.get(base + "?size=0"), 400, "invalid-request");
        assertProblem(TestEnvironment.get(base + "?size=101"), 400, "invalid-request");
        assertProblem(TestEnvironment.get(base + "?page=-1"), 400, "invalid-request");
        assertProblem(TestEnvironment.get(base + "?size=abc"), 400, "invalid-number");
        assertProblem(TestEnvironment.get(base + "?page=1.5"), 400, "invalid-number");
        assertProblem(TestEnvironment.get("/api/players/0OIl/games"), 400, "invalid-wallet-address");
        assertProblem(TestEnvironment.get("/api/players/" + TestWallet.random().address() + "/games"), 404, "player-not-found");
        JsonObject empty = TestEnvironment.json(TestEnvironment.get(base));
        assertThat(empty.getJsonArray("items")).isEmpty();
        assertThat(empty.getInt("size")).isEqualTo(20);
        assertThat(empty.getJsonNumber("total").longValue()).isZero();
    }

    @Test
    void aRatedFlagThatIsNotABooleanIsRefusedAndCreatesNothing() throws Exception {
        Player player = Player.signIn();
        for (String rated : List.of("\"false\"", "0", "null2")) {
            var refused = GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"rated\":" + rated + "}", player.token());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        }
        assertThat(TestEnvironment.json(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"rated\":\"no\"}", player.token()))
                .getString("code")).isEqualTo("invalid-type");
        assertThat(row("SELECT COUNT(*) FROM games g JOIN players p ON p.id = g.player1_id WHERE p.wallet_address = ?",
                player.address())).containsExactly("0");
        var defaulted = GameApiIT.post("/api/games", "{\"gameType\":\"RPS\"}", player.token());
        assertThat(TestEnvironment.json(defaulted).getBoolean("rated")).isTrue();
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(TestEnvironment.json(response).getString("code")).as(response.body()).isEqualTo(code);
    }

    private static JsonObject profileOf(Player player) {
        HttpResponse<String> response = TestEnvironment.get("/api/players/" + player.address());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestEnvironment.json(response);
    }

    /** rating, rated_games, wins, losses, draws of the player's RPS row. */
    private static List<String> typeRow(Player player) throws Exception {
        return row("SELECT r.rating, r.rated_games, r.wins, r.losses, r.draws FROM player_ratings r JOIN players p "
                + "ON p.id = r.player_id WHERE p.wallet_address = ? AND r.game_type = 'RPS'", player.address());
    }

    private static List<List<String>> history(Player player) throws Exception {
        return rows("SELECT h.game_id, h.game_type, h.rating_before, h.rating_after FROM rating_history h JOIN players p "
                + "ON p.id = h.player_id WHERE p.wallet_address = ? ORDER BY h.id", player.address());
    }

    private static List<String> overall(Player player) throws Exception {
        return row("SELECT elo_rating, wins, losses FROM players WHERE wallet_address = ?", player.address());
    }

    static long pgRank(Player player) throws Exception {
        return Long.parseLong(row("SELECT 1 + (SELECT COUNT(*) FROM player_ratings o WHERE o.game_type = 'RPS' "
                + "AND o.rated_games > 0 AND (o.rating > r.rating OR (o.rating = r.rating AND o.player_id < r.player_id))) "
                + "FROM player_ratings r JOIN players p ON p.id = r.player_id WHERE r.game_type = 'RPS' "
                + "AND p.wallet_address = ?", player.address()).get(0));
    }
}
