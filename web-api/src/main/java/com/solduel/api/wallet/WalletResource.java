package com.solduel.api.wallet;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.solduel.player.WalletAddress;
import com.solduel.solana.rpc.AccountBalance;
import com.solduel.solana.rpc.Commitment;
import com.solduel.solana.rpc.JsonRpcErrorException;
import com.solduel.solana.rpc.SolanaRefusedException;
import com.solduel.solana.rpc.SolanaRpc;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** On-chain facts about a wallet, read through the Solana RPC pool. */
@ApplicationScoped
@Path("/wallets")
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {

    @Inject
    SolanaRpc solana;

    @GET
    @Path("/{wallet}/balance")
    @Operation(summary = "A wallet's SOL balance at confirmed commitment")
    @APIResponse(responseCode = "200", description = "Exact lamports, the same in SOL, and the slot it was read at",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WalletBalance.class),
                    examples = @ExampleObject(name = "balance", value = "{\"wallet\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"lamports\": 1500000000, "
                            + "\"sol\": 1.500000000, \"slot\": 123456}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), or not a base58 32-byte wallet address (`invalid-wallet-address`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`solana-unavailable`: no Solana RPC endpoint can answer right now; `solana-refused`: the node answered with a JSON-RPC error (not retried elsewhere: the node works); retry later",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public WalletBalance balance(@Parameter(description = "The wallet address (base58, 32 bytes)", example = ApiSchemas.WALLET_EXAMPLE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, minLength = 32, maxLength = 44, pattern = ApiSchemas.BASE58_WALLET)) @PathParam("wallet") String wallet) {
        WalletAddress address = WalletAddress.of(wallet);
        AccountBalance balance;
        try {
            balance = solana.getBalance(address.value(), Commitment.CONFIRMED);
        } catch (JsonRpcErrorException refused) {
            throw new SolanaRefusedException("read the balance", refused);
        }
        return WalletBalance.of(address.value(), balance.lamports(), balance.slot());
    }
}
