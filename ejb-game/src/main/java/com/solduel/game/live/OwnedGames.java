package com.solduel.game.live;

import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.GameLog;
import com.solduel.game.table.GameRefusedException;
import com.solduel.game.table.GameTable;
import com.solduel.game.table.LeaseLostException;
import com.solduel.game.table.LogRow;
import com.solduel.game.table.Settlement;
import com.solduel.game.table.TableSettings;
import com.solduel.game.table.TableStore;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The games this node owns (SPEC §13). A node owns a game after taking its lease in Redis and
 * raising its fencing epoch in PostgreSQL, then loading its log; it renews the leases, takes over
 * games whose owner died while it has room, and drops a game the moment it finds its lease gone
 * (its followers then follow the game on its new owner). An api-only node owns nothing.
 */
@ApplicationScoped
public class OwnedGames {

    private static final Logger LOG = Logger.getLogger(OwnedGames.class.getName());
    /** Misses in a row that forfeit the game (SPEC §5). */
    private static final int MISSES_TO_FORFEIT = 2;
    /** How long a timer whose database write failed waits before it runs again. */
    static final long RETRY_MILLIS = 2000;

    @Inject
    GameRecords records;

    @Inject
    GameLeases leases;

    @Inject
    ActionLogWriter actionLog;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Action rows through the group commit (true) or one JTA transaction each (false, for comparison). */
    @Inject
    @ConfigProperty(name = "solduel.games.group-commit.enabled", defaultValue = "true")
    boolean groupCommit;

    @Inject
    NodeRegistry nodes;

    @Inject
    NodeIdentity node;

    @Inject
    GameMetrics metrics;

    @Inject
    GameClocks clocks;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "solduel.game.turn-seconds")
    int turnSeconds;

    @Inject
    @ConfigProperty(name = "solduel.game.reconnect-grace-seconds")
    int graceSeconds;

    @Inject
    @ConfigProperty(name = "solduel.game.max-games-per-node")
    int maxGames;

    @Inject
    @ConfigProperty(name = "solduel.game.orphan-sweep-millis")
    long sweepMillis;

    /** {@code api}, {@code engine} or both: only an engine node owns games (the seed's game-engine pods). */
    @Inject
    @ConfigProperty(name = "solduel.node.roles")
    List<String> roles;

    private TableSettings settings;
    private final Map<Long, LiveGame> games = new ConcurrentHashMap<>();
    private final Map<Long, Object> claiming = new ConcurrentHashMap<>();
    private volatile Consumer<List<GameListener>> whenDropped = followers -> { };
    private ScheduledFuture<?> upkeep;
    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        settings = new TableSettings(turnSeconds * 1000L, graceSeconds * 1000L, RETRY_MILLIS, MISSES_TO_FORFEIT);
        metrics.capacity(capacity());
        long renewEvery = Math.max(100, leases.leaseMillis() / 3);
        upkeep = scheduler.scheduleAtFixedRate(this::upkeep, 0, renewEvery, TimeUnit.MILLISECONDS);
        sweep = scheduler.scheduleWithFixedDelay(this::adoptOrphans, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        upkeep.cancel(false);
        sweep.cancel(false);
        games.values().forEach(game -> {
            synchronized (game) {
                game.cancelWakeup();
            }
            try {
                // A graceful stop hands its games over at once instead of after the lease runs out.
                leases.release(game.gameId);
            } catch (RuntimeException redisGone) {
                LOG.fine(() -> "lease of game " + game.gameId + " left to expire: " + redisGone.getMessage());
            }
        });
    }

    /** Who is told which followers a dropped game had (the hall forgets them). */
    void whenDropped(Consumer<List<GameListener>> forget) {
        this.whenDropped = forget;
    }

    /** This node's copy of {@code gameId}, if it owns it. */
    Optional<LiveGame> local(long gameId) {
        return Optional.ofNullable(games.get(gameId));
    }

    /** The node that owns {@code gameId}, when that is another node than this one. */
    public Optional<String> remoteOwner(long gameId) {
        if (games.containsKey(gameId)) {
            return Optional.empty();
        }
        return leases.owner(gameId).filter(owner -> !owner.equals(node.id()));
    }

    /** This node's id among the nodes sharing Redis. */
    public String nodeId() {
        return node.id();
    }

    /** The clocks every table of this node runs with. */
    TableSettings settings() {
        return settings;
    }

    /**
     * Takes {@code gameId} for this node: its lease, then a new fencing epoch (so rows of any
     * earlier owner are refused from now on), then its log from PostgreSQL. Empty when the game is
     * not in progress, another node holds it, or this node is full. {@code fresh}: the game has just
     * started, so turn 1's clock waits for both players.
     */
    Optional<LiveGame> claim(long gameId, boolean fresh) {
        LiveGame game = games.get(gameId);
        if (game != null) {
            return Optional.of(game);
        }
        Object lock = claiming.computeIfAbsent(gameId, id -> new Object());
        try {
            synchronized (lock) {
                game = games.get(gameId);
                if (game != null) {
                    return Optional.of(game);
                }
                if (activeGames() >= capacity() || !leases.acquire(gameId)) {
                    return Optional.empty();
                }
                Optional<GameRecords.StoredGame> taken = records.takeOwnership(gameId);
                if (taken.isEmpty()) {
                    leases.release(gameId);
                    return Optional.empty();
                }
                GameRecords.StoredGame stored = taken.get();
                long epoch = stored.ownerEpoch();
                GameLog log = stored.log();
                long now = System.currentTimeMillis();
                TableStore store = new RecordedStore(gameId, epoch, stored.playerIds());
                GameTable table = fresh && stored.rows().isEmpty() ? GameTable.started(log, store, settings, now)
                        : GameTable.resumed(log, store, settings, now);
                LiveGame claimed = new LiveGame(gameId, epoch, stored, table);
                games.put(gameId, claimed);
                metrics.gameStarted();
                // A takeover is worth an operator's notice; a game starting here is routine (its metric counts it).
                LOG.log(fresh ? Level.FINE : Level.INFO, () -> "game " + gameId + " owned here under epoch "
                        + epoch + " (" + stored.rows().size() + " rows" + (fresh ? "" : ", taken over") + ")");
                synchronized (claimed) {
                    clocks.changed(claimed);
                }
                return Optional.of(claimed);
            }
        } finally {
            claiming.remove(gameId);
        }
    }

    /** Refuses before anything is written when no node can take another game. */
    void requireRoomSomewhere() {
        if (activeGames() < capacity()) {
            return;
        }
        boolean elsewhere;
        try {
            elsewhere = nodes.anotherNodeHasRoom();
        } catch (RuntimeException redisDown) {
            elsewhere = false;
        }
        if (!elsewhere) {
            throw new GameRefusedException("no-capacity", Kind.UNAVAILABLE,
                    "every game server is full; try again in a minute");
        }
    }

    private void upkeep() {
        renewLeases();
        try {
            nodes.beat(activeGames(), capacity());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "heartbeat not written: " + e.getMessage());
        }
    }

    /**
     * Renews the lease of every game this node owns, in pipelined round trips (GameLeases#renewAll);
     * drops a game whose lease another node holds now.
     */
    private void renewLeases() {
        List<LiveGame> playing = games.values().stream().filter(game -> !game.table.isOver() && !game.dropped).toList();
        if (playing.isEmpty()) {
            return;
        }
        Set<Long> lost;
        try {
            lost = leases.renewAll(playing.stream().map(game -> game.gameId).toList());
        } catch (RuntimeException e) {
            // A pipeline failed: Redis, or one master of a cluster, is unreachable. Each game on its
            // own then, so the games on the masters that answer keep their leases.
            LOG.log(Level.WARNING, "leases of " + playing.size() + " games not renewed together ("
                    + e.getMessage() + "); renewing them one by one");
            playing.forEach(game -> keepOrDrop(game, () -> leases.renew(game.gameId)));
            return;
        }
        playing.stream().filter(game -> lost.contains(game.gameId)).forEach(game -> keepOrDrop(game, () -> false));
    }

    /** Keeps a game whose lease {@code renewed} (or a new {@code acquire}) holds; drops it when another node holds it. */
    private void keepOrDrop(LiveGame game, BooleanSupplier renewed) {
        try {
            if (!renewed.getAsBoolean() && !leases.acquire(game.gameId)) {
                synchronized (game) {
                    drop(game, "its lease is held by " + leases.owner(game.gameId).orElse("nobody"));
                }
            }
        } catch (RuntimeException e) {
            // Redis unreachable: keep playing. If another node takes the game meanwhile, the
            // fencing epoch refuses this node's next write and it drops the game then.
            LOG.log(Level.WARNING, "lease of game " + game.gameId + " not renewed: " + e.getMessage());
        }
    }

    /** Takes over games in progress that no node owns (their owner died), while this node has room. */
    void adoptOrphans() {
        try {
            // Counted once, not per game in progress: with N games that was N² checks a sweep.
            long active = activeGames();
            if (active >= capacity()) {
                return;
            }
            for (Long gameId : records.inProgress()) {
                if (active >= capacity()) {
                    return;
                }
                if (!games.containsKey(gameId) && leases.owner(gameId).isEmpty() && claim(gameId, false).isPresent()) {
                    active++;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "looking for games without an owner failed: " + e.getMessage());
        }
    }

    /** This node must not write for the game any more: forget it; its followers follow it on its new owner. */
    void drop(LiveGame game, String why) {
        if (forget(game)) {
            LOG.warning(() -> "game " + game.gameId + " dropped by this node: " + why);
            List<GameListener> moved = List.copyOf(game.followers.keySet());
            game.followers.clear();
            whenDropped.accept(moved);
            if (!game.table.isOver()) {
                // Outside this game's lock: a listener may follow the game on its new owner at once.
                scheduler.execute(() -> moved.forEach(listener -> listener.moved(game.gameId)));
            }
        }
    }

    /**
     * The game ended outside its table (an admin aborted it; its followers here were told): this
     * node forgets it and gives its lease up. Its fencing epoch was raised with the abort, so a write
     * still in flight is refused anyway.
     */
    void aborted(LiveGame game) {
        if (forget(game)) {
            LOG.info(() -> "game " + game.gameId + " aborted by an admin: no longer driven by this node");
            List<GameListener> followers = List.copyOf(game.followers.keySet());
            game.followers.clear();
            whenDropped.accept(followers);
            try {
                leases.release(game.gameId);
            } catch (RuntimeException redisGone) {
                LOG.fine(() -> "lease of aborted game " + game.gameId + " left to expire: " + redisGone.getMessage());
            }
        }
    }

    /** A finished game leaves this node a while after its end; later readers get it from PostgreSQL. */
    void retire(LiveGame game) {
        if (forget(game)) {
            LOG.fine(() -> "finished game " + game.gameId + " retired from this node");
            List<GameListener> followers = List.copyOf(game.followers.keySet());
            game.followers.clear();
            whenDropped.accept(followers);
        }
    }

    private boolean forget(LiveGame game) {
        if (game.dropped) {
            return false;
        }
        game.dropped = true;
        game.cancelWakeup();
        games.remove(game.gameId, game);
        if (!game.ended) {
            // It stops counting here: it ended on its table (GameClocks counted that) or leaves unfinished.
            game.ended = true;
            metrics.gameLeft();
        }
        return true;
    }

    /** A write failed: the lease is gone, or it is unknown whether the row landed. Rebuild from PostgreSQL. */
    void lost(LiveGame game, RuntimeException e) {
        if (e instanceof LeaseLostException) {
            drop(game, e.getMessage());
            return;
        }
        LOG.log(Level.WARNING, "a write of game " + game.gameId + " failed; reloading it from PostgreSQL", e);
        Map<GameListener, Optional<Seat>> followers = new LinkedHashMap<>(game.followers);
        long version = game.table.log().version();
        forget(game);
        game.followers.clear();
        leases.release(game.gameId);
        scheduler.execute(() -> claim(game.gameId, false).ifPresent(reloaded -> {
            synchronized (reloaded) {
                long now = System.currentTimeMillis();
                // The followers get what the failed write may have recorded after all, then a state.
                followers.forEach((listener, seat) -> reloaded.attach(listener, seat, version, now));
                clocks.changed(reloaded);
            }
        }));
    }

    /** How many games this node may own: the configured maximum on an engine node, none on an api-only node. */
    long capacity() {
        return roles.contains("engine") ? maxGames : 0;
    }

    /**
     * Games being played on this node (for the node's capacity and heartbeat): a count kept as
     * games start and end, because it is asked twice on every game start and this node holds
     * finished games too for a minute (counting the map was 3 % of a busy node's CPU).
     */
    long activeGames() {
        return metrics.activeGames();
    }

    /** The store of a game this node owns: PostgreSQL under the node's fencing epoch. */
    private final class RecordedStore implements TableStore {

        private final long gameId;
        private final long epoch;
        private final PerSeat<Integer> playerIds;

        RecordedStore(long gameId, long epoch, PerSeat<Integer> playerIds) {
            this.gameId = gameId;
            this.epoch = epoch;
            this.playerIds = playerIds;
        }

        @Override
        public void append(LogRow row) {
            // Inside a caller's transaction the row belongs to it (it commits or rolls back with the rest).
            if (groupCommit && transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
                actionLog.append(gameId, epoch, playerIds.get(row.seat()), row);
            } else {
                records.append(gameId, epoch, playerIds.get(row.seat()), row);
            }
        }

        @Override
        public Optional<Settlement> recordResult(GameLog log) {
            return records.recordResult(gameId, epoch, log);
        }
    }
}
