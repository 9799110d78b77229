package com.solduel.game.live;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.settlement.GameFinished;
import com.solduel.game.table.GameLog;
import com.solduel.game.table.GameRefusedException;
import com.solduel.game.table.LeaseLostException;
import com.solduel.game.table.LogRow;
import com.solduel.game.table.Settlement;
import com.solduel.infra.db.SqlValues;
import com.solduel.player.Player;
import com.solduel.player.PlayerBannedException;
import com.solduel.player.PlayerRegistry;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The games' durable record in PostgreSQL: every write here is one JTA transaction, so a game,
 * its action log and everything that follows from its result never disagree.
 */
@Stateless
public class GameRecords {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The SQLSTATE of the action-log fence (changelog 004): the writer's epoch is stale. */
    static final String STALE_EPOCH = "SDF01";

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @EJB
    PlayerRegistry players;

    @Inject
    Event<GameFinished> finished;

    /** The signed-in player of {@code wallet}; a JWT holder always has one. */
    public Player player(WalletAddress wallet) {
        return players.find(wallet).orElseThrow(GameRecords::playerNotFound);
    }

    private static GameRefusedException playerNotFound() {
        return new GameRefusedException("player-not-found", Kind.FORBIDDEN, "sign in before playing");
    }

    /**
     * The id of {@code wallet}'s player, read with its ban in one statement (and its row locked
     * when {@code lock}): {@link PlayerBannedException} when banned, before anything is written.
     * Read from PostgreSQL every time, like every ban check ({@link com.solduel.player.PlayerBans}).
     */
    private int actingPlayer(WalletAddress wallet, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, banned_at IS NOT NULL FROM players WHERE wallet_address = ?1"
                        + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, wallet.value())
                .getResultList();
        if (rows.isEmpty()) {
            throw playerNotFound();
        }
        if ((Boolean) rows.get(0)[1]) {
            throw new PlayerBannedException();
        }
        return ((Number) rows.get(0)[0]).intValue();
    }

    /**
     * A new private challenge by {@code creator}, waiting for a second player with the invite code;
     * refused when the creator is banned, or already has {@code maxOpen} open ones (the player row is
     * locked, so parallel requests cannot slip past the cap).
     */
    public GameRecord create(WalletAddress creator, GameType type, GameOptions options, ServerSeed seed,
                             ClientSeed creatorSeed, String inviteCode, int maxOpen, long wager, int houseFeeBps,
                             boolean rated) {
        int p1 = actingPlayer(creator, true);
        // The status is written out, not bound, so every plan can use idx_games_open_challenges (partial).
        long open = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM games WHERE player1_id = ?1 "
                        + "AND status = 'CREATED' AND player2_id IS NULL")
                .setParameter(1, p1).getSingleResult()).longValue();
        if (open >= maxOpen) {
            throw new GameRefusedException("too-many-open-challenges", Kind.CONFLICT, "you already have " + open
                    + " open challenges (at most " + maxOpen + "): wait for an opponent to join one, or for one to expire");
        }
        var metadata = JSON.createObjectBuilder()
                .add("bestOf", options.bestOf())
                .add("clientSeeds", JSON.createObjectBuilder().add("P1", creatorSeed.value()));
        addWagerTerms(metadata, wager, houseFeeBps);
        GameRecord game = new GameRecord(p1, type, inviteCode, seed.hex(), seed.sha256Hex(),
                metadata.build().toString(), wager, rated);
        em.persist(game);
        em.flush();
        return game;
    }

    /**
     * Seats {@code joiner} as P2 of the game with {@code inviteCode}: a free game starts (IN_PROGRESS);
     * a wagered one waits for both deposits (AWAITING_DEPOSITS) until now + {@code depositWindow}.
     * Refused when the joiner is banned.
     */
    public GameRecord join(String inviteCode, WalletAddress joiner, ClientSeed joinerSeed, Duration depositWindow) {
        int p2 = actingPlayer(joiner, false);
        GameRecord game = em.createQuery("SELECT g FROM GameRecord g WHERE g.inviteCode = :code", GameRecord.class)
                .setParameter("code", inviteCode)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new GameRefusedException("invite-not-found",
                        Kind.NOT_FOUND, "no open game has invite code " + inviteCode));
        if (game.player1Id() != null && p2 == game.player1Id()) {
            throw new GameRefusedException("own-game", Kind.CONFLICT,
                    "you created this game; share the invite code with your opponent");
        }
        if (game.status() == GameStatus.CANCELLED) {
            throw new GameRefusedException("challenge-expired", Kind.CONFLICT,
                    "game " + game.id() + " expired before anyone joined it: ask for a new invite code");
        }
        if (game.status() != GameStatus.CREATED || game.player2Id() != null) {
            throw new GameRefusedException("game-already-started", Kind.CONFLICT,
                    "game " + game.id() + " already has two players");
        }
        JsonObject metadata = parse(game.metadata());
        JsonObject seeds = JSON.createObjectBuilder(metadata.getJsonObject("clientSeeds")).add("P2", joinerSeed.value()).build();
        String joined = JSON.createObjectBuilder(metadata).add("clientSeeds", seeds).build().toString();
        game.seatSecondPlayer(p2, joined, depositWindow);
        return game;
    }

    /** The wager's terms a game keeps in its metadata: the fee in force when it was made is the one its settlement takes. */
    private static void addWagerTerms(jakarta.json.JsonObjectBuilder metadata, long wager, int houseFeeBps) {
        if (wager > 0) {
            metadata.add("houseFeeBps", houseFeeBps);
        }
    }

    /**
     * A game for a matchmaking pair, both seats taken, in one transaction: P1 and P2 are
     * {@code wallets} in that order. Free play starts (IN_PROGRESS); with a {@code wager} above 0
     * it waits for both deposits (AWAITING_DEPOSITS) until now + {@code depositWindow}, exactly
     * as a joined wagered challenge, with {@code houseFeeBps} kept in its metadata. A pair becomes
     * one game at most: when a game with {@code matchId} exists already (a node recovering a pair
     * another node made), that game is answered with {@code created} false. Refused with
     * {@link MatchUnavailableException}, writing nothing, when a player is banned or already in an
     * active game.
     */
    public MatchedGame createMatched(String matchId, GameType type, GameOptions options, boolean rated, ServerSeed seed,
                                     PerSeat<WalletAddress> wallets, PerSeat<ClientSeed> clientSeeds, long wager,
                                     int houseFeeBps, Duration depositWindow) {
        Optional<GameRecord> existing = byMatchId(matchId);
        if (existing.isPresent()) {
            return matched(existing.get(), false);
        }
        PerSeat<Player> seats = wallets.map(this::player);
        // Locked in id order, like every writer of two players, so two writers never deadlock.
        int low = Math.min(seats.p1().id(), seats.p2().id());
        int high = Math.max(seats.p1().id(), seats.p2().id());
        em.createNativeQuery("SELECT id FROM players WHERE id IN (?1, ?2) ORDER BY id FOR UPDATE")
                .setParameter(1, low).setParameter(2, high).getResultList();
        existing = byMatchId(matchId);
        if (existing.isPresent()) {
            return matched(existing.get(), false);
        }
        List<String> unavailable = new java.util.ArrayList<>();
        for (Player p : List.of(seats.p1(), seats.p2())) {
            if (bannedOrPlaying(p.id())) {
                unavailable.add(p.wallet().value());
            }
        }
        if (!unavailable.isEmpty()) {
            throw new MatchUnavailableException(unavailable);
        }
        var terms = JSON.createObjectBuilder()
                .add("bestOf", options.bestOf())
                .add("clientSeeds", JSON.createObjectBuilder().add("P1", clientSeeds.p1().value()).add("P2", clientSeeds.p2().value()))
                .add("matchId", matchId);
        addWagerTerms(terms, wager, houseFeeBps);
        JsonObject metadata = terms.build();
        GameRecord game = GameRecord.matched(seats.p1().id(), type, seed.hex(), seed.sha256Hex(), metadata.toString(), wager,
                rated, matchId);
        // Seated before it is persisted: the INSERT writes the whole row (its id comes back from it).
        game.seatSecondPlayer(seats.p2().id(), metadata.toString(), depositWindow);
        em.persist(game);
        em.flush();
        return matched(game, true);
    }

    /** Whether the player is banned or plays a game in progress (or waiting for deposits). */
    public boolean bannedOrPlaying(int playerId) {
        return !em.createNativeQuery("SELECT 1 FROM players WHERE id = ?1 AND banned_at IS NOT NULL UNION ALL "
                        + "SELECT 1 FROM games WHERE (player1_id = ?1 OR player2_id = ?1) "
                        + "AND status IN ('IN_PROGRESS'::game_status_enum, 'AWAITING_DEPOSITS'::game_status_enum)")
                .setParameter(1, playerId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The id of the game {@code wallet} plays now (in progress or waiting for deposits), if any. */
    public OptionalLong activeGame(WalletAddress wallet) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT g.id FROM games g JOIN players p ON p.id IN (g.player1_id, g.player2_id) "
                        + "WHERE p.wallet_address = ?1 AND g.status IN ('IN_PROGRESS'::game_status_enum, "
                        + "'AWAITING_DEPOSITS'::game_status_enum) ORDER BY g.id DESC")
                .setParameter(1, wallet.value())
                .setMaxResults(1)
                .getResultList();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0).longValue());
    }

    private Optional<GameRecord> byMatchId(String matchId) {
        return em.createQuery("SELECT g FROM GameRecord g WHERE g.matchId = :m", GameRecord.class)
                .setParameter("m", matchId)
                .getResultStream()
                .findFirst();
    }

    private MatchedGame matched(GameRecord game, boolean created) {
        return new MatchedGame(game.id(), created, game.status(), game.serverSeedHash(), parse(game.metadata()).getInt("bestOf"),
                new PerSeat<>(em.find(Player.class, game.player1Id()).username(), em.find(Player.class, game.player2Id()).username()),
                new PerSeat<>(em.find(Player.class, game.player1Id()).wallet().value(),
                        em.find(Player.class, game.player2Id()).wallet().value()));
    }

    /** A matched game as made (or found, {@code created} false): its id, status, commitment, options and players. */
    public record MatchedGame(long gameId, boolean created, GameStatus status, String serverSeedSha256, int bestOf, PerSeat<String> usernames,
                              PerSeat<String> wallets) {
    }

    /**
     * Cancels the challenges nobody joined within {@code ttlSeconds}; idempotent, so every node
     * may run it. Returns how many it cancelled.
     */
    public int cancelExpiredChallenges(long ttlSeconds) {
        return em.createNativeQuery("UPDATE games SET status = 'CANCELLED'::game_status_enum, end_time = now() "
                        + "WHERE status = 'CREATED'::game_status_enum AND player2_id IS NULL "
                        + "AND created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) ttlSeconds)
                .executeUpdate();
    }

    /**
     * Takes the game over for the calling node and reads it, in one transaction: raises its fencing
     * epoch, so rows written under any earlier epoch are refused from now on, and returns the game
     * under the new epoch with its action log. One statement raises the epoch and returns the row
     * with both wallets, so taking a game costs two statements. Empty when the game is not in progress.
     */
    public Optional<StoredGame> takeOwnership(long gameId) {
        @SuppressWarnings("unchecked")
        List<Object[]> taken = em.createNativeQuery("UPDATE games g SET owner_epoch = g.owner_epoch + 1 "
                        + "WHERE g.id = ?1 AND g.status = 'IN_PROGRESS' RETURNING g.owner_epoch, CAST(g.game_type AS TEXT), "
                        + "g.server_seed, g.server_seed_hash, CAST(g.metadata AS TEXT), g.player1_id, g.player2_id, "
                        + "(SELECT p.wallet_address FROM players p WHERE p.id = g.player1_id), "
                        + "(SELECT p.wallet_address FROM players p WHERE p.id = g.player2_id), g.start_time, g.rated")
                .setParameter(1, gameId)
                .getResultList();
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = taken.get(0);
        return Optional.of(new StoredGame(gameId, GameType.valueOf((String) row[1]), GameStatus.IN_PROGRESS,
                (String) row[2], (String) row[3], parse((String) row[4]), SqlValues.integer(row[5]), SqlValues.integer(row[6]),
                (String) row[7], (String) row[8], SqlValues.instant(row[9]), ((Number) row[0]).longValue(), rows(gameId),
                (Boolean) row[10]));
    }

    /**
     * Appends one row to the game's action log under {@code epoch}; the database refuses it
     * ({@link LeaseLostException}) when another node has taken the game over since, and the
     * unique (game, sequence) index refuses a second row at the same place.
     */
    public void append(long gameId, long epoch, Integer playerId, LogRow row) {
        try {
            em.persist(new GameActionRecord(gameId, playerId, LogRowJson.type(row), LogRowJson.data(row).toString(),
                    row.sequence(), epoch));
            em.flush();
        } catch (PersistenceException e) {
            if (staleEpoch(e)) {
                throw new LeaseLostException(gameId, epoch);
            }
            throw e;
        }
    }

    /**
     * Records the decided game's result in one transaction: the games row (COMPLETED, or ABORTED
     * when both forfeited), and whatever observes {@link GameFinished} in this transaction (the
     * ratings). A result already recorded (an earlier attempt whose answer was lost) is returned,
     * not recorded again.
     */
    public Optional<Settlement> recordResult(long gameId, long epoch, GameLog log) {
        // The game, then both players in id order (like every writer of two players, so two results
        // never deadlock), locked by one statement: the rows are locked as they leave the sort.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT g.status::text, g.owner_epoch, g.game_type::text, g.rated, "
                        + "g.wager_amount, g.metadata::text, g.player1_id, g.player2_id, p.id, p.wallet_address "
                        + "FROM games g JOIN players p ON p.id IN (g.player1_id, g.player2_id) "
                        + "WHERE g.id = ?1 ORDER BY p.id FOR UPDATE")
                .setParameter(1, gameId)
                .getResultList();
        if (rows.size() != 2) {
            throw GameRefusedException.notFound(gameId);
        }
        Object[] game = rows.get(0);
        GameStatus status = GameStatus.valueOf((String) game[0]);
        JsonObject metadata = parse((String) game[5]);
        if (status.isFinal()) {
            return recordedSettlement(metadata).orElse(Optional.empty());
        }
        if (((Number) game[1]).longValue() != epoch) {
            throw new LeaseLostException(gameId, epoch);
        }
        Outcome outcome = log.match().outcome().orElseThrow();
        PerSeat<Integer> ids = new PerSeat<>(((Number) game[6]).intValue(), ((Number) game[7]).intValue());
        int lower = ((Number) rows.get(0)[8]).intValue();
        PerSeat<WalletAddress> wallets = PerSeat.of(seat -> WalletAddress.of((String) rows.get(ids.get(seat) == lower ? 0 : 1)[9]));

        GameFinished event = new GameFinished(gameId, ids, wallets, outcome, GameType.valueOf((String) game[2]),
                (Boolean) game[3], ((Number) game[4]).longValue() > 0);
        finished.fire(event);

        Optional<Settlement> settlement = ratingsChangedBy(gameId, ids);
        JsonArrayBuilder forfeits = JSON.createArrayBuilder();
        log.forfeits().forEach(f -> forfeits.add(JSON.createObjectBuilder().add("seat", f.seat().name())
                .add("cause", f.cause().name())));
        var result = JSON.createObjectBuilder()
                .add("outcome", outcome.code())
                .add("reason", outcome.reason())
                .add("turnsPlayed", log.match().turnsPlayed())
                .add("score", perSeat(log.match().score()))
                .add("actionLogSha256", com.solduel.game.verify.ActionLogDigest.of(log.match()))
                .add("forfeits", forfeits);
        settlement.ifPresent(s -> result.add("ratings", perSeat(s.ratings())).add("ratingChanges", perSeat(s.ratingChanges())));
        GameStatus next = status.moveTo(event.abandoned() ? GameStatus.ABORTED : GameStatus.COMPLETED);
        Integer winner = event.abandoned() || outcome.isDraw() ? null : ids.get(outcome.winner());
        var update = em.createNativeQuery("UPDATE games SET status = CAST(?1 AS game_status_enum), end_time = now(), "
                        + "metadata = CAST(?2 AS jsonb)" + (winner == null ? "" : ", winner_id = ?4") + " WHERE id = ?3")
                .setParameter(1, next.name())
                .setParameter(2, JSON.createObjectBuilder(metadata).add("result", result).build().toString())
                .setParameter(3, gameId);
        if (winner != null) {
            update.setParameter(4, winner);
        }
        update.executeUpdate();
        return settlement;
    }

    /**
     * The game type's ratings the result moved, as the rating observer wrote them to
     * {@code rating_history} in this transaction: empty for an unrated or abandoned game.
     */
    private Optional<Settlement> ratingsChangedBy(long gameId, PerSeat<Integer> ids) {
        // By (player, game): the unique index rating_history_once finds both rows (no index leads by game).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT player_id, rating_before, rating_after FROM rating_history "
                        + "WHERE player_id IN (?1, ?2) AND game_id = ?3")
                .setParameter(1, ids.p1())
                .setParameter(2, ids.p2())
                .setParameter(3, gameId)
                .getResultList();
        if (rows.size() != 2) {
            return Optional.empty();
        }
        int[] before = new int[2];
        int[] after = new int[2];
        for (Object[] row : rows) {
            int seat = ((Number) row[0]).intValue() == ids.p1() ? 0 : 1;
            before[seat] = ((Number) row[1]).intValue();
            after[seat] = ((Number) row[2]).intValue();
        }
        return Optional.of(new Settlement(new PerSeat<>(after[0], after[1]),
                new PerSeat<>(after[0] - before[0], after[1] - before[1])));
    }

    /** A game and its action log as stored. */
    public Optional<StoredGame> load(long gameId) {
        return load(gameId, true);
    }

    /** A game's row without its action log ({@code rows} empty): enough to read its log from elsewhere. */
    public Optional<StoredGame> loadHeader(long gameId) {
        return load(gameId, false);
    }

    private Optional<StoredGame> load(long gameId, boolean withRows) {
        GameRecord game = em.find(GameRecord.class, gameId);
        if (game == null) {
            return Optional.empty();
        }
        List<LogRow> rows = withRows ? rows(gameId) : List.of();
        String wallet1 = game.player1Id() == null ? null : em.find(Player.class, game.player1Id()).wallet().value();
        String wallet2 = game.player2Id() == null ? null : em.find(Player.class, game.player2Id()).wallet().value();
        return Optional.of(new StoredGame(game.id(), game.gameType(), game.status(), game.serverSeed(),
                game.serverSeedHash(), parse(game.metadata()), game.player1Id(), game.player2Id(), wallet1, wallet2,
                game.startTime(), game.ownerEpoch(), rows, game.rated()));
    }

    /** A game's action log in order. */
    private List<LogRow> rows(long gameId) {
        return em.createQuery("SELECT a FROM GameActionRecord a WHERE a.gameId = :id ORDER BY a.sequenceNumber",
                        GameActionRecord.class)
                .setParameter("id", gameId)
                .getResultStream()
                .map(a -> LogRowJson.read(a.actionType, a.sequenceNumber, parse(a.actionData)))
                .toList();
    }

    /** The highest sequence number in a game's log (0 when empty): tells whether a Redis session is current. */
    public int lastSequence(long gameId) {
        Integer last = em.createQuery("SELECT MAX(a.sequenceNumber) FROM GameActionRecord a WHERE a.gameId = :id", Integer.class)
                .setParameter("id", gameId)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    /**
     * Ids of the games being played. The status is written out, not bound, so every plan can use
     * idx_games_in_progress (partial): every node asks this once a second.
     */
    public List<Long> inProgress() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM games WHERE status = 'IN_PROGRESS'").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Whether {@code e} (or a cause) is the fencing trigger refusing a row of a stale epoch. */
    static boolean staleEpoch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && STALE_EPOCH.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The settlement a recorded result holds: empty when none is recorded; an empty settlement for an unrated result. */
    static Optional<Optional<Settlement>> recordedSettlement(JsonObject metadata) {
        JsonObject result = metadata.getJsonObject("result");
        if (result == null) {
            return Optional.empty();
        }
        JsonObject ratings = result.getJsonObject("ratings");
        JsonObject changes = result.getJsonObject("ratingChanges");
        if (ratings == null || changes == null) {
            return Optional.of(Optional.empty());
        }
        return Optional.of(Optional.of(new Settlement(new PerSeat<>(ratings.getInt("P1"), ratings.getInt("P2")),
                new PerSeat<>(changes.getInt("P1"), changes.getInt("P2")))));
    }

    private static JsonObject perSeat(PerSeat<Integer> values) {
        return JSON.createObjectBuilder().add("P1", values.p1()).add("P2", values.p2()).build();
    }

    static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json == null ? "{}" : json))) {
            return reader.readObject();
        }
    }

    /** A game as stored; {@code rows} is its action log in order; {@code rated}: whether its result moves ratings. */
    public record StoredGame(long id, GameType type, GameStatus status, String serverSeed, String serverSeedHash,
                             JsonObject metadata, Integer player1Id, Integer player2Id, String wallet1,
                             String wallet2, Instant startTime, long ownerEpoch, List<LogRow> rows, boolean rated) {

        /** Whether the game has started: both seats taken and (for a wager) both deposits in. */
        public boolean started() {
            // An admin may abort a game still awaiting deposits: it never started.
            return player2Id != null && status != GameStatus.AWAITING_DEPOSITS && status != GameStatus.CANCELLED
                    && (status != GameStatus.ABORTED || startTime != null);
        }

        /** The fixed setup of a started game. */
        public GameSetup setup() {
            JsonObject seeds = metadata.getJsonObject("clientSeeds");
            return new GameSetup(id, type, GameOptions.bestOf(metadata.getInt("bestOf")), new ServerSeed(serverSeed),
                    new PerSeat<>(new ClientSeed(seeds.getString("P1")), new ClientSeed(seeds.getString("P2"))));
        }

        public PerSeat<String> wallets() {
            return new PerSeat<>(wallet1, wallet2);
        }

        public PerSeat<Integer> playerIds() {
            return new PerSeat<>(player1Id, player2Id);
        }

        /** The log rebuilt from the stored rows, with the result when it was recorded. */
        public GameLog log() {
            // A game an admin aborted (metadata.abort) is over without a result: its log stops where play stopped.
            boolean decided = status.isFinal() && !metadata.containsKey("abort");
            return GameLog.rebuild(setup(), wallets(), rows,
                    decided ? recordedSettlement(metadata).or(() -> Optional.of(Optional.empty())) : Optional.empty());
        }

        /** The seat of {@code wallet}, if it plays this game. */
        public Optional<Seat> seatOf(String wallet) {
            if (wallet.equals(wallet1)) {
                return Optional.of(Seat.P1);
            }
            return wallet.equals(wallet2) ? Optional.of(Seat.P2) : Optional.empty();
        }
    }
}
