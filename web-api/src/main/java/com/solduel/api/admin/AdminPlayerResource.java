package com.solduel.api.admin;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.auth.PlayerTokens;
import com.solduel.player.PlayerBan;
import com.solduel.player.PlayerBans;
import com.solduel.player.WalletAddress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
 * every node ({@link PlayerBans}); each action is logged at INFO with the admin, the player and the
 * reason (the audit log table comes with the admin portal).
 */
@Path("/admin/players/{wallet}/ban")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPlayerResource {

    private static final String FORBIDDEN = "The token is not an admin's (`forbidden`): its wallet is not in "
            + "solduel.auth.admin-wallets, or no longer is";
    private static final String NOT_FOUND = "`player-not-found`: no player has signed in with this wallet";
    private static final String BAD_WALLET = "not a base58 32-byte wallet address (`invalid-wallet-address`)";

    @Inject
    PlayerBans bans;

    @Inject
    PlayerTokens tokens;

    @Inject
    JsonWebToken token;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Ban a player at once (admin)",
            description = "From this answer on the player cannot sign in, create or join a game or open a game socket "
                    + "(`player-banned`), and every server node closes their open game sockets with 1008 `player-banned`. "
                    + "A game in progress is not aborted: the player's socket is closed and cannot reconnect, so "
                    + "the reconnect grace runs out and the game is forfeited. Their public profile stays readable. "
                    + "Banning a banned player replaces the reason and keeps the time of the first ban.")
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
        WalletAddress admin = stillAdmin();
        return bans.ban(WalletAddress.of(wallet), request.reason(), admin);
    }

    @DELETE
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Lift a player's ban (admin)",
            description = "The player may sign in, play and connect again at once. Lifting the ban of a player "
                    + "who is not banned changes nothing and also answers 204.")
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
        WalletAddress admin = stillAdmin();
        bans.unban(WalletAddress.of(wallet), admin);
        return Response.noContent().build();
    }

    /** The admin's wallet, if the token's wallet is an admin by the configuration now, not only when it was issued. */
    private WalletAddress stillAdmin() {
        if (!tokens.isAdminWallet(token.getSubject())) {
            throw new ForbiddenException();
        }
        return WalletAddress.of(token.getSubject());
    }
}
