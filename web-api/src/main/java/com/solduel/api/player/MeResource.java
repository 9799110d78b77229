package com.solduel.api.player;

import com.solduel.auth.PlayerTokens;
import com.solduel.player.PlayerDirectory;
import com.solduel.player.PlayerState;
import com.solduel.player.WalletAddress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in player. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    JsonWebToken token;

    @Inject
    PlayerDirectory players;

    @GET
    @RolesAllowed(PlayerTokens.PLAYER)
    @Operation(summary = "The player the Bearer token belongs to")
    @SecurityRequirement(name = "jwt")
    public PlayerState me() {
        return players.find(WalletAddress.of(token.getSubject())).state();
    }
}
