package com.solduel.api.admin;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.audit.AdminAct;
import com.solduel.audit.AdminAudit;
import com.solduel.audit.AuditAction;
import com.solduel.auth.PlayerTokens;
import com.solduel.player.PlayerBan;
import com.solduel.player.PlayerBans;
import com.solduel.player.WalletAddress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Admin operations on players (group {@code admin}): ban and unban. A ban takes effect at once on
 * every node ({@link PlayerBans}); each action is one row of the audit log ({@link AdminAudit}),
 * written in the transaction that writes the ban, and a line of the server log.
 */
@ApplicationScoped
@Path("/admin/players/{wallet}/ban")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPlayerResource {

    private static final String FORBIDDEN = "The token is not an admin's (`forbidden`): its wallet is not in "
            + "solduel.auth.admin-wallets, or no longer is";
    private static final String NOT_FOUND = "`player-not-found`: no player has signed in with this wallet";
    private static final String BAD_WALLET = "not a base58 32-byte wallet address (`invalid-wallet-address`)";

    @Inject
    PlayerBans bans;

    @EJB
    AdminAudit audit;

    @Inject
    AdminCaller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Ban a player at once (admin)",
            description = "From this answer on the player cannot sign in, create or join a game or open a game socket "
                    + "(`player-banned`), every server node closes their open game sockets with 1008 `player-banned`, and their "
                    + "matchmaking entry, if any, is removed. "
                    + "A game in progress is not aborted: the player's socket is closed and cannot reconnect, so "
                    + "the reconnect grace runs out and the game is forfeited. Their public profile stays readable. "
                    + "A game awaiting deposits is cancelled at its deposit deadline (credited stakes refunded) unless an admin "
                    + "aborts it first (`POST /api/admin/games/{id}/abort`). "
                    + "Banning a banned player replaces the reason and keeps the time of the first ban. Each ban is a row of the "
                    + "audit log (`GET /api/admin/audit`) with the state before and after, written with the ban; a refused "
                    + "request writes none.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BanRequest.class),
            examples = @ExampleObject(name = "ban", value = "{\"reason\": \"chargeback fraud\"}")))
    @APIResponse(responseCode = "200", description = "The player's ban state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlayerBan"),
                    examples = @ExampleObject(name = "banned", value = "{\"walletAddress\": \"" + ApiSchemas.WALLET_EXAMPLE
                            + "\", \"banned\": true, \"bannedAt\": \"2026-11-30T19:00:00Z\", \"reason\": \"chargeback fraud\"}")))
    @APIResponse(responseCode = "400", description = ApiSchemas.BAD_JSON_BODY + ", a reason that is blank, over 200 "
            + "characters or holds control characters (`invalid-request`, or `invalid-ban-reason` for a reason of only Unicode spaces), or a wallet " + BAD_WALLET,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = ApiSchemas.TOO_LARGE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = ApiSchemas.UNSUPPORTED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PlayerBan ban(@Parameter(description = "The player's wallet address (base58, 32 bytes)", example = ApiSchemas.WALLET_EXAMPLE,
                                 schema = @Schema(type = SchemaType.STRING, minLength = 32, maxLength = 44, pattern = ApiSchemas.BASE58_WALLET))
                         @PathParam("wallet") String wallet,
                         @Valid @NotNull(message = "a JSON body {\"reason\": ...} is required") BanRequest request) {
        WalletAddress admin = caller.wallet();
        WalletAddress target = WalletAddress.of(wallet);
        return audit.perform(new AdminAct(admin, AuditAction.PLAYER_BAN, "player:" + target.value(), request.reason()),
                () -> bans.state(target), () -> bans.ban(target, request.reason(), admin), after -> after);
    }

    @DELETE
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Lift a player's ban (admin)",
            description = "The player may sign in, play and connect again at once. Lifting the ban of a player "
                    + "who is not banned changes nothing and also answers 204. Each request that is not refused is a row of the audit "
                    + "log (action `PLAYER_UNBAN`), with the ban state before and after.")
    @APIResponse(responseCode = "204", description = "The player is not banned (any more); no body")
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), or a wallet " + BAD_WALLET,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response unban(@Parameter(description = "The player's wallet address (base58, 32 bytes)", example = ApiSchemas.WALLET_EXAMPLE,
                                  schema = @Schema(type = SchemaType.STRING, minLength = 32, maxLength = 44, pattern = ApiSchemas.BASE58_WALLET))
                          @PathParam("wallet") String wallet) {
        WalletAddress admin = caller.wallet();
        WalletAddress target = WalletAddress.of(wallet);
        audit.perform(new AdminAct(admin, AuditAction.PLAYER_UNBAN, "player:" + target.value(), null),
                () -> bans.state(target), () -> {
                    bans.unban(target, admin);
                    return bans.state(target);
                }, after -> after);
        return Response.noContent().build();
    }
}
