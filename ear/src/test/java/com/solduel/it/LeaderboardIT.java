package com.solduel.it;

import static com.solduel.it.RatedGames.play;
import static com.solduel.it.RatedGames.rows;
import static com.solduel.it.RatingsIT.assertProblem;
import static com.solduel.it.RatingsIT.pgRank;
import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.it.RatedGames.Player;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The leaderboards through the real server: order and ranks after games played over the socket,
 * {@code around}, the same answer from Redis and from PostgreSQL, rebuilds, strict parameters.
 */
class LeaderboardIT {

    @Test
    void theLeaderboardOrdersByRatingThenPlayerIdAndMatchesPostgresql() throws Exception {
        Player a = Player.signIn();
        Player b = Player.signIn();
        Player c = Player.signIn();
        play(a, b, true);   // a 1020, b 980
        play(a, c, true);   // a beats another newcomer: E(1020 vs 1000) = 0.528751 → +19 (1039); c −19 (981)

        JsonObject board = TestEnvironment.json(TestEnvironment.get("/api/leaderboard?gameType=RPS&limit=100"));
        assertThat(board.getString("gameType")).isEqualTo("RPS");
        assertThat(board.getJsonNumber("total").longValue()).isEqualTo(onBoard());
        assertOrdered(board.getJsonArray("entries"), 1);
        assertThat(board.getJsonArray("entries").size()).isEqualTo((int) Math.min(100, onBoard()));

        JsonObject around = TestEnvironment.json(TestEnvironment.get("/api/leaderboard?gameType=RPS&around=" + a.address()));
        JsonArray entries = around.getJsonArray("entries");
        JsonObject self = entries.stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("wallet").equals(a.address())).findFirst().orElseThrow();
        assertThat(self.getInt("rating")).isEqualTo(1039);
        assertThat(self.getInt("ratedGames")).isEqualTo(2);
        assertThat(self.getInt("wins")).isEqualTo(2);
        assertThat(self.getInt("losses")).isZero();
        assertThat(self.getJsonNumber("rank").longValue()).isEqualTo(pgRank(a));
        assertThat(entries.size()).isLessThanOrEqualTo(11);
        long first = entries.getJsonObject(0).getJsonNumber("rank").longValue();
        assertThat(first).isEqualTo(Math.max(1, pgRank(a) - 5));
        assertOrdered(entries, first);

        JsonObject cEntry = TestEnvironment.json(TestEnvironment.get("/api/leaderboard?gameType=RPS&around=" + c.address()))
                .getJsonArray("entries").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("wallet").equals(c.address())).findFirst().orElseThrow();
        assertThat(cEntry.getInt("rating")).isEqualTo(981);
        assertThat(cEntry.getJsonNumber("rank").longValue()).isGreaterThan(self.getJsonNumber("rank").longValue());
    }

    @Test
    void withoutItsRedisKeysTheBoardIsAnsweredFromPostgresqlAndRebuilt() throws Exception {
        Player a = Player.signIn();
        Player b = Player.signIn();
        play(a, b, true);
        String top = "/api/leaderboard?gameType=RPS&limit=20";
        String fromRedis = TestEnvironment.get("/api/leaderboard?gameType=RPS&around=" + a.address()).body();
        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            redis.del("leaderboard:{RPS}", "leaderboard:{RPS}:entries", "leaderboard:{RPS}:built");
            // From PostgreSQL: the same answer; the read starts a rebuild in the background.
            assertThat(TestEnvironment.get("/api/leaderboard?gameType=RPS&around=" + a.address()).body()).isEqualTo(fromRedis);
            TestEnvironment.await("the RPS leaderboard rebuilt in Redis", Duration.ofSeconds(20),
                    () -> "1".equals(redis.get("leaderboard:{RPS}:built")));
            assertThat(redis.zcard("leaderboard:{RPS}")).isEqualTo(onBoard());
            assertThat(redis.zrevrank("leaderboard:{RPS}", a.address()) + 1).isEqualTo(pgRank(a));
        }
        assertThat(TestEnvironment.get("/api/leaderboard?gameType=RPS&around=" + a.address()).body()).isEqualTo(fromRedis);
        assertThat(TestEnvironment.get(top).statusCode()).isEqualTo(200);
    }

    @Test
    void whileRedisIsStoppedTheBoardAndTheProfileComeFromPostgresqlAndARestartedEmptyRedisIsRebuilt() throws Exception {
        Player a = Player.signIn();
        Player b = Player.signIn();
        play(a, b, true);
        String aroundA = "/api/leaderboard?gameType=RPS&around=" + a.address();
        JsonObject fromRedis = TestEnvironment.json(TestEnvironment.get(aroundA));
        try {
            try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
                redis.shutdown();
            } catch (RuntimeException connectionClosedByShutdown) {
                // SHUTDOWN closes the connection instead of answering.
            }
            TestEnvironment.await("Redis to stop", Duration.ofSeconds(10), () -> !ReadinessIT.redisAnswers());

            var around = TestEnvironment.get(aroundA);
            assertThat(around.statusCode()).as(around.body()).isEqualTo(200);
            assertThat(TestEnvironment.json(around)).isEqualTo(fromRedis);
            var top = TestEnvironment.get("/api/leaderboard?gameType=RPS&limit=7");
            assertThat(top.statusCode()).as(top.body()).isEqualTo(200);
            assertOrdered(TestEnvironment.json(top).getJsonArray("entries"), 1);
            var profile = TestEnvironment.get("/api/players/" + a.address());
            assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
            assertThat(TestEnvironment.json(profile).getJsonObject("ratings").getJsonObject("RPS").getJsonNumber("rank").longValue())
                    .isEqualTo(pgRank(a));
        } finally {
            if (!ReadinessIT.redisAnswers()) {
                ReadinessIT.startRedis();
            }
        }
        // Redis came back empty: the first read finds no board, answers from PostgreSQL and starts a rebuild.
        assertThat(TestEnvironment.json(TestEnvironment.get(aroundA))).isEqualTo(fromRedis);
        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            TestEnvironment.await("the RPS leaderboard rebuilt in the restarted Redis", Duration.ofSeconds(20),
                    () -> "1".equals(redis.get("leaderboard:{RPS}:built")));
        }
        assertThat(TestEnvironment.json(TestEnvironment.get(aroundA))).isEqualTo(fromRedis);
    }

    @Test
    void anAdminRebuildsTheBoardsFromPostgresqlAndRemovesWhoIsNotOnThem() throws Exception {
        Player a = Player.signIn();
        Player b = Player.signIn();
        play(a, b, true);
        String ghost = TestWallet.random().address();
        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            redis.zadd("leaderboard:{RPS}", 9.0e15, ghost);
            redis.hset("leaderboard:{RPS}:entries", ghost, "1|1|0|0|2000000|ghost");
            redis.zrem("leaderboard:{RPS}", a.address());

            assertProblem(RatedGames.postEmpty("/api/admin/leaderboard/rebuild", null), 401, "unauthorized");
            assertProblem(RatedGames.postEmpty("/api/admin/leaderboard/rebuild", a.token()), 403, "forbidden");
            var rebuilt = RatedGames.postEmpty("/api/admin/leaderboard/rebuild", TestWallet.admin().signIn());
            assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
            JsonObject rps = TestEnvironment.json(rebuilt).getJsonArray("boards").stream().map(JsonObject.class::cast)
                    .filter(board -> board.getString("gameType").equals("RPS")).findFirst().orElseThrow();
            assertThat(rps.getInt("players")).isEqualTo((int) onBoard());

            assertThat(redis.zscore("leaderboard:{RPS}", ghost)).isNull();
            assertThat(redis.hget("leaderboard:{RPS}:entries", ghost)).isNull();
            assertThat(redis.zrevrank("leaderboard:{RPS}", a.address()) + 1).isEqualTo(pgRank(a));
        }
    }

    @Test
    void parametersAreStrictAndAPlayerWithoutARatedGameIsNotRanked() {
        assertProblem(TestEnvironment.get("/api/leaderboard"), 400, "invalid-parameter");
        assertProblem(TestEnvironment.get("/api/leaderboard?gameType=CHESS"), 400, "invalid-parameter");
        assertProblem(TestEnvironment.get("/api/leaderboard?gameType=RPS&limit=0"), 400, "invalid-request");
        assertProblem(TestEnvironment.get("/api/leaderboard?gameType=RPS&limit=101"), 400, "invalid-request");
        assertProblem(TestEnvironment.get("/api/leaderboard?gameType=RPS&limit=5.5"), 400, "invalid-number");
        assertProblem(TestEnvironment.get("/api/leaderboard?gameType=RPS&limit=99999999999"), 400, "invalid-number");
        assertProblem(TestEnvironment.get("/api/leaderboard?gameType=RPS&around=0OIl"), 400, "invalid-wallet-address");
        assertProblem(TestEnvironment.get("/api/leaderboard?gameType=DUEL&around=" + Player.signIn().address()), 404, "not-ranked");
        assertProblem(TestEnvironment.get("/api/leaderboard?gameType=RPS&around=" + TestWallet.random().address()), 404, "not-ranked");
        JsonObject duel = TestEnvironment.json(TestEnvironment.get("/api/leaderboard?gameType=duel&limit=1"));
        assertThat(duel.getString("gameType")).isEqualTo("DUEL");
        assertThat(duel.getJsonArray("entries").size()).isLessThanOrEqualTo(1);
        assertThat(TestEnvironment.json(TestEnvironment.get("/api/ping")).getBoolean("pong")).isTrue();
    }

    /** Ranks consecutive from {@code firstRank}; ratings descending; equal ratings by ascending player id. */
    private static void assertOrdered(JsonArray entries, long firstRank) throws Exception {
        Integer previousRating = null;
        Long previousId = null;
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.getJsonObject(i);
            assertThat(entry.getJsonNumber("rank").longValue()).isEqualTo(firstRank + i);
            int rating = entry.getInt("rating");
            long id = Long.parseLong(rows("SELECT id FROM players WHERE wallet_address = ?", entry.getString("wallet")).get(0).get(0));
            if (previousRating != null) {
                assertThat(rating).isLessThanOrEqualTo(previousRating);
                if (rating == previousRating) {
                    assertThat(id).isGreaterThan(previousId);
                }
            }
            previousRating = rating;
            previousId = id;
        }
    }

    private static long onBoard() throws Exception {
        List<List<String>> count = rows("SELECT COUNT(*) FROM player_ratings WHERE game_type = 'RPS' AND rated_games > 0");
        return Long.parseLong(count.get(0).get(0));
    }
}
