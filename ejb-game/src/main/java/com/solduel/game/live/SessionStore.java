package com.solduel.game.live;

import com.solduel.infra.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Live game sessions in Redis under the seed's {@code game:{id}:session} with its 30-minute TTL,
 * refreshed on every change. PostgreSQL holds the same facts (the action log), so a session lost
 * from Redis is rebuilt, never the game lost; a Redis outage only costs that rebuild.
 */
@ApplicationScoped
public class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "solduel.cache.game-session-ttl-seconds")
    long ttlSeconds;

    /** The Redis key of a game's session. */
    public static String key(long gameId) {
        return "game:" + gameId + ":session";
    }

    void save(long gameId, JsonObject session) {
        try {
            redis.client().setex(key(gameId), ttlSeconds, session.toString());
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "game session {0} not saved to Redis ({1}); PostgreSQL still has it",
                    new Object[] {gameId, e.getMessage()});
        }
    }

    Optional<JsonObject> load(long gameId) {
        try {
            String json = redis.client().get(key(gameId));
            if (json == null) {
                return Optional.empty();
            }
            try (var reader = Json.createReader(new StringReader(json))) {
                return Optional.of(reader.readObject());
            }
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "game session {0} not read from Redis ({1}); rebuilding from PostgreSQL",
                    new Object[] {gameId, e.getMessage()});
            return Optional.empty();
        } catch (RuntimeException corrupt) {
            LOG.log(Level.WARNING, "game session {0} in Redis is unreadable; rebuilding from PostgreSQL", gameId);
            return Optional.empty();
        }
    }
}
