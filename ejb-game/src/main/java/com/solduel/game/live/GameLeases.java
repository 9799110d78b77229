package com.solduel.game.live;

import com.solduel.infra.redis.LuaScript;
import com.solduel.infra.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.params.SetParams;

/**
 * Who owns each live game: a lease in Redis, {@code game:{id}:owner} = the owning node's id, that
 * expires unless its owner renews it. One key per game, so it works the same on one Redis and on
 * a Redis Cluster. The lease only says who should drive the game; the fencing epoch in
 * PostgreSQL ({@link GameRecords#takeOwnership}) is what stops a node that lost it from writing.
 */
@ApplicationScoped
public class GameLeases {

    private static final LuaScript RENEW = LuaScript.of("if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end");
    private static final LuaScript RELEASE = LuaScript.of("if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('DEL', KEYS[1]) else return 0 end");

    /** Renewals sent in one round trip: bounds the request and answer buffers at any game count. */
    private static final int RENEW_BATCH = 500;

    @Inject
    RedisConnection redis;

    @Inject
    NodeIdentity node;

    @Inject
    @ConfigProperty(name = "solduel.game.lease-millis")
    long leaseMillis;

    /** The Redis key of a game's lease. */
    public static String key(long gameId) {
        return "game:" + gameId + ":owner";
    }

    /** Takes the lease if nobody holds it (or renews it if this node does); true when this node holds it now. */
    boolean acquire(long gameId) {
        String taken = redis.client().set(key(gameId), node.id(), SetParams.setParams().nx().px(leaseMillis));
        return "OK".equals(taken) || renew(gameId);
    }

    /** Extends this node's lease; false when this node does not hold it any more. */
    boolean renew(long gameId) {
        Object renewed = RENEW.eval(redis.client(), List.of(key(gameId)), List.of(node.id(), Long.toString(leaseMillis)));
        return renewed instanceof Long n && n == 1L;
    }

    /**
     * Extends this node's leases of {@code gameIds} in pipelined round trips of up to
     * {@value #RENEW_BATCH} games (a node renews every game it owns a few times per lease); the
     * games whose lease this node does not hold any more.
     */
    Set<Long> renewAll(List<Long> gameIds) {
        Set<Long> lost = new HashSet<>();
        List<String> args = List.of(node.id(), Long.toString(leaseMillis));
        for (int from = 0; from < gameIds.size(); from += RENEW_BATCH) {
            List<Long> batch = gameIds.subList(from, Math.min(gameIds.size(), from + RENEW_BATCH));
            List<Object> renewed = RENEW.evalAll(redis.client(),
                    batch.stream().map(id -> new LuaScript.Call(List.of(key(id)), args)).toList());
            for (int i = 0; i < batch.size(); i++) {
                if (!(renewed.get(i) instanceof Long n && n == 1L)) {
                    lost.add(batch.get(i));
                }
            }
        }
        return lost;
    }

    /** Gives the lease up (the game ended, or this node dropped it); a lease held by another node is left alone. */
    void release(long gameId) {
        RELEASE.eval(redis.client(), List.of(key(gameId)), List.of(node.id()));
    }

    /** The node holding the game's lease, if any. */
    Optional<String> owner(long gameId) {
        return Optional.ofNullable(redis.client().get(key(gameId)));
    }

    long leaseMillis() {
        return leaseMillis;
    }
}
