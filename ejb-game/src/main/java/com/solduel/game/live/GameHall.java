package com.solduel.game.live;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.GameEvent;
import com.solduel.game.table.GameLog;
import com.solduel.game.table.GameMessage;
import com.solduel.game.table.GameOver;
import com.solduel.game.table.GameRefusedException;
import com.solduel.game.table.GameStarted;
import com.solduel.game.table.GameTable;
import com.solduel.game.table.LeaseLostException;
import com.solduel.game.table.LogRow;
import com.solduel.game.table.Settlement;
import com.solduel.game.table.StateSnapshot;
import com.solduel.game.table.TableSettings;
import com.solduel.game.table.TableStore;
import com.solduel.game.verify.GameExport;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where games are played on this node: routes each command to the one {@link GameTable} that
 * owns the game's state, tells the game's followers what happened, drives each table's clock,
 * and holds the game's lease. A node owns a game after taking its lease in Redis and raising its
 * fencing epoch in PostgreSQL; reading a game (summary, export, watching a finished game) never
 * takes it over. Games whose owner died are taken over by a node with room within about a lease.
 */
@ApplicationScoped
public class GameHall {

    private static final Logger LOG = Logger.getLogger(GameHall.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int INVITE_LENGTH = 8;
    /** Misses in a row that forfeit the game (SPEC §5). */
    private static final int MISSES_TO_FORFEIT = 2;
    /** How long changes to one game are gathered before its Redis session is rewritten. */
    private static final long SESSION_FLUSH_MILLIS = 50;
    /** How long a timer whose database write failed waits before it runs again. */
    private static final long RETRY_MILLIS = 2000;
    /** How long a finished game stays on its node for late followers before it is read from PostgreSQL. */
    private static final long KEEP_FINISHED_MILLIS = 60_000;
    /** Where a node announces that a game started (the message is its id). */
    public static final String STARTED_CHANNEL = "solduel:games:started";

    @Inject
    GameRecords records;

    @Inject
    SessionStore sessions;

    @Inject
    GameLeases leases;

    @Inject
    GameMetrics metrics;

    @Inject
    NodeRegistry nodes;

    @Inject
    NodeIdentity node;

    @Inject
    com.solduel.infra.redis.RedisConnection redis;

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
    private final Map<Long, Seated> tables = new ConcurrentHashMap<>();
    private final Map<Long, Object> claiming = new ConcurrentHashMap<>();
    /** Followers of games still waiting for their second player, by game. */
    private final Map<Long, Map<GameListener, Optional<Seat>>> waiting = new ConcurrentHashMap<>();
    /** Which game each listener follows here (a listener follows one game). */
    private final Map<GameListener, Long> following = new ConcurrentHashMap<>();
    private ScheduledFuture<?> upkeep;
    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        settings = new TableSettings(turnSeconds * 1000L, graceSeconds * 1000L, RETRY_MILLIS, MISSES_TO_FORFEIT);
        long renewEvery = Math.max(100, leases.leaseMillis() / 3);
        upkeep = scheduler.scheduleAtFixedRate(this::upkeep, 0, renewEvery, TimeUnit.MILLISECONDS);
        sweep = scheduler.scheduleWithFixedDelay(this::adoptOrphans, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        upkeep.cancel(false);
        sweep.cancel(false);
        tables.values().forEach(s -> {
            synchronized (s) {
                s.cancelWakeup();
            }
            try {
                // A graceful stop hands its games over at once instead of after the lease runs out.
                leases.release(s.gameId);
            } catch (RuntimeException redisGone) {
                LOG.fine(() -> "lease of game " + s.gameId + " left to expire: " + redisGone.getMessage());
            }
        });
    }

    // ---- creating, joining and starting (REST) ----

    /** Creates a private challenge by {@code creator}; the second player joins with the invite code. */
    public CreatedGame create(WalletAddress creator, GameType type, int bestOf, Optional<String> clientSeed) {
        GameOptions options = options(type, bestOf);
        ClientSeed seed = clientSeed(clientSeed);
        ServerSeed serverSeed = ServerSeed.generate();
        GameRecord game = records.create(creator, type, options, serverSeed, seed, inviteCode());
        return new CreatedGame(game.id(), type.name(), options.bestOf(), game.inviteCode(), game.serverSeedHash(),
                Seat.P1.name(), seed.value());
    }

    /** Seats {@code player} in the game with {@code inviteCode}; the game starts at once (free play). */
    public JoinedGame join(WalletAddress player, String inviteCode, Optional<String> clientSeed) {
        ClientSeed seed = clientSeed(clientSeed);
        requireRoomSomewhere();
        GameRecord game = records.join(inviteCode.trim().toUpperCase(Locale.ROOT), player, seed);
        GameRecords.StoredGame started = startGame(game.id());
        return new JoinedGame(game.id(), game.gameType().name(), started.setup().options().bestOf(),
                game.serverSeedHash(), Seat.P2.name(), seed.value(), started.wallet1(),
                started.setup().clientSeeds().p1().value());
    }

    /**
     * The one way a game starts, once its row is IN_PROGRESS with both players and seeds (a private
     * challenge joined now; a matched pair next): this node takes it if it has room, and followers
     * waiting for it here hear {@link GameStarted}. Otherwise a node with room adopts it within a
     * sweep.
     */
    public GameRecords.StoredGame startGame(long gameId) {
        Optional<Seated> claimed = claim(gameId, true);
        announceStart(gameId);
        if (claimed.isPresent()) {
            Seated seated = claimed.get();
            synchronized (seated) {
                Map<GameListener, Optional<Seat>> waiters = waiting.remove(gameId);
                if (waiters != null) {
                    long now = System.currentTimeMillis();
                    waiters.forEach((listener, seat) -> attach(seated, listener, seat, 0, now));
                }
                return seated.stored;
            }
        }
        return records.load(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
    }

    /** Refuses before anything is written when no node can take another game. */
    private void requireRoomSomewhere() {
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

    /** Tells every node that the game started, so followers waiting for it on other nodes follow its owner. */
    private void announceStart(long gameId) {
        try {
            redis.client().publish(STARTED_CHANNEL, Long.toString(gameId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "start of game " + gameId + " not announced to other nodes: " + e.getMessage());
        }
    }

    /** The node that owns {@code gameId}, when that is another node than this one. */
    public Optional<String> remoteOwner(long gameId) {
        if (tables.containsKey(gameId)) {
            return Optional.empty();
        }
        return leases.owner(gameId).filter(owner -> !owner.equals(node.id()));
    }

    /** Whether this node drives {@code gameId} now. */
    public boolean ownsHere(long gameId) {
        Seated seated = tables.get(gameId);
        return seated != null && !seated.dropped;
    }

    /** Takes the followers waiting here for {@code gameId} to start (it started on another node). */
    public Map<GameListener, Optional<Seat>> takeWaiting(long gameId) {
        Map<GameListener, Optional<Seat>> waiters = waiting.remove(gameId);
        if (waiters == null) {
            return Map.of();
        }
        waiters.keySet().forEach(following::remove);
        return waiters;
    }

    /** This node's id among the nodes sharing Redis. */
    public String nodeId() {
        return node.id();
    }

    // ---- following a game (WebSocket) ----

    /**
     * A seated player connects or reconnects: the public events after {@code sinceVersion} (none
     * when absent), then a {@code state} snapshot at the latest version. A refusal changes nothing.
     */
    public void connect(long gameId, WalletAddress wallet, OptionalLong sinceVersion, GameListener listener) {
        Optional<Seated> local = Optional.ofNullable(tables.get(gameId));
        if (local.isEmpty()) {
            GameRecords.StoredGame stored = records.load(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
            Seat seat = stored.seatOf(wallet.value()).orElseThrow(() -> GameRefusedException.notYourGame(gameId));
            if (stored.status() == GameStatus.CREATED) {
                follow(listener, gameId);
                awaitStart(stored, listener, Optional.of(seat));
                return;
            }
            if (stored.status() == GameStatus.IN_PROGRESS) {
                // A seated player who comes to play takes an ownerless game over (its node died).
                local = claim(gameId, false);
            }
            if (local.isEmpty()) {
                sendFinishedOrUnavailable(stored, Optional.of(seat), sinceVersion, listener);
                return;
            }
        }
        Seated seated = local.get();
        synchronized (seated) {
            Seat seat = seated.table.seatOf(wallet.value()).orElseThrow(() -> GameRefusedException.notYourGame(gameId));
            follow(listener, gameId);
            attach(seated, listener, Optional.of(seat), sinceVersion.orElse(Long.MAX_VALUE), System.currentTimeMillis());
        }
    }

    /** A spectator: like {@link #connect} without hidden information; never takes the game over. */
    public void watch(long gameId, OptionalLong sinceVersion, GameListener listener) {
        Seated seated = tables.get(gameId);
        if (seated == null) {
            GameRecords.StoredGame stored = records.load(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
            if (stored.status() == GameStatus.CREATED) {
                follow(listener, gameId);
                awaitStart(stored, listener, Optional.empty());
                return;
            }
            sendFinishedOrUnavailable(stored, Optional.empty(), sinceVersion, listener);
            return;
        }
        synchronized (seated) {
            follow(listener, gameId);
            attach(seated, listener, Optional.empty(), sinceVersion.orElse(Long.MAX_VALUE), System.currentTimeMillis());
        }
    }

    /** The connection stopped following its game; a seated player without another connection gets the grace. */
    public void leave(GameListener listener) {
        Long gameId = following.remove(listener);
        if (gameId == null) {
            return;
        }
        Map<GameListener, Optional<Seat>> waiters = waiting.get(gameId);
        if (waiters != null) {
            waiters.remove(listener);
        }
        Seated seated = tables.get(gameId);
        if (seated == null) {
            return;
        }
        synchronized (seated) {
            Optional<Seat> seat = seated.followers.remove(listener);
            if (seat != null && seat.isPresent() && !seated.dropped) {
                publish(seated, seated.table.disconnect(seat.get(), System.currentTimeMillis()));
                reschedule(seated);
            }
        }
    }

    // ---- play ----

    /** A player's action for {@code turn}; resending the acknowledged frame is answered again and changes nothing. */
    public void submit(long gameId, WalletAddress wallet, int clientSeq, int turn, String action) {
        Seated seated = tables.get(gameId);
        if (seated == null) {
            if (waiting.containsKey(gameId)) {
                throw new GameRefusedException("game-not-started", Kind.CONFLICT, "game " + gameId
                        + " starts when the second player joins with the invite code; wait for game_started");
            }
            throw resync(gameId);
        }
        synchronized (seated) {
            if (seated.dropped) {
                throw resync(gameId);
            }
            Seat seat = seated.table.seatOf(wallet.value()).orElseThrow(() -> GameRefusedException.notYourGame(gameId));
            GameTable.Submitted submitted;
            try {
                submitted = seated.table.submit(seat, clientSeq, turn, action, System.currentTimeMillis());
            } catch (GameRefusedException refused) {
                throw refused;
            } catch (RuntimeException e) {
                lost(seated, e);
                throw resync(gameId);
            }
            seated.followers.forEach((listener, followerSeat) -> {
                if (followerSeat.equals(Optional.of(seat))) {
                    send(listener, submitted.ack());
                }
            });
            publish(seated, submitted.events());
            afterChange(seated);
        }
    }

    // ---- reading (never takes a game over) ----

    /** The finished game's export (seeds revealed, action log, result); refused while the game runs. */
    public GameExport export(long gameId) {
        GameLog log = read(gameId).orElseThrow(() -> new GameRefusedException("game-not-finished", Kind.CONFLICT,
                "game " + gameId + " is waiting for its second player: its server seed is secret until the end"));
        if (log.gameOver().isEmpty()) {
            throw new GameRefusedException("game-not-finished", Kind.CONFLICT,
                    "game " + gameId + " is still being played: its server seed is secret until the end");
        }
        return GameExport.of(log.match(), log.forfeits().stream().map(LogRow.Forfeit::forfeited).toList());
    }

    /** The public summary of a game: players, status, result; the server seed only once it is over. */
    public GameSummary summary(long gameId) {
        Optional<GameLog> read = read(gameId);
        if (read.isEmpty()) {
            GameRecords.StoredGame waiting = records.load(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
            return new GameSummary(gameId, waiting.type().name(), waiting.metadata().getInt("bestOf"),
                    waiting.status().name(), Map.of("P1", waiting.wallet1()),
                    Map.of("P1", waiting.metadata().getJsonObject("clientSeeds").getString("P1")),
                    waiting.serverSeedHash(), null, null, null, null, null);
        }
        GameLog log = read.get();
        Match<?> match = log.match();
        Optional<GameOver> over = log.gameOver();
        String status = over.map(o -> o.outcome().reason().equals(com.solduel.game.rules.Outcome.ABANDONED)
                ? GameStatus.ABORTED : GameStatus.COMPLETED).orElse(GameStatus.IN_PROGRESS).name();
        GameSetup setup = log.setup();
        return new GameSummary(gameId, setup.type().name(), setup.options().bestOf(), status, seats(log.wallets()),
                seats(setup.clientSeeds().map(ClientSeed::value)), log.serverSeedSha256(), match.turn(),
                Map.of("P1", match.score().p1(), "P2", match.score().p2()),
                over.map(o -> o.outcome().code()).orElse(null), over.map(o -> o.outcome().reason()).orElse(null),
                over.map(GameOver::serverSeed).orElse(null));
    }

    /** A started game's log as it stands: this node's copy, else the Redis session, else PostgreSQL. */
    private Optional<GameLog> read(long gameId) {
        Seated seated = tables.get(gameId);
        if (seated != null) {
            synchronized (seated) {
                if (!seated.dropped) {
                    return Optional.of(seated.table.log());
                }
            }
        }
        GameRecords.StoredGame stored = records.load(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
        if (!stored.started()) {
            return Optional.empty();
        }
        if (stored.status() == GameStatus.IN_PROGRESS) {
            Optional<List<LogRow>> mirrored = sessions.rows(gameId).filter(rows -> rows.size() >= stored.rows().size());
            if (mirrored.isPresent()) {
                return Optional.of(GameLog.rebuild(stored.setup(), stored.wallets(), mirrored.get(), Optional.empty()));
            }
        }
        return Optional.of(stored.log());
    }

    // ---- owning games ----

    /**
     * Takes {@code gameId} for this node: its lease, then a new fencing epoch (so rows of any
     * earlier owner are refused from now on), then its log from PostgreSQL. Empty when the game is
     * not in progress, another node holds it, or this node is full.
     */
    private Optional<Seated> claim(long gameId, boolean fresh) {
        Seated seated = tables.get(gameId);
        if (seated != null) {
            return Optional.of(seated);
        }
        Object lock = claiming.computeIfAbsent(gameId, id -> new Object());
        try {
            synchronized (lock) {
                seated = tables.get(gameId);
                if (seated != null) {
                    return Optional.of(seated);
                }
                if (activeGames() >= capacity() || !leases.acquire(gameId)) {
                    return Optional.empty();
                }
                OptionalLong epoch = records.takeOwnership(gameId);
                if (epoch.isEmpty()) {
                    leases.release(gameId);
                    return Optional.empty();
                }
                GameRecords.StoredGame stored = records.load(gameId).orElseThrow();
                GameLog log = stored.log();
                long now = System.currentTimeMillis();
                TableStore store = new RecordedStore(gameId, epoch.getAsLong(), stored.playerIds());
                GameTable table = fresh && stored.rows().isEmpty() ? GameTable.started(log, store, settings, now)
                        : GameTable.resumed(log, store, settings, now);
                seated = new Seated(gameId, epoch.getAsLong(), stored, table);
                tables.put(gameId, seated);
                metrics.gameStarted();
                LOG.info(() -> "game " + gameId + " owned here under epoch " + epoch.getAsLong() + " ("
                        + stored.rows().size() + " rows" + (fresh ? "" : ", taken over") + ")");
                synchronized (seated) {
                    reschedule(seated);
                    persistSession(seated);
                }
                return Optional.of(seated);
            }
        } finally {
            claiming.remove(gameId);
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

    /** Renews the lease of every game this node owns; drops a game whose lease another node holds now. */
    private void renewLeases() {
        for (Seated seated : tables.values()) {
            if (seated.table.isOver() || seated.dropped) {
                continue;
            }
            try {
                if (!leases.renew(seated.gameId) && !leases.acquire(seated.gameId)) {
                    synchronized (seated) {
                        drop(seated, "its lease is held by " + leases.owner(seated.gameId).orElse("nobody"));
                    }
                }
            } catch (RuntimeException e) {
                // Redis unreachable: keep playing. If another node takes the game meanwhile, the
                // fencing epoch refuses this node's next write and it drops the game then.
                LOG.log(Level.WARNING, "lease of game " + seated.gameId + " not renewed: " + e.getMessage());
            }
        }
    }

    /** Takes over games in progress that no node owns (their owner died), while this node has room. */
    void adoptOrphans() {
        try {
            if (activeGames() >= capacity()) {
                return;
            }
            for (Long gameId : records.inProgress()) {
                if (activeGames() >= capacity()) {
                    return;
                }
                if (!tables.containsKey(gameId) && leases.owner(gameId).isEmpty()) {
                    claim(gameId, false);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "looking for games without an owner failed: " + e.getMessage());
        }
    }

    /** This node must not write for the game any more: forget it; its followers follow it on its new owner. */
    private void drop(Seated seated, String why) {
        drop(seated, why, true);
    }

    private void drop(Seated seated, String why, boolean tellFollowers) {
        if (seated.dropped) {
            return;
        }
        seated.dropped = true;
        seated.cancelWakeup();
        tables.remove(seated.gameId, seated);
        if (!seated.table.isOver()) {
            metrics.gameLeft();
        }
        LOG.warning(() -> "game " + seated.gameId + " dropped by this node: " + why);
        List<GameListener> moved = List.copyOf(seated.followers.keySet());
        moved.forEach(following::remove);
        seated.followers.clear();
        if (tellFollowers && !seated.table.isOver()) {
            // Outside this game's lock: a listener may follow the game on its new owner at once.
            scheduler.execute(() -> moved.forEach(listener -> listener.moved(seated.gameId)));
        }
    }

    /** A write failed: the lease is gone, or it is unknown whether the row landed. Rebuild from PostgreSQL. */
    private void lost(Seated seated, RuntimeException e) {
        if (e instanceof LeaseLostException) {
            drop(seated, e.getMessage());
            return;
        }
        LOG.log(Level.WARNING, "a write of game " + seated.gameId + " failed; reloading it from PostgreSQL", e);
        Map<GameListener, Optional<Seat>> followers = new LinkedHashMap<>(seated.followers);
        long version = seated.table.log().version();
        drop(seated, "reloading after a failed write", false);
        leases.release(seated.gameId);
        scheduler.execute(() -> claim(seated.gameId, false).ifPresent(reloaded -> {
            synchronized (reloaded) {
                long now = System.currentTimeMillis();
                followers.forEach((listener, seat) -> {
                    following.put(listener, seated.gameId);
                    attach(reloaded, listener, seat, version, now);
                });
            }
        }));
    }

    // ---- clocks ----

    private void reschedule(Seated seated) {
        long next = seated.table.nextWakeup();
        if (next == seated.wakeupAt || seated.dropped) {
            return;
        }
        seated.cancelWakeup();
        seated.wakeupAt = next;
        if (next == Long.MAX_VALUE) {
            return;
        }
        long delay = Math.max(0, next - System.currentTimeMillis());
        seated.wakeup = scheduler.schedule(() -> wake(seated), delay, TimeUnit.MILLISECONDS);
    }

    private void wake(Seated seated) {
        synchronized (seated) {
            if (seated.dropped) {
                return;
            }
            seated.wakeupAt = 0;
            try {
                publish(seated, seated.table.tick(System.currentTimeMillis()));
                seated.table.resultFailure().ifPresent(failure -> LOG.log(Level.SEVERE, "the result of game "
                        + seated.gameId + " was not recorded; retrying in " + RETRY_MILLIS + " ms", failure));
            } catch (RuntimeException e) {
                lost(seated, e);
                return;
            }
            afterChange(seated);
        }
    }

    private void afterChange(Seated seated) {
        persistSession(seated);
        if (seated.table.isOver() && !seated.ended) {
            seated.ended = true;
            GameOver over = seated.table.log().gameOver().orElseThrow();
            metrics.gameEnded(over.outcome(), (System.currentTimeMillis() - seated.startedAt()) / 1000.0);
            leases.release(seated.gameId);
            scheduler.schedule(() -> {
                synchronized (seated) {
                    drop(seated, "finished " + KEEP_FINISHED_MILLIS / 1000 + " s ago");
                }
            }, KEEP_FINISHED_MILLIS, TimeUnit.MILLISECONDS);
        }
        reschedule(seated);
    }

    // ---- followers ----

    /**
     * Adds a follower to a table: first what the others hear (its seat came back, turn 1's clock
     * started), then the follower gets the events after {@code sinceVersion} and a state snapshot.
     */
    private void attach(Seated seated, GameListener listener, Optional<Seat> seat, long sinceVersion, long now) {
        Optional<Seat> before = seated.followers.remove(listener);
        if (seat.isPresent() && (before == null || before.isEmpty())) {
            publish(seated, seated.table.connect(seat.get(), now));
        }
        for (GameMessage event : seated.table.eventsAfter(sinceVersion)) {
            send(listener, event);
        }
        send(listener, seated.table.snapshot(seat.orElse(null)));
        seated.followers.put(listener, seat);
        reschedule(seated);
    }

    private void follow(GameListener listener, long gameId) {
        Long previous = following.get(listener);
        if (previous != null && previous != gameId) {
            leave(listener);
        }
        following.put(listener, gameId);
    }

    private void awaitStart(GameRecords.StoredGame stored, GameListener listener, Optional<Seat> seat) {
        waiting.computeIfAbsent(stored.id(), id -> new ConcurrentHashMap<>()).put(listener, seat);
        send(listener, new StateSnapshot(stored.id(), stored.type(), stored.metadata().getInt("bestOf"),
                StateSnapshot.Status.WAITING_FOR_OPPONENT, 0, seat.orElse(null), new PerSeat<>(stored.wallet1(), null),
                new PerSeat<>(stored.metadata().getJsonObject("clientSeeds").getString("P1"), null),
                stored.serverSeedHash(), 1, Optional.empty(),
                new PerSeat<>(waiting.get(stored.id()).values().stream().anyMatch(Optional::isPresent), false),
                seat.map(s -> 0), null, Optional.empty()));
    }

    /** A follower of a game not owned here: a finished game's final state, else "try again". */
    private void sendFinishedOrUnavailable(GameRecords.StoredGame stored, Optional<Seat> seat, OptionalLong sinceVersion,
                                           GameListener listener) {
        if (!stored.status().isFinal() || !stored.started()) {
            throw new GameRefusedException("game-unavailable", Kind.UNAVAILABLE, "game " + stored.id()
                    + " is moving to another server; send the same frame again in a second");
        }
        GameTable finished = GameTable.resumed(stored.log(), ReadOnly.STORE, settings, System.currentTimeMillis());
        finished.eventsAfter(sinceVersion.orElse(Long.MAX_VALUE)).forEach(e -> send(listener, e));
        send(listener, finished.snapshot(seat.orElse(null)));
    }

    private void publish(Seated seated, List<? extends GameEvent> events) {
        for (GameEvent event : events) {
            seated.followers.keySet().forEach(listener -> send(listener, event));
        }
    }

    private static void send(GameListener listener, GameMessage message) {
        try {
            listener.deliver(message);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a follower failed; its connection will be cleaned up on close", e);
        }
    }

    // ---- the Redis mirror ----

    /**
     * Mirrors the game's log to Redis soon, off the caller's path: changes within
     * {@link #SESSION_FLUSH_MILLIS} are written once, and writes of one game keep their order.
     */
    private void persistSession(Seated seated) {
        if (seated.sessionDirty.compareAndSet(false, true)) {
            scheduler.schedule(() -> flushSession(seated), SESSION_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flushSession(Seated seated) {
        synchronized (seated.sessionWrites) {
            List<LogRow> rows;
            synchronized (seated) {
                seated.sessionDirty.set(false);
                if (seated.dropped) {
                    return;
                }
                rows = seated.table.log().rows();
            }
            sessions.save(seated.gameId, seated.epoch, rows);
        }
    }

    // ---- helpers ----

    private static GameRefusedException resync(long gameId) {
        return new GameRefusedException("resync", Kind.CONFLICT, "game " + gameId
                + " is played on another server now or could not be saved; send join_game with sinceVersion");
    }

    private static Map<String, String> seats(PerSeat<String> values) {
        return Map.of("P1", values.p1(), "P2", values.p2());
    }

    private static GameOptions options(GameType type, int bestOf) {
        try {
            GameOptions options = GameOptions.bestOf(bestOf);
            Match.start(new GameSetup(0, type, options, ServerSeed.generate(),
                    new PerSeat<>(new ClientSeed("check"), new ClientSeed("check"))));
            return options;
        } catch (IllegalArgumentException e) { // InvalidGameOptionsException included
            throw new GameRefusedException("invalid-game-options", Kind.INVALID_INPUT, e.getMessage());
        }
    }

    private static ClientSeed clientSeed(Optional<String> given) {
        try {
            return given.filter(s -> !s.isBlank()).map(ClientSeed::new).orElseGet(() -> ClientSeed.random(RANDOM));
        } catch (IllegalArgumentException e) {
            throw new GameRefusedException("invalid-client-seed", Kind.INVALID_INPUT, e.getMessage());
        }
    }

    private static String inviteCode() {
        StringBuilder code = new StringBuilder(INVITE_LENGTH);
        for (int i = 0; i < INVITE_LENGTH; i++) {
            code.append(INVITE_ALPHABET.charAt(RANDOM.nextInt(INVITE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** How many games this node may own: the configured maximum on an engine node, none on an api-only node. */
    long capacity() {
        return roles.contains("engine") ? maxGames : 0;
    }

    /** Games being played on this node (for the active-games gauge and the node's capacity). */
    long activeGames() {
        return tables.values().stream().filter(s -> !s.table.isOver()).count();
    }

    /** A game this node owns: its table, followers, clock and lease epoch. Guarded by its own monitor. */
    private static final class Seated {

        final long gameId;
        final long epoch;
        final GameRecords.StoredGame stored;
        final GameTable table;
        final Map<GameListener, Optional<Seat>> followers = new LinkedHashMap<>();
        final AtomicBoolean sessionDirty = new AtomicBoolean();
        final Object sessionWrites = new Object();
        ScheduledFuture<?> wakeup;
        long wakeupAt;
        boolean dropped;
        boolean ended;

        Seated(long gameId, long epoch, GameRecords.StoredGame stored, GameTable table) {
            this.gameId = gameId;
            this.epoch = epoch;
            this.stored = stored;
            this.table = table;
        }

        long startedAt() {
            return stored.startTime() == null ? System.currentTimeMillis() : stored.startTime().toEpochMilli();
        }

        void cancelWakeup() {
            if (wakeup != null) {
                wakeup.cancel(false);
                wakeup = null;
            }
            wakeupAt = 0;
        }
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
            records.append(gameId, epoch, playerIds.get(row.seat()), row);
        }

        @Override
        public Optional<Settlement> recordResult(GameLog log) {
            return records.recordResult(gameId, epoch, log);
        }
    }

    /** The store of a copy made only to be read: it never writes. */
    private enum ReadOnly implements TableStore {
        STORE;

        @Override
        public void append(LogRow row) {
            throw new IllegalStateException("a read-only copy of a game never writes");
        }

        @Override
        public Optional<Settlement> recordResult(GameLog log) {
            throw new IllegalStateException("a read-only copy of a game never writes");
        }
    }
}
