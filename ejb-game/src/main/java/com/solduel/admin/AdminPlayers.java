package com.solduel.admin;

import com.solduel.infra.db.SqlValues;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Finding players for an admin: by the start of their wallet or of their username, with their ban state. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AdminPlayers {

    /** What a search may be: base58 letters and digits or a username's characters, 1 to 44 of them. */
    public static final String QUERY = "[A-Za-z0-9_]{1,44}";

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    /** One player found. */
    @Schema(name = "AdminPlayer", description = "A player as the admin portal finds them, with their ban state",
            requiredProperties = {"walletAddress", "banned", "wins", "losses"})
    public record Player(
            @Schema(description = "The player's wallet", example = "7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt") String walletAddress,
            @Schema(description = "Their username, if they chose one", nullable = true, example = "alice") String username,
            @Schema(description = "True while banned", example = "false") boolean banned,
            @Schema(description = "When the ban was first written", format = "date-time", nullable = true) Instant bannedAt,
            @Schema(description = "The ban's reason", nullable = true, example = "chargeback fraud") String banReason,
            @Schema(description = "Games won", example = "12") int wins,
            @Schema(description = "Games lost", example = "9") int losses,
            @Schema(description = "The game they play now (in progress or awaiting deposits), if any", nullable = true,
                    example = "1052") Long activeGameId,
            @Schema(description = "When they first signed in", format = "date-time") Instant createdAt) {
    }

    /** The players found. */
    @Schema(name = "AdminPlayerPage", description = "Players whose wallet or username starts with the query",
            requiredProperties = {"players"})
    public record Page(@Schema(description = "Up to `limit` players, wallets in order") List<Player> players) {
    }

    /** Players whose wallet starts with {@code query} (exactly) or whose username starts with it (ignoring case). */
    public Page search(String query, int limit) {
        if (!query.matches(QUERY)) {
            throw new IllegalArgumentException("a search is 1 to 44 letters, digits or underscores");
        }
        // '_' is a LIKE wildcard: escaped, so it only matches itself.
        String prefix = query.replace("_", "\\_") + "%";
        List<?> rows = em.createNativeQuery("SELECT p.wallet_address, p.username, p.banned_at, p.ban_reason, COALESCE(p.wins, 0), "
                        + "COALESCE(p.losses, 0), (SELECT g.id FROM games g WHERE (g.player1_id = p.id OR g.player2_id = p.id) "
                        + "AND g.status IN ('IN_PROGRESS'::game_status_enum, 'AWAITING_DEPOSITS'::game_status_enum) "
                        + "ORDER BY g.id DESC LIMIT 1), p.created_at FROM players p "
                        + "WHERE p.wallet_address LIKE ?1 OR lower(p.username) LIKE lower(?1) ORDER BY p.wallet_address LIMIT ?2")
                .setParameter(1, prefix).setParameter(2, limit).getResultList();
        return new Page(rows.stream().map(r -> (Object[]) r).map(r -> new Player((String) r[0], (String) r[1], r[2] != null,
                SqlValues.instant(r[2]), (String) r[3], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                r[6] == null ? null : ((Number) r[6]).longValue(), SqlValues.instant(r[7]))).toList());
    }
}
