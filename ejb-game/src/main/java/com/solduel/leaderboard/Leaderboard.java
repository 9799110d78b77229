package com.solduel.leaderboard;

import com.solduel.game.rules.GameType;
import com.solduel.infra.redis.LuaScript;
import com.solduel.infra.redis.RedisConnection;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Each game type's leaderboard in Redis, mirrored from PostgreSQL (the truth). Keys, with the game
 * type as the hash tag so one Lua script reaches all three on a cluster:
 * {@code leaderboard:{RPS}} (sorted set: member wallet, score rating × 2^32 − player id, so the
 * order is rating descending, then player id), {@code leaderboard:{RPS}:entries} (hash: wallet →
 * rated games, wins, losses, draws, rating, username) and {@code leaderboard:{RPS}:built} (the
 * format, set by a completed rebuild). While that marker is missing or Redis fails, reads are
 * answered from PostgreSQL, and a missing marker starts a rebuild.
 */
@ApplicationScoped
public class Leaderboard {

    /** Bumped when the keys' layout changes: a board built in another format is rebuilt. */
    static final String FORMAT = "1";

    private static final Logger LOG = Logger.getLogger(Leaderboard.class.getName());

    /**
     * Upserts players: ARGV is (wallet, score, encoded, ratedGames) per player. A value with more
     * rated games than the one offered is newer and stays (two mirrors may finish out of order).
     */
    private static final LuaScript MIRROR = LuaScript.of("""
            local applied = 0
            for i = 1, #ARGV, 4 do
              local old = redis.call('HGET', KEYS[2], ARGV[i])
              if (not old) or tonumber(string.match(old, '^(%d+)|')) <= tonumber(ARGV[i + 3]) then
                redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
                redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 2])
                applied = applied + 1
              end
            end
            return applied""");

    /** {total, first position, members, values} of a slice, or nil while the board is not built. */
    private static final LuaScript SLICE = LuaScript.of("""
            if redis.call('GET', KEYS[3]) ~= ARGV[3] then return false end
            local from = tonumber(ARGV[1])
            local count = tonumber(ARGV[2])
            if ARGV[4] then
              local rank = redis.call('ZREVRANK', KEYS[1], ARGV[4])
              if not rank then return {redis.call('ZCARD', KEYS[1]), -1, {}, {}} end
              from = math.max(0, rank - count)
              count = rank - from + count + 1
            end
            local members = redis.call('ZREVRANGE', KEYS[1], from, from + count - 1)
            local values = {}
            if #members > 0 then values = redis.call('HMGET', KEYS[2], unpack(members)) end
            return {redis.call('ZCARD', KEYS[1]), from, members, values}""");

    private static final LuaScript RANK = LuaScript.of("""
            if redis.call('GET', KEYS[2]) ~= ARGV[2] then return false end
            local rank = redis.call('ZREVRANK', KEYS[1], ARGV[1])
            if not rank then return -1 end
            return rank""");

    @Inject
    RedisConnection redis;

    @EJB
    LeaderboardRows rows;

    @EJB
    LeaderboardRebuilds rebuilds;

    @Inject
    @ConfigProperty(name = "solduel.leaderboard.neighbours")
    int neighbours;

    @Inject
    @ConfigProperty(name = "solduel.leaderboard.top-cache-millis")
    long topCacheMillis;

    /** Recent top-N answers of this node: {@code type:limit} → page; dropped when this node changes the board. */
    private final Map<String, Cached> topCache = new ConcurrentHashMap<>();

    static String key(GameType type) {
        return "leaderboard:{" + type.name() + "}";
    }

    static String entriesKey(GameType type) {
        return key(type) + ":entries";
    }

    static String builtKey(GameType type) {
        return key(type) + ":built";
    }

    /** The best {@code limit} players of {@code type}. */
    public LeaderboardPage top(GameType type, int limit) {
        String cacheKey = type.name() + ':' + limit;
        long now = System.nanoTime();
        Cached cached = topCache.get(cacheKey);
        if (cached != null && now - cached.at < topCacheMillis * 1_000_000L) {
            return cached.page;
        }
        LeaderboardPage page = fromRedis(type, List.of("0", Integer.toString(limit), FORMAT))
                .orElseGet(() -> new LeaderboardPage(type.name(), rows.total(type), rows.slice(type, 0, limit)));
        topCache.put(cacheKey, new Cached(page, now));
        return page;
    }

    /** {@code wallet} and up to {@code solduel.leaderboard.neighbours} players above and below it. */
    public LeaderboardPage around(GameType type, String wallet) {
        Optional<LeaderboardPage> page = fromRedis(type, List.of("0", Integer.toString(neighbours), FORMAT, wallet));
        if (page.isPresent()) {
            if (page.get().entries().isEmpty()) {
                throw new NotRankedException(wallet, type.name());
            }
            return page.get();
        }
        long rank = rows.rank(type, wallet).orElseThrow(() -> new NotRankedException(wallet, type.name()));
        long from = Math.max(0, rank - 1 - neighbours);
        return new LeaderboardPage(type.name(), rows.total(type), rows.slice(type, from, (int) (rank - from + neighbours)));
    }

    /** The 1-based rank of {@code wallet} on the board of {@code type}; empty when it is not on it. */
    public Optional<Long> rank(GameType type, String wallet) {
        try {
            Object answer = RANK.eval(redis.client(), List.of(key(type), builtKey(type)), List.of(wallet, FORMAT));
            if (answer != null) {
                long rank = ((Number) answer).longValue();
                return rank < 0 ? Optional.empty() : Optional.of(rank + 1);
            }
            rebuilds.rebuildLater(type);
        } catch (JedisException e) {
            LOG.log(Level.FINE, "leaderboard rank from PostgreSQL: Redis failed", e);
        }
        return rows.rank(type, wallet);
    }

    /** Writes the players' committed rows of {@code type} to the board (after their result committed). */
    public void mirror(GameType type, List<RatedPlayer> players) {
        try {
            write(type, players);
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "leaderboard {0} not mirrored (Redis: {1}); it is stale for these players until "
                    + "their next rated game or a rebuild (POST /api/admin/leaderboard/rebuild)",
                    new Object[] {type, e.getMessage()});
        } finally {
            forgetTop(type);
        }
    }

    /**
     * Rebuilds the board of {@code type} from PostgreSQL in place: every row upserted (newer
     * values mirrored meanwhile win), players no longer on it removed, then the marker set.
     * Returns how many players it holds.
     */
    public int rebuild(GameType type) {
        Set<String> wallets = new HashSet<>();
        rows.each(type, 500, batch -> {
            write(type, batch);
            batch.forEach(p -> wallets.add(p.wallet()));
        });
        List<String> stale = new ArrayList<>();
        for (String member : redis.client().zrange(key(type), 0, -1)) {
            // Checked again: a first rated game may have committed (and been mirrored) meanwhile.
            if (!wallets.contains(member) && rows.rank(type, member).isEmpty()) {
                stale.add(member);
            }
        }
        for (int i = 0; i < stale.size(); i += 500) {
            String[] chunk = stale.subList(i, Math.min(stale.size(), i + 500)).toArray(String[]::new);
            redis.client().zrem(key(type), chunk);
            redis.client().hdel(entriesKey(type), chunk);
        }
        redis.client().set(builtKey(type), FORMAT);
        forgetTop(type);
        return wallets.size();
    }

    /** Whether the board of {@code type} was built in the current format. */
    public boolean built(GameType type) {
        return FORMAT.equals(redis.client().get(builtKey(type)));
    }

    private void write(GameType type, List<RatedPlayer> players) {
        if (players.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(players.size() * 4);
        for (RatedPlayer p : players) {
            args.add(p.wallet());
            args.add(Double.toString(p.score()));
            args.add(p.encoded());
            args.add(Integer.toString(p.ratedGames()));
        }
        MIRROR.eval(redis.client(), List.of(key(type), entriesKey(type)), args);
    }

    private void forgetTop(GameType type) {
        topCache.keySet().removeIf(k -> k.startsWith(type.name() + ':'));
    }

    /** The slice from Redis; empty when Redis failed or the board is not built (a rebuild is then started). */
    private Optional<LeaderboardPage> fromRedis(GameType type, List<String> args) {
        Object answer;
        try {
            answer = SLICE.eval(redis.client(), List.of(key(type), entriesKey(type), builtKey(type)), args);
        } catch (JedisException e) {
            LOG.log(Level.FINE, "leaderboard from PostgreSQL: Redis failed", e);
            return Optional.empty();
        }
        if (answer == null) {
            rebuilds.rebuildLater(type);
            return Optional.empty();
        }
        List<?> parts = (List<?>) answer;
        long total = ((Number) parts.get(0)).longValue();
        long from = ((Number) parts.get(1)).longValue();
        List<?> members = (List<?>) parts.get(2);
        List<?> values = (List<?>) parts.get(3);
        List<LeaderboardEntry> entries = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                // A member without its hash value: an interrupted write; PostgreSQL answers instead.
                return Optional.empty();
            }
            entries.add(RatedPlayer.decode(from + i + 1, text(members.get(i)), text(value)));
        }
        return Optional.of(new LeaderboardPage(type.name(), total, entries));
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : reply.toString();
    }

    private record Cached(LeaderboardPage page, long at) {
    }
}
