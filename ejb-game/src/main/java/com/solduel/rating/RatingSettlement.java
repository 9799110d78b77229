package com.solduel.rating;

import com.solduel.game.settlement.GameFinished;
import com.solduel.game.rules.PerSeat;
import com.solduel.player.Player;
import com.solduel.player.PlayerStateCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Ratings follow results: in the transaction that records a result, both players' ELO (K = 32)
 * and wins/losses change, zero-sum; an abandoned game changes neither. Their cached profiles are
 * evicted once that transaction committed.
 */
@ApplicationScoped
public class RatingSettlement {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @Inject
    PlayerStateCache playerCache;

    void rate(@Observes(during = TransactionPhase.IN_PROGRESS) GameFinished finished) {
        finished.scores().ifPresent(scores -> {
            // Locked in id order, like every writer of two players, so two results never deadlock.
            PerSeat<Integer> ids = finished.playerIds();
            boolean p1First = ids.p1() < ids.p2();
            Player first = em.find(Player.class, p1First ? ids.p1() : ids.p2(), LockModeType.PESSIMISTIC_WRITE);
            Player second = em.find(Player.class, p1First ? ids.p2() : ids.p1(), LockModeType.PESSIMISTIC_WRITE);
            Player p1 = p1First ? first : second;
            Player p2 = p1First ? second : first;
            Elo.Change change = Elo.after(p1.eloRating(), p2.eloRating(), scores.p1());
            p1.recordResult(change.newA(), scores.p1());
            p2.recordResult(change.newB(), scores.p2());
        });
    }

    void evictProfiles(@Observes(during = TransactionPhase.AFTER_SUCCESS) GameFinished finished) {
        playerCache.evict(finished.wallets().p1());
        playerCache.evict(finished.wallets().p2());
    }
}
