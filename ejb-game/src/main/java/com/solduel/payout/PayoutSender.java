package com.solduel.payout;

import com.solduel.game.live.NodeIdentity;
import com.solduel.ledger.LedgerAccounts;
import com.solduel.payout.PayoutBook.Attempt;
import com.solduel.payout.PayoutBook.Landed;
import com.solduel.solana.TransferMessage;
import com.solduel.solana.rpc.Commitment;
import com.solduel.solana.rpc.JsonRpcErrorException;
import com.solduel.solana.rpc.LatestBlockhash;
import com.solduel.solana.rpc.SignatureStatus;
import com.solduel.solana.rpc.SolanaRpc;
import com.solduel.solana.rpc.SolanaUnavailableException;
import com.solduel.wager.EscrowVault;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves payouts from the vault to their wallets, exactly once (docs/payouts.md). For each batch of
 * payout ids:
 * <ol>
 * <li>claims them;</li>
 * <li>resolves each one that has an attempt from the chain: landed → marked; not on the chain and
 *     its blockhash expired (finalized block height past its last valid block height) → the attempt
 *     is dead and the payout signed anew; otherwise the same signed bytes are sent again (the same
 *     transaction: it lands at most once);</li>
 * <li>signs a transfer (+ memo {@code solduel:payout:<id>}; the fee paid by {@link PayoutFeePayer})
 *     for each payout without an attempt and
 *     records signature, blockhash, last valid block height and the bytes, <b>then</b> sends;</li>
 * <li>waits for the statuses and marks what landed.</li>
 * </ol>
 * A crash between any two steps leaves a state the next run resolves the same way: nothing is ever
 * re-signed while an earlier attempt can still land.
 */
@ApplicationScoped
public class PayoutSender {

    private static final Logger LOG = Logger.getLogger(PayoutSender.class.getName());
    private static final int STATUS_BATCH = 256;
    private static final int PARALLEL_RPC = 8;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @EJB
    PayoutBook book;

    @Inject
    SolanaRpc solana;

    @Inject
    EscrowVault vault;

    @Inject
    PayoutFeePayer feePayer;

    @Inject
    NodeIdentity node;

    @Inject
    PayoutCrashPoints crashPoints;

    @Inject
    PayoutMetrics metrics;

    @Inject
    @ConfigProperty(name = "solduel.payouts.confirm-seconds", defaultValue = "20")
    int confirmSeconds;

    @Inject
    @ConfigProperty(name = "solduel.payouts.claim-seconds", defaultValue = "120")
    int claimSeconds;

    /** What one batch did. */
    public record Outcome(int claimed, int signed, int sent, int confirmed, int failed, int expired, int waiting) {
    }

    /** Works the payouts {@code ids} as far as the chain lets it now; the rest waits for the next run. */
    public Outcome process(List<Long> ids) {
        String me = node.id();
        List<Payout> claimed = book.claim(ids, me, Duration.ofSeconds(claimSeconds));
        if (claimed.isEmpty()) {
            return new Outcome(0, 0, 0, 0, 0, 0, 0);
        }
        try {
            return work(claimed);
        } finally {
            book.release(claimed.stream().map(Payout::id).toList(), me);
            metrics.refresh();
        }
    }

    private Outcome work(List<Payout> claimed) {
        Tally tally = new Tally(claimed.size());
        List<Payout> toSign = new ArrayList<>();
        List<Attempt> resend = new ArrayList<>();
        resolve(claimed, toSign, resend, tally);

        List<Attempt> fresh = sign(toSign, tally);
        List<Long> freshIds = fresh.stream().map(Attempt::payoutId).toList();
        crashPoints.reached("after-sign", freshIds);
        List<Attempt> recorded = fresh.isEmpty() ? List.of() : book.record(fresh);
        crashPoints.reached("after-record", freshIds);

        List<Attempt> outgoing = new ArrayList<>(recorded);
        outgoing.addAll(resend);
        Map<Long, Payout> byId = new HashMap<>();
        claimed.forEach(p -> byId.put(p.id(), p));
        List<Attempt> accepted = send(outgoing, byId, tally);
        book.sent(accepted);
        crashPoints.reached("after-send", freshIds);

        confirm(accepted, byId, tally, freshIds);
        return tally.outcome();
    }

    /** Sorts the claimed payouts: landed (marked now), dead attempts (to sign anew), live ones (to send again or wait). */
    private void resolve(List<Payout> claimed, List<Payout> toSign, List<Attempt> resend, Tally tally) {
        List<Payout> withAttempt = new ArrayList<>();
        for (Payout payout : claimed) {
            if (payout.hasAttempt()) {
                withAttempt.add(payout);
            } else if ("PENDING".equals(payout.status())) {
                toSign.add(payout);
            }
        }
        if (withAttempt.isEmpty()) {
            return;
        }
        long finalizedHeight;
        List<Optional<SignatureStatus>> statuses;
        try {
            // The height first, then the statuses: a signature absent after the height passed its
            // last valid block height can never appear.
            finalizedHeight = solana.getBlockHeight(Commitment.FINALIZED);
            statuses = statuses(withAttempt.stream().map(Payout::signature).toList());
        } catch (SolanaUnavailableException | JsonRpcErrorException e) {
            LOG.warning("payouts: cannot read the chain to resolve " + withAttempt.size() + " sent payouts ("
                    + e.getMessage() + "); they wait for the next run");
            tally.waiting += withAttempt.size();
            return;
        }
        List<Landed> landed = new ArrayList<>();
        for (int i = 0; i < withAttempt.size(); i++) {
            Payout payout = withAttempt.get(i);
            Optional<SignatureStatus> status = statuses.get(i);
            if (status.isPresent() && reached(status.get())) {
                landed.add(landed(payout, status.get()));
            } else if (status.isPresent()) {
                tally.waiting++; // processed, not yet at the required commitment
            } else if (finalizedHeight > payout.lastValidBlockHeight()) {
                Optional<Boolean> listed = inAddressHistory(payout);
                if (listed.isEmpty() || listed.get()) {
                    // Listed for the wallet although the status history lost it: it landed, never re-sign. Or the
                    // chain cannot say now: not proven dead, so it waits (mark() finds nothing to mark).
                    landed.add(new Landed(payout.id(), payout.type(), payout.signature(), 0, 0, LedgerAccounts.VAULT,
                            true, null));
                    continue;
                }
                if (book.expired(payout.id(), payout.signature())) {
                    LOG.info(() -> "payout " + payout.id() + ": attempt " + payout.signature() + " expired unlanded "
                            + "(finalized height " + finalizedHeight + " > last valid " + payout.lastValidBlockHeight()
                            + "); signing it anew");
                    tally.expired++;
                    if (!"FAILED".equals(payout.status())) {
                        toSign.add(payout);
                    }
                }
            } else if (!"FAILED".equals(payout.status())) {
                resend.add(new Attempt(payout.id(), payout.signature(), payout.blockhash(), payout.lastValidBlockHeight(),
                        payout.signedTransaction()));
            } else {
                tally.waiting++;
            }
        }
        mark(landed, tally);
    }

    /**
     * Whether the payout's current attempt is among the destination's transactions (up to 5,000 back):
     * the second look before an attempt is declared dead, for nodes whose signature-status history is
     * shorter than their address index. Empty when the chain cannot answer now (not proven dead).
     */
    private Optional<Boolean> inAddressHistory(Payout payout) {
        try {
            String before = null;
            for (int page = 0; page < 5; page++) {
                var entries = solana.getSignaturesForAddress(payout.destination(), before, null, 1000, Commitment.CONFIRMED);
                if (entries.stream().anyMatch(e -> e.signature().equals(payout.signature()))) {
                    return Optional.of(true);
                }
                if (entries.size() < 1000) {
                    return Optional.of(false);
                }
                before = entries.get(entries.size() - 1).signature();
            }
            LOG.warning("payout " + payout.id() + ": " + payout.destination() + " has over 5,000 transactions; its expired "
                    + "attempt " + payout.signature() + " is treated as dead on the status history alone");
            return Optional.of(false);
        } catch (SolanaUnavailableException | JsonRpcErrorException e) {
            return Optional.empty();
        }
    }

    /** Signs one transfer per payout with one fresh blockhash; empty when the chain cannot give one now. */
    private List<Attempt> sign(List<Payout> payouts, Tally tally) {
        if (payouts.isEmpty()) {
            return List.of();
        }
        LatestBlockhash blockhash;
        try {
            blockhash = solana.getLatestBlockhash(Commitment.CONFIRMED);
        } catch (SolanaUnavailableException | JsonRpcErrorException e) {
            LOG.warning("payouts: no blockhash to sign " + payouts.size() + " payouts (" + e.getMessage() + "); they wait");
            tally.waiting += payouts.size();
            return List.of();
        }
        String from = vault.address();
        String payer = feePayer.address();
        boolean separatePayer = !payer.equals(from);
        List<Attempt> attempts = new ArrayList<>();
        for (Payout payout : payouts) {
            TransferMessage message;
            try {
                message = TransferMessage.of(payer, from, payout.destination(), payout.lamports(), payout.memo(),
                        blockhash.blockhash());
            } catch (IllegalArgumentException e) {
                // Nothing can ever be sent for it (e.g. a destination that is not an address): FAILED, not retried blindly.
                LOG.warning("payout " + payout.id() + " cannot be built: " + e.getMessage() + "; FAILED");
                book.unsendable(payout.id(), e.getMessage());
                metrics.failed(payout.type());
                tally.failed++;
                continue;
            }
            TransferMessage.Signed signed = separatePayer ? message.sign(feePayer::sign, vault::sign) : message.sign(vault::sign);
            attempts.add(new Attempt(payout.id(), signed.signature(), blockhash.blockhash(),
                    blockhash.lastValidBlockHeight(), signed.wire()));
        }
        tally.signed += attempts.size();
        return attempts;
    }

    /** The node's answer to one send: accepted, or the refusal, or null when no node answered. */
    private record SendResult(Attempt attempt, boolean accepted, JsonRpcErrorException refusal) {
    }

    /** Sends each attempt (in parallel); returns those the node accepted (or had already processed). */
    private List<Attempt> send(List<Attempt> attempts, Map<Long, Payout> byId, Tally tally) {
        List<SendResult> results = parallel(attempts, attempt -> {
            try {
                solana.sendTransaction(byId.get(attempt.payoutId()).type(), attempt.wire());
                return new SendResult(attempt, true, null);
            } catch (JsonRpcErrorException e) {
                return new SendResult(attempt, e.rpcMessage().contains("already been processed"), e);
            } catch (SolanaUnavailableException e) {
                return new SendResult(attempt, false, null);
            }
        });
        List<Attempt> accepted = new ArrayList<>();
        for (SendResult result : results) {
            Attempt attempt = result.attempt();
            JsonRpcErrorException e = result.refusal();
            if (result.accepted()) {
                accepted.add(attempt);
            } else if (e == null || e.rpcMessage().contains("Blockhash not found") || e.code() == JsonRpcErrorException.NODE_UNHEALTHY
                    || e.code() != JsonRpcErrorException.SEND_TRANSACTION_PREFLIGHT_FAILURE) {
                // Not this transfer's fault: it stays recorded and is resolved by the next run.
                tally.waiting++;
            } else {
                String type = byId.get(attempt.payoutId()).type();
                LOG.warning("payout " + attempt.payoutId() + " refused by the node: " + e.rpcMessage()
                        + "; FAILED until an admin retries it (POST /api/admin/payouts/" + attempt.payoutId() + "/retry)");
                book.refused(attempt, e.rpcMessage());
                metrics.failed(type);
                tally.failed++;
            }
        }
        tally.sent += accepted.size();
        return accepted;
    }

    /** Waits (up to solduel.payouts.confirm-seconds) for the sent attempts to reach the commitment, and marks them. */
    private void confirm(List<Attempt> accepted, Map<Long, Payout> byId, Tally tally, List<Long> freshIds) {
        List<Attempt> open = new ArrayList<>(accepted);
        long deadline = System.nanoTime() + Duration.ofSeconds(confirmSeconds).toNanos();
        long pause = 100;
        while (!open.isEmpty()) {
            List<Landed> landed = new ArrayList<>();
            try {
                List<Optional<SignatureStatus>> statuses = statuses(open.stream().map(Attempt::signature).toList());
                List<Attempt> still = new ArrayList<>();
                for (int i = 0; i < open.size(); i++) {
                    Attempt attempt = open.get(i);
                    Optional<SignatureStatus> status = statuses.get(i);
                    if (status.isPresent() && reached(status.get())) {
                        landed.add(landed(byId.get(attempt.payoutId()), attempt.signature(), status.get()));
                    } else {
                        still.add(attempt);
                    }
                }
                open = still;
            } catch (SolanaUnavailableException | JsonRpcErrorException e) {
                LOG.fine(() -> "payouts: statuses unavailable (" + e.getMessage() + "); trying again");
            }
            if (!landed.isEmpty()) {
                crashPoints.reached("after-confirm", landed.stream().map(Landed::payoutId).filter(freshIds::contains).toList());
                mark(landed, tally);
            }
            if (open.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            sleep(pause);
            pause = Math.min(pause * 2, 1_000);
        }
        tally.waiting += open.size();
    }

    /** Books what landed, each with the fee the chain charged for it (read from the transaction itself). */
    private void mark(List<Landed> found, Tally tally) {
        String vaultAddress = vault.address();
        List<Landed> read = parallel(found, one -> {
            try {
                var tx = solana.getLandedTransaction(one.signature(), Commitment.CONFIRMED);
                if (tx.isPresent()) {
                    String feeAccount = tx.get().feePayer().equals(vaultAddress) ? LedgerAccounts.VAULT : LedgerAccounts.FEE_PAYER;
                    boolean succeeded = tx.get().succeeded(); // the transaction's own word on it
                    return new Landed(one.payoutId(), one.type(), one.signature(), tx.get().slot(), tx.get().fee(),
                            feeAccount, succeeded, succeeded ? null : (one.error() == null ? "failed on-chain" : one.error()));
                }
            } catch (SolanaUnavailableException | JsonRpcErrorException e) {
                LOG.fine(() -> "payout " + one.payoutId() + ": its transaction cannot be read now (" + e.getMessage() + ")");
            }
            return null;
        });
        List<Landed> landed = new ArrayList<>();
        for (Landed one : read) {
            if (one == null) {
                tally.waiting++; // landed, marked by the next run
            } else {
                landed.add(one);
            }
        }
        if (landed.isEmpty()) {
            return;
        }
        List<Payout> confirmed = book.landed(landed);
        for (Payout payout : confirmed) {
            metrics.confirmed(payout);
        }
        tally.confirmed += confirmed.size();
        for (Landed failed : landed) {
            if (!failed.succeeded()) {
                LOG.warning("payout " + failed.payoutId() + ": transfer " + failed.signature() + " landed and FAILED on-chain ("
                        + failed.error() + "); its fee is booked; FAILED until an admin retries it");
                metrics.failed(failed.type());
                tally.failed++;
            }
        }
    }

    private Landed landed(Payout payout, SignatureStatus status) {
        return landed(payout, payout.signature(), status);
    }

    private Landed landed(Payout payout, String signature, SignatureStatus status) {
        return new Landed(payout.id(), payout.type(), signature, status.slot(), 0, LedgerAccounts.VAULT, status.succeeded(),
                status.succeeded() ? null : status.err().toString());
    }

    private boolean reached(SignatureStatus status) {
        String level = status.confirmationStatus();
        return "confirmed".equals(level) || "finalized".equals(level) || status.confirmations() == null;
    }

    private List<Optional<SignatureStatus>> statuses(List<String> signatures) {
        List<Optional<SignatureStatus>> all = new ArrayList<>(signatures.size());
        for (int from = 0; from < signatures.size(); from += STATUS_BATCH) {
            List<String> part = signatures.subList(from, Math.min(signatures.size(), from + STATUS_BATCH));
            List<Optional<SignatureStatus>> answer = solana.getSignatureStatuses(part, true);
            if (answer.size() != part.size()) {
                throw new SolanaUnavailableException("an RPC endpoint answered " + answer.size() + " statuses for "
                        + part.size() + " signatures");
            }
            all.addAll(answer);
        }
        return all;
    }

    /**
     * {@code work} on each item, {@value #PARALLEL_RPC} at a time on the managed executor (each call
     * is one RPC round trip: sends and transaction reads of a chunk overlap instead of queueing).
     */
    private <T, R> List<R> parallel(List<T> items, java.util.function.Function<T, R> work) {
        if (items.size() <= 1 || executor == null) {
            return items.stream().map(work).toList();
        }
        int slices = Math.min(PARALLEL_RPC, items.size());
        List<java.util.concurrent.Future<List<R>>> futures = new ArrayList<>();
        for (int slice = 0; slice < slices; slice++) {
            int first = slice;
            futures.add(executor.submit(() -> {
                List<R> out = new ArrayList<>();
                for (int i = first; i < items.size(); i += slices) {
                    out.add(work.apply(items.get(i)));
                }
                return out;
            }));
        }
        List<R> results = new ArrayList<>(java.util.Collections.nCopies(items.size(), null));
        for (int slice = 0; slice < slices; slice++) {
            List<R> out;
            try {
                out = futures.get(slice).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending payouts", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            for (int k = 0; k < out.size(); k++) {
                results.set(slice + k * slices, out.get(k));
            }
        }
        return results;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for payouts to confirm", e);
        }
    }

    private static final class Tally {
        final int claimed;
        int signed;
        int sent;
        int confirmed;
        int failed;
        int expired;
        int waiting;

        Tally(int claimed) {
            this.claimed = claimed;
        }

        Outcome outcome() {
            return new Outcome(claimed, signed, sent, confirmed, failed, expired, waiting);
        }
    }
}
