package com.solduel.player;

import com.solduel.infra.db.SqlValues;
import com.solduel.shared.SolDuelException;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Bans (SPEC §4: a banned player cannot queue, join or connect, from the moment the ban is
 * written): the one place they are written, and read for the queue and the socket. Sign-in
 * ({@link PlayerRegistry#signIn}) and a challenge's create and join read {@code banned_at} with the
 * player row they read anyway. Always from PostgreSQL, never from a cache, so a ban takes effect at
 * once on every node; once a ban commits, {@link BanBroadcast} tells every node to close the
 * player's open game sockets.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PlayerBans {

    /** Longest ban reason, the width of players.ban_reason. */
    public static final int MAX_REASON_LENGTH = 200;
    private static final Logger LOG = Logger.getLogger(PlayerBans.class.getName());

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @Inject
    Event<PlayerBanChanged> changes;

    /** True when the player who signed in with {@code wallet} is banned; false for an unknown wallet. */
    public boolean isBanned(WalletAddress wallet) {
        return !em.createNativeQuery("SELECT 1 FROM players WHERE wallet_address = ?1 AND banned_at IS NOT NULL")
                .setParameter(1, wallet.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Which of {@code wallets} belong to banned players: one query per 500 wallets. */
    public Set<WalletAddress> bannedAmong(Collection<WalletAddress> wallets) {
        List<String> all = wallets.stream().map(WalletAddress::value).distinct().toList();
        Set<WalletAddress> banned = new HashSet<>();
        for (int from = 0; from < all.size(); from += 500) {
            List<?> rows = em.createNativeQuery("SELECT wallet_address FROM players WHERE banned_at IS NOT NULL "
                            + "AND wallet_address IN (:wallets)")
                    .setParameter("wallets", all.subList(from, Math.min(all.size(), from + 500)))
                    .getResultList();
            rows.forEach(row -> banned.add(WalletAddress.of((String) row)));
        }
        return banned;
    }

    /** Throws {@link PlayerBannedException} when {@code wallet}'s player is banned: the guard of every operation that acts. */
    public void refuseIfBanned(WalletAddress wallet) {
        if (isBanned(wallet)) {
            throw new PlayerBannedException();
        }
    }

    /** The ban state of {@code wallet}'s player; {@link PlayerNotFoundException} for an unknown wallet. */
    public PlayerBan state(WalletAddress wallet) {
        List<?> rows = em.createNativeQuery("SELECT banned_at, ban_reason FROM players WHERE wallet_address = ?1")
                .setParameter(1, wallet.value())
                .getResultList();
        if (rows.isEmpty()) {
            throw new PlayerNotFoundException(wallet);
        }
        Object[] row = (Object[]) rows.get(0);
        Instant bannedAt = SqlValues.instant(row[0]);
        return new PlayerBan(wallet.value(), bannedAt != null, bannedAt, bannedAt == null ? null : (String) row[1]);
    }

    /**
     * Bans {@code target} for {@code reason} (1 to 200 characters, no control characters), at once:
     * from the commit on, no sign-in, game, queue entry or handshake of theirs is accepted, and
     * every node closes their open game sockets. Banning a banned player replaces the reason and
     * keeps the time of the first ban.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public PlayerBan ban(WalletAddress target, String reason, WalletAddress admin) {
        checkReason(reason);
        int updated = em.createNativeQuery("UPDATE players SET banned_at = COALESCE(banned_at, CURRENT_TIMESTAMP), "
                        + "ban_reason = ?2 WHERE wallet_address = ?1")
                .setParameter(1, target.value())
                .setParameter(2, reason)
                .executeUpdate();
        if (updated == 0) {
            throw new PlayerNotFoundException(target);
        }
        // The audit row is written in this transaction by the caller (AdminAudit); the server log says it too.
        LOG.info(() -> "admin " + admin.value() + " banned player " + target.value() + ", reason: " + reason);
        changes.fire(new PlayerBanChanged(target, true));
        return state(target);
    }

    /** Lifts {@code target}'s ban (nothing to do when there is none); {@link PlayerNotFoundException} for an unknown wallet. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void unban(WalletAddress target, WalletAddress admin) {
        int updated = em.createNativeQuery("UPDATE players SET banned_at = NULL, ban_reason = NULL WHERE wallet_address = ?1")
                .setParameter(1, target.value())
                .executeUpdate();
        if (updated == 0) {
            throw new PlayerNotFoundException(target);
        }
        LOG.info(() -> "admin " + admin.value() + " lifted the ban of player " + target.value());
        changes.fire(new PlayerBanChanged(target, false));
    }

    private static void checkReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH
                || reason.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidBanReasonException();
        }
    }

    /** A ban reason that is blank, longer than 200 characters or holds control characters. */
    @ApplicationException(rollback = true)
    public static class InvalidBanReasonException extends SolDuelException {

        InvalidBanReasonException() {
            super("the ban reason must be 1 to " + MAX_REASON_LENGTH + " characters without control characters");
        }

        @Override
        public String code() {
            return "invalid-ban-reason";
        }

        @Override
        public Kind kind() {
            return Kind.INVALID_INPUT;
        }
    }
}
