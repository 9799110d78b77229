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
import com.solduel.api.problem.InvalidParameterException;
import com.solduel.player.MatchHistory;
import com.solduel.player.MatchHistoryPage;
import com.solduel.player.PlayerDirectory;
import com.solduel.player.PlayerLookup;
import com.solduel.player.PlayerPage;
import com.solduel.player.PlayerRanking;
import com.solduel.player.WalletAddress;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;

/** Public player profiles: one by wallet with its match history, or a page of players in a ranking order. */
@ApplicationScoped
@Path("/players")
@Produces(MediaType.APPLICATION_JSON)
public class PlayerResource {

    /** RFC 9211 header telling whether the answer came from the Redis cache. */
    static final String CACHE_STATUS = "Cache-Status";

    static final String PROFILE_EXAMPLE = "{\"id\": 7, \"walletAddress\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", "
            + "\"username\": \"alice\", \"eloRating\": 1020, \"wins\": 1, \"losses\": 0, \"draws\": 0, \"totalEarnings\": 0, "
            + "\"createdAt\": \"2026-11-01T12:00:00Z\", \"gamesPlayed\": 2, \"ratedGames\": 1, \"winRate\": 1.0, "
            + "\"ratings\": {\"DUEL\": {\"rating\": 1000, \"ratedGames\": 0, \"wins\": 0, \"losses\": 0, \"draws\": 0}, "
            + "\"RPS\": {\"rating\": 1020, \"rank\": 1, \"ratedGames\": 1, \"wins\": 1, \"losses\": 0, \"draws\": 0, \"winRate\": 1.0}}, "
            + "\"ratingHistory\": {\"DUEL\": [], \"RPS\": [{\"gameId\": 42, \"before\": 1000, \"after\": 1020, "
            + "\"at\": \"2026-11-30T18:02:11Z\"}]}}";

    static final String HISTORY_EXAMPLE = "{\"items\": [{\"gameId\": 42, \"gameType\": \"RPS\", \"opponentWallet\": "
            + "\"HN7cABqLq46Es1jh92dQQisAq662SmxELLLsHHe4YWrH\", \"opponentUsername\": \"bob\", \"wagerLamports\": 0, "
            + "\"status\": \"COMPLETED\", \"result\": \"WIN\", \"reason\": \"ROUNDS_WON\", \"rated\": true, \"ratingAfter\": 1020, "
            + "\"ratingChange\": 20, \"createdAt\": \"2026-11-30T18:00:00Z\", \"startedAt\": \"2026-11-30T18:00:05Z\", "
            + "\"endedAt\": \"2026-11-30T18:02:11Z\", \"export\": \"/api/games/42/export\"}], \"page\": 0, \"size\": 20, \"total\": 1}";

    @Inject
    PlayerDirectory players;

    @Inject
    MatchHistory history;

    @GET
    @Path("/{wallet}")
    @Operation(summary = "A player's public profile by wallet address: overall and per-game-type rating, rank, record and rating history",
            description = "Cached in Redis for solduel.cache.player-state-ttl-seconds (300) and evicted when one of the "
                    + "player's games ends; the ranks are read from the leaderboards on every request. totalEarnings "
                    + "is 0 until wagers are settled (free play earns nothing). docs/ratings.md.")
    @APIResponse(responseCode = "200", description = "The player; the Cache-Status header says whether it came from the cache",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlayerProfile"),
                    examples = @ExampleObject(name = "player", value = PROFILE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), or not a base58 32-byte wallet address (`invalid-wallet-address`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`player-not-found`: no player has signed in with this wallet",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response byWallet(@Parameter(description = "The wallet address (base58, 32 bytes)", example = ApiSchemas.WALLET_EXAMPLE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, minLength = 32, maxLength = 44, pattern = ApiSchemas.BASE58_WALLET)) @PathParam("wallet") String wallet) {
        PlayerLookup lookup = players.find(WalletAddress.of(wallet));
        return Response.ok(lookup.profile())
                .header(CACHE_STATUS, lookup.fromCache() ? "solduel-redis; hit" : "solduel-redis; fwd=miss; stored")
                .build();
    }

    @GET
    @Path("/{wallet}/games")
    @Operation(summary = "A player's match history, newest first: opponent, game type, wager, status, result, rating change, export link")
    @APIResponse(responseCode = "200", description = "The page and how many games the player has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MatchHistoryPage"),
                    examples = @ExampleObject(name = "history", value = HISTORY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), not a base58 32-byte "
            + "wallet address (`invalid-wallet-address`), page or size not an integer (`invalid-number`) or out of range "
            + "(`invalid-request`, with `violations`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`player-not-found`: no player has signed in with this wallet",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public MatchHistoryPage games(@Parameter(description = "The wallet address (base58, 32 bytes)", example = ApiSchemas.WALLET_EXAMPLE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, minLength = 32, maxLength = 44, pattern = ApiSchemas.BASE58_WALLET)) @PathParam("wallet") String wallet,
                                  @Parameter(description = "The page number, from 0", example = "0")
                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                  @Parameter(description = "Games per page", example = "20")
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return history.page(WalletAddress.of(wallet), page, size);
    }

    @GET
    @Operation(summary = "A page of players, ordered by rating (default), wins or newest")
    @APIResponse(responseCode = "200", description = "The page and the total number of players",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlayerPage"),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [{\"id\": 7, \"walletAddress\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"username\": \"alice\", \"eloRating\": 1500, \"wins\": 12, \"losses\": 9, \"totalEarnings\": 250000000, \"createdAt\": \"2026-11-01T12:00:00Z\"}], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), page or size not an integer (`invalid-number`) or out of range (`invalid-request`, with `violations`), or an unknown order (`invalid-parameter`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PlayerPage list(@Parameter(description = "The page number, from 0", example = "0")
                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                           @Parameter(description = "Players per page", example = "20")
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                           @Parameter(description = "The order: elo (rating, highest first), wins or newest",
                                   schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                           enumeration = {"elo", "wins", "newest"}, defaultValue = "elo"))
                           @QueryParam("order") @DefaultValue("elo") String order) {
        return players.page(page, size, ranking(order));
    }

    private static PlayerRanking ranking(String order) {
        try {
            return PlayerRanking.valueOf(order.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("order must be one of "
                    + Arrays.toString(PlayerRanking.values()).toLowerCase(Locale.ROOT) + ", got '" + order + "'");
        }
    }
}
