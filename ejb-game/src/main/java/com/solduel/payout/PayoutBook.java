package com.solduel.payout;

import com.solduel.infra.db.SqlValues;
import com.solduel.ledger.Ledger;
import com.solduel.ledger.LedgerAccounts;
import com.solduel.ledger.Posting;
import com.solduel.ledger.TransferKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The payouts' state in PostgreSQL. Every method is its own committed transaction (the chain is
 * never touched inside one), and every state change is a compare-and-set on the row's status and
 * current signature: whatever nodes or job executions race on a payout, only one attempt is ever
 * recorded as live, and an attempt is recorded before its bytes leave the server.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PayoutBook {

    private static final String COLUMNS = "id, kind, status, reason, game_id, destination, lamports, signature, blockhash, "
            + "last_valid_block_height, signed_transaction, attempts, last_error, created_at, confirmed_at";

    /**
     * What the job works on: payouts not sent or not known to have landed, and FAILED ones whose
     * refused attempt could still land until its blockhash expires.
     */
    private static final String OPEN = "(status IN ('PENDING', 'SIGNED', 'SENT') OR (status = 'FAILED' AND signature IS NOT NULL))";

    /** Free, lapsed, or held by this node's own name (a restarted node takes its claims back); ?N is the node name. */
    private static final String CLAIMABLE = "(claimed_until IS NULL OR claimed_until < now() OR split_part(claimed_by, '/', 1) = ?N)";

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @EJB
    Ledger ledger;

    /** A signed transfer for a payout, not yet recorded. */
    public record Attempt(long payoutId, String signature, String blockhash, long lastValidBlockHeight, byte[] wire) {
    }

    /** A transfer found on the chain: succeeded or failed, in {@code slot}, costing {@code fee}. */
    public record Landed(long payoutId, String type, String signature, long slot, long fee, String feeAccount,
                         boolean succeeded, String error) {
    }

    /** Ids of payouts the job works on (see {@link #OPEN}) after {@code afterId}, claimable by {@code node}, oldest first. */
    public List<Long> open(long afterId, int limit, String node) {
        List<?> ids = em.createNativeQuery("SELECT id FROM payouts WHERE " + OPEN + " AND id > ?1 "
                        + "AND " + CLAIMABLE.replace("?N", "?2") + " "
                        + "ORDER BY id LIMIT ?3")
                .setParameter(1, afterId).setParameter(2, nodeName(node)).setParameter(3, limit).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Claims {@code ids} for {@code node} for {@code lease} and returns those it got, as they stand.
     * A claim keeps other nodes off a payout while this one works on it; a node restarted under the
     * same name takes its own claims back at once. (Claims are for efficiency: the compare-and-set
     * writes below are what make a second worker harmless.)
     */
    @SuppressWarnings("unchecked")
    public List<Payout> claim(List<Long> ids, String node, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("UPDATE payouts SET claimed_by = ?1, "
                        + "claimed_until = now() + make_interval(secs => ?2) "
                        + "WHERE id = ANY(CAST(?3 AS BIGINT[])) AND " + OPEN + " "
                        + "AND " + CLAIMABLE.replace("?N", "?4") + " "
                        + "RETURNING " + COLUMNS)
                .setParameter(1, node).setParameter(2, (double) lease.toSeconds()).setParameter(3, array(ids))
                .setParameter(4, nodeName(node)).getResultList();
        return rows.stream().map(PayoutBook::payout).sorted(java.util.Comparator.comparingLong(Payout::id)).toList();
    }

    /** Lets go of {@code node}'s claims on {@code ids}. */
    public void release(List<Long> ids, String node) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("UPDATE payouts SET claimed_by = NULL, claimed_until = NULL "
                            + "WHERE id = ANY(CAST(?1 AS BIGINT[])) AND claimed_by = ?2")
                    .setParameter(1, array(ids)).setParameter(2, node).executeUpdate();
        }
    }

    /**
     * Records signed attempts BEFORE they are sent: each becomes its payout's live attempt only if
     * the payout is still PENDING with no attempt. Returns the attempts recorded; one not recorded
     * must never be sent (another worker's attempt is live).
     */
    public List<Attempt> record(List<Attempt> attempts) {
        List<Attempt> recorded = new ArrayList<>();
        for (Attempt attempt : attempts) {
            int updated = em.createNativeQuery("UPDATE payouts SET status = 'SIGNED', signature = ?2, blockhash = ?3, "
                            + "last_valid_block_height = ?4, signed_transaction = ?5, attempts = attempts + 1, last_error = NULL, "
                            + "updated_at = now() WHERE id = ?1 AND status = 'PENDING' AND signature IS NULL")
                    .setParameter(1, attempt.payoutId()).setParameter(2, attempt.signature())
                    .setParameter(3, attempt.blockhash()).setParameter(4, attempt.lastValidBlockHeight())
                    .setParameter(5, Base64.getEncoder().encodeToString(attempt.wire())).executeUpdate();
            if (updated == 1) {
                em.createNativeQuery("INSERT INTO payout_attempts (payout_id, attempt, signature, blockhash, last_valid_block_height) "
                                + "SELECT id, attempts, signature, blockhash, last_valid_block_height FROM payouts WHERE id = ?1")
                        .setParameter(1, attempt.payoutId()).executeUpdate();
                recorded.add(attempt);
            }
        }
        return recorded;
    }

    /** A payout no transfer can be built for (nothing was signed): FAILED with {@code error}. */
    public void unsendable(long payoutId, String error) {
        em.createNativeQuery("UPDATE payouts SET status = 'FAILED', last_error = ?2, updated_at = now() "
                        + "WHERE id = ?1 AND status = 'PENDING' AND signature IS NULL")
                .setParameter(1, payoutId).setParameter(2, truncate(error)).executeUpdate();
    }

    /** The node accepted these attempts (SIGNED → SENT). */
    public void sent(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        // One statement for the chunk: each row still moves only if it is SIGNED with that very signature.
        em.createNativeQuery("UPDATE payouts p SET status = 'SENT', updated_at = now() "
                        + "FROM unnest(CAST(?1 AS BIGINT[]), CAST(?2 AS VARCHAR[])) AS s(id, signature) "
                        + "WHERE p.id = s.id AND p.signature = s.signature AND p.status = 'SIGNED'")
                .setParameter(1, array(attempts.stream().map(Attempt::payoutId).toList()))
                .setParameter(2, textArray(attempts.stream().map(Attempt::signature).toList())).executeUpdate();
    }

    /**
     * The node refused an attempt at preflight (e.g. a destination that cannot receive): the payout
     * is FAILED until an admin retries it. The attempt stays live until its blockhash expires (a
     * copy sent elsewhere could still land), so a retry re-signs only once it is proven dead.
     */
    public void refused(Attempt attempt, String error) {
        em.createNativeQuery("UPDATE payouts SET status = 'FAILED', last_error = ?3, updated_at = now() "
                        + "WHERE id = ?1 AND signature = ?2 AND status IN ('SIGNED', 'SENT')")
                .setParameter(1, attempt.payoutId()).setParameter(2, attempt.signature())
                .setParameter(3, truncate(error)).executeUpdate();
        em.createNativeQuery("UPDATE payout_attempts SET outcome = 'REFUSED', detail = ?2, decided_at = now() "
                        + "WHERE signature = ?1 AND outcome IS NULL")
                .setParameter(1, attempt.signature()).setParameter(2, truncate(error)).executeUpdate();
    }

    /**
     * The attempt's blockhash expired and its signature is not on the chain: it can never land. The
     * payout goes back to PENDING without an attempt, to be signed anew. Returns false when the
     * payout moved on meanwhile (nothing written).
     */
    public boolean expired(long payoutId, String signature) {
        int updated = em.createNativeQuery("UPDATE payouts SET status = CASE WHEN status = 'FAILED' THEN 'FAILED' ELSE 'PENDING' END, "
                        + "signature = NULL, blockhash = NULL, last_valid_block_height = NULL, signed_transaction = NULL, "
                        + "updated_at = now() WHERE id = ?1 AND signature = ?2 AND status IN ('SIGNED', 'SENT', 'FAILED')")
                .setParameter(1, payoutId).setParameter(2, signature).executeUpdate();
        if (updated == 1) {
            em.createNativeQuery("UPDATE payout_attempts SET outcome = 'EXPIRED', decided_at = now() "
                            + "WHERE signature = ?1 AND (outcome IS NULL OR outcome = 'REFUSED')")
                    .setParameter(1, signature).executeUpdate();
        }
        return updated == 1;
    }

    /**
     * Attempts found on the chain. A success: the payout is CONFIRMED, and the ledger books the
     * transfer (what the player was owed leaves the vault) and the network fee (from the account that
     * paid it: the fee payer, or the vault); a WIN payout's
     * signature becomes the game's {@code blockchain_tx_hash}. A failure landed too (its fee was
     * charged): the payout is FAILED until an admin retries it, the fee is booked. Idempotent: an
     * attempt already decided is skipped. Returns the payouts confirmed, with their latency.
     */
    public List<Payout> landed(List<Landed> found) {
        List<Payout> confirmed = new ArrayList<>();
        for (Landed landed : found) {
            // A failure keeps no current attempt: the failed one is on the chain for good (payout_attempts keeps it).
            String set = landed.succeeded()
                    ? "status = 'CONFIRMED', confirmed_at = now(), last_error = NULL"
                    : "status = 'FAILED', last_error = ?5, signature = NULL, blockhash = NULL, last_valid_block_height = NULL, "
                    + "signed_transaction = NULL";
            var update = em.createNativeQuery("UPDATE payouts SET " + set + ", slot = ?3, network_fee = ?4, updated_at = now() "
                            + "WHERE id = ?1 AND signature = ?2 AND status IN ('SIGNED', 'SENT', 'FAILED') RETURNING " + COLUMNS)
                    .setParameter(1, landed.payoutId()).setParameter(2, landed.signature()).setParameter(3, landed.slot())
                    .setParameter(4, landed.fee());
            if (!landed.succeeded()) {
                update.setParameter(5, truncate(landed.error()));
            }
            List<?> rows = update.getResultList();
            if (rows.isEmpty()) {
                continue;
            }
            Payout payout = payout((Object[]) rows.get(0));
            em.createNativeQuery("UPDATE payout_attempts SET outcome = ?2, detail = ?3, decided_at = now() WHERE signature = ?1")
                    .setParameter(1, landed.signature()).setParameter(2, landed.succeeded() ? "LANDED" : "FAILED_ON_CHAIN")
                    .setParameter(3, landed.succeeded() ? null : truncate(landed.error())).executeUpdate();
            if (landed.fee() > 0) {
                ledger.record(TransferKind.NETWORK_FEE, payout.gameId(), landed.signature(), "network-fee:" + landed.signature(),
                        List.of(new Posting(LedgerAccounts.CHAIN_FEES, landed.fee()), new Posting(landed.feeAccount(), -landed.fee())));
            }
            if (landed.succeeded()) {
                ledger.record(TransferKind.PAYOUT, payout.gameId(), landed.signature(), "payout:" + payout.id(),
                        List.of(new Posting(LedgerAccounts.payouts(payout.destination()), payout.lamports()),
                                new Posting(LedgerAccounts.VAULT, -payout.lamports())));
                if ("PAYOUT".equals(payout.kind())) {
                    em.createNativeQuery("UPDATE games SET blockchain_tx_hash = ?2 WHERE id = ?1")
                            .setParameter(1, payout.gameId()).setParameter(2, landed.signature()).executeUpdate();
                }
                confirmed.add(payout);
            }
        }
        return confirmed;
    }

    /**
     * An admin's retry of a FAILED payout. Its last attempt landed and failed (so it can never land
     * again): PENDING, signed anew by the next run. Its last attempt was refused at preflight: SIGNED,
     * so the job first proves that attempt dead (blockhash expired, not on the chain) or lets it
     * land, never both.
     * Empty when there is no such payout; the payout as it was when it is not FAILED. Joins the
     * caller's transaction (the admin audit row is written in it).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<Payout> retry(long payoutId) {
        Optional<Payout> current = find(payoutId);
        if (current.isEmpty() || !"FAILED".equals(current.get().status())) {
            return current;
        }
        em.createNativeQuery("UPDATE payouts SET status = CASE WHEN signature IS NULL THEN 'PENDING' ELSE 'SIGNED' END, "
                        + "claimed_by = NULL, claimed_until = NULL, updated_at = now() WHERE id = ?1 AND status = 'FAILED'")
                .setParameter(1, payoutId).executeUpdate();
        return find(payoutId);
    }

    /** One payout. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Payout> find(long payoutId) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM payouts WHERE id = ?1")
                .setParameter(1, payoutId).getResultList();
        return rows.stream().findFirst().map(row -> payout((Object[]) row));
    }

    /** Payouts with {@code status} (any when null), newest first, after the cursor {@code beforeId} when given. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Payout> list(String status, Long beforeId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM payouts WHERE (CAST(?1 AS VARCHAR) IS NULL OR status = ?1) "
                        + "AND (CAST(?2 AS BIGINT) IS NULL OR id < ?2) ORDER BY id DESC LIMIT ?3")
                .setParameter(1, status).setParameter(2, beforeId).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> payout((Object[]) row)).toList();
    }

    /** How many payouts are in each status (the metrics' gauges). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Map<String, Long> countByStatus() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery("SELECT status, COUNT(*) FROM payouts GROUP BY status").getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return counts;
    }

    private static Payout payout(Object[] row) {
        return new Payout(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).longValue(), (String) row[5], ((Number) row[6]).longValue(), (String) row[7], (String) row[8],
                row[9] == null ? null : ((Number) row[9]).longValue(),
                row[10] == null ? null : Base64.getDecoder().decode((String) row[10]),
                ((Number) row[11]).intValue(), (String) row[12], SqlValues.instant(row[13]), SqlValues.instant(row[14]));
    }

    private static String array(List<Long> ids) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            text.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return text.append('}').toString();
    }

    /** A PostgreSQL text array literal of base58 strings (no quoting needed: base58 has no special characters). */
    private static String textArray(List<String> values) {
        for (String value : values) {
            if (!value.matches("[1-9A-HJ-NP-Za-km-z]+")) {
                throw new IllegalArgumentException("not base58: " + value);
            }
        }
        return "{" + String.join(",", values) + "}";
    }

    private static String nodeName(String node) {
        int slash = node.indexOf('/');
        return slash < 0 ? node : node.substring(0, slash);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}
