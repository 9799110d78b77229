package com.solduel.admin;

import com.solduel.audit.AdminAudit;
import com.solduel.audit.AuditAction;
import com.solduel.audit.AuditEntry;
import com.solduel.audit.AuditQuery;
import com.solduel.game.live.GameStatus;
import com.solduel.game.table.GameRefusedException;
import com.solduel.infra.db.SqlValues;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Games as an admin sees them: every status, both players, the action log, deposits, payouts and audit rows. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AdminGames {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String COLUMNS = "g.id, g.game_type::text, g.status::text, g.wager_amount, g.rated, p1.wallet_address, "
            + "p1.username, p2.wallet_address, p2.username, w.wallet_address, g.created_at, g.start_time, g.end_time, "
            + "g.deposit_deadline, (SELECT COUNT(*) FROM deposits d WHERE d.game_id = g.id), g.metadata -> 'abort' ->> 'reason' "
            + "FROM games g LEFT JOIN players p1 ON p1.id = g.player1_id LEFT JOIN players p2 ON p2.id = g.player2_id "
            + "LEFT JOIN players w ON w.id = g.winner_id ";

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @EJB
    AdminAudit audit;

    /** One game in the admin's list. */
    @Schema(name = "AdminGame", description = "A game as the admin portal lists it",
            requiredProperties = {"gameId", "gameType", "status", "wager", "rated", "player1", "deposits"})
    public record Game(
            @Schema(description = "The game's id", example = "1052") long gameId,
            @Schema(description = "DUEL or RPS", example = "RPS") String gameType,
            @Schema(description = "The game's status", enumeration = {"CREATED", "AWAITING_DEPOSITS", "IN_PROGRESS", "COMPLETED",
                    "CANCELLED", "ABORTED"}, example = "IN_PROGRESS") String status,
            @Schema(description = "Each player's stake in lamports (0: free play)", example = "50000000") long wager,
            @Schema(description = "Whether the result moves ratings", example = "true") boolean rated,
            @Schema(description = "Seat P1's wallet", example = "7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt") String player1,
            @Schema(description = "Seat P1's username, if any", nullable = true, example = "alice") String username1,
            @Schema(description = "Seat P2's wallet; null while nobody joined", nullable = true,
                    example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String player2,
            @Schema(description = "Seat P2's username, if any", nullable = true, example = "bob") String username2,
            @Schema(description = "The winner's wallet; null unless COMPLETED with a winner", nullable = true) String winner,
            @Schema(description = "When it was made", format = "date-time", example = "2026-12-01T03:00:00Z") Instant createdAt,
            @Schema(description = "When play started", format = "date-time", nullable = true) Instant startedAt,
            @Schema(description = "When it ended (completed, cancelled or aborted)", format = "date-time", nullable = true) Instant endedAt,
            @Schema(description = "A wagered game's deposit deadline", format = "date-time", nullable = true) Instant depositDeadline,
            @Schema(description = "Deposits credited", example = "2") int deposits,
            @Schema(description = "Why an admin aborted it; null otherwise", nullable = true, example = "stuck after an outage")
            String abortReason) {
    }

    /** One row of a game's action log. */
    @Schema(name = "AdminGameAction", description = "One row of a game's action log, in order",
            requiredProperties = {"sequence", "type", "data"})
    public record Action(
            @Schema(description = "Its place in the log (1, 2, ...)", example = "3") int sequence,
            @Schema(description = "JOIN, MOVE, TIMEOUT_MOVE, FORFEIT or RESIGN", example = "MOVE") String type,
            @Schema(description = "The acting player's wallet; null for a row of the server's", nullable = true) String wallet,
            @Schema(description = "What the row records (the game's log row as JSON)", example = "{\"turn\": 1, \"seat\": \"P1\", "
                    + "\"action\": \"ROCK\"}") JsonValue data,
            @Schema(description = "When it was written", format = "date-time") Instant at) {
    }

    /** A deposit credited to the game. */
    @Schema(name = "AdminGameDeposit", description = "A deposit credited to the game",
            requiredProperties = {"signature", "wallet", "lamports"})
    public record Deposit(
            @Schema(description = "The transfer's signature") String signature,
            @Schema(description = "Who paid") String wallet,
            @Schema(description = "Lamports credited", example = "50000000") long lamports,
            @Schema(description = "When it was credited", format = "date-time") Instant at) {
    }

    /** A payout or refund of the game. */
    @Schema(name = "AdminGamePayout", description = "A payout or refund the game owes",
            requiredProperties = {"id", "kind", "status", "reason", "destination", "lamports"})
    public record Payout(
            @Schema(description = "The payout's id (retry a FAILED one with POST /api/admin/payouts/{id}/retry)", example = "42") long id,
            @Schema(description = "PAYOUT or REFUND", example = "REFUND") String kind,
            @Schema(description = "PENDING, SIGNED, SENT, CONFIRMED or FAILED", example = "CONFIRMED") String status,
            @Schema(description = "WIN, DRAW, ABANDONED, OVERPAYMENT, DEPOSIT_DEADLINE_MISSED or ADMIN_ABORTED",
                    example = "ADMIN_ABORTED") String reason,
            @Schema(description = "The wallet paid") String destination,
            @Schema(description = "Lamports", example = "50000000") long lamports,
            @Schema(description = "The transfer's signature once signed", nullable = true) String signature) {
    }

    /** A game with everything an admin needs to judge it. */
    @Schema(name = "AdminGameDetail", description = "A game, its action log, deposits, payouts and the admin actions on it",
            requiredProperties = {"game", "actions", "deposits", "payouts", "audit"})
    public record Detail(
            @Schema(description = "The game") Game game,
            @Schema(description = "Its action log, in order") List<Action> actions,
            @Schema(description = "Deposits credited") List<Deposit> deposits,
            @Schema(description = "Payouts and refunds") List<Payout> payouts,
            @Schema(description = "Admin actions on it (audit rows with target game:<id>), newest first") List<AuditEntry> audit) {
    }

    /** A page of games, newest first. */
    @Schema(name = "AdminGamePage", description = "A page of games, newest first", requiredProperties = {"games"})
    public record Page(
            @Schema(description = "The games, newest first") List<Game> games,
            @Schema(description = "Pass as `before` for the next page; null when this is the last page", example = "1001")
            Long nextBefore) {

        /** The page of {@code games} read with {@code limit}: a full page may have a next one. */
        public static Page of(List<Game> games, int limit) {
            return new Page(games, games.size() == limit && !games.isEmpty() ? games.get(games.size() - 1).gameId() : null);
        }
    }

    /** Games newest first, optionally of one status and/or with one player (a wallet); ids below {@code beforeId}. */
    public List<Game> list(Optional<GameStatus> status, Optional<String> wallet, Optional<Long> beforeId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS
                        + "WHERE (CAST(?1 AS VARCHAR) IS NULL OR g.status = CAST(CAST(?1 AS VARCHAR) AS game_status_enum)) "
                        + "AND (CAST(?2 AS VARCHAR) IS NULL OR p1.wallet_address = ?2 OR p2.wallet_address = ?2) "
                        + "AND (CAST(?3 AS BIGINT) IS NULL OR g.id < ?3) ORDER BY g.id DESC LIMIT ?4")
                .setParameter(1, status.map(Enum::name).orElse(null))
                .setParameter(2, wallet.orElse(null))
                .setParameter(3, beforeId.orElse(null))
                .setParameter(4, limit)
                .getResultList();
        return rows.stream().map(row -> game((Object[]) row)).toList();
    }

    /** One game in full; {@code game-not-found} when there is none. */
    public Detail detail(long gameId) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + "WHERE g.id = ?1").setParameter(1, gameId).getResultList();
        if (rows.isEmpty()) {
            throw GameRefusedException.notFound(gameId);
        }
        List<?> actions = em.createNativeQuery("SELECT a.sequence_number, a.action_type::text, p.wallet_address, a.action_data::text, "
                        + "a.timestamp FROM game_actions a LEFT JOIN players p ON p.id = a.player_id WHERE a.game_id = ?1 "
                        + "ORDER BY a.sequence_number")
                .setParameter(1, gameId).getResultList();
        List<?> deposits = em.createNativeQuery("SELECT d.signature, p.wallet_address, d.lamports, d.credited_at FROM deposits d "
                        + "JOIN players p ON p.id = d.player_id WHERE d.game_id = ?1 ORDER BY d.id")
                .setParameter(1, gameId).getResultList();
        List<?> payouts = em.createNativeQuery("SELECT id, kind, status, reason, destination, lamports, signature FROM payouts "
                        + "WHERE game_id = ?1 ORDER BY id")
                .setParameter(1, gameId).getResultList();
        return new Detail(game((Object[]) rows.get(0)),
                actions.stream().map(r -> (Object[]) r).map(r -> new Action(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                        parse((String) r[3]), SqlValues.instant(r[4]))).toList(),
                deposits.stream().map(r -> (Object[]) r).map(r -> new Deposit((String) r[0], (String) r[1],
                        ((Number) r[2]).longValue(), SqlValues.instant(r[3]))).toList(),
                payouts.stream().map(r -> (Object[]) r).map(r -> new Payout(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], ((Number) r[5]).longValue(), (String) r[6])).toList(),
                audit.page(new AuditQuery(Optional.empty(), Optional.<AuditAction>empty(), Optional.of("game:" + gameId),
                        Optional.empty(), 100)));
    }

    private static Game game(Object[] r) {
        return new Game(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).longValue(), (Boolean) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], SqlValues.instant(r[10]), SqlValues.instant(r[11]),
                SqlValues.instant(r[12]), SqlValues.instant(r[13]), ((Number) r[14]).intValue(), (String) r[15]);
    }

    static JsonValue parse(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
