package com.solduel.player;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Creates players: a wallet becomes a player the first time it signs in. */
@Stateless
public class PlayerRegistry {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    /** The player of {@code wallet}, created now if this is its first sign-in; safe under concurrent sign-ins. */
    public PlayerState signedIn(WalletAddress wallet) {
        // ON CONFLICT: two first sign-ins of one wallet on two nodes must not fail one of them.
        em.createNativeQuery("INSERT INTO players (wallet_address) VALUES (?1) ON CONFLICT (wallet_address) DO NOTHING")
                .setParameter(1, wallet.value())
                .executeUpdate();
        return find(wallet).orElseThrow().toState();
    }

    /** The player of {@code wallet}, if it ever signed in; the one place players are looked up by wallet. */
    public Optional<Player> find(WalletAddress wallet) {
        return em.createQuery("SELECT p FROM Player p WHERE p.walletAddress = :wallet", Player.class)
                .setParameter("wallet", wallet.value())
                .getResultStream()
                .findFirst();
    }
}
