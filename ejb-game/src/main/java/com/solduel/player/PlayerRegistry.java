package com.solduel.player;

import com.solduel.infra.db.SqlValues;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Creates players: a wallet becomes a player the first time it signs in. */
@Stateless
public class PlayerRegistry {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    /** The columns a signing-in player is read with: its state, then banned_at. */
    private static final String SIGN_IN_COLUMNS =
            "id, wallet_address, username, elo_rating, wins, losses, total_earnings, nft_profile_mint, created_at, banned_at";

    /**
     * The player of {@code wallet}, created now if this is its first sign-in, read with its ban in
     * one statement; safe under concurrent sign-ins. A banned player is refused
     * ({@link PlayerBannedException}) with nothing written: their row exists, so the insert does nothing.
     */
    public PlayerState signIn(WalletAddress wallet) {
        // ON CONFLICT: two first sign-ins of one wallet on two nodes must not fail one of them.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("WITH created AS (INSERT INTO players (wallet_address) VALUES (?1) "
                        + "ON CONFLICT (wallet_address) DO NOTHING RETURNING " + SIGN_IN_COLUMNS + ") "
                        + "SELECT " + SIGN_IN_COLUMNS + " FROM created UNION ALL SELECT " + SIGN_IN_COLUMNS
                        + " FROM players WHERE wallet_address = ?1 AND NOT EXISTS (SELECT 1 FROM created)")
                .setParameter(1, wallet.value())
                .getResultList();
        if (rows.isEmpty()) {
            // The wallet's first sign-in on another node committed while this statement waited for it:
            // its snapshot predates that row, a new statement sees it.
            rows = em.createNativeQuery("SELECT " + SIGN_IN_COLUMNS + " FROM players WHERE wallet_address = ?1")
                    .setParameter(1, wallet.value())
                    .getResultList();
        }
        Object[] row = rows.get(0);
        if (row[9] != null) {
            throw new PlayerBannedException();
        }
        return new PlayerState(SqlValues.integer(row[0]), (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), ((Number) row[6]).longValue(), (String) row[7],
                SqlValues.instant(row[8]));
    }

    /** The player of {@code wallet}, if it ever signed in; the one place players are looked up by wallet. */
    public Optional<Player> find(WalletAddress wallet) {
        return em.createQuery("SELECT p FROM Player p WHERE p.walletAddress = :wallet", Player.class)
                .setParameter("wallet", wallet.value())
                .getResultStream()
                .findFirst();
    }
}
