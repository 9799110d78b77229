package com.solduel.api.player;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.solduel.auth.PlayerTokens;
import com.solduel.player.PlayerDirectory;
import com.solduel.player.PlayerState;
import com.solduel.player.WalletAddress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in player. */
@ApplicationScoped
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    JsonWebToken token;

    @Inject
    PlayerDirectory players;

    @GET
    @RolesAllowed(PlayerTokens.PLAYER)
    @Operation(summary = "The player the Bearer token belongs to")
    @SecurityRequirement(name = "jwt")
    @APIResponse(responseCode = "200", description = "The signed-in player",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlayerState"),
                    examples = @ExampleObject(name = "player", value = "{\"id\": 7, \"walletAddress\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"username\": \"alice\", \"eloRating\": 1500, \"wins\": 12, \"losses\": 9, \"totalEarnings\": 250000000, \"createdAt\": \"2026-11-01T12:00:00Z\"}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`player-not-found`: the token's wallet has no player any more",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PlayerState me() {
        return players.find(WalletAddress.of(token.getSubject())).state();
    }
}
