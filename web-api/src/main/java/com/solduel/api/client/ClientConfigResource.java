package com.solduel.api.client;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.matchmaking.MatchmakingSettings;
import com.solduel.wager.EscrowVault;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The public settings a client reads before anything else: the web client builds and sends its
 * deposits itself, so the server tells it which cluster, RPC and vault to use rather than the
 * client guessing ({@code solduel.client.*}, defaults in ejb-game's microprofile-config.properties).
 */
@ApplicationScoped
@Path("/client-config")
@Produces(MediaType.APPLICATION_JSON)
public class ClientConfigResource {

    /** The only cluster on which the built-in development wallet and airdrops are offered. */
    static final String LOCALNET = "localnet";

    @Inject
    @ConfigProperty(name = "solduel.client.cluster")
    String cluster;

    @Inject
    @ConfigProperty(name = "solduel.client.rpc-url")
    String rpcUrl;

    @Inject
    @ConfigProperty(name = "solduel.client.explorer-tx-url")
    String explorerTxUrl;

    @Inject
    EscrowVault vault;

    @Inject
    MatchmakingSettings matchmaking;

    @GET
    @PermitAll
    @Operation(summary = "The cluster, RPC, explorer, vault and offered wagers a client plays with on this server")
    @APIResponse(responseCode = "200", description = "The client settings of this server",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientConfig.class),
                    examples = @ExampleObject(name = "localnet", value = "{\"cluster\": \"localnet\", \"rpcUrl\": \"http://127.0.0.1:8899\", "
                            + "\"explorerTxUrl\": \"https://explorer.solana.com/tx/{signature}?cluster=custom&customUrl=http%3A%2F%2F127.0.0.1%3A8899\", "
                            + "\"developmentWallet\": true, \"vault\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", "
                            + "\"wagers\": [0, 10000000, 50000000, 100000000, 1000000000]}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ClientConfig config() {
        return new ClientConfig(cluster, rpcUrl, explorerTxUrl, LOCALNET.equals(cluster),
                vault.available() ? vault.address() : null,
                matchmaking.offeredWagers().stream().map(w -> w.value()).toList());
    }
}
