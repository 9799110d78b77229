package com.solduel.matchmaking;

import com.solduel.game.rules.GameType;
import com.solduel.player.Player;
import com.solduel.player.WalletAddress;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The rating a player queues with: their {@code player_ratings} row for the game type, 1000 without one. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class QueueRatings {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    public int rating(WalletAddress wallet, GameType type) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("SELECT r.rating FROM player_ratings r JOIN players p ON p.id = r.player_id "
                        + "WHERE p.wallet_address = ?1 AND r.game_type = CAST(?2 AS game_type_enum)")
                .setParameter(1, wallet.value())
                .setParameter(2, type.name())
                .getResultList();
        return rows.isEmpty() ? Player.INITIAL_ELO : rows.get(0).intValue();
    }
}
