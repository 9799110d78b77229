package com.solduel.game.live;

import com.solduel.infra.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nodes sharing this Redis, each with a heartbeat ({@code solduel:nodes}, one hash field per
 * node: when it last beat, how many games it owns, how many it may own). Tells whether a node is
 * alive (its followers elsewhere still count as connected) and whether any node has room for a
 * new game.
 */
@ApplicationScoped
public class NodeRegistry {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The Redis hash of heartbeats. */
    public static final String KEY = "solduel:nodes";
    /** A node silent this long is taken for dead. */
    static final long DEAD_AFTER_MILLIS = 5_000;
    /** A node silent this long is forgotten. */
    private static final long FORGET_AFTER_MILLIS = 60_000;

    private static final Logger LOG = Logger.getLogger(NodeRegistry.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    NodeIdentity node;

    /** Tells the others this node is alive and how full it is. */
    void beat(long owned, long max) {
        long now = System.currentTimeMillis();
        redis.client().hset(KEY, node.id(), JSON.createObjectBuilder().add("at", now).add("owned", owned).add("max", max)
                .build().toString());
        redis.client().hgetAll(KEY).forEach((id, beat) -> {
            if (now - read(beat).getJsonNumber("at").longValue() > FORGET_AFTER_MILLIS) {
                redis.client().hdel(KEY, id);
            }
        });
    }

    /** Whether {@code nodeId} beat recently. */
    public boolean alive(String nodeId) {
        try {
            String beat = redis.client().hget(KEY, nodeId);
            return beat != null && System.currentTimeMillis() - read(beat).getJsonNumber("at").longValue() <= DEAD_AFTER_MILLIS;
        } catch (RuntimeException e) {
            // Redis unreachable: do not declare anyone dead on that basis.
            LOG.log(Level.FINE, "node liveness unknown: " + e.getMessage());
            return true;
        }
    }

    /** A node's last heartbeat as the other nodes see it. */
    public record Heartbeat(String node, boolean alive, long ownedGames, long capacity, long beatAtMillis) {
    }

    /** Every node that beat in the last minute, by id; what the admin dashboard shows of the cluster. */
    public java.util.List<Heartbeat> heartbeats() {
        long now = System.currentTimeMillis();
        return redis.client().hgetAll(KEY).entrySet().stream().map(entry -> {
            JsonObject beat = read(entry.getValue());
            long at = beat.getJsonNumber("at").longValue();
            return new Heartbeat(entry.getKey(), now - at <= DEAD_AFTER_MILLIS, beat.getJsonNumber("owned").longValue(),
                    beat.getJsonNumber("max").longValue(), at);
        }).sorted(java.util.Comparator.comparing(Heartbeat::node)).toList();
    }

    /** Whether some live node other than this one owns fewer games than it may. */
    boolean anotherNodeHasRoom() {
        long now = System.currentTimeMillis();
        for (Map.Entry<String, String> entry : redis.client().hgetAll(KEY).entrySet()) {
            JsonObject beat = read(entry.getValue());
            if (!entry.getKey().equals(node.id()) && now - beat.getJsonNumber("at").longValue() <= DEAD_AFTER_MILLIS
                    && beat.getJsonNumber("owned").longValue() < beat.getJsonNumber("max").longValue()) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject read(String beat) {
        try (var reader = JSON.createReader(new StringReader(beat))) {
            return reader.readObject();
        }
    }
}
