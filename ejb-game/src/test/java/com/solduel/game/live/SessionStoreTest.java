package com.solduel.game.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.rules.ForfeitCause;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.LogRow;
import com.solduel.infra.redis.RedisConnection;
import com.solduel.matchmaking.LocalRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The Redis mirror of a game's log, written whole once and then appended to, against a real Redis. */
class SessionStoreTest {

    private static LocalRedis redis;
    private static SessionStore store;

    @BeforeAll
    static void start() throws Exception {
        redis = LocalRedis.start();
        store = new SessionStore();
        store.redis = new RedisConnection() {
            @Override
            public UnifiedJedis client() {
                return redis.client();
            }
        };
        store.ttlSeconds = 1800;
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
    }

    /** Rows 1..n of a game: moves, turn after turn, then a forfeit as the last row. */
    private static List<LogRow> rows(int n) {
        List<LogRow> rows = new ArrayList<>();
        for (int seq = 1; seq <= n; seq++) {
            rows.add(seq == n && n > 4
                    ? new LogRow.Forfeit(seq, Seat.P2, ForfeitCause.MISSED_TURNS)
                    : new LogRow.Move(new LoggedAction(seq, seq % 2 == 1 ? Seat.P1 : Seat.P2, (seq + 1) / 2, "ROCK", false), seq));
        }
        return rows;
    }

    private static void write(SessionStore.Mirror mirror, List<LogRow> rows) {
        store.write(List.of(new SessionStore.Pending(mirror, rows)));
    }

    private static long commandCalls(String command) {
        String stats = redis.client().info("commandstats");
        return stats.lines().filter(line -> line.startsWith("cmdstat_" + command + ":")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("^cmdstat_[^:]*:calls=(\\d+),.*", "$1"))).orElse(0L);
    }

    @Test
    void aGameIsWrittenWholeOnceThenOnlyItsNewRowsAreSent() {
        long game = 7_100_001;
        var mirror = new SessionStore.Mirror(game, 4);
        write(mirror, rows(3));
        String first = redis.client().get(SessionStore.key(game));
        assertThat(first).startsWith("{\"format\":3,\"gameId\":7100001,\"epoch\":4}\n")
                .endsWith("\n").hasLineCount(4);
        assertThat(redis.client().ttl(SessionStore.key(game))).isBetween(1790L, 1800L);

        long setexBefore = commandCalls("setex");
        long appendBefore = commandCalls("append");
        write(mirror, rows(6));
        write(mirror, rows(6));                                              // nothing new: nothing sent
        assertThat(commandCalls("append") - appendBefore).isEqualTo(1);
        assertThat(commandCalls("setex")).as("not written whole again").isEqualTo(setexBefore);
        String session = redis.client().get(SessionStore.key(game));
        assertThat(session).startsWith(first).hasLineCount(7);
        assertThat(redis.client().strlen(SessionStore.key(game))).isEqualTo(mirror.bytes);
        assertThat(store.rows(game)).contains(rows(6));

        redis.client().expire(SessionStore.key(game), 100);
        write(mirror, rows(6));
        assertThat(redis.client().ttl(SessionStore.key(game))).as("set again once a minute, not on every flush").isLessThanOrEqualTo(100);
        mirror.ttlSetAt -= SessionStore.TTL_REFRESH_NANOS;
        write(mirror, rows(6));
        assertThat(redis.client().ttl(SessionStore.key(game))).as("a minute later, even without a new row").isGreaterThan(1790);
    }

    @Test
    void aDeletedOrExpiredSessionIsWrittenWholeAgainFromRowOne() {
        long game = 7_100_002;
        var mirror = new SessionStore.Mirror(game, 1);
        write(mirror, rows(2));
        redis.client().del(SessionStore.key(game));

        write(mirror, rows(4));
        assertThat(store.rows(game)).as("every row from the first, not only the new ones").contains(rows(4));
        assertThat(redis.client().ttl(SessionStore.key(game))).isPositive();
    }

    @Test
    void anOwnerWhoseSessionAnotherNodeRewroteWritesItsOwnWholeAgain() {
        long game = 7_100_003;
        var stale = new SessionStore.Mirror(game, 1);
        write(stale, rows(2));
        var owner = new SessionStore.Mirror(game, 2);                        // took the game over
        write(owner, rows(3));

        write(stale, rows(3));                                               // a late flush of the old owner
        assertThat(store.rows(game)).as("its rows are the stored ones: only fewer").contains(rows(3));
        write(owner, rows(5));
        assertThat(redis.client().get(SessionStore.key(game))).hasLineCount(6);
        assertThat(store.rows(game)).contains(rows(5));
    }

    @Test
    void aSessionWithAGapOrARepeatedRowAnotherGamesOrAnOldFormatIsNotRead() {
        long game = 7_100_004;
        var mirror = new SessionStore.Mirror(game, 1);
        write(mirror, rows(3));
        String session = redis.client().get(SessionStore.key(game));
        String[] lines = session.split("\n");

        redis.client().set(SessionStore.key(game), session + lines[3] + "\n");  // row 3 twice
        assertThat(store.rows(game)).isEmpty();
        redis.client().set(SessionStore.key(game), lines[0] + "\n" + lines[1] + "\n" + lines[3] + "\n");  // no row 2
        assertThat(store.rows(game)).isEmpty();
        redis.client().set(SessionStore.key(game), session.replace("7100004", "7100005"));
        assertThat(store.rows(game)).as("another game's session").isEmpty();
        redis.client().set(SessionStore.key(game), "{\"format\":2,\"gameId\":7100004,\"epoch\":1,\"rows\":[]}");
        assertThat(store.rows(game)).isEmpty();
        redis.client().set(SessionStore.key(game), "not json");
        assertThat(store.rows(game)).isEmpty();
        redis.client().del(SessionStore.key(game));
        assertThat(store.rows(game)).isEmpty();

        redis.client().set(SessionStore.key(game), session);
        assertThat(store.rows(game)).isEqualTo(Optional.of(rows(3)));
    }

    @Test
    void aKeyOfAnotherTypeIsReplacedByTheWholeSession() {
        long game = 7_100_006;
        var mirror = new SessionStore.Mirror(game, 1);
        write(mirror, rows(1));
        redis.client().del(SessionStore.key(game));
        redis.client().rpush(SessionStore.key(game), "x");                  // APPEND is refused on a list

        write(mirror, rows(2));
        assertThat(store.rows(game)).contains(rows(2));
    }
}
