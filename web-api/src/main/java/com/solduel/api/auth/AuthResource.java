package com.solduel.api.auth;

import com.solduel.auth.Challenge;
import com.solduel.auth.SignedIn;
import com.solduel.auth.WalletSignIn;
import com.solduel.player.WalletAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Sign in with the wallet: ask for a challenge, sign it, get a JWT. */
@ApplicationScoped
@Path("/auth")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    WalletSignIn signIn;

    @POST
    @Path("/nonce")
    @Operation(summary = "Open a single-use sign-in challenge for a wallet (5 min); sign its message with the wallet",
            description = "No authentication. A few challenges may be open per wallet at once; each is used once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NonceRequest.class),
            examples = @ExampleObject(name = "wallet", value = "{\"wallet\": \"" + ApiSchemas.WALLET_EXAMPLE + "\"}")))
    @APIResponse(responseCode = "200", description = "The message to sign, its nonce and expiry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Challenge"),
                    examples = @ExampleObject(name = "challenge", value = "{\"message\": \"SOL Duel sign-in ...\", "
                            + "\"nonce\": \"9f2c6a0d4e7b4c1e8a3f5b6d7c8e9f01\", \"issuedAt\": \"2026-11-30T18:00:00Z\", "
                            + "\"expiresAt\": \"2026-11-30T18:05:00Z\"}")))
    @APIResponse(responseCode = "400", description = ApiSchemas.BAD_JSON_BODY + ", or a wallet that is not a base58 32-byte public key (`invalid-wallet-address`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = ApiSchemas.TOO_LARGE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = ApiSchemas.UNSUPPORTED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (`rate-limited`), or too many challenges asked for from this address or for this wallet in the current window (`too-many-sign-in-requests`); the Retry-After header says when to retry",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Challenge nonce(@Valid @NotNull(message = "a JSON body {\"wallet\": ...} is required") NonceRequest request,
            @Context HttpServletRequest http) {
        return signIn.challenge(WalletAddress.of(request.wallet()), http.getRemoteAddr());
    }

    @POST
    @Path("/verify")
    @Operation(summary = "Exchange the wallet's Ed25519 signature of the challenge for a JWT (Bearer token)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerifyRequest.class),
            examples = @ExampleObject(name = "signature", value = "{\"wallet\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", "
                    + "\"signature\": \"5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW\"}")))
    @APIResponse(responseCode = "200", description = "The token, its expiry and groups, and the player",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SignedIn"),
                    examples = @ExampleObject(name = "signed-in", value = "{\"token\": \"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\", "
                            + "\"expiresAt\": \"2026-11-30T19:00:00Z\", \"groups\": [\"player\"], \"player\": {\"id\": 7, "
                            + "\"walletAddress\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"eloRating\": 1200, \"wins\": 0, "
                            + "\"losses\": 0, \"totalEarnings\": 0, \"createdAt\": \"2026-11-30T18:01:00Z\"}}")))
    @APIResponse(responseCode = "400", description = ApiSchemas.BAD_JSON_BODY + ", a malformed wallet (`invalid-wallet-address`) or a signature that is not the base58 text of 64 bytes (`malformed-signature`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "The signature does not match the challenge message and wallet (`sign-in-bad-signature`), or no challenge is open for this wallet: expired or already used (`sign-in-challenge-missing`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The signature is good but the player is banned (`player-banned`); no token is issued",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = ApiSchemas.TOO_LARGE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = ApiSchemas.UNSUPPORTED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address (`rate-limited`); the Retry-After header says when to retry",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SignedIn verify(@Valid @NotNull(message = "a JSON body {\"wallet\": ..., \"signature\": ...} is required") VerifyRequest request) {
        return signIn.verify(WalletAddress.of(request.wallet()), request.signature());
    }
}
