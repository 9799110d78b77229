package com.solduel.game.live;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.IllegalActionException;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnResolved;
import com.solduel.game.verify.ActionLogDigest;
import com.solduel.game.verify.GameExport;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where games are played: creates and joins private challenges, seats connections, accepts
 * actions, runs the turn timers and the reconnect grace, and ends games. The server is
 * authoritative: a refused request throws {@link GameRefusedException} and changes nothing.
 *
 * <p>Every accepted action is written to PostgreSQL before anyone is told about it, and the
 * session is mirrored to Redis, so a node restart or a lost Redis key loses no game.
 */
@ApplicationScoped
public class GameHall {

    private static final Logger LOG = Logger.getLogger(GameHall.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int INVITE_LENGTH = 8;
    /** Misses in a row that forfeit the game (SPEC §5). */
    private static final int MISSES_TO_FORFEIT = 2;
    /** Public events mirrored to the Redis session for reconnects after a node change. */
    private static final int PERSISTED_EVENTS = 24;
    /** How long changes to one game are gathered before its Redis session is rewritten. */
    private static final long SESSION_FLUSH_MILLIS = 50;
    /** How long a timer whose database write failed waits before it runs again. */
    private static final int RETRY_SECONDS = 2;

    @Inject
    GameRecords records;

    @Inject
    SessionStore sessions;

    @Inject
    GameMetrics metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "solduel.game.turn-seconds")
    int turnSeconds;

    @Inject
    @ConfigProperty(name = "solduel.game.reconnect-grace-seconds")
    int graceSeconds;

    private final Map<Long, LiveGame> live = new ConcurrentHashMap<>();
    private final Map<GameListener, LiveGame> listeners = new ConcurrentHashMap<>();

    // ---- creating and joining (REST) ----

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
        GameRecord game = records.join(inviteCode.trim().toUpperCase(Locale.ROOT), player, seed);
        LiveGame table = load(game.id(), true).orElseThrow(() -> GameRefusedException.notFound(game.id()));
        return new JoinedGame(game.id(), game.gameType().name(), table.match.setup().options().bestOf(),
                game.serverSeedHash(), Seat.P2.name(), seed.value(), table.wallets.p1());
    }

    // ---- connections (WebSocket) ----

    /** A seated player connects or reconnects: a state snapshot, then the public events after {@code sinceVersion}. */
    public void connect(long gameId, WalletAddress wallet, long sinceVersion, GameListener listener) {
        LiveGame game = table(gameId);
        if (game.seatOf(wallet.value()) == null) {
            throw GameRefusedException.notYourGame(gameId);
        }
        // Leave any previous game before taking this one's lock: never hold two games' locks.
        leave(listener);
        synchronized (game) {
            Seat seat = game.seatOf(wallet.value());
            // Away only if it had been here: a player's first connection is not a return.
            boolean wasAway = !game.isConnected(seat) && game.hadConnected[LiveGame.index(seat)];
            game.hadConnected[LiveGame.index(seat)] = true;
            game.players.get(seat).add(listener);
            listeners.put(listener, game);
            listener.send(GameFrames.state(game, seat, game.match.viewFor(seat)));
            replay(game, sinceVersion, listener);
            if (game.gameOver != null) {
                listener.send(game.gameOver);
                return;
            }
            var grace = game.graceTimers.remove(seat);
            if (grace != null) {
                grace.cancel(false);
            }
            if (wasAway) {
                publish(game, GameFrames.presence(game.id, ++game.version, seat, true, graceSeconds));
                persistSession(game);
            }
        }
    }

    /** A spectator: the snapshot without hidden information, then live public events. */
    public void watch(long gameId, long sinceVersion, GameListener listener) {
        LiveGame game = table(gameId);
        leave(listener);
        synchronized (game) {
            game.spectators.add(listener);
            listeners.put(listener, game);
            listener.send(GameFrames.state(game, null, game.match.spectatorView()));
            replay(game, sinceVersion, listener);
            if (game.gameOver != null) {
                listener.send(game.gameOver);
            }
        }
    }

    /** The connection closed; a seated player who has no other connection gets the reconnect grace. */
    public void leave(GameListener listener) {
        LiveGame game = listeners.remove(listener);
        if (game == null) {
            return;
        }
        synchronized (game) {
            game.spectators.remove(listener);
            for (Seat seat : Seat.values()) {
                if (game.players.get(seat).remove(listener) && !game.isConnected(seat) && game.gameOver == null) {
                    publish(game, GameFrames.presence(game.id, ++game.version, seat, false, graceSeconds));
                    game.graceTimers.put(seat, scheduler.schedule(
                            () -> onTimer(game.id, "reconnect grace", g -> graceExpired(g, seat)),
                            graceSeconds, TimeUnit.SECONDS));
                    persistSession(game);
                }
            }
        }
    }

    // ---- play ----

    /** A player's action for {@code turn}; resending the same {@code clientSeq} is answered again and changes nothing. */
    public void submit(long gameId, WalletAddress wallet, int clientSeq, int turn, String action) {
        LiveGame game = table(gameId);
        synchronized (game) {
            Seat seat = game.seatOf(wallet.value());
            if (seat == null) {
                throw GameRefusedException.notYourGame(gameId);
            }
            if (game.gameOver != null) {
                throw new GameRefusedException("game-over", Kind.CONFLICT, "game " + gameId + " is over");
            }
            int i = LiveGame.index(seat);
            if (clientSeq <= game.lastClientSeq[i]) {
                if (clientSeq == game.lastClientSeq[i] && action != null
                        && action.equalsIgnoreCase(game.lastClientAction[i])) {
                    send(game.players.get(seat), GameFrames.actionAccepted(gameId, clientSeq, turn,
                            game.lastClientAction[i], true));
                    return;
                }
                throw new GameRefusedException("stale-sequence", Kind.CONFLICT, "clientSeq " + clientSeq
                        + " was already used; the next one must be greater than " + game.lastClientSeq[i]);
            }
            Match<?> next;
            try {
                next = game.match.submit(seat, turn, action);
            } catch (IllegalActionException e) {
                // The protocol's codes are kebab-case, like every other error code of the API.
                throw new GameRefusedException(e.code().toLowerCase(Locale.ROOT).replace('_', '-'),
                        Kind.INVALID_INPUT, e.getMessage());
            }
            LoggedAction accepted = last(next);
            if (next == game.match) {
                // The same choice for this turn sent with a new clientSeq: already locked in.
                game.lastClientSeq[i] = clientSeq;
                send(game.players.get(seat), GameFrames.actionAccepted(gameId, clientSeq, turn, accepted.action(), true));
                return;
            }
            try {
                records.append(gameId, game.playerIds.get(seat), GameActionRecord.ActionType.MOVE, accepted, clientSeq);
            } catch (RuntimeException e) {
                // Another node wrote this position first (unique game/sequence), or the database failed:
                // forget this copy; the next request rebuilds the game from PostgreSQL.
                live.remove(gameId);
                LOG.log(Level.WARNING, "action of game " + gameId + " not recorded; the game will be reloaded", e);
                throw new GameRefusedException("resync", Kind.CONFLICT,
                        "the game changed on another server or could not be saved; join it again to get its current state");
            }
            game.match = next;
            game.consecutiveMisses[i] = 0;
            game.lastClientSeq[i] = clientSeq;
            game.lastClientAction[i] = accepted.action();
            send(game.players.get(seat), GameFrames.actionAccepted(gameId, clientSeq, turn, accepted.action(), false));
            publish(game, GameFrames.playerActed(gameId, ++game.version, seat, turn));
            if (game.match.turnReady()) {
                resolveTurn(game);
            }
            persistSession(game);
        }
    }

    /** The finished game's export (seeds revealed, action log, result); refused while the game runs. */
    public GameExport export(long gameId) {
        LiveGame game = table(gameId);
        synchronized (game) {
            if (!game.match.isFinished()) {
                throw new GameRefusedException("game-not-finished", Kind.CONFLICT,
                        "game " + gameId + " is still being played: its server seed is secret until the end");
            }
            return GameExport.of(game.match);
        }
    }

    /** The public summary of a game: players, status, result; the server seed only once it is over. */
    public JsonObject summary(long gameId) {
        Optional<LiveGame> started = load(gameId, false);
        if (started.isEmpty()) {
            GameRecords.StoredGame waiting = records.load(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
            return Json.createObjectBuilder()
                    .add("gameId", gameId)
                    .add("gameType", waiting.type().name())
                    .add("bestOf", waiting.metadata().getInt("bestOf"))
                    .add("players", Json.createObjectBuilder().add("P1", waiting.wallet1()))
                    .add("status", waiting.status().name())
                    .add("serverSeedSha256", waiting.serverSeedHash())
                    .build();
        }
        LiveGame game = started.get();
        synchronized (game) {
            var builder = Json.createObjectBuilder()
                    .add("gameId", game.id)
                    .add("gameType", game.type.name())
                    .add("bestOf", game.match.setup().options().bestOf())
                    .add("players", Json.createObjectBuilder().add("P1", game.wallets.p1()).add("P2", game.wallets.p2()))
                    .add("status", game.match.isFinished() ? GameStatus.COMPLETED.name() : GameStatus.IN_PROGRESS.name())
                    .add("turn", game.match.turn())
                    .add("serverSeedSha256", game.serverSeedHash)
                    .add("score", Json.createObjectBuilder().add("P1", game.match.score().p1()).add("P2", game.match.score().p2()));
            game.match.outcome().ifPresent(o -> builder.add("outcome", o.code()).add("reason", o.reason())
                    .add("serverSeed", game.match.setup().serverSeed().hex()));
            return builder.build();
        }
    }

    // ---- timers ----

    private void armTurnTimer(LiveGame game) {
        armTurnTimer(game, 0);
    }

    private void armTurnTimer(LiveGame game, int extraSeconds) {
        if (game.turnTimer != null) {
            game.turnTimer.cancel(false);
        }
        int turn = game.match.turn();
        long seconds = turnSeconds + (long) extraSeconds;
        game.turnDeadline = System.currentTimeMillis() + seconds * 1000L;
        game.turnTimer = scheduler.schedule(() -> onTimer(game.id, "turn timer", g -> turnExpired(g, turn)),
                seconds, TimeUnit.SECONDS);
    }

    /**
     * Runs a timer's work under the game's lock. If it fails (the database is down, say) it runs
     * again a little later: a game never stalls because one write failed, and the work is written
     * so that a retry after a partial run does the rest, not the same thing twice.
     */
    private void onTimer(long gameId, String what, Consumer<LiveGame> work) {
        LiveGame game = live.get(gameId);
        if (game == null) {
            return;
        }
        try {
            synchronized (game) {
                work.accept(game);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, what + " of game " + gameId + " failed; retrying in " + RETRY_SECONDS + " s", e);
            scheduler.schedule(() -> onTimer(gameId, what, work), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void turnExpired(LiveGame game, int turn) {
        if (game.gameOver != null || game.match.turn() != turn) {
            return;
        }
        for (Seat seat : Seat.values()) {
            if (game.match.hasChosen(seat)) {
                continue;
            }
            int i = LiveGame.index(seat);
            int misses = game.consecutiveMisses[i] + 1;
            if (misses >= MISSES_TO_FORFEIT) {
                finish(game, game.match.forfeit(seat));
                persistSession(game);
                return;
            }
            Match<?> next = game.match.submitDefault(seat);
            records.append(game.id, game.playerIds.get(seat), GameActionRecord.ActionType.TIMEOUT_MOVE, last(next), 0);
            // Only once the row is written: a retry after a failed write must not count the miss twice.
            game.match = next;
            game.consecutiveMisses[i] = misses;
        }
        if (game.match.turnReady()) {
            resolveTurn(game);
        }
        persistSession(game);
    }

    private void graceExpired(LiveGame game, Seat seat) {
        game.graceTimers.remove(seat);
        if (game.gameOver != null || game.isConnected(seat)) {
            return;
        }
        finish(game, game.match.forfeit(seat));
        persistSession(game);
    }

    // ---- turn resolution and the end ----

    private void resolveTurn(LiveGame game) {
        int turn = game.match.turn();
        PerSeat<String> moves = PerSeat.of(s -> game.match.chosen(s).orElseThrow().code());
        List<Seat> timedOut = game.match.log().stream()
                .filter(a -> a.turn() == turn && a.timedOut())
                .map(LoggedAction::seat)
                .toList();
        TurnResolved<?> resolved = game.match.resolveTurn();
        game.match = resolved.match();
        String digest = ActionLogDigest.of(game.match);
        if (!game.match.isFinished()) {
            armTurnTimer(game);
        }
        publish(game, GameFrames.turnResult(game.id, ++game.version, turn, moves, timedOut, resolved.events(),
                game.match.score(), digest, game.match.turn(), game.turnDeadline));
        if (game.match.isFinished()) {
            finish(game, game.match);
        }
    }

    /**
     * Ends the game: the result, ratings and any FORFEIT row in one transaction, then game_over.
     * The match is final at once (no more actions are accepted); if the write fails it is retried
     * until it lands, and a write that landed but whose answer was lost is recognised, not repeated.
     */
    private void finish(LiveGame game, Match<?> ended) {
        game.match = ended;
        if (game.turnTimer != null) {
            game.turnTimer.cancel(false);
        }
        game.graceTimers.values().forEach(t -> t.cancel(false));
        game.graceTimers.clear();
        Outcome outcome = ended.outcome().orElseThrow();
        // A forfeit's loser is the winner's opponent: derived, not carried around.
        Optional<Seat> forfeitedBy = Outcome.FORFEIT.equals(outcome.reason())
                ? outcome.winnerSeat().map(Seat::other) : Optional.empty();
        String digest = ActionLogDigest.of(ended);
        GameRecords.Completion completion = null;
        try {
            completion = records.complete(game.id, outcome, ended.turnsPlayed(), ended.score(), digest, forfeitedBy,
                    ended.nextSequence());
        } catch (RuntimeException e) {
            if (!recordedAsCompleted(game.id)) {
                LOG.log(Level.SEVERE, "the result of game " + game.id + " was not recorded; retrying in "
                        + RETRY_SECONDS + " s", e);
                game.turnTimer = scheduler.schedule(() -> onTimer(game.id, "recording the result", g -> {
                    if (g.gameOver == null) {
                        finish(g, g.match);
                        persistSession(g);
                    }
                }), RETRY_SECONDS, TimeUnit.SECONDS);
                return;
            }
        }
        game.version++;
        game.gameOver = GameFrames.gameOver(game, outcome, ended.setup().serverSeed().hex(), digest,
                completion == null ? null : completion.ratings(), completion == null ? null : completion.ratingChanges());
        publish(game, game.gameOver);
        metrics.gameEnded(outcome, (System.currentTimeMillis() - game.startedAtMillis) / 1000.0);
    }

    private boolean recordedAsCompleted(long gameId) {
        try {
            return records.load(gameId).map(g -> g.status() == GameStatus.COMPLETED).orElse(false);
        } catch (RuntimeException databaseStillDown) {
            return false;
        }
    }

    // ---- loading, sessions ----

    private LiveGame table(long gameId) {
        return load(gameId, false).orElseThrow(() -> records.load(gameId).isPresent()
                ? new GameRefusedException("waiting-for-opponent", Kind.CONFLICT,
                        "game " + gameId + " starts when the second player joins with the invite code")
                : GameRefusedException.notFound(gameId));
    }

    /**
     * The game on this node, else its Redis session, else rebuilt from PostgreSQL; empty if it has
     * not started. A game that was already running when it came to this node (a restart, another
     * node gone) gives its players the reconnect grace on top of the current turn's timer.
     */
    private Optional<LiveGame> load(long gameId, boolean freshlyStarted) {
        LiveGame game = live.get(gameId);
        if (game != null) {
            return Optional.of(game);
        }
        synchronized (live) {
            game = live.get(gameId);
            if (game == null) {
                game = sessions.load(gameId).map(this::fromSession)
                        .filter(this::currentWithDatabase)
                        // An end the session does not show as recorded: PostgreSQL knows whether it was.
                        .filter(g -> g.gameOver != null || !g.match.isFinished())
                        .or(() -> records.load(gameId).flatMap(this::fromRecords))
                        .orElse(null);
                if (game == null) {
                    return Optional.empty();
                }
                live.put(gameId, game);
                if (game.gameOver == null && game.match.isFinished()) {
                    // The last turn was recorded but the node died before the result was: record it now.
                    synchronized (game) {
                        finish(game, game.match);
                        persistSession(game);
                    }
                } else if (game.gameOver == null) {
                    metrics.gameStarted();
                    synchronized (game) {
                        armTurnTimer(game, freshlyStarted ? 0 : graceSeconds);
                        persistSession(game);
                    }
                }
            }
            return Optional.of(game);
        }
    }

    /**
     * A Redis session is used only if it holds every action PostgreSQL has: the node may have died
     * between recording an action and mirroring the session.
     */
    private boolean currentWithDatabase(LiveGame fromRedis) {
        int inRedis = fromRedis.match.log().size() + (fromRedis.gameOver != null
                && Outcome.FORFEIT.equals(fromRedis.match.outcome().map(Outcome::reason).orElse(null)) ? 1 : 0);
        return inRedis == records.lastSequence(fromRedis.id);
    }

    private Optional<LiveGame> fromRecords(GameRecords.StoredGame stored) {
        if (stored.player2Id() == null) {
            return Optional.empty();
        }
        JsonObject meta = stored.metadata();
        GameSetup setup = setup(stored.id(), stored.type(), meta.getInt("bestOf"), stored.serverSeed(),
                meta.getJsonObject("clientSeeds"));
        List<LoggedAction> log = new ArrayList<>();
        Seat forfeited = null;
        int[] lastSeq = {0, 0};
        String[] lastAction = new String[2];
        for (GameRecords.StoredAction row : stored.actions()) {
            JsonObject data = row.data();
            Seat seat = Seat.valueOf(data.getString("seat"));
            if (row.type() == GameActionRecord.ActionType.FORFEIT) {
                forfeited = seat;
                continue;
            }
            log.add(new LoggedAction(row.sequence(), seat, data.getInt("turn"), data.getString("action"),
                    data.getBoolean("timedOut", false)));
            int clientSeq = data.getInt("clientSeq", 0);
            if (clientSeq > 0) {
                lastSeq[LiveGame.index(seat)] = clientSeq;
                lastAction[LiveGame.index(seat)] = data.getString("action");
            }
        }
        Match<?> match = Match.replay(setup, log);
        if (forfeited != null) {
            match = match.forfeit(forfeited);
        }
        LiveGame game = new LiveGame(stored.id(), stored.type(), stored.serverSeedHash(),
                new PerSeat<>(stored.wallet1(), stored.wallet2()), new PerSeat<>(stored.player1Id(), stored.player2Id()),
                stored.startTime() == null ? System.currentTimeMillis() : stored.startTime().toEpochMilli(), match);
        System.arraycopy(lastSeq, 0, game.lastClientSeq, 0, 2);
        System.arraycopy(lastAction, 0, game.lastClientAction, 0, 2);
        // Versions restart above anything a client can hold: log entries plus turns plus presence changes.
        game.version = 10L * (log.size() + 1);
        if (match.isFinished() && stored.status() == GameStatus.COMPLETED) {
            game.gameOver = GameFrames.gameOver(game, match.outcome().orElseThrow(), setup.serverSeed().hex(),
                    ActionLogDigest.of(match), null, null);
        }
        LOG.info(() -> "game " + stored.id() + " rebuilt from PostgreSQL (" + log.size() + " actions)");
        return Optional.of(game);
    }

    private LiveGame fromSession(JsonObject s) {
        long gameId = s.getJsonNumber("gameId").longValue();
        GameSetup setup = setup(gameId, GameType.valueOf(s.getString("gameType")), s.getInt("bestOf"),
                s.getString("serverSeed"), s.getJsonObject("clientSeeds"));
        List<LoggedAction> log = new ArrayList<>();
        for (JsonValue v : s.getJsonArray("log")) {
            JsonObject a = v.asJsonObject();
            log.add(new LoggedAction(a.getInt("seq"), Seat.valueOf(a.getString("seat")), a.getInt("turn"),
                    a.getString("action"), a.getBoolean("timedOut")));
        }
        Match<?> match = Match.replay(setup, log);
        if (s.containsKey("forfeitedBy") && !s.isNull("forfeitedBy")) {
            match = match.forfeit(Seat.valueOf(s.getString("forfeitedBy")));
        }
        JsonObject wallets = s.getJsonObject("wallets");
        JsonObject ids = s.getJsonObject("playerIds");
        LiveGame game = new LiveGame(gameId, setup.type(), s.getString("serverSeedSha256"),
                new PerSeat<>(wallets.getString("P1"), wallets.getString("P2")),
                new PerSeat<>(ids.getInt("P1"), ids.getInt("P2")), s.getJsonNumber("startedAt").longValue(), match);
        game.version = s.getJsonNumber("version").longValue();
        game.consecutiveMisses[0] = s.getJsonArray("misses").getInt(0);
        game.consecutiveMisses[1] = s.getJsonArray("misses").getInt(1);
        game.lastClientSeq[0] = s.getJsonArray("lastClientSeq").getInt(0);
        game.lastClientSeq[1] = s.getJsonArray("lastClientSeq").getInt(1);
        game.lastClientAction[0] = s.getJsonArray("lastClientAction").isNull(0) ? null : s.getJsonArray("lastClientAction").getString(0);
        game.lastClientAction[1] = s.getJsonArray("lastClientAction").isNull(1) ? null : s.getJsonArray("lastClientAction").getString(1);
        s.getJsonArray("events").forEach(e -> game.events.addLast(e.asJsonObject()));
        if (s.containsKey("gameOver") && !s.isNull("gameOver")) {
            game.gameOver = s.getJsonObject("gameOver");
        }
        return game;
    }

    /**
     * Mirrors the game to Redis soon, off the caller's path: changes within
     * {@link #SESSION_FLUSH_MILLIS} are written once, and writes of one game never overtake each
     * other. Redis may lag PostgreSQL by that much; {@link #currentWithDatabase} covers it.
     */
    private void persistSession(LiveGame game) {
        if (game.sessionDirty.compareAndSet(false, true)) {
            scheduler.schedule(() -> flushSession(game), SESSION_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flushSession(LiveGame game) {
        try {
            synchronized (game.sessionWrites) {
                JsonObject snapshot;
                synchronized (game) {
                    game.sessionDirty.set(false);
                    snapshot = sessionSnapshot(game);
                }
                sessions.save(game.id, snapshot);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "game session " + game.id + " not mirrored to Redis; PostgreSQL has it", e);
        }
    }

    private JsonObject sessionSnapshot(LiveGame game) {
        GameSetup setup = game.match.setup();
        JsonArrayBuilder log = Json.createArrayBuilder();
        for (LoggedAction a : game.match.log()) {
            log.add(Json.createObjectBuilder().add("seq", a.sequence()).add("seat", a.seat().name())
                    .add("turn", a.turn()).add("action", a.action()).add("timedOut", a.timedOut()));
        }
        // Only the latest events go to Redis: the session is rewritten on every change, and a
        // client further behind than this gets the state snapshot, which is complete anyway.
        JsonArrayBuilder events = Json.createArrayBuilder();
        game.events.stream().skip(Math.max(0, game.events.size() - PERSISTED_EVENTS)).forEach(events::add);
        Optional<Outcome> outcome = game.match.outcome();
        boolean forfeit = outcome.isPresent() && Outcome.FORFEIT.equals(outcome.get().reason());
        JsonObject session = Json.createObjectBuilder()
                .add("gameId", game.id)
                .add("gameType", game.type.name())
                .add("bestOf", setup.options().bestOf())
                .add("serverSeed", setup.serverSeed().hex())
                .add("serverSeedSha256", game.serverSeedHash)
                .add("clientSeeds", Json.createObjectBuilder().add("P1", setup.clientSeeds().p1().value())
                        .add("P2", setup.clientSeeds().p2().value()))
                .add("wallets", Json.createObjectBuilder().add("P1", game.wallets.p1()).add("P2", game.wallets.p2()))
                .add("playerIds", Json.createObjectBuilder().add("P1", game.playerIds.p1()).add("P2", game.playerIds.p2()))
                .add("startedAt", game.startedAtMillis)
                .add("log", log)
                .add("forfeitedBy", forfeit ? Json.createValue(outcome.get().winnerSeat().orElseThrow().other().name()) : JsonValue.NULL)
                .add("version", game.version)
                .add("misses", Json.createArrayBuilder().add(game.consecutiveMisses[0]).add(game.consecutiveMisses[1]))
                .add("lastClientSeq", Json.createArrayBuilder().add(game.lastClientSeq[0]).add(game.lastClientSeq[1]))
                .add("lastClientAction", Json.createArrayBuilder()
                        .add(game.lastClientAction[0] == null ? JsonValue.NULL : Json.createValue(game.lastClientAction[0]))
                        .add(game.lastClientAction[1] == null ? JsonValue.NULL : Json.createValue(game.lastClientAction[1])))
                .add("events", events)
                .add("gameOver", game.gameOver == null ? JsonValue.NULL : game.gameOver)
                .build();
        return session;
    }

    // ---- helpers ----

    private void publish(LiveGame game, JsonObject event) {
        game.remember(event);
        for (Seat seat : Seat.values()) {
            send(game.players.get(seat), event);
        }
        send(game.spectators, event);
    }

    private static void replay(LiveGame game, long sinceVersion, GameListener listener) {
        for (JsonObject event : game.events) {
            // game_over is sent once, after the replay, by the caller.
            if (event.getJsonNumber("version").longValue() > sinceVersion && !"game_over".equals(event.getString("type"))) {
                listener.send(event);
            }
        }
    }

    private static void send(Set<GameListener> targets, JsonObject frame) {
        for (GameListener target : targets) {
            try {
                target.send(frame);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a listener failed; its connection will be cleaned up on close", e);
            }
        }
    }

    private static LoggedAction last(Match<?> match) {
        List<LoggedAction> log = match.log();
        return log.get(log.size() - 1);
    }

    private static GameSetup setup(long gameId, GameType type, int bestOf, String serverSeed, JsonObject clientSeeds) {
        return new GameSetup(gameId, type, GameOptions.bestOf(bestOf), new ServerSeed(serverSeed),
                new PerSeat<>(new ClientSeed(clientSeeds.getString("P1")), new ClientSeed(clientSeeds.getString("P2"))));
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

    /** Re-arms the timers of every game in progress after this node (re)starts. */
    public void resumeGamesInProgress() {
        for (Long gameId : records.inProgress()) {
            try {
                load(gameId, false);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "game " + gameId + " could not be resumed", e);
            }
        }
    }

    /** Games being played on this node (for the active-games gauge). */
    long activeGames() {
        return live.values().stream().filter(g -> g.gameOver == null).count();
    }

    @PreDestroy
    void stopTimers() {
        live.values().forEach(g -> {
            if (g.turnTimer != null) {
                g.turnTimer.cancel(false);
            }
            g.graceTimers.values().forEach(t -> t.cancel(false));
        });
    }
}
