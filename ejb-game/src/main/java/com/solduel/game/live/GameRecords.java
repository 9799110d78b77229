package com.solduel.game.live;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.player.Player;
import com.solduel.player.PlayerRegistry;
import com.solduel.player.PlayerStateCache;
import com.solduel.player.WalletAddress;
import com.solduel.rating.Elo;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The games' durable record in PostgreSQL: every write here is one JTA transaction, so a game,
 * its action log and its players' ratings never disagree.
 */
@Stateless
public class GameRecords {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    PlayerStateCache playerCache;

    @EJB
    PlayerRegistry players;

    /** The signed-in player of {@code wallet}; a JWT holder always has one. */
    public Player player(WalletAddress wallet) {
        return players.find(wallet)
                .orElseThrow(() -> new GameRefusedException("player-not-found",
                        Kind.FORBIDDEN, "sign in before playing"));
    }

    /** A new private challenge by {@code creator}, waiting for a second player with the invite code. */
    public GameRecord create(WalletAddress creator, GameType type, GameOptions options, ServerSeed seed,
                             ClientSeed creatorSeed, String inviteCode) {
        Player p1 = player(creator);
        JsonObject metadata = Json.createObjectBuilder()
                .add("bestOf", options.bestOf())
                .add("clientSeeds", Json.createObjectBuilder().add("P1", creatorSeed.value()))
                .build();
        GameRecord game = new GameRecord(p1.id(), type, inviteCode, seed.hex(), seed.sha256Hex(), metadata.toString());
        em.persist(game);
        em.flush();
        return game;
    }

    /** Seats {@code joiner} as P2 of the game with {@code inviteCode} and starts it (free play: no deposits). */
    public GameRecord join(String inviteCode, WalletAddress joiner, ClientSeed joinerSeed) {
        Player p2 = player(joiner);
        GameRecord game = em.createQuery("SELECT g FROM GameRecord g WHERE g.inviteCode = :code", GameRecord.class)
                .setParameter("code", inviteCode)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new GameRefusedException("invite-not-found",
                        Kind.NOT_FOUND, "no open game has invite code " + inviteCode));
        if (p2.id().equals(game.player1Id())) {
            throw new GameRefusedException("own-game", Kind.CONFLICT,
                    "you created this game; share the invite code with your opponent");
        }
        if (game.status() != GameStatus.CREATED || game.player2Id() != null) {
            throw new GameRefusedException("game-already-started", Kind.CONFLICT,
                    "game " + game.id() + " already has two players");
        }
        JsonObject metadata = parse(game.metadata());
        JsonObject seeds = Json.createObjectBuilder(metadata.getJsonObject("clientSeeds")).add("P2", joinerSeed.value()).build();
        game.start(p2.id(), Json.createObjectBuilder(metadata).add("clientSeeds", seeds).build().toString());
        return game;
    }

    /** Appends one accepted action to the log; the unique (game, sequence) index refuses a second writer. */
    public void append(long gameId, Integer playerId, GameActionRecord.ActionType type, LoggedAction action,
                       int clientSeq) {
        String data = Json.createObjectBuilder()
                .add("seat", action.seat().name())
                .add("turn", action.turn())
                .add("action", action.action())
                .add("timedOut", action.timedOut())
                .add("clientSeq", clientSeq)
                .build().toString();
        em.persist(new GameActionRecord(gameId, playerId, type, data, action.sequence()));
        em.flush();
    }

    /**
     * Records the end of a game in one transaction: the game row, both players' wins, losses and
     * ratings, and a FORFEIT row when a player forfeited. Returns the rating changes.
     */
    public Completion complete(long gameId, Outcome outcome, int turnsPlayed, PerSeat<Integer> score,
                               String actionLogSha256, Optional<Seat> forfeitedBy, int forfeitSequence) {
        GameRecord game = em.find(GameRecord.class, gameId, LockModeType.PESSIMISTIC_WRITE);
        if (game.status() == GameStatus.COMPLETED) {
            throw new GameRefusedException("game-over", Kind.CONFLICT,
                    "game " + gameId + " is already over");
        }
        Player p1 = em.find(Player.class, game.player1Id(), LockModeType.PESSIMISTIC_WRITE);
        Player p2 = em.find(Player.class, game.player2Id(), LockModeType.PESSIMISTIC_WRITE);
        double scoreP1 = outcome.isDraw() ? 0.5 : outcome.winner() == Seat.P1 ? 1.0 : 0.0;
        Elo.Change change = Elo.after(p1.eloRating(), p2.eloRating(), scoreP1);
        p1.recordResult(change.newA(), scoreP1);
        p2.recordResult(change.newB(), 1.0 - scoreP1);

        forfeitedBy.ifPresent(seat -> em.persist(new GameActionRecord(gameId,
                seat == Seat.P1 ? game.player1Id() : game.player2Id(), GameActionRecord.ActionType.FORFEIT,
                Json.createObjectBuilder().add("seat", seat.name()).build().toString(), forfeitSequence)));

        Integer winner = outcome.isDraw() ? null : outcome.winner() == Seat.P1 ? game.player1Id() : game.player2Id();
        game.complete(winner, Json.createObjectBuilder(parse(game.metadata()))
                .add("result", Json.createObjectBuilder()
                        .add("outcome", outcome.code())
                        .add("reason", outcome.reason())
                        .add("turnsPlayed", turnsPlayed)
                        .add("score", Json.createObjectBuilder().add("P1", score.p1()).add("P2", score.p2()))
                        .add("actionLogSha256", actionLogSha256))
                .build().toString());

        WalletAddress w1 = p1.wallet();
        WalletAddress w2 = p2.wallet();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to flush
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    playerCache.evict(w1);
                    playerCache.evict(w2);
                }
            }
        });
        return new Completion(PerSeat.of(seat -> seat == Seat.P1 ? change.newA() : change.newB()),
                PerSeat.of(seat -> seat == Seat.P1 ? change.deltaA() : -change.deltaA()),
                game.endTime());
    }

    /** A game and its action log, to rebuild a session lost from Redis. */
    public Optional<StoredGame> load(long gameId) {
        GameRecord game = em.find(GameRecord.class, gameId);
        if (game == null) {
            return Optional.empty();
        }
        List<StoredAction> actions = em.createQuery("SELECT a FROM GameActionRecord a WHERE a.gameId = :id "
                        + "ORDER BY a.sequenceNumber", GameActionRecord.class)
                .setParameter("id", gameId)
                .getResultStream()
                .map(a -> new StoredAction(a.actionType, a.sequenceNumber, parse(a.actionData)))
                .toList();
        String wallet1 = game.player1Id() == null ? null : em.find(Player.class, game.player1Id()).wallet().value();
        String wallet2 = game.player2Id() == null ? null : em.find(Player.class, game.player2Id()).wallet().value();
        return Optional.of(new StoredGame(game.id(), game.gameType(), game.status(), game.serverSeed(),
                game.serverSeedHash(), parse(game.metadata()), game.player1Id(), game.player2Id(), wallet1, wallet2,
                game.inviteCode(), game.startTime(), game.endTime(), actions));
    }

    /** The highest sequence number in a game's log (0 when empty): tells whether a Redis session is current. */
    public int lastSequence(long gameId) {
        Integer last = em.createQuery("SELECT MAX(a.sequenceNumber) FROM GameActionRecord a WHERE a.gameId = :id", Integer.class)
                .setParameter("id", gameId)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    /** Ids of the games being played, to re-arm their timers after a restart. */
    public List<Long> inProgress() {
        return em.createQuery("SELECT g.id FROM GameRecord g WHERE g.status = :s", Long.class)
                .setParameter("s", GameStatus.IN_PROGRESS)
                .getResultList();
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json == null ? "{}" : json))) {
            return reader.readObject();
        }
    }

    /** Ratings after a game and each seat's change. */
    public record Completion(PerSeat<Integer> ratings, PerSeat<Integer> ratingChanges, Instant endedAt) {
    }

    /** A game as stored. */
    public record StoredGame(long id, GameType type, GameStatus status, String serverSeed, String serverSeedHash,
                             JsonObject metadata, Integer player1Id, Integer player2Id, String wallet1,
                             String wallet2, String inviteCode, Instant startTime, Instant endTime,
                             List<StoredAction> actions) {
    }

    /** One stored action row. */
    public record StoredAction(GameActionRecord.ActionType type, int sequence, JsonObject data) {
    }
}
