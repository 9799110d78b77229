package com.solduel.wager;

import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.settlement.GameFinished;
import com.solduel.ledger.Ledger;
import com.solduel.ledger.LedgerAccounts;
import com.solduel.ledger.Posting;
import com.solduel.ledger.TransferKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * A wagered game's pot follows its result, in the transaction that records it (all or nothing
 * with the result): the winner is owed the pot minus the house fee (the fee in force when the game
 * was made), a draw or an abandoned game refunds each stake in full. Each is ledger transfers out
 * of the pot and a PENDING {@code payouts} row; sending them on-chain is the payouts job's.
 */
@ApplicationScoped
public class WagerSettlement {

    private static final Logger LOG = Logger.getLogger(WagerSettlement.class.getName());

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @EJB
    Ledger ledger;

    @EJB
    DepositBook book;

    void settle(@Observes(during = TransactionPhase.IN_PROGRESS) GameFinished finished) {
        if (!finished.wagered()) {
            return;
        }
        long gameId = finished.gameId();
        Object[] game = (Object[]) em.createNativeQuery("SELECT wager_amount, COALESCE((metadata ->> 'houseFeeBps')::int, -1) "
                + "FROM games WHERE id = ?1").setParameter(1, gameId).getSingleResult();
        long wager = ((Number) game[0]).longValue();
        if (wager == 0) {
            return;
        }
        int houseFeeBps = ((Number) game[1]).intValue();
        long staked = ((Number) em.createNativeQuery("SELECT -COALESCE(SUM(amount), 0) FROM ledger_postings "
                + "WHERE account = ?1").setParameter(1, LedgerAccounts.pot(gameId)).getSingleResult()).longValue();
        if (staked != 2 * wager || houseFeeBps < 0) {
            // Never guess with money: the result is recorded, the pot stays where it is for an operator.
            LOG.severe("game " + gameId + " finished with a pot of " + staked + " lamports for a wager of " + wager
                    + " (house fee " + houseFeeBps + " bps): not settled; the pot stays in " + LedgerAccounts.pot(gameId));
            return;
        }
        PerSeat<String> wallets = finished.wallets().map(w -> w.value());
        PerSeat<Integer> ids = finished.playerIds();
        var winner = finished.abandoned() ? java.util.Optional.<Seat>empty() : finished.winner();
        if (winner.isPresent()) {
            Seat won = winner.get();
            long pot = 2 * wager;
            long fee = WagerLimits.fee(pot, houseFeeBps);
            String wallet = wallets.get(won);
            ledger.record(TransferKind.POT, gameId, null, "pot:" + gameId,
                    List.of(new Posting(LedgerAccounts.pot(gameId), pot - fee),
                            new Posting(LedgerAccounts.payouts(wallet), -(pot - fee))));
            if (fee > 0) {
                ledger.record(TransferKind.HOUSE_FEE, gameId, null, "house-fee:" + gameId,
                        List.of(new Posting(LedgerAccounts.pot(gameId), fee), new Posting(LedgerAccounts.HOUSE_FEES, -fee)));
            }
            book.recordPayout("PAYOUT", "WIN", gameId, ids.get(won), wallet, pot - fee, "payout:" + gameId + ":win");
            earn(ids.get(won), pot - fee - wager);
            earn(ids.get(won.other()), -wager);
        } else {
            String reason = finished.abandoned() ? "ABANDONED" : "DRAW";
            for (Seat seat : Seat.values()) {
                String wallet = wallets.get(seat);
                String key = "refund:" + gameId + ":" + wallet + ":" + reason.toLowerCase(java.util.Locale.ROOT);
                ledger.record(TransferKind.REFUND, gameId, null, key,
                        List.of(new Posting(LedgerAccounts.pot(gameId), wager), new Posting(LedgerAccounts.payouts(wallet), -wager)));
                book.recordPayout("REFUND", reason, gameId, ids.get(seat), wallet, wager, key);
            }
        }
    }

    /**
     * Adds a game's net result to the player's earnings. In SQL, like the ratings the same result
     * writes: a player entity loaded here would write its whole row back at the commit. The
     * recording transaction holds the player's row locked already.
     */
    private void earn(int playerId, long lamports) {
        em.createNativeQuery("UPDATE players SET total_earnings = total_earnings + ?1, updated_at = now() WHERE id = ?2")
                .setParameter(1, lamports)
                .setParameter(2, playerId)
                .executeUpdate();
    }
}
