package com.solduel.api.wallet;

import com.solduel.player.WalletAddress;
import com.solduel.solana.rpc.AccountBalance;
import com.solduel.solana.rpc.Commitment;
import com.solduel.solana.rpc.SolanaRpc;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** On-chain facts about a wallet, read through the Solana RPC pool. */
@Path("/wallets")
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {

    @Inject
    SolanaRpc solana;

    @GET
    @Path("/{wallet}/balance")
    @Operation(summary = "A wallet's SOL balance at confirmed commitment")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WalletBalance.class)))
    @APIResponse(responseCode = "400", description = "Not a base58 32-byte wallet address")
    @APIResponse(responseCode = "429", description = "Too many requests from this address (problem rate-limited; see Retry-After)")
    @APIResponse(responseCode = "503", description = "No Solana RPC endpoint can answer right now")
    public WalletBalance balance(@PathParam("wallet") String wallet) {
        WalletAddress address = WalletAddress.of(wallet);
        AccountBalance balance = solana.getBalance(address.value(), Commitment.CONFIRMED);
        return WalletBalance.of(address.value(), balance.lamports(), balance.slot());
    }
}
