package com.solduel.game.live;

import com.solduel.game.table.LogRow;
import com.solduel.infra.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Live game sessions in Redis under the seed's {@code game:{id}:session} with its 30-minute TTL:
 * the owner mirrors each game's action log there (format {@value #FORMAT}: the rows in
 * {@link LogRowJson}, from which every public event is derived), and nodes that only read a game
 * use it instead of PostgreSQL. A session of another format is ignored, never misread; PostgreSQL
 * stays the truth (a node taking a game over reads PostgreSQL after raising the epoch).
 */
@ApplicationScoped
public class SessionStore {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The session layout this code writes and reads. */
    public static final int FORMAT = 2;

    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "solduel.cache.game-session-ttl-seconds")
    long ttlSeconds;

    /** How long changes to one game are gathered before its session is rewritten. */
    private static final long FLUSH_MILLIS = 50;

    @Inject
    GameTimers timers;

    /** The Redis key of a game's session. */
    public static String key(long gameId) {
        return "game:" + gameId + ":session";
    }

    /** Games changed since the last flush, each queued once (its {@code sessionDirty} flag). */
    private final Queue<LiveGame> dirty = new ConcurrentLinkedQueue<>();
    /** Whether a flush is scheduled: the first change after a flush schedules the next. */
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    /** One flush at a time, so two flushes never write one game's sessions out of order. */
    private final Object flushing = new Object();

    /**
     * Mirrors an owned game's log to Redis soon, off the caller's path: every game changed within
     * {@link #FLUSH_MILLIS} is written by one flush, in one pipelined round trip, and writes of one
     * game keep their order. Redis may lag PostgreSQL by that much; readers only use a session that
     * has every stored row.
     */
    void mirror(LiveGame game) {
        if (game.sessionDirty.compareAndSet(false, true)) {
            dirty.add(game);
            if (flushScheduled.compareAndSet(false, true)) {
                timers.schedule(this::flush, FLUSH_MILLIS);
            }
        }
    }

    private void flush() {
        synchronized (flushing) {
            // Cleared before the queue is drained: a game queued from here on schedules the next flush.
            flushScheduled.set(false);
            Map<Long, String> sessions = new LinkedHashMap<>();
            for (LiveGame game = dirty.poll(); game != null; game = dirty.poll()) {
                String session = encode(game);
                if (session != null) {
                    sessions.put(game.gameId, session);
                }
            }
            if (!sessions.isEmpty()) {
                write(sessions);
            }
        }
    }

    /** The game's session text, its rows encoded once each; null once the game is dropped. */
    private static String encode(LiveGame game) {
        synchronized (game.sessionWrites) {
            List<LogRow> rows;
            synchronized (game) {
                game.sessionDirty.set(false);
                if (game.dropped) {
                    return null;
                }
                rows = game.table.log().rows();
            }
            // A game's rows never change once written: each is encoded once, on the first flush that has it.
            StringBuilder encoded = game.sessionRows;
            for (int i = game.sessionRowsEncoded; i < rows.size(); i++) {
                encoded.append(i == 0 ? "" : ",").append(row(rows.get(i)));
            }
            game.sessionRowsEncoded = rows.size();
            return session(game.gameId, game.epoch, encoded);
        }
    }

    /** One row as the session holds it: {@code {"seq":…,"type":…,"data":{…}}}. */
    private static String row(LogRow row) {
        return JSON.createObjectBuilder().add("seq", row.sequence()).add("type", LogRowJson.type(row).name())
                .add("data", LogRowJson.data(row)).build().toString();
    }

    /** The session's text: {@code {"format":2,"gameId":…,"epoch":…,"rows":[…]}} around the encoded rows. */
    private static String session(long gameId, long epoch, CharSequence rows) {
        return new StringBuilder(rows.length() + 64).append("{\"format\":").append(FORMAT).append(",\"gameId\":")
                .append(gameId).append(",\"epoch\":").append(epoch).append(",\"rows\":[").append(rows).append("]}")
                .toString();
    }

    /** Writes the sessions in one pipelined round trip (one per Redis node in a cluster). */
    private void write(Map<Long, String> sessions) {
        try (PipelineBase pipeline = redis.client().pipelined()) {
            sessions.forEach((gameId, session) -> pipeline.setex(key(gameId), ttlSeconds, session));
            pipeline.sync();
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "{0} game sessions not saved to Redis ({1}); PostgreSQL still has them",
                    new Object[] {sessions.size(), e.getMessage()});
        }
    }

    /** The mirrored rows of a game, if Redis has a readable session of this format. */
    Optional<List<LogRow>> rows(long gameId) {
        try {
            String json = redis.client().get(key(gameId));
            if (json == null) {
                return Optional.empty();
            }
            JsonObject session;
            try (var reader = JSON.createReader(new StringReader(json))) {
                session = reader.readObject();
            }
            if (session.getInt("format", 0) != FORMAT) {
                return Optional.empty();
            }
            List<LogRow> rows = new ArrayList<>();
            for (JsonValue value : session.getJsonArray("rows")) {
                JsonObject row = value.asJsonObject();
                rows.add(LogRowJson.read(GameActionRecord.ActionType.valueOf(row.getString("type")), row.getInt("seq"),
                        row.getJsonObject("data")));
            }
            return Optional.of(rows);
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "game session {0} not read from Redis ({1}); reading PostgreSQL",
                    new Object[] {gameId, e.getMessage()});
            return Optional.empty();
        } catch (RuntimeException unreadable) {
            LOG.log(Level.WARNING, "game session {0} in Redis is unreadable; reading PostgreSQL", gameId);
            return Optional.empty();
        }
    }
}
