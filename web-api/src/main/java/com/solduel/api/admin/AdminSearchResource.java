package com.solduel.api.admin;

import com.solduel.admin.AdminPlayers;
import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.auth.PlayerTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admin: find players by the start of their wallet or username, with their ban state. */
@ApplicationScoped
@Path("/admin/players")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSearchResource {

    @EJB
    AdminPlayers players;

    @Inject
    AdminCaller caller;

    @GET
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Find players by wallet prefix or username prefix, with their ban state (admin)",
            description = "A player matches when their wallet starts with `query` (exactly, base58 is case-sensitive) or their "
                    + "username starts with it (ignoring case). Each comes with their ban state and the game they play now.")
    @APIResponse(responseCode = "200", description = "Up to `limit` players, by wallet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminPlayerPage"),
                    examples = @ExampleObject(name = "found", value = "{\"players\": [{\"walletAddress\": \"" + ApiSchemas.WALLET_EXAMPLE
                            + "\", \"username\": \"alice\", \"banned\": true, \"bannedAt\": \"2026-12-01T03:30:00Z\", "
                            + "\"banReason\": \"chargeback fraud\", \"wins\": 12, \"losses\": 9, \"activeGameId\": null, "
                            + "\"createdAt\": \"2026-11-20T10:00:00Z\"}]}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), `limit` not an integer "
            + "(`invalid-number`), or `query` missing or not 1 to 44 letters, digits or underscores, or `limit` out of range "
            + "(`invalid-request`, with `violations`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "`forbidden`: the token is not an admin's (group admin), or its wallet is no "
            + "longer in solduel.auth.admin-wallets",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public AdminPlayers.Page search(
            @Parameter(description = "The start of a wallet or username: 1 to 44 letters, digits or underscores", required = true,
                    example = "4Nd1")
            @QueryParam("query") @NotNull(message = "query is required") @Pattern(regexp = AdminPlayers.QUERY) String query,
            @Parameter(description = "How many at most", example = "20")
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        caller.wallet();
        return players.search(query, limit);
    }
}
