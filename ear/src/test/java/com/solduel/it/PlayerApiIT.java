package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The player API end to end: REST → EJB → JPA/JTA → PostgreSQL, with the Redis cache in front. */
class PlayerApiIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void playerIsServedFromPostgresThenFromTheRedisCache() throws SQLException {
        String wallet = newPlayer("cache_probe", 1337);

        var first = TestEnvironment.get("/api/players/" + wallet);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Status")).hasValueSatisfying(v -> assertThat(v).contains("miss"));
        JsonObject body = TestEnvironment.json(first);
        assertThat(body.getString("walletAddress")).isEqualTo(wallet);
        assertThat(body.getInt("eloRating")).isEqualTo(1337);

        // Change the row behind the cache's back: the cached state is what the API answers now.
        execute("UPDATE players SET elo_rating = 1500 WHERE wallet_address = ?", wallet);
        var second = TestEnvironment.get("/api/players/" + wallet);
        assertThat(second.headers().firstValue("Cache-Status")).hasValueSatisfying(v -> assertThat(v).contains("hit"));
        assertThat(TestEnvironment.json(second).getInt("eloRating")).isEqualTo(1337);

        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            String key = "player:" + wallet + ":state";
            long ttl = redis.ttl(key);
            assertThat(ttl).as("seed TTL of 5 minutes").isBetween(290L, 300L);
            redis.del(key);
        }
        var third = TestEnvironment.get("/api/players/" + wallet);
        assertThat(third.headers().firstValue("Cache-Status")).hasValueSatisfying(v -> assertThat(v).contains("miss"));
        assertThat(TestEnvironment.json(third).getInt("eloRating")).isEqualTo(1500);
    }

    @Test
    void malformedWalletGetsProblemDetails() {
        for (String bad : new String[] {"not-a-wallet", "0OIl" + "1".repeat(40), "1111", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"}) {
            var response = TestEnvironment.get("/api/players/" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonObject problem = TestEnvironment.json(response);
            assertThat(problem.getString("code")).isEqualTo("invalid-wallet-address");
            assertThat(problem.getInt("status")).isEqualTo(400);
            assertThat(problem.getString("detail")).isNotBlank();
        }
    }

    @Test
    void unknownWalletIsNotFound() {
        var response = TestEnvironment.get("/api/players/" + randomWallet());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestEnvironment.json(response).getString("code")).isEqualTo("player-not-found");
    }

    @Test
    void listPagesPlayersByRating() throws SQLException {
        String strong = newPlayer("list_strong", 2900);
        String weaker = newPlayer("list_weaker", 2800);

        var response = TestEnvironment.get("/api/players?page=0&size=2&order=elo");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject page = TestEnvironment.json(response);
        assertThat(page.getJsonArray("items").stream().map(p -> p.asJsonObject().getString("walletAddress")))
                .containsExactly(strong, weaker);
        assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badPagingParametersGetProblemDetails() {
        var tooBig = TestEnvironment.get("/api/players?size=1000");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestEnvironment.json(tooBig).getJsonArray("violations").getJsonObject(0).getString("field"))
                .isEqualTo("size");

        var badOrder = TestEnvironment.get("/api/players?order=shoe_size");
        assertThat(badOrder.statusCode()).isEqualTo(400);
        assertThat(TestEnvironment.json(badOrder).getString("code")).isEqualTo("invalid-parameter");

        var notANumber = TestEnvironment.get("/api/players?page=abc");
        assertThat(notANumber.statusCode()).isBetween(400, 404);
        assertThat(notANumber.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void unknownPathIsAProblemToo() {
        var response = TestEnvironment.get("/api/no-such-thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static String newPlayer(String usernamePrefix, int elo) throws SQLException {
        String wallet = randomWallet();
        String username = usernamePrefix + "_" + Integer.toHexString(RANDOM.nextInt(0xFFFF));
        try (Connection db = TestEnvironment.database();
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO players (wallet_address, username, elo_rating) VALUES (?, ?, ?)")) {
            insert.setString(1, wallet);
            insert.setString(2, username);
            insert.setInt(3, elo);
            insert.executeUpdate();
        }
        return wallet;
    }

    static void execute(String sql, String parameter) throws SQLException {
        try (Connection db = TestEnvironment.database(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

    static String randomWallet() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        key[0] |= 1; // no leading zero byte, so the text is 43-44 characters like real keys
        return com.solduel.solana.Base58.encode(key);
    }
}
