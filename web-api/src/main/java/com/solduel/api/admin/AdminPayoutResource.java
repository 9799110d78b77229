package com.solduel.api.admin;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.audit.AdminAct;
import com.solduel.audit.AdminAudit;
import com.solduel.audit.AuditAction;
import com.solduel.auth.PlayerTokens;
import com.solduel.payout.Payout;
import com.solduel.payout.PayoutBook;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException.Kind;
import com.solduel.wager.WagerRefusedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admin: the payouts and refunds the vault owes (docs/payouts.md), and the retry of a FAILED one. */
@ApplicationScoped
@Path("/admin/payouts")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPayoutResource {

    private static final Logger LOG = Logger.getLogger(AdminPayoutResource.class.getName());
    private static final String EXAMPLE = "{\"id\": 42, \"kind\": \"PAYOUT\", \"status\": \"FAILED\", \"reason\": \"WIN\", \"gameId\": 7, "
            + "\"destination\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"lamports\": 97500000, \"signature\": null, \"attempts\": 1, "
            + "\"lastError\": \"Transaction simulation failed: Transaction results in an account (1) with insufficient funds for rent\", "
            + "\"createdAt\": \"2026-11-30T19:00:00Z\", \"confirmedAt\": null}";
    private static final String FORBIDDEN = "`forbidden`: the token is not an admin's (group admin)";

    @EJB
    PayoutBook book;

    @EJB
    AdminAudit audit;

    @Inject
    AdminCaller caller;

    @GET
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "List payouts and refunds, newest first (admin)",
            description = "Filter by `status` (e.g. `FAILED` for those waiting for a retry); page backwards with "
                    + "`before` = the smallest id of the previous page.")
    @APIResponse(responseCode = "200", description = "Up to `limit` payouts, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PayoutView.class),
                    examples = @ExampleObject(name = "failed", value = "[" + EXAMPLE + "]")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), `before` or `limit` not an "
            + "integer (`invalid-number`), or a value out of range or an unknown status (`invalid-request`, with `violations`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<PayoutView> list(
            @Parameter(description = "Only payouts in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "SIGNED", "SENT", "CONFIRMED", "FAILED"}))
            @QueryParam("status") @Pattern(regexp = "PENDING|SIGNED|SENT|CONFIRMED|FAILED") String status,
            @Parameter(description = "Only payouts with a smaller id", example = "100")
            @QueryParam("before") @Min(1) Long before,
            @Parameter(description = "How many at most", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return book.list(status, before, limit).stream().map(PayoutView::of).toList();
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Retry a FAILED payout (admin)",
            description = "The payouts job sends it again at its next run (within `solduel.payouts.sweep-seconds`). "
                    + "Safe whatever happened: when its last transfer landed and failed on-chain it is signed anew; when a "
                    + "node refused it, the job first waits until that transfer can never land (its blockhash expired) "
                    + "or lets it land, so the payout is never paid twice. Fix the cause first (e.g. fund the vault, or "
                    + "ask the player to fund their wallet above the rent-exempt minimum). No request body. Each retry is a row of the "
                    + "audit log (action `PAYOUT_RETRY`, the payout before and after), written in the retry's transaction; a refused "
                    + "retry writes none.")
    @APIResponse(responseCode = "200", description = "The payout, now PENDING (or SIGNED while its refused transfer can still land)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PayoutView.class),
                    examples = @ExampleObject(name = "retried", value = "{\"id\": 42, \"kind\": \"PAYOUT\", \"status\": \"PENDING\", "
                            + "\"reason\": \"WIN\", \"gameId\": 7, \"destination\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", "
                            + "\"lamports\": 97500000, \"signature\": null, \"attempts\": 1, \"lastError\": \"Transaction simulation "
                            + "failed: Transaction results in an account (1) with insufficient funds for rent\", \"createdAt\": "
                            + "\"2026-11-30T19:00:00Z\", \"confirmedAt\": null}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`) or an id that is not a "
            + "positive integer (`invalid-number`, `invalid-request`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`payout-not-found`: no payout has this id",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "`payout-not-failed`: only a FAILED payout can be retried; nothing changed",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PayoutView retry(@Parameter(description = "The payout's id", example = "42") @PathParam("id") @Min(1) long id) {
        WalletAddress admin = caller.wallet();
        return audit.perform(new AdminAct(admin, AuditAction.PAYOUT_RETRY, "payout:" + id, null), () -> {
            Payout before = book.find(id).orElseThrow(() -> new WagerRefusedException("payout-not-found", Kind.NOT_FOUND,
                    "no payout has id " + id));
            if (!"FAILED".equals(before.status())) {
                throw new WagerRefusedException("payout-not-failed", Kind.CONFLICT, "payout " + id + " is " + before.status()
                        + ", not FAILED: only a FAILED payout can be retried");
            }
            return PayoutView.of(before);
        }, () -> {
            PayoutView after = PayoutView.of(book.retry(id).orElseThrow());
            LOG.info(() -> "admin " + admin.value() + " retried payout " + id + ": now " + after.status());
            return after;
        }, after -> after);
    }
}
