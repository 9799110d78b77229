package com.solduel.api.admin;

import com.solduel.admin.AdminGames;
import com.solduel.admin.GameAborts;
import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.auth.PlayerTokens;
import com.solduel.game.live.GameStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admin: every game (any status, both players), one game in full with its action log, and aborting a game with refunds. */
@ApplicationScoped
@Path("/admin/games")
@Produces(MediaType.APPLICATION_JSON)
public class AdminGameResource {

    private static final String FORBIDDEN = "`forbidden`: the token is not an admin's (group admin), or its wallet is no longer "
            + "in solduel.auth.admin-wallets";
    private static final String GAME = "{\"gameId\": 1052, \"gameType\": \"RPS\", \"status\": \"IN_PROGRESS\", \"wager\": 50000000, "
            + "\"rated\": true, \"player1\": \"7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", \"username1\": \"alice\", "
            + "\"player2\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"username2\": null, \"winner\": null, "
            + "\"createdAt\": \"2026-12-01T03:00:00Z\", \"startedAt\": \"2026-12-01T03:01:10Z\", \"endedAt\": null, "
            + "\"depositDeadline\": \"2026-12-01T03:05:00Z\", \"deposits\": 2, \"abortReason\": null}";

    @EJB
    AdminGames games;

    @Inject
    GameAborts aborts;

    @Inject
    AdminCaller caller;

    @GET
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "List games, newest first, by status and/or player (admin)",
            description = "Every game whatever its status (free and wagered, challenges nobody joined, cancelled and aborted "
                    + "ones), from PostgreSQL. Page with `before` = the previous page's `nextBefore`.")
    @APIResponse(responseCode = "200", description = "Up to `limit` games, newest first, and where the next page starts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminGamePage"),
                    examples = @ExampleObject(name = "one", value = "{\"games\": [" + GAME + "], \"nextBefore\": null}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), `before` or `limit` not an "
            + "integer (`invalid-number`), or a status or wallet not of the documented form, or a value out of range "
            + "(`invalid-request`, with `violations`)",
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
    public AdminGames.Page list(
            @Parameter(description = "Only games in this status", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "CREATED", "AWAITING_DEPOSITS", "IN_PROGRESS", "COMPLETED", "CANCELLED", "ABORTED"}))
            @QueryParam("status") @Pattern(regexp = "CREATED|AWAITING_DEPOSITS|IN_PROGRESS|COMPLETED|CANCELLED|ABORTED") String status,
            @Parameter(description = "Only games this wallet plays or played (either seat)", example = ApiSchemas.WALLET_EXAMPLE)
            @QueryParam("player") @Pattern(regexp = ApiSchemas.BASE58_WALLET) String player,
            @Parameter(description = "Only games with a smaller id (the next page)", example = "1001")
            @QueryParam("before") @Min(1) Long before,
            @Parameter(description = "How many at most", example = "50")
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        caller.wallet();
        return AdminGames.Page.of(games.list(Optional.ofNullable(status).map(GameStatus::valueOf), Optional.ofNullable(player),
                Optional.ofNullable(before), limit), limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "One game in full: its action log, deposits, payouts and the admin actions on it (admin)",
            description = "The action log is the game's rows in PostgreSQL in order (what the verifier replays once the game is over); "
                    + "`payouts` shows whether each refund or payout is confirmed on-chain; `audit` lists the admin actions with "
                    + "target `game:<id>` (an abort).")
    @APIResponse(responseCode = "200", description = "The game",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminGameDetail"),
                    examples = @ExampleObject(name = "aborted", value = "{\"game\": " + GAME + ", \"actions\": [{\"sequence\": 1, "
                            + "\"type\": \"MOVE\", \"wallet\": \"7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", \"data\": {\"turn\": 1}, "
                            + "\"at\": \"2026-12-01T03:01:20Z\"}], \"deposits\": [{\"signature\": \"5h6xBEauJ3PK6SWCZ1PGjBvj8vDdWG3KpwATGy1ARAXFSDwt8GFXM7W5Ncn16wmqokgpiKRLuS83KUxyZyv2sUYv\", "
                            + "\"wallet\": \"7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", \"lamports\": 50000000, \"at\": \"2026-12-01T03:00:40Z\"}], "
                            + "\"payouts\": [{\"id\": 42, \"kind\": \"REFUND\", \"status\": \"CONFIRMED\", \"reason\": \"ADMIN_ABORTED\", "
                            + "\"destination\": \"7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", \"lamports\": 50000000, \"signature\": null}], "
                            + "\"audit\": []}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), or an id that is not a "
            + "positive integer (`invalid-number`, `invalid-request`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`game-not-found`: no game has this id",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public AdminGames.Detail get(@Parameter(description = "The game's id", example = "1052") @PathParam("id") @Min(1) long id) {
        caller.wallet();
        return games.detail(id);
    }

    @POST
    @Path("/{id}/abort")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Abort a game awaiting deposits or in progress, refunding each credited stake (admin)",
            description = "In one transaction: the game becomes ABORTED (no result, no rating change, nobody wins), each credited "
                    + "deposit's stake is owed back in full through the ledger (a REFUND from the game's pot) and a PENDING "
                    + "refund (reason ADMIN_ABORTED) that the payouts job sends from the vault exactly once, like every refund "
                    + "(docs/payouts.md), and the audit row (action GAME_ABORT, reason, state before and after) is written. Then "
                    + "both players and every spectator, on every node, get the `game_cancelled` frame (reason ADMIN_ABORTED, "
                    + "with the refunds) and the node that drove the game stops; the game's fencing epoch is raised, so no move "
                    + "or result can be recorded after the abort. A refused request (bad body, unknown game, a game that is over "
                    + "or still waiting for its second player, not an admin) changes nothing and writes no audit row.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AbortRequest.class),
            examples = @ExampleObject(name = "abort", value = "{\"reason\": \"stuck after an RPC outage\"}")))
    @APIResponse(responseCode = "200", description = "Aborted; the refunds owed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GameAbortedView.class),
                    examples = @ExampleObject(name = "aborted", value = "{\"gameId\": 1052, \"status\": \"ABORTED\", \"refunds\": ["
                            + "{\"seat\": \"P1\", \"wallet\": \"7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", \"lamports\": 50000000}, "
                            + "{\"seat\": \"P2\", \"wallet\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"lamports\": 50000000}]}")))
    @APIResponse(responseCode = "400", description = ApiSchemas.BAD_JSON_BODY + ", a reason that is blank, over 200 characters or "
            + "holds control characters (`invalid-request`), or an id that is not a positive integer (`invalid-number`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN + "; nothing changes",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`game-not-found`: no game has this id; nothing changes",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "`game-not-abortable`: the game is over (COMPLETED, CANCELLED, ABORTED) or "
            + "still waits for its second player (CREATED: it expires by itself); nothing changes",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = ApiSchemas.TOO_LARGE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = ApiSchemas.UNSUPPORTED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public GameAbortedView abort(@Parameter(description = "The game's id", example = "1052") @PathParam("id") @Min(1) long id,
                                 @Valid @NotNull(message = "a JSON body {\"reason\": ...} is required") AbortRequest request) {
        return GameAbortedView.of(aborts.abort(caller.wallet(), id, request.reason()));
    }
}
