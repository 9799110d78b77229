package com.solduel.rating;

import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.settlement.GameFinished;
import com.solduel.leaderboard.Leaderboard;
import com.solduel.leaderboard.RatedPlayer;
import com.solduel.player.PlayerStateCache;
import com.solduel.rating.RatingScheme.Change;
import com.solduel.rating.RatingScheme.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
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
            PerSeat<Integer> ids = finished.playerIds();
            String type = finished.gameType().name();

            Standings standings = standings(type, ids);
            RatingScheme rules = scheme();
            Change typeChange = rules.rate(standings.ofType().p1(), standings.ofType().p2(), scores.p1());
            Change overallChange = rules.rate(standings.overall().p1(), standings.overall().p2(), scores.p1());

            toMirror.put(finished.gameId(), record(finished.gameId(), type, ids, finished.wallets().map(w -> w.value()),
                    standings.usernames(), new PerSeat<>(standings.ofType().p1().rating(), standings.ofType().p2().rating()),
                    new PerSeat<>(typeChange.newA(), typeChange.newB()),
                    new PerSeat<>(overallChange.newA(), overallChange.newB()), scores));
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

    /**
     * Both players' standing in the game type (their rows created at the initial rating if new,
     * and locked), their overall standing (the players' rating and their rated games over every
     * type) and their usernames, read in one statement: each statement of a result costs a round
     * trip, so the rows of the type are inserted (and read again) only when one is missing.
     */
    private record Standings(PerSeat<Standing> ofType, PerSeat<Standing> overall, PerSeat<String> usernames) {
    }

    private Standings standings(String type, PerSeat<Integer> ids) {
        List<Object[]> rows = lockStandings(type, ids);
        if (rows.size() < 2) {
            em.createNativeQuery("INSERT INTO player_ratings (player_id, game_type, rating) "
                            + "VALUES (?1, CAST(?3 AS game_type_enum), ?4), (?2, CAST(?3 AS game_type_enum), ?4) "
                            + "ON CONFLICT (player_id, game_type) DO NOTHING")
                    .setParameter(1, Math.min(ids.p1(), ids.p2()))
                    .setParameter(2, Math.max(ids.p1(), ids.p2()))
                    .setParameter(3, type)
                    .setParameter(4, RatingScheme.INITIAL_RATING)
                    .executeUpdate();
            rows = lockStandings(type, ids);
        }
        Standing[] ofType = new Standing[2];
        Standing[] overall = new Standing[2];
        String[] usernames = new String[2];
        for (Object[] row : rows) {
            int seat = ((Number) row[0]).intValue() == ids.p1() ? 0 : 1;
            ofType[seat] = new Standing(((Number) row[1]).intValue(), ((Number) row[2]).intValue());
            overall[seat] = new Standing(((Number) row[4]).intValue(), ((Number) row[3]).intValue());
            usernames[seat] = (String) row[5];
        }
        return new Standings(new PerSeat<>(ofType[0], ofType[1]), new PerSeat<>(overall[0], overall[1]),
                new PerSeat<>(usernames[0], usernames[1]));
    }

    /** The players' rows of the type that exist, with their overall standing, locked in id order. */
    private List<Object[]> lockStandings(String type, PerSeat<Integer> ids) {
        // Locked in id order, like every writer of two players, so two results never deadlock (the
        // recording transaction has locked both players already, in the same order).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.player_id, r.rating, r.rated_games, "
                        + "(SELECT COALESCE(SUM(o.rated_games), 0) FROM player_ratings o WHERE o.player_id = r.player_id), "
                        + "p.elo_rating, p.username "
                        + "FROM player_ratings r JOIN players p ON p.id = r.player_id "
                        + "WHERE r.game_type = CAST(?1 AS game_type_enum) AND r.player_id IN (?2, ?3) "
                        + "ORDER BY r.player_id FOR UPDATE OF p, r")
                .setParameter(1, type)
                .setParameter(2, ids.p1())
                .setParameter(3, ids.p2())
                .getResultList();
        return rows;
    }

    /**
     * Writes, in one statement, both players' new rows of the type, their overall rating and wins or
     * losses (a draw is neither), and their history rows; returns the rows as the leaderboard shows them.
     */
    private List<RatedPlayer> record(long gameId, String type, PerSeat<Integer> ids, PerSeat<String> wallets,
                                     PerSeat<String> usernames, PerSeat<Integer> before, PerSeat<Integer> after,
                                     PerSeat<Integer> overall, PerSeat<Double> scores) {
        // Data-modifying WITH queries run exactly once, whether or not the main statement reads them.
        var update = em.createNativeQuery("WITH v (player_id, rating, overall, won, lost, drawn, before) AS (VALUES "
                + "(CAST(?1 AS int), CAST(?2 AS int), CAST(?3 AS int), CAST(?4 AS int), CAST(?5 AS int), CAST(?6 AS int), "
                + "CAST(?7 AS int)), (?8, ?9, ?10, ?11, ?12, ?13, ?14)), "
                + "players_moved AS (UPDATE players p SET elo_rating = v.overall, wins = p.wins + v.won, "
                + "losses = p.losses + v.lost, updated_at = now() FROM v WHERE p.id = v.player_id), "
                + "history AS (INSERT INTO rating_history (player_id, game_id, game_type, rating_before, rating_after) "
                + "SELECT v.player_id, ?15, CAST(?16 AS game_type_enum), v.before, v.rating FROM v) "
                + "UPDATE player_ratings r SET rating = v.rating, rated_games = r.rated_games + 1, "
                + "wins = r.wins + v.won, losses = r.losses + v.lost, draws = r.draws + v.drawn, updated_at = now() "
                + "FROM v WHERE r.player_id = v.player_id AND r.game_type = CAST(?16 AS game_type_enum) "
                + "RETURNING r.player_id, r.rating, r.rated_games, r.wins, r.losses, r.draws");
        int parameter = 1;
        for (Seat seat : Seat.values()) {
            double score = scores.get(seat);
            update.setParameter(parameter++, ids.get(seat))
                    .setParameter(parameter++, after.get(seat))
                    .setParameter(parameter++, overall.get(seat))
                    .setParameter(parameter++, score == 1.0 ? 1 : 0)
                    .setParameter(parameter++, score == 0.0 ? 1 : 0)
                    .setParameter(parameter++, score == 0.5 ? 1 : 0)
                    .setParameter(parameter++, before.get(seat));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> updated = update.setParameter(15, gameId).setParameter(16, type).getResultList();
        List<RatedPlayer> rows = new ArrayList<>(2);
        for (Seat seat : Seat.values()) {
            int id = ids.get(seat);
            Object[] row = updated.stream().filter(r -> ((Number) r[0]).intValue() == id).findFirst()
                    .orElseThrow(() -> new IllegalStateException("player " + id + " has no " + type + " rating row"));
            rows.add(new RatedPlayer(id, wallets.get(seat), usernames.get(seat), ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                    ((Number) row[5]).intValue()));
        }
        return rows;
    }
}
