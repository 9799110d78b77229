package com.solduel.game.live;

import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.DepositCounted;
import com.solduel.game.table.DepositRequired;
import com.solduel.game.table.GameCancelled;
import com.solduel.game.table.GameRefusedException;
import com.solduel.game.table.GameStarted;
import com.solduel.game.table.GameTable;
import com.solduel.game.table.LogRow;
import com.solduel.game.table.Settlement;
import com.solduel.game.table.StateSnapshot;
import com.solduel.game.table.TableStore;
import com.solduel.infra.redis.RedisConnection;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where this node's connections play: routes each command to the {@link GameTable} of a game this
 * node owns (taking an ownerless game over when a seated player comes to play it), seats and
 * unseats followers, and starts games. A refused command changes nothing. Reading games is
 * {@link GameReads}; owning them {@link OwnedGames}; their clocks {@link GameClocks}.
 */
@ApplicationScoped
public class GameHall {

    /** Where a node announces that a game started (the message is its id). */
    public static final String STARTED_CHANNEL = "solduel:games:started";
    /** Where a node announces what changed in a wagered game's deposits (a {@link DepositNotice} as JSON). */
    public static final String DEPOSITS_CHANNEL = "solduel:games:deposits";

    private static final Logger LOG = Logger.getLogger(GameHall.class.getName());

    @Inject
    GameRecords records;

    @Inject
    OwnedGames owned;

    @Inject
    GameClocks clocks;

    @Inject
    RedisConnection redis;

    @Inject
    DepositDesk deposits;

    @Inject
    GameMetrics metrics;

    /** Followers of games still waiting for their second player, by game. */
    private final Map<Long, Map<GameListener, Optional<Seat>>> waiting = new ConcurrentHashMap<>();
    /** Which game each listener follows here (a listener follows one game). */
    private final Map<GameListener, Long> following = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        owned.whenDropped(followers -> followers.forEach(following::remove));
    }

    /**
     * The one way a game starts, once its row is IN_PROGRESS with both players and seeds (a private
     * challenge joined now; a matched pair next): this node takes it if it has room, followers
     * waiting for it here hear {@link GameStarted}, and every other node is told so its waiting
     * followers follow the game's owner. A node with room adopts a game no node could take.
     */
    public GameRecords.StoredGame startGame(long gameId) {
        Optional<LiveGame> claimed = owned.claim(gameId, true);
        announceStart(gameId);
        if (claimed.isPresent()) {
            LiveGame game = claimed.get();
            synchronized (game) {
                Map<GameListener, Optional<Seat>> waiters = waiting.remove(gameId);
                if (waiters != null) {
                    long now = System.currentTimeMillis();
                    waiters.forEach((listener, seat) -> game.attach(listener, seat, 0, now));
                }
                clocks.changed(game);
                return game.stored;
            }
        }
        return records.loadHeader(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
    }

    private void announceStart(long gameId) {
        try {
            redis.client().publish(STARTED_CHANNEL, Long.toString(gameId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "start of game " + gameId + " not announced to other nodes: " + e.getMessage());
        }
    }

    /**
     * A wagered game's deposits opened (its second player joined, or a matched pair's game was
     * made): each seated player following it, on any node, is told what to deposit
     * ({@link DepositRequired}). A seated player who follows it later is told on join_game. Never
     * throws: the deposits are open whether or not anyone could be told.
     */
    public void depositsOpened(long gameId) {
        tell(gameId, () -> {
            GameRecords.StoredGame stored = records.loadHeader(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
            return DepositNotice.opened(owned.nodeId(), gameId, stored.wallets().map(w -> deposits.depositRequired(gameId, w)));
        });
    }

    /**
     * {@code wallet}'s deposit of {@code lamports} for a wagered game was credited and the game is
     * {@code status} now: each seated player following it, on any node, is told
     * ({@link DepositCounted}). Called before the game starts, so the notice comes before
     * game_started. Never throws: the deposit is credited whether or not anyone could be told.
     */
    public void depositCredited(long gameId, String wallet, long lamports, GameStatus status) {
        tell(gameId, () -> {
            GameRecords.StoredGame stored = records.loadHeader(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
            Seat seat = stored.seatOf(wallet).orElseThrow(() -> GameRefusedException.notYourGame(gameId));
            return DepositNotice.credited(owned.nodeId(), gameId, stored.wallets().map(w -> deposits.depositRequired(gameId, w)),
                    new DepositNotice.Credit(seat, wallet, lamports, status.name()));
        });
    }

    /**
     * A wagered game was cancelled before it started, or an admin aborted a game awaiting deposits
     * or in progress: every follower, on any node, is told ({@link GameCancelled}) and stops
     * following it; the node that owns an aborted game stops driving it. Never throws.
     */
    public void cancelled(GameCancelled cancelled) {
        tell(cancelled.gameId(), () -> DepositNotice.cancelled(owned.nodeId(), cancelled));
    }

    /** A deposit notice another node published on {@link #DEPOSITS_CHANNEL}: passed to the followers here. */
    public void heardDepositNotice(String message) {
        DepositNotice notice = DepositNotice.read(message);
        if (!notice.from().equals(owned.nodeId())) {
            deliver(notice);
        }
    }

    /**
     * This node's followers are told first (in this thread, so in order with what the caller does
     * next, such as starting the game), then every other node. A notice that could not be made or
     * sent is logged: players read the same with GET /api/games/{id}/deposits or join_game.
     */
    private void tell(long gameId, java.util.function.Supplier<DepositNotice> made) {
        try {
            DepositNotice notice = made.get();
            deliver(notice);
            redis.client().publish(DEPOSITS_CHANNEL, notice.text());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the deposit notice of game " + gameId + " was not told to every follower (they read "
                    + "it with GET /api/games/{id}/deposits or join_game): " + e);
        }
    }

    private void deliver(DepositNotice notice) {
        long gameId = notice.gameId();
        if (notice.ends()) {
            owned.local(gameId).ifPresent(game -> {
                synchronized (game) {
                    game.followers.forEach((listener, seat) -> notice.messageFor(seat)
                            .ifPresent(message -> LiveGame.send(listener, message)));
                    owned.aborted(game);
                }
            });
        }
        Map<GameListener, Optional<Seat>> waiters = notice.ends() ? waiting.remove(gameId) : waiting.get(gameId);
        if (waiters == null) {
            return;
        }
        waiters.forEach((listener, seat) -> notice.messageFor(seat).ifPresent(message -> LiveGame.send(listener, message)));
        if (notice.ends()) {
            waiters.keySet().forEach(listener -> following.remove(listener, gameId));
        }
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

    // ---- following a game ----

    /**
     * A seated player connects or reconnects: the public events after {@code sinceVersion} (none
     * when absent), then a {@code state} snapshot at the latest version. A refusal changes nothing.
     */
    public void connect(long gameId, WalletAddress wallet, OptionalLong sinceVersion, GameListener listener) {
        Optional<LiveGame> local = owned.local(gameId);
        if (local.isEmpty()) {
            GameRecords.StoredGame stored = records.loadHeader(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
            Seat seat = stored.seatOf(wallet.value()).orElseThrow(() -> GameRefusedException.notYourGame(gameId));
            if (stored.status() == GameStatus.CREATED) {
                follow(listener, gameId);
                awaitStart(stored, listener, Optional.of(seat));
                return;
            }
            if (stored.status() == GameStatus.AWAITING_DEPOSITS) {
                // Told what to deposit; game_started follows here once both deposits are in.
                DepositRequired instructions = deposits.depositRequired(gameId, wallet.value());
                follow(listener, gameId);
                waiting.computeIfAbsent(gameId, id -> new ConcurrentHashMap<>()).put(listener, Optional.of(seat));
                LiveGame.send(listener, instructions);
                return;
            }
            if (stored.status() == GameStatus.IN_PROGRESS) {
                // A seated player who comes to play takes an ownerless game over (its node died).
                local = owned.claim(gameId, false);
            }
            if (local.isEmpty()) {
                sendFinishedOrUnavailable(stored, Optional.of(seat), sinceVersion, listener);
                return;
            }
        }
        LiveGame game = local.get();
        synchronized (game) {
            Seat seat = game.table.seatOf(wallet.value()).orElseThrow(() -> GameRefusedException.notYourGame(gameId));
            follow(listener, gameId);
            game.attach(listener, Optional.of(seat), sinceVersion.orElse(Long.MAX_VALUE), System.currentTimeMillis());
            clocks.changed(game);
        }
    }

    /** A spectator: like {@link #connect} without hidden information; never takes the game over. */
    public void watch(long gameId, OptionalLong sinceVersion, GameListener listener) {
        Optional<LiveGame> local = owned.local(gameId);
        if (local.isEmpty()) {
            GameRecords.StoredGame stored = records.loadHeader(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
            if (stored.status() == GameStatus.CREATED) {
                follow(listener, gameId);
                awaitStart(stored, listener, Optional.empty());
                return;
            }
            sendFinishedOrUnavailable(stored, Optional.empty(), sinceVersion, listener);
            return;
        }
        LiveGame game = local.get();
        synchronized (game) {
            follow(listener, gameId);
            game.attach(listener, Optional.empty(), sinceVersion.orElse(Long.MAX_VALUE), System.currentTimeMillis());
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
        owned.local(gameId).ifPresent(game -> {
            synchronized (game) {
                game.detach(listener, System.currentTimeMillis());
                clocks.changed(game);
            }
        });
    }

    // ---- play ----

    /**
     * A player's action for {@code turn}; resending the acknowledged frame is answered again and
     * changes nothing. When the action decided the game, the answer is what records its result and
     * tells {@code game_over}: the caller runs it once this action's frames are sent, so no
     * {@code turn_result} waits for that transaction (the game's clock runs it a little later
     * should the caller not).
     */
    public Optional<Runnable> submit(long gameId, WalletAddress wallet, int clientSeq, int turn, String action) {
        long received = System.nanoTime();
        Optional<LiveGame> local = owned.local(gameId);
        if (local.isEmpty()) {
            if (waiting.containsKey(gameId)) {
                throw new GameRefusedException("game-not-started", Kind.CONFLICT, "game " + gameId
                        + " starts when the second player joins with the invite code (and, with a wager, both "
                        + "deposits are in); wait for game_started");
            }
            throw resync(gameId);
        }
        LiveGame game = local.get();
        boolean resultDue;
        synchronized (game) {
            if (game.dropped) {
                throw resync(gameId);
            }
            Seat seat = game.table.seatOf(wallet.value()).orElseThrow(() -> GameRefusedException.notYourGame(gameId));
            GameTable.Submitted submitted;
            try {
                submitted = game.table.submit(seat, clientSeq, turn, action, System.currentTimeMillis());
            } catch (GameRefusedException refused) {
                throw refused;
            } catch (RuntimeException e) {
                owned.lost(game, e);
                throw resync(gameId);
            }
            game.tellSeat(seat, submitted.ack());
            game.publish(submitted.events());
            clocks.changed(game);
            resultDue = game.table.resultDue();
        }
        metrics.actionProcessed(System.nanoTime() - received);
        return resultDue ? Optional.of(() -> clocks.recordResult(game)) : Optional.empty();
    }

    // ---- helpers ----

    private void follow(GameListener listener, long gameId) {
        Long previous = following.get(listener);
        if (previous != null && previous != gameId) {
            leave(listener);
        }
        following.put(listener, gameId);
    }

    private void awaitStart(GameRecords.StoredGame stored, GameListener listener, Optional<Seat> seat) {
        waiting.computeIfAbsent(stored.id(), id -> new ConcurrentHashMap<>()).put(listener, seat);
        LiveGame.send(listener, new StateSnapshot(stored.id(), stored.type(), stored.metadata().getInt("bestOf"),
                StateSnapshot.Status.WAITING_FOR_OPPONENT, 0, seat.orElse(null), new PerSeat<>(stored.wallet1(), null),
                new PerSeat<>(stored.metadata().getJsonObject("clientSeeds").getString("P1"), null),
                stored.serverSeedHash(), 1, Optional.empty(),
                new PerSeat<>(waiting.get(stored.id()).values().stream().anyMatch(Optional::isPresent), false),
                seat.map(s -> 0), null, Optional.empty()));
    }

    /**
     * A follower of a game not owned here: a finished game's final state (its log read now; {@code
     * header} is the game's row only), else "try again".
     */
    private void sendFinishedOrUnavailable(GameRecords.StoredGame header, Optional<Seat> seat, OptionalLong sinceVersion,
                                           GameListener listener) {
        if (!header.status().isFinal() || !header.started()) {
            throw new GameRefusedException("game-unavailable", Kind.UNAVAILABLE, "game " + header.id()
                    + " is moving to another server; send the same frame again in a second");
        }
        GameRecords.StoredGame stored = records.load(header.id()).orElseThrow(() -> GameRefusedException.notFound(header.id()));
        GameTable finished = GameTable.resumed(stored.log(), ReadOnly.STORE, owned.settings(), System.currentTimeMillis());
        finished.eventsAfter(sinceVersion.orElse(Long.MAX_VALUE)).forEach(e -> LiveGame.send(listener, e));
        LiveGame.send(listener, finished.snapshot(seat.orElse(null)));
    }

    private static GameRefusedException resync(long gameId) {
        return new GameRefusedException("resync", Kind.CONFLICT, "game " + gameId
                + " is played on another server now or could not be saved; send join_game with sinceVersion");
    }

    /** The store of a copy made only to be read: it never writes. */
    private enum ReadOnly implements TableStore {
        STORE;

        @Override
        public void append(LogRow row) {
            throw new IllegalStateException("a read-only copy of a game never writes");
        }

        @Override
        public Optional<Settlement> recordResult(com.solduel.game.table.GameLog log) {
            throw new IllegalStateException("a read-only copy of a game never writes");
        }
    }
}
