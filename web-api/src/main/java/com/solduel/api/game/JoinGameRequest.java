package com.solduel.api.game;

import com.solduel.api.ApiSchemas;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"inviteCode": "ABCD2345", "clientSeed": "optional"}}. */
@Schema(name = "JoinGameRequest", description = "The invite code of the challenge to join")
public record JoinGameRequest(
        @Schema(description = "The invite code the creator shared: 8 characters of ABCDEFGHJKLMNPQRSTUVWXYZ23456789 "
                + "as issued (any other text of at most 16 characters answers 404 invite-not-found)",
                required = true, minLength = 1, maxLength = 16, example = "ABCD2345")
        @NotBlank(message = "inviteCode is required") @Size(max = 16, message = "inviteCode is at most 16 characters") String inviteCode,
        @Schema(description = ApiSchemas.CLIENT_SEED_DESCRIPTION, minLength = 1, maxLength = 64,
                pattern = ApiSchemas.CLIENT_SEED, example = "bobs-seed")
        @Size(max = 64, message = "clientSeed is at most 64 characters") String clientSeed) {
}
