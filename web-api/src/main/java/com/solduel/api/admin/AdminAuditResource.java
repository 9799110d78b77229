package com.solduel.api.admin;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.audit.AdminAudit;
import com.solduel.audit.AuditAction;
import com.solduel.audit.AuditPage;
import com.solduel.audit.AuditQuery;
import com.solduel.auth.PlayerTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admin: the audit log of every admin action, newest first (append-only; changelog 010). */
@ApplicationScoped
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    static final String EXAMPLE = "{\"entries\": [{\"id\": 12, \"at\": \"2026-12-01T03:30:00Z\", \"actor\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", "
            + "\"action\": \"PLAYER_BAN\", \"target\": \"player:7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", "
            + "\"reason\": \"chargeback fraud\", \"before\": {\"walletAddress\": \"7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", "
            + "\"banned\": false}, \"after\": {\"walletAddress\": \"7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", \"banned\": true, "
            + "\"bannedAt\": \"2026-12-01T03:30:00Z\", \"reason\": \"chargeback fraud\"}}], \"nextBefore\": null}";

    @EJB
    AdminAudit audit;

    @Inject
    AdminCaller caller;

    @GET
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Read the admin audit log, newest first (admin)",
            description = "One row per admin action that changed something (PLAYER_BAN, PLAYER_UNBAN, PAYOUT_RETRY, JOB_START, "
                    + "LEADERBOARD_REBUILD, RECONCILIATION_RUN, GAME_ABORT), written in the same transaction as the action: a "
                    + "refused request (bad input, unknown target, not an admin, a conflict) writes none. The database refuses "
                    + "any UPDATE, DELETE or TRUNCATE of the log. Page with `before` = the smallest `id` of the previous page.")
    @APIResponse(responseCode = "200", description = "Up to `limit` rows, newest first, and where the next page starts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "AuditPage"),
                    examples = @ExampleObject(name = "a ban", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), `before` or `limit` not an "
            + "integer (`invalid-number`), or a value out of range or not of the documented form (`invalid-request`, with `violations`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "`forbidden`: the token is not an admin's (group admin), or its wallet is "
            + "no longer in solduel.auth.admin-wallets",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public AuditPage list(
            @Parameter(description = "Only this admin's actions (a wallet address)", example = ApiSchemas.WALLET_EXAMPLE)
            @QueryParam("actor") @Pattern(regexp = ApiSchemas.BASE58_WALLET) String actor,
            @Parameter(description = "Only this action", schema = @Schema(type = SchemaType.STRING, enumeration = {"PLAYER_BAN",
                    "PLAYER_UNBAN", "PAYOUT_RETRY", "JOB_START", "LEADERBOARD_REBUILD", "RECONCILIATION_RUN", "GAME_ABORT"}))
            @QueryParam("action") @Pattern(regexp = "PLAYER_BAN|PLAYER_UNBAN|PAYOUT_RETRY|JOB_START|LEADERBOARD_REBUILD|"
                    + "RECONCILIATION_RUN|GAME_ABORT") String action,
            @Parameter(description = "Only actions on this target, e.g. `player:<wallet>` or `game:42`", example = "game:42")
            @QueryParam("target") @Pattern(regexp = "[A-Za-z0-9:_-]{1,100}") String target,
            @Parameter(description = "Only rows with a smaller id (the next page)", example = "100")
            @QueryParam("before") @Min(1) Long before,
            @Parameter(description = "How many at most", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        caller.wallet();
        return AuditPage.of(audit.page(new AuditQuery(Optional.ofNullable(actor), Optional.ofNullable(action).map(AuditAction::valueOf),
                Optional.ofNullable(target), Optional.ofNullable(before), limit)), limit);
    }
}
