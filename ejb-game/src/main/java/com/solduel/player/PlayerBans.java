package com.solduel.player;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Whether a player is banned (SPEC §4: a banned player cannot queue, join or connect, from the
 * moment the ban is written). Read from PostgreSQL every time, never from a cache, so a ban takes
 * effect at once on every node.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PlayerBans {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    /** True when the player who signed in with {@code wallet} is banned; false for an unknown wallet. */
    public boolean isBanned(WalletAddress wallet) {
        return !em.createNativeQuery("SELECT 1 FROM players WHERE wallet_address = ?1 AND banned_at IS NOT NULL")
                .setParameter(1, wallet.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
