package com.solduel.leaderboard;

import com.solduel.game.rules.GameType;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The leaderboard as PostgreSQL knows it (the truth): a player is on a game type's board once they
 * have a rated game of it; order rating descending, then player id (idx_player_ratings_rank).
 */
@Stateless
public class LeaderboardRows {

    private static final String SELECT = "SELECT r.player_id, p.wallet_address, p.username, r.rating, r.rated_games, "
            + "r.wins, r.losses, r.draws FROM player_ratings r JOIN players p ON p.id = r.player_id ";
    private static final String ON_BOARD = "r.game_type = CAST(?1 AS game_type_enum) AND r.rated_games > 0 ";

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    /** Every row of the board, {@code batch} at a time, in board order. */
    public void each(GameType type, int batch, Consumer<List<RatedPlayer>> sink) {
        int offset = 0;
        while (true) {
            List<RatedPlayer> rows = query(SELECT + "WHERE " + ON_BOARD + "ORDER BY r.rating DESC, r.player_id", type,
                    List.of(), offset, batch);
            if (rows.isEmpty()) {
                return;
            }
            sink.accept(rows);
            if (rows.size() < batch) {
                return;
            }
            offset += rows.size();
        }
    }

    /** {@code limit} entries from the (0-based) position {@code from}. */
    public List<LeaderboardEntry> slice(GameType type, long from, int limit) {
        List<RatedPlayer> rows = query(SELECT + "WHERE " + ON_BOARD + "ORDER BY r.rating DESC, r.player_id",
                type, List.of(), from, limit);
        List<LeaderboardEntry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            entries.add(rows.get(i).entry(from + i + 1));
        }
        return entries;
    }

    /** How many players are on the board. */
    public long total(GameType type) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM player_ratings r WHERE " + ON_BOARD)
                .setParameter(1, type.name())
                .getSingleResult()).longValue();
    }

    /** The 1-based rank of {@code wallet} on the board, empty when it has no rated game of the type. */
    public Optional<Long> rank(GameType type, String wallet) {
        @SuppressWarnings("unchecked")
        List<Number> rank = em.createNativeQuery("SELECT 1 + (SELECT COUNT(*) FROM player_ratings o WHERE "
                        + "o.game_type = r.game_type AND o.rated_games > 0 AND (o.rating > r.rating "
                        + "OR (o.rating = r.rating AND o.player_id < r.player_id))) "
                        + "FROM player_ratings r JOIN players p ON p.id = r.player_id "
                        + "WHERE " + ON_BOARD + "AND p.wallet_address = ?2")
                .setParameter(1, type.name())
                .setParameter(2, wallet)
                .getResultList();
        return rank.stream().findFirst().map(Number::longValue);
    }

    private List<RatedPlayer> query(String sql, GameType type, List<Object> more, long offset, int limit) {
        var query = em.createNativeQuery(sql + (limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit + " OFFSET " + offset))
                .setParameter(1, type.name());
        for (int i = 0; i < more.size(); i++) {
            query.setParameter(i + 2, more.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<RatedPlayer> players = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            players.add(new RatedPlayer(((Number) row[0]).intValue(), (String) row[1], (String) row[2],
                    ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), ((Number) row[5]).intValue(),
                    ((Number) row[6]).intValue(), ((Number) row[7]).intValue()));
        }
        return players;
    }
}
