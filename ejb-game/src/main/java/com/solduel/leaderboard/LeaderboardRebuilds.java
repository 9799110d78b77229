package com.solduel.leaderboard;

import com.solduel.game.rules.GameType;
import com.solduel.infra.redis.LuaScript;
import com.solduel.infra.redis.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Builds the leaderboards from PostgreSQL: at start when a board is missing or in an older format,
 * when a read finds it missing (Redis restarted empty), and on an admin's demand. Nodes starting
 * together do not all rebuild: a board is rebuilt by the node holding {@code leaderboard:{T}:rebuilding}
 * (SET NX, 120 s); the others read PostgreSQL until it is built.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LeaderboardRebuilds {

    private static final Logger LOG = Logger.getLogger(LeaderboardRebuilds.class.getName());
    private static final LuaScript RELEASE = LuaScript.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0");
    private static final long LOCK_SECONDS = 120;

    @Inject
    Leaderboard board;

    @Inject
    RedisConnection redis;

    private final Set<GameType> running = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void atStart() {
        for (GameType type : GameType.values()) {
            try {
                if (!board.built(type)) {
                    rebuildShared(type);
                }
            } catch (RuntimeException e) {
                // Redis down at start: reads use PostgreSQL, and the first read that finds Redis back rebuilds.
                LOG.log(Level.WARNING, "leaderboard {0} not built at start: {1}", new Object[] {type, e.getMessage()});
            }
        }
    }

    /** Rebuilds the board of {@code type} in the background unless this or another node is already at it. */
    @Asynchronous
    public void rebuildLater(GameType type) {
        try {
            rebuildShared(type);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "leaderboard {0} rebuild failed: {1}", new Object[] {type, e.getMessage()});
        }
    }

    /** Rebuilds every game type's board now (admin); says how many players each holds. */
    public LeaderboardsRebuilt rebuildAll() {
        List<RebuiltBoard> boards = new ArrayList<>();
        try {
            for (GameType type : GameType.values()) {
                boards.add(new RebuiltBoard(type.name(), board.rebuild(type)));
            }
        } catch (JedisException e) {
            throw new LeaderboardUnavailableException(e);
        }
        LOG.info(() -> "leaderboards rebuilt on demand: " + boards);
        return new LeaderboardsRebuilt(boards);
    }

    private void rebuildShared(GameType type) {
        if (!running.add(type)) {
            return;
        }
        try {
            String lock = Leaderboard.key(type) + ":rebuilding";
            String token = UUID.randomUUID().toString();
            if (!"OK".equals(redis.client().set(lock, token, SetParams.setParams().nx().ex(LOCK_SECONDS)))) {
                return;
            }
            try {
                if (!board.built(type)) {
                    long started = System.nanoTime();
                    int players = board.rebuild(type);
                    LOG.info(() -> "leaderboard " + type + " rebuilt from PostgreSQL: " + players + " players in "
                            + (System.nanoTime() - started) / 1_000_000 + " ms");
                }
            } finally {
                try {
                    RELEASE.eval(redis.client(), List.of(lock), List.of(token));
                } catch (JedisException e) {
                    LOG.log(Level.FINE, "rebuild lock not released (it expires)", e);
                }
            }
        } finally {
            running.remove(type);
        }
    }
}
