package com.solduel.api.leaderboard;

import com.solduel.api.ApiSchemas;
import com.solduel.api.input.ApiJson;
import com.solduel.api.problem.InvalidParameterException;
import com.solduel.api.problem.Problem;
import com.solduel.game.rules.GameType;
import com.solduel.leaderboard.Leaderboard;
import com.solduel.leaderboard.LeaderboardPage;
import com.solduel.player.WalletAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Each game type's leaderboard: its top, or a player's rank and neighbours (docs/ratings.md). */
@ApplicationScoped
@Path("/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    static final String EXAMPLE = "{\"gameType\": \"RPS\", \"total\": 143, \"entries\": [{\"rank\": 1, \"wallet\": \""
            + ApiSchemas.WALLET_EXAMPLE + "\", \"username\": \"alice\", \"rating\": 1240, \"ratedGames\": 43, \"wins\": 31, "
            + "\"losses\": 10, \"draws\": 2}]}";

    /**
     * The JSON of the latest top-N answer per (type, limit): reused while {@link Leaderboard#top}
     * returns the same page (its short-lived cache), so a hot top-50 is encoded once, not per read.
     */
    private static final Map<String, Encoded> ENCODED = new ConcurrentHashMap<>();

    @Inject
    Leaderboard leaderboard;

    @GET
    @Operation(summary = "A game type's leaderboard: the top `limit` players, or with `around` a player and their neighbours",
            description = "Highest rating first; equal ratings by player id (who signed up first); ranks are 1-based "
                    + "and never shared. Only players with a rated game of the type are on it. Served from Redis, "
                    + "from PostgreSQL while Redis cannot answer. With `around`, the answer is that player and up to "
                    + "solduel.leaderboard.neighbours (5) players above and below, and `limit` is not used.")
    @APIResponse(responseCode = "200", description = "The slice of the leaderboard and how many players are on it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LeaderboardPage"),
                    examples = @ExampleObject(name = "top", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), gameType missing or "
            + "not RPS or DUEL (`invalid-parameter`), limit not an integer (`invalid-number`) or outside 1..100 "
            + "(`invalid-request`, with `violations`), or `around` not a base58 32-byte wallet address (`invalid-wallet-address`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`not-ranked`: the `around` wallet has no rated game of this type "
            + "(or no player has that wallet), so it is not on the leaderboard",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response leaderboard(
            @Parameter(description = "The game type (case-insensitive)", required = true,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"RPS", "DUEL"}))
            @QueryParam("gameType") String gameType,
            @Parameter(description = "How many players from the top", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @Parameter(description = "A wallet: answer its rank and neighbours instead of the top", example = ApiSchemas.WALLET_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, minLength = 32, maxLength = 44, pattern = ApiSchemas.BASE58_WALLET))
            @QueryParam("around") String around) {
        GameType type = gameType(gameType);
        if (around != null) {
            return Response.ok(leaderboard.around(type, WalletAddress.of(around).value()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        LeaderboardPage page = leaderboard.top(type, limit);
        String key = type.name() + ':' + limit;
        Encoded encoded = ENCODED.get(key);
        if (encoded == null || encoded.page() != page) {
            encoded = new Encoded(page, ApiJson.jsonb().toJson(page).getBytes(StandardCharsets.UTF_8));
            ENCODED.put(key, encoded);
        }
        return Response.ok(encoded.json(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private record Encoded(LeaderboardPage page, byte[] json) {
    }

    static GameType gameType(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException("gameType is required: RPS or DUEL");
        }
        try {
            return GameType.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("gameType must be RPS or DUEL");
        }
    }
}
