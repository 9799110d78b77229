package com.solduel.api.game;

import com.solduel.auth.PlayerTokens;
import com.solduel.game.live.CreatedGame;
import com.solduel.game.live.GameReads;
import com.solduel.game.live.GameSummary;
import com.solduel.game.live.JoinedGame;
import com.solduel.game.live.PrivateChallenges;
import com.solduel.game.rules.GameType;
import com.solduel.game.verify.GameExportJson;
import com.solduel.player.WalletAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Private challenges (create, join by invite code), game summaries and the verifiable export. */
@Path("/games")
@Produces(MediaType.APPLICATION_JSON)
public class GameResource {

    @Inject
    PrivateChallenges challenges;

    @Inject
    GameReads games;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlayerTokens.PLAYER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create a private challenge (free play); share the invite code with your opponent. "
            + "It is cancelled if nobody joins within solduel.game.challenge-ttl-minutes (30 by default)")
    @APIResponse(responseCode = "201", description = "The game, its invite code and server seed hash")
    @APIResponse(responseCode = "400", description = "Invalid game type, options or client seed")
    @APIResponse(responseCode = "401", description = "No valid Bearer token")
    @APIResponse(responseCode = "409", description = "too-many-open-challenges: the player already has "
            + "solduel.game.open-challenges-per-player (3 by default) challenges nobody joined yet")
    public Response create(@Valid @NotNull(message = "a JSON body {\"gameType\": ...} is required") CreateGameRequest request) {
        GameType type = GameType.parse(request.gameType());
        int bestOf = request.bestOf() == null ? 1 : request.bestOf();
        CreatedGame game = challenges.create(WalletAddress.of(token.getSubject()), type, bestOf,
                Optional.ofNullable(request.clientSeed()));
        return Response.status(Response.Status.CREATED).entity(game).build();
    }

    @POST
    @Path("/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlayerTokens.PLAYER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Join a private challenge by its invite code; the game starts at once")
    @APIResponse(responseCode = "200", description = "The started game and your seat")
    @APIResponse(responseCode = "400", description = "Invalid invite code or client seed")
    @APIResponse(responseCode = "401", description = "No valid Bearer token")
    @APIResponse(responseCode = "404", description = "invite-not-found: no game has this invite code")
    @APIResponse(responseCode = "409", description = "own-game, game-already-started, or challenge-expired "
            + "(nobody joined in time, the game was cancelled)")
    @APIResponse(responseCode = "503", description = "No game server has room for another game")
    public JoinedGame join(@Valid @NotNull(message = "a JSON body {\"inviteCode\": ...} is required") JoinGameRequest request) {
        return challenges.join(WalletAddress.of(token.getSubject()), request.inviteCode(), Optional.ofNullable(request.clientSeed()));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A game's public summary; the server seed appears once the game is over")
    public GameSummary summary(@PathParam("id") long id) {
        return games.summary(id);
    }

    @GET
    @Path("/{id}/export")
    @PermitAll
    @Operation(summary = "A finished game's seeds and action log, to recompute it with the verifier (docs/games.md)")
    public Response export(@PathParam("id") long id) {
        return Response.ok(GameExportJson.write(games.export(id)), MediaType.APPLICATION_JSON).build();
    }
}
