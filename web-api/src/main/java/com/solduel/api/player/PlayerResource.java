package com.solduel.api.player;

import com.solduel.api.problem.InvalidParameterException;
import com.solduel.player.PlayerDirectory;
import com.solduel.player.PlayerLookup;
import com.solduel.player.PlayerPage;
import com.solduel.player.PlayerRanking;
import com.solduel.player.PlayerState;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Public player profiles: one by wallet, or a page of players in a ranking order. */
@Path("/players")
@Produces(MediaType.APPLICATION_JSON)
public class PlayerResource {

    /** RFC 9211 header telling whether the answer came from the Redis cache. */
    static final String CACHE_STATUS = "Cache-Status";

    @Inject
    PlayerDirectory players;

    @GET
    @Path("/{wallet}")
    @Operation(summary = "A player's public profile by wallet address")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PlayerState.class)))
    @APIResponse(responseCode = "400", description = "Not a base58 32-byte wallet address")
    @APIResponse(responseCode = "429", description = "Too many requests from this address (problem rate-limited; see Retry-After)")
    @APIResponse(responseCode = "404", description = "No player has signed in with this wallet")
    public Response byWallet(@PathParam("wallet") String wallet) {
        PlayerLookup lookup = players.find(WalletAddress.of(wallet));
        return Response.ok(lookup.state())
                .header(CACHE_STATUS, lookup.fromCache() ? "solduel-redis; hit" : "solduel-redis; fwd=miss; stored")
                .build();
    }

    @GET
    @Operation(summary = "A page of players, ordered by rating (default), wins or newest")
    public PlayerPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
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
