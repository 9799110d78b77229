package com.solduel.reconciliation;

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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reconciliation's state in PostgreSQL: the lease that lets one node run at a time, the scan
 * cursor, every vault transaction with what it is, the unattributed inflows booked in the ledger,
 * the runs and the items an operator sees. Every method is its own committed transaction; the chain
 * is never read inside one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReconciliationBook {

    private static final String LEASE = "reconciliation";
    private static final String RUN_COLUMNS = "id, node, started_at, finished_at, vault, slot, onchain_lamports, ledger_lamports, "
            + "in_flight_lamports, drift_lamports, status, scanned";
    private static final String ITEM_COLUMNS = "id, kind, subject, signature, lamports, detail, first_seen_at, last_seen_at, resolved_at";

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @EJB
    Ledger ledger;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<ReconciliationRequested> requests;

    /** A vault transaction as the reconciliation classified it. */
    public record VaultTransaction(String signature, long slot, VaultTransactionClass type, Long vaultDelta, String memo) {
    }

    /** One finding of a run, before it is stored. */
    public record Finding(ItemKind kind, String subject, String signature, Long lamports, String detail) {
    }

    /**
     * Takes the lease for {@code node} for {@code seconds}; false while another node holds it. A node
     * restarted under the same {@code solduel.node.id} (a new per-start suffix after the slash) takes
     * back a lease its previous run left at a crash.
     */
    public boolean acquire(String node, long seconds) {
        return em.createNativeQuery("UPDATE reconciliation_lease SET holder = ?1, held_until = now() + make_interval(secs => ?2) "
                        + "WHERE name = ?3 AND (held_until IS NULL OR held_until < now() OR holder = ?1 "
                        + "OR (split_part(holder, '/', 1) = split_part(?1, '/', 1) AND split_part(?1, '/', 1) <> 'node'))")
                .setParameter(1, node).setParameter(2, (double) seconds).setParameter(3, LEASE).executeUpdate() == 1;
    }

    /** Lets go of the lease if {@code node} holds it. */
    public void release(String node) {
        em.createNativeQuery("UPDATE reconciliation_lease SET holder = NULL, held_until = NULL WHERE name = ?1 AND holder = ?2")
                .setParameter(1, LEASE).setParameter(2, node).executeUpdate();
    }

    /** The database's clock. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instant now() {
        return SqlValues.instant(em.createNativeQuery("SELECT now()").getSingleResult());
    }

    /** The newest vault signature the scan has classified. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> cursor(String vault) {
        List<?> rows = em.createNativeQuery("SELECT last_signature FROM reconciliation_cursor WHERE vault = ?1")
                .setParameter(1, vault).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    public void saveCursor(String vault, String signature) {
        em.createNativeQuery("INSERT INTO reconciliation_cursor (vault, last_signature) VALUES (?1, ?2) "
                        + "ON CONFLICT (vault) DO UPDATE SET last_signature = EXCLUDED.last_signature, updated_at = now()")
                .setParameter(1, vault).setParameter(2, signature).executeUpdate();
    }

    /**
     * What the books already say {@code signature} is, without reading the chain: a transaction the
     * scan classified before, a credited deposit, or a payout attempt. Empty when only the chain can tell.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<VaultTransactionClass> known(String signature) {
        List<?> rows = em.createNativeQuery("SELECT class FROM vault_transactions WHERE signature = ?1 "
                        + "UNION ALL SELECT 'DEPOSIT' FROM deposits WHERE signature = ?1 "
                        + "UNION ALL SELECT 'PAYOUT_ATTEMPT' FROM payout_attempts WHERE signature = ?1")
                .setParameter(1, signature).getResultList();
        return rows.stream().findFirst().map(name -> VaultTransactionClass.valueOf((String) name));
    }

    /** Whether the scan already classified {@code signature}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean classified(String signature) {
        return !em.createNativeQuery("SELECT 1 FROM vault_transactions WHERE signature = ?1")
                .setParameter(1, signature).getResultList().isEmpty();
    }

    /** Records a classified transaction (once). */
    public void record(String vault, VaultTransaction tx, Long blockTime) {
        insert(vault, tx, blockTime);
    }

    /**
     * A deposit for {@code gameId} that nobody credited: while the game awaits deposits it may still
     * be (AWAITING_CREDIT, in flight); once credited it is a DEPOSIT; once the game took its last
     * deposit or was cancelled it never can be, and it is booked as unattributed. The game's row is
     * locked (FOR SHARE) so a credit cannot commit in between. Returns the class it has now.
     */
    public VaultTransactionClass decideAwaiting(String vault, VaultTransaction tx, Long blockTime) {
        List<?> status = em.createNativeQuery("SELECT status::text FROM games WHERE id = ?1 FOR SHARE")
                .setParameter(1, VaultTransactionClass.depositGame(tx.memo()).orElse(-1L)).getResultList();
        boolean credited = !em.createNativeQuery("SELECT 1 FROM deposits WHERE signature = ?1")
                .setParameter(1, tx.signature()).getResultList().isEmpty();
        VaultTransactionClass now;
        if (credited) {
            now = VaultTransactionClass.DEPOSIT;
        } else if (!status.isEmpty() && "AWAITING_DEPOSITS".equals(status.get(0))) {
            now = VaultTransactionClass.AWAITING_CREDIT;
        } else {
            String why = status.isEmpty() ? "its memo names no game" : "game is " + status.get(0) + " and never credited it";
            bookUnattributed(vault, tx, blockTime, "a deposit memo, but " + why);
            return VaultTransactionClass.UNATTRIBUTED;
        }
        insert(vault, new VaultTransaction(tx.signature(), tx.slot(), now, tx.vaultDelta(), tx.memo()), blockTime);
        em.createNativeQuery("UPDATE vault_transactions SET class = ?2 WHERE signature = ?1")
                .setParameter(1, tx.signature()).setParameter(2, now.name()).executeUpdate();
        return now;
    }

    /**
     * Books an inflow nobody can claim ONCE: UNATTRIBUTED {@code unattributed:<signature>} (vault +,
     * vault:unattributed −), the transaction classified, and an UNATTRIBUTED_INFLOW item. A signature
     * already booked (as a deposit or unattributed) is left alone: the database allows one inflow
     * booking per signature.
     */
    public void bookUnattributed(String vault, VaultTransaction tx, Long blockTime, String why) {
        boolean booked = !em.createNativeQuery("SELECT 1 FROM ledger_transfers WHERE reference = ?1 AND kind IN ('DEPOSIT', 'UNATTRIBUTED')")
                .setParameter(1, tx.signature()).getResultList().isEmpty();
        if (!booked) {
            ledger.record(TransferKind.UNATTRIBUTED, null, tx.signature(), "unattributed:" + tx.signature(),
                    List.of(new Posting(LedgerAccounts.VAULT, tx.vaultDelta()),
                            new Posting(LedgerAccounts.VAULT_UNATTRIBUTED, -tx.vaultDelta())));
            String detail = tx.vaultDelta() + " lamports reached the vault in slot " + tx.slot() + " (" + why + "; memo: "
                    + (tx.memo() == null ? "none" : shorten(tx.memo(), 200)) + "); booked to " + LedgerAccounts.VAULT_UNATTRIBUTED;
            em.createNativeQuery("INSERT INTO reconciliation_items (kind, subject, signature, lamports, detail) "
                            + "VALUES (?1, ?2, ?2, ?3, ?4) ON CONFLICT (kind, subject) DO NOTHING")
                    .setParameter(1, ItemKind.UNATTRIBUTED_INFLOW.name()).setParameter(2, tx.signature())
                    .setParameter(3, tx.vaultDelta()).setParameter(4, detail).executeUpdate();
        }
        insert(vault, new VaultTransaction(tx.signature(), tx.slot(), VaultTransactionClass.UNATTRIBUTED, tx.vaultDelta(), tx.memo()),
                blockTime);
        em.createNativeQuery("UPDATE vault_transactions SET class = 'UNATTRIBUTED', vault_delta = ?2 WHERE signature = ?1")
                .setParameter(1, tx.signature()).setParameter(2, tx.vaultDelta()).executeUpdate();
    }

    /** Records an outflow no payout attempt explains, with its critical item. Never booked: it stays drift until returned. */
    public void unexplainedOutflow(String vault, VaultTransaction tx, Long blockTime) {
        insert(vault, tx, blockTime);
        em.createNativeQuery("INSERT INTO reconciliation_items (kind, subject, signature, lamports, detail) "
                        + "VALUES (?1, ?2, ?2, ?3, ?4) ON CONFLICT (kind, subject) DO NOTHING")
                .setParameter(1, ItemKind.UNEXPLAINED_OUTFLOW.name()).setParameter(2, tx.signature())
                .setParameter(3, -tx.vaultDelta())
                .setParameter(4, (-tx.vaultDelta()) + " lamports left the vault in slot " + tx.slot()
                        + " in a transaction that is no payout attempt: the vault's key signed outside the server (memo: "
                        + (tx.memo() == null ? "none" : shorten(tx.memo(), 200)) + ")")
                .executeUpdate();
    }

    /**
     * An inflow {@code tx} whose memo names the unexplained outflow {@code outflow}: when that outflow
     * is still open and took exactly these lamports, both become RETURNED and the item is resolved
     * (neither is booked: together they left the vault as it was). False when it does not match.
     */
    public boolean returned(String vault, VaultTransaction tx, Long blockTime, String outflow) {
        int matched = em.createNativeQuery("UPDATE vault_transactions SET class = 'RETURNED' WHERE signature = ?1 "
                        + "AND class = 'UNEXPLAINED_OUTFLOW' AND vault_delta = ?2")
                .setParameter(1, outflow).setParameter(2, -tx.vaultDelta()).executeUpdate();
        if (matched == 0) {
            return false;
        }
        insert(vault, new VaultTransaction(tx.signature(), tx.slot(), VaultTransactionClass.RETURNED, tx.vaultDelta(), tx.memo()),
                blockTime);
        em.createNativeQuery("UPDATE reconciliation_items SET resolved_at = now(), detail = LEFT(detail || '; returned by ' || ?2, 500) "
                        + "WHERE kind = 'UNEXPLAINED_OUTFLOW' AND subject = ?1 AND resolved_at IS NULL")
                .setParameter(1, outflow).setParameter(2, tx.signature()).executeUpdate();
        return true;
    }

    /** Deposits the scan found that may still be credited. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<VaultTransaction> awaitingCredit(String vault) {
        return transactions("SELECT signature, slot, class, vault_delta, memo FROM vault_transactions WHERE vault = ?1 "
                + "AND class = 'AWAITING_CREDIT' ORDER BY slot", vault);
    }

    /** Payout attempts on the chain up to {@code slot} that the ledger does not book yet and whose balance change is not read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<VaultTransaction> unbookedAttemptsWithoutDelta(String vault, long slot) {
        return transactions("SELECT signature, slot, class, vault_delta, memo FROM vault_transactions v WHERE vault = ?1 "
                + "AND class = 'PAYOUT_ATTEMPT' AND vault_delta IS NULL AND slot <= " + slot + " AND NOT EXISTS ("
                + "SELECT 1 FROM ledger_transfers t WHERE t.reference = v.signature AND t.kind IN ('PAYOUT', 'NETWORK_FEE')) "
                + "ORDER BY slot", vault);
    }

    public void delta(String signature, long vaultDelta) {
        em.createNativeQuery("UPDATE vault_transactions SET vault_delta = ?2 WHERE signature = ?1")
                .setParameter(1, signature).setParameter(2, vaultDelta).executeUpdate();
    }

    /**
     * The books at {@code slot}, in one statement (one snapshot): the vault's postings for the
     * transactions up to the slot (a posting whose transaction the scan has not classified counts when
     * it was written before {@code scanStart}: its transaction landed before the balance was read),
     * and the balance changes of transactions up to the slot that landed but are not booked yet.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Drift books(String vault, long slot, long onChain, Instant scanStart) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT "
                        + "(SELECT COALESCE(SUM(p.amount), 0) FROM ledger_postings p JOIN ledger_transfers t ON t.id = p.transfer_id "
                        + " LEFT JOIN vault_transactions v ON v.signature = t.reference "
                        + " WHERE p.account = 'vault' AND CASE WHEN v.signature IS NOT NULL THEN v.slot <= ?2 ELSE t.created_at < ?3 END), "
                        + "(SELECT COALESCE(SUM(v.vault_delta), 0) FROM vault_transactions v WHERE v.vault = ?1 AND v.slot <= ?2 "
                        + " AND v.class IN ('AWAITING_CREDIT', 'PAYOUT_ATTEMPT') AND v.vault_delta IS NOT NULL AND NOT EXISTS ("
                        + "  SELECT 1 FROM ledger_transfers t JOIN ledger_postings p ON p.transfer_id = t.id "
                        + "  WHERE t.reference = v.signature AND p.account = 'vault'))")
                .setParameter(1, vault).setParameter(2, slot).setParameter(3, Timestamp.from(scanStart)).getSingleResult();
        return new Drift(slot, onChain, ((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** The ledger's own rules, checked over all of it: each broken one is a finding naming the rows. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Finding> invariants() {
        List<Finding> found = new ArrayList<>();
        long total = ((Number) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings").getSingleResult()).longValue();
        if (total != 0) {
            found.add(new Finding(ItemKind.LEDGER_INVARIANT, "postings-sum", null, total,
                    "the ledger's postings sum to " + total + " lamports, not 0"));
        }
        check(found, "unbalanced-transfer", "SELECT t.id, COALESCE(SUM(p.amount), 0) FROM ledger_transfers t "
                + "LEFT JOIN ledger_postings p ON p.transfer_id = t.id GROUP BY t.id "
                + "HAVING COALESCE(SUM(p.amount), 0) <> 0 OR COUNT(p.id) < 2 ORDER BY t.id LIMIT 50",
                "ledger transfer %d's postings sum to %d lamports (or it has fewer than two)");
        check(found, "confirmed-payout-unbooked", "SELECT p.id, p.lamports FROM payouts p WHERE p.status = 'CONFIRMED' "
                + "AND NOT EXISTS (SELECT 1 FROM ledger_transfers t WHERE t.idempotency_key = 'payout:' || p.id AND t.kind = 'PAYOUT') "
                + "ORDER BY p.id LIMIT 50", "payout %d is CONFIRMED but the ledger has no PAYOUT transfer for its %d lamports");
        check(found, "payout-transfer-unconfirmed", "SELECT t.id, (SELECT SUM(amount) FROM ledger_postings WHERE transfer_id = t.id "
                + "AND amount > 0) FROM ledger_transfers t WHERE t.kind = 'PAYOUT' AND NOT EXISTS (SELECT 1 FROM payouts p "
                + "WHERE t.idempotency_key = 'payout:' || p.id AND p.status = 'CONFIRMED') ORDER BY t.id LIMIT 50",
                "ledger PAYOUT transfer %d (%d lamports) has no CONFIRMED payout");
        check(found, "deposit-unbooked", "SELECT d.id, d.lamports FROM deposits d LEFT JOIN ledger_transfers t ON t.id = d.transfer_id "
                + "WHERE t.id IS NULL OR t.kind <> 'DEPOSIT' OR t.reference IS DISTINCT FROM d.signature ORDER BY d.id LIMIT 50",
                "deposit %d (%d lamports) has no DEPOSIT transfer of its signature");
        check(found, "deposit-transfer-orphan", "SELECT t.id, (SELECT SUM(amount) FROM ledger_postings WHERE transfer_id = t.id "
                + "AND amount > 0) FROM ledger_transfers t WHERE t.kind = 'DEPOSIT' AND NOT EXISTS (SELECT 1 FROM deposits d "
                + "WHERE d.transfer_id = t.id) ORDER BY t.id LIMIT 50", "ledger DEPOSIT transfer %d (%d lamports) has no deposit row");
        return found;
    }

    /** Open items of a kind that the run checks afresh every time (drift, invariants, outflows). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Finding> openOutflows() {
        List<?> rows = em.createNativeQuery("SELECT subject, lamports, detail FROM reconciliation_items "
                + "WHERE kind = 'UNEXPLAINED_OUTFLOW' AND resolved_at IS NULL ORDER BY id").getResultList();
        List<Finding> found = new ArrayList<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            found.add(new Finding(ItemKind.UNEXPLAINED_OUTFLOW, (String) row[0], (String) row[0],
                    row[1] == null ? null : ((Number) row[1]).longValue(), (String) row[2]));
        }
        return found;
    }

    /**
     * Stores a finished run: its figures, its DRIFT and LEDGER_INVARIANT findings (opened, or kept
     * open with the new figures), and resolves those of earlier runs it no longer finds.
     */
    public ReconciliationRun finish(String node, Instant startedAt, String vault, Drift drift, int scanned, List<Finding> findings) {
        Instant runStart = now();
        for (Finding finding : findings) {
            em.createNativeQuery("INSERT INTO reconciliation_items (kind, subject, signature, lamports, detail) VALUES (?1, ?2, ?3, ?4, ?5) "
                            + "ON CONFLICT (kind, subject) DO UPDATE SET lamports = EXCLUDED.lamports, detail = EXCLUDED.detail, "
                            + "last_seen_at = now(), resolved_at = NULL")
                    .setParameter(1, finding.kind().name()).setParameter(2, finding.subject()).setParameter(3, finding.signature())
                    .setParameter(4, finding.lamports()).setParameter(5, shorten(finding.detail(), 500)).executeUpdate();
        }
        // Items of this run were written in this transaction (now() = runStart); older ones are no longer found.
        em.createNativeQuery("UPDATE reconciliation_items SET resolved_at = now() WHERE kind IN ('DRIFT', 'LEDGER_INVARIANT') "
                        + "AND resolved_at IS NULL AND last_seen_at < ?1")
                .setParameter(1, Timestamp.from(runStart)).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("INSERT INTO reconciliation_runs (node, started_at, vault, slot, onchain_lamports, "
                        + "ledger_lamports, in_flight_lamports, drift_lamports, status, scanned) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING " + RUN_COLUMNS)
                .setParameter(1, node).setParameter(2, Timestamp.from(startedAt)).setParameter(3, vault).setParameter(4, drift.slot())
                .setParameter(5, drift.onChain()).setParameter(6, drift.ledger()).setParameter(7, drift.inFlight())
                .setParameter(8, drift.drift()).setParameter(9, drift.ok() ? "OK" : "DRIFT").setParameter(10, scanned)
                .getSingleResult();
        return run(row);
    }

    /** Asks every node's job starter for a run now (the lease lets one of them reconcile). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void request(String admin) {
        requests.fire(new ReconciliationRequested(admin));
    }

    /** The newest run, if any ran. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ReconciliationRun> lastRun() {
        List<?> rows = em.createNativeQuery("SELECT " + RUN_COLUMNS + " FROM reconciliation_runs ORDER BY id DESC LIMIT 1").getResultList();
        return rows.stream().findFirst().map(row -> run((Object[]) row));
    }

    /** Open items (not resolved), newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ReconciliationItem> openItems(int limit) {
        List<?> rows = em.createNativeQuery("SELECT " + ITEM_COLUMNS + " FROM reconciliation_items WHERE resolved_at IS NULL "
                + "ORDER BY id DESC LIMIT ?1").setParameter(1, limit).getResultList();
        return rows.stream().map(row -> item((Object[]) row)).toList();
    }

    /** How many items of each kind are open (the metrics' gauges). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<ItemKind, Long> openCounts() {
        Map<ItemKind, Long> counts = new EnumMap<>(ItemKind.class);
        for (Object r : em.createNativeQuery("SELECT kind, COUNT(*) FROM reconciliation_items WHERE resolved_at IS NULL GROUP BY kind")
                .getResultList()) {
            Object[] row = (Object[]) r;
            counts.put(ItemKind.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private void check(List<Finding> found, String check, String sql, String detail) {
        for (Object r : em.createNativeQuery(sql).getResultList()) {
            Object[] row = (Object[]) r;
            long id = ((Number) row[0]).longValue();
            Long lamports = row[1] == null ? null : ((Number) row[1]).longValue();
            found.add(new Finding(ItemKind.LEDGER_INVARIANT, check + ":" + id, null, lamports,
                    String.format(detail, id, lamports == null ? 0L : lamports)));
        }
    }

    private void insert(String vault, VaultTransaction tx, Long blockTime) {
        em.createNativeQuery("INSERT INTO vault_transactions (signature, vault, slot, block_time, class, vault_delta, memo) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (signature) DO NOTHING")
                .setParameter(1, tx.signature()).setParameter(2, vault).setParameter(3, tx.slot())
                .setParameter(4, blockTime == null ? null : Timestamp.from(Instant.ofEpochSecond(blockTime)))
                .setParameter(5, tx.type().name()).setParameter(6, tx.vaultDelta())
                .setParameter(7, tx.memo() == null ? null : shorten(tx.memo(), 300)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<VaultTransaction> transactions(String sql, String vault) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, vault).getResultList();
        return rows.stream().map(row -> new VaultTransaction((String) row[0], ((Number) row[1]).longValue(),
                VaultTransactionClass.valueOf((String) row[2]), row[3] == null ? null : ((Number) row[3]).longValue(),
                (String) row[4])).toList();
    }

    private static ReconciliationRun run(Object[] row) {
        return new ReconciliationRun(((Number) row[0]).longValue(), (String) row[1], SqlValues.instant(row[2]), SqlValues.instant(row[3]), (String) row[4],
                new Drift(((Number) row[5]).longValue(), ((Number) row[6]).longValue(), ((Number) row[7]).longValue(),
                        ((Number) row[8]).longValue()), (String) row[10], ((Number) row[11]).intValue());
    }

    private static ReconciliationItem item(Object[] row) {
        return new ReconciliationItem(((Number) row[0]).longValue(), ItemKind.valueOf((String) row[1]), (String) row[2],
                (String) row[3], row[4] == null ? null : ((Number) row[4]).longValue(), (String) row[5], SqlValues.instant(row[6]),
                SqlValues.instant(row[7]), SqlValues.instant(row[8]));
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
