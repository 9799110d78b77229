package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Shared by the rating and leaderboard ITs: signed-in players, whole RPS games played over the socket, database reads. */
final class RatedGames {

    private RatedGames() {
    }

    record Player(TestWallet wallet, String token) {
        static Player signIn() {
            TestWallet wallet = TestWallet.random();
            return new Player(wallet, wallet.signIn());
        }

        String address() {
            return wallet.address();
        }
    }

    /**
     * A best-of-1 RPS game created by {@code winner} ({@code rated} or not) and joined by
     * {@code loser}, played over the socket: ROCK beats SCISSORS. Returns the game_over frame.
     */
    static JsonObject play(Player winner, Player loser, boolean rated) {
        var created = GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"bestOf\":1,\"rated\":" + rated + "}", winner.token());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject game = TestEnvironment.json(created);
        assertThat(game.getBoolean("rated")).isEqualTo(rated);
        long gameId = game.getJsonNumber("gameId").longValue();
        var joined = GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + game.getString("inviteCode") + "\"}", loser.token());
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        try (GameSocket p1 = GameSocket.connect(winner.token()); GameSocket p2 = GameSocket.connect(loser.token())) {
            p1.join(gameId);
            p1.await("state");
            p2.join(gameId);
            p2.await("state");
            p1.submit(gameId, 1, "ROCK");
            p1.await("action_accepted");
            p2.submit(gameId, 1, "SCISSORS");
            JsonObject over = p1.await("game_over");
            assertThat(over.getString("winner")).isEqualTo(winner.address());
            assertThat(p2.await("game_over")).isEqualTo(over);
            return over;
        }
    }

    static long gameId(JsonObject over) {
        return over.getJsonNumber("gameId").longValue();
    }

    static HttpResponse<String> get(String path, String token) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    static HttpResponse<String> postEmpty(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestEnvironment.send(request);
    }

    /** One row of a query as strings ({@code null} for SQL NULL), or an empty list when there is none. */
    static List<String> row(String sql, Object... params) throws Exception {
        List<List<String>> rows = rows(sql, params);
        return rows.isEmpty() ? List.of() : rows.get(0);
    }

    static List<List<String>> rows(String sql, Object... params) throws Exception {
        try (Connection db = TestEnvironment.database(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<List<String>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getString(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    static void update(String sql, Object... params) throws Exception {
        try (Connection db = TestEnvironment.database(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
