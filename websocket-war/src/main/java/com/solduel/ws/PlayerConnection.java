package com.solduel.ws;

import com.solduel.auth.AuthenticatedPlayer;
import com.solduel.game.live.GameListener;
import com.solduel.game.table.GameMessage;
import com.solduel.game.table.StateSnapshot;
import com.solduel.game.table.VersionedEvent;
import com.solduel.ws.protocol.FrameRateLimit;
import com.solduel.ws.protocol.GameWire;
import com.solduel.ws.protocol.LogBudget;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open game socket of an authenticated player: its player's budget, its outbound queue and the
 * games it follows, each through its own {@link Subscription} (the game hall's listener).
 */
final class PlayerConnection {

    private static final Logger LOG = Logger.getLogger(PlayerConnection.class.getName());
    /** RFC 6455 allows 123 bytes of close reason. */
    private static final int MAX_REASON_CHARS = 120;
    /** How long a policy close waits for queued frames to reach a client before closing anyway. */
    private static final long FLUSH_BEFORE_CLOSE_MILLIS = 2000;
    /**
     * How long after a socket's close the frames it causes start to be written (see
     * {@link OutboundQueue#deferWhile}): long enough for a burst of closes to be handled first.
     */
    private static final long CLOSE_NEWS_DELAY_MILLIS = 1000;

    private final Session session;
    private final AuthenticatedPlayer player;
    private final PlayerBudget budget;
    private final OutboundQueue outbound;
    private final Map<Long, Subscription> games = new ConcurrentHashMap<>();
    private final ScheduledExecutorService closer;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile boolean closed;
    private final AtomicBoolean closingForNotReading = new AtomicBoolean();
    private volatile Consumer<Subscription> onMoved = s -> { };
    private final AtomicLong subscriptions = new AtomicLong();

    PlayerConnection(Session session, AuthenticatedPlayer player, PlayerBudget budget, WebSocketSettings settings,
                     ScheduledExecutorService closer) {
        this.closer = closer;
        this.session = session;
        this.player = player;
        this.budget = budget;
        this.outbound = new OutboundQueue(
                (text, done) -> session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null
                        : Optional.ofNullable(result.getException()).orElseGet(() -> new IOException("send failed")))),
                settings.syncSends() ? text -> session.getBasicRemote().sendText(text) : null,
                settings.outboundQueueLimit(),
                this::closeForNotReading,
                failure -> {
                    LOG.log(Level.FINE, "write to a game socket failed; closing it", failure);
                    closer.execute(() -> close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "write failed"));
                });
    }

    AuthenticatedPlayer player() {
        return player;
    }

    /** What to do when a followed game moved to another node (follow it there). */
    void onMoved(Consumer<Subscription> reroute) {
        this.onMoved = reroute;
    }

    String id() {
        return session.getId();
    }

    /** The player's message budget on this node, shared with their other sockets. */
    FrameRateLimit rateLimit() {
        return budget.rateLimit();
    }

    /** The log lines this player may still cause this minute, shared with their other sockets. */
    LogBudget logLines() {
        return budget.logLines();
    }

    /** Notes that the client sent a frame (of any kind): it is alive. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** Nanoseconds since the client last sent a frame. */
    long silentForNanos(long nowNanos) {
        return nowNanos - lastHeardNanos;
    }

    /**
     * Handles one message of this client: the frames it causes, to this client and to others, are
     * written on this thread once it is handled (see {@link OutboundQueue#holdWhile}).
     */
    void handling(Runnable message) {
        OutboundQueue.holdWhile(outbound, message);
    }

    /**
     * Handles this socket's close: the frames it causes to others (the opponent's
     * {@code player_disconnected}) are written {@value #CLOSE_NEWS_DELAY_MILLIS} ms later, never on
     * this thread, and not at all to a socket that closed meanwhile.
     */
    void closing(Runnable close) {
        OutboundQueue.deferWhile(close, closer, CLOSE_NEWS_DELAY_MILLIS);
    }

    /** How long a write to this client has been waiting for it to read (0 when none is). */
    long blockedForNanos(long nowNanos) {
        return outbound.blockedForNanos(nowNanos);
    }

    /**
     * Closes the socket with 1008 (once) for a client that does not read its frames: too many wait
     * for it, or a write has waited too long. Never on the caller's thread, which may be inside a game
     * hall callback (closing runs @OnClose, which calls back into the hall) or the stall sweep (Liberty
     * waits up to 5.5 s for a write in progress before closing).
     */
    void closeForNotReading() {
        if (closingForNotReading.compareAndSet(false, true)) {
            closer.execute(() -> close(CloseReason.CloseCodes.VIOLATED_POLICY,
                    "too many unread frames: read faster, then reconnect with sinceVersion"));
        }
    }

    /** Queues a frame for this client; never blocks. */
    void send(JsonObject frame) {
        outbound.offer(frame.toString());
    }

    /** Queues a frame already encoded as text; never blocks. */
    void sendText(String frame) {
        outbound.offer(frame);
    }

    /** The subscription to {@code gameId}, if this connection follows it. */
    Optional<Subscription> subscription(long gameId) {
        return Optional.ofNullable(games.get(gameId));
    }

    /** True once the socket has closed. */
    boolean isClosed() {
        return closed;
    }

    /** The games this connection follows that have not ended: a finished game's subscription does not count. */
    int followedGames() {
        int live = 0;
        for (Subscription subscription : games.values()) {
            if (!subscription.ended) {
                live++;
            }
        }
        return live;
    }

    /** Starts following {@code gameId} (as a player or a spectator); returns the subscription it replaces. */
    Optional<Subscription> follow(Subscription subscription) {
        return Optional.ofNullable(games.put(subscription.gameId(), subscription));
    }

    /** Stops following a game, unless another subscription has replaced this one meanwhile. */
    void unfollow(Subscription subscription) {
        games.remove(subscription.gameId(), subscription);
    }

    /** Removes and returns every subscription (the socket closed); later subscriptions see {@link #isClosed()}. */
    Collection<Subscription> unfollowAll() {
        closed = true;
        List<Subscription> all = List.copyOf(games.values());
        games.clear();
        outbound.close();
        return all;
    }

    /**
     * Closes the socket with {@code code} once the frames already queued (such as the error that
     * explains the close) are written, or after two seconds for a client that does not read.
     */
    void closeAfterFlush(CloseReason.CloseCode code, String reason) {
        outbound.finish(() -> closer.execute(() -> close(code, reason)));
        closer.schedule(() -> close(code, reason), FLUSH_BEFORE_CLOSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes the socket with {@code code}; the container then runs the endpoint's @OnClose. */
    void close(CloseReason.CloseCode code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "closing a game socket failed; it is gone already", e);
        }
    }

    /**
     * This connection's link to one game: the game's frames reach the client through it, from the
     * game hall of this node or, when another node owns the game, relayed through Redis. It
     * remembers the last version it passed on, so following the game elsewhere resumes there.
     */
    final class Subscription implements GameListener {

        private final long gameId;
        private final boolean seated;
        private final String id;
        /** The node that owns the game, when it is not this one; null while followed here. */
        private volatile String owner;
        private volatile long lastVersion;
        /** Set once the game's last frame (game_over, game_cancelled) went out: it no longer counts as followed. */
        private volatile boolean ended;

        Subscription(long gameId, boolean seated) {
            this.gameId = gameId;
            this.seated = seated;
            this.id = session.getId() + ":" + gameId + ":" + subscriptions.incrementAndGet();
        }

        long gameId() {
            return gameId;
        }

        /** True when joined as a player (join_game), false for a spectator (watch_game). */
        boolean seated() {
            return seated;
        }

        /** Unique among this node's subscriptions: how a relayed frame finds it. */
        String id() {
            return id;
        }

        PlayerConnection connection() {
            return PlayerConnection.this;
        }

        String owner() {
            return owner;
        }

        void followedOn(String node) {
            this.owner = node;
        }

        /** The highest version passed on so far (0 before any). */
        long lastVersion() {
            return lastVersion;
        }

        @Override
        public void deliver(GameMessage message) {
            if (message instanceof VersionedEvent event) {
                seen(event.version());
            } else if (message instanceof StateSnapshot state) {
                seen(state.version());
            }
            outbound.offer(GameWire.text(message));
            if (GameWire.isLast(message)) {
                ended = true;
            }
        }

        /** A frame relayed from the owning node; {@code version} is negative for a frame without one. */
        void deliverRelayed(String frame, long version) {
            if (version >= 0) {
                seen(version);
            }
            outbound.offer(frame);
            if (GameWire.isLast(frame)) {
                ended = true;
            }
        }

        private void seen(long version) {
            if (version > lastVersion) {
                lastVersion = version;
            }
        }

        @Override
        public void moved(long movedGameId) {
            onMoved.accept(this);
        }
    }
}
