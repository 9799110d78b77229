package com.solduel.ws;

import com.solduel.infra.redis.RedisConnection;
import com.solduel.matchmaking.JoinRequest;
import com.solduel.matchmaking.MatchNotices;
import com.solduel.matchmaking.MatchQueue;
import com.solduel.matchmaking.MatchmakingSettings;
import com.solduel.matchmaking.QueueStatus;
import com.solduel.matchmaking.QueueStore;
import com.solduel.matchmaking.QueueTicket;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException;
import com.solduel.ws.protocol.Command;
import com.solduel.ws.protocol.ServerFrames;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Matchmaking on the game socket, on this node: {@code queue_join} and {@code queue_leave}; pushes
 * {@code match_found} (heard on Redis channel {@link MatchNotices#CHANNEL}, or read from the ticket
 * when that message was missed) to every socket of the wallet held here (for a wagered match each
 * such socket then follows the game as its player, so it is told what to deposit), {@code queue_status}
 * every {@code solduel.matchmaking.status-interval-seconds} and when the range widens, and
 * {@code queue_left} when the wait ended otherwise. When a player's last socket here closes,
 * their WebSocket ticket is marked; the pairing loop removes it after the reconnect grace unless a
 * socket of theirs opens again (on any node). When Redis lost its data (restarted empty: the epoch
 * key changed), this node puts its connected WebSocket players back with their original join times.
 */
@ApplicationScoped
public class MatchmakingSockets {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(MatchmakingSockets.class.getName());
    private static final long WATCH_MILLIS = 1_000;

    @Inject
    MatchQueue queue;

    @Inject
    MatchmakingSettings settings;

    @Inject
    RedisConnection redis;

    @Resource
    ManagedScheduledExecutorService executor;

    @Resource
    ManagedThreadFactory threads;

    /** Sockets open here, by wallet. */
    private final Map<String, Set<PlayerConnection>> sockets = new ConcurrentHashMap<>();
    /** Players who joined over a socket here (or whose socket opened here while they wait): what to watch and rebuild. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    /** The last game whose match_found went to a wallet's sockets here: told once, whether pub/sub or the ticket came first. */
    private final Map<String, Long> told = new ConcurrentHashMap<>();
    private volatile java.util.function.BiConsumer<PlayerConnection, Long> followMatchedGame = (connection, gameId) -> { };
    private volatile String epoch;
    private volatile boolean running = true;
    private volatile Jedis listening;
    private ScheduledFuture<?> watch;

    /** What this node remembers of a player waiting over WebSocket. */
    private static final class Waiting {
        final JoinRequest request;
        volatile long joinedAt;
        volatile long lastStatusAt;
        volatile int lastWidth;

        Waiting(JoinRequest request, long joinedAt, long lastStatusAt, int lastWidth) {
            this.request = request;
            this.joinedAt = joinedAt;
            this.lastStatusAt = lastStatusAt;
            this.lastWidth = lastWidth;
        }
    }

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean is the point: @PostConstruct starts the listener and the watcher
    }

    @PostConstruct
    void start() {
        threads.newThread(this::listen).start();
        watch = executor.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        running = false;
        watch.cancel(false);
        Jedis connection = listening;
        if (connection != null) {
            connection.close();
        }
    }

    // ---- commands ----

    void join(PlayerConnection connection, Command.QueueJoin command) {
        WalletAddress wallet = connection.player().wallet();
        JoinRequest request = new JoinRequest(command.gameType(), command.wager(), command.rated(), command.clientSeed());
        QueueStatus status = queue.join(wallet, request, QueueTicket.Via.WS);
        waiting.put(wallet.value(), new Waiting(request, status.joinedAt(), System.currentTimeMillis(), width(status)));
        tell(wallet.value(), ServerFrames.queueStatus(status, false));
    }

    void leave(PlayerConnection connection) {
        WalletAddress wallet = connection.player().wallet();
        String bucket = queue.status(wallet).bucket();
        queue.leave(wallet);
        waiting.remove(wallet.value());
        tell(wallet.value(), ServerFrames.queueLeft(bucket, "left"));
    }

    // ---- sockets ----

    void opened(PlayerConnection connection) {
        String wallet = connection.player().wallet().value();
        sockets.computeIfAbsent(wallet, w -> ConcurrentHashMap.newKeySet()).add(connection);
        executor.execute(() -> {
            try {
                Optional<QueueTicket> ticket = queue.ticket(wallet);
                if (ticket.isEmpty()) {
                    return;
                }
                QueueTicket t = ticket.get();
                if (t.status() == QueueTicket.Status.MATCHED) {
                    t.matchFrame().ifPresent(frame -> {
                        connection.sendText(frame);
                        if (wagered(frame)) {
                            followWageredGame(connection, t.gameId().orElse(0));
                        }
                    });
                    return;
                }
                new QueueStore(redis.client()).clearDisconnected(wallet);
                if (t.via() == QueueTicket.Via.WS) {
                    waiting.computeIfAbsent(wallet, w -> new Waiting(new JoinRequest(t.bucket().gameType().name(),
                            t.bucket().wager(), t.bucket().rated(), t.clientSeed()), t.joinedAtMillis(), 0, -1));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "the queue ticket of a new socket was not read: " + e.getMessage());
            }
        });
    }

    void closed(PlayerConnection connection) {
        String wallet = connection.player().wallet().value();
        Set<PlayerConnection> left = sockets.computeIfPresent(wallet, (w, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
        if (left == null) {
            told.remove(wallet);
        }
        if (left == null && waiting.containsKey(wallet)) {
            executor.execute(() -> {
                try {
                    queue.ticket(wallet).filter(t -> t.via() == QueueTicket.Via.WS && t.status() == QueueTicket.Status.QUEUED)
                            .ifPresent(t -> new QueueStore(redis.client()).markDisconnected(wallet, System.currentTimeMillis()));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "a queued player's disconnect was not marked: " + e.getMessage());
                }
            });
        }
    }

    // ---- delivery ----

    private void tell(String wallet, JsonObject frame) {
        String text = frame.toString();
        sockets.getOrDefault(wallet, Set.of()).forEach(connection -> connection.sendText(text));
    }

    private void matched(String wallet, long gameId, String frame) {
        waiting.remove(wallet);
        Long before = told.put(wallet, gameId);
        if (before == null || before != gameId) {
            Set<PlayerConnection> here = sockets.getOrDefault(wallet, Set.of());
            here.forEach(connection -> connection.sendText(frame));
            if (wagered(frame)) {
                here.forEach(connection -> followWageredGame(connection, gameId));
            }
        }
    }

    /**
     * A socket told of a wagered match follows its game as its player at once (as after its own
     * join_game): it gets deposit_required now, then deposit_credited, game_started or game_cancelled.
     */
    private void followWageredGame(PlayerConnection connection, long gameId) {
        if (gameId <= 0) {
            return;
        }
        executor.execute(() -> {
            try {
                followMatchedGame.accept(connection, gameId);
            } catch (RuntimeException refused) {
                // The client may still send join_game itself (the game may have ended meanwhile).
                LOG.log(Level.FINE, "a socket was not made to follow its wagered match " + gameId + ": " + refused.getMessage());
            }
        });
    }

    private static boolean wagered(String frame) {
        try (var reader = JSON.createReader(new StringReader(frame))) {
            JsonObject match = reader.readObject();
            return match.containsKey("wager") && match.getJsonNumber("wager").longValue() > 0;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** How a socket follows the game of its wagered match (set by the command router). */
    void onWageredMatch(java.util.function.BiConsumer<PlayerConnection, Long> follow) {
        this.followMatchedGame = follow;
    }

    private void listen() {
        while (running) {
            try (Jedis connection = redis.subscriberConnection()) {
                listening = connection;
                connection.subscribe(new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String message) {
                        try (var reader = JSON.createReader(new StringReader(message))) {
                            JsonObject json = reader.readObject();
                            String wallet = json.getString("wallet");
                            if (sockets.containsKey(wallet) || waiting.containsKey(wallet)) {
                                JsonObject frame = json.getJsonObject("frame");
                                matched(wallet, frame.getJsonNumber("gameId").longValue(), frame.toString());
                            }
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "a match notice could not be read: " + e.getMessage());
                        }
                    }
                }, MatchNotices.CHANNEL);
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.FINE, "not listening for match notices (" + e.getMessage() + "); retrying in 1 s");
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    // ---- the watcher ----

    /** Every second: status pushes, missed matches, ended waits, and rebuilding after Redis lost its data. */
    private void watch() {
        try {
            QueueStore store = new QueueStore(redis.client());
            String current = store.epoch(UUID.randomUUID().toString());
            boolean lostData = epoch != null && !epoch.equals(current);
            epoch = current;
            long now = System.currentTimeMillis();
            Map<String, Waiting> watched = Map.copyOf(waiting);
            Map<String, Optional<QueueTicket>> tickets = store.tickets(watched.keySet());
            for (Map.Entry<String, Waiting> entry : watched.entrySet()) {
                String wallet = entry.getKey();
                Waiting w = entry.getValue();
                if (waiting.get(wallet) != w) {
                    continue;   // left (or joined again) since the snapshot: the leave already told them
                }
                Optional<QueueTicket> ticket = tickets.get(wallet);
                if (ticket.isPresent() && ticket.get().joinedAtMillis() == w.joinedAt) {
                    QueueTicket t = ticket.get();
                    if (t.status() == QueueTicket.Status.MATCHED) {
                        t.matchFrame().ifPresent(frame -> matched(wallet, t.gameId().orElse(0), frame));
                    } else {
                        if (t.disconnectedAtMillis().isPresent() && sockets.containsKey(wallet)) {
                            // Their last socket closed on another node while one stays open here.
                            store.clearDisconnected(wallet);
                        }
                        pushStatus(store, wallet, w, t, now);
                    }
                } else if (lostData && sockets.containsKey(wallet)) {
                    rejoin(wallet, w);
                } else {
                    waiting.remove(wallet, w);
                    if (ticket.isEmpty()) {
                        tell(wallet, ServerFrames.queueLeft(bucketOf(w), now >= w.joinedAt + settings.ticketTtlMillis()
                                ? "expired" : "removed"));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "watching queued players failed (retrying): " + e.getMessage());
        }
    }

    /** A status when the range widened or the interval passed; only then is the queue position read from Redis. */
    private void pushStatus(QueueStore store, String wallet, Waiting w, QueueTicket ticket, long now) {
        int width = queue.rangeHalfWidth(ticket, now);
        if (width != w.lastWidth || now - w.lastStatusAt >= settings.statusIntervalMillis()) {
            QueueStatus status = queue.status(store, ticket, now);
            w.lastWidth = width(status);
            w.lastStatusAt = now;
            tell(wallet, ServerFrames.queueStatus(status, false));
        }
    }

    /** Redis lost the queues: the player joins again with their original join time. */
    private void rejoin(String wallet, Waiting w) {
        try {
            QueueStatus status = queue.join(WalletAddress.of(wallet), w.request, QueueTicket.Via.WS, w.joinedAt);
            w.lastStatusAt = System.currentTimeMillis();
            w.lastWidth = width(status);
            tell(wallet, ServerFrames.queueStatus(status, true));
            LOG.info(() -> "queue store lost its data: " + wallet + " put back in " + status.bucket());
        } catch (SolDuelException refused) {
            waiting.remove(wallet, w);
            tell(wallet, ServerFrames.queueLeft(bucketOf(w), "queue-expired".equals(refused.code()) ? "expired" : "removed"));
        }
    }

    private static String bucketOf(Waiting w) {
        return new com.solduel.matchmaking.Bucket(com.solduel.game.rules.GameType.parse(w.request.gameType()),
                w.request.wager(), w.request.rated()).tag();
    }

    private static int width(QueueStatus status) {
        return status.range() == null ? -1 : (status.range().max() - status.range().min()) / 2;
    }
}
