package com.solduel.ledger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Appends transfers to the ledger inside the caller's transaction (so a transfer commits with
 * the fact it records, or not at all). The postings of a transfer must sum to zero: checked here
 * first, and by the database at commit whatever the code does.
 */
@Stateless
public class Ledger {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    /**
     * Records one transfer and returns its id. {@code idempotencyKey} names the fact (e.g.
     * {@code deposit:<signature>}): a second transfer with the same key is refused by the database.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long record(TransferKind kind, Long gameId, String reference, String idempotencyKey, List<Posting> postings) {
        requireBalanced(postings);
        Number id = (Number) em.createNativeQuery("INSERT INTO ledger_transfers (kind, game_id, reference, idempotency_key) "
                        + "VALUES (?1, ?2, ?3, ?4) RETURNING id")
                .setParameter(1, kind.name())
                .setParameter(2, gameId)
                .setParameter(3, reference)
                .setParameter(4, idempotencyKey)
                .getSingleResult();
        for (Posting posting : postings) {
            em.createNativeQuery("INSERT INTO ledger_postings (transfer_id, account, amount) VALUES (?1, ?2, ?3)")
                    .setParameter(1, id.longValue())
                    .setParameter(2, posting.account())
                    .setParameter(3, posting.amount())
                    .executeUpdate();
        }
        return id.longValue();
    }

    /** An account's balance: the sum of its postings (0 when it has none). */
    public long balance(String account) {
        Number sum = (Number) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = ?1")
                .setParameter(1, account)
                .getSingleResult();
        return sum.longValue();
    }

    /** Throws unless there are two or more postings summing to exactly zero (no overflow). */
    static void requireBalanced(List<Posting> postings) {
        if (postings.size() < 2) {
            throw new IllegalArgumentException("a transfer has at least two postings, got " + postings.size());
        }
        long sum = 0;
        for (Posting posting : postings) {
            sum = Math.addExact(sum, posting.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("a transfer's postings sum to zero, these sum to " + sum + ": " + postings);
        }
    }
}
