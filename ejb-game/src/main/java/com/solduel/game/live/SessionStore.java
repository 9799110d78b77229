package com.solduel.game.live;

import com.solduel.game.table.LogRow;
import com.solduel.infra.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Live game sessions in Redis under the seed's {@code game:{id}:session} with its 30-minute TTL:
 * the owner mirrors each game's action log there (format {@value #FORMAT}: a header line, then one
 * line per row in {@link LogRowJson}, from which every public event is derived), and nodes that
 * only read a game use it instead of PostgreSQL. A session of another format, or whose rows are not
 * numbered 1, 2, 3… without a gap, is ignored, never misread; PostgreSQL stays the truth (a node
 * taking a game over reads PostgreSQL after raising the epoch).
 *
 * <p>The owner writes a game's session whole once ({@code SETEX}), then appends each flush's new
 * rows ({@code APPEND}): a game of n rows sends each row once, not n times, and the owner keeps
 * nothing of it but two counters ({@link Mirror}). {@code APPEND} answers the session's new length;
 * when that is not the length the owner wrote (the key was deleted or expired, or another node
 * wrote it), the owner writes the session whole again in a second round trip.
 */
@ApplicationScoped
public class SessionStore {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The session layout this code writes and reads. */
    public static final int FORMAT = 3;

    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "solduel.cache.game-session-ttl-seconds")
    long ttlSeconds;

    /** How long changes to one game are gathered before its session is written. */
    private static final long FLUSH_MILLIS = 50;

    /** How often a session that is only appended to has its TTL set again. */
    static final long TTL_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Inject
    GameTimers timers;

    /** The Redis key of a game's session. */
    public static String key(long gameId) {
        return "game:" + gameId + ":session";
    }

    /**
     * What this node has written of one game's session under its epoch; read and changed only by
     * a flush (one at a time).
     */
    static final class Mirror {
        final long gameId;
        final long epoch;
        /** Rows the session holds as this node wrote it. */
        int rows;
        /** The session's length in bytes as this node wrote it; 0 until it is written (whole) first, or again. */
        long bytes;
        /** {@link System#nanoTime()} when its TTL was last set. */
        long ttlSetAt;

        Mirror(long gameId, long epoch) {
            this.gameId = gameId;
            this.epoch = epoch;
        }
    }

    /** A game to write: its mirror and its rows as they stand (append-only, so a prefix of any later copy). */
    record Pending(Mirror mirror, List<LogRow> rows) {
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
            List<Pending> pending = new ArrayList<>();
            for (LiveGame game = dirty.poll(); game != null; game = dirty.poll()) {
                synchronized (game) {
                    game.sessionDirty.set(false);
                    if (!game.dropped) {
                        pending.add(new Pending(game.session, game.table.log().rows()));
                    }
                }
            }
            if (!pending.isEmpty()) {
                write(pending);
            }
        }
    }

    /**
     * Writes the games' sessions: in one pipelined round trip (one per Redis node in a cluster) the
     * new rows of each game already written, or the whole session of one not yet written; then, in
     * a second round trip and only when needed, whole again each session whose length was not the
     * one expected. Called under the flush lock (or by a test on its own mirrors).
     */
    void write(List<Pending> pending) {
        long now = System.nanoTime();
        List<Pending> rewrite = new ArrayList<>();
        try {
            try (PipelineBase pipeline = redis.client().pipelined()) {
                List<Runnable> checks = new ArrayList<>();
                for (Pending p : pending) {
                    Mirror mirror = p.mirror();
                    int upTo = p.rows().size();
                    if (mirror.bytes == 0) {
                        byte[] whole = whole(mirror, p.rows());
                        pipeline.setex(keyBytes(mirror.gameId), ttlSeconds, whole);
                        checks.add(() -> written(mirror, upTo, whole.length, now));
                    } else {
                        boolean refreshTtl = now - mirror.ttlSetAt >= TTL_REFRESH_NANOS;
                        if (upTo > mirror.rows) {
                            byte[] added = rows(p.rows(), mirror.rows, upTo);
                            long expected = mirror.bytes + added.length;
                            Response<Long> length = pipeline.append(keyBytes(mirror.gameId), added);
                            checks.add(() -> {
                                if (appended(length) == expected) {
                                    written(mirror, upTo, expected, refreshTtl ? now : mirror.ttlSetAt);
                                } else {
                                    rewrite.add(p);
                                }
                            });
                        } else if (refreshTtl) {
                            checks.add(() -> mirror.ttlSetAt = now);
                        }
                        if (refreshTtl) {
                            pipeline.expire(keyBytes(mirror.gameId), ttlSeconds);
                        }
                    }
                }
                pipeline.sync();
                checks.forEach(Runnable::run);
            }
            if (!rewrite.isEmpty()) {
                try (PipelineBase pipeline = redis.client().pipelined()) {
                    List<Runnable> done = new ArrayList<>();
                    for (Pending p : rewrite) {
                        byte[] whole = whole(p.mirror(), p.rows());
                        pipeline.setex(keyBytes(p.mirror().gameId), ttlSeconds, whole);
                        done.add(() -> written(p.mirror(), p.rows().size(), whole.length, now));
                    }
                    pipeline.sync();
                    done.forEach(Runnable::run);
                }
            }
        } catch (JedisException e) {
            // What reached Redis is unknown: each of these sessions is written whole next time.
            pending.forEach(p -> p.mirror().bytes = 0);
            LOG.log(Level.WARNING, "{0} game sessions not saved to Redis ({1}); PostgreSQL still has them",
                    new Object[] {pending.size(), e.getMessage()});
        }
    }

    private static void written(Mirror mirror, int rows, long bytes, long ttlSetAt) {
        mirror.rows = rows;
        mirror.bytes = bytes;
        mirror.ttlSetAt = ttlSetAt;
    }

    /** The session's length after an APPEND, or -1 when Redis refused it (a key of another type). */
    private static long appended(Response<Long> length) {
        try {
            return length.get();
        } catch (JedisDataException refused) {
            return -1;
        }
    }

    private static byte[] keyBytes(long gameId) {
        return key(gameId).getBytes(StandardCharsets.UTF_8);
    }

    /** The whole session: {@code {"format":3,"gameId":…,"epoch":…}} and a newline, then every row and a newline. */
    private static byte[] whole(Mirror mirror, List<LogRow> rows) {
        StringBuilder text = new StringBuilder(64 + 120 * rows.size()).append("{\"format\":").append(FORMAT)
                .append(",\"gameId\":").append(mirror.gameId).append(",\"epoch\":").append(mirror.epoch).append("}\n");
        return appendRows(text, rows, 0, rows.size()).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), each a line. */
    private static byte[] rows(List<LogRow> rows, int from, int to) {
        return appendRows(new StringBuilder(120 * (to - from)), rows, from, to).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder appendRows(StringBuilder text, List<LogRow> rows, int from, int to) {
        for (int i = from; i < to; i++) {
            text.append(row(rows.get(i))).append('\n');
        }
        return text;
    }

    /** One row as the session holds it: {@code {"seq":…,"type":…,"data":{…}}}. */
    private static String row(LogRow row) {
        return JSON.createObjectBuilder().add("seq", row.sequence()).add("type", LogRowJson.type(row).name())
                .add("data", LogRowJson.data(row)).build().toString();
    }

    /**
     * The mirrored rows of a game, if Redis has a readable session of this format for it: its header
     * names this format and game, and its rows are numbered 1, 2, 3… without a gap.
     */
    Optional<List<LogRow>> rows(long gameId) {
        try {
            String text = redis.client().get(key(gameId));
            if (text == null) {
                return Optional.empty();
            }
            String[] lines = text.split("\n");
            JsonObject header = parse(lines[0]);
            if (header.getInt("format", 0) != FORMAT || !header.containsKey("gameId")
                    || header.getJsonNumber("gameId").longValueExact() != gameId) {
                return Optional.empty();
            }
            List<LogRow> rows = new ArrayList<>(lines.length - 1);
            for (int i = 1; i < lines.length; i++) {
                JsonObject row = parse(lines[i]);
                if (row.getInt("seq") != i) {
                    LOG.log(Level.WARNING, "game session {0} in Redis has row {1} where row {2} belongs; reading PostgreSQL",
                            new Object[] {gameId, row.getInt("seq"), i});
                    return Optional.empty();
                }
                rows.add(LogRowJson.read(GameActionRecord.ActionType.valueOf(row.getString("type")), i,
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

    private static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
