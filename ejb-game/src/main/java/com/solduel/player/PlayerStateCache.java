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
 * Player profiles cached in Redis under the seed's key {@code player:{id}:state} (the id being the
 * wallet address) with a 5-minute TTL, as {@code {"format": 2, "profile": {...}}}: an entry in any
 * other format (format 1 was the bare player row) is a miss, never misread. A Redis outage
 * degrades to PostgreSQL, never to an error.
 */
@ApplicationScoped
public class PlayerStateCache {

    private static final Logger LOG = Logger.getLogger(PlayerStateCache.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "solduel.cache.player-state-ttl-seconds")
    long ttlSeconds;

    /** The JSON layout of an entry; bumped whenever {@link PlayerProfile} changes shape. */
    static final int FORMAT = 2;

    private final Jsonb jsonb = JsonbBuilder.create();

    /** The Redis key of a player's cached state. */
    public static String key(WalletAddress wallet) {
        return "player:" + wallet.value() + ":state";
    }

    public Optional<PlayerProfile> get(WalletAddress wallet) {
        String json;
        try {
            json = redis.client().get(key(wallet));
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "player cache read failed, serving from PostgreSQL: {0}", e.getMessage());
            return Optional.empty();
        }
        if (json == null) {
            return Optional.empty();
        }
        try {
            Entry entry = jsonb.fromJson(json, Entry.class);
            return entry.format() == FORMAT && entry.profile() != null ? Optional.of(entry.profile()) : Optional.empty();
        } catch (jakarta.json.bind.JsonbException e) {
            return Optional.empty();
        }
    }

    public void put(PlayerProfile profile) {
        try {
            redis.client().setex(key(WalletAddress.of(profile.walletAddress())), ttlSeconds,
                    jsonb.toJson(new Entry(FORMAT, profile)));
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

    /** What a cache entry holds. */
    public record Entry(int format, PlayerProfile profile) {
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
