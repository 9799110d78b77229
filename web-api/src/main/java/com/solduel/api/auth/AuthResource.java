package com.solduel.api.auth;

import com.solduel.auth.Challenge;
import com.solduel.auth.SignedIn;
import com.solduel.auth.WalletSignIn;
import com.solduel.player.WalletAddress;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Sign in with the wallet: ask for a challenge, sign it, get a JWT. */
@Path("/auth")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    WalletSignIn signIn;

    @Context
    HttpServletRequest http;

    @POST
    @Path("/nonce")
    @Operation(summary = "Open a single-use sign-in challenge for a wallet (5 min); sign its message with the wallet")
    @APIResponse(responseCode = "200", description = "The message to sign, its nonce and expiry")
    @APIResponse(responseCode = "400", description = "Malformed wallet address, body or header")
    @APIResponse(responseCode = "429", description = "Too many requests from this address (problem rate-limited), or too "
            + "many challenges asked for from this address or for this wallet in the current window (problem "
            + "too-many-sign-in-requests); the Retry-After header says when to retry")
    public Challenge nonce(@Valid @NotNull(message = "a JSON body {\"wallet\": ...} is required") NonceRequest request) {
        return signIn.challenge(WalletAddress.of(request.wallet()), http.getRemoteAddr());
    }

    @POST
    @Path("/verify")
    @Operation(summary = "Exchange the wallet's Ed25519 signature of the challenge for a JWT (Bearer token)")
    @APIResponse(responseCode = "200", description = "The token, its expiry and groups, and the player")
    @APIResponse(responseCode = "400", description = "Malformed wallet, signature, body or header")
    @APIResponse(responseCode = "401", description = "Wrong signature, or no open challenge (expired or used)")
    @APIResponse(responseCode = "429", description = "Too many sign-in requests from this address (problem rate-limited; see Retry-After)")
    public SignedIn verify(@Valid @NotNull(message = "a JSON body {\"wallet\": ..., \"signature\": ...} is required") VerifyRequest request) {
        return signIn.verify(WalletAddress.of(request.wallet()), request.signature());
    }
}
