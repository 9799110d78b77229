package com.solduel.api.matchmaking;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.auth.PlayerTokens;
import com.solduel.matchmaking.JoinRequest;
import com.solduel.matchmaking.MatchQueue;
import com.solduel.matchmaking.QueueStatus;
import com.solduel.matchmaking.QueueTicket;
import com.solduel.money.Lamports;
import com.solduel.player.WalletAddress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Matchmaking over REST (docs/matchmaking.md): join a bucket, read where you stand or the game you
 * were matched into, leave. The game socket offers the same with pushed updates.
 */
@ApplicationScoped
@Path("/matchmaking/queue")
@Produces(MediaType.APPLICATION_JSON)
public class MatchmakingResource {

    static final String QUEUED_EXAMPLE = "{\"status\": \"QUEUED\", \"bucket\": \"RPS:0:rated\", \"gameType\": \"RPS\", "
            + "\"wager\": 0, \"rated\": true, \"rating\": 1000, \"position\": 1, \"waitedSeconds\": 0, "
            + "\"joinedAt\": 1764547200123, \"range\": {\"min\": 950, \"max\": 1050}, \"via\": \"REST\", "
            + "\"expiresAt\": 1764547500123}";
    static final String MATCHED_EXAMPLE = "{\"status\": \"MATCHED\", \"bucket\": \"RPS:0:rated\", \"gameType\": \"RPS\", "
            + "\"wager\": 0, \"rated\": true, \"rating\": 1000, \"waitedSeconds\": 7, \"joinedAt\": 1764547200123, "
            + "\"via\": \"REST\", \"expiresAt\": 1764547500123, \"gameId\": 42, \"match\": {\"gameId\": 42, \"gameType\": \"RPS\", "
            + "\"bestOf\": 1, \"wager\": 0, \"rated\": true, \"bucket\": \"RPS:0:rated\", \"yourSeat\": \"P2\", "
            + "\"serverSeedSha256\": \"630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd\", "
            + "\"opponent\": {\"wallet\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"username\": null, \"rating\": 1012}}}";

    @Inject
    MatchQueue queue;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlayerTokens.PLAYER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Wait for an opponent in a bucket (game type, wager, rated or not)",
            description = "A player waits in one bucket at most, never while playing a game, and for 300 s at most "
                    + "(solduel.matchmaking.ticket-ttl-seconds; join again to stay). Matched games use the game type's "
                    + "default options (best of 1). Poll GET for the game, or listen on the game socket for match_found. "
                    + "The wagers offered are solduel.matchmaking.wagers (by default 0, 10000000, 50000000, 100000000 and "
                    + "1000000000 lamports); a wager above 0 only while the server has its escrow vault (GET /api/vault). "
                    + "A wagered match is a game awaiting both players' deposits (AWAITING_DEPOSITS, as a joined wagered "
                    + "challenge): GET /api/games/{id}/deposits says what to send; it starts once both are credited and is "
                    + "cancelled (stakes refunded) if they are not in by the deadline.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QueueJoinRequest.class),
            examples = {@ExampleObject(name = "rps-rated-free", value = "{\"gameType\": \"RPS\", \"wager\": 0, \"rated\": true}"),
                    @ExampleObject(name = "rps-rated-0.05-sol", value = "{\"gameType\": \"RPS\", \"wager\": 50000000, \"rated\": true}")}))
    @APIResponse(responseCode = "201", description = "Waiting: your position, range and when the entry expires",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QueueStatus"),
                    examples = @ExampleObject(name = "queued", value = QUEUED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = ApiSchemas.BAD_JSON_BODY + ", a wager no queue offers "
            + "(`wager-not-offered`, the message lists the offered ones; a wager above 0 is not offered by a server "
            + "without its escrow vault), or a client seed that is not 1 to 64 printable ASCII characters (`invalid-client-seed`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "`player-banned` (a banned player cannot queue) or `player-not-found` (sign in again)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "`already-queued` (you wait in a bucket already: leave it first) or "
            + "`already-in-game` (you play a game in progress or awaiting deposits: queue again once it is over)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = ApiSchemas.TOO_LARGE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = ApiSchemas.UNSUPPORTED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`matchmaking-unavailable`: the queue store (Redis) does not answer; nothing was written, try again",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response join(@Valid @NotNull(message = "a JSON body {\"gameType\": ...} is required") QueueJoinRequest request) {
        JoinRequest join = new JoinRequest(request.gameType(), request.wager() == null ? Lamports.ZERO : request.wager(),
                request.rated() == null || request.rated(), Optional.ofNullable(request.clientSeed()));
        QueueStatus status = queue.join(wallet(), join, QueueTicket.Via.REST);
        return Response.status(Response.Status.CREATED).entity(status).build();
    }

    @GET
    @RolesAllowed(PlayerTokens.PLAYER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Where you stand in matchmaking, or the game you were matched into",
            description = "A matched entry stays readable for solduel.matchmaking.matched-ticket-seconds (60 s by default): "
                    + "play the game with join_game {gameId} on the game socket. A match whose wager is above 0 awaits "
                    + "both deposits first: GET /api/games/{gameId}/deposits says what to send.")
    @APIResponse(responseCode = "200", description = "Waiting (position, waited time, range) or matched (gameId and match)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QueueStatus"),
                    examples = {@ExampleObject(name = "queued", value = QUEUED_EXAMPLE),
                            @ExampleObject(name = "matched", value = MATCHED_EXAMPLE)}))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`not-queued`: you wait in no bucket (never joined, left, expired, "
            + "or the queue store lost its data: join again)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`matchmaking-unavailable`: the queue store (Redis) does not answer",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public QueueStatus status() {
        return queue.status(wallet());
    }

    @DELETE
    @RolesAllowed(PlayerTokens.PLAYER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Stop waiting for an opponent")
    @APIResponse(responseCode = "204", description = "You left the queue")
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`not-queued`: you wait in no bucket",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "`already-matched`: you were matched already (GET tells the game)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`matchmaking-unavailable`: the queue store (Redis) does not answer",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response leave() {
        queue.leave(wallet());
        return Response.noContent().build();
    }

    private WalletAddress wallet() {
        return WalletAddress.of(token.getSubject());
    }
}
