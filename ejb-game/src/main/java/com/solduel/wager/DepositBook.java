package com.solduel.wager;

import com.solduel.game.live.GameStatus;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.GameCancelled;
import com.solduel.ledger.Ledger;
import com.solduel.ledger.LedgerAccounts;
import com.solduel.ledger.Posting;
import com.solduel.ledger.TransferKind;
import com.solduel.payout.PayoutsOwed;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deposits of wagered games in PostgreSQL: each write is one JTA transaction that locks the
 * game's row first, so two nodes crediting the two deposits of one game at once serialize, and
 * exactly one of them moves the game to IN_PROGRESS. Deadlines are judged by the database's clock.
 */
@Stateless
public class DepositBook {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @EJB
    Ledger ledger;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<PayoutsOwed> owed;

    /** A wagered game as its deposits see it. */
    public record Stake(long gameId, GameStatus status, long wager, Instant deadline, boolean pastDeadline,
                        Integer player1Id, String wallet1, Integer player2Id, String wallet2,
                        List<Integer> depositedBy) {

        /** The player id seated with {@code wallet}, if any. */
        public Optional<Integer> playerOf(String wallet) {
            if (wallet.equals(wallet1)) {
                return Optional.of(player1Id);
            }
            return wallet.equals(wallet2) ? Optional.ofNullable(player2Id) : Optional.empty();
        }
    }

    /** What {@link #credit} writes: a deposit verified on-chain. */
    public record VerifiedDeposit(long gameId, int playerId, String wallet, String signature, long lamports, long slot,
                                  String commitment) {
    }

    /** The game's wager, seats and deposits as they stand (no lock). */
    public Optional<Stake> stake(long gameId) {
        return read(gameId, false);
    }

    /**
     * Credits a verified deposit: the ledger's DEPOSIT and STAKE transfers (and a REFUND plus a
     * pending payout for any lamports above the wager), the deposits row, and, when it is the
     * second deposit, the game moved to IN_PROGRESS. Returns the game's status after it.
     * Refused (nothing written) when the game no longer awaits deposits, the deadline passed, the
     * player already deposited, or the signature is credited already.
     */
    public GameStatus credit(VerifiedDeposit deposit) {
        Stake stake = read(deposit.gameId(), true).orElseThrow(() -> notFound(deposit.gameId()));
        requireOpen(stake);
        refuseCreditedSignature(deposit.signature());
        if (stake.depositedBy().contains(deposit.playerId())) {
            throw new WagerRefusedException("deposit-already-made", Kind.CONFLICT, "your deposit for game "
                    + deposit.gameId() + " is credited already; this transaction was not credited (see docs/money.md "
                    + "about a second transfer)");
        }
        long wager = stake.wager();
        String wallet = deposit.wallet();
        long gameId = deposit.gameId();
        long transfer = ledger.record(TransferKind.DEPOSIT, gameId, deposit.signature(), "deposit:" + deposit.signature(),
                List.of(new Posting(LedgerAccounts.VAULT, deposit.lamports()),
                        new Posting(LedgerAccounts.deposits(wallet), -deposit.lamports())));
        ledger.record(TransferKind.STAKE, gameId, deposit.signature(), "stake:" + gameId + ":" + wallet,
                List.of(new Posting(LedgerAccounts.deposits(wallet), wager),
                        new Posting(LedgerAccounts.pot(gameId), -wager)));
        long excess = deposit.lamports() - wager;
        if (excess > 0) {
            refund(gameId, deposit.playerId(), wallet, LedgerAccounts.deposits(wallet), excess, "OVERPAYMENT",
                    "refund:" + gameId + ":" + wallet + ":overpayment");
        }
        em.createNativeQuery("INSERT INTO deposits (signature, game_id, player_id, lamports, slot, commitment, transfer_id) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, deposit.signature()).setParameter(2, gameId).setParameter(3, deposit.playerId())
                .setParameter(4, deposit.lamports()).setParameter(5, deposit.slot()).setParameter(6, deposit.commitment())
                .setParameter(7, transfer)
                .executeUpdate();
        if (stake.depositedBy().size() + 1 < 2) {
            return GameStatus.AWAITING_DEPOSITS;
        }
        GameStatus next = GameStatus.AWAITING_DEPOSITS.moveTo(GameStatus.IN_PROGRESS);
        em.createNativeQuery("UPDATE games SET status = 'IN_PROGRESS'::game_status_enum, start_time = now() WHERE id = ?1")
                .setParameter(1, gameId).executeUpdate();
        return next;
    }

    /** Whether any game awaits deposits (only those can be credited, so the poller rests otherwise). */
    public boolean anyAwaitingDeposits() {
        return !em.createNativeQuery("SELECT 1 FROM games WHERE status = 'AWAITING_DEPOSITS'::game_status_enum LIMIT 1")
                .getResultList().isEmpty();
    }

    /** The newest vault signature the poller has decided, if any. */
    public Optional<String> cursor(String vault) {
        List<?> rows = em.createNativeQuery("SELECT last_signature FROM vault_scan_cursor WHERE vault = ?1")
                .setParameter(1, vault).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** Moves the poller's cursor to {@code signature}. */
    public void saveCursor(String vault, String signature) {
        em.createNativeQuery("INSERT INTO vault_scan_cursor (vault, last_signature) VALUES (?1, ?2) "
                        + "ON CONFLICT (vault) DO UPDATE SET last_signature = EXCLUDED.last_signature, updated_at = now()")
                .setParameter(1, vault).setParameter(2, signature).executeUpdate();
    }

    /** Ids of the games still awaiting deposits after their deadline. */
    @SuppressWarnings("unchecked")
    public List<Long> overdue() {
        List<Number> ids = em.createNativeQuery("SELECT id FROM games WHERE status = 'AWAITING_DEPOSITS'::game_status_enum "
                + "AND deposit_deadline < now() ORDER BY id LIMIT 500").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Cancels a game whose deposit deadline passed: CANCELLED, and each credited stake becomes a
     * REFUND with a pending payout; answers what its followers are told. Idempotent: empty when
     * the game is no longer overdue.
     */
    public Optional<GameCancelled> cancelOverdue(long gameId) {
        Optional<Stake> locked = read(gameId, true);
        if (locked.isEmpty() || locked.get().status() != GameStatus.AWAITING_DEPOSITS || !locked.get().pastDeadline()) {
            return Optional.empty();
        }
        Stake stake = locked.get();
        GameStatus.AWAITING_DEPOSITS.moveTo(GameStatus.CANCELLED);
        em.createNativeQuery("UPDATE games SET status = 'CANCELLED'::game_status_enum, end_time = now() WHERE id = ?1")
                .setParameter(1, gameId).executeUpdate();
        List<GameCancelled.Refund> refunds = new ArrayList<>();
        for (Integer playerId : stake.depositedBy()) {
            Seat seat = playerId.equals(stake.player1Id()) ? Seat.P1 : Seat.P2;
            String wallet = seat == Seat.P1 ? stake.wallet1() : stake.wallet2();
            refund(gameId, playerId, wallet, LedgerAccounts.pot(gameId), stake.wager(), GameCancelled.DEPOSIT_DEADLINE_MISSED,
                    "refund:" + gameId + ":" + wallet + ":cancelled");
            refunds.add(new GameCancelled.Refund(seat, wallet, stake.wager()));
        }
        return Optional.of(new GameCancelled(gameId, GameCancelled.DEPOSIT_DEADLINE_MISSED, refunds));
    }

    /**
     * An admin's abort (docs/money.md, "Aborted games"): a game awaiting deposits or in progress
     * becomes ABORTED under its row lock, its fencing epoch is raised (so its owner's next write is
     * refused and no result can be recorded after it), and each credited stake is refunded from the
     * pot through the ledger and a PENDING payout, sent by the payouts job like every refund
     * (idempotency key {@code refund:<game>:<wallet>:aborted}). Joins the caller's transaction (the
     * audit row is written in it). Refused, writing nothing, for an unknown game ({@code
     * game-not-found}) or one that is not awaiting deposits or in progress ({@code game-not-abortable}).
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRED)
    public GameCancelled abort(long gameId, String reason, String admin) {
        Stake stake = read(gameId, true).orElseThrow(() -> notFound(gameId));
        if (stake.status() != GameStatus.AWAITING_DEPOSITS && stake.status() != GameStatus.IN_PROGRESS) {
            throw new WagerRefusedException("game-not-abortable", Kind.CONFLICT, "game " + gameId + " is " + stake.status()
                    + ": only a game awaiting deposits or in progress can be aborted");
        }
        stake.status().moveTo(GameStatus.ABORTED);
        em.createNativeQuery("UPDATE games SET status = 'ABORTED'::game_status_enum, end_time = now(), "
                        + "owner_epoch = owner_epoch + 1, metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object('abort', "
                        + "jsonb_build_object('reason', CAST(?2 AS text), 'by', CAST(?3 AS text), 'from', CAST(?4 AS text), "
                        + "'at', now())) WHERE id = ?1")
                .setParameter(1, gameId).setParameter(2, reason).setParameter(3, admin).setParameter(4, stake.status().name())
                .executeUpdate();
        List<GameCancelled.Refund> refunds = new ArrayList<>();
        for (Integer playerId : stake.depositedBy()) {
            Seat seat = playerId.equals(stake.player1Id()) ? Seat.P1 : Seat.P2;
            String wallet = seat == Seat.P1 ? stake.wallet1() : stake.wallet2();
            refund(gameId, playerId, wallet, LedgerAccounts.pot(gameId), stake.wager(), GameCancelled.ADMIN_ABORTED,
                    "refund:" + gameId + ":" + wallet + ":aborted");
            refunds.add(new GameCancelled.Refund(seat, wallet, stake.wager()));
        }
        return new GameCancelled(gameId, GameCancelled.ADMIN_ABORTED, refunds);
    }

    /** Moves {@code lamports} from {@code fromAccount} to what the vault owes {@code wallet}, and the payout row to send it. */
    private void refund(long gameId, int playerId, String wallet, String fromAccount, long lamports, String reason,
                        String key) {
        ledger.record(TransferKind.REFUND, gameId, null, key,
                List.of(new Posting(fromAccount, lamports), new Posting(LedgerAccounts.payouts(wallet), -lamports)));
        recordPayout("REFUND", reason, gameId, playerId, wallet, lamports, key);
    }

    /** A PENDING payout row: lamports the vault owes {@code wallet}, to be sent by the payouts job. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.MANDATORY)
    public void recordPayout(String kind, String reason, long gameId, int playerId, String wallet, long lamports, String key) {
        em.createNativeQuery("INSERT INTO payouts (kind, reason, game_id, player_id, destination, lamports, idempotency_key) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, kind).setParameter(2, reason).setParameter(3, gameId).setParameter(4, playerId)
                .setParameter(5, wallet).setParameter(6, lamports).setParameter(7, key)
                .executeUpdate();
        owed.fire(new PayoutsOwed(gameId));
    }

    /** Refuses a signature credited already (to any game): checked before the chain is read, and again under the lock. */
    public void refuseCreditedSignature(String signature) {
        List<?> credited = em.createNativeQuery("SELECT game_id FROM deposits WHERE signature = ?1")
                .setParameter(1, signature).getResultList();
        if (!credited.isEmpty()) {
            throw duplicate(signature, ((Number) credited.get(0)).longValue());
        }
    }

    static WagerRefusedException duplicate(String signature, long gameId) {
        return new WagerRefusedException("deposit-already-credited", Kind.CONFLICT, "transaction " + signature
                + " is credited already (to game " + gameId + "): a transaction is credited once, to one game");
    }

    /** Refuses unless the game still takes deposits. */
    static void requireOpen(Stake stake) {
        if (stake.wager() == 0) {
            throw new WagerRefusedException("game-not-wagered", Kind.CONFLICT, "game " + stake.gameId()
                    + " is free play: it takes no deposits");
        }
        switch (stake.status()) {
            case AWAITING_DEPOSITS -> {
                if (stake.pastDeadline()) {
                    throw deadlinePassed(stake);
                }
            }
            case CREATED -> throw new WagerRefusedException("deposits-not-open", Kind.CONFLICT, "game " + stake.gameId()
                    + " waits for its second player: deposits open when both players are seated");
            case CANCELLED -> throw deadlinePassed(stake);
            default -> throw new WagerRefusedException("deposits-closed", Kind.CONFLICT, "game " + stake.gameId()
                    + " has both deposits and is " + stake.status() + ": it takes no more");
        }
    }

    private static WagerRefusedException deadlinePassed(Stake stake) {
        return new WagerRefusedException("deposit-deadline-passed", Kind.CONFLICT, "the deposit deadline of game "
                + stake.gameId() + " passed (" + stake.deadline() + "); the game is cancelled and credited deposits "
                + "are refunded; nothing was credited");
    }

    private static WagerRefusedException notFound(long gameId) {
        return new WagerRefusedException("game-not-found", Kind.NOT_FOUND, "no game " + gameId);
    }

    private Optional<Stake> read(long gameId, boolean lock) {
        List<?> rows = em.createNativeQuery("SELECT g.status::text, g.wager_amount, "
                        + "(EXTRACT(EPOCH FROM g.deposit_deadline) * 1000)::bigint, "
                        + "COALESCE(g.deposit_deadline < now(), false), g.player1_id, p1.wallet_address, g.player2_id, "
                        + "p2.wallet_address FROM games g LEFT JOIN players p1 ON p1.id = g.player1_id "
                        + "LEFT JOIN players p2 ON p2.id = g.player2_id WHERE g.id = ?1" + (lock ? " FOR UPDATE OF g" : ""))
                .setParameter(1, gameId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        @SuppressWarnings("unchecked")
        List<Number> deposited = em.createNativeQuery("SELECT player_id FROM deposits WHERE game_id = ?1 ORDER BY id")
                .setParameter(1, gameId).getResultList();
        return Optional.of(new Stake(gameId, GameStatus.valueOf((String) row[0]), ((Number) row[1]).longValue(),
                row[2] == null ? null : Instant.ofEpochMilli(((Number) row[2]).longValue()), (Boolean) row[3],
                row[4] == null ? null : ((Number) row[4]).intValue(), (String) row[5],
                row[6] == null ? null : ((Number) row[6]).intValue(), (String) row[7],
                deposited.stream().map(Number::intValue).toList()));
    }
}
