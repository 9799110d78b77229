package com.solduel.reconciliation;

import com.solduel.reconciliation.ReconciliationBook.Finding;
import com.solduel.reconciliation.ReconciliationBook.VaultTransaction;
import com.solduel.solana.rpc.AccountBalance;
import com.solduel.solana.rpc.AddressSignature;
import com.solduel.solana.rpc.Commitment;
import com.solduel.solana.rpc.LandedTransaction;
import com.solduel.solana.rpc.SolanaRpc;
import com.solduel.wager.EscrowVault;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One reconciliation of the escrow vault (docs/money.md, "Reconciliation"), on the node holding the
 * lease: reads the vault's balance at {@code confirmed}, then classifies every vault signature the
 * books do not know yet (oldest first from a cursor) — booking each unattributed inflow once and
 * recording each unexplained outflow — and compares the balance with the ledger and the transfers in
 * flight at the balance's slot. Checks the ledger's own invariants. Anything wrong is an item, a
 * WARNING line and the drift gauge.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
    private static final int PAGE = 1000;
    private static final Commitment COMMITMENT = Commitment.CONFIRMED;

    @EJB
    ReconciliationBook book;

    @Inject
    EscrowVault vault;

    @Inject
    SolanaRpc solana;

    @Inject
    @ConfigProperty(name = "solduel.reconciliation.lease-seconds", defaultValue = "600")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "solduel.reconciliation.recheck-millis", defaultValue = "2000")
    long recheckMillis;

    /** Reconciles now as {@code node}; empty when there is no vault or another node holds the lease. */
    public Optional<ReconciliationRun> run(String node) {
        if (!vault.available()) {
            return Optional.empty();
        }
        if (!book.acquire(node, leaseSeconds)) {
            LOG.fine(() -> "reconciliation: another node holds the lease; not running here");
            return Optional.empty();
        }
        try {
            return Optional.of(reconcile(node));
        } finally {
            book.release(node);
        }
    }

    private ReconciliationRun reconcile(String node) {
        String address = vault.address();
        Instant startedAt = book.now();
        int scanned = 0;
        Drift drift = null;
        // A deposit credited or a payout marked between reading the chain and the books is no drift:
        // a difference is measured once more before it is reported.
        for (int measure = 0; measure < 2 && (drift == null || !drift.ok()); measure++) {
            if (measure > 0) {
                pause();
            }
            AccountBalance balance = solana.getBalance(address, COMMITMENT);
            Instant scanStart = book.now();
            scanned += scan(address);
            for (VaultTransaction awaiting : book.awaitingCredit(address)) {
                decideAwaiting(address, awaiting, null);
            }
            for (VaultTransaction attempt : book.unbookedAttemptsWithoutDelta(address, balance.slot())) {
                book.delta(attempt.signature(), read(attempt.signature()).balanceChange(address));
            }
            drift = book.books(address, balance.slot(), balance.lamports(), scanStart);
        }
        return report(node, startedAt, address, drift, scanned);
    }

    private ReconciliationRun report(String node, Instant startedAt, String address, Drift drift, int scanned) {
        List<Finding> findings = new ArrayList<>(book.invariants());
        if (!drift.ok()) {
            findings.add(new Finding(ItemKind.DRIFT, "vault:" + address, null, drift.drift(), "the vault holds " + drift.onChain()
                    + " lamports at slot " + drift.slot() + "; the ledger explains " + drift.ledger() + " and transfers in flight "
                    + drift.inFlight() + ": drift " + drift.drift() + " lamports"));
        }
        ReconciliationRun run = book.finish(node, startedAt, address, drift, scanned, findings);
        List<Finding> outflows = book.openOutflows();
        if (!drift.ok() || !findings.isEmpty() || !outflows.isEmpty()) {
            StringBuilder line = new StringBuilder("reconciliation " + run.id() + ": vault " + address + " at slot " + drift.slot()
                    + " holds " + drift.onChain() + " lamports, the ledger " + drift.ledger() + ", in flight " + drift.inFlight()
                    + ": drift " + drift.drift() + " lamports");
            findings.stream().filter(f -> f.kind() != ItemKind.DRIFT)
                    .forEach(f -> line.append("; ").append(f.kind()).append(' ').append(f.subject()).append(": ").append(f.detail()));
            outflows.forEach(f -> line.append("; UNEXPLAINED_OUTFLOW ").append(f.signature()).append(": ").append(f.detail()));
            LOG.warning(line.toString());
        } else {
            LOG.info(() -> "reconciliation " + run.id() + ": vault " + address + " holds " + drift.onChain() + " lamports at slot "
                    + drift.slot() + ", all explained (ledger " + drift.ledger() + ", in flight " + drift.inFlight() + "); "
                    + run.scanned() + " new signatures");
        }
        return run;
    }

    /** Classifies every vault signature newer than the cursor, oldest first; returns how many. */
    private int scan(String address) {
        String cursor = book.cursor(address).orElse(null);
        List<AddressSignature> newestFirst = new ArrayList<>();
        String before = null;
        while (true) {
            List<AddressSignature> page = solana.getSignaturesForAddress(address, before, cursor, PAGE, COMMITMENT);
            newestFirst.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            before = page.get(page.size() - 1).signature();
        }
        Collections.reverse(newestFirst);
        for (AddressSignature entry : newestFirst) {
            classify(address, entry);
            book.saveCursor(address, entry.signature());
        }
        return newestFirst.size();
    }

    private void classify(String address, AddressSignature entry) {
        if (book.classified(entry.signature())) {
            return;
        }
        Optional<VaultTransactionClass> known = book.known(entry.signature());
        if (known.isPresent()) {
            book.record(address, new VaultTransaction(entry.signature(), entry.slot(), known.get(), null, entry.memo()), entry.blockTime());
            return;
        }
        long delta = read(entry.signature()).balanceChange(address);
        VaultTransaction tx = new VaultTransaction(entry.signature(), entry.slot(), VaultTransactionClass.ofUnknown(delta, entry.memo()),
                delta, entry.memo());
        switch (tx.type()) {
            case NO_CHANGE -> book.record(address, tx, entry.blockTime());
            case UNEXPLAINED_OUTFLOW -> {
                LOG.warning("reconciliation: " + (-delta) + " lamports left the vault " + address + " in " + entry.signature()
                        + " (slot " + entry.slot() + "), which is no payout attempt: the vault's key signed outside the server");
                book.unexplainedOutflow(address, tx, entry.blockTime());
            }
            case AWAITING_CREDIT -> decideAwaiting(address, tx, entry.blockTime());
            default -> {
                Optional<String> returnOf = VaultTransactionClass.returnOf(entry.memo());
                if (returnOf.isPresent() && book.returned(address, tx, entry.blockTime(), returnOf.get())) {
                    LOG.warning("reconciliation: " + delta + " lamports came back to the vault in " + entry.signature()
                            + ", returning the unexplained outflow " + returnOf.get());
                    return;
                }
                LOG.warning("reconciliation: " + delta + " lamports reached the vault " + address + " in " + entry.signature()
                        + " (slot " + entry.slot() + ") that no deposit explains; booked once to vault:unattributed");
                book.bookUnattributed(address, tx, entry.blockTime(), "no deposit memo");
            }
        }
    }

    private void decideAwaiting(String address, VaultTransaction tx, Long blockTime) {
        if (book.decideAwaiting(address, tx, blockTime) == VaultTransactionClass.UNATTRIBUTED) {
            LOG.warning("reconciliation: " + tx.vaultDelta() + " lamports reached the vault " + address + " in " + tx.signature()
                    + " with a deposit memo that can no longer be credited (" + tx.memo() + "); booked once to vault:unattributed");
        }
    }

    private LandedTransaction read(String signature) {
        return solana.getLandedTransaction(signature, COMMITMENT).orElseThrow(() -> new IllegalStateException(
                "vault transaction " + signature + " is listed but not readable at " + COMMITMENT.wire() + " yet"));
    }

    private void pause() {
        try {
            Thread.sleep(recheckMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
