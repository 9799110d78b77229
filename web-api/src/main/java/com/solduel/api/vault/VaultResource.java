package com.solduel.api.vault;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.wager.DepositMemo;
import com.solduel.wager.EscrowVault;
import com.solduel.wager.VaultInfo;
import com.solduel.wager.WagerSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The escrow vault: where stakes go and who holds them (SPEC §7: custody stated plainly). */
@ApplicationScoped
@Path("/vault")
@Produces(MediaType.APPLICATION_JSON)
public class VaultResource {

    @Inject
    EscrowVault vault;

    @Inject
    WagerSettings settings;

    @GET
    @PermitAll
    @Operation(summary = "The escrow vault's address, who holds the stakes, and the wager rules")
    @APIResponse(responseCode = "200", description = "The vault and the rules of wagers on this server",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VaultInfo"),
                    examples = @ExampleObject(name = "vault", value = "{\"address\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", "
                            + "\"custody\": \"Custodial escrow: your stake is sent to this vault, a Solana account whose key the SOL Duel "
                            + "server holds. ...\", \"minWagerLamports\": 1000000, \"maxWagerLamports\": 100000000000, "
                            + "\"houseFeeBps\": 250, \"depositSeconds\": 300, \"finalizedAboveLamports\": 10000000000, "
                            + "\"memoFormat\": \"" + DepositMemo.FORMAT + "\"}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`vault-unavailable`: this server has no escrow vault configured "
            + "(solduel.vault.keypair-location): wagers are off, free play works",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public VaultInfo vault() {
        var limits = settings.limits();
        return new VaultInfo(vault.address(), EscrowVault.CUSTODY, limits.min().value(), limits.max().value(),
                limits.houseFeeBps(), settings.depositWindow().toSeconds(), settings.finalizedAboveLamports(),
                DepositMemo.FORMAT);
    }
}
