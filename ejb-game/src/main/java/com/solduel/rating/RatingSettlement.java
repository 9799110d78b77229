package com.solduel.rating;

import com.solduel.game.rules.PerSeat;
import com.solduel.game.settlement.GameFinished;
import com.solduel.leaderboard.Leaderboard;
import com.solduel.leaderboard.RatedPlayer;
import com.solduel.player.Player;
import com.solduel.player.PlayerStateCache;
import com.solduel.rating.RatingScheme.Change;
import com.solduel.rating.RatingScheme.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ratings follow results (docs/ratings.md). In the transaction that records a rated result, the
 * game type's ratings ({@code player_ratings}, one row each, created at 1000 on a first game) and
 * the overall rating ({@code players.elo_rating}) of both players move by the {@link RatingScheme},
 * each by its own K; two {@code rating_history} rows record the type's before and after; wins,
 * losses, draws and rated-game counts grow. An unrated or abandoned game changes none of it.
 * Once the transaction committed, the players' cached profiles are evicted and the game type's
 * leaderboard mirrors the new rows (as written in the transaction: nothing is read after the commit).
 */
@ApplicationScoped
public class RatingSettlement {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @Inject
    PlayerStateCache playerCache;

    @Inject
    Leaderboard leaderboard;

    @Inject
    @ConfigProperty(name = "solduel.rating.provisional-k")
    int provisionalK;

    @Inject
    @ConfigProperty(name = "solduel.rating.established-k")
    int establishedK;

    @Inject
    @ConfigProperty(name = "solduel.rating.provisional-games")
    int provisionalGames;

    @Inject
    @ConfigProperty(name = "solduel.rating.floor")
    int floor;

    private volatile RatingScheme scheme;

    /** The rows a rated result wrote, per game id, from the transaction until it completed. */
    private final Map<Long, List<RatedPlayer>> toMirror = new ConcurrentHashMap<>();

    /** The configured scheme ({@code solduel.rating.*}). */
    public RatingScheme scheme() {
        RatingScheme current = scheme;
        if (current == null) {
            current = new RatingScheme(provisionalK, establishedK, provisionalGames, floor);
            if (current.floor() < RatingScheme.DEFAULT.floor()) {
                // The schema's CHECK (player_ratings_floor) holds ratings at 100 or more.
                throw new IllegalStateException("solduel.rating.floor must be at least 100, got " + floor);
            }
            scheme = current;
        }
        return current;
    }

    void rate(@Observes(during = TransactionPhase.IN_PROGRESS) GameFinished finished) {
        if (!finished.rated()) {
            return;
        }
        finished.scores().ifPresent(scores -> {
            // Locked in id order, like every writer of two players, so two results never deadlock.
            PerSeat<Integer> ids = finished.playerIds();
            boolean p1First = ids.p1() < ids.p2();
            Player first = em.find(Player.class, p1First ? ids.p1() : ids.p2(), LockModeType.PESSIMISTIC_WRITE);
            Player second = em.find(Player.class, p1First ? ids.p2() : ids.p1(), LockModeType.PESSIMISTIC_WRITE);
            PerSeat<Player> players = p1First ? new PerSeat<>(first, second) : new PerSeat<>(second, first);
            String type = finished.gameType().name();

            PerSeat<Standing> overall = new PerSeat<>(overallStanding(players.p1()), overallStanding(players.p2()));
            PerSeat<Standing> ofType = typeStandings(type, ids, p1First);
            RatingScheme rules = scheme();
            Change typeChange = rules.rate(ofType.p1(), ofType.p2(), scores.p1());
            Change overallChange = rules.rate(overall.p1(), overall.p2(), scores.p1());

            toMirror.put(finished.gameId(), List.of(
                    record(finished.gameId(), type, players.p1(), ofType.p1().rating(), typeChange.newA(), scores.p1()),
                    record(finished.gameId(), type, players.p2(), ofType.p2().rating(), typeChange.newB(), scores.p2())));
            players.p1().recordResult(overallChange.newA(), scores.p1());
            players.p2().recordResult(overallChange.newB(), scores.p2());
        });
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) GameFinished finished) {
        playerCache.evict(finished.wallets().p1());
        playerCache.evict(finished.wallets().p2());
        List<RatedPlayer> rows = toMirror.remove(finished.gameId());
        if (rows != null) {
            leaderboard.mirror(finished.gameType(), rows);
        }
    }

    void afterRollback(@Observes(during = TransactionPhase.AFTER_FAILURE) GameFinished finished) {
        toMirror.remove(finished.gameId());
    }

    /** The overall rating and rated games so far: every game type's rated games together. */
    private Standing overallStanding(Player player) {
        Number games = (Number) em.createNativeQuery("SELECT COALESCE(SUM(rated_games), 0) FROM player_ratings "
                        + "WHERE player_id = ?1")
                .setParameter(1, player.id())
                .getSingleResult();
        return new Standing(player.eloRating(), games.intValue());
    }

    /** Both players' rows of the game type, created at the initial rating if new, and locked. */
    private PerSeat<Standing> typeStandings(String type, PerSeat<Integer> ids, boolean p1First) {
        for (int id : p1First ? List.of(ids.p1(), ids.p2()) : List.of(ids.p2(), ids.p1())) {
            em.createNativeQuery("INSERT INTO player_ratings (player_id, game_type, rating) "
                            + "VALUES (?1, CAST(?2 AS game_type_enum), ?3) ON CONFLICT (player_id, game_type) DO NOTHING")
                    .setParameter(1, id)
                    .setParameter(2, type)
                    .setParameter(3, RatingScheme.INITIAL_RATING)
                    .executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT player_id, rating, rated_games FROM player_ratings "
                        + "WHERE game_type = CAST(?1 AS game_type_enum) AND player_id IN (?2, ?3) ORDER BY player_id FOR UPDATE")
                .setParameter(1, type)
                .setParameter(2, ids.p1())
                .setParameter(3, ids.p2())
                .getResultList();
        Standing p1 = null;
        Standing p2 = null;
        for (Object[] row : rows) {
            Standing standing = new Standing(((Number) row[1]).intValue(), ((Number) row[2]).intValue());
            if (((Number) row[0]).intValue() == ids.p1()) {
                p1 = standing;
            } else {
                p2 = standing;
            }
        }
        return new PerSeat<>(p1, p2);
    }

    /** Writes one player's new row of the type and history row; returns the row as the leaderboard shows it. */
    private RatedPlayer record(long gameId, String type, Player player, int before, int after, double score) {
        @SuppressWarnings("unchecked")
        List<Object[]> updated = em.createNativeQuery("UPDATE player_ratings SET rating = ?1, rated_games = rated_games + 1, "
                        + "wins = wins + ?2, losses = losses + ?3, draws = draws + ?4, updated_at = now() "
                        + "WHERE player_id = ?5 AND game_type = CAST(?6 AS game_type_enum) "
                        + "RETURNING rating, rated_games, wins, losses, draws")
                .setParameter(1, after)
                .setParameter(2, score == 1.0 ? 1 : 0)
                .setParameter(3, score == 0.0 ? 1 : 0)
                .setParameter(4, score == 0.5 ? 1 : 0)
                .setParameter(5, player.id())
                .setParameter(6, type)
                .getResultList();
        em.createNativeQuery("INSERT INTO rating_history (player_id, game_id, game_type, rating_before, rating_after) "
                        + "VALUES (?1, ?2, CAST(?3 AS game_type_enum), ?4, ?5)")
                .setParameter(1, player.id())
                .setParameter(2, gameId)
                .setParameter(3, type)
                .setParameter(4, before)
                .setParameter(5, after)
                .executeUpdate();
        Object[] row = updated.get(0);
        return new RatedPlayer(player.id(), player.wallet().value(), player.username(), ((Number) row[0]).intValue(),
                ((Number) row[1]).intValue(), ((Number) row[2]).intValue(), ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue());
    }
}
