package com.solduel.api.admin;

import com.solduel.reconciliation.ReconciliationItem;
import com.solduel.reconciliation.ReconciliationRun;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The last reconciliation and the open items, as an admin sees them (docs/money.md, "Reconciliation"). */
@Schema(name = "Reconciliation", description = "The escrow vault's on-chain balance against the ledger: the last run and what is open")
public record ReconciliationView(
        @Schema(description = "The newest run; null before the first one", nullable = true) Run lastRun,
        @Schema(description = "Open items, newest first (at most 200)") List<Item> items) {

    /** One run. */
    @Schema(name = "ReconciliationRun", description = "One reconciliation: the vault at a slot against the books")
    public record Run(
            @Schema(description = "The run's id", example = "17") long id,
            @Schema(description = "`OK` (every lamport explained) or `DRIFT`", enumeration = {"OK", "DRIFT"}) String status,
            @Schema(description = "When it started") Instant startedAt,
            @Schema(description = "When it finished") Instant finishedAt,
            @Schema(description = "The node that ran it (solduel.node.id)", example = "node-a") String node,
            @Schema(description = "The vault's address (base58)", example = "7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt") String vault,
            @Schema(description = "The slot the vault's balance was read at (confirmed)", example = "48213") long slot,
            @Schema(description = "The vault's on-chain balance, lamports", example = "10097487500") long onChainLamports,
            @Schema(description = "SUM of the ledger's `vault` postings for transactions up to the slot", example = "10097487500")
            long ledgerLamports,
            @Schema(description = "Balance changes of transactions landed up to the slot that the ledger does not book yet (a "
                    + "payout the job has not marked CONFIRMED, a deposit not yet credited)", example = "0") long inFlightLamports,
            @Schema(description = "onChain − (ledger + inFlight): lamports nothing explains; negative when the books hold more than "
                    + "the vault", example = "0") long driftLamports,
            @Schema(description = "Vault signatures this run classified for the first time", example = "12") int scanned) {

        static Run of(ReconciliationRun run) {
            return new Run(run.id(), run.status(), run.startedAt(), run.finishedAt(), run.node(), run.vault(), run.figures().slot(),
                    run.figures().onChain(), run.figures().ledger(), run.figures().inFlight(), run.figures().drift(), run.scanned());
        }
    }

    /** One open item. */
    @Schema(name = "ReconciliationItem", description = "Something a reconciliation found that an operator must see (runbook in docs/money.md)")
    public record Item(
            @Schema(description = "The item's id", example = "3") long id,
            @Schema(description = "`UNATTRIBUTED_INFLOW` (lamports reached the vault that no deposit explains; booked once to "
                    + "`vault:unattributed`), `UNEXPLAINED_OUTFLOW` (lamports left the vault in a transaction that is no payout: "
                    + "critical), `DRIFT` (the vault's balance differs from the books: critical), `LEDGER_INVARIANT` (the ledger "
                    + "broke one of its rules: critical)",
                    enumeration = {"UNATTRIBUTED_INFLOW", "UNEXPLAINED_OUTFLOW", "DRIFT", "LEDGER_INVARIANT"}) String kind,
            @Schema(description = "Whether it means money may be lost or booked wrongly", example = "false") boolean critical,
            @Schema(description = "The transaction it is about (base58); null for DRIFT and LEDGER_INVARIANT", nullable = true)
            String signature,
            @Schema(description = "What it names: the signature, `vault:<address>` for DRIFT, `<check>:<row id>` for LEDGER_INVARIANT",
                    example = "unbalanced-transfer:42") String subject,
            @Schema(description = "Lamports: received (UNATTRIBUTED_INFLOW), lost (UNEXPLAINED_OUTFLOW), the drift (DRIFT), or "
                    + "what the broken row is about", nullable = true, example = "10000000000") Long lamports,
            @Schema(description = "What was found, in words", example = "10000000000 lamports reached the vault in slot 3 (no deposit "
                    + "memo; memo: none); booked to vault:unattributed") String detail,
            @Schema(description = "When a run first found it") Instant firstSeenAt,
            @Schema(description = "When a run last found it") Instant lastSeenAt) {

        static Item of(ReconciliationItem item) {
            return new Item(item.id(), item.kind().name(), item.kind().critical(), item.signature(), item.subject(), item.lamports(),
                    item.detail(), item.firstSeenAt(), item.lastSeenAt());
        }
    }
}
