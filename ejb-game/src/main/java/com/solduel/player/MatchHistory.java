package com.solduel.player;

import com.solduel.infra.db.SqlValues;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/** A player's games, newest first, from that player's side (opponent, result, rating change). */
@Stateless
public class MatchHistory {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @EJB
    PlayerRegistry registry;

    /** Page {@code page} (from 0) of {@code size} of the games of {@code wallet}; 404 for an unknown player. */
    public MatchHistoryPage page(WalletAddress wallet, int page, int size) {
        Player player = registry.find(wallet).orElseThrow(() -> new PlayerNotFoundException(wallet));
        long offset = Math.multiplyExact((long) page, size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT g.id, CAST(g.game_type AS text), CAST(g.status AS text), "
                        + "g.wager_amount, g.rated, g.created_at, g.start_time, g.end_time, g.winner_id, "
                        + "o.wallet_address, o.username, h.rating_before, h.rating_after, g.metadata->'result'->>'reason' "
                        + "FROM games g "
                        + "LEFT JOIN players o ON o.id = CASE WHEN g.player1_id = ?1 THEN g.player2_id ELSE g.player1_id END "
                        + "LEFT JOIN rating_history h ON h.game_id = g.id AND h.player_id = ?1 "
                        + "WHERE g.player1_id = ?1 OR g.player2_id = ?1 "
                        + "ORDER BY g.id DESC LIMIT " + size + " OFFSET " + offset)
                .setParameter(1, player.id())
                .getResultList();
        List<MatchHistoryEntry> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            String status = (String) r[2];
            Integer before = r[11] == null ? null : ((Number) r[11]).intValue();
            Integer after = r[12] == null ? null : ((Number) r[12]).intValue();
            boolean over = "COMPLETED".equals(status) || "ABORTED".equals(status);
            items.add(new MatchHistoryEntry(id, (String) r[1], (String) r[9], (String) r[10], ((Number) r[3]).longValue(),
                    status, result(status, r[8] == null ? null : ((Number) r[8]).intValue(), player.id()), (String) r[13],
                    (Boolean) r[4], after, after == null ? null : after - before, SqlValues.instant(r[5]),
                    SqlValues.instant(r[6]), SqlValues.instant(r[7]), over ? "/api/games/" + id + "/export" : null));
        }
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM games WHERE player1_id = ?1 OR player2_id = ?1")
                .setParameter(1, player.id())
                .getSingleResult()).longValue();
        return new MatchHistoryPage(items, page, size, total);
    }

    private static String result(String status, Integer winner, int me) {
        if ("ABORTED".equals(status)) {
            return "ABANDONED";
        }
        if (!"COMPLETED".equals(status)) {
            return null;
        }
        if (winner == null) {
            return "DRAW";
        }
        return winner == me ? "WIN" : "LOSS";
    }
}
