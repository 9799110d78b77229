package com.solduel.ws;

import com.solduel.player.PlayerBannedException;
import com.solduel.player.WalletAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The authenticated game sockets open on this node, published as the seed's gauge
 * {@code sol_duel_player_connections}. Closes sockets that stay silent longer than the idle
 * timeout. Keeps each player's {@link PlayerBudget} (socket cap, message rate, log lines) across
 * all of their sockets. Also how a ban (or an admin) reaches a player's live sockets.
 */
@ApplicationScoped
public class PlayerConnections {

    static final String GAUGE = "sol_duel_player_connections";
    static final String CAPACITY_GAUGE = "sol_duel_player_connections_capacity";
    /** How long a ban heard here also closes sockets that open afterwards (far longer than a handshake takes). */
    private static final long RECENT_BAN_NANOS = TimeUnit.MINUTES.toNanos(1);

    @Inject
    MetricRegistry registry;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    WebSocketSettings settings;

    private final Set<PlayerConnection> open = ConcurrentHashMap.newKeySet();
    /** Per player with a socket here (or one closed since the last sweep): socket count, rate limit, log lines. */
    private final ConcurrentMap<WalletAddress, PlayerBudget> budgets = new ConcurrentHashMap<>();
    /** Players banned in the last {@link #RECENT_BAN_NANOS}, with when this node heard of it. */
    private final ConcurrentMap<WalletAddress, Long> recentBans = new ConcurrentHashMap<>();
    private ScheduledFuture<?> idleSweep;
    private ScheduledFuture<?> stallSweep;

    @PostConstruct
    void start() {
        // Our own idle check rather than the container's: Liberty's idle timeout sends close code 1006 on the
        // wire, which RFC 6455 forbids and clients report as a protocol error.
        long period = Math.max(1, Math.min(10, settings.idleTimeoutSeconds() / 3));
        idleSweep = executor.scheduleAtFixedRate(this::closeIdle, period, period, TimeUnit.SECONDS);
        stallSweep = executor.scheduleWithFixedDelay(this::closeStalled, 1, 1, TimeUnit.SECONDS);
        registry.gauge(Metadata.builder().withName(GAUGE)
                .withDescription("Number of connected players (open authenticated game sockets on this node)").build(),
                open, Set::size);
        registry.gauge(Metadata.builder().withName(CAPACITY_GAUGE)
                .withDescription("Game sockets this node holds at most (solduel.ws.max-connections)").build(),
                settings, WebSocketSettings::maxConnections);
    }

    @PreDestroy
    void stop() {
        idleSweep.cancel(false);
        stallSweep.cancel(false);
    }

    /** Creates the bean, and so the gauge, when the application starts rather than at the first connection. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // the observer's bean is created to receive the event; @PostConstruct registered the gauge
    }

    /**
     * Takes one of the player's socket slots on this node and returns their budget, or empty when
     * they already have {@code solduel.ws.max-sockets-per-player} sockets open. Give the slot back
     * with {@link #releaseSocket}.
     */
    Optional<PlayerBudget> reserveSocket(WalletAddress wallet) {
        PlayerBudget[] granted = new PlayerBudget[1];
        budgets.compute(wallet, (w, budget) -> {
            PlayerBudget current = budget != null ? budget : new PlayerBudget(settings, System.nanoTime());
            if (current.sockets() < settings.maxSocketsPerPlayer()) {
                current.sockets(current.sockets() + 1);
                granted[0] = current;
            }
            return current;
        });
        return Optional.ofNullable(granted[0]);
    }

    /** Gives back a slot taken by {@link #reserveSocket}; the budget stays until the next sweep, so a reconnect cannot reset it. */
    void releaseSocket(WalletAddress wallet) {
        budgets.computeIfPresent(wallet, (w, budget) -> {
            budget.sockets(Math.max(0, budget.sockets() - 1));
            return budget;
        });
    }

    /**
     * Registers an open socket; false when its player was banned in the last minute (the ban's
     * announcement may have come between the handshake's check and now): close it then.
     */
    boolean opened(PlayerConnection connection) {
        open.add(connection);
        // Added first, checked second; banned() records first, closes second: whichever runs later sees the other.
        return !recentBans.containsKey(connection.player().wallet());
    }

    /**
     * A ban was announced ({@link BanListener}): closes every socket of {@code wallet} on this node
     * with 1008 {@code player-banned}, and for a minute closes any socket of theirs that opens
     * after passing the handshake's check just before the ban. Returns how many were open.
     */
    int banned(WalletAddress wallet) {
        recentBans.put(wallet, System.nanoTime());
        return closeAll(wallet, PlayerBannedException.CODE);
    }

    /** A ban was lifted: new sockets of {@code wallet} are welcome again. */
    void unbanned(WalletAddress wallet) {
        recentBans.remove(wallet);
    }

    void closed(PlayerConnection connection) {
        open.remove(connection);
    }

    /** The players with a socket open on this node. */
    Set<WalletAddress> connectedPlayers() {
        Set<WalletAddress> players = new java.util.HashSet<>();
        open.forEach(connection -> players.add(connection.player().wallet()));
        return players;
    }

    /** Open authenticated sockets on this node. */
    /** Whether this node holds as many game sockets as it may ({@code solduel.ws.max-connections}). */
    public boolean full() {
        return open.size() >= settings.maxConnections();
    }

    public int count() {
        return open.size();
    }

    /** Closes every socket of {@code wallet} with 1008 and {@code reason}; returns how many were open. */
    public int closeAll(WalletAddress wallet, String reason) {
        int closed = 0;
        for (PlayerConnection connection : open) {
            if (connection.player().wallet().equals(wallet)) {
                connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, reason);
                closed++;
            }
        }
        return closed;
    }

    private void closeIdle() {
        for (WalletAddress wallet : budgets.keySet()) {
            budgets.computeIfPresent(wallet, (w, budget) -> budget.sockets() == 0 ? null : budget);
        }
        long now = System.nanoTime();
        recentBans.values().removeIf(heard -> now - heard > RECENT_BAN_NANOS);
        long limit = TimeUnit.SECONDS.toNanos(settings.idleTimeoutSeconds());
        for (PlayerConnection connection : open) {
            if (connection.silentForNanos(now) > limit) {
                connection.close(CloseReason.CloseCodes.GOING_AWAY,
                        "idle: no frame for " + settings.idleTimeoutSeconds() + " s; send a ping every 25 s");
            }
        }
    }

    /**
     * Closes the sockets of clients that stopped reading while a blocking write waited for them
     * (their buffers full): the thread that writes to them is freed, and they get their frames
     * again from {@code sinceVersion} when they reconnect.
     */
    private void closeStalled() {
        long now = System.nanoTime();
        long limit = TimeUnit.SECONDS.toNanos(settings.sendStallSeconds());
        for (PlayerConnection connection : open) {
            if (connection.blockedForNanos(now) > limit) {
                connection.closeForNotReading();
            }
        }
    }

    /** Where closes run that must not run on the caller's thread (inside a game hall callback) or run later. */
    ScheduledExecutorService closer() {
        return executor;
    }
}
