package com.solduel.player;

import com.solduel.infra.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Player state cached in Redis under the seed's key {@code player:{id}:state} (the id being the
 * wallet address) with a 5-minute TTL. A Redis outage degrades to PostgreSQL, never to an error.
 */
@ApplicationScoped
public class PlayerStateCache {

    private static final Logger LOG = Logger.getLogger(PlayerStateCache.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "solduel.cache.player-state-ttl-seconds")
    long ttlSeconds;

    private final Jsonb jsonb = JsonbBuilder.create();

    /** The Redis key of a player's cached state. */
    public static String key(WalletAddress wallet) {
        return "player:" + wallet.value() + ":state";
    }

    public Optional<PlayerState> get(WalletAddress wallet) {
        try {
            String json = redis.client().get(key(wallet));
            return json == null ? Optional.empty() : Optional.of(jsonb.fromJson(json, PlayerState.class));
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "player cache read failed, serving from PostgreSQL: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    public void put(PlayerState state) {
        try {
            redis.client().setex(key(WalletAddress.of(state.walletAddress())), ttlSeconds, jsonb.toJson(state));
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "player cache write failed: {0}", e.getMessage());
        }
    }

    /** Drops a player's cached state after a committed change to the player row. */
    public void evict(WalletAddress wallet) {
        try {
            redis.client().del(key(wallet));
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "player cache eviction failed (entry expires by TTL): {0}", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B", e);
        }
    }
}
