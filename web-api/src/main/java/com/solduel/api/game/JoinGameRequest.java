package com.solduel.api.game;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"inviteCode": "ABCD2345", "clientSeed": "optional"}}. */
public record JoinGameRequest(
        @NotBlank(message = "inviteCode is required") @Size(max = 16, message = "inviteCode is at most 16 characters") String inviteCode,
        @Size(max = 64, message = "clientSeed is at most 64 characters") String clientSeed) {
}
