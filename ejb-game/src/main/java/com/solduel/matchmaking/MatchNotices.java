package com.solduel.matchmaking;

import com.solduel.infra.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every node that a player was matched (Redis channel {@value #CHANNEL}, message
 * {@code {"wallet", "frame"}}); each node passes the frame to that wallet's sockets it holds. A
 * lost message is not lost for the player: the ticket holds the frame, and each node's queue
 * watcher delivers it from there within a second.
 */
@ApplicationScoped
public class MatchNotices {

    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String CHANNEL = "solduel:matchmaking:found";

    private static final Logger LOG = Logger.getLogger(MatchNotices.class.getName());

    @Inject
    RedisConnection redis;

    void matched(String wallet, MatchFound match) {
        JsonObject message = JSON.createObjectBuilder().add("wallet", wallet).add("frame", match.frame()).build();
        try {
            redis.client().publish(CHANNEL, message.toString());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "match of " + wallet + " not announced (its ticket still tells it): " + e.getMessage());
        }
    }
}
